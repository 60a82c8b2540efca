#![allow(dead_code)] // Each test binary that includes this module uses a different subset.

//! What the corpus files are, transcribed from `shared/corpus/MANIFEST.md`: one entry per file,
//! with the outcome we expect from our decoder and the facts the source projects assert.
//!
//! Only facts MANIFEST states are recorded. Where a source project asserted something the bytes
//! do not contain, the entry records the truth and a comment says why. No corpus bytes are
//! copied here: values are the decoded facts (addresses, ids, sizes), never the wire form.
//!
//! Conventions:
//! - `Option` fields: `None` = MANIFEST says nothing; `Val` fields also tell "absent" apart.
//! - Strings are the decoded text of the value (no charset octet, no terminator, no quote).
//! - `Part::id` matches any of the part's name / filename parameter, Content-ID (with or
//!   without `<>`) or Content-Location: the MANIFEST summary shows one of them.
//! - Dates and absolute expiries are seconds since 1970-01-01T00:00:00Z (MANIFEST dates are UTC).
//! - Push `app_id` is the X-Wap-Application-Id code (`AF 84` = 4 = x-wap-application:mms.ua);
//!   `is_mms` means the push content type is application/vnd.wap.mms-message, so its body is
//!   an MMS PDU (routing on the application id is an application's choice, not the decoder's).

/// How the file is framed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// An MMS PDU on its own (what an MMSC returns over HTTP).
    BarePdu,
    /// A connectionless WSP Push PDU (TID, type, headers, body), as delivered over SMS.
    Push,
}

/// What our decoder must do with the file (default, lenient options).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Decodes (a push and, when it is MMS, its inner PDU); the facts hold; the bytes round-trip.
    Decodes,
    /// Decodes, facts hold, bytes round-trip, and at least one diagnostic reports this deviation.
    Lenient(&'static str),
    /// Fails with a clean error whose offset lies within the file.
    Fails(&'static str),
    /// Must not decode cleanly: either fails cleanly, or decodes with at least one diagnostic
    /// (and then round-trips and satisfies the facts).
    NotClean(&'static str),
}

/// A fact that may be unstated, stated absent, or stated with a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Val<T> {
    /// MANIFEST says nothing about it.
    Unstated,
    /// MANIFEST says the field is not in the bytes.
    Absent,
    /// MANIFEST gives its value.
    Is(T),
}

/// The From value `Value-length 81`: the client asks the MMSC to insert its address.
pub(crate) const INSERT_ADDRESS: &str = "<insert-address-token>";

/// X-Mms-Expiry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expiry {
    /// Delta-seconds.
    Relative(u64),
    /// Seconds since the epoch.
    Absolute(u64),
}

/// The message body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Body {
    /// MANIFEST says nothing about it.
    Unstated,
    /// No body at all (headers only).
    None,
    /// A single, non-multipart body of this many octets.
    Single {
        /// Octets.
        size: usize,
    },
    /// A multipart body with exactly these entries, in order.
    Parts(&'static [Part]),
}

/// One multipart entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Part {
    /// Media type, lower case, without parameters.
    pub(crate) content_type: &'static str,
    /// Name, filename, Content-ID or Content-Location (see the module docs).
    pub(crate) id: Option<&'static str>,
    /// Exact data size in octets, when MANIFEST gives it exactly.
    pub(crate) size: Option<usize>,
}

const fn part(content_type: &'static str, id: Option<&'static str>, size: Option<usize>) -> Part {
    Part {
        content_type,
        id,
        size,
    }
}

/// Facts about the WSP Push framing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PushFacts {
    /// Transaction id octet.
    pub(crate) tid: u8,
    /// PDU type octet (0x06 Push).
    pub(crate) pdu_type: u8,
    /// The Uintvar HeadersLen.
    pub(crate) headers_len: Option<u32>,
    /// Push content type (media type only).
    pub(crate) content_type: Option<&'static str>,
    /// X-Wap-Application-Id code.
    pub(crate) app_id: Val<u64>,
    /// Push Content-Length header value.
    pub(crate) content_length: Option<u64>,
    /// Octets after the headers.
    pub(crate) body_len: Option<usize>,
    /// Whether the body is an MMS PDU (by content type).
    pub(crate) is_mms: Option<bool>,
}

/// Facts about an MMS PDU (bare, or the body of a push).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PduFacts {
    /// X-Mms-Message-Type name, e.g. `"m-notification-ind"`.
    pub(crate) message_type: Option<&'static str>,
    /// X-Mms-MMS-Version, e.g. `"1.2"`.
    pub(crate) version: Option<&'static str>,
    /// X-Mms-Transaction-ID.
    pub(crate) transaction_id: Val<&'static str>,
    /// From address, or [`INSERT_ADDRESS`].
    pub(crate) from: Val<&'static str>,
    /// To addresses, in order.
    pub(crate) to: Val<&'static [&'static str]>,
    /// Cc addresses, in order.
    pub(crate) cc: Val<&'static [&'static str]>,
    /// Bcc addresses, in order.
    pub(crate) bcc: Val<&'static [&'static str]>,
    /// Subject text.
    pub(crate) subject: Val<&'static str>,
    /// X-Mms-Message-Class name.
    pub(crate) message_class: Option<&'static str>,
    /// X-Mms-Priority name.
    pub(crate) priority: Option<&'static str>,
    /// X-Mms-Message-Size.
    pub(crate) message_size: Option<u64>,
    /// X-Mms-Expiry.
    pub(crate) expiry: Option<Expiry>,
    /// X-Mms-Content-Location.
    pub(crate) content_location: Option<&'static str>,
    /// Message-ID.
    pub(crate) message_id: Val<&'static str>,
    /// Date, seconds since the epoch.
    pub(crate) date: Option<u64>,
    /// X-Mms-Delivery-Report.
    pub(crate) delivery_report: Option<bool>,
    /// X-Mms-Read-Report.
    pub(crate) read_report: Option<bool>,
    /// X-Mms-Report-Allowed.
    pub(crate) report_allowed: Option<bool>,
    /// X-Mms-Sender-Visibility name.
    pub(crate) sender_visibility: Option<&'static str>,
    /// X-Mms-Response-Status octet.
    pub(crate) response_status: Option<u8>,
    /// X-Mms-Retrieve-Status octet.
    pub(crate) retrieve_status: Option<u8>,
    /// X-Mms-Status octet.
    pub(crate) status: Option<u8>,
    /// X-Mms-Read-Status octet.
    pub(crate) read_status: Option<u8>,
    /// X-Mms-Response-Text.
    pub(crate) response_text: Option<&'static str>,
    /// X-Mms-Retrieve-Text.
    pub(crate) retrieve_text: Option<&'static str>,
    /// Names of application (textual) headers in the header block, in order.
    pub(crate) application_headers: &'static [&'static str],
    /// Top-level Content-Type (media type only).
    pub(crate) content_type: Val<&'static str>,
    /// Its Start parameter.
    pub(crate) start: Option<&'static str>,
    /// Its Type parameter.
    pub(crate) type_param: Option<&'static str>,
    /// The body.
    pub(crate) body: Body,
}

impl PduFacts {
    /// Nothing stated.
    pub(crate) const UNSTATED: Self = Self {
        message_type: None,
        version: None,
        transaction_id: Val::Unstated,
        from: Val::Unstated,
        to: Val::Unstated,
        cc: Val::Unstated,
        bcc: Val::Unstated,
        subject: Val::Unstated,
        message_class: None,
        priority: None,
        message_size: None,
        expiry: None,
        content_location: None,
        message_id: Val::Unstated,
        date: None,
        delivery_report: None,
        read_report: None,
        report_allowed: None,
        sender_visibility: None,
        response_status: None,
        retrieve_status: None,
        status: None,
        read_status: None,
        response_text: None,
        retrieve_text: None,
        application_headers: &[],
        content_type: Val::Unstated,
        start: None,
        type_param: None,
        body: Body::Unstated,
    };
}

/// One corpus file and what we expect of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CorpusFile {
    /// Path relative to the corpus root (`<source dir>/<path in the source repository>`).
    pub(crate) path: &'static str,
    /// Bare PDU or push.
    pub(crate) kind: Kind,
    /// Expected outcome.
    pub(crate) outcome: Outcome,
    /// Push framing facts (pushes only).
    pub(crate) push: Option<PushFacts>,
    /// Facts about the MMS PDU (the file itself, or the push body).
    pub(crate) pdu: Option<PduFacts>,
}

impl CorpusFile {
    /// The source directory (first path component).
    pub(crate) fn source_dir(&self) -> &'static str {
        self.path.split('/').next().unwrap_or(self.path)
    }

    /// The file name (last path component).
    pub(crate) fn file_name(&self) -> &'static str {
        self.path.rsplit('/').next().unwrap_or(self.path)
    }
}

/// Every file of the shared corpus (98), in MANIFEST order.
pub(crate) static CORPUS: &[CorpusFile] = &[
    // mmsd's comment gives the Location without the leading space; the bytes carry `83 20 'http...'`: we record the bytes' truth.
    CorpusFile {
        path: "ofono-mmsd/unit/ni-mms-1-3-con-271.mms",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.0"),
            transaction_id: Val::Is("OgQKKB"),
            from: Val::Is("+44123989100/TYPE=PLMN"),
            subject: Val::Is("abcdefghijklmnopqrstuvwxyz0123456789/-+@"),
            message_class: Some("Personal"),
            message_size: Some(23069),
            expiry: Some(Expiry::Relative(259200)),
            content_location: Some(" http://eps3.de/O/Z9IZO"),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "ofono-mmsd/unit/rc-mms-1-3-con-210.mms",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.3"),
            transaction_id: Val::Is("00000000210"),
            from: Val::Is("+33611111111/TYPE=PLMN"),
            to: Val::Is(&["+33622222222/TYPE=PLMN"]),
            subject: Val::Is("MMS-1.3-con-210"),
            date: Some(1306831350),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<SMIL>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("application/smil", Some("<SMIL>"), Some(305)),
                part(
                    "image/gif",
                    Some(
                        "Long_file_name_for_gif_image_60X80_with_non_ASCII_characters_ooo_Length_is_93_characters.gif",
                    ),
                    None,
                ),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    // The Subject bytes start with a UTF-8 BOM; the check ignores one leading U+FEFF.
    CorpusFile {
        path: "ofono-mmsd/unit/rc-mms-1-3-con-211.mms",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.3"),
            transaction_id: Val::Is("00000000211"),
            from: Val::Is("+33622222222/TYPE=PLMN"),
            to: Val::Is(&["+33666565565/TYPE=PLMN"]),
            subject: Val::Is("﻿Shõrt Téxt - ¥üëäÿ"),
            date: Some(1307109691),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<SMIL>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("application/smil", Some("/tmp/php86myoT"), Some(305)),
                part("text/plain", Some("/tmp/php0nDmnY"), Some(14)),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "ofono-mmsd/unit/rc-mms-1-3-con-212.mms",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.3"),
            transaction_id: Val::Is("00000000212"),
            from: Val::Is("+33622222222/TYPE=PLMN"),
            to: Val::Is(&["+33666565565/TYPE=PLMN"]),
            subject: Val::Is("MMS-1.3-con-212"),
            date: Some(1307094321),
            content_type: Val::Is("application/vnd.wap.multipart.mixed"),
            body: Body::Parts(&[part("text/plain", Some("/tmp/phpnjgFBV"), Some(59))]),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "ofono-mmsd/unit/rc-mms-1-3-con-214.mms",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.3"),
            transaction_id: Val::Is("00000000214"),
            from: Val::Is("+33622222222/TYPE=PLMN"),
            to: Val::Is(&["+33666565565/TYPE=PLMN"]),
            subject: Val::Is("MMS-1.3-con-214"),
            date: Some(1307104876),
            content_type: Val::Is("application/vnd.wap.multipart.mixed"),
            body: Body::Parts(&[part("text/plain", Some("/tmp/phpZ198xN"), Some(216))]),
            ..PduFacts::UNSTATED
        }),
    },
    // mmsd's comment says overall size 114440: a typo for the file's 11444 bytes.
    CorpusFile {
        path: "ofono-mmsd/unit/rc-mms-1-3-con-216.mms",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.3"),
            transaction_id: Val::Is("00000000216"),
            from: Val::Is("+33622222222/TYPE=PLMN"),
            to: Val::Is(&["+33666565565/TYPE=PLMN"]),
            subject: Val::Is("MMS-1.3-con-216"),
            date: Some(1307106489),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<SMIL>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("application/smil", Some("/tmp/phpBWSFz1"), Some(302)),
                part("image/jpeg", Some("/tmp/phpzfDes9"), None),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "ofono-mmsd/unit/rc-mms-1-3-con-220.mms",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.3"),
            transaction_id: Val::Is("00000000220"),
            from: Val::Is("+33622222222/TYPE=PLMN"),
            to: Val::Is(&["+33666565565/TYPE=PLMN"]),
            subject: Val::Is("MMS-1.3-con-220"),
            date: Some(1307107647),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<SMIL>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("application/smil", Some("/tmp/phpLd6N8p"), Some(305)),
                part("image/gif", Some("/tmp/phpYseMUM"), None),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "ofono-mmsd/unit/rc-mms-1-3-con-228.mms",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.3"),
            transaction_id: Val::Is("00000000228"),
            from: Val::Is("+33622222222/TYPE=PLMN"),
            to: Val::Is(&["+33666565565/TYPE=PLMN"]),
            subject: Val::Is("MMS-1.3-con-228"),
            date: Some(1307108802),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<SMIL>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("application/smil", Some("/tmp/phpu66A06"), Some(305)),
                part("image/vnd.wap.wbmp", Some("/tmp/phpRWzGLA"), None),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "ofono-mmsd/unit/rc-mms-1-3-con-271.mms",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.3"),
            transaction_id: Val::Is("00000000271"),
            from: Val::Is("+33622222222/TYPE=PLMN"),
            to: Val::Is(&["+33666565565/TYPE=PLMN"]),
            subject: Val::Is("abcdefghijklmnopqrstuvwxyz0123456789/-+@"),
            date: Some(1307093010),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<SMIL>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("application/smil", Some("/tmp/phppFdHSM"), Some(305)),
                part("text/plain", Some("/tmp/phpKw4oMI"), Some(14)),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    // Carries the application header `X-MMS-Unrecognised-Header-Field: Yes` that must be tolerated (REFERENCE §11.25).
    CorpusFile {
        path: "ofono-mmsd/unit/rc-mms-1-3-con-281.mms",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.3"),
            transaction_id: Val::Is("00000000281"),
            from: Val::Is("+33622222222/TYPE=PLMN"),
            to: Val::Is(&["+33666565565/TYPE=PLMN"]),
            subject: Val::Is("MMS-1.3-con-281"),
            date: Some(1307111822),
            application_headers: &["X-MMS-Unrecognised-Header-Field"],
            content_type: Val::Is("application/vnd.wap.multipart.mixed"),
            body: Body::Parts(&[
                part("text/plain", Some("/tmp/phpDhBvLe"), Some(14)),
                part("image/jpeg", Some("/tmp/phpoez0I8"), None),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "ofono-mmsd/unit/sr-mms-mixed.mms",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-send-req"),
            version: Some("1.0"),
            transaction_id: Val::Is("000000000001"),
            from: Val::Is(INSERT_ADDRESS),
            to: Val::Is(&["+33612345678/TYPE=PLMN"]),
            content_type: Val::Is("application/vnd.wap.multipart.mixed"),
            body: Body::Parts(&[part("text/plain", Some("<Generic_Text.txt>"), Some(15))]),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "ofono-mmsd/unit/test-mmsutil.c__mms_m_notify_ind_1.bin",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.0"),
            transaction_id: Val::Is("OgQKKB"),
            from: Val::Is("Erotik"),
            subject: Val::Is("Pin-Ups"),
            message_class: Some("Personal"),
            message_size: Some(16384),
            expiry: Some(Expiry::Relative(259200)),
            content_location: Some("http://eps3.de/O/Z9IZO"),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "ofono-mmsd/unit/test-mmsutil.c__mms_m_notifyresp_ind_test_1.bin",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-notifyresp-ind"),
            version: Some("1.2"),
            transaction_id: Val::Is("0123456789abcdef"),
            status: Some(0x81),
            ..PduFacts::UNSTATED
        }),
    },
    // mmsd's comment says From 49891000/TYPE=PLMN; the bytes carry +49891000/TYPE=PLMN (recorded). No To.
    CorpusFile {
        path: "ofono-mmsd/unit/test-mmsutil.c__mms_m_retrieve_conf_1.bin",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.3"),
            transaction_id: Val::Is("1201657238"),
            from: Val::Is("+49891000/TYPE=PLMN"),
            to: Val::Absent,
            subject: Val::Is("MMS-1.3-con-212"),
            message_id: Val::Is("mt-212"),
            date: Some(1201657238),
            content_type: Val::Is("application/vnd.wap.multipart.mixed"),
            body: Body::Parts(&[part("text/plain", Some("Text_us-ascii.txt"), Some(59))]),
            ..PduFacts::UNSTATED
        }),
    },
    // No Message-ID (the comment says so).
    CorpusFile {
        path: "ofono-mmsd/unit/test-mmsutil.c__mms_m_retrieve_conf_2.bin",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.0"),
            transaction_id: Val::Is("1201657238"),
            from: Val::Is("+1234567890/TYPE=PLMN"),
            to: Val::Is(&[
                "+1111111111/TYPE=PLMN",
                "+2222222222/TYPE=PLMN",
                "+3333333333/TYPE=PLMN",
            ]),
            subject: Val::Is("multito"),
            message_class: Some("Personal"),
            priority: Some("Normal"),
            message_id: Val::Absent,
            date: Some(1301910110),
            delivery_report: Some(false),
            read_report: Some(false),
            sender_visibility: Some("Hide"),
            content_type: Val::Is("application/vnd.wap.multipart.mixed"),
            body: Body::Parts(&[part("text/plain", Some("/tmp/php8vlfyB"), Some(14))]),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "ofono-mmsd/unit/test-mmsutil.c__mms_m_send_conf_1.bin",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-send-conf"),
            version: Some("1.0"),
            transaction_id: Val::Is("31887"),
            message_id: Val::Is("4dc268d71438a"),
            response_status: Some(0x80),
            ..PduFacts::UNSTATED
        }),
    },
    // mmsd's expected encoder output for a message without attachments.
    CorpusFile {
        path: "ofono-mmsd/unit/test-mmsutil.c__mms_m_send_req_test_1.bin",
        kind: Kind::BarePdu,
        outcome: Outcome::NotClean(
            "multipart Content-Type but no body at all (no nEntries): decode as empty with a diagnostic, or fail cleanly",
        ),
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-send-req"),
            version: Some("1.2"),
            transaction_id: Val::Is("0123456789abcdef_sr1"),
            from: Val::Is(INSERT_ADDRESS),
            to: Val::Is(&["0123456789"]),
            delivery_report: Some(true),
            content_type: Val::Is("application/vnd.wap.multipart.mixed"),
            body: Body::None,
            ..PduFacts::UNSTATED
        }),
    },
    // Content type as text (REFERENCE §11.1); body = mms_m_notify_ind_1.
    CorpusFile {
        path: "ofono-mmsd/unit/test-wsputil.c__push1.bin",
        kind: Kind::Push,
        outcome: Outcome::Decodes,
        push: Some(PushFacts {
            tid: 1,
            pdu_type: 0x06,
            headers_len: Some(36),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(4),
            content_length: None,
            body_len: Some(68),
            is_mms: Some(true),
        }),
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.0"),
            transaction_id: Val::Is("OgQKKB"),
            from: Val::Is("Erotik"),
            subject: Val::Is("Pin-Ups"),
            message_class: Some("Personal"),
            message_size: Some(16384),
            expiry: Some(Expiry::Relative(259200)),
            content_location: Some("http://eps3.de/O/Z9IZO"),
            ..PduFacts::UNSTATED
        }),
    },
    // Not MMS: DRM rights object for drm.ua (application id 8).
    CorpusFile {
        path: "ofono-mmsd/unit/test-wsputil.c__push3.bin",
        kind: Kind::Push,
        outcome: Outcome::Decodes,
        push: Some(PushFacts {
            tid: 76,
            pdu_type: 0x06,
            headers_len: Some(3),
            content_type: Some("application/vnd.oma.drm.rights+wbxml"),
            app_id: Val::Is(8),
            content_length: None,
            body_len: Some(84),
            is_mms: Some(false),
        }),
        pdu: None,
    },
    // Not MMS: provisioning (connectivity-wbxml with SEC and MAC parameters); no headers besides the content type.
    CorpusFile {
        path: "ofono-mmsd/unit/test-wsputil.c__push5.bin",
        kind: Kind::Push,
        outcome: Outcome::Decodes,
        push: Some(PushFacts {
            tid: 196,
            pdu_type: 0x06,
            headers_len: Some(47),
            content_type: Some("application/vnd.wap.connectivity-wbxml"),
            app_id: Val::Absent,
            content_length: None,
            body_len: Some(65),
            is_mms: Some(false),
        }),
        pdu: None,
    },
    CorpusFile {
        path: "python-messaging/messaging/test/mms-data/27d0a048cd79555de05283a22372b0eb.mms",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-send-req"),
            version: Some("1.0"),
            transaction_id: Val::Is("3-31cb"),
            from: Val::Is(INSERT_ADDRESS),
            to: Val::Is(&["123/TYPE=PLMN"]),
            subject: Val::Is("Angående art-tillhörighet"),
            message_class: Some("Personal"),
            priority: Some("Normal"),
            date: Some(1085321698),
            delivery_report: Some(false),
            read_report: Some(false),
            sender_visibility: Some("Show"),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<AAAA>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("image/vnd.wap.wbmp", Some("Rain.wbmp"), Some(134)),
                part("text/plain", Some("mms.txt"), Some(19)),
                part("application/smil", Some("mms.smil"), Some(379)),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    // python-messaging asserts Transaction-Id '1234', but that is its default value: the bytes have no X-Mms-Transaction-ID.
    // No From header.
    CorpusFile {
        path: "python-messaging/messaging/test/mms-data/BTMMS.MMS",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.0"),
            transaction_id: Val::Absent,
            from: Val::Absent,
            subject: Val::Is("BT Ignite MMS"),
            date: Some(1043114224),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<btmms.smil>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("application/smil", Some("btmms.smil"), Some(494)),
                part("image/gif", Some("btlogo.gif"), None),
                part("audio/amr", Some("catchy_g.amr"), None),
                part("text/plain", Some("btmms.txt"), Some(25)),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    // No python-messaging test uses it; no TID in the bytes.
    CorpusFile {
        path: "python-messaging/messaging/test/mms-data/NOWMMS.MMS",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.0"),
            transaction_id: Val::Absent,
            from: Val::Is("NowMMS <nowsms@now.co.uk>"),
            subject: Val::Is("NowMMS Test Message"),
            date: Some(1037755669),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<nowmms.smil>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("application/smil", Some("nowmms.smil"), Some(633)),
                part("image/gif", Some("pic1.gif"), None),
                part("text/plain", Some("Text0000.txt"), Some(17)),
                part("audio/amr", Some("catchy_g.amr"), None),
                part("text/plain", Some("Text0001.txt"), Some(16)),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    // python-messaging asserts Transaction-Id '1234', but that is its default value: the bytes have no X-Mms-Transaction-ID.
    // multipart.related with no parameters.
    CorpusFile {
        path: "python-messaging/messaging/test/mms-data/SIMPLE.MMS",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.0"),
            transaction_id: Val::Absent,
            subject: Val::Is("Simple message"),
            date: Some(1040419616),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            body: Body::Parts(&[part("text/plain", Some("3E03099E.txt"), Some(58))]),
            ..PduFacts::UNSTATED
        }),
    },
    // No Subject.
    CorpusFile {
        path: "python-messaging/messaging/test/mms-data/SonyEricssonT310-R201.mms",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-send-req"),
            version: Some("1.0"),
            transaction_id: Val::Is("1-8db"),
            from: Val::Is(INSERT_ADDRESS),
            to: Val::Is(&["55225/TYPE=PLMN"]),
            subject: Val::Absent,
            message_class: Some("Personal"),
            priority: Some("Normal"),
            date: Some(1079595034),
            delivery_report: Some(false),
            read_report: Some(false),
            sender_visibility: Some("Show"),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<AAAA>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("image/gif", Some("Tony.gif"), None),
                part("text/plain", Some("mms.txt"), Some(8)),
                part("audio/midi", Some("OldhPhone.mid"), None),
                part("application/smil", Some("mms.smil"), Some(415)),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    // To 'Jg' is a bare name, not a valid address; the jpeg's name is a lower-case textual 'name' parameter.
    CorpusFile {
        path: "python-messaging/messaging/test/mms-data/gallery2test.mms",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-send-req"),
            version: Some("1.0"),
            transaction_id: Val::Is("1118775337"),
            from: Val::Is("+16505550000/TYPE=PLMN"),
            to: Val::Is(&["Jg"]),
            subject: Val::Is("Jgj"),
            message_class: Some("Personal"),
            priority: Some("Normal"),
            delivery_report: Some(false),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<smil_0>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("application/smil", Some("<smil_0>"), Some(418)),
                part("text/plain", Some("<text_0>"), Some(3)),
                part("image/jpeg", Some("<image_0>"), None),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    // To is an Encoded-string with a us-ascii charset; Start=0.smil without angle brackets.
    CorpusFile {
        path: "python-messaging/messaging/test/mms-data/iPhone.mms",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-send-req"),
            version: Some("1.2"),
            transaction_id: Val::Is("1262957356-3"),
            from: Val::Is(INSERT_ADDRESS),
            to: Val::Is(&["1337/TYPE=PLMN"]),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("0.smil"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("application/smil", Some("0.smil"), Some(300)),
                part("image/jpeg", Some("IMG_6807.jpg"), None),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "python-messaging/messaging/test/mms-data/images_are_cut_off_debug.mms",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-send-req"),
            version: Some("1.0"),
            transaction_id: Val::Is("2112410527"),
            from: Val::Is(INSERT_ADDRESS),
            to: Val::Is(&["tdpt@ajajg.cdm"]),
            subject: Val::Is("Picture3"),
            delivery_report: Some(false),
            read_report: Some(false),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<SMIL.TXT>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("image/jpeg", Some("Picture3.jpg"), None),
                part("application/smil", Some("SMIL.TXT"), Some(316)),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    // One part labelled us-ascii contains a Latin-1 octet 0xE4.
    CorpusFile {
        path: "python-messaging/messaging/test/mms-data/m.mms",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.0"),
            transaction_id: Val::Is("0000000001"),
            from: Val::Is("goldpost@hotmail.com"),
            subject: Val::Is("GOLD"),
            date: Some(1028898482),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<A0>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("text/plain", Some("Text0008.txt"), Some(5)),
                part("application/smil", Some("<A0>"), Some(1440)),
                part("text/plain", Some("Text0007.txt"), Some(6)),
                part("text/plain", Some("Text0006.txt"), Some(17)),
                part("audio/amr", Some("gold102.amr"), None),
                part("text/plain", Some("Text0003.txt"), Some(105)),
                part("text/plain", Some("Text0002.txt"), Some(14)),
                part("text/plain", Some("Text0001.txt"), Some(13)),
                part("text/plain", Some("Text0000.txt"), Some(4)),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "python-messaging/messaging/test/mms-data/projekt_exempel.mms",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-send-req"),
            version: Some("1.0"),
            transaction_id: Val::Is("4-fc60"),
            from: Val::Is(INSERT_ADDRESS),
            to: Val::Is(&["12345/TYPE=PLMN"]),
            subject: Val::Is("Hej"),
            message_class: Some("Personal"),
            priority: Some("Normal"),
            date: Some(1085325220),
            delivery_report: Some(false),
            read_report: Some(false),
            sender_visibility: Some("Show"),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<AAAA>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("text/plain", Some("mms.txt"), Some(18)),
                part("image/gif", Some("SonyhEr.gif"), Some(1891)),
                part("application/smil", Some("mms.smil"), Some(381)),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "python-messaging/messaging/test/test_wap.py__TestSmsWapPush_data.bin",
        kind: Kind::Push,
        outcome: Outcome::Decodes,
        push: Some(PushFacts {
            tid: 1,
            pdu_type: 0x06,
            headers_len: Some(34),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(4),
            content_length: None,
            body_len: Some(145),
            is_mms: Some(true),
        }),
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.0"),
            transaction_id: Val::Is("NOK5CiKcoTMYSG4MBSwAAsKv14FUHAAAAAAAA"),
            from: Val::Is("+447785342749/TYPE=PLMN"),
            message_class: Some("Personal"),
            message_size: Some(29696),
            expiry: Some(Expiry::Relative(72000)),
            content_location: Some("http://promms/servlets/NOK5CiKcoTMYSG4MBSwAAsKv14FUHAAAAAAAA"),
            ..PduFacts::UNSTATED
        }),
    },
    // Not MMS: WBXML Service Indication (Vodafone DE); Content-Length `8D 01 A2` (Long-integer 162).
    CorpusFile {
        path: "python-messaging/messaging/test/test_wap.py__test_decoding_generic_wap_push_reassembled.bin",
        kind: Kind::Push,
        outcome: Outcome::Decodes,
        push: Some(PushFacts {
            tid: 1,
            pdu_type: 0x06,
            headers_len: Some(11),
            content_type: Some("application/vnd.wap.sic"),
            app_id: Val::Absent,
            content_length: Some(162),
            body_len: Some(162),
            is_mms: Some(false),
        }),
        pdu: None,
    },
    // A whole WSP push (nuntium's test hands it to its MMS decoder); Expiry is relative 172799 s.
    CorpusFile {
        path: "nuntium/mms/test_payloads/m-notification.ind_success",
        kind: Kind::Push,
        outcome: Outcome::Decodes,
        push: Some(PushFacts {
            tid: 1,
            pdu_type: 0x06,
            headers_len: Some(38),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(4),
            content_length: None,
            body_len: Some(104),
            is_mms: Some(true),
        }),
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.0"),
            transaction_id: Val::Is("m04BKksim05@mms.personal.com.ar"),
            from: Val::Is("+543515924906/TYPE=PLMN"),
            message_class: Some("Personal"),
            message_size: Some(29696),
            expiry: Some(Expiry::Relative(172799)),
            content_location: Some("http://localhost:9191/mms"),
            ..PduFacts::UNSTATED
        }),
    },
    // Headers only: no TID, no Content-Type, no body (Content-Type is mandatory in m-retrieve-conf: validation, not decoding, flags it).
    CorpusFile {
        path: "nuntium/mms/test_payloads/m-retrieve.conf_success",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.2"),
            transaction_id: Val::Absent,
            from: Val::Is("11111111111/TYPE=PLMN"),
            to: Val::Is(&["2222222222/TYPE=PLMN"]),
            subject: Val::Is("NoSubject"),
            message_id: Val::Is("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
            date: Some(1436448297),
            retrieve_status: Some(0x80),
            content_type: Val::Absent,
            body: Body::None,
            ..PduFacts::UNSTATED
        }),
    },
    // Content-Length as a Long-integer (`8D 01 82`); empty Subject with utf-8 charset (REFERENCE §11.8).
    CorpusFile {
        path: "nuntium/ofono/push_decode_test.go__TestDecodeATTUSA.bin",
        kind: Kind::Push,
        outcome: Outcome::Decodes,
        push: Some(PushFacts {
            tid: 1,
            pdu_type: 0x06,
            headers_len: Some(39),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(4),
            content_length: Some(130),
            body_len: Some(130),
            is_mms: Some(true),
        }),
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.0"),
            transaction_id: Val::Is("D20407165624600004000000000"),
            from: Val::Is("+17742700659/TYPE=PLMN"),
            subject: Val::Is(""),
            message_class: Some("Personal"),
            message_size: Some(32768),
            expiry: Some(Expiry::Relative(345600)),
            content_location: Some("http://166.216.166.67:8004/0407165624600004000000000"),
            ..PduFacts::UNSTATED
        }),
    },
    // nuntium rejects it ('7 != 6 is not a push PDU'); if a push decoder accepts 0x07, the one-octet MMS body must still fail.
    CorpusFile {
        path: "nuntium/ofono/push_decode_test.go__TestDecodeNonPushPDU.bin",
        kind: Kind::Push,
        outcome: Outcome::Fails(
            "PDU type 0x07 (ConfirmedPush, connection mode only) and an 11-byte prefix: the body is the lone octet 0x8C",
        ),
        push: Some(PushFacts {
            tid: 0,
            pdu_type: 0x07,
            headers_len: Some(7),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(4),
            content_length: Some(114),
            body_len: Some(1),
            is_mms: Some(true),
        }),
        pdu: None,
    },
    CorpusFile {
        path: "nuntium/ofono/push_decode_test.go__TestDecodePlayPoland.bin",
        kind: Kind::Push,
        outcome: Outcome::Decodes,
        push: Some(PushFacts {
            tid: 46,
            pdu_type: 0x06,
            headers_len: Some(34),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(4),
            content_length: None,
            body_len: Some(102),
            is_mms: Some(true),
        }),
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.2"),
            transaction_id: Val::Is("1442401318@mms2"),
            from: Val::Is("+48882040225/TYPE=PLMN"),
            message_class: Some("Personal"),
            priority: Some("Normal"),
            message_size: Some(240929),
            expiry: Some(Expiry::Relative(259200)),
            content_location: Some("http://mmsc.play.pl/?id=1442401318B"),
            delivery_report: Some(true),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "nuntium/ofono/push_decode_test.go__TestDecodeTelecomPersonal.bin",
        kind: Kind::Push,
        outcome: Outcome::Decodes,
        push: Some(PushFacts {
            tid: 1,
            pdu_type: 0x06,
            headers_len: Some(38),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(4),
            content_length: None,
            body_len: Some(122),
            is_mms: Some(true),
        }),
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.0"),
            transaction_id: Val::Is("m04BKksim05@mms.personal.com.ar"),
            from: Val::Is("+543515924906/TYPE=PLMN"),
            message_class: Some("Personal"),
            message_size: Some(29696),
            expiry: Some(Expiry::Relative(172799)),
            content_location: Some("http://172.25.7.131/?message-id=m04BKh43e03"),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "nuntium/ofono/push_decode_test.go__TestDecodeVodaphoneSpain.bin",
        kind: Kind::Push,
        outcome: Outcome::Lenient("push Content-Length 95 but 106 data octets (REFERENCE §11.2)"),
        push: Some(PushFacts {
            tid: 0,
            pdu_type: 0x06,
            headers_len: Some(38),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(4),
            content_length: Some(95),
            body_len: Some(106),
            is_mms: Some(true),
        }),
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.0"),
            transaction_id: Val::Is("NOK5Cdz08BAswabwUH"),
            from: Val::Is("+34600944463/TYPE=PLMN"),
            message_class: Some("Personal"),
            message_size: Some(29696),
            expiry: Some(Expiry::Relative(172800)),
            content_location: Some("http://mm1fe1/servlets/NOK5Cdz08BAswabwUH"),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "nuntium/ofono/push_decode_test.go__TestOperatorWithContentLength.bin",
        kind: Kind::Push,
        outcome: Outcome::Lenient("push Content-Length 112 but 113 data octets (REFERENCE §11.2)"),
        push: Some(PushFacts {
            tid: 1,
            pdu_type: 0x06,
            headers_len: Some(7),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(4),
            content_length: Some(112),
            body_len: Some(113),
            is_mms: Some(true),
        }),
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.3"),
            transaction_id: Val::Is("AxgAjEsIGFWETESvA"),
            from: Val::Is("+31655584425/TYPE=PLMN"),
            message_class: Some("Personal"),
            message_size: Some(115981),
            expiry: Some(Expiry::Relative(259200)),
            content_location: Some("http://mp.mobiel.kpn/mmsc/01?AxgAjEsIGFWETESvA"),
            delivery_report: Some(false),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_delivery_ind/data/DeliveryRejected/m-delivery.ind",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-delivery-ind"),
            version: Some("1.1"),
            transaction_id: Val::Absent,
            to: Val::Is(&["+358500000000/TYPE=PLNM"]),
            message_id: Val::Is("BH24CBJJA40W1"),
            date: Some(1387560708),
            status: Some(0x82),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_mms_codec/data/m-acknowledge.ind",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-acknowledge-ind"),
            version: Some("1.1"),
            transaction_id: Val::Is("BH6WJE2N9CSG1@xma.724.com"),
            report_allowed: Some(false),
            ..PduFacts::UNSTATED
        }),
    },
    // 'PLNM' typo is in the data.
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_mms_codec/data/m-delivery_1.ind",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-delivery-ind"),
            version: Some("1.1"),
            transaction_id: Val::Absent,
            to: Val::Is(&["+358500000000/TYPE=PLNM"]),
            message_id: Val::Is("BH24CBJJA40W1"),
            date: Some(1387560708),
            status: Some(0x81),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_mms_codec/data/m-notification_1.ind",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.0"),
            transaction_id: Val::Is("m10l9m7u03mct2jbc12@mms.beeline.ru"),
            from: Val::Is("+79050000000/TYPE=PLMN"),
            message_class: Some("Personal"),
            message_size: Some(25031),
            expiry: Some(Expiry::Relative(259199)),
            content_location: Some("http://mmsr5/?message-id=m10l9m7u03mct2jbc12"),
            ..PduFacts::UNSTATED
        }),
    },
    // Headers in a non-canonical order after the first three (allowed, REFERENCE §7.2).
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_mms_codec/data/m-notification_2.ind",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.1"),
            transaction_id: Val::Is("BH1CFPLK7PMO1@xma.724.com"),
            from: Val::Is("+358500000000/TYPE=PLMN"),
            message_class: Some("Personal"),
            message_size: Some(89844),
            expiry: Some(Expiry::Relative(259198)),
            content_location: Some("http://172.19.24.3:8000/MMSBH1CFPLK7PMO1"),
            delivery_report: Some(false),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_mms_codec/data/m-notification_3.ind",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.2"),
            transaction_id: Val::Is("Ad0b9pXNC_Be1I_VQ"),
            from: Val::Is("+358540000000/TYPE=PLMN"),
            message_class: Some("Personal"),
            message_size: Some(137105),
            expiry: Some(Expiry::Relative(259199)),
            content_location: Some("http://mmsc42:10021/mmsc/4_2?Ad0b9pXNC_Be1I_VQ"),
            delivery_report: Some(false),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_mms_codec/data/m-notifyresp.ind",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-notifyresp-ind"),
            version: Some("1.1"),
            transaction_id: Val::Is("m10l9m7u03mct2jbc12@mms.beeline.ru"),
            status: Some(0x84),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_mms_codec/data/m-read-orig.ind",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-read-orig-ind"),
            version: Some("1.1"),
            transaction_id: Val::Absent,
            from: Val::Is("+358500000000/TYPE=PLMN"),
            to: Val::Is(&["+358440000001/TYPE=PLMN"]),
            message_id: Val::Is("BH24CBJJA40W1"),
            date: Some(1387560855),
            read_status: Some(0x80),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_mms_codec/data/m-retrieve_1.conf",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.0"),
            transaction_id: Val::Is("m10l9m7u03mct2jbc12@mms.beeline.ru"),
            from: Val::Is("+79050000000/TYPE=PLMN"),
            to: Val::Is(&["+79650000001/TYPE=PLMN", "+79650000002/TYPE=PLMN"]),
            cc: Val::Is(&["+79650000003/TYPE=PLMN", "+79650000004/TYPE=PLMN"]),
            message_class: Some("Advertisement"),
            priority: Some("Normal"),
            message_id: Val::Is("m10bdtxic3mct2jbc12@mms.beeline.ru"),
            date: Some(1388311724),
            read_report: Some(true),
            retrieve_status: Some(0x80),
            retrieve_text: Some("Message retrieved successfully"),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<0.smil>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("application/smil", Some("0.smil"), Some(438)),
                part("text/plain", Some("text_001.txt"), Some(127)),
                part(
                    "image/jpeg",
                    Some("pic_49c2735abe536994f5a7b85c08af6199.jpg"),
                    None,
                ),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    // From with charset MIBenum 36 (KS_C_5601-1987).
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_mms_codec/data/m-retrieve_10.conf",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.2"),
            transaction_id: Val::Is("0No1R0GYV0101"),
            from: Val::Is("01000000000/TYPE=PLMN"),
            subject: Val::Is("MMS 수신 안 "),
            message_class: Some("Personal"),
            priority: Some("Normal"),
            message_id: Val::Is("0No1R0GYV01"),
            date: Some(1422318752),
            delivery_report: Some(false),
            read_report: Some(false),
            retrieve_status: Some(0x80),
            retrieve_text: Some("Ok"),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<smil>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("application/smil", Some("00000000_001.smi"), Some(271)),
                part("text/plain", Some("00000000_002.txt"), Some(104)),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_mms_codec/data/m-retrieve_2.conf",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.1"),
            transaction_id: Val::Is("BGYC4JKHIJB41@xma.724.com"),
            from: Val::Is("+358500000000/TYPE=PLMN"),
            to: Val::Is(&["+358449722969/TYPE=PLMN"]),
            subject: Val::Is("Входит Пушкин в летном шлеме..."),
            message_class: Some("Informational"),
            priority: Some("Normal"),
            message_id: Val::Is("83468B6C-6666-71E3-9FE7-D485645D9364"),
            date: Some(1387207622),
            delivery_report: Some(false),
            read_report: Some(false),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<0>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("application/smil", Some("0.smil"), Some(574)),
                part("text/plain", Some("text_0011.txt"), Some(523)),
                part("image/jpeg", Some("131200131.jpg"), None),
                part("text/plain", Some("text_0021.txt"), Some(549)),
                part("image/jpeg", Some("131200011.jpg"), None),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_mms_codec/data/m-retrieve_3.conf",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.2"),
            transaction_id: Val::Is("0413103657100000000000000"),
            from: Val::Is("+436646620958/TYPE=PLMN"),
            to: Val::Is(&["+436644600167/TYPE=PLMN"]),
            message_class: Some("Personal"),
            priority: Some("Normal"),
            message_id: Val::Is("041310365710000000000"),
            date: Some(1397385417),
            delivery_report: Some(false),
            read_report: Some(false),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<smil>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("application/smil", Some("smil"), Some(366)),
                part("text/plain", Some("text_001.txt"), Some(43)),
                part("image/jpeg", Some("13120001.jpg"), None),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    // No TID; non-multipart text/plain body (REFERENCE §11.31).
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_mms_codec/data/m-retrieve_5.conf",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.2"),
            transaction_id: Val::Absent,
            date: Some(1398022758),
            retrieve_status: Some(0xE2),
            retrieve_text: Some("4504:Message not found"),
            content_type: Val::Is("text/plain"),
            body: Body::Single { size: 22 },
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_mms_codec/data/m-retrieve_6.conf",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.0"),
            transaction_id: Val::Is("U05iZAoFASUAAEZhAAAALgAABYYAAAAB"),
            from: Val::Is("+4790000005/TYPE=PLMN"),
            to: Val::Is(&[
                "+4790000001/TYPE=PLMN",
                "+4790000002/TYPE=PLMN",
                "+4790000003/TYPE=PLMN",
                "+4790000004/TYPE=PLMN",
            ]),
            message_class: Some("Personal"),
            priority: Some("Normal"),
            message_id: Val::Is("U05iZAoFASUAAEZhAAAALgAABYYAAAAA"),
            date: Some(1397645924),
            delivery_report: Some(false),
            read_report: Some(false),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<smil>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("application/smil", Some("smil.xml"), Some(367)),
                part("image/jpeg", Some("20140416_125618.jpeg"), None),
                part("text/plain", Some("text_0.txt"), Some(18)),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    // No TID, no From.
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_mms_codec/data/m-retrieve_7.conf",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.0"),
            transaction_id: Val::Absent,
            from: Val::Absent,
            to: Val::Is(&["+4799999999/TYPE=PLMN"]),
            date: Some(1398149099),
            content_type: Val::Is("application/vnd.wap.multipart.mixed"),
            body: Body::Parts(&[part("text/plain", None, Some(20))]),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_mms_codec/data/m-send_1.conf",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-send-conf"),
            version: Some("1.1"),
            transaction_id: Val::Is("UZSWBX"),
            message_id: Val::Is("BIR5LJHVQTGK1"),
            response_status: Some(0x80),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_mms_codec/data/m-send_1.req",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-send-req"),
            version: Some("1.2"),
            transaction_id: Val::Is("c024802b-2ebf-428d-b4d6-a8f991deed44"),
            from: Val::Is(INSERT_ADDRESS),
            to: Val::Is(&["+358444444444/TYPE=PLMN"]),
            subject: Val::Is("Fw: another test"),
            delivery_report: Some(true),
            read_report: Some(true),
            sender_visibility: Some("Show"),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<0>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("application/smil", Some("0.smil"), Some(234)),
                part("image/jpeg", Some("1.jpg"), None),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    // Response-Text truncated by the MMSC mid-word (the value itself is well formed).
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_mms_codec/data/m-send_2.conf",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-send-conf"),
            version: Some("1.1"),
            transaction_id: Val::Is("342"),
            response_status: Some(0x83),
            response_text: Some("Адреса всех получателей не ве"),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_mms_codec/data/m-send_2.req",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-send-req"),
            version: Some("1.2"),
            transaction_id: Val::Is("1397291245-0"),
            from: Val::Is(INSERT_ADDRESS),
            to: Val::Is(&["+358500000000/TYPE=PLMN"]),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("0.smil"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("application/smil", Some("0.smil"), Some(300)),
                part("image/jpeg", Some("IMG_7324.jpg"), None),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_retrieve/data/Base64/m-retrieve.conf",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.1"),
            transaction_id: Val::Is("BQXQLF3OH0101@xma.724.com"),
            from: Val::Is("+358400000000/TYPE=PLMN"),
            to: Val::Is(&["+358400000001/TYPE=PLMN"]),
            message_class: Some("Personal"),
            priority: Some("Normal"),
            message_id: Val::Is("mMtUVLrWiOCjeV0q5mPh01@mms.elisa.fi"),
            date: Some(1420744134),
            delivery_report: Some(true),
            read_report: Some(false),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<smil>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("application/smil", Some("smil"), Some(408)),
                part("image/jpeg", Some("1.jpg"), None),
                part("text/plain", Some("2.txt"), Some(53)),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    // Absolute Expiry 0.
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_retrieve/data/Expired1/m-notification.ind",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.1"),
            transaction_id: Val::Is("BI3R4V2ISLR41@xma.724.com"),
            from: Val::Is("+358500000000/TYPE=PLMN"),
            subject: Val::Is("Питер"),
            message_class: Some("Personal"),
            message_size: Some(113018),
            expiry: Some(Expiry::Absolute(0)),
            content_location: Some("http://172.19.24.3:8000/MMSBI3R4V2ISLR41"),
            delivery_report: Some(true),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_retrieve/data/InvalidSubject/m-notification.ind",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.0"),
            transaction_id: Val::Is("9gO0009JS7k0"),
            from: Val::Is("0033333333333/TYPE=PLMN"),
            message_class: Some("Personal"),
            message_size: Some(210058),
            expiry: Some(Expiry::Relative(259198)),
            content_location: Some("http://128.0.0.1:8000/9gO0009JS7k0"),
            delivery_report: Some(true),
            ..PduFacts::UNSTATED
        }),
    },
    // Subject `96 0F EA 7F "=?utf-8?B??=" 00`: a Quote before ASCII and an empty RFC 2047 word (REFERENCE §11.28); start before type (§11.29).
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_retrieve/data/InvalidSubject/m-retrieve.conf",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.0"),
            transaction_id: Val::Is("9gO0009JS7k0"),
            from: Val::Is("00333333333333/TYPE=PLMN"),
            to: Val::Is(&["0036666666666/TYPE=PLMN"]),
            subject: Val::Is("=?utf-8?B??="),
            message_class: Some("Personal"),
            priority: Some("Normal"),
            message_id: Val::Is("040300341792500200448"),
            date: Some(1396478023),
            delivery_report: Some(false),
            read_report: Some(false),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<start>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("application/smil", Some("smil.smi"), Some(432)),
                part("image/jpeg", Some("1"), None),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_retrieve/data/QuotedPrintable/m-acknowledge.ind",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-acknowledge-ind"),
            version: Some("1.1"),
            transaction_id: Val::Is("BQXQLF3OH0101@xma.724.com"),
            report_allowed: Some(true),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_retrieve/data/QuotedPrintable/m-notification.ind",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.1"),
            transaction_id: Val::Is("BQXQLF3OH0101@xma.724.com"),
            from: Val::Is("+358400000000/TYPE=PLMN"),
            message_class: Some("Personal"),
            message_size: Some(226734),
            expiry: Some(Expiry::Relative(259199)),
            content_location: Some("http://172.19.24.3:8000/MMSBQXQLF3OH0101"),
            delivery_report: Some(true),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_retrieve/data/QuotedPrintable/m-retrieve.conf",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.1"),
            transaction_id: Val::Is("BQXQLF3OH0101@xma.724.com"),
            from: Val::Is("+358400000000/TYPE=PLMN"),
            to: Val::Is(&["+358400000001/TYPE=PLMN"]),
            message_class: Some("Personal"),
            priority: Some("Normal"),
            message_id: Val::Is("mMtUVLrWiOCjeV0q5mPh01@mms.elisa.fi"),
            date: Some(1420744134),
            delivery_report: Some(true),
            read_report: Some(false),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<smil>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("application/smil", Some("smil"), Some(408)),
                part("image/jpeg", Some("1.jpg"), None),
                part("text/plain", Some("2.txt"), Some(67)),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_retrieve/data/SoonExpired/m-notification.ind",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.1"),
            transaction_id: Val::Is("BI3R4V2ISLR41@xma.724.com"),
            from: Val::Is("+358500000000/TYPE=PLMN"),
            subject: Val::Is("Питер"),
            message_class: Some("Personal"),
            message_size: Some(113018),
            expiry: Some(Expiry::Relative(1)),
            content_location: Some("http://172.19.24.3:8000/MMSBI3R4V2ISLR41"),
            delivery_report: Some(true),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_retrieve/data/Success1/m-acknowledge.ind",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-acknowledge-ind"),
            version: Some("1.1"),
            transaction_id: Val::Is("BI3R4V2ISLR41@xma.724.com"),
            report_allowed: Some(true),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_retrieve/data/Success1/m-notification.ind",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.1"),
            transaction_id: Val::Is("BI3R4V2ISLR41@xma.724.com"),
            from: Val::Is("+358500000000/TYPE=PLMN"),
            subject: Val::Is("Питер"),
            message_class: Some("Personal"),
            message_size: Some(113018),
            expiry: Some(Expiry::Relative(259198)),
            content_location: Some("http://172.19.24.3:8000/MMSBI3R4V2ISLR41"),
            delivery_report: Some(true),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_retrieve/data/Success1/m-retrieve.conf",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.1"),
            transaction_id: Val::Is("BI3R4V2ISLR41@xma.724.com"),
            from: Val::Is("+358500000000/TYPE=PLMN"),
            to: Val::Is(&["+358449722969/TYPE=PLMN"]),
            cc: Val::Is(&["+358500000001/TYPE=PLMN"]),
            subject: Val::Is("Питер"),
            message_class: Some("Personal"),
            priority: Some("Normal"),
            message_id: Val::Is("B4E98D74-898C-71E3-AE87-78E7D16557E0"),
            date: Some(1391072317),
            delivery_report: Some(true),
            read_report: Some(false),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<0>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("application/smil", Some("0.smil"), Some(574)),
                part("text/plain", Some("text_0011.txt"), Some(20)),
                part("image/jpeg", Some("131200181.jpg"), None),
                part("text/plain", Some("text_0021.txt"), Some(27)),
                part("image/jpeg", Some("140100041.jpg"), None),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_retrieve/data/Success2/m-acknowledge.ind",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-acknowledge-ind"),
            version: Some("1.1"),
            transaction_id: Val::Is("AaamMbG2tpp5lj4Ra"),
            report_allowed: Some(true),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_retrieve/data/Success2/m-notification.ind",
        kind: Kind::BarePdu,
        outcome: Outcome::Lenient(
            "ends `81 00 00`: an empty Bcc, then a stray NUL octet (REFERENCE §11.27)",
        ),
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.2"),
            transaction_id: Val::Is("AaamMbG2tpp5lj4Ra"),
            from: Val::Is("+358401111111/TYPE=PLMN"),
            bcc: Val::Is(&[""]),
            message_class: Some("Personal"),
            message_size: Some(66070),
            expiry: Some(Expiry::Relative(259199)),
            content_location: Some("http://mmsc62:10021/mmsc/6_2?AaamMbG2tpp5lj4Ra"),
            delivery_report: Some(false),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_retrieve/data/Success2/m-retrieve.conf",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.2"),
            transaction_id: Val::Is("AaamMbG2tpp5lj4Ra"),
            from: Val::Is("+358401111111/TYPE=PLMN"),
            to: Val::Is(&["+358402222222/TYPE=PLMN"]),
            message_class: Some("Personal"),
            priority: Some("Normal"),
            message_id: Val::Is("A896C674-AB6D-71E3-A6B5-78E7D16557CC"),
            date: Some(1394797321),
            delivery_report: Some(false),
            retrieve_status: Some(0x80),
            retrieve_text: Some("1000:OK"),
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<332047400>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("image/jpeg", Some("2014-03-04-588.jpg"), None),
                part("text/plain", Some("Test mms msg.txt"), Some(12)),
                part("application/smil", Some("pres.smil"), Some(351)),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_send/data/Accept/m-send.conf",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-send-conf"),
            version: Some("1.1"),
            transaction_id: Val::Is("1"),
            message_id: Val::Is("TestMessageId"),
            response_status: Some(0x80),
            ..PduFacts::UNSTATED
        }),
    },
    // Empty Message-ID (`8B 00`); mms-engine treats it as a send error.
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_send/data/EmptyMessageID/m-send.conf",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-send-conf"),
            version: Some("1.1"),
            transaction_id: Val::Is("1"),
            message_id: Val::Is(""),
            response_status: Some(0x80),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "jolla-mms-engine/mms-lib/test/test_send/data/Failure/m-send.conf",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-send-conf"),
            version: Some("1.1"),
            transaction_id: Val::Is("1"),
            message_id: Val::Absent,
            response_status: Some(0xE0),
            ..PduFacts::UNSTATED
        }),
    },
    // Fails in Gammu only as an SMS; the push itself is well formed (X-Wap-Initiator-URI).
    CorpusFile {
        path: "gammu/tests/at-sms-failing/40.dump__raw.bin",
        kind: Kind::Push,
        outcome: Outcome::Decodes,
        push: Some(PushFacts {
            tid: 9,
            pdu_type: 0x06,
            headers_len: Some(52),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(4),
            content_length: None,
            body_len: Some(144),
            is_mms: Some(true),
        }),
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.0"),
            transaction_id: Val::Is("C2cWUkT8YSGwGkVgAAkAuy3yeKAAAAAAAA"),
            from: Val::Is("+48726615253/TYPE=PLMN"),
            subject: Val::Is("DSC00224"),
            message_class: Some("Personal"),
            message_size: Some(12664),
            expiry: Some(Expiry::Relative(259200)),
            content_location: Some("http://mms2rx:8002/cWUkT8YSGwGkVgAAkAuy3yeKAAAAAAAA"),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "gammu/tests/at-sms/40.dump__user_data.bin",
        kind: Kind::Push,
        outcome: Outcome::Decodes,
        push: Some(PushFacts {
            tid: 79,
            pdu_type: 0x06,
            headers_len: Some(34),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(4),
            content_length: None,
            body_len: Some(90),
            is_mms: Some(true),
        }),
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.2"),
            transaction_id: Val::Is("81460494@mms1"),
            from: Val::Is("+33333493211/TYPE=PLMN"),
            subject: Val::Is(""),
            message_class: Some("Personal"),
            priority: Some("Normal"),
            message_size: Some(96857),
            expiry: Some(Expiry::Relative(259200)),
            content_location: Some("http://mts/?id=81460494"),
            delivery_report: Some(false),
            ..PduFacts::UNSTATED
        }),
    },
    // A textual header whose name is one space, with an empty value, just before Content-Type.
    CorpusFile {
        path: "gammu/tests/mms/worldcupupdate_nosmil.mms",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.0"),
            transaction_id: Val::Is("1234"),
            from: Val::Is("mms-editor@toolkit"),
            to: Val::Is(&["+15555551212"]),
            subject: Val::Is("World Cup Update"),
            message_class: Some("Personal"),
            priority: Some("Low"),
            date: Some(1025283530),
            delivery_report: Some(false),
            read_report: Some(false),
            application_headers: &[" "],
            content_type: Val::Is("application/vnd.wap.multipart.mixed"),
            body: Body::Parts(&[
                part("image/gif", Some("gol.gif"), None),
                part("text/plain", Some("goalinfo.txt"), Some(44)),
                part("text/plain", Some("score.txt"), Some(19)),
                part("text/plain", Some("ad.txt"), Some(18)),
                part("image/gif", Some("nokia.gif"), Some(1140)),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    // A textual header whose name is one space, with an empty value, just before Content-Type.
    CorpusFile {
        path: "gammu/tests/mms/worldcupupdate_withsmil.mms",
        kind: Kind::BarePdu,
        outcome: Outcome::Decodes,
        push: None,
        pdu: Some(PduFacts {
            message_type: Some("m-retrieve-conf"),
            version: Some("1.0"),
            transaction_id: Val::Is("1234"),
            from: Val::Is("mms-editor@toolkit"),
            to: Val::Is(&["+15555551212"]),
            subject: Val::Is("World Cup Update"),
            message_class: Some("Personal"),
            priority: Some("Low"),
            date: Some(1025283813),
            delivery_report: Some(false),
            read_report: Some(false),
            application_headers: &[" "],
            content_type: Val::Is("application/vnd.wap.multipart.related"),
            start: Some("<presentation-part>"),
            type_param: Some("application/smil"),
            body: Body::Parts(&[
                part("application/smil", Some("default4.smil"), Some(600)),
                part("image/gif", Some("gol.gif"), None),
                part("text/plain", Some("goalinfo.txt"), Some(44)),
                part("text/plain", Some("score.txt"), Some(19)),
                part("text/plain", Some("ad.txt"), Some(18)),
                part("image/gif", Some("nokia.gif"), Some(1140)),
            ]),
            ..PduFacts::UNSTATED
        }),
    },
    // Gammu decodes it after its fix for issue #298; the inner facts are checked only if our decoder recovers.
    CorpusFile {
        path: "gammu/tests/smsbackups/mms-298.smsbackup__reassembled.bin",
        kind: Kind::Push,
        outcome: Outcome::NotClean(
            "push header length 36 covers 2 octets of the MMS body (`8C 82`): the body as delimited starts at X-Mms-Transaction-ID with no X-Mms-Message-Type",
        ),
        push: Some(PushFacts {
            tid: 46,
            pdu_type: 0x06,
            headers_len: Some(36),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(4),
            content_length: None,
            // MANIFEST's 88 assumes the declared HeadersLen; a recovering decoder starts 2 earlier.
            body_len: None,
            is_mms: Some(true),
        }),
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.2"),
            transaction_id: Val::Is("81343974@mms1"),
            ..PduFacts::UNSTATED
        }),
    },
    // Must not decode as a clean notification: either fail, or accept the unterminated text at the end with a diagnostic (REFERENCE §11.7).
    CorpusFile {
        path: "gammu/tests/smsbackups/mms-part.smsbackup__reassembled.bin",
        kind: Kind::Push,
        outcome: Outcome::NotClean(
            "first of two segments only: truncated inside X-Mms-Content-Location (no NUL)",
        ),
        push: Some(PushFacts {
            tid: 17,
            pdu_type: 0x06,
            headers_len: Some(36),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(4),
            content_length: None,
            body_len: Some(88),
            is_mms: Some(true),
        }),
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.0"),
            transaction_id: Val::Is("m5da5a9jn210ma56q20@"),
            from: Val::Is("+420777777777/TYPE=PLMN"),
            subject: Val::Is("A"),
            message_class: Some("Personal"),
            message_size: Some(6174),
            expiry: Some(Expiry::Relative(539999)),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "gammu/tests/smsbackups/mms-tmobile.smsbackup__reassembled.bin",
        kind: Kind::Push,
        outcome: Outcome::Lenient(
            "one stray 0x0A octet after the last header (a short-cut shift, an error in an MMS header block, REFERENCE §1.2)",
        ),
        push: Some(PushFacts {
            tid: 46,
            pdu_type: 0x06,
            headers_len: Some(36),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(4),
            content_length: None,
            body_len: Some(113),
            is_mms: Some(true),
        }),
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.0"),
            transaction_id: Val::Is("m5da9g6l823ppr42w18@"),
            from: Val::Is("+420774711225/TYPE=PLMN"),
            subject: Val::Is("Predmet"),
            message_class: Some("Personal"),
            message_size: Some(29000),
            expiry: Some(Expiry::Relative(539999)),
            content_location: Some("http://mmscz/?m=m5da9g6l823ppr42w18"),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "gammu/tests/smsbackups/mms-vodafone.smsbackup__reassembled.bin",
        kind: Kind::Push,
        outcome: Outcome::Lenient(
            "one stray 0x0A octet after the last header (a short-cut shift, an error in an MMS header block, REFERENCE §1.2)",
        ),
        push: Some(PushFacts {
            tid: 1,
            pdu_type: 0x06,
            headers_len: Some(34),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(4),
            content_length: None,
            body_len: Some(157),
            is_mms: Some(true),
        }),
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.0"),
            transaction_id: Val::Is("NOK5DdfGoS8YSIIOsTgAAsKvw81xSAAAAAAAA"),
            from: Val::Is("+420739524188/TYPE=PLMN"),
            subject: Val::Is("366553526"),
            message_class: Some("Personal"),
            message_size: Some(29696),
            expiry: Some(Expiry::Relative(539996)),
            content_location: Some("http://promms/servlets/NOK5DdfGoS8YSIIOsTgAAsKvw81xSAAAAAAAA"),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "gammu/tests/smsbackups/mms.smsbackup__reassembled.bin",
        kind: Kind::Push,
        outcome: Outcome::Decodes,
        push: Some(PushFacts {
            tid: 17,
            pdu_type: 0x06,
            headers_len: Some(36),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(4),
            content_length: None,
            body_len: Some(106),
            is_mms: Some(true),
        }),
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.0"),
            transaction_id: Val::Is("m5da5a9jn210ma56q20@"),
            from: Val::Is("+420777777777/TYPE=PLMN"),
            subject: Val::Is("A"),
            message_class: Some("Personal"),
            message_size: Some(6174),
            expiry: Some(Expiry::Relative(539999)),
            content_location: Some("http://mmscz/?m=m5da5a9jn210ma56q20"),
            ..PduFacts::UNSTATED
        }),
    },
    // Push headers include X-Wap-Initiator-URI; From is the alphanumeric 'Powitalny@MMS'.
    CorpusFile {
        path: "gammu/tests/smsbackups/multipart-mms.smsbackup__reassembled.bin",
        kind: Kind::Push,
        outcome: Outcome::Decodes,
        push: Some(PushFacts {
            tid: 1,
            pdu_type: 0x06,
            headers_len: Some(46),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(4),
            content_length: None,
            body_len: Some(150),
            is_mms: Some(true),
        }),
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.0"),
            transaction_id: Val::Is("C1TpKYI6wQ_AYAACAtAAAABgABMTsAAAAA"),
            from: Val::Is("Powitalny@MMS"),
            subject: Val::Is("Odkryj MMS-a!"),
            message_class: Some("Personal"),
            message_size: Some(16000),
            expiry: Some(Expiry::Relative(1500)),
            content_location: Some(
                "http://mms1geo.orange.pl:8002/TpKYI6wQ_AYAACAtAAAABgABMTsAAAAA",
            ),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "muditaos/module-services/service-cellular/tests/unittest_Pdu.cpp__Incomplete_MMS_Notification_T-Mobile.bin",
        kind: Kind::Push,
        outcome: Outcome::Fails("truncated inside the From value (value-length 24, 6 octets left)"),
        push: Some(PushFacts {
            tid: 197,
            pdu_type: 0x06,
            headers_len: Some(3),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(4),
            content_length: None,
            body_len: Some(122),
            is_mms: Some(true),
        }),
        pdu: None,
    },
    CorpusFile {
        path: "muditaos/module-services/service-cellular/tests/unittest_Pdu.cpp__Missing_PDU_Content.bin",
        kind: Kind::Push,
        outcome: Outcome::Fails("push header length 8 but only 7 octets follow"),
        push: Some(PushFacts {
            tid: 0,
            pdu_type: 0x06,
            headers_len: Some(8),
            content_type: None,
            app_id: Val::Absent,
            content_length: None,
            body_len: None,
            is_mms: Some(false),
        }),
        pdu: None,
    },
    // MuditaOS rejects it because its MMS handler requires app-id mms.ua: routing, not decoding. The push and its notification decode.
    CorpusFile {
        path: "muditaos/module-services/service-cellular/tests/unittest_Pdu.cpp__Missing_X-Wap-Application-ID.bin",
        kind: Kind::Push,
        outcome: Outcome::Decodes,
        push: Some(PushFacts {
            tid: 0,
            pdu_type: 0x06,
            headers_len: Some(5),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Absent,
            content_length: Some(91),
            body_len: Some(91),
            is_mms: Some(true),
        }),
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.2"),
            transaction_id: Val::Is("Abcdefghi"),
            from: Val::Is("+48123456789/TYPE=PLMN"),
            message_class: Some("Personal"),
            message_size: Some(34222),
            expiry: Some(Expiry::Relative(43199)),
            content_location: Some("http://geom2:8002/mmsc/c?Abcdefghi"),
            delivery_report: Some(false),
            ..PduFacts::UNSTATED
        }),
    },
    CorpusFile {
        path: "muditaos/module-services/service-cellular/tests/unittest_Pdu.cpp__PDU_Type_not_Push.bin",
        kind: Kind::Push,
        outcome: Outcome::Fails("PDU type 0x05 is neither Push nor ConfirmedPush"),
        push: Some(PushFacts {
            tid: 0,
            pdu_type: 0x05,
            headers_len: None,
            content_type: None,
            app_id: Val::Absent,
            content_length: None,
            body_len: None,
            is_mms: Some(false),
        }),
        pdu: None,
    },
    CorpusFile {
        path: "muditaos/module-services/service-cellular/tests/unittest_Pdu.cpp__Valid_MMS_Notification_Orange.bin",
        kind: Kind::Push,
        outcome: Outcome::Decodes,
        push: Some(PushFacts {
            tid: 0,
            pdu_type: 0x06,
            headers_len: Some(7),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(4),
            content_length: Some(91),
            body_len: Some(91),
            is_mms: Some(true),
        }),
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.2"),
            transaction_id: Val::Is("Abcdefghi"),
            from: Val::Is("+48123456789/TYPE=PLMN"),
            message_class: Some("Personal"),
            message_size: Some(34222),
            expiry: Some(Expiry::Relative(43199)),
            content_location: Some("http://geom2:8002/mmsc/c?Abcdefghi"),
            delivery_report: Some(false),
            ..PduFacts::UNSTATED
        }),
    },
    // From after Content-Location (last header).
    CorpusFile {
        path: "muditaos/module-services/service-cellular/tests/unittest_Pdu.cpp__Valid_MMS_Notification_Play.bin",
        kind: Kind::Push,
        outcome: Outcome::Decodes,
        push: Some(PushFacts {
            tid: 0,
            pdu_type: 0x06,
            headers_len: Some(34),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(4),
            content_length: None,
            body_len: Some(95),
            is_mms: Some(true),
        }),
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.1"),
            transaction_id: Val::Is("12345678"),
            from: Val::Is("+48987654321/TYPE=PLMN"),
            message_class: Some("Personal"),
            message_size: Some(180063),
            expiry: Some(Expiry::Relative(259199)),
            content_location: Some("http://mmsc.play.pl/mms/wapenc/12345678"),
            ..PduFacts::UNSTATED
        }),
    },
    // Short push header (`BE AF 84`); ends with an empty Subject (`96 00`).
    CorpusFile {
        path: "muditaos/module-services/service-cellular/tests/unittest_Pdu.cpp__Valid_MMS_Notification_T-Mobile.bin",
        kind: Kind::Push,
        outcome: Outcome::Decodes,
        push: Some(PushFacts {
            tid: 197,
            pdu_type: 0x06,
            headers_len: Some(3),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(4),
            content_length: None,
            body_len: Some(142),
            is_mms: Some(true),
        }),
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.1"),
            transaction_id: Val::Is("182a1b7291d85f20d@p2.mmsc.t-mobile.pl"),
            from: Val::Is("+48505050505/TYPE=PLMN"),
            subject: Val::Is(""),
            message_class: Some("Personal"),
            message_size: Some(34242),
            expiry: Some(Expiry::Relative(43198)),
            content_location: Some("http://10.242.243.40:9800/mm1?id=220815182a1b7281926f05bb"),
            ..PduFacts::UNSTATED
        }),
    },
    // From removed (mandatory per spec: validation, not decoding, flags it). The authors cut
    // the From header but kept the Orange capture's Content-Length 91 (0xDB) over a 65-octet
    // body: MANIFEST's own numbers disagree, so a diagnostic is due (REFERENCE §11.2); the
    // entry used to say `Decodes`.
    CorpusFile {
        path: "muditaos/module-services/service-cellular/tests/unittest_Pdu.cpp__Valid_MMS_Notification_without_From_field.bin",
        kind: Kind::Push,
        outcome: Outcome::Lenient(
            "push Content-Length 91 but 65 data octets: From cut out of the Orange capture (REFERENCE §11.2)",
        ),
        push: Some(PushFacts {
            tid: 0,
            pdu_type: 0x06,
            headers_len: Some(7),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(4),
            content_length: Some(91),
            body_len: Some(65),
            is_mms: Some(true),
        }),
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.2"),
            transaction_id: Val::Is("Abcdefghi"),
            from: Val::Absent,
            message_class: Some("Personal"),
            message_size: Some(34222),
            expiry: Some(Expiry::Relative(43199)),
            content_location: Some("http://geom2:8002/mmsc/c?Abcdefghi"),
            delivery_report: Some(false),
            ..PduFacts::UNSTATED
        }),
    },
    // Message type 0x81 (m-send-conf) with notification headers and no Response-Status: MuditaOS rejects it as not a notification; it decodes as an m-send-conf carrying fields that validation, not decoding, flags.
    CorpusFile {
        path: "muditaos/module-services/service-cellular/tests/unittest_Pdu.cpp__X-Mms-Message-Type_not_m-notification-ind.bin",
        kind: Kind::Push,
        outcome: Outcome::Decodes,
        push: Some(PushFacts {
            tid: 0,
            pdu_type: 0x06,
            headers_len: Some(7),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(4),
            content_length: Some(91),
            body_len: Some(91),
            is_mms: Some(true),
        }),
        pdu: Some(PduFacts {
            message_type: Some("m-send-conf"),
            version: Some("1.2"),
            transaction_id: Val::Is("Abcdefghi"),
            from: Val::Is("+48123456789/TYPE=PLMN"),
            message_class: Some("Personal"),
            message_size: Some(34222),
            expiry: Some(Expiry::Relative(43199)),
            content_location: Some("http://geom2:8002/mmsc/c?Abcdefghi"),
            delivery_report: Some(false),
            ..PduFacts::UNSTATED
        }),
    },
    // Application id 3 instead of 4 (mms.ua): MuditaOS rejects it (routing); the push decodes and carries an MMS body by its content type.
    CorpusFile {
        path: "muditaos/module-services/service-cellular/tests/unittest_Pdu.cpp__X-Wap-Application-ID_not_mms.ua.bin",
        kind: Kind::Push,
        outcome: Outcome::Decodes,
        push: Some(PushFacts {
            tid: 0,
            pdu_type: 0x06,
            headers_len: Some(7),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(3),
            content_length: Some(91),
            body_len: Some(91),
            is_mms: Some(true),
        }),
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.2"),
            transaction_id: Val::Is("Abcdefghi"),
            from: Val::Is("+48123456789/TYPE=PLMN"),
            message_class: Some("Personal"),
            message_size: Some(34222),
            expiry: Some(Expiry::Relative(43199)),
            content_location: Some("http://geom2:8002/mmsc/c?Abcdefghi"),
            delivery_report: Some(false),
            ..PduFacts::UNSTATED
        }),
    },
    // Push-Flag before the application id; 4-octet Message-Size.
    CorpusFile {
        path: "openharmony-sms-mms/test/gtest/mms_gtest.cpp__ReceiveWapPushTestFunc.bin",
        kind: Kind::Push,
        outcome: Outcome::Decodes,
        push: Some(PushFacts {
            tid: 76,
            pdu_type: 0x06,
            headers_len: Some(36),
            content_type: Some("application/vnd.wap.mms-message"),
            app_id: Val::Is(4),
            content_length: None,
            body_len: Some(90),
            is_mms: Some(true),
        }),
        pdu: Some(PduFacts {
            message_type: Some("m-notification-ind"),
            version: Some("1.0"),
            transaction_id: Val::Is("PvP00016ZdT0"),
            from: Val::Is("16607521908/TYPE=PLMN"),
            message_class: Some("Personal"),
            message_size: Some(76173),
            expiry: Some(Expiry::Relative(259195)),
            content_location: Some("http://10.123.18.80:180/vVOE_0"),
            ..PduFacts::UNSTATED
        }),
    },
    // AOSP mocks the WSP decoder in that test; a robustness input only.
    CorpusFile {
        path: "aosp/frameworks_opt_telephony/tests/telephonytests/src/com/android/internal/telephony/WapPushOverSmsTest.java__testDispatchWapPduFromBlockedNumber.bin",
        kind: Kind::Push,
        outcome: Outcome::NotClean(
            "hand-made: push header length 0 although a text content type follows; MMS-Version 0x12; Expiry value-length 3 with 4 value octets",
        ),
        push: Some(PushFacts {
            tid: 1,
            pdu_type: 0x06,
            headers_len: Some(0),
            content_type: None,
            app_id: Val::Absent,
            content_length: None,
            body_len: None,
            is_mms: None,
        }),
        pdu: None,
    },
];
