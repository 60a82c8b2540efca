//! The text form of a content type, e.g. `text/plain; charset=utf-8`: parameter names in
//! lower case, values as tokens or quoted strings (RFC 2045 §5.1).

use core::fmt;

use super::media::{Media, write_lossy};
use super::param_value::{IntegerOrText, TypedValue, is_token_char};
use super::parameter::Parameter;
use super::value::ContentType;
use crate::assigned::{Charset, WellKnownParameter};
use crate::codec::Version;

fn write_param_value(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
    if !bytes.is_empty() && bytes.iter().all(|&b| is_token_char(b)) {
        write_lossy(f, bytes)
    } else {
        f.write_str("\"")?;
        for chunk in bytes.utf8_chunks() {
            for c in chunk.valid().chars() {
                if c == '"' || c == '\\' {
                    f.write_str("\\")?;
                }
                write!(f, "{c}")?;
            }
            if !chunk.invalid().is_empty() {
                f.write_str("\u{FFFD}")?;
            }
        }
        f.write_str("\"")
    }
}

/// The text form, e.g. `text/plain; charset=utf-8` or `application/vnd.wap.multipart.related;
/// type=application/smil; start="<SMIL>"`. Raw parameters are left out.
impl fmt::Display for ContentType<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.media())?;
        for p in self.params() {
            let name = match p {
                Parameter::Raw(_) => continue,
                Parameter::Typed { code, .. } => match p.name() {
                    Some(n) => n,
                    None => {
                        write!(f, "; x-wsp-param-{:#x}=", code.value)?;
                        write_typed_value(f, &p)?;
                        continue;
                    }
                },
                Parameter::Untyped { name, .. } => match name.as_str() {
                    Some(n) => n,
                    None => continue,
                },
            };
            f.write_str("; ")?;
            for c in name.chars() {
                write!(f, "{}", c.to_ascii_lowercase())?;
            }
            f.write_str("=")?;
            write_typed_value(f, &p)?;
        }
        Ok(())
    }
}

fn write_typed_value(f: &mut fmt::Formatter<'_>, p: &Parameter<'_>) -> fmt::Result {
    match p {
        Parameter::Typed { value, .. } => match value {
            TypedValue::Integer(i) if p.code() == Some(WellKnownParameter::CHARSET) => {
                match u32::try_from(i.value)
                    .ok()
                    .map(Charset)
                    .and_then(Charset::name)
                {
                    Some(n) => f.write_str(n),
                    None => write!(f, "{}", i.value),
                }
            }
            TypedValue::Integer(i) => write!(f, "{}", i.value),
            TypedValue::Date(d) => write!(f, "{}", d.value),
            TypedValue::Q(q) => match q.thousandths() {
                Some(t) => write!(f, "0.{t:03}"),
                None => f.write_str("1"),
            },
            TypedValue::Version(Version::Short(v)) => match v & 0x0F {
                0x0F => write!(f, "{}", v >> 4),
                m => write!(f, "{}.{m}", v >> 4),
            },
            TypedValue::Media(m) => {
                let media = m.media();
                match media {
                    Media::WellKnown(_) => write_param_value_str(f, &media),
                    Media::Text(t) => write_param_value(f, t),
                }
            }
            other => write_param_value(f, other.as_text().unwrap_or(&[])),
        },
        Parameter::Untyped { value, .. } => match value {
            IntegerOrText::Integer(i) => write!(f, "{}", i.value),
            IntegerOrText::Text(t) => write_param_value(f, t.as_bytes()),
        },
        Parameter::Raw(_) => Ok(()),
    }
}

fn write_param_value_str(f: &mut fmt::Formatter<'_>, media: &Media<'_>) -> fmt::Result {
    match media.name() {
        Some(n) => write_param_value(f, n.as_bytes()),
        None => write!(f, "{media}"),
    }
}
