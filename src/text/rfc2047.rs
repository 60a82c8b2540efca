//! RFC 2047 encoded-words in header text, as e-mail gateways put them in a Subject.

use alloc::borrow::Cow;
use alloc::string::String;

use crate::assigned::Charset;
use crate::text::decode::{decode_text, is_decodable};

/// Decodes the RFC 2047 encoded-words in a header text (`=?utf-8?B?...?=`, `=?iso-8859-1?Q?...?=`),
/// as e-mail gateways put them in a Subject (Symbian decodes them; Jolla's `InvalidSubject`
/// test PDU carries an empty one).
///
/// This is a post-processing helper kept apart from decoding: the PDU keeps the Subject as sent
/// and the PDU's `subject_text` does not apply it. Rules:
///
/// - `B` (base64) and `Q` (quoted-printable, `_` = space) encodings, either case;
/// - the charset is looked up by name ([`Charset::from_name`], then, with the `charsets`
///   feature, every `encoding_rs` label); an RFC 2231 language suffix (`utf-8*en`) is ignored;
/// - white space between two adjacent encoded-words is dropped, and the octets of adjacent
///   words in the same charset are joined before decoding, so a multi-octet character split
///   across two words comes out whole;
/// - a word with an unknown charset, an unknown encoding or bad base64 is left as it was;
///   invalid octets become U+FFFD; an empty word (`=?utf-8?B??=`) is the empty string.
///
/// Borrows when there is nothing to decode.
///
/// ```
/// use mms_pdu::text::decode_encoded_words;
/// assert_eq!(decode_encoded_words("=?utf-8?B?SGVsbG8g8J+Riw==?="), "Hello 👋");
/// assert_eq!(decode_encoded_words("=?ISO-8859-1?Q?caf=E9_au_lait?="), "café au lait");
/// assert_eq!(decode_encoded_words("Re: =?utf-8?q?a?= =?utf-8?q?b?= c"), "Re: ab c");
/// assert_eq!(decode_encoded_words("=?x-unknown?Q?abc?="), "=?x-unknown?Q?abc?=");
/// assert_eq!(decode_encoded_words("plain"), "plain");
/// ```
pub fn decode_encoded_words(text: &str) -> Cow<'_, str> {
    if !text.contains("=?") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    // Octets of the pending run of adjacent encoded-words in one charset.
    let mut pending: alloc::vec::Vec<u8> = alloc::vec::Vec::new();
    let mut pending_charset: Option<WordCharset> = None;
    let mut rest = text;
    while let Some(start) = rest.find("=?") {
        let (before, candidate) = rest.split_at(start);
        if let Some((word, after)) = parse_word(candidate) {
            // White space between two encoded-words is not part of the text (RFC 2047 §6.2).
            let adjacent = pending_charset.is_some() && before.chars().all(is_lws);
            if !adjacent {
                flush(&mut out, &mut pending, &mut pending_charset);
                out.push_str(before);
            } else if pending_charset != Some(word.charset) {
                flush(&mut out, &mut pending, &mut pending_charset);
            }
            pending_charset = Some(word.charset);
            pending.extend_from_slice(&word.octets);
            rest = after;
        } else {
            // Not an encoded-word: keep "=?" as text and go on after it.
            let (head, tail) = candidate.split_at(2);
            flush(&mut out, &mut pending, &mut pending_charset);
            out.push_str(before);
            out.push_str(head);
            rest = tail;
        }
    }
    flush(&mut out, &mut pending, &mut pending_charset);
    out.push_str(rest);
    Cow::Owned(out)
}

fn is_lws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// The charset of an encoded-word: a MIBenum this crate decodes, or an `encoding_rs` label.
#[derive(Clone, Copy, PartialEq, Eq)]
enum WordCharset {
    Mib(Charset),
    #[cfg(feature = "charsets")]
    Encoding(&'static encoding_rs::Encoding),
}

struct Word {
    charset: WordCharset,
    octets: alloc::vec::Vec<u8>,
}

fn flush(out: &mut String, pending: &mut alloc::vec::Vec<u8>, charset: &mut Option<WordCharset>) {
    match charset.take() {
        Some(WordCharset::Mib(c)) => out.push_str(&decode_text(Some(c), pending, Charset::UTF_8)),
        #[cfg(feature = "charsets")]
        Some(WordCharset::Encoding(e)) => out.push_str(&e.decode_without_bom_handling(pending).0),
        None => {}
    }
    pending.clear();
}

/// Parses `=?charset?enc?text?=` at the start of `s`; returns the word and what follows.
fn parse_word(s: &str) -> Option<(Word, &str)> {
    let body = s.strip_prefix("=?")?;
    let (charset, body) = body.split_once('?')?;
    let (encoding, body) = body.split_once('?')?;
    let end = body.find("?=")?;
    let (payload, after) = body.split_at(end);
    let after = after.get(2..)?;
    if payload.contains(is_lws) {
        return None;
    }
    let name = charset.split('*').next().unwrap_or(charset);
    let charset = word_charset(name)?;
    let octets = if encoding.eq_ignore_ascii_case("B") {
        base64(payload.as_bytes())?
    } else if encoding.eq_ignore_ascii_case("Q") {
        quoted_printable(payload.as_bytes())?
    } else {
        return None;
    };
    Some((Word { charset, octets }, after))
}

fn word_charset(name: &str) -> Option<WordCharset> {
    if let Some(c) = Charset::from_name(name)
        .or_else(|| Charset::from_name(&name.to_ascii_lowercase()).filter(|c| !c.is_any()))
        .filter(|c| is_decodable(*c))
    {
        return Some(WordCharset::Mib(c));
    }
    #[cfg(feature = "charsets")]
    if let Some(e) = encoding_rs::Encoding::for_label(name.as_bytes()) {
        return Some(WordCharset::Encoding(e));
    }
    None
}

/// Base64 as encoded-words carry it: the `=` padding may be there or not (it is cut off first,
/// at most two), and bits left over in the last character are ignored, as RFC 4648 §3.5
/// allows; only what cannot come from whole octets (one character past a multiple of four) or
/// a character outside the alphabet fails.
fn base64(input: &[u8]) -> Option<alloc::vec::Vec<u8>> {
    use base64::Engine as _;
    use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
    const LENIENT: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new()
            .with_decode_allow_trailing_bits(true)
            .with_decode_padding_mode(DecodePaddingMode::RequireNone),
    );
    let data = input
        .strip_suffix(b"==")
        .or_else(|| input.strip_suffix(b"="))
        .unwrap_or(input);
    LENIENT.decode(data).ok()
}

/// The 'Q' encoding of RFC 2047 §4.2. Not the `quoted_printable` crate: that is MIME
/// quoted-printable (RFC 2045 §6.7), which differs where it matters here. 'Q' writes a space
/// as `_` and has no lines, soft breaks or trailing-space rule; and that crate's strict mode
/// refuses lower-case hex and 8-bit octets (which gateways send and this decoder has always
/// taken), while its robust mode keeps a malformed `=` escape as text, where a malformed word
/// must be left as it was.
fn quoted_printable(input: &[u8]) -> Option<alloc::vec::Vec<u8>> {
    let mut out = alloc::vec::Vec::with_capacity(input.len());
    let mut i = input.iter();
    while let Some(&c) = i.next() {
        match c {
            b'_' => out.push(b' '),
            b'=' => {
                let digits = [*i.next()?, *i.next()?];
                let mut octet = [0u8];
                out.extend_from_slice(base16ct::mixed::decode(digits, &mut octet).ok()?);
            }
            other => out.push(other),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_words() {
        assert_eq!(decode_encoded_words("=?utf-8?B?5pel5pys?="), "日本");
        // A character split over two adjacent words is joined before decoding.
        assert_eq!(
            decode_encoded_words("=?UTF-8?B?5pe=?= =?UTF-8?B?pQ==?="),
            "日"
        );
        assert_eq!(decode_encoded_words("=?utf-8?Q?=F0=9F=98=80?="), "😀");
        assert_eq!(decode_encoded_words("=?utf-8*en?Q?a_b?="), "a b");
        assert_eq!(decode_encoded_words("=?utf-8?B??="), "");
        assert_eq!(decode_encoded_words("a =?utf-8?Q?b?= c"), "a b c");
        assert_eq!(decode_encoded_words("=?utf-8?X?b?="), "=?utf-8?X?b?=");
        assert_eq!(decode_encoded_words("=?utf-8?B?***?="), "=?utf-8?B?***?=");
        assert_eq!(decode_encoded_words("=?utf-8?Q?=Z1?="), "=?utf-8?Q?=Z1?=");
        assert_eq!(decode_encoded_words("x =? y ?= z"), "x =? y ?= z");
        assert_eq!(decode_encoded_words("=?"), "=?");
        assert_eq!(
            decode_encoded_words("=?iso-8859-1?q?a?= =?utf-8?q?=C3=A9?="),
            "aé"
        );
    }

    /// What gateways send beside the letter of RFC 2047, and why neither codec is MIME's.
    #[test]
    fn encoded_words_as_gateways_write_them() {
        // 'B' without padding, with too much, with stray bits in the last character.
        assert_eq!(decode_encoded_words("=?utf-8?B?YWI?="), "ab");
        assert_eq!(decode_encoded_words("=?utf-8?B?YWJj==?="), "abc");
        assert_eq!(decode_encoded_words("=?utf-8?B?YWJ?="), "ab");
        assert_eq!(decode_encoded_words("=?utf-8?B?Y?="), "=?utf-8?B?Y?=");
        assert_eq!(decode_encoded_words("=?utf-8?B?Y=WI?="), "=?utf-8?B?Y=WI?=");
        // 'Q': lower-case escapes, 8-bit text, `_` for a space even at the end, a cut escape.
        assert_eq!(decode_encoded_words("=?utf-8?Q?caf=c3=a9?="), "café");
        assert_eq!(decode_encoded_words("=?utf-8?Q?café?="), "café");
        assert_eq!(decode_encoded_words("=?utf-8?Q?a__?=|"), "a  |");
        assert_eq!(decode_encoded_words("=?utf-8?Q?a=5F?="), "a_");
        assert_eq!(decode_encoded_words("=?utf-8?Q?a=4?="), "=?utf-8?Q?a=4?=");
    }

    #[cfg(feature = "charsets")]
    #[test]
    fn encoded_words_other_charsets() {
        // A label only encoding_rs knows.
        assert_eq!(decode_encoded_words("=?cp1251?Q?=CF?="), "П");
        assert_eq!(decode_encoded_words("=?big5?B?pKSk5Q==?="), "中文");
        assert_eq!(decode_encoded_words("=?EUC-KR?B?x9GxuQ==?="), "한국");
    }

    proptest::proptest! {
        #[test]
        fn encoded_words_never_panic(s in "[=?a-zA-Z0-9_ *\\-]{0,40}") {
            let _ = decode_encoded_words(&s);
        }
    }
}
