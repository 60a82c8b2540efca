//! The GSM 7-bit default alphabet (3GPP TS 23.038 §6.2.1) and its packing into octets
//! (§6.1.2.1), as far as SMS addresses need it: an alphanumeric originator (TS 23.040 §9.1.2.5)
//! is written in packed septets.

use core::fmt;

/// The default alphabet, indexed by septet. 0x1B is the escape to the extension table.
const DEFAULT: [char; 128] = [
    '@', '£', '$', '¥', 'è', 'é', 'ù', 'ì', 'ò', 'Ç', '\n', 'Ø', 'ø', '\r', 'Å', 'å', //
    'Δ', '_', 'Φ', 'Γ', 'Λ', 'Ω', 'Π', 'Ψ', 'Σ', 'Θ', 'Ξ', '\u{1B}', 'Æ', 'æ', 'ß', 'É', //
    ' ', '!', '"', '#', '¤', '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/', //
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?', //
    '¡', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', //
    'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'Ä', 'Ö', 'Ñ', 'Ü', '§', //
    '¿', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', //
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'ä', 'ö', 'ñ', 'ü', 'à', //
];

/// The escape septet.
const ESCAPE: u8 = 0x1B;

/// The extension table (§6.2.1.1): the septet after an escape and the character it stands for.
const EXTENSION: [(u8, char); 10] = [
    (0x0A, '\u{0C}'),
    (0x14, '^'),
    (0x28, '{'),
    (0x29, '}'),
    (0x2F, '\\'),
    (0x3C, '['),
    (0x3D, '~'),
    (0x3E, ']'),
    (0x40, '|'),
    (0x65, '€'),
];

/// The character of `septet` in the default alphabet.
fn default_char(septet: u8) -> char {
    DEFAULT
        .get(usize::from(septet & 0x7F))
        .copied()
        .unwrap_or(' ')
}

/// The septet `index` (counted from 0) of `packed`, septets being packed from the least
/// significant bit of the first octet on. `None` past the end.
pub(crate) fn septet(packed: &[u8], index: usize) -> Option<u8> {
    let bit = index.checked_mul(7)?;
    let (at, shift) = (bit / 8, bit % 8);
    let low = u16::from(*packed.get(at)?);
    let high = u16::from(packed.get(at + 1).copied().unwrap_or(0));
    let word = (high << 8 | low) >> shift;
    // A septet that would need bits past the last octet is not there.
    if shift > 1 && packed.get(at + 1).is_none() {
        return None;
    }
    let [s, _] = (word & 0x7F).to_le_bytes();
    Some(s)
}

/// The text of `count` packed septets in the default alphabet, written without allocating.
///
/// An escape followed by a septet the extension table does not have shows that septet's
/// default character, and a final escape shows nothing (§6.2.1.1 asks a receiver to do so).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Septets<'a> {
    pub(crate) packed: &'a [u8],
    pub(crate) count: usize,
}

impl fmt::Display for Septets<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write as _;
        let mut escaped = false;
        for index in 0..self.count {
            let Some(s) = septet(self.packed, index) else {
                break;
            };
            let c = if escaped {
                escaped = false;
                EXTENSION
                    .iter()
                    .find(|(code, _)| *code == s)
                    .map_or_else(|| default_char(s), |(_, c)| *c)
            } else if s == ESCAPE {
                escaped = true;
                continue;
            } else {
                default_char(s)
            };
            f.write_char(c)?;
        }
        Ok(())
    }
}

/// The septet of `c` in the default alphabet (the extension table is not used).
pub(crate) fn septet_of(c: char) -> Option<u8> {
    let at = DEFAULT.iter().position(|&d| d == c && d != '\u{1B}')?;
    u8::try_from(at).ok()
}

/// Packs `septets` into `out` (which must hold `ceil(7 * n / 8)` octets); returns the number of
/// octets written, or `None` when `out` is too short.
pub(crate) fn pack(septets: impl IntoIterator<Item = u8>, out: &mut [u8]) -> Option<usize> {
    let mut written = 0usize;
    for (index, s) in septets.into_iter().enumerate() {
        let bit = index * 7;
        let (at, shift) = (bit / 8, bit % 8);
        let value = u16::from(s & 0x7F) << shift;
        let [low, high] = value.to_le_bytes();
        *out.get_mut(at)? |= low;
        if shift > 1 {
            *out.get_mut(at + 1)? |= high;
        }
        written = (bit + 7).div_ceil(8);
    }
    Some(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn hello_packs_as_the_specification_shows() {
        // TS 23.038 §6.1.2.1.1's layout: "hello" is E8 32 9B FD 06.
        let mut out = [0u8; 5];
        let septets = "hello".chars().map(|c| septet_of(c).unwrap());
        assert_eq!(pack(septets, &mut out), Some(5));
        assert_eq!(out, [0xE8, 0x32, 0x9B, 0xFD, 0x06]);
        let text = Septets {
            packed: &out,
            count: 5,
        };
        assert_eq!(text.to_string(), "hello");
    }

    #[test]
    fn eight_septets_fill_seven_octets() {
        let mut out = [0u8; 7];
        let septets = "ABCDEFGH".chars().map(|c| septet_of(c).unwrap());
        assert_eq!(pack(septets, &mut out), Some(7));
        let text = Septets {
            packed: &out,
            count: 8,
        };
        assert_eq!(text.to_string(), "ABCDEFGH");
        // A ninth septet is not there.
        assert_eq!(septet(&out, 8), None);
        let mut short = [0u8; 6];
        assert_eq!(
            pack(
                "ABCDEFGH".chars().map(|c| septet_of(c).unwrap()),
                &mut short
            ),
            None
        );
    }

    #[test]
    fn escapes_and_the_whole_table() {
        // ESC '(' is '{', ESC 'e' is '€', ESC 'A' is not in the table (shows 'A'), a final ESC
        // shows nothing.
        let septets = [0x1B, 0x28, 0x1B, 0x65, 0x1B, 0x41, 0x40, 0x1B];
        let mut out = [0u8; 7];
        pack(septets, &mut out).unwrap();
        let text = Septets {
            packed: &out,
            count: septets.len(),
        };
        assert_eq!(text.to_string(), "{€A¡");
        for s in 0..128u8 {
            if s != ESCAPE {
                assert_eq!(septet_of(default_char(s)), Some(s));
            }
        }
        assert_eq!(septet_of('€'), None);
        assert_eq!(septet_of('\u{1B}'), None);
    }
}
