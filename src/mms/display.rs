//! `Display` for the MMS header values: what the CLI and log lines show (tokens by name, dates
//! in ISO 8601 UTC beside the raw seconds, anything raw as hex).

use core::fmt;

use crate::mms::{
    ElementDescriptor, ElementParamName, ElementParamValue, FromValue, Indexable, MboxQuotas,
    MboxTotals, MessageClassValue, MmFlags, PreviouslySentBy, PreviouslySentDate, Time, TimeValue,
};
use crate::text::IsoDate;

impl fmt::Display for FromValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FromValue::AddressPresent { address, .. } | FromValue::Bare { address } => {
                write!(f, "{address}")
            }
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

/// The indexed forms show their index first: `[1] http://mmsc.example/m1`.
impl<T: fmt::Display> fmt::Display for Indexable<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Indexable::Plain(v) => write!(f, "{v}"),
            Indexable::Indexed { index, value, .. } => write!(f, "[{index}] {value}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn time_values() {
        assert_eq!(TimeValue::relative(10).to_string(), "in 10 s (relative)");
        assert_eq!(
            TimeValue::absolute(0).to_string(),
            "1970-01-01T00:00:00Z (absolute)"
        );
    }
}
