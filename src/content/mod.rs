//! Content helpers above the message model: attachments of a received message and the parts
//! of one to send, and SMIL presentations (re-exported at the crate root as `attachments` and
//! `smil`).

pub mod attachments;
pub mod smil;
