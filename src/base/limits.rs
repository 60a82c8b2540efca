//! Hard limits applied by every decoding loop, varint and recursion (Uintvar width
//! WAP-230-WSP §8.1.2, multipart bounds §8.5).
//!
//! Limits are checked *before* anything is sized by a length read from the input, so a hostile
//! PDU cannot make the decoder allocate or loop in proportion to a number it merely claims.

/// Bounds on what a decoder accepts. The defaults are generous for real MMS traffic (carriers
/// cap messages at 300 KB–1.5 MB and a few dozen parts) and small enough to bound work.
///
/// There is no limit on a value's length: every length read from the input is checked against
/// the octets left before anything is sized by it, so the input bounds each value already.
///
/// ```
/// use mms_pdu::Limits;
/// let tight = Limits { max_parts: 16, ..Limits::default() };
/// assert_eq!(tight.max_depth, Limits::default().max_depth);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Limits {
    /// Deepest nesting of multipart bodies (a part that is itself a multipart counts one level).
    pub max_depth: u32,
    /// Most entries in one multipart body.
    pub max_parts: u32,
    /// Most headers in one header block (PDU headers, part headers, push headers).
    pub max_headers: u32,
}

impl Limits {
    /// The default limits: depth 8, 1024 parts, 1024 headers.
    pub const DEFAULT: Limits = Limits {
        max_depth: 8,
        max_parts: 1024,
        max_headers: 1024,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}
