//! Bare MMS PDU decode (lenient and strict): re-encodes exactly, decodes again equal, multipart walks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mms_pdu::fuzzing::pdu(data));
