//! The media of a Content-type-value: a well-known number or an Extension-media text
//! (WAP-230-WSP §8.4.2.24; numbers from its Appendix A and the OMNA content-type registry).

use core::fmt;

use super::param_value::starts_integer_value;
use crate::assigned::WellKnownMedia;
use crate::base::error::{DecodeErrorKind, EncodeError, Expected};
use crate::codec::{
    Encode, IntegerForm, IntegerValue, PResult, Token, Writer, fail, integer_value, unexpected,
};

/// The media of a content type as it was sent: a well-known number (Integer-value, which keeps
/// a Long-integer such as the registered 0x0201) or an Extension-media text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum MediaValue<'a> {
    /// A well-known or registered number (WAP-230-WSP Appendix A, OMNA registry) in its wire form.
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

    pub(super) fn is_short_integer(&self) -> bool {
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
            MediaValue::Text(t) => t.encoded_len(),
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
    /// A well-known or registered number (WAP-230-WSP Appendix A, OMNA registry).
    WellKnown(WellKnownMedia),
    /// A textual media type such as `application/smil`.
    Text(#[cfg_attr(feature = "serde", serde(with = "crate::base::serde_util::octets"))] &'a [u8]),
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
                // Exact octets first: senders write the names in lower case, and the
                // comparison folding case costs twice as much (callgrind, a push's
                // `application/vnd.wap.mms-message`).
                media.name().is_some_and(|n| {
                    let n = n.as_bytes();
                    n == *t || n.eq_ignore_ascii_case(t)
                }) || core::str::from_utf8(t)
                    .ok()
                    .and_then(WellKnownMedia::from_name)
                    == Some(media)
            }
        }
    }

    /// True for `multipart/*` and `application/vnd.wap.multipart.*` types.
    pub fn is_multipart(&self) -> bool {
        match self {
            Media::WellKnown(m) => m.is_multipart(),
            Media::Text(t) => {
                starts_with_ignore_case(t, b"multipart/")
                    || starts_with_ignore_case(t, WAP_MULTIPART)
            }
        }
    }

    /// True for the binary WSP multipart types, `application/vnd.wap.multipart.*`, by number
    /// ([`WellKnownMedia::is_wap_multipart`]) or by name (ASCII case-insensitive).
    pub fn is_wap_multipart(&self) -> bool {
        match self {
            Media::WellKnown(m) => m.is_wap_multipart(),
            Media::Text(t) => starts_with_ignore_case(t, WAP_MULTIPART),
        }
    }
}

/// The name prefix of the binary WSP multipart types.
const WAP_MULTIPART: &[u8] = b"application/vnd.wap.multipart.";

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

pub(super) fn write_lossy(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
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
pub(super) fn media_value(input: &[u8]) -> PResult<'_, MediaValue<'_>> {
    match input.first() {
        Some(&b) if starts_integer_value(b) => {
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
pub(super) fn extension_media(input: &[u8], bounded: bool) -> PResult<'_, Token<'_>> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wsp::content_type::tests::round_trip;
    use alloc::vec;

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
}
