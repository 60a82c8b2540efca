//! WSP Content-type-value: re-encodes exactly; parameters iterate.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mms_pdu::fuzzing::content_type(data));
