//! What an MMS PDU starts with, and what a push or a PDU looks like after an SMSC cleared the
//! top bit of every octet: the one place that sniffs inputs (the front door's choice between a
//! PDU and a push, the HeadersLen repairs of the push decoder, the 7-bit refusals).

use crate::assigned::{
    ApplicationId, FieldCode, MessageType, PduType, WellKnownHeader, WellKnownMedia,
};
use crate::base::options::DecodeOptions;
use crate::mms::walk::message_type_further_on;
use crate::wsp::push::is_push_type;

/// Whether `bytes` open an MMS PDU rather than a WSP push (the rule the docs of
/// [`decode`](crate::decode) state): they start with the X-Mms-Message-Type field octet (`8C`),
/// as OMA-TS-MMS_ENC-V1_3 §7 has every MMS PDU start; or, as some MMSCs' fixtures do, with
/// another assigned MMS field name (`81`–`BF`) that is not followed by a push's PDU type
/// (`06` Push, `07` ConfirmedPush: WAP-230-WSP §8.2.1), and a typed X-Mms-Message-Type follows
/// in the header block before Content-Type.
///
/// A push starts with its TID, any octet, so one whose TID is a field name octet has its PDU
/// type second; the look-ahead is needed too because a TID and a PDU type can also read as a
/// header (`89 06`: a From of six octets).
pub(crate) fn opens_mms_pdu(bytes: &[u8]) -> bool {
    match bytes {
        [first, ..] if *first == FieldCode::MESSAGE_TYPE.wire() => true,
        [_, pdu_type, ..] if is_push_type(*pdu_type) => false,
        _ => message_type_further_on(bytes, &DecodeOptions::new()).is_some(),
    }
}

/// Whether `bytes` visibly start an MMS PDU: X-Mms-Message-Type with an assigned message type,
/// then Transaction-ID or MMS-Version (`8C xx 98` / `8C xx 8D`), as every PDU type begins.
pub(crate) fn looks_like_mms_pdu(bytes: &[u8]) -> bool {
    match bytes {
        [field, kind, next, ..] => {
            *field == FieldCode::MESSAGE_TYPE.wire()
                && MessageType::new(*kind).is_assigned()
                && (*next == FieldCode::TRANSACTION_ID.wire()
                    || *next == FieldCode::MMS_VERSION.wire())
        }
        _ => false,
    }
}

/// [`looks_like_mms_pdu`] for octets that lost their top bit (`0C xx 18` / `0C xx 0D`).
fn looks_like_mangled_mms_pdu(bytes: &[u8]) -> bool {
    match bytes {
        [a, b, c, ..] if *a < 0x80 && *b < 0x80 && *c < 0x80 => {
            looks_like_mms_pdu(&[a | 0x80, b | 0x80, c | 0x80])
        }
        _ => false,
    }
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
/// use mms_pdu::message::is_seven_bit_mangled_push;
/// assert!(is_seven_bit_mangled_push(&[0x01, 0x06, 0x03, 0x3E, 0x2F, 0x04, 0x0C, 0x02, 0x18]));
/// assert!(!is_seven_bit_mangled_push(&[0x01, 0x06, 0x03, 0xBE, 0xAF, 0x84, 0x8C, 0x82, 0x98]));
/// ```
pub fn is_seven_bit_mangled_push(bytes: &[u8]) -> bool {
    if !bytes.is_ascii() {
        return false;
    }
    let [_tid, pdu_type, _headers_len, ct, ..] = bytes else {
        return false;
    };
    let mms_ua = |w: &[u8]| match w {
        [field, id] => {
            *field == WellKnownHeader::X_WAP_APPLICATION_ID.get()
                && u32::from(*id) == ApplicationId::MMS_UA.get()
        }
        _ => false,
    };
    *pdu_type == PduType::PUSH.get()
        && (u32::from(*ct) == WellKnownMedia::APPLICATION_VND_WAP_MMS_MESSAGE.get()
            || bytes.windows(2).any(mms_ua)
            || bytes.windows(3).any(looks_like_mangled_mms_pdu))
}

/// Whether `input` reads as an MMS PDU or a WAP push whose octets lost their high bit in
/// transit: nothing at or above 0x80, and the shape of a push ([`is_seven_bit_mangled_push`])
/// or of an MMS PDU start (`0C`, a message type, then Transaction-ID `18` or MMS-Version `0D`).
pub(crate) fn top_bits_cleared(input: &[u8]) -> bool {
    // `is_ascii` tests a word at a time; an octet-by-octet `all` was 187 instructions per
    // decode of a push whose textual content type puts its first high octet 37 octets in.
    !input.is_empty()
        && input.is_ascii()
        && (is_seven_bit_mangled_push(input) || looks_like_mangled_mms_pdu(input))
}

#[cfg(test)]
mod tests {

    use super::*;

    #[test]
    fn an_mms_pdu_starts_with_a_message_type_then_transaction_id_or_version() {
        for kind in 0..=u8::MAX {
            let assigned = (0x80..=0x97).contains(&kind);
            for next in [0x98, 0x8D] {
                assert_eq!(
                    looks_like_mms_pdu(&[0x8C, kind, next]),
                    assigned,
                    "{kind:#x}"
                );
                assert_eq!(
                    looks_like_mangled_mms_pdu(&[0x0C, kind & 0x7F, next & 0x7F]),
                    (0x00..=0x17).contains(&(kind & 0x7F)),
                    "{kind:#x}"
                );
            }
            assert!(!looks_like_mms_pdu(&[0x8C, kind, 0x89]));
            assert!(!looks_like_mangled_mms_pdu(&[0x8C, kind & 0x7F, 0x18]));
        }
        assert!(!looks_like_mms_pdu(&[0x8C, 0x82]));
        assert!(opens_mms_pdu(&[0x8C]) && !opens_mms_pdu(&[0x0C]) && !opens_mms_pdu(&[]));
    }

    #[test]
    fn a_pdu_whose_message_type_is_not_first_is_told_from_a_push() {
        // Message-ID first, then the type.
        assert!(opens_mms_pdu(b"\x8BM1\0\x8C\x82\x8D\x92"));
        // From of six octets first: its "6" is a push's PDU type, so a push.
        assert!(!opens_mms_pdu(b"\x89\x06\x80a@b.c\0\x8C\x82"));
        // A push whose TID is a field name octet, whose body is an MMS PDU.
        assert!(!opens_mms_pdu(b"\x8B\x06\x03\xBE\xAF\x84\x8C\x82\x98T\0"));
        assert!(!opens_mms_pdu(b"\x8B\x07\x03\xBE\xAF\x84\x8C\x82\x98T\0"));
        // A field name, but no message type before the body.
        assert!(!opens_mms_pdu(b"\x8BM1\0\x84\xA3\x8C\x82"));
        assert!(!opens_mms_pdu(b"\x8BM1\0\x8D\x92"));
    }
}
