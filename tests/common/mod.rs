//! What the integration tests share: where the shared corpus is, and its files.
#![allow(dead_code, clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};

use mms_pdu::codec::Encode;
use mms_pdu::sms::{AddressBuf, Deliver, DeliverFields, LocalTime, Timestamp};

/// The corpus root (`$MMS_PDU_CORPUS`, default `../shared/corpus` next to the crate), or `None`
/// after saying why when it is absent — a failure instead when `MMS_PDU_REQUIRE_CORPUS=1`.
pub(crate) fn corpus_root() -> Option<PathBuf> {
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
    // Once per test binary, straight to stderr: the harness captures `eprintln!`, and a skip
    // must be seen.
    static SKIP_MESSAGE: std::sync::Once = std::sync::Once::new();
    SKIP_MESSAGE.call_once(|| {
        use std::io::Write as _;
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: corpus folder {} not found; set MMS_PDU_CORPUS to the shared corpus to run the corpus tests",
            root.display()
        );
    });
    None
}

/// Every corpus file under `root` (not MANIFEST.md), sorted.
pub(crate) fn corpus_files(root: &Path) -> Vec<PathBuf> {
    let mut files = files_under(root);
    files.retain(|path| path.file_name().is_some_and(|n| n != "MANIFEST.md"));
    files
}

/// Every file under `dir`, at any depth, sorted: the one directory walker of the tests (the
/// corpus, and the facts data beside the tests).
pub(crate) fn files_under(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &mut out);
    out.sort();
    out
}

/// `path` relative to `root`, `/`-separated whatever the platform (the form the facts and
/// MANIFEST use).
pub(crate) fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap();
    let parts: Vec<_> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    parts.join("/")
}

/// Each user data in an SMS-DELIVER with a made-up SMSC (+491710760000), the originator
/// `from` and a time stamp of 2024-02-29T13:45:30-05:00, as the crate's encoder writes it.
pub(crate) fn tpdus(user_data: &[Vec<u8>], from: &AddressBuf) -> Vec<Vec<u8>> {
    let smsc = AddressBuf::international("+491710760000").unwrap();
    let local = LocalTime {
        year: 2024,
        month: 2,
        day: 29,
        hour: 13,
        minute: 45,
        second: 30,
    };
    let stamp = Timestamp::new(local, -20).unwrap();
    user_data
        .iter()
        .map(|ud| {
            let fields =
                DeliverFields::wap_push(Some(smsc.as_address()), from.as_address(), stamp, ud);
            let sms = Deliver::new(fields).unwrap();
            let octets = sms.encode_to_vec().unwrap();
            assert_eq!(octets.len(), sms.encoded_len());
            octets
        })
        .collect()
}

/// `push` behind a user data header addressing WAP push (`06 05 04 0B 84 23 F0`: 16-bit ports,
/// 2948 from 9200), as a modem that does not strip the header hands it over.
pub(crate) fn with_udh(push: &[u8]) -> Vec<u8> {
    [&[0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0][..], push].concat()
}
