//! Partial decoding: what a PDU held before its input stopped making sense.
//!
//! Input that is not whole is what users of a modem, an SMSC link or a half-finished download
//! hold: a notification whose last SMS segment never arrived, a retrieve-conf whose download
//! stopped inside the image. [`Pdu::decode_partial`] gives `Ok` only for a whole PDU; anything
//! else is a [`Partial`] (the shape of httparse's `Status::Partial`, but on the `Err` side so
//! that `?` and `unwrap` cannot take it for a success) with the headers wholly before the fault,
//! the complete multipart parts before a cut, the error, and what is missing.
//!
//! The headers come from the header index's error path (the entries indexed before the
//! structural error); the parts from the lazy multipart walk, which stops after its first
//! error. A successful decode costs nothing more: the prefix is found again only on failure.

use alloc::vec::Vec;
use core::fmt;

use crate::base::diag::{Diagnostic, DiagnosticKind};
use crate::base::error::{DecodeError, DecodeErrorKind};
use crate::base::limits::Limits;
use crate::base::options::DecodeOptions;
use crate::codec::Encode;
use crate::mms::Pdu;
use crate::mms::index::{HeaderIndex, Stopped, index_keeping};
use crate::mms::presence::mandatory_fields;
use crate::wsp::{Multipart, Part};

/// A PDU that did not decode whole: what was found before the fault, the fault, and what is
/// missing ([`Pdu::decode_partial`]).
///
/// [`Partial::pdu`] is a [`Pdu`] over the headers wholly before the fault (the usual accessors
/// work on it: `subject()`, `from()`, `headers()`, ...); a PDU cut inside its body keeps every
/// header and its (cut) body, whose complete parts [`Partial::parts`] lists.
///
/// ```
/// use mms_pdu::mms::Pdu;
/// use mms_pdu::DecodeOptions;
/// // m-retrieve-conf: Type, Version 1.2, Content-Type multipart/mixed; two parts declared,
/// // a text part "hi", then a part declaring 1 + 9 octets of which 3 arrived.
/// let wire = [
///     0x8C, 0x84, 0x8D, 0x92, 0x84, 0xA3, //
///     0x02, 0x01, 0x02, 0x83, b'h', b'i', //
///     0x01, 0x09, 0x9E, 0xFF, 0xD8,
/// ];
/// let partial = Pdu::decode_partial(&wire, &DecodeOptions::new()).unwrap_err();
/// assert!(partial.error().is_incomplete());
/// assert_eq!(partial.pdu().headers().len(), 3);
/// assert_eq!(partial.parts().len(), 1);
/// assert_eq!(partial.parts()[0].data, b"hi");
/// let cut = partial.cut_part().unwrap();
/// assert_eq!((cut.offset, cut.declared, cut.available), (12, 10, 3));
/// // X-Mms-Date, mandatory in an m-retrieve-conf, was not sent.
/// assert_eq!(partial.missing(), ["Date"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partial<'a> {
    pdu: Pdu<'a>,
    error: DecodeError,
    parts: Vec<Part<'a>>,
    missing: Vec<&'static str>,
    cut: Option<CutPart>,
}

/// A multipart entry the input ended inside: where it starts, the octets its HeadersLen and
/// DataLen declared, and the octets there were.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CutPart {
    /// Absolute offset of the entry (its HeadersLen).
    pub offset: usize,
    /// HeadersLen + DataLen as declared.
    pub declared: u64,
    /// The octets after the two lengths.
    pub available: u64,
}

impl<'a> Partial<'a> {
    /// The PDU as far as it decoded: the headers wholly before the fault (none when the input
    /// is not an MMS PDU at all, or when strict mode refused a deviation in the header block),
    /// its body when the header block was whole. Its
    /// [`trailing`](Pdu::trailing) octets are those from the fault on, so that it re-encodes to
    /// its input.
    pub fn pdu(&self) -> &Pdu<'a> {
        &self.pdu
    }

    /// The PDU as far as it decoded (see [`Partial::pdu`]).
    pub fn into_pdu(self) -> Pdu<'a> {
        self.pdu
    }

    /// What stopped the decode. [`DecodeError::is_incomplete`] tells a cut input from a broken
    /// one; [`DecodeErrorKind::MissingField`] says the input decoded but lacks a mandatory field
    /// (the first of [`Partial::missing`]), or, with context `"multipart entry"` and kind
    /// `UnexpectedEnd`, holds fewer parts than its body declares.
    pub fn error(&self) -> DecodeError {
        self.error
    }

    /// The complete top-level parts of the body that end before the fault, in order.
    pub fn parts(&self) -> &[Part<'a>] {
        &self.parts
    }

    /// The mandatory fields of the PDU's message type (OMA-TS-MMS_ENC-V1_3 §6) that were not
    /// reached, by name, in the order of the presence table.
    pub fn missing(&self) -> &[&'static str] {
        &self.missing
    }

    /// The multipart entry the input ended inside, when it did.
    pub fn cut_part(&self) -> Option<CutPart> {
        self.cut
    }

    /// Nothing decoded of `input`: only `error`.
    pub(crate) fn nothing(input: &'a [u8], error: DecodeError, options: &DecodeOptions) -> Self {
        Partial {
            pdu: nothing(input, 0, options.limits()),
            error,
            parts: Vec::new(),
            missing: Vec::new(),
            cut: None,
        }
    }

    /// The same partial result over `pdu` (a whole PDU that a check above it refused).
    pub(crate) fn with_pdu(mut self, pdu: Pdu<'a>) -> Self {
        self.missing = missing_names(&pdu);
        self.pdu = pdu;
        self
    }

    /// The same partial result with its error replaced (the front door names the layer).
    pub(crate) fn map_error(mut self, f: impl FnOnce(DecodeError) -> DecodeError) -> Self {
        self.error = f(self.error);
        self
    }
}

impl fmt::Display for Partial<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (decoded {} headers and {} parts before it)",
            self.error,
            self.pdu.headers().len(),
            self.parts.len()
        )
    }
}

impl core::error::Error for Partial<'_> {}

/// [`Pdu::decode_partial`] for a PDU at offset `base` of a larger buffer (a push body).
// The error carries a `Pdu`, as large as the success does; boxing it would allocate for
// every partial result to save a move made once per input.
#[allow(clippy::result_large_err)]
pub(crate) fn decode_at<'a>(
    input: &'a [u8],
    base: usize,
    options: &DecodeOptions,
) -> Result<Pdu<'a>, Partial<'a>> {
    let limits = options.limits();
    let end = base.saturating_add(input.len());
    let error = match Pdu::decode_at(input, base, options) {
        Ok(pdu) => return whole(pdu, end),
        Err(e) => e,
    };
    // Found again, keeping what the header walk indexed before it stopped.
    let mut stopped = None;
    let (pdu, parts, cut) = match index_keeping(input, base, options, &mut stopped) {
        Err(_) => {
            let pdu = match stopped {
                Some(Stopped {
                    index,
                    message_type: Some(t),
                    diagnostics,
                }) => Pdu::from_index(input, index, Some(t), None, diagnostics, limits),
                _ => nothing(input, base, limits),
            };
            (pdu, Vec::new(), None)
        }
        // The header block is whole: the body is what failed.
        Ok(found) => {
            let (parts, cut) = match (found.body, found.multipart) {
                (Some(body), true) => parts_before(body, base + found.index.end(), limits, &error),
                _ => (Vec::new(), None),
            };
            let pdu = Pdu::from_index(
                input,
                found.index,
                Some(found.message_type),
                found.body,
                found.diagnostics,
                limits,
            );
            (pdu, parts, cut)
        }
    };
    let missing = missing_names(&pdu);
    Err(Partial {
        pdu,
        error,
        parts,
        missing,
        cut,
    })
}

/// `Ok` for a PDU that decoded with every mandatory field and every declared part; a
/// [`Partial`] saying what is missing otherwise (a cut on a header or part boundary decodes).
/// `end` is the absolute offset of the end of the input, where the missing things belong.
#[allow(clippy::result_large_err)] // As `decode_at`.
pub(crate) fn whole(pdu: Pdu<'_>, end: usize) -> Result<Pdu<'_>, Partial<'_>> {
    let missing = missing_names(&pdu);
    let mut short = None;
    if let Some(Ok(mp)) = pdu.multipart() {
        let found = mp.parts().map_while(Result::ok).count() as u64;
        if mp
            .declared_count()
            .is_some_and(|d| u64::from(d.value) > found)
        {
            short = Some(mp.parts().map_while(Result::ok).collect::<Vec<_>>());
        }
    }
    let error = |kind, context| DecodeError {
        offset: end,
        kind,
        context,
    };
    let (error, parts) = match (missing.first(), short) {
        (Some(&field), short) => (
            error(DecodeErrorKind::MissingField, field),
            short.unwrap_or_default(),
        ),
        (None, Some(parts)) => (
            error(
                DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 },
                "multipart entry",
            ),
            parts,
        ),
        (None, None) => return Ok(pdu),
    };
    Err(Partial {
        pdu,
        error,
        parts,
        missing,
        cut: None,
    })
}

/// A PDU with no headers over `input` (for input that is not an MMS PDU at all).
fn nothing(input: &[u8], base: usize, limits: Limits) -> Pdu<'_> {
    Pdu::from_index(
        input,
        HeaderIndex::empty(base),
        None,
        None,
        Vec::new(),
        limits,
    )
}

/// The complete top-level parts of `body` (at absolute `at`) that end before `error`, and the
/// entry the input ended inside, if that is what stopped the walk.
fn parts_before<'a>(
    body: &'a [u8],
    at: usize,
    limits: Limits,
    error: &DecodeError,
) -> (Vec<Part<'a>>, Option<CutPart>) {
    let Ok(mp) = Multipart::parse(body, at, limits, 0) else {
        return (Vec::new(), None);
    };
    let mut parts = Vec::new();
    for part in mp.parts() {
        match part {
            Ok(p) if p.offset.saturating_add(p.encoded_len()) <= error.offset => parts.push(p),
            Ok(_) => return (parts, None),
            Err(e) => {
                let cut = match e.kind {
                    DecodeErrorKind::LengthExceedsInput { need, have } if e == *error => {
                        Some(CutPart {
                            offset: e.offset,
                            declared: need,
                            available: have,
                        })
                    }
                    _ => None,
                };
                return (parts, cut);
            }
        }
    }
    (parts, None)
}

/// The names of the mandatory fields `pdu` lacks.
fn missing_names(pdu: &Pdu<'_>) -> Vec<&'static str> {
    missing_mandatory(pdu).map(|d| d.context).collect()
}

/// The mandatory fields `pdu` lacks, as [`DiagnosticKind::MissingMandatory`] diagnostics in
/// the order of the presence table.
///
/// A push reassembled from too few SMS segments, or any PDU cut on a header boundary, still
/// decodes: the missing mandatory fields are what give it away (OMA-TS-MMS_ENC-V1_3 §6).
/// Checked against the presence table first so that a complete PDU (the common case) costs no
/// allocation.
pub(crate) fn missing_mandatory(pdu: &Pdu<'_>) -> impl Iterator<Item = Diagnostic> {
    let complete = pdu
        .message_type()
        .is_none_or(|kind| mandatory_fields(kind).without(pdu.field_set()).is_empty());
    let found = match complete {
        true => Vec::new(),
        false => crate::mms::validate::validate(pdu),
    };
    found
        .into_iter()
        .filter(|d| d.kind == DiagnosticKind::MissingMandatory)
}
