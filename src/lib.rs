#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(docsrs, feature(doc_cfg))]

extern crate alloc;

pub mod assigned;
pub mod codec;
pub mod error;
pub mod limits;
#[cfg(feature = "serde")]
pub mod serde_util;

pub use error::{DecodeError, DecodeErrorKind, EncodeError};
pub use limits::Limits;
