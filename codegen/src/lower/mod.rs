//! Spec → [`Api`]: names every type and operation.

mod cycles;
mod domain;
mod node;
mod operation;
mod schema;
mod shared;

use crate::ir::Api;
use crate::{Error, Overrides, Warning};
use openapiv3::OpenAPI;
use std::collections::BTreeMap;

/// Lowers a parsed spec, with the choices of the override table.
pub fn lower(spec: &OpenAPI, overrides: &Overrides) -> Result<(Api, Vec<Warning>), Error> {
    let mut schemas = schema::SchemaLowerer::new(spec)?;
    schemas.lower_components()?;
    let (mut operations, media_types) =
        operation::lower_operations(spec, &mut schemas, &overrides.operation_names)?;
    let mut externals = BTreeMap::new();
    for (schema, external) in &overrides.external {
        let Some(name) = schemas.component_type_name(schema) else {
            return Err(Error::invalid(
                "spec/overrides.yaml",
                format!("`external` names `{schema}`, which is not a component schema"),
            ));
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
    )?;
    types.sort_by(|a, b| a.name.cmp(&b.name));
    let external_samples = overrides
        .external
        .values()
        .filter_map(|e| Some((e.type_name.clone(), e.sample.clone()?)))
        .collect();
    cycles::box_recursive_fields(&mut types);
    domain::apply(&mut types, &operations, overrides)?;
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
