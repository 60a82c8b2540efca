//! A relay's edit of every m-send-req in the corpus: the To list replaced and a header added
//! with `Pdu::edit`. The headers it leaves alone come out as the same octets in the same order,
//! the body is unchanged, and the result decodes with no deviation the source did not have.
//!
//! The corpus is read in place (`$MMS_PDU_CORPUS`, default `../shared/corpus`); absent, the test
//! says so and passes unless `MMS_PDU_REQUIRE_CORPUS=1`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use mms_pdu::assigned::FieldCode;
use mms_pdu::mms::MmsHeader;
use mms_pdu::prelude::*;

mod common;
use common::{corpus_files, corpus_root, relative};

/// Each header's octets in `input` (offsets in `pdu` count from the start of `input`), with
/// whether it is a To or an application header (what the edit changes).
fn header_octets<'a>(pdu: &Pdu<'_>, input: &'a [u8]) -> Vec<(bool, &'a [u8])> {
    let end = input.len() - pdu.body().map_or(0, <[u8]>::len) - pdu.trailing().len();
    let fields: Vec<_> = pdu.fields().collect();
    let mut out = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        let to = fields.get(i + 1).map_or(end, |n| n.offset);
        let edited = matches!(f.header, MmsHeader::To(_) | MmsHeader::Application { .. });
        out.push((edited, &input[f.offset..to]));
    }
    out
}

#[test]
fn every_corpus_send_req_is_re_addressed_with_untouched_headers_exact() {
    let Some(root) = corpus_root() else { return };
    let mut edited = 0;
    for path in corpus_files(&root) {
        let bytes = std::fs::read(&path).unwrap();
        let name = relative(&root, &path);
        let Ok(message) = decode(&bytes) else {
            continue;
        };
        let Some(pdu) = message.pdu() else { continue };
        if pdu.message_type() != Some(MessageType::SEND_REQ) {
            continue;
        }
        let mut edit = pdu.edit();
        edit.set_recipients(FieldCode::TO, [Address::new(b"+15550100/TYPE=PLMN")])
            .unwrap()
            .add_application_header("X-Relayed-By", "mmsc.example")
            .unwrap();
        let out = edit
            .finish()
            .unwrap_or_else(|e| panic!("{name}: the edit is refused: {e}"));
        let back = Pdu::decode(&out).unwrap_or_else(|e| panic!("{name}: {e}"));
        let to: Vec<_> = back.to().map(|a| a.as_bytes()).collect();
        assert_eq!(to, [&b"+15550100/TYPE=PLMN"[..]], "{name}");
        assert!(
            back.application_headers()
                .any(|h| h == (&b"X-Relayed-By"[..], &b"mmsc.example"[..])),
            "{name}"
        );
        assert_eq!(back.body(), pdu.body(), "{name}");
        let kept = |p: &Pdu<'_>, input| -> Vec<Vec<u8>> {
            header_octets(p, input)
                .into_iter()
                .filter(|(edited, _)| !edited)
                .map(|(_, raw)| raw.to_vec())
                .collect()
        };
        assert_eq!(
            kept(&back, &out),
            kept(pdu, &bytes),
            "{name}: untouched headers"
        );
        for d in back.diagnostics() {
            let known = pdu
                .diagnostics()
                .iter()
                .any(|s| s.kind == d.kind && s.context == d.context);
            assert!(d.kind.is_note() || known, "{name}: new diagnostic {d}");
        }
        // The typed form writes the same octets.
        let mut built = pdu.edit();
        built
            .set_recipients(FieldCode::TO, [Address::new(b"+15550100/TYPE=PLMN")])
            .unwrap()
            .add_application_header("X-Relayed-By", "mmsc.example")
            .unwrap();
        assert_eq!(
            built.build().unwrap().encode_to_vec().unwrap(),
            out,
            "{name}"
        );
        edited += 1;
    }
    assert!(edited > 0, "the corpus has m-send-req PDUs");
    eprintln!("{edited} m-send-req PDUs edited");
}
