//! [`Slideshow`]: the parts of a message to send, as slides, with the content type and body
//! written together by [`slideshow_body`](super::slideshow_body).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::assigned::{Charset, WellKnownMedia};
use crate::base::error::EncodeError;
use crate::codec::Encode;
use crate::content::smil::Slide;
use crate::wsp::content_type::ContentType;
use crate::wsp::writer::MultipartBuilder;

use super::{MediaPart, slideshow_body};

/// One media part added to a [`Slideshow`].
#[derive(Debug, Clone, PartialEq, Eq)]
struct Media<'a> {
    location: String,
    content_type: ContentType<'a>,
    data: &'a [u8],
}

/// The slides of a message to send, built as a sender thinks of them (a text, a photo, the
/// next slide ...); [`Slideshow::content_type`] and [`Slideshow::encode`] give what
/// [`SendReq::build`](crate::mms::views::SendReq::build) and its `body_octets` take: a
/// multipart/related body whose SMIL ([`crate::content::smil::slideshow`]) shows each slide.
///
/// A slide holds at most one text and one image: adding a second of either starts the next
/// slide, as does [`Slideshow::next_slide`]. Texts are sent as UTF-8 `text/plain` parts
/// named `text_0.txt`, `text_1.txt`, ...; images under the name given, which must differ from
/// the other parts' (see [`SafeNames`](super::SafeNames) for names strict MMSCs accept).
///
/// ```
/// use mms_pdu::prelude::*;
/// let show = Slideshow::new().text("Hello ☕").image("cat.jpg", b"JPEG").text("Bye");
/// let pdu = SendReq::build("T1", FromValue::insert_address(), show.content_type())
///     .to("+15551234567/TYPE=PLMN")
///     .body_octets(&show.encode()?)
///     .build()?
///     .encode_to_vec()?;
/// let pdu = Pdu::decode(&pdu)?;
/// let message = MessageView::new(&pdu);
/// assert_eq!(message.slides().len(), 2);
/// assert_eq!(message.text().as_deref(), Some("Hello ☕"));
/// let image = message.slides()[0].image().and_then(|i| i.attachment()).unwrap();
/// assert_eq!((image.media_type(), image.data()), (Some("image/jpeg"), &b"JPEG"[..]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Slideshow<'a> {
    media: Vec<Media<'a>>,
    /// Per slide: indexes into `media` of its image and text, and its duration.
    slides: Vec<(Option<usize>, Option<usize>, u32)>,
    texts: usize,
}

impl<'a> Slideshow<'a> {
    /// No slides yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Shows `text` (sent as UTF-8) on the current slide, or on the next one when the
    /// current slide has a text already.
    #[must_use]
    pub fn text(mut self, text: &'a str) -> Self {
        let location = format!("text_{}.txt", self.texts);
        self.texts += 1;
        let content_type =
            ContentType::well_known(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::UTF_8);
        let index = self.add(location, content_type, text.as_bytes());
        if let Some(slide) = self.slide_for(|s| s.1.is_none()) {
            slide.1 = Some(index);
        }
        self
    }

    /// Shows the image `data` named `name` on the current slide (or the next one when the
    /// current slide has an image already); its content type from the name's extension
    /// (`.jpg`/`.jpeg`, `.gif`, `.png`, `.wbmp`, `.tif`/`.tiff`; else
    /// `application/octet-stream`, and [`Slideshow::image_as`] says better).
    #[must_use]
    pub fn image(self, name: &'a str, data: &'a [u8]) -> Self {
        let content_type = ContentType::well_known(image_type(name)).with_name(name.as_bytes());
        self.image_as(content_type, name, data)
    }

    /// Shows the image `data` named `name` with the given content type (see
    /// [`Slideshow::image`]).
    #[must_use]
    pub fn image_as(
        mut self,
        content_type: ContentType<'a>,
        name: &'a str,
        data: &'a [u8],
    ) -> Self {
        let index = self.add(String::from(name), content_type, data);
        if let Some(slide) = self.slide_for(|s| s.0.is_none()) {
            slide.0 = Some(index);
        }
        self
    }

    /// Starts a new slide: what is added next shows after what was added before.
    #[must_use]
    pub fn next_slide(mut self) -> Self {
        self.slides.push((None, None, Slide::new().duration_ms));
        self
    }

    /// How long the current slide shows (default 5 s).
    #[must_use]
    pub fn duration_ms(mut self, ms: u32) -> Self {
        if let Some(slide) = self.slide_for(|_| true) {
            slide.2 = ms;
        }
        self
    }

    /// The message's Content-Type: `application/vnd.wap.multipart.related` with the SMIL as
    /// its start.
    pub fn content_type(&self) -> ContentType<'static> {
        super::related_content_type()
    }

    /// The body as a [`MultipartBuilder`], to stream it or add parts; `(content type, body)`
    /// as [`slideshow_body`] returns them.
    pub fn body(&self) -> (ContentType<'static>, MultipartBuilder<'_>) {
        let slides: Vec<Slide<'_>> = self
            .slides
            .iter()
            .map(|&(image, text, ms)| {
                let name =
                    |i: Option<usize>| i.and_then(|i| self.media.get(i)).map(|m| &*m.location);
                Slide {
                    image: name(image),
                    text: name(text),
                    ..Slide::new()
                }
                .duration_ms(ms)
            })
            .collect();
        let media: Vec<MediaPart<'_>> = self
            .media
            .iter()
            .map(|m| MediaPart {
                location: &m.location,
                content_type: m.content_type.clone(),
                data: m.data,
            })
            .collect();
        slideshow_body(&slides, &media)
    }

    /// The body octets (a WAP-230-WSP §8.5 multipart: the SMIL, then every part in the order
    /// added).
    ///
    /// # Errors
    /// As [`Encode::encode_to_vec`] (a part too large for its length field).
    pub fn encode(&self) -> Result<Vec<u8>, EncodeError> {
        self.body().1.encode_to_vec()
    }

    fn add(&mut self, location: String, content_type: ContentType<'a>, data: &'a [u8]) -> usize {
        self.media.push(Media {
            location,
            content_type,
            data,
        });
        self.media.len() - 1
    }

    /// The current slide when `fits` says it has room, else a new one.
    fn slide_for(
        &mut self,
        fits: impl Fn(&(Option<usize>, Option<usize>, u32)) -> bool,
    ) -> Option<&mut (Option<usize>, Option<usize>, u32)> {
        if !self.slides.last().is_some_and(&fits) {
            self.slides.push((None, None, Slide::new().duration_ms));
        }
        self.slides.last_mut()
    }
}

/// The well-known image type a file name's extension names.
fn image_type(name: &str) -> WellKnownMedia {
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    match ext.to_ascii_lowercase().as_str() {
        "jpg" | "jpeg" => WellKnownMedia::IMAGE_JPEG,
        "gif" => WellKnownMedia::IMAGE_GIF,
        "png" => WellKnownMedia::IMAGE_PNG,
        "wbmp" => WellKnownMedia::IMAGE_VND_WAP_WBMP,
        "tif" | "tiff" => WellKnownMedia::IMAGE_TIFF,
        _ => WellKnownMedia::APPLICATION_OCTET_STREAM,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::smil::slides;
    use crate::wsp::Multipart;

    #[test]
    fn a_second_text_or_image_starts_the_next_slide() {
        let show = Slideshow::new()
            .image("a.PNG", b"1")
            .text("one")
            .duration_ms(2000)
            .image("b.gif", b"2")
            .next_slide()
            .text("three");
        let wire = show.encode().unwrap();
        let parts = Multipart::parse(&wire, 0, Default::default(), 0)
            .unwrap()
            .parts_vec()
            .unwrap();
        assert_eq!(parts.len(), 5);
        let read: Vec<_> = slides(parts[0].data).collect();
        assert_eq!(read.len(), 3);
        assert_eq!(read[0].timing.dur.and_then(|d| d.millis()), Some(2000));
        assert_eq!(image_type("a.PNG"), WellKnownMedia::IMAGE_PNG);
        assert_eq!(image_type("x"), WellKnownMedia::APPLICATION_OCTET_STREAM);
        assert_eq!(parts[4].data, b"three");
    }
}
