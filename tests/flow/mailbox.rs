//! The e-mail side of the MMSC (MM3/MM4): the conversion between MMS and Internet mail, and
//! an in-process mailbox standing in for the mail server.
//!
//! PLACEHOLDER, NOT DONE: `to_email` and `from_email` are to be implemented with the crate's
//! MMS ⇄ MIME conversion (feature `mail`, module `mms_pdu::mail`, issue 19), which does not
//! exist yet. Until then they pass the MMS octets through unconverted, so nothing here is
//! RFC 5322, and the test of step 4 (`tests/flow.rs`, `email_recipient_and_reply`) is
//! `#[ignore]`d. These two functions are the only place to change when the module lands.

use std::sync::Mutex;

/// MMS → e-mail. `pdu_bytes` is the m-retrieve-conf the MMSC built for an e-mail recipient
/// (Message-ID, Date, From, To/Cc, Subject, the multipart/related body); the result is to be
/// the RFC 5322 message handed to the mail server.
///
/// PLACEHOLDER (see the module documentation): returns `pdu_bytes` unchanged.
pub(crate) fn to_email(pdu_bytes: &[u8]) -> Vec<u8> {
    pdu_bytes.to_vec()
}

/// E-mail → MMS. `mail` is an RFC 5322 message arriving for phone users; the result is to be
/// the m-send-req the MMSC then routes as if the mail's sender had sent it from a phone (its
/// From the e-mail address, its recipients the mail's To/Cc, the same parts), so a phone
/// retrieves it as an m-retrieve-conf like any other message.
///
/// PLACEHOLDER (see the module documentation): returns `mail` unchanged.
pub(crate) fn from_email(mail: &[u8]) -> Vec<u8> {
    mail.to_vec()
}

/// One message handed to the mail server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mail {
    /// The envelope recipient (the e-mail address from the MMS).
    pub(crate) recipient: String,
    /// What [`to_email`] made of the message.
    pub(crate) message: Vec<u8>,
}

/// The mail server's side: what the MMSC handed over, in order.
#[derive(Debug, Default)]
pub(crate) struct Mailbox {
    mails: Mutex<Vec<Mail>>,
}

impl Mailbox {
    /// Takes one message for `recipient`.
    pub(crate) fn deliver(&self, recipient: &str, message: Vec<u8>) {
        self.mails
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(Mail {
                recipient: recipient.to_owned(),
                message,
            });
    }

    /// Every message handed over so far.
    pub(crate) fn mails(&self) -> Vec<Mail> {
        self.mails.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// How many messages were handed over.
    pub(crate) fn len(&self) -> usize {
        self.mails.lock().unwrap_or_else(|e| e.into_inner()).len()
    }
}
