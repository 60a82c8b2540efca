//! The WSP Push PDU (WSP 8.2.4.1, REFERENCE.md §9.1) that delivers an m-notification-ind, and
//! the path from the SMS that carry it to the push.
//!
//! ```text
//! TID          1 octet   connectionless WSP only (over WDP/SMS); absent in connection mode
//! Type         1 octet   0x06 Push | 0x07 ConfirmedPush (connection mode only)
//! HeadersLen   Uintvar   length of ContentType + Headers
//! ContentType  Content-type-value
//! Headers      WSP headers (X-Wap-Application-Id, Content-Length, Push-Flag, ...)
//! Data         the rest of the PDU
//! ```
//!
//! A decoded [`Push`] keeps its content type, header block and body as slices of the input and
//! re-encodes byte for byte, including the two known HeadersLen faults it accepts (see
//! [`Push::decode_with`]). Headers are read lazily through [`Push::headers`].

use crate::assigned::{ApplicationId, PduType, WellKnownHeader};
use crate::codec::{
    Encode, IntegerValue, PResult, Uintvar, Writer, fail, integer_value, skip_value, take,
    to_decode_error, uintvar,
};
use crate::diag::{Diagnostic, DiagnosticKind, Diagnostics};
use crate::error::{DecodeError, DecodeErrorKind, EncodeError, Expected, offset_in};
use crate::options::DecodeOptions;
use crate::sms::{PORT_WAP_PUSH, PORT_WAP_PUSH_SECURE, split_user_data};
use alloc::vec::Vec;

/// The text form of the MMS media type, compared case-insensitively.
const MMS_MEDIA_TEXT: &[u8] = b"application/vnd.wap.mms-message";
/// The well-known code of `application/vnd.wap.mms-message` (0x3E) as a Short-integer.
const MMS_MEDIA_SHORT: u8 = 0xBE;
/// X-Mms-Message-Type's field octet: the first octet of every MMS PDU.
const MMS_MESSAGE_TYPE_FIELD: u8 = 0x8C;

/// A WSP Push or ConfirmedPush PDU.
///
/// ```
/// use mms_pdu::wsp::Push;
/// use mms_pdu::DecodeOptions;
/// use mms_pdu::codec::Encode;
/// // Sonera FI (REFERENCE.md §9.1): well-known type, app id mms.ua, Content-Length, Push-Flag.
/// let bytes = [0x00, 0x06, 0x07, 0xBE, 0xAF, 0x84, 0x8D, 0x81, 0xB4, 0x81, 0x8C];
/// let push = Push::decode(&bytes, &DecodeOptions::new()).unwrap();
/// assert!(push.is_mms());
/// assert_eq!(push.content_length(), Some(1));
/// assert_eq!(push.push_flag(), Some(1));
/// assert_eq!(push.body(), [0x8C]);
/// assert_eq!(push.encode_to_vec().unwrap(), bytes);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Push<'a> {
    tid: Option<u8>,
    pdu_type: PduType,
    headers_len: Uintvar,
    content_type: &'a [u8],
    headers: &'a [u8],
    body: &'a [u8],
}

/// The name of a push header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PushHeaderName<'a> {
    /// A well-known header (field octet with the high bit cleared).
    WellKnown(WellKnownHeader),
    /// An application header: its Token-text name without the NUL.
    Application(&'a [u8]),
    /// A code-page shift (`0x7F page` or a short-cut `0x01..=0x1F`); it has no value.
    Shift(u8),
}

/// One push header: its name and the raw octets of its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PushHeader<'a> {
    /// The header name.
    pub name: PushHeaderName<'a>,
    /// The value as it came (empty for a shift).
    pub value: &'a [u8],
    /// The whole header: name and value octets.
    pub raw: &'a [u8],
}

/// The value of X-Wap-Application-Id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApplicationIdValue<'a> {
    /// An assigned code (e.g. [`ApplicationId::MMS_UA`] = 4).
    Code(ApplicationId),
    /// A URN such as `x-wap-application:mms.ua`, without its NUL.
    Uri(&'a [u8]),
}

impl ApplicationIdValue<'_> {
    /// Whether this is the MMS user agent, by code or by URN (case-insensitive).
    pub fn is_mms_ua(&self) -> bool {
        match *self {
            ApplicationIdValue::Code(code) => code == ApplicationId::MMS_UA,
            ApplicationIdValue::Uri(uri) => uri.eq_ignore_ascii_case(b"x-wap-application:mms.ua"),
        }
    }
}

/// Reads one push header (name and value).
fn push_header(input: &[u8]) -> PResult<'_, PushHeader<'_>> {
    let (name, after_name) = match input.split_first() {
        Some((&0x7F, rest)) => match rest.split_first() {
            Some((&page, rest)) => (PushHeaderName::Shift(page), rest),
            None => return fail(rest, DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 }),
        },
        Some((&b, rest)) if (0x01..=0x1F).contains(&b) => (PushHeaderName::Shift(b), rest),
        Some((&b, rest)) if b >= 0x80 => (
            PushHeaderName::WellKnown(WellKnownHeader::new(b & 0x7F)),
            rest,
        ),
        Some((&b, _)) if b >= 0x20 => {
            let Some(nul) = input.iter().position(|&c| c == 0) else {
                return fail(input, DecodeErrorKind::MissingTerminator);
            };
            let (token, rest) = input.split_at(nul);
            (
                PushHeaderName::Application(token),
                rest.get(1..).unwrap_or(&[]),
            )
        }
        Some(_) => {
            return fail(
                input,
                DecodeErrorKind::UnexpectedOctet {
                    found: 0,
                    expected: Expected::FieldName,
                },
            );
        }
        None => return fail(input, DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 }),
    };
    let (rest, value) = match name {
        PushHeaderName::Shift(_) => (after_name, &[][..]),
        _ => skip_value(after_name).map_err(|e| e.map(|e| e.in_field("push header")))?,
    };
    let used = input.len() - rest.len();
    Ok((
        rest,
        PushHeader {
            name,
            value,
            raw: input.get(..used).unwrap_or(&[]),
        },
    ))
}

/// Lazy iterator over the headers of a push; stops at the first malformed header (the block is
/// validated when the push is decoded, so that only happens for blocks built by hand).
#[derive(Debug, Clone)]
pub struct PushHeaders<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for PushHeaders<'a> {
    type Item = PushHeader<'a>;

    fn next(&mut self) -> Option<PushHeader<'a>> {
        match push_header(self.rest) {
            Ok((rest, header)) if !self.rest.is_empty() => {
                self.rest = rest;
                Some(header)
            }
            _ => {
                self.rest = &[];
                None
            }
        }
    }
}

/// Checks a header block: every header well formed, at most `max_headers`. Returns the offset
/// (within `block`) of each header start through `on_header`.
fn validate_headers<'a>(
    block: &'a [u8],
    max_headers: u32,
    mut on_header: impl FnMut(&'a [u8]) -> bool,
) -> PResult<'a, ()> {
    let mut rest = block;
    let mut count: u32 = 0;
    while !rest.is_empty() {
        if !on_header(rest) {
            return Ok((rest, ()));
        }
        count += 1;
        if count > max_headers {
            return fail(rest, DecodeErrorKind::TooManyHeaders { limit: max_headers });
        }
        let (next, _) = push_header(rest)?;
        rest = next;
    }
    Ok((rest, ()))
}

/// Whether a Content-type-value (raw) names `application/vnd.wap.mms-message`.
fn content_type_is_mms(raw: &[u8]) -> bool {
    fn media_is_mms(media: &[u8]) -> bool {
        match media {
            [MMS_MEDIA_SHORT, ..] => true,
            _ => {
                let text = media.split(|&b| b == 0).next().unwrap_or(&[]);
                text.eq_ignore_ascii_case(MMS_MEDIA_TEXT)
            }
        }
    }
    match raw.first() {
        Some(&b) if b >= 0x20 => media_is_mms(raw),
        Some(&b) if b < 0x1F => media_is_mms(raw.get(1..).unwrap_or(&[])),
        // Length-quote: 0x1F then a Uintvar, then the media.
        Some(_) => match uintvar(raw.get(1..).unwrap_or(&[])) {
            Ok((media, _)) => media_is_mms(media),
            Err(_) => false,
        },
        None => false,
    }
}

/// Where an MMS PDU plausibly starts: X-Mms-Message-Type with a message type, then
/// Transaction-ID or MMS-Version.
fn looks_like_mms_pdu(bytes: &[u8]) -> bool {
    matches!(
        bytes,
        [MMS_MESSAGE_TYPE_FIELD, 0x80..=0x97, 0x98 | 0x8D, ..]
    )
}

impl<'a> Push<'a> {
    /// Decodes a connectionless push (with its TID octet, as carried over SMS or UDP); the
    /// PDU type must be Push (0x06).
    ///
    /// # Errors
    /// As [`Push::decode_with`].
    pub fn decode(input: &'a [u8], opts: &DecodeOptions) -> Result<Self, DecodeError> {
        let mut diags = Diagnostics::new(opts.is_strict());
        Self::decode_with(input, opts, &mut diags)
    }

    /// Decodes a connection-mode push (no TID octet, as carried over WTP); the PDU type may be
    /// Push (0x06) or ConfirmedPush (0x07).
    ///
    /// # Errors
    /// As [`Push::decode_with`].
    pub fn decode_connection_mode(
        input: &'a [u8],
        opts: &DecodeOptions,
    ) -> Result<Self, DecodeError> {
        let mut diags = Diagnostics::new(opts.is_strict());
        Self::decode_inner(input, false, opts, &mut diags)
    }

    /// Decodes a connectionless push, reporting accepted deviations to `diags`.
    ///
    /// Accepted with a diagnostic (an error in strict mode):
    /// - [`DiagnosticKind::HeadersLenMismatch`] when an MMS push's HeadersLen is too large and
    ///   the MMS PDU (`8C xx 98`/`8C xx 8D`) visibly starts inside the declared header block
    ///   (Gammu `mms-298`), or when HeadersLen is 0 and the content type and MMS PDU follow
    ///   (AOSP `WapPushOverSmsTest`). The declared HeadersLen is kept for re-encoding, and the
    ///   body starts where the MMS PDU does.
    /// - [`DiagnosticKind::ContentLengthMismatch`] when a Content-Length header disagrees with
    ///   the body (REFERENCE.md §11.2); the body is the rest of the PDU.
    ///
    /// # Errors
    /// `NotThisKind` when the PDU type is not Push; `LengthExceedsInput` when HeadersLen runs
    /// past the input; `UnexpectedEnd`, `MissingTerminator`, `TooManyHeaders` and the like for a
    /// malformed content type or header; any diagnostic in strict mode.
    pub fn decode_with(
        input: &'a [u8],
        opts: &DecodeOptions,
        diags: &mut Diagnostics,
    ) -> Result<Self, DecodeError> {
        Self::decode_inner(input, true, opts, diags)
    }

    fn decode_inner(
        input: &'a [u8],
        connectionless: bool,
        opts: &DecodeOptions,
        diags: &mut Diagnostics,
    ) -> Result<Self, DecodeError> {
        let err = |e| to_decode_error(input, e);
        let (tid, rest) = if connectionless {
            match input.split_first() {
                Some((&tid, rest)) => (Some(tid), rest),
                None => return Err(end_error(input, input, "TID")),
            }
        } else {
            (None, input)
        };
        let Some((&type_octet, rest)) = rest.split_first() else {
            return Err(end_error(input, rest, "PDU type"));
        };
        let pdu_type = PduType::new(type_octet);
        let accepted =
            pdu_type == PduType::PUSH || (!connectionless && pdu_type == PduType::CONFIRMED_PUSH);
        if !accepted {
            return Err(DecodeError {
                offset: offset_in(input, rest).saturating_sub(1),
                kind: DecodeErrorKind::NotThisKind,
                context: "PDU type",
            });
        }
        let (after_len, headers_len) =
            crate::codec::in_field(uintvar(rest), "HeadersLen").map_err(err)?;
        let max_headers = opts.get_limits().max_headers;
        let declared = headers_len.value;

        // HeadersLen 0 followed by a content type and an MMS PDU (AOSP's hand-made push).
        if declared == 0 {
            if let Ok((after_ct, ct)) = skip_value(after_len) {
                if after_ct.first() == Some(&MMS_MESSAGE_TYPE_FIELD) && content_type_is_mms(ct) {
                    report_headers_len(input, rest, declared, ct.len(), diags)?;
                    return Ok(Push {
                        tid,
                        pdu_type,
                        headers_len,
                        content_type: ct,
                        headers: &[],
                        body: after_ct,
                    });
                }
            }
        }

        let (body, block) =
            crate::codec::in_field(take(after_len, u64::from(declared)), "push headers")
                .map_err(err)?;
        let (headers, content_type) =
            crate::codec::in_field(skip_value(block), "Content-Type").map_err(err)?;
        let is_mms = content_type_is_mms(content_type);

        // HeadersLen larger than the headers: the MMS PDU starts inside the declared block
        // while the declared body does not look like one (Gammu mms-298).
        let mut pdu_start = None;
        if is_mms && !looks_like_mms_pdu(body) {
            // The headers and the body are contiguous in the input: look past the block's end.
            let headers_and_body = after_len.get(content_type.len()..).unwrap_or(&[]);
            let _ = validate_headers(headers, max_headers, |at| {
                let k = headers.len() - at.len();
                match headers_and_body.get(k..) {
                    Some(tail) if looks_like_mms_pdu(tail) => {
                        pdu_start = Some((k, tail));
                        false
                    }
                    _ => true,
                }
            });
        }
        let (headers, body) = match pdu_start {
            Some((k, tail)) => {
                let real = headers.get(..k).unwrap_or(&[]);
                let actual = content_type.len() + real.len();
                report_headers_len(input, rest, declared, actual, diags)?;
                (real, tail)
            }
            None => {
                crate::codec::in_field(
                    validate_headers(headers, max_headers, |_| true),
                    "push header",
                )
                .map_err(err)?;
                (headers, body)
            }
        };
        let push = Push {
            tid,
            pdu_type,
            headers_len,
            content_type,
            headers,
            body,
        };
        if let Some(declared) = push.content_length() {
            let actual = body.len() as u64;
            if declared != actual {
                diags.report(Diagnostic {
                    offset: offset_in(input, headers),
                    context: "Content-Length",
                    kind: DiagnosticKind::ContentLengthMismatch { declared, actual },
                })?;
            }
        }
        Ok(push)
    }

    /// The TID octet (connectionless form only).
    pub const fn tid(&self) -> Option<u8> {
        self.tid
    }

    /// Push (0x06) or ConfirmedPush (0x07).
    pub const fn pdu_type(&self) -> PduType {
        self.pdu_type
    }

    /// HeadersLen as sent (it may disagree with the headers for the accepted faults).
    pub const fn headers_len(&self) -> Uintvar {
        self.headers_len
    }

    /// The raw Content-type-value (Short-integer, Extension-media text or general form).
    pub const fn content_type_raw(&self) -> &'a [u8] {
        self.content_type
    }

    /// The raw header block after the content type.
    pub const fn headers_raw(&self) -> &'a [u8] {
        self.headers
    }

    /// The content type, typed (`None` only for a push built by hand with a malformed one:
    /// decoding checks it).
    pub fn content_type(&self) -> Option<crate::wsp::ContentType<'a>> {
        crate::codec::decode_all(self.content_type, crate::wsp::content_type).ok()
    }

    /// The push headers as a typed WSP header block (X-Wap-Application-Id, Push-Flag,
    /// Content-Length, Encoding-Version, X-Wap-Initiator-URI, ... and raw fallbacks).
    pub fn header_block(&self) -> crate::wsp::HeaderBlock<'a> {
        crate::wsp::HeaderBlock::new(self.headers)
    }

    /// The body (the MMS PDU for an MMS push; opaque otherwise).
    pub const fn body(&self) -> &'a [u8] {
        self.body
    }

    /// The headers, in order.
    pub fn headers(&self) -> PushHeaders<'a> {
        PushHeaders { rest: self.headers }
    }

    /// The raw value of the first well-known header `name`.
    pub fn header(&self, name: WellKnownHeader) -> Option<&'a [u8]> {
        self.headers()
            .find(|h| h.name == PushHeaderName::WellKnown(name))
            .map(|h| h.value)
    }

    /// Whether the content type is `application/vnd.wap.mms-message` (as 0xBE or as text, any
    /// case; REFERENCE.md §11.1).
    pub fn is_mms(&self) -> bool {
        content_type_is_mms(self.content_type)
    }

    /// The body when this is an MMS push.
    pub fn mms_body(&self) -> Option<&'a [u8]> {
        self.is_mms().then_some(self.body)
    }

    /// X-Wap-Application-Id, if present and well formed.
    pub fn application_id(&self) -> Option<ApplicationIdValue<'a>> {
        let value = self.header(WellKnownHeader::X_WAP_APPLICATION_ID)?;
        match value.first() {
            Some(&b) if !(0x1F..0x80).contains(&b) => {
                let (_, v) = integer_value(value).ok()?;
                Some(ApplicationIdValue::Code(ApplicationId::new(
                    u32::try_from(v.value).ok()?,
                )))
            }
            Some(_) => {
                let text = value.strip_suffix(&[0]).unwrap_or(value);
                Some(ApplicationIdValue::Uri(text))
            }
            None => None,
        }
    }

    /// Content-Length, if present and an Integer-value.
    pub fn content_length(&self) -> Option<u64> {
        let value = self.header(WellKnownHeader::CONTENT_LENGTH)?;
        integer_value(value).ok().map(|(_, v)| v.value)
    }

    /// Push-Flag bits (0x01 initiator authenticated, 0x02 content trusted, 0x04 last push).
    pub fn push_flag(&self) -> Option<u8> {
        match self.header(WellKnownHeader::PUSH_FLAG)? {
            [b] if *b >= 0x80 => Some(b & 0x7F),
            _ => None,
        }
    }
}

fn end_error(base: &[u8], at: &[u8], context: &'static str) -> DecodeError {
    DecodeError {
        offset: offset_in(base, at),
        kind: DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 },
        context,
    }
}

fn report_headers_len(
    input: &[u8],
    at: &[u8],
    declared: u32,
    actual: usize,
    diags: &mut Diagnostics,
) -> Result<(), DecodeError> {
    diags.report(Diagnostic {
        offset: offset_in(input, at),
        context: "HeadersLen",
        kind: DiagnosticKind::HeadersLenMismatch {
            declared,
            actual: u32::try_from(actual).unwrap_or(u32::MAX),
        },
    })
}

impl Encode for Push<'_> {
    fn encoded_len(&self) -> usize {
        usize::from(self.tid.is_some())
            + 1
            + self.headers_len.encoded_len()
            + self.content_type.len()
            + self.headers.len()
            + self.body.len()
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        if let Some(tid) = self.tid {
            w.write_u8(tid)?;
        }
        w.write_u8(self.pdu_type.get())?;
        self.headers_len.encode(w)?;
        w.write_bytes(self.content_type)?;
        w.write_bytes(self.headers)?;
        w.write_bytes(self.body)
    }
}

/// Builds the push an MMSC sends: an encoded m-notification-ind (or m-delivery-ind,
/// m-read-orig-ind) with content type `application/vnd.wap.mms-message` (`BE`) and
/// `X-Wap-Application-Id: x-wap-application:mms.ua` (`AF 84`). It encodes directly, without
/// an intermediate buffer.
///
/// ```
/// use mms_pdu::codec::Encode;
/// use mms_pdu::wsp::{Push, PushBuilder};
/// use mms_pdu::DecodeOptions;
/// let notification = [0x8C, 0x82, 0x98, 0x41, 0x00, 0x8D, 0x92];
/// let bytes = PushBuilder::new(&notification).tid(1).encode_to_vec().unwrap();
/// assert_eq!(bytes[..6], [0x01, 0x06, 0x03, 0xBE, 0xAF, 0x84]);
/// let push = Push::decode(&bytes, &DecodeOptions::new()).unwrap();
/// assert_eq!(push.mms_body(), Some(&notification[..]));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PushBuilder<'a> {
    tid: Option<u8>,
    push_flag: Option<u8>,
    content_length: bool,
    body: &'a [u8],
}

impl<'a> PushBuilder<'a> {
    /// A push of `mms_pdu` (an encoded MMS PDU) with TID 0, no Push-Flag, no Content-Length.
    pub const fn new(mms_pdu: &'a [u8]) -> Self {
        PushBuilder {
            tid: Some(0),
            push_flag: None,
            content_length: false,
            body: mms_pdu,
        }
    }

    /// The TID octet.
    #[must_use]
    pub const fn tid(mut self, tid: u8) -> Self {
        self.tid = Some(tid);
        self
    }

    /// Connection mode: no TID octet.
    #[must_use]
    pub const fn connection_mode(mut self) -> Self {
        self.tid = None;
        self
    }

    /// Adds Push-Flag with these bits (0–127).
    #[must_use]
    pub const fn push_flag(mut self, bits: u8) -> Self {
        self.push_flag = Some(bits);
        self
    }

    /// Adds a Content-Length header giving the body length.
    #[must_use]
    pub const fn content_length(mut self, on: bool) -> Self {
        self.content_length = on;
        self
    }

    fn content_length_value(&self) -> Option<IntegerValue> {
        self.content_length
            .then(|| IntegerValue::new(self.body.len() as u64))
    }

    fn headers_len(&self) -> usize {
        // BE, AF 84, then the optional headers.
        3 + self
            .content_length_value()
            .map_or(0, |v| 1 + v.encoded_len())
            + if self.push_flag.is_some() { 2 } else { 0 }
    }
}

impl Encode for PushBuilder<'_> {
    fn encoded_len(&self) -> usize {
        let hl = self.headers_len();
        usize::from(self.tid.is_some())
            + 1
            + Uintvar::minimal_len(u32::try_from(hl).unwrap_or(u32::MAX))
            + hl
            + self.body.len()
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        if let Some(tid) = self.tid {
            w.write_u8(tid)?;
        }
        w.write_u8(PduType::PUSH.get())?;
        let hl = u32::try_from(self.headers_len()).map_err(|_| EncodeError::Unencodable {
            field: "HeadersLen",
            reason: "above 32 bits",
        })?;
        Uintvar::new(hl).encode(w)?;
        w.write_bytes(&[
            MMS_MEDIA_SHORT,
            0x80 | WellKnownHeader::X_WAP_APPLICATION_ID.get(),
        ])?;
        w.write_u8(0x80 | 0x04)?;
        if let Some(cl) = self.content_length_value() {
            w.write_u8(0x80 | WellKnownHeader::CONTENT_LENGTH.get())?;
            cl.encode(w)?;
        }
        if let Some(bits) = self.push_flag {
            if bits > 0x7F {
                return Err(EncodeError::Unencodable {
                    field: "Push-Flag",
                    reason: "above 127",
                });
            }
            w.write_bytes(&[0x80 | WellKnownHeader::PUSH_FLAG.get(), 0x80 | bits])?;
        }
        w.write_bytes(self.body)
    }
}

/// Why [`push_from_sms`] failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SmsPushError {
    /// Segment `index` (from 0) has a malformed user data header.
    #[error("SMS segment {index}: {error}")]
    Header {
        /// The segment.
        index: usize,
        /// The header error (offset within that segment's user data).
        error: DecodeError,
    },
    /// The first segment is not addressed to the WAP push port (2948 or 2949).
    #[error("SMS not addressed to the WAP push port")]
    NotWapPush,
    /// The segments' concatenation elements do not describe segments 1..=n of one message in
    /// the order given.
    #[error("SMS segment {index} is out of order or from another message")]
    Sequence {
        /// The segment.
        index: usize,
    },
    /// No segments were given.
    #[error("no SMS segments")]
    Empty,
    /// The reassembled push does not decode (offset within the reassembled push).
    #[error("push: {0}")]
    Push(DecodeError),
}

/// The common case in one call: joins the user data of the SMS segments of one push (given in
/// order, each with its user data header) into `buf`, checks they are addressed to the WAP push
/// port, and decodes the push from `buf`. The inner MMS PDU is [`Push::mms_body`].
///
/// ```
/// use mms_pdu::sms::{segment_to_vecs, SegmentOptions};
/// use mms_pdu::wsp::{push_from_sms, PushBuilder};
/// use mms_pdu::codec::Encode;
/// use mms_pdu::DecodeOptions;
/// let notification = vec![0x8C, 0x82, 0x98, 0x41, 0x00, 0x8D, 0x92];
/// let push = PushBuilder::new(&notification).encode_to_vec().unwrap();
/// let sms = segment_to_vecs(&push, &SegmentOptions::wap_push(3)).unwrap();
/// let refs: Vec<&[u8]> = sms.iter().map(|s| s.as_slice()).collect();
/// let mut buf = Vec::new();
/// let decoded = push_from_sms(&refs, &mut buf, &DecodeOptions::new()).unwrap();
/// assert_eq!(decoded.mms_body(), Some(&notification[..]));
/// ```
///
/// # Errors
/// [`SmsPushError`]: a bad header, a wrong port, segments out of order, or a push that does
/// not decode.
pub fn push_from_sms<'b>(
    segments: &[&[u8]],
    buf: &'b mut Vec<u8>,
    opts: &DecodeOptions,
) -> Result<Push<'b>, SmsPushError> {
    buf.clear();
    if segments.is_empty() {
        return Err(SmsPushError::Empty);
    }
    let mut message = None;
    for (index, ud) in segments.iter().enumerate() {
        let (udh, payload) =
            split_user_data(ud).map_err(|error| SmsPushError::Header { index, error })?;
        if index == 0 {
            let port = udh.ports().map(|p| p.destination);
            if port != Some(PORT_WAP_PUSH) && port != Some(PORT_WAP_PUSH_SECURE) {
                return Err(SmsPushError::NotWapPush);
            }
        }
        match udh.concatenation() {
            Some(c) => {
                let id = (c.reference, c.wide_reference, c.total);
                let ok = usize::from(c.sequence) == index + 1
                    && usize::from(c.total) == segments.len()
                    && message.is_none_or(|m| m == id);
                if !ok {
                    return Err(SmsPushError::Sequence { index });
                }
                message = Some(id);
            }
            None if segments.len() == 1 => {}
            None => return Err(SmsPushError::Sequence { index }),
        }
        buf.extend_from_slice(payload);
    }
    Push::decode(buf, opts).map_err(SmsPushError::Push)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

    use super::*;
    use crate::sms::{SegmentOptions, segment_to_vecs};
    use alloc::vec;
    use proptest::prelude::*;

    /// REFERENCE.md §9.1, the constructed notification push.
    const CONSTRUCTED: &[u8] = &[
        0x01, 0x06, 0x03, 0xBE, 0xAF, 0x84, 0x8C, 0x82, 0x98, 0x54, 0x32, 0x00, 0x8D, 0x92, 0x89,
        0x18, 0x80, 0x2B, 0x31, 0x35, 0x35, 0x35, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x2F,
        0x54, 0x59, 0x50, 0x45, 0x3D, 0x50, 0x4C, 0x4D, 0x4E, 0x00, 0x8A, 0x80, 0x8E, 0x02, 0x30,
        0x39, 0x88, 0x05, 0x81, 0x03, 0x03, 0xF4, 0x80, 0x83, 0x68, 0x74, 0x74, 0x70, 0x3A, 0x2F,
        0x2F, 0x6D, 0x6D, 0x73, 0x63, 0x2E, 0x65, 0x78, 0x61, 0x6D, 0x70, 0x6C, 0x65, 0x2F, 0x6D,
        0x31, 0x00,
    ];

    fn decode(bytes: &[u8]) -> (Result<Push<'_>, DecodeError>, Vec<Diagnostic>) {
        let mut diags = Diagnostics::new(false);
        let r = Push::decode_with(bytes, &DecodeOptions::new(), &mut diags);
        (r, diags.into_vec())
    }

    #[test]
    fn constructed_example() {
        let (push, diags) = decode(CONSTRUCTED);
        let push = push.unwrap();
        assert!(diags.is_empty());
        assert_eq!(push.tid(), Some(1));
        assert_eq!(push.pdu_type(), PduType::PUSH);
        assert!(push.is_mms());
        assert!(push.application_id().unwrap().is_mms_ua());
        assert_eq!(push.body().len(), CONSTRUCTED.len() - 6);
        assert_eq!(push.encode_to_vec().unwrap(), CONSTRUCTED);
        // The builder makes the same bytes.
        let built = PushBuilder::new(push.body()).tid(1);
        assert_eq!(built.encode_to_vec().unwrap(), CONSTRUCTED);
        assert_eq!(built.encoded_len(), CONSTRUCTED.len());
    }

    #[test]
    fn carrier_examples() {
        // AT&T US (nuntium): text content type, Content-Length as Long-integer, Push-Flag.
        let mut att = vec![0x01, 0x06, 0x27];
        att.extend_from_slice(MMS_MEDIA_TEXT);
        att.extend_from_slice(&[
            0x00, 0xAF, 0x84, 0x8D, 0x01, 0x03, 0xB4, 0x84, 0x8C, 0x82, 0x98,
        ]);
        let (push, diags) = decode(&att);
        let push = push.unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        assert!(push.is_mms());
        assert_eq!(push.content_length(), Some(3));
        assert_eq!(push.push_flag(), Some(4));
        assert_eq!(push.headers().count(), 3);
        assert_eq!(push.encode_to_vec().unwrap(), att);
        // Upper-case text type and a URN application id.
        let mut odd = vec![0x01, 0x06, 0x3C];
        odd.extend_from_slice(b"Application/VND.WAP.MMS-Message\0");
        odd.push(0xAF);
        odd.extend_from_slice(b"x-wap-application:mms.ua\0");
        odd.extend_from_slice(b"X-Foo\0bar\0");
        odd[2] = u8::try_from(odd.len() - 3).unwrap();
        odd.extend_from_slice(&[0x8C, 0x82, 0x98, 0x00]);
        let push = decode(&odd).0.unwrap();
        assert!(push.is_mms());
        assert_eq!(
            push.application_id(),
            Some(ApplicationIdValue::Uri(b"x-wap-application:mms.ua"))
        );
        assert!(push.application_id().unwrap().is_mms_ua());
        let names: Vec<_> = push.headers().map(|h| h.name).collect();
        assert_eq!(names[1], PushHeaderName::Application(b"X-Foo"));
        assert_eq!(push.encode_to_vec().unwrap(), odd);
    }

    #[test]
    fn not_push_and_truncations() {
        let mut not_push = CONSTRUCTED.to_vec();
        not_push[1] = 0x05;
        let err = decode(&not_push).0.unwrap_err();
        assert_eq!((err.kind, err.offset), (DecodeErrorKind::NotThisKind, 1));
        // ConfirmedPush only in connection mode.
        let mut confirmed = CONSTRUCTED.to_vec();
        confirmed[1] = 0x07;
        assert_eq!(
            decode(&confirmed).0.unwrap_err().kind,
            DecodeErrorKind::NotThisKind
        );
        let cm = Push::decode_connection_mode(&confirmed[1..], &DecodeOptions::new()).unwrap();
        assert_eq!((cm.tid(), cm.pdu_type()), (None, PduType::CONFIRMED_PUSH));
        assert_eq!(cm.encode_to_vec().unwrap(), confirmed[1..]);
        // Every prefix that cuts into TID/type/HeadersLen/content type/headers fails cleanly.
        for n in 0..6 {
            assert!(decode(&CONSTRUCTED[..n]).0.is_err(), "prefix {n}");
        }
        // Hostile HeadersLen.
        let err = decode(&[0x01, 0x06, 0x8F, 0xFF, 0xFF, 0xFF, 0x7F, 0xBE])
            .0
            .unwrap_err();
        assert!(matches!(
            err.kind,
            DecodeErrorKind::LengthExceedsInput { .. }
        ));
        let err = decode(&[0x01, 0x06, 0x8F, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
            .0
            .unwrap_err();
        assert_eq!(err.kind, DecodeErrorKind::UintvarTooLong);
        // A header value that runs past the header block.
        let err = decode(&[0x01, 0x06, 0x03, 0xBE, 0xAF, 0x05, 0x8C, 0x82])
            .0
            .unwrap_err();
        assert!(
            matches!(err.kind, DecodeErrorKind::LengthExceedsInput { .. }),
            "{err:?}"
        );
    }

    #[test]
    fn strict_mode_rejects_content_length_mismatch() {
        let bytes = [0x00, 0x06, 0x05, 0xBE, 0xAF, 0x84, 0x8D, 0x85, 0x8C, 0x82];
        let (push, diags) = decode(&bytes);
        assert!(push.is_ok());
        assert_eq!(
            diags[0].kind,
            DiagnosticKind::ContentLengthMismatch {
                declared: 5,
                actual: 2
            }
        );
        assert!(Push::decode(&bytes, &DecodeOptions::new().strict(true)).is_err());
    }

    #[test]
    fn builder_options() {
        let body = vec![0x8C; 200];
        let b = PushBuilder::new(&body)
            .tid(9)
            .push_flag(1)
            .content_length(true);
        let bytes = b.encode_to_vec().unwrap();
        assert_eq!(bytes.len(), b.encoded_len());
        assert_eq!(
            bytes[..12],
            [
                0x09, 0x06, 0x08, 0xBE, 0xAF, 0x84, 0x8D, 0x01, 0xC8, 0xB4, 0x81, 0x8C
            ]
        );
        let (push, diags) = decode(&bytes);
        let push = push.unwrap();
        assert!(diags.is_empty());
        assert_eq!(push.content_length(), Some(200));
        assert!(
            PushBuilder::new(&body)
                .push_flag(0x80)
                .encode_to_vec()
                .is_err()
        );
        let cm = PushBuilder::new(&body)
            .connection_mode()
            .encode_to_vec()
            .unwrap();
        assert_eq!(cm[..2], [0x06, 0x03]);
    }

    #[test]
    fn from_sms_segments() {
        let body = vec![0x8C; 300];
        let push = PushBuilder::new(&body).encode_to_vec().unwrap();
        let sms = segment_to_vecs(&push, &SegmentOptions::wap_push(3)).unwrap();
        assert_eq!(sms.len(), 3);
        let refs: Vec<&[u8]> = sms.iter().map(Vec::as_slice).collect();
        let mut buf = Vec::new();
        let decoded = push_from_sms(&refs, &mut buf, &DecodeOptions::new()).unwrap();
        assert_eq!(decoded.mms_body(), Some(&body[..]));
        let swapped = [refs[1], refs[0], refs[2]];
        assert_eq!(
            push_from_sms(&swapped, &mut buf, &DecodeOptions::new()),
            Err(SmsPushError::Sequence { index: 0 })
        );
        assert_eq!(
            push_from_sms(&refs[..2], &mut buf, &DecodeOptions::new()),
            Err(SmsPushError::Sequence { index: 0 })
        );
        assert_eq!(
            push_from_sms(&[], &mut buf, &DecodeOptions::new()),
            Err(SmsPushError::Empty)
        );
        let wrong_port = [0x06, 0x05, 0x04, 0x0B, 0x85 + 1, 0x23, 0xF0, 0x00, 0x06];
        assert_eq!(
            push_from_sms(&[&wrong_port], &mut buf, &DecodeOptions::new()),
            Err(SmsPushError::NotWapPush)
        );
    }

    // ---- corpus -------------------------------------------------------------------------

    #[derive(Debug, Clone, Copy)]
    enum Expect {
        /// Decodes without diagnostics; MMS or not.
        Ok { mms: bool },
        /// Decodes with this diagnostic.
        Diag(DiagnosticKind),
        /// A clean error of this kind.
        Err(fn(&DecodeErrorKind) -> bool),
    }

    const CORPUS: &[(&str, Expect)] = &[
        (
            "aosp/frameworks_opt_telephony/tests/telephonytests/src/com/android/internal/telephony/WapPushOverSmsTest.java__testDispatchWapPduFromBlockedNumber.bin",
            Expect::Diag(DiagnosticKind::HeadersLenMismatch {
                declared: 0,
                actual: 32,
            }),
        ),
        (
            "gammu/tests/at-sms-failing/40.dump__raw.bin",
            Expect::Ok { mms: true },
        ),
        (
            "gammu/tests/at-sms/40.dump__user_data.bin",
            Expect::Ok { mms: true },
        ),
        (
            "gammu/tests/smsbackups/mms-298.smsbackup__reassembled.bin",
            Expect::Diag(DiagnosticKind::HeadersLenMismatch {
                declared: 36,
                actual: 34,
            }),
        ),
        (
            "gammu/tests/smsbackups/mms-part.smsbackup__reassembled.bin",
            Expect::Ok { mms: true },
        ),
        (
            "gammu/tests/smsbackups/mms-tmobile.smsbackup__reassembled.bin",
            Expect::Ok { mms: true },
        ),
        (
            "gammu/tests/smsbackups/mms-vodafone.smsbackup__reassembled.bin",
            Expect::Ok { mms: true },
        ),
        (
            "gammu/tests/smsbackups/mms.smsbackup__reassembled.bin",
            Expect::Ok { mms: true },
        ),
        (
            "gammu/tests/smsbackups/multipart-mms.smsbackup__reassembled.bin",
            Expect::Ok { mms: true },
        ),
        (
            "muditaos/module-services/service-cellular/tests/unittest_Pdu.cpp__Incomplete_MMS_Notification_T-Mobile.bin",
            Expect::Ok { mms: true },
        ),
        (
            "muditaos/module-services/service-cellular/tests/unittest_Pdu.cpp__Missing_PDU_Content.bin",
            Expect::Err(|k| matches!(k, DecodeErrorKind::LengthExceedsInput { need: 8, have: 7 })),
        ),
        (
            "muditaos/module-services/service-cellular/tests/unittest_Pdu.cpp__Missing_X-Wap-Application-ID.bin",
            Expect::Ok { mms: true },
        ),
        (
            "muditaos/module-services/service-cellular/tests/unittest_Pdu.cpp__PDU_Type_not_Push.bin",
            Expect::Err(|k| *k == DecodeErrorKind::NotThisKind),
        ),
        (
            "muditaos/module-services/service-cellular/tests/unittest_Pdu.cpp__Valid_MMS_Notification_Orange.bin",
            Expect::Ok { mms: true },
        ),
        (
            "muditaos/module-services/service-cellular/tests/unittest_Pdu.cpp__Valid_MMS_Notification_Play.bin",
            Expect::Ok { mms: true },
        ),
        (
            "muditaos/module-services/service-cellular/tests/unittest_Pdu.cpp__Valid_MMS_Notification_T-Mobile.bin",
            Expect::Ok { mms: true },
        ),
        (
            "muditaos/module-services/service-cellular/tests/unittest_Pdu.cpp__Valid_MMS_Notification_without_From_field.bin",
            Expect::Diag(DiagnosticKind::ContentLengthMismatch {
                declared: 91,
                actual: 65,
            }),
        ),
        (
            "muditaos/module-services/service-cellular/tests/unittest_Pdu.cpp__X-Mms-Message-Type_not_m-notification-ind.bin",
            Expect::Ok { mms: true },
        ),
        (
            "muditaos/module-services/service-cellular/tests/unittest_Pdu.cpp__X-Wap-Application-ID_not_mms.ua.bin",
            Expect::Ok { mms: true },
        ),
        (
            "nuntium/mms/test_payloads/m-notification.ind_success",
            Expect::Ok { mms: true },
        ),
        (
            "nuntium/ofono/push_decode_test.go__TestDecodeATTUSA.bin",
            Expect::Ok { mms: true },
        ),
        (
            "nuntium/ofono/push_decode_test.go__TestDecodeNonPushPDU.bin",
            Expect::Err(|k| *k == DecodeErrorKind::NotThisKind),
        ),
        (
            "nuntium/ofono/push_decode_test.go__TestDecodePlayPoland.bin",
            Expect::Ok { mms: true },
        ),
        (
            "nuntium/ofono/push_decode_test.go__TestDecodeTelecomPersonal.bin",
            Expect::Ok { mms: true },
        ),
        (
            "nuntium/ofono/push_decode_test.go__TestDecodeVodaphoneSpain.bin",
            Expect::Diag(DiagnosticKind::ContentLengthMismatch {
                declared: 95,
                actual: 106,
            }),
        ),
        (
            "nuntium/ofono/push_decode_test.go__TestOperatorWithContentLength.bin",
            Expect::Diag(DiagnosticKind::ContentLengthMismatch {
                declared: 112,
                actual: 113,
            }),
        ),
        (
            "ofono-mmsd/unit/test-wsputil.c__push1.bin",
            Expect::Ok { mms: true },
        ),
        (
            "ofono-mmsd/unit/test-wsputil.c__push3.bin",
            Expect::Ok { mms: false },
        ),
        (
            "ofono-mmsd/unit/test-wsputil.c__push5.bin",
            Expect::Ok { mms: false },
        ),
        (
            "openharmony-sms-mms/test/gtest/mms_gtest.cpp__ReceiveWapPushTestFunc.bin",
            Expect::Ok { mms: true },
        ),
        (
            "python-messaging/messaging/test/test_wap.py__TestSmsWapPush_data.bin",
            Expect::Ok { mms: true },
        ),
        (
            "python-messaging/messaging/test/test_wap.py__test_decoding_generic_wap_push_reassembled.bin",
            Expect::Ok { mms: false },
        ),
    ];

    #[cfg(feature = "std")]
    fn corpus_dir() -> std::path::PathBuf {
        std::env::var_os("MMS_PDU_CORPUS").map_or_else(
            || concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus").into(),
            Into::into,
        )
    }

    #[cfg(feature = "std")]
    #[test]
    fn corpus_pushes_behave_as_manifest_says() {
        let dir = corpus_dir();
        if !dir.join("MANIFEST.md").exists() {
            std::eprintln!("skipping push corpus test: no corpus at {}", dir.display());
            return;
        }
        for &(path, expect) in CORPUS {
            let bytes = std::fs::read(dir.join(path)).unwrap();
            let (result, diags) = decode(&bytes);
            match (expect, result) {
                (Expect::Ok { mms }, Ok(push)) => {
                    assert!(diags.is_empty(), "{path}: {diags:?}");
                    assert_eq!(push.is_mms(), mms, "{path}");
                    if mms {
                        assert_eq!(push.body().first(), Some(&0x8C), "{path}");
                    }
                    assert_eq!(push.encode_to_vec().unwrap(), bytes, "{path}");
                }
                (Expect::Diag(kind), Ok(push)) => {
                    assert_eq!(
                        diags.iter().map(|d| d.kind).collect::<Vec<_>>(),
                        [kind],
                        "{path}"
                    );
                    assert_eq!(push.body().first(), Some(&0x8C), "{path}");
                    assert_eq!(push.encode_to_vec().unwrap(), bytes, "{path}");
                    assert!(
                        Push::decode(&bytes, &DecodeOptions::new().strict(true)).is_err(),
                        "{path}"
                    );
                }
                (Expect::Err(check), Err(e)) => assert!(check(&e.kind), "{path}: {e}"),
                (expect, got) => panic!("{path}: expected {expect:?}, got {got:?} {diags:?}"),
            }
            // Every strict prefix fails cleanly or decodes to a push that re-encodes exactly.
            for n in 0..bytes.len() {
                if let (Ok(p), _) = decode(&bytes[..n]) {
                    assert_eq!(p.encode_to_vec().unwrap(), bytes[..n], "{path} prefix {n}");
                }
            }
        }
        // Spot checks of facts MANIFEST states.
        let read = |p: &str| std::fs::read(dir.join(p)).unwrap();
        let bytes = read(
            "muditaos/module-services/service-cellular/tests/unittest_Pdu.cpp__X-Wap-Application-ID_not_mms.ua.bin",
        );
        let push = decode(&bytes).0.unwrap();
        assert_eq!(
            push.application_id(),
            Some(ApplicationIdValue::Code(ApplicationId::new(3)))
        );
        let bytes = read(
            "muditaos/module-services/service-cellular/tests/unittest_Pdu.cpp__Missing_X-Wap-Application-ID.bin",
        );
        assert_eq!(decode(&bytes).0.unwrap().application_id(), None);
        let bytes = read("ofono-mmsd/unit/test-wsputil.c__push3.bin");
        let push = decode(&bytes).0.unwrap();
        assert_eq!((push.tid(), push.body().len()), (Some(76), 84));
        assert_eq!(
            push.application_id(),
            Some(ApplicationIdValue::Code(ApplicationId::new(8)))
        );
        let bytes = read("nuntium/ofono/push_decode_test.go__TestDecodeATTUSA.bin");
        let push = decode(&bytes).0.unwrap();
        assert_eq!((push.headers_len().value, push.body().len()), (39, 130));
        assert_eq!(push.content_length(), Some(130));
        let bytes = read("gammu/tests/smsbackups/mms-298.smsbackup__reassembled.bin");
        let push = decode(&bytes).0.unwrap();
        assert_eq!(push.headers_len().value, 36);
        assert_eq!(push.body().len(), bytes.len() - 37);
    }

    proptest! {
        #[test]
        fn built_push_round_trips(
            body in proptest::collection::vec(any::<u8>(), 0..400),
            tid in proptest::option::of(any::<u8>()),
            flag in proptest::option::of(0u8..0x80),
            cl in any::<bool>(),
        ) {
            let mut b = PushBuilder::new(&body).content_length(cl);
            b = match tid { Some(t) => b.tid(t), None => b.connection_mode() };
            if let Some(f) = flag { b = b.push_flag(f); }
            let bytes = b.encode_to_vec().unwrap();
            prop_assert_eq!(bytes.len(), b.encoded_len());
            let push = match tid {
                Some(_) => Push::decode(&bytes, &DecodeOptions::new().strict(true)),
                None => Push::decode_connection_mode(&bytes, &DecodeOptions::new().strict(true)),
            }.unwrap();
            prop_assert_eq!(push.tid(), tid);
            prop_assert_eq!(push.body(), &body[..]);
            prop_assert_eq!(push.push_flag(), flag);
            prop_assert_eq!(push.content_length(), cl.then_some(body.len() as u64));
            prop_assert!(push.application_id().unwrap().is_mms_ua());
            prop_assert_eq!(&push.encode_to_vec().unwrap(), &bytes);
        }

        #[test]
        fn any_accepted_push_reencodes(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            if let (Ok(push), _) = decode(&bytes) {
                prop_assert_eq!(&push.encode_to_vec().unwrap(), &bytes);
                let _ = push.headers().count();
                let _ = (push.application_id(), push.content_length(), push.push_flag());
            }
        }
    }
}
