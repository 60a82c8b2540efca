//! The From value: `Value-length (Address-present-token Address | Insert-address-token)`
//! (OMA-TS-MMS_ENC-V1_3 §7.3.21).

use super::address::{Address, address};
use super::wire::{Framed, canonical_form, delimited, or_short_length};
use super::{CutCheck, DecodeContext, HeaderValue, typed_then};
use crate::base::error::{DecodeErrorKind, Deviation, EncodeError, Expected};
use crate::codec::{Encode, LengthForm, PResult, Writer, unexpected, whole_text};

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
        /// A Short-length the sender wrote smaller than the content (AOSP's
        /// `WapPushOverSmsTest`: `08` before 23 octets), which lenient decoding of a header
        /// block repairs
        /// ([`ValueLengthShort`](crate::base::diag::DiagnosticKind::ValueLengthShort)):
        /// written back instead of the content's length. `None` (what the constructors give)
        /// writes the true length.
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "Option::is_none")
        )]
        short_length: Option<u8>,
    },
    /// Insert-address-token (0x81): the MMSC fills in the sender.
    InsertAddress {
        /// The Value-length form used.
        length_form: LengthForm,
    },
    /// The address as a bare Text-string, without Value-length and Address-present-token, as
    /// one MMSC's fixtures write it: not the grammar, but plainly the address (the header
    /// index reports it as
    /// [`BareFromAddress`](crate::base::diag::DiagnosticKind::BareFromAddress); strict mode
    /// refuses it). Written back the same way.
    Bare {
        #[cfg_attr(feature = "serde", serde(borrow))]
        /// The address (its Text-string form: no charset).
        address: Address<'a>,
    },
}

impl<'a> FromValue<'a> {
    /// Address-present with `address`, canonical form.
    pub fn address(address: Address<'a>) -> Self {
        FromValue::AddressPresent {
            length_form: canonical_form(1 + address.encoded_len()),
            address,
            short_length: None,
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
            FromValue::AddressPresent { address, .. } | FromValue::Bare { address } => {
                Some(address)
            }
            FromValue::InsertAddress { .. } => None,
        }
    }

    /// Whether this is the bare-text form ([`FromValue::Bare`]).
    pub const fn is_bare(&self) -> bool {
        matches!(self, FromValue::Bare { .. })
    }
}

/// Address-present with `address` ([`FromValue::address`]).
impl<'a> From<Address<'a>> for FromValue<'a> {
    fn from(address: Address<'a>) -> Self {
        FromValue::address(address)
    }
}

/// Address-present with the address text (`/TYPE=...` included), as [`Address`] is made from a
/// `&str`.
///
/// ```
/// use mms_pdu::mms::{Address, FromValue};
/// assert_eq!(
///     FromValue::from("+15551234567/TYPE=PLMN"),
///     FromValue::address(Address::new(b"+15551234567/TYPE=PLMN"))
/// );
/// ```
impl<'a> From<&'a str> for FromValue<'a> {
    fn from(address: &'a str) -> Self {
        FromValue::address(Address::from(address))
    }
}

/// The content: `Address-present-token Address | Insert-address-token`.
fn from_content(data: &[u8]) -> PResult<'_, Option<Address<'_>>> {
    match data.split_first() {
        Some((0x80, tail)) => address(tail).map(|(left, a)| (left, Some(a))),
        Some((0x81, tail)) => Ok((tail, None)),
        _ => unexpected(data, Expected::Token),
    }
}

/// Whether the From value at the start of `input` is the bare form: an octet 0x20 or above
/// is text, not a Value-length.
#[inline(always)]
pub(crate) fn starts_bare(input: &[u8]) -> bool {
    input.first().is_some_and(|&b| b >= 0x20)
}

/// Decodes a From value: the grammar's, or a bare Text-string address ([`FromValue::Bare`]),
/// which an octet 0x20 or above tells from a Value-length (0x00–0x1F).
///
/// # Errors
/// A bad Value-length, a token other than 0x80/0x81, a bad address, or leftover octets.
pub fn from_value(input: &[u8]) -> PResult<'_, FromValue<'_>> {
    if starts_bare(input) {
        let (rest, address) = address(input)?;
        return Ok((rest, FromValue::Bare { address }));
    }
    let (rest, (length_form, address)) = delimited(input, from_content)?;
    let v = match address {
        Some(address) => FromValue::AddressPresent {
            length_form,
            address,
            short_length: None,
        },
        None => FromValue::InsertAddress { length_form },
    };
    Ok((rest, v))
}

impl Framed for FromValue<'_> {
    const FIELD: &'static str = "From";
    fn length_form(&self) -> LengthForm {
        match self {
            FromValue::AddressPresent { length_form, .. }
            | FromValue::InsertAddress { length_form } => *length_form,
            FromValue::Bare { .. } => LengthForm::Short,
        }
    }
    fn content_len(&self) -> usize {
        match self {
            FromValue::AddressPresent { address, .. } => 1 + address.encoded_len(),
            FromValue::InsertAddress { .. } => 1,
            FromValue::Bare { address } => address.encoded_len(),
        }
    }
    fn encode_content<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            FromValue::AddressPresent { address, .. } => {
                w.write_u8(0x80)?;
                address.encode(w)
            }
            FromValue::InsertAddress { .. } => w.write_u8(0x81),
            FromValue::Bare { address } => address.encode(w),
        }
    }
    fn content_deviation(&self) -> Option<Deviation> {
        self.as_address().and_then(HeaderValue::deviation)
    }
    fn short_length(&self) -> Option<u8> {
        match self {
            FromValue::AddressPresent { short_length, .. } => *short_length,
            FromValue::InsertAddress { .. } | FromValue::Bare { .. } => None,
        }
    }
}

// Not `framed_values!`: the bare form has no Value-length.
impl crate::codec::Encode for FromValue<'_> {
    fn encoded_len(&self) -> usize {
        match self {
            FromValue::Bare { address } => address.encoded_len(),
            framed => super::wire::frame_len(framed),
        }
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            FromValue::Bare { address } => address.encode(w),
            framed => super::wire::write_frame(framed, w),
        }
    }
}

impl<'a> HeaderValue<'a> for FromValue<'a> {
    /// [`from_value`], or, when `input` is exactly an Address-present From whose
    /// Short-length is smaller than its content, that From remembering the declared length.
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        or_short_length(
            input,
            from_value(input),
            from_content,
            |declared, address| {
                address.map(|address| FromValue::AddressPresent {
                    length_form: LengthForm::Short,
                    address,
                    short_length: Some(declared),
                })
            },
        )
    }

    fn deviation(&self) -> Option<Deviation> {
        match self {
            FromValue::Bare { .. } => self.content_deviation(),
            framed => super::wire::frame_deviation(framed),
        }
    }
}

/// The form phones send, `Short-length 80 text NUL` whose length is exact, is checked without
/// being typed; any other form is typed.
///
/// Why: typing that form through `delimited` and `or_short_length` cost about 370
/// instructions for a 10-octet From (callgrind, benches/README.md "Session 7").
impl<'a> CutCheck<'a> for FromValue<'a> {
    #[inline(always)]
    fn check_cut(
        value: &'a [u8],
        ctx: &DecodeContext,
    ) -> Result<Option<Deviation>, DecodeErrorKind> {
        if let [len @ 2..=30, 0x80, address @ ..] = value {
            if usize::from(*len) == address.len() + 1 {
                if let Some(text) = whole_text(address) {
                    // A plain Encoded-string: the deviation is its text's.
                    return Ok(text.deviation());
                }
            }
        }
        typed_then(value, ctx, <Self as HeaderValue>::deviation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::decode_all;
    use crate::mms::values::ParsedAddress;
    use crate::mms::values::testing::{ctx, round};

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
        assert_eq!(a.parsed(), ParsedAddress::Phone(b"+15551234567"));
        assert_eq!(a.value(), b"+15551234567");
        assert_eq!(
            FromValue::address(Address::new(b"+15551234567/TYPE=PLMN"))
                .encode_to_vec()
                .unwrap(),
            wire
        );
    }

    #[test]
    fn from_as_a_bare_text_is_the_address() {
        let wire = b"+15551234567/TYPE=PLMN\0";
        let v: FromValue<'_> = round(wire, &ctx(None));
        assert!(v.is_bare());
        assert_eq!(v.as_address().unwrap().value(), b"+15551234567");
        assert_eq!(v.deviation(), None);
        // A quoted text too; without its NUL it is not a Text-string.
        let v: FromValue<'_> = round(b"\x7F\xC3\xA9@x\0", &ctx(None));
        assert!(v.is_bare());
        assert!(decode_all(b"a@b", from_value).is_err());
    }

    #[test]
    fn from_with_a_short_length_smaller_than_its_content_remembers_it() {
        let mut wire = alloc::vec![0x08, 0x80];
        wire.extend_from_slice(b"+1555123456/TYPE=PLMN\0");
        let v: FromValue<'_> = round(&wire, &ctx(None));
        assert!(matches!(
            v,
            FromValue::AddressPresent {
                length_form: LengthForm::Short,
                short_length: Some(8),
                ..
            }
        ));
        assert_eq!(v.as_address().unwrap().value(), b"+1555123456");
        assert_eq!(v.deviation(), None);
        // The grammar's decoder does not read it, and a value it reads stays as it was.
        assert!(decode_all(&wire, from_value).is_err());
        assert_eq!(
            round::<FromValue<'_>>(&[0x01, 0x81], &ctx(None)),
            FromValue::insert_address()
        );
        // Content that does not run exactly to the end is not repaired.
        let mut longer = wire.clone();
        longer.push(0x00);
        assert!(FromValue::decode_value(&longer, &ctx(None)).is_err());
        // A declared length that is not smaller than the content is not written.
        let FromValue::AddressPresent { address, .. } = v else {
            panic!()
        };
        for declared in [23, 24, 31] {
            let built = FromValue::AddressPresent {
                length_form: LengthForm::Short,
                address,
                short_length: Some(declared),
            };
            assert_eq!(built.encode_to_vec().unwrap()[0], 23);
            assert_eq!(built.encoded_len(), 24);
        }
    }

    #[test]
    fn from_bad_token_and_leftovers_fail() {
        assert!(decode_all(&[0x01, 0x82], from_value).is_err());
        assert!(decode_all(&[0x02, 0x81, 0x00], from_value).is_err());
        assert!(decode_all(&[0x05, 0x81], from_value).is_err());
    }
}
