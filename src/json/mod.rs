//! The serde layer (feature `serde`): `Serialize` for the decoded model's composite values and
//! the JSON document that reads back into wire octets (re-exported as `document`).

pub mod document;
mod serde_impls;
