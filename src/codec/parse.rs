//! Parser plumbing shared by every primitive: the result alias, bounded sub-slices, the bridge
//! from nom's combinators to this crate's error kinds, and the conversion to a positioned
//! [`DecodeError`] at the API edge.
//!
//! nom's own combinators report failures as an [`ErrorKind`], which says less than a
//! [`DecodeErrorKind`]; the grammar therefore reports its errors through `map_res` (made
//! possible by `WireError: FromExternalError<_, DecodeErrorKind>`, below), which places them at
//! the start of the item that failed, and through [`take`], whose error carries the length that
//! did not fit.

use nom::Parser;
use nom::error::{ErrorKind, FromExternalError, ParseError};

use crate::base::error::{DecodeError, DecodeErrorKind, Expected, WireError};

/// The result of a parser in this crate: nom's `IResult` with [`WireError`].
pub type PResult<'a, T> = nom::IResult<&'a [u8], T, WireError<'a>>;

/// A grammar rule that fails with a [`DecodeErrorKind`] (through nom's `map_res`) reports it at
/// the input the rule started on.
impl<'a> FromExternalError<&'a [u8], DecodeErrorKind> for WireError<'a> {
    fn from_external_error(input: &'a [u8], _kind: ErrorKind, e: DecodeErrorKind) -> Self {
        WireError::new(input, e)
    }
}

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

/// Reads one octet (what nom's `be_u8` does, with the same error).
///
/// # Errors
/// `UnexpectedEnd` on empty input.
#[inline]
pub fn octet(input: &[u8]) -> PResult<'_, u8> {
    // Not `nom::number::complete::be_u8`: its generic `be_uint` loop and `Input::take_from`
    // are not inlined, and cost 224 instructions per decode of a 68-octet notification
    // (callgrind, `mms bench`; see benches/README.md "nom combinators").
    match input.split_first() {
        Some((&b, rest)) => Ok((rest, b)),
        None => fail(input, DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 }),
    }
}

/// One octet that `accept` allows: the octet that starts an item of the grammar.
///
/// Errors as [`unexpected`]: another octet is `UnexpectedOctet { expected }` at that octet, an
/// empty input `UnexpectedEnd`.
pub(crate) fn octet_where<'a>(
    expected: Expected,
    accept: impl Fn(u8) -> bool,
) -> impl Parser<&'a [u8], Output = u8, Error = WireError<'a>> {
    octet.map_res(move |found| {
        if accept(found) {
            Ok(found)
        } else {
            Err(DecodeErrorKind::UnexpectedOctet { found, expected })
        }
    })
}

/// Cuts the next `len` octets out as a bounded sub-slice, or fails with
/// [`DecodeErrorKind::LengthExceedsInput`] before anything is sized by `len`.
///
/// nom's `take` (and so `length_data`) reports only "end of input"; this one says how many
/// octets were announced and how many were there. Inside the crate it is a nom parser too
/// (`bounded(len)`, for `flat_map` and `map_parser`).
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

/// [`take`] as a parser, for `flat_map` and `map_parser`: the next `len` octets.
pub(crate) fn bounded<'a>(
    len: u64,
) -> impl Parser<&'a [u8], Output = &'a [u8], Error = WireError<'a>> {
    move |input| take(input, len)
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
/// `parser` runs as a complete parser: a streaming parser of the caller's that runs out of
/// input fails here too, as inside nom's `complete` (`UnexpectedEnd` at the start of
/// `input`); this crate's parsers never ask for more input.
///
/// # Errors
/// The parser's error, positioned, or `TrailingBytes`.
pub fn decode_all<'a, T>(
    input: &'a [u8],
    mut parser: impl Parser<&'a [u8], Output = T, Error = WireError<'a>>,
) -> Result<T, DecodeError> {
    match parser.parse(input).map_err(|e| complete_error(input, e)) {
        Ok(([], value)) => Ok(value),
        Ok((rest, _)) => Err(WireError::new(
            rest,
            DecodeErrorKind::TrailingBytes {
                count: rest.len() as u64,
            },
        )
        .into_decode_error(input)),
        Err(e) => Err(e.into_decode_error(input)),
    }
}

/// The error of a parser run on complete input: the one that `Error` or `Failure` carries. An
/// `Incomplete`, which only a caller's streaming parser returns (this crate's parsers are
/// complete and never do), is read as nom's `complete` reads it: an end of input at `input`,
/// where the parser started.
pub(crate) fn complete_error<'a>(input: &'a [u8], err: nom::Err<WireError<'a>>) -> WireError<'a> {
    // Not `complete(parser).parse(input).finish()`: when the MMS header typing ran through
    // it, nom's `MakeComplete::process` and `finish` were not inlined and cost 364
    // instructions per decode of a 68-octet notification (callgrind, `mms bench`; see
    // benches/README.md "nom combinators"), so the typing reads only its errors here.
    match err {
        nom::Err::Error(e) | nom::Err::Failure(e) => e,
        nom::Err::Incomplete(_) => WireError::from_error_kind(input, ErrorKind::Complete),
    }
}

/// Converts a parser error to a positioned [`DecodeError`] relative to `base`, the input the
/// parser started on (an `Incomplete` from a caller's streaming parser is an end of input there,
/// as in [`decode_all`]).
pub fn to_decode_error(base: &[u8], err: nom::Err<WireError<'_>>) -> DecodeError {
    complete_error(base, err).into_decode_error(base)
}
