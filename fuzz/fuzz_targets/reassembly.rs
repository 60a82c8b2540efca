//! SMS reassembly of a sequence of segments under small caps: the caps hold after every segment.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mms_pdu::fuzzing::reassembly(data));
