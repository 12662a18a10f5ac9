//! Golden tests of the API changelog (`conekta_codegen::spec_diff`).
//!
//! Each directory under `tests/spec_diff/` is one case: `old.yaml` and
//! `new.yaml` (and optionally an `overrides.yaml` applied to both), whose
//! changelog is compared with `expected.md`. Every case also checks that the
//! changelog names each added operation, and classifies each removed one as
//! breaking.
//!
//! To accept the current output (after checking the diff):
//!
//! ```sh
//! UPDATE_GOLDEN=1 cargo test -p conekta-codegen --test spec_diff
//! ```

use conekta_codegen::spec_diff::{self, Bump, Context, Subject};
use std::fs;
use std::path::{Path, PathBuf};

/// Set to `1` to rewrite the expected files instead of comparing with them.
const UPDATE_ENV: &str = "UPDATE_GOLDEN";

fn case_dir(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/spec_diff")
        .join(case)
}

/// The changelog of a case, its Markdown, and the operation ids of each side.
fn changelog(case: &str) -> (spec_diff::Changelog, String, Vec<String>, Vec<String>) {
    let dir = case_dir(case);
    let read = |name: &str| fs::read_to_string(dir.join(name)).unwrap_or_default();
    let overrides = conekta_codegen::Overrides::parse(&read("overrides.yaml")).unwrap();
    let lower = |name: &str| {
        conekta_codegen::lower(&read(name), "[]", &overrides)
            .unwrap_or_else(|e| panic!("{case}/{name}: {e}"))
    };
    let (old, new) = (lower("old.yaml"), lower("new.yaml"));
    assert!(old.stale.is_empty(), "{case}: {:?}", old.stale);
    let changelog = spec_diff::diff(&old.api, &new.api);
    let markdown = changelog.markdown(&Context {
        specs: ("`old.yaml`", "`new.yaml`"),
        crate_version: Some("0.1.0"),
        stale: &new.stale,
    });
    let ids =
        |api: &conekta_codegen::ir::Api| api.operations.iter().map(|op| op.id.clone()).collect();
    (changelog, markdown, ids(&old.api), ids(&new.api))
}

fn check(case: &str) -> spec_diff::Changelog {
    let (changelog, markdown, old_ids, new_ids) = changelog(case);
    for id in new_ids.iter().filter(|id| !old_ids.contains(id)) {
        assert!(
            markdown.contains(&format!("- `{id}`: added: ")),
            "{case}: the added operation `{id}` is not named:\n{markdown}"
        );
    }
    for id in old_ids.iter().filter(|id| !new_ids.contains(id)) {
        assert!(
            changelog
                .breaking()
                .any(|c| c.subject == Subject::Operation(id.clone())
                    && c.what.starts_with("removed")),
            "{case}: the removed operation `{id}` is not a breaking removal"
        );
    }
    let path = case_dir(case).join("expected.md");
    if std::env::var(UPDATE_ENV).is_ok_and(|v| v == "1") {
        fs::write(&path, &markdown).unwrap();
    } else {
        let expected = fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (run with {UPDATE_ENV}=1)", path.display()));
        assert!(
            expected == markdown,
            "{case}: the changelog differs from expected.md (accept with {UPDATE_ENV}=1):\n{markdown}"
        );
    }
    changelog
}

#[test]
fn operations() {
    let changelog = check("operations");
    assert_eq!(changelog.bump(), Bump::Major);
}

#[test]
fn types() {
    let changelog = check("types");
    assert_eq!(changelog.bump(), Bump::Major);
}

#[test]
fn identical_specs_change_nothing() {
    let spec = fs::read_to_string(case_dir("types").join("old.yaml")).unwrap();
    let lowered = conekta_codegen::lower(&spec, "[]", &Default::default()).unwrap();
    let changelog = spec_diff::diff(&lowered.api, &lowered.api);
    assert!(changelog.changes.is_empty(), "{:?}", changelog.changes);
    assert_eq!(changelog.bump(), Bump::Patch);
}

#[test]
fn every_case_directory_is_tested() {
    let mut found: Vec<String> =
        fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/spec_diff"))
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
    found.sort();
    assert_eq!(found, ["operations", "types"]);
}
