//! Issue 17, task "errors": tell a notification that is still arriving (more SMS to come) from
//! input that is broken, and from a WAP push handed to the bare-PDU decoder.
//!
//! Task lines in `main` (as rustfmt writes them): 9 (budget 15), not counting the `assert`s that make the example check
//! itself. Imports: the prelude.
//!
//! ```text
//! cargo run --example task_errors
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use mms_pdu::prelude::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let whole = include_bytes!("../samples/m-notification-ind.mms");
    let cut = &whole[..50]; // the SMS with the rest of the URI has not arrived
    let error = Pdu::decode(cut).unwrap_err();
    let partial = Pdu::decode_partial(cut, &DecodeOptions::new()).unwrap_err();
    println!("cut: {partial}");
    let garbage = Pdu::decode(b"<html>502 Bad Gateway</html>").unwrap_err();
    println!("garbage: {garbage}");
    let push = Pdu::decode(include_bytes!("../samples/push-notification.wsp")).unwrap_err();
    println!("push: {push}");

    assert!(error.is_incomplete() && !garbage.is_incomplete() && !push.is_incomplete());
    assert_eq!(partial.pdu().message_size().map(|s| s.value), Some(12345));
    assert_eq!(partial.missing(), ["X-Mms-Content-Location"]);
    assert_ne!(garbage.kind, DecodeErrorKind::WspPush);
    assert_eq!(push.kind, DecodeErrorKind::WspPush);
    Ok(())
}
