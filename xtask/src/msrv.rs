//! `cargo xtask msrv`: each workspace crate's declared `rust-version` against
//! the `rust-version` its dependencies declare, in the locked graph.
//!
//! No toolchain older than the machine's can be installed where this project
//! is built, so the declared versions are not compiled with; this check is what
//! can be done: a crate that claims an older Rust than one of its (normal,
//! locked) dependencies needs is an error.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Checks every workspace crate that declares a `rust-version`.
pub fn check(root: &Path) -> Result<(), String> {
    let output = crate::process::cargo()
        .current_dir(root)
        .args(["metadata", "--format-version", "1", "--locked"])
        .output()
        .map_err(|e| format!("cannot run cargo metadata: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("cargo metadata printed no JSON: {e}"))?;
    let packages: BTreeMap<&str, &serde_json::Value> = metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| Some((p["id"].as_str()?, p)))
        .collect();
    let nodes: BTreeMap<&str, &serde_json::Value> = metadata["resolve"]["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|n| Some((n["id"].as_str()?, n)))
        .collect();
    let mut problems = Vec::new();
    for member in metadata["workspace_members"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let Some(id) = member.as_str() else { continue };
        let package = packages[id];
        let Some(declared) = package["rust_version"].as_str() else {
            continue;
        };
        let name = package["name"].as_str().unwrap_or(id);
        let mut needs: Vec<(Version, String)> = normal_dependencies(id, &nodes)
            .into_iter()
            .filter_map(|dep| {
                let dep = packages.get(dep)?;
                let version = Version::parse(dep["rust_version"].as_str()?)?;
                Some((
                    version,
                    format!("{} {}", dep["name"].as_str()?, dep["version"].as_str()?),
                ))
            })
            .collect();
        needs.sort();
        let declared_version = Version::parse(declared)
            .ok_or_else(|| format!("{name}: rust-version `{declared}` is not a version"))?;
        match needs.last() {
            Some((highest, dep)) if *highest > declared_version => problems.push(format!(
                "{name} declares rust-version {declared}, but {dep} needs {highest}"
            )),
            Some((highest, dep)) => {
                eprintln!(
                    "{name}: rust-version {declared}; its dependencies need at most {highest} ({dep})"
                )
            }
            None => eprintln!("{name}: rust-version {declared}; no dependency declares one"),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// Every package `id` depends on through normal (not dev or build) edges.
fn normal_dependencies<'a>(
    id: &'a str,
    nodes: &BTreeMap<&'a str, &'a serde_json::Value>,
) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![id];
    while let Some(next) = todo.pop() {
        let Some(node) = nodes.get(next) else {
            continue;
        };
        for dep in node["deps"].as_array().into_iter().flatten() {
            let normal = dep["dep_kinds"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|kind| kind["kind"].is_null());
            if let (true, Some(pkg)) = (normal, dep["pkg"].as_str()) {
                if seen.insert(pkg) {
                    todo.push(pkg);
                }
            }
        }
    }
    seen
}

/// A `rust-version`: major, minor and patch (missing parts are 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Version(u32, u32, u32);

impl Version {
    fn parse(text: &str) -> Option<Self> {
        let mut parts = text.trim().split('.').map(str::parse::<u32>);
        let major = parts.next()?.ok()?;
        let minor = parts.next().unwrap_or(Ok(0)).ok()?;
        let patch = parts.next().unwrap_or(Ok(0)).ok()?;
        parts.next().is_none().then_some(Self(major, minor, patch))
    }
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.0, self.1, self.2)
    }
}

#[cfg(test)]
mod tests {
    use super::Version;

    #[test]
    fn versions_compare_by_number() {
        assert_eq!(Version::parse("1.85"), Some(Version(1, 85, 0)));
        assert!(Version::parse("1.88.0") > Version::parse("1.85"));
        assert!(Version::parse("1.9") < Version::parse("1.10"));
        assert_eq!(Version::parse("1.x"), None);
        assert_eq!(Version::parse("1.2.3.4"), None);
    }
}
