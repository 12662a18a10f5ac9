//! The serde template: a struct's `struct_serde!` table, one member per
//! line, which the runtime's macro turns into `Serialize` and `Deserialize`.

use super::common::{ident, placeholder, type_text};
use super::models::ModelFile;
use crate::ir::{Field, TypeDef, TypeRef};
use proc_macro2::TokenStream;
use quote::quote;

/// The `struct_serde!` call of a struct: `X via Self` when every member is
/// optional (the struct collects its own members), `X via XBuilder` when it
/// has a builder (`built`), else `X via slots` (private slots the macro
/// declares, whose types the table then gives); undeclared members go to the
/// `extra` field. The table is laid out as text (see `common::render_with`).
pub fn table(
    file: &mut ModelFile<'_>,
    def: &TypeDef,
    fields: &[Field],
    additional: Option<&TypeRef>,
    extra_field: &str,
    built: bool,
) -> TokenStream {
    let slots = !built && fields.iter().any(|f| f.required);
    let decoder = if fields.iter().all(|f| !f.required) {
        "Self".to_owned()
    } else if slots {
        "slots".to_owned()
    } else {
        format!("{}Builder", def.name)
    };
    let extra_ty = match additional {
        Some(value) => format!("std::collections::BTreeMap<String, {}>", type_text(value)),
        None => "serde_json::Map<String, serde_json::Value>".to_owned(),
    };
    let mut text = String::new();
    if def.deprecated || fields.iter().any(|f| f.deprecated) {
        text.push_str("    #[allow(deprecated)]\n");
    }
    let extra = ident(extra_field);
    text.push_str(&format!(
        "    {} via {decoder}, {extra}: {extra_ty};\n",
        def.name
    ));
    for field in fields {
        let presence = if field.required {
            "required"
        } else {
            "optional"
        };
        let shape = match field.ty {
            TypeRef::Array(_) => "list",
            _ => "value",
        };
        let ty = if slots {
            format!(" ({})", type_text(&field.ty))
        } else {
            String::new()
        };
        text.push_str(&format!(
            "    {:?} => {}: {presence} {shape}{ty},\n",
            field.json_name,
            ident(&field.rust_name)
        ));
    }
    let mark = placeholder(file.layouts.len());
    file.layouts.push(text);
    quote!(crate::__private::struct_serde! { #mark })
}
