//! A uniform view of the spec's schema nodes, whatever openapiv3 type holds them.

use crate::Error;
use indexmap::IndexMap;
use openapiv3::{AdditionalProperties, OpenAPI, ReferenceOr, Schema, SchemaKind, Type};

/// A schema, or a reference to a component schema.
#[derive(Clone, Copy)]
pub enum Node<'a> {
    /// `$ref` to `#/components/schemas/<name>`.
    Ref(&'a str),
    /// An inline schema.
    Inline(&'a Schema),
}

impl<'a> Node<'a> {
    /// View of a boxed schema reference.
    pub fn boxed(r: &'a ReferenceOr<Box<Schema>>) -> Self {
        match r {
            ReferenceOr::Reference { reference } => Node::Ref(reference),
            ReferenceOr::Item(schema) => Node::Inline(schema),
        }
    }

    /// View of a schema reference.
    pub fn plain(r: &'a ReferenceOr<Schema>) -> Self {
        match r {
            ReferenceOr::Reference { reference } => Node::Ref(reference),
            ReferenceOr::Item(schema) => Node::Inline(schema),
        }
    }
}

/// The component name a `$ref` points at.
pub fn ref_name<'r>(reference: &'r str, path: &str) -> Result<&'r str, Error> {
    reference
        .strip_prefix("#/components/schemas/")
        .filter(|name| !name.contains('/'))
        .ok_or_else(|| Error::unsupported(path, format!("the reference `{reference}`")))
}

/// Looks up a component schema by name.
pub fn component<'a>(spec: &'a OpenAPI, name: &str, path: &str) -> Result<&'a Schema, Error> {
    match spec.components.as_ref().and_then(|c| c.schemas.get(name)) {
        Some(ReferenceOr::Item(schema)) => Ok(schema),
        Some(ReferenceOr::Reference { .. }) => Err(Error::unsupported(
            path,
            "a component schema that is itself a `$ref`",
        )),
        None => Err(Error::invalid(
            path,
            format!("no component schema `{name}`"),
        )),
    }
}

/// Escapes one JSON-pointer segment.
pub fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// The object-related parts of a schema, whether typed `object` or untyped.
pub struct ObjectView<'a> {
    /// Declared properties.
    pub properties: &'a IndexMap<String, ReferenceOr<Box<Schema>>>,
    /// Required property names.
    pub required: &'a [String],
    /// `additionalProperties`.
    pub additional: Option<&'a AdditionalProperties>,
    /// `allOf` parts mixed in (untyped schemas only).
    pub all_of: &'a [ReferenceOr<Schema>],
}

/// Whether `schema` describes an object with properties (or mixes in `allOf`).
pub fn object_view(schema: &Schema) -> Option<ObjectView<'_>> {
    match &schema.schema_kind {
        SchemaKind::Type(Type::Object(obj)) => Some(ObjectView {
            properties: &obj.properties,
            required: &obj.required,
            additional: obj.additional_properties.as_ref(),
            all_of: &[],
        }),
        SchemaKind::Any(any)
            if any.one_of.is_empty()
                && any.any_of.is_empty()
                && any.not.is_none()
                && any.items.is_none()
                && any.enumeration.is_empty()
                && matches!(any.typ.as_deref(), None | Some("object"))
                && (!any.properties.is_empty()
                    || !any.all_of.is_empty()
                    || any.additional_properties.is_some()
                    || any.typ.is_some()) =>
        {
            Some(ObjectView {
                properties: &any.properties,
                required: &any.required,
                additional: any.additional_properties.as_ref(),
                all_of: &any.all_of,
            })
        }
        _ => None,
    }
}
