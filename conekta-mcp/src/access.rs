//! Who is calling and what they may do: a [`Principal`] (named in the audit log, with
//! the Conekta client its calls go through) and its [`Permissions`], built from a
//! [`Scope`] (a token's, an OAuth scope's, or the command line's).

use crate::capability;
use crate::catalog::{self, Entry, Selection};
use conekta_sdk::Client;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

/// What a principal may do, as written (a token of `--tokens`, an OAuth scope, or the
/// command line for the local principal).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Scope {
    /// `GET` operations only.
    pub read_only: bool,
    /// Only these operations (tool names or operation ids).
    pub operations: Option<Vec<String>>,
    /// Only operations with these tags.
    pub tags: Option<Vec<String>>,
    /// Only the operations a Naftiko capability consumes.
    pub capability: Option<PathBuf>,
    /// Money-moving calls run without asking the user.
    pub allow_payments: bool,
    /// The most a money-moving call may move, in cents.
    pub max_amount: Option<u64>,
}

/// What a principal may do, checked on every call.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Permissions {
    /// `GET` operations only.
    pub read_only: bool,
    /// The operation ids it may call, when narrowed.
    pub operations: Option<BTreeSet<String>>,
    /// Money-moving calls run without asking the user.
    pub allow_payments: bool,
    /// The most a money-moving call may move, in cents.
    pub max_amount: Option<u64>,
}

impl Permissions {
    /// Resolves a scope against the operations the server offers (`all`): unknown
    /// operation names, tags or an unreadable capability are errors.
    pub(crate) fn from_scope(scope: &Scope, all: &[Entry]) -> Result<Self, String> {
        let mut narrowed: Option<BTreeSet<String>> = None;
        let mut narrow = |ids: BTreeSet<String>| {
            narrowed = Some(match narrowed.take() {
                Some(before) => before.intersection(&ids).cloned().collect(),
                None => ids,
            });
        };
        if let Some(names) = &scope.operations {
            let mut ids = BTreeSet::new();
            for name in names {
                let entry = all
                    .iter()
                    .find(|e| e.tool.name == name.as_str() || e.operation == *name)
                    .ok_or_else(|| format!("`{name}` is not an operation (a tool name such as `get_customer_by_id`, or an operation id)"))?;
                ids.insert(entry.operation.clone());
            }
            narrow(ids);
        }
        if let Some(tags) = &scope.tags {
            let selection = Selection {
                tags,
                ..Selection::default()
            };
            narrow(ids_of(catalog::select(
                all.to_vec(),
                &selection,
                &mut drop,
            )?));
        }
        if let Some(path) = &scope.capability {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read the capability {}: {e}", path.display()))?;
            let plan = capability::parse(&text)
                .map_err(|e| format!("capability {}: {e}", path.display()))?;
            let selection = Selection {
                plan: Some(&plan),
                strict: true,
                ..Selection::default()
            };
            narrow(ids_of(catalog::select(
                all.to_vec(),
                &selection,
                &mut drop,
            )?));
        }
        Ok(Self {
            read_only: scope.read_only,
            operations: narrowed,
            allow_payments: scope.allow_payments,
            max_amount: scope.max_amount,
        })
    }

    /// Whether it may call this operation at all (money aside).
    pub(crate) fn may_call(&self, entry: &Entry) -> bool {
        (!self.read_only || entry.method == "GET")
            && self
                .operations
                .as_ref()
                .is_none_or(|ids| ids.contains(&entry.operation))
    }

    /// Whether it may call some operation that changes something.
    pub(crate) fn may_write(&self) -> bool {
        !self.read_only
    }
}

fn ids_of(entries: Vec<Entry>) -> BTreeSet<String> {
    entries.into_iter().map(|e| e.operation).collect()
}

/// Who is calling: named in the audit log (a token's `id`, a JWT's `sub`, `local`),
/// never by its secret.
pub(crate) struct Principal {
    /// The name the audit log and the sessions use.
    pub id: String,
    /// The client its calls go through (the key it maps to), or why there is none.
    pub client: Result<Client, &'static str>,
    /// What it may do.
    pub permissions: Arc<Permissions>,
}

impl std::fmt::Debug for Principal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Principal")
            .field("id", &self.id)
            .field("permissions", &self.permissions)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_narrow_by_method_operation_and_tag() {
        let all = catalog::all().unwrap();
        let entry = |name: &str| all.iter().find(|e| e.tool.name == name).unwrap();
        let read = Permissions::from_scope(
            &Scope {
                read_only: true,
                ..Scope::default()
            },
            &all,
        )
        .unwrap();
        assert!(read.may_call(entry("get_customer_by_id")));
        assert!(!read.may_call(entry("create_order")));
        assert!(!read.may_write());
        let narrow = Permissions::from_scope(
            &Scope {
                operations: Some(vec!["get_customer_by_id".into(), "createOrder".into()]),
                tags: Some(vec!["customers".into()]),
                ..Scope::default()
            },
            &all,
        )
        .unwrap();
        assert!(narrow.may_call(entry("get_customer_by_id")));
        assert!(
            !narrow.may_call(entry("create_order")),
            "not a customers tag"
        );
        assert!(!narrow.may_call(entry("get_customers")));
        assert!(
            Permissions::from_scope(
                &Scope {
                    operations: Some(vec!["nope".into()]),
                    ..Scope::default()
                },
                &all
            )
            .is_err()
        );
    }
}
