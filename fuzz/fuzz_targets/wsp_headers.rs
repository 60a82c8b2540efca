//! WSP header block: every header re-encodes to its own octets.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mms_pdu::fuzzing::wsp_headers(data));
