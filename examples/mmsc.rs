//! The MMSC side of MMS: the PDUs a relay/server builds for the phones it serves
//! (OMA-TS-MMS_ENC-V1_3 §6; pushes and multiparts per WAP-230-WSP §8.2.4.1, §8.5).
//!
//! ```text
//! cargo run --example mmsc
//! ```
//!
//! 1. A message has arrived for +41787654321: build the m-notification-ind, wrap it in a WAP
//!    push and split the push into SMS user data (each printed in hex, UDH apart).
//! 2. The phone fetches the message: build the m-retrieve-conf with its multipart/related body
//!    (SMIL, UTF-8 text, image).
//! 3. The phone acknowledged with delivery reports allowed: build the m-delivery-ind (status
//!    Retrieved) for the sender, also sent as a WAP push.
//!
//! Each PDU is checked as a receiver would see it: it decodes back equal to what was built,
//! re-encodes to the same octets and passes `validate`. The example exits non-zero if any
//! check fails.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use mms_pdu::DecodeOptions;
use mms_pdu::assigned::{Charset, MessageClass, Priority, Status, WellKnownMedia, YesNo};
use mms_pdu::codec::{DateValue, Encode, EncodedString, IntegerValue, TextString};
use mms_pdu::message::{notification_from_sms, push_from_sms, pushed_pdu};
use mms_pdu::mms::views::{DeliveryInd, NotificationInd, RetrieveConf};
use mms_pdu::mms::{
    Address, ContentLocationValue, FromValue, MessageClassValue, Pdu, TimeValue, validate::validate,
};
use mms_pdu::sms::{SegmentOptions, segments, split_user_data};
use mms_pdu::text::IsoDate;
use mms_pdu::wsp::{ContentType, Media, MultipartBuilder, PartBuilder, PushBuilder};

const SENDER: &[u8] = b"+41791234567/TYPE=PLMN";
const RECIPIENT: &[u8] = b"+41787654321/TYPE=PLMN";
const MESSAGE_ID: &[u8] = b"msg-20240531-0001";
const LOCATION: &[u8] = b"http://mmsc.example.net/mms/get?id=msg-20240531-0001";
const SUBJECT: &str = "Fahrplan für Samstag (geändert)";
const DATE: u64 = 1_717_171_717;

const SMIL: &[u8] = br#"<smil><head><layout><root-layout/><region id="Image" top="0" height="70%"/><region id="Text" top="70%" height="30%"/></layout></head><body><par dur="5000ms"><img src="cid:map" region="Image"/><text src="cid:text" region="Text"/></par></body></smil>"#;
const TEXT: &str = "Treffpunkt: Gleis 7, 09:15. Bis dann! 👋";
/// A 1×1 GIF: the "map".
const GIF: &[u8] = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff\
    \x21\xf9\x04\x01\x00\x00\x00\x00\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00\x3b";

/// Prints `bytes` as hex, 24 octets a line, the first line after `label`.
fn print_hex(label: &str, bytes: &[u8]) {
    for (i, line) in bytes.chunks(24).enumerate() {
        let hex: Vec<_> = line.iter().map(|b| format!("{b:02X}")).collect();
        let label = if i == 0 { label } else { "" };
        println!("   {label:<5}{}", hex.join(" "));
    }
}

/// Decodes `wire` as a phone would and checks it is exactly what was built: equal headers and
/// body, no diagnostics, the same octets again, and valid for its message type.
fn check_round_trip(built: &Pdu<'_>, wire: &[u8]) {
    assert_eq!(built.encoded_len(), wire.len(), "encoded_len is exact");
    let decoded = Pdu::decode(wire).expect("decodes");
    assert!(
        decoded.diagnostics().is_empty(),
        "{:?}",
        decoded.diagnostics()
    );
    assert_eq!(&decoded, built, "decodes back equal");
    assert_eq!(
        decoded.encode_to_vec().unwrap(),
        wire,
        "re-encodes byte-exact"
    );
    assert_eq!(validate(built), [], "the built PDU is valid");
    assert_eq!(validate(&decoded), [], "the decoded PDU is valid");
}

/// The retrieve-conf body: multipart/related, SMIL first.
fn message_body() -> Vec<u8> {
    let smil = ContentType::text(b"application/smil");
    let text = ContentType::well_known(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::UTF_8);
    let gif = ContentType::well_known(WellKnownMedia::IMAGE_GIF).with_name(b"map.gif");
    MultipartBuilder::new()
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
                .content_id(b"<map>")
                .content_location(b"map.gif"),
        )
        .encode_to_vec()
        .expect("the body encodes")
}

fn main() {
    let opts = DecodeOptions::new();
    let subject = EncodedString::utf8(SUBJECT);

    // --- 2 first, for its size: the m-retrieve-conf -------------------------------------------
    let body = message_body();
    let related = ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_RELATED)
        .with_start(b"<smil>")
        .with_type(Media::Text(b"application/smil"));
    // The builder takes the mandatory Content-Type up front; `.body_octets` adds the body.
    let retrieve_conf = RetrieveConf::build(DateValue::new(DATE), related)
        .transaction_id(TextString::new(b"tid-7731"))
        .message_id(TextString::new(MESSAGE_ID))
        .from(FromValue::address(Address::new(SENDER)))
        .to(Address::new(RECIPIENT))
        .subject(subject)
        .message_class(MessageClassValue::Class(MessageClass::PERSONAL))
        .priority(Priority::NORMAL)
        .delivery_report(YesNo::YES)
        .body_octets(&body)
        .build()
        .expect("the retrieve-conf builds");
    let retrieve_wire = retrieve_conf.encode_to_vec().unwrap();

    // --- 1. Notify the recipient ----------------------------------------------------------------
    let notification = NotificationInd::build(
        TextString::new(b"tid-7731"),
        MessageClassValue::Class(MessageClass::PERSONAL),
        IntegerValue::new(u64::try_from(retrieve_wire.len()).unwrap()),
        TimeValue::relative(3 * 24 * 3600),
        ContentLocationValue::uri(LOCATION),
    )
    .from(FromValue::address(Address::new(SENDER)))
    .subject(subject)
    .delivery_report(YesNo::YES)
    .build()
    .expect("the notification builds");
    let notification_wire = notification.encode_to_vec().unwrap();
    println!(
        "1. m-notification-ind for {} ({} octets):",
        String::from_utf8_lossy(RECIPIENT),
        notification_wire.len()
    );
    print_hex("", &notification_wire);
    check_round_trip(&notification, &notification_wire);

    let push = PushBuilder::pdu(&notification)
        .tid(0x2A)
        .encode_to_vec()
        .unwrap();
    let reference = 0x5C;
    let sms: Vec<_> = segments(&push, &SegmentOptions::wap_push(reference))
        .expect("the push fits 255 SMS")
        .collect();
    println!(
        "   in a {}-octet WAP push, sent as {} SMS (8-bit data, TP-UDHI set):",
        push.len(),
        sms.len()
    );
    let mut user_data = Vec::new();
    for segment in &sms {
        let ud = segment.encode_to_vec().unwrap();
        assert!(ud.len() <= 140, "fits one SMS");
        let (udh_bytes, payload) = ud.split_at(ud.len() - segment.payload().len());
        print_hex("UDH", udh_bytes);
        print_hex("data", payload);
        // The receiver's view of the header: ports 2948 <- 9200 and the concatenation.
        let (udh, rest) = split_user_data(&ud).expect("a valid user data header");
        assert_eq!(rest, payload);
        assert_eq!(udh.ports().unwrap().destination, 2948);
        let concat = udh.concatenation().expect("a concatenated push");
        assert_eq!(concat.reference, u16::from(reference));
        assert_eq!(usize::from(concat.total), sms.len());
        user_data.push(ud);
    }
    assert!(sms.len() > 1, "the example wants a concatenated push");
    // What the phone does with them (see examples/phone.rs).
    let refs: Vec<&[u8]> = user_data.iter().map(Vec::as_slice).collect();
    let mut buf = Vec::new();
    let (_, received) = notification_from_sms(&refs, &mut buf, &opts).expect("reassembles");
    assert_eq!(received, notification);
    println!("   reassembled by the phone: the same m-notification-ind, clean");

    // --- 2. The retrieval ---------------------------------------------------------------------
    println!(
        "\n2. m-retrieve-conf for the GET of {} ({} octets):",
        String::from_utf8_lossy(LOCATION),
        retrieve_wire.len()
    );
    check_round_trip(&retrieve_conf, &retrieve_wire);
    let decoded = Pdu::decode(&retrieve_wire).unwrap();
    let parts = decoded.multipart().unwrap().unwrap().parts_vec().unwrap();
    for p in &parts {
        println!(
            "   part {} {} ({} octets)",
            String::from_utf8_lossy(p.content_id().unwrap_or_default()),
            p.content_type,
            p.data.len()
        );
    }
    assert_eq!(parts.len(), 3);
    assert_eq!(parts[1].text(Charset::UTF_8), TEXT);
    assert_eq!(parts[2].data, GIF);
    println!("   decodes back equal, re-encodes byte-exact, validates clean");

    // --- 3. The delivery report for the sender -------------------------------------------------
    let delivery = DeliveryInd::build(
        TextString::new(MESSAGE_ID),
        Address::new(RECIPIENT),
        DateValue::new(DATE + 95),
        Status::RETRIEVED,
    )
    .build()
    .expect("the delivery-ind builds");
    let delivery_wire = delivery.encode_to_vec().unwrap();
    println!(
        "\n3. m-delivery-ind for {}: {} retrieved it at {} ({} octets):",
        String::from_utf8_lossy(SENDER),
        String::from_utf8_lossy(RECIPIENT),
        IsoDate(DATE + 95),
        delivery_wire.len()
    );
    print_hex("", &delivery_wire);
    check_round_trip(&delivery, &delivery_wire);
    let view = DeliveryInd::try_from(&delivery).unwrap();
    assert_eq!(view.status(), Some(Status::RETRIEVED));
    assert_eq!(view.message_id().unwrap().bytes, MESSAGE_ID);
    // Delivered to the sender's phone the same way as a notification: a push in SMS.
    let push = PushBuilder::pdu(&delivery).encode_to_vec().unwrap();
    let sms = mms_pdu::sms::segment_to_vecs(&push, &SegmentOptions::wap_push(reference + 1))
        .expect("the push splits");
    println!("   pushed in {} SMS:", sms.len());
    for ud in &sms {
        print_hex("SMS", ud);
    }
    let refs: Vec<&[u8]> = sms.iter().map(Vec::as_slice).collect();
    let mut buf = Vec::new();
    let pushed = push_from_sms(&refs, &mut buf, &opts).expect("reassembles");
    let inner = pushed_pdu(&pushed, &opts).expect("an MMS push").unwrap();
    assert_eq!(inner, delivery);

    println!("\ndone: notification push, retrieve-conf and delivery-ind built and checked");
}
