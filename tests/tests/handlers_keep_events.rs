//! No handler the project shows (READMEs, examples, rustdoc) ignores a typed
//! view of an event that failed: `if let Ok(order) = event.data.order()` would
//! skip a paid order without a trace. Each typed view is matched, with an `Err`
//! arm that acts on the raw object or answers so that Conekta retries.

use std::path::{Path, PathBuf};

/// The typed views of `data.object`.
const VIEWS: [&str; 7] = [
    "charge()",
    "order()",
    "customer()",
    "subscription()",
    "plan()",
    "inbound_payment()",
    "decode_object",
];

/// What ignores a failure on the line of the call.
const IGNORING: [&str; 6] = [
    "if let Ok(",
    "let Ok(",
    ").ok()",
    ").unwrap_or",
    ").is_ok()",
    "while let Ok(",
];

/// Every file whose code a user copies: the READMEs, the examples and the
/// SDK's sources (their doc comments).
fn shown_code() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = vec![root.join("README.md"), root.join("conekta-sdk/README.md")];
    let mut dirs = vec![
        root.join("conekta-sdk/examples"),
        root.join("conekta-sdk/src"),
    ];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("a directory") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                files.push(path);
            }
        }
    }
    files
}

/// The lines of `text` that call a typed view and ignore its failure.
fn ignored_views(text: &str) -> Vec<String> {
    text.lines()
        .filter(|line| {
            VIEWS
                .iter()
                .any(|view| line.contains(&format!(".data.{view}")))
                && IGNORING.iter().any(|pattern| line.contains(pattern))
        })
        .map(|line| line.trim().to_owned())
        .collect()
}

#[test]
fn the_check_finds_an_ignored_view() {
    let code = "if let Ok(order) = event.data.order() {\n    println!(\"paid\");\n}";
    assert_eq!(ignored_views(code).len(), 1);
    assert!(ignored_views("match event.data.order() {").is_empty());
    assert_eq!(
        ignored_views("let charge = event.data.charge().ok()?;").len(),
        1
    );
}

#[test]
fn no_shown_handler_ignores_a_failed_typed_view() {
    let files = shown_code();
    assert!(files.len() > 20, "{} files", files.len());
    let mut found = Vec::new();
    let mut views = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable");
        views += VIEWS
            .iter()
            .map(|view| text.matches(&format!(".data.{view}")).count())
            .sum::<usize>();
        found.extend(
            ignored_views(&text)
                .into_iter()
                .map(|line| format!("{}: {line}", file.display())),
        );
    }
    assert!(
        views >= 8,
        "only {views} typed views found: is the check looking?"
    );
    assert!(found.is_empty(), "{}", found.join("\n"));
}
