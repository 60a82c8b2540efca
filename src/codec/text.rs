//! Text-string, Quoted-string, Token-text, Extension-media and Text-value (WAP-230-WSP
//! §8.4.2.1, §8.4.2.3).
//!
//! Text is kept as the raw octets that were sent (borrowed from the input); nothing is
//! validated or transcoded here. The Quote octet (0x7F) and the terminating NUL are not part of
//! the value, but whether they were present is remembered so that re-encoding is exact.

use nom::Parser;
use nom::branch::alt;
use nom::combinator::peek;
use nom::sequence::preceded;

use crate::base::error::{DecodeErrorKind, Deviation, EncodeError, Expected, WireError};
use crate::codec::parse::{PResult, fail, octet_where};
use crate::codec::writer::{Encode, Writer};

/// The Quote octet that must precede a text whose first octet is 0x80 or above.
pub const QUOTE: u8 = 0x7F;
/// The octet that starts a Quoted-string (`"`).
pub const DOUBLE_QUOTE: u8 = 0x22;

/// A Text-string: `[Quote] *TEXT NUL`.
///
/// ```
/// use mms_pdu::codec::{decode_all, text_string, Encode, TextString};
/// let t = decode_all(b"hello\0", text_string).unwrap();
/// assert_eq!(t.as_bytes(), b"hello");
/// // A first octet of 0x80 or above is escaped with the Quote octet.
/// assert_eq!(TextString::new("été".as_bytes()).encode_to_vec().unwrap()[0], 0x7F);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TextString<'a> {
    /// The text octets (without Quote and NUL).
    #[cfg_attr(feature = "serde", serde(with = "crate::base::serde_util::octets"))]
    pub bytes: &'a [u8],
    /// A Quote octet (0x7F) preceded the text.
    pub quoted: bool,
    /// NUL octets after the text: 1 normally; 0 when the text ran to the end of a bounded
    /// value; 2 for a 16-bit text ended by a double NUL.
    pub nuls: u8,
}

impl<'a> TextString<'a> {
    /// A canonical Text-string holding `bytes`: quoted when it starts with an octet ≥ 0x80
    /// (or with 0x7F itself, which would otherwise read as a Quote), one terminating NUL.
    pub const fn new(bytes: &'a [u8]) -> Self {
        let quoted = matches!(bytes.first(), Some(&b) if b >= QUOTE);
        TextString {
            bytes,
            quoted,
            nuls: 1,
        }
    }

    /// The text octets (for the text itself, [`TextString::text`]).
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The text as UTF-8, if it is valid UTF-8.
    pub fn as_str(&self) -> Option<&'a str> {
        core::str::from_utf8(self.bytes).ok()
    }

    /// Deviations of this value's wire form from the canonical one.
    pub fn deviation(&self) -> Option<Deviation> {
        let high_first = matches!(self.bytes.first(), Some(&b) if b >= QUOTE);
        if self.nuls == 0 {
            Some(Deviation::UnterminatedText)
        } else if self.quoted && !high_first {
            Some(Deviation::NeedlessQuote)
        } else if !self.quoted && high_first {
            Some(Deviation::MissingQuote)
        } else {
            None
        }
    }
}

/// A canonical Text-string holding `text` ([`TextString::new`] of its octets).
///
/// ```
/// use mms_pdu::codec::TextString;
/// assert_eq!(TextString::from("T1"), TextString::new(b"T1"));
/// ```
impl<'a> From<&'a str> for TextString<'a> {
    fn from(text: &'a str) -> Self {
        TextString::new(text.as_bytes())
    }
}

impl Encode for TextString<'_> {
    fn encoded_len(&self) -> usize {
        usize::from(self.quoted) + self.bytes.len() + usize::from(self.nuls)
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        if self.bytes.contains(&0) && self.nuls != 2 && self.nuls != 0 {
            return Err(EncodeError::Unencodable {
                field: "Text-string",
                reason: "text contains NUL",
            });
        }
        if self.quoted {
            w.write_u8(QUOTE)?;
        }
        w.write_bytes(self.bytes)?;
        for _ in 0..self.nuls {
            w.write_u8(0)?;
        }
        Ok(())
    }
}

/// Splits at the first NUL: returns (text, rest after the NUL).
pub(crate) fn until_nul(input: &[u8]) -> Option<(&[u8], &[u8])> {
    let pos = find_nul(input)?;
    Some((input.get(..pos)?, input.get(pos + 1..)?))
}

/// The octets up to a NUL, and the NUL; without one, `MissingTerminator` at `item`, the
/// start of the text item being read (before its Quote or opening `"`), where it is reported.
///
/// nom's `take_until` finds the NUL with the same `memchr`, but its failure is a bare
/// `ErrorKind::TakeUntil`, not the terminator the grammar misses.
fn nul_terminated<'a>(
    item: &'a [u8],
) -> impl Parser<&'a [u8], Output = &'a [u8], Error = WireError<'a>> {
    move |body: &'a [u8]| match until_nul(body) {
        Some((text, rest)) => Ok((rest, text)),
        None => fail(item, DecodeErrorKind::MissingTerminator),
    }
}

/// The position of the first NUL octet.
///
/// Every text of every header is scanned for its terminator; a byte-at-a-time scan was the
/// largest single cost of decoding a notification. Most header texts are short (a
/// Transaction-Id, a name, a Content-ID), and for them `memchr`'s call (its SIMD routine is
/// chosen at run time, through a function pointer) cost 45–80 instructions a text
/// (callgrind); so the first [`SHORT_TEXT`] octets are searched a word at a time here, and only
/// a longer text is handed to `memchr`.
#[inline]
pub(crate) fn find_nul(input: &[u8]) -> Option<usize> {
    let (head, tail) = input.split_at(input.len().min(SHORT_TEXT));
    let mut words = head.chunks_exact(8);
    let mut at = 0;
    for word in words.by_ref() {
        let mut octets = [0; 8];
        octets.copy_from_slice(word);
        let v = u64::from_le_bytes(octets);
        // The high bit of each octet that is zero (and of none that is not, below the first
        // zero one: the borrow runs upwards only past a zero octet).
        let zeros = v.wrapping_sub(0x0101_0101_0101_0101) & !v & 0x8080_8080_8080_8080;
        if zeros != 0 {
            return Some(at + (zeros.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    if let Some(i) = words.remainder().iter().position(|&b| b == 0) {
        return Some(at + i);
    }
    memchr::memchr(0, tail).map(|i| head.len() + i)
}

/// How many octets [`find_nul`] searches itself before it asks `memchr`.
const SHORT_TEXT: usize = 64;

/// The Text-string that is all of `value`, a text a header walk cut out at its first NUL (as
/// [`skip_value`](crate::codec::skip_value) cuts one), read without searching for that NUL
/// again. `None` when `value` does not look like such a cut (its first octet is not 0x00 or
/// 0x20–0x7F, or its last is not a NUL); the caller then reads it with [`text_string`].
///
/// The caller vouches for what is not checked here: no NUL before the last octet.
#[inline(always)]
pub(crate) fn cut_text(value: &[u8]) -> Option<TextString<'_>> {
    let (&last, body) = value.split_last()?;
    let first = *value.first()?;
    if last != 0 || !(first == 0 || (0x20..0x80).contains(&first)) {
        return None;
    }
    debug_assert!(find_nul(body).is_none(), "a cut text ends at its first NUL");
    let (quoted, bytes) = match body.split_first() {
        Some((&QUOTE, rest)) => (true, rest),
        _ => (false, body),
    };
    Some(TextString {
        bytes,
        quoted,
        nuls: 1,
    })
}

/// [`cut_text`] for a text that no scan cut at its NUL (one inside a Value-length): the
/// Text-string that is exactly `value`, or `None` when `value` is not one (a NUL before its
/// last octet, or as for [`cut_text`]).
#[inline(always)]
pub(crate) fn whole_text(value: &[u8]) -> Option<TextString<'_>> {
    if find_nul(value)? + 1 == value.len() {
        cut_text(value)
    } else {
        None
    }
}

/// Decodes a NUL-terminated Text-string, stripping one leading Quote octet.
///
/// # Errors
/// `MissingTerminator` when no NUL follows, `UnexpectedEnd` on empty input.
pub fn text_string(input: &[u8]) -> PResult<'_, TextString<'_>> {
    // Written out, the one hot text rule: as `preceded(peek(octet), (quote,
    // nul_terminated(input)))` it was not inlined into its callers and cost 306 instructions
    // per decode of a 68-octet notification, seven texts (callgrind, `mms bench`; see
    // benches/README.md "nom combinators").
    let (quoted, body) = match input.split_first() {
        Some((&QUOTE, rest)) => (true, rest),
        Some(_) => (false, input),
        None => return fail(input, DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 }),
    };
    match until_nul(body) {
        Some((bytes, rest)) => Ok((
            rest,
            TextString {
                bytes,
                quoted,
                nuls: 1,
            },
        )),
        None => fail(input, DecodeErrorKind::MissingTerminator),
    }
}

/// Decodes a Text-string that fills a bounded value (the rest of a Value-length, a part-header
/// block): a missing NUL at the end of the bound is accepted (`nuls == 0`, a deviation).
/// Octets after the first NUL are left to the caller.
///
/// # Errors
/// `UnexpectedEnd` on empty input.
pub fn text_string_bounded(input: &[u8]) -> PResult<'_, TextString<'_>> {
    // `text_string`'s rule written out once more, with the missing NUL accepted where
    // `text_string` fails, rather than calling it and matching on its result, which moved the
    // 64-octet result once more for every text. Callgrind, the sample retrieve-conf (six
    // Content-Locations, each read by the check and by the walk): 212 instructions less per
    // decode and walk; marked `#[inline]`, 76 more instead.
    let (quoted, body) = match input.split_first() {
        Some((&QUOTE, rest)) => (true, rest),
        Some(_) => (false, input),
        None => return fail(input, DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 }),
    };
    let (bytes, rest, nuls) = match until_nul(body) {
        Some((bytes, rest)) => (bytes, rest, 1),
        None => (body, &[][..], 0),
    };
    Ok((
        rest,
        TextString {
            bytes,
            quoted,
            nuls,
        },
    ))
}

/// A Quoted-string: `0x22 *TEXT NUL` (no closing quote in the grammar).
///
/// Some encoders add a closing `"` before the NUL; it is kept apart (`closing_quote`) so the
/// value reads without it and re-encodes with it.
///
/// ```
/// use mms_pdu::codec::{decode_all, quoted_string};
/// let q = decode_all(b"\"<img1>\"\0", quoted_string).unwrap();
/// assert_eq!((q.bytes, q.closing_quote), (&b"<img1>"[..], true));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct QuotedString<'a> {
    /// The text between the opening quote and the NUL (without a closing quote).
    #[cfg_attr(feature = "serde", serde(with = "crate::base::serde_util::octets"))]
    pub bytes: &'a [u8],
    /// A closing `"` stood before the NUL.
    pub closing_quote: bool,
    /// The NUL was present (false only when the text ran to the end of a bounded value).
    pub terminated: bool,
}

impl<'a> QuotedString<'a> {
    /// A canonical Quoted-string.
    pub const fn new(bytes: &'a [u8]) -> Self {
        QuotedString {
            bytes,
            closing_quote: false,
            terminated: true,
        }
    }

    /// The text as UTF-8, if valid.
    pub fn as_str(&self) -> Option<&'a str> {
        core::str::from_utf8(self.bytes).ok()
    }

    /// Deviation of the wire form, if any.
    pub fn deviation(&self) -> Option<Deviation> {
        if !self.terminated {
            Some(Deviation::UnterminatedText)
        } else if self.closing_quote {
            Some(Deviation::ClosingQuote)
        } else {
            None
        }
    }
}

pub(super) fn split_closing_quote(text: &[u8]) -> (&[u8], bool) {
    match text.split_last() {
        Some((&DOUBLE_QUOTE, head)) => (head, true),
        _ => (text, false),
    }
}

/// Decodes a Quoted-string.
///
/// # Errors
/// `UnexpectedOctet` when the first octet is not 0x22, `MissingTerminator` without a NUL.
pub fn quoted_string(input: &[u8]) -> PResult<'_, QuotedString<'_>> {
    preceded(
        octet_where(Expected::QuotedString, |b| b == DOUBLE_QUOTE),
        nul_terminated(input),
    )
    .map(|text| {
        let (bytes, closing_quote) = split_closing_quote(text);
        QuotedString {
            bytes,
            closing_quote,
            terminated: true,
        }
    })
    .parse(input)
}

/// Decodes a Quoted-string that fills a bounded value; a missing NUL at the end is accepted.
///
/// # Errors
/// `UnexpectedOctet` when the first octet is not 0x22.
pub fn quoted_string_bounded(input: &[u8]) -> PResult<'_, QuotedString<'_>> {
    match quoted_string(input) {
        Err(nom::Err::Error(e)) if e.kind == DecodeErrorKind::MissingTerminator => {
            let body = input.get(1..).unwrap_or(&[]);
            let (bytes, closing_quote) = split_closing_quote(body);
            Ok((
                &[],
                QuotedString {
                    bytes,
                    closing_quote,
                    terminated: false,
                },
            ))
        }
        other => other,
    }
}

impl Encode for QuotedString<'_> {
    fn encoded_len(&self) -> usize {
        1 + self.bytes.len() + usize::from(self.closing_quote) + usize::from(self.terminated)
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        if self.bytes.contains(&0) {
            return Err(EncodeError::Unencodable {
                field: "Quoted-string",
                reason: "text contains NUL",
            });
        }
        w.write_u8(DOUBLE_QUOTE)?;
        w.write_bytes(self.bytes)?;
        if self.closing_quote {
            w.write_u8(DOUBLE_QUOTE)?;
        }
        if self.terminated {
            w.write_u8(0)?;
        }
        Ok(())
    }
}

/// Token-text or Extension-media: text octets then NUL, with no Quote rule. Used for
/// application header names, textual content types and parameter names.
///
/// The octets are not checked against the RFC 2616 token alphabet: real PDUs carry header names
/// such as a single space (Gammu's `worldcupupdate` capture), and rejecting them would
/// lose the rest of the PDU.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Token<'a> {
    /// The text octets (without the NUL).
    #[cfg_attr(feature = "serde", serde(with = "crate::base::serde_util::octets"))]
    pub bytes: &'a [u8],
    /// The NUL was present (false only at the end of a bounded value).
    pub terminated: bool,
}

impl<'a> Token<'a> {
    /// A canonical token.
    pub const fn new(bytes: &'a [u8]) -> Self {
        Token {
            bytes,
            terminated: true,
        }
    }

    /// The text as UTF-8, if valid.
    pub fn as_str(&self) -> Option<&'a str> {
        core::str::from_utf8(self.bytes).ok()
    }
}

/// Decodes Token-text / Extension-media: octets up to a NUL. The first octet must be text
/// (0x20–0x7E), which is what distinguishes these items from encoded values.
///
/// # Errors
/// `UnexpectedOctet` when the first octet is not text, `MissingTerminator` without a NUL.
pub fn token_text(input: &[u8]) -> PResult<'_, Token<'_>> {
    preceded(
        peek(octet_where(Expected::TokenText, |b| {
            (0x20..0x7F).contains(&b)
        })),
        nul_terminated(input),
    )
    .map(|bytes| Token {
        bytes,
        terminated: true,
    })
    .parse(input)
}

impl Encode for Token<'_> {
    fn encoded_len(&self) -> usize {
        self.bytes.len() + usize::from(self.terminated)
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self.bytes.first() {
            Some(&b) if (0x20..0x7F).contains(&b) && !self.bytes.contains(&0) => {}
            _ => {
                return Err(EncodeError::Unencodable {
                    field: "Token-text",
                    reason: "must be non-empty text starting with an octet 0x20..=0x7E",
                });
            }
        }
        w.write_bytes(self.bytes)?;
        if self.terminated {
            w.write_u8(0)?;
        }
        Ok(())
    }
}

/// A Text-value: No-value, Token-text or Quoted-string (WSP 8.4.2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum TextValue<'a> {
    /// `0x00`: present without a value.
    NoValue,
    /// Token-text.
    #[cfg_attr(feature = "serde", serde(borrow))]
    Token(Token<'a>),
    /// Quoted-string.
    Quoted(QuotedString<'a>),
}

impl<'a> TextValue<'a> {
    /// The text octets (empty for No-value).
    pub fn as_bytes(&self) -> &'a [u8] {
        match self {
            TextValue::NoValue => &[],
            TextValue::Token(t) => t.bytes,
            TextValue::Quoted(q) => q.bytes,
        }
    }
}

/// Decodes a Text-value.
///
/// # Errors
/// `UnexpectedOctet` when the first octet starts none of the three forms.
pub fn text_value(input: &[u8]) -> PResult<'_, TextValue<'_>> {
    // When all three fail, `alt` reports the last error, Token-text's, which is also what a
    // Quoted-string without its NUL gives (a `"` is text too).
    alt((
        no_value.map(|()| TextValue::NoValue),
        quoted_string.map(TextValue::Quoted),
        token_text.map(TextValue::Token),
    ))
    .parse(input)
}

impl Encode for TextValue<'_> {
    fn encoded_len(&self) -> usize {
        match self {
            TextValue::NoValue => 1,
            TextValue::Token(t) => t.encoded_len(),
            TextValue::Quoted(q) => q.encoded_len(),
        }
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            TextValue::NoValue => w.write_u8(0),
            TextValue::Token(t) => t.encode(w),
            TextValue::Quoted(q) => q.encode(w),
        }
    }
}

/// Decodes No-value (a single 0x00 octet).
///
/// # Errors
/// `UnexpectedOctet` for any other octet.
pub fn no_value(input: &[u8]) -> PResult<'_, ()> {
    octet_where(Expected::Value, |b| b == 0)
        .map(|_| ())
        .parse(input)
}
