//! Emits the model types: one file per component schema, with its inline
//! types, and `models/mod.rs`. Each kind of type has its template:
//! [`structs`](super::structs) (with [`builders`](super::builders) and
//! [`serde`](super::serde)), [`unions`](super::unions), [`enums`](super::enums);
//! [`accessors`](super::accessors) are the override table's one-call reads.

use super::common::{cfg, doc_attrs, ident, render_with, type_tokens};
use super::{accessors, enums, structs, unions};
use crate::Error;
use crate::GeneratedFile;
use crate::features::{Gate, Gates};
use crate::ir::{Preset, Step, TypeDef, TypeKind, TypeRef};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::{BTreeMap, BTreeSet};

/// Emits `models/mod.rs` and one file per module under `dir`; `externals`, the
/// hand-written types that stand for schemas, are re-exported there too. With
/// `gates`, each module and re-export is compiled only under its features.
pub fn emit(
    types: &[TypeDef],
    built: &BTreeSet<&str>,
    externals: &BTreeSet<&str>,
    dir: &str,
    gates: Option<&Gates>,
) -> Result<Vec<GeneratedFile>, Error> {
    let mut modules: BTreeMap<&str, Vec<&TypeDef>> = BTreeMap::new();
    for def in types {
        modules.entry(def.module.as_str()).or_default().push(def);
    }
    // The structs a request can carry have builders; those only answers carry
    // decode through private slots and have none.
    let structs: BTreeSet<&str> = types
        .iter()
        .filter(|def| {
            matches!(def.kind, TypeKind::Struct { .. }) && built.contains(def.name.as_str())
        })
        .map(|def| def.name.as_str())
        .collect();
    let mut files = Vec::new();
    for (module, defs) in &modules {
        let mut file = ModelFile {
            structs: &structs,
            layouts: Vec::new(),
            undocumented: false,
        };
        let mut uses: BTreeSet<&str> = BTreeSet::new();
        let local: BTreeSet<&str> = defs.iter().map(|d| d.name.as_str()).collect();
        let mut items = TokenStream::new();
        for def in defs {
            collect_refs(def, &mut uses);
            items.extend(file.type_def(def));
        }
        let imports: Vec<_> = uses.difference(&local).map(|n| ident(n)).collect();
        let imports = (!imports.is_empty()).then(|| quote!(use super::{#(#imports),*};));
        let allow = file.undocumented.then(|| {
            quote!(#![allow(missing_docs, reason = "fields the spec does not describe have no docs")])
        });
        files.push(GeneratedFile {
            path: format!("{dir}/{module}.rs"),
            contents: render_with(module, quote!(#allow #imports #items), &file.layouts)?,
        });
    }
    files.push(GeneratedFile {
        path: format!("{dir}/mod.rs"),
        contents: mod_rs(&modules, externals, gates)?,
    });
    Ok(files)
}

/// `models/mod.rs`: the modules and their re-exports, one `cfg` per gate
/// (a module's types share its gate, see `crate::features`), laid out as text.
fn mod_rs(
    modules: &BTreeMap<&str, Vec<&TypeDef>>,
    externals: &BTreeSet<&str>,
    gates: Option<&Gates>,
) -> Result<String, Error> {
    let gate_of = |name: &str| gates.and_then(|gates| gates.of(name));
    let mut by_gate: BTreeMap<Option<&Gate>, Vec<String>> = BTreeMap::new();
    for (module, defs) in modules {
        by_gate
            .entry(gate_of(&defs[0].name))
            .or_default()
            .push(module_ident(module).to_string());
    }
    let mut text = String::from(MODULES_MACRO);
    for (gate, modules) in &by_gate {
        text.push_str("modules! {\n");
        let cfg = cfg(*gate);
        if !cfg.is_empty() {
            let item = render_with("models/mod.rs", quote!(#cfg fn gated() {}), &[])?;
            let attr = item
                .lines()
                .skip_while(|line| !line.starts_with("#["))
                .take_while(|line| !line.starts_with("fn gated"));
            for line in attr {
                text.push_str(&format!("    {line}\n"));
            }
        }
        for line in wrap(modules, 92) {
            text.push_str(&format!("    {line}\n"));
        }
        text.push_str("}\n");
    }
    let externals = externals.iter().map(|name| {
        let cfg = cfg(gate_of(name));
        let name = ident(name);
        quote!(#cfg pub use crate::#name;)
    });
    let externals = render_with("models/mod.rs", quote!(#(#externals)*), &[])?;
    let externals = externals
        .strip_prefix(super::common::HEADER)
        .unwrap_or(&externals);
    Ok(format!("{}{text}{externals}", super::common::HEADER))
}

/// The macro `models/mod.rs` declares its modules with.
const MODULES_MACRO: &str = "\
/// Declares modules that share one `cfg` (if any) and re-exports their types.
macro_rules! modules {
    (#[$gate:meta] $($module:ident),+ $(,)?) => {
        $( #[$gate] mod $module; #[$gate] pub use $module::*; )+
    };
    ($($module:ident),+ $(,)?) => {
        $( mod $module; pub use $module::*; )+
    };
}
";

/// `names`, comma-separated, in lines of at most `width` characters.
fn wrap(names: &[String], width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let item = if i + 1 < names.len() {
            format!("{name},")
        } else {
            name.clone()
        };
        match lines.last_mut() {
            Some(line) if line.len() + 1 + item.len() <= width => {
                line.push(' ');
                line.push_str(&item);
            }
            _ => lines.push(item),
        }
    }
    lines
}

/// A module name as an identifier (a keyword such as `match` becomes `r#match`).
pub(super) fn module_ident(module: &str) -> proc_macro2::Ident {
    ident(&crate::naming::snake(module))
}

/// The names a type's file must import: the types its fields, variants,
/// accessors and constructors mention.
fn collect_refs<'a>(def: &'a TypeDef, into: &mut BTreeSet<&'a str>) {
    into.extend(def.kind.type_refs().into_iter().filter_map(TypeRef::named));
    for accessor in &def.accessors {
        into.extend(accessor.ty.named());
        let steps = std::iter::once(&accessor.steps).chain(&accessor.alternatives);
        into.extend(steps.flatten().filter_map(|step| match step {
            Step::Variant { union, .. } => Some(union.as_str()),
            Step::Field { .. } => None,
        }));
    }
    for constructor in &def.constructors {
        into.extend(
            constructor
                .set
                .iter()
                .filter_map(|(_, preset)| match preset {
                    Preset::Variant(ty, _) => Some(ty.as_str()),
                    _ => None,
                }),
        );
    }
}

/// Where a type comes from, for its docs: `schema `x``, the inline schema's
/// pointer, or the override table's entry.
fn origin(source: &str) -> String {
    if let Some(schema) = source.strip_prefix("#/components/schemas/") {
        return format!("schema `{schema}`");
    }
    match source.split_once("#/") {
        Some((file, entry)) if !file.is_empty() => {
            format!("`{}` in `{file}`", entry.replace('/', "."))
        }
        _ => format!("the inline schema at `{source}`"),
    }
}

/// One model file being emitted: what its templates share.
pub(super) struct ModelFile<'a> {
    /// The struct types that have builders: those a request can carry
    /// (unions convert from their builders).
    pub structs: &'a BTreeSet<&'a str>,
    /// Macro input laid out by the emitter (see `common::render_with`).
    pub layouts: Vec<String>,
    /// Whether a field has no docs (the file then allows `missing_docs`).
    pub undocumented: bool,
}

impl ModelFile<'_> {
    /// The tokens for one type and its impls.
    fn type_def(&mut self, def: &TypeDef) -> TokenStream {
        let mut docs = def.docs.clone();
        if let Some(schema) = def.source.strip_prefix("#/components/schemas/") {
            if docs.title.as_deref() == Some(schema) {
                docs.title = None;
            }
        }
        let mut origins = vec![origin(&def.source)];
        origins.extend(def.also.iter().map(|source| origin(source)));
        // The origin, and the builder's link (not escaped as the spec's text is).
        let mut from = format!(" From {}", origins.join(", "));
        if self.structs.contains(def.name.as_str()) {
            from.push_str(&format!("; build one with [`{}::builder`]", def.name));
        }
        from.push('.');
        let spec_docs = doc_attrs(&docs, &[]);
        let gap = (!spec_docs.is_empty()).then(|| quote!(#[doc = ""]));
        let docs = quote!(#spec_docs #gap #[doc = #from]);
        let deprecated = def.deprecated.then(|| quote!(#[deprecated]));
        let name = ident(&def.name);
        let reads = accessors::emit(def);
        match &def.kind {
            TypeKind::Struct { .. } => {
                let body = structs::emit(self, def);
                quote!(#docs #deprecated #body #reads)
            }
            TypeKind::Enum { variants } => enums::emit(&name, &docs, &deprecated, variants),
            TypeKind::Tagged { property, variants } => {
                let attrs = quote!(#docs #deprecated);
                let union = unions::tagged(attrs, &name, property, variants, self.structs);
                quote!(#union #reads)
            }
            TypeKind::Untagged { variants } => {
                let union = unions::untagged(&name, variants, self.structs);
                quote!(#docs #deprecated #union #reads)
            }
            TypeKind::Alias(ty) => {
                let ty = type_tokens(ty);
                quote!(#docs #deprecated pub type #name = #ty;)
            }
        }
    }
}
