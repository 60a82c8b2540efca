//! The shared corpus of real MMS PDUs and WAP pushes (`shared/corpus`, described in its
//! `MANIFEST.md`), read in place: the files are GPL and never copied into this repository.
//!
//! The corpus folder is `$MMS_PDU_CORPUS`, by default `../shared/corpus` next to the crate.
//! When it is missing the tests print a skip message and pass, unless
//! `MMS_PDU_REQUIRE_CORPUS=1` (CI) makes that a failure.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
mod corpus_facts;

use common::corpus_root;

use corpus_facts::{CORPUS, CorpusFile, Kind};
use std::collections::BTreeSet;
use std::path::Path;

/// Every corpus file as a `/`-separated path relative to `root`.
fn corpus_files(root: &Path) -> BTreeSet<String> {
    common::corpus_files(root)
        .iter()
        .map(|path| {
            let rel = path.strip_prefix(root).unwrap();
            let parts: Vec<_> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect();
            parts.join("/")
        })
        .collect()
}

/// The facts table and the folder list the same files, one entry each.
#[test]
fn every_corpus_file_has_one_entry() {
    let mut seen = BTreeSet::new();
    let duplicates: Vec<_> = CORPUS
        .iter()
        .filter(|f| !seen.insert(f.path))
        .map(|f| f.path)
        .collect();
    assert!(
        duplicates.is_empty(),
        "duplicate entries in the facts table: {duplicates:#?}"
    );
    assert_eq!(CORPUS.len(), 98, "MANIFEST lists 98 files");

    let Some(root) = corpus_root() else { return };
    let on_disk = corpus_files(&root);
    let in_table: BTreeSet<String> = CORPUS.iter().map(|f| f.path.to_owned()).collect();
    let no_entry: Vec<_> = on_disk.difference(&in_table).collect();
    let no_file: Vec<_> = in_table.difference(&on_disk).collect();
    assert!(
        no_entry.is_empty() && no_file.is_empty(),
        "corpus files without an entry in tests/corpus_facts: {no_entry:#?}\n\
         entries without a file in {}: {no_file:#?}",
        root.display()
    );
}

/// The table is internally consistent (no corpus needed).
#[test]
fn facts_table_is_consistent() {
    for file in CORPUS {
        match file.kind {
            Kind::Push => assert!(
                file.push.is_some(),
                "{}: a push without push facts",
                file.path
            ),
            Kind::BarePdu => assert!(
                file.push.is_none(),
                "{}: push facts on a bare PDU",
                file.path
            ),
        }
        let non_mms_push = file.push.is_some_and(|p| p.is_mms == Some(false));
        assert!(
            !(non_mms_push && file.pdu.is_some()),
            "{}: MMS facts on a non-MMS push",
            file.path
        );
        assert!(!file.source_dir().is_empty() && !file.file_name().is_empty());
    }
}

// Decoding every file: facts and byte-exact round trip, one test per source directory.
#[path = "corpus_facts/decode_checks.rs"]
mod decode_checks;

fn read(root: &Path, file: &CorpusFile) -> Vec<u8> {
    std::fs::read(root.join(file.path)).unwrap_or_else(|e| panic!("{}: {e}", file.path))
}
