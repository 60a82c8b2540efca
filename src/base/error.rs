//! Decode and encode errors.
//!
//! A [`DecodeError`] is small, `Copy` and carries no heap data: what was expected (the
//! [`DecodeErrorKind`]), where (an absolute byte offset into the buffer handed to the
//! decoder) and in which field (a static name such as `"X-Mms-Expiry"` or `"multipart entry"`).
//!
//! Inside the parsers errors travel as [`WireError`], nom's error type for this crate, which
//! remembers the remaining input; it is turned into an absolute offset once, at the API edge
//! ([`WireError::into_decode_error`]).

use core::fmt;

/// What a decoder expected to find and did not.
///
/// Each variant names the grammar item of WSP (WAP-230 §8.4) or MMS_ENC that could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum DecodeErrorKind {
    /// The input ended while `need` more octets were required and only `have` were left.
    UnexpectedEnd {
        /// Octets required by the item being read.
        need: u64,
        /// Octets left in the enclosing buffer.
        have: u64,
    },
    /// A length field announced more data than the enclosing buffer holds.
    LengthExceedsInput {
        /// The announced length.
        need: u64,
        /// Octets left in the enclosing buffer.
        have: u64,
    },
    /// A Uintvar ran past 5 octets (WSP 8.1.2 allows at most 32 bits).
    UintvarTooLong,
    /// A 5-octet Uintvar carried more than 32 bits.
    UintvarOverflow,
    /// A Long-integer had a Short-length of 0 (Multi-octet-integer needs 1 to 30 octets).
    EmptyLongInteger,
    /// A Long-integer was longer than 8 octets, so its value does not fit a `u64`.
    IntegerTooLarge {
        /// The number of value octets found.
        octets: u8,
    },
    /// A value did not fit the width its field allows (e.g. a Uintvar length above `u32`).
    ValueOutOfRange,
    /// The octet at this position cannot start the expected item.
    UnexpectedOctet {
        /// The octet found.
        found: u8,
        /// The grammar item that was expected.
        expected: Expected,
    },
    /// A text item had no terminating NUL octet before the end of its buffer.
    MissingTerminator,
    /// A length-delimited value had octets left over after its content was read.
    TrailingBytes {
        /// How many octets were left.
        count: u64,
    },
    /// Nesting (multipart inside multipart) went deeper than [`crate::base::limits::Limits::max_depth`].
    DepthLimit {
        /// The configured limit.
        limit: u32,
    },
    /// More headers than [`crate::base::limits::Limits::max_headers`].
    TooManyHeaders {
        /// The configured limit.
        limit: u32,
    },
    /// A block larger than the decoder can index: an MMS header block past 4 GiB (its offsets
    /// are kept in 32 bits). No real PDU comes near it.
    ValueTooLarge {
        /// The size found.
        size: u64,
        /// The largest size handled.
        limit: u64,
    },
    /// More multipart entries than [`crate::base::limits::Limits::max_parts`].
    TooManyParts {
        /// The configured limit.
        limit: u32,
    },
    /// A deviation from the specification that the decoder accepts leniently, reported as an
    /// error because strict mode was asked for.
    Deviation(crate::base::error::Deviation),
    /// A mandatory header is missing.
    MissingField,
    /// Every octet is below 0x80 and the input reads as a push or PDU whose high bits were
    /// cleared on the way (an SMSC mapping 8-bit data through a 7-bit table: `8C 82` arrives
    /// as `0C 02`). Nothing can be recovered; the sender must be told.
    TopBitsCleared,
    /// Strict mode refused a deviation that lenient decoding accepts (the reason names it).
    /// (Not read back by `serde`: the reason is a static text.)
    #[cfg_attr(feature = "serde", serde(skip_deserializing))]
    Rejected {
        /// What was refused.
        #[cfg_attr(feature = "serde", serde(skip_deserializing))]
        reason: &'static str,
    },
    /// The input is not of the expected kind at all (for example a WSP push whose PDU type is
    /// neither Push nor ConfirmedPush).
    NotThisKind,
    /// The input is one segment of a push sent in several SMS (its user data header has a
    /// concatenation element): the push decodes once all segments are joined.
    SmsSegment {
        /// This segment's number, from 1.
        sequence: u8,
        /// How many segments the push was sent in.
        total: u8,
    },
    /// The input handed to `Pdu::decode` is a connectionless WSP push (a
    /// TID octet, then PDU type Push `06` or ConfirmedPush `07`), not a bare MMS PDU: decode it
    /// with `mms_pdu::decode`, which reads the push and the PDU in its body.
    WspPush,
}

/// A grammar item, used to say what a decoder expected to find.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Expected {
    /// Short-integer: an octet with the high bit set.
    ShortInteger,
    /// Long-integer: a Short-length 1–30 then that many octets.
    LongInteger,
    /// Integer-value: a Short-integer or a Long-integer.
    IntegerValue,
    /// Value-length: an octet 0–30, or 31 followed by a Uintvar.
    ValueLength,
    /// Text-string: text octets then NUL.
    TextString,
    /// Quoted-string: 0x22, text, NUL.
    QuotedString,
    /// Token-text: an RFC 2616 token then NUL.
    TokenText,
    /// A well-known token octet of the field.
    Token,
    /// A header field name.
    FieldName,
    /// Content-type-value.
    ContentType,
    /// Version-value.
    Version,
    /// Q-value.
    QValue,
    /// A value of the field (any of its forms).
    Value,
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Expected::ShortInteger => "a Short-integer (octet >= 0x80)",
            Expected::LongInteger => "a Long-integer (Short-length 1..=30)",
            Expected::IntegerValue => "an Integer-value",
            Expected::ValueLength => "a Value-length (octet 0..=31)",
            Expected::TextString => "a Text-string",
            Expected::QuotedString => "a Quoted-string (0x22 ... NUL)",
            Expected::TokenText => "a Token-text",
            Expected::Token => "a well-known token of this field",
            Expected::FieldName => "a header field name",
            Expected::ContentType => "a Content-type-value",
            Expected::Version => "a Version-value",
            Expected::QValue => "a Q-value",
            Expected::Value => "a value of this field",
        })
    }
}

/// A deviation from the specification that real devices are known to send.
///
/// In the default (lenient) mode each is accepted and reported as a diagnostic; in strict mode
/// it is an error of kind [`DecodeErrorKind::Deviation`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Deviation {
    /// A Text-string ran to the end of its buffer without a terminating NUL (AOSP and Symbian
    /// read such text; a truncated concatenated push ends this way).
    UnterminatedText,
    /// A Quote octet (0x7F) stood before a text octet below 0x80 (WAP-230-WSP §8.4.2.1 forbids
    /// it; Jolla's `InvalidSubject` test PDU has one).
    NeedlessQuote,
    /// A text starting with an octet of 0x80 or above had no Quote octet before it.
    MissingQuote,
    /// A Quoted-string ended with a closing `"` before the NUL (WAP-230-WSP §8.4.2.1 has none;
    /// Wireshark warns about it).
    ClosingQuote,
    /// A Uintvar carried leading zero groups (non-minimal form).
    NonMinimalUintvar,
    /// A Value-length used the long form for a length below 31.
    NonMinimalLength,
    /// A Long-integer carried leading zero octets, or was used for a value below 128 where an
    /// Integer-value would allow a Short-integer.
    NonMinimalInteger,
    /// Text labelled us-ascii (an Encoded-string-value's charset, a part's `charset`
    /// parameter) carries octets above 0x7F. It is read as UTF-8 when it is valid UTF-8 (phones
    /// send UTF-8 under this label) and as windows-1252 otherwise, the way phones show it.
    EightBitInUsAscii,
}

impl fmt::Display for Deviation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Deviation::UnterminatedText => "text not terminated by NUL",
            Deviation::NeedlessQuote => "Quote octet before text below 0x80",
            Deviation::MissingQuote => "text starting at or above 0x80 without a Quote octet",
            Deviation::ClosingQuote => "Quoted-string with a closing quote",
            Deviation::NonMinimalUintvar => "Uintvar with leading zero groups",
            Deviation::NonMinimalLength => "long-form Value-length for a length below 31",
            Deviation::NonMinimalInteger => "Long-integer wider than needed",
            Deviation::EightBitInUsAscii => "octets above 0x7F in text labelled us-ascii",
        })
    }
}

impl fmt::Display for DecodeErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DecodeErrorKind::UnexpectedEnd { need, have } => {
                let octets = if need == 1 { "octet" } else { "octets" };
                write!(f, "input ends: need {need} more {octets}, {have} left")
            }
            DecodeErrorKind::LengthExceedsInput { need, have } => {
                write!(f, "length {need} exceeds the {have} octets left")
            }
            DecodeErrorKind::UintvarTooLong => f.write_str("Uintvar longer than 5 octets"),
            DecodeErrorKind::UintvarOverflow => f.write_str("Uintvar value above 32 bits"),
            DecodeErrorKind::EmptyLongInteger => f.write_str("Long-integer of length 0"),
            DecodeErrorKind::IntegerTooLarge { octets } => {
                write!(f, "Long-integer of {octets} octets does not fit 64 bits")
            }
            DecodeErrorKind::ValueOutOfRange => f.write_str("value out of range for its field"),
            DecodeErrorKind::UnexpectedOctet { found, expected } => {
                write!(f, "expected {expected}, found octet 0x{found:02X}")
            }
            DecodeErrorKind::MissingTerminator => f.write_str("text without terminating NUL"),
            DecodeErrorKind::TrailingBytes { count } => {
                write!(f, "{count} unexpected octets after the value")
            }
            DecodeErrorKind::DepthLimit { limit } => {
                write!(f, "nesting deeper than the limit of {limit}")
            }
            DecodeErrorKind::TooManyHeaders { limit } => {
                write!(f, "more than {limit} headers")
            }
            DecodeErrorKind::TooManyParts { limit } => write!(f, "more than {limit} parts"),
            DecodeErrorKind::ValueTooLarge { size, limit } => {
                write!(f, "{size} octets exceed the {limit} this decoder can index")
            }
            DecodeErrorKind::Deviation(d) => write!(f, "strict mode: {d}"),
            DecodeErrorKind::MissingField => f.write_str("mandatory header missing"),
            DecodeErrorKind::Rejected { reason } => write!(f, "strict mode: {reason}"),
            DecodeErrorKind::TopBitsCleared => f.write_str(
                "every octet is below 0x80: the high bits were cleared in transit \
                 (an SMSC mapping 8-bit data through a 7-bit alphabet)",
            ),
            DecodeErrorKind::NotThisKind => f.write_str("input is not of the expected kind"),
            DecodeErrorKind::SmsSegment { sequence, total } => write!(
                f,
                "SMS segment {sequence} of {total}: the push needs all {total} segments joined"
            ),
            DecodeErrorKind::WspPush => f.write_str(
                "input is a WSP push, not a bare MMS PDU (decode it with mms_pdu::decode)",
            ),
        }
    }
}

/// A decode failure: what was expected, at which absolute byte offset, in which field.
///
/// ```
/// use mms_pdu::codec::uintvar;
/// let err = mms_pdu::codec::decode_all(&[0x81, 0x82], uintvar).unwrap_err();
/// assert_eq!(err.offset, 2);
/// assert_eq!(err.to_string(), "at byte 2 in Uintvar: input ends: need 1 more octet, 0 left");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[error("at byte {offset} in {context}: {kind}")]
pub struct DecodeError {
    /// Absolute offset of the octet where the problem was found, counted from the start of the
    /// buffer given to the decoder.
    pub offset: usize,
    /// What went wrong.
    pub kind: DecodeErrorKind,
    /// The field, header or structure being read (a static name, e.g. `"X-Mms-Expiry"`).
    pub context: &'static str,
}

impl DecodeError {
    /// Whether the input ran out: it ended inside a value (`UnexpectedEnd`) or before the end of
    /// a length (`LengthExceedsInput`), so that more octets of the same input could make it
    /// decode. A text cut by the end of the input is reported this way too, never as
    /// `MissingTerminator` (which stays for a text cut by an enclosing length, where more input
    /// would not help).
    ///
    /// What tells "need more data" (a half-received push, a download that stopped) from "this is
    /// not a PDU" (garbage, a wrong length inside a whole PDU):
    ///
    /// ```
    /// use mms_pdu::mms::Pdu;
    /// // m-notifyresp-ind cut inside its Transaction-ID text "T1".
    /// let cut = Pdu::decode(&[0x8C, 0x83, 0x98, b'T', b'1']).unwrap_err();
    /// assert!(cut.is_incomplete(), "{cut}");
    /// let garbage = Pdu::decode(b"GET / HTTP/1.1").unwrap_err();
    /// assert!(!garbage.is_incomplete());
    /// ```
    ///
    /// A length that exceeds the input is taken as a truncation even when the length itself is
    /// wrong: from the octets alone the two cannot be told apart.
    pub fn is_incomplete(&self) -> bool {
        matches!(
            self.kind,
            DecodeErrorKind::UnexpectedEnd { .. } | DecodeErrorKind::LengthExceedsInput { .. }
        )
    }
}

/// nom's error type inside this crate: the remaining input where the error arose, the kind, and
/// the innermost field name known.
///
/// Converted to a positioned [`DecodeError`] at the API edge by
/// [`WireError::into_decode_error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WireError<'a> {
    /// The input at the point of failure (a sub-slice of the decoder's buffer).
    pub input: &'a [u8],
    /// What went wrong.
    pub kind: DecodeErrorKind,
    /// The field being read; empty until a caller names it.
    pub context: &'static str,
}

impl<'a> WireError<'a> {
    /// A new error at `input` with no context yet.
    pub fn new(input: &'a [u8], kind: DecodeErrorKind) -> Self {
        WireError {
            input,
            kind,
            context: "",
        }
    }

    /// Names the field unless an inner parser already did.
    #[must_use]
    pub fn in_field(mut self, context: &'static str) -> Self {
        if self.context.is_empty() {
            self.context = context;
        }
        self
    }

    /// Converts to a [`DecodeError`] whose offset is counted from the start of `base`, the
    /// buffer the decode started on. `self.input` must be a sub-slice of `base` (it always is
    /// for errors produced by this crate's parsers); otherwise the offset is clamped.
    ///
    /// A `MissingTerminator` whose text ran to the end of `base` is a text cut by the end of
    /// the input: it becomes `UnexpectedEnd` (the text's octets and at least its NUL needed,
    /// the text's octets left), so that [`DecodeError::is_incomplete`] holds for every
    /// truncation. A text cut by an enclosing length ends before `base` does and keeps
    /// `MissingTerminator`.
    pub fn into_decode_error(self, base: &[u8]) -> DecodeError {
        let to_the_end = self.input.as_ptr_range().end == base.as_ptr_range().end;
        self.positioned(base, to_the_end)
    }

    /// [`WireError::into_decode_error`] for a parser that read `bound`, octets an enclosing
    /// length cut out (a WSP header block within its HeadersLen): a text running to the end of
    /// them keeps `MissingTerminator`, since more input would not change where they end.
    pub fn into_decode_error_within(self, bound: &[u8]) -> DecodeError {
        self.positioned(bound, false)
    }

    /// Positioned in `base`; `to_the_end` when `self.input` ran to the end of the whole input.
    fn positioned(self, base: &[u8], to_the_end: bool) -> DecodeError {
        let offset = offset_in(base, self.input);
        let kind = match self.kind {
            DecodeErrorKind::MissingTerminator if to_the_end => {
                let have = self.input.len() as u64;
                DecodeErrorKind::UnexpectedEnd {
                    need: have.saturating_add(1),
                    have,
                }
            }
            kind => kind,
        };
        DecodeError {
            offset,
            kind,
            context: if self.context.is_empty() {
                "PDU"
            } else {
                self.context
            },
        }
    }
}

/// Offset of `part` (a sub-slice of `base`) from the start of `base`, clamped to `base.len()`.
pub(crate) fn offset_in(base: &[u8], part: &[u8]) -> usize {
    let start = base.as_ptr() as usize;
    let at = part.as_ptr() as usize;
    at.saturating_sub(start).min(base.len())
}

impl<'a> nom::error::ParseError<&'a [u8]> for WireError<'a> {
    fn from_error_kind(input: &'a [u8], kind: nom::error::ErrorKind) -> Self {
        let kind = match kind {
            nom::error::ErrorKind::Eof | nom::error::ErrorKind::Complete => {
                DecodeErrorKind::UnexpectedEnd {
                    need: 1,
                    have: input.len() as u64,
                }
            }
            _ => DecodeErrorKind::UnexpectedOctet {
                found: input.first().copied().unwrap_or(0),
                expected: Expected::Value,
            },
        };
        WireError::new(input, kind)
    }

    fn append(_input: &'a [u8], _kind: nom::error::ErrorKind, other: Self) -> Self {
        other
    }
}

impl<'a> nom::error::ContextError<&'a [u8]> for WireError<'a> {
    fn add_context(_input: &'a [u8], ctx: &'static str, other: Self) -> Self {
        other.in_field(ctx)
    }
}

/// An encode failure: a value without a valid wire form, a PDU its builder refuses, a sink
/// that failed.
///
/// ```
/// use mms_pdu::prelude::*;
/// // A 64-octet buffer cannot hold a 2000-octet body.
/// let body = [b'x'; 2000];
/// let pdu = SendReq::build("T1", "+15550100/TYPE=PLMN", ContentType::well_known(WellKnownMedia::TEXT_PLAIN))
///     .to("+15550101/TYPE=PLMN")
///     .body_octets(&body)
///     .build()?;
/// let mut small = [0u8; 64];
/// let e = pdu.encode_to_slice(&mut small).unwrap_err();
/// assert!(matches!(e, EncodeError::BufferTooSmall { have: 64, .. }));
/// // A builder refuses a PDU that lacks a mandatory field, naming it.
/// let e = SendReq::build("T1", "+15550100/TYPE=PLMN", ContentType::well_known(WellKnownMedia::TEXT_PLAIN)).build().unwrap_err();
/// assert_eq!(e, EncodeError::MissingField { field: "To" });
/// # Ok::<(), EncodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EncodeError {
    /// A fixed output buffer was too small.
    #[error("output buffer too small: need {need} octets, {have} available")]
    BufferTooSmall {
        /// Octets the encoding needs in total.
        need: usize,
        /// Octets the buffer had room for.
        have: usize,
    },
    /// A value does not fit its wire form (e.g. a text containing NUL, a Short-integer above
    /// 127, a length above `u32::MAX`).
    #[error("{field}: value cannot be encoded: {reason}")]
    Unencodable {
        /// The field or item.
        field: &'static str,
        /// Why.
        reason: &'static str,
    },
    /// A mandatory header is missing for the chosen PDU type.
    #[error("mandatory header {field} is missing")]
    MissingField {
        /// The header.
        field: &'static str,
    },
    /// The chosen MMS version does not have this header.
    #[error("header {field} is not defined in the chosen MMS version")]
    FieldNotInVersion {
        /// The header.
        field: &'static str,
    },
    /// The encoding would exceed a size budget set by the caller.
    #[error("encoded size {size} exceeds the budget of {limit} octets")]
    OverBudget {
        /// The exact encoded size.
        size: u64,
        /// The budget.
        limit: u64,
    },
    /// A reader supplying part data ended before the announced length.
    #[error("part data reader ended after {got} of {expected} octets")]
    ShortRead {
        /// The announced length.
        expected: u64,
        /// What the reader supplied.
        got: u64,
    },
    /// The number of octets written differs from `encoded_len` (a bug in an encoder).
    #[error("encoder wrote {written} octets but predicted {predicted}")]
    LengthMismatch {
        /// What `encoded_len` said.
        predicted: usize,
        /// What was written.
        written: usize,
    },
    /// An I/O error from the sink or from a part-data reader.
    #[cfg(feature = "std")]
    #[error("I/O error: {0}")]
    Io(std::io::ErrorKind),
}

#[cfg(feature = "std")]
impl From<std::io::Error> for EncodeError {
    fn from(e: std::io::Error) -> Self {
        EncodeError::Io(e.kind())
    }
}
