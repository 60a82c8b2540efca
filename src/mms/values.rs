//! One type per MMS header value grammar (MMS_ENC 7.2, 7.3; REFERENCE.md §6 "Common value
//! types", §6.1, §10).
//!
//! Each type has a decoder (its [`HeaderValue::decode_value`], plus a plain nom-style function
//! where it is useful on its own) and an [`Encode`] implementation. Decoded values remember
//! their wire form (the [`LengthForm`] of a Value-length, the [`IntegerForm`] of an
//! Integer-value, the framing of a text), so encoding a decoded value reproduces its octets;
//! the `new`/named constructors build the canonical, minimal form.
//!
//! Token-valued fields hold the assigned-number newtype of `crate::assigned`, so an unassigned
//! token octet (≥ 0x80) still decodes, stays typed and re-encodes unchanged.
//!
//! [`IntegerForm`]: crate::codec::IntegerForm

use core::fmt;

use crate::assigned::{
    CancelStatus, ContentClass, FieldCode, MboxQuotasToken, MboxTotalsToken, MessageClass,
    MessageType, MmFlagsToken, MmState, Priority, ReadStatus, ReplyCharging, ResponseStatus,
    RetrievalMode, RetrieveStatus, SenderVisibility, Status, StoreStatus, YesNo,
};
use crate::base::error::{DecodeError, DecodeErrorKind, Deviation, EncodeError, Expected};
use crate::codec::{
    DateValue, DeltaSeconds, Encode, EncodedString, IntegerForm, IntegerValue, LengthForm,
    LongInteger, PResult, TextString, Token, ValueLength, Version, Writer, date_value,
    encoded_string, expect_empty, fail, integer_value, length_prefixed, long_integer,
    short_integer, text_string, token_text, unexpected, version_value,
};

// ---------------------------------------------------------------------------------------------
// Plumbing

/// What a value decoder may need to know about the PDU it sits in.
///
/// The indexed ("-Del") forms of X-Mms-Content-Location and X-Mms-Response-Text exist only in
/// m-mbox-delete-conf (0x92) and m-delete-conf (0x95); Response-Text's plain form is itself
/// `Value-length Char-set Text`, so only the PDU type can tell the two apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DecodeContext {
    /// The PDU's X-Mms-Message-Type, once seen.
    pub message_type: Option<MessageType>,
}

impl DecodeContext {
    /// A context for a PDU of type `message_type`.
    pub const fn new(message_type: Option<MessageType>) -> Self {
        DecodeContext { message_type }
    }

    /// `true` in the two delete confirmations, whose Content-Location and Response-Text use
    /// the indexed "-Del" forms.
    pub const fn indexed_forms(&self) -> bool {
        matches!(
            self.message_type,
            Some(MessageType::MBOX_DELETE_CONF | MessageType::DELETE_CONF)
        )
    }
}

/// A value of an MMS header field: decodable from the exact octets of one value, encodable,
/// and able to say whether its wire form deviates from the canonical one.
pub trait HeaderValue<'a>: Encode + Sized {
    /// Decodes the value at the start of `input`.
    ///
    /// # Errors
    /// The value does not follow the field's grammar.
    fn decode_value(input: &'a [u8], ctx: &DecodeContext) -> PResult<'a, Self>;

    /// A lenient wire form accepted while decoding (Quote rule, missing NUL, non-minimal
    /// length or integer), if any.
    fn deviation(&self) -> Option<Deviation> {
        None
    }
}

/// The Value-length for `content` octets in `form` (falling back to the canonical form when
/// the short form cannot hold it).
fn length_in(form: LengthForm, content: usize) -> ValueLength {
    let len = u32::try_from(content).unwrap_or(u32::MAX);
    ValueLength { len: 0, form }.with_len(len)
}

/// The canonical Value-length form for `content` octets: short up to 30, quoted above. The
/// constructors use it so that a built value equals the value decoded from its encoding.
fn canonical_form(content: usize) -> LengthForm {
    length_in(LengthForm::Short, content).form
}

/// Octets of a length-delimited value whose content is `content` octets.
fn delimited_len(form: LengthForm, content: usize) -> usize {
    length_in(form, content).encoded_len() + content
}

/// Writes the Value-length of a `content`-octet value.
fn write_length<W: Writer + ?Sized>(
    w: &mut W,
    form: LengthForm,
    content: usize,
    field: &'static str,
) -> Result<(), EncodeError> {
    if u32::try_from(content).is_err() {
        return Err(EncodeError::Unencodable {
            field,
            reason: "longer than 2^32-1 octets",
        });
    }
    length_in(form, content).encode(w)
}

/// Deviation of a decoded Value-length form for a `content`-octet value.
fn length_deviation(form: LengthForm, content: usize) -> Option<Deviation> {
    length_in(form, content).deviation()
}

/// Cuts out a Value-length-delimited value, runs `inner` on it and requires it to consume
/// every octet.
fn delimited<'a, T>(
    input: &'a [u8],
    inner: impl FnOnce(&'a [u8]) -> PResult<'a, T>,
) -> PResult<'a, (LengthForm, T)> {
    let (rest, (vl, data)) = length_prefixed(input)?;
    let (left, value) = inner(data)?;
    expect_empty(left)?;
    Ok((rest, (vl.form, value)))
}

/// Deviation of an Integer-value in a field where both forms are legal: only leading zero
/// octets of a Long-integer count (a Long-integer for a small value is allowed).
fn integer_deviation(v: &IntegerValue) -> Option<Deviation> {
    match v.form {
        IntegerForm::Long(n) if n > LongInteger::minimal_octets(v.value) => {
            Some(Deviation::NonMinimalInteger)
        }
        _ => None,
    }
}

/// Deviation of an Encoded-string-value. Unlike [`EncodedString::deviation`], a charset sent
/// as a Long-integer (AOSP-style `02 03 E8` is legal, and so is `01 6A`) is not one; only
/// zero-padding is.
fn encoded_string_deviation(s: &EncodedString<'_>) -> Option<Deviation> {
    match s {
        EncodedString::Plain(t) => t.deviation(),
        EncodedString::WithCharset {
            length_form,
            charset,
            text,
        } => {
            let content = charset.encoded_len()
                + usize::from(text.quoted)
                + text.bytes.len()
                + usize::from(text.nuls);
            length_deviation(*length_form, content)
                .or_else(|| integer_deviation(charset))
                .or_else(|| {
                    text.deviation()
                        .filter(|d| *d != Deviation::UnterminatedText)
                })
        }
    }
}

fn long_deviation(v: &LongInteger) -> Option<Deviation> {
    (!v.is_minimal()).then_some(Deviation::NonMinimalInteger)
}

/// Decodes a Text-string whose first octet is text, a Quote or the empty-string NUL (an
/// octet 0x01–0x1F would start a Value-length, not a text).
fn text(input: &[u8]) -> PResult<'_, TextString<'_>> {
    match input.first() {
        Some(&b) if (1..0x20).contains(&b) => unexpected(input, Expected::TextString),
        _ => text_string(input),
    }
}

/// Decodes a single token octet (≥ 0x80), kept whole.
fn token_octet(input: &[u8]) -> PResult<'_, u8> {
    match input.split_first() {
        Some((&b, rest)) if b >= 0x80 => Ok((rest, b)),
        _ => unexpected(input, Expected::Token),
    }
}

fn write_token<W: Writer + ?Sized>(w: &mut W, b: u8) -> Result<(), EncodeError> {
    if b < 0x80 {
        return Err(EncodeError::Unencodable {
            field: "token",
            reason: "a token octet is 0x80..=0xFF",
        });
    }
    w.write_u8(b)
}

// ---------------------------------------------------------------------------------------------
// Single-octet tokens

macro_rules! token_values {
    ($($t:ty),+ $(,)?) => {$(
        impl Encode for $t {
            fn encoded_len(&self) -> usize {
                1
            }
            fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
                write_token(w, self.0)
            }
        }

        impl<'a> HeaderValue<'a> for $t {
            fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
                let (rest, b) = token_octet(input)?;
                Ok((rest, <$t>::new(b)))
            }
        }
    )+};
}

token_values!(
    YesNo,
    MessageType,
    Priority,
    SenderVisibility,
    Status,
    ReadStatus,
    ReplyCharging,
    MmState,
    StoreStatus,
    RetrieveStatus,
    ContentClass,
    RetrievalMode,
    CancelStatus,
    ResponseStatus,
    MessageClass,
    MmFlagsToken,
    MboxTotalsToken,
    MboxQuotasToken,
);

/// X-Mms-Attributes carries a field code as a Short-integer (`A8 96` requests Subject).
impl Encode for FieldCode {
    fn encoded_len(&self) -> usize {
        1
    }
    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        crate::codec::encode_short_integer(w, self.0)
    }
}

impl<'a> HeaderValue<'a> for FieldCode {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        let (rest, v) = short_integer(input)?;
        Ok((rest, FieldCode(v)))
    }
}

// ---------------------------------------------------------------------------------------------
// Primitives used directly as header values

impl<'a> HeaderValue<'a> for IntegerValue {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        integer_value(input)
    }
    fn deviation(&self) -> Option<Deviation> {
        integer_deviation(self)
    }
}

impl<'a> HeaderValue<'a> for LongInteger {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        long_integer(input)
    }
    fn deviation(&self) -> Option<Deviation> {
        long_deviation(self)
    }
}

impl<'a> HeaderValue<'a> for TextString<'a> {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        text(input)
    }
    fn deviation(&self) -> Option<Deviation> {
        TextString::deviation(self)
    }
}

impl<'a> HeaderValue<'a> for EncodedString<'a> {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        encoded_string(input)
    }
    fn deviation(&self) -> Option<Deviation> {
        encoded_string_deviation(self)
    }
}

impl<'a> HeaderValue<'a> for Version<'a> {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        version_value(input)
    }
    fn deviation(&self) -> Option<Deviation> {
        match self {
            Version::Short(_) => None,
            Version::Text(t) => t.deviation(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Content-Type

/// The value of the MMS Content-Type header (WSP Content-type-value, REFERENCE.md §1.5).
///
/// The WSP content type of REFERENCE.md §1.5 (well-known or text media, typed parameters kept
/// lazily), owned by the [`crate::wsp::content_type`](mod@crate::wsp::content_type) module.
pub type ContentTypeValue<'a> = crate::wsp::ContentType<'a>;

/// Decodes the Content-Type value of an MMS PDU.
///
/// # Errors
/// A value that is not a Content-type-value.
pub fn content_type_value(input: &[u8]) -> PResult<'_, ContentTypeValue<'_>> {
    crate::wsp::content_type(input)
}

impl<'a> HeaderValue<'a> for ContentTypeValue<'a> {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        content_type_value(input)
    }
}

// ---------------------------------------------------------------------------------------------
// Address

/// What kind of address an [`Address`] holds (MMS_ENC section 8; REFERENCE.md §10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum AddressKind<'a> {
    /// A phone number, `/TYPE=PLMN`.
    Phone,
    /// An IPv4 address, `/TYPE=IPv4`.
    Ipv4,
    /// An IPv6 address, `/TYPE=IPv6`.
    Ipv6,
    /// An e-mail address (no `/TYPE=`, contains `@`).
    Email,
    /// Another `/TYPE=` (the octets after `=`, as sent: a lower-case or misspelt `plmn` lands
    /// here too).
    Other(
        #[cfg_attr(
            feature = "serde",
            serde(
                serialize_with = "crate::base::serde_util::bytes",
                deserialize_with = "crate::base::serde_util::borrowed_bytes"
            )
        )]
        &'a [u8],
    ),
    /// No `/TYPE=` and not an e-mail address (e.g. a short code).
    Unknown,
}

/// The `/TYPE=` marker of a device address.
const TYPE_MARKER: &[u8] = b"/TYPE=";

/// An address (To, Cc, Bcc, From, Previously-Sent-By): an Encoded-string-value whose text
/// follows REFERENCE.md §10. Group messages from Android and iPhone carry a charset on each
/// recipient, so the charset form is kept.
///
/// The text is parsed on demand, without allocating.
///
/// ```
/// use mms_pdu::mms::{Address, AddressKind};
/// let a = Address::new(b"+15551234567/TYPE=PLMN");
/// assert_eq!(a.kind(), AddressKind::Phone);
/// assert_eq!(a.value(), b"+15551234567");
/// assert_eq!(Address::new(b"bob@example.com").kind(), AddressKind::Email);
/// assert_eq!(Address::phone_text("+15551234567"), "+15551234567/TYPE=PLMN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Address<'a>(#[cfg_attr(feature = "serde", serde(borrow))] pub EncodedString<'a>);

impl<'a> Address<'a> {
    /// An address holding `full_text` (including any `/TYPE=...`) as a plain Text-string.
    pub const fn new(full_text: &'a [u8]) -> Self {
        Address(EncodedString::plain(full_text))
    }

    /// An address with an explicit charset (MIBenum).
    pub const fn with_charset(mibenum: u64, full_text: &'a [u8]) -> Self {
        Address(EncodedString::with_charset(mibenum, full_text))
    }

    /// The full address text as sent (charset not applied).
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.0.as_bytes()
    }

    /// The Encoded-string-value.
    pub const fn encoded(&self) -> &EncodedString<'a> {
        &self.0
    }

    fn split_type(&self) -> Option<(&'a [u8], &'a [u8])> {
        let text = self.as_bytes();
        let at = text
            .windows(TYPE_MARKER.len())
            .rposition(|w| w.eq_ignore_ascii_case(TYPE_MARKER))?;
        let value = text.get(..at)?;
        let kind = text.get(at + TYPE_MARKER.len()..)?;
        Some((value, kind))
    }

    /// The kind of address.
    pub fn kind(&self) -> AddressKind<'a> {
        match self.split_type() {
            Some((_, b"PLMN")) => AddressKind::Phone,
            Some((_, b"IPv4")) => AddressKind::Ipv4,
            Some((_, b"IPv6")) => AddressKind::Ipv6,
            Some((_, other)) => AddressKind::Other(other),
            None if self.as_bytes().contains(&b'@') => AddressKind::Email,
            None => AddressKind::Unknown,
        }
    }

    /// The address without its `/TYPE=...` suffix.
    pub fn value(&self) -> &'a [u8] {
        match self.split_type() {
            Some((value, _)) => value,
            None => self.as_bytes(),
        }
    }

    /// The address text decoded by its charset (UTF-8 when none), invalid octets replaced.
    pub fn text(&self) -> alloc::borrow::Cow<'a, str> {
        crate::text::encoded_string_text(&self.0, crate::assigned::Charset::UTF_8)
    }

    /// Formats the text of a phone address: `number` followed by `/TYPE=PLMN`.
    pub fn phone_text(number: &str) -> alloc::string::String {
        alloc::format!("{number}/TYPE=PLMN")
    }

    /// Formats the text of an IPv4 address: `addr` followed by `/TYPE=IPv4`.
    pub fn ipv4_text(addr: &str) -> alloc::string::String {
        alloc::format!("{addr}/TYPE=IPv4")
    }

    /// Formats the text of an IPv6 address: `addr` followed by `/TYPE=IPv6`.
    pub fn ipv6_text(addr: &str) -> alloc::string::String {
        alloc::format!("{addr}/TYPE=IPv6")
    }
}

impl fmt::Display for Address<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// Decodes an Address (an Encoded-string-value).
///
/// # Errors
/// As [`encoded_string`].
pub fn address(input: &[u8]) -> PResult<'_, Address<'_>> {
    let (rest, s) = encoded_string(input)?;
    Ok((rest, Address(s)))
}

impl Encode for Address<'_> {
    fn encoded_len(&self) -> usize {
        self.0.encoded_len()
    }
    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        self.0.encode(w)
    }
}

impl<'a> HeaderValue<'a> for Address<'a> {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        address(input)
    }
    fn deviation(&self) -> Option<Deviation> {
        encoded_string_deviation(&self.0)
    }
}

// ---------------------------------------------------------------------------------------------
// From

/// The From value: `Value-length (Address-present-token Address | Insert-address-token)`.
///
/// ```
/// use mms_pdu::codec::Encode;
/// use mms_pdu::mms::{Address, FromValue};
/// assert_eq!(FromValue::insert_address().encode_to_vec().unwrap(), [0x01, 0x81]);
/// let from = FromValue::address(Address::new(b"+1555/TYPE=PLMN"));
/// assert_eq!(from.encode_to_vec().unwrap()[..2], [0x11, 0x80]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum FromValue<'a> {
    /// Address-present-token (0x80) and the sender's address.
    AddressPresent {
        /// The Value-length form used.
        length_form: LengthForm,
        #[cfg_attr(feature = "serde", serde(borrow))]
        /// The address.
        address: Address<'a>,
    },
    /// Insert-address-token (0x81): the MMSC fills in the sender.
    InsertAddress {
        /// The Value-length form used.
        length_form: LengthForm,
    },
}

impl<'a> FromValue<'a> {
    /// Address-present with `address`, canonical form.
    pub fn address(address: Address<'a>) -> Self {
        FromValue::AddressPresent {
            length_form: canonical_form(1 + address.encoded_len()),
            address,
        }
    }

    /// Insert-address, canonical form (`01 81`).
    pub const fn insert_address() -> Self {
        FromValue::InsertAddress {
            length_form: LengthForm::Short,
        }
    }

    /// The address, when present.
    pub const fn as_address(&self) -> Option<&Address<'a>> {
        match self {
            FromValue::AddressPresent { address, .. } => Some(address),
            FromValue::InsertAddress { .. } => None,
        }
    }

    fn content_len(&self) -> usize {
        match self {
            FromValue::AddressPresent { address, .. } => 1 + address.encoded_len(),
            FromValue::InsertAddress { .. } => 1,
        }
    }

    const fn length_form(&self) -> LengthForm {
        match self {
            FromValue::AddressPresent { length_form, .. }
            | FromValue::InsertAddress { length_form } => *length_form,
        }
    }
}

/// Decodes a From value.
///
/// # Errors
/// A bad Value-length, a token other than 0x80/0x81, a bad address, or leftover octets.
pub fn from_value(input: &[u8]) -> PResult<'_, FromValue<'_>> {
    let (rest, (length_form, v)) = delimited(input, |data| match data.split_first() {
        Some((0x80, tail)) => {
            let (left, address) = address(tail)?;
            Ok((
                left,
                FromValue::AddressPresent {
                    length_form: LengthForm::Short,
                    address,
                },
            ))
        }
        Some((0x81, tail)) => Ok((
            tail,
            FromValue::InsertAddress {
                length_form: LengthForm::Short,
            },
        )),
        _ => unexpected(data, Expected::Token),
    })?;
    let v = match v {
        FromValue::AddressPresent { address, .. } => FromValue::AddressPresent {
            length_form,
            address,
        },
        FromValue::InsertAddress { .. } => FromValue::InsertAddress { length_form },
    };
    Ok((rest, v))
}

impl Encode for FromValue<'_> {
    fn encoded_len(&self) -> usize {
        delimited_len(self.length_form(), self.content_len())
    }
    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        write_length(w, self.length_form(), self.content_len(), "From")?;
        match self {
            FromValue::AddressPresent { address, .. } => {
                w.write_u8(0x80)?;
                address.encode(w)
            }
            FromValue::InsertAddress { .. } => w.write_u8(0x81),
        }
    }
}

impl<'a> HeaderValue<'a> for FromValue<'a> {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        from_value(input)
    }
    fn deviation(&self) -> Option<Deviation> {
        length_deviation(self.length_form(), self.content_len())
            .or_else(|| self.as_address().and_then(Address::deviation_inner))
    }
}

impl Address<'_> {
    fn deviation_inner(&self) -> Option<Deviation> {
        encoded_string_deviation(&self.0)
    }
}

// ---------------------------------------------------------------------------------------------
// Time-value

/// When: an absolute date or a number of seconds after receipt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Time {
    /// Absolute-token (0x80) and a Date-value (seconds since 1970-01-01T00:00:00Z).
    Absolute(DateValue),
    /// Relative-token (0x81) and a Delta-seconds-value (an Integer-value: the Short-integer
    /// form is legal, REFERENCE.md §11.15).
    Relative(DeltaSeconds),
}

/// X-Mms-Expiry, X-Mms-Delivery-Time and X-Mms-Reply-Charging-Deadline:
/// `Value-length (Absolute-token Date-value | Relative-token Delta-seconds-value)`.
///
/// The relative form stays relative: no clock is read while decoding.
///
/// ```
/// use mms_pdu::codec::{decode_all, Encode};
/// use mms_pdu::mms::{time_value, Time, TimeValue};
/// let wire = [0x05, 0x81, 0x03, 0x03, 0xF4, 0x80]; // in 259200 s (3 days)
/// let t = decode_all(&wire, time_value).unwrap();
/// assert!(matches!(t.time, Time::Relative(d) if d.value == 259_200));
/// assert_eq!(t.encode_to_vec().unwrap(), wire);
/// assert_eq!(TimeValue::relative(259_200).encode_to_vec().unwrap(), wire);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TimeValue {
    /// The Value-length form used.
    pub length_form: LengthForm,
    /// The time.
    pub time: Time,
}

impl TimeValue {
    /// An absolute time, canonical form.
    pub const fn absolute(seconds_since_epoch: u64) -> Self {
        TimeValue {
            length_form: LengthForm::Short,
            time: Time::Absolute(LongInteger::new(seconds_since_epoch)),
        }
    }

    /// A relative time, canonical form. The delta is written as a Long-integer even when it
    /// is below 128: AOSP and Wireshark cannot read the legal Short-integer form
    /// (REFERENCE.md §11.15).
    pub const fn relative(seconds: u64) -> Self {
        TimeValue {
            length_form: LengthForm::Short,
            time: Time::Relative(IntegerValue {
                value: seconds,
                form: IntegerForm::Long(LongInteger::minimal_octets(seconds)),
            }),
        }
    }

    fn content_len(&self) -> usize {
        1 + match &self.time {
            Time::Absolute(d) => d.encoded_len(),
            Time::Relative(d) => d.encoded_len(),
        }
    }
}

/// Decodes a Time-value.
///
/// # Errors
/// A bad Value-length, an unknown token, a bad integer, or leftover octets.
pub fn time_value(input: &[u8]) -> PResult<'_, TimeValue> {
    let (rest, (length_form, time)) = delimited(input, |data| match data.split_first() {
        Some((0x80, tail)) => {
            let (left, d) = date_value(tail)?;
            Ok((left, Time::Absolute(d)))
        }
        Some((0x81, tail)) => {
            let (left, d) = integer_value(tail)?;
            Ok((left, Time::Relative(d)))
        }
        _ => unexpected(data, Expected::Token),
    })?;
    Ok((rest, TimeValue { length_form, time }))
}

impl Encode for TimeValue {
    fn encoded_len(&self) -> usize {
        delimited_len(self.length_form, self.content_len())
    }
    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        write_length(w, self.length_form, self.content_len(), "Time-value")?;
        match &self.time {
            Time::Absolute(d) => {
                w.write_u8(0x80)?;
                d.encode(w)
            }
            Time::Relative(d) => {
                w.write_u8(0x81)?;
                d.encode(w)
            }
        }
    }
}

impl<'a> HeaderValue<'a> for TimeValue {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        time_value(input)
    }
    fn deviation(&self) -> Option<Deviation> {
        length_deviation(self.length_form, self.content_len()).or_else(|| match &self.time {
            Time::Absolute(d) => long_deviation(d),
            Time::Relative(d) => integer_deviation(d),
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Previously-Sent-By / -Date

/// X-Mms-Previously-Sent-By: `Value-length Forwarded-count-value Address`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PreviouslySentBy<'a> {
    /// The Value-length form used.
    pub length_form: LengthForm,
    /// How many times the MM had been forwarded when this address sent it.
    pub count: IntegerValue,
    #[cfg_attr(feature = "serde", serde(borrow))]
    /// Who forwarded it.
    pub address: Address<'a>,
}

impl<'a> PreviouslySentBy<'a> {
    /// Canonical form.
    pub fn new(count: u64, address: Address<'a>) -> Self {
        let count = IntegerValue::new(count);
        PreviouslySentBy {
            length_form: canonical_form(count.encoded_len() + address.encoded_len()),
            count,
            address,
        }
    }

    fn content_len(&self) -> usize {
        self.count.encoded_len() + self.address.encoded_len()
    }
}

/// Decodes X-Mms-Previously-Sent-By.
///
/// # Errors
/// A bad Value-length, count or address, or leftover octets.
pub fn previously_sent_by(input: &[u8]) -> PResult<'_, PreviouslySentBy<'_>> {
    let (rest, (length_form, (count, address))) = delimited(input, |data| {
        let (data, count) = integer_value(data)?;
        let (data, addr) = address(data)?;
        Ok((data, (count, addr)))
    })?;
    Ok((
        rest,
        PreviouslySentBy {
            length_form,
            count,
            address,
        },
    ))
}

impl Encode for PreviouslySentBy<'_> {
    fn encoded_len(&self) -> usize {
        delimited_len(self.length_form, self.content_len())
    }
    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        write_length(
            w,
            self.length_form,
            self.content_len(),
            "X-Mms-Previously-Sent-By",
        )?;
        self.count.encode(w)?;
        self.address.encode(w)
    }
}

impl<'a> HeaderValue<'a> for PreviouslySentBy<'a> {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        previously_sent_by(input)
    }
    fn deviation(&self) -> Option<Deviation> {
        length_deviation(self.length_form, self.content_len())
            .or_else(|| integer_deviation(&self.count))
            .or_else(|| self.address.deviation_inner())
    }
}

/// X-Mms-Previously-Sent-Date: `Value-length Forwarded-count-value Date-value`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PreviouslySentDate {
    /// The Value-length form used.
    pub length_form: LengthForm,
    /// The forward count this date belongs to.
    pub count: IntegerValue,
    /// When it was forwarded (seconds since 1970-01-01T00:00:00Z).
    pub date: DateValue,
}

impl PreviouslySentDate {
    /// Canonical form.
    pub const fn new(count: u64, date: u64) -> Self {
        PreviouslySentDate {
            length_form: LengthForm::Short,
            count: IntegerValue::new(count),
            date: LongInteger::new(date),
        }
    }

    fn content_len(&self) -> usize {
        self.count.encoded_len() + self.date.encoded_len()
    }
}

/// Decodes X-Mms-Previously-Sent-Date.
///
/// # Errors
/// A bad Value-length, count or date, or leftover octets.
pub fn previously_sent_date(input: &[u8]) -> PResult<'_, PreviouslySentDate> {
    let (rest, (length_form, (count, date))) = delimited(input, |data| {
        let (data, count) = integer_value(data)?;
        let (data, date) = date_value(data)?;
        Ok((data, (count, date)))
    })?;
    Ok((
        rest,
        PreviouslySentDate {
            length_form,
            count,
            date,
        },
    ))
}

impl Encode for PreviouslySentDate {
    fn encoded_len(&self) -> usize {
        delimited_len(self.length_form, self.content_len())
    }
    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        write_length(
            w,
            self.length_form,
            self.content_len(),
            "X-Mms-Previously-Sent-Date",
        )?;
        self.count.encode(w)?;
        self.date.encode(w)
    }
}

impl<'a> HeaderValue<'a> for PreviouslySentDate {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        previously_sent_date(input)
    }
    fn deviation(&self) -> Option<Deviation> {
        length_deviation(self.length_form, self.content_len())
            .or_else(|| integer_deviation(&self.count))
            .or_else(|| long_deviation(&self.date))
    }
}

// ---------------------------------------------------------------------------------------------
// MM-Flags, Mbox-Totals, Mbox-Quotas

/// X-Mms-MM-Flags: `Value-length (Add | Remove | Filter) Encoded-string-value`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct MmFlags<'a> {
    /// The Value-length form used.
    pub length_form: LengthForm,
    /// Add, Remove or Filter.
    pub token: MmFlagsToken,
    #[cfg_attr(feature = "serde", serde(borrow))]
    /// The keyword.
    pub flag: EncodedString<'a>,
}

impl<'a> MmFlags<'a> {
    /// Canonical form with a plain-text keyword.
    pub fn new(token: MmFlagsToken, flag: &'a [u8]) -> Self {
        let flag = EncodedString::plain(flag);
        MmFlags {
            length_form: canonical_form(1 + flag.encoded_len()),
            token,
            flag,
        }
    }

    fn content_len(&self) -> usize {
        1 + self.flag.encoded_len()
    }
}

/// Decodes X-Mms-MM-Flags.
///
/// # Errors
/// A bad Value-length, token or keyword, or leftover octets.
pub fn mm_flags(input: &[u8]) -> PResult<'_, MmFlags<'_>> {
    let (rest, (length_form, (token, flag))) = delimited(input, |data| {
        let (data, t) = token_octet(data)?;
        let (data, flag) = encoded_string(data)?;
        Ok((data, (MmFlagsToken(t), flag)))
    })?;
    Ok((
        rest,
        MmFlags {
            length_form,
            token,
            flag,
        },
    ))
}

impl Encode for MmFlags<'_> {
    fn encoded_len(&self) -> usize {
        delimited_len(self.length_form, self.content_len())
    }
    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        write_length(w, self.length_form, self.content_len(), "X-Mms-MM-Flags")?;
        self.token.encode(w)?;
        self.flag.encode(w)
    }
}

impl<'a> HeaderValue<'a> for MmFlags<'a> {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        mm_flags(input)
    }
    fn deviation(&self) -> Option<Deviation> {
        length_deviation(self.length_form, self.content_len())
            .or_else(|| encoded_string_deviation(&self.flag))
    }
}

macro_rules! token_count_value {
    ($(#[$doc:meta])* $name:ident, $token:ty, $decoder:ident, $field:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        pub struct $name {
            /// The Value-length form used.
            pub length_form: LengthForm,
            /// Which total or quota.
            pub token: $token,
            /// The number of messages or octets.
            pub value: IntegerValue,
        }

        impl $name {
            /// Canonical form.
            pub const fn new(token: $token, value: u64) -> Self {
                $name {
                    length_form: LengthForm::Short,
                    token,
                    value: IntegerValue::new(value),
                }
            }

            fn content_len(&self) -> usize {
                1 + self.value.encoded_len()
            }
        }

        #[doc = concat!("Decodes ", $field, ".")]
        ///
        /// # Errors
        /// A bad Value-length, token or integer, or leftover octets.
        pub fn $decoder(input: &[u8]) -> PResult<'_, $name> {
            let (rest, (length_form, (token, value))) = delimited(input, |data| {
                let (data, t) = token_octet(data)?;
                let (data, v) = integer_value(data)?;
                Ok((data, (<$token>::new(t), v)))
            })?;
            Ok((
                rest,
                $name {
                    length_form,
                    token,
                    value,
                },
            ))
        }

        impl Encode for $name {
            fn encoded_len(&self) -> usize {
                delimited_len(self.length_form, self.content_len())
            }
            fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
                write_length(w, self.length_form, self.content_len(), $field)?;
                self.token.encode(w)?;
                self.value.encode(w)
            }
        }

        impl<'a> HeaderValue<'a> for $name {
            fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
                $decoder(input)
            }
            fn deviation(&self) -> Option<Deviation> {
                length_deviation(self.length_form, self.content_len())
                    .or_else(|| integer_deviation(&self.value))
            }
        }
    };
}

token_count_value!(
    /// X-Mms-Mbox-Totals: `Value-length (Message-total | Size-total) Integer-value`.
    MboxTotals,
    MboxTotalsToken,
    mbox_totals,
    "X-Mms-Mbox-Totals"
);
token_count_value!(
    /// X-Mms-Mbox-Quotas: `Value-length (Message-quota | Size-quota) Integer-value`.
    MboxQuotas,
    MboxQuotasToken,
    mbox_quotas,
    "X-Mms-Mbox-Quotas"
);

// ---------------------------------------------------------------------------------------------
// Element-Descriptor

/// The name of an Element-Descriptor parameter: a Short-integer from the MMS table (0x02 =
/// `type`; not the WSP parameter table, REFERENCE.md §2) or a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ElementParamName<'a> {
    /// A Short-integer code (without the high bit).
    Code(u8),
    /// A Text-string name.
    #[cfg_attr(feature = "serde", serde(borrow))]
    Text(TextString<'a>),
}

impl ElementParamName<'_> {
    /// The MMS parameter code for `type`.
    pub const TYPE: u8 = 0x02;
}

/// The value of an Element-Descriptor parameter: a Constrained-encoding (Short-integer, e.g. a
/// well-known content type, or Extension-media text) or a Text-string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ElementParamValue<'a> {
    /// A Short-integer (without the high bit).
    Code(u8),
    /// A text (Extension-media or Text-string; both are NUL-terminated).
    #[cfg_attr(feature = "serde", serde(borrow))]
    Text(TextString<'a>),
}

/// One Element-Descriptor parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ElementParam<'a> {
    #[cfg_attr(feature = "serde", serde(borrow))]
    /// The name.
    pub name: ElementParamName<'a>,
    /// The value.
    pub value: ElementParamValue<'a>,
}

fn element_param(input: &[u8]) -> PResult<'_, ElementParam<'_>> {
    let (input, name) = match input.first() {
        Some(&b) if b >= 0x80 => (
            input.get(1..).unwrap_or(&[]),
            ElementParamName::Code(b & 0x7F),
        ),
        Some(&b) if b >= 0x20 => {
            let (rest, t) = text(input)?;
            (rest, ElementParamName::Text(t))
        }
        _ => return unexpected(input, Expected::FieldName),
    };
    let (input, value) = match input.first() {
        Some(&b) if b >= 0x80 => (
            input.get(1..).unwrap_or(&[]),
            ElementParamValue::Code(b & 0x7F),
        ),
        Some(_) => {
            let (rest, t) = text(input)?;
            (rest, ElementParamValue::Text(t))
        }
        None => return fail(input, DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 }),
    };
    Ok((input, ElementParam { name, value }))
}

/// Lazily decodes the parameters of an [`ElementDescriptor`]; stops after the first error.
#[derive(Debug, Clone)]
pub struct ElementParams<'a> {
    base: &'a [u8],
    rest: &'a [u8],
    failed: bool,
}

impl<'a> Iterator for ElementParams<'a> {
    type Item = Result<ElementParam<'a>, DecodeError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.rest.is_empty() {
            return None;
        }
        match element_param(self.rest) {
            Ok((rest, p)) => {
                self.rest = rest;
                Some(Ok(p))
            }
            Err(e) => {
                self.failed = true;
                Some(Err(crate::codec::to_decode_error(self.base, e)))
            }
        }
    }
}

impl core::iter::FusedIterator for ElementParams<'_> {}

/// X-Mms-Element-Descriptor: `Value-length Content-Reference-value *(Parameter)`.
///
/// The parameters stay a raw bounded slice (validated while decoding) with a lazy iterator.
///
/// ```
/// use mms_pdu::codec::{decode_all, Encode};
/// use mms_pdu::mms::{element_descriptor, ElementParamName, ElementParamValue};
/// let wire = [0x06, b'r', b'e', b'f', 0x00, 0x82, 0x83]; // ref, type=text/plain
/// let e = decode_all(&wire, element_descriptor).unwrap();
/// assert_eq!(e.reference.bytes, b"ref");
/// let p = e.params().next().unwrap().unwrap();
/// assert_eq!((p.name, p.value), (ElementParamName::Code(2), ElementParamValue::Code(3)));
/// assert_eq!(e.encode_to_vec().unwrap(), wire);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ElementDescriptor<'a> {
    /// The Value-length form used.
    pub length_form: LengthForm,
    /// The content reference (Text-string).
    pub reference: TextString<'a>,
    /// The encoded parameters, as sent.
    #[cfg_attr(
        feature = "serde",
        serde(
            serialize_with = "crate::base::serde_util::bytes",
            deserialize_with = "crate::base::serde_util::borrowed_bytes"
        )
    )]
    pub params: &'a [u8],
}

impl<'a> ElementDescriptor<'a> {
    /// Canonical form with already-encoded parameters (`params` may be empty).
    pub fn new(reference: &'a [u8], params: &'a [u8]) -> Self {
        let reference = TextString::new(reference);
        ElementDescriptor {
            length_form: canonical_form(reference.encoded_len() + params.len()),
            reference,
            params,
        }
    }

    /// The parameters, decoded lazily.
    pub fn params(&self) -> ElementParams<'a> {
        ElementParams {
            base: self.params,
            rest: self.params,
            failed: false,
        }
    }

    fn content_len(&self) -> usize {
        self.reference.encoded_len() + self.params.len()
    }
}

/// Decodes X-Mms-Element-Descriptor, validating every parameter.
///
/// # Errors
/// A bad Value-length, reference or parameter.
pub fn element_descriptor(input: &[u8]) -> PResult<'_, ElementDescriptor<'_>> {
    let (rest, (length_form, (reference, params))) = delimited(input, |data| {
        let (mut params, reference) = text(data)?;
        let all = params;
        while !params.is_empty() {
            let (left, _) = element_param(params)?;
            params = left;
        }
        Ok((params, (reference, all)))
    })?;
    Ok((
        rest,
        ElementDescriptor {
            length_form,
            reference,
            params,
        },
    ))
}

impl Encode for ElementDescriptor<'_> {
    fn encoded_len(&self) -> usize {
        delimited_len(self.length_form, self.content_len())
    }
    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        write_length(
            w,
            self.length_form,
            self.content_len(),
            "X-Mms-Element-Descriptor",
        )?;
        self.reference.encode(w)?;
        w.write_bytes(self.params)
    }
}

impl<'a> HeaderValue<'a> for ElementDescriptor<'a> {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        element_descriptor(input)
    }
    fn deviation(&self) -> Option<Deviation> {
        length_deviation(self.length_form, self.content_len())
            .or_else(|| self.reference.deviation())
    }
}

// ---------------------------------------------------------------------------------------------
// Message-Class

/// X-Mms-Message-Class: `Class-identifier | Token-text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum MessageClassValue<'a> {
    /// A class token (Personal 0x80 ... Auto 0x83, or an unassigned octet).
    Class(MessageClass),
    /// A textual class.
    #[cfg_attr(feature = "serde", serde(borrow))]
    Text(Token<'a>),
}

impl Encode for MessageClassValue<'_> {
    fn encoded_len(&self) -> usize {
        match self {
            MessageClassValue::Class(_) => 1,
            MessageClassValue::Text(t) => t.encoded_len(),
        }
    }
    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            MessageClassValue::Class(c) => c.encode(w),
            MessageClassValue::Text(t) => t.encode(w),
        }
    }
}

impl<'a> HeaderValue<'a> for MessageClassValue<'a> {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        match input.first() {
            Some(&b) if b >= 0x80 => Ok((
                input.get(1..).unwrap_or(&[]),
                MessageClassValue::Class(MessageClass(b)),
            )),
            _ => {
                let (rest, t) = token_text(input)?;
                Ok((rest, MessageClassValue::Text(t)))
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Content-Location, Response-Text, Response-Status (plain and indexed forms)

/// X-Mms-Content-Location: a URI, or in m-mbox-delete-conf / m-delete-conf the
/// Content-location-Del-value `Value-length Status-count-value Content-location-value`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ContentLocationValue<'a> {
    /// Uri-value (Text-string).
    #[cfg_attr(feature = "serde", serde(borrow))]
    Uri(TextString<'a>),
    /// The indexed form.
    Indexed {
        /// The Value-length form used.
        length_form: LengthForm,
        /// Which requested message the location belongs to.
        count: IntegerValue,
        #[cfg_attr(feature = "serde", serde(borrow))]
        /// The location.
        uri: TextString<'a>,
    },
}

impl<'a> ContentLocationValue<'a> {
    /// A plain URI, canonical form.
    pub const fn uri(uri: &'a [u8]) -> Self {
        ContentLocationValue::Uri(TextString::new(uri))
    }

    /// The indexed form, canonical.
    pub fn indexed(count: u64, uri: &'a [u8]) -> Self {
        let (count, uri) = (IntegerValue::new(count), TextString::new(uri));
        ContentLocationValue::Indexed {
            length_form: canonical_form(count.encoded_len() + uri.encoded_len()),
            count,
            uri,
        }
    }

    /// The URI octets.
    pub const fn uri_bytes(&self) -> &'a [u8] {
        match self {
            ContentLocationValue::Uri(t) | ContentLocationValue::Indexed { uri: t, .. } => t.bytes,
        }
    }
}

impl Encode for ContentLocationValue<'_> {
    fn encoded_len(&self) -> usize {
        match self {
            ContentLocationValue::Uri(t) => t.encoded_len(),
            ContentLocationValue::Indexed {
                length_form,
                count,
                uri,
            } => delimited_len(*length_form, count.encoded_len() + uri.encoded_len()),
        }
    }
    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            ContentLocationValue::Uri(t) => t.encode(w),
            ContentLocationValue::Indexed {
                length_form,
                count,
                uri,
            } => {
                let len = count.encoded_len() + uri.encoded_len();
                write_length(w, *length_form, len, "X-Mms-Content-Location")?;
                count.encode(w)?;
                uri.encode(w)
            }
        }
    }
}

impl<'a> HeaderValue<'a> for ContentLocationValue<'a> {
    fn decode_value(input: &'a [u8], ctx: &DecodeContext) -> PResult<'a, Self> {
        match input.first() {
            Some(&b) if ctx.indexed_forms() && (1..0x20).contains(&b) => {
                let (rest, (length_form, (count, uri))) = delimited(input, |data| {
                    let (data, count) = integer_value(data)?;
                    let (data, uri) = text(data)?;
                    Ok((data, (count, uri)))
                })?;
                Ok((
                    rest,
                    ContentLocationValue::Indexed {
                        length_form,
                        count,
                        uri,
                    },
                ))
            }
            _ => {
                let (rest, t) = text(input)?;
                Ok((rest, ContentLocationValue::Uri(t)))
            }
        }
    }
    fn deviation(&self) -> Option<Deviation> {
        match self {
            ContentLocationValue::Uri(t) => t.deviation(),
            ContentLocationValue::Indexed {
                length_form,
                count,
                uri,
            } => length_deviation(*length_form, count.encoded_len() + uri.encoded_len())
                .or_else(|| integer_deviation(count))
                .or_else(|| uri.deviation()),
        }
    }
}

/// X-Mms-Response-Text: an Encoded-string-value, or in m-mbox-delete-conf / m-delete-conf the
/// Response-text-Del-value `Value-length Status-count-value Response-text-value`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ResponseTextValue<'a> {
    /// The plain form.
    #[cfg_attr(feature = "serde", serde(borrow))]
    Text(EncodedString<'a>),
    /// The indexed form.
    Indexed {
        /// The Value-length form used.
        length_form: LengthForm,
        /// Which requested message the text belongs to.
        count: IntegerValue,
        #[cfg_attr(feature = "serde", serde(borrow))]
        /// The text.
        text: EncodedString<'a>,
    },
}

impl<'a> ResponseTextValue<'a> {
    /// The text.
    pub const fn text(&self) -> &EncodedString<'a> {
        match self {
            ResponseTextValue::Text(t) | ResponseTextValue::Indexed { text: t, .. } => t,
        }
    }
}

impl Encode for ResponseTextValue<'_> {
    fn encoded_len(&self) -> usize {
        match self {
            ResponseTextValue::Text(t) => t.encoded_len(),
            ResponseTextValue::Indexed {
                length_form,
                count,
                text,
            } => delimited_len(*length_form, count.encoded_len() + text.encoded_len()),
        }
    }
    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            ResponseTextValue::Text(t) => t.encode(w),
            ResponseTextValue::Indexed {
                length_form,
                count,
                text,
            } => {
                let len = count.encoded_len() + text.encoded_len();
                write_length(w, *length_form, len, "X-Mms-Response-Text")?;
                count.encode(w)?;
                text.encode(w)
            }
        }
    }
}

impl<'a> HeaderValue<'a> for ResponseTextValue<'a> {
    fn decode_value(input: &'a [u8], ctx: &DecodeContext) -> PResult<'a, Self> {
        match input.first() {
            Some(&b) if ctx.indexed_forms() && (1..0x20).contains(&b) => {
                let (rest, (length_form, (count, text))) = delimited(input, |data| {
                    let (data, count) = integer_value(data)?;
                    let (data, text) = encoded_string(data)?;
                    Ok((data, (count, text)))
                })?;
                Ok((
                    rest,
                    ResponseTextValue::Indexed {
                        length_form,
                        count,
                        text,
                    },
                ))
            }
            _ => {
                let (rest, t) = encoded_string(input)?;
                Ok((rest, ResponseTextValue::Text(t)))
            }
        }
    }
    fn deviation(&self) -> Option<Deviation> {
        match self {
            ResponseTextValue::Text(t) => encoded_string_deviation(t),
            ResponseTextValue::Indexed {
                length_form,
                count,
                text,
            } => length_deviation(*length_form, count.encoded_len() + text.encoded_len())
                .or_else(|| integer_deviation(count))
                .or_else(|| encoded_string_deviation(text)),
        }
    }
}

/// X-Mms-Response-Status: a status octet, or the indexed form `Value-length Index Status`
/// that Symbian writes in the delete confirmations (REFERENCE.md §7.4, 0x92). Both are decoded
/// in any PDU: a first octet ≥ 0x80 is the plain token, ≤ 0x1F the indexed form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ResponseStatusValue {
    /// The plain form.
    Status(ResponseStatus),
    /// The indexed form.
    Indexed {
        /// The Value-length form used.
        length_form: LengthForm,
        /// Which requested message the status belongs to.
        index: IntegerValue,
        /// The status.
        status: ResponseStatus,
    },
}

impl ResponseStatusValue {
    /// The status.
    pub const fn status(&self) -> ResponseStatus {
        match self {
            ResponseStatusValue::Status(s) | ResponseStatusValue::Indexed { status: s, .. } => *s,
        }
    }
}

impl Encode for ResponseStatusValue {
    fn encoded_len(&self) -> usize {
        match self {
            ResponseStatusValue::Status(_) => 1,
            ResponseStatusValue::Indexed {
                length_form, index, ..
            } => delimited_len(*length_form, index.encoded_len() + 1),
        }
    }
    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            ResponseStatusValue::Status(s) => s.encode(w),
            ResponseStatusValue::Indexed {
                length_form,
                index,
                status,
            } => {
                write_length(
                    w,
                    *length_form,
                    index.encoded_len() + 1,
                    "X-Mms-Response-Status",
                )?;
                index.encode(w)?;
                status.encode(w)
            }
        }
    }
}

impl<'a> HeaderValue<'a> for ResponseStatusValue {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        match input.first() {
            Some(&b) if (1..0x20).contains(&b) => {
                let (rest, (length_form, (index, status))) = delimited(input, |data| {
                    let (data, index) = integer_value(data)?;
                    let (data, s) = token_octet(data)?;
                    Ok((data, (index, ResponseStatus(s))))
                })?;
                Ok((
                    rest,
                    ResponseStatusValue::Indexed {
                        length_form,
                        index,
                        status,
                    },
                ))
            }
            _ => {
                let (rest, b) = token_octet(input)?;
                Ok((rest, ResponseStatusValue::Status(ResponseStatus(b))))
            }
        }
    }
    fn deviation(&self) -> Option<Deviation> {
        match self {
            ResponseStatusValue::Status(_) => None,
            ResponseStatusValue::Indexed {
                length_form, index, ..
            } => length_deviation(*length_form, index.encoded_len() + 1)
                .or_else(|| integer_deviation(index)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::decode_all;
    use alloc::vec::Vec;

    fn ctx(t: Option<MessageType>) -> DecodeContext {
        DecodeContext::new(t)
    }

    /// Decodes `wire` completely as `T`, re-encodes it and checks exactness and `encoded_len`.
    fn round<'a, T: HeaderValue<'a> + core::fmt::Debug + PartialEq>(
        wire: &'a [u8],
        c: &DecodeContext,
    ) -> T {
        let v = decode_all(wire, |i| T::decode_value(i, c)).unwrap();
        let out = v.encode_to_vec().unwrap();
        assert_eq!(out, wire, "{v:?}");
        assert_eq!(v.encoded_len(), wire.len());
        v
    }

    #[test]
    fn from_insert_address() {
        let v: FromValue<'_> = round(&[0x01, 0x81], &ctx(None));
        assert_eq!(v, FromValue::insert_address());
        assert_eq!(v.deviation(), None);
    }

    #[test]
    fn from_address_present() {
        let mut wire = alloc::vec![0x18, 0x80];
        wire.extend_from_slice(b"+15551234567/TYPE=PLMN\0");
        let v: FromValue<'_> = round(&wire, &ctx(None));
        let a = v.as_address().unwrap();
        assert_eq!(a.kind(), AddressKind::Phone);
        assert_eq!(a.value(), b"+15551234567");
        assert_eq!(
            FromValue::address(Address::new(b"+15551234567/TYPE=PLMN"))
                .encode_to_vec()
                .unwrap(),
            wire
        );
    }

    #[test]
    fn from_bad_token_and_leftovers_fail() {
        assert!(decode_all(&[0x01, 0x82], from_value).is_err());
        assert!(decode_all(&[0x02, 0x81, 0x00], from_value).is_err());
        assert!(decode_all(&[0x05, 0x81], from_value).is_err());
    }

    #[test]
    fn address_kinds() {
        let k = |t: &'static [u8]| Address::new(t).kind();
        assert_eq!(k(b"+15551234567/TYPE=PLMN"), AddressKind::Phone);
        assert_eq!(k(b"192.0.2.1/TYPE=IPv4"), AddressKind::Ipv4);
        assert_eq!(k(b"2001:db8::1/TYPE=IPv6"), AddressKind::Ipv6);
        assert_eq!(k(b"a@b.example"), AddressKind::Email);
        assert_eq!(k(b"12345"), AddressKind::Unknown);
        assert_eq!(k(b"+1555/TYPE=PLNM"), AddressKind::Other(b"PLNM"));
        assert_eq!(k(b"+1555/TYPE=plmn"), AddressKind::Other(b"plmn"));
        assert_eq!(k(b"+1555/type=PLMN"), AddressKind::Phone);
        assert_eq!(Address::new(b"12345").value(), b"12345");
        assert_eq!(Address::new(b"1/TYPE=x/TYPE=PLMN").value(), b"1/TYPE=x");
        let utf8 = Address::with_charset(106, "Алиса@example.com".as_bytes());
        assert_eq!(utf8.kind(), AddressKind::Email);
        assert_eq!(utf8.text(), "Алиса@example.com");
        let wire = utf8.encode_to_vec().unwrap();
        assert_eq!(round::<Address<'_>>(&wire, &ctx(None)), utf8);
    }

    #[test]
    fn expiry_relative_long_and_short() {
        let v: TimeValue = round(&[0x05, 0x81, 0x03, 0x03, 0xF4, 0x80], &ctx(None));
        assert!(matches!(v.time, Time::Relative(d) if d.value == 259_200));
        let v: TimeValue = round(&[0x02, 0x81, 0x8A], &ctx(None));
        assert!(
            matches!(v.time, Time::Relative(d) if d.value == 10 && d.form == IntegerForm::Short)
        );
        assert_eq!(v.deviation(), None);
        let v: TimeValue = round(&[0x06, 0x80, 0x04, 0x5E, 0x0B, 0xE1, 0x00], &ctx(None));
        assert_eq!(v, TimeValue::absolute(0x5E0B_E100));
        assert_eq!(
            TimeValue::relative(10).encode_to_vec().unwrap(),
            [3, 0x81, 1, 10]
        );
        // Long-form Value-length for a small value is a deviation but round-trips.
        let v: TimeValue = round(&[0x1F, 0x03, 0x81, 0x01, 0x0A], &ctx(None));
        assert_eq!(v.deviation(), Some(Deviation::NonMinimalLength));
        assert!(decode_all(&[0x02, 0x82, 0x8A], time_value).is_err());
    }

    #[test]
    fn previously_sent() {
        let mut wire = alloc::vec![0x0D, 0x81];
        wire.extend_from_slice(b"a@b.example\0");
        let v: PreviouslySentBy<'_> = round(&wire, &ctx(None));
        assert_eq!(v, PreviouslySentBy::new(1, Address::new(b"a@b.example")));
        assert_eq!(v.encode_to_vec().unwrap(), wire);
        let v: PreviouslySentDate = round(&[0x06, 0x82, 0x04, 0x5E, 0x0B, 0xE1, 0x00], &ctx(None));
        assert_eq!(v, PreviouslySentDate::new(2, 0x5E0B_E100));
    }

    #[test]
    fn mm_flags_and_mbox() {
        let v: MmFlags<'_> = round(b"\x06\x80Work\0", &ctx(None));
        assert_eq!(v, MmFlags::new(MmFlagsToken::ADD, b"Work"));
        let v: MmFlags<'_> = round(&[0x05, 0x82, 0x03, 0xEA, b'x', 0], &ctx(None));
        assert_eq!(v.token, MmFlagsToken::FILTER);
        assert_eq!(v.flag.charset().map(|c| c.value), Some(106));
        let v: MboxTotals = round(&[0x02, 0x80, 0x85], &ctx(None));
        assert_eq!(v, MboxTotals::new(MboxTotalsToken::MESSAGE_TOTAL, 5));
        let v: MboxQuotas = round(&[0x04, 0x81, 0x02, 0x10, 0x00], &ctx(None));
        assert_eq!(v, MboxQuotas::new(MboxQuotasToken::SIZE_QUOTA, 4096));
    }

    #[test]
    fn element_descriptor_params() {
        let mut wire = alloc::vec![0x00];
        wire.extend_from_slice(b"cid:a\0");
        wire.extend_from_slice(&[0x82]);
        wire.extend_from_slice(b"image/jpeg\0");
        wire.extend_from_slice(b"x-n\0\x7F\xC3\xA9\0");
        wire[0] = u8::try_from(wire.len() - 1).unwrap();
        let v: ElementDescriptor<'_> = round(&wire, &ctx(None));
        let ps: Vec<_> = v.params().map(Result::unwrap).collect();
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].name, ElementParamName::Code(ElementParamName::TYPE));
        assert!(matches!(ps[0].value, ElementParamValue::Text(t) if t.bytes == b"image/jpeg"));
        assert!(matches!(ps[1].value, ElementParamValue::Text(t) if t.quoted));
        // A parameter without a value is an error at decode time.
        assert!(decode_all(&[0x03, b'r', 0, 0x82], element_descriptor).is_err());
        let bare = ElementDescriptor::new(b"r", &[]);
        assert_eq!(bare.encode_to_vec().unwrap(), [0x02, b'r', 0]);
    }

    #[test]
    fn content_location_forms() {
        let del = ctx(Some(MessageType::DELETE_CONF));
        let v: ContentLocationValue<'_> = round(b"\x04\x81ab\0", &del);
        assert_eq!(v, ContentLocationValue::indexed(1, b"ab"));
        let v: ContentLocationValue<'_> = round(b"http://x/1\0", &del);
        assert_eq!(v.uri_bytes(), b"http://x/1");
        // Outside the delete confirmations the indexed form is not a Content-Location.
        assert!(
            decode_all(b"\x04\x81ab\0", |i| ContentLocationValue::decode_value(
                i,
                &ctx(None)
            ))
            .is_err()
        );
    }

    #[test]
    fn response_text_and_status_forms() {
        let del = ctx(Some(MessageType::MBOX_DELETE_CONF));
        let v: ResponseTextValue<'_> = round(b"\x04\x80ok\0", &del);
        assert!(matches!(v, ResponseTextValue::Indexed { count, .. } if count.value == 0));
        // The same octets elsewhere are an Encoded-string-value with charset 0 (Any).
        let v: ResponseTextValue<'_> = round(b"\x04\x80ok\0", &ctx(None));
        assert!(matches!(v, ResponseTextValue::Text(t) if t.charset().unwrap().value == 0));
        let v: ResponseStatusValue = round(&[0x80], &ctx(None));
        assert_eq!(v.status(), ResponseStatus::OK);
        let v: ResponseStatusValue = round(&[0x02, 0x81, 0xE4], &del);
        assert_eq!(
            v.status(),
            ResponseStatus::ERROR_PERMANENT_MESSAGE_NOT_FOUND
        );
        assert!(decode_all(&[0x20], |i| ResponseStatusValue::decode_value(i, &del)).is_err());
    }

    #[test]
    fn tokens_and_class() {
        let v: YesNo = round(&[0x80], &ctx(None));
        assert_eq!(v, YesNo::YES);
        let v: Priority = round(&[0xFF], &ctx(None));
        assert_eq!(v.0, 0xFF);
        assert!(decode_all(&[0x10], |i| YesNo::decode_value(i, &ctx(None))).is_err());
        let v: MessageClassValue<'_> = round(b"custom\0", &ctx(None));
        assert!(matches!(v, MessageClassValue::Text(t) if t.bytes == b"custom"));
        let v: MessageClassValue<'_> = round(&[0x83], &ctx(None));
        assert_eq!(v, MessageClassValue::Class(MessageClass::AUTO));
        let v: FieldCode = round(&[0x96], &ctx(None));
        assert_eq!(v, FieldCode::SUBJECT);
    }

    #[test]
    fn integer_deviation_rules() {
        // Long-integer carrying a small value is legal in these fields.
        let v: IntegerValue = round(&[0x01, 0x05], &ctx(None));
        assert_eq!(HeaderValue::deviation(&v), None);
        let v: IntegerValue = round(&[0x02, 0x00, 0x05], &ctx(None));
        assert_eq!(
            HeaderValue::deviation(&v),
            Some(Deviation::NonMinimalInteger)
        );
    }

    /// Values built with the constructors equal the values decoded from their encoding, long
    /// ones too (their Value-length takes the quoted form past 30 octets).
    #[test]
    fn long_built_values_read_back_equal() {
        let long = b"a-rather-long-address-for-the-short-length-form@example.com";
        let c = DecodeContext::new(Some(MessageType::MBOX_DELETE_CONF));
        let from = FromValue::address(Address::new(long));
        assert_eq!(
            round::<FromValue<'_>>(&from.encode_to_vec().unwrap(), &c),
            from
        );
        let by = PreviouslySentBy::new(3, Address::new(long));
        assert_eq!(
            round::<PreviouslySentBy<'_>>(&by.encode_to_vec().unwrap(), &c),
            by
        );
        let flags = MmFlags::new(MmFlagsToken::ADD, long);
        assert_eq!(
            round::<MmFlags<'_>>(&flags.encode_to_vec().unwrap(), &c),
            flags
        );
        let element = ElementDescriptor::new(long, &[]);
        assert_eq!(
            round::<ElementDescriptor<'_>>(&element.encode_to_vec().unwrap(), &c),
            element
        );
        let location = ContentLocationValue::indexed(2, long);
        assert_eq!(
            round::<ContentLocationValue<'_>>(&location.encode_to_vec().unwrap(), &c),
            location
        );
    }
}
