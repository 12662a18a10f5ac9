//! The `decode` section: throughput of the SDK's typed decoder against
//! `serde_json::Value` on the same fixtures, as measured by conekta-tests' decode bench.

use super::command::run_streaming;
use super::result_line::ResultLine;
use crate::process::cargo;
use std::path::Path;

/// Runs the decode bench; returns its `result decode` lines.
pub(super) fn decode(root: &Path, rounds: usize) -> Result<Vec<ResultLine>, String> {
    let lines = run_streaming(
        cargo()
            .current_dir(root)
            .args(["bench", "-p", "conekta-tests", "--bench", "decode"])
            .env("BENCH_ROUNDS", rounds.to_string()),
        "cargo bench -p conekta-tests --bench decode",
    )?;
    let results = ResultLine::find(&lines, "decode");
    if results.is_empty() {
        return Err("the decode bench printed no `result decode` line".into());
    }
    Ok(results)
}
