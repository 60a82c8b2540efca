//! Issue 17, task "owned": keep a decoded PDU after the buffer it was decoded from is gone,
//! and hand it to another thread.
//!
//! Task lines in `main` (as rustfmt writes them): 9 (budget 8), not counting the `assert`s that make the example check
//! itself. Imports: the prelude.
//!
//! ```text
//! cargo run --example task_owned
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use mms_pdu::prelude::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let buffer = include_bytes!("../samples/m-retrieve-conf.mms").to_vec(); // an HTTP body
    let owned: OwnedPdu = Pdu::decode(&buffer)?.into_owned()?; // copied once, not decoded again
    drop(buffer);
    let worker = std::thread::spawn(move || {
        let message = MessageView::new(&owned.pdu());
        message.subject().map(|s| s.into_owned())
    });
    let subject = worker.join().map_err(|_| "the worker panicked")?;
    println!("in another thread: {subject:?}");

    assert_eq!(subject.as_deref(), Some("Café"));
    Ok(())
}
