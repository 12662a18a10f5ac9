//! The baseline the current tree is measured against: a git ref checked out in a
//! temporary worktree, removed again when it is dropped.

use crate::process::cargo;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The baseline ref, checked out in a temporary worktree that is removed on drop.
pub(super) struct Baseline {
    /// The ref as given or chosen (`v0.1.0`, `HEAD~`).
    pub(super) name: String,
    /// The commit it names.
    commit: String,
    /// The repository (the current tree), where `git worktree` commands run.
    repo: PathBuf,
    /// The temporary directory that holds the worktree.
    dir: PathBuf,
    /// The worktree.
    pub(super) tree: PathBuf,
    /// The target directory its builds use.
    pub(super) target: PathBuf,
}

impl Baseline {
    /// Resolves `name` to a commit and checks it out under a new temporary directory.
    pub(super) fn check_out(root: &Path, name: &str, target: PathBuf) -> Result<Self, String> {
        if name.starts_with('-') {
            return Err(format!("`{name}` is not a git ref"));
        }
        let commit = git(
            root,
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                &format!("{name}^{{commit}}"),
            ],
        )
        .map_err(|_| format!("unknown ref `{name}`: it names no commit of this repository"))?;
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir =
            std::env::temp_dir().join(format!("conekta-bench-{}-{stamp}", std::process::id()));
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        // From here on, dropping `baseline` removes what was made.
        let baseline = Baseline {
            name: name.to_owned(),
            tree: dir.join("tree"),
            commit,
            repo: root.to_path_buf(),
            dir,
            target,
        };
        let tree = baseline.tree.to_string_lossy().into_owned();
        git(
            root,
            &["worktree", "add", "--detach", &tree, &baseline.commit],
        )
        .map_err(|e| format!("cannot check out {name}: {e}"))?;
        eprintln!(
            "baseline {name} ({}) checked out in {tree}, target directory {}",
            baseline.short_commit(),
            baseline.target.display()
        );
        Ok(baseline)
    }

    /// The first 12 hex digits of its commit.
    pub(super) fn short_commit(&self) -> &str {
        self.commit.get(..12).unwrap_or(&self.commit)
    }

    /// `cargo`, run in the baseline's tree with its own target directory.
    pub(super) fn cargo(&self) -> Command {
        let mut command = cargo();
        command
            .current_dir(&self.tree)
            .env("CARGO_TARGET_DIR", &self.target);
        command
    }
}

impl Drop for Baseline {
    fn drop(&mut self) {
        if self.tree.exists() {
            let tree = self.tree.to_string_lossy().into_owned();
            if let Err(e) = git(&self.repo, &["worktree", "remove", "--force", &tree]) {
                eprintln!("warning: cannot remove the worktree {tree}: {e}");
            }
        }
        if let Err(e) = std::fs::remove_dir_all(&self.dir) {
            eprintln!("warning: cannot remove {}: {e}", self.dir.display());
        }
    }
}

/// The newest tag reachable from `HEAD`, else `HEAD~`.
pub(super) fn default_baseline(root: &Path) -> Result<String, String> {
    let tag = git(root, &["describe", "--tags", "--abbrev=0"]).ok();
    Ok(tag.unwrap_or_else(|| "HEAD~".to_owned()))
}

/// Runs `git args` in `dir`; returns its trimmed standard output.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
    } else {
        Err(format!(
            "git {} failed ({}): {}",
            args.join(" "),
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ))
    }
}
