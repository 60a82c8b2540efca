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

use crate::codec::{self, Encode, PResult};
use crate::diag::Diagnostics;
use crate::mms::Pdu;
use crate::options::DecodeOptions;
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
    reencodes_exactly(data, codec::raw_value(data));
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
    for h in pdu.headers() {
        let _ = encode_exact(h);
        let _ = alloc::format!("{h}");
    }
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
            crate::Message::Pdu(p) => check_pdu(data, p, &options),
            crate::Message::Push(p) => {
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
    let _ = push.mms_pdu(&DecodeOptions::new());
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
    if let Ok(block) = HeaderBlock::decode(data, 0, crate::Limits::DEFAULT.max_headers, &mut diags)
    {
        assert_eq!(encode_exact(&block), data);
        walk_header_block(&block);
        assert!(
            block.iter().all(|i| i.is_ok()),
            "a checked block walks without error"
        );
    }
}

/// `sms::split_user_data` on arbitrary input: header and payload re-encode to the input; each
/// information element re-encodes to its octets.
pub fn sms(data: &[u8]) {
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

/// A byte-driven source of choices (an `arbitrary::Unstructured` in miniature, so this check
/// needs no dependency and its seeds replay on stable): when the input runs out every choice
/// is the first option.
#[derive(Debug)]
pub struct Choices<'a> {
    data: &'a [u8],
}

impl<'a> Choices<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Choices { data }
    }

    pub fn byte(&mut self) -> u8 {
        match self.data.split_first() {
            Some((&b, rest)) => {
                self.data = rest;
                b
            }
            None => 0,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    fn below(&mut self, n: usize) -> usize {
        if n <= 1 {
            return 0;
        }
        let v = if n <= 256 {
            usize::from(self.byte())
        } else {
            usize::from(u16::from_le_bytes([self.byte(), self.byte()]))
        };
        v % n
    }

    fn pick<T: Copy>(&mut self, options: &[T]) -> T {
        options[self.below(options.len())]
    }

    fn flag(&mut self) -> bool {
        self.byte() & 1 == 1
    }

    /// An integer of 0..=8 random octets (small values more likely).
    fn number(&mut self) -> u64 {
        let n = self.below(9);
        (0..n).fold(0u64, |v, _| (v << 8) | u64::from(self.byte()))
    }

    /// Up to 16 octets of text without NUL (a Text-string cannot hold one), taken from the
    /// input.
    fn text(&mut self) -> &'a [u8] {
        let n = self.below(17).min(self.data.len());
        let (text, rest) = self.data.split_at(n);
        self.data = rest;
        match text.iter().position(|&b| b == 0) {
            Some(nul) => &text[..nul],
            None => text,
        }
    }

    /// An assigned value of a table, or now and then any octet with the high bit (every
    /// raw token value is representable).
    fn token<T: Copy + From<u8>>(&mut self, all: &[T]) -> T {
        if self.below(8) == 0 {
            T::from(0x80 | self.byte())
        } else {
            self.pick(all)
        }
    }
}

/// Text the typed values may hold: US-ASCII strings from a small set or bytes from the input.
fn some_text<'a>(c: &mut Choices<'a>) -> &'a [u8] {
    const WORDS: &[&[u8]] = &[
        b"",
        b"T1",
        b"+15551234567/TYPE=PLMN",
        b"user@example.com",
        b"http://mmsc.example/m1",
        b"Hello",
        b"\xE2\x82\xAC",
        b"\"quoted",
        b"\x7Fdel",
    ];
    if c.flag() { c.text() } else { c.pick(WORDS) }
}

fn some_encoded<'a>(c: &mut Choices<'a>) -> codec::EncodedString<'a> {
    let text = some_text(c);
    match c.below(3) {
        0 => codec::EncodedString::plain(text),
        1 => codec::EncodedString::with_charset(c.pick(&[3, 4, 106, 1000, 2026]), text),
        _ => codec::EncodedString::with_charset(c.number(), text),
    }
}

fn some_address<'a>(c: &mut Choices<'a>) -> crate::mms::Address<'a> {
    let text = some_text(c);
    if c.flag() {
        crate::mms::Address::new(text)
    } else {
        crate::mms::Address::with_charset(c.pick(&[3, 106, 1000]), text)
    }
}

fn some_time(c: &mut Choices<'_>) -> crate::mms::TimeValue {
    if c.flag() {
        crate::mms::TimeValue::absolute(c.number())
    } else {
        crate::mms::TimeValue::relative(c.number())
    }
}

fn some_content_type<'a>(c: &mut Choices<'a>) -> crate::wsp::ContentType<'a> {
    use crate::assigned::WellKnownMedia;
    let mut ct = match c.below(3) {
        0 => crate::wsp::ContentType::well_known(c.pick(WellKnownMedia::ALL)),
        1 => crate::wsp::ContentType::text(c.pick(&[
            &b"application/vnd.wap.multipart.related"[..],
            b"text/plain",
            b"image/x-custom",
        ])),
        _ => crate::wsp::ContentType::well_known(WellKnownMedia(u32::from(c.byte() & 0x7F))),
    };
    // Any text, a leading `"` or control octet included: the encoder either writes it so that
    // it reads back equal or refuses it (fuzz/README.md, finding 4).
    let param_text = |c: &mut Choices<'a>| c.text();
    for _ in 0..c.below(4) {
        ct = match c.below(4) {
            0 => ct.with_charset(c.pick(crate::assigned::Charset::ALL)),
            1 => ct.with_name(param_text(c)),
            2 => ct.with_start(param_text(c)),
            _ => ct.with_type(crate::wsp::Media::Text(param_text(c))),
        };
    }
    ct
}

/// A typed header value for `field` made with the value types' canonical constructors.
fn some_header<'a>(
    c: &mut Choices<'a>,
    mt: crate::assigned::MessageType,
    field: crate::assigned::FieldCode,
) -> Option<crate::mms::MmsHeader<'a>> {
    use crate::assigned::{self as a, FieldCode as F};
    use crate::codec::{DateValue, IntegerValue, TextString};
    use crate::mms::{MmsHeader as H, values as v};
    let indexed = matches!(
        mt,
        a::MessageType::MBOX_DELETE_CONF | a::MessageType::DELETE_CONF
    );
    Some(match field {
        F::BCC => H::Bcc(some_address(c)),
        F::CC => H::Cc(some_address(c)),
        F::TO => H::To(some_address(c)),
        F::CONTENT_LOCATION if indexed => {
            // `ContentLocationValue::indexed` says Short; the encoder falls back to the quoted
            // form past 30 octets, so give it the form it will be read back with.
            let count = codec::IntegerValue::new(c.number());
            let uri = TextString::new(some_text(c));
            let length_form = if count.encoded_len() + uri.encoded_len() <= 30 {
                codec::LengthForm::Short
            } else {
                codec::LengthForm::Quoted { leading_zeros: 0 }
            };
            H::ContentLocation(v::ContentLocationValue::Indexed {
                length_form,
                count,
                uri,
            })
        }
        F::CONTENT_LOCATION => H::ContentLocation(v::ContentLocationValue::uri(some_text(c))),
        F::CONTENT_TYPE => H::ContentType(some_content_type(c)),
        F::DATE => H::Date(DateValue::new(c.number())),
        F::DELIVERY_TIME => H::DeliveryTime(some_time(c)),
        F::EXPIRY => H::Expiry(some_time(c)),
        F::REPLY_CHARGING_DEADLINE => H::ReplyChargingDeadline(some_time(c)),
        F::FROM if c.below(4) == 0 => H::From(v::FromValue::insert_address()),
        F::FROM => H::From(v::FromValue::address(some_address(c))),
        F::MESSAGE_CLASS => {
            H::MessageClass(v::MessageClassValue::Class(c.token(a::MessageClass::ALL)))
        }
        F::MESSAGE_ID => H::MessageId(TextString::new(some_text(c))),
        F::MESSAGE_SIZE => H::MessageSize(IntegerValue::new(c.number())),
        F::PRIORITY => H::Priority(c.token(a::Priority::ALL)),
        F::RESPONSE_STATUS => H::ResponseStatus(v::ResponseStatusValue::Status(
            c.token(a::ResponseStatus::ALL),
        )),
        // The delete confirmations read `Value-length Integer Encoded-string` as the indexed
        // form: a plain text with a charset there would be ambiguous, so they get indexed ones.
        F::RESPONSE_TEXT if indexed => {
            let count = codec::IntegerValue::new(c.number());
            let text = some_encoded(c);
            // The canonical Value-length form for the content (no constructor exists).
            let length_form = if count.encoded_len() + text.encoded_len() <= 30 {
                codec::LengthForm::Short
            } else {
                codec::LengthForm::Quoted { leading_zeros: 0 }
            };
            H::ResponseText(v::ResponseTextValue::Indexed {
                length_form,
                count,
                text,
            })
        }
        F::RESPONSE_TEXT => H::ResponseText(v::ResponseTextValue::Text(some_encoded(c))),
        F::SENDER_VISIBILITY => H::SenderVisibility(c.token(a::SenderVisibility::ALL)),
        F::STATUS => H::Status(c.token(a::Status::ALL)),
        F::SUBJECT => H::Subject(some_encoded(c)),
        F::TRANSACTION_ID => H::TransactionId(TextString::new(some_text(c))),
        F::RETRIEVE_STATUS => H::RetrieveStatus(c.token(a::RetrieveStatus::ALL)),
        F::RETRIEVE_TEXT => H::RetrieveText(some_encoded(c)),
        F::READ_STATUS => H::ReadStatus(c.token(a::ReadStatus::ALL)),
        F::REPLY_CHARGING => H::ReplyCharging(c.token(a::ReplyCharging::ALL)),
        F::REPLY_CHARGING_ID => H::ReplyChargingId(TextString::new(some_text(c))),
        F::REPLY_CHARGING_SIZE => H::ReplyChargingSize(IntegerValue::new(c.number())),
        F::PREVIOUSLY_SENT_BY => {
            H::PreviouslySentBy(v::PreviouslySentBy::new(c.number(), some_address(c)))
        }
        F::PREVIOUSLY_SENT_DATE => {
            H::PreviouslySentDate(v::PreviouslySentDate::new(c.number(), c.number()))
        }
        F::STORE => H::Store(c.token(a::YesNo::ALL)),
        F::DELIVERY_REPORT => H::DeliveryReport(c.token(a::YesNo::ALL)),
        F::READ_REPORT => H::ReadReport(c.token(a::YesNo::ALL)),
        F::REPORT_ALLOWED => H::ReportAllowed(c.token(a::YesNo::ALL)),
        F::MM_STATE => H::MmState(c.token(a::MmState::ALL)),
        F::MM_FLAGS => H::MmFlags(v::MmFlags::new(c.token(a::MmFlagsToken::ALL), some_text(c))),
        F::STORE_STATUS => H::StoreStatus(c.token(a::StoreStatus::ALL)),
        F::STORE_STATUS_TEXT => H::StoreStatusText(some_encoded(c)),
        F::STORED => H::Stored(c.token(a::YesNo::ALL)),
        F::ATTRIBUTES => H::Attributes(c.pick(a::FieldCode::ALL)),
        F::TOTALS => H::Totals(c.token(a::YesNo::ALL)),
        F::MBOX_TOTALS => H::MboxTotals(v::MboxTotals::new(
            c.token(a::MboxTotalsToken::ALL),
            c.number(),
        )),
        F::QUOTAS => H::Quotas(c.token(a::YesNo::ALL)),
        F::MBOX_QUOTAS => H::MboxQuotas(v::MboxQuotas::new(
            c.token(a::MboxQuotasToken::ALL),
            c.number(),
        )),
        F::MESSAGE_COUNT => H::MessageCount(IntegerValue::new(c.number())),
        F::START => H::Start(IntegerValue::new(c.number())),
        F::DISTRIBUTION_INDICATOR => H::DistributionIndicator(c.token(a::YesNo::ALL)),
        F::ELEMENT_DESCRIPTOR => {
            // As for the indexed forms: `new` says Short, the encoder quotes past 30 octets.
            let mut d = v::ElementDescriptor::new(
                some_text(c),
                c.pick(&[&b""[..], b"\x82image/png\0", b"\x83\x85"]),
            );
            if d.reference.encoded_len() + d.params.len() > 30 {
                d.length_form = codec::LengthForm::Quoted { leading_zeros: 0 };
            }
            H::ElementDescriptor(d)
        }
        F::LIMIT => H::Limit(IntegerValue::new(c.number())),
        F::RECOMMENDED_RETRIEVAL_MODE => {
            H::RecommendedRetrievalMode(c.token(a::RetrievalMode::ALL))
        }
        F::RECOMMENDED_RETRIEVAL_MODE_TEXT => H::RecommendedRetrievalModeText(some_encoded(c)),
        F::STATUS_TEXT => H::StatusText(some_encoded(c)),
        F::APPLIC_ID => H::ApplicId(TextString::new(some_text(c))),
        F::REPLY_APPLIC_ID => H::ReplyApplicId(TextString::new(some_text(c))),
        F::AUX_APPLIC_INFO => H::AuxApplicInfo(TextString::new(some_text(c))),
        F::CONTENT_CLASS => H::ContentClass(c.token(a::ContentClass::ALL)),
        F::DRM_CONTENT => H::DrmContent(c.token(a::YesNo::ALL)),
        F::ADAPTATION_ALLOWED => H::AdaptationAllowed(c.token(a::YesNo::ALL)),
        F::REPLACE_ID => H::ReplaceId(TextString::new(some_text(c))),
        F::CANCEL_ID => H::CancelId(TextString::new(some_text(c))),
        F::CANCEL_STATUS => H::CancelStatus(c.token(a::CancelStatus::ALL)),
        _ => return None,
    })
}

/// A multipart body built with the crate's streaming writer from arbitrary choices (nested
/// up to two levels), for a PDU whose Content-Type is a multipart type.
fn some_multipart<'a>(c: &mut Choices<'a>, depth: u32) -> crate::wsp::MultipartBuilder<'a> {
    use crate::wsp::{MultipartBuilder, PartBuilder};
    let mut mp = MultipartBuilder::new();
    for _ in 0..c.below(4) {
        let ct = some_content_type(c);
        let mut part = if ct.is_multipart() && depth < 2 {
            PartBuilder::nested(ct, some_multipart(c, depth + 1))
        } else {
            PartBuilder::new(ct, c.text())
        };
        for _ in 0..c.below(3) {
            part = match c.below(3) {
                0 => part.content_id(some_text(c)),
                1 => part.content_location(some_text(c)),
                _ => part.disposition(
                    c.pick(&[
                        crate::assigned::Disposition::ATTACHMENT,
                        crate::assigned::Disposition::INLINE,
                    ]),
                    c.flag().then(|| some_text(c)),
                ),
            };
        }
        mp.push(part);
    }
    mp
}

/// The PDU body for content type `ct`: a multipart written by the crate's writer when `ct` is
/// a multipart type (the decoder checks such a body whole), raw octets otherwise. `None` when
/// the writer refuses the arbitrary parts (a clean encode error).
fn some_body(c: &mut Choices<'_>, ct: &crate::wsp::ContentType<'_>) -> Option<Vec<u8>> {
    if !ct.is_multipart() {
        return Some(c.text().to_vec());
    }
    let mp = some_multipart(c, 0);
    let wire = mp.encode_to_vec().ok()?;
    assert_eq!(mp.encoded_len(), wire.len(), "encoded_len of {mp:?}");
    // What the writer wrote, the decoder reads back part by part.
    let (decoded, _) = crate::wsp::multipart::decode(&wire, &DecodeOptions::new())
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
    Some(wire)
}

/// Structure-aware: builds a typed PDU from arbitrary choices (through `PduBuilder`, which
/// checks the presence table), encodes it, checks `encoded_len` against the octets written,
/// decodes them back to the same headers and body, and re-encodes exactly.
pub fn built_pdu(data: &[u8]) {
    use crate::assigned::{FieldCode, MessageType, MmsVersion};
    use crate::mms::build::PduBuilder;
    let mut c = Choices::new(data);
    let mt = c.pick(MessageType::ALL);
    // Mostly a version that has the type and the field chosen (so most choices build); now
    // and then any version, to reach the builder's refusals.
    let versions = [
        MmsVersion::V1_0,
        MmsVersion::V1_1,
        MmsVersion::V1_2,
        MmsVersion::V1_3,
    ];
    let since = mt.since().unwrap_or(MmsVersion::V1_0);
    let version = if c.below(8) == 0 {
        c.pick(&versions)
    } else {
        let newer: Vec<_> = versions.into_iter().filter(|v| v.0 >= since.0).collect();
        c.pick(&newer)
    };
    let loose = c.below(8) == 0;
    let allowed: Vec<FieldCode> = crate::mms::presence::fields_of(mt)
        .filter(|(_, rule)| loose || rule.since.0 <= version.0)
        .map(|(f, _)| f)
        .filter(|&f| f != FieldCode::MESSAGE_TYPE && f != FieldCode::MMS_VERSION)
        .collect();
    // One Content-Type and body per PDU, chosen up front (the PDU borrows the body).
    let content_type = some_content_type(&mut c);
    let Some(body) = some_body(&mut c, &content_type) else {
        return;
    };
    let mut builder = PduBuilder::new(mt).version(version);
    // Every mandatory field first, so most choices build; then any others.
    for (field, rule) in crate::mms::presence::fields_of(mt) {
        if rule.presence == crate::mms::presence::Presence::Mandatory {
            if field == FieldCode::CONTENT_TYPE {
                builder.set_body(content_type.clone(), &body);
            } else if let Some(h) = some_header(&mut c, mt, field) {
                builder.push(h);
            }
        }
    }
    if mt == MessageType::SEND_REQ {
        builder.push(crate::mms::MmsHeader::To(some_address(&mut c)));
    }
    let extra = c.below(12);
    for _ in 0..extra {
        if c.is_empty() {
            break;
        }
        match c.below(8) {
            0 => builder.push(crate::mms::MmsHeader::Application {
                name: codec::Token::new(c.pick(&[&b"X-Custom"[..], b"X-A b", b"Foo"])),
                value: codec::TextString::new(some_text(&mut c)),
            }),
            _ => {
                let Some(&field) = allowed.get(c.below(allowed.len())) else {
                    continue;
                };
                if field == FieldCode::CONTENT_TYPE {
                    builder.set_body(content_type.clone(), &body);
                } else if let Some(h) = some_header(&mut c, mt, field) {
                    builder.push(h);
                }
            }
        }
    }
    let built = builder.build();
    let Ok(built) = built else {
        return;
    };
    // A value its constructor cannot represent (plain text starting with a control octet)
    // is refused by the encoder: a clean error, not a finding.
    let Ok(wire) = built.encode_to_vec() else {
        return;
    };
    assert_eq!(built.encoded_len(), wire.len(), "encoded_len of {built:?}");
    let options = DecodeOptions::new();
    let decoded = Pdu::decode_with(&wire, &options)
        .unwrap_or_else(|e| panic!("a built PDU decodes: {e}\n{built:?}\n{wire:02X?}"));
    // Each header comes back as the same field, typed (not kept raw), with the same octets.
    // Compared by octets rather than `==`: constructors such as `PreviouslySentBy::new` say
    // `LengthForm::Short` and the encoder quotes the length past 30 octets, so the value read
    // back differs in its remembered form only (fuzz/README.md, findings).
    let shape = |h: &crate::mms::MmsHeader<'_>| (h.field(), h.is_raw(), encode_exact(h));
    let built_headers: Vec<_> = built.headers().map(shape).collect();
    let decoded_headers: Vec<_> = decoded.headers().map(shape).collect();
    assert_eq!(
        decoded_headers, built_headers,
        "headers come back\n{built:?}\n{decoded:?}\n{wire:02X?}"
    );
    assert_eq!(decoded.body(), built.body(), "the body comes back");
    assert_eq!(decoded.trailing(), built.trailing());
    assert_eq!(
        encode_exact(&decoded),
        wire,
        "the decoded PDU re-encodes exactly"
    );
}
