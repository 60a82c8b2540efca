//! Reading the input a command works on: one file or standard input, raw or hex text, or the
//! SMS that carry one push (several files, several hex lines, modem output), joined.

use std::fmt::Write as _;
use std::io::Read as _;

use mms_pdu::sms::{Framing, JoinError, ReassemblyLimits, UserDataHeader, classify};
use mms_pdu::sms::{join_segments, modem_pdus};
use mms_pdu::{DecodeError, DecodeOptions};

use crate::{Failure, hexdump};

/// Options shared by the commands that read one input.
pub(crate) struct Input {
    /// The file (or the files, joined by `+`, when several SMS were joined).
    pub(crate) path: String,
    /// The octets to decode: the file's, or the push joined from several SMS.
    pub(crate) bytes: Vec<u8>,
    /// `decode --json`: which JSON to print instead of the listing.
    pub(crate) json: Option<JsonView>,
    pub(crate) options: DecodeOptions,
    /// What `decode` prints before the message when several SMS were joined: one line per
    /// SMS with its framing. Empty otherwise.
    pub(crate) sms: String,
}

/// The JSON `decode` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum JsonView {
    /// `--json` (or `--json=exact`): the whole model, which `encode` reads back.
    Exact,
    /// `--json=readable`: the PDU's readable view (`mms_pdu::document::Readable`).
    Readable,
}

/// One SMS (or the one input) read from a file, with where it came from.
struct Piece {
    origin: String,
    bytes: Vec<u8>,
}

/// Reads the FILE arguments (or `-`), with `--hex`, `--sms`, `--strict` and (when `json_ok`)
/// `--json` / `--json=exact` / `--json=readable`. One FILE holding one input is decoded as it is (`decode` finds an SMS framing by
/// itself); several inputs (several FILEs, or a FILE of modem output or of hex lines that are
/// each an SMS) are SMS segments, joined into the push they carry. `--sms` requires SMS.
pub(crate) fn read_input(args: &[String], json_ok: bool) -> Result<Input, Failure> {
    let mut paths = Vec::new();
    let (mut hex, mut strict, mut sms) = (false, false, false);
    let mut json = None;
    for a in args {
        match a.as_str() {
            "--hex" => hex = true,
            "--strict" => strict = true,
            "--sms" => sms = true,
            "--json" | "--json=exact" if json_ok => json = Some(JsonView::Exact),
            "--json=readable" if json_ok => json = Some(JsonView::Readable),
            flag if json_ok && flag.starts_with("--json=") => {
                let view = flag.trim_start_matches("--json=");
                return Err(Failure::Usage(format!(
                    "unknown JSON view '{view}' (exact or readable)"
                )));
            }
            flag if flag.starts_with("--") => {
                return Err(Failure::Usage(format!("unknown option '{flag}'")));
            }
            file => paths.push(file.to_owned()),
        }
    }
    if paths.is_empty() {
        return Err(Failure::Usage("missing FILE".into()));
    }
    if paths.iter().filter(|p| *p == "-").count() > 1 {
        return Err(Failure::Usage("standard input (-) can be read once".into()));
    }
    let mut pieces = Vec::new();
    for path in &paths {
        let raw = read_file(path)?;
        pieces.extend(split_pieces(&raw, path, hex)?);
    }
    let options = DecodeOptions::new().strict(strict);
    if let [one] = &pieces[..] {
        if sms && matches!(classify(&one.bytes), Framing::Unframed(_)) {
            return Err(not_sms(&one.origin));
        }
        return Ok(Input {
            path: paths.join(" + "),
            bytes: one.bytes.clone(),
            json,
            options,
            sms: String::new(),
        });
    }
    let (bytes, listing) = join(&pieces)?;
    Ok(Input {
        path: paths.join(" + "),
        bytes,
        json,
        options,
        sms: listing,
    })
}

fn not_sms(origin: &str) -> Failure {
    Failure::Input(format!(
        "{origin}: not SMS: neither an SMS-DELIVER TPDU (SMSC address first) nor SMS user data \
         whose header addresses WAP push (port 2948)"
    ))
}

/// The inputs in one file: the TPDUs of modem output (`+CMGR:` / `+CMGL:` / `+CMT:` lines,
/// hex or not), with `--hex` the lines of hex when there are several and each is an SMS, or
/// else the file itself (hex text parsed with `--hex`).
fn split_pieces(raw: &[u8], path: &str, hex: bool) -> Result<Vec<Piece>, Failure> {
    let is_text = raw
        .iter()
        .all(|b| b.is_ascii_graphic() || b.is_ascii_whitespace());
    if is_text {
        let pdus = modem_pdus(raw)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| Failure::Input(format!("{path}: modem output: {e}")))?;
        if !pdus.is_empty() {
            return Ok(numbered(path, "PDU", pdus));
        }
    }
    if !hex {
        return Ok(vec![Piece {
            origin: path.to_owned(),
            bytes: raw.to_vec(),
        }]);
    }
    let text = String::from_utf8_lossy(raw);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.len() > 1 {
        let each: Option<Vec<Vec<u8>>> = lines
            .iter()
            .map(|l| hexdump::parse(l).ok())
            .map(|b| b.filter(|b| !matches!(classify(b), Framing::Unframed(_))))
            .collect();
        if let Some(each) = each {
            return Ok(numbered(path, "line", each));
        }
    }
    Ok(vec![Piece {
        origin: path.to_owned(),
        bytes: parse_hex(raw, path)?,
    }])
}

fn numbered(path: &str, what: &str, all: Vec<Vec<u8>>) -> Vec<Piece> {
    let single = all.len() == 1;
    all.into_iter()
        .zip(1..)
        .map(|(bytes, n)| Piece {
            origin: match single {
                true => path.to_owned(),
                false => format!("{path} {what} {n}"),
            },
            bytes,
        })
        .collect()
}

/// Joins the SMS `pieces` into the one push they carry, and lists them.
fn join(pieces: &[Piece]) -> Result<(Vec<u8>, String), Failure> {
    let limits = ReassemblyLimits {
        max_segments: u8::MAX,
        ..ReassemblyLimits::DEFAULT
    };
    let origin = |i: usize| pieces.get(i).map_or("input", |p| p.origin.as_str());
    let mut pushes =
        join_segments(pieces.iter().map(|p| p.bytes.as_slice()), limits).map_err(|e| match e {
            JoinError::NotSms { input } => not_sms(origin(input)),
            JoinError::NotPush { input, error } => {
                Failure::Input(format!("{}: not a WAP push SMS: {error}", origin(input)))
            }
            JoinError::Segment { input, error } => {
                Failure::Input(format!("{}: {error}", origin(input)))
            }
            other => Failure::Input(format!("cannot join the SMS: {other}")),
        })?;
    let count = pushes.len();
    let push = match pushes.pop() {
        Some(push) if count == 1 => push,
        _ => {
            return Err(Failure::Input(format!(
                "the SMS carry {count} pushes, not one: give the segments of one push"
            )));
        }
    };
    let mut listing = format!(
        "{} SMS joined into a push of {} octets:\n",
        pieces.len(),
        push.len()
    );
    for p in pieces {
        let _ = writeln!(
            listing,
            "  {}: {}",
            p.origin,
            describe_framing(&classify(&p.bytes))
        );
    }
    listing.push('\n');
    Ok((push, listing))
}

/// One line saying what SMS framing an input has: for an SMS-DELIVER the SMSC, the
/// originator, PID, DCS and time stamp, then the user data header's ports and segment.
pub(crate) fn describe_framing(framing: &Framing<'_>) -> String {
    let mut out = String::new();
    match framing {
        Framing::UserData { header, .. } => {
            let _ = write!(out, "SMS user data, ");
            describe_header(&mut out, header);
        }
        Framing::Deliver(d) => {
            let _ = write!(out, "SMS-DELIVER");
            if let Some(smsc) = d.smsc() {
                let _ = write!(out, " via SMSC {smsc}");
            }
            let _ = write!(
                out,
                " from {}, PID 0x{:02X}, DCS 0x{:02X}, sent {}, UDL {}",
                d.originator(),
                d.protocol_id(),
                d.data_coding().0,
                d.timestamp(),
                d.user_data_length()
            );
            if let Some(header) = d.user_data_header() {
                let _ = write!(out, "; ");
                describe_header(&mut out, &header);
            }
        }
        Framing::Unframed(bytes) => {
            let _ = write!(out, "{} octets without SMS framing", bytes.len());
        }
    }
    out
}

fn describe_header(out: &mut String, header: &UserDataHeader<'_>) {
    let _ = write!(
        out,
        "user data header of {} octets",
        header.raw_elements().len() + 1
    );
    if let Some(p) = header.ports() {
        let _ = write!(out, ", ports {} -> {}", p.source, p.destination);
    }
    if let Some(c) = header.concatenation() {
        let bits = if c.wide_reference { 16 } else { 8 };
        let _ = write!(
            out,
            ", segment {} of {} (reference {}, {bits}-bit)",
            c.sequence, c.total, c.reference
        );
    }
}

/// Hex text to octets (`hexdump` says which shapes are read).
pub(crate) fn parse_hex(text: &[u8], path: &str) -> Result<Vec<u8>, Failure> {
    hexdump::parse(&String::from_utf8_lossy(text))
        .map_err(|e| Failure::Input(format!("{path}: not hex: {e}")))
}

pub(crate) fn decode_failure(path: &str, e: &DecodeError) -> Failure {
    Failure::Input(format!("{path}: cannot decode: {e}"))
}

/// Reads a whole file, or standard input for `-`.
pub(crate) fn read_file(path: &str) -> Result<Vec<u8>, Failure> {
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
