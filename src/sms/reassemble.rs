//! Bounded reassembly of concatenated SMS (3GPP TS 23.040 §9.2.3.24.1, §9.2.3.24.8).
//!
//! Segments of one message are matched by a caller-supplied key (typically the sender's
//! address, hashed or interned into a small `Copy` value) together with the concatenation
//! reference from the user data header. They may arrive in any order; an exact duplicate is
//! ignored, a duplicate with different content is an error. Memory is bounded by
//! [`ReassemblyLimits`]: only octets actually received are stored, and when a new message or new
//! octets would exceed a cap the oldest pending messages are evicted first; a single message
//! larger than the byte cap is refused.
//!
//! [`join_segments`](crate::sms::join_segments) runs a batch of segments (or SMS-DELIVERs)
//! given at once through a `Reassembler`.

use alloc::vec::Vec;

use core::fmt;

use crate::base::error::DecodeError;
use crate::sms::segment::ConcatReference;
use crate::sms::udh::{Concatenation, split_user_data};

/// Caps on what a [`Reassembler`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReassemblyLimits {
    /// Most messages waiting for segments at once; beyond it the oldest is evicted.
    pub max_pending_messages: usize,
    /// Most payload octets held across all pending messages.
    pub max_pending_bytes: usize,
    /// Most segments one message may announce.
    pub max_segments: u8,
}

impl ReassemblyLimits {
    /// 16 messages, 64 KiB, 32 segments (a WAP push notification needs one to three).
    pub const DEFAULT: Self = ReassemblyLimits {
        max_pending_messages: 16,
        max_pending_bytes: 64 * 1024,
        max_segments: 32,
    };
}

impl Default for ReassemblyLimits {
    fn default() -> Self {
        ReassemblyLimits::DEFAULT
    }
}

/// Why a segment was not accepted by a [`Reassembler`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReassemblyError {
    /// The user data header did not decode.
    #[error("malformed user data header: {0}")]
    Header(DecodeError),
    /// The concatenation element announced 0 segments.
    #[error("concatenation announces 0 segments")]
    ZeroTotal,
    /// A sequence number of 0 or above the announced total.
    #[error("segment number {sequence} outside 1..={total}")]
    InvalidSequence {
        /// The segment's number.
        sequence: u8,
        /// The announced total.
        total: u8,
    },
    /// A segment announced a different total than earlier segments of the same message.
    #[error("segment announces {found} segments, earlier ones {expected}")]
    TotalMismatch {
        /// The total of the pending message.
        expected: u8,
        /// The total of this segment.
        found: u8,
    },
    /// A second segment with the same number but different content.
    #[error("segment {sequence} received twice with different content")]
    ConflictingDuplicate {
        /// The segment's number.
        sequence: u8,
    },
    /// A message announced more segments than [`ReassemblyLimits::max_segments`].
    #[error("message of {total} segments exceeds the limit of {limit}")]
    TooManySegments {
        /// The announced total.
        total: u8,
        /// The configured limit.
        limit: u8,
    },
    /// The message alone would exceed [`ReassemblyLimits::max_pending_bytes`]; it was dropped.
    #[error("message exceeds the reassembly byte limit of {limit}")]
    TooManyBytes {
        /// The configured limit.
        limit: usize,
    },
    /// [`ReassemblyLimits::max_pending_messages`] is 0, so no multi-segment message can wait.
    #[error("no room for pending messages")]
    NoRoom,
}

/// The reference as a [`Reassembler`] keys it: 8- and 16-bit references are different name
/// spaces.
fn reference_of(concat: &Concatenation) -> ConcatReference {
    match u8::try_from(concat.reference) {
        Ok(r) if !concat.wide_reference => ConcatReference::Eight(r),
        _ => ConcatReference::Sixteen(concat.reference),
    }
}

#[derive(Debug, Clone)]
struct Pending<K> {
    key: K,
    reference: ConcatReference,
    total: u8,
    /// Arrival order of the message's first segment, for eviction.
    started: u64,
    /// Received segments sorted by sequence number.
    segments: Vec<(u8, Vec<u8>)>,
    bytes: usize,
}

/// A message still waiting for segments, as reported by [`Reassembler::pending`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PendingMessage<K> {
    /// The caller's key.
    pub key: K,
    /// The concatenation reference.
    pub reference: ConcatReference,
    /// Announced number of segments.
    pub total: u8,
    /// Segments received so far.
    pub received: u8,
    /// Payload octets held.
    pub bytes: usize,
}

/// Reassembles concatenated SMS user data into whole payloads, with bounded memory.
///
/// ```
/// use mms_pdu::sms::{segment_to_vecs, Reassembler, ReassemblyLimits, SegmentOptions};
/// let push: Vec<u8> = (0..=255).collect();
/// let segs = segment_to_vecs(&push, &SegmentOptions::wap_push(9)).unwrap();
/// assert_eq!(segs.len(), 2);
/// let mut r = Reassembler::new(ReassemblyLimits::DEFAULT);
/// let sender = 0x4412_3456_u64;
/// assert_eq!(r.push(sender, &segs[1]).unwrap(), None);
/// assert_eq!(r.push(sender, &segs[1]).unwrap(), None); // exact duplicate: ignored
/// assert_eq!(r.push(sender, &segs[0]).unwrap(), Some(push));
/// ```
#[derive(Debug, Clone)]
pub struct Reassembler<K> {
    limits: ReassemblyLimits,
    pending: Vec<Pending<K>>,
    bytes: usize,
    clock: u64,
    evicted: u64,
}

impl<K: Copy + Eq> Reassembler<K> {
    /// An empty reassembler with the given caps.
    pub const fn new(limits: ReassemblyLimits) -> Self {
        Reassembler {
            limits,
            pending: Vec::new(),
            bytes: 0,
            clock: 0,
            evicted: 0,
        }
    }

    /// Adds one SMS user data (with its header; TP-UDHI set) received from `key`. Returns the
    /// whole payload (the segments' payloads joined in order, headers removed) when this segment
    /// completes its message, `None` while segments are missing. User data without a
    /// concatenation element (or announcing 1 segment) is complete by itself.
    ///
    /// # Errors
    /// [`ReassemblyError`]: a malformed header, an invalid total or sequence number, a total
    /// that differs from earlier segments, a conflicting duplicate, or a message over the caps.
    /// A failed segment leaves the pending messages as they were, except that a message too
    /// large for the byte cap is dropped.
    pub fn push(&mut self, key: K, user_data: &[u8]) -> Result<Option<Vec<u8>>, ReassemblyError> {
        let (udh, payload) = split_user_data(user_data).map_err(ReassemblyError::Header)?;
        let Some(concat) = udh.concatenation() else {
            return Ok(Some(payload.to_vec()));
        };
        let (total, sequence) = (concat.total, concat.sequence);
        if total == 0 {
            return Err(ReassemblyError::ZeroTotal);
        }
        if sequence == 0 || sequence > total {
            return Err(ReassemblyError::InvalidSequence { sequence, total });
        }
        if total > self.limits.max_segments {
            return Err(ReassemblyError::TooManySegments {
                total,
                limit: self.limits.max_segments,
            });
        }
        let reference = reference_of(&concat);
        if total == 1 && self.find(key, reference).is_none() {
            return Ok(Some(payload.to_vec()));
        }
        let Some(index) = self.insert(key, reference, total, sequence, payload)? else {
            return Ok(None);
        };
        match self.pending.get(index) {
            Some(entry) if entry.segments.len() >= usize::from(entry.total) => {
                let mut whole = Vec::new();
                self.finish(index, &mut whole);
                Ok(Some(whole))
            }
            _ => Ok(None),
        }
    }

    /// Stores segment `sequence` of the message `(key, reference)` of `total` segments (both
    /// checked by the caller), starting the message if it is new. Returns the message's index,
    /// or `None` for an exact duplicate.
    fn insert(
        &mut self,
        key: K,
        reference: ConcatReference,
        total: u8,
        sequence: u8,
        payload: &[u8],
    ) -> Result<Option<usize>, ReassemblyError> {
        let index = match self.find(key, reference) {
            Some(index) => {
                let entry = self.pending.get(index).ok_or(ReassemblyError::NoRoom)?;
                if entry.total != total {
                    return Err(ReassemblyError::TotalMismatch {
                        expected: entry.total,
                        found: total,
                    });
                }
                if let Ok(at) = entry.segments.binary_search_by_key(&sequence, |s| s.0) {
                    return match entry.segments.get(at) {
                        Some((_, held)) if held == payload => Ok(None),
                        _ => Err(ReassemblyError::ConflictingDuplicate { sequence }),
                    };
                }
                index
            }
            None => {
                if self.limits.max_pending_messages == 0 {
                    return Err(ReassemblyError::NoRoom);
                }
                while self.pending.len() >= self.limits.max_pending_messages {
                    self.evict_oldest(None);
                }
                self.clock += 1;
                self.pending.push(Pending {
                    key,
                    reference,
                    total,
                    started: self.clock,
                    segments: Vec::new(),
                    bytes: 0,
                });
                self.pending.len() - 1
            }
        };
        // Make room for the new octets by evicting other messages, oldest first.
        let index = self.make_room(index, payload.len())?;
        let Some(entry) = self.pending.get_mut(index) else {
            return Err(ReassemblyError::NoRoom);
        };
        let at = entry
            .segments
            .binary_search_by_key(&sequence, |s| s.0)
            .unwrap_or_else(|at| at);
        entry.segments.insert(at, (sequence, payload.to_vec()));
        entry.bytes += payload.len();
        self.bytes += payload.len();
        Ok(Some(index))
    }

    /// Removes the message at `index` and appends its payloads, in order, to `out`.
    fn finish(&mut self, index: usize, out: &mut Vec<u8>) {
        if index >= self.pending.len() {
            return;
        }
        let done = self.pending.swap_remove(index);
        self.bytes -= done.bytes;
        out.reserve_exact(done.bytes);
        for (_, part) in &done.segments {
            out.extend_from_slice(part);
        }
    }

    /// The segment numbers still missing from the message `(key, reference)`, in order; empty
    /// when no such message is pending.
    pub fn missing(&self, key: K, reference: ConcatReference) -> impl Iterator<Item = u8> + '_ {
        let entry = self.find(key, reference).and_then(|i| self.pending.get(i));
        entry.into_iter().flat_map(|e| {
            (1..=e.total).filter(move |s| e.segments.binary_search_by_key(s, |x| x.0).is_err())
        })
    }

    /// The messages waiting for segments.
    pub fn pending(&self) -> impl Iterator<Item = PendingMessage<K>> + '_ {
        self.pending.iter().map(|e| PendingMessage {
            key: e.key,
            reference: e.reference,
            total: e.total,
            received: u8::try_from(e.segments.len()).unwrap_or(u8::MAX),
            bytes: e.bytes,
        })
    }

    /// Drops the pending message `(key, reference)`; returns whether there was one.
    pub fn remove(&mut self, key: K, reference: ConcatReference) -> bool {
        match self.find(key, reference) {
            Some(index) => {
                let gone = self.pending.swap_remove(index);
                self.bytes -= gone.bytes;
                true
            }
            None => false,
        }
    }

    /// Drops every pending message.
    pub fn clear(&mut self) {
        self.pending.clear();
        self.bytes = 0;
    }

    /// Payload octets held across pending messages.
    pub const fn pending_bytes(&self) -> usize {
        self.bytes
    }

    /// How many pending messages were evicted to respect the caps so far.
    pub const fn evicted(&self) -> u64 {
        self.evicted
    }

    fn find(&self, key: K, reference: ConcatReference) -> Option<usize> {
        self.pending
            .iter()
            .position(|e| e.key == key && e.reference == reference)
    }

    /// Evicts the oldest pending message other than `keep`; returns the index `keep` moved to.
    fn evict_oldest(&mut self, keep: Option<usize>) -> Option<usize> {
        let victim = self
            .pending
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != keep)
            .min_by_key(|(_, e)| e.started)
            .map(|(i, _)| i)?;
        let last = self.pending.len() - 1;
        let gone = self.pending.swap_remove(victim);
        self.bytes -= gone.bytes;
        self.evicted += 1;
        Some(match keep {
            Some(k) if k == last => victim,
            Some(k) => k,
            None => 0,
        })
    }

    /// Ensures `extra` more octets fit the byte cap, evicting other messages oldest first;
    /// returns the (possibly moved) index of the message at `index`.
    fn make_room(&mut self, mut index: usize, extra: usize) -> Result<usize, ReassemblyError> {
        let limit = self.limits.max_pending_bytes;
        let own = self.pending.get(index).map_or(0, |e| e.bytes);
        if own.saturating_add(extra) > limit {
            let gone = self.pending.swap_remove(index);
            self.bytes -= gone.bytes;
            return Err(ReassemblyError::TooManyBytes { limit });
        }
        while self.bytes.saturating_add(extra) > limit {
            match self.evict_oldest(Some(index)) {
                Some(moved) => index = moved,
                None => break,
            }
        }
        Ok(index)
    }
}

/// A set of SMS segment numbers (1–255), without allocation.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct SequenceSet([u64; 4]);

impl SequenceSet {
    /// The empty set.
    pub const fn new() -> Self {
        SequenceSet([0; 4])
    }

    fn slot(n: u8) -> (usize, u64) {
        (usize::from(n / 64), 1u64 << (n % 64))
    }

    /// Adds `n`; returns false when it was already there.
    pub fn insert(&mut self, n: u8) -> bool {
        let (i, bit) = Self::slot(n);
        match self.0.get_mut(i) {
            Some(word) if *word & bit == 0 => {
                *word |= bit;
                true
            }
            _ => false,
        }
    }

    /// Whether `n` is in the set.
    pub fn contains(&self, n: u8) -> bool {
        let (i, bit) = Self::slot(n);
        self.0.get(i).is_some_and(|w| w & bit != 0)
    }

    /// The numbers in ascending order.
    pub fn iter(&self) -> impl Iterator<Item = u8> + '_ {
        (0..=u8::MAX).filter(|&n| self.contains(n))
    }

    /// How many numbers the set holds.
    pub fn len(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// True when the set holds nothing.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|&w| w == 0)
    }
}

impl fmt::Debug for SequenceSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

/// The numbers separated by commas: `2, 5`.
impl fmt::Display for SequenceSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, n) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{n}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::sms::segment::{SegmentOptions, segment_to_vecs};
    use alloc::vec;
    use proptest::prelude::*;

    use crate::sms::wap_push_user_data as seg;

    #[test]
    fn unsegmented_is_complete() {
        let mut r = Reassembler::<u64>::new(ReassemblyLimits::DEFAULT);
        let out = r
            .push(1, &[0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0, 9])
            .unwrap();
        assert_eq!(out, Some(vec![9]));
        assert_eq!(r.push(1, &seg(5, 1, 1, &[7])).unwrap(), Some(vec![7]));
        assert_eq!(r.pending().count(), 0);
    }

    #[test]
    fn errors_and_missing() {
        let mut r = Reassembler::<u64>::new(ReassemblyLimits::DEFAULT);
        assert_eq!(
            r.push(1, &seg(5, 3, 0, &[1])),
            Err(ReassemblyError::InvalidSequence {
                sequence: 0,
                total: 3
            })
        );
        assert_eq!(
            r.push(1, &seg(5, 3, 4, &[1])),
            Err(ReassemblyError::InvalidSequence {
                sequence: 4,
                total: 3
            })
        );
        assert_eq!(
            r.push(1, &seg(5, 0, 0, &[1])),
            Err(ReassemblyError::ZeroTotal)
        );
        assert!(matches!(
            r.push(1, &[0x09, 0x00]),
            Err(ReassemblyError::Header(_))
        ));
        assert_eq!(r.push(1, &seg(5, 3, 2, &[2])), Ok(None));
        let missing: Vec<u8> = r.missing(1, ConcatReference::Eight(5)).collect();
        assert_eq!(missing, [1, 3]);
        assert_eq!(r.missing(2, ConcatReference::Eight(5)).count(), 0);
        assert_eq!(r.missing(1, ConcatReference::Sixteen(5)).count(), 0);
        assert_eq!(
            r.push(1, &seg(5, 4, 1, &[1])),
            Err(ReassemblyError::TotalMismatch {
                expected: 3,
                found: 4
            })
        );
        assert_eq!(
            r.push(1, &seg(5, 3, 2, &[9])),
            Err(ReassemblyError::ConflictingDuplicate { sequence: 2 })
        );
        assert_eq!(r.push(1, &seg(5, 3, 2, &[2])), Ok(None));
        // Another sender with the same reference is another message.
        assert_eq!(r.push(2, &seg(5, 3, 1, &[1])), Ok(None));
        assert_eq!(r.pending().count(), 2);
        assert_eq!(r.push(1, &seg(5, 3, 3, &[3])), Ok(None));
        assert_eq!(r.push(1, &seg(5, 3, 1, &[1])), Ok(Some(vec![1, 2, 3])));
        assert_eq!(r.pending().count(), 1);
        assert_eq!(r.pending_bytes(), 1);
        assert!(r.remove(2, ConcatReference::Eight(5)));
        assert_eq!(r.pending_bytes(), 0);
        assert_eq!(
            r.push(1, &seg(5, 200, 1, &[1])),
            Err(ReassemblyError::TooManySegments {
                total: 200,
                limit: 32
            })
        );
    }

    #[test]
    fn caps_evict_oldest_and_refuse_oversized() {
        let limits = ReassemblyLimits {
            max_pending_messages: 2,
            max_pending_bytes: 10,
            max_segments: 255,
        };
        let mut r = Reassembler::<u64>::new(limits);
        assert_eq!(r.push(1, &seg(1, 2, 1, &[1; 3])), Ok(None));
        assert_eq!(r.push(2, &seg(1, 2, 1, &[2; 3])), Ok(None));
        // A third message evicts the first.
        assert_eq!(r.push(3, &seg(1, 2, 1, &[3; 3])), Ok(None));
        assert_eq!(r.evicted(), 1);
        assert_eq!(r.missing(1, ConcatReference::Eight(1)).count(), 0);
        // 6 held; 6 more need the oldest (key 2) evicted.
        assert_eq!(
            r.push(3, &seg(1, 3, 2, &[3; 6])),
            Err(ReassemblyError::TotalMismatch {
                expected: 2,
                found: 3
            })
        );
        assert_eq!(r.push(3, &seg(1, 2, 2, &[3; 6])), Ok(Some(vec![3; 9])));
        assert_eq!(r.push(4, &seg(1, 2, 1, &[4; 6])), Ok(None));
        assert_eq!(r.push(5, &seg(1, 2, 1, &[5; 6])), Ok(None));
        assert!(r.pending_bytes() <= 10);
        assert_eq!(r.pending().count(), 1);
        // One message larger than the cap is refused and dropped.
        assert_eq!(
            r.push(5, &seg(1, 2, 2, &[5; 5])),
            Err(ReassemblyError::TooManyBytes { limit: 10 })
        );
        assert_eq!(r.pending().count(), 0);
        assert_eq!(r.pending_bytes(), 0);
        let mut none = Reassembler::<u64>::new(ReassemblyLimits {
            max_pending_messages: 0,
            ..limits
        });
        assert_eq!(
            none.push(1, &seg(1, 2, 1, &[1])),
            Err(ReassemblyError::NoRoom)
        );
    }

    proptest! {
        #[test]
        fn segments_shuffled_and_duplicated_reassemble(
            push in proptest::collection::vec(any::<u8>(), 0..2000),
            reference in any::<u8>(),
            wide in any::<bool>(),
            order in proptest::collection::vec(any::<prop::sample::Index>(), 0..40),
        ) {
            let opts = SegmentOptions {
                reference: if wide {
                    ConcatReference::Sixteen(u16::from(reference) << 8 | 0x5A)
                } else {
                    ConcatReference::Eight(reference)
                },
                ..SegmentOptions::wap_push(0)
            };
            let segs = segment_to_vecs(&push, &opts).unwrap();
            for s in &segs {
                prop_assert!(s.len() <= crate::sms::MAX_USER_DATA);
            }
            // Every segment once, in a shuffled order, with exact duplicates of segments
            // already delivered slipped in before the last one: the message completes exactly
            // once, on its last missing segment.
            let mut all: Vec<&Vec<u8>> = segs.iter().collect();
            for (i, idx) in order.iter().enumerate() {
                let j = idx.index(all.len());
                let n = all.len();
                all.swap(i % n, j);
            }
            let mut deliveries = Vec::new();
            for (i, s) in all.iter().enumerate() {
                deliveries.push(*s);
                if i + 1 < all.len() {
                    if let Some(idx) = order.get(i) {
                        deliveries.push(all[idx.index(i + 1)]);
                    }
                }
            }
            let mut r = Reassembler::<u64>::new(ReassemblyLimits { max_segments: 255, ..ReassemblyLimits::DEFAULT });
            let mut done = Vec::new();
            for d in deliveries {
                if let Some(whole) = r.push(77, d).unwrap() {
                    done.push(whole);
                }
            }
            let expected_completions = 1;
            prop_assert_eq!(done.len(), expected_completions);
            prop_assert_eq!(&done[0], &push);
            prop_assert_eq!(r.pending_bytes(), 0);
        }
    }
}
