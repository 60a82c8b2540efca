//! The read position of every lazy walk (header blocks, multipart entries, the MMS header
//! block): a bounded slice that knows where it sits in the whole input, so that each offset
//! and error it reports is absolute when it is made, never patched afterwards.

use crate::base::error::{DecodeError, DecodeErrorKind, WireError, offset_in};
use crate::codec::parse::{PResult, to_decode_error};

/// A position in a bounded slice of the input, with the absolute offset of that position.
///
/// A walk reads values with [`Cursor::read`] (any parser of this crate, or a nom parser with
/// [`WireError`]); a length-delimited value is cut out with [`Cursor::split`], which hands back
/// a cursor over exactly those octets that still reports offsets from the start of the whole
/// input (what RustCrypto `der`'s `Reader::nested` does).
///
/// ```
/// use mms_pdu::codec::{Cursor, uintvar};
/// // A body at offset 100 of a push: a Uintvar 3, then three octets.
/// let body = [0x03, b'a', b'b', b'c', 0xFF];
/// let mut cursor = Cursor::at(&body, 100);
/// assert_eq!(cursor.read(uintvar).unwrap().value, 3);
/// let inner = cursor.split(3, "value").unwrap();
/// assert_eq!((inner.rest(), inner.offset()), (&b"abc"[..], 101));
/// assert_eq!(cursor.offset(), 104);
/// // Errors carry the absolute offset and the field.
/// let err = cursor.split(9, "data").unwrap_err();
/// assert_eq!((err.offset, err.context), (104, "data"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cursor<'a> {
    rest: &'a [u8],
    offset: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `input`, which is the whole input (offsets count from 0).
    #[inline]
    pub const fn new(input: &'a [u8]) -> Self {
        Cursor {
            rest: input,
            offset: 0,
        }
    }

    /// A cursor at the start of `input`, which sits at absolute `offset` in the whole input.
    #[inline]
    pub const fn at(input: &'a [u8], offset: usize) -> Self {
        Cursor {
            rest: input,
            offset,
        }
    }

    /// The octets not yet read.
    #[inline]
    pub const fn rest(&self) -> &'a [u8] {
        self.rest
    }

    /// The absolute offset of the next octet.
    #[inline]
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// True when every octet has been read.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    /// The absolute offset of `part`, a sub-slice of what this cursor has not read yet (for
    /// a value a parser returned); the cursor's own offset for any other slice.
    #[inline]
    pub fn offset_of(&self, part: &[u8]) -> usize {
        self.offset + offset_in(self.rest, part)
    }

    /// Moves to `rest`, the remainder a parser returned from [`Cursor::rest`] (a suffix of
    /// it: the offset moves by the difference in length, the cheapest sum on the hot path).
    #[inline]
    pub fn advance_to(&mut self, rest: &'a [u8]) {
        self.offset += self.rest.len().saturating_sub(rest.len());
        self.rest = rest;
    }

    /// Runs `parser` at the cursor and moves past what it consumed; its error comes back with
    /// an absolute offset.
    ///
    /// # Errors
    /// The parser's error, positioned in the whole input.
    #[inline]
    pub fn read<T>(
        &mut self,
        parser: impl FnOnce(&'a [u8]) -> PResult<'a, T>,
    ) -> Result<T, DecodeError> {
        self.read_then(parser, Self::locate)
    }

    /// [`Cursor::read`] for a cursor over octets an enclosing length cut out (a WSP header
    /// block): a text that runs to their end is `MissingTerminator`, not the end of the input
    /// ([`WireError::into_decode_error_within`]).
    ///
    /// # Errors
    /// The parser's error, positioned in the whole input.
    #[inline]
    pub fn read_within<T>(
        &mut self,
        parser: impl FnOnce(&'a [u8]) -> PResult<'a, T>,
    ) -> Result<T, DecodeError> {
        self.read_then(parser, |cursor, err| match err {
            nom::Err::Error(e) | nom::Err::Failure(e) => {
                let mut e = e.into_decode_error_within(cursor.rest);
                e.offset += cursor.offset;
                e
            }
            incomplete => cursor.locate(incomplete),
        })
    }

    /// Runs `parser` at the cursor, moves past what it consumed, and has `locate` position
    /// its error.
    #[inline]
    fn read_then<T>(
        &mut self,
        parser: impl FnOnce(&'a [u8]) -> PResult<'a, T>,
        locate: impl FnOnce(&Self, nom::Err<WireError<'a>>) -> DecodeError,
    ) -> Result<T, DecodeError> {
        match parser(self.rest) {
            Ok((rest, value)) => {
                self.advance_to(rest);
                Ok(value)
            }
            Err(e) => Err(locate(self, e)),
        }
    }

    /// Cuts the next `len` octets out as a cursor of their own (still counting offsets from the
    /// start of the whole input) and moves past them.
    ///
    /// # Errors
    /// [`DecodeErrorKind::LengthExceedsInput`] naming `context` when fewer octets are left;
    /// nothing is sized by `len` before that check.
    #[inline]
    pub fn split(&mut self, len: u64, context: &'static str) -> Result<Cursor<'a>, DecodeError> {
        match usize::try_from(len).ok().filter(|&n| n <= self.rest.len()) {
            Some(n) => {
                let (head, rest) = self.rest.split_at(n);
                let inner = Cursor::at(head, self.offset);
                self.advance_to(rest);
                Ok(inner)
            }
            None => Err(self.error(
                DecodeErrorKind::LengthExceedsInput {
                    need: len,
                    have: self.rest.len() as u64,
                },
                context,
            )),
        }
    }

    /// An error of `kind` in `context` at the cursor.
    #[inline]
    pub const fn error(&self, kind: DecodeErrorKind, context: &'static str) -> DecodeError {
        DecodeError {
            offset: self.offset,
            kind,
            context,
        }
    }

    /// A parser's error, positioned in the whole input (it must have been made reading from
    /// this cursor's remaining octets).
    #[inline]
    pub fn locate(&self, err: nom::Err<WireError<'_>>) -> DecodeError {
        let mut e = to_decode_error(self.rest, err);
        e.offset += self.offset;
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::{octet, text_string};

    #[test]
    fn offsets_stay_absolute_through_splits() {
        let input = [0xAA, 0x02, b'h', 0, 0xBB];
        let mut outer = Cursor::at(&input, 1000);
        assert_eq!(outer.read(octet).unwrap(), 0xAA);
        assert_eq!(outer.read(octet).unwrap(), 2);
        let mut inner = outer.split(2, "value").unwrap();
        assert_eq!(inner.offset(), 1002);
        assert_eq!(inner.read(text_string).unwrap().bytes, b"h");
        assert!(inner.is_empty());
        assert_eq!(inner.offset(), 1004);
        assert_eq!(outer.rest(), [0xBB]);
        assert_eq!(outer.offset(), 1004);
    }

    #[test]
    fn errors_are_absolute_and_named() {
        let input = [b'a', b'b'];
        let mut c = Cursor::at(&input, 7);
        let e = c.read(text_string).unwrap_err();
        assert_eq!(
            e.offset, 7,
            "a text without its NUL is reported where it starts"
        );
        // The input ends inside the text: it ran out, not a missing terminator.
        assert!(matches!(
            e.kind,
            DecodeErrorKind::UnexpectedEnd { need: 3, have: 2 }
        ));
        let e = c.split(3, "data").unwrap_err();
        assert_eq!((e.offset, e.context), (7, "data"));
        assert!(matches!(
            e.kind,
            DecodeErrorKind::LengthExceedsInput { need: 3, have: 2 }
        ));
        // A failed read moves nothing.
        assert_eq!((c.offset(), c.rest()), (7, &input[..]));
        assert_eq!(c.offset_of(&input[1..]), 8);
        assert_eq!(c.split(u64::MAX, "huge").unwrap_err().offset, 7);
    }
}
