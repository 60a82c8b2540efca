//! Serialization helpers for the `serde` feature: octet strings are written as text when they
//! are valid UTF-8 and as lower-case hex (prefixed `hex:`) otherwise, which keeps the JSON of a
//! PDU readable.

use alloc::string::String;
use core::fmt::Write as _;

/// Serializes an octet string as UTF-8 text, or `hex:...` when it is not valid UTF-8.
///
/// # Errors
/// Those of the serializer.
pub fn bytes<S: serde::Serializer>(b: &&[u8], s: S) -> Result<S::Ok, S::Error> {
    match core::str::from_utf8(b) {
        Ok(text) if !text.starts_with("hex:") => s.serialize_str(text),
        _ => s.serialize_str(&hex(b)),
    }
}

/// `hex:` followed by the octets in lower-case hex.
pub fn hex(b: &[u8]) -> String {
    let mut out = String::with_capacity(4 + 2 * b.len());
    out.push_str("hex:");
    for byte in b {
        let _ = write!(out, "{byte:02x}");
    }
    out
}

/// As [`bytes()`], for an optional octet string.
///
/// # Errors
/// Those of the serializer.
#[allow(clippy::ref_option)] // serde's serialize_with passes `&Option<T>`.
pub fn opt_bytes<S: serde::Serializer>(b: &Option<&[u8]>, s: S) -> Result<S::Ok, S::Error> {
    match b {
        Some(b) => bytes(b, s),
        None => s.serialize_none(),
    }
}
