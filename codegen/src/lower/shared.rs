//! Passes over the lowered types that make one definition per concept:
//! schemas that a hand-written SDK type stands for, aliases replaced by what
//! they name, structurally identical types merged into one, and the names
//! chosen in the override table.

use crate::ir::{Docs, Operation, TypeDef, TypeKind, TypeRef};
use crate::naming;
use crate::{Error, Overrides, Warning};
use std::collections::{BTreeMap, HashMap};

/// Applies every pass, in order. `externals` maps generated type names to the
/// hand-written types that replace them.
pub fn apply(
    types: &mut Vec<TypeDef>,
    operations: &mut [Operation],
    externals: BTreeMap<String, String>,
    overrides: &Overrides,
    warnings: &mut Vec<Warning>,
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
    rename(types, operations, &overrides.names)?;
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
/// `PaymentMethodGeneralRequest` become `Card` and `General`.
fn shorten_variant_names(def: &mut TypeDef) {
    let TypeKind::Untagged { variants } = &mut def.kind else {
        return;
    };
    for variant in variants.iter_mut() {
        if let TypeRef::Named(name) = &variant.ty {
            variant.rust_name = name.clone();
        }
    }
    let words: Vec<Vec<&str>> = variants.iter().map(|v| camel_words(&v.rust_name)).collect();
    let Some(first) = words.first() else { return };
    if words.len() < 2 {
        return;
    }
    let prefix = (0..first.len())
        .take_while(|&i| words.iter().all(|w| w.get(i) == first.get(i)))
        .count();
    let suffix = (0..first.len())
        .take_while(|&i| {
            words
                .iter()
                .all(|w| w.len() > i && w[w.len() - 1 - i] == first[first.len() - 1 - i])
        })
        .count();
    let short: Vec<String> = words
        .iter()
        .map(|w| {
            w[prefix.min(w.len())..w.len().saturating_sub(suffix).max(prefix.min(w.len()))].concat()
        })
        .collect();
    let usable = short
        .iter()
        .all(|s| s.starts_with(|c: char| c.is_ascii_uppercase()))
        && short
            .iter()
            .enumerate()
            .all(|(i, s)| !short[..i].contains(s))
        && !short.iter().any(|s| s == "Other" || s == "Unknown");
    if usable {
        for (variant, name) in variants.iter_mut().zip(short) {
            variant.rust_name = name;
        }
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
) -> Result<(), Error> {
    let mut replace = HashMap::new();
    for (from, to) in names {
        if types.iter().any(|def| &def.name == to) {
            return Err(Error::invalid(
                "spec/overrides.yaml",
                format!("cannot rename `{from}` to `{to}`: a type is already called `{to}`"),
            ));
        }
        let Some(def) = types.iter_mut().find(|def| &def.name == from) else {
            return Err(Error::invalid(
                "spec/overrides.yaml",
                format!("no generated type `{from}` to rename"),
            ));
        };
        def.name = to.clone();
        def.module = naming::snake(to).trim_start_matches("r#").to_owned();
        replace.insert(from.clone(), TypeRef::Named(to.clone()));
    }
    resolve_all(types, operations, &replace);
    Ok(())
}
