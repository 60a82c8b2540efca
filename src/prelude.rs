//! What the common path needs, in one import: `use mms_pdu::prelude::*;`.
//!
//! Decoding (the front door and its owned forms), the PDU and its typed views for the
//! everyday message types (each view starts its type's builder), encoding, options and errors,
//! and the value types that sending and answering take. Everything else is one module path
//! away (`mms_pdu::mms`, `mms_pdu::wsp`, `mms_pdu::assigned`, ...).
//!
//! ```
//! use mms_pdu::prelude::*;
//!
//! // A phone answers a pushed notification.
//! let wire = include_bytes!("../samples/push-notification.wsp");
//! let Message::Push(pushed) = decode(wire)? else { unreachable!() };
//! let pdu = pushed.pdu.expect("an MMS push");
//! let notification = NotificationInd::try_from(&pdu)?;
//! let tid = notification.transaction_id().expect("mandatory, checked by try_from");
//! let answer = NotifyRespInd::build(tid, Status::DEFERRED).build()?;
//! assert_eq!(answer.encode_to_vec()?[..2], [0x8C, 0x83]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub use bytes::Bytes;

pub use crate::assigned::{
    Charset, MessageType, MmsVersion, ResponseStatus, Status, WellKnownMedia,
};
pub use crate::base::diag::Diagnostic;
pub use crate::base::error::{DecodeError, DecodeErrorKind, EncodeError};
pub use crate::base::options::DecodeOptions;
pub use crate::codec::{Encode, EncodedString, TextString};
pub use crate::content::attachments::Slideshow;
pub use crate::content::view::MessageView;
pub use crate::message::{Message, OwnedPush, PushMessage, decode, decode_with};
pub use crate::mms::views::{
    AcknowledgeInd, DeliveryInd, NotificationInd, NotifyRespInd, PduView, ReadOrigInd, ReadRecInd,
    RetrieveConf, SendConf, SendReq, ViewError,
};
pub use crate::mms::{Address, FromValue, OwnedPdu, Pdu, TimeValue};
pub use crate::wsp::{ContentType, Multipart, MultipartBuilder, Part, PartBuilder, Push};
