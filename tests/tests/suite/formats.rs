//! `format(…)`: every named format, its valid values and each kind of invalid one, with the exact
//! code, target and English message, through `validate()` and through `from_json` (the two must
//! agree). Boundaries are in the unit tests of `validate-core/src/rules/format.rs`.

use validate_core::text::echo;
use validate_core::{Validate, from_json};
use validate_tests::{details, report};

#[derive(Debug, Default, serde::Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Formats {
    #[validate(format(uuid))]
    uuid: Option<String>,
    #[validate(format(date_time))]
    date_time: Option<String>,
    #[validate(format(date))]
    date: Option<String>,
    #[validate(format(duration))]
    duration: Option<String>,
    #[validate(format(date_time_rfc1123))]
    date_time_rfc1123: Option<String>,
    #[validate(format(uri))]
    uri: Option<String>,
    #[validate(format(arm_id))]
    arm_id: Option<String>,
    #[validate(format(email))]
    email: Option<String>,
    #[validate(format(ip))]
    ip: Option<String>,
    #[validate(format(ipv4))]
    ipv4: Option<String>,
    #[validate(format(ipv6))]
    ipv6: Option<String>,
    #[validate(format(base64))]
    base64: Option<String>,
    #[validate(format(base64url))]
    base64url: Option<String>,
}

/// The body `{"<member>": "<value>"}`.
fn body(member: &str, value: &str) -> String {
    serde_json::json!({ member: value }).to_string()
}

/// Asserts that `value` in `member` passes both doors.
fn assert_valid(member: &str, value: &str) {
    let body = body(member, value);
    let read: Formats = serde_json::from_str(&body).unwrap();
    assert_eq!(report(&read), Vec::<String>::new(), "{member}: {value:?}");
    assert!(from_json::<Formats>(body.as_bytes()).is_ok(), "{member}: {value:?}");
}

/// Asserts that `value` in `member` fails both doors with one `InvalidFormat` at `member`,
/// saying `message`.
fn assert_invalid(member: &str, value: &str, message: &str) {
    let body = body(member, value);
    let read: Formats = serde_json::from_str(&body).unwrap();
    assert_eq!(report(&read), [format!("InvalidFormat {member}: {message}")], "{member}: {value:?}");
    let error = from_json::<Formats>(body.as_bytes()).unwrap_err();
    assert_eq!(details(&error), [("InvalidFormat".into(), member.into(), message.into())], "{member}: {value:?}");
}

/// One format: its member, what it says of a value it refuses, the values it takes, and each
/// kind of value it refuses.
struct Case {
    member: &'static str,
    says: fn(&str) -> String,
    valid: &'static [&'static str],
    invalid: &'static [&'static str],
}

fn check(case: &Case) {
    assert!(from_json::<Formats>(b"{}").is_ok());
    for value in case.valid {
        assert_valid(case.member, value);
    }
    for value in case.invalid {
        assert_invalid(case.member, value, &(case.says)(&echo(value)));
    }
}

#[test]
fn uuid() {
    check(&Case {
        member: "uuid",
        says: |v| format!("The value '{v}' is not a GUID (8-4-4-4-12 hexadecimal digits)."),
        valid: &["6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b", "6E0B3A2C-1F2D-4E5F-8A9B-0C1D2E3F4A5B"],
        invalid: &["", "6e0b3a2c", "{6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b}", "6e0b3a2c1f2d4e5f8a9b0c1d2e3f4a5b"],
    });
}

#[test]
fn date_time() {
    check(&Case {
        member: "dateTime",
        says: |v| format!("The value '{v}' is not an RFC 3339 date-time such as '2027-06-30T23:59:59Z'."),
        valid: &["2027-06-30T23:59:59Z", "2027-06-30T23:59:59.5+02:00"],
        invalid: &["", "2027-06-30", "2027-06-30T23:59:59", "2027-02-30T00:00:00Z", "2027-06-30 23:59:59Z"],
    });
}

#[test]
fn date() {
    check(&Case {
        member: "date",
        says: |v| format!("The value '{v}' is not an RFC 3339 date such as '2027-06-30'."),
        valid: &["2027-06-30", "2024-02-29", "0000-01-01", "9999-12-31"],
        invalid: &[
            "",
            "2023-02-29",
            "2027-04-31",
            "2027-13-01",
            "2027-00-01",
            "2027-01-00",
            "2027-6-30",
            "20270630",
            "2027/06/30",
            "2027-06-30T00:00:00Z",
            " 2027-06-30",
            "30.06.2027",
        ],
    });
}

#[test]
fn duration() {
    check(&Case {
        member: "duration",
        says: |v| format!("The value '{v}' is not an ISO 8601 duration such as 'P1DT12H' or 'PT30M'."),
        valid: &["P1Y2M3DT4H5M6.5S", "PT0S", "P2W", "P0D", "PT36H", "P0.5D", "PT1.5H"],
        invalid: &[
            "",
            "P",
            "PT",
            "P1DT",
            "P1S",
            "PT1D",
            "-P1D",
            "+P1D",
            "p1d",
            "P1M1Y",
            "PT1H1H",
            "PYT1H",
            "P1.5DT1H",
            "PT1.5H1M",
            "PT0,5S",
            "PT.5S",
            "PT1.S",
            "P1W2D",
            "P0001-02-03T04:05:06",
            "P1D ",
            "1 day",
        ],
    });
}

#[test]
fn date_time_rfc1123() {
    check(&Case {
        member: "dateTimeRfc1123",
        says: |v| format!("The value '{v}' is not an RFC 1123 date-time such as 'Sun, 06 Nov 1994 08:49:37 GMT'."),
        valid: &["Sun, 06 Nov 1994 08:49:37 GMT", "Thu, 29 Feb 2024 00:00:00 GMT", "Wed, 30 Jun 2027 23:59:60 GMT"],
        invalid: &[
            "",
            "Mon, 06 Nov 1994 08:49:37 GMT",
            "Fri, 29 Feb 2023 00:00:00 GMT",
            "Sun, 06 nov 1994 08:49:37 GMT",
            "SUN, 06 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 06 Nov 1994 08:49:37 +0000",
            "Sun, 6 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 94 08:49:37 GMT",
            "06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1994 08:49:60 GMT",
            "Sun, 06 Nov 1994 08:49:37 GMT ",
            "1994-11-06T08:49:37Z",
            // Each separator on its own.
            "Sun, 06-Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov-1994 08:49:37 GMT",
            "Sun, 06 Nov 1994-08:49:37 GMT",
            "Sun, 06 Nov 1994 08-49:37 GMT",
            "Sun, 06 Nov 1994 08:49-37 GMT",
        ],
    });
}

#[test]
fn uri() {
    check(&Case {
        member: "uri",
        says: |v| format!("The value '{v}' is not an absolute URI such as 'https://example.com/path'."),
        valid: &[
            "https://example.com/a/b?c=d#e",
            "urn:isbn:0451450523",
            "mailto:user@example.com",
            "http://[2001:db8::1]:8080/",
            "https://example.com/%7Euser",
        ],
        invalid: &[
            "",
            "example.com",
            "//example.com/a",
            "/a/b",
            "1http://example.com",
            "https://example.com/a b",
            " https://example.com",
            "https://example.com/\n",
            "https://例え.jp/",
            "https://example.com/%zz",
            "http://[::1/",
            "http://example.com:port/",
            "https://example.com/<a>",
        ],
    });
}

#[test]
fn email() {
    check(&Case {
        member: "email",
        says: |v| format!("The value '{v}' is not an email address such as 'user@example.com'."),
        valid: &["user@example.com", "first.last+tag@example.co.uk", "user@localhost", "!#$%&'*+/=?^_`{|}~-@x.io"],
        invalid: &[
            "",
            "user",
            "user@",
            "@example.com",
            "a@b@example.com",
            "first last@example.com",
            "\"a b\"@example.com",
            "user@[192.0.2.1]",
            "user@bücher.example",
            "user@-example.com",
            "user@example..com",
            "user@example.com.",
            "user@example.com\n",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com",
        ],
    });
}

#[test]
fn ip_addresses() {
    let refused_by_all: &[&str] =
        &["", "192.0.2", "256.0.0.1", "192.0.2.01", "192.0.2.1/24", "192.0.2.1:80", "fe80::1%eth0", "[::1]", "1::2::3"];
    check(&Case {
        member: "ip",
        says: |v| format!("The value '{v}' is not an IP address such as '192.0.2.1' or '2001:db8::1'."),
        valid: &["192.0.2.1", "2001:db8::1", "::ffff:192.0.2.1"],
        invalid: refused_by_all,
    });
    check(&Case {
        member: "ipv4",
        says: |v| format!("The value '{v}' is not an IPv4 address such as '192.0.2.1'."),
        valid: &["192.0.2.1", "0.0.0.0", "255.255.255.255"],
        invalid: &["", "192.0.2", "256.0.0.1", "192.0.2.01", "2001:db8::1", "::ffff:192.0.2.1", " 192.0.2.1"],
    });
    check(&Case {
        member: "ipv6",
        says: |v| format!("The value '{v}' is not an IPv6 address such as '2001:db8::1'."),
        valid: &["2001:db8::1", "::", "::1", "2001:DB8:0:0:0:0:0:1", "::ffff:192.0.2.1"],
        invalid: &["", "192.0.2.1", "fe80::1%eth0", "[::1]", "1::2::3", "::1/128", "2001:db8::g"],
    });
    for value in refused_by_all {
        assert_invalid("ipv4", value, &format!("The value '{value}' is not an IPv4 address such as '192.0.2.1'."));
        assert_invalid("ipv6", value, &format!("The value '{value}' is not an IPv6 address such as '2001:db8::1'."));
    }
}

#[test]
fn base64() {
    check(&Case {
        member: "base64",
        says: |v| format!("The value '{v}' is not base64 text (RFC 4648, padded) such as 'SGk='."),
        valid: &["", "SGk=", "SGVsbG8h", "SGVsbA==", "+/+/"],
        invalid: &["SGk", "SGk==", "SGVsbA=", "====", "S=k=", "SGl=", "QR==", "SGk_", "-_-_", "SG k=", "SGk=\n"],
    });
}

#[test]
fn base64url() {
    check(&Case {
        member: "base64url",
        says: |v| format!("The value '{v}' is not base64url text (RFC 4648, URL-safe, unpadded) such as 'SGk_'."),
        valid: &["", "SGk_", "SGk", "QQ", "-_-_"],
        invalid: &["A", "SGk=", "QQ==", "SGk/", "+/+/", "SGl", "QR", "SG k"],
    });
}

const SUB: &str = "/subscriptions/6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b";

#[test]
fn arm_ids_of_every_scope_are_valid() {
    for id in [
        SUB.to_owned(),
        format!("{SUB}/resourceGroups/contoso-rg"),
        format!("{SUB}/resourcegroups/Grüße_(1).v2/providers/Microsoft.Web/sites/app/slots/staging"),
        format!("{SUB}/providers/Microsoft.Authorization/roleDefinitions/reader"),
        "/providers/Microsoft.Management/managementGroups/root".to_owned(),
        format!(
            "{SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm/providers/\
             Microsoft.Authorization/locks/lock"
        ),
    ] {
        assert_valid("armId", &id);
    }
}

#[test]
fn arm_ids_say_what_is_wrong() {
    let rg_rule = "must have 1 to 90 letters, digits, '_', '(', ')', '-' or '.', and must not end with '.'";
    let cases = [
        ("subscriptions/x".to_owned(), "it must start with '/'".to_owned()),
        (format!("{SUB}/resourceGroups/my rg"), "it must not contain white space or control characters; it has ' '".into()),
        (format!("{SUB}/resourceGroups/rg\t"), r"it must not contain white space or control characters; it has '\u{9}'".into()),
        (format!("{SUB}/"), "it has an empty segment ('//' or a '/' at the end)".into()),
        (format!("{SUB}//resourceGroups/rg"), "it has an empty segment ('//' or a '/' at the end)".into()),
        ("/tenants/t".into(), "the segment 'tenants' is not 'subscriptions' or 'providers'".into()),
        (format!("{SUB}/resourceGroup/rg"), "the segment 'resourceGroup' is not 'resourceGroups' or 'providers'".into()),
        (format!("{SUB}/resourceGroups/rg/provider/Microsoft.Web/sites/a"), "the segment 'provider' is not 'providers'".into()),
        ("/subscriptions".into(), "the subscription is missing".into()),
        (format!("{SUB}/resourceGroups"), "the resource group name is missing".into()),
        ("/providers".into(), "the provider namespace is missing".into()),
        (format!("{SUB}/providers/Microsoft.Web"), "the resource type is missing".into()),
        ("/subscriptions/x/resourceGroups/rg".into(), "the subscription 'x' is not a GUID".into()),
        (format!("{SUB}/resourceGroups/rg."), format!("the resource group name 'rg.' {rg_rule}")),
        (format!("{SUB}/resourceGroups/rg%"), format!("the resource group name 'rg%' {rg_rule}")),
        (format!("{SUB}/resourceGroups/{}", "g".repeat(91)), format!("the resource group name '{}' {rg_rule}", echo(&"g".repeat(91)))),
        (
            "/providers/Microsoft/sites/a".into(),
            "the provider namespace 'Microsoft' is not words of letters and digits joined by '.', such as 'Microsoft.Web'".into(),
        ),
        ("/providers/Microsoft.Web/sites".into(), "the resource type 'sites' has no name".into()),
        (format!("{SUB}/resourceGroups/rg/providers/Microsoft.Web/sites/app/slots"), "the resource type 'slots' has no name".into()),
    ];
    for (id, problem) in cases {
        let message = format!("The value '{}' is not an Azure resource ID: {problem}.", echo(&id));
        assert_invalid("armId", &id, &message);
    }
}

#[test]
fn every_format_at_once() {
    let body = br#"{"uuid":"x","dateTime":"x","date":"x","duration":"x","dateTimeRfc1123":"x","uri":"x",
        "armId":"x","email":"x","ip":"x","ipv4":"x","ipv6":"x","base64":"x","base64url":"x"}"#;
    let error = from_json::<Formats>(body).unwrap_err();
    let found: Vec<_> = details(&error).into_iter().map(|(code, target, _)| format!("{code} {target}")).collect();
    assert_eq!(
        found,
        [
            "InvalidFormat uuid",
            "InvalidFormat dateTime",
            "InvalidFormat date",
            "InvalidFormat duration",
            "InvalidFormat dateTimeRfc1123",
            "InvalidFormat uri",
            "InvalidFormat armId",
            "InvalidFormat email",
            "InvalidFormat ip",
            "InvalidFormat ipv4",
            "InvalidFormat ipv6",
            "InvalidFormat base64",
            "InvalidFormat base64url",
        ]
    );
}

/// `additionalInfo` names the format by its AutoRest name.
#[test]
fn additional_info_names_the_format() {
    let language = validate_core::Language::builtin("en").unwrap().with_additional_info(true);
    let formats = Formats {
        base64: Some("x".into()),
        arm_id: Some("/subscriptions/x".into()),
        date_time_rfc1123: Some("x".into()),
        ..Formats::default()
    };
    let answer = formats.validate().unwrap_err().into_response(&language);
    let infos: Vec<serde_json::Value> = answer
        .error
        .details
        .iter()
        .map(|d| serde_json::to_value(&d.additional_info).unwrap()[0]["info"].clone())
        .collect();
    assert_eq!(infos[0]["format"], "date-time-rfc1123");
    assert_eq!(infos[0]["messageId"], "format-invalid");
    assert_eq!(infos[1]["format"], "arm-id");
    assert_eq!(infos[1]["messageId"], "format-invalid-arm-id");
    assert_eq!(infos[1]["problem"], "subscription-not-guid");
    assert_eq!(infos[1]["segment"], "x");
    assert_eq!(infos[2]["format"], "byte");
    assert_eq!(infos[2]["rule"], "format");
}
