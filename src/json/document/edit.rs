//! The editable message read from a [`Document`]: its types, their forms of a decoded message,
//! and their encoding.

use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::vec::Vec;

use crate::assigned::PduType;
use crate::base::error::EncodeError;
use crate::codec::{Encode, Uintvar, Writer};
use crate::json::framing::prefix_of;
use crate::mms::MmsHeader;
use crate::wsp::ContentType;
use crate::wsp::headers::{WspHeader, encode_headers, headers_len};
use crate::wsp::multipart::{uintvar_for, uintvar_like};

#[cfg(doc)]
use super::Document;

/// A message read from a [`Document`]: a bare PDU or a push (with the PDU it carries, or its
/// body as octets). Encodes to the wire with [`Encode`].
#[derive(Debug, Clone, PartialEq)]
pub enum MessageDoc<'a> {
    /// A bare MMS PDU.
    Pdu(PduDoc<'a>),
    /// A WSP push.
    Push {
        /// The octets of the SMS framing written in front of the push, for a push that was
        /// found in one: the user data header, or an SMS-DELIVER up to and including it (its
        /// TP-UDL is written as given, so it counts the push as it was).
        framing: Option<Cow<'a, [u8]>>,
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
                let framing = m.framing.as_ref().map(|f| Cow::Owned(prefix_of(f)));
                Ok(MessageDoc::Push {
                    framing,
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

// ---------------------------------------------------------------------------------------------
// Encoding

impl Encode for MessageDoc<'_> {
    fn encoded_len(&self) -> usize {
        match self {
            MessageDoc::Pdu(p) => p.encoded_len(),
            MessageDoc::Push { framing, push, pdu } => {
                framing.as_ref().map_or(0, |f| f.len()) + push.encoded_len_with(pdu.as_ref())
            }
        }
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            MessageDoc::Pdu(p) => p.encode(w),
            MessageDoc::Push { framing, push, pdu } => {
                if let Some(prefix) = framing {
                    w.write_bytes(prefix)?;
                }
                push.encode_with(pdu.as_ref(), w)
            }
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

    pub(super) fn encode_with<W: Writer + ?Sized>(
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
