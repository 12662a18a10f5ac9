//! Spec → [`Api`]: names every type and operation.

mod cycles;
mod node;
mod operation;
mod schema;

use crate::ir::Api;
use crate::{Error, Warning};
use openapiv3::OpenAPI;

/// Lowers a parsed spec.
pub fn lower(spec: &OpenAPI) -> Result<(Api, Vec<Warning>), Error> {
    let mut schemas = schema::SchemaLowerer::new(spec)?;
    schemas.lower_components()?;
    let (operations, media_types) = operation::lower_operations(spec, &mut schemas)?;
    let (mut types, mut warnings) = schemas.into_types();
    cycles::box_recursive_fields(&mut types);
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
        },
        warnings,
    ))
}
