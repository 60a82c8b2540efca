//! `mms decode`: the human-readable listing (or the JSON) of one input.

use std::fmt::Write as _;
use std::io::Write as _;

use mms_pdu::assigned::Charset;
use mms_pdu::codec::EncodedString;
use mms_pdu::diag::Diagnostic;
use mms_pdu::mms::{FromValue, MmsHeader, Pdu, ResponseTextValue};
use mms_pdu::wsp::{Multipart, Part, Push};
use mms_pdu::{DecodeOptions, Message};

use crate::Failure;
use crate::input::{Input, decode_failure};

pub(crate) fn decode_command(input: &Input) -> Result<(), Failure> {
    if input.json {
        let message = mms_pdu::decode_with(&input.bytes, &input.options)
            .map_err(|e| decode_failure(&input.path, &e))?;
        let json = serde_json::to_string_pretty(&message)
            .map_err(|e| Failure::Input(format!("{}: cannot render JSON: {e}", input.path)))?;
        emitln!("{json}");
    } else {
        let listing = render(&input.path, &input.bytes, &input.options)?;
        emitln!("{}{listing}", input.sms);
    }
    Ok(())
}

/// The human-readable listing of one input.
pub(crate) fn render(path: &str, bytes: &[u8], options: &DecodeOptions) -> Result<String, Failure> {
    let message = mms_pdu::decode_with(bytes, options).map_err(|e| decode_failure(path, &e))?;
    let mut out = String::new();
    let _ = writeln!(out, "{path}: {} octets", bytes.len());
    match &message {
        Message::Pdu(pdu) => render_pdu(&mut out, pdu, "")?,
        Message::Push(p) => {
            if let Some(framing) = &p.framing {
                let _ = writeln!(out, "{}", crate::input::describe_framing(framing));
            }
            render_push(&mut out, &p.push, &p.diagnostics);
            match &p.pdu {
                Some(pdu) => {
                    let _ = writeln!(out, "\ncarried MMS PDU:");
                    render_pdu(&mut out, pdu, "  ")?;
                }
                None => {
                    let _ = writeln!(
                        out,
                        "not an MMS push: body of {} octets kept opaque",
                        p.push.body().len()
                    );
                }
            }
        }
    }
    Ok(out.trim_end().to_owned())
}

pub(crate) fn render_push(out: &mut String, push: &Push<'_>, diagnostics: &[Diagnostic]) {
    let _ = writeln!(
        out,
        "WSP push: TID {}, PDU type {}, HeadersLen {}",
        push.tid()
            .map_or_else(|| "none".to_owned(), |t| t.to_string()),
        push.pdu_type(),
        push.headers_len().value,
    );
    let _ = writeln!(out, "  Content-Type: {}", push.content_type());
    for item in push.header_block().iter().flatten() {
        let _ = writeln!(out, "  {}", item.header);
    }
    let _ = writeln!(out, "  body: {} octets", push.body().len());
    render_diagnostics(out, diagnostics, "  ");
}

pub(crate) fn render_pdu(out: &mut String, pdu: &Pdu<'_>, indent: &str) -> Result<(), Failure> {
    let kind = pdu
        .message_type()
        .map_or_else(|| "MMS PDU".to_owned(), |t| t.to_string());
    let version = pdu
        .version()
        .map_or_else(String::new, |v| format!(", MMS {v}"));
    let _ = writeln!(out, "{indent}{kind}{version}");
    for field in pdu.fields() {
        let _ = writeln!(out, "{indent}  {}", header_line(&field.header));
    }
    match (pdu.body(), pdu.multipart()) {
        (_, Some(mp)) => {
            let mp = mp.map_err(|e| Failure::Input(format!("body: {e}")))?;
            render_multipart(out, &mp, &format!("{indent}  "))?;
        }
        (Some(body), None) => {
            let _ = writeln!(out, "{indent}  body: {} octets (single part)", body.len());
        }
        (None, None) => {}
    }
    if !pdu.trailing().is_empty() {
        let _ = writeln!(out, "{indent}  trailing octets: {}", pdu.trailing().len());
    }
    render_diagnostics(out, pdu.diagnostics(), indent);
    Ok(())
}

pub(crate) fn render_multipart(
    out: &mut String,
    mp: &Multipart<'_>,
    indent: &str,
) -> Result<(), Failure> {
    let parts = mp
        .parts_vec()
        .map_err(|e| Failure::Input(format!("body: {e}")))?;
    let _ = writeln!(out, "{indent}body: multipart, {} parts", parts.len());
    for (i, part) in parts.iter().enumerate() {
        render_part(out, i, part, indent)?;
    }
    Ok(())
}

pub(crate) fn render_part(
    out: &mut String,
    i: usize,
    part: &Part<'_>,
    indent: &str,
) -> Result<(), Failure> {
    let _ = writeln!(
        out,
        "{indent}[{i}] {}  ({} octets of data at offset {}; entry at {})",
        part.content_type,
        part.data.len(),
        part.data_offset(),
        part.offset
    );
    for h in part.headers.iter() {
        match h {
            Ok(item) => {
                let _ = writeln!(out, "{indent}    {}", item.header);
            }
            Err(e) => {
                let _ = writeln!(out, "{indent}    <header error: {e}>");
            }
        }
    }
    if let Some(nested) = part.nested() {
        let nested = nested.map_err(|e| Failure::Input(format!("nested multipart: {e}")))?;
        render_multipart(out, &nested, &format!("{indent}    "))?;
    }
    Ok(())
}

/// A header as the text view shows it: its `Display`, except that a text with a charset names
/// it (utf-8 and us-ascii too, which `Display` leaves out, and on addresses, where it shows
/// none) and a byte-order mark the decoded text drops is reported. `dump` and the JSON show
/// both through the raw octets.
pub(crate) fn header_line(header: &MmsHeader<'_>) -> String {
    let (prefix, s) = match header {
        MmsHeader::Subject(s)
        | MmsHeader::RetrieveText(s)
        | MmsHeader::StoreStatusText(s)
        | MmsHeader::RecommendedRetrievalModeText(s)
        | MmsHeader::StatusText(s)
        | MmsHeader::ResponseText(ResponseTextValue::Plain(s)) => (String::new(), s),
        MmsHeader::ResponseText(ResponseTextValue::Indexed { index, value, .. }) => {
            (format!("[{index}] "), value)
        }
        MmsHeader::To(a) | MmsHeader::Cc(a) | MmsHeader::Bcc(a) => (String::new(), a.encoded()),
        MmsHeader::From(FromValue::AddressPresent { address, .. }) => {
            (String::new(), address.encoded())
        }
        MmsHeader::PreviouslySentBy(p) => (format!("#{} ", p.count), p.address.encoded()),
        other => return other.to_string(),
    };
    let text = mms_pdu::text::encoded_string_text(s, Charset::UTF_8);
    format!("{}: {prefix}{text}{}", header.name(), text_annotation(s))
}

/// ` [charset NAME]`, ` [charset NAME, BOM]`, ` [BOM]` or nothing.
pub(crate) fn text_annotation(s: &EncodedString<'_>) -> String {
    let charset = s.charset().map(|c| match u32::try_from(c.value) {
        Ok(v) => Charset::from(v).to_string(),
        Err(_) => c.value.to_string(),
    });
    match (charset, has_bom(s)) {
        (None, false) => String::new(),
        (None, true) => " [BOM]".to_owned(),
        (Some(c), false) => format!(" [charset {c}]"),
        (Some(c), true) => format!(" [charset {c}, BOM]"),
    }
}

/// The text starts with the byte-order mark of the Unicode charset it is decoded as (UTF-8
/// without a charset or with Any-charset), which the decoded text leaves out.
pub(crate) fn has_bom(s: &EncodedString<'_>) -> bool {
    const UTF8: &[u8] = &[0xEF, 0xBB, 0xBF];
    const BE16: &[u8] = &[0xFE, 0xFF];
    const LE16: &[u8] = &[0xFF, 0xFE];
    const BE32: &[u8] = &[0, 0, 0xFE, 0xFF];
    const LE32: &[u8] = &[0xFF, 0xFE, 0, 0];
    let charset = s.charset().map_or(Charset::UTF_8, |c| {
        u32::try_from(c.value).map_or(Charset::ANY, Charset::from)
    });
    let boms: &[&[u8]] = match charset {
        Charset::ANY | Charset::UTF_8 | Charset::US_ASCII => &[UTF8],
        Charset::UTF_16 | Charset::UCS_2 => &[BE16, LE16],
        Charset::UTF_16BE => &[BE16],
        Charset::UTF_16LE => &[LE16],
        Charset::UTF_32 | Charset::UCS_4 => &[BE32, LE32],
        Charset::UTF_32BE => &[BE32],
        Charset::UTF_32LE => &[LE32],
        _ => &[],
    };
    boms.iter().any(|bom| s.as_bytes().starts_with(bom))
}

pub(crate) fn render_diagnostics(out: &mut String, diagnostics: &[Diagnostic], indent: &str) {
    for d in diagnostics {
        let _ = writeln!(out, "{indent}diagnostic: {d}");
    }
}
