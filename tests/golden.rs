//! Golden JSON files: for every corpus file that decodes, `tests/golden/<path>.json` holds this
//! crate's JSON view of it (the `serde` feature's model, as `mms decode --json` prints it),
//! with the text of body parts left out so that no corpus content is copied into the
//! repository. Any change in what the decoder reports shows up as a diff here.
//!
//! `UPDATE_GOLDEN=1 cargo test --test golden` rewrites them; review the diff before committing.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

fn corpus_root() -> Option<PathBuf> {
    let root = std::env::var_os("MMS_PDU_CORPUS").map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")),
        PathBuf::from,
    );
    if root.is_dir() {
        return Some(root);
    }
    assert!(
        std::env::var("MMS_PDU_REQUIRE_CORPUS").as_deref() != Ok("1"),
        "MMS_PDU_REQUIRE_CORPUS=1 but {} does not exist",
        root.display()
    );
    eprintln!("SKIPPED: corpus folder {} not found", root.display());
    None
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.file_name().is_some_and(|n| n != "MANIFEST.md") {
            out.push(path);
        }
    }
}

/// Drops the `text` of body parts: it is corpus content, not a decoding fact.
fn strip_part_text(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            if map.contains_key("data_length") {
                map.remove("text");
            }
            map.values_mut().for_each(strip_part_text);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_part_text),
        _ => {}
    }
}

#[test]
fn corpus_json_matches_golden_files() {
    let Some(root) = corpus_root() else { return };
    let golden_root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let update = std::env::var("UPDATE_GOLDEN").as_deref() == Ok("1");
    let mut all = Vec::new();
    files(&root, &mut all);
    all.sort();
    let mut problems = Vec::new();
    let mut compared = 0;
    for path in &all {
        let rel = path.strip_prefix(&root).unwrap();
        let golden =
            golden_root
                .join(rel)
                .with_extension(rel.extension().map_or("json".to_owned(), |e| {
                    format!("{}.json", e.to_string_lossy())
                }));
        let bytes = std::fs::read(path).unwrap();
        let Ok(message) = mms_pdu::decode(&bytes) else {
            continue;
        };
        let mut json = serde_json::to_value(&message).unwrap();
        strip_part_text(&mut json);
        let text = serde_json::to_string_pretty(&json).unwrap() + "\n";
        if update {
            std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
            std::fs::write(&golden, &text).unwrap();
            continue;
        }
        compared += 1;
        match std::fs::read_to_string(&golden) {
            Ok(expected) if expected == text => {}
            Ok(expected) => {
                let line = expected
                    .lines()
                    .zip(text.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or(0);
                problems.push(format!(
                    "{}: differs from {} at line {}:\n  golden: {}\n  now:    {}",
                    rel.display(),
                    golden.display(),
                    line + 1,
                    expected.lines().nth(line).unwrap_or(""),
                    text.lines().nth(line).unwrap_or("")
                ));
            }
            Err(_) => problems.push(format!(
                "{}: no golden file {} (run with UPDATE_GOLDEN=1)",
                rel.display(),
                golden.display()
            )),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    eprintln!("golden JSON: {compared} corpus files compared");
}
