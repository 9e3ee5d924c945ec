//! Any bytes through `from_json` for the Relationship model: no panic, and either a valid
//! relationship or a well-formed ARM error, the same each time. The checks live in
//! `validate_tests::fuzz_from_json`, which the test suite also runs.

#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| validate_tests::fuzz_from_json(bytes));
