//! Structure-aware: a typed PDU built from arbitrary choices (`mms_pdu::ArbitraryPdu`) encodes,
//! decodes back equal, re-encodes exactly. libFuzzer's typed input goes through
//! `Arbitrary::arbitrary_take_rest`, as `mms_pdu::fuzzing::built_pdu(&[u8])` does when
//! `cargo test` replays the seeds, so an input means the same PDU in both.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|pdu: mms_pdu::ArbitraryPdu<'_>| mms_pdu::fuzzing::check_built_pdu(&pdu));
