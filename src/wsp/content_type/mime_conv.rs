//! Conversions to and from the `mime` crate's `Mime` (with the `std` feature), through the
//! text form.

use super::media::Media;
use super::param_value::{TypedValue, text_value_for};
use super::parameter::Parameter;
use super::value::ContentType;
use crate::assigned::{Charset, WellKnownParameter};

impl<'a> ContentType<'a> {
    /// Converts to a `mime::Mime` through the text form, for the cases `mime` can hold.
    pub fn to_mime(&self) -> Option<mime::Mime> {
        use alloc::string::ToString;
        self.to_string().parse().ok()
    }

    /// Builds a content type from a `mime::Mime`: the well-known number when the essence has
    /// one below 0x80, `charset` as a MIBenum when known, `name`/`filename`/`start`/`type` as
    /// the WSP 1.1–1.3 typed parameters (some carriers do not understand the 1.4 codes), anything
    /// else as textual parameters.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assigned::WellKnownMedia;
    use crate::codec::{Encode, decode_all};
    use crate::wsp::content_type::content_type;

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
}
