//! The Address value (To, Cc, Bcc, From, Previously-Sent-By): an Encoded-string-value whose
//! text is one of the address forms of OMA-TS-MMS_ENC-V1_3 §8, and the one classification of
//! those forms, [`ParsedAddress`].
//!
//! ```text
//! address        = ( e-mail / device-address )
//! device-address = ( global-phone-number "/TYPE=PLMN" ) / ( ipv4 "/TYPE=IPv4" )
//!                / ( ipv6 "/TYPE=IPv6" ) / ( escaped-value "/TYPE=" address-type )
//! ```
//!
//! The `/TYPE=` marker is matched case-insensitively on decode (the spec writes `PLMN`, `IPv4`,
//! `IPv6`; some senders use lower case); the text itself is never rewritten. Formatting the
//! canonical texts is [`crate::mms::address`]'s job.

use alloc::borrow::Cow;
use alloc::string::{String, ToString};
use core::fmt;
use core::net::{Ipv4Addr, Ipv6Addr};

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode, percent_encode};

use super::wire::encoded_string_deviation;
use super::{CutCheck, DecodeContext, HeaderValue};
use crate::assigned::Charset;
use crate::base::error::{DecodeErrorKind, Deviation, EncodeError};
use crate::codec::{Encode, EncodedString, PResult, Writer, encoded_string};

/// The `/TYPE=` marker of a device address.
const TYPE_MARKER: &[u8] = b"/TYPE=";

/// An address (To, Cc, Bcc, From, Previously-Sent-By): an Encoded-string-value whose text
/// follows OMA-TS-MMS_ENC-V1_3 §8. Group messages from Android and iPhone carry a charset on each
/// recipient, so the charset form is kept.
///
/// The text is parsed on demand, without allocating.
///
/// ```
/// use mms_pdu::mms::address::format_phone;
/// use mms_pdu::mms::{Address, ParsedAddress};
/// let a = Address::new(b"+15551234567/TYPE=PLMN");
/// assert_eq!(a.parsed(), ParsedAddress::Phone(b"+15551234567"));
/// assert_eq!(a.value(), b"+15551234567");
/// assert_eq!(
///     Address::new(b"bob@example.com").parsed(),
///     ParsedAddress::Email(b"bob@example.com")
/// );
/// assert_eq!(format_phone("+15551234567").unwrap(), "+15551234567/TYPE=PLMN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Address<'a>(#[cfg_attr(feature = "serde", serde(borrow))] pub EncodedString<'a>);

/// An address text split by its form (OMA-TS-MMS_ENC-V1_3 §8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParsedAddress<'a> {
    /// `/TYPE=PLMN` (any case): the number as sent (separators kept).
    Phone(&'a [u8]),
    /// `/TYPE=IPv4` (any case) with a valid dotted quad.
    Ipv4(Ipv4Addr),
    /// `/TYPE=IPv6` (any case) with a valid IPv6 address.
    Ipv6(Ipv6Addr),
    /// An e-mail address (no `/TYPE=`, one `@` with text on both sides).
    Email(&'a [u8]),
    /// A short code: digits (optionally led by `+`, `*` or `#`) or letters and digits.
    ShortCode(&'a [u8]),
    /// Another `/TYPE=`, or an IPv4/IPv6 type whose value does not read as one: the value as
    /// sent (see [`unescape_value`]) and the type.
    Other {
        /// The value before `/TYPE=`, still `%`-escaped.
        value: &'a [u8],
        /// The octets after `/TYPE=`, as sent.
        address_type: &'a [u8],
    },
    /// None of the forms (e.g. a display name, an empty text).
    Unrecognised(&'a [u8]),
}

impl<'a> Address<'a> {
    /// An address holding `full_text` (including any `/TYPE=...`) as a plain Text-string.
    pub const fn new(full_text: &'a [u8]) -> Self {
        Address(EncodedString::plain(full_text))
    }

    /// An address sent in `charset` (group messages from Android and iPhone put one on each
    /// recipient).
    ///
    /// ```
    /// use mms_pdu::assigned::Charset;
    /// use mms_pdu::mms::Address;
    /// let a = Address::with_charset(Charset::UTF_8, "Алиса@example.com".as_bytes());
    /// assert_eq!(a.text(), "Алиса@example.com");
    /// ```
    pub const fn with_charset(charset: Charset, full_text: &'a [u8]) -> Self {
        Address(EncodedString::with_charset(charset, full_text))
    }

    /// An address with a charset given by its raw MIBenum, for a number above `u32::MAX` that
    /// no [`Charset`] holds ([`EncodedString::with_mibenum`]); otherwise use
    /// [`Address::with_charset`].
    pub const fn with_mibenum(mibenum: u64, full_text: &'a [u8]) -> Self {
        Address(EncodedString::with_mibenum(mibenum, full_text))
    }

    /// The full address text as sent (charset not applied; the text: [`Address::text`]).
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.0.as_bytes()
    }

    /// The Encoded-string-value.
    pub const fn encoded(&self) -> &EncodedString<'a> {
        &self.0
    }

    /// The text split at its last `/TYPE=` (matched in any case).
    fn split_type(&self) -> Option<(&'a [u8], &'a [u8])> {
        let text = self.as_bytes();
        let at = text
            .windows(TYPE_MARKER.len())
            .rposition(|w| w.eq_ignore_ascii_case(TYPE_MARKER))?;
        let value = text.get(..at)?;
        let kind = text.get(at + TYPE_MARKER.len()..)?;
        Some((value, kind))
    }

    /// The address without its `/TYPE=...` suffix.
    pub fn value(&self) -> &'a [u8] {
        match self.split_type() {
            Some((value, _)) => value,
            None => self.as_bytes(),
        }
    }

    /// The octets after the last `/TYPE=`, as sent (a lower-case or misspelt `plmn` stays as
    /// it is); `None` without one (e-mail addresses and short codes).
    pub fn address_type(&self) -> Option<&'a [u8]> {
        self.split_type().map(|(_, address_type)| address_type)
    }

    /// The address split by its form.
    ///
    /// ```
    /// use core::net::Ipv4Addr;
    /// use mms_pdu::mms::{Address, ParsedAddress};
    /// assert_eq!(
    ///     Address::new(b"192.0.2.1/TYPE=IPv4").parsed(),
    ///     ParsedAddress::Ipv4(Ipv4Addr::new(192, 0, 2, 1))
    /// );
    /// assert_eq!(Address::new(b"12345").parsed(), ParsedAddress::ShortCode(b"12345"));
    /// assert_eq!(Address::new(b"a@b.example").parsed(), ParsedAddress::Email(b"a@b.example"));
    /// assert_eq!(
    ///     Address::new(b"x%2Fy/TYPE=X_400").parsed(),
    ///     ParsedAddress::Other { value: b"x%2Fy", address_type: b"X_400" }
    /// );
    /// ```
    pub fn parsed(&self) -> ParsedAddress<'a> {
        let Some((value, address_type)) = self.split_type() else {
            let text = self.as_bytes();
            return if is_email(text) {
                ParsedAddress::Email(text)
            } else if is_short_code(text) {
                ParsedAddress::ShortCode(text)
            } else {
                ParsedAddress::Unrecognised(text)
            };
        };
        let other = ParsedAddress::Other {
            value,
            address_type,
        };
        let is = |name: &[u8]| address_type.eq_ignore_ascii_case(name);
        if is(b"PLMN") {
            ParsedAddress::Phone(value)
        } else if is(b"IPv4") {
            parse_ip(value).map_or(other, ParsedAddress::Ipv4)
        } else if is(b"IPv6") {
            parse_ip(value).map_or(other, ParsedAddress::Ipv6)
        } else {
            other
        }
    }

    /// `true` for a short code (no `/TYPE=`): `1*DIGIT` optionally led by `+`, `*` or `#`,
    /// or `1*(ALPHA / DIGIT)`.
    pub fn is_short_code(&self) -> bool {
        matches!(self.parsed(), ParsedAddress::ShortCode(_))
    }

    /// The value before `/TYPE=` with `%`-escapes undone (see [`unescape_value`]).
    pub fn unescaped_value(&self) -> Cow<'a, [u8]> {
        unescape_value(self.value())
    }

    /// The full address text (`/TYPE=` included) decoded by its charset (UTF-8 when none),
    /// invalid octets replaced; borrows when the octets are UTF-8 already. The octets as sent:
    /// [`Address::as_bytes`].
    ///
    /// ```
    /// use mms_pdu::mms::Address;
    /// assert_eq!(Address::from("+15551234567/TYPE=PLMN").text(), "+15551234567/TYPE=PLMN");
    /// ```
    pub fn text(&self) -> Cow<'a, str> {
        self.0.text(Charset::UTF_8)
    }
}

/// An address from Rust text, `/TYPE=...` included ([`mms::address`](mod@crate::mms::address)
/// formats one): us-ascii as a plain Text-string, other text with the charset UTF-8, as
/// [`EncodedString`] is made from a `&str`.
///
/// ```
/// use mms_pdu::assigned::Charset;
/// use mms_pdu::mms::Address;
/// assert_eq!(Address::from("bob@example.com"), Address::new(b"bob@example.com"));
/// assert_eq!(
///     Address::from("Алиса@example.com"),
///     Address::with_charset(Charset::UTF_8, "Алиса@example.com".as_bytes())
/// );
/// ```
impl<'a> From<&'a str> for Address<'a> {
    fn from(full_text: &'a str) -> Self {
        Address(EncodedString::from(full_text))
    }
}

fn parse_ip<T: core::str::FromStr>(value: &[u8]) -> Option<T> {
    core::str::from_utf8(value).ok()?.parse().ok()
}

/// `true` for an e-mail address: `local@domain` (no space, control or second `@`), or the
/// display-name form `Name <a@b>`.
pub(crate) fn is_email(value: &[u8]) -> bool {
    let mut halves = value.splitn(2, |&b| b == b'@');
    let (Some(local), Some(domain)) = (halves.next(), halves.next()) else {
        return false;
    };
    // The display-name form `Name <a@b>` is accepted too: the addr-spec sits inside <>.
    let plain = |s: &[u8]| !s.is_empty() && !s.iter().any(|&b| b <= b' ' || b == b'@');
    let inner = |s: &[u8]| s.iter().all(|&b| b >= b' ' && b != 0x7F);
    (plain(local) && plain(domain))
        || (value.last() == Some(&b'>') && value.contains(&b'<') && inner(value))
}

/// `true` for a short code: `["+" / "*" / "#"] 1*DIGIT` or `1*(ALPHA / DIGIT)`.
pub(crate) fn is_short_code(value: &[u8]) -> bool {
    let digits = match value.split_first() {
        Some((b'+' | b'*' | b'#', rest)) => rest,
        _ => value,
    };
    (!digits.is_empty() && digits.iter().all(u8::is_ascii_digit))
        || (!value.is_empty() && value.iter().all(u8::is_ascii_alphanumeric))
}

/// What an escaped-value escapes: every octet but ALPHA, DIGIT, `+`, `-`, `.` and `_`.
const ESCAPED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'+')
    .remove(b'-')
    .remove(b'.')
    .remove(b'_');

/// `%`-escapes a value for `escaped-value "/TYPE=" address-type`: ALPHA, DIGIT, `+`, `-`,
/// `.` and `_` stay, every other octet (`%` included, so the escaping can be undone) becomes
/// `%XX` in upper-case hex.
///
/// ```
/// use mms_pdu::mms::address::{escape_value, unescape_value};
/// assert_eq!(escape_value(b"50%/x"), "50%25%2Fx");
/// assert_eq!(unescape_value(b"50%25%2Fx"), &b"50%/x"[..]);
/// ```
pub fn escape_value(value: &[u8]) -> String {
    percent_encode(value, ESCAPED).to_string()
}

/// Undoes `%XX` escapes; a `%` not followed by two hex digits is kept as is. Borrows when
/// there is no escape.
pub fn unescape_value(value: &[u8]) -> Cow<'_, [u8]> {
    percent_decode(value).into()
}

impl fmt::Display for Address<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// The address as a person reads it: a phone number, e-mail address or short code without
/// `/TYPE=`, an IP address in its usual notation, another type as `value/TYPE=type` as sent.
/// Octets that are not UTF-8 show as U+FFFD.
///
/// ```
/// use mms_pdu::mms::Address;
/// assert_eq!(Address::new(b"+15551234567/TYPE=PLMN").parsed().to_string(), "+15551234567");
/// assert_eq!(Address::new(b"10.0.0.1/TYPE=IPv4").parsed().to_string(), "10.0.0.1");
/// assert_eq!(Address::new(b"bob@example.com").parsed().to_string(), "bob@example.com");
/// assert_eq!(Address::new(b"x%2Fy/TYPE=X_400").parsed().to_string(), "x%2Fy/TYPE=X_400");
/// ```
impl fmt::Display for ParsedAddress<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = |f: &mut fmt::Formatter<'_>, octets: &[u8]| {
            f.write_str(&String::from_utf8_lossy(octets))
        };
        match self {
            ParsedAddress::Phone(t)
            | ParsedAddress::Email(t)
            | ParsedAddress::ShortCode(t)
            | ParsedAddress::Unrecognised(t) => text(f, t),
            ParsedAddress::Ipv4(ip) => ip.fmt(f),
            ParsedAddress::Ipv6(ip) => ip.fmt(f),
            ParsedAddress::Other {
                value,
                address_type,
            } => {
                text(f, value)?;
                f.write_str("/TYPE=")?;
                text(f, address_type)
            }
        }
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

/// An address is an Encoded-string-value.
impl<'a> CutCheck<'a> for Address<'a> {
    #[inline(always)]
    fn check_cut(
        value: &'a [u8],
        ctx: &DecodeContext,
    ) -> Result<Option<Deviation>, DecodeErrorKind> {
        EncodedString::check_cut(value, ctx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mms::values::testing::{ctx, round};

    #[test]
    fn address_kinds() {
        let k = |t: &'static [u8]| Address::new(t).parsed();
        assert_eq!(
            k(b"+15551234567/TYPE=PLMN"),
            ParsedAddress::Phone(b"+15551234567")
        );
        assert_eq!(
            k(b"192.0.2.1/TYPE=IPv4"),
            ParsedAddress::Ipv4(Ipv4Addr::new(192, 0, 2, 1))
        );
        assert_eq!(
            k(b"2001:db8::1/TYPE=IPv6"),
            ParsedAddress::Ipv6("2001:db8::1".parse().unwrap())
        );
        assert_eq!(k(b"a@b.example"), ParsedAddress::Email(b"a@b.example"));
        assert_eq!(k(b"12345"), ParsedAddress::ShortCode(b"12345"));
        assert_eq!(
            k(b"+1555/TYPE=PLNM"),
            ParsedAddress::Other {
                value: b"+1555",
                address_type: b"PLNM"
            }
        );
        // The type is matched in any case; as sent, it stays as it was.
        assert_eq!(k(b"+1555/TYPE=plmn"), ParsedAddress::Phone(b"+1555"));
        assert_eq!(
            Address::new(b"+1555/TYPE=plmn").address_type(),
            Some(&b"plmn"[..])
        );
        assert_eq!(k(b"+1555/type=PLMN"), ParsedAddress::Phone(b"+1555"));
        assert_eq!(Address::new(b"12345").value(), b"12345");
        assert_eq!(Address::new(b"12345").address_type(), None);
        assert_eq!(Address::new(b"1/TYPE=x/TYPE=PLMN").value(), b"1/TYPE=x");
        let utf8 = Address::with_charset(Charset::UTF_8, "Алиса@example.com".as_bytes());
        assert_eq!(
            utf8.parsed(),
            ParsedAddress::Email("Алиса@example.com".as_bytes())
        );
        assert_eq!(utf8.text(), "Алиса@example.com");
        let wire = utf8.encode_to_vec().unwrap();
        assert_eq!(round::<Address<'_>>(&wire, &ctx(None)), utf8);
    }

    #[test]
    fn parse_forms() {
        let p = |t: &'static [u8]| Address::new(t).parsed();
        assert_eq!(
            p(b"+1-555.0100/TYPE=PLMN"),
            ParsedAddress::Phone(b"+1-555.0100")
        );
        assert_eq!(p(b"+1555/type=plmn"), ParsedAddress::Phone(b"+1555"));
        assert_eq!(
            p(b"2001:0db8:0000:0000:0000:0000:0000:0001/TYPE=IPv6"),
            ParsedAddress::Ipv6("2001:db8::1".parse().unwrap())
        );
        assert_eq!(
            p(b"10.0.0.1/type=ipv4"),
            ParsedAddress::Ipv4(Ipv4Addr::new(10, 0, 0, 1))
        );
        assert_eq!(
            p(b"300.0.0.1/TYPE=IPv4"),
            ParsedAddress::Other {
                value: b"300.0.0.1",
                address_type: b"IPv4"
            }
        );
        assert_eq!(p(b"#123"), ParsedAddress::ShortCode(b"#123"));
        assert_eq!(
            p(b"Bob <bob@x.example>"),
            ParsedAddress::Email(b"Bob <bob@x.example>")
        );
        assert_eq!(p(b"@x"), ParsedAddress::Unrecognised(b"@x"));
        assert_eq!(p(b""), ParsedAddress::Unrecognised(b""));
        assert_eq!(p(b"a b"), ParsedAddress::Unrecognised(b"a b"));
        assert_eq!(Address::new(b"a%20b/TYPE=X").unescaped_value(), &b"a b"[..]);
    }

    #[test]
    fn escaping() {
        assert_eq!(escape_value("ü@x".as_bytes()), "%C3%BC%40x");
        assert_eq!(escape_value(b"a/b c+-._"), "a%2Fb%20c+-._");
        assert_eq!(unescape_value(b"%zz%4"), &b"%zz%4"[..]);
        assert_eq!(unescape_value(b"%%41"), &b"%A"[..]);
        assert!(matches!(unescape_value(b"plain"), Cow::Borrowed(b"plain")));
    }
}
