//! The lazy, allocation-free layer: an iterator over the headers of an MMS PDU (header-name
//! octets: WAP-230-WSP §8.4.1.1; header order: OMA-TS-MMS_ENC-V1_3 §7).
//!
//! A relay or a hot path that needs two fields of a notification can walk the headers without
//! building the [`Pdu`](crate::mms::Pdu) (whose header index is built on the same walk, without
//! keeping the typed values). Each step decodes one header (typed, or raw when its value does
//! not follow its grammar) with its absolute offset and its raw octets.

use crate::assigned::{FieldCode, MessageType};
use crate::base::error::{DecodeError, DecodeErrorKind, Expected};
use crate::base::options::DecodeOptions;
use crate::mms::header::{MmsHeader, Scanned, scan_header};
use crate::mms::values::{DecodeContext, typed};

/// One header found by a [`HeaderWalk`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct HeaderField<'a> {
    /// Absolute offset of the header's name octet (from the start of the walked buffer).
    pub offset: usize,
    /// The whole header as sent, name octet(s) included.
    #[cfg_attr(
        feature = "serde",
        serde(serialize_with = "crate::base::serde_util::bytes")
    )]
    pub raw: &'a [u8],
    /// The decoded header.
    pub header: MmsHeader<'a>,
}

/// A header found by [`HeaderWalk::next_scanned`]: its offset, its whole octets, its parts.
pub(crate) type Scan<'a> = (usize, &'a [u8], Scanned<'a>);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
enum State {
    Headers,
    /// Content-Type was read: what is left is the body.
    Body,
    /// An octet that cannot start a header stopped the walk: what is left is trailing.
    Trailing,
    /// An error was returned; the walk is over.
    Failed,
}

/// Iterates the header block of an MMS PDU, yielding `Result<HeaderField, DecodeError>`.
///
/// - Stops after Content-Type: the body follows ([`HeaderWalk::body`]).
/// - Stops at an octet that cannot start an MMS header (0x00–0x1F, 0x7F): real notifications
///   end with stray `00` or `0A` octets (Jolla's `Success2` notification, Gammu's captures), so by default the rest is
///   reported as [`HeaderWalk::trailing`]; in strict mode it is an error.
/// - Fused after the first error; at most `Limits::max_headers` headers.
///
/// ```
/// use mms_pdu::mms::{HeaderWalk, MmsHeader};
/// let pdu = [0x8C, 0x83, 0x98, b'T', b'1', 0x00, 0x8D, 0x90, 0x95, 0x81];
/// let mut walk = HeaderWalk::new(&pdu);
/// let fields: Vec<_> = walk.by_ref().collect::<Result<_, _>>().unwrap();
/// assert_eq!(fields.len(), 4);
/// assert_eq!(fields[1].offset, 2);
/// assert!(matches!(fields[1].header, MmsHeader::TransactionId(t) if t.bytes == b"T1"));
/// assert_eq!(walk.body(), None);
/// ```
#[derive(Debug, Clone)]
pub struct HeaderWalk<'a> {
    // The one walk that does not read through `codec::Cursor`: it is the decoder's hot path,
    // and the cursor cost 134 more instructions per decode of a 9-header m-notification-ind
    // (3,366 against 3,232, callgrind over `mms bench -n`), about 4 %. Offsets here are from
    // the start of `base`; `Pdu::decode_at` adds the base offset when it reports one.
    base: &'a [u8],
    rest: &'a [u8],
    ctx: DecodeContext,
    strict: bool,
    max_headers: u32,
    count: u32,
    state: State,
}

impl<'a> HeaderWalk<'a> {
    /// A lenient walk over `pdu` with the default limits.
    pub fn new(pdu: &'a [u8]) -> Self {
        Self::with_options(pdu, &DecodeOptions::new())
    }

    /// A walk over `pdu` with `options` (strictness, header limit).
    pub fn with_options(pdu: &'a [u8], options: &DecodeOptions) -> Self {
        HeaderWalk {
            base: pdu,
            rest: pdu,
            ctx: DecodeContext::default(),
            strict: options.is_strict(),
            max_headers: options.limits().max_headers,
            count: 0,
            state: State::Headers,
        }
    }

    /// A walk that starts with a known context (e.g. the header block of an m-mbox-descr).
    #[must_use]
    pub fn with_context(mut self, ctx: DecodeContext) -> Self {
        self.ctx = ctx;
        self
    }

    /// The decode context so far (the message type once its header was read).
    pub fn context(&self) -> DecodeContext {
        self.ctx
    }

    /// The octets not yet walked.
    pub fn rest(&self) -> &'a [u8] {
        self.rest
    }

    /// Absolute offset of the next octet to walk.
    pub fn offset(&self) -> usize {
        self.base.len() - self.rest.len()
    }

    /// The body: `Some` once Content-Type has been read (possibly empty), else `None`.
    pub fn body(&self) -> Option<&'a [u8]> {
        (self.state == State::Body).then_some(self.rest)
    }

    /// Octets after the last header of a body-less PDU that cannot start a header (empty
    /// unless the walk stopped on one).
    pub fn trailing(&self) -> &'a [u8] {
        if self.state == State::Trailing {
            self.rest
        } else {
            &[]
        }
    }

    fn error(&mut self, at: &'a [u8], kind: DecodeErrorKind, context: &'static str) -> DecodeError {
        self.state = State::Failed;
        DecodeError {
            offset: crate::base::error::offset_in(self.base, at),
            kind,
            context,
        }
    }
}

impl<'a> HeaderWalk<'a> {
    /// Finds the next header without typing its value: its offset, its whole octets and its
    /// parts. The caller types it and says when it was a Content-Type ([`Self::enter_body`]);
    /// [`Iterator::next`] and the header index of [`Pdu`](crate::mms::Pdu) both walk this way.
    #[inline(always)]
    pub(crate) fn next_scanned(&mut self) -> Option<Result<Scan<'a>, DecodeError>> {
        if self.state != State::Headers {
            return None;
        }
        let &first = self.rest.first()?;
        if first < 0x20 || first == 0x7F {
            if self.strict {
                let kind = DecodeErrorKind::UnexpectedOctet {
                    found: first,
                    expected: Expected::FieldName,
                };
                return Some(Err(self.error(self.rest, kind, "MMS header")));
            }
            self.state = State::Trailing;
            return None;
        }
        if self.count >= self.max_headers {
            let kind = DecodeErrorKind::TooManyHeaders {
                limit: self.max_headers,
            };
            return Some(Err(self.error(self.rest, kind, "MMS header")));
        }
        let start = self.rest;
        match scan_header(start) {
            Ok((after, scanned)) => {
                let offset = self.offset();
                let used = start.len() - after.len();
                self.rest = after;
                self.count += 1;
                Some(Ok((offset, start.get(..used).unwrap_or(start), scanned)))
            }
            Err(e) => {
                self.state = State::Failed;
                Some(Err(crate::codec::to_decode_error(self.base, e)))
            }
        }
    }

    /// A typed Content-Type was read: what is left is the body.
    #[inline(always)]
    pub(crate) fn enter_body(&mut self) {
        self.state = State::Body;
    }
}

impl<'a> Iterator for HeaderWalk<'a> {
    type Item = Result<HeaderField<'a>, DecodeError>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let (offset, raw, scanned) = match self.next_scanned()? {
            Ok(found) => found,
            Err(e) => return Some(Err(e)),
        };
        let header = match scanned {
            Scanned::Field { code, value } => MmsHeader::decode_value_of(code, value, &self.ctx),
            Scanned::Application { name, value } => MmsHeader::Application { name, value },
        };
        match &header {
            MmsHeader::MessageType(t) if self.ctx.message_type.is_none() => {
                self.ctx.message_type = Some(*t);
            }
            MmsHeader::ContentType(_) => self.enter_body(),
            _ => {}
        }
        Some(Ok(HeaderField {
            offset,
            raw,
            header,
        }))
    }
}

impl core::iter::FusedIterator for HeaderWalk<'_> {}

/// Where the X-Mms-Message-Type of a header block that does not start with it is: the offset
/// of its header and the message type, when `input` starts with an assigned MMS field name
/// (`81`–`BF`, not `8C`) and a typed X-Mms-Message-Type follows before the walk reaches
/// Content-Type (after which the body starts), an error, or the end of the block.
///
/// Why: OMA-TS-MMS_ENC-V1_3 §7 puts the message type first, but an MMSC's reference fixtures
/// put From, Content-Location or Message-ID before it. The header index types every header with
/// the message type known (the delete confirmations index their Content-Location), so it looks
/// ahead for it; the front door uses the same look-ahead to tell such a block from a push.
pub(crate) fn message_type_further_on(
    input: &[u8],
    options: &DecodeOptions,
) -> Option<(usize, MessageType)> {
    let first = FieldCode::from_wire(*input.first()?);
    if *input.first()? < 0x80 || first == FieldCode::MESSAGE_TYPE || first.name().is_none() {
        return None;
    }
    let mut walk = HeaderWalk::with_options(input, options);
    while let Some(Ok((offset, _, scanned))) = walk.next_scanned() {
        match scanned {
            Scanned::Field { code: 0x0C, value } => {
                return typed::<MessageType>(value, &DecodeContext::default())
                    .ok()
                    .map(|t| (offset, t));
            }
            Scanned::Field { code: 0x04, .. } => return None,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    #[test]
    fn stops_at_content_type_and_exposes_body() {
        let pdu = [0x8C, 0x80, 0x84, 0xA3, 0x00, 0xAA];
        let mut w = HeaderWalk::new(&pdu);
        let f: Vec<_> = w.by_ref().map(Result::unwrap).collect();
        assert_eq!(f.len(), 2);
        assert_eq!(f[1].raw, &[0x84, 0xA3]);
        assert_eq!(w.body(), Some(&[0x00, 0xAA][..]));
        assert_eq!(w.trailing(), &[] as &[u8]);
    }

    #[test]
    fn stray_octets_are_trailing_or_strict_error() {
        let pdu = [0x8C, 0x82, 0x00, 0x00];
        let mut w = HeaderWalk::new(&pdu);
        assert_eq!(w.by_ref().count(), 1);
        assert_eq!(w.trailing(), &[0, 0]);
        assert_eq!(w.body(), None);
        let strict = DecodeOptions::new().strict(true);
        let mut w = HeaderWalk::with_options(&pdu, &strict);
        assert!(w.next().unwrap().is_ok());
        let e = w.next().unwrap().unwrap_err();
        assert_eq!(e.offset, 2);
        assert!(w.next().is_none());
    }

    #[test]
    fn fused_after_error_with_absolute_offset() {
        let pdu = [0x8C, 0x82, 0x89, 0x40];
        let mut w = HeaderWalk::new(&pdu);
        assert!(w.next().unwrap().is_ok());
        let e = w.next().unwrap().unwrap_err();
        assert_eq!(e.context, "From");
        assert_eq!(e.offset, 3);
        assert!(w.next().is_none());
    }

    #[test]
    fn a_message_type_further_on_is_found_before_the_body_only() {
        let opts = DecodeOptions::new();
        // Message-ID, then the type.
        let pdu = b"\x8BM1\0\x8C\x82\x8D\x92";
        assert_eq!(
            message_type_further_on(pdu, &opts),
            Some((4, MessageType::NOTIFICATION_IND))
        );
        // First already: not "further on".
        assert_eq!(message_type_further_on(&pdu[4..], &opts), None);
        // After Content-Type it is body.
        assert_eq!(
            message_type_further_on(b"\x8BM1\0\x84\xA3\x8C\x82", &opts),
            None
        );
        // Not a field name, an unassigned code, or a message type kept raw.
        assert_eq!(message_type_further_on(b"M1\0\x8C\x82", &opts), None);
        assert_eq!(message_type_further_on(b"\xC5\x80\x8C\x82", &opts), None);
        assert_eq!(message_type_further_on(b"\x8BM\0\x8Cx\0", &opts), None);
        assert_eq!(message_type_further_on(&[], &opts), None);
    }

    #[test]
    fn header_limit() {
        let pdu = [0x8C, 0x82, 0x86, 0x80, 0x86, 0x80];
        let opts = DecodeOptions::new().with_limits(crate::base::limits::Limits {
            max_headers: 2,
            ..crate::base::limits::Limits::DEFAULT
        });
        let r: Result<Vec<_>, _> = HeaderWalk::with_options(&pdu, &opts).collect();
        assert_eq!(
            r.unwrap_err().kind,
            DecodeErrorKind::TooManyHeaders { limit: 2 }
        );
    }
}
