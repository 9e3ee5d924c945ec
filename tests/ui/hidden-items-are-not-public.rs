// What generated code uses is reached through `validate_core::__v1` only: none of it is public.
use validate_core::json::{ShapeError, Tree, TreeDeserializer};
use validate_core::json::explain;
use validate_core::rules::custom::Probe;
use validate_core::schema::{ItemsOf, Num};
use validate_core::schema::encoded::decode;
use validate_core::sink::Sink;

fn main() {
    let root = validate_core::Path::root();
    let _ = root.plain_member("a");
    let _ = validate_core::path::Below::plain_member(&root, "a");
    let mut out = validate_core::Violations::new();
    out.record_as(&root, Ok(()), None, None);
    out.override_since(0, None, None);
    let _ = validate_core::Holds::run(|_| std::ops::ControlFlow::Continue(()));
}
