//! An RFC 5322 message, parsed by `mail-parser`, as an m-retrieve-conf or m-send-req.
//!
//! The parsed message is first copied into [`Mail`], which owns every text and every part's
//! decoded octets; the PDU is then built borrowing from it and encoded. The octets a part
//! carries are not in the e-mail as they are (base64 or quoted-printable), so there is no
//! input a [`Pdu`](crate::mms::Pdu) could borrow them from: the conversions return the encoded
//! PDU, which the caller decodes (zero-copy) when it needs the model.

use alloc::string::String;
use alloc::vec::Vec;

use mail_parser::parsers::MessageStream;
use mail_parser::{Encoding, Message, MessageParser, MessagePart, MimeHeaders};

use super::address::mms_address;
use super::fields::{MM4_HEADERS, WAP_MULTIPART, mm4_field, subject_value};
use super::{MailError, MailOptions};
use crate::assigned::{Charset, Disposition, MessageType, WellKnownMedia};
use crate::base::limits::Limits;
use crate::codec::{Encode, TextString};
use crate::mms::build::PduBuilder;
use crate::mms::{Address, FromValue, MmsHeader, StreamedPdu};
use crate::wsp::{ContentType, Media, MultipartBuilder, Parameter, PartBuilder};

/// Reads an RFC 5322 message into an m-retrieve-conf (encoded), for the MMS recipient of an
/// e-mail: the reverse of [`to_mime`](super::to_mime) (the table in
/// [the module docs](super)). The MIME structure is kept: a multipart becomes the WSP
/// multipart of the same type (`multipart/related` → `application/vnd.wap.multipart.related`
/// with its `start` and `type`), each part keeps its content type, `charset`, `name`,
/// Content-ID, Content-Location, Content-Disposition and its octets (transfer encoding
/// undone, charset not applied); a single-part message becomes a PDU with that one body.
///
/// The PDU is returned encoded: its parts' octets exist only in buffers this conversion
/// makes (the e-mail carries them base64 or quoted-printable), so there is nothing a
/// borrowing [`Pdu`](crate::mms::Pdu) could point into once it returns. Decode the octets
/// with [`Pdu::decode`](crate::mms::Pdu::decode) for the model.
///
/// ```
/// use mms_pdu::assigned::{Charset, MessageType};
/// use mms_pdu::mail::{to_retrieve_conf, MailOptions};
/// use mms_pdu::Pdu;
///
/// let mail = b"From: Anna <anna@example.org>\r\n\
///     To: +15551234567/TYPE=PLMN@mms.example.net\r\n\
///     Subject: =?utf-8?Q?Gr=C3=BC=C3=9Fe?=\r\n\
///     Date: Fri, 31 May 2024 12:00:00 +0000\r\n\
///     Message-ID: <m1@example.org>\r\n\
///     MIME-Version: 1.0\r\n\
///     Content-Type: multipart/mixed; boundary=b\r\n\
///     \r\n\
///     --b\r\n\
///     Content-Type: text/plain; charset=utf-8\r\n\
///     Content-Transfer-Encoding: quoted-printable\r\n\
///     \r\n\
///     Bis gleich =E2=80=94 Anna\r\n\
///     --b--\r\n";
/// let octets = to_retrieve_conf(mail, &MailOptions::new("mms.example.net"))?;
/// let pdu = Pdu::decode(&octets)?;
/// assert_eq!(pdu.message_type(), Some(MessageType::RETRIEVE_CONF));
/// assert_eq!(pdu.from_address().map(|a| a.text().into_owned()).as_deref(), Some("Anna <anna@example.org>"));
/// assert_eq!(pdu.to().next().map(|a| a.text().into_owned()).as_deref(), Some("+15551234567/TYPE=PLMN"));
/// assert_eq!(pdu.subject_text(&Default::default()).as_deref(), Some("Grüße"));
/// assert_eq!(pdu.message_id().map(|m| m.bytes), Some(&b"m1@example.org"[..]));
/// let parts = pdu.multipart().expect("multipart")?.parts_vec()?;
/// assert_eq!(parts[0].text(Charset::UTF_8), "Bis gleich — Anna");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`MailError::Mime`] when the input is not a message or nests multiparts deeper than
/// [`Limits::DEFAULT`]'s depth; [`MailError::Encode`] when the PDU cannot be built (no
/// `Date`, which an m-retrieve-conf must have; a NUL in a header text).
pub fn to_retrieve_conf(mime: &[u8], options: &MailOptions) -> Result<Vec<u8>, MailError> {
    Mail::read(mime, options)?.encode(MessageType::RETRIEVE_CONF, None, options)
}

/// Reads an RFC 5322 message into an m-send-req (encoded) with `transaction_id`, for an
/// e-mail an MMS client or gateway sends on: as [`to_retrieve_conf`], with Bcc carried and
/// no Message-ID (an m-send-req has none); without a `From` the PDU asks the MMSC to insert
/// the sender's address.
///
/// ```
/// use mms_pdu::mail::{to_mime, to_send_req, MailOptions};
/// use mms_pdu::mms::FromValue;
/// use mms_pdu::Pdu;
///
/// let options = MailOptions::new("mms.example.net");
/// let sent = Pdu::decode(include_bytes!("../../samples/m-send-req.mms"))?;
/// let mail = to_mime(&sent, &options)?;
/// let octets = to_send_req(&mail, b"T2", &options)?;
/// let again = Pdu::decode(&octets)?;
/// assert_eq!(again.transaction_id().map(|t| t.bytes), Some(&b"T2"[..]));
/// assert!(matches!(again.from(), Some(FromValue::InsertAddress { .. })));
/// let before = sent.multipart().expect("multipart")?.parts_vec()?;
/// let after = again.multipart().expect("multipart")?.parts_vec()?;
/// assert!(before.iter().zip(&after).all(|(a, b)| a.data == b.data && a.content_id() == b.content_id()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// As [`to_retrieve_conf`]; an m-send-req also needs a recipient (`To`, `Cc` or `Bcc`).
pub fn to_send_req(
    mime: &[u8],
    transaction_id: &[u8],
    options: &MailOptions,
) -> Result<Vec<u8>, MailError> {
    Mail::read(mime, options)?.encode(MessageType::SEND_REQ, Some(transaction_id), options)
}

/// What a PDU needs of an e-mail, owned.
struct Mail {
    from: Option<String>,
    to: Vec<String>,
    cc: Vec<String>,
    bcc: Vec<String>,
    subject: Option<String>,
    date: Option<u64>,
    message_id: Option<String>,
    /// The carried MM4 headers that are present: `(name, value)`.
    mm4: Vec<(&'static str, String)>,
    body: OwnedPart,
}

/// A MIME part, owned: its content type's media and parameters, the headers with a WSP form,
/// and its octets or its parts.
struct OwnedPart {
    media: String,
    charset: Option<String>,
    name: Option<String>,
    filename: Option<String>,
    start: Option<String>,
    root_type: Option<String>,
    content_id: Option<String>,
    location: Option<String>,
    disposition: Option<(String, Option<String>)>,
    content: Content,
}

enum Content {
    Data(Vec<u8>),
    Parts(Vec<OwnedPart>),
}

impl Mail {
    fn read(mime: &[u8], options: &MailOptions) -> Result<Self, MailError> {
        let domain = options.checked_domain()?;
        let message = MessageParser::default()
            .parse(mime)
            .ok_or(MailError::Mime {
                reason: "not an RFC 5322 message",
            })?;
        let addresses = |list: Option<&mail_parser::Address<'_>>| -> Vec<String> {
            list.into_iter()
                .flat_map(|l| l.iter())
                .filter_map(|a| {
                    let address = a.address.as_deref()?;
                    Some(mms_address(a.name.as_deref(), address, domain))
                })
                .collect()
        };
        let mm4 = MM4_HEADERS
            .iter()
            .filter_map(|&name| {
                let value = message.header(name)?.as_text()?;
                Some((name, String::from(value)))
            })
            .collect();
        Ok(Mail {
            from: addresses(message.from()).into_iter().next(),
            to: addresses(message.to()),
            cc: addresses(message.cc()),
            bcc: addresses(message.bcc()),
            subject: message.subject().map(String::from),
            date: message
                .date()
                .and_then(|d| u64::try_from(d.to_timestamp()).ok()),
            message_id: message.message_id().map(String::from),
            mm4,
            body: read_part(&message, 0, 0)?,
        })
    }

    /// The PDU of `message_type`, built and encoded.
    fn encode(
        &self,
        message_type: MessageType,
        transaction_id: Option<&[u8]>,
        options: &MailOptions,
    ) -> Result<Vec<u8>, MailError> {
        let send_req = message_type == MessageType::SEND_REQ;
        let mut pdu = PduBuilder::new(message_type).version(options.get_version());
        if let Some(id) = transaction_id {
            pdu.push(MmsHeader::TransactionId(TextString::new(id)));
        }
        match &self.from {
            Some(from) => pdu.push(MmsHeader::From(FromValue::address(address(from)))),
            None if send_req => pdu.push(MmsHeader::From(FromValue::insert_address())),
            None => {}
        }
        self.to
            .iter()
            .for_each(|a| pdu.push(MmsHeader::To(address(a))));
        self.cc
            .iter()
            .for_each(|a| pdu.push(MmsHeader::Cc(address(a))));
        if send_req {
            self.bcc
                .iter()
                .for_each(|a| pdu.push(MmsHeader::Bcc(address(a))));
        }
        if let Some(subject) = &self.subject {
            pdu.push(MmsHeader::Subject(subject_value(subject)));
        }
        if let Some(date) = self.date {
            pdu.push(MmsHeader::Date(crate::codec::DateValue::new(date)));
        }
        if let (Some(id), false) = (&self.message_id, send_req) {
            pdu.push(MmsHeader::MessageId(TextString::new(id.as_bytes())));
        }
        for (name, value) in &self.mm4 {
            if let Some(field) = mm4_field(name, value) {
                pdu.push(field);
            }
        }
        let content_type = content_type(&self.body);
        let octets = match &self.body.content {
            Content::Data(data) => pdu.body(content_type, data).build()?.encode_to_vec()?,
            Content::Parts(parts) => {
                let headers = pdu.header(MmsHeader::ContentType(content_type)).build()?;
                let body = multipart_builder(parts);
                StreamedPdu::new(&headers, &body)?.encode_to_vec()?
            }
        };
        Ok(octets)
    }
}

/// An MMS address: plain when ASCII, else UTF-8 (a display name).
fn address(text: &str) -> Address<'_> {
    if text.is_ascii() {
        Address::new(text.as_bytes())
    } else {
        Address::with_charset(Charset::UTF_8, text.as_bytes())
    }
}

/// Part `id` of `message` and, for a multipart, its parts (at most `Limits::DEFAULT`'s
/// depth: the WSP decoder refuses deeper nesting anyway).
fn read_part(message: &Message<'_>, id: u32, depth: u32) -> Result<OwnedPart, MailError> {
    if depth > Limits::DEFAULT.max_depth {
        return Err(MailError::Mime {
            reason: "multiparts nested deeper than the decoder's limit",
        });
    }
    let part = message.part(id).ok_or(MailError::Mime {
        reason: "a part the parser listed is missing",
    })?;
    let content_type = part.content_type();
    let param = |name: &str| {
        content_type
            .and_then(|c| c.attribute(name))
            .map(String::from)
    };
    // RFC 2045: a part without Content-Type is text/plain.
    let media = content_type.map_or_else(
        || String::from("text/plain"),
        |c| match c.subtype() {
            Some(sub) => alloc::format!("{}/{sub}", c.ctype()),
            None => String::from(c.ctype()),
        },
    );
    let disposition = part.content_disposition().map(|d| {
        let filename = d.attribute("filename").map(String::from);
        (String::from(d.ctype()), filename)
    });
    let content = match part.sub_parts() {
        Some(ids) => Content::Parts(
            ids.iter()
                .map(|&sub| read_part(message, sub, depth + 1))
                .collect::<Result<_, _>>()?,
        ),
        None => Content::Data(octets(message, part)?),
    };
    Ok(OwnedPart {
        charset: param("charset"),
        name: param("name"),
        filename: param("filename"),
        start: param("start"),
        root_type: param("type"),
        content_id: raw_header(message, part, "Content-ID"),
        location: raw_header(message, part, "Content-Location"),
        disposition,
        media,
        content,
    })
}

/// A part header's value as written, unfolded and trimmed: the parser reads Content-ID as a
/// message id (without `<>`) and Content-Location as unstructured text (white space runs
/// made one space), and both are kept exactly instead.
fn raw_header(message: &Message<'_>, part: &MessagePart<'_>, name: &str) -> Option<String> {
    let header = part
        .headers()
        .iter()
        .find(|h| h.name.as_str().eq_ignore_ascii_case(name))?;
    let raw = message
        .raw_message()
        .get(header.offset_start as usize..header.offset_end as usize)?;
    // RFC 5322 unfolding: a line break followed by white space is removed.
    let mut value = Vec::with_capacity(raw.len());
    let mut rest = raw;
    while let Some((&b, tail)) = rest.split_first() {
        let fold: usize = match (b, tail) {
            (b'\r', [b'\n', b' ' | b'\t', ..]) => 2,
            (b'\n', [b' ' | b'\t', ..]) => 1,
            _ => 0,
        };
        if fold == 0 {
            value.push(b);
        }
        rest = tail.get(fold.saturating_sub(1)..).unwrap_or(&[]);
    }
    Some(String::from(String::from_utf8_lossy(&value).trim()))
}

/// A part's octets: its body with the transfer encoding undone by the parser's own decoders
/// (the parser applies the charset to a text part's content, which would not give the octets
/// back).
fn octets(message: &Message<'_>, part: &MessagePart<'_>) -> Result<Vec<u8>, MailError> {
    let raw = message
        .raw_message()
        .get(part.raw_body_offset() as usize..part.raw_end_offset() as usize)
        .ok_or(MailError::Mime {
            reason: "a part's body lies outside the message",
        })?;
    let (end, octets) = match part.encoding {
        Encoding::None => return Ok(raw.to_vec()),
        Encoding::Base64 => MessageStream::new(raw).decode_base64_mime(b""),
        Encoding::QuotedPrintable => MessageStream::new(raw).decode_quoted_printable_mime(b""),
    };
    if end == usize::MAX {
        return Err(MailError::Mime {
            reason: "a part's transfer encoding does not decode",
        });
    }
    Ok(octets.into_owned())
}

/// The WSP content type of a part: the MIME multipart types as the binary WSP ones.
fn content_type(part: &OwnedPart) -> ContentType<'_> {
    let mut ct = match part.media.split_once('/') {
        Some((t, sub)) if t.eq_ignore_ascii_case("multipart") => {
            match WellKnownMedia::from_name(&alloc::format!("{WAP_MULTIPART}{sub}")) {
                Some(wap) => ContentType::well_known(wap),
                None => ContentType::text(part.media.as_bytes()),
            }
        }
        _ => ContentType::new(Media::Text(part.media.as_bytes())),
    };
    if let Some(charset) = &part.charset {
        ct = match Charset::from_name(charset) {
            Some(known) => ct.with_charset(known),
            None => ct.with_param(Parameter::untyped(b"charset", charset.as_bytes())),
        };
    }
    if let Some(name) = &part.name {
        ct = ct.with_name(name.as_bytes());
    }
    if let Some(filename) = &part.filename {
        ct = ct.with_filename(filename.as_bytes());
    }
    if let Some(root_type) = &part.root_type {
        ct = ct.with_type(Media::Text(root_type.as_bytes()));
    }
    if let Some(start) = &part.start {
        ct = ct.with_start(start.as_bytes());
    }
    ct
}

fn multipart_builder(parts: &[OwnedPart]) -> MultipartBuilder<'_> {
    parts.iter().fold(MultipartBuilder::new(), |body, p| {
        body.part(part_builder(p))
    })
}

fn part_builder(part: &OwnedPart) -> PartBuilder<'_> {
    let content_type = content_type(part);
    let mut built = match &part.content {
        Content::Data(data) => PartBuilder::new(content_type, data),
        Content::Parts(parts) => PartBuilder::nested(content_type, multipart_builder(parts)),
    };
    if let Some(id) = &part.content_id {
        built = built.content_id(id.as_bytes());
    }
    if let Some(location) = &part.location {
        built = built.content_location(location.as_bytes());
    }
    if let Some((kind, filename)) = &part.disposition {
        if let Some(kind) = Disposition::from_name(kind) {
            built = built.disposition(kind, filename.as_deref().map(str::as_bytes));
        }
    }
    built
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mms::Pdu;

    const DOMAIN: &str = "mms.example.net";

    fn options() -> MailOptions {
        MailOptions::new(DOMAIN)
    }

    #[test]
    fn folded_part_headers_unfold() {
        let mail = b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\
            Content-Type: text/plain\r\nContent-Location: a\r\n b\r\nContent-ID:\r\n\t<x@y>\r\n\r\nhi\r\n--b--\r\n";
        let octets = to_retrieve_conf(
            &[&b"Date: Fri, 31 May 2024 12:00:00 +0000\r\n"[..], mail].concat(),
            &options(),
        )
        .unwrap();
        let pdu = Pdu::decode(&octets).unwrap();
        let parts = pdu.multipart().unwrap().unwrap().parts_vec().unwrap();
        assert_eq!(parts[0].content_location(), Some(&b"a b"[..]));
        assert_eq!(parts[0].content_id(), Some(&b"<x@y>"[..]));
        assert_eq!(parts[0].data, b"hi");
    }

    #[test]
    fn a_retrieve_conf_needs_a_date_a_send_req_a_recipient() {
        let no_date = b"To: a@b.example\r\nContent-Type: text/plain\r\n\r\nhi";
        assert_eq!(
            to_retrieve_conf(no_date, &options()),
            Err(MailError::Encode(crate::EncodeError::MissingField {
                field: "Date"
            }))
        );
        let octets = to_send_req(no_date, b"T1", &options()).unwrap();
        let pdu = Pdu::decode(&octets).unwrap();
        assert_eq!(pdu.body(), Some(&b"hi"[..]));
        assert!(pdu.content_type().unwrap().is(WellKnownMedia::TEXT_PLAIN));
        let nobody = b"Subject: x\r\n\r\nhi";
        assert_eq!(
            to_send_req(nobody, b"T1", &options()),
            Err(MailError::Encode(crate::EncodeError::MissingField {
                field: "To"
            }))
        );
    }

    #[test]
    fn mime_multiparts_become_wsp_multiparts_nested_as_they_are() {
        let mail = b"Date: Fri, 31 May 2024 12:00:00 +0000\r\n\
            Content-Type: multipart/mixed; boundary=o\r\n\r\n\
            --o\r\nContent-Type: multipart/alternative; boundary=i\r\n\r\n\
            --i\r\nContent-Type: text/plain\r\n\r\nplain\r\n\
            --i\r\nContent-Type: text/html\r\n\r\n<p>html</p>\r\n--i--\r\n\
            --o\r\nContent-Type: image/png; name=\"a.png\"\r\nContent-Transfer-Encoding: base64\r\n\
            Content-Disposition: attachment; filename=\"a.png\"\r\n\r\niVBORw==\r\n--o--\r\n";
        let octets = to_retrieve_conf(mail, &options()).unwrap();
        let pdu = Pdu::decode(&octets).unwrap();
        assert!(pdu.diagnostics().is_empty(), "{:?}", pdu.diagnostics());
        assert!(
            pdu.content_type()
                .unwrap()
                .is(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_MIXED)
        );
        let parts = pdu.multipart().unwrap().unwrap().parts_vec().unwrap();
        assert_eq!(parts.len(), 2);
        let inner = parts[0].nested().unwrap().unwrap().parts_vec().unwrap();
        assert_eq!(inner.len(), 2);
        assert_eq!(inner[1].data, b"<p>html</p>");
        assert_eq!(parts[1].data, [0x89, b'P', b'N', b'G']);
        assert_eq!(parts[1].name(), Some(&b"a.png"[..]));
        assert_eq!(parts[1].headers.filename(), Some(&b"a.png"[..]));
    }

    #[test]
    fn hostile_nesting_is_refused_not_recursed_into() {
        let depth = Limits::DEFAULT.max_depth as usize + 2;
        let mut mail = String::from("Date: Fri, 31 May 2024 12:00:00 +0000\r\n");
        for i in 0..depth {
            mail.push_str(&alloc::format!(
                "Content-Type: multipart/mixed; boundary=b{i}\r\n\r\n--b{i}\r\n"
            ));
        }
        mail.push_str("Content-Type: text/plain\r\n\r\nx\r\n");
        for i in (0..depth).rev() {
            mail.push_str(&alloc::format!("--b{i}--\r\n"));
        }
        assert!(matches!(
            to_retrieve_conf(mail.as_bytes(), &options()),
            Err(MailError::Mime { .. })
        ));
        assert!(matches!(
            to_retrieve_conf(b"", &options()),
            Err(MailError::Mime { .. }) | Err(MailError::Encode(_))
        ));
    }
}
