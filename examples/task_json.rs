//! Issue 17, task "JSON": a PDU to JSON and back, with its subject edited on the way.
//!
//! Task lines in `main` (as rustfmt writes them): 6 (budget 8), not counting the `assert`s that make the example check
//! itself. Imports: the prelude and `document::Document`.
//!
//! ```text
//! cargo run --example task_json
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use mms_pdu::document::Document;
use mms_pdu::prelude::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let wire = include_bytes!("../samples/m-send-req.mms");
    let json = serde_json::to_string(&decode(wire)?)?; // the exact JSON: every header's wire form
    let edited = json.replace(r#""bytes":"Hi""#, r#""bytes":"Hello""#); // the Subject's text
    let out = serde_json::from_str::<Document>(&edited)?.to_wire()?;
    let pdu = Pdu::decode(&out)?;
    println!("subject now {:?}", MessageView::new(&pdu).subject());

    assert_ne!(json, edited);
    assert_eq!(MessageView::new(&pdu).subject().as_deref(), Some("Hello"));
    assert_eq!(serde_json::from_str::<Document>(&json)?.to_wire()?, wire); // unedited: same octets
    Ok(())
}
