//! Wire paths: where in the request body a violation sits.

use core::fmt::{self, Display, Write as _};

use crate::text;

/// Room for most targets at once (`properties.lookupMappings[0].fieldMappings[1].profileFieldName`
/// is 62 bytes), so that building one takes one allocation.
const TYPICAL_TARGET_BYTES: usize = 64;

/// The longest target written into a violation, in characters (Unicode scalar values).
pub const MAX_TARGET_CHARS: usize = 512;

/// A location in a request body, written in the names on the wire.
///
/// A `Path` is a chain of borrowed segments that lives on the stack: extending it costs nothing,
/// and the text of a target (`properties.fields[2].fieldName`) is built only when a violation is
/// recorded. Hand-written [`Validate`](crate::Validate) impls use it to validate a nested value
/// under a prefix.
///
/// ```
/// use validate_core::Path;
///
/// let root = Path::root();
/// let properties = root.member("properties");
/// let fields = properties.member("fields");
/// let second = fields.index(2);
/// let name = second.member("fieldName");
/// assert_eq!(name.to_string(), "properties.fields[2].fieldName");
///
/// let display_name = properties.member("displayName");
/// let key = "it's";
/// assert_eq!(display_name.key(&key).to_string(), r"properties.displayName['it\'s']");
/// assert_eq!(root.to_string(), "");
/// ```
#[derive(Clone, Copy)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Segment<'a>,
}

#[derive(Clone, Copy)]
enum Segment<'a> {
    Root,
    Member(&'a str),
    /// A member whose name the derive checked to be plain when it expanded.
    PlainMember(&'a str),
    Index(usize),
    Key(&'a dyn Display),
}

impl Path<'static> {
    /// The whole body: its target is the empty string.
    pub const fn root() -> Self {
        Path { parent: None, segment: Segment::Root }
    }
}

impl<'a> Path<'a> {
    /// An object member, written `.name` after its parent (no dot at the root).
    #[must_use]
    pub const fn member(&'a self, name: &'a str) -> Path<'a> {
        self.child(Segment::Member(name))
    }

    /// A member whose name is plain (see `is_plain`): for generated code, which checks the names
    /// when it expands; `member` for any other.
    #[must_use]
    pub(crate) const fn plain_member(&'a self, name: &'a str) -> Path<'a> {
        self.child(Segment::PlainMember(name))
    }

    /// An array item (or a tuple field), written `[index]`.
    #[must_use]
    pub const fn index(&'a self, index: usize) -> Path<'a> {
        self.child(Segment::Index(index))
    }

    /// A map entry, written `['key']` with `'` and `\` escaped by a backslash.
    #[must_use]
    pub const fn key(&'a self, key: &'a dyn Display) -> Path<'a> {
        self.child(Segment::Key(key))
    }

    const fn child(&'a self, segment: Segment<'a>) -> Path<'a> {
        Path { parent: Some(self), segment }
    }

    /// The target as it goes on the wire: at most [`MAX_TARGET_CHARS`] characters, a longer one
    /// is cut and ends with `…`.
    pub fn target(&self) -> String {
        let mut out = String::with_capacity(TYPICAL_TARGET_BYTES);
        // Writing into a String cannot fail.
        let _ = self.write(&mut out);
        text::cut_to(out, MAX_TARGET_CHARS)
    }

    /// The same as [`Path::target`] with a relative member path (from [`RuleError::at`]) appended.
    ///
    /// [`RuleError::at`]: crate::RuleError::at
    pub(crate) fn target_with(&self, relative: Option<&str>) -> String {
        let mut out = String::with_capacity(TYPICAL_TARGET_BYTES);
        let _ = self.write(&mut out);
        if let Some(relative) = relative.filter(|relative| !relative.is_empty()) {
            if !out.is_empty() && !relative.starts_with('[') {
                out.push('.');
            }
            out.push_str(relative);
        }
        text::cut_to(out, MAX_TARGET_CHARS)
    }

    fn write(&self, out: &mut String) -> fmt::Result {
        if let Some(parent) = self.parent {
            parent.write(out)?;
        }
        match self.segment {
            Segment::Root => Ok(()),
            // An empty name is a member all the same (`{"": …}`): written as a key, `['']`,
            // since `.` followed by nothing would name no member.
            Segment::Member("") | Segment::PlainMember("") => write_key(out, &""),
            // Names the derive proved plain skip `is_plain`: `properties.fields[2].fieldName` in 40 ns vs
            // 49 ns through `Member` (benches/benches/tricks.rs, 2026-11-30).
            Segment::PlainMember(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
                Ok(())
            }
            Segment::Member(name) if is_plain(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
                Ok(())
            }
            // A name from the request (an unknown property) may hold `.`, `[` or invisible
            // characters: written as a key, the target stays unambiguous and readable.
            Segment::Member(name) => write_key(out, &name),
            Segment::Index(index) => {
                out.push('[');
                text::push_decimal(out, index);
                out.push(']');
                Ok(())
            }
            Segment::Key(key) => write_key(out, key),
        }
    }

    /// The name of the member the path ends at (the empty name at the root), or `None` when it
    /// ends at an item or a map entry.
    pub(crate) fn last_member(&self) -> Option<&str> {
        match self.segment {
            Segment::Member(name) | Segment::PlainMember(name) => Some(name),
            Segment::Root => Some(""),
            Segment::Index(_) | Segment::Key(_) => None,
        }
    }

    /// The last member name of the path, for messages such as "The property 'x' is required.".
    pub(crate) fn last_name(&self) -> String {
        match self.segment {
            // The empty name too: "The property '' is required."
            Segment::Member(name) | Segment::PlainMember(name) => name.to_owned(),
            Segment::Root => String::new(),
            Segment::Index(_) | Segment::Key(_) => self.target(),
        }
    }
}

/// Where a rule's violation goes: a [`Path`] (`&Path`, `&&Path`), a function that makes one, or
/// a [`Below`]; the path of the last two is made only when a violation is recorded.
///
/// Derived code gives the rules that yield one error (`required`, `length`, `range`, …) a
/// [`Below`]: a field whose rules pass writes no path, which for a one-compare rule is most of its
/// cost (see [`Below`]). Rules that record their own violations (`each`, `keys`, `unique`,
/// `localized`) are given the field's path, made when they run. Hand-written code passes a
/// `&Path`. Implemented here only (the trait is sealed).
///
/// ```
/// use validate_core::rules::required;
/// use validate_core::{Failure, Path};
///
/// let root = Path::root();
/// let missing: Option<u32> = None;
/// // A path made beforehand, or made only on failure: the same error.
/// let eager = required::check(&missing, &root.member("hub")).map_err(Failure::error);
/// let lazy = required::check(&missing, || root.member("hub")).map_err(Failure::error);
/// assert_eq!(eager, lazy);
/// assert_eq!(lazy.unwrap_err().message(), "The property 'hub' is required.");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a place a violation can be recorded at",
    label = "expected a `&Path`, a `Below` or a closure returning a `Path`",
    note = "build one with `Path::root().member(\"name\")` and pass a reference to it"
)]
pub trait At: Copy + sealed::Sealed {
    /// Calls `f` with the path.
    fn with<R>(self, f: impl FnOnce(&Path<'_>) -> R) -> R;
}

mod sealed {
    /// Keeps [`At`](super::At) to the impls of this module, so that it can grow.
    pub trait Sealed {}
    impl Sealed for &super::Path<'_> {}
    impl Sealed for &&super::Path<'_> {}
    impl<'a, F: Fn() -> super::Path<'a> + Copy> Sealed for F {}
    impl<A: super::At> Sealed for super::Below<'_, A> {}
}

impl At for &&Path<'_> {
    #[inline]
    fn with<R>(self, f: impl FnOnce(&Path<'_>) -> R) -> R {
        f(self)
    }
}

impl At for &Path<'_> {
    #[inline]
    fn with<R>(self, f: impl FnOnce(&Path<'_>) -> R) -> R {
        f(self)
    }
}

impl<'a, F: Fn() -> Path<'a> + Copy> At for F {
    #[inline]
    fn with<R>(self, f: impl FnOnce(&Path<'_>) -> R) -> R {
        f(&self())
    }
}

/// A place below another one ([`At`]), whose path is made only when a violation is recorded
/// there: what derived code, the sequences' [`Validate`](crate::Validate) impls and
/// [`Each`](crate::rules::each::Each) pass down, so that a valid item of a `Vec` writes no path
/// either (`benches/benches/plain.rs`, 100 items: 2.54 → 1.64 × the hand-written check,
/// 2026-12-01).
///
/// ```
/// use validate_core::path::{At, Below, Path};
///
/// let root = Path::root();
/// let fields = root.member("fields");
/// let name = Below::member(Below::index(&fields, 2), "fieldName");
/// assert_eq!(name.with(|path| path.target()), "fields[2].fieldName");
/// assert_eq!(Below::key(&root, &"en-us").with(|path| path.target()), "['en-us']");
/// assert_eq!(format!("{name:?}"), r#"Path("fields[2].fieldName")"#);
/// ```
#[derive(Clone, Copy)]
pub struct Below<'a, A> {
    parent: A,
    segment: Segment<'a>,
}

impl<'a, A: At> Below<'a, A> {
    /// The member `name` of `parent`.
    #[inline]
    pub const fn member(parent: A, name: &'a str) -> Self {
        Below { parent, segment: Segment::Member(name) }
    }

    /// A member whose name the derive checked to be plain (see [`Path::plain_member`]).
    #[inline]
    pub(crate) const fn plain_member(parent: A, name: &'a str) -> Self {
        Below { parent, segment: Segment::PlainMember(name) }
    }

    /// The item `index` of `parent`.
    #[inline]
    pub const fn index(parent: A, index: usize) -> Self {
        Below { parent, segment: Segment::Index(index) }
    }

    /// The map entry `key` of `parent`.
    #[inline]
    pub const fn key(parent: A, key: &'a dyn Display) -> Self {
        Below { parent, segment: Segment::Key(key) }
    }
}

impl<A: At> fmt::Debug for Below<'_, A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.with(|path| fmt::Debug::fmt(path, f))
    }
}

impl<A: At> At for Below<'_, A> {
    #[inline]
    fn with<R>(self, f: impl FnOnce(&Path<'_>) -> R) -> R {
        self.parent.with(|parent| f(&parent.child(self.segment)))
    }
}

/// Whether a member name can follow a `.` as it is: letters, digits, `_`, `-`, `$` and `@`.
/// The derive holds its own copy of this rule, for `plain_member`.
pub(crate) fn is_plain(name: &str) -> bool {
    let plain_ascii = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'$' | b'@');
    // Wire names are ASCII nearly always: a byte test settles them.
    name.bytes().all(plain_ascii)
        || (!name.is_ascii() && name.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '$' | '@')))
}

/// `['key']`, with `'` and `\` escaped and invisible characters written as `\u{…}`.
fn write_key(out: &mut String, key: &dyn Display) -> fmt::Result {
    out.push_str("['");
    write!(text::KeyEscaper(out), "{key}")?;
    out.push_str("']");
    Ok(())
}

impl Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.target())
    }
}

impl fmt::Debug for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Path").field(&self.target()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of place records at the same target: a path, a reference to one (as a
    /// hand-written impl holding `&Path` writes `out.record(&at, …)`), a function, a `Below`.
    #[test]
    fn every_kind_of_place_records_at_the_same_target() {
        use crate::{RuleError, Violations};
        let root = Path::root();
        let fields = root.member("fields");
        let item = fields.index(1);
        let at = &item;
        let mut out = Violations::new();
        out.record(&item, Err(RuleError::invalid("a")));
        #[allow(clippy::needless_borrows_for_generic_args, reason = "the `&&Path` a hand-written impl passes")]
        out.record(&at, Err(RuleError::invalid("b")));
        out.record(|| fields.index(1), Err(RuleError::invalid("c")));
        out.record(Below::index(&fields, 1), Err(RuleError::invalid("d")));
        out.record_failure(Below::index(&fields, 1), || RuleError::invalid("e"));
        let targets: Vec<_> = out.iter().map(|v| v.target().to_owned()).collect();
        assert_eq!(targets, ["fields[1]"; 5]);
    }

    #[test]
    fn members_indexes_and_keys_join_as_on_the_wire() {
        let root = Path::root();
        let a = root.member("a");
        let item = a.index(0);
        let key = r"x'\y";
        let entry = item.key(&key);
        assert_eq!(entry.target(), r"a[0]['x\'\\y']");
        assert_eq!(root.index(3).target(), "[3]");
        assert_eq!(root.key(&"k").target(), "['k']");
    }

    #[test]
    fn members_that_are_not_plain_names_are_written_as_keys() {
        let root = Path::root();
        let p = root.member("properties");
        assert_eq!(p.member("a.b").target(), "properties['a.b']");
        assert_eq!(p.member("x\u{0}").target(), r"properties['x\u{0}']");
        assert_eq!(p.member("it's").target(), r"properties['it\'s']");
        assert_eq!(p.member("api-version").target(), "properties.api-version");
        assert_eq!(root.member("名前").target(), "名前");
    }

    #[test]
    fn an_empty_member_name_is_written_as_a_key() {
        let root = Path::root();
        let empty = root.member("");
        assert_eq!(empty.target(), "['']");
        assert_eq!(empty.member("b").target(), "[''].b");
        assert_eq!(root.member("inner").member("").target(), "inner['']");
        assert_eq!(root.member("inner").plain_member("").target(), "inner['']");
        assert_eq!(root.plain_member("").target(), "['']");
        assert_eq!(empty.last_name(), "");
        // `RuleError::at("")` still points at the value itself.
        assert_eq!(root.member("inner").target_with(Some("")), "inner");
    }

    #[test]
    fn relative_members_are_appended() {
        let root = Path::root();
        let p = root.member("properties");
        assert_eq!(p.target_with(Some("end")), "properties.end");
        assert_eq!(p.target_with(Some("[1]")), "properties[1]");
        assert_eq!(root.target_with(Some("end")), "end");
        assert_eq!(p.target_with(None), "properties");
    }

    #[test]
    fn long_targets_are_cut_to_a_prefix() {
        let root = Path::root();
        let long = "k".repeat(2_000);
        let target = root.key(&long.as_str()).target();
        assert_eq!(target.chars().count(), MAX_TARGET_CHARS);
        assert!(target.ends_with('…'));
        assert!(format!("['{long}']").starts_with(target.trim_end_matches('…')));
    }

    #[test]
    fn control_characters_in_keys_are_escaped() {
        let root = Path::root();
        let key = "a\u{0}\u{202e}b";
        assert_eq!(root.key(&key).target(), r"['a\u{0}\u{202e}b']");
    }

    #[test]
    fn last_name_is_the_last_member() {
        let root = Path::root();
        let p = root.member("properties");
        let q = p.member("profileType");
        assert_eq!(q.last_name(), "profileType");
        assert_eq!(p.index(1).last_name(), "properties[1]");
    }
}
