//! The Push PDU grammar (WSP 8.2.4.1), with the two HeadersLen faults real pushes show.
//!
//! Repairing them means finding where the content starts, which only the layer that knows the
//! content can tell: it says so in a [`BodyStart`], and the public entry points
//! (`Push::decode`, `Push::decode_with`, `Push::decode_connection_mode`) are defined beside
//! the MMS knowledge they pass in (the front door's push glue, src/message/push.rs).

use crate::assigned::PduType;
use crate::base::diag::{Diagnostic, DiagnosticKind, Diagnostics};
use crate::base::error::{DecodeError, DecodeErrorKind, offset_in};
use crate::base::options::DecodeOptions;
use crate::codec::{Encode, take, to_decode_error, uintvar};
use crate::wsp::content_type::{ContentType, content_type};
use crate::wsp::headers::{HeaderBlock, WspHeader};
use crate::wsp::push::Push;

/// Where the content of a push starts, as the layer that knows the content tells the decoder.
///
/// Two HeadersLen faults are repaired by looking for it (each reported as
/// [`DiagnosticKind::HeadersLenMismatch`], an error in strict mode):
/// - HeadersLen 0 followed by a content type and the content (AOSP `WapPushOverSmsTest`): the
///   octets after the content type pass [`BodyStart::opens`];
/// - HeadersLen larger than the headers, the content starting at a header boundary inside the
///   declared block (Gammu `mms-298`): the declared body fails [`BodyStart::shows`] and the
///   octets after that boundary pass it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BodyStart {
    /// Whether the repairs apply to a push of this content type.
    pub(crate) applies: fn(&ContentType<'_>) -> bool,
    /// Whether content of that type can begin with these octets.
    pub(crate) opens: fn(&[u8]) -> bool,
    /// Whether content of that type visibly begins with these octets (a stronger test, for a
    /// start searched for among the headers).
    pub(crate) shows: fn(&[u8]) -> bool,
}

/// Whether `pdu_type` is Push (`06`) or ConfirmedPush (`07`) (WAP-230-WSP §8.2.1).
pub(crate) fn is_push_type(pdu_type: u8) -> bool {
    pdu_type == PduType::PUSH.get() || pdu_type == PduType::CONFIRMED_PUSH.get()
}

/// Whether `bytes` open a connectionless push: a TID octet, a push PDU type, then a HeadersLen
/// Uintvar (WAP-230-WSP §8.2.4.1; 0 too, which AOSP's test pushes carry).
pub(crate) fn opens_connectionless_push(bytes: &[u8]) -> bool {
    match bytes {
        [_, pdu_type, rest @ ..] if is_push_type(*pdu_type) => uintvar(rest).is_ok(),
        _ => false,
    }
}

impl<'a> Push<'a> {
    /// Decodes a push (with its TID octet when `connectionless`), repairing the HeadersLen
    /// faults `start` can see, and reporting the Content-Length mismatch (as in Vodafone ES
    /// pushes) and what the header block accepts to `diags`; the push keeps a copy of what it
    /// reported there ([`Push::diagnostics`]).
    pub(crate) fn decode_parts(
        input: &'a [u8],
        connectionless: bool,
        opts: &DecodeOptions,
        diags: &mut Diagnostics,
        start: &BodyStart,
    ) -> Result<Self, DecodeError> {
        Self::decode_parts_at(input, 0, connectionless, opts, diags, start)
    }

    /// [`Push::decode_parts`] for a push found `base` octets into a larger input (SMS user
    /// data with its header in front): every offset, in errors, diagnostics, the header block
    /// and [`Push::body_offset`], counts from the start of that input.
    pub(crate) fn decode_parts_at(
        input: &'a [u8],
        base: usize,
        connectionless: bool,
        opts: &DecodeOptions,
        diags: &mut Diagnostics,
        start: &BodyStart,
    ) -> Result<Self, DecodeError> {
        // The push keeps what its own decode reported (the caller's `diags` may hold more).
        let before = diags.as_slice().len();
        let reported =
            |diags: &Diagnostics| diags.as_slice().get(before..).unwrap_or_default().to_vec();
        let at = |part: &[u8]| base + offset_in(input, part);
        let based = |e: DecodeError| DecodeError {
            offset: base + e.offset,
            ..e
        };
        let err = |e| based(to_decode_error(input, e));
        let (tid, rest) = if connectionless {
            match input.split_first() {
                Some((&tid, rest)) => (Some(tid), rest),
                None => return Err(based(end_error(input, input, "TID"))),
            }
        } else {
            (None, input)
        };
        let Some((&type_octet, rest)) = rest.split_first() else {
            return Err(based(end_error(input, rest, "PDU type")));
        };
        let pdu_type = PduType::new(type_octet);
        let accepted =
            pdu_type == PduType::PUSH || (!connectionless && pdu_type == PduType::CONFIRMED_PUSH);
        if !accepted {
            return Err(DecodeError {
                offset: at(rest).saturating_sub(1),
                kind: DecodeErrorKind::NotThisKind,
                context: "PDU type",
            });
        }
        let (after_len, headers_len) =
            crate::codec::in_field(uintvar(rest), "HeadersLen").map_err(err)?;
        let max_headers = opts.limits().max_headers;
        let declared = headers_len.value;
        let raw_of = |whole: &'a [u8], after: &'a [u8]| {
            whole.get(..whole.len() - after.len()).unwrap_or(&[])
        };

        // HeadersLen 0 followed by a content type and the content (AOSP's hand-made push).
        if declared == 0 {
            if let Ok((after_ct, ct)) = content_type(after_len) {
                if (start.opens)(after_ct) && (start.applies)(&ct) {
                    let ct_raw = raw_of(after_len, after_ct);
                    report_headers_len(at(rest), declared, ct_raw.len(), diags)?;
                    let at = at(after_ct);
                    return Ok(Push {
                        tid,
                        pdu_type,
                        headers_len,
                        content_type: ct,
                        content_type_raw: ct_raw,
                        headers: HeaderBlock::with_offset(&[], at, max_headers),
                        body: after_ct,
                        body_offset: at,
                        diagnostics: reported(diags),
                    });
                }
            }
        }

        let (body, block) =
            crate::codec::in_field(take(after_len, u64::from(declared)), "push headers")
                .map_err(err)?;
        let (headers, ct) = content_type(block).map_err(err)?;
        let ct_raw = raw_of(block, headers);
        let headers_at = at(headers);

        // HeadersLen larger than the headers: the content starts at a header boundary inside
        // the declared block while the declared body does not look like it (Gammu mms-298).
        // The body is looked at first: three octets, where telling a textual content type
        // costs a push about 65 instructions (callgrind, push1).
        let (headers, body) = match !(start.shows)(body) && (start.applies)(&ct) {
            true => match body_inside(headers, after_len, max_headers, start.shows) {
                Some(k) => {
                    let real = headers.get(..k).unwrap_or(&[]);
                    report_headers_len(at(rest), declared, ct_raw.len() + k, diags)?;
                    let tail = after_len.get(ct_raw.len() + k..).unwrap_or(&[]);
                    (real, tail)
                }
                None => (headers, body),
            },
            false => (headers, body),
        };
        // Content-Length is read in the walk that checks the block (what
        // `Push::content_length` finds: the first page-1 Content-Length).
        let mut content_length = None;
        let headers =
            HeaderBlock::decode_seeing(headers, headers_at, max_headers, diags, |page, header| {
                if let (None, 1, WspHeader::ContentLength(v)) = (content_length, page, header) {
                    content_length = Some(v.value);
                }
            })?;
        if let Some(declared) = content_length {
            let actual = body.len() as u64;
            if declared != actual {
                diags.report(Diagnostic {
                    offset: headers_at,
                    context: "Content-Length",
                    kind: DiagnosticKind::ContentLengthMismatch { declared, actual },
                })?;
            }
        }
        // Built in the return value, not moved into it (a `Push` is 168 octets).
        Ok(Push {
            tid,
            pdu_type,
            headers_len,
            content_type: ct,
            content_type_raw: ct_raw,
            headers,
            body,
            body_offset: at(body),
            diagnostics: reported(diags),
        })
    }
}

/// Where, inside the declared header block `headers`, the content starts at a header boundary:
/// the headers and the body are contiguous in the input (`after_len` holds the content type,
/// then the headers, then the body), so each boundary is tested on the octets that follow it.
fn body_inside(
    headers: &[u8],
    after_len: &[u8],
    max_headers: u32,
    shows: fn(&[u8]) -> bool,
) -> Option<usize> {
    let base = offset_in(after_len, headers);
    let starts_body = |k: usize| {
        after_len
            .get(base + k..)
            .is_some_and(|tail| k < headers.len() && shows(tail))
    };
    let mut next = 0;
    for item in HeaderBlock::with_offset(headers, 0, max_headers).iter() {
        if starts_body(next) {
            return Some(next);
        }
        match item {
            Ok(item) => next = item.offset + item.header.encoded_len(),
            Err(_) => return None,
        }
    }
    None
}

fn end_error(base: &[u8], at: &[u8], context: &'static str) -> DecodeError {
    DecodeError {
        offset: offset_in(base, at),
        kind: DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 },
        context,
    }
}

fn report_headers_len(
    offset: usize,
    declared: u32,
    actual: usize,
    diags: &mut Diagnostics,
) -> Result<(), DecodeError> {
    diags.report(Diagnostic {
        offset,
        context: "HeadersLen",
        kind: DiagnosticKind::HeadersLenMismatch {
            declared,
            actual: u32::try_from(actual).unwrap_or(u32::MAX),
        },
    })
}
