//! Human-readable rendering (`Display`) of wire values and MMS header values, as the CLI and
//! log lines show them: text decoded through its charset, dates in ISO 8601 UTC next to the raw
//! seconds, tokens by name, anything raw as hex.

use core::fmt;

use crate::assigned::Charset;
use crate::codec::{
    EncodedString, IntegerValue, LongInteger, QuotedString, TextString, TextValue, Token, Version,
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

/// Writes octets as spaced upper-case hex (`0A 1B`), as the CLI shows raw values. Kept by hand:
/// `base16ct`, which the serde layer uses for hex, writes no separators.
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
/// use mms_pdu::text::IsoDate;
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
        f.write_str(&crate::text::encoded_string_text(self, Charset::UTF_8))?;
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
            (Version::Text(t), _, _) => write!(f, "{t}"),
            (_, Some(major), Some(minor)) => write!(f, "{major}.{minor}"),
            (_, Some(major), None) => write!(f, "{major}"),
            (Version::Short(v) | Version::HighBitMissing(v), None, _) => write!(f, "0x{v:02X}"),
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
        assert_eq!(EncodedString::utf8("Питер").to_string(), "Питер");
        assert_eq!(Version::new(1, Some(3)).to_string(), "1.3");
    }
}
