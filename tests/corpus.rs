//! The shared corpus of real MMS PDUs and WAP pushes (`shared/corpus`, described in its
//! `MANIFEST.md`), read in place: the files are GPL and never copied into this repository.
//!
//! The corpus folder is `$MMS_PDU_CORPUS`, by default `../shared/corpus` next to the crate.
//! When it is missing the tests print a skip message and pass, unless
//! `MMS_PDU_REQUIRE_CORPUS=1` (CI) makes that a failure.
//!
//! What each corpus file is and what the decoder must do with it is data, not code:
//! `tests/facts/<corpus path>.json`, described in `tests/corpus_facts/mod.rs`. This is the one
//! checker of those facts, layer by layer (push, MMS PDU, multipart body) and through the front
//! door.

// The facts are read with serde, and the push layer's errors and diagnostics compared in the
// crate's own serde form: the repository's dev-dependency on itself turns the feature on; a
// packaged copy of the crate runs this test with `--features serde`.
#![cfg(feature = "serde")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
mod corpus_facts;

use common::corpus_root;

use corpus_facts::{CorpusFile, Kind, corpus, facts_root};
use std::collections::BTreeSet;
use std::path::Path;

/// The data files and the corpus folder list the same files, one entry each.
#[test]
fn every_corpus_file_has_one_entry() {
    let table = corpus();
    let mut seen = BTreeSet::new();
    let duplicates: Vec<_> = table
        .iter()
        .filter(|f| !seen.insert(f.path.as_str()))
        .map(|f| &f.path)
        .collect();
    assert!(
        duplicates.is_empty(),
        "duplicate entries in the facts: {duplicates:#?}"
    );
    assert_eq!(table.len(), 98, "MANIFEST lists 98 files");

    let Some(root) = corpus_root() else { return };
    let on_disk: BTreeSet<String> = common::corpus_files(&root)
        .iter()
        .map(|path| common::relative(&root, path))
        .collect();
    let in_table: BTreeSet<String> = table.iter().map(|f| f.path.clone()).collect();
    let no_entry: Vec<_> = on_disk.difference(&in_table).collect();
    let no_file: Vec<_> = in_table.difference(&on_disk).collect();
    assert!(
        no_entry.is_empty() && no_file.is_empty(),
        "corpus files without a data file in {}: {no_entry:#?}\n\
         data files without a corpus file in {}: {no_file:#?}",
        facts_root().display(),
        root.display()
    );
}

/// The facts are internally consistent (no corpus needed).
#[test]
fn facts_table_is_consistent() {
    for file in corpus() {
        match file.kind {
            Kind::Push => {
                let push = file
                    .push
                    .as_ref()
                    .unwrap_or_else(|| panic!("{}: a push without push facts", file.path));
                assert!(
                    push.diagnostics.is_some() != push.error.is_some(),
                    "{}: a push states what its push layer does: its diagnostics or its error",
                    file.path
                );
            }
            Kind::BarePdu => assert!(
                file.push.is_none(),
                "{}: push facts on a bare PDU",
                file.path
            ),
        }
        let non_mms_push = file.push.as_ref().is_some_and(|p| p.is_mms == Some(false));
        assert!(
            !(non_mms_push && file.pdu.is_some()),
            "{}: MMS facts on a non-MMS push",
            file.path
        );
        assert!(!file.source_dir().is_empty() && !file.file_name().is_empty());
    }
}

/// python-messaging asserts a part of `m.mms` labelled us-ascii whose text holds the octet 0xE4
/// (Latin-1 `ä`): it reads as `ä`, the way the sender's phone showed it, not as U+FFFD, and the
/// decode reports the label's deviation.
#[test]
fn latin1_text_labelled_us_ascii_reads_as_sent() {
    use mms_pdu::assigned::Charset;
    use mms_pdu::error::Deviation;
    let Some(root) = corpus_root() else { return };
    let path = root.join("python-messaging/messaging/test/mms-data/m.mms");
    let bytes = std::fs::read(&path).unwrap();
    let pdu = mms_pdu::Pdu::decode(&bytes).unwrap();
    let eight_bit = mms_pdu::DiagnosticKind::Deviation(Deviation::EightBitInUsAscii);
    assert!(pdu.diagnostics().iter().any(|d| d.kind == eight_bit));
    let parts = pdu.multipart().unwrap().unwrap().parts_vec().unwrap();
    let labelled =
        |p: &&mms_pdu::wsp::Part<'_>| p.content_type.charset() == Some(Charset::US_ASCII);
    let part = parts
        .iter()
        .filter(labelled)
        .find(|p| p.data.contains(&0xE4))
        .unwrap();
    let text = part.text(Charset::UTF_8);
    assert!(text.contains('ä') && !text.contains('\u{FFFD}'), "{text:?}");
}

// Decoding every file: facts and byte-exact round trip, one test per source directory.
#[path = "corpus_facts/decode_checks.rs"]
mod decode_checks;

fn read(root: &Path, file: &CorpusFile) -> Vec<u8> {
    std::fs::read(root.join(&file.path)).unwrap_or_else(|e| panic!("{}: {e}", file.path))
}
