//! Serialization helpers for the `serde` feature: octet strings are written as text when they
//! are valid UTF-8 and as lower-case hex (prefixed `hex:`) otherwise, which keeps the JSON of a
//! PDU readable. Reading them back borrows the octets from the deserializer's input; a
//! [`Document`](crate::json::document::Document) provides them for any input (escaped text, `hex:`).

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

/// Deserializes an octet string written by [`bytes()`], borrowing it from the deserializer:
/// borrowed text (not starting with `hex:`) is taken as its UTF-8 octets, borrowed bytes as
/// they are.
///
/// Text that the deserializer cannot lend (a JSON string with escapes) and `hex:` text have
/// no octets to borrow: read such input through a [`Document`](crate::json::document::Document),
/// which holds the decoded octets.
///
/// # Errors
/// `invalid_type` for anything that is not borrowed text or bytes.
pub fn borrowed_bytes<'de, D: serde::Deserializer<'de>>(d: D) -> Result<&'de [u8], D::Error> {
    d.deserialize_bytes(BorrowedBytes)
}

/// The visitor of [`borrowed_bytes()`].
struct BorrowedBytes;

impl<'de> serde::de::Visitor<'de> for BorrowedBytes {
    type Value = &'de [u8];

    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("an octet string (text, or `hex:` and hex digits, read through a Document)")
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        if v.starts_with("hex:") {
            return Err(E::custom(
                "`hex:` octets must be read through mms_pdu::document::Document",
            ));
        }
        Ok(v.as_bytes())
    }

    fn visit_borrowed_bytes<E: serde::de::Error>(self, v: &'de [u8]) -> Result<Self::Value, E> {
        Ok(v)
    }

    fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Err(E::custom(
            "this text cannot be borrowed from the input (escaped?): read it through \
             mms_pdu::document::Document",
        ))
    }
}

/// As [`borrowed_bytes()`], for an optional octet string.
///
/// # Errors
/// As [`borrowed_bytes()`].
pub fn opt_borrowed_bytes<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<&'de [u8]>, D::Error> {
    struct Opt;
    impl<'de> serde::de::Visitor<'de> for Opt {
        type Value = Option<&'de [u8]>;
        fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str("an optional octet string")
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            borrowed_bytes(d).map(Some)
        }
    }
    d.deserialize_option(Opt)
}

/// [`bytes()`] and [`borrowed_bytes()`] as one `serde(with = ...)` module, for a borrowed
/// octet-string field: `#[serde(with = "crate::base::serde_util::octets")]`.
pub mod octets {
    pub use super::borrowed_bytes as deserialize;
    pub use super::bytes as serialize;
}
