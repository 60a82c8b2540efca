//! `mms bench`: time decode plus the walk of every part's headers.

use std::io::Write as _;
use std::time::{Duration, Instant};

use mms_pdu::assigned::MessageType;
use mms_pdu::mms::Pdu;
use mms_pdu::{DecodeError, Message};

use crate::Failure;

// ---------------------------------------------------------------------------------------------
// bench
//
// The binary keeps the system allocator: a counting one (stats_alloc, four SeqCst atomics per
// allocation and free) added about 20 ns to every allocation the decoder makes, 6-10 % of a
// decode. That the timed loop allocates nothing beyond the decoder is proved by the test below,
// which counts.

/// Decodes timed together, one clock reading per batch.
pub(crate) const BATCH: u64 = 64;

/// Batch times kept for the median at most (8 MiB); later batches still count in the mean.
pub(crate) const MAX_RECORDED_BATCHES: usize = 1 << 20;

/// How much decoding `bench` does per file.
#[derive(Clone, Copy)]
pub(crate) enum Amount {
    /// For this long (never zero), after a warm-up of a tenth of it.
    Time(Duration),
    /// Exactly this many timed decodes (never zero), without warm-up, so that two runs differ
    /// only by their decodes (instruction counts: `valgrind --tool=callgrind`, two N subtracted).
    Count(u64),
}

impl Amount {
    /// The size of the next batch, or `None` when done.
    fn next_batch(self, start: Instant, done: u64) -> Option<u64> {
        match self {
            Self::Time(budget) => (start.elapsed() < budget).then_some(BATCH),
            Self::Count(n) => (done < n).then(|| BATCH.min(n - done)),
        }
    }
}

/// What one decode and walk found. `Copy` and free of text, so that the timed loop allocates
/// nothing of its own; the text of `kind` is made once, outside it.
#[derive(Clone, Copy)]
pub(crate) struct Walked {
    push: bool,
    message_type: Option<MessageType>,
    parts: usize,
}

impl Walked {
    /// `m-send-req`, `push:m-notification-ind`, `push:opaque` (a push that carries no MMS PDU).
    fn kind(self) -> String {
        let prefix = if self.push { "push:" } else { "" };
        match self.message_type {
            Some(t) => format!("{prefix}{t}"),
            None => format!("{prefix}opaque"),
        }
    }
}

/// What `bench` measured for one file.
pub(crate) struct Timing {
    iterations: u64,
    mean_ns: u128,
    /// The median over the batches of the time per decode in the batch: robust against other
    /// processes taking the CPU for a while.
    median_ns: f64,
}

/// Decodes `bytes` (a push and the PDU it carries too) and walks every part's headers.
pub(crate) fn decode_and_walk(bytes: &[u8]) -> Result<Walked, DecodeError> {
    let message = mms_pdu::decode(bytes)?;
    std::hint::black_box(&message);
    let (push, pdu) = match &message {
        Message::Pdu(p) => (false, Some(p)),
        Message::Push(p) => (true, p.pdu.as_ref()),
    };
    let mut parts = 0;
    if let Some(Ok(mp)) = pdu.and_then(Pdu::multipart) {
        for part in mp.parts().flatten() {
            parts += 1;
            std::hint::black_box(part.headers.iter().count());
        }
    }
    Ok(Walked {
        push,
        message_type: pdu.and_then(Pdu::message_type),
        parts,
    })
}

/// `-t MS` or `-n N`: a positive whole number.
pub(crate) fn positive(flag: &str, value: Option<&String>, what: &str) -> Result<u64, Failure> {
    let v = value.ok_or_else(|| Failure::Usage(format!("{flag} needs a number of {what}")))?;
    match v.parse::<u64>() {
        Ok(0) => Err(Failure::Usage(format!("{flag} 0: give at least 1"))),
        Ok(n) => Ok(n),
        Err(_) => Err(Failure::Usage(format!("{flag}: not a number: {v}"))),
    }
}

pub(crate) fn bench_command(args: &[String]) -> Result<(), Failure> {
    let mut amount = None;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let given = match a.as_str() {
            "-t" => Amount::Time(Duration::from_millis(positive(
                a,
                it.next(),
                "milliseconds",
            )?)),
            "-n" => Amount::Count(positive(a, it.next(), "decodes")?),
            flag if flag.starts_with('-') => {
                return Err(Failure::Usage(format!("unknown option '{flag}'")));
            }
            file => {
                files.push(file);
                continue;
            }
        };
        if amount.replace(given).is_some() {
            return Err(Failure::Usage("give one -t MS or -n N".into()));
        }
    }
    if files.is_empty() {
        return Err(Failure::Usage("bench needs at least one FILE".into()));
    }
    let amount = amount.unwrap_or(Amount::Time(Duration::from_millis(300)));
    for path in files {
        let bytes =
            std::fs::read(path).map_err(|e| Failure::Io(format!("cannot read {path}: {e}")))?;
        let (status, kind, parts) = match decode_and_walk(&bytes) {
            Ok(walked) => ("ok".to_owned(), walked.kind(), walked.parts),
            Err(e) => (format!("FAIL:{e}"), "-".to_owned(), 0),
        };
        let t = time_decodes(&bytes, amount);
        emitln!(
            "mms-pdu\t{path}\t{status}\t{kind}\t{parts}\t{}\t{}\t{:.0}",
            t.iterations,
            t.mean_ns,
            t.median_ns
        );
    }
    Ok(())
}

/// Warms up (for `-t`), runs the timed section and takes the median of its batches.
pub(crate) fn time_decodes(bytes: &[u8], amount: Amount) -> Timing {
    let batches = match amount {
        Amount::Time(budget) => {
            let warm = Instant::now();
            let mut warm_decodes: u64 = 0;
            while warm.elapsed() < budget / 10 {
                let _ = std::hint::black_box(decode_and_walk(std::hint::black_box(bytes)));
                warm_decodes += 1;
            }
            // The warm-up ran for a tenth of the budget: room for twice the batches it predicts.
            warm_decodes.saturating_mul(20) / BATCH + 16
        }
        Amount::Count(n) => n.div_ceil(BATCH),
    };
    let capacity =
        usize::try_from(batches).map_or(MAX_RECORDED_BATCHES, |b| b.min(MAX_RECORDED_BATCHES));
    let mut per_decode = Vec::with_capacity(capacity);
    let (iterations, elapsed) = timed_section(bytes, amount, &mut per_decode);
    per_decode.sort_unstable_by(f64::total_cmp);
    let middle = per_decode.len() / 2;
    let median_ns = match (per_decode.len() % 2, per_decode.get(middle)) {
        (_, None) => 0.0,
        (1, Some(m)) => *m,
        (_, Some(high)) => (per_decode.get(middle - 1).copied().unwrap_or(*high) + high) / 2.0,
    };
    Timing {
        iterations,
        mean_ns: elapsed.as_nanos() / u128::from(iterations.max(1)),
        median_ns,
    }
}

/// The timed section: `decode_and_walk` over `bytes` in batches as `amount` says, the time per
/// decode of each batch pushed to `record` while it has room (it never grows). Returns the
/// number of decodes and the time they took.
pub(crate) fn timed_section(
    bytes: &[u8],
    amount: Amount,
    record: &mut Vec<f64>,
) -> (u64, Duration) {
    let start = Instant::now();
    let mut iterations: u64 = 0;
    while let Some(len) = amount.next_batch(start, iterations) {
        let batch = Instant::now();
        for _ in 0..len {
            let _ = std::hint::black_box(decode_and_walk(std::hint::black_box(bytes)));
        }
        let ns = batch.elapsed().as_nanos();
        iterations += len;
        if record.len() < record.capacity() {
            record.push(ns as f64 / len as f64);
        }
    }
    (iterations, start.elapsed())
}
