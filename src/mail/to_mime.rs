//! A PDU as an RFC 5322 message: the headers mapped, the body as MIME built by `mail-builder`.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

use mail_builder::MessageBuilder;
use mail_builder::encoders::base64::base64_encode_mime;
use mail_builder::headers::address::Address as Mailbox;
use mail_builder::headers::content_type::ContentType as MimeType;
use mail_builder::headers::date::Date;
use mail_builder::headers::message_id::{MessageId, generate_message_id_header};
use mail_builder::headers::raw::Raw;
use mail_builder::headers::text::Text;
use mail_builder::mime::{BodyPart, MimePart};

use super::address::mailbox;
use super::fields::{
    disposition_name, header_text, mime_type, mm4_headers, param_text, subject_text,
};
use super::{MailError, MailOptions};
use crate::assigned::{Charset, MessageType};
use crate::mms::{Address, FromValue, Pdu};
use crate::wsp::headers::{DispositionToken, HeaderBlock};
use crate::wsp::{ContentType, Multipart, Part};

/// Writes an m-send-req or m-retrieve-conf as an RFC 5322 message with a MIME body, mapped as
/// MM4 does (3GPP TS 23.140; the table in [the module docs](super)): addresses as mailboxes
/// (phone numbers as `+number/TYPE=PLMN@domain`), the Subject RFC 2047-encoded, the multipart
/// body as `multipart/related` (or `mixed`, `alternative`) with the SMIL part still its root,
/// every part's Content-ID, Content-Location, name and charset kept, and its octets carried
/// exactly (as text where they survive text transfer, else base64).
///
/// ```
/// use mms_pdu::assigned::{Charset, WellKnownMedia};
/// use mms_pdu::codec::{Encode, EncodedString, TextString};
/// use mms_pdu::mail::{to_mime, MailOptions};
/// use mms_pdu::mms::views::SendReq;
/// use mms_pdu::mms::{Address, FromValue, Pdu};
/// use mms_pdu::wsp::{ContentType, Media, MultipartBuilder, PartBuilder};
///
/// let text = ContentType::well_known(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::UTF_8);
/// let body = MultipartBuilder::new()
///     .part(PartBuilder::new(ContentType::text(b"application/smil"), b"<smil/>").content_id(b"<s>"))
///     .part(PartBuilder::new(text, "Grüße".as_bytes()).content_location(b"t.txt"))
///     .encode_to_vec()?;
/// let related = ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_RELATED)
///     .with_start(b"<s>")
///     .with_type(Media::Text(b"application/smil"));
/// let send_req = SendReq::build(TextString::new(b"T1"), FromValue::insert_address(), related)
///     .to(Address::new(b"+15551234567/TYPE=PLMN"))
///     .to(Address::new(b"anna@example.org"))
///     .subject(EncodedString::with_charset(mms_pdu::assigned::Charset::new(106), "Café".as_bytes()))
///     .body_octets(&body)
///     .build()?;
///
/// let mail = to_mime(&send_req, &MailOptions::new("mms.example.net"))?;
/// let mail = String::from_utf8(mail)?;
/// assert!(mail.contains("To: <+15551234567/TYPE=PLMN@mms.example.net>, <anna@example.org>"));
/// assert!(mail.contains("Subject: =?utf-8?B?Q2Fmw6k=?=")); // "Café", RFC 2047
/// assert!(mail.contains("Content-Type: multipart/related; type=\"application/smil\"; start=\"<s>\""));
/// assert!(mail.contains("Content-ID: <s>"));
/// assert!(mail.contains("Content-Type: text/plain; charset=\"utf-8\""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`MailError::UnsupportedType`] for any other PDU type; [`MailError::Unrepresentable`] for
/// a PDU without a body, a value that cannot be one mail header (a control character in an
/// address, a Content-ID or Content-Location, a media type that is not `type/subtype`, a
/// Message-ID with white space or angle brackets in it, a MIME multipart kept as the data of
/// a part) or a domain in `options` that is not one; [`MailError::Decode`] when the multipart
/// body does not decode.
pub fn to_mime(pdu: &Pdu<'_>, options: &MailOptions) -> Result<Vec<u8>, MailError> {
    let found = pdu.message_type();
    if !matches!(
        found,
        Some(MessageType::SEND_REQ | MessageType::RETRIEVE_CONF)
    ) {
        return Err(MailError::UnsupportedType { found });
    }
    let domain = options.checked_domain()?;
    let mut mail = MessageBuilder::new();
    if let Some(address) = pdu.from().as_ref().and_then(FromValue::as_address) {
        mail = mail.from(mailbox(address, domain, "From")?);
    }
    let lists: [(&'static str, Vec<Address<'_>>); 3] = [
        ("To", pdu.to().collect()),
        ("Cc", pdu.cc().collect()),
        ("Bcc", pdu.bcc().collect()),
    ];
    for (field, addresses) in lists {
        if addresses.is_empty() {
            continue;
        }
        let list = addresses
            .iter()
            .map(|a| mailbox(a, domain, field))
            .collect::<Result<Vec<_>, _>>()?;
        mail = mail.header(field, Mailbox::new_list(list));
    }
    if let Some(subject) = pdu.subject() {
        mail = mail.subject(Text::new(subject_text(&subject)));
    }
    if let Some(date) = pdu.date() {
        let seconds = i64::try_from(date.value).map_err(|_| MailError::Unrepresentable {
            field: "Date",
            reason: "past the range of a mail date",
        })?;
        mail = mail.date(Date::new(seconds));
    }
    mail = mail.message_id(MessageId::new(message_id(pdu, domain)?));
    for (name, value) in mm4_headers(pdu) {
        mail = mail.header(name, Text::new(value));
    }
    let content_type = pdu.content_type().ok_or(MailError::Unrepresentable {
        field: "Content-Type",
        reason: "the PDU has no body",
    })?;
    let root = match pdu.multipart() {
        Some(body) => multipart(&content_type, &body?)?,
        None => leaf(&content_type, pdu.body().unwrap_or(&[]))?,
    };
    mail.body(root).write_to_vec().map_err(writer_failed)
}

/// The Message-ID without `<>`: the PDU's, checked, or one made at `domain` (the builder
/// would name `localhost`).
fn message_id(pdu: &Pdu<'_>, domain: &str) -> Result<String, MailError> {
    let Some(id) = pdu.message_id() else {
        let mut made = Vec::new();
        generate_message_id_header(&mut made, domain).map_err(writer_failed)?;
        let made = String::from_utf8_lossy(&made);
        return Ok(String::from(made.trim_matches(['<', '>'])));
    };
    let id = header_text(id.bytes, "Message-ID")?;
    if id.is_empty()
        || id
            .chars()
            .any(|c| c.is_whitespace() || c == '<' || c == '>')
    {
        return Err(MailError::Unrepresentable {
            field: "Message-ID",
            reason: "white space or angle brackets in the id",
        });
    }
    Ok(String::from(id))
}

fn writer_failed(_: std::io::Error) -> MailError {
    MailError::Mime {
        reason: "the MIME writer failed",
    }
}

/// A multipart body (the PDU's or a nested part's) as a MIME multipart with its `type` and
/// `start` parameters.
fn multipart<'x>(
    content_type: &ContentType<'x>,
    body: &Multipart<'x>,
) -> Result<MimePart<'x>, MailError> {
    let mut mime = MimeType::new(mime_type(&content_type.media(), "Content-Type")?);
    if let Some(root_type) = content_type.type_param() {
        mime = mime.attribute("type", mime_type(&root_type, "Content-Type type")?);
    }
    if let Some(start) = content_type.start() {
        mime = mime.attribute("start", header_text(start, "Content-Type start")?);
    }
    let parts = body
        .parts()
        .map(|p| part(&p?))
        .collect::<Result<Vec<_>, MailError>>()?;
    Ok(MimePart::new(mime, BodyPart::Multipart(parts)))
}

/// One part of a multipart body, with the part headers that have a MIME form.
fn part<'x>(p: &Part<'x>) -> Result<MimePart<'x>, MailError> {
    let mut mime = match p.nested() {
        Some(nested) => multipart(&p.content_type, &nested?)?,
        None => leaf(&p.content_type, p.data)?,
    };
    if let Some(id) = p.content_id() {
        mime = mime.header("Content-ID", Raw::new(header_text(id, "Content-ID")?));
    }
    if let Some(location) = p.content_location() {
        let location = header_text(location, "Content-Location")?;
        mime = mime.header("Content-Location", Raw::new(location));
    }
    if let Some(disposition) = content_disposition(&p.headers)? {
        mime = mime.header("Content-Disposition", disposition);
    }
    Ok(mime)
}

/// The part's Content-Disposition: its kind and `filename`.
fn content_disposition(headers: &HeaderBlock<'_>) -> Result<Option<MimeType<'static>>, MailError> {
    let Some(disposition) = headers.disposition() else {
        return Ok(None);
    };
    let kind: Cow<'_, str> = match (disposition.kind(), disposition.disposition) {
        (Some(kind), _) => Cow::Borrowed(kind.name().unwrap_or_default()),
        (None, DispositionToken::Text(t)) => String::from_utf8_lossy(t.bytes),
        // An unassigned token octet has no name to write.
        (None, DispositionToken::WellKnown(_)) => Cow::Borrowed(""),
    };
    let mut mime = MimeType::new(disposition_name(kind)?);
    if let Some(filename) = headers.filename() {
        mime = mime.attribute("filename", param_text(filename));
    }
    Ok(Some(mime))
}

/// A body that is not a multipart: its content type with `charset`, `name` and `filename`,
/// and its octets, encoded so that they come back exactly.
fn leaf<'x>(content_type: &ContentType<'x>, data: &'x [u8]) -> Result<MimePart<'x>, MailError> {
    let media = content_type.media();
    let name = mime_type(&media, "Content-Type")?;
    if media.is_multipart() {
        // A textual MIME multipart kept as a part's data: the builder would base64 it, which
        // MIME does not allow for a multipart.
        return Err(MailError::Unrepresentable {
            field: "Content-Type",
            reason: "a MIME multipart kept as the data of a part",
        });
    }
    let is_text = name
        .get(..5)
        .is_some_and(|t| t.eq_ignore_ascii_case("text/"));
    let charset = content_type.charset().filter(|c| !c.is_any());
    let mut mime = MimeType::new(name);
    if let Some(charset) = charset.and_then(Charset::name) {
        mime = mime.attribute("charset", charset);
    }
    if let Some(part_name) = content_type.name() {
        mime = mime.attribute("name", param_text(part_name));
    }
    if let Some(filename) = content_type.filename() {
        mime = mime.attribute("filename", param_text(filename));
    }
    // The builder base64-encodes every type but text/*, and sends text/* as 7bit or
    // quoted-printable, which keeps only octets already in the canonical form of text.
    if !is_text || survives_text_transfer(charset, data) {
        return Ok(MimePart::new(mime, BodyPart::Binary(Cow::Borrowed(data))));
    }
    let mut encoded = Vec::with_capacity(data.len() / 3 * 4 + data.len() / 38 + 8);
    base64_encode_mime(data, &mut encoded, false).map_err(writer_failed)?;
    Ok(MimePart::new(mime, BodyPart::Binary(Cow::Owned(encoded))).transfer_encoding("base64"))
}

/// Whether text octets come back unchanged from 7bit or quoted-printable: an ASCII-compatible
/// charset, line breaks as CRLF (a bare LF would become CRLF), and no other control
/// characters (a decoder drops white space such as a form feed at the end of a line).
fn survives_text_transfer(charset: Option<Charset>, data: &[u8]) -> bool {
    const WIDE: [Charset; 8] = [
        Charset::UTF_16,
        Charset::UTF_16BE,
        Charset::UTF_16LE,
        Charset::UTF_32,
        Charset::UTF_32BE,
        Charset::UTF_32LE,
        Charset::UCS_2,
        Charset::UCS_4,
    ];
    if charset.is_some_and(|c| WIDE.contains(&c)) {
        return false;
    }
    let mut previous = 0;
    for (i, &b) in data.iter().enumerate() {
        let ok = match b {
            b'\n' => previous == b'\r',
            b'\r' => data.get(i + 1) == Some(&b'\n'),
            b'\t' => true,
            0x00..=0x1F | 0x7F => false,
            _ => true,
        };
        if !ok {
            return false;
        }
        previous = b;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_survives_only_in_its_canonical_form() {
        let utf8 = Some(Charset::UTF_8);
        assert!(survives_text_transfer(utf8, b"Hello\r\nworld\r\n"));
        assert!(survives_text_transfer(None, "caf\u{e9}\tx".as_bytes()));
        assert!(survives_text_transfer(
            Some(Charset::ISO_8859_1),
            b"caf\xE9"
        ));
        assert!(survives_text_transfer(utf8, b""));
        for bad in [
            &b"a\nb"[..],
            b"a\rb",
            b"a\r",
            b"\n",
            b"a\x0C\r\nb",
            b"a\0b",
            b"\x7F",
        ] {
            assert!(!survives_text_transfer(utf8, bad), "{bad:?}");
        }
        assert!(!survives_text_transfer(Some(Charset::UTF_16), b"ab"));
    }

    /// A From sent as a bare text (read leniently as [`FromValue::Bare`]) is still the sender.
    #[test]
    fn a_bare_from_is_the_sender() {
        use crate::mms::MmsHeader;
        let sample = Pdu::decode(include_bytes!("../../samples/m-send-req.mms")).unwrap();
        let headers: Vec<_> = sample
            .headers()
            .map(|h| match h {
                MmsHeader::From(_) => MmsHeader::From(FromValue::Bare {
                    address: Address::new(b"+15550001111/TYPE=PLMN"),
                }),
                other => other,
            })
            .collect();
        let bare = Pdu::new(headers, sample.body());
        let mail = to_mime(&bare, &super::super::MailOptions::new("mms.example.net")).unwrap();
        let mail = String::from_utf8_lossy(&mail);
        assert!(
            mail.contains("From: <+15550001111/TYPE=PLMN@mms.example.net>"),
            "{mail}"
        );
    }
}
