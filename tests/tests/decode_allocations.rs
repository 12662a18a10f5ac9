//! Typed decoding allocates only what the model keeps: counted, not timed.
//!
//! A struct decoded through serde's `flatten` (or a union decoded through a
//! `serde_json::Value` first) allocates every member's name and value on the
//! way, as decoding into a `Value` does; the SDK's decoder allocates the
//! strings, lists and extras it keeps and nothing per declared member. On the
//! three bodies that `cargo bench -p conekta-tests --bench decode` times, it
//! allocates 0.39–0.42 times as often as decoding into a `Value`; this test
//! fails if a change brings it over half. Alone in its test binary, because it
//! replaces the global allocator with a counting one.

use conekta_sdk::models::{CustomersResponse, GetOrdersResponse, OrderResponse};
use conekta_tests::fixtures::Environment;
use conekta_tests::{fixture_body, mock_environment};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};
use std::alloc::System;

#[global_allocator]
static ALLOCATOR: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Allocations (and reallocations) made while `decode` runs, dropping what
/// it returns outside the count. The counts are the process's: this file
/// holds one test, so nothing else runs meanwhile.
fn allocations<T>(decode: impl FnOnce() -> T) -> usize {
    let region = Region::new(ALLOCATOR);
    let decoded = decode();
    let stats = region.change();
    drop(decoded);
    stats.allocations + stats.reallocations
}

/// Typed and `Value` allocation counts for the default body of `operation`.
fn counts<T: serde::de::DeserializeOwned>(env: &Environment, operation: &str) -> (usize, usize) {
    let (label, body) = fixture_body(env, operation).unwrap_or_else(|e| panic!("{e}"));
    let typed = allocations(|| {
        conekta_sdk::from_slice::<T>(&body).unwrap_or_else(|e| panic!("{label}: {e}"))
    });
    let value = allocations(|| {
        serde_json::from_slice::<serde_json::Value>(&body)
            .unwrap_or_else(|e| panic!("{label}: {e}"))
    });
    (typed, value)
}

#[test]
fn typed_decoding_allocates_at_most_half_as_often_as_value() {
    let env = mock_environment();
    let cases = [
        (
            "customers list",
            counts::<CustomersResponse>(&env, "getCustomers"),
        ),
        (
            "orders list",
            counts::<GetOrdersResponse>(&env, "getOrders"),
        ),
        ("one order", counts::<OrderResponse>(&env, "getOrderById")),
    ];
    for (name, (typed, value)) in cases {
        assert!(value > 0, "{name}: the count works");
        assert!(
            typed * 2 <= value,
            "{name}: typed decoding made {typed} allocations, decoding into a Value {value}"
        );
    }
}
