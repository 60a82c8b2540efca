//! The WSP/MMS wire layer: primitives with no MMS knowledge (WAP-230-WSP §8.1.2, §8.4; the
//! Encoded-string-value of OMA-TS-MMS_ENC-V1_3 §7.3.19).
//!
//! Every primitive has a decoder — a nom 8 parser, a plain function `fn(&[u8]) -> PResult<T>`
//! that borrows from its input — and a type implementing [`Encode`]. Decoded values remember
//! their wire form (non-minimal Uintvar, Long-integer for a small value, long-form
//! Value-length, Quote and terminator of a text) so that encoding reproduces the input byte for
//! byte; values built with `new` are canonical and minimal.
//!
//! | Grammar item | Type | Decoder |
//! |---|---|---|
//! | Uintvar-integer | [`Uintvar`] | [`uintvar`] |
//! | Short-integer | `u8` | [`short_integer`] |
//! | Long-integer | [`LongInteger`] | [`long_integer`] |
//! | Integer-value | [`IntegerValue`] | [`integer_value`] |
//! | Value-length | [`ValueLength`] | [`value_length`], [`length_prefixed`] |
//! | Text-string | [`TextString`] | [`text_string`], [`text_string_bounded`] |
//! | Quoted-string | [`QuotedString`] | [`quoted_string`] |
//! | Token-text, Extension-media | [`Token`] | [`token_text`] |
//! | Text-value | [`TextValue`] | [`text_value`] |
//! | No-value | `()` | [`no_value`] |
//! | Encoded-string-value | [`EncodedString`] | [`encoded_string`] |
//! | Date-value | [`DateValue`] | [`date_value`] |
//! | Delta-seconds-value | [`DeltaSeconds`] | [`delta_seconds`] |
//! | Q-value | [`QValue`] | [`q_value`] |
//! | Version-value | [`Version`] | [`version_value`] |
//! | any value (by first octet) | its octets, `&[u8]` | [`skip_value`] |
//!
//! The decoders are written with nom's combinators (`map_res`, `flat_map`, `map_parser`,
//! `preceded`, `peek`, `alt`, `map`); a few hot ones (`octet`, `uintvar`, `text_string`) are
//! loops where callgrind showed nom's generic code not inlined (the numbers are in their
//! comments and in benches/README.md). Where nom reports a failure with less
//! than the grammar knows (its `take` says "end of input" where this crate says how long the
//! value claimed to be), the rule reports its own
//! [`DecodeErrorKind`](crate::base::error::DecodeErrorKind) through `map_res`.
//!
//! # Complete input
//!
//! The parsers are **complete** parsers: an MMS PDU arrives whole (an HTTP body, a reassembled
//! push), so running out of input is an error (`UnexpectedEnd`, `LengthExceedsInput`,
//! `MissingTerminator`), never nom's `Incomplete`, and none of them returns `Incomplete`.
//! [`decode_all`] runs a parser over a whole buffer (inside nom's `complete`, so even a
//! caller's streaming parser cannot leak `Incomplete`) and turns its error into a positioned
//! [`DecodeError`](crate::base::error::DecodeError).
//!
//! # In your own nom parser
//!
//! The decoders are nom parsers over `&[u8]` with the error type
//! [`WireError`](crate::base::error::WireError), so they compose with nom's combinators in a
//! parser of your own. Say a (made-up) record is a Uintvar count, that many Text-strings, then
//! a Uintvar checksum:
//!
//! ```
//! use mms_pdu::codec::{decode_all, text_string, uintvar, PResult, TextString, Uintvar};
//! use mms_pdu::error::DecodeErrorKind;
//! use nom::Parser;
//! use nom::multi::count;
//! use nom::sequence::pair;
//!
//! fn record(input: &[u8]) -> PResult<'_, (Vec<TextString<'_>>, Uintvar)> {
//!     let (input, n) = uintvar(input)?;
//!     pair(count(text_string, n.value as usize), uintvar).parse(input)
//! }
//!
//! let wire = b"\x02alpha\0beta\0\x81\x00";
//! let (names, check) = decode_all(wire, record).unwrap();
//! assert_eq!(names.iter().map(|t| t.as_bytes()).collect::<Vec<_>>(), [&b"alpha"[..], b"beta"]);
//! assert_eq!(check.value, 128);
//! // The crate's errors come through your parser with their kind and offset: here the input
//! // ends inside "beta" (its NUL never came), which is a truncation, not a malformed text.
//! let e = decode_all(b"\x02alpha\0beta", record).unwrap_err();
//! assert_eq!((e.kind, e.offset), (DecodeErrorKind::UnexpectedEnd { need: 5, have: 4 }, 7));
//! assert!(e.is_incomplete());
//! ```

mod budget;
mod cursor;
mod encoded_string;
mod integer;
mod misc;
mod parse;
mod text;
mod value;
mod writer;

pub use budget::check_budget;
pub use cursor::Cursor;
pub use encoded_string::{EncodedString, encoded_string};
pub use integer::{
    IntegerForm, IntegerValue, LENGTH_QUOTE, LengthForm, LongInteger, Uintvar, ValueLength,
    check_content_len, encode_short_integer, expect_empty, integer_value, length_prefixed,
    long_integer, short_integer, uintvar, value_length,
};
pub use misc::{
    DateValue, DeltaSeconds, QValue, Version, date_value, delta_seconds, q_value, version_value,
};
pub(crate) use parse::complete_error;
pub use parse::{PResult, decode_all, fail, in_field, octet, take, to_decode_error, unexpected};
pub use text::{
    DOUBLE_QUOTE, QUOTE, QuotedString, TextString, TextValue, Token, no_value, quoted_string,
    quoted_string_bounded, text_string, text_string_bounded, text_value, token_text,
};
pub(crate) use text::{cut_text, find_nul, until_nul, whole_text};
pub use value::skip_value;
#[cfg(feature = "std")]
pub use writer::IoWriter;
pub(crate) use writer::encode_variants;
pub use writer::{CountingWriter, Encode, SliceWriter, Writer};

#[cfg(test)]
mod reference;
#[cfg(test)]
mod tests;
