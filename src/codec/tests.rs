//! Tests of the wire primitives: spec vectors, boundaries, errors, truncation and round trips.

use alloc::vec::Vec;

use proptest::prelude::*;

use super::*;
use crate::base::error::{DecodeErrorKind, Deviation};

fn enc<T: Encode>(v: &T) -> Vec<u8> {
    let out = v.encode_to_vec().unwrap();
    assert_eq!(out.len(), v.encoded_len());
    out
}

/// Every strict prefix of `wire` must fail cleanly under `parser` run to completion.
fn assert_prefixes_fail<'a, T: core::fmt::Debug>(
    wire: &'a [u8],
    parser: impl Fn(&'a [u8]) -> PResult<'a, T>,
) {
    for cut in 0..wire.len() {
        let prefix = &wire[..cut];
        let r = decode_all(prefix, &parser);
        assert!(
            r.is_err(),
            "prefix {prefix:02X?} of {wire:02X?} decoded: {r:?}"
        );
        let e = r.unwrap_err();
        assert!(e.offset <= cut, "offset {} past the end {}", e.offset, cut);
    }
}

// --- Uintvar (WAP-230-WSP §8.1.2) --------------------------------------------------------------

#[test]
fn uintvar_spec_table() {
    let table: [(u32, &[u8]); 7] = [
        (0, &[0x00]),
        (127, &[0x7F]),
        (128, &[0x81, 0x00]),
        (305, &[0x82, 0x31]),
        (16383, &[0xFF, 0x7F]),
        (16384, &[0x81, 0x80, 0x00]),
        (4_294_967_295, &[0x8F, 0xFF, 0xFF, 0xFF, 0x7F]),
    ];
    for (value, wire) in table {
        assert_eq!(enc(&Uintvar::new(value)), wire, "encode {value}");
        let d = decode_all(wire, uintvar).unwrap();
        assert_eq!(d, Uintvar::new(value));
        assert_prefixes_fail(wire, uintvar);
    }
}

#[test]
fn uintvar_errors() {
    // 6 octets: too long.
    let e = decode_all(&[0x81, 0x80, 0x80, 0x80, 0x80, 0x00], uintvar).unwrap_err();
    assert_eq!(e.kind, DecodeErrorKind::UintvarTooLong);
    assert_eq!(e.offset, 0);
    // 5 octets above 32 bits.
    let e = decode_all(&[0x90, 0x80, 0x80, 0x80, 0x00], uintvar).unwrap_err();
    assert_eq!(e.kind, DecodeErrorKind::UintvarOverflow);
    // Non-minimal forms are accepted and remembered.
    let d = decode_all(&[0x80, 0x80, 0x01], uintvar).unwrap();
    assert_eq!((d.value, d.leading_zeros), (1, 2));
    assert_eq!(enc(&d), [0x80, 0x80, 0x01]);
    let zero = decode_all(&[0x80, 0x00], uintvar).unwrap();
    assert_eq!((zero.value, zero.leading_zeros), (0, 1));
    assert_eq!(enc(&zero), [0x80, 0x00]);
}

// --- Integers ----------------------------------------------------------------------------------

#[test]
fn long_integer_boundaries() {
    for v in [
        0u64,
        30,
        31,
        127,
        128,
        255,
        256,
        u64::from(u32::MAX),
        u64::MAX,
    ] {
        let li = LongInteger::new(v);
        let wire = enc(&li);
        assert_eq!(usize::from(wire[0]), wire.len() - 1);
        assert_eq!(decode_all(&wire, long_integer).unwrap(), li);
        assert_prefixes_fail(&wire, long_integer);
    }
    assert_eq!(enc(&LongInteger::new(u64::MAX)).len(), 9);
    assert_eq!(enc(&LongInteger::new(0)), [1, 0]);
}

#[test]
fn long_integer_errors() {
    let e = decode_all(&[0x00], long_integer).unwrap_err();
    assert_eq!(e.kind, DecodeErrorKind::EmptyLongInteger);
    let e = decode_all(&[0x1F, 1], long_integer).unwrap_err();
    assert!(matches!(
        e.kind,
        DecodeErrorKind::UnexpectedOctet { found: 0x1F, .. }
    ));
    // Nine significant octets do not fit u64.
    let e = decode_all(&[9, 1, 0, 0, 0, 0, 0, 0, 0, 0], long_integer).unwrap_err();
    assert_eq!(e.kind, DecodeErrorKind::IntegerTooLarge { octets: 9 });
    // Thirty octets of which the leading ones are zero fit.
    let mut wire = alloc::vec![30u8];
    wire.extend_from_slice(&[0; 29]);
    wire.push(7);
    let d = decode_all(&wire, long_integer).unwrap();
    assert_eq!((d.value, d.octets), (7, 30));
    assert_eq!(enc(&d), wire);
    // Truncated value octets.
    let e = decode_all(&[4, 1, 2], long_integer).unwrap_err();
    assert_eq!(
        e.kind,
        DecodeErrorKind::LengthExceedsInput { need: 4, have: 2 }
    );
    assert_eq!(e.offset, 1);
}

#[test]
fn integer_value_forms() {
    for v in [0u64, 30, 31, 127, 128, u64::from(u32::MAX), u64::MAX] {
        let iv = IntegerValue::new(v);
        let wire = enc(&iv);
        assert_eq!(decode_all(&wire, integer_value).unwrap(), iv);
        assert_prefixes_fail(&wire, integer_value);
    }
    assert_eq!(enc(&IntegerValue::new(127)), [0xFF]);
    assert_eq!(enc(&IntegerValue::new(128)), [0x01, 0x80]);
    // Charset as Long-integer (an IANA MIBenum, WAP-230-WSP §8.4.2.8): ucs-2 = 1000.
    assert_eq!(
        decode_all(&[0x02, 0x03, 0xE8], integer_value)
            .unwrap()
            .value,
        1000
    );
    let e = decode_all(&[0x40], integer_value).unwrap_err();
    assert!(matches!(
        e.kind,
        DecodeErrorKind::UnexpectedOctet { found: 0x40, .. }
    ));
    let small_long = decode_all(&[0x01, 0x05], integer_value).unwrap();
    assert_eq!(small_long.deviation(), Some(Deviation::NonMinimalInteger));
    assert_eq!(enc(&small_long), [0x01, 0x05]);
}

#[test]
fn short_integer_rules() {
    assert_eq!(decode_all(&[0x80], short_integer).unwrap(), 0);
    assert_eq!(decode_all(&[0xFF], short_integer).unwrap(), 127);
    assert!(decode_all(&[0x7F], short_integer).is_err());
    let mut v = Vec::new();
    assert!(encode_short_integer(&mut v, 128).is_err());
}

#[test]
fn value_length_forms() {
    for len in [0u32, 30, 31, 127, 128, u32::MAX] {
        let vl = ValueLength::new(len);
        let wire = enc(&vl);
        assert_eq!(decode_all(&wire, value_length).unwrap(), vl);
        assert_prefixes_fail(&wire, value_length);
    }
    assert_eq!(enc(&ValueLength::new(30)), [30]);
    assert_eq!(enc(&ValueLength::new(31)), [0x1F, 31]);
    // Long form for a small length: accepted, remembered, a deviation.
    let d = decode_all(&[0x1F, 0x05], value_length).unwrap();
    assert_eq!(d.len, 5);
    assert_eq!(d.deviation(), Some(Deviation::NonMinimalLength));
    assert_eq!(enc(&d), [0x1F, 0x05]);
    // An octet of 32 or more is not a Value-length (WAP-230-WSP §8.4.2.2); AOSP's parser throws
    // on it (Signal-Android #2508).
    let e = decode_all(&[0x40], value_length).unwrap_err();
    assert!(matches!(
        e.kind,
        DecodeErrorKind::UnexpectedOctet { found: 0x40, .. }
    ));
    // A length past the input.
    let e = decode_all(&[0x05, 1, 2], length_prefixed).unwrap_err();
    assert_eq!(
        e.kind,
        DecodeErrorKind::LengthExceedsInput { need: 5, have: 2 }
    );
}

// --- Text --------------------------------------------------------------------------------------

#[test]
fn cut_text_is_the_text_string_of_a_cut() {
    // What a header walk cuts out as a text reads as `text_string` reads it, without the search.
    for cut in [
        &b"abc\0"[..],
        b"\x7Fabc\0",
        b"\x7F\xC3\xA9\0",
        b"\0",
        b"\x7F\0",
        b" \0",
    ] {
        assert_eq!(
            cut_text(cut),
            Some(decode_all(cut, text_string).unwrap()),
            "{cut:?}"
        );
    }
    // Not such a cut: a Value-length or an integer first, no NUL last, nothing.
    for not_a_cut in [&b"\x02ab\0"[..], b"\x81\0", b"\xC3\xA9\0", b"abc", b""] {
        assert_eq!(cut_text(not_a_cut), None, "{not_a_cut:?}");
    }
}

#[test]
fn text_string_quote_rule() {
    assert_eq!(enc(&TextString::new(b"abc")), b"abc\0");
    assert_eq!(enc(&TextString::new(&[0xC3, 0xA9])), [0x7F, 0xC3, 0xA9, 0]);
    assert_eq!(enc(&TextString::new(b"")), [0]);
    let t = decode_all(&[0x7F, 0xC3, 0xA9, 0], text_string).unwrap();
    assert_eq!(
        (t.bytes, t.quoted, t.deviation()),
        (&[0xC3, 0xA9][..], true, None)
    );
    let needless = decode_all(b"\x7Fabc\0", text_string).unwrap();
    assert_eq!(needless.deviation(), Some(Deviation::NeedlessQuote));
    assert_eq!(enc(&needless), b"\x7Fabc\0");
    // Cut by the end of the input: it ran out (the text and its NUL needed, the text left).
    let e = decode_all(b"abc", text_string).unwrap_err();
    assert_eq!(e.kind, DecodeErrorKind::UnexpectedEnd { need: 4, have: 3 });
    // Cut by an enclosing bound that ends before the input does: no NUL where one belongs.
    fn first_two(i: &[u8]) -> PResult<'_, TextString<'_>> {
        text_string(&i[..2])
    }
    let e = decode_all(b"abc\0", first_two).unwrap_err();
    assert_eq!(e.kind, DecodeErrorKind::MissingTerminator);
    assert_prefixes_fail(b"hello\0", text_string);
    // Bounded: the end of the bound stands in for the NUL.
    let b = decode_all(b"abc", text_string_bounded).unwrap();
    assert_eq!((b.bytes, b.nuls), (&b"abc"[..], 0));
    assert_eq!(enc(&b), b"abc");
}

#[test]
fn quoted_and_token() {
    let q = decode_all(b"\"<s>\0", quoted_string).unwrap();
    assert_eq!((q.bytes, q.closing_quote), (&b"<s>"[..], false));
    assert_eq!(enc(&q), b"\"<s>\0");
    let q2 = decode_all(b"\"<s>\"\0", quoted_string).unwrap();
    assert_eq!(
        (q2.bytes, q2.deviation()),
        (&b"<s>"[..], Some(Deviation::ClosingQuote))
    );
    assert_eq!(enc(&q2), b"\"<s>\"\0");
    assert!(decode_all(b"<s>\0", quoted_string).is_err());
    assert_prefixes_fail(b"\"<s>\0", quoted_string);
    let t = decode_all(b"name\0", token_text).unwrap();
    assert_eq!(t.bytes, b"name");
    assert!(decode_all(&[0x85, 0], token_text).is_err());
    assert_eq!(decode_all(&[0], text_value).unwrap(), TextValue::NoValue);
    assert_eq!(decode_all(b"\"x\0", text_value).unwrap().as_bytes(), b"x");
    assert_eq!(decode_all(b"x\0", text_value).unwrap().as_bytes(), b"x");
    assert!(Token::new(b"").encode_to_vec().is_err());
    assert!(decode_all(&[0], no_value).is_ok());
}

#[test]
fn encoded_string_vectors() {
    // AT&T's empty UTF-8 Subject (nuntium's TestDecodeATTUSA push).
    let s = decode_all(&[0x02, 0xEA, 0x00], encoded_string).unwrap();
    assert_eq!((s.charset().unwrap().value, s.as_bytes()), (106, &b""[..]));
    assert_eq!(enc(&s), [0x02, 0xEA, 0x00]);
    // Jolla InvalidSubject: a needless Quote (WAP-230-WSP §8.4.2.1 puts one only before an octet
    // of 0x80 or above) and an empty encoded-word.
    let mut wire = alloc::vec![0x0F, 0xEA, 0x7F];
    wire.extend_from_slice(b"=?utf-8?B??=\0");
    let s = decode_all(&wire, encoded_string).unwrap();
    assert_eq!(s.as_bytes(), b"=?utf-8?B??=");
    assert_eq!(enc(&s), wire);
    // Plain.
    let s = decode_all(b"Hi\0", encoded_string).unwrap();
    assert_eq!((s.charset(), s.as_bytes()), (None, &b"Hi"[..]));
    // Empty plain (T-Mobile "96 00").
    assert_eq!(decode_all(&[0], encoded_string).unwrap().as_bytes(), b"");
    // Charset as Long-integer (UCS-2 = 1000), text without terminator.
    let wire = [0x05, 0x02, 0x03, 0xE8, 0x00, 0x41];
    let s = decode_all(&wire, encoded_string).unwrap();
    assert_eq!(
        (s.charset().unwrap().value, s.as_bytes()),
        (1000, &[0x00, 0x41][..])
    );
    assert_eq!(enc(&s), wire);
    // Canonical construction.
    let built = EncodedString::utf8("Привет");
    let wire = enc(&built);
    assert_eq!(wire[1], 0xEA);
    assert_eq!(wire[2], 0x7F);
    assert_eq!(decode_all(&wire, encoded_string).unwrap(), built);
    assert_prefixes_fail(&wire, encoded_string);
}

#[test]
fn date_q_version() {
    // 2020-01-01T00:00Z as a Date-value (WAP-230-WSP §8.4.2.3).
    assert_eq!(
        enc(&LongInteger::new(1_577_836_800)),
        [0x04, 0x5E, 0x0B, 0xE1, 0x00]
    );
    assert_eq!(
        decode_all(&[0x04, 0x5E, 0x0B, 0xE1, 0x00], date_value)
            .unwrap()
            .value,
        1_577_836_800
    );
    // Dates past 2106 hold.
    let far = LongInteger::new(1 << 40);
    assert_eq!(decode_all(&enc(&far), date_value).unwrap(), far);
    // Q-value (WAP-230-WSP §8.4.2.3).
    let table: [(u16, &[u8]); 6] = [
        (0, &[0x01]),
        (100, &[0x0B]),
        (500, &[0x33]),
        (990, &[0x64]),
        (1, &[0x65]),
        (333, &[0x83, 0x31]),
    ];
    for (q, wire) in table {
        assert_eq!(enc(&QValue::from_thousandths(q).unwrap()), wire, "q {q}");
        assert_eq!(decode_all(wire, q_value).unwrap().thousandths(), Some(q));
    }
    assert!(QValue::from_thousandths(1000).is_none());
    assert!(decode_all(&[0x81, 0x80, 0x00], q_value).is_err());
    // Version-value (WAP-230-WSP §8.4.2.3).
    assert_eq!(enc(&Version::new(1, Some(3))), [0x93]);
    assert_eq!(enc(&Version::new(2, None)), [0xAF]);
    let v = decode_all(b"1.2\0", version_value).unwrap();
    assert_eq!((v.major(), v.minor()), (Some(1), Some(2)));
    let v = decode_all(&[0xAF], version_value).unwrap();
    assert_eq!((v.major(), v.minor()), (Some(2), None));
}

#[test]
fn skip_values_of_every_shape() {
    // Length-quote with a length past the input.
    assert!(skip_value(&[0x1F, 0x20, 0xAA]).is_err());
    for wire in [
        &[0x81][..],
        b"text\0",
        &[0x03, 1, 2, 3],
        &[0x1F, 0x01, 0xAA],
    ] {
        let (rest, used) = skip_value(wire).unwrap();
        assert!(rest.is_empty());
        assert_eq!(used, wire);
    }
    assert_prefixes_fail(&[0x03, 1, 2, 3], skip_value);
}

#[test]
fn writers() {
    let v = Uintvar::new(16384);
    let mut small = [0u8; 2];
    assert!(matches!(
        v.encode_to_slice(&mut small),
        Err(crate::base::error::EncodeError::BufferTooSmall { need: 3, have: 2 })
    ));
    let mut buf = [0u8; 3];
    assert_eq!(v.encode_to_slice(&mut buf).unwrap(), 3);
    let mut bm = bytes::BytesMut::new();
    v.encode(&mut bm).unwrap();
    assert_eq!(&bm[..], &buf);
    #[cfg(feature = "std")]
    {
        let mut out = Vec::new();
        assert_eq!(v.encode_to_writer(&mut out).unwrap(), 3);
        assert_eq!(out, buf);
        let mut sink = IoWriter::new(Vec::new());
        let mut reader: &[u8] = &[1, 2, 3];
        assert!(matches!(
            sink.write_from_reader(&mut reader, 5),
            Err(crate::base::error::EncodeError::ShortRead {
                expected: 5,
                got: 3
            })
        ));
    }
}

// --- Property tests ----------------------------------------------------------------------------

fn arb_uintvar() -> impl Strategy<Value = Uintvar> {
    any::<u32>().prop_flat_map(|value| {
        let max_zeros = 5 - Uintvar::minimal_len(value);
        (0..=max_zeros).prop_map(move |z| Uintvar {
            value,
            leading_zeros: u8::try_from(z).unwrap(),
        })
    })
}

fn arb_integer_value() -> impl Strategy<Value = IntegerValue> {
    prop_oneof![
        (0u64..128).prop_map(|value| IntegerValue {
            value,
            form: IntegerForm::Short
        }),
        any::<u64>().prop_flat_map(|value| {
            (LongInteger::minimal_octets(value)..=30).prop_map(move |n| IntegerValue {
                value,
                form: IntegerForm::Long(n),
            })
        }),
    ]
}

fn arb_value_length() -> impl Strategy<Value = ValueLength> {
    prop_oneof![
        (0u32..=30).prop_map(|len| ValueLength {
            len,
            form: LengthForm::Short
        }),
        arb_uintvar().prop_map(|u| ValueLength {
            len: u.value,
            form: LengthForm::Quoted {
                leading_zeros: u.leading_zeros
            },
        }),
    ]
}

proptest! {
    #[test]
    fn uintvar_round_trip(v in arb_uintvar()) {
        let wire = enc(&v);
        prop_assert_eq!(decode_all(&wire, uintvar).unwrap(), v);
    }

    #[test]
    fn integer_value_round_trip(v in arb_integer_value()) {
        let wire = enc(&v);
        prop_assert_eq!(decode_all(&wire, integer_value).unwrap(), v);
        for cut in 0..wire.len() {
            prop_assert!(decode_all(&wire[..cut], integer_value).is_err());
        }
    }

    #[test]
    fn value_length_round_trip(v in arb_value_length()) {
        let wire = enc(&v);
        prop_assert_eq!(decode_all(&wire, value_length).unwrap(), v);
    }

    #[test]
    fn text_round_trip(bytes in proptest::collection::vec(1u8..=255, 0..40), quoted: bool) {
        // A Quote is needed before a high first octet; an explicit one is allowed before text.
        let needs_quote = bytes.first().is_some_and(|&b| b >= 0x7F);
        let starts_with_quote = bytes.first() == Some(&0x7F);
        prop_assume!(!starts_with_quote || quoted);
        let t = TextString { bytes: &bytes, quoted: quoted || needs_quote || starts_with_quote, nuls: 1 };
        let wire = enc(&t);
        prop_assert_eq!(decode_all(&wire, text_string).unwrap(), t);
    }

    #[test]
    fn encoded_string_round_trip(
        bytes in proptest::collection::vec(1u8..=255, 0..60),
        charset in arb_integer_value(),
        plain: bool,
    ) {
        let s = if plain {
            prop_assume!(bytes.first().is_none_or(|&b| b >= 0x20));
            EncodedString::plain(&bytes)
        } else {
            EncodedString::WithCharset {
                length_form: LengthForm::Short,
                charset,
                text: TextString::new(&bytes),
            }
        };
        let s = match s {
            EncodedString::WithCharset { charset, text, .. } => {
                let content = charset.encoded_len() + text.encoded_len();
                EncodedString::WithCharset {
                    length_form: ValueLength::new(u32::try_from(content).unwrap()).form,
                    charset,
                    text,
                }
            }
            p => p,
        };
        let wire = enc(&s);
        let back = decode_all(&wire, encoded_string).unwrap();
        prop_assert_eq!(&back.encode_to_vec().unwrap(), &wire);
        prop_assert_eq!(back.as_bytes(), &bytes[..]);
    }

    /// The word-at-a-time NUL search agrees with a plain scan, whatever the position of the
    /// first NUL, the octets around it (0x01 and 0x80 border the word trick) and the length.
    #[test]
    fn find_nul_agrees_with_a_plain_scan(
        input in proptest::collection::vec(prop::sample::select(vec![0u8, 1, 0x7F, 0x80, 0x81, 0xFF, b'a']), 0..100)
    ) {
        prop_assert_eq!(
            super::text::find_nul(&input),
            input.iter().position(|&b| b == 0)
        );
    }

    /// The bounded Text-string is the Text-string, or, where that misses its NUL, the rest of
    /// the bound as the text (unterminated); it fails as the Text-string does otherwise.
    #[test]
    fn a_bounded_text_is_the_text_or_the_rest_of_the_bound(
        input in proptest::collection::vec(prop::sample::select(vec![0u8, 0x7F, b'"', 0x80, b'a']), 0..12)
    ) {
        let expected = match text_string(&input) {
            Err(nom::Err::Error(e)) if e.kind == DecodeErrorKind::MissingTerminator => {
                let (quoted, bytes) = match input.split_first() {
                    Some((&QUOTE, rest)) => (true, rest),
                    _ => (false, &input[..]),
                };
                Ok((&[][..], TextString { bytes, quoted, nuls: 0 }))
            }
            other => other,
        };
        prop_assert_eq!(text_string_bounded(&input), expected);
    }

    /// The one- and two-octet paths of `uintvar` read what its general loop reads.
    #[test]
    fn uintvar_agrees_with_its_general_loop(input in proptest::collection::vec(any::<u8>(), 0..7)) {
        prop_assert_eq!(super::integer::uintvar(&input), super::integer::uintvar_long(&input));
    }

    /// The fast paths of `skip_value` cut exactly what the general path reads, and fail alike.
    #[test]
    fn skip_value_agrees_with_its_general_path(input in proptest::collection::vec(any::<u8>(), 0..40)) {
        match (skip_value(&input), super::value::skip_by_shape(&input)) {
            (Ok((rest, value)), Ok((raw_rest, _))) => {
                prop_assert_eq!(rest, raw_rest);
                prop_assert_eq!(value, &input[..input.len() - rest.len()]);
            }
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            (a, b) => prop_assert!(false, "skip {:?} raw {:?}", a, b),
        }
    }

    /// Whatever a decoder accepts re-encodes to exactly the octets it consumed.
    #[test]
    fn accepted_input_reencodes_exactly(input in proptest::collection::vec(any::<u8>(), 0..24)) {
        fn check<'a, T: Encode>(input: &'a [u8], r: PResult<'a, T>) -> Result<(), TestCaseError> {
            if let Ok((rest, v)) = r {
                let used = &input[..input.len() - rest.len()];
                prop_assert_eq!(v.encode_to_vec().unwrap(), used);
            }
            Ok(())
        }
        check(&input, uintvar(&input))?;
        check(&input, long_integer(&input))?;
        check(&input, integer_value(&input))?;
        check(&input, value_length(&input))?;
        check(&input, text_string(&input))?;
        check(&input, text_string_bounded(&input))?;
        check(&input, quoted_string(&input))?;
        check(&input, token_text(&input))?;
        check(&input, text_value(&input))?;
        check(&input, encoded_string(&input))?;
        check(&input, q_value(&input))?;
        check(&input, version_value(&input))?;
    }
}

// --- The nom rewrite keeps every result -------------------------------------------------------

/// A parser's result with positions as offsets into `input`, so that two parsers are compared
/// on where they stopped or failed, not only on what they returned: value, rest, error kind,
/// error offset, context and nom variant.
#[allow(clippy::type_complexity)]
fn shape<'a, T>(
    input: &'a [u8],
    r: PResult<'a, T>,
) -> Result<(usize, T), (&'static str, usize, DecodeErrorKind, &'static str)> {
    use crate::base::error::offset_in;
    match r {
        Ok((rest, v)) => Ok((offset_in(input, rest), v)),
        Err(nom::Err::Error(e)) => Err(("Error", offset_in(input, e.input), e.kind, e.context)),
        Err(nom::Err::Failure(e)) => Err(("Failure", offset_in(input, e.input), e.kind, e.context)),
        Err(nom::Err::Incomplete(_)) => Err((
            "Incomplete",
            0,
            DecodeErrorKind::TrailingBytes { count: 0 },
            "",
        )),
    }
}

fn wire_octets() -> impl Strategy<Value = Vec<u8>> {
    // The octets where the grammar decides: NUL, lengths, Length-quote, `"`, Quote, the
    // Short-integer boundary, text, and anything.
    let octet = prop_oneof![
        prop::sample::select(vec![
            0u8, 1, 2, 3, 4, 8, 9, 30, 31, 0x20, 0x22, b'a', 0x7F, 0x80, 0x81, 0x8F, 0xEA, 0xFF
        ]),
        any::<u8>(),
    ];
    proptest::collection::vec(octet, 0..28)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn nom_rewrite_keeps_every_result(input in wire_octets()) {
        use super::reference as old;
        let i = input.as_slice();
        prop_assert_eq!(shape(i, short_integer(i)), shape(i, old::short_integer(i)));
        prop_assert_eq!(shape(i, long_integer(i)), shape(i, old::long_integer(i)));
        prop_assert_eq!(shape(i, integer_value(i)), shape(i, old::integer_value(i)));
        prop_assert_eq!(shape(i, value_length(i)), shape(i, old::value_length(i)));
        prop_assert_eq!(shape(i, length_prefixed(i)), shape(i, old::length_prefixed(i)));
        prop_assert_eq!(shape(i, quoted_string(i)), shape(i, old::quoted_string(i)));
        prop_assert_eq!(shape(i, token_text(i)), shape(i, old::token_text(i)));
        prop_assert_eq!(shape(i, text_value(i)), shape(i, old::text_value(i)));
        prop_assert_eq!(shape(i, no_value(i)), shape(i, old::no_value(i)));
        prop_assert_eq!(shape(i, q_value(i)), shape(i, old::q_value(i)));
        prop_assert_eq!(shape(i, version_value(i)), shape(i, old::version_value(i)));
        prop_assert_eq!(shape(i, encoded_string(i)), shape(i, old::encoded_string(i)));
        prop_assert_eq!(shape(i, text_string_bounded(i)).is_ok(), !i.is_empty());
    }
}

#[test]
fn decode_all_reads_a_streaming_parser_as_complete() {
    // A caller's streaming parser asking for more is an end of input where it started.
    let streaming =
        |i| nom::bytes::streaming::take::<_, _, crate::base::error::WireError<'_>>(4usize)(i);
    let e = decode_all(&[1, 2], streaming).unwrap_err();
    assert_eq!(e.kind, DecodeErrorKind::UnexpectedEnd { need: 1, have: 2 });
    assert_eq!((e.offset, e.context), (0, "PDU"));
}
