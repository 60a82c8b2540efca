//! Reading the serialized model back into wire octets (feature `serde`): the JSON that
//! `mms decode --json` prints — or any other `serde` format holding the same shape — becomes a
//! PDU or push again, so a PDU can be edited as text.
//!
//! The model borrows its octet strings from the input, but a serialized octet string is not
//! always the octets themselves: JSON escapes text, and octets that are not UTF-8 are written
//! as `hex:` and hex digits. A [`Document`] is therefore read first: an owned copy of the
//! serialized tree with every `hex:` string decoded. The editable message, [`MessageDoc`],
//! then borrows from the document, and encodes.
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use mms_pdu::codec::Encode;
//! use mms_pdu::document::Document;
//!
//! // An m-notification-ind with X-Mms-Message-Size 12345 (`8E 02 30 39`).
//! let wire = b"\x8C\x82\x98T2\0\x8D\x92\x89\x18\x80+15551234567/TYPE=PLMN\0\
//!     \x8A\x80\x8E\x02\x30\x39\x88\x05\x81\x03\x03\xF4\x80\x83http://mmsc.example/m1\0";
//! let json = serde_json::to_string(&mms_pdu::decode(wire)?)?;
//!
//! // Edit the text: a new message size.
//! let edited = json.replace(r#""value":12345"#, r#""value":54321"#);
//! let doc: Document = serde_json::from_str(&edited)?;
//! let out = doc.to_wire()?;
//! assert_eq!(mms_pdu::Pdu::decode(&out)?.message_size().map(|s| s.value), Some(54321));
//!
//! // Unedited, it gives back the original octets.
//! let doc: Document = serde_json::from_str(&json)?;
//! assert_eq!(doc.to_wire()?, wire);
//! # Ok(())
//! # }
//! ```
//!
//! # What is read and what is written
//!
//! The fields that describe the wire are read: every header with its wire form, the content
//! types and headers of the parts, `data` of each part and of a single body, `trailing`, and
//! a push's `tid`, `pdu_type`, `headers_len`, `content_type`, `headers` and `body` (or its
//! `pdu`), and the `prefix` of a push's SMS `framing` (present only for a push found in one:
//! the user data header, or an SMS-DELIVER up to and including it, written in front of the
//! push as given — an SMS-DELIVER's TP-UDL counts the push as it was).
//!
//! Fields that only report are not written back:
//! - where and how long things are (`offset`, `data_offset`, `*_length`), `diagnostics` and
//!   `is_mms` are ignored, since any edit makes them stale;
//! - the reported values one might take for editable — a part's `text`, a content type's
//!   `text`, a PDU's `message_type`, a framing's `decoded` fields — are checked instead: when present they must be what the
//!   wire fields say, else reading the message fails with an error naming the field (an edit
//!   there would otherwise be lost silently). Edit `data` (it is plain text for a UTF-8 text
//!   part), a content type's `media` and `params`, or the X-Mms-Message-Type header, and
//!   remove the reported field or make it agree.
//!
//! ```
//! use mms_pdu::document::Document;
//! let wire = include_bytes!("../../../samples/m-send-req.mms");
//! let json = serde_json::to_string(&mms_pdu::decode(wire)?)?;
//! let edited = json.replace(r#""text":"Hello""#, r#""text":"Goodbye""#);
//! let err = serde_json::from_str::<Document>(&edited)?.to_wire().unwrap_err();
//! assert!(err.to_string().starts_with("at pdu.body.multipart.parts[1]: `text` is only reported"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The readable view, [`Readable`], is a different JSON: for people and scripts, and
//! serialize-only.
//!
//! Lengths:
//! - a part's `headers_len` and `data_len` are written as given when they still match the
//!   content (keeping a non-minimal form) and recomputed otherwise — every part of a decoded
//!   PDU has matching lengths, so a mismatch can only come from an edit;
//! - a multipart's `declared_count` and a push's `headers_len` are written as given, since
//!   real messages carry wrong ones that must survive re-encoding; leave the field out to have
//!   it computed (`"declared_count": null` means no nEntries at all, as in an empty body).

// Three parts: the owned tree and how any format is read into it (`tree`); the tree as a serde
// deserializer that gives every error the path it passed through (`de`, `error`); the editable
// message, which deserializes from the tree (`fields`) and encodes (`edit`).
mod de;
mod edit;
mod error;
mod fields;
mod tree;

pub use super::readable::Readable;
pub use edit::{BodyDoc, MessageDoc, MultipartDoc, PartDataDoc, PartDoc, PduDoc, PushDoc};
pub use error::{DocumentError, DocumentErrorKind};
pub use tree::Document;

/// How deeply a document may nest (objects and arrays); deeper input is refused while it is
/// read, before anything recurses over it.
pub const MAX_DEPTH: usize = 256;
