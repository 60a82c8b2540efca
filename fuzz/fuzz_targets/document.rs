//! A JSON document (what `mms decode --json` prints, edited): encodes exactly or is refused;
//! what decodes comes back from its own JSON byte for byte.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    mms_pdu::fuzzing::document(
        data,
        |d| serde_json::from_slice(d),
        |m| serde_json::to_vec(m).expect("a decoded message serializes"),
    );
});
