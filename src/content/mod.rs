//! Content helpers above the message model: attachments of a received message and the parts
//! of one to send, SMIL presentations, and the message-level view that puts them together
//! (re-exported at the crate root as `attachments`, `smil` and `view`, and `MessageView`).

pub mod attachments;
pub mod smil;
pub(crate) mod transfer;
pub mod view;
