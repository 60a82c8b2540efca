//! Human-readable rendering (`Display`) of wire values and MMS header values, as the CLI and
//! log lines show them: text decoded through its charset, dates in ISO 8601 UTC next to the raw
//! seconds, tokens by name, anything raw as hex.

use core::fmt;

use crate::assigned::Charset;
use crate::codec::{
    EncodedString, IntegerValue, LongInteger, QuotedString, RawValue, TextString, TextValue, Token,
    Version,
};
use crate::mms::{
    ContentLocationValue, ElementDescriptor, ElementParamName, ElementParamValue, FromValue,
    MboxQuotas, MboxTotals, MessageClassValue, MmFlags, PreviouslySentBy, PreviouslySentDate,
    ResponseStatusValue, ResponseTextValue, Time, TimeValue,
};

/// Writes octets as text when they are UTF-8, else as lossy text.
pub(crate) fn write_text(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
    for chunk in bytes.utf8_chunks() {
        f.write_str(chunk.valid())?;
        for b in chunk.invalid() {
            write!(f, "\\x{b:02X}")?;
        }
    }
    Ok(())
}

/// Writes octets as spaced upper-case hex.
pub(crate) fn write_hex(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            f.write_str(" ")?;
        }
        write!(f, "{b:02X}")?;
    }
    Ok(())
}

/// Civil date (UTC) of a count of seconds since 1970-01-01T00:00:00Z, as
/// (year, month, day, hour, minute, second). Days-from-civil inverse after H. Hinnant.
pub fn utc_from_unix(seconds: u64) -> (i64, u8, u8, u8, u8, u8) {
    let secs = i64::try_from(seconds).unwrap_or(i64::MAX);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let small = |v: i64| u8::try_from(v).unwrap_or(0);
    (
        year,
        small(month),
        small(day),
        small(rem / 3600),
        small(rem % 3600 / 60),
        small(rem % 60),
    )
}

/// A Date-value shown as ISO 8601 UTC.
///
/// ```
/// use mms_pdu::display::IsoDate;
/// assert_eq!(IsoDate(1_577_836_800).to_string(), "2020-01-01T00:00:00Z");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IsoDate(pub u64);

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, mo, d, h, mi, s) = utc_from_unix(self.0);
        write!(f, "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
    }
}

impl fmt::Display for TextString<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_text(f, self.bytes)
    }
}

impl fmt::Display for Token<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_text(f, self.bytes)
    }
}

impl fmt::Display for QuotedString<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_text(f, self.bytes)
    }
}

impl fmt::Display for TextValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_text(f, self.as_bytes())
    }
}

impl fmt::Display for EncodedString<'_> {
    /// The text decoded through its charset (UTF-8 when none is given); the charset is named
    /// when it is not UTF-8 or us-ascii.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::charset::encoded_string_text(self, Charset::UTF_8))?;
        if let Some(c) = self.charset() {
            let charset = u32::try_from(c.value).map(Charset).ok();
            match charset {
                Some(Charset::UTF_8 | Charset::US_ASCII) => {}
                Some(c) => write!(f, " [charset {c}]")?,
                None => write!(f, " [charset {}]", c.value)?,
            }
        }
        Ok(())
    }
}

impl fmt::Display for IntegerValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.value)
    }
}

impl fmt::Display for LongInteger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.value)
    }
}

impl fmt::Display for Version<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self, self.major(), self.minor()) {
            (Version::Short(_), Some(major), Some(minor)) => write!(f, "{major}.{minor}"),
            (Version::Short(_), Some(major), None) => write!(f, "{major}"),
            (Version::Text(t), _, _) => write!(f, "{t}"),
            (Version::Short(v), None, _) => write!(f, "0x{v:02X}"),
        }
    }
}

impl fmt::Display for RawValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RawValue::Short(b) => write!(f, "0x{b:02X}"),
            RawValue::Text(t) => write!(f, "\"{t}\""),
            RawValue::Length { data, .. } => {
                f.write_str("[")?;
                write_hex(f, data)?;
                f.write_str("]")
            }
        }
    }
}

impl fmt::Display for FromValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FromValue::AddressPresent { address, .. } => write!(f, "{address}"),
            FromValue::InsertAddress { .. } => f.write_str("<insert-address>"),
        }
    }
}

impl fmt::Display for TimeValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.time {
            Time::Absolute(d) => write!(f, "{} (absolute)", IsoDate(d.value)),
            Time::Relative(s) => write!(f, "in {} s (relative)", s.value),
        }
    }
}

impl fmt::Display for PreviouslySentBy<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{} {}", self.count, self.address)
    }
}

impl fmt::Display for PreviouslySentDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{} {}", self.count, IsoDate(self.date.value))
    }
}

impl fmt::Display for MmFlags<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.token, self.flag)
    }
}

impl fmt::Display for MboxTotals {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.token, self.value)
    }
}

impl fmt::Display for MboxQuotas {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.token, self.value)
    }
}

impl fmt::Display for ElementDescriptor<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.reference)?;
        for p in self.params() {
            match p {
                Ok(p) => {
                    f.write_str("; ")?;
                    match p.name {
                        ElementParamName::Code(ElementParamName::TYPE) => f.write_str("type")?,
                        ElementParamName::Code(c) => write!(f, "0x{c:02X}")?,
                        ElementParamName::Text(t) => write!(f, "{t}")?,
                    }
                    match p.value {
                        ElementParamValue::Code(c) => {
                            let media = crate::assigned::WellKnownMedia(u32::from(c));
                            write!(f, "={media}")?;
                        }
                        ElementParamValue::Text(t) => write!(f, "={t}")?,
                    }
                }
                Err(_) => f.write_str("; <malformed parameters>")?,
            }
        }
        Ok(())
    }
}

impl fmt::Display for MessageClassValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MessageClassValue::Class(c) => write!(f, "{c}"),
            MessageClassValue::Text(t) => write!(f, "{t}"),
        }
    }
}

impl fmt::Display for ContentLocationValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContentLocationValue::Uri(u) => write!(f, "{u}"),
            ContentLocationValue::Indexed { count, uri, .. } => write!(f, "[{count}] {uri}"),
        }
    }
}

impl fmt::Display for ResponseTextValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResponseTextValue::Text(t) => write!(f, "{t}"),
            ResponseTextValue::Indexed { count, text, .. } => write!(f, "[{count}] {text}"),
        }
    }
}

impl fmt::Display for ResponseStatusValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResponseStatusValue::Status(s) => write!(f, "{s}"),
            ResponseStatusValue::Indexed { index, status, .. } => write!(f, "[{index}] {status}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn dates() {
        assert_eq!(IsoDate(0).to_string(), "1970-01-01T00:00:00Z");
        assert_eq!(IsoDate(951_782_400).to_string(), "2000-02-29T00:00:00Z");
        assert_eq!(IsoDate(1_422_318_752).to_string(), "2015-01-27T00:32:32Z");
        // Past 2038 and 2106.
        assert_eq!(IsoDate(4_294_967_296).to_string(), "2106-02-07T06:28:16Z");
    }

    #[test]
    fn text_and_values() {
        assert_eq!(TextString::new(b"abc").to_string(), "abc");
        assert_eq!(TextString::new(&[0x61, 0xFF]).to_string(), "a\\xFF");
        assert_eq!(
            EncodedString::with_charset(106, "Питер".as_bytes()).to_string(),
            "Питер"
        );
        assert_eq!(Version::new(1, Some(3)).to_string(), "1.3");
        assert_eq!(TimeValue::relative(10).to_string(), "in 10 s (relative)");
        assert_eq!(
            TimeValue::absolute(0).to_string(),
            "1970-01-01T00:00:00Z (absolute)"
        );
    }
}

mod wsp_display {
    use core::fmt;

    use super::{IsoDate, write_hex, write_text};
    use crate::assigned::{ApplicationId, WellKnownHeader};
    use crate::wsp::headers::{
        ContentDisposition, ContentId, DispositionToken, EncodingVersion, IntegerOrText,
    };
    use crate::wsp::{Parameter, WspHeader};

    impl fmt::Display for ContentId<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write_text(f, self.as_bytes())
        }
    }

    impl fmt::Display for IntegerOrText<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                IntegerOrText::Integer(i) => write!(f, "{}", i.value),
                IntegerOrText::Text(t) => write!(f, "{t}"),
            }
        }
    }

    impl fmt::Display for EncodingVersion<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                EncodingVersion::Version(v) => write!(f, "{v}"),
                EncodingVersion::General {
                    code_page, version, ..
                } => {
                    write!(f, "code page {code_page}")?;
                    if let Some(v) = version {
                        write!(f, ", {v}")?;
                    }
                    Ok(())
                }
            }
        }
    }

    impl fmt::Display for ContentDisposition<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self.disposition {
                DispositionToken::WellKnown(d) => write!(f, "{d}")?,
                DispositionToken::Text(t) => write!(f, "{t}")?,
            }
            for p in self.params() {
                f.write_str("; ")?;
                write_param(f, &p)?;
            }
            Ok(())
        }
    }

    fn write_param(f: &mut fmt::Formatter<'_>, p: &Parameter<'_>) -> fmt::Result {
        match (p.name(), p.text()) {
            (Some(name), Some(text)) => {
                write!(f, "{name}=")?;
                write_text(f, text)
            }
            (Some(name), None) => write!(f, "{name}"),
            _ => {
                f.write_str("[")?;
                if let Parameter::Raw(raw) = p {
                    write_hex(f, raw)?;
                }
                f.write_str("]")
            }
        }
    }

    impl fmt::Display for WspHeader<'_> {
        /// `Name: value`, e.g. `Content-ID: <img1>`; a shift shows the page it selects.
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let name = |code: WellKnownHeader| code.name().unwrap_or("?");
            match self {
                WspHeader::Shift(p) | WspHeader::ShortCutShift(p) => {
                    write!(f, "(shift to code page {p})")
                }
                WspHeader::ContentType(ct) => write!(f, "Content-Type: {ct}"),
                WspHeader::ContentLength(n) => write!(f, "Content-Length: {}", n.value),
                WspHeader::ContentLocation(t) => write!(f, "Content-Location: {t}"),
                WspHeader::ContentId(id) => write!(f, "Content-ID: {id}"),
                WspHeader::ContentDisposition { code, value } => {
                    write!(f, "{}: {value}", name(*code))
                }
                WspHeader::Date(d) => write!(f, "Date: {} ({})", IsoDate(d.value), d.value),
                WspHeader::ContentBase(t) => write!(f, "Content-Base: {t}"),
                WspHeader::ContentLanguage(v) => write!(f, "Content-Language: {v}"),
                WspHeader::ApplicationId(IntegerOrText::Integer(i)) => {
                    let id = u32::try_from(i.value).map(ApplicationId);
                    match id {
                        Ok(id) => write!(f, "X-Wap-Application-Id: {id}"),
                        Err(_) => write!(f, "X-Wap-Application-Id: {}", i.value),
                    }
                }
                WspHeader::ApplicationId(v) => write!(f, "X-Wap-Application-Id: {v}"),
                WspHeader::ContentUri(t) => write!(f, "X-Wap-Content-URI: {t}"),
                WspHeader::InitiatorUri(t) => write!(f, "X-Wap-Initiator-URI: {t}"),
                WspHeader::PushFlag(b) => write!(f, "Push-Flag: 0x{b:02X}"),
                WspHeader::EncodingVersion(v) => write!(f, "Encoding-Version: {v}"),
                WspHeader::Raw { page, code, value } => {
                    if *page == 1 {
                        write!(f, "{}: [", name(WellKnownHeader(*code)))?;
                    } else {
                        write!(f, "page {page} header 0x{code:02X}: [")?;
                    }
                    write_hex(f, value)?;
                    f.write_str("]")
                }
                WspHeader::Application { name, value } => write!(f, "{name}: {value}"),
                #[allow(unreachable_patterns)]
                other => write!(f, "{other:?}"),
            }
        }
    }
}
