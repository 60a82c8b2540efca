//! The front door: decode whatever arrived — a bare MMS PDU or a WSP push carrying one — and
//! the glue of MMS over WSP push, which the WSP layer does not know:
//! - `push`: the [`Push`] decoding entry points (their HeadersLen repairs look for the MMS
//!   PDU), [`pushed_pdu`], and the checks of a pushed notification;
//! - `sms`: from the SMS segments of one push to the push and its notification
//!   ([`decode_segments`], [`push_from_sms`], [`notification_from_sms`], [`SmsPushError`]);
//! - `detect`: what an MMS PDU starts with, and inputs whose top bits were cleared
//!   ([`is_seven_bit_mangled_push`]).

use alloc::vec::Vec;

use crate::assigned::MessageType;
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::error::{DecodeError, DecodeErrorKind, EncodeError};
use crate::base::options::DecodeOptions;
use crate::codec::{Encode, Writer};
use crate::mms::Pdu;
use crate::sms::{Framing, classify};
use crate::wsp::Push;

mod detect;
mod owned;
mod partial;
mod push;
mod sms;

pub use detect::is_seven_bit_mangled_push;
pub use owned::OwnedPush;
pub use partial::{PartialMessage, decode_partial};
pub use push::pushed_pdu;
pub use sms::{SmsPushError, decode_segments, notification_from_sms, push_from_sms};

use detect::{opens_mms_pdu, top_bits_cleared};
use push::missing_mandatory;

/// A decoded input: what [`decode`] makes of an HTTP body (a bare PDU) or of SMS user data
/// (a WSP push).
///
/// ```
/// use mms_pdu::prelude::*;
/// for wire in [
///     &include_bytes!("../../samples/m-retrieve-conf.mms")[..],
///     &include_bytes!("../../samples/push-notification.wsp")[..],
/// ] {
///     let message = decode(wire)?;
///     let kind = match &message {
///         Message::Pdu(_) => "bare PDU",
///         Message::Push(p) if p.push.is_mms() => "MMS push",
///         Message::Push(_) => "other push",
///     };
///     let pdu = message.pdu().expect("both carry a PDU");
///     println!("{kind}: {:?}", pdu.message_type());
///     assert_eq!(message.encode_to_vec()?, wire); // byte for byte
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(clippy::large_enum_variant)] // Both variants are used by value, once per input.
pub enum Message<'a> {
    /// A bare MMS PDU (an HTTP body: m-retrieve-conf, m-send-req, ...).
    Pdu(Pdu<'a>),
    /// A connectionless WSP push (the user data of WAP push SMS).
    Push(PushMessage<'a>),
}

/// A WSP push and, when its content type is `application/vnd.wap.mms-message`, the MMS PDU it
/// carries (normally an m-notification-ind). Decode one with [`PushMessage::decode`] or
/// [`decode`]; keep one past its buffer as an [`OwnedPush`].
///
/// ```
/// use mms_pdu::prelude::*;
/// let wire = include_bytes!("../../samples/push-notification.wsp");
/// let pushed = PushMessage::decode(wire)?;
/// assert_eq!(pushed.push.tid(), Some(1));
/// assert!(pushed.push.application_id().is_some_and(|id| id.is_mms_ua()));
/// let notification = NotificationInd::try_from(pushed.pdu.as_ref().unwrap())?;
/// assert_eq!(notification.message_size().unwrap().value, 12345);
/// // Deviations of the push layer, and the fields a cut-short notification lacks.
/// assert!(pushed.diagnostics.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushMessage<'a> {
    /// The push itself.
    pub push: Push<'a>,
    /// The MMS PDU in its body (`None` for a push that is not MMS: SI, SL, DRM, provisioning).
    pub pdu: Option<Pdu<'a>>,
    /// Deviations accepted while decoding the push layer (the inner PDU has its own).
    pub diagnostics: Vec<Diagnostic>,
    /// The SMS framing the push was found in, when the input still had it: SMS user data
    /// with its header (ports, concatenation) or a whole SMS-DELIVER TPDU (SMSC address,
    /// originator, PID, DCS, time stamp, user data header). Never [`Framing::Unframed`]: a
    /// bare push has `None`. The push's offsets count from the start of the framed input.
    pub framing: Option<Framing<'a>>,
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

/// Decodes `input` as a bare MMS PDU or as a connectionless WSP push, with default (lenient)
/// options.
///
/// The input is a bare MMS PDU when it starts with `0x8C` (X-Mms-Message-Type, the first
/// header of every PDU by OMA-TS-MMS_ENC-V1_3 §7), or when it starts with another assigned
/// MMS field name (`0x81`–`0xBF`), its second octet is not a push's PDU type (`0x06` Push,
/// `0x07` ConfirmedPush, WAP-230-WSP §8.2.1), and a typed X-Mms-Message-Type follows in the
/// header block before Content-Type (some MMSCs' fixtures put From, Content-Location or
/// Message-ID first; such a PDU decodes with a
/// [`MessageTypeNotFirst`](crate::DiagnosticKind::MessageTypeNotFirst) diagnostic, and strict
/// mode refuses it). Anything else is read as a push: TID, PDU type, headers. A push whose TID
/// happens to be a field name octet still has `0x06`/`0x07` second, so it stays a push.
///
/// ```
/// use mms_pdu::{decode, DiagnosticKind, Message};
/// // Message-ID before X-Mms-Message-Type.
/// let pdu = b"\x8BM1\0\x8C\x86\x8D\x92\x98T1\0\x95\x80";
/// let Message::Pdu(p) = decode(pdu)? else { unreachable!() };
/// assert_eq!(p.diagnostics()[0].kind, DiagnosticKind::MessageTypeNotFirst);
/// # Ok::<(), mms_pdu::DecodeError>(())
/// ```
///
/// A push may still have its SMS framing, as modems hand it over; [`sms::classify`] decides,
/// and the framing is kept in [`PushMessage::framing`] (re-encoding writes it back):
/// - a whole SMS-DELIVER TPDU with its SMSC address field first (a modem's PDU mode): it must
///   decode completely — SMSC length at most 11 with a type of address whose bit 7 is set,
///   TP-MTI 0, and a TP-UDL that ends exactly at the end of the input — and carry 8-bit
///   uncompressed user data with a header addressing WAP push;
/// - SMS user data with its header: a well-formed user data header (UDHL first) whose
///   application ports address WAP push (destination 2948 or 2949), e.g.
///   `06 05 04 0B 84 23 F0` then the push.
///
/// A bare push cannot be taken for either: its second octet is the PDU type `06`, which is
/// neither a type of address (bit 7 clear) after a TID of 11 or less, nor an SMS-DELIVER's
/// first octet after a TID of 0 (TP-MTI 2); and a TID followed by `06` would have to be
/// followed by a whole header element addressing port 2948 to read as user data. A bare MMS
/// PDU starts with `8C`, which is decided first. One segment of a push sent in several SMS is
/// refused with [`DecodeErrorKind::SmsSegment`] (segment i of n): join the segments with
/// [`decode_segments`].
///
/// [`sms::classify`]: crate::sms::classify
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
/// Framed, the push behind the header decodes with its offsets counted from the start of the
/// SMS as well:
///
/// ```
/// use mms_pdu::codec::Encode;
/// use mms_pdu::{decode, Message};
/// let push = include_bytes!("../../samples/push-notification.wsp");
/// let mut sms = vec![0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0];
/// sms.extend_from_slice(push);
/// let message = decode(&sms)?;
/// let Message::Push(p) = &message else { unreachable!() };
/// assert_eq!(p.framing.unwrap().header().unwrap().ports().unwrap().destination, 2948);
/// assert_eq!(p.push.body_offset(), 7 + 6);
/// assert_eq!(message.encode_to_vec().unwrap(), sms);
/// # Ok::<(), mms_pdu::DecodeError>(())
/// ```
///
/// # Errors
/// The [`DecodeError`] of the layer that failed; offsets count from the start of `input`.
/// A framed input that does not carry a whole push: `SmsSegment` for one segment of several,
/// `NotThisKind` for an SMS-DELIVER that is not 8-bit data for WAP push (at its `TP-DCS`,
/// `TP-UDHI` or `application port`).
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
        return Pdu::decode_at_as(input, 0, options, Message::Pdu);
    }
    if input.is_empty() {
        // Not a push without a TID either: say what was expected, not which push field.
        return Err(DecodeError {
            offset: 0,
            kind: DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 },
            context: "MMS PDU or WSP push",
        });
    }
    let (push, base, framing) = unframed(input)?;
    push_message_as(push, base, framing, options, Message::Push)
}

/// The push in `input` ([`sms::classify`](crate::sms::classify)): the input itself, or what
/// follows its SMS framing, with the offset it starts at and the framing.
///
/// # Errors
/// What [`Framing::push`] refuses (one segment of several).
pub(crate) fn unframed(input: &[u8]) -> Result<(&[u8], usize, Option<Framing<'_>>), DecodeError> {
    match classify(input) {
        Framing::Unframed(_) => Ok((input, 0, None)),
        framing => Ok((framing.push()?, framing.payload_offset(), Some(framing))),
    }
}

/// Decodes the push `input`, found `base` octets into what the caller holds (behind
/// `framing`), and the MMS PDU it carries, with offsets counted from the start of that.
pub(crate) fn push_message<'a>(
    input: &'a [u8],
    base: usize,
    framing: Option<Framing<'a>>,
    options: &DecodeOptions,
) -> Result<PushMessage<'a>, DecodeError> {
    push_message_as(input, base, framing, options, core::convert::identity)
}

/// [`push_message`], the message handed to `wrap`: built where its wrapper goes rather than
/// moved there (`decode_with` wraps it in a `Message`: an 88-instruction `memcpy` of its 536
/// octets per decode otherwise).
#[inline(always)]
fn push_message_as<'a, T>(
    input: &'a [u8],
    base: usize,
    framing: Option<Framing<'a>>,
    options: &DecodeOptions,
    wrap: impl FnOnce(PushMessage<'a>) -> T,
) -> Result<T, DecodeError> {
    if top_bits_cleared(input) {
        return Err(DecodeError {
            offset: base,
            kind: DecodeErrorKind::TopBitsCleared,
            context: "input",
        });
    }
    let mut diags = Diagnostics::new(options.is_strict());
    let push = Push::decode_reporting(input, base, options, &mut diags)?;
    // Matched rather than `transpose`d: each step moves the 232-octet `Pdu` once more.
    let pdu = match pushed_pdu(&push, options) {
        Some(decoded) => Some(decoded?),
        None => None,
    };
    if let Some(pdu) = pdu
        .as_ref()
        .filter(|p| p.message_type() == Some(MessageType::NOTIFICATION_IND))
    {
        for d in missing_mandatory(pdu) {
            diags.report(d)?;
        }
    }
    Ok(wrap(PushMessage {
        push,
        pdu,
        diagnostics: diags.into_vec(),
        framing,
    }))
}

impl Encode for Message<'_> {
    fn encoded_len(&self) -> usize {
        match self {
            Message::Pdu(p) => p.encoded_len(),
            Message::Push(p) => p.framing.map_or(0, |f| f.payload_offset()) + p.push.encoded_len(),
        }
    }

    /// A push found in an SMS framing is written back in it: the framing up to the push, then
    /// the push.
    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            Message::Pdu(p) => p.encode(w),
            Message::Push(p) => {
                if let Some(f) = &p.framing {
                    f.encode_prefix(w)?;
                }
                p.push.encode(w)
            }
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
