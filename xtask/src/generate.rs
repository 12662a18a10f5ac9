//! `cargo xtask generate [--check]`: runs the generator and writes (or compares)
//! its files and the tag features of the SDK's `Cargo.toml`.
//!
//! Patches and override entries that no longer apply to the spec are listed
//! together, each with its reason; `generate` goes on without them, `--check`
//! fails on them.

use crate::features::SDK_MANIFEST;
use crate::upstream::{self, Manifest};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Generates the SDK from the pinned spec; with `check`, writes nothing and fails
/// when the checked-in files differ or a patch or override entry no longer applies.
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
    if check {
        let output = output.strict().map_err(|e| e.to_string())?;
        return compare_or_write(root, &output, true, started);
    }
    for entry in &output.stale {
        eprintln!("stale: {entry}");
    }
    if !output.stale.is_empty() {
        eprintln!(
            "{} patch or override entr{} no longer appl{} (skipped; `generate --check` fails until each is dropped or fixed)",
            output.stale.len(),
            if output.stale.len() == 1 { "y" } else { "ies" },
            if output.stale.len() == 1 { "ies" } else { "y" },
        );
    }
    compare_or_write(root, &output, false, started)
}

/// Writes the generated files (removing those no longer generated) or, with
/// `check`, fails listing those that differ.
fn compare_or_write(
    root: &Path,
    output: &conekta_codegen::Output,
    check: bool,
    started: Instant,
) -> Result<(), String> {
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

#[cfg(test)]
mod tests {
    use sha2::{Digest, Sha256};
    use std::path::{Path, PathBuf};

    /// A spec with one operation answering a `Pet` that has a string `kind`.
    const SPEC: &str = r##"
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /pets:
    get:
      operationId: getPets
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: "#/components/schemas/pet"}}}
components:
  schemas:
    pet:
      type: object
      properties: {kind: {type: string}}
"##;

    /// A value set that types `Pet.kind`, and one entry that matches nothing.
    const OVERRIDES: &str = r#"
value_sets:
  Kind:
    doc: A kind.
    source: the test.
    values: {cat: ""}
    fields: [Pet.kind, "*.colour"]
"#;

    /// A workspace root in the temporary directory with `spec` pinned, removed on drop.
    struct Workspace(PathBuf);

    impl Workspace {
        fn new(spec: &str, patches: &str, overrides: &str) -> Self {
            let root = std::env::temp_dir().join(format!(
                "xtask-generate-check-{}-{:?}",
                std::process::id(),
                std::thread::current().id()
            ));
            let _ = std::fs::remove_dir_all(&root);
            std::fs::create_dir_all(root.join("spec")).unwrap();
            let sha: String = Sha256::digest(spec.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            let upstream = format!(
                "[spec]\nfile = \"api.yml\"\nurl = \"https://example.invalid/api.yml\"\nsha256 = \"{sha}\"\nshared = \"none\"\n\
                 [mocks]\nfile = \"m.json\"\nurl = \"https://example.invalid/m.json\"\nsha256 = \"0\"\nshared = \"none\"\n"
            );
            write(&root, "spec/upstream.toml", &upstream);
            write(&root, "spec/api.yml", spec);
            write(&root, "spec/patches.yaml", patches);
            write(&root, "spec/overrides.yaml", overrides);
            Self(root)
        }
    }

    impl Drop for Workspace {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn write(root: &Path, path: &str, text: &str) {
        std::fs::write(root.join(path), text).unwrap();
    }

    /// Conekta's current spec, beside the project (never committed into it).
    const SPEC_2_3_0: &str = "../shared/spec/conekta-api-openapi-2.3.0.yml";

    /// A file of the project (or beside it), read.
    fn read(path: &str) -> String {
        std::fs::read_to_string(crate::workspace_root().join(path)).unwrap_or_else(|e| {
            panic!(
                "{path}: {e} (run `cargo xtask fetch-spec`; ../shared must be beside the project)"
            )
        })
    }

    #[test]
    fn conekta_2_3_0_generates_and_lists_what_no_longer_applies() {
        use conekta_codegen::StaleReason::{TargetGone, TypedUpstream};
        let output = conekta_codegen::generate(
            &read(SPEC_2_3_0),
            &read("spec/patches.yaml"),
            &read("spec/overrides.yaml"),
        )
        .expect("2.3.0 generates");
        assert_eq!(output.api.version, "2.3.0");
        assert_eq!(output.api.operations.len(), 112, "2.3.0 drops smsCheckout");
        assert!(
            !output
                .api
                .operations
                .iter()
                .any(|op| op.id == "smsCheckout"),
            "smsCheckout is gone"
        );
        let reason = |entry: &str| {
            output
                .stale
                .iter()
                .find(|s| s.entry == entry)
                .map(|s| s.reason)
        };
        assert_eq!(reason("operation_names.smsCheckout"), Some(TargetGone));
        assert_eq!(reason("mcp.descriptions.smsCheckout"), Some(TargetGone));
        assert_eq!(
            reason("value_sets.ThreeDsMode: *.three_ds_mode"),
            Some(TypedUpstream)
        );
        // The patch that points `POST /orders/{id}/charges` at the one charge schema
        // matches any media type (`content/*/schema`): it holds on 2.3.0 too.
        let charge = output
            .api
            .operations
            .iter()
            .find(|op| op.id == "ordersCreateCharge")
            .expect("ordersCreateCharge");
        assert_eq!(charge.response.to_string(), "ChargeResponse");
        assert!(
            output
                .stale
                .iter()
                .all(|s| s.file == conekta_codegen::stale::OVERRIDES),
            "every patch applies to 2.3.0: {:#?}",
            output.stale
        );
        let listed = output.stale.len();
        let error = output
            .strict()
            .expect_err("the check is strict")
            .to_string();
        assert!(
            error.starts_with(&format!("{listed} entries no longer apply")),
            "{error}"
        );
    }

    #[test]
    fn check_on_the_pinned_spec_fails_naming_an_override_entry_that_matches_nothing() {
        let overrides = read("spec/overrides.yaml");
        let with_stale = overrides.replacen(
            "\noperation_names:\n",
            "\noperation_names:\n  noSuchOperation: no_such_operation\n",
            1,
        );
        assert_ne!(
            with_stale, overrides,
            "spec/overrides.yaml has operation_names"
        );
        let pinned = read("spec/conekta-api-openapi.yml");
        let workspace = Workspace::new(&pinned, &read("spec/patches.yaml"), &with_stale);
        let error = super::run(&workspace.0, true).unwrap_err();
        assert_eq!(
            error.lines().take(2).collect::<Vec<_>>(),
            [
                "1 entry no longer applies to the spec (drop or fix each):",
                "  spec/overrides.yaml: `operation_names.noSuchOperation`: target gone (the spec has no operation `noSuchOperation`)",
            ],
            "{error}"
        );
    }

    #[test]
    fn check_fails_naming_an_override_entry_that_matches_nothing() {
        let workspace = Workspace::new(SPEC, "[]", OVERRIDES);
        let root = &workspace.0;
        // Generating goes on without the entry (and writes the files)…
        super::run(root, false).unwrap();
        // …but the check fails, naming it and why.
        let error = super::run(root, true).unwrap_err();
        assert!(
            error.contains(
                "spec/overrides.yaml: `value_sets.Kind: *.colour`: target gone (no type has a field `colour`)"
            ),
            "{error}"
        );
        assert!(error.starts_with("1 entry no longer applies"), "{error}");
        // Without the entry, the same files pass the check.
        write(
            root,
            "spec/overrides.yaml",
            &OVERRIDES.replace(", \"*.colour\"", ""),
        );
        super::run(root, true).unwrap();
    }
}
