//! The answers a phone sends to what the MMSC pushed or returned, started from the PDU they
//! answer (OMA-TS-MMS_ENC-V1_3 §6: m-notifyresp-ind answers an m-notification-ind,
//! m-acknowledge-ind an m-retrieve-conf), so that the Transaction-ID and MMS version are
//! copied rather than retyped.

use crate::assigned::{MessageType, MmsVersion, Status};
use crate::codec::Version;
use crate::mms::build::PduBuilder;
use crate::mms::header::MmsHeader;
use crate::mms::pdu::Pdu;

use super::{AcknowledgeIndBuilder, NotificationInd, NotifyRespIndBuilder, RetrieveConf};

/// A builder of `message_type` answering `pdu`: its Transaction-ID (when it has one; without
/// it the answer's `build` reports the missing field) and, when it reads as 1.x, its MMS
/// version, since an MMSC reads an answer in the version it spoke.
fn answering<'a>(message_type: MessageType, pdu: &Pdu<'a>) -> PduBuilder<'a> {
    let mut inner = PduBuilder::new(message_type);
    if let Some(version) = pdu.version().and_then(mms_version) {
        inner = inner.version(version);
    }
    if let Some(tid) = pdu.transaction_id() {
        inner.push(MmsHeader::TransactionId(tid));
    }
    inner
}

/// `version` as an [`MmsVersion`] when it is a 1.x version (1.0 to 1.3, the versions this
/// crate's presence table knows).
fn mms_version(version: Version<'_>) -> Option<MmsVersion> {
    let minor = version.minor().unwrap_or(0);
    (version.major() == Some(1) && minor <= 3).then(|| MmsVersion::new(0x90 | minor))
}

impl<'a> NotificationInd<'_, 'a> {
    /// The m-notifyresp-ind that answers this notification with `status` (Deferred to fetch
    /// later, Retrieved after an immediate fetch, Rejected, ...): Transaction-ID and MMS
    /// version copied from the notification.
    ///
    /// ```
    /// use mms_pdu::prelude::*;
    /// let wire = include_bytes!("../../../samples/push-notification.wsp");
    /// let pdu = PushMessage::decode(wire)?.pdu.expect("an MMS push");
    /// let answer = NotificationInd::try_from(&pdu)?.notifyresp(Status::DEFERRED).build()?;
    /// assert_eq!(answer.transaction_id(), pdu.transaction_id());
    /// assert_eq!(NotifyRespInd::try_from(&answer)?.status(), Some(Status::DEFERRED));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn notifyresp(&self, status: Status) -> NotifyRespIndBuilder<'a> {
        let mut inner = answering(MessageType::NOTIFYRESP_IND, self.pdu);
        inner.push(MmsHeader::Status(status));
        NotifyRespIndBuilder { inner }
    }

    /// The m-acknowledge-ind to send after fetching this notification's message, with the
    /// notification's Transaction-ID and MMS version.
    ///
    /// The acknowledge names the transaction of the m-retrieve-conf it confirms. In immediate
    /// retrieval that is the notification's own transaction, which is what this uses; after a
    /// deferred retrieval the MMSC may give the m-retrieve-conf a new Transaction-ID, so when
    /// you hold the m-retrieve-conf, answer it with [`RetrieveConf::acknowledge`] instead.
    ///
    /// ```
    /// use mms_pdu::prelude::*;
    /// let wire = include_bytes!("../../../samples/push-notification.wsp");
    /// let pdu = PushMessage::decode(wire)?.pdu.expect("an MMS push");
    /// let ack = NotificationInd::try_from(&pdu)?.acknowledge().build()?;
    /// assert_eq!(ack.message_type(), Some(MessageType::ACKNOWLEDGE_IND));
    /// assert_eq!(ack.transaction_id(), pdu.transaction_id());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn acknowledge(&self) -> AcknowledgeIndBuilder<'a> {
        AcknowledgeIndBuilder {
            inner: answering(MessageType::ACKNOWLEDGE_IND, self.pdu),
        }
    }
}

impl<'a> RetrieveConf<'_, 'a> {
    /// The m-acknowledge-ind that confirms this m-retrieve-conf, with its Transaction-ID and
    /// MMS version; `None` when it has no Transaction-ID, the MMSC's way of saying that it
    /// expects no acknowledge.
    ///
    /// ```
    /// use mms_pdu::prelude::*;
    /// let pdu = Pdu::decode(include_bytes!("../../../samples/m-retrieve-conf.mms"))?;
    /// let conf = RetrieveConf::try_from(&pdu)?;
    /// let ack = conf.acknowledge().map(|a| a.build()).transpose()?;
    /// assert_eq!(ack.is_some(), pdu.transaction_id().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn acknowledge(&self) -> Option<AcknowledgeIndBuilder<'a>> {
        self.pdu.transaction_id()?;
        Some(AcknowledgeIndBuilder {
            inner: answering(MessageType::ACKNOWLEDGE_IND, self.pdu),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::{Encode, TextString};

    #[test]
    fn answers_copy_the_version_they_answer() {
        let n = super::super::NotificationInd::build(
            "T9",
            crate::assigned::MessageClass::PERSONAL,
            1,
            crate::mms::TimeValue::relative(60),
            "http://m/1",
        )
        .version(MmsVersion::V1_1)
        .build()
        .unwrap();
        let view = NotificationInd::try_from(&n).unwrap();
        let resp = view.notifyresp(Status::RETRIEVED).build().unwrap();
        assert_eq!(resp.version(), Some(Version::Short(0x11)));
        assert_eq!(resp.transaction_id(), Some(TextString::new(b"T9")));
        let ack = view.acknowledge().build().unwrap().encode_to_vec().unwrap();
        assert_eq!(ack, [0x8C, 0x85, 0x98, b'T', b'9', 0, 0x8D, 0x91]);
    }

    #[test]
    fn versions_outside_1x_are_not_copied() {
        assert_eq!(mms_version(Version::Short(0x13)), Some(MmsVersion::V1_3));
        assert_eq!(mms_version(Version::Short(0x10)), Some(MmsVersion::V1_0));
        assert_eq!(mms_version(Version::Short(0x1F)), Some(MmsVersion::V1_0));
        assert_eq!(mms_version(Version::Short(0x14)), None);
        assert_eq!(mms_version(Version::Short(0x20)), None);
        assert_eq!(
            mms_version(Version::Text(TextString::new(b"1.2"))),
            Some(MmsVersion::V1_2)
        );
    }
}
