//! The domain pass: what Conekta's API is, beyond what its spec says, as the
//! override table declares it (value sets, timestamps, fields the API always
//! sends, short reads and constructors). It runs last, on the final types.

use crate::Error;
use crate::Overrides;
use crate::ir::{
    Accessor, Constructor, Docs, EnumVariant, Field, Operation, Preset, Step, TypeDef, TypeKind,
    TypeRef,
};
use crate::naming::{self, Scope};
use crate::overrides::{self, FieldPattern, ValueSet};
use std::collections::{BTreeMap, BTreeSet};

/// Where override-table errors point.
const OVERRIDES: &str = "spec/overrides.yaml";

/// Applies the domain sections of the override table to `types`.
pub fn apply(
    types: &mut Vec<TypeDef>,
    operations: &[Operation],
    overrides: &Overrides,
) -> Result<(), Error> {
    let mut claimed: BTreeMap<(String, String), String> = BTreeMap::new();
    for (name, set) in &overrides.value_sets {
        value_set(types, name, set, &mut claimed)?;
    }
    if let Some(timestamps) = &overrides.timestamps {
        retype(
            types,
            &timestamps.fields,
            "timestamps",
            &mut claimed,
            &|ty| matches!(ty, TypeRef::I64 | TypeRef::I32),
            &|_| TypeRef::Timestamp,
        )?;
    }
    if let Some(required) = &overrides.required {
        require(types, operations, required)?;
    }
    for (type_name, accessors) in &overrides.accessors {
        for (name, accessor) in accessors {
            let resolved = resolve_accessor(types, type_name, name, accessor)?;
            types
                .iter_mut()
                .find(|def| &def.name == type_name)
                .filter(|def| {
                    matches!(
                        def.kind,
                        TypeKind::Struct { .. } | TypeKind::Tagged { .. } | TypeKind::Untagged { .. }
                    )
                })
                .ok_or_else(|| {
                    Error::invalid(
                        OVERRIDES,
                        format!("`accessors` names `{type_name}`, which is not a generated struct or union"),
                    )
                })?
                .accessors
                .push(resolved);
        }
    }
    for (type_name, constructors) in &overrides.constructors {
        for (name, constructor) in constructors {
            let resolved = resolve_constructor(types, type_name, name, constructor)?;
            struct_def(types, type_name, "constructors")?
                .constructors
                .push(resolved);
        }
    }
    types.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(())
}

/// The struct called `name`, or an error saying which section named it.
fn struct_def<'a>(
    types: &'a mut [TypeDef],
    name: &str,
    section: &str,
) -> Result<&'a mut TypeDef, Error> {
    types
        .iter_mut()
        .find(|def| def.name == name && matches!(def.kind, TypeKind::Struct { .. }))
        .ok_or_else(|| {
            Error::invalid(
                OVERRIDES,
                format!("`{section}` names `{name}`, which is not a generated struct"),
            )
        })
}

fn fields_of(def: &TypeDef) -> &[Field] {
    match &def.kind {
        TypeKind::Struct { fields, .. } => fields,
        _ => &[],
    }
}

fn fields_of_mut(def: &mut TypeDef) -> &mut [Field] {
    match &mut def.kind {
        TypeKind::Struct { fields, .. } => fields,
        _ => &mut [],
    }
}

/// Adds the open enum of a value set and types the fields it names with it.
fn value_set(
    types: &mut Vec<TypeDef>,
    name: &str,
    set: &ValueSet,
    claimed: &mut BTreeMap<(String, String), String>,
) -> Result<(), Error> {
    let section = format!("`value_sets.{name}`");
    if naming::camel(name) != name || naming::type_name(name.to_owned()) != name {
        return Err(Error::invalid(
            OVERRIDES,
            format!("{section}: `{name}` is not a type name the SDK can use"),
        ));
    }
    if set.values.is_empty() {
        return Err(Error::invalid(
            OVERRIDES,
            format!("{section} has no values"),
        ));
    }
    let target = TypeRef::Named(name.to_owned());
    retype(
        types,
        &set.fields,
        &format!("value_sets.{name}"),
        claimed,
        &|ty| matches!(ty, TypeRef::String) || ty == &target,
        &|_| target.clone(),
    )?;
    let docs = Docs {
        title: Some(set.doc.trim().to_owned()),
        description: Some(format!("Values: {}", set.source.trim())),
        example: None,
    };
    let value_docs = |docs: &str| Some(docs.trim().to_owned()).filter(|d| !d.is_empty());
    // A spec enum of this name (a request's, renamed in `names`): the answers'
    // strings take the same type, with the values the set adds.
    if let Some(def) = types.iter_mut().find(|def| def.name == name) {
        let TypeKind::Enum { variants } = &mut def.kind else {
            return Err(Error::invalid(
                OVERRIDES,
                format!(
                    "{section}: a generated type that is not an enum is already called `{name}`"
                ),
            ));
        };
        let mut scope = Scope::with_reserved(&["Unknown"]);
        for variant in variants.iter() {
            scope.claim(variant.rust_name.clone());
        }
        for (value, about) in &set.values {
            match variants.iter_mut().find(|variant| &variant.value == value) {
                Some(variant) => variant.docs = value_docs(about),
                None => variants.push(EnumVariant {
                    rust_name: scope.claim(naming::camel(value)),
                    value: value.clone(),
                    docs: value_docs(about),
                }),
            }
        }
        def.docs = docs;
        return Ok(());
    }
    let mut scope = Scope::with_reserved(&["Unknown"]);
    let variants = set
        .values
        .iter()
        .map(|(value, about)| EnumVariant {
            rust_name: scope.claim(naming::camel(value)),
            value: value.clone(),
            docs: value_docs(about),
        })
        .collect();
    types.push(TypeDef {
        name: name.to_owned(),
        module: naming::snake(name).trim_start_matches("r#").to_owned(),
        source: format!("{OVERRIDES}#/value_sets/{name}"),
        also: Vec::new(),
        docs,
        deprecated: false,
        kind: TypeKind::Enum { variants },
        accessors: Vec::new(),
        constructors: Vec::new(),
    });
    Ok(())
}

/// Gives the fields that `patterns` match a new type: `fits` says which
/// scalar types a field may have (lists of them are typed item by item),
/// `into` makes the new one. An explicit `Type.field` must name such a field;
/// a `*.field` pattern skips fields of other types but must match one; a field
/// two sections claim is an error.
fn retype(
    types: &mut [TypeDef],
    patterns: &[FieldPattern],
    section: &str,
    claimed: &mut BTreeMap<(String, String), String>,
    fits: &dyn Fn(&TypeRef) -> bool,
    into: &dyn Fn(&TypeRef) -> TypeRef,
) -> Result<(), Error> {
    for pattern in patterns {
        let Some((type_name, field_name)) = pattern.split_once('.') else {
            return Err(Error::invalid(
                OVERRIDES,
                format!("`{section}`: `{pattern}` is not `Type.field` or `*.field`"),
            ));
        };
        let wildcard = type_name == "*";
        if !wildcard && !types.iter().any(|def| def.name == type_name) {
            return Err(Error::invalid(
                OVERRIDES,
                format!("`{section}`: `{pattern}` names no generated type `{type_name}`"),
            ));
        }
        let mut matched = 0;
        for def in types
            .iter_mut()
            .filter(|def| wildcard || def.name == type_name)
        {
            let owner = def.name.clone();
            for field in fields_of_mut(def)
                .iter_mut()
                .filter(|f| f.json_name == field_name)
            {
                let key = (owner.clone(), field_name.to_owned());
                if let Some(other) = claimed.get(&key) {
                    return Err(Error::invalid(
                        OVERRIDES,
                        format!("`{section}` and `{other}` both type `{owner}.{field_name}`"),
                    ));
                }
                let slot = match &mut field.ty {
                    TypeRef::Array(item) => &mut **item,
                    ty => ty,
                };
                if !fits(slot) {
                    if wildcard {
                        continue;
                    }
                    return Err(Error::invalid(
                        OVERRIDES,
                        format!(
                            "`{section}`: `{pattern}` is a field of type {slot:?}, which it cannot type"
                        ),
                    ));
                }
                claimed.insert(key, section.to_owned());
                *slot = into(slot);
                matched += 1;
            }
        }
        if matched == 0 {
            return Err(Error::invalid(
                OVERRIDES,
                format!("`{section}`: `{pattern}` matches no field it can type"),
            ));
        }
    }
    Ok(())
}

/// Makes the listed fields of answer-only types required.
fn require(
    types: &mut [TypeDef],
    operations: &[Operation],
    required: &overrides::Required,
) -> Result<(), Error> {
    let sent: BTreeSet<String> = crate::ir::sent_types(types, operations)
        .into_iter()
        .map(str::to_owned)
        .collect();
    for (type_name, names) in &required.fields {
        if sent.contains(type_name.as_str()) {
            return Err(Error::invalid(
                OVERRIDES,
                format!(
                    "`required` names `{type_name}`, which requests send too: only types of answers can be made required"
                ),
            ));
        }
        let def = struct_def(types, type_name, "required")?;
        for name in names {
            let Some(field) = fields_of_mut(def).iter_mut().find(|f| &f.json_name == name) else {
                return Err(Error::invalid(
                    OVERRIDES,
                    format!("`required`: `{type_name}` has no field `{name}`"),
                ));
            };
            if field.required {
                return Err(Error::invalid(
                    OVERRIDES,
                    format!("`required`: `{type_name}.{name}` is required already"),
                ));
            }
            field.required = true;
        }
    }
    Ok(())
}

/// Resolves an accessor's path against the types.
fn resolve_accessor(
    types: &[TypeDef],
    type_name: &str,
    name: &str,
    accessor: &overrides::Accessor,
) -> Result<Accessor, Error> {
    let at = |problem: String| {
        Error::invalid(
            OVERRIDES,
            format!(
                "`accessors.{type_name}.{name}` (`{}`): {problem}",
                accessor.path
            ),
        )
    };
    let find = |name: &str| types.iter().find(|def| def.name == name);
    find(type_name).ok_or_else(|| at("no such generated type".into()))?;
    let mut paths = Vec::new();
    let mut read: Option<TypeRef> = None;
    for path in accessor.path.split('|').map(str::trim) {
        let (steps, ty) = resolve_path(types, type_name, path, &at)?;
        match &read {
            Some(first) if *first != ty => {
                return Err(at(format!(
                    "`{path}` reads a {ty:?}, another path a {first:?}"
                )));
            }
            _ => read = Some(ty),
        }
        paths.push(steps);
    }
    let ty = read.ok_or_else(|| at("the path is empty".into()))?;
    let steps = paths.remove(0);
    if !paths.is_empty() && !matches!(ty, TypeRef::Array(_)) {
        return Err(at("alternative paths (`|`) are for lists".into()));
    }
    Ok(Accessor {
        name: name.to_owned(),
        docs: accessor.doc.trim().to_owned(),
        steps,
        alternatives: paths,
        ty,
    })
}

/// The steps of one path (`a.b.c`) from `type_name`, and the type it reads.
fn resolve_path(
    types: &[TypeDef],
    type_name: &str,
    path: &str,
    at: &dyn Fn(String) -> Error,
) -> Result<(Vec<Step>, TypeRef), Error> {
    let find = |name: &str| types.iter().find(|def| def.name == name);
    let mut steps = Vec::new();
    let mut ty = TypeRef::Named(type_name.to_owned());
    for segment in path.split('.') {
        let current = match &ty {
            TypeRef::Named(n) => find(n).ok_or_else(|| at(format!("no type `{n}`")))?,
            other => return Err(at(format!("`{segment}` is read from a {other:?}"))),
        };
        let (step, next) = match &current.kind {
            TypeKind::Struct { fields, .. } => {
                let field = fields
                    .iter()
                    .find(|f| f.json_name == segment)
                    .ok_or_else(|| at(format!("`{}` has no field `{segment}`", current.name)))?;
                let (boxed, next) = unbox(&field.ty);
                (
                    Step::Field {
                        rust_name: field.rust_name.clone(),
                        required: field.required,
                        boxed,
                    },
                    next,
                )
            }
            TypeKind::Tagged { variants, .. } | TypeKind::Untagged { variants } => {
                let variant = variants
                    .iter()
                    .find(|v| v.tag.as_deref() == Some(segment) || v.rust_name == segment)
                    .ok_or_else(|| at(format!("`{}` has no variant `{segment}`", current.name)))?;
                let (boxed, next) = unbox(&variant.ty);
                (
                    Step::Variant {
                        union: current.name.clone(),
                        variant: variant.rust_name.clone(),
                        boxed,
                    },
                    next,
                )
            }
            _ => return Err(at(format!("`{}` has no members to read", current.name))),
        };
        steps.push(step);
        ty = next;
    }
    if steps.is_empty() {
        return Err(at("the path is empty".into()));
    }
    Ok((steps, ty))
}

/// `(true, T)` for `Box<T>`, else `(false, ty)`.
fn unbox(ty: &TypeRef) -> (bool, TypeRef) {
    match ty {
        TypeRef::Boxed(inner) => (true, (**inner).clone()),
        other => (false, other.clone()),
    }
}

/// Checks a constructor's fields and values against the type.
fn resolve_constructor(
    types: &[TypeDef],
    type_name: &str,
    name: &str,
    constructor: &overrides::Constructor,
) -> Result<Constructor, Error> {
    let at = |problem: String| {
        Error::invalid(
            OVERRIDES,
            format!("`constructors.{type_name}.{name}`: {problem}"),
        )
    };
    let def = types
        .iter()
        .find(|def| def.name == type_name)
        .ok_or_else(|| at("no such generated type".into()))?;
    let field = |json: &str| {
        fields_of(def)
            .iter()
            .find(|f| f.json_name == json)
            .ok_or_else(|| at(format!("`{type_name}` has no field `{json}`")))
    };
    let mut args = Vec::new();
    for json in &constructor.args {
        args.push(field(json)?.rust_name.clone());
    }
    let mut set = Vec::new();
    for (json, value) in &constructor.set {
        let field = field(json)?;
        let preset = match (&field.ty, value) {
            (TypeRef::Named(enum_name), serde_json::Value::String(wire)) => {
                let variants = types
                    .iter()
                    .find(|d| &d.name == enum_name)
                    .and_then(|d| match &d.kind {
                        TypeKind::Enum { variants } => Some(variants),
                        _ => None,
                    })
                    .ok_or_else(|| at(format!("`{json}` is not a string or an enum")))?;
                let variant = variants
                    .iter()
                    .find(|v| &v.value == wire)
                    .ok_or_else(|| at(format!("`{enum_name}` has no value `{wire}`")))?;
                Preset::Variant(enum_name.clone(), variant.rust_name.clone())
            }
            (TypeRef::String, serde_json::Value::String(text)) => Preset::String(text.clone()),
            (
                TypeRef::I8 | TypeRef::I32 | TypeRef::I64 | TypeRef::Timestamp,
                serde_json::Value::Number(n),
            ) if n.as_i64().is_some() => Preset::Integer(n.as_i64().unwrap_or_default()),
            (TypeRef::Bool, serde_json::Value::Bool(b)) => Preset::Bool(*b),
            (ty, value) => {
                return Err(at(format!("`{json}` ({ty:?}) cannot be set to `{value}`")));
            }
        };
        if constructor.args.contains(json) {
            return Err(at(format!("`{json}` is both an argument and set")));
        }
        set.push((field.rust_name.clone(), preset));
    }
    Ok(Constructor {
        name: name.to_owned(),
        docs: constructor.doc.trim().to_owned(),
        args,
        set,
    })
}

#[cfg(test)]
mod tests {
    /// A spec with a request body (`Req`) and an answer (`Res`).
    const SPEC: &str = r##"
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /x:
    post:
      operationId: x
      requestBody:
        content: {application/json: {schema: {$ref: "#/components/schemas/req"}}}
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: "#/components/schemas/res"}}}
components:
  schemas:
    req:
      type: object
      properties: {kind: {type: string}, count: {type: integer}}
    res:
      type: object
      properties: {kind: {type: string}, at: {type: integer, format: int64}}
"##;

    /// The error generating [`SPEC`] with `overrides` gives.
    fn error(overrides: &str) -> String {
        match crate::generate(SPEC, "[]", overrides) {
            Ok(_) => panic!("`{overrides}` was accepted"),
            Err(err) => err.to_string(),
        }
    }

    const SET: &str = "value_sets: {Kind: {doc: d, source: s, values: {a: ''}, fields: [";

    #[test]
    fn entries_that_match_nothing_or_the_wrong_kind_are_errors() {
        for (fields, expected) in [
            ("'*.nope'", "matches no field"),
            ("'Nope.kind'", "names no generated type"),
            ("'Req.count'", "cannot type"),
            ("'kind'", "is not `Type.field`"),
        ] {
            let message = error(&format!("{SET}{fields}]}}}}"));
            assert!(message.contains(expected), "{fields}: {message}");
        }
        let twice = error(&format!(
            "{SET}'Res.kind']}}, Other: {{doc: d, source: s, values: {{b: ''}}, fields: ['*.kind']}}}}"
        ));
        assert!(twice.contains("both type `Res.kind`"), "{twice}");
    }

    #[test]
    fn only_answers_fields_can_be_made_required() {
        let message = error("required: {reason: r, fields: {Req: [kind]}}");
        assert!(message.contains("requests send too"), "{message}");
        let message = error("required: {reason: r, fields: {Res: [nope]}}");
        assert!(message.contains("has no field `nope`"), "{message}");
        assert!(
            crate::generate(SPEC, "[]", "required: {reason: r, fields: {Res: [kind]}}").is_ok()
        );
    }

    #[test]
    fn accessors_and_constructors_are_checked_against_the_types() {
        let message = error("accessors: {Res: {k: {doc: d, path: kind.more}}}");
        assert!(message.contains("is read from a String"), "{message}");
        let message = error(&format!(
            "{SET}'Req.kind']}}}}\nconstructors: {{Req: {{b: {{doc: d, set: {{kind: b}}}}}}}}"
        ));
        assert!(message.contains("`Kind` has no value `b`"), "{message}");
        let message = error("constructors: {Req: {c: {doc: d, set: {count: yes}}}}");
        assert!(message.contains("cannot be set to"), "{message}");
    }
}
