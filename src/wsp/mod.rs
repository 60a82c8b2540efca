//! WSP structures above the primitives: content types with parameters, header blocks with
//! code pages, multipart bodies and the Push PDU (WAP-230-WSP §8.2.4.1, §8.4, §8.5).

pub mod content_type;
mod display;
pub mod headers;
pub mod multipart;
pub mod push;
pub mod writer;

pub use content_type::{
    ContentType, ContentTypeForm, Media, MediaValue, Parameter, TypedValue, UntypedValue,
    content_type,
};
pub use headers::{
    ContentDisposition, ContentId, HeaderBlock, HeaderItem, IntegerOrText, WspHeader,
};
pub use multipart::{Multipart, Part};
pub use push::{ApplicationIdValue, Push, PushBuilder};
pub use writer::{MultipartBuilder, PartBuilder, PartData};
