//! The SMS user data header (3GPP TS 23.040 §9.2.3.24) as used by WDP to carry WAP push:
//! application port addressing and concatenation (3GPP TS 23.040 §9.2.3.24.4 16-bit ports, §9.2.3.24.1 / §9.2.3.24.8 concatenation; port 2948 per WAP-259-WDP).
//!
//! The header is `UDHL` (one octet: the number of octets of information elements that follow)
//! and then information elements, each `IEI`, `IEDL`, then `IEDL` octets of data. Decoding
//! checks the UDHL against the user data and every IE length against the UDHL before anything
//! is handed out; the elements are then read lazily, without allocating. Elements this crate
//! does not model (and known elements with a length other than the one the standard fixes) are
//! kept raw and written back unchanged.

use core::fmt;

use crate::base::error::{DecodeError, DecodeErrorKind, EncodeError};
use crate::codec::{Encode, Writer};

/// IEI of concatenated short messages with an 8-bit reference number (length 3).
pub const IEI_CONCAT_8BIT: u8 = 0x00;
/// IEI of application port addressing with 8-bit ports (length 2).
pub const IEI_PORTS_8BIT: u8 = 0x04;
/// IEI of application port addressing with 16-bit ports (length 4).
pub const IEI_PORTS_16BIT: u8 = 0x05;
/// IEI of concatenated short messages with a 16-bit reference number (length 4).
pub const IEI_CONCAT_16BIT: u8 = 0x08;

/// The WDP port of connectionless WAP push (`wap-push`).
pub const PORT_WAP_PUSH: u16 = 2948;
/// The WDP port of secure (WTLS) WAP push (`wap-pushsecure`).
pub const PORT_WAP_PUSH_SECURE: u16 = 2949;
/// The WDP port of connectionless WSP (`wap-wsp`), the usual source port of a push.
pub const PORT_WAP_WSP: u16 = 9200;

/// One information element of a user data header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum InformationElement<'a> {
    /// Concatenated short message, 8-bit reference (IEI 0x00).
    Concat8 {
        /// Reference number shared by all segments of the message.
        reference: u8,
        /// Number of segments of the message (1–255).
        total: u8,
        /// This segment's number, counted from 1.
        sequence: u8,
    },
    /// Concatenated short message, 16-bit reference (IEI 0x08).
    Concat16 {
        /// Reference number shared by all segments of the message.
        reference: u16,
        /// Number of segments of the message (1–255).
        total: u8,
        /// This segment's number, counted from 1.
        sequence: u8,
    },
    /// Application port addressing, 8-bit ports (IEI 0x04).
    Ports8 {
        /// Destination port.
        destination: u8,
        /// Originator port.
        source: u8,
    },
    /// Application port addressing, 16-bit ports (IEI 0x05).
    Ports16 {
        /// Destination port (2948 for WAP push).
        destination: u16,
        /// Originator port (usually 9200).
        source: u16,
    },
    /// Any other element, or a known one whose length is not the one the standard fixes; kept
    /// as it came.
    Other {
        /// The information element identifier.
        id: u8,
        /// The element data (at most 255 octets).
        #[cfg_attr(
            feature = "serde",
            serde(serialize_with = "crate::base::serde_util::bytes")
        )]
        data: &'a [u8],
    },
}

/// The application ports of a message, whichever width they were sent in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Ports {
    /// Destination port.
    pub destination: u16,
    /// Originator port.
    pub source: u16,
}

/// The concatenation information of a segment, whichever reference width it was sent in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Concatenation {
    /// The reference number (an 8-bit reference is widened).
    pub reference: u16,
    /// Whether the reference was sent as 16 bits (IEI 0x08). 8- and 16-bit references are
    /// different name spaces.
    pub wide_reference: bool,
    /// Number of segments of the message.
    pub total: u8,
    /// This segment's number, counted from 1.
    pub sequence: u8,
}

impl InformationElement<'_> {
    /// The information element identifier.
    pub const fn id(&self) -> u8 {
        match *self {
            InformationElement::Concat8 { .. } => IEI_CONCAT_8BIT,
            InformationElement::Concat16 { .. } => IEI_CONCAT_16BIT,
            InformationElement::Ports8 { .. } => IEI_PORTS_8BIT,
            InformationElement::Ports16 { .. } => IEI_PORTS_16BIT,
            InformationElement::Other { id, .. } => id,
        }
    }

    /// Length of the element data (IEDL).
    pub const fn data_len(&self) -> usize {
        match *self {
            InformationElement::Concat8 { .. } => 3,
            InformationElement::Concat16 { .. } | InformationElement::Ports16 { .. } => 4,
            InformationElement::Ports8 { .. } => 2,
            InformationElement::Other { data, .. } => data.len(),
        }
    }

    /// The ports, if this is a port addressing element.
    pub const fn ports(&self) -> Option<Ports> {
        match *self {
            InformationElement::Ports8 {
                destination,
                source,
            } => Some(Ports {
                destination: destination as u16,
                source: source as u16,
            }),
            InformationElement::Ports16 {
                destination,
                source,
            } => Some(Ports {
                destination,
                source,
            }),
            _ => None,
        }
    }

    /// The concatenation information, if this is a concatenation element.
    pub const fn concatenation(&self) -> Option<Concatenation> {
        match *self {
            InformationElement::Concat8 {
                reference,
                total,
                sequence,
            } => Some(Concatenation {
                reference: reference as u16,
                wide_reference: false,
                total,
                sequence,
            }),
            InformationElement::Concat16 {
                reference,
                total,
                sequence,
            } => Some(Concatenation {
                reference,
                wide_reference: true,
                total,
                sequence,
            }),
            _ => None,
        }
    }
}

impl<'a> InformationElement<'a> {
    /// Interprets one element whose identifier and data have already been cut out.
    fn from_parts(id: u8, data: &'a [u8]) -> Self {
        match (id, data) {
            (IEI_CONCAT_8BIT, &[reference, total, sequence]) => InformationElement::Concat8 {
                reference,
                total,
                sequence,
            },
            (IEI_CONCAT_16BIT, &[r0, r1, total, sequence]) => InformationElement::Concat16 {
                reference: u16::from_be_bytes([r0, r1]),
                total,
                sequence,
            },
            (IEI_PORTS_8BIT, &[destination, source]) => InformationElement::Ports8 {
                destination,
                source,
            },
            (IEI_PORTS_16BIT, &[d0, d1, s0, s1]) => InformationElement::Ports16 {
                destination: u16::from_be_bytes([d0, d1]),
                source: u16::from_be_bytes([s0, s1]),
            },
            _ => InformationElement::Other { id, data },
        }
    }
}

impl Encode for InformationElement<'_> {
    fn encoded_len(&self) -> usize {
        2 + self.data_len()
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        let Ok(len) = u8::try_from(self.data_len()) else {
            return Err(EncodeError::Unencodable {
                field: "information element",
                reason: "data longer than 255 octets",
            });
        };
        w.write_u8(self.id())?;
        w.write_u8(len)?;
        match *self {
            InformationElement::Concat8 {
                reference,
                total,
                sequence,
            } => w.write_bytes(&[reference, total, sequence]),
            InformationElement::Concat16 {
                reference,
                total,
                sequence,
            } => {
                let [r0, r1] = reference.to_be_bytes();
                w.write_bytes(&[r0, r1, total, sequence])
            }
            InformationElement::Ports8 {
                destination,
                source,
            } => w.write_bytes(&[destination, source]),
            InformationElement::Ports16 {
                destination,
                source,
            } => {
                let [d0, d1] = destination.to_be_bytes();
                let [s0, s1] = source.to_be_bytes();
                w.write_bytes(&[d0, d1, s0, s1])
            }
            InformationElement::Other { data, .. } => w.write_bytes(data),
        }
    }
}

/// A decoded user data header: the validated information elements, kept as the raw slice and
/// read lazily.
///
/// ```
/// use mms_pdu::sms::{split_user_data, InformationElement, Ports, PORT_WAP_PUSH};
/// let ud = [0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0, 0x01, 0x06];
/// let (udh, payload) = split_user_data(&ud).unwrap();
/// assert_eq!(udh.ports(), Some(Ports { destination: PORT_WAP_PUSH, source: 9200 }));
/// assert_eq!(udh.concatenation(), None);
/// assert_eq!(payload, [0x01, 0x06]);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct UserDataHeader<'a> {
    #[cfg_attr(
        feature = "serde",
        serde(serialize_with = "crate::base::serde_util::bytes")
    )]
    elements: &'a [u8],
}

impl fmt::Debug for UserDataHeader<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.elements()).finish()
    }
}

/// Splits SMS user data (sent with TP-UDHI set) into its header and the payload after it.
///
/// # Errors
/// `UnexpectedEnd` for empty user data; `LengthExceedsInput` when the UDHL runs past the user
/// data or an element's length runs past the UDHL; `UnexpectedEnd` when an element's identifier
/// or length octet is cut off by the UDHL.
pub fn split_user_data(ud: &[u8]) -> Result<(UserDataHeader<'_>, &[u8]), DecodeError> {
    let Some((&udhl, rest)) = ud.split_first() else {
        return Err(DecodeError {
            offset: 0,
            kind: DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 },
            context: "UDHL",
        });
    };
    if usize::from(udhl) > rest.len() {
        return Err(DecodeError {
            offset: 0,
            kind: DecodeErrorKind::LengthExceedsInput {
                need: u64::from(udhl),
                have: rest.len() as u64,
            },
            context: "UDHL",
        });
    }
    let (elements, payload) = rest.split_at(usize::from(udhl));
    validate_elements(elements)?;
    Ok((UserDataHeader { elements }, payload))
}

/// Checks that `elements` is an exact sequence of `IEI IEDL data` triples.
fn validate_elements(elements: &[u8]) -> Result<(), DecodeError> {
    // Offsets are reported from the start of the user data: the UDHL octet is at 0.
    let mut at = 1usize;
    let mut rest = elements;
    while !rest.is_empty() {
        let &[_, len, ref data @ ..] = rest else {
            return Err(DecodeError {
                offset: at + rest.len(),
                kind: DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 },
                context: "information element",
            });
        };
        let len = usize::from(len);
        if len > data.len() {
            return Err(DecodeError {
                offset: at + 1,
                kind: DecodeErrorKind::LengthExceedsInput {
                    need: len as u64,
                    have: data.len() as u64,
                },
                context: "information element",
            });
        }
        rest = data.get(len..).unwrap_or(&[]);
        at += 2 + len;
    }
    Ok(())
}

impl<'a> UserDataHeader<'a> {
    /// A header over already-encoded information elements (without the UDHL octet).
    ///
    /// # Errors
    /// As [`split_user_data`] when the elements are not well formed, `ValueOutOfRange` when
    /// they exceed 255 octets.
    pub fn from_elements(elements: &'a [u8]) -> Result<Self, DecodeError> {
        if elements.len() > usize::from(u8::MAX) {
            return Err(DecodeError {
                offset: 0,
                kind: DecodeErrorKind::ValueOutOfRange,
                context: "UDHL",
            });
        }
        validate_elements(elements)?;
        Ok(UserDataHeader { elements })
    }

    /// The raw information elements (everything after the UDHL octet).
    pub const fn raw_elements(&self) -> &'a [u8] {
        self.elements
    }

    /// The information elements, in order.
    pub fn elements(&self) -> Elements<'a> {
        Elements {
            rest: self.elements,
        }
    }

    /// The application ports of the first port addressing element, if any.
    pub fn ports(&self) -> Option<Ports> {
        self.elements().find_map(|ie| ie.ports())
    }

    /// The concatenation information of the first concatenation element, if any.
    pub fn concatenation(&self) -> Option<Concatenation> {
        self.elements().find_map(|ie| ie.concatenation())
    }
}

impl Encode for UserDataHeader<'_> {
    fn encoded_len(&self) -> usize {
        1 + self.elements.len()
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        let Ok(udhl) = u8::try_from(self.elements.len()) else {
            return Err(EncodeError::Unencodable {
                field: "UDHL",
                reason: "header longer than 255 octets",
            });
        };
        w.write_u8(udhl)?;
        w.write_bytes(self.elements)
    }
}

/// Lazy iterator over the information elements of a [`UserDataHeader`].
#[derive(Debug, Clone)]
pub struct Elements<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Elements<'a> {
    type Item = InformationElement<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        // The slice was validated on construction; a malformed tail simply ends the iteration.
        let &[id, len, ref tail @ ..] = self.rest else {
            self.rest = &[];
            return None;
        };
        let Some((data, rest)) = tail.split_at_checked(usize::from(len)) else {
            self.rest = &[];
            return None;
        };
        self.rest = rest;
        Some(InformationElement::from_parts(id, data))
    }
}

/// A user data header to encode, built from typed elements: `UDHL` then each element.
///
/// ```
/// use mms_pdu::codec::Encode;
/// use mms_pdu::sms::{HeaderElements, InformationElement};
/// let ies = [InformationElement::Ports16 { destination: 2948, source: 9200 }];
/// let udh = HeaderElements(&ies);
/// assert_eq!(udh.encode_to_vec().unwrap(), [0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0]);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct HeaderElements<'e, 'a>(pub &'e [InformationElement<'a>]);

impl HeaderElements<'_, '_> {
    fn elements_len(&self) -> usize {
        self.0.iter().map(Encode::encoded_len).sum()
    }
}

impl Encode for HeaderElements<'_, '_> {
    fn encoded_len(&self) -> usize {
        1 + self.elements_len()
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        let Ok(udhl) = u8::try_from(self.elements_len()) else {
            return Err(EncodeError::Unencodable {
                field: "UDHL",
                reason: "header longer than 255 octets",
            });
        };
        w.write_u8(udhl)?;
        self.0.iter().try_for_each(|ie| ie.encode(w))
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use alloc::vec;
    use alloc::vec::Vec;
    use proptest::prelude::*;

    #[test]
    fn python_messaging_example() {
        // python-messaging's two-SMS push test: concat ref 0x9F8E part 1/2, ports 2948 <- 9200.
        let ud = [
            0x0C, 0x08, 0x04, 0x9F, 0x8E, 0x02, 0x01, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0, 0xAA,
        ];
        let (udh, payload) = split_user_data(&ud).unwrap();
        assert_eq!(payload, [0xAA]);
        let ies: Vec<_> = udh.elements().collect();
        assert_eq!(
            ies,
            [
                InformationElement::Concat16 {
                    reference: 0x9F8E,
                    total: 2,
                    sequence: 1
                },
                InformationElement::Ports16 {
                    destination: PORT_WAP_PUSH,
                    source: PORT_WAP_WSP
                },
            ]
        );
        assert_eq!(
            udh.concatenation(),
            Some(Concatenation {
                reference: 0x9F8E,
                wide_reference: true,
                total: 2,
                sequence: 1
            })
        );
        assert_eq!(udh.encode_to_vec().unwrap(), ud[..13]);
        assert_eq!(HeaderElements(&ies).encode_to_vec().unwrap(), ud[..13]);
        assert_eq!(HeaderElements(&ies).encoded_len(), 13);
    }

    #[test]
    fn minimal_header() {
        let ud = [0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0];
        let (udh, payload) = split_user_data(&ud).unwrap();
        assert!(payload.is_empty());
        assert_eq!(
            udh.ports(),
            Some(Ports {
                destination: 2948,
                source: 9200
            })
        );
        assert_eq!(udh.encode_to_vec().unwrap(), ud);
    }

    #[test]
    fn eight_bit_elements_and_unknown_kept_raw() {
        // concat8 ref 7 3/2, ports8 dest 0xF0 src 0x10, unknown IEI 0x24 (national language
        // shift) len 1, and a ports16 with a wrong length of 2 (kept raw).
        let ud = [
            0x10, 0x00, 0x03, 0x07, 0x03, 0x02, 0x04, 0x02, 0xF0, 0x10, 0x24, 0x01, 0x05, 0x05,
            0x02, 0x0B, 0x84, 0x55,
        ];
        let (udh, payload) = split_user_data(&ud).unwrap();
        assert_eq!(payload, [0x55]);
        let ies: Vec<_> = udh.elements().collect();
        assert_eq!(
            ies,
            [
                InformationElement::Concat8 {
                    reference: 7,
                    total: 3,
                    sequence: 2
                },
                InformationElement::Ports8 {
                    destination: 0xF0,
                    source: 0x10
                },
                InformationElement::Other {
                    id: 0x24,
                    data: &[0x05]
                },
                InformationElement::Other {
                    id: 0x05,
                    data: &[0x0B, 0x84]
                },
            ]
        );
        assert_eq!(udh.ports().unwrap().destination, 0xF0);
        assert!(!udh.concatenation().unwrap().wide_reference);
        assert_eq!(udh.encode_to_vec().unwrap(), ud[..17]);
        assert_eq!(HeaderElements(&ies).encode_to_vec().unwrap(), ud[..17]);
    }

    #[test]
    fn empty_header_and_empty_user_data() {
        let (udh, payload) = split_user_data(&[0x00, 0x01]).unwrap();
        assert_eq!(udh.elements().count(), 0);
        assert_eq!(payload, [0x01]);
        let err = split_user_data(&[]).unwrap_err();
        assert_eq!(err.context, "UDHL");
    }

    #[test]
    fn hostile_lengths() {
        // UDHL past the user data.
        let err = split_user_data(&[0xFF, 0x05, 0x04]).unwrap_err();
        assert_eq!(
            err.kind,
            DecodeErrorKind::LengthExceedsInput { need: 255, have: 2 }
        );
        // IE length past the UDHL (although within the user data).
        let err = split_user_data(&[0x03, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0]).unwrap_err();
        assert_eq!(
            err.kind,
            DecodeErrorKind::LengthExceedsInput { need: 4, have: 1 }
        );
        assert_eq!(err.offset, 2);
        // IE identifier without its length octet inside the UDHL.
        let err = split_user_data(&[0x01, 0x05, 0x04]).unwrap_err();
        assert_eq!(err.context, "information element");
        // IE length 255 in a short header.
        let err = split_user_data(&[0x02, 0x70, 0xFF]).unwrap_err();
        assert!(matches!(
            err.kind,
            DecodeErrorKind::LengthExceedsInput { need: 255, .. }
        ));
        assert!(UserDataHeader::from_elements(&[0u8; 256]).is_err());
    }

    #[test]
    fn every_prefix_of_header_fails_cleanly() {
        let ud = [
            0x0C, 0x08, 0x04, 0x9F, 0x8E, 0x02, 0x01, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0,
        ];
        for n in 0..ud.len() {
            assert!(split_user_data(&ud[..n]).is_err(), "prefix {n}");
        }
    }

    #[test]
    fn oversized_other_element_is_an_encode_error() {
        let data = vec![0u8; 300];
        let ie = InformationElement::Other {
            id: 0x70,
            data: &data,
        };
        assert!(ie.encode_to_vec().is_err());
        let ies = [InformationElement::Other {
            id: 0x70,
            data: &data[..200],
        }; 2];
        assert!(HeaderElements(&ies).encode_to_vec().is_err());
    }

    proptest! {
        #[test]
        fn any_accepted_user_data_reencodes(ud in proptest::collection::vec(any::<u8>(), 0..64)) {
            if let Ok((udh, payload)) = split_user_data(&ud) {
                let mut out = udh.encode_to_vec().unwrap();
                prop_assert_eq!(out.len(), udh.encoded_len());
                out.extend_from_slice(payload);
                prop_assert_eq!(&out, &ud);
                let ies: Vec<_> = udh.elements().collect();
                let again = HeaderElements(&ies).encode_to_vec().unwrap();
                prop_assert_eq!(&again[..], &ud[..udh.encoded_len()]);
            }
        }
    }
}
