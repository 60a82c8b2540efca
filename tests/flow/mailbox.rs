//! The e-mail side of the MMSC (MM3/MM4): the conversion between MMS and Internet mail, and
//! an in-process mailbox standing in for the mail server.
//!
//! Both directions go through the crate's MMS ⇄ MIME conversion (feature `mail`): the MMSC's
//! e-mail domain is [`DOMAIN`], so a phone number travels as `+number/TYPE=PLMN@` that domain.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};

use mms_pdu::mail::{MailOptions, to_mime, to_send_req};

/// The MMSC's e-mail domain (MM4).
pub(crate) const DOMAIN: &str = "mms.example.net";

/// MMS → e-mail. `pdu_bytes` is the m-retrieve-conf the MMSC built for an e-mail recipient
/// (Message-ID, Date, From, To/Cc, Subject, the multipart/related body); the result is the
/// RFC 5322 message handed to the mail server.
pub(crate) fn to_email(pdu_bytes: &[u8]) -> Result<Vec<u8>, String> {
    let pdu = mms_pdu::Pdu::decode(pdu_bytes).map_err(|e| e.to_string())?;
    to_mime(&pdu, &MailOptions::new(DOMAIN)).map_err(|e| e.to_string())
}

/// E-mail → MMS. `mail` is an RFC 5322 message arriving for phone users; the result is the
/// m-send-req the MMSC then routes as if the mail's sender had sent it from a phone (its From
/// the e-mail address, its recipients the mail's To/Cc, the same parts), so a phone retrieves
/// it as an m-retrieve-conf like any other message. Unconvertible mail gives no PDU.
pub(crate) fn from_email(mail: &[u8]) -> Vec<u8> {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    let tid = format!("mail-{}", NEXT.fetch_add(1, Ordering::Relaxed));
    to_send_req(mail, tid.as_bytes(), &MailOptions::new(DOMAIN)).unwrap_or_default()
}

/// A reply from the e-mail recipient to phone B, as the mail server hands it to the MMSC.
pub(crate) const REPLY: &str = "From: Friend <friend@mail.example.org>\r\n\
To: +41787654321/TYPE=PLMN@mms.example.net\r\n\
Subject: =?UTF-8?Q?Re:_Gr=C3=BC=C3=9Fe_vom_Z=C3=BCrichsee?=\r\n\
Date: Fri, 31 May 2024 16:08:37 +0000\r\n\
Message-ID: <reply-1@mail.example.org>\r\n\
MIME-Version: 1.0\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
Content-Transfer-Encoding: 8bit\r\n\
\r\n\
Danke, schön war's!\r\n";

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
