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

mod corpus_facts;

use corpus_facts::{CORPUS, CorpusFile, Kind};
use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The corpus root, or `None` (after printing why) when the tests should be skipped.
fn corpus_root() -> Option<PathBuf> {
    let root = std::env::var_os("MMS_PDU_CORPUS").map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")),
        PathBuf::from,
    );
    if root.is_dir() {
        return Some(root);
    }
    let required = std::env::var("MMS_PDU_REQUIRE_CORPUS").is_ok_and(|v| v == "1");
    assert!(
        !required,
        "MMS_PDU_REQUIRE_CORPUS=1 but the corpus folder {} does not exist (set MMS_PDU_CORPUS)",
        root.display()
    );
    // Once per run, straight to stderr: the test harness captures `eprintln!`, and a skip must
    // be seen.
    static SKIP_MESSAGE: std::sync::Once = std::sync::Once::new();
    SKIP_MESSAGE.call_once(|| {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: corpus folder {} not found; set MMS_PDU_CORPUS to the shared corpus to run the corpus tests",
            root.display()
        );
    });
    None
}

/// Every regular file under `root` except the top-level MANIFEST.md, as `/`-separated paths.
fn corpus_files(root: &Path) -> BTreeSet<String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).unwrap();
                let rel: Vec<_> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect();
                out.insert(rel.join("/"));
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(root, root, &mut out);
    out.remove("MANIFEST.md");
    out
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
