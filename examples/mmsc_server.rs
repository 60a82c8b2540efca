//! The whole MMS flow between real HTTP endpoints on 127.0.0.1: a small MMSC, two phones, an
//! in-process SMSC and a mailbox, each step printed in one line with its time.
//!
//! ```text
//! cargo run --example mmsc_server
//! ```
//!
//! It runs exactly what `tests/flow.rs` checks (the code is `tests/flow/`, included here):
//! phone A sends a message to phone B and an e-mail address; B is notified by SMS, retrieves
//! it over HTTP, confirms and acknowledges it, and sends a read report; A gets the delivery
//! and read reports. Then the faults the MMSC must survive, 20 messages from 4 client threads
//! at once, and the e-mail side: the message as RFC 5322 mail, and a reply mail retrieved by B. The MMSC listens on a port the OS picks, talks to nothing but the
//! loopback interface, and is stopped before the example exits. Every step checks what
//! arrived; the example exits non-zero if one does not hold.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[path = "../tests/flow/mod.rs"]
mod flow;

use std::time::Instant;

use flow::faults::faults;
use flow::mailbox::REPLY;
use flow::scenario::{Composed, Log, PHONE_A, PHONE_B, World, concurrent, happy_path};

fn main() {
    let started = Instant::now();
    let world = World::start();
    println!("MMSC listening on {}", world.mmsc.url());
    let mut log = Log::new(true);
    let mut a = world.phone(PHONE_A);
    let mut b = world.phone(PHONE_B);

    println!("\n-- A ({PHONE_A}) to B ({PHONE_B}) and an e-mail address");
    happy_path(&world, &mut a, &mut b, &Composed::postcard(1), &mut log);

    println!("\n-- faults (with a delivered message and a 16 MiB one stored)");
    faults(&world, &mut a, &mut b, &mut log);

    println!("\n-- many at once");
    concurrent(&world, 4, 5, &mut log);

    println!("\n-- the e-mail recipient (MM4: MMS as RFC 5322 mail and back)");
    let step = Instant::now();
    let mails = world.mailbox.mails();
    let first = mails.first().expect("the e-mail recipient got mail");
    let head = String::from_utf8_lossy(&first.message);
    let header = |name: &str| {
        head.lines()
            .find(|l| l.len() > name.len() && l[..name.len()].eq_ignore_ascii_case(name))
            .map_or("", |l| l[name.len()..].trim())
            .to_owned()
    };
    log.step(
        step,
        format!(
            "4.   {} mails for {}; the first: From {}, Content-Type {}",
            mails.len(),
            first.recipient,
            header("From:"),
            header("Content-Type:")
        ),
    );
    let step = Instant::now();
    let message_id = world
        .mmsc
        .receive_email(REPLY.as_bytes())
        .expect("the reply is accepted");
    let pushed = b.receive_push();
    let Ok(mms_pdu::Message::Push(push)) = mms_pdu::decode(&pushed.push) else {
        panic!("a notification push")
    };
    let location = push
        .pdu
        .and_then(|ind| ind.content_location())
        .map(|l| String::from_utf8_lossy(l.uri_bytes()).into_owned())
        .expect("a Content-Location");
    let reply = b.get(&location);
    assert_eq!(reply.status, 200);
    log.step(
        step,
        format!(
            "4.   a reply mail -> m-send-req {message_id} -> B notified, GET {location} -> {} octets",
            reply.body.len()
        ),
    );
    let stored = world.mmsc.snapshot().messages();
    let downloads = world.mmsc.downloads();
    world.stop();
    println!(
        "\ndone in {:.0} ms: {stored} messages stored, {} downloads completed, {} cut; MMSC stopped",
        started.elapsed().as_secs_f64() * 1000.0,
        downloads.completed,
        downloads.aborted
    );
}
