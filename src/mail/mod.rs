//! MMS to and from Internet mail: an m-send-req or m-retrieve-conf as an RFC 5322 message with
//! a MIME body, and back (feature `mail`).
//!
//! This is the conversion an MMSC makes on its e-mail interfaces (MM3 to mail servers, MM4 to
//! other MMSCs; 3GPP TS 23.140): [`to_mime`] writes a PDU as an e-mail, [`to_retrieve_conf`] and
//! [`to_send_req`] read an e-mail into a PDU with the same parts. MIME is built by
//! [`mail-builder`](https://docs.rs/mail-builder/0.4) and parsed by
//! [`mail-parser`](https://docs.rs/mail-parser/0.11); this module only maps fields.
//!
//! The e-mail to PDU direction returns the PDU encoded (`Vec<u8>`), not a [`Pdu`]: a PDU
//! borrows its octets from its input, and the octets of the parts exist only in buffers the
//! conversion makes while undoing base64 and quoted-printable, which it cannot hand out
//! borrowed. [`Pdu::decode`] on the result gives the model, zero-copy.
//!
//! ```
//! use mms_pdu::mail::{to_mime, to_retrieve_conf, MailOptions};
//! use mms_pdu::Pdu;
//!
//! let wire = include_bytes!("../../samples/m-send-req.mms");
//! let send_req = Pdu::decode(wire)?;
//! let options = MailOptions::new("mms.example.net");
//! let mail = to_mime(&send_req, &options)?;
//! let text = String::from_utf8_lossy(&mail);
//! assert!(text.contains("Content-Type: multipart/related"));
//!
//! // A reply e-mail (here: the same one) becomes an m-retrieve-conf for the recipient.
//! let octets = to_retrieve_conf(&mail, &options)?;
//! let retrieve_conf = Pdu::decode(&octets)?;
//! let parts = retrieve_conf.multipart().expect("a multipart body")?.parts_vec()?;
//! assert_eq!(parts.len(), 2);
//! assert_eq!(parts[1].data, b"Hello");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # The mapping
//!
//! | MMS | e-mail | notes |
//! |---|---|---|
//! | From | `From` | an address as below; Insert-address (the MMSC fills it in) writes no `From`, and no `From` reads back as Insert-address in an m-send-req |
//! | To, Cc | `To`, `Cc` | every address, in order |
//! | Bcc (m-send-req) | `Bcc` | as a message handed to a submission server, which removes it (RFC 6409) |
//! | `+15551234567/TYPE=PLMN`, `192.0.2.1/TYPE=IPv4`, any `/TYPE=` | `+15551234567/TYPE=PLMN@domain` | MM4's form: the whole MMS address is the local part (quoted when it has to be), at [`MailOptions::new`]'s domain; any `/TYPE=` local part reads back at any domain |
//! | short code, other text | `12345@domain` | an address at the options' domain reads back as its local part |
//! | e-mail (`a@b`, `Name <a@b>`) | the same mailbox | the display name kept |
//! | Subject (any charset) | `Subject`, RFC 2047 when not ASCII | decoded to text ([`encoded_string_text`], UTF-8 when no charset), RFC 2047 words in it decoded too, line breaks and other controls made spaces; reads back as UTF-8 (plain when ASCII) |
//! | Date | `Date` | UTC; an m-send-req without Date gets the time of the conversion (RFC 5322 needs one) |
//! | Message-ID | `Message-ID: <id>` | one is made at the options' domain when the PDU has none (an m-send-req never has one); read back into an m-retrieve-conf only |
//! | X-Mms-Message-Class | `X-Mms-Message-Class` | `Personal`, `Advertisement`, `Informational`, `Auto` or the text (MM4's values) |
//! | X-Mms-Priority | `X-Mms-Priority` | `Low`, `Normal`, `High` |
//! | X-Mms-Delivery-Report | `X-Mms-Delivery-Report` | `Yes`, `No` |
//! | X-Mms-Read-Report | `X-Mms-Read-Reply` | `Yes`, `No` (MM4 keeps the MMS 1.0 name) |
//! | Content-Type `application/vnd.wap.multipart.related` (`.mixed`, `.alternative`) | `multipart/related` (`mixed`, `alternative`) | `start` and `type` kept, so the SMIL part stays the root; a nested WSP multipart is a nested MIME multipart |
//! | a single (non-multipart) body | a single-part message | |
//! | part content type | `Content-Type` | the media type, `charset` (by name), `name` and `filename` |
//! | part Content-ID, Content-Location | `Content-ID`, `Content-Location` | written as they came (a Content-ID without `<>` too: mirror the wire) and read back exactly |
//! | part Content-Disposition | `Content-Disposition` | `attachment` / `inline` / `form-data` with its `filename` |
//! | part data | the part's body | octet for octet: a text/* part whose octets survive text transfer (ASCII-compatible charset, CRLF line breaks, no other controls) as text (7bit or quoted-printable, the builder's choice); every other part base64 |
//!
//! Not carried: the Transaction-ID and MMS version (the transport's; [`to_send_req`] takes a
//! Transaction-ID, [`MailOptions::version`] sets the version written), X-Mms-Expiry,
//! -Delivery-Time, -Sender-Visibility, reply charging, MM-State/-Flags, Previously-Sent-*,
//! X-Mms-Content-Class, DRM and adaptation fields, X-Mms-Retrieve-Status/-Text, application
//! (textual) headers of the PDU and of its parts, part headers other than those above, WSP
//! content-type parameters other than those above, Any-charset, and the exact wire form of
//! values (which WSP encoding a content type or a length used: the PDU read back is written
//! canonically). A Subject reads back as UTF-8, not in its original charset. Names and
//! parameters that are not UTF-8 are read as UTF-8 with U+FFFD for what does not decode.
//! A Content-ID or Content-Location long enough to be folded (white space past column 76)
//! reads back with the fold's tab.
//!
//! A PDU value that cannot be a mail header without changing the message (a line break in a
//! Content-Location, a media type that is not `type/subtype`) is refused with
//! [`MailError::Unrepresentable`], never written: an MMS field must not be able to add
//! e-mail headers.
//!
//! [`encoded_string_text`]: crate::text::encoded_string_text
//! [`Pdu`]: crate::mms::Pdu
//! [`Pdu::decode`]: crate::mms::Pdu::decode

mod address;
mod fields;
mod from_mime;
mod to_mime;

use alloc::string::String;
use core::fmt;

use crate::assigned::{MessageType, MmsVersion};
use crate::base::error::{DecodeError, EncodeError};

pub use from_mime::{to_retrieve_conf, to_send_req};
pub use to_mime::to_mime;

/// How a conversion maps what MMS and e-mail name differently.
///
/// ```
/// use mms_pdu::assigned::MmsVersion;
/// use mms_pdu::mail::MailOptions;
/// let options = MailOptions::new("mms.example.net").version(MmsVersion::V1_2);
/// assert_eq!(options.domain(), "mms.example.net");
/// assert_eq!(options.get_version(), MmsVersion::V1_2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailOptions {
    domain: String,
    version: MmsVersion,
}

impl MailOptions {
    /// Options for the MMSC whose e-mail domain is `domain` (`mms.example.net`): phone
    /// numbers and short codes are written at it, addresses at it read back as MMS addresses,
    /// and a Message-ID the conversion makes names it. The version written is MMS 1.3.
    pub fn new(domain: &str) -> Self {
        MailOptions {
            domain: String::from(domain),
            version: MmsVersion::V1_3,
        }
    }

    /// The MMS version written in the PDUs [`to_retrieve_conf`] and [`to_send_req`] build.
    #[must_use]
    pub fn version(mut self, version: MmsVersion) -> Self {
        self.version = version;
        self
    }

    /// The e-mail domain.
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// The MMS version written.
    pub fn get_version(&self) -> MmsVersion {
        self.version
    }

    /// The domain, checked: letters, digits, `-` and `.` (it is written into headers).
    fn checked_domain(&self) -> Result<&str, MailError> {
        let ok = !self.domain.is_empty()
            && self
                .domain
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
        if ok {
            Ok(&self.domain)
        } else {
            Err(MailError::Unrepresentable {
                field: "domain",
                reason: "not a domain name (letters, digits, '-' and '.')",
            })
        }
    }
}

/// Why a conversion between MMS and e-mail failed.
///
/// ```
/// use mms_pdu::mail::{to_mime, MailError, MailOptions};
/// use mms_pdu::Pdu;
/// // An m-notifyresp-ind has no e-mail form.
/// let pdu = Pdu::decode(b"\x8C\x83\x98T1\0\x8D\x90\x95\x81")?;
/// let err = to_mime(&pdu, &MailOptions::new("mms.example.net")).unwrap_err();
/// assert!(matches!(err, MailError::UnsupportedType { .. }));
/// assert_eq!(err.to_string(), "m-notifyresp-ind has no e-mail form (m-send-req and m-retrieve-conf have)");
/// # Ok::<(), mms_pdu::DecodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum MailError {
    /// The PDU is not an m-send-req or an m-retrieve-conf.
    UnsupportedType {
        /// Its message type (`None` without one).
        found: Option<MessageType>,
    },
    /// A value cannot be written in the other form without changing the message.
    Unrepresentable {
        /// The field (a header name, or `domain` for [`MailOptions`]'s).
        field: &'static str,
        /// Why.
        reason: &'static str,
    },
    /// The e-mail cannot be read as a message, or lacks what the PDU needs.
    Mime {
        /// What is wrong.
        reason: &'static str,
    },
    /// The PDU's body did not decode.
    Decode(DecodeError),
    /// The PDU could not be built (a field the chosen type or version does not allow, a
    /// missing mandatory field such as the Date of an m-retrieve-conf).
    Encode(EncodeError),
}

impl fmt::Display for MailError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MailError::UnsupportedType { found: Some(t) } => write!(
                f,
                "{t} has no e-mail form (m-send-req and m-retrieve-conf have)"
            ),
            MailError::UnsupportedType { found: None } => {
                f.write_str("a PDU without a message type has no e-mail form")
            }
            MailError::Unrepresentable { field, reason } => write!(f, "{field}: {reason}"),
            MailError::Mime { reason } => write!(f, "e-mail: {reason}"),
            MailError::Decode(e) => write!(f, "the PDU body: {e}"),
            MailError::Encode(e) => write!(f, "building the PDU: {e}"),
        }
    }
}

impl core::error::Error for MailError {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            MailError::Decode(e) => Some(e),
            MailError::Encode(e) => Some(e),
            _ => None,
        }
    }
}

impl From<DecodeError> for MailError {
    fn from(e: DecodeError) -> Self {
        MailError::Decode(e)
    }
}

impl From<EncodeError> for MailError {
    fn from(e: EncodeError) -> Self {
        MailError::Encode(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_domain_is_checked_before_it_is_written() {
        assert_eq!(
            MailOptions::new("mms.example-1.net").checked_domain(),
            Ok("mms.example-1.net")
        );
        for bad in ["", "mms.example.net\r\nBcc: x", "a b", "ex@mple"] {
            assert!(
                matches!(
                    MailOptions::new(bad).checked_domain(),
                    Err(MailError::Unrepresentable {
                        field: "domain",
                        ..
                    })
                ),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn errors_say_what_and_where() {
        let e = MailError::Unrepresentable {
            field: "Content-Location",
            reason: "a control character",
        };
        assert_eq!(e.to_string(), "Content-Location: a control character");
        let e = MailError::from(EncodeError::MissingField { field: "Date" });
        assert_eq!(
            e.to_string(),
            "building the PDU: mandatory header Date is missing"
        );
        assert!(core::error::Error::source(&e).is_some());
        assert_eq!(
            MailError::UnsupportedType { found: None }.to_string(),
            "a PDU without a message type has no e-mail form"
        );
    }
}
