//! The pinned upstream files: copied from `../shared/` or downloaded, always checked by sha256.

use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// One pinned file of `spec/upstream.toml`.
#[derive(Debug, Deserialize)]
pub struct Pin {
    /// File name inside `spec/`.
    pub file: String,
    /// Where to download it.
    pub url: String,
    /// Its expected sha256, lower-case hex.
    pub sha256: String,
    /// Where a local copy may be, relative to the workspace root.
    pub shared: String,
}

/// `spec/upstream.toml`.
#[derive(Debug, Deserialize)]
pub struct Manifest {
    /// The OpenAPI spec.
    pub spec: Pin,
    /// The Mockoon environment.
    pub mocks: Pin,
}

impl Manifest {
    /// Reads `spec/upstream.toml` under `root`.
    pub fn load(root: &Path) -> Result<Self, String> {
        let path = root.join("spec/upstream.toml");
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        toml::from_str(&text).map_err(|e| format!("{} is not valid: {e}", path.display()))
    }
}

/// Makes sure `spec/<pin.file>` exists with the pinned hash, fetching it if missing;
/// returns its path.
pub fn ensure(root: &Path, pin: &Pin) -> Result<PathBuf, String> {
    let target = root.join("spec").join(&pin.file);
    if !target.exists() {
        fetch(root, pin)?;
    }
    let bytes =
        std::fs::read(&target).map_err(|e| format!("cannot read {}: {e}", target.display()))?;
    verify(&bytes, pin, &target)?;
    Ok(target)
}

/// Copies the file from `../shared/` when it exists, else downloads it; checks the hash
/// before writing `spec/<pin.file>`.
pub fn fetch(root: &Path, pin: &Pin) -> Result<PathBuf, String> {
    let target = root.join("spec").join(&pin.file);
    let shared = root.join(&pin.shared);
    let (bytes, source) = if shared.exists() {
        let bytes =
            std::fs::read(&shared).map_err(|e| format!("cannot read {}: {e}", shared.display()))?;
        (bytes, shared.display().to_string())
    } else {
        eprintln!("downloading {}", pin.url);
        (download(&pin.url)?, pin.url.clone())
    };
    verify(&bytes, pin, Path::new(&source))?;
    std::fs::write(&target, &bytes)
        .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    eprintln!("{} ← {source} (sha256 verified)", target.display());
    Ok(target)
}

fn download(url: &str) -> Result<Vec<u8>, String> {
    let mut response = ureq::get(url)
        .call()
        .map_err(|e| format!("cannot download {url}: {e}"))?;
    response
        .body_mut()
        .with_config()
        .limit(64 * 1024 * 1024)
        .read_to_vec()
        .map_err(|e| format!("cannot download {url}: {e}"))
}

fn verify(bytes: &[u8], pin: &Pin, source: &Path) -> Result<(), String> {
    let actual = hex(&Sha256::digest(bytes));
    if actual == pin.sha256 {
        return Ok(());
    }
    Err(format!(
        "{} has sha256 {actual}, but spec/upstream.toml pins {}.\n\
         If upstream published a new version on purpose, follow spec/README.md to move to it; \
         otherwise delete the file and run `cargo xtask fetch-spec` (or fetch-mocks) again.",
        source.display(),
        pin.sha256
    ))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
