//! The `gen` section: wall time and peak memory of `xtask generate --check`, the
//! current tree's xtask against the baseline's.

use super::baseline::Baseline;
use super::command::{run_captured, run_measured};
use super::stats::{alternate, median};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs of `generate --check` per tree in each round (one run takes about 0.3 s).
const GENERATE_RUNS_PER_ROUND: usize = 5;

/// Median wall times in seconds and peak resident sets in MiB, current tree and baseline.
pub(super) struct Pair {
    /// The current tree's time.
    pub(super) current: f64,
    /// The baseline's time.
    pub(super) baseline: f64,
    /// The current tree's peak memory (`None` without Linux's `/proc`).
    pub(super) current_mib: Option<f64>,
    /// The baseline's peak memory.
    pub(super) baseline_mib: Option<f64>,
}

/// Times `xtask generate --check` in both trees, alternating.
pub(super) fn generation(
    root: &Path,
    spec: &Path,
    baseline: &Baseline,
    rounds: usize,
) -> Result<Pair, String> {
    // The baseline's xtask looks for the spec under its own `spec/`.
    let spec_copy = baseline
        .tree
        .join("spec")
        .join(spec.file_name().unwrap_or_default());
    std::fs::copy(spec, &spec_copy).map_err(|e| {
        format!(
            "cannot copy the spec to the baseline tree ({}): {e}",
            spec_copy.display()
        )
    })?;
    eprintln!("building the baseline's xtask");
    run_captured(
        baseline.cargo().args(["build", "-p", "xtask"]),
        &format!("cargo build -p xtask in the tree of {}", baseline.name),
    )?;
    let current_exe = std::env::current_exe()
        .map_err(|e| format!("cannot find the running xtask binary: {e}"))?;
    let baseline_exe = baseline
        .target
        .join("debug")
        .join(format!("xtask{}", std::env::consts::EXE_SUFFIX));
    let sides = [
        ("current", current_exe, root.to_path_buf()),
        (baseline.name.as_str(), baseline_exe, baseline.tree.clone()),
    ];
    let time = |(name, exe, dir): &(&str, PathBuf, PathBuf)| {
        run_measured(
            Command::new(exe)
                .current_dir(dir)
                .args(["generate", "--check"]),
            &format!("xtask generate --check ({name})"),
        )
        .map(|(took, peak_kib)| (took.as_secs_f64(), peak_kib))
    };
    println!(
        "xtask generate --check, {GENERATE_RUNS_PER_ROUND} runs per tree and round, after one warm-up run each"
    );
    for side in &sides {
        time(side)?;
    }
    let mut all = [Vec::new(), Vec::new()];
    let mut peaks = [Vec::new(), Vec::new()];
    for round in 0..rounds {
        let mut this_round = [Vec::new(), Vec::new()];
        for _ in 0..GENERATE_RUNS_PER_ROUND {
            for which in alternate(round, 2) {
                let (secs, peak_kib) = time(&sides[which])?;
                this_round[which].push(secs);
                peaks[which].extend(peak_kib.map(|kib| kib as f64 / 1024.0));
            }
        }
        println!(
            "  round {}: current {:.3} s, {} {:.3} s (medians)",
            round + 1,
            median(&mut this_round[0].clone()),
            baseline.name,
            median(&mut this_round[1].clone())
        );
        for (into, from) in all.iter_mut().zip(this_round) {
            into.extend(from);
        }
    }
    let peak = |mibs: &mut Vec<f64>| (!mibs.is_empty()).then(|| median(mibs));
    let pair = Pair {
        current: median(&mut all[0]),
        baseline: median(&mut all[1]),
        current_mib: peak(&mut peaks[0]),
        baseline_mib: peak(&mut peaks[1]),
    };
    println!(
        "median: current {:.3} s, {} {:.3} s, current/{} {:.3}",
        pair.current,
        baseline.name,
        pair.baseline,
        baseline.name,
        pair.current / pair.baseline
    );
    if let (Some(current), Some(base)) = (pair.current_mib, pair.baseline_mib) {
        println!(
            "peak memory (median VmHWM): current {current:.1} MiB, {} {base:.1} MiB, current/{} {:.3}",
            baseline.name,
            baseline.name,
            current / base
        );
    }
    Ok(pair)
}
