//! The `mcp` section: the load bench of conekta-mcp's HTTP transport
//! (`cargo bench -p conekta-mcp --bench load`), the current tree against the
//! baseline's binary in the same run (with `--tokens` when the baseline has it, else
//! its clients send their key), and against three generic OpenAPI MCP
//! servers pointed at Conekta's spec ([`PEERS`], installed under `target/mcp-peers`
//! with pip and npm; a peer that cannot be installed is left out, saying why).

use super::baseline::Baseline;
use super::command::{run_captured, run_streaming};
use super::result_line::ResultLine;
use crate::process::{self, cargo};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The generic OpenAPI MCP servers compared with: (directory, how it is installed).
const PEERS: [(&str, Installer); 3] = [
    ("fastmcp", Installer::Pip("fastmcp==4.1.6")),
    (
        "ivotoby",
        Installer::Npm("@ivotoby/openapi-mcp-server@1.16.1"),
    ),
    (
        "awslabs",
        Installer::Pip("awslabs.openapi-mcp-server==1.1.6"),
    ),
];

/// How a peer is installed.
#[derive(Clone, Copy)]
enum Installer {
    /// In a virtual environment of its own, with pip.
    Pip(&'static str),
    /// In a directory of its own, with npm.
    Npm(&'static str),
}

/// Installs the peers under `target/mcp-peers` (once each); returns that directory,
/// or why none could be installed.
fn install_peers(root: &Path) -> Result<PathBuf, String> {
    let dir = process::target_dir(root)?.join("mcp-peers");
    let mut installed = 0;
    for (name, installer) in PEERS {
        let home = dir.join(name);
        let marker = dir.join(format!("{name}.installed"));
        if marker.exists() {
            installed += 1;
            continue;
        }
        let result = match installer {
            Installer::Pip(package) => process::run(
                Command::new("python3").args(["-m", "venv"]).arg(&home),
                "python3 -m venv",
            )
            .and_then(|()| {
                process::run(
                    Command::new(home.join("bin/python")).args([
                        "-m",
                        "pip",
                        "install",
                        "--quiet",
                        "--disable-pip-version-check",
                        package,
                    ]),
                    &format!("pip install {package}"),
                )
            }),
            Installer::Npm(package) => std::fs::create_dir_all(&home)
                .map_err(|e| format!("{}: {e}", home.display()))
                .and_then(|()| {
                    process::run(
                        Command::new("npm").current_dir(&home).args([
                            "install",
                            "--silent",
                            "--no-audit",
                            "--no-fund",
                            package,
                        ]),
                        &format!("npm install {package}"),
                    )
                }),
        };
        match result.and_then(|()| {
            std::fs::write(&marker, "").map_err(|e| format!("{}: {e}", marker.display()))
        }) {
            Ok(()) => installed += 1,
            Err(e) => eprintln!("peer {name} is left out: {e}"),
        }
    }
    if installed == 0 {
        return Err("no peer could be installed".into());
    }
    Ok(dir)
}

/// What the section measured, for the summary.
pub(super) struct McpFigures {
    /// `result mcp-floor` lines: the upstream called directly.
    pub floor: Vec<ResultLine>,
    /// `result mcp-calls` lines.
    pub calls: Vec<ResultLine>,
    /// `result mcp-sessions` lines.
    pub sessions: Vec<ResultLine>,
    /// `result mcp-idle` lines.
    pub idle: Vec<ResultLine>,
    /// `result mcp-bounded` lines.
    pub bounded: Vec<ResultLine>,
}

/// Builds the baseline's conekta-mcp (release) and installs the peers, then runs the
/// load bench of the current tree with them in the same run. `BENCH_CALLS`,
/// `BENCH_SESSIONS`, `BENCH_PEER_CALLS` and `BENCH_PEER_SESSIONS` pass through.
pub(super) fn mcp(root: &Path, baseline: &Baseline, spec: &Path) -> Result<McpFigures, String> {
    let took = run_captured(
        baseline.cargo().args([
            "build",
            "--release",
            "-p",
            "conekta-mcp",
            "--bin",
            "conekta-mcp",
        ]),
        &format!(
            "cargo build --release -p conekta-mcp (baseline {})",
            baseline.name
        ),
    );
    let baseline_bin = match took {
        Ok(_) => Some(baseline.target.join("release").join("conekta-mcp")),
        Err(e) => {
            eprintln!("the baseline has no conekta-mcp to compare with: {e}");
            None
        }
    };
    let mut command = cargo();
    command
        .current_dir(root)
        .args(["bench", "-p", "conekta-mcp", "--bench", "load"]);
    if let Some(bin) = &baseline_bin {
        command.env("BENCH_BASELINE_BIN", bin);
    }
    match install_peers(root) {
        Ok(dir) => {
            command.env("BENCH_PEERS_DIR", dir).env("BENCH_SPEC", spec);
        }
        Err(e) => eprintln!("the generic OpenAPI MCP servers are left out: {e}"),
    }
    let lines = run_streaming(&mut command, "cargo bench -p conekta-mcp --bench load")?;
    let figures = McpFigures {
        floor: ResultLine::find(&lines, "mcp-floor"),
        calls: ResultLine::find(&lines, "mcp-calls"),
        sessions: ResultLine::find(&lines, "mcp-sessions"),
        idle: ResultLine::find(&lines, "mcp-idle"),
        bounded: ResultLine::find(&lines, "mcp-bounded"),
    };
    if figures.calls.is_empty() {
        return Err("the load bench printed no `result mcp-calls` line".into());
    }
    Ok(figures)
}

impl McpFigures {
    /// The summary's lines: per build, calls (with their ratio to the floor at the
    /// same concurrency), sessions, idle and bounded memory.
    pub(super) fn summary(&self) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        let floor_at = |c: &str| -> Result<f64, String> {
            for line in &self.floor {
                if line.get("c")? == c {
                    return line.number("per_s");
                }
            }
            Err(format!("no floor at c={c}"))
        };
        for line in &self.floor {
            out.push(format!(
                "mcp floor   GET upstream directly c={:<3} {:>7.0}/s p50 {:.2} ms p99 {:.2} ms",
                line.get("c")?,
                line.number("per_s")?,
                line.number("p50_ms")?,
                line.number("p99_ms")?
            ));
        }
        for line in &self.calls {
            let c = line.get("c")?;
            out.push(format!(
                "mcp calls   {:<8} {:<25} c={c:<3} {:>7.0}/s p50 {:.2} ms p99 {:.2} ms, server CPU {:.0} µs/call, {:.2}× the floor's time per call",
                line.get("build")?,
                line.get("label")?,
                line.number("per_s")?,
                line.number("p50_ms")?,
                line.number("p99_ms")?,
                line.number("cpu_us")?,
                floor_at(c)? / line.number("per_s")?
            ));
        }
        for line in &self.sessions {
            out.push(format!(
                "mcp sessions {:<8} {:.0}/s, server CPU {:.0} µs and RSS {:.2} KiB per session",
                line.get("build")?,
                line.number("per_s")?,
                line.number("cpu_us")?,
                line.number("rss_kib")?
            ));
        }
        for line in &self.idle {
            out.push(format!(
                "mcp idle    {:<8} RSS {:.1} MiB",
                line.get("build")?,
                line.number("rss_mib")?
            ));
        }
        for line in &self.bounded {
            out.push(format!(
                "mcp bounded {:<8} RSS +{:.2} MiB after initialize floods with and without a credential (default caps)",
                line.get("build")?,
                line.number("grown_mib")?
            ));
        }
        Ok(out)
    }
}
