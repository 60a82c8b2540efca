//! `Serialize` for the composite model (PDU, push, multipart), written against the public
//! accessors so that the JSON shows what a reader looks for: typed headers with their wire
//! forms, the parts of a multipart body with their headers, sizes and (for text parts) text,
//! and the diagnostics — not a hex dump of the body.

use alloc::string::ToString;
use alloc::vec::Vec;

use serde::Serialize;
use serde::ser::{Error as _, SerializeStruct, Serializer};

use crate::assigned::Charset;
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
        let mut st = s.serialize_struct("PushMessage", 3)?;
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
        let mut st = s.serialize_struct("Push", 7)?;
        st.serialize_field("tid", &self.tid())?;
        st.serialize_field("pdu_type", &self.pdu_type())?;
        st.serialize_field("headers_len", &self.headers_len())?;
        st.serialize_field("content_type", &self.content_type())?;
        st.serialize_field("headers", &headers)?;
        st.serialize_field("is_mms", &self.is_mms())?;
        st.serialize_field("body_length", &self.body().len())?;
        st.end()
    }
}

/// The body of a PDU as the JSON shows it.
#[derive(Serialize)]
enum BodyJson<'p, 'a> {
    /// A WSP multipart, parsed.
    #[serde(rename = "multipart")]
    Multipart(MultipartJson<'p, 'a>),
    /// Anything else: its length.
    #[serde(rename = "single")]
    Single { length: usize },
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
        let is_text = matches!(
            self.content_type.media_name(),
            Some(n) if n.len() >= 5 && n[..5].eq_ignore_ascii_case("text/")
        ) || self.is_smil();
        let nested = match self.nested() {
            Some(Ok(m)) => Some(MultipartJson {
                multipart: m,
                _pdu: core::marker::PhantomData,
            }),
            _ => None,
        };
        let mut st = s.serialize_struct("Part", 9)?;
        st.serialize_field("offset", &self.offset)?;
        st.serialize_field("headers_len", &self.headers_len)?;
        st.serialize_field("data_len", &self.data_len)?;
        st.serialize_field("content_type", &self.content_type)?;
        st.serialize_field("headers", &headers)?;
        st.serialize_field("data_length", &self.data.len())?;
        st.serialize_field(
            "text",
            &is_text.then(|| self.text(Charset::UTF_8).into_owned()),
        )?;
        st.serialize_field("nested", &nested)?;
        st.end()
    }
}

impl Serialize for Pdu<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let body = match (self.body(), self.multipart()) {
            (_, Some(Ok(multipart))) => Some(BodyJson::Multipart(MultipartJson {
                multipart,
                _pdu: core::marker::PhantomData,
            })),
            (Some(b), _) => Some(BodyJson::Single { length: b.len() }),
            (None, _) => None,
        };
        let mut st = s.serialize_struct("Pdu", 5)?;
        st.serialize_field("message_type", &self.message_type())?;
        st.serialize_field("headers", self.fields())?;
        st.serialize_field("body", &body)?;
        st.serialize_field("trailing_length", &self.trailing().len())?;
        st.serialize_field("diagnostics", self.diagnostics())?;
        st.end()
    }
}
