//! Content-type and Content-Disposition parameters: one parameter's grammar, the lazy iterators
//! over a parameter list, and the list as a value keeps it (WAP-230-WSP §8.4.2.4; parameter numbers
//! from its Table 38).

use alloc::vec::Vec;

use super::media::MediaValue;
use super::param_value::{
    IntegerOrText, TypedValue, UntypedValue, starts_integer_value, text_value_for, typed_value,
    untyped_value,
};
use crate::assigned::{ParamValueType, WellKnownParameter};
use crate::base::error::{DecodeErrorKind, EncodeError};
use crate::codec::{
    DOUBLE_QUOTE, Encode, IntegerValue, PResult, TextString, TextValue, Token, Writer, fail,
    integer_value, skip_value, token_text,
};

/// One content-type (or Content-Disposition) parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Parameter<'a> {
    /// A well-known parameter: its code as sent (Integer-value) and its value.
    Typed {
        /// The parameter number (WAP-230-WSP Table 38) in its wire form.
        code: IntegerValue,
        /// The value.
        value: TypedValue<'a>,
    },
    /// A textual parameter: Token-text name and Integer-value or Text-value.
    Untyped {
        /// The name.
        name: Token<'a>,
        /// The value.
        value: UntypedValue<'a>,
    },
    /// Octets that do not read as a parameter, kept whole and written back unchanged (the
    /// rest of the value when even the generic value shape (WAP-230-WSP §8.4.1.2) does not fit).
    Raw(#[cfg_attr(feature = "serde", serde(with = "crate::base::serde_util::octets"))] &'a [u8]),
}

impl<'a> Parameter<'a> {
    /// A typed parameter with the canonical code.
    pub fn typed(code: WellKnownParameter, value: TypedValue<'a>) -> Self {
        Parameter::Typed {
            code: IntegerValue::new(u64::from(code.0)),
            value,
        }
    }

    /// A textual parameter `name=value`; the value becomes a Token-text when it is a token,
    /// else a Quoted-string (No-value when empty).
    pub fn untyped(name: &'a [u8], value: &'a [u8]) -> Self {
        Parameter::Untyped {
            name: Token::new(name),
            value: IntegerOrText::Text(text_value_for(value)),
        }
    }

    /// The well-known parameter code, for a typed parameter whose code fits the table.
    pub fn code(&self) -> Option<WellKnownParameter> {
        match self {
            Parameter::Typed { code, .. } => u8::try_from(code.value).ok().map(WellKnownParameter),
            _ => None,
        }
    }

    /// The parameter's name: the well-known name (as in the table, e.g. `Charset`) or the
    /// token text.
    pub fn name(&self) -> Option<&'a str> {
        match self {
            Parameter::Typed { .. } => self.code().and_then(WellKnownParameter::name),
            Parameter::Untyped { name, .. } => name.as_str(),
            Parameter::Raw(_) => None,
        }
    }

    /// The textual value, if it is text (see [`TypedValue::as_text`]).
    pub fn text(&self) -> Option<&'a [u8]> {
        match self {
            Parameter::Typed { value, .. } => value.as_text(),
            Parameter::Untyped {
                value: IntegerOrText::Text(t),
                ..
            } => Some(t.as_bytes()),
            _ => None,
        }
    }

    /// True for a textual parameter named `wanted` (ASCII case-insensitive).
    /// Whether this is the parameter with one of the well-known `codes`, or the untyped one
    /// named `untyped` (ASCII case ignored).
    pub(super) fn is_named(&self, codes: &[WellKnownParameter], untyped: &str) -> bool {
        self.code().is_some_and(|c| codes.contains(&c)) || self.has_untyped_name(untyped)
    }

    pub(super) fn has_untyped_name(&self, wanted: &str) -> bool {
        matches!(self, Parameter::Untyped { name, .. } if name.bytes.eq_ignore_ascii_case(wanted.as_bytes()))
    }
}

impl Encode for Parameter<'_> {
    fn encoded_len(&self) -> usize {
        match self {
            Parameter::Typed { code, value } => code.encoded_len() + value.encoded_len(),
            Parameter::Untyped { name, value } => name.encoded_len() + value.encoded_len(),
            Parameter::Raw(r) => r.len(),
        }
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        if self.text_needs_check() {
            self.check_reads_back()?;
        }
        self.encode_unchecked(w)
    }
}

impl Parameter<'_> {
    fn encode_unchecked<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            Parameter::Typed { code, value } => {
                code.encode(w)?;
                value.encode(w)
            }
            Parameter::Untyped { name, value } => {
                name.encode(w)?;
                value.encode(w)
            }
            Parameter::Raw(r) => w.write_bytes(r),
        }
    }

    /// A text value whose first octet is a control octet, a `"` or the Quote can read back as
    /// another form (a Long-integer, a Quoted-string, No-value): such values are checked
    /// (fuzz finding, `built_pdu`). Decoded values always pass; the check is off the common path.
    fn text_needs_check(&self) -> bool {
        let text: Option<&[u8]> = match self {
            // Only terminated texts: one cut off by the end of its bounded value was decoded
            // so and re-encodes as it came.
            Parameter::Typed { value, .. } => match value {
                TypedValue::TextString(t) if !t.quoted && t.nuls == 1 => Some(t.bytes),
                TypedValue::Media(MediaValue::Text(t)) if t.terminated => Some(t.bytes),
                TypedValue::Text(TextValue::Token(t)) if t.terminated => Some(t.bytes),
                _ => None,
            },
            Parameter::Untyped {
                value: IntegerOrText::Text(TextValue::Token(t)),
                ..
            } if t.terminated => Some(t.bytes),
            _ => None,
        };
        text.is_some_and(|t| {
            t.first()
                .is_none_or(|&b| b < 0x20 || b == DOUBLE_QUOTE || b >= 0x7F)
        })
    }

    fn check_reads_back(&self) -> Result<(), EncodeError> {
        let mut wire = Vec::with_capacity(self.encoded_len());
        self.encode_unchecked(&mut wire)?;
        match parameter(&wire) {
            Ok(([], back)) if back == *self => Ok(()),
            _ => Err(EncodeError::Unencodable {
                field: "content-type parameter",
                reason: "text value would read back as another value (control octet, quote)",
            }),
        }
    }
}

/// Reads one parameter. Never fails on non-empty input: what does not read as a parameter is
/// kept as [`Parameter::Raw`] (the value skipped by its first octet, else the rest of the
/// bounded input), so a parameter list always re-encodes exactly.
///
/// # Errors
/// `UnexpectedEnd` on empty input.
pub fn parameter(input: &[u8]) -> PResult<'_, Parameter<'_>> {
    match usual_parameter(input) {
        Some(found) => Ok(found),
        None => any_parameter(input),
    }
}

/// [`parameter`], every form.
fn any_parameter(input: &[u8]) -> PResult<'_, Parameter<'_>> {
    let Some(&first) = input.first() else {
        return fail(input, DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 });
    };
    let parsed: Option<PResult<'_, Parameter<'_>>> = if starts_integer_value(first) {
        Some(integer_value(input).and_then(|(rest, code)| {
            let kind = u8::try_from(code.value)
                .map(|c| WellKnownParameter(c).value_type())
                .unwrap_or(ParamValueType::UntypedValue);
            let (rest, value) = typed_value(rest, kind)?;
            Ok((rest, Parameter::Typed { code, value }))
        }))
    } else if (0x20..0x7F).contains(&first) {
        Some(token_text(input).and_then(|(rest, name)| {
            let (rest, value) = untyped_value(rest)?;
            Ok((rest, Parameter::Untyped { name, value }))
        }))
    } else {
        None
    };
    if let Some(Ok(ok)) = parsed {
        return Ok(ok);
    }
    // Not a parameter we can read: keep the token and its value (skipped by shape) raw, or
    // failing that, everything that is left.
    let skipped = if starts_integer_value(first) {
        integer_value(input).and_then(|(rest, _)| skip_value(rest))
    } else if (0x20..0x7F).contains(&first) {
        token_text(input).and_then(|(rest, _)| skip_value(rest))
    } else {
        fail(input, DecodeErrorKind::MissingTerminator)
    };
    let rest = match skipped {
        Ok((rest, _)) => rest,
        Err(_) => &[],
    };
    let used = input.len() - rest.len();
    Ok((rest, Parameter::Raw(input.get(..used).unwrap_or(input))))
}

/// The parameters nearly every part carries, read as [`any_parameter`] reads them without
/// going through it: a Short-integer code whose value is a Text-string starting with a text
/// octet (`name`, `filename`, `start`: `85 "a.jpg" 00`), and the charset as a Short-integer
/// (`81 EA`). The general path decodes the code as an Integer-value, looks its value type up,
/// and tries the typed value, the text value and the raw forms in turn, each result wrapped in
/// an `Option` (callgrind, the SonyEricsson T310 send-req, whose four parts carry a `name`
/// each and two a charset: 637 instructions less per decode and walk).
fn usual_parameter(input: &[u8]) -> Option<(&[u8], Parameter<'_>)> {
    let (&first, rest) = input.split_first()?;
    let &value_first = rest.first()?;
    if first < 0x80 {
        return None;
    }
    let code = IntegerValue::short(first);
    match WellKnownParameter(first & 0x7F).value_type() {
        ParamValueType::TextString
            if (0x20..0x7F).contains(&value_first) && value_first != DOUBLE_QUOTE =>
        {
            // A text octet first (not the Quote, 0x7F): the octets up to the NUL. Cut here
            // rather than by a call of `text_string`, whose call and 64-octet result cost 188
            // instructions more per decode and walk of the T310.
            let (bytes, after) = crate::codec::until_nul(rest)?;
            let text = TextString {
                bytes,
                quoted: false,
                nuls: 1,
            };
            Some((
                after,
                Parameter::Typed {
                    code,
                    value: TypedValue::TextString(text),
                },
            ))
        }
        ParamValueType::WellKnownCharset if value_first >= 0x80 => Some((
            rest.get(1..)?,
            Parameter::Typed {
                code,
                value: TypedValue::Integer(IntegerValue::short(value_first)),
            },
        )),
        _ => None,
    }
}

/// A lazy iterator over the parameters of a raw parameter list.
#[derive(Debug, Clone)]
pub struct Params<'a> {
    raw: &'a [u8],
}

impl<'a> Params<'a> {
    /// Iterates over the parameters encoded in `raw` (a bounded parameter list).
    pub fn new(raw: &'a [u8]) -> Self {
        Params { raw }
    }
}

impl<'a> Iterator for Params<'a> {
    type Item = Parameter<'a>;

    fn next(&mut self) -> Option<Parameter<'a>> {
        if self.raw.is_empty() {
            return None;
        }
        match parameter(self.raw) {
            Ok((rest, p)) => {
                self.raw = rest;
                Some(p)
            }
            Err(_) => {
                let p = Parameter::Raw(self.raw);
                self.raw = &[];
                Some(p)
            }
        }
    }
}

/// An iterator over the parameters of a [`ContentType`](super::ContentType) (or a
/// Content-Disposition), borrowing it.
#[derive(Debug, Clone)]
pub struct ParamIter<'c, 'a> {
    inner: ParamsInner<'a, 'c>,
}

#[derive(Debug, Clone)]
enum ParamsInner<'a, 'c> {
    Wire(Params<'a>),
    Built(core::slice::Iter<'c, Parameter<'a>>),
}

impl<'a> Iterator for ParamIter<'_, 'a> {
    type Item = Parameter<'a>;

    fn next(&mut self) -> Option<Parameter<'a>> {
        match &mut self.inner {
            ParamsInner::Wire(p) => p.next(),
            ParamsInner::Built(it) => it.next().copied(),
        }
    }
}

/// A parameter list as a value keeps it: the bounded octets of a decoded value (decoded
/// lazily and written back unchanged) or the parameters of a built one. Content-type and
/// Content-Disposition values both hold their parameters this way.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum ParamStore<'a> {
    /// The parameter octets of a decoded value.
    Wire(&'a [u8]),
    /// The parameters of a built (or deserialized) value.
    Built(Vec<Parameter<'a>>),
}

impl<'a> ParamStore<'a> {
    /// The parameters in order.
    pub(crate) fn iter(&self) -> ParamIter<'_, 'a> {
        ParamIter {
            inner: match self {
                ParamStore::Wire(raw) => ParamsInner::Wire(Params::new(raw)),
                ParamStore::Built(v) => ParamsInner::Built(v.iter()),
            },
        }
    }

    /// Appends a parameter (a decoded list is decoded into a built one first).
    pub(crate) fn push(&mut self, param: Parameter<'a>) {
        if let ParamStore::Wire(raw) = *self {
            *self = ParamStore::Built(Params::new(raw).collect());
        }
        if let ParamStore::Built(v) = self {
            v.push(param);
        }
    }
}

impl Default for ParamStore<'_> {
    /// No parameters.
    fn default() -> Self {
        ParamStore::Built(Vec::new())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ParamStore<'_> {
    /// The parameters, decoded, as a sequence: a decoded and a built list read the same.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let params: Vec<Parameter<'_>> = self.iter().collect();
        params.serialize(s)
    }
}

#[cfg(feature = "serde")]
impl<'de: 'a, 'a> serde::Deserialize<'de> for ParamStore<'a> {
    /// The sequence [`Serialize`](serde::Serialize) writes, as a built list.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<Parameter<'a>>::deserialize(d).map(ParamStore::Built)
    }
}

impl Encode for ParamStore<'_> {
    fn encoded_len(&self) -> usize {
        match self {
            ParamStore::Wire(raw) => raw.len(),
            ParamStore::Built(v) => v.iter().map(Encode::encoded_len).sum(),
        }
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            ParamStore::Wire(raw) => w.write_bytes(raw),
            ParamStore::Built(v) => v.iter().try_for_each(|p| p.encode(w)),
        }
    }
}

/// The first parameter that has one of the well-known `codes` or is the textual parameter
/// named `untyped`: how every named accessor (`charset`, `name`, `filename`, `start`) finds
/// its parameter, in a content type and a Content-Disposition alike.
pub(super) fn find_param<'a>(
    mut params: impl Iterator<Item = Parameter<'a>>,
    codes: &[WellKnownParameter],
    untyped: &str,
) -> Option<Parameter<'a>> {
    params.find(|p| p.is_named(codes, untyped))
}

/// The text of the `name` parameter (0x85, or 0x97 from WSP 1.4).
pub(crate) fn name_param<'a>(params: impl Iterator<Item = Parameter<'a>>) -> Option<&'a [u8]> {
    find_param(
        params,
        &[WellKnownParameter::NAME, WellKnownParameter::NAME_1_4],
        "name",
    )?
    .text()
}

/// The text of the `filename` parameter (0x86, or 0x98 from WSP 1.4).
pub(crate) fn filename_param<'a>(params: impl Iterator<Item = Parameter<'a>>) -> Option<&'a [u8]> {
    find_param(
        params,
        &[
            WellKnownParameter::FILENAME,
            WellKnownParameter::FILENAME_1_4,
        ],
        "filename",
    )?
    .text()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wsp::content_type::tests::round_trip;
    use alloc::vec;

    proptest::proptest! {
        /// The usual parameters are read as the general path reads them.
        #[test]
        fn a_usual_parameter_reads_as_any_parameter(
            input in proptest::collection::vec(
                proptest::prop_oneof![
                    3 => proptest::sample::select(vec![0u8, b'a', b'"', 0x7F, 0x81, 0x85, 0x8A, 0xEA]),
                    1 => proptest::prelude::any::<u8>(),
                ],
                0..10,
            ),
        ) {
            if let Some(usual) = usual_parameter(&input) {
                proptest::prop_assert_eq!(Ok(usual), any_parameter(&input));
            }
        }
    }

    #[test]
    fn usual_parameters_only() {
        assert!(usual_parameter(b"\x85a.jpg\0").is_some());
        assert!(usual_parameter(&[0x81, 0xEA]).is_some());
        // A quoted or quote-prefixed text, a Long-integer charset, an untyped name, a text
        // without NUL: the general path.
        assert!(usual_parameter(b"\x85\"a\0").is_none());
        assert!(usual_parameter(b"\x85\x7F\xE9\0").is_none());
        assert!(usual_parameter(&[0x81, 0x02, 0x03, 0xF7]).is_none());
        assert!(usual_parameter(b"name\0a\0").is_none());
        assert!(usual_parameter(b"\x85a.jpg").is_none());
    }

    #[test]
    fn unknown_params_kept_raw() {
        // An unknown typed code with an untyped value, an untyped param, No-value, and junk.
        let mut b = vec![0x00, 0x83, 0xBF, 0x85, 0x9D, 0x00];
        b.extend_from_slice(b"x-foo\0bar\0");
        b.extend_from_slice(&[0x1F, 0xFF]);
        b[0] = u8::try_from(b.len() - 1).unwrap();
        let ct = round_trip(&b);
        let ps: Vec<_> = ct.params().collect();
        assert_eq!(ps.len(), 4);
        assert!(matches!(ps[2], Parameter::Untyped { .. }));
        assert_eq!(ps[3], Parameter::Raw(&[0x1F, 0xFF]));
        assert!(ct.has_raw_params());
    }
}
