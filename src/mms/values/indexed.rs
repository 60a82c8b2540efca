//! The indexed ("-Del") forms: in m-mbox-delete-conf and m-delete-conf (OMA-TS-MMS_ENC-V1_3
//! §7.3.10, §7.3.49) X-Mms-Content-Location and X-Mms-Response-Text may say which of the requested
//! messages they belong to, as `Value-length Status-count-value value`; Symbian writes
//! X-Mms-Response-Status the same way, where the spec (§7.3.48) and Wireshark have a plain octet.
//! One generic type, [`Indexable`], serves the three fields; the aliases name them.

use alloc::borrow::Cow;

use super::wire::{
    canonical_form, delimited, delimited_len, integer_deviation, length_deviation, write_length,
};
use super::{CutCheck, DecodeContext, HeaderValue, typed_then};
use crate::assigned::{Charset, ResponseStatus};
use crate::base::error::{DecodeErrorKind, Deviation, EncodeError};
use crate::codec::{
    Encode, EncodedString, IntegerValue, LengthForm, PResult, TextString, Writer, integer_value,
};

/// A field value, plain or in the indexed form `Value-length Index Value` of the delete
/// confirmations.
///
/// ```
/// use mms_pdu::codec::{decode_all, Encode, TextString};
/// use mms_pdu::assigned::MessageType;
/// use mms_pdu::mms::{ContentLocationValue, DecodeContext, HeaderValue};
/// let del = DecodeContext::new(Some(MessageType::DELETE_CONF));
/// let wire = b"\x04\x81ab\0"; // the location of the second requested message
/// let v = decode_all(wire, |i| ContentLocationValue::decode_value(i, &del)).unwrap();
/// assert_eq!(v, ContentLocationValue::indexed(1, TextString::new(b"ab")));
/// assert_eq!(v.index().map(|i| i.value), Some(1));
/// assert_eq!(v.as_bytes(), b"ab");
/// assert_eq!(v.encode_to_vec().unwrap(), wire);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Indexable<T> {
    /// The plain form: the value alone.
    Plain(T),
    /// The indexed form.
    Indexed {
        /// The Value-length form used.
        length_form: LengthForm,
        /// Which requested message the value belongs to (the Status-count-value).
        index: IntegerValue,
        /// The value.
        value: T,
    },
}

/// What [`Indexable`] needs to know of the value type of each field it serves: one value type
/// per field (Text-string: Content-Location; Encoded-string-value: Response-Text;
/// [`ResponseStatus`]: Response-Status).
pub trait IndexableValue {
    /// The field, as named in encoding errors.
    const FIELD: &'static str;
    /// `true` when a first octet 0x01–0x1F starts the indexed form in any PDU; `false` when
    /// only in the delete confirmations ([`DecodeContext::indexed_forms`]), the only PDUs
    /// whose grammar has it.
    const INDEXED_IN_ANY_PDU: bool = false;
    /// The serialized names of the plain and the indexed variant (feature `serde`).
    const SERDE_VARIANTS: &'static [&'static str; 2];
    /// The serialized names of the indexed form's fields: the Value-length form, the index,
    /// the value (feature `serde`).
    const SERDE_FIELDS: &'static [&'static str; 3];
}

/// The serialized form keeps the names of the three enums this type replaced, so that the
/// JSON of a message is unchanged.
impl IndexableValue for TextString<'_> {
    const FIELD: &'static str = "X-Mms-Content-Location";
    const SERDE_VARIANTS: &'static [&'static str; 2] = &["Uri", "Indexed"];
    const SERDE_FIELDS: &'static [&'static str; 3] = &["length_form", "count", "uri"];
}

impl IndexableValue for EncodedString<'_> {
    const FIELD: &'static str = "X-Mms-Response-Text";
    const SERDE_VARIANTS: &'static [&'static str; 2] = &["Text", "Indexed"];
    const SERDE_FIELDS: &'static [&'static str; 3] = &["length_form", "count", "text"];
}

/// A status token is ≥ 0x80, so the indexed form is told apart by its first octet alone and
/// is read wherever it comes.
impl IndexableValue for ResponseStatus {
    const FIELD: &'static str = "X-Mms-Response-Status";
    const INDEXED_IN_ANY_PDU: bool = true;
    const SERDE_VARIANTS: &'static [&'static str; 2] = &["Status", "Indexed"];
    const SERDE_FIELDS: &'static [&'static str; 3] = &["length_form", "index", "status"];
}

/// X-Mms-Content-Location: a URI (Text-string), or in m-mbox-delete-conf / m-delete-conf the
/// Content-location-Del-value `Value-length Status-count-value Content-location-value`.
pub type ContentLocationValue<'a> = Indexable<TextString<'a>>;

/// X-Mms-Response-Text: an Encoded-string-value, or in m-mbox-delete-conf / m-delete-conf the
/// Response-text-Del-value `Value-length Status-count-value Response-text-value`.
pub type ResponseTextValue<'a> = Indexable<EncodedString<'a>>;

/// X-Mms-Response-Status: a status octet, or the indexed form `Value-length Index Status`
/// that Symbian writes in the delete confirmations (m-mbox-delete-conf). Both are decoded
/// in any PDU: a first octet ≥ 0x80 is the plain token, ≤ 0x1F the indexed form.
pub type ResponseStatusValue = Indexable<ResponseStatus>;

impl<T> Indexable<T> {
    /// The value, in either form.
    pub const fn value(&self) -> &T {
        match self {
            Indexable::Plain(v) | Indexable::Indexed { value: v, .. } => v,
        }
    }

    /// The index of the indexed form.
    pub const fn index(&self) -> Option<&IntegerValue> {
        match self {
            Indexable::Plain(_) => None,
            Indexable::Indexed { index, .. } => Some(index),
        }
    }
}

impl<T: Encode> Indexable<T> {
    /// The indexed form, canonical (its Value-length takes the quoted form past 30 octets).
    pub fn indexed(index: u64, value: T) -> Self {
        let index = IntegerValue::new(index);
        Indexable::Indexed {
            length_form: canonical_form(index.encoded_len() + value.encoded_len()),
            index,
            value,
        }
    }
}

/// The plain form.
impl<T> From<T> for Indexable<T> {
    fn from(value: T) -> Self {
        Indexable::Plain(value)
    }
}

impl<'a> ContentLocationValue<'a> {
    /// A plain URI, canonical form: text (`&str`) or octets as sent (`&[u8]`).
    ///
    /// ```
    /// use mms_pdu::mms::ContentLocationValue;
    /// let uri = ContentLocationValue::uri("http://mmsc.example/m1");
    /// assert_eq!(uri, ContentLocationValue::uri(b"http://mmsc.example/m1"));
    /// assert_eq!(uri, ContentLocationValue::from("http://mmsc.example/m1"));
    /// ```
    pub fn uri<U: AsRef<[u8]> + ?Sized>(uri: &'a U) -> Self {
        Indexable::Plain(TextString::new(uri.as_ref()))
    }

    /// The URI octets as sent.
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.value().bytes
    }

    /// The older name of [`ContentLocationValue::as_bytes`], hidden from the docs: the header
    /// model (`header.rs`, `pdu.rs`) still calls it, and it goes once they call `as_bytes`.
    #[doc(hidden)]
    pub const fn uri_bytes(&self) -> &'a [u8] {
        self.as_bytes()
    }

    /// The URI as text ([`TextString::text`]: UTF-8, invalid octets replaced by U+FFFD;
    /// borrowed when valid). A URI is ASCII by RFC 3986, so this is the URI itself.
    ///
    /// ```
    /// use mms_pdu::mms::ContentLocationValue;
    /// let uri = ContentLocationValue::uri("http://mmsc.example/m1");
    /// assert_eq!(uri.text(), "http://mmsc.example/m1");
    /// assert_eq!(uri.as_bytes(), b"http://mmsc.example/m1");
    /// ```
    pub fn text(&self) -> Cow<'a, str> {
        self.value().text()
    }
}

/// A plain URI ([`ContentLocationValue::uri`]).
impl<'a> From<&'a str> for ContentLocationValue<'a> {
    fn from(uri: &'a str) -> Self {
        ContentLocationValue::uri(uri)
    }
}

impl<'a> ResponseTextValue<'a> {
    /// The text with its charset applied ([`EncodedString::text`]), in either form.
    ///
    /// ```
    /// use mms_pdu::assigned::Charset;
    /// use mms_pdu::mms::ResponseTextValue;
    /// let text = ResponseTextValue::from("Message stored");
    /// assert_eq!(text.text(Charset::UTF_8), "Message stored");
    /// ```
    pub fn text(&self, default: Charset) -> Cow<'a, str> {
        self.value().text(default)
    }
}

/// The plain form, the text as [`EncodedString`] is made from a `&str`.
impl<'a> From<&'a str> for ResponseTextValue<'a> {
    fn from(text: &'a str) -> Self {
        Indexable::Plain(EncodedString::from(text))
    }
}

impl ResponseStatusValue {
    /// The status.
    pub const fn status(&self) -> ResponseStatus {
        *self.value()
    }
}

impl<T: Encode + IndexableValue> Encode for Indexable<T> {
    fn encoded_len(&self) -> usize {
        match self {
            Indexable::Plain(v) => v.encoded_len(),
            Indexable::Indexed {
                length_form,
                index,
                value,
            } => delimited_len(*length_form, index.encoded_len() + value.encoded_len()),
        }
    }
    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            Indexable::Plain(v) => v.encode(w),
            Indexable::Indexed {
                length_form,
                index,
                value,
            } => {
                let len = index.encoded_len() + value.encoded_len();
                write_length(w, *length_form, len, T::FIELD)?;
                index.encode(w)?;
                value.encode(w)
            }
        }
    }
}

impl<'a, T: HeaderValue<'a> + IndexableValue> HeaderValue<'a> for Indexable<T> {
    fn decode_value(input: &'a [u8], ctx: &DecodeContext) -> PResult<'a, Self> {
        let indexed_here = T::INDEXED_IN_ANY_PDU || ctx.indexed_forms();
        match input.first() {
            Some(&b) if indexed_here && (1..0x20).contains(&b) => {
                let (rest, (length_form, (index, value))) = delimited(input, |data| {
                    let (data, index) = integer_value(data)?;
                    let (data, value) = T::decode_value(data, ctx)?;
                    Ok((data, (index, value)))
                })?;
                Ok((
                    rest,
                    Indexable::Indexed {
                        length_form,
                        index,
                        value,
                    },
                ))
            }
            _ => {
                let (rest, v) = T::decode_value(input, ctx)?;
                Ok((rest, Indexable::Plain(v)))
            }
        }
    }
    fn deviation(&self) -> Option<Deviation> {
        match self {
            Indexable::Plain(v) => v.deviation(),
            Indexable::Indexed {
                length_form,
                index,
                value,
            } => length_deviation(*length_form, index.encoded_len() + value.encoded_len())
                .or_else(|| integer_deviation(index))
                .or_else(|| value.deviation()),
        }
    }
}

/// The plain form (any first octet but a Value-length's, or anywhere but a delete
/// confirmation) is checked as its value is.
impl<'a, T: CutCheck<'a> + IndexableValue> CutCheck<'a> for Indexable<T> {
    #[inline(always)]
    fn check_cut(
        value: &'a [u8],
        ctx: &DecodeContext,
    ) -> Result<Option<Deviation>, DecodeErrorKind> {
        let indexed_here = T::INDEXED_IN_ANY_PDU || ctx.indexed_forms();
        match value.first() {
            Some(&b) if indexed_here && (1..0x20).contains(&b) => {
                typed_then(value, ctx, <Self as HeaderValue>::deviation)
            }
            _ => T::check_cut(value, ctx),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assigned::MessageType;
    use crate::codec::decode_all;
    use crate::mms::values::testing::{ctx, round};

    #[test]
    fn content_location_forms() {
        let del = ctx(Some(MessageType::DELETE_CONF));
        let v: ContentLocationValue<'_> = round(b"\x04\x81ab\0", &del);
        assert_eq!(v, ContentLocationValue::indexed(1, TextString::new(b"ab")));
        let v: ContentLocationValue<'_> = round(b"http://x/1\0", &del);
        assert_eq!(v.as_bytes(), b"http://x/1");
        // Outside the delete confirmations the indexed form is not a Content-Location.
        assert!(
            decode_all(b"\x04\x81ab\0", |i| ContentLocationValue::decode_value(
                i,
                &ctx(None)
            ))
            .is_err()
        );
    }

    #[test]
    fn response_text_and_status_forms() {
        let del = ctx(Some(MessageType::MBOX_DELETE_CONF));
        let v: ResponseTextValue<'_> = round(b"\x04\x80ok\0", &del);
        assert!(matches!(v, ResponseTextValue::Indexed { index, .. } if index.value == 0));
        // The same octets elsewhere are an Encoded-string-value with charset 0 (Any).
        let v: ResponseTextValue<'_> = round(b"\x04\x80ok\0", &ctx(None));
        assert!(matches!(v, ResponseTextValue::Plain(t) if t.charset().unwrap().value == 0));
        let v: ResponseStatusValue = round(&[0x80], &ctx(None));
        assert_eq!(v.status(), ResponseStatus::OK);
        let v: ResponseStatusValue = round(&[0x02, 0x81, 0xE4], &del);
        assert_eq!(
            v.status(),
            ResponseStatus::ERROR_PERMANENT_MESSAGE_NOT_FOUND
        );
        assert!(decode_all(&[0x20], |i| ResponseStatusValue::decode_value(i, &del)).is_err());
    }

    /// The deviations of an indexed form are those of its Value-length, index and value.
    #[test]
    fn indexed_deviations() {
        let v: ResponseStatusValue = round(&[0x1F, 0x02, 0x81, 0xE4], &ctx(None));
        assert_eq!(v.deviation(), Some(Deviation::NonMinimalLength));
        let v: ResponseStatusValue = round(&[0x03, 0x01, 0x01, 0xE4], &ctx(None));
        assert_eq!(v.index().map(|i| i.value), Some(1));
        assert_eq!(v.deviation(), None);
        let v: ResponseStatusValue = round(&[0x04, 0x02, 0x00, 0x01, 0xE4], &ctx(None));
        assert_eq!(v.deviation(), Some(Deviation::NonMinimalInteger));
    }
}
