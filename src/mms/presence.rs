//! Which header fields each MMS PDU type has: the PDU tables of OMA-TS-MMS_ENC-V1_3 §6 as data.
//!
//! For each of the 24 message types the table lists, in canonical order (Type,
//! Transaction-ID, Version first; Content-Type last), the fields the PDU may carry with their
//! presence ([`Presence`]), whether they may repeat, and the MMS version from which they are
//! allowed in that PDU. A field not listed is [`Presence::NotAllowed`].
//!
//! The table is used by the validator ([`crate::mms::validate`]), the builders (which refuse a
//! field the type does not allow or the chosen version does not have) and the typed views.
//!
//! Where a row could not be confirmed in two independent implementations (**UNVERIFIED**) the
//! lenient reading is taken (the field is allowed, optional, and allowed since the PDU's own
//! version); each such choice is noted next to its row.
//!
//! ```
//! use mms_pdu::assigned::{FieldCode, MessageType, MmsVersion};
//! use mms_pdu::mms::presence::{Presence, presence};
//!
//! let rule = presence(MessageType::NOTIFICATION_IND, FieldCode::CONTENT_LOCATION);
//! assert_eq!(rule.presence, Presence::Mandatory);
//! assert!(!rule.repeatable);
//! assert_eq!(rule.since, MmsVersion::V1_0);
//! assert_eq!(
//!     presence(MessageType::DELIVERY_IND, FieldCode::TRANSACTION_ID).presence,
//!     Presence::NotAllowed
//! );
//! ```

use crate::assigned::{FieldCode, MessageType, MmsVersion};

/// Whether a field must, may, may under a condition, or must not appear in a PDU type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Presence {
    /// The field must be present (**M**: Mandatory in the tables of OMA-TS-MMS_ENC-V1_3 §6).
    Mandatory,
    /// The field may be present (**O**).
    Optional,
    /// The field is present only under a condition on other fields or values (**C**; the
    /// rule is given in the field's description in OMA-TS-MMS_ENC-V1_3 §6 and checked by the
    /// validator where it can be).
    Conditional,
    /// The field has no place in this PDU type (**—**, or not listed).
    NotAllowed,
}

impl Presence {
    /// `true` for every presence except [`Presence::NotAllowed`].
    pub const fn is_allowed(self) -> bool {
        !matches!(self, Presence::NotAllowed)
    }
}

/// The rule for one field in one PDU type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct FieldRule {
    /// Mandatory, optional, conditional or not allowed.
    pub presence: Presence,
    /// Whether the field may occur more than once (To, Cc, Bcc, MM-Flags, ...).
    pub repeatable: bool,
    /// The first MMS version in which the field is allowed in this PDU type (the later of the
    /// field's and the message type's versions unless the table says otherwise).
    pub since: MmsVersion,
}

impl FieldRule {
    /// The rule of a field that is not allowed.
    const NOT_ALLOWED: FieldRule = FieldRule {
        presence: Presence::NotAllowed,
        repeatable: false,
        since: MmsVersion::V1_0,
    };
}

/// One row of a PDU table: field, presence, repeatable, explicit `since` (or the default).
#[derive(Clone, Copy)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
struct Row {
    field: FieldCode,
    presence: Presence,
    repeatable: bool,
    since: Option<MmsVersion>,
}

/// A table row (the value of the compact row syntax used below).
const fn row(
    field: FieldCode,
    presence: Presence,
    repeatable: bool,
    since: Option<MmsVersion>,
) -> Row {
    Row {
        field,
        presence,
        repeatable,
        since,
    }
}

/// Builds a `&[Row]` from lines `FIELD: M|O|C [R] [since V1_x]`.
macro_rules! rows {
    ($($field:ident : $p:ident $($rep:ident)? $(@ $since:ident)?;)*) => {
        &[$(row(
            FieldCode::$field,
            rows!(@p $p),
            rows!(@r $($rep)?),
            rows!(@s $($since)?),
        )),*]
    };
    (@p M) => { Presence::Mandatory };
    (@p O) => { Presence::Optional };
    (@p C) => { Presence::Conditional };
    (@r R) => { true };
    (@r) => { false };
    (@s $v:ident) => { Some(MmsVersion::$v) };
    (@s) => { None };
}

/// The presence table (OMA-TS-MMS_ENC-V1_3 §6; order rules §7): one entry per message type, in the
/// order of the type codes, naming the type's constant, typed view and builder, then its rows
/// `FIELD: M|O|C [R] [@ V1_x];` in canonical order (`R`: repeatable; `@`: an explicit `since`, else
/// the later of the field's and the message type's `since()` version).
///
/// This is the one list of which fields each PDU type has. The macro hands it to `$then`:
/// `row_tables` below turns it into the data behind [`presence`] and [`fields_of`], and
/// `pdu_views` in [`crate::mms::views`] into the typed views and builders, so the two cannot
/// disagree.
macro_rules! pdu_table {
    ($then:ident) => {
        $then! {
            [SEND_REQ SendReq SendReqBuilder] {
                MESSAGE_TYPE: M; TRANSACTION_ID: M; MMS_VERSION: M;
                DATE: O; FROM: M;
                TO: O R; CC: O R; BCC: O R;
                SUBJECT: O; MESSAGE_CLASS: O; EXPIRY: O; DELIVERY_TIME: O; PRIORITY: O;
                SENDER_VISIBILITY: O; DELIVERY_REPORT: O; READ_REPORT: O;
                REPLY_CHARGING: O; REPLY_CHARGING_DEADLINE: O; REPLY_CHARGING_SIZE: O;
                REPLY_CHARGING_ID: O;
                STORE: O;
                // Only with X-Mms-Store = Yes.
                MM_STATE: C; MM_FLAGS: C R;
                APPLIC_ID: O; REPLY_APPLIC_ID: O; AUX_APPLIC_INFO: O;
                CONTENT_CLASS: O; DRM_CONTENT: O; ADAPTATION_ALLOWED: O;
                CONTENT_TYPE: M;
            }

            [SEND_CONF SendConf SendConfBuilder] {
                MESSAGE_TYPE: M; TRANSACTION_ID: M; MMS_VERSION: M;
                RESPONSE_STATUS: M; RESPONSE_TEXT: O;
                // Present when the MM was accepted; B2G and AOSP treat it as optional.
                MESSAGE_ID: C;
                // When the MM was also stored in the MMBox.
                CONTENT_LOCATION: C @ V1_2;
                STORE_STATUS: O; STORE_STATUS_TEXT: O;
            }

            [NOTIFICATION_IND NotificationInd NotificationIndBuilder] {
                MESSAGE_TYPE: M; TRANSACTION_ID: M; MMS_VERSION: M;
                FROM: O; SUBJECT: O; DELIVERY_REPORT: O; STORED: O;
                MESSAGE_CLASS: M;
                // UNVERIFIED (remembered as 1.2; Symbian does not write it): accepted from 1.0.
                PRIORITY: O;
                MESSAGE_SIZE: M; EXPIRY: M;
                REPLY_CHARGING: O; REPLY_CHARGING_DEADLINE: O; REPLY_CHARGING_SIZE: O;
                REPLY_CHARGING_ID: O;
                CONTENT_LOCATION: M;
                ELEMENT_DESCRIPTOR: O; DISTRIBUTION_INDICATOR: O;
                RECOMMENDED_RETRIEVAL_MODE: O; RECOMMENDED_RETRIEVAL_MODE_TEXT: O;
                APPLIC_ID: O; REPLY_APPLIC_ID: O; AUX_APPLIC_INFO: O;
                CONTENT_CLASS: O; DRM_CONTENT: O; REPLACE_ID: O;
            }

            [NOTIFYRESP_IND NotifyRespInd NotifyRespIndBuilder] {
                MESSAGE_TYPE: M; TRANSACTION_ID: M; MMS_VERSION: M;
                STATUS: M; REPORT_ALLOWED: O;
            }

            [RETRIEVE_CONF RetrieveConf RetrieveConfBuilder] {
                MESSAGE_TYPE: M;
                // Present when an m-acknowledge-ind is expected; B2G and AOSP do not require it.
                TRANSACTION_ID: O;
                MMS_VERSION: M;
                // Present when the PDU carries the MM.
                MESSAGE_ID: C;
                DATE: M; FROM: O;
                PREVIOUSLY_SENT_BY: O R; PREVIOUSLY_SENT_DATE: O R;
                TO: O R; CC: O R;
                SUBJECT: O; MM_STATE: O; MM_FLAGS: O R;
                MESSAGE_CLASS: O; PRIORITY: O; DELIVERY_REPORT: O; READ_REPORT: O;
                REPLY_CHARGING: O; REPLY_CHARGING_DEADLINE: O; REPLY_CHARGING_SIZE: O;
                REPLY_CHARGING_ID: O;
                RETRIEVE_STATUS: O; RETRIEVE_TEXT: O;
                DISTRIBUTION_INDICATOR: O;
                APPLIC_ID: O; REPLY_APPLIC_ID: O; AUX_APPLIC_INFO: O;
                CONTENT_CLASS: O; DRM_CONTENT: O; REPLACE_ID: O;
                CONTENT_TYPE: M;
            }

            [ACKNOWLEDGE_IND AcknowledgeInd AcknowledgeIndBuilder] {
                MESSAGE_TYPE: M; TRANSACTION_ID: M; MMS_VERSION: M;
                REPORT_ALLOWED: O;
            }

            // To is the one recipient the report is about: not repeatable in the reports.
            [DELIVERY_IND DeliveryInd DeliveryIndBuilder] {
                MESSAGE_TYPE: M; MMS_VERSION: M;
                MESSAGE_ID: M; TO: M; DATE: M; STATUS: M; STATUS_TEXT: O;
                APPLIC_ID: O; REPLY_APPLIC_ID: O; AUX_APPLIC_INFO: O;
            }

            // Date is optional here (B2G's mandatory list and AOSP's check agree).
            [READ_REC_IND ReadRecInd ReadRecIndBuilder] {
                MESSAGE_TYPE: M; MMS_VERSION: M;
                MESSAGE_ID: M; TO: M; FROM: M; DATE: O; READ_STATUS: M;
                APPLIC_ID: O; REPLY_APPLIC_ID: O; AUX_APPLIC_INFO: O;
            }

            [READ_ORIG_IND ReadOrigInd ReadOrigIndBuilder] {
                MESSAGE_TYPE: M; MMS_VERSION: M;
                MESSAGE_ID: M; TO: M; FROM: M; DATE: M; READ_STATUS: M;
                APPLIC_ID: O; REPLY_APPLIC_ID: O; AUX_APPLIC_INFO: O;
            }

            [FORWARD_REQ ForwardReq ForwardReqBuilder] {
                MESSAGE_TYPE: M; TRANSACTION_ID: M; MMS_VERSION: M;
                DATE: O;
                // UNVERIFIED M vs O (Symbian always writes it; Insert-address allowed): mandatory.
                FROM: M;
                TO: O R; CC: O R; BCC: O R;
                EXPIRY: O; DELIVERY_TIME: O; REPORT_ALLOWED: O; DELIVERY_REPORT: O; READ_REPORT: O;
                STORE: O; MM_STATE: O; MM_FLAGS: O R;
                // Symbian writes reply charging in a forward only for 1.3.
                REPLY_CHARGING: O @ V1_3; REPLY_CHARGING_DEADLINE: O @ V1_3;
                REPLY_CHARGING_SIZE: O @ V1_3;
                CONTENT_LOCATION: M;
            }

            [FORWARD_CONF ForwardConf ForwardConfBuilder] {
                MESSAGE_TYPE: M; TRANSACTION_ID: M; MMS_VERSION: M;
                RESPONSE_STATUS: M; RESPONSE_TEXT: O;
                MESSAGE_ID: C;
                CONTENT_LOCATION: C @ V1_2;
                STORE_STATUS: O; STORE_STATUS_TEXT: O;
            }

            [MBOX_STORE_REQ MboxStoreReq MboxStoreReqBuilder] {
                MESSAGE_TYPE: M; TRANSACTION_ID: M; MMS_VERSION: M;
                CONTENT_LOCATION: M; MM_STATE: O; MM_FLAGS: O R;
            }

            [MBOX_STORE_CONF MboxStoreConf MboxStoreConfBuilder] {
                MESSAGE_TYPE: M; TRANSACTION_ID: M; MMS_VERSION: M;
                // On success.
                CONTENT_LOCATION: C;
                STORE_STATUS: M; STORE_STATUS_TEXT: O;
            }

            [MBOX_VIEW_REQ MboxViewReq MboxViewReqBuilder] {
                MESSAGE_TYPE: M; TRANSACTION_ID: M; MMS_VERSION: M;
                CONTENT_LOCATION: O R; MM_STATE: O R; MM_FLAGS: O R;
                START: O; LIMIT: O; ATTRIBUTES: O R; TOTALS: O; QUOTAS: O;
            }

            // Mbox-Totals / Mbox-Quotas: up to one per token (message, size), hence repeatable.
            [MBOX_VIEW_CONF MboxViewConf MboxViewConfBuilder] {
                MESSAGE_TYPE: M; TRANSACTION_ID: M; MMS_VERSION: M;
                RESPONSE_STATUS: M; RESPONSE_TEXT: O;
                CONTENT_LOCATION: O R; MM_STATE: O R; MM_FLAGS: O R;
                START: O; LIMIT: O; ATTRIBUTES: O R;
                MBOX_TOTALS: O R; MBOX_QUOTAS: O R; MESSAGE_COUNT: O;
                // With a body of m-mbox-descr entries (layout UNVERIFIED beyond Symbian).
                CONTENT_TYPE: C;
            }

            [MBOX_UPLOAD_REQ MboxUploadReq MboxUploadReqBuilder] {
                MESSAGE_TYPE: M; TRANSACTION_ID: M; MMS_VERSION: M;
                MM_STATE: O; MM_FLAGS: O R;
                CONTENT_TYPE: M;
            }

            [MBOX_UPLOAD_CONF MboxUploadConf MboxUploadConfBuilder] {
                MESSAGE_TYPE: M; TRANSACTION_ID: M; MMS_VERSION: M;
                CONTENT_LOCATION: C; STORE_STATUS: M; STORE_STATUS_TEXT: O;
            }

            [MBOX_DELETE_REQ MboxDeleteReq MboxDeleteReqBuilder] {
                MESSAGE_TYPE: M; TRANSACTION_ID: M; MMS_VERSION: M;
                CONTENT_LOCATION: M R;
            }

            // Content-Location and Response-Text in their indexed "-Del" forms.
            [MBOX_DELETE_CONF MboxDeleteConf MboxDeleteConfBuilder] {
                MESSAGE_TYPE: M; TRANSACTION_ID: M; MMS_VERSION: M;
                CONTENT_LOCATION: O R; RESPONSE_STATUS: M; RESPONSE_TEXT: O R;
            }

            [MBOX_DESCR MboxDescr MboxDescrBuilder] {
                MESSAGE_TYPE: M;
                // UNVERIFIED (Symbian's encoder omits it): optional.
                MMS_VERSION: O;
                // "O/C" (the reference of the stored MM): optional.
                CONTENT_LOCATION: O;
                MESSAGE_ID: O; MM_STATE: O; MM_FLAGS: O R; DATE: O; FROM: O;
                TO: O R; CC: O R; BCC: O R;
                MESSAGE_CLASS: O; SUBJECT: O; PRIORITY: O; DELIVERY_TIME: O; EXPIRY: O;
                DELIVERY_REPORT: O; READ_REPORT: O; MESSAGE_SIZE: O;
                REPLY_CHARGING: O; REPLY_CHARGING_DEADLINE: O; REPLY_CHARGING_SIZE: O;
                REPLY_CHARGING_ID: O;
                PREVIOUSLY_SENT_BY: O R; PREVIOUSLY_SENT_DATE: O R;
                // When X-Mms-Attributes asked for Content.
                CONTENT_TYPE: O;
            }

            [DELETE_REQ DeleteReq DeleteReqBuilder] {
                MESSAGE_TYPE: M; TRANSACTION_ID: M; MMS_VERSION: M;
                CONTENT_LOCATION: M R;
            }

            [DELETE_CONF DeleteConf DeleteConfBuilder] {
                MESSAGE_TYPE: M; TRANSACTION_ID: M; MMS_VERSION: M;
                CONTENT_LOCATION: O R; RESPONSE_STATUS: M; RESPONSE_TEXT: O R;
            }

            // UNVERIFIED (no implementation builds it; from the spec as remembered).
            [CANCEL_REQ CancelReq CancelReqBuilder] {
                MESSAGE_TYPE: M; TRANSACTION_ID: M; MMS_VERSION: M;
                CANCEL_ID: M;
            }

            // UNVERIFIED M vs O: optional (the lenient reading; a confirmation without status
            // decodes without a diagnostic).
            [CANCEL_CONF CancelConf CancelConfBuilder] {
                MESSAGE_TYPE: M; TRANSACTION_ID: M; MMS_VERSION: M;
                CANCEL_STATUS: O;
            }
        }
    };
}
pub(crate) use pdu_table;

/// The `Row` tables of [`pdu_table!`] and the lookup by message type.
macro_rules! row_tables {
    ($( [$mt:ident $view:ident $builder:ident] $rows:tt )*) => {
        $( const $mt: &[Row] = rows! $rows; )*

        /// The rows of a message type (empty for an unassigned type).
        fn rows_of(message_type: MessageType) -> &'static [Row] {
            match message_type {
                $( MessageType::$mt => $mt, )*
                _ => &[],
            }
        }

        /// The [`Presence::Mandatory`] fields of a message type (none for an unassigned
        /// type), computed when the crate is compiled: a decode asks for them per pushed
        /// notification, where walking the rows cost about 400 instructions.
        pub(crate) fn mandatory_fields(message_type: MessageType) -> FieldSet {
            match message_type {
                $( MessageType::$mt => const { mandatory_of($mt) }, )*
                _ => FieldSet::EMPTY,
            }
        }
    };
}

pdu_table!(row_tables);

/// The set of the mandatory fields among `rows`.
const fn mandatory_of(mut rows: &[Row]) -> FieldSet {
    let mut set = FieldSet::EMPTY;
    while let [row, rest @ ..] = rows {
        if matches!(row.presence, Presence::Mandatory) {
            set = set.with(row.field);
        }
        rows = rest;
    }
    set
}

/// The later of two versions.
const fn later(a: MmsVersion, b: MmsVersion) -> MmsVersion {
    if a.0 >= b.0 { a } else { b }
}

impl Row {
    fn rule(&self, message_type: MessageType) -> FieldRule {
        let default_since = later(
            self.field.since().unwrap_or(MmsVersion::V1_0),
            message_type.since().unwrap_or(MmsVersion::V1_0),
        );
        FieldRule {
            presence: self.presence,
            repeatable: self.repeatable,
            since: self.since.unwrap_or(default_since),
        }
    }
}

/// The rule for `field` in a PDU of type `message_type`.
///
/// Fields the type does not list, and every field of an unassigned message type, are
/// [`Presence::NotAllowed`] (with `since` 1.0 and not repeatable).
pub fn presence(message_type: MessageType, field: FieldCode) -> FieldRule {
    rows_of(message_type)
        .iter()
        .find(|r| r.field == field)
        .map_or(FieldRule::NOT_ALLOWED, |r| r.rule(message_type))
}

/// The fields `message_type` allows, with their rules, in canonical order: Message-Type,
/// Transaction-ID (where the type has one), MMS-Version, the other fields in the order of the
/// PDU's table in OMA-TS-MMS_ENC-V1_3 §6, and Content-Type last (for the types with a body).
///
/// Empty for an unassigned message type.
///
/// ```
/// use mms_pdu::assigned::{FieldCode, MessageType};
/// use mms_pdu::mms::presence::{Presence, fields_of};
///
/// let mandatory: Vec<FieldCode> = fields_of(MessageType::NOTIFYRESP_IND)
///     .filter(|(_, rule)| rule.presence == Presence::Mandatory)
///     .map(|(field, _)| field)
///     .collect();
/// assert_eq!(
///     mandatory,
///     [
///         FieldCode::MESSAGE_TYPE,
///         FieldCode::TRANSACTION_ID,
///         FieldCode::MMS_VERSION,
///         FieldCode::STATUS
///     ]
/// );
/// ```
pub fn fields_of(
    message_type: MessageType,
) -> impl Iterator<Item = (FieldCode, FieldRule)> + Clone + 'static {
    rows_of(message_type)
        .iter()
        .map(move |r| (r.field, r.rule(message_type)))
}

/// The position of `field` in the canonical order of `message_type` (`None` when the type
/// does not allow it). Builders sort by it.
pub fn canonical_position(message_type: MessageType, field: FieldCode) -> Option<usize> {
    rows_of(message_type).iter().position(|r| r.field == field)
}

/// A set of MMS header fields (codes 0x01–0x3F), small and `Copy`: what
/// [`missing_mandatory`] returns.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct FieldSet(u64);

impl FieldSet {
    /// No field.
    pub const EMPTY: FieldSet = FieldSet(0);

    /// The bit of `field` (`None` past 0x3F, where no field is assigned).
    const fn bit(field: FieldCode) -> Option<u64> {
        match field.get() {
            code @ 0..=63 => Some(1 << code),
            _ => None,
        }
    }

    /// This set with `field` added (unchanged for a code past 0x3F).
    #[must_use]
    pub const fn with(self, field: FieldCode) -> Self {
        match Self::bit(field) {
            Some(bit) => FieldSet(self.0 | bit),
            None => self,
        }
    }

    /// Whether `field` is in the set.
    pub const fn contains(self, field: FieldCode) -> bool {
        match Self::bit(field) {
            Some(bit) => self.0 & bit != 0,
            None => false,
        }
    }

    /// Whether the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// How many fields.
    pub const fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The fields of this set that are not in `other`.
    #[must_use]
    pub const fn without(self, other: FieldSet) -> Self {
        FieldSet(self.0 & !other.0)
    }

    /// The fields in code order.
    pub fn iter(self) -> impl Iterator<Item = FieldCode> + Clone {
        let mut rest = self.0;
        core::iter::from_fn(move || {
            if rest == 0 {
                return None;
            }
            let code = u8::try_from(rest.trailing_zeros()).ok()?;
            rest &= rest - 1;
            Some(FieldCode::new(code))
        })
    }
}

impl FromIterator<FieldCode> for FieldSet {
    fn from_iter<I: IntoIterator<Item = FieldCode>>(iter: I) -> Self {
        iter.into_iter().fold(FieldSet::EMPTY, FieldSet::with)
    }
}

impl core::fmt::Debug for FieldSet {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

/// The fields by name, comma-separated (`X-Mms-Message-Size, X-Mms-Content-Location`).
impl core::fmt::Display for FieldSet {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        for (i, field) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            core::fmt::Display::fmt(&field, f)?;
        }
        Ok(())
    }
}

/// The mandatory fields of `message_type` that `has` says are absent: every
/// [`Presence::Mandatory`] row, and for m-send-req at least one recipient (To, Cc or Bcc;
/// named as To when all three are absent, OMA-TS-MMS_ENC-V1_3 §6.1.1).
///
/// ```
/// use mms_pdu::assigned::{FieldCode, MessageType};
/// use mms_pdu::mms::presence::missing_mandatory;
///
/// let present = [FieldCode::MESSAGE_TYPE, FieldCode::TRANSACTION_ID, FieldCode::MMS_VERSION];
/// let missing = missing_mandatory(MessageType::NOTIFICATION_IND, |f| present.contains(&f));
/// assert_eq!(
///     missing.iter().collect::<Vec<_>>(),
///     [FieldCode::CONTENT_LOCATION, FieldCode::EXPIRY, FieldCode::MESSAGE_CLASS,
///      FieldCode::MESSAGE_SIZE]
/// );
/// ```
pub fn missing_mandatory(message_type: MessageType, has: impl Fn(FieldCode) -> bool) -> FieldSet {
    let mut missing: FieldSet = mandatory_fields(message_type)
        .iter()
        .filter(|&field| !has(field))
        .collect();
    if message_type == MessageType::SEND_REQ
        && ![FieldCode::TO, FieldCode::CC, FieldCode::BCC]
            .into_iter()
            .any(&has)
    {
        missing = missing.with(FieldCode::TO);
    }
    missing
}

#[cfg(test)]
mod tests {

    use super::*;

    #[test]
    fn the_compiled_mandatory_sets_are_the_mandatory_rows() {
        for &mt in MessageType::ALL {
            let rows: FieldSet = fields_of(mt)
                .filter(|(_, rule)| rule.presence == Presence::Mandatory)
                .map(|(field, _)| field)
                .collect();
            assert_eq!(mandatory_fields(mt), rows, "{mt}");
            assert!(
                mandatory_fields(mt).contains(FieldCode::MESSAGE_TYPE),
                "{mt}"
            );
        }
        assert_eq!(mandatory_fields(MessageType::new(0x98)), FieldSet::EMPTY);
        let set = FieldSet::EMPTY
            .with(FieldCode::new(0))
            .with(FieldCode::new(0x3F))
            .with(FieldCode::TO);
        let listed: alloc::vec::Vec<_> = set.iter().collect();
        assert_eq!(
            listed,
            [FieldCode::new(0), FieldCode::TO, FieldCode::new(0x3F)]
        );
        assert_eq!(set.without(FieldSet::EMPTY.with(FieldCode::TO)).len(), 2);
    }

    #[test]
    fn every_assigned_type_has_a_table_starting_with_type() {
        for &mt in MessageType::ALL {
            let first = fields_of(mt).next().unwrap();
            assert_eq!(first.0, FieldCode::MESSAGE_TYPE, "{mt}");
            assert_eq!(first.1.presence, Presence::Mandatory, "{mt}");
            assert_eq!(first.1.since, mt.since().unwrap(), "{mt}");
        }
        assert_eq!(fields_of(MessageType::new(0x98)).count(), 0);
        assert_eq!(
            presence(MessageType::new(0x98), FieldCode::TO).presence,
            Presence::NotAllowed
        );
    }

    #[test]
    fn no_field_listed_twice_and_content_type_last() {
        for &mt in MessageType::ALL {
            let fields: alloc::vec::Vec<_> = fields_of(mt).map(|(f, _)| f).collect();
            for (i, f) in fields.iter().enumerate() {
                assert!(!fields[i + 1..].contains(f), "{mt}: {f} listed twice");
                assert!(f.is_assigned(), "{mt}: {f}");
                assert!(*f != FieldCode::CONTENT && *f != FieldCode::ADDITIONAL_HEADERS);
            }
            if let Some(pos) = fields.iter().position(|&f| f == FieldCode::CONTENT_TYPE) {
                assert_eq!(pos, fields.len() - 1, "{mt}");
                assert!(mt.has_body(), "{mt}");
            } else {
                assert!(!mt.has_body(), "{mt}");
            }
        }
    }

    #[test]
    fn canonical_prefix_is_type_tid_version() {
        for &mt in MessageType::ALL {
            let f: alloc::vec::Vec<_> = fields_of(mt).map(|(f, _)| f).take(3).collect();
            let no_tid = matches!(
                mt,
                MessageType::DELIVERY_IND
                    | MessageType::READ_REC_IND
                    | MessageType::READ_ORIG_IND
                    | MessageType::MBOX_DESCR
            );
            if no_tid {
                assert_eq!(
                    f[..2],
                    [FieldCode::MESSAGE_TYPE, FieldCode::MMS_VERSION],
                    "{mt}"
                );
                assert_eq!(
                    presence(mt, FieldCode::TRANSACTION_ID).presence,
                    Presence::NotAllowed
                );
            } else {
                assert_eq!(
                    f,
                    [
                        FieldCode::MESSAGE_TYPE,
                        FieldCode::TRANSACTION_ID,
                        FieldCode::MMS_VERSION
                    ],
                    "{mt}"
                );
            }
        }
        assert_eq!(
            presence(MessageType::RETRIEVE_CONF, FieldCode::TRANSACTION_ID).presence,
            Presence::Optional
        );
        assert_eq!(
            presence(MessageType::MBOX_DESCR, FieldCode::MMS_VERSION).presence,
            Presence::Optional
        );
    }

    #[test]
    fn since_is_never_before_field_or_type() {
        for &mt in MessageType::ALL {
            for (f, rule) in fields_of(mt) {
                assert!(rule.since >= f.since().unwrap(), "{mt} {f}");
                assert!(rule.since >= mt.since().unwrap(), "{mt} {f}");
            }
        }
    }

    #[test]
    fn spot_checks_from_the_reference() {
        let p = |mt, f| presence(mt, f);
        assert_eq!(
            p(MessageType::RETRIEVE_CONF, FieldCode::BCC).presence,
            Presence::NotAllowed
        );
        assert!(p(MessageType::SEND_REQ, FieldCode::TO).repeatable);
        assert_eq!(
            p(MessageType::SEND_REQ, FieldCode::MM_STATE).presence,
            Presence::Conditional
        );
        assert_eq!(
            p(MessageType::SEND_REQ, FieldCode::STORE).since,
            MmsVersion::V1_2
        );
        assert_eq!(
            p(MessageType::SEND_CONF, FieldCode::CONTENT_LOCATION).since,
            MmsVersion::V1_2
        );
        assert_eq!(
            p(MessageType::FORWARD_REQ, FieldCode::REPLY_CHARGING).since,
            MmsVersion::V1_3
        );
        assert_eq!(
            p(MessageType::NOTIFICATION_IND, FieldCode::PRIORITY).presence,
            Presence::Optional
        );
        assert_eq!(
            p(MessageType::READ_REC_IND, FieldCode::DATE).presence,
            Presence::Optional
        );
        assert_eq!(
            p(MessageType::READ_ORIG_IND, FieldCode::DATE).presence,
            Presence::Mandatory
        );
        assert!(p(MessageType::MBOX_DELETE_REQ, FieldCode::CONTENT_LOCATION).repeatable);
        assert!(p(MessageType::DELETE_CONF, FieldCode::RESPONSE_TEXT).repeatable);
        assert!(!p(MessageType::SEND_CONF, FieldCode::RESPONSE_TEXT).repeatable);
        assert_eq!(
            p(MessageType::CANCEL_REQ, FieldCode::CANCEL_ID).presence,
            Presence::Mandatory
        );
        assert_eq!(
            p(MessageType::CANCEL_REQ, FieldCode::CANCEL_ID).since,
            MmsVersion::V1_3
        );
        assert_eq!(
            p(MessageType::DELIVERY_IND, FieldCode::STATUS_TEXT).since,
            MmsVersion::V1_3
        );
        assert_eq!(
            canonical_position(MessageType::NOTIFICATION_IND, FieldCode::CONTENT_LOCATION),
            Some(15)
        );
    }
}
