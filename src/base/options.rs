//! Decoding options: strict or lenient (the deviations real devices send), limits, text
//! defaults (the charset assumed when a text names none, or names Any-charset).

use crate::assigned::Charset;
use crate::base::limits::Limits;

/// How to decode. The default is lenient: every deviation that real devices are known to send
/// is accepted and reported as a [`Diagnostic`](crate::Diagnostic); `strict(true)` turns each
/// into an error.
///
/// ```
/// use mms_pdu::{DecodeOptions, Limits};
/// let opts = DecodeOptions::new().strict(true).with_limits(Limits { max_parts: 8, ..Limits::DEFAULT });
/// assert!(opts.is_strict());
/// assert_eq!(opts.limits().max_parts, 8);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DecodeOptions {
    strict: bool,
    limits: Limits,
    default_charset: Charset,
}

impl Default for DecodeOptions {
    fn default() -> Self {
        DecodeOptions::new()
    }
}

impl DecodeOptions {
    /// Lenient decoding, default limits, UTF-8 for text without a usable charset.
    pub const fn new() -> Self {
        DecodeOptions {
            strict: false,
            limits: Limits::DEFAULT,
            default_charset: Charset::UTF_8,
        }
    }

    /// Strict mode: every deviation is an error instead of a diagnostic.
    #[must_use]
    pub const fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// The limits to apply (named `with_` because [`DecodeOptions::limits`] reads them).
    #[must_use]
    pub const fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// The charset assumed for text sent without one, or with Any-charset (default UTF-8, which
    /// also reads us-ascii; Any-charset, byte 0x80, names no charset at all).
    ///
    /// ```
    /// use mms_pdu::assigned::Charset;
    /// use mms_pdu::{DecodeOptions, Pdu};
    /// // An m-send-conf with a Subject "Olé" sent in Latin-1 without a charset.
    /// let wire = b"\x8C\x81\x98T\0\x8D\x90\x92\x80\x96Ol\xE9\0";
    /// let pdu = Pdu::decode(wire).unwrap();
    /// assert_eq!(pdu.subject_text(&DecodeOptions::new()).unwrap(), "Ol\u{FFFD}");
    /// let latin1 = DecodeOptions::new().with_default_charset(Charset::ISO_8859_1);
    /// assert_eq!(pdu.subject_text(&latin1).unwrap(), "Olé");
    /// ```
    #[must_use]
    pub const fn with_default_charset(mut self, charset: Charset) -> Self {
        self.default_charset = charset;
        self
    }

    /// Whether strict mode is on.
    pub const fn is_strict(&self) -> bool {
        self.strict
    }

    /// The limits.
    pub const fn limits(&self) -> Limits {
        self.limits
    }

    /// The charset for text without one (set with [`DecodeOptions::with_default_charset`]).
    pub const fn default_charset(&self) -> Charset {
        self.default_charset
    }
}
