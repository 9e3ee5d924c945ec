//! An interleaved harness: every round runs each system of a case for one time slice, in turn,
//! so that the machine's drift (another build, frequency changes) falls on all of them alike,
//! and ratios are taken within a round (performance.md: "one process, interleaved, ratios per
//! round"). Criterion and divan measure one function at a time, which is why this exists.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// How long calibration runs a system to estimate its time per call.
const CALIBRATION: Duration = Duration::from_millis(5);

/// One system measured on a case: a name and a closure that runs it once.
pub struct System<'a> {
    name: &'static str,
    /// Runs the system `n` times and answers how long that took. The loop is monomorphized
    /// per system; only the call of the batch is dynamic.
    batch: Box<dyn FnMut(u64) -> Duration + 'a>,
    iterations: u64,
    ns_per_call: Vec<f64>,
}

impl<'a> System<'a> {
    /// A system that `run` runs once; its result is kept where it was made, made opaque to the
    /// optimizer with [`black_box`] by reference, and dropped in the timed loop (dropping a parsed
    /// value is part of its cost).
    // By reference, as a caller that matches on a result reads it: `black_box(run())` copied a
    // 40-byte `Result` whole with 16-byte loads of bytes the callee had just written with 8-byte
    // stores, a store-forwarding stall that took 65 % of the timed loop's own samples for `nested`
    // with no rules and made it 2.3 – 2.5 × its floor, 1.0 × by reference (`benches/benches/rules.rs`,
    // 2026-12-02). A `bool`, as the floors return, costs the same either way.
    pub fn new<R>(name: &'static str, mut run: impl FnMut() -> R + 'a) -> Self {
        let batch = move |n: u64| {
            let start = Instant::now();
            for _ in 0..n {
                let result = run();
                black_box(&result);
            }
            start.elapsed()
        };
        System { name, batch: Box::new(batch), iterations: 0, ns_per_call: Vec::new() }
    }

    /// The system's name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Nanoseconds per call, one sample per round.
    pub fn samples(&self) -> &[f64] {
        &self.ns_per_call
    }

    fn calibrate(&mut self, slice: Duration) {
        let mut n = 1;
        loop {
            let took = (self.batch)(n);
            if took >= CALIBRATION || n >= 1 << 30 {
                let per_call = took.as_secs_f64() / as_f64(n);
                // Truncation is intended: a whole number of calls fills the slice.
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let fill = (slice.as_secs_f64() / per_call) as u64;
                self.iterations = fill.max(1);
                return;
            }
            n *= 2;
        }
    }

    fn sample(&mut self) {
        let took = (self.batch)(self.iterations);
        self.ns_per_call.push(took.as_secs_f64() * 1e9 / as_f64(self.iterations));
    }
}

/// A case: one input and the systems compared on it.
pub struct Case<'a> {
    /// What is measured: `validate, valid`.
    pub what: &'static str,
    /// The size of `fields`.
    pub fields: usize,
    /// The systems, in report order.
    pub systems: Vec<System<'a>>,
}

impl<'a> Case<'a> {
    /// A case with no system yet.
    pub fn new(what: &'static str, fields: usize) -> Self {
        Case { what, fields, systems: Vec::new() }
    }

    /// Adds a system.
    #[must_use]
    pub fn with(mut self, system: System<'a>) -> Self {
        self.systems.push(system);
        self
    }

    /// The system named `name`.
    ///
    /// # Panics
    ///
    /// When the case has no such system.
    pub fn system(&self, name: &str) -> &System<'a> {
        self.systems.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("no system {name} in {}", self.what))
    }

    /// The median nanoseconds per call of `name` over the rounds.
    pub fn median_ns(&self, name: &str) -> f64 {
        median(self.system(name).samples().to_vec())
    }

    /// The per-round ratios `name / against`, summarized.
    pub fn ratio(&self, name: &str, against: &str) -> Spread {
        let ratios = self.system(name).samples().iter().zip(self.system(against).samples()).map(|(a, b)| a / b);
        Spread::of(ratios.collect())
    }
}

/// A median with its quartiles.
#[derive(Clone, Copy, Debug)]
pub struct Spread {
    /// The median.
    pub median: f64,
    /// The first quartile.
    pub low: f64,
    /// The third quartile.
    pub high: f64,
}

impl Spread {
    /// The median and quartiles of `values` (nearest rank).
    ///
    /// # Panics
    ///
    /// When `values` is empty.
    pub fn of(mut values: Vec<f64>) -> Self {
        assert!(!values.is_empty(), "no samples");
        values.sort_by(f64::total_cmp);
        let at = |q: f64| {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let index = (as_f64(values.len() - 1) * q).round() as usize;
            values[index]
        };
        Spread { median: median(values.clone()), low: at(0.25), high: at(0.75) }
    }
}

/// The median of `values` (the mean of the middle two for an even count).
///
/// # Panics
///
/// When `values` is empty.
pub fn median(mut values: Vec<f64>) -> f64 {
    assert!(!values.is_empty(), "no samples");
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len().is_multiple_of(2) { f64::midpoint(values[mid - 1], values[mid]) } else { values[mid] }
}

/// A count as a float: counts here (calls, samples) stay far below 2^52, where `f64` is exact.
#[allow(clippy::cast_precision_loss)]
pub fn as_f64(count: impl TryInto<u64>) -> f64 {
    count.try_into().map_or(f64::NAN, |count: u64| count as f64)
}

/// How many rounds to run and how long each system runs per round.
#[derive(Clone, Copy, Debug)]
pub struct Plan {
    /// Rounds; each gives one sample per system.
    pub rounds: usize,
    /// The time slice of one system in one round.
    pub slice: Duration,
}

impl Plan {
    /// The plan of a benchmark binary: under `cargo bench` (`--bench` among the arguments),
    /// `VALIDATE_BENCH_ROUNDS` rounds of `VALIDATE_BENCH_SLICE_MS` ms, or the defaults given;
    /// otherwise (a test build, as `cargo test --all-targets` runs it) one round of 1 ms slices.
    /// The second value says which.
    ///
    /// # Panics
    ///
    /// When a variable is set to something other than a whole number.
    pub fn from_env(rounds: usize, slice_ms: usize) -> (Self, bool) {
        if !std::env::args().any(|arg| arg == "--bench") {
            return (Plan { rounds: 1, slice: Duration::from_millis(1) }, false);
        }
        let rounds = env_number("VALIDATE_BENCH_ROUNDS", rounds).max(1);
        let slice_ms = env_number("VALIDATE_BENCH_SLICE_MS", slice_ms).max(1);
        (Plan { rounds, slice: Duration::from_millis(u64::try_from(slice_ms).unwrap_or(u64::MAX)) }, true)
    }
}

/// A positive number from the environment, or `default`.
///
/// # Panics
///
/// When the variable is set to something other than a whole number.
pub fn env_number(variable: &str, default: usize) -> usize {
    match std::env::var(variable) {
        Ok(text) => text.trim().parse().unwrap_or_else(|_| panic!("{variable} must be a whole number, not {text:?}")),
        Err(_) => default,
    }
}

/// Runs `plan.rounds` rounds over every case. Each round visits every case and runs each of its
/// systems for one slice, starting with a different system each round so that no system always
/// runs first (right after another case) or last. `progress` hears of each finished round.
pub fn run(cases: &mut [Case<'_>], plan: Plan, mut progress: impl FnMut(usize)) {
    for case in cases.iter_mut() {
        for system in &mut case.systems {
            system.calibrate(plan.slice);
        }
    }
    for round in 0..plan.rounds {
        for case in cases.iter_mut() {
            let count = case.systems.len();
            for k in 0..count {
                case.systems[(round + k) % count].sample();
            }
        }
        progress(round + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_quartiles() {
        assert!((median(vec![3.0, 1.0, 2.0]) - 2.0).abs() < f64::EPSILON);
        assert!((median(vec![4.0, 1.0, 2.0, 3.0]) - 2.5).abs() < f64::EPSILON);
        let spread = Spread::of(vec![5.0, 1.0, 4.0, 2.0, 3.0]);
        assert!((spread.median - 3.0).abs() < f64::EPSILON);
        assert!((spread.low - 2.0).abs() < f64::EPSILON && (spread.high - 4.0).abs() < f64::EPSILON);
    }

    #[test]
    fn every_round_samples_every_system() {
        let mut calls = [0u64; 2];
        let (first, second) = calls.split_at_mut(1);
        let mut cases =
            [Case::new("count", 1).with(System::new("a", || first[0] += 1)).with(System::new("b", || second[0] += 1))];
        run(&mut cases, Plan { rounds: 3, slice: Duration::from_micros(100) }, |_| {});
        assert_eq!(cases[0].system("a").samples().len(), 3);
        assert!(cases[0].ratio("a", "b").median.is_finite());
    }
}
