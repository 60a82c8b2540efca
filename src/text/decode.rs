//! Text decoding for Encoded-string-values and text parts (charsets as IANA MIBenums; the
//! us-ascii and utf-8 rules of OMA-TS-MMS_CONF §10.2.1).
//!
//! Decoding never fails: invalid octets become U+FFFD. With the default-on `charsets` feature
//! every charset of the table that `encoding_rs` knows is decoded (Big5, Shift_JIS, EUC-JP,
//! EUC-KR / KS_C_5601 as windows-949, GB2312 / GBK / GB18030, ISO-8859-x, windows-125x,
//! KOI8-R, Macintosh ...); UTF-16 / UCS-2 / UTF-32 and ISO-8859-1 are decoded here by hand.
//! Without the feature only UTF-8, us-ascii, ISO-8859-1, UTF-16/UCS-2 and UTF-32 are decoded
//! and other charsets are read as UTF-8, lossily.
//!
//! How each real-world problem is handled:
//!
//! - **Any-charset and no charset.** Charset Any (`0x80`, or a Long-integer 0) in an
//!   Encoded-string-value or a `charset` parameter, a missing charset, and a MIBenum this crate
//!   cannot decode all mean "unspecified": the text is decoded with the caller's default
//!   ([`DecodeOptions::default_charset`](crate::base::options::DecodeOptions::default_charset), UTF-8 unless
//!   changed), never as Latin-1 behind the caller's back and never as an error. The charset as
//!   sent and the raw octets stay in the model ([`EncodedString::charset`],
//!   [`EncodedString::as_bytes`]).
//! - **MIBenum forms.** The charset is read as an Integer-value, so Short-integer (`EA`
//!   utf-8) and Long-integer (`02 07 EA` big5, `01 6A` utf-8) both work and re-encode in the
//!   form sent.
//! - **UTF-16 / UCS-2.** The text of an Encoded-string-value is everything its Value-length
//!   covers after the charset, not what precedes the first `0x00` (UTF-16 text is full of
//!   zero octets); one leading Quote and the terminator (one or two NULs) are set apart.
//!   A BOM picks the byte order (big-endian without one).
//! - **Response/Retrieve/Store-Status/Status texts** are Encoded-string-values like Subject;
//!   the MMS header model's `text` decodes any of them.
//! - **8-bit octets labelled us-ascii.** Phones send UTF-8 under the label us-ascii, and old
//!   phones and mail gateways Latin-1 / windows-1252: valid UTF-8 is read as UTF-8, anything
//!   else as windows-1252, so that the text reads as the sender's phone showed it instead of
//!   as U+FFFD. The decode reports it ([`Deviation::EightBitInUsAscii`]: an Encoded-string-value
//!   in a PDU's headers, a multipart part's data); the accessors that decode text later have
//!   no diagnostics to report to.
//! - **RFC 2047 in Subject.** Kept as sent; [`decode_encoded_words`] decodes it on request.

use alloc::borrow::Cow;
use alloc::string::String;

use crate::assigned::Charset;
#[cfg(doc)]
use crate::base::error::Deviation;
use crate::codec::{EncodedString, TextString};

/// Decodes `bytes` sent in `charset` (`None`, or Any-charset (0), or an unknown MIBenum:
/// `default`).
///
/// - us-ascii with octets above 0x7F (a deviation, [`Deviation::EightBitInUsAscii`]) is read
///   the way phones show it: as UTF-8 when it is valid UTF-8 (phones send UTF-8 under this
///   label), otherwise as windows-1252 (the Latin-1 of old phones and mail clients, with
///   `€` and typographic quotes at 0x80–0x9F), never as U+FFFD;
/// - a UTF-8 BOM is stripped;
/// - UTF-16 and UCS-2 detect a BOM (`FE FF` / `FF FE`) and default to big-endian; a trailing
///   odd octet becomes U+FFFD;
/// - invalid octets become U+FFFD, never an error.
///
/// Borrows when the input is valid UTF-8 already.
///
/// ```
/// use mms_pdu::assigned::Charset;
/// use mms_pdu::text::decode_text;
/// assert_eq!(decode_text(Some(Charset::UTF_16), &[0xFE, 0xFF, 0, b'H', 0, b'i'], Charset::UTF_8), "Hi");
/// assert_eq!(decode_text(None, b"plain", Charset::UTF_8), "plain");
/// assert_eq!(decode_text(Some(Charset::ISO_8859_1), &[0xE9], Charset::UTF_8), "é");
/// // 8-bit octets under the label us-ascii: UTF-8 when valid, windows-1252 otherwise.
/// assert_eq!(decode_text(Some(Charset::US_ASCII), "é".as_bytes(), Charset::UTF_8), "é");
/// assert_eq!(decode_text(Some(Charset::US_ASCII), b"\x93caf\xE9\x94", Charset::UTF_8), "“café”");
/// ```
pub fn decode_text<'t>(
    charset: Option<Charset>,
    bytes: &'t [u8],
    default: Charset,
) -> Cow<'t, str> {
    let charset = match charset {
        Some(c) if !c.is_any() && is_decodable(c) => c,
        _ => default,
    };
    decode_known(charset, bytes)
}

/// Decodes the text of an Encoded-string-value by its charset (`default` when it has none):
/// [`EncodedString::text`] as a function.
pub fn encoded_string_text<'t>(s: &EncodedString<'t>, default: Charset) -> Cow<'t, str> {
    let charset = s
        .charset()
        .map(|c| u32::try_from(c.value).map_or(Charset::ANY, Charset));
    decode_text(charset, s.as_bytes(), default)
}

// The codec keeps octets and knows no charset decoding; the text of its values is read here,
// in the layer that does.

impl<'a> EncodedString<'a> {
    /// The text with its charset applied ([`decode_text`]): `default` when it has none, names
    /// Any-charset, or names a charset that cannot be decoded (pass
    /// [`DecodeOptions::default_charset`](crate::base::options::DecodeOptions::default_charset)
    /// to follow the decode options). Never fails; borrows when the octets are the text's UTF-8
    /// already. The octets as sent: [`EncodedString::as_bytes`].
    ///
    /// ```
    /// use mms_pdu::assigned::Charset;
    /// use mms_pdu::codec::{decode_all, encoded_string};
    /// // Subject: utf-16 "Hi" (Value-length, charset 02 03 F7, Quote, BOM, text, NUL).
    /// let wire = [0x0B, 0x02, 0x03, 0xF7, 0x7F, 0xFE, 0xFF, 0x00, 0x48, 0x00, 0x69, 0x00];
    /// let subject = decode_all(&wire, encoded_string).unwrap();
    /// assert_eq!(subject.text(Charset::UTF_8), "Hi");
    /// // No charset: the default decides.
    /// let plain = decode_all(b"Ol\xE9\0", encoded_string).unwrap();
    /// assert_eq!(plain.text(Charset::ISO_8859_1), "Olé");
    /// assert_eq!(plain.text(Charset::UTF_8), "Ol\u{FFFD}");
    /// ```
    pub fn text(&self, default: Charset) -> Cow<'a, str> {
        encoded_string_text(self, default)
    }
}

impl<'a> TextString<'a> {
    /// The text, read as UTF-8 (a Text-string has no charset of its own; MMS_CONF wants
    /// UTF-8 for any text that is not us-ascii), invalid octets replaced by U+FFFD. Borrows
    /// when the octets are valid UTF-8. The octets as sent: [`TextString::as_bytes`]; another
    /// assumption: [`decode_text`] with a charset.
    ///
    /// ```
    /// use mms_pdu::codec::TextString;
    /// assert_eq!(TextString::from("<1234@mmsc>").text(), "<1234@mmsc>");
    /// assert_eq!(TextString::new(b"a\xFFb").text(), "a\u{FFFD}b");
    /// ```
    pub fn text(&self) -> Cow<'a, str> {
        decode_text(None, self.bytes, Charset::UTF_8)
    }
}

pub(crate) fn is_decodable(c: Charset) -> bool {
    match c {
        Charset::US_ASCII
        | Charset::UTF_8
        | Charset::ISO_8859_1
        | Charset::UCS_2
        | Charset::UTF_16
        | Charset::UTF_16BE
        | Charset::UTF_16LE
        | Charset::UCS_4
        | Charset::UTF_32
        | Charset::UTF_32BE
        | Charset::UTF_32LE => true,
        #[cfg(feature = "charsets")]
        other => encoding_for(other).is_some(),
        #[cfg(not(feature = "charsets"))]
        _ => false,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Endian {
    Big,
    Little,
}

fn decode_known(charset: Charset, bytes: &[u8]) -> Cow<'_, str> {
    match charset {
        Charset::US_ASCII => us_ascii(bytes),
        Charset::ISO_8859_1 => latin1(bytes),
        Charset::UCS_2 | Charset::UTF_16 => utf16(bytes, None),
        Charset::UTF_16BE => utf16(bytes, Some(Endian::Big)),
        Charset::UTF_16LE => utf16(bytes, Some(Endian::Little)),
        Charset::UCS_4 | Charset::UTF_32 => utf32(bytes, None),
        Charset::UTF_32BE => utf32(bytes, Some(Endian::Big)),
        Charset::UTF_32LE => utf32(bytes, Some(Endian::Little)),
        #[cfg(feature = "charsets")]
        other => match encoding_for(other) {
            Some(enc) if enc != encoding_rs::UTF_8 => {
                let (text, _) = enc.decode_without_bom_handling(bytes);
                text
            }
            _ => utf8(bytes),
        },
        #[cfg(not(feature = "charsets"))]
        _ => utf8(bytes),
    }
}

fn utf8(bytes: &[u8]) -> Cow<'_, str> {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    String::from_utf8_lossy(bytes)
}

/// Text labelled us-ascii: UTF-8 when it is valid UTF-8 (plain ASCII included), otherwise
/// windows-1252.
fn us_ascii(bytes: &[u8]) -> Cow<'_, str> {
    let text = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match core::str::from_utf8(text) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => windows_1252(bytes),
    }
}

/// What windows-1252 has at 0x80–0x9F, where ISO-8859-1 has C1 controls; the five octets that
/// windows-1252 leaves unassigned stay the C1 control of that number, as the WHATWG Encoding
/// Standard (and so `encoding_rs` and every browser) decodes them.
const WINDOWS_1252_80_9F: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}', '\u{178}',
];

/// windows-1252, by hand so that it needs no `charsets` feature: every octet is a character.
fn windows_1252(bytes: &[u8]) -> Cow<'_, str> {
    if bytes.is_ascii() {
        return Cow::Borrowed(core::str::from_utf8(bytes).unwrap_or_default());
    }
    let char_of = |b: u8| match b {
        0x80..=0x9F => WINDOWS_1252_80_9F
            .get(usize::from(b - 0x80))
            .copied()
            .unwrap_or(char::REPLACEMENT_CHARACTER),
        _ => char::from(b),
    };
    Cow::Owned(bytes.iter().map(|&b| char_of(b)).collect())
}

fn latin1(bytes: &[u8]) -> Cow<'_, str> {
    if bytes.is_ascii() {
        // ASCII is valid UTF-8: borrow.
        return Cow::Borrowed(core::str::from_utf8(bytes).unwrap_or_default());
    }
    Cow::Owned(bytes.iter().map(|&b| char::from(b)).collect())
}

fn utf16(bytes: &[u8], endian: Option<Endian>) -> Cow<'static, str> {
    let (endian, body) = match (bytes, endian) {
        ([0xFE, 0xFF, rest @ ..], None | Some(Endian::Big)) => (Endian::Big, rest),
        ([0xFF, 0xFE, rest @ ..], None | Some(Endian::Little)) => (Endian::Little, rest),
        (_, e) => (e.unwrap_or(Endian::Big), bytes),
    };
    let chunks = body.chunks_exact(2);
    let odd = !chunks.remainder().is_empty();
    let units = chunks.map(|c| match (endian, c) {
        (Endian::Big, [a, b]) => u16::from_be_bytes([*a, *b]),
        (Endian::Little, [a, b]) => u16::from_le_bytes([*a, *b]),
        _ => 0xFFFD,
    });
    let mut out: String = char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if odd {
        out.push(char::REPLACEMENT_CHARACTER);
    }
    Cow::Owned(out)
}

fn utf32(bytes: &[u8], endian: Option<Endian>) -> Cow<'static, str> {
    let (endian, body) = match (bytes, endian) {
        ([0x00, 0x00, 0xFE, 0xFF, rest @ ..], None | Some(Endian::Big)) => (Endian::Big, rest),
        ([0xFF, 0xFE, 0x00, 0x00, rest @ ..], None | Some(Endian::Little)) => {
            (Endian::Little, rest)
        }
        (_, e) => (e.unwrap_or(Endian::Big), bytes),
    };
    let chunks = body.chunks_exact(4);
    let odd = !chunks.remainder().is_empty();
    let mut out: String = chunks
        .map(|c| {
            let mut q = [0u8; 4];
            q.copy_from_slice(c);
            let v = match endian {
                Endian::Big => u32::from_be_bytes(q),
                Endian::Little => u32::from_le_bytes(q),
            };
            char::from_u32(v).unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect();
    if odd {
        out.push(char::REPLACEMENT_CHARACTER);
    }
    Cow::Owned(out)
}

/// The `encoding_rs` encoding for a charset, when it has one. UTF-16/UCS-2/UTF-32,
/// ISO-8859-1 and us-ascii are decoded by [`decode_text`] itself (encoding_rs maps the label
/// iso-8859-1 to windows-1252, which differs in 0x80–0x9F; us-ascii is read as UTF-8 or
/// windows-1252, whichever fits); ISO-2022-KR and UTF-7 have none.
#[cfg(feature = "charsets")]
pub fn encoding_for(charset: Charset) -> Option<&'static encoding_rs::Encoding> {
    use encoding_rs as e;
    Some(match charset {
        Charset::US_ASCII | Charset::UTF_8 => e::UTF_8,
        Charset::ISO_8859_1 => e::WINDOWS_1252,
        Charset::ISO_8859_2 => e::ISO_8859_2,
        Charset::ISO_8859_3 => e::ISO_8859_3,
        Charset::ISO_8859_4 => e::ISO_8859_4,
        Charset::ISO_8859_5 => e::ISO_8859_5,
        Charset::ISO_8859_6 | Charset::ISO_8859_6_E | Charset::ISO_8859_6_I => e::ISO_8859_6,
        Charset::ISO_8859_7 => e::ISO_8859_7,
        Charset::ISO_8859_8 | Charset::ISO_8859_8_E => e::ISO_8859_8,
        Charset::ISO_8859_8_I => e::ISO_8859_8_I,
        Charset::ISO_8859_9 => e::WINDOWS_1254,
        Charset::ISO_8859_10 => e::ISO_8859_10,
        Charset::ISO_8859_13 => e::ISO_8859_13,
        Charset::ISO_8859_14 => e::ISO_8859_14,
        Charset::ISO_8859_15 => e::ISO_8859_15,
        Charset::ISO_8859_16 => e::ISO_8859_16,
        Charset::SHIFT_JIS => e::SHIFT_JIS,
        Charset::EUC_JP => e::EUC_JP,
        Charset::ISO_2022_JP | Charset::ISO_2022_JP_2 => e::ISO_2022_JP,
        Charset::KS_C_5601_1987 | Charset::EUC_KR => e::EUC_KR,
        Charset::GB2312 | Charset::GBK => e::GBK,
        Charset::GB18030 => e::GB18030,
        Charset::BIG5 => e::BIG5,
        Charset::KOI8_R => e::KOI8_R,
        Charset::MACINTOSH => e::MACINTOSH,
        Charset::WINDOWS_874 => e::WINDOWS_874,
        Charset::WINDOWS_1250 => e::WINDOWS_1250,
        Charset::WINDOWS_1251 => e::WINDOWS_1251,
        Charset::WINDOWS_1252 => e::WINDOWS_1252,
        Charset::WINDOWS_1253 => e::WINDOWS_1253,
        Charset::WINDOWS_1254 => e::WINDOWS_1254,
        Charset::WINDOWS_1255 => e::WINDOWS_1255,
        Charset::WINDOWS_1256 => e::WINDOWS_1256,
        Charset::WINDOWS_1257 => e::WINDOWS_1257,
        Charset::WINDOWS_1258 => e::WINDOWS_1258,
        Charset::UCS_2 | Charset::UTF_16 | Charset::UTF_16BE => e::UTF_16BE,
        Charset::UTF_16LE => e::UTF_16LE,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const U8: Charset = Charset::UTF_8;

    #[test]
    fn utf8_and_defaults() {
        let s = "Привет";
        assert!(matches!(decode_text(Some(U8), s.as_bytes(), U8), Cow::Borrowed(t) if t == s));
        assert_eq!(decode_text(None, s.as_bytes(), U8), s);
        assert_eq!(decode_text(Some(Charset::ANY), s.as_bytes(), U8), s);
        assert_eq!(decode_text(Some(Charset::US_ASCII), s.as_bytes(), U8), s);
        assert_eq!(decode_text(Some(Charset(2)), b"abc", U8), "abc");
        assert_eq!(decode_text(Some(U8), b"\xEF\xBB\xBFhi", U8), "hi");
        assert_eq!(decode_text(Some(U8), b"a\xFFb", U8), "a\u{FFFD}b");
        assert_eq!(decode_text(None, &[0xE9], Charset::ISO_8859_1), "é");
    }

    #[test]
    fn utf16_with_and_without_bom() {
        assert_eq!(
            decode_text(Some(Charset::UTF_16), &[0xFE, 0xFF, 0, b'H', 0, b'i'], U8),
            "Hi"
        );
        assert_eq!(
            decode_text(Some(Charset::UTF_16), &[0xFF, 0xFE, b'H', 0, b'i', 0], U8),
            "Hi"
        );
        assert_eq!(
            decode_text(Some(Charset::UTF_16), &[0, b'H', 0, b'i'], U8),
            "Hi"
        );
        assert_eq!(
            decode_text(Some(Charset::UCS_2), &[0, b'H', 0, b'i'], U8),
            "Hi"
        );
        assert_eq!(
            decode_text(Some(Charset::UTF_16LE), &[b'H', 0, b'i', 0], U8),
            "Hi"
        );
        assert_eq!(
            decode_text(Some(Charset::UTF_16), &[0, b'H', 0], U8),
            "H\u{FFFD}"
        );
        // Unpaired surrogate.
        assert_eq!(
            decode_text(Some(Charset::UTF_16), &[0xD8, 0x00], U8),
            "\u{FFFD}"
        );
        assert_eq!(
            decode_text(Some(Charset::UTF_32), &[0, 0, 0, b'H'], U8),
            "H"
        );
    }

    #[test]
    fn latin1_exact() {
        assert_eq!(
            decode_text(Some(Charset::ISO_8859_1), b"caf\xE9", U8),
            "café"
        );
        // 0x80-0x9F are C1 controls in ISO-8859-1 (not windows-1252 punctuation).
        assert_eq!(
            decode_text(Some(Charset::ISO_8859_1), &[0x80], U8),
            "\u{80}"
        );
    }

    #[cfg(feature = "charsets")]
    #[test]
    fn legacy_charsets() {
        // "中文" in Big5, "日本" in Shift_JIS, "한국" in EUC-KR, "中" in GB2312.
        assert_eq!(
            decode_text(Some(Charset::BIG5), &[0xA4, 0xA4, 0xA4, 0xE5], U8),
            "中文"
        );
        assert_eq!(
            decode_text(Some(Charset::SHIFT_JIS), &[0x93, 0xFA, 0x96, 0x7B], U8),
            "日本"
        );
        assert_eq!(
            decode_text(Some(Charset::EUC_KR), &[0xC7, 0xD1, 0xB1, 0xB9], U8),
            "한국"
        );
        assert_eq!(
            decode_text(Some(Charset::KS_C_5601_1987), &[0xC7, 0xD1], U8),
            "한"
        );
        assert_eq!(decode_text(Some(Charset::GB2312), &[0xD6, 0xD0], U8), "中");
        assert_eq!(decode_text(Some(Charset::KOI8_R), &[0xF0, 0xD2], U8), "Пр");
        assert_eq!(decode_text(Some(Charset::WINDOWS_1251), &[0xCF], U8), "П");
        assert_eq!(
            decode_text(Some(Charset::SHIFT_JIS), &[0x93], U8),
            "\u{FFFD}"
        );
        assert!(encoding_for(Charset::UTF_7).is_none());
        // No encoding: read as the default.
        assert_eq!(decode_text(Some(Charset::UTF_7), b"abc", U8), "abc");
    }

    #[test]
    fn encoded_string_text_uses_charset() {
        let s = EncodedString::with_charset(Charset::UTF_16, &[0xFE, 0xFF, 0, b'H', 0, b'i']);
        assert_eq!(encoded_string_text(&s, U8), "Hi");
        let s = EncodedString::with_charset(Charset::ANY, b"any");
        assert_eq!(encoded_string_text(&s, U8), "any");
        let s = EncodedString::with_mibenum(u64::MAX, b"huge");
        assert_eq!(encoded_string_text(&s, U8), "huge");
        assert_eq!(s.text(U8), "huge");
    }

    #[test]
    fn us_ascii_with_8_bit_octets() {
        let ascii = Some(Charset::US_ASCII);
        // Plain ASCII borrows.
        assert!(matches!(
            decode_text(ascii, b"plain", U8),
            Cow::Borrowed("plain")
        ));
        // Valid UTF-8 under the label stays UTF-8 (and borrows), whatever the default.
        let utf8 = "Jonatan är en GNU";
        assert!(matches!(
            decode_text(ascii, utf8.as_bytes(), Charset::ISO_8859_1),
            Cow::Borrowed(t) if t == utf8
        ));
        assert_eq!(decode_text(ascii, b"\xEF\xBB\xBFhi", U8), "hi");
        // Anything else is windows-1252: Latin-1 letters, and 0x80-0x9F as punctuation.
        assert_eq!(decode_text(ascii, b"K\xE4se", U8), "Käse");
        assert_eq!(
            decode_text(ascii, b"\x80 5 \x96 \x93ok\x94", U8),
            "€ 5 – “ok”"
        );
        // The unassigned five stay C1 controls, as WHATWG decodes them.
        assert_eq!(
            decode_text(ascii, b"\x81\x8D\x8F\x90\x9D", U8),
            "\u{81}\u{8D}\u{8F}\u{90}\u{9D}"
        );
        assert!(!decode_text(ascii, b"\xFF\xFE", U8).contains('\u{FFFD}'));
        // An Encoded-string-value labelled us-ascii (charset 0x83), as in a Subject.
        let (cs, text) = wire_text(&[0x05, 0x83, b'O', b'l', 0xE9, 0x00], U8);
        assert_eq!((cs, text.as_str()), (Some(3), "Olé"));
    }

    #[test]
    fn windows_1252_table_matches_the_standard() {
        // Every octet is one character, ASCII and 0xA0-0xFF as in Latin-1.
        for b in (0..0x80u8).chain(0xA0..=0xFF) {
            assert_eq!(
                windows_1252(&[b]).chars().collect::<alloc::vec::Vec<_>>(),
                [char::from(b)]
            );
        }
        #[cfg(feature = "charsets")]
        for b in 0x80..=0x9Fu8 {
            let octet = [b];
            let (want, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&octet);
            assert_eq!(windows_1252(&octet), want, "octet {b:#04X}");
        }
    }

    #[test]
    fn text_string_text_is_utf8() {
        let t = TextString::from("Grüße");
        assert!(matches!(t.text(), Cow::Borrowed("Grüße")));
        assert_eq!(TextString::new(b"caf\xE9").text(), "caf\u{FFFD}");
    }

    /// Decodes an Encoded-string-value from hand-written octets, checks it re-encodes to the
    /// same octets and returns its charset MIBenum and text.
    fn wire_text(wire: &[u8], default: Charset) -> (Option<u64>, String) {
        use crate::codec::{Encode, decode_all, encoded_string};
        let s = decode_all(wire, encoded_string).unwrap();
        assert_eq!(s.encode_to_vec().unwrap(), wire, "re-encoding {wire:02X?}");
        assert_eq!(s.encoded_len(), wire.len());
        (
            s.charset().map(|c| c.value),
            encoded_string_text(&s, default).into_owned(),
        )
    }

    #[test]
    fn any_charset_and_missing_charset_use_the_default() {
        // Charset Any (0x80) with UTF-8 text: UTF-8, not Latin-1 ("Ã©"), not an error.
        let wire = [0x05, 0x80, b'O', 0xC3, 0xA9, 0x00];
        assert_eq!(wire_text(&wire, U8), (Some(0), "Oé".into()));
        // Any sent as a Long-integer 0.
        let wire = [0x05, 0x01, 0x00, b'h', b'i', 0x00];
        assert_eq!(wire_text(&wire, U8), (Some(0), "hi".into()));
        // No charset at all.
        assert_eq!(
            wire_text(&[b'O', 0xC3, 0xA9, 0x00], U8),
            (None, "Oé".into())
        );
        // The default is the caller's: Latin-1 when configured.
        let wire = [0x04, 0x80, b'O', 0xE9, 0x00];
        assert_eq!(
            wire_text(&wire, Charset::ISO_8859_1),
            (Some(0), "Oé".into())
        );
    }

    #[test]
    fn mibenum_short_and_long_integer() {
        // utf-8 as Short-integer EA and as Long-integer 01 6A: same text, form kept.
        assert_eq!(
            wire_text(&[0x04, 0xEA, b'o', b'k', 0x00], U8),
            (Some(106), "ok".into())
        );
        assert_eq!(
            wire_text(&[0x05, 0x01, 0x6A, b'o', b'k', 0x00], U8),
            (Some(106), "ok".into())
        );
        // Big5 (2026) is always a Long-integer: 02 07 EA.
        let wire = [0x08, 0x02, 0x07, 0xEA, 0xA4, 0xA4, 0xA4, 0xE5, 0x00];
        let (cs, text) = wire_text(&wire, U8);
        assert_eq!(cs, Some(2026));
        if cfg!(feature = "charsets") {
            assert_eq!(text, "中文");
        }
    }

    #[cfg(feature = "charsets")]
    #[test]
    fn cjk_encoded_strings() {
        // gb2312 (2025, 02 07 E9) "中文".
        let wire = [0x08, 0x02, 0x07, 0xE9, 0xD6, 0xD0, 0xCE, 0xC4, 0x00];
        assert_eq!(wire_text(&wire, U8), (Some(2025), "中文".into()));
        // gbk (113, Short-integer F1) "中文".
        let wire = [0x06, 0xF1, 0xD6, 0xD0, 0xCE, 0xC4, 0x00];
        assert_eq!(wire_text(&wire, U8), (Some(113), "中文".into()));
        // euc-kr (38, A6) "한국".
        let wire = [0x06, 0xA6, 0xC7, 0xD1, 0xB1, 0xB9, 0x00];
        assert_eq!(wire_text(&wire, U8), (Some(38), "한국".into()));
        // shift_jis (17, 91) "日本".
        let wire = [0x06, 0x91, 0x93, 0xFA, 0x96, 0x7B, 0x00];
        assert_eq!(wire_text(&wire, U8), (Some(17), "日本".into()));
    }

    #[test]
    fn utf16_bounded_by_value_length_not_first_nul() {
        // utf-16 (02 03 F7) "Hi" without BOM, double NUL terminator.
        let wire = [0x09, 0x02, 0x03, 0xF7, 0x00, 0x48, 0x00, 0x69, 0x00, 0x00];
        assert_eq!(wire_text(&wire, U8), (Some(1015), "Hi".into()));
        // With a little-endian BOM behind the Quote (the BOM's first octet is >= 0x80).
        let wire = [
            0x0C, 0x02, 0x03, 0xF7, 0x7F, 0xFF, 0xFE, 0x48, 0x00, 0x69, 0x00, 0x00, 0x00,
        ];
        assert_eq!(wire_text(&wire, U8), (Some(1015), "Hi".into()));
        // UTF-16 with a big-endian BOM and a single NUL.
        let wire = [
            0x0B, 0x02, 0x03, 0xF7, 0x7F, 0xFE, 0xFF, 0x00, 0x48, 0x00, 0x69, 0x00,
        ];
        assert_eq!(wire_text(&wire, U8), (Some(1015), "Hi".into()));
        // ucs-2 (02 03 E8) "é€".
        let wire = [0x09, 0x02, 0x03, 0xE8, 0x00, 0xE9, 0x20, 0xAC, 0x00, 0x00];
        assert_eq!(wire_text(&wire, U8), (Some(1000), "é€".into()));
    }

    #[test]
    fn emoji() {
        // utf-8 "😀".
        let wire = [0x06, 0xEA, 0xF0, 0x9F, 0x98, 0x80, 0x00];
        assert_eq!(wire_text(&wire, U8), (Some(106), "😀".into()));
        // utf-16 "😀" as a surrogate pair D83D DE00.
        let wire = [0x09, 0x02, 0x03, 0xF7, 0xD8, 0x3D, 0xDE, 0x00, 0x00, 0x00];
        // The text starts with 0xD8 >= 0x80: a Quote is expected but leniently not required.
        let (cs, text) = wire_text(&wire, U8);
        assert_eq!((cs, text.as_str()), (Some(1015), "😀"));
    }
}
