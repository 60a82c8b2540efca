//! `Display` for WSP header values and headers: `Name: value` as the CLI shows them.

use core::fmt;

use crate::assigned::{ApplicationId, WellKnownHeader};
use crate::text::{IsoDate, write_hex, write_text};
use crate::wsp::headers::{
    ContentDisposition, ContentId, DispositionToken, EncodingVersion, IntegerOrText,
};
use crate::wsp::{Parameter, WspHeader};

impl fmt::Display for ContentId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_text(f, self.as_bytes())
    }
}

impl<T: fmt::Display> fmt::Display for IntegerOrText<T> {
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
