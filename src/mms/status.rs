//! The outcome of a reply PDU: its status field, class (ok / transient / permanent) and text,
//! whatever the PDU type (OMA-TS-MMS_ENC-V1_3 §7.3.48, §7.3.50, §7.3.58).
//!
//! How each real-world problem is handled:
//!
//! - **Which field.** m-send-conf, m-forward-conf, m-mbox-view-conf, m-mbox-delete-conf and
//!   m-delete-conf carry X-Mms-Response-Status; m-retrieve-conf X-Mms-Retrieve-Status;
//!   m-mbox-store-conf and m-mbox-upload-conf X-Mms-Store-Status. [`Pdu::reply_status`] picks
//!   the right one and [`Pdu::status_class`] classifies it.
//! - **Reserved and obsolete codes.** The spec's reserved ranges map to transient or
//!   permanent failure ([`ResponseStatus::normalized`] and its siblings); the MMS 1.0 codes
//!   0x81–0x88 count as permanent. The raw octet is always kept: [`PduStatus::octet`].
//! - **Error-only m-retrieve-conf.** An MMSC that cannot deliver answers with Retrieve-Status
//!   and Retrieve-Text and either no body or a single `text/plain` body instead of a
//!   multipart. Both decode as ordinary m-retrieve-confs (the body is kept as sent);
//!   [`Pdu::status_class`] reports the failure. An m-retrieve-conf without Retrieve-Status is a
//!   successful retrieval (the field is optional and absent on success).
//! - **Texts with a charset.** Response-Text, Retrieve-Text, Store-Status-Text and Status-Text
//!   are Encoded-string-values (some apps read them as plain text and fail on a charset);
//!   [`Pdu::status_text`] decodes whichever the PDU carries.
//!
//! ```
//! use mms_pdu::assigned::StatusClass;
//! use mms_pdu::mms::Pdu;
//! // m-send-conf: Response-Status 0xC3 (transient network problem).
//! let pdu = Pdu::decode(b"\x8C\x81\x98T\0\x8D\x92\x92\xC3").unwrap();
//! assert_eq!(pdu.status_class(), Some(StatusClass::Transient));
//! ```

use alloc::borrow::Cow;

use crate::assigned::{MessageType, ResponseStatus, RetrieveStatus, StatusClass, StoreStatus};
use crate::base::options::DecodeOptions;
use crate::mms::header::MmsHeader;
use crate::mms::pdu::Pdu;

/// A reply's status field, as sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PduStatus {
    /// X-Mms-Response-Status (send, forward, mbox-view, mbox-delete and delete confs).
    Response(ResponseStatus),
    /// X-Mms-Retrieve-Status (m-retrieve-conf).
    Retrieve(RetrieveStatus),
    /// X-Mms-Store-Status (m-mbox-store-conf, m-mbox-upload-conf).
    Store(StoreStatus),
}

impl PduStatus {
    /// Ok, transient failure or permanent failure, using the spec's reserved ranges for
    /// unassigned codes.
    pub const fn class(self) -> StatusClass {
        match self {
            PduStatus::Response(s) => s.class(),
            PduStatus::Retrieve(s) => s.class(),
            PduStatus::Store(s) => s.class(),
        }
    }

    /// The octet as sent.
    pub const fn octet(self) -> u8 {
        match self {
            PduStatus::Response(s) => s.0,
            PduStatus::Retrieve(s) => s.0,
            PduStatus::Store(s) => s.0,
        }
    }

    /// The registered name of the code (`None` when unassigned).
    pub const fn name(self) -> Option<&'static str> {
        match self {
            PduStatus::Response(s) => s.name(),
            PduStatus::Retrieve(s) => s.name(),
            PduStatus::Store(s) => s.name(),
        }
    }

    /// `true` for [`StatusClass::Ok`].
    pub const fn is_ok(self) -> bool {
        matches!(self.class(), StatusClass::Ok)
    }
}

/// Which status field a message type answers with.
#[derive(Clone, Copy, PartialEq, Eq)]
enum StatusField {
    Response,
    Retrieve,
    Store,
}

fn status_field(message_type: MessageType) -> Option<StatusField> {
    match message_type {
        MessageType::SEND_CONF
        | MessageType::FORWARD_CONF
        | MessageType::MBOX_VIEW_CONF
        | MessageType::MBOX_DELETE_CONF
        | MessageType::DELETE_CONF => Some(StatusField::Response),
        MessageType::RETRIEVE_CONF => Some(StatusField::Retrieve),
        MessageType::MBOX_STORE_CONF | MessageType::MBOX_UPLOAD_CONF => Some(StatusField::Store),
        _ => None,
    }
}

impl<'a> Pdu<'a> {
    /// The status field this PDU type answers with, as sent; `None` for a PDU type without
    /// one or when the field is absent.
    ///
    /// ```
    /// use mms_pdu::assigned::{StatusClass, StoreStatus};
    /// use mms_pdu::mms::Pdu;
    /// use mms_pdu::mms::status::PduStatus;
    /// // m-mbox-store-conf 1.2: Store-Status mmbox-full.
    /// let pdu = Pdu::decode(b"\x8C\x8C\x98T\0\x8D\x92\xA5\xE4").unwrap();
    /// let status = pdu.reply_status().unwrap();
    /// assert_eq!(status, PduStatus::Store(StoreStatus::ERROR_PERMANENT_MMBOX_FULL));
    /// assert_eq!(status.class(), StatusClass::Permanent);
    /// ```
    pub fn reply_status(&self) -> Option<PduStatus> {
        match status_field(self.message_type()?)? {
            StatusField::Response => self.response_status().map(PduStatus::Response),
            StatusField::Retrieve => self.retrieve_status().map(PduStatus::Retrieve),
            StatusField::Store => self.store_status().map(PduStatus::Store),
        }
    }

    /// The outcome class of a reply: the class of [`Pdu::reply_status`]; [`StatusClass::Ok`]
    /// for an m-retrieve-conf without Retrieve-Status; `None` for a PDU type that has no
    /// status field, or a conf whose mandatory status is missing.
    pub fn status_class(&self) -> Option<StatusClass> {
        match self.reply_status() {
            Some(s) => Some(s.class()),
            None if self.message_type() == Some(MessageType::RETRIEVE_CONF) => {
                Some(StatusClass::Ok)
            }
            None => None,
        }
    }

    /// The status text decoded by its charset (`options`' default when it has none):
    /// X-Mms-Response-Text, X-Mms-Retrieve-Text, X-Mms-Store-Status-Text or X-Mms-Status-Text,
    /// the first one present.
    ///
    /// ```
    /// use mms_pdu::DecodeOptions;
    /// use mms_pdu::mms::Pdu;
    /// // m-send-conf: permanent failure, Response-Text with charset utf-8.
    /// let pdu = Pdu::decode(b"\x8C\x81\x98T\0\x8D\x92\x92\xE1\x93\x08\xEAdenied\0").unwrap();
    /// assert_eq!(pdu.status_text(&DecodeOptions::new()).unwrap(), "denied");
    /// ```
    pub fn status_text(&self, options: &DecodeOptions) -> Option<Cow<'a, str>> {
        self.headers().find_map(|h| match h {
            MmsHeader::ResponseText(_)
            | MmsHeader::RetrieveText(_)
            | MmsHeader::StoreStatusText(_)
            | MmsHeader::StatusText(_) => h.text(options.default_charset()),
            _ => None,
        })
    }

    fn store_status(&self) -> Option<StoreStatus> {
        self.headers().find_map(|h| match h {
            MmsHeader::StoreStatus(s) => Some(s),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::Encode;
    use crate::mms::validate::validate;

    const OPTS: DecodeOptions = DecodeOptions::new();

    #[test]
    fn error_retrieve_conf_with_text_body() {
        // m-retrieve-conf 1.2, no TID, Date, Retrieve-Status permanent-message-not-found,
        // Retrieve-Text, Content-Type text/plain (84 83) and a text body.
        let wire: &[u8] = b"\x8C\x84\x8D\x92\x85\x04\x65\x00\x00\x00\x99\xE2\
            \x9AMessage expired\0\x84\x83Message expired";
        let pdu = Pdu::decode(wire).unwrap();
        assert!(pdu.diagnostics().is_empty(), "{:?}", pdu.diagnostics());
        assert_eq!(pdu.message_type(), Some(MessageType::RETRIEVE_CONF));
        assert!(pdu.transaction_id().is_none());
        assert_eq!(pdu.date().unwrap().value, 0x6500_0000);
        assert_eq!(
            pdu.retrieve_status(),
            Some(RetrieveStatus::ERROR_PERMANENT_MESSAGE_NOT_FOUND)
        );
        assert_eq!(
            pdu.reply_status(),
            Some(PduStatus::Retrieve(
                RetrieveStatus::ERROR_PERMANENT_MESSAGE_NOT_FOUND
            ))
        );
        assert_eq!(pdu.status_class(), Some(StatusClass::Permanent));
        assert_eq!(pdu.status_text(&OPTS).unwrap(), "Message expired");
        assert!(!pdu.content_type().unwrap().is_multipart());
        assert!(pdu.multipart().is_none());
        assert_eq!(pdu.body(), Some(&b"Message expired"[..]));
        assert!(validate(&pdu).is_empty(), "{:?}", validate(&pdu));
        assert_eq!(pdu.encode_to_vec().unwrap(), wire);
    }

    #[test]
    fn error_retrieve_conf_without_body() {
        // The same error with no Content-Type and no body; Retrieve-Text with a charset.
        let wire: &[u8] =
            b"\x8C\x84\x98T3\0\x8D\x92\x85\x04\x65\x00\x00\x00\x99\xC1\x9A\x09\xEAnot yet\0";
        let pdu = Pdu::decode(wire).unwrap();
        assert!(pdu.diagnostics().is_empty(), "{:?}", pdu.diagnostics());
        assert!(pdu.body().is_none());
        assert!(pdu.content_type().is_none());
        assert_eq!(pdu.status_class(), Some(StatusClass::Transient));
        assert_eq!(pdu.reply_status().unwrap().octet(), 0xC1);
        assert_eq!(
            pdu.reply_status().unwrap().name(),
            Some("Error-transient-message-not-found")
        );
        assert_eq!(pdu.status_text(&OPTS).unwrap(), "not yet");
        assert_eq!(pdu.encode_to_vec().unwrap(), wire);
    }

    #[test]
    fn retrieve_conf_without_status_is_ok() {
        let wire: &[u8] = b"\x8C\x84\x98T\0\x8D\x92\x85\x04\x65\x00\x00\x00\x84\x83hi";
        let pdu = Pdu::decode(wire).unwrap();
        assert_eq!(pdu.reply_status(), None);
        assert_eq!(pdu.status_class(), Some(StatusClass::Ok));
    }

    #[test]
    fn response_status_classes() {
        use StatusClass::*;
        for (octet, class) in [
            (0x80, Ok),
            (0x81, Permanent),
            (0x86, Permanent),
            (0x88, Permanent),
            (0x89, Permanent),
            (0xBF, Permanent),
            (0xC0, Transient),
            (0xC4, Transient),
            (0xC5, Transient),
            (0xDF, Transient),
            (0xE0, Permanent),
            (0xEB, Permanent),
            (0xEC, Permanent),
            (0xFF, Permanent),
        ] {
            let wire = [0x8C, 0x81, 0x98, b'T', 0x00, 0x8D, 0x92, 0x92, octet];
            let pdu = Pdu::decode(&wire).unwrap();
            assert_eq!(pdu.status_class(), Some(class), "{octet:#04X}");
            assert_eq!(pdu.reply_status().unwrap().octet(), octet);
            assert_eq!(pdu.encode_to_vec().unwrap(), wire);
        }
    }

    #[test]
    fn other_confs_and_non_replies() {
        // m-forward-conf, m-delete-conf: Response-Status.
        for t in [0x8A, 0x95] {
            let wire = [0x8C, t, 0x98, b'T', 0x00, 0x8D, 0x92, 0x92, 0xE5];
            let pdu = Pdu::decode(&wire).unwrap();
            assert_eq!(
                pdu.reply_status(),
                Some(PduStatus::Response(
                    ResponseStatus::ERROR_PERMANENT_CONTENT_NOT_ACCEPTED
                ))
            );
        }
        // m-mbox-upload-conf: Store-Status reserved 0xC9 → transient; Store-Status-Text.
        let wire = b"\x8C\x90\x98T\0\x8D\x92\xA5\xC9\xA6busy\0";
        let pdu = Pdu::decode(wire).unwrap();
        assert_eq!(pdu.status_class(), Some(StatusClass::Transient));
        assert!(!pdu.reply_status().unwrap().is_ok());
        assert_eq!(pdu.status_text(&OPTS).unwrap(), "busy");
        // A notification has no reply status.
        let wire = [0x8C, 0x83, 0x98, b'T', 0x00, 0x8D, 0x90, 0x95, 0x81];
        let pdu = Pdu::decode(&wire).unwrap();
        assert_eq!(pdu.reply_status(), None);
        assert_eq!(pdu.status_class(), None);
        assert_eq!(pdu.status_text(&OPTS), None);
        // A send-conf missing its status.
        let pdu = Pdu::decode(b"\x8C\x81\x98T\0\x8D\x92").unwrap();
        assert_eq!(pdu.status_class(), None);
        assert!(PduStatus::Response(ResponseStatus::OK).is_ok());
    }
}
