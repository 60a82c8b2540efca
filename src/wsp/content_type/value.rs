//! The Content-type-value itself: the short form (Constrained-media) and the general form
//! (Value-length, media, parameters), built, decoded and encoded (WAP-230-WSP §8.4.2.24).

use super::media::{Media, MediaValue, extension_media, media_value};
use super::param_value::{IntegerOrText, TypedValue, text_string_value};
use super::parameter::{ParamIter, ParamStore, Parameter, filename_param, find_param, name_param};
use crate::assigned::{Charset, WellKnownMedia, WellKnownParameter};
use crate::base::error::{DecodeErrorKind, EncodeError, Expected};
use crate::codec::{
    Encode, IntegerForm, IntegerValue, LengthForm, PResult, Token, ValueLength, Writer, fail,
    length_prefixed, unexpected,
};

/// Which of the two Content-type-value forms carries the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ContentTypeForm {
    /// Constrained-media: one Short-integer octet or an Extension-media text, no parameters.
    Short,
    /// Content-general-form: a Value-length (in this form) before media and parameters.
    General(LengthForm),
}

/// A Content-type-value (WAP-230-WSP §8.4.2.24).
///
/// ```
/// use mms_pdu::assigned::{Charset, WellKnownMedia};
/// use mms_pdu::codec::{decode_all, Encode};
/// use mms_pdu::wsp::content_type::{content_type, ContentType};
///
/// let ct = decode_all(&[0x03, 0x83, 0x81, 0xEA], content_type).unwrap();
/// assert!(ct.is(WellKnownMedia::TEXT_PLAIN));
/// assert_eq!(ct.charset(), Some(Charset::UTF_8));
/// assert_eq!(ct.to_string(), "text/plain; charset=utf-8");
/// assert_eq!(ct.encode_to_vec().unwrap(), [0x03, 0x83, 0x81, 0xEA]);
///
/// let built = ContentType::well_known(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::UTF_8);
/// assert_eq!(built.encode_to_vec().unwrap(), [0x03, 0x83, 0x81, 0xEA]);
/// ```
#[derive(Debug, Clone, Eq, Hash)]
pub struct ContentType<'a> {
    form: ContentTypeForm,
    media: MediaValue<'a>,
    params: ParamStore<'a>,
}

#[cfg(feature = "serde")]
impl serde::Serialize for ContentType<'_> {
    /// `{ "text": "text/plain; charset=utf-8", "form": ..., "media": ..., "params": [...] }`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut st = s.serialize_struct("ContentType", 4)?;
        // As octet strings are written (`serde_util::bytes`): text starting with `hex:` as hex,
        // so that it reads back as itself.
        let mut text = alloc::string::ToString::to_string(self);
        if text.starts_with("hex:") {
            text = crate::base::serde_util::hex(text.as_bytes());
        }
        st.serialize_field("text", &text)?;
        st.serialize_field("form", &self.form())?;
        st.serialize_field("media", &self.media_value())?;
        st.serialize_field("params", &self.params)?;
        st.end()
    }
}

#[cfg(feature = "serde")]
impl<'de: 'a, 'a> serde::Deserialize<'de> for ContentType<'a> {
    /// The fields [`Serialize`](serde::Serialize) writes. `form`, `media` and `params` say
    /// everything; `text` is only for people to read, and when given it must be what they
    /// spell (an edit there would otherwise be lost silently): leave it out, or edit `media`
    /// and `params` and make `text` agree.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct Fields<'a> {
            form: ContentTypeForm,
            #[serde(borrow)]
            media: MediaValue<'a>,
            #[serde(borrow, default)]
            params: ParamStore<'a>,
            #[serde(borrow, default)]
            text: Option<alloc::borrow::Cow<'a, str>>,
        }
        let f = Fields::deserialize(d)?;
        let ct = ContentType {
            form: f.form,
            media: f.media,
            params: f.params,
        };
        match f.text {
            Some(text) if text != alloc::string::ToString::to_string(&ct) => {
                Err(serde::de::Error::custom(format_args!(
                    "the content type's `text` ({text:?}) is only reported and does not match \
                     its `media` and `params` ({ct}); edit those, and remove `text` or make it \
                     agree"
                )))
            }
            _ => Ok(ct),
        }
    }
}

impl PartialEq for ContentType<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.effective_form() == other.effective_form()
            && self.media == other.media
            && self.params().eq(other.params())
    }
}

impl<'a> ContentType<'a> {
    /// A well-known media type without parameters: the one-octet short form for 0x00–0x7F,
    /// else the general form with a Long-integer (registered types such as 0x0201).
    pub fn well_known(media: WellKnownMedia) -> Self {
        let media = MediaValue::new(Media::WellKnown(media));
        let form = if media.is_short_integer() {
            ContentTypeForm::Short
        } else {
            ContentTypeForm::General(LengthForm::Short)
        };
        ContentType {
            form,
            media,
            params: ParamStore::default(),
        }
    }

    /// A textual media type without parameters (short form), e.g. `application/smil`.
    pub fn text(media: &'a [u8]) -> Self {
        ContentType {
            form: ContentTypeForm::Short,
            media: MediaValue::Text(Token::new(media)),
            params: ParamStore::default(),
        }
    }

    /// A media type given normalised: the number when `media` is a well-known name, else
    /// the text.
    pub fn new(media: Media<'a>) -> Self {
        match media {
            Media::WellKnown(m) => Self::well_known(m),
            Media::Text(t) => match core::str::from_utf8(t)
                .ok()
                .and_then(WellKnownMedia::from_name)
            {
                Some(m) if m.0 <= 0x7F => Self::well_known(m),
                _ => Self::text(t),
            },
        }
    }

    /// Appends a parameter (switching to the general form).
    #[must_use]
    pub fn with_param(mut self, param: Parameter<'a>) -> Self {
        if self.form == ContentTypeForm::Short {
            self.form = ContentTypeForm::General(LengthForm::Short);
        }
        self.params.push(param);
        self
    }

    /// Appends `charset` (0x81, Well-known-charset).
    #[must_use]
    pub fn with_charset(self, charset: Charset) -> Self {
        self.with_param(Parameter::typed(
            WellKnownParameter::CHARSET,
            TypedValue::Integer(IntegerValue::new(u64::from(charset.0))),
        ))
    }

    /// Appends `name` (0x85, Text-string; the WSP 1.1 code real traffic uses: some carriers do
    /// not understand the 1.4 code 0x97).
    #[must_use]
    pub fn with_name(self, name: &'a [u8]) -> Self {
        self.with_param(Parameter::typed(
            WellKnownParameter::NAME,
            text_string_value(name),
        ))
    }

    /// Appends `filename` (0x86, Text-string).
    #[must_use]
    pub fn with_filename(self, filename: &'a [u8]) -> Self {
        self.with_param(Parameter::typed(
            WellKnownParameter::FILENAME,
            text_string_value(filename),
        ))
    }

    /// Appends multipart/related `start` (0x8A, Text-string), e.g. `<smil>`.
    #[must_use]
    pub fn with_start(self, start: &'a [u8]) -> Self {
        self.with_param(Parameter::typed(
            WellKnownParameter::START,
            text_string_value(start),
        ))
    }

    /// Appends multipart/related `type` (0x89, Constrained-encoding), e.g. `application/smil`.
    /// A well-known media number above 0x7F cannot be a Constrained-encoding and is written as
    /// its name.
    #[must_use]
    pub fn with_type(self, media: Media<'a>) -> Self {
        let value = match media {
            Media::WellKnown(m) if m.0 <= 0x7F => MediaValue::new(media),
            Media::WellKnown(m) => MediaValue::Text(Token::new(
                m.name()
                    .map(str::as_bytes)
                    .unwrap_or(b"application/octet-stream"),
            )),
            Media::Text(t) => MediaValue::Text(Token::new(t)),
        };
        let value = match value {
            MediaValue::Text(t) if t.bytes.is_empty() => TypedValue::NoValue,
            v => TypedValue::Media(v),
        };
        self.with_param(Parameter::typed(
            WellKnownParameter::TYPE_MULTIPART_RELATED,
            value,
        ))
    }

    /// The wire form (short or general, with the Value-length form).
    pub fn form(&self) -> ContentTypeForm {
        self.form
    }

    /// The media as sent.
    pub fn media_value(&self) -> MediaValue<'a> {
        self.media
    }

    /// The media, normalised.
    pub fn media(&self) -> Media<'a> {
        self.media.media()
    }

    /// The media type's name: the registered name, or the text when it is UTF-8.
    pub fn media_name(&self) -> Option<&'a str> {
        self.media().name()
    }

    /// True when the media is `media`, by number or by name, ASCII case-insensitive (a push
    /// may carry `application/vnd.wap.mms-message` as text, as Vodafone ES and AT&T US do).
    pub fn is(&self, media: WellKnownMedia) -> bool {
        self.media().is(media)
    }

    /// True for `multipart/*` and `application/vnd.wap.multipart.*` media.
    pub fn is_multipart(&self) -> bool {
        self.media().is_multipart()
    }

    /// The raw parameter octets of a decoded value (`None` for a built one).
    pub fn raw_params(&self) -> Option<&'a [u8]> {
        match self.params {
            ParamStore::Wire(raw) => Some(raw),
            ParamStore::Built(_) => None,
        }
    }

    /// The parameters, in the order they were sent, decoded lazily.
    pub fn params(&self) -> ParamIter<'_, 'a> {
        self.params.iter()
    }

    /// The `charset` parameter: a MIBenum (`Charset::ANY` for Any-charset) or a charset name
    /// sent as text (the Typed-value rule of WAP-230-WSP §8.4.2.4 allows it). `None` when absent
    /// or the name is unknown.
    pub fn charset(&self) -> Option<Charset> {
        // The usual encoding, first and in its short form (`81 EA` for utf-8), read without
        // walking the parameters: a multipart check asks every part for its charset, and the
        // walk cost about 250 instructions per part (callgrind, a retrieve-conf).
        if let ParamStore::Wire([0x81, code @ 0x80..=0xFF, ..]) = self.params {
            return Some(Charset(u32::from(code & 0x7F)));
        }
        self.charset_walked()
    }

    /// [`ContentType::charset`] found by walking the parameters.
    fn charset_walked(&self) -> Option<Charset> {
        charset_value(find_param(
            self.params(),
            &[WellKnownParameter::CHARSET],
            "charset",
        )?)
    }

    /// Whether a parameter is kept raw ([`ContentType::has_raw_params`]) and the charset
    /// ([`ContentType::charset`]), from one walk of the parameters: a multipart check asks both
    /// of every part, and two walks cost about 130 instructions more per part (callgrind, a
    /// retrieve-conf).
    pub(crate) fn raw_params_and_charset(&self) -> (bool, Option<Charset>) {
        // No parameters, or the short charset alone (as in `charset`): most parts, answered
        // without a walk.
        match self.params {
            ParamStore::Wire([]) => return (false, None),
            ParamStore::Wire([0x81, code @ 0x80..=0xFF]) => {
                return (false, Some(Charset(u32::from(code & 0x7F))));
            }
            _ => {}
        }
        let (mut raw, mut charset) = (false, None);
        for p in self.params() {
            raw |= matches!(p, Parameter::Raw(_));
            if charset.is_none() && p.is_named(&[WellKnownParameter::CHARSET], "charset") {
                charset = Some(charset_value(p));
            }
        }
        (raw, charset.flatten())
    }

    /// The multipart/related `start` parameter (0x8A or 0x99), e.g. `<smil>`.
    pub fn start(&self) -> Option<&'a [u8]> {
        find_param(
            self.params(),
            &[WellKnownParameter::START, WellKnownParameter::START_1_4],
            "start",
        )?
        .text()
    }

    /// The multipart/related `type` parameter (0x89; also 0x83 when it carries a media type).
    pub fn type_param(&self) -> Option<Media<'a>> {
        self.params().find_map(|p| match (p.code(), p) {
            (
                Some(WellKnownParameter::TYPE_MULTIPART_RELATED),
                Parameter::Typed {
                    value: TypedValue::Media(m),
                    ..
                },
            ) => Some(m.media()),
            (
                Some(WellKnownParameter::TYPE_MULTIPART_RELATED | WellKnownParameter::TYPE),
                Parameter::Typed {
                    value: TypedValue::Integer(i),
                    ..
                },
            ) => Some(MediaValue::Number(i).media()),
            (Some(WellKnownParameter::TYPE_MULTIPART_RELATED | WellKnownParameter::TYPE), p) => {
                p.text().filter(|t| !t.is_empty()).map(Media::Text)
            }
            (None, p) if p.has_untyped_name("type") => p.text().map(Media::Text),
            _ => None,
        })
    }

    /// The `name` parameter (0x85 or 0x97).
    pub fn name(&self) -> Option<&'a [u8]> {
        name_param(self.params())
    }

    /// The `filename` parameter (0x86 or 0x98).
    pub fn filename(&self) -> Option<&'a [u8]> {
        filename_param(self.params())
    }

    /// True when some parameter did not read and is kept as raw octets.
    pub fn has_raw_params(&self) -> bool {
        self.params().any(|p| matches!(p, Parameter::Raw(_)))
    }

    /// The form as it will be written (a built short Value-length grows to the long form
    /// when the content needs it).
    fn effective_form(&self) -> ContentTypeForm {
        match self.form {
            ContentTypeForm::General(lf) => match self.value_length(lf) {
                Ok(vl) => ContentTypeForm::General(vl.form),
                Err(_) => self.form,
            },
            ContentTypeForm::Short => ContentTypeForm::Short,
        }
    }

    fn content_len(&self) -> usize {
        self.media.encoded_len() + self.params.encoded_len()
    }

    fn value_length(&self, lf: LengthForm) -> Result<ValueLength, EncodeError> {
        let len = ValueLength::for_content(self.content_len())?;
        Ok(ValueLength { len: 0, form: lf }.with_len(len.len))
    }
}

/// The charset a `charset` parameter names: a MIBenum, or a known name sent as text.
fn charset_value(p: Parameter<'_>) -> Option<Charset> {
    match p {
        Parameter::Typed {
            value: TypedValue::Integer(i),
            ..
        }
        | Parameter::Untyped {
            value: IntegerOrText::Integer(i),
            ..
        } => u32::try_from(i.value).ok().map(Charset),
        other => other
            .text()
            .and_then(|t| core::str::from_utf8(t).ok())
            .and_then(Charset::from_name),
    }
}

/// Decodes a Content-type-value in either form. Parameters are validated here (each reads as a
/// parameter or is kept raw) and decoded again lazily by [`ContentType::params`].
///
/// # Errors
/// `UnexpectedEnd`/`LengthExceedsInput` when truncated, `MissingTerminator` for a short-form
/// text without NUL, `UnexpectedOctet` for a general form without media.
pub fn content_type(input: &[u8]) -> PResult<'_, ContentType<'_>> {
    crate::codec::in_field(content_type_inner(input), "Content-Type")
}

fn content_type_inner(input: &[u8]) -> PResult<'_, ContentType<'_>> {
    match input.first() {
        Some(&b) if b >= 0x80 => Ok((
            input.get(1..).unwrap_or(&[]),
            ContentType {
                form: ContentTypeForm::Short,
                media: MediaValue::Number(IntegerValue::short(b)),
                params: ParamStore::Wire(&[]),
            },
        )),
        Some(&b) if b >= 0x20 => {
            let (rest, t) = extension_media(input, false)?;
            Ok((
                rest,
                ContentType {
                    form: ContentTypeForm::Short,
                    media: MediaValue::Text(t),
                    params: ParamStore::Wire(&[]),
                },
            ))
        }
        Some(_) => {
            let (rest, (vl, body)) = length_prefixed(input)?;
            if body.is_empty() {
                return unexpected(body, Expected::ContentType);
            }
            let (params, media) = media_value(body)?;
            // Validate once: every octet reads as a parameter or a raw run (cannot fail, but
            // walking it here bounds the work done later to what was already checked).
            Ok((
                rest,
                ContentType {
                    form: ContentTypeForm::General(vl.form),
                    media,
                    params: ParamStore::Wire(params),
                },
            ))
        }
        None => fail(input, DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 }),
    }
}

impl Encode for ContentType<'_> {
    fn encoded_len(&self) -> usize {
        match self.form {
            ContentTypeForm::Short => self.media.encoded_len(),
            ContentTypeForm::General(lf) => {
                let content = self.content_len();
                match self.value_length(lf) {
                    Ok(vl) => vl.encoded_len() + content,
                    Err(_) => ValueLength::canonical_len(content) + content,
                }
            }
        }
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self.form {
            ContentTypeForm::Short => {
                let ok = match &self.media {
                    MediaValue::Number(n) => n.form == IntegerForm::Short && n.value <= 0x7F,
                    MediaValue::Text(t) => t.terminated && !t.bytes.is_empty(),
                };
                if !ok {
                    return Err(EncodeError::Unencodable {
                        field: "Content-Type",
                        reason: "short form holds a Short-integer or a terminated text",
                    });
                }
                self.media.encode(w)
            }
            ContentTypeForm::General(lf) => {
                self.value_length(lf)?.encode(w)?;
                self.media.encode(w)?;
                self.params.encode(w)
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::codec::decode_all;
    use alloc::string::ToString;
    use alloc::vec;
    use alloc::vec::Vec;
    use proptest::prelude::*;

    pub(crate) fn round_trip(bytes: &[u8]) -> ContentType<'_> {
        let ct = decode_all(bytes, content_type).unwrap();
        assert_eq!(ct.encoded_len(), bytes.len());
        assert_eq!(ct.encode_to_vec().unwrap(), bytes);
        ct
    }

    #[test]
    fn short_well_known() {
        let ct = round_trip(&[0x83]);
        assert_eq!(ct.media(), Media::WellKnown(WellKnownMedia::TEXT_PLAIN));
        assert_eq!(ct.media_name(), Some("text/plain"));
        assert_eq!(ct.params().count(), 0);
        assert_eq!(ct.to_string(), "text/plain");
        assert_eq!(ct, ContentType::well_known(WellKnownMedia::TEXT_PLAIN));
    }

    #[test]
    fn the_charset_read_first_is_the_charset_walked_to() {
        for code in 0x80..=0xFFu8 {
            let mut b = vec![0x06, 0x83, 0x81, code, 0x85, b'x', 0];
            let (_, ct) = content_type(&b).unwrap();
            assert_eq!(ct.charset(), ct.charset_walked(), "{code:#x}");
            assert_eq!(ct.charset(), Some(Charset(u32::from(code & 0x7F))));
            assert_eq!(ct.raw_params_and_charset(), (false, ct.charset()));
            // Not first: walked to.
            b[2..7].rotate_left(2);
            let (_, ct) = content_type(&b).unwrap();
            assert_eq!(ct.charset(), Some(Charset(u32::from(code & 0x7F))));
            assert_eq!(ct.raw_params_and_charset(), (false, ct.charset()));
        }
    }

    #[test]
    fn one_walk_finds_what_two_do() {
        // Value-length, text/plain, then parameter lists: a text charset, an untyped one, a
        // second charset (the first counts), a raw run, a short charset alone (read without
        // the walk), none.
        let lists: [&[u8]; 8] = [
            b"\x81\x6Autf-8\0",
            b"\x81\xEA",
            b"\x81\x83",
            b"charset\0utf-8\0\x85x\0",
            b"\x85x\0\x81\xEA\x81\x83",
            b"\x81\xEA\xFF\xFF\xFF",
            b"\x01",
            b"",
        ];
        for list in lists {
            let mut b = vec![u8::try_from(list.len() + 1).unwrap(), 0x83];
            b.extend_from_slice(list);
            let (_, ct) = content_type(&b).unwrap();
            assert_eq!(
                ct.raw_params_and_charset(),
                (ct.has_raw_params(), ct.charset()),
                "{list:02X?}"
            );
        }
    }

    #[test]
    fn general_with_charset() {
        let ct = round_trip(&[0x03, 0x83, 0x81, 0xEA]);
        assert_eq!(ct.charset(), Some(Charset::UTF_8));
        assert_eq!(ct.to_string(), "text/plain; charset=utf-8");
        let built =
            ContentType::well_known(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::UTF_8);
        assert_eq!(ct, built);
    }

    #[test]
    fn related_with_type_and_start() {
        let mut b = vec![0x1B, 0xB3, 0x89];
        b.extend_from_slice(b"application/smil\0");
        b.push(0x8A);
        b.extend_from_slice(b"<SMIL>\0");
        let ct = round_trip(&b);
        assert!(ct.is(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_RELATED));
        assert!(ct.is_multipart());
        assert_eq!(ct.type_param(), Some(Media::Text(b"application/smil")));
        assert_eq!(ct.start(), Some(&b"<SMIL>"[..]));
        assert_eq!(
            ct.to_string(),
            "application/vnd.wap.multipart.related; type=\"application/smil\"; start=\"<SMIL>\""
        );
        let built = ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_RELATED)
            .with_type(Media::Text(b"application/smil"))
            .with_start(b"<SMIL>");
        assert_eq!(built.encode_to_vec().unwrap(), b);
    }

    #[test]
    fn registered_long_integer() {
        let ct = round_trip(&[0x03, 0x02, 0x02, 0x01]);
        assert_eq!(
            ct.media(),
            Media::WellKnown(WellKnownMedia::APPLICATION_VND_UPLANET_CACHEOP_WBXML)
        );
        assert_eq!(
            ContentType::well_known(WellKnownMedia(0x0201))
                .encode_to_vec()
                .unwrap(),
            [0x03, 0x02, 0x02, 0x01]
        );
    }

    #[test]
    fn start_before_type_kept_in_order() {
        let mut b = vec![0x1C, 0xB3, 0x8A];
        b.extend_from_slice(b"<start>\0");
        b.push(0x89);
        b.extend_from_slice(b"application/smil\0");
        let ct = round_trip(&b);
        let codes: Vec<_> = ct.params().map(|p| p.code().unwrap().0).collect();
        assert_eq!(codes, [0x0A, 0x09]);
        assert_eq!(ct.start(), Some(&b"<start>"[..]));
        assert_eq!(ct.type_param(), Some(Media::Text(b"application/smil")));
    }

    #[test]
    fn truncated_prefixes_fail_cleanly() {
        let mut b = vec![0x1B, 0xB3, 0x89];
        b.extend_from_slice(b"application/smil\0");
        b.push(0x8A);
        b.extend_from_slice(b"<SMIL>\0");
        for n in 0..b.len() {
            assert!(decode_all(&b[..n], content_type).is_err(), "prefix {n}");
        }
        let e = decode_all(&[0x05, 0x83], content_type).unwrap_err();
        assert_eq!(e.context, "Content-Type");
        assert!(decode_all(&[0x00], content_type).is_err());
    }

    pub(crate) fn arb_media() -> impl Strategy<Value = Media<'static>> {
        prop_oneof![
            (0u32..0x80).prop_map(|v| Media::WellKnown(WellKnownMedia(v))),
            (0x100u32..0x400).prop_map(|v| Media::WellKnown(WellKnownMedia(v))),
            prop::sample::select(vec![
                &b"application/smil"[..],
                b"image/jpeg",
                b"audio/amr",
                b"x"
            ])
            .prop_map(Media::Text),
        ]
    }

    fn arb_text() -> impl Strategy<Value = &'static [u8]> {
        prop::sample::select(vec![
            &b"a.jpg"[..],
            b"<smil>",
            b"x y",
            b"\xC3\xA9t\xC3\xA9",
            b"",
        ])
    }

    pub(crate) fn arb_content_type() -> impl Strategy<Value = ContentType<'static>> {
        (
            arb_media(),
            prop::collection::vec((0u8..6, arb_text(), 0u32..2000), 0..5),
        )
            .prop_map(|(media, params)| {
                let mut ct = ContentType::new(media);
                for (k, text, n) in params {
                    ct = match k {
                        0 => ct.with_charset(Charset(n)),
                        1 => ct.with_name(text),
                        2 => ct.with_filename(text),
                        3 => ct.with_start(text),
                        4 => ct.with_type(Media::Text(b"application/smil")),
                        _ => ct.with_param(Parameter::untyped(b"x-p", text)),
                    };
                }
                ct
            })
    }

    proptest! {
        #[test]
        fn built_round_trips(ct in arb_content_type()) {
            let bytes = ct.encode_to_vec().unwrap();
            prop_assert_eq!(bytes.len(), ct.encoded_len());
            let back = decode_all(&bytes, content_type).unwrap();
            prop_assert_eq!(&back, &ct);
            prop_assert_eq!(&back.encode_to_vec().unwrap(), &bytes);
            let _ = back.to_string();
        }

        #[test]
        fn accepted_input_re_encodes(bytes in prop::collection::vec(any::<u8>(), 0..40)) {
            if let Ok((rest, ct)) = content_type(&bytes) {
                let used = bytes.len() - rest.len();
                prop_assert_eq!(ct.encode_to_vec().unwrap(), &bytes[..used]);
                prop_assert_eq!(ct.encoded_len(), used);
                for p in ct.params() {
                    let _ = p.encode_to_vec().unwrap();
                }
                let _ = ct.to_string();
            }
        }

        #[test]
        fn accepted_general_form_re_encodes(body in prop::collection::vec(any::<u8>(), 1..30)) {
            let mut bytes = vec![u8::try_from(body.len()).unwrap()];
            bytes.extend_from_slice(&body);
            if let Ok(ct) = decode_all(&bytes, content_type) {
                prop_assert_eq!(ct.encode_to_vec().unwrap(), bytes);
            }
        }
    }
}
