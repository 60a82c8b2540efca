//! Time-value, the grammar of X-Mms-Expiry (OMA-TS-MMS_ENC-V1_3 §7.3.20), X-Mms-Delivery-Time
//! and X-Mms-Reply-Charging-Deadline.

use super::wire::{
    Framed, delimited, framed_values, integer_deviation, long_deviation, or_short_length,
};
use super::{CutCheck, DecodeContext, HeaderValue, typed_then};
use crate::base::error::{DecodeErrorKind, Deviation, EncodeError, Expected};
use crate::codec::{
    DateValue, DeltaSeconds, Encode, IntegerForm, IntegerValue, LengthForm, LongInteger, PResult,
    Writer, date_value, integer_value, unexpected,
};

/// When: an absolute date or a number of seconds after receipt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Time {
    /// Absolute-token (0x80) and a Date-value (seconds since 1970-01-01T00:00:00Z).
    Absolute(DateValue),
    /// Relative-token (0x81) and a Delta-seconds-value (an Integer-value: the Short-integer
    /// form is legal, WAP-230-WSP §8.4.2.3).
    Relative(DeltaSeconds),
}

impl Time {
    /// The time as seconds since 1970-01-01T00:00:00Z: an absolute time as sent, a relative
    /// one counted from `received_unix` (when the PDU holding it was received, in the same
    /// unit). `None` when the sum does not fit 64 bits.
    ///
    /// ```
    /// use mms_pdu::mms::TimeValue;
    /// let received = 1_700_000_000;
    /// assert_eq!(TimeValue::relative(3600).time.resolve_unix(received), Some(1_700_003_600));
    /// assert_eq!(TimeValue::absolute(1_600_000_000).time.resolve_unix(received), Some(1_600_000_000));
    /// assert_eq!(TimeValue::relative(1).time.resolve_unix(u64::MAX), None);
    /// ```
    pub const fn resolve_unix(&self, received_unix: u64) -> Option<u64> {
        match self {
            Time::Absolute(date) => Some(date.value),
            Time::Relative(delta) => received_unix.checked_add(delta.value),
        }
    }

    /// The time as a [`SystemTime`](std::time::SystemTime): an absolute time counted from the
    /// Unix epoch, a relative one from `received`. `None` when it is past what `SystemTime`
    /// holds on this platform.
    ///
    /// ```
    /// use std::time::{Duration, SystemTime};
    /// use mms_pdu::mms::TimeValue;
    /// let received = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    /// let expiry = TimeValue::relative(259_200).time.resolve(received);
    /// assert_eq!(expiry, Some(received + Duration::from_secs(259_200)));
    /// assert_eq!(TimeValue::absolute(u64::MAX).time.resolve(received), None);
    /// ```
    #[cfg(feature = "std")]
    #[cfg_attr(docsrs, doc(cfg(feature = "std")))]
    pub fn resolve(&self, received: std::time::SystemTime) -> Option<std::time::SystemTime> {
        let (from, seconds) = match self {
            Time::Absolute(date) => (std::time::SystemTime::UNIX_EPOCH, date.value),
            Time::Relative(delta) => (received, delta.value),
        };
        from.checked_add(core::time::Duration::from_secs(seconds))
    }
}

/// X-Mms-Expiry, X-Mms-Delivery-Time and X-Mms-Reply-Charging-Deadline:
/// `Value-length (Absolute-token Date-value | Relative-token Delta-seconds-value)`.
///
/// The relative form stays relative: no clock is read while decoding.
///
/// ```
/// use mms_pdu::codec::{decode_all, Encode};
/// use mms_pdu::mms::{time_value, Time, TimeValue};
/// let wire = [0x05, 0x81, 0x03, 0x03, 0xF4, 0x80]; // in 259200 s (3 days)
/// let t = decode_all(&wire, time_value).unwrap();
/// assert!(matches!(t.time, Time::Relative(d) if d.value == 259_200));
/// assert_eq!(t.encode_to_vec().unwrap(), wire);
/// assert_eq!(TimeValue::relative(259_200).encode_to_vec().unwrap(), wire);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TimeValue {
    /// The Value-length form used.
    pub length_form: LengthForm,
    /// The time.
    pub time: Time,
    /// A Short-length the sender wrote smaller than the content (AOSP's
    /// `WapPushOverSmsTest`: `03` before 5 octets), which lenient decoding of a header block
    /// repairs ([`ValueLengthShort`](crate::base::diag::DiagnosticKind::ValueLengthShort)):
    /// written back instead of the content's length. `None` (what the constructors give)
    /// writes the true length.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub short_length: Option<u8>,
}

impl TimeValue {
    /// An absolute time, canonical form.
    pub const fn absolute(seconds_since_epoch: u64) -> Self {
        TimeValue {
            length_form: LengthForm::Short,
            time: Time::Absolute(LongInteger::new(seconds_since_epoch)),
            short_length: None,
        }
    }

    /// A relative time, canonical form. The delta is written as a Long-integer even when it
    /// is below 128: AOSP and Wireshark cannot read the legal Short-integer form
    /// (AOSP then drops the whole PDU).
    pub const fn relative(seconds: u64) -> Self {
        TimeValue {
            length_form: LengthForm::Short,
            time: Time::Relative(IntegerValue {
                value: seconds,
                form: IntegerForm::Long(LongInteger::minimal_octets(seconds)),
            }),
            short_length: None,
        }
    }
}

/// The content: `Absolute-token Date-value | Relative-token Delta-seconds-value`.
fn time(data: &[u8]) -> PResult<'_, Time> {
    match data.split_first() {
        Some((0x80, tail)) => date_value(tail).map(|(left, d)| (left, Time::Absolute(d))),
        Some((0x81, tail)) => integer_value(tail).map(|(left, d)| (left, Time::Relative(d))),
        _ => unexpected(data, Expected::Token),
    }
}

/// Decodes a Time-value.
///
/// # Errors
/// A bad Value-length, an unknown token, a bad integer, or leftover octets.
pub fn time_value(input: &[u8]) -> PResult<'_, TimeValue> {
    let (rest, (length_form, time)) = delimited(input, time)?;
    Ok((
        rest,
        TimeValue {
            length_form,
            time,
            short_length: None,
        },
    ))
}

/// A Time-value as the value of a header: [`time_value`], or, when `input` is exactly a value
/// whose Short-length is smaller than its content, that value remembering the declared length.
fn time_in_header(input: &[u8]) -> PResult<'_, TimeValue> {
    or_short_length(input, time_value(input), time, |declared, time| {
        Some(TimeValue {
            length_form: LengthForm::Short,
            time,
            short_length: Some(declared),
        })
    })
}

impl Framed for TimeValue {
    const FIELD: &'static str = "Time-value";
    fn length_form(&self) -> LengthForm {
        self.length_form
    }
    fn content_len(&self) -> usize {
        1 + match &self.time {
            Time::Absolute(d) => d.encoded_len(),
            Time::Relative(d) => d.encoded_len(),
        }
    }
    fn encode_content<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match &self.time {
            Time::Absolute(d) => {
                w.write_u8(0x80)?;
                d.encode(w)
            }
            Time::Relative(d) => {
                w.write_u8(0x81)?;
                d.encode(w)
            }
        }
    }
    fn content_deviation(&self) -> Option<Deviation> {
        match &self.time {
            Time::Absolute(d) => long_deviation(d),
            Time::Relative(d) => integer_deviation(d),
        }
    }
    fn short_length(&self) -> Option<u8> {
        self.short_length
    }
}

framed_values!(TimeValue => time_in_header);

/// The form phones send, `Short-length token Long-integer` whose lengths are exact, is checked
/// without being typed; any other form (a Short-integer delta, a Quoted length) is typed.
///
/// Why: typing that form through `delimited` and `or_short_length` cost about 210
/// instructions for one X-Mms-Expiry (callgrind, benches/README.md "Session 7").
impl CutCheck<'_> for TimeValue {
    #[inline(always)]
    fn check_cut(value: &[u8], ctx: &DecodeContext) -> Result<Option<Deviation>, DecodeErrorKind> {
        if let [len @ 3..=30, 0x80 | 0x81, octets @ 1..=8, digits @ ..] = value {
            if usize::from(*len) == digits.len() + 2 && usize::from(*octets) == digits.len() {
                // A Long-integer of more octets than its value needs.
                let padded = digits.len() > 1 && digits.first() == Some(&0);
                return Ok(padded.then_some(Deviation::NonMinimalInteger));
            }
        }
        typed_then(value, ctx, <Self as HeaderValue>::deviation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::decode_all;
    use crate::mms::values::HeaderValue;
    use crate::mms::values::testing::{ctx, round};

    #[test]
    fn expiry_relative_long_and_short() {
        let v: TimeValue = round(&[0x05, 0x81, 0x03, 0x03, 0xF4, 0x80], &ctx(None));
        assert!(matches!(v.time, Time::Relative(d) if d.value == 259_200));
        let v: TimeValue = round(&[0x02, 0x81, 0x8A], &ctx(None));
        assert!(
            matches!(v.time, Time::Relative(d) if d.value == 10 && d.form == IntegerForm::Short)
        );
        assert_eq!(v.deviation(), None);
        let v: TimeValue = round(&[0x06, 0x80, 0x04, 0x5E, 0x0B, 0xE1, 0x00], &ctx(None));
        assert_eq!(v, TimeValue::absolute(0x5E0B_E100));
        assert_eq!(
            TimeValue::relative(10).encode_to_vec().unwrap(),
            [3, 0x81, 1, 10]
        );
        // Long-form Value-length for a small value is a deviation but round-trips.
        let v: TimeValue = round(&[0x1F, 0x03, 0x81, 0x01, 0x0A], &ctx(None));
        assert_eq!(v.deviation(), Some(Deviation::NonMinimalLength));
        assert!(decode_all(&[0x02, 0x82, 0x8A], time_value).is_err());
    }

    #[test]
    fn a_short_length_smaller_than_the_time_is_remembered() {
        let wire = [0x03, 0x81, 0x03, 0x03, 0xF4, 0x80];
        let v: TimeValue = round(&wire, &ctx(None));
        assert_eq!(v.short_length, Some(3));
        assert!(matches!(v.time, Time::Relative(d) if d.value == 259_200));
        assert_eq!(v.deviation(), None);
        assert_ne!(v, TimeValue::relative(259_200));
        assert_eq!(
            TimeValue {
                short_length: None,
                ..v
            },
            TimeValue::relative(259_200)
        );
        assert!(decode_all(&wire, time_value).is_err());
        // Not when the content read in full leaves octets, or with the quoted form.
        assert!(TimeValue::decode_value(&[0x01, 0x81, 0x8A, 0x00], &ctx(None)).is_err());
        assert!(TimeValue::decode_value(&[0x1F, 0x01, 0x81, 0x8A], &ctx(None)).is_err());
    }
}
