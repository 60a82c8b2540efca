//! `mms`: decode, inspect and check MMS PDUs and WAP pushes from the command line.
//!
//! ```text
//! cargo run --example mms                                   # decode a shipped sample, show usage
//! cargo run --example mms -- decode samples/m-send-req.mms  # every header, the parts, diagnostics
//! cargo run --example mms -- decode --json FILE             # the whole model as JSON
//! cargo run --example mms -- decode --json=readable FILE    # subject, addresses, dates, parts
//! cargo run --example mms -- encode FILE.json -o OUT         # that JSON (edited) back to octets
//! cargo run --example mms -- dump FILE                      # byte ranges, hex, field, value
//! cargo run --example mms -- roundtrip FILE                 # decode, re-encode, compare
//! cargo run --example mms -- bench [-t MS | -n N] FILE...   # time decode + part-header walk
//! ```
//!
//! FILE may be `-` for standard input; `--hex` reads the input as hex text, as PDUs pasted from
//! logs and bug reports are: plain hex (spaces, colons, newlines and `0x` prefixes ignored) or a
//! dump of `xxd`, `hexdump -C`, Wireshark ("Copy as Hex + ASCII Dump", `tshark -x`) or
//! `tcpdump -X`, whose offset and ASCII columns are recognised and left out (`mms/hexdump.rs`).
//!
//! A push still in its SMS framing (user data with its header, or a whole SMS-DELIVER TPDU as a
//! modem prints it) is recognised; the SMS of a push sent in several — several FILEs, the hex
//! lines of one FILE, or modem output (`+CMGR:` / `+CMGL:` / `+CMT:` then a hex line) — are
//! joined first (`mms/input.rs`). `--sms` insists on SMS.
//!
//! Exit codes: 0 done; 1 the input could not be decoded (or did not round-trip); 2 usage error;
//! 3 a file could not be read or written.

use std::io::Write as _;
use std::process::ExitCode;

use mms_pdu::DecodeOptions;

const SAMPLE: &[u8] = include_bytes!("../samples/m-send-req.mms");
const SAMPLE_NAME: &str = "samples/m-send-req.mms";

const USAGE: &str = "\
usage: mms <command> [options] FILE...

commands:
  decode FILE...   every header with its value, the body's parts (a tree when nested) and the
                   diagnostics; a bare MMS PDU (first octet 0x8C) or a WSP push carrying one,
                   bare or in its SMS framing (user data header, SMS-DELIVER TPDU)
  dump FILE...     an annotated listing: byte range, raw octets, field name and value
  roundtrip FILE...
                   decode, re-encode and compare byte for byte
  encode [-o OUT] [--hex] FILE.json
                   the JSON that decode --json prints (edited or not) back into a PDU or push
  bench [-t MS | -n N] FILE...
                   decode each file and walk its parts' headers for MS milliseconds (default
                   300) or exactly N times; one tab-separated line per file
  samples DIR      write one canonical PDU of each of the 24 message types (every field the
                   type allows filled in) and a push carrying a notification into DIR
  help [COMMAND]   this text, or a command's

options (decode, dump, roundtrip):
  --json           (decode) the whole model as JSON (also --json=exact)
  --json=readable  (decode) the PDU's readable view as JSON: text, addresses, dates, parts
  --hex            the input is hex text: plain hex, or a dump of xxd, hexdump -C,
                   Wireshark (Copy as Hex + ASCII Dump) or tcpdump -X
  --sms            the input is SMS: an SMS-DELIVER TPDU (SMSC address first) or SMS user
                   data whose header addresses WAP push (port 2948); fail if it is not
  --strict         refuse every deviation instead of reporting it
  FILE may be - for standard input. Several FILEs, the hex lines of one FILE (each an SMS),
  or modem output (+CMGR: / +CMGL: / +CMT: lines, each followed by a TPDU in hex) are the SMS
  segments of one push, in any order: they are joined and the push is decoded

exit status: 0 done, 1 input not decodable (or not byte-exact; for encode, JSON that does not
describe an encodable message), 2 usage error, 3 a file that cannot be read or written";

const DECODE_HELP: &str = "\
usage: mms decode [--json[=exact|readable]] [--hex] [--sms] [--strict] FILE...

Decodes a bare MMS PDU (first octet 0x8C) or a connectionless WSP push (TID, type 0x06, ...)
and prints every header with its typed value, the parts of a multipart body (nested ones
indented), and the deviations accepted while decoding (diagnostics). A part shows where its
data starts and where its entry (HeadersLen) starts; a text header shows the charset sent with
it and a byte-order mark the text drops (Subject: Hi [charset utf-8, BOM]). With --json the
whole model is printed as JSON instead, the SMS framing of a framed push included (encode
reads it back). With --json=readable the PDU is printed as its readable view: the subject and
other text as text, addresses, dates as RFC 3339, the attachments with content type, name and
size (for a push, the PDU it carries; a push that carries none prints \"pdu\": null and its
content type). FILE may be - for standard input; with --hex it is hex text, plain or a dump
of xxd, hexdump -C, Wireshark or tcpdump -X.

A push in its SMS framing is recognised: SMS user data with its user data header (a modem
that does not strip it: 06 05 04 0B 84 ...) or a whole SMS-DELIVER TPDU, SMSC address first,
as a modem prints it in PDU mode. The framing is shown before the push: the ports and
segment i of n, and for a TPDU the SMSC, originator, PID, DCS and time stamp. The SMS of a
push sent in several are joined: give them as several FILEs, as hex lines of one FILE (--hex),
or as modem output (+CMGR: / +CMGL: / +CMT: lines, each followed by a TPDU in hex), in any
order; each is listed before the joined push. One segment alone is refused (it says which
segment of how many it is). --sms requires the input to be SMS and fails if it is not.";

const DUMP_HELP: &str = "\
usage: mms dump [--hex] [--sms] [--strict] FILE...

Prints one line per header and per part: the offset, the length, the raw octets in hex (the
first 12), the field name and the decoded value; the diagnostics at their offsets. A push in
its SMS framing is listed after the framing's fields: an SMS-DELIVER's SMSC address, first
octet, TP-OA, TP-PID, TP-DCS, TP-SCTS and TP-UDL, and the user data header's UDHL and each
information element (ports, concatenation). Several
SMS (FILEs, hex lines, modem output) are joined first and the joined push is listed; see
mms help decode.";

const ROUNDTRIP_HELP: &str = "\
usage: mms roundtrip [--hex] [--sms] [--strict] FILE...

Decodes the input, encodes the model again and compares the two byte for byte; prints the first
differing offset when they differ (exit status 1). A push in its SMS framing is written back
in it; several SMS are joined first and the joined push is compared.";

const ENCODE_HELP: &str = "\
usage: mms encode [-o OUT] [--hex] FILE.json

Reads the JSON that `mms decode --json` prints, perhaps edited, and writes the PDU (or push)
it describes to OUT (`-` or no -o: standard output); --hex writes hex text instead of octets.
Unedited JSON gives back the decoded input byte for byte.

What is read: every header with its wire form; each part's content_type, headers and data (or,
without data, its nested multipart); a single body's data; trailing; a push's tid, pdu_type,
headers_len, content_type, headers and pdu (or body). Reporting fields (offset, text, lengths
in *_length, diagnostics) are ignored: edit data, not text. A part's headers_len and data_len
are recomputed when they no longer match; a multipart's declared_count and a push's
headers_len are written as given (leave them out to have them computed). A framed push's
framing.prefix (the SMS user data header, or the SMS-DELIVER TPDU up to the push) is written
before the push; framing.decoded is only reported, and when given must be what the prefix and
the push decode to. Octets that are not UTF-8 are written as \"hex:\" and hex digits.

Errors name the place in the JSON (at pdu.headers[3].header: ...); exit status 1.";

const SAMPLES_HELP: &str = "\
usage: mms samples DIR

Writes, built with the crate's builders, one canonical PDU for each of the 24 MMS message types
with every field that type allows (m-send-req.mms ... m-cancel-conf.mms) and a WSP push carrying
an m-notification-ind (push-notification.wsp) into DIR, creating it if needed.";

const BENCH_HELP: &str = "\
usage: mms bench [-t MS | -n N] FILE...

For each file: decodes it (a push and the PDU it carries too) and walks every part's headers,
repeatedly, and prints one tab-separated line. -t MS: for MS milliseconds (default 300) after a
warm-up of a tenth of that; -n N: exactly N times without warm-up (after the one untimed decode
that finds the message type), for instruction counts. MS and N are at least 1. Only the decodes
are timed, in batches of 64; the loop around them makes no heap allocation of its own.

Fields: mms-pdu, file, ok or FAIL:reason, message type (push: prefix for pushes), number of body
parts, iterations, mean nanoseconds per decode, median over the batches of the nanoseconds per
decode.";

/// Writes to standard output; a closed pipe (`mms dump FILE | head`) ends the output quietly
/// instead of panicking as `println!` would.
macro_rules! emit {
    ($($arg:tt)*) => {{
        let mut out = std::io::stdout().lock();
        if write!(out, $($arg)*).and_then(|()| out.flush()).is_err() {
            std::process::exit(0);
        }
    }};
}

macro_rules! emitln {
    ($($arg:tt)*) => {{
        let mut out = std::io::stdout().lock();
        if writeln!(out, $($arg)*).and_then(|()| out.flush()).is_err() {
            std::process::exit(0);
        }
    }};
}

#[path = "mms/bench.rs"]
mod bench;
#[path = "mms/convert.rs"]
mod convert;
#[path = "mms/dump.rs"]
mod dump;
#[path = "mms/hexdump.rs"]
mod hexdump;
#[path = "mms/input.rs"]
mod input;
#[path = "mms/render.rs"]
mod render;

use bench::bench_command;
use convert::{encode_command, roundtrip_command, samples_command};
use dump::dump_command;
use input::read_input;
use render::{decode_command, render};

/// A failure and the exit code it maps to.
enum Failure {
    /// 2: the command line is wrong.
    Usage(String),
    /// 1: the input is not what the command needs.
    Input(String),
    /// 3: a file (or standard input or output) cannot be read or written.
    Io(String),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or(&[]);
    let result = match args.first().map(String::as_str) {
        None => no_arguments(),
        Some("help" | "--help" | "-h") => help(rest.first().map(String::as_str)),
        Some(cmd) if rest.iter().any(|a| a == "--help" || a == "-h") => help(Some(cmd)),
        Some("decode") => read_input(rest, true).and_then(|i| decode_command(&i)),
        Some("dump") => read_input(rest, false).and_then(|i| dump_command(&i)),
        Some("roundtrip") => read_input(rest, false).and_then(|i| roundtrip_command(&i)),
        Some("encode") => encode_command(rest),
        Some("bench") => bench_command(rest),
        Some("samples") => samples_command(rest),
        Some(other) => Err(Failure::Usage(format!("unknown command '{other}'"))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(msg)) => {
            let _ = writeln!(std::io::stderr(), "mms: {msg}");
            ExitCode::from(1)
        }
        Err(Failure::Usage(msg)) => {
            let _ = writeln!(std::io::stderr(), "mms: {msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Io(msg)) => {
            let _ = writeln!(std::io::stderr(), "mms: {msg}");
            ExitCode::from(3)
        }
    }
}

fn help(command: Option<&str>) -> Result<(), Failure> {
    let text = match command {
        None | Some("help") => USAGE,
        Some("decode") => DECODE_HELP,
        Some("dump") => DUMP_HELP,
        Some("roundtrip") => ROUNDTRIP_HELP,
        Some("encode") => ENCODE_HELP,
        Some("bench") => BENCH_HELP,
        Some("samples") => SAMPLES_HELP,
        Some(other) => return Err(Failure::Usage(format!("unknown command '{other}'"))),
    };
    emitln!("{text}");
    Ok(())
}

fn no_arguments() -> Result<(), Failure> {
    emitln!("Decoding {SAMPLE_NAME}, a PDU that ships with the crate:\n");
    emitln!(
        "{}",
        render(SAMPLE_NAME, SAMPLE, &DecodeOptions::default())?
    );
    emitln!("\n{USAGE}");
    Ok(())
}

/// Where the corpus is (the integration tests' helper; a file cannot be found from inside
/// `mod tests`, whose folder does not exist).
#[cfg(test)]
#[path = "../tests/common/mod.rs"]
mod common;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use std::alloc::System;
    use std::path::PathBuf;

    use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

    use mms_pdu::codec::EncodedString;
    use mms_pdu::mms::{Address, MmsHeader};
    use mms_pdu::wsp::Multipart;

    use super::common;
    use crate::bench::{Amount, BATCH, timed_section};
    use crate::render::{header_line, render};
    use crate::{Failure, input::read_input};

    #[global_allocator]
    static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

    /// Heap allocations and reallocations made while `f` runs, the fewest of three runs: the
    /// allocator counts every thread, and the test harness's main thread allocates once while
    /// the test starts (when it begins to wait for it), which a single run may catch. What `f`
    /// allocates itself it allocates every time.
    fn allocations(mut f: impl FnMut()) -> usize {
        (0..3)
            .map(|_| {
                let region = Region::new(GLOBAL);
                f();
                let stats = region.change();
                stats.allocations + stats.reallocations
            })
            .min()
            .unwrap()
    }

    /// Set in the child process that runs the allocation test alone.
    const ALONE: &str = "MMS_CLI_ALLOCATION_TEST_ALONE";

    /// `-n N` decodes exactly N times, and its timed section allocates exactly what N calls of
    /// `mms_pdu::decode` do, for every sample and corpus file (those that fail to decode too).
    ///
    /// The allocator counts the whole process, and the other tests of this binary allocate in
    /// threads of their own all along: the test runs again, alone, in a child process of this
    /// binary.
    #[test]
    fn the_timed_section_allocates_only_what_the_decoder_does() {
        if std::env::var_os(ALONE).is_none() {
            let name = "tests::the_timed_section_allocates_only_what_the_decoder_does";
            let child = std::process::Command::new(std::env::current_exe().unwrap())
                .args(["--exact", name, "--test-threads=1"])
                .env(ALONE, "1")
                .output()
                .unwrap();
            let report =
                String::from_utf8_lossy(&child.stdout) + String::from_utf8_lossy(&child.stderr);
            assert!(child.status.success(), "{report}");
            // The child ran the test, not an empty selection.
            assert!(report.contains("1 passed"), "{report}");
            return;
        }
        let samples = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/samples"));
        let mut files = common::corpus_files(&samples);
        if let Some(corpus) = common::corpus_root() {
            files.extend(common::corpus_files(&corpus));
        }
        let mut allocating = 0;
        for path in &files {
            let bytes = std::fs::read(path).unwrap();
            let per_decode = allocations(|| {
                let _ = std::hint::black_box(mms_pdu::decode(std::hint::black_box(&bytes)));
            });
            allocating += usize::from(per_decode > 0);
            for n in [1, BATCH, 3 * BATCH + 5] {
                let mut record = Vec::with_capacity(usize::try_from(n.div_ceil(BATCH)).unwrap());
                let capacity = record.capacity();
                let mut iterations = 0;
                let timed = allocations(|| {
                    record.clear();
                    iterations = timed_section(&bytes, Amount::Count(n), &mut record).0;
                });
                let path = path.display();
                assert_eq!(iterations, n, "{path}: -n {n}");
                assert_eq!(record.len(), capacity, "{path}: -n {n}: one time per batch");
                assert_eq!(
                    timed,
                    usize::try_from(n).unwrap() * per_decode,
                    "{path}: -n {n}: allocations in the timed section, {per_decode} per decode"
                );
            }
        }
        // The comparison means something: today's decoder allocates (its header list).
        assert!(
            allocating > 0,
            "no file allocates: the count is not counting"
        );
    }

    /// A header whose text has a charset names it, and a byte-order mark is reported; other
    /// headers, and texts without either, read as their `Display` does.
    #[test]
    fn header_lines_show_charset_and_bom() {
        let subject = |s| header_line(&MmsHeader::Subject(s));
        let cases = [
            (
                EncodedString::with_charset(
                    mms_pdu::assigned::Charset::new(106),
                    b"\xEF\xBB\xBFHi",
                ),
                "Subject: Hi [charset utf-8, BOM]",
            ),
            (
                EncodedString::with_charset(mms_pdu::assigned::Charset::new(106), b"Hi"),
                "Subject: Hi [charset utf-8]",
            ),
            (
                EncodedString::with_charset(mms_pdu::assigned::Charset::new(3), b"Hi"),
                "Subject: Hi [charset us-ascii]",
            ),
            (EncodedString::plain(b"\xEF\xBB\xBFHi"), "Subject: Hi [BOM]"),
            (
                EncodedString::with_charset(mms_pdu::assigned::Charset::new(0), b"\xEF\xBB\xBFHi"),
                "Subject: Hi [charset *, BOM]",
            ),
            (
                EncodedString::with_charset(
                    mms_pdu::assigned::Charset::new(1015),
                    b"\xFE\xFF\x00H\x00i",
                ),
                "Subject: Hi [charset utf-16, BOM]",
            ),
            (
                EncodedString::with_charset(mms_pdu::assigned::Charset::new(1015), b"\x00H\x00i"),
                "Subject: Hi [charset utf-16]",
            ),
        ];
        for (s, want) in cases {
            assert_eq!(subject(s), want);
        }
        // What `Display` already showed stays as it was.
        for h in [
            MmsHeader::Subject(EncodedString::plain(b"Hi")),
            MmsHeader::Subject(EncodedString::with_charset(
                mms_pdu::assigned::Charset::new(4),
                b"\xE9t\xE9",
            )),
            MmsHeader::MessageId(mms_pdu::codec::TextString::new(b"\xEF\xBB\xBFid")),
            MmsHeader::To(Address::new(b"+15551234567/TYPE=PLMN")),
        ] {
            assert_eq!(header_line(&h), h.to_string());
        }
        let to = MmsHeader::To(Address::with_charset(
            mms_pdu::assigned::Charset::new(106),
            b"\xEF\xBB\xBF+1/TYPE=PLMN",
        ));
        assert_eq!(header_line(&to), "To: +1/TYPE=PLMN [charset utf-8, BOM]");
    }

    /// `data_offset` is where each part's data is in the input, nested parts too, for every
    /// sample and corpus file.
    #[test]
    fn data_offsets_point_at_the_data() {
        fn check(whole: &[u8], mp: &Multipart<'_>, seen: &mut usize) {
            for part in mp.parts().flatten() {
                let at = part.data_offset();
                assert!(at > part.offset);
                assert_eq!(
                    whole[at..].as_ptr(),
                    part.data.as_ptr(),
                    "part at {}",
                    part.offset
                );
                *seen += 1;
                if let Some(Ok(nested)) = part.nested() {
                    check(whole, &nested, seen);
                }
            }
        }
        let samples = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/samples"));
        let mut files = common::corpus_files(&samples);
        if let Some(corpus) = common::corpus_root() {
            files.extend(common::corpus_files(&corpus));
        }
        let mut seen = 0;
        for path in &files {
            let bytes = std::fs::read(path).unwrap();
            let Ok(message) = mms_pdu::decode(&bytes) else {
                continue;
            };
            if let Some(Ok(mp)) = message.pdu().and_then(mms_pdu::mms::Pdu::multipart) {
                check(&bytes, &mp, &mut seen);
            }
        }
        assert!(seen > 0, "no part was checked");
    }

    /// A scratch folder of this test process.
    fn scratch(test: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("mms-cli-{}-{test}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    /// The sample push in two SMS (reference 7), as user data and as SMS-DELIVERs.
    fn two_sms() -> (Vec<u8>, Vec<Vec<u8>>, Vec<Vec<u8>>) {
        use mms_pdu::codec::Encode;
        use mms_pdu::sms::{AddressBuf, Deliver, DeliverFields, Timestamp};
        let push = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/samples/push-notification.wsp"
        ))
        .unwrap();
        let (a, b) = push.split_at(40);
        let segs: Vec<Vec<u8>> = [(1, a), (2, b)]
            .iter()
            .map(|(n, part)| {
                let mut ud = vec![
                    0x0B, 0x00, 0x03, 7, 2, *n, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0,
                ];
                ud.extend_from_slice(part);
                ud
            })
            .collect();
        let smsc = AddressBuf::international("+491710760000").unwrap();
        let from = AddressBuf::international("+4916123456").unwrap();
        let stamp = Timestamp::from_octets([0x42, 0x20, 0x92, 0x31, 0x54, 0x03, 0x40]);
        let tpdus = segs
            .iter()
            .map(|ud| {
                let f =
                    DeliverFields::wap_push(Some(smsc.as_address()), from.as_address(), stamp, ud);
                Deliver::new(f).unwrap().encode_to_vec().unwrap()
            })
            .collect();
        (push, segs, tpdus)
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02X}")).collect()
    }

    /// Several FILEs, hex lines and modem output are SMS joined into the push they carry; the
    /// listing names each with its framing, and `roundtrip`'s comparison holds for the push.
    #[test]
    fn several_sms_are_joined_into_their_push() {
        let dir = scratch("join");
        let (push, segs, tpdus) = two_sms();
        let file = |name: &str, bytes: &[u8]| {
            let path = dir.join(name);
            std::fs::write(&path, bytes).unwrap();
            path.to_str().unwrap().to_owned()
        };
        let (s1, s2) = (file("s1.bin", &segs[0]), file("s2.bin", &segs[1]));
        let (t1, t2) = (file("t1.bin", &tpdus[0]), file("t2.bin", &tpdus[1]));
        let lines = file(
            "lines.hex",
            format!("{}\n{}\n", hex(&segs[1]), hex(&segs[0])).as_bytes(),
        );
        let modem = format!(
            "AT+CMGL=4\r\n+CMGL: 1,1,,{}\r\n{}\r\n+CMT: ,{}\r\n{}\r\nOK\r\n",
            tpdus[1].len() - 8,
            hex(&tpdus[1]),
            tpdus[0].len() - 8,
            hex(&tpdus[0])
        );
        let modem = file("modem.txt", modem.as_bytes());
        for (given, framing) in [
            (args(&[&s2, &s1]), "SMS user data"),
            (
                args(&[&t1, "--sms", &t2]),
                "SMS-DELIVER via SMSC +491710760000 from +4916123456",
            ),
            (args(&["--hex", &lines]), "SMS user data"),
            (args(&[&modem]), "SMS-DELIVER"),
            (args(&["--hex", &modem]), "SMS-DELIVER"),
        ] {
            let input = read_input(&given, true).unwrap_or_else(|_| panic!("{given:?}"));
            assert_eq!(input.bytes, push, "{given:?}");
            assert!(
                input
                    .sms
                    .starts_with("2 SMS joined into a push of 77 octets:\n"),
                "{given:?}"
            );
            assert_eq!(
                input.sms.matches(framing).count(),
                2,
                "{given:?}: {}",
                input.sms
            );
            assert!(
                input.sms.contains("segment 1 of 2 (reference 7, 8-bit)"),
                "{}",
                input.sms
            );
            let listing = render(&input.path, &input.bytes, &input.options)
                .ok()
                .unwrap();
            assert!(listing.contains("m-notification-ind"), "{listing}");
        }
        // One segment missing, a file that is not SMS among them, two pushes.
        let bare = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/push-notification.wsp");
        for (given, says) in [
            (args(&[&s1, &t1]), "SMS segment(s) 2 of 2 missing"),
            (args(&[&s1, bare]), "push-notification.wsp: not SMS"),
            (
                args(&[
                    &s1,
                    &s2,
                    &file(
                        "whole.bin",
                        &[&[0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0], &push[..]].concat(),
                    ),
                ]),
                "carry 2 pushes",
            ),
        ] {
            match read_input(&given, true) {
                Err(Failure::Input(msg)) => assert!(msg.contains(says), "{msg}"),
                _ => panic!("{given:?}"),
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// `--sms` takes SMS as they are (`decode` finds the framing and shows it), and refuses
    /// what is not SMS with exit status 1 (an input failure), not 2 or 3.
    #[test]
    fn the_sms_option_insists_on_sms() {
        let dir = scratch("sms");
        let (push, _, tpdus) = two_sms();
        let mut ud = vec![0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0];
        ud.extend_from_slice(&push);
        let ud_path = dir.join("ud.bin");
        std::fs::write(&ud_path, &ud).unwrap();
        let ud_path = ud_path.to_str().unwrap();
        let input = read_input(&args(&["--sms", ud_path]), false).ok().unwrap();
        assert_eq!(input.bytes, ud);
        assert!(input.sms.is_empty());
        let listing = render(&input.path, &input.bytes, &input.options)
            .ok()
            .unwrap();
        let mut lines = listing.lines().skip(1);
        assert_eq!(
            lines.next(),
            Some("SMS user data, user data header of 7 octets, ports 9200 -> 2948")
        );
        assert!(lines.next().unwrap().starts_with("WSP push: TID 1"));
        // One SMS-DELIVER of two: decoded alone, it says which segment it is.
        let t1 = dir.join("t1.bin");
        std::fs::write(&t1, &tpdus[0]).unwrap();
        let input = read_input(&args(&["--sms", t1.to_str().unwrap()]), false)
            .ok()
            .unwrap();
        match render(&input.path, &input.bytes, &input.options) {
            Err(Failure::Input(msg)) => assert!(msg.contains("SMS segment 1 of 2"), "{msg}"),
            _ => panic!("a segment alone decoded"),
        }
        for bare in ["push-notification.wsp", "m-send-req.mms"] {
            let path = format!("{}/samples/{bare}", env!("CARGO_MANIFEST_DIR"));
            assert!(read_input(&args(&[&path]), false).is_ok());
            match read_input(&args(&["--sms", &path]), false) {
                Err(Failure::Input(msg)) => assert!(msg.contains("not SMS"), "{msg}"),
                _ => panic!("{bare} taken for SMS"),
            }
        }
        assert!(matches!(
            read_input(&args(&["--sms"]), false),
            Err(Failure::Usage(_))
        ));
        assert!(matches!(
            read_input(&args(&["--sms", "/nonexistent/mms-cli"]), false),
            Err(Failure::Io(_))
        ));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
