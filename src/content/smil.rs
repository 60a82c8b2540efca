//! SMIL, as far as MMS needs it: reading the `src` references of a received presentation and
//! writing a simple slideshow for sending.
//!
//! - **Reading.** [`sources`] is a small, allocation-free scanner over the SMIL octets that
//!   yields every `src` attribute value in document order (`<img>`, `<text>`, `<audio>`,
//!   `<video>`, `<ref>` ...), skipping comments, processing instructions and DOCTYPE. It does
//!   not validate the XML: real SMIL from phones is often not well-formed, and all a client
//!   needs is the references, which [`crate::content::attachments`] maps to parts. Character entities in
//!   a value are not expanded (MMS references are plain names).
//! - **Writing.** [`slideshow`] writes the SMIL of a simple slideshow (one image and/or one
//!   text, optionally an audio, per slide) in the layout every MMS client plays: an `Image`
//!   region over a `Text` region. The `src` values name parts by their Content-Location;
//!   [`crate::content::attachments::slideshow_body`] builds the whole multipart/related body.
//!
//! ```
//! use mms_pdu::smil::{slideshow, sources, Slide};
//! let smil = slideshow(&[Slide::new().image("cat.jpg").text("text_0.txt")]);
//! let refs: Vec<&[u8]> = sources(smil.as_bytes()).collect();
//! assert_eq!(refs, [&b"cat.jpg"[..], b"text_0.txt"]);
//! ```

use alloc::string::String;
use core::fmt::Write as _;

/// The `src` attribute values of a SMIL document, in order (see the module docs).
///
/// ```
/// use mms_pdu::smil::sources;
/// let smil = br#"<smil><!-- <img src="no.jpg"/> --><body><par dur="5s">
///   <img src="cid:img1@x" region='Image'/><text SRC='t.txt' region="Text"/>
///   <audio src=a.amr /></par></body></smil>"#;
/// let refs: Vec<&[u8]> = sources(smil).collect();
/// assert_eq!(refs, [&b"cid:img1@x"[..], b"t.txt", b"a.amr"]);
/// ```
pub fn sources(smil: &[u8]) -> Sources<'_> {
    Sources {
        rest: smil,
        in_tag: false,
    }
}

/// Iterator returned by [`sources`].
#[derive(Debug, Clone)]
pub struct Sources<'a> {
    rest: &'a [u8],
    /// Inside a start tag, after its name: attributes come next.
    in_tag: bool,
}

fn skip_past<'a>(s: &'a [u8], end: &[u8]) -> &'a [u8] {
    s.windows(end.len())
        .position(|w| w == end)
        .and_then(|i| s.get(i + end.len()..))
        .unwrap_or(&[])
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    s.get(n..).unwrap_or(&[])
}

impl<'a> Iterator for Sources<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        loop {
            if !self.in_tag {
                let start = self.rest.iter().position(|&b| b == b'<')?;
                let tag = self.rest.get(start..)?;
                if tag.starts_with(b"<!--") {
                    self.rest = skip_past(tag.get(4..)?, b"-->");
                    continue;
                }
                if tag.starts_with(b"<!") || tag.starts_with(b"<?") || tag.starts_with(b"</") {
                    self.rest = skip_past(tag, b">");
                    continue;
                }
                // Skip the element name.
                let name_len = tag
                    .iter()
                    .skip(1)
                    .take_while(|&&b| !(b.is_ascii_whitespace() || b == b'>' || b == b'/'))
                    .count();
                self.rest = tag.get(1 + name_len..)?;
                self.in_tag = true;
            }
            // Attributes: name [= value], until '>'.
            self.rest = trim_start(self.rest);
            match self.rest.first() {
                None => return None,
                Some(b'>') => {
                    self.rest = self.rest.get(1..)?;
                    self.in_tag = false;
                    continue;
                }
                Some(b'/' | b'<') => {
                    // A self-closing tag ("/>"), or a broken tag: let the outer loop resync.
                    if self.rest.first() == Some(&b'/') {
                        self.rest = self.rest.get(1..)?;
                    }
                    self.in_tag = self.rest.first() != Some(&b'<');
                    continue;
                }
                Some(_) => {}
            }
            let name_len = self
                .rest
                .iter()
                .take_while(|&&b| !(b.is_ascii_whitespace() || matches!(b, b'=' | b'>' | b'/')))
                .count()
                .max(1);
            let (name, after) = self.rest.split_at(name_len.min(self.rest.len()));
            let after = trim_start(after);
            let Some(after_eq) = after.strip_prefix(b"=") else {
                // An attribute without a value.
                self.rest = after;
                continue;
            };
            let after_eq = trim_start(after_eq);
            let (value, rest) = match after_eq.split_first() {
                Some((&q @ (b'"' | b'\''), body)) => {
                    let end = body.iter().position(|&b| b == q).unwrap_or(body.len());
                    (body.get(..end)?, body.get(end + 1..).unwrap_or(&[]))
                }
                _ => {
                    let end = after_eq
                        .iter()
                        .position(|&b| b.is_ascii_whitespace() || b == b'>')
                        .unwrap_or(after_eq.len());
                    let value = after_eq.get(..end)?;
                    // "src=a.amr/>": the slash closes the tag.
                    let value = value.strip_suffix(b"/").unwrap_or(value);
                    (value, after_eq.get(value.len()..).unwrap_or(&[]))
                }
            };
            self.rest = rest;
            if name.eq_ignore_ascii_case(b"src") {
                return Some(value);
            }
        }
    }
}

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
    fn scanner_edge_cases() {
        assert!(all(b"").is_empty());
        assert!(all(b"no tags").is_empty());
        assert_eq!(all(b"<img src=\"a\""), [b"a"]);
        assert_eq!(all(b"<img src=\"unterminated"), [b"unterminated"]);
        assert_eq!(all(b"<img src"), Vec::<&[u8]>::new());
        assert_eq!(all(b"<img src="), [b""]);
        assert_eq!(all(b"<img data-src=\"x\" src = 'y' >"), [b"y"]);
        assert_eq!(
            all(b"<?xml version=\"1.0\"?><!DOCTYPE smil><img src=\"z\"/>"),
            [b"z"]
        );
        assert_eq!(all(b"<img alt=\"<x src='no'>\" src=\"ok\"/>"), [b"ok"]);
        assert_eq!(all(b"<img <text src=\"a\">"), [b"a"]);
        assert_eq!(
            all(b"<!-- unterminated <img src=\"a\">"),
            Vec::<&[u8]>::new()
        );
        assert_eq!(all(b"<a src=x/><b src=y>"), [b"x", b"y"]);
        assert_eq!(all(b"text src=\"no\" <c src=\"c\">"), [b"c"]);
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

    proptest::proptest! {
        #[test]
        fn scanner_never_panics_and_ends(s in proptest::collection::vec(
            proptest::sample::select(b"<>/=\"' !-?srcSRCa".to_vec()), 0..64)) {
            let n = sources(&s).count();
            proptest::prop_assert!(n <= s.len());
        }
    }
}
