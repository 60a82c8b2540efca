//! One WSP header: the typed headers MMS and push use, the raw fallback for every other
//! one, the well-known header table that picks a value's grammar by its code, and the
//! encoder (WAP-230-WSP §8.4.1, §8.4.2; names from its Table 39).

use super::values::{
    ContentDisposition, ContentId, EncodingVersion, content_disposition, encoding_version,
};
use crate::assigned::{Disposition, WellKnownHeader};
use crate::base::error::{DecodeErrorKind, EncodeError, Expected};
use crate::codec::{
    DOUBLE_QUOTE, DateValue, Encode, IntegerValue, PResult, TextString, Token, Writer, date_value,
    fail, integer_value, quoted_string_bounded, short_integer, skip_value, text_string_bounded,
    token_text, unexpected,
};
use crate::wsp::content_type::{ContentType, IntegerOrText, content_type, integer_or_text};

/// The Shift-delimiter octet (`7F nn` switches to code page nn).
pub const SHIFT_DELIMITER: u8 = 0x7F;

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
    ContentLanguage(IntegerOrText<TextString<'a>>),
    /// X-Wap-Application-Id (0x2F): application code or URI.
    ApplicationId(IntegerOrText<TextString<'a>>),
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
        #[cfg_attr(feature = "serde", serde(with = "crate::base::serde_util::octets"))]
        value: &'a [u8],
    },
    /// An application (textual) header: Token-text name and Text-string value
    /// (Content-Transfer-Encoding, which has no WSP code, travels this way).
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

    /// `Content-Disposition` under the WSP 1.1 code 0x2E that real traffic uses (the fixture PDUs
    /// of mmsd, python-messaging and Jolla never use 0x45).
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
        self.well_known_code().map(WellKnownHeader::get)
    }

    fn well_known_code(&self) -> Option<WellKnownHeader> {
        Some(match self {
            WspHeader::Shift(_) | WspHeader::ShortCutShift(_) | WspHeader::Application { .. } => {
                return None;
            }
            WspHeader::ContentType(_) => WellKnownHeader::CONTENT_TYPE,
            WspHeader::ContentLength(_) => WellKnownHeader::CONTENT_LENGTH,
            WspHeader::ContentLocation(_) => WellKnownHeader::CONTENT_LOCATION,
            WspHeader::ContentId(_) => WellKnownHeader::CONTENT_ID,
            WspHeader::ContentDisposition { code, .. } => *code,
            WspHeader::Date(_) => WellKnownHeader::DATE,
            WspHeader::ContentBase(_) => WellKnownHeader::CONTENT_BASE,
            WspHeader::ContentLanguage(_) => WellKnownHeader::CONTENT_LANGUAGE,
            WspHeader::ApplicationId(_) => WellKnownHeader::X_WAP_APPLICATION_ID,
            WspHeader::ContentUri(_) => WellKnownHeader::X_WAP_CONTENT_URI,
            WspHeader::InitiatorUri(_) => WellKnownHeader::X_WAP_INITIATOR_URI,
            WspHeader::PushFlag(_) => WellKnownHeader::PUSH_FLAG,
            WspHeader::EncodingVersion(_) => WellKnownHeader::ENCODING_VERSION,
            WspHeader::Raw { code, .. } => WellKnownHeader(*code),
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

pub(super) type Parsed<'a> = (WspHeader<'a>, Option<DecodeErrorKind>);

/// Reads one header at a name position, with `page` in force.
pub(super) fn header(input: &[u8], page: u8) -> PResult<'_, Parsed<'_>> {
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

/// The name an error or diagnostic of well-known header `code` carries.
pub(super) fn context_of(code: u8) -> &'static str {
    WellKnownHeader(code).name().unwrap_or("WSP header")
}

/// The generic extent of the value of well-known header `code` (its name looked up only for
/// an error: about 20 instructions a header otherwise).
fn raw_extent(input: &[u8], code: u8) -> PResult<'_, &[u8]> {
    match skip_value(input) {
        Ok(ok) => Ok(ok),
        // A text value running to the end of the bounded block (AOSP and Symbian read it).
        Err(nom::Err::Error(e)) if e.kind == DecodeErrorKind::MissingTerminator => Ok((&[], input)),
        Err(e) => crate::codec::in_field(Err(e), context_of(code)),
    }
}

fn well_known(input: &[u8], page: u8, code: u8) -> PResult<'_, Parsed<'_>> {
    if page == 1 {
        if let Some(parsed) = one_short_integer(input, code) {
            return Ok(parsed);
        }
        if let Some(parsed) = one_text(input, code) {
            return Ok(parsed);
        }
    }
    well_known_general(input, page, code)
}

/// The part headers whose value is a text (Content-Location, Content-ID, Content-Base and the
/// push's URIs) sent with the generic shape of a text (first octet 0x00 or 0x20–0x7F), read as
/// [`well_known_general`] reads them without going through it: such a text ends where the
/// generic shape (WAP-230-WSP §8.4.1.2) ends the value (after its first NUL, or at the end of
/// the bounded block), so the general path's extent check has nothing to add (the proptest
/// below compares the two). A multipart part has one to three of these, each read by the
/// body's check and again by every walk of the part's headers.
#[inline(always)]
fn one_text<'a>(input: &'a [u8], code: u8) -> Option<(&'a [u8], Parsed<'a>)> {
    let first = *input.first()?;
    if !(first == 0 || (0x20..=0x7F).contains(&first)) {
        return None;
    }
    let text = |wrap: fn(TextString<'a>) -> WspHeader<'a>| {
        text_string_bounded(input)
            .ok()
            .map(|(rest, t)| (rest, (wrap(t), None)))
    };
    match WellKnownHeader(code) {
        WellKnownHeader::CONTENT_LOCATION => text(WspHeader::ContentLocation),
        WellKnownHeader::CONTENT_ID if first == DOUBLE_QUOTE => quoted_string_bounded(input)
            .ok()
            .map(|(rest, q)| (rest, (WspHeader::ContentId(ContentId::Quoted(q)), None))),
        WellKnownHeader::CONTENT_ID => text(|t| WspHeader::ContentId(ContentId::Text(t))),
        WellKnownHeader::CONTENT_BASE => text(WspHeader::ContentBase),
        WellKnownHeader::X_WAP_CONTENT_URI => text(WspHeader::ContentUri),
        WellKnownHeader::X_WAP_INITIATOR_URI => text(WspHeader::InitiatorUri),
        _ => None,
    }
}

/// The push headers whose value is one Short-integer octet (`AF 84`, `B4 86`, `8D 85`), read
/// as [`well_known_general`] reads them without going through it: about 80 instructions a
/// header less (callgrind, a push), and a push has two or three of them.
#[inline(always)]
fn one_short_integer(input: &[u8], code: u8) -> Option<(&[u8], Parsed<'_>)> {
    let (&octet, rest) = input.split_first().filter(|(b, _)| **b >= 0x80)?;
    let short = IntegerValue::short(octet);
    let header = match WellKnownHeader(code) {
        WellKnownHeader::X_WAP_APPLICATION_ID => {
            WspHeader::ApplicationId(IntegerOrText::Integer(short))
        }
        WellKnownHeader::PUSH_FLAG => WspHeader::PushFlag(octet & 0x7F),
        WellKnownHeader::CONTENT_LENGTH => WspHeader::ContentLength(short),
        _ => return None,
    };
    Some((rest, (header, None)))
}

// Inlined into `header`, as it was before the short path was split off: left to the compiler
// it became a call, about 15 instructions more for each part header read (callgrind, the
// Base64 retrieve-conf: +243 per decode and walk, against -239 inlined).
#[inline(always)]
fn well_known_general(input: &[u8], page: u8, code: u8) -> PResult<'_, Parsed<'_>> {
    let raw = |input| -> PResult<'_, Parsed<'_>> {
        let (rest, value) = raw_extent(input, code)?;
        Ok((rest, (WspHeader::Raw { page, code, value }, None)))
    };
    if page != 1 {
        return raw(input);
    }
    let typed = match WellKnownHeader(code) {
        WellKnownHeader::CONTENT_TYPE => as_header(content_type(input), WspHeader::ContentType),
        WellKnownHeader::CONTENT_LENGTH => {
            as_header(integer_value(input), WspHeader::ContentLength)
        }
        WellKnownHeader::CONTENT_LOCATION => {
            as_header(text_string_bounded(input), WspHeader::ContentLocation)
        }
        WellKnownHeader::CONTENT_ID => match input.first() {
            Some(&DOUBLE_QUOTE) => as_header(quoted_string_bounded(input), |v| {
                WspHeader::ContentId(ContentId::Quoted(v))
            }),
            _ => as_header(text_string_bounded(input), |v| {
                WspHeader::ContentId(ContentId::Text(v))
            }),
        },
        WellKnownHeader::CONTENT_DISPOSITION_1_1 | WellKnownHeader::CONTENT_DISPOSITION => {
            as_header(content_disposition(input), |value| {
                WspHeader::ContentDisposition {
                    code: WellKnownHeader(code),
                    value,
                }
            })
        }
        WellKnownHeader::DATE => as_header(date_value(input), WspHeader::Date),
        WellKnownHeader::CONTENT_BASE => {
            as_header(text_string_bounded(input), WspHeader::ContentBase)
        }
        WellKnownHeader::CONTENT_LANGUAGE => as_header(
            integer_or_text(input, code_or_name),
            WspHeader::ContentLanguage,
        ),
        WellKnownHeader::X_WAP_APPLICATION_ID => as_header(
            integer_or_text(input, code_or_name),
            WspHeader::ApplicationId,
        ),
        WellKnownHeader::X_WAP_CONTENT_URI => {
            as_header(text_string_bounded(input), WspHeader::ContentUri)
        }
        WellKnownHeader::X_WAP_INITIATOR_URI => {
            as_header(text_string_bounded(input), WspHeader::InitiatorUri)
        }
        WellKnownHeader::PUSH_FLAG => as_header(short_integer(input), WspHeader::PushFlag),
        WellKnownHeader::ENCODING_VERSION => {
            as_header(encoding_version(input), WspHeader::EncodingVersion)
        }
        _ => return raw(input),
    };
    match typed {
        Ok((rest, h)) if short_extent(input, rest) => Ok((rest, (h, None))),
        Ok((rest, h)) => {
            // A typed value must end where the generic shape (WAP-230-WSP §8.4.1.2) says the value
            // ends; otherwise the typed reading and a skipping reader would disagree.
            match raw_extent(input, code) {
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
            let (rest, value) = raw_extent(input, code)?;
            Ok((rest, (WspHeader::Raw { page, code, value }, Some(e.kind))))
        }
        Err(e) => Err(e),
    }
}

/// Whether the typed decoder read one octet of a value `input` that opens with a
/// Short-integer octet (0x80–0xFF), whose generic extent is that octet alone (WAP-230-WSP
/// §8.4.1.2): the extent need not be found again (push headers such as X-Wap-Application-Id
/// and Push-Flag; about 30 instructions each).
fn short_extent(input: &[u8], rest: &[u8]) -> bool {
    input.first().is_some_and(|&b| b >= 0x80) && input.len() == rest.len() + 1
}

/// A value read by its grammar, wrapped as its header.
fn as_header<'a, T>(
    parsed: PResult<'a, T>,
    header: impl FnOnce(T) -> WspHeader<'a>,
) -> PResult<'a, WspHeader<'a>> {
    parsed.map(|(rest, v)| (rest, header(v)))
}

/// The text of a Content-Language or X-Wap-Application-Id value that is not a code: a
/// Text-string (a language name, a URI).
fn code_or_name(input: &[u8]) -> PResult<'_, TextString<'_>> {
    match input.first() {
        Some(&b) if b >= 0x20 || b == 0 => text_string_bounded(input),
        _ => unexpected(input, Expected::Value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::diag::Diagnostics;
    use crate::codec::Version;
    use crate::wsp::headers::HeaderBlock;
    use crate::wsp::headers::block::tests::{check_exact, items};

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
    fn one_short_integer_reads_as_the_general_path() {
        for code in [
            WellKnownHeader::X_WAP_APPLICATION_ID,
            WellKnownHeader::PUSH_FLAG,
            WellKnownHeader::CONTENT_LENGTH,
        ] {
            for octet in 0x80..=0xFFu8 {
                let input = [octet, 0xAF];
                let fast = one_short_integer(&input, code.get()).unwrap();
                assert_eq!(
                    Ok(fast),
                    well_known_general(&input, 1, code.get()),
                    "{octet:#x}"
                );
            }
            assert!(one_short_integer(&[0x7F, 0], code.get()).is_none());
            assert!(one_short_integer(&[], code.get()).is_none());
        }
        assert!(one_short_integer(&[0x81], WellKnownHeader::CONTENT_TYPE.get()).is_none());
        // Another code page keeps every header raw.
        let (_, (h, _)) = well_known(&[0x84], 2, 0x2F).unwrap();
        assert!(matches!(h, WspHeader::Raw { page: 2, .. }));
    }

    /// The text headers [`one_text`] reads, and one it leaves to the general path.
    const TEXT_HEADERS: [WellKnownHeader; 7] = [
        WellKnownHeader::CONTENT_LOCATION,
        WellKnownHeader::CONTENT_ID,
        WellKnownHeader::CONTENT_BASE,
        WellKnownHeader::X_WAP_CONTENT_URI,
        WellKnownHeader::X_WAP_INITIATOR_URI,
        WellKnownHeader::CONTENT_TYPE,
        WellKnownHeader::CONTENT_LENGTH,
    ];

    #[test]
    fn one_text_reads_texts_only() {
        let id = WellKnownHeader::CONTENT_ID.get();
        let (rest, (h, _)) = one_text(b"\"<a>\0\x8E", id).unwrap();
        assert_eq!(rest, [0x8E]);
        assert!(matches!(h, WspHeader::ContentId(ContentId::Quoted(q)) if q.bytes == b"<a>"));
        // Not the shape of a text, or not a text header: the general path.
        assert!(one_text(&[0x1F, 0x01, 0x00], id).is_none());
        assert!(one_text(&[0x83], id).is_none());
        assert!(one_text(&[], id).is_none());
        assert!(one_text(b"a\0", WellKnownHeader::CONTENT_TYPE.get()).is_none());
    }

    proptest::proptest! {
        #[test]
        fn one_text_reads_as_the_general_path(
            which in 0..TEXT_HEADERS.len(),
            input in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just(0u8),
                    proptest::strategy::Just(b'"'),
                    proptest::strategy::Just(0x7F),
                    proptest::prelude::any::<u8>(),
                ],
                0..12,
            ),
        ) {
            let code = TEXT_HEADERS[which].get();
            if let Some(fast) = one_text(&input, code) {
                proptest::prop_assert_eq!(Ok(fast), well_known_general(&input, 1, code));
            }
        }
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
}
