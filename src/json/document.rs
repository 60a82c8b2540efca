//! Reading the serialized model back into wire octets (feature `serde`): the JSON that
//! `mms decode --json` prints — or any other `serde` format holding the same shape — becomes a
//! PDU or push again, so a PDU can be edited as text.
//!
//! The model borrows its octet strings from the input, but a serialized octet string is not
//! always the octets themselves: JSON escapes text, and octets that are not UTF-8 are written
//! as `hex:` and hex digits. A [`Document`] is therefore read first: an owned copy of the
//! serialized tree with every `hex:` string decoded. The editable message, [`MessageDoc`],
//! then borrows from the document, and encodes.
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use mms_pdu::codec::Encode;
//! use mms_pdu::document::Document;
//!
//! // An m-notification-ind (REFERENCE.md §9.1) with X-Mms-Message-Size 12345 (`8E 02 30 39`).
//! let wire = b"\x8C\x82\x98T2\0\x8D\x92\x89\x18\x80+15551234567/TYPE=PLMN\0\
//!     \x8A\x80\x8E\x02\x30\x39\x88\x05\x81\x03\x03\xF4\x80\x83http://mmsc.example/m1\0";
//! let json = serde_json::to_string(&mms_pdu::decode(wire)?)?;
//!
//! // Edit the text: a new message size.
//! let edited = json.replace(r#""value":12345"#, r#""value":54321"#);
//! let doc: Document = serde_json::from_str(&edited)?;
//! let out = doc.to_wire()?;
//! assert_eq!(mms_pdu::Pdu::decode(&out)?.message_size().map(|s| s.value), Some(54321));
//!
//! // Unedited, it gives back the original octets.
//! let doc: Document = serde_json::from_str(&json)?;
//! assert_eq!(doc.to_wire()?, wire);
//! # Ok(())
//! # }
//! ```
//!
//! # What is read and what is written
//!
//! The fields that describe the wire are read: every header with its wire form, the content
//! types and headers of the parts, `data` of each part and of a single body, `trailing`, and
//! a push's `tid`, `pdu_type`, `headers_len`, `content_type`, `headers` and `body` (or its
//! `pdu`). Fields that only report (`offset`, `text`, `*_length`, `diagnostics`,
//! `message_type`, `is_mms`) are ignored, so edit `data`, not `text`.
//!
//! Lengths:
//! - a part's `headers_len` and `data_len` are written as given when they still match the
//!   content (keeping a non-minimal form) and recomputed otherwise — every part of a decoded
//!   PDU has matching lengths, so a mismatch can only come from an edit;
//! - a multipart's `declared_count` and a push's `headers_len` are written as given, since
//!   real messages carry wrong ones that must survive re-encoding; leave the field out to have
//!   it computed (`"declared_count": null` means no nEntries at all, as in an empty body).

use alloc::boxed::Box;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, Visitor};
use serde::{Deserialize, forward_to_deserialize_any};

use crate::assigned::PduType;
use crate::base::error::EncodeError;
use crate::codec::{Encode, Uintvar, Writer};
use crate::mms::MmsHeader;
use crate::wsp::ContentType;
use crate::wsp::headers::{WspHeader, encode_headers, headers_len};
use crate::wsp::multipart::{uintvar_for, uintvar_like};

/// How deeply a document may nest (objects and arrays); deeper input is refused while it is
/// read, before anything recurses over it.
pub const MAX_DEPTH: usize = 256;

// ---------------------------------------------------------------------------------------------
// The owned tree

/// An owned, format-independent copy of a serialized message, from which the borrowed model
/// deserializes: strings starting with `hex:` hold the octets their hex digits spell, other
/// strings their text.
///
/// Read one with any `serde` format (`serde_json::from_str::<Document>(..)`), then
/// [`Document::message`] gives the typed, editable message and [`Document::to_wire`] its
/// octets. See the [module documentation](self).
#[derive(Clone, PartialEq)]
pub struct Document(Node);

#[derive(Clone, PartialEq)]
enum Node {
    Unit,
    Bool(bool),
    U64(u64),
    I64(i64),
    F64(f64),
    Text(String),
    Octets(Vec<u8>),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl fmt::Debug for Document {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Document").finish_non_exhaustive()
    }
}

impl Document {
    /// The message the document describes, borrowing from it.
    ///
    /// # Errors
    /// A [`DocumentError`] naming where (`pdu.headers[3].header`) the document does not
    /// follow the shape of a serialized [`Message`](crate::message::Message).
    pub fn message(&self) -> Result<MessageDoc<'_>, DocumentError> {
        MessageDoc::deserialize(&self.0)
    }

    /// The wire octets of the message the document describes.
    ///
    /// # Errors
    /// As [`Document::message`], or the [`EncodeError`] of a value that cannot be written
    /// (a text with a NUL, a Short-integer above 127, ...).
    pub fn to_wire(&self) -> Result<Vec<u8>, DocumentError> {
        let message = self.message()?;
        message.encode_to_vec().map_err(DocumentError::from)
    }
}

/// Reads any value of the format; `depth` counts the levels above.
struct NodeSeed {
    depth: usize,
}

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        NodeSeed { depth: 0 }.deserialize(d).map(Document)
    }
}

impl<'de> DeserializeSeed<'de> for NodeSeed {
    type Value = Node;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        d.deserialize_any(self)
    }
}

impl NodeSeed {
    fn inner<E: de::Error>(&self) -> Result<NodeSeed, E> {
        if self.depth >= MAX_DEPTH {
            return Err(E::custom(format_args!(
                "the document nests deeper than {MAX_DEPTH} levels"
            )));
        }
        Ok(NodeSeed {
            depth: self.depth + 1,
        })
    }
}

/// `hex:` followed by an even number of hex digits.
fn hex_octets(digits: &str) -> Option<Vec<u8>> {
    let digits = digits.as_bytes();
    if digits.len() % 2 != 0 {
        return None;
    }
    digits
        .chunks_exact(2)
        .map(|pair| {
            let s = core::str::from_utf8(pair).ok()?;
            u8::from_str_radix(s, 16).ok()
        })
        .collect()
}

impl<'de> Visitor<'de> for NodeSeed {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
        Ok(u64::try_from(v).map_or(Node::I64(v), Node::U64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        Ok(Node::U64(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        Ok(Node::F64(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
        match v.strip_prefix("hex:") {
            Some(digits) => hex_octets(digits)
                .map(Node::Octets)
                .ok_or_else(|| E::custom("a `hex:` string must continue with pairs of hex digits")),
            None => Ok(Node::Text(v.to_string())),
        }
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Node, E> {
        Ok(Node::Octets(v.to_vec()))
    }

    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Unit)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Unit)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let inner = self.inner()?;
        // Grown as elements arrive: the format's size hint is not trusted.
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(NodeSeed { depth: inner.depth })? {
            items.push(item);
        }
        Ok(Node::Seq(items))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let inner = self.inner()?;
        let mut entries = Vec::new();
        while let Some(key) = map.next_key_seed(NodeSeed { depth: inner.depth })? {
            let value = map.next_value_seed(NodeSeed { depth: inner.depth })?;
            entries.push((key, value));
        }
        Ok(Node::Map(entries))
    }
}

// ---------------------------------------------------------------------------------------------
// Errors with a path

/// Why a [`Document`] could not become a message or its octets, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentError {
    /// Where in the document, outermost first (`["pdu", "headers", "3", "header"]`); empty
    /// for the document as a whole.
    pub path: Vec<String>,
    /// What was wrong.
    pub kind: DocumentErrorKind,
}

/// What was wrong with a [`Document`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DocumentErrorKind {
    /// The document does not have the shape of a serialized message (a missing field, an
    /// unknown variant, a wrong type); the text says which.
    Shape(String),
    /// A value of the right shape cannot be written.
    Encode(EncodeError),
}

impl DocumentError {
    /// `segment` is the step (a key or an index) from the parent to where `self` happened.
    fn within(mut self, segment: impl fmt::Display) -> Self {
        self.path.insert(0, segment.to_string());
        self
    }
}

impl From<EncodeError> for DocumentError {
    fn from(e: EncodeError) -> Self {
        DocumentError {
            path: Vec::new(),
            kind: DocumentErrorKind::Encode(e),
        }
    }
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            f.write_str("at ")?;
            for (i, segment) in self.path.iter().enumerate() {
                if segment.bytes().all(|b| b.is_ascii_digit()) {
                    write!(f, "[{segment}]")?;
                } else {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(segment)?;
                }
            }
            f.write_str(": ")?;
        }
        match &self.kind {
            DocumentErrorKind::Shape(text) => f.write_str(text),
            DocumentErrorKind::Encode(e) => write!(f, "{e}"),
        }
    }
}

impl core::error::Error for DocumentError {}

impl de::Error for DocumentError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DocumentError {
            path: Vec::new(),
            kind: DocumentErrorKind::Shape(msg.to_string()),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The tree as a deserializer

impl Node {
    fn unexpected(&self) -> de::Unexpected<'_> {
        match self {
            Node::Unit => de::Unexpected::Unit,
            Node::Bool(b) => de::Unexpected::Bool(*b),
            Node::U64(v) => de::Unexpected::Unsigned(*v),
            Node::I64(v) => de::Unexpected::Signed(*v),
            Node::F64(v) => de::Unexpected::Float(*v),
            Node::Text(s) => de::Unexpected::Str(s),
            Node::Octets(b) => de::Unexpected::Bytes(b),
            Node::Seq(_) => de::Unexpected::Seq,
            Node::Map(_) => de::Unexpected::Map,
        }
    }

    /// How a key shows in an error path.
    fn key_text(&self) -> String {
        match self {
            Node::Text(s) => s.clone(),
            Node::U64(v) => v.to_string(),
            _ => String::from("?"),
        }
    }
}

impl<'de> IntoDeserializer<'de, DocumentError> for &'de Node {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> Deserializer<'de> for &'de Node {
    type Error = DocumentError;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DocumentError> {
        match self {
            Node::Unit => v.visit_unit(),
            Node::Bool(b) => v.visit_bool(*b),
            Node::U64(n) => v.visit_u64(*n),
            Node::I64(n) => v.visit_i64(*n),
            Node::F64(n) => v.visit_f64(*n),
            Node::Text(s) => v.visit_borrowed_str(s),
            Node::Octets(b) => v.visit_borrowed_bytes(b),
            Node::Seq(items) => v.visit_seq(SeqReader {
                items: items.iter().enumerate(),
            }),
            Node::Map(entries) => v.visit_map(MapReader {
                entries: entries.iter(),
                value: None,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DocumentError> {
        match self {
            Node::Unit => v.visit_none(),
            _ => v.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, DocumentError> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DocumentError> {
        match self {
            Node::Text(_) => v.visit_enum(EnumReader {
                variant: self,
                value: None,
            }),
            Node::Map(entries) => match entries.as_slice() {
                [(variant, value)] => v.visit_enum(EnumReader {
                    variant,
                    value: Some(value),
                }),
                _ => Err(de::Error::invalid_length(
                    entries.len(),
                    &"an object with exactly one key, the variant",
                )),
            },
            other => Err(de::Error::invalid_type(
                other.unexpected(),
                &"a variant name or an object with one key",
            )),
        }
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier
        ignored_any
    }
}

struct SeqReader<'de> {
    items: core::iter::Enumerate<core::slice::Iter<'de, Node>>,
}

impl<'de> de::SeqAccess<'de> for SeqReader<'de> {
    type Error = DocumentError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DocumentError> {
        match self.items.next() {
            Some((i, node)) => seed.deserialize(node).map(Some).map_err(|e| e.within(i)),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct MapReader<'de> {
    entries: core::slice::Iter<'de, (Node, Node)>,
    value: Option<&'de (Node, Node)>,
}

impl<'de> de::MapAccess<'de> for MapReader<'de> {
    type Error = DocumentError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DocumentError> {
        match self.entries.next() {
            Some(entry) => {
                self.value = Some(entry);
                seed.deserialize(&entry.0).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, DocumentError> {
        match self.value.take() {
            Some((key, value)) => seed
                .deserialize(value)
                .map_err(|e| e.within(key.key_text())),
            None => Err(de::Error::custom(
                "a map value was asked for before its key",
            )),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

struct EnumReader<'de> {
    variant: &'de Node,
    value: Option<&'de Node>,
}

impl<'de> de::EnumAccess<'de> for EnumReader<'de> {
    type Error = DocumentError;
    type Variant = VariantReader<'de>;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, VariantReader<'de>), DocumentError> {
        let name = self.variant.key_text();
        let variant = seed.deserialize(self.variant)?;
        Ok((
            variant,
            VariantReader {
                name,
                value: self.value,
            },
        ))
    }
}

struct VariantReader<'de> {
    name: String,
    value: Option<&'de Node>,
}

impl VariantReader<'_> {
    fn missing(&self) -> DocumentError {
        <DocumentError as de::Error>::custom(format_args!(
            "variant `{}` needs a value: write it as {{\"{}\": value}}",
            self.name, self.name
        ))
    }
}

impl<'de> de::VariantAccess<'de> for VariantReader<'de> {
    type Error = DocumentError;

    fn unit_variant(self) -> Result<(), DocumentError> {
        match self.value {
            None | Some(Node::Unit) => Ok(()),
            Some(other) => Err(<DocumentError as de::Error>::invalid_type(
                other.unexpected(),
                &"a unit variant (a name alone)",
            )
            .within(&self.name)),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, DocumentError> {
        let value = self.value.ok_or_else(|| self.missing())?;
        seed.deserialize(value).map_err(|e| e.within(&self.name))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, v: V) -> Result<V::Value, DocumentError> {
        let value = self.value.ok_or_else(|| self.missing())?;
        value.deserialize_seq(v).map_err(|e| e.within(&self.name))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DocumentError> {
        let value = self.value.ok_or_else(|| self.missing())?;
        value.deserialize_map(v).map_err(|e| e.within(&self.name))
    }
}

// ---------------------------------------------------------------------------------------------
// The editable message

/// A message read from a [`Document`]: a bare PDU or a push (with the PDU it carries, or its
/// body as octets). Encodes to the wire with [`Encode`].
#[derive(Debug, Clone, PartialEq)]
pub enum MessageDoc<'a> {
    /// A bare MMS PDU.
    Pdu(PduDoc<'a>),
    /// A WSP push.
    Push {
        /// The push header.
        push: PushDoc<'a>,
        /// The MMS PDU it carries, written as its body; `None` for a push whose body is given
        /// as octets ([`PushDoc::body`]).
        pdu: Option<PduDoc<'a>>,
    },
}

/// An MMS PDU read from a [`Document`]: its headers in order, its body and any trailing
/// octets.
#[derive(Debug, Clone, PartialEq)]
pub struct PduDoc<'a> {
    /// The headers in wire order.
    pub headers: Vec<MmsHeader<'a>>,
    /// The body, present iff the PDU has one.
    pub body: Option<BodyDoc<'a>>,
    /// Octets after the last header of a body-less PDU.
    pub trailing: &'a [u8],
}

/// The body of a [`PduDoc`].
#[derive(Debug, Clone, PartialEq)]
pub enum BodyDoc<'a> {
    /// A WSP multipart, written part by part.
    Multipart(MultipartDoc<'a>),
    /// Any other body, written as its octets.
    Single(&'a [u8]),
}

/// A WSP multipart read from a [`Document`].
#[derive(Debug, Clone, PartialEq)]
pub struct MultipartDoc<'a> {
    /// nEntries as it will be written: `None` writes no nEntries at all.
    pub declared_count: Option<Uintvar>,
    /// The parts in order.
    pub parts: Vec<PartDoc<'a>>,
}

/// One multipart entry read from a [`Document`].
#[derive(Debug, Clone, PartialEq)]
pub struct PartDoc<'a> {
    /// HeadersLen as sent; written as given when it matches the content type and headers,
    /// recomputed otherwise.
    pub headers_len: Option<Uintvar>,
    /// DataLen as sent; written as given when it matches the data, recomputed otherwise.
    pub data_len: Option<Uintvar>,
    /// The positional content type.
    pub content_type: ContentType<'a>,
    /// The headers after the content type, in order (code-page shifts included).
    pub headers: Vec<WspHeader<'a>>,
    /// What the part carries.
    pub data: PartDataDoc<'a>,
}

/// The data of a [`PartDoc`].
#[derive(Debug, Clone, PartialEq)]
pub enum PartDataDoc<'a> {
    /// The octets.
    Octets(&'a [u8]),
    /// A nested multipart, written part by part.
    Nested(Box<MultipartDoc<'a>>),
}

/// A WSP push header read from a [`Document`].
#[derive(Debug, Clone, PartialEq)]
pub struct PushDoc<'a> {
    /// The transaction id of a connectionless push.
    pub tid: Option<u8>,
    /// The PDU type (Push, 0x06, in every push that reads).
    pub pdu_type: PduType,
    /// HeadersLen as it will be written (computed when `None`).
    pub headers_len: Option<Uintvar>,
    /// The content type.
    pub content_type: ContentType<'a>,
    /// The headers after the content type, in order.
    pub headers: Vec<WspHeader<'a>>,
    /// The body as octets, for a push that does not carry an MMS PDU.
    pub body: Option<&'a [u8]>,
}

impl<'a> MessageDoc<'a> {
    /// The editable form of a decoded message (see [`PduDoc::from_pdu`]); a push keeps its
    /// HeadersLen as sent, and its body as octets when it carries no MMS PDU.
    ///
    /// ```
    /// use mms_pdu::codec::Encode;
    /// use mms_pdu::document::MessageDoc;
    /// // A connectionless push (TID 1) carrying an m-notifyresp-ind-sized PDU.
    /// let push = [0x01, 0x06, 0x03, 0xBE, 0xAF, 0x84, 0x8C, 0x83, 0x98, b'T', 0x00, 0x8D, 0x90, 0x95, 0x81];
    /// let message = mms_pdu::decode(&push).unwrap();
    /// let mut doc = MessageDoc::from_message(&message).unwrap();
    /// if let MessageDoc::Push { push, .. } = &mut doc {
    ///     push.tid = Some(2);
    /// }
    /// assert_eq!(doc.encode_to_vec().unwrap()[0], 2);
    /// ```
    ///
    /// # Errors
    /// A push header or a part that does not decode (none does in a message that
    /// [`decode`](crate::decode) returned).
    pub fn from_message(
        message: &crate::message::Message<'a>,
    ) -> Result<Self, crate::base::error::DecodeError> {
        match message {
            crate::message::Message::Pdu(pdu) => Ok(MessageDoc::Pdu(PduDoc::from_pdu(pdu))),
            crate::message::Message::Push(m) => {
                let headers = m
                    .push
                    .header_block()
                    .iter()
                    .map(|item| item.map(|i| i.header))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(MessageDoc::Push {
                    push: PushDoc {
                        tid: m.push.tid(),
                        pdu_type: m.push.pdu_type(),
                        headers_len: Some(m.push.headers_len()),
                        content_type: m.push.content_type().clone(),
                        headers,
                        body: m.pdu.is_none().then(|| m.push.body()),
                    },
                    pdu: m.pdu.as_ref().map(PduDoc::from_pdu),
                })
            }
        }
    }
}

impl<'a> PduDoc<'a> {
    /// The editable form of a decoded PDU: its headers, and its body part by part when it is a
    /// multipart that re-encodes exactly from its parts (else as octets).
    ///
    /// ```
    /// use mms_pdu::codec::Encode;
    /// use mms_pdu::document::PduDoc;
    /// use mms_pdu::mms::MmsHeader;
    /// let wire = [0x8C, 0x83, 0x98, b'T', b'1', 0x00, 0x8D, 0x90, 0x95, 0x81];
    /// let mut doc = PduDoc::from_pdu(&mms_pdu::Pdu::decode(&wire).unwrap());
    /// assert_eq!(doc.encode_to_vec().unwrap(), wire);
    /// doc.headers.retain(|h| !matches!(h, MmsHeader::Status(_)));
    /// assert_eq!(doc.encode_to_vec().unwrap(), wire[..8]);
    /// ```
    pub fn from_pdu(pdu: &crate::mms::Pdu<'a>) -> Self {
        let body = match (pdu.body(), pdu.multipart()) {
            (Some(raw), Some(Ok(m))) => Some(match MultipartDoc::exactly(&m, raw) {
                Some(doc) => BodyDoc::Multipart(doc),
                None => BodyDoc::Single(raw),
            }),
            (Some(raw), _) => Some(BodyDoc::Single(raw)),
            (None, _) => None,
        };
        PduDoc {
            headers: pdu.headers().collect(),
            body,
            trailing: pdu.trailing(),
        }
    }
}

impl<'a> MultipartDoc<'a> {
    /// The editable form of a multipart: nEntries as sent and every part (a nested multipart
    /// part by part when it re-encodes exactly from its parts, else as octets).
    ///
    /// # Errors
    /// The first part or part header that does not decode.
    pub fn from_multipart(
        multipart: &crate::wsp::Multipart<'a>,
    ) -> Result<Self, crate::base::error::DecodeError> {
        let mut parts = Vec::new();
        for part in multipart.parts() {
            let part = part?;
            let headers = part
                .headers
                .iter()
                .map(|item| item.map(|i| i.header))
                .collect::<Result<Vec<_>, _>>()?;
            let data = match part.nested() {
                Some(Ok(nested)) => match MultipartDoc::exactly(&nested, part.data) {
                    Some(doc) => PartDataDoc::Nested(Box::new(doc)),
                    None => PartDataDoc::Octets(part.data),
                },
                _ => PartDataDoc::Octets(part.data),
            };
            parts.push(PartDoc {
                headers_len: Some(part.headers_len),
                data_len: Some(part.data_len),
                content_type: part.content_type,
                headers,
                data,
            });
        }
        Ok(MultipartDoc {
            declared_count: multipart.declared_count(),
            parts,
        })
    }

    /// The editable form of `multipart` when it decodes and re-encodes to exactly `raw`.
    pub(crate) fn exactly(multipart: &crate::wsp::Multipart<'a>, raw: &[u8]) -> Option<Self> {
        Self::from_multipart(multipart)
            .ok()
            .filter(|doc| doc.encodes_to(raw))
    }

    /// Whether this multipart's encoding is exactly `raw` (the length is compared first).
    pub(crate) fn encodes_to(&self, raw: &[u8]) -> bool {
        self.encoded_len() == raw.len() && self.encode_to_vec().is_ok_and(|v| v == raw)
    }
}

// The serialized shapes (see `serde_impls.rs`); fields that only report are not listed and so
// are skipped.

#[derive(Deserialize)]
struct MessageFields<'a> {
    #[serde(borrow, default)]
    push: Option<PushDoc<'a>>,
    #[serde(borrow, default)]
    pdu: Option<PduDoc<'a>>,
}

impl<'de: 'a, 'a> Deserialize<'de> for MessageDoc<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let fields = MessageFields::deserialize(d)?;
        match (fields.push, fields.pdu) {
            (Some(push), pdu) => {
                if pdu.is_none() && push.body.is_none() {
                    return Err(de::Error::custom(
                        "a push needs the `pdu` it carries or its `body`",
                    ));
                }
                Ok(MessageDoc::Push { push, pdu })
            }
            (None, Some(pdu)) => Ok(MessageDoc::Pdu(pdu)),
            (None, None) => Err(de::Error::missing_field("pdu")),
        }
    }
}

#[derive(Deserialize)]
struct HeaderEntry<T> {
    header: T,
}

#[derive(Deserialize)]
struct PduFields<'a> {
    #[serde(borrow)]
    headers: Vec<HeaderEntry<MmsHeader<'a>>>,
    #[serde(borrow, default)]
    body: Option<BodyFields<'a>>,
    #[serde(
        default,
        deserialize_with = "crate::base::serde_util::borrowed_bytes",
        borrow
    )]
    trailing: &'a [u8],
}

impl<'de: 'a, 'a> Deserialize<'de> for PduDoc<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let fields = PduFields::deserialize(d)?;
        Ok(PduDoc {
            headers: fields.headers.into_iter().map(|h| h.header).collect(),
            body: fields.body.map(|b| match b {
                BodyFields::Multipart(m) => BodyDoc::Multipart(m),
                BodyFields::Single { data } => BodyDoc::Single(data),
            }),
            trailing: fields.trailing,
        })
    }
}

#[derive(Deserialize)]
enum BodyFields<'a> {
    #[serde(rename = "multipart", borrow)]
    Multipart(MultipartDoc<'a>),
    #[serde(rename = "single")]
    Single {
        #[serde(deserialize_with = "crate::base::serde_util::borrowed_bytes")]
        data: &'a [u8],
    },
}

#[derive(Deserialize)]
struct MultipartFields<'a> {
    /// Absent: computed; `null`: no nEntries.
    #[serde(default, deserialize_with = "present")]
    declared_count: Option<Option<Uintvar>>,
    #[serde(borrow)]
    parts: Vec<PartDoc<'a>>,
}

/// A field that is there, `null` or not: `Some(None)` for `null`.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

impl<'de: 'a, 'a> Deserialize<'de> for MultipartDoc<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let fields = MultipartFields::deserialize(d)?;
        let declared_count = match fields.declared_count {
            Some(given) => given,
            None => Some(Uintvar::new(
                u32::try_from(fields.parts.len())
                    .map_err(|_| de::Error::custom("more than 2^32-1 parts"))?,
            )),
        };
        Ok(MultipartDoc {
            declared_count,
            parts: fields.parts,
        })
    }
}

#[derive(Deserialize)]
struct PartFields<'a> {
    #[serde(default)]
    headers_len: Option<Uintvar>,
    #[serde(default)]
    data_len: Option<Uintvar>,
    #[serde(borrow)]
    content_type: ContentType<'a>,
    #[serde(borrow, default)]
    headers: Vec<HeaderEntry<WspHeader<'a>>>,
    #[serde(
        default,
        deserialize_with = "crate::base::serde_util::opt_borrowed_bytes",
        borrow
    )]
    data: Option<&'a [u8]>,
    #[serde(borrow, default)]
    nested: Option<MultipartDoc<'a>>,
}

impl<'de: 'a, 'a> Deserialize<'de> for PartDoc<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let fields = PartFields::deserialize(d)?;
        // `data` is what was sent; `nested` alone is an edited (or built) nested body.
        let data = match (fields.data, fields.nested) {
            (Some(octets), _) => PartDataDoc::Octets(octets),
            (None, Some(nested)) => PartDataDoc::Nested(Box::new(nested)),
            (None, None) => {
                return Err(de::Error::custom(
                    "a part needs its `data` (or, for a multipart, `nested`)",
                ));
            }
        };
        Ok(PartDoc {
            headers_len: fields.headers_len,
            data_len: fields.data_len,
            content_type: fields.content_type,
            headers: fields.headers.into_iter().map(|h| h.header).collect(),
            data,
        })
    }
}

#[derive(Deserialize)]
struct PushFields<'a> {
    #[serde(default)]
    tid: Option<u8>,
    pdu_type: PduType,
    #[serde(default)]
    headers_len: Option<Uintvar>,
    #[serde(borrow)]
    content_type: ContentType<'a>,
    #[serde(borrow, default)]
    headers: Vec<HeaderEntry<WspHeader<'a>>>,
    #[serde(
        default,
        deserialize_with = "crate::base::serde_util::opt_borrowed_bytes",
        borrow
    )]
    body: Option<&'a [u8]>,
}

impl<'de: 'a, 'a> Deserialize<'de> for PushDoc<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let fields = PushFields::deserialize(d)?;
        Ok(PushDoc {
            tid: fields.tid,
            pdu_type: fields.pdu_type,
            headers_len: fields.headers_len,
            content_type: fields.content_type,
            headers: fields.headers.into_iter().map(|h| h.header).collect(),
            body: fields.body,
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Encoding

impl Encode for MessageDoc<'_> {
    fn encoded_len(&self) -> usize {
        match self {
            MessageDoc::Pdu(p) => p.encoded_len(),
            MessageDoc::Push { push, pdu } => push.encoded_len_with(pdu.as_ref()),
        }
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            MessageDoc::Pdu(p) => p.encode(w),
            MessageDoc::Push { push, pdu } => push.encode_with(pdu.as_ref(), w),
        }
    }
}

impl Encode for PduDoc<'_> {
    fn encoded_len(&self) -> usize {
        self.headers.iter().map(Encode::encoded_len).sum::<usize>()
            + self.body.as_ref().map_or(0, Encode::encoded_len)
            + self.trailing.len()
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        for h in &self.headers {
            h.encode(w)?;
        }
        if let Some(body) = &self.body {
            body.encode(w)?;
        }
        w.write_bytes(self.trailing)
    }
}

impl Encode for BodyDoc<'_> {
    fn encoded_len(&self) -> usize {
        match self {
            BodyDoc::Multipart(m) => m.encoded_len(),
            BodyDoc::Single(data) => data.len(),
        }
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            BodyDoc::Multipart(m) => m.encode(w),
            BodyDoc::Single(data) => w.write_bytes(data),
        }
    }
}

impl Encode for MultipartDoc<'_> {
    fn encoded_len(&self) -> usize {
        self.declared_count.map_or(0, |c| c.encoded_len())
            + self.parts.iter().map(Encode::encoded_len).sum::<usize>()
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        if let Some(count) = self.declared_count {
            count.encode(w)?;
        }
        self.parts.iter().try_for_each(|p| p.encode(w))
    }
}

impl PartDoc<'_> {
    fn headers_octets(&self) -> usize {
        self.content_type.encoded_len() + headers_len(&self.headers)
    }

    fn data_octets(&self) -> usize {
        match &self.data {
            PartDataDoc::Octets(data) => data.len(),
            PartDataDoc::Nested(m) => m.encoded_len(),
        }
    }
}

impl Encode for PartDoc<'_> {
    fn encoded_len(&self) -> usize {
        let (hl, dl) = (self.headers_octets(), self.data_octets());
        uintvar_like(self.headers_len, hl).encoded_len()
            + uintvar_like(self.data_len, dl).encoded_len()
            + hl
            + dl
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        uintvar_for(
            self.headers_len,
            self.headers_octets(),
            "multipart HeadersLen",
        )?
        .encode(w)?;
        uintvar_for(self.data_len, self.data_octets(), "multipart DataLen")?.encode(w)?;
        self.content_type.encode(w)?;
        encode_headers(&self.headers, w)?;
        match &self.data {
            PartDataDoc::Octets(data) => w.write_bytes(data),
            PartDataDoc::Nested(m) => m.encode(w),
        }
    }
}

impl PushDoc<'_> {
    fn headers_octets(&self) -> usize {
        self.content_type.encoded_len() + headers_len(&self.headers)
    }

    /// HeadersLen: as given, else computed.
    fn headers_len_field(&self) -> Result<Uintvar, EncodeError> {
        match self.headers_len {
            Some(given) => Ok(given),
            None => uintvar_for(None, self.headers_octets(), "push HeadersLen"),
        }
    }

    fn body_len(&self, pdu: Option<&PduDoc<'_>>) -> usize {
        match pdu {
            Some(p) => p.encoded_len(),
            None => self.body.map_or(0, <[u8]>::len),
        }
    }

    fn encoded_len_with(&self, pdu: Option<&PduDoc<'_>>) -> usize {
        usize::from(self.tid.is_some())
            + 1
            + self.headers_len_field().map_or(5, |u| u.encoded_len())
            + self.headers_octets()
            + self.body_len(pdu)
    }

    fn encode_with<W: Writer + ?Sized>(
        &self,
        pdu: Option<&PduDoc<'_>>,
        w: &mut W,
    ) -> Result<(), EncodeError> {
        if let Some(tid) = self.tid {
            w.write_u8(tid)?;
        }
        w.write_u8(self.pdu_type.get())?;
        self.headers_len_field()?.encode(w)?;
        self.content_type.encode(w)?;
        encode_headers(&self.headers, w)?;
        match pdu {
            Some(p) => p.encode(w),
            None => w.write_bytes(self.body.unwrap_or_default()),
        }
    }
}
