//! How the editable message deserializes: the serialized shapes (see `serde_impls.rs`) and their
//! conversion into the `*Doc` types.

use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::vec::Vec;

use serde::Deserialize;
use serde::de::{self, Deserializer};

use super::{BodyDoc, MessageDoc, MultipartDoc, PartDataDoc, PartDoc, PduDoc, PushDoc};
use crate::assigned::{MessageType, PduType};
use crate::codec::Uintvar;
use crate::json::framing::{FramingFields, FramingReport};
use crate::mms::MmsHeader;
use crate::wsp::headers::WspHeader;
use crate::wsp::{ContentType, Part};

// Fields that only report where or how long something is (`offset`, `data_offset`,
// `*_length`, `diagnostics`, `is_mms`) are not listed and so are skipped: any edit makes them
// stale. The reported values a reader may take for editable (a part's `text`, a PDU's
// `message_type`) are read and must agree with what the document says they report.

#[derive(Deserialize)]
struct MessageFields<'a> {
    #[serde(borrow, default)]
    framing: Option<FramingFields<'a>>,
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
                if let Some(f) = &fields.framing {
                    check_framing(f, &push, pdu.as_ref())?;
                }
                Ok(MessageDoc::Push {
                    framing: fields.framing.map(|f| Cow::Borrowed(f.prefix)),
                    push,
                    pdu,
                })
            }
            (None, Some(_)) if fields.framing.is_some() => Err(de::Error::custom(
                "an SMS `framing` stands in front of a `push`, and there is none",
            )),
            (None, Some(pdu)) => Ok(MessageDoc::Pdu(pdu)),
            (None, None) => Err(de::Error::missing_field("pdu")),
        }
    }
}

/// A framing's reported `decoded` fields, when given, must be what its `prefix` followed by
/// the push decodes to (an SMS-DELIVER's TP-UDL counts the push, so it is read with it).
fn check_framing<E: de::Error>(
    framing: &FramingFields<'_>,
    push: &PushDoc<'_>,
    pdu: Option<&PduDoc<'_>>,
) -> Result<(), E> {
    let Some(reported) = &framing.decoded else {
        return Ok(());
    };
    let mut wire = framing.prefix.to_vec();
    // A push that cannot be written fails when the message is encoded, with its own error.
    if push.encode_with(pdu, &mut wire).is_err() {
        return Ok(());
    }
    if FramingReport::of(&crate::sms::classify(&wire)).as_ref() != Some(reported) {
        return Err(de::Error::custom(
            "`framing.decoded` is only reported and does not match `framing.prefix` followed \
             by the push; edit `prefix`, and remove `decoded` or make it agree",
        ));
    }
    Ok(())
}

#[derive(Deserialize)]
struct HeaderEntry<T> {
    header: T,
}

#[derive(Deserialize)]
struct PduFields<'a> {
    /// Reported: must be the X-Mms-Message-Type header's.
    #[serde(default)]
    message_type: Option<MessageType>,
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
        if let Some(reported) = fields.message_type {
            // As `Pdu::message_type` finds it: the first X-Mms-Message-Type header.
            let header = fields.headers.iter().find_map(|h| match h.header {
                MmsHeader::MessageType(t) => Some(t),
                _ => None,
            });
            if header != Some(reported) {
                return Err(de::Error::custom(format_args!(
                    "`message_type` ({reported}) is only reported and does not match the \
                     X-Mms-Message-Type header; edit the header, and remove `message_type` or \
                     make it agree"
                )));
            }
        }
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
    /// Reported: must be what `data` reads as.
    #[serde(borrow, default)]
    text: Option<Cow<'a, str>>,
}

impl<'de: 'a, 'a> Deserialize<'de> for PartDoc<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let fields = PartFields::deserialize(d)?;
        if let Some(given) = &fields.text {
            let reported = fields.data.and_then(|data| {
                super::super::reported_text(&Part::single(fields.content_type.clone(), data, 0))
            });
            if reported.as_deref() != Some(given.as_ref()) {
                return Err(de::Error::custom(
                    "`text` is only reported and does not match the part's `data`; edit \
                     `data` (for a text part, its text), and remove `text` or make it agree",
                ));
            }
        }
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
