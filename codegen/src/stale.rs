//! Entries of the patch file and the override table that no longer apply to
//! the spec: what a newer spec leaves behind.
//!
//! Generation reports them all, each with its reason, and goes on without
//! them, so that a maintainer moving to a newer spec sees the whole list at
//! once; `cargo xtask generate --check` fails on any of them
//! ([`crate::Output::strict`]), so that the pinned spec's tables hold only
//! what applies.

use std::fmt;

/// Where patches are read from, for reports.
pub const PATCHES: &str = "spec/patches.yaml";
/// Where the override table is read from, for reports.
pub const OVERRIDES: &str = "spec/overrides.yaml";

/// Why an entry no longer applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum StaleReason {
    /// What it names is not in the spec any more (a schema, a type, a field,
    /// a path), or no longer of the kind it acts on.
    TargetGone,
    /// The spec now says it itself: the field is an enum, or required, upstream.
    TypedUpstream,
    /// Applying the patch would change nothing: the spec already reads that
    /// way; or an override entry asks for what the spec now gives anyway.
    NoLongerNeeded,
    /// A `remove` patch's schema is still used: the spec refers to it from
    /// where the patches did not move the references away (a patch that did
    /// is stale, or the spec uses it in a new place).
    StillReferenced,
}

impl fmt::Display for StaleReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            StaleReason::TargetGone => "target gone",
            StaleReason::TypedUpstream => "already typed upstream",
            StaleReason::NoLongerNeeded => "no longer needed",
            StaleReason::StillReferenced => "still referenced",
        })
    }
}

/// One entry that no longer applies.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct StaleEntry {
    /// The file it is in ([`PATCHES`] or [`OVERRIDES`]).
    pub file: &'static str,
    /// The entry, as a reader finds it in the file: `value_sets.PaymentStatus:
    /// ChargesDataResponse.status`, `patch 3 (remove_required /components/…)`.
    pub entry: String,
    /// Why it no longer applies.
    pub reason: StaleReason,
    /// What the spec has instead.
    pub detail: String,
}

impl StaleEntry {
    /// An entry of the override table.
    pub(crate) fn overrides(
        entry: impl Into<String>,
        reason: StaleReason,
        detail: impl Into<String>,
    ) -> Self {
        Self {
            file: OVERRIDES,
            entry: entry.into(),
            reason,
            detail: detail.into(),
        }
    }
}

impl fmt::Display for StaleEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: `{}`: {} ({})",
            self.file, self.entry, self.reason, self.detail
        )
    }
}
