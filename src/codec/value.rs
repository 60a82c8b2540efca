//! The generic shape of any header value (WSP 8.4.1.2; REFERENCE.md §1.1) and the skip that
//! keeps a decoder's place past a value it does not understand.

use crate::base::error::{DecodeErrorKind, EncodeError};
use crate::codec::integer::{LENGTH_QUOTE, ValueLength, length_prefixed};
use crate::codec::parse::{PResult, fail};
use crate::codec::text::{TextString, text_string};
use crate::codec::writer::{Encode, Writer};

/// A header value read only by its first octet: a single encoded octet, a NUL-terminated text,
/// or a length-prefixed run of octets. Every value of every header has one of these shapes, so
/// an unknown value can be kept this way and written back unchanged.
///
/// ```
/// use mms_pdu::codec::{decode_all, raw_value, Encode, RawValue};
/// assert_eq!(decode_all(&[0x81], raw_value).unwrap(), RawValue::Short(0x81));
/// let v = decode_all(&[0x02, 0xAA, 0xBB], raw_value).unwrap();
/// assert_eq!(v.encode_to_vec().unwrap(), [0x02, 0xAA, 0xBB]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum RawValue<'a> {
    /// One octet 0x80–0xFF (kept whole, high bit included).
    Short(u8),
    /// Text up to a NUL (first octet 0x20–0x7F).
    Text(TextString<'a>),
    /// A Value-length and the octets it covers.
    Length {
        /// The Value-length as sent.
        length: ValueLength,
        /// The octets it covers.
        #[cfg_attr(
            feature = "serde",
            serde(
                serialize_with = "crate::base::serde_util::bytes",
                deserialize_with = "crate::base::serde_util::borrowed_bytes"
            )
        )]
        data: &'a [u8],
    },
}

/// Reads any value by its first octet.
///
/// # Errors
/// `UnexpectedEnd`, `LengthExceedsInput` or `MissingTerminator`.
pub fn raw_value(input: &[u8]) -> PResult<'_, RawValue<'_>> {
    match input.first() {
        Some(&b) if b >= 0x80 => Ok((input.get(1..).unwrap_or(&[]), RawValue::Short(b))),
        Some(&b) if b < 0x20 && b != 0 => {
            let (rest, (length, data)) = length_prefixed(input)?;
            Ok((rest, RawValue::Length { length, data }))
        }
        Some(_) => {
            let (rest, t) = text_string(input)?;
            Ok((rest, RawValue::Text(t)))
        }
        None => fail(input, DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 }),
    }
}

/// Skips one value of any shape and returns the octets it occupied.
///
/// # Errors
/// As [`raw_value`].
#[inline]
pub fn skip_value(input: &[u8]) -> PResult<'_, &[u8]> {
    // Every header value is skipped before it is decoded, so the two commonest shapes, a
    // single octet and a short length, are cut out here directly; the rest (and every error)
    // goes through `raw_value`.
    let quick = match input.first() {
        Some(&b) if b >= 0x80 => input.split_at_checked(1),
        Some(&b) if b != 0 && b < LENGTH_QUOTE => input.split_at_checked(1 + usize::from(b)),
        _ => None,
    };
    if let Some((value, rest)) = quick {
        return Ok((rest, value));
    }
    let (rest, _) = raw_value(input)?;
    let used = input.len() - rest.len();
    Ok((rest, input.get(..used).unwrap_or(&[])))
}

impl Encode for RawValue<'_> {
    fn encoded_len(&self) -> usize {
        match self {
            RawValue::Short(_) => 1,
            RawValue::Text(t) => t.encoded_len(),
            RawValue::Length { length, data } => length.encoded_len() + data.len(),
        }
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            RawValue::Short(b) => w.write_u8(*b | 0x80),
            RawValue::Text(t) => t.encode(w),
            RawValue::Length { length, data } => {
                crate::codec::integer::check_content_len(length, data.len())?;
                length.encode(w)?;
                w.write_bytes(data)
            }
        }
    }
}
