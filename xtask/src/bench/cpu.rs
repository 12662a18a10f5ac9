//! The `cpu` section: client CPU time per `GET /customers/{id}`, the SDK against bare
//! `reqwest`, as measured by conekta-sdk's throughput bench.

use super::command::run_streaming;
use super::result_line::ResultLine;
use crate::process::cargo;
use std::path::Path;

/// Runs the throughput bench; returns its `result cpu` line.
pub(super) fn client_cpu(root: &Path, rounds: usize) -> Result<ResultLine, String> {
    let lines = run_streaming(
        cargo()
            .current_dir(root)
            .args(["bench", "-p", "conekta-sdk", "--bench", "throughput"])
            .env("BENCH_ROUNDS", rounds.to_string()),
        "cargo bench -p conekta-sdk --bench throughput",
    )?;
    ResultLine::find(&lines, "cpu").into_iter().next().ok_or_else(|| {
        "the throughput bench printed no `result cpu` line (thread CPU time is only read on Linux)"
            .into()
    })
}
