//! The encoding side: the [`Encode`] trait and the sinks it writes into.
//!
//! Every encodable value knows its exact size first ([`Encode::encoded_len`]) and then writes
//! itself once, front to back, into any [`Writer`]: a `Vec<u8>`, a [`bytes::BytesMut`], a fixed
//! `&mut [u8]` ([`SliceWriter`], no allocation) or, with `std`, any [`std::io::Write`]
//! ([`IoWriter`]). WSP lengths are variable-width, so sizes are computed bottom-up rather than
//! back-patched.

use alloc::vec::Vec;

use crate::base::error::EncodeError;

/// A sink for encoded octets.
pub trait Writer {
    /// Appends `bytes`.
    ///
    /// # Errors
    /// [`EncodeError::BufferTooSmall`] for a full fixed buffer, [`EncodeError::Io`] for a
    /// failing `io::Write`.
    fn write_bytes(&mut self, bytes: &[u8]) -> Result<(), EncodeError>;

    /// Appends one octet.
    ///
    /// # Errors
    /// As [`Writer::write_bytes`].
    fn write_u8(&mut self, byte: u8) -> Result<(), EncodeError> {
        self.write_bytes(&[byte])
    }

    /// Copies exactly `len` octets from `reader` into the sink through a small fixed buffer, so
    /// that a large part never sits in memory whole.
    ///
    /// # Errors
    /// [`EncodeError::ShortRead`] when the reader ends early, [`EncodeError::Io`] when it fails,
    /// or any error of the sink.
    #[cfg(feature = "std")]
    fn write_from_reader(
        &mut self,
        reader: &mut dyn std::io::Read,
        len: u64,
    ) -> Result<(), EncodeError> {
        let mut buf = [0u8; 16 * 1024];
        let mut left = len;
        while left > 0 {
            let want = usize::try_from(left.min(buf.len() as u64)).unwrap_or(buf.len());
            let chunk = buf.get_mut(..want).unwrap_or(&mut []);
            let n = match reader.read(chunk) {
                Ok(0) => {
                    return Err(EncodeError::ShortRead {
                        expected: len,
                        got: len - left,
                    });
                }
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e.into()),
            };
            self.write_bytes(chunk.get(..n).unwrap_or(&[]))?;
            left -= n as u64;
        }
        Ok(())
    }
}

impl Writer for Vec<u8> {
    fn write_bytes(&mut self, bytes: &[u8]) -> Result<(), EncodeError> {
        self.extend_from_slice(bytes);
        Ok(())
    }
}

impl Writer for bytes::BytesMut {
    fn write_bytes(&mut self, bytes: &[u8]) -> Result<(), EncodeError> {
        self.extend_from_slice(bytes);
        Ok(())
    }
}

impl<W: Writer + ?Sized> Writer for &mut W {
    fn write_bytes(&mut self, bytes: &[u8]) -> Result<(), EncodeError> {
        (**self).write_bytes(bytes)
    }
}

/// Writes into a caller's fixed buffer without allocating; fails when it is full.
///
/// ```
/// use mms_pdu::codec::{Encode, SliceWriter, Uintvar};
/// let mut buf = [0u8; 8];
/// let mut w = SliceWriter::new(&mut buf);
/// Uintvar::new(16384).encode(&mut w).unwrap();
/// assert_eq!(w.written(), &[0x81, 0x80, 0x00]);
/// ```
#[derive(Debug)]
pub struct SliceWriter<'b> {
    buf: &'b mut [u8],
    pos: usize,
}

impl<'b> SliceWriter<'b> {
    /// A writer that fills `buf` from its start.
    pub fn new(buf: &'b mut [u8]) -> Self {
        SliceWriter { buf, pos: 0 }
    }

    /// How many octets have been written.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// The octets written so far.
    pub fn written(&self) -> &[u8] {
        self.buf.get(..self.pos).unwrap_or(&[])
    }
}

impl Writer for SliceWriter<'_> {
    fn write_bytes(&mut self, bytes: &[u8]) -> Result<(), EncodeError> {
        let end = self.pos.checked_add(bytes.len());
        match end.and_then(|end| self.buf.get_mut(self.pos..end)) {
            Some(dst) => {
                dst.copy_from_slice(bytes);
                self.pos += bytes.len();
                Ok(())
            }
            None => Err(EncodeError::BufferTooSmall {
                need: self.pos.saturating_add(bytes.len()),
                have: self.buf.len(),
            }),
        }
    }
}

/// Adapts any [`std::io::Write`] (a socket, a file, an HTTP body) as a [`Writer`].
///
/// No buffering is added: wrap the sink in a `BufWriter` when it is unbuffered.
#[cfg(feature = "std")]
#[derive(Debug)]
pub struct IoWriter<W: std::io::Write> {
    inner: W,
    written: u64,
}

#[cfg(feature = "std")]
impl<W: std::io::Write> IoWriter<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Self {
        IoWriter { inner, written: 0 }
    }

    /// Octets written so far.
    pub fn bytes_written(&self) -> u64 {
        self.written
    }

    /// Gives the sink back.
    pub fn into_inner(self) -> W {
        self.inner
    }
}

#[cfg(feature = "std")]
impl<W: std::io::Write> Writer for IoWriter<W> {
    fn write_bytes(&mut self, bytes: &[u8]) -> Result<(), EncodeError> {
        self.inner.write_all(bytes)?;
        self.written += bytes.len() as u64;
        Ok(())
    }
}

/// Counts octets without storing them; used to check `encoded_len` predictions.
#[derive(Debug, Default, Clone, Copy)]
pub struct CountingWriter {
    /// Octets counted so far.
    pub count: u64,
}

impl Writer for CountingWriter {
    fn write_bytes(&mut self, bytes: &[u8]) -> Result<(), EncodeError> {
        self.count += bytes.len() as u64;
        Ok(())
    }
}

/// A value with a wire encoding whose size is known before it is written: every decoded or
/// built value, PDU, push and multipart of the crate.
///
/// ```
/// use mms_pdu::prelude::*;
/// let pdu = NotifyRespInd::build("T1", Status::RETRIEVED).build()?;
/// let len = pdu.encoded_len(); // known before writing
/// let wire = pdu.encode_to_vec()?; // one allocation of exactly `len`
/// assert_eq!(wire.len(), len);
/// let mut buf = [0u8; 64]; // or no allocation at all
/// assert_eq!(pdu.encode_to_slice(&mut buf)?, len);
/// assert_eq!(&buf[..len], wire);
/// # Ok::<(), EncodeError>(())
/// ```
pub trait Encode {
    /// The exact number of octets [`Encode::encode`] writes.
    fn encoded_len(&self) -> usize;

    /// Writes the encoding into `w`.
    ///
    /// # Errors
    /// [`EncodeError`] when the value has no valid wire form or the sink fails.
    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError>;

    /// Encodes into a new `Vec` allocated once at the predicted size, and checks that the
    /// prediction held.
    ///
    /// # Errors
    /// As [`Encode::encode`], or [`EncodeError::LengthMismatch`] if the encoder wrote a different
    /// number of octets than it predicted.
    fn encode_to_vec(&self) -> Result<Vec<u8>, EncodeError> {
        let predicted = self.encoded_len();
        let mut out = Vec::with_capacity(predicted);
        self.encode(&mut out)?;
        if out.len() != predicted {
            return Err(EncodeError::LengthMismatch {
                predicted,
                written: out.len(),
            });
        }
        Ok(out)
    }

    /// Encodes into a fixed buffer and returns the number of octets written.
    ///
    /// # Errors
    /// [`EncodeError::BufferTooSmall`] (checked up front) or any error of [`Encode::encode`].
    fn encode_to_slice(&self, buf: &mut [u8]) -> Result<usize, EncodeError> {
        let need = self.encoded_len();
        if need > buf.len() {
            return Err(EncodeError::BufferTooSmall {
                need,
                have: buf.len(),
            });
        }
        let mut w = SliceWriter::new(buf);
        self.encode(&mut w)?;
        Ok(w.position())
    }

    /// Encodes into an [`std::io::Write`], streaming; returns the octets written.
    ///
    /// # Errors
    /// As [`Encode::encode`].
    #[cfg(feature = "std")]
    fn encode_to_writer<W: std::io::Write>(&self, sink: W) -> Result<u64, EncodeError> {
        let mut w = IoWriter::new(sink);
        self.encode(&mut w)?;
        Ok(w.bytes_written())
    }
}

/// Implements [`Encode`] for an enum each of whose variants holds one value that encodes
/// itself, as the choice grammars are (`Class-identifier | Token-text`, `Integer-value |
/// Text-value`, ...): the first octet tells the decoder which, so the enum adds nothing on the
/// wire.
///
/// `encode_variants!(MessageClassValue<'_> { Class, Text });`
macro_rules! encode_variants {
    ($ty:ty { $($variant:ident),+ $(,)? }) => {
        impl $crate::codec::Encode for $ty {
            fn encoded_len(&self) -> usize {
                match self {
                    $(Self::$variant(v) => $crate::codec::Encode::encoded_len(v),)+
                }
            }
            fn encode<W: $crate::codec::Writer + ?Sized>(
                &self,
                w: &mut W,
            ) -> Result<(), $crate::base::error::EncodeError> {
                match self {
                    $(Self::$variant(v) => $crate::codec::Encode::encode(v, w),)+
                }
            }
        }
    };
}
pub(crate) use encode_variants;

impl<T: Encode + ?Sized> Encode for &T {
    fn encoded_len(&self) -> usize {
        (**self).encoded_len()
    }
    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        (**self).encode(w)
    }
}

/// Octets already encoded: written as they are.
impl Encode for [u8] {
    fn encoded_len(&self) -> usize {
        self.len()
    }
    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        w.write_bytes(self)
    }
}
