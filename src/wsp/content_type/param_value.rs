//! The values a parameter carries: the typed value of a well-known parameter, and the
//! Integer-value-or-text shape that textual parameters and several headers share (WAP-230-WSP
//! §8.4.2.4).

use super::media::{MediaValue, extension_media};
use crate::assigned::ParamValueType;
use crate::base::error::EncodeError;
use crate::codec::{
    DOUBLE_QUOTE, DateValue, Encode, IntegerValue, PResult, QValue, TextString, TextValue, Token,
    Version, Writer, date_value, integer_value, q_value, text_string, text_value, version_value,
};

/// The value of a typed (well-known) parameter, decoded by the type its code expects
/// ([`WellKnownParameter::value_type`](crate::assigned::WellKnownParameter::value_type)) or by whichever form the sender used instead
/// (WAP-230-WSP §8.4.2.4 allows No-value, or a Text-value in place of a compact value).
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

/// A value that is an Integer-value or a text: the one shape behind a textual parameter's
/// value (Untyped-value, WSP 8.4.2.4; `T` = [`TextValue`], see [`UntypedValue`]) and the
/// X-Wap-Application-Id and Content-Language headers (an application code or a URI, a language
/// code or a name; `T` = [`TextString`]). The text grammar is the parameter because the two
/// differ on the wire (a Text-value has No-value and the Quoted-string `22`, a Text-string
/// has the Quote `7F`), and each must re-encode as it came.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum IntegerOrText<T> {
    /// An Integer-value.
    Integer(IntegerValue),
    /// The text.
    Text(T),
}

/// The value of an untyped (textual) parameter: Integer-value or Text-value (No-value,
/// Token-text or Quoted-string). WSP's name for this use of [`IntegerOrText`].
pub type UntypedValue<'a> = IntegerOrText<TextValue<'a>>;

impl<T: Encode> Encode for IntegerOrText<T> {
    fn encoded_len(&self) -> usize {
        match self {
            IntegerOrText::Integer(v) => v.encoded_len(),
            IntegerOrText::Text(v) => v.encoded_len(),
        }
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            IntegerOrText::Integer(v) => v.encode(w),
            IntegerOrText::Text(v) => v.encode(w),
        }
    }
}

/// True when `first` starts an Integer-value: a Short-integer (0x80 and above) or the
/// Short-length 1..=30 of a Long-integer.
pub(super) fn starts_integer_value(first: u8) -> bool {
    first >= 0x80 || (1..=30).contains(&first)
}

/// Reads an Integer-value when the first octet starts one, else the text `text` reads.
pub(crate) fn integer_or_text<'a, T>(
    input: &'a [u8],
    text: impl FnOnce(&'a [u8]) -> PResult<'a, T>,
) -> PResult<'a, IntegerOrText<T>> {
    match input.first() {
        Some(&b) if starts_integer_value(b) => {
            integer_value(input).map(|(r, v)| (r, IntegerOrText::Integer(v)))
        }
        _ => text(input).map(|(r, v)| (r, IntegerOrText::Text(v))),
    }
}

/// A Text-string parameter value, or No-value when empty (the two are the same octet `00`).
pub(super) fn text_string_value(bytes: &[u8]) -> TypedValue<'_> {
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

pub(super) fn is_token_char(b: u8) -> bool {
    b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?={}".contains(&b)
}

/// Reads a typed value of the expected `kind`, falling back to the other forms WAP-230-WSP §8.4.2.4
/// allows.
pub(super) fn typed_value(input: &[u8], kind: ParamValueType) -> PResult<'_, TypedValue<'_>> {
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
    if starts_integer_value(first) {
        return integer_value(input).map(|(r, v)| (r, TypedValue::Integer(v)));
    }
    match text_value(input) {
        Ok((r, v)) => Ok((r, TypedValue::Text(v))),
        Err(_) if first >= 0x20 => text_string(input).map(|(r, v)| (r, TypedValue::TextString(v))),
        Err(e) => Err(e),
    }
}

/// Reads the value of a textual parameter.
pub(super) fn untyped_value(input: &[u8]) -> PResult<'_, UntypedValue<'_>> {
    integer_or_text(input, text_value)
}

#[cfg(test)]
mod tests {
    use crate::assigned::Charset;
    use crate::wsp::content_type::tests::round_trip;
    use alloc::vec;

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
}
