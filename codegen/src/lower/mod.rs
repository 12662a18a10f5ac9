//! Spec → [`Api`]: names every type and operation.

mod cycles;
mod domain;
mod node;
mod operation;
mod schema;
mod shared;

use crate::ir::{Api, Operation};
use crate::overrides::Mcp;
use crate::stale::{StaleEntry, StaleReason};
use crate::{Error, Overrides, Warning};
use openapiv3::OpenAPI;
use std::collections::BTreeMap;

/// Lowers a parsed spec, with the choices of the override table; the entries
/// of the table that no longer apply go to `stale`.
pub fn lower(
    spec: &OpenAPI,
    overrides: &Overrides,
    stale: &mut Vec<StaleEntry>,
) -> Result<(Api, Vec<Warning>), Error> {
    let mut schemas = schema::SchemaLowerer::new(spec)?;
    schemas.lower_components()?;
    let (mut operations, media_types) =
        operation::lower_operations(spec, &mut schemas, &overrides.operation_names, stale)?;
    if let Some(mcp) = &overrides.mcp {
        mcp_entries(&operations, mcp, stale);
    }
    let mut externals = BTreeMap::new();
    for (schema, external) in &overrides.external {
        let Some(name) = schemas.component_type_name(schema) else {
            stale.push(StaleEntry::overrides(
                format!("external.{schema}"),
                StaleReason::TargetGone,
                format!("the spec has no component schema `{schema}`"),
            ));
            continue;
        };
        externals.insert(name.to_owned(), external.type_name.clone());
    }
    let (mut types, mut warnings) = schemas.into_types();
    shared::apply(
        &mut types,
        &mut operations,
        externals,
        overrides,
        &mut warnings,
        stale,
    )?;
    types.sort_by(|a, b| a.name.cmp(&b.name));
    let external_samples = overrides
        .external
        .values()
        .filter_map(|e| Some((e.type_name.clone(), e.sample.clone()?)))
        .collect();
    cycles::box_recursive_fields(&mut types);
    domain::apply(&mut types, &operations, overrides, stale)?;
    operation::clear_model_names(&types, &mut operations, &mut warnings);
    let media_type = match media_types.as_slice() {
        [one] => Some(one.clone()),
        [] => None,
        many => {
            warnings.push(Warning {
                path: "#/paths".into(),
                message: format!(
                    "success bodies use several media types ({}): no Accept header is set",
                    many.join(", ")
                ),
            });
            None
        }
    };
    warnings.sort();
    Ok((
        Api {
            title: spec.info.title.clone(),
            version: spec.info.version.clone(),
            media_type,
            types,
            operations,
            external_samples,
        },
        warnings,
    ))
}

/// Reports the entries of the table's `mcp` section for operations the spec
/// does not have (any more); the MCP emitter skips them.
fn mcp_entries(operations: &[Operation], mcp: &Mcp, stale: &mut Vec<StaleEntry>) {
    let money = mcp.money.keys().map(|id| ("mcp.money", id));
    let descriptions = mcp.descriptions.keys().map(|id| ("mcp.descriptions", id));
    for (section, id) in money.chain(descriptions) {
        if !operations.iter().any(|op| &op.id == id) {
            stale.push(StaleEntry::overrides(
                format!("{section}.{id}"),
                StaleReason::TargetGone,
                format!("the spec has no operation `{id}`"),
            ));
        }
    }
}
