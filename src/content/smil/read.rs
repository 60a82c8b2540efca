//! Reading a received SMIL presentation: one tolerant tag scanner, and on it the `src`
//! references ([`sources`]) and the slides with their timing ([`slides`]).
//!
//! The scanner does not validate the XML: SMIL from phones is often not well-formed, and what
//! a client needs is which media each slide shows and for how long. A tag is `<name`, its
//! attributes (`name="value"`, `name='value'`, `name=value` or a bare `name`) and `>` or
//! `/>`; a `<` where an attribute should start ends a broken tag and starts the next one.
//! Comments, processing instructions and DOCTYPE are skipped. Character entities in values are
//! not expanded (MMS references are plain names).

use core::time::Duration;

/// What a scanned tag is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagKind {
    /// `<name ...>`, or a tag cut short by the end of the input or by a `<`.
    Start,
    /// `<name .../>`.
    Empty,
    /// `</name>`.
    End,
}

/// One tag: its name, its kind and the octets of its attributes.
#[derive(Debug, Clone, Copy)]
struct Tag<'a> {
    name: &'a [u8],
    kind: TagKind,
    attributes: &'a [u8],
    /// Offsets of the tag's `<` and of the octet after it, in the scanned document.
    start: usize,
    end: usize,
}

impl<'a> Tag<'a> {
    fn attributes(&self) -> Attributes<'a> {
        Attributes {
            rest: self.attributes,
        }
    }

    /// The value of the first attribute called `name` (ASCII case-insensitive) that has one.
    fn attribute(&self, name: &[u8]) -> Option<&'a [u8]> {
        self.attributes()
            .find(|(n, v)| v.is_some() && n.eq_ignore_ascii_case(name))
            .and_then(|(_, v)| v)
    }

    fn is(&self, name: &[u8]) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    fn opens(&self) -> bool {
        matches!(self.kind, TagKind::Start | TagKind::Empty)
    }
}

/// The tags of a document, in order.
#[derive(Debug, Clone)]
struct Tags<'a> {
    doc: &'a [u8],
    pos: usize,
}

fn tags(doc: &[u8]) -> Tags<'_> {
    Tags { doc, pos: 0 }
}

fn find(s: &[u8], needle: &[u8]) -> Option<usize> {
    s.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    s.get(n..).unwrap_or(&[])
}

/// One step of the attribute grammar over `s`.
enum Step<'a> {
    /// An attribute, with its value when it has one, and what follows it.
    Attribute(&'a [u8], Option<&'a [u8]>, &'a [u8]),
    /// A `/` (before `>` it makes the tag empty), and what follows it.
    Slash(&'a [u8]),
    /// The `>` that ends the tag, at this offset from the start of the `s` given.
    Close(usize),
    /// A `<` where an attribute should start, at this offset: the tag is broken.
    Broken(usize),
    /// Nothing but white space is left.
    End,
}

fn step(s: &[u8]) -> Step<'_> {
    let rest = trim_start(s);
    let at = s.len() - rest.len();
    match rest.first() {
        None => return Step::End,
        Some(b'>') => return Step::Close(at),
        Some(b'<') => return Step::Broken(at),
        Some(b'/') => return Step::Slash(rest.get(1..).unwrap_or(&[])),
        Some(_) => {}
    }
    let name_len = rest
        .iter()
        .take_while(|&&b| !(b.is_ascii_whitespace() || matches!(b, b'=' | b'>' | b'/')))
        .count()
        .max(1);
    let (name, after) = rest.split_at(name_len.min(rest.len()));
    let after = trim_start(after);
    let Some(after_eq) = after.strip_prefix(b"=") else {
        return Step::Attribute(name, None, after);
    };
    let after_eq = trim_start(after_eq);
    let (value, rest) = match after_eq.split_first() {
        Some((&q @ (b'"' | b'\''), body)) => {
            let end = body.iter().position(|&b| b == q).unwrap_or(body.len());
            (
                body.get(..end).unwrap_or(body),
                body.get(end + 1..).unwrap_or(&[]),
            )
        }
        _ => {
            let end = after_eq
                .iter()
                .position(|&b| b.is_ascii_whitespace() || b == b'>')
                .unwrap_or(after_eq.len());
            let value = after_eq.get(..end).unwrap_or(after_eq);
            // "src=a.amr/>": the slash closes the tag.
            let value = value.strip_suffix(b"/").unwrap_or(value);
            (value, after_eq.get(value.len()..).unwrap_or(&[]))
        }
    };
    Step::Attribute(name, Some(value), rest)
}

/// The attributes of one tag: `(name, value)`, `None` for an attribute without one.
#[derive(Debug, Clone)]
struct Attributes<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Attributes<'a> {
    type Item = (&'a [u8], Option<&'a [u8]>);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match step(self.rest) {
                Step::Attribute(name, value, rest) => {
                    self.rest = rest;
                    return Some((name, value));
                }
                Step::Slash(rest) => self.rest = rest,
                // The attribute octets of a tag end before its `>` or `<`.
                Step::Close(_) | Step::Broken(_) | Step::End => {
                    self.rest = &[];
                    return None;
                }
            }
        }
    }
}

impl<'a> Iterator for Tags<'a> {
    type Item = Tag<'a>;

    fn next(&mut self) -> Option<Tag<'a>> {
        loop {
            let rest = self.doc.get(self.pos..)?;
            let start = self.pos + rest.iter().position(|&b| b == b'<')?;
            let tag = self.doc.get(start..)?;
            if tag.starts_with(b"<!--") {
                let body = tag.get(4..).unwrap_or(&[]);
                self.pos = find(body, b"-->").map_or(self.doc.len(), |i| start + 4 + i + 3);
                continue;
            }
            let doc_len = self.doc.len();
            let past_gt = |from: usize| find(tag, b">").map_or(doc_len, |i| from + i + 1);
            if tag.starts_with(b"<!") || tag.starts_with(b"<?") {
                self.pos = past_gt(start);
                continue;
            }
            let closing = tag.starts_with(b"</");
            let name_at = if closing { 2 } else { 1 };
            let name_len = tag
                .iter()
                .skip(name_at)
                .take_while(|&&b| !(b.is_ascii_whitespace() || b == b'>' || b == b'/'))
                .count();
            let name = tag.get(name_at..name_at + name_len).unwrap_or(&[]);
            if closing {
                let end = past_gt(start);
                self.pos = end;
                return Some(Tag {
                    name,
                    kind: TagKind::End,
                    attributes: &[],
                    start,
                    end,
                });
            }
            let attributes_at = start + name_at + name_len;
            let attrs = self.doc.get(attributes_at..).unwrap_or(&[]);
            let mut cursor = attrs;
            let mut empty = false;
            // Where the attribute octets end, where the tag ends, and whether it is empty.
            let (attributes_len, end) = loop {
                let used = attrs.len() - cursor.len();
                match step(cursor) {
                    Step::Attribute(_, _, rest) => {
                        empty = false;
                        cursor = rest;
                    }
                    Step::Slash(rest) => {
                        empty = true;
                        cursor = rest;
                    }
                    Step::Close(at) => break (used + at, attributes_at + used + at + 1),
                    Step::Broken(at) => {
                        empty = false;
                        break (used + at, attributes_at + used + at);
                    }
                    Step::End => {
                        empty = false;
                        break (attrs.len(), self.doc.len());
                    }
                }
            };
            self.pos = end;
            return Some(Tag {
                name,
                kind: if empty {
                    TagKind::Empty
                } else {
                    TagKind::Start
                },
                attributes: attrs.get(..attributes_len).unwrap_or(&[]),
                start,
                end,
            });
        }
    }
}

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
        tags: tags(smil),
        attributes: Attributes { rest: &[] },
    }
}

/// Iterator returned by [`sources`].
#[derive(Debug, Clone)]
pub struct Sources<'a> {
    tags: Tags<'a>,
    attributes: Attributes<'a>,
}

impl<'a> Iterator for Sources<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        loop {
            match self.attributes.next() {
                Some((name, Some(value))) if name.eq_ignore_ascii_case(b"src") => {
                    return Some(value);
                }
                Some(_) => {}
                None => self.attributes = self.tags.next()?.attributes(),
            }
        }
    }
}

/// A SMIL clock value as written (`5000ms`, `5s`, `5`, `0:00:05.5`, `indefinite`,
/// `id.begin+2s` ...); [`ClockValue::millis`] reads the plain forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClockValue<'a>(pub &'a [u8]);

impl ClockValue<'_> {
    /// The value in milliseconds, for the clock values of SMIL 2.0 (§10.3.1): a Full-clock
    /// (`hh:mm:ss[.f]`), a Partial-clock (`mm:ss[.f]`) or a Timecount (`n[.f]` with `h`,
    /// `min`, `s` or `ms`, seconds when none), white space around it and before the metric
    /// allowed, metrics in any case, a leading `+` taken as an offset from zero. `None` for
    /// anything else (`indefinite`, `media`, event and sync-base values, negative offsets)
    /// and for a value past `u64::MAX` milliseconds. Fractions finer than a millisecond are
    /// cut.
    ///
    /// ```
    /// use mms_pdu::smil::ClockValue;
    /// assert_eq!(ClockValue(b"5000ms").millis(), Some(5000));
    /// assert_eq!(ClockValue(b"2.5s").millis(), Some(2500));
    /// assert_eq!(ClockValue(b"8").millis(), Some(8000));
    /// assert_eq!(ClockValue(b"0:01:02.25").millis(), Some(62_250));
    /// assert_eq!(ClockValue(b"indefinite").millis(), None);
    /// ```
    pub fn millis(&self) -> Option<u64> {
        let s = self.0.trim_ascii();
        let s = s.strip_prefix(b"+").unwrap_or(s);
        if s.contains(&b':') {
            let mut fields = s.rsplit(|&b| b == b':');
            let seconds = fields.next()?;
            let minutes = whole(fields.next()?)?;
            let hours = fields.next().map_or(Some(0), whole)?;
            if fields.next().is_some() {
                return None;
            }
            let total_minutes = hours.checked_mul(60)?.checked_add(minutes)?;
            let base = total_minutes.checked_mul(60_000)?;
            return base.checked_add(scaled(seconds, 1000)?);
        }
        let number_len = s
            .iter()
            .take_while(|&&b| b.is_ascii_digit() || b == b'.')
            .count();
        let (number, metric) = s.split_at(number_len.min(s.len()));
        let unit = match metric.trim_ascii() {
            b"" => 1000,
            m if m.eq_ignore_ascii_case(b"s") => 1000,
            m if m.eq_ignore_ascii_case(b"ms") => 1,
            m if m.eq_ignore_ascii_case(b"min") => 60_000,
            m if m.eq_ignore_ascii_case(b"h") => 3_600_000,
            _ => return None,
        };
        scaled(number, unit)
    }

    /// [`ClockValue::millis`] as a [`Duration`].
    pub fn duration(&self) -> Option<Duration> {
        self.millis().map(Duration::from_millis)
    }

    /// `true` for `indefinite` (the element shows until the user moves on).
    pub fn is_indefinite(&self) -> bool {
        self.0.trim_ascii().eq_ignore_ascii_case(b"indefinite")
    }
}

/// A string of decimal digits as a number (`None` when empty, not digits, or past `u64`).
fn whole(digits: &[u8]) -> Option<u64> {
    if digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0u64, |n, &d| {
        if d.is_ascii_digit() {
            n.checked_mul(10)?.checked_add(u64::from(d - b'0'))
        } else {
            None
        }
    })
}

/// `n[.f]` times `unit` (a whole number of milliseconds), the fraction cut to the millisecond.
fn scaled(number: &[u8], unit: u64) -> Option<u64> {
    let (int, frac) = match number.iter().position(|&b| b == b'.') {
        Some(dot) => (number.get(..dot)?, number.get(dot + 1..)?),
        None => (number, &[][..]),
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let int = if int.is_empty() { 0 } else { whole(int)? };
    let mut total = int.checked_mul(unit)?;
    if !frac.is_empty() {
        if !frac.iter().all(u8::is_ascii_digit) {
            return None;
        }
        // Six digits are more than a millisecond of any unit up to an hour needs.
        let kept = frac.get(..frac.len().min(6)).unwrap_or(frac);
        let scale = 10u64.pow(u32::try_from(kept.len()).unwrap_or(6));
        total = total.checked_add(whole(kept)?.checked_mul(unit)? / scale)?;
    }
    Some(total)
}

/// The `begin`, `end` and `dur` attributes of a `<par>` or a media element, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Timing<'a> {
    /// `begin`: when it starts, from the start of its slide (its `<par>`).
    pub begin: Option<ClockValue<'a>>,
    /// `end`: when it stops.
    pub end: Option<ClockValue<'a>>,
    /// `dur`: how long it shows.
    pub dur: Option<ClockValue<'a>>,
}

impl<'a> Timing<'a> {
    fn of(tag: &Tag<'a>) -> Self {
        let value = |name: &[u8]| tag.attribute(name).map(ClockValue);
        Timing {
            begin: value(b"begin"),
            end: value(b"end"),
            dur: value(b"dur"),
        }
    }

    /// How long it shows: `dur`, else `end - begin` when both are plain clock values (`end`
    /// alone when there is no `begin`).
    pub fn duration(&self) -> Option<Duration> {
        if let Some(d) = self.dur.and_then(|d| d.duration()) {
            return Some(d);
        }
        let end = self.end?.millis()?;
        let begin = match self.begin {
            Some(b) => b.millis()?,
            None => 0,
        };
        end.checked_sub(begin).map(Duration::from_millis)
    }
}

/// What a media element of a slide shows, by its element name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MediaKind {
    /// `<img>`.
    Image,
    /// `<text>` or `<textstream>`.
    Text,
    /// `<audio>`.
    Audio,
    /// `<video>`.
    Video,
    /// `<ref>`, `<animation>` or any other element with a `src`: the element does not say.
    Other,
}

impl MediaKind {
    /// The kind an element name says (ASCII case-insensitive).
    pub fn of_element(name: &[u8]) -> Self {
        let is = |n: &[u8]| name.eq_ignore_ascii_case(n);
        if is(b"img") {
            MediaKind::Image
        } else if is(b"text") || is(b"textstream") {
            MediaKind::Text
        } else if is(b"audio") {
            MediaKind::Audio
        } else if is(b"video") {
            MediaKind::Video
        } else {
            MediaKind::Other
        }
    }
}

/// One media element of a slide: an element with a `src`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SmilMedia<'a> {
    /// The element name as written (`img`, `text`, `audio`, `video`, `ref` ...).
    pub element: &'a [u8],
    /// What the element name says it shows.
    pub kind: MediaKind,
    /// The `src` value as written.
    pub src: &'a [u8],
    /// The `region` it shows in (the layout's `Image` or `Text` region, usually).
    pub region: Option<&'a [u8]>,
    /// Its own `begin`, `end` and `dur`.
    pub timing: Timing<'a>,
}

/// One slide of a received presentation: a `<par>` (or a media element that stands alone in
/// the body; see [`slides`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SmilSlide<'a> {
    /// The `begin`, `end` and `dur` of the `<par>` (none for a lone element).
    pub timing: Timing<'a>,
    /// `false` for a media element outside any `<par>`, which is a slide by itself.
    pub is_par: bool,
    /// The octets inside the `<par>` (the element itself for a lone element).
    pub content: &'a [u8],
}

impl<'a> SmilSlide<'a> {
    /// The media elements of the slide, in document order: every element with a `src`
    /// inside the `<par>`, at any depth (a `<par>` or `<seq>` nested in it adds its media to
    /// this slide).
    pub fn media(&self) -> SlideMedia<'a> {
        SlideMedia {
            tags: tags(self.content),
        }
    }
}

/// Iterator returned by [`SmilSlide::media`].
#[derive(Debug, Clone)]
pub struct SlideMedia<'a> {
    tags: Tags<'a>,
}

fn media_of<'a>(tag: &Tag<'a>) -> Option<SmilMedia<'a>> {
    if !tag.opens() {
        return None;
    }
    Some(SmilMedia {
        element: tag.name,
        kind: MediaKind::of_element(tag.name),
        src: tag.attribute(b"src")?,
        region: tag.attribute(b"region"),
        timing: Timing::of(tag),
    })
}

impl<'a> Iterator for SlideMedia<'a> {
    type Item = SmilMedia<'a>;

    fn next(&mut self) -> Option<SmilMedia<'a>> {
        self.tags.by_ref().find_map(|t| media_of(&t))
    }
}

/// The slides of a SMIL presentation, in order, read without allocating.
///
/// The SMIL `<body>` plays its children one after the other, so each `<par>` that is not
/// inside another `<par>` is a slide, and so is each media element (an element with a `src`)
/// outside any `<par>`. `<seq>`, `<body>` and the other elements around them are looked
/// through; a `<par>` without its `</par>` runs to the end of the document.
///
/// ```
/// use mms_pdu::smil::{slides, MediaKind};
/// let smil = br#"<smil><body><par dur="5000ms"><img src="a.jpg" region="Image"/>
///   <text src="a.txt" region="Text"/></par><par dur="3s"><audio src="b.amr"/></par></body></smil>"#;
/// let all: Vec<_> = slides(smil).collect();
/// assert_eq!(all.len(), 2);
/// assert_eq!(all[0].timing.duration(), Some(core::time::Duration::from_secs(5)));
/// let media: Vec<_> = all[0].media().map(|m| (m.kind, m.src)).collect();
/// assert_eq!(media, [(MediaKind::Image, &b"a.jpg"[..]), (MediaKind::Text, b"a.txt")]);
/// assert_eq!(all[1].media().next().unwrap().kind, MediaKind::Audio);
/// ```
pub fn slides(smil: &[u8]) -> Slides<'_> {
    Slides { tags: tags(smil) }
}

/// Iterator returned by [`slides`].
#[derive(Debug, Clone)]
pub struct Slides<'a> {
    tags: Tags<'a>,
}

impl<'a> Iterator for Slides<'a> {
    type Item = SmilSlide<'a>;

    fn next(&mut self) -> Option<SmilSlide<'a>> {
        let doc = self.tags.doc;
        loop {
            let tag = self.tags.next()?;
            if tag.opens() && tag.is(b"par") {
                let timing = Timing::of(&tag);
                if tag.kind == TagKind::Empty {
                    return Some(SmilSlide {
                        timing,
                        is_par: true,
                        content: &[],
                    });
                }
                let mut depth = 0usize;
                let mut end = doc.len();
                for inner in self.tags.by_ref() {
                    if inner.kind == TagKind::Start && inner.is(b"par") {
                        depth += 1;
                    } else if inner.kind == TagKind::End && inner.is(b"par") {
                        if depth == 0 {
                            end = inner.start;
                            break;
                        }
                        depth -= 1;
                    }
                }
                return Some(SmilSlide {
                    timing,
                    is_par: true,
                    content: doc.get(tag.end..end).unwrap_or(&[]),
                });
            }
            if media_of(&tag).is_some() {
                return Some(SmilSlide {
                    timing: Timing::default(),
                    is_par: false,
                    content: doc.get(tag.start..tag.end).unwrap_or(&[]),
                });
            }
        }
    }
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
        assert_eq!(all(b"</par src=\"no\"><a / src=\"s\">"), [b"s"]);
    }

    #[test]
    fn tag_kinds_and_extents() {
        let doc = b"<par dur=\"1s\"><img src='a>b'/></par><x";
        let got: Vec<_> = tags(doc)
            .map(|t| (t.name, t.kind, t.start, t.end))
            .collect();
        assert_eq!(
            got,
            [
                (&b"par"[..], TagKind::Start, 0, 14),
                (b"img", TagKind::Empty, 14, 30),
                (b"par", TagKind::End, 30, 36),
                (b"x", TagKind::Start, 36, 38),
            ]
        );
        assert_eq!(&doc[14..30], b"<img src='a>b'/>");
    }

    #[test]
    fn slides_of_odd_documents() {
        // Media straight in the body are slides of their own; nested pars join their parent;
        // an unterminated par runs to the end; <par/> is an empty slide.
        let smil = b"<smil><body><img src=\"a\"/><seq><par begin=\"1s\" end=\"4s\">\
            <text src=\"t\"/><par><audio src=\"s\"/></par><ref src=\"r\" region=\"Image\"/>\
            </par></seq><par/><par dur=\"indefinite\"><video src=\"v\">";
        let all: Vec<_> = slides(smil).collect();
        assert_eq!(all.len(), 4);
        assert!(!all[0].is_par);
        assert_eq!(all[0].media().map(|m| m.src).collect::<Vec<_>>(), [b"a"]);
        let second: Vec<_> = all[1].media().map(|m| (m.kind, m.src, m.region)).collect();
        assert_eq!(
            second,
            [
                (MediaKind::Text, &b"t"[..], None),
                (MediaKind::Audio, b"s", None),
                (MediaKind::Other, b"r", Some(&b"Image"[..])),
            ]
        );
        assert_eq!(all[1].timing.duration(), Some(Duration::from_secs(3)));
        assert_eq!(all[2].media().count(), 0);
        assert!(all[3].timing.dur.unwrap().is_indefinite());
        assert_eq!(all[3].timing.duration(), None);
        assert_eq!(all[3].media().next().unwrap().kind, MediaKind::Video);
        assert_eq!(slides(b"").count(), 0);
        assert_eq!(slides(b"<smil/>").count(), 0);
    }

    #[test]
    fn clock_values() {
        let ms = |s: &[u8]| ClockValue(s).millis();
        assert_eq!(ms(b"5000ms"), Some(5000));
        assert_eq!(ms(b" 5000 MS "), Some(5000));
        assert_eq!(ms(b"5s"), Some(5000));
        assert_eq!(ms(b"5"), Some(5000));
        assert_eq!(ms(b".5"), Some(500));
        assert_eq!(ms(b"1.2345s"), Some(1234));
        assert_eq!(ms(b"2min"), Some(120_000));
        assert_eq!(ms(b"1.5h"), Some(5_400_000));
        assert_eq!(ms(b"+2s"), Some(2000));
        assert_eq!(ms(b"02:30"), Some(150_000));
        assert_eq!(ms(b"1:00:00.5"), Some(3_600_500));
        assert_eq!(ms(b"0.0000001s"), Some(0));
        for bad in [
            &b""[..],
            b".",
            b"s",
            b"-2s",
            b"5x",
            b"1.2.3",
            b"a:b",
            b"1:2:3:4",
            b":5",
            b"id.begin+2s",
            b"media",
            b"99999999999999999999",
            b"18446744073709551615s",
        ] {
            assert_eq!(ms(bad), None, "{bad:?}");
        }
        let t = Timing {
            begin: Some(ClockValue(b"5s")),
            end: Some(ClockValue(b"2s")),
            dur: None,
        };
        assert_eq!(t.duration(), None);
    }

    proptest::proptest! {
        #[test]
        fn scanner_never_panics_and_ends(s in proptest::collection::vec(
            proptest::sample::select(b"<>/=\"' !-?srcSRCapr".to_vec()), 0..64)) {
            let n = sources(&s).count();
            proptest::prop_assert!(n <= s.len());
            let slides: Vec<_> = slides(&s).collect();
            proptest::prop_assert!(slides.len() <= s.len());
            for slide in &slides {
                proptest::prop_assert!(slide.media().count() <= slide.content.len());
            }
        }

        #[test]
        fn clock_values_never_panic(s in proptest::collection::vec(
            proptest::sample::select(b"0123456789.:+-hmins ".to_vec()), 0..24)) {
            let _ = ClockValue(&s).millis();
        }
    }
}
