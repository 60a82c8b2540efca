//! Every wire primitive on arbitrary input: no panic, and whatever decodes re-encodes to exactly
//! the octets it consumed.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mms_pdu::fuzzing::primitives(data));
