//! MMS assigned numbers: message types, versions, header field codes, token values and the
//! status code sets (OMA-TS-MMS_ENC-V1_3 §7.3, §7.4; the version octet is a WAP-230-WSP §8.4.2.3
//! Version-value).

use super::macros::assigned_numbers;

assigned_numbers! {
    /// X-Mms-Message-Type values (OMA-TS-MMS_ENC-V1_3 §7.3.30). The value is the wire
    /// byte (a Short-integer, so assigned number 0 is `0x80`).
    ///
    /// Unknown values are kept as they are, so they re-encode unchanged.
    ///
    /// ```
    /// use mms_pdu::assigned::MessageType;
    ///
    /// assert_eq!(
    ///     MessageType::from_name("m-notification-ind"),
    ///     Some(MessageType::NOTIFICATION_IND)
    /// );
    /// assert_eq!(MessageType::NOTIFICATION_IND.get(), 0x82);
    /// assert_eq!(MessageType::new(0x9f).to_string(), "0x9f");
    /// assert_eq!(format!("{:?}", MessageType::SEND_REQ), "MessageType(m-send-req)");
    /// ```
    pub struct MessageType(u8);
    /// m-send-req: a client submits a message to the MMSC (1.0; has a body).
    SEND_REQ = 0x80, "m-send-req";
    /// m-send-conf: the MMSC answers an m-send-req (1.0).
    SEND_CONF = 0x81, "m-send-conf";
    /// m-notification-ind: the MMSC announces a waiting message, by WAP push (1.0).
    NOTIFICATION_IND = 0x82, "m-notification-ind";
    /// m-notifyresp-ind: the client answers an m-notification-ind (1.0).
    NOTIFYRESP_IND = 0x83, "m-notifyresp-ind";
    /// m-retrieve-conf: the fetched message, answer to the HTTP GET (1.0; has a body).
    RETRIEVE_CONF = 0x84, "m-retrieve-conf";
    /// m-acknowledge-ind: the client acknowledges a retrieved message (1.0).
    ACKNOWLEDGE_IND = 0x85, "m-acknowledge-ind";
    /// m-delivery-ind: the MMSC reports delivery of a sent message (1.0).
    DELIVERY_IND = 0x86, "m-delivery-ind";
    /// m-read-rec-ind: the recipient's client sends a read report (1.1).
    READ_REC_IND = 0x87, "m-read-rec-ind";
    /// m-read-orig-ind: the MMSC forwards a read report to the originator (1.1).
    READ_ORIG_IND = 0x88, "m-read-orig-ind";
    /// m-forward-req: a client forwards a message held by the MMSC (1.1).
    FORWARD_REQ = 0x89, "m-forward-req";
    /// m-forward-conf: the MMSC answers an m-forward-req (1.1).
    FORWARD_CONF = 0x8A, "m-forward-conf";
    /// m-mbox-store-req: a client stores a message in its MMBox (1.2).
    MBOX_STORE_REQ = 0x8B, "m-mbox-store-req";
    /// m-mbox-store-conf: the MMSC answers an m-mbox-store-req (1.2).
    MBOX_STORE_CONF = 0x8C, "m-mbox-store-conf";
    /// m-mbox-view-req: a client lists its MMBox (1.2).
    MBOX_VIEW_REQ = 0x8D, "m-mbox-view-req";
    /// m-mbox-view-conf: the MMBox listing (1.2; body of m-mbox-descr entries).
    MBOX_VIEW_CONF = 0x8E, "m-mbox-view-conf";
    /// m-mbox-upload-req: a client uploads a message to its MMBox (1.2; has a body).
    MBOX_UPLOAD_REQ = 0x8F, "m-mbox-upload-req";
    /// m-mbox-upload-conf: the MMSC answers an m-mbox-upload-req (1.2).
    MBOX_UPLOAD_CONF = 0x90, "m-mbox-upload-conf";
    /// m-mbox-delete-req: a client deletes messages from its MMBox (1.2).
    MBOX_DELETE_REQ = 0x91, "m-mbox-delete-req";
    /// m-mbox-delete-conf: the MMSC answers an m-mbox-delete-req (1.2).
    MBOX_DELETE_CONF = 0x92, "m-mbox-delete-conf";
    /// m-mbox-descr: one MMBox entry inside an m-mbox-view-conf (1.2; optional body).
    MBOX_DESCR = 0x93, "m-mbox-descr";
    /// m-delete-req: delete messages held by the MMSC (1.3).
    DELETE_REQ = 0x94, "m-delete-req";
    /// m-delete-conf: answer to an m-delete-req (1.3).
    DELETE_CONF = 0x95, "m-delete-conf";
    /// m-cancel-req: the MMSC cancels a previously sent message (1.3).
    CANCEL_REQ = 0x96, "m-cancel-req";
    /// m-cancel-conf: answer to an m-cancel-req (1.3).
    CANCEL_CONF = 0x97, "m-cancel-conf";
}

impl MessageType {
    /// The MMS version that introduced this message type (`None` when unassigned).
    pub const fn since(self) -> Option<MmsVersion> {
        match self.0 {
            0x80..=0x86 => Some(MmsVersion::V1_0),
            0x87..=0x8A => Some(MmsVersion::V1_1),
            0x8B..=0x93 => Some(MmsVersion::V1_2),
            0x94..=0x97 => Some(MmsVersion::V1_3),
            _ => None,
        }
    }

    /// `true` for the PDUs that can carry a message body: m-send-req, m-retrieve-conf,
    /// m-mbox-view-conf, m-mbox-upload-req and m-mbox-descr (OMA-TS-MMS_ENC-V1_3 §6). Wireshark
    /// also lists m-delivery-ind; no other source does, and neither does this function.
    pub const fn has_body(self) -> bool {
        matches!(
            self,
            Self::SEND_REQ
                | Self::RETRIEVE_CONF
                | Self::MBOX_VIEW_CONF
                | Self::MBOX_UPLOAD_REQ
                | Self::MBOX_DESCR
        )
    }
}

assigned_numbers! {
    /// X-Mms-MMS-Version values as on the wire: a Short-integer Version-value
    /// (WAP-230-WSP §8.4.2.3), bits 6–4 the major and bits 3–0 the minor version
    /// (15 = "major only").
    pub struct MmsVersion(u8);
    /// MMS 1.0 (OMA MMS_ENC 1.0).
    V1_0 = 0x90, "1.0";
    /// MMS 1.1.
    V1_1 = 0x91, "1.1";
    /// MMS 1.2 (adds the MMBox PDUs).
    V1_2 = 0x92, "1.2";
    /// MMS 1.3 (adds delete and cancel PDUs).
    V1_3 = 0x93, "1.3";
}

impl MmsVersion {
    /// The major version (bits 6–4).
    pub const fn major(self) -> u8 {
        (self.0 >> 4) & 0x07
    }

    /// The minor version (bits 3–0), or `None` when the field is 15 ("major only").
    pub const fn minor(self) -> Option<u8> {
        match self.0 & 0x0F {
            0x0F => None,
            m => Some(m),
        }
    }
}

assigned_numbers! {
    /// MMS header field codes (OMA-TS-MMS_ENC-V1_3 §7.4, Table 25), **without** the high bit: the
    /// wire byte is `code | 0x80` ([`FieldCode::wire`]), so `BCC` is 0x01 and appears as 0x81.
    ///
    /// The same numbers are the values of X-Mms-Attributes (e.g. `A8 96` requests Subject).
    pub struct FieldCode(u8);
    /// `Bcc` (wire 0x81, MMS 1.0): Address (repeatable).
    BCC = 0x01, "Bcc";
    /// `Cc` (wire 0x82, MMS 1.0): Address (repeatable).
    CC = 0x02, "Cc";
    /// `X-Mms-Content-Location` (wire 0x83, MMS 1.0): Content-location-value; Content-location-Del-value in m-mbox-delete-conf / m-delete-conf.
    CONTENT_LOCATION = 0x03, "X-Mms-Content-Location";
    /// `Content-Type` (wire 0x84, MMS 1.0): Content-type-value (WAP-230-WSP §8.4.2.24); last header, body follows.
    CONTENT_TYPE = 0x04, "Content-Type";
    /// `Date` (wire 0x85, MMS 1.0): Date-value.
    DATE = 0x05, "Date";
    /// `X-Mms-Delivery-Report` (wire 0x86, MMS 1.0): Boolean.
    DELIVERY_REPORT = 0x06, "X-Mms-Delivery-Report";
    /// `X-Mms-Delivery-Time` (wire 0x87, MMS 1.0): Time-value.
    DELIVERY_TIME = 0x07, "X-Mms-Delivery-Time";
    /// `X-Mms-Expiry` (wire 0x88, MMS 1.0): Time-value.
    EXPIRY = 0x08, "X-Mms-Expiry";
    /// `From` (wire 0x89, MMS 1.0): From-value.
    FROM = 0x09, "From";
    /// `X-Mms-Message-Class` (wire 0x8A, MMS 1.0): Message-class-value.
    MESSAGE_CLASS = 0x0A, "X-Mms-Message-Class";
    /// `Message-ID` (wire 0x8B, MMS 1.0): Text-string.
    MESSAGE_ID = 0x0B, "Message-ID";
    /// `X-Mms-Message-Type` (wire 0x8C, MMS 1.0): Short-integer, see [`MessageType`].
    MESSAGE_TYPE = 0x0C, "X-Mms-Message-Type";
    /// `X-Mms-MMS-Version` (wire 0x8D, MMS 1.0): Short-integer version, see [`MmsVersion`].
    MMS_VERSION = 0x0D, "X-Mms-MMS-Version";
    /// `X-Mms-Message-Size` (wire 0x8E, MMS 1.0): Long-integer (octets).
    MESSAGE_SIZE = 0x0E, "X-Mms-Message-Size";
    /// `X-Mms-Priority` (wire 0x8F, MMS 1.0): Low 128 / Normal 129 / High 130.
    PRIORITY = 0x0F, "X-Mms-Priority";
    /// `X-Mms-Read-Report` (wire 0x90, MMS 1.0): Boolean.
    READ_REPORT = 0x10, "X-Mms-Read-Report" | "X-Mms-Read-Reply";
    /// `X-Mms-Report-Allowed` (wire 0x91, MMS 1.0): Boolean.
    REPORT_ALLOWED = 0x11, "X-Mms-Report-Allowed";
    /// `X-Mms-Response-Status` (wire 0x92, MMS 1.0): Response-status-value (6.2).
    RESPONSE_STATUS = 0x12, "X-Mms-Response-Status";
    /// `X-Mms-Response-Text` (wire 0x93, MMS 1.0): Encoded-string-value; Response-text-Del-value in the delete confs.
    RESPONSE_TEXT = 0x13, "X-Mms-Response-Text";
    /// `X-Mms-Sender-Visibility` (wire 0x94, MMS 1.0): Hide 128 / Show 129.
    SENDER_VISIBILITY = 0x14, "X-Mms-Sender-Visibility";
    /// `X-Mms-Status` (wire 0x95, MMS 1.0): Status-value (6.2).
    STATUS = 0x15, "X-Mms-Status";
    /// `Subject` (wire 0x96, MMS 1.0): Encoded-string-value.
    SUBJECT = 0x16, "Subject";
    /// `To` (wire 0x97, MMS 1.0): Address (repeatable).
    TO = 0x17, "To";
    /// `X-Mms-Transaction-Id` (wire 0x98, MMS 1.0): Text-string.
    TRANSACTION_ID = 0x18, "X-Mms-Transaction-Id";
    /// `X-Mms-Retrieve-Status` (wire 0x99, MMS 1.1): Retrieve-status-value (6.2).
    RETRIEVE_STATUS = 0x19, "X-Mms-Retrieve-Status";
    /// `X-Mms-Retrieve-Text` (wire 0x9A, MMS 1.1): Encoded-string-value.
    RETRIEVE_TEXT = 0x1A, "X-Mms-Retrieve-Text";
    /// `X-Mms-Read-Status` (wire 0x9B, MMS 1.1): Read 128 / Deleted without being read 129.
    READ_STATUS = 0x1B, "X-Mms-Read-Status";
    /// `X-Mms-Reply-Charging` (wire 0x9C, MMS 1.1): Requested 128 / Requested text only 129 / Accepted 130 / Accepted text only 131.
    REPLY_CHARGING = 0x1C, "X-Mms-Reply-Charging";
    /// `X-Mms-Reply-Charging-Deadline` (wire 0x9D, MMS 1.1): Time-value.
    REPLY_CHARGING_DEADLINE = 0x1D, "X-Mms-Reply-Charging-Deadline";
    /// `X-Mms-Reply-Charging-ID` (wire 0x9E, MMS 1.1): Text-string.
    REPLY_CHARGING_ID = 0x1E, "X-Mms-Reply-Charging-ID";
    /// `X-Mms-Reply-Charging-Size` (wire 0x9F, MMS 1.1): Long-integer.
    REPLY_CHARGING_SIZE = 0x1F, "X-Mms-Reply-Charging-Size";
    /// `X-Mms-Previously-Sent-By` (wire 0xA0, MMS 1.1): Previously-sent-by-value (repeatable).
    PREVIOUSLY_SENT_BY = 0x20, "X-Mms-Previously-Sent-By";
    /// `X-Mms-Previously-Sent-Date` (wire 0xA1, MMS 1.1): Previously-sent-date-value (repeatable).
    PREVIOUSLY_SENT_DATE = 0x21, "X-Mms-Previously-Sent-Date";
    /// `X-Mms-Store` (wire 0xA2, MMS 1.2): Boolean.
    STORE = 0x22, "X-Mms-Store";
    /// `X-Mms-MM-State` (wire 0xA3, MMS 1.2): Draft 128 / Sent 129 / New 130 / Retrieved 131 / Forwarded 132 (repeatable in view PDUs).
    MM_STATE = 0x23, "X-Mms-MM-State";
    /// `X-Mms-MM-Flags` (wire 0xA4, MMS 1.2): MM-flags-value (repeatable).
    MM_FLAGS = 0x24, "X-Mms-MM-Flags";
    /// `X-Mms-Store-Status` (wire 0xA5, MMS 1.2): Store-status-value (6.2).
    STORE_STATUS = 0x25, "X-Mms-Store-Status";
    /// `X-Mms-Store-Status-Text` (wire 0xA6, MMS 1.2): Encoded-string-value.
    STORE_STATUS_TEXT = 0x26, "X-Mms-Store-Status-Text";
    /// `X-Mms-Stored` (wire 0xA7, MMS 1.2): Boolean.
    STORED = 0x27, "X-Mms-Stored";
    /// `X-Mms-Attributes` (wire 0xA8, MMS 1.2): Attributes-value (repeatable).
    ATTRIBUTES = 0x28, "X-Mms-Attributes";
    /// `X-Mms-Totals` (wire 0xA9, MMS 1.2): Boolean.
    TOTALS = 0x29, "X-Mms-Totals";
    /// `X-Mms-Mbox-Totals` (wire 0xAA, MMS 1.2): Mbox-totals-value (up to one per token).
    MBOX_TOTALS = 0x2A, "X-Mms-Mbox-Totals";
    /// `X-Mms-Quotas` (wire 0xAB, MMS 1.2): Boolean.
    QUOTAS = 0x2B, "X-Mms-Quotas";
    /// `X-Mms-Mbox-Quotas` (wire 0xAC, MMS 1.2): Mbox-quotas-value (up to one per token).
    MBOX_QUOTAS = 0x2C, "X-Mms-Mbox-Quotas";
    /// `X-Mms-Message-Count` (wire 0xAD, MMS 1.2): Integer-value.
    MESSAGE_COUNT = 0x2D, "X-Mms-Message-Count";
    /// `Content` (wire 0xAE, MMS 1.2): used only as a value of X-Mms-Attributes (request the body); no value of its own (as implementations use it; not confirmed against the MMS_ENC text).
    CONTENT = 0x2E, "Content";
    /// `X-Mms-Start` (wire 0xAF, MMS 1.2): Integer-value.
    START = 0x2F, "X-Mms-Start";
    /// `Additional-headers` (wire 0xB0, MMS 1.2): used only as a value of X-Mms-Attributes; no value of its own (as implementations use it; not confirmed against the MMS_ENC text).
    ADDITIONAL_HEADERS = 0x30, "Additional-headers";
    /// `X-Mms-Distribution-Indicator` (wire 0xB1, MMS 1.2): Boolean.
    DISTRIBUTION_INDICATOR = 0x31, "X-Mms-Distribution-Indicator";
    /// `X-Mms-Element-Descriptor` (wire 0xB2, MMS 1.2): Element-Descriptor-value.
    ELEMENT_DESCRIPTOR = 0x32, "X-Mms-Element-Descriptor";
    /// `X-Mms-Limit` (wire 0xB3, MMS 1.2): Integer-value.
    LIMIT = 0x33, "X-Mms-Limit";
    /// `X-Mms-Recommended-Retrieval-Mode` (wire 0xB4, MMS 1.3): Manual 128.
    RECOMMENDED_RETRIEVAL_MODE = 0x34, "X-Mms-Recommended-Retrieval-Mode";
    /// `X-Mms-Recommended-Retrieval-Mode-Text` (wire 0xB5, MMS 1.3): Encoded-string-value.
    RECOMMENDED_RETRIEVAL_MODE_TEXT = 0x35, "X-Mms-Recommended-Retrieval-Mode-Text";
    /// `X-Mms-Status-Text` (wire 0xB6, MMS 1.3): Encoded-string-value.
    STATUS_TEXT = 0x36, "X-Mms-Status-Text";
    /// `X-Mms-Applic-ID` (wire 0xB7, MMS 1.3): Text-string.
    APPLIC_ID = 0x37, "X-Mms-Applic-ID";
    /// `X-Mms-Reply-Applic-ID` (wire 0xB8, MMS 1.3): Text-string.
    REPLY_APPLIC_ID = 0x38, "X-Mms-Reply-Applic-ID";
    /// `X-Mms-Aux-Applic-Info` (wire 0xB9, MMS 1.3): Text-string.
    AUX_APPLIC_INFO = 0x39, "X-Mms-Aux-Applic-Info";
    /// `X-Mms-Content-Class` (wire 0xBA, MMS 1.3): text 128 / image-basic 129 / image-rich 130 / video-basic 131 / video-rich 132 / megapixel 133 / content-basic 134 / content-rich 135.
    CONTENT_CLASS = 0x3A, "X-Mms-Content-Class";
    /// `X-Mms-DRM-Content` (wire 0xBB, MMS 1.3): Boolean.
    DRM_CONTENT = 0x3B, "X-Mms-DRM-Content";
    /// `X-Mms-Adaptation-Allowed` (wire 0xBC, MMS 1.3): Boolean.
    ADAPTATION_ALLOWED = 0x3C, "X-Mms-Adaptation-Allowed";
    /// `X-Mms-Replace-ID` (wire 0xBD, MMS 1.3): Text-string.
    REPLACE_ID = 0x3D, "X-Mms-Replace-ID";
    /// `X-Mms-Cancel-ID` (wire 0xBE, MMS 1.3): Text-string.
    CANCEL_ID = 0x3E, "X-Mms-Cancel-ID";
    /// `X-Mms-Cancel-Status` (wire 0xBF, MMS 1.3): Cancel Request Successfully received 128 / Cancel Request corrupted 129.
    CANCEL_STATUS = 0x3F, "X-Mms-Cancel-Status";
}

impl FieldCode {
    /// The MMS version that defined this field (`None` when unassigned).
    pub const fn since(self) -> Option<MmsVersion> {
        match self.0 {
            0x01..=0x18 => Some(MmsVersion::V1_0),
            0x19..=0x21 => Some(MmsVersion::V1_1),
            0x22..=0x33 => Some(MmsVersion::V1_2),
            0x34..=0x3F => Some(MmsVersion::V1_3),
            _ => None,
        }
    }

    /// The wire octet: the code as a Short-integer (`code | 0x80`).
    pub const fn wire(self) -> u8 {
        self.0 | 0x80
    }

    /// The field code carried by a wire octet (`b & 0x7F`).
    pub const fn from_wire(b: u8) -> Self {
        Self(b & 0x7F)
    }
}

assigned_numbers! {
    /// Boolean token of the Yes/No fields (Delivery-Report, Read-Report, Report-Allowed,
    /// Store, Stored, Totals, Quotas, Distribution-Indicator, DRM-Content,
    /// Adaptation-Allowed; OMA-TS-MMS_ENC-V1_3 §7.3). Wire byte.
    pub struct YesNo(u8);
    /// Yes (1.0).
    YES = 0x80, "Yes";
    /// No (1.0).
    NO = 0x81, "No";
}

assigned_numbers! {
    /// X-Mms-Message-Class Class-identifier tokens (OMA-TS-MMS_ENC-V1_3 §7.3.27). Wire byte; the
    /// field may instead carry Token-text.
    pub struct MessageClass(u8);
    /// Personal: a message from a person (1.0).
    PERSONAL = 0x80, "Personal";
    /// Advertisement (1.0).
    ADVERTISEMENT = 0x81, "Advertisement";
    /// Informational (1.0).
    INFORMATIONAL = 0x82, "Informational";
    /// Auto: generated automatically; no delivery or read reports may be requested (1.0).
    AUTO = 0x83, "Auto";
}

assigned_numbers! {
    /// X-Mms-Priority tokens (OMA-TS-MMS_ENC-V1_3 §7.3.35). Wire byte.
    pub struct Priority(u8);
    /// Low priority (1.0).
    LOW = 0x80, "Low";
    /// Normal priority (1.0).
    NORMAL = 0x81, "Normal";
    /// High priority (1.0).
    HIGH = 0x82, "High";
}

assigned_numbers! {
    /// X-Mms-Sender-Visibility tokens (OMA-TS-MMS_ENC-V1_3 §7.3.52). Wire byte.
    pub struct SenderVisibility(u8);
    /// Hide the sender's address from the recipient (1.0).
    HIDE = 0x80, "Hide";
    /// Show the sender's address (1.0).
    SHOW = 0x81, "Show";
}

assigned_numbers! {
    /// X-Mms-Status values of m-notifyresp-ind and m-delivery-ind (OMA-TS-MMS_ENC-V1_3 §7.3.54).
    /// Wire byte. AOSP rejects values above 0x87; this type keeps them.
    pub struct Status(u8);
    /// Expired: the message expired before it was retrieved (1.0).
    EXPIRED = 0x80, "Expired";
    /// Retrieved: the message was retrieved (1.0).
    RETRIEVED = 0x81, "Retrieved";
    /// Rejected: the recipient rejected the message (1.0).
    REJECTED = 0x82, "Rejected";
    /// Deferred: the recipient will retrieve the message later (1.0).
    DEFERRED = 0x83, "Deferred";
    /// Unrecognised: the message was not recognised (1.0).
    UNRECOGNISED = 0x84, "Unrecognised";
    /// Indeterminate: the delivery state is not known (1.1).
    INDETERMINATE = 0x85, "Indeterminate";
    /// Forwarded: the recipient forwarded the message without retrieving it (1.1).
    FORWARDED = 0x86, "Forwarded";
    /// Unreachable: the recipient could not be reached (1.2).
    UNREACHABLE = 0x87, "Unreachable";
}

impl Status {
    /// The MMS version that introduced this status (`None` when unassigned).
    pub const fn since(self) -> Option<MmsVersion> {
        match self.0 {
            0x80..=0x84 => Some(MmsVersion::V1_0),
            0x85..=0x86 => Some(MmsVersion::V1_1),
            0x87 => Some(MmsVersion::V1_2),
            _ => None,
        }
    }
}

assigned_numbers! {
    /// X-Mms-Read-Status tokens of the read reports (OMA-TS-MMS_ENC-V1_3 §7.3.38). Wire byte.
    pub struct ReadStatus(u8);
    /// Read: the recipient read the message (1.1).
    READ = 0x80, "Read";
    /// Deleted without being read (1.1).
    DELETED_WITHOUT_BEING_READ = 0x81, "Deleted without being read";
}

assigned_numbers! {
    /// X-Mms-Reply-Charging tokens (OMA-TS-MMS_ENC-V1_3 §7.3.43). Wire byte. The sender uses the
    /// Requested forms, the MMSC the Accepted forms.
    pub struct ReplyCharging(u8);
    /// Requested: the sender pays for a reply (1.1).
    REQUESTED = 0x80, "Requested";
    /// Requested text only: the sender pays for a text-only reply (1.1).
    REQUESTED_TEXT_ONLY = 0x81, "Requested text only";
    /// Accepted: the MMSC accepted reply charging (1.1).
    ACCEPTED = 0x82, "Accepted";
    /// Accepted text only: the MMSC accepted text-only reply charging (1.1).
    ACCEPTED_TEXT_ONLY = 0x83, "Accepted text only";
}

assigned_numbers! {
    /// X-Mms-MM-State tokens of an MMBox entry (OMA-TS-MMS_ENC-V1_3 §7.3.33). Wire byte.
    pub struct MmState(u8);
    /// Draft (1.2).
    DRAFT = 0x80, "Draft";
    /// Sent (1.2).
    SENT = 0x81, "Sent";
    /// New: received, not yet retrieved (1.2).
    NEW = 0x82, "New";
    /// Retrieved (1.2).
    RETRIEVED = 0x83, "Retrieved";
    /// Forwarded (1.2).
    FORWARDED = 0x84, "Forwarded";
}

assigned_numbers! {
    /// X-Mms-MM-Flags operation token (OMA-TS-MMS_ENC-V1_3 §7.3.32): the first octet of an
    /// MM-flags-value. Wire byte.
    pub struct MmFlagsToken(u8);
    /// Add the keyword (store, upload and send requests; 1.2).
    ADD = 0x80, "Add";
    /// Remove the keyword (1.2).
    REMOVE = 0x81, "Remove";
    /// Filter by the keyword (view requests; 1.2).
    FILTER = 0x82, "Filter";
}

assigned_numbers! {
    /// X-Mms-Mbox-Totals token (OMA-TS-MMS_ENC-V1_3 §7.3): the first octet of an Mbox-totals-value.
    /// Wire byte.
    pub struct MboxTotalsToken(u8);
    /// Message-total: the integer that follows counts messages (1.2).
    MESSAGE_TOTAL = 0x80, "Message-total";
    /// Size-total: the integer that follows counts octets (1.2).
    SIZE_TOTAL = 0x81, "Size-total";
}

assigned_numbers! {
    /// X-Mms-Mbox-Quotas token (OMA-TS-MMS_ENC-V1_3 §7.3): the first octet of an Mbox-quotas-value.
    /// Wire byte.
    pub struct MboxQuotasToken(u8);
    /// Message-quota: the integer that follows counts messages (1.2).
    MESSAGE_QUOTA = 0x80, "Message-quota";
    /// Size-quota: the integer that follows counts octets (1.2).
    SIZE_QUOTA = 0x81, "Size-quota";
}

assigned_numbers! {
    /// X-Mms-Content-Class tokens (OMA-TS-MMS_ENC-V1_3 §7.3.9). Wire byte.
    pub struct ContentClass(u8);
    /// text (1.3).
    TEXT = 0x80, "text";
    /// image-basic (1.3).
    IMAGE_BASIC = 0x81, "image-basic";
    /// image-rich (1.3).
    IMAGE_RICH = 0x82, "image-rich";
    /// video-basic (1.3).
    VIDEO_BASIC = 0x83, "video-basic";
    /// video-rich (1.3).
    VIDEO_RICH = 0x84, "video-rich";
    /// megapixel (1.3).
    MEGAPIXEL = 0x85, "megapixel";
    /// content-basic (1.3).
    CONTENT_BASIC = 0x86, "content-basic";
    /// content-rich (1.3).
    CONTENT_RICH = 0x87, "content-rich";
}

assigned_numbers! {
    /// X-Mms-Recommended-Retrieval-Mode tokens (OMA-TS-MMS_ENC-V1_3 §7.3.39). Wire byte.
    pub struct RetrievalMode(u8);
    /// Manual: the user should start the retrieval (1.3).
    MANUAL = 0x80, "Manual";
}

assigned_numbers! {
    /// X-Mms-Cancel-Status tokens of m-cancel-conf (OMA-TS-MMS_ENC-V1_3 §7.3.7). Wire byte.
    pub struct CancelStatus(u8);
    /// Cancel request successfully received (1.3).
    SUCCESSFULLY_RECEIVED = 0x80, "Cancel Request Successfully received";
    /// Cancel request corrupted (1.3).
    CORRUPTED = 0x81, "Cancel Request corrupted";
}

assigned_numbers! {
    /// From-value token (OMA-TS-MMS_ENC-V1_3 §7.3.21): the octet after the Value-length of From.
    pub struct FromToken(u8);
    /// Address-present: an Encoded-string-value address follows (1.0).
    ADDRESS_PRESENT = 0x80, "Address-present";
    /// Insert-address: the MMSC inserts the sender's address; nothing follows (1.0).
    INSERT_ADDRESS = 0x81, "Insert-address";
}

assigned_numbers! {
    /// Time-value token: the octet after the Value-length of Delivery-Time, Expiry
    /// (OMA-TS-MMS_ENC-V1_3 §7.3.20) and Reply-Charging-Deadline.
    pub struct TimeToken(u8);
    /// Absolute: a Date-value follows (1.0).
    ABSOLUTE = 0x80, "Absolute";
    /// Relative: a Delta-seconds-value follows (1.0).
    RELATIVE = 0x81, "Relative";
}

/// Outcome class of a status code ([`ResponseStatus`], [`RetrieveStatus`], [`StoreStatus`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StatusClass {
    /// The request succeeded.
    Ok,
    /// A transient error: the same request may succeed later.
    Transient,
    /// A permanent error: do not retry the same request.
    Permanent,
}

/// Classifies an already normalized status byte: 0x80 ok, 0xC0–0xDF transient, else
/// permanent.
const fn class_of(normalized: u8) -> StatusClass {
    match normalized {
        0x80 => StatusClass::Ok,
        0xC0..=0xDF => StatusClass::Transient,
        _ => StatusClass::Permanent,
    }
}

assigned_numbers! {
    /// X-Mms-Response-Status values (OMA-TS-MMS_ENC-V1_3 §7.3.48), used by m-send-conf,
    /// m-forward-conf, m-mbox-*-conf and the delete confs. Wire byte.
    ///
    /// [`normalized`](Self::normalized) applies the reserved-value rule and
    /// [`class`](Self::class) gives the outcome; the raw byte is always kept.
    pub struct ResponseStatus(u8);
    /// Ok (1.0).
    OK = 0x80, "Ok";
    /// Error-unspecified (1.0; obsolete from 1.1).
    ERROR_UNSPECIFIED = 0x81, "Error-unspecified";
    /// Error-service-denied (1.0; obsolete from 1.1).
    ERROR_SERVICE_DENIED = 0x82, "Error-service-denied";
    /// Error-message-format-corrupt (1.0; obsolete from 1.1).
    ERROR_MESSAGE_FORMAT_CORRUPT = 0x83, "Error-message-format-corrupt";
    /// Error-sending-address-unresolved (1.0; obsolete from 1.1).
    ERROR_SENDING_ADDRESS_UNRESOLVED = 0x84, "Error-sending-address-unresolved";
    /// Error-message-not-found (1.0; obsolete from 1.1).
    ERROR_MESSAGE_NOT_FOUND = 0x85, "Error-message-not-found";
    /// Error-network-problem (1.0; obsolete from 1.1).
    ERROR_NETWORK_PROBLEM = 0x86, "Error-network-problem";
    /// Error-content-not-accepted (1.0; obsolete from 1.1).
    ERROR_CONTENT_NOT_ACCEPTED = 0x87, "Error-content-not-accepted";
    /// Error-unsupported-message: the MMSC does not support this PDU (1.0; still used).
    ERROR_UNSUPPORTED_MESSAGE = 0x88, "Error-unsupported-message";
    /// Error-transient-failure (1.1).
    ERROR_TRANSIENT_FAILURE = 0xC0, "Error-transient-failure";
    /// Error-transient-sending-address-unresolved (1.1).
    ERROR_TRANSIENT_SENDING_ADDRESS_UNRESOLVED = 0xC1, "Error-transient-sending-address-unresolved";
    /// Error-transient-message-not-found (1.1).
    ERROR_TRANSIENT_MESSAGE_NOT_FOUND = 0xC2, "Error-transient-message-not-found";
    /// Error-transient-network-problem (1.1).
    ERROR_TRANSIENT_NETWORK_PROBLEM = 0xC3, "Error-transient-network-problem";
    /// Error-transient-partial-success: some recipients failed (1.2; 0xC4, not the NCC 0xC5).
    ERROR_TRANSIENT_PARTIAL_SUCCESS = 0xC4, "Error-transient-partial-success";
    /// Error-permanent-failure (1.1).
    ERROR_PERMANENT_FAILURE = 0xE0, "Error-permanent-failure";
    /// Error-permanent-service-denied (1.1).
    ERROR_PERMANENT_SERVICE_DENIED = 0xE1, "Error-permanent-service-denied";
    /// Error-permanent-message-format-corrupt (1.1).
    ERROR_PERMANENT_MESSAGE_FORMAT_CORRUPT = 0xE2, "Error-permanent-message-format-corrupt";
    /// Error-permanent-sending-address-unresolved (1.1).
    ERROR_PERMANENT_SENDING_ADDRESS_UNRESOLVED = 0xE3, "Error-permanent-sending-address-unresolved";
    /// Error-permanent-message-not-found (1.1).
    ERROR_PERMANENT_MESSAGE_NOT_FOUND = 0xE4, "Error-permanent-message-not-found";
    /// Error-permanent-content-not-accepted (1.1).
    ERROR_PERMANENT_CONTENT_NOT_ACCEPTED = 0xE5, "Error-permanent-content-not-accepted";
    /// Error-permanent-reply-charging-limitations-not-met (1.1).
    ERROR_PERMANENT_REPLY_CHARGING_LIMITATIONS_NOT_MET = 0xE6, "Error-permanent-reply-charging-limitations-not-met";
    /// Error-permanent-reply-charging-request-not-accepted (1.1; 0xE7, AOSP wrongly reuses 0xE6).
    ERROR_PERMANENT_REPLY_CHARGING_REQUEST_NOT_ACCEPTED = 0xE7, "Error-permanent-reply-charging-request-not-accepted";
    /// Error-permanent-reply-charging-forwarding-denied (1.1).
    ERROR_PERMANENT_REPLY_CHARGING_FORWARDING_DENIED = 0xE8, "Error-permanent-reply-charging-forwarding-denied";
    /// Error-permanent-reply-charging-not-supported (1.1).
    ERROR_PERMANENT_REPLY_CHARGING_NOT_SUPPORTED = 0xE9, "Error-permanent-reply-charging-not-supported";
    /// Error-permanent-address-hiding-not-supported (1.2).
    ERROR_PERMANENT_ADDRESS_HIDING_NOT_SUPPORTED = 0xEA, "Error-permanent-address-hiding-not-supported";
    /// Error-permanent-lack-of-prepaid (1.3).
    ERROR_PERMANENT_LACK_OF_PREPAID = 0xEB, "Error-permanent-lack-of-prepaid";
}

impl ResponseStatus {
    /// The value the reserved-value rule of MMS_ENC 7.3.48 maps this one to: 0xC5–0xDF →
    /// 0xC0 (transient failure); 0xEC–0xFF and anything else outside the table (below 0x80,
    /// 0x89–0xBF) → 0xE0 (permanent failure). Assigned values, including the obsolete 1.0
    /// codes 0x81–0x88, map to themselves.
    pub const fn normalized(self) -> Self {
        match self.0 {
            0x80..=0x88 | 0xC0..=0xC4 | 0xE0..=0xEB => self,
            0xC5..=0xDF => Self::ERROR_TRANSIENT_FAILURE,
            _ => Self::ERROR_PERMANENT_FAILURE,
        }
    }

    /// The outcome class of the [normalized](Self::normalized) value.
    ///
    /// The obsolete 1.0 error codes 0x81–0x88 are in the table, so the reserved-value rule
    /// leaves them alone, and neither the table nor the class bits (`v & 0x60`, 0x40
    /// transient / 0x60 permanent) give them a class. This function treats all of them,
    /// Error-network-problem (0x86) included, as [`StatusClass::Permanent`]: MMS 1.0 had
    /// no transient/permanent split, and reporting a failure beats retrying forever. A
    /// caller that wants to retry 0x86 can test for [`Self::ERROR_NETWORK_PROBLEM`].
    pub const fn class(self) -> StatusClass {
        class_of(self.normalized().0)
    }
}

assigned_numbers! {
    /// X-Mms-Retrieve-Status values of m-retrieve-conf (OMA-TS-MMS_ENC-V1_3 §7.3.50).
    /// Wire byte.
    pub struct RetrieveStatus(u8);
    /// Ok (1.1).
    OK = 0x80, "Ok";
    /// Error-transient-failure (1.1).
    ERROR_TRANSIENT_FAILURE = 0xC0, "Error-transient-failure";
    /// Error-transient-message-not-found (1.1).
    ERROR_TRANSIENT_MESSAGE_NOT_FOUND = 0xC1, "Error-transient-message-not-found";
    /// Error-transient-network-problem (1.1).
    ERROR_TRANSIENT_NETWORK_PROBLEM = 0xC2, "Error-transient-network-problem";
    /// Error-permanent-failure (1.1).
    ERROR_PERMANENT_FAILURE = 0xE0, "Error-permanent-failure";
    /// Error-permanent-service-denied (1.1).
    ERROR_PERMANENT_SERVICE_DENIED = 0xE1, "Error-permanent-service-denied";
    /// Error-permanent-message-not-found (1.1).
    ERROR_PERMANENT_MESSAGE_NOT_FOUND = 0xE2, "Error-permanent-message-not-found";
    /// Error-permanent-content-unsupported (1.1).
    ERROR_PERMANENT_CONTENT_UNSUPPORTED = 0xE3, "Error-permanent-content-unsupported";
}

impl RetrieveStatus {
    /// The value the reserved-value rule of MMS_ENC 7.3.50 maps this one to: 0xC3–0xDF →
    /// 0xC0; 0xE4–0xFF and any other unassigned value → 0xE0; assigned values map to
    /// themselves.
    pub const fn normalized(self) -> Self {
        match self.0 {
            0x80 | 0xC0..=0xC2 | 0xE0..=0xE3 => self,
            0xC3..=0xDF => Self::ERROR_TRANSIENT_FAILURE,
            _ => Self::ERROR_PERMANENT_FAILURE,
        }
    }

    /// The outcome class of the [normalized](Self::normalized) value.
    pub const fn class(self) -> StatusClass {
        class_of(self.normalized().0)
    }
}

assigned_numbers! {
    /// X-Mms-Store-Status values of m-mbox-store-conf and m-mbox-upload-conf
    /// (OMA-TS-MMS_ENC-V1_3 §7.3.58). Wire byte.
    pub struct StoreStatus(u8);
    /// Success (1.2).
    SUCCESS = 0x80, "Success";
    /// Error-transient-failure (1.2).
    ERROR_TRANSIENT_FAILURE = 0xC0, "Error-transient-failure";
    /// Error-transient-network-problem (1.2).
    ERROR_TRANSIENT_NETWORK_PROBLEM = 0xC1, "Error-transient-network-problem";
    /// Error-permanent-failure (1.2).
    ERROR_PERMANENT_FAILURE = 0xE0, "Error-permanent-failure";
    /// Error-permanent-service-denied (1.2).
    ERROR_PERMANENT_SERVICE_DENIED = 0xE1, "Error-permanent-service-denied";
    /// Error-permanent-message-format-corrupt (1.2).
    ERROR_PERMANENT_MESSAGE_FORMAT_CORRUPT = 0xE2, "Error-permanent-message-format-corrupt";
    /// Error-permanent-message-not-found (1.2).
    ERROR_PERMANENT_MESSAGE_NOT_FOUND = 0xE3, "Error-permanent-message-not-found";
    /// Error-permanent-mmbox-full: the MMBox quota is exhausted (1.2).
    ERROR_PERMANENT_MMBOX_FULL = 0xE4, "Error-permanent-mmbox-full";
}

impl StoreStatus {
    /// The value the reserved-value rule of MMS_ENC 7.3.58 maps this one to: 0xC2–0xDF →
    /// 0xC0; 0xE5–0xFF and any other unassigned value → 0xE0; assigned values map to
    /// themselves.
    pub const fn normalized(self) -> Self {
        match self.0 {
            0x80 | 0xC0..=0xC1 | 0xE0..=0xE4 => self,
            0xC2..=0xDF => Self::ERROR_TRANSIENT_FAILURE,
            _ => Self::ERROR_PERMANENT_FAILURE,
        }
    }

    /// The outcome class of the [normalized](Self::normalized) value.
    pub const fn class(self) -> StatusClass {
        class_of(self.normalized().0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assigned::macros::check_table;
    use alloc::format;
    use alloc::string::ToString;

    #[test]
    fn tables_round_trip() {
        check_table!(MessageType);
        check_table!(MmsVersion);
        check_table!(FieldCode);
        check_table!(YesNo);
        check_table!(MessageClass);
        check_table!(Priority);
        check_table!(SenderVisibility);
        check_table!(Status);
        check_table!(ReadStatus);
        check_table!(ReplyCharging);
        check_table!(MmState);
        check_table!(MmFlagsToken);
        check_table!(MboxTotalsToken);
        check_table!(MboxQuotasToken);
        check_table!(ContentClass);
        check_table!(RetrievalMode);
        check_table!(CancelStatus);
        check_table!(FromToken);
        check_table!(TimeToken);
        check_table!(ResponseStatus);
        check_table!(RetrieveStatus);
        check_table!(StoreStatus);
    }

    #[test]
    fn message_types() {
        assert_eq!(MessageType::SEND_REQ.get(), 0x80);
        assert_eq!(MessageType::NOTIFICATION_IND.get(), 0x82);
        assert_eq!(MessageType::RETRIEVE_CONF.get(), 0x84);
        assert_eq!(MessageType::MBOX_DESCR.get(), 0x93);
        assert_eq!(MessageType::CANCEL_CONF.get(), 0x97);
        assert_eq!(MessageType::ALL.len(), 24);
        assert_eq!(MessageType::CANCEL_CONF.name(), Some("m-cancel-conf"));
        assert_eq!(
            MessageType::from_name("M-Send-Req"),
            Some(MessageType::SEND_REQ)
        );
        assert_eq!(MessageType::SEND_REQ.since(), Some(MmsVersion::V1_0));
        assert_eq!(MessageType::READ_REC_IND.since(), Some(MmsVersion::V1_1));
        assert_eq!(MessageType::MBOX_DESCR.since(), Some(MmsVersion::V1_2));
        assert_eq!(MessageType::CANCEL_CONF.since(), Some(MmsVersion::V1_3));
        assert_eq!(MessageType::new(0x98).since(), None);
        let bodies: alloc::vec::Vec<_> = MessageType::ALL
            .iter()
            .filter(|t| t.has_body())
            .copied()
            .collect();
        assert_eq!(
            bodies,
            [
                MessageType::SEND_REQ,
                MessageType::RETRIEVE_CONF,
                MessageType::MBOX_VIEW_CONF,
                MessageType::MBOX_UPLOAD_REQ,
                MessageType::MBOX_DESCR
            ]
        );
        assert!(!MessageType::DELIVERY_IND.has_body());
    }

    #[test]
    fn unassigned_prints_hex() {
        let t = MessageType::new(0x9f);
        assert!(!t.is_assigned());
        assert_eq!(t.name(), None);
        assert_eq!(format!("{t:?}"), "MessageType(0x9f)");
        assert_eq!(t.to_string(), "0x9f");
        assert_eq!(format!("{:?}", FieldCode(0x40)), "FieldCode(0x40)");
        assert_eq!(ResponseStatus(0xC7).to_string(), "0xc7");
        assert_eq!(u8::from(t), 0x9f);
    }

    #[test]
    fn versions() {
        assert_eq!(MmsVersion::V1_0.get(), 0x90);
        assert_eq!(MmsVersion::V1_3.get(), 0x93);
        assert_eq!(MmsVersion::V1_2.major(), 1);
        assert_eq!(MmsVersion::V1_2.minor(), Some(2));
        assert_eq!(MmsVersion::new(0xAF).major(), 2);
        assert_eq!(MmsVersion::new(0xAF).minor(), None);
        assert_eq!(MmsVersion::from_name("1.1"), Some(MmsVersion::V1_1));
        assert_eq!(MmsVersion::new(0x94).to_string(), "0x94");
    }

    #[test]
    fn field_codes() {
        assert_eq!(FieldCode::BCC.get(), 0x01);
        assert_eq!(FieldCode::BCC.wire(), 0x81);
        assert_eq!(FieldCode::CONTENT_LOCATION.get(), 0x03);
        assert_eq!(FieldCode::CONTENT_TYPE.get(), 0x04);
        assert_eq!(FieldCode::MESSAGE_TYPE.wire(), 0x8C);
        assert_eq!(FieldCode::MMS_VERSION.wire(), 0x8D);
        assert_eq!(FieldCode::SUBJECT.wire(), 0x96);
        assert_eq!(FieldCode::TRANSACTION_ID.wire(), 0x98);
        assert_eq!(FieldCode::AUX_APPLIC_INFO.get(), 0x39);
        assert_eq!(FieldCode::CANCEL_STATUS.get(), 0x3F);
        assert_eq!(FieldCode::CANCEL_STATUS.wire(), 0xBF);
        assert_eq!(FieldCode::ALL.len(), 63);
        assert_eq!(FieldCode::from_wire(0x96), FieldCode::SUBJECT);
        assert_eq!(FieldCode::from_wire(0x16), FieldCode::SUBJECT);
        assert_eq!(FieldCode::BCC.name(), Some("Bcc"));
        assert_eq!(
            FieldCode::CONTENT_LOCATION.name(),
            Some("X-Mms-Content-Location")
        );
        assert_eq!(
            FieldCode::from_name("content-type"),
            Some(FieldCode::CONTENT_TYPE)
        );
        assert_eq!(
            FieldCode::from_name("X-Mms-Read-Reply"),
            Some(FieldCode::READ_REPORT)
        );
        assert_eq!(FieldCode::READ_REPORT.name(), Some("X-Mms-Read-Report"));
        assert_eq!(FieldCode::TRANSACTION_ID.since(), Some(MmsVersion::V1_0));
        assert_eq!(FieldCode::RETRIEVE_STATUS.since(), Some(MmsVersion::V1_1));
        assert_eq!(FieldCode::LIMIT.since(), Some(MmsVersion::V1_2));
        assert_eq!(
            FieldCode::RECOMMENDED_RETRIEVAL_MODE.since(),
            Some(MmsVersion::V1_3)
        );
        assert_eq!(FieldCode::new(0).since(), None);
        assert_eq!(FieldCode::new(0x40).since(), None);
    }

    #[test]
    fn tokens() {
        assert_eq!(YesNo::YES.get(), 0x80);
        assert_eq!(YesNo::NO.get(), 0x81);
        assert_eq!(MessageClass::AUTO.get(), 0x83);
        assert_eq!(Priority::HIGH.get(), 0x82);
        assert_eq!(SenderVisibility::SHOW.get(), 0x81);
        assert_eq!(Status::EXPIRED.get(), 0x80);
        assert_eq!(Status::UNREACHABLE.get(), 0x87);
        assert_eq!(Status::FORWARDED.since(), Some(MmsVersion::V1_1));
        assert_eq!(ReadStatus::DELETED_WITHOUT_BEING_READ.get(), 0x81);
        assert_eq!(ReplyCharging::ACCEPTED_TEXT_ONLY.get(), 0x83);
        assert_eq!(MmState::FORWARDED.get(), 0x84);
        assert_eq!(MmFlagsToken::FILTER.get(), 0x82);
        assert_eq!(MboxTotalsToken::SIZE_TOTAL.get(), 0x81);
        assert_eq!(MboxQuotasToken::MESSAGE_QUOTA.get(), 0x80);
        assert_eq!(ContentClass::TEXT.get(), 0x80);
        assert_eq!(ContentClass::CONTENT_RICH.get(), 0x87);
        assert_eq!(RetrievalMode::MANUAL.get(), 0x80);
        assert_eq!(CancelStatus::CORRUPTED.get(), 0x81);
        assert_eq!(FromToken::ADDRESS_PRESENT.get(), 0x80);
        assert_eq!(FromToken::INSERT_ADDRESS.get(), 0x81);
        assert_eq!(TimeToken::ABSOLUTE.get(), 0x80);
        assert_eq!(TimeToken::RELATIVE.get(), 0x81);
    }

    #[test]
    fn response_status() {
        use StatusClass::*;
        let r = ResponseStatus::new;
        assert_eq!(ResponseStatus::OK.get(), 0x80);
        assert_eq!(ResponseStatus::ERROR_UNSUPPORTED_MESSAGE.get(), 0x88);
        assert_eq!(ResponseStatus::ERROR_TRANSIENT_PARTIAL_SUCCESS.get(), 0xC4);
        assert_eq!(
            ResponseStatus::ERROR_PERMANENT_REPLY_CHARGING_LIMITATIONS_NOT_MET.get(),
            0xE6
        );
        assert_eq!(
            ResponseStatus::ERROR_PERMANENT_REPLY_CHARGING_REQUEST_NOT_ACCEPTED.get(),
            0xE7
        );
        assert_eq!(ResponseStatus::ERROR_PERMANENT_LACK_OF_PREPAID.get(), 0xEB);
        assert_eq!(ResponseStatus::ALL.len(), 26);

        assert_eq!(r(0x80).class(), Ok);
        assert_eq!(r(0xC4).class(), Transient);
        assert_eq!(r(0xC4).normalized(), r(0xC4));
        assert_eq!(r(0xC5).class(), Transient);
        assert_eq!(
            r(0xC5).normalized(),
            ResponseStatus::ERROR_TRANSIENT_FAILURE
        );
        assert_eq!(r(0xC7).normalized(), r(0xC0));
        assert_eq!(r(0xDF).normalized(), r(0xC0));
        assert_eq!(r(0xEB).class(), Permanent);
        assert_eq!(r(0xEB).normalized(), r(0xEB));
        assert_eq!(
            r(0xEC).normalized(),
            ResponseStatus::ERROR_PERMANENT_FAILURE
        );
        assert_eq!(r(0xEC).class(), Permanent);
        assert_eq!(r(0xFF).normalized(), r(0xE0));
        assert_eq!(r(0x89).normalized(), r(0xE0));
        assert_eq!(r(0x89).class(), Permanent);
        assert_eq!(r(0xBF).normalized(), r(0xE0));
        assert_eq!(r(0x00).normalized(), r(0xE0));
        assert_eq!(r(0x7F).class(), Permanent);
        // Obsolete 1.0 codes stay themselves and count as permanent.
        for v in 0x81..=0x88 {
            assert_eq!(r(v).normalized(), r(v));
            assert_eq!(r(v).class(), Permanent);
        }
        // Every byte normalizes to an assigned value, and class agrees with the class bits
        // for the 1.1+ ranges.
        for v in 0..=255u8 {
            let n = r(v).normalized();
            assert!(n.is_assigned(), "{v:#x}");
            assert_eq!(n.normalized(), n);
            if v >= 0xC0 {
                let want = if v & 0x60 == 0x40 {
                    Transient
                } else {
                    Permanent
                };
                assert_eq!(r(v).class(), want, "{v:#x}");
            }
        }
    }

    #[test]
    fn retrieve_and_store_status() {
        use StatusClass::*;
        let r = RetrieveStatus::new;
        assert_eq!(RetrieveStatus::OK.get(), 0x80);
        assert_eq!(RetrieveStatus::ERROR_TRANSIENT_NETWORK_PROBLEM.get(), 0xC2);
        assert_eq!(
            RetrieveStatus::ERROR_PERMANENT_CONTENT_UNSUPPORTED.get(),
            0xE3
        );
        assert_eq!(r(0x80).class(), Ok);
        assert_eq!(r(0xC2).normalized(), r(0xC2));
        assert_eq!(r(0xC3).normalized(), r(0xC0));
        assert_eq!(r(0xC3).class(), Transient);
        assert_eq!(r(0xE3).normalized(), r(0xE3));
        assert_eq!(r(0xE4).normalized(), r(0xE0));
        assert_eq!(r(0x81).normalized(), r(0xE0));
        assert_eq!(r(0x81).class(), Permanent);

        let s = StoreStatus::new;
        assert_eq!(StoreStatus::SUCCESS.get(), 0x80);
        assert_eq!(StoreStatus::ERROR_TRANSIENT_NETWORK_PROBLEM.get(), 0xC1);
        assert_eq!(StoreStatus::ERROR_PERMANENT_MMBOX_FULL.get(), 0xE4);
        assert_eq!(s(0x80).class(), Ok);
        assert_eq!(s(0xC1).class(), Transient);
        assert_eq!(s(0xC2).normalized(), s(0xC0));
        assert_eq!(s(0xE4).normalized(), s(0xE4));
        assert_eq!(s(0xE5).normalized(), s(0xE0));
        assert_eq!(s(0x00).class(), Permanent);
        for v in 0..=255u8 {
            assert!(r(v).normalized().is_assigned());
            assert!(s(v).normalized().is_assigned());
        }
    }
}
