//! Golden (snapshot) tests of the generator.
//!
//! Each directory under `tests/golden/` is one case: a small `spec.yaml` about
//! one concern (and optionally a `patches.yaml` and an `overrides.yaml`). Everything
//! the generator writes for it is compared with one file, `expected.rs`: the models
//! inline at its top (the crate `golden-compile/`, `conekta-golden-compile`,
//! compiles them against the SDK's runtime and checks how they behave), then the
//! operations (and, in the `mcp_*` cases, the tests' table and the MCP files) each
//! in a module under `#[cfg(any())]` (the operations' setters are inherent impls
//! on the SDK's `Request`, which only the SDK's crate can compile: its own
//! generated operations are compiled in every build), and the warnings and tag
//! features in its header.
//!
//! To accept the current output (after checking the diff):
//!
//! ```sh
//! UPDATE_GOLDEN=1 cargo test -p conekta-codegen --test golden
//! cargo test -p conekta-golden-compile   # the expected models must still compile and behave
//! ```

use std::collections::BTreeMap;
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use similar::TextDiff;

/// Set to `1` to rewrite the expected files instead of comparing with them.
const UPDATE_ENV: &str = "UPDATE_GOLDEN";
/// A case's expected output, in its directory.
const EXPECTED_FILE: &str = "expected.rs";
/// Where the generator writes the models, relative to the workspace.
const MODELS_DIR: &str = "conekta-sdk/src/generated/models/";
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
    multipart,
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
         differ: add new cases to the list (and a `mod` in golden-compile/tests/golden_compile.rs)"
    );
}

fn golden_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn updating() -> bool {
    std::env::var(UPDATE_ENV).is_ok_and(|v| v == "1")
}

/// Generates a case and compares (or, when updating, rewrites) its expected file.
fn check_case(case: &str) {
    let dir = golden_root().join(case);
    let read = |name: &str, default: &str| match fs::read_to_string(dir.join(name)) {
        Ok(text) => text,
        Err(e) if e.kind() == ErrorKind::NotFound => default.to_owned(),
        Err(e) => panic!("{case}: cannot read {name}: {e}"),
    };
    let spec = read("spec.yaml", "");
    let output = conekta_codegen::generate(
        &spec,
        &read("patches.yaml", "[]"),
        &read("overrides.yaml", ""),
    )
    .unwrap_or_else(|e| panic!("{case}: generation failed: {e}"));
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    for file in output.files {
        // The MCP server's tools and the tests' table of operations are
        // snapshotted by the `mcp_*` cases only (elsewhere they would repeat
        // the same fixed code in every case).
        let apart = file.path.starts_with(conekta_codegen::MCP_DIR)
            || file.path.starts_with(conekta_codegen::TESTS_DIR);
        if apart && !case.starts_with("mcp_") {
            continue;
        }
        let previous = files.insert(file.path.clone(), file.contents);
        assert!(
            previous.is_none(),
            "{case}: {} is generated twice",
            file.path
        );
    }
    let mut header: Vec<String> = output
        .warnings
        .iter()
        .map(|warning| format!("warning: {warning}"))
        .collect();
    if let Some(features) = &output.features {
        header.push("Cargo features:".to_owned());
        header.extend(features.toml().lines().map(str::to_owned));
    }
    let actual = snapshot(case, &files, &header);

    let expected_path = dir.join(EXPECTED_FILE);
    let expected = match fs::read_to_string(&expected_path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == ErrorKind::NotFound => None,
        Err(e) => panic!("cannot read {}: {e}", expected_path.display()),
    };
    if updating() {
        if expected.as_deref() != Some(actual.as_str()) {
            fs::write(&expected_path, &actual)
                .unwrap_or_else(|e| panic!("cannot write {}: {e}", expected_path.display()));
            eprintln!("golden {case}: wrote {EXPECTED_FILE}");
        }
    } else {
        compare(case, &actual, expected.as_deref());
    }
}

/// Every file generated for a case as one Rust file (see the module docs).
fn snapshot(case: &str, files: &BTreeMap<String, String>, header: &[String]) -> String {
    let mut out = format!(
        "// Golden output of the generator for the case `{case}` (tests/golden/{case}/spec.yaml):\n\
         // every file it writes, in one. Rewrite with {UPDATE_ENV}=1, never by hand.\n"
    );
    for line in header {
        out.push_str(&format!("// {line}\n").replace("//  ", "// "));
    }
    out.push_str(
        "\n// ---- the models (compiled by golden-compile/tests/golden_compile.rs) ----\n\n",
    );
    let models_mod = files
        .get(&format!("{MODELS_DIR}mod.rs"))
        .unwrap_or_else(|| panic!("{case}: no {MODELS_DIR}mod.rs"));
    out.push_str(&inline_models(case, models_mod, files));
    for (path, contents) in files {
        if path.starts_with(MODELS_DIR) {
            continue;
        }
        let module: String = path
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        out.push_str(&format!(
            "\n// ---- {path} ----\n#[cfg(any())]\nmod {module} {{\n"
        ));
        if path.ends_with(".rs") {
            out.push_str(without_header(contents));
        } else {
            let hashes = "#".repeat(
                (1..)
                    .find(|n| !contents.contains(&format!("\"{}", "#".repeat(*n))))
                    .unwrap_or(1),
            );
            out.push_str(&format!(
                "const TEXT: &str = r{hashes}\"{contents}\"{hashes};\n"
            ));
        }
        out.push_str("}\n");
    }
    out
}

/// `models/mod.rs` with each module its `modules!` blocks declare written
/// inline (`mod name { … }`), under the block's attribute.
fn inline_models(case: &str, mod_rs: &str, files: &BTreeMap<String, String>) -> String {
    let body = without_header(mod_rs);
    let body = body.split_once("\n}\n").map_or(body, |(_, rest)| rest);
    let mut out = String::new();
    let mut rest = body;
    while let Some(start) = rest.find("modules! {\n") {
        out.push_str(&rest[..start]);
        let block = &rest[start + "modules! {\n".len()..];
        let end = block
            .find("\n}\n")
            .unwrap_or_else(|| panic!("{case}: an unclosed modules! block"));
        let lines: Vec<&str> = block[..end].lines().map(str::trim).collect();
        let split = lines
            .iter()
            .rposition(|line| line.ends_with(']'))
            .map_or(0, |i| i + 1);
        let attr = lines[..split].join(" ");
        for name in lines[split..]
            .join(" ")
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            let file = name.trim_start_matches("r#");
            let contents = files
                .get(&format!("{MODELS_DIR}{file}.rs"))
                .unwrap_or_else(|| panic!("{case}: no file for the module `{name}`"));
            out.push_str(&format!(
                "{attr}\nmod {name} {{\n{}}}\n{attr}\npub use {name}::*;\n",
                without_header(contents)
            ));
        }
        rest = &block[end + "\n}\n".len()..];
    }
    out.push_str(rest);
    out
}

/// A generated file without its two-line `@generated` header.
fn without_header(contents: &str) -> &str {
    contents
        .strip_prefix("// @generated")
        .and_then(|rest| rest.splitn(3, '\n').nth(2))
        .map_or(contents, |rest| rest.trim_start_matches('\n'))
}

fn compare(case: &str, actual: &str, expected: Option<&str>) {
    let problem = match expected {
        None => format!(
            "tests/golden/{case}/{EXPECTED_FILE} does not exist; the output begins:\n{}",
            indent(&actual.lines().take(20).collect::<Vec<_>>().join("\n"))
        ),
        Some(wanted) if wanted != actual => format!(
            "tests/golden/{case}/{EXPECTED_FILE} differs (- expected, + generated):\n{}",
            diff(wanted, actual)
        ),
        Some(_) => return,
    };
    panic!(
        "golden case `{case}`: {problem}\n\nIf the change is intended, update the expected file with\n  \
         {UPDATE_ENV}=1 cargo test -p conekta-codegen --test golden -- --exact {case}\n\
         (or all cases: {UPDATE_ENV}=1 cargo test -p conekta-codegen --test golden)\n\
         and check that it still compiles and behaves: cargo test -p conekta-codegen"
    );
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
