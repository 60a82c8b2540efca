//! WSP multipart decode: the body and every part, nested ones too, re-encode exactly.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mms_pdu::fuzzing::multipart(data));
