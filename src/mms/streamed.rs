//! A PDU whose multipart body is written from a [`MultipartBuilder`] instead of held in memory:
//! the way to send an m-send-req with large attachments straight into a socket or HTTP body.

use crate::base::error::EncodeError;
use crate::codec::{Encode, Writer};
use crate::mms::Pdu;
use crate::wsp::MultipartBuilder;

/// An MMS PDU (its headers, ending with Content-Type) followed by a multipart body that is
/// encoded on the fly — part data may come from readers of known length, copied through a
/// small buffer. [`Encode::encoded_len`] is exact without reading any part data, so a
/// Content-Length can be sent first.
///
/// ```
/// use mms_pdu::assigned::WellKnownMedia;
/// use mms_pdu::codec::{Encode, TextString};
/// use mms_pdu::mms::views::SendReq;
/// use mms_pdu::mms::{FromValue, StreamedPdu, Address};
/// use mms_pdu::wsp::{ContentType, MultipartBuilder, PartBuilder};
///
/// let ct = ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_MIXED);
/// let headers = SendReq::build(TextString::new(b"T1"), FromValue::insert_address(), ct)
///     .to(Address::new(b"+15551234567/TYPE=PLMN"))
///     .build()?;
/// use std::io::Read as _;
/// let photo = std::io::repeat(0xFF).take(100_000);
/// let body = MultipartBuilder::new()
///     .part(PartBuilder::new(ContentType::well_known(WellKnownMedia::TEXT_PLAIN), b"Hi"))
///     .part(PartBuilder::from_reader(
///         ContentType::well_known(WellKnownMedia::IMAGE_JPEG),
///         photo,
///         100_000,
///     ));
/// let send_req = StreamedPdu::new(&headers, &body)?;
/// let content_length = send_req.encoded_len(); // known before anything is read
/// let written = send_req.encode_to_writer(std::io::sink())?;
/// assert_eq!(written, content_length as u64);
/// # Ok::<(), mms_pdu::EncodeError>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct StreamedPdu<'p, 'a> {
    headers: &'p Pdu<'a>,
    body: &'p MultipartBuilder<'a>,
}

impl<'p, 'a> StreamedPdu<'p, 'a> {
    /// Pairs `headers` — a PDU whose last header is a multipart Content-Type and whose body is
    /// empty (as a typed builder leaves it when no body is set) — with the body to stream.
    ///
    /// A size budget set on the builder of `headers` holds for the whole message: the streamed
    /// body counts, without reading any part data.
    ///
    /// # Errors
    /// [`EncodeError::Unencodable`] when `headers` has no multipart Content-Type, or already
    /// carries body octets; [`EncodeError::OverBudget`] when headers and body together exceed
    /// the budget of `headers`.
    pub fn new(headers: &'p Pdu<'a>, body: &'p MultipartBuilder<'a>) -> Result<Self, EncodeError> {
        let refuse = |reason| {
            Err(EncodeError::Unencodable {
                field: "Content-Type",
                reason,
            })
        };
        match headers.content_type() {
            Some(ct) if ct.is_multipart() => {}
            Some(_) => return refuse("the PDU's Content-Type is not a multipart type"),
            None => return refuse("the PDU has no Content-Type"),
        }
        if headers.body().is_some_and(|b| !b.is_empty()) || !headers.trailing().is_empty() {
            return refuse("the PDU already carries body octets");
        }
        let streamed = StreamedPdu { headers, body };
        if let Some(limit) = headers.size_budget() {
            crate::codec::check_budget(&streamed, limit)?;
        }
        Ok(streamed)
    }
}

impl Encode for StreamedPdu<'_, '_> {
    fn encoded_len(&self) -> usize {
        self.headers.encoded_len() + self.body.encoded_len()
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        self.headers.encode(w)?;
        self.body.encode(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assigned::WellKnownMedia;
    use crate::codec::TextString;
    use crate::mms::views::SendReq;
    use crate::mms::{Address, FromValue};
    use crate::wsp::{ContentType, PartBuilder};
    use alloc::vec;

    /// 400 KB under a 300 KB budget is refused on every path a PDU can be written by: built
    /// with its body, and headers built first with the body streamed after them.
    #[test]
    fn a_budget_holds_however_the_pdu_is_written() {
        const BUDGET: usize = 300 * 1024;
        let image = vec![0xFF; 400_000];
        let ct = ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_MIXED);
        let body = MultipartBuilder::new().part(PartBuilder::new(
            ContentType::well_known(WellKnownMedia::IMAGE_JPEG),
            &image,
        ));
        let send = || {
            SendReq::build(
                TextString::new(b"T1"),
                FromValue::insert_address(),
                ct.clone(),
            )
            .to(Address::new(b"+15551234567/TYPE=PLMN"))
        };
        let over = |e: EncodeError| matches!(e, EncodeError::OverBudget { limit, .. } if limit == BUDGET as u64);

        let octets = body.encode_to_vec().unwrap();
        let built = send().size_budget(BUDGET).body_octets(&octets).build();
        assert!(built.is_err_and(over), "built with its body");

        let headers = send().size_budget(BUDGET).build().unwrap();
        assert_eq!(headers.size_budget(), Some(BUDGET));
        let streamed = StreamedPdu::new(&headers, &body);
        assert!(streamed.is_err_and(over), "streamed after its headers");

        // Within the budget both paths write.
        let small = MultipartBuilder::new().part(PartBuilder::new(
            ContentType::well_known(WellKnownMedia::TEXT_PLAIN),
            b"Hi",
        ));
        assert!(StreamedPdu::new(&headers, &small).is_ok());
        let without = send().build().unwrap();
        assert_eq!(without.size_budget(), None);
        assert!(StreamedPdu::new(&without, &body).is_ok());
    }
}
