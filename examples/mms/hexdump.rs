//! `--hex`: the octets of hex text as it is pasted into bug reports and forums.
//!
//! Two shapes are read:
//!
//! - **plain hex**: digit pairs with whitespace, `:`, `,` or `;` between them and `0x` prefixes
//!   anywhere (`8c 80`, `8c:80`, `0x8c, 0x80`, `xxd -p`, Wireshark's "Copy as Hex Stream");
//! - **dumps**: every line starts with an offset column and may end in an ASCII column: `xxd`
//!   and `xxd -g1` (`00000000: 8c80 9854  ...T`), `hexdump -C` (`00000000  8c 80  |..|`),
//!   `od -A x -t x1z` (`>..<`), Wireshark's "Copy as Hex + ASCII Dump" and `tshark -x`
//!   (`0000  8c 80   ..`), `tcpdump -X` (`0x0000:  8c80  ..`). A `*` line (lines equal to
//!   the one before, left out by `hexdump` and `xxd -a`) is filled in from the next offset.
//!
//! The shape is told from the text itself. A dump's first offset is 0 and each next one is the
//! previous plus the octets read on the line before; text where that does not hold is plain
//! hex. On a dump line, the ASCII column is the text after the hex groups that spells their
//! octets (printable ASCII as itself, anything else as `.`; spaces and `|` or `>`/`<` borders
//! aside). At most one split of a line has that property, because every group moved from the
//! data to the column lengthens the one by an octet and shortens the other by two characters,
//! so an ASCII column that looks like hex (`deadbeef`) is never read as data. A line without
//! an ASCII column is all hex groups; its octet count is checked by the next line's offset.
//!
//! Not read: `hexdump` without `-C`, `od -x` and `xxd -e`, which print 16- or 32-bit words in
//! the machine's byte order; the first two are recognised (groups of four digits after an
//! offset without a colon, no ASCII column) and refused rather than read with swapped octets.

use std::fmt;

/// The most octets a `*` line may stand for: a dump that claims more is refused rather than
/// allocated (MMS messages are at most a few megabytes).
const MAX_REPEATED: u64 = 1 << 26;

/// Why hex text could not be read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct HexError {
    /// The line (from 1) the problem is on, when it is on one.
    pub(crate) line: Option<usize>,
    /// What is wrong.
    pub(crate) what: String,
}

impl HexError {
    fn at(line: usize, what: impl Into<String>) -> Self {
        Self {
            line: Some(line),
            what: what.into(),
        }
    }
}

impl fmt::Display for HexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(n) => write!(f, "line {n}: {}", self.what),
            None => f.write_str(&self.what),
        }
    }
}

/// The octets that `text` spells, as a dump when it is one, else as plain hex.
pub(crate) fn parse(text: &str) -> Result<Vec<u8>, HexError> {
    // Windows editors start a saved text with a BOM.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    match dump(text)? {
        Some(octets) => Ok(octets),
        None => plain(text),
    }
}

/// Plain hex: every character a hex digit, a separator or part of a `0x` prefix.
fn plain(text: &str) -> Result<Vec<u8>, HexError> {
    let mut digits = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.replace("0x", " ").replace("0X", " ");
        let separator = |c: char| c.is_whitespace() || matches!(c, ':' | ',' | ';');
        for token in line.split(separator).filter(|t| !t.is_empty()) {
            if !token.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(HexError::at(i + 1, format!("'{token}'")));
            }
            digits.extend_from_slice(token.as_bytes());
        }
    }
    if digits.len() % 2 != 0 {
        return Err(HexError {
            line: None,
            what: "odd number of hex digits".into(),
        });
    }
    // Only hex digits were kept, in pairs: this cannot fail, but an error stays an error.
    base16ct::mixed::decode_vec(&digits).map_err(|e| HexError {
        line: None,
        what: format!("not hex: {e}"),
    })
}

/// What a dump line holds after its offset column.
struct DataColumn {
    octets: Vec<u8>,
    /// An ASCII column after the octets spells them.
    verified: bool,
    /// Every group has four digits (16-bit words: `hexdump`, `od -x`).
    words: bool,
}

/// The text as a dump: `Ok(None)` when it is not one (then it may be plain hex), an error when
/// it is one beyond doubt (an offset with a colon, a confirmed ASCII column, or two lines whose
/// offsets agree) but does not hold together.
fn dump(text: &str) -> Result<Option<Vec<u8>>, HexError> {
    let mut out: Vec<u8> = Vec::new();
    // Where the last line's octets are in `out`, for a `*` line after it.
    let mut last = 0..0;
    let (mut rows, mut repeat, mut closed) = (0usize, false, false);
    let (mut sure, mut words) = (false, true);
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let not_a_dump = |what: String| {
            if sure {
                Err(HexError::at(number, what))
            } else {
                Ok(None)
            }
        };
        if trimmed == "*" {
            if rows == 0 || repeat || closed {
                return not_a_dump("'*' with no line before it to repeat".into());
            }
            repeat = true;
            continue;
        }
        let Some((offset, colon, rest)) = offset_column(trimmed) else {
            return not_a_dump(format!("no offset column in a dump: '{trimmed}'"));
        };
        if rows == 0 && offset != 0 {
            return Ok(None);
        }
        if closed {
            return not_a_dump("a line after the dump's closing offset".into());
        }
        let end = u64::try_from(out.len()).unwrap_or(u64::MAX);
        if repeat {
            let unit = u64::try_from(last.len()).unwrap_or(0);
            let gap = offset.saturating_sub(end);
            if offset < end || unit == 0 || gap % unit != 0 || gap > MAX_REPEATED {
                return not_a_dump(format!(
                    "offset {offset:#x} after '*' is not the end of whole repeated lines"
                ));
            }
            let copy = out
                .get(last.clone())
                .map(<[u8]>::to_vec)
                .unwrap_or_default();
            for _ in 0..gap / unit {
                out.extend_from_slice(&copy);
            }
            repeat = false;
        } else if offset != end {
            return not_a_dump(format!(
                "offset {offset:#x}, but the lines before it hold {end:#x} octets"
            ));
        }
        let column = data_column(rest);
        sure |= colon || column.verified;
        words &= !colon && !column.verified && column.words;
        if column.octets.is_empty() {
            // `hexdump -C` and `od` close with the offset of the end.
            closed = true;
        } else {
            rows += 1;
            let start = out.len();
            out.extend_from_slice(&column.octets);
            last = start..out.len();
        }
    }
    if repeat {
        let what = "'*' at the end: the offset that closes the dump is missing";
        return if sure {
            Err(HexError {
                line: None,
                what: what.into(),
            })
        } else {
            Ok(None)
        };
    }
    // Two offsets that agree: two lines of octets, or one and the closing offset.
    sure |= rows >= 2 || rows == 1 && closed;
    if !sure {
        return Ok(None);
    }
    if words && !out.is_empty() {
        return Err(HexError {
            line: None,
            what: "16-bit words in the machine's byte order (`hexdump` without -C, `od -x`): \
                   give `hexdump -C`, `xxd` or plain hex"
                .into(),
        });
    }
    Ok(Some(out))
}

/// A dump's offset column: at least four hex digits (every dump writes four or more), with
/// `0x` (tcpdump) and a trailing `:` (xxd, tcpdump) optional. Gives the offset, whether it had
/// a colon, and the rest of the line.
fn offset_column(line: &str) -> Option<(u64, bool, &str)> {
    let end = line.find(char::is_whitespace).unwrap_or(line.len());
    let (token, rest) = line.split_at(end);
    let token = token.strip_prefix("0x").unwrap_or(token);
    let (digits, colon) = match token.strip_suffix(':') {
        Some(d) => (d, true),
        None => (token, false),
    };
    if !(4..=16).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    Some((u64::from_str_radix(digits, 16).ok()?, colon, rest))
}

/// The octets of a dump line after its offset: the hex groups before the ASCII column that
/// spells them, or every leading hex group when no such column follows.
fn data_column(rest: &str) -> DataColumn {
    let spans = token_spans(rest);
    let mut octets = Vec::new();
    // ends[k]: octets in the first k groups; after[k]: the text after them.
    let mut ends = vec![0];
    let mut after = vec![rest];
    let mut words = true;
    for &(start, end) in &spans {
        let Some(group) = rest.get(start..end) else {
            break;
        };
        if group.len() % 2 != 0 || !group.bytes().all(|b| b.is_ascii_hexdigit()) {
            break;
        }
        let Ok(decoded) = base16ct::mixed::decode_vec(group) else {
            break;
        };
        words &= group.len() == 4;
        octets.extend_from_slice(&decoded);
        ends.push(octets.len());
        after.push(rest.get(end..).unwrap_or(""));
    }
    for (&n, column) in ends.iter().zip(&after) {
        let Some(data) = octets.get(..n) else {
            continue;
        };
        if n > 0 && spells(column, data) {
            octets.truncate(n);
            return DataColumn {
                octets,
                verified: true,
                words: false,
            };
        }
    }
    DataColumn {
        octets,
        verified: false,
        words,
    }
}

/// Byte ranges of the whitespace-separated tokens of `s`.
fn token_spans(s: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(b)) => {
                spans.push((b, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(b) = start {
        spans.push((b, s.len()));
    }
    spans
}

/// `column` is the ASCII rendering of `octets`: printable ASCII as itself, anything else as
/// `.`, compared without whitespace (dumps put spaces around and inside the column; a forum
/// may squeeze them), with or without `|...|` (hexdump -C) or `>...<` (od) around it.
fn spells(column: &str, octets: &[u8]) -> bool {
    let shown: String = column.chars().filter(|c| !c.is_whitespace()).collect();
    let expected: String = octets
        .iter()
        .filter(|&&b| b != b' ')
        .map(|&b| {
            if b.is_ascii_graphic() {
                char::from(b)
            } else {
                '.'
            }
        })
        .collect();
    shown == expected
        || [('|', '|'), ('>', '<')].iter().any(|&(open, close)| {
            shown
                .strip_prefix(open)
                .and_then(|s| s.strip_suffix(close))
                .is_some_and(|inner| inner == expected)
        })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::{HexError, parse};

    /// The 33 octets every dump below shows: `deadbeef`, `|x|`, spaces, `0123456789` in the
    /// data, so that the ASCII column looks like hex and holds the borders hexdump uses.
    const DATA: &[u8] = b"\x8c\x80\x98T1\x00deadbeef|x|  ab\xff\x7f0123456789";

    #[test]
    fn xxd() {
        let text = "\
00000000: 8c80 9854 3100 6465 6164 6265 6566 7c78  ...T1.deadbeef|x
00000010: 7c20 2061 62ff 7f30 3132 3334 3536 3738  |  ab..012345678
00000020: 39                                       9
";
        assert_eq!(parse(text).unwrap(), DATA);
    }

    #[test]
    fn xxd_one_octet_groups() {
        let text = "\
00000000: 8c 80 98 54 31 00 64 65 61 64 62 65 65 66 7c 78  ...T1.deadbeef|x
00000010: 7c 20 20 61 62 ff 7f 30 31 32 33 34 35 36 37 38  |  ab..012345678
00000020: 39                                               9
";
        assert_eq!(parse(text).unwrap(), DATA);
    }

    #[test]
    fn xxd_plain() {
        let text = "8c809854310064656164626565667c787c20206162ff7f30313233343536\n373839\n";
        assert_eq!(parse(text).unwrap(), DATA);
    }

    #[test]
    fn hexdump_canonical() {
        let text = "\
00000000  8c 80 98 54 31 00 64 65  61 64 62 65 65 66 7c 78  |...T1.deadbeef|x|
00000010  7c 20 20 61 62 ff 7f 30  31 32 33 34 35 36 37 38  ||  ab..012345678|
00000020  39                                                |9|
00000021
";
        assert_eq!(parse(text).unwrap(), DATA);
    }

    #[test]
    fn od_with_ascii() {
        let text = "\
000000 8c 80 98 54 31 00 64 65 61 64 62 65 65 66 7c 78  >...T1.deadbeef|x<
000010 7c 20 20 61 62 ff 7f 30 31 32 33 34 35 36 37 38  >|  ab..012345678<
000020 39                                               >9<
000021
";
        assert_eq!(parse(text).unwrap(), DATA);
    }

    /// `tshark -x` (Wireshark 4.0) writes what the GUI's "Copy as Hex + ASCII Dump" does.
    #[test]
    fn wireshark() {
        let text = "\
0000  8c 80 98 54 31 00 64 65 61 64 62 65 65 66 7c 78   ...T1.deadbeef|x
0010  7c 20 20 61 62 ff 7f 30 31 32 33 34 35 36 37 38   |  ab..012345678
0020  39                                                9
";
        assert_eq!(parse(text).unwrap(), DATA);
    }

    /// Older Wireshark: a gap after the eighth octet in both columns.
    #[test]
    fn wireshark_with_gaps() {
        let text = "\
0000  8c 80 98 54 31 00 64 65  61 64 62 65 65 66 7c 78   ...T1.de adbeef|x
0010  7c 20 20 61 62 ff 7f 30  31 32 33 34 35 36 37 38   |  ab..0 12345678
0020  39                                                 9
";
        assert_eq!(parse(text).unwrap(), DATA);
    }

    #[test]
    fn tcpdump() {
        let text = "\
\t0x0000:  8c80 9854 3100 6465 6164 6265 6566 7c78  ...T1.deadbeef|x
\t0x0010:  7c20 2061 62ff 7f30 3132 3334 3536 3738  |  ab..012345678
\t0x0020:  39                                       9
";
        assert_eq!(parse(text).unwrap(), DATA);
    }

    /// An ASCII column that does not spell its line (edited, or a tool that shows a space as
    /// `.`): the line is read by its leading groups, and the next offset checks the count.
    #[test]
    fn a_column_that_does_not_spell_its_line() {
        let text = "\
00000000: 8c80 9854 3100 6465 6164 6265 6566 7c78  ...T1.deadbeef|x
00000010: 7c20 2061 62ff 7f30 3132 3334 3536 3738  |..ab..012345678
00000020: 39                                       9
";
        assert_eq!(parse(text).unwrap(), DATA);
        // Such a column whose first word looks like a group: read as one, the line has an
        // octet too many, and the next offset says so.
        let long = text.replace("|..ab", "ab ab");
        assert_eq!(parse(&long).unwrap_err().line, Some(3));
    }

    /// The last line is the one no later offset checks: its ASCII column alone must tell
    /// where the data ends, even when every character of it is a hex digit.
    #[test]
    fn a_hex_looking_ascii_column_is_not_data() {
        for text in [
            "00000000: 6465 6164 6265 6566                      deadbeef\n",
            "00000000  64 65 61 64 62 65 65 66                           |deadbeef|\n00000008\n",
            "0000  64 65 61 64 62 65 65 66                           deadbeef\n",
            "0000   64 65 61 64 62 65 65 66   dead beef\n",
        ] {
            assert_eq!(parse(text).unwrap(), b"deadbeef", "{text}");
        }
        // Without an offset column the same text is plain hex, all of it.
        assert_eq!(
            parse("6465 6164 6265 6566 deadbeef").unwrap(),
            b"deadbeef\xde\xad\xbe\xef"
        );
    }

    #[test]
    fn repeated_lines() {
        let mut want = vec![0x8c, 0x80];
        want.extend([0; 78]);
        want.extend(b"deadbeef");
        let hexdump = "\
00000000  8c 80 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|
00000010  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|
*
00000050  64 65 61 64 62 65 65 66                           |deadbeef|
00000058
";
        assert_eq!(parse(hexdump).unwrap(), want);
        let xxd = "\
00000000: 8c80 0000 0000 0000 0000 0000 0000 0000  ................
00000010: 0000 0000 0000 0000 0000 0000 0000 0000  ................
*
00000050: 6465 6164 6265 6566                      deadbeef
";
        assert_eq!(parse(xxd).unwrap(), want);
        // A '*' that does not stand for whole lines, or stands for too many, is refused.
        let bad = hexdump.replace("00000050", "00000051");
        assert_eq!(parse(&bad).unwrap_err().line, Some(4));
        let huge = hexdump.replace("00000050", "7ffffff0");
        assert_eq!(parse(&huge).unwrap_err().line, Some(4));
        let last = "00000000: 0000 0000  ....\n*\n";
        assert!(parse(last).unwrap_err().what.contains("'*' at the end"));
    }

    #[test]
    fn plain_hex() {
        let want = [0x8c, 0x80, 0x98, 0x54];
        for text in [
            "8c 80 98 54",
            "8C80\n9854\n",
            "8c:80:98:54",
            "0x8c, 0x80, 0x98, 0x54",
            "0x8C0x800x980x54",
            "\u{FEFF}8c80 9854\r\n",
            "  8c\t80 98\u{A0}54  ",
        ] {
            assert_eq!(parse(text).unwrap(), want, "{text:?}");
        }
        // Four-digit groups whose first one could be an offset, but the next line's is not.
        assert_eq!(
            parse("0000 8c80\n9854 3100\n").unwrap(),
            [0, 0, 0x8c, 0x80, 0x98, 0x54, 0x31, 0]
        );
        // One line, an offset-looking first group, no colon, no ASCII column: plain.
        assert_eq!(
            parse("0000 8c80 9854").unwrap(),
            [0, 0, 0x8c, 0x80, 0x98, 0x54]
        );
    }

    #[test]
    fn what_is_refused() {
        assert_eq!(
            parse("8c 8").unwrap_err(),
            HexError {
                line: None,
                what: "odd number of hex digits".into()
            }
        );
        assert_eq!(
            parse("8c 80\n98 zz").unwrap_err().to_string(),
            "line 2: 'zz'"
        );
        assert_eq!(parse("").unwrap(), b"");
        // A dump beyond doubt whose offsets do not follow its octets (od's default octal
        // offsets read as hex): refused at the line, not read as plain hex.
        let octal = "\
0000000 8c 80 98 54 31 00 64 65 61 64 62 65 65 66 7c 78  >...T1.deadbeef|x<
0000020 7c 20 20 61 62 ff 7f 30 31 32 33 34 35 36 37 38  >|  ab..012345678<
";
        assert_eq!(parse(octal).unwrap_err().line, Some(2));
        let missing = "00000000: 8c80 9854  ...T\n00000010: 3100  1.\n";
        assert_eq!(parse(missing).unwrap_err().line, Some(2));
        // hexdump without -C: little-endian words, refused rather than read swapped.
        let words = "0000000 808c 5498 0031\n0000006\n";
        assert!(parse(words).unwrap_err().what.contains("16-bit words"));
        // A line that is not part of the dump.
        let junk = "00000000: 8c80 9854  ...T\nhello\n";
        assert_eq!(parse(junk).unwrap_err().line, Some(2));
    }
}
