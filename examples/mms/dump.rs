//! `mms dump`: every field with its byte range, hex and value.

use std::fmt::Write as _;
use std::io::Write as _;

use mms_pdu::Message;
use mms_pdu::codec::Encode;
use mms_pdu::mms::{HeaderWalk, Pdu};
use mms_pdu::wsp::Multipart;

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
    let (path, bytes) = (&input.path, &input.bytes);
    let message =
        mms_pdu::decode_with(bytes, &input.options).map_err(|e| decode_failure(path, &e))?;
    let mut out = String::new();
    let _ = writeln!(out, "{path}: {} octets", bytes.len());
    let _ = writeln!(
        out,
        "offset length  octets                                what"
    );
    match &message {
        Message::Pdu(pdu) => dump_pdu(&mut out, bytes, 0, pdu, 0)?,
        Message::Push(p) => {
            let push = &p.push;
            let start = usize::from(push.tid().is_some());
            if let Some(tid) = push.tid() {
                dump_line(&mut out, bytes, 0, 1, 0, &format!("TID {tid}"));
            }
            dump_line(
                &mut out,
                bytes,
                start,
                1,
                0,
                &format!("PDU type {}", push.pdu_type()),
            );
            let hl = push.headers_len();
            dump_line(
                &mut out,
                bytes,
                start + 1,
                hl.encoded_len(),
                0,
                &format!("HeadersLen {}", hl.value),
            );
            let ct = push.content_type();
            let ct_at = start + 1 + hl.encoded_len();
            dump_line(
                &mut out,
                bytes,
                ct_at,
                ct.encoded_len(),
                0,
                &format!("Content-Type: {ct}"),
            );
            for item in push.header_block().iter().flatten() {
                let len = item.header.encoded_len();
                dump_line(
                    &mut out,
                    bytes,
                    item.offset,
                    len,
                    0,
                    &item.header.to_string(),
                );
            }
            for d in &p.diagnostics {
                let _ = writeln!(out, "{:06}         diagnostic: {d}", d.offset);
            }
            match &p.pdu {
                Some(pdu) => dump_pdu(&mut out, bytes, push.body_offset(), pdu, 1)?,
                None => dump_line(
                    &mut out,
                    bytes,
                    push.body_offset(),
                    push.body().len(),
                    0,
                    "body (not MMS)",
                ),
            }
        }
    }
    emit!("{out}");
    Ok(())
}

pub(crate) fn dump_pdu(
    out: &mut String,
    whole: &[u8],
    at: usize,
    pdu: &Pdu<'_>,
    depth: usize,
) -> Result<(), Failure> {
    let pdu_bytes = whole.get(at..).unwrap_or(&[]);
    for field in HeaderWalk::new(pdu_bytes).flatten() {
        let what = field.header.to_string();
        dump_line(out, whole, at + field.offset, field.raw.len(), depth, &what);
    }
    if let Some(mp) = pdu.multipart() {
        let mp = mp.map_err(|e| Failure::Input(format!("body: {e}")))?;
        dump_multipart(out, whole, &mp, depth)?;
    } else if let Some(body) = pdu.body() {
        let offset = whole.len() - pdu.trailing().len() - body.len();
        dump_line(out, whole, offset, body.len(), depth, "body (single part)");
    }
    if !pdu.trailing().is_empty() {
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
            _ => 0,
        };
        let at = entries_at.saturating_sub(count.encoded_len());
        let what = format!("multipart: {} entries declared", count.value);
        dump_line(out, whole, at, count.encoded_len(), depth, &what);
    }
    for (i, part) in mp.parts().enumerate() {
        let part = part.map_err(|e| Failure::Input(format!("body: {e}")))?;
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
