//! Issue 17, task "send": an m-send-req to two recipients with a UTF-8 subject and a SMIL
//! slide showing a text and a JPEG, under the carrier's 300 KB budget; the same message with a
//! 400 KB photo is refused.
//!
//! Task lines in `main` (as rustfmt writes them): 14 (budget 15), not counting the `assert`s that make the example check
//! itself. Imports: the prelude only ([`Slideshow`](mms_pdu::attachments::Slideshow) writes the
//! SMIL, the parts and the multipart/related Content-Type).
//!
//! ```text
//! cargo run --example task_send
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use mms_pdu::prelude::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let send = |text: &str, jpeg: &[u8]| -> Result<Vec<u8>, EncodeError> {
        let show = Slideshow::new().text(text).image("photo.jpg", jpeg);
        SendReq::build("send-1", FromValue::insert_address(), show.content_type())
            .to("+15551234567/TYPE=PLMN")
            .to("anna@example.org")
            .subject("Dîner à 7 h ☕")
            .size_budget(300_000)
            .body_octets(&show.encode()?)
            .build()?
            .encode_to_vec()
    };
    let wire = send("See you at 7 ☕", &[0xFF; 250_000])?;
    let refused = send("See you at 7 ☕", &[0xFF; 400_000]).unwrap_err();
    println!("{} octets to send; a 400 KB photo: {refused}", wire.len());

    let pdu = Pdu::decode(&wire)?;
    let message = MessageView::new(&pdu);
    assert_eq!(message.subject().as_deref(), Some("Dîner à 7 h ☕"));
    assert_eq!(message.to().len(), 2);
    assert_eq!(message.text().as_deref(), Some("See you at 7 ☕"));
    assert_eq!(
        message.slides()[0]
            .image()
            .and_then(|i| i.attachment())
            .map(|a| a.size()),
        Some(250_000)
    );
    assert!(
        matches!(refused, EncodeError::OverBudget { .. }),
        "{refused:?}"
    );
    Ok(())
}
