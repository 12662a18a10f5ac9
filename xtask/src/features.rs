//! The SDK's Cargo features: one per tag of the spec, written into
//! `conekta-sdk/Cargo.toml` by `cargo xtask generate` (between the generator's
//! markers), listed by `cargo xtask features` and checked one by one by
//! `cargo xtask check-features`.

use conekta_codegen::FeatureTable;
use conekta_codegen::features::ALL_TAGS;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// The SDK's manifest, relative to the workspace root.
pub const SDK_MANIFEST: &str = "conekta-sdk/Cargo.toml";
/// The TLS feature every checked set includes (an SDK without TLS cannot reach Conekta).
const TLS: &str = "rustls";
/// The hand-written feature checked on its own besides the tags.
const WEBHOOKS: &str = "webhooks";

/// Fails unless `manifest` (with the tag features spliced in) is valid TOML
/// that declares every tag's feature: a tag named like a hand-written feature
/// that the override table does not list would be declared twice.
pub fn check_manifest(manifest: &str, table: &FeatureTable) -> Result<(), String> {
    let parsed: toml::Table = toml::from_str(manifest).map_err(|e| {
        format!("{SDK_MANIFEST} with the tag features is not valid TOML (is a tag named like a hand-written feature that spec/overrides.yaml does not list?): {e}")
    })?;
    let declared = parsed.get("features").and_then(toml::Value::as_table);
    for tag in &table.tags {
        if !declared.is_some_and(|features| features.contains_key(&tag.name)) {
            return Err(format!(
                "{SDK_MANIFEST} does not declare the feature `{}` of the tag `{}`: spec/overrides.yaml lists it as hand-written",
                tag.name, tag.tag
            ));
        }
    }
    Ok(())
}

/// The tag features, as the checked-in manifest lists them in [`ALL_TAGS`]
/// (`cargo xtask generate --check` keeps that list in step with the spec).
pub fn tags(root: &Path) -> Result<Vec<String>, String> {
    let path = root.join(SDK_MANIFEST);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let manifest: toml::Table =
        toml::from_str(&text).map_err(|e| format!("{SDK_MANIFEST} is not valid TOML: {e}"))?;
    let list = manifest
        .get("features")
        .and_then(|features| features.get(ALL_TAGS))
        .and_then(toml::Value::as_array)
        .ok_or_else(|| {
            format!("{SDK_MANIFEST} has no feature `{ALL_TAGS}`: run `cargo xtask generate`")
        })?;
    list.iter()
        .map(|tag| {
            tag.as_str().map(str::to_owned).ok_or_else(|| {
                format!(
                    "{SDK_MANIFEST}: `{ALL_TAGS}` lists something that is not a feature name: {tag}"
                )
            })
        })
        .collect()
}

/// `cargo check`s the SDK's library (denying warnings, in the shared target
/// directory) with no default features and: TLS and each tag; TLS and
/// `webhooks`; TLS, every tag and `webhooks`. Prints each time.
pub fn check(root: &Path) -> Result<(), String> {
    let tags = tags(root)?;
    let mut sets: Vec<Vec<&str>> = tags.iter().map(|tag| vec![TLS, tag.as_str()]).collect();
    if !tags.iter().any(|tag| tag == WEBHOOKS) {
        sets.push(vec![TLS, WEBHOOKS]);
    }
    sets.push(vec![TLS, ALL_TAGS, WEBHOOKS]);
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let started = Instant::now();
    let mut failed = Vec::new();
    for set in &sets {
        let features = set.join(",");
        let one = Instant::now();
        let status = Command::new(&cargo)
            .current_dir(root)
            .args([
                "rustc",
                "--quiet",
                "-p",
                "conekta-sdk",
                "--lib",
                "--profile",
                "check",
            ])
            .args(["--no-default-features", "--features", &features])
            .args(["--", "-D", "warnings"])
            .status()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        eprintln!("{:>6} --features {features}", seconds(one.elapsed()));
        if !status.success() {
            failed.push(features);
        }
    }
    eprintln!(
        "checked {} feature sets in {}",
        sets.len(),
        seconds(started.elapsed())
    );
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "conekta-sdk does not check cleanly with --no-default-features and:\n  --features {}",
            failed.join("\n  --features ")
        ))
    }
}

fn seconds(elapsed: Duration) -> String {
    format!("{:.1}s", elapsed.as_secs_f64())
}
