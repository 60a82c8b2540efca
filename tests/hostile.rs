//! Hostile inputs: the named crashers of other MMS/WSP codecs as regression tests, nesting far
//! beyond the limit, and every prefix, single-octet change and extension of the crate's own
//! sample PDUs. The rule throughout: no panic, no hang, a clean error or a valid decode that
//! re-encodes exactly (the property checks of `mms_pdu::fuzzing`, shared with the fuzz targets).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

use mms_pdu::codec::Encode;
use mms_pdu::wsp::multipart;
use mms_pdu::{DecodeErrorKind, DecodeOptions, Message, Pdu, decode, fuzzing};

const NOTIFICATION: &[u8] = include_bytes!("../samples/m-notification-ind.mms");
const SEND_REQ: &[u8] = include_bytes!("../samples/m-send-req.mms");
const PUSH: &[u8] = include_bytes!("../samples/push-notification.wsp");

/// Every check a fuzz target would run on `data`.
fn all_checks(data: &[u8]) {
    fuzzing::pdu(data);
    fuzzing::message(data);
}

/// The essential property, cheaply (for the many thousands of single-octet changes): a clean
/// error or a decode that re-encodes exactly, the inner PDU of a push included.
fn reencodes_or_fails(data: &[u8]) {
    if let Ok(m) = decode(data) {
        assert_eq!(m.encoded_len(), data.len(), "{data:02X?}");
        assert_eq!(m.encode_to_vec().unwrap(), data, "{data:02X?}");
        if let Message::Push(p) = &m {
            if let (Some(body), Some(pdu)) = (p.push.mms_body(), &p.pdu) {
                assert_eq!(pdu.encode_to_vec().unwrap(), body, "{data:02X?}");
            }
        }
        if let Some(Ok(mp)) = m.pdu().and_then(Pdu::multipart) {
            for part in mp.parts() {
                let _ = part.unwrap().encode_to_vec().unwrap();
            }
        }
    }
}

/// A Uintvar in its minimal form.
fn uintvar(mut v: u32) -> Vec<u8> {
    let mut out = vec![(v & 0x7F) as u8];
    v >>= 7;
    while v > 0 {
        out.insert(0, 0x80 | (v & 0x7F) as u8);
        v >>= 7;
    }
    out
}

#[test]
fn aosp_8c_82_89_40() {
    // AOSP's PduParser still crashes here: a From value-length of 0x40 with nothing after it.
    let input = [0x8C, 0x82, 0x89, 0x40];
    let err = Pdu::decode(&input).unwrap_err();
    assert_eq!(err.context, "From");
    assert!(decode(&input).is_err());
    all_checks(&input);
}

#[test]
fn value_length_larger_than_input() {
    // From with a Length-quote'd Value-length of 127 and 1 octet after it.
    let input = b"\x8C\x82\x98T\x00\x89\x1F\x7F\x80";
    let err = Pdu::decode(input).unwrap_err();
    assert!(
        matches!(
            err.kind,
            DecodeErrorKind::LengthExceedsInput { need: 127, .. }
        ),
        "{err:?}"
    );
    assert_eq!(err.context, "From");
    // The largest Value-length a Uintvar holds, with no data at all.
    let input = b"\x8C\x84\x98T\x00\x89\x1F\x8F\xFF\xFF\xFF\x7F";
    let err = Pdu::decode(input).unwrap_err();
    assert!(
        matches!(err.kind, DecodeErrorKind::LengthExceedsInput { .. }),
        "{err:?}"
    );
    all_checks(input);
}

#[test]
fn six_octet_uintvar() {
    let six = [0x80, 0x80, 0x80, 0x80, 0x80, 0x01];
    let err = mms_pdu::codec::uintvar(&six).unwrap_err();
    let nom::Err::Error(e) = err else {
        panic!("{err:?}")
    };
    assert_eq!(e.kind, DecodeErrorKind::UintvarTooLong);
    // As a multipart nEntries, a value-length after Length-quote and a push's HeadersLen.
    assert!(multipart::decode(&six, &DecodeOptions::new()).is_err());
    let mut pdu = b"\x8C\x82\x98T\x00\x89\x1F".to_vec();
    pdu.extend_from_slice(&six);
    assert!(Pdu::decode(&pdu).is_err());
    let mut push = vec![0x01, 0x06];
    push.extend_from_slice(&six);
    push.extend_from_slice(b"\xBE\xAF\x84");
    assert!(decode(&push).is_err());
    for input in [&six[..], &pdu, &push] {
        all_checks(input);
        fuzzing::multipart(input);
    }
}

#[test]
fn multipart_count_2_pow_28_without_data() {
    let mut body = uintvar(1 << 28);
    assert_eq!(body, [0x81, 0x80, 0x80, 0x80, 0x00]);
    // Lenient: the count disagrees with the (zero) entries: a diagnostic, nothing allocated by it.
    let (mp, diags) = multipart::decode(&body, &DecodeOptions::new()).unwrap();
    assert_eq!(mp.parts().count(), 0);
    assert!(!diags.is_empty());
    assert!(multipart::decode(&body, &DecodeOptions::new().strict(true)).is_err());
    fuzzing::multipart(&body);
    // The same body in an m-retrieve-conf.
    let mut pdu = b"\x8C\x84\x98T\x00\x8D\x92\x84\xA3".to_vec();
    pdu.append(&mut body);
    all_checks(&pdu);
}

#[test]
fn part_lengths_overflowing_32_bits() {
    // HeadersLen and DataLen both 2^32-1: their sum overflows a u32; the input has 1 octet.
    let body = [
        0x01, 0x8F, 0xFF, 0xFF, 0xFF, 0x7F, 0x8F, 0xFF, 0xFF, 0xFF, 0x7F, 0x83,
    ];
    let err = multipart::decode(&body, &DecodeOptions::new()).unwrap_err();
    assert!(
        matches!(err.kind, DecodeErrorKind::LengthExceedsInput { need, have: 1 } if need == 2 * u64::from(u32::MAX)),
        "{err:?}"
    );
    // 2^31 + 2^31 (exactly 2^32) and 1 + (2^32 - 1).
    for (h, d) in [(1u32 << 31, 1u32 << 31), (1, u32::MAX)] {
        let mut body = vec![0x01];
        body.extend(uintvar(h));
        body.extend(uintvar(d));
        body.extend_from_slice(b"\x83hi");
        assert!(multipart::decode(&body, &DecodeOptions::new()).is_err());
        fuzzing::multipart(&body);
    }
    fuzzing::multipart(&body);
}

#[test]
fn push_headers_len_exceeds_pdu() {
    for hl in [0x7F_u32, 0x3FFF, u32::MAX] {
        let mut push = vec![0x01, 0x06];
        push.extend(uintvar(hl));
        push.extend_from_slice(b"\xBE\xAF\x84");
        let err = decode(&push).unwrap_err();
        assert!(
            matches!(err.kind, DecodeErrorKind::LengthExceedsInput { .. }),
            "{hl}: {err:?}"
        );
        all_checks(&push);
    }
}

/// A multipart body nested `levels` deep: each level one part of type multipart.mixed whose
/// data is the next level; the innermost is empty. Built outside in, in linear time.
fn nested_body(levels: usize) -> Vec<u8> {
    let mut prefixes = Vec::with_capacity(levels);
    let mut inner_len = 0usize;
    for _ in 0..levels {
        let mut p = vec![0x01, 0x01];
        p.extend(uintvar(u32::try_from(inner_len).unwrap()));
        p.push(0xA3);
        inner_len += p.len();
        prefixes.push(p);
    }
    let mut out = Vec::with_capacity(inner_len);
    for p in prefixes.iter().rev() {
        out.extend_from_slice(p);
    }
    out
}

#[test]
fn nesting_of_100_000_levels_is_an_error_not_a_stack_overflow() {
    let body = nested_body(100_000);
    let err = multipart::decode(&body, &DecodeOptions::new()).unwrap_err();
    assert!(
        matches!(err.kind, DecodeErrorKind::DepthLimit { .. }),
        "{err:?}"
    );
    fuzzing::multipart(&body);
    // Inside an m-retrieve-conf, bare and carried by a push.
    let mut pdu = b"\x8C\x84\x98T\x00\x8D\x92\x84\xA3".to_vec();
    pdu.extend_from_slice(&body);
    let err = Pdu::decode(&pdu).unwrap_err();
    assert!(
        matches!(err.kind, DecodeErrorKind::DepthLimit { .. }),
        "{err:?}"
    );
    all_checks(&pdu);
    // Just inside the default limit it decodes and walks.
    let shallow = nested_body(usize::try_from(mms_pdu::Limits::DEFAULT.max_depth).unwrap());
    let (mp, _) = multipart::decode(&shallow, &DecodeOptions::new()).unwrap();
    assert_eq!(mp.encode_to_vec().unwrap(), shallow);
    fuzzing::multipart(&shallow);
}

/// Where the header block ends (the body starts) in a sample, to spend all 256 values there.
fn header_end(sample: &[u8]) -> usize {
    let (start, pdu) = match decode(sample).unwrap() {
        Message::Pdu(p) => (0, p),
        Message::Push(p) => {
            let body = p.push.mms_body().unwrap();
            (sample.len() - body.len(), p.pdu.unwrap())
        }
    };
    start + pdu.encoded_len() - pdu.body().map_or(0, <[u8]>::len)
}

#[test]
fn every_prefix_of_the_samples() {
    for sample in [NOTIFICATION, SEND_REQ, PUSH] {
        for end in 0..sample.len() {
            let prefix = &sample[..end];
            all_checks(prefix);
            fuzzing::multipart(prefix);
        }
    }
}

#[test]
fn every_single_octet_change_of_the_samples() {
    for sample in [NOTIFICATION, SEND_REQ, PUSH] {
        let headers = header_end(sample);
        let mut input = sample.to_vec();
        for at in 0..sample.len() {
            let was = sample[at];
            // All 256 values in the header block; in the body the octets that change meaning.
            // Every change gets the essential property; the octets that change meaning most
            // also get every check of the fuzz targets.
            let values: Vec<u8> = if at < headers {
                (0..=255).collect()
            } else {
                vec![
                    0x00,
                    0x01,
                    0x1F,
                    0x20,
                    0x7F,
                    0x80,
                    0xFF,
                    was ^ 0x01,
                    was ^ 0x80,
                ]
            };
            for v in values {
                input[at] = v;
                reencodes_or_fails(&input);
                if matches!(v, 0x00 | 0x1F | 0x7F | 0x80 | 0xFF) || v == was ^ 0x80 {
                    all_checks(&input);
                }
            }
            input[at] = was;
        }
    }
}

#[test]
fn the_samples_with_octets_appended() {
    let tails: [&[u8]; 7] = [
        b"\x00",
        b"\x8C",
        b"\xFF\xFF\xFF\xFF",
        b"\x8C\x82\x89\x40",
        b"\x1F\x8F\xFF\xFF\xFF\x7F",
        b"\x84\xA3\x81\x80\x80\x80\x00",
        b"X-Extra\x00value\x00",
    ];
    for sample in [NOTIFICATION, SEND_REQ, PUSH] {
        for tail in tails {
            let mut input = sample.to_vec();
            input.extend_from_slice(tail);
            all_checks(&input);
            if let Ok(m) = decode(&input) {
                assert_eq!(m.encode_to_vec().unwrap(), input);
            }
        }
        let twice = [sample, sample].concat();
        all_checks(&twice);
    }
}

/// Finding of the `built_pdu` target: a Transaction-ID built as `TextString::new(b"\x01...")`
/// was written as is, and the decoder (rightly) read its first octet as a Value-length, so the
/// PDU came back as different headers. The encoder now refuses it, as it refuses a plain
/// Encoded-string starting with a control octet.
#[test]
fn built_text_starting_with_a_control_octet_is_refused() {
    use mms_pdu::EncodeError;
    use mms_pdu::assigned::{MessageType, Status};
    use mms_pdu::codec::{TextString, Token};
    use mms_pdu::mms::MmsHeader;
    use mms_pdu::mms::build::PduBuilder;
    let build = |tid: &'static [u8]| {
        PduBuilder::new(MessageType::NOTIFYRESP_IND)
            .header(MmsHeader::TransactionId(TextString::new(tid)))
            .header(MmsHeader::Status(Status::RETRIEVED))
            .build()
            .unwrap()
    };
    for tid in [&b"\x01\x05"[..], b"\x1Fx", b"\x1E"] {
        assert!(
            matches!(
                build(tid).encode_to_vec(),
                Err(EncodeError::Unencodable {
                    field: "X-Mms-Transaction-Id",
                    ..
                })
            ),
            "{tid:02X?}"
        );
    }
    // Text starting with a space, a high octet (quoted) or empty still round-trips.
    for tid in [&b" x"[..], b"\xC3\xA9", b""] {
        let wire = build(tid).encode_to_vec().unwrap();
        let back = Pdu::decode(&wire).unwrap();
        assert_eq!(back.transaction_id().unwrap().bytes, tid);
    }
    // The same inside the indexed Content-Location of the delete confirmations and the
    // content reference of an element descriptor (second finding of the same kind).
    use mms_pdu::mms::{ContentLocationValue, ElementDescriptor};
    let indexed =
        MmsHeader::ContentLocation(ContentLocationValue::indexed(7, TextString::new(b"\x19x")));
    assert!(indexed.encode_to_vec().is_err());
    let descriptor = MmsHeader::ElementDescriptor(ElementDescriptor::new(b"\x05", b""));
    assert!(descriptor.encode_to_vec().is_err());
    // The finding's input, kept as a seed (its octets now make other choices: the generator
    // moved to `arbitrary`, feature `arbitrary`, always on in `cargo test`).
    #[cfg(feature = "arbitrary")]
    fuzzing::built_pdu(include_bytes!(
        "../fuzz/seeds/built_pdu/regress-indexed-location-control-octet"
    ));
    // A text MMS-Version whose control octet happens to be the length of what follows is read
    // back as text (`8D 02 78 00`); one whose "length" does not fit is refused.
    use mms_pdu::codec::Version;
    let version = |v: &'static [u8]| {
        mms_pdu::mms::Pdu::new(
            vec![
                MmsHeader::MessageType(MessageType::NOTIFYRESP_IND),
                MmsHeader::MmsVersion(Version::Text(TextString::new(v))),
            ],
            None,
        )
        .encode_to_vec()
    };
    let wire = version(b"\x02x").unwrap();
    assert_eq!(Pdu::decode(&wire).unwrap().encode_to_vec().unwrap(), wire);
    assert!(matches!(
        Pdu::decode(&wire).unwrap().version(),
        Some(Version::Text(t)) if t.bytes == b"\x02x"
    ));
    assert!(version(b"\x05x").is_err());
    // An application header whose name is empty or starts with a control octet.
    for name in [&b""[..], b"\x05X"] {
        let h = MmsHeader::Application {
            name: Token::new(name),
            value: TextString::new(b"v"),
        };
        assert!(h.encode_to_vec().is_err(), "{name:02X?}");
    }
    // The finding's input, kept as a seed (its octets now make other choices: the generator
    // moved to `arbitrary`, feature `arbitrary`, always on in `cargo test`).
    #[cfg(feature = "arbitrary")]
    fuzzing::built_pdu(include_bytes!(
        "../fuzz/seeds/built_pdu/regress-text-control-octet"
    ));
}

/// Finding of the `built_pdu` target in the part headers: a Content-Location built as
/// `b"\x05\x07"` was written as is and read back as a Value-length of 5. Refused on encode.
#[test]
fn built_part_location_starting_with_a_control_octet_is_refused() {
    use mms_pdu::codec::TextString;
    use mms_pdu::wsp::WspHeader;
    let h = WspHeader::ContentLocation(TextString::new(b"\x05\x07"));
    assert!(h.encode_to_vec().is_err());
    // A decoded `8E 02 41 00` (the control octet happens to be the length) re-encodes.
    fuzzing::wsp_headers(b"\x8E\x02\x41\x00");
    let ok = WspHeader::ContentLocation(TextString::new(b"a.txt"));
    assert_eq!(ok.encode_to_vec().unwrap(), b"\x8Ea.txt\0");
    // The finding's input, kept as a seed (its octets now make other choices: the generator
    // moved to `arbitrary`, feature `arbitrary`, always on in `cargo test`).
    #[cfg(feature = "arbitrary")]
    fuzzing::built_pdu(include_bytes!(
        "../fuzz/seeds/built_pdu/regress-part-location-control-octet"
    ));
}

/// Fuzz finding (`built_pdu`): a content-type parameter text built with a leading `"` or control
/// octet could read back as another value (a Quoted-string, a Long-integer). The encoder now
/// either writes it so that it reads back equal, or refuses it: never a PDU that decodes
/// differently.
#[test]
fn built_parameter_text_reads_back_equal_or_is_refused() {
    use mms_pdu::assigned::WellKnownMedia;
    use mms_pdu::codec::Encode;
    use mms_pdu::wsp::{ContentType, Media};
    let odd: [&[u8]; 7] = [
        b"\"quoted",
        b"\x01\x41",
        b"\x1Fx",
        b"\x02ab",
        b"",
        b"a.jpg",
        "été".as_bytes(),
    ];
    let mut refused = 0;
    for text in odd {
        let built = [
            ContentType::well_known(WellKnownMedia::IMAGE_JPEG).with_name(text),
            ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_RELATED)
                .with_start(text),
            ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_RELATED)
                .with_type(Media::Text(text)),
        ];
        for ct in built {
            match ct.encode_to_vec() {
                Err(_) => refused += 1,
                Ok(wire) => {
                    let back = mms_pdu::codec::decode_all(&wire, mms_pdu::wsp::content_type)
                        .unwrap_or_else(|e| panic!("{text:02X?}: {e}"));
                    assert_eq!(back, ct, "{text:02X?} reads back differently");
                }
            }
        }
    }
    // `"quoted` as a start or a type cannot be written as a Text-string that reads back.
    assert!(refused > 0);
}
