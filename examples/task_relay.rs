//! Issue 17, task "relay": an MMSC takes an m-send-req, changes its To list, adds an
//! application header and passes it on; every header it did not touch goes out as it came.
//!
//! Task lines in `main` (as rustfmt writes them): 9 (budget 10), not counting the `assert`s that make the example check
//! itself. Imports: the prelude and `assigned::FieldCode`.
//!
//! ```text
//! cargo run --example task_relay
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use mms_pdu::assigned::FieldCode;
use mms_pdu::prelude::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pdu = Pdu::decode(include_bytes!("../samples/m-send-req.mms"))?;
    let mut edit = pdu.edit();
    let to: [Address; 2] = ["+15550002/TYPE=PLMN".into(), "bob@example.org".into()];
    edit.set_recipients(FieldCode::TO, to)?
        .add_application_header("X-Relayed-By", "mmsc.example")?;
    let wire = edit.finish()?;
    let relayed = Pdu::decode(&wire)?;
    let to: Vec<_> = relayed.to().map(|a| a.to_string()).collect();
    println!("relayed {} octets to {to:?}", wire.len());

    assert_eq!(to, ["+15550002/TYPE=PLMN", "bob@example.org"]);
    let relayed_by = relayed.application_headers().next();
    assert_eq!(
        relayed_by,
        Some((&b"X-Relayed-By"[..], &b"mmsc.example"[..]))
    );
    // The application header is reported as a note (what it is), not as a deviation.
    let notes = relayed.diagnostics().iter().all(|d| d.kind.is_note());
    assert!(notes, "{:?}", relayed.diagnostics());
    // Every other header, and the body, are the octets that came in.
    let untouched = |p: &Pdu| -> Result<Vec<Vec<u8>>, EncodeError> {
        p.headers()
            .filter(|h| h.field().is_some_and(|f| f != FieldCode::TO))
            .map(|h| h.encode_to_vec())
            .collect()
    };
    assert_eq!(untouched(&relayed)?, untouched(&pdu)?);
    assert_eq!(relayed.body(), pdu.body());
    Ok(())
}
