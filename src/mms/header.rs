//! The typed MMS header: one variant per field code 0x01–0x3F (OMA-TS-MMS_ENC-V1_3 §7.3; codes from §7.4 Table 25), plus the
//! opaque fallbacks that keep what is not understood.
//!
//! The variant list, [`MmsHeader::field`], the decode dispatch, the encode dispatch and the
//! deviation check are all generated from one table (`mms_headers!` below): a row is the field
//! code, the variant and its value type, and the value type's [`HeaderValue`] implementation is
//! its decoder.
//!
//! Robustness rule: every MMS header value has one of the three generic shapes of
//! WAP-230-WSP §8.4.1.2, so the decoder first finds the value's extent with
//! [`crate::codec::skip_value`], then decodes the typed value *inside that exact
//! slice* and requires it to consume every octet. Any failure or leftover keeps the header as
//! [`MmsHeader::Unparsed`] (raw octets, written back unchanged) and the walk goes on in sync.
//! Only a failure of the skip itself (a text without NUL, a length past the end) is an error.

use alloc::borrow::Cow;

use crate::assigned::{
    CancelStatus, ContentClass, FieldCode, MessageType, MmState, Priority, ReadStatus,
    ReplyCharging, RetrievalMode, RetrieveStatus, SenderVisibility, Status, StoreStatus, YesNo,
};
use crate::base::error::{DecodeErrorKind, Deviation, EncodeError, Expected};
use crate::codec::{
    DateValue, Encode, EncodedString, IntegerValue, PResult, TextString, Token, Version, Writer,
    in_field, octet, skip_value, text_string, token_text, unexpected,
};
use crate::mms::values::{
    Address, ContentLocationValue, ContentTypeValue, CutCheck, DecodeContext, ElementDescriptor,
    FromValue, HeaderValue, MboxQuotas, MboxTotals, MessageClassValue, MmFlags, PreviouslySentBy,
    PreviouslySentDate, ResponseStatusValue, ResponseTextValue, TimeValue, typed,
};

/// What typing a header value in place found (see [`MmsHeader::check_value_of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Checked {
    /// The value follows its grammar; its lenient wire form, if any.
    Typed(Option<Deviation>),
    /// The value does not follow its grammar (it is kept raw): why.
    Unparsed(DecodeErrorKind),
    /// A code with no value grammar ([`MmsHeader::Unknown`]).
    Unknown,
}

impl Checked {
    /// The check of a typed decode that kept the value's deviation.
    #[inline(always)]
    pub(crate) fn of(typed: Result<Option<Deviation>, DecodeErrorKind>) -> Self {
        match typed {
            Ok(deviation) => Checked::Typed(deviation),
            Err(error) => Checked::Unparsed(error),
        }
    }
}

macro_rules! mms_headers {
    ($( $(#[$doc:meta])* $code:literal => $variant:ident($ty:ty), )+) => {
        /// One MMS header: a typed well-known field, or an opaque fallback that keeps the raw
        /// octets (written back unchanged).
        ///
        /// ```
        /// use mms_pdu::codec::Encode;
        /// use mms_pdu::mms::{decode_header, DecodeContext, MmsHeader};
        /// let (_, h) = decode_header(&[0x96, b'H', b'i', 0], &DecodeContext::default()).unwrap();
        /// assert!(matches!(h, MmsHeader::Subject(s) if s.as_bytes() == b"Hi"));
        /// assert_eq!(h.encode_to_vec().unwrap(), [0x96, b'H', b'i', 0]);
        /// ```
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        pub enum MmsHeader<'a> {
            $( $(#[$doc])* $variant($ty), )+
            /// An unassigned field code, or Content (0x2E) / Additional-headers (0x30), which
            /// have no value grammar of their own: the value is skipped generically and kept.
            Unknown {
                /// The field code (wire octet without the high bit).
                code: u8,
                /// The whole value as sent.
                #[cfg_attr(feature = "serde", serde(with = "crate::base::serde_util::octets"))]
                value: &'a [u8],
            },
            /// A well-known field whose value does not follow its grammar; kept raw.
            Unparsed {
                /// The field.
                field: FieldCode,
                /// The whole value as sent.
                #[cfg_attr(feature = "serde", serde(with = "crate::base::serde_util::octets"))]
                value: &'a [u8],
                /// Why the typed decode failed.
                error: DecodeErrorKind,
            },
            /// A textual (application) header: Token-text name, Text-string value
            /// (OMA-TS-MMS_ENC-V1_3 §7.2; e-mail gateways leave e.g. `Return-Path` in real PDUs). Names are not checked against the token alphabet (a
            /// single space occurs in real data).
            Application {
                /// The name.
                name: Token<'a>,
                /// The value.
                value: TextString<'a>,
            },
        }

        impl<'a> MmsHeader<'a> {
            /// The field code (`None` for an application header).
            pub const fn field(&self) -> Option<FieldCode> {
                match self {
                    $( MmsHeader::$variant(_) => Some(FieldCode($code)), )+
                    MmsHeader::Unknown { code, .. } => Some(FieldCode(*code)),
                    MmsHeader::Unparsed { field, .. } => Some(*field),
                    MmsHeader::Application { .. } => None,
                }
            }

            /// Decodes the value of well-known field `code` from exactly `value`: typed, kept
            /// raw as [`MmsHeader::Unparsed`] when it does not follow its grammar, or
            /// [`MmsHeader::Unknown`] for a code with no value grammar. Built in one step (no
            /// `Option<Result<..>>` around the 80-octet header) so it can be written in place.
            #[inline(always)]
            pub(crate) fn decode_value_of(code: u8, value: &'a [u8], ctx: &DecodeContext) -> Self {
                let unparsed = |error| MmsHeader::Unparsed {
                    field: FieldCode(code),
                    value,
                    error,
                };
                match code {
                    $( $code => match typed::<$ty>(value, ctx) {
                        Ok(v) => MmsHeader::$variant(v),
                        Err(error) => unparsed(error),
                    }, )+
                    _ => MmsHeader::Unknown { code, value },
                }
            }

            /// Types the value of well-known field `code` from exactly `value` as
            /// [`MmsHeader::decode_value_of`] does, and keeps only what the header index needs:
            /// the typed value lives on the stack of this call and is dropped here, never moved
            /// out through a `Result`.
            #[inline(always)]
            pub(crate) fn check_value_of(code: u8, value: &'a [u8], ctx: &DecodeContext) -> Checked {
                match code {
                    $( $code => Checked::of(<$ty as CutCheck>::check_cut(value, ctx)), )+
                    _ => Checked::Unknown,
                }
            }

            /// Octets of the value (without the name).
            fn value_len(&self) -> usize {
                match self {
                    $( MmsHeader::$variant(v) => v.encoded_len(), )+
                    MmsHeader::Unknown { value, .. } | MmsHeader::Unparsed { value, .. } => {
                        value.len()
                    }
                    MmsHeader::Application { value, .. } => value.encoded_len(),
                }
            }

            /// Writes the value (without the name).
            fn encode_value<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
                match self {
                    $( MmsHeader::$variant(v) => v.encode(w), )+
                    MmsHeader::Unknown { value, .. } | MmsHeader::Unparsed { value, .. } => {
                        w.write_bytes(value)
                    }
                    MmsHeader::Application { value, .. } => value.encode(w),
                }
            }

            /// Writes the value for people, without the name (see the `Display` of
            /// [`MmsHeader`], which adds the name and shows dates in ISO 8601).
            ///
            /// # Errors
            /// Those of the formatter.
            pub fn fmt_value(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                match self {
                    $( MmsHeader::$variant(v) => core::fmt::Display::fmt(v, f), )+
                    MmsHeader::Unknown { value, .. } => {
                        f.write_str("[")?;
                        crate::text::write_hex(f, value)?;
                        f.write_str("]")
                    }
                    MmsHeader::Unparsed { value, error, .. } => {
                        f.write_str("[")?;
                        crate::text::write_hex(f, value)?;
                        write!(f, "] (not parsed: {error})")
                    }
                    MmsHeader::Application { value, .. } => write!(f, "{value}"),
                }
            }

            /// A lenient wire form the value was decoded from (Quote rule, missing NUL,
            /// non-minimal length or integer), if any.
            pub fn deviation(&self) -> Option<Deviation> {
                match self {
                    $( MmsHeader::$variant(v) => HeaderValue::deviation(v), )+
                    MmsHeader::Application { value, .. } => value.deviation(),
                    MmsHeader::Unknown { .. } | MmsHeader::Unparsed { .. } => None,
                }
            }
        }
    };
}

mms_headers! {
    /// Bcc (0x01), repeatable.
    0x01 => Bcc(Address<'a>),
    /// Cc (0x02), repeatable.
    0x02 => Cc(Address<'a>),
    /// X-Mms-Content-Location (0x03); indexed in the delete confirmations.
    0x03 => ContentLocation(ContentLocationValue<'a>),
    /// Content-Type (0x04): the last header; the body follows.
    0x04 => ContentType(ContentTypeValue<'a>),
    /// Date (0x05), seconds since 1970-01-01T00:00:00Z.
    0x05 => Date(DateValue),
    /// X-Mms-Delivery-Report (0x06).
    0x06 => DeliveryReport(YesNo),
    /// X-Mms-Delivery-Time (0x07).
    0x07 => DeliveryTime(TimeValue),
    /// X-Mms-Expiry (0x08).
    0x08 => Expiry(TimeValue),
    /// From (0x09).
    0x09 => From(FromValue<'a>),
    /// X-Mms-Message-Class (0x0A).
    0x0A => MessageClass(MessageClassValue<'a>),
    /// Message-ID (0x0B).
    0x0B => MessageId(TextString<'a>),
    /// X-Mms-Message-Type (0x0C): the first header of every PDU.
    0x0C => MessageType(MessageType),
    /// X-Mms-MMS-Version (0x0D).
    0x0D => MmsVersion(Version<'a>),
    /// X-Mms-Message-Size (0x0E), octets (Long-integer; a Short-integer is accepted).
    0x0E => MessageSize(IntegerValue),
    /// X-Mms-Priority (0x0F).
    0x0F => Priority(Priority),
    /// X-Mms-Read-Report (0x10; X-Mms-Read-Reply in MMS 1.0).
    0x10 => ReadReport(YesNo),
    /// X-Mms-Report-Allowed (0x11).
    0x11 => ReportAllowed(YesNo),
    /// X-Mms-Response-Status (0x12).
    0x12 => ResponseStatus(ResponseStatusValue),
    /// X-Mms-Response-Text (0x13); indexed in the delete confirmations.
    0x13 => ResponseText(ResponseTextValue<'a>),
    /// X-Mms-Sender-Visibility (0x14).
    0x14 => SenderVisibility(SenderVisibility),
    /// X-Mms-Status (0x15).
    0x15 => Status(Status),
    /// Subject (0x16).
    0x16 => Subject(EncodedString<'a>),
    /// To (0x17), repeatable.
    0x17 => To(Address<'a>),
    /// X-Mms-Transaction-Id (0x18).
    0x18 => TransactionId(TextString<'a>),
    /// X-Mms-Retrieve-Status (0x19).
    0x19 => RetrieveStatus(RetrieveStatus),
    /// X-Mms-Retrieve-Text (0x1A).
    0x1A => RetrieveText(EncodedString<'a>),
    /// X-Mms-Read-Status (0x1B).
    0x1B => ReadStatus(ReadStatus),
    /// X-Mms-Reply-Charging (0x1C).
    0x1C => ReplyCharging(ReplyCharging),
    /// X-Mms-Reply-Charging-Deadline (0x1D).
    0x1D => ReplyChargingDeadline(TimeValue),
    /// X-Mms-Reply-Charging-ID (0x1E).
    0x1E => ReplyChargingId(TextString<'a>),
    /// X-Mms-Reply-Charging-Size (0x1F), octets.
    0x1F => ReplyChargingSize(IntegerValue),
    /// X-Mms-Previously-Sent-By (0x20), repeatable.
    0x20 => PreviouslySentBy(PreviouslySentBy<'a>),
    /// X-Mms-Previously-Sent-Date (0x21), repeatable.
    0x21 => PreviouslySentDate(PreviouslySentDate),
    /// X-Mms-Store (0x22).
    0x22 => Store(YesNo),
    /// X-Mms-MM-State (0x23).
    0x23 => MmState(MmState),
    /// X-Mms-MM-Flags (0x24), repeatable.
    0x24 => MmFlags(MmFlags<'a>),
    /// X-Mms-Store-Status (0x25).
    0x25 => StoreStatus(StoreStatus),
    /// X-Mms-Store-Status-Text (0x26).
    0x26 => StoreStatusText(EncodedString<'a>),
    /// X-Mms-Stored (0x27).
    0x27 => Stored(YesNo),
    /// X-Mms-Attributes (0x28): a field code, repeatable.
    0x28 => Attributes(FieldCode),
    /// X-Mms-Totals (0x29).
    0x29 => Totals(YesNo),
    /// X-Mms-Mbox-Totals (0x2A).
    0x2A => MboxTotals(MboxTotals),
    /// X-Mms-Quotas (0x2B).
    0x2B => Quotas(YesNo),
    /// X-Mms-Mbox-Quotas (0x2C).
    0x2C => MboxQuotas(MboxQuotas),
    /// X-Mms-Message-Count (0x2D).
    0x2D => MessageCount(IntegerValue),
    /// X-Mms-Start (0x2F).
    0x2F => Start(IntegerValue),
    /// X-Mms-Distribution-Indicator (0x31).
    0x31 => DistributionIndicator(YesNo),
    /// X-Mms-Element-Descriptor (0x32).
    0x32 => ElementDescriptor(ElementDescriptor<'a>),
    /// X-Mms-Limit (0x33).
    0x33 => Limit(IntegerValue),
    /// X-Mms-Recommended-Retrieval-Mode (0x34).
    0x34 => RecommendedRetrievalMode(RetrievalMode),
    /// X-Mms-Recommended-Retrieval-Mode-Text (0x35).
    0x35 => RecommendedRetrievalModeText(EncodedString<'a>),
    /// X-Mms-Status-Text (0x36).
    0x36 => StatusText(EncodedString<'a>),
    /// X-Mms-Applic-ID (0x37).
    0x37 => ApplicId(TextString<'a>),
    /// X-Mms-Reply-Applic-ID (0x38).
    0x38 => ReplyApplicId(TextString<'a>),
    /// X-Mms-Aux-Applic-Info (0x39).
    0x39 => AuxApplicInfo(TextString<'a>),
    /// X-Mms-Content-Class (0x3A).
    0x3A => ContentClass(ContentClass),
    /// X-Mms-DRM-Content (0x3B).
    0x3B => DrmContent(YesNo),
    /// X-Mms-Adaptation-Allowed (0x3C).
    0x3C => AdaptationAllowed(YesNo),
    /// X-Mms-Replace-ID (0x3D).
    0x3D => ReplaceId(TextString<'a>),
    /// X-Mms-Cancel-ID (0x3E).
    0x3E => CancelId(TextString<'a>),
    /// X-Mms-Cancel-Status (0x3F).
    0x3F => CancelStatus(CancelStatus),
}

impl<'a> MmsHeader<'a> {
    /// The header's name: the registered field name, `"unknown"` for an unassigned code, or
    /// the application header's own name (`"?"` when it is not UTF-8).
    pub fn name(&self) -> &'a str {
        match self {
            MmsHeader::Application { name, .. } => name.as_str().unwrap_or("?"),
            other => other.static_name(),
        }
    }

    /// A static name for error and diagnostic contexts.
    pub(crate) fn static_name(&self) -> &'static str {
        match self.field() {
            Some(f) => f.name().unwrap_or("unknown MMS header"),
            None => "application header",
        }
    }

    /// The application header's name octets, if this is one.
    pub const fn application_name(&self) -> Option<Token<'a>> {
        match self {
            MmsHeader::Application { name, .. } => Some(*name),
            _ => None,
        }
    }

    /// `true` for the opaque fallbacks ([`MmsHeader::Unknown`], [`MmsHeader::Unparsed`]).
    pub const fn is_raw(&self) -> bool {
        matches!(self, MmsHeader::Unknown { .. } | MmsHeader::Unparsed { .. })
    }

    /// The header's text value decoded to a string, for the Encoded-string-value and
    /// Text-string fields (Subject, Message-ID, addresses, ...); `None` for other fields.
    pub fn text(&self, default: crate::assigned::Charset) -> Option<Cow<'a, str>> {
        use crate::text::encoded_string_text;
        match self {
            MmsHeader::Bcc(a) | MmsHeader::Cc(a) | MmsHeader::To(a) => {
                Some(encoded_string_text(&a.0, default))
            }
            MmsHeader::Subject(s)
            | MmsHeader::RetrieveText(s)
            | MmsHeader::StoreStatusText(s)
            | MmsHeader::RecommendedRetrievalModeText(s)
            | MmsHeader::StatusText(s) => Some(encoded_string_text(s, default)),
            MmsHeader::ResponseText(r) => Some(encoded_string_text(r.value(), default)),
            MmsHeader::MessageId(t)
            | MmsHeader::TransactionId(t)
            | MmsHeader::ReplyChargingId(t)
            | MmsHeader::ApplicId(t)
            | MmsHeader::ReplyApplicId(t)
            | MmsHeader::AuxApplicInfo(t)
            | MmsHeader::ReplaceId(t)
            | MmsHeader::CancelId(t)
            | MmsHeader::Application { value: t, .. } => {
                Some(crate::text::decode_text(None, t.bytes, default))
            }
            MmsHeader::ContentLocation(c) => {
                Some(crate::text::decode_text(None, c.uri_bytes(), default))
            }
            _ => None,
        }
    }
}

impl core::fmt::Display for MmsHeader<'_> {
    /// `Name: value`, e.g. `Subject: Hello` or `Date: 2020-01-01T00:00:00Z (1577836800)`; an
    /// application header whose name is not a token (empty, or a space as real phones send)
    /// shows its name quoted.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let name = self.name();
        let is_token = !matches!(self, MmsHeader::Application { .. })
            || !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?={}".contains(&b));
        if is_token {
            write!(f, "{name}: ")?;
        } else {
            write!(f, "{name:?}: ")?;
        }
        match self {
            MmsHeader::Date(d) => write!(f, "{} ({})", crate::text::IsoDate(d.value), d.value),
            other => other.fmt_value(f),
        }
    }
}

impl Encode for MmsHeader<'_> {
    fn encoded_len(&self) -> usize {
        let name = match self {
            MmsHeader::Application { name, .. } => name.encoded_len(),
            _ => 1,
        };
        name + self.value_len()
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        self.check_leading_octet()?;
        match self {
            MmsHeader::Application { name, .. } => name.encode(w)?,
            MmsHeader::Unknown { code, .. } if *code > 0x7F => {
                return Err(EncodeError::Unencodable {
                    field: "MMS header",
                    reason: "field code above 0x7F",
                });
            }
            _ => {
                let code = self.field().map_or(0, FieldCode::get);
                w.write_u8(code | 0x80)?;
            }
        }
        self.encode_value(w)
    }
}

impl MmsHeader<'_> {
    /// Refuses a value the decoder would read as something else: at a field-value position
    /// an octet 0x01–0x1F starts a Value-length (WAP-230-WSP §8.4.1.2), so the typed text values refuse an
    /// unquoted text starting with one, and the encoder must too; a text Version-value is read
    /// back when that "length" happens to cover it exactly (`8D 01 00`). An application header
    /// name must start with a token octet (0x20–0x7E). Found by the `built_pdu` fuzz target:
    /// `TextString::new(b"\x01\x05...")` as a Transaction-ID came back as other headers.
    fn check_leading_octet(&self) -> Result<(), EncodeError> {
        use crate::mms::values::{ContentLocationValue, MessageClassValue};
        let control = |b: Option<&u8>| b.is_some_and(|&b| (0x01..0x20).contains(&b));
        let refuse = |reason| {
            Err(EncodeError::Unencodable {
                field: self
                    .field()
                    .and_then(FieldCode::name)
                    .unwrap_or("MMS header"),
                reason,
            })
        };
        match self {
            MmsHeader::MessageId(t)
            | MmsHeader::TransactionId(t)
            | MmsHeader::ReplyChargingId(t)
            | MmsHeader::ApplicId(t)
            | MmsHeader::ReplyApplicId(t)
            | MmsHeader::AuxApplicInfo(t)
            | MmsHeader::ReplaceId(t)
            | MmsHeader::CancelId(t)
            | MmsHeader::ContentLocation(
                ContentLocationValue::Plain(t) | ContentLocationValue::Indexed { value: t, .. },
            )
            | MmsHeader::ElementDescriptor(crate::mms::values::ElementDescriptor {
                reference: t,
                ..
            }) if !t.quoted && control(t.bytes.first()) => {
                refuse("text cannot start with a control octet")
            }
            MmsHeader::MessageClass(MessageClassValue::Text(t)) if control(t.bytes.first()) => {
                refuse("token cannot start with a control octet")
            }
            MmsHeader::MmsVersion(Version::Text(t)) if !t.quoted && control(t.bytes.first()) => {
                // Rare path: encode and read the extent back.
                let mut wire = alloc::vec::Vec::new();
                t.encode(&mut wire)?;
                match crate::codec::skip_value(&wire) {
                    Ok(([], _)) => Ok(()),
                    _ => refuse("text starting with a control octet reads as a Value-length"),
                }
            }
            MmsHeader::From(crate::mms::values::FromValue::Bare { address }) => {
                // Rare path: a bare From must start as text, or it reads as a Value-length.
                let mut wire = alloc::vec::Vec::new();
                address.encode(&mut wire)?;
                match wire.first() {
                    Some(&b) if b >= 0x20 => Ok(()),
                    _ => refuse("a bare From must be a Text-string"),
                }
            }
            MmsHeader::Application { name, .. } => match name.bytes.first() {
                Some(0x20..=0x7E) => Ok(()),
                _ => Err(EncodeError::Unencodable {
                    field: "application header",
                    reason: "name must start with an octet 0x20-0x7E",
                }),
            },
            _ => Ok(()),
        }
    }
}

/// One header found in a header block, its value not typed yet (see [`scan_header`]).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Scanned<'a> {
    /// A well-known field (name octet 0x80–0xFF): the code and the value's exact octets.
    Field {
        /// The field code (name octet without the high bit).
        code: u8,
        /// The whole value as sent.
        value: &'a [u8],
    },
    /// A textual (application) header.
    Application {
        /// The name.
        name: Token<'a>,
        /// The value.
        value: TextString<'a>,
    },
}

/// Finds the extent of one header at the start of `input` without typing a well-known value:
/// the grammar of the header block itself, shared by [`decode_header`] and the header index.
///
/// # Errors
/// As [`decode_header`].
#[inline(always)]
pub(crate) fn scan_header(input: &[u8]) -> PResult<'_, Scanned<'_>> {
    let (rest, b) = octet(input)?;
    if b >= 0x80 {
        let code = b & 0x7F;
        if may_be_repaired(code, rest) && !framed_and_well_formed(code, rest) {
            if let Some(len) = repaired_extent(code, rest) {
                if let Some((value, after)) = rest.split_at_checked(len) {
                    return Ok((after, Scanned::Field { code, value }));
                }
            }
        }
        let (after, value) = skip_value(rest).map_err(|e| {
            e.map(|e| e.in_field(FieldCode(code).name().unwrap_or("unknown MMS header")))
        })?;
        Ok((after, Scanned::Field { code, value }))
    } else if (0x20..0x7F).contains(&b) {
        let (rest, name) = in_field(token_text(input), "application header")?;
        let (rest, value) = in_field(text_string(rest), "application header")?;
        Ok((rest, Scanned::Application { name, value }))
    } else {
        in_field(unexpected(input, Expected::FieldName), "MMS header")
    }
}

/// The fields whose values [`repaired_extent`] may repair, as a set of field codes: the
/// single-octet values of [`lost_high_bit`] and the Value-length framed values of
/// [`short_length`].
const REPAIRABLE: u128 = 1 << FieldCode::MMS_VERSION.get()
    | 1 << FieldCode::MESSAGE_CLASS.get()
    | 1 << FieldCode::PRIORITY.get()
    | 1 << FieldCode::DELIVERY_REPORT.get()
    | 1 << FieldCode::READ_REPORT.get()
    | 1 << FieldCode::FROM.get()
    | 1 << FieldCode::EXPIRY.get()
    | 1 << FieldCode::DELIVERY_TIME.get();

/// Whether the value of field `code` at the start of `value` may be one that a repair reads:
/// both repairs start with an octet below 0x20 (a value octet without its high bit, a
/// Short-length), and only the fields of [`REPAIRABLE`] have them. Asked before anything else,
/// because it is asked of every header: the repairs cost a well-formed PDU this test only
/// (they cost it about 600 instructions per notification before).
#[inline(always)]
pub(crate) fn may_be_repaired(code: u8, value: &[u8]) -> bool {
    value.first().is_some_and(|&b| b < 0x20) && REPAIRABLE & (1 << (code & 0x7F)) != 0
}

/// The Value-length framed fields of [`short_length`], as a set of field codes.
const FRAMED: u128 =
    1 << FieldCode::FROM.get() | 1 << FieldCode::EXPIRY.get() | 1 << FieldCode::DELIVERY_TIME.get();

/// Whether the value at the start of `rest` is one of the framed fields whose Short-length
/// ends on a header boundary: the well-formed case, which [`repaired_extent`] leaves alone
/// (asked inline, so that a well-formed From or Expiry does not pay for the call).
#[inline(always)]
fn framed_and_well_formed(code: u8, rest: &[u8]) -> bool {
    FRAMED & (1 << (code & 0x7F)) != 0
        && rest
            .first()
            .and_then(|&len| rest.get(1 + usize::from(len)..))
            .is_some_and(at_boundary)
}

/// The assigned MMS field codes, as a set (for [`at_boundary`], asked of every repairable
/// value).
const ASSIGNED: u128 = {
    let (mut set, mut code) = (0u128, 0u8);
    while code < 0x80 {
        if FieldCode::from_wire(code | 0x80).name().is_some() {
            set |= 1 << code;
        }
        code += 1;
    }
    set
};

/// Whether `rest` starts the next header the way a well-known one does (an assigned field
/// name), or is over: where a repaired value may end.
#[inline]
fn at_boundary(rest: &[u8]) -> bool {
    rest.first()
        .is_none_or(|&b| b >= 0x80 && ASSIGNED & (1 << (b & 0x7F)) != 0)
}

/// The octet a single-octet value of field `code` was sent as when it lost its high bit, if
/// `value` (the whole value, one octet) is that: an MMS-Version `10`–`1F` (a Short-integer of
/// major version 1, OMA-TS-MMS_ENC-V1_3 §7.3.34), or a token of X-Mms-Message-Class (`00`–`03`),
/// X-Mms-Priority (`00`–`02`), X-Mms-Delivery-Report or X-Mms-Read-Report (`00`, `01`) whose
/// octet with the high bit set is assigned. None of these grammars has a Value-length, which
/// is what such an octet reads as.
pub(crate) fn lost_high_bit(code: u8, value: &[u8]) -> Option<u8> {
    let &[found] = value else { return None };
    let highest = match FieldCode(code) {
        FieldCode::MMS_VERSION if found >= 0x10 => 0x1F,
        FieldCode::MESSAGE_CLASS => 0x03,
        FieldCode::PRIORITY => 0x02,
        FieldCode::DELIVERY_REPORT | FieldCode::READ_REPORT => 0x01,
        _ => return None,
    };
    (found <= highest).then_some(found)
}

/// Whether the value of field `code` carries more octets than its Short-length declares, the
/// content's own grammar running on to a header boundary (see [`repaired_extent`]): the
/// declared length (the Short-length octet) and the octets after it, when so.
pub(crate) fn short_length(code: u8, value: &[u8]) -> Option<(u32, u32)> {
    let (&declared, content) = value.split_first()?;
    let length_delimited = matches!(
        FieldCode(code),
        FieldCode::FROM | FieldCode::EXPIRY | FieldCode::DELIVERY_TIME
    );
    let actual = u32::try_from(content.len()).ok()?;
    (length_delimited && (1..=30).contains(&declared) && actual > u32::from(declared))
        .then_some((u32::from(declared), actual))
}

/// The extent of a value of field `code` at the start of `rest` that a real sender got wrong
/// in a way its field's grammar makes plain, when the generic extent (a Value-length, or text
/// up to NUL) would swallow the headers after it. AOSP's `WapPushOverSmsTest` has both:
/// - a single-octet value without its high bit ([`lost_high_bit`]), followed by a header
///   boundary where reading it as a Value-length does not end on one: the value is that one
///   octet;
/// - a Short-length too small for the From (Address-present-token, then text up to its NUL)
///   or the Expiry / Delivery-Time (a token, then a Long-integer with its own length) that it
///   frames, where the declared end does not fall on a header boundary and the content's own
///   end does: the value runs to the content's end (OMA-TS-MMS_ENC-V1_3 §7.3.21, §7.3.20).
///
/// The MMS-Version, From and Expiry / Delivery-Time values so cut out decode typed, remembering
/// the wire form so that they re-encode as sent ([`Version::HighBitMissing`],
/// [`FromValue::AddressPresent`]'s and [`TimeValue`]'s `short_length`); the tokens that lost
/// their high bit stay raw ([`MmsHeader::Unparsed`]). The header index reports what was
/// repaired, and strict mode refuses it.
fn repaired_extent(code: u8, rest: &[u8]) -> Option<usize> {
    let (&first, after_first) = rest.split_first()?;
    // Only where the generic reading does not end on a header boundary itself (`8A 02 81 80`
    // is one Message-Class of two octets as well as `8A 82` then a Bcc).
    if lost_high_bit(code, &[first]).is_some()
        && at_boundary(after_first)
        && !matches!(skip_value(rest), Ok((after, _)) if at_boundary(after))
    {
        return Some(1);
    }
    let declared = usize::from(first);
    if !(1..=30).contains(&declared) || at_boundary(rest.get(1 + declared..)?) {
        return None;
    }
    let end = match FieldCode(code) {
        FieldCode::FROM => match after_first {
            [0x80, text @ ..] if text.first().is_some_and(|&b| b >= 0x20) => {
                2 + crate::codec::find_nul(text)? + 1
            }
            _ => return None,
        },
        FieldCode::EXPIRY | FieldCode::DELIVERY_TIME => match after_first {
            [0x80 | 0x81, n @ 1..=8, ..] => 3 + usize::from(*n),
            _ => return None,
        },
        _ => return None,
    };
    (end > 1 + declared && at_boundary(rest.get(end..)?)).then_some(end)
}

/// Decodes one header of an MMS header block at the start of `input`.
///
/// A name octet 0x80–0xFF is a well-known field (code & 0x7F); 0x20–0x7E starts an
/// application header (Token-text, then a Text-string value). Anything else cannot start an
/// MMS header (MMS has no code pages).
///
/// # Errors
/// `UnexpectedOctet` (expected a field name) for an octet 0x00–0x1F or 0x7F; a value whose
/// extent cannot be found (text without NUL, length past the end) names its field.
#[inline]
pub fn decode_header<'a>(input: &'a [u8], ctx: &DecodeContext) -> PResult<'a, MmsHeader<'a>> {
    let (rest, scanned) = scan_header(input)?;
    let header = match scanned {
        Scanned::Field { code, value } => MmsHeader::decode_value_of(code, value, ctx),
        Scanned::Application { name, value } => MmsHeader::Application { name, value },
    };
    Ok((rest, header))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::{IntegerForm, QUOTE};
    use crate::mms::values::Time;

    fn one(wire: &[u8]) -> MmsHeader<'_> {
        one_in(wire, &DecodeContext::default())
    }

    fn one_in<'a>(wire: &'a [u8], ctx: &DecodeContext) -> MmsHeader<'a> {
        let (rest, h) = decode_header(wire, ctx).unwrap();
        assert!(rest.is_empty(), "{h:?} left {rest:?}");
        assert_eq!(h.encode_to_vec().unwrap(), wire, "{h:?}");
        assert_eq!(h.encoded_len(), wire.len());
        h
    }

    #[test]
    fn typed_fields() {
        assert_eq!(
            one(&[0x89, 0x01, 0x81]),
            MmsHeader::From(FromValue::insert_address())
        );
        assert!(matches!(
            one(&[0x88, 0x05, 0x81, 0x03, 0x03, 0xF4, 0x80]),
            MmsHeader::Expiry(TimeValue { time: Time::Relative(d), .. }) if d.value == 259_200
        ));
        assert!(matches!(
            one(&[0x88, 0x02, 0x81, 0x8A]),
            MmsHeader::Expiry(TimeValue { time: Time::Relative(d), .. })
                if d.value == 10 && d.form == IntegerForm::Short
        ));
        assert_eq!(
            one(&[0x8C, 0x82]),
            MmsHeader::MessageType(MessageType::NOTIFICATION_IND)
        );
        assert_eq!(
            one(&[0x8D, 0x93]),
            MmsHeader::MmsVersion(Version::Short(0x13))
        );
        assert!(
            matches!(one(&[0x8E, 0x02, 0x30, 0x39]), MmsHeader::MessageSize(v) if v.value == 12345)
        );
        assert_eq!(
            one(&[0xA8, 0x96]),
            MmsHeader::Attributes(FieldCode::SUBJECT)
        );
        assert_eq!(
            one(&[0xBF, 0x80]),
            MmsHeader::CancelStatus(CancelStatus::SUCCESSFULLY_RECEIVED)
        );
        let h = one(b"\x97+15551234567/TYPE=PLMN\0");
        assert!(matches!(h, MmsHeader::To(a) if a.value() == b"+15551234567"));
        assert_eq!(h.name(), "To");
        assert!(matches!(
            one(&[0xA4, 0x06, 0x80, b'W', b'o', b'r', b'k', 0]),
            MmsHeader::MmFlags(_)
        ));
        assert!(matches!(
            one(&[0xAA, 0x02, 0x80, 0x85]),
            MmsHeader::MboxTotals(_)
        ));
        assert!(matches!(
            one(b"\xA0\x04\x80a@b"),
            MmsHeader::Unparsed { .. }
        ));
        assert!(matches!(
            one(b"\xA0\x05\x80a@b\0"),
            MmsHeader::PreviouslySentBy(_)
        ));
        assert!(matches!(
            one(b"\xB2\x05<r>\0\x82"),
            MmsHeader::Unparsed { .. }
        ));
        assert!(matches!(
            one(b"\xB2\x0F<r>\0\x82image/png\0"),
            MmsHeader::ElementDescriptor(_)
        ));
    }

    #[test]
    fn indexed_content_location_in_delete_conf() {
        let del = DecodeContext::new(Some(MessageType::DELETE_CONF));
        let h = one_in(b"\x83\x05\x81abc\0", &del);
        assert!(matches!(
            h,
            MmsHeader::ContentLocation(ContentLocationValue::Indexed { .. })
        ));
        // Elsewhere the same octets do not follow the grammar: kept raw.
        assert!(matches!(
            one(b"\x83\x05\x81abc\0"),
            MmsHeader::Unparsed { .. }
        ));
    }

    #[test]
    fn fallbacks() {
        // Token field sent as text: Unparsed, raw value kept.
        let h = one(b"\x86yes\0");
        assert!(
            matches!(h, MmsHeader::Unparsed { field: FieldCode::DELIVERY_REPORT, value, .. } if value == b"yes\0")
        );
        // Unassigned token octet stays typed.
        assert_eq!(one(&[0x86, 0x85]), MmsHeader::DeliveryReport(YesNo(0x85)));
        // Content (0x2E), Additional-headers (0x30) and unassigned codes: Unknown.
        assert!(matches!(
            one(&[0xAE, 0x80]),
            MmsHeader::Unknown { code: 0x2E, .. }
        ));
        assert!(matches!(
            one(&[0xB0, 0x02, 1, 2]),
            MmsHeader::Unknown { code: 0x30, .. }
        ));
        assert!(matches!(
            one(&[0xC5, 0x80]),
            MmsHeader::Unknown { code: 0x45, .. }
        ));
        assert!(matches!(
            one(&[0x80, 0x80]),
            MmsHeader::Unknown { code: 0, .. }
        ));
        // Application header, including a name of a single space.
        let h = one(b"X-Scanned-By\0MIMEDefang\0");
        assert!(matches!(h, MmsHeader::Application { .. }));
        assert_eq!(h.name(), "X-Scanned-By");
        assert_eq!(h.field(), None);
        assert!(matches!(one(b" \0v\0"), MmsHeader::Application { .. }));
        // Trailing octets inside a length-delimited value: Unparsed.
        assert!(matches!(
            one(&[0x89, 0x02, 0x81, 0x00]),
            MmsHeader::Unparsed {
                error: DecodeErrorKind::TrailingBytes { count: 1 },
                ..
            }
        ));
    }

    #[test]
    fn hard_errors_name_the_field() {
        let ctx = DecodeContext::default();
        let e = decode_header(&[0x89, 0x40], &ctx).unwrap_err();
        let nom::Err::Error(e) = e else { panic!() };
        assert_eq!(e.context, "From");
        assert_eq!(e.kind, DecodeErrorKind::MissingTerminator);
        let nom::Err::Error(e) = decode_header(&[0x88, 0x05, 0x81], &ctx).unwrap_err() else {
            panic!()
        };
        assert_eq!(e.context, "X-Mms-Expiry");
        assert!(decode_header(&[0x00], &ctx).is_err());
        assert!(decode_header(&[0x7F], &ctx).is_err());
        assert!(decode_header(&[], &ctx).is_err());
    }

    #[test]
    fn every_field_code_decodes_or_falls_back() {
        // Any code with any of the three shapes never panics and re-encodes exactly.
        let values: [&[u8]; 5] = [&[0x80], &[0x81], b"x\0", &[0x02, 0x81, 0x80], &[0x00]];
        let ctx = DecodeContext::default();
        for code in 0x80..=0xFFu8 {
            for v in values {
                let mut wire = alloc::vec![code];
                wire.extend_from_slice(v);
                let (rest, h) = decode_header(&wire, &ctx).unwrap();
                assert!(rest.is_empty());
                assert_eq!(h.encode_to_vec().unwrap(), wire, "{h:?}");
            }
        }
    }

    /// What the header index concludes of a value it cut out, the way the header decoder
    /// concludes it: typed with the value's deviation, unparsed with its error, or unknown.
    fn checked_by_decoding(code: u8, value: &[u8], ctx: &DecodeContext) -> Checked {
        match MmsHeader::decode_value_of(code, value, ctx) {
            MmsHeader::Unparsed { error, .. } => Checked::Unparsed(error),
            MmsHeader::Unknown { .. } => Checked::Unknown,
            typed => Checked::Typed(typed.deviation()),
        }
    }

    #[test]
    fn cut_texts_are_checked_as_decoded() {
        let ctx = DecodeContext::default();
        let del = DecodeContext::new(Some(MessageType::DELETE_CONF));
        // Plain, quoted, empty, quoted empty; a Value-length (and a charset as a one-octet
        // Long-integer, a deviation for some grammars and not for others), a short integer, no
        // NUL.
        let values: [&[u8]; 20] = [
            // From: the common form, a wrong length, a NUL inside, a bare address, Insert.
            b"\x08\x80Erotik\0",
            b"\x07\x80Erotik\0",
            b"\x05\x80a\0b\0",
            b"\x04\x80\x7Fa\0",
            b"Erotik\0",
            b"\x01\x81",
            // Time-value: Long-integer relative and absolute, zero-padded, a Short-integer
            // delta, a length that does not match.
            b"\x05\x81\x03\x03\xF4\x80",
            b"\x04\x80\x02\x00\x05",
            b"\x03\x81\x01\x00",
            b"\x02\x81\x85",
            b"\x04\x81\x03\x01\x02",
            b"ab\0",
            b"\x7F\x80\0",
            b"\0",
            b"\x7F\0",
            b"\x02\x81\0",
            b"\x02\x01\0",
            b"\x81",
            b"a",
            b"",
        ];
        for code in 0..0x80u8 {
            for value in values {
                for c in [&ctx, &del] {
                    assert_eq!(
                        MmsHeader::check_value_of(code, value, c),
                        checked_by_decoding(code, value, c),
                        "code {code:#04x}, value {value:?}, {c:?}"
                    );
                }
            }
        }
    }

    /// Octets that make texts (plain, quoted, empty) and every other value shape often.
    fn header_octets() -> impl proptest::strategy::Strategy<Value = alloc::vec::Vec<u8>> {
        use proptest::prelude::*;
        let octet = prop_oneof![
            Just(0u8),
            Just(QUOTE),
            0x20u8..0x7F,
            0x01u8..0x20,
            0x80u8..0x82,
            any::<u8>()
        ];
        proptest::collection::vec(octet, 0..14)
    }

    proptest::proptest! {
        /// The index's check of a value as the scan cut it (texts without a second search for
        /// their NUL) concludes what decoding the header concludes, for every field code and
        /// in the PDUs whose values read differently.
        #[test]
        fn checking_a_cut_value_is_decoding_it(octets in header_octets()) {
            let contexts = [
                DecodeContext::default(),
                DecodeContext::new(Some(MessageType::DELETE_CONF)),
                DecodeContext::new(Some(MessageType::MBOX_DELETE_CONF)),
                DecodeContext::new(Some(MessageType::RETRIEVE_CONF)),
            ];
            for code in 0x80..=0xFFu8 {
                let mut wire = alloc::vec![code];
                wire.extend_from_slice(&octets);
                let Ok((_, Scanned::Field { code, value })) = scan_header(&wire) else {
                    continue;
                };
                for ctx in &contexts {
                    let checked = MmsHeader::check_value_of(code, value, ctx);
                    proptest::prop_assert_eq!(
                        checked,
                        checked_by_decoding(code, value, ctx),
                        "code {:#04x}, value {:?}, {:?}", code, value, ctx
                    );
                    // What the index reports of a From without decoding it.
                    if code == FieldCode::FROM.get() {
                        let bare = matches!(
                            MmsHeader::decode_value_of(code, value, ctx),
                            MmsHeader::From(FromValue::Bare { .. })
                        );
                        let said = matches!(checked, Checked::Typed(_))
                            && crate::mms::values::starts_bare(value);
                        proptest::prop_assert_eq!(said, bare, "{:?}", value);
                    }
                }
            }
        }
    }
}
