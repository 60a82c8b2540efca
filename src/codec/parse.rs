//! Parser plumbing shared by every primitive: the result alias, bounded sub-slices, and the
//! conversion to a positioned [`DecodeError`] at the API edge.

use crate::base::error::{DecodeError, DecodeErrorKind, Expected, WireError};

/// The result of a parser in this crate: nom's `IResult` with [`WireError`].
pub type PResult<'a, T> = nom::IResult<&'a [u8], T, WireError<'a>>;

/// Builds a failure (`nom::Err::Error`) of `kind` at `input`.
///
/// # Errors
/// Always: that is its purpose.
pub fn fail<'a, T>(input: &'a [u8], kind: DecodeErrorKind) -> PResult<'a, T> {
    Err(nom::Err::Error(WireError::new(input, kind)))
}

/// Builds an "unexpected octet" failure at `input` (whose first octet is reported).
///
/// # Errors
/// Always: `UnexpectedOctet`, or `UnexpectedEnd` on empty input.
pub fn unexpected<'a, T>(input: &'a [u8], expected: Expected) -> PResult<'a, T> {
    match input.first() {
        Some(&found) => fail(input, DecodeErrorKind::UnexpectedOctet { found, expected }),
        None => fail(input, DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 }),
    }
}

/// Reads one octet.
///
/// # Errors
/// `UnexpectedEnd` on empty input.
pub fn octet(input: &[u8]) -> PResult<'_, u8> {
    match input.split_first() {
        Some((&b, rest)) => Ok((rest, b)),
        None => fail(input, DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 }),
    }
}

/// Cuts the next `len` octets out as a bounded sub-slice, or fails with
/// [`DecodeErrorKind::LengthExceedsInput`] before anything is sized by `len`.
///
/// # Errors
/// `LengthExceedsInput` when fewer than `len` octets are left.
pub fn take(input: &[u8], len: u64) -> PResult<'_, &[u8]> {
    match usize::try_from(len).ok().filter(|&n| n <= input.len()) {
        Some(n) => {
            let (head, rest) = input.split_at(n);
            Ok((rest, head))
        }
        None => fail(
            input,
            DecodeErrorKind::LengthExceedsInput {
                need: len,
                have: input.len() as u64,
            },
        ),
    }
}

/// Names the field of any error `result` carries (innermost name wins).
///
/// # Errors
/// The error of `result`, named.
pub fn in_field<'a, T>(result: PResult<'a, T>, context: &'static str) -> PResult<'a, T> {
    result.map_err(|e| e.map(|e| e.in_field(context)))
}

/// Runs `parser` on `input` and requires it to consume everything: a trailing octet is a
/// [`DecodeErrorKind::TrailingBytes`] error. Errors carry offsets counted from the start of
/// `input`.
///
/// # Errors
/// The parser's error, positioned, or `TrailingBytes`.
pub fn decode_all<'a, T>(
    input: &'a [u8],
    parser: impl FnOnce(&'a [u8]) -> PResult<'a, T>,
) -> Result<T, DecodeError> {
    match parser(input) {
        Ok(([], value)) => Ok(value),
        Ok((rest, _)) => Err(WireError::new(
            rest,
            DecodeErrorKind::TrailingBytes {
                count: rest.len() as u64,
            },
        )
        .into_decode_error(input)),
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => Err(e.into_decode_error(input)),
        Err(nom::Err::Incomplete(_)) => Err(DecodeError {
            offset: input.len(),
            kind: DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 },
            context: "PDU",
        }),
    }
}

/// Converts a parser error to a positioned [`DecodeError`] relative to `base`.
pub fn to_decode_error(base: &[u8], err: nom::Err<WireError<'_>>) -> DecodeError {
    match err {
        nom::Err::Error(e) | nom::Err::Failure(e) => e.into_decode_error(base),
        nom::Err::Incomplete(_) => DecodeError {
            offset: base.len(),
            kind: DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 },
            context: "PDU",
        },
    }
}
