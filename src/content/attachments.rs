//! Attachments of a received message, and part names and SMIL for sending (part names:
//! OMA-TS-MMS_CONF §10.2; SMIL references: RFC 2392 `cid:` URLs, RFC 2557 Content-Location).
//!
//! How each real-world problem is handled:
//!
//! - **Every part is reachable.** Decoding keeps every part whatever the SMIL says; the SMIL is
//!   only a presentation. [`resolve`] maps each SMIL `src` to a part and lists the parts the
//!   SMIL does not reference (shown as attachments by a client), so a message whose SMIL is
//!   missing, empty or names parts wrongly still shows everything.
//! - **Matching `src` to a part.** A `cid:` reference is `%`-decoded (RFC 2392); then the
//!   reference is compared with each part's Content-ID (quoted or bare, with or without `<>`),
//!   then with its Content-Location, then with its name ([`Part::name`]); each step exactly
//!   first, then ignoring ASCII case ([`find_part`]).
//! - **A part's display file name.** [`display_name`]: the part's name ([`Part::name`]: the
//!   Content-Disposition `filename`, then the `name` parameter, then Content-Location), then
//!   its Content-ID without `<>`.
//! - **vCard / vCalendar under their aliases.** [`part_kind`] recognises `text/x-vcard`
//!   (0x07), `text/vcard`, `text/directory;profile=vCard` (registered 0x0309, or the text form
//!   with a `profile` parameter), and `application/octet-stream` (or any unknown type) named
//!   `*.vcf`; likewise `text/x-vcalendar` (0x06), `text/calendar` and `*.vcs` / `*.ics`.
//! - **Unknown content types** (an unassigned well-known number, a textual type nobody
//!   registered) are kept with their raw value and re-encoded as sent; [`part_kind`] says
//!   [`PartKind::Other`].
//! - **Names strict MMSCs accept.** [`SafeNames`] (opt-in) turns part names into short ASCII
//!   names without spaces, keeping the extension and making them unique.
//! - **SMIL for a slideshow.** [`slideshow_body`] builds a multipart/related body with a
//!   generated SMIL ([`crate::content::smil::slideshow`]) as its start part; [`Slideshow`]
//!   composes the slides and parts for it (text, then a photo, ...).

use alloc::string::String;
use alloc::vec::Vec;

use crate::assigned::WellKnownMedia;
use crate::content::smil::{Slide, slideshow, sources};
use crate::wsp::content_type::{ContentType, Media, Parameter, UntypedValue};
use crate::wsp::multipart::{Part, bare_content_id, cid_url_target};
use crate::wsp::writer::{MultipartBuilder, PartBuilder};

mod compose;

pub use compose::Slideshow;

/// Which header of a part a SMIL reference matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MatchedBy {
    /// The Content-ID.
    ContentId,
    /// The Content-Location.
    ContentLocation,
    /// The part's name ([`Part::name`]).
    Name,
}

/// One SMIL `src` and the part it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SmilReference<'a> {
    /// The `src` value as written in the SMIL.
    pub src: &'a [u8],
    /// The index of the part it names (in the order of the parts given), and how it matched;
    /// `None` when no part matches.
    pub part: Option<(usize, MatchedBy)>,
}

/// What a SMIL presentation references and what it leaves out.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Resolution<'a> {
    /// The index of the SMIL part, when there is one.
    pub smil: Option<usize>,
    /// Every `src` of the SMIL, in document order.
    pub references: Vec<SmilReference<'a>>,
    /// The indices of the parts that are neither the SMIL nor referenced by it, in order.
    pub unreferenced: Vec<usize>,
}

/// Resolves the SMIL of a message against its parts: the first `application/smil` part is
/// the presentation (none: every part is unreferenced).
///
/// ```
/// use mms_pdu::attachments::{resolve, MatchedBy};
/// use mms_pdu::wsp::Multipart;
/// // Three parts (a WAP-230-WSP §8.5 multipart): SMIL naming "cid:img" and "t.txt", an image with
/// // Content-ID "<img>", a text with Content-Location t.txt, and a vCard nobody references.
/// let smil = br#"<smil><body><par><img src="cid:img"/><text src="t.txt"/></par></body></smil>"#;
/// let mut body = vec![0x04];
/// let mut part = |ct: &[u8], headers: &[u8], data: &[u8]| {
///     body.push(u8::try_from(ct.len() + headers.len()).unwrap());
///     body.push(u8::try_from(data.len()).unwrap());
///     body.extend_from_slice(ct);
///     body.extend_from_slice(headers);
///     body.extend_from_slice(data);
/// };
/// part(b"application/smil\0", b"\xC0\"<smil>\0", smil);
/// part(b"\x9E", b"\xC0\"<img>\0", b"JPEG");
/// part(b"\x83", b"\x8Et.txt\0", b"hello");
/// part(b"\x87", b"\x8Ecard.vcf\0", b"BEGIN:VCARD");
/// let parts = Multipart::parse(&body, 0, Default::default(), 0).unwrap().parts_vec().unwrap();
/// let r = resolve(&parts);
/// assert_eq!(r.smil, Some(0));
/// assert_eq!(r.references[0].part, Some((1, MatchedBy::ContentId)));
/// assert_eq!(r.references[1].part, Some((2, MatchedBy::ContentLocation)));
/// assert_eq!(r.unreferenced, [3]);
/// ```
pub fn resolve<'a>(parts: &[Part<'a>]) -> Resolution<'a> {
    match smil_part(parts) {
        Some(i) => {
            let smil = parts.get(i).map_or(&[][..], |p| p.data);
            resolve_with_smil(parts, Some(i), smil)
        }
        None => resolve_with_smil(parts, None, &[]),
    }
}

/// The index of the presentation among `parts`: the first `application/smil` part
/// ([`Part::is_smil`]), the one [`resolve`] reads.
pub fn smil_part(parts: &[Part<'_>]) -> Option<usize> {
    parts.iter().position(Part::is_smil)
}

/// Resolves the `src` references of `smil` against `parts`; `smil_index` is the SMIL's own
/// part (left out of `unreferenced`), if it is one of them.
pub fn resolve_with_smil<'a>(
    parts: &[Part<'a>],
    smil_index: Option<usize>,
    smil: &'a [u8],
) -> Resolution<'a> {
    let references: Vec<SmilReference<'a>> = sources(smil)
        .map(|src| SmilReference {
            src,
            part: find_part(parts, src),
        })
        .collect();
    let unreferenced = (0..parts.len())
        .filter(|&i| Some(i) != smil_index)
        .filter(|&i| !references.iter().any(|r| r.part.map(|(p, _)| p) == Some(i)))
        .collect();
    Resolution {
        smil: smil_index,
        references,
        unreferenced,
    }
}

fn percent_decoded(s: &[u8]) -> alloc::borrow::Cow<'_, [u8]> {
    crate::mms::address::unescape_value(s)
}

/// The part a SMIL `src` names, and how (see the module docs for the order).
pub fn find_part(parts: &[Part<'_>], src: &[u8]) -> Option<(usize, MatchedBy)> {
    let src = src.trim_ascii();
    let cid = cid_url_target(src);
    let id = percent_decoded(bare_content_id(src));
    let id: &[u8] = &id;
    let by = |key: &dyn Fn(&Part<'_>) -> Option<Vec<u8>>, want: &[u8]| {
        let candidates = || {
            parts
                .iter()
                .enumerate()
                .filter_map(|(i, p)| key(p).map(|k| (i, k)))
        };
        candidates()
            .find(|(_, k)| k == want)
            .or_else(|| candidates().find(|(_, k)| k.eq_ignore_ascii_case(want)))
            .map(|(i, _)| i)
    };
    let content_id = |p: &Part<'_>| p.content_id().map(|c| bare_content_id(c).to_vec());
    if let Some(i) = by(&content_id, id) {
        return Some((i, MatchedBy::ContentId));
    }
    if cid.is_some() {
        return None;
    }
    let location = |p: &Part<'_>| p.content_location().map(<[u8]>::to_vec);
    if let Some(i) = by(&location, src) {
        return Some((i, MatchedBy::ContentLocation));
    }
    let name = |p: &Part<'_>| p.name().map(<[u8]>::to_vec);
    by(&name, src).map(|i| (i, MatchedBy::Name))
}

/// The file name to show for a part: its name ([`Part::name`], the crate's one naming rule),
/// else, so that a client has a label for every part, its Content-ID without `<>` and quotes
/// ([`bare_content_id`]).
///
/// ```
/// use mms_pdu::attachments::display_name;
/// use mms_pdu::wsp::Multipart;
/// // One image/jpeg part with Content-Location "IMG_1.jpg" and Content-ID "<0>".
/// let body = b"\x01\x12\x01\x9E\x8EIMG_1.jpg\0\xC0\"<0>\0J";
/// let part = Multipart::parse(body, 0, Default::default(), 0).unwrap().parts().next().unwrap().unwrap();
/// assert_eq!(display_name(&part), Some(&b"IMG_1.jpg"[..]));
/// ```
pub fn display_name<'a>(part: &Part<'a>) -> Option<&'a [u8]> {
    part.name().or_else(|| {
        part.content_id()
            .map(bare_content_id)
            .filter(|id| !id.is_empty())
    })
}

/// What a part holds, as far as a messaging client treats it specially.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartKind {
    /// The SMIL presentation.
    Smil,
    /// A vCard (contact), under any of its aliases.
    VCard,
    /// A vCalendar / iCalendar (event), under any of its aliases.
    VCalendar,
    /// `text/*`.
    Text,
    /// `image/*`.
    Image,
    /// `audio/*`.
    Audio,
    /// `video/*`.
    Video,
    /// Anything else, unknown and unassigned types included (kept raw).
    Other,
}

fn ends_with_ignore_case(s: &[u8], suffix: &[u8]) -> bool {
    s.len() >= suffix.len()
        && s.get(s.len() - suffix.len()..)
            .is_some_and(|t| t.eq_ignore_ascii_case(suffix))
}

fn starts_with_ignore_case(s: &[u8], prefix: &[u8]) -> bool {
    s.get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
}

fn profile_is(ct: &ContentType<'_>, wanted: &[u8]) -> bool {
    ct.params().any(|p| match p {
        Parameter::Untyped {
            name,
            value: UntypedValue::Text(v),
        } => {
            name.bytes.eq_ignore_ascii_case(b"profile") && v.as_bytes().eq_ignore_ascii_case(wanted)
        }
        _ => false,
    })
}

/// Classifies a part (see the module docs for the vCard and vCalendar aliases).
///
/// ```
/// use mms_pdu::attachments::{part_kind, PartKind};
/// use mms_pdu::wsp::Multipart;
/// // application/octet-stream (0xDA) with Content-Location "bob.vcf".
/// let body = b"\x01\x0A\x0B\xDA\x8Ebob.vcf\0BEGIN:VCARD";
/// let part = Multipart::parse(body, 0, Default::default(), 0).unwrap().parts().next().unwrap().unwrap();
/// assert_eq!(part_kind(&part), PartKind::VCard);
/// ```
pub fn part_kind(part: &Part<'_>) -> PartKind {
    if part.is_smil() {
        return PartKind::Smil;
    }
    let ct = &part.content_type;
    let media = ct.media();
    let name: &[u8] = match media {
        Media::WellKnown(m) => m.name().map_or(&[][..], str::as_bytes),
        Media::Text(t) => t,
    };
    let named = |exts: &[&[u8]]| {
        display_name(part).is_some_and(|n| exts.iter().any(|e| ends_with_ignore_case(n, e)))
    };
    let is = |aliases: &[&[u8]]| aliases.iter().any(|a| name.eq_ignore_ascii_case(a));
    if media.is(WellKnownMedia::TEXT_X_VCARD)
        || media.is(WellKnownMedia::TEXT_DIRECTORY_PROFILE_VCARD)
        || is(&[
            b"text/vcard",
            b"text/x-vcard",
            b"text/directory;profile=vcard",
        ])
        || (is(&[b"text/directory"]) && profile_is(ct, b"vcard"))
    {
        return PartKind::VCard;
    }
    if media.is(WellKnownMedia::TEXT_X_VCALENDAR)
        || is(&[b"text/calendar", b"text/x-vcalendar", b"application/ics"])
    {
        return PartKind::VCalendar;
    }
    let generic = media.is(WellKnownMedia::APPLICATION_OCTET_STREAM)
        || !starts_with_ignore_case(name, b"text/")
            && !starts_with_ignore_case(name, b"image/")
            && !starts_with_ignore_case(name, b"audio/")
            && !starts_with_ignore_case(name, b"video/");
    if generic && named(&[b".vcf"]) {
        return PartKind::VCard;
    }
    if generic && named(&[b".vcs", b".ics"]) {
        return PartKind::VCalendar;
    }
    if starts_with_ignore_case(name, b"text/") {
        PartKind::Text
    } else if starts_with_ignore_case(name, b"image/") {
        PartKind::Image
    } else if starts_with_ignore_case(name, b"audio/") {
        PartKind::Audio
    } else if starts_with_ignore_case(name, b"video/") {
        PartKind::Video
    } else {
        PartKind::Other
    }
}

// ---------------------------------------------------------------------------------------------
// Sending

/// An opt-in policy that makes part names safe for strict MMSCs and old phones: ASCII letters,
/// digits, `.`, `-` and `_` only (a space and every other character become `_`, runs of `_`
/// collapse), at most [`SafeNames::max_len`] characters with the extension kept (cut to 5
/// characters), never empty (`part`), never starting with `.`; [`SafeNames::unique`] also
/// makes names unique ignoring case (`a.jpg`, `a_2.jpg`, ...).
///
/// ```
/// use mms_pdu::attachments::SafeNames;
/// let policy = SafeNames::default();
/// assert_eq!(policy.safe("Été à la plage (1).jpeg"), "t_la_plage_1_.jpeg");
/// assert_eq!(policy.safe("  "), "part");
/// assert_eq!(SafeNames { max_len: 12 }.safe("a very long file name.png"), "a_very_l.png");
/// assert_eq!(policy.unique(&["IMG.jpg", "img.jpg", "x"]), ["IMG.jpg", "img_2.jpg", "x"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SafeNames {
    /// The longest name allowed (at least 8 is sensible; default 40).
    pub max_len: usize,
}

impl Default for SafeNames {
    fn default() -> Self {
        SafeNames { max_len: 40 }
    }
}

fn sanitise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
            c
        } else {
            '_'
        };
        if !(c == '_' && out.ends_with('_')) {
            out.push(c);
        }
    }
    out
}

impl SafeNames {
    /// The safe form of one name.
    pub fn safe(&self, name: &str) -> String {
        let name = name.trim();
        let (stem, ext) = match name.rsplit_once('.') {
            Some((stem, ext)) if !ext.is_empty() && !stem.is_empty() => (stem, Some(ext)),
            _ => (name, None),
        };
        let stem = sanitise(stem).replace('.', "_");
        let mut stem = String::from(stem.trim_start_matches(['_', '.']));
        let ext: String = ext
            .map(|e| sanitise(e).replace('.', "_"))
            .unwrap_or_default()
            .chars()
            .take(5)
            .collect();
        let ext = ext.trim_matches('_');
        if stem.trim_matches('_').is_empty() {
            stem = String::from("part");
        }
        let room = self
            .max_len
            .saturating_sub(if ext.is_empty() { 0 } else { ext.len() + 1 })
            .max(1);
        stem.truncate(room);
        if !ext.is_empty() {
            stem.push('.');
            stem.push_str(ext);
        }
        stem
    }

    /// The safe forms of several names, made unique ignoring ASCII case by a `_2`, `_3` ...
    /// before the extension.
    pub fn unique(&self, names: &[&str]) -> Vec<String> {
        let mut out: Vec<String> = Vec::with_capacity(names.len());
        for name in names {
            let safe = self.safe(name);
            let taken = |c: &str| out.iter().any(|o| o.eq_ignore_ascii_case(c));
            let mut candidate = safe.clone();
            let mut n = 2u32;
            while taken(&candidate) {
                let (stem, ext) = match safe.rsplit_once('.') {
                    Some((s, e)) => (s, alloc::format!(".{e}")),
                    None => (safe.as_str(), String::new()),
                };
                let suffix = alloc::format!("_{n}");
                let keep = self
                    .max_len
                    .saturating_sub(suffix.len() + ext.len())
                    .max(1)
                    .min(stem.len());
                candidate = alloc::format!("{}{suffix}{ext}", stem.get(..keep).unwrap_or(stem));
                n += 1;
            }
            out.push(candidate);
        }
        out
    }
}

/// A media part for [`slideshow_body`]: its `location` is the name the slides use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaPart<'a> {
    /// Content-Location and Content-ID of the part; the `src` the slides name it by.
    pub location: &'a str,
    /// The part's content type.
    pub content_type: ContentType<'a>,
    /// The data.
    pub data: &'a [u8],
}

/// A multipart/related body presenting `media` as the slideshow `slides`: a generated SMIL
/// part first (Content-ID `<smil>`), then each media part with Content-Location and a bare
/// Content-ID equal to its `location`, which is what the slides' `src` values name (see
/// [`SafeNames`] to make the locations safe first). Returns the top-level content type
/// (`application/vnd.wap.multipart.related; start=<smil>; type=application/smil`) and the
/// body.
///
/// ```
/// use mms_pdu::assigned::WellKnownMedia;
/// use mms_pdu::attachments::{resolve, slideshow_body, MediaPart};
/// use mms_pdu::codec::Encode;
/// use mms_pdu::smil::Slide;
/// use mms_pdu::wsp::{ContentType, Multipart};
/// let media = [
///     MediaPart { location: "cat.jpg", content_type: ContentType::well_known(WellKnownMedia::IMAGE_JPEG), data: b"JPEG" },
///     MediaPart { location: "text_0.txt", content_type: ContentType::well_known(WellKnownMedia::TEXT_PLAIN), data: b"Hi" },
/// ];
/// let (content_type, body) = slideshow_body(&[Slide::new().image("cat.jpg").text("text_0.txt")], &media);
/// assert_eq!(content_type.start(), Some(&b"<smil>"[..]));
/// let wire = body.encode_to_vec().unwrap();
/// let parts = Multipart::parse(&wire, 0, Default::default(), 0).unwrap().parts_vec().unwrap();
/// let r = resolve(&parts);
/// assert_eq!(r.smil, Some(0));
/// assert!(r.references.iter().all(|x| x.part.is_some()));
/// assert!(r.unreferenced.is_empty());
/// ```
pub fn slideshow_body<'a>(
    slides: &[Slide<'_>],
    media: &[MediaPart<'a>],
) -> (ContentType<'static>, MultipartBuilder<'a>) {
    let smil = slideshow(slides);
    let content_type = related_content_type();
    let mut body = MultipartBuilder::new().part(
        PartBuilder::from_bytes(
            ContentType::text(b"application/smil"),
            bytes::Bytes::from(smil.into_bytes()),
        )
        .content_id(b"<smil>")
        .content_location(b"smil.xml"),
    );
    for m in media {
        body.push(
            PartBuilder::new(m.content_type.clone(), m.data)
                .content_id(m.location.as_bytes())
                .content_location(m.location.as_bytes()),
        );
    }
    (content_type, body)
}

/// The Content-Type of a [`slideshow_body`]: multipart/related starting at its SMIL part.
fn related_content_type() -> ContentType<'static> {
    ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_RELATED)
        .with_start(b"<smil>")
        .with_type(Media::Text(b"application/smil"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::Encode;
    use crate::wsp::Multipart;

    /// A uintvar (WSP 8.1.2), written by hand.
    fn uintvar(out: &mut Vec<u8>, v: usize) {
        let mut groups = vec![u8::try_from(v & 0x7F).unwrap()];
        let mut v = v >> 7;
        while v > 0 {
            groups.push(u8::try_from(v & 0x7F).unwrap() | 0x80);
            v >>= 7;
        }
        out.extend(groups.iter().rev());
    }

    /// A multipart body from `(content type, headers, data)` entries.
    fn body(parts: &[(&[u8], &[u8], &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        uintvar(&mut out, parts.len());
        for (ct, h, d) in parts {
            uintvar(&mut out, ct.len() + h.len());
            uintvar(&mut out, d.len());
            out.extend_from_slice(ct);
            out.extend_from_slice(h);
            out.extend_from_slice(d);
        }
        out
    }

    fn decode(wire: &[u8]) -> Vec<Part<'_>> {
        let mp = Multipart::parse(wire, 0, Default::default(), 0).unwrap();
        assert_eq!(mp.encode_to_vec().unwrap(), wire);
        mp.parts_vec().unwrap()
    }

    #[test]
    fn content_id_forms_and_fallbacks() {
        let smil: &[u8] = br#"<smil><body>
            <par><img src="cid:a%40x"/></par>
            <par><img src="cid:B"/></par>
            <par><img src="c.jpg"/></par>
            <par><img src="D.GIF"/></par>
            <par><img src="e.png"/></par>
            <par><img src="missing.png"/></par>
            <par><img src="cid:nope"/></par>
        </body></smil>"#;
        let wire = body(&[
            (b"application/smil\0", b"", smil),
            // Quoted Content-ID with <> (C0 22 "<a@x>" 00).
            (b"\x9E", b"\xC0\"<a@x>\0", b"1"),
            // Bare Content-ID without <> (C0 "B" 00).
            (b"\x9E", b"\xC0B\0", b"2"),
            // Content-ID "<c.jpg>" but also the location; ID wins.
            (b"\x9E", b"\xC0\"<c.jpg>\0\x8Eother.jpg\0", b"3"),
            // Location only, other case.
            (b"\x9D", b"\x8Ed.gif\0", b"4"),
            // image/png with name parameter (03 A0 85 "e.png"... as Content-type-general form).
            (b"\x08\xA0\x85e.png\0", b"", b"5"),
            // Unreferenced.
            (b"\x83", b"", b"6"),
        ]);
        let parts = decode(&wire);
        let r = resolve(&parts);
        let got: Vec<_> = r.references.iter().map(|x| x.part).collect();
        assert_eq!(
            got,
            [
                Some((1, MatchedBy::ContentId)),
                Some((2, MatchedBy::ContentId)),
                Some((3, MatchedBy::ContentId)),
                Some((4, MatchedBy::ContentLocation)),
                Some((5, MatchedBy::Name)),
                None,
                None,
            ]
        );
        assert_eq!(r.unreferenced, [6]);
        assert_eq!(r.references[5].src, b"missing.png");
    }

    #[test]
    fn no_smil_everything_unreferenced() {
        let wire = body(&[(b"\x83", b"", b"a"), (b"\x9E", b"", b"b")]);
        let parts = decode(&wire);
        let r = resolve(&parts);
        assert_eq!(r.smil, None);
        assert!(r.references.is_empty());
        assert_eq!(r.unreferenced, [0, 1]);
        // A SMIL naming nothing that exists.
        let wire = body(&[
            (b"application/smil\0", b"", b"<img src=\"x\"/>"),
            (b"\x83", b"", b"a"),
        ]);
        let parts = decode(&wire);
        assert_eq!(resolve(&parts).unreferenced, [1]);
    }

    #[test]
    fn display_names_in_order() {
        let wire = body(&[
            // Disposition filename beats name parameter and location:
            // AE 07 81 86 "f.txt" 00 (attachment? 81 = attachment, filename 86).
            (
                b"\x08\x83\x85n.txt\0",
                b"\xAE\x08\x81\x86f.txt\0\x8El.txt\0",
                b"1",
            ),
            (b"\x08\x83\x85n.txt\0", b"\x8El.txt\0", b"2"),
            (b"\x83", b"\x8El.txt\0\xC0\"<id>\0", b"3"),
            (b"\x83", b"\xC0\"<id>\0", b"4"),
            (b"\x83", b"", b"5"),
        ]);
        let parts = decode(&wire);
        let names: Vec<_> = parts.iter().map(display_name).collect();
        assert_eq!(
            names,
            [
                Some(&b"f.txt"[..]),
                Some(b"n.txt"),
                Some(b"l.txt"),
                Some(b"id"),
                None
            ]
        );
    }

    #[test]
    fn vcard_and_vcalendar_aliases() {
        let wire = body(&[
            (b"\x87", b"", b"v"),                                 // text/x-vCard (0x07)
            (b"text/vcard\0", b"", b"v"),                         // textual
            (b"\x03\x02\x03\x09", b"", b"v"), // registered 0x0309 directory;profile=vCard
            (b"\x1Dtext/directory\0profile\0vcard\0", b"", b"v"), // text + profile parameter
            (b"\xDA", b"\x8Ebob.VCF\0", b"v"), // octet-stream named *.vcf
            (b"\x86", b"", b"c"),             // text/x-vCalendar (0x06)
            (b"text/calendar\0", b"", b"c"),
            (b"\xDA", b"\x8Eevent.ics\0", b"c"),
            (b"\xDA", b"\x8Edata.bin\0", b"o"),
            (b"application/x-unknown\0", b"", b"o"),
            (b"\x9E", b"\x8Eodd.vcf\0", b"i"), // image/jpeg named .vcf stays an image
        ]);
        let parts = decode(&wire);
        let kinds: Vec<_> = parts.iter().map(part_kind).collect();
        use PartKind::*;
        assert_eq!(
            kinds,
            [
                VCard, VCard, VCard, VCard, VCard, VCalendar, VCalendar, VCalendar, Other, Other,
                Image
            ]
        );
    }

    #[test]
    fn unknown_content_types_kept_raw() {
        // An unassigned well-known number (0x7F -> FF), an unregistered text type with a
        // parameter, and a general form with an unassigned Long-integer type.
        let wire = body(&[
            (b"\xFF", b"", b"a"),
            (b"\x0Cx-foo/bar\0\x81\xEA", b"", b"b"),
            (b"\x03\x02\x7F\xF0", b"", b"c"),
        ]);
        let parts = decode(&wire);
        assert_eq!(parts.len(), 3);
        assert!(parts.iter().all(|p| part_kind(p) == PartKind::Other));
        assert_eq!(parts[1].content_type.media(), Media::Text(b"x-foo/bar"));
        assert_eq!(parts[1].data, b"b");
    }

    #[test]
    fn text_part_charsets() {
        use crate::assigned::Charset;
        // text/plain; charset=Any (03 83 81 80), no charset, charset big5 as text (81 "big5").
        let wire = body(&[
            (b"\x03\x83\x81\x80", b"", "Olé".as_bytes()),
            (b"\x83", b"", "Olé".as_bytes()),
            (b"\x07\x83\x81big5\0", b"", &[0xA4, 0xA4]),
        ]);
        let parts = decode(&wire);
        assert_eq!(parts[0].content_type.charset(), Some(Charset::ANY));
        assert_eq!(parts[0].text(Charset::UTF_8), "Olé");
        assert_eq!(parts[1].content_type.charset(), None);
        assert_eq!(parts[1].text(Charset::UTF_8), "Olé");
        assert_eq!(parts[2].content_type.charset(), Some(Charset::BIG5));
        if cfg!(feature = "charsets") {
            assert_eq!(parts[2].text(Charset::UTF_8), "中");
        }
    }

    #[test]
    fn safe_names() {
        let p = SafeNames::default();
        assert_eq!(p.safe("photo.JPG"), "photo.JPG");
        assert_eq!(p.safe(".hidden"), "hidden");
        assert_eq!(p.safe("a..b"), "a_.b");
        assert_eq!(p.safe("名前.txt"), "part.txt");
        assert_eq!(p.safe("x.tar.gz"), "x_tar.gz");
        assert_eq!(p.safe("file.verylongext"), "file.veryl");
        assert_eq!(p.safe(""), "part");
        let tiny = SafeNames { max_len: 0 };
        assert_eq!(tiny.safe("abc.png"), "a.png");
        let names = SafeNames { max_len: 8 }.unique(&["abcdefgh", "ABCDEFGH", "abcdefgh"]);
        assert_eq!(names, ["abcdefgh", "ABCDEF_2", "abcdef_3"]);
        for n in SafeNames::default().unique(&["a b", "a_b", "ä b", "a b.txt", "a b.txt"]) {
            assert!(n.is_ascii() && !n.contains(' ') && n.len() <= 40, "{n}");
        }
    }

    proptest::proptest! {
        #[test]
        fn safe_names_are_safe(name in "\\PC{0,60}", max in 1usize..60) {
            let policy = SafeNames { max_len: max };
            let n = policy.safe(&name);
            proptest::prop_assert!(!n.is_empty());
            proptest::prop_assert!(n.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b)));
            proptest::prop_assert!(!n.starts_with('.'));
            proptest::prop_assert!(n.len() <= max.max(8), "{} > {}", n.len(), max);
        }
    }
}
