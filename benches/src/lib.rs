//! Benchmarks of `validate-core` on the Customer Insights Relationship body, against garde 0.23,
//! validator 0.21 and a hand-written floor, as `shared/design/performance.md` asks.
//!
//! This library holds what every target shares and what needs no peer: the [`workload`], our
//! wrapper ([`ours_model`]), the [`floor`], the [`predicates`] the floor and the peers' custom
//! functions share, and the interleaved [`harness`]. The peers are dev-dependencies
//! (performance.md: "peers belong in dev-dependencies of the benchmark crate only"), so their
//! models, `src/garde_model.rs` and `src/validator_model.rs`, are compiled into the bench target
//! (`benches/compare.rs`), not into this library.
//!
//! - `cargo bench -p validate-benches --bench compare`: the comparison (`VALIDATE_BENCH_ROUNDS`,
//!   default 15; `VALIDATE_BENCH_SLICE_MS`, default 20).
//! - `cargo test -p validate-benches --test allocations`: heap allocations of every case of ours.
//! - `benches/compile-time/run.sh`: the derive's compile time against the peers'.

pub mod floor;
pub mod harness;
pub mod ours_model;
pub mod predicates;
pub mod workload;
