//! From the SMS that carry a push to the push and its m-notification-ind, with an error that
//! says what arrived instead of one complete notification. The segments are joined by
//! [`join_segments`], the crate's one batch reassembly.

use alloc::vec::Vec;
use core::fmt;

use crate::assigned::MessageType;
use crate::base::diag::DiagnosticKind;
use crate::base::error::{DecodeError, Deviation};
use crate::base::options::DecodeOptions;
use crate::message::PushMessage;
use crate::message::detect::is_seven_bit_mangled_push;
use crate::message::push::{missing_mandatory, pushed_pdu};
use crate::mms::Pdu;
use crate::sms::{JoinError, ReassemblyLimits, join_segments};
use crate::wsp::Push;

/// Why [`push_from_sms`] or [`notification_from_sms`] failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SmsPushError {
    /// The inputs do not join into pushes ([`join_segments`]): an input that is neither an
    /// SMS-DELIVER nor user data addressed to the WAP push port, an SMS-DELIVER that does not
    /// carry a push, a segment the reassembler refuses (a conflicting duplicate, say), or
    /// missing segments (by number).
    #[error(transparent)]
    Join(#[from] JoinError),
    /// The inputs join into this many whole pushes, not one: none were given, or segments of
    /// several messages (or unsegmented SMS next to others).
    #[error("the SMS carry {count} pushes, not one")]
    PushCount {
        /// How many whole pushes the inputs gave.
        count: usize,
    },
    /// The push has no octet of 0x80 or above but looks like an MMS push: an SMSC cleared the
    /// top bit of every octet (`8C 82` arrived as `0C 02`); the original cannot be recovered.
    /// See [`is_seven_bit_mangled_push`].
    #[error("WAP push lost the top bit of every octet (7-bit SMSC mapping): unrecoverable")]
    SevenBitMangled,
    /// The reassembled push does not decode (offset within the reassembled push). From
    /// [`decode_segments`], also an MMS PDU in it that does not decode.
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
    /// The m-notification-ind ends inside this field: its text runs to the end of the PDU without
    /// its NUL (accepted in a bare PDU, as AOSP and Symbian read it; in a push it is the mark of a
    /// truncated concatenation).
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

/// How many segments a batch of SMS inputs may announce: all a concatenation element can say.
const BATCH_LIMITS: ReassemblyLimits = ReassemblyLimits {
    max_segments: u8::MAX,
    ..ReassemblyLimits::DEFAULT
};

/// Joins the SMS inputs of one push into `buf` ([`join_segments`]) and refuses a push whose
/// octets lost their top bit.
fn join_one(inputs: &[&[u8]], buf: &mut Vec<u8>) -> Result<(), SmsPushError> {
    let mut pushes = join_segments(inputs.iter().copied(), BATCH_LIMITS)?;
    let count = pushes.len();
    match pushes.pop() {
        Some(push) if count == 1 => *buf = push,
        _ => return Err(SmsPushError::PushCount { count }),
    }
    if is_seven_bit_mangled_push(buf) {
        return Err(SmsPushError::SevenBitMangled);
    }
    Ok(())
}

/// Joins the SMS that carry one push — each an SMS-DELIVER TPDU as a modem prints it or SMS
/// user data with its header, in any order; exact duplicates are ignored — into `buf`
/// ([`join_segments`]) and decodes the push from `buf`. The inner MMS PDU is [`pushed_pdu`];
/// [`decode_segments`] decodes both layers as [`decode`](crate::decode) does, and
/// [`notification_from_sms`] does the whole job for a notification.
///
/// ```
/// use mms_pdu::sms::{segment_to_vecs, SegmentOptions};
/// use mms_pdu::message::push_from_sms;
/// use mms_pdu::wsp::PushBuilder;
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
/// [`SmsPushError`]: [`SmsPushError::Join`] for an input that is not SMS addressed to WAP
/// push, missing or conflicting segments; [`SmsPushError::PushCount`] for no inputs or the
/// segments of several pushes; [`SmsPushError::SevenBitMangled`] for a push whose octets lost
/// their top bit; [`SmsPushError::Push`] for a push that does not decode.
pub fn push_from_sms<'b>(
    segments: &[&[u8]],
    buf: &'b mut Vec<u8>,
    opts: &DecodeOptions,
) -> Result<Push<'b>, SmsPushError> {
    join_one(segments, buf)?;
    if is_seven_bit_mangled_push(buf) {
        return Err(SmsPushError::SevenBitMangled);
    }
    Push::decode_with(buf, opts).map_err(SmsPushError::Push)
}

/// The front door for a push that arrived in several SMS: the inputs (each an SMS-DELIVER
/// TPDU, SMSC address first, or SMS user data with its header; in any order, exact duplicates
/// ignored) are joined into `buf` ([`join_segments`]) and the push and the MMS PDU it carries
/// are decoded as [`decode_with`](crate::decode_with) decodes a push, with the same
/// diagnostics. Offsets count from the start of the joined push in `buf`; the SMS framings
/// stay in the inputs ([`sms::classify`](crate::sms::classify) reads each), so
/// [`PushMessage::framing`] is `None` and the message re-encodes to `buf`.
///
/// ```
/// use mms_pdu::message::decode_segments;
/// use mms_pdu::DecodeOptions;
/// let push = include_bytes!("../../samples/push-notification.wsp");
/// // Two SMS: concatenation (reference 7, segment n of 2) and the WAP push ports.
/// let sms: Vec<Vec<u8>> = [(1, &push[..40]), (2, &push[40..])]
///     .into_iter()
///     .map(|(n, part)| {
///         [&[0x0B, 0x00, 0x03, 7, 2, n, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0][..], part].concat()
///     })
///     .collect();
/// let mut buf = Vec::new();
/// let message = decode_segments(&[&sms[1], &sms[0]], &mut buf, &DecodeOptions::new()).unwrap();
/// assert_eq!(message.pdu.unwrap().message_size().unwrap().value, 12345);
/// // One segment alone says which are missing.
/// let err = decode_segments(&[&sms[1]], &mut buf, &DecodeOptions::new()).unwrap_err();
/// assert_eq!(err.to_string(), "SMS segment(s) 1 of 2 missing");
/// ```
///
/// # Errors
/// As [`push_from_sms`]; [`SmsPushError::Push`] also for an MMS PDU in the push that does not
/// decode, or a diagnostic in strict mode.
pub fn decode_segments<'b>(
    segments: &[&[u8]],
    buf: &'b mut Vec<u8>,
    opts: &DecodeOptions,
) -> Result<PushMessage<'b>, SmsPushError> {
    join_one(segments, buf)?;
    super::push_message(buf, 0, None, opts).map_err(SmsPushError::Push)
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
/// use mms_pdu::message::{notification_from_sms, SmsPushError};
/// use mms_pdu::wsp::PushBuilder;
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
/// assert_eq!(pdu.content_location().unwrap().as_bytes(), b"http://mmsc/m1");
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
    let pdu = pushed_pdu(&push, opts)
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
    if let Some(d) = missing_mandatory(&pdu).next() {
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
    use crate::codec::{Encode, IntegerValue};
    use crate::sms::ReassemblyError;
    use crate::sms::{SegmentOptions, segment_to_vecs, wap_push_user_data};
    use crate::wsp::PushBuilder;
    use crate::wsp::push::tests::{CONSTRUCTED, decode};
    use alloc::vec;
    use proptest::prelude::*;

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
        let SmsPushError::Join(JoinError::Incomplete {
            total: 3, missing, ..
        }) = err
        else {
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
            Err(SmsPushError::Join(JoinError::Segment {
                input: 2,
                error: ReassemblyError::ConflictingDuplicate { sequence: 2 }
            }))
        );
        // A segment of another message: both messages miss segments.
        let other = segment_to_vecs(&push, &SegmentOptions::wap_push(4)).unwrap();
        assert_eq!(
            push_from_sms(
                &[refs[0], &other[1], refs[2]],
                &mut buf,
                &DecodeOptions::new()
            )
            .unwrap_err()
            .to_string(),
            "SMS segment(s) 2 of 3 missing"
        );
        // Two whole pushes, or none, are not one.
        let single = segment_to_vecs(&push[..100], &SegmentOptions::wap_push(5)).unwrap();
        assert_eq!(
            push_from_sms(
                &[refs[0], refs[1], refs[2], &single[0]],
                &mut buf,
                &DecodeOptions::new()
            ),
            Err(SmsPushError::PushCount { count: 2 })
        );
        assert_eq!(
            push_from_sms(&[], &mut buf, &DecodeOptions::new()),
            Err(SmsPushError::PushCount { count: 0 })
        );
        let wrong_port = [0x06, 0x05, 0x04, 0x0B, 0x85 + 1, 0x23, 0xF0, 0x00, 0x06];
        assert_eq!(
            push_from_sms(&[&wrong_port], &mut buf, &DecodeOptions::new()),
            Err(SmsPushError::Join(JoinError::NotSms { input: 0 }))
        );
        // The ports in the first segment only, as some senders write them.
        let mut portless: Vec<Vec<u8>> = sms.clone();
        for s in portless.iter_mut().skip(1) {
            // UDHL 11 -> 5: the concatenation element alone.
            s.drain(6..12);
            s[0] = 5;
        }
        let refs: Vec<&[u8]> = portless.iter().map(Vec::as_slice).collect();
        let decoded = push_from_sms(
            &[refs[2], refs[1], refs[0]],
            &mut buf,
            &DecodeOptions::new(),
        );
        assert_eq!(decoded.unwrap().body(), &body[..]);
    }

    fn notification(segments: &[&[u8]]) -> Result<(), SmsPushError> {
        let mut buf = Vec::new();
        notification_from_sms(segments, &mut buf, &DecodeOptions::new()).map(|_| ())
    }

    #[test]
    fn reference_push_over_two_sms_in_any_order() {
        let (a, b) = CONSTRUCTED.split_at(40);
        let (s1, s2) = (
            wap_push_user_data(0x42, 2, 1, a),
            wap_push_user_data(0x42, 2, 2, b),
        );
        for order in [[&s1[..], &s2[..]], [&s2[..], &s1[..]]] {
            let mut buf = Vec::new();
            let (push, pdu) =
                notification_from_sms(&order, &mut buf, &DecodeOptions::new()).unwrap();
            assert_eq!(push.tid(), Some(1));
            assert!(push.application_id().unwrap().is_mms_ua());
            assert_eq!(pdu.transaction_id().unwrap().bytes, b"T2");
            assert_eq!(pdu.message_size().unwrap().value, 12345);
            assert_eq!(
                pdu.content_location().unwrap().as_bytes(),
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
            Err(SmsPushError::Join(JoinError::NotSms { input: 0 }))
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
        assert_eq!(got.content_location().unwrap().as_bytes(), &location[..]);
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
            let inner = pushed_pdu(&push, &DecodeOptions::new()).unwrap().unwrap();
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
        let (s1, s2) = (
            wap_push_user_data(3, 2, 1, a),
            wap_push_user_data(3, 2, 2, b),
        );
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
            pushed_pdu(&decode(cut).0.unwrap(), &DecodeOptions::new())
                .unwrap()
                .is_ok()
        );
        let err = notification(&[&wap_push_user_data(5, 1, 1, cut)]).unwrap_err();
        assert_eq!(
            err,
            SmsPushError::Incomplete {
                field: "X-Mms-Expiry"
            }
        );
        // Inside the last text: runs to the end without its NUL.
        let cut = &CONSTRUCTED[..CONSTRUCTED.len() - 1];
        let err = notification(&[&wap_push_user_data(5, 1, 1, cut)]).unwrap_err();
        assert!(
            matches!(err, SmsPushError::Pdu(e) if e.context == "X-Mms-Content-Location" && e.is_incomplete()),
            "{err:?}"
        );
        // Every strict prefix, delivered complete (the concatenation itself is whole).
        for n in 0..CONSTRUCTED.len() {
            let one = wap_push_user_data(5, 1, 1, &CONSTRUCTED[..n]);
            assert!(notification(&[&one]).is_err(), "prefix {n}");
            let mut buf = Vec::new();
            let plain = segment_to_vecs(&CONSTRUCTED[..n], &SegmentOptions::wap_push(1)).unwrap();
            let refs: Vec<&[u8]> = plain.iter().map(Vec::as_slice).collect();
            assert!(
                notification_from_sms(&refs, &mut buf, &DecodeOptions::new()).is_err(),
                "prefix {n}"
            );
        }
        assert_eq!(
            notification(&[&wap_push_user_data(5, 1, 1, CONSTRUCTED)]),
            Ok(())
        );
    }

    proptest! {
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
            let push = Push::decode_with(&bytes, &DecodeOptions::new().strict(true)).unwrap();
            prop_assert_eq!(&pushed_pdu(&push, &DecodeOptions::new()).unwrap().unwrap(), &pdu);
            prop_assert_eq!(&push.encode_to_vec().unwrap(), &bytes);
            let mut segs = crate::sms::segments_for_push(&b, &SegmentOptions::wap_push(reference)).unwrap();
            segs.reverse();
            let refs: Vec<&[u8]> = segs.iter().map(Vec::as_slice).collect();
            let mut buf = Vec::new();
            let (_, got) = notification_from_sms(&refs, &mut buf, &DecodeOptions::new()).unwrap();
            prop_assert_eq!(got, pdu);
        }
    }
}
