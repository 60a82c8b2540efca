//! A message-level view of a decoded PDU, as a mail reader shows it: subject as text, the
//! sender and recipients as parsed addresses, dates as times, the text body, every attachment
//! across nested multiparts, and the SMIL slides with the parts they show.
//!
//! [`MessageView`] reads everything once, when it is made, from the typed getters of
//! [`Pdu`] and the content helpers ([`crate::content::attachments`], [`crate::content::smil`]):
//! it adds no rule of its own for names, Content-IDs or SMIL references. It borrows the
//! input the PDU was decoded from, not the PDU.
//!
//! The rules it does add, for what a decoded PDU leaves open:
//!
//! - **Attachments** are the leaf parts of the body in document order, nested multiparts
//!   (`multipart/mixed` inside `multipart/related`, a `multipart/alternative`, ...) walked
//!   depth first and left out themselves: the SMIL part and the text parts are attachments
//!   too. A part labelled multipart whose data does not decode whole as one (a JPEG sent as
//!   `multipart/mixed`) is kept as a leaf, so nothing on the wire is hidden. A body that is
//!   not a multipart (an error reply's `text/plain`) is the one attachment, a part without
//!   headers ([`Part::single`]). At most `Limits::max_parts` attachments are listed
//!   ([`MessageView::with_options`]); [`MessageView::body_error`] says when some were left
//!   out.
//! - **The presentation** is the first `application/smil` attachment
//!   ([`attachments::smil_part`]). Its slides come from [`smil::slides`]; each media element
//!   is matched to an attachment by [`attachments::find_part`] (Content-ID, then
//!   Content-Location, then name). A reference that matches nothing stays in its slide with
//!   no attachment.
//! - **A message without a presentation** (no SMIL part, or a SMIL with no slide at all, such
//!   as `<smil/>`) gets one implicit slide showing its image, text, audio and video
//!   attachments in body order, with no timing: the MMS convention for
//!   `application/vnd.wap.multipart.mixed`, whose parts are shown in the order sent. A message
//!   with no such attachment has no slide.
//! - **The text body** ([`MessageView::text`]) is the first `text/plain` part a slide shows in
//!   a text position (the SMIL's Text region, or the implicit slide), else the first
//!   `text/plain` attachment in body order, decoded by its `charset` parameter.
//! - **Times**: Date, X-Mms-Expiry and X-Mms-Delivery-Time as seconds since the Unix epoch
//!   (`*_unix`) everywhere, and as [`SystemTime`](std::time::SystemTime) with the `std`
//!   feature; a relative expiry or delivery time is counted from a receive time the caller
//!   gives ([`Time::resolve`](crate::mms::Time::resolve)).

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

use crate::assigned::{Charset, MessageType, WellKnownMedia};
use crate::base::error::{DecodeError, DecodeErrorKind};
use crate::base::options::DecodeOptions;
use crate::codec::{DateValue, Encode, EncodedString, IntegerValue, TextString};
use crate::content::attachments::{self, MatchedBy, PartKind};
use crate::content::smil::{self, MediaKind, SmilMedia, Timing};
pub use crate::content::transfer::TransferEncoding;
use crate::mms::address::PhoneMatch;
use crate::mms::{Address, ContentLocationValue, FromValue, ParsedAddress, Pdu, TimeValue};
use crate::text::decode_text;
use crate::wsp::{ContentType, Multipart, Part};

/// A decoded message as a reader shows it (see the [module docs](self) for the rules).
///
/// ```
/// use mms_pdu::{MessageView, Pdu};
/// // An m-retrieve-conf: a photo with a caption, a text with a voice clip, a contact card.
/// let pdu = Pdu::decode(include_bytes!("../../samples/m-retrieve-conf.mms"))?;
/// let message = MessageView::new(&pdu);
/// assert_eq!(message.subject().as_deref(), Some("Café"));
/// println!("from {:?}, to {:?}", message.from(), message.to().collect::<Vec<_>>());
/// assert_eq!(message.text().as_deref(), Some("Lunch at the café? ☕"));
/// for a in message.attachments() {
///     println!("{:?} {:?}, {} octets", a.media_type(), a.name(), a.size());
/// }
/// assert_eq!(message.attachments().len(), 6);
/// for slide in message.slides() {
///     let image = slide.image().and_then(|i| i.attachment()).and_then(|a| a.name());
///     let text = slide.text().and_then(|t| t.attachment()).map(|a| a.text());
///     println!("{image:?} {text:?} for {:?}", slide.duration());
/// }
/// assert_eq!(message.slides().len(), 2);
/// # Ok::<(), mms_pdu::DecodeError>(())
/// ```
#[derive(Debug, Clone)]
pub struct MessageView<'a> {
    message_type: Option<MessageType>,
    subject: Option<EncodedString<'a>>,
    from: Option<FromValue<'a>>,
    to: Vec<Address<'a>>,
    cc: Vec<Address<'a>>,
    bcc: Vec<Address<'a>>,
    date: Option<DateValue>,
    expiry: Option<TimeValue>,
    delivery_time: Option<TimeValue>,
    message_id: Option<TextString<'a>>,
    message_size: Option<IntegerValue>,
    content_location: Option<ContentLocationValue<'a>>,
    charset: Charset,
    attachments: Vec<Attachment<'a>>,
    smil: Option<usize>,
    slides: Vec<SlideView<'a>>,
    body_error: Option<DecodeError>,
}

impl<'a> MessageView<'a> {
    /// The view of `pdu` with the default options (text without a charset read as UTF-8).
    pub fn new(pdu: &Pdu<'a>) -> Self {
        Self::with_options(pdu, &DecodeOptions::new())
    }

    /// The view of `pdu`: text without a charset (or with Any-charset) is read in
    /// `options`' default charset, and at most its `max_parts` attachments and slide media
    /// are listed.
    pub fn with_options(pdu: &Pdu<'a>, options: &DecodeOptions) -> Self {
        let charset = options.default_charset();
        let max = usize::try_from(options.limits().max_parts).unwrap_or(usize::MAX);
        let (parts, body_error) = body_parts(pdu, max);
        let smil = attachments::smil_part(&parts);
        let attachments: Vec<Attachment<'a>> = parts
            .iter()
            .enumerate()
            .map(|(index, part)| Attachment {
                part: part.clone(),
                index,
                charset,
            })
            .collect();
        let mut slides = smil
            .and_then(|i| attachments.get(i))
            .map(|s| smil_slides(s.data(), &parts, &attachments, max))
            .unwrap_or_default();
        if slides.is_empty() {
            slides.extend(implicit_slide(&attachments));
        }
        MessageView {
            message_type: pdu.message_type(),
            subject: pdu.subject(),
            from: pdu.from(),
            to: pdu.to().collect(),
            cc: pdu.cc().collect(),
            bcc: pdu.bcc().collect(),
            date: pdu.date(),
            expiry: pdu.expiry(),
            delivery_time: pdu.delivery_time(),
            message_id: pdu.message_id(),
            message_size: pdu.message_size(),
            content_location: pdu.content_location(),
            charset,
            attachments,
            smil,
            slides,
            body_error,
        }
    }

    /// X-Mms-Message-Type.
    pub fn message_type(&self) -> Option<MessageType> {
        self.message_type
    }

    /// The Subject as text: decoded by its charset (the default charset when it has none),
    /// then RFC 2047 encoded-words decoded ([`crate::text::decode_encoded_words`]), as
    /// gateways from e-mail send them. The octets as sent are [`Pdu::subject`]'s.
    pub fn subject(&self) -> Option<Cow<'a, str>> {
        let text = crate::text::encoded_string_text(self.subject.as_ref()?, self.charset);
        Some(match text {
            Cow::Borrowed(s) => crate::text::decode_encoded_words(s),
            Cow::Owned(s) => Cow::Owned(String::from(crate::text::decode_encoded_words(&s))),
        })
    }

    /// The sender's address, parsed; `None` without a From, and for the Insert-address token
    /// (tell the two apart with [`MessageView::from_is_insert_address`]).
    pub fn from(&self) -> Option<ParsedAddress<'a>> {
        self.from_address().map(|a| a.parsed())
    }

    /// The sender's address as sent (charset and `/TYPE=` kept), for [`Address::text`] and
    /// the like.
    pub fn from_address(&self) -> Option<Address<'a>> {
        self.from.and_then(|f| f.as_address().copied())
    }

    /// `true` when From carries the Insert-address token: the MMSC fills in the sender (an
    /// m-send-req as a phone writes it).
    pub fn from_is_insert_address(&self) -> bool {
        matches!(self.from, Some(FromValue::InsertAddress { .. }))
    }

    /// The To addresses, parsed, in wire order.
    pub fn to(&self) -> impl ExactSizeIterator<Item = ParsedAddress<'a>> + '_ {
        self.to.iter().map(Address::parsed)
    }

    /// The Cc addresses, parsed, in wire order.
    pub fn cc(&self) -> impl ExactSizeIterator<Item = ParsedAddress<'a>> + '_ {
        self.cc.iter().map(Address::parsed)
    }

    /// The Bcc addresses, parsed, in wire order.
    pub fn bcc(&self) -> impl ExactSizeIterator<Item = ParsedAddress<'a>> + '_ {
        self.bcc.iter().map(Address::parsed)
    }

    /// The recipients of a group message without the user's own address: To, then Cc, then
    /// Bcc, each in wire order, compared as [`crate::mms::address::recipients_excluding`]
    /// compares them ([`PhoneMatch::same_party`]).
    pub fn recipients_excluding(&self, own: &str) -> Vec<ParsedAddress<'a>> {
        let matcher = PhoneMatch::new();
        self.to
            .iter()
            .chain(&self.cc)
            .chain(&self.bcc)
            .filter(|a| !matcher.same_party(a.as_bytes(), own.as_bytes()))
            .map(Address::parsed)
            .collect()
    }

    /// The Date, in seconds since 1970-01-01T00:00:00Z.
    pub fn date_unix(&self) -> Option<u64> {
        self.date.map(|d| d.value)
    }

    /// The Date; `None` without one, or past what `SystemTime` holds.
    #[cfg(feature = "std")]
    #[cfg_attr(docsrs, doc(cfg(feature = "std")))]
    pub fn date(&self) -> Option<std::time::SystemTime> {
        crate::mms::Time::Absolute(self.date?).resolve(std::time::SystemTime::UNIX_EPOCH)
    }

    /// X-Mms-Expiry in seconds since the epoch, a relative expiry counted from
    /// `received_unix` ([`Time::resolve_unix`](crate::mms::Time::resolve_unix)).
    pub fn expiry_unix(&self, received_unix: u64) -> Option<u64> {
        self.expiry?.time.resolve_unix(received_unix)
    }

    /// X-Mms-Expiry, a relative expiry counted from `received` ([`Time::resolve`](crate::mms::Time::resolve)).
    ///
    /// ```
    /// use std::time::{Duration, SystemTime};
    /// use mms_pdu::{MessageView, Pdu};
    /// // An m-notification-ind that expires 3 days after it arrives.
    /// let pdu = Pdu::decode(include_bytes!("../../samples/m-notification-ind.mms"))?;
    /// let received = SystemTime::now();
    /// let expiry = MessageView::new(&pdu).expiry(received);
    /// assert_eq!(expiry, Some(received + Duration::from_secs(3 * 24 * 3600)));
    /// # Ok::<(), mms_pdu::DecodeError>(())
    /// ```
    #[cfg(feature = "std")]
    #[cfg_attr(docsrs, doc(cfg(feature = "std")))]
    pub fn expiry(&self, received: std::time::SystemTime) -> Option<std::time::SystemTime> {
        self.expiry?.time.resolve(received)
    }

    /// X-Mms-Delivery-Time in seconds since the epoch, a relative time counted from
    /// `received_unix`.
    pub fn delivery_time_unix(&self, received_unix: u64) -> Option<u64> {
        self.delivery_time?.time.resolve_unix(received_unix)
    }

    /// X-Mms-Delivery-Time, a relative time counted from `received`.
    #[cfg(feature = "std")]
    #[cfg_attr(docsrs, doc(cfg(feature = "std")))]
    pub fn delivery_time(&self, received: std::time::SystemTime) -> Option<std::time::SystemTime> {
        self.delivery_time?.time.resolve(received)
    }

    /// The Message-ID as text (invalid UTF-8 replaced).
    pub fn message_id(&self) -> Option<Cow<'a, str>> {
        self.message_id.map(|m| String::from_utf8_lossy(m.bytes))
    }

    /// X-Mms-Message-Size in octets: in an m-notification-ind, the size of the message to
    /// fetch (what a phone compares with its free space and its retrieval limit).
    ///
    /// ```
    /// use mms_pdu::{MessageView, Pdu};
    /// let pdu = Pdu::decode(include_bytes!("../../samples/m-notification-ind.mms"))?;
    /// assert_eq!(MessageView::new(&pdu).message_size(), Some(12345));
    /// # Ok::<(), mms_pdu::DecodeError>(())
    /// ```
    pub fn message_size(&self) -> Option<u64> {
        self.message_size.map(|s| s.value)
    }

    /// X-Mms-Content-Location as text: in an m-notification-ind, the URI to fetch the message
    /// from ([`ContentLocationValue::text`]; the octets as sent are [`Pdu::content_location`]'s).
    ///
    /// ```
    /// use mms_pdu::{MessageView, Pdu};
    /// let pdu = Pdu::decode(include_bytes!("../../samples/m-notification-ind.mms"))?;
    /// let location = MessageView::new(&pdu).content_location();
    /// assert_eq!(location.as_deref(), Some("http://mmsc.example/m1"));
    /// # Ok::<(), mms_pdu::DecodeError>(())
    /// ```
    pub fn content_location(&self) -> Option<Cow<'a, str>> {
        self.content_location
            .as_ref()
            .map(ContentLocationValue::text)
    }

    /// The text body, decoded by its charset: see [`MessageView::text_attachment`].
    pub fn text(&self) -> Option<Cow<'a, str>> {
        self.text_attachment().map(Attachment::text)
    }

    /// The part holding the text body: the first `text/plain` part a slide shows as text (in
    /// slide order), else the first `text/plain` attachment in body order.
    pub fn text_attachment(&self) -> Option<&Attachment<'a>> {
        self.slides
            .iter()
            .flat_map(|s| &s.items)
            .filter(|i| i.kind == MediaKind::Text)
            .filter_map(SlideItem::attachment)
            .find(|a| a.is_text_plain())
            .or_else(|| self.attachments.iter().find(|a| a.is_text_plain()))
    }

    /// Every leaf part of the body, nested multiparts flattened, in document order (the SMIL
    /// and the text parts included).
    pub fn attachments(&self) -> &[Attachment<'a>] {
        &self.attachments
    }

    /// The SMIL presentation's part.
    pub fn smil(&self) -> Option<&Attachment<'a>> {
        self.attachments.get(self.smil?)
    }

    /// The slides: the presentation's, or the one implicit slide of a message without one.
    pub fn slides(&self) -> &[SlideView<'a>] {
        &self.slides
    }

    /// The attachments that no slide shows, the SMIL left out: what a client lists below the
    /// slideshow (a vCard, a part the SMIL names wrongly, ...).
    pub fn unreferenced(&self) -> impl Iterator<Item = &Attachment<'a>> + '_ {
        self.attachments.iter().filter(move |a| {
            Some(a.index) != self.smil
                && !self
                    .slides
                    .iter()
                    .flat_map(|s| &s.items)
                    .any(|i| i.attachment.as_ref().is_some_and(|x| x.index == a.index))
        })
    }

    /// Why the attachments may not be every part of the body: the first entry of the
    /// top-level multipart that did not decode (only for a PDU built by hand: decoding checks
    /// the body whole), or `TooManyParts` when there are more than the limit.
    pub fn body_error(&self) -> Option<&DecodeError> {
        self.body_error.as_ref()
    }
}

/// The leaf parts of the body (see the module docs), and why some may be missing.
fn body_parts<'a>(pdu: &Pdu<'a>, max: usize) -> (Vec<Part<'a>>, Option<DecodeError>) {
    let Some(body) = pdu.body() else {
        return (Vec::new(), None);
    };
    let top = match pdu.multipart() {
        Some(Ok(top)) => top,
        Some(Err(e)) => return (Vec::new(), Some(e)),
        None => {
            let Some(content_type) = pdu.content_type() else {
                return (Vec::new(), None);
            };
            let offset = pdu
                .encoded_len()
                .saturating_sub(body.len() + pdu.trailing().len());
            return (alloc::vec![Part::single(content_type, body, offset)], None);
        }
    };
    let mut leaves = Vec::new();
    let mut stack = alloc::vec![top.parts()];
    while let Some(parts) = stack.last_mut() {
        let part = match parts.next() {
            None => {
                stack.pop();
                continue;
            }
            // Nested bodies are descended into only when whole, so this is the top level.
            Some(Err(e)) => return (leaves, Some(e)),
            Some(Ok(part)) => part,
        };
        if let Some(inner) = whole_nested(&part) {
            stack.push(inner.parts());
            continue;
        }
        if leaves.len() >= max {
            let limit = u32::try_from(max).unwrap_or(u32::MAX);
            let error = DecodeError {
                offset: part.offset,
                kind: DecodeErrorKind::TooManyParts { limit },
                context: "message attachments",
            };
            return (leaves, Some(error));
        }
        leaves.push(part);
    }
    (leaves, None)
}

/// The nested multipart of `part` when every one of its entries decodes; otherwise the part
/// is data that only looks like a multipart, and stays a leaf.
fn whole_nested<'a>(part: &Part<'a>) -> Option<Multipart<'a>> {
    match part.nested() {
        Some(Ok(inner)) if inner.parts().all(|p| p.is_ok()) => Some(inner),
        _ => None,
    }
}

/// The slides of the presentation `smil`, their media matched to `parts` (which
/// `attachments` wrap, index for index), at most `max` media in all.
fn smil_slides<'a>(
    smil: &'a [u8],
    parts: &[Part<'a>],
    attachments: &[Attachment<'a>],
    max: usize,
) -> Vec<SlideView<'a>> {
    let mut budget = max;
    let mut slides = Vec::new();
    for (index, slide) in smil::slides(smil).enumerate() {
        if budget == 0 || slides.len() >= max {
            break;
        }
        let items: Vec<SlideItem<'a>> = slide
            .media()
            .take(budget)
            .map(|media| {
                let found = attachments::find_part(parts, media.src);
                let attachment = found.and_then(|(i, _)| attachments.get(i)).cloned();
                SlideItem {
                    kind: item_kind(&media, attachment.as_ref()),
                    media: Some(media),
                    matched_by: found.map(|(_, by)| by),
                    attachment,
                }
            })
            .collect();
        budget -= items.len();
        slides.push(SlideView {
            index,
            timing: slide.timing,
            implicit: false,
            items,
        });
    }
    slides
}

/// What a slide item shows: what its element says; for `<ref>` and other elements that do
/// not say, its region (`Image` or `Text`, any case), else its part's media type.
fn item_kind(media: &SmilMedia<'_>, attachment: Option<&Attachment<'_>>) -> MediaKind {
    if media.kind != MediaKind::Other {
        return media.kind;
    }
    match media.region {
        Some(r) if r.eq_ignore_ascii_case(b"image") => return MediaKind::Image,
        Some(r) if r.eq_ignore_ascii_case(b"text") => return MediaKind::Text,
        _ => {}
    }
    attachment.map_or(MediaKind::Other, |a| kind_of_part(a.kind()))
}

fn kind_of_part(kind: PartKind) -> MediaKind {
    match kind {
        PartKind::Image => MediaKind::Image,
        PartKind::Text => MediaKind::Text,
        PartKind::Audio => MediaKind::Audio,
        PartKind::Video => MediaKind::Video,
        PartKind::Smil | PartKind::VCard | PartKind::VCalendar | PartKind::Other => {
            MediaKind::Other
        }
    }
}

/// The one slide of a message without a presentation (see the module docs).
fn implicit_slide<'a>(attachments: &[Attachment<'a>]) -> Option<SlideView<'a>> {
    let items: Vec<SlideItem<'a>> = attachments
        .iter()
        .filter_map(|a| {
            let kind = kind_of_part(a.kind());
            (kind != MediaKind::Other).then(|| SlideItem {
                kind,
                media: None,
                matched_by: None,
                attachment: Some(a.clone()),
            })
        })
        .collect();
    (!items.is_empty()).then_some(SlideView {
        index: 0,
        timing: Timing::default(),
        implicit: true,
        items,
    })
}

/// One leaf part of a message, with what a reader asks of it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Attachment<'a> {
    part: Part<'a>,
    index: usize,
    charset: Charset,
}

impl<'a> Attachment<'a> {
    /// The part, with everything the wire says about it.
    pub fn part(&self) -> &Part<'a> {
        &self.part
    }

    /// Its position in [`MessageView::attachments`].
    pub fn index(&self) -> usize {
        self.index
    }

    /// The content type, parameters included.
    pub fn content_type(&self) -> &ContentType<'a> {
        &self.part.content_type
    }

    /// The media type's name (`image/jpeg`; `None` for an unassigned number).
    pub fn media_type(&self) -> Option<&'a str> {
        self.part.content_type.media_name()
    }

    /// What it holds, as a client treats it ([`attachments::part_kind`]: vCard and
    /// vCalendar under their aliases, images, text ...).
    pub fn kind(&self) -> PartKind {
        attachments::part_kind(&self.part)
    }

    /// Its name by the crate's one rule ([`Part::name`]: Content-Disposition `filename`, the
    /// content type's `name`, the disposition's `name`, Content-Location), as text (invalid
    /// UTF-8 replaced).
    pub fn name(&self) -> Option<Cow<'a, str>> {
        self.part.name().map(String::from_utf8_lossy)
    }

    /// The `charset` parameter of its content type.
    pub fn charset(&self) -> Option<Charset> {
        self.part.content_type.charset()
    }

    /// The size of its data, in octets.
    pub fn size(&self) -> usize {
        self.part.data.len()
    }

    /// Its data, borrowed from the input.
    pub fn data(&self) -> &'a [u8] {
        self.part.data
    }

    /// The Content-ID as sent (angle brackets kept), as text.
    pub fn content_id(&self) -> Option<Cow<'a, str>> {
        self.part.content_id().map(String::from_utf8_lossy)
    }

    /// The Content-Location, as text.
    pub fn content_location(&self) -> Option<Cow<'a, str>> {
        self.part.content_location().map(String::from_utf8_lossy)
    }

    /// Its Content-Transfer-Encoding (an application header in WSP; parts converted from
    /// e-mail keep it).
    pub fn transfer_encoding(&self) -> TransferEncoding {
        TransferEncoding::from_header(self.part.headers.transfer_encoding())
    }

    /// Its data with the Content-Transfer-Encoding undone (`base64`, `quoted-printable`);
    /// borrowed when there is nothing to undo or it does not decode. [`Attachment::data`] is
    /// what the wire carries.
    pub fn decoded_data(&self) -> Cow<'a, [u8]> {
        self.transfer_encoding().decode(self.part.data)
    }

    /// The data as text: the Content-Transfer-Encoding undone, then decoded by its `charset`
    /// ([`Part::text`]; the view's default charset when it has none). Never fails:
    /// undecodable octets become U+FFFD.
    pub fn text(&self) -> Cow<'a, str> {
        match self.decoded_data() {
            Cow::Borrowed(_) => self.part.text(self.charset),
            Cow::Owned(data) => Cow::Owned(
                decode_text(self.part.content_type.charset(), &data, self.charset).into_owned(),
            ),
        }
    }

    fn is_text_plain(&self) -> bool {
        self.part.content_type.is(WellKnownMedia::TEXT_PLAIN)
    }
}

/// One slide: what it shows and for how long.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SlideView<'a> {
    index: usize,
    timing: Timing<'a>,
    implicit: bool,
    items: Vec<SlideItem<'a>>,
}

impl<'a> SlideView<'a> {
    /// Its position among the slides.
    pub fn index(&self) -> usize {
        self.index
    }

    /// `true` for the one slide of a message without a presentation.
    pub fn is_implicit(&self) -> bool {
        self.implicit
    }

    /// The `begin`, `end` and `dur` of its `<par>` as written (none for an implicit slide).
    pub fn timing(&self) -> Timing<'a> {
        self.timing
    }

    /// How long it shows ([`Timing::duration`]); `None` when the SMIL does not say in plain
    /// clock values (players then use the longest media, or their own default).
    pub fn duration(&self) -> Option<core::time::Duration> {
        self.timing.duration()
    }

    /// What it shows, in document order (body order for an implicit slide).
    pub fn items(&self) -> &[SlideItem<'a>] {
        &self.items
    }

    fn first(&self, kind: MediaKind) -> Option<&SlideItem<'a>> {
        self.items.iter().find(|i| i.kind == kind)
    }

    /// The first image.
    pub fn image(&self) -> Option<&SlideItem<'a>> {
        self.first(MediaKind::Image)
    }

    /// The first text.
    pub fn text(&self) -> Option<&SlideItem<'a>> {
        self.first(MediaKind::Text)
    }

    /// The first audio.
    pub fn audio(&self) -> Option<&SlideItem<'a>> {
        self.first(MediaKind::Audio)
    }

    /// The first video.
    pub fn video(&self) -> Option<&SlideItem<'a>> {
        self.first(MediaKind::Video)
    }
}

/// One thing a slide shows: a SMIL media element and the attachment it names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SlideItem<'a> {
    kind: MediaKind,
    media: Option<SmilMedia<'a>>,
    matched_by: Option<MatchedBy>,
    attachment: Option<Attachment<'a>>,
}

impl<'a> SlideItem<'a> {
    /// What it shows: what its element says (`<img>`, `<text>`, `<audio>`, `<video>`); for
    /// `<ref>` and the like its region (`Image` or `Text`), else its part's media type.
    pub fn kind(&self) -> MediaKind {
        self.kind
    }

    /// The SMIL element (none in an implicit slide).
    pub fn smil(&self) -> Option<&SmilMedia<'a>> {
        self.media.as_ref()
    }

    /// The element's `src` as written.
    pub fn src(&self) -> Option<&'a [u8]> {
        self.media.map(|m| m.src)
    }

    /// The region it shows in.
    pub fn region(&self) -> Option<&'a [u8]> {
        self.media.and_then(|m| m.region)
    }

    /// The element's own `begin`, `end` and `dur`.
    pub fn timing(&self) -> Timing<'a> {
        self.media.map(|m| m.timing).unwrap_or_default()
    }

    /// The attachment it shows; `None` when the `src` names no part.
    pub fn attachment(&self) -> Option<&Attachment<'a>> {
        self.attachment.as_ref()
    }

    /// How the `src` matched the attachment (none in an implicit slide).
    pub fn matched_by(&self) -> Option<MatchedBy> {
        self.matched_by
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assigned::Disposition;
    use crate::codec::Encode;
    use crate::mms::MmsHeader;
    use crate::mms::build::PduBuilder;
    use crate::wsp::content_type::Media;
    use crate::wsp::{MultipartBuilder, PartBuilder};

    fn ct(media: WellKnownMedia) -> ContentType<'static> {
        ContentType::well_known(media)
    }

    fn related() -> ContentType<'static> {
        ct(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_RELATED)
            .with_start(b"<smil>")
            .with_type(Media::Text(b"application/smil"))
    }

    fn smil_part(smil: &[u8]) -> PartBuilder<'_> {
        PartBuilder::new(ContentType::text(b"application/smil"), smil).content_id(b"<smil>")
    }

    /// An encoded PDU of type `mt` with `headers` (a Date, a Transaction-ID and a From are
    /// added where the type needs them) and the body `body` of type `content_type`.
    fn pdu_wire(
        mt: MessageType,
        headers: &[MmsHeader<'_>],
        content_type: Option<ContentType<'_>>,
        body: &[u8],
    ) -> Vec<u8> {
        let mut b = PduBuilder::new(mt);
        if mt == MessageType::RETRIEVE_CONF {
            b.push(MmsHeader::Date(DateValue::new(1_700_000_000)));
        }
        if mt == MessageType::SEND_REQ {
            b.push(MmsHeader::TransactionId(TextString::new(b"T1")));
            b.push(MmsHeader::From(FromValue::insert_address()));
        }
        for h in headers {
            b.push(h.clone());
        }
        if let Some(content_type) = content_type {
            b.set_body(content_type, body);
        }
        b.build().unwrap().encode_to_vec().unwrap()
    }

    fn message(content_type: ContentType<'_>, body: &MultipartBuilder<'_>) -> Vec<u8> {
        let body = body.encode_to_vec().unwrap();
        pdu_wire(MessageType::RETRIEVE_CONF, &[], Some(content_type), &body)
    }

    /// `inner` lies inside `outer`.
    fn within(inner: &[u8], outer: &[u8]) -> bool {
        let (o, i) = (outer.as_ptr_range(), inner.as_ptr_range());
        o.start <= i.start && i.end <= o.end
    }

    #[test]
    fn nested_multiparts_flatten_depth_first() {
        let alternative = MultipartBuilder::new()
            .part(PartBuilder::new(ct(WellKnownMedia::TEXT_PLAIN), b"plain"))
            .part(PartBuilder::new(
                ct(WellKnownMedia::TEXT_HTML),
                b"<b>html</b>",
            ));
        let innermost = MultipartBuilder::new().part(
            PartBuilder::new(ct(WellKnownMedia::TEXT_X_VCARD), b"BEGIN:VCARD")
                .content_location(b"bob.vcf"),
        );
        let mixed = MultipartBuilder::new()
            .part(PartBuilder::new(ct(WellKnownMedia::IMAGE_JPEG), b"JPEG").content_id(b"<i>"))
            .part(PartBuilder::nested(
                ct(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_MIXED),
                innermost,
            ));
        let body = MultipartBuilder::new()
            .part(smil_part(
                b"<smil><body><par><img src=\"cid:i\"/></par></body></smil>",
            ))
            .part(PartBuilder::nested(
                ct(WellKnownMedia::MULTIPART_ALTERNATIVE),
                alternative,
            ))
            .part(PartBuilder::nested(
                ct(WellKnownMedia::MULTIPART_MIXED),
                mixed,
            ));
        let wire = message(related(), &body);
        let pdu = Pdu::decode(&wire).unwrap();
        let view = MessageView::new(&pdu);
        assert_eq!(view.body_error(), None);
        let got: Vec<_> = view
            .attachments()
            .iter()
            .map(|a| (a.index(), a.media_type(), a.data(), a.part().depth()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    0,
                    Some("application/smil"),
                    &b"<smil><body><par><img src=\"cid:i\"/></par></body></smil>"[..],
                    0
                ),
                (1, Some("text/plain"), b"plain", 1),
                (2, Some("text/html"), b"<b>html</b>", 1),
                (3, Some("image/jpeg"), b"JPEG", 1),
                (4, Some("text/x-vCard"), b"BEGIN:VCARD", 2),
            ]
        );
        assert!(view.attachments().iter().all(|a| within(a.data(), &wire)));
        assert_eq!(view.smil().map(Attachment::index), Some(0));
        // The alternative's text/plain is the body text; the slide shows the nested image.
        assert_eq!(view.text().as_deref(), Some("plain"));
        assert_eq!(view.slides().len(), 1);
        let image = view.slides()[0].image().unwrap();
        assert_eq!(image.attachment().map(Attachment::index), Some(3));
        assert_eq!(image.matched_by(), Some(MatchedBy::ContentId));
        let rest: Vec<_> = view.unreferenced().map(Attachment::index).collect();
        assert_eq!(rest, [1, 2, 4]);
        assert_eq!(view.attachments()[4].kind(), PartKind::VCard);
        assert_eq!(view.attachments()[4].name().as_deref(), Some("bob.vcf"));
    }

    #[test]
    fn without_smil_one_implicit_slide() {
        let body = MultipartBuilder::new()
            .part(PartBuilder::new(ct(WellKnownMedia::TEXT_PLAIN), b"hi"))
            .part(PartBuilder::new(ct(WellKnownMedia::IMAGE_JPEG), b"JPEG"))
            .part(PartBuilder::new(
                ct(WellKnownMedia::TEXT_X_VCARD),
                b"BEGIN:VCARD",
            ))
            .part(PartBuilder::new(
                ContentType::text(b"audio/amr"),
                b"#!AMR\n",
            ));
        let wire = message(
            ct(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_MIXED),
            &body,
        );
        let pdu = Pdu::decode(&wire).unwrap();
        let view = MessageView::new(&pdu);
        assert!(view.smil().is_none());
        assert_eq!(view.slides().len(), 1);
        let slide = &view.slides()[0];
        assert!(slide.is_implicit());
        assert_eq!(slide.duration(), None);
        let items: Vec<_> = slide
            .items()
            .iter()
            .map(|i| (i.kind(), i.attachment().map(Attachment::index), i.src()))
            .collect();
        assert_eq!(
            items,
            [
                (MediaKind::Text, Some(0), None),
                (MediaKind::Image, Some(1), None),
                (MediaKind::Audio, Some(3), None),
            ]
        );
        assert_eq!(
            slide
                .audio()
                .and_then(SlideItem::attachment)
                .map(Attachment::size),
            Some(6)
        );
        assert_eq!(view.text().as_deref(), Some("hi"));
        let rest: Vec<_> = view.unreferenced().map(Attachment::index).collect();
        assert_eq!(rest, [2]);
    }

    #[test]
    fn an_empty_presentation_is_no_presentation() {
        let body = MultipartBuilder::new()
            .part(smil_part(b"<smil/>"))
            .part(PartBuilder::new(ct(WellKnownMedia::TEXT_PLAIN), b"Hello"));
        let wire = message(related(), &body);
        let pdu = Pdu::decode(&wire).unwrap();
        let view = MessageView::new(&pdu);
        assert_eq!(view.smil().map(Attachment::index), Some(0));
        assert_eq!(view.slides().len(), 1);
        assert!(view.slides()[0].is_implicit());
        assert_eq!(view.text().as_deref(), Some("Hello"));
        assert_eq!(view.unreferenced().count(), 0);
    }

    #[test]
    fn smil_references_by_id_location_and_name_and_missing() {
        let smil: &[u8] = br#"<smil><head><layout><region id="Image"/><region id="Text"/></layout></head>
            <body>
            <par dur="4s"><img src="cid:photo%401" region="Image"/><text src="Caption.TXT" region="Text"/></par>
            <par begin="1s" end="3500ms"><ref src="clip.3gp" region="Image"/><audio src="gone.amr" dur="2s"/></par>
            <par><ref src="cid:nowhere"/><text src="second.txt" region="Text"/></par>
            </body></smil>"#;
        let body = MultipartBuilder::new()
            .part(smil_part(smil))
            .part(
                PartBuilder::new(ct(WellKnownMedia::IMAGE_JPEG), b"JPEG").content_id(b"<photo@1>"),
            )
            .part(
                PartBuilder::new(ct(WellKnownMedia::TEXT_PLAIN), b"first")
                    .content_location(b"caption.txt"),
            )
            .part(PartBuilder::new(
                ContentType::text(b"video/3gpp").with_name(b"clip.3gp"),
                b"3GP",
            ))
            .part(
                PartBuilder::new(ct(WellKnownMedia::TEXT_PLAIN), b"second")
                    .disposition(Disposition::ATTACHMENT, Some(b"second.txt")),
            )
            .part(PartBuilder::new(
                ct(WellKnownMedia::TEXT_PLAIN),
                b"never shown",
            ));
        let wire = message(related(), &body);
        let pdu = Pdu::decode(&wire).unwrap();
        let view = MessageView::new(&pdu);
        let slides = view.slides();
        assert_eq!(slides.len(), 3);
        assert!(slides.iter().all(|s| !s.is_implicit()));
        let row = |s: &SlideView<'_>| -> Vec<_> {
            s.items()
                .iter()
                .map(|i| {
                    (
                        i.kind(),
                        i.attachment().map(Attachment::index),
                        i.matched_by(),
                    )
                })
                .collect()
        };
        assert_eq!(
            row(&slides[0]),
            [
                (MediaKind::Image, Some(1), Some(MatchedBy::ContentId)),
                (MediaKind::Text, Some(2), Some(MatchedBy::ContentLocation)),
            ]
        );
        assert_eq!(
            row(&slides[1]),
            [
                // <ref> in the Image region is an image, whatever the part is.
                (MediaKind::Image, Some(3), Some(MatchedBy::Name)),
                (MediaKind::Audio, None, None),
            ]
        );
        assert_eq!(
            row(&slides[2]),
            [
                (MediaKind::Other, None, None),
                (MediaKind::Text, Some(4), Some(MatchedBy::Name)),
            ]
        );
        assert_eq!(
            slides[0].duration(),
            Some(core::time::Duration::from_secs(4))
        );
        assert_eq!(
            slides[1].duration(),
            Some(core::time::Duration::from_millis(2500))
        );
        assert_eq!(slides[2].duration(), None);
        let audio = slides[1].audio().unwrap();
        assert_eq!(audio.src(), Some(&b"gone.amr"[..]));
        assert_eq!(
            audio.timing().duration(),
            Some(core::time::Duration::from_secs(2))
        );
        assert_eq!(
            slides[0].text().and_then(SlideItem::region),
            Some(&b"Text"[..])
        );
        // The first text a slide shows is the body, not the first text part of the body.
        assert_eq!(view.text().as_deref(), Some("first"));
        let rest: Vec<_> = view.unreferenced().map(Attachment::index).collect();
        assert_eq!(rest, [5]);
    }

    #[test]
    fn smil_pointing_nowhere_keeps_every_part_reachable() {
        let body = MultipartBuilder::new()
            .part(smil_part(
                b"<smil><body><par><img src=\"x.jpg\"/><text src=\"y.txt\"/></par></body></smil>",
            ))
            .part(PartBuilder::new(ct(WellKnownMedia::IMAGE_JPEG), b"JPEG"))
            .part(PartBuilder::new(ct(WellKnownMedia::TEXT_PLAIN), b"text"));
        let wire = message(related(), &body);
        let pdu = Pdu::decode(&wire).unwrap();
        let view = MessageView::new(&pdu);
        assert_eq!(view.slides().len(), 1);
        assert!(
            view.slides()[0]
                .items()
                .iter()
                .all(|i| i.attachment().is_none())
        );
        assert_eq!(view.text().as_deref(), Some("text"));
        let rest: Vec<_> = view.unreferenced().map(Attachment::index).collect();
        assert_eq!(rest, [1, 2]);
    }

    #[test]
    fn relative_and_absolute_times() {
        let headers = [
            MmsHeader::To(Address::new(b"+15550100000/TYPE=PLMN")),
            MmsHeader::Expiry(TimeValue::relative(3600)),
            MmsHeader::DeliveryTime(TimeValue::absolute(1_700_000_600)),
            MmsHeader::Date(DateValue::new(1_700_000_000)),
        ];
        let wire = pdu_wire(
            MessageType::SEND_REQ,
            &headers,
            Some(ct(WellKnownMedia::TEXT_PLAIN)),
            b"x",
        );
        let pdu = Pdu::decode(&wire).unwrap();
        let view = MessageView::new(&pdu);
        assert_eq!(view.date_unix(), Some(1_700_000_000));
        assert_eq!(view.expiry_unix(1_800_000_000), Some(1_800_003_600));
        assert_eq!(view.expiry_unix(u64::MAX), None);
        assert_eq!(view.delivery_time_unix(1_800_000_000), Some(1_700_000_600));
        #[cfg(feature = "std")]
        {
            use std::time::{Duration, SystemTime, UNIX_EPOCH};
            let at = |s: u64| UNIX_EPOCH + Duration::from_secs(s);
            assert_eq!(view.date(), Some(at(1_700_000_000)));
            let received = SystemTime::now();
            assert_eq!(
                view.expiry(received),
                Some(received + Duration::from_secs(3600))
            );
            assert_eq!(view.delivery_time(received), Some(at(1_700_000_600)));
        }
        // Without the fields.
        let plain = Some(ct(WellKnownMedia::TEXT_PLAIN));
        let wire = pdu_wire(MessageType::SEND_REQ, &headers[..1], plain, b"x");
        let pdu = Pdu::decode(&wire).unwrap();
        let view = MessageView::new(&pdu);
        assert_eq!((view.date_unix(), view.expiry_unix(0)), (None, None));
        assert_eq!(view.delivery_time_unix(0), None);
    }

    #[test]
    fn text_parts_by_charset() {
        let utf16: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Grüße".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let body = MultipartBuilder::new()
            .part(PartBuilder::new(
                ct(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::US_ASCII),
                b"plain ascii",
            ))
            .part(PartBuilder::new(
                ct(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::UTF_16),
                &utf16,
            ))
            .part(PartBuilder::new(ct(WellKnownMedia::TEXT_PLAIN), b"caf\xE9"))
            .part(PartBuilder::new(
                ct(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::US_ASCII),
                b"caf\xE9",
            ));
        let wire = message(
            ct(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_MIXED),
            &body,
        );
        let pdu = Pdu::decode(&wire).unwrap();
        let view = MessageView::new(&pdu);
        let a = view.attachments();
        assert_eq!(a[0].charset(), Some(Charset::US_ASCII));
        assert_eq!(a[0].text(), "plain ascii");
        assert!(matches!(a[0].text(), Cow::Borrowed(_)));
        assert_eq!(a[1].charset(), Some(Charset::UTF_16));
        assert_eq!(a[1].text(), "Grüße");
        // No charset: the default, UTF-8 unless the options say otherwise.
        assert_eq!(a[2].charset(), None);
        assert_eq!(a[2].text(), "caf\u{FFFD}");
        let latin1 = DecodeOptions::new().with_default_charset(Charset::ISO_8859_1);
        let view = MessageView::with_options(&pdu, &latin1);
        assert_eq!(view.attachments()[2].text(), "café");
        // 8-bit octets under us-ascii keep the ASCII around them, however they are shown.
        assert!(view.attachments()[3].text().starts_with("caf"));
        assert_eq!(view.text().as_deref(), Some("plain ascii"));
    }

    #[test]
    fn subject_and_addresses() {
        let headers = [
            MmsHeader::From(FromValue::address(Address::new(b"+15550100001/TYPE=PLMN"))),
            MmsHeader::To(Address::new(b"+15550100000/TYPE=PLMN")),
            MmsHeader::To(Address::with_charset(
                crate::assigned::Charset::new(106),
                b"bob@example.com",
            )),
            MmsHeader::Cc(Address::new(b"+1 555 010 0002/TYPE=PLMN")),
            MmsHeader::Subject(EncodedString::with_charset(
                crate::assigned::Charset::new(4),
                b"caf\xE9 =?utf-8?q?=E2=98=95?=",
            )),
            MmsHeader::MessageId(TextString::new(b"id-1@mmsc")),
        ];
        let plain = || Some(ct(WellKnownMedia::TEXT_PLAIN));
        let wire = pdu_wire(MessageType::RETRIEVE_CONF, &headers, plain(), b"");
        let pdu = Pdu::decode(&wire).unwrap();
        let view = MessageView::new(&pdu);
        assert_eq!(view.message_type(), Some(MessageType::RETRIEVE_CONF));
        assert_eq!(view.subject().as_deref(), Some("café ☕"));
        assert_eq!(view.from(), Some(ParsedAddress::Phone(b"+15550100001")));
        assert!(!view.from_is_insert_address());
        assert_eq!(
            view.from_address().map(|a| a.text()).as_deref(),
            Some("+15550100001/TYPE=PLMN")
        );
        let to: Vec<_> = view.to().collect();
        assert_eq!(
            to,
            [
                ParsedAddress::Phone(b"+15550100000"),
                ParsedAddress::Email(b"bob@example.com")
            ]
        );
        assert_eq!(view.cc().len(), 1);
        assert_eq!(view.bcc().len(), 0);
        assert_eq!(view.message_id().as_deref(), Some("id-1@mmsc"));
        let others = view.recipients_excluding("+1 (555) 010-0000");
        assert_eq!(
            others,
            [
                ParsedAddress::Email(b"bob@example.com"),
                ParsedAddress::Phone(b"+1 555 010 0002")
            ]
        );

        let wire = pdu_wire(MessageType::SEND_REQ, &headers[1..2], plain(), b"");
        let pdu = Pdu::decode(&wire).unwrap();
        let view = MessageView::new(&pdu);
        assert_eq!(view.from(), None);
        assert!(view.from_is_insert_address());
        assert_eq!(view.subject(), None);
        let wire = pdu_wire(MessageType::RETRIEVE_CONF, &[], plain(), b"");
        let view = MessageView::new(&Pdu::decode(&wire).unwrap());
        assert!(view.from().is_none() && !view.from_is_insert_address());
    }

    #[test]
    fn a_pdu_without_a_body_shows_nothing() {
        let (_, wire) = crate::testing::samples::all()
            .into_iter()
            .find(|(name, _)| *name == "m-notification-ind.mms")
            .unwrap();
        let pdu = Pdu::decode(&wire).unwrap();
        assert!(pdu.body().is_none());
        let view = MessageView::new(&pdu);
        assert!(view.attachments().is_empty() && view.slides().is_empty());
        assert_eq!((view.text(), view.body_error()), (None, None));
        assert_eq!(view.expiry_unix(100), Some(100 + 259_200));
    }

    #[test]
    fn a_single_part_body_is_the_one_attachment() {
        let wire = pdu_wire(
            MessageType::RETRIEVE_CONF,
            &[],
            Some(ct(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::UTF_8)),
            "Message expired ⌛".as_bytes(),
        );
        let pdu = Pdu::decode(&wire).unwrap();
        let view = MessageView::new(&pdu);
        assert_eq!(view.attachments().len(), 1);
        let a = &view.attachments()[0];
        assert_eq!(a.data(), "Message expired ⌛".as_bytes());
        assert!(within(a.data(), &wire));
        assert_eq!(a.part().offset, wire.len() - a.size());
        assert_eq!(a.name(), None);
        assert_eq!(view.text().as_deref(), Some("Message expired ⌛"));
        assert!(view.slides()[0].is_implicit());
    }

    #[test]
    fn data_that_only_looks_like_a_multipart_stays_a_leaf() {
        let body = MultipartBuilder::new()
            .part(PartBuilder::new(
                ct(WellKnownMedia::MULTIPART_MIXED),
                b"\xFF\xD8\xFF\xE0JFIF",
            ))
            .part(PartBuilder::new(ct(WellKnownMedia::TEXT_PLAIN), b"t"));
        let wire = message(
            ct(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_MIXED),
            &body,
        );
        let pdu = Pdu::decode(&wire).unwrap();
        let view = MessageView::new(&pdu);
        let data: Vec<_> = view.attachments().iter().map(Attachment::data).collect();
        assert_eq!(data, [&b"\xFF\xD8\xFF\xE0JFIF"[..], b"t"]);
    }

    #[test]
    fn attachments_and_slide_media_are_capped() {
        let mut body = MultipartBuilder::new().part(smil_part(
            b"<smil><body><img src=\"a\"/><img src=\"b\"/><img src=\"c\"/></body></smil>",
        ));
        for _ in 0..3 {
            body.push(PartBuilder::new(ct(WellKnownMedia::TEXT_PLAIN), b"t"));
        }
        let wire = message(related(), &body);
        let pdu = Pdu::decode(&wire).unwrap();
        let options = DecodeOptions::new().with_limits(crate::base::limits::Limits {
            max_parts: 2,
            ..Default::default()
        });
        let view = MessageView::with_options(&pdu, &options);
        assert_eq!(view.attachments().len(), 2);
        let error = view.body_error().unwrap();
        assert_eq!(error.kind, DecodeErrorKind::TooManyParts { limit: 2 });
        assert_eq!(view.slides().len(), 2);
        assert_eq!(MessageView::new(&pdu).body_error(), None);
        assert_eq!(MessageView::new(&pdu).slides().len(), 3);
    }

    #[test]
    fn every_sample_views_without_panic() {
        for (name, wire) in crate::testing::samples::all() {
            let Ok(crate::message::Message::Pdu(pdu)) = crate::message::decode(&wire) else {
                continue;
            };
            let view = MessageView::new(&pdu);
            assert!(
                view.attachments().iter().all(|a| within(a.data(), &wire)),
                "{name}"
            );
            if name == "m-retrieve-conf.mms" || name == "m-send-req.mms" {
                assert_eq!(view.attachments().len(), 3, "{name}");
                assert_eq!(view.slides().len(), 1, "{name}");
                assert_eq!(view.unreferenced().count(), 0, "{name}");
            }
        }
    }
}
