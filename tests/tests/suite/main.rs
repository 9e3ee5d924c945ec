//! Every test of the workspace's behaviour, one module per subject, in one binary.
//!
//! One binary rather than one per file: each test binary links the whole runtime and instantiates
//! its generics again, so a change to `validate-core` rebuilt 23 of them. As one, a one-line
//! change to a rule rebuilds in 5.8 s instead of 12.8 s (`cargo test --no-run`, the `mutants`
//! profile, this 2-core machine), which is most of the cost of each mutant in `cargo mutants`
//! (issue 18), and the tests run in parallel across subjects. The trybuild suite stays its own
//! binary (`tests/test_ui.rs`): it compiles other crates and is left out of mutation runs.
//!
//! Run one subject with its module's name as a filter:
//!
//! ```text
//! cargo test -p validate-tests --test suite wrappers::
//! ```

mod all_problems;
mod alloc;
mod catalogs;
mod context;
mod differential;
mod doors;
mod drift;
mod error_response;
mod extractors;
mod fluent;
mod formats;
mod from_json;
mod generics;
mod hygiene;
mod languages;
mod memory;
mod nasty;
mod properties;
mod relationship;
mod rules;
mod schema;
mod targets;
mod wrappers;

/// A file added to this directory without its `mod` line above would never be compiled, and its
/// tests would pass by not existing.
#[test]
fn every_file_here_is_a_module_of_the_suite() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/suite");
    let declared = include_str!("main.rs");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("the suite's directory is readable") {
        let name = entry.expect("a directory entry").file_name();
        let name = name.to_string_lossy();
        let Some(module) = name.strip_suffix(".rs") else { continue };
        if module != "main" && !declared.contains(&format!("\nmod {module};\n")) {
            missing.push(name.into_owned());
        }
    }
    assert!(missing.is_empty(), "files in tests/tests/suite without a `mod` line in main.rs: {missing:?}");
}
