//! `mms`: decode, inspect and check MMS PDUs and WAP pushes from the command line.
//!
//! ```text
//! cargo run --example mms                                   # decode a shipped sample, show usage
//! cargo run --example mms -- decode samples/m-send-req.mms  # every header, the parts, diagnostics
//! cargo run --example mms -- decode --json FILE             # the whole model as JSON
//! cargo run --example mms -- encode FILE.json -o OUT         # that JSON (edited) back to octets
//! cargo run --example mms -- dump FILE                      # byte ranges, hex, field, value
//! cargo run --example mms -- roundtrip FILE                 # decode, re-encode, compare
//! cargo run --example mms -- bench [-t MS | -n N] FILE...   # time decode + part-header walk
//! ```
//!
//! FILE may be `-` for standard input; `--hex` reads the input as hex text, as PDUs pasted from
//! logs and bug reports are: plain hex (spaces, colons, newlines and `0x` prefixes ignored) or a
//! dump of `xxd`, `hexdump -C`, Wireshark ("Copy as Hex + ASCII Dump", `tshark -x`) or
//! `tcpdump -X`, whose offset and ASCII columns are recognised and left out (`mms/hexdump.rs`).
//!
//! Exit codes: 0 done; 1 the input could not be decoded (or did not round-trip); 2 usage error;
//! 3 a file could not be read or written.

use std::fmt::Write as _;
use std::io::{Read as _, Write as _};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use mms_pdu::assigned::{Charset, MessageType};
use mms_pdu::codec::{Encode, EncodedString};
use mms_pdu::diag::Diagnostic;
use mms_pdu::mms::{FromValue, HeaderWalk, MmsHeader, Pdu, ResponseTextValue};
use mms_pdu::wsp::{Multipart, Part, Push};
use mms_pdu::{DecodeError, DecodeOptions, Message};

#[path = "mms/hexdump.rs"]
mod hexdump;

const SAMPLE: &[u8] = include_bytes!("../samples/m-send-req.mms");
const SAMPLE_NAME: &str = "samples/m-send-req.mms";

const USAGE: &str = "\
usage: mms <command> [options] FILE

commands:
  decode FILE      every header with its value, the body's parts (a tree when nested) and the
                   diagnostics; a bare MMS PDU (first octet 0x8C) or a WSP push carrying one
  dump FILE        an annotated listing: byte range, raw octets, field name and value
  roundtrip FILE   decode, re-encode and compare byte for byte
  encode [-o OUT] [--hex] FILE.json
                   the JSON that decode --json prints (edited or not) back into a PDU or push
  bench [-t MS | -n N] FILE...
                   decode each file and walk its parts' headers for MS milliseconds (default
                   300) or exactly N times; one tab-separated line per file
  samples DIR      write one canonical PDU of each of the 24 message types (every field the
                   type allows filled in) and a push carrying a notification into DIR
  help [COMMAND]   this text, or a command's

options (decode, dump, roundtrip):
  --json           (decode) the whole model as JSON
  --hex            the input is hex text: plain hex, or a dump of xxd, hexdump -C,
                   Wireshark (Copy as Hex + ASCII Dump) or tcpdump -X
  --strict         refuse every deviation instead of reporting it
  FILE may be - for standard input

exit status: 0 done, 1 input not decodable (or not byte-exact; for encode, JSON that does not
describe an encodable message), 2 usage error, 3 a file that cannot be read or written";

const DECODE_HELP: &str = "\
usage: mms decode [--json] [--hex] [--strict] FILE

Decodes a bare MMS PDU (first octet 0x8C) or a connectionless WSP push (TID, type 0x06, ...)
and prints every header with its typed value, the parts of a multipart body (nested ones
indented), and the deviations accepted while decoding (diagnostics). A part shows where its
data starts and where its entry (HeadersLen) starts; a text header shows the charset sent with
it and a byte-order mark the text drops (Subject: Hi [charset utf-8, BOM]). With --json the
whole model is printed as JSON instead. FILE may be - for standard input; with --hex it is hex
text, plain or a dump of xxd, hexdump -C, Wireshark or tcpdump -X.";

const DUMP_HELP: &str = "\
usage: mms dump [--hex] [--strict] FILE

Prints one line per header and per part: the offset, the length, the raw octets in hex (the
first 12), the field name and the decoded value; the diagnostics at their offsets.";

const ROUNDTRIP_HELP: &str = "\
usage: mms roundtrip [--hex] [--strict] FILE

Decodes the input, encodes the model again and compares the two byte for byte; prints the first
differing offset when they differ (exit status 1).";

const ENCODE_HELP: &str = "\
usage: mms encode [-o OUT] [--hex] FILE.json

Reads the JSON that `mms decode --json` prints, perhaps edited, and writes the PDU (or push)
it describes to OUT (`-` or no -o: standard output); --hex writes hex text instead of octets.
Unedited JSON gives back the decoded input byte for byte.

What is read: every header with its wire form; each part's content_type, headers and data (or,
without data, its nested multipart); a single body's data; trailing; a push's tid, pdu_type,
headers_len, content_type, headers and pdu (or body). Reporting fields (offset, text, lengths
in *_length, diagnostics) are ignored: edit data, not text. A part's headers_len and data_len
are recomputed when they no longer match; a multipart's declared_count and a push's
headers_len are written as given (leave them out to have them computed). Octets that are not
UTF-8 are written as \"hex:\" and hex digits.

Errors name the place in the JSON (at pdu.headers[3].header: ...); exit status 1.";

const SAMPLES_HELP: &str = "\
usage: mms samples DIR

Writes, built with the crate's builders, one canonical PDU for each of the 24 MMS message types
with every field that type allows (m-send-req.mms ... m-cancel-conf.mms) and a WSP push carrying
an m-notification-ind (push-notification.wsp) into DIR, creating it if needed.";

const BENCH_HELP: &str = "\
usage: mms bench [-t MS | -n N] FILE...

For each file: decodes it (a push and the PDU it carries too) and walks every part's headers,
repeatedly, and prints one tab-separated line. -t MS: for MS milliseconds (default 300) after a
warm-up of a tenth of that; -n N: exactly N times without warm-up (after the one untimed decode
that finds the message type), for instruction counts. MS and N are at least 1. Only the decodes
are timed, in batches of 64; the loop around them makes no heap allocation of its own.

Fields: mms-pdu, file, ok or FAIL:reason, message type (push: prefix for pushes), number of body
parts, iterations, mean nanoseconds per decode, median over the batches of the nanoseconds per
decode.";

/// Writes to standard output; a closed pipe (`mms dump FILE | head`) ends the output quietly
/// instead of panicking as `println!` would.
macro_rules! emit {
    ($($arg:tt)*) => {{
        let mut out = std::io::stdout().lock();
        if write!(out, $($arg)*).and_then(|()| out.flush()).is_err() {
            std::process::exit(0);
        }
    }};
}

macro_rules! emitln {
    ($($arg:tt)*) => {{
        let mut out = std::io::stdout().lock();
        if writeln!(out, $($arg)*).and_then(|()| out.flush()).is_err() {
            std::process::exit(0);
        }
    }};
}

/// A failure and the exit code it maps to.
enum Failure {
    /// 2: the command line is wrong.
    Usage(String),
    /// 1: the input is not what the command needs.
    Input(String),
    /// 3: a file (or standard input or output) cannot be read or written.
    Io(String),
}

/// Options shared by the commands that read one input.
struct Input {
    path: String,
    bytes: Vec<u8>,
    json: bool,
    options: DecodeOptions,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or(&[]);
    let result = match args.first().map(String::as_str) {
        None => no_arguments(),
        Some("help" | "--help" | "-h") => help(rest.first().map(String::as_str)),
        Some(cmd) if rest.iter().any(|a| a == "--help" || a == "-h") => help(Some(cmd)),
        Some("decode") => read_input(rest, true).and_then(|i| decode_command(&i)),
        Some("dump") => read_input(rest, false).and_then(|i| dump_command(&i)),
        Some("roundtrip") => read_input(rest, false).and_then(|i| roundtrip_command(&i)),
        Some("encode") => encode_command(rest),
        Some("bench") => bench_command(rest),
        Some("samples") => samples_command(rest),
        Some(other) => Err(Failure::Usage(format!("unknown command '{other}'"))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(msg)) => {
            let _ = writeln!(std::io::stderr(), "mms: {msg}");
            ExitCode::from(1)
        }
        Err(Failure::Usage(msg)) => {
            let _ = writeln!(std::io::stderr(), "mms: {msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Io(msg)) => {
            let _ = writeln!(std::io::stderr(), "mms: {msg}");
            ExitCode::from(3)
        }
    }
}

fn help(command: Option<&str>) -> Result<(), Failure> {
    let text = match command {
        None | Some("help") => USAGE,
        Some("decode") => DECODE_HELP,
        Some("dump") => DUMP_HELP,
        Some("roundtrip") => ROUNDTRIP_HELP,
        Some("encode") => ENCODE_HELP,
        Some("bench") => BENCH_HELP,
        Some("samples") => SAMPLES_HELP,
        Some(other) => return Err(Failure::Usage(format!("unknown command '{other}'"))),
    };
    emitln!("{text}");
    Ok(())
}

fn no_arguments() -> Result<(), Failure> {
    emitln!("Decoding {SAMPLE_NAME}, a PDU that ships with the crate:\n");
    emitln!(
        "{}",
        render(SAMPLE_NAME, SAMPLE, &DecodeOptions::default())?
    );
    emitln!("\n{USAGE}");
    Ok(())
}

/// Reads the one FILE argument (or `-`), with `--hex`, `--strict` and (when `json_ok`) `--json`.
fn read_input(args: &[String], json_ok: bool) -> Result<Input, Failure> {
    let mut path = None;
    let (mut hex, mut json, mut strict) = (false, false, false);
    for a in args {
        match a.as_str() {
            "--hex" => hex = true,
            "--strict" => strict = true,
            "--json" if json_ok => json = true,
            flag if flag.starts_with("--") => {
                return Err(Failure::Usage(format!("unknown option '{flag}'")));
            }
            file => {
                if path.replace(file.to_owned()).is_some() {
                    return Err(Failure::Usage("give exactly one FILE".into()));
                }
            }
        }
    }
    let path = path.ok_or_else(|| Failure::Usage("missing FILE".into()))?;
    let raw = read_file(&path)?;
    let bytes = if hex { parse_hex(&raw, &path)? } else { raw };
    Ok(Input {
        path,
        bytes,
        json,
        options: DecodeOptions::new().strict(strict),
    })
}

/// Hex text to octets (`hexdump` says which shapes are read).
fn parse_hex(text: &[u8], path: &str) -> Result<Vec<u8>, Failure> {
    hexdump::parse(&String::from_utf8_lossy(text))
        .map_err(|e| Failure::Input(format!("{path}: not hex: {e}")))
}

fn decode_failure(path: &str, e: &DecodeError) -> Failure {
    Failure::Input(format!("{path}: cannot decode: {e}"))
}

fn decode_command(input: &Input) -> Result<(), Failure> {
    if input.json {
        let message = mms_pdu::decode_with(&input.bytes, &input.options)
            .map_err(|e| decode_failure(&input.path, &e))?;
        let json = serde_json::to_string_pretty(&message)
            .map_err(|e| Failure::Input(format!("{}: cannot render JSON: {e}", input.path)))?;
        emitln!("{json}");
    } else {
        emitln!("{}", render(&input.path, &input.bytes, &input.options)?);
    }
    Ok(())
}

/// Reads a whole file, or standard input for `-`.
fn read_file(path: &str) -> Result<Vec<u8>, Failure> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Failure::Io(format!("cannot read standard input: {e}")))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| Failure::Io(format!("cannot read {path}: {e}")))
    }
}

fn encode_command(args: &[String]) -> Result<(), Failure> {
    let (mut path, mut out, mut hex) = (None, None, false);
    let mut args = args.iter();
    while let Some(a) = args.next() {
        match a.as_str() {
            "-o" => {
                let target = args
                    .next()
                    .ok_or_else(|| Failure::Usage("-o needs a file name".into()))?;
                if out.replace(target.clone()).is_some() {
                    return Err(Failure::Usage("give -o once".into()));
                }
            }
            "--hex" => hex = true,
            flag if flag.starts_with('-') && flag != "-" => {
                return Err(Failure::Usage(format!("unknown option '{flag}'")));
            }
            file => {
                if path.replace(file.to_owned()).is_some() {
                    return Err(Failure::Usage("give exactly one FILE.json".into()));
                }
            }
        }
    }
    let path = path.ok_or_else(|| Failure::Usage("missing FILE.json".into()))?;
    let text = read_file(&path)?;
    let document: mms_pdu::document::Document = serde_json::from_slice(&text)
        .map_err(|e| Failure::Input(format!("{path}: not a JSON message: {e}")))?;
    let wire = document
        .to_wire()
        .map_err(|e| Failure::Input(format!("{path}: cannot encode: {e}")))?;
    let output = if hex {
        let mut text = wire.iter().fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x} ");
            s
        });
        text.pop();
        text.push('\n');
        text.into_bytes()
    } else {
        wire
    };
    match out.as_deref() {
        None | Some("-") => {
            let mut stdout = std::io::stdout().lock();
            if stdout
                .write_all(&output)
                .and_then(|()| stdout.flush())
                .is_err()
            {
                std::process::exit(0);
            }
        }
        Some(target) => std::fs::write(target, &output)
            .map_err(|e| Failure::Io(format!("cannot write {target}: {e}")))?,
    }
    Ok(())
}

fn roundtrip_command(input: &Input) -> Result<(), Failure> {
    let (path, bytes) = (&input.path, &input.bytes);
    let message =
        mms_pdu::decode_with(bytes, &input.options).map_err(|e| decode_failure(path, &e))?;
    let encoded = message
        .encode_to_vec()
        .map_err(|e| Failure::Input(format!("{path}: cannot re-encode: {e}")))?;
    if &encoded == bytes {
        emitln!("{path}: {} octets, re-encoded byte for byte", bytes.len());
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

// ---------------------------------------------------------------------------------------------
// decode

/// The human-readable listing of one input.
fn render(path: &str, bytes: &[u8], options: &DecodeOptions) -> Result<String, Failure> {
    let message = mms_pdu::decode_with(bytes, options).map_err(|e| decode_failure(path, &e))?;
    let mut out = String::new();
    let _ = writeln!(out, "{path}: {} octets", bytes.len());
    match &message {
        Message::Pdu(pdu) => render_pdu(&mut out, pdu, "")?,
        Message::Push(p) => {
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
    for item in push.header_block().iter().flatten() {
        let _ = writeln!(out, "  {}", item.header);
    }
    let _ = writeln!(out, "  body: {} octets", push.body().len());
    render_diagnostics(out, diagnostics, "  ");
}

fn render_pdu(out: &mut String, pdu: &Pdu<'_>, indent: &str) -> Result<(), Failure> {
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

/// Where a part's data starts: after HeadersLen, DataLen and the HeadersLen octets of content
/// type and headers. [`Part::offset`] is where the entry starts.
fn data_offset(part: &Part<'_>) -> usize {
    let headers = usize::try_from(part.headers_len.value).unwrap_or(usize::MAX);
    part.offset
        .saturating_add(part.headers_len.encoded_len() + part.data_len.encoded_len())
        .saturating_add(headers)
}

fn render_part(out: &mut String, i: usize, part: &Part<'_>, indent: &str) -> Result<(), Failure> {
    let _ = writeln!(
        out,
        "{indent}[{i}] {}  ({} octets of data at offset {}; entry at {})",
        part.content_type,
        part.data.len(),
        data_offset(part),
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
fn header_line(header: &MmsHeader<'_>) -> String {
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
fn text_annotation(s: &EncodedString<'_>) -> String {
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
fn has_bom(s: &EncodedString<'_>) -> bool {
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

fn render_diagnostics(out: &mut String, diagnostics: &[Diagnostic], indent: &str) {
    for d in diagnostics {
        let _ = writeln!(out, "{indent}diagnostic: {d}");
    }
}

// ---------------------------------------------------------------------------------------------
// dump

/// One annotated line: offset, length, the first octets in hex, what they are.
fn dump_line(out: &mut String, whole: &[u8], offset: usize, len: usize, depth: usize, what: &str) {
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

fn dump_command(input: &Input) -> Result<(), Failure> {
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

fn dump_pdu(
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

fn dump_multipart(
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
        let data_at = data_offset(&part);
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

// ---------------------------------------------------------------------------------------------
// samples

fn samples_command(args: &[String]) -> Result<(), Failure> {
    let [dir] = args else {
        return Err(Failure::Usage("samples needs exactly one DIR".into()));
    };
    let dir = std::path::Path::new(dir);
    mms_pdu::samples::write_all(dir)
        .map_err(|e| Failure::Io(format!("cannot write samples to {}: {e}", dir.display())))?;
    for name in mms_pdu::samples::NAMES {
        emitln!("{}", dir.join(name).display());
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// bench
//
// The binary keeps the system allocator: a counting one (stats_alloc, four SeqCst atomics per
// allocation and free) added about 20 ns to every allocation the decoder makes, 6-10 % of a
// decode. That the timed loop allocates nothing beyond the decoder is proved by the test below,
// which counts.

/// Decodes timed together, one clock reading per batch.
const BATCH: u64 = 64;

/// Batch times kept for the median at most (8 MiB); later batches still count in the mean.
const MAX_RECORDED_BATCHES: usize = 1 << 20;

/// How much decoding `bench` does per file.
#[derive(Clone, Copy)]
enum Amount {
    /// For this long (never zero), after a warm-up of a tenth of it.
    Time(Duration),
    /// Exactly this many timed decodes (never zero), without warm-up, so that two runs differ
    /// only by their decodes (instruction counts: `valgrind --tool=callgrind`, two N subtracted).
    Count(u64),
}

impl Amount {
    /// The size of the next batch, or `None` when done.
    fn next_batch(self, start: Instant, done: u64) -> Option<u64> {
        match self {
            Self::Time(budget) => (start.elapsed() < budget).then_some(BATCH),
            Self::Count(n) => (done < n).then(|| BATCH.min(n - done)),
        }
    }
}

/// What one decode and walk found. `Copy` and free of text, so that the timed loop allocates
/// nothing of its own; the text of `kind` is made once, outside it.
#[derive(Clone, Copy)]
struct Walked {
    push: bool,
    message_type: Option<MessageType>,
    parts: usize,
}

impl Walked {
    /// `m-send-req`, `push:m-notification-ind`, `push:opaque` (a push that carries no MMS PDU).
    fn kind(self) -> String {
        let prefix = if self.push { "push:" } else { "" };
        match self.message_type {
            Some(t) => format!("{prefix}{t}"),
            None => format!("{prefix}opaque"),
        }
    }
}

/// What `bench` measured for one file.
struct Timing {
    iterations: u64,
    mean_ns: u128,
    /// The median over the batches of the time per decode in the batch: robust against other
    /// processes taking the CPU for a while.
    median_ns: f64,
}

/// Decodes `bytes` (a push and the PDU it carries too) and walks every part's headers.
fn decode_and_walk(bytes: &[u8]) -> Result<Walked, DecodeError> {
    let message = mms_pdu::decode(bytes)?;
    std::hint::black_box(&message);
    let (push, pdu) = match &message {
        Message::Pdu(p) => (false, Some(p)),
        Message::Push(p) => (true, p.pdu.as_ref()),
    };
    let mut parts = 0;
    if let Some(Ok(mp)) = pdu.and_then(Pdu::multipart) {
        for part in mp.parts().flatten() {
            parts += 1;
            std::hint::black_box(part.headers.iter().count());
        }
    }
    Ok(Walked {
        push,
        message_type: pdu.and_then(Pdu::message_type),
        parts,
    })
}

/// `-t MS` or `-n N`: a positive whole number.
fn positive(flag: &str, value: Option<&String>, what: &str) -> Result<u64, Failure> {
    let v = value.ok_or_else(|| Failure::Usage(format!("{flag} needs a number of {what}")))?;
    match v.parse::<u64>() {
        Ok(0) => Err(Failure::Usage(format!("{flag} 0: give at least 1"))),
        Ok(n) => Ok(n),
        Err(_) => Err(Failure::Usage(format!("{flag}: not a number: {v}"))),
    }
}

fn bench_command(args: &[String]) -> Result<(), Failure> {
    let mut amount = None;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let given = match a.as_str() {
            "-t" => Amount::Time(Duration::from_millis(positive(
                a,
                it.next(),
                "milliseconds",
            )?)),
            "-n" => Amount::Count(positive(a, it.next(), "decodes")?),
            flag if flag.starts_with('-') => {
                return Err(Failure::Usage(format!("unknown option '{flag}'")));
            }
            file => {
                files.push(file);
                continue;
            }
        };
        if amount.replace(given).is_some() {
            return Err(Failure::Usage("give one -t MS or -n N".into()));
        }
    }
    if files.is_empty() {
        return Err(Failure::Usage("bench needs at least one FILE".into()));
    }
    let amount = amount.unwrap_or(Amount::Time(Duration::from_millis(300)));
    for path in files {
        let bytes =
            std::fs::read(path).map_err(|e| Failure::Io(format!("cannot read {path}: {e}")))?;
        let (status, kind, parts) = match decode_and_walk(&bytes) {
            Ok(walked) => ("ok".to_owned(), walked.kind(), walked.parts),
            Err(e) => (format!("FAIL:{e}"), "-".to_owned(), 0),
        };
        let t = time_decodes(&bytes, amount);
        emitln!(
            "mms-pdu\t{path}\t{status}\t{kind}\t{parts}\t{}\t{}\t{:.0}",
            t.iterations,
            t.mean_ns,
            t.median_ns
        );
    }
    Ok(())
}

/// Warms up (for `-t`), runs the timed section and takes the median of its batches.
fn time_decodes(bytes: &[u8], amount: Amount) -> Timing {
    let batches = match amount {
        Amount::Time(budget) => {
            let warm = Instant::now();
            let mut warm_decodes: u64 = 0;
            while warm.elapsed() < budget / 10 {
                let _ = std::hint::black_box(decode_and_walk(std::hint::black_box(bytes)));
                warm_decodes += 1;
            }
            // The warm-up ran for a tenth of the budget: room for twice the batches it predicts.
            warm_decodes.saturating_mul(20) / BATCH + 16
        }
        Amount::Count(n) => n.div_ceil(BATCH),
    };
    let capacity =
        usize::try_from(batches).map_or(MAX_RECORDED_BATCHES, |b| b.min(MAX_RECORDED_BATCHES));
    let mut per_decode = Vec::with_capacity(capacity);
    let (iterations, elapsed) = timed_section(bytes, amount, &mut per_decode);
    per_decode.sort_unstable_by(f64::total_cmp);
    let middle = per_decode.len() / 2;
    let median_ns = match (per_decode.len() % 2, per_decode.get(middle)) {
        (_, None) => 0.0,
        (1, Some(m)) => *m,
        (_, Some(high)) => (per_decode.get(middle - 1).copied().unwrap_or(*high) + high) / 2.0,
    };
    Timing {
        iterations,
        mean_ns: elapsed.as_nanos() / u128::from(iterations.max(1)),
        median_ns,
    }
}

/// The timed section: `decode_and_walk` over `bytes` in batches as `amount` says, the time per
/// decode of each batch pushed to `record` while it has room (it never grows). Returns the
/// number of decodes and the time they took.
fn timed_section(bytes: &[u8], amount: Amount, record: &mut Vec<f64>) -> (u64, Duration) {
    let start = Instant::now();
    let mut iterations: u64 = 0;
    while let Some(len) = amount.next_batch(start, iterations) {
        let batch = Instant::now();
        for _ in 0..len {
            let _ = std::hint::black_box(decode_and_walk(std::hint::black_box(bytes)));
        }
        let ns = batch.elapsed().as_nanos();
        iterations += len;
        if record.len() < record.capacity() {
            record.push(ns as f64 / len as f64);
        }
    }
    (iterations, start.elapsed())
}

/// Where the corpus is (the integration tests' helper; a file cannot be found from inside
/// `mod tests`, whose folder does not exist).
#[cfg(test)]
#[path = "../tests/common/mod.rs"]
mod common;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use std::alloc::System;
    use std::path::PathBuf;

    use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

    use mms_pdu::codec::EncodedString;
    use mms_pdu::mms::{Address, MmsHeader};
    use mms_pdu::wsp::Multipart;

    use super::{Amount, BATCH, common, data_offset, header_line, timed_section};

    #[global_allocator]
    static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

    /// Heap allocations and reallocations made while `f` runs, the fewest of three runs: the
    /// allocator counts every thread, and the test harness's main thread allocates once while
    /// the test starts (when it begins to wait for it), which a single run may catch. What `f`
    /// allocates itself it allocates every time.
    fn allocations(mut f: impl FnMut()) -> usize {
        (0..3)
            .map(|_| {
                let region = Region::new(GLOBAL);
                f();
                let stats = region.change();
                stats.allocations + stats.reallocations
            })
            .min()
            .unwrap()
    }

    /// Set in the child process that runs the allocation test alone.
    const ALONE: &str = "MMS_CLI_ALLOCATION_TEST_ALONE";

    /// `-n N` decodes exactly N times, and its timed section allocates exactly what N calls of
    /// `mms_pdu::decode` do, for every sample and corpus file (those that fail to decode too).
    ///
    /// The allocator counts the whole process, and the other tests of this binary allocate in
    /// threads of their own all along: the test runs again, alone, in a child process of this
    /// binary.
    #[test]
    fn the_timed_section_allocates_only_what_the_decoder_does() {
        if std::env::var_os(ALONE).is_none() {
            let name = "tests::the_timed_section_allocates_only_what_the_decoder_does";
            let child = std::process::Command::new(std::env::current_exe().unwrap())
                .args(["--exact", name, "--test-threads=1"])
                .env(ALONE, "1")
                .output()
                .unwrap();
            let report =
                String::from_utf8_lossy(&child.stdout) + String::from_utf8_lossy(&child.stderr);
            assert!(child.status.success(), "{report}");
            // The child ran the test, not an empty selection.
            assert!(report.contains("1 passed"), "{report}");
            return;
        }
        let samples = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/samples"));
        let mut files = common::corpus_files(&samples);
        if let Some(corpus) = common::corpus_root() {
            files.extend(common::corpus_files(&corpus));
        }
        let mut allocating = 0;
        for path in &files {
            let bytes = std::fs::read(path).unwrap();
            let per_decode = allocations(|| {
                let _ = std::hint::black_box(mms_pdu::decode(std::hint::black_box(&bytes)));
            });
            allocating += usize::from(per_decode > 0);
            for n in [1, BATCH, 3 * BATCH + 5] {
                let mut record = Vec::with_capacity(usize::try_from(n.div_ceil(BATCH)).unwrap());
                let capacity = record.capacity();
                let mut iterations = 0;
                let timed = allocations(|| {
                    record.clear();
                    iterations = timed_section(&bytes, Amount::Count(n), &mut record).0;
                });
                let path = path.display();
                assert_eq!(iterations, n, "{path}: -n {n}");
                assert_eq!(record.len(), capacity, "{path}: -n {n}: one time per batch");
                assert_eq!(
                    timed,
                    usize::try_from(n).unwrap() * per_decode,
                    "{path}: -n {n}: allocations in the timed section, {per_decode} per decode"
                );
            }
        }
        // The comparison means something: today's decoder allocates (its header list).
        assert!(
            allocating > 0,
            "no file allocates: the count is not counting"
        );
    }

    /// A header whose text has a charset names it, and a byte-order mark is reported; other
    /// headers, and texts without either, read as their `Display` does.
    #[test]
    fn header_lines_show_charset_and_bom() {
        let subject = |s| header_line(&MmsHeader::Subject(s));
        let cases = [
            (
                EncodedString::with_charset(
                    mms_pdu::assigned::Charset::new(106),
                    b"\xEF\xBB\xBFHi",
                ),
                "Subject: Hi [charset utf-8, BOM]",
            ),
            (
                EncodedString::with_charset(mms_pdu::assigned::Charset::new(106), b"Hi"),
                "Subject: Hi [charset utf-8]",
            ),
            (
                EncodedString::with_charset(mms_pdu::assigned::Charset::new(3), b"Hi"),
                "Subject: Hi [charset us-ascii]",
            ),
            (EncodedString::plain(b"\xEF\xBB\xBFHi"), "Subject: Hi [BOM]"),
            (
                EncodedString::with_charset(mms_pdu::assigned::Charset::new(0), b"\xEF\xBB\xBFHi"),
                "Subject: Hi [charset *, BOM]",
            ),
            (
                EncodedString::with_charset(
                    mms_pdu::assigned::Charset::new(1015),
                    b"\xFE\xFF\x00H\x00i",
                ),
                "Subject: Hi [charset utf-16, BOM]",
            ),
            (
                EncodedString::with_charset(mms_pdu::assigned::Charset::new(1015), b"\x00H\x00i"),
                "Subject: Hi [charset utf-16]",
            ),
        ];
        for (s, want) in cases {
            assert_eq!(subject(s), want);
        }
        // What `Display` already showed stays as it was.
        for h in [
            MmsHeader::Subject(EncodedString::plain(b"Hi")),
            MmsHeader::Subject(EncodedString::with_charset(
                mms_pdu::assigned::Charset::new(4),
                b"\xE9t\xE9",
            )),
            MmsHeader::MessageId(mms_pdu::codec::TextString::new(b"\xEF\xBB\xBFid")),
            MmsHeader::To(Address::new(b"+15551234567/TYPE=PLMN")),
        ] {
            assert_eq!(header_line(&h), h.to_string());
        }
        let to = MmsHeader::To(Address::with_charset(
            mms_pdu::assigned::Charset::new(106),
            b"\xEF\xBB\xBF+1/TYPE=PLMN",
        ));
        assert_eq!(header_line(&to), "To: +1/TYPE=PLMN [charset utf-8, BOM]");
    }

    /// `data_offset` is where each part's data is in the input, nested parts too, for every
    /// sample and corpus file.
    #[test]
    fn data_offsets_point_at_the_data() {
        fn check(whole: &[u8], mp: &Multipart<'_>, seen: &mut usize) {
            for part in mp.parts().flatten() {
                let at = data_offset(&part);
                assert!(at > part.offset);
                assert_eq!(
                    whole[at..].as_ptr(),
                    part.data.as_ptr(),
                    "part at {}",
                    part.offset
                );
                *seen += 1;
                if let Some(Ok(nested)) = part.nested() {
                    check(whole, &nested, seen);
                }
            }
        }
        let samples = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/samples"));
        let mut files = common::corpus_files(&samples);
        if let Some(corpus) = common::corpus_root() {
            files.extend(common::corpus_files(&corpus));
        }
        let mut seen = 0;
        for path in &files {
            let bytes = std::fs::read(path).unwrap();
            let Ok(message) = mms_pdu::decode(&bytes) else {
                continue;
            };
            if let Some(Ok(mp)) = message.pdu().and_then(mms_pdu::mms::Pdu::multipart) {
                check(&bytes, &mp, &mut seen);
            }
        }
        assert!(seen > 0, "no part was checked");
    }
}
