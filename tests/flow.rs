//! The whole MMS flow between real HTTP endpoints on 127.0.0.1 (issue 19).
//!
//! Each test starts its own MMSC on a port the OS picks, its phones and SMSC, and stops them;
//! nothing but the loopback interface is used. The steps are in `tests/flow/scenario.rs`,
//! which `examples/mmsc_server.rs` runs too:
//!
//! 1. phone A POSTs an m-send-req (to phone B and an e-mail address, UTF-8 subject, SMIL +
//!    text + JPEG, delivery and read reports requested);
//! 2. the MMSC validates and stores it and answers m-send-conf;
//! 3. B gets the m-notification-ind as SMS, GETs the m-retrieve-conf, answers
//!    m-notifyresp-ind and m-acknowledge-ind; A gets the m-delivery-ind; B's m-read-rec-ind
//!    reaches A as m-read-orig-ind;
//! 4. the e-mail recipient: the message as RFC 5322 mail (feature `mail`) and a reply mail
//!    that phone B retrieves;
//! 5. faults the MMSC survives.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[path = "flow/mod.rs"]
mod flow;

use flow::faults::faults;
use flow::mailbox::{REPLY, from_email};
use flow::scenario::{Composed, EMAIL, Log, PHONE_A, PHONE_B, World, concurrent, happy_path};

use mms_pdu::assigned::{Charset, MessageType, Status, YesNo};
use mms_pdu::codec::{Encode, TextString};
use mms_pdu::mms::validate::validate;
use mms_pdu::mms::views::NotifyRespInd;
use mms_pdu::{DecodeOptions, Message};

#[test]
fn a_message_from_phone_to_phone_and_back_with_reports() {
    let world = World::start();
    let mut a = world.phone(PHONE_A);
    let mut b = world.phone(PHONE_B);
    let sent = happy_path(
        &world,
        &mut a,
        &mut b,
        &Composed::postcard(1),
        &mut Log::new(true),
    );
    // The e-mail recipient's copy went to the mailbox (what it holds is step 4's business).
    let mails = world.mailbox.mails();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].recipient, EMAIL);
    assert_eq!(world.mmsc.snapshot().messages(), 1);
    assert!(world.mmsc.stored(&sent.message_id).is_some());
    assert_eq!(world.mmsc.downloads().completed, 1);
    world.stop();
}

#[test]
fn the_mmsc_survives_faults_and_keeps_serving() {
    let world = World::start();
    let mut a = world.phone(PHONE_A);
    let mut b = world.phone(PHONE_B);
    faults(&world, &mut a, &mut b, &mut Log::new(true));
    world.stop();
}

#[test]
fn twenty_messages_from_four_client_threads_at_once() {
    let world = World::start();
    concurrent(&world, 4, 5, &mut Log::new(true));
    assert_eq!(world.mmsc.snapshot().messages(), 20);
    world.stop();
}

/// The header fields of an RFC 5322 message, unfolded, in order (only to read what the
/// conversion wrote).
fn mail_headers(mail: &[u8]) -> Vec<(String, String)> {
    let text = String::from_utf8_lossy(mail);
    let head = text.split("\r\n\r\n").next().unwrap_or_default();
    let mut fields: Vec<(String, String)> = Vec::new();
    for line in head.split("\r\n") {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = fields.last_mut() {
                last.1.push_str(line);
            }
        } else if let Some((name, value)) = line.split_once(':') {
            fields.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    fields
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {name} field"))
}

#[test]
fn step_4_the_email_recipient_and_a_reply() {
    let world = World::start();
    let mut a = world.phone(PHONE_A);
    let mut b = world.phone(PHONE_B);
    let msg = Composed::postcard(4);
    let sent = happy_path(&world, &mut a, &mut b, &msg, &mut Log::new(true));

    // 4a. The e-mail recipient got one RFC 5322 message, addressed as MM4 does.
    let mails = world.mailbox.mails();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].recipient, EMAIL);
    let mail = &mails[0].message;
    let fields = mail_headers(mail);
    assert_eq!(field(&fields, "mime-version"), "1.0");
    assert!(field(&fields, "from").contains(&format!("{PHONE_A}/TYPE=PLMN@")));
    let to = field(&fields, "to");
    assert!(to.contains(&format!("{PHONE_B}/TYPE=PLMN@")), "{to}");
    assert!(to.contains(EMAIL), "{to}");
    assert_eq!(
        mms_pdu::text::decode_encoded_words(field(&fields, "subject")),
        msg.subject
    );
    assert!(field(&fields, "message-id").contains(&sent.message_id));
    let content_type = field(&fields, "content-type");
    assert!(
        content_type.starts_with("multipart/related"),
        "{content_type}"
    );
    assert!(content_type.contains("application/smil"), "{content_type}");

    // 4b. Back to MMS, the parts are those A sent: content type, Content-ID, Content-Location,
    // name and every octet.
    let back = from_email(mail);
    let Message::Pdu(back) = mms_pdu::decode(&back).expect("an MMS PDU") else {
        panic!("a bare PDU")
    };
    assert_eq!(back.message_type(), Some(MessageType::SEND_REQ));
    assert_eq!(validate(&back), []);
    assert_eq!(
        back.subject_text(&DecodeOptions::new()).as_deref(),
        Some(msg.subject.as_str())
    );
    let Message::Pdu(original) = mms_pdu::decode(&sent.wire).unwrap() else {
        panic!("a bare PDU")
    };
    let parts = |pdu: &mms_pdu::Pdu<'_>| {
        let body = pdu.multipart().expect("multipart").unwrap();
        body.parts_vec()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p.content_type.media().to_string(),
                    p.content_id().map(<[u8]>::to_vec),
                    p.content_location().map(<[u8]>::to_vec),
                    p.name().map(<[u8]>::to_vec),
                    p.data.to_vec(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(parts(&back), parts(&original));

    // 4c. A reply e-mail becomes a message B retrieves the same way.
    let message_id = world
        .mmsc
        .receive_email(REPLY.as_bytes())
        .expect("the reply is accepted");
    let pushed = b.receive_push();
    let Message::Push(push) = mms_pdu::decode(&pushed.push).unwrap() else {
        panic!("a push")
    };
    let ind = push.pdu.expect("an MMS push");
    assert_eq!(ind.message_type(), Some(MessageType::NOTIFICATION_IND));
    assert_eq!(validate(&ind), []);
    // The mail's display name comes along: `Friend <friend@...>`.
    let from = ind
        .from_address()
        .map(|f| String::from_utf8_lossy(f.as_bytes()).into_owned());
    assert!(
        from.as_deref().is_some_and(|f| f.contains(EMAIL)),
        "{from:?}"
    );
    let location = String::from_utf8(ind.content_location().unwrap().uri_bytes().to_vec()).unwrap();
    let reply = b.get(&location);
    assert_eq!(reply.status, 200);
    let Message::Pdu(conf) = mms_pdu::decode(&reply.body).unwrap() else {
        panic!("a bare PDU")
    };
    assert_eq!(conf.message_type(), Some(MessageType::RETRIEVE_CONF));
    assert_eq!(validate(&conf), []);
    assert_eq!(
        conf.message_id().map(|m| m.bytes),
        Some(message_id.as_bytes())
    );
    // The mail's display name comes along: `Friend <friend@...>`.
    let from = conf
        .from_address()
        .map(|f| String::from_utf8_lossy(f.as_bytes()).into_owned());
    assert!(
        from.as_deref().is_some_and(|f| f.contains(EMAIL)),
        "{from:?}"
    );
    assert_eq!(
        conf.to().map(|t| t.as_bytes().to_vec()).collect::<Vec<_>>(),
        [format!("{PHONE_B}/TYPE=PLMN").into_bytes()]
    );
    assert_eq!(
        conf.subject_text(&DecodeOptions::new()).as_deref(),
        Some("Re: Grüße vom Zürichsee")
    );
    let text = match conf.multipart() {
        Some(body) => body
            .unwrap()
            .parts_vec()
            .unwrap()
            .iter()
            .find(|p| p.content_type.media().to_string() == "text/plain")
            .map(|p| p.text(Charset::UTF_8).into_owned()),
        None => conf.body().map(|b| String::from_utf8_lossy(b).into_owned()),
    };
    assert_eq!(
        text.as_deref().map(str::trim_end),
        Some("Danke, schön war's!")
    );
    let tid = ind.transaction_id().unwrap();
    let resp = NotifyRespInd::build(TextString::new(tid.bytes), Status::RETRIEVED)
        .report_allowed(YesNo::YES)
        .build()
        .unwrap()
        .encode_to_vec()
        .unwrap();
    assert_eq!(b.post(&resp).status, 204);
    world.stop();
}
