//! The owned tree a [`Document`] holds, and how any `serde` format is read into it.

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

use super::{DocumentError, MAX_DEPTH, MessageDoc};
#[cfg(doc)]
use crate::base::error::EncodeError;
use crate::codec::Encode;

/// An owned, format-independent copy of a serialized message, from which the borrowed model
/// deserializes: strings starting with `hex:` hold the octets their hex digits spell, other
/// strings their text.
///
/// Read one with any `serde` format (`serde_json::from_str::<Document>(..)`), then
/// [`Document::message`] gives the typed, editable message and [`Document::to_wire`] its
/// octets. See the [module documentation](super).
#[derive(Clone, PartialEq)]
pub struct Document(Node);

/// One value of the serialized tree; `Octets` holds what a `hex:` string spells.
#[derive(Clone, PartialEq)]
pub(super) enum Node {
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
            Some(digits) => base16ct::mixed::decode_vec(digits)
                .map(Node::Octets)
                .map_err(|_| E::custom("a `hex:` string must continue with pairs of hex digits")),
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

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    /// The octets a JSON string reads as; `None` for text.
    fn octets(json: &str) -> Result<Option<Vec<u8>>, serde_json::Error> {
        serde_json::from_str::<Document>(json).map(|d| match d.0 {
            Node::Octets(o) => Some(o),
            _ => None,
        })
    }

    #[test]
    fn hex_strings_hold_pairs_of_hex_digits_in_either_case() {
        assert_eq!(
            octets(r#""hex:00aBfF""#).unwrap(),
            Some(vec![0x00, 0xAB, 0xFF])
        );
        assert_eq!(octets(r#""hex:""#).unwrap(), Some(vec![]));
        assert_eq!(octets(r#""hex""#).unwrap(), None);
        // An odd count, a non-digit, a space, and a sign (which `u8::from_str_radix` took before).
        for bad in [r#""hex:abc""#, r#""hex:0g""#, r#""hex: f""#, r#""hex:+f""#] {
            assert!(octets(bad).is_err(), "{bad}");
        }
    }
}
