//! Memory bounds, measured with a counting global allocator (`stats_alloc`; no `unsafe` here).
//!
//! One test function runs every scenario in turn: the allocator counts the whole process, so
//! scenarios must not overlap with each other or with other tests in this binary.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::alloc::System;
use std::io::Read as _;

use mms_pdu::assigned::WellKnownMedia;
use mms_pdu::codec::Encode;
use mms_pdu::wsp::{ContentType, MultipartBuilder, PartBuilder};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

const MIB: u64 = 1024 * 1024;

/// Streaming a 256 MiB part from a reader into an `io::Write` keeps memory small: the part is
/// copied through a fixed buffer and never held whole.
fn streaming_a_large_part_allocates_little() {
    let len = 256 * MIB;
    let reader = std::io::repeat(0x5A).take(len);
    let body = MultipartBuilder::new()
        .part(PartBuilder::new(
            ContentType::text(b"application/smil"),
            b"<smil/>",
        ))
        .part(PartBuilder::from_reader(
            ContentType::well_known(WellKnownMedia::IMAGE_JPEG),
            reader,
            len,
        ));
    let predicted = body.encoded_len() as u64;
    let region = Region::new(GLOBAL);
    let written = body.encode_to_writer(std::io::sink()).unwrap();
    let stats = region.change();
    assert_eq!(written, predicted);
    assert!(written > len);
    assert!(
        (stats.bytes_allocated as u64) < MIB,
        "streaming {len} octets allocated {} octets",
        stats.bytes_allocated
    );
}

/// Decoding allocates in proportion to what the input holds, never to what it claims: a
/// multipart that announces 2^28 entries and a value length of 2^32 in a few octets.
fn hostile_counts_do_not_allocate() {
    // m-retrieve-conf with a multipart.mixed body declaring 2^28 entries and none present.
    let mut pdu = vec![0x8C, 0x84, 0x8D, 0x93, 0x84, 0xA3];
    pdu.extend_from_slice(&[0x81, 0x80, 0x80, 0x80, 0x00]);
    let region = Region::new(GLOBAL);
    let _ = mms_pdu::decode(&pdu);
    let stats = region.change();
    assert!(stats.bytes_allocated < 64 * 1024, "{stats:?}");

    // A From whose Length-quote announces 2^32-1 octets.
    let pdu = [0x8C, 0x80, 0x89, 0x1F, 0x8F, 0xFF, 0xFF, 0xFF, 0x7F, 0x80];
    let region = Region::new(GLOBAL);
    assert!(mms_pdu::decode(&pdu).is_err());
    let stats = region.change();
    assert!(stats.bytes_allocated < 64 * 1024, "{stats:?}");
}

/// The lazy walk over a PDU's headers and a multipart's parts allocates nothing.
fn lazy_walks_allocate_nothing() {
    let wire = include_bytes!("../samples/m-send-req.mms");
    let pdu = mms_pdu::Pdu::decode(wire).unwrap();
    let body = pdu.body().unwrap();
    let region = Region::new(GLOBAL);
    let headers = mms_pdu::mms::HeaderWalk::new(wire)
        .filter(Result::is_ok)
        .count();
    let mp = mms_pdu::wsp::Multipart::parse(body, 0, mms_pdu::Limits::DEFAULT, 0).unwrap();
    let mut part_headers = 0;
    for part in mp.parts() {
        part_headers += part.unwrap().headers.iter().filter(Result::is_ok).count();
    }
    let stats = region.change();
    assert_eq!((headers, part_headers), (7, 4));
    assert_eq!(stats.allocations, 0, "{stats:?}");
}

/// The typed `Pdu` keeps the index of a typical header block inline (no allocation); a
/// multipart body adds at most one allocation (the explicit stack of the nested-body check),
/// never one per part or header.
fn typed_pdu_allocates_once_per_list() {
    let notification = include_bytes!("../samples/m-notification-ind.mms");
    let region = Region::new(GLOBAL);
    let pdu = mms_pdu::Pdu::decode(notification).unwrap();
    let stats = region.change();
    assert_eq!(pdu.headers().count(), 8);
    assert_eq!(stats.allocations, 0, "notification: {stats:?}");
    drop(pdu);
    // An owned PDU keeps its index: handing out the PDU and its body decodes nothing again.
    let owned = mms_pdu::mms::OwnedPdu::decode(bytes::Bytes::from_static(notification)).unwrap();
    let region = Region::new(GLOBAL);
    let (headers, body) = (owned.pdu().headers().count(), owned.body_bytes());
    let stats = region.change();
    assert_eq!((headers, body), (8, None));
    assert_eq!(stats.allocations, 0, "owned notification: {stats:?}");

    let send_req = include_bytes!("../samples/m-send-req.mms");
    let region = Region::new(GLOBAL);
    let pdu = mms_pdu::Pdu::decode(send_req).unwrap();
    let walked: usize = pdu
        .multipart()
        .unwrap()
        .unwrap()
        .parts()
        .map(|p| p.unwrap().headers.iter().count())
        .sum();
    let stats = region.change();
    assert_eq!(walked, 4);
    assert_eq!(
        stats.allocations, 0,
        "send-req with a 2-part body: {stats:?}"
    );
    drop(pdu);

    // The same with 30 parts: still no more than the two lists.
    let mut body = MultipartBuilder::new();
    for _ in 0..30 {
        body = body.part(
            PartBuilder::new(ContentType::well_known(WellKnownMedia::TEXT_PLAIN), b"hi")
                .content_location(b"t.txt"),
        );
    }
    let mut wire = vec![0x8C, 0x84, 0x8D, 0x93, 0x84, 0xA3];
    wire.extend(body.encode_to_vec().unwrap());
    let region = Region::new(GLOBAL);
    let pdu = mms_pdu::Pdu::decode(&wire).unwrap();
    let stats = region.change();
    assert_eq!(pdu.multipart().unwrap().unwrap().parts().count(), 30);
    assert!(stats.allocations <= 2, "30-part retrieve-conf: {stats:?}");
}

/// Decoding a typical PDU makes no heap allocation at all: every sample and corpus PDU (bare,
/// or carried in a push) with at most 16 headers and at most 8 parts (none of them a nested
/// multipart), decoded with `Pdu::decode` (a bare PDU) or `Push::mms_pdu` (the PDU a push
/// carries) and then walked (every part, every part header), makes none, or one for its list of
/// diagnostics when it has any. Returns how many were decoded without diagnostics (so without
/// any allocation).
fn typical_pdus_allocate_nothing() -> usize {
    let mut inputs: Vec<(String, Vec<u8>)> = ["m-notification-ind.mms", "m-send-req.mms"]
        .iter()
        .chain(&["push-notification.wsp"])
        .map(|name| {
            let path = format!("{}/samples/{name}", env!("CARGO_MANIFEST_DIR"));
            (path.clone(), std::fs::read(&path).unwrap())
        })
        .collect();
    if let Some(root) = common::corpus_root() {
        for path in common::corpus_files(&root) {
            inputs.push((path.display().to_string(), std::fs::read(&path).unwrap()));
        }
    }
    let options = mms_pdu::DecodeOptions::new();
    let mut checked = 0;
    for (name, bytes) in &inputs {
        // The push layer is not what this checks: decode it outside the counted region.
        let push = match bytes.first() {
            Some(0x8C) => None,
            _ => match mms_pdu::wsp::Push::decode_with(bytes, &options) {
                Ok(push) if push.mms_body().is_some() => Some(push),
                _ => continue,
            },
        };
        let region = Region::new(GLOBAL);
        let decoded = match &push {
            None => mms_pdu::Pdu::decode_with(bytes, &options),
            Some(push) => mms_pdu::message::pushed_pdu(push, &options).unwrap(),
        };
        // What a client does next, counted too: every part and every part header.
        let walked = decoded.as_ref().ok().and_then(|pdu| {
            let mp = pdu.multipart()?.ok()?;
            let parts = mp.parts().map_while(Result::ok);
            Some(parts.map(|p| p.headers.iter().count()).sum::<usize>())
        });
        let stats = region.change();
        let Ok(pdu) = decoded else { continue };
        // At most 8 parts, none of them a nested multipart (whose check keeps a stack).
        let parts: Vec<_> = match pdu.multipart() {
            Some(mp) => mp.unwrap().parts().collect::<Result<_, _>>().unwrap(),
            None => Vec::new(),
        };
        let typical = pdu.headers().len() <= 16
            && parts.len() <= 8
            && !parts.iter().any(|p| p.is_nested_multipart())
            && (walked.is_some() || pdu.content_type().is_none_or(|ct| !ct.is_multipart()));
        // The diagnostics list is the one allocation there may be, and only when not empty
        // (a multipart body's diagnostics are gathered apart and appended to it, so that one
        // may be made and freed on the way: what is left is the one list).
        if typical {
            let list = usize::from(!pdu.diagnostics().is_empty());
            let kept = stats.allocations - stats.deallocations;
            assert_eq!(kept, list, "{name}: {stats:?}");
            if walked.is_none() || list == 0 {
                assert_eq!(stats.allocations, list, "{name}: {stats:?}");
            }
            checked += 1 - list;
        }
    }
    checked
}

/// Decoding an n-octet input allocates at most c·n + k octets, with c and k small constants:
/// over every corpus file (when the corpus is present) and over crafted inputs made of the
/// smallest possible headers and parts, where the per-octet cost is highest.
fn allocation_is_linear_in_the_input() {
    const C: usize = 48; // a header of 2 octets becomes one 88-octet list entry, amortised
    const K: usize = 8 * 1024;
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    if let Some(root) = common::corpus_root() {
        for path in common::corpus_files(&root) {
            inputs.push((path.display().to_string(), std::fs::read(&path).unwrap()));
        }
    }
    // 1,000 two-octet headers (Delivery-Report), the densest header block there is.
    let mut dense = vec![0x8C, 0x80, 0x98, b'T', 0x00, 0x8D, 0x93];
    for _ in 0..1000 {
        dense.extend_from_slice(&[0x86, 0x80]);
    }
    inputs.push(("1,000 tiny headers".into(), dense));
    // A retrieve-conf with 1,000 empty parts (3 octets each: lengths and a content type).
    let mut parts = vec![0x8C, 0x84, 0x8D, 0x93, 0x84, 0xA3, 0x87, 0x68];
    for _ in 0..1000 {
        parts.extend_from_slice(&[0x01, 0x00, 0x83]);
    }
    inputs.push(("1,000 empty parts".into(), parts));
    let mut worst = 0.0f64;
    for (name, bytes) in &inputs {
        let region = Region::new(GLOBAL);
        let decoded = mms_pdu::decode(bytes);
        let stats = region.change();
        drop(decoded);
        let bound = C * bytes.len() + K;
        assert!(
            stats.bytes_allocated <= bound,
            "{name}: {} octets allocated for {} octets of input (bound {bound})",
            stats.bytes_allocated,
            bytes.len()
        );
        worst = worst.max(stats.bytes_allocated as f64 / bytes.len().max(1) as f64);
    }
    assert!(inputs.len() >= 2);
    eprintln!(
        "allocation bound held for {} inputs; worst ratio {worst:.1} octets per input octet",
        inputs.len()
    );
}

#[test]
fn memory_bounds() {
    allocation_is_linear_in_the_input();
    let typical = typical_pdus_allocate_nothing();
    // The samples alone hold three (the notification, bare and pushed, and the 2-part
    // send-req); the corpus many more (80 when the retrieve-confs with parts came in).
    let expected = if common::corpus_root().is_some() {
        70
    } else {
        3
    };
    assert!(typical >= expected, "{typical} typical PDUs checked");
    eprintln!("{typical} typical PDUs decoded without a heap allocation");
    typed_pdu_allocates_once_per_list();
    lazy_walks_allocate_nothing();
    hostile_counts_do_not_allocate();
    streaming_a_large_part_allocates_little();
}
