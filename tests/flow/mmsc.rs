//! A small MMSC: the MM1 interface over HTTP on 127.0.0.1 (a port the OS picks), pushes to
//! phones through the in-process SMSC, and e-mail recipients through the mailbox.
//!
//! What it answers (the PDUs are those of OMA MMS Encapsulation §6; the HTTP statuses are this
//! MMSC's choice where the specifications leave them open):
//!
//! | request | answer |
//! |---|---|
//! | `POST /mms`, m-send-req that decodes, validates and whose body is whole | 200, m-send-conf Ok with a Message-ID; stored, recipients notified |
//! | the same, failing validation, cut or broken after its Transaction-ID | 200, m-send-conf Error-permanent-message-format-corrupt with the reason; nothing stored |
//! | m-notifyresp-ind, m-acknowledge-ind, m-read-rec-ind of a known transaction/message | 204; a repeated one changes nothing |
//! | ... of an unknown transaction or message | 404 |
//! | an m-read-rec-ind from someone the message was not sent to | 403 |
//! | a body shorter than its Content-Length, not an MMS PDU, or a PDU this MMSC does not take | 400 |
//! | a Content-Type other than `application/vnd.wap.mms-message` | 415 |
//! | a body over 64 MiB | 413 |
//! | `GET /mms/<id>` of a stored message | 200, the m-retrieve-conf (always with Content-Length) |
//! | `GET` of anything else | 404, an m-retrieve-conf with Retrieve-Status Error-permanent-message-not-found |
//!
//! It never panics on what a client sends: every failure is an answer. The m-delivery-ind and
//! m-read-orig-ind for the sender are pushed before the request that caused them is answered,
//! so a phone that has its answer also has the push in its SMS inbox.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{self, Read};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use mms_pdu::assigned::{
    MessageClass, MessageType, MmsVersion, ResponseStatus, RetrieveStatus, Status, WellKnownMedia,
    YesNo,
};
use mms_pdu::codec::{DateValue, Encode, EncodedString, IntegerValue, TextString};
use mms_pdu::mms::address::ParsedAddress;
use mms_pdu::mms::validate::validate;
use mms_pdu::mms::views::{
    AcknowledgeInd, DeliveryInd, NotificationInd, NotifyRespInd, ReadOrigInd, ReadRecInd,
    RetrieveConf, SendConf, SendReq,
};
use mms_pdu::mms::{
    Address, ContentLocationValue, FromValue, HeaderWalk, MessageClassValue, MmsHeader, Pdu,
    ResponseStatusValue, ResponseTextValue, TimeValue,
};
use mms_pdu::sms::{SegmentOptions, segments_for_push};
use mms_pdu::wsp::{ContentType, PushBuilder, multipart};
use mms_pdu::{DecodeOptions, DiagnosticKind, Message};
use tiny_http::{Header, Method, Request, Response, Server, StatusCode};

use super::mailbox::{Mailbox, from_email, to_email};
use super::phone::{MMS_CONTENT_TYPE, Smsc};

/// The MMS version of every PDU the MMSC writes.
const VERSION: MmsVersion = MmsVersion::V1_2;
/// The number the MMSC's pushes come from.
const ORIGINATOR: &str = "+41794999000";
/// HTTP worker threads.
const WORKERS: usize = 4;
/// How often a worker looks at the stop flag.
const POLL: Duration = Duration::from_millis(20);
/// The largest request body taken.
const MAX_REQUEST: usize = 64 * 1024 * 1024;
/// How long a message waits for retrieval (X-Mms-Expiry, relative).
const EXPIRY: u64 = 7 * 24 * 3600;

/// A message as A sent it, and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stored {
    /// The m-send-req octets exactly as received.
    send_req: Arc<[u8]>,
    sender: String,
    /// The sender's number, where pushes for the sender go.
    sender_number: String,
    delivery_report: bool,
    read_report: bool,
    recipients: Vec<String>,
    /// Recipients whose read report was passed on (once each).
    read_reported: BTreeSet<String>,
}

/// One phone recipient's copy of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Delivery {
    message_id: String,
    recipient: String,
    notification_tid: String,
    retrieve_tid: String,
    /// The m-retrieve-conf served for the GET, built once (its size is in the notification).
    retrieve_conf: Arc<[u8]>,
    /// The last X-Mms-Status the phone reported.
    status: Option<Status>,
    acknowledged: bool,
    /// Whether the m-delivery-ind went out.
    reported: bool,
}

impl Delivery {
    /// Retrieved or Rejected: later notify-resps do not change it.
    fn settled(&self) -> bool {
        matches!(self.status, Some(Status::RETRIEVED | Status::REJECTED))
    }
}

#[derive(Debug, Default)]
struct Store {
    messages: BTreeMap<String, Stored>,
    /// By Content-Location id.
    deliveries: BTreeMap<String, Delivery>,
    /// Notification and retrieve-conf Transaction-IDs → Content-Location id.
    transactions: HashMap<String, String>,
}

/// Everything the MMSC holds, to compare before and after faults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Snapshot {
    messages: BTreeMap<String, Stored>,
    deliveries: BTreeMap<String, Delivery>,
    mails: usize,
}

impl Snapshot {
    /// Messages stored.
    pub(crate) fn messages(&self) -> usize {
        self.messages.len()
    }
}

/// GETs served to the end, and GETs whose client went away before the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Downloads {
    pub(crate) completed: u64,
    pub(crate) aborted: u64,
}

struct State {
    url: String,
    smsc: Arc<Smsc>,
    mailbox: Arc<Mailbox>,
    store: Mutex<Store>,
    messages: AtomicU64,
    push_tid: AtomicU8,
    sms_reference: AtomicU8,
    completed: AtomicU64,
    aborted: AtomicU64,
}

impl State {
    fn lock(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The running MMSC. Dropping it stops it.
pub(crate) struct Mmsc {
    addr: SocketAddr,
    state: Arc<State>,
    stop: Arc<AtomicBool>,
    workers: Vec<JoinHandle<()>>,
}

impl Mmsc {
    /// Binds 127.0.0.1 on a port the OS picks and starts serving.
    pub(crate) fn start(smsc: Arc<Smsc>, mailbox: Arc<Mailbox>) -> Mmsc {
        let server = Server::http("127.0.0.1:0").expect("binds 127.0.0.1");
        let addr = server
            .server_addr()
            .to_ip()
            .expect("listens on an IP address");
        assert!(addr.ip().is_loopback());
        let server = Arc::new(server);
        let state = Arc::new(State {
            url: format!("http://{addr}"),
            smsc,
            mailbox,
            store: Mutex::default(),
            messages: AtomicU64::new(0),
            push_tid: AtomicU8::new(0),
            sms_reference: AtomicU8::new(0),
            completed: AtomicU64::new(0),
            aborted: AtomicU64::new(0),
        });
        let stop = Arc::new(AtomicBool::new(false));
        let workers = (0..WORKERS)
            .map(|_| {
                let (server, state, stop) = (server.clone(), state.clone(), stop.clone());
                thread::spawn(move || {
                    while !stop.load(Ordering::SeqCst) {
                        match server.recv_timeout(POLL) {
                            Ok(Some(request)) => serve(&state, request),
                            Ok(None) => {}
                            Err(_) => break,
                        }
                    }
                })
            })
            .collect();
        Mmsc {
            addr,
            state,
            stop,
            workers,
        }
    }

    /// The base URL, `http://127.0.0.1:PORT`.
    pub(crate) fn url(&self) -> &str {
        &self.state.url
    }

    /// The listening address.
    pub(crate) fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The m-send-req stored under `message_id`, as received.
    pub(crate) fn stored(&self, message_id: &str) -> Option<Arc<[u8]>> {
        let store = self.state.lock();
        store.messages.get(message_id).map(|m| m.send_req.clone())
    }

    /// What the MMSC holds now.
    pub(crate) fn snapshot(&self) -> Snapshot {
        let store = self.state.lock();
        Snapshot {
            messages: store.messages.clone(),
            deliveries: store.deliveries.clone(),
            mails: self.state.mailbox.len(),
        }
    }

    /// The GETs of stored messages so far.
    pub(crate) fn downloads(&self) -> Downloads {
        Downloads {
            completed: self.state.completed.load(Ordering::SeqCst),
            aborted: self.state.aborted.load(Ordering::SeqCst),
        }
    }

    /// An e-mail for phone users (MM4 in): converted by [`from_email`] and routed like an
    /// m-send-req. The Message-ID it got, or why it was refused.
    #[cfg_attr(not(test), allow(dead_code))] // only the e-mail test (step 4) sends mail in
    pub(crate) fn receive_email(&self, mail: &[u8]) -> Result<String, String> {
        let wire = from_email(mail);
        match mms_pdu::decode(&wire) {
            Ok(Message::Pdu(pdu)) if pdu.message_type() == Some(MessageType::SEND_REQ) => {
                accept(&self.state, &wire, &pdu, Via::Mail)
                    .map_err(|(status, why)| format!("{status:?}: {why}"))
            }
            Ok(_) => Err("the mail did not convert to an m-send-req".to_owned()),
            Err(e) => Err(format!("the mail did not convert to an MMS PDU: {e}")),
        }
    }

    /// Stops the workers (each within [`POLL`]) and checks that none of them panicked.
    pub(crate) fn stop(mut self) {
        assert_eq!(self.shutdown(), 0, "an MMSC worker panicked");
    }

    /// Stops the workers; how many had panicked.
    fn shutdown(&mut self) -> usize {
        self.stop.store(true, Ordering::SeqCst);
        self.workers
            .drain(..)
            .map(JoinHandle::join)
            .filter(Result::is_err)
            .count()
    }
}

impl Drop for Mmsc {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// An answer that is not a download.
struct Reply {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
}

impl Reply {
    fn mms(status: u16, pdu: Vec<u8>) -> Reply {
        Reply {
            status,
            content_type: MMS_CONTENT_TYPE,
            body: pdu,
        }
    }

    fn text(status: u16, text: impl Into<String>) -> Reply {
        Reply {
            status,
            content_type: "text/plain; charset=utf-8",
            body: text.into().into_bytes(),
        }
    }

    fn done() -> Reply {
        Reply {
            status: 204,
            content_type: "",
            body: Vec::new(),
        }
    }
}

fn serve(state: &Arc<State>, mut request: Request) {
    let path = request.url().to_owned();
    let reply = match (request.method(), path.as_str()) {
        (Method::Post, "/mms") => post(state, &mut request),
        (Method::Get, path) => match path.strip_prefix("/mms/").map(|id| download(state, id)) {
            Some(Some(download)) => {
                let len = download.data.len();
                let response = Response::new(
                    StatusCode(200),
                    vec![content_type(MMS_CONTENT_TYPE)],
                    download,
                    Some(len),
                    None,
                )
                // A phone sizes its buffer from Content-Length: never chunked.
                .with_chunked_threshold(usize::MAX);
                // A client that went away is counted by the download itself.
                let _ = request.respond(response);
                return;
            }
            _ => not_found(),
        },
        (Method::Post, _) => Reply::text(404, "POST to /mms"),
        _ => Reply::text(405, "GET or POST"),
    };
    let mut response = Response::from_data(reply.body).with_status_code(StatusCode(reply.status));
    if !reply.content_type.is_empty() {
        response.add_header(content_type(reply.content_type));
    }
    let _ = request.respond(response);
}

fn content_type(value: &str) -> Header {
    Header::from_bytes("Content-Type", value).unwrap_or_else(|()| unreachable!("a valid header"))
}

fn post(state: &State, request: &mut Request) -> Reply {
    let is_mms = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Content-Type"))
        .is_some_and(|h| {
            let media = h.value.as_str().split(';').next().unwrap_or_default();
            media.trim().eq_ignore_ascii_case(MMS_CONTENT_TYPE)
        });
    if !is_mms {
        return Reply::text(415, format!("Content-Type must be {MMS_CONTENT_TYPE}"));
    }
    let declared = request.body_length();
    if declared.is_some_and(|n| n > MAX_REQUEST) {
        return Reply::text(413, "too large");
    }
    let mut body = Vec::new();
    let limit = u64::try_from(MAX_REQUEST).unwrap_or(u64::MAX);
    if let Err(e) = request.as_reader().take(limit).read_to_end(&mut body) {
        return Reply::text(400, format!("body unreadable: {e}"));
    }
    match declared {
        Some(n) if n != body.len() => {
            return Reply::text(400, format!("body cut: {} of {n} octets", body.len()));
        }
        _ => {}
    }
    match mms_pdu::decode(&body) {
        Ok(Message::Pdu(pdu)) => dispatch(state, &body, &pdu),
        Ok(Message::Push(_)) => Reply::text(400, "a WAP push, not an MMS PDU"),
        // An m-send-req cut or broken after its Transaction-ID still gets its m-send-conf.
        Err(e) => match send_req_transaction_id(&body) {
            Some(tid) => send_conf(
                tid,
                ResponseStatus::ERROR_PERMANENT_MESSAGE_FORMAT_CORRUPT,
                Some(&format!("does not decode: {e}")),
                None,
            ),
            None => Reply::text(400, format!("not an MMS PDU: {e}")),
        },
    }
}

/// The Transaction-ID of what starts as an m-send-req, read header by header up to the first
/// one that does not decode.
fn send_req_transaction_id(wire: &[u8]) -> Option<TextString<'_>> {
    let mut walk = HeaderWalk::new(wire).map_while(Result::ok);
    let first = walk.next()?;
    if first.header != MmsHeader::MessageType(MessageType::SEND_REQ) {
        return None;
    }
    walk.find_map(|field| match field.header {
        MmsHeader::TransactionId(tid) => Some(tid),
        _ => None,
    })
}

fn dispatch(state: &State, wire: &[u8], pdu: &Pdu<'_>) -> Reply {
    match pdu.message_type() {
        Some(MessageType::SEND_REQ) => send_req(state, wire, pdu),
        Some(MessageType::NOTIFYRESP_IND) => notify_resp(state, pdu),
        Some(MessageType::ACKNOWLEDGE_IND) => acknowledge(state, pdu),
        Some(MessageType::READ_REC_IND) => read_rec(state, pdu),
        Some(other) => Reply::text(400, format!("this MMSC does not take {other:?}")),
        None => Reply::text(400, "no X-Mms-Message-Type"),
    }
}

fn send_req(state: &State, wire: &[u8], pdu: &Pdu<'_>) -> Reply {
    // Without a Transaction-ID there is no m-send-conf to pair with the request.
    let Some(tid) = pdu.transaction_id() else {
        return Reply::text(400, "m-send-req without X-Mms-Transaction-Id");
    };
    match accept(state, wire, pdu, Via::Phone) {
        Ok(id) => send_conf(tid, ResponseStatus::OK, None, Some(&id)),
        Err((status, why)) => send_conf(tid, status, Some(&why), None),
    }
}

/// The m-send-conf answering the m-send-req `tid`.
fn send_conf(
    tid: TextString<'_>,
    status: ResponseStatus,
    text: Option<&str>,
    message_id: Option<&str>,
) -> Reply {
    let mut conf = SendConf::build(tid, ResponseStatusValue::Plain(status)).version(VERSION);
    if let Some(text) = text {
        conf = conf.response_text(ResponseTextValue::Plain(EncodedString::plain(
            text.as_bytes(),
        )));
    }
    if let Some(id) = message_id {
        conf = conf.message_id(TextString::new(id.as_bytes()));
    }
    match conf.build().and_then(|p| p.encode_to_vec()) {
        Ok(wire) => Reply::mms(200, wire),
        Err(e) => Reply::text(500, format!("m-send-conf: {e}")),
    }
}

/// Why an m-send-req was refused: its m-send-conf's status and text.
type Refusal = (ResponseStatus, String);

/// A push on its way to a phone: the number and the SMS user data.
type Outgoing = (String, Vec<Vec<u8>>);

/// Checks, stores and routes one m-send-req: its Message-ID, or the status and reason of the
/// refusal. Everything that can fail happens before anything is stored.
/// Where an m-send-req came from: a phone's POST, or an e-mail converted at the MM4 side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Via {
    Phone,
    Mail,
}

fn accept(state: &State, wire: &[u8], pdu: &Pdu<'_>, via: Via) -> Result<String, Refusal> {
    let corrupt = |why: String| (ResponseStatus::ERROR_PERMANENT_MESSAGE_FORMAT_CORRUPT, why);
    if let Some(problem) = validate(pdu).first() {
        return Err(corrupt(problem.to_string()));
    }
    check_body(pdu).map_err(corrupt)?;
    let send = SendReq::try_from(pdu).map_err(|e| corrupt(e.to_string()))?;
    let sender = match send.from().as_ref().and_then(FromValue::as_address) {
        Some(a) => *a,
        // No gateway here tells the MMSC who is sending.
        None => {
            return Err((
                ResponseStatus::ERROR_PERMANENT_SENDING_ADDRESS_UNRESOLVED,
                "From is Insert-address".to_owned(),
            ));
        }
    };
    // A phone sends from its number; mail comes in from an e-mail address, and its reports
    // would go back by mail, which this MMSC does not send.
    let sender_number = match (sender.parsed(), via) {
        (ParsedAddress::Phone(number), _) => Some(number),
        (ParsedAddress::Email(_), Via::Mail) => None,
        _ => {
            return Err((
                ResponseStatus::ERROR_PERMANENT_SENDING_ADDRESS_UNRESOLVED,
                "the sender is not a phone number".to_owned(),
            ));
        }
    };
    let internal = |e: String| (ResponseStatus::ERROR_PERMANENT_FAILURE, e);

    let n = state.messages.fetch_add(1, Ordering::SeqCst) + 1;
    let message_id = format!("msg-{n:06}");
    let date = send.date().map_or_else(now, |d| d.value);
    let mut recipients = Vec::new();
    let mut deliveries = Vec::new();
    let mut mails = Vec::new();
    for rcpt in send.to().chain(send.cc()).chain(send.bcc()) {
        let text = lossy(rcpt.as_bytes());
        match rcpt.parsed() {
            ParsedAddress::Phone(number) => {
                let k = deliveries.len();
                let location_id = format!("{message_id}-{k}");
                let location = format!("{}/mms/{location_id}", state.url);
                let delivery = Delivery {
                    message_id: message_id.clone(),
                    recipient: text.clone(),
                    notification_tid: format!("n{n}-{k}"),
                    retrieve_tid: format!("r{n}-{k}"),
                    retrieve_conf: Arc::from(
                        retrieve_conf(&send, &message_id, Some(&format!("r{n}-{k}")), date)
                            .map_err(internal)?,
                    ),
                    status: None,
                    acknowledged: false,
                    reported: false,
                };
                let sms = notification(state, &send, &delivery, &location).map_err(internal)?;
                deliveries.push((location_id, delivery, lossy(number), sms));
            }
            ParsedAddress::Email(_) => mails.push(text.clone()),
            // Short codes, IP addresses: not served here; the other recipients still are.
            _ => {}
        }
        recipients.push(text);
    }
    let mail = if mails.is_empty() {
        Vec::new()
    } else {
        to_email(&retrieve_conf(&send, &message_id, None, date).map_err(internal)?)
            .map_err(internal)?
    };

    let stored = Stored {
        send_req: Arc::from(wire),
        sender: lossy(sender.as_bytes()),
        sender_number: sender_number.map(lossy).unwrap_or_default(),
        delivery_report: sender_number.is_some() && send.delivery_report() == Some(YesNo::YES),
        read_report: sender_number.is_some() && send.read_report() == Some(YesNo::YES),
        recipients,
        read_reported: BTreeSet::new(),
    };
    let mut pushes = Vec::new();
    {
        let mut store = state.lock();
        store.messages.insert(message_id.clone(), stored);
        for (location_id, delivery, number, sms) in deliveries {
            store
                .transactions
                .insert(delivery.notification_tid.clone(), location_id.clone());
            store
                .transactions
                .insert(delivery.retrieve_tid.clone(), location_id.clone());
            store.deliveries.insert(location_id, delivery);
            pushes.push((number, sms));
        }
    }
    for (number, sms) in pushes {
        state.smsc.submit(ORIGINATOR, &number, sms);
    }
    for rcpt in mails {
        state.mailbox.deliver(&rcpt, mail.clone());
    }
    Ok(message_id)
}

/// A multipart body must be whole: every entry decodes and the count matches nEntries (a body
/// cut between two entries decodes leniently, with the mismatch as a diagnostic).
fn check_body(pdu: &Pdu<'_>) -> Result<(), String> {
    let multipart = pdu.content_type().is_some_and(|ct| ct.is_multipart());
    if !multipart {
        return Ok(());
    }
    let body = pdu.body().unwrap_or_default();
    let (mp, diagnostics) =
        multipart::decode(body, &DecodeOptions::new()).map_err(|e| format!("body: {e}"))?;
    if mp.declared_count().is_none() {
        return Err("a multipart Content-Type with no body".to_owned());
    }
    match diagnostics
        .iter()
        .find(|d| matches!(d.kind, DiagnosticKind::PartCountMismatch { .. }))
    {
        Some(d) => Err(format!("body: {d}")),
        None => Ok(()),
    }
}

/// The m-retrieve-conf for a stored m-send-req: its sender, recipients (not Bcc), subject,
/// class, priority, report requests, content type and body, with the MMSC's Message-ID and
/// Date. `tid` asks the phone for an m-acknowledge-ind.
fn retrieve_conf(
    send: &SendReq<'_, '_>,
    message_id: &str,
    tid: Option<&str>,
    date: u64,
) -> Result<Vec<u8>, String> {
    let content_type = send.content_type().ok_or("no Content-Type")?;
    let mut conf = RetrieveConf::build(DateValue::new(date), content_type)
        .version(VERSION)
        .message_id(TextString::new(message_id.as_bytes()));
    if let Some(tid) = tid {
        conf = conf.transaction_id(TextString::new(tid.as_bytes()));
    }
    if let Some(from) = send.from() {
        conf = conf.from(from);
    }
    for to in send.to() {
        conf = conf.to(to);
    }
    for cc in send.cc() {
        conf = conf.cc(cc);
    }
    if let Some(subject) = send.subject() {
        conf = conf.subject(subject);
    }
    if let Some(class) = send.message_class() {
        conf = conf.message_class(class);
    }
    if let Some(priority) = send.priority() {
        conf = conf.priority(priority);
    }
    if let Some(report) = send.delivery_report() {
        conf = conf.delivery_report(report);
    }
    if let Some(report) = send.read_report() {
        conf = conf.read_report(report);
    }
    if let Some(body) = send.body() {
        conf = conf.body_octets(body);
    }
    conf.build()
        .and_then(|p| p.encode_to_vec())
        .map_err(|e| format!("m-retrieve-conf: {e}"))
}

/// The SMS carrying the m-notification-ind of `delivery`.
fn notification(
    state: &State,
    send: &SendReq<'_, '_>,
    delivery: &Delivery,
    location: &str,
) -> Result<Vec<Vec<u8>>, String> {
    let class = send
        .message_class()
        .unwrap_or(MessageClassValue::Class(MessageClass::PERSONAL));
    let size = u64::try_from(delivery.retrieve_conf.len()).unwrap_or(u64::MAX);
    let mut ind = NotificationInd::build(
        TextString::new(delivery.notification_tid.as_bytes()),
        class,
        IntegerValue::new(size),
        TimeValue::relative(EXPIRY),
        ContentLocationValue::uri(location.as_bytes()),
    )
    .version(VERSION);
    if let Some(from) = send.from() {
        ind = ind.from(from);
    }
    if let Some(subject) = send.subject() {
        ind = ind.subject(subject);
    }
    if let Some(report) = send.delivery_report() {
        ind = ind.delivery_report(report);
    }
    let pdu = ind
        .build()
        .map_err(|e| format!("m-notification-ind: {e}"))?;
    push_sms(state, &pdu)
}

/// `pdu` in a WAP push, split into SMS user data.
fn push_sms(state: &State, pdu: &Pdu<'_>) -> Result<Vec<Vec<u8>>, String> {
    let tid = state.push_tid.fetch_add(1, Ordering::SeqCst);
    let reference = state.sms_reference.fetch_add(1, Ordering::SeqCst);
    segments_for_push(
        &PushBuilder::pdu(pdu).tid(tid),
        &SegmentOptions::wap_push(reference),
    )
    .map_err(|e| format!("push: {e}"))
}

fn notify_resp(state: &State, pdu: &Pdu<'_>) -> Reply {
    if let Some(problem) = validate(pdu).first() {
        return Reply::text(400, problem.to_string());
    }
    let Ok(resp) = NotifyRespInd::try_from(pdu) else {
        return Reply::text(400, "not an m-notifyresp-ind");
    };
    let (Some(tid), Some(status)) = (resp.transaction_id(), resp.status()) else {
        return Reply::text(400, "no Transaction-ID or Status");
    };
    let allowed = resp.report_allowed() != Some(YesNo::NO);
    let tid = lossy(tid.bytes);
    let report = {
        let mut store = state.lock();
        let Store {
            messages,
            deliveries,
            transactions,
        } = &mut *store;
        let Some(delivery) = transactions
            .get(&tid)
            .and_then(|id| deliveries.get_mut(id))
            .filter(|d| d.notification_tid == tid)
        else {
            return Reply::text(404, format!("no notification {tid}"));
        };
        if delivery.settled() || delivery.acknowledged {
            None
        } else {
            delivery.status = Some(status);
            (status == Status::RETRIEVED)
                .then(|| delivery_report(state, messages, delivery, allowed))
                .flatten()
        }
    };
    send_report(state, report)
}

fn acknowledge(state: &State, pdu: &Pdu<'_>) -> Reply {
    if let Some(problem) = validate(pdu).first() {
        return Reply::text(400, problem.to_string());
    }
    let Ok(ack) = AcknowledgeInd::try_from(pdu) else {
        return Reply::text(400, "not an m-acknowledge-ind");
    };
    let Some(tid) = ack.transaction_id() else {
        return Reply::text(400, "no Transaction-ID");
    };
    let allowed = ack.report_allowed() != Some(YesNo::NO);
    let tid = lossy(tid.bytes);
    let report = {
        let mut store = state.lock();
        let Store {
            messages,
            deliveries,
            transactions,
        } = &mut *store;
        let Some(delivery) = transactions
            .get(&tid)
            .and_then(|id| deliveries.get_mut(id))
            .filter(|d| d.retrieve_tid == tid)
        else {
            return Reply::text(404, format!("no retrieval {tid}"));
        };
        if delivery.acknowledged {
            None
        } else {
            delivery.acknowledged = true;
            delivery.status = Some(Status::RETRIEVED);
            delivery_report(state, messages, delivery, allowed)
        }
    };
    send_report(state, report)
}

/// The m-delivery-ind for the sender, once per delivery, when the sender asked for it and
/// the recipient allows it: the sender's number and the SMS.
fn delivery_report(
    state: &State,
    messages: &BTreeMap<String, Stored>,
    delivery: &mut Delivery,
    allowed: bool,
) -> Option<Result<Outgoing, String>> {
    let message = messages.get(&delivery.message_id)?;
    if delivery.reported || !message.delivery_report || !allowed {
        return None;
    }
    delivery.reported = true;
    let ind = DeliveryInd::build(
        TextString::new(delivery.message_id.as_bytes()),
        Address::new(delivery.recipient.as_bytes()),
        DateValue::new(now()),
        Status::RETRIEVED,
    )
    .version(VERSION)
    .build()
    .map_err(|e| format!("m-delivery-ind: {e}"));
    Some(ind.and_then(|pdu| Ok((message.sender_number.clone(), push_sms(state, &pdu)?))))
}

fn send_report(state: &State, report: Option<Result<Outgoing, String>>) -> Reply {
    match report {
        Some(Ok((number, sms))) => {
            state.smsc.submit(ORIGINATOR, &number, sms);
            Reply::done()
        }
        Some(Err(e)) => Reply::text(500, e),
        None => Reply::done(),
    }
}

fn read_rec(state: &State, pdu: &Pdu<'_>) -> Reply {
    if let Some(problem) = validate(pdu).first() {
        return Reply::text(400, problem.to_string());
    }
    let Ok(rec) = ReadRecInd::try_from(pdu) else {
        return Reply::text(400, "not an m-read-rec-ind");
    };
    let (Some(message_id), Some(reader), Some(read_status)) = (
        rec.message_id(),
        rec.from().as_ref().and_then(FromValue::as_address).copied(),
        rec.read_status(),
    ) else {
        return Reply::text(400, "no Message-ID, From address or Read-Status");
    };
    let message_id = lossy(message_id.bytes);
    let reader = lossy(reader.as_bytes());
    let report = {
        let mut store = state.lock();
        let Some(message) = store.messages.get_mut(&message_id) else {
            return Reply::text(404, format!("no message {message_id}"));
        };
        if !message.recipients.contains(&reader) {
            return Reply::text(403, format!("{reader} is not a recipient of {message_id}"));
        }
        if !message.read_report || !message.read_reported.insert(reader.clone()) {
            None
        } else {
            let ind = ReadOrigInd::build(
                TextString::new(message_id.as_bytes()),
                Address::new(message.sender.as_bytes()),
                FromValue::address(Address::new(reader.as_bytes())),
                DateValue::new(now()),
                read_status,
            )
            .version(VERSION)
            .build()
            .map_err(|e| format!("m-read-orig-ind: {e}"));
            let sms = ind.and_then(|pdu| push_sms(state, &pdu));
            Some(sms.map(|sms| (message.sender_number.clone(), sms)))
        }
    };
    send_report(state, report)
}

/// The body of a GET, counting how far the client took it.
struct Download {
    data: Arc<[u8]>,
    sent: usize,
    state: Arc<State>,
}

impl Read for Download {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let rest = self.data.get(self.sent..).unwrap_or_default();
        let n = rest.len().min(buf.len());
        buf.get_mut(..n)
            .unwrap_or_default()
            .copy_from_slice(rest.get(..n).unwrap_or_default());
        self.sent += n;
        Ok(n)
    }
}

impl Drop for Download {
    fn drop(&mut self) {
        // The server stops reading a body once writing to the client fails.
        let counter = if self.sent == self.data.len() {
            &self.state.completed
        } else {
            &self.state.aborted
        };
        counter.fetch_add(1, Ordering::SeqCst);
    }
}

fn download(state: &Arc<State>, location_id: &str) -> Option<Download> {
    let data = state
        .lock()
        .deliveries
        .get(location_id)
        .map(|d| d.retrieve_conf.clone())?;
    Some(Download {
        data,
        sent: 0,
        state: state.clone(),
    })
}

/// The answer to a GET of nothing stored: 404 for HTTP, Retrieve-Status for MMS.
fn not_found() -> Reply {
    let text = b"no message at this location";
    let conf = RetrieveConf::build(
        DateValue::new(now()),
        ContentType::well_known(WellKnownMedia::TEXT_PLAIN),
    )
    .version(VERSION)
    .retrieve_status(RetrieveStatus::ERROR_PERMANENT_MESSAGE_NOT_FOUND)
    .retrieve_text(EncodedString::plain(text))
    .body_octets(text)
    .build()
    .and_then(|p| p.encode_to_vec());
    match conf {
        Ok(wire) => Reply::mms(404, wire),
        Err(e) => Reply::text(500, format!("m-retrieve-conf: {e}")),
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
