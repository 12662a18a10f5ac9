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

/// Copies the file from `../shared/` when it is there with the pinned hash, else
/// downloads it; checks the hash before writing `spec/<pin.file>`.
pub fn fetch(root: &Path, pin: &Pin) -> Result<PathBuf, String> {
    let target = root.join("spec").join(&pin.file);
    let shared = root.join(&pin.shared);
    let local = std::fs::read(&shared)
        .ok()
        .filter(|bytes| hex(&Sha256::digest(bytes)) == pin.sha256);
    let (bytes, source) = if let Some(bytes) = local {
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

/// `cargo xtask pin-spec FILE --url URL`: copies `file` to `spec/` and pins it
/// in `spec/upstream.toml` (its URL and sha256; `shared` too when the file is
/// in `../shared/`), keeping the manifest's comments.
pub fn pin_spec(root: &Path, file: &Path, url: &str) -> Result<(), String> {
    if !url.starts_with("https://") {
        return Err(format!(
            "`{url}` is not an https URL (pin a commit, never a branch)"
        ));
    }
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let sha256 = hex(&Sha256::digest(&bytes));
    let manifest_path = root.join("spec/upstream.toml");
    let manifest = std::fs::read_to_string(&manifest_path)
        .map_err(|e| format!("cannot read {}: {e}", manifest_path.display()))?;
    let shared_dir = root.join("../shared");
    let shared = std::fs::canonicalize(file)
        .ok()
        .zip(std::fs::canonicalize(&shared_dir).ok())
        .and_then(|(file, dir)| {
            Some(format!(
                "../shared/{}",
                file.strip_prefix(dir).ok()?.display()
            ))
        });
    let mut values = vec![("url", url.to_owned()), ("sha256", sha256.clone())];
    values.extend(shared.clone().map(|path| ("shared", path)));
    let edited = set_in_table(&manifest, "spec", &values)?;
    let pin: Manifest = toml::from_str(&edited).map_err(|e| format!("the edited manifest: {e}"))?;
    let target = root.join("spec").join(&pin.spec.file);
    std::fs::write(&target, &bytes)
        .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    std::fs::write(&manifest_path, edited)
        .map_err(|e| format!("cannot write {}: {e}", manifest_path.display()))?;
    eprintln!(
        "{} ← {} (sha256 {sha256})",
        target.display(),
        file.display()
    );
    if shared.is_none() {
        eprintln!(
            "note: {} is not in ../shared/: `fetch-spec` will download it from {url}",
            file.display()
        );
    }
    Ok(())
}

/// `manifest` with the string `values` of the keys of `[table]` replaced.
fn set_in_table(manifest: &str, table: &str, values: &[(&str, String)]) -> Result<String, String> {
    let header = format!("[{table}]");
    let mut inside = false;
    let mut found = Vec::new();
    let mut out = Vec::new();
    for line in manifest.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            inside = trimmed == header;
        }
        let key = trimmed.split('=').next().unwrap_or_default().trim();
        match values.iter().find(|(k, _)| inside && *k == key) {
            Some((key, value)) => {
                found.push(*key);
                out.push(format!("{key} = {value:?}"));
            }
            None => out.push(line.to_owned()),
        }
    }
    if let Some((missing, _)) = values.iter().find(|(k, _)| !found.contains(k)) {
        return Err(format!(
            "spec/upstream.toml has no `{missing}` in `{header}`"
        ));
    }
    Ok(out.join("\n") + "\n")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinning_a_spec_copies_it_and_rewrites_only_its_url_and_hash() {
        let root = std::env::temp_dir().join(format!("xtask-pin-spec-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("spec")).unwrap();
        let manifest = "# Pins.\n[spec]\n# The spec.\nfile = \"api.yml\"\nurl = \"https://old\"\nsha256 = \"00\"\nshared = \"../shared/old.yml\"\n\n[mocks]\nfile = \"m.json\"\nurl = \"https://m\"\nsha256 = \"11\"\nshared = \"../shared/m.json\"\n";
        std::fs::write(root.join("spec/upstream.toml"), manifest).unwrap();
        let new = root.join("new.yml");
        std::fs::write(&new, "openapi: 3.1.0\n").unwrap();
        assert!(pin_spec(&root, &new, "http://insecure").is_err());
        pin_spec(&root, &new, "https://example.org/abc/api.yaml").unwrap();
        let sha = hex(&Sha256::digest(b"openapi: 3.1.0\n"));
        assert_eq!(
            std::fs::read_to_string(root.join("spec/upstream.toml")).unwrap(),
            manifest
                .replace("\"https://old\"", "\"https://example.org/abc/api.yaml\"")
                .replace("\"00\"", &format!("\"{sha}\""))
        );
        assert_eq!(
            std::fs::read_to_string(root.join("spec/api.yml")).unwrap(),
            "openapi: 3.1.0\n"
        );
        let pinned = Manifest::load(&root).unwrap();
        assert!(
            ensure(&root, &pinned.spec).is_ok(),
            "the copy has the pinned hash"
        );
        std::fs::remove_dir_all(&root).unwrap();
    }
}
