//! Address helpers: parsing and formatting the address forms of OMA-TS-MMS_ENC-V1_3 §8, phone
//! number comparison, and the recipients of a group message.
//!
//! How each real-world problem is handled:
//!
//! - **Recipients with a charset.** Android and iPhone send every To/Cc of a group message as
//!   an Encoded-string-value with a charset (`0x1B 0xEA "+1555.../TYPE=PLMN" 0x00`). The
//!   decoder reads each one as an [`Address`], keeps the charset form for re-encoding, and
//!   keeps every entry in wire order, duplicates included ([`Pdu::to`], [`Pdu::cc`],
//!   [`Pdu::bcc`]).
//! - **Parsing.** [`Address::parsed`] splits the text into a [`ParsedAddress`], the one
//!   classification of address forms: phone number (`/TYPE=PLMN`), IPv4/IPv6 (read into
//!   [`core::net`] addresses), e-mail, short code, or another `/TYPE=` with its `%`-escaped value.
//!   The `/TYPE=` marker is matched case-insensitively on decode (the spec writes `PLMN`, `IPv4`,
//!   `IPv6`; some senders use lower case); the text itself is never rewritten. Both live beside
//!   [`Address`] in [`crate::mms::values`] and are re-exported here.
//! - **Formatting.** [`format_phone`], [`format_ipv4`], [`format_ipv6`], [`format_email`],
//!   [`format_short_code`] and [`format_other`], the one family that produces the canonical
//!   texts, check the grammar and `%`-escape an escaped-value ([`escape_value`] /
//!   [`unescape_value`]).
//! - **Comparing phone numbers.** [`PhoneMatch`] normalises both sides (the rule is documented
//!   there: drop `/TYPE=PLMN`, `tel:` and visual separators, read `00` as `+`, optionally
//!   complete national numbers with a default country code) and compares digits, so
//!   `+1 (555) 010-0000` equals `15550100000/TYPE=PLMN`.
//! - **Replying to a group.** [`recipients_excluding`] lists To, then Cc, then Bcc without the
//!   user's own number (given by the caller: the PDU does not know it).
//! - **Insert-address.** A sending client writes From as the Insert-address token (`89 01 81`)
//!   and no Date: the MMSC fills both in. Such an m-send-req decodes and validates clean;
//!   [`Pdu::from_address`] is `None` for it.
//!
//! ```
//! use mms_pdu::mms::Address;
//! use mms_pdu::mms::address::{format_phone, same_number, ParsedAddress};
//! let text = format_phone("+1 (555) 010-0000").unwrap();
//! assert_eq!(text, "+15550100000/TYPE=PLMN");
//! let a = Address::new(text.as_bytes());
//! assert_eq!(a.parsed(), ParsedAddress::Phone(b"+15550100000"));
//! assert!(same_number(b"15550100000/TYPE=PLMN", b"+1 (555) 010-0000"));
//! ```

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::net::{Ipv4Addr, Ipv6Addr};

use crate::mms::pdu::Pdu;
use crate::mms::values::{Address, is_email, is_short_code};
pub use crate::mms::values::{ParsedAddress, escape_value, unescape_value};

/// Why an address could not be formatted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum AddressError {
    /// Not a global-phone-number (`["+"] 1*(DIGIT / "-" / ".")` after visual separators are
    /// dropped).
    #[error("not a phone number")]
    InvalidPhone,
    /// Not a dotted-quad IPv4 address.
    #[error("not an IPv4 address")]
    InvalidIpv4,
    /// Not an IPv6 address.
    #[error("not an IPv6 address")]
    InvalidIpv6,
    /// Not an e-mail addr-spec (`local@domain`, printable ASCII without spaces).
    #[error("not an e-mail address")]
    InvalidEmail,
    /// Not a short code (digits led by an optional `+`, `*` or `#`; or letters and digits).
    #[error("not a short code")]
    InvalidShortCode,
    /// An address type that is not `1*(ALPHA / DIGIT / "_")`, or an empty value.
    #[error("invalid address type or empty value")]
    InvalidType,
}

/// Visual separators people and address books put in phone numbers.
fn is_visual_separator(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'(' | b')' | b'-' | b'.' | b'/')
}

/// Formats a phone number as `number/TYPE=PLMN`: visual separators (space, `(`, `)`, `-`,
/// `.`, `/`) are dropped and a leading `+` kept.
///
/// ```
/// use mms_pdu::mms::address::format_phone;
/// assert_eq!(format_phone("+44 7700 900123").unwrap(), "+447700900123/TYPE=PLMN");
/// assert!(format_phone("call me").is_err());
/// assert!(format_phone("+").is_err());
/// ```
///
/// # Errors
/// [`AddressError::InvalidPhone`] when anything other than digits, separators and one leading
/// `+` is left, or there is no digit.
pub fn format_phone(number: &str) -> Result<String, AddressError> {
    let number = number.trim();
    let (plus, digits) = match number.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, number),
    };
    let mut out = String::with_capacity(number.len() + 10);
    if plus {
        out.push('+');
    }
    for b in digits.bytes() {
        match b {
            b'0'..=b'9' => out.push(char::from(b)),
            b if is_visual_separator(b) => {}
            _ => return Err(AddressError::InvalidPhone),
        }
    }
    if out.len() == usize::from(plus) {
        return Err(AddressError::InvalidPhone);
    }
    out.push_str("/TYPE=PLMN");
    Ok(out)
}

/// Formats an IPv4 address as `a.b.c.d/TYPE=IPv4`.
///
/// ```
/// use mms_pdu::mms::address::format_ipv4;
/// assert_eq!(format_ipv4("192.0.2.1").unwrap(), "192.0.2.1/TYPE=IPv4");
/// assert!(format_ipv4("192.0.2").is_err());
/// ```
///
/// # Errors
/// [`AddressError::InvalidIpv4`] when `addr` is not a dotted quad.
pub fn format_ipv4(addr: &str) -> Result<String, AddressError> {
    let ip: Ipv4Addr = addr.trim().parse().map_err(|_| AddressError::InvalidIpv4)?;
    Ok(alloc::format!("{ip}/TYPE=IPv4"))
}

/// Formats an IPv6 address as the spec writes it, eight groups of four hex digits, followed by
/// `/TYPE=IPv6`.
///
/// ```
/// use mms_pdu::mms::address::format_ipv6;
/// assert_eq!(
///     format_ipv6("2001:db8::1").unwrap(),
///     "2001:0db8:0000:0000:0000:0000:0000:0001/TYPE=IPv6"
/// );
/// ```
///
/// # Errors
/// [`AddressError::InvalidIpv6`] when `addr` is not an IPv6 address.
pub fn format_ipv6(addr: &str) -> Result<String, AddressError> {
    let ip: Ipv6Addr = addr.trim().parse().map_err(|_| AddressError::InvalidIpv6)?;
    let [a, b, c, d, e, f, g, h] = ip.segments();
    Ok(alloc::format!(
        "{a:04x}:{b:04x}:{c:04x}:{d:04x}:{e:04x}:{f:04x}:{g:04x}:{h:04x}/TYPE=IPv6"
    ))
}

/// Checks an e-mail addr-spec and returns it (e-mail addresses carry no `/TYPE=`).
///
/// ```
/// use mms_pdu::mms::address::format_email;
/// assert_eq!(format_email("bob@example.com").unwrap(), "bob@example.com");
/// assert!(format_email("bob at example.com").is_err());
/// ```
///
/// # Errors
/// [`AddressError::InvalidEmail`] unless the text is `local@domain` in printable ASCII without
/// spaces.
pub fn format_email(addr: &str) -> Result<String, AddressError> {
    let addr = addr.trim();
    let ok = addr.is_ascii()
        && !addr.contains('<')
        && is_email(addr.as_bytes())
        && addr.bytes().all(|b| b > b' ' && b != 0x7F);
    if ok {
        Ok(String::from(addr))
    } else {
        Err(AddressError::InvalidEmail)
    }
}

/// Checks a short code and returns it (short codes carry no `/TYPE=`).
///
/// ```
/// use mms_pdu::mms::address::format_short_code;
/// assert_eq!(format_short_code("12345").unwrap(), "12345");
/// assert_eq!(format_short_code("*611").unwrap(), "*611");
/// assert_eq!(format_short_code("INFO").unwrap(), "INFO");
/// assert!(format_short_code("a b").is_err());
/// ```
///
/// # Errors
/// [`AddressError::InvalidShortCode`] unless the text is `["+" / "*" / "#"] 1*DIGIT` or
/// `1*(ALPHA / DIGIT)`.
pub fn format_short_code(code: &str) -> Result<String, AddressError> {
    if is_short_code(code.as_bytes()) {
        Ok(String::from(code))
    } else {
        Err(AddressError::InvalidShortCode)
    }
}

/// Formats an address of another bearer type: the `%`-escaped value, then `/TYPE=` and the
/// type.
///
/// ```
/// use mms_pdu::mms::address::format_other;
/// assert_eq!(format_other(b"a/b c", "X_400").unwrap(), "a%2Fb%20c/TYPE=X_400");
/// assert!(format_other(b"v", "bad type").is_err());
/// ```
///
/// # Errors
/// [`AddressError::InvalidType`] for an empty value or a type that is not
/// `1*(ALPHA / DIGIT / "_")`.
pub fn format_other(value: &[u8], address_type: &str) -> Result<String, AddressError> {
    let type_ok = !address_type.is_empty()
        && address_type
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if value.is_empty() || !type_ok {
        return Err(AddressError::InvalidType);
    }
    let mut out = escape_value(value);
    out.push_str("/TYPE=");
    out.push_str(address_type);
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

/// Most digits a normalised phone number may have (E.164 allows 15; room for extensions).
const MAX_DIGITS: usize = 32;

/// A phone number reduced to its digits, on the stack (no allocation).
///
/// ```
/// use mms_pdu::mms::address::PhoneNumber;
/// let n = PhoneNumber::parse(b"+1 (555) 010-0000").unwrap();
/// assert_eq!(n.digits(), "15550100000");
/// assert!(n.is_international());
/// assert!(PhoneNumber::parse(b"bob@example.com").is_none());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PhoneNumber {
    digits: [u8; MAX_DIGITS],
    len: u8,
    international: bool,
}

impl fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "PhoneNumber({}{})",
            if self.international { "+" } else { "" },
            self.digits()
        )
    }
}

impl PhoneNumber {
    /// Reads a phone number: an optional `tel:` prefix and `/TYPE=PLMN` suffix (any case) are
    /// dropped, then visual separators (space, tab, `(`, `)`, `-`, `.`, `/`); a leading `+` or
    /// `00` marks an international number. `None` when anything else is left (letters, `@`,
    /// another `/TYPE=`), when there is no digit, or more than 32.
    pub fn parse(text: &[u8]) -> Option<Self> {
        let text = match text.get(..4) {
            Some(p) if p.eq_ignore_ascii_case(b"tel:") => text.get(4..)?,
            _ => text,
        };
        // A `/TYPE=PLMN` address, or a text without `/TYPE=` (whose digits are checked below).
        let text = match Address::new(text).parsed() {
            ParsedAddress::Phone(number)
            | ParsedAddress::ShortCode(number)
            | ParsedAddress::Email(number)
            | ParsedAddress::Unrecognised(number) => number,
            ParsedAddress::Ipv4(_) | ParsedAddress::Ipv6(_) | ParsedAddress::Other { .. } => {
                return None;
            }
        };
        let mut n = PhoneNumber {
            digits: [0; MAX_DIGITS],
            len: 0,
            international: false,
        };
        let mut seen_plus = false;
        for &b in text {
            match b {
                b'+' if !seen_plus && n.len == 0 => seen_plus = true,
                b'0'..=b'9' => {
                    *n.digits.get_mut(usize::from(n.len))? = b;
                    n.len += 1;
                }
                b if is_visual_separator(b) => {}
                _ => return None,
            }
        }
        n.international = seen_plus;
        if !seen_plus && n.digits().starts_with("00") && n.len > 2 {
            n.drop_front(2);
            n.international = true;
        }
        (n.len > 0).then_some(n)
    }

    /// The digits.
    pub fn digits(&self) -> &str {
        let digits = self.digits.get(..usize::from(self.len)).unwrap_or(&[]);
        core::str::from_utf8(digits).unwrap_or_default()
    }

    /// `true` when the number was written with `+` or `00`.
    pub const fn is_international(&self) -> bool {
        self.international
    }

    fn drop_front(&mut self, count: u8) {
        let count = count.min(self.len);
        self.digits.copy_within(usize::from(count).., 0);
        self.len -= count;
    }

    /// Prefixes the country code's digits; `None` when they do not fit.
    fn with_country_code(mut self, cc: u16) -> Option<Self> {
        let mut buf = [0u8; 5];
        let mut cc_digits = 0usize;
        let mut v = cc;
        loop {
            *buf.get_mut(cc_digits)? = b'0' + u8::try_from(v % 10).ok()?;
            cc_digits += 1;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        let len = usize::from(self.len);
        if len + cc_digits > MAX_DIGITS {
            return None;
        }
        self.digits.copy_within(..len, cc_digits);
        for (i, d) in buf.iter().take(cc_digits).rev().enumerate() {
            *self.digits.get_mut(i)? = *d;
        }
        self.len = u8::try_from(len + cc_digits).ok()?;
        self.international = true;
        Some(self)
    }
}

/// How two phone numbers are compared (no allocation).
///
/// The rule: both sides are read by [`PhoneNumber::parse`] (separators, `tel:` and
/// `/TYPE=PLMN` dropped; `+` or `00` = international), then compared by their digits, so
/// `+15550100000`, `15550100000/TYPE=PLMN` and `+1 (555) 010-0000` are the same number.
///
/// With a [default country code](PhoneMatch::default_country_code) `CC`, a national number
/// (no `+`/`00`) of 7 digits or more is first made international: one leading trunk `0` is
/// replaced by `CC` (`07700 900123` with 44 → `447700900123`), a number already starting with
/// `CC` is kept (`15550100000` with 1), any other gets `CC` in front (`5550100000` with 1 →
/// `15550100000`). Shorter numbers are short codes and are compared as written. (A national
/// number that happens to start with the country code's digits is read as international: the
/// price of not carrying a numbering plan.)
///
/// ```
/// use mms_pdu::mms::address::PhoneMatch;
/// let any = PhoneMatch::new();
/// assert!(any.same_number(b"+1 (555) 010-0000", b"15550100000/TYPE=PLMN"));
/// assert!(!any.same_number(b"5550100000", b"+15550100000"));
/// let us = PhoneMatch::new().default_country_code(1);
/// assert!(us.same_number(b"(555) 010-0000", b"+15550100000/TYPE=PLMN"));
/// let uk = PhoneMatch::new().default_country_code(44);
/// assert!(uk.same_number(b"07700 900123", b"+44 7700 900123"));
/// assert!(uk.same_number(b"0044 7700 900123", b"+447700900123"));
/// assert!(!uk.same_number(b"07700 900123", b"+1 7700 900123"));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct PhoneMatch {
    country_code: Option<u16>,
}

impl PhoneMatch {
    /// Digits only, no default country code.
    pub const fn new() -> Self {
        PhoneMatch { country_code: None }
    }

    /// The country calling code assumed for national numbers (1–999; other values are
    /// ignored).
    #[must_use]
    pub const fn default_country_code(mut self, country_code: u16) -> Self {
        self.country_code = if country_code >= 1 && country_code <= 999 {
            Some(country_code)
        } else {
            None
        };
        self
    }

    /// The number in the form it is compared in (see the type's rule).
    pub fn canonical(&self, text: &[u8]) -> Option<PhoneNumber> {
        let n = PhoneNumber::parse(text)?;
        let Some(cc) = self.country_code.filter(|_| !n.international && n.len >= 7) else {
            return Some(n);
        };
        let mut national = n;
        if national.digits().starts_with('0') {
            national.drop_front(1);
            return national.with_country_code(cc);
        }
        let mut cc_text = [0u8; 3];
        let cc_text = format_cc(cc, &mut cc_text);
        if national.digits().starts_with(cc_text) {
            national.international = true;
            return Some(national);
        }
        national.with_country_code(cc)
    }

    /// `true` when both texts are phone numbers with the same canonical digits.
    pub fn same_number(&self, a: &[u8], b: &[u8]) -> bool {
        match (self.canonical(a), self.canonical(b)) {
            (Some(a), Some(b)) => a.digits() == b.digits(),
            _ => false,
        }
    }

    /// `true` when two address texts name the same party: the same phone number by
    /// [`PhoneMatch::same_number`], else the same value (the text before any `/TYPE=`;
    /// e-mail addresses and short codes) ignoring ASCII case.
    pub fn same_party(&self, a: &[u8], b: &[u8]) -> bool {
        if self.same_number(a, b) {
            return true;
        }
        let (a, b) = (Address::new(a), Address::new(b));
        let both_phones = PhoneNumber::parse(a.as_bytes()).is_some()
            && PhoneNumber::parse(b.as_bytes()).is_some();
        !both_phones
            && a.value()
                .trim_ascii()
                .eq_ignore_ascii_case(b.value().trim_ascii())
    }

    /// The To, then Cc, then Bcc addresses of `pdu`, each list in wire order, without those
    /// that are the same party as `own` (see [`PhoneMatch::same_party`]). Duplicates of other
    /// recipients are kept.
    pub fn recipients_excluding<'a>(&self, pdu: &Pdu<'a>, own: &[u8]) -> Vec<Address<'a>> {
        pdu.to()
            .chain(pdu.cc())
            .chain(pdu.bcc())
            .filter(|a| !self.same_party(a.as_bytes(), own))
            .collect()
    }
}

fn format_cc(cc: u16, buf: &mut [u8; 3]) -> &str {
    let mut len = 0;
    for divisor in [100u16, 10, 1] {
        let digit = (cc / divisor) % 10;
        if len > 0 || digit != 0 || divisor == 1 {
            if let (Some(slot), Ok(d)) = (buf.get_mut(len), u8::try_from(digit)) {
                *slot = b'0' + d;
                len += 1;
            }
        }
    }
    buf.get(..len)
        .and_then(|d| core::str::from_utf8(d).ok())
        .unwrap_or_default()
}

/// `true` when the two texts are the same phone number by digits ([`PhoneMatch::new`]).
pub fn same_number(a: &[u8], b: &[u8]) -> bool {
    PhoneMatch::new().same_number(a, b)
}

/// The recipients of a group message without the user's own address: To, then Cc, then Bcc,
/// each in wire order, compared by [`PhoneMatch::new`] (digits only; use
/// [`PhoneMatch::recipients_excluding`] with a default country code when the own number is
/// national).
///
/// ```
/// use mms_pdu::mms::Pdu;
/// use mms_pdu::mms::address::recipients_excluding;
/// // m-retrieve-conf (1.2) from +15550100001 to three numbers, one with a charset (utf-8),
/// // one Cc; the own number is the second To.
/// let wire = b"\x8C\x84\x8D\x92\x89\x18\x80+15550100001/TYPE=PLMN\0\
///     \x97+15550100002/TYPE=PLMN\0\
///     \x97\x18\xEA+15550100000/TYPE=PLMN\0\
///     \x82+15550100003/TYPE=PLMN\0";
/// let pdu = Pdu::decode(wire).unwrap();
/// let others = recipients_excluding(&pdu, "+1 (555) 010-0000");
/// let texts: Vec<_> = others.iter().map(|a| a.value()).collect();
/// assert_eq!(texts, [&b"+15550100002"[..], b"+15550100003"]);
/// ```
pub fn recipients_excluding<'a>(pdu: &Pdu<'a>, own_number: &str) -> Vec<Address<'a>> {
    PhoneMatch::new().recipients_excluding(pdu, own_number.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assigned::{MessageType, MmsVersion};
    use crate::codec::{Encode, TextString};
    use crate::mms::validate::validate;
    use crate::mms::{FromValue, MmsHeader};

    #[test]
    fn group_send_req_with_charset_recipients() {
        // m-send-req 1.2 as Android/iPhone write a group message: insert-address From, no
        // Date, every To with charset utf-8 (EA), a Cc without; text/plain body.
        let wire: &[u8] = b"\x8C\x80\x98T9\0\x8D\x92\x89\x01\x81\
            \x97\x18\xEA+15550100000/TYPE=PLMN\0\
            \x97\x11\xEAbob@example.com\0\
            \x8212345\0\x97\x07\xEA12345\0\
            \x84\x83hi";
        let pdu = crate::mms::Pdu::decode(wire).unwrap();
        assert!(pdu.diagnostics().is_empty(), "{:?}", pdu.diagnostics());
        assert!(validate(&pdu).is_empty(), "{:?}", validate(&pdu));
        assert_eq!(pdu.message_type(), Some(MessageType::SEND_REQ));
        assert!(matches!(pdu.from(), Some(FromValue::InsertAddress { .. })));
        assert!(pdu.from_address().is_none());
        assert!(pdu.date().is_none());
        let to: Vec<_> = pdu.to().collect();
        assert_eq!(to.len(), 3);
        assert_eq!(to[0].encoded().charset().unwrap().value, 106);
        assert_eq!(to[0].parsed(), ParsedAddress::Phone(b"+15550100000"));
        assert_eq!(to[1].parsed(), ParsedAddress::Email(b"bob@example.com"));
        assert_eq!(to[2].parsed(), ParsedAddress::ShortCode(b"12345"));
        let cc: Vec<_> = pdu.cc().collect();
        assert_eq!(cc.len(), 1);
        assert!(cc[0].encoded().charset().is_none());
        assert_eq!(pdu.body(), Some(&b"hi"[..]));
        assert_eq!(pdu.encode_to_vec().unwrap(), wire);

        let others = recipients_excluding(&pdu, "+1 555 010 0000");
        let values: Vec<_> = others.iter().map(|a| a.value()).collect();
        // The own number is gone; the repeated short code is kept twice (To, then Cc).
        assert_eq!(values, [&b"bob@example.com"[..], b"12345", b"12345"]);
        let without_bob = recipients_excluding(&pdu, "BOB@example.com");
        assert_eq!(without_bob.len(), 3);
    }

    #[test]
    fn insert_address_send_req_built_and_validated() {
        use crate::assigned::WellKnownMedia;
        use crate::mms::build::PduBuilder;
        use crate::wsp::ContentType;
        let pdu = PduBuilder::new(MessageType::SEND_REQ)
            .version(MmsVersion::V1_2)
            .header(MmsHeader::TransactionId(TextString::new(b"T9")))
            .header(MmsHeader::From(FromValue::insert_address()))
            .header(MmsHeader::To(Address::new(b"+15550100000/TYPE=PLMN")))
            .body(ContentType::well_known(WellKnownMedia::TEXT_PLAIN), b"hi")
            .build()
            .unwrap();
        assert!(validate(&pdu).is_empty());
        let wire = pdu.encode_to_vec().unwrap();
        assert_eq!(
            wire,
            b"\x8C\x80\x98T9\0\x8D\x92\x89\x01\x81\x97+15550100000/TYPE=PLMN\0\x84\x83hi"
        );
        let back = crate::mms::Pdu::decode(&wire).unwrap();
        assert!(back.diagnostics().is_empty());
        assert!(validate(&back).is_empty());
    }

    #[test]
    fn format_round_trips_through_parse() {
        for (text, expect) in [
            (
                format_phone("+1 (555) 010-0000").unwrap(),
                ParsedAddress::Phone(b"+15550100000"),
            ),
            (
                format_ipv4("192.0.2.1").unwrap(),
                ParsedAddress::Ipv4(Ipv4Addr::new(192, 0, 2, 1)),
            ),
            (
                format_email("a@b.example").unwrap(),
                ParsedAddress::Email(b"a@b.example"),
            ),
            (
                format_short_code("INFO").unwrap(),
                ParsedAddress::ShortCode(b"INFO"),
            ),
        ] {
            assert_eq!(Address::new(text.as_bytes()).parsed(), expect);
        }
        let v6 = format_ipv6("::1").unwrap();
        assert_eq!(
            Address::new(v6.as_bytes()).parsed(),
            ParsedAddress::Ipv6(Ipv6Addr::LOCALHOST)
        );
        let other = format_other("ü@x".as_bytes(), "MAIL_2").unwrap();
        assert_eq!(other, "%C3%BC%40x/TYPE=MAIL_2");
        assert_eq!(
            Address::new(other.as_bytes()).unescaped_value(),
            "ü@x".as_bytes()
        );
        assert_eq!(format_phone("12a"), Err(AddressError::InvalidPhone));
        assert_eq!(format_phone("+1+2"), Err(AddressError::InvalidPhone));
        assert_eq!(format_email("a@b@c"), Err(AddressError::InvalidEmail));
        assert_eq!(format_email("<a@b>"), Err(AddressError::InvalidEmail));
        assert_eq!(format_other(b"", "X"), Err(AddressError::InvalidType));
        assert_eq!(unescape_value(b"%zz%4"), &b"%zz%4"[..]);
    }

    #[test]
    fn phone_rules() {
        let any = PhoneMatch::new();
        assert!(any.same_number(b"tel:+15550100000", b"+1.555.010.0000/TYPE=PLMN"));
        assert!(any.same_number(b"0015550100000", b"+15550100000"));
        assert!(!any.same_number(b"+15550100000", b"+15550100001"));
        assert!(!any.same_number(b"a@b", b"a@b"));
        assert!(!any.same_number(b"10.0.0.1/TYPE=IPv4", b"10001"));
        assert!(PhoneNumber::parse(b"+").is_none());
        assert!(PhoneNumber::parse(&[b'1'; 33]).is_none());
        assert_eq!(PhoneNumber::parse(&[b'1'; 32]).unwrap().digits().len(), 32);
        let us = PhoneMatch::new().default_country_code(1);
        assert_eq!(us.canonical(b"5550100000").unwrap().digits(), "15550100000");
        assert_eq!(us.canonical(b"12345").unwrap().digits(), "12345");
        let big = PhoneMatch::new().default_country_code(998);
        assert_eq!(
            big.canonical(b"0901234567").unwrap().digits(),
            "998901234567"
        );
        assert_eq!(big.canonical(&[b'5'; 31]).map(|n| n.digits().len()), None);
        assert_eq!(
            PhoneMatch::new().default_country_code(1000),
            PhoneMatch::new()
        );
        assert!(any.same_party(b"Bob@Example.com", b"bob@example.com"));
        assert!(any.same_party(b"INFO", b"info"));
        assert!(!any.same_party(b"+15550100000", b"+15550100001"));
    }

    proptest::proptest! {
        #[test]
        fn phone_helpers_never_panic(s in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..48), cc in 0u16..1200) {
            let m = PhoneMatch::new().default_country_code(cc);
            let _ = m.canonical(&s);
            let _ = m.same_party(&s, b"+15550100000");
            let _ = Address::new(&s).parsed();
            let _ = unescape_value(&s);
            let escaped = escape_value(&s);
            let back = unescape_value(escaped.as_bytes());
            proptest::prop_assert_eq!(back.as_ref(), &s[..]);
        }

        #[test]
        fn formatted_phone_parses(digits in "[0-9]{1,20}", plus in proptest::bool::ANY) {
            let text = alloc::format!("{}{}", if plus { "+" } else { "" }, digits);
            let formatted = format_phone(&text).unwrap();
            proptest::prop_assert!(same_number(formatted.as_bytes(), text.as_bytes()));
            let parsed = Address::new(formatted.as_bytes()).parsed();
            proptest::prop_assert_eq!(parsed, ParsedAddress::Phone(text.as_bytes()));
        }
    }
}
