//! WSP header blocks: the headers of a multipart entry or of a Push PDU (WAP-230-WSP §8.4).
//!
//! A [`HeaderBlock`] is the bounded slice of headers with a lazy iterator. Each item carries its
//! offset and the code page in force; shift sequences are items too, so the block re-encodes
//! exactly. The headers MMS and push use get typed values; every other header (and every header on
//! another code page) is kept as [`WspHeader::Raw`], its extent found by the first octet of its
//! value (WAP-230-WSP §8.4.1.2). A well-known header whose value does not read as its grammar is
//! kept raw as well, and the item says why ([`HeaderItem::unparsed`]).
//!
//! Three files: `values` (the typed header values), `header` (one header: the well-known
//! header table, its decoding and encoding) and `block` (header blocks and their iterator).
//! Everything is re-exported here.

mod block;
mod header;
mod values;

pub use block::{HeaderBlock, HeaderItem, HeaderIter};
pub use header::{SHIFT_DELIMITER, WspHeader, encode_headers, headers_len};
pub use values::{ContentDisposition, ContentId, DispositionToken, EncodingVersion};
// Content-Language and X-Wap-Application-Id carry an `IntegerOrText` with a Text-string; the
// type lives with the parameter values and keeps this path too.
pub use crate::wsp::content_type::IntegerOrText;
