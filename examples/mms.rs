//! `mms`: decode and check MMS PDUs and WAP pushes from the command line.
//!
//! ```text
//! cargo run --example mms                                   # decode a shipped sample, show usage
//! cargo run --example mms -- decode samples/m-send-req.mms  # every header, the parts, diagnostics
//! cargo run --example mms -- decode --json FILE             # the whole model as JSON
//! cargo run --example mms -- roundtrip FILE                 # decode, re-encode, compare
//! ```
//!
//! Exit codes: 0 done; 1 the input could not be decoded (or did not round-trip); 2 usage error.

use std::fmt::Write as _;
use std::process::ExitCode;

use mms_pdu::codec::Encode;
use mms_pdu::diag::Diagnostic;
use mms_pdu::mms::Pdu;
use mms_pdu::wsp::{Multipart, Part, Push, multipart};
use mms_pdu::{DecodeError, DecodeOptions, Message};

const SAMPLE: &[u8] = include_bytes!("../samples/m-send-req.mms");
const SAMPLE_NAME: &str = "samples/m-send-req.mms";

const USAGE: &str = "\
usage: mms <command> [options] FILE

commands:
  decode FILE [--json]   decode a bare MMS PDU (first octet 0x8C) or a WSP push carrying one;
                         print every header with its value, the body's parts, and diagnostics
  roundtrip FILE         decode, re-encode and compare byte for byte
  help                   show this text

exit status: 0 done, 1 input not decodable (or not byte-exact), 2 usage error";

/// A failure and the exit code it maps to.
enum Failure {
    Usage(String),
    Input(String),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        None => no_arguments(),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            Ok(())
        }
        Some("decode") => decode_command(args.get(1..).unwrap_or(&[])),
        Some("roundtrip") => roundtrip_command(args.get(1..).unwrap_or(&[])),
        Some(other) => Err(Failure::Usage(format!("unknown command '{other}'"))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(msg)) => {
            eprintln!("mms: {msg}");
            ExitCode::from(1)
        }
        Err(Failure::Usage(msg)) => {
            eprintln!("mms: {msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn no_arguments() -> Result<(), Failure> {
    println!("Decoding {SAMPLE_NAME}, a PDU that ships with the crate:\n");
    let text = render(SAMPLE_NAME, SAMPLE, &DecodeOptions::default())?;
    println!("{text}");
    println!("{USAGE}");
    Ok(())
}

/// Splits `args` into one FILE and the flags in `allowed`.
fn parse_args<'a>(
    args: &'a [String],
    allowed: &[&str],
) -> Result<(&'a str, Vec<&'a str>), Failure> {
    let mut file = None;
    let mut flags = Vec::new();
    for a in args {
        if a.starts_with("--") {
            if !allowed.contains(&a.as_str()) {
                return Err(Failure::Usage(format!("unknown option '{a}'")));
            }
            flags.push(a.as_str());
        } else if file.replace(a.as_str()).is_some() {
            return Err(Failure::Usage("give exactly one FILE".into()));
        }
    }
    let file = file.ok_or_else(|| Failure::Usage("missing FILE".into()))?;
    Ok((file, flags))
}

fn read_input(path: &str) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| Failure::Input(format!("cannot read {path}: {e}")))
}

fn decode_failure(path: &str, e: &DecodeError) -> Failure {
    Failure::Input(format!("{path}: cannot decode: {e}"))
}

fn decode_command(args: &[String]) -> Result<(), Failure> {
    let (path, flags) = parse_args(args, &["--json"])?;
    let bytes = read_input(path)?;
    let options = DecodeOptions::default();
    if flags.contains(&"--json") {
        println!("{}", json(path, &bytes, &options)?);
    } else {
        println!("{}", render(path, &bytes, &options)?);
    }
    Ok(())
}

fn roundtrip_command(args: &[String]) -> Result<(), Failure> {
    let (path, _) = parse_args(args, &[])?;
    let bytes = read_input(path)?;
    let message = mms_pdu::decode(&bytes).map_err(|e| decode_failure(path, &e))?;
    let encoded = message
        .encode_to_vec()
        .map_err(|e| Failure::Input(format!("{path}: cannot re-encode: {e}")))?;
    if encoded == bytes {
        println!("{path}: {} octets, re-encoded byte for byte", bytes.len());
        return Ok(());
    }
    let at = bytes
        .iter()
        .zip(&encoded)
        .position(|(a, b)| a != b)
        .unwrap_or(bytes.len().min(encoded.len()));
    Err(Failure::Input(format!(
        "{path}: re-encoding differs at offset {at} (input {} octets, output {} octets)",
        bytes.len(),
        encoded.len()
    )))
}

/// The human-readable listing of one input.
fn render(path: &str, bytes: &[u8], options: &DecodeOptions) -> Result<String, Failure> {
    let message = mms_pdu::decode_with(bytes, options).map_err(|e| decode_failure(path, &e))?;
    let mut out = String::new();
    let _ = writeln!(out, "{path}: {} octets", bytes.len());
    match &message {
        Message::Pdu(pdu) => render_pdu(&mut out, bytes, pdu, "", options)?,
        Message::Push(p) => {
            render_push(&mut out, &p.push, &p.diagnostics);
            match &p.pdu {
                Some(pdu) => {
                    let _ = writeln!(out, "\ncarried MMS PDU:");
                    render_pdu(&mut out, bytes, pdu, "  ", options)?;
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

fn render_push(out: &mut String, push: &Push<'_>, diagnostics: &[Diagnostic]) {
    let _ = writeln!(
        out,
        "WSP push: TID {}, PDU type {}, HeadersLen {}",
        push.tid()
            .map_or_else(|| "none".to_owned(), |t| t.to_string()),
        push.pdu_type(),
        push.headers_len().value,
    );
    let _ = writeln!(out, "  Content-Type: {}", push.content_type());
    for h in push.header_block().iter() {
        match h {
            Ok(item) => {
                let _ = writeln!(out, "  {}", item.header);
            }
            Err(e) => {
                let _ = writeln!(out, "  <header error: {e}>");
            }
        }
    }
    let _ = writeln!(out, "  body: {} octets", push.body().len());
    render_diagnostics(out, diagnostics, "  ");
}

fn render_pdu(
    out: &mut String,
    whole: &[u8],
    pdu: &Pdu<'_>,
    indent: &str,
    options: &DecodeOptions,
) -> Result<(), Failure> {
    let kind = pdu
        .message_type()
        .map_or_else(|| "MMS PDU".to_owned(), |t| t.to_string());
    let version = pdu
        .version()
        .map_or_else(String::new, |v| format!(", MMS {v}"));
    let _ = writeln!(out, "{indent}{kind}{version}");
    for field in pdu.fields() {
        let _ = writeln!(out, "{indent}  {}", field.header);
    }
    if let Some(body) = pdu.body() {
        let body_offset = offset_of(whole, body);
        let is_multipart = pdu.content_type().is_some_and(|ct| ct.is_multipart());
        if is_multipart {
            let (mp, diags) = multipart::decode_at(body, body_offset, options)
                .map_err(|e| Failure::Input(format!("body: {e}")))?;
            render_multipart(out, &mp, &format!("{indent}  "))?;
            render_diagnostics(out, &diags, indent);
        } else {
            let _ = writeln!(out, "{indent}body: {} octets (single part)", body.len());
        }
    }
    if !pdu.trailing().is_empty() {
        let _ = writeln!(out, "{indent}trailing octets: {}", pdu.trailing().len());
    }
    render_diagnostics(out, pdu.diagnostics(), indent);
    Ok(())
}

fn render_multipart(out: &mut String, mp: &Multipart<'_>, indent: &str) -> Result<(), Failure> {
    let parts = mp
        .parts_vec()
        .map_err(|e| Failure::Input(format!("body: {e}")))?;
    let _ = writeln!(out, "{indent}body: multipart, {} parts", parts.len());
    for (i, part) in parts.iter().enumerate() {
        render_part(out, i, part, indent)?;
    }
    Ok(())
}

fn render_part(out: &mut String, i: usize, part: &Part<'_>, indent: &str) -> Result<(), Failure> {
    let _ = writeln!(
        out,
        "{indent}[{i}] {}  ({} octets at offset {})",
        part.content_type,
        part.data.len(),
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

fn render_diagnostics(out: &mut String, diagnostics: &[Diagnostic], indent: &str) {
    for d in diagnostics {
        let _ = writeln!(out, "{indent}diagnostic: {d}");
    }
}

fn offset_of(whole: &[u8], part: &[u8]) -> usize {
    (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize)
}

fn json(path: &str, bytes: &[u8], options: &DecodeOptions) -> Result<String, Failure> {
    let message = mms_pdu::decode_with(bytes, options).map_err(|e| decode_failure(path, &e))?;
    serde_json::to_string_pretty(&message)
        .map_err(|e| Failure::Input(format!("{path}: cannot render JSON: {e}")))
}
