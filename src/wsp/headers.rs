//! WSP header blocks: the headers of a multipart entry or of a Push PDU (WSP 8.4; REFERENCE.md
//! §1.2, §1.10, §4, §8.2).
//!
//! A [`HeaderBlock`] is the bounded slice of headers with a lazy iterator. Each item carries
//! its offset and the code page in force; shift sequences are items too, so the block
//! re-encodes exactly. The headers MMS and push use get typed values; every other header (and
//! every header on another code page) is kept as [`WspHeader::Raw`], its extent found by the
//! first octet of its value (§1.1). A well-known header whose value does not read as its
//! grammar is kept raw as well, and the item says why ([`HeaderItem::unparsed`]).

use alloc::vec::Vec;

use crate::assigned::{Disposition, WellKnownHeader};
use crate::base::diag::{Diagnostic, DiagnosticKind, Diagnostics};
use crate::base::error::{DecodeError, DecodeErrorKind, EncodeError, Expected};
use crate::codec::{
    DOUBLE_QUOTE, DateValue, Encode, IntegerValue, LengthForm, PResult, QuotedString, TextString,
    Token, ValueLength, Version, Writer, date_value, fail, integer_value, length_prefixed,
    quoted_string_bounded, short_integer, skip_value, text_string_bounded, to_decode_error,
    token_text, unexpected, version_value,
};
use crate::wsp::content_type::{ContentType, Parameter, Params, content_type};

/// The Shift-delimiter octet (`7F nn` switches to code page nn).
pub const SHIFT_DELIMITER: u8 = 0x7F;

/// A Content-ID value: a Quoted-string as the grammar says, or a plain Text-string as some
/// phones send (REFERENCE.md §11.11). The text keeps its angle brackets.
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

/// A value that is an Integer-value or a Text-string (X-Wap-Application-Id: code or URI;
/// Content-Language: code or name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum IntegerOrText<'a> {
    /// An Integer-value.
    Integer(IntegerValue),
    /// A Text-string.
    #[cfg_attr(feature = "serde", serde(borrow))]
    Text(TextString<'a>),
}

impl Encode for IntegerOrText<'_> {
    fn encoded_len(&self) -> usize {
        match self {
            IntegerOrText::Integer(i) => i.encoded_len(),
            IntegerOrText::Text(t) => t.encoded_len(),
        }
    }
    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            IntegerOrText::Integer(i) => i.encode(w),
            IntegerOrText::Text(t) => t.encode(w),
        }
    }
}

fn integer_or_text(input: &[u8]) -> PResult<'_, IntegerOrText<'_>> {
    match input.first() {
        Some(&b) if b >= 0x80 || (1..=30).contains(&b) => {
            integer_value(input).map(|(r, v)| (r, IntegerOrText::Integer(v)))
        }
        Some(&b) if b >= 0x20 || b == 0 => {
            text_string_bounded(input).map(|(r, v)| (r, IntegerOrText::Text(v)))
        }
        _ => unexpected(input, Expected::Value),
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

/// A Content-Disposition value: `Value-length Disposition *(Parameter)` (REFERENCE.md §4.2,
/// §11.29–30). Parameters stay raw and are decoded lazily.
#[derive(Debug, Clone, Eq, Hash)]
pub struct ContentDisposition<'a> {
    length: LengthForm,
    /// The disposition.
    pub disposition: DispositionToken<'a>,
    params: DispositionParams<'a>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum DispositionParams<'a> {
    Wire(&'a [u8]),
    Built(Vec<Parameter<'a>>),
}

#[cfg(feature = "serde")]
impl serde::Serialize for ContentDisposition<'_> {
    /// `{ "disposition": ..., "length_form": ..., "params": [...] }` with the parameters
    /// decoded.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let params: Vec<Parameter<'_>> = self.params().collect();
        let mut st = s.serialize_struct("ContentDisposition", 3)?;
        st.serialize_field("disposition", &self.disposition)?;
        st.serialize_field("length_form", &self.length)?;
        st.serialize_field("params", &params)?;
        st.end()
    }
}

#[cfg(feature = "serde")]
impl<'de: 'a, 'a> serde::Deserialize<'de> for ContentDisposition<'a> {
    /// The fields [`Serialize`](serde::Serialize) writes.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct Fields<'a> {
            #[serde(borrow)]
            disposition: DispositionToken<'a>,
            length_form: LengthForm,
            #[serde(borrow, default)]
            params: Vec<Parameter<'a>>,
        }
        let f = Fields::deserialize(d)?;
        Ok(ContentDisposition {
            length: f.length_form,
            disposition: f.disposition,
            params: DispositionParams::Built(f.params),
        })
    }
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
                    crate::assigned::WellKnownParameter::FILENAME,
                    crate::wsp::content_type::TypedValue::TextString(TextString::new(f)),
                )
            })
            .into_iter()
            .collect();
        ContentDisposition {
            length: LengthForm::Short,
            disposition: DispositionToken::WellKnown(disposition),
            params: DispositionParams::Built(params),
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
        let (wire, built): (Option<Params<'a>>, &[Parameter<'a>]) = match &self.params {
            DispositionParams::Wire(raw) => (Some(Params::new(raw)), &[]),
            DispositionParams::Built(v) => (None, v.as_slice()),
        };
        wire.into_iter().flatten().chain(built.iter().copied())
    }

    fn param_text(&self, codes: [u8; 2], untyped: &str) -> Option<&'a [u8]> {
        self.params()
            .find(|p| {
                p.code().is_some_and(|c| codes.contains(&c.0))
                    || matches!(p, Parameter::Untyped { name, .. } if name.bytes.eq_ignore_ascii_case(untyped.as_bytes()))
            })?
            .text()
    }

    /// The `filename` parameter (0x86 or 0x98).
    pub fn filename(&self) -> Option<&'a [u8]> {
        self.param_text([0x06, 0x18], "filename")
    }

    /// The `name` parameter (0x85 or 0x97).
    pub fn name(&self) -> Option<&'a [u8]> {
        self.param_text([0x05, 0x17], "name")
    }

    fn content_len(&self) -> usize {
        let d = match self.disposition {
            DispositionToken::WellKnown(_) => 1,
            DispositionToken::Text(t) => t.encoded_len(),
        };
        d + match &self.params {
            DispositionParams::Wire(raw) => raw.len(),
            DispositionParams::Built(v) => v.iter().map(Encode::encoded_len).sum(),
        }
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
        match &self.params {
            DispositionParams::Wire(raw) => w.write_bytes(raw),
            DispositionParams::Built(v) => v.iter().try_for_each(|p| p.encode(w)),
        }
    }
}

fn content_disposition(input: &[u8]) -> PResult<'_, ContentDisposition<'_>> {
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
            params: DispositionParams::Wire(params),
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

fn encoding_version(input: &[u8]) -> PResult<'_, EncodingVersion<'_>> {
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

/// One header of a WSP header block.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum WspHeader<'a> {
    /// `7F nn`: shift to code page `nn`.
    Shift(u8),
    /// `01`–`1F`: short-cut shift to that code page.
    ShortCutShift(u8),
    /// Content-Type (0x11).
    ContentType(ContentType<'a>),
    /// Content-Length (0x0D).
    ContentLength(IntegerValue),
    /// Content-Location (0x0E): Uri-value.
    ContentLocation(TextString<'a>),
    /// Content-ID (0x40).
    ContentId(ContentId<'a>),
    /// Content-Disposition under 0x2E (WSP 1.1–1.3) or 0x45 (WSP 1.4).
    ContentDisposition {
        /// The header code used (0x2E or 0x45).
        code: WellKnownHeader,
        /// The value.
        value: ContentDisposition<'a>,
    },
    /// Date (0x12).
    Date(DateValue),
    /// Content-Base (0x0A): Uri-value.
    ContentBase(TextString<'a>),
    /// Content-Language (0x0C): a language code or name.
    ContentLanguage(IntegerOrText<'a>),
    /// X-Wap-Application-Id (0x2F): application code or URI.
    ApplicationId(IntegerOrText<'a>),
    /// X-Wap-Content-URI (0x30).
    ContentUri(TextString<'a>),
    /// X-Wap-Initiator-URI (0x31).
    InitiatorUri(TextString<'a>),
    /// Push-Flag (0x34): the bit field (Short-integer value).
    PushFlag(u8),
    /// Encoding-Version (0x43).
    EncodingVersion(EncodingVersion<'a>),
    /// Any other well-known header, or any header on a code page other than 1: the page in
    /// force, the code (without the high bit) and the value octets, written back unchanged.
    Raw {
        /// The code page in force.
        page: u8,
        /// The field code (wire octet without its high bit).
        code: u8,
        /// The value octets.
        #[cfg_attr(
            feature = "serde",
            serde(
                serialize_with = "crate::base::serde_util::bytes",
                deserialize_with = "crate::base::serde_util::borrowed_bytes"
            )
        )]
        value: &'a [u8],
    },
    /// An application (textual) header: Token-text name and Text-string value
    /// (Content-Transfer-Encoding travels this way, §4.2).
    Application {
        /// The name.
        name: Token<'a>,
        /// The value.
        value: TextString<'a>,
    },
}

impl<'a> WspHeader<'a> {
    /// `Content-ID: <id>` (a Quoted-string; pass the angle brackets in `id`).
    pub fn content_id(id: &'a [u8]) -> Self {
        WspHeader::ContentId(ContentId::new(id))
    }

    /// `Content-Location: location`.
    pub fn content_location(location: &'a [u8]) -> Self {
        WspHeader::ContentLocation(TextString::new(location))
    }

    /// `Content-Disposition` under the WSP 1.1 code 0x2E that real traffic uses (§11.30).
    pub fn content_disposition(disposition: Disposition, filename: Option<&'a [u8]>) -> Self {
        WspHeader::ContentDisposition {
            code: WellKnownHeader::CONTENT_DISPOSITION_1_1,
            value: ContentDisposition::new(disposition, filename),
        }
    }

    /// An application header `name: value`.
    pub fn application(name: &'a [u8], value: &'a [u8]) -> Self {
        WspHeader::Application {
            name: Token::new(name),
            value: TextString::new(value),
        }
    }

    /// The well-known code of this header (`None` for shifts and application headers).
    pub fn code(&self) -> Option<u8> {
        Some(match self {
            WspHeader::Shift(_) | WspHeader::ShortCutShift(_) | WspHeader::Application { .. } => {
                return None;
            }
            WspHeader::ContentType(_) => 0x11,
            WspHeader::ContentLength(_) => 0x0D,
            WspHeader::ContentLocation(_) => 0x0E,
            WspHeader::ContentId(_) => 0x40,
            WspHeader::ContentDisposition { code, .. } => code.0,
            WspHeader::Date(_) => 0x12,
            WspHeader::ContentBase(_) => 0x0A,
            WspHeader::ContentLanguage(_) => 0x0C,
            WspHeader::ApplicationId(_) => 0x2F,
            WspHeader::ContentUri(_) => 0x30,
            WspHeader::InitiatorUri(_) => 0x31,
            WspHeader::PushFlag(_) => 0x34,
            WspHeader::EncodingVersion(_) => 0x43,
            WspHeader::Raw { code, .. } => *code,
        })
    }

    fn value_len(&self) -> usize {
        match self {
            WspHeader::Shift(_) | WspHeader::ShortCutShift(_) => 0,
            WspHeader::ContentType(v) => v.encoded_len(),
            WspHeader::ContentLength(v) => v.encoded_len(),
            WspHeader::ContentLocation(v)
            | WspHeader::ContentBase(v)
            | WspHeader::ContentUri(v)
            | WspHeader::InitiatorUri(v) => v.encoded_len(),
            WspHeader::ContentId(v) => v.encoded_len(),
            WspHeader::ContentDisposition { value, .. } => value.encoded_len(),
            WspHeader::Date(v) => v.encoded_len(),
            WspHeader::ContentLanguage(v) | WspHeader::ApplicationId(v) => v.encoded_len(),
            WspHeader::PushFlag(_) => 1,
            WspHeader::EncodingVersion(v) => v.encoded_len(),
            WspHeader::Raw { value, .. } => value.len(),
            WspHeader::Application { value, .. } => value.encoded_len(),
        }
    }
}

impl Encode for WspHeader<'_> {
    fn encoded_len(&self) -> usize {
        let name = match self {
            WspHeader::Shift(_) => 2,
            WspHeader::ShortCutShift(_) => 1,
            WspHeader::Application { name, .. } => name.encoded_len(),
            _ => 1,
        };
        name + self.value_len()
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            WspHeader::Shift(page) => return w.write_bytes(&[SHIFT_DELIMITER, *page]),
            WspHeader::ShortCutShift(page) => {
                if !(1..=0x1F).contains(page) {
                    return Err(EncodeError::Unencodable {
                        field: "Short-cut-shift",
                        reason: "page must be 1..=31",
                    });
                }
                return w.write_u8(*page);
            }
            WspHeader::Application { name, value } => {
                name.encode(w)?;
                return value.encode(w);
            }
            _ => {}
        }
        let code = self.code().unwrap_or(0);
        crate::codec::encode_short_integer(w, code)?;
        match self {
            WspHeader::ContentType(v) => v.encode(w),
            WspHeader::ContentLength(v) => v.encode(w),
            WspHeader::ContentLocation(v)
            | WspHeader::ContentBase(v)
            | WspHeader::ContentUri(v)
            | WspHeader::InitiatorUri(v) => {
                // At a value position 0x01-0x1F starts a Value-length: such a text reads back
                // only when that "length" covers it exactly, as in a decoded `8E 02 41 00`
                // (fuzz finding, `built_pdu`). Rare path: encode and read the extent back.
                if !v.quoted && v.bytes.first().is_some_and(|b| (0x01..0x20).contains(b)) {
                    let mut wire = alloc::vec::Vec::new();
                    v.encode(&mut wire)?;
                    if !matches!(crate::codec::skip_value(&wire), Ok(([], _))) {
                        return Err(EncodeError::Unencodable {
                            field: "WSP header",
                            reason: "text starting with a control octet reads as a Value-length",
                        });
                    }
                }
                v.encode(w)
            }
            WspHeader::ContentId(v) => v.encode(w),
            WspHeader::ContentDisposition { value, .. } => value.encode(w),
            WspHeader::Date(v) => v.encode(w),
            WspHeader::ContentLanguage(v) | WspHeader::ApplicationId(v) => v.encode(w),
            WspHeader::PushFlag(v) => crate::codec::encode_short_integer(w, *v),
            WspHeader::EncodingVersion(v) => v.encode(w),
            WspHeader::Raw { value, .. } => w.write_bytes(value),
            _ => Ok(()),
        }
    }
}

/// The encoded size of a list of headers.
pub fn headers_len(headers: &[WspHeader<'_>]) -> usize {
    headers.iter().map(Encode::encoded_len).sum()
}

/// Encodes a list of headers one after the other.
///
/// # Errors
/// The first header's [`EncodeError`].
pub fn encode_headers<W: Writer + ?Sized>(
    headers: &[WspHeader<'_>],
    w: &mut W,
) -> Result<(), EncodeError> {
    headers.iter().try_for_each(|h| h.encode(w))
}

/// One decoded header with its position.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct HeaderItem<'a> {
    /// Absolute offset of the header's first octet.
    pub offset: usize,
    /// The code page in force for this header (after a shift item: the new page).
    pub page: u8,
    /// The header.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub header: WspHeader<'a>,
    /// Why a well-known header that has a typed form was kept as [`WspHeader::Raw`]: its
    /// value did not read as its grammar.
    pub unparsed: Option<DecodeErrorKind>,
}

/// A WSP header block over a bounded slice, decoded lazily.
///
/// ```
/// use mms_pdu::wsp::headers::{HeaderBlock, WspHeader};
/// let raw = b"\xC0\x22<s>\0\x8Es.smil\0";
/// let block = HeaderBlock::new(raw);
/// assert_eq!(block.content_id(), Some(&b"<s>"[..]));
/// assert_eq!(block.content_location(), Some(&b"s.smil"[..]));
/// assert_eq!(block.iter().count(), 2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct HeaderBlock<'a> {
    #[cfg_attr(
        feature = "serde",
        serde(
            serialize_with = "crate::base::serde_util::bytes",
            deserialize_with = "crate::base::serde_util::borrowed_bytes"
        )
    )]
    raw: &'a [u8],
    offset: usize,
    max_headers: u32,
}

impl<'a> HeaderBlock<'a> {
    /// A block over `raw` (offsets counted from its start; default header limit).
    pub fn new(raw: &'a [u8]) -> Self {
        HeaderBlock {
            raw,
            offset: 0,
            max_headers: crate::base::limits::Limits::DEFAULT.max_headers,
        }
    }

    /// A block over `raw`, which starts at absolute `offset` in the caller's buffer, not yet
    /// walked (the iterator reports errors; [`HeaderBlock::decode`] checks up front).
    pub fn with_offset(raw: &'a [u8], offset: usize, max_headers: u32) -> Self {
        HeaderBlock {
            raw,
            offset,
            max_headers,
        }
    }

    /// A block over `raw`, which starts at absolute `offset` in the caller's buffer, checked
    /// once: every header is walked, deviations and values kept raw are reported to `diags`,
    /// and the header count is capped by `max_headers`.
    ///
    /// # Errors
    /// The first header whose extent cannot be found (a truncated value, a name without NUL,
    /// octet 0x00 at a name position), `TooManyHeaders`, or a deviation in strict mode.
    pub fn decode(
        raw: &'a [u8],
        offset: usize,
        max_headers: u32,
        diags: &mut Diagnostics,
    ) -> Result<Self, DecodeError> {
        let block = HeaderBlock {
            raw,
            offset,
            max_headers,
        };
        for item in block.iter() {
            let item = item?;
            let context = item
                .header
                .code()
                .and_then(|c| WellKnownHeader(c).name())
                .unwrap_or("WSP header");
            if let Some(kind) = item.unparsed {
                diags.report(Diagnostic {
                    offset: item.offset,
                    context,
                    kind: DiagnosticKind::UnparsedValue(kind),
                })?;
            }
            if let Some(d) = header_deviation(&item.header) {
                diags.report(Diagnostic {
                    offset: item.offset,
                    context,
                    kind: DiagnosticKind::Deviation(d),
                })?;
            }
            if let WspHeader::Shift(page) | WspHeader::ShortCutShift(page) = item.header {
                diags.note(Diagnostic {
                    offset: item.offset,
                    context,
                    kind: DiagnosticKind::CodePageShift { page },
                });
            }
        }
        Ok(block)
    }

    /// The raw octets.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.raw
    }

    /// Absolute offset of the block.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// True when the block has no octets.
    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// The headers, in order, decoded lazily; stops after the first error.
    pub fn iter(&self) -> HeaderIter<'a> {
        HeaderIter {
            base: self.raw,
            rest: self.raw,
            offset: self.offset,
            page: 1,
            count: 0,
            max_headers: self.max_headers,
            done: false,
        }
    }

    fn headers(&self) -> impl Iterator<Item = WspHeader<'a>> {
        self.iter().map_while(Result::ok).map(|i| i.header)
    }

    fn application(&self, wanted: &str) -> Option<TextString<'a>> {
        self.headers().find_map(|h| match h {
            WspHeader::Application { name, value }
                if name.bytes.eq_ignore_ascii_case(wanted.as_bytes()) =>
            {
                Some(value)
            }
            _ => None,
        })
    }

    /// The Content-ID as sent (angle brackets kept; from a textual `Content-ID` header too,
    /// with a surrounding `"` removed).
    pub fn content_id(&self) -> Option<&'a [u8]> {
        self.headers()
            .find_map(|h| match h {
                WspHeader::ContentId(id) => Some(id.as_bytes()),
                _ => None,
            })
            .or_else(|| {
                self.application("Content-ID").map(|t| {
                    let b = t.bytes;
                    let b = b.strip_prefix(b"\"").unwrap_or(b);
                    b.strip_suffix(b"\"").unwrap_or(b)
                })
            })
    }

    /// The Content-Location (also from a textual `Content-Location` header).
    pub fn content_location(&self) -> Option<&'a [u8]> {
        self.headers()
            .find_map(|h| match h {
                WspHeader::ContentLocation(t) => Some(t.bytes),
                _ => None,
            })
            .or_else(|| self.application("Content-Location").map(|t| t.bytes))
    }

    /// The Content-Disposition (0x2E or 0x45).
    pub fn disposition(&self) -> Option<ContentDisposition<'a>> {
        self.headers().find_map(|h| match h {
            WspHeader::ContentDisposition { value, .. } => Some(value),
            _ => None,
        })
    }

    /// The Content-Disposition `filename` (or `name`) parameter.
    pub fn filename(&self) -> Option<&'a [u8]> {
        let d = self.disposition()?;
        d.filename().or_else(|| d.name())
    }

    /// The Content-Transfer-Encoding application header (e.g. `base64`).
    pub fn transfer_encoding(&self) -> Option<&'a [u8]> {
        self.application("Content-Transfer-Encoding")
            .map(|t| t.bytes)
    }

    /// The Content-Description application header (it has no WSP code).
    pub fn description(&self) -> Option<&'a [u8]> {
        self.application("Content-Description").map(|t| t.bytes)
    }

    /// The Content-Language header (0x0C): a language code or a name.
    pub fn language(&self) -> Option<IntegerOrText<'a>> {
        self.headers().find_map(|h| match h {
            WspHeader::ContentLanguage(l) => Some(l),
            _ => None,
        })
    }

    /// The Content-Type header (0x11), if present.
    pub fn content_type(&self) -> Option<ContentType<'a>> {
        self.headers().find_map(|h| match h {
            WspHeader::ContentType(ct) => Some(ct),
            _ => None,
        })
    }
}

fn header_deviation(h: &WspHeader<'_>) -> Option<crate::base::error::Deviation> {
    match h {
        WspHeader::ContentId(ContentId::Quoted(q)) => q.deviation(),
        WspHeader::ContentId(ContentId::Text(t))
        | WspHeader::ContentLocation(t)
        | WspHeader::ContentBase(t)
        | WspHeader::ContentUri(t)
        | WspHeader::InitiatorUri(t) => t.deviation(),
        WspHeader::Application { value, .. } => value.deviation(),
        _ => None,
    }
}

impl Encode for HeaderBlock<'_> {
    fn encoded_len(&self) -> usize {
        self.raw.len()
    }
    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        w.write_bytes(self.raw)
    }
}

impl<'a> IntoIterator for &HeaderBlock<'a> {
    type Item = Result<HeaderItem<'a>, DecodeError>;
    type IntoIter = HeaderIter<'a>;
    fn into_iter(self) -> HeaderIter<'a> {
        self.iter()
    }
}

/// The lazy iterator of a [`HeaderBlock`].
#[derive(Debug, Clone)]
pub struct HeaderIter<'a> {
    base: &'a [u8],
    rest: &'a [u8],
    offset: usize,
    page: u8,
    count: u32,
    max_headers: u32,
    done: bool,
}

impl<'a> Iterator for HeaderIter<'a> {
    type Item = Result<HeaderItem<'a>, DecodeError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done || self.rest.is_empty() {
            return None;
        }
        let at = self.offset + crate::base::error::offset_in(self.base, self.rest);
        if self.count >= self.max_headers {
            self.done = true;
            return Some(Err(DecodeError {
                offset: at,
                kind: DecodeErrorKind::TooManyHeaders {
                    limit: self.max_headers,
                },
                context: "WSP headers",
            }));
        }
        self.count += 1;
        match header(self.rest, self.page) {
            Ok((rest, (header, unparsed))) => {
                if let WspHeader::Shift(p) | WspHeader::ShortCutShift(p) = header {
                    self.page = p;
                }
                self.rest = rest;
                Some(Ok(HeaderItem {
                    offset: at,
                    page: self.page,
                    header,
                    unparsed,
                }))
            }
            Err(e) => {
                self.done = true;
                let mut e = to_decode_error(self.base, e);
                e.offset += self.offset;
                Some(Err(e))
            }
        }
    }
}

type Parsed<'a> = (WspHeader<'a>, Option<DecodeErrorKind>);

/// Reads one header at a name position, with `page` in force.
fn header(input: &[u8], page: u8) -> PResult<'_, Parsed<'_>> {
    let Some((&first, after)) = input.split_first() else {
        return fail(input, DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 });
    };
    match first {
        0 => crate::codec::in_field(unexpected(input, Expected::FieldName), "WSP headers"),
        SHIFT_DELIMITER => {
            let (rest, p) = crate::codec::in_field(crate::codec::octet(after), "Shift")?;
            Ok((rest, (WspHeader::Shift(p), None)))
        }
        1..=0x1F => Ok((after, (WspHeader::ShortCutShift(first), None))),
        0x20..=0x7E => {
            let (rest, name) = crate::codec::in_field(token_text(input), "application header")?;
            let (rest, value) =
                crate::codec::in_field(text_string_bounded(rest), "application header")?;
            Ok((rest, (WspHeader::Application { name, value }, None)))
        }
        _ => well_known(after, page, first & 0x7F),
    }
}

fn raw_extent<'a>(input: &'a [u8], context: &'static str) -> PResult<'a, &'a [u8]> {
    match skip_value(input) {
        Ok(ok) => Ok(ok),
        // A text value running to the end of the bounded block (REFERENCE.md §11.7).
        Err(nom::Err::Error(e)) if e.kind == DecodeErrorKind::MissingTerminator => Ok((&[], input)),
        Err(e) => crate::codec::in_field(Err(e), context),
    }
}

fn well_known(input: &[u8], page: u8, code: u8) -> PResult<'_, Parsed<'_>> {
    let context = WellKnownHeader(code).name().unwrap_or("WSP header");
    let raw = |input| -> PResult<'_, Parsed<'_>> {
        let (rest, value) = raw_extent(input, context)?;
        Ok((rest, (WspHeader::Raw { page, code, value }, None)))
    };
    if page != 1 {
        return raw(input);
    }
    let typed: PResult<'_, WspHeader<'_>> = match code {
        0x11 => content_type(input).map(|(r, v)| (r, WspHeader::ContentType(v))),
        0x0D => integer_value(input).map(|(r, v)| (r, WspHeader::ContentLength(v))),
        0x0E => text_string_bounded(input).map(|(r, v)| (r, WspHeader::ContentLocation(v))),
        0x40 => match input.first() {
            Some(&DOUBLE_QUOTE) => quoted_string_bounded(input)
                .map(|(r, v)| (r, WspHeader::ContentId(ContentId::Quoted(v)))),
            _ => text_string_bounded(input)
                .map(|(r, v)| (r, WspHeader::ContentId(ContentId::Text(v)))),
        },
        0x2E | 0x45 => content_disposition(input).map(|(r, value)| {
            (
                r,
                WspHeader::ContentDisposition {
                    code: WellKnownHeader(code),
                    value,
                },
            )
        }),
        0x12 => date_value(input).map(|(r, v)| (r, WspHeader::Date(v))),
        0x0A => text_string_bounded(input).map(|(r, v)| (r, WspHeader::ContentBase(v))),
        0x0C => integer_or_text(input).map(|(r, v)| (r, WspHeader::ContentLanguage(v))),
        0x2F => integer_or_text(input).map(|(r, v)| (r, WspHeader::ApplicationId(v))),
        0x30 => text_string_bounded(input).map(|(r, v)| (r, WspHeader::ContentUri(v))),
        0x31 => text_string_bounded(input).map(|(r, v)| (r, WspHeader::InitiatorUri(v))),
        0x34 => short_integer(input).map(|(r, v)| (r, WspHeader::PushFlag(v))),
        0x43 => encoding_version(input).map(|(r, v)| (r, WspHeader::EncodingVersion(v))),
        _ => return raw(input),
    };
    match typed {
        Ok((rest, h)) => {
            // A typed value must end where the generic shape (§1.1) says the value ends;
            // otherwise the typed reading and a skipping reader would disagree.
            match raw_extent(input, context) {
                Ok((raw_rest, _)) if raw_rest.len() == rest.len() => Ok((rest, (h, None))),
                Ok((raw_rest, value)) => Ok((
                    raw_rest,
                    (
                        WspHeader::Raw { page, code, value },
                        Some(DecodeErrorKind::TrailingBytes {
                            count: rest.len().abs_diff(raw_rest.len()) as u64,
                        }),
                    ),
                )),
                Err(e) => Err(e),
            }
        }
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => {
            let (rest, value) = raw_extent(input, context)?;
            Ok((rest, (WspHeader::Raw { page, code, value }, Some(e.kind))))
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;
    use proptest::prelude::*;

    fn items(raw: &[u8]) -> Vec<HeaderItem<'_>> {
        HeaderBlock::new(raw)
            .iter()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    fn check_exact(raw: &[u8]) {
        let mut out = Vec::new();
        for item in HeaderBlock::new(raw).iter() {
            let item = item.unwrap();
            let before = out.len();
            item.header.encode(&mut out).unwrap();
            assert_eq!(out.len() - before, item.header.encoded_len());
        }
        assert_eq!(out, raw);
    }

    #[test]
    fn mms_part_headers() {
        let raw =
            b"\xC0\x22<s>\0\x8Es.smil\0\xAE\x08\x81\x86a.jpg\0Content-Transfer-Encoding\0base64\0";
        let its = items(raw);
        assert_eq!(its.len(), 4);
        let b = HeaderBlock::new(raw);
        assert_eq!(b.content_id(), Some(&b"<s>"[..]));
        assert_eq!(b.content_location(), Some(&b"s.smil"[..]));
        assert_eq!(b.filename(), Some(&b"a.jpg"[..]));
        assert_eq!(
            b.disposition().unwrap().kind(),
            Some(Disposition::ATTACHMENT)
        );
        assert_eq!(b.transfer_encoding(), Some(&b"base64"[..]));
        check_exact(raw);
    }

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
        // §11.29: a charset parameter after the filename; §11.30: inline under 0x2E.
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

    #[test]
    fn shifts_and_raw() {
        // Page 1 Content-Length, shift to page 2 with a header there, short-cut back to 1.
        let raw = b"\x8D\x85\x7F\x02\x80\x81\x01\xA9UA\0\x8F\x02\xAA\xBB";
        let its = items(raw);
        assert_eq!(
            its[0].header,
            WspHeader::ContentLength(IntegerValue::new(5))
        );
        assert_eq!(its[1].header, WspHeader::Shift(2));
        assert_eq!(
            its[2].header,
            WspHeader::Raw {
                page: 2,
                code: 0,
                value: &[0x81]
            }
        );
        assert_eq!(its[2].page, 2);
        assert_eq!(its[3].header, WspHeader::ShortCutShift(1));
        assert!(matches!(
            its[4].header,
            WspHeader::Raw {
                page: 1,
                code: 0x29,
                ..
            }
        ));
        assert_eq!(its[4].offset, 7);
        check_exact(raw);
    }

    #[test]
    fn push_headers() {
        let raw = b"\xAF\x84\xB4\x86\xC3\x93\xB1http://x\0\x92\x04\x5E\x0B\xE1\x00\xC3\x02\x81\x93";
        let its = items(raw);
        assert_eq!(
            its[0].header,
            WspHeader::ApplicationId(IntegerOrText::Integer(IntegerValue::new(4)))
        );
        assert_eq!(its[1].header, WspHeader::PushFlag(6));
        assert!(matches!(
            its[2].header,
            WspHeader::EncodingVersion(EncodingVersion::Version(Version::Short(0x13)))
        ));
        assert!(matches!(its[3].header, WspHeader::InitiatorUri(_)));
        assert!(matches!(its[4].header, WspHeader::Date(_)));
        assert!(matches!(
            its[5].header,
            WspHeader::EncodingVersion(EncodingVersion::General { code_page: 1, .. })
        ));
        check_exact(raw);
    }

    #[test]
    fn bad_value_kept_raw_with_diagnostic() {
        // Content-Length with a text value: kept raw.
        let raw = b"\x8Dabc\0\x8Es\0";
        let its = items(raw);
        assert!(matches!(its[0].header, WspHeader::Raw { code: 0x0D, .. }));
        assert!(its[0].unparsed.is_some());
        let mut d = Diagnostics::new(false);
        HeaderBlock::decode(raw, 100, 10, &mut d).unwrap();
        assert_eq!(d.as_slice()[0].offset, 100);
        check_exact(raw);
    }

    #[test]
    fn broken_extents_are_errors() {
        let e = HeaderBlock::new(b"\x8E\x05ab")
            .iter()
            .last()
            .unwrap()
            .unwrap_err();
        assert!(matches!(e.kind, DecodeErrorKind::LengthExceedsInput { .. }));
        assert_eq!(e.offset, 2);
        let e =
            HeaderBlock::decode(b"\x8D\x85\x00", 10, 5, &mut Diagnostics::new(false)).unwrap_err();
        assert_eq!(e.offset, 12);
        let e = HeaderBlock::new(b"X-Name")
            .iter()
            .last()
            .unwrap()
            .unwrap_err();
        assert_eq!(e.kind, DecodeErrorKind::MissingTerminator);
        let e = HeaderBlock::decode(b"\x8D\x85\x8D\x85", 0, 1, &mut Diagnostics::new(false))
            .unwrap_err();
        assert_eq!(e.kind, DecodeErrorKind::TooManyHeaders { limit: 1 });
    }

    proptest! {
        #[test]
        fn accepted_blocks_re_encode(raw in prop::collection::vec(any::<u8>(), 0..48)) {
            let mut d = Diagnostics::new(false);
            if HeaderBlock::decode(&raw, 0, 1024, &mut d).is_ok() {
                let mut out = Vec::new();
                for item in HeaderBlock::new(&raw).iter() {
                    item.unwrap().header.encode(&mut out).unwrap();
                }
                prop_assert_eq!(out, raw);
            }
        }
    }
}
