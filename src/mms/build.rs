//! Builders: PDUs in canonical order and minimal encodings, checked against the presence table
//! (ordering rules OMA-TS-MMS_ENC-V1_3 §7, fields per PDU type §6).
//!
//! [`PduBuilder`] is the generic builder: a message type, an MMS version (default 1.3), any
//! headers, and a body for the types that have one. [`PduBuilder::build`] refuses
//!
//! - a field the PDU type does not allow, or that the chosen version does not have in it
//!   ([`EncodeError::FieldNotInVersion`]; so is a message type newer than the version);
//! - a missing mandatory field ([`EncodeError::MissingField`]; in m-send-req at least one of
//!   To/Cc/Bcc, reported as `To`);
//! - a second value of a field that may not repeat, MM-State/MM-Flags in m-send-req without
//!   X-Mms-Store, Reply-Charging-Deadline/-Size without X-Mms-Reply-Charging, and the
//!   Message-Type / MMS-Version headers given by hand (the builder writes them)
//!   ([`EncodeError::Unencodable`]),
//!
//! and emits Message-Type, Transaction-ID, MMS-Version first, the other fields in the order of
//! the presence table ([`crate::mms::presence::fields_of`]; repeated fields in the order given),
//! then application and unassigned headers, and Content-Type last with the body.
//!
//! The typed builders (`NotificationInd::build(...)`, `SendReq::build(...)`, one per PDU type,
//! see [`crate::mms::views`]) take the mandatory values as constructor arguments and have a
//! chained setter per other field of their type, so a PDU missing a mandatory field cannot be
//! written; they end in the same checks. Each argument takes anything that converts into its
//! value type: a `&str` for a text, an address, a From or a URI (a us-ascii text goes out
//! without a charset, any other with UTF-8), a [`MessageClass`](crate::assigned::MessageClass)
//! for X-Mms-Message-Class, a `u64` for an Integer-value.
//!
//! Values made with the value types' constructors are canonical and minimal. The builder also
//! writes X-Mms-Message-Size and X-Mms-Reply-Charging-Size as Long-integers (their grammar)
//! whatever form the given `IntegerValue` has. Relative times built with
//! [`TimeValue::relative`](crate::mms::TimeValue::relative) use the Long-integer delta that
//! AOSP and Wireshark can read (they fail on the equally legal Short-integer delta).
//!
//! ```
//! use mms_pdu::assigned::{MessageClass, MessageType};
//! use mms_pdu::codec::{Encode, IntegerValue, TextString};
//! use mms_pdu::mms::views::NotificationInd;
//! use mms_pdu::mms::{Address, ContentLocationValue, FromValue, MessageClassValue, TimeValue};
//!
//! // An m-notification-ind for a 12345-octet message that expires in 3 days.
//! let pdu = NotificationInd::build(
//!     TextString::new(b"T2"),
//!     MessageClassValue::Class(MessageClass::PERSONAL),
//!     IntegerValue::new(12345),
//!     TimeValue::relative(259_200),
//!     ContentLocationValue::uri(b"http://mmsc.example/m1"),
//! )
//! .version(mms_pdu::assigned::MmsVersion::V1_2)
//! .from(FromValue::address(Address::new(b"+15551234567/TYPE=PLMN")))
//! .build()
//! .unwrap();
//! assert_eq!(
//!     pdu.encode_to_vec().unwrap(),
//!     b"\x8C\x82\x98T2\0\x8D\x92\x89\x18\x80+15551234567/TYPE=PLMN\0\x8A\x80\
//!       \x8E\x02\x30\x39\x88\x05\x81\x03\x03\xF4\x80\x83http://mmsc.example/m1\0"
//! );
//! assert!(mms_pdu::mms::validate::validate(&pdu).is_empty());
//!
//! // The same from Rust values.
//! let expiry = TimeValue::relative(259_200);
//! let same = NotificationInd::build("T2", MessageClass::PERSONAL, 12345, expiry, "http://mmsc.example/m1")
//!     .version(mms_pdu::assigned::MmsVersion::V1_2)
//!     .from("+15551234567/TYPE=PLMN")
//!     .build()
//!     .unwrap();
//! assert_eq!(same, pdu);
//! ```

use alloc::vec::Vec;

use crate::assigned::{FieldCode, MessageType, MmsVersion};
use crate::base::error::EncodeError;
use crate::codec::{IntegerForm, IntegerValue, LongInteger, Version};
use crate::mms::header::MmsHeader;
use crate::mms::pdu::Pdu;
use crate::mms::presence::{canonical_position, missing_mandatory, presence};
use crate::mms::values::ContentTypeValue;

/// A PDU under construction: any message type, any headers, checked and ordered by
/// [`PduBuilder::build`].
///
/// ```
/// use mms_pdu::assigned::{MessageType, Status};
/// use mms_pdu::codec::{Encode, TextString};
/// use mms_pdu::mms::MmsHeader;
/// use mms_pdu::mms::build::PduBuilder;
///
/// let pdu = PduBuilder::new(MessageType::NOTIFYRESP_IND)
///     .header(MmsHeader::Status(Status::RETRIEVED))
///     .header(MmsHeader::TransactionId(TextString::new(b"T1")))
///     .build()
///     .unwrap();
/// assert_eq!(
///     pdu.encode_to_vec().unwrap(),
///     [0x8C, 0x83, 0x98, b'T', b'1', 0x00, 0x8D, 0x93, 0x95, 0x81]
/// );
/// // Without the mandatory X-Mms-Status:
/// assert!(PduBuilder::new(MessageType::NOTIFYRESP_IND)
///     .header(MmsHeader::TransactionId(TextString::new(b"T1")))
///     .build()
///     .is_err());
/// ```
#[derive(Debug, Clone)]
pub struct PduBuilder<'a> {
    message_type: MessageType,
    version: MmsVersion,
    headers: Vec<MmsHeader<'a>>,
    body: Option<&'a [u8]>,
    size_budget: Option<usize>,
}

impl<'a> PduBuilder<'a> {
    /// A builder for `message_type`, MMS 1.3, no headers.
    pub fn new(message_type: MessageType) -> Self {
        PduBuilder {
            message_type,
            version: MmsVersion::V1_3,
            headers: Vec::new(),
            body: None,
            size_budget: None,
        }
    }

    /// Refuses to build a PDU whose exact encoded size is above `limit` octets (see
    /// [`crate::codec`]; carriers accept 300 KB to 1.5 MB).
    ///
    /// ```
    /// use mms_pdu::assigned::{MessageType, WellKnownMedia};
    /// use mms_pdu::codec::TextString;
    /// use mms_pdu::mms::{Address, FromValue, MmsHeader};
    /// use mms_pdu::mms::build::PduBuilder;
    /// use mms_pdu::wsp::ContentType;
    /// use mms_pdu::EncodeError;
    /// let body = vec![b'x'; 2000];
    /// let builder = PduBuilder::new(MessageType::SEND_REQ)
    ///     .header(MmsHeader::TransactionId(TextString::new(b"T1")))
    ///     .header(MmsHeader::From(FromValue::insert_address()))
    ///     .header(MmsHeader::To(Address::new(b"+15550100000/TYPE=PLMN")))
    ///     .body(ContentType::well_known(WellKnownMedia::TEXT_PLAIN), &body);
    /// assert_eq!(
    ///     builder.clone().size_budget(1000).build().unwrap_err(),
    ///     EncodeError::OverBudget { size: 2037, limit: 1000 }
    /// );
    /// assert!(builder.size_budget(2037).build().is_ok());
    /// ```
    #[must_use]
    pub fn size_budget(mut self, limit: usize) -> Self {
        self.size_budget = Some(limit);
        self
    }

    /// The MMS version written in X-Mms-MMS-Version; fields newer than it are refused.
    #[must_use]
    pub fn version(mut self, version: MmsVersion) -> Self {
        self.version = version;
        self
    }

    /// Adds a header. A field that may repeat in this PDU type (To, MM-Flags, ...) is added
    /// after the ones already given; any other field replaces an earlier value of itself.
    #[must_use]
    pub fn header(mut self, header: MmsHeader<'a>) -> Self {
        self.push(header);
        self
    }

    /// Adds a header in place (see [`PduBuilder::header`]).
    pub fn push(&mut self, header: MmsHeader<'a>) {
        if let Some(field) = header.field().filter(|f| f.is_assigned()) {
            if !presence(self.message_type, field).repeatable {
                if let Some(old) = self.headers.iter_mut().find(|h| h.field() == Some(field)) {
                    *old = header;
                    return;
                }
            }
        }
        self.headers.push(header);
    }

    /// Sets the Content-Type and the body that follows it (for m-send-req, m-retrieve-conf,
    /// m-mbox-view-conf, m-mbox-upload-req and m-mbox-descr; other types refuse a
    /// Content-Type when built).
    #[must_use]
    pub fn body(mut self, content_type: ContentTypeValue<'a>, body: &'a [u8]) -> Self {
        self.set_body(content_type, body);
        self
    }

    /// Sets the body octets that follow a Content-Type given earlier (a typed builder's
    /// constructor argument, or a Content-Type header), without repeating it.
    #[must_use]
    pub fn body_octets(mut self, body: &'a [u8]) -> Self {
        self.body = Some(body);
        self
    }

    /// Sets the Content-Type and body in place (see [`PduBuilder::body`]).
    pub fn set_body(&mut self, content_type: ContentTypeValue<'a>, body: &'a [u8]) {
        self.push(MmsHeader::ContentType(content_type));
        self.body = Some(body);
    }

    /// Checks the headers against the presence table and returns the PDU in canonical order.
    ///
    /// # Errors
    /// [`EncodeError::FieldNotInVersion`] for a field the type does not allow or the version
    /// does not have (or a type newer than the version); [`EncodeError::MissingField`] for a
    /// missing mandatory field; [`EncodeError::Unencodable`] for a repeated single field, a
    /// conditional field without its condition, a Message-Type or MMS-Version header given
    /// by hand, or an unassigned message type; [`EncodeError::OverBudget`] when a
    /// [size budget](PduBuilder::size_budget) is set and the PDU is larger.
    pub fn build(self) -> Result<Pdu<'a>, EncodeError> {
        let PduBuilder {
            message_type,
            version,
            headers,
            body,
            size_budget,
        } = self;
        let type_since = message_type.since().ok_or(EncodeError::Unencodable {
            field: "X-Mms-Message-Type",
            reason: "unassigned message type",
        })?;
        if version.0 < type_since.0 {
            return Err(EncodeError::FieldNotInVersion {
                field: "X-Mms-Message-Type",
            });
        }
        let has = |f: FieldCode| headers.iter().any(|h| h.field() == Some(f));
        let mut seen = [false; 128];
        for h in &headers {
            crate::mms::edit::check_application(h)?;
            let Some(field) = h.field().filter(|f| f.is_assigned()) else {
                continue;
            };
            let name = field.name().unwrap_or("header");
            if field == FieldCode::MESSAGE_TYPE || field == FieldCode::MMS_VERSION {
                return Err(EncodeError::Unencodable {
                    field: name,
                    reason: "written by the builder",
                });
            }
            let rule = presence(message_type, field);
            if !rule.presence.is_allowed() || version.0 < rule.since.0 {
                return Err(EncodeError::FieldNotInVersion { field: name });
            }
            if let Some(s) = seen.get_mut(usize::from(field.0)) {
                if *s && !rule.repeatable {
                    return Err(EncodeError::Unencodable {
                        field: name,
                        reason: "field may not repeat",
                    });
                }
                *s = true;
            }
        }
        // The builder writes the message type and the version itself.
        let written = |f| f == FieldCode::MESSAGE_TYPE || f == FieldCode::MMS_VERSION || has(f);
        if let Some(field) = missing_mandatory(message_type, written).iter().next() {
            return Err(EncodeError::MissingField {
                field: field.name().unwrap_or("header"),
            });
        }
        if message_type == MessageType::SEND_REQ {
            for f in [FieldCode::MM_STATE, FieldCode::MM_FLAGS] {
                if has(f) && !has(FieldCode::STORE) {
                    return Err(EncodeError::Unencodable {
                        field: f.name().unwrap_or("header"),
                        reason: "only with X-Mms-Store",
                    });
                }
            }
        }
        for f in [
            FieldCode::REPLY_CHARGING_DEADLINE,
            FieldCode::REPLY_CHARGING_SIZE,
        ] {
            if has(f) && !has(FieldCode::REPLY_CHARGING) {
                return Err(EncodeError::Unencodable {
                    field: f.name().unwrap_or("header"),
                    reason: "only with X-Mms-Reply-Charging",
                });
            }
        }

        // Canonical order: Type, the table order (TID, Version, ... Content-Type), with
        // application and unassigned headers just before Content-Type.
        let after_table = usize::MAX - 1;
        let position = |h: &MmsHeader<'_>| match h.field() {
            Some(FieldCode::CONTENT_TYPE) => usize::MAX,
            Some(f) if f.is_assigned() => {
                canonical_position(message_type, f).unwrap_or(after_table)
            }
            _ => after_table,
        };
        let mut all = Vec::with_capacity(headers.len() + 2);
        all.push(MmsHeader::MessageType(message_type));
        all.push(MmsHeader::MmsVersion(Version::Short(version.0 & 0x7F)));
        all.extend(headers.into_iter().map(canonical_value));
        all.sort_by_key(|h| match h {
            MmsHeader::MessageType(_) => 0,
            other => position(other),
        });
        let body = if has_content_type(&all) {
            Some(body.unwrap_or(&[]))
        } else if body.is_some() {
            return Err(EncodeError::Unencodable {
                field: "Content-Type",
                reason: "a body needs a Content-Type",
            });
        } else {
            None
        };
        let pdu = Pdu::new(all, body).with_size_budget(size_budget);
        if let Some(limit) = size_budget {
            crate::codec::check_budget(&pdu, limit)?;
        }
        Ok(pdu)
    }
}

fn has_content_type(headers: &[MmsHeader<'_>]) -> bool {
    headers
        .iter()
        .any(|h| h.field() == Some(FieldCode::CONTENT_TYPE))
}

/// The wire form a builder writes for a value whose field has a fixed grammar.
fn canonical_value(header: MmsHeader<'_>) -> MmsHeader<'_> {
    let long = |v: IntegerValue| IntegerValue {
        value: v.value,
        form: IntegerForm::Long(LongInteger::minimal_octets(v.value)),
    };
    match header {
        MmsHeader::MessageSize(v) => MmsHeader::MessageSize(long(v)),
        MmsHeader::ReplyChargingSize(v) => MmsHeader::ReplyChargingSize(long(v)),
        other => other,
    }
}

/// Generates a typed builder: a constructor over the mandatory values and a setter per field.
macro_rules! typed_builder {
    (
        $View:ident, $Builder:ident = $MT:ident {
            build($($marg:ident : $MVariant:ident($MTy:ty)),*);
            $( $kind:ident $acc:ident : $Variant:ident($Ty:ty); )*
        }
    ) => {
        #[doc = concat!(
            "Builder of an ", stringify!($MT), " PDU, made by [`", stringify!($View),
            "::build`]; one setter per field (repeatable fields add a value, others replace it)."
        )]
        #[derive(Debug, Clone)]
        pub struct $Builder<'a> {
            inner: crate::mms::build::PduBuilder<'a>,
        }

        impl<'a> $View<'_, 'a> {
            #[doc = concat!(
                "Starts a [`", stringify!($Builder), "`] with the mandatory values (MMS 1.3 unless ",
                "[`", stringify!($Builder), "::version`] says otherwise)."
            )]
            #[allow(clippy::too_many_arguments)]
            pub fn build($($marg: impl Into<$MTy>),*) -> $Builder<'a> {
                #[allow(unused_mut)]
                let mut inner = crate::mms::build::PduBuilder::new(MessageType::$MT);
                $( inner.push(MmsHeader::$MVariant($marg.into())); )*
                $Builder { inner }
            }
        }

        impl<'a> $Builder<'a> {
            /// The MMS version written; fields newer than it are refused by `build`.
            #[must_use]
            pub fn version(mut self, version: crate::assigned::MmsVersion) -> Self {
                self.inner = self.inner.version(version);
                self
            }

            /// Refuses to build a PDU larger than `limit` octets (see
            /// [`PduBuilder::size_budget`](crate::mms::build::PduBuilder::size_budget)).
            #[must_use]
            pub fn size_budget(mut self, limit: usize) -> Self {
                self.inner = self.inner.size_budget(limit);
                self
            }

            /// Adds any header (an application header, for instance); checked by `build`.
            #[must_use]
            pub fn header(mut self, header: MmsHeader<'a>) -> Self {
                self.inner.push(header);
                self
            }

            $( crate::mms::build::typed_builder!(@setter $kind $acc $Variant $Ty); )*

            /// Checks and returns the PDU in canonical order.
            ///
            /// # Errors
            /// As [`PduBuilder::build`](crate::mms::build::PduBuilder::build).
            pub fn build(self) -> Result<crate::mms::Pdu<'a>, crate::base::error::EncodeError> {
                self.inner.build()
            }
        }
    };
    (@setter one $acc:ident $Variant:ident $Ty:ty) => {
        #[doc = concat!("Sets ", stringify!($Variant), " (replacing an earlier value).")]
        #[must_use]
        pub fn $acc(mut self, value: impl Into<$Ty>) -> Self {
            self.inner.push(MmsHeader::$Variant(value.into()));
            self
        }
    };
    (@setter many $acc:ident $Variant:ident $Ty:ty) => {
        #[doc = concat!("Adds a ", stringify!($Variant), " value (after those already given).")]
        #[must_use]
        pub fn $acc(mut self, value: impl Into<$Ty>) -> Self {
            self.inner.push(MmsHeader::$Variant(value.into()));
            self
        }
    };
    (@setter ct $acc:ident $Variant:ident $Ty:ty) => {
        /// Sets the Content-Type and the body that follows it.
        #[must_use]
        pub fn body(mut self, content_type: impl Into<$Ty>, body: &'a [u8]) -> Self {
            self.inner.set_body(content_type.into(), body);
            self
        }

        /// Sets the body that follows the Content-Type already given (for the types whose
        /// constructor takes it), without repeating it.
        #[must_use]
        pub fn body_octets(mut self, body: &'a [u8]) -> Self {
            self.inner = self.inner.body_octets(body);
            self
        }
    };
}
pub(crate) use typed_builder;

#[cfg(test)]
mod tests {

    use super::*;
    use crate::assigned::WellKnownMedia;
    use crate::assigned::{MessageClass, MmState, Status, YesNo};
    use crate::base::diag::DiagnosticKind;
    use crate::codec::{Encode, EncodedString, TextString};
    use crate::mms::presence::{Presence, fields_of};
    use crate::mms::validate::validate;
    use crate::mms::values::{
        Address, ContentLocationValue, FromValue, MessageClassValue, TimeValue,
    };
    use crate::mms::views::{NotificationInd, SendReq};

    #[test]
    fn an_application_header_the_builder_writes_decodes_as_a_note_in_both_modes() {
        use crate::base::options::DecodeOptions;
        use crate::codec::Token;
        let app = |name, value| MmsHeader::Application {
            name: Token::new(name),
            value: TextString::new(value),
        };
        let pdu =
            NotificationInd::build("T", MessageClass::PERSONAL, 1, TimeValue::relative(60), "u")
                .header(app(b"X-Origin", b"relay.example"))
                .build()
                .unwrap();
        let wire = pdu.encode_to_vec().unwrap();
        for strict in [false, true] {
            let options = DecodeOptions::new().strict(strict);
            let back = Pdu::decode_with(&wire, &options).unwrap();
            let kinds: Vec<_> = back.diagnostics().iter().map(|d| d.kind).collect();
            assert_eq!(kinds, [DiagnosticKind::ApplicationHeader]);
            assert!(kinds.iter().all(DiagnosticKind::is_note));
            assert_eq!(back.application_headers().count(), 1);
        }
        // What the decoder would not read back is refused.
        for (name, value) in [(&b""[..], &b"v"[..]), (b"\x80x", b"v"), (b"X-A", b"a\0b")] {
            let refused = NotificationInd::build(
                "T",
                MessageClass::PERSONAL,
                1,
                TimeValue::relative(60),
                "u",
            )
            .header(app(name, value))
            .build();
            assert!(
                matches!(refused, Err(EncodeError::Unencodable { .. })),
                "{name:?}"
            );
        }
    }
    use crate::wsp::ContentType;

    const PHONE: &[u8] = b"+15551234567/TYPE=PLMN";

    /// A canonical sample value for `field` in `mt` (the `n`th of a repeatable field): the
    /// values the crate's sample PDUs use.
    fn sample(mt: MessageType, field: FieldCode, n: u64) -> MmsHeader<'static> {
        crate::testing::samples::value(mt, field, n)
    }

    /// A builder with every field `mt` allows (repeatable ones twice).
    fn full(mt: MessageType) -> PduBuilder<'static> {
        let mut b = PduBuilder::new(mt);
        for (field, rule) in fields_of(mt) {
            if field == FieldCode::MESSAGE_TYPE || field == FieldCode::MMS_VERSION {
                continue;
            }
            if field == FieldCode::CONTENT_TYPE {
                b.set_body(
                    ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_MIXED),
                    b"\x00",
                );
                continue;
            }
            if field == FieldCode::MESSAGE_COUNT {
                // The body above lists no entries; `validate` compares the two.
                b.push(MmsHeader::MessageCount(crate::codec::IntegerValue::new(0)));
                continue;
            }
            b.push(sample(mt, field, 1));
            if rule.repeatable {
                b.push(sample(mt, field, 2));
            }
        }
        b
    }

    #[test]
    fn every_type_with_every_field_round_trips_and_validates() {
        for &mt in MessageType::ALL {
            let pdu = full(mt).build().unwrap_or_else(|e| panic!("{mt}: {e}"));
            let wire = pdu.encode_to_vec().unwrap();
            assert_eq!(pdu.encoded_len(), wire.len(), "{mt}");
            let decoded = Pdu::decode(&wire).unwrap_or_else(|e| panic!("{mt}: {e}"));
            assert!(
                decoded.diagnostics().is_empty(),
                "{mt}: {:?}",
                decoded.diagnostics()
            );
            let built: Vec<_> = pdu.headers().collect();
            let back: Vec<_> = decoded.headers().collect();
            assert_eq!(built, back, "{mt}");
            assert_eq!(decoded.body(), pdu.body(), "{mt}");
            assert_eq!(validate(&pdu), [], "{mt}");
            assert_eq!(validate(&decoded), [], "{mt}");
            assert_eq!(decoded.encode_to_vec().unwrap(), wire, "{mt}");
            // The canonical prefix.
            assert_eq!(wire[..2], [0x8C, mt.get()], "{mt}");
        }
    }

    #[test]
    fn every_type_minimal_and_view() {
        for &mt in MessageType::ALL {
            let mut b = PduBuilder::new(mt);
            for (field, rule) in fields_of(mt) {
                if rule.presence != Presence::Mandatory
                    || field == FieldCode::MESSAGE_TYPE
                    || field == FieldCode::MMS_VERSION
                {
                    continue;
                }
                if field == FieldCode::CONTENT_TYPE {
                    b.set_body(
                        ContentType::well_known(
                            WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_MIXED,
                        ),
                        b"",
                    );
                } else {
                    b.push(sample(mt, field, 1));
                }
            }
            if mt == MessageType::SEND_REQ {
                b.push(sample(mt, FieldCode::BCC, 1));
            }
            let pdu = b.clone().build().unwrap_or_else(|e| panic!("{mt}: {e}"));
            assert_eq!(validate(&pdu), [], "{mt}");
            assert!(!matches!(
                pdu.view(),
                crate::mms::views::PduView::Unknown(_)
            ));
            // Each mandatory field dropped is refused.
            let headers: Vec<_> = b.headers.clone();
            for i in 0..headers.len() {
                let mut less = b.clone();
                let gone = less.headers.remove(i);
                if mt == MessageType::SEND_REQ && gone.field() == Some(FieldCode::BCC) {
                    assert_eq!(less.build(), Err(EncodeError::MissingField { field: "To" }));
                    continue;
                }
                let name = gone.field().unwrap().name().unwrap();
                assert_eq!(
                    less.build(),
                    Err(EncodeError::MissingField { field: name }),
                    "{mt}"
                );
            }
        }
    }

    #[test]
    fn refuses_fields_not_in_type_or_version() {
        let nr = || {
            PduBuilder::new(MessageType::NOTIFYRESP_IND)
                .header(MmsHeader::TransactionId(TextString::new(b"T")))
                .header(MmsHeader::Status(Status::DEFERRED))
        };
        assert!(nr().build().is_ok());
        assert_eq!(
            nr().header(MmsHeader::Subject(EncodedString::plain(b"x")))
                .build(),
            Err(EncodeError::FieldNotInVersion { field: "Subject" })
        );
        let n = || {
            NotificationInd::build(
                TextString::new(b"T"),
                MessageClassValue::Class(MessageClass::PERSONAL),
                IntegerValue::new(10),
                TimeValue::relative(10),
                ContentLocationValue::uri(b"http://x/"),
            )
        };
        assert!(
            n().stored(YesNo::YES)
                .version(MmsVersion::V1_2)
                .build()
                .is_ok()
        );
        assert_eq!(
            n().stored(YesNo::YES).version(MmsVersion::V1_1).build(),
            Err(EncodeError::FieldNotInVersion {
                field: "X-Mms-Stored"
            })
        );
        assert_eq!(
            n().replace_id(TextString::new(b"r"))
                .version(MmsVersion::V1_2)
                .build(),
            Err(EncodeError::FieldNotInVersion {
                field: "X-Mms-Replace-ID"
            })
        );
        assert_eq!(
            n().header(MmsHeader::ContentType(ContentType::well_known(
                WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_MIXED
            )))
            .build(),
            Err(EncodeError::FieldNotInVersion {
                field: "Content-Type"
            })
        );
        assert_eq!(
            PduBuilder::new(MessageType::CANCEL_REQ)
                .version(MmsVersion::V1_2)
                .header(MmsHeader::TransactionId(TextString::new(b"T")))
                .header(MmsHeader::CancelId(TextString::new(b"c")))
                .build(),
            Err(EncodeError::FieldNotInVersion {
                field: "X-Mms-Message-Type"
            })
        );
        assert!(matches!(
            n().header(MmsHeader::MmsVersion(Version::Short(0x12)))
                .build(),
            Err(EncodeError::Unencodable { .. })
        ));
        assert!(matches!(
            PduBuilder::new(MessageType::new(0x99)).build(),
            Err(EncodeError::Unencodable { .. })
        ));
        // A single field given twice replaces; the generic builder keeps only the last.
        let p = n().expiry(TimeValue::relative(99)).build().unwrap();
        assert_eq!(p.get_all(FieldCode::EXPIRY).count(), 1);
        // Conditional fields.
        let s = || {
            SendReq::build(
                TextString::new(b"T"),
                FromValue::insert_address(),
                ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_MIXED),
            )
            .to(Address::new(PHONE))
        };
        assert!(matches!(
            s().mm_state(MmState::DRAFT).build(),
            Err(EncodeError::Unencodable {
                field: "X-Mms-MM-State",
                ..
            })
        ));
        assert!(
            s().store(YesNo::YES)
                .mm_state(MmState::DRAFT)
                .build()
                .is_ok()
        );
        assert!(matches!(
            s().reply_charging_size(IntegerValue::new(5)).build(),
            Err(EncodeError::Unencodable {
                field: "X-Mms-Reply-Charging-Size",
                ..
            })
        ));
        assert_eq!(
            SendReq::build(
                TextString::new(b"T"),
                FromValue::insert_address(),
                ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_MIXED)
            )
            .build(),
            Err(EncodeError::MissingField { field: "To" })
        );
    }

    #[test]
    fn spec_8_4_send_req() {
        let wire: &[u8] = b"\x8C\x80\x98T1\0\x8D\x93\x89\x01\x81\x97+15551234567/TYPE=PLMN\0\
            \x96Hi\0\x84\x18\xB3\x89application/smil\0\x8A<s>\0\
            \x02\x1F\x07application/smil\0\xC0\x22<s>\0\x8Es.smil\0<smil/>\
            \x11\x05\x03\x83\x81\xEA\xC0\x22<t>\0\x8Et.txt\0Hello";
        let ct_start = 39;
        assert_eq!(wire[ct_start], 0x84);
        let body = &wire[ct_start + 2 + 24..];
        let pdu = SendReq::build(
            TextString::new(b"T1"),
            FromValue::insert_address(),
            ContentType::well_known(WellKnownMedia::ANY),
        )
        .subject(EncodedString::plain(b"Hi"))
        .to(Address::new(PHONE))
        .body(
            crate::codec::decode_all(
                &wire[ct_start + 1..ct_start + 2 + 24],
                crate::wsp::content_type,
            )
            .unwrap(),
            body,
        )
        .build()
        .unwrap();
        assert_eq!(pdu.encode_to_vec().unwrap(), wire);
        assert_eq!(validate(&pdu), []);
        let decoded = Pdu::decode(wire).unwrap();
        let view = SendReq::try_from(&decoded).unwrap();
        assert_eq!(view.to().count(), 1);
        assert_eq!(view.body(), Some(body));
        assert!(NotificationInd::try_from(&decoded).is_err());
    }

    #[test]
    fn spec_9_1_notification() {
        // The m-notification-ind after the push header `01 06 03 BE AF 84`.
        let wire: &[u8] = b"\x8C\x82\x98T2\0\x8D\x92\x89\x18\x80+15551234567/TYPE=PLMN\0\x8A\x80\
            \x8E\x02\x30\x39\x88\x05\x81\x03\x03\xF4\x80\x83http://mmsc.example/m1\0";
        let pdu = NotificationInd::build(
            TextString::new(b"T2"),
            MessageClassValue::Class(MessageClass::PERSONAL),
            IntegerValue::new(12345),
            TimeValue::relative(259_200),
            ContentLocationValue::uri(b"http://mmsc.example/m1"),
        )
        .version(MmsVersion::V1_2)
        .from(FromValue::address(Address::new(PHONE)))
        .build()
        .unwrap();
        assert_eq!(pdu.encode_to_vec().unwrap(), wire);
        let decoded = Pdu::decode(wire).unwrap();
        assert_eq!(validate(&decoded), []);
        let n = NotificationInd::try_from(&decoded).unwrap();
        assert_eq!(n.transaction_id().unwrap().bytes, b"T2");
        assert_eq!(n.expiry(), Some(TimeValue::relative(259_200)));
        assert_eq!(n.subject(), None);
    }

    #[test]
    fn small_sizes_are_long_integers() {
        let pdu = NotificationInd::build(
            TextString::new(b"T"),
            MessageClassValue::Class(MessageClass::PERSONAL),
            IntegerValue::new(5),
            TimeValue::relative(5),
            ContentLocationValue::uri(b"u"),
        )
        .build()
        .unwrap();
        let wire = pdu.encode_to_vec().unwrap();
        assert!(wire.windows(3).any(|w| w == [0x8E, 0x01, 0x05]));
        assert!(wire.windows(5).any(|w| w == [0x88, 0x03, 0x81, 0x01, 0x05]));
    }

    #[test]
    fn validate_reports_offsets_of_a_decoded_pdu() {
        // notifyresp-ind with Version before TID, and a Subject.
        let wire = [0x8C, 0x83, 0x8D, 0x90, 0x98, b'T', 0, 0x96, b'x', 0];
        let pdu = Pdu::decode(&wire).unwrap();
        let d = validate(&pdu);
        let got: Vec<_> = d.iter().map(|d| (d.offset, d.context, d.kind)).collect();
        assert_eq!(
            got,
            [
                (7, "Subject", DiagnosticKind::UnexpectedField),
                (4, "X-Mms-Transaction-Id", DiagnosticKind::OutOfOrder),
                (2, "X-Mms-MMS-Version", DiagnosticKind::OutOfOrder),
                (10, "X-Mms-Status", DiagnosticKind::MissingMandatory),
            ]
        );
    }

    #[test]
    fn body_octets_reuses_the_constructor_content_type() {
        use crate::assigned::WellKnownMedia;
        use crate::wsp::ContentType;
        let ct = || ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_MIXED);
        let body: &[u8] = &[0x00];
        let with_octets = SendReq::build(TextString::new(b"T"), FromValue::insert_address(), ct())
            .to(Address::new(b"+1555/TYPE=PLMN"))
            .body_octets(body)
            .build()
            .unwrap();
        let with_body = SendReq::build(TextString::new(b"T"), FromValue::insert_address(), ct())
            .to(Address::new(b"+1555/TYPE=PLMN"))
            .body(ct(), body)
            .build()
            .unwrap();
        assert_eq!(
            with_octets.encode_to_vec().unwrap(),
            with_body.encode_to_vec().unwrap()
        );
        // A body without any Content-Type is refused, not silently dropped.
        let refused = PduBuilder::new(MessageType::NOTIFYRESP_IND)
            .header(MmsHeader::TransactionId(TextString::new(b"T")))
            .header(MmsHeader::Status(crate::assigned::Status::RETRIEVED))
            .body_octets(body)
            .build();
        assert!(matches!(
            refused,
            Err(EncodeError::Unencodable {
                field: "Content-Type",
                ..
            })
        ));
    }
}
