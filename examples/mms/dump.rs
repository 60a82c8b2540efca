//! `mms dump`: every field with its byte range, hex and value.

use std::fmt::Write as _;
use std::io::Write as _;

use mms_pdu::codec::Encode;
use mms_pdu::diag::Diagnostic;
use mms_pdu::mms::{HeaderWalk, Pdu};
use mms_pdu::sms::{Framing, UserDataHeader, classify};
use mms_pdu::wsp::Multipart;
use mms_pdu::wsp::Push;
use mms_pdu::{DecodeError, DecodeOptions, Message};

use crate::Failure;
use crate::input::{Input, decode_failure};

/// One annotated line: offset, length, the first octets in hex, what they are.
pub(crate) fn dump_line(
    out: &mut String,
    whole: &[u8],
    offset: usize,
    len: usize,
    depth: usize,
    what: &str,
) {
    const SHOWN: usize = 12;
    let octets = whole.get(offset..offset.saturating_add(len)).unwrap_or(&[]);
    let mut hex: String = octets
        .iter()
        .take(SHOWN)
        .map(|b| format!("{b:02X} "))
        .collect();
    if octets.len() > SHOWN {
        hex.push('…');
    }
    let pad = "  ".repeat(depth);
    let _ = writeln!(out, "{offset:06} {len:>6}  {hex:<37} {pad}{what}");
}

pub(crate) fn dump_command(input: &Input) -> Result<(), Failure> {
    let (out, error) = dump_listing(&input.path, &input.bytes, &input.options)?;
    emit!("{out}");
    match error {
        Some(e) => Err(decode_failure(&input.path, &e)),
        None => Ok(()),
    }
}

/// The listing of one input, and the error when it does not decode: then every field up to
/// the fault, and the fault (as Wireshark shows a decoded prefix and "[Malformed Packet]").
pub(crate) fn dump_listing(
    path: &str,
    bytes: &[u8],
    options: &DecodeOptions,
) -> Result<(String, Option<DecodeError>), Failure> {
    let mut out = String::new();
    let _ = writeln!(out, "{path}: {} octets", bytes.len());
    let _ = writeln!(
        out,
        "offset length  octets                                what"
    );
    let error = match mms_pdu::decode_with(bytes, options) {
        Ok(Message::Pdu(pdu)) => {
            dump_pdu(&mut out, bytes, 0, &pdu, 0, false)?;
            return Ok((out, None));
        }
        Ok(Message::Push(p)) => {
            let base = p.framing.as_ref().map_or(0, |f| {
                dump_framing(&mut out, bytes, f);
                f.payload_offset()
            });
            dump_push(&mut out, bytes, base, &p.push, &p.diagnostics);
            dump_pushed(&mut out, bytes, &p.push, p.pdu.as_ref(), false)?;
            return Ok((out, None));
        }
        Err(e) => e,
    };
    if let Err(partial) = mms_pdu::decode_partial(bytes, options) {
        let pdu = partial.pdu();
        let decoded = (pdu.headers().len() > 0).then_some(pdu);
        match &partial.push {
            Some(push) => {
                // Read behind its SMS framing, as the partial decode reads it.
                let framing = classify(bytes);
                dump_framing(&mut out, bytes, &framing);
                let base = framing.payload_offset();
                dump_push(&mut out, bytes, base, push, &partial.diagnostics);
                dump_pushed(&mut out, bytes, push, decoded, true)?;
            }
            None => {
                if let Some(pdu) = decoded {
                    dump_pdu(&mut out, bytes, 0, pdu, 0, true)?;
                }
            }
        }
    }
    let incomplete = if error.is_incomplete() {
        " (input ends)"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "{:06}         [Malformed Packet{incomplete}] {}: {}",
        error.offset, error.context, error.kind
    );
    Ok((out, Some(error)))
}

/// The lines of an SMS framing in front of a push, each field with its byte range: the TPDU
/// fields of an SMS-DELIVER (3GPP TS 23.040 §9.2.2.1), then the user data header (UDHL and
/// each information element, §9.2.3.24). Nothing for an unframed input.
fn dump_framing(out: &mut String, bytes: &[u8], framing: &Framing<'_>) {
    match framing {
        Framing::UserData { header, .. } => dump_header(out, bytes, 0, header),
        Framing::Deliver(d) => {
            let smsc_field = 1 + bytes.first().map_or(0, |&n| usize::from(n));
            let smsc = d
                .smsc()
                .map_or_else(|| "(none)".to_owned(), |a| a.to_string());
            dump_line(
                out,
                bytes,
                0,
                smsc_field,
                0,
                &format!("SMSC address {smsc}"),
            );
            let first = d.first_octet();
            let mut flags = String::from("SMS-DELIVER");
            for (set, name) in [
                (first.more_messages_waiting(), "TP-MMS"),
                (first.status_report(), "TP-SRI"),
                (first.user_data_header(), "TP-UDHI"),
                (first.reply_path(), "TP-RP"),
            ] {
                if set {
                    let _ = write!(flags, ", {name}");
                }
            }
            dump_line(
                out,
                bytes,
                smsc_field,
                1,
                0,
                &format!("first octet 0x{:02X} ({flags})", first.0),
            );
            // TP-PID, TP-DCS, TP-SCTS (7 octets) and TP-UDL stand between TP-OA and TP-UD.
            let ud = d.user_data_offset();
            let oa = smsc_field + 1;
            let pid = ud.saturating_sub(10);
            let fields = [
                (
                    oa,
                    pid.saturating_sub(oa),
                    format!("TP-OA {}", d.originator()),
                ),
                (pid, 1, format!("TP-PID 0x{:02X}", d.protocol_id())),
                (pid + 1, 1, format!("TP-DCS 0x{:02X}", d.data_coding().0)),
                (pid + 2, 7, format!("TP-SCTS {}", d.timestamp())),
                (
                    ud.saturating_sub(1),
                    1,
                    format!("TP-UDL {}", d.user_data_length()),
                ),
            ];
            for (at, len, what) in fields {
                dump_line(out, bytes, at, len, 0, &what);
            }
            if let Some(header) = d.user_data_header() {
                dump_header(out, bytes, ud, &header);
            }
        }
        Framing::Unframed(_) => {}
    }
}

/// A user data header found at `at`: its UDHL, then one line per information element.
fn dump_header(out: &mut String, bytes: &[u8], at: usize, header: &UserDataHeader<'_>) {
    let udhl = header.raw_elements().len();
    dump_line(out, bytes, at, 1, 0, &format!("UDHL {udhl}"));
    let mut ie_at = at + 1;
    for ie in header.elements() {
        let len = 2 + ie.data_len();
        let what = match (ie.ports(), ie.concatenation()) {
            (Some(p), _) => format!("application ports: {} -> {}", p.source, p.destination),
            (_, Some(c)) => format!(
                "concatenation: segment {} of {}, reference {} ({}-bit)",
                c.sequence,
                c.total,
                c.reference,
                if c.wide_reference { 16 } else { 8 }
            ),
            _ => format!("information element {} octets", ie.data_len()),
        };
        dump_line(
            out,
            bytes,
            ie_at,
            len,
            1,
            &format!("IEI 0x{:02X} {what}", ie.id()),
        );
        ie_at += len;
    }
}

/// The push layer's lines (the push starting at `base`): TID, type, HeadersLen, content type,
/// headers, diagnostics.
fn dump_push(
    out: &mut String,
    bytes: &[u8],
    base: usize,
    push: &Push<'_>,
    diagnostics: &[Diagnostic],
) {
    let start = base + usize::from(push.tid().is_some());
    if let Some(tid) = push.tid() {
        dump_line(out, bytes, base, 1, 0, &format!("TID {tid}"));
    }
    dump_line(
        out,
        bytes,
        start,
        1,
        0,
        &format!("PDU type {}", push.pdu_type()),
    );
    let hl = push.headers_len();
    dump_line(
        out,
        bytes,
        start + 1,
        hl.encoded_len(),
        0,
        &format!("HeadersLen {}", hl.value),
    );
    let ct = push.content_type();
    let ct_at = start + 1 + hl.encoded_len();
    dump_line(
        out,
        bytes,
        ct_at,
        ct.encoded_len(),
        0,
        &format!("Content-Type: {ct}"),
    );
    for item in push.header_block().iter().flatten() {
        let len = item.header.encoded_len();
        dump_line(out, bytes, item.offset, len, 0, &item.header.to_string());
    }
    for d in diagnostics {
        let _ = writeln!(out, "{:06}         diagnostic: {d}", d.offset);
    }
}

/// The body of a push: the PDU it carries (`partial`: as far as it decoded), or one line for
/// a body that is not MMS.
fn dump_pushed(
    out: &mut String,
    bytes: &[u8],
    push: &Push<'_>,
    pdu: Option<&Pdu<'_>>,
    partial: bool,
) -> Result<(), Failure> {
    match pdu {
        Some(pdu) => dump_pdu(out, bytes, push.body_offset(), pdu, 1, partial),
        None if push.is_mms() => Ok(()),
        None => {
            dump_line(
                out,
                bytes,
                push.body_offset(),
                push.body().len(),
                0,
                "body (not MMS)",
            );
            Ok(())
        }
    }
}

pub(crate) fn dump_pdu(
    out: &mut String,
    whole: &[u8],
    at: usize,
    pdu: &Pdu<'_>,
    depth: usize,
    partial: bool,
) -> Result<(), Failure> {
    let pdu_bytes = whole.get(at..).unwrap_or(&[]);
    for field in HeaderWalk::new(pdu_bytes).flatten() {
        let what = field.header.to_string();
        dump_line(out, whole, at + field.offset, field.raw.len(), depth, &what);
    }
    if let Some(mp) = pdu.multipart() {
        if let Ok(mp) = mp {
            dump_multipart(out, whole, &mp, depth)?;
        }
    } else if let Some(body) = pdu.body() {
        let offset = whole.len() - pdu.trailing().len() - body.len();
        dump_line(out, whole, offset, body.len(), depth, "body (single part)");
    }
    // A partial PDU's trailing octets are those from the fault on, which the fault line shows.
    if !pdu.trailing().is_empty() && !partial {
        let offset = whole.len() - pdu.trailing().len();
        dump_line(
            out,
            whole,
            offset,
            pdu.trailing().len(),
            depth,
            "trailing octets",
        );
    }
    for d in pdu.diagnostics() {
        let _ = writeln!(out, "{:06}         diagnostic: {d}", d.offset);
    }
    Ok(())
}

pub(crate) fn dump_multipart(
    out: &mut String,
    whole: &[u8],
    mp: &Multipart<'_>,
    depth: usize,
) -> Result<(), Failure> {
    if let Some(count) = mp.declared_count() {
        let first = mp.parts().next();
        let entries_at = match first {
            Some(Ok(p)) => p.offset,
            // A cut first entry is reported where it starts.
            Some(Err(e)) => e.offset,
            None => 0,
        };
        let at = entries_at.saturating_sub(count.encoded_len());
        let what = format!("multipart: {} entries declared", count.value);
        dump_line(out, whole, at, count.encoded_len(), depth, &what);
    }
    for (i, part) in mp.parts().enumerate() {
        // Only a partial decode (or a nested body kept opaque) has an entry that does not
        // decode: the listing stops there and the fault is shown after it.
        let Ok(part) = part else { break };
        let lens = part.headers_len.encoded_len() + part.data_len.encoded_len();
        let what = format!(
            "[{i}] HeadersLen {}, DataLen {}",
            part.headers_len.value, part.data_len.value
        );
        dump_line(out, whole, part.offset, lens, depth, &what);
        let ct_at = part.offset + lens;
        let what = format!("[{i}] Content-Type: {}", part.content_type);
        dump_line(
            out,
            whole,
            ct_at,
            part.content_type.encoded_len(),
            depth + 1,
            &what,
        );
        for item in part.headers.iter().flatten() {
            let what = format!("[{i}] {}", item.header);
            dump_line(
                out,
                whole,
                item.offset,
                item.header.encoded_len(),
                depth + 1,
                &what,
            );
        }
        let data_at = part.data_offset();
        match part.nested() {
            Some(Ok(nested)) => dump_multipart(out, whole, &nested, depth + 2)?,
            _ => {
                let what = format!("[{i}] data ({} octets)", part.data.len());
                dump_line(out, whole, data_at, part.data.len(), depth + 1, &what);
            }
        }
    }
    Ok(())
}

/// Golden listings of inputs that do not decode (cuts of the crate's own samples, and
/// garbage): `decode` prints what was decoded and then fails with exit status 1, `dump` lists
/// every field up to the fault and the fault line, `decode --json` prints the partial JSON.
/// `UPDATE_GOLDEN=1 cargo test --example mms` rewrites `tests/golden/cli/`; review the diff.
#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

    use std::path::PathBuf;

    use super::*;
    use crate::input::JsonView;
    use crate::render::{decode_output, partial_json, render, render_partial};

    /// The cases: a name, the path shown, the octets.
    fn cases() -> Vec<(&'static str, String, Vec<u8>)> {
        let sample = |name: &str| {
            let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/samples")).join(name);
            std::fs::read(path).unwrap()
        };
        let push = sample("push-notification.wsp");
        let retrieve = sample("m-retrieve-conf.mms");
        let notification = sample("m-notification-ind.mms");
        let cut = |name: &str, bytes: &[u8], n: usize| {
            (format!("samples/{name}[..{n}]"), bytes[..n].to_vec())
        };
        let mut out = Vec::new();
        let (p, b) = cut("push-notification.wsp", &push, push.len() - 4);
        out.push(("push-cut-in-content-location", p, b));
        let (p, b) = cut("m-retrieve-conf.mms", &retrieve, retrieve.len() - 30);
        out.push(("retrieve-conf-cut-in-last-part", p, b));
        let (p, b) = cut("m-notification-ind.mms", &notification, 1);
        out.push(("notification-cut-after-one-octet", p, b));
        out.push((
            "garbage",
            "garbage".to_owned(),
            b"GET / HTTP/1.1\r\n".to_vec(),
        ));
        out
    }

    /// Compares `text` with the golden file `name`, or writes it under `UPDATE_GOLDEN=1`.
    fn golden(name: &str, text: &str) -> Option<String> {
        let path =
            PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/cli")).join(name);
        if std::env::var("UPDATE_GOLDEN").as_deref() == Ok("1") {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, text).unwrap();
            return None;
        }
        match std::fs::read_to_string(&path) {
            Ok(want) if want == text => None,
            Ok(want) => Some(format!(
                "{name} differs:\n--- golden\n{want}\n--- now\n{text}"
            )),
            Err(_) => Some(format!("{name}: no golden file (run with UPDATE_GOLDEN=1)")),
        }
    }

    #[test]
    fn partial_input_listings_match_golden_files() {
        let options = DecodeOptions::new();
        let mut problems = Vec::new();
        for (name, path, bytes) in cases() {
            // decode: fails as before (exit status 1), after printing what was decoded.
            let error = mms_pdu::decode_with(&bytes, &options).unwrap_err();
            let input = Input {
                path: path.clone(),
                bytes: bytes.clone(),
                json: None,
                options,
                sms: String::new(),
            };
            let (Some(printed), Err(Failure::Input(message))) = decode_output(&input) else {
                panic!("{name}: decode did not print and fail with exit status 1");
            };
            assert_eq!(message, format!("{path}: cannot decode: {error}"));
            assert!(render(&path, &bytes, &options).is_err(), "{name}");
            let partial = mms_pdu::decode_partial(&bytes, &options).unwrap_err();
            assert_eq!(printed, render_partial(&path, &bytes, &partial), "{name}");
            let text = format!("{printed}\nmms: {message}\n");
            problems.extend(golden(&format!("{name}.decode.txt"), &text));
            // dump: every field up to the fault, then the fault.
            let (listing, fault) = dump_listing(&path, &bytes, &options).ok().unwrap();
            assert_eq!(fault, Some(error), "{name}");
            assert!(listing.contains("[Malformed Packet"), "{name}");
            problems.extend(golden(&format!("{name}.dump.txt"), &listing));
            // decode --json: the partial JSON, and still exit status 1.
            let json = partial_json(&partial).ok().unwrap();
            let mut text = serde_json::to_string_pretty(&json).unwrap();
            let json_input = Input {
                json: Some(JsonView::Exact),
                ..input
            };
            let (printed, status) = decode_output(&json_input);
            assert!(matches!(status, Err(Failure::Input(_))), "{name}");
            assert_eq!(printed.as_ref(), Some(&text), "{name}");
            text.push('\n');
            problems.extend(golden(&format!("{name}.json"), &text));
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// The fault line comes after every field before it, in offset order, and a cut input
    /// says it ended.
    #[test]
    fn the_fault_line_closes_the_dump() {
        for (name, path, bytes) in cases() {
            let (listing, fault) = dump_listing(&path, &bytes, &DecodeOptions::new())
                .ok()
                .unwrap();
            let fault = fault.unwrap();
            let last = listing.lines().last().unwrap();
            assert!(
                last.starts_with(&format!("{:06}", fault.offset)),
                "{name}: {last}"
            );
            assert_eq!(
                last.contains("(input ends)"),
                fault.is_incomplete(),
                "{name}: {last}"
            );
            let offsets: Vec<usize> = listing
                .lines()
                .skip(2)
                .filter_map(|l| l.get(..6)?.parse().ok())
                .collect();
            assert!(
                offsets.iter().all(|&o| o <= fault.offset),
                "{name}: {offsets:?}"
            );
        }
    }

    /// The offset, length and description of each octet line of a listing (not the title,
    /// the column heads or diagnostics).
    fn lines(listing: &str) -> Vec<(usize, usize, String)> {
        listing
            .lines()
            .skip(2)
            .filter_map(|l| {
                let offset = l.get(..6)?.parse().ok()?;
                let len = l.get(7..13)?.trim().parse().ok()?;
                Some((offset, len, l.get(53..)?.trim().to_owned()))
            })
            .collect()
    }

    #[test]
    fn a_framed_push_lists_its_framing_octets_before_the_push() {
        let push = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/samples/push-notification.wsp"
        ))
        .unwrap();
        let options = DecodeOptions::new();
        let (bare, _) = dump_listing("bare", &push, &options).ok().unwrap();
        let bare = lines(&bare);
        let from = mms_pdu::sms::AddressBuf::international("+4916123456").unwrap();
        let ud = crate::common::with_udh(&push);
        let tpdu = crate::common::tpdus(std::slice::from_ref(&ud), &from).remove(0);
        let udh_lines = ["UDHL 6", "IEI 0x05 application ports: 9200 -> 2948"];
        let deliver_lines = [
            "SMSC address +491710760000",
            "first octet 0x44 (SMS-DELIVER, TP-UDHI)",
            "TP-OA +4916123456",
            "TP-PID 0x00",
            "TP-DCS 0x04",
            "TP-SCTS 2024-02-29T13:45:30-05:00",
            &format!("TP-UDL {}", ud.len()),
        ];
        let deliver_lines: Vec<&str> = deliver_lines.iter().copied().chain(udh_lines).collect();
        for (framed, want) in [(&ud, &udh_lines[..]), (&tpdu, &deliver_lines[..])] {
            let (listing, fault) = dump_listing("framed", framed, &options).ok().unwrap();
            assert_eq!(fault, None);
            let all = lines(&listing);
            let (framing, rest) = all.split_at(want.len());
            let names: Vec<&str> = framing.iter().map(|(_, _, w)| w.as_str()).collect();
            assert_eq!(names, want, "{listing}");
            // The framing lines cover the octets before the push, each once, in order (the
            // information elements inside the header's UDHL).
            let mut next = 0;
            for (offset, len, what) in framing {
                assert_eq!(*offset, next, "{what}");
                next += if what.starts_with("UDHL") { 1 } else { *len };
            }
            let base = framed.len() - push.len();
            assert_eq!(next, base, "{listing}");
            // Then the push, as for the bare push, moved by the framing.
            let moved: Vec<_> = bare
                .iter()
                .map(|(o, l, w)| (o + base, *l, w.clone()))
                .collect();
            assert_eq!(rest, moved, "{listing}");
        }
    }
}
