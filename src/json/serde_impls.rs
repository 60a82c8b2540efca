//! `Serialize` for the composite model (PDU, push, multipart), written against the public
//! accessors so that the JSON shows what a reader looks for: typed headers with their wire
//! forms, the parts of a multipart body with their headers, offsets, sizes, data and (for text
//! parts) text, and the diagnostics. Everything the wire holds is there, so
//! [`Document`](crate::json::document::Document) reads it back into the same octets.

use alloc::string::ToString;
use alloc::vec::Vec;

use serde::Serialize;
use serde::ser::{Error as _, SerializeStruct, Serializer};

use crate::json::document::MultipartDoc;
use crate::json::framing::FramingJson;
use crate::message::{Message, PushMessage};
use crate::mms::Pdu;
use crate::wsp::{Multipart, Part, Push};

impl Serialize for Message<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Message::Pdu(p) => {
                let mut st = s.serialize_struct("Message", 1)?;
                st.serialize_field("pdu", p)?;
                st.end()
            }
            Message::Push(p) => p.serialize(s),
        }
    }
}

impl Serialize for PushMessage<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let framing = self.framing.as_ref().and_then(FramingJson::of);
        let mut st = s.serialize_struct("PushMessage", 3 + usize::from(framing.is_some()))?;
        // Only a framed push has the field, so the JSON of a bare push is as it always was.
        if let Some(framing) = &framing {
            st.serialize_field("framing", framing)?;
        }
        st.serialize_field("push", &self.push)?;
        st.serialize_field("diagnostics", &self.diagnostics)?;
        st.serialize_field("pdu", &self.pdu)?;
        st.end()
    }
}

impl Serialize for Push<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let headers: Vec<_> = self
            .header_block()
            .iter()
            .collect::<Result<_, _>>()
            .map_err(|e| S::Error::custom(e.to_string()))?;
        let mut st = s.serialize_struct("Push", 8)?;
        st.serialize_field("tid", &self.tid())?;
        st.serialize_field("pdu_type", &self.pdu_type())?;
        st.serialize_field("headers_len", &self.headers_len())?;
        st.serialize_field("content_type", &self.content_type())?;
        st.serialize_field("headers", &headers)?;
        st.serialize_field("is_mms", &self.is_mms())?;
        st.serialize_field("body_length", &self.body().len())?;
        // An MMS body is the message's `pdu`; any other body is written here.
        if !self.is_mms() {
            st.serialize_field("body", &Octets(self.body()))?;
        }
        st.end()
    }
}

/// The body of a PDU as the JSON shows it.
#[derive(Serialize)]
enum BodyJson<'p, 'a> {
    /// A WSP multipart, parsed.
    #[serde(rename = "multipart")]
    Multipart(MultipartJson<'p, 'a>),
    /// Anything else: its length and octets.
    #[serde(rename = "single")]
    Single {
        length: usize,
        #[serde(serialize_with = "crate::base::serde_util::bytes")]
        data: &'a [u8],
    },
}

/// Octets written by [`crate::base::serde_util::bytes`].
struct Octets<'a>(&'a [u8]);

impl Serialize for Octets<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        crate::base::serde_util::bytes(&self.0, s)
    }
}

struct MultipartJson<'p, 'a> {
    multipart: Multipart<'a>,
    _pdu: core::marker::PhantomData<&'p ()>,
}

impl Serialize for MultipartJson<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let parts = self
            .multipart
            .parts_vec()
            .map_err(|e| S::Error::custom(e.to_string()))?;
        let mut st = s.serialize_struct("Multipart", 2)?;
        st.serialize_field("declared_count", &self.multipart.declared_count())?;
        st.serialize_field("parts", &parts)?;
        st.end()
    }
}

impl Serialize for Part<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let headers: Vec<_> = self
            .headers
            .iter()
            .collect::<Result<_, _>>()
            .map_err(|e| S::Error::custom(e.to_string()))?;
        // A nested multipart is shown part by part when its parts decode; its data is left
        // out when the parts say exactly the same octets.
        let (nested, exact) = match self.nested() {
            Some(Ok(m)) => match MultipartDoc::from_multipart(&m) {
                Ok(doc) => (
                    Some(MultipartJson {
                        multipart: m,
                        _pdu: core::marker::PhantomData,
                    }),
                    doc.encodes_to(self.data),
                ),
                Err(_) => (None, false),
            },
            _ => (None, false),
        };
        // Where the data starts: after the entry's two Uintvars, content type and headers.
        let mut st = s.serialize_struct("Part", 11)?;
        st.serialize_field("offset", &self.offset)?;
        st.serialize_field("data_offset", &self.data_offset())?;
        st.serialize_field("headers_len", &self.headers_len)?;
        st.serialize_field("data_len", &self.data_len)?;
        st.serialize_field("content_type", &self.content_type)?;
        st.serialize_field("headers", &headers)?;
        st.serialize_field("data_length", &self.data.len())?;
        // Written as octet strings are, so a text that starts with `hex:` reads back as itself.
        let text = super::reported_text(self);
        st.serialize_field("text", &text.as_deref().map(|t| Octets(t.as_bytes())))?;
        st.serialize_field("nested", &nested)?;
        if !exact {
            st.serialize_field("data", &Octets(self.data))?;
        }
        st.end()
    }
}

/// A PDU's headers with their offsets, as a sequence (they are typed one by one).
struct Fields<'p, 'a>(&'p Pdu<'a>);

impl Serialize for Fields<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.fields())
    }
}

impl Serialize for Pdu<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let body = match (self.body(), self.multipart()) {
            (Some(raw), Some(Ok(multipart)))
                if MultipartDoc::exactly(&multipart, raw).is_some() =>
            {
                Some(BodyJson::Multipart(MultipartJson {
                    multipart,
                    _pdu: core::marker::PhantomData,
                }))
            }
            (Some(b), _) => Some(BodyJson::Single {
                length: b.len(),
                data: b,
            }),
            (None, _) => None,
        };
        let mut st = s.serialize_struct("Pdu", 6)?;
        st.serialize_field("message_type", &self.message_type())?;
        st.serialize_field("headers", &Fields(self))?;
        st.serialize_field("body", &body)?;
        st.serialize_field("trailing_length", &self.trailing().len())?;
        st.serialize_field("trailing", &Octets(self.trailing()))?;
        st.serialize_field("diagnostics", self.diagnostics())?;
        st.end()
    }
}
