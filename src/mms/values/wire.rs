//! The wire pieces every value grammar of this folder shares: the Value-length of a
//! length-delimited value (its canonical form, its deviation, writing it) and the [`Framed`]
//! trait with [`framed_values!`], which frame a content the same way for every such value;
//! the deviation rules for integers and Encoded-string-values in MMS fields; the text and
//! token readers.

use nom::Parser;

use crate::base::error::{Deviation, EncodeError, Expected, WireError};
use crate::codec::{
    Encode, EncodedString, IntegerForm, IntegerValue, LengthForm, LongInteger, PResult, TextString,
    ValueLength, Writer, expect_empty, length_prefixed, text_string, unexpected,
};

/// The Value-length for `content` octets in `form` (falling back to the canonical form when
/// the short form cannot hold it).
fn length_in(form: LengthForm, content: usize) -> ValueLength {
    let len = u32::try_from(content).unwrap_or(u32::MAX);
    ValueLength { len: 0, form }.with_len(len)
}

/// The canonical Value-length form for `content` octets: short up to 30, quoted above. The
/// constructors use it so that a built value equals the value decoded from its encoding.
pub(super) fn canonical_form(content: usize) -> LengthForm {
    length_in(LengthForm::Short, content).form
}

/// Octets of a length-delimited value whose content is `content` octets.
pub(super) fn delimited_len(form: LengthForm, content: usize) -> usize {
    length_in(form, content).encoded_len() + content
}

/// Writes the Value-length of a `content`-octet value.
pub(super) fn write_length<W: Writer + ?Sized>(
    w: &mut W,
    form: LengthForm,
    content: usize,
    field: &'static str,
) -> Result<(), EncodeError> {
    if u32::try_from(content).is_err() {
        return Err(EncodeError::Unencodable {
            field,
            reason: "longer than 2^32-1 octets",
        });
    }
    length_in(form, content).encode(w)
}

/// Deviation of a decoded Value-length form for a `content`-octet value.
pub(super) fn length_deviation(form: LengthForm, content: usize) -> Option<Deviation> {
    length_in(form, content).deviation()
}

/// Cuts out a Value-length-delimited value, runs `inner` on it and requires it to consume
/// every octet. `inner` is any nom parser, so a content of several parts is the tuple of
/// their parsers: `delimited(input, (integer_value, address))`.
pub(super) fn delimited<'a, T>(
    input: &'a [u8],
    mut inner: impl Parser<&'a [u8], Output = T, Error = WireError<'a>>,
) -> PResult<'a, (LengthForm, T)> {
    let (rest, (vl, data)) = length_prefixed(input)?;
    let (left, value) = inner.parse(data)?;
    expect_empty(left)?;
    Ok((rest, (vl.form, value)))
}

/// The reading of a Value-length-delimited value at the start of `input` whose Short-length
/// (1–30) declares fewer octets than follow it: the content is all of them, which `content`
/// must read completely. The declared length and what `content` read.
///
/// Why: AOSP's `WapPushOverSmsTest` has a From declared 8 octets with 23 and an Expiry
/// declared 3 with 5. The header walk cuts such a value out only where the content's own
/// grammar ends on a header boundary and the declared end does not (`header::short_length`),
/// and the header index reports it (`ValueLengthShort`); the value remembers the declared
/// length ([`Framed::short_length`]) to write it back as sent.
fn short_delimited<'a, T>(
    input: &'a [u8],
    mut content: impl Parser<&'a [u8], Output = T, Error = WireError<'a>>,
) -> Option<(u8, T)> {
    let (&declared, data) = input.split_first()?;
    if !(1..=30).contains(&declared) || data.len() <= usize::from(declared) {
        return None;
    }
    match content.parse(data) {
        Ok(([], value)) => Some((declared, value)),
        _ => None,
    }
}

/// A header value's reading `read` of `input` when it reads all of it; else, when `input` is
/// a value whose Short-length is smaller than its content ([`short_delimited`]) and `make`
/// builds the value from the declared length and the content, that value; else `read`.
#[inline]
pub(super) fn or_short_length<'a, T, C>(
    input: &'a [u8],
    read: PResult<'a, T>,
    content: impl Parser<&'a [u8], Output = C, Error = WireError<'a>>,
    make: impl FnOnce(u8, C) -> Option<T>,
) -> PResult<'a, T> {
    if matches!(&read, Ok((rest, _)) if rest.is_empty()) {
        return read;
    }
    match short_delimited(input, content).and_then(|(declared, c)| make(declared, c)) {
        Some(value) => Ok((input.get(input.len()..).unwrap_or_default(), value)),
        None => read,
    }
}

/// The Short-length `v` writes instead of its content's length: the one it was decoded with,
/// when that is smaller than the content (and a Short-length 1–30, as the decoder takes it).
#[inline]
fn declared<F: Framed + ?Sized>(v: &F, content: usize) -> Option<u8> {
    v.short_length()
        .filter(|&d| (1..=30).contains(&d) && usize::from(d) < content)
}

/// Octets of the framed value `v`.
#[inline]
pub(super) fn frame_len<F: Framed + ?Sized>(v: &F) -> usize {
    let content = v.content_len();
    match declared(v, content) {
        Some(_) => 1 + content,
        None => delimited_len(v.length_form(), content),
    }
}

/// Writes the framed value `v`: its Value-length, then its content.
#[inline]
pub(super) fn write_frame<F: Framed + ?Sized, W: Writer + ?Sized>(
    v: &F,
    w: &mut W,
) -> Result<(), EncodeError> {
    let content = v.content_len();
    match declared(v, content) {
        Some(d) => w.write_u8(d)?,
        None => write_length(w, v.length_form(), content, F::FIELD)?,
    }
    v.encode_content(w)
}

/// The deviation of the framed value `v`: its Value-length's, then its content's. A
/// Short-length smaller than the content is not one here: the header index reports it.
#[inline]
pub(super) fn frame_deviation<F: Framed + ?Sized>(v: &F) -> Option<Deviation> {
    let content = v.content_len();
    match declared(v, content) {
        Some(_) => None,
        None => length_deviation(v.length_form(), content),
    }
    .or_else(|| v.content_deviation())
}

/// A value framed as `Value-length content` (From, Time-value, Previously-Sent-*, MM-Flags,
/// Mbox-Totals/-Quotas, Element-Descriptor): what each says of its content, from which
/// [`framed_values!`] makes the [`Encode`] and [`HeaderValue`] that frame it.
///
/// [`HeaderValue`]: super::HeaderValue
pub(super) trait Framed {
    /// The field, as named in encoding errors.
    const FIELD: &'static str;
    /// The Value-length form used.
    fn length_form(&self) -> LengthForm;
    /// Octets of the content.
    fn content_len(&self) -> usize;
    /// Writes the content.
    fn encode_content<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError>;
    /// A deviation of the content; the Value-length's own comes first.
    fn content_deviation(&self) -> Option<Deviation>;
    /// The Short-length the value was decoded with when it was smaller than the content
    /// ([`short_delimited`]), written back instead of the content's length; `None` for every
    /// built value.
    fn short_length(&self) -> Option<u8> {
        None
    }
}

/// [`Encode`] and [`HeaderValue`](super::HeaderValue) for [`Framed`] values, each with the
/// function that decodes it: `framed_values!(MmFlags<'a> => mm_flags)`.
macro_rules! framed_values {
    ($($t:ty => $decoder:ident),+ $(,)?) => {$(
        impl<'a> $crate::codec::Encode for $t {
            fn encoded_len(&self) -> usize {
                $crate::mms::values::wire::frame_len(self)
            }
            fn encode<W: $crate::codec::Writer + ?Sized>(
                &self,
                w: &mut W,
            ) -> Result<(), $crate::base::error::EncodeError> {
                $crate::mms::values::wire::write_frame(self, w)
            }
        }

        impl<'a> $crate::mms::values::HeaderValue<'a> for $t {
            fn decode_value(
                input: &'a [u8],
                _: &$crate::mms::values::DecodeContext,
            ) -> $crate::codec::PResult<'a, Self> {
                $decoder(input)
            }
            fn deviation(&self) -> Option<$crate::base::error::Deviation> {
                $crate::mms::values::wire::frame_deviation(self)
            }
        }
    )+};
}
pub(super) use framed_values;

/// Deviation of an Integer-value in a field where both forms are legal: only leading zero
/// octets of a Long-integer count (a Long-integer for a small value is allowed).
pub(super) fn integer_deviation(v: &IntegerValue) -> Option<Deviation> {
    match v.form {
        IntegerForm::Long(n) if n > LongInteger::minimal_octets(v.value) => {
            Some(Deviation::NonMinimalInteger)
        }
        _ => None,
    }
}

/// Deviation of an Encoded-string-value. Unlike [`EncodedString::deviation`], a charset sent
/// as a Long-integer (AOSP-style `02 03 E8` is legal, and so is `01 6A`) is not one; only
/// zero-padding is.
pub(super) fn encoded_string_deviation(s: &EncodedString<'_>) -> Option<Deviation> {
    s.deviation_with(integer_deviation)
}

/// Deviation of a Long-integer: leading zero octets.
pub(super) fn long_deviation(v: &LongInteger) -> Option<Deviation> {
    (!v.is_minimal()).then_some(Deviation::NonMinimalInteger)
}

/// Decodes a Text-string whose first octet is text, a Quote or the empty-string NUL (an
/// octet 0x01–0x1F would start a Value-length, not a text).
pub(super) fn text(input: &[u8]) -> PResult<'_, TextString<'_>> {
    match input.first() {
        Some(&b) if (1..0x20).contains(&b) => unexpected(input, Expected::TextString),
        _ => text_string(input),
    }
}

/// Decodes a single token octet (≥ 0x80), kept whole.
pub(super) fn token_octet(input: &[u8]) -> PResult<'_, u8> {
    match input.split_first() {
        Some((&b, rest)) if b >= 0x80 => Ok((rest, b)),
        _ => unexpected(input, Expected::Token),
    }
}

pub(super) fn write_token<W: Writer + ?Sized>(w: &mut W, b: u8) -> Result<(), EncodeError> {
    if b < 0x80 {
        return Err(EncodeError::Unencodable {
            field: "token",
            reason: "a token octet is 0x80..=0xFF",
        });
    }
    w.write_u8(b)
}
