//! Content-type values with their parameters (WAP-230-WSP §8.4.2.24, §8.4.2.4).
//!
//! A [`ContentType`] mirrors the wire: the short form (one Short-integer octet, or an
//! Extension-media text) or the general form (Value-length, media, parameters). Decoded
//! parameters stay as the raw bounded slice and are decoded on demand by
//! [`ContentType::params`]; anything a parameter grammar does not cover is kept as
//! [`Parameter::Raw`] octets so it is written back unchanged.
//!
//! One file per grammar: `media` (Integer-value or Extension-media), `param_value` (the typed
//! and untyped values of a parameter), `parameter` (one parameter, the lists and their
//! iterators), `value` (the Content-type-value itself), `text_form` (its `Display`) and
//! `mime_conv` (the `mime` crate, with `std`). Everything is re-exported here.

mod media;
#[cfg(feature = "std")]
mod mime_conv;
mod param_value;
mod parameter;
mod text_form;
mod value;

pub use media::{Media, MediaValue};
pub(crate) use param_value::integer_or_text;
pub use param_value::{IntegerOrText, TypedValue, UntypedValue, text_value_for};
pub use parameter::{ParamIter, Parameter, Params, parameter};
pub(crate) use parameter::{ParamStore, filename_param, name_param};
pub use value::{ContentType, ContentTypeForm, content_type};

#[cfg(test)]
pub(crate) use value::tests;
