//! The message view over what ships and what the field sends: the sample
//! `samples/m-retrieve-conf.mms` (written here with the crate's builders, and checked to be
//! what they write), and every m-retrieve-conf and m-send-req of the shared corpus, read in
//! place.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::time::Duration;

use mms_pdu::assigned::{Charset, MessageClass, MessageType, MmsVersion, WellKnownMedia};
use mms_pdu::attachments::{MatchedBy, PartKind};
use mms_pdu::codec::{DateValue, Encode, EncodedString, TextString};
use mms_pdu::mms::build::PduBuilder;
use mms_pdu::mms::{Address, FromValue, MessageClassValue, MmsHeader, ParsedAddress};
use mms_pdu::smil::MediaKind;
use mms_pdu::wsp::content_type::Media;
use mms_pdu::wsp::{ContentType, MultipartBuilder, Part, PartBuilder};
use mms_pdu::{Message, MessageView, Pdu};

const SAMPLE_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/m-retrieve-conf.mms");

const SMIL: &[u8] = b"<smil><head><layout><root-layout width=\"320\" height=\"240\"/>\
<region id=\"Image\" top=\"0\" left=\"0\" width=\"320\" height=\"180\"/>\
<region id=\"Text\" top=\"180\" left=\"0\" width=\"320\" height=\"60\"/></layout></head>\
<body><par dur=\"5000ms\"><img src=\"cid:photo\" region=\"Image\"/>\
<text src=\"text1.txt\" region=\"Text\"/></par>\
<par dur=\"3s\"><text src=\"text2.txt\" region=\"Text\"/><audio src=\"hello.amr\"/></par>\
</body></smil>";

const TEXT1: &str = "Lunch at the café? ☕";

/// A 1×1 transparent GIF.
const GIF: &[u8] = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xFF\xFF\xFF\
!\xF9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;";

/// The AMR file header, then one NO_DATA frame.
const AMR: &[u8] = b"#!AMR\n\x7C";

const VCARD: &[u8] =
    b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Doe;Alice\r\nTEL:+15550100003\r\nEND:VCARD\r\n";

/// The sample: an m-retrieve-conf (MMS 1.2) as a phone receives it from a group
/// conversation: two slides (a photo with a caption; a UTF-16 text with a voice clip) and a
/// contact card the slides do not show.
fn sample() -> Vec<u8> {
    let text2: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain("Bis später!".encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let body = MultipartBuilder::new()
        .part(
            PartBuilder::new(ContentType::text(b"application/smil"), SMIL)
                .content_id(b"<smil>")
                .content_location(b"smil.xml"),
        )
        .part(
            PartBuilder::new(ContentType::well_known(WellKnownMedia::IMAGE_GIF), GIF)
                .content_id(b"<photo>")
                .content_location(b"photo.gif"),
        )
        .part(
            PartBuilder::new(
                ContentType::well_known(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::UTF_8),
                TEXT1.as_bytes(),
            )
            .content_location(b"text1.txt"),
        )
        .part(
            PartBuilder::new(
                ContentType::well_known(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::UTF_16),
                &text2,
            )
            .content_location(b"text2.txt"),
        )
        .part(PartBuilder::new(ContentType::text(b"audio/amr"), AMR).content_location(b"hello.amr"))
        .part(
            PartBuilder::new(ContentType::well_known(WellKnownMedia::TEXT_X_VCARD), VCARD)
                .content_location(b"alice.vcf"),
        )
        .encode_to_vec()
        .unwrap();
    let content_type =
        ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_RELATED)
            .with_start(b"<smil>")
            .with_type(Media::Text(b"application/smil"));
    PduBuilder::new(MessageType::RETRIEVE_CONF)
        .version(MmsVersion::V1_2)
        .header(MmsHeader::TransactionId(TextString::new(b"T42")))
        .header(MmsHeader::MessageId(TextString::new(b"m42@mmsc.example")))
        .header(MmsHeader::Date(DateValue::new(1_700_000_000)))
        .header(MmsHeader::From(FromValue::address(Address::new(
            b"+15550100001/TYPE=PLMN",
        ))))
        .header(MmsHeader::To(Address::new(b"+15550100000/TYPE=PLMN")))
        .header(MmsHeader::To(Address::new(b"+15550100002/TYPE=PLMN")))
        .header(MmsHeader::Subject(EncodedString::with_charset(
            mms_pdu::assigned::Charset::new(106),
            "Café".as_bytes(),
        )))
        .header(MmsHeader::MessageClass(MessageClassValue::Class(
            MessageClass::PERSONAL,
        )))
        .body(content_type, &body)
        .build()
        .unwrap()
        .encode_to_vec()
        .unwrap()
}

/// The sample file is what the builders write (`MMS_PDU_WRITE_SAMPLE=1` writes it anew).
#[test]
fn the_shipped_sample_is_what_the_builders_write() {
    let wire = sample();
    if std::env::var("MMS_PDU_WRITE_SAMPLE").as_deref() == Ok("1") {
        std::fs::write(SAMPLE_PATH, &wire).unwrap();
    }
    let shipped = std::fs::read(SAMPLE_PATH).unwrap();
    assert_eq!(
        shipped, wire,
        "samples/m-retrieve-conf.mms differs from what tests/view.rs builds; \
         MMS_PDU_WRITE_SAMPLE=1 cargo test --test view writes it again"
    );
}

#[test]
fn the_sample_reads_as_a_phone_shows_it() {
    let wire = std::fs::read(SAMPLE_PATH).unwrap();
    let pdu = Pdu::decode(&wire).unwrap();
    assert!(pdu.diagnostics().is_empty(), "{:?}", pdu.diagnostics());
    let view = MessageView::new(&pdu);
    assert_eq!(view.subject().as_deref(), Some("Café"));
    assert_eq!(view.from(), Some(ParsedAddress::Phone(b"+15550100001")));
    assert_eq!(
        view.recipients_excluding("+1 555 010 0000"),
        [ParsedAddress::Phone(b"+15550100002")]
    );
    assert_eq!(view.date_unix(), Some(1_700_000_000));
    assert_eq!(view.message_id().as_deref(), Some("m42@mmsc.example"));
    assert_eq!(view.text().as_deref(), Some(TEXT1));

    let attachments: Vec<_> = view
        .attachments()
        .iter()
        .map(|a| {
            (
                a.media_type(),
                a.name().map(String::from),
                a.size(),
                a.kind(),
            )
        })
        .collect();
    let name = |s: &str| Some(String::from(s));
    assert_eq!(
        attachments,
        [
            (
                Some("application/smil"),
                name("smil.xml"),
                SMIL.len(),
                PartKind::Smil
            ),
            (
                Some("image/gif"),
                name("photo.gif"),
                GIF.len(),
                PartKind::Image
            ),
            (
                Some("text/plain"),
                name("text1.txt"),
                TEXT1.len(),
                PartKind::Text
            ),
            (
                Some("text/plain"),
                name("text2.txt"),
                2 + 2 * 11,
                PartKind::Text
            ),
            (
                Some("audio/amr"),
                name("hello.amr"),
                AMR.len(),
                PartKind::Audio
            ),
            (
                Some("text/x-vCard"),
                name("alice.vcf"),
                VCARD.len(),
                PartKind::VCard
            ),
        ]
    );
    assert_eq!(view.attachments()[3].text(), "Bis später!");
    assert_eq!(
        view.attachments()[1].content_id().as_deref(),
        Some("<photo>")
    );

    let slides = view.slides();
    assert_eq!(slides.len(), 2);
    let first = &slides[0];
    assert_eq!(first.duration(), Some(Duration::from_secs(5)));
    let image = first.image().unwrap();
    assert_eq!(image.matched_by(), Some(MatchedBy::ContentId));
    assert_eq!(image.attachment().map(|a| a.data()), Some(GIF));
    let caption = first.text().and_then(|t| t.attachment()).unwrap();
    assert_eq!(caption.text(), TEXT1);
    let second = &slides[1];
    assert_eq!(second.duration(), Some(Duration::from_secs(3)));
    let kinds: Vec<_> = second.items().iter().map(|i| i.kind()).collect();
    assert_eq!(kinds, [MediaKind::Text, MediaKind::Audio]);
    assert_eq!(
        second
            .audio()
            .and_then(|a| a.attachment())
            .map(|a| a.index()),
        Some(4)
    );
    let rest: Vec<_> = view.unreferenced().map(|a| a.index()).collect();
    assert_eq!(rest, [5]);
}

/// The leaf parts of `part`: itself, or, when its data is a multipart that decodes whole,
/// the leaves of its parts.
fn leaves<'a>(part: Part<'a>, out: &mut Vec<Part<'a>>) {
    if let Some(Ok(inner)) = part.nested() {
        let parts: Result<Vec<_>, _> = inner.parts().collect();
        if let Ok(parts) = parts {
            for p in parts {
                leaves(p, out);
            }
            return;
        }
    }
    out.push(part);
}

/// Every m-retrieve-conf and m-send-req of the corpus: the view never panics, lists every
/// leaf part once, in order, each borrowed from the input, and its slides name only those.
#[test]
fn every_corpus_message_views() {
    let Some(root) = common::corpus_root() else {
        return;
    };
    let mut seen = 0;
    let mut with_slides = 0;
    for path in common::corpus_files(&root) {
        let input = std::fs::read(&path).unwrap();
        let Ok(Message::Pdu(pdu)) = mms_pdu::decode(&input) else {
            continue;
        };
        let Some(mt @ (MessageType::RETRIEVE_CONF | MessageType::SEND_REQ)) = pdu.message_type()
        else {
            continue;
        };
        let name = common::relative(&root, &path);
        seen += 1;
        let view = MessageView::new(&pdu);
        assert_eq!(view.message_type(), Some(mt));
        let mut expected = Vec::new();
        match (pdu.body(), pdu.multipart()) {
            (_, Some(Ok(top))) => {
                for part in top.parts() {
                    leaves(part.unwrap(), &mut expected);
                }
            }
            (Some(body), None) => {
                assert_eq!(view.attachments().len(), 1, "{name}");
                assert_eq!(view.attachments()[0].data(), body, "{name}");
            }
            (None, None) => {}
            (_, Some(Err(e))) => panic!("{name}: a decoded body that does not walk: {e}"),
        }
        if pdu.multipart().is_some() {
            let got: Vec<_> = view
                .attachments()
                .iter()
                .map(|a| a.part().clone())
                .collect();
            assert_eq!(got, expected, "{name}");
        }
        assert_eq!(view.body_error(), None, "{name}");
        let range = input.as_ptr_range();
        for a in view.attachments() {
            let data = a.data().as_ptr_range();
            assert!(
                range.start <= data.start && data.end <= range.end,
                "{name}: attachment {} is not inside the input",
                a.index()
            );
            let _ = (
                a.name(),
                a.text(),
                a.content_id(),
                a.content_location(),
                a.kind(),
            );
        }
        for slide in view.slides() {
            for item in slide.items() {
                if let Some(a) = item.attachment() {
                    assert_eq!(&view.attachments()[a.index()], a, "{name}");
                }
            }
            let _ = slide.duration();
        }
        with_slides += usize::from(!view.slides().is_empty());
        let _ = (view.subject(), view.from(), view.to().count(), view.text());
        let _ = (view.date(), view.expiry_unix(0), view.delivery_time_unix(0));
    }
    // MANIFEST: 30 m-retrieve-conf and 10 m-send-req; some are truncated or broken on purpose.
    assert!(seen >= 30, "only {seen} messages decoded");
    assert!(
        with_slides >= seen / 2,
        "{with_slides} of {seen} with slides"
    );
}

/// The Jolla mms-engine pair: the same message with its text part sent as base64 and as
/// quoted-printable (its test expects 39 decoded octets from 53 and 67 encoded ones). The view
/// shows the decoded text; the part keeps the wire octets.
#[test]
fn transfer_encoded_text_reads_as_the_text() {
    let Some(root) = common::corpus_root() else {
        return;
    };
    let dir = root.join("jolla-mms-engine/mms-lib/test/test_retrieve/data");
    let read = |name: &str| std::fs::read(dir.join(name).join("m-retrieve.conf")).unwrap();
    let (base64, qp) = (read("Base64"), read("QuotedPrintable"));
    let mut texts = Vec::new();
    for (input, encoded_len, encoding) in [
        (&base64, 53, mms_pdu::view::TransferEncoding::Base64),
        (&qp, 67, mms_pdu::view::TransferEncoding::QuotedPrintable),
    ] {
        let pdu = Pdu::decode(input).unwrap();
        let view = MessageView::new(&pdu);
        let text = view.text_attachment().expect("a text part");
        assert_eq!(text.transfer_encoding(), encoding);
        assert_eq!((text.size(), text.decoded_data().len()), (encoded_len, 39));
        texts.push(view.text().unwrap().into_owned());
    }
    assert_eq!(texts[0], texts[1]);
    assert!(!texts[0].contains('='), "{:?}", texts[0]);
}
