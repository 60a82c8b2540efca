//! PDU-level benchmarks (issue 7): decode per PDU type, decode plus walking every part's
//! headers, charset decoding apart from the structural decode, encode of builder output into a
//! reused `Vec`, streaming a 10 MiB part into `io::sink()` beside a plain memcpy of the same
//! bytes, `encoded_len` alone and `into_owned()`.
//!
//! Inputs are the crate's own samples (`samples/`) and PDUs made here with the crate's
//! builders; see `benches/README.md` for what each benchmark measures and the numbers.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(missing_docs)]

use std::hint::black_box;
use std::io;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use mms_pdu::assigned::{
    Charset, MessageClass, ReadStatus, ResponseStatus, Status, StoreStatus, WellKnownMedia,
};
use mms_pdu::codec::{DateValue, Encode, EncodedString, IntegerValue, TextString};
use mms_pdu::mms::views::{
    AcknowledgeInd, CancelConf, CancelReq, DeleteReq, DeliveryInd, ForwardConf, MboxStoreConf,
    NotificationInd, NotifyRespInd, ReadOrigInd, ReadRecInd, RetrieveConf, SendConf, SendReq,
};
use mms_pdu::mms::{
    Address, ContentLocationValue, FromValue, MessageClassValue, ResponseStatusValue, TimeValue,
};
use mms_pdu::wsp::{ContentType, MultipartBuilder, PartBuilder};
use mms_pdu::{DecodeOptions, Message, Pdu};

const MIB: usize = 1024 * 1024;
const NOTIFICATION: &[u8] = include_bytes!("../samples/m-notification-ind.mms");
const SEND_REQ: &[u8] = include_bytes!("../samples/m-send-req.mms");
const PUSH: &[u8] = include_bytes!("../samples/push-notification.wsp");
const PHONE: &[u8] = b"+15551234567/TYPE=PLMN";
const SMIL: &[u8] =
    b"<smil><body><par dur=\"5s\"><img src=\"i.jpg\"/><text src=\"t.txt\"/></par></body></smil>";

fn tid() -> TextString<'static> {
    TextString::new(b"T-20240101-0001")
}

fn from() -> FromValue<'static> {
    FromValue::address(Address::new(PHONE))
}

fn multipart_related() -> ContentType<'static> {
    ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_RELATED)
}

/// SMIL, text and an image part of `image` octets.
fn message_body(image: &[u8]) -> MultipartBuilder<'_> {
    message_body_with(PartBuilder::new(jpeg(), image))
}

fn jpeg() -> ContentType<'static> {
    ContentType::well_known(WellKnownMedia::IMAGE_JPEG).with_name(b"i.jpg")
}

/// SMIL, text and `image` (whose data may come from a slice or a reader).
fn message_body_with(image: PartBuilder<'_>) -> MultipartBuilder<'_> {
    let text = ContentType::well_known(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::UTF_8);
    MultipartBuilder::new()
        .part(
            PartBuilder::new(ContentType::text(b"application/smil"), SMIL)
                .content_id(b"<smil>")
                .content_location(b"smil.smil"),
        )
        .part(
            PartBuilder::new(text, "Grüße aus Berlin".as_bytes())
                .content_id(b"<t>")
                .content_location(b"t.txt"),
        )
        .part(image.content_id(b"<i>").content_location(b"i.jpg"))
}

/// A multipart whose second part is a nested multipart/alternative of two texts.
fn nested_body() -> MultipartBuilder<'static> {
    let plain = ContentType::well_known(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::UTF_8);
    let html = ContentType::text(b"text/html").with_charset(Charset::UTF_8);
    let alternative = MultipartBuilder::new()
        .part(PartBuilder::new(plain, b"Hello").content_id(b"<p>"))
        .part(PartBuilder::new(html, b"<p>Hello</p>").content_id(b"<h>"));
    MultipartBuilder::new()
        .part(PartBuilder::new(ContentType::text(b"application/smil"), SMIL).content_id(b"<smil>"))
        .part(
            PartBuilder::nested(
                ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_ALTERNATIVE),
                alternative,
            )
            .content_id(b"<alt>"),
        )
}

fn send_req<'a>(body: &'a [u8], subject: EncodedString<'a>) -> Pdu<'a> {
    SendReq::build(tid(), from(), multipart_related())
        .to(Address::new(PHONE))
        .to(Address::new(b"alice@example.com"))
        .subject(subject)
        .body(multipart_related(), body)
        .build()
        .unwrap()
}

fn retrieve_conf(body: &[u8]) -> Pdu<'_> {
    RetrieveConf::build(DateValue::new(1_700_000_000), multipart_related())
        .message_id(TextString::new(b"msg-0001@mmsc.example"))
        .from(from())
        .to(Address::new(PHONE))
        .subject(EncodedString::plain(b"Holiday pictures"))
        .message_class(MessageClassValue::Class(MessageClass::PERSONAL))
        .body(multipart_related(), body)
        .build()
        .unwrap()
}

/// Every PDU type without a body, built with the typed builders (mandatory fields plus the
/// usual optional ones).
fn header_only_pdus() -> Vec<(&'static str, Vec<u8>)> {
    let ok = ResponseStatusValue::Plain(ResponseStatus::OK);
    let loc = ContentLocationValue::uri(b"http://mmsc.example/m/0001");
    let msg_id = TextString::new(b"msg-0001@mmsc.example");
    let date = DateValue::new(1_700_000_000);
    let pdus = [
        (
            "m-send-conf",
            SendConf::build(tid(), ok).message_id(msg_id).build(),
        ),
        (
            "m-notification-ind",
            NotificationInd::build(
                tid(),
                MessageClassValue::Class(MessageClass::PERSONAL),
                IntegerValue::new(12345),
                TimeValue::relative(259_200),
                loc,
            )
            .from(from())
            .subject(EncodedString::plain(b"Holiday pictures"))
            .build(),
        ),
        (
            "m-notifyresp-ind",
            NotifyRespInd::build(tid(), Status::RETRIEVED).build(),
        ),
        ("m-acknowledge-ind", AcknowledgeInd::build(tid()).build()),
        (
            "m-delivery-ind",
            DeliveryInd::build(msg_id, Address::new(PHONE), date, Status::RETRIEVED).build(),
        ),
        (
            "m-read-rec-ind",
            ReadRecInd::build(msg_id, Address::new(PHONE), from(), ReadStatus::READ).build(),
        ),
        (
            "m-read-orig-ind",
            ReadOrigInd::build(msg_id, Address::new(PHONE), from(), date, ReadStatus::READ).build(),
        ),
        ("m-forward-conf", ForwardConf::build(tid(), ok).build()),
        (
            "m-mbox-store-conf",
            MboxStoreConf::build(tid(), StoreStatus::SUCCESS).build(),
        ),
        ("m-delete-req", DeleteReq::build(tid(), loc).build()),
        ("m-cancel-req", CancelReq::build(tid(), msg_id).build()),
        ("m-cancel-conf", CancelConf::build(tid()).build()),
    ];
    pdus.into_iter()
        .map(|(name, pdu)| (name, pdu.unwrap().encode_to_vec().unwrap()))
        .collect()
}

/// Decodes a PDU and walks every part's headers, nested multiparts included: what a client
/// does before showing a message. Returns a checksum so nothing is optimised away.
fn decode_and_walk(wire: &[u8]) -> usize {
    let pdu = Pdu::decode(wire).unwrap();
    let mut seen = pdu.headers().len();
    let Some(body) = pdu.multipart() else {
        return seen;
    };
    let mut stack = vec![body.unwrap()];
    while let Some(mp) = stack.pop() {
        for part in mp.parts() {
            let part = part.unwrap();
            seen += part
                .headers
                .iter()
                .map(|h| h.unwrap().offset)
                .sum::<usize>();
            if let Some(nested) = part.nested() {
                stack.push(nested.unwrap());
            }
        }
    }
    seen
}

fn decode(c: &mut Criterion) {
    let image_1m = vec![0xA5; MIB];
    let image_10m = vec![0xA5; 10 * MIB];
    let (body_1m, body_10m) = (
        message_body(&image_1m).encode_to_vec().unwrap(),
        message_body(&image_10m).encode_to_vec().unwrap(),
    );
    let small = message_body(b"\xFF\xD8\xFF\xE0 a small image")
        .encode_to_vec()
        .unwrap();
    let nested = nested_body().encode_to_vec().unwrap();
    let inputs: Vec<(&str, Vec<u8>)> = vec![
        ("sample/m-notification-ind", NOTIFICATION.to_vec()),
        ("sample/m-send-req", SEND_REQ.to_vec()),
        (
            "built/m-send-req-3-parts",
            send_req(&small, EncodedString::plain(b"Hi"))
                .encode_to_vec()
                .unwrap(),
        ),
        (
            "built/m-send-req-nested",
            send_req(&nested, EncodedString::plain(b"Hi"))
                .encode_to_vec()
                .unwrap(),
        ),
        (
            "built/m-retrieve-conf-1MiB",
            retrieve_conf(&body_1m).encode_to_vec().unwrap(),
        ),
        (
            "built/m-retrieve-conf-10MiB",
            retrieve_conf(&body_10m).encode_to_vec().unwrap(),
        ),
    ];

    let mut g = c.benchmark_group("decode");
    for (name, wire) in &inputs {
        g.throughput(Throughput::Bytes(wire.len() as u64));
        g.bench_function(*name, |b| b.iter(|| Pdu::decode(black_box(wire)).unwrap()));
    }
    g.throughput(Throughput::Bytes(PUSH.len() as u64));
    g.bench_function("sample/push-notification", |b| {
        b.iter(|| mms_pdu::decode(black_box(PUSH)).unwrap())
    });
    for (name, wire) in header_only_pdus() {
        g.throughput(Throughput::Bytes(wire.len() as u64));
        g.bench_function(format!("header-only/{name}"), |b| {
            b.iter(|| Pdu::decode(black_box(&wire)).unwrap())
        });
    }
    g.finish();

    let mut g = c.benchmark_group("decode-and-walk-parts");
    for (name, wire) in &inputs {
        g.throughput(Throughput::Bytes(wire.len() as u64));
        g.bench_function(*name, |b| b.iter(|| decode_and_walk(black_box(wire))));
    }
    g.finish();

    let mut g = c.benchmark_group("header-walk");
    g.throughput(Throughput::Bytes(NOTIFICATION.len() as u64));
    g.bench_function("sample/m-notification-ind", |b| {
        b.iter(|| {
            mms_pdu::mms::HeaderWalk::new(black_box(NOTIFICATION))
                .map(|f| f.unwrap().offset)
                .sum::<usize>()
        })
    });
    g.finish();
}

/// A Subject in UTF-16 and in ISO-8859-1: the structural decode, then the charset decode of
/// the already decoded value on its own.
fn subject_charsets(c: &mut Criterion) {
    let text = "Grüße aus Köln – Ausflug am Wochenende";
    let mut utf16 = vec![0xFE, 0xFF];
    utf16.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let latin1_text = "Grüße aus Köln, Ausflug am Wochenende";
    let latin1: Vec<u8> = latin1_text
        .chars()
        .map(|ch| u8::try_from(u32::from(ch)).unwrap())
        .collect();
    let cases = [
        (
            "utf-16",
            text,
            EncodedString::with_charset(Charset::UTF_16, &utf16),
        ),
        (
            "iso-8859-1",
            latin1_text,
            EncodedString::with_charset(Charset::ISO_8859_1, &latin1),
        ),
    ];
    let opts = DecodeOptions::new();
    let mut g = c.benchmark_group("subject");
    for (name, expected, subject) in cases {
        let wire = NotificationInd::build(
            tid(),
            MessageClassValue::Class(MessageClass::PERSONAL),
            IntegerValue::new(12345),
            TimeValue::relative(259_200),
            ContentLocationValue::uri(b"http://mmsc.example/m/0001"),
        )
        .subject(subject)
        .build()
        .unwrap()
        .encode_to_vec()
        .unwrap();
        g.throughput(Throughput::Bytes(wire.len() as u64));
        g.bench_function(format!("{name}/structural-decode"), |b| {
            b.iter(|| Pdu::decode(black_box(&wire)).unwrap())
        });
        let pdu = Pdu::decode(&wire).unwrap();
        assert_eq!(pdu.subject_text(&opts).unwrap(), expected);
        let s = pdu.subject().unwrap();
        g.throughput(Throughput::Bytes(s.as_bytes().len() as u64));
        g.bench_function(format!("{name}/charset-decode"), |b| {
            b.iter(|| mms_pdu::text::encoded_string_text(black_box(&s), Charset::UTF_8))
        });
    }
    g.finish();
}

fn encode(c: &mut Criterion) {
    let small = message_body(b"\xFF\xD8\xFF\xE0 a small image")
        .encode_to_vec()
        .unwrap();
    let image_1m = vec![0xA5; MIB];
    let body_1m = message_body(&image_1m).encode_to_vec().unwrap();
    let nested = nested_body().encode_to_vec().unwrap();
    let notification = Pdu::decode(NOTIFICATION).unwrap();
    let pdus: Vec<(&str, Pdu<'_>)> = vec![
        ("decoded/m-notification-ind", notification),
        (
            "built/m-send-req-3-parts",
            send_req(&small, EncodedString::plain(b"Hi")),
        ),
        (
            "built/m-send-req-nested",
            send_req(&nested, EncodedString::plain(b"Hi")),
        ),
        ("built/m-retrieve-conf-1MiB", retrieve_conf(&body_1m)),
    ];
    let header_only: Vec<(String, Vec<u8>)> = header_only_pdus()
        .into_iter()
        .map(|(n, w)| (format!("header-only/{n}"), w))
        .collect();
    let decoded: Vec<(&str, Pdu<'_>)> = header_only
        .iter()
        .map(|(n, w)| (n.as_str(), Pdu::decode(w).unwrap()))
        .collect();

    let mut out = Vec::with_capacity(2 * MIB);
    let mut g = c.benchmark_group("encode-into-reused-vec");
    for (name, pdu) in pdus.iter().chain(&decoded) {
        g.throughput(Throughput::Bytes(pdu.encoded_len() as u64));
        g.bench_function(*name, |b| {
            b.iter(|| {
                out.clear();
                black_box(pdu).encode(&mut out).unwrap();
            })
        });
    }
    let builders = [
        (
            "multipart-builder/3-parts",
            message_body(b"\xFF\xD8\xFF\xE0 a small image"),
        ),
        ("multipart-builder/nested", nested_body()),
    ];
    for (name, mp) in &builders {
        g.throughput(Throughput::Bytes(mp.encoded_len() as u64));
        g.bench_function(*name, |b| {
            b.iter(|| {
                out.clear();
                black_box(mp).encode(&mut out).unwrap();
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("encoded-len");
    for (name, pdu) in &pdus {
        g.throughput(Throughput::Bytes(pdu.encoded_len() as u64));
        g.bench_function(*name, |b| b.iter(|| black_box(pdu).encoded_len()));
    }
    for (name, mp) in &builders {
        g.throughput(Throughput::Bytes(mp.encoded_len() as u64));
        g.bench_function(*name, |b| b.iter(|| black_box(mp).encoded_len()));
    }
    g.finish();

    let mut g = c.benchmark_group("into-owned");
    for (name, pdu) in &pdus {
        g.throughput(Throughput::Bytes(pdu.encoded_len() as u64));
        g.bench_function(*name, |b| {
            b.iter(|| black_box(pdu).clone().into_owned().unwrap())
        });
    }
    g.finish();
}

/// An m-send-req whose 10 MiB image part streams from a reader (`&[u8]`, so the copy into the
/// 16 KiB staging buffer is the real cost) into `io::sink()`, beside a plain memcpy of the
/// same octets and a part given as a borrowed slice (written straight through).
fn streaming(c: &mut Criterion) {
    let image = vec![0xA5; 10 * MIB];
    let mut dst = vec![0u8; image.len()];
    let headers = SendReq::build(tid(), from(), multipart_related())
        .to(Address::new(PHONE))
        .subject(EncodedString::plain(b"Holiday pictures"))
        .body(multipart_related(), &[])
        .build()
        .unwrap();
    let total = headers.encoded_len() + message_body(&image).encoded_len();

    let mut g = c.benchmark_group("stream-10MiB");
    g.sample_size(30);
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function("memcpy-baseline", |b| {
        b.iter(|| dst.copy_from_slice(black_box(&image)))
    });
    g.bench_function("send-req-reader-part-to-sink", |b| {
        b.iter_batched(
            || {
                message_body_with(PartBuilder::from_reader(
                    jpeg(),
                    &image[..],
                    image.len() as u64,
                ))
            },
            |body| {
                let mut w = mms_pdu::codec::IoWriter::new(io::sink());
                headers.encode(&mut w).unwrap();
                body.encode(&mut w).unwrap();
                assert_eq!(w.bytes_written(), total as u64);
            },
            BatchSize::SmallInput,
        )
    });
    let body = message_body(&image);
    g.bench_function("send-req-slice-part-to-sink", |b| {
        b.iter(|| {
            let mut w = mms_pdu::codec::IoWriter::new(io::sink());
            headers.encode(&mut w).unwrap();
            black_box(&body).encode(&mut w).unwrap();
            w.bytes_written()
        })
    });
    g.finish();
}

/// Sizes of the decoded model (printed once; the README quotes them).
fn sizes(_: &mut Criterion) {
    eprintln!(
        "size_of: MmsHeader {}, PduHeader {}, Pdu {}, HeaderField {}, ContentType {}, EncodedString {}",
        size_of::<mms_pdu::mms::MmsHeader<'_>>(),
        size_of::<mms_pdu::mms::PduHeader<'_>>(),
        size_of::<Pdu<'_>>(),
        size_of::<mms_pdu::mms::HeaderField<'_>>(),
        size_of::<ContentType<'_>>(),
        size_of::<EncodedString<'_>>(),
    );
    let _ = Message::pdu;
}

/// Decode time is linear in the input: PDUs of about 1 KB, 100 KB and 10 MB made only of the
/// smallest headers (two octets each) or the smallest parts (three octets each), where the work
/// per input octet is highest. Constant throughput across the three sizes is the evidence.
/// The limits are lifted so that the counts, not `Limits`, decide.
fn linear(c: &mut Criterion) {
    let options = DecodeOptions::new().with_limits(mms_pdu::Limits {
        max_headers: u32::MAX,
        max_parts: u32::MAX,
        ..mms_pdu::Limits::DEFAULT
    });
    let mut g = c.benchmark_group("linear");
    g.sample_size(10);
    for (label, size) in [
        ("1KB", 1_000usize),
        ("100KB", 100_000),
        ("10MB", 10_000_000),
    ] {
        let mut headers = vec![0x8C, 0x84, 0x8D, 0x93];
        while headers.len() < size {
            headers.extend_from_slice(&[0x86, 0x80]); // Delivery-Report: Yes
        }
        g.throughput(Throughput::Bytes(headers.len() as u64));
        g.bench_function(format!("tiny-headers/{label}"), |b| {
            b.iter(|| Pdu::decode_with(black_box(&headers), &options).unwrap())
        });
        let mut parts = vec![0x8C, 0x84, 0x8D, 0x93, 0x84, 0xA3, 0x00];
        while parts.len() < size {
            parts.extend_from_slice(&[0x01, 0x00, 0x83]); // HeadersLen 1, DataLen 0, text/plain
        }
        g.throughput(Throughput::Bytes(parts.len() as u64));
        g.bench_function(format!("tiny-parts/{label}"), |b| {
            b.iter(|| {
                let pdu = Pdu::decode_with(black_box(&parts), &options).unwrap();
                black_box(pdu.multipart().unwrap().unwrap().parts().count())
            })
        });
    }
    g.finish();
}

criterion_group!(
    benches,
    sizes,
    decode,
    subject_charsets,
    encode,
    streaming,
    linear
);
criterion_main!(benches);
