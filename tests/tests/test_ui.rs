//! Every compile-time message of the derive and of the rules' traits, one file per mistake.
//!
//! Paths are relative to this package (`tests/`), so the cases live in `tests/ui/`.
//!
//! Refresh the expected output with `TRYBUILD=overwrite cargo test -p validate-tests --test test_ui`
//! and read every changed `.stderr`: the caret must sit under the wrong token.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*.rs");
    t.pass("ui/pass/*.rs");
}
