//! The phone side of MMS: what an MMS daemon on a handset does with the PDUs it receives and which
//! PDUs it answers with (OMA-TS-MMS_CTR; PDUs per OMA-TS-MMS_ENC-V1_3 §6, the push per WAP-230-WSP
//! §8.2.4.1).
//!
//! ```text
//! cargo run --example phone
//! ```
//!
//! 1. SMS arrive on the WAP push port; their user data (UDH + a slice of a WSP push) are
//!    reassembled and the push's m-notification-ind is decoded
//!    ([`mms_pdu::message::notification_from_sms`]).
//! 2. The user is roaming, so the phone answers with an m-notifyresp-ind, status Deferred.
//! 3. Later the phone fetches the message (an HTTP GET of X-Mms-Content-Location); the
//!    m-retrieve-conf that comes back is decoded, and its SMIL, text and image parts picked.
//! 4. The phone acknowledges the retrieval with an m-acknowledge-ind.
//!
//! The MMSC's PDUs are built here with the crate's builders (see `examples/mmsc.rs`), so the
//! example needs no files; every step checks its result and the example exits non-zero if one
//! does not hold.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use mms_pdu::DecodeOptions;
use mms_pdu::assigned::{Charset, MessageClass, MmsVersion, Status, WellKnownMedia, YesNo};
use mms_pdu::codec::{DateValue, Encode, EncodedString, IntegerValue, TextString};
use mms_pdu::message::notification_from_sms;
use mms_pdu::mms::views::{AcknowledgeInd, NotificationInd, NotifyRespInd, RetrieveConf};
use mms_pdu::mms::{
    Address, ContentLocationValue, FromValue, MessageClassValue, Pdu, TimeValue, validate::validate,
};
use mms_pdu::sms::{SegmentOptions, segments_for_push, split_user_data};
use mms_pdu::text::IsoDate;
use mms_pdu::wsp::{ContentType, Media, MultipartBuilder, PartBuilder, PushBuilder};

/// A 1×1 transparent GIF: the "photo" in the message.
const GIF: &[u8] = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff\
    \x21\xf9\x04\x01\x00\x00\x00\x00\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00\x3b";

const SMIL: &[u8] = br#"<smil><head><layout><root-layout/><region id="Image" top="0" height="70%"/><region id="Text" top="70%" height="30%"/></layout></head><body><par dur="5000ms"><img src="cid:photo" region="Image"/><text src="cid:text" region="Text"/></par></body></smil>"#;

const TEXT: &str = "Greetings from Zürich! ☀";

const SUBJECT: &str = "Postcard from the lake: sunset over the Zürichsee";

const CONTENT_LOCATION: &[u8] = b"http://mmsc.example.net/mms/get?id=4f2c9a71e0";

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the network would deliver: the user data of the SMS carrying the notification push.
fn sms_from_the_network(message_size: usize) -> Vec<Vec<u8>> {
    let notification = NotificationInd::build(
        TextString::new(b"tid-7731"),
        MessageClassValue::Class(MessageClass::PERSONAL),
        IntegerValue::new(u64::try_from(message_size).unwrap()),
        TimeValue::relative(3 * 24 * 3600),
        ContentLocationValue::uri(CONTENT_LOCATION),
    )
    .version(MmsVersion::V1_2)
    .from(FromValue::address(Address::new(b"+41791234567/TYPE=PLMN")))
    .subject(EncodedString::utf8(SUBJECT))
    .build()
    .expect("notification builds");
    let push = PushBuilder::pdu(&notification).tid(0x2A);
    // The subject and the long URI are enough to need two SMS: 140 octets of user data each.
    segments_for_push(&push, &SegmentOptions::wap_push(0x5C)).expect("push splits")
}

fn main() {
    // --- 1. The notification arrives as SMS -------------------------------------------------
    let sms = sms_from_the_network(mmsc_answers_the_get(CONTENT_LOCATION).len());
    println!("1. {} SMS arrived on the WAP push port:", sms.len());
    for (i, ud) in sms.iter().enumerate() {
        let (udh, payload) = split_user_data(ud).expect("each SMS has a user data header");
        let concat = udh.concatenation().expect("a concatenated push");
        println!(
            "   SMS {}/{} (ref {:#04X}, port {}): {} octets of push",
            concat.sequence,
            concat.total,
            concat.reference,
            udh.ports().expect("ports").destination,
            payload.len()
        );
        assert_eq!(usize::from(concat.sequence), i + 1);
    }
    assert!(sms.len() >= 2, "the example wants a concatenated push");

    // Segments may arrive in any order: give them reversed.
    let arrived: Vec<&[u8]> = sms.iter().rev().map(Vec::as_slice).collect();
    let mut buf = Vec::new();
    let opts = DecodeOptions::new();
    let (push, notification) =
        notification_from_sms(&arrived, &mut buf, &opts).expect("a complete notification");
    assert!(push.is_mms());
    let n = NotificationInd::try_from(&notification).expect("an m-notification-ind");
    let tid = n.transaction_id().expect("Transaction-ID");
    let location = n.content_location().expect("Content-Location");
    println!(
        "   reassembled a {}-octet push: m-notification-ind, Transaction-ID {tid}",
        push.encoded_len()
    );
    println!(
        "   from {}, subject \"{}\", {} octets, expires {}",
        n.from().expect("From"),
        notification.subject_text(&opts).expect("Subject"),
        n.message_size().expect("Message-Size").value,
        n.expiry().expect("Expiry"),
    );
    println!("   fetch from {location}");
    assert_eq!(tid.bytes, b"tid-7731");
    assert_eq!(location.as_bytes(), CONTENT_LOCATION);
    assert_eq!(notification.subject_text(&opts).as_deref(), Some(SUBJECT));
    assert!(validate(&notification).is_empty());

    // --- 2. Roaming: defer the retrieval ------------------------------------------------------
    let notify_resp = NotifyRespInd::build(tid, Status::DEFERRED)
        .version(MmsVersion::V1_2)
        .report_allowed(YesNo::NO)
        .build()
        .expect("notifyresp builds");
    let wire = notify_resp.encode_to_vec().unwrap();
    println!("\n2. roaming: m-notifyresp-ind (Deferred), POST to the MMSC:");
    println!("   {}", hex(&wire));
    // 8C 83 = m-notifyresp-ind; 95 83 = X-Mms-Status: Deferred.
    assert_eq!(wire[..2], [0x8C, 0x83]);
    assert!(wire.windows(2).any(|w| w == [0x95, 0x83]));
    let back = Pdu::decode(&wire).unwrap();
    assert_eq!(
        NotifyRespInd::try_from(&back).unwrap().status(),
        Some(Status::DEFERRED)
    );

    // --- 3. Back home: retrieve ---------------------------------------------------------------
    let retrieved = mmsc_answers_the_get(location.as_bytes());
    println!(
        "\n3. GET {location} -> {} octets (m-retrieve-conf)",
        retrieved.len()
    );
    let pdu = Pdu::decode(&retrieved).expect("the retrieve-conf decodes");
    assert!(pdu.diagnostics().is_empty(), "{:?}", pdu.diagnostics());
    assert!(validate(&pdu).is_empty());
    assert_eq!(
        retrieved.len(),
        usize::try_from(n.message_size().unwrap().value).unwrap(),
        "X-Mms-Message-Size announced the size"
    );
    let conf = RetrieveConf::try_from(&pdu).expect("an m-retrieve-conf");
    let content_type = conf.content_type().expect("Content-Type");
    println!(
        "   from {}, date {}, Content-Type {content_type}",
        conf.from().expect("From"),
        IsoDate(conf.date().expect("Date").value),
    );
    let body = pdu
        .multipart()
        .expect("a multipart body")
        .expect("a valid entry count");
    let parts = body.parts_vec().expect("every part decodes");
    println!("   {} parts:", parts.len());
    for p in &parts {
        println!(
            "   - {} {} ({} octets)",
            p.content_id()
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .unwrap_or_default(),
            p.content_type,
            p.data.len()
        );
    }
    assert_eq!(parts.len(), 3);

    // The presentation: the `start` part of the multipart/related, which is the SMIL.
    let smil = body.smil().expect("a SMIL part");
    assert_eq!(
        body.root(content_type.start()).as_ref(),
        Some(&smil),
        "the start parameter names the SMIL"
    );
    assert_eq!(smil.data, SMIL);
    // The SMIL refers to the media by Content-ID: `cid:text`, `cid:photo`.
    let text = body.find_by_content_id(b"cid:text").expect("the text part");
    let text = text.text(Charset::UTF_8);
    println!("   text: \"{text}\"");
    assert_eq!(text, TEXT);
    let image = body
        .find_by_content_id(b"cid:photo")
        .expect("the image part");
    assert!(image.content_type.is(WellKnownMedia::IMAGE_GIF));
    assert_eq!(image.data, GIF);
    assert_eq!(image.name(), Some(&b"lake.gif"[..]));
    println!(
        "   image: {} ({}x{}), {} octets",
        String::from_utf8_lossy(image.name().unwrap()),
        u16::from_le_bytes([image.data[6], image.data[7]]),
        u16::from_le_bytes([image.data[8], image.data[9]]),
        image.data.len()
    );

    // --- 4. Acknowledge -----------------------------------------------------------------------
    // The acknowledge echoes the Transaction-ID of the m-retrieve-conf (an MMSC that wants an
    // acknowledgement puts one there; this one reuses the notification's).
    let ack_tid = conf
        .transaction_id()
        .expect("the MMSC asks for an acknowledgement");
    assert_eq!(ack_tid, tid);
    let ack = AcknowledgeInd::build(ack_tid)
        .version(MmsVersion::V1_2)
        .report_allowed(YesNo::YES)
        .build()
        .expect("acknowledge builds");
    let wire = ack.encode_to_vec().unwrap();
    println!("\n4. m-acknowledge-ind, POST to the MMSC:");
    println!("   {}", hex(&wire));
    assert_eq!(wire[..2], [0x8C, 0x85]);
    let back = Pdu::decode(&wire).unwrap();
    assert_eq!(back, ack);
    assert_eq!(
        AcknowledgeInd::try_from(&back).unwrap().transaction_id(),
        Some(ack_tid)
    );
    println!("\ndone: notification, deferral, retrieval and acknowledgement all checked");
}

/// The MMSC's answer to the GET: an m-retrieve-conf with a multipart/related body (SMIL, UTF-8
/// text, GIF), as the octets the phone receives.
fn mmsc_answers_the_get(location: &[u8]) -> Vec<u8> {
    assert_eq!(location, CONTENT_LOCATION);
    let smil = ContentType::text(b"application/smil");
    let text = ContentType::well_known(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::UTF_8);
    let gif = ContentType::well_known(WellKnownMedia::IMAGE_GIF).with_name(b"lake.gif");
    let body = MultipartBuilder::new()
        .part(
            PartBuilder::new(smil, SMIL)
                .content_id(b"<smil>")
                .content_location(b"smil.xml"),
        )
        .part(
            PartBuilder::new(text, TEXT.as_bytes())
                .content_id(b"<text>")
                .content_location(b"text.txt"),
        )
        .part(
            PartBuilder::new(gif, GIF)
                .content_id(b"<photo>")
                .content_location(b"lake.gif"),
        )
        .encode_to_vec()
        .expect("body encodes");
    let related = ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_RELATED)
        .with_start(b"<smil>")
        .with_type(Media::Text(b"application/smil"));
    // The builder takes the mandatory Content-Type up front; `.body_octets` adds the body.
    RetrieveConf::build(DateValue::new(1_717_171_717), related)
        .version(MmsVersion::V1_2)
        .transaction_id(TextString::new(b"tid-7731"))
        .message_id(TextString::new(b"4f2c9a71e0"))
        .from(FromValue::address(Address::new(b"+41791234567/TYPE=PLMN")))
        .to(Address::new(b"+41787654321/TYPE=PLMN"))
        .subject(EncodedString::utf8(SUBJECT))
        .body_octets(&body)
        .build()
        .expect("retrieve-conf builds")
        .encode_to_vec()
        .expect("retrieve-conf encodes")
}
