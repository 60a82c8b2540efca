//! The whole MMS flow over HTTP on the loopback interface (issue 19): a small MMSC, phones
//! that reach it through an in-process SMSC and over HTTP, the mailbox of its e-mail side, and
//! the steps of the flow. `tests/flow.rs` and `examples/mmsc_server.rs` both include this
//! module (`#[path]`), so the example runs exactly what the test checks.

// Test support: a failed expectation is a panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

pub(crate) mod faults;
pub(crate) mod mailbox;
pub(crate) mod mmsc;
pub(crate) mod phone;
pub(crate) mod scenario;
