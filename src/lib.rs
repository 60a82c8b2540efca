#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(docsrs, feature(doc_cfg))]

extern crate alloc;

pub mod assigned;
pub mod codec;
pub mod diag;
pub mod error;
pub mod limits;
pub mod mms;
pub mod options;
pub mod sms;
pub mod wsp;
#[cfg(feature = "serde")]
pub mod serde_util;

pub use error::{DecodeError, DecodeErrorKind, EncodeError};
pub use diag::{Diagnostic, DiagnosticKind, Diagnostics};
pub use limits::Limits;
pub use options::DecodeOptions;
