//! The layers of ARCHITECTURE.md, checked on the source text: a module names only the layers
//! below it, and no source file grows past what can be read in one sitting.
//!
//! Every `crate::<module>` path counts, in code, unit tests and doc links alike: a doc link to a
//! layer above is knowledge of that layer. Unit tests may use the testing aids (the samples);
//! a test that needs a layer above belongs to that layer or to `tests/`.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)] // Helpers of a test.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Each top-level module of `src/` and the modules it may name (besides itself).
const LAYERS: &[(&str, &[&str])] = &[
    ("assigned", &[]),
    ("base", &["assigned"]),
    // The primitives take and give typed charsets (`EncodedString::with_charset`).
    ("codec", &["base", "assigned"]),
    ("text", &["base", "assigned", "codec"]),
    // SMS (WDP) carries WSP: the push decoder may read WDP ports, never the reverse.
    ("sms", &["base", "assigned", "codec"]),
    ("wsp", &["base", "assigned", "codec", "text", "sms"]),
    ("mms", &["base", "assigned", "codec", "text", "sms", "wsp"]),
    (
        "message",
        &["base", "assigned", "codec", "text", "wsp", "sms", "mms"],
    ),
    (
        "content",
        &["base", "assigned", "codec", "text", "wsp", "mms", "message"],
    ),
    // The readable JSON is written from the message view (`content`).
    (
        "json",
        &[
            "base", "assigned", "codec", "text", "wsp", "sms", "mms", "message", "content",
        ],
    ),
    // MMS to and from e-mail: a top layer beside json and testing, naming neither.
    (
        "mail",
        &[
            "base", "assigned", "codec", "text", "wsp", "sms", "mms", "message", "content",
        ],
    ),
    (
        "testing",
        &[
            "base", "assigned", "codec", "text", "wsp", "sms", "mms", "message", "content", "json",
        ],
    ),
];

/// Lines of code before a file's `#[cfg(test)]` module, at most.
const MAX_CODE_LINES: usize = 800;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The first path segment of every `crate::` path in `line`, grouped imports included.
fn named_modules(line: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let name = item.trim().split("::").next().unwrap_or("");
                names.push(name.to_string());
            }
        } else {
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            names.push(rest[..end].to_string());
        }
    }
    names
}

#[test]
fn no_layer_names_a_layer_above_it() {
    let layers: BTreeMap<&str, &[&str]> = LAYERS.iter().copied().collect();
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut problems = Vec::new();
    let mut unplaced = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(src()).unwrap();
        let Some(top) = relative.components().next() else {
            continue;
        };
        let top = top.as_os_str().to_str().unwrap();
        // The crate root and the prelude re-export from every layer.
        if top == "lib.rs" || top == "prelude.rs" {
            continue;
        }
        let Some(allowed) = layers.get(top) else {
            unplaced.push(relative.display().to_string());
            continue;
        };
        let text = fs::read_to_string(file).unwrap();
        let mut in_tests = false;
        for (n, line) in text.lines().enumerate() {
            in_tests |= line.starts_with("#[cfg(test)]");
            for name in named_modules(line) {
                let known = layers.contains_key(name.as_str());
                // Unit tests may take their inputs from the testing aids (the samples).
                let test_aid = in_tests && name == "testing";
                if known && name != top && !allowed.contains(&name.as_str()) && !test_aid {
                    problems.push(format!(
                        "src/{}:{}: `{top}` names `crate::{name}`: {}",
                        relative.display(),
                        n + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        unplaced.is_empty(),
        "files in no layer of LAYERS (add the folder to tests/layers.rs and ARCHITECTURE.md): {unplaced:#?}"
    );
    assert!(
        problems.is_empty(),
        "a layer reaches upward:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_layer_of_the_table_is_a_folder() {
    for (layer, _) in LAYERS {
        assert!(src().join(layer).is_dir(), "src/{layer} is not a folder");
    }
}

#[test]
fn source_files_fit_in_one_sitting() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut long = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        let code = text
            .lines()
            .take_while(|l| !l.starts_with("#[cfg(test)]"))
            .count();
        if code > MAX_CODE_LINES {
            long.push(format!(
                "{}: {code} lines before its tests",
                file.strip_prefix(src()).unwrap().display()
            ));
        }
    }
    assert!(
        long.is_empty(),
        "files over {MAX_CODE_LINES} lines of code: {long:#?}"
    );
}

#[test]
fn the_checker_sees_grouped_and_plain_paths() {
    assert_eq!(
        named_modules("use crate::{mms::Pdu, wsp::Push}; crate::codec::x"),
        ["mms", "wsp", "codec"]
    );
    assert_eq!(named_modules("/// [`Pdu`](crate::mms::Pdu)"), ["mms"]);
}
