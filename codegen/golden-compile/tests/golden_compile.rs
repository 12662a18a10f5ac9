//! Compiles the expected model code of every golden case of the generator
//! (`codegen/tests/golden/<case>/expected.rs`) against the SDK's runtime, and
//! checks, with serde_json, that it behaves as the generator promises: open
//! enums, discriminated and untagged unions, `null` and missing fields, the
//! catch-all `extra` map, keyword escaping, and `Box` only where recursion needs it.
//!
//! Many checks are also compile-time: a field of the wrong type (a `Box` too many,
//! two types where there should be one) fails the build of this file. After
//! `UPDATE_GOLDEN=1 cargo test -p conekta-codegen --test golden`, run
//! `cargo test -p conekta-golden-compile` to check that the new expected code still
//! compiles and behaves.

// What the generated models refer to at their crate root, as they do in the SDK.
#[allow(unused_imports)]
pub use conekta_sdk::{
    __private, BuildError, FilePart, IntoJsonObject, IntoModel, Language, Timestamp,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

// The generated model files refer to each other only through `super::`, so each
// case's `models/mod.rs` compiles as a module of its own. `rustfmt::skip`: the
// expected files are the generator's output, byte for byte; `cargo fmt` must not
// touch them. `dead_code`: most types are only compiled, not used.
#[rustfmt::skip]
#[allow(dead_code, deprecated)]
#[path = "../../tests/golden/all_of/expected.rs"]
mod all_of;
#[rustfmt::skip]
#[allow(dead_code, deprecated)]
#[path = "../../tests/golden/collisions/expected.rs"]
mod collisions;
#[rustfmt::skip]
#[allow(dead_code, deprecated, unused_imports)]
#[path = "../../tests/golden/domain/expected.rs"]
mod domain;
#[rustfmt::skip]
#[allow(dead_code, deprecated)]
#[path = "../../tests/golden/enums/expected.rs"]
mod enums;
// Gated by the features `pets` and `stores`, which this crate declares (on by
// default); `--no-default-features --features pets` compiles it without `Store`
// (`.ci/run` runs both).
#[rustfmt::skip]
#[allow(dead_code, deprecated, unused_imports)]
#[path = "../../tests/golden/features/expected.rs"]
mod features;
#[rustfmt::skip]
#[allow(dead_code, deprecated)]
#[path = "../../tests/golden/keywords/expected.rs"]
mod keywords;
#[rustfmt::skip]
#[allow(dead_code, deprecated)]
#[path = "../../tests/golden/maps/expected.rs"]
mod maps;
#[rustfmt::skip]
#[allow(dead_code, deprecated, unused_imports)]
#[path = "../../tests/golden/mcp_tools/expected.rs"]
mod mcp_tools;
#[rustfmt::skip]
#[allow(dead_code, deprecated, unused_imports)]
#[path = "../../tests/golden/multipart/expected.rs"]
mod multipart;
#[rustfmt::skip]
#[allow(dead_code, deprecated)]
#[path = "../../tests/golden/nullable/expected.rs"]
mod nullable;
#[rustfmt::skip]
#[allow(dead_code, deprecated)]
#[path = "../../tests/golden/one_of_discriminator/expected.rs"]
mod one_of_discriminator;
#[rustfmt::skip]
#[allow(dead_code, deprecated)]
#[path = "../../tests/golden/one_of_untagged/expected.rs"]
mod one_of_untagged;
#[rustfmt::skip]
#[allow(dead_code, deprecated)]
#[path = "../../tests/golden/recursion/expected.rs"]
mod recursion;
#[rustfmt::skip]
#[allow(dead_code, deprecated)]
#[path = "../../tests/golden/regressions/expected.rs"]
mod regressions;
#[rustfmt::skip]
#[allow(dead_code, deprecated, unused_imports)]
#[path = "../../tests/golden/scoping/expected.rs"]
mod scoping;

/// The cases compiled above; a new case directory must be added here too.
const COMPILED: &[&str] = &[
    "all_of",
    "collisions",
    "domain",
    "enums",
    "features",
    "keywords",
    "maps",
    "mcp_tools",
    "multipart",
    "nullable",
    "one_of_discriminator",
    "one_of_untagged",
    "recursion",
    "regressions",
    "scoping",
];

#[test]
fn every_case_is_compiled() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/golden");
    let mut found: Vec<String> = std::fs::read_dir(&root)
        .expect("codegen/tests/golden is readable")
        .map(|entry| entry.expect("a readable directory entry"))
        .filter(|entry| entry.path().is_dir())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    assert_eq!(
        found, COMPILED,
        "add a `#[path = ...] mod <case>;` and an entry in COMPILED in tests/golden_compile.rs"
    );
}

/// Decodes `json` as `T`, panicking with the error.
fn decode<T: DeserializeOwned>(json: &Value) -> T {
    serde_json::from_value(json.clone()).unwrap_or_else(|e| panic!("cannot decode {json}: {e}"))
}

/// Decodes `json` as `T` and checks that it serialises back to the same JSON.
fn round_trip<T: Serialize + DeserializeOwned>(json: Value) -> T {
    let decoded: T = decode(&json);
    let again = serde_json::to_value(&decoded).expect("serialises");
    assert_eq!(again, json, "does not re-serialise unchanged");
    decoded
}

/// Checks that `json` does not decode as `T`.
fn rejects<T: DeserializeOwned + std::fmt::Debug>(json: Value) {
    if let Ok(decoded) = serde_json::from_value::<T>(json.clone()) {
        panic!("{json} should not decode, got {decoded:?}");
    }
}

/// Serialises as compact JSON text (field order included).
fn text<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("serialises")
}

mod all_of_case {
    use super::all_of::{Base, BaseMeta, Customer, CustomerStatus, VipCustomer};
    use super::*;

    /// Compile-time: the inline `meta` of `base` is one type in all three schemas.
    fn meta_of_all(base: Base, customer: Customer, vip: VipCustomer) -> [Option<BaseMeta>; 3] {
        [base.meta, customer.meta, vip.meta]
    }

    #[test]
    fn merges_every_part_and_keeps_extras() {
        let vip: VipCustomer = round_trip(json!({
            "id": "c1",
            "status": "active",
            "meta": {"source": "web", "campaign": "spring"},
            "name": "Ana",
            "tier": 2,
            "perks": ["lounge"],
            "loyalty": {"points": 10}
        }));
        assert_eq!(vip.id, "c1");
        assert_eq!(vip.name, "Ana");
        assert_eq!(vip.tier, 2);
        assert_eq!(vip.perks, Some(vec!["lounge".to_owned()]));
        assert_eq!(vip.status, Some(CustomerStatus::Active));
        assert_eq!(vip.extra["loyalty"], json!({"points": 10}));
        let meta = vip.meta.clone().expect("meta");
        assert_eq!(meta.source.as_deref(), Some("web"));
        assert_eq!(meta.extra["campaign"], "spring");
        // Only answers carry these two: they decode, and have no builder.
        let base: Base = decode(&json!({"id": "b1"}));
        let customer: Customer = decode(&json!({"id": "c1", "name": "Ana"}));
        let [_, _, from_vip] = meta_of_all(base, customer, vip);
        assert_eq!(from_vip, Some(meta));
    }

    #[test]
    fn a_redefined_property_keeps_its_place_and_takes_the_later_schema() {
        let vip = VipCustomer::builder()
            .id("c1")
            .name("Ana")
            .tier(2)
            .status(CustomerStatus::Inactive)
            .build()
            .unwrap();
        assert_eq!(
            text(&vip),
            r#"{"id":"c1","status":"inactive","name":"Ana","tier":2}"#
        );
        // In the base alone it is still free text.
        let base: Base = decode(&json!({"id": "b1", "status": "anything"}));
        assert_eq!(base.status.as_deref(), Some("anything"));
    }

    #[test]
    fn required_properties_of_every_part_are_required() {
        let full = json!({"id": "c1", "name": "Ana", "tier": 2});
        let _: VipCustomer = decode(&full);
        for missing in ["id", "name", "tier"] {
            let mut partial = full.clone();
            partial.as_object_mut().unwrap().remove(missing);
            rejects::<VipCustomer>(partial);
        }
    }
}

mod one_of_discriminator_case {
    use super::one_of_discriminator::{Card, Cash, PaymentMethod, Spei};
    use super::*;

    #[test]
    fn decodes_by_the_mapping_keys() {
        let cash = json!({"type": "cash_recurrent", "reference": "R1", "expires_at": 99});
        match round_trip::<PaymentMethod>(cash) {
            PaymentMethod::CashRecurrent(Cash {
                reference,
                expires_at,
                ..
            }) => {
                assert_eq!(reference, "R1");
                assert_eq!(expires_at, Some(99));
            }
            other => panic!("expected CashRecurrent, got {other:?}"),
        }
        let card = json!({"type": "card_payment", "last4": "4242"});
        match round_trip::<PaymentMethod>(card) {
            PaymentMethod::CardPayment(Card { last4, .. }) => assert_eq!(last4, "4242"),
            other => panic!("expected CardPayment, got {other:?}"),
        }
    }

    #[test]
    fn a_member_missing_from_the_mapping_is_tagged_by_its_schema_name() {
        let spei = json!({"type": "spei", "clabe": "0123"});
        let decoded: PaymentMethod = round_trip(spei);
        assert!(matches!(&decoded, PaymentMethod::Spei(Spei { clabe, .. }) if clabe == "0123"));
        assert_eq!(decoded.tag(), Some("spei"));
    }

    #[test]
    fn an_unknown_tag_keeps_the_raw_json() {
        let raw = json!({"type": "bank_transfer", "bank": "X", "nested": {"a": [1, 2]}});
        let decoded: PaymentMethod = round_trip(raw.clone());
        assert_eq!(decoded, PaymentMethod::Unknown(raw));
        assert_eq!(decoded.tag(), Some("bank_transfer"));
        // Schema names are not tags when the mapping renames them.
        let by_schema_name = json!({"type": "cash", "reference": "R1"});
        assert_eq!(
            decode::<PaymentMethod>(&by_schema_name),
            PaymentMethod::Unknown(by_schema_name)
        );
        // No tag at all, or not a string.
        for raw in [json!({"reference": "R1"}), json!({"type": 3})] {
            let decoded: PaymentMethod = decode(&raw);
            assert_eq!(decoded, PaymentMethod::Unknown(raw));
        }
    }

    #[test]
    fn a_known_tag_with_a_bad_body_is_an_error() {
        rejects::<PaymentMethod>(json!({"type": "cash_recurrent"}));
        rejects::<PaymentMethod>(json!({"type": "card_payment", "last4": 4242}));
    }

    #[test]
    fn variants_report_their_tag_and_keep_extras() {
        let raw = json!({"type": "card_payment", "last4": "1", "fingerprint": "f"});
        let decoded: PaymentMethod = round_trip(raw);
        assert_eq!(decoded.tag(), Some("card_payment"));
        let PaymentMethod::CardPayment(card) = decoded else {
            panic!("expected CardPayment");
        };
        assert_eq!(card.extra["fingerprint"], "f");
    }
}

mod one_of_untagged_case {
    use super::one_of_untagged::Contact;
    use super::*;

    fn variant(contact: &Contact) -> &'static str {
        match contact {
            Contact::FullContact(_) => "FullContact",
            Contact::PhoneContact(_) => "PhoneContact",
            Contact::LabelledEmailContact(_) => "LabelledEmailContact",
            Contact::EmailContact(_) => "EmailContact",
            Contact::Variant0(_) => "Variant0",
            Contact::Other(_) => "Other",
        }
    }

    #[test]
    fn picks_the_most_specific_variant() {
        let cases = [
            (
                json!({"email": "e", "phone": "p", "name": "n"}),
                "FullContact",
            ),
            (json!({"email": "e", "phone": "p"}), "PhoneContact"),
            (
                json!({"email": "e", "label": "work"}),
                "LabelledEmailContact",
            ),
            // `labelled_email_contact` accepts whatever `email_contact` does and is
            // tried first (same required properties, more properties).
            (json!({"email": "e"}), "LabelledEmailContact"),
            (json!("plain text"), "Variant0"),
        ];
        for (json, expected) in cases {
            let decoded: Contact = round_trip(json.clone());
            assert_eq!(variant(&decoded), expected, "{json}");
        }
    }

    #[test]
    fn the_most_specific_variant_gets_the_fields_not_extra() {
        let decoded: Contact = round_trip(json!({"email": "e", "phone": "p", "name": "n", "x": 1}));
        let Contact::FullContact(full) = decoded else {
            panic!("expected FullContact, got {decoded:?}");
        };
        assert_eq!((full.email.as_str(), full.phone.as_str()), ("e", "p"));
        assert_eq!(full.name, "n");
        assert_eq!(full.extra.len(), 1);
        assert_eq!(full.extra["x"], 1);
    }

    #[test]
    fn anything_else_is_kept_as_other() {
        for raw in [json!(42), json!({"phone": "p"}), json!(null), json!([1])] {
            let decoded: Contact = round_trip(raw.clone());
            assert_eq!(decoded, Contact::Other(raw));
        }
    }
}

mod nullable_case {
    use super::nullable::{Address, Profile};
    use super::*;

    /// Compile-time: which fields are optional, and the wrapper is the referenced type.
    fn types(
        p: Profile,
    ) -> (
        String,
        Option<String>,
        Option<Address>,
        Address,
        Option<Address>,
    ) {
        (p.id, p.nickname, p.address, p.billing, p.shipping)
    }

    #[test]
    fn null_and_missing_are_none() {
        let with_nulls: Profile = decode(&json!({
            "id": "p1",
            "nickname": null,
            "bio": null,
            "middle_name": null,
            "address": null,
            "billing": {},
            "shipping": null
        }));
        let without: Profile = decode(&json!({"id": "p1", "billing": {}}));
        assert_eq!(with_nulls, without);
        assert_eq!(with_nulls.bio, None, "null for an optional field is None");
        let (_, nickname, address, _, shipping) = types(with_nulls);
        assert_eq!((nickname, address, shipping), (None, None, None));
    }

    #[test]
    fn values_decode_through_the_allof_wrapper() {
        let profile: Profile = round_trip(json!({
            "id": "p1",
            "nickname": "nick",
            "address": {"street": "Main"},
            "billing": {"street": "Second", "zip": "01000"},
            "shipping": {"street": "Third"}
        }));
        assert_eq!(profile.nickname.as_deref(), Some("nick"));
        assert_eq!(
            profile.address.and_then(|a| a.street).as_deref(),
            Some("Main")
        );
        assert_eq!(profile.billing.extra["zip"], "01000");
        assert_eq!(
            profile.shipping.and_then(|a| a.street).as_deref(),
            Some("Third")
        );
    }

    #[test]
    fn required_non_nullable_fields_must_be_present_and_not_null() {
        rejects::<Profile>(json!({"id": "p1"}));
        rejects::<Profile>(json!({"id": "p1", "billing": null}));
        rejects::<Profile>(json!({"billing": {}}));
        rejects::<Profile>(json!({"id": null, "billing": {}}));
    }

    #[test]
    fn empty_optional_fields_are_not_serialised() {
        // Records current behaviour: a required but nullable field that is `None`
        // is left out rather than sent as `null`.
        assert_eq!(
            text(
                &Profile::builder()
                    .id("p1")
                    .billing(Address::builder())
                    .build()
                    .unwrap()
            ),
            r#"{"id":"p1","billing":{}}"#
        );
    }
}

mod enums_case {
    use super::enums::{
        Brand, Card, CardAuthentication, CardKind, CardStatus, CardTagsItem, Status, Status2,
    };
    use super::*;
    use std::convert::Infallible;
    use std::str::FromStr;

    #[test]
    fn known_values_decode_to_their_variants() {
        let card: Card = round_trip(json!({
            "brand": "american_express",
            "status": "",
            "authentication": "3ds",
            "kind": "credit_card",
            "tags": ["vip", "blocked"]
        }));
        assert_eq!(card.brand, Brand::AmericanExpress);
        assert_eq!(card.status, Some(CardStatus::Empty));
        assert_eq!(card.authentication, Some(CardAuthentication::V3ds));
        assert_eq!(card.kind, Some(CardKind::CreditCard2));
        assert_eq!(
            card.tags,
            Some(vec![CardTagsItem::Vip, CardTagsItem::Blocked])
        );
    }

    #[test]
    fn values_colliding_after_case_conversion_stay_distinct() {
        let cases = [
            ("credit-card", CardKind::CreditCard),
            ("credit_card", CardKind::CreditCard2),
            ("CreditCard", CardKind::CreditCard3),
            ("unknown", CardKind::Unknown2),
            ("self", CardKind::Self_),
        ];
        for (wire, variant) in cases {
            let decoded: CardKind = round_trip(json!(wire));
            assert_eq!(decoded, variant);
            assert_eq!(decoded.as_str(), wire);
            assert_eq!(decoded.to_string(), wire);
        }
        assert_eq!(CardAuthentication::from("3ds2"), CardAuthentication::V3ds2);
        assert_eq!(CardAuthentication::None.as_str(), "none");
    }

    #[test]
    fn unknown_values_are_kept_and_reserialised_unchanged() {
        for wire in ["4ds", "CREDIT_CARD", " credit-card", "Unknown", "ü"] {
            let decoded: CardKind = round_trip(json!(wire));
            assert_eq!(decoded, CardKind::Unknown(wire.to_owned()));
            assert_eq!(decoded.as_str(), wire);
        }
        let card: Card = round_trip(json!({"brand": "discover", "status": "paused"}));
        assert_eq!(card.brand, Brand::Unknown("discover".into()));
        assert_eq!(card.status, Some(CardStatus::Unknown("paused".into())));
    }

    #[test]
    fn from_str_never_fails() {
        // Compile-time: the error type is `Infallible`.
        let parse: fn(&str) -> Result<CardStatus, Infallible> = CardStatus::from_str;
        for input in ["", "active", "ACTIVE", "3ds", "\u{0}", "a b c"] {
            let Ok(parsed) = parse(input);
            assert_eq!(parsed.as_str(), input);
            assert_eq!(
                input.parse::<CardKind>().map(|k| k.to_string()),
                Ok(input.to_owned())
            );
        }
        assert_eq!("".parse::<CardStatus>(), Ok(CardStatus::Empty));
        assert_eq!(
            CardStatus::from(String::from("gone")),
            CardStatus::Unknown("gone".into())
        );
    }

    #[test]
    fn non_strings_are_errors() {
        rejects::<CardKind>(json!(3));
        rejects::<Card>(json!({"brand": null}));
        rejects::<Card>(json!({}));
    }

    #[test]
    fn the_same_inline_parameter_enum_is_one_type() {
        // Both operations' `status` parameters are `Status`; other values get `Status2`.
        let both: [Status; 2] = [Status::Active, Status::Inactive];
        assert_eq!(both.map(|s| s.to_string()), ["active", "inactive"]);
        assert_eq!(Status2::from("sent"), Status2::Sent);
        assert_eq!(Status2::from("active"), Status2::Unknown("active".into()));
    }
}

mod maps_case {
    use super::maps::{Holder, HolderPointsValue, Labels};
    use super::*;
    use std::collections::BTreeMap;

    /// Compile-time: the value types of each map.
    #[allow(clippy::type_complexity)]
    fn types(
        h: Holder,
    ) -> (
        Option<serde_json::Map<String, Value>>,
        Option<serde_json::Map<String, Value>>,
        Option<serde_json::Map<String, Value>>,
        Option<BTreeMap<String, i64>>,
        Option<BTreeMap<String, Labels>>,
        Option<BTreeMap<String, HolderPointsValue>>,
        Option<serde_json::Map<String, Value>>,
    ) {
        (
            h.any_map,
            h.bare_object,
            h.closed_object,
            h.counts,
            h.labels_by_key,
            h.points,
            h.free,
        )
    }

    #[test]
    fn every_kind_of_map_round_trips() {
        let holder: Holder = round_trip(json!({
            "any_map": {"a": 1, "b": [true, null]},
            "bare_object": {"k": "v"},
            "closed_object": {"z": 1},
            "counts": {"x": 1, "y": -2},
            "labels_by_key": {"k": {"name": "n", "color": "red"}},
            "points": {"p": {"x": 1.5, "w": 1}},
            "free": {"q": null},
            "undeclared": "kept"
        }));
        assert_eq!(holder.extra["undeclared"], "kept");
        let (any, _, _, counts, labels, points, free) = types(holder);
        assert_eq!(any.expect("any_map")["b"], json!([true, null]));
        assert_eq!(counts.expect("counts")["y"], -2);
        assert_eq!(labels.expect("labels")["k"].extra["color"], "red");
        assert_eq!(points.expect("points")["p"].x, Some(1.5));
        assert_eq!(free.expect("free")["q"], Value::Null);
    }

    #[test]
    fn typed_values_are_checked() {
        rejects::<Holder>(json!({"counts": {"x": "one"}}));
        rejects::<Holder>(json!({"labels_by_key": {"k": {}}}));
    }

    #[test]
    fn properties_with_typed_additional_properties() {
        let labels: Labels = round_trip(json!({"name": "n", "color": "red", "size": "L"}));
        let extra: &BTreeMap<String, String> = &labels.extra;
        assert_eq!(extra.len(), 2);
        assert_eq!(extra["size"], "L");
        assert_eq!(labels.name, "n");
        rejects::<Labels>(json!({"name": "n", "size": 3}));
        rejects::<Labels>(json!({"color": "red"}));
    }

    #[test]
    fn a_map_only_component_is_the_map_itself() {
        let holder: Holder = decode(&json!({"free": {"anything": [1, {"b": 2}]}}));
        assert_eq!(holder.free.expect("free")["anything"][1]["b"], 2);
        assert_eq!(Holder::builder().build().unwrap(), Holder::default());
        assert_eq!(text(&Holder::default()), "{}");
    }
}

mod collisions_case {
    use super::collisions::{
        CompanyDocumentResponse, CustomerInfo, CustomerInfo2, Order, OrderCustomer,
    };
    use super::*;

    /// Compile-time: both spellings of the schema are the one type, and so is the inline
    /// `customer` of `order`, which has the shape of `customer_info`; the others are distinct.
    #[allow(clippy::type_complexity)]
    fn types(
        o: Order,
    ) -> (
        [Option<CompanyDocumentResponse>; 2],
        Option<CustomerInfo>,
        Option<CustomerInfo2>,
        Option<CustomerInfo>,
        Option<OrderCustomer>,
    ) {
        (
            [o.document, o.document_alt],
            o.info,
            o.info_alt,
            o.customer,
            o.customer_ref,
        )
    }

    #[test]
    fn same_shape_is_one_type_with_the_looser_requirements() {
        // `company_document_response` requires `url`, `CompanyDocumentResponse` does not:
        // the shared type accepts a document without one, wherever it is used.
        let order: Order = round_trip(json!({
            "document": {"id": "d1"},
            "document_alt": {"id": "d2", "url": "https://example.com"}
        }));
        let ([document, alt], ..) = types(order);
        let expected = CompanyDocumentResponse::builder().id("d1").build().unwrap();
        assert_eq!(document, Some(expected));
        assert_eq!(
            alt.and_then(|d| d.url).as_deref(),
            Some("https://example.com")
        );
        rejects::<CompanyDocumentResponse>(json!({"url": "u"}));
    }

    #[test]
    fn different_shapes_are_different_types() {
        let order: Order = round_trip(json!({
            "info": {"name": "a"},
            "info_alt": {"email": "b"},
            "customer": {"name": "c"},
            "customer_ref": {"id": "d"}
        }));
        let (_, info, info_alt, customer, customer_ref) = types(order);
        assert_eq!(info.and_then(|i| i.name).as_deref(), Some("a"));
        assert_eq!(info_alt.and_then(|i| i.email).as_deref(), Some("b"));
        assert_eq!(customer.and_then(|c| c.name).as_deref(), Some("c"));
        assert_eq!(customer_ref.and_then(|c| c.id).as_deref(), Some("d"));
    }
}

#[cfg(all(feature = "pets", feature = "stores"))]
mod features_case {
    use super::features::{Address, Card, Pet, Problem, Store, StorePayment};
    use super::*;

    #[test]
    fn gated_models_compile_and_behave_with_their_features() {
        let store = Store::builder()
            .address(Address::builder().street("Reforma 1"))
            .payment(Card::builder().last4("4242"))
            .build()
            .unwrap();
        assert!(matches!(store.payment, Some(StorePayment::Card(_))));
        let store: Store =
            round_trip(json!({"address": {"street": "Reforma 1"}, "payment": {"reference": "r"}}));
        assert!(matches!(store.payment, Some(StorePayment::Cash(_))));
        let pet: Pet = round_trip(
            json!({"name": "Rex", "toys": [{"squeaks": true}], "home": {"street": "x"}}),
        );
        assert_eq!(pet.toys.map(|toys| toys.len()), Some(1));
        let problem: Problem = round_trip(json!({"message": "no", "details": [{"code": "c"}]}));
        assert_eq!(problem.details.map(|d| d.len()), Some(1));
    }
}

mod keywords_case {
    use super::keywords::Thing;
    use super::*;

    #[test]
    fn escaped_names_keep_their_wire_names() {
        let thing: Thing = round_trip(json!({
            "type": "t",
            "self": "s",
            "match": true,
            "async": 1,
            "3ds": false,
            "created_at.gte": 5,
            "filterName": "camel",
            "filter_name": "snake",
            "extra": "declared",
            "undeclared": {"kept": true}
        }));
        assert_eq!(thing.type_, "t");
        assert_eq!(thing.self_, "s");
        assert_eq!(thing.match_, Some(true));
        assert_eq!(thing.async_, Some(1));
        assert_eq!(thing._3ds, Some(false));
        assert_eq!(thing.created_at_gte, Some(5));
        assert_eq!(thing.filter_name.as_deref(), Some("camel"));
        assert_eq!(thing.filter_name2.as_deref(), Some("snake"));
        assert_eq!(thing.extra.as_deref(), Some("declared"));
        assert_eq!(thing.extra2.len(), 1);
        assert_eq!(thing.extra2["undeclared"], json!({"kept": true}));
    }

    #[test]
    fn the_builder_requires_the_required_fields() {
        let thing = Thing::builder().type_("t").self_("s").build().unwrap();
        assert_eq!(text(&thing), r#"{"type":"t","self":"s"}"#);
        let missing = Thing::builder().type_("t").build().unwrap_err();
        assert_eq!(missing.path(), "self");
        rejects::<Thing>(json!({"type": "t"}));
        rejects::<Thing>(json!({"self": "s"}));
        // Converted names are not accepted in place of the wire names.
        let thing: Thing = decode(&json!({"type": "t", "self": "s", "created_at_gte": 1}));
        assert_eq!(thing.created_at_gte, None);
        assert_eq!(thing.extra2["created_at_gte"], 1);
    }
}

mod recursion_case {
    use super::recursion::{Department, Employee, ListItem, Node};
    use super::*;
    use std::collections::BTreeMap;

    /// Compile-time: no `Box` behind `Vec` or a map, nor for a type that is not recursive.
    #[allow(clippy::type_complexity)]
    fn tree_types(
        n: Node,
    ) -> (
        Option<Vec<Node>>,
        Option<BTreeMap<String, Node>>,
        Option<ListItem>,
    ) {
        (n.children, n.by_name, n.head)
    }

    /// Compile-time: `Box` where the type holds itself, directly or through another.
    fn boxed_types(l: ListItem, e: Employee, d: Department) -> [bool; 3] {
        let next: Option<Box<ListItem>> = l.next;
        let department: Option<Box<Department>> = e.department;
        let head: Option<Box<Employee>> = d.head;
        [next.is_some(), department.is_some(), head.is_some()]
    }

    #[test]
    fn a_three_deep_list() {
        let first = ListItem::builder()
            .value(1)
            .next(
                ListItem::builder()
                    .value(2)
                    .next(ListItem::builder().value(3)),
            )
            .build()
            .unwrap();
        let json = json!({"value": 1, "next": {"value": 2, "next": {"value": 3}}});
        assert_eq!(serde_json::to_value(&first).unwrap(), json);
        let decoded: ListItem = round_trip(json);
        assert_eq!(decoded, first);
        let third = decoded.next.and_then(|n| n.next).expect("three deep");
        assert_eq!((third.value, third.next), (3, None));
    }

    #[test]
    fn a_tree() {
        let tree: Node = round_trip(json!({
            "name": "root",
            "children": [
                {"name": "a", "children": [{"name": "a1"}]},
                {"name": "b", "by_name": {"b1": {"name": "b1"}}}
            ],
            "head": {"value": 1}
        }));
        let (children, by_name, head) = tree_types(tree);
        let children = children.expect("children");
        assert_eq!(children.len(), 2);
        assert_eq!(children[0].children.as_ref().unwrap()[0].name, "a1");
        assert_eq!(children[1].by_name.as_ref().unwrap()["b1"].name, "b1");
        assert_eq!(by_name, None);
        assert_eq!(head.map(|h| h.value), Some(1));
        rejects::<Node>(json!({"name": "root", "children": [{}]}));
    }

    #[test]
    fn mutually_recursive_types() {
        let employee: Employee = round_trip(json!({
            "name": "Ana",
            "department": {"head": {"name": "Bo"}}
        }));
        let department = employee.department.clone().expect("department");
        let head = department.head.clone().expect("head");
        assert_eq!(head.name.as_deref(), Some("Bo"));
        assert_eq!(
            boxed_types(
                ListItem::builder().value(0).build().unwrap(),
                employee,
                *department
            ),
            [false, true, true]
        );
        let with_null: Employee = decode(&json!({"department": {"head": {"department": null}}}));
        assert_eq!(
            with_null
                .department
                .and_then(|d| d.head)
                .and_then(|h| h.department),
            None
        );
    }
}

mod regressions_case {
    use super::regressions::*;
    use serde_json::json;

    #[test]
    fn an_untagged_union_takes_an_enum_reference() {
        let pick: Pick = serde_json::from_value(json!("blue")).unwrap();
        assert_eq!(pick, Pick::Color(Color::Blue));
        let pick: Pick = serde_json::from_value(json!({"hex": "#fff"})).unwrap();
        assert!(matches!(pick, Pick::Shade(_)));
    }

    #[test]
    fn a_duplicated_enum_value_is_one_variant() {
        assert_eq!(Color::from("red"), Color::Red);
        assert_eq!(Color::Red.as_str(), "red");
    }

    #[test]
    fn inline_types_are_named_after_their_base_whatever_the_order() {
        let derived: Derived =
            serde_json::from_value(json!({"meta": {"source": "x"}, "extra_info": "y"})).unwrap();
        let meta: Option<BaseMeta> = derived.meta;
        assert_eq!(meta.and_then(|m| m.source).as_deref(), Some("x"));
    }

    #[test]
    fn a_tagged_variant_is_written_with_its_tag() {
        let payment = Payment::from(Card::builder().object("something else").build().unwrap());
        assert_eq!(
            serde_json::to_value(&payment).unwrap(),
            json!({"object": "card_payment"})
        );
    }

    #[test]
    fn a_keyword_schema_name_compiles() {
        let value: Match = serde_json::from_value(json!({"pick": "red"})).unwrap();
        assert_eq!(value.pick, Some(Pick::Color(Color::Red)));
    }
}

mod builders_case {
    use super::all_of::{CustomerStatus, VipCustomer};
    use super::maps::Holder;
    use super::one_of_discriminator::{Card, PaymentMethod};
    use super::recursion::{ListItem, Node};
    use super::*;

    #[test]
    fn a_missing_field_is_named_by_its_path() {
        let err = Node::builder()
            .name("root")
            .children([Node::builder().name("a"), Node::builder()])
            .build()
            .unwrap_err();
        assert_eq!(err.path(), "children[1].name");
        let err = ListItem::builder()
            .value(1)
            .next(ListItem::builder())
            .build()
            .unwrap_err();
        assert_eq!(err.path(), "next.value");
        assert_eq!(err.to_string(), "`next.value` is required but was not set");
    }

    #[test]
    fn json_objects_come_from_json_maps_and_pairs() {
        let from_json = Holder::builder().any_map(json!({"a": 1})).build().unwrap();
        let from_pairs = Holder::builder().any_map([("a", 1)]).build().unwrap();
        assert_eq!(from_json, from_pairs);
        assert_eq!(text(&from_json), r#"{"any_map":{"a":1}}"#);
        let err = Holder::builder().any_map(json!([1])).build().unwrap_err();
        assert_eq!(err.path(), "any_map");
    }

    #[test]
    fn union_variants_convert_from_their_types_and_builders() {
        let card = || Card::builder().type_("card").last4("4242");
        let from_builder: PaymentMethod = card().try_into().unwrap();
        let card = card().build().unwrap();
        assert_eq!(from_builder, PaymentMethod::from(card));
        assert_eq!(from_builder.tag(), Some("card_payment"));
    }

    #[test]
    fn enums_and_strings_take_plain_str() {
        let vip = VipCustomer::builder()
            .id("c1")
            .name("Ana")
            .tier(2)
            .status("active")
            .perks(["lounge", "gym"])
            .build()
            .unwrap();
        assert_eq!(vip.status, Some(CustomerStatus::Active));
        assert_eq!(vip.perks, Some(vec!["lounge".to_owned(), "gym".to_owned()]));
    }
}

mod scoping_case {
    use super::scoping::{
        ClientModel, ErrorModel, OptionModel, OptionModelBuilder, OtherThing, OtherThingBuilder,
        OtherThingBuilderModel, ResultModel, VecModel,
    };
    use super::*;

    /// Compile-time: spec names that shadow prelude or SDK names are renamed, and so
    /// are builder members; the prelude still means the prelude here.
    fn _types(result: ResultModel, error: ErrorModel) -> (Option<OptionModel>, Option<String>) {
        (result.option, error.message)
    }

    #[test]
    fn clashing_names_get_suffixes() {
        let thing: OtherThingBuilder = OtherThing::builder().thing("x");
        let builder: OptionModelBuilder = OptionModel::builder()
            .build_value("b")
            .first_error("not the slot")
            .extra(1)
            .type_("t")
            .self_("s")
            .kind(ClientModel::Unknown2)
            .holder(VecModel::try_from(thing).unwrap())
            .maker(OtherThingBuilderModel::builder().holder(OtherThing::builder().thing("y")));
        let value = builder.build().unwrap();
        assert_eq!(
            text(&value),
            r#"{"build":"b","first_error":"not the slot","extra":1,"type":"t","self":"s","kind":"Unknown","holder":{"thing":"x"},"maker":{"holder":{"thing":"y"}}}"#
        );
        assert_eq!(ClientModel::from("Unknown"), ClientModel::Unknown2);
        assert_eq!(
            ClientModel::from("later"),
            ClientModel::Unknown("later".into())
        );
        let missing = OptionModel::builder().build().unwrap_err();
        assert_eq!(missing.path(), "build");
    }
}

mod mcp_tools_case {
    use super::mcp_tools::{
        CancelOrderBody, CancelOrderBodyReason, CancelOrderResponse200, CustomerList, PaymentSource,
    };
    use super::*;

    /// The models the MCP tools decode their arguments into behave like the others;
    /// the tools themselves are compiled and run by `conekta-mcp`'s tests.
    #[test]
    fn the_tool_argument_models_decode() {
        let list: CustomerList = round_trip(json!({
            "has_more": false,
            "data": [{"name": "Ana", "email": "ana@example.com",
                      "payment_sources": [{"type": "card", "token_id": "tok_1"}]}]
        }));
        let customer = &list.data.as_ref().expect("data")[0];
        assert!(matches!(
            customer.payment_sources.as_deref(),
            Some([PaymentSource::Card(_)])
        ));
        let body: CancelOrderBody = round_trip(json!({"reason": "fraud"}));
        assert_eq!(body.reason, Some(CancelOrderBodyReason::Fraud));
        let _: CancelOrderResponse200 = round_trip(json!({"id": "ord_1"}));
        // The language header is the runtime's own `Language`, re-exported with the models.
        assert_eq!(super::mcp_tools::Language::from("en").as_str(), "en");
    }
}

mod domain_case {
    use super::domain::{
        CashPayment, Charge, ChargeMethod, Currency, Interval, MethodType, Order,
        PaymentMethodRequest, PlanRequest, Status,
    };
    use super::*;

    fn order() -> Value {
        json!({
            "id": "ord_1",
            "created_at": 1_700_000_000,
            "currency": "MXN",
            "status": "paid",
            "tags": ["pending_payment", "refunded"],
            "charges": {"data": [
                {"id": "ch_1", "method": {"object": "cash_payment", "reference": "9300", "expires_at": 5}},
                {"id": "ch_2", "method": {"object": "card_payment", "last4": "4242"}}
            ]}
        })
    }

    #[test]
    fn value_sets_and_timestamps_type_the_fields_they_name() {
        let order: Order = round_trip(order());
        assert_eq!(order.currency, Some(Currency::Mxn));
        assert_eq!(order.status, Some(Status::Paid));
        assert_eq!(
            order.tags,
            Some(vec![
                Status::PendingPayment,
                Status::Unknown("refunded".into())
            ])
        );
        assert_eq!(
            order.created_at,
            Timestamp::from_unix_seconds(1_700_000_000)
        );
        assert_eq!(Currency::KNOWN, [Currency::Mxn, Currency::Usd]);
    }

    #[test]
    fn a_requests_enum_types_the_answers_string_with_the_values_the_set_adds() {
        let mut body = order();
        body["interval"] = json!("year");
        let order: Order = round_trip(body);
        assert_eq!(order.interval, Some(Interval::Year));
        let plan = PlanRequest::builder()
            .interval(Interval::Week)
            .build()
            .unwrap();
        assert_eq!(plan.interval, Some(Interval::Week));
        assert_eq!(
            Interval::KNOWN,
            [Interval::Week, Interval::Month, Interval::Year]
        );
    }

    #[test]
    fn required_fields_of_answers_must_be_there() {
        let mut body = order();
        body.as_object_mut().unwrap().remove("created_at");
        let err = serde_json::from_value::<Order>(body).unwrap_err();
        assert!(
            err.to_string().contains("missing field `created_at`"),
            "{err}"
        );
        let err =
            serde_json::from_value::<CashPayment>(json!({"object": "cash_payment"})).unwrap_err();
        assert!(
            err.to_string().contains("missing field `reference`"),
            "{err}"
        );
    }

    #[test]
    fn accessors_read_through_options_lists_and_unions() {
        let order: Order = decode(&order());
        let charges: &[Charge] = order.charges();
        assert_eq!(charges.len(), 2);
        assert_eq!(charges[0].reference(), Some("9300"));
        assert_eq!(charges[0].expires_at(), Some(Timestamp::from(5)));
        assert_eq!(
            charges[0].cash().map(|cash| cash.reference.as_str()),
            Some("9300")
        );
        assert_eq!(charges[1].cash(), None);
        assert_eq!(charges[1].reference(), None);
        let card = charges[1].method.as_ref().and_then(ChargeMethod::card);
        assert_eq!(card.and_then(|card| card.last4.as_deref()), Some("4242"));

        let empty: Order = decode(&json!({"id": "ord_2", "created_at": 1}));
        assert!(empty.charges().is_empty());

        // A list read from either form of a union.
        let listed: Charge = decode(&json!({"id": "ch_3", "refunds": {"data": [{"amount": 1}]}}));
        let plain: Charge =
            decode(&json!({"id": "ch_4", "refunds": [{"amount": 2}, {"amount": 3}]}));
        assert_eq!(listed.refunds().len(), 1);
        assert_eq!(
            plain.refunds().iter().map(|r| r.amount).collect::<Vec<_>>(),
            [Some(2), Some(3)]
        );
        assert!(charges[0].refunds().is_empty());
    }

    #[test]
    fn constructors_set_the_discriminator() {
        let card = PaymentMethodRequest::card("tok_1").build().unwrap();
        assert_eq!(card.type_, MethodType::Card);
        assert_eq!(
            serde_json::to_value(&card).unwrap(),
            json!({"type": "card", "token_id": "tok_1"})
        );
        let cash = PaymentMethodRequest::cash()
            .expires_at(Timestamp::from(7))
            .build()
            .unwrap();
        assert_eq!(
            serde_json::to_value(&cash).unwrap(),
            json!({"type": "cash", "expires_at": 7})
        );
    }
}

/// `multipart`: files are `FilePart`s, set through the builder like any member;
/// a missing required file is a build error; a file is never JSON.
mod multipart_behaviour {
    use super::multipart::*;
    use super::*;

    #[test]
    fn files_are_file_parts_and_required_ones_are_checked() {
        let body = PetPhotosRequest::builder()
            .front(FilePart::new("front bytes").file_name("front.png"))
            .more([FilePart::new("a"), FilePart::new("b")])
            .caption("Rex")
            .build()
            .unwrap();
        assert_eq!(body.front.content(), b"front bytes");
        assert_eq!(body.more.as_ref().map(Vec::len), Some(2));
        let missing = PetPhotosRequest::builder()
            .caption("Rex")
            .build()
            .unwrap_err();
        assert!(missing.to_string().contains("front"), "{missing}");
        assert!(serde_json::to_value(&body).is_err(), "a file is never JSON");
        let card = ReplacePetCardBody::builder().build().unwrap();
        assert_eq!(card.card, None);
    }
}
