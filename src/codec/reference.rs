//! The wire primitives as they were written before the nom combinators (at 5112a75), kept
//! only as the reference that `tests::nom_rewrite_keeps_every_result` compares the current
//! parsers with: same value, same rest, same error kind, position, context and nom variant.
//! `octet`, `uintvar` and `text_string` stayed hand-written loops (benches/README.md, "nom
//! combinators"), so they are not kept twice here: the old parsers call the current ones.

use crate::base::error::{DecodeErrorKind, Expected};
use crate::codec::encoded_string::bounded_text;
use crate::codec::integer::{
    IntegerForm, IntegerValue, LENGTH_QUOTE, LengthForm, LongInteger, ValueLength, uintvar,
};
use crate::codec::misc::{QValue, Version};
use crate::codec::parse::{PResult, fail, octet, take, unexpected};
use crate::codec::text::{
    DOUBLE_QUOTE, QuotedString, TextValue, Token, split_closing_quote, text_string, until_nul,
};
use crate::codec::{Encode, EncodedString};

pub(super) fn short_integer(input: &[u8]) -> PResult<'_, u8> {
    match input.split_first() {
        Some((&b, rest)) if b & 0x80 != 0 => Ok((rest, b & 0x7F)),
        _ => unexpected(input, Expected::ShortInteger),
    }
}

pub(super) fn long_integer(input: &[u8]) -> PResult<'_, LongInteger> {
    let (rest, len) = octet(input)?;
    if len > 30 {
        return unexpected(input, Expected::LongInteger);
    }
    if len == 0 {
        return fail(input, DecodeErrorKind::EmptyLongInteger);
    }
    let (rest, bytes) = take(rest, u64::from(len))?;
    let mut value: u64 = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if value > (u64::MAX >> 8) {
            return fail(
                bytes.get(i..).unwrap_or(&[]),
                DecodeErrorKind::IntegerTooLarge { octets: len },
            );
        }
        value = (value << 8) | u64::from(b);
    }
    Ok((rest, LongInteger { value, octets: len }))
}

pub(super) fn integer_value(input: &[u8]) -> PResult<'_, IntegerValue> {
    match input.first() {
        Some(&b) if b & 0x80 != 0 => Ok((
            input.get(1..).unwrap_or(&[]),
            IntegerValue {
                value: u64::from(b & 0x7F),
                form: IntegerForm::Short,
            },
        )),
        Some(&b) if b <= 30 => {
            let (rest, l) = long_integer(input)?;
            Ok((
                rest,
                IntegerValue {
                    value: l.value,
                    form: IntegerForm::Long(l.octets),
                },
            ))
        }
        _ => unexpected(input, Expected::IntegerValue),
    }
}

pub(super) fn value_length(input: &[u8]) -> PResult<'_, ValueLength> {
    match input.first() {
        Some(&b) if b < LENGTH_QUOTE => Ok((
            input.get(1..).unwrap_or(&[]),
            ValueLength {
                len: u32::from(b),
                form: LengthForm::Short,
            },
        )),
        Some(&LENGTH_QUOTE) => {
            let (rest, u) = uintvar(input.get(1..).unwrap_or(&[]))?;
            Ok((
                rest,
                ValueLength {
                    len: u.value,
                    form: LengthForm::Quoted {
                        leading_zeros: u.leading_zeros,
                    },
                },
            ))
        }
        _ => unexpected(input, Expected::ValueLength),
    }
}

pub(super) fn length_prefixed(input: &[u8]) -> PResult<'_, (ValueLength, &[u8])> {
    let (rest, vl) = value_length(input)?;
    let (rest, data) = take(rest, u64::from(vl.len))?;
    Ok((rest, (vl, data)))
}

pub(super) fn quoted_string(input: &[u8]) -> PResult<'_, QuotedString<'_>> {
    let Some((&DOUBLE_QUOTE, body)) = input.split_first() else {
        return unexpected(input, Expected::QuotedString);
    };
    match until_nul(body) {
        Some((text, rest)) => {
            let (bytes, closing_quote) = split_closing_quote(text);
            Ok((
                rest,
                QuotedString {
                    bytes,
                    closing_quote,
                    terminated: true,
                },
            ))
        }
        None => fail(input, DecodeErrorKind::MissingTerminator),
    }
}

pub(super) fn token_text(input: &[u8]) -> PResult<'_, Token<'_>> {
    match input.first() {
        Some(&b) if (0x20..0x7F).contains(&b) => match until_nul(input) {
            Some((bytes, rest)) => Ok((
                rest,
                Token {
                    bytes,
                    terminated: true,
                },
            )),
            None => fail(input, DecodeErrorKind::MissingTerminator),
        },
        _ => unexpected(input, Expected::TokenText),
    }
}

pub(super) fn text_value(input: &[u8]) -> PResult<'_, TextValue<'_>> {
    match input.first() {
        Some(0) => Ok((input.get(1..).unwrap_or(&[]), TextValue::NoValue)),
        Some(&DOUBLE_QUOTE) => {
            let (rest, q) = quoted_string(input)?;
            Ok((rest, TextValue::Quoted(q)))
        }
        Some(_) => {
            let (rest, t) = token_text(input)?;
            Ok((rest, TextValue::Token(t)))
        }
        None => fail(input, DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 }),
    }
}

pub(super) fn no_value(input: &[u8]) -> PResult<'_, ()> {
    match input.split_first() {
        Some((0, rest)) => Ok((rest, ())),
        _ => unexpected(input, Expected::Value),
    }
}

pub(super) fn q_value(input: &[u8]) -> PResult<'_, QValue> {
    let (rest, u) = uintvar(input)?;
    if u.encoded_len() > 2 {
        return fail(input, DecodeErrorKind::ValueOutOfRange);
    }
    Ok((rest, QValue(u)))
}

pub(super) fn version_value(input: &[u8]) -> PResult<'_, Version<'_>> {
    match input.first() {
        Some(&b) if b & 0x80 != 0 => Ok((input.get(1..).unwrap_or(&[]), Version::Short(b & 0x7F))),
        Some(_) => {
            let (rest, t) = text_string(input)?;
            Ok((rest, Version::Text(t)))
        }
        None => fail(input, DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 }),
    }
}

pub(super) fn encoded_string(input: &[u8]) -> PResult<'_, EncodedString<'_>> {
    match input.first() {
        Some(&b) if (1..0x20).contains(&b) => {
            let (rest, (vl, data)) = length_prefixed(input)?;
            let (text, charset) = integer_value(data)?;
            Ok((
                rest,
                EncodedString::WithCharset {
                    length_form: vl.form,
                    charset,
                    text: bounded_text(text, charset.value),
                },
            ))
        }
        Some(_) => {
            let (rest, t) = text_string(input)?;
            Ok((rest, EncodedString::Plain(t)))
        }
        None => fail(input, DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 }),
    }
}
