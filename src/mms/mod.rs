//! The MMS PDU model: header values, the typed header, the lazy header walk, the decoded PDU
//! and its owned form (OMA MMS Encapsulation 1.0–1.3; OMA-TS-MMS_ENC-V1_3 §6–§8).
//!
//! Layers, bottom up:
//! - [`values`]: one type per value grammar of OMA-TS-MMS_ENC-V1_3 §7.3 (addresses, From,
//!   Time-value, Previously-Sent-*, MM-Flags, Mbox-Totals/Quotas, Element-Descriptor, the indexed
//!   "-Del" forms ...), each decodable, encodable and remembering its wire form.
//! - [`header`]: [`MmsHeader`], one variant per field code 0x01–0x3F generated from one
//!   table, with raw fallbacks (`Unknown`, `Unparsed`, `Application`) so nothing is lost.
//! - [`walk`]: [`HeaderWalk`], an allocation-free iterator over a header block with absolute
//!   offsets; stops at Content-Type (the body follows).
//! - [`pdu`]: [`Pdu`], the ordered headers, body, trailing octets and diagnostics, with
//!   typed getters; encodes byte-exact. A decoded PDU keeps a compact index of its headers,
//!   built in one pass over the header block (`index.rs`), and types a header when asked.
//! - [`owned`]: [`OwnedPdu`], a `'static` PDU over one `bytes::Bytes`.
//! - [`edit`]: [`PduEditor`] ([`Pdu::edit`]), a relay's edit of a decoded PDU that writes the
//!   headers it leaves alone back as they came.
//!
//! Validation (mandatory fields per PDU type), typed per-type views and builders live beside
//! these modules and are built on them; decoding never depends on validation.
//!
//! ```
//! use mms_pdu::codec::Encode;
//! use mms_pdu::mms::{ParsedAddress, Pdu};
//! // An m-notification-ind.
//! let wire = b"\x8C\x82\x98T2\0\x8D\x92\x89\x18\x80+15551234567/TYPE=PLMN\0\x8A\x80\
//!     \x8E\x02\x30\x39\x88\x05\x81\x03\x03\xF4\x80\x83http://mmsc.example/m1\0";
//! let pdu = Pdu::decode(wire).unwrap();
//! assert_eq!(
//!     pdu.from_address().unwrap().parsed(),
//!     ParsedAddress::Phone(b"+15551234567")
//! );
//! assert_eq!(pdu.message_size().unwrap().value, 12345);
//! assert_eq!(pdu.content_location().unwrap().as_bytes(), b"http://mmsc.example/m1");
//! assert!(pdu.diagnostics().is_empty());
//! assert_eq!(pdu.encode_to_vec().unwrap(), wire);
//! ```

pub mod address;
pub mod build;
pub mod dedup;
mod display;
pub mod edit;
pub mod header;
mod index;
pub mod owned;
pub(crate) mod partial;
pub mod pdu;
pub mod presence;
pub mod status;
mod streamed;
pub mod validate;
pub mod values;
pub mod views;
pub mod walk;

pub use edit::PduEditor;
pub use header::{MmsHeader, decode_header};
pub use owned::OwnedPdu;
pub use partial::{CutPart, Partial};
pub use pdu::{Pdu, PduHeader};
pub use streamed::StreamedPdu;
pub use values::{
    Address, ContentLocationValue, ContentTypeValue, DecodeContext, ElementDescriptor,
    ElementParam, ElementParamName, ElementParamValue, ElementParams, FromValue, HeaderValue,
    Indexable, IndexableValue, MboxQuotas, MboxTotals, MessageClassValue, MmFlags, ParsedAddress,
    PreviouslySentBy, PreviouslySentDate, ResponseStatusValue, ResponseTextValue, Time, TimeValue,
    address, content_type_value, element_descriptor, from_value, mbox_quotas, mbox_totals,
    mm_flags, previously_sent_by, previously_sent_date, time_value,
};
pub use walk::{HeaderField, HeaderWalk};
