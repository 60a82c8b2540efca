//! `Serialize` and `Deserialize` for [`Indexable`] (feature `serde`), by hand because the
//! names differ per field ([`IndexableValue::SERDE_VARIANTS`], [`IndexableValue::SERDE_FIELDS`]):
//! the serialized form is the one a derive gives an enum
//! `{ Plain(T), Indexed { length_form, index, value } }` under those names.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, DeserializeSeed, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor};
use serde::ser::SerializeStructVariant;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::indexed::{Indexable, IndexableValue};

/// The type name given to the serializer.
const NAME: &str = "Indexable";

impl<T: Serialize + IndexableValue> Serialize for Indexable<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let [plain, indexed] = *T::SERDE_VARIANTS;
        match self {
            Indexable::Plain(v) => s.serialize_newtype_variant(NAME, 0, plain, v),
            Indexable::Indexed {
                length_form,
                index,
                value,
            } => {
                let [form_name, index_name, value_name] = *T::SERDE_FIELDS;
                let mut st = s.serialize_struct_variant(NAME, 1, indexed, 3)?;
                st.serialize_field(form_name, length_form)?;
                st.serialize_field(index_name, index)?;
                st.serialize_field(value_name, value)?;
                st.end()
            }
        }
    }
}

impl<'de, T: Deserialize<'de> + IndexableValue> Deserialize<'de> for Indexable<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_enum(NAME, T::SERDE_VARIANTS, EnumVisitor(PhantomData))
    }
}

/// Reads a variant or field name (or its number) as its position in `names`; an unknown
/// variant is an error, an unknown field `None` (ignored, as a derive does).
struct Name {
    names: &'static [&'static str],
    variant: bool,
}

impl<'de> DeserializeSeed<'de> for Name {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl Name {
    fn found<E: de::Error>(&self, at: Option<usize>, shown: &str) -> Result<Option<usize>, E> {
        match at {
            None if self.variant => Err(E::unknown_variant(shown, self.names)),
            at => Ok(at),
        }
    }
}

impl<'de> Visitor<'de> for Name {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "one of {:?}", self.names)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        let at = usize::try_from(v).ok().filter(|&i| i < self.names.len());
        self.found(at, "(a number)")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.found(self.names.iter().position(|n| *n == v), v)
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Self::Value, E> {
        let at = self.names.iter().position(|n| n.as_bytes() == v);
        self.found(at, "(octets)")
    }
}

struct EnumVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de> + IndexableValue> Visitor<'de> for EnumVisitor<T> {
    type Value = Indexable<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "one of the variants {:?}", T::SERDE_VARIANTS)
    }
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        let seed = Name {
            names: T::SERDE_VARIANTS,
            variant: true,
        };
        match data.variant_seed(seed)? {
            (Some(0), v) => v.newtype_variant().map(Indexable::Plain),
            (_, v) => v.struct_variant(T::SERDE_FIELDS, IndexedVisitor(PhantomData)),
        }
    }
}

struct IndexedVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de> + IndexableValue> Visitor<'de> for IndexedVisitor<T> {
    type Value = Indexable<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an indexed value with the fields {:?}", T::SERDE_FIELDS)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let length_form = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(0, &self))?;
        let index = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(1, &self))?;
        let value = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(2, &self))?;
        Ok(Indexable::Indexed {
            length_form,
            index,
            value,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let [form_name, index_name, value_name] = *T::SERDE_FIELDS;
        let (mut length_form, mut index, mut value) = (None, None, None);
        let seed = || Name {
            names: T::SERDE_FIELDS,
            variant: false,
        };
        while let Some(at) = map.next_key_seed(seed())? {
            match at {
                Some(0) if length_form.is_none() => length_form = Some(map.next_value()?),
                Some(1) if index.is_none() => index = Some(map.next_value()?),
                Some(2) if value.is_none() => value = Some(map.next_value()?),
                Some(0) => return Err(de::Error::duplicate_field(form_name)),
                Some(1) => return Err(de::Error::duplicate_field(index_name)),
                Some(_) => return Err(de::Error::duplicate_field(value_name)),
                None => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(Indexable::Indexed {
            length_form: length_form.ok_or_else(|| de::Error::missing_field(form_name))?,
            index: index.ok_or_else(|| de::Error::missing_field(index_name))?,
            value: value.ok_or_else(|| de::Error::missing_field(value_name))?,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::assigned::ResponseStatus;
    use crate::codec::{EncodedString, IntegerValue, LengthForm, TextString};
    use crate::mms::{ContentLocationValue, ResponseStatusValue, ResponseTextValue};

    /// The enums this type replaced, as they were derived.
    #[derive(serde::Serialize)]
    enum OldContentLocation<'a> {
        Uri(TextString<'a>),
        Indexed {
            length_form: LengthForm,
            count: IntegerValue,
            uri: TextString<'a>,
        },
    }

    #[derive(serde::Serialize)]
    enum OldResponseText<'a> {
        Text(EncodedString<'a>),
        Indexed {
            length_form: LengthForm,
            count: IntegerValue,
            text: EncodedString<'a>,
        },
    }

    #[derive(serde::Serialize)]
    enum OldResponseStatus {
        Status(ResponseStatus),
        Indexed {
            length_form: LengthForm,
            index: IntegerValue,
            status: ResponseStatus,
        },
    }

    fn json<T: serde::Serialize>(v: &T) -> alloc::string::String {
        serde_json::to_string(v).unwrap()
    }

    /// The JSON of the three fields is that of the per-field enums, and reads back.
    #[test]
    fn json_keeps_the_per_field_names() {
        let (uri, text) = (TextString::new(b"http://x/1"), EncodedString::plain(b"ok"));
        let index = IntegerValue::new(2);
        let length_form = LengthForm::Quoted { leading_zeros: 1 };
        let indexed = |value| ContentLocationValue::Indexed {
            length_form,
            index,
            value,
        };
        for (new, old) in [
            (
                ContentLocationValue::Plain(uri),
                OldContentLocation::Uri(uri),
            ),
            (
                indexed(uri),
                OldContentLocation::Indexed {
                    length_form,
                    count: index,
                    uri,
                },
            ),
        ] {
            let j = json(&new);
            assert_eq!(j, json(&old));
            assert_eq!(
                serde_json::from_str::<ContentLocationValue<'_>>(&j).unwrap(),
                new
            );
        }
        for (new, old) in [
            (ResponseTextValue::Plain(text), OldResponseText::Text(text)),
            (
                ResponseTextValue::indexed(2, text),
                OldResponseText::Indexed {
                    length_form: LengthForm::Short,
                    count: index,
                    text,
                },
            ),
        ] {
            let j = json(&new);
            assert_eq!(j, json(&old));
            assert_eq!(
                serde_json::from_str::<ResponseTextValue<'_>>(&j).unwrap(),
                new
            );
        }
        let status = ResponseStatus::ERROR_PERMANENT_MESSAGE_NOT_FOUND;
        for (new, old) in [
            (
                ResponseStatusValue::Plain(status),
                OldResponseStatus::Status(status),
            ),
            (
                ResponseStatusValue::indexed(2, status),
                OldResponseStatus::Indexed {
                    length_form: LengthForm::Short,
                    index,
                    status,
                },
            ),
        ] {
            let j = json(&new);
            assert_eq!(j, json(&old));
            assert_eq!(
                serde_json::from_str::<ResponseStatusValue>(&j).unwrap(),
                new
            );
        }
    }

    /// Fields in any order, unknown ones ignored; unknown variants, missing and repeated
    /// fields fail.
    #[test]
    fn json_reading_rules() {
        let del = ContentLocationValue::indexed(2, TextString::new(b"u"));
        let uri = r#"{"bytes":"u","quoted":false,"nuls":1}"#;
        let count = json(&IntegerValue::new(2));
        let reordered = alloc::format!(
            r#"{{"Indexed":{{"x":0,"uri":{uri},"count":{count},"length_form":"Short"}}}}"#
        );
        fn read(j: &str) -> Result<ContentLocationValue<'_>, ()> {
            serde_json::from_str(j).map_err(drop)
        }
        assert_eq!(read(&reordered), Ok(del));
        assert!(read(&alloc::format!(r#"{{"Plain":{uri}}}"#)).is_err());
        assert!(read(r#"{"Indexed":{"length_form":"Short"}}"#).is_err());
        let twice = alloc::format!(r#"{{"Indexed":{{"count":{count},"count":{count}}}}}"#);
        assert!(read(&twice).is_err());
    }
}
