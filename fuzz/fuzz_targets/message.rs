//! mms_pdu::decode (bare PDU or connectionless push with its inner PDU) and the connection-mode push.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mms_pdu::fuzzing::message(data));
