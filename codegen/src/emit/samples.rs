//! Minimal sample values of the spec's types (required fields only), for the
//! generated request-shape tests.

use crate::ir::{TypeDef, TypeKind, TypeRef};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, HashMap};

/// How deep samples nest before arrays are left empty.
const MAX_DEPTH: usize = 8;

/// A path parameter value that needs percent-encoding.
pub const PATH_SAMPLE: &str = "id 1/é?";

/// A string query parameter value that needs percent-encoding.
pub const QUERY_SAMPLE: &str = "q value/é&x=1";

/// Builds samples of named types.
pub struct Samples<'a> {
    types: HashMap<&'a str, &'a TypeDef>,
    externals: &'a BTreeMap<String, Value>,
}

impl<'a> Samples<'a> {
    /// Indexes `types` by name; `externals` are the samples of hand-written types.
    pub fn new(types: &'a [TypeDef], externals: &'a BTreeMap<String, Value>) -> Self {
        Self {
            types: types.iter().map(|t| (t.name.as_str(), t)).collect(),
            externals,
        }
    }

    /// A JSON value of type `ty` with every required field set.
    pub fn value(&self, ty: &TypeRef) -> Value {
        self.at(ty, 0)
    }

    fn at(&self, ty: &TypeRef, depth: usize) -> Value {
        match ty {
            TypeRef::String => json!("sample"),
            TypeRef::Bool => json!(true),
            TypeRef::I8 | TypeRef::I32 | TypeRef::I64 | TypeRef::Timestamp => json!(1),
            TypeRef::F64 => json!(1.5),
            TypeRef::Value | TypeRef::Object | TypeRef::Map(_) => json!({}),
            TypeRef::External(name) => self.externals.get(name).cloned().unwrap_or(json!({})),
            TypeRef::Array(inner) if depth < MAX_DEPTH => json!([self.at(inner, depth + 1)]),
            TypeRef::Array(_) => json!([]),
            TypeRef::Boxed(inner) => self.at(inner, depth + 1),
            TypeRef::Named(name) => self.named(name, depth),
        }
    }

    fn named(&self, name: &str, depth: usize) -> Value {
        let Some(def) = self.types.get(name) else {
            return Value::Null;
        };
        match &def.kind {
            TypeKind::Struct { fields, .. } => Value::Object(
                fields
                    .iter()
                    .filter(|f| f.required)
                    .map(|f| (f.json_name.clone(), self.at(&f.ty, depth + 1)))
                    .collect::<Map<String, Value>>(),
            ),
            TypeKind::Enum { variants } => {
                variants.first().map_or(json!("sample"), |v| json!(v.value))
            }
            TypeKind::Tagged { property, variants } => match variants.first() {
                Some(variant) => {
                    let mut value = self.at(&variant.ty, depth + 1);
                    if let (Value::Object(map), Some(tag)) = (&mut value, &variant.tag) {
                        map.insert(property.clone(), json!(tag));
                    }
                    value
                }
                None => json!({}),
            },
            TypeKind::Untagged { variants } => variants
                .first()
                .map_or(json!({}), |v| self.at(&v.ty, depth + 1)),
            TypeKind::Alias(inner) => self.at(inner, depth + 1),
        }
    }

    /// A query parameter's sample: the Rust argument and the value on the wire.
    pub fn query_arg(&self, ty: &TypeRef) -> Option<(proc_macro2::TokenStream, String)> {
        use quote::quote;
        Some(match ty {
            TypeRef::String => (quote!(#QUERY_SAMPLE), QUERY_SAMPLE.to_owned()),
            TypeRef::Bool => (quote!(true), "true".to_owned()),
            TypeRef::I8 => (quote!(7_i8), "7".to_owned()),
            TypeRef::I32 => (quote!(7_i32), "7".to_owned()),
            TypeRef::I64 => (quote!(7_i64), "7".to_owned()),
            TypeRef::F64 => (quote!(7.5_f64), "7.5".to_owned()),
            TypeRef::Named(_) => {
                let Value::String(value) = self.value(ty) else {
                    return None;
                };
                (quote!(#value), value)
            }
            _ => return None,
        })
    }
}
