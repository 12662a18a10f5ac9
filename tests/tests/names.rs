//! One name per thing: no operation type or group type of `conekta_sdk::operations`
//! is named like a type of `conekta_sdk::models`, so both can be glob-imported
//! together (Rust warns about, and will reject, a name both globs bring in).

use std::collections::BTreeSet;

#[test]
fn models_and_operations_share_no_name() {
    let (api, _) = conekta_tests::lowered_spec();
    let models: BTreeSet<&str> = api.types.iter().map(|def| def.name.as_str()).collect();
    let operations: BTreeSet<&str> = api
        .operations
        .iter()
        .flat_map(|op| [op.builder_name.as_str(), op.group.type_name.as_str()])
        .collect();
    let shared: Vec<&&str> = models.intersection(&operations).collect();
    assert!(shared.is_empty(), "named in both modules: {shared:?}");
    // Operations are named like their `operationId` (`orderRefund` is
    // `OrderRefund`, its body the model `OrderRefundRequest`); the three a
    // model has the name of get `Op`.
    for op in [
        "OrderRefund",
        "UpdateCustomerOp",
        "UpdatePlanOp",
        "UpdateWebhookOp",
    ] {
        assert!(operations.contains(op), "{op}");
    }
    for model in [
        "OrderRefundRequest",
        "CreateCompanyRequest",
        "UpdateCustomer",
    ] {
        assert!(
            models.contains(model) && !operations.contains(model),
            "{model}"
        );
    }
}

/// Both globs at once, and a name from each, compile without ambiguity.
#[test]
fn both_modules_glob_import_together() {
    #![deny(ambiguous_glob_imports)]
    use conekta_sdk::models::*;
    use conekta_sdk::operations::*;
    let _request: Option<UpdateCustomer> = None;
    let _operation: Option<UpdateCustomerOp> = None;
}

/// The verbs an operation method may start with.
const VERBS: &[&str] = &[
    "get", "create", "update", "delete", "cancel", "capture", "refund", "add", "pause", "resume",
    "retry", "resend", "send", "test", "upload",
];

#[test]
fn every_operation_method_starts_with_a_verb_and_has_its_operation_id_as_alias() {
    let (api, _) = conekta_tests::lowered_spec();
    let noun_first: Vec<&str> = api
        .operations
        .iter()
        .map(|op| op.method_name.as_str())
        .filter(|name| !VERBS.contains(&name.split('_').next().unwrap_or_default()))
        .collect();
    assert!(noun_first.is_empty(), "noun-first methods: {noun_first:?}");

    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../conekta-sdk/src/generated/operations");
    let source: String = std::fs::read_dir(&dir)
        .expect("the generated operations")
        .map(|entry| std::fs::read_to_string(entry.expect("an entry").path()).expect("readable"))
        .collect();
    let findable = api
        .operations
        .iter()
        .filter(|op| source.contains(&format!("#[doc(alias = \"{}\")]", op.id)))
        .count();
    assert_eq!(
        findable,
        api.operations.len(),
        "operations findable by their operationId"
    );
    assert_eq!(findable, 113);
    // The deprecated singular subscription endpoints say so in their names.
    for op in api.operations.iter().filter(|op| op.deprecated) {
        assert!(
            op.method_name.ends_with("_deprecated"),
            "{}",
            op.method_name
        );
    }
}
