//! What every layer shares: decode and encode errors, diagnostics, limits and decode options
//! (re-exported at the crate root as `error`, `diag`, `limits` and `options`), and the serde
//! helpers for octet fields. Nothing here depends on the wire layers above.

pub mod diag;
pub mod error;
pub mod limits;
pub mod options;
#[cfg(feature = "serde")]
pub mod serde_util;
