#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(docsrs, feature(doc_cfg))]

extern crate alloc;

#[cfg(feature = "arbitrary")]
#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
pub mod arbitrary;
pub mod assigned;
pub mod attachments;
pub mod budget;
pub mod charset;
pub mod codec;
pub mod diag;
pub mod display;
#[cfg(feature = "serde")]
pub mod document;
pub mod error;
#[doc(hidden)]
pub mod fuzzing;
pub mod limits;
pub mod message;
pub mod mms;
pub mod options;
pub mod samples;
#[cfg(feature = "serde")]
mod serde_impls;
#[cfg(feature = "serde")]
pub mod serde_util;
pub mod smil;
pub mod sms;
pub mod wsp;

#[cfg(feature = "arbitrary")]
#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
pub use crate::arbitrary::ArbitraryPdu;
pub use diag::{Diagnostic, DiagnosticKind, Diagnostics};
pub use error::{DecodeError, DecodeErrorKind, EncodeError};
pub use limits::Limits;
pub use message::{Message, PushMessage, decode, decode_with};
pub use mms::Pdu;
pub use options::DecodeOptions;
