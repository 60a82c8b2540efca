//! Every push of the shared corpus, framed the ways a modem hands it over — SMS user data that
//! still has its header (one SMS, the segments `sms::segments_for_push` makes, and a forced
//! split in 16-bit-reference segments), SMS-DELIVER TPDUs made by the crate's encoder (made-up
//! SMSC and originators), and the `+CMGL:` text a modem prints for them — comes back out of
//! `sms::classify`, `sms::join_segments` and `sms::modem_pdus` as exactly the push's octets.
//!
//! The corpus is read in place (`$MMS_PDU_CORPUS`, default `../shared/corpus`); absent, the test
//! says so and passes unless `MMS_PDU_REQUIRE_CORPUS=1`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
use common::{corpus_files, corpus_root, relative};

use mms_pdu::codec::Encode;
use mms_pdu::sms::{
    AddressBuf, ConcatReference, Deliver, DeliverFields, Framing, HeaderElements,
    InformationElement, LocalTime, PORT_WAP_PUSH, PORT_WAP_WSP, PortAddressing, ReassemblyLimits,
    SegmentOptions, Timestamp, classify, join_segments, modem_pdus, segments_for_push,
};
use mms_pdu::{Message, decode};

/// Room for push octets in a segment with a 16-bit concatenation element and 16-bit ports.
const ROOM_16: usize = 140 - 1 - 6 - 6;

fn limits() -> ReassemblyLimits {
    ReassemblyLimits {
        max_segments: 255,
        ..ReassemblyLimits::DEFAULT
    }
}

/// `push` split in at least two segments under a 16-bit reference, each with ports.
fn forced_segments(push: &[u8], reference: u16) -> Vec<Vec<u8>> {
    let room = push.len().div_ceil(2).clamp(1, ROOM_16);
    let chunks: Vec<&[u8]> = push.chunks(room).collect();
    let total = u8::try_from(chunks.len()).unwrap();
    chunks
        .iter()
        .zip(1..)
        .map(|(chunk, sequence)| {
            let ies = [
                InformationElement::Concat16 {
                    reference,
                    total,
                    sequence,
                },
                InformationElement::Ports16 {
                    destination: PORT_WAP_PUSH,
                    source: PORT_WAP_WSP,
                },
            ];
            let mut ud = HeaderElements(&ies).encode_to_vec().unwrap();
            ud.extend_from_slice(chunk);
            ud
        })
        .collect()
}

/// Each user data in an SMS-DELIVER with a made-up SMSC and originator.
fn tpdus(user_data: &[Vec<u8>], from: &AddressBuf) -> Vec<Vec<u8>> {
    let smsc = AddressBuf::international("+491710760000").unwrap();
    let local = LocalTime {
        year: 2024,
        month: 2,
        day: 29,
        hour: 13,
        minute: 45,
        second: 30,
    };
    let stamp = Timestamp::new(local, -20).unwrap();
    user_data
        .iter()
        .map(|ud| {
            let fields =
                DeliverFields::wap_push(Some(smsc.as_address()), from.as_address(), stamp, ud);
            let sms = Deliver::new(fields).unwrap();
            let octets = sms.encode_to_vec().unwrap();
            assert_eq!(octets.len(), sms.encoded_len());
            octets
        })
        .collect()
}

/// The text `AT+CMGL=4` prints in PDU mode for these TPDUs.
fn cmgl_text(tpdus: &[Vec<u8>]) -> Vec<u8> {
    let mut text = String::from("AT+CMGL=4\r\n");
    for (index, tpdu) in tpdus.iter().enumerate() {
        let smsc_field = usize::from(tpdu[0]) + 1;
        text.push_str(&format!(
            "+CMGL: {},1,,{}\r\n",
            index + 1,
            tpdu.len() - smsc_field
        ));
        for b in tpdu {
            text.push_str(&format!("{b:02X}"));
        }
        text.push_str("\r\n");
    }
    text.push_str("\r\nOK\r\n");
    text.into_bytes()
}

/// The segments (or TPDUs) given in reverse order reassemble into `push`; one alone, when it
/// is the only one, is the push itself.
fn check_joined(name: &str, what: &str, inputs: &[Vec<u8>], push: &[u8]) {
    if let [single] = inputs {
        let framing = classify(single);
        assert!(!matches!(framing, Framing::Unframed(_)), "{name}: {what}");
        assert_eq!(framing.push().unwrap(), push, "{name}: {what}");
        assert_eq!(framing.encode_to_vec().unwrap(), *single, "{name}: {what}");
    } else {
        for input in inputs {
            let framing = classify(input);
            assert!(framing.is_segment(), "{name}: {what}");
            assert!(framing.push().is_err(), "{name}: {what}");
        }
    }
    let joined = join_segments(inputs.iter().rev().map(Vec::as_slice), limits())
        .unwrap_or_else(|e| panic!("{name}: {what}: {e}"));
    assert_eq!(joined, [push], "{name}: {what}");
}

#[test]
fn every_corpus_push_survives_its_sms_framings() {
    let Some(root) = corpus_root() else { return };
    let numeric = AddressBuf::international("+4916123456").unwrap();
    let alphanumeric = AddressBuf::alphanumeric("MMSC").unwrap();
    let mut pushes = 0;
    for path in corpus_files(&root) {
        let bytes = std::fs::read(&path).unwrap();
        let name = relative(&root, &path);
        let Ok(message @ Message::Push(_)) = decode(&bytes) else {
            continue;
        };
        let Message::Push(push) = &message else {
            unreachable!()
        };
        pushes += 1;

        // User data with its header in front, in one piece (whatever its length).
        let mut ud = HeaderElements(&[InformationElement::Ports16 {
            destination: PORT_WAP_PUSH,
            source: PORT_WAP_WSP,
        }])
        .encode_to_vec()
        .unwrap();
        ud.extend_from_slice(&bytes);
        let framing = classify(&ud);
        assert!(matches!(framing, Framing::UserData { .. }), "{name}");
        assert_eq!(framing.payload_offset(), 7, "{name}");
        assert_eq!(decode(framing.push().unwrap()).unwrap(), message, "{name}");

        // The segments the crate sends (8-bit reference and ports), and a forced split.
        let sent = segments_for_push(&push.push, &SegmentOptions::wap_push(0x5A)).unwrap();
        let eight_bit_ports = SegmentOptions {
            ports: PortAddressing::Eight {
                destination: 0xF0,
                source: 0xF0,
            },
            reference: ConcatReference::Eight(1),
        };
        let forced = forced_segments(&bytes, 0x9F8E);
        assert!(forced.len() >= 2 || bytes.len() < 2, "{name}");
        check_joined(&name, "segments", &sent, &bytes);
        check_joined(&name, "forced segments", &forced, &bytes);

        // The same in SMS-DELIVERs, and in the text of a modem listing them.
        for (what, from) in [("numeric", &numeric), ("alphanumeric", &alphanumeric)] {
            for segs in [&sent, &forced] {
                let tpdus = tpdus(segs, from);
                for tpdu in &tpdus {
                    let sms = Deliver::decode(tpdu).unwrap();
                    assert_eq!(sms.originator().to_string(), from.as_address().to_string());
                    assert_eq!(sms.smsc().unwrap().to_string(), "+491710760000");
                    assert_eq!(sms.timestamp().zone_quarter_hours(), Some(-20));
                    assert_eq!(sms.encode_to_vec().unwrap(), *tpdu, "{name}");
                }
                check_joined(&name, what, &tpdus, &bytes);
                let listed: Vec<Vec<u8>> = modem_pdus(&cmgl_text(&tpdus))
                    .collect::<Result<_, _>>()
                    .unwrap();
                assert_eq!(listed, tpdus, "{name}: {what}");
            }
        }

        // Ports that are not WAP push leave the user data alone.
        let other = segments_for_push(&push.push, &eight_bit_ports).unwrap();
        if let [single] = &other[..] {
            assert_eq!(classify(single), Framing::Unframed(single), "{name}");
        }
    }
    assert!(pushes > 0, "no push in the corpus");
}
