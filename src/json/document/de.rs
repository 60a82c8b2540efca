//! The tree as a `serde` deserializer: the borrowed model deserializes from a [`Node`], and
//! every error on the way out is given the key or index it passed through.

use alloc::string::String;

use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, Visitor};
use serde::forward_to_deserialize_any;

use super::DocumentError;
use super::tree::Node;

impl Node {
    pub(super) fn unexpected(&self) -> de::Unexpected<'_> {
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
