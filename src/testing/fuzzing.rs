//! Property checks shared by the cargo-fuzz targets (`fuzz/`) and by the stable test that
//! replays their checked-in seeds (`tests/fuzz_seeds.rs`). Not part of the public API.
//!
//! Each check panics when a property fails: that is how libFuzzer learns of a finding. The
//! decode checks assert more than "no panic": whatever decodes re-encodes to exactly the octets
//! it came from, `encoded_len` is exact, and decoding the re-encoding gives an equal value.
#![allow(
    clippy::panic,
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation,
    missing_docs
)]

use alloc::vec::Vec;

use crate::base::diag::Diagnostics;
use crate::base::options::DecodeOptions;
use crate::codec::{self, Encode, PResult};
use crate::mms::Pdu;
use crate::wsp::{HeaderBlock, Multipart};

/// Encodes `value`, checking that `encoded_len` matches the octets written.
fn encode_exact<T: Encode + core::fmt::Debug>(value: &T) -> Vec<u8> {
    let out = value.encode_to_vec().expect("a decoded value encodes");
    assert_eq!(value.encoded_len(), out.len(), "encoded_len of {value:?}");
    out
}

fn reencodes_exactly<'a, T: Encode + core::fmt::Debug>(input: &'a [u8], result: PResult<'a, T>) {
    if let Ok((rest, value)) = result {
        let used = input.get(..input.len() - rest.len()).unwrap_or(&[]);
        assert_eq!(encode_exact(&value), used, "re-encoding of {value:?}");
    }
}

/// Every wire primitive on `data`: no panic; whatever decodes re-encodes to the octets it used.
pub fn primitives(data: &[u8]) {
    reencodes_exactly(data, codec::uintvar(data));
    reencodes_exactly(data, codec::long_integer(data));
    reencodes_exactly(data, codec::integer_value(data));
    reencodes_exactly(data, codec::value_length(data));
    reencodes_exactly(data, codec::text_string(data));
    reencodes_exactly(data, codec::text_string_bounded(data));
    reencodes_exactly(data, codec::quoted_string(data));
    reencodes_exactly(data, codec::quoted_string_bounded(data));
    reencodes_exactly(data, codec::token_text(data));
    reencodes_exactly(data, codec::text_value(data));
    reencodes_exactly(data, codec::encoded_string(data));
    reencodes_exactly(data, codec::q_value(data));
    reencodes_exactly(data, codec::version_value(data));
    // `skip_value` cuts out a prefix of its input and leaves the rest.
    if let Ok((rest, value)) = codec::skip_value(data) {
        assert_eq!(
            value.len() + rest.len(),
            data.len(),
            "skip_value on {data:02X?}"
        );
        assert!(data.starts_with(value), "skip_value on {data:02X?}");
    }
}

/// Walks a header block item by item: each item re-encodes to exactly its own octets, and the
/// items together are the block. Stops at the first error (the lazy iterator's contract).
fn walk_header_block(block: &HeaderBlock<'_>) {
    let raw = block.as_bytes();
    let mut at = 0usize;
    let mut complete = true;
    for item in block.iter() {
        let Ok(item) = item else {
            complete = false;
            break;
        };
        let start = item.offset - block.offset();
        assert_eq!(
            start, at,
            "header item offsets are contiguous in {raw:02X?}"
        );
        let out = encode_exact(&item.header);
        assert_eq!(
            raw.get(start..start + out.len()),
            Some(&out[..]),
            "header {:?} re-encodes to its octets",
            item.header
        );
        at = start + out.len();
    }
    if complete {
        assert_eq!(at, raw.len(), "header items cover the block {raw:02X?}");
    }
    // The typed accessors on top of the walk.
    let _ = (
        block.content_id(),
        block.content_location(),
        block.disposition(),
        block.filename(),
        block.transfer_encoding(),
        block.content_type(),
    );
}

fn walk_content_type(ct: &crate::wsp::ContentType<'_>) {
    for p in ct.params() {
        let _ = encode_exact(&p);
    }
    let _ = (
        ct.charset(),
        ct.start(),
        ct.type_param(),
        ct.name(),
        ct.filename(),
    );
    let _ = alloc::format!("{ct}");
}

/// Walks every part of a multipart, nested ones too (with an explicit work list: the library's
/// depth budget bounds it), checking that each part re-encodes to exactly its octets and that
/// the count and parts together are the body.
fn walk_multipart(top: Multipart<'_>) {
    let mut work = alloc::vec![top];
    let mut visited = 0u32;
    while let Some(mp) = work.pop() {
        visited += 1;
        assert!(visited < 1 << 20, "multipart walk does not end");
        let mut joined = mp
            .declared_count()
            .map(|d| encode_exact(&d))
            .unwrap_or_default();
        let mut complete = true;
        for part in mp.parts() {
            let Ok(part) = part else {
                complete = false;
                break;
            };
            joined.extend_from_slice(&encode_exact(&part));
            walk_content_type(&part.content_type);
            walk_header_block(&part.headers);
            let _ = (part.content_id(), part.content_location(), part.name());
            let _ = part.text(crate::assigned::Charset::UTF_8);
            if let Some(Ok(nested)) = part.nested() {
                assert!(nested.depth() > mp.depth(), "nesting goes deeper");
                work.push(nested);
            }
        }
        if complete {
            assert_eq!(joined, encode_exact(&mp), "parts re-encode to the body");
        }
        let _ = (mp.smil(), mp.root(None));
    }
}

/// The properties of a decoded PDU over the input it came from.
fn check_pdu(input: &[u8], pdu: &Pdu<'_>, options: &DecodeOptions) {
    let out = encode_exact(pdu);
    assert_eq!(out, input, "the PDU re-encodes to its input");
    let again = Pdu::decode_with(&out, options).expect("a re-encoded PDU decodes");
    assert_eq!(&again, pdu, "decoding the re-encoding gives an equal PDU");
    // A decoded PDU writes its header octets back as they came; the typed headers must
    // re-encode to the same octets too (what a PDU rebuilt from them writes).
    let mut typed = Vec::new();
    for h in pdu.headers() {
        typed.extend(encode_exact(&h));
        let _ = alloc::format!("{h}");
    }
    let after = pdu.body().map_or(0, <[u8]>::len) + pdu.trailing().len();
    let header_block = input.get(..input.len() - after).unwrap_or_default();
    assert_eq!(
        typed, header_block,
        "the typed headers re-encode to the header block"
    );
    if let Some(ct) = pdu.content_type() {
        walk_content_type(&ct);
    }
    if let Some(mp) = pdu.multipart() {
        // Decoding checked the body whole: it reads again here.
        walk_multipart(mp.expect("a decoded PDU's multipart body parses"));
    }
    let _ = crate::mms::validate::validate(pdu);
    let _ = pdu.view();
}

/// `Pdu::decode` (lenient and strict) on arbitrary input.
pub fn pdu(data: &[u8]) {
    let lenient = Pdu::decode_with(data, &DecodeOptions::new());
    if let Ok(pdu) = &lenient {
        check_pdu(data, pdu, &DecodeOptions::new());
    }
    let strict_options = DecodeOptions::new().strict(true);
    if let Ok(strict) = Pdu::decode_with(data, &strict_options) {
        check_pdu(data, &strict, &strict_options);
        // Strict mode only refuses more: what it accepts, lenient mode reads the same way.
        let lenient = lenient.expect("what strict mode accepts, lenient mode accepts");
        assert!(
            lenient.headers().eq(strict.headers()),
            "strict and lenient read the same headers"
        );
        assert_eq!(lenient.body(), strict.body());
    }
}

/// `mms_pdu::decode` (bare PDU or push) on arbitrary input, and the connection-mode push.
pub fn message(data: &[u8]) {
    let options = DecodeOptions::new();
    if let Ok(message) = crate::decode(data) {
        assert_eq!(
            encode_exact(&message),
            data,
            "the message re-encodes to its input"
        );
        let again = crate::decode(data).expect("decodes twice");
        assert_eq!(again, message);
        match &message {
            crate::message::Message::Pdu(p) => check_pdu(data, p, &options),
            crate::message::Message::Push(p) => {
                check_push(&p.push);
                match (p.push.mms_body(), &p.pdu) {
                    (Some(body), Some(pdu)) => check_pdu(body, pdu, &options),
                    (None, None) => {}
                    _ => panic!("an MMS push has its PDU and only it"),
                }
            }
        }
    }
    if let Ok(push) = crate::wsp::Push::decode_connection_mode(data, &options) {
        assert_eq!(
            encode_exact(&push),
            data,
            "the push re-encodes to its input"
        );
        check_push(&push);
    }
}

fn check_push(push: &crate::wsp::Push<'_>) {
    let ct = push.content_type();
    walk_content_type(ct);
    assert_eq!(
        encode_exact(ct),
        push.content_type_raw(),
        "the push content type re-encodes to its octets"
    );
    walk_header_block(&push.header_block());
    let _ = (
        push.application_id(),
        push.content_length(),
        push.push_flag(),
    );
    let _ = crate::message::pushed_pdu(push, &DecodeOptions::new());
}

/// `wsp::multipart::decode` on arbitrary input: the body re-encodes exactly, part by part.
pub fn multipart(data: &[u8]) {
    if let Ok((mp, _)) = crate::wsp::multipart::decode(data, &DecodeOptions::new()) {
        assert_eq!(
            encode_exact(&mp),
            data,
            "the multipart re-encodes to its input"
        );
        walk_multipart(mp);
    }
}

/// `wsp::content_type` on arbitrary input.
pub fn content_type(data: &[u8]) {
    let result = crate::wsp::content_type(data);
    if let Ok((_, ct)) = &result {
        walk_content_type(ct);
    }
    reencodes_exactly(data, result);
}

/// `HeaderBlock::decode` on arbitrary input: every header re-encodes to its octets.
pub fn wsp_headers(data: &[u8]) {
    let mut diags = Diagnostics::new(false);
    if let Ok(block) = HeaderBlock::decode(
        data,
        0,
        crate::base::limits::Limits::DEFAULT.max_headers,
        &mut diags,
    ) {
        assert_eq!(encode_exact(&block), data);
        walk_header_block(&block);
        assert!(
            block.iter().all(|i| i.is_ok()),
            "a checked block walks without error"
        );
    }
}

/// The SMS framings on arbitrary input: `sms::split_user_data` (header and payload re-encode
/// to the input; each information element re-encodes to its octets), `sms::Deliver::decode`
/// (the TPDU re-encodes exactly, its fields build it again, its payload is where it says),
/// `sms::classify` (the framing re-encodes to the input, and so do its prefix and payload), and
/// `sms::modem_pdus` (every TPDU line meets the `Deliver` properties).
pub fn sms(data: &[u8]) {
    check_user_data(data);
    check_deliver(data);
    let framing = crate::sms::classify(data);
    assert_eq!(
        encode_exact(&framing),
        data,
        "framing re-encodes to its input"
    );
    let mut prefix = Vec::new();
    framing
        .encode_prefix(&mut prefix)
        .expect("a prefix encodes");
    assert_eq!(prefix.len(), framing.payload_offset(), "payload offset");
    prefix.extend_from_slice(framing.payload());
    assert_eq!(prefix, data, "prefix and payload are the input");
    if let Ok(push) = framing.push() {
        assert!(data.ends_with(push), "the push ends the input");
    }
    let _ = (
        framing.header(),
        framing.concatenation(),
        framing.user_data(),
    );
    for pdu in crate::sms::modem_pdus(data).flatten() {
        check_deliver(&pdu);
    }
}

/// `sms::Deliver::decode`: exact re-encoding, `Deliver::new` over its fields gives it back,
/// payload and user data sit at their offsets; the accessors that read text do not panic.
fn check_deliver(data: &[u8]) {
    use alloc::string::ToString;
    let Ok(sms) = crate::sms::Deliver::decode(data) else {
        return;
    };
    assert_eq!(encode_exact(&sms), data, "TPDU re-encodes to its input");
    assert_eq!(
        crate::sms::Deliver::new(sms.fields()),
        Ok(sms),
        "fields build it again"
    );
    assert_eq!(data.get(sms.user_data_offset()..), Some(sms.user_data()));
    assert_eq!(data.get(sms.payload_offset()..), Some(sms.payload()));
    if let Some(header) = sms.user_data_header() {
        let mut ud = encode_exact(&header);
        ud.extend_from_slice(sms.payload());
        assert_eq!(ud, sms.user_data(), "header and payload are the user data");
    }
    let _ = (
        sms.originator().to_string(),
        sms.smsc().map(|a| a.to_string()),
    );
    let stamp = sms.timestamp();
    let _ = (stamp.to_string(), stamp.seconds_since_epoch());
}

/// `sms::split_user_data`: header and payload re-encode to the input; each information
/// element re-encodes to its octets.
fn check_user_data(data: &[u8]) {
    if let Ok((udh, payload)) = crate::sms::split_user_data(data) {
        let mut out = encode_exact(&udh);
        out.extend_from_slice(payload);
        assert_eq!(out, data, "user data re-encodes to its input");
        let mut elements = Vec::new();
        for ie in udh.elements() {
            elements.extend_from_slice(&encode_exact(&ie));
        }
        assert_eq!(
            elements,
            udh.raw_elements(),
            "elements re-encode to the header"
        );
        let _ = (udh.ports(), udh.concatenation());
    }
}

/// Feeds a sequence of SMS user data into a [`crate::sms::Reassembler`] with small caps and
/// checks the caps after every segment.
///
/// `data` is: 3 octets of limits (pending messages 0..=3, pending bytes 0..=1020, segments),
/// then segments as `key length octets...` (the last one cut at the end of the input).
pub fn reassembly(data: &[u8]) {
    use crate::sms::{Reassembler, ReassemblyLimits};
    let Some((&[m, b, s], mut rest)) = data.split_first_chunk::<3>() else {
        return;
    };
    let limits = ReassemblyLimits {
        max_pending_messages: usize::from(m % 4),
        max_pending_bytes: usize::from(b) * 4,
        max_segments: s % 16,
    };
    let mut r = Reassembler::<u8>::new(limits);
    let mut evicted = 0;
    while let [key, len, tail @ ..] = rest {
        let (segment, next) = tail.split_at(usize::from(*len).min(tail.len()));
        rest = next;
        let multi = crate::sms::split_user_data(segment)
            .ok()
            .and_then(|(udh, _)| udh.concatenation())
            .is_some_and(|c| c.total > 1);
        match r.push(*key, segment) {
            Ok(Some(whole)) if multi => {
                assert!(
                    whole.len() <= limits.max_pending_bytes,
                    "completed over the byte cap"
                );
            }
            _ => {}
        }
        let pending: Vec<_> = r.pending().collect();
        assert!(
            pending.len() <= limits.max_pending_messages,
            "pending message cap"
        );
        assert!(
            r.pending_bytes() <= limits.max_pending_bytes,
            "pending byte cap"
        );
        assert_eq!(
            pending.iter().map(|p| p.bytes).sum::<usize>(),
            r.pending_bytes(),
            "pending bytes add up"
        );
        for p in &pending {
            assert!(p.received < p.total && p.total <= limits.max_segments);
            assert_eq!(
                r.missing(p.key, p.reference).count(),
                usize::from(p.total - p.received)
            );
        }
        assert!(r.evicted() >= evicted, "eviction count only grows");
        evicted = r.evicted();
    }
}

/// The `built_pdu` target's input: the octets make an [`crate::testing::arbitrary::ArbitraryPdu`] through
/// `arbitrary::Unstructured` exactly as libFuzzer's typed `fuzz_target!` does
/// (`arbitrary_take_rest`), and the PDU is checked by [`check_built_pdu`]. Inputs the builder
/// or encoder refuses are skipped.
#[cfg(feature = "arbitrary")]
pub fn built_pdu(data: &[u8]) {
    use arbitrary::{Arbitrary, Unstructured};
    if let Ok(built) =
        crate::testing::arbitrary::ArbitraryPdu::arbitrary_take_rest(Unstructured::new(data))
    {
        check_built_pdu(&built);
    }
}

/// A multipart written by the crate's writer reads back part by part: the same content
/// types, data and header octets, and the decoded body re-encodes exactly.
#[cfg(feature = "arbitrary")]
fn check_built_multipart(mp: &crate::wsp::MultipartBuilder<'_>, wire: &[u8]) {
    assert_eq!(mp.encoded_len(), wire.len(), "encoded_len of {mp:?}");
    assert_eq!(
        encode_exact(mp),
        wire,
        "the multipart encodes the same twice"
    );
    let (decoded, _) = crate::wsp::multipart::decode(wire, &DecodeOptions::new())
        .unwrap_or_else(|e| panic!("a built multipart decodes: {e}\n{mp:?}\n{wire:02X?}"));
    assert_eq!(encode_exact(&decoded), wire);
    let parts = decoded.parts_vec().expect("checked whole");
    assert_eq!(parts.len(), mp.parts().len());
    for (built, read) in mp.parts().iter().zip(&parts) {
        assert_eq!(
            &read.content_type,
            built.content_type(),
            "part content type"
        );
        if let crate::wsp::PartData::Slice(data) = built.data() {
            assert_eq!(read.data, *data, "part data");
        }
        // Compared by their octets: an empty filename is written `00`, which reads back as
        // No-value (the same octets; a different value).
        let read_headers: Vec<_> = read
            .headers
            .iter()
            .map(|h| encode_exact(&h.unwrap().header))
            .collect();
        let built_headers: Vec<_> = built.headers().iter().map(encode_exact).collect();
        assert_eq!(read_headers, built_headers, "part headers");
    }
    walk_multipart(decoded);
}

/// Structure-aware: a PDU built from arbitrary choices (through `PduBuilder`, which checks the
/// presence table, and `MultipartBuilder`) has an exact `encoded_len`, decodes back to the
/// same headers and body, and re-encodes exactly; its multipart body reads back part by part.
#[cfg(feature = "arbitrary")]
pub fn check_built_pdu(built: &crate::testing::arbitrary::ArbitraryPdu<'_>) {
    let wire = built.wire();
    if let (Some(mp), Some(body)) = (built.multipart(), built.body()) {
        check_built_multipart(mp, body);
    }
    let pdu = built.pdu();
    assert_eq!(pdu.encoded_len(), wire.len(), "encoded_len of {built:?}");
    assert_eq!(encode_exact(&pdu), wire, "the PDU encodes the same twice");
    let options = DecodeOptions::new();
    let decoded = Pdu::decode_with(wire, &options)
        .unwrap_or_else(|e| panic!("a built PDU decodes: {e}\n{built:?}\n{wire:02X?}"));
    assert_eq!(decoded.message_type(), Some(built.message_type()));
    // Each header comes back as the same field, typed (not kept raw), with the same octets.
    // Compared by octets rather than `==`: an empty part filename or similar reads back as
    // another value with the same octets (fuzz/README.md, findings).
    let shape = |h: crate::mms::MmsHeader<'_>| (h.field(), h.is_raw(), encode_exact(&h));
    let built_headers: Vec<_> = pdu.headers().map(shape).collect();
    let decoded_headers: Vec<_> = decoded.headers().map(shape).collect();
    assert_eq!(
        decoded_headers, built_headers,
        "headers come back\n{built:?}\n{decoded:?}\n{wire:02X?}"
    );
    assert_eq!(decoded.body(), built.body(), "the body comes back");
    assert!(decoded.trailing().is_empty());
    assert_eq!(
        encode_exact(&decoded),
        wire,
        "the decoded PDU re-encodes exactly"
    );
}

/// A serialized message read back (feature `serde`): `read` parses the format (JSON in the fuzz
/// target), `write` serializes a decoded message. Whatever document describes a message
/// encodes with an exact `encoded_len` or is refused; when its octets decode, the message's
/// own serialization reads back into the same octets.
#[cfg(feature = "serde")]
pub fn document<E>(
    data: &[u8],
    read: fn(&[u8]) -> Result<crate::json::document::Document, E>,
    write: fn(&crate::message::Message<'_>) -> Vec<u8>,
) {
    let Ok(doc) = read(data) else { return };
    let Ok(message) = doc.message() else { return };
    let Ok(wire) = message.encode_to_vec() else {
        return;
    };
    assert_eq!(
        wire.len(),
        message.encoded_len(),
        "encoded_len of {message:?}"
    );
    if let Ok(decoded) = crate::decode(&wire) {
        let text = write(&decoded);
        let again = read(&text)
            .ok()
            .expect("the crate's own serialization reads back");
        let back = again
            .to_wire()
            .unwrap_or_else(|e| panic!("the crate's own serialization encodes: {e}"));
        assert_eq!(
            back, wire,
            "serialize → read back → encode changed the octets"
        );
    }
}
