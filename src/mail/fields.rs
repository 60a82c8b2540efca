//! The fields both directions share: the MM4 `X-Mms-*` headers carried, the Subject as text,
//! and the checks that keep a PDU value from becoming more than one mail header.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

use crate::assigned::{Charset, MessageClass, Priority, YesNo};
use crate::codec::{EncodedString, Token};
use crate::mms::views::PduView;
use crate::mms::{MessageClassValue, MmsHeader, Pdu};
use crate::wsp::Media;

use super::MailError;

/// `X-Mms-Message-Class`: `Personal`, `Advertisement`, `Informational`, `Auto` or a text.
pub(super) const MESSAGE_CLASS: &str = "X-Mms-Message-Class";
/// `X-Mms-Priority`: `Low`, `Normal`, `High`.
pub(super) const PRIORITY: &str = "X-Mms-Priority";
/// `X-Mms-Delivery-Report`: `Yes`, `No`.
pub(super) const DELIVERY_REPORT: &str = "X-Mms-Delivery-Report";
/// `X-Mms-Read-Reply`: `Yes`, `No`; MM4 keeps the MMS 1.0 name of X-Mms-Read-Report.
pub(super) const READ_REPLY: &str = "X-Mms-Read-Reply";

/// The MM4 headers this mapping carries: one MMS field each, the value its token's name (the
/// assigned tables' names are MM4's values).
pub(super) const MM4_HEADERS: [&str; 4] = [MESSAGE_CLASS, PRIORITY, DELIVERY_REPORT, READ_REPLY];

/// The carried MM4 headers of an m-send-req or m-retrieve-conf, as `(name, value)` in the
/// order of [`MM4_HEADERS`].
pub(super) fn mm4_headers(pdu: &Pdu<'_>) -> Vec<(&'static str, String)> {
    let (class, priority, delivery_report, read_report) = match pdu.view() {
        PduView::SendReq(v) => (
            v.message_class(),
            v.priority(),
            v.delivery_report(),
            v.read_report(),
        ),
        PduView::RetrieveConf(v) => (
            v.message_class(),
            v.priority(),
            v.delivery_report(),
            v.read_report(),
        ),
        _ => (None, None, None, None),
    };
    let class = class.and_then(|c| match c {
        MessageClassValue::Class(c) => c.name().map(String::from),
        MessageClassValue::Text(t) => Some(clean_text(&String::from_utf8_lossy(t.bytes))),
    });
    let yes_no = |v: Option<YesNo>| v.and_then(|v| v.name()).map(String::from);
    [
        (MESSAGE_CLASS, class),
        (PRIORITY, priority.and_then(|p| p.name()).map(String::from)),
        (DELIVERY_REPORT, yes_no(delivery_report)),
        (READ_REPLY, yes_no(read_report)),
    ]
    .into_iter()
    .filter_map(|(name, value)| value.map(|v| (name, v)))
    .collect()
}

/// The MMS header for the MM4 header `name` with `value` (`None` for a value MMS has no
/// token for, or a header not carried).
pub(super) fn mm4_field<'a>(name: &str, value: &'a str) -> Option<MmsHeader<'a>> {
    let value = value.trim();
    let yes_no = || YesNo::from_name(value);
    if name.eq_ignore_ascii_case(MESSAGE_CLASS) {
        let class = MessageClass::from_name(value).map_or_else(
            || MessageClassValue::Text(Token::new(value.as_bytes())),
            MessageClassValue::Class,
        );
        Some(MmsHeader::MessageClass(class)).filter(|_| !value.is_empty())
    } else if name.eq_ignore_ascii_case(PRIORITY) {
        Priority::from_name(value).map(MmsHeader::Priority)
    } else if name.eq_ignore_ascii_case(DELIVERY_REPORT) {
        yes_no().map(MmsHeader::DeliveryReport)
    } else if name.eq_ignore_ascii_case(READ_REPLY) {
        yes_no().map(MmsHeader::ReadReport)
    } else {
        None
    }
}

/// A header text with its line breaks and other control characters made spaces: a Subject
/// from a phone must not be able to start a new mail header.
pub(super) fn clean_text(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The Subject as text: its charset applied (UTF-8 when it has none), RFC 2047 words an
/// e-mail gateway put in it decoded, controls made spaces. The builder encodes it again.
pub(super) fn subject_text(subject: &EncodedString<'_>) -> String {
    let text = crate::text::encoded_string_text(subject, Charset::UTF_8);
    clean_text(&crate::text::decode_encoded_words(&text))
}

/// The Subject as an Encoded-string-value: plain when ASCII, else UTF-8.
pub(super) fn subject_value(text: &str) -> EncodedString<'_> {
    if text.is_ascii() {
        EncodedString::plain(text.as_bytes())
    } else {
        EncodedString::with_charset(Charset::UTF_8, text.as_bytes())
    }
}

/// Octets written into a header as they are (Content-ID, Content-Location, `start`): UTF-8
/// without control characters, so that they stay one header value.
pub(super) fn header_text<'a>(octets: &'a [u8], field: &'static str) -> Result<&'a str, MailError> {
    let text = core::str::from_utf8(octets).map_err(|_| MailError::Unrepresentable {
        field,
        reason: "not UTF-8",
    })?;
    if text.chars().any(char::is_control) {
        return Err(MailError::Unrepresentable {
            field,
            reason: "a control character (a line break would start another header)",
        });
    }
    Ok(text)
}

/// A parameter value (a `name`, a `filename`) as text: UTF-8, what does not decode U+FFFD
/// (Text-strings carry no charset). The builder quotes or RFC 2047-encodes it.
pub(super) fn param_text(octets: &[u8]) -> String {
    clean_text(&crate::text::decode_text(None, octets, Charset::UTF_8))
}

/// RFC 2045 `token`: what a media type, subtype or disposition is made of.
fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?=".contains(&b))
}

/// The MIME name of a media type: `type/subtype`, checked (the builder writes it as it is).
/// A binary WSP multipart (`application/vnd.wap.multipart.related`) is its MIME multipart
/// (`multipart/related`).
pub(super) fn mime_type(media: &Media<'_>, field: &'static str) -> Result<String, MailError> {
    let name = alloc::string::ToString::to_string(media);
    let name = match strip_prefix_ignore_case(&name, WAP_MULTIPART) {
        Some(sub) => alloc::format!("multipart/{sub}"),
        None => name,
    };
    match name.split_once('/') {
        Some((t, s)) if is_token(t) && is_token(s) => Ok(name),
        _ => Err(MailError::Unrepresentable {
            field,
            reason: "not a type/subtype media type",
        }),
    }
}

/// A disposition (`attachment`, `inline`, a token), checked.
pub(super) fn disposition_name(name: Cow<'_, str>) -> Result<String, MailError> {
    if is_token(&name) {
        Ok(name.into_owned())
    } else {
        Err(MailError::Unrepresentable {
            field: "Content-Disposition",
            reason: "not a token",
        })
    }
}

/// The name prefix of the binary WSP multipart types.
pub(super) const WAP_MULTIPART: &str = "application/vnd.wap.multipart.";

fn strip_prefix_ignore_case<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    match (s.get(..prefix.len()), s.get(prefix.len()..)) {
        (Some(head), Some(rest)) if head.eq_ignore_ascii_case(prefix) => Some(rest),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assigned::WellKnownMedia;

    #[test]
    fn mm4_values_are_the_token_names_both_ways() {
        assert_eq!(
            mm4_field("x-mms-priority", " High "),
            Some(MmsHeader::Priority(Priority::HIGH))
        );
        assert_eq!(
            mm4_field(READ_REPLY, "yes"),
            Some(MmsHeader::ReadReport(YesNo::YES))
        );
        assert_eq!(
            mm4_field(DELIVERY_REPORT, "No"),
            Some(MmsHeader::DeliveryReport(YesNo::NO))
        );
        assert_eq!(
            mm4_field(MESSAGE_CLASS, "Advertisement"),
            Some(MmsHeader::MessageClass(MessageClassValue::Class(
                MessageClass::ADVERTISEMENT
            )))
        );
        assert_eq!(
            mm4_field(MESSAGE_CLASS, "x-club"),
            Some(MmsHeader::MessageClass(MessageClassValue::Text(
                Token::new(b"x-club")
            )))
        );
        assert_eq!(mm4_field(PRIORITY, "urgent"), None);
        assert_eq!(mm4_field("X-Mms-Expiry", "Yes"), None);
    }

    #[test]
    fn the_subject_is_text_and_stays_one_header() {
        let s = EncodedString::with_charset(
            crate::assigned::Charset::new(106),
            "Grüße\r\nBcc: x@y".as_bytes(),
        );
        assert_eq!(subject_text(&s), "Grüße  Bcc: x@y");
        let s = EncodedString::plain(b"=?utf-8?B?SGVsbG8=?= there");
        assert_eq!(subject_text(&s), "Hello there");
        assert_eq!(subject_value("Hi"), EncodedString::plain(b"Hi"));
        assert_eq!(subject_value("Grüße").charset().map(|c| c.value), Some(106));
    }

    #[test]
    fn header_values_with_line_breaks_are_refused() {
        assert_eq!(header_text(b"<smil>", "Content-ID"), Ok("<smil>"));
        assert!(header_text(b"a\r\nBcc: b", "Content-ID").is_err());
        assert!(header_text(b"\xFF", "Content-ID").is_err());
    }

    #[test]
    fn media_types_are_type_slash_subtype() {
        let related = Media::WellKnown(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_RELATED);
        assert_eq!(
            mime_type(&related, "Content-Type").as_deref(),
            Ok("multipart/related")
        );
        assert_eq!(
            mime_type(&Media::Text(b"image/jpeg"), "Content-Type").as_deref(),
            Ok("image/jpeg")
        );
        for bad in [&b"image"[..], b"text/plain\r\nBcc: x", b"a b/c", b"/x"] {
            assert!(mime_type(&Media::Text(bad), "Content-Type").is_err());
        }
        assert!(disposition_name(Cow::Borrowed("attachment")).is_ok());
        assert!(disposition_name(Cow::Borrowed("at tach")).is_err());
    }
}
