//! Generated code uses absolute paths only: it still compiles with the prelude's names shadowed.

#![allow(dead_code, non_camel_case_types, clippy::upper_case_acronyms, clippy::unnecessary_wraps)]

mod shadowed {
    struct Result;
    struct Ok;
    struct Err;
    struct Option;
    struct Some;
    struct None;
    struct String;
    struct Vec;
    struct Box;
    struct Path;
    struct Violations;
    mod core {}
    mod std {}
    mod validate_core {}

    fn check(_: &Shadowed) -> ::core::result::Result<(), ::validate_core::RuleError> {
        ::core::result::Result::Ok(())
    }

    fn fine(_: &str) -> ::core::result::Result<(), ::validate_core::RuleError> {
        ::core::result::Result::Ok(())
    }

    #[derive(::validate_core::Validate)]
    #[validate(check(check))]
    pub struct Shadowed {
        #[validate(required, length(min = 1, max = 3), pattern("^a"), custom(fine))]
        pub name: ::core::option::Option<::std::string::String>,
        #[validate(unique(by = name), each(nested))]
        pub items: ::std::vec::Vec<Item>,
        #[validate(range(min = 1))]
        pub count: u8,
        #[validate(keys(length(max = 3), pattern("^a"), custom(fine)), each(non_empty))]
        pub tags: ::std::collections::BTreeMap<::std::string::String, ::std::string::String>,
    }

    #[derive(::validate_core::Validate)]
    pub struct Item {
        #[validate(non_empty)]
        pub name: ::std::string::String,
    }

    #[derive(::validate_core::Validate)]
    pub enum Choice {
        A(#[validate(non_empty)] ::std::string::String),
        B {
            #[validate(localized)]
            names: ::std::collections::BTreeMap<::std::string::String, ::std::string::String>,
        },
    }
}

#[test]
fn derives_with_shadowed_names() {
    use validate_core::Validate;
    let tags = std::collections::BTreeMap::from([("a".into(), "x".into())]);
    let value = shadowed::Shadowed { name: Some("a".into()), items: vec![], count: 0, tags };
    assert_eq!(value.validate().unwrap_err().len(), 1);
    assert!(shadowed::Choice::A("x".into()).validate().is_ok());
}
