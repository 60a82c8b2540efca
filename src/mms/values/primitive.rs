//! Values whose grammar lives in the wire layer (Integer-value, Long-integer, Text-string,
//! Encoded-string-value, Version-value) or in WSP (Content-type-value), used directly as the
//! value of an MMS field, with the deviation rules of MMS fields.

use super::wire::{encoded_string_deviation, integer_deviation, long_deviation, text};
use super::{DecodeContext, HeaderValue};
use crate::base::error::Deviation;
use crate::codec::{
    EncodedString, IntegerValue, LongInteger, PResult, TextString, Version, encoded_string,
    integer_value, long_integer, version_value,
};

impl<'a> HeaderValue<'a> for IntegerValue {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        integer_value(input)
    }
    fn deviation(&self) -> Option<Deviation> {
        integer_deviation(self)
    }
}

impl<'a> HeaderValue<'a> for LongInteger {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        long_integer(input)
    }
    fn deviation(&self) -> Option<Deviation> {
        long_deviation(self)
    }
}

impl<'a> HeaderValue<'a> for TextString<'a> {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        text(input)
    }
    fn deviation(&self) -> Option<Deviation> {
        TextString::deviation(self)
    }
}

impl<'a> HeaderValue<'a> for EncodedString<'a> {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        encoded_string(input)
    }
    fn deviation(&self) -> Option<Deviation> {
        encoded_string_deviation(self)
    }
}

impl<'a> HeaderValue<'a> for Version<'a> {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        version_value(input)
    }
    fn deviation(&self) -> Option<Deviation> {
        match self {
            Version::Short(_) => None,
            Version::Text(t) => t.deviation(),
        }
    }
}

/// The value of the MMS Content-Type header (WSP Content-type-value, WAP-230-WSP §8.4.2.24).
///
/// The WSP content type of WAP-230-WSP §8.4.2.24 (well-known or text media, typed parameters kept
/// lazily), owned by the [`crate::wsp::content_type`](mod@crate::wsp::content_type) module.
pub type ContentTypeValue<'a> = crate::wsp::ContentType<'a>;

/// Decodes the Content-Type value of an MMS PDU.
///
/// # Errors
/// A value that is not a Content-type-value.
pub fn content_type_value(input: &[u8]) -> PResult<'_, ContentTypeValue<'_>> {
    crate::wsp::content_type(input)
}

impl<'a> HeaderValue<'a> for ContentTypeValue<'a> {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        content_type_value(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mms::values::testing::{ctx, round};

    #[test]
    fn integer_deviation_rules() {
        // Long-integer carrying a small value is legal in these fields.
        let v: IntegerValue = round(&[0x01, 0x05], &ctx(None));
        assert_eq!(HeaderValue::deviation(&v), None);
        let v: IntegerValue = round(&[0x02, 0x00, 0x05], &ctx(None));
        assert_eq!(
            HeaderValue::deviation(&v),
            Some(Deviation::NonMinimalInteger)
        );
    }
}
