//! An owned, `'static` PDU over one shared buffer.
//!
//! Why this shape: [`Pdu<'a>`](crate::mms::Pdu) borrows every value from its input, so it
//! cannot be `'static` without owning that input alongside the borrows (a self-referential
//! struct, which safe Rust cannot express without `unsafe` or extra crates). Instead
//! [`OwnedPdu`] owns the encoded octets as a [`bytes::Bytes`] beside what the decode found
//! (the header index, which holds offsets, not borrows, and the diagnostics), and re-borrows a
//! [`Pdu`] from the two on demand without decoding again: the input was decoded and validated
//! once, up front. Parts of the body are handed out as `Bytes` slices of the same buffer
//! ([`Bytes::slice_ref`]), so nothing is copied per field or per part.
//!
//! [`bytes::Bytes`]: https://docs.rs/bytes/1/bytes/struct.Bytes.html

use bytes::Bytes;

use crate::base::error::{DecodeError, EncodeError};
use crate::base::options::DecodeOptions;
use crate::codec::Encode;
use crate::mms::pdu::{Detached, Pdu};

/// A decoded PDU that owns its octets.
///
/// ```
/// use bytes::Bytes;
/// use mms_pdu::mms::OwnedPdu;
/// let owned = OwnedPdu::decode(Bytes::from_static(&[0x8C, 0x80, 0x84, 0xA3, 0x00])).unwrap();
/// assert_eq!(owned.pdu().headers().len(), 2);
/// assert_eq!(owned.body_bytes().unwrap().as_ref(), &[0x00]);
/// let forever: OwnedPdu = owned; // 'static
/// # let _ = forever;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnedPdu {
    bytes: Bytes,
    /// The decoded PDU without its octets (`bytes`).
    detached: Detached,
}

impl OwnedPdu {
    /// Validates `bytes` as a PDU (lenient decoding) and keeps them.
    ///
    /// # Errors
    /// As [`Pdu::decode`].
    pub fn decode(bytes: Bytes) -> Result<Self, DecodeError> {
        Self::decode_with(bytes, &DecodeOptions::new())
    }

    /// Validates `bytes` as a PDU with `options` and keeps both.
    ///
    /// # Errors
    /// As [`Pdu::decode_with`].
    pub fn decode_with(bytes: Bytes, options: &DecodeOptions) -> Result<Self, DecodeError> {
        let detached = Pdu::decode_with(&bytes, options)?.detach();
        // A decoded PDU always has its index; the fallback (an empty one) is never taken.
        let detached = detached.unwrap_or_default();
        Ok(OwnedPdu { bytes, detached })
    }

    /// The PDU, borrowed from the owned octets (put together from what the decode found, not
    /// decoded again).
    pub fn pdu(&self) -> Pdu<'_> {
        Pdu::attach(&self.bytes, &self.detached)
    }

    /// The body as a zero-copy slice of the owned buffer.
    pub fn body_bytes(&self) -> Option<Bytes> {
        let range = self.detached.body_range()?;
        (range.start <= self.bytes.len()).then(|| self.bytes.slice(range))
    }

    /// A zero-copy `Bytes` of any sub-slice of [`OwnedPdu::as_bytes`] (for example a part's
    /// data found through [`OwnedPdu::pdu`]). An empty slice is returned for a slice from
    /// elsewhere.
    pub fn slice_ref(&self, part: &[u8]) -> Bytes {
        let base = self.bytes.as_ptr() as usize;
        let at = part.as_ptr() as usize;
        let inside = at >= base && at.saturating_add(part.len()) <= base + self.bytes.len();
        if inside && !part.is_empty() {
            self.bytes.slice_ref(part)
        } else {
            Bytes::new()
        }
    }

    /// The encoded PDU.
    pub fn as_bytes(&self) -> &Bytes {
        &self.bytes
    }

    /// Gives the encoded PDU back.
    pub fn into_bytes(self) -> Bytes {
        self.bytes
    }
}

impl Pdu<'_> {
    /// This PDU as an [`OwnedPdu`]: its octets copied once into a new buffer.
    ///
    /// A PDU decoded on its own (its first header at offset 0) keeps what its decode found
    /// (index, diagnostics, limits): nothing is decoded again. A PDU built with [`Pdu::new`]
    /// or a builder, or one decoded inside a push (its offsets count from the push), is
    /// encoded and decoded once, leniently, so that the owned offsets count from the start
    /// of [`OwnedPdu::as_bytes`].
    ///
    /// ```
    /// use mms_pdu::prelude::*;
    /// let wire = [0x8C, 0x84, 0x8D, 0x92, 0x84, 0x83, b'h', b'i'];
    /// let owned: OwnedPdu = Pdu::decode(&wire)?.into_owned()?;
    /// let body = std::thread::spawn(move || owned.body_bytes()).join().unwrap();
    /// assert_eq!(body.as_deref(), Some(&b"hi"[..]));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// The encode error, or `Unencodable` when the encoded octets do not decode again
    /// (possible only for a hand-built PDU).
    pub fn into_owned(self) -> Result<OwnedPdu, EncodeError> {
        let bytes = Bytes::from(self.encode_to_vec()?);
        let decoded_alone = self.fields().next().is_some_and(|h| h.offset == 0);
        if let Some(detached) = self.detach().filter(|_| decoded_alone) {
            return Ok(OwnedPdu { bytes, detached });
        }
        OwnedPdu::decode(bytes).map_err(|_| EncodeError::Unencodable {
            field: "PDU",
            reason: "the encoded PDU does not decode",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn into_owned_round_trip_and_zero_copy_body() {
        let wire = [0x8C, 0x84, 0x8D, 0x92, 0x84, 0x83, b'h', b'i'];
        let pdu = Pdu::decode(&wire).unwrap();
        let owned = pdu.clone().into_owned().unwrap();
        assert_eq!(owned.as_bytes().as_ref(), &wire);
        // Kept, not decoded again: the same as decoding the octets into an owned PDU.
        assert_eq!(
            owned,
            OwnedPdu::decode(Bytes::copy_from_slice(&wire)).unwrap()
        );
        // A pushed PDU is owned with offsets from its own start.
        let push = include_bytes!("../../samples/push-notification.wsp");
        let pushed = Pdu::decode_at(&push[6..], 6, &DecodeOptions::new()).unwrap();
        assert_eq!(pushed.fields().next().unwrap().offset, 6);
        let owned_pushed = pushed.into_owned().unwrap();
        assert_eq!(owned_pushed.pdu().fields().next().unwrap().offset, 0);
        assert_eq!(owned.pdu(), pdu);
        let body = owned.body_bytes().unwrap();
        assert_eq!(body.as_ref(), b"hi");
        // Same buffer, no copy.
        assert_eq!(body.as_ptr(), owned.as_bytes()[6..].as_ptr());
        assert!(owned.slice_ref(b"elsewhere").is_empty());
        // What the decode found is kept: offsets and diagnostics (here trailing octets).
        let wire = [0x8C, 0x84, 0x8D, 0x92, 0x00, 0x00];
        let owned = OwnedPdu::decode(Bytes::copy_from_slice(&wire)).unwrap();
        let pdu = Pdu::decode(&wire).unwrap();
        assert_eq!(owned.pdu().diagnostics(), pdu.diagnostics());
        assert!(!pdu.diagnostics().is_empty());
        let offsets = |p: &Pdu<'_>| p.fields().map(|h| h.offset).collect::<alloc::vec::Vec<_>>();
        assert_eq!(offsets(&owned.pdu()), offsets(&pdu));
        assert_eq!(owned.pdu().trailing(), &[0, 0]);
        assert_eq!(owned.body_bytes(), None);
        assert!(OwnedPdu::decode(Bytes::from_static(&[0x00])).is_err());
    }
}
