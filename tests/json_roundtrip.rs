//! The JSON of a message (`mms decode --json`, the `serde` feature) reads back into the same
//! octets through `mms_pdu::document::Document` — for every corpus file that decodes and every
//! sample — and edits made to the JSON show up in the octets.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use mms_pdu::codec::Encode;
use mms_pdu::document::{Document, DocumentErrorKind, MessageDoc, PduDoc};

mod common;
use common::{corpus_files, corpus_root, tpdus, with_udh};

/// JSON text → document → octets.
fn wire_of(json: &str) -> Vec<u8> {
    let doc: Document = serde_json::from_str(json).unwrap();
    doc.to_wire().unwrap_or_else(|e| panic!("{e}"))
}

fn json_of(bytes: &[u8]) -> String {
    serde_json::to_string_pretty(&mms_pdu::decode(bytes).unwrap()).unwrap()
}

#[test]
fn every_corpus_file_that_decodes_comes_back_from_its_json() {
    let Some(root) = corpus_root() else { return };
    let mut checked = 0;
    let mut problems = Vec::new();
    for path in corpus_files(&root) {
        let bytes = std::fs::read(&path).unwrap();
        let Ok(message) = mms_pdu::decode(&bytes) else {
            continue;
        };
        let json = serde_json::to_string(&message).unwrap();
        let doc: Document = serde_json::from_str(&json).unwrap();
        match doc.to_wire() {
            Ok(out) if out == bytes => {}
            Ok(out) => problems.push(format!(
                "{}: {} octets back for {}, first difference at {}",
                path.display(),
                out.len(),
                bytes.len(),
                out.iter()
                    .zip(&bytes)
                    .position(|(a, b)| a != b)
                    .unwrap_or(out.len().min(bytes.len()))
            )),
            Err(e) => problems.push(format!("{}: {e}", path.display())),
        }
        // The model's own editable form agrees.
        assert_eq!(
            MessageDoc::from_message(&message)
                .unwrap()
                .encode_to_vec()
                .unwrap(),
            bytes,
            "{}",
            path.display()
        );
        if let mms_pdu::Message::Pdu(pdu) = &message {
            assert_eq!(
                PduDoc::from_pdu(pdu).encode_to_vec().unwrap(),
                bytes,
                "{}",
                path.display()
            );
        }
        checked += 1;
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(checked >= 90, "only {checked} corpus files decoded");
}

/// The exact JSON of `framed` reads back into `framed`, through the document and through the
/// model's own editable form, and says what its framing decoded to.
fn check_framed_json(name: &str, framed: &[u8]) -> serde_json::Value {
    let message = mms_pdu::decode(framed).unwrap_or_else(|e| panic!("{name}: {e}"));
    let json = serde_json::to_string(&message).unwrap();
    assert_eq!(wire_of(&json), framed, "{name}");
    assert_eq!(
        MessageDoc::from_message(&message)
            .unwrap()
            .encode_to_vec()
            .unwrap(),
        framed,
        "{name}"
    );
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    // Without the reported fields the prefix alone is written back.
    let mut bare = value.clone();
    bare["framing"].as_object_mut().unwrap().remove("decoded");
    assert_eq!(wire_of(&bare.to_string()), framed, "{name}");
    value["framing"].clone()
}

#[test]
fn every_corpus_push_comes_back_from_its_json_in_its_sms_framings() {
    let Some(root) = corpus_root() else { return };
    let from = mms_pdu::sms::AddressBuf::international("+4916123456").unwrap();
    let mut pushes = 0;
    for path in corpus_files(&root) {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.display().to_string();
        let Ok(mms_pdu::Message::Push(_)) = mms_pdu::decode(&bytes) else {
            continue;
        };
        let ud = with_udh(&bytes);
        let framing = check_framed_json(&name, &ud);
        assert_eq!(framing["prefix"], "hex:0605040b8423f0", "{name}");
        let header = &framing["decoded"]["user_data"]["header"];
        assert_eq!(
            header["elements"][0]["ports"],
            serde_json::json!([2948, 9200])
        );
        // An SMS-DELIVER holds at most 140 octets of user data.
        if ud.len() <= 140 {
            let tpdu = &tpdus(std::slice::from_ref(&ud), &from)[0];
            let framing = check_framed_json(&name, tpdu);
            let deliver = &framing["decoded"]["deliver"];
            assert_eq!(deliver["originator"], "+4916123456", "{name}");
            assert_eq!(deliver["smsc"], "+491710760000", "{name}");
            assert_eq!(deliver["timestamp"], "2024-02-29T13:45:30-05:00", "{name}");
            assert_eq!(deliver["user_data_length"], ud.len(), "{name}");
            let prefix = framing["prefix"].as_str().unwrap();
            assert_eq!(prefix.len(), 4 + 2 * (tpdu.len() - bytes.len()), "{name}");
        }
        pushes += 1;
    }
    assert!(pushes > 0, "no push in the corpus");
}

#[test]
fn a_bare_push_has_no_framing_field() {
    let push = sample("push-notification.wsp");
    let value: serde_json::Value = serde_json::from_str(&json_of(&push)).unwrap();
    assert!(value.get("framing").is_none());
    assert!(value.get("push").is_some());
}

#[test]
fn an_edited_framing_prefix_is_written_and_an_edited_report_is_refused() {
    let push = sample("push-notification.wsp");
    let ud = with_udh(&push);
    let json = json_of(&ud);
    // The secure push port 2949 (0B 85) in the prefix, the report left out: written.
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    value["framing"]["prefix"] = "hex:0605040b8523f0".into();
    value["framing"].as_object_mut().unwrap().remove("decoded");
    let out = wire_of(&value.to_string());
    assert_eq!(out[..7], [0x06, 0x05, 0x04, 0x0B, 0x85, 0x23, 0xF0]);
    assert_eq!(out[7..], push[..]);
    // The same edit with the old report kept: the report no longer agrees.
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    value["framing"]["prefix"] = "hex:0605040b8523f0".into();
    assert!(
        refusal(&value.to_string()).contains("`framing.decoded` is only reported"),
        "{}",
        refusal(&value.to_string())
    );
    // An edit to the report alone is refused as well.
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    value["framing"]["decoded"]["user_data"]["header"]["elements"][0]["ports"][0] = 2949.into();
    assert!(refusal(&value.to_string()).contains("`framing.decoded` is only reported"));
    // A framing without a push.
    let pdu = sample("m-notification-ind.mms");
    let mut value: serde_json::Value = serde_json::from_str(&json_of(&pdu)).unwrap();
    value["framing"] = serde_json::json!({"prefix": "hex:0605040b8423f0"});
    assert!(refusal(&value.to_string()).contains("stands in front of a `push`"));
}

#[test]
fn every_sample_comes_back_from_its_json() {
    for (name, bytes) in mms_pdu::samples::all() {
        assert_eq!(wire_of(&json_of(&bytes)), bytes, "{name}");
    }
}

#[test]
fn an_edited_subject_is_written_with_its_new_length() {
    let (_, send_req) = mms_pdu::samples::all()
        .into_iter()
        .find(|(n, _)| *n == "m-send-req.mms")
        .unwrap();
    let pdu = mms_pdu::Pdu::decode(&send_req).unwrap();
    let subject = mms_pdu::text::encoded_string_text(
        &pdu.subject().unwrap(),
        mms_pdu::assigned::Charset::UTF_8,
    )
    .into_owned();
    let json = json_of(&send_req);
    let edited = json.replace(
        &format!("\"{subject}\""),
        "\"A much longer subject than before\"",
    );
    assert_ne!(edited, json, "the subject {subject:?} is in the JSON");
    let out = wire_of(&edited);
    let back = mms_pdu::Pdu::decode(&out).unwrap();
    assert_eq!(
        mms_pdu::text::encoded_string_text(
            &back.subject().unwrap(),
            mms_pdu::assigned::Charset::UTF_8
        ),
        "A much longer subject than before"
    );
    // The body is untouched.
    assert_eq!(back.body(), pdu.body());
}

#[test]
fn edited_part_data_gets_recomputed_lengths() {
    // nEntries 1; HeadersLen 1, DataLen 2, text/plain, "hi" — in an m-retrieve-conf.
    let wire = b"\x8C\x84\x8D\x92\x84\xA3\x01\x01\x02\x83hi";
    let json = json_of(wire);
    assert!(json.contains("\"data\": \"hi\""), "{json}");
    // The reported `text` goes along with the data it reports (or is removed).
    let out = wire_of(
        &json
            .replace("\"data\": \"hi\"", "\"data\": \"hello, world\"")
            .replace("\"text\": \"hi\"", "\"text\": \"hello, world\""),
    );
    let pdu = mms_pdu::Pdu::decode(&out).unwrap();
    let part = pdu
        .multipart()
        .unwrap()
        .unwrap()
        .parts()
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(part.data, b"hello, world");
    assert_eq!(part.data_len.value, 12);
}

#[test]
fn octets_that_are_not_utf8_travel_as_hex() {
    // A single (non-multipart) body of octets that are not UTF-8.
    let wire = b"\x8C\x84\x8D\x92\x84\x9E\xFF\xFE\x00\x80";
    let json = json_of(wire);
    assert!(json.contains("\"hex:fffe0080\""), "{json}");
    assert_eq!(wire_of(&json), wire);
}

#[test]
fn text_that_starts_with_hex_colon_is_written_as_hex_and_reads_back() {
    // Subject "hex:1" must not be mistaken for the octet 0x01... on the way back.
    let wire = b"\x8C\x84\x8D\x92\x96hex:1\x00";
    let json = json_of(wire);
    assert!(json.contains("\"hex:6865783a31\""), "{json}");
    assert_eq!(wire_of(&json), wire);
}

#[test]
fn escaped_json_text_is_read_through_the_document() {
    // A subject with a quote and a tab: escaped in JSON, so not borrowable from the text.
    let wire = b"\x8C\x84\x8D\x92\x96say \"hi\"\tnow\x00";
    let json = json_of(wire);
    assert!(json.contains(r#"say \"hi\"\tnow"#), "{json}");
    assert_eq!(wire_of(&json), wire);
}

#[test]
fn a_push_comes_back_with_its_pdu() {
    let (_, push) = mms_pdu::samples::all()
        .into_iter()
        .find(|(n, _)| *n == "push-notification.wsp")
        .unwrap();
    let json = json_of(&push);
    assert!(json.contains("\"push\""));
    assert_eq!(wire_of(&json), push);
}

#[test]
fn a_document_that_is_not_a_message_names_where() {
    let err =
        serde_json::from_str::<Document>(r#"{"pdu": {"headers": [{"header": {"Nope": 1}}]}}"#)
            .unwrap()
            .to_wire()
            .unwrap_err();
    assert_eq!(err.path, ["pdu", "headers", "0", "header"]);
    assert!(matches!(err.kind, DocumentErrorKind::Shape(_)));
    let text = err.to_string();
    assert!(text.starts_with("at pdu.headers[0].header: "), "{text}");
    assert!(text.contains("Nope"), "{text}");

    let err = serde_json::from_str::<Document>(r#"{"nothing": 1}"#)
        .unwrap()
        .to_wire()
        .unwrap_err();
    assert!(err.to_string().contains("pdu"), "{err}");
}

#[test]
fn bad_hex_is_refused_while_reading() {
    let e = serde_json::from_str::<Document>(r#"{"pdu": {"trailing": "hex:abc"}}"#).unwrap_err();
    assert!(e.to_string().contains("hex"), "{e}");
    let e = serde_json::from_str::<Document>(r#"{"pdu": {"trailing": "hex:zz"}}"#).unwrap_err();
    assert!(e.to_string().contains("hex"), "{e}");
}

#[test]
fn a_value_that_cannot_be_written_is_an_encode_error() {
    // A Short-integer form for a value above 127.
    let json = r#"{"pdu": {"headers": [
        {"header": {"MessageType": "m-retrieve-conf"}},
        {"header": {"MessageSize": {"value": 300, "form": "Short"}}}
    ]}}"#;
    let err = serde_json::from_str::<Document>(json)
        .unwrap()
        .to_wire()
        .unwrap_err();
    assert!(matches!(err.kind, DocumentErrorKind::Encode(_)), "{err}");
}

#[test]
fn nesting_past_the_limit_is_refused_while_reading() {
    // Built as a value: serde_json's own parser stops at 128 levels.
    let mut deep = serde_json::Value::Null;
    for _ in 0..300 {
        deep = serde_json::Value::Array(vec![deep]);
    }
    let e = <Document as serde::Deserialize>::deserialize(deep).unwrap_err();
    assert!(e.to_string().contains("deeper"), "{e}");
}

#[test]
fn lengths_left_out_are_computed() {
    // A multipart written by hand: no declared_count, no part lengths.
    let json = r#"{"pdu": {
        "headers": [
            {"header": {"MessageType": "m-retrieve-conf"}},
            {"header": {"MmsVersion": {"Short": 18}}},
            {"header": {"ContentType": {"form": "Short", "media": {"Number": {"value": 35, "form": "Short"}}}}}
        ],
        "body": {"multipart": {"parts": [
            {"content_type": {"form": "Short", "media": {"Number": {"value": 3, "form": "Short"}}}, "data": "hi"},
            {"content_type": {"form": "Short", "media": {"Text": {"bytes": "application/smil", "terminated": true}}}, "data": "<smil/>"}
        ]}}
    }}"#;
    let out = wire_of(json);
    let pdu = mms_pdu::Pdu::decode(&out).unwrap();
    assert!(pdu.diagnostics().is_empty(), "{:?}", pdu.diagnostics());
    let mp = pdu.multipart().unwrap().unwrap();
    assert_eq!(mp.declared_count().unwrap().value, 2);
    let parts = mp.parts_vec().unwrap();
    assert_eq!(parts[0].data, b"hi");
    assert_eq!(parts[1].data, b"<smil/>");
    assert!(parts[1].is_smil());
}

/// Every number in the JSON of each sample replaced, one at a time, by values at the edges of
/// the wire forms, every boolean flipped, every string emptied or given a control octet: the
/// document encodes or refuses cleanly (never a panic), and what it encodes has exactly the
/// length `encoded_len` announced.
#[test]
fn mutated_json_encodes_or_is_refused_never_panics() {
    const NUMBERS: [u64; 12] = [
        0,
        1,
        30,
        31,
        127,
        128,
        255,
        256,
        0xFFFF,
        u32::MAX as u64,
        u32::MAX as u64 + 1,
        u64::MAX,
    ];
    fn leaves(v: &serde_json::Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, x) in map {
                    path.push(k.clone());
                    leaves(x, path, out);
                    path.pop();
                }
            }
            serde_json::Value::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    path.push(i.to_string());
                    leaves(x, path, out);
                    path.pop();
                }
            }
            _ => out.push(path.clone()),
        }
    }
    fn at<'v>(v: &'v mut serde_json::Value, path: &[String]) -> &'v mut serde_json::Value {
        path.iter().fold(v, |v, k| match v {
            serde_json::Value::Object(map) => map.get_mut(k).unwrap(),
            serde_json::Value::Array(items) => &mut items[k.parse::<usize>().unwrap()],
            _ => unreachable!(),
        })
    }
    let mut tried = 0;
    for (name, bytes) in mms_pdu::samples::all() {
        let original = serde_json::to_value(mms_pdu::decode(&bytes).unwrap()).unwrap();
        let mut paths = Vec::new();
        leaves(&original, &mut Vec::new(), &mut paths);
        for path in &paths {
            let replacements: Vec<serde_json::Value> = match at(&mut original.clone(), path) {
                serde_json::Value::Number(_) => NUMBERS.iter().map(|&n| n.into()).collect(),
                serde_json::Value::Bool(b) => vec![(!*b).into()],
                serde_json::Value::String(s) => vec![
                    "".into(),
                    format!("\u{1}{s}").into(),
                    format!("{s}\u{0}x").into(),
                    "hex:00".into(),
                    "x".repeat(300).into(),
                ],
                _ => vec![serde_json::Value::Null, 0.into()],
            };
            for r in replacements {
                let mut v = original.clone();
                *at(&mut v, path) = r;
                let Ok(doc) = <Document as serde::Deserialize>::deserialize(&v) else {
                    continue;
                };
                tried += 1;
                let Ok(message) = doc.message() else { continue };
                if let Ok(out) = message.encode_to_vec() {
                    assert_eq!(out.len(), message.encoded_len(), "{name} {path:?}");
                }
            }
        }
    }
    assert!(tried > 10_000, "only {tried} documents tried");
}

/// A PDU of the crate's `samples/` folder (not `mms_pdu::samples`, which has every field).
fn sample(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("samples")
            .join(name),
    )
    .unwrap()
}

/// The error of reading `json` back, as text.
fn refusal(json: &str) -> String {
    let doc: Document = serde_json::from_str(json).unwrap();
    doc.to_wire().unwrap_err().to_string()
}

#[test]
fn an_edited_reported_text_is_refused_naming_the_field() {
    let json = json_of(&sample("m-send-req.mms"));
    assert!(json.contains("\"text\": \"Hello\""), "{json}");
    // The text edited, the data not: refused, not ignored.
    let e = refusal(&json.replace("\"text\": \"Hello\"", "\"text\": \"Goodbye\""));
    assert!(
        e.starts_with("at pdu.body.multipart.parts[1]: `text` is only reported"),
        "{e}"
    );
    // The data edited and the text left as it was: refused too (it no longer reports the data).
    let e = refusal(&json.replace("\"data\": \"Hello\"", "\"data\": \"Goodbye\""));
    assert!(e.contains("`text`"), "{e}");
    // Both edited, or the text removed: the new data is written.
    for edited in [
        json.replace("\"Hello\"", "\"Goodbye\""),
        json.replace("\"text\": \"Hello\"", "\"text\": null")
            .replace("\"data\": \"Hello\"", "\"data\": \"Goodbye\""),
    ] {
        let out = wire_of(&edited);
        let pdu = mms_pdu::Pdu::decode(&out).unwrap();
        let parts = pdu.multipart().unwrap().unwrap().parts_vec().unwrap();
        assert_eq!(parts[1].data, b"Goodbye");
    }
    // A text given for a part the JSON shows none for (the GIF of the retrieved message).
    let json = json_of(&sample("m-retrieve-conf.mms"));
    let e = refusal(&json.replacen("\"text\": null", "\"text\": \"GIF\"", 1));
    assert!(
        e.starts_with("at pdu.body.multipart.parts[1]: `text`"),
        "{e}"
    );
}

#[test]
fn an_edited_reported_message_type_or_content_type_text_is_refused() {
    let json = json_of(&sample("m-send-req.mms"));
    let top = "\"message_type\": \"m-send-req\"";
    assert!(json.contains(top), "{json}");
    let e = refusal(&json.replacen(top, "\"message_type\": \"m-retrieve-conf\"", 1));
    assert!(
        e.starts_with("at pdu: `message_type` (m-retrieve-conf)"),
        "{e}"
    );
    // Left out, it is not needed.
    assert_eq!(
        wire_of(&json.replacen(top, "\"message_type\": null", 1)),
        sample("m-send-req.mms")
    );

    let ct = "\"text\": \"text/plain; charset=utf-8\"";
    assert!(json.contains(ct), "{json}");
    let e = refusal(&json.replace(ct, "\"text\": \"image/jpeg\""));
    assert!(e.contains("content_type: the content type's `text`"), "{e}");
    assert!(e.contains("image/jpeg"), "{e}");
}

#[test]
fn text_that_starts_with_hex_colon_reads_back_in_a_part_and_a_content_type() {
    // A text/plain part reading "hex:zz" (not hex digits) and one reading "hex:01", in an
    // m-retrieve-conf; then a part whose textual media type starts with `hex:`.
    let wire = b"\x8C\x84\x8D\x92\x84\xA3\x02\x01\x06\x83hex:zz\x01\x06\x83hex:01";
    let json = json_of(wire);
    assert!(json.contains("\"text\": \"hex:6865783a7a7a\""), "{json}");
    assert_eq!(wire_of(&json), wire);
    let wire = b"\x8C\x84\x8D\x92\x84\xA3\x01\x05\x01hex:\0J";
    let json = json_of(wire);
    assert_eq!(wire_of(&json), wire);
}

/// Every part's `data_offset` is where its data is in the input, nested parts included.
#[test]
fn data_offsets_point_at_the_data() {
    fn check(v: &serde_json::Value, wire: &[u8], seen: &mut usize) {
        match v {
            serde_json::Value::Object(map) => {
                if let Some(at) = map.get("data_offset") {
                    let at = usize::try_from(at.as_u64().unwrap()).unwrap();
                    let len = usize::try_from(map["data_length"].as_u64().unwrap()).unwrap();
                    let data_len =
                        usize::try_from(map["data_len"]["value"].as_u64().unwrap()).unwrap();
                    assert_eq!(len, data_len);
                    // The entry ends where its data does.
                    let entry = usize::try_from(map["offset"].as_u64().unwrap()).unwrap();
                    assert!(entry < at && at + len <= wire.len());
                    if let Some(serde_json::Value::String(d)) = map.get("data") {
                        if !d.starts_with("hex:") {
                            assert_eq!(&wire[at..at + len], d.as_bytes());
                        }
                    }
                    *seen += 1;
                }
                map.values().for_each(|x| check(x, wire, seen));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|x| check(x, wire, seen)),
            _ => {}
        }
    }
    let mut seen = 0;
    let mut inputs: Vec<Vec<u8>> = mms_pdu::samples::all().into_iter().map(|s| s.1).collect();
    if let Some(root) = corpus_root() {
        inputs.extend(
            corpus_files(&root)
                .iter()
                .map(|p| std::fs::read(p).unwrap()),
        );
    }
    for wire in &inputs {
        let Ok(message) = mms_pdu::decode(wire) else {
            continue;
        };
        check(&serde_json::to_value(&message).unwrap(), wire, &mut seen);
    }
    // The same offsets as the model's nested multiparts use.
    let wire = sample("m-send-req.mms");
    let v = serde_json::to_value(mms_pdu::decode(&wire).unwrap()).unwrap();
    let parts = &v["pdu"]["body"]["multipart"]["parts"];
    assert_eq!(parts[0]["data_offset"], 99);
    assert_eq!(parts[1]["data_offset"], 125);
    assert!(seen >= 8, "only {seen} parts");
}

mod readable {
    use super::*;
    use mms_pdu::document::Readable;

    fn readable(bytes: &[u8]) -> serde_json::Value {
        let pdu = mms_pdu::Pdu::decode(bytes).unwrap();
        serde_json::to_value(Readable::new(&pdu)).unwrap()
    }

    #[test]
    fn a_notification_is_a_few_hundred_octets() {
        let wire = sample("m-notification-ind.mms");
        let pdu = mms_pdu::Pdu::decode(&wire).unwrap();
        let compact = serde_json::to_string(&Readable::new(&pdu)).unwrap();
        let exact = serde_json::to_string(&pdu).unwrap();
        assert!(compact.len() < 300, "{} octets: {compact}", compact.len());
        assert!(compact.len() * 3 < exact.len(), "{compact}\n{exact}");
        let v = readable(&wire);
        assert_eq!(v["message_type"], "m-notification-ind");
        assert_eq!(v["from"]["phone"], "+15551234567");
        assert_eq!(v["message_size"], 12345);
        assert_eq!(v["expiry"], "P3D");
        assert_eq!(v["message_class"], "Personal");
    }

    #[test]
    fn a_retrieved_message_shows_text_addresses_dates_and_flat_attachments() {
        let v = readable(&sample("m-retrieve-conf.mms"));
        assert_eq!(v["subject"], "Café");
        assert_eq!(v["date"], "2023-11-14T22:13:20Z");
        assert_eq!(v["from"]["phone"], "+15550100001");
        assert_eq!(v["to"][1]["phone"], "+15550100002");
        assert_eq!(v["text"], "Lunch at the café? ☕");
        let a = v["attachments"].as_array().unwrap();
        assert_eq!(a.len(), 6);
        assert_eq!(a[0]["content_type"], "application/smil");
        assert!(a[0]["text"].as_str().unwrap().starts_with("<smil"));
        assert_eq!(a[1]["content_type"], "image/gif");
        assert_eq!(a[1]["name"], "photo.gif");
        assert_eq!(a[1]["size"], 43);
        assert!(a[1].get("text").is_none());
        assert_eq!(a[2]["charset"], "utf-8");
        assert_eq!(a[2]["text"], "Lunch at the café? ☕");
        // UTF-16 decoded by its charset.
        assert_eq!(a[3]["charset"], "utf-16");
        assert!(!a[3]["text"].as_str().unwrap().contains('\0'));
        assert_eq!(a[5]["name"], "alice.vcf");
    }

    #[test]
    fn a_send_req_from_the_insert_address_token() {
        let v = readable(&sample("m-send-req.mms"));
        assert_eq!(v["from_insert_address"], true);
        assert!(v.get("from").is_none());
        assert_eq!(v["to"][0]["phone"], "+15551234567");
        assert_eq!(v["subject"], "Hi");
        assert_eq!(v["version"], "1.3");
    }

    #[test]
    fn every_corpus_pdu_has_a_readable_view() {
        let Some(root) = corpus_root() else { return };
        let mut shown = 0;
        for path in corpus_files(&root) {
            let bytes = std::fs::read(&path).unwrap();
            let Ok(message) = mms_pdu::decode(&bytes) else {
                continue;
            };
            let Some(pdu) = message.pdu() else { continue };
            let view = mms_pdu::MessageView::new(pdu);
            let v = serde_json::to_value(Readable::new(pdu)).unwrap();
            let listed = v
                .get("attachments")
                .map_or(0, |a| a.as_array().unwrap().len());
            assert_eq!(listed, view.attachments().len(), "{}", path.display());
            for (json, a) in v["attachments"]
                .as_array()
                .into_iter()
                .flatten()
                .zip(view.attachments())
            {
                assert_eq!(json["size"], a.size(), "{}", path.display());
                assert_eq!(
                    json.get("name").and_then(|n| n.as_str()),
                    a.name().as_deref()
                );
            }
            shown += 1;
        }
        assert!(shown >= 90, "only {shown}");
    }
}
