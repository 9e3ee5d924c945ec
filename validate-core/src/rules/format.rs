//! `format(…)`: named formats of strings.
//!
//! | keyword | accepts | name (AutoRest's `format`) |
//! |---|---|---|
//! | `uuid` | a GUID: 8-4-4-4-12 hexadecimal digits, any case | `uuid` |
//! | `date_time` | an RFC 3339 date-time: `2027-06-30T23:59:59Z`, a real date, an offset | `date-time` |
//! | `date` | an RFC 3339 full-date: `2027-06-30`, a real date | `date` |
//! | `duration` | an ISO 8601 duration: `P1Y2M3DT4H5M6.5S`, `PT0S`, `P2W` | `duration` |
//! | `date_time_rfc1123` | `Sun, 06 Nov 1994 08:49:37 GMT` exactly, a real date on its weekday | `date-time-rfc1123` |
//! | `uri` | an RFC 3986 URI with a scheme: `https://example.com/a?b#c`, `urn:isbn:0451450523` | `uri` |
//! | `arm_id` | an Azure resource ID: `/subscriptions/{guid}/resourceGroups/{name}/providers/Microsoft.Web/sites/{name}` | `arm-id` |
//! | `email` | an email address as HTML forms take it, within SMTP's lengths: `user@example.com` | `email` |
//! | `ip`, `ipv4`, `ipv6` | an IP address as Rust's standard library reads it: `192.0.2.1`, `2001:db8::1` | `ip`, `ipv4`, `ipv6` |
//! | `base64` | RFC 4648 base64 with padding: `SGk=` | `byte` |
//! | `base64url` | RFC 4648 base64url without padding: `SGk_` | `base64url` |
//!
//! Each function below says precisely what it accepts and refuses; its `is_…` predicate gives
//! the same answer as a `bool`. None allocates on a valid value (`arm_id` compiles the regular
//! expression of resource group names once, on first use). The name is what the message's
//! `format` parameter says, in `additionalInfo` too: the `format` an AutoRest (Swagger 2.0)
//! schema gives the property (`ip` has none there). A refused value is echoed as every message
//! echoes one ([`echo`]); `arm_id` also names the part that is wrong
//! ([`Message::InvalidArmId`]).
//!
//! ```
//! use validate_core::Validate;
//!
//! #[derive(Validate)]
//! struct Subscription {
//!     #[validate(format(uuid))]
//!     id: String,
//!     #[validate(format(date_time))]
//!     expires: Option<String>,
//!     #[validate(format(arm_id))]
//!     scope: String,
//!     #[validate(format(uri))]
//!     callback: String,
//!     #[validate(format(duration))]
//!     grace: String,
//! }
//!
//! let ok = Subscription {
//!     id: "6E0B3A2C-1f2d-4e5f-8a9b-0c1d2e3f4a5b".into(),
//!     expires: Some("2027-06-30T23:59:59Z".into()),
//!     scope: "/subscriptions/6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b/resourceGroups/contoso-rg".into(),
//!     callback: "https://contoso.example/hooks?id=7".into(),
//!     grace: "P1DT12H".into(),
//! };
//! assert!(ok.validate().is_ok());
//!
//! let bad = Subscription {
//!     id: "6e0b3a2c".into(),
//!     expires: Some("2027-02-30T00:00:00Z".into()),
//!     scope: "/subscriptions/6e0b3a2c/resourceGroups/contoso-rg".into(),
//!     callback: "contoso.example/hooks".into(),
//!     grace: "P1H".into(),
//! };
//! let found: Vec<_> = bad.validate().unwrap_err().iter().map(|v| v.message().to_owned()).collect();
//! assert_eq!(found, [
//!     "The value '6e0b3a2c' is not a GUID (8-4-4-4-12 hexadecimal digits).",
//!     "The value '2027-02-30T00:00:00Z' is not an RFC 3339 date-time such as '2027-06-30T23:59:59Z'.",
//!     "The value '/subscriptions/6e0b3a2c/resourceGroups/contoso-rg' is not an Azure resource ID: \
//!      the subscription '6e0b3a2c' is not a GUID.",
//!     "The value 'contoso.example/hooks' is not an absolute URI such as 'https://example.com/path'.",
//!     "The value 'P1H' is not an ISO 8601 duration such as 'P1DT12H' or 'PT30M'.",
//! ]);
//! ```

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use time::{Date, Month};

use crate::Failure;
use crate::RuleError;
use crate::message::{ArmIdPart, ArmIdProblem, Format, Message};
use crate::rules::AsText;
use crate::rules::pattern::Pattern;
use crate::text::{echo, needs_escape};

/// The ARM code of a string that is not in its named format.
pub const CODE: &str = "InvalidFormat";

/// The error for `text`, not in `format`.
#[cold]
fn invalid(format: Format, text: &str) -> RuleError {
    RuleError::new(CODE, Message::InvalidFormat { format, value: echo(text) })
}

/// Fails with `InvalidFormat` in `format` when the value is text that `is` refuses.
#[inline]
fn check<T: AsText + ?Sized>(value: &T, format: Format, is: fn(&str) -> bool) -> Result<(), impl Failure> {
    match value.as_text() {
        Some(text) if !is(text) => Err(move || invalid(format, text)),
        _ => Ok(()),
    }
}

/// Fails with `InvalidFormat` unless the text is a GUID: `8-4-4-4-12` hexadecimal digits in any case.
pub fn uuid<T: AsText + ?Sized>(value: &T) -> Result<(), impl Failure> {
    check(value, Format::Guid, is_uuid)
}

/// Fails with `InvalidFormat` unless the text is an RFC 3339 date-time (a real date, an offset).
pub fn date_time<T: AsText + ?Sized>(value: &T) -> Result<(), impl Failure> {
    check(value, Format::DateTime, is_date_time)
}

/// Fails with `InvalidFormat` unless the text is an RFC 3339 full-date: see [`is_date`].
pub fn date<T: AsText + ?Sized>(value: &T) -> Result<(), impl Failure> {
    check(value, Format::Date, is_date)
}

/// Fails with `InvalidFormat` unless the text is an ISO 8601 duration: see [`is_duration`].
pub fn duration<T: AsText + ?Sized>(value: &T) -> Result<(), impl Failure> {
    check(value, Format::Duration, is_duration)
}

/// Fails with `InvalidFormat` unless the text is an RFC 1123 date-time in GMT: see
/// [`is_date_time_rfc1123`].
pub fn date_time_rfc1123<T: AsText + ?Sized>(value: &T) -> Result<(), impl Failure> {
    check(value, Format::DateTimeRfc1123, is_date_time_rfc1123)
}

/// Fails with `InvalidFormat` unless the text is an RFC 3986 URI with a scheme: see [`is_uri`].
pub fn uri<T: AsText + ?Sized>(value: &T) -> Result<(), impl Failure> {
    check(value, Format::Uri, is_uri)
}

/// Fails with `InvalidFormat` unless the text is an email address: see [`is_email`].
pub fn email<T: AsText + ?Sized>(value: &T) -> Result<(), impl Failure> {
    check(value, Format::Email, is_email)
}

/// Fails with `InvalidFormat` unless the text is an IPv4 or IPv6 address: see [`is_ip`].
pub fn ip<T: AsText + ?Sized>(value: &T) -> Result<(), impl Failure> {
    check(value, Format::Ip, is_ip)
}

/// Fails with `InvalidFormat` unless the text is an IPv4 address: see [`is_ipv4`].
pub fn ipv4<T: AsText + ?Sized>(value: &T) -> Result<(), impl Failure> {
    check(value, Format::Ipv4, is_ipv4)
}

/// Fails with `InvalidFormat` unless the text is an IPv6 address: see [`is_ipv6`].
pub fn ipv6<T: AsText + ?Sized>(value: &T) -> Result<(), impl Failure> {
    check(value, Format::Ipv6, is_ipv6)
}

/// Fails with `InvalidFormat` unless the text is base64 with padding: see [`is_base64`].
pub fn base64<T: AsText + ?Sized>(value: &T) -> Result<(), impl Failure> {
    check(value, Format::Base64, is_base64)
}

/// Fails with `InvalidFormat` unless the text is base64url without padding: see
/// [`is_base64url`].
pub fn base64url<T: AsText + ?Sized>(value: &T) -> Result<(), impl Failure> {
    check(value, Format::Base64Url, is_base64url)
}

/// Fails with `InvalidFormat` unless the text is an Azure resource ID (see [`is_arm_id`]); the
/// message ([`Message::InvalidArmId`]) says which part is wrong.
pub fn arm_id<T: AsText + ?Sized>(value: &T) -> Result<(), impl Failure> {
    match value.as_text().map(|text| (text, arm_id_fault(text))) {
        Some((text, Err(fault))) => Err(move || invalid_arm_id(text, &fault)),
        _ => Ok(()),
    }
}

/// Whether `text` is a GUID: `8-4-4-4-12` hexadecimal digits, any case.
///
/// ```
/// use validate_core::rules::format::is_uuid;
///
/// assert!(is_uuid("00000000-0000-0000-0000-00000000000A"));
/// assert!(!is_uuid("{00000000-0000-0000-0000-000000000000}"));
/// ```
pub fn is_uuid(text: &str) -> bool {
    // Byte by byte at fixed places: splitting at `-` first cost 50 ns a GUID against 30 ns now
    // (the hand-written check: 26 ns; rules bench, 2026-12-01).
    let bytes = text.as_bytes();
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, &byte)| match i {
            8 | 13 | 18 | 23 => byte == b'-',
            _ => byte.is_ascii_hexdigit(),
        })
}

/// Whether `text` is an RFC 3339 date-time: `2027-06-30T23:59:59Z`, `t` and `z` in any case,
/// a fraction of a second of any number of digits, a numeric offset to ±23:59, a real date
/// (`2023-02-29` is not one), hours 00–23, minutes and seconds 00–59, and the leap second `:60`
/// where one can be: 23:59 in UTC on the last day of a month (`2016-12-31T23:59:60Z`,
/// `2017-01-01T08:59:60+09:00`). Refused: a space or anything else for the `T`, a missing offset,
/// white space around.
///
/// ```
/// use validate_core::rules::format::is_date_time;
///
/// assert!(is_date_time("2027-06-30T23:59:59.5+02:00") && is_date_time("2016-12-31T23:59:60Z"));
/// assert!(!is_date_time("2027-06-30X23:59:59Z") && !is_date_time("2016-12-30T23:59:60Z"));
/// ```
pub fn is_date_time(text: &str) -> bool {
    // Read by hand, as the other formats here are, and tested against the `time` crate's RFC 3339
    // parser, which accepts the same texts (and any byte for the `T`) but builds the whole
    // date-time on the way: through it the rule cost 1.39 – 1.46 × a hand-written check on valid
    // input, read here 1.10 – 1.15 × (`benches/benches/rules.rs`, three alternated runs,
    // 2026-12-02; 1.59 – 1.72 × through `time` in an earlier window).
    let Some((date, rest)) = text.as_bytes().split_first_chunk::<10>() else { return false };
    let Some(([b'T' | b't', h1, h2, b':', m1, m2, b':', s1, s2], rest)) = rest.split_first_chunk::<9>() else {
        return false;
    };
    let (Some(date), Some(hour), Some(minute), Some(second), Some(offset)) =
        (full_date(date), number(&[*h1, *h2]), number(&[*m1, *m2]), number(&[*s1, *s2]), offset(rest))
    else {
        return false;
    };
    clock(date, (hour, minute, second), offset)
}

/// Whether `hour:minute:second` is a time of `date` at `offset` (minutes east of UTC): hours 00–23,
/// minutes and seconds 00–59, and the second `:60` where a leap second can be.
// Inlined: called from two readers, it was kept out of line, and `format(date_time)` cost 1.19 – 1.23 ×
// its hand-written check against 1.13 – 1.15 × inline (`benches/benches/rules.rs`, two alternated runs, 2026-12-02).
#[inline]
fn clock(date: Date, (hour, minute, second): (u16, u16, u16), offset: i32) -> bool {
    hour < 24 && minute < 60 && (second < 60 || second == 60 && leap_second(date, hour * 60 + minute, offset))
}

/// The offset, in minutes east of UTC, that ends a date-time after its seconds: an optional
/// fraction (`.` and at least one digit), then `Z` or `±hh:mm` to ±23:59, and nothing after.
fn offset(rest: &[u8]) -> Option<i32> {
    let rest = match rest {
        [b'.', fraction @ ..] => {
            let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
            fraction.get(digits..).filter(|_| digits > 0)?
        }
        _ => rest,
    };
    match *rest {
        [b'Z' | b'z'] => Some(0),
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let hours = number(&[h1, h2]).filter(|&hours| hours < 24)?;
            let minutes = number(&[m1, m2]).filter(|&minutes| minutes < 60)?;
            let east = i32::from(hours * 60 + minutes);
            Some(if sign == b'-' { -east } else { east })
        }
        _ => None,
    }
}

/// Whether the second `:60` can follow the minute `minute_of_day` of `date` at `offset`: when that
/// minute is 23:59 in UTC on the last day of a month. No table of leap seconds: a text cannot be
/// told from a real one by its form, and the `time` crate reads RFC 3339 the same way.
fn leap_second(date: Date, minute_of_day: u16, offset: i32) -> bool {
    match i32::from(minute_of_day) - offset {
        // 23:59 in UTC on this day.
        1439 => date.day() == date.month().length(date.year()),
        // 23:59 in UTC on the day before, the last of a month when this is the first of one.
        -1 => date.day() == 1,
        _ => false,
    }
}

/// Whether `text` is an RFC 3339 full-date: `YYYY-MM-DD`, exactly ten ASCII characters, a real
/// date of the proleptic Gregorian calendar (`0000-01-01` to `9999-12-31`; `2023-02-29` is not
/// one). Nothing before or after it: no time, no offset, no white space.
///
/// ```
/// use validate_core::rules::format::is_date;
///
/// assert!(is_date("2024-02-29"));
/// assert!(!is_date("2023-02-29"));
/// assert!(!is_date("2027-6-30"));
/// ```
pub fn is_date(text: &str) -> bool {
    text.as_bytes().try_into().ok().and_then(full_date).is_some()
}

/// The date `bytes` write as `YYYY-MM-DD`, if they do and it is a real one.
fn full_date(bytes: &[u8; 10]) -> Option<Date> {
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *bytes else { return None };
    calendar_date(number(&[y1, y2, y3, y4])?, number(&[m1, m2])?, number(&[d1, d2])?)
}

/// The number written by `digits`, ASCII digits only (no sign, no space).
fn number(digits: &[u8]) -> Option<u16> {
    digits.iter().try_fold(0_u16, |n, &b| b.is_ascii_digit().then(|| n * 10 + u16::from(b - b'0')))
}

/// The date of `year`, `month` (1–12) and `day`, if there is one.
fn calendar_date(year: u16, month: u16, day: u16) -> Option<Date> {
    let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
    Date::from_calendar_date(i32::from(year), month, u8::try_from(day).ok()?).ok()
}

/// Whether `text` is an ISO 8601 duration in the format with designators:
/// `P[nY][nM][nD][T[nH][nM][nS]]` or `PnW`.
///
/// Accepted: the designators in that order, each at most once, at least one component, and one
/// after `T` when there is a `T`; any number of digits in each; a fraction (`.` then digits)
/// on the last component only (`PT1.5H`, `P0.5D`); weeks alone (`P2W`), as ISO 8601-1 has
/// them. Refused: `P`, `PT`, `P1DT`, a designator out of place (`P1S`, `PT1D`, `P1M1Y`),
/// repeated (`PT1H1H`) or without its number (`PYT1H`), a sign (`-P1D`, `+P1D`), lowercase
/// letters, a fraction elsewhere (`P1.5DT1H`) or with a comma (`PT0,5S`: ISO allows it, JSON
/// APIs and XML Schema write `.`), a fraction without digits on either side (`PT.5S`,
/// `PT1.S`), weeks with other components (`P1W2D`), the alternative format
/// (`P0001-02-03T04:05:06`) and white space anywhere.
///
/// ```
/// use validate_core::rules::format::is_duration;
///
/// assert!(is_duration("P1Y2M3DT4H5M6.5S") && is_duration("PT0S") && is_duration("P2W"));
/// assert!(!is_duration("P") && !is_duration("PT") && !is_duration("P1S") && !is_duration("PT1D"));
/// ```
pub fn is_duration(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('P') else { return false };
    let (date, time) = match rest.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (rest, None),
    };
    let Some(date) = components(date, b"YMWD") else { return false };
    let time = match time.map(|time| components(time, b"HMS")) {
        None => Components::default(),
        Some(Some(time)) if time.count > 0 => time,
        Some(_) => return false,
    };
    let weeks_alone = !date.weeks || (date.count == 1 && time.count == 0);
    let fraction_last = !date.fraction || time.count == 0;
    date.count + time.count > 0 && weeks_alone && fraction_last
}

/// What [`components`] found in one part of a duration.
#[derive(Default)]
struct Components {
    count: usize,
    /// Whether the last component has a fraction.
    fraction: bool,
    /// Whether a `W` was among them.
    weeks: bool,
}

/// The components of one part of a duration (`3D`, `4.5H`): each digits, a fraction only on the
/// last, then a designator of `order`, in that order, each at most once. `None` when the part is
/// not that.
fn components(part: &str, order: &[u8]) -> Option<Components> {
    let mut found = Components::default();
    let mut rest = part.as_bytes();
    let mut allowed = order;
    while !rest.is_empty() {
        if found.fraction {
            return None;
        }
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        rest = &rest[digits..];
        if let [b'.', tail @ ..] = rest {
            let decimals = tail.iter().take_while(|b| b.is_ascii_digit()).count();
            if decimals == 0 {
                return None;
            }
            rest = &tail[decimals..];
            found.fraction = true;
        }
        let (&designator, tail) = rest.split_first()?;
        let at = allowed.iter().position(|&d| d == designator)?;
        allowed = &allowed[at + 1..];
        rest = tail;
        found.count += 1;
        found.weeks |= designator == b'W';
    }
    Some(found)
}

/// Whether `text` is an HTTP date as RFC 1123 (and RFC 9110's IMF-fixdate) writes it:
/// `Sun, 06 Nov 1994 08:49:37 GMT`, exactly 29 characters in that shape.
///
/// Accepted: the weekday and month as three letters, in that case (`Mon` … `Sun`, `Jan` …
/// `Dec`), a two-digit day, a four-digit year, `GMT`; a real date (`0000` to `9999`) whose
/// weekday is the one written; hours 00–23, minutes and seconds 00–59, and the leap second
/// `23:59:60` on the last day of a month (as `format(date_time)` takes it). Refused: another
/// case (`sun`, `NOV`, `gmt`), a one-digit day, a two-digit year, another zone (`UTC`, `+0000`),
/// a missing weekday or comma, the obsolete RFC 850 and asctime forms, and white space around.
///
/// ```
/// use validate_core::rules::format::is_date_time_rfc1123;
///
/// assert!(is_date_time_rfc1123("Sun, 06 Nov 1994 08:49:37 GMT"));
/// assert!(!is_date_time_rfc1123("Mon, 06 Nov 1994 08:49:37 GMT")); // a Sunday
/// ```
pub fn is_date_time_rfc1123(text: &str) -> bool {
    const WEEKDAYS: [&[u8]; 7] = [b"Mon", b"Tue", b"Wed", b"Thu", b"Fri", b"Sat", b"Sun"];
    const MONTHS: [&[u8]; 12] =
        [b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec"];
    let bytes = text.as_bytes();
    if bytes.len() != 29 || &bytes[3..5] != b", " || &bytes[25..] != b" GMT" {
        return false;
    }
    let spaced = bytes[7] == b' ' && bytes[11] == b' ' && bytes[16] == b' ';
    let timed = bytes[19] == b':' && bytes[22] == b':';
    let weekday = WEEKDAYS.iter().position(|day| *day == &bytes[..3]);
    let month = MONTHS.iter().position(|month| *month == &bytes[8..11]).and_then(|m| u16::try_from(m + 1).ok());
    let fields = (number(&bytes[5..7]), number(&bytes[12..16]), number(&bytes[17..19]), number(&bytes[20..22]));
    let (Some(weekday), Some(month), (Some(day), Some(year), Some(hour), Some(minute)), Some(second)) =
        (weekday, month, fields, number(&bytes[23..25]))
    else {
        return false;
    };
    let Some(date) = calendar_date(year, month, day).filter(|_| spaced && timed) else { return false };
    clock(date, (hour, minute, second), 0) && usize::from(date.weekday().number_days_from_monday()) == weekday
}

/// Whether `text` is a URI as RFC 3986 defines it (its `URI` rule): a scheme, `:`, then the
/// rest, with a fragment allowed: `https://example.com/a?b=c#d`, `urn:isbn:0451450523`,
/// `mailto:user@example.com`, `http://[2001:db8::1]:8080/`.
///
/// Refused: a relative reference (`//example.com/a`, `/a`, `a/b`), a scheme that does not start
/// with a letter, anything outside RFC 3986's characters (white space, control characters,
/// non-ASCII: an IRI must be percent-encoded, `https://例え.jp` is refused), a `%` not followed by
/// two hexadecimal digits, a malformed IP literal (`http://[::1/`) or port (`http://a:b/`).
///
/// ```
/// use validate_core::rules::format::is_uri;
///
/// assert!(is_uri("https://example.com/a?b=c#d") && is_uri("urn:isbn:0451450523"));
/// assert!(!is_uri("example.com/a") && !is_uri("https://example.com/a b"));
/// ```
pub fn is_uri(text: &str) -> bool {
    // `fluent-uri` implements RFC 3986's grammar, and parses a `&str` without allocating. The
    // `url` crate was the other candidate (already in the tree under `validator`): it follows
    // the WHATWG URL standard, which repairs what it reads (trims spaces and control
    // characters at the ends, drops tabs and line breaks, percent-encodes spaces and non-ASCII),
    // so that `" https://a b "` reads as a URL; a format check must refuse what RFC 3986 does.
    fluent_uri::Uri::parse(text).is_ok()
}

/// Whether `text` is an email address as HTML forms take it (the WHATWG HTML standard's "valid
/// email address"), within SMTP's lengths (RFC 5321): a local part of 1 to 64 characters among
/// ASCII letters, digits and ``.!#$%&'*+/=?^_`{|}~-``, `@`, then a domain of labels joined by
/// `.`, each 1 to 63 ASCII letters, digits and `-`, not starting or ending with `-`; 254
/// characters in all.
///
/// Like HTML, and unlike RFC 5322, it refuses quoted local parts (`"a b"@example.com`),
/// comments, IP literals (`user@[192.0.2.1]`), and non-ASCII (internationalized addresses and
/// domains: `user@bücher.example` must be written `user@xn--bcher-kva.example`); it accepts a
/// domain of one label (`user@localhost`) and dots anywhere in the local part
/// (`.a..b.@example.com`).
///
/// ```
/// use validate_core::rules::format::is_email;
///
/// assert!(is_email("first.last+tag@example.co.uk"));
/// assert!(!is_email("first last@example.com") && !is_email("user@-example.com"));
/// ```
pub fn is_email(text: &str) -> bool {
    const LOCAL: &[u8] = b".!#$%&'*+/=?^_`{|}~-";
    let Some((local, domain)) = text.split_once('@') else { return false };
    let local_ok =
        (1..=64).contains(&local.len()) && local.bytes().all(|b| b.is_ascii_alphanumeric() || LOCAL.contains(&b));
    text.len() <= 254 && local_ok && domain.split('.').all(is_label)
}

/// A label of a domain name: 1 to 63 ASCII letters, digits and `-`, not starting or ending
/// with `-`.
fn is_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    (1..=63).contains(&bytes.len())
        && bytes.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-')
        && bytes.first() != Some(&b'-')
        && bytes.last() != Some(&b'-')
}

/// Whether `text` is an IPv4 or an IPv6 address: [`is_ipv4`] or [`is_ipv6`].
///
/// ```
/// use validate_core::rules::format::is_ip;
///
/// assert!(is_ip("192.0.2.1") && is_ip("2001:db8::1"));
/// assert!(!is_ip("192.0.2.1/24"));
/// ```
pub fn is_ip(text: &str) -> bool {
    text.parse::<IpAddr>().is_ok()
}

/// Whether `text` is an IPv4 address as Rust's [`Ipv4Addr`] reads it: four decimal numbers of
/// 0 to 255 joined by `.`, without leading zeros (`010.0.0.1` is refused: some readers take it
/// as octal), nothing around it (no port, no prefix length, no white space).
///
/// ```
/// use validate_core::rules::format::is_ipv4;
///
/// assert!(is_ipv4("192.0.2.1"));
/// assert!(!is_ipv4("192.0.2.01") && !is_ipv4("192.0.2") && !is_ipv4("256.0.0.1"));
/// ```
pub fn is_ipv4(text: &str) -> bool {
    text.parse::<Ipv4Addr>().is_ok()
}

/// Whether `text` is an IPv6 address as Rust's [`Ipv6Addr`] reads it: RFC 4291's text forms,
/// hexadecimal digits in any case, `::` once at most, a dotted IPv4 address at the end
/// allowed (`::ffff:192.0.2.1`); no zone (`fe80::1%eth0`), no brackets, no prefix length.
///
/// ```
/// use validate_core::rules::format::is_ipv6;
///
/// assert!(is_ipv6("2001:DB8::1") && is_ipv6("::ffff:192.0.2.1"));
/// assert!(!is_ipv6("fe80::1%eth0") && !is_ipv6("[::1]") && !is_ipv6("1::2::3"));
/// ```
pub fn is_ipv6(text: &str) -> bool {
    text.parse::<Ipv6Addr>().is_ok()
}

/// Whether `text` is base64 as RFC 4648 (section 4) writes it: the standard alphabet
/// (`A`–`Z`, `a`–`z`, `0`–`9`, `+`, `/`) in groups of four, the last one padded with `=` to
/// four; the empty text (no bytes) too.
///
/// Refused: the URL-safe `-` and `_`, missing or extra padding (`SGk`, `SGk==`), `=` anywhere
/// but at the end, line breaks and white space (RFC 4648 asks readers to refuse what is not in
/// the alphabet), and non-canonical encodings, whose unused bits before the padding are not
/// zero (`SGl=` for `SGk=`): an encoder never writes them, so they mark a damaged or hand-made
/// value, and decoding them back would not give the text sent (RFC 4648 section 3.5 lets readers
/// refuse them; the `base64` crate does by default, .NET's `Convert.FromBase64String` does not).
///
/// ```
/// use validate_core::rules::format::is_base64;
///
/// assert!(is_base64("SGk=") && is_base64("SGVsbG8h") && is_base64(""));
/// assert!(!is_base64("SGk") && !is_base64("SGl=") && !is_base64("SG k="));
/// ```
pub fn is_base64(text: &str) -> bool {
    let bytes = text.as_bytes();
    let padding = bytes.iter().rev().take_while(|&&b| b == b'=').count();
    bytes.len().is_multiple_of(4) && padding <= 2 && is_canonical(&bytes[..bytes.len() - padding], false)
}

/// Whether `text` is base64url as RFC 4648 (section 5) writes it and AutoRest sends it: the
/// URL-safe alphabet (`A`–`Z`, `a`–`z`, `0`–`9`, `-`, `_`), without padding; the empty text
/// too.
///
/// Refused: `+`, `/` and `=`, a length that no bytes encode to (`4n + 1` characters), white
/// space, and non-canonical encodings, whose unused last bits are not zero (as
/// [`is_base64`]).
///
/// ```
/// use validate_core::rules::format::is_base64url;
///
/// assert!(is_base64url("SGk_") && is_base64url("SGk") && is_base64url(""));
/// assert!(!is_base64url("SGk=") && !is_base64url("SGk/") && !is_base64url("SGl"));
/// ```
pub fn is_base64url(text: &str) -> bool {
    is_canonical(text.as_bytes(), true)
}

/// Whether `data`, base64 without its padding, is all in the alphabet (the URL-safe one when
/// `url`), of a length bytes encode to, with the unused bits of its last character zero.
///
/// Written out rather than taken from the `base64` crate: that crate checks a text only by
/// decoding it into a buffer (a `Vec`, or a slice as large as the output), and the rules run
/// without allocating; these twenty lines are the whole check.
fn is_canonical(data: &[u8], url: bool) -> bool {
    let mut last = 0;
    for &b in data {
        let sextet = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' if !url => 62,
            b'/' if !url => 63,
            b'-' if url => 62,
            b'_' if url => 63,
            _ => return false,
        };
        last = sextet;
    }
    // The last character of a group of two carries 4 unused bits; of a group of three, 2.
    match data.len() % 4 {
        0 => true,
        2 => last.trailing_zeros() >= 4,
        3 => last.trailing_zeros() >= 2,
        _ => false,
    }
}

/// Whether `text` is an Azure resource ID with each segment checked; [`arm_id`]'s message says
/// which part is wrong.
///
/// Accepted, with the keywords `subscriptions`, `resourceGroups` and `providers` in any case:
/// - `/subscriptions/{subscription}`, `/subscriptions/{subscription}/resourceGroups/{group}`;
/// - a resource in a resource group, a subscription or the tenant:
///   `/subscriptions/{subscription}/resourceGroups/{group}/providers/{namespace}/{type}/{name}`,
///   `/subscriptions/{subscription}/providers/{namespace}/{type}/{name}`,
///   `/providers/{namespace}/{type}/{name}`, each with child resources
///   (`…/{type}/{name}/{type}/{name}`) and extension resources
///   (`…/{name}/providers/{namespace}/{type}/{name}`: a `providers` segment where a child's type
///   would stand starts one).
///
/// The subscription is a GUID ([`is_uuid`]); a resource group's name has 1 to 90 characters
/// among Unicode letters and decimal digits (.NET's `char.IsLetterOrDigit`, which ARM uses),
/// `_`, `(`, `)`, `-` and `.`, and does not end with `.`; a namespace is two or more words of
/// ASCII letters and digits joined by `.` (`Microsoft.Web`, `84codes.CloudAMQP`); resource
/// types and names are any other segments, in complete pairs. Refused besides: no leading `/`,
/// an empty segment (`//`, a `/` at the end), white space, control characters and invisible
/// ones (bidirectional controls, zero-width spaces, …) anywhere.
/// A provider alone (`/subscriptions/{subscription}/providers/Microsoft.Web`) is not a
/// resource, and is refused.
///
/// ```
/// use validate_core::rules::format::is_arm_id;
///
/// assert!(is_arm_id(
///     "/subscriptions/6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b/resourcegroups/rg/providers/Microsoft.Web/sites/app"
/// ));
/// assert!(is_arm_id("/providers/Microsoft.Management/managementGroups/root"));
/// assert!(!is_arm_id("/subscriptions/6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b/resourceGroups/rg/"));
/// assert!(!is_arm_id("/providers/Microsoft.Web/sites"));
/// ```
pub fn is_arm_id(text: &str) -> bool {
    arm_id_fault(text).is_ok()
}

/// What is wrong with a resource ID, its segments borrowed until they are echoed.
#[derive(Debug, PartialEq)]
enum Fault<'a> {
    NotRooted,
    Character(char),
    EmptySegment,
    Unexpected(&'a str, &'static [&'static str]),
    Missing(ArmIdPart),
    NotGuid(&'a str),
    ResourceGroup(&'a str),
    Namespace(&'a str),
    MissingName(&'a str),
}

/// The error for `text`, a resource ID with `fault`.
#[cold]
fn invalid_arm_id(text: &str, fault: &Fault<'_>) -> RuleError {
    let problem = match *fault {
        Fault::NotRooted => ArmIdProblem::NotRooted,
        Fault::Character(c) => ArmIdProblem::InvalidCharacter { character: echo(c.encode_utf8(&mut [0; 4])) },
        Fault::EmptySegment => ArmIdProblem::EmptySegment,
        Fault::Unexpected(segment, expected) => ArmIdProblem::UnexpectedSegment { segment: echo(segment), expected },
        Fault::Missing(part) => ArmIdProblem::Missing { part },
        Fault::NotGuid(segment) => ArmIdProblem::SubscriptionNotGuid { segment: echo(segment) },
        Fault::ResourceGroup(segment) => ArmIdProblem::InvalidResourceGroup { segment: echo(segment) },
        Fault::Namespace(segment) => ArmIdProblem::InvalidNamespace { segment: echo(segment) },
        Fault::MissingName(segment) => ArmIdProblem::MissingName { segment: echo(segment) },
    };
    RuleError::new(CODE, Message::InvalidArmId { value: echo(text), problem })
}

/// Whether `segment` is the keyword `keyword`, in any case.
fn is_keyword(segment: &str, keyword: &str) -> bool {
    segment.eq_ignore_ascii_case(keyword)
}

/// The first fault of `text` as a resource ID, reading from the left.
fn arm_id_fault(text: &str) -> Result<(), Fault<'_>> {
    let rest = text.strip_prefix('/').ok_or(Fault::NotRooted)?;
    if let Some(c) = text.chars().find(|&c| c.is_whitespace() || needs_escape(c)) {
        return Err(Fault::Character(c));
    }
    if rest.split('/').any(str::is_empty) {
        return Err(Fault::EmptySegment);
    }
    let mut segments = rest.split('/');
    match segments.next() {
        Some(s) if is_keyword(s, "subscriptions") => {}
        Some(s) if is_keyword(s, "providers") => return resources(segments),
        other => return Err(Fault::Unexpected(other.unwrap_or_default(), &["subscriptions", "providers"])),
    }
    let subscription = segments.next().ok_or(Fault::Missing(ArmIdPart::Subscription))?;
    if !is_uuid(subscription) {
        return Err(Fault::NotGuid(subscription));
    }
    match segments.next() {
        None => return Ok(()),
        Some(s) if is_keyword(s, "resourceGroups") => {}
        Some(s) if is_keyword(s, "providers") => return resources(segments),
        Some(s) => return Err(Fault::Unexpected(s, &["resourceGroups", "providers"])),
    }
    let group = segments.next().ok_or(Fault::Missing(ArmIdPart::ResourceGroup))?;
    if !is_resource_group(group) {
        return Err(Fault::ResourceGroup(group));
    }
    match segments.next() {
        None => Ok(()),
        Some(s) if is_keyword(s, "providers") => resources(segments),
        Some(s) => Err(Fault::Unexpected(s, &["providers"])),
    }
}

/// What follows `providers`: a namespace, then `{type}/{name}` pairs, then perhaps `providers`
/// again for an extension resource.
fn resources<'a>(mut segments: impl Iterator<Item = &'a str>) -> Result<(), Fault<'a>> {
    loop {
        let namespace = segments.next().ok_or(Fault::Missing(ArmIdPart::Namespace))?;
        if !is_namespace(namespace) {
            return Err(Fault::Namespace(namespace));
        }
        let mut resource_type = segments.next().ok_or(Fault::Missing(ArmIdPart::ResourceType))?;
        loop {
            segments.next().ok_or(Fault::MissingName(resource_type))?;
            match segments.next() {
                None => return Ok(()),
                Some(s) if is_keyword(s, "providers") => break,
                Some(s) => resource_type = s,
            }
        }
    }
}

/// A resource group's name, as ARM takes it.
fn is_resource_group(name: &str) -> bool {
    // `\p{L}` and `\p{Nd}` are .NET's `char.IsLetterOrDigit`; Rust's `char::is_alphanumeric`
    // would also take marks and other numerals (`²`, `Ⅻ`) that ARM refuses. Compiled on first
    // use, then matched without allocating.
    static NAME: Pattern = Pattern::new(r"^[\p{L}\p{Nd}_().\-]{1,90}$");
    !name.ends_with('.') && NAME.regex().is_match(name)
}

/// A provider namespace: two or more words of ASCII letters and digits joined by `.`.
fn is_namespace(namespace: &str) -> bool {
    let mut words = namespace.split('.');
    let word = |word: &str| !word.is_empty() && word.bytes().all(|b| b.is_ascii_alphanumeric());
    words.next().is_some_and(word) && words.next().is_some_and(word) && words.all(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_have_five_hex_groups() {
        assert!(is_uuid("6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b"));
        assert!(is_uuid("6E0B3A2C-1F2D-4E5F-8A9B-0C1D2E3F4A5B"));
        for bad in [
            "",
            "6e0b3a2c1f2d4e5f8a9b0c1d2e3f4a5b",
            "6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5",
            "6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b-",
            "6e0b3a2g-1f2d-4e5f-8a9b-0c1d2e3f4a5b",
            "6e0b3a2c-1f2d-4e5f-8a9b0-c1d2e3f4a5b",
            "６e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5",
        ] {
            assert!(!is_uuid(bad), "{bad}");
        }
    }

    #[test]
    fn date_times_follow_rfc_3339() {
        for good in [
            "2027-06-30T23:59:59Z",
            "2027-06-30t23:59:59z",
            "2027-06-30T23:59:59.123456+02:00",
            "2024-02-29T00:00:00-08:00",
            "2027-06-30T23:59:59.1234567890123Z",
            "0000-01-01T00:00:00-23:59",
            "9999-12-31T23:59:59+23:59",
            // Leap seconds: at 23:59 UTC on a month's last day, whatever the offset or fraction.
            "2016-12-31T23:59:60Z",
            "2016-12-31T23:59:60.5z",
            "2017-01-01T08:59:60+09:00",
            "2017-01-01T00:00:60+00:01",
            "2016-12-31T15:59:60-08:00",
            "2024-02-29T23:59:60Z",
            "0000-01-01T00:00:60+00:01",
        ] {
            assert!(is_date_time(good), "{good}");
        }
        for bad in [
            "",
            "2027-06-30",
            "2027-06-30T23:59:59",
            "2027-13-01T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "2027-06-30T24:00:00Z",
            "2027-06-30 23:59:59 Z",
            "2027-06-30X23:59:59Z",
            "2027-06-30_23:59:59Z",
            "2027-06-30\n23:59:59Z",
            "2027-06-30 23:59:59Z",
            "2027-06-30é23:59:59Z",
            "2027-06-30T23:59:59.Z",
            "2027-06-30T23:59:59+24:00",
            "2027-06-30T23:59:59+02:60",
            "2027-06-30T23:59:59+0200",
            "2027-06-30T23:59:59Z ",
            " 2027-06-30T23:59:59Z",
            "2027-06-30T23:60:00Z",
            "2027-06-30T23:59:61Z",
            "2027-06-30T22:59:60Z",
            "2016-12-30T23:59:60Z",
            "2023-02-28T23:59:60+00:01",
            "2017-01-01T08:59:60+08:59",
            "2017-01-02T00:00:60+00:01",
            "2016-12-31T23:59:60-00:01",
            "2017-01-01T00:00:60+00:02",
            "２027-06-30T23:59:59Z",
        ] {
            assert!(!is_date_time(bad), "{bad}");
        }
    }

    /// What `time`'s RFC 3339 parser accepts, with the `T` RFC 3339 asks for (`time` takes any
    /// byte there): the reference that the hand-written [`is_date_time`] must agree with.
    fn date_time_by_time(text: &str) -> bool {
        use time::OffsetDateTime;
        use time::format_description::well_known::Rfc3339;
        matches!(text.as_bytes().get(10), Some(b'T' | b't')) && OffsetDateTime::parse(text, &Rfc3339).is_ok()
    }

    /// A date-time of the given parts, written as RFC 3339 writes them (but that any part may be
    /// out of its range).
    fn written(date: (u16, u8, u8), time: (u8, u8, u8), fraction: Option<&str>, offset: &str) -> String {
        let ((year, month, day), (hour, minute, second)) = (date, time);
        let fraction = fraction.map(|digits| format!(".{digits}")).unwrap_or_default();
        format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{fraction}{offset}")
    }

    proptest::proptest! {
        // No saved seeds: a failure prints its text, which goes into the lists above.
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 2_000,
            failure_persistence: None,
            ..proptest::prelude::ProptestConfig::default()
        })]

        /// Every part in and just out of its range.
        #[test]
        fn date_times_are_read_as_the_time_crate_reads_them(
            date in (0..=9999_u16, 0..=13_u8, 0..=32_u8),
            time in (0..=24_u8, 0..=60_u8, 58..=61_u8),
            fraction in proptest::option::of("[0-9]{0,12}"),
            offset in "[Zz]|[+-][0-2][0-9]:[0-6][0-9]",
        ) {
            let text = written(date, time, fraction.as_deref(), &offset);
            proptest::prop_assert_eq!(is_date_time(&text), date_time_by_time(&text), "{}", text);
        }

        /// The leap second at 23:59 UTC and the minutes either side of it (on this day and the day
        /// before), near the ends of months, at offsets of every size.
        #[test]
        fn leap_seconds_are_where_the_time_crate_puts_them(
            year in 0..=9999_u16,
            month in 1..=12_u8,
            day in proptest::prop_oneof![1..=2_u8, 27..=31_u8],
            utc in proptest::prop_oneof![
                proptest::sample::select(vec![-2_i32, -1, 0, 1438, 1439, 1440]),
                -3..=1442_i32,
            ],
            local in 0..1440_i32,
        ) {
            let east = local - utc;
            proptest::prop_assume!(east.abs() < 1440);
            let (hour, minute) = (u8::try_from(local / 60).unwrap(), u8::try_from(local % 60).unwrap());
            let sign = if east < 0 { '-' } else { '+' };
            let offset = format!("{sign}{:02}:{:02}", east.abs() / 60, east.abs() % 60);
            let text = written((year, month, day), (hour, minute, 60), None, &offset);
            proptest::prop_assert_eq!(is_date_time(&text), date_time_by_time(&text), "{}", text);
        }

        /// A valid date-time with one character replaced, removed or added (non-ASCII ones too).
        #[test]
        fn mangled_date_times_are_read_as_the_time_crate_reads_them(
            at in 0..=28_usize,
            other in proptest::sample::select("0169:-+.TtZz é２\u{2212}\0".chars().collect::<Vec<_>>()),
            how in 0..3_u8,
        ) {
            let mut chars: Vec<char> = "2016-12-31T23:59:60.25+00:00".chars().collect();
            match how {
                0 if at < chars.len() => chars[at] = other,
                1 if at < chars.len() => drop(chars.remove(at)),
                _ => chars.insert(at, other),
            }
            let text: String = chars.into_iter().collect();
            proptest::prop_assert_eq!(is_date_time(&text), date_time_by_time(&text), "{}", text);
        }
    }

    #[test]
    fn dates_are_real_full_dates() {
        for good in ["2027-06-30", "2024-02-29", "2000-02-29", "0000-01-01", "9999-12-31", "2027-01-31"] {
            assert!(is_date(good), "{good}");
        }
        for bad in [
            "",
            "2023-02-29",
            "1900-02-29",
            "2027-04-31",
            "2027-00-10",
            "2027-13-01",
            "2027-06-00",
            "2027-06-32",
            "2027-6-30",
            "27-06-30",
            "20270630",
            "2027/06/30",
            "2027-06-30T00:00:00Z",
            " 2027-06-30",
            "2027-06-30 ",
            "+2027-06-3",
            "2027-06-3a",
            "２027-06-30",
            "10000-01-01",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }

    #[test]
    fn durations_follow_iso_8601() {
        for good in [
            "P1Y2M3DT4H5M6.5S",
            "PT0S",
            "P2W",
            "P0D",
            "P1Y",
            "P1M",
            "PT1M",
            "P1DT12H",
            "PT36H",
            "PT1.5H",
            "P0.5D",
            "P1DT0.25S",
            "P0001Y",
            "P12345678901234567890D",
        ] {
            assert!(is_duration(good), "{good}");
        }
        for bad in [
            "",
            "P",
            "PT",
            "P1DT",
            "P1S",
            "PT1D",
            "PT1Y",
            "P1H",
            "-P1D",
            "+P1D",
            "p1d",
            "P1d",
            "pt1h",
            "P1M1Y",
            "PT1S1M",
            "PT1H1H",
            "P1D1D",
            "PYT1H",
            "PT1HM",
            "P1.5DT1H",
            "PT1.5H1M",
            "P1.5Y2M",
            "PT0,5S",
            "PT.5S",
            "PT1.S",
            "P1W2D",
            "P1WT1H",
            "P1Y2W",
            "P0001-02-03T04:05:06",
            "P1DT1H ",
            " P1D",
            "P1 D",
            "P1DTT1H",
            "PT1H T",
            "P１D",
            "1D",
            "T1H",
        ] {
            assert!(!is_duration(bad), "{bad}");
        }
    }

    #[test]
    fn rfc_1123_dates_have_one_shape_and_their_weekday() {
        for good in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Thu, 29 Feb 2024 00:00:00 GMT",
            "Wed, 30 Jun 2027 23:59:60 GMT",
            "Fri, 31 Dec 9999 23:59:59 GMT",
            "Sat, 01 Jan 0000 00:00:00 GMT",
        ] {
            assert!(is_date_time_rfc1123(good), "{good}");
        }
        for bad in [
            "",
            "Mon, 06 Nov 1994 08:49:37 GMT",
            "sun, 06 Nov 1994 08:49:37 GMT",
            "Sun, 06 nov 1994 08:49:37 GMT",
            "Sun, 06 NOV 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 gmt",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 06 Nov 1994 08:49:37 +0000",
            "Sun, 6 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 94 08:49:37 GMT",
            "Sun 06 Nov 1994 08:49:37 GMT",
            "06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1994 08:60:00 GMT",
            "Sun, 06 Nov 1994 08:49:60 GMT",
            "Tue, 29 Jun 2027 23:59:60 GMT",
            "Fri, 29 Feb 2023 00:00:00 GMT",
            "Sun, 00 Nov 1994 08:49:37 GMT",
            "Sun, 31 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08.49.37 GMT",
            "Sun, 06 Nov 1994 08:49:37 GMT ",
            " Sun, 06 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37  GMT",
            "Sun,  06 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:3a GMT",
            "Sun, 06 Nov 1994T08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 GMTé",
        ] {
            assert!(!is_date_time_rfc1123(bad), "{bad}");
        }
    }

    #[test]
    fn uris_follow_rfc_3986_with_a_scheme() {
        for good in [
            "https://example.com",
            "https://example.com/a/b?c=d&e#f",
            "HTTP://EXAMPLE.COM/",
            "urn:isbn:0451450523",
            "mailto:user@example.com",
            "http://[2001:db8::1]:8080/",
            "http://192.0.2.1/",
            "https://user:pass@example.com:443/%7Euser",
            "file:///etc/hosts",
            "a:",
            "tag:example.com,2027:x",
        ] {
            assert!(is_uri(good), "{good}");
        }
        for bad in [
            "",
            "example.com",
            "//example.com/a",
            "/a/b",
            "a/b",
            "?q",
            "#f",
            "1http://example.com",
            ":no-scheme",
            "https://example.com/a b",
            " https://example.com",
            "https://example.com ",
            "https://example.com/\t",
            "https://example.com/\n",
            "https://exa\u{7f}mple.com",
            "https://例え.jp/",
            "https://example.com/é",
            "https://example.com/%zz",
            "https://example.com/%4",
            "http://[::1/",
            "http://[::g]/",
            "http://a:b/",
            "https://example.com/<a>",
            "https://example.com/a\"b",
            "https://example.com/a\\b",
            "https://example.com/#a#b",
        ] {
            assert!(!is_uri(bad), "{bad:?}");
        }
    }

    #[test]
    fn emails_are_html_forms_addresses_within_smtp_lengths() {
        let local = "a".repeat(64);
        let long_domain = format!("{}.{}.{}.{}", "b".repeat(63), "c".repeat(63), "d".repeat(63), "e".repeat(60));
        let at_limit = format!("a@{long_domain}");
        assert_eq!(at_limit.len(), 254);
        for good in [
            "user@example.com",
            "first.last+tag@example.co.uk",
            "!#$%&'*+/=?^_`{|}~-@example.com",
            "user@localhost",
            "a@b",
            ".a..b.@example.com",
            "USER@EXAMPLE.COM",
            "user@xn--bcher-kva.example",
            "user@a-b.c1",
            &format!("{local}@example.com"),
            &format!("user@{}.com", "x".repeat(63)),
            &at_limit,
        ] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "",
            "@",
            "user",
            "user@",
            "@example.com",
            "user@@example.com",
            "a@b@example.com",
            "first last@example.com",
            "user@exa mple.com",
            " user@example.com",
            "user@example.com ",
            "\"a b\"@example.com",
            "user(comment)@example.com",
            "user@[192.0.2.1]",
            "user@bücher.example",
            "ü@example.com",
            "user@-example.com",
            "user@example-.com",
            "user@example..com",
            "user@.example.com",
            "user@example.com.",
            "user@exa_mple.com",
            "user@example.com\n",
            &format!("{local}a@example.com"),
            &format!("user@{}.com", "x".repeat(64)),
            &format!("ab@{long_domain}"),
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn ip_addresses_as_the_standard_library_reads_them() {
        for v4 in ["0.0.0.0", "192.0.2.1", "255.255.255.255"] {
            assert!(is_ipv4(v4) && is_ip(v4) && !is_ipv6(v4), "{v4}");
        }
        for v6 in ["::", "::1", "2001:db8::1", "2001:DB8:0:0:0:0:0:1", "::ffff:192.0.2.1", "fe80::1"] {
            assert!(is_ipv6(v6) && is_ip(v6) && !is_ipv4(v6), "{v6}");
        }
        for bad in [
            "",
            "192.0.2",
            "192.0.2.1.5",
            "256.0.0.1",
            "192.0.2.01",
            "010.0.0.1",
            "0x7f.0.0.1",
            "192.0.2.1/24",
            "192.0.2.1:80",
            " 192.0.2.1",
            "192.0.2.1 ",
            "1::2::3",
            "fe80::1%eth0",
            "[::1]",
            "::1/128",
            "2001:db8::g",
            "1:2:3:4:5:6:7:8:9",
            "１92.0.2.1",
        ] {
            assert!(!is_ip(bad) && !is_ipv4(bad) && !is_ipv6(bad), "{bad}");
        }
    }

    #[test]
    fn base64_is_canonical_and_padded() {
        for good in ["", "SGk=", "SGVsbG8h", "SGVsbA==", "QQ==", "+/+/", "AAAA", "//8="] {
            assert!(is_base64(good), "{good}");
        }
        for bad in [
            "SGk",
            "SGk==",
            "SGVsbA=",
            "SGVsbA===",
            "====",
            "=",
            "A===",
            "S=k=",
            "SG=k",
            "SGl=",
            "QR==",
            "QB==",
            "SGk_",
            "SGk-",
            "-_-_",
            "SG k=",
            "SGk=\n",
            "SGVs\nbG8h",
            "SGk=SGk=",
            "SGké",
        ] {
            assert!(!is_base64(bad), "{bad:?}");
        }
    }

    #[test]
    fn base64url_is_canonical_and_unpadded() {
        for good in ["", "SGk_", "SGk", "QQ", "-_-_", "SGVsbG8h", "AAA"] {
            assert!(is_base64url(good), "{good}");
        }
        for bad in ["A", "SGk=", "QQ==", "SGk/", "SGk+", "+/+/", "SGl", "QR", "QB", "SGVsb", "SG k", "SGk\n", "é"] {
            assert!(!is_base64url(bad), "{bad:?}");
        }
    }

    const SUB: &str = "/subscriptions/6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b";

    fn fault(id: &str) -> Result<(), Fault<'_>> {
        arm_id_fault(id)
    }

    #[test]
    fn resource_ids_of_every_scope() {
        let ninety = "g".repeat(90);
        for good in [
            SUB.to_owned(),
            SUB.to_uppercase(),
            format!("{SUB}/resourceGroups/rg"),
            format!("{SUB}/RESOURCEGROUPS/rg"),
            format!("{SUB}/resourcegroups/rg/providers/Microsoft.Web/sites/app"),
            format!("{SUB}/resourceGroups/rg/PROVIDERS/Microsoft.Web/sites/app/slots/staging"),
            format!(
                "{SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm/providers/\
                 Microsoft.Authorization/roleAssignments/6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b"
            ),
            format!("{SUB}/providers/Microsoft.Authorization/roleDefinitions/reader"),
            "/providers/Microsoft.Management/managementGroups/root".to_owned(),
            "/providers/Microsoft.Management/managementGroups/root/providers/Microsoft.Authorization/policyDefinitions/p"
                .to_owned(),
            format!("{SUB}/resourceGroups/My_Group-(1).v2/providers/84codes.CloudAMQP/servers/s"),
            format!("{SUB}/resourceGroups/Grüße-日本-١٢٣"),
            format!("{SUB}/resourceGroups/{ninety}"),
            format!("{SUB}/resourceGroups/rg/providers/Microsoft.Azure.Geneva/accounts/a"),
            format!("{SUB}/resourceGroups/rg/providers/Microsoft.Web/sites/a.b(c)~!@"),
        ] {
            assert_eq!(fault(&good), Ok(()), "{good}");
            assert!(is_arm_id(&good));
        }
    }

    #[test]
    fn resource_ids_name_what_is_wrong() {
        let ninety_one = format!("{SUB}/resourceGroups/{}", "g".repeat(91));
        let cases: Vec<(String, Fault<'_>)> = vec![
            (String::new(), Fault::NotRooted),
            ("subscriptions/x".into(), Fault::NotRooted),
            (format!(" {SUB}"), Fault::NotRooted),
            (format!("{SUB} "), Fault::Character(' ')),
            (format!("{SUB}/resourceGroups/my rg"), Fault::Character(' ')),
            (format!("{SUB}/resourceGroups/rg\n"), Fault::Character('\n')),
            (format!("{SUB}/resourceGroups/rg\u{a0}"), Fault::Character('\u{a0}')),
            (format!("{SUB}/resourceGroups/r\u{200b}g"), Fault::Character('\u{200b}')),
            ("/".into(), Fault::EmptySegment),
            (format!("{SUB}/"), Fault::EmptySegment),
            (format!("{SUB}//resourceGroups/rg"), Fault::EmptySegment),
            (format!("{SUB}/resourceGroups/rg/providers/Microsoft.Web/sites/app/"), Fault::EmptySegment),
            ("/subscription/x".into(), Fault::Unexpected("subscription", &["subscriptions", "providers"])),
            ("/tenants/x".into(), Fault::Unexpected("tenants", &["subscriptions", "providers"])),
            (format!("{SUB}/resourceGroup/rg"), Fault::Unexpected("resourceGroup", &["resourceGroups", "providers"])),
            (
                format!("{SUB}/resourceGroups/rg/provider/Microsoft.Web/sites/a"),
                Fault::Unexpected("provider", &["providers"]),
            ),
            ("/subscriptions".into(), Fault::Missing(ArmIdPart::Subscription)),
            (format!("{SUB}/resourceGroups"), Fault::Missing(ArmIdPart::ResourceGroup)),
            ("/providers".into(), Fault::Missing(ArmIdPart::Namespace)),
            (format!("{SUB}/resourceGroups/rg/providers"), Fault::Missing(ArmIdPart::Namespace)),
            (format!("{SUB}/providers/Microsoft.Web"), Fault::Missing(ArmIdPart::ResourceType)),
            (format!("{SUB}/providers/Microsoft.Web/sites/a/providers"), Fault::Missing(ArmIdPart::Namespace)),
            ("/subscriptions/6e0b3a2c".into(), Fault::NotGuid("6e0b3a2c")),
            (
                "/subscriptions/{6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b}".into(),
                Fault::NotGuid("{6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b}"),
            ),
            (format!("{SUB}/resourceGroups/rg."), Fault::ResourceGroup("rg.")),
            (format!("{SUB}/resourceGroups/rg%"), Fault::ResourceGroup("rg%")),
            (format!("{SUB}/resourceGroups/a²"), Fault::ResourceGroup("a²")),
            (format!("{SUB}/resourceGroups/हिंदी"), Fault::ResourceGroup("हिंदी")),
            (ninety_one.clone(), Fault::ResourceGroup(ninety_one.rsplit('/').next().unwrap())),
            ("/providers/Microsoft/sites/a".into(), Fault::Namespace("Microsoft")),
            ("/providers/Microsoft./sites/a".into(), Fault::Namespace("Microsoft.")),
            ("/providers/.Web/sites/a".into(), Fault::Namespace(".Web")),
            ("/providers/Microsoft..Web/sites/a".into(), Fault::Namespace("Microsoft..Web")),
            ("/providers/Microsoft.Web-Apps/sites/a".into(), Fault::Namespace("Microsoft.Web-Apps")),
            ("/providers/Micro_soft.Web/sites/a".into(), Fault::Namespace("Micro_soft.Web")),
            ("/providers/Microsoft.Wéb/sites/a".into(), Fault::Namespace("Microsoft.Wéb")),
            ("/providers/Microsoft.Web/sites".into(), Fault::MissingName("sites")),
            (format!("{SUB}/resourceGroups/rg/providers/Microsoft.Web/sites/app/slots"), Fault::MissingName("slots")),
        ];
        for (id, expected) in &cases {
            assert_eq!(fault(id).as_ref().err(), Some(expected), "{id:?}");
            assert!(!is_arm_id(id));
        }
    }

    #[test]
    fn a_resource_group_of_ninety_characters_counts_characters() {
        let ninety = "é".repeat(90);
        assert!(is_resource_group(&ninety) && ninety.len() == 180);
        assert!(!is_resource_group(&"é".repeat(91)) && !is_resource_group(""));
        assert!(is_resource_group("a.b") && is_resource_group("(") && !is_resource_group("."));
    }

    #[test]
    fn the_arm_id_message_names_the_part() {
        let error = arm_id("/subscriptions/6e0b3a2c").map_err(Failure::error).unwrap_err();
        let Message::InvalidArmId { value, problem } = error.typed_message() else { panic!("{error:?}") };
        assert_eq!(value, "/subscriptions/6e0b3a2c");
        assert_eq!(problem, &ArmIdProblem::SubscriptionNotGuid { segment: "6e0b3a2c".into() });
        let error = arm_id("/x\u{202e}").map_err(Failure::error).unwrap_err();
        let Message::InvalidArmId { problem, .. } = error.typed_message() else { panic!("{error:?}") };
        assert_eq!(problem, &ArmIdProblem::InvalidCharacter { character: r"\u{202e}".into() });
    }
}
