//! WSP multipart bodies (WAP-230-WSP §8.5).
//!
//! ```text
//! Multipart = nEntries *Entry
//! Entry     = HeadersLen DataLen ContentType Headers Data
//! ```
//!
//! A [`Multipart`] keeps the declared entry count as sent and the raw entries; [`Multipart::parts`]
//! walks them lazily and zero-copy. nEntries is never trusted for sizing: entries are walked
//! until the data ends and a different count is reported as a diagnostic. Every length is
//! checked against what is left before anything is cut by it, in 64-bit arithmetic, and the
//! part count and nesting depth are capped by [`Limits`].

use alloc::borrow::Cow;
use alloc::vec::Vec;

use crate::assigned::Charset;
use crate::base::diag::{Diagnostic, DiagnosticKind, Diagnostics};
use crate::base::error::{DecodeError, DecodeErrorKind, Deviation, EncodeError, WireError};
use crate::base::limits::Limits;
use crate::base::options::DecodeOptions;
use crate::codec::{Cursor, Encode, PResult, Uintvar, Writer, uintvar};
use crate::wsp::content_type::{ContentType, Media, Parameter, content_type};
use crate::wsp::headers::HeaderBlock;

/// A multipart body (WAP-230-WSP §8.5): a count, then entries of headers and data, read lazily
/// ([`Multipart::parts`]); a part may be a multipart itself ([`Part::nested`]).
///
/// ```
/// use mms_pdu::prelude::*;
/// let wire = include_bytes!("../../samples/m-retrieve-conf.mms");
/// let pdu = Pdu::decode(wire)?;
/// let body = pdu.multipart().expect("a multipart Content-Type")?;
/// let parts = body.parts_vec()?;
/// assert_eq!(parts.len(), 6);
/// assert_eq!(body.smil().unwrap().content_location(), Some(&b"smil.xml"[..]));
/// assert_eq!(body.find_by_content_id(b"<photo>").unwrap().data.len(), 43);
/// # Ok::<(), DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Multipart<'a> {
    declared: Option<Uintvar>,
    entries: &'a [u8],
    offset: usize,
    depth: u32,
    limits: Limits,
}

/// One multipart entry, zero-copy: its content type, headers and data.
///
/// ```
/// use mms_pdu::prelude::*;
/// let wire = include_bytes!("../../samples/m-retrieve-conf.mms");
/// let pdu = Pdu::decode(wire)?;
/// for part in pdu.multipart().unwrap()?.parts() {
///     let part = part?;
///     let name = part.name_text().unwrap_or_default();
///     println!("{name}: {}, {} octets", part.content_type, part.data.len());
///     if part.content_type.media_name() == Some("text/plain") {
///         // The part's charset applied (UTF-8 when it names none).
///         assert!(!part.text(Charset::UTF_8).is_empty());
///     }
/// }
/// # Ok::<(), DecodeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Part<'a> {
    /// Absolute offset of the entry (its HeadersLen).
    pub offset: usize,
    /// HeadersLen as sent.
    pub headers_len: Uintvar,
    /// DataLen as sent.
    pub data_len: Uintvar,
    /// The positional content type.
    pub content_type: ContentType<'a>,
    /// The headers after the content type.
    pub headers: HeaderBlock<'a>,
    /// The data.
    pub data: &'a [u8],
    depth: u32,
    limits: Limits,
}

impl<'a> Multipart<'a> {
    /// Reads nEntries and keeps the entries for lazy decoding; nothing else is checked (see
    /// [`decode`] for the checked form). `offset` is the absolute position of `body` in the
    /// caller's buffer; `depth` the nesting level (0 at the top).
    ///
    /// # Errors
    /// A malformed nEntries Uintvar.
    pub fn parse(
        body: &'a [u8],
        offset: usize,
        limits: Limits,
        depth: u32,
    ) -> Result<Self, DecodeError> {
        let mut cursor = Cursor::at(body, offset);
        if depth > limits.max_depth {
            let limit = limits.max_depth;
            return Err(cursor.error(DecodeErrorKind::DepthLimit { limit }, "multipart"));
        }
        if body.is_empty() {
            return Ok(Multipart {
                declared: None,
                entries: body,
                offset,
                depth,
                limits,
            });
        }
        let declared = cursor.read(|b| crate::codec::in_field(uintvar(b), "multipart nEntries"))?;
        Ok(Multipart {
            declared: Some(declared),
            entries: cursor.rest(),
            offset: cursor.offset(),
            depth,
            limits,
        })
    }

    /// The declared nEntries as sent (`None` for an empty body, which has none).
    pub fn declared_count(&self) -> Option<Uintvar> {
        self.declared
    }

    /// The raw entries (after nEntries).
    pub fn entries(&self) -> &'a [u8] {
        self.entries
    }

    /// The nesting level (0 for a top-level body).
    pub fn depth(&self) -> u32 {
        self.depth
    }

    /// The parts, decoded lazily; the iterator stops after its first error.
    pub fn parts(&self) -> PartIter<'a> {
        PartIter {
            cursor: Cursor::at(self.entries, self.offset),
            depth: self.depth,
            limits: self.limits,
            found: 0,
            done: false,
        }
    }

    /// All parts.
    ///
    /// # Errors
    /// The first entry that does not decode.
    pub fn parts_vec(&self) -> Result<Vec<Part<'a>>, DecodeError> {
        self.parts().collect()
    }

    fn good_parts(&self) -> impl Iterator<Item = Part<'a>> {
        self.parts().map_while(Result::ok)
    }

    /// The root part: the one whose Content-ID matches `start` (the multipart/related `start`
    /// parameter, compared with or without `<>`), else the first part (RFC 2387).
    pub fn root(&self, start: Option<&[u8]>) -> Option<Part<'a>> {
        start
            .and_then(|s| self.find_by_content_id(s))
            .or_else(|| self.good_parts().next())
    }

    /// The first SMIL part (`application/smil`, any case).
    pub fn smil(&self) -> Option<Part<'a>> {
        self.good_parts().find(Part::is_smil)
    }

    /// The part with this Content-ID, both sides compared by [`bare_content_id`]: `id` may be
    /// a `cid:` URL, or carry angle brackets or quotes.
    pub fn find_by_content_id(&self, id: &[u8]) -> Option<Part<'a>> {
        let want = bare_content_id(id);
        self.good_parts()
            .find(|p| p.content_id().is_some_and(|c| bare_content_id(c) == want))
    }

    /// The part with this Content-Location (exact, then ASCII case-insensitive).
    pub fn find_by_location(&self, location: &[u8]) -> Option<Part<'a>> {
        self.good_parts()
            .find(|p| p.content_location() == Some(location))
            .or_else(|| {
                self.good_parts().find(|p| {
                    p.content_location()
                        .is_some_and(|l| l.eq_ignore_ascii_case(location))
                })
            })
    }
}

/// What a `cid:` URL (RFC 2392) names: the text after the scheme (matched ignoring ASCII
/// case), still %-encoded; `None` for any other reference.
///
/// ```
/// use mms_pdu::wsp::multipart::cid_url_target;
/// assert_eq!(cid_url_target(b"CID:img%401"), Some(&b"img%401"[..]));
/// assert_eq!(cid_url_target(b"img.jpg"), None);
/// ```
pub fn cid_url_target(reference: &[u8]) -> Option<&[u8]> {
    match reference.get(..4) {
        Some(scheme) if scheme.eq_ignore_ascii_case(b"cid:") => reference.get(4..),
        _ => None,
    }
}

/// A Content-ID in the form two of them are compared in: surrounding white space, a `cid:`
/// scheme ([`cid_url_target`]), a pair of `"` and then a pair of `<>` taken off, in that
/// order. The same form serves a Content-ID header as sent (`<a@b>`, or bare `a@b` as some
/// phones write it), a multipart/related `start` parameter and a `cid:` reference.
///
/// ```
/// use mms_pdu::wsp::multipart::bare_content_id;
/// for id in [&b"<a@b>"[..], b"a@b", b"\"<a@b>\"", b"cid:a@b", b" <a@b> "] {
///     assert_eq!(bare_content_id(id), b"a@b");
/// }
/// ```
pub fn bare_content_id(id: &[u8]) -> &[u8] {
    let id = id.trim_ascii();
    let id = cid_url_target(id).map_or(id, <[u8]>::trim_ascii);
    let id = match id {
        [b'"', inner @ .., b'"'] => inner,
        _ => id,
    };
    match id {
        [b'<', inner @ .., b'>'] => inner,
        _ => id,
    }
}

/// Header text as a `str`: UTF-8 (what phones put in names), invalid octets replaced.
fn header_text(octets: &[u8]) -> Cow<'_, str> {
    crate::text::decode_text(None, octets, Charset::UTF_8)
}

impl<'a> Part<'a> {
    /// A body that is not a multipart (an m-retrieve-conf whose Content-Type is `text/plain`,
    /// say), seen as a part without headers so that the part helpers (its name, text, kind,
    /// SMIL matching) apply to it as to any other. `offset` is the absolute offset of `data`,
    /// and becomes the part's [`Part::offset`]: the body was not sent as a multipart entry, so
    /// `headers_len` and `data_len` are the minimal Uintvars of its lengths, and the part
    /// encodes as the entry that would carry it.
    ///
    /// ```
    /// use mms_pdu::assigned::{Charset, WellKnownMedia};
    /// use mms_pdu::wsp::{ContentType, Part};
    /// let ct = ContentType::well_known(WellKnownMedia::TEXT_PLAIN);
    /// let part = Part::single(ct, b"Not found", 40);
    /// assert_eq!(part.text(Charset::UTF_8), "Not found");
    /// assert_eq!(part.name(), None);
    /// ```
    pub fn single(content_type: ContentType<'a>, data: &'a [u8], offset: usize) -> Self {
        let limits = Limits::DEFAULT;
        Part {
            offset,
            headers_len: uintvar_like(None, content_type.encoded_len()),
            data_len: uintvar_like(None, data.len()),
            content_type,
            headers: HeaderBlock::with_offset(&[], offset, limits.max_headers),
            data,
            depth: 0,
            limits,
        }
    }

    /// The Content-ID header as sent (angle brackets kept; as text:
    /// [`Part::content_id_text`]).
    pub fn content_id(&self) -> Option<&'a [u8]> {
        self.headers.content_id()
    }

    /// The Content-ID header as text (angle brackets kept): UTF-8, invalid octets replaced by
    /// U+FFFD, borrowed when valid.
    ///
    /// ```
    /// use mms_pdu::wsp::Multipart;
    /// // text/plain, Content-ID: <t1>, Content-Location: hi.txt, data "hi".
    /// let body = b"\x01\x10\x02\x83\xC0\x22<t1>\0\x8Ehi.txt\0hi";
    /// let part = Multipart::parse(body, 0, Default::default(), 0).unwrap().parts().next().unwrap().unwrap();
    /// assert_eq!(part.content_id_text().as_deref(), Some("<t1>"));
    /// assert_eq!(part.content_id(), Some(&b"<t1>"[..]));
    /// assert_eq!(part.content_location_text().as_deref(), Some("hi.txt"));
    /// assert_eq!(part.name_text().as_deref(), Some("hi.txt"));
    /// ```
    pub fn content_id_text(&self) -> Option<Cow<'a, str>> {
        self.content_id().map(header_text)
    }

    /// The Content-Location header as sent (as text: [`Part::content_location_text`]).
    pub fn content_location(&self) -> Option<&'a [u8]> {
        self.headers.content_location()
    }

    /// The Content-Location header as text: UTF-8, invalid octets replaced by U+FFFD,
    /// borrowed when valid (example: [`Part::content_id_text`]).
    pub fn content_location_text(&self) -> Option<Cow<'a, str>> {
        self.content_location().map(header_text)
    }

    /// The part's name: the first non-empty of the Content-Disposition `filename`, the
    /// content type's `name`, the Content-Disposition `name`, and the Content-Location.
    ///
    /// This is the crate's one naming rule: the attachment helpers use it for display names and for
    /// matching SMIL references. The disposition's `filename` comes first because RFC 2183 (§2.3)
    /// made it the file name to store a part under, after RFC 2046 (§4.5.1) had deprecated the
    /// older Content-Type `name` for that purpose; mail parsers take the same order (mail-parser's
    /// `attachment_name`, go-message's `Filename`). OMA-TS-MMS_CONF §10.2 lists `name` first, but
    /// phones that send both send the same value (every such part in the shared corpus does), so
    /// the order decides only when they disagree, and then `filename` is the one meant as a file
    /// name. Content-Location comes last, as MMS clients use it: many phones send nothing else, and
    /// SMIL refers to it. An empty value names nothing, so the next one is tried. A Content-ID is
    /// an identifier, not a name, and is not used.
    ///
    /// ```
    /// use mms_pdu::wsp::Multipart;
    /// // image/jpeg; name="n.jpg", Content-Disposition: attachment; filename="f.jpg",
    /// // Content-Location: l.jpg.
    /// let body = b"\x01\x1A\x01\x08\x9E\x85n.jpg\0\xAE\x08\x81\x86f.jpg\0\x8El.jpg\0J";
    /// let part = Multipart::parse(body, 0, Default::default(), 0).unwrap().parts().next().unwrap().unwrap();
    /// assert_eq!(part.data, b"J");
    /// assert_eq!(part.name(), Some(&b"f.jpg"[..]));
    /// ```
    pub fn name(&self) -> Option<&'a [u8]> {
        let disposition = self.headers.disposition();
        let disposition = disposition.as_ref();
        [
            disposition.and_then(|d| d.filename()),
            self.content_type.name(),
            disposition.and_then(|d| d.name()),
            self.content_location(),
        ]
        .into_iter()
        .flatten()
        .find(|n| !n.is_empty())
    }

    /// The part's name by the rule of [`Part::name`], as text: UTF-8 (what phones send), invalid
    /// octets replaced by U+FFFD, borrowed when valid. RFC 2047 encoded-words are kept as sent
    /// ([`decode_encoded_words`](crate::text::decode_encoded_words) reads them). Before storing
    /// a file under it, make it safe (the attachment helpers do); example:
    /// [`Part::content_id_text`].
    pub fn name_text(&self) -> Option<Cow<'a, str>> {
        self.name().map(header_text)
    }

    /// The data as text, decoded by the content type's `charset` (`default` when it has none,
    /// names Any-charset, or names a charset that cannot be decoded).
    /// Never fails: undecodable octets become U+FFFD. Borrows when the data is valid UTF-8.
    /// Data labelled us-ascii with octets above 0x7F (which the multipart decode reports as
    /// [`Deviation::EightBitInUsAscii`]) is read as UTF-8 when valid, else as windows-1252.
    ///
    /// ```
    /// use mms_pdu::assigned::Charset;
    /// use mms_pdu::wsp::Multipart;
    /// // text/plain; charset=us-ascii, data "K\xE4se" (Latin-1, as old phones send it).
    /// let body = b"\x01\x04\x04\x03\x83\x81\x83K\xE4se";
    /// let part = Multipart::parse(body, 0, Default::default(), 0).unwrap().parts().next().unwrap().unwrap();
    /// assert_eq!(part.text(Charset::UTF_8), "Käse");
    /// ```
    pub fn text(&self, default: Charset) -> Cow<'a, str> {
        crate::text::decode_text(self.content_type.charset(), self.data, default)
    }

    /// True for `application/smil`.
    pub fn is_smil(&self) -> bool {
        matches!(self.content_type.media(), Media::Text(t) if t.eq_ignore_ascii_case(b"application/smil"))
    }

    /// True when the data is itself a WSP multipart: `application/vnd.wap.multipart.*`, or
    /// `multipart/*` without a MIME `boundary` parameter (a textual MIME body has one).
    pub fn is_nested_multipart(&self) -> bool {
        let media = self.content_type.media();
        if !media.is_multipart() {
            return false;
        }
        media.is_wap_multipart()
            || !self.content_type.params().any(|p| {
            matches!(p, Parameter::Untyped { name, .. } if name.bytes.eq_ignore_ascii_case(b"boundary"))
        })
    }

    /// Where the part's data starts in the buffer the body was decoded from: after its
    /// HeadersLen, DataLen, content type and headers ([`Part::offset`] is where the entry
    /// starts).
    pub fn data_offset(&self) -> usize {
        (self.offset + self.encoded_len()).saturating_sub(self.data.len())
    }

    /// The nested multipart, when [`Part::is_nested_multipart`]; decoded under the depth budget
    /// of the enclosing body (an error once nesting passes `Limits::max_depth`).
    pub fn nested(&self) -> Option<Result<Multipart<'a>, DecodeError>> {
        if !self.is_nested_multipart() {
            return None;
        }
        Some(Multipart::parse(
            self.data,
            self.data_offset(),
            self.limits,
            self.depth.saturating_add(1),
        ))
    }

    /// The nesting level of the body holding this part.
    pub fn depth(&self) -> u32 {
        self.depth
    }
}

impl Encode for Part<'_> {
    fn encoded_len(&self) -> usize {
        let hl = self.content_type.encoded_len() + self.headers.encoded_len();
        uintvar_like(Some(self.headers_len), hl).encoded_len()
            + uintvar_like(Some(self.data_len), self.data.len()).encoded_len()
            + hl
            + self.data.len()
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        let hl = self.content_type.encoded_len() + self.headers.encoded_len();
        uintvar_for(Some(self.headers_len), hl, "multipart entry")?.encode(w)?;
        uintvar_for(Some(self.data_len), self.data.len(), "multipart entry")?.encode(w)?;
        self.content_type.encode(w)?;
        self.headers.encode(w)?;
        w.write_bytes(self.data)
    }
}

/// The Uintvar for `len`, keeping `sent`'s form when it still holds the same value (the
/// minimal form otherwise, or without `sent`); a length above `u32::MAX` gives the 5-octet
/// size [`uintvar_for`] refuses to write.
pub(crate) fn uintvar_like(sent: Option<Uintvar>, len: usize) -> Uintvar {
    match (u32::try_from(len), sent) {
        (Ok(v), Some(sent)) if v == sent.value => sent,
        (Ok(v), _) => Uintvar::new(v),
        (Err(_), _) => Uintvar::new(u32::MAX),
    }
}

/// As [`uintvar_like`], refusing a length above `u32::MAX` as `field`.
pub(crate) fn uintvar_for(
    sent: Option<Uintvar>,
    len: usize,
    field: &'static str,
) -> Result<Uintvar, EncodeError> {
    u32::try_from(len)
        .map(|_| uintvar_like(sent, len))
        .map_err(|_| EncodeError::Unencodable {
            field,
            reason: "length above 2^32-1",
        })
}

impl Encode for Multipart<'_> {
    fn encoded_len(&self) -> usize {
        self.declared.map_or(0, |d| d.encoded_len()) + self.entries.len()
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        if let Some(d) = self.declared {
            d.encode(w)?;
        }
        w.write_bytes(self.entries)
    }
}

/// The lazy iterator over a multipart's entries.
#[derive(Debug, Clone)]
pub struct PartIter<'a> {
    cursor: Cursor<'a>,
    depth: u32,
    limits: Limits,
    found: u32,
    done: bool,
}

impl PartIter<'_> {
    /// Entries decoded so far.
    pub fn found(&self) -> u32 {
        self.found
    }
}

impl<'a> Iterator for PartIter<'a> {
    type Item = Result<Part<'a>, DecodeError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done || self.cursor.is_empty() {
            return None;
        }
        let start = self.cursor;
        let at = start.offset();
        if self.found >= self.limits.max_parts {
            self.done = true;
            return Some(Err(self.cursor.error(
                DecodeErrorKind::TooManyParts {
                    limit: self.limits.max_parts,
                },
                "multipart",
            )));
        }
        match self.cursor.read(entry) {
            Ok((headers_len, data_len, content_type, headers, data)) => {
                self.found += 1;
                Some(Ok(Part {
                    offset: at,
                    headers_len,
                    data_len,
                    content_type,
                    headers: HeaderBlock::with_offset(
                        headers,
                        start.offset_of(headers),
                        self.limits.max_headers,
                    ),
                    data,
                    depth: self.depth,
                    limits: self.limits,
                }))
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

type Entry<'a> = (Uintvar, Uintvar, ContentType<'a>, &'a [u8], &'a [u8]);

fn entry(input: &[u8]) -> PResult<'_, Entry<'_>> {
    let (rest, headers_len) = crate::codec::in_field(uintvar(input), "multipart HeadersLen")?;
    let (rest, data_len) = crate::codec::in_field(uintvar(rest), "multipart DataLen")?;
    let need = u64::from(headers_len.value) + u64::from(data_len.value);
    if need > rest.len() as u64 {
        return Err(nom::Err::Error(
            WireError::new(
                input,
                DecodeErrorKind::LengthExceedsInput {
                    need,
                    have: rest.len() as u64,
                },
            )
            .in_field("multipart entry"),
        ));
    }
    let (rest, headers) = crate::codec::take(rest, u64::from(headers_len.value))?;
    let (rest, data) = crate::codec::take(rest, u64::from(data_len.value))?;
    // The content type must fit inside HeadersLen (WAP-230-WSP §8.5): it is read from the bounded
    // slice.
    let (headers, ct) = crate::codec::in_field(content_type(headers), "multipart Content-Type")?;
    Ok((rest, (headers_len, data_len, ct, headers, data)))
}

/// Decodes a multipart body and checks it whole: every entry (nested bodies too, iteratively,
/// under `Limits::max_depth`), every header block, and the declared count. Offsets count from
/// the start of `body`.
///
/// ```
/// use mms_pdu::DecodeOptions;
/// use mms_pdu::wsp::multipart;
/// // nEntries 1; HeadersLen 1, DataLen 2, text/plain, "hi"
/// let body = [0x01, 0x01, 0x02, 0x83, b'h', b'i'];
/// let (mp, diags) = multipart::decode(&body, &DecodeOptions::new()).unwrap();
/// let part = mp.parts().next().unwrap().unwrap();
/// assert_eq!(part.data, b"hi");
/// assert!(diags.is_empty());
/// ```
///
/// # Errors
/// The first entry that does not decode (with its absolute offset), `TooManyParts`,
/// `TooManyHeaders`, `DepthLimit`, or a deviation in strict mode.
pub fn decode<'a>(
    body: &'a [u8],
    opts: &DecodeOptions,
) -> Result<(Multipart<'a>, Vec<Diagnostic>), DecodeError> {
    decode_at(body, 0, opts)
}

/// As [`decode`], for a body that starts at absolute `offset` in the caller's buffer (offsets in
/// errors and diagnostics are then absolute).
///
/// # Errors
/// As [`decode`].
pub fn decode_at<'a>(
    body: &'a [u8],
    offset: usize,
    opts: &DecodeOptions,
) -> Result<(Multipart<'a>, Vec<Diagnostic>), DecodeError> {
    let mut diags = Diagnostics::new(opts.is_strict());
    let mp = Multipart::parse(body, offset, opts.limits(), 0)?;
    validate(&mp, &mut diags)?;
    Ok((mp, diags.into_vec()))
}

/// Walks a multipart and everything nested in it with an explicit stack (no recursion).
fn validate(top: &Multipart<'_>, diags: &mut Diagnostics) -> Result<(), DecodeError> {
    // The top level is walked outside the stack, which holds nested bodies only: a body
    // without one (the typical message) is checked without a heap allocation.
    let mut top_parts = top.parts();
    let mut stack: Vec<(Multipart<'_>, PartIter<'_>)> = Vec::new();
    loop {
        let (mp, it) = match stack.last_mut() {
            Some((mp, it)) => (*mp, it),
            None => (*top, &mut top_parts),
        };
        // Borrowed where the iterator returned it, not moved out of its `Option`: a 144-octet
        // copy a part (callgrind, the sample retrieve-conf: 29 instructions a part).
        let next = it.next();
        let Some(next) = &next else {
            let found = it.found();
            let was_nested = stack.pop().is_some();
            check_count(&mp, found, diags)?;
            if was_nested {
                continue;
            }
            return Ok(());
        };
        // Data that merely looks like a nested multipart (a part labelled multipart/* holding
        // something else) is kept as opaque data: its errors are diagnostics, not failures.
        let nested = !stack.is_empty();
        let part = match next {
            Ok(p) => p,
            Err(e) if nested && !matches!(e.kind, DecodeErrorKind::DepthLimit { .. }) => {
                diags.report(nested_diag(*e))?;
                stack.pop();
                continue;
            }
            Err(e) => return Err(*e),
        };
        let (raw_params, charset) = part.content_type.raw_params_and_charset();
        if raw_params {
            diags.report(Diagnostic {
                offset: part.offset,
                context: "multipart Content-Type",
                kind: DiagnosticKind::UnparsedValue(DecodeErrorKind::UnexpectedOctet {
                    found: 0,
                    expected: crate::base::error::Expected::Value,
                }),
            })?;
        }
        if let Err(e) = HeaderBlock::decode(
            part.headers.as_bytes(),
            part.headers.offset(),
            top.limits.max_headers,
            diags,
        ) {
            if nested && !diags.is_strict() {
                diags.report(nested_diag(e))?;
            } else {
                return Err(e);
            }
        }
        check_us_ascii(part, charset, diags)?;
        match part.nested() {
            Some(Ok(inner)) => stack.push((inner, inner.parts())),
            Some(Err(e)) if matches!(e.kind, DecodeErrorKind::DepthLimit { .. }) => return Err(e),
            Some(Err(e)) => diags.report(nested_diag(e))?,
            None => {}
        }
    }
}

/// Reports data labelled us-ascii (`charset`, the part's) that carries octets above 0x7F, at
/// the first of them; [`Part::text`] reads it as UTF-8 when valid, else as windows-1252.
fn check_us_ascii(
    part: &Part<'_>,
    charset: Option<Charset>,
    diags: &mut Diagnostics,
) -> Result<(), DecodeError> {
    if charset != Some(Charset::US_ASCII) {
        return Ok(());
    }
    let Some(at) = part.data.iter().position(|&b| !b.is_ascii()) else {
        return Ok(());
    };
    diags.report(Diagnostic {
        offset: part.offset + part.encoded_len() - part.data.len() + at,
        context: "multipart part data",
        kind: DiagnosticKind::Deviation(Deviation::EightBitInUsAscii),
    })
}

fn nested_diag(e: DecodeError) -> Diagnostic {
    Diagnostic {
        offset: e.offset,
        context: "nested multipart",
        kind: DiagnosticKind::UnparsedValue(e.kind),
    }
}

fn check_count(mp: &Multipart<'_>, found: u32, diags: &mut Diagnostics) -> Result<(), DecodeError> {
    let at = mp
        .offset
        .saturating_sub(mp.declared.map_or(0, |d| d.encoded_len()));
    match mp.declared {
        None => diags.report(Diagnostic {
            offset: at,
            context: "multipart (empty body, no nEntries)",
            kind: DiagnosticKind::PartCountMismatch {
                declared: 0,
                found: 0,
            },
        }),
        Some(d) if d.value != found => diags.report(Diagnostic {
            offset: at,
            context: "multipart nEntries",
            kind: DiagnosticKind::PartCountMismatch {
                declared: d.value,
                found,
            },
        }),
        Some(d) if !d.is_minimal() => diags.report(Diagnostic {
            offset: at,
            context: "multipart nEntries",
            kind: DiagnosticKind::Deviation(crate::base::error::Deviation::NonMinimalUintvar),
        }),
        Some(_) => Ok(()),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::codec::decode_all;
    use alloc::vec;

    /// An m-send-req body: the top-level multipart/related content type (SMIL start `<s>`) and
    /// the multipart after it, a SMIL part and a UTF-8 text part.
    pub(crate) fn worked_example() -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(&[0x18, 0xB3, 0x89]);
        b.extend_from_slice(b"application/smil\0");
        b.extend_from_slice(&[0x8A]);
        b.extend_from_slice(b"<s>\0");
        b.extend_from_slice(&[0x02, 0x1F, 0x07]);
        b.extend_from_slice(b"application/smil\0");
        b.extend_from_slice(b"\xC0\x22<s>\0");
        b.extend_from_slice(b"\x8Es.smil\0");
        b.extend_from_slice(b"<smil/>");
        b.extend_from_slice(&[0x11, 0x05, 0x03, 0x83, 0x81, 0xEA]);
        b.extend_from_slice(b"\xC0\x22<t>\0");
        b.extend_from_slice(b"\x8Et.txt\0");
        b.extend_from_slice(b"Hello");
        b
    }

    #[test]
    fn worked_example_round_trips() {
        let b = worked_example();
        let (rest, ct) = content_type(&b).unwrap();
        assert_eq!(ct.start(), Some(&b"<s>"[..]));
        assert_eq!(ct.type_param(), Some(Media::Text(b"application/smil")));
        let body_at = b.len() - rest.len();
        assert_eq!(rest[0], 0x02);
        let (mp, diags) = decode_at(rest, body_at, &DecodeOptions::new().strict(true)).unwrap();
        assert!(diags.is_empty());
        let parts = mp.parts_vec().unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].offset, body_at + 1);
        assert_eq!(parts[0].headers_len.value, 31);
        assert_eq!(parts[0].data, b"<smil/>");
        assert!(parts[0].is_smil());
        assert_eq!(parts[1].content_type.charset(), Some(Charset::UTF_8));
        assert_eq!(parts[1].data, b"Hello");
        assert_eq!(parts[1].text(Charset::ISO_8859_1), "Hello");
        assert_eq!(mp.root(ct.start()).unwrap().data, b"<smil/>");
        assert_eq!(mp.smil().unwrap().content_location(), Some(&b"s.smil"[..]));
        assert_eq!(mp.find_by_content_id(b"cid:t").unwrap().data, b"Hello");
        assert_eq!(mp.find_by_content_id(b"<t>").unwrap().data, b"Hello");
        assert_eq!(mp.find_by_location(b"T.TXT").unwrap().data, b"Hello");
        // Byte-exact: whole body, and part by part.
        assert_eq!(mp.encode_to_vec().unwrap(), rest);
        let mut again = Uintvar::new(2).encode_to_vec().unwrap();
        for p in &parts {
            assert_eq!(p.encoded_len(), p.encode_to_vec().unwrap().len());
            p.encode(&mut again).unwrap();
        }
        assert_eq!(again, rest);
        let mut whole = ct.encode_to_vec().unwrap();
        mp.encode(&mut whole).unwrap();
        assert_eq!(whole, b);
    }

    #[test]
    fn eight_bit_octets_in_us_ascii_data() {
        // text/plain; charset=us-ascii, then the data.
        let body = |data: &[u8]| {
            let mut b = vec![0x01, 0x04, u8::try_from(data.len()).unwrap()];
            b.extend_from_slice(&[0x03, 0x83, 0x81, 0x83]);
            b.extend_from_slice(data);
            b
        };
        let eight_bit = |offset| Diagnostic {
            offset,
            context: "multipart part data",
            kind: DiagnosticKind::Deviation(Deviation::EightBitInUsAscii),
        };
        let lenient = DecodeOptions::new();
        // Plain us-ascii: nothing to say.
        let b = body(b"Hello");
        assert_eq!(decode(&b, &lenient).unwrap().1, []);
        // Latin-1 under the label: reported at the first 8-bit octet, read as windows-1252.
        let b = body(b"K\xE4se \x80");
        let (mp, diags) = decode(&b, &lenient).unwrap();
        assert_eq!(diags, [eight_bit(8)]);
        assert_eq!(b[8], 0xE4);
        let part = mp.parts().next().unwrap().unwrap();
        assert_eq!(part.text(Charset::UTF_8), "Käse €");
        // UTF-8 under the label: reported too (the label is wrong), read as UTF-8.
        let b = body("Käse".as_bytes());
        let (mp, diags) = decode(&b, &lenient).unwrap();
        assert_eq!(diags, [eight_bit(8)]);
        let part = mp.parts().next().unwrap().unwrap();
        assert_eq!(part.text(Charset::ISO_8859_1), "Käse");
        // Strict mode refuses it.
        let e = decode(&b, &DecodeOptions::new().strict(true)).unwrap_err();
        assert_eq!(
            (e.offset, e.kind),
            (8, DecodeErrorKind::Deviation(Deviation::EightBitInUsAscii))
        );
        // Another charset, or none, is not us-ascii: no diagnostic.
        let mut utf8 = b.clone();
        utf8[6] = 0xEA;
        assert_eq!(decode(&utf8, &lenient).unwrap().1, []);
    }

    /// A body of one part: content type `ct`, then `headers`, then the data `x`.
    fn one_part(ct: &[u8], headers: &[u8]) -> Vec<u8> {
        let mut b = vec![0x01, u8::try_from(ct.len() + headers.len()).unwrap(), 0x01];
        b.extend_from_slice(ct);
        b.extend_from_slice(headers);
        b.push(b'x');
        b
    }

    #[test]
    fn part_name_rule() {
        let name_of = |ct: &[u8], headers: &[u8]| {
            let b = one_part(ct, headers);
            let mp = Multipart::parse(&b, 0, Limits::default(), 0).unwrap();
            let part = mp.parts().next().unwrap().unwrap();
            assert_eq!(part.data, b"x");
            part.name().map(<[u8]>::to_vec)
        };
        // image/jpeg; name="n.jpg" (general form) and plain image/jpeg.
        let named: &[u8] = b"\x08\x9E\x85n.jpg\0";
        let plain: &[u8] = b"\x9E";
        let location: &[u8] = b"\x8El.jpg\0";
        // Content-Disposition: attachment; filename="f.jpg" / name="d.jpg" / filename="".
        let filename: &[u8] = b"\xAE\x08\x81\x86f.jpg\0";
        let disposition_name: &[u8] = b"\xAE\x08\x81\x85d.jpg\0";
        let empty_filename: &[u8] = b"\xAE\x03\x81\x86\0";
        let cat = |a: &[u8], b: &[u8]| [a, b].concat();
        let f = Some(b"f.jpg".to_vec());
        let n = Some(b"n.jpg".to_vec());
        let d = Some(b"d.jpg".to_vec());
        let l = Some(b"l.jpg".to_vec());
        assert_eq!(name_of(named, &cat(filename, location)), f);
        assert_eq!(name_of(plain, &cat(location, filename)), f);
        assert_eq!(name_of(named, &cat(disposition_name, location)), n);
        assert_eq!(name_of(plain, &cat(disposition_name, location)), d);
        assert_eq!(name_of(plain, location), l);
        assert_eq!(name_of(named, empty_filename), n);
        assert_eq!(name_of(plain, &cat(empty_filename, location)), l);
        assert_eq!(name_of(plain, b"\xC0\x22<i>\0"), None);
        assert_eq!(name_of(plain, b""), None);
    }

    #[test]
    fn bare_content_ids() {
        for id in [
            &b"<a>"[..],
            b"a",
            b"\"<a>\"",
            b"\"a\"",
            b"cid:a",
            b"CID:<a>",
            b" cid: <a> ",
        ] {
            assert_eq!(bare_content_id(id), b"a", "{id:?}");
        }
        for (odd, bare) in [
            (&b"<"[..], &b"<"[..]),
            (b"\"", b"\""),
            (b"<>", b""),
            (b"cid:", b""),
            (b"", b""),
            (b"<a", b"<a"),
        ] {
            assert_eq!(bare_content_id(odd), bare, "{odd:?}");
        }
        assert_eq!(cid_url_target(b"cid"), None);
        assert_eq!(cid_url_target(b"cid:"), Some(&b""[..]));
    }

    #[test]
    fn every_prefix_fails_or_reports() {
        let b = worked_example();
        let (rest, _) = content_type(&b).unwrap();
        for n in 1..rest.len() {
            let r = decode(&rest[..n], &DecodeOptions::new());
            assert!(r.is_err() || !r.unwrap().1.is_empty(), "prefix {n}");
        }
    }

    #[test]
    fn empty_body_is_no_entries_with_diagnostic() {
        let (mp, diags) = decode(&[], &DecodeOptions::new()).unwrap();
        assert_eq!(mp.parts().count(), 0);
        assert_eq!(mp.declared_count(), None);
        assert_eq!(diags.len(), 1);
        assert_eq!(mp.encode_to_vec().unwrap(), Vec::<u8>::new());
        assert!(decode(&[], &DecodeOptions::new().strict(true)).is_err());
    }

    #[test]
    fn huge_declared_count_without_data() {
        let body = [0x81, 0x80, 0x80, 0x80, 0x00];
        let (mp, diags) = decode(&body, &DecodeOptions::new()).unwrap();
        assert_eq!(mp.declared_count().unwrap().value, 1 << 28);
        assert_eq!(mp.parts().count(), 0);
        assert_eq!(
            diags[0].kind,
            DiagnosticKind::PartCountMismatch {
                declared: 1 << 28,
                found: 0
            }
        );
    }

    #[test]
    fn part_length_past_the_end() {
        let body = [0x01, 0x01, 0x10, 0x83, b'a'];
        let e = decode_at(&body, 50, &DecodeOptions::new()).unwrap_err();
        assert_eq!(e.offset, 51);
        assert!(matches!(
            e.kind,
            DecodeErrorKind::LengthExceedsInput { need: 17, have: 2 }
        ));
        assert_eq!(e.context, "multipart entry");
    }

    #[test]
    fn lengths_overflowing_32_bits() {
        let mut body = vec![0x01];
        body.extend_from_slice(&[0x8F, 0xFF, 0xFF, 0xFF, 0x7F]);
        body.extend_from_slice(&[0x8F, 0xFF, 0xFF, 0xFF, 0x7F]);
        body.extend_from_slice(&[0x83, 0x00]);
        let e = decode(&body, &DecodeOptions::new()).unwrap_err();
        assert_eq!(e.offset, 1);
        assert!(matches!(
            e.kind,
            DecodeErrorKind::LengthExceedsInput {
                need: 0x1_FFFF_FFFE,
                ..
            }
        ));
    }

    #[test]
    fn headers_len_smaller_than_content_type() {
        let body = [0x01, 0x01, 0x00, 0x03, 0x83, 0x81, 0xEA];
        let e = decode(&body, &DecodeOptions::new()).unwrap_err();
        assert_eq!(e.context, "Content-Type");
        assert_eq!(e.offset, 4);
        assert!(matches!(
            e.kind,
            DecodeErrorKind::LengthExceedsInput { need: 3, have: 0 }
        ));
    }

    #[test]
    fn too_many_parts() {
        let mut body = vec![0x03];
        for _ in 0..3 {
            body.extend_from_slice(&[0x01, 0x00, 0x83]);
        }
        let opts = DecodeOptions::new().with_limits(Limits {
            max_parts: 2,
            ..Limits::DEFAULT
        });
        let e = decode(&body, &opts).unwrap_err();
        assert_eq!(e.kind, DecodeErrorKind::TooManyParts { limit: 2 });
        assert_eq!(e.offset, 7);
    }

    /// `levels` multiparts nested one in another, innermost holding one text part.
    fn nested(levels: usize) -> Vec<u8> {
        // Built back to front (prefixes pushed reversed) so that 100,000 levels stay linear.
        let mut rev: Vec<u8> = vec![b'x', 0x83, 0x01, 0x01, 0x01];
        for _ in 0..levels {
            let inner_len = rev.len();
            rev.push(0xA3); // application/vnd.wap.multipart.mixed
            let mut len = Uintvar::new(u32::try_from(inner_len).unwrap())
                .encode_to_vec()
                .unwrap();
            len.reverse();
            rev.extend_from_slice(&len);
            rev.extend_from_slice(&[0x01, 0x01]);
        }
        rev.reverse();
        rev
    }

    #[test]
    fn nesting_within_and_past_the_limit() {
        let body = nested(8);
        let (mp, _) = decode(&body, &DecodeOptions::new()).unwrap();
        let mut m = mp;
        for _ in 0..8 {
            m = m
                .parts()
                .next()
                .unwrap()
                .unwrap()
                .nested()
                .unwrap()
                .unwrap();
        }
        assert_eq!(m.parts().next().unwrap().unwrap().data, b"x");
        assert_eq!(mp.encode_to_vec().unwrap(), body);

        let body = nested(9);
        let e = decode(&body, &DecodeOptions::new()).unwrap_err();
        assert_eq!(e.kind, DecodeErrorKind::DepthLimit { limit: 8 });

        // 100,000 levels: a clean error at once, and no stack overflow even with no limit.
        let body = nested(100_000);
        let e = decode(&body, &DecodeOptions::new()).unwrap_err();
        assert_eq!(e.kind, DecodeErrorKind::DepthLimit { limit: 8 });
        let opts = DecodeOptions::new().with_limits(Limits {
            max_depth: u32::MAX,
            ..Limits::DEFAULT
        });
        assert!(decode(&body, &opts).is_ok());
    }

    #[test]
    fn count_mismatch_and_textual_multipart() {
        let body = [0x00, 0x01, 0x01, 0x83, b'a'];
        let (mp, diags) = decode(&body, &DecodeOptions::new()).unwrap();
        assert_eq!(mp.parts().count(), 1);
        assert_eq!(
            diags[0].kind,
            DiagnosticKind::PartCountMismatch {
                declared: 0,
                found: 1
            }
        );
        // A MIME multipart part (with boundary) is opaque data, not a nested WSP multipart.
        let ct = b"\x1Dmultipart/mixed\0boundary\0xyz\0";
        let mut body = vec![0x01, u8::try_from(ct.len()).unwrap(), 0x03];
        body.extend_from_slice(ct);
        body.extend_from_slice(b"--x");
        let (mp, diags) = decode(&body, &DecodeOptions::new()).unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        assert!(mp.parts().next().unwrap().unwrap().nested().is_none());
        let _ = decode_all(ct, content_type).unwrap();
    }
}
