//! The decoded MMS PDU: its ordered headers, its body and its diagnostics
//! (REFERENCE.md §7.1–§7.3).

use alloc::borrow::Cow;
use alloc::vec::Vec;

use crate::assigned::{FieldCode, MessageType, RetrieveStatus, Status};
use crate::base::diag::{Diagnostic, DiagnosticKind, Diagnostics};
use crate::base::error::{DecodeError, DecodeErrorKind, EncodeError};
use crate::base::options::DecodeOptions;
use crate::codec::{DateValue, Encode, EncodedString, IntegerValue, TextString, Version, Writer};
use crate::mms::header::MmsHeader;
use crate::mms::values::{
    Address, ContentLocationValue, ContentTypeValue, FromValue, MessageClassValue,
    ResponseStatusValue, ResponseTextValue, TimeValue,
};
use crate::mms::walk::HeaderWalk;

/// A header of a [`Pdu`] with its absolute offset.
///
/// For a decoded PDU the offset is where the header's name octet was found; for a PDU built
/// with [`Pdu::new`] it is where the header will be on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PduHeader<'a> {
    /// Absolute offset of the header's name octet.
    pub offset: usize,
    #[cfg_attr(feature = "serde", serde(borrow))]
    /// The header.
    pub header: MmsHeader<'a>,
}

/// An MMS PDU borrowed from its input: the headers in wire order (repeated To/Cc/Bcc keep
/// their order and duplicates), the body (present iff a Content-Type was found), any trailing
/// octets after the last header of a body-less PDU, and the diagnostics of the decode.
///
/// Encoding a decoded PDU reproduces its input byte for byte.
///
/// ```
/// use mms_pdu::assigned::MessageType;
/// use mms_pdu::codec::Encode;
/// use mms_pdu::mms::Pdu;
/// let wire = [0x8C, 0x83, 0x98, b'T', b'1', 0x00, 0x8D, 0x90, 0x95, 0x81];
/// let pdu = Pdu::decode(&wire).unwrap();
/// assert_eq!(pdu.message_type(), Some(MessageType::NOTIFYRESP_IND));
/// assert_eq!(pdu.transaction_id().unwrap().bytes, b"T1");
/// assert_eq!(pdu.encode_to_vec().unwrap(), wire);
/// ```
#[derive(Debug, Clone)]
pub struct Pdu<'a> {
    headers: Vec<PduHeader<'a>>,
    body: Option<&'a [u8]>,
    /// Absolute offset of the body (where the headers end).
    body_offset: usize,
    trailing: &'a [u8],
    diagnostics: Vec<Diagnostic>,
}

/// Two PDUs are equal when they hold the same headers in the same order, the same body and the
/// same trailing octets — wherever they sit in their buffers (offsets and the diagnostics that
/// carry them are not compared).
impl PartialEq for Pdu<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.body == other.body
            && self.trailing == other.trailing
            && self.headers.len() == other.headers.len()
            && self
                .headers
                .iter()
                .zip(&other.headers)
                .all(|(a, b)| a.header == b.header)
    }
}

impl Eq for Pdu<'_> {}

macro_rules! single_getters {
    ($( $(#[$doc:meta])* $name:ident => $variant:ident : $ty:ty; )+) => {
        $(
            $(#[$doc])*
            pub fn $name(&self) -> Option<$ty> {
                self.headers.iter().find_map(|h| match &h.header {
                    MmsHeader::$variant(v) => Some(v),
                    _ => None,
                }).cloned()
            }
        )+
    };
}

macro_rules! repeated_getters {
    ($( $(#[$doc:meta])* $name:ident => $variant:ident : $ty:ty; )+) => {
        $(
            $(#[$doc])*
            pub fn $name(&self) -> impl Iterator<Item = $ty> + '_ {
                self.headers.iter().filter_map(|h| match &h.header {
                    MmsHeader::$variant(v) => Some(v.clone()),
                    _ => None,
                })
            }
        )+
    };
}

impl<'a> Pdu<'a> {
    /// Decodes an MMS PDU leniently (see [`Pdu::decode_with`]).
    ///
    /// # Errors
    /// As [`Pdu::decode_with`].
    pub fn decode(input: &'a [u8]) -> Result<Self, DecodeError> {
        Self::decode_with(input, &DecodeOptions::new())
    }

    /// Decodes an MMS PDU.
    ///
    /// The first header must be X-Mms-Message-Type (`8C`), else the input is not an MMS PDU.
    /// Headers are read in any order; a header value that does not follow its grammar is kept
    /// raw; everything lenient is recorded in [`Pdu::diagnostics`] (an error in strict mode).
    ///
    /// ```
    /// use mms_pdu::mms::Pdu;
    /// // AOSP's crasher: a From value-length of 0x40.
    /// let err = Pdu::decode(&[0x8C, 0x82, 0x89, 0x40]).unwrap_err();
    /// assert_eq!(err.context, "From");
    /// assert!(Pdu::decode(&[]).is_err());
    /// ```
    ///
    /// # Errors
    /// [`DecodeErrorKind::NotThisKind`] when the input does not start with a message type;
    /// an error naming the field whose value's extent cannot be found (truncated text, length
    /// past the end); `TooManyHeaders`; in strict mode, the first deviation.
    pub fn decode_with(input: &'a [u8], options: &DecodeOptions) -> Result<Self, DecodeError> {
        const TYPE: &str = "X-Mms-Message-Type";
        match input {
            [] => {
                return Err(DecodeError {
                    offset: 0,
                    kind: DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 },
                    context: TYPE,
                });
            }
            [first, ..] if *first == FieldCode::MESSAGE_TYPE.wire() => {}
            _ => {
                return Err(DecodeError {
                    offset: 0,
                    kind: DecodeErrorKind::NotThisKind,
                    context: TYPE,
                });
            }
        }
        let mut walk = HeaderWalk::with_options(input, options);
        // Not sized by anything read from the input. Two thirds of the corpus PDUs have at most
        // 8 headers (a notification about 7-9), and 8 entries stay within the small-size fast
        // path of common allocators (glibc's tcache ends at 1032 octets; 16 did not fit).
        let mut headers = Vec::with_capacity(8);
        for field in walk.by_ref() {
            let field = field?;
            headers.push(PduHeader {
                offset: field.offset,
                header: field.header,
            });
        }
        match headers.first() {
            Some(PduHeader {
                header: MmsHeader::MessageType(_),
                ..
            }) => {}
            _ => {
                return Err(DecodeError {
                    offset: 1,
                    kind: DecodeErrorKind::NotThisKind,
                    context: TYPE,
                });
            }
        }
        let end = input.len() - walk.rest().len();
        let mut pdu = Pdu {
            headers,
            body: walk.body(),
            body_offset: end,
            trailing: walk.trailing(),
            diagnostics: Vec::new(),
        };
        pdu.diagnose(options.is_strict(), end)?;
        // A multipart body is checked whole (every entry, every part header, nested bodies under
        // the depth budget) so that a truncated or hostile body is an error here, not later.
        if let (Some(body), Some(true)) = (pdu.body, pdu.content_type().map(|c| c.is_multipart())) {
            let (_, diags) = crate::wsp::multipart::decode_at(body, end, options)?;
            pdu.diagnostics.extend(diags);
        }
        Ok(pdu)
    }

    /// Moves every offset this PDU reports (headers, body, diagnostics) by `by` octets: for a
    /// PDU decoded from a slice that sits at offset `by` in a larger buffer (a push body).
    #[must_use]
    pub(crate) fn rebased(mut self, by: usize) -> Self {
        for h in &mut self.headers {
            h.offset = h.offset.saturating_add(by);
        }
        for d in &mut self.diagnostics {
            d.offset = d.offset.saturating_add(by);
        }
        self.body_offset = self.body_offset.saturating_add(by);
        self
    }

    /// Records the diagnostics of a decoded PDU; `trailing_at` is the offset of the trailing
    /// octets.
    fn diagnose(&mut self, strict: bool, trailing_at: usize) -> Result<(), DecodeError> {
        let mut diags = Diagnostics::new(strict);
        let at = |offset: usize, context: &'static str, kind: DiagnosticKind| Diagnostic {
            offset,
            context,
            kind,
        };
        // Canonical order: Type, then TID (when present), then Version.
        let tid = self.position(FieldCode::TRANSACTION_ID);
        let version = self.position(FieldCode::MMS_VERSION);
        if let Some(i) = tid.filter(|&i| i != 1) {
            let offset = self.headers.get(i).map_or(0, |h| h.offset);
            diags.report(at(
                offset,
                "X-Mms-Transaction-Id",
                DiagnosticKind::OutOfOrder,
            ))?;
        }
        let expected_version = if tid == Some(1) { 2 } else { 1 };
        if let Some(i) = version.filter(|&i| i != expected_version) {
            let offset = self.headers.get(i).map_or(0, |h| h.offset);
            diags.report(at(offset, "X-Mms-MMS-Version", DiagnosticKind::OutOfOrder))?;
        }
        let message_type = self.message_type();
        if let Some(t) = message_type.filter(|t| !t.is_assigned()) {
            let _ = t;
            diags.report(at(
                1,
                "X-Mms-Message-Type",
                DiagnosticKind::UnknownMessageType,
            ))?;
        }
        for h in &self.headers {
            // Named only when something is reported: the lookup costs more than the checks.
            let context = || h.header.static_name();
            match h.header {
                MmsHeader::MmsVersion(v) if !known_version(&v) => {
                    diags.note(at(h.offset, context(), DiagnosticKind::UnknownVersion));
                }
                MmsHeader::Unparsed { error, .. } => {
                    diags.report(at(
                        h.offset,
                        context(),
                        DiagnosticKind::UnparsedValue(error),
                    ))?;
                }
                MmsHeader::Unknown { .. } => {
                    diags.note(at(h.offset, context(), DiagnosticKind::UnknownField));
                }
                MmsHeader::Application { .. } => {
                    diags.note(at(h.offset, context(), DiagnosticKind::ApplicationHeader));
                }
                MmsHeader::ContentType(_) if !message_type.is_some_and(MessageType::has_body) => {
                    diags.report(at(h.offset, context(), DiagnosticKind::UnexpectedBody))?;
                }
                _ => {}
            }
            if let Some(d) = h.header.deviation() {
                diags.report(at(h.offset, context(), DiagnosticKind::Deviation(d)))?;
            }
        }
        if !self.trailing.is_empty() {
            let count = self.trailing.len() as u64;
            diags.report(at(
                trailing_at,
                "PDU",
                DiagnosticKind::TrailingBytes { count },
            ))?;
        }
        self.diagnostics = diags.into_vec();
        Ok(())
    }

    fn position(&self, field: FieldCode) -> Option<usize> {
        self.headers
            .iter()
            .position(|h| h.header.field() == Some(field) && !h.header.is_raw())
    }

    /// A PDU from headers in the order given and an optional body (for builders). The body
    /// is written after the headers as is; it belongs after a Content-Type header.
    pub fn new(headers: Vec<MmsHeader<'a>>, body: Option<&'a [u8]>) -> Self {
        let mut offset = 0;
        let headers = headers
            .into_iter()
            .map(|header| {
                let len = header.encoded_len();
                let h = PduHeader { offset, header };
                offset += len;
                h
            })
            .collect();
        Pdu {
            headers,
            body,
            body_offset: offset,
            trailing: &[],
            diagnostics: Vec::new(),
        }
    }

    /// The headers in wire order.
    pub fn headers(&self) -> impl ExactSizeIterator<Item = &MmsHeader<'a>> + '_ {
        self.headers.iter().map(|h| &h.header)
    }

    /// The headers with their offsets.
    pub fn fields(&self) -> &[PduHeader<'a>] {
        &self.headers
    }

    /// The first header with field code `field` (typed or raw).
    pub fn get(&self, field: FieldCode) -> Option<&MmsHeader<'a>> {
        self.headers().find(|h| h.field() == Some(field))
    }

    /// Every header with field code `field`, in order.
    pub fn get_all(&self, field: FieldCode) -> impl Iterator<Item = &MmsHeader<'a>> + '_ {
        self.headers().filter(move |h| h.field() == Some(field))
    }

    /// The application (textual) headers, in order: `(name, value)`.
    pub fn application_headers(&self) -> impl Iterator<Item = (&'a [u8], &'a [u8])> + '_ {
        self.headers().filter_map(|h| match h {
            MmsHeader::Application { name, value } => Some((name.bytes, value.bytes)),
            _ => None,
        })
    }

    /// The body as a WSP multipart, when the Content-Type says it is one (decoding already
    /// checked it; this re-reads only its entry count). Offsets in its parts are absolute.
    ///
    /// # Errors
    /// Only for a PDU built by hand whose body does not start with a valid entry count.
    pub fn multipart(&self) -> Option<Result<crate::wsp::Multipart<'a>, DecodeError>> {
        let body = self.body?;
        if !self.content_type()?.is_multipart() {
            return None;
        }
        Some(crate::wsp::Multipart::parse(
            body,
            self.body_offset,
            crate::base::limits::Limits::DEFAULT,
            0,
        ))
    }

    /// The body: the octets after Content-Type (`None` when there is no Content-Type).
    pub fn body(&self) -> Option<&'a [u8]> {
        self.body
    }

    /// Octets after the last header of a body-less PDU (REFERENCE.md §11.27); kept so the PDU
    /// re-encodes exactly.
    pub fn trailing(&self) -> &'a [u8] {
        self.trailing
    }

    /// What a lenient decode accepted (empty for a PDU built with [`Pdu::new`]).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The X-Mms-MMS-Version as a Version-value.
    pub fn version(&self) -> Option<Version<'a>> {
        self.mms_version()
    }

    /// The Subject decoded to text by its charset (`options`' default charset when none).
    pub fn subject_text(&self, options: &DecodeOptions) -> Option<Cow<'a, str>> {
        self.subject()
            .map(|s| crate::text::encoded_string_text(&s, options.get_default_charset()))
    }

    /// The sender's address, when From carries one (not for Insert-address).
    pub fn from_address(&self) -> Option<Address<'a>> {
        self.from().and_then(|f| f.as_address().copied())
    }

    /// The X-Mms-Response-Status octet (plain or indexed form).
    pub fn response_status(&self) -> Option<crate::assigned::ResponseStatus> {
        self.response_status_value().map(|v| v.status())
    }

    single_getters! {
        /// X-Mms-Message-Type.
        message_type => MessageType: MessageType;
        /// X-Mms-Transaction-Id.
        transaction_id => TransactionId: TextString<'a>;
        /// X-Mms-MMS-Version (see also [`Pdu::version`]).
        mms_version => MmsVersion: Version<'a>;
        /// Subject.
        subject => Subject: EncodedString<'a>;
        /// From.
        from => From: FromValue<'a>;
        /// The first X-Mms-Content-Location.
        content_location => ContentLocation: ContentLocationValue<'a>;
        /// X-Mms-Expiry.
        expiry => Expiry: TimeValue;
        /// X-Mms-Delivery-Time.
        delivery_time => DeliveryTime: TimeValue;
        /// Date.
        date => Date: DateValue;
        /// Message-ID.
        message_id => MessageId: TextString<'a>;
        /// Content-Type.
        content_type => ContentType: ContentTypeValue<'a>;
        /// X-Mms-Response-Status with its form.
        response_status_value => ResponseStatus: ResponseStatusValue;
        /// X-Mms-Response-Text.
        response_text => ResponseText: ResponseTextValue<'a>;
        /// X-Mms-Retrieve-Status.
        retrieve_status => RetrieveStatus: RetrieveStatus;
        /// X-Mms-Retrieve-Text.
        retrieve_text => RetrieveText: EncodedString<'a>;
        /// X-Mms-Status.
        status => Status: Status;
        /// X-Mms-Message-Size.
        message_size => MessageSize: IntegerValue;
        /// X-Mms-Message-Class.
        message_class => MessageClass: MessageClassValue<'a>;
    }

    repeated_getters! {
        /// Every To address, in order.
        to => To: Address<'a>;
        /// Every Cc address, in order.
        cc => Cc: Address<'a>;
        /// Every Bcc address, in order.
        bcc => Bcc: Address<'a>;
        /// Every X-Mms-Content-Location, in order (several in view and delete PDUs).
        content_locations => ContentLocation: ContentLocationValue<'a>;
    }
}

/// MMS 1.0–1.3.
fn known_version(v: &Version<'_>) -> bool {
    v.major() == Some(1) && matches!(v.minor(), Some(0..=3))
}

impl Encode for Pdu<'_> {
    fn encoded_len(&self) -> usize {
        self.headers
            .iter()
            .map(|h| h.header.encoded_len())
            .sum::<usize>()
            + self.body.map_or(0, <[u8]>::len)
            + self.trailing.len()
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        for h in &self.headers {
            h.header.encode(w)?;
        }
        if let Some(body) = self.body {
            w.write_bytes(body)?;
        }
        w.write_bytes(self.trailing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assigned::{MessageClass, ResponseStatus, YesNo};
    use crate::base::error::Deviation;
    use crate::mms::values::{ParsedAddress, Time};
    use alloc::vec;
    use proptest::prelude::*;

    #[test]
    fn subject_with_any_charset_uses_the_callers_default() {
        // m-send-conf with Subject charset Any (0x80).
        let pdu = b"\x8C\x81\x98T\0\x8D\x90\x92\x80\x96\x05\x80O\xC3\xA9\0";
        let pdu = Pdu::decode(pdu).unwrap();
        let subject = pdu.subject().unwrap();
        assert_eq!(subject.charset().unwrap().value, 0);
        assert_eq!(subject.as_bytes(), b"O\xC3\xA9");
        assert_eq!(pdu.subject_text(&DecodeOptions::new()).unwrap(), "Oé");
    }

    /// REFERENCE.md §9.1: the m-notification-ind after the push header `01 06 03 BE AF 84`.
    const NOTIFICATION: &[u8] = b"\x8C\x82\x98T2\0\x8D\x92\
        \x89\x18\x80+15551234567/TYPE=PLMN\0\
        \x8A\x80\x8E\x02\x30\x39\x88\x05\x81\x03\x03\xF4\x80\
        \x83http://mmsc.example/m1\0";

    /// REFERENCE.md §8.4: m-send-req with a multipart.related body.
    const SEND_REQ: &[u8] = b"\x8C\x80\x98T1\0\x8D\x93\x89\x01\x81\
        \x97+15551234567/TYPE=PLMN\0\x96Hi\0\
        \x84\x18\xB3\x89application/smil\0\x8A<s>\0\
        \x02\
        \x1F\x07application/smil\0\xC0\x22<s>\0\x8Es.smil\0<smil/>\
        \x11\x05\x03\x83\x81\xEA\xC0\x22<t>\0\x8Et.txt\0Hello";

    fn exact(pdu: &Pdu<'_>, wire: &[u8]) {
        assert_eq!(pdu.encode_to_vec().unwrap(), wire);
        assert_eq!(pdu.encoded_len(), wire.len());
    }

    #[test]
    fn notification_field_by_field() {
        let pdu = Pdu::decode(NOTIFICATION).unwrap();
        assert_eq!(pdu.message_type(), Some(MessageType::NOTIFICATION_IND));
        assert_eq!(pdu.transaction_id().unwrap().bytes, b"T2");
        assert_eq!(pdu.version(), Some(Version::Short(0x12)));
        let from = pdu.from_address().unwrap();
        assert_eq!(from.parsed(), ParsedAddress::Phone(b"+15551234567"));
        assert_eq!(from.value(), b"+15551234567");
        assert_eq!(
            pdu.message_class(),
            Some(MessageClassValue::Class(MessageClass::PERSONAL))
        );
        assert_eq!(pdu.message_size().unwrap().value, 12345);
        let expiry = pdu.expiry().unwrap();
        assert!(matches!(expiry.time, Time::Relative(d) if d.value == 259_200));
        assert_eq!(
            pdu.content_location().unwrap().uri_bytes(),
            b"http://mmsc.example/m1"
        );
        assert_eq!(pdu.body(), None);
        assert!(pdu.trailing().is_empty());
        assert!(pdu.diagnostics().is_empty(), "{:?}", pdu.diagnostics());
        let offsets: Vec<usize> = pdu.fields().iter().map(|h| h.offset).collect();
        assert_eq!(offsets, [0, 2, 6, 8, 34, 36, 40, 47]);
        exact(&pdu, NOTIFICATION);
        // Strict mode accepts it too.
        Pdu::decode_with(NOTIFICATION, &DecodeOptions::new().strict(true)).unwrap();
    }

    #[test]
    fn send_req_field_by_field() {
        let pdu = Pdu::decode(SEND_REQ).unwrap();
        assert_eq!(pdu.message_type(), Some(MessageType::SEND_REQ));
        assert_eq!(pdu.transaction_id().unwrap().bytes, b"T1");
        assert_eq!(pdu.version(), Some(Version::Short(0x13)));
        assert_eq!(pdu.from(), Some(FromValue::insert_address()));
        let to: Vec<_> = pdu.to().collect();
        assert_eq!(to, [Address::new(b"+15551234567/TYPE=PLMN")]);
        assert_eq!(pdu.subject().unwrap().as_bytes(), b"Hi");
        assert_eq!(
            pdu.subject_text(&DecodeOptions::new()).as_deref(),
            Some("Hi")
        );
        let ct = pdu.content_type().unwrap();
        assert!(ct.is(crate::assigned::WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_RELATED));
        assert_eq!(ct.start(), Some(&b"<s>"[..]));
        let body = pdu.body().unwrap();
        assert_eq!(body[0], 0x02);
        assert!(body.ends_with(b"Hello"));
        assert!(pdu.diagnostics().is_empty(), "{:?}", pdu.diagnostics());
        exact(&pdu, SEND_REQ);
    }

    #[test]
    fn every_prefix_fails_cleanly_or_decodes_fewer_headers() {
        for wire in [NOTIFICATION, SEND_REQ] {
            let full = Pdu::decode(wire).unwrap();
            for n in 0..wire.len() {
                let prefix = &wire[..n];
                match Pdu::decode(prefix) {
                    Ok(pdu) => {
                        exact(&pdu, prefix);
                        let cut_in_body = pdu.body().is_some();
                        assert!(
                            cut_in_body || pdu.headers().len() < full.headers().len(),
                            "prefix {n}"
                        );
                    }
                    Err(e) => assert!(e.offset <= n, "prefix {n}: {e}"),
                }
            }
        }
    }

    #[test]
    fn not_an_mms_pdu() {
        for bad in [
            &[][..],
            &[0x8C],
            &[0x00],
            &[0x8D, 0x90],
            &[0x8C, 0x05, 0x80, 0x80],
        ] {
            let e = Pdu::decode(bad).unwrap_err();
            assert_eq!(e.context, "X-Mms-Message-Type", "{bad:?}: {e}");
        }
        let e = Pdu::decode(&[0x8C, 0x82, 0x89, 0x40]).unwrap_err();
        assert_eq!(e.context, "From");
        assert_eq!(e.offset, 3);
    }

    #[test]
    fn lenient_quirks_are_diagnosed() {
        // TID after the version, an unparsed Delivery-Report, an application header, an
        // unknown field, trailing 00 00 (REFERENCE.md §11.17, §11.25, §11.27).
        let wire = b"\x8C\x86\x8D\x90\x98T\0\x86yes\0Return-Path\0<a@b>\0\xC5\x80\x81\0\0\0";
        let pdu = Pdu::decode(wire).unwrap();
        exact(&pdu, wire);
        let kinds: Vec<_> = pdu.diagnostics().iter().map(|d| d.kind).collect();
        assert!(kinds.contains(&DiagnosticKind::OutOfOrder));
        assert!(
            kinds
                .iter()
                .any(|k| matches!(k, DiagnosticKind::UnparsedValue(_)))
        );
        assert!(kinds.contains(&DiagnosticKind::ApplicationHeader));
        assert!(kinds.contains(&DiagnosticKind::UnknownField));
        assert!(kinds.contains(&DiagnosticKind::TrailingBytes { count: 2 }));
        assert_eq!(pdu.trailing(), b"\0\0");
        // Empty Bcc is a header; the two zeros after it are trailing.
        assert!(pdu.bcc().any(|a| a.as_bytes().is_empty()));
        assert_eq!(
            pdu.application_headers().collect::<Vec<_>>(),
            [(&b"Return-Path"[..], &b"<a@b>"[..])]
        );
        assert!(Pdu::decode_with(wire, &DecodeOptions::new().strict(true)).is_err());
    }

    #[test]
    fn body_in_bodyless_type_and_deviations() {
        let wire = b"\x8C\x81\x98T\0\x8D\x90\x92\x80\x84\xA3";
        let pdu = Pdu::decode(wire).unwrap();
        assert_eq!(pdu.response_status(), Some(ResponseStatus::OK));
        assert!(
            pdu.diagnostics()
                .iter()
                .any(|d| d.kind == DiagnosticKind::UnexpectedBody)
        );
        assert_eq!(pdu.body(), Some(&[][..]));
        exact(&pdu, wire);
        // A needless Quote before ASCII (Jolla InvalidSubject) is a deviation.
        let wire = b"\x8C\x84\x8D\x92\x96\x0F\xEA\x7F=?utf-8?B??=\0\x84\x83x";
        let pdu = Pdu::decode(wire).unwrap();
        assert!(
            pdu.diagnostics()
                .iter()
                .any(|d| d.kind == DiagnosticKind::Deviation(Deviation::NeedlessQuote))
        );
        exact(&pdu, wire);
        // Charset as a Long-integer is not a deviation; version 1.5 is noted.
        let wire = b"\x8C\x84\x8D\x95\x96\x05\x01\x6AHi\0\x84\x83";
        let pdu = Pdu::decode(wire).unwrap();
        let kinds: Vec<_> = pdu.diagnostics().iter().map(|d| d.kind).collect();
        assert_eq!(kinds, [DiagnosticKind::UnknownVersion], "{kinds:?}");
        exact(&pdu, wire);
    }

    #[test]
    fn indexed_forms_in_delete_conf() {
        let wire = b"\x8C\x95\x98T\0\x8D\x93\x83\x05\x80abc\0\x92\x02\x80\xE4\x93\x04\x80no\0";
        let pdu = Pdu::decode(wire).unwrap();
        assert!(pdu.diagnostics().is_empty(), "{:?}", pdu.diagnostics());
        assert!(matches!(
            pdu.content_location(),
            Some(ContentLocationValue::Indexed { index, .. }) if index.value == 0
        ));
        assert!(matches!(
            pdu.response_text(),
            Some(ResponseTextValue::Indexed { .. })
        ));
        assert_eq!(
            pdu.response_status(),
            Some(ResponseStatus::ERROR_PERMANENT_MESSAGE_NOT_FOUND)
        );
        exact(&pdu, wire);
    }

    #[test]
    fn get_and_get_all_keep_order_and_duplicates() {
        let wire = b"\x8C\x80\x98T\0\x8D\x90\x97a\0\x82c\0\x97b\0\x97a\0";
        let pdu = Pdu::decode(wire).unwrap();
        let to: Vec<_> = pdu.to().map(|a| a.as_bytes()).collect();
        assert_eq!(to, [&b"a"[..], b"b", b"a"]);
        assert_eq!(pdu.get_all(FieldCode::TO).count(), 3);
        assert!(matches!(pdu.get(FieldCode::CC), Some(MmsHeader::Cc(_))));
        assert_eq!(pdu.get(FieldCode::BCC), None);
    }

    #[test]
    fn built_pdu_is_canonical() {
        let pdu = Pdu::new(
            vec![
                MmsHeader::MessageType(MessageType::NOTIFYRESP_IND),
                MmsHeader::TransactionId(TextString::new(b"T1")),
                MmsHeader::MmsVersion(Version::new(1, Some(2))),
                MmsHeader::Status(Status::RETRIEVED),
                MmsHeader::ReportAllowed(YesNo::NO),
            ],
            None,
        );
        let wire = pdu.encode_to_vec().unwrap();
        assert_eq!(wire, b"\x8C\x83\x98T1\0\x8D\x92\x95\x81\x91\x81");
        assert_eq!(pdu.fields()[3].offset, 8);
        let back = Pdu::decode(&wire).unwrap();
        assert_eq!(back, pdu);
    }

    fn arb_text() -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec(0x20u8..=0xFF, 0..12)
    }

    /// A header built by canonical constructors, chosen by `kind`.
    fn make_header(kind: usize, t: &[u8], v: u64, b: u8) -> MmsHeader<'_> {
        use crate::mms::values::{MboxTotals, MmFlags, PreviouslySentBy, PreviouslySentDate};
        match kind % 16 {
            0 => MmsHeader::To(Address::new(t)),
            1 => MmsHeader::Cc(Address::with_mibenum(v % 3000, t)),
            2 => MmsHeader::Subject(EncodedString::plain(t)),
            3 => MmsHeader::MessageId(TextString::new(t)),
            4 => MmsHeader::From(FromValue::address(Address::new(t))),
            5 => MmsHeader::From(FromValue::insert_address()),
            6 => MmsHeader::Expiry(TimeValue::relative(v)),
            7 => MmsHeader::DeliveryTime(TimeValue::absolute(v)),
            8 => MmsHeader::Date(DateValue::new(v)),
            9 => MmsHeader::MessageSize(IntegerValue::new(v)),
            10 => MmsHeader::Priority(crate::assigned::Priority(b | 0x80)),
            11 => MmsHeader::Attributes(FieldCode(b & 0x3F)),
            12 => MmsHeader::ContentLocation(ContentLocationValue::uri(t)),
            13 => MmsHeader::PreviouslySentDate(PreviouslySentDate::new(v, v / 3)),
            14 => MmsHeader::MboxTotals(MboxTotals::new(
                crate::assigned::MboxTotalsToken::SIZE_TOTAL,
                v,
            )),
            15 if b % 2 == 0 => {
                MmsHeader::MmFlags(MmFlags::new(crate::assigned::MmFlagsToken::ADD, t))
            }
            _ => MmsHeader::PreviouslySentBy(PreviouslySentBy::new(v, Address::new(t))),
        }
    }

    proptest! {
        #[test]
        fn any_input_starting_with_8c_errors_or_round_trips(
            tail in proptest::collection::vec(any::<u8>(), 0..64)
        ) {
            let mut wire = vec![0x8C];
            wire.extend_from_slice(&tail);
            if let Ok(pdu) = Pdu::decode(&wire) {
                prop_assert_eq!(pdu.encode_to_vec().unwrap(), wire.clone());
                prop_assert_eq!(pdu.encoded_len(), wire.len());
            }
        }

        #[test]
        fn built_headers_round_trip(
            texts in proptest::collection::vec(arb_text(), 1..8),
            picks in proptest::collection::vec(
                (any::<usize>(), any::<prop::sample::Index>(), any::<u64>(), any::<u8>()),
                1..10,
            ),
        ) {
            let mut headers = vec![
                MmsHeader::MessageType(MessageType::SEND_REQ),
                MmsHeader::TransactionId(TextString::new(b"t")),
                MmsHeader::MmsVersion(Version::new(1, Some(3))),
            ];
            for (kind, i, v, b) in &picks {
                headers.push(make_header(*kind, &texts[i.index(texts.len())], *v, *b));
            }
            let pdu = Pdu::new(headers, None);
            let wire = pdu.encode_to_vec().unwrap();
            prop_assert_eq!(pdu.encoded_len(), wire.len());
            let back = Pdu::decode(&wire).unwrap();
            prop_assert_eq!(back.headers().cloned().collect::<Vec<_>>(),
                pdu.headers().cloned().collect::<Vec<_>>());
            prop_assert!(back.diagnostics().is_empty(), "{:?}", back.diagnostics());
        }
    }
}
