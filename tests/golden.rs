//! Golden JSON files: for every corpus file that decodes, `tests/golden/<path>.json` holds this
//! crate's JSON view of it (the `serde` feature's model, as `mms decode --json` prints it),
//! with the text and data of body parts left out so that no corpus content is copied into the
//! repository. Any change in what the decoder reports shows up as a diff here.
//!
//! `UPDATE_GOLDEN=1 cargo test --test golden` rewrites them; review the diff before committing.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

mod common;
use common::{corpus_files, corpus_root};

/// Drops what a message carries rather than how it is encoded — the `text` and `data` of
/// body parts, a single body's `data`, a PDU's `trailing` octets and a push's `body` — so that
/// no corpus content is copied; their lengths stay.
fn strip_part_text(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            if map.contains_key("data_length") {
                map.remove("text");
            }
            map.remove("data");
            for key in ["trailing", "body"] {
                if map.get(key).is_some_and(serde_json::Value::is_string) {
                    map.remove(key);
                }
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
    let all = corpus_files(&root);
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
