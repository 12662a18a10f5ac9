//! Decode throughput: the SDK's decoder (`conekta_sdk::from_slice::<Model>`,
//! what the client runs on every answer) against
//! `serde_json::from_slice::<serde_json::Value>` on the same bytes, for three
//! bodies of Conekta's Mockoon fixtures, read at run time from
//! `spec/conekta_api.json` (`cargo xtask fetch-mocks`):
//!
//! - `customers`: the default 200 body of `GET /customers` (~51 KB), as `models::CustomersResponse`;
//! - `orders`: the default 200 body of `GET /orders` (~105 KB), as `models::GetOrdersResponse`;
//! - `order`: the default 200 body of `GET /orders/{id}` (~4 KB), as `models::OrderResponse`.
//!
//! Each body is the fixture's text as it is (not re-encoded); the route's
//! default response must be a 200 whose body is plain JSON, not a template.
//!
//! Run with `cargo bench -p conekta-tests --bench decode`. Without `--bench`
//! (e.g. `cargo test --all-targets`) it only runs a short smoke check.
//! `BENCH_ROUNDS` (default 5) and `BENCH_BUDGET_MS` (default 1000: how long
//! each decoder repeats each body per round) change the sizes. Each round
//! measures every body with both decoders, in alternating order; the figures
//! are the medians over the rounds. Every decode is checked: a body that does
//! not decode stops the bench with the error instead of timing it.
//!
//! Each measurement runs in a fresh process (this binary, run again with
//! `--measure`): the heap that one decoder leaves behind changes the speed of
//! the next one by up to a quarter with glibc's allocator (a `Value` decode of
//! the customers list ran at 380 MB/s alone and at 305 MB/s after the typed
//! decoder), so measuring both in one process made the ratio depend on which
//! ran before.
//!
//! The last lines, `result decode body=… bytes=… typed_mbps=… value_mbps=… ratio=…`,
//! are the ones `cargo xtask bench` reads (MB = 10^6 bytes).

use conekta_sdk::models;
use conekta_tests::fixtures;
use conekta_tests::{DecodeFailure, fixture_body, mocks_path, round_trip};
use serde::de::DeserializeOwned;
use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Decodes a body, keeping nothing.
type Decoder = fn(&[u8]) -> Result<(), String>;

/// One body to measure: a name, the operation whose fixture it is, its model.
struct Case {
    /// Short name used in the output.
    name: &'static str,
    /// The `operationId` whose route's default body is measured.
    operation: &'static str,
    /// The Rust name of the model, for the output.
    model: &'static str,
    /// Decodes into the model.
    typed: Decoder,
    /// Decodes into the model saying where it failed (checked once before measuring).
    check: fn(&[u8]) -> Result<serde_json::Value, DecodeFailure>,
}

const CASES: [Case; 3] = [
    Case {
        name: "customers",
        operation: "getCustomers",
        model: "CustomersResponse",
        typed: decode::<models::CustomersResponse>,
        check: round_trip::<models::CustomersResponse>,
    },
    Case {
        name: "orders",
        operation: "getOrders",
        model: "GetOrdersResponse",
        typed: decode::<models::GetOrdersResponse>,
        check: round_trip::<models::GetOrdersResponse>,
    },
    Case {
        name: "order",
        operation: "getOrderById",
        model: "OrderResponse",
        typed: decode::<models::OrderResponse>,
        check: round_trip::<models::OrderResponse>,
    },
];

/// Decodes a body as the SDK decodes an answer.
fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<(), String> {
    black_box(conekta_sdk::from_slice::<T>(black_box(body)).map_err(|err| err.to_string())?);
    Ok(())
}

/// Decodes a body into an untyped `serde_json::Value`, the usual way.
fn decode_value(body: &[u8]) -> Result<(), String> {
    black_box(
        serde_json::from_slice::<serde_json::Value>(black_box(body)).map_err(|e| e.to_string())?,
    );
    Ok(())
}

/// MB/s of `decoder` on `body`, repeating it for `budget`.
fn throughput(decoder: Decoder, body: &[u8], budget: Duration) -> Result<f64, String> {
    let mut decoded = 0u64;
    let started = Instant::now();
    let elapsed = loop {
        decoder(body)?;
        decoded += 1;
        let elapsed = started.elapsed();
        if elapsed >= budget {
            break elapsed;
        }
    };
    Ok((decoded * body.len() as u64) as f64 / elapsed.as_secs_f64() / 1e6)
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    }
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(default)
}

/// Which decoder a measurement times.
#[derive(Clone, Copy)]
enum Side {
    Typed,
    Value,
}

impl Side {
    fn name(self) -> &'static str {
        match self {
            Side::Typed => "typed",
            Side::Value => "value",
        }
    }
}

/// The argument that makes this binary one measurement's process.
const MEASURE: &str = "--measure";

/// MB/s of one decoder on one case's body, measured in a fresh process.
fn measure_apart(case: &Case, side: Side, budget: Duration) -> Result<f64, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this bench binary: {e}"))?;
    let output = std::process::Command::new(exe)
        .args([
            MEASURE,
            case.name,
            side.name(),
            &budget.as_millis().to_string(),
        ])
        .output()
        .map_err(|e| format!("cannot run a measurement: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!(
            "the {} measurement of {} failed ({}): {}{}",
            side.name(),
            case.name,
            output.status,
            stdout.trim(),
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    stdout
        .trim()
        .strip_prefix("mbps=")
        .and_then(|mbps| mbps.parse().ok())
        .ok_or_else(|| format!("a measurement printed `{}`, not `mbps=…`", stdout.trim()))
}

/// One measurement's process: `--measure CASE typed|value BUDGET_MS` prints `mbps=…`.
fn measure_here(args: &[String]) -> Result<(), String> {
    let [case, side, budget] = args else {
        return Err(format!("usage: {MEASURE} CASE typed|value BUDGET_MS"));
    };
    let case = CASES
        .iter()
        .find(|c| c.name == case)
        .ok_or_else(|| format!("no case `{case}`"))?;
    let decoder: Decoder = match [Side::Typed, Side::Value]
        .into_iter()
        .find(|known| known.name() == side)
    {
        Some(Side::Typed) => case.typed,
        Some(Side::Value) => decode_value,
        None => return Err(format!("no decoder `{side}`: typed or value")),
    };
    let budget = Duration::from_millis(
        budget
            .parse()
            .map_err(|e| format!("budget `{budget}`: {e}"))?,
    );
    let env = fixtures::load_environment(mocks_path()).map_err(|e| e.to_string())?;
    let (_, body) = fixture_body(&env, case.operation)?;
    drop(env);
    let run = |budget| {
        throughput(decoder, &body, budget)
            .map_err(|e| format!("{}: decoding failed while measuring: {e}", case.name))
    };
    run(budget / 10)?;
    println!("mbps={}", run(budget)?);
    Ok(())
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(rest) = args.strip_prefix(&[MEASURE.to_owned()]) {
        return measure_here(rest);
    }
    let full = args.iter().any(|arg| arg == "--bench");
    let rounds = env_u64("BENCH_ROUNDS", if full { 5 } else { 1 });
    let budget = Duration::from_millis(env_u64("BENCH_BUDGET_MS", if full { 1_000 } else { 20 }));

    let path = mocks_path();
    let env = fixtures::load_environment(&path)
        .map_err(|e| format!("{e} (run `cargo xtask fetch-mocks` first)"))?;
    let mut bodies = Vec::new();
    for case in &CASES {
        let (label, body) = fixture_body(&env, case.operation)?;
        (case.check)(&body).map_err(|e| {
            format!(
                "{label}: the fixture body does not decode as {}: {e}",
                case.model
            )
        })?;
        bodies.push((label, body));
    }

    println!(
        "decode: conekta_sdk::from_slice::<Model> against serde_json::from_slice::<serde_json::Value> on the same bytes \
         (fixtures of {}); {rounds} round(s) of {} ms per decoder and body",
        path.display(),
        budget.as_millis()
    );
    for (case, (label, body)) in CASES.iter().zip(&bodies) {
        println!(
            "  {:<10} {label:<22} {:>7} bytes  {}",
            case.name,
            body.len(),
            case.model
        );
    }

    let mut typed_mbps = vec![Vec::new(); CASES.len()];
    let mut value_mbps = vec![Vec::new(); CASES.len()];
    for round in 0..rounds {
        let mut line = Vec::new();
        for (index, case) in CASES.iter().enumerate() {
            // Alternate which decoder goes first, so that drift hits both alike.
            let (typed, value) = if round % 2 == 0 {
                let typed = measure_apart(case, Side::Typed, budget)?;
                (typed, measure_apart(case, Side::Value, budget)?)
            } else {
                let value = measure_apart(case, Side::Value, budget)?;
                (measure_apart(case, Side::Typed, budget)?, value)
            };
            typed_mbps[index].push(typed);
            value_mbps[index].push(value);
            line.push(format!(
                "{} typed {typed:.1} MB/s, Value {value:.1} MB/s",
                case.name
            ));
        }
        println!("  round {}: {}", round + 1, line.join("; "));
    }

    println!("medians (MB/s, MB = 10^6 bytes):");
    let mut results = Vec::new();
    for (index, (case, (_, body))) in CASES.iter().zip(&bodies).enumerate() {
        let typed = median(&mut typed_mbps[index]);
        let value = median(&mut value_mbps[index]);
        println!(
            "  {:<10} typed {typed:>7.1}  Value {value:>7.1}  typed/Value {:.3}",
            case.name,
            typed / value
        );
        results.push(format!(
            "result decode body={} bytes={} typed_mbps={typed:.1} value_mbps={value:.1} ratio={:.3}",
            case.name,
            body.len(),
            typed / value
        ));
    }
    for line in results {
        println!("{line}");
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
