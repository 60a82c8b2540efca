//! The decoded MMS PDU: its ordered headers, its body and its diagnostics
//! (OMA-TS-MMS_ENC-V1_3 §6, §7; message types §7.3.30).

use alloc::borrow::Cow;
use alloc::vec::Vec;

use crate::assigned::{FieldCode, MessageType, RetrieveStatus, Status};
use crate::base::diag::Diagnostic;
use crate::base::error::{DecodeError, EncodeError};
use crate::base::limits::Limits;
use crate::base::options::DecodeOptions;
use crate::codec::{DateValue, Encode, EncodedString, IntegerValue, TextString, Version, Writer};
use crate::mms::header::MmsHeader;
use crate::mms::index::{HeaderIndex, index};
use crate::mms::presence::FieldSet;
use crate::mms::values::{
    Address, ContentLocationValue, ContentTypeValue, DecodeContext, FromValue, MessageClassValue,
    ResponseStatusValue, ResponseTextValue, TimeValue,
};

/// A header of a [`Pdu`] with its absolute offset.
///
/// For a decoded PDU the offset is where the header's name octet was found; for a PDU built
/// with [`Pdu::new`] it is where the header will be on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PduHeader<'a> {
    /// Absolute offset of the header's name octet.
    pub offset: usize,
    #[cfg_attr(feature = "serde", serde(borrow))]
    /// The header.
    pub header: MmsHeader<'a>,
}

/// An MMS PDU borrowed from its input: the headers in wire order (repeated To/Cc/Bcc keep
/// their order and duplicates), the body (present iff a Content-Type was found), any trailing
/// octets after the last header of a body-less PDU, and the diagnostics of the decode.
///
/// A decoded PDU keeps its input and a compact index of its headers (where each one is, found
/// and checked in one pass); the typed headers are decoded again from their octets when asked
/// for, so the accessors return values, not references. Encoding a decoded PDU reproduces its
/// input byte for byte.
///
/// ```
/// use mms_pdu::assigned::MessageType;
/// use mms_pdu::codec::Encode;
/// use mms_pdu::mms::Pdu;
/// let wire = [0x8C, 0x83, 0x98, b'T', b'1', 0x00, 0x8D, 0x90, 0x95, 0x81];
/// let pdu = Pdu::decode(&wire).unwrap();
/// assert_eq!(pdu.message_type(), Some(MessageType::NOTIFYRESP_IND));
/// assert_eq!(pdu.transaction_id().unwrap().bytes, b"T1");
/// assert_eq!(pdu.encode_to_vec().unwrap(), wire);
/// ```
#[derive(Clone)]
pub struct Pdu<'a> {
    headers: Headers<'a>,
    /// The octets after the headers: the body when `has_body`, else the trailing octets (one
    /// slice for both, as a PDU has one or the other).
    after: &'a [u8],
    /// Absolute offset of the body (where the headers end).
    body_offset: usize,
    diagnostics: Vec<Diagnostic>,
    /// The limits the PDU was decoded with, for reading its body.
    limits: Limits,
    /// The first X-Mms-Message-Type (for a decoded PDU, its first header).
    message_type: Option<MessageType>,
    /// A Content-Type was found: `after` is the body.
    has_body: bool,
    /// For a decoded PDU: the Content-Type names a multipart (found by the decode, so that
    /// [`Pdu::multipart`] need not type the Content-Type again).
    multipart: bool,
}

/// The two forms of a PDU's header list.
#[derive(Debug, Clone)]
enum Headers<'a> {
    /// Decoded: the PDU's octets (from its first header to the end of its input) and where
    /// each header is in them.
    Indexed { bytes: &'a [u8], index: HeaderIndex },
    /// Built with [`Pdu::new`]: typed headers with the offsets they will have on the wire, and
    /// the size budget a builder set (kept so that a body streamed after these headers is held
    /// to it too).
    Built(Vec<PduHeader<'a>>, Option<usize>),
}

/// What a decoded [`Pdu`] holds besides its octets: an [`OwnedPdu`](crate::mms::OwnedPdu)
/// keeps it next to its buffer and puts the `Pdu` together again without decoding.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Detached {
    index: HeaderIndex,
    message_type: Option<MessageType>,
    has_body: bool,
    multipart: bool,
    diagnostics: Vec<Diagnostic>,
    limits: Limits,
}

impl Detached {
    /// The body's extent in the PDU's octets, if it has one.
    pub(crate) fn body_range(&self) -> Option<core::ops::RangeFrom<usize>> {
        self.has_body.then(|| self.index.end()..)
    }
}

impl core::fmt::Debug for Pdu<'_> {
    /// The typed headers with their offsets, whichever form the PDU has.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        struct List<'p, 'a>(&'p Pdu<'a>);
        impl core::fmt::Debug for List<'_, '_> {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.debug_list().entries(self.0.fields()).finish()
            }
        }
        f.debug_struct("Pdu")
            .field("headers", &List(self))
            .field("body", &self.body())
            .field("body_offset", &self.body_offset)
            .field("trailing", &self.trailing())
            .field("diagnostics", &self.diagnostics)
            .finish()
    }
}

/// Two PDUs are equal when they hold the same headers in the same order, the same body and the
/// same trailing octets — wherever they sit in their buffers (offsets and the diagnostics that
/// carry them are not compared).
impl PartialEq for Pdu<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.body() == other.body()
            && self.trailing() == other.trailing()
            && self.len() == other.len()
            && self.headers().eq(other.headers())
    }
}

impl Eq for Pdu<'_> {}

macro_rules! single_getters {
    ($( $(#[$doc:meta])* $name:ident => $variant:ident($code:ident) : $ty:ty; )+) => {
        $(
            $(#[$doc])*
            pub fn $name(&self) -> Option<$ty> {
                self.values_of(FieldCode::$code, |h| match h {
                    MmsHeader::$variant(v) => Some(v),
                    _ => None,
                }).next()
            }
        )+
    };
}

macro_rules! repeated_getters {
    ($( $(#[$doc:meta])* $name:ident => $variant:ident($code:ident) : $ty:ty; )+) => {
        $(
            $(#[$doc])*
            pub fn $name(&self) -> impl Iterator<Item = $ty> + '_ {
                self.values_of(FieldCode::$code, |h| match h {
                    MmsHeader::$variant(v) => Some(v),
                    _ => None,
                })
            }
        )+
    };
}

/// The headers of a [`Pdu`] with their offsets, typed one by one ([`Pdu::fields`]).
#[derive(Debug, Clone)]
struct Fields<'p, 'a> {
    pdu: &'p Pdu<'a>,
    next: usize,
    end: usize,
}

impl<'a> Iterator for Fields<'_, 'a> {
    type Item = PduHeader<'a>;

    fn next(&mut self) -> Option<PduHeader<'a>> {
        if self.next >= self.end {
            return None;
        }
        let field = self.pdu.field_at(self.next)?;
        self.next += 1;
        Some(field)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end.saturating_sub(self.next);
        (n, Some(n))
    }
}

impl DoubleEndedIterator for Fields<'_, '_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let last = self.end.checked_sub(1).filter(|&i| i >= self.next)?;
        self.end = last;
        self.pdu.field_at(last)
    }
}

impl ExactSizeIterator for Fields<'_, '_> {}

impl core::iter::FusedIterator for Fields<'_, '_> {}

impl<'a> Pdu<'a> {
    /// Decodes an MMS PDU leniently (see [`Pdu::decode_with`]).
    ///
    /// # Errors
    /// As [`Pdu::decode_with`].
    pub fn decode(input: &'a [u8]) -> Result<Self, DecodeError> {
        Self::decode_with(input, &DecodeOptions::new())
    }

    /// Decodes an MMS PDU.
    ///
    /// The first header must be X-Mms-Message-Type (`8C`), else the input is not an MMS PDU;
    /// leniently, a block that starts with another assigned MMS field name and has a typed
    /// X-Mms-Message-Type before Content-Type is read too, with a
    /// [`MessageTypeNotFirst`](crate::base::diag::DiagnosticKind::MessageTypeNotFirst)
    /// diagnostic (some MMSCs' fixtures put From, Content-Location or Message-ID first).
    /// Headers are read in any order; a header value that does not follow its grammar is kept
    /// raw; everything lenient is recorded in [`Pdu::diagnostics`] (an error in strict mode).
    ///
    /// ```
    /// use mms_pdu::mms::Pdu;
    /// // AOSP's crasher: a From value-length of 0x40.
    /// let err = Pdu::decode(&[0x8C, 0x82, 0x89, 0x40]).unwrap_err();
    /// assert_eq!(err.context, "From");
    /// assert!(Pdu::decode(&[]).is_err());
    /// ```
    ///
    /// # Errors
    /// [`NotThisKind`](crate::base::error::DecodeErrorKind::NotThisKind) when the input does
    /// not start with a message type; an error naming the field whose value's extent cannot be
    /// found (truncated text, length past the end); `TooManyHeaders`; `ValueTooLarge` for a
    /// header block past 4 GiB; in strict mode, the first deviation.
    pub fn decode_with(input: &'a [u8], options: &DecodeOptions) -> Result<Self, DecodeError> {
        Self::decode_at(input, 0, options)
    }

    /// Decodes an MMS PDU, or says how far it got: `Ok` only for a whole PDU (as
    /// [`Pdu::decode_with`] decodes it, with every mandatory field of its type and every part
    /// its body declares); otherwise a [`Partial`](crate::mms::Partial) with the headers and
    /// parts found before the fault, the error, and what is missing.
    ///
    /// ```
    /// use mms_pdu::mms::Pdu;
    /// use mms_pdu::DecodeOptions;
    /// // m-notifyresp-ind: Type, Transaction-ID "T1", Version 1.0, then Status cut off.
    /// let wire = [0x8C, 0x83, 0x98, b'T', b'1', 0x00, 0x8D, 0x90, 0x95];
    /// let partial = Pdu::decode_partial(&wire, &DecodeOptions::new()).unwrap_err();
    /// assert!(partial.error().is_incomplete());
    /// assert_eq!(partial.pdu().transaction_id().unwrap().bytes, b"T1");
    /// assert_eq!(partial.pdu().headers().len(), 3);
    /// assert_eq!(partial.missing(), ["X-Mms-Status"]);
    /// // The whole PDU is a success.
    /// let whole = [0x8C, 0x83, 0x98, b'T', b'1', 0x00, 0x8D, 0x90, 0x95, 0x81];
    /// assert!(Pdu::decode_partial(&whole, &DecodeOptions::new()).is_ok());
    /// ```
    ///
    /// # Errors
    /// A [`Partial`](crate::mms::Partial) for anything but a whole PDU.
    // The error carries a `Pdu`, as large as the success does; boxing it would allocate for
    // every partial result to save a move made once per input.
    #[allow(clippy::result_large_err)]
    pub fn decode_partial(
        input: &'a [u8],
        options: &DecodeOptions,
    ) -> Result<Self, crate::mms::Partial<'a>> {
        crate::mms::partial::decode_at(input, 0, options)
    }

    /// A decoded PDU from its parts (for a partial decode, whose index may stop before the
    /// header block does): its octets `bytes`, the index of its headers, and what the decode
    /// found besides.
    pub(crate) fn from_index(
        bytes: &'a [u8],
        index: HeaderIndex,
        message_type: Option<MessageType>,
        body: Option<&'a [u8]>,
        diagnostics: Vec<Diagnostic>,
        limits: Limits,
    ) -> Self {
        let end = index.end();
        let body_offset = index.base().saturating_add(end);
        let after = body.unwrap_or_else(|| bytes.get(end..).unwrap_or_default());
        let mut pdu = Pdu {
            headers: Headers::Indexed { bytes, index },
            after,
            body_offset,
            diagnostics,
            limits,
            message_type,
            has_body: body.is_some(),
            multipart: false,
        };
        // Typed once here, as the full decode does while it walks.
        pdu.multipart = body.is_some() && pdu.content_type().is_some_and(|ct| ct.is_multipart());
        pdu
    }

    /// [`Pdu::decode_with`] for a PDU that sits at offset `base` of a larger buffer (a push
    /// body): every offset it reports (headers, body, diagnostics, errors) counts from the
    /// start of that buffer.
    pub(crate) fn decode_at(
        input: &'a [u8],
        base: usize,
        options: &DecodeOptions,
    ) -> Result<Self, DecodeError> {
        Self::decode_at_as(input, base, options, core::convert::identity)
    }

    /// [`Pdu::decode_at`], the PDU handed to `wrap`: built where its wrapper goes rather than
    /// moved there ([`crate::decode`] wraps it in a `Message`).
    #[inline(always)]
    pub(crate) fn decode_at_as<T>(
        input: &'a [u8],
        base: usize,
        options: &DecodeOptions,
        wrap: impl FnOnce(Self) -> T,
    ) -> Result<T, DecodeError> {
        let found = index(input, base, options)?;
        let body_offset = base.saturating_add(found.index.end());
        let mut diagnostics = found.diagnostics;
        // A multipart body is checked whole (every entry, every part header, nested bodies under
        // the depth budget) so that a truncated or hostile body is an error here, not later.
        if let (Some(body), true) = (found.body, found.multipart) {
            let (_, diags) = crate::wsp::multipart::decode_at(body, body_offset, options)?;
            diagnostics.extend(diags);
        }
        // Built in the return value, not moved into it: a `Pdu` is a few hundred octets.
        Ok(wrap(Pdu {
            headers: Headers::Indexed {
                bytes: input,
                index: found.index,
            },
            after: found.body.unwrap_or(found.trailing),
            body_offset,
            diagnostics,
            limits: options.limits(),
            message_type: Some(found.message_type),
            has_body: found.body.is_some(),
            multipart: found.multipart,
        }))
    }

    /// What this PDU holds besides its octets (`None` for a PDU built with [`Pdu::new`]).
    pub(crate) fn detach(self) -> Option<Detached> {
        let Headers::Indexed { index, .. } = self.headers else {
            return None;
        };
        Some(Detached {
            index,
            message_type: self.message_type,
            has_body: self.has_body,
            multipart: self.multipart,
            diagnostics: self.diagnostics,
            limits: self.limits,
        })
    }

    /// The PDU that `detached` was detached from, over the same octets `bytes`.
    pub(crate) fn attach(bytes: &'a [u8], detached: &Detached) -> Self {
        let end = detached.index.end();
        Pdu {
            headers: Headers::Indexed {
                bytes,
                index: detached.index.clone(),
            },
            after: bytes.get(end..).unwrap_or_default(),
            body_offset: detached.index.base().saturating_add(end),
            diagnostics: detached.diagnostics.clone(),
            limits: detached.limits,
            message_type: detached.message_type,
            has_body: detached.has_body,
            multipart: detached.multipart,
        }
    }

    /// A PDU from headers in the order given and an optional body (for builders). The body
    /// is written after the headers as is; it belongs after a Content-Type header.
    pub fn new(headers: Vec<MmsHeader<'a>>, body: Option<&'a [u8]>) -> Self {
        let mut offset = 0;
        let headers: Vec<PduHeader<'a>> = headers
            .into_iter()
            .map(|header| {
                let len = header.encoded_len();
                let h = PduHeader { offset, header };
                offset += len;
                h
            })
            .collect();
        let message_type = headers.iter().find_map(|h| match h.header {
            MmsHeader::MessageType(t) => Some(t),
            _ => None,
        });
        Pdu {
            headers: Headers::Built(headers, None),
            after: body.unwrap_or_default(),
            body_offset: offset,
            diagnostics: Vec::new(),
            limits: Limits::DEFAULT,
            message_type,
            has_body: body.is_some(),
            // Not used for a built PDU: its Content-Type is looked at when asked.
            multipart: false,
        }
    }

    /// The size budget (octets) of a PDU a builder made with
    /// [`size_budget`](crate::mms::build::PduBuilder::size_budget); `None` for a decoded PDU or
    /// one without a budget. [`StreamedPdu`](crate::mms::StreamedPdu) holds the whole message,
    /// headers and streamed body, to it.
    pub fn size_budget(&self) -> Option<usize> {
        match self.headers {
            Headers::Built(_, budget) => budget,
            Headers::Indexed { .. } => None,
        }
    }

    /// The octets of each header as decoded, in order (`None` for a built PDU): what
    /// [`Pdu::edit`] writes back for the headers an edit leaves alone.
    pub(crate) fn header_octets(&self) -> Option<impl Iterator<Item = &'a [u8]> + '_> {
        let Headers::Indexed { bytes, index } = &self.headers else {
            return None;
        };
        let bytes: &'a [u8] = bytes;
        Some((0..index.len()).map(move |i| index.raw(bytes, i)))
    }

    /// Records the builder's size budget on a built PDU.
    pub(crate) fn with_size_budget(mut self, limit: Option<usize>) -> Self {
        if let Headers::Built(_, budget) = &mut self.headers {
            *budget = limit;
        }
        self
    }

    /// How many headers.
    fn len(&self) -> usize {
        match &self.headers {
            Headers::Indexed { index, .. } => index.len(),
            Headers::Built(list, _) => list.len(),
        }
    }

    /// The decode context of this PDU's header values.
    fn context(&self) -> DecodeContext {
        DecodeContext::new(self.message_type)
    }

    /// Header `i` with its offset.
    fn field_at(&self, i: usize) -> Option<PduHeader<'a>> {
        match &self.headers {
            Headers::Indexed { bytes, index } => Some(PduHeader {
                offset: index.offset(i)?,
                header: index.header(bytes, i, &self.context())?,
            }),
            Headers::Built(list, _) => list.get(i).cloned(),
        }
    }

    /// The values of the headers with field code `field` that follow their grammar, as `pick`
    /// finds them in the typed header.
    #[inline(always)]
    fn values_of<T: Clone + 'a>(
        &self,
        field: FieldCode,
        pick: impl for<'h> Fn(&'h MmsHeader<'a>) -> Option<&'h T> + 'static,
    ) -> impl Iterator<Item = T> + '_ {
        let (indexed, built) = match &self.headers {
            Headers::Indexed { bytes, index } => (
                Some(index.values_of(bytes, field, self.context(), pick)),
                None,
            ),
            Headers::Built(list, _) => (
                None,
                Some(list.iter().filter_map(move |h| pick(&h.header).cloned())),
            ),
        };
        indexed
            .into_iter()
            .flatten()
            .chain(built.into_iter().flatten())
    }

    /// The headers in wire order, typed one by one.
    pub fn headers(&self) -> impl ExactSizeIterator<Item = MmsHeader<'a>> + '_ {
        self.fields().map(|h| h.header)
    }

    /// The headers with their offsets, typed one by one.
    pub fn fields(
        &self,
    ) -> impl ExactSizeIterator<Item = PduHeader<'a>> + DoubleEndedIterator + '_ {
        Fields {
            pdu: self,
            next: 0,
            end: self.len(),
        }
    }

    /// Whether a header with field code `field` is present (typed or raw): `get(field)
    /// .is_some()` without typing the header.
    pub fn contains(&self, field: FieldCode) -> bool {
        match &self.headers {
            Headers::Indexed { index, .. } => index.positions(field).next().is_some(),
            Headers::Built(list, _) => list.iter().any(|h| h.header.field() == Some(field)),
        }
    }

    /// The field codes of the headers present (typed or raw): `contains` for every field at
    /// once.
    pub(crate) fn field_set(&self) -> FieldSet {
        match &self.headers {
            Headers::Indexed { index, .. } => index.fields(),
            Headers::Built(list, _) => list.iter().filter_map(|h| h.header.field()).collect(),
        }
    }

    /// The first header with field code `field` (typed or raw).
    pub fn get(&self, field: FieldCode) -> Option<MmsHeader<'a>> {
        self.get_all(field).next()
    }

    /// Every header with field code `field`, in order.
    pub fn get_all(&self, field: FieldCode) -> impl Iterator<Item = MmsHeader<'a>> + '_ {
        let (indexed, built) = match &self.headers {
            Headers::Indexed { bytes, index } => {
                let ctx = self.context();
                let typed = move |i| index.header(bytes, i, &ctx);
                (Some(index.positions(field).filter_map(typed)), None)
            }
            Headers::Built(list, _) => (
                None,
                Some(
                    list.iter()
                        .filter(move |h| h.header.field() == Some(field))
                        .map(|h| h.header.clone()),
                ),
            ),
        };
        indexed
            .into_iter()
            .flatten()
            .chain(built.into_iter().flatten())
    }

    /// The application (textual) headers, in order: `(name, value)`.
    pub fn application_headers(&self) -> impl Iterator<Item = (&'a [u8], &'a [u8])> + '_ {
        let pair = |h: &MmsHeader<'a>| match h {
            MmsHeader::Application { name, value } => Some((name.bytes, value.bytes)),
            _ => None,
        };
        let (indexed, built) = match &self.headers {
            Headers::Indexed { bytes, index } => {
                let ctx = self.context();
                let typed = move |i| index.header(bytes, i, &ctx).as_ref().and_then(pair);
                (Some(index.applications().filter_map(typed)), None)
            }
            Headers::Built(list, _) => {
                (None, Some(list.iter().filter_map(move |h| pair(&h.header))))
            }
        };
        indexed
            .into_iter()
            .flatten()
            .chain(built.into_iter().flatten())
    }

    /// The body as a WSP multipart, when the Content-Type says it is one (decoding already
    /// checked it with the same limits; this re-reads only its entry count). Offsets in its
    /// parts are absolute.
    ///
    /// # Errors
    /// Only for a PDU built by hand whose body does not start with a valid entry count.
    pub fn multipart(&self) -> Option<Result<crate::wsp::Multipart<'a>, DecodeError>> {
        let body = self.body()?;
        let multipart = match self.headers {
            Headers::Indexed { .. } => self.multipart,
            Headers::Built(..) => self.content_type()?.is_multipart(),
        };
        if !multipart {
            return None;
        }
        Some(crate::wsp::Multipart::parse(
            body,
            self.body_offset,
            self.limits,
            0,
        ))
    }

    /// The body: the octets after Content-Type (`None` when there is no Content-Type).
    pub fn body(&self) -> Option<&'a [u8]> {
        self.has_body.then_some(self.after)
    }

    /// Octets after the last header of a body-less PDU (a NUL after an empty Bcc in Jolla's `Success2` notification, a 0x0A in Gammu's captures); kept so the PDU
    /// re-encodes exactly.
    pub fn trailing(&self) -> &'a [u8] {
        if self.has_body { &[] } else { self.after }
    }

    /// What a lenient decode accepted (empty for a PDU built with [`Pdu::new`]).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// X-Mms-Message-Type (for a decoded PDU, its first header; kept, not searched for).
    pub fn message_type(&self) -> Option<MessageType> {
        self.message_type
    }

    /// The Subject decoded to text by its charset (`options`' default charset when none).
    pub fn subject_text(&self, options: &DecodeOptions) -> Option<Cow<'a, str>> {
        self.subject()
            .map(|s| crate::text::encoded_string_text(&s, options.default_charset()))
    }

    /// The sender's address, when From carries one (not for Insert-address).
    pub fn from_address(&self) -> Option<Address<'a>> {
        self.from().and_then(|f| f.as_address().copied())
    }

    /// The X-Mms-Response-Status octet (plain or indexed form).
    pub fn response_status(&self) -> Option<crate::assigned::ResponseStatus> {
        self.response_status_value().map(|v| v.status())
    }

    single_getters! {
        /// X-Mms-Transaction-Id.
        transaction_id => TransactionId(TRANSACTION_ID): TextString<'a>;
        /// X-Mms-MMS-Version as a Version-value.
        version => MmsVersion(MMS_VERSION): Version<'a>;
        /// Subject.
        subject => Subject(SUBJECT): EncodedString<'a>;
        /// From.
        from => From(FROM): FromValue<'a>;
        /// The first X-Mms-Content-Location.
        content_location => ContentLocation(CONTENT_LOCATION): ContentLocationValue<'a>;
        /// X-Mms-Expiry.
        expiry => Expiry(EXPIRY): TimeValue;
        /// X-Mms-Delivery-Time.
        delivery_time => DeliveryTime(DELIVERY_TIME): TimeValue;
        /// Date.
        date => Date(DATE): DateValue;
        /// Message-ID.
        message_id => MessageId(MESSAGE_ID): TextString<'a>;
        /// Content-Type.
        content_type => ContentType(CONTENT_TYPE): ContentTypeValue<'a>;
        /// X-Mms-Response-Status with its form.
        response_status_value => ResponseStatus(RESPONSE_STATUS): ResponseStatusValue;
        /// X-Mms-Response-Text.
        response_text => ResponseText(RESPONSE_TEXT): ResponseTextValue<'a>;
        /// X-Mms-Retrieve-Status.
        retrieve_status => RetrieveStatus(RETRIEVE_STATUS): RetrieveStatus;
        /// X-Mms-Retrieve-Text.
        retrieve_text => RetrieveText(RETRIEVE_TEXT): EncodedString<'a>;
        /// X-Mms-Status.
        status => Status(STATUS): Status;
        /// X-Mms-Message-Size.
        message_size => MessageSize(MESSAGE_SIZE): IntegerValue;
        /// X-Mms-Message-Class.
        message_class => MessageClass(MESSAGE_CLASS): MessageClassValue<'a>;
    }

    repeated_getters! {
        /// Every To address, in order.
        to => To(TO): Address<'a>;
        /// Every Cc address, in order.
        cc => Cc(CC): Address<'a>;
        /// Every Bcc address, in order.
        bcc => Bcc(BCC): Address<'a>;
        /// Every X-Mms-Content-Location, in order (several in view and delete PDUs).
        content_locations => ContentLocation(CONTENT_LOCATION): ContentLocationValue<'a>;
    }
}

impl Encode for Pdu<'_> {
    fn encoded_len(&self) -> usize {
        let headers = match &self.headers {
            Headers::Indexed { index, .. } => index.end(),
            Headers::Built(list, _) => list.iter().map(|h| h.header.encoded_len()).sum(),
        };
        headers + self.after.len()
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match &self.headers {
            // The header octets as they were decoded: each typed header re-encodes to its
            // octets (the tests and the fuzz targets check that), so writing them back is the
            // same and cheaper.
            Headers::Indexed { bytes, index } => {
                w.write_bytes(bytes.get(..index.end()).unwrap_or_default())?;
            }
            Headers::Built(list, _) => {
                for h in list {
                    h.header.encode(w)?;
                }
            }
        }
        w.write_bytes(self.after)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assigned::{MessageClass, ResponseStatus, YesNo};
    use crate::base::diag::DiagnosticKind;
    use crate::base::error::Deviation;
    use crate::mms::values::{ParsedAddress, Time};
    use alloc::vec;
    use proptest::prelude::*;

    #[test]
    fn subject_with_any_charset_uses_the_callers_default() {
        // m-send-conf with Subject charset Any (0x80).
        let pdu = b"\x8C\x81\x98T\0\x8D\x90\x92\x80\x96\x05\x80O\xC3\xA9\0";
        let pdu = Pdu::decode(pdu).unwrap();
        let subject = pdu.subject().unwrap();
        assert_eq!(subject.charset().unwrap().value, 0);
        assert_eq!(subject.as_bytes(), b"O\xC3\xA9");
        assert_eq!(pdu.subject_text(&DecodeOptions::new()).unwrap(), "Oé");
    }

    /// A constructed m-notification-ind (12345 octets, expiring in 3 days), as it follows the push header `01 06 03 BE AF 84`.
    const NOTIFICATION: &[u8] = b"\x8C\x82\x98T2\0\x8D\x92\
        \x89\x18\x80+15551234567/TYPE=PLMN\0\
        \x8A\x80\x8E\x02\x30\x39\x88\x05\x81\x03\x03\xF4\x80\
        \x83http://mmsc.example/m1\0";

    /// An m-send-req with a multipart/related body (a SMIL part and a UTF-8 text part).
    const SEND_REQ: &[u8] = b"\x8C\x80\x98T1\0\x8D\x93\x89\x01\x81\
        \x97+15551234567/TYPE=PLMN\0\x96Hi\0\
        \x84\x18\xB3\x89application/smil\0\x8A<s>\0\
        \x02\
        \x1F\x07application/smil\0\xC0\x22<s>\0\x8Es.smil\0<smil/>\
        \x11\x05\x03\x83\x81\xEA\xC0\x22<t>\0\x8Et.txt\0Hello";

    fn exact(pdu: &Pdu<'_>, wire: &[u8]) {
        assert_eq!(pdu.encode_to_vec().unwrap(), wire);
        assert_eq!(pdu.encoded_len(), wire.len());
        // The PDU rebuilt from its typed headers writes the same octets.
        let rebuilt = Pdu::new(pdu.headers().collect(), pdu.body());
        let mut out = rebuilt.encode_to_vec().unwrap();
        out.extend_from_slice(pdu.trailing());
        assert_eq!(out, wire);
    }

    #[test]
    fn notification_field_by_field() {
        let pdu = Pdu::decode(NOTIFICATION).unwrap();
        assert_eq!(pdu.message_type(), Some(MessageType::NOTIFICATION_IND));
        assert_eq!(pdu.transaction_id().unwrap().bytes, b"T2");
        assert_eq!(pdu.version(), Some(Version::Short(0x12)));
        let from = pdu.from_address().unwrap();
        assert_eq!(from.parsed(), ParsedAddress::Phone(b"+15551234567"));
        assert_eq!(from.value(), b"+15551234567");
        assert_eq!(
            pdu.message_class(),
            Some(MessageClassValue::Class(MessageClass::PERSONAL))
        );
        assert_eq!(pdu.message_size().unwrap().value, 12345);
        let expiry = pdu.expiry().unwrap();
        assert!(matches!(expiry.time, Time::Relative(d) if d.value == 259_200));
        assert_eq!(
            pdu.content_location().unwrap().uri_bytes(),
            b"http://mmsc.example/m1"
        );
        assert_eq!(pdu.body(), None);
        assert!(pdu.trailing().is_empty());
        assert!(pdu.diagnostics().is_empty(), "{:?}", pdu.diagnostics());
        let offsets: Vec<usize> = pdu.fields().map(|h| h.offset).collect();
        assert_eq!(offsets, [0, 2, 6, 8, 34, 36, 40, 47]);
        exact(&pdu, NOTIFICATION);
        // Strict mode accepts it too.
        Pdu::decode_with(NOTIFICATION, &DecodeOptions::new().strict(true)).unwrap();
    }

    #[test]
    fn send_req_field_by_field() {
        let pdu = Pdu::decode(SEND_REQ).unwrap();
        assert_eq!(pdu.message_type(), Some(MessageType::SEND_REQ));
        assert_eq!(pdu.transaction_id().unwrap().bytes, b"T1");
        assert_eq!(pdu.version(), Some(Version::Short(0x13)));
        assert_eq!(pdu.from(), Some(FromValue::insert_address()));
        let to: Vec<_> = pdu.to().collect();
        assert_eq!(to, [Address::new(b"+15551234567/TYPE=PLMN")]);
        assert_eq!(pdu.subject().unwrap().as_bytes(), b"Hi");
        assert_eq!(
            pdu.subject_text(&DecodeOptions::new()).as_deref(),
            Some("Hi")
        );
        let ct = pdu.content_type().unwrap();
        assert!(ct.is(crate::assigned::WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_RELATED));
        assert_eq!(ct.start(), Some(&b"<s>"[..]));
        let body = pdu.body().unwrap();
        assert_eq!(body[0], 0x02);
        assert!(body.ends_with(b"Hello"));
        assert!(pdu.diagnostics().is_empty(), "{:?}", pdu.diagnostics());
        exact(&pdu, SEND_REQ);
    }

    #[test]
    fn every_prefix_fails_cleanly_or_decodes_fewer_headers() {
        for wire in [NOTIFICATION, SEND_REQ] {
            let full = Pdu::decode(wire).unwrap();
            for n in 0..wire.len() {
                let prefix = &wire[..n];
                match Pdu::decode(prefix) {
                    Ok(pdu) => {
                        exact(&pdu, prefix);
                        let cut_in_body = pdu.body().is_some();
                        assert!(
                            cut_in_body || pdu.headers().len() < full.headers().len(),
                            "prefix {n}"
                        );
                    }
                    Err(e) => assert!(e.offset <= n, "prefix {n}: {e}"),
                }
            }
        }
    }

    #[test]
    fn not_an_mms_pdu() {
        for bad in [
            &[][..],
            &[0x8C],
            &[0x00],
            &[0x8D, 0x90],
            &[0x8C, 0x05, 0x80, 0x80],
        ] {
            let e = Pdu::decode(bad).unwrap_err();
            assert_eq!(e.context, "X-Mms-Message-Type", "{bad:?}: {e}");
        }
        let e = Pdu::decode(&[0x8C, 0x82, 0x89, 0x40]).unwrap_err();
        assert_eq!(e.context, "From");
        assert_eq!(e.offset, 3);
    }

    #[test]
    fn lenient_quirks_are_diagnosed() {
        // TID after the version, an unparsed Delivery-Report, an application header, an
        // unknown field, trailing 00 00 (header order: OMA-TS-MMS_ENC-V1_3 §7; an application header as in a DNA (Finland) m-delivery-ind; trailing NULs as in Jolla's `Success2`).
        let wire = b"\x8C\x86\x8D\x90\x98T\0\x86yes\0Return-Path\0<a@b>\0\xC5\x80\x81\0\0\0";
        let pdu = Pdu::decode(wire).unwrap();
        exact(&pdu, wire);
        let kinds: Vec<_> = pdu.diagnostics().iter().map(|d| d.kind).collect();
        assert!(kinds.contains(&DiagnosticKind::OutOfOrder));
        assert!(
            kinds
                .iter()
                .any(|k| matches!(k, DiagnosticKind::UnparsedValue(_)))
        );
        assert!(kinds.contains(&DiagnosticKind::ApplicationHeader));
        assert!(kinds.contains(&DiagnosticKind::UnknownField));
        assert!(kinds.contains(&DiagnosticKind::TrailingBytes { count: 2 }));
        assert_eq!(pdu.trailing(), b"\0\0");
        // Empty Bcc is a header; the two zeros after it are trailing.
        assert!(pdu.bcc().any(|a| a.as_bytes().is_empty()));
        assert_eq!(
            pdu.application_headers().collect::<Vec<_>>(),
            [(&b"Return-Path"[..], &b"<a@b>"[..])]
        );
        assert!(Pdu::decode_with(wire, &DecodeOptions::new().strict(true)).is_err());
    }

    #[test]
    fn body_in_bodyless_type_and_deviations() {
        let wire = b"\x8C\x81\x98T\0\x8D\x90\x92\x80\x84\xA3";
        let pdu = Pdu::decode(wire).unwrap();
        assert_eq!(pdu.response_status(), Some(ResponseStatus::OK));
        assert!(
            pdu.diagnostics()
                .iter()
                .any(|d| d.kind == DiagnosticKind::UnexpectedBody)
        );
        assert_eq!(pdu.body(), Some(&[][..]));
        exact(&pdu, wire);
        // A needless Quote before ASCII (Jolla InvalidSubject) is a deviation.
        let wire = b"\x8C\x84\x8D\x92\x96\x0F\xEA\x7F=?utf-8?B??=\0\x84\x83x";
        let pdu = Pdu::decode(wire).unwrap();
        assert!(
            pdu.diagnostics()
                .iter()
                .any(|d| d.kind == DiagnosticKind::Deviation(Deviation::NeedlessQuote))
        );
        exact(&pdu, wire);
        // Charset as a Long-integer is not a deviation; version 1.5 is noted.
        let wire = b"\x8C\x84\x8D\x95\x96\x05\x01\x6AHi\0\x84\x83";
        let pdu = Pdu::decode(wire).unwrap();
        let kinds: Vec<_> = pdu.diagnostics().iter().map(|d| d.kind).collect();
        assert_eq!(kinds, [DiagnosticKind::UnknownVersion], "{kinds:?}");
        exact(&pdu, wire);
    }

    #[test]
    fn indexed_forms_in_delete_conf() {
        let wire = b"\x8C\x95\x98T\0\x8D\x93\x83\x05\x80abc\0\x92\x02\x80\xE4\x93\x04\x80no\0";
        let pdu = Pdu::decode(wire).unwrap();
        assert!(pdu.diagnostics().is_empty(), "{:?}", pdu.diagnostics());
        assert!(matches!(
            pdu.content_location(),
            Some(ContentLocationValue::Indexed { index, .. }) if index.value == 0
        ));
        assert!(matches!(
            pdu.response_text(),
            Some(ResponseTextValue::Indexed { .. })
        ));
        assert_eq!(
            pdu.response_status(),
            Some(ResponseStatus::ERROR_PERMANENT_MESSAGE_NOT_FOUND)
        );
        exact(&pdu, wire);
    }

    #[test]
    fn get_and_get_all_keep_order_and_duplicates() {
        let wire = b"\x8C\x80\x98T\0\x8D\x90\x97a\0\x82c\0\x97b\0\x97a\0";
        let pdu = Pdu::decode(wire).unwrap();
        let to: Vec<_> = pdu.to().map(|a| a.as_bytes()).collect();
        assert_eq!(to, [&b"a"[..], b"b", b"a"]);
        assert_eq!(pdu.get_all(FieldCode::TO).count(), 3);
        assert!(matches!(pdu.get(FieldCode::CC), Some(MmsHeader::Cc(_))));
        assert_eq!(pdu.get(FieldCode::BCC), None);
        assert!(pdu.contains(FieldCode::CC) && !pdu.contains(FieldCode::BCC));
        // An application header has no field code, whatever code is asked for.
        let wire = b"\x8C\x80X-A\0b\0";
        let pdu = Pdu::decode(wire).unwrap();
        assert_eq!(pdu.application_headers().count(), 1);
        assert_eq!(pdu.get_all(FieldCode(0xFF)).count(), 0);
        assert!(!pdu.contains(FieldCode(0xFF)));
    }

    #[test]
    fn multipart_reads_with_the_callers_limits() {
        // A retrieve-conf with 1,100 empty parts: more than the default limit of 1,024.
        let mut wire = vec![0x8C, 0x84, 0x8D, 0x93, 0x84, 0xA3, 0x88, 0x4C];
        for _ in 0..1100 {
            wire.extend_from_slice(&[0x01, 0x00, 0x83]);
        }
        assert!(Pdu::decode(&wire).is_err());
        let loose = DecodeOptions::new().with_limits(Limits {
            max_parts: 2000,
            ..Limits::DEFAULT
        });
        let pdu = Pdu::decode_with(&wire, &loose).unwrap();
        let parts: Result<Vec<_>, _> = pdu.multipart().unwrap().unwrap().parts().collect();
        assert_eq!(parts.unwrap().len(), 1100);
        // Tighter limits hold too: the decode refuses what they refuse.
        let tight = DecodeOptions::new().with_limits(Limits {
            max_parts: 1000,
            ..Limits::DEFAULT
        });
        assert!(Pdu::decode_with(&wire, &tight).is_err());
    }

    #[test]
    fn decoded_at_a_base_reports_absolute_offsets() {
        let wire = b"\x8C\x86\x8D\x90\x98T\0\x86yes\0\x84\xA3\x01\x01\x00\x83";
        let at = Pdu::decode(wire).unwrap();
        let based = Pdu::decode_at(wire, 100, &DecodeOptions::new()).unwrap();
        assert_eq!(based, at);
        let offsets = |p: &Pdu<'_>| p.fields().map(|h| h.offset).collect::<Vec<_>>();
        assert_eq!(offsets(&at), [0, 2, 4, 7, 12]);
        assert_eq!(offsets(&based), [100, 102, 104, 107, 112]);
        let diags = |p: &Pdu<'_>| p.diagnostics().iter().map(|d| d.offset).collect::<Vec<_>>();
        assert!(!at.diagnostics().is_empty());
        assert_eq!(
            diags(&based),
            diags(&at).iter().map(|o| o + 100).collect::<Vec<_>>()
        );
        let part = |p: &Pdu<'_>| {
            let part = p.multipart().unwrap().unwrap().parts().next().unwrap();
            part.unwrap().offset
        };
        assert_eq!(part(&based), part(&at) + 100);
        // Errors: in the header block, and in the body.
        for cut in [&wire[..6], &wire[..wire.len() - 1]] {
            let e = Pdu::decode(cut).unwrap_err();
            let based = Pdu::decode_at(cut, 100, &DecodeOptions::new()).unwrap_err();
            assert_eq!((based.offset, based.kind), (e.offset + 100, e.kind));
        }
        for not_mms in [&[][..], &[0x00]] {
            let e = Pdu::decode_at(not_mms, 100, &DecodeOptions::new()).unwrap_err();
            assert_eq!(e.offset, 100);
        }
    }

    #[test]
    fn one_pass_diagnostics_in_offset_order_and_strict_errors_as_before() {
        // Unparsed Delivery-Report (3), then the Transaction-ID out of order (8).
        let wire = b"\x8C\x80\x86yes\0\x98T\0\x8D\x93";
        let pdu = Pdu::decode(wire).unwrap();
        let found: Vec<_> = pdu
            .diagnostics()
            .iter()
            .map(|d| (d.offset, d.context))
            .collect();
        assert_eq!(
            found,
            [
                (2, "X-Mms-Delivery-Report"),
                (7, "X-Mms-Transaction-Id"),
                (10, "X-Mms-MMS-Version")
            ]
        );
        // Strict mode names the order first, as the checks were made before the one pass.
        let e = Pdu::decode_with(wire, &DecodeOptions::new().strict(true)).unwrap_err();
        assert_eq!((e.offset, e.context), (7, "X-Mms-Transaction-Id"));
        // A structural error further on wins over every diagnostic, in both modes.
        let mut cut = wire.to_vec();
        cut.extend_from_slice(b"\x89\x40");
        for strict in [false, true] {
            let e = Pdu::decode_with(&cut, &DecodeOptions::new().strict(strict)).unwrap_err();
            assert_eq!(e.context, "From");
        }
    }

    #[test]
    fn built_pdu_is_canonical() {
        let pdu = Pdu::new(
            vec![
                MmsHeader::MessageType(MessageType::NOTIFYRESP_IND),
                MmsHeader::TransactionId(TextString::new(b"T1")),
                MmsHeader::MmsVersion(Version::new(1, Some(2))),
                MmsHeader::Status(Status::RETRIEVED),
                MmsHeader::ReportAllowed(YesNo::NO),
            ],
            None,
        );
        let wire = pdu.encode_to_vec().unwrap();
        assert_eq!(wire, b"\x8C\x83\x98T1\0\x8D\x92\x95\x81\x91\x81");
        assert_eq!(pdu.fields().nth(3).unwrap().offset, 8);
        let back = Pdu::decode(&wire).unwrap();
        assert_eq!(back, pdu);
    }

    fn arb_text() -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec(0x20u8..=0xFF, 0..12)
    }

    /// A header built by canonical constructors, chosen by `kind`.
    fn make_header(kind: usize, t: &[u8], v: u64, b: u8) -> MmsHeader<'_> {
        use crate::mms::values::{MboxTotals, MmFlags, PreviouslySentBy, PreviouslySentDate};
        match kind % 16 {
            0 => MmsHeader::To(Address::new(t)),
            1 => MmsHeader::Cc(Address::with_mibenum(v % 3000, t)),
            2 => MmsHeader::Subject(EncodedString::plain(t)),
            3 => MmsHeader::MessageId(TextString::new(t)),
            4 => MmsHeader::From(FromValue::address(Address::new(t))),
            5 => MmsHeader::From(FromValue::insert_address()),
            6 => MmsHeader::Expiry(TimeValue::relative(v)),
            7 => MmsHeader::DeliveryTime(TimeValue::absolute(v)),
            8 => MmsHeader::Date(DateValue::new(v)),
            9 => MmsHeader::MessageSize(IntegerValue::new(v)),
            10 => MmsHeader::Priority(crate::assigned::Priority(b | 0x80)),
            11 => MmsHeader::Attributes(FieldCode(b & 0x3F)),
            12 => MmsHeader::ContentLocation(ContentLocationValue::uri(t)),
            13 => MmsHeader::PreviouslySentDate(PreviouslySentDate::new(v, v / 3)),
            14 => MmsHeader::MboxTotals(MboxTotals::new(
                crate::assigned::MboxTotalsToken::SIZE_TOTAL,
                v,
            )),
            15 if b % 2 == 0 => {
                MmsHeader::MmFlags(MmFlags::new(crate::assigned::MmFlagsToken::ADD, t))
            }
            _ => MmsHeader::PreviouslySentBy(PreviouslySentBy::new(v, Address::new(t))),
        }
    }

    proptest! {
        #[test]
        fn any_input_starting_with_8c_errors_or_round_trips(
            tail in proptest::collection::vec(any::<u8>(), 0..64)
        ) {
            let mut wire = vec![0x8C];
            wire.extend_from_slice(&tail);
            if let Ok(pdu) = Pdu::decode(&wire) {
                prop_assert_eq!(pdu.encode_to_vec().unwrap(), wire.clone());
                prop_assert_eq!(pdu.encoded_len(), wire.len());
            }
        }

        #[test]
        fn built_headers_round_trip(
            texts in proptest::collection::vec(arb_text(), 1..8),
            picks in proptest::collection::vec(
                (any::<usize>(), any::<prop::sample::Index>(), any::<u64>(), any::<u8>()),
                1..10,
            ),
        ) {
            let mut headers = vec![
                MmsHeader::MessageType(MessageType::SEND_REQ),
                MmsHeader::TransactionId(TextString::new(b"t")),
                MmsHeader::MmsVersion(Version::new(1, Some(3))),
            ];
            for (kind, i, v, b) in &picks {
                headers.push(make_header(*kind, &texts[i.index(texts.len())], *v, *b));
            }
            let pdu = Pdu::new(headers, None);
            let wire = pdu.encode_to_vec().unwrap();
            prop_assert_eq!(pdu.encoded_len(), wire.len());
            let back = Pdu::decode(&wire).unwrap();
            prop_assert_eq!(back.headers().collect::<Vec<_>>(),
                pdu.headers().collect::<Vec<_>>());
            // A constructor may build a deviating value on purpose (us-ascii holding 8-bit
            // octets); the decode reports exactly the deviations the built headers carry.
            let built: Vec<_> = pdu
                .headers()
                .filter_map(|h| h.deviation().map(DiagnosticKind::Deviation))
                .collect();
            let seen: Vec<_> = back.diagnostics().iter().map(|d| d.kind).collect();
            prop_assert_eq!(seen, built);
        }
    }

    #[test]
    fn built_us_ascii_with_eight_bit_octets_is_reported_on_decode() {
        // The shrunk case the proptest above once failed on: the decode's report is the
        // deviation the built value already had.
        let cc = MmsHeader::Cc(Address::with_mibenum(3, b"\x80"));
        assert_eq!(cc.deviation(), Some(Deviation::EightBitInUsAscii));
        let pdu = Pdu::new(
            vec![
                MmsHeader::MessageType(MessageType::SEND_REQ),
                MmsHeader::TransactionId(TextString::new(b"t")),
                MmsHeader::MmsVersion(Version::new(1, Some(3))),
                cc,
            ],
            None,
        );
        let wire = pdu.encode_to_vec().unwrap();
        let back = Pdu::decode(&wire).unwrap();
        let kinds: Vec<_> = back.diagnostics().iter().map(|d| d.kind).collect();
        assert_eq!(
            kinds,
            [DiagnosticKind::Deviation(Deviation::EightBitInUsAscii)]
        );
    }
}
