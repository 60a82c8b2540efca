//! The sending side of MMS: compose an m-send-req and stream it out, then act on the MMSC's
//! m-send-conf (OMA-TS-MMS_ENC-V1_3 §6.1; the body a WAP-230-WSP §8.5 multipart).
//!
//! ```text
//! cargo run --example send              # write the m-send-req to a file in the temp dir
//! cargo run --example send -- OUT.mms   # write it to OUT.mms
//! cargo run --example send -- - > x.mms # write it to stdout (the narrative goes to stderr)
//! ```
//!
//! 1. The message: a SMIL presentation, a UTF-8 text and an image that is read from a file
//!    while the PDU is written (never held in memory whole).
//! 2. Its exact size is known before a single octet is written, so an HTTP POST can send
//!    `Content-Length` first; then it is written through the streaming writer.
//! 3. The MMSC answers with an m-send-conf; its X-Mms-Response-Status decides: done (keep the
//!    Message-ID to match delivery reports), retry later (transient), or give up (permanent).
//!    Three answers show the three branches.
//!
//! Every step checks its result; the example exits non-zero if one does not hold.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::fs::File;
use std::io::{BufWriter, Write as _};
use std::path::PathBuf;

use mms_pdu::DecodeOptions;
use mms_pdu::assigned::{Charset, MessageType, ResponseStatus, StatusClass, WellKnownMedia};
use mms_pdu::codec::{Encode, EncodedString, TextString};
use mms_pdu::mms::views::{SendConf, SendReq};
use mms_pdu::mms::{
    Address, FromValue, Pdu, ResponseStatusValue, ResponseTextValue, StreamedPdu, TimeValue,
    validate::validate,
};
use mms_pdu::wsp::{ContentType, Media, MultipartBuilder, PartBuilder};

const SMIL: &[u8] = br#"<smil><head><layout><root-layout/><region id="Image" top="0" height="80%"/><region id="Text" top="80%" height="20%"/></layout></head><body><par dur="8000ms"><img src="cid:image" region="Image"/><text src="cid:text" region="Text"/></par></body></smil>"#;

const TEXT: &str = "Der Zug fährt um 17:42 — bis gleich! 🚆";

/// A temporary file, removed when dropped (also when a check fails and the example unwinds).
struct TempFile(PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        std::fs::remove_file(&self.0).ok();
    }
}

/// A 120×60 24-bit BMP (a colour gradient): a real image larger than the writer's 16 KiB copy
/// buffer, written to a temporary file to stand for the user's photo.
fn write_image_file(path: &std::path::Path) -> Vec<u8> {
    let (w, h) = (120u32, 60u32);
    let row = w * 3; // 360, already a multiple of 4: no row padding
    let pixels = row * h;
    let mut bmp = Vec::new();
    bmp.extend_from_slice(b"BM");
    bmp.extend_from_slice(&(54 + pixels).to_le_bytes());
    bmp.extend_from_slice(&[0, 0, 0, 0]);
    bmp.extend_from_slice(&54u32.to_le_bytes());
    bmp.extend_from_slice(&40u32.to_le_bytes());
    bmp.extend_from_slice(&w.to_le_bytes());
    bmp.extend_from_slice(&h.to_le_bytes());
    bmp.extend_from_slice(&1u16.to_le_bytes());
    bmp.extend_from_slice(&24u16.to_le_bytes());
    bmp.extend_from_slice(&[0; 4]); // no compression
    bmp.extend_from_slice(&pixels.to_le_bytes());
    bmp.extend_from_slice(&[0; 16]); // resolution, palette
    for y in 0..h {
        for x in 0..w {
            let b = u8::try_from(x * 255 / w).unwrap();
            let g = u8::try_from(y * 255 / h).unwrap();
            bmp.extend_from_slice(&[b, g, 0x80]);
        }
    }
    std::fs::write(path, &bmp).expect("write the image file");
    bmp
}

fn main() {
    let arg = std::env::args().nth(1);
    let to_stdout = arg.as_deref() == Some("-");
    // With the PDU on stdout, the narrative goes to stderr.
    macro_rules! say {
        ($($t:tt)*) => {
            if to_stdout { eprintln!($($t)*) } else { println!($($t)*) }
        };
    }
    let pid = std::process::id();
    let image_file = TempFile(std::env::temp_dir().join(format!("mms-pdu-send-example-{pid}.bmp")));
    let image_path = &image_file.0;
    let mut temp_out = None;
    let out_path: Option<PathBuf> = match arg.as_deref() {
        Some("-") => None,
        Some(path) => Some(PathBuf::from(path)),
        None => {
            let path = std::env::temp_dir().join(format!("mms-pdu-send-example-{pid}.mms"));
            temp_out = Some(TempFile(path.clone()));
            Some(path)
        }
    };

    // --- 1. Compose ----------------------------------------------------------------------------
    let image = write_image_file(image_path);
    let image_len = std::fs::metadata(image_path).unwrap().len();
    say!(
        "1. composing an m-send-req: SMIL, UTF-8 text, image {} ({image_len} octets, streamed)",
        image_path.display()
    );
    let related = ContentType::well_known(WellKnownMedia::APPLICATION_VND_WAP_MULTIPART_RELATED)
        .with_start(b"<smil>")
        .with_type(Media::Text(b"application/smil"));
    let headers = SendReq::build(
        TextString::new(b"send-0001"),
        // The MMSC fills in the sender's number.
        FromValue::insert_address(),
        related,
    )
    .to(Address::new(b"+41787654321/TYPE=PLMN"))
    .to(Address::new(b"anna@example.org"))
    .subject(EncodedString::utf8("Ankunft 17:42"))
    .expiry(TimeValue::relative(7 * 24 * 3600))
    .build()
    .expect("the send-req headers build");
    // Built without `.body(...)`, the PDU is its headers, ending with Content-Type;
    // `StreamedPdu` below appends the multipart body as it is written.

    let smil = ContentType::text(b"application/smil");
    let text = ContentType::well_known(WellKnownMedia::TEXT_PLAIN).with_charset(Charset::UTF_8);
    let bmp = ContentType::text(b"image/bmp").with_name(b"bahnhof.bmp");
    let image_reader = File::open(image_path).expect("open the image");
    let body = MultipartBuilder::new()
        .part(
            PartBuilder::new(smil, SMIL)
                .content_id(b"<smil>")
                .content_location(b"smil.xml"),
        )
        .part(
            PartBuilder::new(text, TEXT.as_bytes())
                .content_id(b"<text>")
                .content_location(b"text.txt"),
        )
        .part(
            PartBuilder::from_reader(bmp, image_reader, image_len)
                .content_id(b"<image>")
                .content_location(b"bahnhof.bmp"),
        );
    let send_req = StreamedPdu::new(&headers, &body).expect("a multipart send-req without body");

    // --- 2. Size first, then stream ------------------------------------------------------------
    let length = send_req.encoded_len();
    say!("\n2. POST /mms HTTP/1.1");
    say!("   Content-Type: application/vnd.wap.mms-message");
    say!("   Content-Length: {length}");
    let written = match &out_path {
        Some(path) => {
            let mut out = BufWriter::new(File::create(path).expect("create the output file"));
            let n = send_req.encode_to_writer(&mut out).expect("stream the PDU");
            out.flush().expect("flush the output");
            say!("   wrote {n} octets to {}", path.display());
            n
        }
        None => {
            let mut out = std::io::stdout().lock();
            let n = send_req.encode_to_writer(&mut out).expect("stream the PDU");
            out.flush().expect("flush stdout");
            say!("   wrote {n} octets to stdout");
            n
        }
    };
    assert_eq!(
        written,
        u64::try_from(length).unwrap(),
        "encoded_len was exact"
    );

    // Read the file back as the MMSC would and check what arrived.
    if let Some(path) = &out_path {
        let wire = std::fs::read(path).expect("read the PDU back");
        assert_eq!(wire.len(), length);
        let pdu = Pdu::decode(&wire).expect("the m-send-req decodes");
        assert!(pdu.diagnostics().is_empty(), "{:?}", pdu.diagnostics());
        assert!(validate(&pdu).is_empty(), "{:?}", validate(&pdu));
        let req = SendReq::try_from(&pdu).expect("an m-send-req");
        assert_eq!(req.to().count(), 2);
        let parts = pdu.multipart().unwrap().unwrap().parts_vec().unwrap();
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0].data, SMIL);
        assert_eq!(parts[1].text(Charset::UTF_8), TEXT);
        assert_eq!(parts[2].data, &image[..], "the image arrived intact");
        assert_eq!(parts[2].name(), Some(&b"bahnhof.bmp"[..]));
        say!(
            "   read back: m-send-req to {} recipients, {} parts ({}), clean",
            req.to().count(),
            parts.len(),
            parts
                .iter()
                .map(|p| p.content_type.media().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    drop(temp_out);
    drop(image_file);

    // --- 3. The MMSC's answer ------------------------------------------------------------------
    say!("\n3. the MMSC answers with an m-send-conf; three possible answers:");
    let answers = [
        (ResponseStatus::OK, None, Some(&b"msg-20240531-0001"[..])),
        (
            ResponseStatus::ERROR_TRANSIENT_NETWORK_PROBLEM,
            Some(&b"Try again later"[..]),
            None,
        ),
        (
            ResponseStatus::ERROR_PERMANENT_CONTENT_NOT_ACCEPTED,
            Some(&b"image/bmp not supported"[..]),
            None,
        ),
    ];
    let mut outcomes = Vec::new();
    for (status, text, message_id) in answers {
        let wire = send_conf(status, text, message_id);
        let outcome = act_on_send_conf(&wire);
        say!("   {:<44} -> {outcome}", status.to_string());
        outcomes.push(outcome);
    }
    assert_eq!(
        outcomes,
        [
            Outcome::Sent {
                message_id: "msg-20240531-0001".into()
            },
            Outcome::RetryLater {
                reason: "Try again later".into()
            },
            Outcome::GiveUp {
                reason: "image/bmp not supported".into()
            },
        ]
    );
    say!("\ndone: m-send-req streamed with an exact length, and each m-send-conf acted on");
}

/// What the MMSC sends back (built here; a real client receives these octets in the HTTP
/// response).
fn send_conf(status: ResponseStatus, text: Option<&[u8]>, message_id: Option<&[u8]>) -> Vec<u8> {
    let mut conf = SendConf::build(
        TextString::new(b"send-0001"),
        ResponseStatusValue::Plain(status),
    );
    if let Some(text) = text {
        conf = conf.response_text(ResponseTextValue::Plain(EncodedString::plain(text)));
    }
    if let Some(id) = message_id {
        conf = conf.message_id(TextString::new(id));
    }
    conf.build().unwrap().encode_to_vec().unwrap()
}

/// What the sender does next.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    /// Accepted: keep the Message-ID to match the m-delivery-ind / read reports later.
    Sent { message_id: String },
    /// A transient error: send the same PDU again later.
    RetryLater { reason: String },
    /// A permanent error: tell the user; resending will not help.
    GiveUp { reason: String },
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Outcome::Sent { message_id } => write!(f, "sent, Message-ID {message_id}"),
            Outcome::RetryLater { reason } => write!(f, "retry later ({reason})"),
            Outcome::GiveUp { reason } => write!(f, "give up ({reason})"),
        }
    }
}

fn act_on_send_conf(wire: &[u8]) -> Outcome {
    let pdu = Pdu::decode_with(wire, &DecodeOptions::new()).expect("the m-send-conf decodes");
    assert_eq!(pdu.message_type(), Some(MessageType::SEND_CONF));
    let conf = SendConf::try_from(&pdu).expect("an m-send-conf");
    assert_eq!(
        conf.transaction_id().map(|t| t.bytes),
        Some(&b"send-0001"[..]),
        "the answer to our request"
    );
    let status = conf
        .response_status()
        .expect("X-Mms-Response-Status is mandatory")
        .status();
    let reason = || {
        conf.response_text()
            .map_or_else(|| status.to_string(), |t| t.to_string())
    };
    // class() applies the reserved-value rule: an unknown 0xC7 is transient, an unknown 0xF3
    // permanent, so a newer MMSC's codes still land in the right branch.
    match status.class() {
        StatusClass::Ok => Outcome::Sent {
            message_id: conf
                .message_id()
                .expect("Message-ID comes with Ok")
                .to_string(),
        },
        StatusClass::Transient => Outcome::RetryLater { reason: reason() },
        StatusClass::Permanent => Outcome::GiveUp { reason: reason() },
    }
}
