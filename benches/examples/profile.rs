//! One case in a loop, for a profiler: `valgrind --tool=callgrind` counts instructions, which stay
//! the same run to run on a busy machine.
//!
//! `cargo build --release -p validate-benches --example profile`, then
//! `valgrind --tool=callgrind target/release/examples/profile <case> [fields] [iterations]` with
//! `<case>` one of `serde`, `from_json`, `validate`, `floor`, `invalid`, `invalid-bytes`.

use std::hint::black_box;

use customer_insights::model::RelationshipResourceFormat;
use validate_benches::ours_model::{self, Request};
use validate_benches::workload::{Input, Variant};

fn main() {
    let mut args = std::env::args().skip(1);
    let case = args.next().unwrap_or_else(|| "from_json".to_owned());
    let fields = args.next().and_then(|n| n.parse().ok()).unwrap_or(10);
    let iterations: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let variant = if case.starts_with("invalid") { Variant::Invalid } else { Variant::Valid };
    let input = Input::new(fields, variant);
    let request = Request { name: "ContactToAccount", body: input.parse() };
    for _ in 0..iterations {
        match case.as_str() {
            "serde" => drop(black_box(serde_json::from_slice::<RelationshipResourceFormat>(black_box(&input.json)))),
            "from_json" | "invalid-bytes" => {
                drop(black_box(ours_model::from_bytes("ContactToAccount", black_box(&input.json))));
            }
            "validate" | "invalid" => drop(black_box(ours_model::validate(black_box(&request)))),
            "floor" => drop(black_box(validate_benches::floor::is_valid(
                black_box("ContactToAccount"),
                black_box(&request.body),
            ))),
            other => panic!("unknown case {other}"),
        }
    }
}
