//! One type per MMS header value grammar (OMA-TS-MMS_ENC-V1_3 §7.2, §7.3; addresses §8).
//!
//! Each type has a decoder (its [`HeaderValue::decode_value`], plus a plain nom-style function
//! where it is useful on its own) and an [`Encode`] implementation. Decoded values remember
//! their wire form (the [`LengthForm`] of a Value-length, the [`IntegerForm`] of an
//! Integer-value, the framing of a text), so encoding a decoded value reproduces its octets;
//! the `new`/named constructors build the canonical, minimal form.
//!
//! Token-valued fields hold the assigned-number newtype of `crate::assigned`, so an unassigned
//! token octet (≥ 0x80) still decodes, stays typed and re-encodes unchanged.
//!
//! One grammar (or a few small related ones) per file:
//!
//! | File | Grammar | Types |
//! |---|---|---|
//! | `token.rs` | single-octet tokens, Field-code, Message-Class | the `assigned` newtypes, [`MessageClassValue`] |
//! | `primitive.rs` | codec and WSP values used directly | [`IntegerValue`], [`TextString`], [`ContentTypeValue`] ... |
//! | `address.rs` | Address (MMS_ENC section 8) and its forms | [`Address`], [`ParsedAddress`] |
//! | `from.rs` | From | [`FromValue`] |
//! | `time.rs` | Time-value (Expiry, Delivery-Time, Reply-Charging-Deadline) | [`TimeValue`], [`Time`] |
//! | `previously_sent.rs` | Previously-Sent-By / -Date | [`PreviouslySentBy`], [`PreviouslySentDate`] |
//! | `mbox.rs` | MM-Flags, Mbox-Totals, Mbox-Quotas | [`MmFlags`], [`MboxTotals`], [`MboxQuotas`] |
//! | `element.rs` | Element-Descriptor | [`ElementDescriptor`], [`ElementParam`] |
//! | `indexed.rs` | the indexed "-Del" forms of the delete confirmations | [`Indexable`], [`ContentLocationValue`], [`ResponseTextValue`], [`ResponseStatusValue`] |
//! | `wire.rs` | what they share: the `Value-length content` framing (one `Framed` trait and one macro give the framed values their `Encode` and `HeaderValue`), the deviation rules of MMS fields | (private) |
//!
//! [`IntegerForm`]: crate::codec::IntegerForm
//! [`IntegerValue`]: crate::codec::IntegerValue
//! [`TextString`]: crate::codec::TextString
//! [`LengthForm`]: crate::codec::LengthForm

mod address;
mod element;
mod from;
mod indexed;
#[cfg(feature = "serde")]
mod indexed_serde;
mod mbox;
mod previously_sent;
mod primitive;
mod time;
mod token;
mod wire;

pub use address::{Address, ParsedAddress, address, escape_value, unescape_value};
pub(crate) use address::{is_email, is_short_code};
pub use element::{
    ElementDescriptor, ElementParam, ElementParamName, ElementParamValue, ElementParams,
    element_descriptor,
};
pub(crate) use from::starts_bare;
pub use from::{FromValue, from_value};
pub use indexed::{
    ContentLocationValue, Indexable, IndexableValue, ResponseStatusValue, ResponseTextValue,
};
pub use mbox::{MboxQuotas, MboxTotals, MmFlags, mbox_quotas, mbox_totals, mm_flags};
pub use previously_sent::{
    PreviouslySentBy, PreviouslySentDate, previously_sent_by, previously_sent_date,
};
pub use primitive::{ContentTypeValue, content_type_value};
pub use time::{Time, TimeValue, time_value};
pub use token::MessageClassValue;

use crate::assigned::MessageType;
use crate::base::error::{DecodeErrorKind, Deviation};
use crate::codec::{Encode, PResult, complete_error};

/// What a value decoder may need to know about the PDU it sits in.
///
/// The indexed ("-Del") forms of X-Mms-Content-Location and X-Mms-Response-Text exist only in
/// m-mbox-delete-conf (0x92) and m-delete-conf (0x95); Response-Text's plain form is itself
/// `Value-length Char-set Text`, so only the PDU type can tell the two apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DecodeContext {
    /// The PDU's X-Mms-Message-Type, once seen.
    pub message_type: Option<MessageType>,
}

impl DecodeContext {
    /// A context for a PDU of type `message_type`.
    pub const fn new(message_type: Option<MessageType>) -> Self {
        DecodeContext { message_type }
    }

    /// `true` in the two delete confirmations, whose Content-Location and Response-Text use
    /// the indexed "-Del" forms.
    pub const fn indexed_forms(&self) -> bool {
        matches!(
            self.message_type,
            Some(MessageType::MBOX_DELETE_CONF | MessageType::DELETE_CONF)
        )
    }
}

/// A value of an MMS header field: decodable from the exact octets of one value, encodable,
/// and able to say whether its wire form deviates from the canonical one.
pub trait HeaderValue<'a>: Encode + Sized {
    /// Decodes the value at the start of `input`.
    ///
    /// # Errors
    /// The value does not follow the field's grammar.
    fn decode_value(input: &'a [u8], ctx: &DecodeContext) -> PResult<'a, Self>;

    /// A lenient wire form accepted while decoding (Quote rule, missing NUL, non-minimal
    /// length or integer), if any.
    fn deviation(&self) -> Option<Deviation> {
        None
    }
}

/// Decodes a value of type `T` from exactly `value`; leftovers are an error.
#[inline(always)]
pub(crate) fn typed<'a, T: HeaderValue<'a>>(
    value: &'a [u8],
    ctx: &DecodeContext,
) -> Result<T, DecodeErrorKind> {
    match T::decode_value(value, ctx) {
        Ok(([], v)) => Ok(v),
        other => Err(failure(value, other)),
    }
}

/// [`typed`], the value handed to `then` where it was decoded instead of moved out (the
/// header index keeps only what `then` returns).
#[inline(always)]
pub(crate) fn typed_then<'a, T: HeaderValue<'a>, R>(
    value: &'a [u8],
    ctx: &DecodeContext,
    then: impl FnOnce(&T) -> R,
) -> Result<R, DecodeErrorKind> {
    match T::decode_value(value, ctx) {
        Ok(([], v)) => Ok(then(&v)),
        other => Err(failure(value, other)),
    }
}

/// Why decoding an exact value failed: its decoder's error, or the octets it left over.
#[inline(always)]
fn failure<T>(value: &[u8], result: PResult<'_, T>) -> DecodeErrorKind {
    match result {
        Ok((rest, _)) => DecodeErrorKind::TrailingBytes {
            count: rest.len() as u64,
        },
        Err(e) => complete_error(value, e).kind,
    }
}

/// How the header index checks a value it cut out whole: whether it follows its grammar, and
/// its deviation.
///
/// Why: the cut (`scan_header`, through [`skip_value`](crate::codec::skip_value)) already
/// found a text's NUL; typing the text again searched for it a second time. Taking the text
/// from the cut saves about 110 instructions a text (callgrind: 3 606 → 3 278 per decode of a
/// notification with three texts; benches/README.md, "Session 7").
/// The text grammars (Text-string, Encoded-string-value, an address, the plain form of an
/// indexable value) take the text from the cut instead; every other value is typed.
pub(crate) trait CutCheck<'a>: HeaderValue<'a> {
    /// Checks `value`, exactly one value as `scan_header` cut it.
    #[inline(always)]
    fn check_cut(
        value: &'a [u8],
        ctx: &DecodeContext,
    ) -> Result<Option<Deviation>, DecodeErrorKind> {
        typed_then(value, ctx, <Self as HeaderValue>::deviation)
    }
}

/// The check of a value whose common form was checked without typing it: that check's
/// deviation (`fast`), or, when the form did not apply (`None`), the check by typing `value`
/// as `T` (its [`HeaderValue::deviation`], never an inherent method of the same name).
#[inline(always)]
pub(crate) fn checked_or_typed<'a, T: HeaderValue<'a>>(
    fast: Option<Option<Deviation>>,
    value: &'a [u8],
    ctx: &DecodeContext,
) -> Result<Option<Deviation>, DecodeErrorKind> {
    match fast {
        Some(deviation) => Ok(deviation),
        None => typed_then(value, ctx, T::deviation),
    }
}

/// The values the header index checks by typing them.
macro_rules! checked_by_typing {
    ($($ty:ty),+ $(,)?) => {
        $( impl<'a> CutCheck<'a> for $ty {} )+
    };
}

checked_by_typing!(
    crate::assigned::YesNo,
    crate::assigned::StoreStatus,
    crate::assigned::Status,
    crate::assigned::SenderVisibility,
    crate::assigned::RetrieveStatus,
    crate::assigned::RetrievalMode,
    crate::assigned::ReplyCharging,
    crate::assigned::ReadStatus,
    crate::assigned::Priority,
    crate::assigned::MmState,
    crate::assigned::MessageType,
    crate::assigned::FieldCode,
    crate::assigned::ContentClass,
    crate::assigned::CancelStatus,
    crate::assigned::ResponseStatus,
    crate::codec::IntegerValue,
    crate::codec::DateValue,
    crate::codec::Version<'a>,
    PreviouslySentDate,
    PreviouslySentBy<'a>,
    MmFlags<'a>,
    MessageClassValue<'a>,
    MboxTotals,
    MboxQuotas,
    ElementDescriptor<'a>,
    ContentTypeValue<'a>,
);

/// What the tests of every grammar file share.
#[cfg(test)]
mod testing {
    use super::{DecodeContext, HeaderValue};
    use crate::assigned::MessageType;
    use crate::codec::decode_all;

    pub(super) fn ctx(t: Option<MessageType>) -> DecodeContext {
        DecodeContext::new(t)
    }

    /// Decodes `wire` completely as `T`, re-encodes it and checks exactness and `encoded_len`.
    pub(super) fn round<'a, T: HeaderValue<'a> + core::fmt::Debug + PartialEq>(
        wire: &'a [u8],
        c: &DecodeContext,
    ) -> T {
        let v = decode_all(wire, |i| T::decode_value(i, c)).unwrap();
        let out = v.encode_to_vec().unwrap();
        assert_eq!(out, wire, "{v:?}");
        assert_eq!(v.encoded_len(), wire.len());
        v
    }
}

#[cfg(test)]
mod tests {
    use super::testing::round;
    use super::*;
    use crate::assigned::MmFlagsToken;
    use crate::codec::TextString;

    /// Values built with the constructors equal the values decoded from their encoding, long
    /// ones too (their Value-length takes the quoted form past 30 octets).
    #[test]
    fn long_built_values_read_back_equal() {
        let long = b"a-rather-long-address-for-the-short-length-form@example.com";
        let c = DecodeContext::new(Some(MessageType::MBOX_DELETE_CONF));
        let from = FromValue::address(Address::new(long));
        assert_eq!(
            round::<FromValue<'_>>(&from.encode_to_vec().unwrap(), &c),
            from
        );
        let by = PreviouslySentBy::new(3, Address::new(long));
        assert_eq!(
            round::<PreviouslySentBy<'_>>(&by.encode_to_vec().unwrap(), &c),
            by
        );
        let flags = MmFlags::new(MmFlagsToken::ADD, long);
        assert_eq!(
            round::<MmFlags<'_>>(&flags.encode_to_vec().unwrap(), &c),
            flags
        );
        let element = ElementDescriptor::new(long, &[]);
        assert_eq!(
            round::<ElementDescriptor<'_>>(&element.encode_to_vec().unwrap(), &c),
            element
        );
        let location = ContentLocationValue::indexed(2, TextString::new(long));
        assert_eq!(
            round::<ContentLocationValue<'_>>(&location.encode_to_vec().unwrap(), &c),
            location
        );
    }
}
