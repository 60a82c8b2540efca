//! The front door: decode whatever arrived — a bare MMS PDU or a WSP push carrying one.

use alloc::vec::Vec;

use crate::codec::{Encode, Writer};
use crate::diag::{Diagnostic, Diagnostics};
use crate::error::{DecodeError, EncodeError};
use crate::mms::Pdu;
use crate::options::DecodeOptions;
use crate::wsp::Push;

/// The first octet of every MMS PDU: the X-Mms-Message-Type field name.
pub const MMS_PDU_START: u8 = 0x8C;

/// A decoded input.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(clippy::large_enum_variant)] // Both variants are used by value, once per input.
pub enum Message<'a> {
    /// A bare MMS PDU (an HTTP body: m-retrieve-conf, m-send-req, ...).
    Pdu(Pdu<'a>),
    /// A connectionless WSP push (the user data of WAP push SMS).
    Push(PushMessage<'a>),
}

/// A WSP push and, when its content type is `application/vnd.wap.mms-message`, the MMS PDU it
/// carries (normally an m-notification-ind).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushMessage<'a> {
    /// The push itself.
    pub push: Push<'a>,
    /// The MMS PDU in its body (`None` for a push that is not MMS: SI, SL, DRM, provisioning).
    pub pdu: Option<Pdu<'a>>,
    /// Deviations accepted while decoding the push layer (the inner PDU has its own).
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Message<'a> {
    /// The MMS PDU, bare or carried in a push.
    pub fn pdu(&self) -> Option<&Pdu<'a>> {
        match self {
            Message::Pdu(p) => Some(p),
            Message::Push(p) => p.pdu.as_ref(),
        }
    }
}

/// Decodes `input` as a bare MMS PDU when it starts with `0x8C` (X-Mms-Message-Type), and as a
/// connectionless WSP push otherwise, with default (lenient) options.
///
/// ```
/// use mms_pdu::{decode, Message};
/// let push = include_bytes!("../samples/push-notification.wsp");
/// let Message::Push(p) = decode(push)? else { unreachable!() };
/// assert!(p.push.is_mms());
/// assert_eq!(p.pdu.unwrap().message_size().unwrap().value, 12345);
/// # Ok::<(), mms_pdu::DecodeError>(())
/// ```
///
/// # Errors
/// The [`DecodeError`] of the layer that failed; offsets count from the start of `input`.
pub fn decode(input: &[u8]) -> Result<Message<'_>, DecodeError> {
    decode_with(input, &DecodeOptions::default())
}

/// [`decode`] with options.
///
/// # Errors
/// As [`decode`].
pub fn decode_with<'a>(
    input: &'a [u8],
    options: &DecodeOptions,
) -> Result<Message<'a>, DecodeError> {
    if input.first() == Some(&MMS_PDU_START) {
        return Pdu::decode_with(input, options).map(Message::Pdu);
    }
    let mut diags = Diagnostics::new(options.is_strict());
    let push = Push::decode_with(input, options, &mut diags)?;
    let pdu = push.mms_pdu(options).transpose()?;
    Ok(Message::Push(PushMessage {
        push,
        pdu,
        diagnostics: diags.into_vec(),
    }))
}

impl Encode for Message<'_> {
    fn encoded_len(&self) -> usize {
        match self {
            Message::Pdu(p) => p.encoded_len(),
            Message::Push(p) => p.push.encoded_len(),
        }
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            Message::Pdu(p) => p.encode(w),
            Message::Push(p) => p.push.encode(w),
        }
    }
}
