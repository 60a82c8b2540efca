//! Issue 17, task "send": an m-send-req to two recipients with a UTF-8 subject and a SMIL
//! slide showing a text and a JPEG, under the carrier's 300 KB budget; the same message with a
//! 400 KB photo is refused.
//!
//! Task lines in `main` (as rustfmt writes them): 27 (budget 15), not counting the `assert`s that make the example check
//! itself. Imports: the prelude and `wsp::Media`.
//!
//! ```text
//! cargo run --example task_send
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use mms_pdu::prelude::*;
use mms_pdu::wsp::Media;

const SMIL: &[u8] = br#"<smil><body><par dur="5s"><img src="cid:photo"/><text src="cid:text"/></par></body></smil>"#;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let send = |jpeg: &[u8]| -> Result<Vec<u8>, EncodeError> {
        let text = ContentType::well_known(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::UTF_8);
        let photo = ContentType::well_known(WellKnownMedia::IMAGE_JPEG).with_name(b"photo.jpg");
        let body = MultipartBuilder::new()
            .part(
                PartBuilder::new(ContentType::text(b"application/smil"), SMIL)
                    .content_id(b"<smil>"),
            )
            .part(PartBuilder::new(text, "See you at 7 ☕".as_bytes()).content_id(b"<text>"))
            .part(PartBuilder::new(photo, jpeg).content_id(b"<photo>"))
            .encode_to_vec()?;
        let related =
            ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_RELATED)
                .with_start(b"<smil>")
                .with_type(Media::Text(b"application/smil"));
        SendReq::build("send-1", FromValue::insert_address(), related)
            .to("+15551234567/TYPE=PLMN")
            .to("anna@example.org")
            .subject("Dîner à 7 h ☕")
            .size_budget(300_000)
            .body_octets(&body)
            .build()?
            .encode_to_vec()
    };
    let wire = send(&[0xFF; 250_000])?;
    let refused = send(&[0xFF; 400_000]).unwrap_err();
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
