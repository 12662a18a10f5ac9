//! Evidence for the override table's `required` section: how often each field
//! of each type is present, `null` or absent in real bodies (Conekta's fixtures,
//! published webhook events), walked along the lowered types.
//!
//! The caller reads the bodies and says which type each is; [`Survey::check`]
//! lists the `required` entries the bodies contradict or never show, and
//! [`Survey::report`] prints the counts for a reviewer.

use crate::Overrides;
use crate::ir::{Api, TypeDef, TypeKind, TypeRef};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

/// The fewest objects of a type that make a field's presence evidence.
pub const MIN_OBJECTS: usize = 3;

/// How a field appeared in the objects of its type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Seen {
    /// With a value other than `null`.
    pub present: usize,
    /// As `null`.
    pub null: usize,
    /// Not at all.
    pub absent: usize,
}

/// Field counts per type, from the bodies walked so far.
#[derive(Debug, Clone)]
pub struct Survey<'a> {
    types: HashMap<&'a str, &'a TypeDef>,
    /// Type name → how many objects of it were walked.
    objects: BTreeMap<String, usize>,
    /// (type name, JSON field name) → how the field appeared.
    fields: BTreeMap<(String, String), Seen>,
}

impl<'a> Survey<'a> {
    /// An empty survey over the types of `api`.
    pub fn new(api: &'a Api) -> Self {
        Self {
            types: api
                .types
                .iter()
                .map(|def| (def.name.as_str(), def))
                .collect(),
            objects: BTreeMap::new(),
            fields: BTreeMap::new(),
        }
    }

    /// Counts the fields of every object in `value`, read as type `ty`:
    /// through lists, maps, tagged unions (by tag) and untagged ones (the first
    /// form whose required fields the object has). Values that fit no type
    /// (a string where an object belongs) are not counted.
    pub fn walk(&mut self, ty: &TypeRef, value: &Value) {
        match (ty, value) {
            (TypeRef::Named(name), _) => self.walk_named(name, value),
            (TypeRef::Array(item), Value::Array(items)) => {
                items.iter().for_each(|value| self.walk(item, value));
            }
            (TypeRef::Map(item), Value::Object(members)) => {
                members.values().for_each(|value| self.walk(item, value));
            }
            (TypeRef::Boxed(inner), _) => self.walk(inner, value),
            _ => {}
        }
    }

    fn walk_named(&mut self, name: &str, value: &Value) {
        let Some(def) = self.types.get(name).copied() else {
            return;
        };
        match (&def.kind, value) {
            (TypeKind::Struct { fields, .. }, Value::Object(members)) => {
                *self.objects.entry(def.name.clone()).or_default() += 1;
                for field in fields {
                    let seen = self
                        .fields
                        .entry((def.name.clone(), field.json_name.clone()))
                        .or_default();
                    match members.get(&field.json_name) {
                        None => seen.absent += 1,
                        Some(Value::Null) => seen.null += 1,
                        Some(member) => {
                            seen.present += 1;
                            self.walk(&field.ty, member);
                        }
                    }
                }
            }
            (TypeKind::Tagged { property, variants }, Value::Object(members)) => {
                let tag = members.get(property).and_then(Value::as_str);
                if let Some(variant) = variants.iter().find(|v| v.tag.as_deref() == tag) {
                    self.walk(&variant.ty, value);
                }
            }
            (TypeKind::Untagged { variants }, _) => {
                if let Some(variant) = variants.iter().find(|v| self.fits(&v.ty, value)) {
                    self.walk(&variant.ty, value);
                }
            }
            (TypeKind::Alias(target), _) => self.walk(target, value),
            _ => {}
        }
    }

    /// Whether `value` has the required fields of `ty` (for untagged unions).
    fn fits(&self, ty: &TypeRef, value: &Value) -> bool {
        match (ty, value) {
            (TypeRef::Named(name), Value::Object(members)) => {
                match self.types.get(name.as_str()).map(|def| &def.kind) {
                    Some(TypeKind::Struct { fields, .. }) => fields
                        .iter()
                        .filter(|f| f.required)
                        .all(|f| members.get(&f.json_name).is_some_and(|v| !v.is_null())),
                    _ => true,
                }
            }
            (TypeRef::Array(_), Value::Array(_)) => true,
            (TypeRef::String, Value::String(_)) => true,
            _ => false,
        }
    }

    /// How field `json` of type `type_name` appeared.
    pub fn seen(&self, type_name: &str, json: &str) -> Seen {
        self.fields
            .get(&(type_name.to_owned(), json.to_owned()))
            .copied()
            .unwrap_or_default()
    }

    /// What the evidence contradicts: a member the SDK requires (by the spec
    /// or by the `required` entries of `overrides`) that is absent or `null`
    /// in some object of its type, and a `required` entry whose type was seen
    /// in fewer than [`MIN_OBJECTS`] objects.
    pub fn check(&self, overrides: &Overrides) -> Vec<String> {
        let mut problems = Vec::new();
        if let Some(required) = &overrides.required {
            for type_name in required.fields.keys() {
                let objects = self.objects.get(type_name).copied().unwrap_or_default();
                if objects < MIN_OBJECTS {
                    problems.push(format!(
                        "`{type_name}`: {objects} object(s) in the evidence, fewer than {MIN_OBJECTS}"
                    ));
                }
            }
        }
        for (type_name, objects) in &self.objects {
            let Some(TypeKind::Struct { fields, .. }) =
                self.types.get(type_name.as_str()).map(|def| &def.kind)
            else {
                continue;
            };
            for field in fields.iter().filter(|field| field.required) {
                let seen = self.seen(type_name, &field.json_name);
                if seen.null > 0 || seen.absent > 0 {
                    problems.push(format!(
                        "`{type_name}.{}`: present in {} of {objects} objects, null in {}, absent from {}",
                        field.json_name, seen.present, seen.null, seen.absent
                    ));
                }
            }
        }
        problems
    }

    /// The counts as Markdown: per type, the fields the table makes required
    /// and the optional ones every object had (candidates), with their counts.
    pub fn report(&self, overrides: &Overrides) -> String {
        let listed = |type_name: &str, field: &str| {
            overrides
                .required
                .as_ref()
                .and_then(|r| r.fields.get(type_name))
                .is_some_and(|fields| fields.iter().any(|f| f == field))
        };
        let mut out = String::from(
            "# Which fields the evidence always carries\n\n\
             Per type: the objects walked, the fields `spec/overrides.yaml` makes required \
             (`required`), and the optional fields present in every object (`always`).\n",
        );
        for (type_name, objects) in &self.objects {
            let Some(TypeKind::Struct { fields, .. }) =
                self.types.get(type_name.as_str()).map(|def| &def.kind)
            else {
                continue;
            };
            let mut lines = Vec::new();
            for field in fields {
                let seen = self.seen(type_name, &field.json_name);
                let always = seen.present == *objects;
                let mark = if listed(type_name, &field.json_name) {
                    "required (table)"
                } else if field.required {
                    continue;
                } else if always {
                    "always"
                } else {
                    continue;
                };
                lines.push(format!(
                    "| `{}` | {mark} | {}/{objects} | {} | {} |",
                    field.json_name, seen.present, seen.null, seen.absent
                ));
            }
            if lines.is_empty() {
                continue;
            }
            let _ = write!(
                out,
                "\n## {type_name} ({objects} objects)\n\n| field | | present | null | absent |\n|---|---|---|---|---|\n{}\n",
                lines.join("\n")
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Docs, Field, UnionVariant};
    use serde_json::json;

    fn def(name: &str, kind: TypeKind) -> TypeDef {
        TypeDef {
            name: name.into(),
            module: name.to_lowercase(),
            source: String::new(),
            also: Vec::new(),
            docs: Docs::default(),
            deprecated: false,
            kind,
            accessors: Vec::new(),
            constructors: Vec::new(),
        }
    }

    fn field(name: &str, ty: TypeRef, required: bool) -> Field {
        Field {
            json_name: name.into(),
            rust_name: name.into(),
            ty,
            required,
            docs: Docs::default(),
            deprecated: false,
            format: None,
        }
    }

    fn api() -> Api {
        let charge = def(
            "Charge",
            TypeKind::Struct {
                fields: vec![
                    field("id", TypeRef::String, true),
                    field("status", TypeRef::String, false),
                    field("method", TypeRef::Named("Method".into()), false),
                ],
                additional: None,
                extra_field: "extra".into(),
            },
        );
        let cash = def(
            "Cash",
            TypeKind::Struct {
                fields: vec![field("reference", TypeRef::String, false)],
                additional: None,
                extra_field: "extra".into(),
            },
        );
        let method = def(
            "Method",
            TypeKind::Tagged {
                property: "object".into(),
                variants: vec![UnionVariant {
                    rust_name: "Cash".into(),
                    tag: Some("cash_payment".into()),
                    ty: TypeRef::Named("Cash".into()),
                }],
            },
        );
        Api {
            title: String::new(),
            version: String::new(),
            media_type: None,
            types: vec![cash, charge, method],
            operations: Vec::new(),
            external_samples: BTreeMap::new(),
        }
    }

    #[test]
    fn counts_fields_through_lists_and_tagged_unions() {
        let api = api();
        let mut survey = Survey::new(&api);
        let charges = json!([
            {"id": "1", "status": "paid", "method": {"object": "cash_payment", "reference": "9"}},
            {"id": "2", "status": null, "method": {"object": "cash_payment", "reference": "8"}},
            {"id": "3", "method": {"object": "card_payment"}},
        ]);
        survey.walk(
            &TypeRef::Array(Box::new(TypeRef::Named("Charge".into()))),
            &charges,
        );
        let status = survey.seen("Charge", "status");
        assert_eq!((status.present, status.null, status.absent), (1, 1, 1));
        assert_eq!(survey.seen("Charge", "method").present, 3);
        // The card payment has no variant here: it is not counted as cash.
        assert_eq!(survey.seen("Cash", "reference").present, 2);

        let table = |yaml: &str| Overrides::parse(yaml).unwrap();
        // `Charge.id` is required by the (test) spec, and every charge has one.
        assert!(
            survey
                .check(&table("required: {reason: r, fields: {Charge: [method]}}"))
                .is_empty()
        );
        // The check reads required-ness off the lowered types: lower again with
        // `status` and `reference` required, as the domain pass would.
        let mut strict = api.clone();
        for def in &mut strict.types {
            if let TypeKind::Struct { fields, .. } = &mut def.kind {
                for field in fields {
                    field.required |= field.json_name == "status" || field.json_name == "reference";
                }
            }
        }
        let mut strict_survey = Survey::new(&strict);
        strict_survey.walk(
            &TypeRef::Array(Box::new(TypeRef::Named("Charge".into()))),
            &charges,
        );
        let problems = strict_survey.check(&table(
            "required: {reason: r, fields: {Charge: [status], Cash: [reference]}}",
        ));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].contains("`Cash`: 2 object(s)") && problems[0].contains("fewer than 3"),
            "{problems:?}"
        );
        assert!(
            problems[1].contains("`Charge.status`")
                && problems[1].contains("null in 1, absent from 1"),
            "{problems:?}"
        );
        let report = survey.report(&table("required: {reason: r, fields: {Charge: [method]}}"));
        assert!(
            report.contains("| `method` | required (table) | 3/3 | 0 | 0 |"),
            "{report}"
        );
    }
}
