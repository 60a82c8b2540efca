//! `mms decode`: the human-readable listing (or the JSON) of one input.

use std::fmt::Write as _;
use std::io::Write as _;

use mms_pdu::assigned::Charset;
use mms_pdu::codec::EncodedString;
use mms_pdu::diag::Diagnostic;
use mms_pdu::document::Readable;
use mms_pdu::mms::{FromValue, MmsHeader, Pdu, ResponseTextValue};
use mms_pdu::wsp::{Multipart, Part, Push};
use mms_pdu::{DecodeOptions, Message, PartialMessage};

use crate::Failure;
use crate::input::{Input, JsonView, decode_failure};

pub(crate) fn decode_command(input: &Input) -> Result<(), Failure> {
    let (out, result) = decode_output(input);
    if let Some(out) = out {
        emitln!("{out}");
    }
    result
}

/// What `decode` prints on standard output, and how it ends. For input that does not decode,
/// what was decoded before the fault is printed and the error goes to standard error as before
/// (exit status 1).
pub(crate) fn decode_output(input: &Input) -> (Option<String>, Result<(), Failure>) {
    let json_failure =
        |e: serde_json::Error| Failure::Input(format!("{}: cannot render JSON: {e}", input.path));
    let error = match mms_pdu::decode_with(&input.bytes, &input.options) {
        Ok(message) if input.json == Some(JsonView::Exact) => {
            return match serde_json::to_string_pretty(&message) {
                Ok(json) => (Some(json), Ok(())),
                Err(e) => (None, Err(json_failure(e))),
            };
        }
        Ok(message) if input.json == Some(JsonView::Readable) => {
            return match readable_json(&message, &input.options) {
                Ok(json) => (Some(json), Ok(())),
                Err(e) => (None, Err(json_failure(e))),
            };
        }
        Ok(message) => {
            return match render_message(&input.path, &input.bytes, &message) {
                Ok(text) => (Some(format!("{}{text}", input.sms)), Ok(())),
                Err(e) => (None, Err(e)),
            };
        }
        Err(e) => e,
    };
    let failure = Err(decode_failure(&input.path, &error));
    let Err(partial) = mms_pdu::decode_partial(&input.bytes, &input.options) else {
        return (None, failure);
    };
    let json = match input.json {
        None => {
            return (
                Some(render_partial(&input.path, &input.bytes, &partial)),
                failure,
            );
        }
        // The headers decoded before the fault, as the readable view shows a whole PDU.
        Some(JsonView::Readable) => {
            let readable = Readable::with_options(partial.pdu(), &input.options);
            return match serde_json::to_string_pretty(&readable) {
                Ok(json) => (Some(json), failure),
                Err(e) => (None, Err(json_failure(e))),
            };
        }
        Some(JsonView::Exact) => partial_json(&partial),
    };
    match json.map(|v| serde_json::to_string_pretty(&v)) {
        Ok(Ok(json)) => (Some(json), failure),
        Ok(Err(e)) => (None, Err(json_failure(e))),
        Err(e) => (None, Err(e)),
    }
}

/// `decode --json=readable`: the readable view of the PDU (bare, or carried by a push); for a
/// push that carries none, the push's content type and `"pdu": null`.
fn readable_json(message: &Message<'_>, options: &DecodeOptions) -> serde_json::Result<String> {
    match message {
        Message::Pdu(pdu) => serde_json::to_string_pretty(&Readable::with_options(pdu, options)),
        Message::Push(p) => match &p.pdu {
            Some(pdu) => serde_json::to_string_pretty(&Readable::with_options(pdu, options)),
            None => serde_json::to_string_pretty(&serde_json::json!({
                "pdu": null,
                "push_content_type": p.push.content_type().to_string(),
                "body_length": p.push.body().len(),
            })),
        },
    }
}

/// The human-readable listing of one input.
pub(crate) fn render(path: &str, bytes: &[u8], options: &DecodeOptions) -> Result<String, Failure> {
    let message = mms_pdu::decode_with(bytes, options).map_err(|e| decode_failure(path, &e))?;
    render_message(path, bytes, &message)
}

/// The listing of a decoded input.
pub(crate) fn render_message(
    path: &str,
    bytes: &[u8],
    message: &Message<'_>,
) -> Result<String, Failure> {
    let mut out = String::new();
    let _ = writeln!(out, "{path}: {} octets", bytes.len());
    match message {
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

/// What an input that does not decode held before its fault, in the listing's format: the
/// push, the headers wholly before the fault, the complete parts, then the cut part and the
/// mandatory fields not reached. The error itself is the caller's to print.
pub(crate) fn render_partial(path: &str, bytes: &[u8], partial: &PartialMessage<'_>) -> String {
    let mut out = String::new();
    let error = partial.error();
    let why = if error.is_incomplete() {
        "input ends"
    } else {
        "malformed"
    };
    let _ = writeln!(
        out,
        "{path}: {} octets, decoded up to byte {} ({why})",
        bytes.len(),
        error.offset
    );
    let mut indent = "";
    if let Some(push) = &partial.push {
        render_push(&mut out, push, &partial.diagnostics);
        let _ = writeln!(out, "\ncarried MMS PDU (incomplete):");
        indent = "  ";
    }
    let pdu = partial.pdu();
    if pdu.headers().len() == 0 {
        let _ = writeln!(out, "{indent}no MMS header decoded");
        return out.trim_end().to_owned();
    }
    render_headers(&mut out, pdu, indent);
    let parts = partial.partial.parts();
    if pdu.multipart().is_some() {
        let _ = writeln!(
            out,
            "{indent}  body: multipart, {} complete parts before the fault",
            parts.len()
        );
        let inner = format!("{indent}  ");
        for (i, part) in parts.iter().enumerate() {
            // A complete part's nested multipart was checked with it; an error there is shown
            // in its place.
            if let Err(Failure::Input(e) | Failure::Usage(e) | Failure::Io(e)) =
                render_part(&mut out, i, part, &inner)
            {
                let _ = writeln!(out, "{inner}    <{e}>");
            }
        }
    }
    if let Some(cut) = partial.partial.cut_part() {
        let _ = writeln!(
            out,
            "{indent}  [{}] cut: entry at offset {} declares {} octets, {} arrived",
            parts.len(),
            cut.offset,
            cut.declared,
            cut.available
        );
    }
    let missing = partial.partial.missing();
    if !missing.is_empty() {
        let _ = writeln!(out, "{indent}  missing mandatory: {}", missing.join(", "));
    }
    render_diagnostics(&mut out, pdu.diagnostics(), indent);
    out.trim_end().to_owned()
}

/// The JSON of what an input that does not decode held: the push and the PDU as far as they
/// go (the model's own JSON), the error, the complete parts, the cut part and the mandatory
/// fields not reached.
pub(crate) fn partial_json(partial: &PartialMessage<'_>) -> Result<serde_json::Value, Failure> {
    let json = |e: serde_json::Error| Failure::Input(format!("cannot render JSON: {e}"));
    let parts: Vec<_> = partial
        .partial
        .parts()
        .iter()
        .map(|p| {
            serde_json::json!({
                "offset": p.offset,
                "data_offset": p.data_offset(),
                "content_type": p.content_type.to_string(),
                "data_length": p.data.len(),
            })
        })
        .collect();
    let cut = partial.partial.cut_part().map(|c| {
        serde_json::json!({
            "offset": c.offset,
            "declared": c.declared,
            "available": c.available,
        })
    });
    Ok(serde_json::json!({
        "partial": {
            "error": serde_json::to_value(partial.error()).map_err(json)?,
            "error_text": partial.error().to_string(),
            "incomplete": partial.error().is_incomplete(),
            "push": serde_json::to_value(&partial.push).map_err(json)?,
            "push_diagnostics": serde_json::to_value(&partial.diagnostics).map_err(json)?,
            "pdu": serde_json::to_value(partial.pdu()).map_err(json)?,
            "complete_parts": parts,
            "cut_part": cut,
            "missing": partial.partial.missing(),
        }
    }))
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

/// The PDU's kind and version, then one line per header.
fn render_headers(out: &mut String, pdu: &Pdu<'_>, indent: &str) {
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
}

pub(crate) fn render_pdu(out: &mut String, pdu: &Pdu<'_>, indent: &str) -> Result<(), Failure> {
    render_headers(out, pdu, indent);
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

    use std::path::PathBuf;

    use super::*;
    use crate::common::with_udh;
    use crate::input::read_input;

    fn sample(name: &str) -> Vec<u8> {
        let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/samples")).join(name);
        std::fs::read(path).unwrap()
    }

    fn input(bytes: &[u8], json: Option<JsonView>) -> Input {
        Input {
            path: "test".to_owned(),
            bytes: bytes.to_vec(),
            json,
            options: DecodeOptions::new(),
            sms: String::new(),
        }
    }

    /// What `decode` prints for `bytes` with `json`, when it succeeds.
    fn printed(bytes: &[u8], json: Option<JsonView>) -> String {
        let (out, status) = decode_output(&input(bytes, json));
        assert!(status.is_ok(), "decode failed");
        out.unwrap()
    }

    fn readable_of(pdu: &[u8]) -> serde_json::Value {
        serde_json::to_value(Readable::new(&Pdu::decode(pdu).unwrap())).unwrap()
    }

    #[test]
    fn json_readable_prints_the_readable_view_of_the_pdu() {
        let notification = sample("m-notification-ind.mms");
        let push = sample("push-notification.wsp");
        let retrieve = sample("m-retrieve-conf.mms");
        for (what, bytes, pdu) in [
            ("bare PDU", notification.clone(), notification.clone()),
            ("bare retrieve-conf", retrieve.clone(), retrieve.clone()),
            ("push", push.clone(), push[6..].to_vec()),
            ("framed push", with_udh(&push), push[6..].to_vec()),
        ] {
            let out = printed(&bytes, Some(JsonView::Readable));
            let value: serde_json::Value = serde_json::from_str(&out).unwrap();
            assert_eq!(value, readable_of(&pdu), "{what}");
            assert!(value["message_type"].is_string(), "{what}: {out}");
        }
        let retrieved = printed(&retrieve, Some(JsonView::Readable));
        assert!(retrieved.contains("\"attachments\""), "{retrieved}");
        // A push that carries no MMS PDU (an SI, application/vnd.wap.sic) says so.
        let si = [0x01, 0x06, 0x01, 0xAE, b'h', b'i'];
        let value: serde_json::Value =
            serde_json::from_str(&printed(&si, Some(JsonView::Readable))).unwrap();
        assert_eq!(value["pdu"], serde_json::Value::Null);
        assert_eq!(value["push_content_type"], "application/vnd.wap.sic");
        assert_eq!(value["body_length"], 2);
    }

    #[test]
    fn plain_json_is_the_exact_model_as_before() {
        for bytes in [
            sample("m-retrieve-conf.mms"),
            with_udh(&sample("push-notification.wsp")),
        ] {
            let message = mms_pdu::decode(&bytes).unwrap();
            assert_eq!(
                printed(&bytes, Some(JsonView::Exact)),
                serde_json::to_string_pretty(&message).unwrap()
            );
        }
    }

    #[test]
    fn json_views_are_parsed_from_the_flag() {
        let path = std::env::temp_dir().join(format!("mms-json-view-{}.mms", std::process::id()));
        std::fs::write(&path, sample("m-notification-ind.mms")).unwrap();
        let file = path.to_str().unwrap().to_owned();
        let view = |flag: &str| read_input(&[flag.to_owned(), file.clone()], true).map(|i| i.json);
        assert_eq!(view("--json").ok().unwrap(), Some(JsonView::Exact));
        assert_eq!(view("--json=exact").ok().unwrap(), Some(JsonView::Exact));
        assert_eq!(
            view("--json=readable").ok().unwrap(),
            Some(JsonView::Readable)
        );
        assert_eq!(view("--strict").ok().unwrap(), None);
        let Err(Failure::Usage(message)) = view("--json=pretty") else {
            panic!("--json=pretty accepted");
        };
        assert!(message.contains("unknown JSON view 'pretty'"), "{message}");
        // Commands without JSON refuse the flag.
        assert!(matches!(
            read_input(&["--json=readable".to_owned(), file.clone()], false),
            Err(Failure::Usage(_))
        ));
        std::fs::remove_file(&path).unwrap();
    }
}
