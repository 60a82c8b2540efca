//! Date-value, Delta-seconds-value, Q-value and Version-value (WAP-230-WSP §8.4.2.3, §8.4.2.4).

use nom::Parser;
use nom::branch::alt;

use crate::base::error::{DecodeErrorKind, EncodeError};
use crate::codec::integer::{
    IntegerValue, LongInteger, Uintvar, integer_value, long_integer, short_integer, uintvar,
};
use crate::codec::parse::PResult;
use crate::codec::text::{TextString, text_string};
use crate::codec::writer::{Encode, Writer};

/// A Date-value: a Long-integer count of seconds since 1970-01-01T00:00:00Z, held in 64 bits
/// (no Y2038 or Y2106 truncation).
pub type DateValue = LongInteger;

/// Decodes a Date-value (always a Long-integer, never a Short-integer).
///
/// # Errors
/// As [`long_integer`].
pub fn date_value(input: &[u8]) -> PResult<'_, DateValue> {
    long_integer(input)
}

/// A Delta-seconds-value: an Integer-value count of seconds.
pub type DeltaSeconds = IntegerValue;

/// Decodes a Delta-seconds-value: Short-integer or Long-integer (WAP-230-WSP §8.4.2.3), though
/// AOSP and Wireshark expect only the Long-integer form.
///
/// # Errors
/// As [`integer_value`].
pub fn delta_seconds(input: &[u8]) -> PResult<'_, DeltaSeconds> {
    integer_value(input)
}

/// A Q-value: a 1–2 octet Uintvar code (1–100 for two decimals, 101–1099 for three).
///
/// ```
/// use mms_pdu::codec::{decode_all, q_value, Encode, QValue};
/// assert_eq!(decode_all(&[0x83, 0x31], q_value).unwrap().thousandths(), Some(333));
/// assert_eq!(QValue::from_thousandths(500).unwrap().encode_to_vec().unwrap(), [0x33]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct QValue(pub Uintvar);

impl QValue {
    /// The canonical code for q = `thousandths` / 1000 (0..=1000 excluding exactly 1000, which
    /// is the default and never sent). Values with two decimals use the short code.
    pub fn from_thousandths(thousandths: u16) -> Option<Self> {
        let code = if thousandths >= 1000 {
            return None;
        } else if thousandths % 10 == 0 {
            u32::from(thousandths / 10) + 1
        } else {
            u32::from(thousandths) + 100
        };
        Some(QValue(Uintvar::new(code)))
    }

    /// q × 1000, or `None` for a code outside 1–1099.
    pub fn thousandths(&self) -> Option<u16> {
        match self.0.value {
            1..=100 => u16::try_from((self.0.value - 1) * 10).ok(),
            101..=1099 => u16::try_from(self.0.value - 100).ok(),
            _ => None,
        }
    }
}

/// Decodes a Q-value.
///
/// # Errors
/// `ValueOutOfRange` for a Uintvar longer than 2 octets, or the errors of [`uintvar`].
pub fn q_value(input: &[u8]) -> PResult<'_, QValue> {
    uintvar
        .map_res(|u| match u.encoded_len() {
            1 | 2 => Ok(QValue(u)),
            _ => Err(DecodeErrorKind::ValueOutOfRange),
        })
        .parse(input)
}

impl Encode for QValue {
    fn encoded_len(&self) -> usize {
        self.0.encoded_len()
    }
    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        self.0.encode(w)
    }
}

/// A Version-value: a Short-integer (major in bits 6–4, minor in bits 3–0, 15 = none) or a
/// text such as `"1.3"`.
///
/// ```
/// use mms_pdu::codec::{decode_all, version_value, Version};
/// let v = decode_all(&[0x93], version_value).unwrap();
/// assert_eq!((v.major(), v.minor()), (Some(1), Some(3)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Version<'a> {
    /// The Short-integer form; the value without the high bit (e.g. `0x13` for 1.3).
    Short(u8),
    /// The text form.
    #[cfg_attr(feature = "serde", serde(borrow))]
    Text(TextString<'a>),
    /// A Short-integer sent without its high bit (`0x12` where `0x92`, 1.2, belongs), as
    /// AOSP's `WapPushOverSmsTest` has it. [`version_value`] never returns it (the octet reads
    /// as a Value-length); the lenient MMS header decoder does, where the header block makes
    /// the intent plain. Means what [`Version::Short`] of the same value means; written back
    /// as sent.
    HighBitMissing(u8),
}

impl Version<'_> {
    /// Builds the short form of `major.minor` (`minor` `None` for a major-only version).
    pub const fn new(major: u8, minor: Option<u8>) -> Self {
        let minor = match minor {
            Some(m) => m & 0x0F,
            None => 0x0F,
        };
        Version::Short(((major & 0x07) << 4) | minor)
    }

    /// The major version (from the text form when it reads as `N` or `N.M`).
    pub fn major(&self) -> Option<u8> {
        match self {
            Version::Short(v) | Version::HighBitMissing(v) => Some(v >> 4),
            Version::Text(t) => {
                let s = t.as_str()?;
                s.split('.').next()?.trim().parse().ok()
            }
        }
    }

    /// The minor version, if one was given.
    pub fn minor(&self) -> Option<u8> {
        match self {
            Version::Short(v) | Version::HighBitMissing(v) => Some(v & 0x0F).filter(|&m| m != 0x0F),
            Version::Text(t) => {
                let s = t.as_str()?;
                s.split('.').nth(1)?.trim().parse().ok()
            }
        }
    }
}

/// Decodes a Version-value.
///
/// # Errors
/// The errors of [`text_string`] for the text form.
pub fn version_value(input: &[u8]) -> PResult<'_, Version<'_>> {
    // When both fail, `alt` reports the text's error (an empty input is an end of input for
    // both).
    alt((
        short_integer.map(Version::Short),
        text_string.map(Version::Text),
    ))
    .parse(input)
}

impl Encode for Version<'_> {
    fn encoded_len(&self) -> usize {
        match self {
            Version::Short(_) | Version::HighBitMissing(_) => 1,
            Version::Text(t) => t.encoded_len(),
        }
    }
    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            Version::Short(v) => crate::codec::integer::encode_short_integer(w, *v),
            Version::Text(t) => t.encode(w),
            Version::HighBitMissing(v @ 0..=0x7F) => w.write_u8(*v),
            Version::HighBitMissing(_) => Err(EncodeError::Unencodable {
                field: "Version-value",
                reason: "value above 127",
            }),
        }
    }
}
