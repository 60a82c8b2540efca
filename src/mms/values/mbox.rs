//! The mailbox values of MMS 1.2+: X-Mms-MM-Flags (`Value-length (Add | Remove | Filter)
//! Encoded-string-value`), X-Mms-Mbox-Totals and X-Mms-Mbox-Quotas (`Value-length token
//! Integer-value`) (MMS_ENC 7.3.30, 7.3.26, 7.3.25).

use nom::Parser;

use super::wire::{
    Framed, canonical_form, delimited, encoded_string_deviation, framed_values, integer_deviation,
    token_octet,
};
use crate::assigned::{MboxQuotasToken, MboxTotalsToken, MmFlagsToken};
use crate::base::error::{Deviation, EncodeError};
use crate::codec::{
    Encode, EncodedString, IntegerValue, LengthForm, PResult, Writer, encoded_string, integer_value,
};

/// X-Mms-MM-Flags: `Value-length (Add | Remove | Filter) Encoded-string-value`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct MmFlags<'a> {
    /// The Value-length form used.
    pub length_form: LengthForm,
    /// Add, Remove or Filter.
    pub token: MmFlagsToken,
    #[cfg_attr(feature = "serde", serde(borrow))]
    /// The keyword.
    pub flag: EncodedString<'a>,
}

impl<'a> MmFlags<'a> {
    /// Canonical form with a plain-text keyword.
    pub fn new(token: MmFlagsToken, flag: &'a [u8]) -> Self {
        let flag = EncodedString::plain(flag);
        MmFlags {
            length_form: canonical_form(1 + flag.encoded_len()),
            token,
            flag,
        }
    }
}

/// Decodes X-Mms-MM-Flags.
///
/// # Errors
/// A bad Value-length, token or keyword, or leftover octets.
pub fn mm_flags(input: &[u8]) -> PResult<'_, MmFlags<'_>> {
    let content = (token_octet.map(MmFlagsToken), encoded_string);
    let (rest, (length_form, (token, flag))) = delimited(input, content)?;
    let flags = MmFlags {
        length_form,
        token,
        flag,
    };
    Ok((rest, flags))
}

impl Framed for MmFlags<'_> {
    const FIELD: &'static str = "X-Mms-MM-Flags";
    fn length_form(&self) -> LengthForm {
        self.length_form
    }
    fn content_len(&self) -> usize {
        1 + self.flag.encoded_len()
    }
    fn encode_content<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        self.token.encode(w)?;
        self.flag.encode(w)
    }
    fn content_deviation(&self) -> Option<Deviation> {
        encoded_string_deviation(&self.flag)
    }
}

framed_values!(MmFlags<'a> => mm_flags);

macro_rules! token_count_value {
    ($(#[$doc:meta])* $name:ident, $token:ty, $decoder:ident, $field:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        pub struct $name {
            /// The Value-length form used.
            pub length_form: LengthForm,
            /// Which total or quota.
            pub token: $token,
            /// The number of messages or octets.
            pub value: IntegerValue,
        }

        impl $name {
            /// Canonical form.
            pub const fn new(token: $token, value: u64) -> Self {
                $name {
                    length_form: LengthForm::Short,
                    token,
                    value: IntegerValue::new(value),
                }
            }
        }

        #[doc = concat!("Decodes ", $field, ".")]
        ///
        /// # Errors
        /// A bad Value-length, token or integer, or leftover octets.
        pub fn $decoder(input: &[u8]) -> PResult<'_, $name> {
            let content = (token_octet.map(<$token>::new), integer_value);
            let (rest, (length_form, (token, value))) = delimited(input, content)?;
            Ok((rest, $name { length_form, token, value }))
        }

        impl Framed for $name {
            const FIELD: &'static str = $field;
            fn length_form(&self) -> LengthForm {
                self.length_form
            }
            fn content_len(&self) -> usize {
                1 + self.value.encoded_len()
            }
            fn encode_content<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
                self.token.encode(w)?;
                self.value.encode(w)
            }
            fn content_deviation(&self) -> Option<Deviation> {
                integer_deviation(&self.value)
            }
        }

        framed_values!($name => $decoder);
    };
}

token_count_value!(
    /// X-Mms-Mbox-Totals: `Value-length (Message-total | Size-total) Integer-value`.
    MboxTotals,
    MboxTotalsToken,
    mbox_totals,
    "X-Mms-Mbox-Totals"
);
token_count_value!(
    /// X-Mms-Mbox-Quotas: `Value-length (Message-quota | Size-quota) Integer-value`.
    MboxQuotas,
    MboxQuotasToken,
    mbox_quotas,
    "X-Mms-Mbox-Quotas"
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mms::values::testing::{ctx, round};

    #[test]
    fn mm_flags_and_mbox() {
        let v: MmFlags<'_> = round(b"\x06\x80Work\0", &ctx(None));
        assert_eq!(v, MmFlags::new(MmFlagsToken::ADD, b"Work"));
        let v: MmFlags<'_> = round(&[0x05, 0x82, 0x03, 0xEA, b'x', 0], &ctx(None));
        assert_eq!(v.token, MmFlagsToken::FILTER);
        assert_eq!(v.flag.charset().map(|c| c.value), Some(106));
        let v: MboxTotals = round(&[0x02, 0x80, 0x85], &ctx(None));
        assert_eq!(v, MboxTotals::new(MboxTotalsToken::MESSAGE_TOTAL, 5));
        let v: MboxQuotas = round(&[0x04, 0x81, 0x02, 0x10, 0x00], &ctx(None));
        assert_eq!(v, MboxQuotas::new(MboxQuotasToken::SIZE_QUOTA, 4096));
    }
}
