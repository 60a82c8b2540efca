//! Issue 17, task "phone": a pushed m-notification-ind arrives in SMS; read its subject, sender,
//! size, expiry (as a time) and location (as text), and build the two answers, m-notifyresp-ind
//! and m-acknowledge-ind.
//!
//! Task lines in `main` (as rustfmt writes them): 10 (budget 10), not counting the `assert`s that make the example check
//! itself. Imports: the prelude and `std::time`.
//!
//! ```text
//! cargo run --example task_phone
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use mms_pdu::prelude::*;
use std::time::{Duration, SystemTime};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let wire = include_bytes!("../samples/push-notification.wsp");
    let pdu = PushMessage::decode(wire)?.pdu.ok_or("not an MMS push")?;
    let note = NotificationInd::try_from(&pdu)?; // every mandatory field is there
    let message = MessageView::new(&pdu);
    let (subject, from) = (message.subject(), message.from().ok_or("no sender")?); // optional
    let (size, location) = (message.message_size(), message.content_location());
    let expires = message.expiry(SystemTime::now()).ok_or("no expiry")?;
    let resp = note.notifyresp(Status::DEFERRED).build()?.encode_to_vec()?;
    let ack = note.acknowledge().build()?.encode_to_vec()?; // after the GET
    println!("{subject:?} from {from}: GET {location:?} ({size:?} octets) before {expires:?}");

    assert_eq!(subject, None);
    assert_eq!(from.to_string(), "+15551234567");
    assert_eq!(size, Some(12345));
    assert_eq!(location.as_deref(), Some("http://mmsc.example/m1"));
    let in_three_days = SystemTime::now() + Duration::from_secs(3 * 24 * 3600);
    assert!(expires <= in_three_days && expires + Duration::from_secs(60) > in_three_days);
    assert_eq!(resp[..2], [0x8C, 0x83]); // m-notifyresp-ind
    assert_eq!(ack[..2], [0x8C, 0x85]); // m-acknowledge-ind
    let answer = Pdu::decode(&resp)?;
    assert_eq!(
        NotifyRespInd::try_from(&answer)?.status(),
        Some(Status::DEFERRED)
    );
    let tid = note.transaction_id();
    assert_eq!(answer.transaction_id(), tid);
    assert_eq!(Pdu::decode(&ack)?.transaction_id(), tid);
    Ok(())
}
