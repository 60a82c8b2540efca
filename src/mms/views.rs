//! Typed views: one struct per PDU type over a decoded or built [`Pdu`], with an accessor per
//! field that type has (OMA-TS-MMS_ENC-V1_3 §6, [`crate::mms::presence`]).
//!
//! Get one with [`Pdu::view`] (a [`PduView`] over the 24 types and `Unknown`) or with
//! `TryFrom<&Pdu>` (`NotificationInd::try_from(&pdu)`), which also checks that every mandatory
//! field is there ([`ViewError`]). Single fields return `Option<T>` (the first occurrence;
//! decoding is lenient, so through [`Pdu::view`] even a mandatory field may be missing: see
//! [`validate`](crate::mms::validate::validate)); repeatable fields return an iterator in wire
//! order. A header whose value did not parse is kept raw and is not returned by the typed
//! accessors (it is in [`Pdu::headers`]). Each view also starts its type's builder:
//! `NotificationInd::build(...)` (see [`crate::mms::build`]).
//!
//! ```
//! use mms_pdu::mms::Pdu;
//! use mms_pdu::mms::views::{NotificationInd, PduView};
//!
//! let wire = b"\x8C\x82\x98T2\0\x8D\x92\x89\x18\x80+15551234567/TYPE=PLMN\0\x8A\x80\
//!     \x8E\x02\x30\x39\x88\x05\x81\x03\x03\xF4\x80\x83http://mmsc.example/m1\0";
//! let pdu = Pdu::decode(wire).unwrap();
//! let PduView::NotificationInd(n) = pdu.view() else { panic!() };
//! assert_eq!(n.message_size().unwrap().value, 12345);
//! assert_eq!(n.content_location().unwrap().as_bytes(), b"http://mmsc.example/m1");
//! assert!(NotificationInd::try_from(&pdu).is_ok());
//! ```

use core::fmt;

use crate::assigned::{
    CancelStatus, ContentClass, FieldCode, MessageType, MmState, Priority, ReadStatus,
    ReplyCharging, RetrievalMode, RetrieveStatus, SenderVisibility, Status, StoreStatus, YesNo,
};
use crate::codec::{DateValue, EncodedString, IntegerValue, TextString, Version};
use crate::mms::header::MmsHeader;
use crate::mms::pdu::Pdu;
use crate::mms::presence::{FieldSet, missing_mandatory};
use crate::mms::values::{
    Address, ContentLocationValue, ContentTypeValue, ElementDescriptor, FromValue, MboxQuotas,
    MboxTotals, MessageClassValue, MmFlags, PreviouslySentBy, PreviouslySentDate,
    ResponseStatusValue, ResponseTextValue, TimeValue,
};

/// A [`Pdu`] was not of the message type a view asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[error("expected {expected}, found {}", found_text(found))]
pub struct WrongMessageType {
    /// The type the view is for.
    pub expected: MessageType,
    /// The PDU's type (`None` without an X-Mms-Message-Type).
    pub found: Option<MessageType>,
}

/// What [`WrongMessageType`] says it found: the type, or that there was none.
fn found_text(found: &Option<MessageType>) -> &dyn fmt::Display {
    match found {
        Some(found) => found,
        None => &"no message type",
    }
}

/// Why a typed view (`NotificationInd::try_from(&pdu)`, ...) refused a [`Pdu`].
///
/// A lenient decode keeps a PDU that lacks mandatory fields (a push reassembled from too few
/// SMS segments can end on a header boundary), so `try_from` checks them: a half-received
/// notification is refused with the names of all it lacks, whatever mode it was decoded in.
///
/// ```
/// use mms_pdu::prelude::*;
/// use mms_pdu::assigned::FieldCode;
/// use mms_pdu::mms::views::ViewError;
///
/// // An m-notification-ind cut after its version.
/// let cut = Pdu::decode(b"\x8C\x82\x98T2\0\x8D\x92")?;
/// let Err(ViewError::MissingFields { missing, .. }) = NotificationInd::try_from(&cut) else {
///     panic!("refused")
/// };
/// assert!(missing.contains(FieldCode::CONTENT_LOCATION) && missing.len() == 4);
/// assert_eq!(
///     NotificationInd::try_from(&cut).unwrap_err().to_string(),
///     "m-notification-ind lacks mandatory X-Mms-Content-Location, X-Mms-Expiry, \
///      X-Mms-Message-Class, X-Mms-Message-Size"
/// );
/// # Ok::<(), DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum ViewError {
    /// The PDU is of another type.
    #[error(transparent)]
    WrongMessageType(#[from] WrongMessageType),
    /// The PDU lacks mandatory fields (absent, or present but kept raw).
    #[error("{message_type} lacks mandatory {missing}")]
    MissingFields {
        /// The PDU's type.
        message_type: MessageType,
        /// Every mandatory field it lacks ([`missing_mandatory`]), in field-code order.
        missing: FieldSet,
    },
}

/// Whether `pdu` is an `expected` PDU with every mandatory field typed.
fn checked(pdu: &Pdu<'_>, expected: MessageType) -> Result<(), ViewError> {
    if pdu.message_type() != Some(expected) {
        return Err(ViewError::WrongMessageType(WrongMessageType {
            expected,
            found: pdu.message_type(),
        }));
    }
    let typed = |field| {
        pdu.get_all(field)
            .any(|h| !matches!(h, MmsHeader::Unparsed { .. }))
    };
    let missing = missing_mandatory(expected, typed);
    match missing.is_empty() {
        true => Ok(()),
        false => Err(ViewError::MissingFields {
            message_type: expected,
            missing,
        }),
    }
}

/// The example in the docs of a view (empty for the views without one).
macro_rules! view_example {
    (SendReq) => {
        r#"
A sender builds one (the mandatory fields are the arguments) and an MMSC reads it:

```
use mms_pdu::prelude::*;
let pdu = SendReq::build("T1", FromValue::insert_address(), ContentType::well_known(WellKnownMedia::TEXT_PLAIN))
    .to("+15550100/TYPE=PLMN")
    .to("anna@example.org")
    .subject(EncodedString::utf8("Grüße"))
    .body_octets(b"Hello")
    .size_budget(300 * 1024)
    .build()?;
let wire = pdu.encode_to_vec()?;
let decoded = Pdu::decode(&wire)?;
let req = SendReq::try_from(&decoded)?;
assert_eq!(req.to().count(), 2);
assert_eq!(decoded.subject_text(&DecodeOptions::new()).as_deref(), Some("Grüße"));
assert_eq!(req.body(), Some(&b"Hello"[..]));
# Ok::<(), Box<dyn std::error::Error>>(())
```
"#
    };
    (RetrieveConf) => {
        r#"
A phone reads the message it fetched:

```
use mms_pdu::prelude::*;
let wire = include_bytes!("../../samples/m-retrieve-conf.mms");
let pdu = Pdu::decode(wire)?;
let conf = RetrieveConf::try_from(&pdu)?;
assert!(conf.subject().is_some());
assert_eq!(pdu.subject_text(&DecodeOptions::new()).as_deref(), Some("Café"));
assert_eq!(conf.to().count(), 2);
let parts = pdu.multipart().unwrap()?.parts_vec()?;
assert_eq!(parts.len(), 6);
// Or as a reader shows it: text, attachments, slides.
let message = MessageView::new(&pdu);
assert!(message.text().is_some());
# Ok::<(), Box<dyn std::error::Error>>(())
```
"#
    };
    ($other:ident) => {
        ""
    };
}

/// Turns the presence table ([`crate::mms::presence`]) into one view and one builder per
/// message type, and [`PduView`] over them all.
///
/// For each type, `with_field!` walks the rows: it looks up the field's accessor, header
/// variant and value type, and `@field` files the field as `one` (single), `many`
/// (repeatable, `R`) or `ct` (Content-Type, which brings `body()`) and, when it is mandatory
/// (`M`), as an argument of `build(...)`, in table order. Message-Type and MMS-Version have no
/// accessor of their own (every view has `version()`). `@view` then writes the view and its
/// builder ([`crate::mms::build`]).
macro_rules! pdu_views {
    (@type $head:tt { $($rows:tt)* }) => {
        with_field! { [$head [] []] $($rows)* }
    };
    (@field [$head:tt $build:tt $fields:tt] [-]
        $p:ident $($r:ident)? $(@ $since:ident)?; $($rest:tt)*) => {
        with_field! { [$head $build $fields] $($rest)* }
    };
    (@field [$head:tt [$($build:tt)*] [$($fields:tt)*]] [$acc:ident $Variant:ident($Ty:ty)]
        M R $(@ $since:ident)?; $($rest:tt)*) => {
        with_field! {
            [$head [$($build)* ($acc $Variant $Ty)] [$($fields)* many $acc: $Variant($Ty);]]
            $($rest)*
        }
    };
    (@field [$head:tt [$($build:tt)*] [$($fields:tt)*]] [$acc:ident ContentType($Ty:ty)]
        M $(@ $since:ident)?; $($rest:tt)*) => {
        with_field! {
            [$head [$($build)* ($acc ContentType $Ty)] [$($fields)* ct $acc: ContentType($Ty);]]
            $($rest)*
        }
    };
    (@field [$head:tt [$($build:tt)*] [$($fields:tt)*]] [$acc:ident $Variant:ident($Ty:ty)]
        M $(@ $since:ident)?; $($rest:tt)*) => {
        with_field! {
            [$head [$($build)* ($acc $Variant $Ty)] [$($fields)* one $acc: $Variant($Ty);]]
            $($rest)*
        }
    };
    (@field [$head:tt $build:tt [$($fields:tt)*]] [$acc:ident $Variant:ident($Ty:ty)]
        $p:ident R $(@ $since:ident)?; $($rest:tt)*) => {
        with_field! { [$head $build [$($fields)* many $acc: $Variant($Ty);]] $($rest)* }
    };
    (@field [$head:tt $build:tt [$($fields:tt)*]] [$acc:ident ContentType($Ty:ty)]
        $p:ident $(@ $since:ident)?; $($rest:tt)*) => {
        with_field! { [$head $build [$($fields)* ct $acc: ContentType($Ty);]] $($rest)* }
    };
    (@field [$head:tt $build:tt [$($fields:tt)*]] [$acc:ident $Variant:ident($Ty:ty)]
        $p:ident $(@ $since:ident)?; $($rest:tt)*) => {
        with_field! { [$head $build [$($fields)* one $acc: $Variant($Ty);]] $($rest)* }
    };
    (@view [$MT:ident $View:ident $Builder:ident]
        [$(($marg:ident $MVariant:ident $MTy:ty))*]
        [$( $kind:ident $acc:ident : $Variant:ident($Ty:ty); )*]) => {
        #[doc = concat!(
            "A typed view of an ", stringify!($MT), " PDU ([`MessageType::", stringify!($MT),
            "`]): one accessor per field of the type."
        )]
        #[doc = view_example!($View)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize))]
        pub struct $View<'p, 'a> {
            pdu: &'p Pdu<'a>,
        }

        impl<'p, 'a> $View<'p, 'a> {
            /// The PDU beneath (every header, raw ones included).
            pub fn pdu(&self) -> &'p Pdu<'a> {
                self.pdu
            }

            /// X-Mms-MMS-Version.
            pub fn version(&self) -> Option<Version<'a>> {
                self.pdu.version()
            }

            $( pdu_views!(@accessor $kind $acc $Variant $Ty); )*
        }

        /// The PDU as this view when it is of this type and has every mandatory field
        /// (typed); [`Pdu::view`] gives the view without the check.
        impl<'p, 'a> TryFrom<&'p Pdu<'a>> for $View<'p, 'a> {
            type Error = ViewError;
            fn try_from(pdu: &'p Pdu<'a>) -> Result<Self, ViewError> {
                checked(pdu, MessageType::$MT).map(|()| $View { pdu })
            }
        }

        crate::mms::build::typed_builder! {
            $View, $Builder = $MT {
                build($($marg : $MVariant($MTy)),*);
                $( $kind $acc : $Variant($Ty); )*
            }
        }
    };
    (@accessor one $acc:ident $Variant:ident $Ty:ty) => {
        #[doc = concat!("The ", stringify!($Variant), " field (its first typed occurrence).")]
        pub fn $acc(&self) -> Option<$Ty> {
            self.pdu.headers().find_map(|h| match h {
                MmsHeader::$Variant(v) => Some(v),
                _ => None,
            })
        }
    };
    (@accessor many $acc:ident $Variant:ident $Ty:ty) => {
        #[doc = concat!("Every typed ", stringify!($Variant), " value, in wire order.")]
        pub fn $acc(&self) -> impl Iterator<Item = $Ty> + use<'p, 'a> {
            self.pdu.headers().filter_map(|h| match h {
                MmsHeader::$Variant(v) => Some(v),
                _ => None,
            })
        }
    };
    (@accessor ct $acc:ident $Variant:ident $Ty:ty) => {
        pdu_views!(@accessor one $acc $Variant $Ty);

        /// The body: the octets after Content-Type (`None` without a Content-Type).
        pub fn body(&self) -> Option<&'a [u8]> {
            self.pdu.body()
        }
    };
    ($( [$MT:ident $View:ident $Builder:ident] $rows:tt )*) => {
        $( pdu_views!(@type [$MT $View $Builder] $rows); )*

        /// A [`Pdu`] seen as its message type, without checking its mandatory fields (for
        /// that, the views' `try_from`).
        ///
        /// ```
        /// use mms_pdu::prelude::*;
        /// let wire = include_bytes!("../../samples/m-send-req.mms");
        /// let pdu = Pdu::decode(wire)?;
        /// match pdu.view() {
        ///     PduView::SendReq(req) => assert_eq!(req.to().count(), 1),
        ///     PduView::RetrieveConf(conf) => println!("{:?}", conf.subject()),
        ///     PduView::Unknown(pdu) => println!("type {:?}", pdu.message_type()),
        ///     other => println!("{:?}", other.pdu().message_type()),
        /// }
        /// # Ok::<(), DecodeError>(())
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize))]
        pub enum PduView<'p, 'a> {
            $(
                #[doc = concat!("[`MessageType::", stringify!($MT), "`].")]
                $View($View<'p, 'a>),
            )*
            /// An unassigned or missing message type.
            Unknown(&'p Pdu<'a>),
        }

        impl<'p, 'a> PduView<'p, 'a> {
            /// The PDU beneath, whichever its type.
            pub fn pdu(&self) -> &'p Pdu<'a> {
                match self {
                    $( PduView::$View(v) => v.pdu(), )*
                    PduView::Unknown(pdu) => pdu,
                }
            }
        }

        impl<'a> Pdu<'a> {
            /// This PDU as a typed view of its message type.
            pub fn view(&self) -> PduView<'_, 'a> {
                match self.message_type() {
                    $( Some(MessageType::$MT) => PduView::$View($View { pdu: self }), )*
                    _ => PduView::Unknown(self),
                }
            }
        }
    };
}

/// Defines `with_field!` (see [`pdu_views!`]) from one line per field: its accessor, its
/// [`MmsHeader`] variant and value type. `$d` is a `$`, passed in so that the rules of
/// `with_field!` can have variables of their own.
macro_rules! field_accessors {
    ($d:tt $( $field:ident => $acc:ident: $Variant:ident $value:tt, )*) => {
        macro_rules! with_field {
            ([$d head:tt $d build:tt $d fields:tt]) => {
                pdu_views!(@view $d head $d build $d fields);
            };
            ($d state:tt MESSAGE_TYPE: $d ($d rest:tt)*) => {
                pdu_views!(@field $d state [-] $d ($d rest)*);
            };
            ($d state:tt MMS_VERSION: $d ($d rest:tt)*) => {
                pdu_views!(@field $d state [-] $d ($d rest)*);
            };
            $( ($d state:tt $field: $d ($d rest:tt)*) => {
                pdu_views!(@field $d state [$acc $Variant $value] $d ($d rest)*);
            }; )*
        }
    };
}

field_accessors! { $
    BCC => bcc: Bcc(Address<'a>),
    CC => cc: Cc(Address<'a>),
    CONTENT_LOCATION => content_location: ContentLocation(ContentLocationValue<'a>),
    CONTENT_TYPE => content_type: ContentType(ContentTypeValue<'a>),
    DATE => date: Date(DateValue),
    DELIVERY_REPORT => delivery_report: DeliveryReport(YesNo),
    DELIVERY_TIME => delivery_time: DeliveryTime(TimeValue),
    EXPIRY => expiry: Expiry(TimeValue),
    FROM => from: From(FromValue<'a>),
    MESSAGE_CLASS => message_class: MessageClass(MessageClassValue<'a>),
    MESSAGE_ID => message_id: MessageId(TextString<'a>),
    MESSAGE_SIZE => message_size: MessageSize(IntegerValue),
    PRIORITY => priority: Priority(Priority),
    READ_REPORT => read_report: ReadReport(YesNo),
    REPORT_ALLOWED => report_allowed: ReportAllowed(YesNo),
    RESPONSE_STATUS => response_status: ResponseStatus(ResponseStatusValue),
    RESPONSE_TEXT => response_text: ResponseText(ResponseTextValue<'a>),
    SENDER_VISIBILITY => sender_visibility: SenderVisibility(SenderVisibility),
    STATUS => status: Status(Status),
    SUBJECT => subject: Subject(EncodedString<'a>),
    TO => to: To(Address<'a>),
    TRANSACTION_ID => transaction_id: TransactionId(TextString<'a>),
    RETRIEVE_STATUS => retrieve_status: RetrieveStatus(RetrieveStatus),
    RETRIEVE_TEXT => retrieve_text: RetrieveText(EncodedString<'a>),
    READ_STATUS => read_status: ReadStatus(ReadStatus),
    REPLY_CHARGING => reply_charging: ReplyCharging(ReplyCharging),
    REPLY_CHARGING_DEADLINE => reply_charging_deadline: ReplyChargingDeadline(TimeValue),
    REPLY_CHARGING_ID => reply_charging_id: ReplyChargingId(TextString<'a>),
    REPLY_CHARGING_SIZE => reply_charging_size: ReplyChargingSize(IntegerValue),
    PREVIOUSLY_SENT_BY => previously_sent_by: PreviouslySentBy(PreviouslySentBy<'a>),
    PREVIOUSLY_SENT_DATE => previously_sent_date: PreviouslySentDate(PreviouslySentDate),
    STORE => store: Store(YesNo),
    MM_STATE => mm_state: MmState(MmState),
    MM_FLAGS => mm_flags: MmFlags(MmFlags<'a>),
    STORE_STATUS => store_status: StoreStatus(StoreStatus),
    STORE_STATUS_TEXT => store_status_text: StoreStatusText(EncodedString<'a>),
    STORED => stored: Stored(YesNo),
    ATTRIBUTES => attributes: Attributes(FieldCode),
    TOTALS => totals: Totals(YesNo),
    MBOX_TOTALS => mbox_totals: MboxTotals(MboxTotals),
    QUOTAS => quotas: Quotas(YesNo),
    MBOX_QUOTAS => mbox_quotas: MboxQuotas(MboxQuotas),
    MESSAGE_COUNT => message_count: MessageCount(IntegerValue),
    START => start: Start(IntegerValue),
    DISTRIBUTION_INDICATOR => distribution_indicator: DistributionIndicator(YesNo),
    ELEMENT_DESCRIPTOR => element_descriptor: ElementDescriptor(ElementDescriptor<'a>),
    LIMIT => limit: Limit(IntegerValue),
    RECOMMENDED_RETRIEVAL_MODE =>
        recommended_retrieval_mode: RecommendedRetrievalMode(RetrievalMode),
    RECOMMENDED_RETRIEVAL_MODE_TEXT =>
        recommended_retrieval_mode_text: RecommendedRetrievalModeText(EncodedString<'a>),
    STATUS_TEXT => status_text: StatusText(EncodedString<'a>),
    APPLIC_ID => applic_id: ApplicId(TextString<'a>),
    REPLY_APPLIC_ID => reply_applic_id: ReplyApplicId(TextString<'a>),
    AUX_APPLIC_INFO => aux_applic_info: AuxApplicInfo(TextString<'a>),
    CONTENT_CLASS => content_class: ContentClass(ContentClass),
    DRM_CONTENT => drm_content: DrmContent(YesNo),
    ADAPTATION_ALLOWED => adaptation_allowed: AdaptationAllowed(YesNo),
    REPLACE_ID => replace_id: ReplaceId(TextString<'a>),
    CANCEL_ID => cancel_id: CancelId(TextString<'a>),
    CANCEL_STATUS => cancel_status: CancelStatus(CancelStatus),
}

crate::mms::presence::pdu_table!(pdu_views);

mod answer;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_message_type_says_what_it_found() {
        let send_req = Pdu::decode(b"\x8C\x80\x98T\0\x8D\x93").unwrap();
        let ViewError::WrongMessageType(e) = NotificationInd::try_from(&send_req).unwrap_err()
        else {
            panic!("wrong type")
        };
        assert_eq!(
            e,
            WrongMessageType {
                expected: MessageType::NOTIFICATION_IND,
                found: Some(MessageType::SEND_REQ),
            }
        );
        assert_eq!(
            e.to_string(),
            "expected m-notification-ind, found m-send-req"
        );
        let none = WrongMessageType {
            expected: MessageType::SEND_CONF,
            found: None,
        };
        assert_eq!(
            none.to_string(),
            "expected m-send-conf, found no message type"
        );
        let unassigned = WrongMessageType {
            expected: MessageType::SEND_CONF,
            found: Some(MessageType::new(0xFF)),
        };
        assert_eq!(
            unassigned.to_string(),
            alloc::format!("expected m-send-conf, found {}", MessageType::new(0xFF))
        );
        let _: &dyn core::error::Error = &none;
    }

    #[test]
    fn views_name_every_missing_mandatory_field() {
        use crate::base::options::DecodeOptions;
        let wire: &[u8] = b"\x8C\x82\x98T2\0\x8D\x92\x89\x18\x80+15551234567/TYPE=PLMN\0\x8A\x80\
            \x8E\x02\x30\x39\x88\x05\x81\x03\x03\xF4\x80\x83http://mmsc.example/m1\0";
        assert!(NotificationInd::try_from(&Pdu::decode(wire).unwrap()).is_ok());
        // Each cut on a header boundary: lenient and strict decodes keep it, the view refuses.
        for (cut, lacks) in [
            (47, &[FieldCode::CONTENT_LOCATION][..]),
            (
                36,
                &[
                    FieldCode::CONTENT_LOCATION,
                    FieldCode::EXPIRY,
                    FieldCode::MESSAGE_SIZE,
                ],
            ),
        ] {
            for strict in [false, true] {
                let options = DecodeOptions::new().strict(strict);
                let pdu = Pdu::decode_with(&wire[..cut], &options).unwrap();
                let e = NotificationInd::try_from(&pdu).unwrap_err();
                let ViewError::MissingFields {
                    message_type,
                    missing,
                } = e
                else {
                    panic!("{e}")
                };
                assert_eq!(message_type, MessageType::NOTIFICATION_IND);
                let mut want = lacks.to_vec();
                want.sort_by_key(|f| f.get());
                assert_eq!(missing.iter().collect::<alloc::vec::Vec<_>>(), want);
            }
        }
        // A mandatory field kept raw is missing too: X-Mms-Message-Size as a text.
        let raw = b"\x8C\x82\x98T\0\x8D\x92\x8A\x80\x8Eab\0\x88\x05\x81\x03\x03\xF4\x80\x83u\0";
        let pdu = Pdu::decode(raw).unwrap();
        assert!(pdu.contains(FieldCode::MESSAGE_SIZE));
        assert!(matches!(
            NotificationInd::try_from(&pdu),
            Err(ViewError::MissingFields { missing, .. })
                if missing.iter().eq([FieldCode::MESSAGE_SIZE])
        ));
        // m-send-req: one recipient of any kind is enough, none is reported as To.
        let send = |recipient: &[u8]| {
            let mut w = b"\x8C\x80\x98T\0\x8D\x93\x89\x01\x81".to_vec();
            w.extend_from_slice(recipient);
            w.extend_from_slice(b"\x84\xA3");
            w
        };
        assert!(SendReq::try_from(&Pdu::decode(&send(b"\x82c\0")).unwrap()).is_ok());
        let none = send(b"");
        let e = SendReq::try_from(&Pdu::decode(&none).unwrap()).unwrap_err();
        assert_eq!(e.to_string(), "m-send-req lacks mandatory To");
    }
}
