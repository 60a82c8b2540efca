//! Every push of the shared corpus, framed the ways a modem hands it over — SMS user data that
//! still has its header (one SMS, the segments `sms::segments_for_push` makes, and a forced
//! split in 16-bit-reference segments), SMS-DELIVER TPDUs made by the crate's encoder (made-up
//! SMSC and originators), and the `+CMGL:` text a modem prints for them — comes back out of
//! `sms::classify`, `sms::join_segments` and `sms::modem_pdus` as exactly the push's octets, and
//! through the front door (`decode`, `message::decode_segments`) as the notification the bare
//! push gives, re-encoding exactly. No corpus file is taken for framed SMS.
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
use common::{corpus_files, corpus_root, relative, tpdus};

use mms_pdu::codec::Encode;
use mms_pdu::diag::Diagnostic;
use mms_pdu::error::DecodeErrorKind;
use mms_pdu::message::{SmsPushError, decode_segments};
use mms_pdu::sms::{
    AddressBuf, ConcatReference, Deliver, Framing, HeaderElements, InformationElement, JoinError,
    PORT_WAP_PUSH, PORT_WAP_WSP, PortAddressing, ReassemblyLimits, SegmentOptions, classify,
    join_segments, modem_pdus, segment_to_vecs, segments_for_push,
};
use mms_pdu::{DecodeOptions, Message, PushMessage, decode};

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

/// `framed` decodes through the front door to the same push and PDU as the bare push `bare`
/// (found `base` octets in), every offset moved by `base`, and re-encodes to `framed`.
fn check_framed(name: &str, what: &str, framed: &[u8], base: usize, bare: &Message<'_>) {
    let Message::Push(want) = bare else {
        unreachable!()
    };
    let got = decode(framed).unwrap_or_else(|e| panic!("{name}: {what}: {e}"));
    assert_eq!(got.encode_to_vec().unwrap(), framed, "{name}: {what}");
    assert_eq!(got.encoded_len(), framed.len(), "{name}: {what}");
    let Message::Push(got) = got else {
        panic!("{name}: {what}: not a push")
    };
    let framing = got
        .framing
        .unwrap_or_else(|| panic!("{name}: {what}: no framing"));
    assert_eq!(framing.payload_offset(), base, "{name}: {what}");
    check_same_push(name, what, &got, want, base);
}

/// `got` is the push and PDU of `want`, with offsets `base` further on.
fn check_same_push(
    name: &str,
    what: &str,
    got: &PushMessage<'_>,
    want: &PushMessage<'_>,
    base: usize,
) {
    assert_eq!(
        got.push.encode_to_vec().unwrap(),
        want.push.encode_to_vec().unwrap()
    );
    assert_eq!(
        got.push.body_offset(),
        want.push.body_offset() + base,
        "{name}: {what}"
    );
    let shifted = |d: &[Diagnostic]| -> Vec<Diagnostic> { d.to_vec() };
    let moved: Vec<Diagnostic> = want
        .diagnostics
        .iter()
        .map(|d| Diagnostic {
            offset: d.offset + base,
            ..*d
        })
        .collect();
    assert_eq!(shifted(&got.diagnostics), moved, "{name}: {what}");
    match (&got.pdu, &want.pdu) {
        (Some(g), Some(w)) => {
            assert_eq!(
                g.encode_to_vec().unwrap(),
                w.encode_to_vec().unwrap(),
                "{name}: {what}"
            );
            let fields = |p: &mms_pdu::Pdu<'_>| {
                p.fields()
                    .map(|f| format!("{:?}", f.header))
                    .collect::<Vec<_>>()
            };
            assert_eq!(fields(g), fields(w), "{name}: {what}");
            let offsets = |p: &mms_pdu::Pdu<'_>| p.fields().map(|f| f.offset).collect::<Vec<_>>();
            let moved: Vec<usize> = offsets(w).iter().map(|o| o + base).collect();
            assert_eq!(offsets(g), moved, "{name}: {what}");
            let diags: Vec<Diagnostic> = w
                .diagnostics()
                .iter()
                .map(|d| Diagnostic {
                    offset: d.offset + base,
                    ..*d
                })
                .collect();
            assert_eq!(g.diagnostics(), diags, "{name}: {what}");
        }
        (None, None) => {}
        other => panic!("{name}: {what}: {other:?}"),
    }
}

/// The front door takes every corpus push in its SMS framings to the notification the bare
/// push gives: user data with its header and an SMS-DELIVER carrying it (through `decode`, when
/// the push fits one SMS), and the segments of a longer one, as user data or SMS-DELIVERs
/// in reverse order (through `decode_segments`); one segment alone is refused as such.
#[test]
fn the_front_door_decodes_every_corpus_push_in_its_sms_framings() {
    let Some(root) = corpus_root() else { return };
    let from = AddressBuf::international("+4916123456").unwrap();
    let (mut pushes, mut single_tpdus, mut segmented) = (0, 0, 0);
    for path in corpus_files(&root) {
        let bytes = std::fs::read(&path).unwrap();
        let name = relative(&root, &path);
        let Ok(bare @ Message::Push(_)) = decode(&bytes) else {
            continue;
        };
        pushes += 1;
        // One piece of user data with its header, whatever its length.
        let mut ud = vec![0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0];
        ud.extend_from_slice(&bytes);
        check_framed(&name, "user data", &ud, 7, &bare);
        // The same with a concatenation element announcing one segment.
        let mut one = vec![
            0x0B, 0x00, 0x03, 0x42, 0x01, 0x01, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0,
        ];
        one.extend_from_slice(&bytes);
        check_framed(&name, "user data, 1 of 1", &one, 12, &bare);

        for segs in [
            segment_to_vecs(&bytes, &SegmentOptions::wap_push(0x5A)).unwrap(),
            forced_segments(&bytes, 0x9F8E),
        ] {
            let tpdus = tpdus(&segs, &from);
            if let ([ud], [tpdu]) = (&segs[..], &tpdus[..]) {
                single_tpdus += 1;
                let base = tpdu.len() - bytes.len();
                check_framed(&name, "SMS-DELIVER", tpdu, base, &bare);
                check_framed(
                    &name,
                    "user data segment",
                    ud,
                    ud.len() - bytes.len(),
                    &bare,
                );
                continue;
            }
            segmented += 1;
            let Message::Push(want) = &bare else {
                unreachable!()
            };
            for inputs in [&segs, &tpdus] {
                let reversed: Vec<&[u8]> = inputs.iter().rev().map(Vec::as_slice).collect();
                let mut buf = Vec::new();
                let got = decode_segments(&reversed, &mut buf, &DecodeOptions::new())
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
                assert!(got.framing.is_none());
                check_same_push(&name, "segments", &got, want, 0);
                assert_eq!(Message::Push(got).encode_to_vec().unwrap(), bytes);
                let total = u8::try_from(inputs.len()).unwrap();
                for (input, sequence) in inputs.iter().zip(1..) {
                    let err = decode(input).unwrap_err();
                    assert_eq!(
                        err.kind,
                        DecodeErrorKind::SmsSegment { sequence, total },
                        "{name}"
                    );
                }
                let err =
                    decode_segments(&reversed[1..], &mut buf, &DecodeOptions::new()).unwrap_err();
                assert!(
                    matches!(err, SmsPushError::Join(JoinError::Incomplete { received, .. }) if usize::from(received) == inputs.len() - 1),
                    "{name}: {err:?}"
                );
            }
        }
    }
    assert!(
        pushes > 0 && single_tpdus > 0 && segmented > 0,
        "{pushes} {single_tpdus} {segmented}"
    );
}

/// No corpus file — push, PDU or anything else — is taken for framed SMS: each is unframed to
/// `classify`, and `decode` finds no framing in what it decodes.
#[test]
fn no_corpus_file_is_taken_for_sms() {
    let Some(root) = corpus_root() else { return };
    let mut files = 0;
    for path in corpus_files(&root) {
        let bytes = std::fs::read(&path).unwrap();
        let name = relative(&root, &path);
        files += 1;
        assert_eq!(classify(&bytes), Framing::Unframed(&bytes), "{name}");
        if let Ok(Message::Push(p)) = decode(&bytes) {
            assert!(p.framing.is_none(), "{name}");
        }
        if let Err(e) = decode(&bytes) {
            assert!(
                !matches!(e.kind, DecodeErrorKind::SmsSegment { .. }),
                "{name}"
            );
        }
    }
    assert!(files > 0);
}
