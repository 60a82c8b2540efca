#![doc = include_str!("../README.md")]
// Without the `serde` feature there is no `document` module for the README's link to name, so
// the link goes to the documentation built with every feature (as docs.rs builds it).
#![cfg_attr(
    not(feature = "serde"),
    doc = "",
    doc = "[`document`]: https://docs.rs/mms-pdu/latest/mms_pdu/document/index.html"
)]
#![doc = r#"
## Which entry point

Everything below is in `use mms_pdu::prelude::*;`. Every decoder has the same two forms:
`decode(input)` (lenient, default limits) and `decode_with(input, &DecodeOptions)`; the
deviations it accepted are inside the result (`diagnostics`), an error in strict mode.

| what arrived / what you need | call | gives |
|---|---|---|
| an HTTP body (m-retrieve-conf, m-send-req, ...), or anything | [`decode`] / [`decode_with`] | [`Message`]: a bare [`Pdu`] or a [`PushMessage`] |
| SMS user data (a WAP push, reassembled) | [`PushMessage::decode`] / [`PushMessage::decode_with`] | the [`Push`] and the [`Pdu`] it carries |
| SMS segments still to reassemble | [`message::notification_from_sms`] | the pushed notification |
| a PDU you know is bare | [`Pdu::decode`] / [`Pdu::decode_with`] | [`Pdu`], borrowing the input |
| keeping the result past its buffer, or sending it to another thread | [`OwnedPdu::decode`], [`OwnedPush::decode`] (over [`bytes::Bytes`]), or [`Pdu::into_owned`] | `'static`, `Send`, nothing decoded twice |
| a hot path: only some headers, no allocation | [`mms::HeaderWalk`] | the headers one by one, stopping where you stop |
| one message type, its mandatory fields checked | [`views`]: `NotificationInd::try_from(&pdu)`, ... | a typed view, or [`ViewError`](views::ViewError) naming what is missing |
| what a reader shows (subject, text, attachments, slides) | [`MessageView::new`] | the message as text and parts |
| sending or answering | [`views`]: `SendReq::build(..)`, `NotifyRespInd::build(..)`, ... | a [`Pdu`] to [`Encode`] |
| relaying: change recipients, add a header | [`Pdu::edit`] | [`mms::PduEditor`]: untouched headers written back as they came |
"#]
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
pub use message::{Message, OwnedPush, PushMessage, decode, decode_with};
pub use mms::{OwnedPdu, Pdu, build, views};
pub use wsp::Push;
