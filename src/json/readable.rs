//! The readable view: a PDU as people and scripts read it, serialized only. The rules for
//! subject, addresses, times, attachments and text body are [`MessageView`]'s; this module
//! only chooses how they are written.

use alloc::borrow::Cow;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::assigned::{FieldCode, YesNo};
use crate::base::options::DecodeOptions;
use crate::content::view::{Attachment, MessageView};
use crate::mms::{MmsHeader, ParsedAddress, Pdu, Time, TimeValue};
use crate::text::{IsoDate, utc_from_unix};

#[cfg(doc)]
use super::document::Document;

/// A PDU as people and scripts read it: text with its charset applied, names instead of
/// codes, addresses parsed, times in RFC 3339, sizes as numbers, and every attachment with its
/// content type, name, charset, size and (for text) text. Serialize-only: it leaves out how
/// each value was encoded, so it cannot be read back — the exact JSON
/// (`serde_json::to_string(&pdu)`, read back by [`Document`]) is the one to edit.
///
/// ```
/// use mms_pdu::document::Readable;
/// let pdu = mms_pdu::Pdu::decode(include_bytes!("../../samples/m-notification-ind.mms"))?;
/// let json = serde_json::to_string(&Readable::new(&pdu))?;
/// assert_eq!(
///     json,
///     r#"{"message_type":"m-notification-ind","transaction_id":"T2","version":"1.2","#.to_owned()
///         + r#""from":{"phone":"+15551234567"},"message_class":"Personal","#
///         + r#""message_size":12345,"expiry":"P3D","#
///         + r#""content_location":"http://mmsc.example/m1"}"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # What it holds
///
/// Each key is left out when the PDU has no such field (an empty list, for `to`, `cc`, `bcc`,
/// `attachments` and `diagnostics`):
///
/// - `message_type`, `message_class`, `priority`, `status`, `response_status`,
///   `retrieve_status`: the registered name (`"m-send-req"`, `"Personal"`, `"High"`), or the
///   value in hex when it has none (`"0x9f"`); a text message class as its text.
/// - `transaction_id`, `message_id`, `content_location`, `subject`, `response_text`,
///   `retrieve_text`: text, decoded by its charset (the default charset when it has none); the
///   subject as [`MessageView::subject`] gives it.
/// - `version`: `"1.2"`; `content_type`: the PDU's Content-Type as text, parameters included.
/// - `from` (or `from_insert_address: true`), `to`, `cc`, `bcc`: each address parsed
///   ([`ParsedAddress`]) as a one-key object, the key naming the form: `{"phone": "+1555…"}`,
///   `{"email": …}`, `{"short_code": …}`, `{"ipv4": …}`, `{"ipv6": …}`, `{"unrecognised": …}`,
///   or `{"other": value, "type": address type}` for another `/TYPE=`.
/// - `date`: RFC 3339 in UTC (`"2023-11-14T22:13:20Z"`); `expiry` and `delivery_time` the
///   same when absolute, and an RFC 3339 duration (Appendix A: `"P3D"`, `"PT1H30M"`) when
///   relative, counted from when the PDU is received. A time past year 9999 has no RFC 3339
///   form and is written as the seconds since 1970 (a number).
/// - `message_size` (octets), `delivery_report` and `read_report` (booleans).
/// - `text`: the text body ([`MessageView::text`]).
/// - `attachments`: [`MessageView::attachments`], nested multiparts flattened, each with
///   `content_type` (the media type's name, or the content type as text when the number is
///   unassigned), `name` ([`Part::name`](crate::wsp::Part::name), the crate's one naming rule),
///   `charset`, `size` (octets of data) and, for `text/*` and SMIL parts, `text`.
/// - `diagnostics`: what the decode reported, one sentence each.
///
/// Unknown and application headers, the forms values were sent in, and the parts' data are
/// not shown.
#[derive(Debug, Clone, Serialize)]
pub struct Readable<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    message_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    transaction_id: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message_id: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<When>,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<AddressJson<'a>>,
    #[serde(skip_serializing_if = "core::ops::Not::not")]
    from_insert_address: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    to: Vec<AddressJson<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    cc: Vec<AddressJson<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    bcc: Vec<AddressJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    subject: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message_class: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    priority: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message_size: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expiry: Option<When>,
    #[serde(skip_serializing_if = "Option::is_none")]
    delivery_time: Option<When>,
    #[serde(skip_serializing_if = "Option::is_none")]
    delivery_report: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    read_report: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    content_location: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    response_status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    response_text: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    retrieve_status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    retrieve_text: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    content_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    attachments: Vec<AttachmentJson<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    diagnostics: Vec<String>,
}

impl<'a> Readable<'a> {
    /// The readable view of `pdu`, with the default options (text without a charset read as
    /// UTF-8).
    pub fn new(pdu: &Pdu<'a>) -> Self {
        Self::with_options(pdu, &DecodeOptions::new())
    }

    /// The readable view of `pdu`: text without a charset (or with Any-charset) is read in
    /// `options`' default charset, and at most its `max_parts` attachments are listed
    /// ([`MessageView::with_options`]).
    pub fn with_options(pdu: &Pdu<'a>, options: &DecodeOptions) -> Self {
        let view = MessageView::with_options(pdu, options);
        let charset = options.default_charset();
        let name = |v: &dyn fmt::Display| v.to_string();
        let yes = |field| match pdu.get(field) {
            Some(MmsHeader::DeliveryReport(v) | MmsHeader::ReadReport(v)) => Some(v == YesNo::YES),
            _ => None,
        };
        Readable {
            message_type: view.message_type().map(|t| name(&t)),
            transaction_id: pdu.transaction_id().map(|t| t.text()),
            version: pdu.version().map(|v| name(&v)),
            message_id: view.message_id(),
            date: view.date_unix().map(When::At),
            from: view.from().map(AddressJson),
            from_insert_address: view.from_is_insert_address(),
            to: view.to().map(AddressJson).collect(),
            cc: view.cc().map(AddressJson).collect(),
            bcc: view.bcc().map(AddressJson).collect(),
            subject: view.subject(),
            message_class: pdu.message_class().map(|c| name(&c)),
            priority: match pdu.get(FieldCode::PRIORITY) {
                Some(MmsHeader::Priority(p)) => Some(name(&p)),
                _ => None,
            },
            message_size: pdu.message_size().map(|s| s.value),
            expiry: pdu.expiry().map(When::of),
            delivery_time: pdu.delivery_time().map(When::of),
            delivery_report: yes(FieldCode::DELIVERY_REPORT),
            read_report: yes(FieldCode::READ_REPORT),
            content_location: pdu.content_location().map(|l| l.text()),
            status: pdu.status().map(|s| name(&s)),
            response_status: pdu.response_status().map(|s| name(&s)),
            response_text: pdu.response_text().map(|t| t.text(charset)),
            retrieve_status: pdu.retrieve_status().map(|s| name(&s)),
            retrieve_text: pdu
                .retrieve_text()
                .map(|t| crate::text::encoded_string_text(&t, charset)),
            content_type: pdu.content_type().map(|c| name(&c)),
            text: view.text(),
            attachments: view.attachments().iter().map(AttachmentJson::of).collect(),
            diagnostics: pdu.diagnostics().iter().map(|d| name(d)).collect(),
        }
    }
}

/// A time: an absolute one as RFC 3339 (or seconds past year 9999), a relative one as an
/// RFC 3339 duration.
#[derive(Debug, Clone, Copy)]
enum When {
    /// Seconds since 1970-01-01T00:00:00Z.
    At(u64),
    /// Seconds from when the PDU is received.
    After(u64),
}

impl When {
    fn of(t: TimeValue) -> Self {
        match t.time {
            Time::Absolute(d) => When::At(d.value),
            Time::Relative(s) => When::After(s.value),
        }
    }
}

impl Serialize for When {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            When::At(secs) if utc_from_unix(secs).0 <= 9999 => s.collect_str(&IsoDate(secs)),
            When::At(secs) => s.serialize_u64(secs),
            When::After(secs) => s.collect_str(&Duration(secs)),
        }
    }
}

/// Seconds as an RFC 3339 (Appendix A) / ISO 8601 duration, in days, hours, minutes and
/// seconds, zero units left out: `P3D`, `PT1H30M`, `P1DT5S`, `PT0S`.
struct Duration(u64);

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (days, rest) = (self.0 / 86_400, self.0 % 86_400);
        let (hours, minutes, seconds) = (rest / 3600, rest % 3600 / 60, rest % 60);
        f.write_str("P")?;
        if days > 0 {
            write!(f, "{days}D")?;
        }
        if rest > 0 || days == 0 {
            f.write_str("T")?;
        }
        for (value, unit) in [(hours, 'H'), (minutes, 'M')] {
            if value > 0 {
                write!(f, "{value}{unit}")?;
            }
        }
        if seconds > 0 || self.0 == 0 {
            write!(f, "{seconds}S")?;
        }
        Ok(())
    }
}

/// An address as a one-key object naming its form.
#[derive(Debug, Clone, Copy)]
struct AddressJson<'a>(ParsedAddress<'a>);

impl Serialize for AddressJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let text = String::from_utf8_lossy;
        let mut map = s.serialize_map(None)?;
        match self.0 {
            ParsedAddress::Phone(n) => map.serialize_entry("phone", &text(n))?,
            ParsedAddress::Email(e) => map.serialize_entry("email", &text(e))?,
            ParsedAddress::ShortCode(c) => map.serialize_entry("short_code", &text(c))?,
            ParsedAddress::Ipv4(a) => map.serialize_entry("ipv4", &a.to_string())?,
            ParsedAddress::Ipv6(a) => map.serialize_entry("ipv6", &a.to_string())?,
            ParsedAddress::Other {
                value,
                address_type,
            } => {
                map.serialize_entry("other", &text(value))?;
                map.serialize_entry("type", &text(address_type))?;
            }
            ParsedAddress::Unrecognised(t) => map.serialize_entry("unrecognised", &text(t))?,
        }
        map.end()
    }
}

/// One attachment as the readable view shows it.
#[derive(Debug, Clone, Serialize)]
struct AttachmentJson<'a> {
    content_type: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    charset: Option<String>,
    size: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<Cow<'a, str>>,
}

impl<'a> AttachmentJson<'a> {
    fn of(a: &Attachment<'a>) -> Self {
        AttachmentJson {
            content_type: a
                .media_type()
                .map_or_else(|| Cow::Owned(a.content_type().to_string()), Cow::Borrowed),
            name: a.name(),
            charset: a.charset().map(|c| c.to_string()),
            size: a.size(),
            // The exact JSON's rule for which parts are text, read in the view's charset.
            text: super::shows_text(a.part()).then(|| a.text()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_name_each_unit_once_and_zero_as_seconds() {
        let d = |s| Duration(s).to_string();
        assert_eq!(d(0), "PT0S");
        assert_eq!(d(59), "PT59S");
        assert_eq!(d(3600 + 30 * 60), "PT1H30M");
        assert_eq!(d(3 * 86_400), "P3D");
        assert_eq!(d(86_400 + 5), "P1DT5S");
        assert_eq!(d(u64::MAX), "P213503982334601DT7H15S");
    }

    #[test]
    fn times_past_year_9999_are_seconds() {
        let json = |w| serde_json::to_string(&w).unwrap();
        assert_eq!(json(When::At(0)), r#""1970-01-01T00:00:00Z""#);
        assert_eq!(json(When::At(253_402_300_799)), r#""9999-12-31T23:59:59Z""#);
        assert_eq!(json(When::At(253_402_300_800)), "253402300800");
        assert_eq!(json(When::At(u64::MAX)), u64::MAX.to_string());
    }
}
