//! WSP structures above the primitives: content types with parameters, header blocks with
//! code pages, multipart bodies and the Push PDU (REFERENCE.md §1.5, §2–§4, §8, §9).

pub mod push;

pub use push::{
    ApplicationIdValue, Push, PushBuilder, PushHeader, PushHeaderName, PushHeaders, SmsPushError,
    push_from_sms,
};
