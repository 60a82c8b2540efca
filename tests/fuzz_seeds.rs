//! Replays the checked-in fuzz seeds and regression inputs (`fuzz/seeds/<target>/*`) through the
//! same property checks the cargo-fuzz targets run, so plain `cargo test` on stable guards them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(target);
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let result = std::panic::catch_unwind(|| check(&data));
        assert!(
            result.is_ok(),
            "seed {} fails its property check",
            path.display()
        );
        count += 1;
    }
    assert!(count > 0, "no seeds in {}", dir.display());
}

#[test]
fn primitives_seeds() {
    replay("primitives", mms_pdu::fuzzing::primitives);
}

#[test]
fn pdu_seeds() {
    replay("pdu", mms_pdu::fuzzing::pdu);
}

#[test]
fn message_seeds() {
    replay("message", mms_pdu::fuzzing::message);
}

#[test]
fn multipart_seeds() {
    replay("multipart", mms_pdu::fuzzing::multipart);
}

#[test]
fn content_type_seeds() {
    replay("content_type", mms_pdu::fuzzing::content_type);
}

#[test]
fn wsp_headers_seeds() {
    replay("wsp_headers", mms_pdu::fuzzing::wsp_headers);
}

#[test]
fn sms_seeds() {
    replay("sms", mms_pdu::fuzzing::sms);
}

#[test]
fn reassembly_seeds() {
    replay("reassembly", mms_pdu::fuzzing::reassembly);
}

/// `built_pdu` builds its PDU through `ArbitraryPdu` (feature `arbitrary`, which the crate's
/// dev-dependency on itself enables, so `cargo test` always replays these).
#[cfg(feature = "arbitrary")]
#[test]
fn built_pdu_seeds() {
    replay("built_pdu", mms_pdu::fuzzing::built_pdu);
}

#[test]
fn document_seeds() {
    replay("document", |data| {
        mms_pdu::fuzzing::document(
            data,
            |d| serde_json::from_slice(d),
            |m| serde_json::to_vec(m).unwrap(),
        );
    });
}
