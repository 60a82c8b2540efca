//! The WSP Push PDU (WSP 8.2.4.1, REFERENCE.md §9.1) that delivers an m-notification-ind, and
//! the path from the SMS that carry it to the push and the notification.
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
//! A decoded [`Push`] holds its typed [`ContentType`] and its [`HeaderBlock`] (checked once
//! while decoding; [`crate::wsp::headers`] is the one place that reads WSP headers), and keeps
//! the wire slices so it re-encodes byte for byte, including the two known HeadersLen faults it
//! accepts (see [`Push::decode_with`]).
//!
//! For the receiving side, [`notification_from_sms`] goes from the user data of the SMS of one
//! push to the decoded m-notification-ind in one call, and refuses everything that is not one
//! complete notification with an error that says what it is instead.

use crate::assigned::{ApplicationId, MessageType, PduType, WellKnownMedia};
use crate::base::diag::{Diagnostic, DiagnosticKind, Diagnostics};
use crate::base::error::{DecodeError, DecodeErrorKind, Deviation, EncodeError, offset_in};
use crate::base::options::DecodeOptions;
use crate::codec::{Encode, IntegerValue, Uintvar, Writer, take, to_decode_error, uintvar};
use crate::mms::Pdu;
use crate::sms::{PORT_WAP_PUSH, PORT_WAP_PUSH_SECURE, split_user_data};
use crate::wsp::content_type::{ContentType, content_type};
use crate::wsp::headers::{HeaderBlock, IntegerOrText, WspHeader};
use alloc::vec::Vec;
use core::fmt;

/// The well-known code of `application/vnd.wap.mms-message` (0x3E) as a Short-integer.
const MMS_MEDIA_SHORT: u8 = 0xBE;
/// X-Mms-Message-Type's field octet: the first octet of every MMS PDU.
const MMS_MESSAGE_TYPE_FIELD: u8 = 0x8C;
/// The wire octet of X-Wap-Application-Id (0x2F with the high bit).
const APPLICATION_ID_FIELD: u8 = 0xAF;
/// X-Wap-Application-Id `x-wap-application:mms.ua` (code 4) as a Short-integer.
const MMS_UA_SHORT: u8 = 0x84;
/// The wire octet of Push-Flag (0x34 with the high bit).
const PUSH_FLAG_FIELD: u8 = 0xB4;
/// The wire octet of Content-Length (0x0D with the high bit).
const CONTENT_LENGTH_FIELD: u8 = 0x8D;

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
/// assert_eq!(push.content_type().media_name(), Some("application/vnd.wap.mms-message"));
/// assert_eq!(push.content_length(), Some(1));
/// assert_eq!(push.push_flag(), Some(1));
/// assert_eq!(push.body(), [0x8C]);
/// assert_eq!(push.encode_to_vec().unwrap(), bytes);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Push<'a> {
    tid: Option<u8>,
    pdu_type: PduType,
    headers_len: Uintvar,
    content_type: ContentType<'a>,
    content_type_raw: &'a [u8],
    headers: HeaderBlock<'a>,
    body: &'a [u8],
    body_offset: usize,
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

/// Where an MMS PDU plausibly starts: X-Mms-Message-Type with a message type, then
/// Transaction-ID or MMS-Version.
fn looks_like_mms_pdu(bytes: &[u8]) -> bool {
    matches!(
        bytes,
        [MMS_MESSAGE_TYPE_FIELD, 0x80..=0x97, 0x98 | 0x8D, ..]
    )
}

/// Whether `bytes` look like a WAP push whose octets lost their top bit on the way (an SMSC
/// that mapped the 8-bit user data through a 7-bit table: `8C 82` arrives as `0C 02`).
///
/// True when no octet is 0x80 or above — impossible for a real MMS push, whose content type,
/// application id and message type are all such octets — while the PDU type is Push and the
/// stripped forms of those octets are there: the content type `3E` (`BE`), the application id
/// `2F 04` (`AF 84`) or an MMS PDU start `0C xx 18`/`0C xx 0D` (`8C xx 98`/`8C xx 8D`).
///
/// ```
/// use mms_pdu::wsp::is_seven_bit_mangled_push;
/// assert!(is_seven_bit_mangled_push(&[0x01, 0x06, 0x03, 0x3E, 0x2F, 0x04, 0x0C, 0x02, 0x18]));
/// assert!(!is_seven_bit_mangled_push(&[0x01, 0x06, 0x03, 0xBE, 0xAF, 0x84, 0x8C, 0x82, 0x98]));
/// ```
pub fn is_seven_bit_mangled_push(bytes: &[u8]) -> bool {
    if bytes.iter().any(|&b| b >= 0x80) {
        return false;
    }
    let [_tid, 0x06, _headers_len, ct, ..] = bytes else {
        return false;
    };
    *ct == MMS_MEDIA_SHORT & 0x7F
        || bytes
            .windows(2)
            .any(|w| w == [APPLICATION_ID_FIELD & 0x7F, 0x04])
        || bytes
            .windows(3)
            .any(|w| matches!(w, [0x0C, 0x00..=0x17, 0x18 | 0x0D]))
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
    /// The content type is decoded as a WSP Content-type-value and the header block is checked
    /// once with [`HeaderBlock::decode`] (its diagnostics — values kept raw, non-canonical text —
    /// go to `diags` too). Accepted with a diagnostic (an error in strict mode):
    /// - [`DiagnosticKind::HeadersLenMismatch`] when an MMS push's HeadersLen is too large and
    ///   the MMS PDU (`8C xx 98`/`8C xx 8D`) visibly starts at a header boundary inside the
    ///   declared header block (Gammu `mms-298`), or when HeadersLen is 0 and the content type
    ///   and MMS PDU follow (AOSP `WapPushOverSmsTest`). The declared HeadersLen is kept for
    ///   re-encoding, and the body starts where the MMS PDU does.
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
        let raw_of = |whole: &'a [u8], after: &'a [u8]| {
            whole.get(..whole.len() - after.len()).unwrap_or(&[])
        };

        // HeadersLen 0 followed by a content type and an MMS PDU (AOSP's hand-made push).
        if declared == 0 {
            if let Ok((after_ct, ct)) = content_type(after_len) {
                if after_ct.first() == Some(&MMS_MESSAGE_TYPE_FIELD) && is_mms_type(&ct) {
                    let ct_raw = raw_of(after_len, after_ct);
                    report_headers_len(input, rest, declared, ct_raw.len(), diags)?;
                    let at = offset_in(input, after_ct);
                    return Ok(Push {
                        tid,
                        pdu_type,
                        headers_len,
                        content_type: ct,
                        content_type_raw: ct_raw,
                        headers: HeaderBlock::with_offset(&[], at, max_headers),
                        body: after_ct,
                        body_offset: at,
                    });
                }
            }
        }

        let (body, block) =
            crate::codec::in_field(take(after_len, u64::from(declared)), "push headers")
                .map_err(err)?;
        let (headers, ct) = content_type(block).map_err(err)?;
        let ct_raw = raw_of(block, headers);
        let headers_at = offset_in(input, headers);

        // HeadersLen larger than the headers: the MMS PDU starts at a header boundary inside
        // the declared block while the declared body does not look like one (Gammu mms-298).
        let (headers, body) = match is_mms_type(&ct) && !looks_like_mms_pdu(body) {
            true => match mms_pdu_inside(headers, after_len, max_headers) {
                Some(k) => {
                    let real = headers.get(..k).unwrap_or(&[]);
                    report_headers_len(input, rest, declared, ct_raw.len() + k, diags)?;
                    let tail = after_len.get(ct_raw.len() + k..).unwrap_or(&[]);
                    (real, tail)
                }
                None => (headers, body),
            },
            false => (headers, body),
        };
        let headers = HeaderBlock::decode(headers, headers_at, max_headers, diags)?;
        let push = Push {
            tid,
            pdu_type,
            headers_len,
            content_type: ct,
            content_type_raw: ct_raw,
            headers,
            body,
            body_offset: offset_in(input, body),
        };
        if let Some(declared) = push.content_length() {
            let actual = body.len() as u64;
            if declared != actual {
                diags.report(Diagnostic {
                    offset: headers_at,
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

    /// The content type.
    pub const fn content_type(&self) -> &ContentType<'a> {
        &self.content_type
    }

    /// The Content-type-value as sent (Short-integer, Extension-media text or general form).
    pub const fn content_type_raw(&self) -> &'a [u8] {
        self.content_type_raw
    }

    /// The push headers (X-Wap-Application-Id, Push-Flag, Content-Length, Encoding-Version,
    /// X-Wap-Initiator-URI, ... and raw fallbacks), checked while decoding; their offsets count
    /// from the start of the push.
    pub const fn header_block(&self) -> HeaderBlock<'a> {
        self.headers
    }

    /// The header block as sent, after the content type.
    pub fn headers_raw(&self) -> &'a [u8] {
        self.headers.as_bytes()
    }

    /// The body (the MMS PDU for an MMS push; opaque otherwise).
    pub const fn body(&self) -> &'a [u8] {
        self.body
    }

    /// Where the body starts in the decoded input.
    pub const fn body_offset(&self) -> usize {
        self.body_offset
    }

    /// The first header with this page-1 well-known code.
    fn find<T>(&self, f: impl FnMut(WspHeader<'a>) -> Option<T>) -> Option<T> {
        self.headers
            .iter()
            .map_while(Result::ok)
            .filter(|i| i.page == 1)
            .map(|i| i.header)
            .find_map(f)
    }

    /// Whether the content type is `application/vnd.wap.mms-message` (as 0xBE or as text, any
    /// case; REFERENCE.md §11.1).
    pub fn is_mms(&self) -> bool {
        is_mms_type(&self.content_type)
    }

    /// The body when this is an MMS push.
    pub fn mms_body(&self) -> Option<&'a [u8]> {
        self.is_mms().then_some(self.body)
    }

    /// Decodes the MMS PDU in the body of an MMS push (`None` for a push of another type: SI,
    /// SL, DRM rights, provisioning). Offsets (in the error, and inside the returned PDU)
    /// count from the start of the push.
    ///
    /// # Errors
    /// The [`DecodeError`] of [`Pdu::decode_with`], its offset made absolute.
    pub fn mms_pdu(&self, opts: &DecodeOptions) -> Option<Result<Pdu<'a>, DecodeError>> {
        let body = self.mms_body()?;
        Some(Pdu::decode_at(body, self.body_offset, opts))
    }

    /// X-Wap-Application-Id, if present and well formed.
    pub fn application_id(&self) -> Option<ApplicationIdValue<'a>> {
        self.find(|h| match h {
            WspHeader::ApplicationId(IntegerOrText::Integer(v)) => u32::try_from(v.value)
                .ok()
                .map(|c| ApplicationIdValue::Code(ApplicationId::new(c))),
            WspHeader::ApplicationId(IntegerOrText::Text(t)) => {
                Some(ApplicationIdValue::Uri(t.bytes))
            }
            _ => None,
        })
    }

    /// Content-Length, if present and an Integer-value.
    pub fn content_length(&self) -> Option<u64> {
        self.find(|h| match h {
            WspHeader::ContentLength(v) => Some(v.value),
            _ => None,
        })
    }

    /// Push-Flag bits (0x01 initiator authenticated, 0x02 content trusted, 0x04 last push).
    pub fn push_flag(&self) -> Option<u8> {
        self.find(|h| match h {
            WspHeader::PushFlag(bits) => Some(bits),
            _ => None,
        })
    }
}

fn is_mms_type(ct: &ContentType<'_>) -> bool {
    ct.is(WellKnownMedia::APPLICATION_VND_WAP_MMS_MESSAGE)
}

/// Where, inside the declared header block `headers`, an MMS PDU starts at a header boundary:
/// the headers and the body are contiguous in the input (`after_len` holds the content type,
/// then the headers, then the body), so each boundary is tested on the octets that follow it.
fn mms_pdu_inside(headers: &[u8], after_len: &[u8], max_headers: u32) -> Option<usize> {
    let base = offset_in(after_len, headers);
    let starts_pdu = |k: usize| {
        after_len
            .get(base + k..)
            .is_some_and(|tail| k < headers.len() && looks_like_mms_pdu(tail))
    };
    let mut next = 0;
    for item in HeaderBlock::with_offset(headers, 0, max_headers).iter() {
        if starts_pdu(next) {
            return Some(next);
        }
        match item {
            Ok(item) => next = item.offset + item.header.encoded_len(),
            Err(_) => return None,
        }
    }
    None
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
            + self.content_type_raw.len()
            + self.headers.encoded_len()
            + self.body.len()
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        if let Some(tid) = self.tid {
            w.write_u8(tid)?;
        }
        w.write_u8(self.pdu_type.get())?;
        self.headers_len.encode(w)?;
        w.write_bytes(self.content_type_raw)?;
        self.headers.encode(w)?;
        w.write_bytes(self.body)
    }
}

/// What a [`PushBuilder`] carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PushBody<'a> {
    /// An already encoded MMS PDU.
    Encoded(&'a [u8]),
    /// A PDU encoded straight into the push.
    Pdu(&'a Pdu<'a>),
}

impl PushBody<'_> {
    fn len(&self) -> usize {
        match self {
            PushBody::Encoded(b) => b.len(),
            PushBody::Pdu(p) => p.encoded_len(),
        }
    }
}

/// Builds the push an MMSC sends: an m-notification-ind, m-delivery-ind or m-read-orig-ind
/// (REFERENCE.md §9.1; any PDU is accepted) with content type `application/vnd.wap.mms-message`
/// (`BE`) and `X-Wap-Application-Id: x-wap-application:mms.ua` (`AF 84`). It encodes directly,
/// without an intermediate buffer, from encoded bytes ([`PushBuilder::new`]) or from a [`Pdu`]
/// ([`PushBuilder::pdu`]).
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
    body: PushBody<'a>,
}

impl<'a> PushBuilder<'a> {
    /// A push of `mms_pdu` (an encoded MMS PDU) with TID 0, no Push-Flag, no Content-Length.
    pub const fn new(mms_pdu: &'a [u8]) -> Self {
        PushBuilder {
            tid: Some(0),
            push_flag: None,
            content_length: false,
            body: PushBody::Encoded(mms_pdu),
        }
    }

    /// A push of `pdu`, encoded into the push when the push is encoded (TID 0, no Push-Flag,
    /// no Content-Length).
    ///
    /// ```
    /// use mms_pdu::codec::Encode;
    /// use mms_pdu::mms::Pdu;
    /// use mms_pdu::wsp::PushBuilder;
    /// // m-delivery-ind: Message-ID "m1", To, Date, Status Retrieved.
    /// let wire = [0x8C, 0x86, 0x8D, 0x90, 0x8B, b'm', b'1', 0x00, 0x97, b'+', b'1', 0x00,
    ///             0x85, 0x01, 0x01, 0x95, 0x81];
    /// let pdu = Pdu::decode(&wire).unwrap();
    /// let push = PushBuilder::pdu(&pdu).encode_to_vec().unwrap();
    /// assert_eq!(push[..6], [0x00, 0x06, 0x03, 0xBE, 0xAF, 0x84]);
    /// assert_eq!(push[6..], wire);
    /// ```
    pub const fn pdu(pdu: &'a Pdu<'a>) -> Self {
        PushBuilder {
            tid: Some(0),
            push_flag: None,
            content_length: false,
            body: PushBody::Pdu(pdu),
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

    fn content_length_value(&self, body_len: usize) -> Option<IntegerValue> {
        self.content_length
            .then(|| IntegerValue::new(body_len as u64))
    }

    fn headers_len(&self, body_len: usize) -> usize {
        // BE, AF 84, then the optional headers.
        3 + self
            .content_length_value(body_len)
            .map_or(0, |v| 1 + v.encoded_len())
            + if self.push_flag.is_some() { 2 } else { 0 }
    }
}

impl Encode for PushBuilder<'_> {
    fn encoded_len(&self) -> usize {
        let body_len = self.body.len();
        let hl = self.headers_len(body_len);
        usize::from(self.tid.is_some())
            + 1
            + Uintvar::minimal_len(u32::try_from(hl).unwrap_or(u32::MAX))
            + hl
            + body_len
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        let body_len = self.body.len();
        if let Some(tid) = self.tid {
            w.write_u8(tid)?;
        }
        w.write_u8(PduType::PUSH.get())?;
        let hl =
            u32::try_from(self.headers_len(body_len)).map_err(|_| EncodeError::Unencodable {
                field: "HeadersLen",
                reason: "above 32 bits",
            })?;
        Uintvar::new(hl).encode(w)?;
        w.write_bytes(&[MMS_MEDIA_SHORT, APPLICATION_ID_FIELD, MMS_UA_SHORT])?;
        if let Some(cl) = self.content_length_value(body_len) {
            w.write_u8(CONTENT_LENGTH_FIELD)?;
            cl.encode(w)?;
        }
        if let Some(bits) = self.push_flag {
            if bits > 0x7F {
                return Err(EncodeError::Unencodable {
                    field: "Push-Flag",
                    reason: "above 127",
                });
            }
            w.write_bytes(&[PUSH_FLAG_FIELD, 0x80 | bits])?;
        }
        match self.body {
            PushBody::Encoded(b) => w.write_bytes(b),
            PushBody::Pdu(p) => p.encode(w),
        }
    }
}

/// A set of SMS segment numbers (1–255), without allocation.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct SequenceSet([u64; 4]);

impl SequenceSet {
    /// The empty set.
    pub const fn new() -> Self {
        SequenceSet([0; 4])
    }

    fn slot(n: u8) -> (usize, u64) {
        (usize::from(n / 64), 1u64 << (n % 64))
    }

    /// Adds `n`; returns false when it was already there.
    pub fn insert(&mut self, n: u8) -> bool {
        let (i, bit) = Self::slot(n);
        match self.0.get_mut(i) {
            Some(word) if *word & bit == 0 => {
                *word |= bit;
                true
            }
            _ => false,
        }
    }

    /// Whether `n` is in the set.
    pub fn contains(&self, n: u8) -> bool {
        let (i, bit) = Self::slot(n);
        self.0.get(i).is_some_and(|w| w & bit != 0)
    }

    /// The numbers in ascending order.
    pub fn iter(&self) -> impl Iterator<Item = u8> + '_ {
        (0..=u8::MAX).filter(|&n| self.contains(n))
    }

    /// How many numbers the set holds.
    pub fn len(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// True when the set holds nothing.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|&w| w == 0)
    }
}

impl fmt::Debug for SequenceSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

/// The numbers separated by commas: `2, 5`.
impl fmt::Display for SequenceSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, n) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{n}")?;
        }
        Ok(())
    }
}

/// Why [`push_from_sms`] or [`notification_from_sms`] failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SmsPushError {
    /// Segment `index` (from 0, in the order given) has a malformed user data header.
    #[error("SMS segment {index}: {error}")]
    Header {
        /// The segment.
        index: usize,
        /// The header error (offset within that segment's user data).
        error: DecodeError,
    },
    /// The segments are not addressed to the WAP push port (2948 or 2949): the first segment
    /// has no port or another one, or a segment names another port.
    #[error("SMS not addressed to the WAP push port")]
    NotWapPush,
    /// Segment `index` (from 0, in the order given) does not belong with the others: no
    /// concatenation element among several segments, another reference or total, or a
    /// sequence number outside 1..=total.
    #[error("SMS segment {index} is not part of the same concatenated message")]
    Sequence {
        /// The segment.
        index: usize,
    },
    /// Segments of the message are missing.
    #[error("SMS segment(s) {missing} of {total} missing")]
    Missing {
        /// The number of segments announced.
        total: u8,
        /// The numbers (from 1) that did not arrive.
        missing: SequenceSet,
    },
    /// Two segments with the same number and different content.
    #[error("SMS segment {sequence} received twice with different content")]
    ConflictingDuplicate {
        /// The segment's number (from 1).
        sequence: u8,
    },
    /// No segments were given.
    #[error("no SMS segments")]
    Empty,
    /// The push has no octet of 0x80 or above but looks like an MMS push: an SMSC cleared the
    /// top bit of every octet (`8C 82` arrived as `0C 02`); the original cannot be recovered.
    /// See [`is_seven_bit_mangled_push`].
    #[error("WAP push lost the top bit of every octet (7-bit SMSC mapping): unrecoverable")]
    SevenBitMangled,
    /// The reassembled push does not decode (offset within the reassembled push).
    #[error("push: {0}")]
    Push(DecodeError),
    /// The push is not `application/vnd.wap.mms-message` (an SI, SL, provisioning or DRM push).
    #[error("push does not carry an MMS PDU")]
    NotMms,
    /// The MMS PDU in the push does not decode (offset within the reassembled push).
    #[error("MMS PDU in push: {0}")]
    Pdu(DecodeError),
    /// The MMS PDU is not an m-notification-ind; this is its message type (`None`: the
    /// Message-Type value was not a message type).
    #[error("MMS PDU in push is {}, not m-notification-ind", DisplayType(*message_type))]
    NotNotification {
        /// The message type found.
        message_type: Option<MessageType>,
    },
    /// The m-notification-ind decodes but lacks a mandatory field — a truncated push (a
    /// concatenated push that lost its tail can end exactly on a header boundary).
    #[error("m-notification-ind incomplete: mandatory {field} missing (truncated push?)")]
    Incomplete {
        /// The first missing field's name (e.g. `X-Mms-Content-Location`).
        field: &'static str,
    },
    /// The m-notification-ind ends inside this field: its text runs to the end of the PDU
    /// without its NUL (accepted in a bare PDU, REFERENCE.md §11.7; in a push it is the mark
    /// of a truncated concatenation).
    #[error("m-notification-ind ends inside {field} (text without its NUL: truncated push)")]
    Truncated {
        /// The field's name.
        field: &'static str,
    },
}

struct DisplayType(Option<MessageType>);

impl fmt::Display for DisplayType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(t) => match t.name() {
                Some(n) => f.write_str(n),
                None => write!(f, "message type {:#04x}", t.get()),
            },
            None => f.write_str("a PDU without a valid message type"),
        }
    }
}

/// Reassembles the payloads of `segments` (any order; exact duplicates ignored) into `buf`,
/// checking the WAP push port.
fn reassemble(segments: &[&[u8]], buf: &mut Vec<u8>) -> Result<(), SmsPushError> {
    buf.clear();
    let is_push_port = |p: u16| p == PORT_WAP_PUSH || p == PORT_WAP_PUSH_SECURE;
    let split = |index: usize| {
        let ud = segments.get(index).copied().unwrap_or(&[]);
        split_user_data(ud).map_err(|error| SmsPushError::Header { index, error })
    };
    if segments.is_empty() {
        return Err(SmsPushError::Empty);
    }
    let (udh, payload) = split(0)?;
    let Some(id) = udh.concatenation() else {
        // One SMS: it must be alone.
        if segments.len() != 1 {
            return Err(SmsPushError::Sequence { index: 0 });
        }
        if !udh.ports().is_some_and(|p| is_push_port(p.destination)) {
            return Err(SmsPushError::NotWapPush);
        }
        buf.extend_from_slice(payload);
        return Ok(());
    };
    // For each sequence number, the index of its first segment (usize::MAX: not seen). On the
    // stack: 255 numbers at most, whatever the number of segments given.
    let mut first_of = [usize::MAX; 256];
    let mut seen = SequenceSet::new();
    let mut push_port = false;
    for index in 0..segments.len() {
        let (udh, payload) = split(index)?;
        let c = udh
            .concatenation()
            .filter(|c| {
                (c.reference, c.wide_reference, c.total)
                    == (id.reference, id.wide_reference, id.total)
                    && (1..=c.total).contains(&c.sequence)
            })
            .ok_or(SmsPushError::Sequence { index })?;
        match udh.ports() {
            Some(p) if !is_push_port(p.destination) => return Err(SmsPushError::NotWapPush),
            Some(_) => push_port = true,
            None => {}
        }
        let slot = first_of.get_mut(usize::from(c.sequence));
        if seen.insert(c.sequence) {
            if let Some(slot) = slot {
                *slot = index;
            }
        } else {
            let earlier = slot.map_or(usize::MAX, |s| *s);
            if split(earlier).ok().map(|(_, p)| p) != Some(payload) {
                return Err(SmsPushError::ConflictingDuplicate {
                    sequence: c.sequence,
                });
            }
        }
    }
    let mut missing = SequenceSet::new();
    for n in (1..=id.total).filter(|&n| !seen.contains(n)) {
        missing.insert(n);
    }
    if !missing.is_empty() {
        return Err(SmsPushError::Missing {
            total: id.total,
            missing,
        });
    }
    if !push_port {
        return Err(SmsPushError::NotWapPush);
    }
    for &index in first_of.get(1..=usize::from(id.total)).unwrap_or(&[]) {
        buf.extend_from_slice(split(index)?.1);
    }
    Ok(())
}

/// Joins the user data of the SMS segments of one push (each with its user data header, in any
/// order; exact duplicates are ignored) into `buf`, checks they are addressed to the WAP push
/// port, and decodes the push from `buf`. The inner MMS PDU is [`Push::mms_pdu`];
/// [`notification_from_sms`] does the whole job for a notification.
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
/// [`SmsPushError`]: no segments, a bad user data header, a wrong port, segments of different
/// messages, missing or conflicting segments, a push whose octets lost their top bit
/// ([`SmsPushError::SevenBitMangled`]), or a push that does not decode.
pub fn push_from_sms<'b>(
    segments: &[&[u8]],
    buf: &'b mut Vec<u8>,
    opts: &DecodeOptions,
) -> Result<Push<'b>, SmsPushError> {
    reassemble(segments, buf)?;
    if is_seven_bit_mangled_push(buf) {
        return Err(SmsPushError::SevenBitMangled);
    }
    Push::decode(buf, opts).map_err(SmsPushError::Push)
}

/// The common case in one call: the user data of the SMS segments of one push (any order,
/// exact duplicates ignored) → the push and its m-notification-ind.
///
/// Everything short of one complete notification is an error that says what arrived instead:
/// missing segments (by number), another port, a push whose octets lost their top bit, a push
/// that is not MMS, an MMS PDU of another type, or a notification without its mandatory fields
/// (a truncated push that happens to end on a header boundary still decodes as a PDU; it is
/// refused here, naming the first missing field).
///
/// ```
/// use mms_pdu::codec::Encode;
/// use mms_pdu::sms::{segments_for_push, SegmentOptions};
/// use mms_pdu::wsp::{notification_from_sms, PushBuilder, SmsPushError};
/// use mms_pdu::DecodeOptions;
/// // Message-Type, Transaction-ID, Version, Class, Message-Size, Expiry, Content-Location.
/// let mut ind = vec![0x8C, 0x82, 0x98, b'T', 0x00, 0x8D, 0x92, 0x8A, 0x80, 0x8E, 0x01, 0x05,
///                    0x88, 0x03, 0x81, 0x01, 0x3C, 0x83];
/// ind.extend_from_slice(b"http://mmsc/m1\0");
/// let sms = segments_for_push(&PushBuilder::new(&ind), &SegmentOptions::wap_push(1)).unwrap();
/// let refs: Vec<&[u8]> = sms.iter().map(Vec::as_slice).collect();
/// let mut buf = Vec::new();
/// let (push, pdu) = notification_from_sms(&refs, &mut buf, &DecodeOptions::new()).unwrap();
/// assert!(push.is_mms());
/// assert_eq!(pdu.content_location().unwrap().uri_bytes(), b"http://mmsc/m1");
///
/// // The same push cut after X-Mms-Expiry: a PDU, but not a notification.
/// let cut = &ind[..17];
/// let sms = segments_for_push(&PushBuilder::new(cut), &SegmentOptions::wap_push(1)).unwrap();
/// let refs: Vec<&[u8]> = sms.iter().map(Vec::as_slice).collect();
/// assert_eq!(
///     notification_from_sms(&refs, &mut buf, &DecodeOptions::new()).unwrap_err(),
///     SmsPushError::Incomplete { field: "X-Mms-Content-Location" }
/// );
/// ```
///
/// # Errors
/// As [`push_from_sms`], and [`SmsPushError::NotMms`], [`SmsPushError::Pdu`],
/// [`SmsPushError::NotNotification`], [`SmsPushError::Incomplete`],
/// [`SmsPushError::Truncated`].
pub fn notification_from_sms<'b>(
    segments: &[&[u8]],
    buf: &'b mut Vec<u8>,
    opts: &DecodeOptions,
) -> Result<(Push<'b>, Pdu<'b>), SmsPushError> {
    let push = push_from_sms(segments, buf, opts)?;
    let pdu = push
        .mms_pdu(opts)
        .ok_or(SmsPushError::NotMms)?
        .map_err(SmsPushError::Pdu)?;
    match pdu.message_type() {
        Some(MessageType::NOTIFICATION_IND) => {}
        other => {
            return Err(SmsPushError::NotNotification {
                message_type: other,
            });
        }
    }
    let missing = crate::mms::validate::validate(&pdu)
        .into_iter()
        .find(|d| d.kind == DiagnosticKind::MissingMandatory);
    if let Some(d) = missing {
        return Err(SmsPushError::Incomplete { field: d.context });
    }
    let cut = pdu
        .diagnostics()
        .iter()
        .find(|d| d.kind == DiagnosticKind::Deviation(Deviation::UnterminatedText));
    if let Some(d) = cut {
        return Err(SmsPushError::Truncated { field: d.context });
    }
    Ok((push, pdu))
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::sms::{SegmentOptions, segment_to_vecs};
    use crate::wsp::headers::WspHeader;
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
        att.extend_from_slice(b"application/vnd.wap.mms-message");
        att.extend_from_slice(&[
            0x00, 0xAF, 0x84, 0x8D, 0x01, 0x03, 0xB4, 0x84, 0x8C, 0x82, 0x98,
        ]);
        let (push, diags) = decode(&att);
        let push = push.unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        assert!(push.is_mms());
        assert_eq!(push.content_length(), Some(3));
        assert_eq!(push.push_flag(), Some(4));
        assert_eq!(push.header_block().iter().count(), 3);
        assert_eq!(
            push.content_type().media_name(),
            Some("application/vnd.wap.mms-message")
        );
        assert_eq!(push.content_type_raw().len(), 32);
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
        let headers: Vec<_> = push
            .header_block()
            .iter()
            .map(|h| h.unwrap().header)
            .collect();
        assert_eq!(headers[1], WspHeader::application(b"X-Foo", b"bar"));
        assert_eq!(push.header_block().offset(), 3 + 32);
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
        // Any order, exact duplicates ignored.
        let shuffled = [refs[2], refs[0], refs[2], refs[1]];
        let decoded = push_from_sms(&shuffled, &mut buf, &DecodeOptions::new()).unwrap();
        assert_eq!(decoded.body(), &body[..]);
        let err = push_from_sms(&refs[..2], &mut buf, &DecodeOptions::new()).unwrap_err();
        let SmsPushError::Missing { total: 3, missing } = err else {
            panic!("{err:?}")
        };
        assert_eq!(missing.iter().collect::<Vec<_>>(), [3]);
        assert_eq!(err.to_string(), "SMS segment(s) 3 of 3 missing");
        let err = push_from_sms(&[refs[1]], &mut buf, &DecodeOptions::new()).unwrap_err();
        assert_eq!(err.to_string(), "SMS segment(s) 1, 3 of 3 missing");
        // A conflicting duplicate.
        let mut bad = sms[1].clone();
        *bad.last_mut().unwrap() ^= 1;
        assert_eq!(
            push_from_sms(
                &[refs[0], refs[1], &bad, refs[2]],
                &mut buf,
                &DecodeOptions::new()
            ),
            Err(SmsPushError::ConflictingDuplicate { sequence: 2 })
        );
        // A segment of another message.
        let other = segment_to_vecs(&push, &SegmentOptions::wap_push(4)).unwrap();
        assert_eq!(
            push_from_sms(
                &[refs[0], &other[1], refs[2]],
                &mut buf,
                &DecodeOptions::new()
            ),
            Err(SmsPushError::Sequence { index: 1 })
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

    /// One SMS user data by hand: 8-bit concatenation `reference total sequence`, WAP ports.
    fn sms(reference: u8, total: u8, sequence: u8, payload: &[u8]) -> Vec<u8> {
        let mut ud = vec![
            0x0B, 0x00, 0x03, reference, total, sequence, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0,
        ];
        ud.extend_from_slice(payload);
        ud
    }

    fn notification(segments: &[&[u8]]) -> Result<(), SmsPushError> {
        let mut buf = Vec::new();
        notification_from_sms(segments, &mut buf, &DecodeOptions::new()).map(|_| ())
    }

    #[test]
    fn reference_push_decodes_to_its_notification() {
        let push = decode(CONSTRUCTED).0.unwrap();
        let pdu = push.mms_pdu(&DecodeOptions::new()).unwrap().unwrap();
        assert_eq!(pdu.message_type(), Some(MessageType::NOTIFICATION_IND));
        assert_eq!(push.body_offset(), 6);
        assert_eq!(pdu.message_size().unwrap().value, 12345);
        // A non-MMS push has no PDU; a broken body gives an offset within the push.
        let mut broken = CONSTRUCTED.to_vec();
        broken.truncate(20);
        let err = decode(&broken)
            .0
            .unwrap()
            .mms_pdu(&DecodeOptions::new())
            .unwrap()
            .unwrap_err();
        assert_eq!(err.context, "From");
        assert!(err.offset >= 14, "{err:?}");
    }

    #[test]
    fn reference_push_over_two_sms_in_any_order() {
        let (a, b) = CONSTRUCTED.split_at(40);
        let (s1, s2) = (sms(0x42, 2, 1, a), sms(0x42, 2, 2, b));
        for order in [[&s1[..], &s2[..]], [&s2[..], &s1[..]]] {
            let mut buf = Vec::new();
            let (push, pdu) =
                notification_from_sms(&order, &mut buf, &DecodeOptions::new()).unwrap();
            assert_eq!(push.tid(), Some(1));
            assert!(push.application_id().unwrap().is_mms_ua());
            assert_eq!(pdu.transaction_id().unwrap().bytes, b"T2");
            assert_eq!(pdu.message_size().unwrap().value, 12345);
            assert_eq!(
                pdu.content_location().unwrap().uri_bytes(),
                b"http://mmsc.example/m1"
            );
            assert_eq!(
                pdu.from_address().unwrap().as_bytes(),
                b"+15551234567/TYPE=PLMN"
            );
            assert!(pdu.diagnostics().is_empty());
            assert_eq!(push.encode_to_vec().unwrap(), CONSTRUCTED);
        }
        // One segment lost.
        assert_eq!(
            notification(&[&s2]).unwrap_err().to_string(),
            "SMS segment(s) 1 of 2 missing"
        );
        // Another port.
        let mut other_port = s1.clone();
        other_port[9] = 0x86; // 2950: neither 2948 nor 2949
        assert_eq!(
            notification(&[&other_port, &s2]),
            Err(SmsPushError::NotWapPush)
        );
    }

    #[test]
    fn built_notification_over_sms_shuffled() {
        use crate::assigned::MessageClass;
        use crate::codec::TextString;
        use crate::mms::views::NotificationInd;
        use crate::mms::{ContentLocationValue, MessageClassValue, TimeValue};
        let location = [b'x'; 220];
        let pdu = NotificationInd::build(
            TextString::new(b"T9"),
            MessageClassValue::Class(MessageClass::PERSONAL),
            IntegerValue::new(300_000),
            TimeValue::relative(86_400),
            ContentLocationValue::uri(&location),
        )
        .build()
        .unwrap();
        let builder = PushBuilder::pdu(&pdu).tid(7).push_flag(4);
        let segs = crate::sms::segments_for_push(&builder, &SegmentOptions::wap_push(9)).unwrap();
        assert_eq!(segs.len(), 2);
        let shuffled = [&segs[1][..], &segs[0][..], &segs[1][..]];
        let mut buf = Vec::new();
        let (push, got) =
            notification_from_sms(&shuffled, &mut buf, &DecodeOptions::new()).unwrap();
        assert_eq!((push.tid(), push.push_flag()), (Some(7), Some(4)));
        assert_eq!(got.transaction_id().unwrap().bytes, b"T9");
        assert_eq!(got.content_location().unwrap().uri_bytes(), &location[..]);
        assert_eq!(got.encode_to_vec().unwrap(), pdu.encode_to_vec().unwrap());
    }

    #[test]
    fn builder_wraps_delivery_and_read_orig_ind() {
        use crate::assigned::{ReadStatus, Status};
        use crate::codec::{LongInteger, TextString};
        use crate::mms::views::{DeliveryInd, ReadOrigInd};
        use crate::mms::{Address, FromValue};
        let delivery = DeliveryInd::build(
            TextString::new(b"mid"),
            Address::new(b"+15550100/TYPE=PLMN"),
            LongInteger::new(1_700_000_000),
            Status::RETRIEVED,
        )
        .build()
        .unwrap();
        let read = ReadOrigInd::build(
            TextString::new(b"mid"),
            Address::new(b"+15550100/TYPE=PLMN"),
            FromValue::address(Address::new(b"+15550101/TYPE=PLMN")),
            LongInteger::new(1_700_000_000),
            ReadStatus::READ,
        )
        .build()
        .unwrap();
        for (pdu, kind) in [
            (&delivery, MessageType::DELIVERY_IND),
            (&read, MessageType::READ_ORIG_IND),
        ] {
            let b = PushBuilder::pdu(pdu).content_length(true);
            let bytes = b.encode_to_vec().unwrap();
            assert_eq!(bytes.len(), b.encoded_len());
            assert_eq!(bytes[3..6], [0xBE, 0xAF, 0x84]);
            let (push, diags) = decode(&bytes);
            let push = push.unwrap();
            assert!(diags.is_empty());
            let inner = push.mms_pdu(&DecodeOptions::new()).unwrap().unwrap();
            assert_eq!(inner, *pdu);
            assert_eq!(push.content_length(), Some(pdu.encoded_len() as u64));
            // Not a notification: said so.
            let segs = crate::sms::segments_for_push(&b, &SegmentOptions::wap_push(1)).unwrap();
            let refs: Vec<&[u8]> = segs.iter().map(Vec::as_slice).collect();
            assert_eq!(
                notification(&refs),
                Err(SmsPushError::NotNotification {
                    message_type: Some(kind)
                })
            );
        }
        let err = SmsPushError::NotNotification {
            message_type: Some(MessageType::DELIVERY_IND),
        };
        assert_eq!(
            err.to_string(),
            "MMS PDU in push is m-delivery-ind, not m-notification-ind"
        );
    }

    #[test]
    fn seven_bit_mangled_push_is_refused() {
        let mangled: Vec<u8> = CONSTRUCTED.iter().map(|b| b & 0x7F).collect();
        assert!(is_seven_bit_mangled_push(&mangled));
        assert_eq!(&mangled[6..8], [0x0C, 0x02]);
        let (a, b) = mangled.split_at(50);
        let (s1, s2) = (sms(3, 2, 1, a), sms(3, 2, 2, b));
        assert_eq!(
            notification(&[&s2, &s1]),
            Err(SmsPushError::SevenBitMangled)
        );
        // The text content type form too.
        let mut text = vec![0x01, 0x06, 0x23];
        text.extend_from_slice(b"application/vnd.wap.mms-message\0");
        text.extend_from_slice(&[0x2F, 0x04, 0x0C, 0x02, 0x18, b'T', 0]);
        assert!(is_seven_bit_mangled_push(&text));
        // Honest pushes are not flagged: they all have octets of 0x80 or more.
        assert!(!is_seven_bit_mangled_push(CONSTRUCTED));
        assert!(!is_seven_bit_mangled_push(
            b"\x01\x06\x10text/vnd.wap.si\0<si/>"
        ));
        assert!(!is_seven_bit_mangled_push(&[]));
    }

    #[test]
    fn truncated_pushes_are_never_notifications() {
        // Cut at a header boundary: after X-Mms-Message-Size, before X-Mms-Expiry.
        let at = CONSTRUCTED
            .windows(2)
            .position(|w| w == [0x88, 0x05])
            .unwrap();
        let cut = &CONSTRUCTED[..at];
        assert!(
            decode(cut)
                .0
                .unwrap()
                .mms_pdu(&DecodeOptions::new())
                .unwrap()
                .is_ok()
        );
        let err = notification(&[&sms(5, 1, 1, cut)]).unwrap_err();
        assert_eq!(
            err,
            SmsPushError::Incomplete {
                field: "X-Mms-Expiry"
            }
        );
        // Inside the last text: runs to the end without its NUL.
        let cut = &CONSTRUCTED[..CONSTRUCTED.len() - 1];
        let err = notification(&[&sms(5, 1, 1, cut)]).unwrap_err();
        assert!(
            matches!(err, SmsPushError::Pdu(e) if e.context == "X-Mms-Content-Location" && e.kind == DecodeErrorKind::MissingTerminator),
            "{err:?}"
        );
        // Every strict prefix, delivered complete (the concatenation itself is whole).
        for n in 0..CONSTRUCTED.len() {
            let one = sms(5, 1, 1, &CONSTRUCTED[..n]);
            assert!(notification(&[&one]).is_err(), "prefix {n}");
            let mut buf = Vec::new();
            let plain = segment_to_vecs(&CONSTRUCTED[..n], &SegmentOptions::wap_push(1)).unwrap();
            let refs: Vec<&[u8]> = plain.iter().map(Vec::as_slice).collect();
            assert!(
                notification_from_sms(&refs, &mut buf, &DecodeOptions::new()).is_err(),
                "prefix {n}"
            );
        }
        assert_eq!(notification(&[&sms(5, 1, 1, CONSTRUCTED)]), Ok(()));
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
            assert!(!is_seven_bit_mangled_push(&bytes), "{path}");
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
        // MuditaOS: the push truncated inside From is a push, but never a notification.
        let bytes = read(
            "muditaos/module-services/service-cellular/tests/unittest_Pdu.cpp__Incomplete_MMS_Notification_T-Mobile.bin",
        );
        let sms = segment_to_vecs(&bytes, &SegmentOptions::wap_push(1)).unwrap();
        let refs: Vec<&[u8]> = sms.iter().map(Vec::as_slice).collect();
        let mut buf = Vec::new();
        let err = notification_from_sms(&refs, &mut buf, &DecodeOptions::new()).unwrap_err();
        assert!(
            matches!(err, SmsPushError::Pdu(e) if e.context == "From" && e.offset > 6),
            "{err:?}"
        );
        // A valid carrier notification goes through the one-call path.
        let bytes = read(
            "muditaos/module-services/service-cellular/tests/unittest_Pdu.cpp__Valid_MMS_Notification_T-Mobile.bin",
        );
        let sms = segment_to_vecs(&bytes, &SegmentOptions::wap_push(1)).unwrap();
        let refs: Vec<&[u8]> = sms.iter().rev().map(Vec::as_slice).collect();
        let (push, _) = notification_from_sms(&refs, &mut buf, &DecodeOptions::new()).unwrap();
        assert_eq!(push.encode_to_vec().unwrap(), bytes);
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
        fn built_notification_push_round_trips(
            tid in any::<u8>(),
            txn in "[A-Za-z0-9]{1,40}",
            size in any::<u32>(),
            location in "[a-z:/.0-9]{1,300}",
            reference in any::<u8>(),
        ) {
            use crate::assigned::MessageClass;
            use crate::codec::TextString;
            use crate::mms::views::NotificationInd;
            use crate::mms::{ContentLocationValue, MessageClassValue, TimeValue};
            let pdu = NotificationInd::build(
                TextString::new(txn.as_bytes()),
                MessageClassValue::Class(MessageClass::PERSONAL),
                IntegerValue::new(u64::from(size)),
                TimeValue::relative(3600),
                ContentLocationValue::uri(location.as_bytes()),
            )
            .build()
            .unwrap();
            let b = PushBuilder::pdu(&pdu).tid(tid);
            let bytes = b.encode_to_vec().unwrap();
            prop_assert_eq!(bytes.len(), b.encoded_len());
            let push = Push::decode(&bytes, &DecodeOptions::new().strict(true)).unwrap();
            prop_assert_eq!(&push.mms_pdu(&DecodeOptions::new()).unwrap().unwrap(), &pdu);
            prop_assert_eq!(&push.encode_to_vec().unwrap(), &bytes);
            let mut segs = crate::sms::segments_for_push(&b, &SegmentOptions::wap_push(reference)).unwrap();
            segs.reverse();
            let refs: Vec<&[u8]> = segs.iter().map(Vec::as_slice).collect();
            let mut buf = Vec::new();
            let (_, got) = notification_from_sms(&refs, &mut buf, &DecodeOptions::new()).unwrap();
            prop_assert_eq!(got, pdu);
        }

        #[test]
        fn any_accepted_push_reencodes(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            if let (Ok(push), _) = decode(&bytes) {
                prop_assert_eq!(&push.encode_to_vec().unwrap(), &bytes);
                let _ = push.header_block().iter().count();
                let _ = (push.application_id(), push.content_length(), push.push_flag());
            }
        }
    }
}
