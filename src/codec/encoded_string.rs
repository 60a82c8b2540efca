//! Encoded-string-value (OMA-TS-MMS_ENC-V1_3 §7.3.19; charsets OMA-TS-MMS_CONF §10.2.1):
//! `Text-string | Value-length Char-set Text-string`.

use crate::assigned::Charset;
use nom::Parser;
use nom::combinator::{map_parser, rest};

use crate::base::error::{Deviation, EncodeError};
use crate::codec::integer::{IntegerValue, LengthForm, ValueLength, integer_value, value_length};
use crate::codec::parse::{PResult, bounded};
use crate::codec::text::{QUOTE, TextString, text_string};
use crate::codec::writer::{Encode, Writer};

/// MIBenum values of the 16-bit charsets whose text may end in a double NUL.
const SIXTEEN_BIT: [u64; 4] = [1000, 1013, 1014, 1015];

/// An Encoded-string-value: plain text, or text with an explicit charset (IANA MIBenum).
///
/// With a charset, the text is everything the Value-length covers after the charset: one
/// leading Quote octet and the trailing terminator (one NUL, or two for UTF-16/UCS-2 when that
/// keeps the length even) are kept apart, so the value re-encodes exactly and UTF-16 text with
/// embedded zero octets is read whole.
///
/// ```
/// use mms_pdu::assigned::Charset;
/// use mms_pdu::codec::{decode_all, encoded_string, Encode, EncodedString};
/// // Subject utf-16 "Hi" as the grammar demands: a Quote before the BOM (WAP-230-WSP §8.4.2.1).
/// let wire = [0x0B, 0x02, 0x03, 0xF7, 0x7F, 0xFE, 0xFF, 0x00, 0x48, 0x00, 0x69, 0x00];
/// let s = decode_all(&wire, encoded_string).unwrap();
/// assert_eq!(s.charset().map(|c| c.value), Some(1015));
/// assert_eq!(s.as_bytes(), &[0xFE, 0xFF, 0x00, 0x48, 0x00, 0x69]);
/// assert_eq!(s.text(Charset::UTF_8), "Hi");
/// assert_eq!(s.encode_to_vec().unwrap(), wire);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum EncodedString<'a> {
    /// A plain Text-string (no charset: us-ascii by the spec, UTF-8 in practice).
    #[cfg_attr(feature = "serde", serde(borrow))]
    Plain(TextString<'a>),
    /// Value-length, Char-set, text.
    WithCharset {
        /// The Value-length form used.
        length_form: LengthForm,
        /// The charset MIBenum (`0` = Any-charset, sent as `0x80`).
        charset: IntegerValue,
        #[cfg_attr(feature = "serde", serde(borrow))]
        /// The text, its Quote and its terminator.
        text: TextString<'a>,
    },
}

impl<'a> EncodedString<'a> {
    /// Plain text in canonical form (no charset: the reader assumes its default).
    pub const fn plain(text: &'a [u8]) -> Self {
        EncodedString::Plain(TextString::new(text))
    }

    /// `text` with the charset UTF-8, in canonical form: what MMS_CONF asks of any text that
    /// is not us-ascii (`EncodedString::from(&str)` leaves the charset out of us-ascii text).
    ///
    /// ```
    /// use mms_pdu::assigned::Charset;
    /// use mms_pdu::codec::{Encode, EncodedString};
    /// let subject = EncodedString::utf8("Café");
    /// assert_eq!(subject, EncodedString::with_charset(Charset::UTF_8, "Café".as_bytes()));
    /// assert_eq!(subject.encode_to_vec().unwrap(), b"\x07\xEACaf\xC3\xA9\0");
    /// ```
    pub const fn utf8(text: &'a str) -> Self {
        Self::with_charset(Charset::UTF_8, text.as_bytes())
    }

    /// `text` sent in `charset`, in canonical form ([`Charset::ANY`] is written as
    /// Any-charset, `0x80`).
    ///
    /// ```
    /// use mms_pdu::assigned::Charset;
    /// use mms_pdu::codec::{Encode, EncodedString};
    /// let latin1 = EncodedString::with_charset(Charset::ISO_8859_1, b"Ol\xE9");
    /// assert_eq!(latin1.encode_to_vec().unwrap(), b"\x05\x84Ol\xE9\0");
    /// assert_eq!(latin1.text(Charset::UTF_8), "Olé");
    /// ```
    pub const fn with_charset(charset: Charset, text: &'a [u8]) -> Self {
        // A u32 always fits a u64; `u64::from` is not const.
        Self::with_mibenum(charset.get() as u64, text)
    }

    /// `text` with a charset given by its raw MIBenum. Any MIBenum up to `u32::MAX`, assigned
    /// or not, is a [`Charset`] (`Charset::new(2999)`) for [`EncodedString::with_charset`];
    /// this takes the larger numbers the grammar allows too (an Integer-value), which only a
    /// test of the grammar sends.
    pub const fn with_mibenum(mibenum: u64, text: &'a [u8]) -> Self {
        EncodedString::WithCharset {
            length_form: LengthForm::Short,
            charset: IntegerValue::new(mibenum),
            text: TextString::new(text),
        }
        .canonical_length()
    }

    const fn canonical_length(self) -> Self {
        match self {
            EncodedString::WithCharset {
                charset, text: t, ..
            } => {
                let len =
                    charset_len(&charset) + t.bytes.len() + t.quoted as usize + t.nuls as usize;
                EncodedString::WithCharset {
                    length_form: if len <= 30 {
                        LengthForm::Short
                    } else {
                        LengthForm::Quoted { leading_zeros: 0 }
                    },
                    charset,
                    text: t,
                }
            }
            plain => plain,
        }
    }

    /// The charset as sent, if any.
    pub const fn charset(&self) -> Option<IntegerValue> {
        match self {
            EncodedString::Plain(_) => None,
            EncodedString::WithCharset { charset, .. } => Some(*charset),
        }
    }

    /// The text octets and how they were framed (Quote, terminator).
    pub const fn text_string(&self) -> &TextString<'a> {
        match self {
            EncodedString::Plain(t) | EncodedString::WithCharset { text: t, .. } => t,
        }
    }

    /// The text octets, charset not applied (for the text itself, [`EncodedString::text`]).
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.text_string().bytes
    }

    fn content_len(&self) -> usize {
        match self {
            EncodedString::Plain(t) => t.encoded_len(),
            EncodedString::WithCharset { charset, text, .. } => {
                charset.encoded_len() + text.encoded_len()
            }
        }
    }

    /// Deviation of the wire form, if any; text labelled us-ascii that carries octets above
    /// 0x7F is one ([`Deviation::EightBitInUsAscii`]).
    ///
    /// ```
    /// use mms_pdu::assigned::Charset;
    /// use mms_pdu::error::Deviation;
    /// use mms_pdu::codec::EncodedString;
    /// let latin1 = EncodedString::with_charset(Charset::US_ASCII, b"Ol\xE9");
    /// assert_eq!(latin1.deviation(), Some(Deviation::EightBitInUsAscii));
    /// assert_eq!(EncodedString::with_charset(Charset::US_ASCII, b"Ole").deviation(), None);
    /// ```
    pub fn deviation(&self) -> Option<Deviation> {
        self.deviation_with(IntegerValue::deviation)
    }

    /// As [`EncodedString::deviation`], with the charset judged by `charset_rule`: a field
    /// where a Long-integer charset is legal passes a rule that only counts zero-padding.
    pub fn deviation_with(
        &self,
        charset_rule: impl FnOnce(&IntegerValue) -> Option<Deviation>,
    ) -> Option<Deviation> {
        match self {
            EncodedString::Plain(t) => t.deviation(),
            EncodedString::WithCharset {
                length_form,
                charset,
                text,
            } => {
                let vl = ValueLength {
                    len: u32::try_from(self.content_len()).unwrap_or(u32::MAX),
                    form: *length_form,
                };
                // An unterminated text is normal at the end of a bounded value.
                vl.deviation()
                    .or_else(|| charset_rule(charset))
                    .or_else(|| {
                        text.deviation()
                            .filter(|d| *d != Deviation::UnterminatedText)
                    })
                    .or_else(|| {
                        let us_ascii = charset.value == u64::from(Charset::US_ASCII.get());
                        (us_ascii && !text.bytes.is_ascii()).then_some(Deviation::EightBitInUsAscii)
                    })
            }
        }
    }
}

/// Text from Rust: us-ascii as a plain Text-string, anything else (and text that starts with a
/// control octet, which a plain Text-string cannot) as [`EncodedString::utf8`], the charset
/// MMS_CONF requires for text that is not us-ascii.
///
/// ```
/// use mms_pdu::assigned::Charset;
/// use mms_pdu::codec::{Encode, EncodedString};
/// assert_eq!(EncodedString::from("Hi"), EncodedString::plain(b"Hi"));
/// assert_eq!(EncodedString::from("Hi").encode_to_vec().unwrap(), b"Hi\0");
/// assert_eq!(EncodedString::from("Grüße"), EncodedString::utf8("Grüße"));
/// assert_eq!(EncodedString::from("Grüße").text(Charset::UTF_8), "Grüße");
/// ```
impl<'a> From<&'a str> for EncodedString<'a> {
    fn from(text: &'a str) -> Self {
        let starts_with_control = text
            .as_bytes()
            .first()
            .is_some_and(|&b| (1..0x20).contains(&b));
        if text.is_ascii() && !starts_with_control {
            EncodedString::plain(text.as_bytes())
        } else {
            EncodedString::utf8(text)
        }
    }
}

const fn charset_len(c: &IntegerValue) -> usize {
    match c.form {
        crate::codec::integer::IntegerForm::Short => 1,
        crate::codec::integer::IntegerForm::Long(n) => 1 + n as usize,
    }
}

/// Splits the bounded text of an Encoded-string-value into Quote, text and terminator.
pub(super) fn bounded_text(data: &[u8], charset: u64) -> TextString<'_> {
    let (quoted, body) = match data.split_first() {
        Some((&QUOTE, rest)) => (true, rest),
        _ => (false, data),
    };
    let mut nuls = 0u8;
    let mut end = body.len();
    if body.last() == Some(&0) {
        nuls = 1;
        end -= 1;
        let sixteen = SIXTEEN_BIT.contains(&charset);
        if sixteen && end % 2 == 1 && body.get(end - 1) == Some(&0) {
            nuls = 2;
            end -= 1;
        }
    }
    TextString {
        bytes: body.get(..end).unwrap_or(&[]),
        quoted,
        nuls,
    }
}

/// Decodes an Encoded-string-value.
///
/// A first octet 0x01–0x1F starts the charset form, anything else (including 0x00, the empty
/// string) a plain Text-string.
///
/// # Errors
/// The errors of the Value-length, the charset Integer-value, or an unterminated plain text.
pub fn encoded_string(input: &[u8]) -> PResult<'_, EncodedString<'_>> {
    match input.first() {
        // Value-length, then Char-set and the text inside the octets it covers.
        Some(&b) if (1..0x20).contains(&b) => value_length
            .flat_map(|vl| {
                map_parser(bounded(u64::from(vl.len)), (integer_value, rest)).map(
                    move |(charset, text)| EncodedString::WithCharset {
                        length_form: vl.form,
                        charset,
                        text: bounded_text(text, charset.value),
                    },
                )
            })
            .parse(input),
        // Any other octet, 0x00 (the empty text) or none: a Text-string, with its errors.
        _ => text_string.map(EncodedString::Plain).parse(input),
    }
}

impl Encode for EncodedString<'_> {
    fn encoded_len(&self) -> usize {
        match self {
            EncodedString::Plain(t) => t.encoded_len(),
            EncodedString::WithCharset { length_form, .. } => {
                let len = self.content_len();
                ValueLength {
                    len: 0,
                    form: *length_form,
                }
                .with_len(u32::try_from(len).unwrap_or(u32::MAX))
                .encoded_len()
                    + len
            }
        }
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            EncodedString::Plain(t) => {
                if t.bytes.first().is_some_and(|&b| (1..0x20).contains(&b)) && !t.quoted {
                    return Err(EncodeError::Unencodable {
                        field: "Encoded-string-value",
                        reason: "plain text cannot start with a control octet",
                    });
                }
                t.encode(w)
            }
            EncodedString::WithCharset {
                length_form,
                charset,
                text,
            } => {
                let len =
                    u32::try_from(self.content_len()).map_err(|_| EncodeError::Unencodable {
                        field: "Encoded-string-value",
                        reason: "longer than 2^32-1",
                    })?;
                // A short form that no longer holds the (edited) text grows to the long one.
                ValueLength {
                    len: 0,
                    form: *length_form,
                }
                .with_len(len)
                .encode(w)?;
                charset.encode(w)?;
                if text.quoted {
                    w.write_u8(QUOTE)?;
                }
                w.write_bytes(text.bytes)?;
                for _ in 0..text.nuls {
                    w.write_u8(0)?;
                }
                Ok(())
            }
        }
    }
}
