//! What the corpus files are: one data file per corpus file, `tests/facts/<corpus path>.json`
//! (laid out as `tests/golden/`), transcribed from `shared/corpus/MANIFEST.md`, with the outcome
//! we expect from our decoder and the facts the source projects assert. This module reads them;
//! `decode_checks.rs` checks them against the decoder.
//!
//! Only facts MANIFEST states are recorded. Where a source project asserted something the bytes
//! do not contain, the data file records the truth and its `"why"` says why. No corpus bytes
//! are copied into the data: values are the decoded facts (addresses, ids, sizes), never the
//! wire form.
//!
//! Conventions of the data files:
//! - A missing key is a fact MANIFEST does not state. `null` says the field is not in the bytes,
//!   and is accepted only where [`Val`] tells the two apart (elsewhere `null` is an error, so
//!   that it cannot silently mean "unstated").
//! - Strings are the decoded text of the value (no charset octet, no terminator, no quote).
//! - Octet-valued codes (PDU type, statuses) are hex strings, `"0x80"`, as MANIFEST writes them.
//! - A part's `id` matches any of the part's name / filename parameter, Content-ID (with or
//!   without `<>`) or Content-Location: the MANIFEST summary shows one of them.
//! - Dates and absolute expiries are seconds since 1970-01-01T00:00:00Z (MANIFEST dates are UTC).
//! - Push `app_id` is the X-Wap-Application-Id code (`AF 84` = 4 = x-wap-application:mms.ua);
//!   `is_mms` means the push content type is application/vnd.wap.mms-message, so its body is
//!   an MMS PDU (routing on the application id is an application's choice, not the decoder's).
//! - Unknown keys are errors: a misspelt fact must not pass as an unstated one.

use crate::common;
use mms_pdu::DecodeErrorKind;
use serde::{Deserialize, Deserializer};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// How the file is framed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Kind {
    /// An MMS PDU on its own (what an MMSC returns over HTTP).
    BarePdu,
    /// A connectionless WSP Push PDU (TID, type, headers, body), as delivered over SMS.
    Push,
}

/// What our decoder must do with the file (default, lenient options); the string says why.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Outcome {
    /// Decodes (a push and, when it is MMS, its inner PDU); the facts hold; the bytes round-trip.
    Decodes,
    /// Decodes, facts hold, bytes round-trip, and at least one diagnostic reports this deviation.
    Lenient(String),
    /// Fails with a clean error whose offset lies within the file.
    Fails(String),
    /// Must not decode cleanly: either fails cleanly, or decodes with at least one diagnostic
    /// (and then round-trips and satisfies the facts).
    NotClean(String),
}

/// A fact that may be unstated (key missing), stated absent (`null`), or stated with a value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) enum Val<T> {
    /// MANIFEST says nothing about it.
    #[default]
    Unstated,
    /// MANIFEST says the field is not in the bytes.
    Absent,
    /// MANIFEST gives its value.
    Is(T),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Val<T> {
    /// Only a key that is there is deserialized: a missing one stays `Unstated` (`default`).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Option::<T>::deserialize(d)?.map_or(Self::Absent, Self::Is))
    }
}

impl<T> Val<T> {
    /// The value by reference, e.g. `Val<&str>` from `Val<String>`.
    pub(crate) fn as_deref(&self) -> Val<&T::Target>
    where
        T: std::ops::Deref,
    {
        match self {
            Self::Unstated => Val::Unstated,
            Self::Absent => Val::Absent,
            Self::Is(v) => Val::Is(v),
        }
    }
}

/// An optional fact that, when its key is there, must hold a value: `null` is refused instead
/// of passing for "unstated" (use with `#[serde(default)]`).
fn stated<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// An octet written as MANIFEST does, `"0x80"`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Octet(pub(crate) u8);

impl std::fmt::Debug for Octet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:#04x}", self.0)
    }
}

impl<'de> Deserialize<'de> for Octet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.strip_prefix("0x")
            .filter(|hex| hex.len() == 2)
            .and_then(|hex| u8::from_str_radix(hex, 16).ok())
            .map(Self)
            .ok_or_else(|| serde::de::Error::custom(format!("{text:?} is not an octet `0xNN`")))
    }
}

/// The From value `Value-length 81`: the client asks the MMSC to insert its address.
pub(crate) const INSERT_ADDRESS: &str = "<insert-address-token>";

/// X-Mms-Expiry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Expiry {
    /// Delta-seconds.
    Relative(u64),
    /// Seconds since the epoch.
    Absolute(u64),
}

/// The message body, when there is one (`"body": null` says there is none at all).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) enum Body {
    /// A single, non-multipart body of this many octets.
    Single {
        /// Octets.
        size: usize,
    },
    /// A multipart body with exactly these entries, in order.
    Parts(Vec<Part>),
}

/// One multipart entry.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Part {
    /// Media type, lower case, without parameters.
    pub(crate) content_type: String,
    /// Name, filename, Content-ID or Content-Location (see the module docs).
    #[serde(default, deserialize_with = "stated")]
    pub(crate) id: Option<String>,
    /// Exact data size in octets, when MANIFEST gives it exactly.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) size: Option<usize>,
}

/// What sending the push as SMS segments and reading them back as a notification gives.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum SmsNotification {
    /// A notification whose push re-encodes to the file.
    Decodes,
    /// The carried PDU fails in this field, past the push headers.
    FailsIn(String),
}

/// Facts about the WSP Push framing.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PushFacts {
    /// Transaction id octet.
    pub(crate) tid: u8,
    /// PDU type octet (0x06 Push).
    pub(crate) pdu_type: Octet,
    /// The Uintvar HeadersLen.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) headers_len: Option<u32>,
    /// Push content type (media type only).
    #[serde(default, deserialize_with = "stated")]
    pub(crate) content_type: Option<String>,
    /// X-Wap-Application-Id code.
    #[serde(default)]
    pub(crate) app_id: Val<u64>,
    /// Push Content-Length header value.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) content_length: Option<u64>,
    /// Octets after the headers.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) body_len: Option<usize>,
    /// Whether the body is an MMS PDU (by content type).
    #[serde(default, deserialize_with = "stated")]
    pub(crate) is_mms: Option<bool>,
    /// The push layer alone (`Push::decode_with`, default options) decodes it with exactly these
    /// diagnostics, each as the `serde` feature writes a `DiagnosticKind` (`[]`: none).
    #[serde(default, deserialize_with = "stated")]
    pub(crate) diagnostics: Option<Vec<serde_json::Value>>,
    /// The push layer alone fails with this error.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) error: Option<DecodeErrorKind>,
    /// Segmented as SMS (`SegmentOptions::wap_push`) and read back with
    /// `notification_from_sms`, in order and in reverse order.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) sms_notification: Option<SmsNotification>,
}

/// Facts about an MMS PDU (bare, or the body of a push).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PduFacts {
    /// X-Mms-Message-Type name, e.g. `"m-notification-ind"`.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) message_type: Option<String>,
    /// X-Mms-MMS-Version, e.g. `"1.2"`.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) version: Option<String>,
    /// X-Mms-Transaction-ID.
    #[serde(default)]
    pub(crate) transaction_id: Val<String>,
    /// From address, or [`INSERT_ADDRESS`].
    #[serde(default)]
    pub(crate) from: Val<String>,
    /// To addresses, in order.
    #[serde(default)]
    pub(crate) to: Val<Vec<String>>,
    /// Cc addresses, in order.
    #[serde(default)]
    pub(crate) cc: Val<Vec<String>>,
    /// Bcc addresses, in order.
    #[serde(default)]
    pub(crate) bcc: Val<Vec<String>>,
    /// Subject text.
    #[serde(default)]
    pub(crate) subject: Val<String>,
    /// X-Mms-Message-Class name.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) message_class: Option<String>,
    /// X-Mms-Priority name.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) priority: Option<String>,
    /// X-Mms-Message-Size.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) message_size: Option<u64>,
    /// X-Mms-Expiry.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) expiry: Option<Expiry>,
    /// X-Mms-Content-Location.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) content_location: Option<String>,
    /// Message-ID.
    #[serde(default)]
    pub(crate) message_id: Val<String>,
    /// Date, seconds since the epoch.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) date: Option<u64>,
    /// X-Mms-Delivery-Report.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) delivery_report: Option<bool>,
    /// X-Mms-Read-Report.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) read_report: Option<bool>,
    /// X-Mms-Report-Allowed.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) report_allowed: Option<bool>,
    /// X-Mms-Sender-Visibility name.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) sender_visibility: Option<String>,
    /// X-Mms-Response-Status octet.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) response_status: Option<Octet>,
    /// X-Mms-Retrieve-Status octet.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) retrieve_status: Option<Octet>,
    /// X-Mms-Status octet.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) status: Option<Octet>,
    /// X-Mms-Read-Status octet.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) read_status: Option<Octet>,
    /// X-Mms-Response-Text.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) response_text: Option<String>,
    /// X-Mms-Retrieve-Text.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) retrieve_text: Option<String>,
    /// Names of application (textual) headers in the header block, in order.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) application_headers: Option<Vec<String>>,
    /// Top-level Content-Type (media type only).
    #[serde(default)]
    pub(crate) content_type: Val<String>,
    /// Its Start parameter.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) start: Option<String>,
    /// Its Type parameter.
    #[serde(default, deserialize_with = "stated")]
    pub(crate) type_param: Option<String>,
    /// The body; `null`: no body at all (headers only).
    #[serde(default)]
    pub(crate) body: Val<Body>,
}

/// One corpus file and what we expect of it: the contents of its data file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CorpusFile {
    /// Path relative to the corpus root (`<source dir>/<path in the source repository>`): where
    /// the data file lies under `tests/facts/`, without its `.json`.
    #[serde(skip)]
    pub(crate) path: String,
    /// Why the facts are what they are, where that is not plain from MANIFEST (not checked).
    #[serde(default, deserialize_with = "stated")]
    pub(crate) why: Option<String>,
    /// Bare PDU or push.
    pub(crate) kind: Kind,
    /// Expected outcome.
    pub(crate) outcome: Outcome,
    /// Push framing facts (pushes only).
    #[serde(default, deserialize_with = "stated")]
    pub(crate) push: Option<PushFacts>,
    /// Facts about the MMS PDU (the file itself, or the push body).
    #[serde(default, deserialize_with = "stated")]
    pub(crate) pdu: Option<PduFacts>,
}

impl CorpusFile {
    /// The source directory (first path component).
    pub(crate) fn source_dir(&self) -> &str {
        self.path.split('/').next().unwrap_or(&self.path)
    }

    /// The file name (last path component).
    pub(crate) fn file_name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(&self.path)
    }
}

/// Where the data files are.
pub(crate) fn facts_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/facts")
}

/// Every data file, read once, sorted by corpus path. A file that is not a `.json` data file,
/// or does not parse, fails every test that uses the table.
pub(crate) fn corpus() -> &'static [CorpusFile] {
    static CORPUS: LazyLock<Vec<CorpusFile>> = LazyLock::new(|| {
        let root = facts_root();
        common::files_under(&root)
            .iter()
            .map(|data| {
                let rel = common::relative(&root, data);
                let path = rel
                    .strip_suffix(".json")
                    .unwrap_or_else(|| panic!("{}: not a .json data file", data.display()));
                let text = std::fs::read_to_string(data)
                    .unwrap_or_else(|e| panic!("{}: {e}", data.display()));
                let mut file: CorpusFile = serde_json::from_str(&text)
                    .unwrap_or_else(|e| panic!("{}: {e}", data.display()));
                path.clone_into(&mut file.path);
                file
            })
            .collect()
    });
    &CORPUS
}
