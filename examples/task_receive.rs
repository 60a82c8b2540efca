//! Issue 17, task "receive": an m-retrieve-conf from a group conversation; list its attachments
//! (name, type, size), read the text body, walk the SMIL slides with their timing, and list the
//! group's other members.
//!
//! Task lines in `main` (as rustfmt writes them): 21 (budget 20), not counting the `assert`s that make the example check
//! itself. Imports: the prelude.
//!
//! ```text
//! cargo run --example task_receive
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use mms_pdu::prelude::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pdu = Pdu::decode(include_bytes!("../samples/m-retrieve-conf.mms"))?;
    let message = MessageView::new(&pdu);
    for a in message.attachments() {
        println!("{:?} {:?} {} octets", a.name(), a.media_type(), a.size());
    }
    let text = message.text().ok_or("no text")?;
    println!("{:?}: {text}", message.subject());
    for slide in message.slides() {
        println!("slide {} for {:?}:", slide.index(), slide.duration());
        for item in slide.items() {
            println!(
                "  {:?} {:?}",
                item.kind(),
                item.attachment().and_then(|a| a.name())
            );
        }
    }
    let me = "+1 555 010 0000"; // the user's own number, in any format
    for other in message.recipients_excluding(me) {
        println!("also to {other}");
    }

    let names: Vec<_> = message
        .attachments()
        .iter()
        .filter_map(|a| a.name())
        .collect();
    assert_eq!(
        names,
        [
            "smil.xml",
            "photo.gif",
            "text1.txt",
            "text2.txt",
            "hello.amr",
            "alice.vcf"
        ]
    );
    assert_eq!(text, "Lunch at the café? ☕");
    assert_eq!(message.attachments()[3].text(), "Bis später!"); // UTF-16 on the wire
    let slides = message.slides();
    assert_eq!(slides.len(), 2);
    assert_eq!(
        slides[0].duration(),
        Some(std::time::Duration::from_secs(5))
    );
    assert_eq!(
        slides[1]
            .audio()
            .and_then(|a| a.attachment()?.name())
            .as_deref(),
        Some("hello.amr")
    );
    let others = message.recipients_excluding(me);
    assert_eq!(
        others.iter().map(|a| a.to_string()).collect::<Vec<_>>(),
        ["+15550100002"]
    );
    Ok(())
}
