//! The SMS transport of WAP push: WDP user data headers, segmentation and reassembly
//! (WAP-259-WDP over GSM SMS; 3GPP TS 23.040 §9.2.3.24), and the SMS framings a push is found in.
//!
//! A WAP push travels in 8-bit SMS with a user data header: an application port addressing
//! element (destination 2948) in every segment, and a concatenation element when the push needs
//! more than one SMS. [`split_user_data`] reads the header of one SMS, [`segments`] splits a push
//! for sending, and [`Reassembler`] joins received segments with bounded memory.
//!
//! Input from a modem still has its framing: [`Deliver`] decodes a whole SMS-DELIVER TPDU as a
//! modem prints it in PDU mode (SMSC address first), [`modem_pdus`] reads those hex lines out of
//! `AT+CMGR` / `+CMT:` output, [`classify`] tells a TPDU and user data with its header from a
//! bare push, and [`join_segments`] reassembles several of them (segments received together, as
//! user data or SMS-DELIVERs) into whole pushes.

mod address;
mod framing;
mod gsm7;
mod modem;
mod reassemble;
mod segment;
mod timestamp;
mod tpdu;
mod udh;

pub use address::{
    Address, AddressBuf, MAX_ADDRESS_SEMI_OCTETS, TOA_ALPHANUMERIC, TOA_INTERNATIONAL,
    TOA_NATIONAL, TOA_UNKNOWN,
};
pub use framing::{Framing, JoinError, classify, join_segments};
pub use modem::{ModemPdus, modem_pdus};
pub use reassemble::{PendingMessage, Reassembler, ReassemblyError, ReassemblyLimits, SequenceSet};
pub use segment::{
    ConcatReference, MAX_USER_DATA, PortAddressing, Segment, SegmentOptions, Segments,
    segment_to_vecs, segments, segments_for_push,
};
pub use timestamp::{LocalTime, Timestamp};
pub use tpdu::{Alphabet, DataCoding, Deliver, DeliverFields, FirstOctet};
pub use udh::{
    Concatenation, Elements, HeaderElements, IEI_CONCAT_8BIT, IEI_CONCAT_16BIT, IEI_PORTS_8BIT,
    IEI_PORTS_16BIT, InformationElement, PORT_WAP_PUSH, PORT_WAP_PUSH_SECURE, PORT_WAP_WSP, Ports,
    UserDataHeader, split_user_data,
};

/// One SMS user data for tests: an 8-bit concatenation element `reference total sequence` and
/// the WAP push ports (2948 from 9200), then `payload`.
#[cfg(test)]
pub(crate) fn wap_push_user_data(
    reference: u8,
    total: u8,
    sequence: u8,
    payload: &[u8],
) -> alloc::vec::Vec<u8> {
    let mut ud = alloc::vec![
        0x0B, 0x00, 0x03, reference, total, sequence, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0,
    ];
    ud.extend_from_slice(payload);
    ud
}
