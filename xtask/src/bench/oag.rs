//! openapi-generator's Rust crate for the pinned spec, the other side of the
//! first-build section: installed from PyPI (the `openapi-generator-cli` package
//! ships the generator's JAR) into a virtual environment under the target
//! directory, run with the machine's Java, and generated under the target
//! directory too. Nothing of it is committed.

use super::command::run_captured;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The pinned version of the PyPI package `openapi-generator-cli`, which is also
/// the version of the openapi-generator JAR it ships.
pub(super) const VERSION: &str = "7.26.0";

/// The package name of the generated crate.
pub(super) const CRATE: &str = "conekta-oag";

/// The file, inside the virtual environment and the generated crate, that says
/// what they were made from; they are made again when it says something else.
const STAMP: &str = ".conekta-stamp";

/// Makes sure openapi-generator's Rust crate for `spec` (whose sha256 is
/// `spec_sha256`) is generated under `work`; returns its directory.
///
/// It uses the `rust` generator with its `reqwest` library and every default,
/// so the crate's Cargo features are the generator's own (`native-tls` by default).
pub(super) fn generated_crate(
    work: &Path,
    spec: &Path,
    spec_sha256: &str,
) -> Result<PathBuf, String> {
    let out = work.join("oag-crate");
    let stamp = format!("openapi-generator {VERSION}, rust/reqwest, spec sha256 {spec_sha256}\n");
    if read_stamp(&out) == Some(stamp.clone()) {
        return Ok(out);
    }
    let cli = installed_cli(work)?;
    if out.exists() {
        std::fs::remove_dir_all(&out)
            .map_err(|e| format!("cannot remove {}: {e}", out.display()))?;
    }
    eprintln!(
        "generating openapi-generator {VERSION}'s Rust crate into {}",
        out.display()
    );
    run_captured(
        Command::new(&cli)
            .arg("generate")
            .args(["--generator-name", "rust", "--input-spec"])
            .arg(spec)
            .arg("--output")
            .arg(&out)
            .arg(format!(
                "--additional-properties=packageName={CRATE},library=reqwest"
            )),
        &format!("openapi-generator {VERSION} (rust)"),
    )?;
    write_stamp(&out, &stamp)?;
    Ok(out)
}

/// The `openapi-generator-cli` launcher of a virtual environment under `work`
/// holding the pinned package, installed from PyPI when missing.
fn installed_cli(work: &Path) -> Result<PathBuf, String> {
    run_captured(
        Command::new("java").arg("-version"),
        "java -version (openapi-generator needs a Java runtime, 11 or newer, on the PATH)",
    )?;
    let venv = work.join("oag-venv");
    let cli = venv.join("bin").join("openapi-generator-cli");
    let stamp = format!("openapi-generator-cli=={VERSION}\n");
    if read_stamp(&venv) == Some(stamp.clone()) && cli.exists() {
        return Ok(cli);
    }
    eprintln!(
        "installing openapi-generator-cli=={VERSION} from PyPI into {}",
        venv.display()
    );
    run_captured(
        Command::new("python3").args(["-m", "venv"]).arg(&venv),
        "python3 -m venv (the first-build section needs Python 3 with its venv module)",
    )?;
    run_captured(
        Command::new(venv.join("bin").join("pip"))
            .args(["install", "--quiet", "--disable-pip-version-check"])
            .arg(format!("openapi-generator-cli=={VERSION}")),
        &format!("pip install openapi-generator-cli=={VERSION}"),
    )?;
    if !cli.exists() {
        return Err(format!(
            "pip installed openapi-generator-cli=={VERSION}, but {} is missing",
            cli.display()
        ));
    }
    write_stamp(&venv, &stamp)?;
    Ok(cli)
}

/// The stamp in `dir`, if it has one.
fn read_stamp(dir: &Path) -> Option<String> {
    std::fs::read_to_string(dir.join(STAMP)).ok()
}

/// Writes `text` as the stamp of `dir`.
fn write_stamp(dir: &Path, text: &str) -> Result<(), String> {
    let path = dir.join(STAMP);
    std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
