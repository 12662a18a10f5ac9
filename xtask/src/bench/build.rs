//! The `build` section: cold builds of conekta-sdk, the current tree (and its
//! feature sets) against the baseline.

use super::baseline::Baseline;
use super::command::run_captured;
use super::stats::{alternate, median};
use crate::process::cargo;
use std::path::{Path, PathBuf};
use std::process::Command;

/// One row of the build section: a tree and the features it is built with.
pub(super) struct BuildRow {
    /// What the row is called in the output.
    pub(super) label: String,
    /// The tree it builds.
    dir: PathBuf,
    /// Its target directory; `None` for the one cargo picks.
    target: Option<PathBuf>,
    /// `--features` for a `--no-default-features` build; `None` for the default one.
    features: Option<String>,
    /// Wall time of each cold build, in seconds.
    times: Vec<f64>,
    /// Why the row could not be built.
    pub(super) error: Option<String>,
}

impl BuildRow {
    /// `cargo <verb> -p conekta-sdk` in this row's tree, with its features.
    fn command(&self, verb: &str) -> Command {
        let mut command = cargo();
        command
            .current_dir(&self.dir)
            .args([verb, "-p", "conekta-sdk"]);
        if let Some(target) = &self.target {
            command.env("CARGO_TARGET_DIR", target);
        }
        if let (Some(features), "build") = (&self.features, verb) {
            command.args(["--no-default-features", "--features", features]);
        }
        command
    }

    /// The median of its times (NaN when it has none).
    pub(super) fn median(&self) -> f64 {
        median(&mut self.times.clone())
    }
}

/// Times cold builds of conekta-sdk: the current tree, the baseline, then one row
/// per feature list; returns the rows in that order. A feature list that does not
/// build is reported in its row; the current tree or the baseline not building
/// is an error.
pub(super) fn cold_builds(
    root: &Path,
    baseline: &Baseline,
    features: &[String],
    rounds: usize,
) -> Result<Vec<BuildRow>, String> {
    let row = |label: String, dir: &Path, target: Option<&Path>, features| BuildRow {
        label,
        dir: dir.to_path_buf(),
        target: target.map(Path::to_path_buf),
        features,
        times: Vec::new(),
        error: None,
    };
    let mut rows = vec![
        row("current".into(), root, None, None),
        row(
            format!("{} (baseline)", baseline.name),
            &baseline.tree,
            Some(&baseline.target),
            None,
        ),
    ];
    for list in features {
        rows.push(row(
            format!("current --no-default-features --features {list}"),
            root,
            None,
            Some(list.clone()),
        ));
    }
    println!(
        "cargo clean -p conekta-sdk, then cargo build -p conekta-sdk timed; dependencies built once first"
    );
    for (index, row) in rows.iter_mut().enumerate() {
        eprintln!("building the dependencies of: {}", row.label);
        let what = format!("cargo build -p conekta-sdk ({})", row.label);
        if let Err(error) = run_captured(&mut row.command("build"), &what) {
            if index < 2 {
                return Err(error);
            }
            println!("  {error}");
            row.error = Some(error);
        }
    }
    for round in 0..rounds {
        let mut line = Vec::new();
        for which in alternate(round, rows.len()) {
            let row = &mut rows[which];
            if row.error.is_some() {
                continue;
            }
            let what = format!("({})", row.label);
            run_captured(
                &mut row.command("clean"),
                &format!("cargo clean -p conekta-sdk {what}"),
            )?;
            let took = run_captured(
                &mut row.command("build"),
                &format!("cargo build -p conekta-sdk {what}"),
            )?;
            row.times.push(took.as_secs_f64());
            line.push(format!("{} {:.1} s", row.label, took.as_secs_f64()));
        }
        println!("  round {}: {}", round + 1, line.join(", "));
    }
    let reference = rows[1].median();
    println!("medians:");
    for row in &rows {
        if row.error.is_none() {
            println!(
                "  {:<48} {:>6.1} s  /{} {:.3}",
                row.label,
                row.median(),
                rows[1].label,
                row.median() / reference
            );
        }
    }
    Ok(rows)
}
