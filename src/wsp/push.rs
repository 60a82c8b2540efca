//! The WSP Push PDU (WAP-230-WSP §8.2.4.1) that delivers an m-notification-ind.
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
//! accepts (see [`Push::decode_with`]). [`PushBuilder`] builds the push an MMSC sends.
//!
//! This module knows WSP only. Repairing those HeadersLen faults needs to know where an MMS
//! PDU starts, so the decoding entry points are defined with the MMS glue of the front door
//! (src/message/push.rs), which also decodes the PDU in a push and goes from the SMS that carry
//! a push to its notification; the grammar they call is in the `decode` submodule.

mod builder;
mod decode;

pub use builder::PushBuilder;
pub(crate) use decode::{BodyStart, is_push_type, opens_connectionless_push};

use crate::assigned::{ApplicationId, PduType, WellKnownMedia};
use alloc::vec::Vec;
use core::ops::Range;

use crate::base::diag::Diagnostic;
use crate::base::error::{EncodeError, offset_in};
use crate::codec::{Encode, Uintvar, Writer};
use crate::wsp::content_type::ContentType;
use crate::wsp::headers::{HeaderBlock, IntegerOrText, WspHeader};

/// A WSP Push or ConfirmedPush PDU.
///
/// ```
/// use mms_pdu::wsp::Push;
/// use mms_pdu::DecodeOptions;
/// use mms_pdu::codec::Encode;
/// // Sonera FI (nuntium's tests): well-known type, app id mms.ua, Content-Length, Push-Flag.
/// let bytes = [0x00, 0x06, 0x07, 0xBE, 0xAF, 0x84, 0x8D, 0x81, 0xB4, 0x81, 0x8C];
/// let push = Push::decode_with(&bytes, &DecodeOptions::new()).unwrap();
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
    /// What a lenient decode of the push layer accepted.
    diagnostics: Vec<Diagnostic>,
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

impl<'a> Push<'a> {
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

    /// What a lenient decode of the push layer accepted (empty for a canonical push and for a
    /// push built with [`PushBuilder`]); a PDU in the body keeps its own.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
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
    /// case; Vodafone ES and AT&T US send the text).
    pub fn is_mms(&self) -> bool {
        is_mms_type(&self.content_type)
    }

    /// The body when this is an MMS push.
    pub fn mms_body(&self) -> Option<&'a [u8]> {
        self.is_mms().then_some(self.body)
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

/// Whether `ct` is `application/vnd.wap.mms-message`, as [`Push::is_mms`] says.
pub(crate) fn is_mms_type(ct: &ContentType<'_>) -> bool {
    ct.is(WellKnownMedia::APPLICATION_VND_WAP_MMS_MESSAGE)
}

/// What a decoded [`Push`] holds besides its octets: the owned form of a pushed message keeps
/// it next to its buffer and puts the `Push` together again without walking its headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DetachedPush {
    tid: Option<u8>,
    pdu_type: PduType,
    headers_len: Uintvar,
    content_type: Range<usize>,
    headers: Range<usize>,
    headers_at: usize,
    max_headers: u32,
    body: Range<usize>,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Push<'a> {
    /// What this push, decoded from `input`, holds besides `input`.
    pub(crate) fn detach(&self, input: &[u8], max_headers: u32) -> DetachedPush {
        let range = |part: &[u8]| {
            let at = offset_in(input, part);
            at..at.saturating_add(part.len())
        };
        DetachedPush {
            tid: self.tid,
            pdu_type: self.pdu_type,
            headers_len: self.headers_len,
            content_type: range(self.content_type_raw),
            headers: range(self.headers.as_bytes()),
            headers_at: self.headers.offset(),
            max_headers,
            body: range(self.body),
            diagnostics: self.diagnostics.clone(),
        }
    }

    /// The push that `detached` was detached from, over the same octets `bytes`. Only the
    /// content type (a few octets, decoded before from the same octets) is read again.
    pub(crate) fn attach(bytes: &'a [u8], detached: &DetachedPush) -> Self {
        let slice = |r: &Range<usize>| bytes.get(r.clone()).unwrap_or_default();
        let content_type_raw = slice(&detached.content_type);
        let content_type = match crate::wsp::content_type::content_type(content_type_raw) {
            Ok((_, ct)) => ct,
            // Never taken: these octets decoded as a content type before.
            Err(_) => ContentType::text(content_type_raw),
        };
        Push {
            tid: detached.tid,
            pdu_type: detached.pdu_type,
            headers_len: detached.headers_len,
            content_type,
            content_type_raw,
            headers: HeaderBlock::with_offset(
                slice(&detached.headers),
                detached.headers_at,
                detached.max_headers,
            ),
            body: slice(&detached.body),
            body_offset: detached.body.start,
            diagnostics: detached.diagnostics.clone(),
        }
    }
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

#[cfg(test)]
pub(crate) mod tests {

    use super::*;
    use crate::base::diag::{Diagnostic, DiagnosticKind, Diagnostics};
    use crate::base::error::{DecodeError, DecodeErrorKind};
    use crate::base::options::DecodeOptions;
    use crate::wsp::headers::WspHeader;
    use alloc::vec;
    use alloc::vec::Vec;
    use proptest::prelude::*;

    #[test]
    fn the_opening_of_a_connectionless_push() {
        for (bytes, opens) in [
            (&[0x01, 0x06, 0x00][..], true),
            (&[0xFF, 0x07, 0x81, 0x00], true),
            (&[0x01, 0x08, 0x00], false),
            (&[0x01, 0x06], false),
            (&[0x01, 0x06, 0x80], false),
            (&[0x06, 0x01, 0x00], false),
        ] {
            assert_eq!(opens_connectionless_push(bytes), opens, "{bytes:02X?}");
        }
        assert!(is_push_type(0x06) && is_push_type(0x07) && !is_push_type(0x05));
    }

    /// The constructed notification push of `samples/`.
    pub(crate) const CONSTRUCTED: &[u8] = include_bytes!("../../samples/push-notification.wsp");

    pub(crate) fn decode(bytes: &[u8]) -> (Result<Push<'_>, DecodeError>, Vec<Diagnostic>) {
        let mut diags = Diagnostics::new(false);
        let r = Push::decode_reporting(bytes, 0, &DecodeOptions::new(), &mut diags);
        // The push keeps what it reports.
        if let Ok(push) = &r {
            assert_eq!(push.diagnostics(), diags.as_slice());
        }
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
        assert!(Push::decode_with(&bytes, &DecodeOptions::new().strict(true)).is_err());
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
                Some(_) => Push::decode_with(&bytes, &DecodeOptions::new().strict(true)),
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
                let _ = push.header_block().iter().count();
                let _ = (push.application_id(), push.content_length(), push.push_flag());
            }
        }
    }
}
