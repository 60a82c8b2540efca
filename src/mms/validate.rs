//! Validation of a PDU's header set against the presence table (OMA-TS-MMS_ENC-V1_3 §6, §7).
//!
//! A separate pass: decoding never depends on it and accepts any header set. The validator
//! reports, each as a [`Diagnostic`] with the byte offset of the header concerned and the
//! field's name as context:
//!
//! - a mandatory field that is missing ([`DiagnosticKind::MissingMandatory`], at the end of the
//!   headers; at least one of To/Cc/Bcc counts as mandatory in m-send-req, reported as `To`);
//! - a field the PDU type does not have ([`DiagnosticKind::UnexpectedField`]); a second
//!   occurrence of a field that may not repeat, and a conditional field whose condition
//!   cannot hold (MM-State/MM-Flags in m-send-req without X-Mms-Store; Reply-Charging-Deadline
//!   or -Size without X-Mms-Reply-Charging), are reported the same way;
//! - a field newer than the PDU's MMS version ([`DiagnosticKind::NewerThanVersion`]); a message
//!   type newer than its version is reported once, on the Message-Type header, and the fields
//!   are then judged against the type's own version;
//! - Message-Type, Transaction-ID, MMS-Version not at the start in that order, or Content-Type
//!   not last ([`DiagnosticKind::OutOfOrder`]).
//!
//! Field codes that are not assigned are left to the decoder (which reports them as
//! [`DiagnosticKind::UnknownField`]); so is an unassigned message type, for which the validator
//! reports nothing. Version checks apply to MMS 1.x versions with a minor number; fields of a
//! higher minor version than 1.3 do not exist, so nothing is newer than such a PDU.
//!
//! ```
//! use mms_pdu::assigned::{FieldCode, MessageType, MmsVersion};
//! use mms_pdu::mms::validate::validate_fields;
//! use mms_pdu::DiagnosticKind;
//!
//! // An m-notifyresp-ind without X-Mms-Status, carrying a Subject.
//! let fields = [
//!     (0, FieldCode::MESSAGE_TYPE),
//!     (2, FieldCode::TRANSACTION_ID),
//!     (7, FieldCode::MMS_VERSION),
//!     (9, FieldCode::SUBJECT),
//! ];
//! let diags = validate_fields(MessageType::NOTIFYRESP_IND, MmsVersion::V1_0, fields);
//! assert_eq!(diags.len(), 2);
//! assert_eq!(diags[0].kind, DiagnosticKind::UnexpectedField);
//! assert_eq!((diags[0].offset, diags[0].context), (9, "Subject"));
//! assert_eq!(diags[1].kind, DiagnosticKind::MissingMandatory);
//! assert_eq!(diags[1].context, "X-Mms-Status");
//! ```

use alloc::vec::Vec;

use crate::assigned::{FieldCode, MessageType, MmsVersion};
use crate::base::diag::{Diagnostic, DiagnosticKind};
use crate::codec::{Encode, Version};
use crate::mms::header::MmsHeader;
use crate::mms::pdu::Pdu;
use crate::mms::presence::{Presence, fields_of, presence};

/// Checks a decoded or built PDU against the presence table of its message type and version
/// (see the module documentation). Missing fields are reported at the offset where the headers
/// end. Besides what [`validate_fields`] checks, the values of a few conditions are read:
/// MM-State/MM-Flags in m-send-req need X-Mms-Store = Yes.
///
/// A PDU without a message type, or of an unassigned one, gives no diagnostics (the decoder
/// reports those); a version that is not a 1.x Short-integer is not compared.
pub fn validate(pdu: &Pdu<'_>) -> Vec<Diagnostic> {
    let Some(message_type) = pdu.message_type() else {
        return Vec::new();
    };
    let version = match pdu.version() {
        Some(Version::Short(v) | Version::HighBitMissing(v)) => MmsVersion(v | 0x80),
        // Not comparable (major 7, "minor only"): no version checks.
        _ => MmsVersion(0xFF),
    };
    let end = pdu
        .fields()
        .next_back()
        .map_or(0, |h| h.offset.saturating_add(h.header.encoded_len()));
    let fields = pdu.fields().filter_map(|h| {
        h.header
            .field()
            .filter(|_| !matches!(h.header, MmsHeader::Application { .. }))
            .map(|f| (h.offset, f))
    });
    let mut out = validate_fields_ending_at(message_type, version, fields, end);
    if message_type == MessageType::MBOX_VIEW_CONF {
        out.extend(message_count_mismatch(pdu));
    }
    if message_type == MessageType::SEND_REQ
        && pdu
            .headers()
            .any(|h| matches!(h, MmsHeader::Store(s) if s != crate::assigned::YesNo::YES))
    {
        for h in pdu.fields() {
            if matches!(h.header, MmsHeader::MmState(_) | MmsHeader::MmFlags(_)) {
                out.push(Diagnostic {
                    offset: h.offset,
                    context: h
                        .header
                        .field()
                        .and_then(FieldCode::name)
                        .unwrap_or("header"),
                    kind: DiagnosticKind::UnexpectedField,
                });
            }
        }
    }
    out
}

/// An m-mbox-view-conf whose X-Mms-Message-Count is not the number of m-mbox-descr entries
/// its multipart body lists (OMA-TS-MMS_ENC-V1_3 §6.9: the count of the messages the
/// confirmation returns), at the Message-Count header. Without a count, or without a body
/// that decodes as a multipart, there is nothing to compare.
fn message_count_mismatch(pdu: &Pdu<'_>) -> Option<Diagnostic> {
    let (offset, declared) = pdu.fields().find_map(|h| match h.header {
        MmsHeader::MessageCount(c) => Some((h.offset, c.value)),
        _ => None,
    })?;
    let found = pdu.multipart()?.ok()?.parts().filter(Result::is_ok).count() as u64;
    (declared != found).then_some(Diagnostic {
        offset,
        context: "X-Mms-Message-Count",
        kind: DiagnosticKind::MessageCountMismatch { declared, found },
    })
}

/// Checks a PDU's header fields, given in wire order with their absolute offsets, against the
/// presence table of `message_type` for MMS `version`.
///
/// Missing mandatory fields are reported at offset 0 (this function does not know where the
/// headers end; [`validate`] on a decoded PDU reports them at
/// the end of its headers). Returns an empty list for a valid header set and for an
/// unassigned message type.
pub fn validate_fields(
    message_type: MessageType,
    version: MmsVersion,
    fields: impl IntoIterator<Item = (usize, FieldCode)>,
) -> Vec<Diagnostic> {
    validate_fields_ending_at(message_type, version, fields, 0)
}

/// Where a field was first seen: its index among the headers and its offset.
#[derive(Clone, Copy)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
struct Seen {
    index: usize,
    offset: usize,
}

/// Field codes are 7-bit (`FieldCode::from_wire` masks the high bit).
const CODES: usize = 128;

/// [`validate_fields`] with the offset at which missing fields are reported.
pub(crate) fn validate_fields_ending_at(
    message_type: MessageType,
    version: MmsVersion,
    fields: impl IntoIterator<Item = (usize, FieldCode)>,
    end_of_headers: usize,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let Some(type_since) = message_type.since() else {
        return out;
    };
    // A version we can compare: 1.x with a minor number. A type newer than the version is
    // reported once; its fields are then judged against the type's own version.
    let comparable = version.major() == 1 && version.minor().is_some();
    let type_is_newer = comparable && version.0 < type_since.0;
    let effective = if type_is_newer { type_since } else { version };

    let mut first: [Option<Seen>; CODES] = [None; CODES];
    let mut count = 0usize;
    let mut last: Option<(usize, FieldCode)> = None;
    for (index, (offset, field)) in fields.into_iter().enumerate() {
        count = index + 1;
        last = Some((offset, field));
        if !field.is_assigned() {
            continue;
        }
        let name = field.name().unwrap_or("header");
        let slot = first.get_mut(usize::from(field.0));
        let repeated = match slot {
            Some(slot @ None) => {
                *slot = Some(Seen { index, offset });
                false
            }
            Some(Some(_)) => true,
            None => false,
        };
        let rule = presence(message_type, field);
        let mut report = |kind| {
            out.push(Diagnostic {
                offset,
                context: name,
                kind,
            });
        };
        if !rule.presence.is_allowed() {
            // Reported once per occurrence; no version check for a field with no place here.
            report(DiagnosticKind::UnexpectedField);
            continue;
        }
        if repeated && !rule.repeatable {
            report(DiagnosticKind::UnexpectedField);
        }
        if field == FieldCode::MESSAGE_TYPE {
            if type_is_newer && !repeated {
                report(DiagnosticKind::NewerThanVersion);
            }
        } else if comparable && effective.0 < rule.since.0 {
            report(DiagnosticKind::NewerThanVersion);
        }
    }

    let seen = |f: FieldCode| first.get(usize::from(f.0)).copied().flatten();
    let mut report_at = |offset, field: FieldCode, kind| {
        out.push(Diagnostic {
            offset,
            context: field.name().unwrap_or("header"),
            kind,
        });
    };

    // Ordering: Type first, then TID (when present), then Version; Content-Type last.
    let tid = seen(FieldCode::TRANSACTION_ID);
    let expected = [
        (FieldCode::MESSAGE_TYPE, 0),
        (FieldCode::TRANSACTION_ID, 1),
        (FieldCode::MMS_VERSION, if tid.is_some() { 2 } else { 1 }),
    ];
    for (field, position) in expected {
        if let Some(s) = seen(field) {
            if s.index != position {
                report_at(s.offset, field, DiagnosticKind::OutOfOrder);
            }
        }
    }
    if let Some(s) = seen(FieldCode::CONTENT_TYPE) {
        if s.index + 1 != count && last.is_some_and(|(_, f)| f != FieldCode::CONTENT_TYPE) {
            report_at(
                s.offset,
                FieldCode::CONTENT_TYPE,
                DiagnosticKind::OutOfOrder,
            );
        }
    }

    // Conditions that presence alone decides.
    if message_type == MessageType::SEND_REQ && seen(FieldCode::STORE).is_none() {
        for field in [FieldCode::MM_STATE, FieldCode::MM_FLAGS] {
            if let Some(s) = seen(field) {
                report_at(s.offset, field, DiagnosticKind::UnexpectedField);
            }
        }
    }
    if seen(FieldCode::REPLY_CHARGING).is_none() {
        for field in [
            FieldCode::REPLY_CHARGING_DEADLINE,
            FieldCode::REPLY_CHARGING_SIZE,
        ] {
            if let Some(s) = seen(field) {
                if presence(message_type, field).presence.is_allowed() {
                    report_at(s.offset, field, DiagnosticKind::UnexpectedField);
                }
            }
        }
    }

    // Missing mandatory fields (those the effective version has).
    for (field, rule) in fields_of(message_type) {
        let in_version = !comparable || rule.since.0 <= effective.0;
        if rule.presence == Presence::Mandatory && in_version && seen(field).is_none() {
            report_at(end_of_headers, field, DiagnosticKind::MissingMandatory);
        }
    }
    if message_type == MessageType::SEND_REQ
        && [FieldCode::TO, FieldCode::CC, FieldCode::BCC]
            .iter()
            .all(|&f| seen(f).is_none())
    {
        report_at(
            end_of_headers,
            FieldCode::TO,
            DiagnosticKind::MissingMandatory,
        );
    }
    out
}

#[cfg(test)]
mod tests {

    use super::*;
    use alloc::vec;

    /// The mandatory fields of `mt`, in canonical order, at offsets 0, 10, 20, ...
    fn mandatory(mt: MessageType) -> Vec<(usize, FieldCode)> {
        let mut v: Vec<FieldCode> = fields_of(mt)
            .filter(|(_, r)| r.presence == Presence::Mandatory)
            .map(|(f, _)| f)
            .collect();
        if mt == MessageType::SEND_REQ {
            let ct = v.pop().unwrap();
            v.push(FieldCode::TO);
            v.push(ct);
        }
        v.into_iter()
            .enumerate()
            .map(|(i, f)| (i * 10, f))
            .collect()
    }

    fn kinds(d: &[Diagnostic]) -> Vec<(usize, &'static str, DiagnosticKind)> {
        d.iter().map(|d| (d.offset, d.context, d.kind)).collect()
    }

    const MANDATORY_SETS: &[(MessageType, &[FieldCode])] = {
        use FieldCode as F;
        const T: FieldCode = F::MESSAGE_TYPE;
        const I: FieldCode = F::TRANSACTION_ID;
        const V: FieldCode = F::MMS_VERSION;
        &[
            (MessageType::SEND_REQ, &[T, I, V, F::FROM, F::CONTENT_TYPE]),
            (MessageType::SEND_CONF, &[T, I, V, F::RESPONSE_STATUS]),
            (
                MessageType::NOTIFICATION_IND,
                &[
                    T,
                    I,
                    V,
                    F::MESSAGE_CLASS,
                    F::MESSAGE_SIZE,
                    F::EXPIRY,
                    F::CONTENT_LOCATION,
                ],
            ),
            (MessageType::NOTIFYRESP_IND, &[T, I, V, F::STATUS]),
            (
                MessageType::RETRIEVE_CONF,
                &[T, V, F::DATE, F::CONTENT_TYPE],
            ),
            (MessageType::ACKNOWLEDGE_IND, &[T, I, V]),
            (
                MessageType::DELIVERY_IND,
                &[T, V, F::MESSAGE_ID, F::TO, F::DATE, F::STATUS],
            ),
            (
                MessageType::READ_REC_IND,
                &[T, V, F::MESSAGE_ID, F::TO, F::FROM, F::READ_STATUS],
            ),
            (
                MessageType::READ_ORIG_IND,
                &[T, V, F::MESSAGE_ID, F::TO, F::FROM, F::DATE, F::READ_STATUS],
            ),
            (
                MessageType::FORWARD_REQ,
                &[T, I, V, F::FROM, F::CONTENT_LOCATION],
            ),
            (MessageType::FORWARD_CONF, &[T, I, V, F::RESPONSE_STATUS]),
            (MessageType::MBOX_STORE_REQ, &[T, I, V, F::CONTENT_LOCATION]),
            (MessageType::MBOX_STORE_CONF, &[T, I, V, F::STORE_STATUS]),
            (MessageType::MBOX_VIEW_REQ, &[T, I, V]),
            (MessageType::MBOX_VIEW_CONF, &[T, I, V, F::RESPONSE_STATUS]),
            (MessageType::MBOX_UPLOAD_REQ, &[T, I, V, F::CONTENT_TYPE]),
            (MessageType::MBOX_UPLOAD_CONF, &[T, I, V, F::STORE_STATUS]),
            (
                MessageType::MBOX_DELETE_REQ,
                &[T, I, V, F::CONTENT_LOCATION],
            ),
            (
                MessageType::MBOX_DELETE_CONF,
                &[T, I, V, F::RESPONSE_STATUS],
            ),
            (MessageType::MBOX_DESCR, &[T]),
            (MessageType::DELETE_REQ, &[T, I, V, F::CONTENT_LOCATION]),
            (MessageType::DELETE_CONF, &[T, I, V, F::RESPONSE_STATUS]),
            (MessageType::CANCEL_REQ, &[T, I, V, F::CANCEL_ID]),
            (MessageType::CANCEL_CONF, &[T, I, V]),
        ]
    };

    #[test]
    fn mandatory_set_of_every_type() {
        assert_eq!(MANDATORY_SETS.len(), 24);
        for &(mt, set) in MANDATORY_SETS {
            let got: Vec<FieldCode> = fields_of(mt)
                .filter(|(_, r)| r.presence == Presence::Mandatory)
                .map(|(f, _)| f)
                .collect();
            assert_eq!(got, set, "{mt}");
        }
    }

    #[test]
    fn mandatory_set_alone_is_valid_and_each_missing_one_is_reported() {
        for &mt in MessageType::ALL {
            let fields = mandatory(mt);
            assert_eq!(
                validate_fields(mt, MmsVersion::V1_3, fields.clone()),
                [],
                "{mt}"
            );
            for skip in 0..fields.len() {
                let mut less = fields.clone();
                let (_, gone) = less.remove(skip);
                let d = validate_fields_ending_at(mt, MmsVersion::V1_3, less, 99);
                assert!(
                    d.contains(&Diagnostic {
                        offset: 99,
                        context: if mt == MessageType::SEND_REQ && gone == FieldCode::TO {
                            "To"
                        } else {
                            gone.name().unwrap()
                        },
                        kind: DiagnosticKind::MissingMandatory
                    }),
                    "{mt} without {gone}: {d:?}"
                );
            }
        }
    }

    #[test]
    fn every_allowed_field_once_is_valid_in_1_3() {
        for &mt in MessageType::ALL {
            let fields: Vec<(usize, FieldCode)> = fields_of(mt)
                .enumerate()
                .map(|(i, (f, _))| (i, f))
                .collect();
            assert_eq!(validate_fields(mt, MmsVersion::V1_3, fields), [], "{mt}");
        }
    }

    #[test]
    fn unexpected_and_repeated() {
        use FieldCode as F;
        let mut f = mandatory(MessageType::DELIVERY_IND);
        f.insert(1, (5, F::TRANSACTION_ID));
        f.push((100, F::TO));
        f.push((110, F::CC));
        f.push((120, F::new(0x45))); // unassigned: the decoder's business
        let d = validate_fields(MessageType::DELIVERY_IND, MmsVersion::V1_0, f);
        assert_eq!(
            kinds(&d),
            [
                (5, "X-Mms-Transaction-Id", DiagnosticKind::UnexpectedField),
                (100, "To", DiagnosticKind::UnexpectedField),
                (110, "Cc", DiagnosticKind::UnexpectedField),
            ]
        );
        // Repeatable To in send-req is fine.
        let mut f = mandatory(MessageType::SEND_REQ);
        f.insert(4, (35, F::TO));
        f.insert(4, (36, F::BCC));
        assert_eq!(
            validate_fields(MessageType::SEND_REQ, MmsVersion::V1_0, f),
            []
        );
    }

    #[test]
    fn newer_than_version() {
        use FieldCode as F;
        let mut f = mandatory(MessageType::NOTIFICATION_IND);
        f.push((200, F::STORED)); // 1.2
        f.push((210, F::REPLACE_ID)); // 1.3
        f.push((220, F::PRIORITY)); // UNVERIFIED: accepted from 1.0
        let d = validate_fields(MessageType::NOTIFICATION_IND, MmsVersion::V1_1, f.clone());
        assert_eq!(
            kinds(&d),
            [
                (200, "X-Mms-Stored", DiagnosticKind::NewerThanVersion),
                (210, "X-Mms-Replace-ID", DiagnosticKind::NewerThanVersion),
            ]
        );
        assert_eq!(
            validate_fields(MessageType::NOTIFICATION_IND, MmsVersion::V1_3, f.clone()),
            []
        );
        // Unknown or major-only versions are not compared.
        assert_eq!(
            validate_fields(MessageType::NOTIFICATION_IND, MmsVersion(0x9F), f.clone()),
            []
        );
        assert_eq!(
            validate_fields(MessageType::NOTIFICATION_IND, MmsVersion(0xA0), f.clone()),
            []
        );
        assert_eq!(
            validate_fields(MessageType::NOTIFICATION_IND, MmsVersion(0x94), f),
            []
        );
        // A type newer than the version: one diagnostic, on the type.
        let f = mandatory(MessageType::DELETE_REQ);
        let d = validate_fields(MessageType::DELETE_REQ, MmsVersion::V1_2, f);
        assert_eq!(
            kinds(&d),
            [(0, "X-Mms-Message-Type", DiagnosticKind::NewerThanVersion)]
        );
        // Forward-req reply charging only from 1.3.
        let mut f = mandatory(MessageType::FORWARD_REQ);
        f.insert(4, (35, F::REPLY_CHARGING));
        let d = validate_fields(MessageType::FORWARD_REQ, MmsVersion::V1_2, f);
        assert_eq!(
            kinds(&d),
            [(35, "X-Mms-Reply-Charging", DiagnosticKind::NewerThanVersion)]
        );
    }

    #[test]
    fn order() {
        use FieldCode as F;
        let f = vec![
            (0, F::MESSAGE_TYPE),
            (2, F::MMS_VERSION),
            (4, F::TRANSACTION_ID),
            (9, F::STATUS),
        ];
        let d = validate_fields(MessageType::NOTIFYRESP_IND, MmsVersion::V1_0, f);
        assert_eq!(
            kinds(&d),
            [
                (4, "X-Mms-Transaction-Id", DiagnosticKind::OutOfOrder),
                (2, "X-Mms-MMS-Version", DiagnosticKind::OutOfOrder),
            ]
        );
        // retrieve-conf without TID: Version second is canonical.
        let f = vec![
            (0, F::MESSAGE_TYPE),
            (2, F::MMS_VERSION),
            (4, F::DATE),
            (9, F::CONTENT_TYPE),
        ];
        assert_eq!(
            validate_fields(MessageType::RETRIEVE_CONF, MmsVersion::V1_0, f),
            []
        );
        let f = vec![
            (0, F::MESSAGE_TYPE),
            (2, F::MMS_VERSION),
            (4, F::CONTENT_TYPE),
            (9, F::DATE),
        ];
        let d = validate_fields(MessageType::RETRIEVE_CONF, MmsVersion::V1_0, f);
        assert_eq!(kinds(&d), [(4, "Content-Type", DiagnosticKind::OutOfOrder)]);
    }

    #[test]
    fn send_req_conditions() {
        use FieldCode as F;
        let base = |extra: &[FieldCode]| {
            let mut f = vec![
                (0, F::MESSAGE_TYPE),
                (2, F::TRANSACTION_ID),
                (5, F::MMS_VERSION),
                (7, F::FROM),
            ];
            f.extend(extra.iter().enumerate().map(|(i, &x)| (10 + i, x)));
            f.push((50, F::CONTENT_TYPE));
            f
        };
        let d = validate_fields(MessageType::SEND_REQ, MmsVersion::V1_2, base(&[]));
        assert_eq!(kinds(&d), [(0, "To", DiagnosticKind::MissingMandatory)]);
        let d = validate_fields(
            MessageType::SEND_REQ,
            MmsVersion::V1_2,
            base(&[F::CC, F::MM_STATE, F::MM_FLAGS, F::MM_FLAGS]),
        );
        assert_eq!(
            kinds(&d),
            [
                (11, "X-Mms-MM-State", DiagnosticKind::UnexpectedField),
                (12, "X-Mms-MM-Flags", DiagnosticKind::UnexpectedField),
            ]
        );
        let with_store = base(&[F::BCC, F::STORE, F::MM_STATE, F::MM_FLAGS, F::MM_FLAGS]);
        assert_eq!(
            validate_fields(MessageType::SEND_REQ, MmsVersion::V1_2, with_store),
            []
        );
        let d = validate_fields(
            MessageType::SEND_REQ,
            MmsVersion::V1_2,
            base(&[F::TO, F::REPLY_CHARGING_DEADLINE]),
        );
        assert_eq!(
            kinds(&d),
            [(
                11,
                "X-Mms-Reply-Charging-Deadline",
                DiagnosticKind::UnexpectedField
            )]
        );
    }

    #[test]
    fn unassigned_type_and_empty_input() {
        assert_eq!(
            validate_fields(MessageType::new(0x98), MmsVersion::V1_0, []),
            []
        );
        let d = validate_fields(MessageType::ACKNOWLEDGE_IND, MmsVersion::V1_0, []);
        assert_eq!(d.len(), 3);
    }
}
