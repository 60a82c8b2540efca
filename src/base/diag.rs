//! Diagnostics: deviations from the specification that a lenient decode accepted.
//!
//! Real phones and MMSCs send PDUs that bend the grammar of WAP-230-WSP and OMA-TS-MMS_ENC
//! (`shared/corpus/MANIFEST.md` lists the captures). In the default mode each known deviation
//! is decoded and recorded here, with the absolute byte offset where it was seen and the field
//! it concerns.
//! With [`DecodeOptions::strict`](crate::base::options::DecodeOptions::strict) each one is an error instead.

use alloc::vec::Vec;
use core::fmt;

use crate::base::error::{DecodeError, DecodeErrorKind, Deviation};

/// What a diagnostic reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// A primitive in a non-canonical or lenient wire form (Quote rule, missing NUL, closing
    /// quote, non-minimal integer or length, 8-bit octets in text labelled us-ascii).
    Deviation(Deviation),
    /// A header out of the canonical order (Message-Type, Transaction-ID, MMS-Version first;
    /// Content-Type last).
    OutOfOrder,
    /// A mandatory header of this PDU type is missing.
    MissingMandatory,
    /// A header that this PDU type does not have (e.g. a Transaction-ID in m-delivery-ind).
    UnexpectedField,
    /// A header newer than the PDU's declared MMS version.
    NewerThanVersion,
    /// A well-known header whose value did not parse; it is kept as raw octets.
    UnparsedValue(DecodeErrorKind),
    /// A header field code this crate does not know; kept as raw octets.
    UnknownField,
    /// A textual (application) header inside an MMS header block, such as the `Return-Path` an
    /// e-mail gateway left in a DNA (Finland) m-delivery-ind. The grammar allows it
    /// (OMA-TS-MMS_ENC-V1_3 §7.1: `Header = MMS-header | Application-header`), so it is a
    /// note ([`DiagnosticKind::is_note`]), which strict mode accepts: a relay learns that the
    /// PDU carries one, as the builders and the PDU editor may write.
    ApplicationHeader,
    /// A message type outside 0x80–0x97.
    UnknownMessageType,
    /// An MMS version other than 1.0–1.3.
    UnknownVersion,
    /// Octets after the last header of a PDU without a body (a NUL after an empty Bcc in Jolla's
    /// `Success2` notification, a 0x0A in Gammu's captures).
    TrailingBytes {
        /// How many.
        count: u64,
    },
    /// A multipart's declared entry count differs from the entries found (WAP-230-WSP §8.5;
    /// mmsd ignores the count, AOSP trusts it).
    PartCountMismatch {
        /// The declared nEntries.
        declared: u32,
        /// Entries actually found.
        found: u32,
    },
    /// A declared Content-Length differs from the actual data length (Vodafone ES pushes declare
    /// 95 octets and carry 106).
    ContentLengthMismatch {
        /// The declared length.
        declared: u64,
        /// The actual length.
        actual: u64,
    },
    /// A WSP push's HeadersLen disagrees with where its headers really end.
    HeadersLenMismatch {
        /// The declared HeadersLen.
        declared: u32,
        /// The length that makes the PDU decode.
        actual: u32,
    },
    /// A code-page shift in a WSP header block.
    CodePageShift {
        /// The page shifted to.
        page: u8,
    },
    /// A PDU type that has no body carries a Content-Type.
    UnexpectedBody,
    /// X-Mms-Message-Type is not the first header (OMA-TS-MMS_ENC-V1_3 §7: "the first header
    /// field in the PDU"): an MMSC's reference fixtures put From, Content-Location or
    /// Message-ID before it. Reported at the Message-Type header; strict mode refuses it.
    MessageTypeNotFirst,
    /// A single-octet value (a Short-integer or a token, which all have the high bit set) came
    /// without its high bit, so that it reads as a Value-length: AOSP's `WapPushOverSmsTest`
    /// has X-Mms-MMS-Version `12` where `92` belongs. The value is taken to be that one octet
    /// (kept raw, so that it re-encodes as sent) and the walk goes on after it.
    HighBitMissing {
        /// The octet as sent.
        found: u8,
    },
    /// A length-delimited value whose Short-length is smaller than its content, which its own
    /// grammar delimits (a From's text up to NUL, an Expiry's Long-integer with its length),
    /// where the declared end falls inside it and the content's end on the next header: AOSP's
    /// `WapPushOverSmsTest` has a From of 24 octets declared as 8, an Expiry of 5 declared as 3.
    /// The value runs to the content's end (kept raw, so that it re-encodes as sent).
    ValueLengthShort {
        /// The Short-length.
        declared: u32,
        /// The octets of the content.
        actual: u32,
    },
    /// A From written as a bare Text-string, without Value-length and Address-present-token
    /// (OMA-TS-MMS_ENC-V1_3 §7.3.21 has both): read as the address it is.
    BareFromAddress,
    /// An m-mbox-view-conf's X-Mms-Message-Count differs from the m-mbox-descr entries its
    /// body lists (OMA-TS-MMS_ENC-V1_3 §6.9; found by `mms::validate`).
    MessageCountMismatch {
        /// The count the header declares.
        declared: u64,
        /// The entries found.
        found: u64,
    },
}

impl DiagnosticKind {
    /// Whether this is a note (a fact about valid input: a textual application header, an
    /// unknown field code, an MMS version past 1.3) rather than a deviation: strict mode keeps
    /// notes and refuses everything else.
    ///
    /// ```
    /// use mms_pdu::DiagnosticKind;
    /// assert!(DiagnosticKind::ApplicationHeader.is_note());
    /// assert!(!DiagnosticKind::OutOfOrder.is_note());
    /// ```
    pub const fn is_note(&self) -> bool {
        matches!(
            self,
            DiagnosticKind::UnknownVersion
                | DiagnosticKind::UnknownField
                | DiagnosticKind::ApplicationHeader
        )
    }

    /// A fixed one-line description (without the numbers that `Display` adds).
    pub fn summary(&self) -> &'static str {
        match self {
            DiagnosticKind::Deviation(_) => "non-canonical wire form",
            DiagnosticKind::OutOfOrder => "header out of canonical order",
            DiagnosticKind::MissingMandatory => "mandatory header missing",
            DiagnosticKind::UnexpectedField => "header not allowed in this PDU type",
            DiagnosticKind::NewerThanVersion => "header newer than the PDU's MMS version",
            DiagnosticKind::UnparsedValue(_) => "value does not parse as its field's grammar",
            DiagnosticKind::UnknownField => "unknown header field",
            DiagnosticKind::ApplicationHeader => "textual header in MMS header block",
            DiagnosticKind::UnknownMessageType => "unknown message type",
            DiagnosticKind::UnknownVersion => "MMS version outside 1.0-1.3",
            DiagnosticKind::TrailingBytes { .. } => "octets after the last header",
            DiagnosticKind::PartCountMismatch { .. } => "multipart entry count mismatch",
            DiagnosticKind::ContentLengthMismatch { .. } => {
                "Content-Length disagrees with the data"
            }
            DiagnosticKind::HeadersLenMismatch { .. } => "HeadersLen disagrees with the headers",
            DiagnosticKind::CodePageShift { .. } => "shift to another header code page",
            DiagnosticKind::UnexpectedBody => "Content-Type in a PDU without body",
            DiagnosticKind::MessageTypeNotFirst => "X-Mms-Message-Type not the first header",
            DiagnosticKind::HighBitMissing { .. } => "value octet without its high bit",
            DiagnosticKind::ValueLengthShort { .. } => "Value-length shorter than its value",
            DiagnosticKind::BareFromAddress => "From without Value-length and address token",
            DiagnosticKind::MessageCountMismatch { .. } => {
                "X-Mms-Message-Count disagrees with the entries"
            }
        }
    }
}

impl fmt::Display for DiagnosticKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DiagnosticKind::Deviation(d) => write!(f, "{d}"),
            DiagnosticKind::OutOfOrder => f.write_str("header out of canonical order"),
            DiagnosticKind::MissingMandatory => f.write_str("mandatory header missing"),
            DiagnosticKind::UnexpectedField => f.write_str("header not allowed in this PDU type"),
            DiagnosticKind::NewerThanVersion => {
                f.write_str("header newer than the PDU's MMS version")
            }
            DiagnosticKind::UnparsedValue(k) => write!(f, "value kept raw: {k}"),
            DiagnosticKind::UnknownField => f.write_str("unknown header field, kept raw"),
            DiagnosticKind::ApplicationHeader => f.write_str("textual header in MMS header block"),
            DiagnosticKind::UnknownMessageType => f.write_str("unknown message type"),
            DiagnosticKind::UnknownVersion => f.write_str("MMS version outside 1.0-1.3"),
            DiagnosticKind::TrailingBytes { count } => {
                write!(f, "{count} octets after the last header")
            }
            DiagnosticKind::PartCountMismatch { declared, found } => {
                write!(f, "multipart declares {declared} entries, {found} found")
            }
            DiagnosticKind::ContentLengthMismatch { declared, actual } => {
                write!(f, "Content-Length {declared} but {actual} octets of data")
            }
            DiagnosticKind::HeadersLenMismatch { declared, actual } => {
                write!(f, "HeadersLen {declared} but headers take {actual} octets")
            }
            DiagnosticKind::CodePageShift { page } => write!(f, "shift to header code page {page}"),
            DiagnosticKind::UnexpectedBody => f.write_str("Content-Type in a PDU without body"),
            DiagnosticKind::MessageTypeNotFirst => {
                f.write_str("X-Mms-Message-Type not the first header")
            }
            DiagnosticKind::HighBitMissing { found } => write!(
                f,
                "value octet {found:#04X} read as {:#04X}, its high bit lost",
                found | 0x80
            ),
            DiagnosticKind::ValueLengthShort { declared, actual } => write!(
                f,
                "Value-length {declared} but the value takes {actual} octets"
            ),
            DiagnosticKind::BareFromAddress => {
                f.write_str("From as a bare text, read as the address")
            }
            DiagnosticKind::MessageCountMismatch { declared, found } => {
                write!(f, "X-Mms-Message-Count {declared} but {found} entries")
            }
        }
    }
}

/// One accepted deviation (or note, [`DiagnosticKind::is_note`]): where, in which field, what.
///
/// ```
/// use mms_pdu::prelude::*;
/// use mms_pdu::DiagnosticKind;
/// // An m-notifyresp-ind with its Transaction-ID after the version.
/// let wire = b"\x8C\x83\x8D\x92\x98T1\0\x95\x81";
/// let pdu = Pdu::decode(wire)?;
/// let d = pdu.diagnostics()[0];
/// assert_eq!((d.offset, d.context, d.kind), (4, "X-Mms-Transaction-Id", DiagnosticKind::OutOfOrder));
/// assert!(!d.kind.is_note());
/// println!("{d}"); // offset, field and what
/// // Strict mode makes it the error.
/// let e = Pdu::decode_with(wire, &DecodeOptions::new().strict(true)).unwrap_err();
/// assert_eq!(e.offset, 4);
/// # Ok::<(), DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Diagnostic {
    /// Absolute offset of the header or value concerned.
    pub offset: usize,
    /// The field or structure (a static name).
    pub context: &'static str,
    /// What was seen.
    pub kind: DiagnosticKind,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "at byte {} in {}: {}",
            self.offset, self.context, self.kind
        )
    }
}

impl Diagnostic {
    /// The error strict mode reports for this diagnostic.
    pub fn into_error(self) -> DecodeError {
        let kind = match self.kind {
            DiagnosticKind::Deviation(d) => DecodeErrorKind::Deviation(d),
            DiagnosticKind::UnparsedValue(k) => k,
            DiagnosticKind::MissingMandatory => DecodeErrorKind::MissingField,
            DiagnosticKind::TrailingBytes { count } => DecodeErrorKind::TrailingBytes { count },
            other => DecodeErrorKind::Rejected {
                reason: other.summary(),
            },
        };
        DecodeError {
            offset: self.offset,
            kind,
            context: self.context,
        }
    }
}

/// Collects diagnostics during a decode, or turns the first into an error in strict mode.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    strict: bool,
    list: Vec<Diagnostic>,
}

impl Diagnostics {
    /// A collector; `strict` makes every report an error.
    pub fn new(strict: bool) -> Self {
        Diagnostics {
            strict,
            list: Vec::new(),
        }
    }

    /// Records `d`, or returns it as an error in strict mode.
    ///
    /// # Errors
    /// In strict mode, always: `d` as a [`DecodeError`].
    pub fn report(&mut self, d: Diagnostic) -> Result<(), DecodeError> {
        if self.strict {
            Err(d.into_error())
        } else {
            self.list.push(d);
            Ok(())
        }
    }

    /// Records `d` even in strict mode (for facts that are not deviations, such as a shift).
    pub fn note(&mut self, d: Diagnostic) {
        self.list.push(d);
    }

    /// The diagnostics so far.
    pub fn as_slice(&self) -> &[Diagnostic] {
        &self.list
    }

    /// Takes the collected list.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.list
    }

    /// Whether strict mode is on.
    pub fn is_strict(&self) -> bool {
        self.strict
    }
}
