//! Phase 2 of the corpus test: decode every file through the front door
//! (`mms_pdu::decode_with`), check every fact of its data file and the byte-exact round trip,
//! and the layers on their own: the push layer (its diagnostics or error, its round trip, every
//! strict prefix, the SMS path), the MMS layer of a bare PDU, and the multipart layer of every
//! multipart body. All coupling to the crate's API sits in `pdu_view`, `check_push`,
//! `check_multipart` and `decode_file`, so API changes stay local.
//!
//! There is one test per source directory (`corpus_<dir>`), each collecting every problem of
//! its files before failing, and printing one summary line.
//!
//! Golden files are not compared here: they are the JSON of the decoded model from the `serde`
//! feature (`tests/golden/<corpus path>.json`), checked by `tests/golden.rs`.

use crate::corpus_facts::{
    Body, CorpusFile, Expiry, INSERT_ADDRESS, Kind, Octet, Outcome, Part as PartFacts, PduFacts,
    SmsNotification, Val, corpus,
};
use crate::{corpus_root, read};
use mms_pdu::assigned::YesNo;
use mms_pdu::codec::Encode;
use mms_pdu::message::{SmsPushError, is_seven_bit_mangled_push, notification_from_sms};
use mms_pdu::mms::{ContentLocationValue, FromValue, MessageClassValue, MmsHeader, Pdu, Time};
use mms_pdu::sms::{SegmentOptions, segment_to_vecs};
use mms_pdu::wsp::{ApplicationIdValue, ContentType, Push, multipart};
use mms_pdu::{DecodeOptions, Message};
use std::collections::BTreeSet;
use std::io::Write as _;

/// One multipart entry as our decoder sees it.
#[derive(Debug)]
struct PartView {
    content_type: Option<String>,
    /// Every identifier of the part: name, filename, Content-ID, Content-Location.
    ids: Vec<String>,
    size: usize,
}

/// Our decoder's answers, reduced to plain values comparable with the facts.
#[derive(Debug, Default)]
struct PduView {
    message_type: Option<String>,
    version: Option<String>,
    transaction_id: Option<String>,
    from: Option<String>,
    to: Vec<String>,
    cc: Vec<String>,
    bcc: Vec<String>,
    subject: Option<String>,
    message_class: Option<String>,
    priority: Option<String>,
    message_size: Option<u64>,
    expiry: Option<Expiry>,
    content_location: Option<String>,
    message_id: Option<String>,
    date: Option<u64>,
    delivery_report: Option<Result<bool, u8>>,
    read_report: Option<Result<bool, u8>>,
    report_allowed: Option<Result<bool, u8>>,
    sender_visibility: Option<String>,
    status: Option<Octet>,
    retrieve_status: Option<Octet>,
    response_status: Option<Octet>,
    read_status: Option<Octet>,
    response_text: Option<String>,
    retrieve_text: Option<String>,
    application_headers: Vec<String>,
    content_type: Option<Option<String>>,
    start: Option<String>,
    type_param: Option<String>,
    body_len: Option<usize>,
    /// `None` when the body is not multipart; `Err` when its parts do not decode.
    parts: Option<Result<Vec<PartView>, String>>,
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn yes_no(v: YesNo) -> Result<bool, u8> {
    match v {
        YesNo::YES => Ok(true),
        YesNo::NO => Ok(false),
        other => Err(other.get()),
    }
}

/// The first typed header `f` selects.
fn first<'a, T>(pdu: &Pdu<'a>, f: impl Fn(&MmsHeader<'a>) -> Option<T>) -> Option<T> {
    pdu.headers().find_map(|h| f(&h))
}

fn media_name(ct: &ContentType<'_>) -> Option<String> {
    ct.media_name().map(str::to_ascii_lowercase)
}

fn part_views(pdu: &Pdu<'_>) -> Option<Result<Vec<PartView>, String>> {
    let multipart = match pdu.multipart()? {
        Ok(m) => m,
        Err(e) => return Some(Err(format!("{e:?}"))),
    };
    let parts = match multipart.parts_vec() {
        Ok(parts) => parts,
        Err(e) => return Some(Err(format!("{e:?}"))),
    };
    Some(Ok(parts
        .iter()
        .map(|part| PartView {
            content_type: media_name(&part.content_type),
            ids: [
                part.content_type.name(),
                part.content_type.filename(),
                part.headers.filename(),
                part.content_id(),
                part.content_location(),
                part.name(),
            ]
            .into_iter()
            .flatten()
            .map(text)
            .collect(),
            size: part.data.len(),
        })
        .collect()))
}

fn pdu_view(pdu: &Pdu<'_>) -> PduView {
    let options = DecodeOptions::new();
    let charset = options.default_charset();
    let content_type = pdu.content_type();
    PduView {
        message_type: pdu
            .message_type()
            .map(|t| t.name().map_or_else(|| format!("{t:?}"), str::to_owned)),
        version: pdu.version().map(|v| match (v.major(), v.minor()) {
            (Some(major), Some(minor)) => format!("{major}.{minor}"),
            _ => format!("{v:?}"),
        }),
        transaction_id: pdu.transaction_id().map(|t| text(t.bytes)),
        from: pdu.from().map(|f| match f {
            FromValue::InsertAddress { .. } => INSERT_ADDRESS.to_owned(),
            FromValue::AddressPresent { address, .. } | FromValue::Bare { address } => {
                address.text().into_owned()
            }
        }),
        to: pdu.to().map(|a| a.text().into_owned()).collect(),
        cc: pdu.cc().map(|a| a.text().into_owned()).collect(),
        bcc: pdu.bcc().map(|a| a.text().into_owned()).collect(),
        subject: pdu.subject_text(&options).map(std::borrow::Cow::into_owned),
        message_class: pdu.message_class().map(|c| match c {
            MessageClassValue::Class(c) => c.name().map_or_else(|| format!("{c:?}"), str::to_owned),
            MessageClassValue::Text(t) => t.as_str().unwrap_or_default().to_owned(),
        }),
        priority: first(pdu, |h| match h {
            MmsHeader::Priority(p) => {
                Some(p.name().map_or_else(|| format!("{p:?}"), str::to_owned))
            }
            _ => None,
        }),
        message_size: pdu.message_size().map(|s| s.value),
        expiry: pdu.expiry().map(|e| match e.time {
            Time::Absolute(d) => Expiry::Absolute(d.value),
            Time::Relative(d) => Expiry::Relative(d.value),
        }),
        content_location: pdu.content_location().map(|c| match c {
            ContentLocationValue::Plain(t) | ContentLocationValue::Indexed { value: t, .. } => {
                text(t.bytes)
            }
        }),
        message_id: pdu.message_id().map(|t| text(t.bytes)),
        date: pdu.date().map(|d| d.value),
        delivery_report: first(pdu, |h| match h {
            MmsHeader::DeliveryReport(v) => Some(yes_no(*v)),
            _ => None,
        }),
        read_report: first(pdu, |h| match h {
            MmsHeader::ReadReport(v) => Some(yes_no(*v)),
            _ => None,
        }),
        report_allowed: first(pdu, |h| match h {
            MmsHeader::ReportAllowed(v) => Some(yes_no(*v)),
            _ => None,
        }),
        sender_visibility: first(pdu, |h| match h {
            MmsHeader::SenderVisibility(v) => {
                Some(v.name().map_or_else(|| format!("{v:?}"), str::to_owned))
            }
            _ => None,
        }),
        status: pdu.status().map(|s| Octet(s.get())),
        retrieve_status: pdu.retrieve_status().map(|s| Octet(s.get())),
        response_status: pdu.response_status().map(|s| Octet(s.get())),
        read_status: first(pdu, |h| match h {
            MmsHeader::ReadStatus(v) => Some(Octet(v.get())),
            _ => None,
        }),
        response_text: first(pdu, |h| match h {
            MmsHeader::ResponseText(_) => h.text(charset).map(std::borrow::Cow::into_owned),
            _ => None,
        }),
        retrieve_text: first(pdu, |h| match h {
            MmsHeader::RetrieveText(_) => h.text(charset).map(std::borrow::Cow::into_owned),
            _ => None,
        }),
        application_headers: pdu.application_headers().map(|(n, _)| text(n)).collect(),
        content_type: content_type.as_ref().map(media_name),
        start: content_type.as_ref().and_then(ContentType::start).map(text),
        type_param: content_type
            .as_ref()
            .and_then(ContentType::type_param)
            .map(|m| {
                m.name()
                    .map_or_else(|| format!("{m:?}"), str::to_ascii_lowercase)
            }),
        body_len: pdu.body().map(<[u8]>::len),
        parts: part_views(pdu),
    }
}

fn eq<T: PartialEq + std::fmt::Debug>(
    name: &str,
    want: Option<T>,
    got: Option<T>,
    p: &mut Vec<String>,
) {
    if let Some(want) = want {
        if got.as_ref() != Some(&want) {
            p.push(format!(
                "{name}: MANIFEST says {want:?}, decoder says {got:?}"
            ));
        }
    }
}

fn val<T: PartialEq + std::fmt::Debug>(
    name: &str,
    want: Val<T>,
    got: Option<T>,
    p: &mut Vec<String>,
) {
    match want {
        Val::Unstated => {}
        Val::Absent => {
            if got.is_some() {
                p.push(format!(
                    "{name}: MANIFEST says absent, decoder says {got:?}"
                ));
            }
        }
        Val::Is(w) => eq(name, Some(w), got, p),
    }
}

fn list(name: &str, want: &Val<Vec<String>>, got: &[String], p: &mut Vec<String>) {
    match want {
        Val::Unstated => {}
        Val::Absent => {
            if !got.is_empty() {
                p.push(format!(
                    "{name}: MANIFEST says absent, decoder says {got:?}"
                ));
            }
        }
        Val::Is(w) => {
            if w != got {
                p.push(format!("{name}: MANIFEST says {w:?}, decoder says {got:?}"));
            }
        }
    }
}

/// Compares one stated part with the decoded one.
fn check_part(i: usize, want: &PartFacts, got: &PartView, p: &mut Vec<String>) {
    if got.content_type.as_deref() != Some(want.content_type.as_str()) {
        p.push(format!(
            "part {i} content type: MANIFEST says {:?}, decoder says {:?}",
            want.content_type, got.content_type
        ));
    }
    if let Some(id) = &want.id {
        let bare = |s: &str| s.trim_start_matches('<').trim_end_matches('>').to_owned();
        if !got.ids.iter().any(|g| g == id || bare(g) == bare(id)) {
            p.push(format!(
                "part {i} id: MANIFEST says {id:?}, decoder's name/filename/Content-ID/Content-Location are {:?}",
                got.ids
            ));
        }
    }
    if let Some(size) = want.size {
        if got.size != size {
            p.push(format!(
                "part {i} size: MANIFEST says {size}, decoder says {}",
                got.size
            ));
        }
    }
}

/// Compares the stated facts with the view; every mismatch becomes one line in `p`.
fn check_pdu(facts: &PduFacts, view: &PduView, p: &mut Vec<String>) {
    eq(
        "message type",
        facts.message_type.as_deref(),
        view.message_type.as_deref(),
        p,
    );
    eq(
        "MMS version",
        facts.version.as_deref(),
        view.version.as_deref(),
        p,
    );
    val(
        "Transaction-ID",
        facts.transaction_id.as_deref(),
        view.transaction_id.as_deref(),
        p,
    );
    val("From", facts.from.as_deref(), view.from.as_deref(), p);
    list("To", &facts.to, &view.to, p);
    list("Cc", &facts.cc, &view.cc, p);
    list("Bcc", &facts.bcc, &view.bcc, p);
    // A UTF-8 BOM at the start of the Subject is not part of the stated text.
    let subject = view
        .subject
        .as_deref()
        .map(|s| s.trim_start_matches('\u{feff}'));
    let want_subject = match facts.subject.as_deref() {
        Val::Is(s) => Val::Is(s.trim_start_matches('\u{feff}')),
        other => other,
    };
    val("Subject", want_subject, subject, p);
    eq(
        "Message-Class",
        facts.message_class.as_deref(),
        view.message_class.as_deref(),
        p,
    );
    eq(
        "Priority",
        facts.priority.as_deref(),
        view.priority.as_deref(),
        p,
    );
    eq("Message-Size", facts.message_size, view.message_size, p);
    eq("Expiry", facts.expiry, view.expiry, p);
    eq(
        "Content-Location",
        facts.content_location.as_deref(),
        view.content_location.as_deref(),
        p,
    );
    val(
        "Message-ID",
        facts.message_id.as_deref(),
        view.message_id.as_deref(),
        p,
    );
    eq("Date", facts.date, view.date, p);
    eq(
        "Delivery-Report",
        facts.delivery_report.map(Ok),
        view.delivery_report,
        p,
    );
    eq(
        "Read-Report",
        facts.read_report.map(Ok),
        view.read_report,
        p,
    );
    eq(
        "Report-Allowed",
        facts.report_allowed.map(Ok),
        view.report_allowed,
        p,
    );
    eq(
        "Sender-Visibility",
        facts.sender_visibility.as_deref(),
        view.sender_visibility.as_deref(),
        p,
    );
    eq("Status", facts.status, view.status, p);
    eq(
        "Retrieve-Status",
        facts.retrieve_status,
        view.retrieve_status,
        p,
    );
    eq(
        "Response-Status",
        facts.response_status,
        view.response_status,
        p,
    );
    eq("Read-Status", facts.read_status, view.read_status, p);
    eq(
        "Response-Text",
        facts.response_text.as_deref(),
        view.response_text.as_deref(),
        p,
    );
    eq(
        "Retrieve-Text",
        facts.retrieve_text.as_deref(),
        view.retrieve_text.as_deref(),
        p,
    );
    if let Some(want) = &facts.application_headers {
        if *want != view.application_headers {
            p.push(format!(
                "application headers: MANIFEST says {want:?}, decoder says {:?}",
                view.application_headers
            ));
        }
    }
    match (facts.content_type.as_deref(), &view.content_type) {
        (Val::Absent, Some(got)) => p.push(format!(
            "Content-Type: MANIFEST says absent, decoder says {got:?}"
        )),
        (Val::Is(want), None) => p.push(format!(
            "Content-Type: MANIFEST says {want:?}, decoder found none"
        )),
        (Val::Is(want), Some(got))
            if !got.as_deref().is_some_and(|g| g.eq_ignore_ascii_case(want)) =>
        {
            p.push(format!(
                "Content-Type: MANIFEST says {want:?}, decoder says {got:?}"
            ));
        }
        _ => {}
    }
    eq(
        "Content-Type start",
        facts.start.as_deref(),
        view.start.as_deref(),
        p,
    );
    eq(
        "Content-Type type",
        facts.type_param.as_deref(),
        view.type_param.as_deref(),
        p,
    );
    match &facts.body {
        Val::Unstated => {}
        Val::Absent => {
            if view.body_len.is_some_and(|n| n > 0) {
                p.push(format!(
                    "body: MANIFEST says none, decoder found {:?} octets",
                    view.body_len
                ));
            }
        }
        Val::Is(Body::Single { size }) => {
            eq("body size", Some(*size), view.body_len, p);
            if view.parts.is_some() {
                p.push("body: MANIFEST says a single body, decoder says multipart".into());
            }
        }
        Val::Is(Body::Parts(want)) => match &view.parts {
            None => p.push(format!(
                "body: MANIFEST lists {} parts, decoder found no multipart body",
                want.len()
            )),
            Some(Err(e)) => p.push(format!("body: the multipart does not decode: {e}")),
            Some(Ok(got)) => {
                if got.len() != want.len() {
                    p.push(format!(
                        "part count: MANIFEST says {}, decoder says {}",
                        want.len(),
                        got.len()
                    ));
                }
                for (i, (w, g)) in want.iter().zip(got).enumerate() {
                    check_part(i, w, g, p);
                }
            }
        },
    }
}

/// Checks the multipart layer on its own for a PDU with a multipart body (the body is the tail
/// of `bytes`): `multipart::decode_at` accepts it, and it re-encodes to exactly its octets,
/// whole and part by part. Returns whether there was a multipart body.
fn check_multipart(pdu: &Pdu<'_>, bytes: &[u8], p: &mut Vec<String>) -> bool {
    let (Some(body), Some(content_type)) = (pdu.body(), pdu.content_type()) else {
        return false;
    };
    if !content_type.is_multipart() {
        return false;
    }
    let at = bytes.len() - body.len();
    let mp = match multipart::decode_at(body, at, &DecodeOptions::new()) {
        Ok((mp, _)) => mp,
        Err(e) => {
            p.push(format!("multipart layer: {e:?}"));
            return true;
        }
    };
    if mp.encode_to_vec().ok().as_deref() != Some(body) {
        p.push("multipart layer: the body does not re-encode byte-exact".into());
    }
    let mut again = Vec::new();
    if let Some(count) = mp.declared_count() {
        count.encode(&mut again).unwrap();
    }
    for (i, part) in mp.parts().enumerate() {
        let part = match part {
            Ok(part) => part,
            Err(e) => {
                p.push(format!("multipart layer: part {i}: {e:?}"));
                return true;
            }
        };
        for header in part.headers.iter() {
            match header {
                Ok(h) if h.header.encode(&mut Vec::new()).is_ok() => {}
                Ok(h) => p.push(format!("multipart layer: part {i}: {h:?} does not encode")),
                Err(e) => p.push(format!("multipart layer: part {i} header: {e:?}")),
            }
        }
        if let Err(e) = part.encode(&mut again) {
            p.push(format!("multipart layer: part {i} does not encode: {e:?}"));
        }
    }
    if again != body {
        p.push(format!(
            "multipart layer: the parts re-encode differently at body offset {}",
            first_difference(body, &again)
        ));
    }
    true
}

/// Checks the push framing facts: on the connectionless push when it decodes; else the TID and
/// PDU type octets where the decoder stopped, and for a ConfirmedPush (valid in connection mode
/// only) the rest on its connection-mode decode after the TID. Also the push layer on its own:
/// its diagnostics or error, its round trip, every strict prefix, and the SMS path.
fn check_push(file: &CorpusFile, bytes: &[u8], p: &mut Vec<String>) {
    let Some(want) = &file.push else { return };
    if is_seven_bit_mangled_push(bytes) {
        p.push("taken for a push mangled by a 7-bit transport".into());
    }
    check_push_prefixes(bytes, p);
    if let Some(sms) = &want.sms_notification {
        check_sms_notification(sms, bytes, p);
    }
    let options = DecodeOptions::new();
    let push = match Push::decode_with(bytes, &options) {
        Ok(push) => {
            eq("push TID", Some(want.tid), push.tid(), p);
            if let Some(error) = &want.error {
                p.push(format!(
                    "push layer: the facts say it fails with {error:?}, it decodes"
                ));
            }
            let got: Vec<serde_json::Value> = push
                .diagnostics()
                .iter()
                .map(|d| serde_json::to_value(d.kind).unwrap())
                .collect();
            if want.diagnostics.as_ref().is_some_and(|w| *w != got) {
                p.push(format!(
                    "push layer diagnostics: the facts say {:?}, decoder says {got:?}",
                    want.diagnostics
                ));
            }
            let strict = DecodeOptions::new().strict(true);
            if !got.is_empty() && Push::decode_with(bytes, &strict).is_ok() {
                p.push(
                    "push layer: diagnostics in lenient mode, yet strict mode accepts it".into(),
                );
            }
            let again = push.encode_to_vec().unwrap_or_default();
            if again != bytes {
                p.push(format!(
                    "push layer round trip differs at offset {}",
                    first_difference(bytes, &again)
                ));
            }
            if push.is_mms() && push.body().first() != Some(&0x8C) {
                p.push("push layer: an MMS push whose body does not start with 8C".into());
            }
            push
        }
        Err(e) => {
            if want.diagnostics.is_some() {
                p.push(format!(
                    "push layer: the facts say it decodes, it fails: {e:?}"
                ));
            }
            eq("push layer error", want.error, Some(e.kind), p);
            eq("push TID", Some(want.tid), bytes.first().copied(), p);
            eq(
                "push PDU type",
                Some(want.pdu_type),
                bytes.get(1).copied().map(Octet),
                p,
            );
            if want.pdu_type != Octet(0x06) && (e.context, e.offset) != ("PDU type", 1) {
                p.push(format!(
                    "push PDU type {:?}: the decoder should stop at it (offset 1), it says {e:?}",
                    want.pdu_type
                ));
            }
            match bytes.split_first() {
                Some((_, rest)) if want.pdu_type == Octet(0x07) => {
                    match Push::decode_connection_mode(rest, &options) {
                        Ok(push) => push,
                        Err(e) => {
                            p.push(format!("ConfirmedPush in connection mode: {e:?}"));
                            return;
                        }
                    }
                }
                _ => return,
            }
        }
    };
    eq(
        "push PDU type",
        Some(want.pdu_type),
        Some(Octet(push.pdu_type().get())),
        p,
    );
    eq(
        "push HeadersLen",
        want.headers_len,
        Some(push.headers_len().value),
        p,
    );
    if let Some(want_ct) = &want.content_type {
        let got = media_name(push.content_type());
        if !got
            .as_deref()
            .is_some_and(|g| g.eq_ignore_ascii_case(want_ct))
        {
            p.push(format!(
                "push content type: MANIFEST says {want_ct:?}, decoder says {got:?}"
            ));
        }
    }
    eq("push is_mms", want.is_mms, Some(push.is_mms()), p);
    eq(
        "push body length",
        want.body_len,
        Some(push.body().len()),
        p,
    );
    eq(
        "push Content-Length",
        want.content_length,
        push.content_length(),
        p,
    );
    let app = push.application_id();
    let code = match app {
        Some(ApplicationIdValue::Code(id)) => Some(u64::from(id.get())),
        _ => None,
    };
    match want.app_id {
        Val::Unstated => {}
        Val::Absent => {
            if app.is_some() {
                p.push(format!(
                    "push app id: MANIFEST says absent, decoder says {app:?}"
                ));
            }
        }
        Val::Is(want) => {
            if code != Some(want) {
                p.push(format!(
                    "push app id: MANIFEST says {want}, decoder says {app:?}"
                ));
            }
        }
    }
}

/// Every strict prefix of a push fails cleanly in the push layer, or decodes to a push that
/// re-encodes to exactly that prefix.
fn check_push_prefixes(bytes: &[u8], p: &mut Vec<String>) {
    let options = DecodeOptions::new();
    for n in 0..bytes.len() {
        let prefix = &bytes[..n];
        if let Ok(push) = Push::decode_with(prefix, &options) {
            if push.encode_to_vec().ok().as_deref() != Some(prefix) {
                p.push(format!(
                    "push layer: the prefix of {n} octets decodes but does not re-encode to itself"
                ));
            }
        }
    }
}

/// The push sent as SMS segments and read back with `notification_from_sms`, the segments in
/// order and reversed.
fn check_sms_notification(want: &SmsNotification, bytes: &[u8], p: &mut Vec<String>) {
    let options = DecodeOptions::new();
    let segments = match segment_to_vecs(bytes, &SegmentOptions::wap_push(1)) {
        Ok(segments) => segments,
        Err(e) => {
            p.push(format!("SMS: the push does not segment: {e:?}"));
            return;
        }
    };
    // The MMS PDU starts where the push body does; a failure in it lies past that.
    let body_offset = Push::decode_with(bytes, &options).map_or(0, |push| push.body_offset());
    for reversed in [false, true] {
        let mut refs: Vec<&[u8]> = segments.iter().map(Vec::as_slice).collect();
        if reversed {
            refs.reverse();
        }
        let mut buf = Vec::new();
        let got = notification_from_sms(&refs, &mut buf, &options);
        let order = if reversed { "reversed" } else { "in order" };
        match (want, got) {
            (SmsNotification::Decodes, Ok((push, _))) => {
                if push.encode_to_vec().ok().as_deref() != Some(bytes) {
                    p.push(format!(
                        "SMS ({order}): the notification's push does not re-encode to the file"
                    ));
                }
            }
            (SmsNotification::FailsIn(field), Err(SmsPushError::Pdu(e)))
                if e.context == field.as_str() && e.offset > body_offset => {}
            (want, got) => p.push(format!(
                "SMS ({order}): the facts say {want:?}, notification_from_sms says {:?}",
                got.map(|_| "a notification")
            )),
        }
    }
}

/// What decoding one file produced.
enum Decoded {
    /// Decoded: the re-encoded bytes, diagnostics, the MMS view, whether the PDU has a
    /// multipart body (checked by [`check_multipart`]).
    Ok {
        reencoded: Vec<u8>,
        diagnostics: Vec<String>,
        view: Option<Box<PduView>>,
        multipart: bool,
    },
    /// A clean error, with its absolute offset.
    Err { offset: usize, message: String },
}

/// Decodes one file through `mms_pdu::decode_with`; push framing facts are checked on the push
/// layer alone first, so they are checked even when the inner PDU fails. When it decodes, so
/// must a bare PDU through the MMS layer alone, and a multipart body through the multipart
/// layer alone.
fn decode_file(file: &CorpusFile, bytes: &[u8], p: &mut Vec<String>) -> Decoded {
    let options = DecodeOptions::new();
    if file.kind == Kind::Push {
        check_push(file, bytes, p);
    }
    let message = match mms_pdu::decode_with(bytes, &options) {
        Err(e) => {
            return Decoded::Err {
                offset: e.offset,
                message: format!("{e:?}"),
            };
        }
        Ok(message) => message,
    };
    let mut diagnostics = Vec::new();
    match (&message, file.kind) {
        (Message::Pdu(_), Kind::BarePdu) => match Pdu::decode(bytes) {
            Ok(pdu) if pdu.encode_to_vec().ok().as_deref() == Some(bytes) => {}
            Ok(_) => p.push("MMS layer: the PDU does not re-encode byte-exact".into()),
            Err(e) => p.push(format!(
                "MMS layer: {e:?}, though the front door decodes it"
            )),
        },
        (Message::Push(pm), Kind::Push) => {
            diagnostics.extend(pm.diagnostics.iter().map(|d| format!("push: {d:?}")));
            if let (Some(pdu), Some(body)) = (&pm.pdu, pm.push.mms_body()) {
                let inner = pdu.encode_to_vec().unwrap_or_default();
                if inner != body {
                    p.push(format!(
                        "inner PDU round trip differs at body offset {}",
                        first_difference(body, &inner)
                    ));
                }
            }
        }
        (Message::Pdu(_), Kind::Push) => p.push("a push, but decoded as a bare PDU".into()),
        (Message::Push(_), Kind::BarePdu) => p.push("a bare PDU, but decoded as a push".into()),
    }
    let mut multipart = false;
    if let Some(pdu) = message.pdu() {
        diagnostics.extend(pdu.diagnostics().iter().map(|d| format!("mms: {d:?}")));
        multipart = check_multipart(pdu, bytes, p);
    }
    Decoded::Ok {
        reencoded: message.encode_to_vec().unwrap_or_default(),
        diagnostics,
        view: message.pdu().map(|pdu| Box::new(pdu_view(pdu))),
        multipart,
    }
}

fn first_difference(a: &[u8], b: &[u8]) -> usize {
    a.iter()
        .zip(b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()))
}

/// Every problem with one file (empty when it behaves as its entry says), and whether it had a
/// multipart body.
fn check_file(file: &CorpusFile, bytes: &[u8]) -> (Vec<String>, bool) {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut p = Vec::new();
        let d = decode_file(file, bytes, &mut p);
        (d, p)
    }));
    let Ok((decoded, mut problems)) = result else {
        return (vec!["PANIC while decoding".into()], false);
    };
    let mut had_multipart = false;
    match (decoded, &file.outcome) {
        (Decoded::Err { offset, message }, Outcome::Fails(_) | Outcome::NotClean(_)) => {
            if offset > bytes.len() {
                problems.push(format!(
                    "error offset {offset} past the end ({} octets): {message}",
                    bytes.len()
                ));
            }
        }
        (Decoded::Err { message, .. }, expected) => {
            problems.push(format!(
                "expected {expected:?}; the decoder failed: {message}"
            ));
        }
        (Decoded::Ok { .. }, Outcome::Fails(why)) => {
            problems.push(format!("expected a failure ({why}), but it decoded"));
        }
        (
            Decoded::Ok {
                reencoded,
                diagnostics,
                view,
                multipart,
            },
            expected,
        ) => {
            had_multipart = multipart;
            if reencoded != bytes {
                problems.push(format!(
                    "round trip differs at offset {} (file {} octets, re-encoded {})",
                    first_difference(bytes, &reencoded),
                    bytes.len(),
                    reencoded.len()
                ));
            }
            if matches!(expected, Outcome::Lenient(_) | Outcome::NotClean(_))
                && diagnostics.is_empty()
            {
                problems.push(format!(
                    "expected a diagnostic ({expected:?}); none reported"
                ));
            }
            match (&file.pdu, &view) {
                (Some(facts), Some(view)) => check_pdu(facts, view, &mut problems),
                (Some(_), None) => {
                    problems.push("MANIFEST states MMS facts; no MMS PDU was decoded".into());
                }
                _ => {}
            }
        }
    }
    (problems, had_multipart)
}

/// Decodes every corpus file of source directory `dir`, prints one summary line, and fails
/// with every problem of every file at once.
fn check_source_dir(dir: &str) {
    let Some(root) = corpus_root() else { return };
    let files: Vec<&CorpusFile> = corpus().iter().filter(|f| f.source_dir() == dir).collect();
    assert!(!files.is_empty(), "no corpus files from {dir} in the facts");
    let (mut as_expected, mut failed_as_expected, mut multipart_bodies) = (0, 0, 0);
    let mut report = Vec::new();
    for file in &files {
        let bytes = read(&root, file);
        let (problems, multipart) = check_file(file, &bytes);
        multipart_bodies += usize::from(multipart);
        if problems.is_empty() {
            if matches!(file.outcome, Outcome::Fails(_)) {
                failed_as_expected += 1;
            } else {
                as_expected += 1;
            }
        } else {
            report.push(format!("{}:\n  {}", file.path, problems.join("\n  ")));
        }
    }
    // Straight to stderr: the harness captures `eprintln!` of passing tests.
    let _ = writeln!(
        std::io::stderr(),
        "corpus {dir}: {} files: {as_expected} decoded as expected, {failed_as_expected} failed as expected, {} unexpected; {multipart_bodies} multipart bodies",
        files.len(),
        report.len()
    );
    assert!(
        report.is_empty(),
        "{} of {} corpus files from {dir} disagree with their facts (tests/facts/):\n{}",
        report.len(),
        files.len(),
        report.join("\n")
    );
}

macro_rules! source_dirs {
    ($($test:ident => $dir:literal,)+) => {
        $(
            #[doc = concat!("The corpus files from `", $dir, "`.")]
            #[test]
            fn $test() {
                check_source_dir($dir);
            }
        )+

        /// Every source directory of the facts has its test above.
        #[test]
        fn every_source_dir_has_a_test() {
            let tested: BTreeSet<&str> = [$($dir),+].into_iter().collect();
            let in_table: BTreeSet<&str> = corpus().iter().map(CorpusFile::source_dir).collect();
            assert_eq!(tested, in_table, "add the missing directories to source_dirs!");
        }
    };
}

source_dirs! {
    corpus_aosp => "aosp",
    corpus_gammu => "gammu",
    corpus_jolla_mms_engine => "jolla-mms-engine",
    corpus_muditaos => "muditaos",
    corpus_nuntium => "nuntium",
    corpus_ofono_mmsd => "ofono-mmsd",
    corpus_openharmony_sms_mms => "openharmony-sms-mms",
    corpus_python_messaging => "python-messaging",
}
