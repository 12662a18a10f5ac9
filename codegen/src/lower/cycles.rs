//! Boxes the fields that would make a type infinitely sized, and only those.

use crate::ir::{TypeDef, TypeKind, TypeRef};
use std::collections::{BTreeSet, HashMap};

/// The named types a type holds by value (not behind `Vec` or a map).
fn by_value(def: &TypeDef) -> Vec<&str> {
    fn direct(ty: &TypeRef) -> Option<&str> {
        match ty {
            TypeRef::Named(name) => Some(name.as_str()),
            _ => None,
        }
    }
    match &def.kind {
        TypeKind::Struct { fields, .. } => fields.iter().filter_map(|f| direct(&f.ty)).collect(),
        TypeKind::Tagged { variants, .. } | TypeKind::Untagged { variants } => {
            variants.iter().filter_map(|v| direct(&v.ty)).collect()
        }
        TypeKind::Alias(ty) => direct(ty).into_iter().collect(),
        TypeKind::Enum { .. } => Vec::new(),
    }
}

/// Whether `from` reaches `target` through by-value edges.
fn reaches(index: &HashMap<&str, &TypeDef>, from: &str, target: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from];
    while let Some(name) = stack.pop() {
        if name == target {
            return true;
        }
        if seen.insert(name) {
            if let Some(def) = index.get(name) {
                stack.extend(by_value(def));
            }
        }
    }
    false
}

/// Wraps in `Box` each by-value reference that leads back to its own type.
pub fn box_recursive_fields(types: &mut [TypeDef]) {
    let mut to_box: Vec<(usize, usize)> = Vec::new();
    {
        let index: HashMap<&str, &TypeDef> = types.iter().map(|t| (t.name.as_str(), t)).collect();
        for (ti, def) in types.iter().enumerate() {
            let refs: Vec<&TypeRef> = match &def.kind {
                TypeKind::Struct { fields, .. } => fields.iter().map(|f| &f.ty).collect(),
                TypeKind::Tagged { variants, .. } | TypeKind::Untagged { variants } => {
                    variants.iter().map(|v| &v.ty).collect()
                }
                _ => Vec::new(),
            };
            for (fi, ty) in refs.into_iter().enumerate() {
                if let TypeRef::Named(name) = ty {
                    if reaches(&index, name, &def.name) {
                        to_box.push((ti, fi));
                    }
                }
            }
        }
    }
    for (ti, fi) in to_box {
        let slot = match &mut types[ti].kind {
            TypeKind::Struct { fields, .. } => &mut fields[fi].ty,
            TypeKind::Tagged { variants, .. } | TypeKind::Untagged { variants } => {
                &mut variants[fi].ty
            }
            _ => continue,
        };
        let inner = std::mem::replace(slot, TypeRef::Value);
        *slot = TypeRef::Boxed(Box::new(inner));
    }
}
