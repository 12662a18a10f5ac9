//! `cargo xtask generate [--check]`: runs the generator and writes (or compares)
//! its files and the tag features of the SDK's `Cargo.toml`.

use crate::features::SDK_MANIFEST;
use crate::upstream::{self, Manifest};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Generates the SDK from the pinned spec; with `check`, writes nothing and fails
/// when the checked-in files differ.
pub fn run(root: &Path, check: bool) -> Result<(), String> {
    let started = Instant::now();
    let manifest = Manifest::load(root)?;
    let spec_path = upstream::ensure(root, &manifest.spec)?;
    let spec = read(&spec_path)?;
    let patches = read(&root.join("spec/patches.yaml"))?;
    let overrides = read(&root.join("spec/overrides.yaml"))?;
    let output =
        conekta_codegen::generate(&spec, &patches, &overrides).map_err(|e| e.to_string())?;
    for warning in &output.warnings {
        eprintln!("note: {warning}");
    }
    let dirs = [
        conekta_codegen::SDK_DIR,
        conekta_codegen::TESTS_DIR,
        conekta_codegen::MCP_DIR,
    ];
    let mut stale: BTreeSet<PathBuf> = BTreeSet::new();
    for dir in dirs {
        list_files(&root.join(dir), &mut stale)?;
    }
    let mut differing = Vec::new();
    for file in &output.files {
        let path = root.join(&file.path);
        stale.remove(&path);
        let current = std::fs::read_to_string(&path).ok();
        if current.as_deref() == Some(file.contents.as_str()) {
            continue;
        }
        differing.push(file.path.clone());
        if !check {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
            }
            std::fs::write(&path, &file.contents)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
    }
    if let Some(table) = &output.features {
        let path = root.join(SDK_MANIFEST);
        let current = read(&path)?;
        let spliced = table
            .splice(&current, SDK_MANIFEST)
            .map_err(|e| e.to_string())?;
        crate::features::check_manifest(&spliced, table)?;
        if spliced != current {
            differing.push(format!("{SDK_MANIFEST} (the tag features)"));
            if !check {
                std::fs::write(&path, spliced)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
        }
    }
    for path in &stale {
        differing.push(format!("{} (no longer generated)", relative(root, path)));
        if !check {
            std::fs::remove_file(path)
                .map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
        }
    }
    let lines: usize = output
        .files
        .iter()
        .map(|f| f.contents.lines().count())
        .sum();
    let summary = format!(
        "{} files, {lines} lines, {} types, {} operations in {:.0?}",
        output.files.len(),
        output.api.types.len(),
        output.api.operations.len(),
        started.elapsed()
    );
    if check {
        if differing.is_empty() {
            eprintln!("generated code is up to date ({summary})");
            return Ok(());
        }
        return Err(format!(
            "the generated code differs from the spec in {} file(s); run `cargo xtask generate` and commit:\n  {}",
            differing.len(),
            differing.join("\n  ")
        ));
    }
    eprintln!("{} file(s) changed; {summary}", differing.len());
    Ok(())
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn list_files(dir: &Path, into: &mut BTreeSet<PathBuf>) -> Result<(), String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            list_files(&path, into)?;
        } else {
            into.insert(path);
        }
    }
    Ok(())
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}
