//! Wire octets as human text: charsets applied (UTF-8, UTF-16, Latin-1 and, with the
//! `charsets` feature, everything `encoding_rs` knows), RFC 2047 encoded-words, and the
//! `Display` of wire values (text, hex, ISO 8601 dates).
//!
//! This layer sits above the primitives and the assigned-number tables and below WSP and MMS,
//! which both show text through it.

mod decode;
mod display;
mod rfc2047;

#[cfg(feature = "charsets")]
pub use decode::encoding_for;
pub use decode::{decode_text, encoded_string_text};
pub use display::{IsoDate, utc_from_unix};
pub(crate) use display::{write_hex, write_text};
pub use rfc2047::decode_encoded_words;
