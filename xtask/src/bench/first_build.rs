//! The `first-build` section: what a merchant waits for the first time they build a
//! one-call app (`client.customers().get_customer_by_id(..)`, printed) on conekta-sdk,
//! against the same app on openapi-generator's Rust crate for the same spec.
//!
//! Every app is a crate of its own under `<target>/first-build/apps/`, outside the
//! workspace, with its own `Cargo.lock` (a copy of the workspace's at every run, so that
//! the dependencies both sides share are the versions this project tests) and its own
//! target directory. `cargo fetch` downloads what they need first; each timed build
//! is then `cargo build --offline` into a target directory removed just before, so
//! it compiles every dependency, as a merchant's first build does with the crates
//! already downloaded. `CARGO_INCREMENTAL=0`: the SDK and the oag crate are path
//! dependencies here, which cargo would build incrementally, but a merchant gets
//! them from crates.io, which it does not. The rows take turns round by round.
//!
//! Each cold build runs with `--timings`; the report of the last round is kept as
//! `<target>/first-build/timings/<app>.html` (which crates took how long).
//!
//! After each cold build of the SDK's default app and of the oag app, the crate
//! alone is built again (`cargo clean -p` it, then `cargo build`: the crate and the
//! app's own crate), which compares the two crates without their dependencies.

use super::command::run_captured;
use super::oag;
use super::stats::{alternate, median};
use crate::process::cargo;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The customer the apps ask for (the id only matters to a server).
const CUSTOMER_ID: &str = "cus_2tXx8KUxw6311kEbs";

/// The app's dependencies besides the API crate: what the SDK's README tells a user to add.
const TOKIO: &str = r#"tokio = { version = "1", features = ["macros", "rt-multi-thread"] }"#;

/// The SDK feature the one call needs; added to a feature list that lacks it.
const NEEDED_TAG: &str = "customers";

/// One row: an app and its build times.
pub(super) struct Row {
    /// What the row is called in the output.
    pub(super) label: String,
    /// The app's directory.
    app: PathBuf,
    /// The API crate's package name, for the crate-only rebuild; `None` for no such rebuild.
    crate_only: Option<&'static str>,
    /// Wall time of each cold build, in seconds.
    pub(super) cold: Vec<f64>,
    /// Wall time of each rebuild of the API crate alone, in seconds.
    pub(super) crate_alone: Vec<f64>,
    /// Why the row could not be built.
    pub(super) error: Option<String>,
}

impl Row {
    /// The row's target directory.
    fn target(&self) -> PathBuf {
        self.app.join("target")
    }

    /// `cargo args…` in the app's directory, into its own target directory.
    fn cargo(&self, args: &[&str]) -> Command {
        let mut command = cargo();
        command
            .current_dir(&self.app)
            .args(args)
            .env("CARGO_TARGET_DIR", self.target())
            .env("CARGO_INCREMENTAL", "0");
        command
    }
}

/// The figures of the section: the SDK's default app, the oag app, then one row per
/// feature list, in that order.
pub(super) struct FirstBuilds {
    /// The rows.
    pub(super) rows: Vec<Row>,
    /// The load average (1, 5, 15 min) before and after the timed builds.
    pub(super) load: [String; 2],
}

/// Min, median and max of `values`, as `min/median/max` in seconds.
pub(super) fn spread(values: &[f64]) -> String {
    let mut sorted = values.to_vec();
    let mid = median(&mut sorted);
    match (sorted.first(), sorted.last()) {
        (Some(min), Some(max)) => format!("{min:.1}/{mid:.1}/{max:.1} s"),
        _ => "no figure".into(),
    }
}

/// The median of `values` (NaN when empty).
pub(super) fn median_of(values: &[f64]) -> f64 {
    median(&mut values.to_vec())
}

/// Generates the oag crate and the apps, fetches their dependencies, then times
/// `rounds` cold builds of each app. A feature list whose app does not build is
/// reported in its row; the default app or the oag app not building is an error.
pub(super) fn first_builds(
    root: &Path,
    target: &Path,
    spec: &Path,
    spec_sha256: &str,
    features: &[String],
    rounds: usize,
) -> Result<FirstBuilds, String> {
    let work = target.join("first-build");
    let apps = work.join("apps");
    std::fs::create_dir_all(&apps).map_err(|e| format!("cannot create {}: {e}", apps.display()))?;
    let oag_crate = oag::generated_crate(&work, spec, spec_sha256)?;
    let lock = root.join("Cargo.lock");
    let sdk = root.join("conekta-sdk");

    let mut rows = vec![
        sdk_app(&apps.join("sdk-default"), &sdk, None, &lock)?,
        oag_app(&apps.join("oag-default"), &oag_crate, &lock)?,
    ];
    for (index, list) in features.iter().enumerate() {
        let dir = apps.join(format!("sdk-features-{}", index + 1));
        rows.push(sdk_app(&dir, &sdk, Some(list), &lock)?);
    }

    println!(
        "a one-call app (get_customer_by_id, printed; tokio with macros and rt-multi-thread), \
         built cold: fresh target directory, crates already downloaded, \
         CARGO_INCREMENTAL=0, `cargo build --offline --timings` (dev profile) timed; \
         oag = openapi-generator {} `rust` (reqwest), its default features",
        oag::VERSION
    );
    for (index, row) in rows.iter_mut().enumerate() {
        eprintln!("fetching the dependencies of: {}", row.label);
        let what = format!("cargo fetch ({})", row.label);
        if let Err(error) = run_captured(&mut row.cargo(&["fetch"]), &what) {
            if index < 2 {
                return Err(error);
            }
            println!("  {error}");
            row.error = Some(error);
        }
    }

    let timings = work.join("timings");
    std::fs::create_dir_all(&timings)
        .map_err(|e| format!("cannot create {}: {e}", timings.display()))?;
    let load_before = load_average();
    for round in 0..rounds {
        let mut line = Vec::new();
        for which in alternate(round, rows.len()) {
            let row = &mut rows[which];
            if row.error.is_some() {
                continue;
            }
            let took = match cold_build(row, &timings) {
                Ok(took) => took,
                Err(error) if which >= 2 => {
                    println!("  {error}");
                    row.error = Some(error);
                    continue;
                }
                Err(error) => return Err(error),
            };
            row.cold.push(took);
            let mut text = format!("{} {took:.1} s", row.label);
            if let Some(name) = row.crate_only {
                let alone = crate_alone(row, name)?;
                row.crate_alone.push(alone);
                let _ = write!(text, " ({name} alone {alone:.1} s)");
            }
            line.push(text);
        }
        println!("  round {}: {}", round + 1, line.join(", "));
    }
    let load = [load_before, load_average()];
    println!("load average before {}, after {}", load[0], load[1]);
    println!(
        "cargo's timing report of each app's last cold build: {}/<app>.html",
        timings.display()
    );

    let reference = median_of(&rows[1].cold);
    println!("cold builds, min/median/max, median against the oag app:");
    for row in rows.iter().filter(|r| r.error.is_none()) {
        println!(
            "  {:<60} {:>20}  /oag {:.3}",
            row.label,
            spread(&row.cold),
            median_of(&row.cold) / reference
        );
    }
    let (sdk_alone, oag_alone) = (&rows[0].crate_alone, &rows[1].crate_alone);
    println!(
        "the crate alone (clean -p, build), min/median/max: conekta-sdk {}, {} {}, sdk/oag {:.3}",
        spread(sdk_alone),
        oag::CRATE,
        spread(oag_alone),
        median_of(sdk_alone) / median_of(oag_alone)
    );
    Ok(FirstBuilds { rows, load })
}

/// Removes the row's target directory, then times `cargo build --offline --timings`
/// of its app, and keeps cargo's timing report as `<timings>/<app>.html`.
fn cold_build(row: &Row, timings: &Path) -> Result<f64, String> {
    let target = row.target();
    if target.exists() {
        std::fs::remove_dir_all(&target)
            .map_err(|e| format!("cannot remove {}: {e}", target.display()))?;
    }
    let took = run_captured(
        &mut row.cargo(&["build", "--offline", "--timings"]),
        &format!("cargo build ({})", row.label),
    )?;
    let report = target.join("cargo-timings").join("cargo-timing.html");
    let name = row.app.file_name().unwrap_or_default().to_string_lossy();
    let kept = timings.join(format!("{name}.html"));
    std::fs::copy(&report, &kept).map_err(|e| {
        format!(
            "cannot copy {} to {}: {e}",
            report.display(),
            kept.display()
        )
    })?;
    Ok(took.as_secs_f64())
}

/// Times the rebuild of the API crate `name` (and the app) after `cargo clean -p name`.
fn crate_alone(row: &Row, name: &str) -> Result<f64, String> {
    run_captured(
        &mut row.cargo(&["clean", "--offline", "--quiet", "-p", name]),
        &format!("cargo clean -p {name} ({})", row.label),
    )?;
    let took = run_captured(
        &mut row.cargo(&["build", "--offline"]),
        &format!("cargo build after cargo clean -p {name} ({})", row.label),
    )?;
    Ok(took.as_secs_f64())
}

/// Writes the SDK app into `dir`: default features, or `--no-default-features
/// --features LIST` (plus `customers` if the list lacks it).
fn sdk_app(dir: &Path, sdk: &Path, features: Option<&String>, lock: &Path) -> Result<Row, String> {
    let (label, dependency) = match features {
        None => (
            "conekta-sdk, default features".to_owned(),
            format!("conekta-sdk = {{ path = {} }}", toml_string(sdk)),
        ),
        Some(list) => {
            let mut names: Vec<&str> = list
                .split([',', ' '])
                .filter(|name| !name.is_empty())
                .collect();
            if !names.contains(&NEEDED_TAG) {
                names.push(NEEDED_TAG);
            }
            let quoted: Vec<String> = names.iter().map(|n| format!("{n:?}")).collect();
            (
                format!(
                    "conekta-sdk --no-default-features --features {}",
                    names.join(",")
                ),
                format!(
                    "conekta-sdk = {{ path = {}, default-features = false, features = [{}] }}",
                    toml_string(sdk),
                    quoted.join(", ")
                ),
            )
        }
    };
    let main = format!(
        r#"//! A merchant's first Conekta call: one customer, printed.

#[tokio::main]
async fn main() {{
    let key = std::env::var("CONEKTA_API_KEY").unwrap_or_default();
    let client = conekta_sdk::Client::new(&key).expect("a client");
    match client.customers().get_customer_by_id("{CUSTOMER_ID}").await {{
        Ok(customer) => println!("{{customer:?}}"),
        Err(error) => eprintln!("{{error}}"),
    }}
}}
"#
    );
    write_app(dir, "first-build-sdk", &dependency, &main, lock)?;
    Ok(Row {
        label,
        app: dir.to_path_buf(),
        crate_only: features.is_none().then_some("conekta-sdk"),
        cold: Vec::new(),
        crate_alone: Vec::new(),
        error: None,
    })
}

/// Writes the oag app into `dir`: the generated crate with its default features.
fn oag_app(dir: &Path, oag_crate: &Path, lock: &Path) -> Result<Row, String> {
    let dependency = format!("{} = {{ path = {} }}", oag::CRATE, toml_string(oag_crate));
    let module = oag::CRATE.replace('-', "_");
    let main = format!(
        r#"//! The same first call on openapi-generator's crate: one customer, printed.

use {module}::apis::{{configuration::Configuration, customers_api}};

#[tokio::main]
async fn main() {{
    let mut configuration = Configuration::new();
    configuration.bearer_access_token = std::env::var("CONEKTA_API_KEY").ok();
    match customers_api::get_customer_by_id(&configuration, "{CUSTOMER_ID}", None, None).await {{
        Ok(customer) => println!("{{customer:?}}"),
        Err(error) => eprintln!("{{error}}"),
    }}
}}
"#
    );
    write_app(dir, "first-build-oag", &dependency, &main, lock)?;
    Ok(Row {
        label: format!(
            "{} (openapi-generator {}), default features",
            oag::CRATE,
            oag::VERSION
        ),
        app: dir.to_path_buf(),
        crate_only: Some(oag::CRATE),
        cold: Vec::new(),
        crate_alone: Vec::new(),
        error: None,
    })
}

/// Writes an app crate (its own workspace) into `dir`; its `Cargo.lock` starts as a
/// copy of `lock` at every run, so that cargo keeps the versions this project tests
/// and resolves only what the app adds.
fn write_app(
    dir: &Path,
    name: &str,
    dependency: &str,
    main: &str,
    lock: &Path,
) -> Result<(), String> {
    let write = |path: PathBuf, text: &str| {
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    let src = dir.join("src");
    std::fs::create_dir_all(&src).map_err(|e| format!("cannot create {}: {e}", src.display()))?;
    let manifest = format!(
        "# Written by `cargo xtask bench --only first-build`.\n\
         [package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\n{dependency}\n{TOKIO}\n\n\
         # Not part of the project's workspace.\n[workspace]\n"
    );
    write(dir.join("Cargo.toml"), &manifest)?;
    write(src.join("main.rs"), main)?;
    let app_lock = dir.join("Cargo.lock");
    std::fs::copy(lock, &app_lock).map_err(|e| {
        format!(
            "cannot copy {} to {}: {e}",
            lock.display(),
            app_lock.display()
        )
    })?;
    Ok(())
}

/// `path` as a TOML basic string.
fn toml_string(path: &Path) -> String {
    format!("{:?}", path.to_string_lossy())
}

/// The machine's load average over 1, 5 and 15 minutes, as `/proc/loadavg` gives it.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|| "unknown".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreads_and_medians() {
        assert_eq!(spread(&[3.0, 1.0, 2.0]), "1.0/2.0/3.0 s");
        assert_eq!(spread(&[]), "no figure");
        assert_eq!(median_of(&[4.0, 1.0]), 2.5);
    }

    #[test]
    fn paths_are_toml_strings() {
        assert_eq!(toml_string(Path::new("/a b/c\"d")), r#""/a b/c\"d""#);
    }
}
