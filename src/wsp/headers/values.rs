//! The typed values of the headers MMS and push read: Content-ID, Content-Disposition and
//! Encoding-Version (WAP-230-WSP §8.4.2.67, §8.4.2.53, §8.4.2.70).

use crate::assigned::{Disposition, WellKnownParameter};
use crate::base::error::EncodeError;
use crate::codec::{
    Encode, LengthForm, PResult, QuotedString, TextString, Token, ValueLength, Version, Writer,
    length_prefixed, short_integer, token_text, version_value,
};
use crate::wsp::content_type::{ParamStore, Parameter, TypedValue, filename_param, name_param};

/// A Content-ID value: a Quoted-string as the grammar says, or a plain Text-string as some
/// phones send (AOSP reads both). The text keeps its angle brackets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ContentId<'a> {
    /// `22 text 00` (a stray closing quote is remembered by the [`QuotedString`]).
    #[cfg_attr(feature = "serde", serde(borrow))]
    Quoted(QuotedString<'a>),
    /// A plain Text-string.
    Text(TextString<'a>),
}

impl<'a> ContentId<'a> {
    /// The id as sent, without the Quoted-string's quotes (angle brackets kept).
    pub fn as_bytes(&self) -> &'a [u8] {
        match self {
            ContentId::Quoted(q) => q.bytes,
            ContentId::Text(t) => t.bytes,
        }
    }

    /// The canonical value (a Quoted-string).
    pub fn new(id: &'a [u8]) -> Self {
        ContentId::Quoted(QuotedString::new(id))
    }
}

impl Encode for ContentId<'_> {
    fn encoded_len(&self) -> usize {
        match self {
            ContentId::Quoted(q) => q.encoded_len(),
            ContentId::Text(t) => t.encoded_len(),
        }
    }
    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            ContentId::Quoted(q) => q.encode(w),
            ContentId::Text(t) => t.encode(w),
        }
    }
}

/// The disposition token of a Content-Disposition value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum DispositionToken<'a> {
    /// A well-known token (the wire octet: 0x80 form-data, 0x81 attachment, 0x82 inline).
    WellKnown(Disposition),
    /// Token-text.
    #[cfg_attr(feature = "serde", serde(borrow))]
    Text(Token<'a>),
}

/// A Content-Disposition value: `Value-length Disposition *(Parameter)` (WAP-230-WSP
/// §8.4.2.53). Parameters stay raw and are decoded lazily. With `serde`:
/// `{ "disposition": ..., "length_form": ..., "params": [...] }`, the parameters decoded.
#[derive(Debug, Clone, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ContentDisposition<'a> {
    /// The disposition.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub disposition: DispositionToken<'a>,
    #[cfg_attr(feature = "serde", serde(rename = "length_form"))]
    length: LengthForm,
    #[cfg_attr(feature = "serde", serde(borrow, default))]
    params: ParamStore<'a>,
}

impl PartialEq for ContentDisposition<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.value_length().map(|v| v.form) == other.value_length().map(|v| v.form)
            && self.disposition == other.disposition
            && self.params().eq(other.params())
    }
}

impl<'a> ContentDisposition<'a> {
    /// A disposition with a `filename` parameter (0x86, Text-string, as MMS traffic uses).
    pub fn new(disposition: Disposition, filename: Option<&'a [u8]>) -> Self {
        let params = filename
            .map(|f| {
                Parameter::typed(
                    WellKnownParameter::FILENAME,
                    TypedValue::TextString(TextString::new(f)),
                )
            })
            .into_iter()
            .collect();
        ContentDisposition {
            length: LengthForm::Short,
            disposition: DispositionToken::WellKnown(disposition),
            params: ParamStore::Built(params),
        }
    }

    /// The well-known disposition, if it is one.
    pub fn kind(&self) -> Option<Disposition> {
        match self.disposition {
            DispositionToken::WellKnown(d) => Some(d),
            DispositionToken::Text(t) => core::str::from_utf8(t.bytes)
                .ok()
                .and_then(Disposition::from_name),
        }
    }

    /// The parameters in order.
    pub fn params(&self) -> impl Iterator<Item = Parameter<'a>> + '_ {
        self.params.iter()
    }

    /// The `filename` parameter (0x86 or 0x98).
    pub fn filename(&self) -> Option<&'a [u8]> {
        filename_param(self.params())
    }

    /// The `name` parameter (0x85 or 0x97).
    pub fn name(&self) -> Option<&'a [u8]> {
        name_param(self.params())
    }

    fn content_len(&self) -> usize {
        let d = match self.disposition {
            DispositionToken::WellKnown(_) => 1,
            DispositionToken::Text(t) => t.encoded_len(),
        };
        d + self.params.encoded_len()
    }

    fn value_length(&self) -> Result<ValueLength, EncodeError> {
        let vl = ValueLength::for_content(self.content_len())?;
        Ok(ValueLength {
            len: 0,
            form: self.length,
        }
        .with_len(vl.len))
    }
}

impl Encode for ContentDisposition<'_> {
    fn encoded_len(&self) -> usize {
        let c = self.content_len();
        self.value_length()
            .map_or(ValueLength::canonical_len(c), |v| v.encoded_len())
            + c
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        self.value_length()?.encode(w)?;
        match self.disposition {
            DispositionToken::WellKnown(d) => {
                if d.0 < 0x80 {
                    return Err(EncodeError::Unencodable {
                        field: "Content-Disposition",
                        reason: "well-known disposition octet must be 0x80 or above",
                    });
                }
                w.write_u8(d.0)?;
            }
            DispositionToken::Text(t) => t.encode(w)?,
        }
        self.params.encode(w)
    }
}

pub(super) fn content_disposition(input: &[u8]) -> PResult<'_, ContentDisposition<'_>> {
    let (rest, (vl, body)) = length_prefixed(input)?;
    let (params, disposition) = match body.first() {
        Some(&b) if b >= 0x80 => (
            body.get(1..).unwrap_or(&[]),
            DispositionToken::WellKnown(Disposition(b)),
        ),
        _ => {
            let (p, t) = token_text(body)?;
            (p, DispositionToken::Text(t))
        }
    };
    Ok((
        rest,
        ContentDisposition {
            length: vl.form,
            disposition,
            params: ParamStore::Wire(params),
        },
    ))
}

/// An Encoding-Version value: a Version-value, or `Value-length Code-page [Version-value]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum EncodingVersion<'a> {
    /// The short form (e.g. `93` = 1.3).
    #[cfg_attr(feature = "serde", serde(borrow))]
    Version(Version<'a>),
    /// The general form.
    General {
        /// The Value-length as sent.
        length: ValueLength,
        /// The code page (Short-integer value).
        code_page: u8,
        #[cfg_attr(feature = "serde", serde(borrow))]
        /// The version, when present.
        version: Option<Version<'a>>,
    },
}

impl Encode for EncodingVersion<'_> {
    fn encoded_len(&self) -> usize {
        match self {
            EncodingVersion::Version(v) => v.encoded_len(),
            EncodingVersion::General {
                length, version, ..
            } => length.encoded_len() + 1 + version.as_ref().map_or(0, Encode::encoded_len),
        }
    }
    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            EncodingVersion::Version(v) => v.encode(w),
            EncodingVersion::General {
                length,
                code_page,
                version,
            } => {
                let content = 1 + version.as_ref().map_or(0, Encode::encoded_len);
                crate::codec::check_content_len(length, content)?;
                length.encode(w)?;
                crate::codec::encode_short_integer(w, *code_page)?;
                match version {
                    Some(v) => v.encode(w),
                    None => Ok(()),
                }
            }
        }
    }
}

pub(super) fn encoding_version(input: &[u8]) -> PResult<'_, EncodingVersion<'_>> {
    match input.first() {
        Some(&b) if b < 0x20 => {
            let (rest, (length, body)) = length_prefixed(input)?;
            let (body, code_page) = short_integer(body)?;
            let version = if body.is_empty() {
                None
            } else {
                let (left, v) = version_value(body)?;
                crate::codec::expect_empty(left)?;
                Some(v)
            };
            Ok((
                rest,
                EncodingVersion::General {
                    length,
                    code_page,
                    version,
                },
            ))
        }
        _ => version_value(input).map(|(r, v)| (r, EncodingVersion::Version(v))),
    }
}

#[cfg(test)]
mod tests {
    use crate::assigned::Disposition;
    use crate::base::diag::Diagnostics;
    use crate::codec::Encode;
    use crate::wsp::headers::block::tests::check_exact;
    use crate::wsp::headers::{HeaderBlock, WspHeader};
    use alloc::vec;

    #[test]
    fn content_id_forms() {
        for raw in [
            &b"\xC0\x22<a>\x22\0"[..],
            b"\xC0<a>\0",
            b"Content-ID\0\"<a>\"\0",
        ] {
            assert_eq!(
                HeaderBlock::new(raw).content_id(),
                Some(&b"<a>"[..]),
                "{raw:?}"
            );
            check_exact(raw);
        }
        // Unterminated at the end of the block: accepted, with a diagnostic.
        let raw = b"\xC0\x22<a>";
        let mut d = Diagnostics::new(false);
        let b = HeaderBlock::decode(raw, 0, 10, &mut d).unwrap();
        assert_eq!(b.content_id(), Some(&b"<a>"[..]));
        assert_eq!(d.as_slice().len(), 1);
        check_exact(raw);
        assert!(HeaderBlock::decode(raw, 0, 10, &mut Diagnostics::new(true)).is_err());
    }

    #[test]
    fn disposition_forms_and_extra_params() {
        // Jolla's fixtures: a charset parameter after the filename (`m-retrieve_8.conf`), inline
        // under 0x2E (`m-retrieve_2.conf`).
        let mut raw = vec![0xAE, 0x17, 0x81, 0x86];
        raw.extend_from_slice(b"Mamma Mia Cell.vcf\0");
        raw.extend_from_slice(&[0x81, 0x83]);
        let b = HeaderBlock::new(&raw);
        let d = b.disposition().unwrap();
        assert_eq!(d.filename(), Some(&b"Mamma Mia Cell.vcf"[..]));
        assert_eq!(d.params().count(), 2);
        check_exact(&raw);
        let mut raw = vec![0xAE, 0x10, 0x82, 0x86];
        raw.extend_from_slice(b"text_0011.txt\0");
        assert_eq!(
            HeaderBlock::new(&raw).disposition().unwrap().kind(),
            Some(Disposition::INLINE)
        );
        check_exact(&raw);
        let mut raw = vec![0xC5, 0x08, 0x81, 0x98];
        raw.extend_from_slice(b"a.jpg\0");
        assert_eq!(HeaderBlock::new(&raw).filename(), Some(&b"a.jpg"[..]));
        check_exact(&raw);
        let built = WspHeader::content_disposition(Disposition::ATTACHMENT, Some(b"a.jpg"));
        assert_eq!(built.encode_to_vec().unwrap(), b"\xAE\x08\x81\x86a.jpg\0");
    }
}
