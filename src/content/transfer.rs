//! Content-Transfer-Encoding of a part's data (RFC 2045 §6).
//!
//! WSP has no code for Content-Transfer-Encoding, and MMS over WSP carries part data as
//! octets, so the header should not appear; but parts converted from e-mail by an MMSC keep it
//! as an application header (`Content-Transfer-Encoding: base64`), and their data is then the
//! encoded text. Readers show the decoded data; the wire keeps the encoded one.

use alloc::borrow::Cow;
use alloc::vec::Vec;

use base64::Engine as _;

/// What a part's Content-Transfer-Encoding says about its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransferEncoding {
    /// `7bit`, `8bit` or `binary`, or no header: the data is the content.
    Identity,
    /// `base64` (RFC 2045 §6.8).
    Base64,
    /// `quoted-printable` (RFC 2045 §6.7).
    QuotedPrintable,
    /// An encoding this crate does not know (an `x-` token): the data is left as it is.
    Unknown,
}

impl TransferEncoding {
    /// The encoding a Content-Transfer-Encoding value names (case-insensitive, surrounding
    /// white space ignored).
    pub fn from_header(value: Option<&[u8]>) -> Self {
        let Some(value) = value else {
            return TransferEncoding::Identity;
        };
        let value = value.trim_ascii();
        let is = |name: &str| value.eq_ignore_ascii_case(name.as_bytes());
        if is("7bit") || is("8bit") || is("binary") || value.is_empty() {
            TransferEncoding::Identity
        } else if is("base64") {
            TransferEncoding::Base64
        } else if is("quoted-printable") {
            TransferEncoding::QuotedPrintable
        } else {
            TransferEncoding::Unknown
        }
    }

    /// `data` with this encoding undone; the data as it is when there is nothing to undo or it
    /// does not decode (a reader then shows what was sent rather than nothing).
    pub fn decode<'a>(self, data: &'a [u8]) -> Cow<'a, [u8]> {
        let decoded = match self {
            TransferEncoding::Identity | TransferEncoding::Unknown => None,
            TransferEncoding::Base64 => base64_decode(data),
            TransferEncoding::QuotedPrintable => {
                quoted_printable::decode(data, quoted_printable::ParseMode::Robust).ok()
            }
        };
        decoded.map_or(Cow::Borrowed(data), Cow::Owned)
    }
}

/// Base64 as e-mail writes it: lines broken every 76 characters, padding sometimes dropped,
/// and now and then a stray last character that carries fewer than 8 bits (one of the Jolla
/// mms-engine test messages ends so; its decoder, as MIME readers do, drops it).
fn base64_decode(data: &[u8]) -> Option<Vec<u8>> {
    let mut compact: Vec<u8> = data
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    if compact.len() % 4 == 1 {
        compact.pop();
    }
    while compact.last() == Some(&b'=') {
        compact.pop();
    }
    let engine = base64::engine::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_allow_trailing_bits(true)
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::RequireNone),
    );
    engine.decode(compact).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_read_as_rfc_2045_writes_them() {
        let of = |v: &[u8]| TransferEncoding::from_header(Some(v));
        assert_eq!(
            TransferEncoding::from_header(None),
            TransferEncoding::Identity
        );
        assert_eq!(of(b"7bit"), TransferEncoding::Identity);
        assert_eq!(of(b" Binary "), TransferEncoding::Identity);
        assert_eq!(of(b"BASE64"), TransferEncoding::Base64);
        assert_eq!(of(b"Quoted-Printable"), TransferEncoding::QuotedPrintable);
        assert_eq!(of(b"x-uuencode"), TransferEncoding::Unknown);
    }

    #[test]
    fn data_is_decoded_or_kept() {
        let b64 = TransferEncoding::Base64;
        assert_eq!(&*b64.decode(b"SGVs\r\nbG8="), b"Hello");
        assert_eq!(&*b64.decode(b"SGVsbG8"), b"Hello", "padding left out");
        assert_eq!(
            &*b64.decode(b"SGVsbG8=T"),
            b"Hello",
            "a stray last character"
        );
        assert!(matches!(
            b64.decode(b"not base64!"),
            Cow::Borrowed(b"not base64!")
        ));
        let qp = TransferEncoding::QuotedPrintable;
        assert_eq!(&*qp.decode(b"caf=C3=A9 =\r\nbar"), "café bar".as_bytes());
        assert!(matches!(
            TransferEncoding::Identity.decode(b"=C3"),
            Cow::Borrowed(b"=C3")
        ));
    }
}
