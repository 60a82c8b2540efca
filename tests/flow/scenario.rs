//! The steps of the flow (issue 19), each done through the phones and the MMSC and checked on
//! the receiving side: what arrives is decoded with the crate as any phone or MMSC would, and
//! the fields that matter are compared with what was sent.

use std::collections::BTreeSet;
use std::fmt::Display;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use mms_pdu::assigned::{
    Charset, MessageClass, MessageType, MmsVersion, ReadStatus, ResponseStatus, Status,
    WellKnownMedia, YesNo,
};
use mms_pdu::codec::{DateValue, Encode, EncodedString, TextString};
use mms_pdu::mms::validate::validate;
use mms_pdu::mms::views::{
    AcknowledgeInd, DeliveryInd, NotificationInd, NotifyRespInd, ReadOrigInd, ReadRecInd,
    RetrieveConf, SendReq,
};
use mms_pdu::mms::{Address, FromValue, MessageClassValue, Pdu};
use mms_pdu::wsp::{ContentType, Media, MultipartBuilder, Part, PartBuilder};
use mms_pdu::{DecodeOptions, Message};

use super::mailbox::Mailbox;
use super::mmsc::Mmsc;
use super::phone::{Phone, Smsc};

/// Phone A, the sender.
pub(crate) const PHONE_A: &str = "+41791234567";
/// Phone B, the first recipient.
pub(crate) const PHONE_B: &str = "+41787654321";
/// The second recipient, reached by e-mail.
pub(crate) const EMAIL: &str = "friend@mail.example.org";

pub(crate) const VERSION: MmsVersion = MmsVersion::V1_2;
/// The longest a check waits for the MMSC to notice something.
pub(crate) const WAIT: Duration = Duration::from_secs(10);

const SMIL: &[u8] = br#"<smil><head><layout><root-layout/><region id="Image" top="0" height="70%"/><region id="Text" top="70%" height="30%"/></layout></head><body><par dur="5000ms"><img src="cid:photo" region="Image"/><text src="cid:text" region="Text"/></par></body></smil>"#;

/// The MMSC, the SMSC and the mailbox, started together.
pub(crate) struct World {
    pub(crate) smsc: Arc<Smsc>,
    pub(crate) mailbox: Arc<Mailbox>,
    pub(crate) mmsc: Mmsc,
}

impl World {
    /// Starts an MMSC on 127.0.0.1 with an empty SMSC and mailbox.
    pub(crate) fn start() -> World {
        let smsc = Arc::new(Smsc::default());
        let mailbox = Arc::new(Mailbox::default());
        let mmsc = Mmsc::start(smsc.clone(), mailbox.clone());
        World {
            smsc,
            mailbox,
            mmsc,
        }
    }

    /// A phone with `number`, attached to the SMSC, served by the MMSC.
    pub(crate) fn phone(&self, number: &str) -> Phone {
        Phone::new(number, &self.smsc, self.mmsc.url())
    }

    /// Stops the MMSC.
    pub(crate) fn stop(self) {
        self.mmsc.stop();
    }
}

/// Prints each step in one line with its time, when asked to.
pub(crate) struct Log {
    echo: bool,
}

impl Log {
    /// A log that prints (`echo`) or stays quiet.
    pub(crate) fn new(echo: bool) -> Log {
        Log { echo }
    }

    /// One step, begun at `started`.
    pub(crate) fn step(&mut self, started: Instant, what: impl Display) {
        if self.echo {
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            println!("{ms:>9.2} ms  {what}");
        }
    }
}

/// What phone A puts in a message.
pub(crate) struct Composed {
    pub(crate) subject: String,
    pub(crate) text: String,
    pub(crate) jpeg: Vec<u8>,
}

impl Composed {
    /// Postcard number `n`: its subject, text and photo differ from every other's.
    pub(crate) fn postcard(n: usize) -> Composed {
        Composed {
            subject: format!("Grüße vom Zürichsee, Nr. {n} ☀"),
            text: format!("Karte {n}: Hallo aus Zürich! Die Sonne scheint. 👋"),
            jpeg: jpeg(n, 600 + n % 7 * 37),
        }
    }

    /// The same with a photo of `size` octets.
    pub(crate) fn with_photo(mut self, size: usize) -> Composed {
        self.jpeg = jpeg(self.jpeg.len(), size);
        self
    }
}

/// JPEG-looking octets: SOI, a JFIF APP0 segment, `seed`-dependent filler, EOI.
fn jpeg(seed: usize, size: usize) -> Vec<u8> {
    let mut data = vec![
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0x00, 0x01, 0x01, 0x00, 0x00,
        0x01, 0x00, 0x01, 0x00, 0x00,
    ];
    let mut x = u32::try_from(seed % 0xFFFF).unwrap() ^ 0x9E37_79B9;
    while data.len() + 2 < size {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        let [octet, ..] = x.to_le_bytes();
        data.push(octet);
    }
    data.extend([0xFF, 0xD9]);
    data
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

pub(crate) fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// An HTTP body holding a bare MMS PDU.
pub(crate) fn bare_pdu(wire: &[u8]) -> Pdu<'_> {
    match mms_pdu::decode(wire).expect("an MMS PDU") {
        Message::Pdu(pdu) => pdu,
        Message::Push(_) => panic!("a WAP push where a bare PDU was expected"),
    }
}

/// A reassembled WAP push carrying an MMS PDU.
fn pushed_pdu(push: &[u8]) -> Pdu<'_> {
    match mms_pdu::decode(push).expect("a WAP push") {
        Message::Push(p) => {
            assert!(p.push.is_mms(), "the push is for the MMS client");
            assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
            p.pdu.expect("the push carries an MMS PDU")
        }
        Message::Pdu(_) => panic!("a bare PDU where a push was expected"),
    }
}

/// Decoded without deviations and valid for its type and version.
pub(crate) fn assert_clean(pdu: &Pdu<'_>) {
    assert!(pdu.diagnostics().is_empty(), "{:?}", pdu.diagnostics());
    assert_eq!(validate(pdu), [], "{:?} validates", pdu.message_type());
}

/// Phone A's m-send-req: SMIL, UTF-8 text and a JPEG in a multipart/related, a UTF-8 subject,
/// delivery and read reports requested.
fn compose(a: &Phone, tid: &str, to: &[&str], msg: &Composed) -> Vec<u8> {
    let smil = ContentType::text(b"application/smil");
    let text = ContentType::well_known(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::UTF_8);
    let photo = ContentType::well_known(WellKnownMedia::IMAGE_JPEG).with_name(b"photo.jpg");
    let body = MultipartBuilder::new()
        .part(
            PartBuilder::new(smil, SMIL)
                .content_id(b"<smil>")
                .content_location(b"smil.xml"),
        )
        .part(
            PartBuilder::new(text, msg.text.as_bytes())
                .content_id(b"<text>")
                .content_location(b"text.txt"),
        )
        .part(
            PartBuilder::new(photo, &msg.jpeg)
                .content_id(b"<photo>")
                .content_location(b"photo.jpg"),
        )
        .encode_to_vec()
        .expect("the body encodes");
    let related = ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_RELATED)
        .with_start(b"<smil>")
        .with_type(Media::Text(b"application/smil"));
    let mut req = SendReq::build(
        TextString::new(tid.as_bytes()),
        FromValue::address(Address::new(a.address().as_bytes())),
        related,
    )
    .version(VERSION)
    .date(DateValue::new(now()))
    .subject(EncodedString::with_charset(
        Charset::UTF_8.get().into(),
        msg.subject.as_bytes(),
    ))
    .message_class(MessageClassValue::Class(MessageClass::PERSONAL))
    .delivery_report(YesNo::YES)
    .read_report(YesNo::YES)
    .body_octets(&body);
    for rcpt in to {
        req = req.to(Address::new(rcpt.as_bytes()));
    }
    let pdu = req.build().expect("the m-send-req builds");
    assert_clean(&pdu);
    pdu.encode_to_vec().expect("the m-send-req encodes")
}

/// An m-send-req as A sent it and the Message-ID the MMSC gave it.
pub(crate) struct Sent {
    pub(crate) wire: Vec<u8>,
    pub(crate) message_id: String,
    pub(crate) recipients: Vec<String>,
}

/// Steps 1–2: A POSTs the m-send-req; the m-send-conf pairs with it, says Ok and gives the
/// Message-ID; the MMSC stored the octets A sent.
pub(crate) fn send(
    world: &World,
    a: &mut Phone,
    to: &[&str],
    msg: &Composed,
    log: &mut Log,
) -> Sent {
    let started = Instant::now();
    let tid = a.new_transaction_id();
    let wire = compose(a, &tid, to, msg);
    let reply = a.post(&wire);
    assert_eq!(reply.status, 200, "{}", lossy(&reply.body));
    assert!(reply.is_mms(), "{:?}", reply.content_type);
    let conf = bare_pdu(&reply.body);
    assert_eq!(conf.message_type(), Some(MessageType::SEND_CONF));
    assert_clean(&conf);
    assert_eq!(
        conf.transaction_id().map(|t| t.bytes),
        Some(tid.as_bytes()),
        "the m-send-conf pairs with the m-send-req"
    );
    assert_eq!(conf.response_status(), Some(ResponseStatus::OK));
    let message_id = lossy(conf.message_id().expect("a Message-ID").bytes);
    assert!(!message_id.is_empty());
    assert_eq!(
        world.mmsc.stored(&message_id).as_deref(),
        Some(&wire[..]),
        "the MMSC stored what A sent"
    );
    log.step(
        started,
        format_args!(
            "1-2. A: POST m-send-req {tid} ({} octets, to {}) -> m-send-conf Ok, Message-ID {message_id}",
            wire.len(),
            to.join(", ")
        ),
    );
    Sent {
        wire,
        message_id,
        recipients: to.iter().map(|r| (*r).to_owned()).collect(),
    }
}

/// An m-notification-ind as a recipient phone got it.
pub(crate) struct Notified {
    pub(crate) tid: String,
    pub(crate) location: String,
    pub(crate) size: usize,
    pub(crate) push: Vec<u8>,
}

/// Step 3, first half: the notification reaches B in SMS, reassembles and decodes: from A,
/// the subject as A wrote it, delivery report asked for, to be fetched from the MMSC.
pub(crate) fn notified(
    world: &World,
    b: &mut Phone,
    from: &str,
    msg: &Composed,
    log: &mut Log,
) -> Notified {
    let started = Instant::now();
    let pushed = b.receive_push();
    let ind = pushed_pdu(&pushed.push);
    assert_eq!(ind.message_type(), Some(MessageType::NOTIFICATION_IND));
    assert_clean(&ind);
    let view = NotificationInd::try_from(&ind).unwrap();
    assert_eq!(
        ind.from_address().map(|f| f.as_bytes()),
        Some(from.as_bytes())
    );
    assert_eq!(
        ind.subject_text(&DecodeOptions::new()).as_deref(),
        Some(msg.subject.as_str())
    );
    assert_eq!(
        ind.message_class(),
        Some(MessageClassValue::Class(MessageClass::PERSONAL))
    );
    assert_eq!(view.delivery_report(), Some(YesNo::YES));
    let tid = lossy(ind.transaction_id().expect("a Transaction-ID").bytes);
    let location = lossy(
        ind.content_location()
            .expect("a Content-Location")
            .uri_bytes(),
    );
    assert!(
        location.starts_with(&format!("{}/mms/", world.mmsc.url())),
        "{location} is on the MMSC"
    );
    let size = usize::try_from(ind.message_size().expect("a Message-Size").value).unwrap();
    log.step(
        started,
        format_args!(
            "3.   B: m-notification-ind {tid} in a {}-octet WAP push, {} SMS reassembled",
            pushed.push.len(),
            pushed.sms
        ),
    );
    Notified {
        tid,
        location,
        size,
        push: pushed.push,
    }
}

/// Step 3: B GETs the Content-Location. The m-retrieve-conf is as big as announced, carries
/// the Message-ID, A as sender, the recipients and subject A wrote, the report requests, and
/// the content type and every part octet for octet as A sent them. Returns its
/// Transaction-ID, which asks for an m-acknowledge-ind.
pub(crate) fn retrieve(
    b: &Phone,
    n: &Notified,
    sent: &Sent,
    from: &str,
    msg: &Composed,
    log: &mut Log,
) -> String {
    let started = Instant::now();
    let reply = b.get(&n.location);
    assert_eq!(reply.status, 200, "{}", lossy(&reply.body));
    assert!(reply.is_mms(), "{:?}", reply.content_type);
    assert_eq!(
        reply.body.len(),
        n.size,
        "X-Mms-Message-Size announced the size"
    );
    let conf = bare_pdu(&reply.body);
    assert_eq!(conf.message_type(), Some(MessageType::RETRIEVE_CONF));
    assert_clean(&conf);
    let view = RetrieveConf::try_from(&conf).unwrap();
    assert_eq!(
        conf.message_id().map(|m| m.bytes),
        Some(sent.message_id.as_bytes()),
        "the Message-ID of the m-send-conf"
    );
    assert_eq!(
        conf.from_address().map(|f| f.as_bytes()),
        Some(from.as_bytes())
    );
    let to: Vec<String> = conf.to().map(|t| lossy(t.as_bytes())).collect();
    assert_eq!(to, sent.recipients);
    assert_eq!(
        conf.subject_text(&DecodeOptions::new()).as_deref(),
        Some(msg.subject.as_str())
    );
    assert_eq!(view.delivery_report(), Some(YesNo::YES));
    assert_eq!(view.read_report(), Some(YesNo::YES));

    let original = bare_pdu(&sent.wire);
    assert_eq!(conf.content_type(), original.content_type());
    assert_eq!(conf.body(), original.body(), "the body, octet for octet");
    assert_parts(&conf, &original, msg);

    let tid = lossy(
        conf.transaction_id()
            .expect("a Transaction-ID to acknowledge")
            .bytes,
    );
    assert_ne!(tid, n.tid);
    log.step(
        started,
        format_args!(
            "3.   B: GET {} -> m-retrieve-conf {tid}, {} octets, 3 parts as A sent them",
            n.location,
            reply.body.len()
        ),
    );
    tid
}

/// The parts of `got` are those of `original` (content type, headers, data) and hold what A
/// composed: the SMIL as the root, the text, the photo.
fn assert_parts(got: &Pdu<'_>, original: &Pdu<'_>, msg: &Composed) {
    let body = got.multipart().expect("a multipart body").unwrap();
    let parts = body.parts_vec().unwrap();
    let sent = original.multipart().unwrap().unwrap().parts_vec().unwrap();
    fn summary<'a>(p: &Part<'a>) -> (ContentType<'a>, &'a [u8], &'a [u8]) {
        (p.content_type.clone(), p.headers.as_bytes(), p.data)
    }
    assert_eq!(
        parts.iter().map(summary).collect::<Vec<_>>(),
        sent.iter().map(summary).collect::<Vec<_>>()
    );
    assert_eq!(parts.len(), 3);
    let start = got.content_type().unwrap().start().map(<[u8]>::to_vec);
    let smil = body.smil().expect("a SMIL part");
    assert_eq!(
        body.root(start.as_deref()).as_ref(),
        Some(&smil),
        "start names the SMIL"
    );
    assert_eq!(smil.data, SMIL);
    let text = body.find_by_content_id(b"<text>").expect("the text part");
    assert_eq!(text.text(Charset::UTF_8), msg.text);
    let photo = body.find_by_content_id(b"<photo>").expect("the photo");
    assert!(photo.content_type.is(WellKnownMedia::IMAGE_JPEG));
    assert_eq!(photo.name(), Some(&b"photo.jpg"[..]));
    assert!(photo.data == msg.jpeg, "the photo, octet for octet");
}

/// B's m-notifyresp-ind for `tid`, reports allowed.
pub(crate) fn notify_resp(tid: &str, status: Status) -> Vec<u8> {
    NotifyRespInd::build(TextString::new(tid.as_bytes()), status)
        .version(VERSION)
        .report_allowed(YesNo::YES)
        .build()
        .and_then(|p| p.encode_to_vec())
        .unwrap()
}

/// B's m-acknowledge-ind for the retrieval `tid`.
pub(crate) fn acknowledge_ind(tid: &str) -> Vec<u8> {
    AcknowledgeInd::build(TextString::new(tid.as_bytes()))
        .version(VERSION)
        .report_allowed(YesNo::YES)
        .build()
        .and_then(|p| p.encode_to_vec())
        .unwrap()
}

/// Step 3: B answers the notification with m-notifyresp-ind (Retrieved); A gets the
/// m-delivery-ind for its Message-ID, naming B, status Retrieved.
pub(crate) fn confirm(b: &Phone, a: &mut Phone, n: &Notified, sent: &Sent, log: &mut Log) {
    let started = Instant::now();
    let reply = b.post(&notify_resp(&n.tid, Status::RETRIEVED));
    assert_eq!(reply.status, 204, "{}", lossy(&reply.body));
    assert!(reply.body.is_empty());
    log.step(
        started,
        format_args!("3.   B: POST m-notifyresp-ind {} (Retrieved) -> 204", n.tid),
    );

    let started = Instant::now();
    let pushed = a.receive_push();
    let ind = pushed_pdu(&pushed.push);
    assert_eq!(ind.message_type(), Some(MessageType::DELIVERY_IND));
    assert_clean(&ind);
    let view = DeliveryInd::try_from(&ind).unwrap();
    assert_eq!(
        ind.message_id().map(|m| m.bytes),
        Some(sent.message_id.as_bytes())
    );
    assert_eq!(
        view.to().map(|t| lossy(t.as_bytes())),
        Some(b.address().to_owned())
    );
    assert_eq!(ind.status(), Some(Status::RETRIEVED));
    assert!(ind.date().is_some());
    log.step(
        started,
        format_args!(
            "3.   A: m-delivery-ind for {} (Retrieved by {}), {} SMS",
            sent.message_id,
            b.number(),
            pushed.sms
        ),
    );
}

/// Step 3: B acknowledges the retrieval; the MMSC had already reported it, so A gets nothing
/// more.
pub(crate) fn acknowledge(b: &Phone, a: &Phone, retrieve_tid: &str, log: &mut Log) {
    let started = Instant::now();
    let reply = b.post(&acknowledge_ind(retrieve_tid));
    assert_eq!(reply.status, 204, "{}", lossy(&reply.body));
    assert!(a.inbox_is_empty(), "one delivery report, not two");
    log.step(
        started,
        format_args!("3.   B: POST m-acknowledge-ind {retrieve_tid} -> 204"),
    );
}

/// Step 3: B sends m-read-rec-ind (Read); A gets the m-read-orig-ind for its Message-ID,
/// from B.
pub(crate) fn read_report(b: &Phone, a: &mut Phone, sent: &Sent, log: &mut Log) {
    let started = Instant::now();
    let rec = ReadRecInd::build(
        TextString::new(sent.message_id.as_bytes()),
        Address::new(a.address().as_bytes()),
        FromValue::address(Address::new(b.address().as_bytes())),
        ReadStatus::READ,
    )
    .version(VERSION)
    .date(DateValue::new(now()))
    .build()
    .and_then(|p| p.encode_to_vec())
    .unwrap();
    let reply = b.post(&rec);
    assert_eq!(reply.status, 204, "{}", lossy(&reply.body));
    let pushed = a.receive_push();
    let ind = pushed_pdu(&pushed.push);
    assert_eq!(ind.message_type(), Some(MessageType::READ_ORIG_IND));
    assert_clean(&ind);
    let view = ReadOrigInd::try_from(&ind).unwrap();
    assert_eq!(
        ind.message_id().map(|m| m.bytes),
        Some(sent.message_id.as_bytes())
    );
    assert_eq!(
        ind.from_address().map(|f| lossy(f.as_bytes())),
        Some(b.address().to_owned())
    );
    assert_eq!(
        view.to().map(|t| lossy(t.as_bytes())),
        Some(a.address().to_owned())
    );
    assert_eq!(view.read_status(), Some(ReadStatus::READ));
    log.step(
        started,
        format_args!(
            "3.   B: POST m-read-rec-ind (Read) -> 204; A: m-read-orig-ind for {}",
            sent.message_id
        ),
    );
}

/// Steps 1–3 for one message from `a` to `b` and [`EMAIL`].
pub(crate) fn happy_path(
    world: &World,
    a: &mut Phone,
    b: &mut Phone,
    msg: &Composed,
    log: &mut Log,
) -> Sent {
    let sent = send(world, a, &[b.address(), EMAIL], msg, log);
    let n = notified(world, b, a.address(), msg, log);
    let retrieve_tid = retrieve(b, &n, &sent, a.address(), msg, log);
    confirm(b, a, &n, &sent, log);
    acknowledge(b, a, &retrieve_tid, log);
    read_report(b, a, &sent, log);
    assert!(a.inbox_is_empty() && b.inbox_is_empty(), "no SMS left over");
    sent
}

/// The happy path for `threads × each` messages at once: `threads` client threads, each
/// with its own sender and recipient phone. Every message arrives intact, each with its own
/// Message-ID.
pub(crate) fn concurrent(world: &World, threads: usize, each: usize, log: &mut Log) {
    let started = Instant::now();
    let mails = world.mailbox.len();
    let ids: Vec<String> = thread::scope(|scope| {
        let clients: Vec<_> = (0..threads)
            .map(|i| {
                scope.spawn(move || {
                    let mut a = world.phone(&format!("+4179100{i:04}"));
                    let mut b = world.phone(&format!("+4178700{i:04}"));
                    (0..each)
                        .map(|j| {
                            let msg = Composed::postcard(1000 + i * each + j);
                            happy_path(world, &mut a, &mut b, &msg, &mut Log::new(false)).message_id
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        clients
            .into_iter()
            .flat_map(|c| c.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    assert_eq!(ids.len(), threads * each);
    assert_eq!(
        ids.iter().collect::<BTreeSet<_>>().len(),
        ids.len(),
        "distinct Message-IDs"
    );
    assert_eq!(
        world.mailbox.len(),
        mails + ids.len(),
        "one mail per message"
    );
    log.step(
        started,
        format_args!(
            "     {} messages from {threads} client threads at once: each delivered intact",
            ids.len()
        ),
    );
}
