//! The SMS framing of a push in the exact JSON: the octets written in front of the push
//! (`prefix`), and what they decode to (`decoded`), which is only reported.
//!
//! The prefix is what reads back: it is the one form that holds every octet of a framing (the
//! TP-UDL of an SMS-DELIVER counts the push behind it, so its fields alone would not say what
//! to write). The decoded fields are checked against it as a part's `text` is checked against
//! its `data`, so an edit there is an error instead of being lost.

use alloc::borrow::Cow;
use alloc::string::ToString;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

use crate::sms::{Framing, UserDataHeader};

/// `"framing"` of a push's JSON, as written.
#[derive(Serialize)]
pub(super) struct FramingJson<'a> {
    /// The octets in front of the push.
    #[serde(serialize_with = "octets")]
    prefix: Vec<u8>,
    /// What they decode to.
    decoded: FramingReport<'a>,
}

/// `"framing"` of a push's JSON, as read.
#[derive(Deserialize)]
pub(super) struct FramingFields<'a> {
    /// Written in front of the push.
    #[serde(deserialize_with = "crate::base::serde_util::borrowed_bytes", borrow)]
    pub(super) prefix: &'a [u8],
    /// Reported: must be what `prefix` (followed by the push) decodes to.
    #[serde(borrow, default)]
    pub(super) decoded: Option<FramingReport<'a>>,
}

#[allow(clippy::ptr_arg)] // serde's serialize_with passes `&Vec<u8>`.
fn octets<S: serde::Serializer>(b: &Vec<u8>, s: S) -> Result<S::Ok, S::Error> {
    crate::base::serde_util::bytes(&b.as_slice(), s)
}

/// The fields of a framing (3GPP TS 23.040 §9.2.2.1 for an SMS-DELIVER, §9.2.3.24 for the
/// user data header), in the units a reader looks for: addresses and the time stamp as text.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub(super) enum FramingReport<'a> {
    /// SMS user data with its header.
    #[serde(rename = "user_data")]
    UserData {
        /// The user data header.
        #[serde(borrow)]
        header: HeaderReport<'a>,
    },
    /// A whole SMS-DELIVER TPDU.
    #[serde(rename = "deliver")]
    Deliver {
        /// The SMSC address, when the field is not empty.
        #[serde(borrow)]
        smsc: Option<Cow<'a, str>>,
        /// TP-MTI and the flags.
        first_octet: u8,
        /// TP-OA.
        #[serde(borrow)]
        originator: Cow<'a, str>,
        /// TP-PID.
        protocol_id: u8,
        /// TP-DCS.
        data_coding: u8,
        /// TP-SCTS (RFC 3339, or its octets in hex when it is no date).
        #[serde(borrow)]
        timestamp: Cow<'a, str>,
        /// TP-UDL.
        user_data_length: u8,
        /// The user data header, when TP-UDHI says there is one.
        #[serde(borrow)]
        header: Option<HeaderReport<'a>>,
    },
}

/// A user data header.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub(super) struct HeaderReport<'a> {
    /// UDHL: the octets of the elements.
    length: usize,
    /// The information elements in order.
    #[serde(borrow)]
    elements: Vec<ElementReport<'a>>,
}

/// One information element: its identifier and data, and what a known one says.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub(super) struct ElementReport<'a> {
    /// IEI.
    iei: u8,
    /// The element's data.
    #[serde(
        serialize_with = "crate::base::serde_util::bytes",
        deserialize_with = "crate::base::serde_util::borrowed_bytes",
        borrow
    )]
    data: &'a [u8],
    /// Application port addressing: `[destination, source]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ports: Option<[u16; 2]>,
    /// Concatenation: `[reference, total, sequence]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    concatenation: Option<[u16; 3]>,
}

impl<'a> HeaderReport<'a> {
    fn of(header: &UserDataHeader<'a>) -> Self {
        let raw = header.raw_elements();
        // Each element is `IEI IEDL data`; the typed forms carry a known element's data as
        // numbers, so its octets are taken from the header as they came.
        let mut at = 0usize;
        let elements = header
            .elements()
            .map(|ie| {
                let len = ie.data_len();
                let data = raw.get(at + 2..at + 2 + len).unwrap_or_default();
                at += 2 + len;
                ElementReport {
                    iei: ie.id(),
                    data,
                    ports: ie.ports().map(|p| [p.destination, p.source]),
                    concatenation: ie
                        .concatenation()
                        .map(|c| [c.reference, u16::from(c.total), u16::from(c.sequence)]),
                }
            })
            .collect();
        HeaderReport {
            length: raw.len(),
            elements,
        }
    }
}

impl<'a> FramingReport<'a> {
    /// What `framing` decodes to; `None` for an unframed input.
    pub(super) fn of(framing: &Framing<'a>) -> Option<Self> {
        match framing {
            Framing::UserData { header, .. } => Some(FramingReport::UserData {
                header: HeaderReport::of(header),
            }),
            Framing::Deliver(d) => Some(FramingReport::Deliver {
                smsc: d.smsc().map(|a| Cow::Owned(a.to_string())),
                first_octet: d.first_octet().0,
                originator: Cow::Owned(d.originator().to_string()),
                protocol_id: d.protocol_id(),
                data_coding: d.data_coding().0,
                timestamp: Cow::Owned(d.timestamp().to_string()),
                user_data_length: d.user_data_length(),
                header: d.user_data_header().as_ref().map(HeaderReport::of),
            }),
            Framing::Unframed(_) => None,
        }
    }
}

impl<'a> FramingJson<'a> {
    /// The JSON of a framing; `None` for an unframed input (which has none).
    pub(super) fn of(framing: &Framing<'a>) -> Option<Self> {
        let decoded = FramingReport::of(framing)?;
        Some(FramingJson {
            prefix: prefix_of(framing),
            decoded,
        })
    }
}

/// The octets `framing` writes in front of its payload.
pub(crate) fn prefix_of(framing: &Framing<'_>) -> Vec<u8> {
    let mut prefix = Vec::with_capacity(framing.payload_offset());
    // Writing to a Vec cannot fail.
    let _ = framing.encode_prefix(&mut prefix);
    prefix
}
