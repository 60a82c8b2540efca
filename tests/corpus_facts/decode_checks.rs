//! Phase 2 of the corpus test: decode every file, check its facts, the byte-exact round trip
//! and the golden summaries. All coupling to the crate's API sits in `pdu_view` and
//! `decode_file`, so API changes stay local.
//!
//! Enabled from `tests/corpus.rs` with `#[path = "corpus_facts/decode_checks.rs"] mod
//! decode_checks;` once `mms::Pdu` and `wsp::Push` are on main.

use crate::corpus_facts::{
    Body, CORPUS, CorpusFile, Expiry, INSERT_ADDRESS, Kind, Outcome, PduFacts, Val,
};
use crate::{corpus_root, read};
use mms_pdu::codec::Encode;
use mms_pdu::mms::{ContentLocationValue, FromValue, MessageClassValue, Pdu, Time};
use mms_pdu::wsp::{ApplicationIdValue, Push};
use mms_pdu::{DecodeOptions, Diagnostics};
use std::io::Write as _;
use std::path::Path;

/// Our decoder's answers, reduced to plain values comparable with the facts.
#[derive(Debug, Default)]
struct PduView {
    message_type: Option<String>,
    version: Option<String>,
    transaction_id: Option<String>,
    from: Option<String>,
    to: Vec<String>,
    cc: Vec<String>,
    bcc: Vec<String>,
    subject: Option<String>,
    message_class: Option<String>,
    message_size: Option<u64>,
    expiry: Option<Expiry>,
    content_location: Option<String>,
    message_id: Option<String>,
    date: Option<u64>,
    status: Option<u8>,
    retrieve_status: Option<u8>,
    response_status: Option<u8>,
    has_content_type: bool,
    body_len: Option<usize>,
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn pdu_view(pdu: &Pdu<'_>) -> PduView {
    let options = DecodeOptions::new();
    PduView {
        message_type: pdu
            .message_type()
            .map(|t| t.name().map_or_else(|| format!("{t:?}"), str::to_owned)),
        version: pdu.version().map(|v| match (v.major(), v.minor()) {
            (Some(major), Some(minor)) => format!("{major}.{minor}"),
            _ => format!("{v:?}"),
        }),
        transaction_id: pdu.transaction_id().map(|t| text(t.bytes)),
        from: pdu.from().map(|f| match f {
            FromValue::InsertAddress { .. } => INSERT_ADDRESS.to_owned(),
            FromValue::AddressPresent { address, .. } => address.text().into_owned(),
        }),
        to: pdu.to().map(|a| a.text().into_owned()).collect(),
        cc: pdu.cc().map(|a| a.text().into_owned()).collect(),
        bcc: pdu.bcc().map(|a| a.text().into_owned()).collect(),
        subject: pdu.subject_text(&options).map(std::borrow::Cow::into_owned),
        message_class: pdu.message_class().map(|c| match c {
            MessageClassValue::Class(c) => c.name().map_or_else(|| format!("{c:?}"), str::to_owned),
            MessageClassValue::Text(t) => t.as_str().unwrap_or_default().to_owned(),
        }),
        message_size: pdu.message_size().map(|s| s.value),
        expiry: pdu.expiry().map(|e| match e.time {
            Time::Absolute(d) => Expiry::Absolute(d.value),
            Time::Relative(d) => Expiry::Relative(d.value),
        }),
        content_location: pdu.content_location().map(|c| match c {
            ContentLocationValue::Uri(t) | ContentLocationValue::Indexed { uri: t, .. } => {
                text(t.bytes)
            }
        }),
        message_id: pdu.message_id().map(|t| text(t.bytes)),
        date: pdu.date().map(|d| d.value),
        status: pdu.status().map(|s| s.get()),
        retrieve_status: pdu.retrieve_status().map(|s| s.get()),
        response_status: pdu.response_status().map(|s| s.get()),
        has_content_type: pdu.content_type().is_some(),
        body_len: pdu.body().map(<[u8]>::len),
    }
}

fn eq<T: PartialEq + std::fmt::Debug>(
    name: &str,
    want: Option<T>,
    got: Option<T>,
    p: &mut Vec<String>,
) {
    if let Some(want) = want {
        if got.as_ref() != Some(&want) {
            p.push(format!(
                "{name}: MANIFEST says {want:?}, decoder says {got:?}"
            ));
        }
    }
}

fn val<T: PartialEq + std::fmt::Debug>(
    name: &str,
    want: Val<T>,
    got: Option<T>,
    p: &mut Vec<String>,
) {
    match want {
        Val::Unstated => {}
        Val::Absent => {
            if got.is_some() {
                p.push(format!(
                    "{name}: MANIFEST says absent, decoder says {got:?}"
                ));
            }
        }
        Val::Is(w) => eq(name, Some(w), got, p),
    }
}

fn list(name: &str, want: Val<&[&str]>, got: &[String], p: &mut Vec<String>) {
    let got: Vec<&str> = got.iter().map(String::as_str).collect();
    match want {
        Val::Unstated => {}
        Val::Absent => {
            if !got.is_empty() {
                p.push(format!(
                    "{name}: MANIFEST says absent, decoder says {got:?}"
                ));
            }
        }
        Val::Is(w) => {
            if w != got.as_slice() {
                p.push(format!("{name}: MANIFEST says {w:?}, decoder says {got:?}"));
            }
        }
    }
}

/// Compares the stated facts with the view; every mismatch becomes one line in `p`.
fn check_pdu(facts: &PduFacts, view: &PduView, p: &mut Vec<String>) {
    eq(
        "message type",
        facts.message_type,
        view.message_type.as_deref(),
        p,
    );
    eq("MMS version", facts.version, view.version.as_deref(), p);
    val(
        "Transaction-ID",
        facts.transaction_id,
        view.transaction_id.as_deref(),
        p,
    );
    val("From", facts.from, view.from.as_deref(), p);
    list("To", facts.to, &view.to, p);
    list("Cc", facts.cc, &view.cc, p);
    list("Bcc", facts.bcc, &view.bcc, p);
    // A UTF-8 BOM at the start of the Subject is not part of the stated text.
    let subject = view
        .subject
        .as_deref()
        .map(|s| s.trim_start_matches('\u{feff}'));
    let want_subject = match facts.subject {
        Val::Is(s) => Val::Is(s.trim_start_matches('\u{feff}')),
        other => other,
    };
    val("Subject", want_subject, subject, p);
    eq(
        "Message-Class",
        facts.message_class,
        view.message_class.as_deref(),
        p,
    );
    eq("Message-Size", facts.message_size, view.message_size, p);
    eq("Expiry", facts.expiry, view.expiry, p);
    eq(
        "Content-Location",
        facts.content_location,
        view.content_location.as_deref(),
        p,
    );
    val(
        "Message-ID",
        facts.message_id,
        view.message_id.as_deref(),
        p,
    );
    eq("Date", facts.date, view.date, p);
    eq("Status", facts.status, view.status, p);
    eq(
        "Retrieve-Status",
        facts.retrieve_status,
        view.retrieve_status,
        p,
    );
    eq(
        "Response-Status",
        facts.response_status,
        view.response_status,
        p,
    );
    match facts.content_type {
        Val::Absent if view.has_content_type => {
            p.push("Content-Type: MANIFEST says absent, decoder found one".into())
        }
        Val::Is(_) if !view.has_content_type => {
            p.push("Content-Type: MANIFEST states one, decoder found none".into())
        }
        _ => {}
    }
    match facts.body {
        Body::None if view.body_len.is_some_and(|n| n > 0) => {
            p.push(format!(
                "body: MANIFEST says none, decoder found {:?} octets",
                view.body_len
            ));
        }
        Body::Single { size } => eq("body size", Some(size), view.body_len, p),
        // TODO: part count, content types, ids and sizes once wsp::Multipart is on main.
        _ => {}
    }
}

/// What decoding one file produced.
#[allow(clippy::large_enum_variant)] // One per file, short-lived.
enum Decoded {
    /// Decoded: the re-encoded bytes, diagnostics, the MMS view, the golden summary.
    Ok {
        reencoded: Vec<u8>,
        diagnostics: Vec<String>,
        view: Option<PduView>,
        golden: String,
    },
    /// A clean error, with its absolute offset.
    Err { offset: usize, message: String },
}

fn check_push(file: &CorpusFile, push: &Push<'_>, p: &mut Vec<String>) {
    let Some(want) = file.push else { return };
    if let Some(is_mms) = want.is_mms {
        if push.is_mms() != is_mms {
            p.push(format!(
                "push is_mms: MANIFEST says {is_mms}, decoder says {}",
                push.is_mms()
            ));
        }
    }
    if let Some(n) = want.body_len {
        if push.body().len() != n {
            p.push(format!(
                "push body length: MANIFEST says {n}, decoder says {}",
                push.body().len()
            ));
        }
    }
    if let Some(n) = want.content_length {
        if push.content_length() != Some(n) {
            p.push(format!(
                "push Content-Length: MANIFEST says {n}, decoder says {:?}",
                push.content_length()
            ));
        }
    }
    let app = push.application_id();
    let code = match app {
        Some(ApplicationIdValue::Code(id)) => Some(u64::from(id.get())),
        _ => None,
    };
    match want.app_id {
        Val::Absent if app.is_some() => p.push(format!(
            "push app id: MANIFEST says absent, decoder says {app:?}"
        )),
        Val::Is(want) if code != Some(want) => {
            p.push(format!(
                "push app id: MANIFEST says {want}, decoder says {app:?}"
            ));
        }
        _ => {}
    }
}

fn decode_file(file: &CorpusFile, bytes: &[u8], p: &mut Vec<String>) -> Decoded {
    let options = DecodeOptions::new();
    match file.kind {
        Kind::BarePdu => match Pdu::decode_with(bytes, &options) {
            Err(e) => Decoded::Err {
                offset: e.offset,
                message: format!("{e:?}"),
            },
            Ok(pdu) => Decoded::Ok {
                reencoded: pdu.encode_to_vec().unwrap_or_default(),
                diagnostics: pdu.diagnostics().iter().map(|d| format!("{d:?}")).collect(),
                view: Some(pdu_view(&pdu)),
                golden: pdu_summary(&pdu),
            },
        },
        Kind::Push => {
            let mut diags = Diagnostics::new(false);
            let push = match Push::decode_with(bytes, &options, &mut diags) {
                Err(e) => {
                    return Decoded::Err {
                        offset: e.offset,
                        message: format!("push: {e:?}"),
                    };
                }
                Ok(push) => push,
            };
            check_push(file, &push, p);
            let mut diagnostics: Vec<String> = diags
                .as_slice()
                .iter()
                .map(|d| format!("push: {d:?}"))
                .collect();
            let mut golden = push_summary(&push);
            let mut view = None;
            if let Some(body) = push.mms_body() {
                match Pdu::decode_with(body, &options) {
                    Err(e) => {
                        let offset = bytes.len() - body.len() + e.offset;
                        return Decoded::Err {
                            offset,
                            message: format!("inner MMS PDU: {e:?}"),
                        };
                    }
                    Ok(pdu) => {
                        let inner = pdu.encode_to_vec().unwrap_or_default();
                        if inner != body {
                            p.push(format!(
                                "inner PDU round trip differs at body offset {}",
                                first_difference(body, &inner)
                            ));
                        }
                        diagnostics.extend(pdu.diagnostics().iter().map(|d| format!("mms: {d:?}")));
                        golden.push_str(&pdu_summary(&pdu));
                        view = Some(pdu_view(&pdu));
                    }
                }
            }
            Decoded::Ok {
                reencoded: push.encode_to_vec().unwrap_or_default(),
                diagnostics,
                view,
                golden,
            }
        }
    }
}

/// One line per header (its Debug form), the body length and the diagnostics: never the body.
fn pdu_summary(pdu: &Pdu<'_>) -> String {
    let mut out = String::from("MMS PDU\n");
    for h in pdu.headers() {
        out.push_str(&format!("  {h:?}\n"));
    }
    out.push_str(&format!(
        "  body: {:?} octets\n",
        pdu.body().map(<[u8]>::len)
    ));
    out.push_str(&format!("  trailing: {} octets\n", pdu.trailing().len()));
    for d in pdu.diagnostics() {
        out.push_str(&format!("  diagnostic: {d:?}\n"));
    }
    out
}

/// The push framing and headers (Debug form), the body length: never the body.
fn push_summary(push: &Push<'_>) -> String {
    let mut out = format!("WSP push\n  is_mms: {}\n", push.is_mms());
    for h in push.headers().iter().flatten() {
        out.push_str(&format!("  {:?}\n", h.header));
    }
    out.push_str(&format!("  application id: {:?}\n", push.application_id()));
    out.push_str(&format!("  body: {} octets\n", push.body().len()));
    out
}

fn first_difference(a: &[u8], b: &[u8]) -> usize {
    a.iter()
        .zip(b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()))
}

/// Compares (or, with `UPDATE_GOLDEN=1`, writes) `tests/golden/<corpus path>.txt`:
/// our decoder's own summary of the file, never corpus bytes.
fn check_golden(file: &CorpusFile, golden: &str, p: &mut Vec<String>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{}.txt", file.path));
    if std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, golden).unwrap();
        return;
    }
    match std::fs::read_to_string(&path) {
        Err(_) => p.push(format!(
            "no golden file {} (run with UPDATE_GOLDEN=1)",
            path.display()
        )),
        Ok(want) if want != golden => {
            let diff: Vec<String> = want
                .lines()
                .zip(golden.lines())
                .enumerate()
                .filter(|(_, (w, g))| w != g)
                .take(5)
                .map(|(i, (w, g))| format!("    line {}:\n      - {w}\n      + {g}", i + 1))
                .collect();
            p.push(format!(
                "golden {} differs ({} vs {} lines):\n{}",
                path.display(),
                want.lines().count(),
                golden.lines().count(),
                diff.join("\n")
            ));
        }
        Ok(_) => {}
    }
}

/// Decodes every corpus file and reports every problem at once, with the file's name.
#[test]
fn corpus_files_decode_as_manifest_says() {
    let Some(root) = corpus_root() else { return };
    let (mut as_expected, mut failed_as_expected) = (0, 0);
    let mut report = Vec::new();
    for file in CORPUS {
        let bytes = read(&root, file);
        let mut problems = Vec::new();
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut p = Vec::new();
            let d = decode_file(file, &bytes, &mut p);
            (d, p)
        }));
        let Ok((decoded, p)) = result else {
            report.push(format!("{}:\n  PANIC while decoding", file.path));
            continue;
        };
        problems.extend(p);
        match (decoded, file.outcome) {
            (Decoded::Err { offset, message }, Outcome::Fails(_) | Outcome::NotClean(_)) => {
                if offset > bytes.len() {
                    problems.push(format!(
                        "error offset {offset} past the end ({} octets): {message}",
                        bytes.len()
                    ));
                }
            }
            (Decoded::Err { message, .. }, expected) => {
                problems.push(format!(
                    "expected {expected:?}; the decoder failed: {message}"
                ));
            }
            (Decoded::Ok { .. }, Outcome::Fails(why)) => {
                problems.push(format!("expected a failure ({why}), but it decoded"));
            }
            (
                Decoded::Ok {
                    reencoded,
                    diagnostics,
                    view,
                    golden,
                },
                expected,
            ) => {
                if reencoded != bytes {
                    problems.push(format!(
                        "round trip differs at offset {} (file {} octets, re-encoded {})",
                        first_difference(&bytes, &reencoded),
                        bytes.len(),
                        reencoded.len()
                    ));
                }
                if matches!(expected, Outcome::Lenient(_) | Outcome::NotClean(_))
                    && diagnostics.is_empty()
                {
                    problems.push(format!(
                        "expected a diagnostic ({expected:?}); none reported"
                    ));
                }
                match (&file.pdu, &view) {
                    (Some(facts), Some(view)) => check_pdu(facts, view, &mut problems),
                    (Some(_), None) => {
                        problems.push("MANIFEST states MMS facts; no MMS PDU was decoded".into())
                    }
                    _ => {}
                }
                check_golden(file, &golden, &mut problems);
            }
        }
        if problems.is_empty() {
            if matches!(file.outcome, Outcome::Fails(_)) {
                failed_as_expected += 1;
            } else {
                as_expected += 1;
            }
        } else {
            report.push(format!("{}:\n  {}", file.path, problems.join("\n  ")));
        }
    }
    let _ = writeln!(
        std::io::stderr(),
        "corpus: {} files: {as_expected} decoded as expected, {failed_as_expected} failed as expected, {} unexpected",
        CORPUS.len(),
        report.len()
    );
    assert!(
        report.is_empty(),
        "{} corpus files disagree with MANIFEST:\n{}",
        report.len(),
        report.join("\n")
    );
}
