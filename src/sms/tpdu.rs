//! SMS-DELIVER (3GPP TS 23.040 §9.2.2.1) in the form modems print in PDU mode (`AT+CMGR`,
//! `+CMT:`; 3GPP TS 27.005 §3.1): the SMSC address field first (a length octet counting the
//! octets after it, 0 for none), then the TPDU.
//!
//! ```text
//! SMSC: len TOA BCD...  first-octet  OA: digits TOA BCD...  PID  DCS  SCTS(7)  UDL  UD
//! ```
//!
//! A WAP push arrives with TP-UDHI set (`0x44` or `0x40`), 8-bit data coding and a user data
//! header addressing port 2948. The decoder borrows every field from the input, checks every
//! length against the input before it is used and allocates nothing; the TPDU re-encodes byte
//! for byte. 7-bit and UCS2 user data decode too (TP-UDL counts septets for uncompressed
//! 7-bit data, octets otherwise) and are kept as octets: they do not carry a push.

use crate::base::error::{DecodeError, DecodeErrorKind, EncodeError, Expected};
use crate::codec::{Cursor, Encode, Writer, octet};
use crate::sms::address::Address;
use crate::sms::timestamp::Timestamp;
use crate::sms::udh::{Concatenation, Ports, UserDataHeader, split_user_data};

/// Most octets of TP-UD (140), and so of 8-bit, UCS2 or compressed TP-UDL.
const MAX_UD_OCTETS: u8 = 140;
/// Most septets of uncompressed 7-bit TP-UDL (160).
const MAX_UD_SEPTETS: u8 = 160;
/// Most octets of the SMSC address field after its length octet (type and 10 octets of digits).
const MAX_SMSC_LEN: u8 = 11;

/// The first octet of an SMS-DELIVER TPDU (§9.2.2.1): TP-MTI, TP-MMS, TP-LP, TP-SRI, TP-UDHI,
/// TP-RP. Bit 4 has no meaning in SMS-DELIVER and is kept as it came.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct FirstOctet(pub u8);

impl FirstOctet {
    /// TP-MTI bits (1–0); 0 is SMS-DELIVER.
    pub const MESSAGE_TYPE: u8 = 0x03;
    /// TP-MMS (bit 2): set when no more messages are waiting in the service centre.
    pub const NO_MORE_MESSAGES: u8 = 0x04;
    /// TP-LP (bit 3): loop prevention.
    pub const LOOP_PREVENTION: u8 = 0x08;
    /// TP-SRI (bit 5): a status report will be returned to the sender.
    pub const STATUS_REPORT: u8 = 0x20;
    /// TP-UDHI (bit 6): the user data starts with a user data header.
    pub const USER_DATA_HEADER: u8 = 0x40;
    /// TP-RP (bit 7): a reply path is set.
    pub const REPLY_PATH: u8 = 0x80;
    /// SMS-DELIVER with a user data header and no more messages waiting (`0x44`): how a WAP
    /// push usually arrives.
    pub const WAP_PUSH: Self = FirstOctet(Self::USER_DATA_HEADER | Self::NO_MORE_MESSAGES);

    /// TP-MTI: 0 SMS-DELIVER, 1 SMS-SUBMIT-REPORT, 2 SMS-STATUS-REPORT (towards the phone).
    pub const fn message_type(self) -> u8 {
        self.0 & Self::MESSAGE_TYPE
    }

    /// Whether TP-MTI says SMS-DELIVER.
    pub const fn is_deliver(self) -> bool {
        self.message_type() == 0
    }

    /// TP-MMS: whether more messages are waiting in the service centre (the bit is clear).
    pub const fn more_messages_waiting(self) -> bool {
        self.0 & Self::NO_MORE_MESSAGES == 0
    }

    /// TP-LP: loop prevention.
    pub const fn loop_prevention(self) -> bool {
        self.0 & Self::LOOP_PREVENTION != 0
    }

    /// TP-SRI: whether a status report will be returned to the sender.
    pub const fn status_report(self) -> bool {
        self.0 & Self::STATUS_REPORT != 0
    }

    /// TP-UDHI: whether the user data starts with a user data header.
    pub const fn user_data_header(self) -> bool {
        self.0 & Self::USER_DATA_HEADER != 0
    }

    /// TP-RP: whether a reply path is set.
    pub const fn reply_path(self) -> bool {
        self.0 & Self::REPLY_PATH != 0
    }
}

/// The alphabet of the user data, from TP-DCS (3GPP TS 23.038 §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Alphabet {
    /// The GSM 7-bit default alphabet, septets packed into octets. Reserved codings are read
    /// as this one, as TS 23.038 asks of a receiver.
    Gsm7,
    /// 8-bit data: what WAP push uses.
    Eight,
    /// UCS2 (UTF-16 big-endian).
    Ucs2,
}

/// TP-DCS, the data coding scheme (3GPP TS 23.038 §4), kept as its octet.
///
/// ```
/// use mms_pdu::sms::{Alphabet, DataCoding};
/// assert_eq!(DataCoding(0x04).alphabet(), Alphabet::Eight);
/// assert_eq!(DataCoding(0xF5).alphabet(), Alphabet::Eight); // class 1, 8-bit
/// assert_eq!(DataCoding(0xF5).message_class(), Some(1));
/// assert!(DataCoding(0x00).counts_septets());
/// assert!(!DataCoding(0x20).counts_septets()); // compressed: TP-UDL counts octets
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DataCoding(pub u8);

impl DataCoding {
    /// General data coding, uncompressed, no message class, GSM 7-bit default alphabet.
    pub const GSM7: Self = DataCoding(0x00);
    /// General data coding, uncompressed, no message class, 8-bit data.
    pub const EIGHT_BIT: Self = DataCoding(0x04);
    /// General data coding, uncompressed, no message class, UCS2.
    pub const UCS2: Self = DataCoding(0x08);

    /// Whether the octet is in the general data coding groups (`00xx` and `01xx`).
    const fn is_general(self) -> bool {
        self.0 & 0x80 == 0
    }

    /// The alphabet of the user data.
    pub const fn alphabet(self) -> Alphabet {
        match self.0 >> 4 {
            0x0..=0x7 => match (self.0 >> 2) & 0x03 {
                1 => Alphabet::Eight,
                2 => Alphabet::Ucs2,
                _ => Alphabet::Gsm7,
            },
            0xE => Alphabet::Ucs2,
            0xF if self.0 & 0x04 != 0 => Alphabet::Eight,
            _ => Alphabet::Gsm7,
        }
    }

    /// Whether the user data is compressed (bit 5 of the general data coding groups).
    pub const fn is_compressed(self) -> bool {
        self.is_general() && self.0 & 0x20 != 0
    }

    /// The message class 0–3, when the octet gives one.
    pub const fn message_class(self) -> Option<u8> {
        if (self.is_general() && self.0 & 0x10 != 0) || self.0 >> 4 == 0xF {
            Some(self.0 & 0x03)
        } else {
            None
        }
    }

    /// Whether TP-UDL counts septets (uncompressed 7-bit data) rather than octets
    /// (TS 23.040 §9.2.3.16).
    pub const fn counts_septets(self) -> bool {
        matches!(self.alphabet(), Alphabet::Gsm7) && !self.is_compressed()
    }

    /// The octets of TP-UD that a TP-UDL of `udl` announces, or `None` beyond the 140 octets
    /// (160 septets) an SMS holds.
    pub const fn user_data_octets(self, udl: u8) -> Option<usize> {
        if self.counts_septets() {
            if udl > MAX_UD_SEPTETS {
                None
            } else {
                Some((udl as usize * 7).div_ceil(8))
            }
        } else if udl > MAX_UD_OCTETS {
            None
        } else {
            Some(udl as usize)
        }
    }
}

/// The fields of an SMS-DELIVER to build one with [`Deliver::new`]; [`Deliver::fields`] gives
/// those of a decoded one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DeliverFields<'a> {
    /// The SMSC address field of the modem form; `None` writes a length of 0. The field's
    /// length counts octets, so a decoder counts the digits from the octets (an `F` in the last
    /// high nibble is filler).
    pub smsc: Option<Address<'a>>,
    /// TP-MTI (must be 0, SMS-DELIVER) and the flags; TP-UDHI says whether `user_data`
    /// starts with a user data header.
    pub first_octet: FirstOctet,
    /// TP-OA.
    pub originator: Address<'a>,
    /// TP-PID (0: a plain short message).
    pub protocol_id: u8,
    /// TP-DCS.
    pub data_coding: DataCoding,
    /// TP-SCTS.
    pub timestamp: Timestamp,
    /// TP-UDL: septets for uncompressed 7-bit data, octets otherwise.
    pub user_data_length: u8,
    /// TP-UD, the user data header (when TP-UDHI is set) included.
    pub user_data: &'a [u8],
}

impl<'a> DeliverFields<'a> {
    /// An SMS-DELIVER of 8-bit user data with a user data header (first octet `0x44`, TP-PID 0,
    /// TP-DCS `0x04`): the shape of a WAP push segment, e.g. one of
    /// [`segments_for_push`](crate::sms::segments_for_push).
    pub fn wap_push(
        smsc: Option<Address<'a>>,
        originator: Address<'a>,
        timestamp: Timestamp,
        user_data: &'a [u8],
    ) -> Self {
        DeliverFields {
            smsc,
            first_octet: FirstOctet::WAP_PUSH,
            originator,
            protocol_id: 0,
            data_coding: DataCoding::EIGHT_BIT,
            timestamp,
            user_data_length: u8::try_from(user_data.len()).unwrap_or(u8::MAX),
            user_data,
        }
    }
}

/// A decoded (or built) SMS-DELIVER TPDU with the SMSC address field in front, every field
/// borrowed, and its user data header already read.
///
/// ```
/// use mms_pdu::codec::Encode;
/// use mms_pdu::sms::{Deliver, PORT_WAP_PUSH};
/// // SMSC +4917..., first octet 44, OA +4916..., PID 0, DCS F5, SCTS, UDL 9, UDH + 2 octets.
/// let tpdu = [
///     0x04, 0x91, 0x94, 0x71, 0x40, 0x44, 0x0A, 0x91, 0x94, 0x61, 0x21, 0x43, 0x65, 0x00,
///     0xF5, 0x42, 0x20, 0x92, 0x31, 0x54, 0x03, 0x40, 0x09, 0x06, 0x05, 0x04, 0x0B, 0x84,
///     0x23, 0xF0, 0x01, 0x06,
/// ];
/// let sms = Deliver::decode(&tpdu)?;
/// assert_eq!(sms.smsc().unwrap().to_string(), "+491704");
/// assert_eq!(sms.originator().to_string(), "+4916123456");
/// assert_eq!(sms.timestamp().seconds_since_epoch(), Some(1_709_210_730));
/// assert_eq!(sms.ports().unwrap().destination, PORT_WAP_PUSH);
/// assert_eq!((sms.payload(), sms.payload_offset()), (&[0x01, 0x06][..], 30));
/// assert_eq!(sms.encode_to_vec().unwrap(), tpdu);
/// # Ok::<(), mms_pdu::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Deliver<'a> {
    smsc: Option<Address<'a>>,
    first_octet: FirstOctet,
    originator: Address<'a>,
    protocol_id: u8,
    data_coding: DataCoding,
    timestamp: Timestamp,
    user_data_length: u8,
    #[cfg_attr(
        feature = "serde",
        serde(serialize_with = "crate::base::serde_util::bytes")
    )]
    user_data: &'a [u8],
    header: Option<UserDataHeader<'a>>,
    #[cfg_attr(feature = "serde", serde(skip))]
    payload: &'a [u8],
}

/// Reads one octet, naming the field when the input ends.
fn next_octet(c: &mut Cursor<'_>, context: &'static str) -> Result<u8, DecodeError> {
    c.read(octet).map_err(|e| DecodeError { context, ..e })
}

/// Reads a type-of-address octet, whose bit 7 is always 1 (§9.1.2.5).
fn type_of_address(c: &mut Cursor<'_>, context: &'static str) -> Result<u8, DecodeError> {
    let at = c.offset();
    let toa = next_octet(c, context)?;
    if toa & 0x80 == 0 {
        return Err(DecodeError {
            offset: at,
            kind: DecodeErrorKind::UnexpectedOctet {
                found: toa,
                expected: Expected::Value,
            },
            context,
        });
    }
    Ok(toa)
}

/// Reads the user data header when TP-UDHI says there is one; offsets count from the start of
/// `ud`. For 7-bit data the header must fit the septets TP-UDL announces.
fn read_header<'a>(
    first: FirstOctet,
    coding: DataCoding,
    udl: u8,
    ud: &'a [u8],
) -> Result<(Option<UserDataHeader<'a>>, &'a [u8]), DecodeError> {
    if !first.user_data_header() {
        return Ok((None, ud));
    }
    let (header, payload) = split_user_data(ud)?;
    let header_octets = header.encoded_len();
    let need = if coding.counts_septets() {
        // The header and the fill bits that align the text on a septet (§9.2.3.24).
        (header_octets * 8).div_ceil(7)
    } else {
        header_octets
    };
    if need > usize::from(udl) {
        return Err(DecodeError {
            offset: 0,
            kind: DecodeErrorKind::LengthExceedsInput {
                need: need as u64,
                have: u64::from(udl),
            },
            context: "UDHL",
        });
    }
    Ok((Some(header), payload))
}

impl<'a> Deliver<'a> {
    /// Decodes an SMS-DELIVER TPDU preceded by its SMSC address field, as a modem prints it in
    /// PDU mode. The TPDU must end exactly where TP-UDL says.
    ///
    /// # Errors
    /// A [`DecodeError`] with the offset and the field: `UnexpectedEnd` or
    /// `LengthExceedsInput` for a field or length past the end (`TP-OA`, `TP-SCTS`, `TP-UD`,
    /// ...); `ValueOutOfRange` for an SMSC length above 11, an address above 20 semi-octets, or
    /// a TP-UDL above 140 octets / 160 septets; `UnexpectedOctet` for a type of address with
    /// bit 7 clear; `NotThisKind` (`TP-MTI`) for another TPDU type; `TrailingBytes` after the
    /// user data; the user data header's own errors (`UDHL`, `information element`), and
    /// `LengthExceedsInput` (`UDHL`) when the header does not fit the septets of a 7-bit
    /// TP-UDL.
    pub fn decode(input: &'a [u8]) -> Result<Self, DecodeError> {
        let mut c = Cursor::new(input);
        let out_of_range = |offset, context| DecodeError {
            offset,
            kind: DecodeErrorKind::ValueOutOfRange,
            context,
        };
        let smsc_len = next_octet(&mut c, "SMSC address length")?;
        let smsc = match smsc_len {
            0 => None,
            n if n > MAX_SMSC_LEN => return Err(out_of_range(0, "SMSC address length")),
            n => {
                let mut field = c.split(u64::from(n), "SMSC address")?;
                let toa = type_of_address(&mut field, "SMSC address")?;
                Some(Address::from_octets(toa, field.rest()))
            }
        };
        let at = c.offset();
        let first_octet = FirstOctet(next_octet(&mut c, "TP-MTI")?);
        if !first_octet.is_deliver() {
            return Err(DecodeError {
                offset: at,
                kind: DecodeErrorKind::NotThisKind,
                context: "TP-MTI",
            });
        }
        let at = c.offset();
        let oa_len = next_octet(&mut c, "TP-OA length")?;
        if oa_len > crate::sms::address::MAX_ADDRESS_SEMI_OCTETS {
            return Err(out_of_range(at, "TP-OA length"));
        }
        let toa = type_of_address(&mut c, "TP-OA")?;
        let value = c.split(u64::from(oa_len.div_ceil(2)), "TP-OA")?.rest();
        let originator = Address::from_wire(toa, oa_len, value);
        let protocol_id = next_octet(&mut c, "TP-PID")?;
        let data_coding = DataCoding(next_octet(&mut c, "TP-DCS")?);
        let stamp = c.split(7, "TP-SCTS")?.rest();
        let timestamp = Timestamp::from_octets(stamp.try_into().unwrap_or([0; 7]));
        let at = c.offset();
        let user_data_length = next_octet(&mut c, "TP-UDL")?;
        let Some(need) = data_coding.user_data_octets(user_data_length) else {
            return Err(out_of_range(at, "TP-UDL"));
        };
        let ud = c.split(need as u64, "TP-UD")?;
        if !c.is_empty() {
            return Err(c.error(
                DecodeErrorKind::TrailingBytes {
                    count: c.rest().len() as u64,
                },
                "TP-UD",
            ));
        }
        let (header, payload) = read_header(first_octet, data_coding, user_data_length, ud.rest())
            .map_err(|e| DecodeError {
                offset: e.offset + ud.offset(),
                ..e
            })?;
        Ok(Deliver {
            smsc,
            first_octet,
            originator,
            protocol_id,
            data_coding,
            timestamp,
            user_data_length,
            user_data: ud.rest(),
            header,
            payload,
        })
    }

    /// An SMS-DELIVER from its fields, checked as the decoder checks them.
    ///
    /// ```
    /// use mms_pdu::codec::Encode;
    /// use mms_pdu::sms::{AddressBuf, Deliver, DeliverFields, Timestamp};
    /// let smsc = AddressBuf::international("+491710760000")?;
    /// let from = AddressBuf::alphanumeric("MMSC")?;
    /// let stamp = Timestamp::from_octets([0x42, 0x20, 0x92, 0x31, 0x54, 0x03, 0x40]);
    /// let ud = [0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0, 0x01, 0x06];
    /// let fields = DeliverFields::wap_push(Some(smsc.as_address()), from.as_address(), stamp, &ud);
    /// let sms = Deliver::new(fields)?;
    /// let octets = sms.encode_to_vec()?;
    /// assert_eq!(octets.len(), sms.encoded_len());
    /// assert_eq!(Deliver::decode(&octets).unwrap(), sms);
    /// assert_eq!(sms.originator().to_string(), "MMSC");
    /// # Ok::<(), mms_pdu::EncodeError>(())
    /// ```
    ///
    /// # Errors
    /// [`EncodeError::Unencodable`] naming the field: an SMSC address of more than 10 octets,
    /// a first octet that is not SMS-DELIVER, a TP-UDL that does not announce exactly
    /// `user_data` (or exceeds 140 octets / 160 septets), a malformed user data header, or one
    /// that does not fit a 7-bit TP-UDL.
    pub fn new(fields: DeliverFields<'a>) -> Result<Self, EncodeError> {
        let unencodable = |field, reason| EncodeError::Unencodable { field, reason };
        if fields
            .smsc
            .is_some_and(|a| a.value().len() >= usize::from(MAX_SMSC_LEN))
        {
            return Err(unencodable("SMSC address", "more than 10 octets of digits"));
        }
        if !fields.first_octet.is_deliver() {
            return Err(unencodable("TP-MTI", "not SMS-DELIVER"));
        }
        let need = fields.data_coding.user_data_octets(fields.user_data_length);
        if need != Some(fields.user_data.len()) {
            return Err(unencodable("TP-UDL", "does not announce the user data"));
        }
        let (header, payload) = read_header(
            fields.first_octet,
            fields.data_coding,
            fields.user_data_length,
            fields.user_data,
        )
        .map_err(|e| unencodable(e.context, "malformed user data header"))?;
        Ok(Deliver {
            smsc: fields.smsc,
            first_octet: fields.first_octet,
            originator: fields.originator,
            protocol_id: fields.protocol_id,
            data_coding: fields.data_coding,
            timestamp: fields.timestamp,
            user_data_length: fields.user_data_length,
            user_data: fields.user_data,
            header,
            payload,
        })
    }

    /// The fields, to change some and build another with [`Deliver::new`].
    pub const fn fields(&self) -> DeliverFields<'a> {
        DeliverFields {
            smsc: self.smsc,
            first_octet: self.first_octet,
            originator: self.originator,
            protocol_id: self.protocol_id,
            data_coding: self.data_coding,
            timestamp: self.timestamp,
            user_data_length: self.user_data_length,
            user_data: self.user_data,
        }
    }

    /// The SMSC address, `None` when its field has length 0.
    pub const fn smsc(&self) -> Option<Address<'a>> {
        self.smsc
    }

    /// The first octet (TP-MTI and the flags).
    pub const fn first_octet(&self) -> FirstOctet {
        self.first_octet
    }

    /// TP-OA, the originating address.
    pub const fn originator(&self) -> Address<'a> {
        self.originator
    }

    /// TP-PID, the protocol identifier.
    pub const fn protocol_id(&self) -> u8 {
        self.protocol_id
    }

    /// TP-DCS, the data coding scheme.
    pub const fn data_coding(&self) -> DataCoding {
        self.data_coding
    }

    /// TP-SCTS, the service centre time stamp.
    pub const fn timestamp(&self) -> Timestamp {
        self.timestamp
    }

    /// TP-UDL: septets for uncompressed 7-bit data, octets otherwise.
    pub const fn user_data_length(&self) -> u8 {
        self.user_data_length
    }

    /// TP-UD, the user data header included: what [`Reassembler::push`] takes.
    ///
    /// [`Reassembler::push`]: crate::sms::Reassembler::push
    pub const fn user_data(&self) -> &'a [u8] {
        self.user_data
    }

    /// The user data header, when TP-UDHI is set.
    pub const fn user_data_header(&self) -> Option<UserDataHeader<'a>> {
        self.header
    }

    /// The user data after its header (all of it without one): for a WAP push, the push or
    /// one segment of it. For 7-bit data these are the packed octets, fill bits included.
    pub const fn payload(&self) -> &'a [u8] {
        self.payload
    }

    /// The ports of the user data header, if it has a port addressing element.
    pub fn ports(&self) -> Option<Ports> {
        self.header.and_then(|h| h.ports())
    }

    /// The concatenation element of the user data header, if any.
    pub fn concatenation(&self) -> Option<Concatenation> {
        self.header.and_then(|h| h.concatenation())
    }

    /// The offset of TP-UD in the encoded TPDU.
    pub fn user_data_offset(&self) -> usize {
        self.encoded_len() - self.user_data.len()
    }

    /// The offset of the payload (after the user data header) in the encoded TPDU.
    pub fn payload_offset(&self) -> usize {
        self.encoded_len() - self.payload.len()
    }
}

impl Encode for Deliver<'_> {
    fn encoded_len(&self) -> usize {
        let smsc = self.smsc.map_or(1, |a| 2 + a.value().len());
        // First octet, OA length and type, PID, DCS, SCTS, UDL.
        smsc + 3 + self.originator.value().len() + 2 + 7 + 1 + self.user_data.len()
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        self.encode_head(w)?;
        w.write_bytes(self.user_data)
    }
}

impl Deliver<'_> {
    /// Writes everything before TP-UD, TP-UDL included.
    pub(crate) fn encode_head<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self.smsc {
            None => w.write_u8(0)?,
            Some(a) => {
                let Ok(len) = u8::try_from(1 + a.value().len()) else {
                    return Err(EncodeError::Unencodable {
                        field: "SMSC address",
                        reason: "more than 10 octets of digits",
                    });
                };
                w.write_bytes(&[len, a.type_of_address()])?;
                w.write_bytes(a.value())?;
            }
        }
        let oa = self.originator;
        w.write_bytes(&[self.first_octet.0, oa.semi_octets(), oa.type_of_address()])?;
        w.write_bytes(oa.value())?;
        w.write_bytes(&[self.protocol_id, self.data_coding.0])?;
        w.write_bytes(&self.timestamp.octets())?;
        w.write_u8(self.user_data_length)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sms::address::{AddressBuf, TOA_INTERNATIONAL};
    use crate::sms::udh::InformationElement;
    use alloc::string::ToString;
    use alloc::vec;
    use alloc::vec::Vec;
    use proptest::prelude::*;

    /// SMSC +27381000015, first octet 04, OA 27838890001 (type C8), PID 0, DCS 0 (7-bit),
    /// 1999-03-29 15:16:59 +02:00, UDL 10 septets: "hellohello". The example of TS 23.040's
    /// layout that PDU-mode tutorials use.
    const HELLO: [u8; 40] = [
        0x07, 0x91, 0x72, 0x83, 0x01, 0x00, 0x10, 0xF5, 0x04, 0x0B, 0xC8, 0x72, 0x38, 0x88, 0x09,
        0x00, 0xF1, 0x00, 0x00, 0x99, 0x30, 0x92, 0x51, 0x61, 0x95, 0x80, 0x0A, 0xE8, 0x32, 0x9B,
        0xFD, 0x46, 0x97, 0xD9, 0xEC, 0x37, 0, 0, 0, 0,
    ];

    fn hello() -> &'static [u8] {
        &HELLO[..36]
    }

    /// A WAP push segment: no SMSC, first octet 0x44, OA +4916123456, DCS F5, UDH with
    /// concatenation 1/2 (8-bit reference 0x2A) and ports 2948 <- 9200, three push octets.
    const PUSH: [u8; 35] = [
        0x00, 0x44, 0x0A, 0x91, 0x94, 0x61, 0x21, 0x43, 0x65, 0x00, 0xF5, 0x42, 0x20, 0x92, 0x31,
        0x54, 0x03, 0x40, 0x10, 0x0B, 0x00, 0x03, 0x2A, 0x02, 0x01, 0x05, 0x04, 0x0B, 0x84, 0x23,
        0xF0, 0x01, 0x06, 0x01, 0xB4,
    ];

    #[test]
    fn seven_bit_text_from_the_layout_example() {
        let sms = Deliver::decode(hello()).unwrap();
        assert_eq!(sms.smsc().unwrap().to_string(), "+27381000015");
        assert_eq!(sms.smsc().unwrap().semi_octets(), 11);
        assert_eq!(sms.first_octet(), FirstOctet(0x04));
        assert!(!sms.first_octet().more_messages_waiting());
        assert!(!sms.first_octet().user_data_header());
        assert_eq!(sms.originator().to_string(), "27838890001");
        assert_eq!(sms.originator().type_of_address(), 0xC8);
        assert_eq!(sms.data_coding().alphabet(), Alphabet::Gsm7);
        assert_eq!(sms.timestamp().to_string(), "1999-03-29T15:16:59+02:00");
        assert_eq!(sms.timestamp().seconds_since_epoch(), Some(922_713_419));
        assert_eq!(sms.user_data_length(), 10);
        assert_eq!(sms.user_data().len(), 9);
        assert_eq!(sms.user_data_header(), None);
        assert_eq!(sms.payload(), sms.user_data());
        assert_eq!(sms.user_data_offset(), 27);
        let text = crate::sms::gsm7::Septets {
            packed: sms.payload(),
            count: 10,
        };
        assert_eq!(text.to_string(), "hellohello");
        assert_eq!(sms.encode_to_vec().unwrap(), hello());
        assert_eq!(sms.encoded_len(), hello().len());
        assert_eq!(Deliver::new(sms.fields()).unwrap(), sms);
    }

    #[test]
    fn wap_push_segment() {
        let sms = Deliver::decode(&PUSH).unwrap();
        assert_eq!(sms.smsc(), None);
        assert!(sms.first_octet().user_data_header());
        assert_eq!(sms.originator().to_string(), "+4916123456");
        assert_eq!(sms.data_coding().alphabet(), Alphabet::Eight);
        assert_eq!(sms.data_coding().message_class(), Some(1));
        let c = sms.concatenation().unwrap();
        assert_eq!((c.reference, c.sequence, c.total), (0x2A, 1, 2));
        assert_eq!(sms.ports().unwrap().destination, 2948);
        assert_eq!(sms.payload(), [0x01, 0x06, 0x01, 0xB4]);
        assert_eq!(sms.payload_offset(), 31);
        assert_eq!(sms.encode_to_vec().unwrap(), PUSH);
    }

    #[test]
    fn data_coding_groups() {
        for (dcs, alphabet, septets) in [
            (0x00, Alphabet::Gsm7, true),
            (0x04, Alphabet::Eight, false),
            (0x08, Alphabet::Ucs2, false),
            (0x0C, Alphabet::Gsm7, true),
            (0x24, Alphabet::Eight, false),
            (0x20, Alphabet::Gsm7, false),
            (0x48, Alphabet::Ucs2, false),
            (0x84, Alphabet::Gsm7, true),
            (0xC0, Alphabet::Gsm7, true),
            (0xD8, Alphabet::Gsm7, true),
            (0xE0, Alphabet::Ucs2, false),
            (0xF0, Alphabet::Gsm7, true),
            (0xF4, Alphabet::Eight, false),
        ] {
            let dc = DataCoding(dcs);
            assert_eq!(dc.alphabet(), alphabet, "{dcs:02X}");
            assert_eq!(dc.counts_septets(), septets, "{dcs:02X}");
        }
        assert_eq!(DataCoding(0x00).message_class(), None);
        assert_eq!(DataCoding(0x12).message_class(), Some(2));
        assert_eq!(DataCoding(0xF3).message_class(), Some(3));
        assert_eq!(DataCoding::GSM7.user_data_octets(160), Some(140));
        assert_eq!(DataCoding::GSM7.user_data_octets(161), None);
        assert_eq!(DataCoding::UCS2.user_data_octets(140), Some(140));
        assert_eq!(DataCoding::EIGHT_BIT.user_data_octets(141), None);
    }

    /// `input` with the octet at `at` replaced.
    fn with(input: &[u8], at: usize, octet: u8) -> Vec<u8> {
        let mut v = input.to_vec();
        v[at] = octet;
        v
    }

    fn fault(input: &[u8]) -> (usize, DecodeErrorKind, &'static str) {
        let e = Deliver::decode(input).unwrap_err();
        (e.offset, e.kind, e.context)
    }

    #[test]
    fn every_malformed_field_is_positioned() {
        use DecodeErrorKind::*;
        let end = |need, have| UnexpectedEnd { need, have };
        assert_eq!(fault(&[]), (0, end(1, 0), "SMSC address length"));
        assert_eq!(
            fault(&with(hello(), 0, 12)),
            (0, ValueOutOfRange, "SMSC address length")
        );
        assert_eq!(
            fault(&hello()[..5]),
            (1, LengthExceedsInput { need: 7, have: 4 }, "SMSC address")
        );
        assert_eq!(
            fault(&with(hello(), 1, 0x11)),
            (
                1,
                UnexpectedOctet {
                    found: 0x11,
                    expected: Expected::Value
                },
                "SMSC address"
            )
        );
        assert_eq!(fault(&with(hello(), 8, 0x06)), (8, NotThisKind, "TP-MTI"));
        assert_eq!(fault(&with(hello(), 8, 0x01)), (8, NotThisKind, "TP-MTI"));
        assert_eq!(
            fault(&with(hello(), 9, 21)),
            (9, ValueOutOfRange, "TP-OA length")
        );
        assert_eq!(
            fault(&hello()[..14]),
            (11, LengthExceedsInput { need: 6, have: 3 }, "TP-OA")
        );
        assert_eq!(
            fault(&with(hello(), 10, 0x48)),
            (
                10,
                UnexpectedOctet {
                    found: 0x48,
                    expected: Expected::Value
                },
                "TP-OA"
            )
        );
        assert_eq!(fault(&hello()[..17]), (17, end(1, 0), "TP-PID"));
        assert_eq!(fault(&hello()[..18]), (18, end(1, 0), "TP-DCS"));
        assert_eq!(
            fault(&hello()[..22]),
            (19, LengthExceedsInput { need: 7, have: 3 }, "TP-SCTS")
        );
        assert_eq!(fault(&hello()[..26]), (26, end(1, 0), "TP-UDL"));
        assert_eq!(
            fault(&with(hello(), 26, 161)),
            (26, ValueOutOfRange, "TP-UDL")
        );
        // 11 septets need 10 octets: one more than there is.
        assert_eq!(
            fault(&with(hello(), 26, 11)),
            (27, LengthExceedsInput { need: 10, have: 9 }, "TP-UD")
        );
        // 9 septets need 8 octets: one left over.
        assert_eq!(
            fault(&with(hello(), 26, 9)),
            (35, TrailingBytes { count: 1 }, "TP-UD")
        );
        assert_eq!(
            fault(&HELLO[..37]),
            (36, TrailingBytes { count: 1 }, "TP-UD")
        );
        // 8-bit: TP-UDL counts octets, at most 140.
        let eight = with(hello(), 18, 0x04);
        assert_eq!(
            fault(&with(&eight, 26, 141)),
            (26, ValueOutOfRange, "TP-UDL")
        );
        assert_eq!(
            fault(&eight),
            (27, LengthExceedsInput { need: 10, have: 9 }, "TP-UD")
        );
        assert!(Deliver::decode(&with(&eight, 26, 9)).is_ok());
    }

    #[test]
    fn user_data_header_faults() {
        use DecodeErrorKind::*;
        // UDHL past the user data, reported at the UDHL (offset 19 of the TPDU).
        assert_eq!(
            fault(&with(&PUSH, 19, 0x20)),
            (19, LengthExceedsInput { need: 32, have: 15 }, "UDHL")
        );
        // An element's length past the UDHL.
        assert_eq!(fault(&with(&PUSH, 21, 0x0A)).2, "information element");
        // TP-UDHI set with no user data at all.
        let mut empty = PUSH[..19].to_vec();
        empty[18] = 0;
        assert_eq!(
            fault(&empty),
            (19, UnexpectedEnd { need: 1, have: 0 }, "UDHL")
        );
        // 7-bit with a header: the 7 header octets take 8 septets, more than a TP-UDL of 7.
        let ud = [0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0];
        let mut seven = PUSH[..18].to_vec();
        seven[10] = 0x00;
        seven.push(7);
        seven.extend_from_slice(&ud);
        assert_eq!(
            fault(&seven),
            (19, LengthExceedsInput { need: 8, have: 7 }, "UDHL")
        );
        // With 8 septets (7 octets) it fits: the header and its fill bit, and no text.
        let last = seven.len() - 8;
        let ok = with(&seven, last, 8);
        let sms = Deliver::decode(&ok).unwrap();
        assert!(sms.payload().is_empty());
        assert_eq!(sms.encode_to_vec().unwrap(), ok);
    }

    #[test]
    fn every_prefix_fails_cleanly() {
        for tpdu in [hello(), &PUSH[..]] {
            for n in 0..tpdu.len() {
                assert!(Deliver::decode(&tpdu[..n]).is_err(), "prefix {n}");
            }
            assert!(Deliver::decode(tpdu).is_ok());
        }
    }

    #[test]
    fn new_refuses_what_decode_refuses() {
        let sms = Deliver::decode(&PUSH).unwrap();
        let fields = sms.fields();
        let eleven = [0x11u8; 11];
        let long_smsc = Address::from_octets(TOA_INTERNATIONAL, &eleven);
        assert!(
            Deliver::new(DeliverFields {
                smsc: Some(long_smsc),
                ..fields
            })
            .is_err()
        );
        let smsc = Address::from_octets(TOA_INTERNATIONAL, &eleven[..10]);
        let with_smsc = Deliver::new(DeliverFields {
            smsc: Some(smsc),
            ..fields
        })
        .unwrap();
        let octets = with_smsc.encode_to_vec().unwrap();
        assert_eq!(octets[..2], [11, 0x91]);
        assert_eq!(octets[2..12], [0x11; 10]);
        assert_eq!(Deliver::decode(&octets).unwrap(), with_smsc);
        let bad = |f: DeliverFields<'_>| match Deliver::new(f) {
            Err(EncodeError::Unencodable { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            bad(DeliverFields {
                first_octet: FirstOctet(0x45),
                ..fields
            }),
            "TP-MTI"
        );
        assert_eq!(
            bad(DeliverFields {
                user_data_length: 14,
                ..fields
            }),
            "TP-UDL"
        );
        assert_eq!(
            bad(DeliverFields {
                user_data: &PUSH[20..],
                user_data_length: 16,
                ..fields
            }),
            "TP-UDL"
        );
        assert_eq!(
            bad(DeliverFields {
                user_data: &[0x09, 0x00],
                user_data_length: 2,
                ..fields
            }),
            "UDHL"
        );
        // Without TP-UDHI the same octets are plain data.
        let plain = Deliver::new(DeliverFields {
            first_octet: FirstOctet(0x04),
            ..fields
        })
        .unwrap();
        assert_eq!(plain.user_data_header(), None);
        assert_eq!(plain.payload(), plain.user_data());
    }

    /// A user data header of up to three elements, encoded.
    fn header() -> impl Strategy<Value = Vec<u8>> {
        let ie = prop_oneof![
            (any::<u8>(), 1u8..=3, 1u8..=3).prop_map(|(reference, total, sequence)| {
                InformationElement::Concat8 {
                    reference,
                    total,
                    sequence,
                }
                .encode_to_vec()
                .unwrap()
            }),
            (any::<u16>(), any::<u16>()).prop_map(|(destination, source)| {
                InformationElement::Ports16 {
                    destination,
                    source,
                }
                .encode_to_vec()
                .unwrap()
            }),
            (0x70u8..0x80, proptest::collection::vec(any::<u8>(), 0..6)).prop_map(|(id, data)| {
                InformationElement::Other { id, data: &data }
                    .encode_to_vec()
                    .unwrap()
            }),
        ];
        proptest::collection::vec(ie, 0..3).prop_map(|ies| {
            let elements: Vec<u8> = ies.concat();
            let mut out = vec![u8::try_from(elements.len()).unwrap()];
            out.extend_from_slice(&elements);
            out
        })
    }

    prop_compose! {
        fn address()(toa in 0x80u8.., semi in 0u8..=20)
            (toa in Just(toa), semi in Just(semi),
             value in proptest::collection::vec(any::<u8>(), usize::from(semi.div_ceil(2))))
            -> (u8, u8, Vec<u8>) {
            (toa, semi, value)
        }
    }

    proptest! {
        #[test]
        fn built_deliver_round_trips(
            smsc in proptest::option::of((0x80u8.., proptest::collection::vec(any::<u8>(), 0..=10))),
            flags in any::<u8>(),
            udhi in any::<bool>(),
            oa in address(),
            protocol_id in any::<u8>(),
            dcs in any::<u8>(),
            stamp in any::<[u8; 7]>(),
            header in header(),
            body in proptest::collection::vec(any::<u8>(), 140),
            octets in 0usize..=140,
            septets in 0u8..=160,
        ) {
            let first_octet = FirstOctet((flags & !0x43) | if udhi { 0x40 } else { 0 });
            let coding = DataCoding(dcs);
            let head: &[u8] = if udhi { &header } else { &[] };
            let (udl, user_data) = if coding.counts_septets() {
                let least = u8::try_from((head.len() * 8).div_ceil(7)).unwrap();
                let udl = septets.max(least);
                let octets = (usize::from(udl) * 7).div_ceil(8);
                let mut ud = head.to_vec();
                ud.extend_from_slice(&body[..octets - head.len()]);
                (udl, ud)
            } else {
                let mut ud = head.to_vec();
                ud.extend_from_slice(&body[..octets.min(140 - head.len())]);
                (u8::try_from(ud.len()).unwrap(), ud)
            };
            let smsc = smsc.as_ref().map(|(toa, value)| Address::from_octets(*toa, value));
            let fields = DeliverFields {
                smsc,
                first_octet,
                originator: Address::new(oa.0, oa.1, &oa.2).unwrap(),
                protocol_id,
                data_coding: coding,
                timestamp: Timestamp::from_octets(stamp),
                user_data_length: udl,
                user_data: &user_data,
            };
            let sms = Deliver::new(fields).unwrap();
            let octets = sms.encode_to_vec().unwrap();
            prop_assert_eq!(octets.len(), sms.encoded_len());
            let back = Deliver::decode(&octets).unwrap();
            prop_assert_eq!(back, sms);
            prop_assert_eq!(back.fields(), fields);
            prop_assert_eq!(back.payload(), &user_data[head.len()..]);
            prop_assert_eq!(&octets[back.payload_offset()..], back.payload());
            for n in 0..octets.len() {
                prop_assert!(Deliver::decode(&octets[..n]).is_err(), "prefix {}", n);
            }
        }
    }

    #[test]
    fn built_from_buffers() {
        let smsc = AddressBuf::international("+27381000015").unwrap();
        let from = AddressBuf::digits(0xC8, "27838890001").unwrap();
        let sms = Deliver::new(DeliverFields {
            smsc: Some(smsc.as_address()),
            first_octet: FirstOctet(0x04),
            originator: from.as_address(),
            protocol_id: 0,
            data_coding: DataCoding::GSM7,
            timestamp: Timestamp::from_octets([0x99, 0x30, 0x92, 0x51, 0x61, 0x95, 0x80]),
            user_data_length: 10,
            user_data: &hello()[27..],
        })
        .unwrap();
        assert_eq!(sms.encode_to_vec().unwrap(), hello());
    }
}
