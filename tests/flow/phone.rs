//! The phones' side of the flow: an in-process SMSC that carries SMS user data, and a phone
//! that receives WAP pushes through it and talks HTTP to its MMSC.
//!
//! A phone only ever connects to its MMSC's base URL: a Content-Location pointing anywhere else
//! is refused before any connection is made (a real handset reaches the MMSC through its MMS
//! APN; here it keeps the test on the loopback interface).

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError, channel};
use std::time::{Duration, Instant};

use mms_pdu::sms::{Reassembler, ReassemblyLimits};

/// The content type of every MMS PDU on HTTP (OMA MMS CTR).
pub(crate) const MMS_CONTENT_TYPE: &str = "application/vnd.wap.mms-message";

/// The longest a phone waits for a push, or for an HTTP answer.
const WAIT: Duration = Duration::from_secs(10);

/// The largest HTTP body a phone reads (the flow's largest message is 16 MiB).
const MAX_BODY: u64 = 64 * 1024 * 1024;

/// One SMS as the SMSC delivers it: the originator and the user data (UDH and payload).
#[derive(Debug, Clone)]
pub(crate) struct Sms {
    pub(crate) originator: &'static str,
    pub(crate) user_data: Vec<u8>,
}

/// The SMS centre: a channel per attached number. SMS to a number nobody attached are dropped,
/// as a real SMSC would after its retries.
#[derive(Debug, Default)]
pub(crate) struct Smsc {
    routes: Mutex<HashMap<String, Sender<Sms>>>,
}

impl Smsc {
    /// Attaches a phone number; what is sent to it arrives on the returned receiver.
    pub(crate) fn attach(&self, number: &str) -> Receiver<Sms> {
        let (tx, rx) = channel();
        self.routes.lock().unwrap().insert(number.to_owned(), tx);
        rx
    }

    /// Submits the segments of one concatenated SMS. The network does not keep their order:
    /// this SMSC delivers them last first. Returns whether the number is attached.
    pub(crate) fn submit(
        &self,
        originator: &'static str,
        destination: &str,
        segments: Vec<Vec<u8>>,
    ) -> bool {
        let routes = self.routes.lock().unwrap_or_else(|e| e.into_inner());
        let Some(route) = routes.get(destination) else {
            return false;
        };
        segments.into_iter().rev().all(|user_data| {
            route
                .send(Sms {
                    originator,
                    user_data,
                })
                .is_ok()
        })
    }
}

/// An HTTP answer as a phone sees it.
#[derive(Debug)]
pub(crate) struct HttpReply {
    pub(crate) status: u16,
    pub(crate) content_type: Option<String>,
    pub(crate) body: Vec<u8>,
}

impl HttpReply {
    /// Whether the answer carries an MMS PDU.
    pub(crate) fn is_mms(&self) -> bool {
        self.content_type.as_deref() == Some(MMS_CONTENT_TYPE)
    }
}

/// A reassembled WAP push and how many SMS carried it.
#[derive(Debug)]
pub(crate) struct Pushed {
    pub(crate) push: Vec<u8>,
    pub(crate) sms: usize,
}

/// A phone: its number, its SMS inbox, its HTTP client for the MMSC.
pub(crate) struct Phone {
    number: String,
    address: String,
    mmsc: String,
    http: ureq::Agent,
    inbox: Receiver<Sms>,
    reassembler: Reassembler<&'static str>,
    transactions: u32,
}

impl Phone {
    /// A phone with `number` (international form), attached to `smsc`, served by the MMSC at
    /// `mmsc` (a base URL on the loopback interface).
    pub(crate) fn new(number: &str, smsc: &Smsc, mmsc: &str) -> Phone {
        let config = ureq::Agent::config_builder()
            // Answers such as 404 are data for the phone, not failures of the transport.
            .http_status_as_error(false)
            // No proxy from the environment: the MMSC is on this machine.
            .proxy(None)
            .max_redirects(0)
            .timeout_global(Some(WAIT))
            .build();
        Phone {
            number: number.to_owned(),
            address: format!("{number}/TYPE=PLMN"),
            mmsc: mmsc.to_owned(),
            http: config.into(),
            inbox: smsc.attach(number),
            reassembler: Reassembler::new(ReassemblyLimits::DEFAULT),
            transactions: 0,
        }
    }

    /// The number, e.g. `+41791234567`.
    pub(crate) fn number(&self) -> &str {
        &self.number
    }

    /// The MMS address, e.g. `+41791234567/TYPE=PLMN`.
    pub(crate) fn address(&self) -> &str {
        &self.address
    }

    /// A Transaction-ID this phone has not used before.
    pub(crate) fn new_transaction_id(&mut self) -> String {
        self.transactions += 1;
        format!(
            "{}-t{}",
            self.number.trim_start_matches('+'),
            self.transactions
        )
    }

    /// POSTs an MMS PDU to the MMSC, as `Content-Type: application/vnd.wap.mms-message`.
    pub(crate) fn post(&self, pdu: &[u8]) -> HttpReply {
        self.post_as(MMS_CONTENT_TYPE, pdu)
    }

    /// POSTs `body` to the MMSC with another Content-Type (what a broken client might do).
    pub(crate) fn post_as(&self, content_type: &str, body: &[u8]) -> HttpReply {
        let url = format!("{}/mms", self.mmsc);
        let reply = self
            .http
            .post(&url)
            .header("Content-Type", content_type)
            .send(body)
            .unwrap_or_else(|e| panic!("POST {url}: {e}"));
        read_reply(reply)
    }

    /// GETs `url`, which must be on this phone's MMSC.
    pub(crate) fn get(&self, url: &str) -> HttpReply {
        assert!(
            url.starts_with(&format!("{}/", self.mmsc)),
            "{url} is not on the MMSC {}: refused",
            self.mmsc
        );
        let reply = self
            .http
            .get(url)
            .call()
            .unwrap_or_else(|e| panic!("GET {url}: {e}"));
        read_reply(reply)
    }

    /// Waits (at most 10 s) for the SMS of the next WAP push and reassembles them.
    pub(crate) fn receive_push(&mut self) -> Pushed {
        let deadline = Instant::now() + WAIT;
        let mut sms = 0;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let received = match self.inbox.recv_timeout(left) {
                Ok(received) => received,
                Err(RecvTimeoutError::Timeout) => {
                    panic!("{}: no push within {WAIT:?}", self.number)
                }
                Err(RecvTimeoutError::Disconnected) => panic!("{}: SMSC gone", self.number),
            };
            sms += 1;
            let joined = self
                .reassembler
                .push(received.originator, &received.user_data)
                .unwrap_or_else(|e| panic!("{}: SMS refused: {e}", self.number));
            if let Some(push) = joined {
                return Pushed { push, sms };
            }
        }
    }

    /// Whether no SMS is waiting and no push is half received.
    pub(crate) fn inbox_is_empty(&self) -> bool {
        matches!(self.inbox.try_recv(), Err(TryRecvError::Empty))
            && self.reassembler.pending().next().is_none()
    }
}

fn read_reply(mut reply: ureq::http::Response<ureq::Body>) -> HttpReply {
    let status = reply.status().as_u16();
    let content_type = reply
        .headers()
        .get("Content-Type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let body = reply
        .body_mut()
        .with_config()
        .limit(MAX_BODY)
        .read_to_vec()
        .expect("the answer's body");
    HttpReply {
        status,
        content_type,
        body,
    }
}
