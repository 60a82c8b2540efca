//! The MMS PDU model: header fields, PDU types, decoding, encoding, builders and validation
//! (REFERENCE.md §6, §7).

pub mod presence;
pub mod validate;
