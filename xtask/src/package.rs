//! `cargo xtask package-check`: the SDK as crates.io would have it. Packs
//! `conekta-sdk` (`cargo package`, which also builds the packed crate), unpacks
//! the `.crate` outside the workspace and runs its own tests there, as a user
//! who downloaded it would (fresh dependency resolution, no workspace files),
//! then checks its `rust-version` against what that resolution picked.
//!
//! `conekta-mcp`, `conekta-codegen`, `xtask` and the tests crate are not
//! published (`publish = false`).

use crate::process::{cargo, run as run_command, target_dir};
use std::path::Path;
use std::process::Command;

/// The published crate.
const CRATE: &str = "conekta-sdk";

/// Packs the SDK, then tests the unpacked package; prints the `.crate`'s size.
pub fn run(root: &Path) -> Result<(), String> {
    let target = target_dir(root)?;
    run_command(
        cargo().current_dir(root).args(["package", "-p", CRATE]),
        "cargo package",
    )?;
    let version = crate_version(root)?;
    let packed = target
        .join("package")
        .join(format!("{CRATE}-{version}.crate"));
    let size = std::fs::metadata(&packed)
        .map_err(|e| format!("{}: {e}", packed.display()))?
        .len();
    eprintln!(
        "packed {} ({:.1} KiB)",
        packed.display(),
        size as f64 / 1024.0
    );

    let scratch =
        std::env::temp_dir().join(format!("conekta-package-check-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
    let result = test_unpacked(&packed, &scratch, &target);
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

/// Unpacks `packed` into `scratch` and runs `cargo test` in it, with a target
/// directory of its own under `target` (kept between runs).
fn test_unpacked(packed: &Path, scratch: &Path, target: &Path) -> Result<(), String> {
    run_command(
        Command::new("tar")
            .arg("-xzf")
            .arg(packed)
            .arg("-C")
            .arg(scratch),
        "tar -xzf (unpacking the .crate)",
    )?;
    let name = packed
        .file_stem()
        .ok_or_else(|| format!("{} has no name", packed.display()))?;
    let unpacked = scratch.join(name);
    run_command(
        cargo()
            .current_dir(&unpacked)
            .env("CARGO_TARGET_DIR", target.join("package-check"))
            .args(["test", "--all-targets"]),
        "cargo test in the unpacked package",
    )?;
    run_command(
        cargo()
            .current_dir(&unpacked)
            .env("CARGO_TARGET_DIR", target.join("package-check"))
            .args(["test", "--doc"]),
        "cargo test --doc in the unpacked package",
    )?;
    // The dependencies a downstream user resolves afresh (MSRV-aware, as the
    // package's edition asks) must not need a newer Rust than it declares.
    crate::msrv::check(&unpacked)
}

/// The SDK's version, from its manifest.
fn crate_version(root: &Path) -> Result<String, String> {
    let path = root.join(crate::features::SDK_MANIFEST);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let manifest: toml::Table =
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    manifest
        .get("package")
        .and_then(|package| package.get("version"))
        .and_then(toml::Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| format!("{} has no package.version", path.display()))
}
