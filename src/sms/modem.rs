//! The text a GSM modem prints for received SMS in PDU mode (3GPP TS 27.005 §3.4.3, §3.1,
//! `AT+CMGF=0`): a result line announcing the TPDU's length, then the SMSC address field and
//! the TPDU as one line of hex.
//!
//! ```text
//! +CMGR: <stat>,[<alpha>],<length>            (read one message)
//! +CMGL: <index>,<stat>,[<alpha>],<length>    (list messages)
//! +CMT: [<alpha>],<length>                    (new message routed to the terminal)
//! 0791947106004034440A91...                   (SMSC field + TPDU, <length> counts the TPDU)
//! ```

use alloc::vec::Vec;

use crate::base::error::{DecodeError, DecodeErrorKind, Expected};

/// The result codes that announce a PDU line, and how many fields each has in PDU mode (text
/// mode has more, and quoted status names, so its lines are not taken for PDU mode).
const ANNOUNCERS: [(&[u8], usize); 3] = [(b"+CMGR:", 3), (b"+CMGL:", 4), (b"+CMT:", 2)];

/// The TPDUs (each with its SMSC address field in front, as [`Deliver::decode`] takes them) in
/// modem output: one per `+CMGR:`, `+CMGL:` or `+CMT:` line in PDU mode, read from the hex line
/// that follows it. Other lines (the command echo, `OK`, `+CMTI:` indications, blank lines) are
/// skipped. The iterator stops after its first error.
///
/// [`Deliver::decode`]: crate::sms::Deliver::decode
///
/// ```
/// use mms_pdu::sms::{modem_pdus, Deliver};
/// let text = b"AT+CMGR=3\r\n+CMGR: 0,,27\r\n\
///     0491947140440A919461214365000442209231540340090605040B8423F00106\r\nOK\r\n";
/// let pdus: Vec<Vec<u8>> = modem_pdus(text).collect::<Result<_, _>>()?;
/// assert_eq!(pdus.len(), 1);
/// let sms = Deliver::decode(&pdus[0])?;
/// assert_eq!(sms.originator().to_string(), "+4916123456");
/// # Ok::<(), mms_pdu::DecodeError>(())
/// ```
pub fn modem_pdus(text: &[u8]) -> ModemPdus<'_> {
    ModemPdus {
        text,
        at: 0,
        failed: false,
    }
}

/// Iterator over the PDUs of modem output; see [`modem_pdus`].
#[derive(Debug, Clone)]
pub struct ModemPdus<'a> {
    text: &'a [u8],
    at: usize,
    failed: bool,
}

/// Whether `b` is ASCII whitespace a terminal may leave around a line.
const fn is_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r')
}

/// `line` without the blanks around it, and the offset of what is left within `line`.
fn trim(line: &[u8]) -> (usize, &[u8]) {
    let start = line
        .iter()
        .position(|&b| !is_blank(b))
        .unwrap_or(line.len());
    let end = line
        .iter()
        .rposition(|&b| !is_blank(b))
        .map_or(start, |e| e + 1);
    (start, line.get(start..end).unwrap_or(&[]))
}

/// The TPDU length a PDU-mode result line announces, or `None` for any other line.
fn announced_length(line: &[u8]) -> Option<usize> {
    let (prefix, fields) = ANNOUNCERS
        .iter()
        .find(|(prefix, _)| line.starts_with(prefix))?;
    let rest = line.get(prefix.len()..)?;
    // Split on the commas outside quotes (an <alpha> name may hold one).
    let mut count = 1;
    let mut last = 0;
    let mut quoted = false;
    for (i, &b) in rest.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => {
                count += 1;
                last = i + 1;
            }
            _ => {}
        }
    }
    if count != *fields {
        return None;
    }
    let (_, digits) = trim(rest.get(last..)?);
    if digits.is_empty() || digits.len() > 3 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(
        digits
            .iter()
            .fold(0usize, |n, &d| n * 10 + usize::from(d - b'0')),
    )
}

impl<'a> ModemPdus<'a> {
    /// The next line (without its end of line) and its offset; `None` at the end of the text.
    fn next_line(&mut self) -> Option<(usize, &'a [u8])> {
        let rest = self.text.get(self.at..).filter(|r| !r.is_empty())?;
        let end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        let (skip, line) = trim(rest.get(..end).unwrap_or(&[]));
        let offset = self.at + skip;
        self.at += (end + 1).min(rest.len());
        Some((offset, line))
    }

    /// Reads the hex line after a result line that announced `declared` TPDU octets.
    fn pdu_line(&mut self, declared: usize) -> Result<Vec<u8>, DecodeError> {
        let (at, hex) = loop {
            match self.next_line() {
                Some((_, [])) => {}
                Some(line) => break line,
                None => {
                    return Err(DecodeError {
                        offset: self.text.len(),
                        kind: DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 },
                        context: "PDU line",
                    });
                }
            }
        };
        if let Some(bad) = hex.iter().position(|b| !b.is_ascii_hexdigit()) {
            return Err(DecodeError {
                offset: at + bad,
                kind: DecodeErrorKind::UnexpectedOctet {
                    found: hex.get(bad).copied().unwrap_or(0),
                    expected: Expected::Value,
                },
                context: "PDU line",
            });
        }
        if hex.len() % 2 != 0 {
            return Err(DecodeError {
                offset: at + hex.len(),
                kind: DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 },
                context: "PDU line",
            });
        }
        let octets = base16ct::mixed::decode_vec(hex).map_err(|_| DecodeError {
            offset: at,
            kind: DecodeErrorKind::UnexpectedOctet {
                found: 0,
                expected: Expected::Value,
            },
            context: "PDU line",
        })?;
        // <length> counts the TPDU: everything after the SMSC address field.
        let smsc = octets.first().map_or(0, |&n| usize::from(n) + 1);
        let tpdu = octets.len().saturating_sub(smsc);
        let length_error = |kind| DecodeError {
            offset: at,
            kind,
            context: "PDU length",
        };
        if tpdu < declared || octets.len() < smsc {
            return Err(length_error(DecodeErrorKind::LengthExceedsInput {
                need: declared as u64,
                have: tpdu as u64,
            }));
        }
        if tpdu > declared {
            return Err(length_error(DecodeErrorKind::TrailingBytes {
                count: (tpdu - declared) as u64,
            }));
        }
        Ok(octets)
    }
}

impl Iterator for ModemPdus<'_> {
    type Item = Result<Vec<u8>, DecodeError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        loop {
            let (_, line) = self.next_line()?;
            if let Some(declared) = announced_length(line) {
                let result = self.pdu_line(declared);
                self.failed = result.is_err();
                return Some(result);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    #[test]
    fn announcers_in_pdu_mode_only() {
        assert_eq!(announced_length(b"+CMGR: 0,,27"), Some(27));
        assert_eq!(announced_length(b"+CMGR: 1,\"Bob, Jr\",156"), Some(156));
        assert_eq!(announced_length(b"+CMGL: 3,1,,40"), Some(40));
        assert_eq!(announced_length(b"+CMT: ,35"), Some(35));
        assert_eq!(announced_length(b"+CMT: \"\",35 "), Some(35));
        // Text mode, indications and other lines.
        assert_eq!(
            announced_length(b"+CMGR: \"REC READ\",\"+4917\",,\"24/02/29,13:45:30+04\""),
            None
        );
        assert_eq!(
            announced_length(
                b"+CMT: \"+4917\",,\"24/02/29,13:45:30+04\",145,4,0,0,\"+4917\",145,8"
            ),
            None
        );
        assert_eq!(announced_length(b"+CMTI: \"SM\",3"), None);
        assert_eq!(announced_length(b"+CMGR: 0,,"), None);
        assert_eq!(announced_length(b"+CMGR: 0,,1000"), None);
        assert_eq!(announced_length(b"OK"), None);
    }

    #[test]
    fn several_messages_and_noise() {
        let text = b"\r\n+CMTI: \"SM\",1\r\n+CMGL: 1,0,,1\r\n0000\r\n\r\n+CMGL: 2,1,\"x\",2\r\n\r\n00AB01\nOK\n";
        let pdus: Vec<_> = modem_pdus(text).collect();
        assert_eq!(pdus, [Ok(vec![0x00, 0x00]), Ok(vec![0x00, 0xAB, 0x01])]);
        assert_eq!(modem_pdus(b"OK\r\n").count(), 0);
        assert_eq!(modem_pdus(b"").count(), 0);
    }

    #[test]
    fn faults_are_positioned_and_stop_the_walk() {
        let mut it = modem_pdus(b"+CMT: ,2\r\n00G1\r\n+CMT: ,1\r\n0000\r\n");
        let err = it.next().unwrap().unwrap_err();
        assert_eq!((err.offset, err.context), (12, "PDU line"));
        assert_eq!(it.next(), None);
        let err = modem_pdus(b"+CMT: ,2\r\n000\r\n")
            .next()
            .unwrap()
            .unwrap_err();
        assert_eq!((err.offset, err.context), (13, "PDU line"));
        let err = modem_pdus(b"+CMT: ,2\r\n").next().unwrap().unwrap_err();
        assert_eq!((err.offset, err.context), (10, "PDU line"));
        // The announced length counts the TPDU after the SMSC field.
        let err = modem_pdus(b"+CMT: ,3\r\n0291940000")
            .next()
            .unwrap()
            .unwrap_err();
        assert_eq!(
            (err.offset, err.kind),
            (10, DecodeErrorKind::LengthExceedsInput { need: 3, have: 2 })
        );
        let err = modem_pdus(b"+CMT: ,1\r\n00000000")
            .next()
            .unwrap()
            .unwrap_err();
        assert_eq!(err.kind, DecodeErrorKind::TrailingBytes { count: 2 });
        // An SMSC length past the line.
        let err = modem_pdus(b"+CMT: ,0\r\n05").next().unwrap().unwrap_err();
        assert_eq!(err.context, "PDU length");
    }
}
