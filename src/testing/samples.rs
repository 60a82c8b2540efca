//! Canonical sample PDUs: one of each of the 24 MMS message types with every field its type
//! allows, and a WSP push carrying an m-notification-ind.
//!
//! They are made with the crate's builders ([`PduBuilder`], [`MultipartBuilder`],
//! [`PushBuilder`]), so they show what this crate writes; the interop tests feed them to
//! independent decoders (Wireshark, python-messaging; see `INTEROP.md`) and the CLI's
//! `samples DIR` writes them to disk. Each field appears once, a repeatable one twice
//! (To, Cc, Bcc, MM-Flags, Previously-Sent-By/-Date, ...). The PDUs with a body (m-send-req,
//! m-retrieve-conf, m-mbox-upload-req, m-mbox-descr) carry a real multipart/related: a SMIL
//! presentation, a UTF-8 text and a 1×1 GIF; m-mbox-view-conf carries a multipart/mixed of two
//! m-mbox-descr PDUs (the MMBox view of OMA-TS-MMS_ENC-V1_3 §6).
//!
//! ```
//! let samples = mms_pdu::samples::all();
//! assert_eq!(samples.len(), 25);
//! let (name, bytes) = &samples[0];
//! assert_eq!(*name, "m-send-req.mms");
//! assert!(matches!(mms_pdu::decode(bytes), Ok(mms_pdu::Message::Pdu(_))));
//! ```

use alloc::vec::Vec;

use crate::assigned::{
    CancelStatus, Charset, ContentClass, Disposition, FieldCode, MboxQuotasToken, MboxTotalsToken,
    MessageClass, MessageType, MmFlagsToken, MmState, MmsVersion, Priority, ReadStatus,
    ReplyCharging, ResponseStatus, RetrievalMode, RetrieveStatus, SenderVisibility, Status,
    StoreStatus, WellKnownMedia, YesNo,
};
use crate::codec::{DateValue, Encode, EncodedString, IntegerValue, TextString};
use crate::mms::MmsHeader;
use crate::mms::build::PduBuilder;
use crate::mms::presence::fields_of;
use crate::mms::values::{
    Address, ContentLocationValue, ElementDescriptor, FromValue, MboxQuotas, MboxTotals,
    MessageClassValue, MmFlags, PreviouslySentBy, PreviouslySentDate, ResponseStatusValue,
    ResponseTextValue, TimeValue,
};
use crate::wsp::PushBuilder;
use crate::wsp::content_type::{ContentType, Media};
use crate::wsp::writer::{MultipartBuilder, PartBuilder};

/// The sender and first recipient of every sample.
const PHONE: &[u8] = b"+15551234567/TYPE=PLMN";

/// The SMIL presentation of the sample message.
const SMIL: &[u8] = b"<smil><head><layout><root-layout width=\"160\" height=\"160\"/>\
<region id=\"Image\" top=\"0\" left=\"0\" width=\"160\" height=\"120\"/>\
<region id=\"Text\" top=\"120\" left=\"0\" width=\"160\" height=\"40\"/></layout></head>\
<body><par dur=\"5000ms\"><img src=\"image.gif\" region=\"Image\"/>\
<text src=\"text.txt\" region=\"Text\"/></par></body></smil>";

/// The text part (UTF-8).
const TEXT: &[u8] = "Hello from mms-pdu, caf\u{e9} \u{263A}".as_bytes();

/// A 1×1 transparent GIF (the smallest common image; 43 octets).
const GIF: &[u8] = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xFF\xFF\xFF\
!\xF9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;";

/// The 24 MMS message types, 0x80–0x97, in order.
const TYPES: [MessageType; 24] = [
    MessageType::SEND_REQ,
    MessageType::SEND_CONF,
    MessageType::NOTIFICATION_IND,
    MessageType::NOTIFYRESP_IND,
    MessageType::RETRIEVE_CONF,
    MessageType::ACKNOWLEDGE_IND,
    MessageType::DELIVERY_IND,
    MessageType::READ_REC_IND,
    MessageType::READ_ORIG_IND,
    MessageType::FORWARD_REQ,
    MessageType::FORWARD_CONF,
    MessageType::MBOX_STORE_REQ,
    MessageType::MBOX_STORE_CONF,
    MessageType::MBOX_VIEW_REQ,
    MessageType::MBOX_VIEW_CONF,
    MessageType::MBOX_UPLOAD_REQ,
    MessageType::MBOX_UPLOAD_CONF,
    MessageType::MBOX_DELETE_REQ,
    MessageType::MBOX_DELETE_CONF,
    MessageType::MBOX_DESCR,
    MessageType::DELETE_REQ,
    MessageType::DELETE_CONF,
    MessageType::CANCEL_REQ,
    MessageType::CANCEL_CONF,
];

/// File names of the samples, in the order [`all`] returns them.
pub const NAMES: [&str; 25] = [
    "m-send-req.mms",
    "m-send-conf.mms",
    "m-notification-ind.mms",
    "m-notifyresp-ind.mms",
    "m-retrieve-conf.mms",
    "m-acknowledge-ind.mms",
    "m-delivery-ind.mms",
    "m-read-rec-ind.mms",
    "m-read-orig-ind.mms",
    "m-forward-req.mms",
    "m-forward-conf.mms",
    "m-mbox-store-req.mms",
    "m-mbox-store-conf.mms",
    "m-mbox-view-req.mms",
    "m-mbox-view-conf.mms",
    "m-mbox-upload-req.mms",
    "m-mbox-upload-conf.mms",
    "m-mbox-delete-req.mms",
    "m-mbox-delete-conf.mms",
    "m-mbox-descr.mms",
    "m-delete-req.mms",
    "m-delete-conf.mms",
    "m-cancel-req.mms",
    "m-cancel-conf.mms",
    "push-notification.wsp",
];

/// Every sample: `(file name, encoded bytes)`, the 24 message types in numeric order
/// (`m-send-req.mms` … `m-cancel-conf.mms`, MMS 1.3, every field the type allows) and then
/// `push-notification.wsp` (a connectionless push, TID 1, carrying `m-notification-ind.mms`).
pub fn all() -> Vec<(&'static str, Vec<u8>)> {
    let mut out: Vec<(&'static str, Vec<u8>)> = NAMES
        .iter()
        .zip(TYPES)
        .filter_map(|(&name, mt)| Some((name, pdu(mt, MmsVersion::V1_3)?)))
        .collect();
    if let Some(push) = out
        .iter()
        .find(|(name, _)| *name == "m-notification-ind.mms")
        .and_then(|(_, n)| PushBuilder::new(n).tid(1).encode_to_vec().ok())
    {
        out.push(("push-notification.wsp", push));
    }
    out
}

/// The samples an MMS `version` decoder knows: each message type that exists in `version`
/// with every field `version` allows in it, written with that X-Mms-MMS-Version (an
/// MMS 1.0 sample has the seven 1.0 types and the 1.0 fields only). Named as in [`all`];
/// no push.
///
/// ```
/// use mms_pdu::assigned::MmsVersion;
/// let v10 = mms_pdu::samples::for_version(MmsVersion::V1_0);
/// assert_eq!(v10.len(), 7);
/// assert_eq!(v10[6].0, "m-delivery-ind.mms");
/// ```
pub fn for_version(version: MmsVersion) -> Vec<(&'static str, Vec<u8>)> {
    NAMES
        .iter()
        .zip(TYPES)
        .filter(|(_, mt)| mt.since().is_some_and(|s| s.0 <= version.0))
        .filter_map(|(&name, mt)| Some((name, pdu(mt, version)?)))
        .collect()
}

/// Writes every sample of [`all`] into `dir` (created when missing), one file each.
///
/// # Errors
/// The first I/O error met creating `dir` or writing a file.
#[cfg(feature = "std")]
pub fn write_all(dir: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (name, bytes) in all() {
        std::fs::write(dir.join(name), bytes)?;
    }
    Ok(())
}

/// The encoded sample of `mt` for `version` (`None` only if the builder refused it, which the
/// tests rule out).
fn pdu(mt: MessageType, version: MmsVersion) -> Option<Vec<u8>> {
    let body = body_of(mt, version)?;
    let mut b = PduBuilder::new(mt).version(version);
    for (field, rule) in fields_of(mt) {
        if field == FieldCode::MESSAGE_TYPE
            || field == FieldCode::MMS_VERSION
            || version.0 < rule.since.0
        {
            continue;
        }
        if field == FieldCode::CONTENT_TYPE {
            b.set_body(body_type(mt), &body);
            continue;
        }
        b.push(value(mt, field, 1));
        if rule.repeatable {
            b.push(value(mt, field, 2));
        }
    }
    b.build().ok()?.encode_to_vec().ok()
}

/// How many m-mbox-descr entries the sample m-mbox-view-conf lists, and so its
/// X-Mms-Message-Count.
const MBOX_ENTRIES: u32 = 2;

/// The Content-Type of the body of `mt`.
fn body_type(mt: MessageType) -> ContentType<'static> {
    if mt == MessageType::MBOX_VIEW_CONF {
        ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_MIXED)
    } else {
        ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_RELATED)
            .with_start(b"<smil>")
            .with_type(Media::Text(b"application/smil"))
    }
}

/// The encoded body of `mt` (empty for the types without one).
fn body_of(mt: MessageType, version: MmsVersion) -> Option<Vec<u8>> {
    if !mt.has_body() {
        return Some(Vec::new());
    }
    if mt == MessageType::MBOX_VIEW_CONF {
        let descr = pdu(MessageType::MBOX_DESCR, version)?;
        let mms = || ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MMS_MESSAGE);
        let mut body = MultipartBuilder::new();
        for _ in 0..MBOX_ENTRIES {
            body = body.part(PartBuilder::new(mms(), &descr));
        }
        return body.encode_to_vec().ok();
    }
    MultipartBuilder::new()
        .part(
            PartBuilder::new(ContentType::text(b"application/smil"), SMIL)
                .content_id(b"<smil>")
                .content_location(b"smil.smil"),
        )
        .part(
            PartBuilder::new(
                ContentType::well_known(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::UTF_8),
                TEXT,
            )
            .content_id(b"<text>")
            .content_location(b"text.txt"),
        )
        .part(
            PartBuilder::new(ContentType::well_known(WellKnownMedia::IMAGE_GIF), GIF)
                .content_id(b"<image>")
                .content_location(b"image.gif")
                .disposition(Disposition::ATTACHMENT, Some(b"image.gif")),
        )
        .encode_to_vec()
        .ok()
}

/// The sample value of `field` in `mt` (the `n`th of a repeatable field).
pub(crate) fn value(mt: MessageType, field: FieldCode, n: u64) -> MmsHeader<'static> {
    use MmsHeader as H;
    let text = TextString::new(b"t-1");
    let enc = EncodedString::plain(b"Hello");
    let indexed = matches!(mt, MessageType::MBOX_DELETE_CONF | MessageType::DELETE_CONF);
    match field {
        FieldCode::BCC => H::Bcc(Address::new(b"bcc@example.com")),
        FieldCode::CC => H::Cc(if n == 1 {
            Address::new(b"cc@example.com")
        } else {
            Address::new(b"+15550000002/TYPE=PLMN")
        }),
        FieldCode::TO => H::To(if n == 1 {
            Address::new(PHONE)
        } else {
            Address::new(b"to@example.com")
        }),
        FieldCode::CONTENT_LOCATION if indexed => H::ContentLocation(
            ContentLocationValue::indexed(n, TextString::new(b"http://mmsc.example/m1")),
        ),
        FieldCode::CONTENT_LOCATION => {
            H::ContentLocation(ContentLocationValue::uri(b"http://mmsc.example/m1"))
        }
        FieldCode::DATE => H::Date(DateValue::new(1_700_000_000)),
        FieldCode::DELIVERY_TIME => H::DeliveryTime(TimeValue::absolute(1_700_003_600)),
        FieldCode::EXPIRY => H::Expiry(TimeValue::relative(259_200)),
        FieldCode::REPLY_CHARGING_DEADLINE => H::ReplyChargingDeadline(TimeValue::relative(86_400)),
        FieldCode::FROM => H::From(FromValue::address(Address::new(PHONE))),
        FieldCode::MESSAGE_CLASS => {
            H::MessageClass(MessageClassValue::Class(MessageClass::PERSONAL))
        }
        FieldCode::MESSAGE_ID => H::MessageId(TextString::new(b"msg-0001@mmsc.example")),
        FieldCode::MESSAGE_SIZE => H::MessageSize(IntegerValue::new(12345)),
        FieldCode::PRIORITY => H::Priority(Priority::HIGH),
        FieldCode::RESPONSE_STATUS => {
            H::ResponseStatus(ResponseStatusValue::Plain(ResponseStatus::OK))
        }
        FieldCode::RESPONSE_TEXT if indexed => H::ResponseText(ResponseTextValue::indexed(n, enc)),
        FieldCode::RESPONSE_TEXT => H::ResponseText(ResponseTextValue::Plain(enc)),
        FieldCode::SENDER_VISIBILITY => H::SenderVisibility(SenderVisibility::SHOW),
        FieldCode::STATUS => H::Status(Status::RETRIEVED),
        FieldCode::SUBJECT => H::Subject(EncodedString::utf8("Caf\u{e9}")),
        FieldCode::TRANSACTION_ID => H::TransactionId(TextString::new(b"T0001")),
        FieldCode::RETRIEVE_STATUS => H::RetrieveStatus(RetrieveStatus::OK),
        FieldCode::RETRIEVE_TEXT => H::RetrieveText(enc),
        FieldCode::READ_STATUS => H::ReadStatus(ReadStatus::READ),
        FieldCode::REPLY_CHARGING => H::ReplyCharging(ReplyCharging::REQUESTED),
        FieldCode::REPLY_CHARGING_ID => H::ReplyChargingId(text),
        FieldCode::REPLY_CHARGING_SIZE => H::ReplyChargingSize(IntegerValue::new(1000)),
        FieldCode::PREVIOUSLY_SENT_BY => {
            H::PreviouslySentBy(PreviouslySentBy::new(n, Address::new(PHONE)))
        }
        FieldCode::PREVIOUSLY_SENT_DATE => {
            H::PreviouslySentDate(PreviouslySentDate::new(n, 1_699_000_000))
        }
        FieldCode::STORE => H::Store(YesNo::YES),
        FieldCode::DELIVERY_REPORT => H::DeliveryReport(YesNo::YES),
        FieldCode::READ_REPORT => H::ReadReport(YesNo::NO),
        FieldCode::REPORT_ALLOWED => H::ReportAllowed(YesNo::YES),
        FieldCode::MM_STATE => H::MmState(MmState::NEW),
        FieldCode::MM_FLAGS => H::MmFlags(if n == 1 {
            MmFlags::new(MmFlagsToken::ADD, b"Work")
        } else {
            MmFlags::new(MmFlagsToken::REMOVE, b"Junk")
        }),
        FieldCode::STORE_STATUS => H::StoreStatus(StoreStatus::SUCCESS),
        FieldCode::STORE_STATUS_TEXT => H::StoreStatusText(enc),
        FieldCode::STORED => H::Stored(YesNo::NO),
        FieldCode::ATTRIBUTES => H::Attributes(if n == 1 {
            FieldCode::SUBJECT
        } else {
            FieldCode::FROM
        }),
        FieldCode::TOTALS => H::Totals(YesNo::YES),
        FieldCode::MBOX_TOTALS => H::MboxTotals(MboxTotals::new(MboxTotalsToken::MESSAGE_TOTAL, 7)),
        FieldCode::QUOTAS => H::Quotas(YesNo::YES),
        FieldCode::MBOX_QUOTAS => {
            H::MboxQuotas(MboxQuotas::new(MboxQuotasToken::SIZE_QUOTA, 1_000_000))
        }
        FieldCode::MESSAGE_COUNT => H::MessageCount(IntegerValue::new(MBOX_ENTRIES.into())),
        FieldCode::START => H::Start(IntegerValue::new(0)),
        FieldCode::DISTRIBUTION_INDICATOR => H::DistributionIndicator(YesNo::NO),
        FieldCode::ELEMENT_DESCRIPTOR => {
            H::ElementDescriptor(ElementDescriptor::new(b"<image>", b"\x82image/gif\0"))
        }
        FieldCode::LIMIT => H::Limit(IntegerValue::new(300)),
        FieldCode::RECOMMENDED_RETRIEVAL_MODE => H::RecommendedRetrievalMode(RetrievalMode::MANUAL),
        FieldCode::RECOMMENDED_RETRIEVAL_MODE_TEXT => H::RecommendedRetrievalModeText(enc),
        FieldCode::STATUS_TEXT => H::StatusText(enc),
        FieldCode::APPLIC_ID => H::ApplicId(TextString::new(b"com.example.app")),
        FieldCode::REPLY_APPLIC_ID => H::ReplyApplicId(TextString::new(b"com.example.reply")),
        FieldCode::AUX_APPLIC_INFO => H::AuxApplicInfo(TextString::new(b"aux-info")),
        FieldCode::CONTENT_CLASS => H::ContentClass(ContentClass::IMAGE_BASIC),
        FieldCode::DRM_CONTENT => H::DrmContent(YesNo::NO),
        FieldCode::ADAPTATION_ALLOWED => H::AdaptationAllowed(YesNo::YES),
        FieldCode::REPLACE_ID => H::ReplaceId(TextString::new(b"msg-0000@mmsc.example")),
        FieldCode::CANCEL_ID => H::CancelId(TextString::new(b"msg-0000@mmsc.example")),
        FieldCode::CANCEL_STATUS => H::CancelStatus(CancelStatus::SUCCESSFULLY_RECEIVED),
        // Every assigned field is listed above; anything else would be refused by the builder,
        // and the tests check that all 24 samples build.
        _ => H::Unknown {
            code: field.0,
            value: &[],
        },
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::message::{Message, decode};
    use crate::mms::validate::validate;

    #[test]
    fn every_type_and_the_push_decode_and_re_encode_identically() {
        let samples = all();
        let names: Vec<_> = samples.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, NAMES);
        for (i, (name, bytes)) in samples.iter().enumerate() {
            let msg = decode(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(msg.encode_to_vec().unwrap(), *bytes, "{name}");
            let pdu = msg.pdu().unwrap();
            assert!(
                pdu.diagnostics().is_empty(),
                "{name}: {:?}",
                pdu.diagnostics()
            );
            assert_eq!(validate(pdu), [], "{name}");
            if let Some(&mt) = TYPES.get(i) {
                assert!(matches!(msg, Message::Pdu(_)), "{name}");
                assert_eq!(pdu.message_type(), Some(mt), "{name}");
                assert_eq!(
                    mt.name().map(|n| alloc::format!("{n}.mms")).as_deref(),
                    Some(*name)
                );
                // Every field the type allows is there.
                for (field, _) in fields_of(mt) {
                    assert!(pdu.get_all(field).next().is_some(), "{name}: {field}");
                }
            } else {
                let Message::Push(p) = &msg else {
                    panic!("{name}")
                };
                assert!(p.push.is_mms());
                assert_eq!(p.push.mms_body(), Some(&samples[2].1[..]));
            }
        }
    }

    #[test]
    fn bodies_are_real_multiparts() {
        for (name, bytes) in all() {
            let Ok(Message::Pdu(pdu)) = decode(&bytes) else {
                continue;
            };
            let Some(body) = pdu.body() else { continue };
            let (parts, diags) =
                crate::wsp::multipart::decode(body, &crate::base::options::DecodeOptions::new())
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(diags.is_empty(), "{name}");
            let count = parts.parts().count();
            let expected = if name == "m-mbox-view-conf.mms" { 2 } else { 3 };
            assert_eq!(count, expected, "{name}");
        }
    }

    #[test]
    fn older_versions_hold_only_their_types_and_fields() {
        for (version, count) in [
            (MmsVersion::V1_0, 7),
            (MmsVersion::V1_1, 11),
            (MmsVersion::V1_2, 20),
            (MmsVersion::V1_3, 24),
        ] {
            let samples = for_version(version);
            assert_eq!(samples.len(), count, "{version:?}");
            for (name, bytes) in samples {
                let Ok(Message::Pdu(pdu)) = decode(&bytes) else {
                    panic!("{name}")
                };
                assert_eq!(validate(&pdu), [], "{name}");
                assert_eq!(pdu.encode_to_vec().unwrap(), bytes, "{name}");
            }
        }
    }

    #[cfg(feature = "std")]
    #[test]
    fn write_all_writes_every_file() {
        let dir =
            std::env::temp_dir().join(alloc::format!("mms-pdu-samples-{}", std::process::id()));
        write_all(&dir).unwrap();
        for (name, bytes) in all() {
            assert_eq!(std::fs::read(dir.join(name)).unwrap(), bytes);
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
