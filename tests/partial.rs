//! Partial decoding and incomplete input, against every shared-corpus file cut at every octet:
//! a cut notification or retrieve-conf keeps exactly the headers wholly before the cut and the
//! parts that end before it; every cut of a well-formed input says it ran out of input; a cut
//! pushed notification is never a silent whole success; a push handed to `Pdu::decode` says so.
//!
//! The corpus is read in place (`$MMS_PDU_CORPUS`, default `../shared/corpus`); absent, the test
//! says so and passes unless `MMS_PDU_REQUIRE_CORPUS=1`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use mms_pdu::assigned::MessageType;
use mms_pdu::codec::Encode;
use mms_pdu::mms::Pdu;
use mms_pdu::mms::validate::validate;
use mms_pdu::{DecodeErrorKind, DecodeOptions, DiagnosticKind, Message, decode, decode_partial};

mod common;
use common::{corpus_files, corpus_root, relative};

/// Every corpus file with its name.
fn corpus() -> Vec<(String, Vec<u8>)> {
    let Some(root) = corpus_root() else {
        return Vec::new();
    };
    corpus_files(&root)
        .into_iter()
        .map(|path| (relative(&root, &path), std::fs::read(&path).unwrap()))
        .collect()
}

/// A header as compared: its offset, its extent, and its typed value's debug form.
type Field = (usize, usize, String);

/// The headers of `pdu` with the offset where each ends (the next header, or the end of the
/// header block: the body, or the trailing octets, or `end`).
fn fields(pdu: &Pdu<'_>, end: usize) -> Vec<Field> {
    let list: Vec<_> = pdu.fields().collect();
    let block_end = end - pdu.body().map_or(0, <[u8]>::len) - pdu.trailing().len();
    list.iter()
        .enumerate()
        .map(|(i, f)| {
            let to = list.get(i + 1).map_or(block_end, |n| n.offset);
            (f.offset, to, format!("{:?}", f.header))
        })
        .collect()
}

/// The top-level parts of `pdu` that decode, as (offset, end, data).
fn parts<'a>(pdu: &Pdu<'a>) -> Vec<(usize, usize, &'a [u8])> {
    match pdu.multipart() {
        Some(Ok(mp)) => mp
            .parts()
            .map_while(Result::ok)
            .map(|p| (p.offset, p.offset + p.encoded_len(), p.data))
            .collect(),
        _ => Vec::new(),
    }
}

#[test]
fn every_cut_keeps_the_headers_and_parts_before_it() {
    let mut checked = 0;
    for (name, bytes) in corpus() {
        let Ok(message) = decode(&bytes) else {
            continue;
        };
        let Some(full) = message.pdu() else { continue };
        let kind = full.message_type().unwrap();
        if kind != MessageType::NOTIFICATION_IND && kind != MessageType::RETRIEVE_CONF {
            continue;
        }
        checked += 1;
        // A value the lenient walk repaired (a lost high bit, a Value-length shorter than its
        // value: AOSP's blocked-number push) is recognised only when the value's true end has
        // arrived; cut before it, the prefix reads the octets as declared. Past the first such
        // header only the headers before it are compared.
        let repaired_at = full
            .diagnostics()
            .iter()
            .filter(|d| {
                matches!(
                    d.kind,
                    DiagnosticKind::HighBitMissing { .. } | DiagnosticKind::ValueLengthShort { .. }
                )
            })
            .map(|d| d.offset)
            .min();
        let headers = fields(full, bytes.len());
        let all_parts = parts(full);
        // Where a header or part ends: a cut there may decode whole.
        let boundaries: Vec<usize> = headers
            .iter()
            .map(|h| h.1)
            .chain(all_parts.iter().map(|p| p.1))
            .collect();
        // A push whose HeadersLen runs past its headers (Gammu `mms-298`) is repaired only
        // when the declared block fits the input and the PDU's `8C xx 98` shows: cut before
        // that, the push itself is cut.
        let first = match &message {
            Message::Push(p)
                if p.diagnostics
                    .iter()
                    .any(|d| matches!(d.kind, DiagnosticKind::HeadersLenMismatch { .. })) =>
            {
                3 + p.push.headers_len().encoded_len() + p.push.headers_len().value as usize
            }
            _ => 0,
        };
        // A body that is not a multipart has no length: cut anywhere, it is whole.
        let opaque_body = match full.body() {
            Some(body) if full.multipart().is_none() => bytes.len() - body.len(),
            _ => usize::MAX,
        };
        for cut in first..bytes.len() {
            // Inside a part's data every cut is alike: a debug build takes the first and last
            // 64 octets of each and every 61st between (a release build takes every octet).
            let deep = all_parts
                .iter()
                .any(|p| cut > p.0 + 64 + (p.1 - p.0 - p.2.len()) && cut + 64 < p.1);
            if cfg!(debug_assertions) && deep && cut % 61 != 0 {
                continue;
            }
            let input = &bytes[..cut];
            if let Some(at) = repaired_at.filter(|at| cut > *at) {
                let pdu = match decode_partial(input, &DecodeOptions::new()) {
                    Ok(m) => m.pdu().unwrap().clone(),
                    Err(partial) => partial.pdu().clone(),
                };
                let before = |f: &Vec<Field>| {
                    f.iter()
                        .filter(|h| h.0 < at)
                        .map(|h| (h.0, h.2.clone()))
                        .collect::<Vec<_>>()
                };
                assert_eq!(
                    before(&fields(&pdu, cut)),
                    before(&headers),
                    "{name}: cut at {cut}"
                );
                continue;
            }
            let (pdu, got_parts) = match decode_partial(input, &DecodeOptions::new()) {
                Ok(m) => {
                    assert!(
                        boundaries.contains(&cut) || cut >= opaque_body,
                        "{name}: cut at {cut} (inside a header or part) decoded whole"
                    );
                    let pdu = m.pdu().unwrap().clone();
                    let p = parts(&pdu);
                    (pdu, p)
                }
                Err(partial) => {
                    assert!(partial.error().offset <= cut, "{name}: cut at {cut}");
                    let p = partial
                        .partial
                        .parts()
                        .iter()
                        .map(|p| (p.offset, p.offset + p.encoded_len(), p.data))
                        .collect();
                    // What it shows re-encodes to the input it was given (the PDU part).
                    let pdu = partial.pdu().clone();
                    if pdu.headers().len() > 0 {
                        let wire = pdu.encode_to_vec().unwrap();
                        assert!(input.ends_with(&wire), "{name}: cut at {cut}");
                    }
                    (pdu, p)
                }
            };
            let want: Vec<&Field> = headers.iter().filter(|h| h.1 <= cut).collect();
            let got = fields(&pdu, cut);
            let got: Vec<&Field> = got.iter().filter(|h| h.1 <= cut).collect();
            // The header the cut fell in may show, typed from what arrived, only when the
            // decode is whole (a lenient text at the end); otherwise exactly the whole ones.
            assert_eq!(
                got.iter().map(|h| (h.0, &h.2)).collect::<Vec<_>>(),
                want.iter().map(|h| (h.0, &h.2)).collect::<Vec<_>>(),
                "{name}: headers of the cut at {cut}"
            );
            assert_eq!(pdu.headers().len(), want.len(), "{name}: cut at {cut}");
            let want_parts: Vec<_> = all_parts.iter().filter(|p| p.1 <= cut).copied().collect();
            assert_eq!(got_parts, want_parts, "{name}: parts of the cut at {cut}");
        }
    }
    if corpus_root().is_some() {
        assert!(
            checked >= 40,
            "only {checked} notifications and retrieve-confs"
        );
    }
}

#[test]
fn a_cut_body_names_the_part_it_ended_inside() {
    for (name, bytes) in corpus() {
        let Ok(Message::Pdu(full)) = decode(&bytes) else {
            continue;
        };
        let all = parts(&full);
        let Some(&(offset, end, _)) = all.last() else {
            continue;
        };
        // Cut in the middle of the last part's data.
        let cut = end - (end - offset) / 4;
        let partial = Pdu::decode_partial(&bytes[..cut], &DecodeOptions::new()).unwrap_err();
        assert!(partial.error().is_incomplete(), "{name}");
        let cut_part = partial.cut_part().unwrap_or_else(|| panic!("{name}"));
        assert_eq!(cut_part.offset, offset, "{name}");
        assert!(
            cut_part.available < cut_part.declared,
            "{name}: {cut_part:?}"
        );
        assert_eq!(partial.parts().len(), all.len() - 1, "{name}");
        assert_eq!(
            partial.pdu().headers().len(),
            full.headers().len(),
            "{name}"
        );
        assert_eq!(partial.pdu().subject(), full.subject(), "{name}");
    }
}

#[test]
fn every_cut_of_a_well_formed_input_is_incomplete() {
    let mut cuts = 0;
    for (name, bytes) in corpus() {
        if decode(&bytes).is_err() {
            continue;
        }
        for cut in 0..bytes.len() {
            // A debug build takes every cut of the first 4 KiB and every 29th after.
            if cfg!(debug_assertions) && cut >= 4096 && cut % 29 != 0 {
                continue;
            }
            if let Err(e) = decode(&bytes[..cut]) {
                cuts += 1;
                assert!(e.is_incomplete(), "{name}: cut at {cut}: {e}");
                assert_ne!(e.kind, DecodeErrorKind::MissingTerminator, "{name}");
            }
        }
    }
    if corpus_root().is_some() {
        assert!(cuts > 10_000, "{cuts}");
    }
}

#[test]
fn a_cut_pushed_notification_is_never_a_silent_success() {
    let mut pushes = 0;
    let sample = include_bytes!("../samples/push-notification.wsp").to_vec();
    let mut inputs = corpus();
    inputs.push(("samples/push-notification.wsp".to_owned(), sample));
    for (name, bytes) in inputs {
        let Ok(Message::Push(whole)) = decode(&bytes) else {
            continue;
        };
        let Some(pdu) = &whole.pdu else { continue };
        if pdu.message_type() != Some(MessageType::NOTIFICATION_IND) {
            continue;
        }
        pushes += 1;
        for cut in 0..bytes.len() {
            match decode(&bytes[..cut]) {
                Err(e) => assert!(e.is_incomplete(), "{name}: cut at {cut}: {e}"),
                Ok(Message::Push(p)) => {
                    // Whole only where the cut leaves every mandatory field (trailing octets
                    // cut off); otherwise it says what is missing, and the partial decode
                    // refuses it.
                    let pdu = p.pdu.as_ref();
                    assert!(pdu.is_some(), "{name}: cut at {cut} lost its PDU silently");
                    let missing = validate(pdu.unwrap())
                        .iter()
                        .any(|d| d.kind == DiagnosticKind::MissingMandatory);
                    let said = p
                        .diagnostics
                        .iter()
                        .any(|d| d.kind == DiagnosticKind::MissingMandatory);
                    assert_eq!(said, missing, "{name}: cut at {cut}: {p:?}");
                    assert_eq!(
                        decode_partial(&bytes[..cut], &DecodeOptions::new()).is_err(),
                        missing,
                        "{name}: cut at {cut}"
                    );
                }
                Ok(Message::Pdu(_)) => panic!("{name}: cut at {cut} is a bare PDU"),
            }
        }
    }
    if corpus_root().is_some() {
        assert!(pushes >= 20, "{pushes}");
    }
}

#[test]
fn a_push_handed_to_pdu_decode_says_so() {
    let mut pushes = 0;
    for (name, bytes) in corpus() {
        if let Ok(Message::Push(_)) = decode(&bytes) {
            pushes += 1;
            let e = Pdu::decode(&bytes).unwrap_err();
            assert_eq!(e.kind, DecodeErrorKind::WspPush, "{name}");
            assert!(e.to_string().contains("mms_pdu::decode"), "{e}");
        }
    }
    if corpus_root().is_some() {
        assert!(pushes >= 20, "{pushes}");
    }
    let push = include_bytes!("../samples/push-notification.wsp");
    assert_eq!(
        Pdu::decode(push).unwrap_err().kind,
        DecodeErrorKind::WspPush
    );
    for garbage in [
        &b"GET / HTTP/1.1\r\n"[..],
        &[0x00],
        &[0xFF, 0xFF, 0xFF],
        &[0x01],
    ] {
        assert_eq!(
            Pdu::decode(garbage).unwrap_err().kind,
            DecodeErrorKind::NotThisKind,
            "{garbage:?}"
        );
    }
}

#[test]
fn a_cut_notification_keeps_what_a_phone_needs() {
    // issue 18: the SMS segment carrying the end of X-Mms-Content-Location never arrived.
    for (name, bytes) in corpus() {
        let Ok(Message::Push(whole)) = decode(&bytes) else {
            continue;
        };
        let Some(pdu) = &whole.pdu else { continue };
        // The notifications whose last header is their Content-Location.
        let Some(location) = pdu
            .fields()
            .last()
            .filter(|f| f.header.field() == Some(mms_pdu::assigned::FieldCode::CONTENT_LOCATION))
        else {
            continue;
        };
        if pdu.message_type() != Some(MessageType::NOTIFICATION_IND) {
            continue;
        }
        let cut = location.offset + 3;
        let partial = decode_partial(&bytes[..cut], &DecodeOptions::new()).unwrap_err();
        let got = partial.pdu();
        assert!(partial.error().is_incomplete(), "{name}");
        assert!(partial.push.is_some(), "{name}");
        assert_eq!(got.from_address(), pdu.from_address(), "{name}");
        assert_eq!(got.message_id(), pdu.message_id(), "{name}");
        assert_eq!(got.subject(), pdu.subject(), "{name}");
        assert_eq!(got.message_size(), pdu.message_size(), "{name}");
        assert_eq!(got.expiry(), pdu.expiry(), "{name}");
        assert!(
            partial
                .partial
                .missing()
                .contains(&"X-Mms-Content-Location"),
            "{name}: {:?}",
            partial.partial.missing()
        );
    }
}

#[test]
fn a_text_cut_by_an_enclosing_length_is_not_incomplete() {
    use mms_pdu::wsp::multipart;
    // One entry: HeadersLen 3, DataLen 0, text/plain, then an application header name "X-"
    // without its NUL: the HeadersLen cut it, more input would not help.
    let broken = [0x01, 0x03, 0x00, 0x83, b'X', b'-', 0xFF];
    let e = multipart::decode(&broken[..6], &DecodeOptions::new()).unwrap_err();
    assert_eq!(e.kind, DecodeErrorKind::MissingTerminator, "{e}");
    assert!(!e.is_incomplete());
    // The same entry cut by the end of the input ran out.
    let e = multipart::decode(&broken[..5], &DecodeOptions::new()).unwrap_err();
    assert!(e.is_incomplete(), "{e}");
    // An MMS Subject (a Text-string, no length) cut by the end of the input ran out too.
    let cut = [0x8C, 0x80, 0x98, b'T', 0x00, 0x8D, 0x92, 0x96, b'H', b'i'];
    let e = Pdu::decode(&cut).unwrap_err();
    assert_eq!(
        e.kind,
        DecodeErrorKind::UnexpectedEnd { need: 3, have: 2 },
        "{e}"
    );
    assert_eq!((e.offset, e.context), (8, "Subject"));
}
