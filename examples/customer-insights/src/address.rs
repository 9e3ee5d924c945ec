//! The URL of a relationship: its route, its names and `api-version`, checked in ARM's order.

use std::borrow::Cow;
use std::fmt::Write as _;

use percent_encoding::percent_decode_str;
use validate_core::Validate;

/// The API versions with this resource's schema.
pub const API_VERSIONS: [&str; 2] = ["2017-04-26", "2017-01-01"];

/// The codes of the URL's rules, as the attributes below give them: the service's catalogs
/// (`locales/*.ftl`) word each rule's message under its code, choosing by `$rule` and
/// `$parameter` (see `locales::url_message`).
pub const URL_CODES: [&str; 5] = [
    "MissingApiVersionParameter",
    "InvalidApiVersionParameter",
    "InvalidSubscriptionId",
    "InvalidResourceGroupName",
    "InvalidResourceName",
];

/// The names in `…/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/
/// Microsoft.CustomerInsights/hubs/{hubName}/relationships/{relationshipName}?api-version=…`,
/// as the caller wrote them. Its rules are the URL's rules; the first violation is the answer.
///
/// The names borrow the URL's text, copied only when one had to be percent-decoded: owned, they
/// cost five allocations a request (1 500 instructions a valid `PUT` fewer this way; callgrind,
/// 2026-12-01).
#[derive(Clone, Debug, PartialEq, Eq, Validate)]
pub struct RelationshipAddress<'a> {
    /// `api-version`: required, one of [`API_VERSIONS`].
    #[validate(
        rename = "api-version",
        required(
            code = "MissingApiVersionParameter",
            message = "The api-version query parameter (?api-version=) is required for all requests."
        ),
        one_of(
            "2017-04-26",
            "2017-01-01",
            code = "InvalidApiVersionParameter",
            message = "The api-version is not supported; the supported versions are '2017-04-26' and '2017-01-01'."
        )
    )]
    pub api_version: Option<Cow<'a, str>>,
    /// How many times `api-version` was given: a repeated one is refused, not resolved to one of
    /// its values.
    #[validate(
        rename = "api-version",
        range(
            max = 1,
            code = "InvalidApiVersionParameter",
            message = "The api-version query parameter must be given once."
        )
    )]
    pub api_version_count: usize,
    /// A GUID.
    #[validate(
        rename = "subscriptionId",
        format(uuid, code = "InvalidSubscriptionId", message = "The subscription id must be a GUID.")
    )]
    pub subscription_id: Cow<'a, str>,
    /// 1–90 letters or digits (any script), `-`, `_`, `.`, `(`, `)`, not ending with `.`.
    #[validate(
        rename = "resourceGroupName",
        length(
            min = 1,
            max = 90,
            code = "InvalidResourceGroupName",
            message = "The resource group name must have 1 to 90 characters."
        ),
        pattern(
            r"^[-\w._()]*[-\w_()]$",
            code = "InvalidResourceGroupName",
            message = "The resource group name may hold letters, digits, '-', '_', '.', '(' and ')', and must not end with '.'."
        )
    )]
    pub resource_group_name: Cow<'a, str>,
    /// 2–64 characters: a letter, then letters or digits.
    #[validate(
        rename = "hubName",
        length(
            min = 2,
            max = 64,
            code = "InvalidResourceName",
            message = "The hub name must have 2 to 64 characters."
        ),
        pattern(
            "^[a-zA-Z][a-zA-Z0-9]+$",
            code = "InvalidResourceName",
            message = "The hub name must start with a letter and hold only letters and digits."
        )
    )]
    pub hub_name: Cow<'a, str>,
    /// At most 512 characters: a letter, then letters, digits or `_`.
    #[validate(
        rename = "relationshipName",
        length(
            max = 512,
            code = "InvalidResourceName",
            message = "The relationship name must have at most 512 characters."
        ),
        pattern(
            "^[a-zA-Z][a-zA-Z0-9_]+$",
            code = "InvalidResourceName",
            message = "The relationship name must start with a letter and hold only letters, digits and '_'."
        )
    )]
    pub relationship_name: Cow<'a, str>,
}

/// The fixed segments of the route, matched case-insensitively; `None` marks a name.
const ROUTE: [Option<&str>; 10] = [
    Some("subscriptions"),
    None,
    Some("resourceGroups"),
    None,
    Some("providers"),
    Some("Microsoft.CustomerInsights"),
    Some("hubs"),
    None,
    Some("relationships"),
    None,
];

impl<'a> RelationshipAddress<'a> {
    /// Reads the names from a path and a query; `None` when the path is not this route.
    ///
    /// ```
    /// use customer_insights::address::RelationshipAddress;
    ///
    /// let path = "/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/\
    ///             microsoft.customerinsights/hubs/hub1/relationships/Rel_1";
    /// let address = RelationshipAddress::from_uri(path, Some("api-version=2017-04-26")).unwrap();
    /// assert_eq!(address.relationship_name, "Rel_1");
    /// assert!(RelationshipAddress::from_uri("/subscriptions/x", None).is_none());
    /// ```
    pub fn from_uri(path: &'a str, query: Option<&'a str>) -> Option<Self> {
        // Read in one pass, without collecting the segments first: the route is read on every
        // request (8 900 instructions a request before, most of them allocations; callgrind,
        // 2026-12-01). A fixed segment is compared where it should be, and only a name is looked
        // through for its end (and a `%`): `split('/')` and `contains('%')` searched each segment
        // with `memchr`, whose start-up costs more than these short segments (from_uri 5 300 →
        // 3 600 instructions a request, callgrind, 2026-12-01).
        let mut segments = Segments(Some(path.strip_prefix('/')?));
        let mut names = [("", false); 4];
        let mut slots = names.iter_mut();
        for fixed in ROUTE {
            match fixed {
                Some(fixed) => {
                    if !segments.fixed(fixed) {
                        return None;
                    }
                }
                None => *slots.next()? = segments.name()?,
            }
        }
        if segments.0.is_some() {
            return None;
        }
        let [subscription_id, resource_group_name, hub_name, relationship_name] =
            names.map(|(segment, escaped)| if escaped { decode(segment) } else { Cow::Borrowed(segment) });
        let (api_version, api_version_count) = query.map_or((None, 0), api_version);
        Some(RelationshipAddress {
            api_version,
            api_version_count,
            subscription_id,
            resource_group_name,
            hub_name,
            relationship_name,
        })
    }

    /// The key the resource is stored under: names compared case-insensitively.
    ///
    /// ```
    /// use customer_insights::address::RelationshipAddress;
    ///
    /// let path = "/subscriptions/6E0B3A2C-1F2D-4E5F-8A9B-0C1D2E3F4A5B/resourceGroups/RG/providers/\
    ///             Microsoft.CustomerInsights/hubs/Hub1/relationships/Rel_1";
    /// let address = RelationshipAddress::from_uri(path, Some("api-version=2017-04-26")).unwrap();
    /// let lowered = path.to_lowercase();
    /// let lower = RelationshipAddress::from_uri(&lowered, None).unwrap();
    /// assert_eq!(address.key(), lower.key());
    /// ```
    pub fn key(&self) -> RelationshipKey {
        // One string rather than four: 3 allocations and 4 hashed strings fewer a request (with
        // the store's single lookup, 1 300 instructions a valid PUT fewer; callgrind, 2026-12-01).
        // Each name is preceded by its length, so that no two addresses share a key whatever
        // their names hold (`%2F` decodes to `/`, in an address not checked yet).
        let names = [&self.subscription_id, &self.resource_group_name, &self.hub_name, &self.relationship_name];
        let mut key = String::with_capacity(names.iter().map(|name| name.len() + 4).sum());
        // Writing into a `String` cannot fail.
        for name in names {
            if name.is_ascii() {
                let _ = write!(key, "{}:", name.len());
                let start = key.len();
                key.push_str(name);
                if let Some(pushed) = key.get_mut(start..) {
                    pushed.make_ascii_lowercase();
                }
            } else {
                // Lowercased as a whole name, as `str::to_lowercase` does it (a final sigma).
                let lowered = name.to_lowercase();
                let _ = write!(key, "{}:", lowered.len());
                key.push_str(&lowered);
            }
        }
        RelationshipKey(key)
    }

    /// The resource id, in the caller's casing.
    pub fn resource_id(&self) -> String {
        format!(
            "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.CustomerInsights/hubs/{}/relationships/{}",
            self.subscription_id, self.resource_group_name, self.hub_name, self.relationship_name
        )
    }
}

/// The names of a relationship, lowercased: two addresses that differ only in case share a key.
/// The names, each after its length in bytes and a `:` (a resource group `RG` and a hub `Hub1`
/// give `…2:rg4:hub1…`), so that no two addresses share one whatever their names hold.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RelationshipKey(String);

impl RelationshipKey {
    /// The key as text, for a store that keeps it (a database's primary key, say).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The segments of a path not read yet (after its leading `/`); `None` after the last one.
struct Segments<'a>(Option<&'a str>);

impl<'a> Segments<'a> {
    /// Reads the next segment if it is `fixed` (ASCII), in any case.
    fn fixed(&mut self, fixed: &str) -> bool {
        let Some(rest) = self.0 else {
            return false;
        };
        if !rest.get(..fixed.len()).is_some_and(|segment| segment.eq_ignore_ascii_case(fixed)) {
            return false;
        }
        match rest.as_bytes().get(fixed.len()) {
            None => self.0 = None,
            // `/` is one byte: what follows it is text.
            Some(b'/') => self.0 = rest.get(fixed.len() + 1..),
            Some(_) => return false,
        }
        true
    }

    /// Reads the next segment, with whether it holds a `%`.
    fn name(&mut self) -> Option<(&'a str, bool)> {
        let rest = self.0?;
        let mut escaped = false;
        for (at, byte) in rest.bytes().enumerate() {
            match byte {
                b'/' => {
                    self.0 = rest.get(at + 1..);
                    return Some((rest.get(..at)?, escaped));
                }
                b'%' => escaped = true,
                _ => {}
            }
        }
        self.0 = None;
        Some((rest, escaped))
    }
}

/// A path segment, percent-decoded (invalid UTF-8 replaced); borrowed as it is without a `%`.
fn decode(segment: &str) -> Cow<'_, str> {
    percent_decode_str(segment).decode_utf8_lossy()
}

/// The first value of `api-version` in a query string (the parameter's name in any case), and
/// how many times it is given.
fn api_version(query: &str) -> (Option<Cow<'_, str>>, usize) {
    let mut first = None;
    let mut count = 0;
    for pair in query.split('&') {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        // Decoded only when it holds a `%` (300 instructions a request; callgrind, 2026-12-01).
        let named = if name.as_bytes().contains(&b'%') {
            percent_decode_str(name).decode_utf8_lossy().eq_ignore_ascii_case("api-version")
        } else {
            name.eq_ignore_ascii_case("api-version")
        };
        if !named {
            continue;
        }
        count += 1;
        if first.is_none() {
            // `+` is a space in a query string.
            let value = if value.contains('+') {
                Cow::Owned(decode(&value.replace('+', " ")).into_owned())
            } else {
                decode(value)
            };
            first = Some(value);
        }
    }
    (first, count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_version_is_read_from_the_query() {
        assert_eq!(api_version("a=1&API-Version=2017-04-26"), (Some("2017-04-26".into()), 1));
        assert_eq!(api_version("api-version="), (Some("".into()), 1));
        assert_eq!(api_version("x=api-version"), (None, 0));
        assert_eq!(api_version("api-version=1&api-version=2"), (Some("1".into()), 2));
        assert_eq!(api_version("api%2Dversion=2017+04%2B26"), (Some("2017 04+26".into()), 1));
    }

    #[test]
    fn names_holding_a_slash_do_not_share_a_key() {
        let path = |group: &str, hub: &str| {
            format!(
                "/subscriptions/6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b/resourceGroups/{group}/providers/\
                 Microsoft.CustomerInsights/hubs/{hub}/relationships/r"
            )
        };
        let (first, second) = (path("a%2Fb", "c"), path("a", "b%2Fc"));
        let first = RelationshipAddress::from_uri(&first, None).map(|address| address.key());
        let second = RelationshipAddress::from_uri(&second, None).map(|address| address.key());
        assert!(first.is_some() && second.is_some());
        assert_ne!(first, second);
    }

    #[test]
    fn keys_are_the_names_lowercased_as_str_lowercases_them() {
        let address = |group: &'static str| RelationshipAddress {
            api_version: None,
            api_version_count: 0,
            subscription_id: "6E0B3A2C-1F2D-4E5F-8A9B-0C1D2E3F4A5B".into(),
            resource_group_name: group.into(),
            hub_name: "Hub1".into(),
            relationship_name: "Rel_1".into(),
        };
        for (group, lower) in [("RG", "rg"), ("ΟΔΟΣ", "οδος"), ("Straße_Ä", "straße_ä"), ("ΣΑ", "σα")] {
            let key = address(group).key();
            assert_eq!(key, address(lower).key(), "{group}");
            let lowered = group.to_lowercase();
            assert_eq!(
                key.as_str(),
                format!("36:6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b{}:{lowered}4:hub15:rel_1", lowered.len())
            );
        }
        assert_ne!(address("rg").key(), address("rg2").key());
    }

    #[test]
    fn names_are_percent_decoded() {
        let path =
            "/subscriptions/s/resourceGroups/my%28rg%29/providers/Microsoft.CustomerInsights/hubs/h/relationships/r";
        assert_eq!(RelationshipAddress::from_uri(path, None).unwrap().resource_group_name, "my(rg)");
    }

    #[test]
    fn every_code_of_the_rules_is_listed() {
        let good = RelationshipAddress {
            api_version: Some("2017-04-26".into()),
            api_version_count: 1,
            subscription_id: "6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b".into(),
            resource_group_name: "rg".into(),
            hub_name: "hub1".into(),
            relationship_name: "rel_1".into(),
        };
        assert!(good.validate().is_ok());
        let broken = [
            RelationshipAddress { api_version: None, api_version_count: 0, ..good.clone() },
            RelationshipAddress { api_version: Some("1".into()), api_version_count: 2, ..good.clone() },
            RelationshipAddress { subscription_id: "x".into(), ..good.clone() },
            RelationshipAddress { resource_group_name: "rg.".into(), ..good.clone() },
            RelationshipAddress { resource_group_name: "".into(), ..good.clone() },
            RelationshipAddress { hub_name: "1".into(), ..good.clone() },
            RelationshipAddress { relationship_name: "r".repeat(513).into(), ..good.clone() },
        ];
        let mut found: Vec<String> =
            broken.iter().flat_map(|address| address.validate().unwrap_err()).map(|v| v.code().to_owned()).collect();
        found.sort_unstable();
        found.dedup();
        let mut listed = URL_CODES.map(str::to_owned).to_vec();
        listed.sort_unstable();
        assert_eq!(found, listed);
    }

    #[test]
    fn other_routes_are_not_this_one() {
        for path in [
            "/",
            "",
            "/subscriptions/s/resourceGroups/g/providers/Microsoft.CustomerInsights/hubs/h/relationships/r/",
            "/subscriptions/s/resourceGroups/g/providers/Microsoft.Other/hubs/h/relationships/r",
            "/subscriptions/s/resourceGroups/g/providers/Microsoft.CustomerInsights/hubs/h/profiles/r",
            "/subscriptions/s/resourceGroups/g/providers/Microsoft.CustomerInsights/hubs/h/relationships/r/x",
            "/subscriptions/s/resourceGroups/g/providers/Microsoft.CustomerInsights/hubs/h/relationships",
            "subscriptions/s/resourceGroups/g/providers/Microsoft.CustomerInsights/hubs/h/relationships/r",
            "/subscriptions/s/resourceGroupsX/g/providers/Microsoft.CustomerInsights/hubs/h/relationships/r",
            "/subscriptions/s/resourceGroup/g/providers/Microsoft.CustomerInsights/hubs/h/relationships/r",
            "/subscriptions/s/resourceGroup/s/g/providers/Microsoft.CustomerInsights/hubs/h/relationships/r",
            "/subscriptionsé/s/resourceGroups/g/providers/Microsoft.CustomerInsights/hubs/h/relationships/r",
            "/subscriptions",
            "/subscriptions/",
        ] {
            assert!(RelationshipAddress::from_uri(path, None).is_none(), "{path}");
        }
    }
}
