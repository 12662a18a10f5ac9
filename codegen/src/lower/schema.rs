//! Lowers component and inline schemas into named Rust types.

use super::node::{self, Node, object_view};
use crate::ir::{Docs, EnumVariant, Field, TypeDef, TypeKind, TypeRef, UnionVariant};
use crate::naming::{self, Scope};
use crate::{Error, Warning};
use indexmap::IndexMap;
use openapiv3::{
    AdditionalProperties, IntegerFormat, OpenAPI, ReferenceOr, Schema, SchemaKind, StringFormat,
    Type, VariantOrUnknownOrEmpty,
};
use std::collections::{BTreeMap, HashMap};

/// Name of the catch-all field that keeps undeclared properties.
const EXTRA_FIELD: &str = "extra";

/// Turns schemas into [`TypeDef`]s, naming inline types after where they
/// stand in the spec so that a schema reached twice (through `allOf`) is one type.
pub struct SchemaLowerer<'a> {
    spec: &'a OpenAPI,
    /// Component name → Rust type name (two components may share one type).
    components: IndexMap<String, String>,
    /// Component name → the component whose type it shares, when it is a duplicate.
    duplicate_of: HashMap<String, String>,
    /// JSON pointer → Rust type name, for inline schemas already lowered.
    by_pointer: HashMap<String, String>,
    /// (name, values) → Rust type name, so that identical inline enums are one type.
    enums: HashMap<(String, Vec<String>), String>,
    scope: Scope,
    types: BTreeMap<String, TypeDef>,
    /// What a reviewer should know.
    pub warnings: Vec<Warning>,
}

/// A merged object: properties in order, with their pointers.
#[derive(Default)]
struct Merged<'a> {
    properties: IndexMap<String, (Node<'a>, String)>,
    required: Vec<String>,
    additional: Option<(&'a AdditionalProperties, String)>,
}

impl<'a> SchemaLowerer<'a> {
    /// Names every component schema; components with the same Rust name and
    /// the same shape become one type, others get a numeric suffix (with a warning).
    pub fn new(spec: &'a OpenAPI) -> Result<Self, Error> {
        let mut this = Self {
            spec,
            components: IndexMap::new(),
            duplicate_of: HashMap::new(),
            by_pointer: HashMap::new(),
            enums: HashMap::new(),
            scope: Scope::default(),
            types: BTreeMap::new(),
            warnings: Vec::new(),
        };
        let mut owner_of: HashMap<String, String> = HashMap::new();
        let schemas = spec.components.as_ref().map(|c| &c.schemas);
        for name in schemas.into_iter().flat_map(|s| s.keys()) {
            let path = format!("#/components/schemas/{}", node::escape(name));
            let rust = naming::camel(name);
            if let Some(first) = owner_of.get(&rust).cloned() {
                let earlier = node::component(spec, &first, &path)?;
                let later = node::component(spec, name, &path)?;
                if same_shape(earlier, later) {
                    // One type serves both: the looser of the two (fewer required
                    // properties), so that it accepts what either describes.
                    let (kept, dropped) = if required_count(later) < required_count(earlier) {
                        (name.clone(), first.clone())
                    } else {
                        (first.clone(), name.clone())
                    };
                    this.warnings.push(Warning {
                        path,
                        message: format!(
                            "`{dropped}` has the Rust name and shape of `{kept}`: one type `{rust}`, from `{kept}`"
                        ),
                    });
                    this.duplicate_of.remove(&kept);
                    this.duplicate_of.insert(dropped, kept.clone());
                    owner_of.insert(rust.clone(), kept);
                    this.components.insert(name.clone(), rust);
                    continue;
                }
            }
            let unique = this.scope.claim(naming::type_name(rust.clone()));
            if unique != rust {
                this.warnings.push(Warning {
                    path,
                    message: format!("Rust name `{rust}` is taken or reserved: renamed `{unique}`"),
                });
            }
            owner_of.insert(unique.clone(), name.clone());
            this.components.insert(name.clone(), unique);
        }
        Ok(this)
    }

    /// Lowers every component schema.
    pub fn lower_components(&mut self) -> Result<(), Error> {
        let names: Vec<(String, String)> = self
            .components
            .iter()
            .filter(|(name, _)| !self.duplicate_of.contains_key(*name))
            .map(|(n, r)| (n.clone(), r.clone()))
            .collect();
        for (name, rust) in names {
            let path = format!("#/components/schemas/{}", node::escape(&name));
            let schema = node::component(self.spec, &name, &path)?;
            let module = naming::snake(&rust).trim_start_matches("r#").to_owned();
            self.lower_named(&rust, &module, &path, schema)?;
        }
        Ok(())
    }

    /// All lowered types, sorted by name.
    pub fn into_types(self) -> (Vec<TypeDef>, Vec<Warning>) {
        (self.types.into_values().collect(), self.warnings)
    }

    /// The Rust type name of a component schema.
    pub fn component_type_name(&self, schema: &str) -> Option<&str> {
        self.components.get(schema).map(String::as_str)
    }

    /// A lowered type by name.
    pub fn get(&self, name: &str) -> Option<&TypeDef> {
        self.types.get(name)
    }

    /// A unique type name for `name`, kept clear of the names generated code uses.
    fn claim_type(&mut self, name: String) -> String {
        self.scope.claim(naming::type_name(name))
    }

    fn lower_named(
        &mut self,
        name: &str,
        module: &str,
        path: &str,
        schema: &'a Schema,
    ) -> Result<(), Error> {
        let mut docs = docs_of(schema);
        let deprecated = schema.schema_data.deprecated;
        // A single inline allOf part (an object wrapped to add a description or
        // `nullable`) is the type itself, not an alias of a `…Value` type.
        let source = path.to_owned();
        let part_path = format!("{path}/allOf/0");
        let (schema, path) = match &schema.schema_kind {
            SchemaKind::AllOf { all_of } if all_of.len() == 1 => match &all_of[0] {
                ReferenceOr::Item(part) => {
                    let inner = docs_of(part);
                    docs.title = docs.title.or(inner.title);
                    docs.description = docs.description.or(inner.description);
                    (part, part_path.as_str())
                }
                ReferenceOr::Reference { .. } => (schema, path),
            },
            _ => (schema, path),
        };
        let kind = if let Some(values) = string_enum(schema, path)? {
            self.enum_kind(&values, path)
        } else if let Some(variants) = one_of(schema) {
            self.union_kind(schema, variants, name, module, path)?
        } else if is_struct(schema) {
            self.struct_kind(schema, name, module, path)?
        } else {
            let inner =
                self.type_ref(Node::Inline(schema), path, &format!("{name}Value"), module)?;
            TypeKind::Alias(inner)
        };
        self.types.insert(
            name.to_owned(),
            TypeDef {
                name: name.to_owned(),
                module: module.to_owned(),
                source,
                also: Vec::new(),
                docs,
                deprecated,
                kind,
                accessors: Vec::new(),
                constructors: Vec::new(),
            },
        );
        Ok(())
    }

    fn enum_kind(&mut self, values: &[String], path: &str) -> TypeKind {
        let mut scope = Scope::with_reserved(&["Unknown"]);
        let mut unique: Vec<&String> = Vec::new();
        for value in values {
            if unique.contains(&value) {
                self.warnings.push(Warning {
                    path: path.to_owned(),
                    message: format!("the enum value `{value}` is listed twice: one variant"),
                });
            } else {
                unique.push(value);
            }
        }
        TypeKind::Enum {
            variants: unique
                .into_iter()
                .map(|value| EnumVariant {
                    rust_name: scope.claim(naming::camel(value)),
                    value: value.clone(),
                    docs: None,
                })
                .collect(),
        }
    }

    fn union_kind(
        &mut self,
        schema: &'a Schema,
        variants: &'a [ReferenceOr<Schema>],
        name: &str,
        module: &str,
        path: &str,
    ) -> Result<TypeKind, Error> {
        let mut scope = Scope::with_reserved(&["Unknown", "Other"]);
        if let Some(disc) = &schema.schema_data.discriminator {
            let mut out = Vec::new();
            let mut mapped: Vec<&str> = Vec::new();
            for (tag, target) in &disc.mapping {
                // A mapping value is a `$ref`, or a bare schema name.
                let target_name = node::ref_name(target, path).unwrap_or(target.as_str());
                let rust = self.component_type(target_name, path)?;
                mapped.push(target_name);
                out.push(UnionVariant {
                    rust_name: scope.claim(naming::camel(tag)),
                    tag: Some(tag.clone()),
                    ty: TypeRef::Named(rust),
                });
            }
            // OpenAPI: a oneOf member without a mapping entry is tagged by its schema name.
            for (i, variant) in variants.iter().enumerate() {
                let vpath = format!("{path}/oneOf/{i}");
                let Node::Ref(reference) = Node::plain(variant) else {
                    return Err(Error::unsupported(
                        &vpath,
                        "an inline schema in a discriminated oneOf",
                    ));
                };
                let target = node::ref_name(reference, &vpath)?;
                if !mapped.contains(&target) {
                    out.push(UnionVariant {
                        rust_name: scope.claim(naming::camel(target)),
                        tag: Some(target.to_owned()),
                        ty: TypeRef::Named(self.component_type(target, &vpath)?),
                    });
                }
            }
            for variant in &out {
                self.check_tag_declared(variant, &disc.property_name, path);
            }
            return Ok(TypeKind::Tagged {
                property: disc.property_name.clone(),
                variants: out,
            });
        }
        let mut ranked = Vec::new();
        for (i, variant) in variants.iter().enumerate() {
            let vpath = format!("{path}/oneOf/{i}");
            let node = Node::plain(variant);
            let rust_name = match node {
                Node::Ref(reference) => naming::camel(node::ref_name(reference, &vpath)?),
                Node::Inline(_) => format!("Variant{i}"),
            };
            let ty = self.type_ref(node, &vpath, &format!("{name}Variant{i}"), module)?;
            let (required, total) = self.specificity(node, &vpath)?;
            ranked.push((
                (std::cmp::Reverse(required), std::cmp::Reverse(total), i),
                rust_name,
                ty,
            ));
        }
        ranked.sort_by_key(|entry| entry.0);
        Ok(TypeKind::Untagged {
            variants: ranked
                .into_iter()
                .map(|(_, rust_name, ty)| UnionVariant {
                    rust_name: scope.claim(rust_name),
                    tag: None,
                    ty,
                })
                .collect(),
        })
    }

    fn check_tag_declared(&mut self, variant: &UnionVariant, property: &str, path: &str) {
        let Some(name) = variant.ty.named() else {
            return;
        };
        let declared = self
            .component_name_of(name)
            .and_then(|component| {
                let cpath = format!("#/components/schemas/{}", node::escape(component));
                let schema = node::component(self.spec, component, &cpath).ok()?;
                let mut merged = Merged::default();
                self.merge(Node::Inline(schema), &cpath, &mut merged).ok()?;
                Some(merged.properties.contains_key(property))
            })
            .unwrap_or(false);
        if !declared {
            self.warnings.push(Warning {
                path: path.to_owned(),
                message: format!(
                    "variant `{name}` does not declare the discriminator `{property}`: serialising it will not write the tag"
                ),
            });
        }
    }

    fn component_name_of(&self, rust: &str) -> Option<&str> {
        self.components
            .iter()
            .find(|(name, r)| *r == rust && !self.duplicate_of.contains_key(*name))
            .map(|(name, _)| name.as_str())
    }

    /// (required properties, all properties) of a union member, to order untagged variants.
    fn specificity(&self, node: Node<'a>, path: &str) -> Result<(usize, usize), Error> {
        let mut merged = Merged::default();
        let is_object = match node {
            Node::Ref(reference) => {
                let name = node::ref_name(reference, path)?;
                is_struct(node::component(self.spec, name, path)?)
            }
            Node::Inline(schema) => is_struct(schema),
        };
        if !is_object {
            return Ok((0, 0));
        }
        self.merge(node, path, &mut merged)?;
        Ok((merged.required.len(), merged.properties.len()))
    }

    fn struct_kind(
        &mut self,
        schema: &'a Schema,
        name: &str,
        module: &str,
        path: &str,
    ) -> Result<TypeKind, Error> {
        let mut merged = Merged::default();
        self.merge(Node::Inline(schema), path, &mut merged)?;
        let mut scope = Scope::default();
        let mut fields = Vec::new();
        for (json_name, (prop, ppath)) in merged.properties {
            let rust_name = scope.claim(naming::snake(&json_name));
            // Inline types are named after where they stand in the spec, so a
            // property reached through several allOfs is one type whatever the order.
            let (prop_name, prop_module) = self.owner_name(&ppath).unwrap_or_else(|| {
                let prop = naming::camel(&json_name);
                (
                    format!("{name}{}", prop.trim_start_matches("r#")),
                    module.to_owned(),
                )
            });
            let ty = self.type_ref(prop, &ppath, &prop_name, &prop_module)?;
            let (nullable, docs, deprecated, format) = match prop {
                Node::Inline(s) => (
                    s.schema_data.nullable,
                    docs_of(s),
                    s.schema_data.deprecated,
                    string_format(s),
                ),
                Node::Ref(_) => (false, Docs::default(), false, None),
            };
            fields.push(Field {
                required: merged.required.contains(&json_name) && !nullable,
                json_name,
                rust_name,
                ty,
                docs,
                deprecated,
                format,
            });
        }
        let additional = match merged.additional {
            None | Some((AdditionalProperties::Any(_), _)) => None,
            Some((AdditionalProperties::Schema(inner), apath)) => {
                let value_name = format!("{name}Value");
                match self.type_ref(Node::plain(inner), &apath, &value_name, module)? {
                    TypeRef::Value => None,
                    other => Some(other),
                }
            }
        };
        let extra_field = scope.claim(EXTRA_FIELD.to_owned());
        Ok(TypeKind::Struct {
            fields,
            additional,
            extra_field,
        })
    }

    /// Collects the properties of an object schema and everything it mixes in with `allOf`.
    fn merge(&self, node: Node<'a>, path: &str, into: &mut Merged<'a>) -> Result<(), Error> {
        let (schema, path) = match node {
            Node::Ref(reference) => {
                let name = node::ref_name(reference, path)?;
                let cpath = format!("#/components/schemas/{}", node::escape(name));
                (node::component(self.spec, name, path)?, cpath)
            }
            Node::Inline(schema) => (schema, path.to_owned()),
        };
        if let SchemaKind::AllOf { all_of } = &schema.schema_kind {
            for (i, part) in all_of.iter().enumerate() {
                self.merge(Node::plain(part), &format!("{path}/allOf/{i}"), into)?;
            }
            return Ok(());
        }
        let Some(view) = object_view(schema) else {
            return Err(Error::unsupported(
                &path,
                "an allOf part that is not an object",
            ));
        };
        for (i, part) in view.all_of.iter().enumerate() {
            self.merge(Node::plain(part), &format!("{path}/allOf/{i}"), into)?;
        }
        for (name, prop) in view.properties {
            let ppath = format!("{path}/properties/{}", node::escape(name));
            // A later part refines an earlier one: keep the position, take the new schema.
            into.properties
                .insert(name.clone(), (Node::boxed(prop), ppath));
        }
        for name in view.required {
            if !into.required.contains(name) {
                into.required.push(name.clone());
            }
        }
        if let Some(additional) = view.additional {
            into.additional = Some((additional, format!("{path}/additionalProperties")));
        }
        Ok(())
    }

    /// The name (and module) of an inline type at `pointer` under a component schema:
    /// the component's type name followed by each property name on the way.
    fn owner_name(&self, pointer: &str) -> Option<(String, String)> {
        let rest = pointer.strip_prefix("#/components/schemas/")?;
        let mut segments = rest
            .split('/')
            .map(|s| s.replace("~1", "/").replace("~0", "~"));
        let component = segments.next()?;
        let owner = self.components.get(&component)?;
        let mut name = owner.clone();
        let mut previous: Option<String> = None;
        for segment in segments {
            match previous.as_deref() {
                Some("properties") => {
                    name.push_str(naming::camel(&segment).trim_start_matches("r#"))
                }
                Some("oneOf" | "anyOf") => name.push_str(&format!("Variant{segment}")),
                _ if segment == "items" => name.push_str("Item"),
                _ if segment == "additionalProperties" => name.push_str("Value"),
                _ => {}
            }
            previous = Some(segment);
        }
        let module = naming::snake(owner).trim_start_matches("r#").to_owned();
        Some((name, module))
    }

    fn component_type(&self, name: &str, path: &str) -> Result<String, Error> {
        self.components
            .get(name)
            .cloned()
            .ok_or_else(|| Error::invalid(path, format!("no component schema `{name}`")))
    }

    /// The type of a schema in use: a `$ref` names its component; an inline
    /// object, enum or union becomes a named type called `name` in `module`.
    pub fn type_ref(
        &mut self,
        node: Node<'a>,
        path: &str,
        name: &str,
        module: &str,
    ) -> Result<TypeRef, Error> {
        let schema = match node {
            Node::Ref(reference) => {
                let target = node::ref_name(reference, path)?;
                return Ok(TypeRef::Named(self.component_type(target, path)?));
            }
            Node::Inline(schema) => schema,
        };
        if let Some(existing) = self.by_pointer.get(path) {
            return Ok(TypeRef::Named(existing.clone()));
        }
        if let Some(values) = string_enum(schema, path)? {
            let key = (name.to_owned(), values.clone());
            if let Some(existing) = self.enums.get(&key) {
                return Ok(TypeRef::Named(existing.clone()));
            }
            let rust = self.claim_type(name.to_owned());
            self.enums.insert(key, rust.clone());
            return self.lower_inline(&rust, module, path, schema);
        }
        if one_of(schema).is_some() || is_struct_with_properties(schema) {
            let rust = self.claim_type(name.to_owned());
            return self.lower_inline(&rust, module, path, schema);
        }
        Ok(match &schema.schema_kind {
            SchemaKind::Type(Type::String(string))
                if string.format == VariantOrUnknownOrEmpty::Item(StringFormat::Binary) =>
            {
                TypeRef::External(crate::ir::FILE_PART.to_owned())
            }
            SchemaKind::Type(Type::String(_)) => TypeRef::String,
            SchemaKind::Type(Type::Boolean(_)) => TypeRef::Bool,
            SchemaKind::Type(Type::Number(_)) => TypeRef::F64,
            SchemaKind::Type(Type::Integer(int)) => match &int.format {
                VariantOrUnknownOrEmpty::Item(IntegerFormat::Int32) => TypeRef::I32,
                VariantOrUnknownOrEmpty::Unknown(f) if f == "int8" => TypeRef::I8,
                _ => TypeRef::I64,
            },
            SchemaKind::Type(Type::Array(array)) => {
                self.array_ref(array.items.as_ref(), path, name, module)?
            }
            SchemaKind::Type(Type::Object(_)) | SchemaKind::Any(_)
                if object_view(schema).is_some() =>
            {
                self.map_ref(schema, path, name, module)?
            }
            SchemaKind::Any(any) if any.typ.as_deref() == Some("array") => {
                self.array_ref(any.items.as_ref(), path, name, module)?
            }
            SchemaKind::Any(any) if *any == openapiv3::AnySchema::default() => {
                self.warnings.push(Warning {
                    path: path.to_owned(),
                    message: "a schema with no type: any JSON value (`serde_json::Value`)".into(),
                });
                TypeRef::Value
            }
            SchemaKind::AllOf { all_of } if all_of.len() == 1 => {
                // `allOf: [$ref]` wraps a reference to add a description or `nullable`.
                self.type_ref(
                    Node::plain(&all_of[0]),
                    &format!("{path}/allOf/0"),
                    name,
                    module,
                )?
            }
            SchemaKind::AllOf { .. } => {
                let rust = self.claim_type(name.to_owned());
                return self.lower_inline(&rust, module, path, schema);
            }
            _ => return Err(Error::unsupported(path, describe(schema))),
        })
    }

    /// `Vec` of the type of `items` (inline item types are named `<name>Item`).
    fn array_ref(
        &mut self,
        items: Option<&'a ReferenceOr<Box<Schema>>>,
        path: &str,
        name: &str,
        module: &str,
    ) -> Result<TypeRef, Error> {
        let Some(items) = items else {
            return Err(Error::unsupported(path, "an array without `items`"));
        };
        let item = self.type_ref(
            Node::boxed(items),
            &format!("{path}/items"),
            &format!("{name}Item"),
            module,
        )?;
        Ok(TypeRef::Array(Box::new(item)))
    }

    /// An object without declared properties: a map (typed by `additionalProperties`).
    fn map_ref(
        &mut self,
        schema: &'a Schema,
        path: &str,
        name: &str,
        module: &str,
    ) -> Result<TypeRef, Error> {
        let Some(view) = object_view(schema) else {
            return Err(Error::unsupported(path, describe(schema)));
        };
        if !view.all_of.is_empty() || !view.properties.is_empty() {
            let rust = self.claim_type(name.to_owned());
            return self.lower_inline(&rust, module, path, schema);
        }
        Ok(match view.additional {
            None | Some(AdditionalProperties::Any(_)) => TypeRef::Object,
            Some(AdditionalProperties::Schema(inner)) => {
                let value = self.type_ref(
                    Node::plain(inner),
                    &format!("{path}/additionalProperties"),
                    &format!("{name}Value"),
                    module,
                )?;
                match value {
                    TypeRef::Value => TypeRef::Object,
                    value => TypeRef::Map(Box::new(value)),
                }
            }
        })
    }

    fn lower_inline(
        &mut self,
        rust: &str,
        module: &str,
        path: &str,
        schema: &'a Schema,
    ) -> Result<TypeRef, Error> {
        self.by_pointer.insert(path.to_owned(), rust.to_owned());
        self.lower_named(rust, module, path, schema)?;
        Ok(TypeRef::Named(rust.to_owned()))
    }
}

/// Whether a schema becomes a struct (an object with properties, or an allOf).
fn is_struct(schema: &Schema) -> bool {
    matches!(schema.schema_kind, SchemaKind::AllOf { ref all_of } if all_of.len() > 1)
        || is_struct_with_properties(schema)
}

fn is_struct_with_properties(schema: &Schema) -> bool {
    object_view(schema).is_some_and(|view| !view.properties.is_empty() || !view.all_of.is_empty())
}

fn one_of(schema: &Schema) -> Option<&[ReferenceOr<Schema>]> {
    match &schema.schema_kind {
        SchemaKind::OneOf { one_of } | SchemaKind::AnyOf { any_of: one_of } => Some(one_of),
        _ => None,
    }
}

/// The values of a string enum; an error for enums of other types or with `null`.
fn string_enum(schema: &Schema, path: &str) -> Result<Option<Vec<String>>, Error> {
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) if !s.enumeration.is_empty() => s
            .enumeration
            .iter()
            .map(|v| {
                v.clone()
                    .ok_or_else(|| Error::unsupported(path, "`null` as an enum value"))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some),
        SchemaKind::Type(Type::Integer(i)) if !i.enumeration.is_empty() => {
            Err(Error::unsupported(path, "an integer enum"))
        }
        SchemaKind::Type(Type::Number(n)) if !n.enumeration.is_empty() => {
            Err(Error::unsupported(path, "a number enum"))
        }
        _ => Ok(None),
    }
}

/// The `format` of a string schema, as written in the spec.
fn string_format(schema: &Schema) -> Option<String> {
    let SchemaKind::Type(Type::String(string)) = &schema.schema_kind else {
        return None;
    };
    match &string.format {
        VariantOrUnknownOrEmpty::Item(format) => serde_json::to_value(format)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned)),
        VariantOrUnknownOrEmpty::Unknown(format) => Some(format.clone()),
        VariantOrUnknownOrEmpty::Empty => None,
    }
}

/// Examples longer than this are left out of doc comments.
const MAX_EXAMPLE_LEN: usize = 80;

fn docs_of(schema: &Schema) -> Docs {
    let example = schema
        .schema_data
        .example
        .as_ref()
        .and_then(|value| serde_json::to_string(value).ok())
        .filter(|json| json.len() <= MAX_EXAMPLE_LEN && !json.contains('`'));
    Docs {
        title: schema.schema_data.title.clone(),
        description: schema.schema_data.description.clone(),
        example,
    }
}

fn describe(schema: &Schema) -> String {
    match serde_json::to_string(schema) {
        Ok(json) if json.chars().count() <= 120 => format!("the schema {json}"),
        Ok(json) => format!("the schema {}…", json.chars().take(120).collect::<String>()),
        Err(_) => "this schema".into(),
    }
}

/// Number of top-level required properties.
fn required_count(schema: &Schema) -> usize {
    object_view(schema).map_or(0, |view| view.required.len())
}

/// Same shape: the same properties of the same types, once documentation,
/// examples, `required` and `nullable` are set aside.
fn same_shape(a: &Schema, b: &Schema) -> bool {
    use serde_json::Value;
    /// Drops documentation keys of a schema object and of the schemas it contains
    /// (but not property names that happen to be `title` or `description`).
    fn strip(value: &mut Value) {
        let Value::Object(map) = value else { return };
        for key in [
            "title",
            "description",
            "example",
            "examples",
            "required",
            "nullable",
        ] {
            map.shift_remove(key);
        }
        for (key, child) in map.iter_mut() {
            match (key.as_str(), child) {
                ("properties", Value::Object(props)) => props.values_mut().for_each(strip),
                ("allOf" | "oneOf" | "anyOf", Value::Array(parts)) => {
                    parts.iter_mut().for_each(strip)
                }
                ("items" | "additionalProperties" | "not", child) => strip(child),
                _ => {}
            }
        }
    }
    match (serde_json::to_value(a), serde_json::to_value(b)) {
        (Ok(mut a), Ok(mut b)) => {
            strip(&mut a);
            strip(&mut b);
            a == b
        }
        _ => false,
    }
}
