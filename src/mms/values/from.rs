//! The From value: `Value-length (Address-present-token Address | Insert-address-token)`
//! (OMA-TS-MMS_ENC-V1_3 §7.3.21).

use super::HeaderValue;
use super::address::{Address, address};
use super::wire::{Framed, canonical_form, delimited, framed_values};
use crate::base::error::{Deviation, EncodeError, Expected};
use crate::codec::{Encode, LengthForm, PResult, Writer, unexpected};

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

/// Decodes a From value.
///
/// # Errors
/// A bad Value-length, a token other than 0x80/0x81, a bad address, or leftover octets.
pub fn from_value(input: &[u8]) -> PResult<'_, FromValue<'_>> {
    let (rest, (length_form, address)) = delimited(input, from_content)?;
    let v = match address {
        Some(address) => FromValue::AddressPresent {
            length_form,
            address,
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
        }
    }
    fn content_len(&self) -> usize {
        match self {
            FromValue::AddressPresent { address, .. } => 1 + address.encoded_len(),
            FromValue::InsertAddress { .. } => 1,
        }
    }
    fn encode_content<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            FromValue::AddressPresent { address, .. } => {
                w.write_u8(0x80)?;
                address.encode(w)
            }
            FromValue::InsertAddress { .. } => w.write_u8(0x81),
        }
    }
    fn content_deviation(&self) -> Option<Deviation> {
        self.as_address().and_then(HeaderValue::deviation)
    }
}

framed_values!(FromValue<'a> => from_value);

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
    fn from_bad_token_and_leftovers_fail() {
        assert!(decode_all(&[0x01, 0x82], from_value).is_err());
        assert!(decode_all(&[0x02, 0x81, 0x00], from_value).is_err());
        assert!(decode_all(&[0x05, 0x81], from_value).is_err());
    }
}
