//! Uintvar, Short-integer, Long-integer, Integer-value and Value-length (WAP-230-WSP §8.1.2,
//! §8.4.2.1–§8.4.2.3).
//!
//! Each type remembers the wire form it came in (a non-minimal Uintvar, a Long-integer with
//! leading zero octets or used for a small value, a long-form Value-length) so that encoding a
//! decoded value reproduces the input exactly. Values built with `new` use the canonical
//! minimal form.

use nom::Parser;
use nom::sequence::preceded;

use crate::base::error::{DecodeErrorKind, Deviation, EncodeError, Expected, WireError};
use crate::codec::parse::{PResult, bounded, fail, octet, octet_where, take, unexpected};
use crate::codec::writer::{Encode, Writer};

/// The Length-quote octet (31) that introduces a Uintvar length in a Value-length.
pub const LENGTH_QUOTE: u8 = 0x1F;

// ---------------------------------------------------------------------------------------------
// Uintvar

/// A WSP variable-length unsigned integer: 7 bits per octet, high bit = "more follows", at most
/// 5 octets and 32 bits.
///
/// ```
/// use mms_pdu::codec::{decode_all, uintvar, Encode, Uintvar};
/// assert_eq!(decode_all(&[0x82, 0x31], uintvar).unwrap().value, 305);
/// assert_eq!(Uintvar::new(16384).encode_to_vec().unwrap(), [0x81, 0x80, 0x00]);
/// // A non-minimal form decodes and re-encodes unchanged.
/// let odd = decode_all(&[0x80, 0x05], uintvar).unwrap();
/// assert_eq!((odd.value, odd.encode_to_vec().unwrap()), (5, vec![0x80, 0x05]));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Uintvar {
    /// The value.
    pub value: u32,
    /// Leading zero groups (`0x80` octets) before the first significant one; 0 when minimal.
    pub leading_zeros: u8,
}

impl Uintvar {
    /// The canonical (minimal) encoding of `value`.
    pub const fn new(value: u32) -> Self {
        Uintvar {
            value,
            leading_zeros: 0,
        }
    }

    /// Octets of the minimal encoding of `value` (1–5).
    pub const fn minimal_len(value: u32) -> usize {
        match value {
            0..=0x7F => 1,
            0x80..=0x3FFF => 2,
            0x4000..=0x1F_FFFF => 3,
            0x20_0000..=0x0FFF_FFFF => 4,
            _ => 5,
        }
    }

    /// True when the value was sent in its minimal form.
    pub const fn is_minimal(&self) -> bool {
        self.leading_zeros == 0
    }
}

/// Decodes a Uintvar.
///
/// # Errors
/// `UnexpectedEnd` when the input ends with the continuation bit still set,
/// `UintvarTooLong` after 5 octets with the bit still set, `UintvarOverflow` above 32 bits.
#[inline]
pub fn uintvar(input: &[u8]) -> PResult<'_, Uintvar> {
    // The one- and two-octet forms (a multipart's nEntries, its parts' HeadersLen and most
    // DataLen, a push's HeadersLen) read inline: the call of the loop below cost about 25
    // instructions for each (callgrind, benches/README.md "Session 8").
    let short = |value, rest| {
        let v = Uintvar {
            value,
            leading_zeros: 0,
        };
        Ok((rest, v))
    };
    match input {
        [b @ 0..=0x7F, rest @ ..] => short(u32::from(*b), rest),
        [a @ 0x81..=0xFF, b @ 0..=0x7F, rest @ ..] => {
            short(u32::from(a & 0x7F) << 7 | u32::from(*b), rest)
        }
        _ => uintvar_long(input),
    }
}

/// [`uintvar`] in any form (leading zero octets, up to 5 octets) and its errors.
pub(super) fn uintvar_long(input: &[u8]) -> PResult<'_, Uintvar> {
    // Written out: as `context("Uintvar", (take_while_m_n(0, 4, ..), octet).map_res(..))` it
    // read like the grammar, but nom's `Context::process` and `TakeWhileMN::process` were not
    // inlined and cost 2 392 instructions per walk of the 847-octet sample m-retrieve-conf
    // (two Uintvars per part) against 672 for this loop (callgrind, `mms bench`; see
    // benches/README.md "nom combinators").
    let mut value: u64 = 0;
    let mut leading_zeros: u8 = 0;
    let mut significant = false;
    for i in 0..5usize {
        let Some(&b) = input.get(i) else {
            return fail(
                input.get(i..).unwrap_or(&[]),
                DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 },
            )
            .map_err(|e| e.map(|e| e.in_field("Uintvar")));
        };
        value = (value << 7) | u64::from(b & 0x7F);
        if b & 0x7F != 0 {
            significant = true;
        }
        if b & 0x80 == 0 {
            let Ok(value) = u32::try_from(value) else {
                return fail(input, DecodeErrorKind::UintvarOverflow)
                    .map_err(|e| e.map(|e| e.in_field("Uintvar")));
            };
            let rest = input.get(i + 1..).unwrap_or(&[]);
            return Ok((
                rest,
                Uintvar {
                    value,
                    leading_zeros,
                },
            ));
        }
        if !significant {
            leading_zeros += 1;
        }
    }
    fail(input, DecodeErrorKind::UintvarTooLong).map_err(|e| e.map(|e| e.in_field("Uintvar")))
}

impl Encode for Uintvar {
    fn encoded_len(&self) -> usize {
        Self::minimal_len(self.value) + usize::from(self.leading_zeros)
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        let n = Self::minimal_len(self.value);
        if n + usize::from(self.leading_zeros) > 5 {
            return Err(EncodeError::Unencodable {
                field: "Uintvar",
                reason: "more than 5 octets",
            });
        }
        for _ in 0..self.leading_zeros {
            w.write_u8(0x80)?;
        }
        let mut buf = [0u8; 5];
        for (i, slot) in buf.iter_mut().take(n).enumerate() {
            let shift = 7 * (n - 1 - i);
            let group = ((self.value >> shift) & 0x7F) as u8;
            *slot = if i + 1 < n { group | 0x80 } else { group };
        }
        w.write_bytes(buf.get(..n).unwrap_or(&[]))
    }
}

// ---------------------------------------------------------------------------------------------
// Short-integer

/// Decodes a Short-integer (an octet with the high bit set) and returns its value 0–127.
///
/// # Errors
/// `UnexpectedOctet` when the high bit is clear, `UnexpectedEnd` on empty input.
pub fn short_integer(input: &[u8]) -> PResult<'_, u8> {
    octet_where(Expected::ShortInteger, |b| b & 0x80 != 0)
        .map(|b| b & 0x7F)
        .parse(input)
}

/// Writes a Short-integer.
///
/// # Errors
/// `Unencodable` when `value > 127`.
pub fn encode_short_integer<W: Writer + ?Sized>(w: &mut W, value: u8) -> Result<(), EncodeError> {
    if value > 0x7F {
        return Err(EncodeError::Unencodable {
            field: "Short-integer",
            reason: "value above 127",
        });
    }
    w.write_u8(value | 0x80)
}

// ---------------------------------------------------------------------------------------------
// Long-integer

/// A Long-integer: Short-length (1–30) then that many big-endian octets.
///
/// ```
/// use mms_pdu::codec::{decode_all, long_integer, Encode, LongInteger};
/// assert_eq!(decode_all(&[0x02, 0x30, 0x39], long_integer).unwrap().value, 12345);
/// assert_eq!(LongInteger::new(0x5E0BE100).encode_to_vec().unwrap(), [4, 0x5E, 0x0B, 0xE1, 0]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LongInteger {
    /// The value.
    pub value: u64,
    /// Number of value octets on the wire (1–30); more than the minimum when zero-padded.
    pub octets: u8,
}

impl LongInteger {
    /// The canonical (minimal) encoding of `value` (0 takes one octet).
    pub const fn new(value: u64) -> Self {
        LongInteger {
            value,
            octets: Self::minimal_octets(value),
        }
    }

    /// Fewest octets that hold `value` (at least 1).
    pub const fn minimal_octets(value: u64) -> u8 {
        if value == 0 {
            1
        } else {
            // At most 8: the cast cannot truncate.
            #[allow(clippy::cast_possible_truncation)]
            let n = (64 - value.leading_zeros()).div_ceil(8) as u8;
            n
        }
    }

    /// True when no leading zero octets were sent.
    pub const fn is_minimal(&self) -> bool {
        self.octets == Self::minimal_octets(self.value)
    }
}

/// Decodes a Long-integer.
///
/// # Errors
/// `UnexpectedOctet` when the first octet is not a Short-length 0–30, `EmptyLongInteger` for a
/// length of 0, `LengthExceedsInput` when truncated, `IntegerTooLarge` when the value does not
/// fit 64 bits.
pub fn long_integer(input: &[u8]) -> PResult<'_, LongInteger> {
    let mut short_length = octet.map_res(|len| match len {
        0 => Err(DecodeErrorKind::EmptyLongInteger),
        1..=30 => Ok(len),
        found => Err(DecodeErrorKind::UnexpectedOctet {
            found,
            expected: Expected::LongInteger,
        }),
    });
    // In sequence rather than `short_length.flat_map(..)`: there nom's `FlatMap::process` was
    // not inlined into `integer_value`, 44 instructions per decode of a 68-octet notification
    // (callgrind, `mms bench`; see benches/README.md "nom combinators").
    let (rest, octets) = short_length.parse(input)?;
    let (rest, bytes) = take(rest, u64::from(octets))?;
    Ok((
        rest,
        LongInteger {
            value: big_endian(bytes, octets)?,
            octets,
        },
    ))
}

/// The value of big-endian `bytes` (a Long-integer of `octets` octets); leading zero octets
/// are allowed, a value above 64 bits fails at the octet that does not fit.
fn big_endian(bytes: &[u8], octets: u8) -> Result<u64, nom::Err<WireError<'_>>> {
    let mut value: u64 = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if value > (u64::MAX >> 8) {
            return Err(nom::Err::Error(WireError::new(
                bytes.get(i..).unwrap_or(&[]),
                DecodeErrorKind::IntegerTooLarge { octets },
            )));
        }
        value = (value << 8) | u64::from(b);
    }
    Ok(value)
}

impl Encode for LongInteger {
    fn encoded_len(&self) -> usize {
        1 + usize::from(self.octets)
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        if self.octets == 0 || self.octets > 30 || self.octets < Self::minimal_octets(self.value) {
            return Err(EncodeError::Unencodable {
                field: "Long-integer",
                reason: "octet count does not hold the value (1..=30)",
            });
        }
        w.write_u8(self.octets)?;
        let be = self.value.to_be_bytes();
        for _ in 8..self.octets {
            w.write_u8(0)?;
        }
        let n = usize::from(self.octets.min(8));
        w.write_bytes(be.get(8 - n..).unwrap_or(&[]))
    }
}

// ---------------------------------------------------------------------------------------------
// Integer-value

/// Which of the two Integer-value forms was used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum IntegerForm {
    /// One octet, value | 0x80 (values 0–127).
    Short,
    /// A Long-integer with this many value octets.
    Long(u8),
}

/// An Integer-value: a Short-integer or a Long-integer, remembering which.
///
/// ```
/// use mms_pdu::codec::{decode_all, integer_value, Encode, IntegerValue, IntegerForm};
/// assert_eq!(decode_all(&[0x8A], integer_value).unwrap().value, 10);
/// // A Long-integer carrying a small value is legal and is kept as sent.
/// let v = decode_all(&[0x01, 0x0A], integer_value).unwrap();
/// assert_eq!((v.value, v.form), (10, IntegerForm::Long(1)));
/// assert_eq!(IntegerValue::new(10).encode_to_vec().unwrap(), [0x8A]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct IntegerValue {
    /// The value.
    pub value: u64,
    /// The wire form.
    pub form: IntegerForm,
}

impl IntegerValue {
    /// The canonical form: Short-integer up to 127, else a minimal Long-integer.
    pub const fn new(value: u64) -> Self {
        IntegerValue {
            value,
            form: if value <= 0x7F {
                IntegerForm::Short
            } else {
                IntegerForm::Long(LongInteger::minimal_octets(value))
            },
        }
    }

    /// The value of a Short-integer octet (0x80–0xFF), in that form.
    pub(crate) const fn short(octet: u8) -> Self {
        IntegerValue {
            value: (octet & 0x7F) as u64,
            form: IntegerForm::Short,
        }
    }

    /// True when sent in the canonical form.
    pub fn is_canonical(&self) -> bool {
        *self == Self::new(self.value)
    }

    /// The deviation this value's form represents, if any.
    pub fn deviation(&self) -> Option<Deviation> {
        (!self.is_canonical()).then_some(Deviation::NonMinimalInteger)
    }
}

impl From<u64> for IntegerValue {
    fn from(v: u64) -> Self {
        IntegerValue::new(v)
    }
}

/// Decodes an Integer-value.
///
/// # Errors
/// `UnexpectedOctet` for an octet 31–127, or the errors of [`long_integer`].
pub fn integer_value(input: &[u8]) -> PResult<'_, IntegerValue> {
    match input.first() {
        Some(&b) if b & 0x80 != 0 => octet.map(IntegerValue::short).parse(input),
        Some(&b) if b <= 30 => long_integer
            .map(|l| IntegerValue {
                value: l.value,
                form: IntegerForm::Long(l.octets),
            })
            .parse(input),
        _ => unexpected(input, Expected::IntegerValue),
    }
}

impl Encode for IntegerValue {
    fn encoded_len(&self) -> usize {
        match self.form {
            IntegerForm::Short => 1,
            IntegerForm::Long(n) => 1 + usize::from(n),
        }
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self.form {
            IntegerForm::Short => {
                let v = u8::try_from(self.value).unwrap_or(0xFF);
                encode_short_integer(w, v)
            }
            IntegerForm::Long(octets) => LongInteger {
                value: self.value,
                octets,
            }
            .encode(w),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Value-length

/// Which Value-length form was used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum LengthForm {
    /// One octet 0–30.
    Short,
    /// Length-quote (31) then a Uintvar with this many leading zero groups.
    Quoted {
        /// Leading zero groups of the Uintvar.
        leading_zeros: u8,
    },
}

/// A Value-length: Short-length 0–30, or Length-quote followed by a Uintvar.
///
/// ```
/// use mms_pdu::codec::{decode_all, value_length, Encode, ValueLength};
/// assert_eq!(decode_all(&[0x1F, 0x81, 0x00], value_length).unwrap().len, 128);
/// assert_eq!(ValueLength::new(24).encode_to_vec().unwrap(), [24]);
/// assert_eq!(ValueLength::new(31).encode_to_vec().unwrap(), [0x1F, 31]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ValueLength {
    /// The length of the value that follows.
    pub len: u32,
    /// The wire form.
    pub form: LengthForm,
}

impl ValueLength {
    /// The canonical form of `len`.
    pub const fn new(len: u32) -> Self {
        ValueLength {
            len,
            form: if len <= 30 {
                LengthForm::Short
            } else {
                LengthForm::Quoted { leading_zeros: 0 }
            },
        }
    }

    /// The canonical Value-length for a content of `len` octets.
    ///
    /// # Errors
    /// `Unencodable` above `u32::MAX`.
    pub fn for_content(len: usize) -> Result<Self, EncodeError> {
        u32::try_from(len)
            .map(Self::new)
            .map_err(|_| EncodeError::Unencodable {
                field: "Value-length",
                reason: "length above 2^32-1",
            })
    }

    /// Encoded size of the canonical Value-length for `len` content octets.
    pub const fn canonical_len(len: usize) -> usize {
        if len <= 30 {
            1
        } else if len > u32::MAX as usize {
            6
        } else {
            // Checked above: `len` fits u32.
            #[allow(clippy::cast_possible_truncation)]
            let len = len as u32;
            1 + Uintvar::minimal_len(len)
        }
    }

    /// Keeps this value's form but with a new length; falls back to the canonical form when
    /// the short form cannot hold it.
    #[must_use]
    pub const fn with_len(self, len: u32) -> Self {
        match self.form {
            LengthForm::Short if len > 30 => Self::new(len),
            form => ValueLength { len, form },
        }
    }

    /// The deviation this form represents, if any.
    pub fn deviation(&self) -> Option<Deviation> {
        match self.form {
            LengthForm::Quoted { leading_zeros } if leading_zeros > 0 || self.len <= 30 => {
                Some(Deviation::NonMinimalLength)
            }
            _ => None,
        }
    }
}

/// Decodes a Value-length (the length only; the caller cuts the value out with
/// [`length_prefixed`] or [`take`](crate::codec::take)).
///
/// # Errors
/// `UnexpectedOctet` when the first octet is 32 or more, or the errors of [`uintvar`].
pub fn value_length(input: &[u8]) -> PResult<'_, ValueLength> {
    match input.first() {
        Some(&b) if b < LENGTH_QUOTE => octet
            .map(|len| ValueLength {
                len: u32::from(len),
                form: LengthForm::Short,
            })
            .parse(input),
        Some(&LENGTH_QUOTE) => preceded(octet, uintvar)
            .map(|u| ValueLength {
                len: u.value,
                form: LengthForm::Quoted {
                    leading_zeros: u.leading_zeros,
                },
            })
            .parse(input),
        _ => unexpected(input, Expected::ValueLength),
    }
}

/// Decodes a Value-length and cuts out the value it announces as a bounded sub-slice.
///
/// # Errors
/// The errors of [`value_length`], or `LengthExceedsInput` when the value is longer than the
/// input.
pub fn length_prefixed(input: &[u8]) -> PResult<'_, (ValueLength, &[u8])> {
    value_length
        .flat_map(|vl| bounded(u64::from(vl.len)).map(move |data| (vl, data)))
        .parse(input)
}

impl Encode for ValueLength {
    fn encoded_len(&self) -> usize {
        match self.form {
            LengthForm::Short => 1,
            LengthForm::Quoted { leading_zeros } => {
                1 + Uintvar {
                    value: self.len,
                    leading_zeros,
                }
                .encoded_len()
            }
        }
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self.form {
            LengthForm::Short => {
                let b = u8::try_from(self.len)
                    .ok()
                    .filter(|&b| b < LENGTH_QUOTE)
                    .ok_or(EncodeError::Unencodable {
                        field: "Value-length",
                        reason: "short form holds 0..=30",
                    })?;
                w.write_u8(b)
            }
            LengthForm::Quoted { leading_zeros } => {
                w.write_u8(LENGTH_QUOTE)?;
                Uintvar {
                    value: self.len,
                    leading_zeros,
                }
                .encode(w)
            }
        }
    }
}

/// Checks that a length-delimited value's content has the size its Value-length announced;
/// used by encoders of composite values.
///
/// # Errors
/// `Unencodable` when the content length does not match.
pub fn check_content_len(vl: &ValueLength, content: usize) -> Result<(), EncodeError> {
    if u64::from(vl.len) == content as u64 {
        Ok(())
    } else {
        Err(EncodeError::Unencodable {
            field: "Value-length",
            reason: "does not match the length of the value",
        })
    }
}

/// Fails with `TrailingBytes` when `rest` (what a parser left of a bounded value) is not
/// empty.
///
/// # Errors
/// `TrailingBytes`.
pub fn expect_empty(rest: &[u8]) -> PResult<'_, ()> {
    if rest.is_empty() {
        Ok((rest, ()))
    } else {
        fail(
            rest,
            DecodeErrorKind::TrailingBytes {
                count: rest.len() as u64,
            },
        )
    }
}
