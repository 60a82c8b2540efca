//! X-Mms-Previously-Sent-By and X-Mms-Previously-Sent-Date: the forwarding history of an MM,
//! each entry `Value-length Forwarded-count-value (Address | Date-value)` (MMS_ENC 7.3.37,
//! 7.3.38).

use super::HeaderValue;
use super::address::{Address, address};
use super::wire::{
    Framed, canonical_form, delimited, framed_values, integer_deviation, long_deviation,
};
use crate::base::error::{Deviation, EncodeError};
use crate::codec::{
    DateValue, Encode, IntegerValue, LengthForm, LongInteger, PResult, Writer, date_value,
    integer_value,
};

/// X-Mms-Previously-Sent-By: `Value-length Forwarded-count-value Address`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PreviouslySentBy<'a> {
    /// The Value-length form used.
    pub length_form: LengthForm,
    /// How many times the MM had been forwarded when this address sent it.
    pub count: IntegerValue,
    #[cfg_attr(feature = "serde", serde(borrow))]
    /// Who forwarded it.
    pub address: Address<'a>,
}

impl<'a> PreviouslySentBy<'a> {
    /// Canonical form.
    pub fn new(count: u64, address: Address<'a>) -> Self {
        let count = IntegerValue::new(count);
        PreviouslySentBy {
            length_form: canonical_form(count.encoded_len() + address.encoded_len()),
            count,
            address,
        }
    }
}

/// Decodes X-Mms-Previously-Sent-By.
///
/// # Errors
/// A bad Value-length, count or address, or leftover octets.
pub fn previously_sent_by(input: &[u8]) -> PResult<'_, PreviouslySentBy<'_>> {
    let (rest, (length_form, (count, address))) = delimited(input, (integer_value, address))?;
    let by = PreviouslySentBy {
        length_form,
        count,
        address,
    };
    Ok((rest, by))
}

impl Framed for PreviouslySentBy<'_> {
    const FIELD: &'static str = "X-Mms-Previously-Sent-By";
    fn length_form(&self) -> LengthForm {
        self.length_form
    }
    fn content_len(&self) -> usize {
        self.count.encoded_len() + self.address.encoded_len()
    }
    fn encode_content<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        self.count.encode(w)?;
        self.address.encode(w)
    }
    fn content_deviation(&self) -> Option<Deviation> {
        integer_deviation(&self.count).or_else(|| self.address.deviation())
    }
}

/// X-Mms-Previously-Sent-Date: `Value-length Forwarded-count-value Date-value`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PreviouslySentDate {
    /// The Value-length form used.
    pub length_form: LengthForm,
    /// The forward count this date belongs to.
    pub count: IntegerValue,
    /// When it was forwarded (seconds since 1970-01-01T00:00:00Z).
    pub date: DateValue,
}

impl PreviouslySentDate {
    /// Canonical form.
    pub const fn new(count: u64, date: u64) -> Self {
        PreviouslySentDate {
            length_form: LengthForm::Short,
            count: IntegerValue::new(count),
            date: LongInteger::new(date),
        }
    }
}

/// Decodes X-Mms-Previously-Sent-Date.
///
/// # Errors
/// A bad Value-length, count or date, or leftover octets.
pub fn previously_sent_date(input: &[u8]) -> PResult<'_, PreviouslySentDate> {
    let (rest, (length_form, (count, date))) = delimited(input, (integer_value, date_value))?;
    let date = PreviouslySentDate {
        length_form,
        count,
        date,
    };
    Ok((rest, date))
}

impl Framed for PreviouslySentDate {
    const FIELD: &'static str = "X-Mms-Previously-Sent-Date";
    fn length_form(&self) -> LengthForm {
        self.length_form
    }
    fn content_len(&self) -> usize {
        self.count.encoded_len() + self.date.encoded_len()
    }
    fn encode_content<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        self.count.encode(w)?;
        self.date.encode(w)
    }
    fn content_deviation(&self) -> Option<Deviation> {
        integer_deviation(&self.count).or_else(|| long_deviation(&self.date))
    }
}

framed_values!(
    PreviouslySentBy<'a> => previously_sent_by,
    PreviouslySentDate => previously_sent_date,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mms::values::testing::{ctx, round};

    #[test]
    fn previously_sent() {
        let mut wire = alloc::vec![0x0D, 0x81];
        wire.extend_from_slice(b"a@b.example\0");
        let v: PreviouslySentBy<'_> = round(&wire, &ctx(None));
        assert_eq!(v, PreviouslySentBy::new(1, Address::new(b"a@b.example")));
        assert_eq!(v.encode_to_vec().unwrap(), wire);
        let v: PreviouslySentDate = round(&[0x06, 0x82, 0x04, 0x5E, 0x0B, 0xE1, 0x00], &ctx(None));
        assert_eq!(v, PreviouslySentDate::new(2, 0x5E0B_E100));
    }
}
