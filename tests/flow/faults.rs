//! Step 5 of the flow: the faults the MMSC must survive, each checked for its HTTP or MMS
//! status, with what the MMSC holds compared before and after.

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::thread;
use std::time::{Duration, Instant};

use mms_pdu::assigned::{MessageType, ResponseStatus, RetrieveStatus, Status, WellKnownMedia};
use mms_pdu::codec::{Encode, EncodedString, TextString, Version};
use mms_pdu::mms::{Address, FromValue, HeaderWalk, MmsHeader, Pdu, ResponseTextValue};
use mms_pdu::wsp::ContentType;

use super::mmsc::Downloads;
use super::phone::{MMS_CONTENT_TYPE, Phone};
use super::scenario::{
    Composed, EMAIL, Log, Notified, Sent, VERSION, WAIT, World, acknowledge, acknowledge_ind,
    assert_clean, bare_pdu, confirm, happy_path, lossy, notified, notify_resp, retrieve, send,
};

/// Step 5: the faults the MMSC must survive. Each gets its HTTP or MMS status; what the MMSC
/// holds is the same before and after; a message whose download was cut still arrives whole,
/// and a last round of the happy path passes.
pub(crate) fn faults(world: &World, a: &mut Phone, b: &mut Phone, log: &mut Log) {
    // What is stored while the faults happen: one message delivered, one (16 MiB) waiting.
    let small = Composed::postcard(100);
    let sent = send(world, a, &[b.address(), EMAIL], &small, log);
    let n = notified(world, b, a.address(), &small, log);
    let retrieve_tid = retrieve(b, &n, &sent, a.address(), &small, log);
    confirm(b, a, &n, &sent, log);
    acknowledge(b, a, &retrieve_tid, log);
    let big = Composed::postcard(101).with_photo(16 * 1024 * 1024);
    let big_sent = send(world, a, &[b.address()], &big, log);
    let big_n = notified(world, b, a.address(), &big, log);
    let before = world.mmsc.snapshot();
    let downloads = world.mmsc.downloads();

    cut_http_body(world, &sent.wire, log);
    cut_pdus(world, a, &sent, log);
    invalid_send_req(world, a, log);
    not_mms(a, &big_n.push, log);
    unknown_location(world, b, log);
    repeated_confirmations(a, b, &n, &retrieve_tid, log);
    interrupted_download(world, &big_n, downloads, log);
    assert!(
        world.mmsc.snapshot() == before,
        "a fault changed what the MMSC holds"
    );

    // The message whose download was cut, whole; then a last round.
    let big_tid = retrieve(b, &big_n, &big_sent, a.address(), &big, log);
    confirm(b, a, &big_n, &big_sent, log);
    acknowledge(b, a, &big_tid, log);
    assert_eq!(world.mmsc.downloads().aborted, downloads.aborted + 1);
    happy_path(world, a, b, &Composed::postcard(102), log);
}

/// Writes `request` on a new connection to the MMSC, closes the writing side, and reads the
/// answer's status code (`None` when the connection closed without one).
fn raw_exchange(addr: SocketAddr, request: &[u8]) -> Option<u16> {
    assert!(addr.ip().is_loopback());
    let mut stream = TcpStream::connect_timeout(&addr, WAIT).unwrap();
    stream.set_read_timeout(Some(WAIT)).unwrap();
    stream.set_write_timeout(Some(WAIT)).unwrap();
    stream.write_all(request).unwrap();
    stream.shutdown(Shutdown::Write).unwrap();
    let mut answer = Vec::new();
    stream.take(1 << 20).read_to_end(&mut answer).unwrap();
    let line = lossy(&answer);
    let status = line.strip_prefix("HTTP/1.1 ")?.get(..3)?;
    Some(status.parse().unwrap())
}

/// 5: a POST whose body stops before its Content-Length (the client gave up half way):
/// 400, nothing stored.
fn cut_http_body(world: &World, wire: &[u8], log: &mut Log) {
    let started = Instant::now();
    // At most 1024 octets, tiny_http reads the body itself and drops the connection without
    // an answer; beyond, the MMSC sees the short body and says so.
    assert!(wire.len() > 1024);
    let mut request = format!(
        "POST /mms HTTP/1.1\r\nHost: {}\r\nContent-Type: {MMS_CONTENT_TYPE}\r\nContent-Length: {}\r\n\r\n",
        world.mmsc.addr(),
        wire.len()
    )
    .into_bytes();
    request.extend_from_slice(&wire[..wire.len() / 2]);
    assert_eq!(raw_exchange(world.mmsc.addr(), &request), Some(400));
    log.step(
        started,
        "5.   POST body cut before its Content-Length -> 400",
    );
}

/// 5: m-send-reqs cut short (every cut inside the headers, every 16th octet of the body and
/// every part boundary): none is stored; each one cut after its Transaction-ID gets an
/// m-send-conf with that Transaction-ID and Error-permanent-message-format-corrupt, each one
/// cut before gets 400 (there is nothing to pair an answer with).
fn cut_pdus(world: &World, a: &Phone, sent: &Sent, log: &mut Log) {
    let started = Instant::now();
    let original = bare_pdu(&sent.wire);
    let header_end = sent.wire.len() - original.body().unwrap().len();
    let tid = HeaderWalk::new(&sent.wire)
        .map(Result::unwrap)
        .find(|f| matches!(f.header, MmsHeader::TransactionId(_)))
        .unwrap();
    let tid_end = tid.offset + tid.raw.len();
    let MmsHeader::TransactionId(tid) = tid.header else {
        unreachable!()
    };
    let boundaries: Vec<usize> = original
        .multipart()
        .unwrap()
        .unwrap()
        .parts()
        .map(|p| p.unwrap().offset)
        .collect();
    let cuts: Vec<usize> = (1..sent.wire.len())
        .filter(|c| *c <= header_end || c % 16 == 0 || boundaries.contains(c))
        .collect();
    let messages = world.mmsc.snapshot().messages();
    let (mut bad_request, mut corrupt) = (0, 0);
    for &cut in &cuts {
        let reply = a.post(&sent.wire[..cut]);
        if cut < tid_end {
            assert_eq!(reply.status, 400, "cut at {cut}: {}", lossy(&reply.body));
            bad_request += 1;
            continue;
        }
        assert_eq!(reply.status, 200, "cut at {cut}: {}", lossy(&reply.body));
        let conf = bare_pdu(&reply.body);
        assert_eq!(conf.message_type(), Some(MessageType::SEND_CONF));
        assert_clean(&conf);
        assert_eq!(conf.transaction_id(), Some(tid), "cut at {cut}");
        assert_eq!(
            conf.response_status(),
            Some(ResponseStatus::ERROR_PERMANENT_MESSAGE_FORMAT_CORRUPT),
            "cut at {cut}"
        );
        assert!(conf.message_id().is_none());
        corrupt += 1;
    }
    assert!(bad_request > 0 && corrupt > 0);
    assert_eq!(
        world.mmsc.snapshot().messages(),
        messages,
        "no cut m-send-req stored"
    );
    log.step(
        started,
        format_args!(
            "5.   {} cut m-send-reqs -> {corrupt} x m-send-conf Error-permanent-message-format-corrupt, {bad_request} x 400 (cut inside the Transaction-ID)",
            cuts.len()
        ),
    );
}

/// Step 2: an m-send-req that decodes but fails validation (no recipient) gets an m-send-conf
/// Error-permanent-message-format-corrupt naming what is missing, and is not stored.
fn invalid_send_req(world: &World, a: &mut Phone, log: &mut Log) {
    let started = Instant::now();
    let tid = a.new_transaction_id();
    // The builders refuse such a PDU; a phone with a bug writes it anyway.
    let headers = vec![
        MmsHeader::MessageType(MessageType::SEND_REQ),
        MmsHeader::TransactionId(TextString::new(tid.as_bytes())),
        MmsHeader::MmsVersion(Version::Short(VERSION.get() & 0x7F)),
        MmsHeader::From(FromValue::address(Address::new(a.address().as_bytes()))),
        MmsHeader::Subject(EncodedString::plain(b"to nobody")),
        MmsHeader::ContentType(ContentType::well_known(WellKnownMedia::TEXT_PLAIN)),
    ];
    let wire = Pdu::new(headers, Some(b"hello")).encode_to_vec().unwrap();
    let messages = world.mmsc.snapshot().messages();
    let reply = a.post(&wire);
    assert_eq!(reply.status, 200, "{}", lossy(&reply.body));
    let conf = bare_pdu(&reply.body);
    assert_eq!(conf.message_type(), Some(MessageType::SEND_CONF));
    assert_eq!(conf.transaction_id().map(|t| t.bytes), Some(tid.as_bytes()));
    assert_eq!(
        conf.response_status(),
        Some(ResponseStatus::ERROR_PERMANENT_MESSAGE_FORMAT_CORRUPT)
    );
    let Some(ResponseTextValue::Plain(why)) = conf.response_text() else {
        panic!("an X-Mms-Response-Text")
    };
    assert!(lossy(why.as_bytes()).contains("To"), "{why:?}");
    assert_eq!(world.mmsc.snapshot().messages(), messages, "not stored");
    log.step(
        started,
        format_args!(
            "2.   m-send-req without recipients -> m-send-conf Error-permanent-message-format-corrupt ({})",
            lossy(why.as_bytes())
        ),
    );
}

/// 5: bodies that are not an MMS PDU: another Content-Type gets 415; the MMS Content-Type on
/// text, or on a WAP push, gets 400.
fn not_mms(a: &Phone, push: &[u8], log: &mut Log) {
    let started = Instant::now();
    let html = a.post_as("text/html", b"<html><body>hello</body></html>");
    assert_eq!(html.status, 415);
    assert_eq!(a.post(b"hello, MMSC").status, 400);
    assert_eq!(a.post(push).status, 400, "a WAP push is no m-send-req");
    assert_eq!(a.post(b"").status, 400);
    log.step(
        started,
        "5.   not MMS: text/html -> 415; text, a WAP push, nothing as MMS -> 400",
    );
}

/// 5: a GET of a Content-Location the MMSC never gave: 404, with an m-retrieve-conf whose
/// Retrieve-Status is Error-permanent-message-not-found.
fn unknown_location(world: &World, b: &Phone, log: &mut Log) {
    let started = Instant::now();
    let reply = b.get(&format!("{}/mms/msg-999999-0", world.mmsc.url()));
    assert_eq!(reply.status, 404);
    assert!(reply.is_mms());
    let conf = bare_pdu(&reply.body);
    assert_eq!(conf.message_type(), Some(MessageType::RETRIEVE_CONF));
    assert_clean(&conf);
    assert_eq!(
        conf.retrieve_status(),
        Some(RetrieveStatus::ERROR_PERMANENT_MESSAGE_NOT_FOUND)
    );
    log.step(
        started,
        "5.   GET of an unknown Content-Location -> 404, m-retrieve-conf Error-permanent-message-not-found",
    );
}

/// 5: the same m-notifyresp-ind and m-acknowledge-ind again: 204, and no second delivery
/// report; unknown transactions: 404.
fn repeated_confirmations(a: &Phone, b: &Phone, n: &Notified, retrieve_tid: &str, log: &mut Log) {
    let started = Instant::now();
    assert_eq!(b.post(&notify_resp(&n.tid, Status::RETRIEVED)).status, 204);
    assert_eq!(b.post(&notify_resp(&n.tid, Status::RETRIEVED)).status, 204);
    // A late Deferred does not undo the retrieval (the snapshot comparison checks it).
    assert_eq!(b.post(&notify_resp(&n.tid, Status::DEFERRED)).status, 204);
    assert_eq!(b.post(&acknowledge_ind(retrieve_tid)).status, 204);
    assert!(a.inbox_is_empty(), "no second m-delivery-ind");
    assert_eq!(
        b.post(&notify_resp("no-such-transaction", Status::RETRIEVED))
            .status,
        404
    );
    assert_eq!(b.post(&acknowledge_ind("no-such-transaction")).status, 404);
    // A notification's Transaction-ID is not the retrieval's.
    assert_eq!(b.post(&acknowledge_ind(&n.tid)).status, 404);
    log.step(
        started,
        "5.   repeated m-notifyresp-ind, m-acknowledge-ind -> 204, no second report; unknown -> 404",
    );
}

/// 5: a client that reads the first 64 KiB of the 16 MiB m-retrieve-conf and hangs up: the
/// MMSC counts the download as cut and keeps the message.
fn interrupted_download(world: &World, n: &Notified, before: Downloads, log: &mut Log) {
    let started = Instant::now();
    let addr = world.mmsc.addr();
    let path = n.location.strip_prefix(world.mmsc.url()).unwrap();
    let mut stream = TcpStream::connect_timeout(&addr, WAIT).unwrap();
    stream.set_read_timeout(Some(WAIT)).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut first = vec![0; 64 * 1024];
    stream.read_exact(&mut first).unwrap();
    assert!(first.starts_with(b"HTTP/1.1 200"));
    drop(stream);
    let deadline = Instant::now() + WAIT;
    while world.mmsc.downloads().aborted == before.aborted {
        assert!(
            Instant::now() < deadline,
            "the MMSC did not notice the hang-up"
        );
        thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(world.mmsc.downloads().completed, before.completed);
    log.step(
        started,
        format_args!(
            "5.   GET of {} octets, client gone after 64 KiB -> counted as cut, message kept",
            n.size
        ),
    );
}
