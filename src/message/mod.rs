//! The front door: decode whatever arrived — a bare MMS PDU or a WSP push carrying one — and
//! the glue of MMS over WSP push, which the WSP layer does not know:
//! - `push`: the [`Push`] decoding entry points (their HeadersLen repairs look for the MMS
//!   PDU), [`pushed_pdu`], and the checks of a pushed notification;
//! - `sms`: from the SMS segments of one push to the push and its notification
//!   ([`push_from_sms`], [`notification_from_sms`], [`SmsPushError`]);
//! - `detect`: what an MMS PDU starts with, and inputs whose top bits were cleared
//!   ([`is_seven_bit_mangled_push`]).

use alloc::vec::Vec;

use crate::assigned::MessageType;
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::error::{DecodeError, DecodeErrorKind, EncodeError};
use crate::base::options::DecodeOptions;
use crate::codec::{Encode, Writer};
use crate::mms::Pdu;
use crate::wsp::Push;

mod detect;
mod partial;
mod push;
mod sms;

pub use detect::is_seven_bit_mangled_push;
pub use partial::{PartialMessage, decode_partial};
pub use push::pushed_pdu;
pub use sms::{SmsPushError, notification_from_sms, push_from_sms};

use detect::{opens_mms_pdu, top_bits_cleared};
use push::missing_mandatory;

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
/// let push = include_bytes!("../../samples/push-notification.wsp");
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
    if opens_mms_pdu(input) {
        return Pdu::decode_with(input, options).map(Message::Pdu);
    }
    if input.is_empty() {
        // Not a push without a TID either: say what was expected, not which push field.
        return Err(DecodeError {
            offset: 0,
            kind: DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 },
            context: "MMS PDU or WSP push",
        });
    }
    if top_bits_cleared(input) {
        return Err(DecodeError {
            offset: 0,
            kind: DecodeErrorKind::TopBitsCleared,
            context: "input",
        });
    }
    let mut diags = Diagnostics::new(options.is_strict());
    let push = Push::decode_with(input, options, &mut diags)?;
    let pdu = pushed_pdu(&push, options).transpose()?;
    if let Some(pdu) = pdu
        .as_ref()
        .filter(|p| p.message_type() == Some(MessageType::NOTIFICATION_IND))
    {
        for d in missing_mandatory(pdu) {
            diags.report(d)?;
        }
    }
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

#[cfg(test)]
mod tests {

    use super::*;
    use crate::base::diag::DiagnosticKind;

    const PUSH: &[u8] = include_bytes!("../../samples/push-notification.wsp");

    fn clear_top_bits(bytes: &[u8]) -> Vec<u8> {
        bytes.iter().map(|b| b & 0x7F).collect()
    }

    #[test]
    fn a_push_or_pdu_that_lost_its_top_bits_is_refused_as_such() {
        let err = decode(&clear_top_bits(PUSH)).unwrap_err();
        assert_eq!((err.kind, err.offset), (DecodeErrorKind::TopBitsCleared, 0));
        assert!(err.to_string().contains("7-bit"));
        let err = decode(&clear_top_bits(&PUSH[6..])).unwrap_err();
        assert_eq!(err.kind, DecodeErrorKind::TopBitsCleared);
        // Plain ASCII that is neither is not reported as mangled.
        assert_ne!(
            decode(b"hello world").unwrap_err().kind,
            DecodeErrorKind::TopBitsCleared
        );
    }

    #[test]
    fn a_pushed_notification_cut_on_a_header_boundary_names_what_is_missing() {
        // The sample notification push without its last header (X-Mms-Content-Location, at
        // offset 53).
        let cut = &PUSH[..53];
        let Message::Push(p) = decode(cut).unwrap() else {
            panic!("a push")
        };
        let missing: Vec<_> = p
            .diagnostics
            .iter()
            .filter(|d| d.kind == DiagnosticKind::MissingMandatory)
            .map(|d| d.context)
            .collect();
        assert_eq!(missing, ["X-Mms-Content-Location"]);
        let strict = decode_with(cut, &DecodeOptions::new().strict(true)).unwrap_err();
        assert_eq!(strict.kind, DecodeErrorKind::MissingField);
        assert_eq!(strict.context, "X-Mms-Content-Location");
        // The whole push has no diagnostics.
        let Message::Push(p) = decode(PUSH).unwrap() else {
            panic!("a push")
        };
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    }
}
