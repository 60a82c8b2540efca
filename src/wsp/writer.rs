//! Building multipart bodies for sending, streamed (WAP-230-WSP §8.5; the top-level types of
//! OMA-TS-MMS_CONF §10.2.1).
//!
//! A [`MultipartBuilder`] knows its exact encoded size before anything is written
//! ([`Encode::encoded_len`] never touches part data), so an m-send-req can announce its length
//! and then be written straight to a socket or an HTTP body. Part data comes from a borrowed
//! slice, a [`bytes::Bytes`], a nested multipart, or (with `std`) a reader of known length that
//! is copied through a fixed 16 KiB buffer ([`Writer::write_from_reader`]), never held whole.
//! The true entry count is always written (AOSP trusts it: a 0 would give it an empty body).
//!
//! [`bytes::Bytes`]: https://docs.rs/bytes/1/bytes/struct.Bytes.html

use alloc::boxed::Box;
use alloc::vec::Vec;
use core::fmt;

use crate::assigned::Disposition;
use crate::base::error::EncodeError;
use crate::codec::{Encode, Uintvar, Writer};
use crate::wsp::content_type::ContentType;
use crate::wsp::headers::{WspHeader, encode_headers, headers_len};

/// Where a part's data comes from.
pub enum PartData<'a> {
    /// A borrowed slice.
    Slice(&'a [u8]),
    /// A shared buffer.
    Bytes(bytes::Bytes),
    /// A nested multipart body (the part's content type should be a multipart type).
    Multipart(Box<MultipartBuilder<'a>>),
    /// A reader that yields exactly `len` octets. It is consumed by the first `encode`;
    /// encoding again reads what is left and fails with [`EncodeError::ShortRead`].
    #[cfg(feature = "std")]
    Reader {
        /// The reader, behind a `RefCell` so that `Encode::encode(&self)` can read it.
        reader: core::cell::RefCell<Box<dyn std::io::Read + 'a>>,
        /// The number of octets it must yield.
        len: u64,
    },
}

impl fmt::Debug for PartData<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartData::Slice(s) => write!(f, "Slice({} octets)", s.len()),
            PartData::Bytes(b) => write!(f, "Bytes({} octets)", b.len()),
            PartData::Multipart(m) => f.debug_tuple("Multipart").field(m).finish(),
            #[cfg(feature = "std")]
            PartData::Reader { len, .. } => write!(f, "Reader({len} octets)"),
        }
    }
}

impl PartData<'_> {
    /// The data's length in octets (without reading it).
    pub fn len(&self) -> u64 {
        match self {
            PartData::Slice(s) => s.len() as u64,
            PartData::Bytes(b) => b.len() as u64,
            PartData::Multipart(m) => m.encoded_len() as u64,
            #[cfg(feature = "std")]
            PartData::Reader { len, .. } => *len,
        }
    }

    /// True when the data is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn write<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        match self {
            PartData::Slice(s) => w.write_bytes(s),
            PartData::Bytes(b) => w.write_bytes(b),
            PartData::Multipart(m) => m.encode(w),
            #[cfg(feature = "std")]
            PartData::Reader { reader, len } => {
                let mut r = reader
                    .try_borrow_mut()
                    .map_err(|_| EncodeError::Unencodable {
                        field: "multipart part data",
                        reason: "reader already being read",
                    })?;
                w.write_from_reader(&mut **r, *len)
            }
        }
    }
}

/// One part to send: content type, headers, data.
///
/// ```
/// use mms_pdu::assigned::{Charset, WellKnownMedia};
/// use mms_pdu::codec::Encode;
/// use mms_pdu::wsp::content_type::ContentType;
/// use mms_pdu::wsp::writer::{MultipartBuilder, PartBuilder};
///
/// let text = ContentType::well_known(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::UTF_8);
/// let body = MultipartBuilder::new()
///     .part(PartBuilder::new(text, b"Hello").content_id(b"<t>").content_location(b"t.txt"));
/// let bytes = body.encode_to_vec().unwrap();
/// assert_eq!(bytes.len(), body.encoded_len());
/// assert_eq!(&bytes[..2], &[0x01, 0x11]); // one entry; HeadersLen 17
/// ```
#[derive(Debug)]
pub struct PartBuilder<'a> {
    content_type: ContentType<'a>,
    headers: Vec<WspHeader<'a>>,
    data: PartData<'a>,
}

impl<'a> PartBuilder<'a> {
    /// A part over a borrowed slice.
    pub fn new(content_type: ContentType<'a>, data: &'a [u8]) -> Self {
        Self::with_data(content_type, PartData::Slice(data))
    }

    /// A part over a shared buffer.
    pub fn from_bytes(content_type: ContentType<'a>, data: bytes::Bytes) -> Self {
        Self::with_data(content_type, PartData::Bytes(data))
    }

    /// A part whose data is a nested multipart.
    pub fn nested(content_type: ContentType<'a>, body: MultipartBuilder<'a>) -> Self {
        Self::with_data(content_type, PartData::Multipart(Box::new(body)))
    }

    /// A part streamed from `reader`, which must yield exactly `len` octets.
    #[cfg(feature = "std")]
    pub fn from_reader(
        content_type: ContentType<'a>,
        reader: impl std::io::Read + 'a,
        len: u64,
    ) -> Self {
        Self::with_data(
            content_type,
            PartData::Reader {
                reader: core::cell::RefCell::new(Box::new(reader)),
                len,
            },
        )
    }

    /// A part with any data source.
    pub fn with_data(content_type: ContentType<'a>, data: PartData<'a>) -> Self {
        PartBuilder {
            content_type,
            headers: Vec::new(),
            data,
        }
    }

    /// Adds `Content-ID: id` (pass the angle brackets, e.g. `<img1>`).
    #[must_use]
    pub fn content_id(self, id: &'a [u8]) -> Self {
        self.header(WspHeader::content_id(id))
    }

    /// Adds `Content-Location: location`.
    #[must_use]
    pub fn content_location(self, location: &'a [u8]) -> Self {
        self.header(WspHeader::content_location(location))
    }

    /// Adds a Content-Disposition (WSP 1.1 code 0x2E) with an optional filename.
    #[must_use]
    pub fn disposition(self, disposition: Disposition, filename: Option<&'a [u8]>) -> Self {
        self.header(WspHeader::content_disposition(disposition, filename))
    }

    /// Adds any header.
    #[must_use]
    pub fn header(mut self, header: WspHeader<'a>) -> Self {
        self.headers.push(header);
        self
    }

    /// The content type.
    pub fn content_type(&self) -> &ContentType<'a> {
        &self.content_type
    }

    /// The headers after the content type.
    pub fn headers(&self) -> &[WspHeader<'a>] {
        &self.headers
    }

    /// The data source.
    pub fn data(&self) -> &PartData<'a> {
        &self.data
    }

    fn headers_len(&self) -> usize {
        self.content_type.encoded_len() + headers_len(&self.headers)
    }

    fn lengths(&self) -> Result<(Uintvar, Uintvar), EncodeError> {
        let too_big = EncodeError::Unencodable {
            field: "multipart entry",
            reason: "length above 2^32-1",
        };
        let hl = u32::try_from(self.headers_len()).map_err(|_| too_big)?;
        let dl = u32::try_from(self.data.len()).map_err(|_| too_big)?;
        Ok((Uintvar::new(hl), Uintvar::new(dl)))
    }
}

impl Encode for PartBuilder<'_> {
    fn encoded_len(&self) -> usize {
        let hl = self.headers_len();
        let dl = usize::try_from(self.data.len()).unwrap_or(usize::MAX);
        let uv = |n: usize| Uintvar::minimal_len(u32::try_from(n).unwrap_or(u32::MAX));
        uv(hl)
            .saturating_add(uv(dl))
            .saturating_add(hl)
            .saturating_add(dl)
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        let (hl, dl) = self.lengths()?;
        hl.encode(w)?;
        dl.encode(w)?;
        self.content_type.encode(w)?;
        encode_headers(&self.headers, w)?;
        self.data.write(w)
    }
}

/// A multipart body to send.
#[derive(Debug, Default)]
pub struct MultipartBuilder<'a> {
    parts: Vec<PartBuilder<'a>>,
}

impl<'a> MultipartBuilder<'a> {
    /// An empty body.
    pub fn new() -> Self {
        MultipartBuilder { parts: Vec::new() }
    }

    /// Appends a part.
    #[must_use]
    pub fn part(mut self, part: PartBuilder<'a>) -> Self {
        self.parts.push(part);
        self
    }

    /// Appends a part in place.
    pub fn push(&mut self, part: PartBuilder<'a>) {
        self.parts.push(part);
    }

    /// The parts.
    pub fn parts(&self) -> &[PartBuilder<'a>] {
        &self.parts
    }

    fn count(&self) -> Result<Uintvar, EncodeError> {
        u32::try_from(self.parts.len())
            .map(Uintvar::new)
            .map_err(|_| EncodeError::Unencodable {
                field: "multipart nEntries",
                reason: "more than 2^32-1 parts",
            })
    }
}

impl Encode for MultipartBuilder<'_> {
    fn encoded_len(&self) -> usize {
        let n = Uintvar::minimal_len(u32::try_from(self.parts.len()).unwrap_or(u32::MAX));
        self.parts
            .iter()
            .fold(n, |acc, p| acc.saturating_add(p.encoded_len()))
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        self.count()?.encode(w)?;
        self.parts.iter().try_for_each(|p| p.encode(w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assigned::{Charset, WellKnownMedia};
    use crate::base::options::DecodeOptions;
    use crate::wsp::content_type::Media;
    use crate::wsp::multipart::{self, Multipart};
    use alloc::vec;
    use proptest::prelude::*;

    fn mms_body() -> MultipartBuilder<'static> {
        let smil = ContentType::text(b"application/smil");
        let text = ContentType::well_known(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::UTF_8);
        let jpeg = ContentType::new(Media::Text(b"image/jpeg")).with_name(b"a.jpg");
        MultipartBuilder::new()
            .part(
                PartBuilder::new(smil, b"<smil/>")
                    .content_id(b"<s>")
                    .content_location(b"s.smil"),
            )
            .part(
                PartBuilder::new(text, "h\u{e9}llo".as_bytes())
                    .content_id(b"<t>")
                    .content_location(b"t.txt"),
            )
            .part(
                PartBuilder::from_bytes(jpeg, bytes::Bytes::from_static(b"\xFF\xD8\xFF\xE0"))
                    .content_id(b"<i>")
                    .disposition(Disposition::ATTACHMENT, Some(b"a.jpg")),
            )
    }

    /// Compares a built body with its decoded form, recursively.
    fn same(built: &MultipartBuilder<'_>, decoded: &Multipart<'_>) {
        let parts = decoded.parts_vec().unwrap();
        assert_eq!(parts.len(), built.parts().len());
        assert_eq!(
            decoded.declared_count().unwrap().value as usize,
            parts.len()
        );
        for (b, d) in built.parts().iter().zip(&parts) {
            assert_eq!(&d.content_type, b.content_type());
            let hs: Vec<_> = d.headers.iter().map(|h| h.unwrap().header).collect();
            assert_eq!(hs.as_slice(), b.headers());
            match b.data() {
                PartData::Slice(s) => assert_eq!(d.data, *s),
                PartData::Bytes(x) => assert_eq!(d.data, &x[..]),
                PartData::Multipart(m) => same(m, &d.nested().unwrap().unwrap()),
                #[cfg(feature = "std")]
                PartData::Reader { .. } => {}
            }
        }
    }

    #[test]
    fn smil_text_image_round_trip() {
        let body = mms_body();
        let bytes = body.encode_to_vec().unwrap();
        assert_eq!(bytes.len(), body.encoded_len());
        let (mp, diags) = multipart::decode(&bytes, &DecodeOptions::new().strict(true)).unwrap();
        assert!(diags.is_empty());
        same(&body, &mp);
        assert_eq!(mp.smil().unwrap().data, b"<smil/>");
        assert_eq!(
            mp.find_by_content_id(b"cid:i").unwrap().name(),
            Some(&b"a.jpg"[..])
        );
        assert_eq!(mp.encode_to_vec().unwrap(), bytes);
    }

    #[cfg(feature = "std")]
    #[test]
    fn streams_a_256_mib_part() {
        use std::io::Read;
        const N: u64 = 256 << 20;
        let body = MultipartBuilder::new().part(
            PartBuilder::from_reader(
                ContentType::text(b"video/3gpp"),
                std::io::repeat(0x5A).take(N),
                N,
            )
            .content_id(b"<v>"),
        );
        let predicted = body.encoded_len() as u64;
        let written = body.encode_to_writer(std::io::sink()).unwrap();
        assert_eq!(written, predicted);
        assert!(written > N);
    }

    #[cfg(feature = "std")]
    #[test]
    fn short_reader_is_an_error() {
        let body = MultipartBuilder::new().part(PartBuilder::from_reader(
            ContentType::well_known(WellKnownMedia::TEXT_PLAIN),
            &b"abc"[..],
            10,
        ));
        let e = body.encode_to_writer(std::io::sink()).unwrap_err();
        assert_eq!(
            e,
            EncodeError::ShortRead {
                expected: 10,
                got: 3
            }
        );
    }

    fn arb_part(depth: u32) -> BoxedStrategy<PartBuilder<'static>> {
        let leaf = (
            crate::wsp::content_type::tests::arb_content_type(),
            prop::collection::vec(any::<u8>(), 0..200),
            prop::option::of(prop::sample::select(vec![&b"<a>"[..], b"<smil>", b"x"])),
            prop::option::of(prop::sample::select(vec![&b"a.txt"[..], b"b c.jpg"])),
            any::<bool>(),
        )
            .prop_map(|(ct, data, id, loc, disp)| {
                let mut p = PartBuilder::from_bytes(ct, bytes::Bytes::from(data));
                if let Some(id) = id {
                    p = p.content_id(id);
                }
                if let Some(loc) = loc {
                    p = p.content_location(loc);
                }
                if disp {
                    p = p.disposition(Disposition::INLINE, loc);
                }
                p.header(WspHeader::application(b"X-Test", b"1"))
            });
        if depth == 0 {
            leaf.boxed()
        } else {
            prop_oneof![
                3 => leaf,
                1 => prop::collection::vec(arb_part(depth - 1), 0..4).prop_map(|parts| {
                    let mut m = MultipartBuilder::new();
                    for p in parts {
                        m.push(p);
                    }
                    PartBuilder::nested(
                        ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_MIXED),
                        m,
                    )
                }),
            ]
            .boxed()
        }
    }

    proptest! {
        #[test]
        fn built_multipart_round_trips(parts in prop::collection::vec(arb_part(2), 0..5)) {
            let mut body = MultipartBuilder::new();
            for p in parts {
                body.push(p);
            }
            let bytes = body.encode_to_vec().unwrap();
            prop_assert_eq!(bytes.len(), body.encoded_len());
            let (mp, _) = multipart::decode(&bytes, &DecodeOptions::new()).unwrap();
            same(&body, &mp);
            prop_assert_eq!(mp.encode_to_vec().unwrap(), bytes);
        }

        #[test]
        fn accepted_bodies_re_encode(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
            if let Ok((mp, _)) = multipart::decode(&bytes, &DecodeOptions::new()) {
                prop_assert_eq!(mp.encode_to_vec().unwrap(), bytes.clone());
                let mut again = Vec::new();
                if let Some(d) = mp.declared_count() {
                    d.encode(&mut again).unwrap();
                }
                for p in mp.parts() {
                    p.unwrap().encode(&mut again).unwrap();
                }
                prop_assert_eq!(again, bytes);
            }
        }
    }
}
