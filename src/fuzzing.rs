//! Property checks shared by the cargo-fuzz targets (`fuzz/`) and by the stable test that
//! replays their checked-in seeds (`tests/fuzz_seeds.rs`). Not part of the public API.
//!
//! Each check panics when a property fails: that is how libFuzzer learns of a finding.
#![allow(
    clippy::panic,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use crate::codec::{self, Encode, PResult};

fn reencodes_exactly<'a, T: Encode + core::fmt::Debug>(input: &'a [u8], result: PResult<'a, T>) {
    if let Ok((rest, value)) = result {
        let used = input.get(..input.len() - rest.len()).unwrap_or(&[]);
        assert_eq!(value.encoded_len(), used.len(), "encoded_len of {value:?}");
        let out = value.encode_to_vec().expect("a decoded value encodes");
        assert_eq!(out, used, "re-encoding of {value:?}");
    }
}

/// Every wire primitive on `data`: no panic; whatever decodes re-encodes to the octets it used.
pub fn primitives(data: &[u8]) {
    reencodes_exactly(data, codec::uintvar(data));
    reencodes_exactly(data, codec::long_integer(data));
    reencodes_exactly(data, codec::integer_value(data));
    reencodes_exactly(data, codec::value_length(data));
    reencodes_exactly(data, codec::text_string(data));
    reencodes_exactly(data, codec::text_string_bounded(data));
    reencodes_exactly(data, codec::quoted_string(data));
    reencodes_exactly(data, codec::quoted_string_bounded(data));
    reencodes_exactly(data, codec::token_text(data));
    reencodes_exactly(data, codec::text_value(data));
    reencodes_exactly(data, codec::encoded_string(data));
    reencodes_exactly(data, codec::q_value(data));
    reencodes_exactly(data, codec::version_value(data));
    reencodes_exactly(data, codec::raw_value(data));
}
