//! Emits how an operation writes a `multipart/form-data` body: one part per
//! member of the body's struct, in spec order, through the runtime's `Form`
//! (conekta-sdk/src/runtime/http/multipart.rs). Files ([`FILE_PART`]) are file
//! parts; every other value is a text part (a string as it is, anything else
//! as JSON); members the struct keeps in its catch-all map go last.

use super::common::ident;
use crate::Error;
use crate::ir::{Api, Body, BodyEncoding, FILE_PART, Field, TypeDef, TypeKind, TypeRef};
use proc_macro2::TokenStream;
use quote::quote;

/// Checks that every multipart body of `api` is a struct, whose members are the parts.
pub fn check(api: &Api) -> Result<(), Error> {
    for op in &api.operations {
        if let Some(body) = op
            .body
            .as_ref()
            .filter(|b| b.encoding == BodyEncoding::Multipart)
        {
            if struct_of(body, &api.types).is_none() {
                return Err(Error::unsupported(
                    &format!("operation `{}`", op.id),
                    "a multipart/form-data body that is not an object",
                ));
            }
        }
    }
    Ok(())
}

/// The fields and catch-all member of the body's struct.
fn struct_of<'a>(body: &Body, types: &'a [TypeDef]) -> Option<(&'a [Field], &'a str)> {
    let TypeRef::Named(name) = &body.ty else {
        return None;
    };
    match &types.iter().find(|def| &def.name == name)?.kind {
        TypeKind::Struct {
            fields,
            extra_field,
            ..
        } => Some((fields, extra_field)),
        _ => None,
    }
}

/// `call.multipart(value, |body, form| …)?;` for a body of type `body.ty`
/// (a struct: see [`check`]), `value` being a `Result` of the built body.
pub fn send(body: &Body, value: TokenStream, types: &[TypeDef]) -> TokenStream {
    let (fields, extra_field) = struct_of(body, types).unwrap_or((&[], "extra"));
    let parts = fields.iter().map(|field| {
        let json = &field.json_name;
        let member = ident(&field.rust_name);
        let value = if field.required {
            quote!(Some(body.#member))
        } else {
            quote!(body.#member)
        };
        let method = match &field.ty {
            ty if is_file(ty) => quote!(file),
            TypeRef::Array(item) if is_file(item) => quote!(files),
            _ => quote!(value),
        };
        quote!(form.#method(#json, #value);)
    });
    let extra = ident(extra_field);
    quote! {
        call.multipart(#value, |body, form| {
            #(#parts)*
            form.values(body.#extra);
        })?;
    }
}

fn is_file(ty: &TypeRef) -> bool {
    matches!(ty, TypeRef::External(name) if name == FILE_PART)
}
