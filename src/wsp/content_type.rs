//! Content-type values with their parameters (WSP 8.4.2.24, 8.4.2.4; REFERENCE.md §1.5, §1.9,
//! §2, §3, §11.1, §11.5, §11.13, §11.29).
//!
//! A [`ContentType`] mirrors the wire: the short form (one Short-integer octet, or an
//! Extension-media text) or the general form (Value-length, media, parameters). Decoded
//! parameters stay as the raw bounded slice and are decoded on demand by
//! [`ContentType::params`]; anything a parameter grammar does not cover is kept as
//! [`Parameter::Raw`] octets so it is written back unchanged.

use alloc::vec::Vec;
use core::fmt;

use crate::assigned::{Charset, ParamValueType, WellKnownMedia, WellKnownParameter};
use crate::base::error::{DecodeErrorKind, EncodeError, Expected};
use crate::codec::{
    DOUBLE_QUOTE, DateValue, Encode, IntegerForm, IntegerValue, LengthForm, PResult, QValue,
    TextString, TextValue, Token, ValueLength, Version, Writer, date_value, fail, integer_value,
    length_prefixed, q_value, skip_value, text_string, text_value, token_text, unexpected,
    version_value,
};

// ---------------------------------------------------------------------------------------------
// Media

/// The media of a content type as it was sent: a well-known number (Integer-value, which keeps
/// a Long-integer such as the registered 0x0201) or an Extension-media text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum MediaValue<'a> {
    /// A well-known or registered number (REFERENCE.md §3) in its wire form.
    Number(IntegerValue),
    /// Extension-media text (without its NUL; `terminated` is false only when the text ran to
    /// the end of a bounded value).
    #[cfg_attr(feature = "serde", serde(borrow))]
    Text(Token<'a>),
}

impl<'a> MediaValue<'a> {
    /// The normalised media.
    pub fn media(&self) -> Media<'a> {
        match self {
            MediaValue::Number(n) => match u32::try_from(n.value) {
                Ok(v) => Media::WellKnown(WellKnownMedia(v)),
                Err(_) => Media::WellKnown(WellKnownMedia(u32::MAX)),
            },
            MediaValue::Text(t) => Media::Text(t.bytes),
        }
    }

    /// The canonical wire form of `media`.
    pub fn new(media: Media<'a>) -> Self {
        match media {
            Media::WellKnown(m) => MediaValue::Number(IntegerValue::new(u64::from(m.0))),
            Media::Text(t) => MediaValue::Text(Token::new(t)),
        }
    }

    fn is_short_integer(&self) -> bool {
        matches!(
            self,
            MediaValue::Number(IntegerValue {
                form: IntegerForm::Short,
                ..
            })
        )
    }
}

impl Encode for MediaValue<'_> {
    fn encoded_len(&self) -> usize {
        match self {
            MediaValue::Number(n) => n.encoded_len(),
            MediaValue::Text(t) => t.bytes.len() + usize::from(t.terminated),
        }
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            MediaValue::Number(n) => n.encode(w),
            MediaValue::Text(t) => {
                // Extension-media has no Quote rule; only the first octet must read as text.
                match t.bytes.first() {
                    Some(&b) if (0x20..=0x7F).contains(&b) && !t.bytes.contains(&0) => {}
                    None if t.terminated => {}
                    _ => {
                        return Err(EncodeError::Unencodable {
                            field: "Extension-media",
                            reason: "must be text starting with an octet 0x20..=0x7F, no NUL",
                        });
                    }
                }
                w.write_bytes(t.bytes)?;
                if t.terminated {
                    w.write_u8(0)?;
                }
                Ok(())
            }
        }
    }
}

/// A media type, normalised: a well-known number or a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Media<'a> {
    /// A well-known or registered number (REFERENCE.md §3).
    WellKnown(WellKnownMedia),
    /// A textual media type such as `application/smil`.
    Text(
        #[cfg_attr(
            feature = "serde",
            serde(
                serialize_with = "crate::base::serde_util::bytes",
                deserialize_with = "crate::base::serde_util::borrowed_bytes"
            )
        )]
        &'a [u8],
    ),
}

impl<'a> Media<'a> {
    /// The media type's name: the registered name of a number, or the text when it is UTF-8.
    pub fn name(&self) -> Option<&'a str> {
        match self {
            Media::WellKnown(m) => m.name(),
            Media::Text(t) => core::str::from_utf8(t).ok(),
        }
    }

    /// True when this is `media`, by number or by name (ASCII case-insensitive).
    pub fn is(&self, media: WellKnownMedia) -> bool {
        match self {
            Media::WellKnown(m) => *m == media,
            Media::Text(t) => {
                media
                    .name()
                    .is_some_and(|n| n.as_bytes().eq_ignore_ascii_case(t))
                    || core::str::from_utf8(t)
                        .ok()
                        .and_then(WellKnownMedia::from_name)
                        == Some(media)
            }
        }
    }

    /// True for `multipart/*` and `application/vnd.wap.multipart.*` types.
    pub fn is_multipart(&self) -> bool {
        let name: &[u8] = match self {
            Media::WellKnown(m) => match m.name() {
                Some(n) => n.as_bytes(),
                None => return false,
            },
            Media::Text(t) => t,
        };
        starts_with_ignore_case(name, b"multipart/")
            || starts_with_ignore_case(name, b"application/vnd.wap.multipart.")
    }
}

fn starts_with_ignore_case(s: &[u8], prefix: &[u8]) -> bool {
    s.get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
}

impl fmt::Display for Media<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Media::WellKnown(m) => match m.name() {
                Some(n) => f.write_str(n),
                None => write!(f, "application/x-wsp-{:#x}", m.0),
            },
            Media::Text(t) => write_lossy(f, t),
        }
    }
}

fn write_lossy(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
    for chunk in bytes.utf8_chunks() {
        f.write_str(chunk.valid())?;
        if !chunk.invalid().is_empty() {
            f.write_str("\u{FFFD}")?;
        }
    }
    Ok(())
}

/// Reads the media of the general form: an Integer-value or Extension-media text (a missing
/// NUL at the end of the bounded value is accepted).
fn media_value(input: &[u8]) -> PResult<'_, MediaValue<'_>> {
    match input.first() {
        Some(&b) if b >= 0x80 || (1..=30).contains(&b) => {
            let (rest, n) = integer_value(input)?;
            Ok((rest, MediaValue::Number(n)))
        }
        Some(&b) if b >= 0x20 || b == 0 => {
            let (rest, t) = extension_media(input, true)?;
            Ok((rest, MediaValue::Text(t)))
        }
        _ => unexpected(input, Expected::ContentType),
    }
}

/// Extension-media: `*TEXT NUL`, no Quote rule.
fn extension_media(input: &[u8], bounded: bool) -> PResult<'_, Token<'_>> {
    match crate::codec::find_nul(input) {
        Some(pos) => {
            let bytes = input.get(..pos).unwrap_or(&[]);
            let rest = input.get(pos + 1..).unwrap_or(&[]);
            Ok((
                rest,
                Token {
                    bytes,
                    terminated: true,
                },
            ))
        }
        None if bounded && !input.is_empty() => Ok((
            &[],
            Token {
                bytes: input,
                terminated: false,
            },
        )),
        None => fail(input, DecodeErrorKind::MissingTerminator),
    }
}

// ---------------------------------------------------------------------------------------------
// Parameters

/// The value of a typed (well-known) parameter, decoded by the type its code expects
/// ([`WellKnownParameter::value_type`]) or by whichever form the sender used instead
/// (REFERENCE.md §1.9: No-value, or a Text-value in place of a compact value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum TypedValue<'a> {
    /// No-value (`00`): present without a value.
    NoValue,
    /// An Integer-value: a charset MIBenum (0 = Any-charset `80`), Type, Size, Padding, SEC,
    /// Max-Age, a Field-name code, or an integer sent where another form was expected.
    Integer(IntegerValue),
    /// A Q-value.
    Q(QValue),
    /// A Version-value (Level).
    Version(Version<'a>),
    /// A Date-value (Creation-, Modification-, Read-date).
    Date(DateValue),
    /// Constrained-encoding: a short media number or Extension-media (multipart/related
    /// `type`, 0x89).
    Media(MediaValue<'a>),
    /// A Text-string (name 0x85, filename 0x86, start 0x8A, …; also accepted in place of a
    /// Text-value).
    #[cfg_attr(feature = "serde", serde(borrow))]
    TextString(TextString<'a>),
    /// A Text-value: Token-text or Quoted-string (the 1.4 codes 0x92, 0x97–0x9D, a charset
    /// name such as `utf-8`, or text in place of a compact value).
    Text(TextValue<'a>),
}

impl<'a> TypedValue<'a> {
    /// The text of a textual value (Text-string, Token-text, Quoted-string without its
    /// quotes, Extension-media); `None` for numbers. No-value reads as empty text.
    pub fn as_text(&self) -> Option<&'a [u8]> {
        match self {
            TypedValue::NoValue => Some(&[]),
            TypedValue::TextString(t) => Some(t.bytes),
            TypedValue::Text(t) => Some(t.as_bytes()),
            TypedValue::Media(MediaValue::Text(t)) => Some(t.bytes),
            TypedValue::Version(Version::Text(t)) => Some(t.bytes),
            _ => None,
        }
    }

    /// The integer of an Integer-value.
    pub fn as_integer(&self) -> Option<u64> {
        match self {
            TypedValue::Integer(i) => Some(i.value),
            TypedValue::Media(MediaValue::Number(i)) => Some(i.value),
            TypedValue::Date(d) => Some(d.value),
            _ => None,
        }
    }
}

impl Encode for TypedValue<'_> {
    fn encoded_len(&self) -> usize {
        match self {
            TypedValue::NoValue => 1,
            TypedValue::Integer(v) => v.encoded_len(),
            TypedValue::Q(v) => v.encoded_len(),
            TypedValue::Version(v) => v.encoded_len(),
            TypedValue::Date(v) => v.encoded_len(),
            TypedValue::Media(v) => v.encoded_len(),
            TypedValue::TextString(v) => v.encoded_len(),
            TypedValue::Text(v) => v.encoded_len(),
        }
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            TypedValue::NoValue => w.write_u8(0),
            TypedValue::Integer(v) => v.encode(w),
            TypedValue::Q(v) => v.encode(w),
            TypedValue::Version(v) => v.encode(w),
            TypedValue::Date(v) => v.encode(w),
            TypedValue::Media(v) => v.encode(w),
            TypedValue::TextString(v) => v.encode(w),
            TypedValue::Text(v) => v.encode(w),
        }
    }
}

/// The value of an untyped (textual) parameter: Integer-value or Text-value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum UntypedValue<'a> {
    /// An Integer-value.
    Integer(IntegerValue),
    /// A Text-value (No-value, Token-text or Quoted-string).
    #[cfg_attr(feature = "serde", serde(borrow))]
    Text(TextValue<'a>),
}

impl Encode for UntypedValue<'_> {
    fn encoded_len(&self) -> usize {
        match self {
            UntypedValue::Integer(v) => v.encoded_len(),
            UntypedValue::Text(v) => v.encoded_len(),
        }
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            UntypedValue::Integer(v) => v.encode(w),
            UntypedValue::Text(v) => v.encode(w),
        }
    }
}

/// One content-type (or Content-Disposition) parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Parameter<'a> {
    /// A well-known parameter: its code as sent (Integer-value) and its value.
    Typed {
        /// The parameter number (REFERENCE.md §2) in its wire form.
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
    /// rest of the value when even the generic value shape (§1.1) does not fit).
    Raw(
        #[cfg_attr(
            feature = "serde",
            serde(
                serialize_with = "crate::base::serde_util::bytes",
                deserialize_with = "crate::base::serde_util::borrowed_bytes"
            )
        )]
        &'a [u8],
    ),
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
            value: UntypedValue::Text(text_value_for(value)),
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
                value: UntypedValue::Text(t),
                ..
            } => Some(t.as_bytes()),
            _ => None,
        }
    }

    fn has_untyped_name(&self, wanted: &str) -> bool {
        matches!(self, Parameter::Untyped { name, .. } if name.bytes.eq_ignore_ascii_case(wanted.as_bytes()))
    }
}

/// A Text-string parameter value, or No-value when empty (the two are the same octet `00`).
fn text_string_value(bytes: &[u8]) -> TypedValue<'_> {
    if bytes.is_empty() {
        TypedValue::NoValue
    } else {
        TypedValue::TextString(TextString::new(bytes))
    }
}

/// The canonical Text-value for `bytes`: No-value when empty, Token-text when every octet is an
/// RFC 2616 token character, else a Quoted-string.
pub fn text_value_for(bytes: &[u8]) -> TextValue<'_> {
    if bytes.is_empty() {
        TextValue::NoValue
    } else if bytes.iter().all(|&b| is_token_char(b)) {
        TextValue::Token(Token::new(bytes))
    } else {
        TextValue::Quoted(crate::codec::QuotedString::new(bytes))
    }
}

fn is_token_char(b: u8) -> bool {
    b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?={}".contains(&b)
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
                value: UntypedValue::Text(TextValue::Token(t)),
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
        let mut wire = alloc::vec::Vec::with_capacity(self.encoded_len());
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

/// Reads a typed value of the expected `kind`, falling back to the other forms §1.9 allows.
fn typed_value(input: &[u8], kind: ParamValueType) -> PResult<'_, TypedValue<'_>> {
    if let Some((0, rest)) = input.split_first() {
        return Ok((rest, TypedValue::NoValue));
    }
    let first = input.first().copied().unwrap_or(0);
    let expected: Option<PResult<'_, TypedValue<'_>>> = match kind {
        ParamValueType::QValue => Some(q_value(input).map(|(r, v)| (r, TypedValue::Q(v)))),
        ParamValueType::VersionValue if first != DOUBLE_QUOTE => {
            Some(version_value(input).map(|(r, v)| (r, TypedValue::Version(v))))
        }
        ParamValueType::DateValue => Some(date_value(input).map(|(r, v)| (r, TypedValue::Date(v)))),
        ParamValueType::ConstrainedEncoding if first >= 0x80 => {
            Some(integer_value(input).map(|(r, v)| (r, TypedValue::Media(MediaValue::Number(v)))))
        }
        ParamValueType::ConstrainedEncoding if first >= 0x20 && first != DOUBLE_QUOTE => Some(
            extension_media(input, false).map(|(r, v)| (r, TypedValue::Media(MediaValue::Text(v)))),
        ),
        ParamValueType::TextString if first != DOUBLE_QUOTE => {
            Some(text_string(input).map(|(r, v)| (r, TypedValue::TextString(v))))
        }
        _ => None,
    };
    if let Some(Ok(ok)) = expected {
        return Ok(ok);
    }
    if first >= 0x80 || (1..=30).contains(&first) {
        return integer_value(input).map(|(r, v)| (r, TypedValue::Integer(v)));
    }
    match text_value(input) {
        Ok((r, v)) => Ok((r, TypedValue::Text(v))),
        Err(_) if first >= 0x20 => text_string(input).map(|(r, v)| (r, TypedValue::TextString(v))),
        Err(e) => Err(e),
    }
}

fn untyped_value(input: &[u8]) -> PResult<'_, UntypedValue<'_>> {
    match input.first() {
        Some(&b) if b >= 0x80 || (1..=30).contains(&b) => {
            integer_value(input).map(|(r, v)| (r, UntypedValue::Integer(v)))
        }
        _ => text_value(input).map(|(r, v)| (r, UntypedValue::Text(v))),
    }
}

/// Reads one parameter. Never fails on non-empty input: what does not read as a parameter is
/// kept as [`Parameter::Raw`] (the value skipped by its first octet, else the rest of the
/// bounded input), so a parameter list always re-encodes exactly.
///
/// # Errors
/// `UnexpectedEnd` on empty input.
pub fn parameter(input: &[u8]) -> PResult<'_, Parameter<'_>> {
    let Some(&first) = input.first() else {
        return fail(input, DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 });
    };
    let parsed: Option<PResult<'_, Parameter<'_>>> = if first >= 0x80 || (1..=30).contains(&first) {
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
    let skipped = if first >= 0x80 || (1..=30).contains(&first) {
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

/// A lazy iterator over the parameters of a raw parameter list.
#[derive(Debug, Clone)]
pub struct Params<'a> {
    inner: ParamsInner<'a, 'a>,
}

#[derive(Debug, Clone)]
enum ParamsInner<'a, 'b> {
    Wire(&'a [u8]),
    Built(core::slice::Iter<'b, Parameter<'a>>),
}

impl<'a> Params<'a> {
    /// Iterates over the parameters encoded in `raw` (a bounded parameter list).
    pub fn new(raw: &'a [u8]) -> Self {
        Params {
            inner: ParamsInner::Wire(raw),
        }
    }
}

impl<'a> Iterator for Params<'a> {
    type Item = Parameter<'a>;

    fn next(&mut self) -> Option<Parameter<'a>> {
        match &mut self.inner {
            ParamsInner::Wire(raw) => {
                if raw.is_empty() {
                    return None;
                }
                match parameter(raw) {
                    Ok((rest, p)) => {
                        *raw = rest;
                        Some(p)
                    }
                    Err(_) => {
                        let p = Parameter::Raw(raw);
                        *raw = &[];
                        Some(p)
                    }
                }
            }
            ParamsInner::Built(it) => it.next().copied(),
        }
    }
}

/// An iterator over the parameters of a [`ContentType`], borrowing it.
#[derive(Debug, Clone)]
pub struct ParamIter<'c, 'a> {
    inner: ParamsInner<'a, 'c>,
}

impl<'a> Iterator for ParamIter<'_, 'a> {
    type Item = Parameter<'a>;

    fn next(&mut self) -> Option<Parameter<'a>> {
        match &mut self.inner {
            ParamsInner::Wire(raw) => {
                let mut p = Params::new(raw);
                let item = p.next();
                if let ParamsInner::Wire(rest) = p.inner {
                    *raw = rest;
                }
                item
            }
            ParamsInner::Built(it) => it.next().copied(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// ContentType

/// Which of the two Content-type-value forms carries the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ContentTypeForm {
    /// Constrained-media: one Short-integer octet or an Extension-media text, no parameters.
    Short,
    /// Content-general-form: a Value-length (in this form) before media and parameters.
    General(LengthForm),
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum ParamStore<'a> {
    Wire(&'a [u8]),
    Built(Vec<Parameter<'a>>),
}

/// A Content-type-value (WSP 8.4.2.24; REFERENCE.md §1.5).
///
/// ```
/// use mms_pdu::assigned::{Charset, WellKnownMedia};
/// use mms_pdu::codec::{decode_all, Encode};
/// use mms_pdu::wsp::content_type::{content_type, ContentType};
///
/// let ct = decode_all(&[0x03, 0x83, 0x81, 0xEA], content_type).unwrap();
/// assert!(ct.is(WellKnownMedia::TEXT_PLAIN));
/// assert_eq!(ct.charset(), Some(Charset::UTF_8));
/// assert_eq!(ct.to_string(), "text/plain; charset=utf-8");
/// assert_eq!(ct.encode_to_vec().unwrap(), [0x03, 0x83, 0x81, 0xEA]);
///
/// let built = ContentType::well_known(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::UTF_8);
/// assert_eq!(built.encode_to_vec().unwrap(), [0x03, 0x83, 0x81, 0xEA]);
/// ```
#[derive(Debug, Clone, Eq, Hash)]
pub struct ContentType<'a> {
    form: ContentTypeForm,
    media: MediaValue<'a>,
    params: ParamStore<'a>,
}

#[cfg(feature = "serde")]
impl serde::Serialize for ContentType<'_> {
    /// `{ "text": "text/plain; charset=utf-8", "form": ..., "media": ..., "params": [...] }`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let params: Vec<Parameter<'_>> = self.params().collect();
        let mut st = s.serialize_struct("ContentType", 4)?;
        st.serialize_field("text", &alloc::string::ToString::to_string(self))?;
        st.serialize_field("form", &self.form())?;
        st.serialize_field("media", &self.media_value())?;
        st.serialize_field("params", &params)?;
        st.end()
    }
}

#[cfg(feature = "serde")]
impl<'de: 'a, 'a> serde::Deserialize<'de> for ContentType<'a> {
    /// The fields [`Serialize`](serde::Serialize) writes; `text` is only for reading and is
    /// ignored (`form`, `media` and `params` say everything).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct Fields<'a> {
            form: ContentTypeForm,
            #[serde(borrow)]
            media: MediaValue<'a>,
            #[serde(borrow, default)]
            params: Vec<Parameter<'a>>,
        }
        let f = Fields::deserialize(d)?;
        Ok(ContentType {
            form: f.form,
            media: f.media,
            params: ParamStore::Built(f.params),
        })
    }
}

impl PartialEq for ContentType<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.effective_form() == other.effective_form()
            && self.media == other.media
            && self.params().eq(other.params())
    }
}

impl<'a> ContentType<'a> {
    /// A well-known media type without parameters: the one-octet short form for 0x00–0x7F,
    /// else the general form with a Long-integer (registered types such as 0x0201).
    pub fn well_known(media: WellKnownMedia) -> Self {
        let media = MediaValue::new(Media::WellKnown(media));
        let form = if media.is_short_integer() {
            ContentTypeForm::Short
        } else {
            ContentTypeForm::General(LengthForm::Short)
        };
        ContentType {
            form,
            media,
            params: ParamStore::Built(Vec::new()),
        }
    }

    /// A textual media type without parameters (short form), e.g. `application/smil`.
    pub fn text(media: &'a [u8]) -> Self {
        ContentType {
            form: ContentTypeForm::Short,
            media: MediaValue::Text(Token::new(media)),
            params: ParamStore::Built(Vec::new()),
        }
    }

    /// A media type given normalised: the number when `media` is a well-known name, else
    /// the text.
    pub fn new(media: Media<'a>) -> Self {
        match media {
            Media::WellKnown(m) => Self::well_known(m),
            Media::Text(t) => match core::str::from_utf8(t)
                .ok()
                .and_then(WellKnownMedia::from_name)
            {
                Some(m) if m.0 <= 0x7F => Self::well_known(m),
                _ => Self::text(t),
            },
        }
    }

    /// Appends a parameter (switching to the general form).
    #[must_use]
    pub fn with_param(mut self, param: Parameter<'a>) -> Self {
        if self.form == ContentTypeForm::Short {
            self.form = ContentTypeForm::General(LengthForm::Short);
        }
        let mut list = match core::mem::replace(&mut self.params, ParamStore::Built(Vec::new())) {
            ParamStore::Wire(raw) => Params::new(raw).collect(),
            ParamStore::Built(v) => v,
        };
        list.push(param);
        self.params = ParamStore::Built(list);
        self
    }

    /// Appends `charset` (0x81, Well-known-charset).
    #[must_use]
    pub fn with_charset(self, charset: Charset) -> Self {
        self.with_param(Parameter::typed(
            WellKnownParameter::CHARSET,
            TypedValue::Integer(IntegerValue::new(u64::from(charset.0))),
        ))
    }

    /// Appends `name` (0x85, Text-string; the WSP 1.1 code real traffic uses, §11.13).
    #[must_use]
    pub fn with_name(self, name: &'a [u8]) -> Self {
        self.with_param(Parameter::typed(
            WellKnownParameter::NAME,
            text_string_value(name),
        ))
    }

    /// Appends `filename` (0x86, Text-string).
    #[must_use]
    pub fn with_filename(self, filename: &'a [u8]) -> Self {
        self.with_param(Parameter::typed(
            WellKnownParameter::FILENAME,
            text_string_value(filename),
        ))
    }

    /// Appends multipart/related `start` (0x8A, Text-string), e.g. `<smil>`.
    #[must_use]
    pub fn with_start(self, start: &'a [u8]) -> Self {
        self.with_param(Parameter::typed(
            WellKnownParameter::START,
            text_string_value(start),
        ))
    }

    /// Appends multipart/related `type` (0x89, Constrained-encoding), e.g. `application/smil`.
    /// A well-known media number above 0x7F cannot be a Constrained-encoding and is written as
    /// its name.
    #[must_use]
    pub fn with_type(self, media: Media<'a>) -> Self {
        let value = match media {
            Media::WellKnown(m) if m.0 <= 0x7F => MediaValue::new(media),
            Media::WellKnown(m) => MediaValue::Text(Token::new(
                m.name()
                    .map(str::as_bytes)
                    .unwrap_or(b"application/octet-stream"),
            )),
            Media::Text(t) => MediaValue::Text(Token::new(t)),
        };
        let value = match value {
            MediaValue::Text(t) if t.bytes.is_empty() => TypedValue::NoValue,
            v => TypedValue::Media(v),
        };
        self.with_param(Parameter::typed(
            WellKnownParameter::TYPE_MULTIPART_RELATED,
            value,
        ))
    }

    /// The wire form (short or general, with the Value-length form).
    pub fn form(&self) -> ContentTypeForm {
        self.form
    }

    /// The media as sent.
    pub fn media_value(&self) -> MediaValue<'a> {
        self.media
    }

    /// The media, normalised.
    pub fn media(&self) -> Media<'a> {
        self.media.media()
    }

    /// The media type's name: the registered name, or the text when it is UTF-8.
    pub fn media_name(&self) -> Option<&'a str> {
        self.media().name()
    }

    /// True when the media is `media`, by number or by name, ASCII case-insensitive (a push
    /// may carry `application/vnd.wap.mms-message` as text, REFERENCE.md §11.1).
    pub fn is(&self, media: WellKnownMedia) -> bool {
        self.media().is(media)
    }

    /// True for `multipart/*` and `application/vnd.wap.multipart.*` media.
    pub fn is_multipart(&self) -> bool {
        self.media().is_multipart()
    }

    /// The raw parameter octets of a decoded value (`None` for a built one).
    pub fn raw_params(&self) -> Option<&'a [u8]> {
        match self.params {
            ParamStore::Wire(raw) => Some(raw),
            ParamStore::Built(_) => None,
        }
    }

    /// The parameters, in the order they were sent, decoded lazily.
    pub fn params(&self) -> ParamIter<'_, 'a> {
        ParamIter {
            inner: match &self.params {
                ParamStore::Wire(raw) => ParamsInner::Wire(raw),
                ParamStore::Built(v) => ParamsInner::Built(v.iter()),
            },
        }
    }

    fn find(&self, codes: &[WellKnownParameter], untyped: &str) -> Option<Parameter<'a>> {
        self.params()
            .find(|p| p.code().is_some_and(|c| codes.contains(&c)) || p.has_untyped_name(untyped))
    }

    /// The `charset` parameter: a MIBenum (`Charset::ANY` for Any-charset) or a charset name
    /// sent as text (REFERENCE.md §11.5). `None` when absent or the name is unknown.
    pub fn charset(&self) -> Option<Charset> {
        let p = self.find(&[WellKnownParameter::CHARSET], "charset")?;
        match p {
            Parameter::Typed {
                value: TypedValue::Integer(i),
                ..
            }
            | Parameter::Untyped {
                value: UntypedValue::Integer(i),
                ..
            } => u32::try_from(i.value).ok().map(Charset),
            other => other
                .text()
                .and_then(|t| core::str::from_utf8(t).ok())
                .and_then(Charset::from_name),
        }
    }

    /// The multipart/related `start` parameter (0x8A or 0x99), e.g. `<smil>`.
    pub fn start(&self) -> Option<&'a [u8]> {
        self.find(
            &[WellKnownParameter::START, WellKnownParameter::START_1_4],
            "start",
        )?
        .text()
    }

    /// The multipart/related `type` parameter (0x89; also 0x83 when it carries a media type).
    pub fn type_param(&self) -> Option<Media<'a>> {
        self.params().find_map(|p| match (p.code(), p) {
            (
                Some(WellKnownParameter::TYPE_MULTIPART_RELATED),
                Parameter::Typed {
                    value: TypedValue::Media(m),
                    ..
                },
            ) => Some(m.media()),
            (
                Some(WellKnownParameter::TYPE_MULTIPART_RELATED | WellKnownParameter::TYPE),
                Parameter::Typed {
                    value: TypedValue::Integer(i),
                    ..
                },
            ) => Some(MediaValue::Number(i).media()),
            (Some(WellKnownParameter::TYPE_MULTIPART_RELATED | WellKnownParameter::TYPE), p) => {
                p.text().filter(|t| !t.is_empty()).map(Media::Text)
            }
            (None, p) if p.has_untyped_name("type") => p.text().map(Media::Text),
            _ => None,
        })
    }

    /// The `name` parameter (0x85 or 0x97).
    pub fn name(&self) -> Option<&'a [u8]> {
        self.find(
            &[WellKnownParameter::NAME, WellKnownParameter::NAME_1_4],
            "name",
        )?
        .text()
    }

    /// The `filename` parameter (0x86 or 0x98).
    pub fn filename(&self) -> Option<&'a [u8]> {
        self.find(
            &[
                WellKnownParameter::FILENAME,
                WellKnownParameter::FILENAME_1_4,
            ],
            "filename",
        )?
        .text()
    }

    /// True when some parameter did not read and is kept as raw octets.
    pub fn has_raw_params(&self) -> bool {
        self.params().any(|p| matches!(p, Parameter::Raw(_)))
    }

    /// The form as it will be written (a built short Value-length grows to the long form
    /// when the content needs it).
    fn effective_form(&self) -> ContentTypeForm {
        match self.form {
            ContentTypeForm::General(lf) => match self.value_length(lf) {
                Ok(vl) => ContentTypeForm::General(vl.form),
                Err(_) => self.form,
            },
            ContentTypeForm::Short => ContentTypeForm::Short,
        }
    }

    fn content_len(&self) -> usize {
        self.media.encoded_len() + self.params_len()
    }

    fn params_len(&self) -> usize {
        match &self.params {
            ParamStore::Wire(raw) => raw.len(),
            ParamStore::Built(v) => v.iter().map(Encode::encoded_len).sum(),
        }
    }

    fn value_length(&self, lf: LengthForm) -> Result<ValueLength, EncodeError> {
        let len = ValueLength::for_content(self.content_len())?;
        Ok(ValueLength { len: 0, form: lf }.with_len(len.len))
    }

    /// Converts to a `mime::Mime` through the text form, for the cases `mime` can hold.
    #[cfg(feature = "std")]
    pub fn to_mime(&self) -> Option<mime::Mime> {
        use alloc::string::ToString;
        self.to_string().parse().ok()
    }

    /// Builds a content type from a `mime::Mime`: the well-known number when the essence has
    /// one below 0x80, `charset` as a MIBenum when known, `name`/`filename`/`start`/`type` as
    /// the WSP 1.1–1.3 typed parameters (REFERENCE.md §11.13), anything else as textual
    /// parameters.
    #[cfg(feature = "std")]
    pub fn from_mime(m: &'a mime::Mime) -> ContentType<'a> {
        let mut ct = ContentType::new(Media::Text(m.essence_str().as_bytes()));
        for (name, value) in m.params() {
            let v = value.as_str();
            let v = v
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or(v)
                .as_bytes();
            let n = name.as_str();
            ct = if n.eq_ignore_ascii_case("charset") {
                match core::str::from_utf8(v).ok().and_then(Charset::from_name) {
                    Some(c) => ct.with_charset(c),
                    None => ct.with_param(Parameter::typed(
                        WellKnownParameter::CHARSET,
                        TypedValue::Text(text_value_for(v)),
                    )),
                }
            } else if n.eq_ignore_ascii_case("name") {
                ct.with_name(v)
            } else if n.eq_ignore_ascii_case("filename") {
                ct.with_filename(v)
            } else if n.eq_ignore_ascii_case("start") {
                ct.with_start(v)
            } else if n.eq_ignore_ascii_case("type") {
                ct.with_type(Media::Text(v))
            } else {
                ct.with_param(Parameter::untyped(n.as_bytes(), v))
            };
        }
        ct
    }
}

/// Decodes a Content-type-value in either form. Parameters are validated here (each reads as a
/// parameter or is kept raw) and decoded again lazily by [`ContentType::params`].
///
/// # Errors
/// `UnexpectedEnd`/`LengthExceedsInput` when truncated, `MissingTerminator` for a short-form
/// text without NUL, `UnexpectedOctet` for a general form without media.
pub fn content_type(input: &[u8]) -> PResult<'_, ContentType<'_>> {
    crate::codec::in_field(content_type_inner(input), "Content-Type")
}

fn content_type_inner(input: &[u8]) -> PResult<'_, ContentType<'_>> {
    match input.first() {
        Some(&b) if b >= 0x80 => Ok((
            input.get(1..).unwrap_or(&[]),
            ContentType {
                form: ContentTypeForm::Short,
                media: MediaValue::Number(IntegerValue {
                    value: u64::from(b & 0x7F),
                    form: IntegerForm::Short,
                }),
                params: ParamStore::Wire(&[]),
            },
        )),
        Some(&b) if b >= 0x20 => {
            let (rest, t) = extension_media(input, false)?;
            Ok((
                rest,
                ContentType {
                    form: ContentTypeForm::Short,
                    media: MediaValue::Text(t),
                    params: ParamStore::Wire(&[]),
                },
            ))
        }
        Some(_) => {
            let (rest, (vl, body)) = length_prefixed(input)?;
            if body.is_empty() {
                return unexpected(body, Expected::ContentType);
            }
            let (params, media) = media_value(body)?;
            // Validate once: every octet reads as a parameter or a raw run (cannot fail, but
            // walking it here bounds the work done later to what was already checked).
            Ok((
                rest,
                ContentType {
                    form: ContentTypeForm::General(vl.form),
                    media,
                    params: ParamStore::Wire(params),
                },
            ))
        }
        None => fail(input, DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 }),
    }
}

impl Encode for ContentType<'_> {
    fn encoded_len(&self) -> usize {
        match self.form {
            ContentTypeForm::Short => self.media.encoded_len(),
            ContentTypeForm::General(lf) => {
                let content = self.content_len();
                match self.value_length(lf) {
                    Ok(vl) => vl.encoded_len() + content,
                    Err(_) => ValueLength::canonical_len(content) + content,
                }
            }
        }
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self.form {
            ContentTypeForm::Short => {
                let ok = match &self.media {
                    MediaValue::Number(n) => n.form == IntegerForm::Short && n.value <= 0x7F,
                    MediaValue::Text(t) => t.terminated && !t.bytes.is_empty(),
                };
                if !ok {
                    return Err(EncodeError::Unencodable {
                        field: "Content-Type",
                        reason: "short form holds a Short-integer or a terminated text",
                    });
                }
                self.media.encode(w)
            }
            ContentTypeForm::General(lf) => {
                self.value_length(lf)?.encode(w)?;
                self.media.encode(w)?;
                match &self.params {
                    ParamStore::Wire(raw) => w.write_bytes(raw),
                    ParamStore::Built(v) => v.iter().try_for_each(|p| p.encode(w)),
                }
            }
        }
    }
}

fn write_param_value(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
    if !bytes.is_empty() && bytes.iter().all(|&b| is_token_char(b)) {
        write_lossy(f, bytes)
    } else {
        f.write_str("\"")?;
        for chunk in bytes.utf8_chunks() {
            for c in chunk.valid().chars() {
                if c == '"' || c == '\\' {
                    f.write_str("\\")?;
                }
                write!(f, "{c}")?;
            }
            if !chunk.invalid().is_empty() {
                f.write_str("\u{FFFD}")?;
            }
        }
        f.write_str("\"")
    }
}

/// The text form, e.g. `text/plain; charset=utf-8` or `application/vnd.wap.multipart.related;
/// type=application/smil; start="<SMIL>"`. Raw parameters are left out.
impl fmt::Display for ContentType<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.media())?;
        for p in self.params() {
            let name = match p {
                Parameter::Raw(_) => continue,
                Parameter::Typed { code, .. } => match p.name() {
                    Some(n) => n,
                    None => {
                        write!(f, "; x-wsp-param-{:#x}=", code.value)?;
                        write_typed_value(f, &p)?;
                        continue;
                    }
                },
                Parameter::Untyped { name, .. } => match name.as_str() {
                    Some(n) => n,
                    None => continue,
                },
            };
            f.write_str("; ")?;
            for c in name.chars() {
                write!(f, "{}", c.to_ascii_lowercase())?;
            }
            f.write_str("=")?;
            write_typed_value(f, &p)?;
        }
        Ok(())
    }
}

fn write_typed_value(f: &mut fmt::Formatter<'_>, p: &Parameter<'_>) -> fmt::Result {
    match p {
        Parameter::Typed { value, .. } => match value {
            TypedValue::Integer(i) if p.code() == Some(WellKnownParameter::CHARSET) => {
                match u32::try_from(i.value)
                    .ok()
                    .map(Charset)
                    .and_then(Charset::name)
                {
                    Some(n) => f.write_str(n),
                    None => write!(f, "{}", i.value),
                }
            }
            TypedValue::Integer(i) => write!(f, "{}", i.value),
            TypedValue::Date(d) => write!(f, "{}", d.value),
            TypedValue::Q(q) => match q.thousandths() {
                Some(t) => write!(f, "0.{t:03}"),
                None => f.write_str("1"),
            },
            TypedValue::Version(Version::Short(v)) => match v & 0x0F {
                0x0F => write!(f, "{}", v >> 4),
                m => write!(f, "{}.{m}", v >> 4),
            },
            TypedValue::Media(m) => {
                let media = m.media();
                match media {
                    Media::WellKnown(_) => write_param_value_str(f, &media),
                    Media::Text(t) => write_param_value(f, t),
                }
            }
            other => write_param_value(f, other.as_text().unwrap_or(&[])),
        },
        Parameter::Untyped { value, .. } => match value {
            UntypedValue::Integer(i) => write!(f, "{}", i.value),
            UntypedValue::Text(t) => write_param_value(f, t.as_bytes()),
        },
        Parameter::Raw(_) => Ok(()),
    }
}

fn write_param_value_str(f: &mut fmt::Formatter<'_>, media: &Media<'_>) -> fmt::Result {
    match media.name() {
        Some(n) => write_param_value(f, n.as_bytes()),
        None => write!(f, "{media}"),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::codec::decode_all;
    use alloc::string::ToString;
    use alloc::vec;
    use proptest::prelude::*;

    fn round_trip(bytes: &[u8]) -> ContentType<'_> {
        let ct = decode_all(bytes, content_type).unwrap();
        assert_eq!(ct.encoded_len(), bytes.len());
        assert_eq!(ct.encode_to_vec().unwrap(), bytes);
        ct
    }

    #[test]
    fn short_well_known() {
        let ct = round_trip(&[0x83]);
        assert_eq!(ct.media(), Media::WellKnown(WellKnownMedia::TEXT_PLAIN));
        assert_eq!(ct.media_name(), Some("text/plain"));
        assert_eq!(ct.params().count(), 0);
        assert_eq!(ct.to_string(), "text/plain");
        assert_eq!(ct, ContentType::well_known(WellKnownMedia::TEXT_PLAIN));
    }

    #[test]
    fn general_with_charset() {
        let ct = round_trip(&[0x03, 0x83, 0x81, 0xEA]);
        assert_eq!(ct.charset(), Some(Charset::UTF_8));
        assert_eq!(ct.to_string(), "text/plain; charset=utf-8");
        let built =
            ContentType::well_known(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::UTF_8);
        assert_eq!(ct, built);
    }

    #[test]
    fn related_with_type_and_start() {
        let mut b = vec![0x1B, 0xB3, 0x89];
        b.extend_from_slice(b"application/smil\0");
        b.push(0x8A);
        b.extend_from_slice(b"<SMIL>\0");
        let ct = round_trip(&b);
        assert!(ct.is(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_RELATED));
        assert!(ct.is_multipart());
        assert_eq!(ct.type_param(), Some(Media::Text(b"application/smil")));
        assert_eq!(ct.start(), Some(&b"<SMIL>"[..]));
        assert_eq!(
            ct.to_string(),
            "application/vnd.wap.multipart.related; type=\"application/smil\"; start=\"<SMIL>\""
        );
        let built = ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_RELATED)
            .with_type(Media::Text(b"application/smil"))
            .with_start(b"<SMIL>");
        assert_eq!(built.encode_to_vec().unwrap(), b);
    }

    #[test]
    fn registered_long_integer() {
        let ct = round_trip(&[0x03, 0x02, 0x02, 0x01]);
        assert_eq!(
            ct.media(),
            Media::WellKnown(WellKnownMedia::APPLICATION_VND_UPLANET_CACHEOP_WBXML)
        );
        assert_eq!(
            ContentType::well_known(WellKnownMedia(0x0201))
                .encode_to_vec()
                .unwrap(),
            [0x03, 0x02, 0x02, 0x01]
        );
    }

    #[test]
    fn start_before_type_kept_in_order() {
        let mut b = vec![0x1C, 0xB3, 0x8A];
        b.extend_from_slice(b"<start>\0");
        b.push(0x89);
        b.extend_from_slice(b"application/smil\0");
        let ct = round_trip(&b);
        let codes: Vec<_> = ct.params().map(|p| p.code().unwrap().0).collect();
        assert_eq!(codes, [0x0A, 0x09]);
        assert_eq!(ct.start(), Some(&b"<start>"[..]));
        assert_eq!(ct.type_param(), Some(Media::Text(b"application/smil")));
    }

    #[test]
    fn charset_as_text_and_any() {
        let mut b = vec![0x08, 0x83, 0x81];
        b.extend_from_slice(b"utf-8\0");
        let ct = round_trip(&b);
        assert_eq!(ct.charset(), Some(Charset::UTF_8));
        let ct = round_trip(&[0x03, 0x83, 0x81, 0x80]);
        assert_eq!(ct.charset(), Some(Charset::ANY));
        // MIBenum >= 128 as Long-integer (UCS-2 1000).
        let ct = round_trip(&[0x05, 0x83, 0x81, 0x02, 0x03, 0xE8]);
        assert_eq!(ct.charset(), Some(Charset(1000)));
    }

    #[test]
    fn wsp_1_4_start_quoted() {
        let mut b = vec![0x0A, 0xB3, 0x99, 0x22];
        b.extend_from_slice(b"<smil>\0");
        let ct = round_trip(&b);
        assert_eq!(ct.start(), Some(&b"<smil>"[..]));
        // A plain Text-string under 0x97 is accepted too.
        let mut b = vec![0x08, 0x9E, 0x97];
        b.extend_from_slice(b"a.jpg\0");
        let ct = round_trip(&b);
        assert_eq!(ct.name(), Some(&b"a.jpg"[..]));
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

    #[test]
    fn text_media() {
        let ct = round_trip(b"application/vnd.wap.mms-message\0");
        assert!(ct.is(WellKnownMedia::APPLICATION_VND_WAP_MMS_MESSAGE));
        let ct = round_trip(b"Application/VND.wap.MMS-message\0");
        assert!(ct.is(WellKnownMedia::APPLICATION_VND_WAP_MMS_MESSAGE));
        let mut b = vec![0x11];
        b.extend_from_slice(b"application/smil\0");
        let ct = round_trip(&b);
        assert_eq!(ct.media_name(), Some("application/smil"));
        assert!(!ct.is_multipart());
    }

    #[test]
    fn truncated_prefixes_fail_cleanly() {
        let mut b = vec![0x1B, 0xB3, 0x89];
        b.extend_from_slice(b"application/smil\0");
        b.push(0x8A);
        b.extend_from_slice(b"<SMIL>\0");
        for n in 0..b.len() {
            assert!(decode_all(&b[..n], content_type).is_err(), "prefix {n}");
        }
        let e = decode_all(&[0x05, 0x83], content_type).unwrap_err();
        assert_eq!(e.context, "Content-Type");
        assert!(decode_all(&[0x00], content_type).is_err());
    }

    #[cfg(feature = "std")]
    #[test]
    fn mime_conversions() {
        let ct = ContentType::well_known(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::UTF_8);
        let m = ct.to_mime().unwrap();
        assert_eq!(m, mime::TEXT_PLAIN_UTF_8);
        let back = ContentType::from_mime(&m);
        assert_eq!(back.encode_to_vec().unwrap(), [0x03, 0x83, 0x81, 0xEA]);
        let m: mime::Mime = "multipart/related; type=\"application/smil\"; start=\"<s>\"; foo=bar"
            .parse()
            .unwrap();
        let ct = ContentType::from_mime(&m);
        assert_eq!(ct.start(), Some(&b"<s>"[..]));
        assert_eq!(ct.type_param(), Some(Media::Text(b"application/smil")));
        assert!(ct.is_multipart());
        let bytes = ct.encode_to_vec().unwrap();
        let again = decode_all(&bytes, content_type).unwrap();
        assert_eq!(again, ct);
    }

    pub(crate) fn arb_media() -> impl Strategy<Value = Media<'static>> {
        prop_oneof![
            (0u32..0x80).prop_map(|v| Media::WellKnown(WellKnownMedia(v))),
            (0x100u32..0x400).prop_map(|v| Media::WellKnown(WellKnownMedia(v))),
            prop::sample::select(vec![
                &b"application/smil"[..],
                b"image/jpeg",
                b"audio/amr",
                b"x"
            ])
            .prop_map(Media::Text),
        ]
    }

    fn arb_text() -> impl Strategy<Value = &'static [u8]> {
        prop::sample::select(vec![
            &b"a.jpg"[..],
            b"<smil>",
            b"x y",
            b"\xC3\xA9t\xC3\xA9",
            b"",
        ])
    }

    pub(crate) fn arb_content_type() -> impl Strategy<Value = ContentType<'static>> {
        (
            arb_media(),
            prop::collection::vec((0u8..6, arb_text(), 0u32..2000), 0..5),
        )
            .prop_map(|(media, params)| {
                let mut ct = ContentType::new(media);
                for (k, text, n) in params {
                    ct = match k {
                        0 => ct.with_charset(Charset(n)),
                        1 => ct.with_name(text),
                        2 => ct.with_filename(text),
                        3 => ct.with_start(text),
                        4 => ct.with_type(Media::Text(b"application/smil")),
                        _ => ct.with_param(Parameter::untyped(b"x-p", text)),
                    };
                }
                ct
            })
    }

    proptest! {
        #[test]
        fn built_round_trips(ct in arb_content_type()) {
            let bytes = ct.encode_to_vec().unwrap();
            prop_assert_eq!(bytes.len(), ct.encoded_len());
            let back = decode_all(&bytes, content_type).unwrap();
            prop_assert_eq!(&back, &ct);
            prop_assert_eq!(&back.encode_to_vec().unwrap(), &bytes);
            let _ = back.to_string();
        }

        #[test]
        fn accepted_input_re_encodes(bytes in prop::collection::vec(any::<u8>(), 0..40)) {
            if let Ok((rest, ct)) = content_type(&bytes) {
                let used = bytes.len() - rest.len();
                prop_assert_eq!(ct.encode_to_vec().unwrap(), &bytes[..used]);
                prop_assert_eq!(ct.encoded_len(), used);
                for p in ct.params() {
                    let _ = p.encode_to_vec().unwrap();
                }
                let _ = ct.to_string();
            }
        }

        #[test]
        fn accepted_general_form_re_encodes(body in prop::collection::vec(any::<u8>(), 1..30)) {
            let mut bytes = vec![u8::try_from(body.len()).unwrap()];
            bytes.extend_from_slice(&body);
            if let Ok(ct) = decode_all(&bytes, content_type) {
                prop_assert_eq!(ct.encode_to_vec().unwrap(), bytes);
            }
        }
    }
}
