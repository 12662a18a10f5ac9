//! The API changelog between two specs, for users of the crate: computed from
//! the two lowered [`Api`]s (so it speaks of what a Rust user sees: methods,
//! types, members, Cargo features), each change classified as breaking or not
//! for a Rust user, and the semver bump the whole implies.
//!
//! What is breaking (code that compiled and worked may not any more):
//!
//! - an operation, a type, a member, an enum value, a union variant, a setter,
//!   a one-call read or a constructor removed, and a Cargo feature removed;
//! - an operation's method renamed or moved to another group, a different
//!   number of path arguments, a body that becomes (or stops being) an
//!   argument, a different body or answer type, pagination gone;
//! - a member retyped, or required where it was optional (`T` for
//!   `Option<T>`) or the reverse;
//! - a required member added to a type requests send (existing builders
//!   stop building);
//! - a union variant added (unions are not `#[non_exhaustive]`: an
//!   exhaustive `match` stops compiling).
//!
//! What is not: anything added (operations, optional members, enum values
//! (enums are `#[non_exhaustive]`), setters, types, features), required
//! members added to answer-only types, a new HTTP method, path or success
//! status, deprecations, and a new API version in `Accept` (reported on top:
//! it changes what Conekta answers).

use crate::features::feature_name;
use crate::ir::{Api, Field, Operation, TypeDef, TypeKind, TypeRef};
use crate::stale::StaleEntry;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// Every change from one API to the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changelog {
    /// `info.title` of the new spec.
    pub title: String,
    /// `info.version` of the old spec.
    pub old_version: String,
    /// `info.version` of the new spec.
    pub new_version: String,
    /// The media type sent as `Accept`, before and after, when it changed.
    pub media_type: Option<(Option<String>, Option<String>)>,
    /// The changes, operations first, then types, then features, each in name order.
    pub changes: Vec<Change>,
}

/// One change.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Change {
    /// What changed.
    pub subject: Subject,
    /// Whether code that used the old API may no longer compile or work.
    pub breaking: bool,
    /// What happened, as Markdown.
    pub what: String,
}

/// What a [`Change`] is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Subject {
    /// An operation, by its `operationId`.
    Operation(String),
    /// A type, by its Rust name.
    Type(String),
    /// A Cargo feature (one per tag of the spec).
    Feature(String),
}

/// The version bump a [`Changelog`] implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bump {
    /// Nothing a Rust user sees changed.
    Patch,
    /// Additions only.
    Minor,
    /// At least one breaking change.
    Major,
}

impl Bump {
    /// The version after `current` (`0.1.0` → `0.2.0` for a major bump: a 0.x
    /// crate bumps its minor for breaking changes and its patch for the rest).
    pub fn next(self, current: &str) -> Option<String> {
        let mut parts = current.split('.').map(|p| p.parse::<u64>().ok());
        let (Some(Some(major)), Some(Some(minor)), Some(Some(patch)), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return None;
        };
        Some(match (self, major) {
            (Bump::Major, 0) => format!("0.{}.0", minor + 1),
            (Bump::Major, _) => format!("{}.0.0", major + 1),
            (Bump::Minor, 0) | (Bump::Patch, _) => format!("{major}.{minor}.{}", patch + 1),
            (Bump::Minor, _) => format!("{major}.{}.0", minor + 1),
        })
    }
}

impl Changelog {
    /// The bump the changes imply.
    pub fn bump(&self) -> Bump {
        if self.changes.iter().any(|c| c.breaking) {
            Bump::Major
        } else if self.changes.is_empty() && self.media_type.is_none() {
            Bump::Patch
        } else {
            Bump::Minor
        }
    }

    /// The breaking changes.
    pub fn breaking(&self) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(|c| c.breaking)
    }
}

/// The changes from `old` to `new`.
pub fn diff(old: &Api, new: &Api) -> Changelog {
    let mut changes = Vec::new();
    operations(old, new, &mut changes);
    types(old, new, &mut changes);
    features(old, new, &mut changes);
    changes.sort();
    Changelog {
        title: new.title.clone(),
        old_version: old.version.clone(),
        new_version: new.version.clone(),
        media_type: (old.media_type != new.media_type)
            .then(|| (old.media_type.clone(), new.media_type.clone())),
        changes,
    }
}

/// Pushes changes about one subject.
struct Log<'a> {
    changes: &'a mut Vec<Change>,
    subject: Subject,
}

impl Log<'_> {
    fn breaking(&mut self, what: String) {
        self.push(true, what);
    }

    fn compatible(&mut self, what: String) {
        self.push(false, what);
    }

    fn push(&mut self, breaking: bool, what: String) {
        self.changes.push(Change {
            subject: self.subject.clone(),
            breaking,
            what,
        });
    }
}

/// `client.orders().create_order(…)`.
fn call(op: &Operation) -> String {
    let args = if op.path_params.is_empty() && !op.body.as_ref().is_some_and(|b| b.required) {
        ""
    } else {
        "…"
    };
    format!(
        "`client.{}().{}({args})`",
        op.group.accessor, op.method_name
    )
}

fn operations(old: &Api, new: &Api, changes: &mut Vec<Change>) {
    let old_ops: BTreeMap<&str, &Operation> = old
        .operations
        .iter()
        .map(|op| (op.id.as_str(), op))
        .collect();
    let new_ops: BTreeMap<&str, &Operation> = new
        .operations
        .iter()
        .map(|op| (op.id.as_str(), op))
        .collect();
    for (id, op) in &old_ops {
        let mut log = Log {
            changes,
            subject: Subject::Operation((*id).to_owned()),
        };
        match new_ops.get(id) {
            None => log.breaking(format!(
                "removed: {} (`{} {}`) and its type `operations::{}`",
                call(op),
                op.http_method,
                op.path,
                op.builder_name
            )),
            Some(now) => operation(op, now, &mut log),
        }
    }
    for (id, op) in &new_ops {
        if !old_ops.contains_key(id) {
            Log {
                changes,
                subject: Subject::Operation((*id).to_owned()),
            }
            .compatible(format!(
                "added: {} (`{} {}`)",
                call(op),
                op.http_method,
                op.path
            ));
        }
    }
}

fn operation(old: &Operation, new: &Operation, log: &mut Log<'_>) {
    if (&old.group.accessor, &old.method_name) != (&new.group.accessor, &new.method_name) {
        log.breaking(format!("is now {} (was {})", call(new), call(old)));
    }
    if old.builder_name != new.builder_name {
        log.breaking(format!(
            "its type is `operations::{}` (was `operations::{}`)",
            new.builder_name, old.builder_name
        ));
    }
    if (&old.http_method, &old.path) != (&new.http_method, &new.path) {
        log.compatible(format!(
            "is sent as `{} {}` (was `{} {}`)",
            new.http_method, new.path, old.http_method, old.path
        ));
    }
    if old.path_params.len() != new.path_params.len() {
        log.breaking(format!(
            "takes {} path argument(s) (was {})",
            new.path_params.len(),
            old.path_params.len()
        ));
    }
    let plain = |op: &Operation| -> BTreeMap<String, (String, TypeRef)> {
        op.query_params
            .iter()
            .chain(&op.header_params)
            .filter(|p| p.role == crate::ir::ParamRole::Plain)
            .map(|p| (p.name.clone(), (p.rust_name.clone(), p.ty.clone())))
            .collect()
    };
    let (before, after) = (plain(old), plain(new));
    for (name, (setter, ty)) in &before {
        match after.get(name) {
            None => log.breaking(format!("the setter `.{setter}(…)` (`{name}`) is removed")),
            Some((now, _)) if now != setter => log.breaking(format!(
                "the setter of `{name}` is `.{now}(…)` (was `.{setter}(…)`)"
            )),
            Some((_, now)) if now != ty => log.breaking(format!(
                "the setter `.{setter}(…)` takes `{now}` (was `{ty}`)"
            )),
            Some(_) => {}
        }
    }
    for (name, (setter, ty)) in &after {
        if !before.contains_key(name) {
            log.compatible(format!("new setter `.{setter}(…)` (`{name}`, `{ty}`)"));
        }
    }
    match (&old.body, &new.body) {
        (None, Some(body)) if body.required => {
            log.breaking(format!("takes a body argument `{}`", body.ty));
        }
        (None, Some(body)) => log.compatible(format!("new setter `.body(…)` (`{}`)", body.ty)),
        (Some(_), None) => log.breaking("takes no body any more".to_owned()),
        (Some(was), Some(now)) => {
            if was.ty != now.ty {
                log.breaking(format!("its body is `{}` (was `{}`)", now.ty, was.ty));
            }
            if was.required != now.required {
                log.breaking(if now.required {
                    "its body is an argument (was the setter `.body(…)`)".to_owned()
                } else {
                    "its body is the setter `.body(…)` (was an argument)".to_owned()
                });
            }
            if was.encoding != now.encoding {
                log.compatible(format!(
                    "its body is sent as {:?} (was {:?})",
                    now.encoding, was.encoding
                ));
            }
        }
        (None, None) => {}
    }
    if old.response != new.response {
        log.breaking(format!(
            "answers `{}` (was `{}`)",
            new.response, old.response
        ));
    }
    if old.success_status != new.success_status {
        log.compatible(format!(
            "succeeds with {} (was {})",
            new.success_status, old.success_status
        ));
    }
    match (&old.pagination, &new.pagination) {
        (Some(_), None) => log.breaking("is no longer paginated (`.into_stream()` is gone)".into()),
        (None, Some(_)) => {
            log.compatible("is paginated: `.into_stream()`, `.collect_max(n)`".into())
        }
        _ => {}
    }
    if !old.deprecated && new.deprecated {
        log.compatible("is deprecated".into());
    }
}

/// A member's Rust type: `Option<T>` when optional.
fn member_type(field: &Field) -> String {
    if field.required {
        field.ty.to_string()
    } else {
        format!("Option<{}>", field.ty)
    }
}

fn types(old: &Api, new: &Api, changes: &mut Vec<Change>) {
    let old_types: BTreeMap<&str, &TypeDef> = old
        .types
        .iter()
        .map(|def| (def.name.as_str(), def))
        .collect();
    let new_types: BTreeMap<&str, &TypeDef> = new
        .types
        .iter()
        .map(|def| (def.name.as_str(), def))
        .collect();
    let sent = new.sent_types();
    // Where each schema went: the new type whose source or merged sources it is.
    let mut by_source: BTreeMap<&str, &str> = BTreeMap::new();
    for def in &new.types {
        for source in std::iter::once(&def.source).chain(&def.also) {
            by_source.entry(source.as_str()).or_insert(&def.name);
        }
    }
    // What took a removed type's place in a member that both APIs have.
    let mut replaced: BTreeMap<&str, (&str, String)> = BTreeMap::new();
    for (name, def) in &old_types {
        let (Some(now), TypeKind::Struct { fields, .. }) = (new_types.get(name), &def.kind) else {
            continue;
        };
        let TypeKind::Struct {
            fields: now_fields, ..
        } = &now.kind
        else {
            continue;
        };
        for field in fields {
            let Some(now_field) = now_fields.iter().find(|f| f.json_name == field.json_name) else {
                continue;
            };
            if let (Some(was), Some(is)) = (field.ty.named(), now_field.ty.named()) {
                if was != is && !new_types.contains_key(was) {
                    replaced
                        .entry(was)
                        .or_insert((is, format!("{name}.{}", field.rust_name)));
                }
            }
        }
    }
    for (name, def) in &old_types {
        let mut log = Log {
            changes,
            subject: Subject::Type((*name).to_owned()),
        };
        match new_types.get(name) {
            None => {
                let merged = std::iter::once(&def.source)
                    .chain(&def.also)
                    .find_map(|source| by_source.get(source.as_str()));
                log.breaking(match (merged, replaced.get(name)) {
                    (Some(to), _) => format!("removed: its schema is now part of `{to}`"),
                    (None, Some((to, member))) => {
                        format!("removed: `{to}` takes its place (in `{member}`)")
                    }
                    (None, None) => "removed".to_owned(),
                });
            }
            Some(now) => type_def(def, now, sent.contains(name), &mut log),
        }
    }
    for (name, def) in &new_types {
        if !old_types.contains_key(name) {
            let kind = match def.kind {
                TypeKind::Struct { .. } => "struct",
                TypeKind::Enum { .. } => "enum",
                TypeKind::Tagged { .. } | TypeKind::Untagged { .. } => "union",
                TypeKind::Alias(_) => "alias",
            };
            Log {
                changes,
                subject: Subject::Type((*name).to_owned()),
            }
            .compatible(format!("added ({kind}, from `{}`)", def.source));
        }
    }
}

fn type_def(old: &TypeDef, new: &TypeDef, sent: bool, log: &mut Log<'_>) {
    match (&old.kind, &new.kind) {
        (
            TypeKind::Struct {
                fields: was,
                additional: was_extra,
                ..
            },
            TypeKind::Struct {
                fields: now,
                additional: now_extra,
                ..
            },
        ) => {
            members(was, now, sent, log);
            if was_extra != now_extra {
                let show = |ty: &Option<TypeRef>| {
                    ty.as_ref()
                        .map_or_else(|| "any JSON value".to_owned(), |t| format!("`{t}`"))
                };
                log.breaking(format!(
                    "its undeclared members are {} (was {})",
                    show(now_extra),
                    show(was_extra)
                ));
            }
        }
        (TypeKind::Enum { variants: was }, TypeKind::Enum { variants: now }) => {
            let before: BTreeMap<&str, &str> = was
                .iter()
                .map(|v| (v.value.as_str(), v.rust_name.as_str()))
                .collect();
            let after: BTreeMap<&str, &str> = now
                .iter()
                .map(|v| (v.value.as_str(), v.rust_name.as_str()))
                .collect();
            for (value, variant) in &before {
                match after.get(value) {
                    None => log.breaking(format!(
                        "value `{value}` removed (the variant `{variant}`; it now decodes to `Unknown`)"
                    )),
                    Some(now) if now != variant => log.breaking(format!(
                        "value `{value}` is the variant `{now}` (was `{variant}`)"
                    )),
                    Some(_) => {}
                }
            }
            for (value, variant) in &after {
                if !before.contains_key(value) {
                    log.compatible(format!(
                        "value `{value}` added: the variant `{variant}` (it decoded to `Unknown(\"{value}\")` before)"
                    ));
                }
            }
        }
        (
            TypeKind::Tagged { variants: was, .. } | TypeKind::Untagged { variants: was },
            TypeKind::Tagged { variants: now, .. } | TypeKind::Untagged { variants: now },
        ) => {
            let key = |v: &crate::ir::UnionVariant| v.tag.clone().unwrap_or(v.rust_name.clone());
            let before: BTreeMap<String, _> = was.iter().map(|v| (key(v), v)).collect();
            let after: BTreeMap<String, _> = now.iter().map(|v| (key(v), v)).collect();
            for (tag, variant) in &before {
                match after.get(tag) {
                    None => log.breaking(format!("variant `{}` removed", variant.rust_name)),
                    Some(now) if now.rust_name != variant.rust_name || now.ty != variant.ty => {
                        log.breaking(format!(
                            "variant `{}({})` is `{}({})`",
                            variant.rust_name, variant.ty, now.rust_name, now.ty
                        ));
                    }
                    Some(_) => {}
                }
            }
            for (tag, variant) in &after {
                if !before.contains_key(tag) {
                    log.breaking(format!(
                        "variant `{}({})` added (a `match` without a wildcard arm no longer compiles)",
                        variant.rust_name, variant.ty
                    ));
                }
            }
            if matches!(old.kind, TypeKind::Tagged { .. })
                != matches!(new.kind, TypeKind::Tagged { .. })
            {
                log.compatible("is decoded by its discriminator now, or no longer".into());
            }
        }
        (TypeKind::Alias(was), TypeKind::Alias(now)) => {
            if was != now {
                log.breaking(format!("is `{now}` (was `{was}`)"));
            }
        }
        (was, now) => log.breaking(format!(
            "is a {} (was a {})",
            kind_name(now),
            kind_name(was)
        )),
    }
    let methods = |def: &TypeDef| -> BTreeMap<String, String> {
        def.accessors
            .iter()
            .map(|a| (a.name.clone(), format!("read `{}`", a.ty)))
            .chain(def.constructors.iter().map(|c| {
                (
                    c.name.clone(),
                    format!("constructor ({})", c.args.join(", ")),
                )
            }))
            .collect()
    };
    let (before, after) = (methods(old), methods(new));
    for (name, what) in &before {
        match after.get(name) {
            None => log.breaking(format!("`{name}()` ({what}) removed")),
            Some(now) if now != what => {
                log.breaking(format!("`{name}()` is a {now} (was a {what})"))
            }
            Some(_) => {}
        }
    }
    for (name, what) in &after {
        if !before.contains_key(name) {
            log.compatible(format!("new `{name}()` ({what})"));
        }
    }
    if !old.deprecated && new.deprecated {
        log.compatible("is deprecated".into());
    }
}

fn kind_name(kind: &TypeKind) -> &'static str {
    match kind {
        TypeKind::Struct { .. } => "struct",
        TypeKind::Enum { .. } => "enum",
        TypeKind::Tagged { .. } => "tagged union",
        TypeKind::Untagged { .. } => "union",
        TypeKind::Alias(_) => "type alias",
    }
}

fn members(was: &[Field], now: &[Field], sent: bool, log: &mut Log<'_>) {
    let before: BTreeMap<&str, &Field> = was.iter().map(|f| (f.json_name.as_str(), f)).collect();
    let after: BTreeMap<&str, &Field> = now.iter().map(|f| (f.json_name.as_str(), f)).collect();
    for (json, field) in &before {
        let Some(now) = after.get(json) else {
            log.breaking(format!(
                "member `{}` removed (`{}`)",
                field.rust_name,
                member_type(field)
            ));
            continue;
        };
        if now.rust_name != field.rust_name {
            log.breaking(format!(
                "member `{json}` is the field `{}` (was `{}`)",
                now.rust_name, field.rust_name
            ));
        }
        if now.ty != field.ty {
            log.breaking(format!(
                "member `{}` retyped: `{}` (was `{}`)",
                now.rust_name,
                member_type(now),
                member_type(field)
            ));
        } else if now.required != field.required {
            log.breaking(format!(
                "member `{}` is {}: `{}` (was `{}`)",
                now.rust_name,
                if now.required { "required" } else { "optional" },
                member_type(now),
                member_type(field)
            ));
        }
    }
    for (json, field) in &after {
        if before.contains_key(json) {
            continue;
        }
        let what = format!(
            "member `{}` added (`{}`)",
            field.rust_name,
            member_type(field)
        );
        if field.required && sent {
            log.breaking(format!(
                "{what}: required in requests, so a builder that does not set it no longer builds"
            ));
        } else {
            log.compatible(what);
        }
    }
}

fn features(old: &Api, new: &Api, changes: &mut Vec<Change>) {
    let tags = |api: &Api| -> BTreeSet<String> {
        api.operations
            .iter()
            .map(|op| feature_name(&op.group))
            .collect()
    };
    let (before, after) = (tags(old), tags(new));
    for feature in before.difference(&after) {
        Log {
            changes,
            subject: Subject::Feature(feature.clone()),
        }
        .breaking("removed (its tag has no operations left): builds that name it fail".into());
    }
    for feature in after.difference(&before) {
        Log {
            changes,
            subject: Subject::Feature(feature.clone()),
        }
        .compatible("added, for a new tag (on by default, through `all-tags`)".into());
    }
}

/// What the Markdown changelog says besides the changes.
#[derive(Debug, Clone, Default)]
pub struct Context<'a> {
    /// The old and the new spec, as Markdown (a file name, a URL, a hash).
    pub specs: (&'a str, &'a str),
    /// The crate's current version, for the next one.
    pub crate_version: Option<&'a str>,
    /// Patches and override entries that no longer apply to the new spec.
    pub stale: &'a [StaleEntry],
}

impl Changelog {
    /// The changelog as Markdown, for the crate's users.
    pub fn markdown(&self, context: &Context<'_>) -> String {
        let mut out = String::new();
        let (old_spec, new_spec) = context.specs;
        let _ = writeln!(
            out,
            "# API changes: {} {} → {}\n",
            self.title, self.old_version, self.new_version
        );
        let _ = writeln!(
            out,
            "What moving conekta-sdk from {old_spec} to {new_spec} changes for Rust code that \
             uses it. Written by `cargo xtask spec-diff` from the two specs as the generator \
             lowers them (with `spec/patches.yaml` and `spec/overrides.yaml`): each change says \
             whether code that compiled and worked before may break.\n"
        );
        let breaking = self.breaking().count();
        let bump = self.bump();
        let next = context
            .crate_version
            .and_then(|version| Some((version, bump.next(version)?)));
        let verdict = match bump {
            Bump::Major => format!("**Breaking**: {breaking} breaking change(s), a major change"),
            Bump::Minor => "**Compatible**: additions only, a minor change".to_owned(),
            Bump::Patch => "**No API change**: a patch".to_owned(),
        };
        let _ = match next {
            Some((current, next)) => writeln!(
                out,
                "{verdict}: conekta-sdk {current} → **{next}**{}.\n",
                if current.starts_with("0.") && bump != Bump::Patch {
                    " (a 0.x crate bumps its minor version for breaking changes, its patch for the rest)"
                } else {
                    ""
                }
            ),
            None => writeln!(out, "{verdict}.\n"),
        };
        if let Some((was, now)) = &self.media_type {
            let show =
                |m: &Option<String>| m.as_deref().map_or("none".to_owned(), |m| format!("`{m}`"));
            let _ = writeln!(
                out,
                "**The API version changes**: requests send `Accept: {}` (was {}). Conekta \
                 answers each request in the version it asks for.\n",
                now.as_deref().unwrap_or("none"),
                show(was)
            );
        }
        let is_op = |s: &Subject| matches!(s, Subject::Operation(_));
        let is_type = |s: &Subject| matches!(s, Subject::Type(_));
        let is_feature = |s: &Subject| matches!(s, Subject::Feature(_));
        let _ = writeln!(out, "| | with breaking changes | with other changes |");
        let _ = writeln!(out, "|---|---:|---:|");
        for (label, filter) in [
            ("operations", &is_op as &dyn Fn(&Subject) -> bool),
            ("types", &is_type),
            ("Cargo features", &is_feature),
        ] {
            let with = |breaking| {
                let subjects: BTreeSet<&Subject> = self
                    .changes
                    .iter()
                    .filter(|c| filter(&c.subject) && c.breaking == breaking)
                    .map(|c| &c.subject)
                    .collect();
                subjects.len()
            };
            let _ = writeln!(out, "| {label} | {} | {} |", with(true), with(false));
        }
        out.push('\n');
        for (title, breaking) in [("Breaking changes", true), ("Other changes", false)] {
            let changes: Vec<&Change> = self
                .changes
                .iter()
                .filter(|c| c.breaking == breaking)
                .collect();
            let _ = writeln!(out, "## {title}\n");
            if changes.is_empty() {
                out.push_str("None.\n\n");
                continue;
            }
            for (heading, filter) in [
                ("Operations", &is_op as &dyn Fn(&Subject) -> bool),
                ("Types", &is_type),
                ("Cargo features", &is_feature),
            ] {
                let mut by_subject: BTreeMap<&Subject, Vec<&str>> = BTreeMap::new();
                for change in changes.iter().filter(|c| filter(&c.subject)) {
                    by_subject
                        .entry(&change.subject)
                        .or_default()
                        .push(&change.what);
                }
                if by_subject.is_empty() {
                    continue;
                }
                let _ = writeln!(out, "### {heading}\n");
                for (subject, whats) in by_subject {
                    let name = match subject {
                        Subject::Operation(id) => format!("`{id}`"),
                        Subject::Type(name) => format!("`models::{name}`"),
                        Subject::Feature(name) => format!("feature `{name}`"),
                    };
                    if let [one] = whats.as_slice() {
                        let _ = writeln!(out, "- {name}: {one}");
                    } else {
                        let _ = writeln!(out, "- {name}:");
                        for what in whats {
                            let _ = writeln!(out, "  - {what}");
                        }
                    }
                }
                out.push('\n');
            }
        }
        if !context.stale.is_empty() {
            let _ = writeln!(
                out,
                "## Patches and overrides that no longer apply\n\n\
                 Generating from the new spec skips these entries (until they are dropped or \
                 fixed, `cargo xtask generate --check` fails); the changes above are without them.\n"
            );
            for entry in context.stale {
                let _ = writeln!(
                    out,
                    "- `{}` `{}`: {} ({})",
                    entry.file, entry.entry, entry.reason, entry.detail
                );
            }
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Bump;

    #[test]
    fn bumps_follow_semver_and_its_0x_rule() {
        assert_eq!(Bump::Major.next("0.1.0").as_deref(), Some("0.2.0"));
        assert_eq!(Bump::Minor.next("0.1.3").as_deref(), Some("0.1.4"));
        assert_eq!(Bump::Patch.next("0.1.3").as_deref(), Some("0.1.4"));
        assert_eq!(Bump::Major.next("1.4.2").as_deref(), Some("2.0.0"));
        assert_eq!(Bump::Minor.next("1.4.2").as_deref(), Some("1.5.0"));
        assert_eq!(Bump::Patch.next("1.4.2").as_deref(), Some("1.4.3"));
        assert_eq!(Bump::Major.next("1.0"), None);
    }
}
