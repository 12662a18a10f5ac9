//! Golden (snapshot) tests of the generator.
//!
//! Each directory under `tests/golden/` is one case: a small `spec.yaml` about
//! one concern (and optionally a `patches.yaml`). The generator's output for it
//! is compared, file by file, with `expected/<path>` (paths relative to the
//! workspace root, as the generator returns them); its warnings with
//! `expected/warnings.txt`; with an `overrides.yaml` that asks for Cargo
//! features, the tag features for `Cargo.toml` with `expected/features.toml`.
//! An expected file that is no longer generated is a failure too.
//!
//! To accept the current output (after checking the diff):
//!
//! ```sh
//! UPDATE_GOLDEN=1 cargo test -p conekta-codegen --test golden
//! cargo test -p conekta-codegen   # the expected models must still compile and behave
//! ```

use std::collections::BTreeMap;
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use similar::TextDiff;

/// Set to `1` to rewrite the expected files instead of comparing with them.
const UPDATE_ENV: &str = "UPDATE_GOLDEN";
/// The expected warnings of a case, one per line, inside `expected/`.
const WARNINGS_FILE: &str = "warnings.txt";
/// The expected tag features of a case that has them, inside `expected/`.
const FEATURES_FILE: &str = "features.toml";
/// Lines of context around each change in a diff.
const CONTEXT: usize = 3;
/// A diff is cut after this many lines.
const MAX_DIFF_LINES: usize = 80;

/// One test per case, and the list of cases to check the directories against.
macro_rules! golden_cases {
    ($($case:ident),* $(,)?) => {
        /// Every case, by directory name.
        const CASES: &[&str] = &[$(stringify!($case)),*];
        $(
            #[test]
            fn $case() {
                check_case(stringify!($case));
            }
        )*
    };
}

golden_cases!(
    all_of,
    collisions,
    domain,
    enums,
    features,
    keywords,
    maps,
    mcp_tools,
    nullable,
    one_of_discriminator,
    one_of_untagged,
    recursion,
    regressions,
    scoping,
);

#[test]
fn every_case_directory_is_listed() {
    let mut found: Vec<String> = fs::read_dir(golden_root())
        .expect("tests/golden is readable")
        .map(|entry| entry.expect("a readable directory entry"))
        .filter(|entry| entry.path().is_dir())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    let mut listed: Vec<&str> = CASES.to_vec();
    listed.sort_unstable();
    assert_eq!(
        found, listed,
        "the case directories under tests/golden and the `golden_cases!` list in tests/golden.rs \
         differ: add new cases to the list (and a `mod` in tests/golden_compile.rs)"
    );
}

fn golden_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn updating() -> bool {
    std::env::var(UPDATE_ENV).is_ok_and(|v| v == "1")
}

/// Generates a case and compares (or, when updating, rewrites) its expected files.
fn check_case(case: &str) {
    let dir = golden_root().join(case);
    let spec = fs::read_to_string(dir.join("spec.yaml"))
        .unwrap_or_else(|e| panic!("{case}: cannot read spec.yaml: {e}"));
    let patches = match fs::read_to_string(dir.join("patches.yaml")) {
        Ok(patches) => patches,
        Err(e) if e.kind() == ErrorKind::NotFound => "[]".to_owned(),
        Err(e) => panic!("{case}: cannot read patches.yaml: {e}"),
    };
    let overrides = match fs::read_to_string(dir.join("overrides.yaml")) {
        Ok(overrides) => overrides,
        Err(e) if e.kind() == ErrorKind::NotFound => String::new(),
        Err(e) => panic!("{case}: cannot read overrides.yaml: {e}"),
    };
    let mut output = conekta_codegen::generate(&spec, &patches, &overrides)
        .unwrap_or_else(|e| panic!("{case}: generation failed: {e}"));
    // The MCP server's tools are snapshotted by the `mcp_*` cases only.
    if !case.starts_with("mcp_") {
        output
            .files
            .retain(|file| !file.path.starts_with(conekta_codegen::MCP_DIR));
    }

    let mut actual: BTreeMap<String, String> = BTreeMap::new();
    for file in output.files {
        assert!(
            is_safe_relative(&file.path),
            "{case}: the generator returned a path outside the workspace: {}",
            file.path
        );
        assert!(
            file.path != WARNINGS_FILE && file.path != FEATURES_FILE,
            "{case}: a generated file is named like the warnings or the features file"
        );
        let previous = actual.insert(file.path.clone(), file.contents);
        assert!(
            previous.is_none(),
            "{case}: {} is generated twice",
            file.path
        );
    }
    let warnings: String = output
        .warnings
        .iter()
        .map(|warning| format!("{warning}\n"))
        .collect();
    actual.insert(WARNINGS_FILE.to_owned(), warnings);
    if let Some(features) = &output.features {
        actual.insert(FEATURES_FILE.to_owned(), format!("{}\n", features.toml()));
    }

    let expected_dir = dir.join("expected");
    let expected = read_tree(&expected_dir);
    if updating() {
        update(case, &expected_dir, &actual, &expected);
    } else {
        compare(case, &actual, &expected);
    }
}

/// Relative, `/`-separated, without `.`/`..` or empty segments.
fn is_safe_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && path
            .split('/')
            .all(|segment| !segment.is_empty() && segment != "." && segment != "..")
}

/// Every file under `dir`, by `/`-separated relative path (empty if `dir` does not exist).
fn read_tree(dir: &Path) -> BTreeMap<String, String> {
    fn walk(root: &Path, dir: &Path, into: &mut BTreeMap<String, String>) {
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == ErrorKind::NotFound => return,
            Err(e) => panic!("cannot list {}: {e}", dir.display()),
        };
        for entry in entries {
            let path = entry.expect("a readable directory entry").path();
            if path.is_dir() {
                walk(root, &path, into);
            } else {
                let relative = path
                    .strip_prefix(root)
                    .expect("under the root")
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                let contents = fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
                into.insert(relative, contents);
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(dir, dir, &mut files);
    files
}

fn update(
    case: &str,
    expected_dir: &Path,
    actual: &BTreeMap<String, String>,
    expected: &BTreeMap<String, String>,
) {
    let mut changed = Vec::new();
    for (path, contents) in actual {
        if expected.get(path) == Some(contents) {
            continue;
        }
        let target = expected_dir.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)
                .unwrap_or_else(|e| panic!("cannot create {}: {e}", parent.display()));
        }
        fs::write(&target, contents)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", target.display()));
        changed.push(format!("wrote {path}"));
    }
    for path in expected.keys().filter(|path| !actual.contains_key(*path)) {
        let target = expected_dir.join(path);
        fs::remove_file(&target)
            .unwrap_or_else(|e| panic!("cannot remove {}: {e}", target.display()));
        changed.push(format!("removed {path}"));
        // Drop directories left empty, up to `expected/`.
        let mut parent = target.parent();
        while let Some(dir) = parent.filter(|dir| *dir != expected_dir) {
            if fs::remove_dir(dir).is_err() {
                break;
            }
            parent = dir.parent();
        }
    }
    for line in &changed {
        eprintln!("golden {case}: {line}");
    }
}

fn compare(case: &str, actual: &BTreeMap<String, String>, expected: &BTreeMap<String, String>) {
    let mut problems = Vec::new();
    for (path, contents) in actual {
        match expected.get(path) {
            None => problems.push(format!(
                "{path} is generated but has no expected file; it begins:\n{}",
                indent(&contents.lines().take(20).collect::<Vec<_>>().join("\n"))
            )),
            Some(wanted) if wanted != contents => problems.push(format!(
                "{path} differs (- expected, + generated):\n{}",
                diff(wanted, contents)
            )),
            Some(_) => {}
        }
    }
    for path in expected.keys().filter(|path| !actual.contains_key(*path)) {
        problems.push(format!("{path} is expected but no longer generated"));
    }
    if !problems.is_empty() {
        panic!(
            "golden case `{case}`: the generated code differs from tests/golden/{case}/expected \
             in {} file(s).\n\n{}\n\nIf the change is intended, update the expected files with\n  \
             {UPDATE_ENV}=1 cargo test -p conekta-codegen --test golden -- --exact {case}\n\
             (or all cases: {UPDATE_ENV}=1 cargo test -p conekta-codegen --test golden)\n\
             and check that they still compile and behave: cargo test -p conekta-codegen",
            problems.len(),
            problems.join("\n\n"),
        );
    }
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|line| format!("    {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A unified line diff (from `similar`), indented, with [`CONTEXT`] lines
/// around each change and cut after [`MAX_DIFF_LINES`] lines.
fn diff(expected: &str, actual: &str) -> String {
    if expected.lines().eq(actual.lines()) {
        return "    (the files differ only in line endings or the final newline)".to_owned();
    }
    let text = TextDiff::from_lines(expected, actual)
        .unified_diff()
        .context_radius(CONTEXT)
        .missing_newline_hint(false)
        .to_string();
    let mut out: Vec<String> = text
        .lines()
        .filter(|line| !line.is_empty())
        .map(|line| format!("    {line}"))
        .collect();
    if out.len() > MAX_DIFF_LINES {
        let more = out.len() - MAX_DIFF_LINES;
        out.truncate(MAX_DIFF_LINES);
        out.push(format!("    … and {more} more lines of diff"));
    }
    out.join("\n")
}

#[test]
fn diff_shows_changes_with_context() {
    let old = "a\nb\nc\nd\ne\nf\ng\nh\n";
    let new = "a\nb\nc\nd\nE\nf\ng\nh\ni\n";
    let shown = diff(old, new);
    assert_eq!(
        shown,
        [
            "    @@ -2,7 +2,8 @@",
            "     b",
            "     c",
            "     d",
            "    -e",
            "    +E",
            "     f",
            "     g",
            "     h",
            "    +i",
        ]
        .join("\n")
    );
    assert!(diff("a\n", "a").contains("line endings"));
    let long: String = (0..200).map(|i| format!("{i}\n")).collect();
    assert!(diff(&long, "").ends_with("more lines of diff"));
}
