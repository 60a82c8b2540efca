//! Addresses of SMS TPDUs (3GPP TS 23.040 §9.1.2.5): a type-of-address octet and an address
//! value of semi-octets (BCD digits, the first digit in the low nibble, `F` filling the last
//! octet), or of packed GSM 7-bit septets when the type of number is alphanumeric.

use core::fmt;

use crate::base::error::EncodeError;
use crate::sms::gsm7::{Septets, pack, septet_of};

/// Type of address: unknown type of number, ISDN/telephone numbering plan.
pub const TOA_UNKNOWN: u8 = 0x81;
/// Type of address: international number, ISDN/telephone numbering plan (shown with `+`).
pub const TOA_INTERNATIONAL: u8 = 0x91;
/// Type of address: national number, ISDN/telephone numbering plan.
pub const TOA_NATIONAL: u8 = 0xA1;
/// Type of address: alphanumeric (GSM 7-bit default alphabet), unknown numbering plan.
pub const TOA_ALPHANUMERIC: u8 = 0xD0;

/// Most semi-octets of an address value: 10 octets (§9.1.2.5 allows 2 to 12 octets for the
/// whole field, length and type included).
pub const MAX_ADDRESS_SEMI_OCTETS: u8 = 20;

/// Most octets of an address value.
const MAX_VALUE_OCTETS: usize = 10;

/// Type of number "international" (bits 6–4 of the type of address).
const TON_INTERNATIONAL: u8 = 1;
/// Type of number "alphanumeric".
const TON_ALPHANUMERIC: u8 = 5;

/// An SMS address as it is on the wire: the type of address and the address value, borrowed.
///
/// `Display` shows the number (`+` first when international; BCD 10–14 as `*`, `#`, `a`, `b`,
/// `c`) or, for an alphanumeric address, its text.
///
/// ```
/// use mms_pdu::sms::{Address, TOA_INTERNATIONAL};
/// // +4917012345 in semi-octets: 94 71 10 32 54.
/// let a = Address::new(TOA_INTERNATIONAL, 10, &[0x94, 0x71, 0x10, 0x32, 0x54]).unwrap();
/// assert_eq!(a.to_string(), "+4917012345");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Address<'a> {
    type_of_address: u8,
    semi_octets: u8,
    #[cfg_attr(
        feature = "serde",
        serde(serialize_with = "crate::base::serde_util::bytes")
    )]
    value: &'a [u8],
}

impl<'a> Address<'a> {
    /// An address of `semi_octets` useful semi-octets (the number of digits; for an
    /// alphanumeric address the semi-octets its packed septets occupy) over `value`.
    ///
    /// # Errors
    /// [`EncodeError::Unencodable`] when bit 7 of the type of address is clear (§9.1.2.5 fixes
    /// it to 1), when `semi_octets` exceeds [`MAX_ADDRESS_SEMI_OCTETS`], or when `value` is not
    /// exactly the `semi_octets.div_ceil(2)` octets they need.
    pub fn new(type_of_address: u8, semi_octets: u8, value: &'a [u8]) -> Result<Self, EncodeError> {
        let unencodable = |reason| EncodeError::Unencodable {
            field: "address",
            reason,
        };
        if type_of_address & 0x80 == 0 {
            return Err(unencodable("bit 7 of the type of address must be 1"));
        }
        if semi_octets > MAX_ADDRESS_SEMI_OCTETS {
            return Err(unencodable("more than 20 semi-octets"));
        }
        if value.len() != usize::from(semi_octets.div_ceil(2)) {
            return Err(unencodable("value is not the octets of its semi-octets"));
        }
        Ok(Address {
            type_of_address,
            semi_octets,
            value,
        })
    }

    /// An address whose octets were checked by the decoder (its semi-octet count is trusted).
    pub(crate) const fn from_wire(type_of_address: u8, semi_octets: u8, value: &'a [u8]) -> Self {
        Address {
            type_of_address,
            semi_octets,
            value,
        }
    }

    /// The SMSC address of the modem form: the field's length counts octets, so the number of
    /// digits is two per octet less a final `F` filler.
    pub(crate) fn from_octets(type_of_address: u8, value: &'a [u8]) -> Self {
        let filler = value.last().is_some_and(|&b| b >> 4 == 0xF);
        let semi = value.len() * 2 - usize::from(filler);
        Address {
            type_of_address,
            semi_octets: u8::try_from(semi).unwrap_or(u8::MAX),
            value,
        }
    }

    /// The type-of-address octet (type of number in bits 6–4, numbering plan in bits 3–0).
    pub const fn type_of_address(&self) -> u8 {
        self.type_of_address
    }

    /// The type of number (bits 6–4 of the type of address): 1 international, 2 national,
    /// 5 alphanumeric, ...
    pub const fn type_of_number(&self) -> u8 {
        (self.type_of_address >> 4) & 0x07
    }

    /// The numbering plan identification (bits 3–0 of the type of address): 1 is ISDN/telephone.
    pub const fn numbering_plan(&self) -> u8 {
        self.type_of_address & 0x0F
    }

    /// Whether the address is alphanumeric text rather than a number.
    pub const fn is_alphanumeric(&self) -> bool {
        self.type_of_number() == TON_ALPHANUMERIC
    }

    /// The number of useful semi-octets of the value.
    pub const fn semi_octets(&self) -> u8 {
        self.semi_octets
    }

    /// The address value as it is on the wire (semi-octets or packed septets).
    pub const fn value(&self) -> &'a [u8] {
        self.value
    }

    /// The digits of a numeric address (semi-octets in order, without `+`); for an
    /// alphanumeric address the semi-octets read as digits, which mean nothing.
    pub fn digits(&self) -> impl Iterator<Item = char> + 'a {
        let value = self.value;
        (0..usize::from(self.semi_octets)).filter_map(move |i| {
            let octet = value.get(i / 2)?;
            let nibble = if i % 2 == 0 { octet & 0x0F } else { octet >> 4 };
            b"0123456789*#abc"
                .get(usize::from(nibble))
                .map(|&b| char::from(b))
        })
    }
}

impl fmt::Display for Address<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write as _;
        if self.is_alphanumeric() {
            // §9.1.2.5: the length counts semi-octets, so it holds floor(4 * n / 7) septets.
            let count = usize::from(self.semi_octets) * 4 / 7;
            return Septets {
                packed: self.value,
                count,
            }
            .fmt(f);
        }
        if self.type_of_number() == TON_INTERNATIONAL {
            f.write_char('+')?;
        }
        self.digits().try_for_each(|c| f.write_char(c))
    }
}

/// The octets of an address to encode, owned in a fixed buffer (no allocation): digits to
/// semi-octets, or text to packed septets. [`AddressBuf::as_address`] borrows it for a TPDU.
///
/// ```
/// use mms_pdu::sms::AddressBuf;
/// let number = AddressBuf::international("+4917012345").unwrap();
/// assert_eq!(number.as_address().value(), [0x94, 0x71, 0x10, 0x32, 0x54]);
/// let name = AddressBuf::alphanumeric("MMSC").unwrap();
/// assert_eq!(name.as_address().to_string(), "MMSC");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AddressBuf {
    type_of_address: u8,
    semi_octets: u8,
    value: [u8; MAX_VALUE_OCTETS],
}

impl AddressBuf {
    /// A number of the given type of address from its digits (`0`–`9`, `*`, `#`, `a`, `b`,
    /// `c`), at most 20.
    ///
    /// # Errors
    /// [`EncodeError::Unencodable`] for another character, more than 20 digits, or a type of
    /// address with bit 7 clear.
    pub fn digits(type_of_address: u8, digits: &str) -> Result<Self, EncodeError> {
        let unencodable = |reason| EncodeError::Unencodable {
            field: "address",
            reason,
        };
        if type_of_address & 0x80 == 0 {
            return Err(unencodable("bit 7 of the type of address must be 1"));
        }
        let mut value = [0xFFu8; MAX_VALUE_OCTETS];
        let mut count = 0usize;
        for c in digits.chars() {
            let Some(nibble) = "0123456789*#abc".find(c).and_then(|n| u8::try_from(n).ok()) else {
                return Err(unencodable("a digit other than 0-9 * # a b c"));
            };
            let Some(slot) = value.get_mut(count / 2) else {
                return Err(unencodable("more than 20 digits"));
            };
            *slot = if count % 2 == 0 {
                0xF0 | nibble
            } else {
                (*slot & 0x0F) | nibble << 4
            };
            count += 1;
        }
        Ok(AddressBuf {
            type_of_address,
            semi_octets: u8::try_from(count).unwrap_or(u8::MAX),
            value,
        })
    }

    /// An international number (type of address 0x91); a leading `+` is dropped.
    ///
    /// # Errors
    /// As [`AddressBuf::digits`].
    pub fn international(number: &str) -> Result<Self, EncodeError> {
        AddressBuf::digits(
            TOA_INTERNATIONAL,
            number.strip_prefix('+').unwrap_or(number),
        )
    }

    /// An alphanumeric originator (type of address 0xD0): at most 11 characters of the GSM
    /// 7-bit default alphabet, packed.
    ///
    /// # Errors
    /// [`EncodeError::Unencodable`] for a character outside the default alphabet (the
    /// extension table is not used) or more than 11 characters.
    pub fn alphanumeric(text: &str) -> Result<Self, EncodeError> {
        let unencodable = |reason| EncodeError::Unencodable {
            field: "address",
            reason,
        };
        let mut septets = [0u8; 11];
        let mut count = 0usize;
        for c in text.chars() {
            let Some(s) = septet_of(c) else {
                return Err(unencodable(
                    "a character outside the GSM 7-bit default alphabet",
                ));
            };
            let Some(slot) = septets.get_mut(count) else {
                return Err(unencodable("more than 11 characters"));
            };
            *slot = s;
            count += 1;
        }
        let mut value = [0u8; MAX_VALUE_OCTETS];
        let used = septets.get(..count).unwrap_or(&[]).iter().copied();
        pack(used, &mut value).ok_or(unencodable("more than 11 characters"))?;
        Ok(AddressBuf {
            type_of_address: TOA_ALPHANUMERIC,
            // The semi-octets the septets occupy: ceil(7 * n / 4).
            semi_octets: u8::try_from((count * 7).div_ceil(4)).unwrap_or(u8::MAX),
            value,
        })
    }

    /// The address, borrowing this buffer.
    pub fn as_address(&self) -> Address<'_> {
        let len = usize::from(self.semi_octets.div_ceil(2));
        Address {
            type_of_address: self.type_of_address,
            semi_octets: self.semi_octets,
            value: self.value.get(..len).unwrap_or(&[]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn numbers_from_the_specification() {
        // TS 23.040 §9.1.2.3: the digits in the low nibble first, F fills an odd count.
        let a = AddressBuf::digits(TOA_UNKNOWN, "12345").unwrap();
        assert_eq!(a.as_address().value(), [0x21, 0x43, 0xF5]);
        assert_eq!(a.as_address().semi_octets(), 5);
        assert_eq!(a.as_address().to_string(), "12345");
        let b = AddressBuf::digits(TOA_NATIONAL, "*#abc0").unwrap();
        assert_eq!(b.as_address().value(), [0xBA, 0xDC, 0x0E]);
        assert_eq!(b.as_address().to_string(), "*#abc0");
        assert_eq!(b.as_address().type_of_number(), 2);
        assert_eq!(b.as_address().numbering_plan(), 1);
        let c = AddressBuf::international("+491701234567").unwrap();
        let c = c.as_address();
        assert_eq!(c.to_string(), "+491701234567");
        let same = AddressBuf::international("491701234567").unwrap();
        assert_eq!(
            Address::new(0x91, 12, c.value()).unwrap(),
            same.as_address()
        );
        assert!(AddressBuf::digits(TOA_UNKNOWN, "12-3").is_err());
        assert!(AddressBuf::digits(TOA_UNKNOWN, "123456789012345678901").is_err());
        assert!(AddressBuf::digits(0x11, "1").is_err());
        assert!(
            AddressBuf::digits(TOA_UNKNOWN, "")
                .unwrap()
                .as_address()
                .value()
                .is_empty()
        );
    }

    #[test]
    fn alphanumeric_originator() {
        // "Telekom": 7 septets, 49 bits, 13 semi-octets in 7 octets.
        let buf = AddressBuf::alphanumeric("Telekom").unwrap();
        let a = buf.as_address();
        assert_eq!(a.semi_octets(), 13);
        assert_eq!(a.value(), [0xD4, 0x32, 0xBB, 0xBC, 0x7E, 0xB7, 0x01]);
        assert!(a.is_alphanumeric());
        assert_eq!(a.to_string(), "Telekom");
        let long = AddressBuf::alphanumeric("ABCDEFGHIJK").unwrap();
        assert_eq!(long.as_address().semi_octets(), 20);
        assert_eq!(long.as_address().to_string(), "ABCDEFGHIJK");
        assert!(AddressBuf::alphanumeric("ABCDEFGHIJKL").is_err());
        assert!(AddressBuf::alphanumeric("€").is_err());
    }

    #[test]
    fn new_checks_its_parts() {
        assert!(Address::new(0x91, 3, &[0x21, 0xF3]).is_ok());
        assert!(Address::new(0x91, 3, &[0x21]).is_err());
        assert!(Address::new(0x11, 2, &[0x21]).is_err());
        assert!(Address::new(0x91, 21, &[0; 11]).is_err());
        let smsc = Address::from_octets(0x91, &[0x94, 0x71, 0xF6]);
        assert_eq!(smsc.semi_octets(), 5);
        assert_eq!(smsc.to_string(), "+49176");
    }
}
