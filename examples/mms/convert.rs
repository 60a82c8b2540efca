//! `mms encode`, `mms roundtrip` and `mms samples`: between JSON, octets and files.

use std::fmt::Write as _;
use std::io::Write as _;

use mms_pdu::codec::Encode;

use crate::Failure;
use crate::input::{Input, decode_failure, read_file};

pub(crate) fn encode_command(args: &[String]) -> Result<(), Failure> {
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

pub(crate) fn roundtrip_command(input: &Input) -> Result<(), Failure> {
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
// samples

pub(crate) fn samples_command(args: &[String]) -> Result<(), Failure> {
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
