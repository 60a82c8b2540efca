//! Values whose grammar lives in the wire layer (Integer-value, Long-integer, Text-string,
//! Encoded-string-value, Version-value) or in WSP (Content-type-value), used directly as the
//! value of an MMS field, with the deviation rules of MMS fields.

use super::wire::{encoded_string_deviation, integer_deviation, long_deviation, text};
use super::{CutCheck, DecodeContext, HeaderValue, checked_or_typed};
use crate::base::error::{DecodeErrorKind, Deviation};
use crate::codec::{
    EncodedString, IntegerValue, LongInteger, PResult, TextString, Version, cut_text,
    encoded_string, integer_value, long_integer, version_value,
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

/// A text the cut delimited is the whole Text-string (`text` reads no more).
impl<'a> CutCheck<'a> for TextString<'a> {
    #[inline(always)]
    fn check_cut(
        value: &'a [u8],
        ctx: &DecodeContext,
    ) -> Result<Option<Deviation>, DecodeErrorKind> {
        checked_or_typed::<Self>(cut_text(value).map(|t| t.deviation()), value, ctx)
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

/// A text the cut delimited is a plain Encoded-string-value (what `encoded_string` reads from
/// a first octet that does not start a Value-length).
impl<'a> CutCheck<'a> for EncodedString<'a> {
    #[inline(always)]
    fn check_cut(
        value: &'a [u8],
        ctx: &DecodeContext,
    ) -> Result<Option<Deviation>, DecodeErrorKind> {
        let plain = cut_text(value).map(|t| encoded_string_deviation(&EncodedString::Plain(t)));
        checked_or_typed::<Self>(plain, value, ctx)
    }
}

/// A Version-value; a value of exactly one octet `10`–`1F` is
/// [`Version::HighBitMissing`]. No other reading gives that value: as a Value-length the octet
/// needs 16 or more octets after it. The header walk cuts it out only where the octet lost its
/// high bit (see `header::lost_high_bit`), and the header index reports that
/// (`HighBitMissing`), so no deviation is reported twice here.
impl<'a> HeaderValue<'a> for Version<'a> {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        match *input {
            [found @ 0x10..=0x1F] => Ok((&[], Version::HighBitMissing(found))),
            _ => version_value(input),
        }
    }
    fn deviation(&self) -> Option<Deviation> {
        match self {
            Version::Short(_) | Version::HighBitMissing(_) => None,
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
    fn a_version_octet_without_its_high_bit_is_that_version() {
        use crate::codec::Encode;
        let v: Version<'_> = round(&[0x12], &ctx(None));
        assert_eq!(v, Version::HighBitMissing(0x12));
        assert_eq!((v.major(), v.minor()), (Some(1), Some(2)));
        assert_eq!(v.deviation(), None);
        let v: Version<'_> = round(&[0x92], &ctx(None));
        assert_eq!(v, Version::new(1, Some(2)));
        // The Version-value grammar itself does not read it; nor an octet outside 10-1F.
        assert!(crate::codec::decode_all(&[0x12], version_value).is_err());
        assert!(
            crate::codec::decode_all(&[0x05], |i| Version::decode_value(i, &ctx(None))).is_err()
        );
        assert!(Version::HighBitMissing(0x92).encode_to_vec().is_err());
    }

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

    #[test]
    fn eight_bit_octets_labelled_us_ascii() {
        use crate::assigned::Charset;
        use crate::base::diag::DiagnosticKind;
        use crate::mms::Pdu;
        // Subject, charset us-ascii (0x83), "Olé" in Latin-1.
        let latin1: EncodedString<'_> = round(&[0x05, 0x83, b'O', b'l', 0xE9, 0x00], &ctx(None));
        assert_eq!(
            HeaderValue::deviation(&latin1),
            Some(Deviation::EightBitInUsAscii)
        );
        assert_eq!(latin1.text(Charset::UTF_8), "Olé");
        let ascii: EncodedString<'_> = round(&[0x04, 0x83, b'O', b'k', 0x00], &ctx(None));
        assert_eq!(HeaderValue::deviation(&ascii), None);
        // In a PDU (an m-send-conf), a diagnostic at the Subject; strict mode refuses it.
        let wire = b"\x8C\x81\x98T\0\x8D\x90\x92\x80\x96\x05\x83Ol\xE9\0";
        let pdu = Pdu::decode(wire).unwrap();
        let kinds: alloc::vec::Vec<_> = pdu.diagnostics().iter().map(|d| d.kind).collect();
        assert_eq!(
            kinds,
            [DiagnosticKind::Deviation(Deviation::EightBitInUsAscii)]
        );
        assert_eq!(pdu.subject().unwrap().text(Charset::UTF_8), "Olé");
        let strict = crate::base::options::DecodeOptions::new().strict(true);
        assert!(Pdu::decode_with(wire, &strict).is_err());
    }
}
