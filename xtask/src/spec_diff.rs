//! `cargo xtask spec-diff OLD.yml NEW.yml [-o FILE]`: the API changelog
//! between two specs for the crate's users (Markdown), from the two specs as
//! the generator lowers them with this checkout's patches and override table.

use crate::features::SDK_MANIFEST;
use conekta_codegen::spec_diff::{self, Context};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// What the command was asked.
#[derive(Debug, PartialEq, Eq)]
pub struct Options {
    /// The old spec.
    pub old: PathBuf,
    /// The new spec.
    pub new: PathBuf,
    /// Where to write the changelog; standard output when `None`.
    pub output: Option<PathBuf>,
}

/// Parses `OLD NEW [-o FILE]`.
pub fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut files = Vec::new();
    let mut output = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-o" | "--output" => {
                let file = args.next().ok_or("`-o` needs a file")?;
                output = Some(PathBuf::from(file));
            }
            flag if flag.starts_with('-') => return Err(format!("unknown option `{flag}`")),
            file => files.push(PathBuf::from(file)),
        }
    }
    let [old, new] = <[PathBuf; 2]>::try_from(files)
        .map_err(|_| "spec-diff takes two specs: OLD.yml NEW.yml".to_owned())?;
    Ok(Options { old, new, output })
}

/// Writes the changelog from `options.old` to `options.new`.
pub fn run(root: &Path, options: &Options) -> Result<(), String> {
    let (changelog, markdown, stale) = changelog(root, &options.old, &options.new)?;
    eprintln!(
        "{} change(s), {} breaking; {stale} patch or override entries do not apply to the new spec",
        changelog.changes.len(),
        changelog.breaking().count(),
    );
    match &options.output {
        Some(path) => std::fs::write(path, markdown)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?,
        None => print!("{markdown}"),
    }
    Ok(())
}

/// The changelog from `old` to `new`, as Markdown, and how many entries of the
/// tables do not apply to `new`.
fn changelog(
    root: &Path,
    old: &Path,
    new: &Path,
) -> Result<(spec_diff::Changelog, String, usize), String> {
    let patches = read(&root.join("spec/patches.yaml"))?;
    let overrides = conekta_codegen::Overrides::parse(&read(&root.join("spec/overrides.yaml"))?)
        .map_err(|e| e.to_string())?;
    let lower = |path: &Path| {
        let spec = read(path)?;
        conekta_codegen::lower(&spec, &patches, &overrides)
            .map_err(|e| format!("{}: {e}", path.display()))
            .map(|lowered| (lowered, label(path, &spec)))
    };
    let (old, old_label) = lower(old)?;
    let (new, new_label) = lower(new)?;
    if !old.stale.is_empty() {
        eprintln!(
            "note: {} patch or override entries do not apply to the old spec either (skipped there too)",
            old.stale.len()
        );
    }
    let changelog = spec_diff::diff(&old.api, &new.api);
    let manifest: toml::Table = toml::from_str(&read(&root.join(SDK_MANIFEST))?)
        .map_err(|e| format!("{SDK_MANIFEST}: {e}"))?;
    let crate_version = manifest
        .get("package")
        .and_then(|p| p.get("version"))
        .and_then(toml::Value::as_str);
    let markdown = changelog.markdown(&Context {
        specs: (&old_label, &new_label),
        crate_version,
        stale: &new.stale,
    });
    Ok((changelog, markdown, new.stale.len()))
}

/// `conekta-api-openapi.yml` (sha256 `4f3ef29a17be…`): the file's name and the
/// start of its hash, which names it wherever it was read from.
fn label(path: &Path, text: &str) -> String {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let hash: String = Sha256::digest(text.as_bytes())
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("`{name}` (sha256 `{hash}…`)")
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The changelog committed for users planning the move to 2.3.0.
    const COMMITTED: &str = "docs/api-changes-2.2.0-to-2.3.0.md";
    /// Conekta's 2.3.0 spec, beside the project (never committed into it).
    const SPEC_2_3_0: &str = "../shared/spec/conekta-api-openapi-2.3.0.yml";

    #[test]
    fn the_committed_2_3_0_changelog_is_current_and_names_sms_checkout_as_breaking() {
        let root = crate::workspace_root();
        let pinned = root.join("spec/conekta-api-openapi.yml");
        assert!(
            pinned.exists(),
            "{} is missing: run `cargo xtask fetch-spec`",
            pinned.display()
        );
        let (changelog, markdown, _) =
            changelog(&root, &pinned, &root.join(SPEC_2_3_0)).expect("both specs lower");
        let removal = changelog
            .breaking()
            .find(|c| c.subject == spec_diff::Subject::Operation("smsCheckout".into()))
            .expect("smsCheckout is a breaking change");
        assert!(removal.what.starts_with("removed: "), "{}", removal.what);
        let breaking = markdown
            .split("## Other changes")
            .next()
            .expect("a breaking section");
        assert!(
            breaking.contains("- `smsCheckout`: removed: "),
            "{markdown}"
        );
        let committed = std::fs::read_to_string(root.join(COMMITTED)).unwrap_or_default();
        assert!(
            committed == markdown,
            "{COMMITTED} is not what spec-diff writes now; run \
             `cargo xtask spec-diff spec/conekta-api-openapi.yml {SPEC_2_3_0} -o {COMMITTED}`"
        );
    }

    #[test]
    fn parses_two_specs_and_an_output() {
        let args = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
        assert_eq!(
            parse_args(&args("a.yml b.yml -o docs/x.md")).unwrap(),
            Options {
                old: "a.yml".into(),
                new: "b.yml".into(),
                output: Some("docs/x.md".into()),
            }
        );
        assert!(parse_args(&args("a.yml")).is_err());
        assert!(parse_args(&args("a.yml b.yml -o")).is_err());
        assert!(parse_args(&args("a.yml b.yml --nope")).is_err());
    }
}
