//! The generic shape of any header value (WAP-230-WSP §8.4.1.2) and the skip that
//! keeps a decoder's place past a value it does not understand.

use crate::base::error::DecodeErrorKind;
use crate::codec::integer::{LENGTH_QUOTE, length_prefixed};
use crate::codec::parse::{PResult, fail};
use crate::codec::text::{find_nul, text_string};

/// Skips one value of any shape and returns the octets it occupied.
///
/// Every value of every header has one of three shapes, told apart by the first octet: a single
/// encoded octet (0x80–0xFF), a Value-length and the octets it covers (0x01–0x1F), or a text up
/// to a NUL (0x00, 0x20–0x7F). So an unknown value can be cut out whole and kept as its octets.
///
/// ```
/// use mms_pdu::codec::skip_value;
/// assert_eq!(skip_value(&[0x81, 0x42]).unwrap(), (&[0x42][..], &[0x81][..]));
/// assert_eq!(skip_value(&[0x02, 0xAA, 0xBB]).unwrap(), (&[][..], &[0x02, 0xAA, 0xBB][..]));
/// assert_eq!(skip_value(b"text\0rest").unwrap(), (&b"rest"[..], &b"text\0"[..]));
/// ```
///
/// # Errors
/// `UnexpectedEnd`, `LengthExceedsInput` or `MissingTerminator`.
#[inline]
pub fn skip_value(input: &[u8]) -> PResult<'_, &[u8]> {
    // Every header value is skipped before it is decoded, so the three shapes, a single
    // octet, a short length and a terminated text, are cut out here directly; the rest (a
    // Length-quote, and every error) goes through `skip_by_shape`.
    let quick = match input.first() {
        Some(&b) if b >= 0x80 => input.split_at_checked(1),
        Some(&b) if b != 0 && b < LENGTH_QUOTE => input.split_at_checked(1 + usize::from(b)),
        // A text (0x00, 0x20–0x7F, a Quote included) ends after its first NUL, which is all
        // `text_string` would find; a missing NUL takes the general path for its error.
        Some(&b) if b == 0 || b >= 0x20 => {
            find_nul(input).and_then(|n| input.split_at_checked(n + 1))
        }
        _ => None,
    };
    if let Some((value, rest)) = quick {
        return Ok((rest, value));
    }
    let (rest, ()) = skip_by_shape(input)?;
    let used = input.len() - rest.len();
    Ok((rest, input.get(..used).unwrap_or(&[])))
}

/// The general path of [`skip_value`]: reads the value its first octet announces and returns
/// what follows it.
pub(super) fn skip_by_shape(input: &[u8]) -> PResult<'_, ()> {
    match input.first() {
        Some(&b) if b >= 0x80 => Ok((input.get(1..).unwrap_or(&[]), ())),
        Some(&b) if b < 0x20 && b != 0 => length_prefixed(input).map(|(rest, _)| (rest, ())),
        Some(_) => text_string(input).map(|(rest, _)| (rest, ())),
        None => fail(input, DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 }),
    }
}
