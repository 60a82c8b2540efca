//! The push an MMSC sends, built without an intermediate buffer.

use crate::assigned::{ApplicationId, PduType, WellKnownHeader, WellKnownMedia};
use crate::base::error::EncodeError;
use crate::codec::{Encode, IntegerValue, Uintvar, Writer};

/// A well-known code as a Short-integer octet (`code | 0x80`); the codes used here are checked
/// below to fit its 7 bits.
const fn short(code: u32) -> u8 {
    let [low, ..] = code.to_le_bytes();
    low | 0x80
}

const _: () = assert!(
    WellKnownMedia::APPLICATION_VND_WAP_MMS_MESSAGE.get() < 0x80
        && ApplicationId::MMS_UA.get() < 0x80
);

/// `application/vnd.wap.mms-message` as a Short-integer (`BE`).
const MMS_MEDIA_SHORT: u8 = short(WellKnownMedia::APPLICATION_VND_WAP_MMS_MESSAGE.get());
/// X-Wap-Application-Id `x-wap-application:mms.ua` as a Short-integer (`84`).
const MMS_UA_SHORT: u8 = short(ApplicationId::MMS_UA.get());
/// The wire octet of X-Wap-Application-Id (`AF`).
const APPLICATION_ID_FIELD: u8 = short(WellKnownHeader::X_WAP_APPLICATION_ID.get() as u32);
/// The wire octet of Push-Flag (`B4`).
const PUSH_FLAG_FIELD: u8 = short(WellKnownHeader::PUSH_FLAG.get() as u32);
/// The wire octet of Content-Length (`8D`).
const CONTENT_LENGTH_FIELD: u8 = short(WellKnownHeader::CONTENT_LENGTH.get() as u32);

/// Builds the push an MMSC sends: an m-notification-ind, m-delivery-ind or m-read-orig-ind
/// (WAP-230-WSP §8.2.4.1; any body is accepted) with content type `application/vnd.wap.mms-message`
/// (`BE`) and `X-Wap-Application-Id: x-wap-application:mms.ua` (`AF 84`). It encodes directly,
/// without an intermediate buffer, from encoded bytes ([`PushBuilder::new`]) or from any value
/// that encodes as the body, such as a PDU ([`PushBuilder::pdu`]).
///
/// ```
/// use mms_pdu::codec::Encode;
/// use mms_pdu::wsp::{Push, PushBuilder};
/// use mms_pdu::DecodeOptions;
/// let notification = [0x8C, 0x82, 0x98, 0x41, 0x00, 0x8D, 0x92];
/// let bytes = PushBuilder::new(&notification).tid(1).encode_to_vec().unwrap();
/// assert_eq!(bytes[..6], [0x01, 0x06, 0x03, 0xBE, 0xAF, 0x84]);
/// let push = Push::decode_with(&bytes, &DecodeOptions::new()).unwrap();
/// assert_eq!(push.mms_body(), Some(&notification[..]));
/// ```
#[derive(Debug, PartialEq, Eq)]
pub struct PushBuilder<'a, B: ?Sized = [u8]> {
    tid: Option<u8>,
    push_flag: Option<u8>,
    content_length: bool,
    body: &'a B,
}

// By hand: the derives would ask `B: Clone`, which `[u8]` is not; only the reference is copied.
impl<B: ?Sized> Clone for PushBuilder<'_, B> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<B: ?Sized> Copy for PushBuilder<'_, B> {}

impl<'a> PushBuilder<'a> {
    /// A push of `mms_pdu` (an encoded MMS PDU) with TID 0, no Push-Flag, no Content-Length.
    pub const fn new(mms_pdu: &'a [u8]) -> Self {
        PushBuilder::pdu(mms_pdu)
    }
}

impl<'a, B: Encode + ?Sized> PushBuilder<'a, B> {
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
    pub const fn pdu(pdu: &'a B) -> Self {
        PushBuilder {
            tid: Some(0),
            push_flag: None,
            content_length: false,
            body: pdu,
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

impl<B: Encode + ?Sized> Encode for PushBuilder<'_, B> {
    fn encoded_len(&self) -> usize {
        let body_len = self.body.encoded_len();
        let hl = self.headers_len(body_len);
        usize::from(self.tid.is_some())
            + 1
            + Uintvar::minimal_len(u32::try_from(hl).unwrap_or(u32::MAX))
            + hl
            + body_len
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        let body_len = self.body.encoded_len();
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
        self.body.encode(w)
    }
}
