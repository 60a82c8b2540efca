//! MMS ⇄ e-mail (`mms_pdu::mail`) on every m-send-req and m-retrieve-conf of the shared corpus,
//! and on built PDUs that reach the cases the corpus does not have.
//!
//! For each PDU: the e-mail `to_mime` writes parses with `mail-parser` as the same structure
//! (part count, media types, the root), and reading it back (`to_send_req` /
//! `to_retrieve_conf`) gives a PDU that validates, with the same parts — octets, media type,
//! charset, Content-ID, Content-Location, name — and the mapped header fields.

#![cfg(feature = "mail")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{corpus_files, corpus_root, relative};
use mail_parser::{MessageParser, MessagePart, MimeHeaders};
use mms_pdu::assigned::{Charset, MessageClass, MessageType, Priority, WellKnownMedia, YesNo};
use mms_pdu::codec::{Encode, EncodedString, TextString};
use mms_pdu::mail::{MailError, MailOptions, to_mime, to_retrieve_conf, to_send_req};
use mms_pdu::mms::validate::validate;
use mms_pdu::mms::views::{PduView, SendReq};
use mms_pdu::mms::{Address, FromValue, MessageClassValue, Pdu};
use mms_pdu::wsp::{ContentType, Media, Multipart, MultipartBuilder, Part, PartBuilder};
use mms_pdu::{Message, decode};

const DOMAIN: &str = "mms.example.net";

fn options() -> MailOptions {
    MailOptions::new(DOMAIN)
}

/// The MIME name a WSP media type maps to, lower case.
fn mime_name(media: &Media<'_>) -> String {
    let name = media.to_string().to_ascii_lowercase();
    match name.strip_prefix("application/vnd.wap.multipart.") {
        Some(sub) => format!("multipart/{sub}"),
        None => name,
    }
}

fn parsed_name(part: &MessagePart<'_>) -> String {
    let ct = part.content_type().expect("every part has a Content-Type");
    format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or("")).to_ascii_lowercase()
}

fn strip_cid(id: &str) -> &str {
    id.trim_start_matches('<').trim_end_matches('>')
}

/// The charset the e-mail can say: a named one (not Any-charset).
fn carried_charset(ct: &ContentType<'_>) -> Option<Charset> {
    ct.charset().filter(|c| !c.is_any() && c.name().is_some())
}

/// The e-mail has the PDU's structure: each MIME part at `id` matches the WSP body.
fn same_structure(
    message: &mail_parser::Message<'_>,
    id: u32,
    ct: &ContentType<'_>,
    multipart: Option<Multipart<'_>>,
    at: &str,
) {
    let part = message.part(id).unwrap();
    assert_eq!(
        parsed_name(part),
        mime_name(&ct.media()),
        "{at}: media type"
    );
    let Some(body) = multipart else {
        assert!(part.sub_parts().is_none(), "{at}: a leaf");
        return;
    };
    let mime_ct = part.content_type().unwrap();
    assert_eq!(
        mime_ct.attribute("start"),
        ct.start().map(|s| std::str::from_utf8(s).unwrap()),
        "{at}: start"
    );
    assert_eq!(
        mime_ct.attribute("type").map(str::to_ascii_lowercase),
        ct.type_param().map(|t| mime_name(&t)),
        "{at}: type"
    );
    let parts = body.parts_vec().unwrap();
    let ids = part.sub_parts().unwrap();
    assert_eq!(ids.len(), parts.len(), "{at}: part count");
    // The root: the part `start` names (else the first) is the same part in both.
    if let Some(root) = body.root(ct.start()) {
        let mime_root = match ct.start() {
            Some(start) => ids.iter().copied().find(|&i| {
                message.part(i).unwrap().content_id().map(strip_cid)
                    == std::str::from_utf8(start).ok().map(strip_cid)
            }),
            None => ids.first().copied(),
        };
        let mime_root = mime_root.unwrap_or_else(|| panic!("{at}: no MIME root"));
        assert_eq!(
            parsed_name(message.part(mime_root).unwrap()),
            mime_name(&root.content_type.media()),
            "{at}: root"
        );
    }
    for (n, (p, &sub)) in parts.iter().zip(ids).enumerate() {
        let nested = p.nested().map(|m| m.unwrap());
        same_structure(message, sub, &p.content_type, nested, &format!("{at}/{n}"));
    }
}

/// Two WSP bodies carry the same parts; returns how many parts were compared.
fn same_parts(before: &Multipart<'_>, after: &Multipart<'_>, at: &str) -> usize {
    let a = before.parts_vec().unwrap();
    let b = after.parts_vec().unwrap();
    assert_eq!(a.len(), b.len(), "{at}: part count");
    let mut compared = 0;
    for (n, (a, b)) in a.iter().zip(&b).enumerate() {
        let at = format!("{at}/{n}");
        compared += same_part(a, b, &at);
    }
    compared
}

fn same_part(a: &Part<'_>, b: &Part<'_>, at: &str) -> usize {
    assert_eq!(
        mime_name(&a.content_type.media()),
        mime_name(&b.content_type.media()),
        "{at}: media type"
    );
    assert_eq!(
        carried_charset(&a.content_type),
        b.content_type.charset(),
        "{at}: charset"
    );
    assert_eq!(a.content_id(), b.content_id(), "{at}: Content-ID");
    assert_eq!(
        a.content_location(),
        b.content_location(),
        "{at}: Content-Location"
    );
    assert_eq!(a.name(), b.name(), "{at}: name");
    assert_eq!(a.headers.filename(), b.headers.filename(), "{at}: filename");
    match (a.nested(), b.nested()) {
        (Some(x), Some(y)) => 1 + same_parts(&x.unwrap(), &y.unwrap(), at),
        (None, None) => {
            assert_eq!(a.data, b.data, "{at}: octets");
            1
        }
        _ => panic!("{at}: one nested, one not"),
    }
}

/// The header fields the mapping carries.
fn same_fields(before: &Pdu<'_>, after: &Pdu<'_>, at: &str) {
    let texts = |a: &mut dyn Iterator<Item = Address<'_>>| -> Vec<String> {
        a.map(|a| a.text().into_owned()).collect()
    };
    assert_eq!(texts(&mut before.to()), texts(&mut after.to()), "{at}: To");
    assert_eq!(texts(&mut before.cc()), texts(&mut after.cc()), "{at}: Cc");
    let send_req = before.message_type() == Some(MessageType::SEND_REQ);
    if send_req {
        assert_eq!(
            texts(&mut before.bcc()),
            texts(&mut after.bcc()),
            "{at}: Bcc"
        );
    }
    match before.from() {
        Some(FromValue::AddressPresent { address, .. }) => assert_eq!(
            after.from_address().map(|a| a.text().into_owned()),
            Some(address.text().into_owned()),
            "{at}: From"
        ),
        _ if send_req => assert!(
            matches!(after.from(), Some(FromValue::InsertAddress { .. })),
            "{at}: From"
        ),
        _ => assert!(after.from().is_none(), "{at}: From"),
    }
    let subject = before.subject().map(|s| {
        let text = mms_pdu::text::encoded_string_text(&s, Charset::UTF_8);
        let text = mms_pdu::text::decode_encoded_words(&text);
        text.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect::<String>()
    });
    let options = mms_pdu::DecodeOptions::new();
    // An empty Subject may come back as none.
    assert_eq!(
        subject.filter(|s| !s.is_empty()),
        after
            .subject_text(&options)
            .map(|s| s.into_owned())
            .filter(|s| !s.is_empty()),
        "{at}: Subject"
    );
    if let Some(date) = before.date() {
        assert_eq!(
            after.date().map(|d| d.value),
            Some(date.value),
            "{at}: Date"
        );
    }
    if !send_req {
        if let Some(id) = before.message_id() {
            assert_eq!(
                after.message_id().map(|i| i.bytes),
                Some(id.bytes),
                "{at}: Message-ID"
            );
        }
    }
    assert_eq!(before.message_class(), after.message_class(), "{at}: class");
    let mm4 = |p: &Pdu<'_>| match p.view() {
        PduView::SendReq(v) => (v.priority(), v.delivery_report(), v.read_report()),
        PduView::RetrieveConf(v) => (v.priority(), v.delivery_report(), v.read_report()),
        _ => (None, None, None),
    };
    assert_eq!(mm4(before), mm4(after), "{at}: priority, reports");
}

/// `to_mime` then back: the structure in the e-mail and everything carried. Returns the
/// number of parts compared.
fn round_trip(pdu: &Pdu<'_>, at: &str) -> usize {
    let mime = to_mime(pdu, &options()).unwrap_or_else(|e| panic!("{at}: {e}"));
    let message = MessageParser::default()
        .parse(&mime)
        .unwrap_or_else(|| panic!("{at}: mail-parser reads no message"));
    let ct = pdu.content_type().unwrap();
    let body = pdu.multipart().map(|m| m.unwrap());
    same_structure(&message, 0, &ct, body, at);

    let back = if pdu.message_type() == Some(MessageType::SEND_REQ) {
        let tid = pdu.transaction_id().map_or(&b"T"[..], |t| t.bytes);
        to_send_req(&mime, tid, &options())
    } else {
        to_retrieve_conf(&mime, &options())
    }
    .unwrap_or_else(|e| panic!("{at}: back: {e}"));
    let again = Pdu::decode(&back).unwrap_or_else(|e| panic!("{at}: {e}"));
    assert_eq!(again.message_type(), pdu.message_type(), "{at}");
    // What the mail brings back is written canonically: the only deviations left are those
    // of the parts' own octets, kept as sent (8-bit text labelled us-ascii, say).
    let kinds = |p: &Pdu<'_>| p.diagnostics().iter().map(|d| d.kind).collect::<Vec<_>>();
    let original = kinds(pdu);
    assert!(
        kinds(&again).iter().all(|k| original.contains(k)),
        "{at}: {:?} (the original has {original:?})",
        again.diagnostics()
    );
    assert_eq!(validate(&again), [], "{at}");
    same_fields(pdu, &again, at);

    let ct_again = again.content_type().unwrap();
    assert_eq!(mime_name(&ct.media()), mime_name(&ct_again.media()), "{at}");
    assert_eq!(ct.start(), ct_again.start(), "{at}: start");
    assert_eq!(
        ct.type_param().map(|t| mime_name(&t)),
        ct_again.type_param().map(|t| mime_name(&t)),
        "{at}: type"
    );
    match (body, again.multipart()) {
        (Some(a), Some(b)) => same_parts(&a, &b.unwrap(), at),
        (None, None) => {
            assert_eq!(pdu.body(), again.body(), "{at}: body");
            assert_eq!(carried_charset(&ct), ct_again.charset(), "{at}: charset");
            1
        }
        _ => panic!("{at}: multipart on one side only"),
    }
}

#[test]
fn every_corpus_send_req_and_retrieve_conf_goes_through_e_mail_and_back() {
    let Some(root) = corpus_root() else { return };
    let (mut send_reqs, mut retrieve_confs, mut parts) = (0, 0, 0);
    let mut refused = Vec::new();
    for path in corpus_files(&root) {
        let at = relative(&root, &path);
        let wire = std::fs::read(&path).unwrap();
        let pdu = match decode(&wire) {
            Ok(Message::Pdu(pdu)) => pdu,
            Ok(Message::Push(push)) => match push.pdu {
                Some(pdu) => pdu,
                None => continue,
            },
            Err(_) => continue,
        };
        match pdu.message_type() {
            Some(MessageType::SEND_REQ) => send_reqs += 1,
            Some(MessageType::RETRIEVE_CONF) => retrieve_confs += 1,
            _ => {
                assert!(
                    matches!(
                        to_mime(&pdu, &options()),
                        Err(MailError::UnsupportedType { .. })
                    ),
                    "{at}"
                );
                continue;
            }
        }
        if pdu.body().is_none() {
            // A body-less PDU (a retrieve-conf with an error status) has nothing to mail.
            assert_eq!(
                to_mime(&pdu, &options()),
                Err(MailError::Unrepresentable {
                    field: "Content-Type",
                    reason: "the PDU has no body"
                }),
                "{at}"
            );
            refused.push(at);
            continue;
        }
        parts += round_trip(&pdu, &at);
    }
    eprintln!(
        "mail: {send_reqs} m-send-req and {retrieve_confs} m-retrieve-conf, {} through e-mail \
         and back ({parts} parts compared); without a body: {refused:?}",
        send_reqs + retrieve_confs - refused.len()
    );
    assert!(
        send_reqs > 0 && retrieve_confs > 0,
        "the corpus has both types"
    );
    assert!(parts > 0);
}

/// A multipart/related with the parts the corpus lacks or has few of.
fn built_send_req(body: &[u8]) -> Pdu<'_> {
    let related = ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_RELATED)
        .with_start(b"<smil>")
        .with_type(Media::Text(b"application/smil"));
    SendReq::build(
        TextString::new(b"T-9"),
        FromValue::insert_address(),
        related,
    )
    .date(mms_pdu::codec::DateValue::new(1_717_156_800))
    .to(Address::new(b"+41787654321/TYPE=PLMN"))
    .to(Address::new(
        b"2001:0db8:0000:0000:0000:0000:0000:0001/TYPE=IPv6",
    ))
    .cc(Address::with_charset(
        mms_pdu::assigned::Charset::new(106),
        "Zoë <zoe@example.org>".as_bytes(),
    ))
    .bcc(Address::new(b"audit@example.org"))
    .subject(EncodedString::with_charset(
        mms_pdu::assigned::Charset::new(106),
        "Hï\r\nBcc: x@y".as_bytes(),
    ))
    .message_class(MessageClassValue::Class(MessageClass::INFORMATIONAL))
    .priority(Priority::HIGH)
    .delivery_report(YesNo::YES)
    .read_report(YesNo::NO)
    .body_octets(body)
    .build()
    .unwrap()
}

fn built_body() -> Vec<u8> {
    let utf16 = ContentType::well_known(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::UTF_16);
    let latin1 = ContentType::well_known(WellKnownMedia::TEXT_PLAIN)
        .with_charset(Charset::ISO_8859_1)
        .with_name("grüße.txt".as_bytes());
    let lf = ContentType::well_known(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::UTF_8);
    let nested = MultipartBuilder::new()
        .part(PartBuilder::new(
            ContentType::text(b"text/plain"),
            b"inner\r\n",
        ))
        .part(PartBuilder::new(
            ContentType::text(b"image/png"),
            b"\x89PNG\r\n\x1a\n\0",
        ));
    MultipartBuilder::new()
        .part(
            PartBuilder::new(
                ContentType::text(b"application/smil"),
                b"<smil>\n<body/>\n</smil>",
            )
            .content_id(b"<smil>")
            .content_location(b"smil.xml"),
        )
        .part(
            PartBuilder::new(utf16, b"\xFE\xFF\x00H\x00\n\x00i")
                .content_id(b"utf16")
                .disposition(mms_pdu::assigned::Disposition::INLINE, Some(b"u.txt")),
        )
        .part(PartBuilder::new(latin1, b"Gr\xFC\xDFe =\r\nline  \r\n").content_location(b"a b.txt"))
        .part(PartBuilder::new(lf, b"one\ntwo\rthree\x0C\r\n").content_id(b"<lf>"))
        .part(PartBuilder::nested(
            ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_MIXED),
            nested,
        ))
        .part(
            PartBuilder::new(
                ContentType::text(b"image/jpeg"),
                &[0xFF, 0xD8, 0, 13, 10, 0xFF],
            )
            .disposition(mms_pdu::assigned::Disposition::ATTACHMENT, Some(b"p.jpg")),
        )
        .encode_to_vec()
        .unwrap()
}

#[test]
fn built_parts_of_every_kind_come_back_octet_for_octet() {
    let body = built_body();
    let pdu = built_send_req(&body);
    let parts = round_trip(&pdu, "built m-send-req");
    assert_eq!(parts, 8);
}

#[test]
fn a_pdu_field_never_adds_a_mail_header() {
    let body = built_body();
    let pdu = built_send_req(&body);
    let mime = to_mime(&pdu, &options()).unwrap();
    let message = MessageParser::default().parse(&mime).unwrap();
    // The Subject's CR LF became spaces: one Subject, and only the Bcc the PDU has.
    assert_eq!(message.subject(), Some("Hï  Bcc: x@y"));
    let bcc: Vec<_> = message
        .bcc()
        .unwrap()
        .iter()
        .map(|a| a.address.clone())
        .collect();
    assert_eq!(bcc, [Some("audit@example.org".into())]);
    let header = |name: &str| {
        message
            .header(name)
            .and_then(|v| v.as_text())
            .map(String::from)
    };
    assert_eq!(
        header("X-Mms-Message-Class").as_deref(),
        Some("Informational")
    );
    assert_eq!(header("X-Mms-Priority").as_deref(), Some("High"));
    assert_eq!(header("X-Mms-Delivery-Report").as_deref(), Some("Yes"));
    assert_eq!(header("X-Mms-Read-Reply").as_deref(), Some("No"));
    let to: Vec<_> = message
        .to()
        .unwrap()
        .iter()
        .map(|a| a.address.clone().unwrap())
        .collect();
    assert_eq!(
        to,
        [
            "+41787654321/TYPE=PLMN@mms.example.net",
            "\"2001:0db8:0000:0000:0000:0000:0000:0001/TYPE=IPv6\"@mms.example.net"
        ]
    );
}

#[test]
fn a_line_break_in_a_part_header_is_refused() {
    let body = MultipartBuilder::new()
        .part(
            PartBuilder::new(ContentType::text(b"text/plain"), b"x")
                .content_location(b"a.txt\r\nContent-Type: text/html"),
        )
        .encode_to_vec()
        .unwrap();
    let pdu = built_send_req(&body);
    assert_eq!(
        to_mime(&pdu, &options()),
        Err(MailError::Unrepresentable {
            field: "Content-Location",
            reason: "a control character (a line break would start another header)"
        })
    );
}
