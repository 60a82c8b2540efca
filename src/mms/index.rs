//! The header index of a decoded [`Pdu`](crate::mms::Pdu): one pass over the header block
//! (OMA-TS-MMS_ENC-V1_3 §7) that records where each header is and checks its value, and the typed
//! [`MmsHeader`] decoded again from the recorded octets only when it is asked for.
//!
//! Why: a typed header is 80 octets, and building, moving and storing one per header (then
//! walking the list again for the diagnostics) cost more than the decode itself. An entry here
//! is 8 octets; a typical PDU (at most 16 headers) keeps its entries inline, so decoding it
//! makes no heap allocation. Each value is still typed once during the pass, in place (see
//! [`MmsHeader::check_value_of`]), so a value that does not follow its grammar is found and
//! reported as before; only the typed value itself is not kept.

use alloc::vec::Vec;

use tinyvec::{ArrayVec, TinyVec};

use crate::assigned::{FieldCode, MessageType};
use crate::base::diag::{Diagnostic, DiagnosticKind};
use crate::base::error::{DecodeError, DecodeErrorKind};
use crate::base::options::DecodeOptions;
use crate::codec::Version;
use crate::mms::header::{
    Checked, MmsHeader, Scanned, decode_header, lost_high_bit, may_be_repaired, short_length,
};
use crate::mms::presence::FieldSet;
use crate::mms::values::{
    ContentTypeValue, CutCheck, DecodeContext, FromValue, HeaderValue, starts_bare, typed_then,
};
use crate::mms::walk::{HeaderWalk, message_type_further_on};
use crate::wsp::push::opens_connectionless_push;

/// The inline storage of an index, empty.
const NO_ENTRIES: [Entry; 16] = [Entry {
    offset: 0,
    code: 0,
    unparsed: false,
}; 16];

/// The code of an entry for an application (textual) header, which has no field code.
const APPLICATION: u8 = 0xFF;

const TYPE: &str = "X-Mms-Message-Type";
const TRANSACTION_ID: &str = "X-Mms-Transaction-Id";
const MMS_VERSION: &str = "X-Mms-MMS-Version";

/// Where one header is: its name octet's offset in the PDU, its field code, and whether its
/// value failed its grammar (kept raw). The value runs from after the name to the next entry's
/// offset (or the end of the header block).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Entry {
    offset: u32,
    /// The field code (0x00–0x7F), or [`APPLICATION`].
    code: u8,
    unparsed: bool,
}

/// The headers of a decoded PDU, in wire order, as offsets into its octets (which the index
/// does not hold, so that an [`OwnedPdu`](crate::mms::OwnedPdu) can keep it beside its buffer).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct HeaderIndex {
    entries: TinyVec<[Entry; 16]>,
    /// Where the header block ends in the PDU's octets.
    end: u32,
    /// Offset of the PDU's first octet in the buffer all reported offsets count from.
    base: usize,
}

impl HeaderIndex {
    /// An index of no headers, for a PDU at offset `base` (what a partial decode shows of
    /// input that is not an MMS PDU).
    pub(crate) fn empty(base: usize) -> Self {
        HeaderIndex {
            base,
            ..Self::default()
        }
    }

    /// How many headers.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Where the header block ends, counted from the PDU's first octet.
    pub(crate) fn end(&self) -> usize {
        self.end as usize
    }

    /// The offset of the PDU's first octet in the buffer offsets count from.
    pub(crate) fn base(&self) -> usize {
        self.base
    }

    /// Absolute offset of header `i`'s name octet.
    pub(crate) fn offset(&self, i: usize) -> Option<usize> {
        let e = self.entries.get(i)?;
        Some(self.base.saturating_add(e.offset as usize))
    }

    /// Header `i`'s octets in `bytes` (the PDU's octets): name and value.
    pub(crate) fn raw<'a>(&self, bytes: &'a [u8], i: usize) -> &'a [u8] {
        let start = self.entries.get(i).map_or(0, |e| e.offset as usize);
        let end = self.entries.get(i + 1).map_or(self.end, |e| e.offset) as usize;
        bytes.get(start..end).unwrap_or_default()
    }

    /// Header `i`, typed from its octets in `bytes`.
    pub(crate) fn header<'a>(
        &self,
        bytes: &'a [u8],
        i: usize,
        ctx: &DecodeContext,
    ) -> Option<MmsHeader<'a>> {
        let e = self.entries.get(i)?;
        let raw = self.raw(bytes, i);
        if e.code == APPLICATION {
            // These octets decoded as this application header during the pass; the fallback
            // (the octets as an unknown field) is never taken.
            return Some(match decode_header(raw, ctx) {
                Ok((_, h)) => h,
                Err(_) => MmsHeader::Unknown {
                    code: e.code & 0x7F,
                    value: raw,
                },
            });
        }
        let value = raw.get(1..).unwrap_or_default();
        Some(MmsHeader::decode_value_of(e.code, value, ctx))
    }

    /// The typed values of every header with field code `field` whose value follows its
    /// grammar, picked out of the typed header by `pick` (without typing any other header).
    #[inline(always)]
    pub(crate) fn values_of<'i, 'a: 'i, T: Clone + 'a>(
        &'i self,
        bytes: &'a [u8],
        field: FieldCode,
        ctx: DecodeContext,
        pick: impl for<'h> Fn(&'h MmsHeader<'a>) -> Option<&'h T> + 'i,
    ) -> impl Iterator<Item = T> + 'i {
        let code = field.get();
        self.entries
            .iter()
            .enumerate()
            .filter(move |(_, e)| e.code == code && code != APPLICATION && !e.unparsed)
            .filter_map(move |(i, _)| {
                let value = self.raw(bytes, i).get(1..).unwrap_or_default();
                pick(&MmsHeader::decode_value_of(code, value, &ctx)).cloned()
            })
    }

    /// The indices of every header with field code `field` (typed or raw; never an
    /// application header, whatever `field` says).
    pub(crate) fn positions(&self, field: FieldCode) -> impl Iterator<Item = usize> + '_ {
        let code = field.get();
        self.entries
            .iter()
            .enumerate()
            .filter(move |(_, e)| e.code == code && code != APPLICATION)
            .map(|(i, _)| i)
    }

    /// The field codes present (typed or raw; application headers have none).
    pub(crate) fn fields(&self) -> FieldSet {
        self.entries
            .iter()
            .fold(FieldSet::EMPTY, |set, e| set.with(FieldCode(e.code)))
    }

    /// The indices of the application headers.
    pub(crate) fn applications(&self) -> impl Iterator<Item = usize> + '_ {
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.code == APPLICATION)
            .map(|(i, _)| i)
    }
}

/// What the one pass over a PDU found.
#[derive(Debug)]
pub(crate) struct Indexed<'a> {
    pub(crate) index: HeaderIndex,
    /// The message type (the first header).
    pub(crate) message_type: MessageType,
    /// The body, when a Content-Type ended the header block.
    pub(crate) body: Option<&'a [u8]>,
    /// Octets after the last header of a body-less PDU.
    pub(crate) trailing: &'a [u8],
    /// Whether the Content-Type names a multipart.
    pub(crate) multipart: bool,
    /// The header block's diagnostics, in offset order.
    pub(crate) diagnostics: Vec<Diagnostic>,
}

/// Offsets of an error found in the PDU's own octets made absolute.
fn rebase(mut e: DecodeError, base: usize) -> DecodeError {
    e.offset = e.offset.saturating_add(base);
    e
}

/// The name a diagnostic of header `code` carries.
fn context_of(code: u8) -> &'static str {
    if code == APPLICATION {
        "application header"
    } else {
        FieldCode(code).name().unwrap_or("unknown MMS header")
    }
}

/// `error` from [`Pdu::decode_with`](crate::mms::Pdu::decode_with) made to say
/// [`DecodeErrorKind::WspPush`] when the input that is not an MMS PDU opens a connectionless
/// WSP push. Plain garbage keeps `NotThisKind`.
fn name_push(error: DecodeError, input: &[u8]) -> DecodeError {
    if error.kind != DecodeErrorKind::NotThisKind
        || error.offset != 0
        || !opens_connectionless_push(input)
    {
        return error;
    }
    DecodeError {
        offset: 0,
        kind: DecodeErrorKind::WspPush,
        context: "MMS PDU",
    }
}

/// MMS 1.0–1.3.
fn known_version(v: &Version<'_>) -> bool {
    match v {
        // Major version in the high nibble, minor in the low one (OMA-TS-MMS_ENC-V1_3
        // §7.3.34), read here rather than through `major` and `minor`, two calls per PDU.
        Version::Short(x) | Version::HighBitMissing(x) => (0x10..=0x13).contains(x),
        Version::Text(_) => v.major() == Some(1) && matches!(v.minor(), Some(0..=3)),
    }
}

/// What `scan_header` repaired in the value of field `code` (the value it found), if anything.
fn repaired(code: u8, value: &[u8]) -> Option<DiagnosticKind> {
    if let Some(found) = lost_high_bit(code, value) {
        return Some(DiagnosticKind::HighBitMissing { found });
    }
    short_length(code, value)
        .map(|(declared, actual)| DiagnosticKind::ValueLengthShort { declared, actual })
}

/// Indexes the header block of the PDU `input`, which sits at offset `base` of the buffer that
/// every offset reported (entries, diagnostics, errors) counts from.
///
/// # Errors
/// As [`Pdu::decode_with`](crate::mms::Pdu::decode_with), for the header block; a header
/// block past 4 GiB is `ValueTooLarge`.
#[inline(always)]
pub(crate) fn index<'a>(
    input: &'a [u8],
    base: usize,
    options: &DecodeOptions,
) -> Result<Indexed<'a>, DecodeError> {
    index_keeping(input, base, options, &mut None)
}

/// The headers a walk indexed before a structural error stopped it (a partial decode shows
/// them): every header wholly before the fault, the header block ending where the failed
/// header starts.
#[derive(Debug, Clone)]
pub(crate) struct Stopped {
    pub(crate) index: HeaderIndex,
    /// The message type, when the first header was one.
    pub(crate) message_type: Option<MessageType>,
    /// The diagnostics of the headers before the fault.
    pub(crate) diagnostics: Vec<Diagnostic>,
}

/// [`index`], keeping in `stopped` what was indexed when a structural error (a value whose
/// extent cannot be found, a limit) stops the walk.
///
/// # Errors
/// As [`index`].
#[inline(always)]
pub(crate) fn index_keeping<'a>(
    input: &'a [u8],
    base: usize,
    options: &DecodeOptions,
    stopped: &mut Option<Stopped>,
) -> Result<Indexed<'a>, DecodeError> {
    let refuse = |offset: usize, kind| DecodeError {
        offset: base.saturating_add(offset),
        kind,
        context: TYPE,
    };
    // Where the message type is when it is not the first header (looked ahead for, so that
    // every header is typed knowing it); `None` when it is first.
    let further_on = match input {
        [] => {
            return Err(refuse(
                0,
                DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 },
            ));
        }
        [first, ..] if *first == FieldCode::MESSAGE_TYPE.wire() => None,
        _ => match message_type_further_on(input, options) {
            Some(found) => Some(found),
            // A push handed over as a bare PDU is named as such (only a whole input can be one).
            None if base == 0 => {
                return Err(name_push(refuse(0, DecodeErrorKind::NotThisKind), input));
            }
            None => return Err(refuse(0, DecodeErrorKind::NotThisKind)),
        },
    };
    let mut walk = HeaderWalk::with_options(input, options);
    // Built from a constant (all zero) rather than `TinyVec::new()`, which moves a default array.
    let mut entries = TinyVec::Inline(ArrayVec::from_array_empty(NO_ENTRIES));
    let mut diagnostics = Vec::new();
    let mut ctx = DecodeContext::new(further_on.map(|(_, t)| t));
    let type_offset = further_on.map_or(0, |(at, _)| at);
    let mut multipart = false;
    // Canonical order: Type, then TID (when present), then Version, each where it stands
    // relative to the message type. Only the first Transaction-ID and MMS-Version are checked;
    // one kept raw still takes its place (a malformed TID does not make the Version after it
    // out of order).
    let (mut tid_seen, mut tid_second, mut version_seen) = (false, false, false);
    let mut type_index = None;
    while let Some(found) = walk.next_scanned() {
        let (offset, _, scanned) = match found {
            Ok(found) => found,
            Err(e) => {
                let found_type = ctx.message_type.filter(|_| {
                    further_on.is_some()
                        || entries
                            .first()
                            .is_some_and(|e| e.code == FieldCode::MESSAGE_TYPE.get() && !e.unparsed)
                });
                *stopped = stop(&entries, &walk, base, found_type, &diagnostics);
                return Err(rebase(e, base));
            }
        };
        let i = entries.len();
        let at = offset;
        let Ok(offset) = u32::try_from(offset) else {
            return Err(too_large(at, base.saturating_add(at)));
        };
        // Offsets made absolute (and names looked up) only when something is reported.
        let mut push = |offset: usize, code, kind| {
            diagnostics.push(Diagnostic {
                offset: base.saturating_add(offset),
                context: context_of(code),
                kind,
            });
        };
        // What this header reports besides an unparsed value and a deviation.
        let mut fact = None;
        let mut message_type = None;
        // What the scan repaired (see `scan_header`), reported instead of the raw value.
        let mut repair = None;
        let (code, checked) = match scanned {
            Scanned::Field { code, value } => {
                if may_be_repaired(code, value) {
                    repair = repaired(code, value);
                }
                let checked = match code {
                    0x04 => Checked::of(typed_then(value, &ctx, |ct: &ContentTypeValue<'_>| {
                        multipart = ct.is_multipart();
                        walk.enter_body();
                        if !ctx.message_type.is_some_and(MessageType::has_body) {
                            fact = Some(DiagnosticKind::UnexpectedBody);
                        }
                        HeaderValue::deviation(ct)
                    })),
                    // The order checks are made in the arms of the three fields they concern,
                    // so that every other header pays nothing for them.
                    0x0C => {
                        let checked = Checked::of(typed_then(value, &ctx, |t: &MessageType| {
                            message_type = Some(*t);
                            HeaderValue::deviation(t)
                        }));
                        if ctx.message_type.is_none() {
                            ctx.message_type = message_type;
                        }
                        if type_index.is_none() && at == type_offset {
                            type_index = Some(i);
                            if i != 0 {
                                push(at, code, DiagnosticKind::MessageTypeNotFirst);
                            }
                            if ctx.message_type.is_some_and(|t| !t.is_assigned()) {
                                push(at + 1, code, DiagnosticKind::UnknownMessageType);
                            }
                        }
                        checked
                    }
                    0x18 => {
                        if !tid_seen {
                            tid_seen = true;
                            tid_second = type_index.is_some_and(|t| i == t + 1);
                            if !tid_second {
                                push(at, code, DiagnosticKind::OutOfOrder);
                            }
                        }
                        MmsHeader::check_value_of(code, value, &ctx)
                    }
                    0x09 => {
                        let checked = Checked::of(FromValue::check_cut(value, &ctx));
                        if matches!(checked, Checked::Typed(_)) && starts_bare(value) {
                            fact = Some(DiagnosticKind::BareFromAddress);
                        }
                        checked
                    }
                    0x0D => {
                        if !version_seen {
                            version_seen = true;
                            let after = if tid_second { 2 } else { 1 };
                            if type_index.is_none_or(|t| i != t + after) {
                                push(at, code, DiagnosticKind::OutOfOrder);
                            }
                        }
                        Checked::of(typed_then(value, &ctx, |v: &Version<'_>| {
                            if !known_version(v) {
                                fact = Some(DiagnosticKind::UnknownVersion);
                            }
                            HeaderValue::deviation(v)
                        }))
                    }
                    _ => MmsHeader::check_value_of(code, value, &ctx),
                };
                (code, checked)
            }
            Scanned::Application { value, .. } => {
                fact = Some(DiagnosticKind::ApplicationHeader);
                (APPLICATION, Checked::Typed(value.deviation()))
            }
        };
        let unparsed = matches!(checked, Checked::Unparsed(_));
        match (checked, repair) {
            (Checked::Unparsed(_), Some(kind)) | (Checked::Typed(_), Some(kind)) => {
                push(at, code, kind);
            }
            (Checked::Unparsed(error), None) => {
                push(at, code, DiagnosticKind::UnparsedValue(error));
            }
            (Checked::Unknown, _) => push(at, code, DiagnosticKind::UnknownField),
            (Checked::Typed(_), None) => {}
        }
        if let Some(kind) = fact {
            push(at, code, kind);
        }
        if let Checked::Typed(Some(d)) = checked {
            push(at, code, DiagnosticKind::Deviation(d));
        }
        entries.push(Entry {
            offset,
            code,
            unparsed,
        });
    }
    // The first header must be a typed X-Mms-Message-Type, unless the look-ahead found one
    // further on (checked after the walk, so that a structural error further on is reported
    // first, as it always was).
    let message_type = match (entries.first(), ctx.message_type) {
        (Some(e), Some(t)) if further_on.is_some() || e.code == 0x0C && !e.unparsed => t,
        _ => return Err(refuse(1, DecodeErrorKind::NotThisKind)),
    };
    let end = walk.offset();
    let Ok(end32) = u32::try_from(end) else {
        return Err(too_large(end, base.saturating_add(end)));
    };
    let trailing = walk.trailing();
    if !trailing.is_empty() {
        diagnostics.push(Diagnostic {
            offset: base.saturating_add(end),
            context: "PDU",
            kind: DiagnosticKind::TrailingBytes {
                count: trailing.len() as u64,
            },
        });
    }
    if options.is_strict() {
        if let Some(refused) = strict_refusal(&diagnostics) {
            return Err(refused.into_error());
        }
    }
    Ok(Indexed {
        index: HeaderIndex {
            entries,
            end: end32,
            base,
        },
        message_type,
        body: walk.body(),
        trailing,
        multipart,
        diagnostics,
    })
}

/// What [`index_keeping`] keeps when the walk stops: the entries so far, the header block
/// ending where the walk stood (the start of the header that failed). Only on the error path,
/// so the copy costs a successful decode nothing.
#[cold]
fn stop(
    entries: &TinyVec<[Entry; 16]>,
    walk: &HeaderWalk<'_>,
    base: usize,
    // As after a whole walk: a typed X-Mms-Message-Type, first or found further on.
    message_type: Option<MessageType>,
    diagnostics: &[Diagnostic],
) -> Option<Stopped> {
    let end = u32::try_from(walk.offset()).ok()?;
    Some(Stopped {
        index: HeaderIndex {
            entries: entries.clone(),
            end,
            base,
        },
        message_type,
        diagnostics: diagnostics.to_vec(),
    })
}

/// The diagnostic strict mode refuses a header block for: a message type that is not first,
/// the order checks and the message type come first, then the headers in order, then trailing octets (the order in which the
/// checks were made before they were made in one pass, so that strict mode names the same
/// field).
fn strict_refusal(diagnostics: &[Diagnostic]) -> Option<&Diagnostic> {
    let order = |context: &str| {
        diagnostics
            .iter()
            .find(|d| d.kind == DiagnosticKind::OutOfOrder && d.context == context)
    };
    diagnostics
        .iter()
        .find(|d| d.kind == DiagnosticKind::MessageTypeNotFirst)
        .or_else(|| order(TRANSACTION_ID))
        .or_else(|| order(MMS_VERSION))
        .or_else(|| {
            diagnostics
                .iter()
                .find(|d| d.kind == DiagnosticKind::UnknownMessageType)
        })
        .or_else(|| diagnostics.iter().find(|d| !d.kind.is_note()))
}

/// A header block that reaches past what a 32-bit entry offset can hold.
fn too_large(size: usize, at: usize) -> DecodeError {
    DecodeError {
        offset: at,
        kind: DecodeErrorKind::ValueTooLarge {
            size: size as u64,
            limit: u64::from(u32::MAX),
        },
        context: "MMS header block",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::TextString;

    #[test]
    fn a_known_version_is_major_1_minor_0_to_3_in_every_form() {
        let by_parts = |v: &Version<'_>| v.major() == Some(1) && matches!(v.minor(), Some(0..=3));
        for x in 0..=0x7F {
            for v in [Version::Short(x), Version::HighBitMissing(x)] {
                assert_eq!(known_version(&v), by_parts(&v), "{v:?}");
            }
        }
        for (text, known) in [
            (&b"1.2"[..], true),
            (b"1", false),
            (b"1.4", false),
            (b"2.0", false),
        ] {
            let v = Version::Text(TextString::new(text));
            assert_eq!(known_version(&v), known, "{v:?}");
        }
    }
}
