//! Framings and slips found in the field that the lenient decoder reads, each with what it
//! reports and what strict mode does: a header block whose X-Mms-Message-Type is not first, a
//! value octet that lost its high bit, a Short-length smaller than its value, a From as a
//! bare Text-string, a raw Transaction-ID before the version; diagnostics in offset order over
//! the corpus; an m-mbox-view-conf whose count disagrees with its entries.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use mms_pdu::codec::{Encode, Version};
use mms_pdu::mms::{FromValue, MmsHeader, Pdu, Time, TimeValue};
use mms_pdu::{DecodeErrorKind, DecodeOptions, Diagnostic, DiagnosticKind, Message};
use proptest::prelude::*;

mod common;
use common::{corpus_files, corpus_root};

fn strict() -> DecodeOptions {
    DecodeOptions::new().strict(true)
}

fn kinds(d: &[Diagnostic]) -> Vec<(usize, DiagnosticKind)> {
    d.iter().map(|d| (d.offset, d.kind)).collect()
}

/// An m-notifyresp-ind (OMA-TS-MMS_ENC-V1_3 §6.2: Type, TID, Version, Status) whose first
/// header is `first`, then the type: `first 8C 83 98 "T1" 8D 92 95 81`.
fn type_second(first: &[u8]) -> Vec<u8> {
    let mut pdu = first.to_vec();
    pdu.extend_from_slice(b"\x8C\x83\x98T1\0\x8D\x92\x95\x81");
    pdu
}

#[test]
fn a_message_type_after_message_id_from_or_content_location_is_read_leniently() {
    let firsts: [&[u8]; 3] = [
        b"\x8BM-1@mmsc\0",
        b"\x89\x18\x80+15551234567/TYPE=PLMN\0",
        b"\x83http://mmsc.example/m1\0",
    ];
    for first in firsts {
        let wire = type_second(first);
        let pdu = Pdu::decode(&wire).unwrap();
        assert_eq!(
            pdu.message_type(),
            Some(mms_pdu::assigned::MessageType::NOTIFYRESP_IND)
        );
        assert_eq!(pdu.transaction_id().unwrap().bytes, b"T1");
        assert_eq!(
            kinds(pdu.diagnostics()),
            [(first.len(), DiagnosticKind::MessageTypeNotFirst)],
            "{first:02X?}"
        );
        assert_eq!(pdu.encode_to_vec().unwrap(), wire);
        // The front door tells it from a push.
        let Message::Pdu(p) = mms_pdu::decode(&wire).unwrap() else {
            panic!("{first:02X?} read as a push")
        };
        assert_eq!(p, pdu);
        let err = Pdu::decode_with(&wire, &strict()).unwrap_err();
        assert_eq!(err.offset, first.len());
        assert_eq!(err.context, "X-Mms-Message-Type");
        assert!(
            matches!(err.kind, DecodeErrorKind::Rejected { .. }),
            "{err}"
        );
        assert!(mms_pdu::decode_with(&wire, &strict()).is_err());
    }
}

#[test]
fn a_block_without_a_message_type_before_the_body_is_not_a_pdu() {
    // Message-ID then Content-Type: the octets after it are body, not headers.
    let wire = b"\x8BM1\0\x84\xA3\x8C\x84\x8D\x92";
    let err = Pdu::decode(wire).unwrap_err();
    assert_eq!((err.offset, err.kind), (0, DecodeErrorKind::NotThisKind));
    assert!(Pdu::decode(b"\x8BM1\0\x8D\x92").is_err());
}

#[test]
fn a_push_whose_tid_is_a_field_name_octet_stays_a_push() {
    let push = include_bytes!("../samples/push-notification.wsp");
    for tid in [0x89u8, 0x8B, 0x83, 0x98] {
        let mut wire = push.to_vec();
        wire[0] = tid;
        let message = mms_pdu::decode(&wire).unwrap();
        assert!(matches!(message, Message::Push(_)), "TID {tid:#04X}");
        assert_eq!(message.encode_to_vec().unwrap(), wire);
    }
}

#[test]
fn every_corpus_push_decodes_as_a_push_and_no_bare_pdu_as_one() {
    let Some(root) = corpus_root() else { return };
    let facts = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/facts");
    let mut pushes = 0;
    for path in corpus_files(&root) {
        let rel = path.strip_prefix(&root).unwrap();
        let data = facts.join(format!("{}.json", rel.display()));
        let Ok(text) = std::fs::read_to_string(&data) else {
            continue;
        };
        let fact: serde_json::Value = serde_json::from_str(&text).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        match (fact["kind"].as_str(), mms_pdu::decode(&bytes)) {
            (Some("push"), Ok(Message::Pdu(_))) => {
                panic!("{}: a push read as a PDU", rel.display())
            }
            (Some("bare-pdu"), Ok(Message::Push(_))) => {
                panic!("{}: a PDU read as a push", rel.display())
            }
            (Some("push"), _) => pushes += 1,
            _ => {}
        }
    }
    assert!(pushes >= 30, "only {pushes} pushes");
}

#[test]
fn corpus_diagnostics_are_in_offset_order() {
    let Some(root) = corpus_root() else { return };
    let sorted = |what: &str, d: &[Diagnostic]| {
        assert!(
            d.windows(2).all(|w| w[0].offset <= w[1].offset),
            "{what}: {:?}",
            kinds(d)
        );
    };
    for path in corpus_files(&root) {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.display().to_string();
        match mms_pdu::decode(&bytes) {
            Ok(Message::Pdu(p)) => sorted(&name, p.diagnostics()),
            Ok(Message::Push(p)) => {
                sorted(&name, &p.diagnostics);
                if let Some(pdu) = &p.pdu {
                    sorted(&name, pdu.diagnostics());
                }
            }
            Err(_) => {}
        }
    }
}

#[test]
fn a_raw_transaction_id_keeps_its_place_before_the_version() {
    // TID `02 41 42` reads as a Value-length: kept raw. MMS-Version right after it is where
    // it belongs.
    let wire = b"\x8C\x83\x98\x02AB\x8D\x92\x95\x81";
    let pdu = Pdu::decode(wire).unwrap();
    let d = kinds(pdu.diagnostics());
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        matches!(d[0], (2, DiagnosticKind::UnparsedValue(_))),
        "{d:?}"
    );
    // A raw TID out of place is reported as such.
    let wire = b"\x8C\x83\x8D\x92\x95\x81\x98\x02AB";
    let d = kinds(Pdu::decode(wire).unwrap().diagnostics());
    assert_eq!(d[0], (6, DiagnosticKind::OutOfOrder), "{d:?}");
}

#[test]
fn a_single_octet_value_that_lost_its_high_bit_is_that_octet() {
    // An m-notifyresp-ind with Version `12` (1.2 is `92`), and an m-send-req whose Priority
    // `01` (normal is `81`) stands before Subject.
    let wire = b"\x8C\x83\x98T\0\x8D\x12\x95\x81";
    let pdu = Pdu::decode(wire).unwrap();
    assert_eq!(
        kinds(pdu.diagnostics()),
        [(5, DiagnosticKind::HighBitMissing { found: 0x12 })]
    );
    assert!(pdu.status().is_some());
    // Typed, meaning 1.2, written back as sent.
    let version = pdu.version().unwrap();
    assert_eq!(version, Version::HighBitMissing(0x12));
    assert_eq!((version.major(), version.minor()), (Some(1), Some(2)));
    assert_eq!(version.to_string(), "1.2");
    assert_eq!(version.encode_to_vec().unwrap(), [0x12]);
    assert_eq!(pdu.encode_to_vec().unwrap(), wire);
    assert!(Pdu::decode_with(wire, &strict()).is_err());
    let wire = b"\x8C\x80\x98T\0\x8D\x92\x89\x01\x81\x8F\x01\x96Hi\0\x84\xA3";
    let pdu = Pdu::decode(wire).unwrap();
    assert_eq!(pdu.subject().unwrap().as_bytes(), b"Hi");
    let priority = pdu
        .headers()
        .find(|h| h.name() == "X-Mms-Priority")
        .unwrap();
    assert!(
        matches!(priority, MmsHeader::Unparsed { value: [0x01], .. }),
        "{priority:?}"
    );
    assert_eq!(pdu.encode_to_vec().unwrap(), wire);
    // Where reading it as a Value-length also ends on a header, it is left alone:
    // `8A 02 81 80` is a (raw) Message-Class of two octets.
    let wire = b"\x8C\x83\x98T\0\x8D\x92\x8A\x02\x81\x80\x95\x81";
    let pdu = Pdu::decode(wire).unwrap();
    assert_eq!(pdu.headers().count(), 5);
}

#[test]
fn a_short_length_smaller_than_the_from_or_expiry_it_frames_runs_to_the_content() {
    // From declared 8 octets, with 23 (token, 21 of text, NUL); Expiry declared 3, with 5.
    let wire = b"\x8C\x82\x98T\0\x8D\x92\x89\x08\x80+1555123456/TYPE=PLMN\0\
        \x8A\x80\x8E\x02\x03\xE8\x88\x03\x81\x03\x03\xF4\x80\x83http://x/1\0";
    let pdu = Pdu::decode(wire).unwrap();
    assert_eq!(
        kinds(pdu.diagnostics()),
        [
            (
                7,
                DiagnosticKind::ValueLengthShort {
                    declared: 8,
                    actual: 23
                }
            ),
            (
                38,
                DiagnosticKind::ValueLengthShort {
                    declared: 3,
                    actual: 5
                }
            ),
        ]
    );
    assert_eq!(pdu.message_size().unwrap().value, 1000);
    assert_eq!(pdu.content_location().unwrap().uri_bytes(), b"http://x/1");
    // Both typed, remembering the declared length, which they write back.
    let from = pdu.from().unwrap();
    assert!(
        matches!(
            from,
            FromValue::AddressPresent {
                short_length: Some(8),
                ..
            }
        ),
        "{from:?}"
    );
    assert_eq!(from.as_address().unwrap().value(), b"+1555123456");
    assert_eq!(from.encode_to_vec().unwrap(), wire[8..32]);
    let expiry = pdu.expiry().unwrap();
    assert_eq!(expiry.short_length, Some(3));
    assert!(matches!(expiry.time, Time::Relative(d) if d.value == 259_200));
    assert_eq!(expiry.encode_to_vec().unwrap(), wire[39..45]);
    // The same values as built have the true length.
    assert_eq!(
        FromValue::address(*from.as_address().unwrap())
            .encode_to_vec()
            .unwrap()[0],
        23
    );
    assert_eq!(
        TimeValue::relative(259_200).encode_to_vec().unwrap(),
        [5, 0x81, 3, 3, 0xF4, 0x80]
    );
    assert_eq!(pdu.encode_to_vec().unwrap(), wire);
    assert!(Pdu::decode_with(wire, &strict()).is_err());
}

#[test]
fn a_from_as_a_bare_text_string_is_the_address() {
    let wire = b"\x8C\x80\x98T\0\x8D\x92\x89+15551234567/TYPE=PLMN\0\x97b@c\0\x84\x83";
    let pdu = Pdu::decode(wire).unwrap();
    let from = pdu.from().unwrap();
    assert!(from.is_bare());
    assert_eq!(from.as_address().unwrap().value(), b"+15551234567");
    assert_eq!(
        kinds(pdu.diagnostics()),
        [(7, DiagnosticKind::BareFromAddress)]
    );
    assert_eq!(pdu.encode_to_vec().unwrap(), wire);
    let err = Pdu::decode_with(wire, &strict()).unwrap_err();
    assert_eq!((err.offset, err.context), (7, "From"));
}

/// AOSP's hand-made push (MANIFEST: MMS-Version `12`, From and Expiry with too small
/// Value-lengths): every header is found where it is.
#[test]
fn aosp_blocked_number_push_decodes_every_header_in_place() {
    let Some(root) = corpus_root() else { return };
    let path = root.join(
        "aosp/frameworks_opt_telephony/tests/telephonytests/src/com/android/internal/telephony/\
         WapPushOverSmsTest.java__testDispatchWapPduFromBlockedNumber.bin",
    );
    let bytes = std::fs::read(path).unwrap();
    let message = mms_pdu::decode(&bytes).unwrap();
    assert_eq!(message.encode_to_vec().unwrap(), bytes);
    let pdu = message.pdu().unwrap();
    let names: Vec<_> = pdu.headers().map(|h| h.name()).collect();
    assert_eq!(
        names,
        [
            "X-Mms-Message-Type",
            "X-Mms-Transaction-Id",
            "X-Mms-MMS-Version",
            "From",
            "X-Mms-Message-Class",
            "X-Mms-Message-Size",
            "X-Mms-Expiry",
            "Subject",
            "X-Mms-Content-Location"
        ]
    );
    // Every header typed (AOSP recovers every field): version 1.2, the From AOSP reads, the
    // relative expiry python-messaging reads (259200 s).
    for h in pdu.headers() {
        assert!(!h.is_raw(), "{h:?}");
    }
    let version = pdu.version().unwrap();
    assert_eq!((version.major(), version.minor()), (Some(1), Some(2)));
    let from = pdu.from().unwrap();
    assert_eq!(from.as_address().unwrap().text(), "16178269168/TYPE=PLMN");
    let expiry = pdu.expiry().unwrap();
    assert!(matches!(expiry.time, Time::Relative(d) if d.value == 259_200));
    assert!(Pdu::decode_with(&bytes[35..], &strict()).is_err());
    assert_eq!(pdu.message_size().unwrap().value, 1000);
    assert_eq!(pdu.subject().unwrap().as_bytes(), b"Test Mms Subject");
    assert_eq!(
        pdu.content_location().unwrap().uri_bytes(),
        b"http://www.google.com/sadfdd"
    );
    for h in pdu.headers() {
        assert!(!matches!(h, MmsHeader::Application { .. }), "{h:?}");
    }
    assert_eq!(
        kinds(pdu.diagnostics()),
        [
            (55, DiagnosticKind::HighBitMissing { found: 0x12 }),
            (
                57,
                DiagnosticKind::ValueLengthShort {
                    declared: 8,
                    actual: 23
                }
            ),
            (
                88,
                DiagnosticKind::ValueLengthShort {
                    declared: 3,
                    actual: 5
                }
            ),
        ]
    );
}

#[test]
fn validate_reports_an_mbox_view_conf_count_that_disagrees_with_its_entries() {
    let (_, sample) = mms_pdu::samples::all()
        .into_iter()
        .find(|(name, _)| name.contains("mbox-view-conf"))
        .unwrap();
    let pdu = Pdu::decode(&sample).unwrap();
    let count = |p: &Pdu<'_>| {
        mms_pdu::mms::validate::validate(p)
            .into_iter()
            .filter(|d| matches!(d.kind, DiagnosticKind::MessageCountMismatch { .. }))
            .collect::<Vec<_>>()
    };
    assert_eq!(count(&pdu), []);
    assert_eq!(pdu.multipart().unwrap().unwrap().parts().count(), 2);
    // The same sample with X-Mms-Message-Count 3 (`AD 83`).
    let at = pdu
        .fields()
        .find(|f| matches!(f.header, MmsHeader::MessageCount(_)))
        .unwrap()
        .offset;
    let mut edited = sample.clone();
    assert_eq!(edited[at..at + 2], [0xAD, 0x82]);
    edited[at + 1] = 0x83;
    let pdu = Pdu::decode(&edited).unwrap();
    let d = count(&pdu);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].offset, at);
    assert_eq!(
        d[0].kind,
        DiagnosticKind::MessageCountMismatch {
            declared: 3,
            found: 2
        }
    );
}

/// The headers of each sample (all built with the builders), and its body.
fn samples() -> Vec<(&'static str, Vec<u8>)> {
    mms_pdu::samples::all()
        .into_iter()
        .filter(|(name, _)| name.ends_with(".mms"))
        .collect()
}

proptest! {
    /// Any order of a built PDU's headers (Content-Type kept last before a body) decodes
    /// leniently to the same octets, reporting the deviation exactly when Message-Type,
    /// Transaction-ID and MMS-Version do not open the block in that order; strict mode refuses
    /// a block whose Message-Type is not first.
    #[test]
    fn shuffled_headers_decode_leniently_and_re_encode_exactly(
        pick in any::<prop::sample::Index>(),
        seed in prop::collection::vec(any::<prop::sample::Index>(), 64),
    ) {
        let samples = samples();
        let (name, wire) = &samples[pick.index(samples.len())];
        let pdu = Pdu::decode(wire).unwrap();
        let mut headers: Vec<MmsHeader<'_>> = pdu.headers().collect();
        let content_type = headers
            .last()
            .filter(|h| matches!(h, MmsHeader::ContentType(_)))
            .cloned();
        if content_type.is_some() {
            headers.pop();
        }
        // Fisher-Yates with the generated indices.
        for i in (1..headers.len()).rev() {
            let j = seed[i % seed.len()].index(i + 1);
            headers.swap(i, j);
        }
        let position = |name: &str| headers.iter().position(|h| h.name() == name);
        let ty = position("X-Mms-Message-Type").unwrap();
        let tid = position("X-Mms-Transaction-Id");
        let version = position("X-Mms-MMS-Version").unwrap();
        let canonical = ty == 0
            && tid.is_none_or(|t| t == 1)
            && version == if tid.is_some() { 2 } else { 1 };
        headers.extend(content_type);
        let shuffled = Pdu::new(headers, pdu.body()).encode_to_vec().unwrap();
        let again = Pdu::decode(&shuffled)
            .unwrap_or_else(|e| panic!("{name}: {e} in {shuffled:02X?}"));
        prop_assert_eq!(again.encode_to_vec().unwrap(), shuffled.clone());
        prop_assert_eq!(again.message_type(), pdu.message_type());
        prop_assert_eq!(again.headers().count(), pdu.headers().count());
        let reported: Vec<_> = again
            .diagnostics()
            .iter()
            .filter(|d| {
                matches!(d.kind, DiagnosticKind::OutOfOrder | DiagnosticKind::MessageTypeNotFirst)
            })
            .collect();
        prop_assert_eq!(reported.is_empty(), canonical, "{} {:?}", name, reported);
        prop_assert_eq!(
            again.diagnostics().iter().any(|d| d.kind == DiagnosticKind::MessageTypeNotFirst),
            ty != 0
        );
        // By the documented rule, a second octet 06/07 (a Value-length of 6 or 7) says push.
        if !matches!(shuffled[1], 0x06 | 0x07) {
            let front = mms_pdu::decode(&shuffled).unwrap();
            prop_assert!(matches!(front, Message::Pdu(_)), "{} read as a push", name);
        }
        if ty != 0 {
            prop_assert!(Pdu::decode_with(&shuffled, &strict()).is_err());
        }
    }
}
