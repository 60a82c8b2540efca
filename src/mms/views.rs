//! Typed views: one struct per PDU type over a decoded or built [`Pdu`], with an accessor per
//! field that type has (REFERENCE.md §7.4, [`crate::mms::presence`]).
//!
//! Get one with [`Pdu::view`] (a [`PduView`] over the 24 types and `Unknown`) or with
//! `TryFrom<&Pdu>` (`NotificationInd::try_from(&pdu)`). Single fields return `Option<T>` (the
//! first occurrence; decoding is lenient, so even a mandatory field may be missing: see
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
//! assert_eq!(n.content_location().unwrap().uri_bytes(), b"http://mmsc.example/m1");
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
use crate::mms::values::{
    Address, ContentLocationValue, ContentTypeValue, ElementDescriptor, FromValue, MboxQuotas,
    MboxTotals, MessageClassValue, MmFlags, PreviouslySentBy, PreviouslySentDate,
    ResponseStatusValue, ResponseTextValue, TimeValue,
};

/// A [`Pdu`] was not of the message type a view asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct WrongMessageType {
    /// The type the view is for.
    pub expected: MessageType,
    /// The PDU's type (`None` without an X-Mms-Message-Type).
    pub found: Option<MessageType>,
}

impl fmt::Display for WrongMessageType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.found {
            Some(found) => write!(f, "expected {}, found {found}", self.expected),
            None => write!(f, "expected {}, found no message type", self.expected),
        }
    }
}

impl core::error::Error for WrongMessageType {}

macro_rules! pdu_types {
    ($(
        $View:ident, $Builder:ident = $MT:ident {
            build($($marg:ident : $MVariant:ident($MTy:ty)),*);
            $( $kind:ident $acc:ident : $Variant:ident($Ty:ty); )*
        }
    )*) => {
        $(
            #[doc = concat!(
                "A typed view of an ", stringify!($MT), " PDU ([`MessageType::", stringify!($MT),
                "`]): one accessor per field of the type."
            )]
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

                $( pdu_types!(@accessor $kind $acc $Variant $Ty); )*
            }

            impl<'p, 'a> TryFrom<&'p Pdu<'a>> for $View<'p, 'a> {
                type Error = WrongMessageType;
                fn try_from(pdu: &'p Pdu<'a>) -> Result<Self, WrongMessageType> {
                    match pdu.message_type() {
                        Some(MessageType::$MT) => Ok($View { pdu }),
                        found => Err(WrongMessageType {
                            expected: MessageType::$MT,
                            found,
                        }),
                    }
                }
            }

            crate::mms::build::typed_builder! {
                $View, $Builder = $MT {
                    build($($marg : $MVariant($MTy)),*);
                    $( $kind $acc : $Variant($Ty); )*
                }
            }
        )*

        /// A [`Pdu`] seen as its message type.
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
        pdu_types!(@accessor one $acc $Variant $Ty);

        /// The body: the octets after Content-Type (`None` without a Content-Type).
        pub fn body(&self) -> Option<&'a [u8]> {
            self.pdu.body()
        }
    };
}

// The field lists follow the presence table (crate::mms::presence), in canonical order
// without Message-Type and MMS-Version. `build(...)` lists the mandatory fields.
pdu_types! {
    SendReq, SendReqBuilder = SEND_REQ {
        build(transaction_id: TransactionId(TextString<'a>), from: From(FromValue<'a>), content_type: ContentType(ContentTypeValue<'a>));
        one transaction_id: TransactionId(TextString<'a>);
        one date: Date(DateValue);
        one from: From(FromValue<'a>);
        many to: To(Address<'a>);
        many cc: Cc(Address<'a>);
        many bcc: Bcc(Address<'a>);
        one subject: Subject(EncodedString<'a>);
        one message_class: MessageClass(MessageClassValue<'a>);
        one expiry: Expiry(TimeValue);
        one delivery_time: DeliveryTime(TimeValue);
        one priority: Priority(Priority);
        one sender_visibility: SenderVisibility(SenderVisibility);
        one delivery_report: DeliveryReport(YesNo);
        one read_report: ReadReport(YesNo);
        one reply_charging: ReplyCharging(ReplyCharging);
        one reply_charging_deadline: ReplyChargingDeadline(TimeValue);
        one reply_charging_size: ReplyChargingSize(IntegerValue);
        one reply_charging_id: ReplyChargingId(TextString<'a>);
        one store: Store(YesNo);
        one mm_state: MmState(MmState);
        many mm_flags: MmFlags(MmFlags<'a>);
        one applic_id: ApplicId(TextString<'a>);
        one reply_applic_id: ReplyApplicId(TextString<'a>);
        one aux_applic_info: AuxApplicInfo(TextString<'a>);
        one content_class: ContentClass(ContentClass);
        one drm_content: DrmContent(YesNo);
        one adaptation_allowed: AdaptationAllowed(YesNo);
        ct content_type: ContentType(ContentTypeValue<'a>);
    }
    SendConf, SendConfBuilder = SEND_CONF {
        build(transaction_id: TransactionId(TextString<'a>), response_status: ResponseStatus(ResponseStatusValue));
        one transaction_id: TransactionId(TextString<'a>);
        one response_status: ResponseStatus(ResponseStatusValue);
        one response_text: ResponseText(ResponseTextValue<'a>);
        one message_id: MessageId(TextString<'a>);
        one content_location: ContentLocation(ContentLocationValue<'a>);
        one store_status: StoreStatus(StoreStatus);
        one store_status_text: StoreStatusText(EncodedString<'a>);
    }
    NotificationInd, NotificationIndBuilder = NOTIFICATION_IND {
        build(transaction_id: TransactionId(TextString<'a>), message_class: MessageClass(MessageClassValue<'a>), message_size: MessageSize(IntegerValue), expiry: Expiry(TimeValue), content_location: ContentLocation(ContentLocationValue<'a>));
        one transaction_id: TransactionId(TextString<'a>);
        one from: From(FromValue<'a>);
        one subject: Subject(EncodedString<'a>);
        one delivery_report: DeliveryReport(YesNo);
        one stored: Stored(YesNo);
        one message_class: MessageClass(MessageClassValue<'a>);
        one priority: Priority(Priority);
        one message_size: MessageSize(IntegerValue);
        one expiry: Expiry(TimeValue);
        one reply_charging: ReplyCharging(ReplyCharging);
        one reply_charging_deadline: ReplyChargingDeadline(TimeValue);
        one reply_charging_size: ReplyChargingSize(IntegerValue);
        one reply_charging_id: ReplyChargingId(TextString<'a>);
        one content_location: ContentLocation(ContentLocationValue<'a>);
        one element_descriptor: ElementDescriptor(ElementDescriptor<'a>);
        one distribution_indicator: DistributionIndicator(YesNo);
        one recommended_retrieval_mode: RecommendedRetrievalMode(RetrievalMode);
        one recommended_retrieval_mode_text: RecommendedRetrievalModeText(EncodedString<'a>);
        one applic_id: ApplicId(TextString<'a>);
        one reply_applic_id: ReplyApplicId(TextString<'a>);
        one aux_applic_info: AuxApplicInfo(TextString<'a>);
        one content_class: ContentClass(ContentClass);
        one drm_content: DrmContent(YesNo);
        one replace_id: ReplaceId(TextString<'a>);
    }
    NotifyRespInd, NotifyRespIndBuilder = NOTIFYRESP_IND {
        build(transaction_id: TransactionId(TextString<'a>), status: Status(Status));
        one transaction_id: TransactionId(TextString<'a>);
        one status: Status(Status);
        one report_allowed: ReportAllowed(YesNo);
    }
    RetrieveConf, RetrieveConfBuilder = RETRIEVE_CONF {
        build(date: Date(DateValue), content_type: ContentType(ContentTypeValue<'a>));
        one transaction_id: TransactionId(TextString<'a>);
        one message_id: MessageId(TextString<'a>);
        one date: Date(DateValue);
        one from: From(FromValue<'a>);
        many previously_sent_by: PreviouslySentBy(PreviouslySentBy<'a>);
        many previously_sent_date: PreviouslySentDate(PreviouslySentDate);
        many to: To(Address<'a>);
        many cc: Cc(Address<'a>);
        one subject: Subject(EncodedString<'a>);
        one mm_state: MmState(MmState);
        many mm_flags: MmFlags(MmFlags<'a>);
        one message_class: MessageClass(MessageClassValue<'a>);
        one priority: Priority(Priority);
        one delivery_report: DeliveryReport(YesNo);
        one read_report: ReadReport(YesNo);
        one reply_charging: ReplyCharging(ReplyCharging);
        one reply_charging_deadline: ReplyChargingDeadline(TimeValue);
        one reply_charging_size: ReplyChargingSize(IntegerValue);
        one reply_charging_id: ReplyChargingId(TextString<'a>);
        one retrieve_status: RetrieveStatus(RetrieveStatus);
        one retrieve_text: RetrieveText(EncodedString<'a>);
        one distribution_indicator: DistributionIndicator(YesNo);
        one applic_id: ApplicId(TextString<'a>);
        one reply_applic_id: ReplyApplicId(TextString<'a>);
        one aux_applic_info: AuxApplicInfo(TextString<'a>);
        one content_class: ContentClass(ContentClass);
        one drm_content: DrmContent(YesNo);
        one replace_id: ReplaceId(TextString<'a>);
        ct content_type: ContentType(ContentTypeValue<'a>);
    }
    AcknowledgeInd, AcknowledgeIndBuilder = ACKNOWLEDGE_IND {
        build(transaction_id: TransactionId(TextString<'a>));
        one transaction_id: TransactionId(TextString<'a>);
        one report_allowed: ReportAllowed(YesNo);
    }
    DeliveryInd, DeliveryIndBuilder = DELIVERY_IND {
        build(message_id: MessageId(TextString<'a>), to: To(Address<'a>), date: Date(DateValue), status: Status(Status));
        one message_id: MessageId(TextString<'a>);
        one to: To(Address<'a>);
        one date: Date(DateValue);
        one status: Status(Status);
        one status_text: StatusText(EncodedString<'a>);
        one applic_id: ApplicId(TextString<'a>);
        one reply_applic_id: ReplyApplicId(TextString<'a>);
        one aux_applic_info: AuxApplicInfo(TextString<'a>);
    }
    ReadRecInd, ReadRecIndBuilder = READ_REC_IND {
        build(message_id: MessageId(TextString<'a>), to: To(Address<'a>), from: From(FromValue<'a>), read_status: ReadStatus(ReadStatus));
        one message_id: MessageId(TextString<'a>);
        one to: To(Address<'a>);
        one from: From(FromValue<'a>);
        one date: Date(DateValue);
        one read_status: ReadStatus(ReadStatus);
        one applic_id: ApplicId(TextString<'a>);
        one reply_applic_id: ReplyApplicId(TextString<'a>);
        one aux_applic_info: AuxApplicInfo(TextString<'a>);
    }
    ReadOrigInd, ReadOrigIndBuilder = READ_ORIG_IND {
        build(message_id: MessageId(TextString<'a>), to: To(Address<'a>), from: From(FromValue<'a>), date: Date(DateValue), read_status: ReadStatus(ReadStatus));
        one message_id: MessageId(TextString<'a>);
        one to: To(Address<'a>);
        one from: From(FromValue<'a>);
        one date: Date(DateValue);
        one read_status: ReadStatus(ReadStatus);
        one applic_id: ApplicId(TextString<'a>);
        one reply_applic_id: ReplyApplicId(TextString<'a>);
        one aux_applic_info: AuxApplicInfo(TextString<'a>);
    }
    ForwardReq, ForwardReqBuilder = FORWARD_REQ {
        build(transaction_id: TransactionId(TextString<'a>), from: From(FromValue<'a>), content_location: ContentLocation(ContentLocationValue<'a>));
        one transaction_id: TransactionId(TextString<'a>);
        one date: Date(DateValue);
        one from: From(FromValue<'a>);
        many to: To(Address<'a>);
        many cc: Cc(Address<'a>);
        many bcc: Bcc(Address<'a>);
        one expiry: Expiry(TimeValue);
        one delivery_time: DeliveryTime(TimeValue);
        one report_allowed: ReportAllowed(YesNo);
        one delivery_report: DeliveryReport(YesNo);
        one read_report: ReadReport(YesNo);
        one store: Store(YesNo);
        one mm_state: MmState(MmState);
        many mm_flags: MmFlags(MmFlags<'a>);
        one reply_charging: ReplyCharging(ReplyCharging);
        one reply_charging_deadline: ReplyChargingDeadline(TimeValue);
        one reply_charging_size: ReplyChargingSize(IntegerValue);
        one content_location: ContentLocation(ContentLocationValue<'a>);
    }
    ForwardConf, ForwardConfBuilder = FORWARD_CONF {
        build(transaction_id: TransactionId(TextString<'a>), response_status: ResponseStatus(ResponseStatusValue));
        one transaction_id: TransactionId(TextString<'a>);
        one response_status: ResponseStatus(ResponseStatusValue);
        one response_text: ResponseText(ResponseTextValue<'a>);
        one message_id: MessageId(TextString<'a>);
        one content_location: ContentLocation(ContentLocationValue<'a>);
        one store_status: StoreStatus(StoreStatus);
        one store_status_text: StoreStatusText(EncodedString<'a>);
    }
    MboxStoreReq, MboxStoreReqBuilder = MBOX_STORE_REQ {
        build(transaction_id: TransactionId(TextString<'a>), content_location: ContentLocation(ContentLocationValue<'a>));
        one transaction_id: TransactionId(TextString<'a>);
        one content_location: ContentLocation(ContentLocationValue<'a>);
        one mm_state: MmState(MmState);
        many mm_flags: MmFlags(MmFlags<'a>);
    }
    MboxStoreConf, MboxStoreConfBuilder = MBOX_STORE_CONF {
        build(transaction_id: TransactionId(TextString<'a>), store_status: StoreStatus(StoreStatus));
        one transaction_id: TransactionId(TextString<'a>);
        one content_location: ContentLocation(ContentLocationValue<'a>);
        one store_status: StoreStatus(StoreStatus);
        one store_status_text: StoreStatusText(EncodedString<'a>);
    }
    MboxViewReq, MboxViewReqBuilder = MBOX_VIEW_REQ {
        build(transaction_id: TransactionId(TextString<'a>));
        one transaction_id: TransactionId(TextString<'a>);
        many content_location: ContentLocation(ContentLocationValue<'a>);
        many mm_state: MmState(MmState);
        many mm_flags: MmFlags(MmFlags<'a>);
        one start: Start(IntegerValue);
        one limit: Limit(IntegerValue);
        many attributes: Attributes(FieldCode);
        one totals: Totals(YesNo);
        one quotas: Quotas(YesNo);
    }
    MboxViewConf, MboxViewConfBuilder = MBOX_VIEW_CONF {
        build(transaction_id: TransactionId(TextString<'a>), response_status: ResponseStatus(ResponseStatusValue));
        one transaction_id: TransactionId(TextString<'a>);
        one response_status: ResponseStatus(ResponseStatusValue);
        one response_text: ResponseText(ResponseTextValue<'a>);
        many content_location: ContentLocation(ContentLocationValue<'a>);
        many mm_state: MmState(MmState);
        many mm_flags: MmFlags(MmFlags<'a>);
        one start: Start(IntegerValue);
        one limit: Limit(IntegerValue);
        many attributes: Attributes(FieldCode);
        many mbox_totals: MboxTotals(MboxTotals);
        many mbox_quotas: MboxQuotas(MboxQuotas);
        one message_count: MessageCount(IntegerValue);
        ct content_type: ContentType(ContentTypeValue<'a>);
    }
    MboxUploadReq, MboxUploadReqBuilder = MBOX_UPLOAD_REQ {
        build(transaction_id: TransactionId(TextString<'a>), content_type: ContentType(ContentTypeValue<'a>));
        one transaction_id: TransactionId(TextString<'a>);
        one mm_state: MmState(MmState);
        many mm_flags: MmFlags(MmFlags<'a>);
        ct content_type: ContentType(ContentTypeValue<'a>);
    }
    MboxUploadConf, MboxUploadConfBuilder = MBOX_UPLOAD_CONF {
        build(transaction_id: TransactionId(TextString<'a>), store_status: StoreStatus(StoreStatus));
        one transaction_id: TransactionId(TextString<'a>);
        one content_location: ContentLocation(ContentLocationValue<'a>);
        one store_status: StoreStatus(StoreStatus);
        one store_status_text: StoreStatusText(EncodedString<'a>);
    }
    MboxDeleteReq, MboxDeleteReqBuilder = MBOX_DELETE_REQ {
        build(transaction_id: TransactionId(TextString<'a>), content_location: ContentLocation(ContentLocationValue<'a>));
        one transaction_id: TransactionId(TextString<'a>);
        many content_location: ContentLocation(ContentLocationValue<'a>);
    }
    MboxDeleteConf, MboxDeleteConfBuilder = MBOX_DELETE_CONF {
        build(transaction_id: TransactionId(TextString<'a>), response_status: ResponseStatus(ResponseStatusValue));
        one transaction_id: TransactionId(TextString<'a>);
        many content_location: ContentLocation(ContentLocationValue<'a>);
        one response_status: ResponseStatus(ResponseStatusValue);
        many response_text: ResponseText(ResponseTextValue<'a>);
    }
    MboxDescr, MboxDescrBuilder = MBOX_DESCR {
        build();
        one content_location: ContentLocation(ContentLocationValue<'a>);
        one message_id: MessageId(TextString<'a>);
        one mm_state: MmState(MmState);
        many mm_flags: MmFlags(MmFlags<'a>);
        one date: Date(DateValue);
        one from: From(FromValue<'a>);
        many to: To(Address<'a>);
        many cc: Cc(Address<'a>);
        many bcc: Bcc(Address<'a>);
        one message_class: MessageClass(MessageClassValue<'a>);
        one subject: Subject(EncodedString<'a>);
        one priority: Priority(Priority);
        one delivery_time: DeliveryTime(TimeValue);
        one expiry: Expiry(TimeValue);
        one delivery_report: DeliveryReport(YesNo);
        one read_report: ReadReport(YesNo);
        one message_size: MessageSize(IntegerValue);
        one reply_charging: ReplyCharging(ReplyCharging);
        one reply_charging_deadline: ReplyChargingDeadline(TimeValue);
        one reply_charging_size: ReplyChargingSize(IntegerValue);
        one reply_charging_id: ReplyChargingId(TextString<'a>);
        many previously_sent_by: PreviouslySentBy(PreviouslySentBy<'a>);
        many previously_sent_date: PreviouslySentDate(PreviouslySentDate);
        ct content_type: ContentType(ContentTypeValue<'a>);
    }
    DeleteReq, DeleteReqBuilder = DELETE_REQ {
        build(transaction_id: TransactionId(TextString<'a>), content_location: ContentLocation(ContentLocationValue<'a>));
        one transaction_id: TransactionId(TextString<'a>);
        many content_location: ContentLocation(ContentLocationValue<'a>);
    }
    DeleteConf, DeleteConfBuilder = DELETE_CONF {
        build(transaction_id: TransactionId(TextString<'a>), response_status: ResponseStatus(ResponseStatusValue));
        one transaction_id: TransactionId(TextString<'a>);
        many content_location: ContentLocation(ContentLocationValue<'a>);
        one response_status: ResponseStatus(ResponseStatusValue);
        many response_text: ResponseText(ResponseTextValue<'a>);
    }
    CancelReq, CancelReqBuilder = CANCEL_REQ {
        build(transaction_id: TransactionId(TextString<'a>), cancel_id: CancelId(TextString<'a>));
        one transaction_id: TransactionId(TextString<'a>);
        one cancel_id: CancelId(TextString<'a>);
    }
    CancelConf, CancelConfBuilder = CANCEL_CONF {
        build(transaction_id: TransactionId(TextString<'a>));
        one transaction_id: TransactionId(TextString<'a>);
        one cancel_status: CancelStatus(CancelStatus);
    }
}
