#![doc = include_str!("../README.md")]
// Without the `serde` feature there is no `document` module for the README's link to name, so
// the link goes to the documentation built with every feature (as docs.rs builds it).
#![cfg_attr(
    not(feature = "serde"),
    doc = "",
    doc = "[`document`]: https://docs.rs/mms-pdu/latest/mms_pdu/document/index.html"
)]
// The entry-point table, in its own file so that each doc fragment keeps its own file name
// (a doctest in the README reads `samples/` relative to the README).
#![doc = include_str!("entry-points.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(docsrs, feature(doc_cfg))]

extern crate alloc;

// The folders follow the layers, bottom up (ARCHITECTURE.md): `base` and `assigned` depend on
// nothing above them; `codec` holds the wire primitives; `text` applies charsets; `wsp` and
// `sms` are the transport; `mms` the message model; `message` the front door; `content`,
// `json`, `mail` and `testing` are helpers on top. The crate root re-exports the modules users
// name.
mod base;
mod content;
#[cfg(feature = "serde")]
mod json;
mod testing;

pub mod assigned;
pub mod codec;
#[cfg(feature = "mail")]
#[cfg_attr(docsrs, doc(cfg(feature = "mail")))]
pub mod mail;
pub mod message;
pub mod mms;
pub mod prelude;
pub mod sms;
pub mod text;
pub mod wsp;

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub use base::serde_util;
pub use base::{diag, error, limits, options};
pub use content::view::MessageView;
pub use content::{attachments, smil, view};
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub use json::document;
#[cfg(feature = "arbitrary")]
#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
pub use testing::arbitrary;
#[doc(hidden)]
pub use testing::fuzzing;
pub use testing::samples;

#[cfg(feature = "arbitrary")]
#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
pub use crate::testing::arbitrary::ArbitraryPdu;
pub use base::diag::{Diagnostic, DiagnosticKind, Diagnostics};
pub use base::error::{DecodeError, DecodeErrorKind, EncodeError};
pub use base::limits::Limits;
pub use base::options::DecodeOptions;
pub use bytes;
pub use codec::Encode;
pub use message::{
    Message, OwnedPush, PartialMessage, PushMessage, decode, decode_partial, decode_with,
};
pub use mms::{OwnedPdu, Pdu, build, views};
pub use wsp::Push;
