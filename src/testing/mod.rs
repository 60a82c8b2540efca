//! Testing aids: canonical sample PDUs, the property checks behind the cargo-fuzz targets, and
//! `arbitrary` generators (re-exported at the crate root as `samples`, `fuzzing` and
//! `arbitrary`).

#[cfg(feature = "arbitrary")]
pub mod arbitrary;
pub mod fuzzing;
pub mod samples;
