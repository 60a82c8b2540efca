//! SMS user data header split: header and payload re-encode exactly; elements re-encode.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mms_pdu::fuzzing::sms(data));
