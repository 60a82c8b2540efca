//! Every corpus file, broken on purpose: every strict prefix, single-octet changes at each
//! position of the header region (all 256 values in a release build, a spread of eight in a debug
//! build), and octets appended. Each must give a clean error or a decode that re-encodes to
//! exactly its input — never a panic. Decoding is linear and bounded, so no hang is possible
//! short of a bug, which the time of this test would show.
//!
//! The corpus is read in place (`$MMS_PDU_CORPUS`, default `../shared/corpus`); absent, the test
//! says so and passes unless `MMS_PDU_REQUIRE_CORPUS=1`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use mms_pdu::codec::Encode;

mod common;
use common::{corpus_files, corpus_root};

/// Decodes `input`; a success must re-encode to exactly `input`. Panics are caught and
/// reported with the input that caused them.
fn check(input: &[u8], what: &dyn Fn() -> String) -> Result<(), String> {
    let outcome = std::panic::catch_unwind(|| match mms_pdu::decode(input) {
        Ok(message) => {
            let out = message
                .encode_to_vec()
                .map_err(|e| format!("re-encode failed: {e}"))?;
            if out == input {
                Ok(())
            } else {
                Err("decoded but re-encoded differently".to_owned())
            }
        }
        Err(e) if e.offset <= input.len() => Ok(()),
        Err(e) => Err(format!(
            "error offset {} past the end {}",
            e.offset,
            input.len()
        )),
    });
    match outcome {
        Ok(Ok(())) => Ok(()),
        Ok(Err(msg)) => Err(format!("{}: {msg}", what())),
        Err(_) => Err(format!("{}: PANIC", what())),
    }
}

/// Where the headers end: for a bare PDU, at its body (or its end); for a push, at the end of
/// the carried PDU's headers, or of the push headers for an opaque push.
fn header_region(bytes: &[u8]) -> usize {
    match mms_pdu::decode(bytes) {
        Ok(mms_pdu::Message::Pdu(p)) => bytes.len() - p.body().map_or(0, <[u8]>::len),
        Ok(mms_pdu::Message::Push(p)) => match &p.pdu {
            Some(pdu) => bytes.len() - pdu.body().map_or(0, <[u8]>::len),
            None => p.push.body_offset(),
        },
        Err(e) => e.offset.min(bytes.len()),
    }
}

#[test]
fn every_corpus_file_survives_truncation_corruption_and_extension() {
    let Some(root) = corpus_root() else { return };
    let all = corpus_files(&root);
    // A release build tries every octet value; a debug build a spread that covers each class
    // of first octet (NUL, short length, length quote, text, Quote, short integer).
    let values: Vec<u8> = if cfg!(debug_assertions) {
        vec![0x00, 0x01, 0x1E, 0x1F, 0x22, 0x41, 0x7F, 0x80, 0x8C, 0xFF]
    } else {
        (0..=255).collect()
    };
    let mut problems = Vec::new();
    let mut decodes = 0u64;
    for path in &all {
        let bytes = std::fs::read(path).unwrap();
        let name = path.strip_prefix(&root).unwrap().display().to_string();
        // Every strict prefix in a release build; in a debug build every prefix through the
        // headers and the first 4 KiB of body, then every 61st (part data is never touched, but
        // each prefix still walks the part headers before it).
        let region = header_region(&bytes).max(1).min(bytes.len());
        let dense = if cfg!(debug_assertions) {
            region + 4096
        } else {
            usize::MAX
        };
        for cut in (0..bytes.len()).filter(|&c| c < dense || c % 61 == 0) {
            decodes += 1;
            if let Err(p) = check(&bytes[..cut], &|| format!("{name}: prefix of {cut}")) {
                problems.push(p);
            }
        }
        // Every position of the header region, every value.
        let mut changed = bytes.clone();
        for at in 0..region {
            let original = changed[at];
            for &v in &values {
                if v == original {
                    continue;
                }
                changed[at] = v;
                decodes += 1;
                if let Err(p) = check(&changed, &|| format!("{name}: octet {at} set to {v:#04X}")) {
                    problems.push(p);
                }
            }
            changed[at] = original;
        }
        // Octets appended.
        for tail in [
            &[0x00][..],
            &[0x8C],
            &[0x0A],
            &[0xFF; 16],
            &[0x1F, 0x8F, 0xFF, 0xFF, 0xFF],
        ] {
            let mut longer = bytes.clone();
            longer.extend_from_slice(tail);
            decodes += 1;
            if let Err(p) = check(&longer, &|| format!("{name}: {tail:02X?} appended")) {
                problems.push(p);
            }
        }
        if problems.len() > 50 {
            break;
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    eprintln!(
        "corpus mutations: {} files, {decodes} decodes, no problem",
        all.len()
    );
}
