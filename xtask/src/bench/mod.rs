//! `cargo xtask bench [SECTION] [--against REF] [--rounds N] [--features LIST]... [--only SECTION]...`:
//! six performance figures of the current tree, each measured in one run and given
//! as a ratio (`cargo xtask bench mcp` is `--only mcp`).
//!
//! 1. `gen`: median wall time and peak memory (`VmHWM`, sampled every 2 ms) of
//!    `xtask generate --check` (the whole generator, from reading the spec to
//!    comparing every file), current tree against the baseline;
//! 2. `decode`: MB/s of the SDK's decoder (`conekta_sdk::from_slice::<Model>`) against
//!    `serde_json::from_slice::<serde_json::Value>` on the same fixture bytes (`cargo bench -p conekta-tests --bench decode`);
//! 3. `cpu`: client CPU µs per `GET /customers/{id}`, SDK against bare `reqwest`
//!    (`cargo bench -p conekta-sdk --bench throughput`; `BENCH_REQUESTS` sets the
//!    calls per loop, 5,000 by default);
//! 4. `build`: median wall time of a cold `cargo build -p conekta-sdk` (after
//!    `cargo clean -p conekta-sdk`, dependencies already built), current tree against
//!    the baseline, plus one row per `--features LIST` built with
//!    `--no-default-features --features LIST` against the baseline's default build;
//! 5. `mcp`: the load bench of conekta-mcp's HTTP transport (`cargo bench -p conekta-mcp
//!    --bench load`): calls/s with p50 and p99 at concurrency 1 and 32, server CPU per
//!    call and per session, RSS idle and per session, the upstream called directly as
//!    the floor, and the baseline's binary in the same run;
//! 6. `first-build`: median wall time of a merchant's first build of a one-call app
//!    (dependencies included, cold target directory, crates already downloaded) on
//!    the SDK's default features, against the same app on openapi-generator's Rust
//!    crate for the same spec (generated under the target directory; needs Java and
//!    Python 3, and PyPI and crates.io the first time), plus one row per
//!    `--features LIST`, and the two crates alone (see [`first_build`]).
//!
//! The baseline is `--against REF`, by default the newest tag reachable from `HEAD`,
//! else `HEAD~`. It is checked out with `git worktree add --detach` into a temporary
//! directory that is removed when the run ends, whether it succeeded or not (not when
//! the process is killed). Its target directory is `<target>/bench-against`, kept
//! between runs so that its dependencies build only once. "Current tree" means the
//! working tree as it is, uncommitted changes included.
//!
//! Every measurement alternates the two sides round by round (`--rounds`, default
//! [`DEFAULT_ROUNDS`]), so that drift in the machine's load hits both alike.

mod baseline;
mod build;
mod command;
mod cpu;
mod decode;
mod first_build;
mod generation;
mod mcp;
mod oag;
mod result_line;
mod stats;

use crate::process::target_dir;
use crate::upstream::{self, Manifest};
use baseline::{Baseline, default_baseline};
use build::cold_builds;
use cpu::client_cpu;
use decode::decode;
use first_build::{first_builds, median_of, spread};
use generation::generation;
use std::path::Path;

/// Rounds of every measurement when `--rounds` is not given.
pub const DEFAULT_ROUNDS: usize = 3;

/// One part of the benchmark, named as `--only` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Generation time, current tree against the baseline.
    Gen,
    /// Decode throughput, typed against `serde_json::Value`.
    Decode,
    /// Client CPU per call, SDK against bare `reqwest`.
    Cpu,
    /// Cold build time, current tree (and feature sets) against the baseline.
    Build,
    /// conekta-mcp under load over HTTP, current tree against the baseline's binary.
    Mcp,
    /// A merchant's first build of a one-call app, SDK against openapi-generator's crate.
    FirstBuild,
}

impl Section {
    /// Every section, in the order they run.
    pub const ALL: [Section; 6] = [
        Section::Gen,
        Section::Decode,
        Section::Cpu,
        Section::Build,
        Section::Mcp,
        Section::FirstBuild,
    ];

    /// The section called `name` on the command line.
    pub fn parse(name: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|s| s.name() == name)
            .ok_or_else(|| {
                format!(
                    "--only wants one of gen, decode, cpu, build, mcp, first-build, not `{name}`"
                )
            })
    }

    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Section::Gen => "gen",
            Section::Decode => "decode",
            Section::Cpu => "cpu",
            Section::Build => "build",
            Section::Mcp => "mcp",
            Section::FirstBuild => "first-build",
        }
    }

    /// Whether it compares with the baseline ref.
    fn needs_baseline(self) -> bool {
        matches!(self, Section::Gen | Section::Build | Section::Mcp)
    }
}

/// What `cargo xtask bench` was asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The git ref to compare with; `None` for the newest tag, else `HEAD~`.
    pub against: Option<String>,
    /// Rounds of every measurement (at least 1).
    pub rounds: usize,
    /// Feature lists for extra rows of the build and first-build sections.
    pub features: Vec<String>,
    /// The sections to run, in the order of [`Section::ALL`].
    pub sections: Vec<Section>,
}

/// Reads the options of `cargo xtask bench`.
pub fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut against = None;
    let mut rounds = DEFAULT_ROUNDS;
    let mut features = Vec::new();
    let mut only = Vec::new();
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let mut value = || {
            args.next()
                .filter(|v| !v.starts_with("--"))
                .ok_or_else(|| format!("{flag} wants a value"))
        };
        match flag.as_str() {
            "--against" => against = Some(value()?.clone()),
            "--rounds" => {
                let text = value()?;
                rounds = text
                    .parse::<usize>()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| format!("--rounds wants a positive number, not `{text}`"))?;
            }
            "--features" => features.push(value()?.clone()),
            "--only" => only.push(Section::parse(value()?)?),
            other if !other.starts_with('-') => only.push(Section::parse(other)?),
            other => return Err(format!("unknown option `{other}` for bench")),
        }
    }
    let sections: Vec<Section> = Section::ALL
        .into_iter()
        .filter(|s| only.is_empty() || only.contains(s))
        .collect();
    if !features.is_empty()
        && !sections.contains(&Section::Build)
        && !sections.contains(&Section::FirstBuild)
    {
        return Err(
            "--features adds rows to the build and first-build sections, which --only leaves out"
                .into(),
        );
    }
    if against.is_some() && !sections.iter().any(|s| s.needs_baseline()) {
        return Err(
            "--against is the baseline of gen, build and mcp, which --only leaves out".into(),
        );
    }
    Ok(Options {
        against,
        rounds,
        features,
        sections,
    })
}

/// Runs the selected sections and prints their figures, then a summary.
pub fn run(root: &Path, options: &Options) -> Result<(), String> {
    let manifest = Manifest::load(root)?;
    let baseline = if options.sections.iter().any(|s| s.needs_baseline()) {
        let name = match &options.against {
            Some(name) => name.clone(),
            None => default_baseline(root)?,
        };
        let target = target_dir(root)?.join("bench-against");
        Some(Baseline::check_out(root, &name, target)?)
    } else {
        None
    };
    let baseline = baseline.as_ref();
    let rounds = options.rounds;
    let mut summary = Vec::new();
    let mut failed_rows = Vec::new();
    for &section in &options.sections {
        println!("\n== {} ==", section.name());
        match section {
            Section::Gen => {
                let baseline = checked_out(baseline)?;
                let spec = upstream::ensure(root, &manifest.spec)?;
                let times = generation(root, &spec, baseline, rounds)?;
                summary.push(format!(
                    "generation  generate --check  current {:.3} s, {} {:.3} s, current/{} {:.3}",
                    times.current,
                    baseline.name,
                    times.baseline,
                    baseline.name,
                    times.current / times.baseline
                ));
                if let (Some(current), Some(base)) = (times.current_mib, times.baseline_mib) {
                    summary.push(format!(
                        "generation  peak memory       current {current:.1} MiB, {} {base:.1} MiB, current/{} {:.3}",
                        baseline.name,
                        baseline.name,
                        current / base
                    ));
                }
            }
            Section::Decode => {
                upstream::ensure(root, &manifest.mocks)?;
                for r in decode(root, rounds)? {
                    summary.push(format!(
                        "decode      {:<10} {:>7} bytes  typed {:.1} MB/s, Value {:.1} MB/s, typed/Value {:.3}",
                        r.get("body")?,
                        r.get("bytes")?,
                        r.number("typed_mbps")?,
                        r.number("value_mbps")?,
                        r.number("ratio")?
                    ));
                }
            }
            Section::Cpu => {
                let r = client_cpu(root, rounds)?;
                summary.push(format!(
                    "client CPU  GET /customers/{{id}}  sdk {:.2} µs/call, bare reqwest {:.2} µs/call, sdk/bare {:.3}",
                    r.number("sdk_us")?,
                    r.number("bare_us")?,
                    r.number("ratio")?
                ));
            }
            Section::Mcp => {
                let baseline = checked_out(baseline)?;
                let spec = upstream::ensure(root, &manifest.spec)?;
                summary.extend(mcp::mcp(root, baseline, &spec)?.summary()?);
            }
            Section::FirstBuild => {
                let spec = upstream::ensure(root, &manifest.spec)?;
                let target = target_dir(root)?;
                let builds = first_builds(
                    root,
                    &target,
                    &spec,
                    &manifest.spec.sha256,
                    &options.features,
                    rounds,
                )?;
                let oag = &builds.rows[1];
                let reference = median_of(&oag.cold);
                for row in &builds.rows {
                    if row.error.is_some() {
                        summary.push(format!("first build {}: failed (see above)", row.label));
                        failed_rows.push(row.label.clone());
                    } else {
                        summary.push(format!(
                            "first build {}  {} (min/median/max), /oag {:.3}",
                            row.label,
                            spread(&row.cold),
                            median_of(&row.cold) / reference
                        ));
                    }
                }
                summary.push(format!(
                    "crate alone conekta-sdk {}, {} {}, sdk/oag {:.3}",
                    spread(&builds.rows[0].crate_alone),
                    oag::CRATE,
                    spread(&oag.crate_alone),
                    median_of(&builds.rows[0].crate_alone) / median_of(&oag.crate_alone)
                ));
                summary.push(format!(
                    "load average (1, 5, 15 min) before the first builds {}, after {}",
                    builds.load[0], builds.load[1]
                ));
            }
            Section::Build => {
                let baseline = checked_out(baseline)?;
                let rows = cold_builds(root, baseline, &options.features, rounds)?;
                let (current, reference) = (rows[0].median(), rows[1].median());
                summary.push(format!(
                    "cold build  conekta-sdk  current {current:.1} s, {} {reference:.1} s, current/{} {:.3}",
                    baseline.name,
                    baseline.name,
                    current / reference
                ));
                for row in &rows[2..] {
                    if row.error.is_some() {
                        summary.push(format!("cold build  {}: failed (see above)", row.label));
                        failed_rows.push(row.label.clone());
                    } else {
                        summary.push(format!(
                            "cold build  {} {:.1} s, /{} default {:.3}",
                            row.label,
                            row.median(),
                            baseline.name,
                            row.median() / reference
                        ));
                    }
                }
            }
        }
    }
    println!("\n== summary ==");
    match baseline {
        Some(b) => println!(
            "current tree against {} ({}), {rounds} round(s)",
            b.name,
            b.short_commit()
        ),
        None => println!("current tree, {rounds} round(s)"),
    }
    for line in summary {
        println!("  {line}");
    }
    if failed_rows.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "these builds failed: {} (cargo's error is above)",
            failed_rows.join(", ")
        ))
    }
}

/// The baseline, which [`run`] checks out whenever a section needs it.
fn checked_out(baseline: Option<&Baseline>) -> Result<&Baseline, String> {
    baseline.ok_or_else(|| "internal error: the baseline was not checked out".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn reads_the_options() {
        assert_eq!(
            parse_args(&[]),
            Ok(Options {
                against: None,
                rounds: DEFAULT_ROUNDS,
                features: Vec::new(),
                sections: Section::ALL.to_vec(),
            })
        );
        let given = parse_args(&args(&[
            "--only",
            "build",
            "--against",
            "v1.0",
            "--rounds",
            "2",
            "--features",
            "a,b",
            "--only",
            "gen",
            "--features",
            "c",
        ]));
        assert_eq!(
            given,
            Ok(Options {
                against: Some("v1.0".into()),
                rounds: 2,
                features: vec!["a,b".into(), "c".into()],
                sections: vec![Section::Gen, Section::Build],
            })
        );
        assert_eq!(
            parse_args(&args(&["mcp"])).map(|o| o.sections),
            Ok(vec![Section::Mcp])
        );
        assert_eq!(
            parse_args(&args(&["first-build", "--features", "native-tls"])).map(|o| o.sections),
            Ok(vec![Section::FirstBuild])
        );
    }

    #[test]
    fn rejects_bad_options() {
        for bad in [
            &["--rounds", "0"][..],
            &["--rounds", "x"],
            &["--rounds"],
            &["--against"],
            &["--against", "--rounds"],
            &["--only", "all"],
            &["--only", "decode", "--features", "a"],
            &["--only", "first-build", "--against", "HEAD"],
            &["--only", "cpu", "--against", "HEAD"],
            &["nope"],
            &["--fast"],
        ] {
            assert!(parse_args(&args(bad)).is_err(), "{bad:?}");
        }
    }
}
