//! Single-octet token values (every field whose value is one assigned number ≥ 0x80), the
//! Short-integer field code of X-Mms-Attributes, and X-Mms-Message-Class (a class token or a
//! Token-text).

use super::wire::{token_octet, write_token};
use super::{DecodeContext, HeaderValue};
use crate::assigned::{
    CancelStatus, ContentClass, FieldCode, MboxQuotasToken, MboxTotalsToken, MessageClass,
    MessageType, MmFlagsToken, MmState, Priority, ReadStatus, ReplyCharging, ResponseStatus,
    RetrievalMode, RetrieveStatus, SenderVisibility, Status, StoreStatus, YesNo,
};
use crate::base::error::EncodeError;
use crate::codec::{Encode, PResult, Token, Writer, encode_variants, short_integer, token_text};

macro_rules! token_values {
    ($($t:ty),+ $(,)?) => {$(
        impl Encode for $t {
            fn encoded_len(&self) -> usize {
                1
            }
            fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
                write_token(w, self.0)
            }
        }

        impl<'a> HeaderValue<'a> for $t {
            fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
                let (rest, b) = token_octet(input)?;
                Ok((rest, <$t>::new(b)))
            }
        }
    )+};
}

token_values!(
    YesNo,
    MessageType,
    Priority,
    SenderVisibility,
    Status,
    ReadStatus,
    ReplyCharging,
    MmState,
    StoreStatus,
    RetrieveStatus,
    ContentClass,
    RetrievalMode,
    CancelStatus,
    ResponseStatus,
    MessageClass,
    MmFlagsToken,
    MboxTotalsToken,
    MboxQuotasToken,
);

/// X-Mms-Attributes carries a field code as a Short-integer (`A8 96` requests Subject).
impl Encode for FieldCode {
    fn encoded_len(&self) -> usize {
        1
    }
    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        crate::codec::encode_short_integer(w, self.0)
    }
}

impl<'a> HeaderValue<'a> for FieldCode {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        let (rest, v) = short_integer(input)?;
        Ok((rest, FieldCode(v)))
    }
}

/// X-Mms-Message-Class: `Class-identifier | Token-text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum MessageClassValue<'a> {
    /// A class token (Personal 0x80 ... Auto 0x83, or an unassigned octet).
    Class(MessageClass),
    /// A textual class.
    #[cfg_attr(feature = "serde", serde(borrow))]
    Text(Token<'a>),
}

encode_variants!(MessageClassValue<'_> { Class, Text });

/// A class token.
impl From<MessageClass> for MessageClassValue<'_> {
    fn from(class: MessageClass) -> Self {
        MessageClassValue::Class(class)
    }
}

impl<'a> HeaderValue<'a> for MessageClassValue<'a> {
    fn decode_value(input: &'a [u8], _: &DecodeContext) -> PResult<'a, Self> {
        match input.first() {
            Some(&b) if b >= 0x80 => Ok((
                input.get(1..).unwrap_or(&[]),
                MessageClassValue::Class(MessageClass(b)),
            )),
            _ => {
                let (rest, t) = token_text(input)?;
                Ok((rest, MessageClassValue::Text(t)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::decode_all;
    use crate::mms::values::testing::{ctx, round};

    #[test]
    fn tokens_and_class() {
        let v: YesNo = round(&[0x80], &ctx(None));
        assert_eq!(v, YesNo::YES);
        let v: Priority = round(&[0xFF], &ctx(None));
        assert_eq!(v.0, 0xFF);
        assert!(decode_all(&[0x10], |i| YesNo::decode_value(i, &ctx(None))).is_err());
        let v: MessageClassValue<'_> = round(b"custom\0", &ctx(None));
        assert!(matches!(v, MessageClassValue::Text(t) if t.bytes == b"custom"));
        let v: MessageClassValue<'_> = round(&[0x83], &ctx(None));
        assert_eq!(v, MessageClassValue::Class(MessageClass::AUTO));
        let v: FieldCode = round(&[0x96], &ctx(None));
        assert_eq!(v, FieldCode::SUBJECT);
    }
}
