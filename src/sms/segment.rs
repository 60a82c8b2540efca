//! Splitting a WSP push into SMS user-data segments (WAP-259-WDP over GSM SMS, 3GPP TS 23.040 §9.2.3.24).
//!
//! Each segment is a user data header (application ports always; concatenation only when the
//! push needs more than one segment) followed by a slice of the push, and fits the 140 octets of
//! 8-bit SMS user data. Segments are produced lazily and borrow the push; each implements
//! [`Encode`].

use alloc::vec::Vec;

use crate::base::error::EncodeError;
use crate::codec::{Encode, Writer};
use crate::sms::udh::{HeaderElements, InformationElement, PORT_WAP_PUSH, PORT_WAP_WSP};

/// Octets of user data in one SMS with 8-bit data coding.
pub const MAX_USER_DATA: usize = 140;

/// The concatenation reference to use when a push needs more than one segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConcatReference {
    /// An 8-bit reference (IEI 0x00), the usual choice.
    Eight(u8),
    /// A 16-bit reference (IEI 0x08), one octet less payload per segment.
    Sixteen(u16),
}

/// The application port addressing element to put in every segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PortAddressing {
    /// 8-bit ports (IEI 0x04).
    Eight {
        /// Destination port.
        destination: u8,
        /// Originator port.
        source: u8,
    },
    /// 16-bit ports (IEI 0x05).
    Sixteen {
        /// Destination port.
        destination: u16,
        /// Originator port.
        source: u16,
    },
}

impl PortAddressing {
    /// WAP push: destination 2948, source 9200, 16-bit.
    pub const WAP_PUSH: Self = PortAddressing::Sixteen {
        destination: PORT_WAP_PUSH,
        source: PORT_WAP_WSP,
    };

    const fn element(self) -> InformationElement<'static> {
        match self {
            PortAddressing::Eight {
                destination,
                source,
            } => InformationElement::Ports8 {
                destination,
                source,
            },
            PortAddressing::Sixteen {
                destination,
                source,
            } => InformationElement::Ports16 {
                destination,
                source,
            },
        }
    }
}

/// How to segment: ports and concatenation reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SegmentOptions {
    /// The port addressing element carried by every segment.
    pub ports: PortAddressing,
    /// The concatenation reference, used only when more than one segment is needed.
    pub reference: ConcatReference,
}

impl SegmentOptions {
    /// WAP push ports (2948 ← 9200) and the given 8-bit reference.
    pub const fn wap_push(reference: u8) -> Self {
        SegmentOptions {
            ports: PortAddressing::WAP_PUSH,
            reference: ConcatReference::Eight(reference),
        }
    }
}

/// One SMS user data: the header then a slice of the push.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment<'a> {
    ports: InformationElement<'static>,
    concat: Option<InformationElement<'static>>,
    payload: &'a [u8],
}

impl<'a> Segment<'a> {
    /// The part of the push this segment carries.
    pub const fn payload(&self) -> &'a [u8] {
        self.payload
    }

    fn with_header<T>(&self, f: impl FnOnce(HeaderElements<'_, '_>) -> T) -> T {
        match self.concat {
            Some(concat) => f(HeaderElements(&[concat, self.ports])),
            None => f(HeaderElements(&[self.ports])),
        }
    }
}

impl Encode for Segment<'_> {
    fn encoded_len(&self) -> usize {
        self.with_header(|h| h.encoded_len()) + self.payload.len()
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        self.with_header(|h| h.encode(w))?;
        w.write_bytes(self.payload)
    }
}

/// The segments of one push, produced lazily in order.
#[derive(Debug, Clone)]
pub struct Segments<'a> {
    options: SegmentOptions,
    chunks: core::slice::Chunks<'a, u8>,
    total: u8,
    next_sequence: u8,
    empty_pending: bool,
}

impl Segments<'_> {
    /// How many segments the push needs in all.
    pub const fn total(&self) -> u8 {
        self.total
    }
}

impl<'a> Iterator for Segments<'a> {
    type Item = Segment<'a>;

    fn next(&mut self) -> Option<Segment<'a>> {
        let payload = match self.chunks.next() {
            Some(chunk) => chunk,
            // An empty push still travels as one segment with an empty payload.
            None if self.empty_pending => &[],
            None => return None,
        };
        self.empty_pending = false;
        let sequence = self.next_sequence;
        self.next_sequence = self.next_sequence.saturating_add(1);
        let concat = (self.total > 1).then_some(match self.options.reference {
            ConcatReference::Eight(reference) => InformationElement::Concat8 {
                reference,
                total: self.total,
                sequence,
            },
            ConcatReference::Sixteen(reference) => InformationElement::Concat16 {
                reference,
                total: self.total,
                sequence,
            },
        });
        Some(Segment {
            ports: self.options.ports.element(),
            concat,
            payload,
        })
    }
}

/// Splits `push` (a WSP push PDU with its TID octet) into SMS user-data segments that each fit
/// [`MAX_USER_DATA`] octets including their header.
///
/// ```
/// use mms_pdu::codec::Encode;
/// use mms_pdu::sms::{segments, SegmentOptions};
/// let push = [0x01, 0x06, 0x03, 0xBE, 0xAF, 0x84, 0x8C, 0x82];
/// let segs: Vec<_> = segments(&push, &SegmentOptions::wap_push(7)).unwrap().collect();
/// assert_eq!(segs.len(), 1);
/// assert_eq!(
///     segs[0].encode_to_vec().unwrap(),
///     [0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0, 0x01, 0x06, 0x03, 0xBE, 0xAF, 0x84, 0x8C, 0x82]
/// );
/// ```
///
/// # Errors
/// [`EncodeError::Unencodable`] when the push needs more than 255 segments.
pub fn segments<'a>(push: &'a [u8], options: &SegmentOptions) -> Result<Segments<'a>, EncodeError> {
    let ports_len = options.ports.element().encoded_len();
    let single_room = MAX_USER_DATA - 1 - ports_len;
    let (room, total) = if push.len() <= single_room {
        (single_room, 1usize)
    } else {
        let concat_len = match options.reference {
            ConcatReference::Eight(_) => 5,
            ConcatReference::Sixteen(_) => 6,
        };
        let room = MAX_USER_DATA - 1 - ports_len - concat_len;
        (room, push.len().div_ceil(room))
    };
    let Ok(total) = u8::try_from(total) else {
        return Err(EncodeError::Unencodable {
            field: "concatenated SMS",
            reason: "push needs more than 255 segments",
        });
    };
    Ok(Segments {
        options: *options,
        chunks: push.chunks(room),
        total,
        next_sequence: 1,
        empty_pending: push.is_empty(),
    })
}

/// Splits `push` into encoded segments, one `Vec` each (see [`segments`]).
///
/// # Errors
/// As [`segments`].
pub fn segment_to_vecs(push: &[u8], options: &SegmentOptions) -> Result<Vec<Vec<u8>>, EncodeError> {
    segments(push, options)?
        .map(|s| s.encode_to_vec())
        .collect()
}

/// Encodes a built push (a `PushBuilder`, a decoded `Push`, or anything else that encodes a
/// WSP push PDU with its TID octet) and splits it into SMS user data, one `Vec` per SMS,
/// ready to send as 8-bit SMS with TP-UDHI set.
///
/// ```
/// use mms_pdu::sms::{segments_for_push, SegmentOptions};
/// use mms_pdu::wsp::PushBuilder;
/// let notification = [0x8C, 0x82, 0x98, 0x41, 0x00, 0x8D, 0x92];
/// let sms = segments_for_push(&PushBuilder::new(&notification), &SegmentOptions::wap_push(7))
///     .unwrap();
/// assert_eq!(sms.len(), 1);
/// assert_eq!(sms[0][..7], [0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0]);
/// ```
///
/// # Errors
/// The push's own [`EncodeError`], or as [`segments`].
pub fn segments_for_push<P: Encode + ?Sized>(
    push: &P,
    options: &SegmentOptions,
) -> Result<Vec<Vec<u8>>, EncodeError> {
    segment_to_vecs(&push.encode_to_vec()?, options)
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::sms::udh::{Concatenation, split_user_data};
    use alloc::vec;

    #[test]
    fn sizes_at_the_boundaries() {
        let opts = SegmentOptions::wap_push(0x42);
        // 133 octets fit one segment with the 7-octet port-only header.
        let push = vec![0x5Au8; 133];
        let segs = segment_to_vecs(&push, &opts).unwrap();
        assert_eq!(segs.len(), 1);
        assert_eq!(segs[0].len(), 140);
        // 134 need two segments of at most 128 payload octets each.
        let push = vec![0x5Au8; 134];
        let segs = segment_to_vecs(&push, &opts).unwrap();
        assert_eq!(segs.len(), 2);
        assert_eq!(segs[0].len(), 140);
        let (udh, payload) = split_user_data(&segs[1]).unwrap();
        assert_eq!(payload.len(), 134 - 128);
        assert_eq!(
            udh.concatenation(),
            Some(Concatenation {
                reference: 0x42,
                wide_reference: false,
                total: 2,
                sequence: 2
            })
        );
        assert_eq!(udh.ports().unwrap().destination, 2948);
    }

    #[test]
    fn sixteen_bit_reference_and_limits() {
        let opts = SegmentOptions {
            ports: PortAddressing::WAP_PUSH,
            reference: ConcatReference::Sixteen(0x9F8E),
        };
        let push = vec![1u8; 127 * 255];
        let segs = segments(&push, &opts).unwrap();
        assert_eq!(segs.total(), 255);
        for s in segs {
            assert!(s.encoded_len() <= MAX_USER_DATA);
            assert_eq!(s.encode_to_vec().unwrap().len(), s.encoded_len());
        }
        let push = vec![1u8; 127 * 255 + 1];
        assert!(segments(&push, &opts).is_err());
    }

    #[test]
    fn empty_push_is_one_segment() {
        let segs = segment_to_vecs(&[], &SegmentOptions::wap_push(1)).unwrap();
        assert_eq!(segs, [vec![0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0]]);
    }

    #[test]
    fn eight_bit_ports() {
        let opts = SegmentOptions {
            ports: PortAddressing::Eight {
                destination: 0xF5,
                source: 0xF5,
            },
            reference: ConcatReference::Eight(9),
        };
        let segs = segment_to_vecs(&[1, 2, 3], &opts).unwrap();
        assert_eq!(segs, [vec![0x04, 0x04, 0x02, 0xF5, 0xF5, 1, 2, 3]]);
    }
}
