// A hand-written impl records at a place: a `&Path`, not a `Path` by value.
use validate_core::{Path, RuleError, Violations};

fn main() {
    let mut out = Violations::new();
    out.record(Path::root().member("hub"), Err(RuleError::invalid("No such hub.")));
}
