//! Passes over the lowered types that make one definition per concept:
//! schemas that a hand-written SDK type stands for, aliases replaced by what
//! they name, structurally identical types merged into one, and the names
//! chosen in the override table.

use crate::ir::{Docs, Operation, TypeDef, TypeKind, TypeRef};
use crate::naming;
use crate::stale::{OVERRIDES, StaleEntry, StaleReason};
use crate::{Error, Overrides, Warning};
use std::collections::{BTreeMap, HashMap};

/// Applies every pass, in order. `externals` maps generated type names to the
/// hand-written types that replace them; names of the override table that
/// match no type go to `stale`.
pub fn apply(
    types: &mut Vec<TypeDef>,
    operations: &mut [Operation],
    externals: BTreeMap<String, String>,
    overrides: &Overrides,
    warnings: &mut Vec<Warning>,
    stale: &mut Vec<StaleEntry>,
) -> Result<(), Error> {
    let mut replace: HashMap<String, TypeRef> = externals
        .into_iter()
        .map(|(name, external)| (name, TypeRef::External(external)))
        .collect();
    for def in types.iter() {
        if let TypeKind::Alias(target) = &def.kind {
            replace.insert(def.name.clone(), target.clone());
        }
    }
    substitute(types, operations, &replace);
    while merge_identical(types, operations, warnings) {}
    types.iter_mut().for_each(drop_unreachable_variants);
    while merge_identical(types, operations, warnings) {}
    rename(types, operations, &overrides.names, stale)?;
    types.iter_mut().for_each(shorten_variant_names);
    clear_builder_names(types, operations, warnings);
    Ok(())
}

/// Every struct `X` gets a generated `XBuilder`: a schema whose type would be
/// called that is renamed (`XBuilderModel`, or with a number) so the two cannot clash.
fn clear_builder_names(
    types: &mut [TypeDef],
    operations: &mut [Operation],
    warnings: &mut Vec<Warning>,
) {
    let builders: Vec<String> = types
        .iter()
        .filter(|def| matches!(def.kind, TypeKind::Struct { .. }))
        .map(|def| format!("{}Builder", def.name))
        .collect();
    let mut taken: Vec<String> = types.iter().map(|def| def.name.clone()).collect();
    taken.extend(builders.iter().cloned());
    let mut replace = HashMap::new();
    for def in types.iter_mut().filter(|def| builders.contains(&def.name)) {
        let mut name = format!("{}Model", def.name);
        let mut n = 2;
        while taken.contains(&name) {
            name = format!("{}Model{n}", def.name);
            n += 1;
        }
        warnings.push(Warning {
            path: def.source.clone(),
            message: format!(
                "`{}` is the name of a generated builder: renamed `{name}`",
                def.name
            ),
        });
        taken.push(name.clone());
        replace.insert(def.name.clone(), TypeRef::Named(name.clone()));
        def.module = naming::snake(&name).trim_start_matches("r#").to_owned();
        def.name = name;
    }
    resolve_all(types, operations, &replace);
}

/// In a union without a discriminator, drops a variant whose type an earlier
/// one already has: it could never be decoded.
fn drop_unreachable_variants(def: &mut TypeDef) {
    let TypeKind::Untagged { variants } = &mut def.kind else {
        return;
    };
    let mut seen = Vec::new();
    variants.retain(|v| {
        let fresh = !seen.contains(&v.ty);
        seen.push(v.ty.clone());
        fresh
    });
}

/// Names the variants of a union without a discriminator after their types,
/// less the words all of them share: `PaymentMethodCardRequest` and
/// `PaymentMethodGeneralRequest` become `Card` and `General`. Names that would
/// clash (with each other, or with the `Other`/`Unknown` fallbacks) are not used:
/// then the full type names, else the names given when lowering.
fn shorten_variant_names(def: &mut TypeDef) {
    let TypeKind::Untagged { variants } = &mut def.kind else {
        return;
    };
    let full: Vec<String> = variants
        .iter()
        .map(|v| match &v.ty {
            TypeRef::Named(name) => name.clone(),
            _ => v.rust_name.clone(),
        })
        .collect();
    let words: Vec<Vec<&str>> = full.iter().map(|name| camel_words(name)).collect();
    let shared = |at: &dyn Fn(&Vec<&str>, usize) -> Option<String>| {
        (0..)
            .take_while(|&i| {
                let first = at(&words[0], i);
                first.is_some() && words.iter().all(|w| at(w, i) == first)
            })
            .count()
    };
    let prefix = shared(&|w, i| w.get(i).map(|s| (*s).to_owned()));
    let suffix = shared(&|w, i| w.len().checked_sub(i + 1).map(|j| w[j].to_owned()));
    let short: Vec<String> = words
        .iter()
        .map(|w| {
            let end = w.len().saturating_sub(suffix);
            if prefix < end {
                w[prefix..end].concat()
            } else {
                String::new()
            }
        })
        .collect();
    let fits = |names: &[String]| {
        names.iter().enumerate().all(|(i, name)| {
            name.starts_with(|c: char| c.is_ascii_uppercase())
                && !names[..i].contains(name)
                && name != "Other"
                && name != "Unknown"
        })
    };
    let chosen = if variants.len() > 1 && fits(&short) {
        short
    } else if fits(&full) {
        full
    } else {
        return;
    };
    for (variant, name) in variants.iter_mut().zip(chosen) {
        variant.rust_name = name;
    }
}

/// The words of an `UpperCamelCase` name.
fn camel_words(name: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start = 0;
    for (i, c) in name.char_indices().skip(1) {
        if c.is_ascii_uppercase() {
            words.push(&name[start..i]);
            start = i;
        }
    }
    words.push(&name[start..]);
    words
}

/// Replaces every reference to a key of `replace` (following chains) and drops
/// the definitions of those keys.
fn substitute(
    types: &mut Vec<TypeDef>,
    operations: &mut [Operation],
    replace: &HashMap<String, TypeRef>,
) {
    if replace.is_empty() {
        return;
    }
    types.retain(|def| !replace.contains_key(&def.name));
    resolve_all(types, operations, replace);
}

/// Replaces every reference to a key of `replace`, following chains.
fn resolve_all(
    types: &mut [TypeDef],
    operations: &mut [Operation],
    replace: &HashMap<String, TypeRef>,
) {
    for def in types.iter_mut() {
        for ty in def.kind.type_refs_mut() {
            resolve(ty, replace, replace.len());
        }
    }
    for op in operations.iter_mut() {
        for ty in op.type_refs_mut() {
            resolve(ty, replace, replace.len());
        }
    }
}

fn resolve(ty: &mut TypeRef, replace: &HashMap<String, TypeRef>, depth: usize) {
    match ty {
        TypeRef::Named(name) => {
            if let Some(target) = replace.get(name.as_str()) {
                *ty = target.clone();
                if depth > 0 {
                    resolve(ty, replace, depth - 1);
                }
            }
        }
        TypeRef::Array(inner) | TypeRef::Map(inner) | TypeRef::Boxed(inner) => {
            resolve(inner, replace, depth)
        }
        _ => {}
    }
}

/// What two types must share to be one: their kind, without documentation.
fn shape(def: &TypeDef) -> String {
    let mut kind = def.kind.clone();
    if let TypeKind::Struct { fields, .. } = &mut kind {
        for field in fields {
            field.docs = Docs::default();
        }
    }
    format!("{}{kind:?}", def.deprecated)
}

/// Merges each group of identically shaped types into its shortest-named
/// member; says whether anything was merged (merging can make more types alike).
fn merge_identical(
    types: &mut Vec<TypeDef>,
    operations: &mut [Operation],
    warnings: &mut Vec<Warning>,
) -> bool {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, def) in types.iter().enumerate() {
        groups.entry(shape(def)).or_default().push(i);
    }
    let mut replace = HashMap::new();
    let mut absorbed: Vec<(usize, Vec<usize>)> = Vec::new();
    for members in groups.into_values().filter(|m| m.len() > 1) {
        let keep = *members
            .iter()
            .min_by_key(|&&i| (types[i].name.len(), types[i].name.as_str()))
            .unwrap_or(&members[0]);
        let others: Vec<usize> = members.into_iter().filter(|&i| i != keep).collect();
        for &i in &others {
            replace.insert(
                types[i].name.clone(),
                TypeRef::Named(types[keep].name.clone()),
            );
        }
        absorbed.push((keep, others));
    }
    if replace.is_empty() {
        return false;
    }
    for (keep, others) in absorbed {
        let names: Vec<String> = others
            .iter()
            .map(|&i| format!("`{}`", types[i].name))
            .collect();
        warnings.push(Warning {
            path: types[keep].source.clone(),
            message: format!(
                "{} {} the shape of `{}`: one type `{}`",
                names.join(", "),
                if names.len() == 1 { "has" } else { "have" },
                types[keep].name,
                types[keep].name
            ),
        });
        for i in others {
            let other = types[i].clone();
            let kept = &mut types[keep];
            kept.also.push(other.source);
            kept.also.extend(other.also);
            if kept.docs.paragraphs().is_empty() {
                kept.docs = other.docs;
            }
        }
        types[keep].also.sort();
    }
    substitute(types, operations, &replace);
    true
}

/// Gives the types named in the override table their chosen names.
fn rename(
    types: &mut [TypeDef],
    operations: &mut [Operation],
    names: &BTreeMap<String, String>,
    stale: &mut Vec<StaleEntry>,
) -> Result<(), Error> {
    let mut replace = HashMap::new();
    for (from, to) in names {
        let taken = types.iter().any(|def| &def.name == to);
        let Some(def) = types.iter_mut().find(|def| &def.name == from) else {
            let (reason, detail) = if taken {
                (
                    StaleReason::NoLongerNeeded,
                    format!("no type is called `{from}`; the spec names one `{to}` itself"),
                )
            } else {
                (
                    StaleReason::TargetGone,
                    format!("no generated type is called `{from}`"),
                )
            };
            stale.push(StaleEntry::overrides(
                format!("names.{from}"),
                reason,
                detail,
            ));
            continue;
        };
        if taken {
            return Err(Error::invalid(
                OVERRIDES,
                format!("cannot rename `{from}` to `{to}`: a type is already called `{to}`"),
            ));
        }
        def.name = to.clone();
        def.module = naming::snake(to).trim_start_matches("r#").to_owned();
        replace.insert(from.clone(), TypeRef::Named(to.clone()));
    }
    resolve_all(types, operations, &replace);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::UnionVariant;

    fn union(types: &[&str]) -> TypeDef {
        TypeDef {
            name: "U".into(),
            module: "u".into(),
            source: "#/components/schemas/u".into(),
            also: Vec::new(),
            docs: Docs::default(),
            deprecated: false,
            kind: TypeKind::Untagged {
                variants: types
                    .iter()
                    .enumerate()
                    .map(|(i, ty)| UnionVariant {
                        rust_name: format!("Variant{i}"),
                        tag: None,
                        ty: TypeRef::Named((*ty).to_owned()),
                    })
                    .collect(),
            },
            accessors: Vec::new(),
            constructors: Vec::new(),
        }
    }

    fn names(def: &TypeDef) -> Vec<&str> {
        match &def.kind {
            TypeKind::Untagged { variants } => {
                variants.iter().map(|v| v.rust_name.as_str()).collect()
            }
            _ => Vec::new(),
        }
    }

    #[test]
    fn variant_names_lose_shared_words_unless_they_would_clash() {
        let mut def = union(&["PaymentMethodCardRequest", "PaymentMethodGeneralRequest"]);
        shorten_variant_names(&mut def);
        assert_eq!(names(&def), ["Card", "General"]);
        // `Info` and `InfoCustomerId` would leave an empty name: the full names stay.
        let mut def = union(&["CustomerInfo", "CustomerInfoCustomerId"]);
        shorten_variant_names(&mut def);
        assert_eq!(names(&def), ["CustomerInfo", "CustomerInfoCustomerId"]);
        // `Other` is the fallback variant: neither it nor the full `Other` type name is used.
        let mut def = union(&["Other", "Thing"]);
        shorten_variant_names(&mut def);
        assert_eq!(names(&def), ["Variant0", "Variant1"]);
    }
}
