//! Input that still has its SMS framing: user data with its user data header in front of the
//! push (a modem that does not strip it), or a whole SMS-DELIVER TPDU as a modem prints it.
//! [`classify`] tells them apart from a bare push or PDU; [`join_segments`] reassembles several.
//!
//! The three shapes do not overlap in practice, which is why one look is enough:
//! - An SMS-DELIVER in the modem form must decode completely: an SMSC length of at most 11
//!   and a type of address with bit 7 set, TP-MTI 0, and a TP-UDL that ends exactly at the end
//!   of the input. A connectionless push (`TID 06 ...`) fails the type of address or TP-MTI,
//!   and a bare MMS PDU (`8C ...`) the SMSC length.
//! - User data must have a well-formed header whose ports address WAP push (destination 2948
//!   or 2949). Its first octet (the UDHL) and an IEI below 0x80 make it fail as a TPDU.
//! - Anything else is handed back untouched.

use alloc::vec::Vec;

use crate::base::error::{DecodeError, DecodeErrorKind, EncodeError};
use crate::codec::{Encode, Writer};
use crate::sms::address::Address;
use crate::sms::reassemble::{Reassembler, ReassemblyError, ReassemblyLimits, SequenceSet};
use crate::sms::segment::ConcatReference;
use crate::sms::tpdu::{Alphabet, Deliver};
use crate::sms::udh::{
    Concatenation, PORT_WAP_PUSH, PORT_WAP_PUSH_SECURE, Ports, UserDataHeader, split_user_data,
};

/// What an input is, as far as SMS is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Framing<'a> {
    /// SMS user data whose header addresses WAP push: the push (or one segment of it) follows
    /// the header.
    UserData {
        /// The whole input: the header and the payload.
        #[cfg_attr(
            feature = "serde",
            serde(serialize_with = "crate::base::serde_util::bytes")
        )]
        user_data: &'a [u8],
        /// The user data header.
        header: UserDataHeader<'a>,
        /// What follows the header.
        #[cfg_attr(feature = "serde", serde(skip))]
        payload: &'a [u8],
    },
    /// A whole SMS-DELIVER TPDU with its SMSC address field in front.
    Deliver(Deliver<'a>),
    /// Neither: the input as it came (a bare push or MMS PDU, or something else).
    #[cfg_attr(
        feature = "serde",
        serde(serialize_with = "crate::base::serde_util::bytes")
    )]
    Unframed(&'a [u8]),
}

/// Whether `ports` address connectionless (or secure) WAP push.
fn is_wap_push(ports: Option<Ports>) -> bool {
    ports.is_some_and(|p| matches!(p.destination, PORT_WAP_PUSH | PORT_WAP_PUSH_SECURE))
}

/// Looks at `input` and says whether it is an SMS-DELIVER TPDU (modem form, SMSC address
/// first), SMS user data with a header addressing WAP push, or neither. It never fails: what is
/// not exactly one of the first two is [`Framing::Unframed`] (decode it with
/// [`Deliver::decode`] or [`split_user_data`] to learn why it is not).
///
/// ```
/// use mms_pdu::sms::{classify, Framing};
/// let ud = [0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0, 0x01, 0x06, 0x01, 0xB4];
/// let framing = classify(&ud);
/// assert!(matches!(framing, Framing::UserData { .. }));
/// assert_eq!(framing.push()?, [0x01, 0x06, 0x01, 0xB4]);
/// assert_eq!(framing.payload_offset(), 7);
/// // A bare push is left alone.
/// assert_eq!(classify(&ud[7..]), Framing::Unframed(&ud[7..]));
/// # Ok::<(), mms_pdu::DecodeError>(())
/// ```
pub fn classify(input: &[u8]) -> Framing<'_> {
    if let Ok(deliver) = Deliver::decode(input) {
        return Framing::Deliver(deliver);
    }
    match split_user_data(input) {
        Ok((header, payload)) if is_wap_push(header.ports()) => Framing::UserData {
            user_data: input,
            header,
            payload,
        },
        _ => Framing::Unframed(input),
    }
}

/// Whether `header` is that of a later segment of several without ports: senders that put
/// the application ports in the first segment only write them so.
fn is_portless_segment(header: &UserDataHeader<'_>) -> bool {
    header.ports().is_none() && header.concatenation().is_some_and(|c| c.total > 1)
}

/// Whether an SMS-DELIVER can carry a WAP push: 8-bit uncompressed data and a header
/// addressing WAP push (or, when `portless_segment` allows it, a header of a segment without
/// ports).
fn check_deliver(d: &Deliver<'_>, portless_segment: bool) -> Result<(), DecodeError> {
    let not_push = |offset, context| DecodeError {
        offset,
        kind: DecodeErrorKind::NotThisKind,
        context,
    };
    let ud_at = d.user_data_offset();
    let coding = d.data_coding();
    if coding.alphabet() != Alphabet::Eight || coding.is_compressed() {
        // TP-DCS stands before TP-SCTS (7 octets) and TP-UDL.
        return Err(not_push(ud_at - 9, "TP-DCS"));
    }
    if d.user_data_header().is_none() {
        return Err(not_push(ud_at, "TP-UDHI"));
    }
    let portless = d
        .user_data_header()
        .is_some_and(|h| is_portless_segment(&h));
    let addressed = is_wap_push(d.ports()) || (portless_segment && portless);
    if !addressed {
        return Err(not_push(ud_at, "application port"));
    }
    Ok(())
}

impl<'a> Framing<'a> {
    /// The user data header, for user data and for an SMS-DELIVER that has one.
    pub fn header(&self) -> Option<UserDataHeader<'a>> {
        match self {
            Framing::UserData { header, .. } => Some(*header),
            Framing::Deliver(d) => d.user_data_header(),
            Framing::Unframed(_) => None,
        }
    }

    /// What the framing carries: the octets after the user data header (all of an unframed
    /// input).
    pub const fn payload(&self) -> &'a [u8] {
        match self {
            Framing::UserData { payload, .. } => payload,
            Framing::Deliver(d) => d.payload(),
            Framing::Unframed(input) => input,
        }
    }

    /// Where [`Framing::payload`] starts in the input: add it to the offsets of what is
    /// decoded from the payload to count them from the start of the input.
    pub fn payload_offset(&self) -> usize {
        match self {
            Framing::UserData { header, .. } => header.encoded_len(),
            Framing::Deliver(d) => d.payload_offset(),
            Framing::Unframed(_) => 0,
        }
    }

    /// Writes the framing in front of the payload (the user data header, or the TPDU up to
    /// and including it): followed by the payload re-encoded, it gives the input back. The
    /// framing keeps its TP-UDL, so the payload written after it must have its original length.
    ///
    /// # Errors
    /// The sink's [`EncodeError`].
    pub fn encode_prefix<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            Framing::UserData { header, .. } => header.encode(w),
            Framing::Deliver(d) => {
                d.encode_head(w)?;
                d.user_data_header().map_or(Ok(()), |h| h.encode(w))
            }
            Framing::Unframed(_) => Ok(()),
        }
    }

    /// The concatenation element: which segment of how many this is, and the reference.
    pub fn concatenation(&self) -> Option<Concatenation> {
        self.header().and_then(|h| h.concatenation())
    }

    /// Whether this is one segment of a push sent in several SMS (their payloads must be
    /// joined, e.g. with [`join_segments`], before the push decodes).
    pub fn is_segment(&self) -> bool {
        self.concatenation().is_some_and(|c| c.total > 1)
    }

    /// The user data with its header (what a [`Reassembler`] takes), when framed.
    pub const fn user_data(&self) -> Option<&'a [u8]> {
        match self {
            Framing::UserData { user_data, .. } => Some(user_data),
            Framing::Deliver(d) => Some(d.user_data()),
            Framing::Unframed(_) => None,
        }
    }

    /// The WAP push to decode: the payload of user data addressed to WAP push or of an
    /// SMS-DELIVER carrying it, or an unframed input itself.
    ///
    /// # Errors
    /// [`DecodeErrorKind::NotThisKind`] with the offset and field: an SMS-DELIVER whose TP-DCS
    /// is not uncompressed 8-bit (`TP-DCS`), that has no user data header (`TP-UDHI`) or whose
    /// header addresses another port (`application port`); and
    /// [`DecodeErrorKind::SmsSegment`] for one segment of several (`concatenated SMS segment`,
    /// at the payload), which needs the others first ([`join_segments`]).
    pub fn push(&self) -> Result<&'a [u8], DecodeError> {
        if let Framing::Deliver(d) = self {
            check_deliver(d, false)?;
        }
        if let Some(c) = self.concatenation().filter(|c| c.total > 1) {
            return Err(DecodeError {
                offset: self.payload_offset(),
                kind: DecodeErrorKind::SmsSegment {
                    sequence: c.sequence,
                    total: c.total,
                },
                context: "concatenated SMS segment",
            });
        }
        Ok(self.payload())
    }
}

/// The framing re-encodes to its input.
impl Encode for Framing<'_> {
    fn encoded_len(&self) -> usize {
        match self {
            Framing::UserData { user_data, .. } => user_data.len(),
            Framing::Deliver(d) => d.encoded_len(),
            Framing::Unframed(input) => input.len(),
        }
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            Framing::UserData { user_data, .. } => w.write_bytes(user_data),
            Framing::Deliver(d) => d.encode(w),
            Framing::Unframed(input) => w.write_bytes(input),
        }
    }
}

/// Why a set of SMS inputs did not give whole pushes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JoinError {
    /// The input (counted from 0) is neither an SMS-DELIVER nor user data addressed to WAP
    /// push ([`classify`] found it [`Framing::Unframed`]).
    #[error("input {input} is neither an SMS-DELIVER nor SMS user data addressed to WAP push")]
    NotSms {
        /// Which input.
        input: usize,
    },
    /// The input is an SMS-DELIVER that does not carry a WAP push.
    #[error("input {input} does not carry a WAP push: {error}")]
    NotPush {
        /// Which input.
        input: usize,
        /// Why (see [`Framing::push`]).
        error: DecodeError,
    },
    /// The reassembler refused the input's segment.
    #[error("input {input}: {error}")]
    Segment {
        /// Which input.
        input: usize,
        /// Why.
        error: ReassemblyError,
    },
    /// After the last input, a message still misses segments (the first such message, when
    /// several do).
    #[error("SMS segment(s) {missing} of {total} missing")]
    Incomplete {
        /// Its concatenation reference.
        reference: ConcatReference,
        /// The segments it announces.
        total: u8,
        /// The segments given.
        received: u8,
        /// The numbers (from 1) of the segments not given.
        missing: SequenceSet,
    },
}

/// Reassembles SMS inputs (each an SMS-DELIVER or user data with its header, in any order)
/// into whole pushes with a [`Reassembler`] under `limits`; returns them in the order they were
/// completed. Segments of SMS-DELIVERs are matched by originator and reference, segments of
/// bare user data by reference alone; an exact repeat of an earlier input is ignored. An
/// unsegmented input is a push by itself. A segment of
/// several may lack the application ports (some senders write them in the first segment
/// only); the decode of the joined push tells whether it was one. This is the
/// crate's one batch reassembly: the front door's SMS functions build on it.
///
/// ```
/// use mms_pdu::sms::{join_segments, segment_to_vecs, ReassemblyLimits, SegmentOptions};
/// let push: Vec<u8> = (0..300u16).map(|i| i as u8).collect();
/// let segs = segment_to_vecs(&push, &SegmentOptions::wap_push(7)).unwrap();
/// assert_eq!(segs.len(), 3);
/// let inputs = [&segs[2][..], &segs[0][..], &segs[1][..]];
/// assert_eq!(join_segments(inputs, ReassemblyLimits::DEFAULT).unwrap(), [push]);
/// ```
///
/// # Errors
/// [`JoinError`]: an input that is not SMS, an SMS-DELIVER that does not carry a push, a
/// segment the reassembler refuses, or a message still missing segments at the end.
pub fn join_segments<'a, I>(inputs: I, limits: ReassemblyLimits) -> Result<Vec<Vec<u8>>, JoinError>
where
    I: IntoIterator<Item = &'a [u8]>,
{
    let mut reassembler = Reassembler::<Option<Address<'a>>>::new(limits);
    let mut done = Vec::new();
    let mut seen = Vec::new();
    for (index, input) in inputs.into_iter().enumerate() {
        let (key, user_data) = match classify(input) {
            Framing::Unframed(_) => match split_user_data(input) {
                Ok((header, _)) if is_portless_segment(&header) => (None, input),
                _ => return Err(JoinError::NotSms { input: index }),
            },
            Framing::UserData { user_data, .. } => (None, user_data),
            Framing::Deliver(d) => {
                check_deliver(&d, true).map_err(|error| JoinError::NotPush {
                    input: index,
                    error,
                })?;
                (Some(d.originator()), d.user_data())
            }
        };
        // A repeat of a segment whose message is already whole would start it again.
        if seen.contains(&(key, user_data)) {
            continue;
        }
        seen.push((key, user_data));
        let whole = reassembler
            .push(key, user_data)
            .map_err(|error| JoinError::Segment {
                input: index,
                error,
            })?;
        done.extend(whole);
    }
    if let Some(p) = reassembler.pending().next() {
        let mut missing = SequenceSet::new();
        for n in reassembler.missing(p.key, p.reference) {
            missing.insert(n);
        }
        return Err(JoinError::Incomplete {
            reference: p.reference,
            total: p.total,
            received: p.received,
            missing,
        });
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sms::address::AddressBuf;
    use crate::sms::segment::{SegmentOptions, segment_to_vecs};
    use crate::sms::timestamp::Timestamp;
    use crate::sms::tpdu::{DataCoding, DeliverFields, FirstOctet};
    use alloc::vec;

    const PUSH: &[u8] = include_bytes!("../../samples/push-notification.wsp");
    const PDU: &[u8] = include_bytes!("../../samples/m-notification-ind.mms");
    const STAMP: Timestamp = Timestamp::from_octets([0x42, 0x20, 0x92, 0x31, 0x54, 0x03, 0x40]);

    fn with_udh(udh: &[u8], payload: &[u8]) -> Vec<u8> {
        [udh, payload].concat()
    }

    /// `user_data` in an SMS-DELIVER from `from`, with an SMSC address.
    fn deliver(
        from: &str,
        fields: impl FnOnce(DeliverFields<'_>) -> DeliverFields<'_>,
        user_data: &[u8],
    ) -> Vec<u8> {
        let smsc = AddressBuf::international("+491710760000").unwrap();
        let from = AddressBuf::international(from).unwrap();
        let base =
            DeliverFields::wap_push(Some(smsc.as_address()), from.as_address(), STAMP, user_data);
        Deliver::new(fields(base)).unwrap().encode_to_vec().unwrap()
    }

    fn prefix_then_payload(f: &Framing<'_>) -> Vec<u8> {
        let mut out = Vec::new();
        f.encode_prefix(&mut out).unwrap();
        assert_eq!(out.len(), f.payload_offset());
        out.extend_from_slice(f.payload());
        out
    }

    #[test]
    fn bare_inputs_are_left_alone() {
        for input in [
            PUSH,
            PDU,
            &[][..],
            &[0x00][..],
            &[0x00, 0x06, 0x01, 0xB4][..],
        ] {
            let f = classify(input);
            assert_eq!(f, Framing::Unframed(input));
            assert_eq!(f.push().unwrap(), input);
            assert_eq!(
                (f.payload_offset(), f.header(), f.user_data()),
                (0, None, None)
            );
            assert_eq!(f.encode_to_vec().unwrap(), input);
            assert_eq!(prefix_then_payload(&f), input);
        }
    }

    #[test]
    fn user_data_with_its_header() {
        let ud = with_udh(&[0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0], PUSH);
        let f = classify(&ud);
        assert!(matches!(f, Framing::UserData { .. }));
        assert_eq!(f.push().unwrap(), PUSH);
        assert_eq!(f.payload_offset(), 7);
        assert_eq!(f.header().unwrap().ports().unwrap().source, 9200);
        assert!(!f.is_segment());
        assert_eq!(f.user_data(), Some(&ud[..]));
        assert_eq!(f.encode_to_vec().unwrap(), ud);
        assert_eq!(prefix_then_payload(&f), ud);
        // Secure push port; a concatenation element announcing one segment.
        let ud = with_udh(
            &[
                0x0B, 0x00, 0x03, 0x01, 0x01, 0x01, 0x05, 0x04, 0x0B, 0x85, 0x23, 0xF0,
            ],
            PUSH,
        );
        assert_eq!(classify(&ud).push().unwrap(), PUSH);
        // Other ports (a vCard to 9204, 8-bit ports) and no ports are not a push.
        for udh in [
            &[0x06, 0x05, 0x04, 0x23, 0xF4, 0x23, 0xF0][..],
            &[0x04, 0x04, 0x02, 0x0B, 0x84][..],
            &[0x05, 0x00, 0x03, 0x01, 0x02, 0x01][..],
        ] {
            let ud = with_udh(udh, PUSH);
            assert_eq!(classify(&ud), Framing::Unframed(&ud));
        }
    }

    #[test]
    fn a_segment_needs_the_others() {
        let push: Vec<u8> = (0..200u8).collect();
        let segs = segment_to_vecs(&push, &SegmentOptions::wap_push(3)).unwrap();
        let f = classify(&segs[1]);
        assert!(f.is_segment());
        let c = f.concatenation().unwrap();
        assert_eq!((c.reference, c.sequence, c.total), (3, 2, 2));
        let e = f.push().unwrap_err();
        assert_eq!(
            (e.offset, e.kind, e.context),
            (
                12,
                DecodeErrorKind::SmsSegment {
                    sequence: 2,
                    total: 2
                },
                "concatenated SMS segment"
            )
        );
        assert_eq!(
            e.to_string(),
            "at byte 12 in concatenated SMS segment: SMS segment 2 of 2: the push needs all 2 \
             segments joined"
        );
        let tpdu = deliver("+4916123456", |f| f, &segs[0]);
        let f = classify(&tpdu);
        assert!(matches!(f, Framing::Deliver(_)));
        assert_eq!(f.push().unwrap_err().context, "concatenated SMS segment");
        assert_eq!(f.payload(), &segs[0][12..]);
        assert_eq!(prefix_then_payload(&f), tpdu);
    }

    #[test]
    fn deliver_carrying_a_push_or_not() {
        let ud = with_udh(&[0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0], PUSH);
        let tpdu = deliver("+4916123456", |f| f, &ud);
        let f = classify(&tpdu);
        let Framing::Deliver(d) = f else {
            panic!("{f:?}")
        };
        assert_eq!(d.originator().to_string(), "+4916123456");
        assert_eq!(f.push().unwrap(), PUSH);
        assert_eq!(&tpdu[f.payload_offset()..], PUSH);
        assert_eq!(f.encode_to_vec().unwrap(), tpdu);
        assert_eq!(prefix_then_payload(&f), tpdu);
        // The same octets as 7-bit data: TP-UDL counts septets.
        let udl = u8::try_from((ud.len() * 8) / 7).unwrap();
        let seven = deliver(
            "+4916123456",
            |f| DeliverFields {
                data_coding: DataCoding::GSM7,
                user_data_length: udl,
                ..f
            },
            &ud[..(usize::from(udl) * 7).div_ceil(8)],
        );
        let e = classify(&seven).push().unwrap_err();
        assert_eq!(
            (e.offset, e.context),
            (seven.len() - ud.len() - 9, "TP-DCS")
        );
        let compressed = deliver(
            "+4916123456",
            |f| DeliverFields {
                data_coding: DataCoding(0x24),
                ..f
            },
            &ud,
        );
        assert_eq!(classify(&compressed).push().unwrap_err().context, "TP-DCS");
        let plain = deliver(
            "+4916123456",
            |f| DeliverFields {
                first_octet: FirstOctet(0x04),
                ..f
            },
            &ud,
        );
        assert_eq!(classify(&plain).push().unwrap_err().context, "TP-UDHI");
        let vcard = with_udh(&[0x06, 0x05, 0x04, 0x23, 0xF4, 0x23, 0xF0], PUSH);
        let other = deliver("+4916123456", |f| f, &vcard);
        assert_eq!(
            classify(&other).push().unwrap_err().context,
            "application port"
        );
        // Every prefix of the TPDU is something else, and re-encodes as it came.
        for n in 0..tpdu.len() {
            let f = classify(&tpdu[..n]);
            assert!(!matches!(f, Framing::Deliver(_)), "prefix {n}");
            assert_eq!(f.encode_to_vec().unwrap(), &tpdu[..n]);
        }
    }

    #[test]
    fn joining_segments() {
        let push: Vec<u8> = (0..300u16).map(|i| i.to_le_bytes()[0]).collect();
        let other: Vec<u8> = push.iter().rev().copied().collect();
        let segs = segment_to_vecs(&push, &SegmentOptions::wap_push(9)).unwrap();
        let others = segment_to_vecs(&other, &SegmentOptions::wap_push(9)).unwrap();
        assert_eq!(segs.len(), 3);
        // Two senders using the same reference, interleaved: two messages.
        let a: Vec<Vec<u8>> = segs
            .iter()
            .map(|s| deliver("+4916123456", |f| f, s))
            .collect();
        let b: Vec<Vec<u8>> = others
            .iter()
            .map(|s| deliver("+4915199999", |f| f, s))
            .collect();
        let inputs = [&a[2], &b[0], &a[0], &b[2], &b[1], &a[1]].map(|v| &v[..]);
        let pushes = join_segments(inputs, ReassemblyLimits::DEFAULT).unwrap();
        assert_eq!(pushes, [other.clone(), push.clone()]);
        // Bare user data, and one unsegmented input.
        let single = with_udh(&[0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0], PUSH);
        let inputs = [&segs[1][..], &single, &segs[0], &segs[2]];
        let pushes = join_segments(inputs, ReassemblyLimits::DEFAULT).unwrap();
        assert_eq!(pushes, [PUSH.to_vec(), push.clone()]);
        assert_eq!(
            join_segments([&segs[0][..], &segs[2]], ReassemblyLimits::DEFAULT),
            Err(JoinError::Incomplete {
                reference: ConcatReference::Eight(9),
                total: 3,
                received: 2,
                missing: {
                    let mut missing = SequenceSet::new();
                    missing.insert(2);
                    missing
                },
            })
        );
        assert_eq!(
            join_segments([&segs[1][..]], ReassemblyLimits::DEFAULT)
                .unwrap_err()
                .to_string(),
            "SMS segment(s) 1, 3 of 3 missing"
        );
        assert_eq!(
            join_segments([&segs[0][..], PUSH], ReassemblyLimits::DEFAULT),
            Err(JoinError::NotSms { input: 1 })
        );
        let plain = deliver(
            "+4916123456",
            |f| DeliverFields {
                first_octet: FirstOctet(0x04),
                ..f
            },
            &segs[0],
        );
        assert!(matches!(
            join_segments([&plain[..]], ReassemblyLimits::DEFAULT),
            Err(JoinError::NotPush { input: 0, .. })
        ));
        let mut changed = segs[1].clone();
        *changed.last_mut().unwrap() ^= 1;
        assert_eq!(
            join_segments([&segs[1][..], &changed], ReassemblyLimits::DEFAULT),
            Err(JoinError::Segment {
                input: 1,
                error: ReassemblyError::ConflictingDuplicate { sequence: 2 }
            })
        );
        assert_eq!(join_segments([], ReassemblyLimits::DEFAULT), Ok(vec![]));
    }
}
