//! Structure-aware: a typed PDU built from arbitrary choices encodes, decodes back equal, re-encodes exactly.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mms_pdu::fuzzing::built_pdu(data));
