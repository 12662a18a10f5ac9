//! `cargo xtask test`: every test of the workspace, with Conekta's Mockoon
//! fixtures served on 127.0.0.1 for the end-to-end suite, and the official MCP
//! Python SDK installed for `conekta-mcp`'s client tests.

use crate::mockoon::{self, MockServer};
use crate::process;
use crate::upstream::{self, Manifest};
use std::path::Path;
use std::process::Command;

/// Environment variable that tells the end-to-end suite where the mock server is.
const MOCK_URL_VAR: &str = "CONEKTA_MOCK_URL";

/// Environment variable that tells `conekta-mcp`'s tests which Python has the
/// official MCP SDK, their third-party client.
const MCP_PYTHON_VAR: &str = "CONEKTA_MCP_PYTHON";
/// The MCP Python SDK those tests drive the server with.
const MCP_PYTHON_PACKAGE: &str = "mcp==2.3.0";

/// A virtual environment under `target/` with [`MCP_PYTHON_PACKAGE`] installed
/// (made once, with `python3 -m venv` and pip); returns its Python.
fn mcp_python(root: &Path) -> Result<std::path::PathBuf, String> {
    let venv = root.join("target").join("mcp-python");
    let python = venv.join("bin").join("python");
    let installed = venv.join(format!("{MCP_PYTHON_PACKAGE}.installed"));
    if installed.exists() {
        return Ok(python);
    }
    process::run(
        Command::new("python3").args(["-m", "venv"]).arg(&venv),
        "python3 -m venv",
    )?;
    process::run(
        Command::new(&python).args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            MCP_PYTHON_PACKAGE,
        ]),
        &format!("pip install {MCP_PYTHON_PACKAGE}"),
    )?;
    std::fs::write(&installed, "").map_err(|e| format!("{}: {e}", installed.display()))?;
    eprintln!("installed {MCP_PYTHON_PACKAGE} in {}", venv.display());
    Ok(python)
}

/// Fetches the pinned files, starts the mock server, runs `cargo test` (over the
/// whole workspace unless `extra` arguments say otherwise), and stops the server
/// by its PID whatever happened.
pub fn run(root: &Path, extra: &[String]) -> Result<(), String> {
    let manifest = Manifest::load(root)?;
    upstream::ensure(root, &manifest.spec)?;
    let mocks = upstream::ensure(root, &manifest.mocks)?;
    let dir = root.join(".mockoon");
    if mockoon::ensure_installed(&dir).map_err(|e| e.to_string())? {
        eprintln!(
            "installed @mockoon/cli@{} in {}",
            mockoon::MOCKOON_CLI_VERSION,
            dir.display()
        );
    }
    let python = mcp_python(root)?;
    let port = mockoon::free_port().map_err(|e| e.to_string())?;
    let server = MockServer::start(&dir, &mocks, port)
        .map_err(|e| format!("the Mockoon server did not start: {e}"))?;
    eprintln!(
        "Mockoon serving Conekta's fixtures at {} (pid {}, up in {:.1?}, log {})",
        server.base_url(),
        server.pid(),
        server.startup_time(),
        server.log_path().display()
    );
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(root)
        .arg("test")
        .args(if extra.is_empty() {
            &["--workspace"][..]
        } else {
            &[]
        })
        .args(extra)
        .env(MOCK_URL_VAR, server.base_url())
        .env(MCP_PYTHON_VAR, &python)
        .status();
    let stopped = server
        .stop()
        .map_err(|e| format!("cannot stop the Mockoon server: {e}"));
    let status = status.map_err(|e| format!("cannot run cargo test: {e}"))?;
    stopped?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("cargo test failed ({status})"))
    }
}
