//! A WSP header block: the bounded slice of headers of a multipart entry or a Push PDU, its
//! lazy iterator (code pages, offsets, the header limit), the one-pass check with its
//! diagnostics, and the accessors MMS reads (WAP-230-WSP §8.4).

use super::header::{WspHeader, context_of, header};
use super::values::{ContentDisposition, ContentId};
use crate::base::diag::{Diagnostic, DiagnosticKind, Diagnostics};
use crate::base::error::{DecodeError, DecodeErrorKind, EncodeError};
use crate::codec::{Cursor, Encode, TextString, Writer};
use crate::wsp::content_type::{ContentType, IntegerOrText};

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
    #[cfg_attr(feature = "serde", serde(with = "crate::base::serde_util::octets"))]
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
        Self::decode_seeing(raw, offset, max_headers, diags, |_, _| {})
    }

    /// [`HeaderBlock::decode`], handing every header to `see` (with the code page in force
    /// for it) as it is checked, so that a caller who wants a value from the block (the push's
    /// Content-Length) reads it in the same walk instead of walking the block again.
    pub(crate) fn decode_seeing(
        raw: &'a [u8],
        offset: usize,
        max_headers: u32,
        diags: &mut Diagnostics,
        mut see: impl FnMut(u8, &WspHeader<'a>),
    ) -> Result<Self, DecodeError> {
        // The walk of `HeaderIter::next`, written out: its items are moved through an `Option`
        // and a `Result` on their way here, which cost about 30 instructions a header (a push's
        // two one-octet headers; benches/README.md, "Session 8").
        let mut cursor = Cursor::at(raw, offset);
        let (mut page, mut count) = (1, 0);
        while !cursor.is_empty() {
            let at = cursor.offset();
            if count >= max_headers {
                let limit = DecodeErrorKind::TooManyHeaders { limit: max_headers };
                return Err(cursor.error(limit, "WSP headers"));
            }
            count += 1;
            let (header, unparsed) = cursor.read_within(|input| header(input, page))?;
            // Named only when something is reported.
            let context = || header.code().map_or("WSP header", context_of);
            // A shift is all its header says (it has no value to be unparsed or to deviate).
            if let WspHeader::Shift(p) | WspHeader::ShortCutShift(p) = header {
                page = p;
                diags.note(Diagnostic {
                    offset: at,
                    context: context(),
                    kind: DiagnosticKind::CodePageShift { page },
                });
            }
            see(page, &header);
            if let Some(kind) = unparsed {
                diags.report(Diagnostic {
                    offset: at,
                    context: context(),
                    kind: DiagnosticKind::UnparsedValue(kind),
                })?;
            }
            if let Some(d) = header_deviation(&header) {
                diags.report(Diagnostic {
                    offset: at,
                    context: context(),
                    kind: DiagnosticKind::Deviation(d),
                })?;
            }
        }
        Ok(HeaderBlock {
            raw,
            offset,
            max_headers,
        })
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
            cursor: Cursor::at(self.raw, self.offset),
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
    pub fn language(&self) -> Option<IntegerOrText<TextString<'a>>> {
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
    cursor: Cursor<'a>,
    page: u8,
    count: u32,
    max_headers: u32,
    done: bool,
}

impl<'a> Iterator for HeaderIter<'a> {
    type Item = Result<HeaderItem<'a>, DecodeError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done || self.cursor.is_empty() {
            return None;
        }
        let at = self.cursor.offset();
        if self.count >= self.max_headers {
            self.done = true;
            return Some(Err(self.cursor.error(
                DecodeErrorKind::TooManyHeaders {
                    limit: self.max_headers,
                },
                "WSP headers",
            )));
        }
        self.count += 1;
        let page = self.page;
        // A block is always cut out by a HeadersLen: a text running to its end lacks its NUL.
        match self.cursor.read_within(|input| header(input, page)) {
            Ok((header, unparsed)) => {
                if let WspHeader::Shift(p) | WspHeader::ShortCutShift(p) = header {
                    self.page = p;
                }
                Some(Ok(HeaderItem {
                    offset: at,
                    page: self.page,
                    header,
                    unparsed,
                }))
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::assigned::Disposition;
    use alloc::vec::Vec;
    use proptest::prelude::*;

    pub(crate) fn items(raw: &[u8]) -> Vec<HeaderItem<'_>> {
        HeaderBlock::new(raw)
            .iter()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    pub(crate) fn check_exact(raw: &[u8]) {
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

    #[test]
    fn shifts_are_noted_where_they_stand() {
        // Page 1 Content-Length, shift to page 2 with a header there, short-cut back to 1.
        let raw = b"\x8D\x85\x7F\x02\x80\x81\x01\xA9UA\0";
        let mut d = Diagnostics::new(false);
        let mut pages = Vec::new();
        HeaderBlock::decode_seeing(raw, 10, 16, &mut d, |page, _| pages.push(page)).unwrap();
        assert_eq!(pages, [1, 2, 2, 1, 1]);
        let shifts: Vec<_> = d
            .as_slice()
            .iter()
            .filter_map(|d| match d.kind {
                DiagnosticKind::CodePageShift { page } => Some((d.offset, page)),
                _ => None,
            })
            .collect();
        assert_eq!(shifts, [(12, 2), (16, 1)]);
    }

    proptest! {
        /// The check's own walk reads what the iterator reads: the same headers on the same
        /// pages, and the same first error.
        #[test]
        fn the_check_walks_as_the_iterator(raw in prop::collection::vec(any::<u8>(), 0..48)) {
            let mut seen = Vec::new();
            let checked = HeaderBlock::decode_seeing(
                &raw, 7, 6, &mut Diagnostics::new(false), |page, h| seen.push((page, h.clone())),
            );
            let mut walked = Vec::new();
            let mut error = None;
            for item in HeaderBlock::with_offset(&raw, 7, 6).iter() {
                match item {
                    Ok(item) => walked.push((item.page, item.header)),
                    Err(e) => error = Some(e),
                }
            }
            prop_assert_eq!(checked.err(), error);
            prop_assert_eq!(seen, walked);
        }

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
