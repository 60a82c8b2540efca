//! Reading the one input a command works on: a file or standard input, raw or hex text.

use std::io::Read as _;

use mms_pdu::{DecodeError, DecodeOptions};

use crate::{Failure, hexdump};

/// Options shared by the commands that read one input.
pub(crate) struct Input {
    pub(crate) path: String,
    pub(crate) bytes: Vec<u8>,
    pub(crate) json: bool,
    pub(crate) options: DecodeOptions,
}

/// Reads the one FILE argument (or `-`), with `--hex`, `--strict` and (when `json_ok`) `--json`.
pub(crate) fn read_input(args: &[String], json_ok: bool) -> Result<Input, Failure> {
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
