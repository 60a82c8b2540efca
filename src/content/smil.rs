//! SMIL, as far as MMS needs it: reading a received presentation (its `src` references, its
//! slides and their timing) and writing a simple slideshow for sending.
//!
//! - **Reading.** One small, allocation-free scanner over the SMIL octets, skipping comments,
//!   processing instructions and DOCTYPE. It does not validate the XML: real SMIL from phones
//!   is often not well-formed, and all a client needs is the references and the slides.
//!   [`sources`] yields every `src` attribute value in document order (`<img>`, `<text>`,
//!   `<audio>`, `<video>`, `<ref>` ...), which [`crate::content::attachments`] maps to parts;
//!   [`slides`] yields each slide (a `<par>`) with its `begin` / `end` / `dur` and its media
//!   elements with their region and timing ([`ClockValue`] reads SMIL clock values).
//!   [`crate::content::view::MessageView`] puts the two together. Character entities in a
//!   value are not expanded (MMS references are plain names).
//! - **Writing.** [`slideshow`] writes the SMIL of a simple slideshow (one image and/or one
//!   text, optionally an audio, per slide) in the layout every MMS client plays: an `Image`
//!   region over a `Text` region. The `src` values name parts by their Content-Location;
//!   [`crate::content::attachments::slideshow_body`] builds the whole multipart/related body.
//!
//! ```
//! use mms_pdu::smil::{slideshow, slides, sources, Slide};
//! let smil = slideshow(&[Slide::new().image("cat.jpg").text("text_0.txt")]);
//! let refs: Vec<&[u8]> = sources(smil.as_bytes()).collect();
//! assert_eq!(refs, [&b"cat.jpg"[..], b"text_0.txt"]);
//! let read: Vec<_> = slides(smil.as_bytes()).collect();
//! assert_eq!(read[0].timing.dur.and_then(|d| d.millis()), Some(5000));
//! ```

mod read;

pub use read::{
    ClockValue, MediaKind, SlideMedia, Slides, SmilMedia, SmilSlide, Sources, Timing, slides,
    sources,
};

use alloc::string::String;
use core::fmt::Write as _;

/// One slide of a [`slideshow`]: the `src` names (Content-Locations) of its media and how long
/// it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Slide<'s> {
    /// The image (or video, with [`Slide::video`]) shown in the Image region.
    pub image: Option<&'s str>,
    /// `true` when [`Slide::image`] is a video (`<video>` instead of `<img>`).
    pub is_video: bool,
    /// The text part shown in the Text region.
    pub text: Option<&'s str>,
    /// An audio part played with the slide.
    pub audio: Option<&'s str>,
    /// How long the slide shows, in milliseconds (default 5000).
    pub duration_ms: u32,
}

impl Default for Slide<'_> {
    fn default() -> Self {
        Slide::new()
    }
}

impl<'s> Slide<'s> {
    /// An empty slide of 5 seconds.
    pub const fn new() -> Self {
        Slide {
            image: None,
            is_video: false,
            text: None,
            audio: None,
            duration_ms: 5000,
        }
    }

    /// Sets the image.
    #[must_use]
    pub const fn image(mut self, src: &'s str) -> Self {
        self.image = Some(src);
        self.is_video = false;
        self
    }

    /// Sets a video in the Image region.
    #[must_use]
    pub const fn video(mut self, src: &'s str) -> Self {
        self.image = Some(src);
        self.is_video = true;
        self
    }

    /// Sets the text.
    #[must_use]
    pub const fn text(mut self, src: &'s str) -> Self {
        self.text = Some(src);
        self
    }

    /// Sets the audio.
    #[must_use]
    pub const fn audio(mut self, src: &'s str) -> Self {
        self.audio = Some(src);
        self
    }

    /// Sets the duration.
    #[must_use]
    pub const fn duration_ms(mut self, ms: u32) -> Self {
        self.duration_ms = ms;
        self
    }
}

/// Writes `value` with the five XML special characters escaped.
fn push_escaped(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
}

/// The SMIL of a simple slideshow: an Image region (top 80%) over a Text region (bottom 20%),
/// one `<par>` per slide. `src` values are written as given (XML-escaped); name each part's
/// Content-Location the same.
///
/// ```
/// use mms_pdu::smil::{slideshow, Slide};
/// let smil = slideshow(&[Slide::new().image("a.jpg").text("a.txt").duration_ms(3000)]);
/// assert_eq!(
///     smil,
///     "<smil><head><layout><root-layout width=\"100%\" height=\"100%\"/>\
///      <region id=\"Image\" top=\"0%\" left=\"0%\" width=\"100%\" height=\"80%\" fit=\"meet\"/>\
///      <region id=\"Text\" top=\"80%\" left=\"0%\" width=\"100%\" height=\"20%\" fit=\"scroll\"/>\
///      </layout></head><body><par dur=\"3000ms\"><img src=\"a.jpg\" region=\"Image\"/>\
///      <text src=\"a.txt\" region=\"Text\"/></par></body></smil>"
/// );
/// ```
pub fn slideshow(slides: &[Slide<'_>]) -> String {
    let mut out = String::with_capacity(330 + slides.len() * 120);
    out.push_str(
        "<smil><head><layout><root-layout width=\"100%\" height=\"100%\"/>\
         <region id=\"Image\" top=\"0%\" left=\"0%\" width=\"100%\" height=\"80%\" fit=\"meet\"/>\
         <region id=\"Text\" top=\"80%\" left=\"0%\" width=\"100%\" height=\"20%\" fit=\"scroll\"/>\
         </layout></head><body>",
    );
    for slide in slides {
        // Writing to a String cannot fail.
        let _ = write!(out, "<par dur=\"{}ms\">", slide.duration_ms);
        if let Some(src) = slide.image {
            out.push_str(if slide.is_video {
                "<video src=\""
            } else {
                "<img src=\""
            });
            push_escaped(&mut out, src);
            out.push_str("\" region=\"Image\"/>");
        }
        if let Some(src) = slide.text {
            out.push_str("<text src=\"");
            push_escaped(&mut out, src);
            out.push_str("\" region=\"Text\"/>");
        }
        if let Some(src) = slide.audio {
            out.push_str("<audio src=\"");
            push_escaped(&mut out, src);
            out.push_str("\"/>");
        }
        out.push_str("</par>");
    }
    out.push_str("</body></smil>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    fn all(s: &[u8]) -> Vec<&[u8]> {
        sources(s).collect()
    }

    #[test]
    fn slideshow_escapes_and_round_trips() {
        let smil = slideshow(&[
            Slide::new().image("a&b.jpg"),
            Slide::new().video("v.3gp").audio("s.amr").text("t\"1.txt"),
            Slide::default(),
        ]);
        assert!(smil.contains("<img src=\"a&amp;b.jpg\" region=\"Image\"/>"));
        assert!(smil.contains("<video src=\"v.3gp\" region=\"Image\"/>"));
        assert!(smil.contains("<par dur=\"5000ms\"></par>"));
        assert_eq!(
            all(smil.as_bytes()),
            [&b"a&amp;b.jpg"[..], b"v.3gp", b"t&quot;1.txt", b"s.amr"]
        );
    }

    #[test]
    fn written_slides_read_back() {
        let written = [
            Slide::new().image("a.jpg").text("a.txt").duration_ms(3000),
            Slide::new().video("v.3gp").audio("s.amr"),
        ];
        let smil = slideshow(&written);
        let read: Vec<_> = slides(smil.as_bytes()).collect();
        assert_eq!(read.len(), 2);
        let media =
            |i: usize| -> Vec<_> { read[i].media().map(|m| (m.kind, m.src, m.region)).collect() };
        assert_eq!(
            media(0),
            [
                (MediaKind::Image, &b"a.jpg"[..], Some(&b"Image"[..])),
                (MediaKind::Text, b"a.txt", Some(b"Text")),
            ]
        );
        assert_eq!(
            media(1),
            [
                (MediaKind::Video, &b"v.3gp"[..], Some(&b"Image"[..])),
                (MediaKind::Audio, b"s.amr", None),
            ]
        );
        let millis: Vec<_> = read
            .iter()
            .map(|s| s.timing.dur.and_then(|d| d.millis()))
            .collect();
        assert_eq!(millis, [Some(3000), Some(5000)]);
    }
}
