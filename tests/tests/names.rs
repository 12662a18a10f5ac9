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
