//! The domain pass: what Conekta's API is, beyond what its spec says, as the
//! override table declares it (value sets, timestamps, fields the API always
//! sends, short reads and constructors). It runs last, on the final types.
//!
//! An entry that no longer applies to the spec (its type or field is gone, or
//! the spec now types the field itself) is skipped and reported as a
//! [`StaleEntry`]; an entry the table cannot mean (a malformed pattern, a field
//! two sections claim, a value its enum lacks) is an error.

use crate::Error;
use crate::Overrides;
use crate::ir::{
    Accessor, Constructor, Docs, EnumVariant, Field, Operation, Preset, Step, TypeDef, TypeKind,
    TypeRef,
};
use crate::naming::{self, Scope};
use crate::overrides::{self, FieldPattern, ValueSet};
use crate::stale::{OVERRIDES, StaleEntry, StaleReason};
use std::collections::{BTreeMap, BTreeSet};

/// Applies the domain sections of the override table to `types`; entries that
/// no longer apply go to `stale`.
pub fn apply(
    types: &mut Vec<TypeDef>,
    operations: &[Operation],
    overrides: &Overrides,
    stale: &mut Vec<StaleEntry>,
) -> Result<(), Error> {
    let mut claimed: BTreeMap<(String, String), String> = BTreeMap::new();
    for (name, set) in &overrides.value_sets {
        value_set(types, name, set, &mut claimed, stale)?;
    }
    if let Some(timestamps) = &overrides.timestamps {
        retype(
            types,
            &timestamps.fields,
            "timestamps",
            &mut claimed,
            stale,
            &|ty| matches!(ty, TypeRef::I64 | TypeRef::I32),
            &|_| TypeRef::Timestamp,
        )?;
    }
    if let Some(required) = &overrides.required {
        require(types, operations, required, stale)?;
    }
    for (type_name, accessors) in &overrides.accessors {
        for (name, accessor) in accessors {
            let Some(resolved) = resolve_accessor(types, type_name, name, accessor, stale)? else {
                continue;
            };
            let Some(def) = types.iter_mut().find(|def| {
                &def.name == type_name
                    && matches!(
                        def.kind,
                        TypeKind::Struct { .. }
                            | TypeKind::Tagged { .. }
                            | TypeKind::Untagged { .. }
                    )
            }) else {
                stale.push(StaleEntry::overrides(
                    format!("accessors.{type_name}.{name}"),
                    StaleReason::TargetGone,
                    format!("`{type_name}` is not a generated struct or union"),
                ));
                continue;
            };
            def.accessors.push(resolved);
        }
    }
    for (type_name, constructors) in &overrides.constructors {
        for (name, constructor) in constructors {
            let entry = format!("constructors.{type_name}.{name}");
            let resolved = match resolve_constructor(types, type_name, name, constructor) {
                Ok(resolved) => resolved,
                Err(Unresolved::Gone(detail)) => {
                    stale.push(StaleEntry::overrides(
                        entry,
                        StaleReason::TargetGone,
                        detail,
                    ));
                    continue;
                }
                Err(Unresolved::Error(err)) => return Err(err),
            };
            let Some(def) = struct_def(types, type_name) else {
                stale.push(StaleEntry::overrides(
                    entry,
                    StaleReason::TargetGone,
                    format!("`{type_name}` is not a generated struct"),
                ));
                continue;
            };
            def.constructors.push(resolved);
        }
    }
    types.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(())
}

/// Why an accessor or constructor was not made.
enum Unresolved {
    /// What it names is not in the spec (any more): a stale entry.
    Gone(String),
    /// The entry cannot be right whatever the spec.
    Error(Error),
}

impl From<Error> for Unresolved {
    fn from(err: Error) -> Self {
        Unresolved::Error(err)
    }
}

/// The struct called `name`.
fn struct_def<'a>(types: &'a mut [TypeDef], name: &str) -> Option<&'a mut TypeDef> {
    types
        .iter_mut()
        .find(|def| def.name == name && matches!(def.kind, TypeKind::Struct { .. }))
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
    stale: &mut Vec<StaleEntry>,
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
    let typed = retype(
        types,
        &set.fields,
        &format!("value_sets.{name}"),
        claimed,
        stale,
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
    if typed == 0 {
        // Every pattern is stale: an enum that types nothing would be dead code.
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
/// `into` makes the new one. A `*.field` pattern skips fields of other types.
/// A pattern that types nothing is stale: its type or field is gone, or the
/// spec types the field with an enum itself. A field two sections claim is an
/// error. Returns how many fields were typed.
fn retype(
    types: &mut [TypeDef],
    patterns: &[FieldPattern],
    section: &str,
    claimed: &mut BTreeMap<(String, String), String>,
    stale: &mut Vec<StaleEntry>,
    fits: &dyn Fn(&TypeRef) -> bool,
    into: &dyn Fn(&TypeRef) -> TypeRef,
) -> Result<usize, Error> {
    let enums: BTreeSet<String> = types
        .iter()
        .filter(|def| matches!(def.kind, TypeKind::Enum { .. }))
        .map(|def| def.name.clone())
        .collect();
    let mut typed = 0;
    for pattern in patterns {
        let Some((type_name, field_name)) = pattern.split_once('.') else {
            return Err(Error::invalid(
                OVERRIDES,
                format!("`{section}`: `{pattern}` is not `Type.field` or `*.field`"),
            ));
        };
        let entry = format!("{section}: {pattern}");
        let wildcard = type_name == "*";
        if !wildcard && !types.iter().any(|def| def.name == type_name) {
            stale.push(StaleEntry::overrides(
                entry,
                StaleReason::TargetGone,
                format!("no generated type is called `{type_name}`"),
            ));
            continue;
        }
        let mut matched = 0;
        let mut typed_upstream = Vec::new();
        let mut other_kinds = Vec::new();
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
                    match slot {
                        TypeRef::Named(name) if enums.contains(name.as_str()) => {
                            typed_upstream.push(format!("`{owner}.{field_name}` is `{name}`"));
                        }
                        other => other_kinds.push(format!("`{owner}.{field_name}` is `{other}`")),
                    }
                    continue;
                }
                claimed.insert(key, section.to_owned());
                *slot = into(slot);
                matched += 1;
            }
        }
        if matched > 0 {
            typed += matched;
            continue;
        }
        let (reason, detail) = if !typed_upstream.is_empty() {
            (
                StaleReason::TypedUpstream,
                format!("the spec has an enum: {}", typed_upstream.join(", ")),
            )
        } else if !other_kinds.is_empty() {
            (
                StaleReason::TargetGone,
                format!("no field it can type: {}", other_kinds.join(", ")),
            )
        } else if wildcard {
            (
                StaleReason::TargetGone,
                format!("no type has a field `{field_name}`"),
            )
        } else {
            (
                StaleReason::TargetGone,
                format!("`{type_name}` has no field `{field_name}`"),
            )
        };
        stale.push(StaleEntry::overrides(entry, reason, detail));
    }
    Ok(typed)
}

/// Makes the listed fields of answer-only types required.
fn require(
    types: &mut [TypeDef],
    operations: &[Operation],
    required: &overrides::Required,
    stale: &mut Vec<StaleEntry>,
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
        let entry = |name: &str| format!("required.{type_name}: {name}");
        let Some(def) = struct_def(types, type_name) else {
            stale.push(StaleEntry::overrides(
                format!("required.{type_name}"),
                StaleReason::TargetGone,
                format!("no generated struct is called `{type_name}`"),
            ));
            continue;
        };
        for name in names {
            let Some(field) = fields_of_mut(def).iter_mut().find(|f| &f.json_name == name) else {
                stale.push(StaleEntry::overrides(
                    entry(name),
                    StaleReason::TargetGone,
                    format!("`{type_name}` has no field `{name}`"),
                ));
                continue;
            };
            if field.required {
                stale.push(StaleEntry::overrides(
                    entry(name),
                    StaleReason::TypedUpstream,
                    format!("the spec requires `{type_name}.{name}` itself"),
                ));
                continue;
            }
            field.required = true;
        }
    }
    Ok(())
}

/// Resolves an accessor's paths (`a.b | c.d`) against the types. A path
/// that names no type, field or variant (any more), or no longer reads what
/// the first one does, is stale and left out; so is the whole accessor when
/// no path is left.
fn resolve_accessor(
    types: &[TypeDef],
    type_name: &str,
    name: &str,
    accessor: &overrides::Accessor,
    stale: &mut Vec<StaleEntry>,
) -> Result<Option<Accessor>, Error> {
    let entry = format!("accessors.{type_name}.{name}");
    let paths: Vec<&str> = accessor.path.split('|').map(str::trim).collect();
    if paths.iter().any(|path| path.is_empty()) {
        return Err(Error::invalid(
            OVERRIDES,
            format!("`{entry}` (`{}`): a path is empty", accessor.path),
        ));
    }
    if !types.iter().any(|def| def.name == type_name) {
        stale.push(StaleEntry::overrides(
            entry,
            StaleReason::TargetGone,
            format!("no generated type is called `{type_name}`"),
        ));
        return Ok(None);
    }
    let mut resolved: Vec<(Vec<Step>, TypeRef)> = Vec::new();
    let mut gone = Vec::new();
    for path in &paths {
        let problem = match resolve_path(types, type_name, path) {
            Ok((steps, ty)) => match resolved.first() {
                Some((_, first)) if *first != ty => {
                    format!("reads a `{ty}` where `{}` reads a `{first}`", paths[0])
                }
                _ => {
                    resolved.push((steps, ty));
                    continue;
                }
            },
            Err(problem) => problem,
        };
        gone.push((*path, problem));
    }
    if let Some((_, ty)) = resolved.first() {
        if resolved.len() > 1 && !matches!(ty, TypeRef::Array(_)) {
            stale.push(StaleEntry::overrides(
                entry,
                StaleReason::TargetGone,
                format!(
                    "`{}` reads a `{ty}`: alternative paths (`|`) are for lists",
                    accessor.path
                ),
            ));
            return Ok(None);
        }
    }
    if resolved.is_empty() {
        let detail = gone
            .iter()
            .map(|(path, problem)| format!("`{path}`: {problem}"))
            .collect::<Vec<_>>()
            .join("; ");
        stale.push(StaleEntry::overrides(
            entry,
            StaleReason::TargetGone,
            detail,
        ));
        return Ok(None);
    }
    for (path, problem) in gone {
        stale.push(StaleEntry::overrides(
            format!("{entry}: {path}"),
            StaleReason::TargetGone,
            problem,
        ));
    }
    let (steps, ty) = resolved.remove(0);
    Ok(Some(Accessor {
        name: name.to_owned(),
        docs: accessor.doc.trim().to_owned(),
        steps,
        alternatives: resolved.into_iter().map(|(steps, _)| steps).collect(),
        ty,
    }))
}

/// The steps of one path (`a.b.c`) from `type_name`, and the type it reads;
/// or what it names that is not there.
fn resolve_path(
    types: &[TypeDef],
    type_name: &str,
    path: &str,
) -> Result<(Vec<Step>, TypeRef), String> {
    let find = |name: &str| types.iter().find(|def| def.name == name);
    let mut steps = Vec::new();
    let mut ty = TypeRef::Named(type_name.to_owned());
    for segment in path.split('.') {
        let current = match &ty {
            TypeRef::Named(n) => find(n).ok_or_else(|| format!("no type `{n}`"))?,
            other => return Err(format!("`{segment}` is read from a `{other}`")),
        };
        let (step, next) = match &current.kind {
            TypeKind::Struct { fields, .. } => {
                let field = fields
                    .iter()
                    .find(|f| f.json_name == segment)
                    .ok_or_else(|| format!("`{}` has no field `{segment}`", current.name))?;
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
                    .ok_or_else(|| format!("`{}` has no variant `{segment}`", current.name))?;
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
            _ => return Err(format!("`{}` has no members to read", current.name)),
        };
        steps.push(step);
        ty = next;
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

/// Checks a constructor's fields and values against the type: a type or
/// field that is not there (any more) leaves it [`Unresolved::Gone`].
fn resolve_constructor(
    types: &[TypeDef],
    type_name: &str,
    name: &str,
    constructor: &overrides::Constructor,
) -> Result<Constructor, Unresolved> {
    let at = |problem: String| {
        Unresolved::Error(Error::invalid(
            OVERRIDES,
            format!("`constructors.{type_name}.{name}`: {problem}"),
        ))
    };
    let def = types
        .iter()
        .find(|def| def.name == type_name)
        .ok_or_else(|| Unresolved::Gone(format!("no generated type is called `{type_name}`")))?;
    let field = |json: &str| {
        fields_of(def)
            .iter()
            .find(|f| f.json_name == json)
            .ok_or_else(|| Unresolved::Gone(format!("`{type_name}` has no field `{json}`")))
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
                return Err(at(format!("`{json}` (`{ty}`) cannot be set to `{value}`")));
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

    /// The entries generating [`SPEC`] with `overrides` reports as stale,
    /// each as `entry: reason (detail)`.
    fn stale(overrides: &str) -> Vec<String> {
        let output =
            crate::generate(SPEC, "[]", overrides).unwrap_or_else(|e| panic!("`{overrides}`: {e}"));
        output
            .stale
            .iter()
            .map(|s| format!("{}: {} ({})", s.entry, s.reason, s.detail))
            .collect()
    }

    const SET: &str = "value_sets: {Kind: {doc: d, source: s, values: {a: ''}, fields: [";

    #[test]
    fn value_set_patterns_that_type_nothing_are_stale_with_their_reason() {
        for (fields, expected) in [
            ("'*.nope'", "target gone (no type has a field `nope`)"),
            (
                "'Nope.kind'",
                "target gone (no generated type is called `Nope`)",
            ),
            ("'Res.nope'", "target gone (`Res` has no field `nope`)"),
            (
                "'Req.count'",
                "target gone (no field it can type: `Req.count` is `i64`)",
            ),
        ] {
            let overrides = format!("{SET}{fields}]}}}}");
            let entry = format!("value_sets.Kind: {}", fields.trim_matches('\''));
            assert_eq!(stale(&overrides), [format!("{entry}: {expected}")]);
            let output = crate::generate(SPEC, "[]", &overrides).unwrap();
            assert!(
                !output.api.types.iter().any(|def| def.name == "Kind"),
                "an enum that types nothing is not generated"
            );
        }
        // The spec's own enum: already typed upstream.
        let spec = SPEC.replace(
            "res:\n      type: object\n      properties: {kind: {type: string}",
            "res:\n      type: object\n      properties: {kind: {type: string, enum: [a, b]}",
        );
        let output = crate::generate(&spec, "[]", &format!("{SET}'*.kind']}}}}")).unwrap();
        assert!(output.stale.is_empty(), "`Req.kind` is still a string");
        let output = crate::generate(&spec, "[]", &format!("{SET}'Res.kind']}}}}")).unwrap();
        assert_eq!(output.stale.len(), 1);
        assert_eq!(
            output.stale[0].reason,
            crate::StaleReason::TypedUpstream,
            "{}",
            output.stale[0]
        );
        assert!(output.stale[0].detail.contains("`Res.kind` is `ResKind`"));
    }

    #[test]
    fn malformed_or_conflicting_entries_are_errors() {
        let message = error(&format!("{SET}'kind']}}}}"));
        assert!(message.contains("is not `Type.field`"), "{message}");
        let twice = error(&format!(
            "{SET}'Res.kind']}}, Other: {{doc: d, source: s, values: {{b: ''}}, fields: ['*.kind']}}}}"
        ));
        assert!(twice.contains("both type `Res.kind`"), "{twice}");
    }

    #[test]
    fn only_answers_fields_can_be_made_required() {
        let message = error("required: {reason: r, fields: {Req: [kind]}}");
        assert!(message.contains("requests send too"), "{message}");
        assert_eq!(
            stale("required: {reason: r, fields: {Res: [nope], Gone: [id]}}"),
            [
                "required.Gone: target gone (no generated struct is called `Gone`)",
                "required.Res: nope: target gone (`Res` has no field `nope`)",
            ]
        );
        assert!(stale("required: {reason: r, fields: {Res: [kind]}}").is_empty());
    }

    #[test]
    fn accessors_and_constructors_are_checked_against_the_types() {
        assert_eq!(
            stale("accessors: {Res: {k: {doc: d, path: kind.more}}}"),
            ["accessors.Res.k: target gone (`kind.more`: `more` is read from a `String`)"]
        );
        assert_eq!(
            stale("constructors: {Gone: {c: {doc: d}}, Req: {d: {doc: d, args: [nope]}}}"),
            [
                "constructors.Gone.c: target gone (no generated type is called `Gone`)",
                "constructors.Req.d: target gone (`Req` has no field `nope`)",
            ]
        );
        let message = error(&format!(
            "{SET}'Req.kind']}}}}\nconstructors: {{Req: {{b: {{doc: d, set: {{kind: b}}}}}}}}"
        ));
        assert!(message.contains("`Kind` has no value `b`"), "{message}");
        let message = error("constructors: {Req: {c: {doc: d, set: {count: yes}}}}");
        assert!(message.contains("cannot be set to"), "{message}");
    }

    #[test]
    fn entries_for_operations_or_names_the_spec_lacks_are_stale() {
        assert_eq!(
            stale("operation_names: {x: run_x, gone: run_gone}"),
            ["operation_names.gone: target gone (the spec has no operation `gone`)"]
        );
        assert_eq!(
            stale("operation_names: {x: x}"),
            ["operation_names.x: no longer needed (the operationId gives `x` itself)"]
        );
        let message = error("operation_names: {x: RunX}");
        assert!(
            message.contains("not a snake_case method name"),
            "{message}"
        );
        assert_eq!(
            stale("names: {Gone: Res}"),
            [
                "names.Gone: no longer needed (no type is called `Gone`; the spec names one `Res` itself)"
            ]
        );
        let message = error("names: {Req: Res}");
        assert!(
            message.contains("a type is already called `Res`"),
            "{message}"
        );
        assert_eq!(
            stale("mcp: {money: {x: {why: w}, gone: {why: w}}, descriptions: {x: d, lost: d}}"),
            [
                "mcp.money.gone: target gone (the spec has no operation `gone`)",
                "mcp.descriptions.lost: target gone (the spec has no operation `lost`)",
            ]
        );
    }

    #[test]
    fn strict_output_names_every_stale_entry() {
        let output = crate::generate(
            SPEC,
            "[]",
            "names: {Gone: New}\nrequired: {reason: r, fields: {Res: [nope]}}",
        )
        .unwrap();
        let message = output.strict().unwrap_err().to_string();
        assert!(
            message.starts_with("2 entries no longer apply"),
            "{message}"
        );
        assert!(message.contains("`names.Gone`: target gone"), "{message}");
        assert!(
            message.contains("`required.Res: nope`: target gone"),
            "{message}"
        );
    }
}
