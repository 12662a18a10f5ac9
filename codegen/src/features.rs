//! Cargo features per tag: which features compile each generated type.
//!
//! Every tag of the spec is a feature named like its client accessor (`orders`
//! for `client.orders()`). A type is compiled under every feature whose roots
//! reach it:
//!
//! - a tag's roots are the types its operations name (path, query and header
//!   parameters, bodies, responses, page items: [`Operation::type_refs`]);
//! - a hand-written feature's roots, and the `always` roots that no feature
//!   gates, are listed in the override table ([`Features`]).
//!
//! Reaching follows what a type holds ([`TypeKind::type_refs`]: fields, the
//! catch-all map's values, list items, map values, union variants, aliases),
//! the generated types a hand-written type uses ([`External::uses`]), and the
//! other types of the type's module: a module compiles as a whole, so all its
//! types share one gate. Anything a compiled type mentions (a field's type, a
//! `From` of a union's variant) is then compiled under at least the same
//! features, so the gate of a module is the only `cfg` its items need.
//!
//! [`TypeKind::type_refs`]: crate::ir::TypeKind::type_refs
//! [`External::uses`]: crate::External::uses

use crate::ir::{Api, Group, Operation, TypeRef};
use crate::stale::{OVERRIDES, StaleEntry, StaleReason};
use crate::{Error, Warning};
use crate::{Features, Overrides};
use std::collections::{BTreeMap, BTreeSet};

/// The feature that turns every tag's feature on (listed in `default`).
pub const ALL_TAGS: &str = "all-tags";
/// Feature names the table cannot give a tag or a hand-written feature.
const RESERVED: &[&str] = &["default", ALL_TAGS];

/// Under which features a type is compiled.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gate {
    /// Reached from an `always` root: compiled whatever the features.
    Always,
    /// Compiled when any of these features is on; empty for a type that no
    /// operation and no hand-written code reaches, which is never compiled.
    Any(BTreeSet<String>),
}

/// The gate of every type (generated and hand-written) and the tag features.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gates {
    /// Every named type's and hand-written type's gate, by Rust name.
    gates: BTreeMap<String, Gate>,
    /// The features of the tags, by feature name.
    tags: BTreeMap<String, TagFeature>,
}

/// One tag's feature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagFeature {
    /// The feature's name: the group's accessor without `r#`.
    pub name: String,
    /// The tag as written in the spec.
    pub tag: String,
    /// The accessor on the client.
    pub accessor: String,
    /// The feature is also a hand-written one, declared by hand in `Cargo.toml`.
    pub hand_written: bool,
}

/// The tag features, to write into the SDK's `Cargo.toml` (see [`FeatureTable::splice`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeatureTable {
    /// One per tag, by feature name.
    pub tags: Vec<TagFeature>,
}

/// The line that opens the generated part of the `[features]` table.
pub const BEGIN_MARKER: &str = "# @generated begin: one feature per tag of the spec";
/// The line that closes it.
pub const END_MARKER: &str = "# @generated end";

impl Gates {
    /// Computes the gates, or `None` when the override table has no `features`
    /// section (nothing is gated then). A type that nothing reaches is never
    /// compiled, with a warning. A root or a hand-written type's `uses` that
    /// names a type the spec no longer has is left out and goes to `stale`.
    pub fn compute(
        api: &Api,
        overrides: &Overrides,
        warnings: &mut Vec<Warning>,
        stale: &mut Vec<StaleEntry>,
    ) -> Result<Option<Self>, Error> {
        let Some(features) = &overrides.features else {
            return Ok(None);
        };
        let graph = Graph::new(api, overrides, stale);
        let tags = tag_features(&api.operations, features)?;

        let mut roots: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for op in &api.operations {
            let refs = op.type_refs().into_iter().filter_map(type_name);
            roots
                .entry(feature_name(&op.group))
                .or_default()
                .extend(refs);
        }
        for (feature, names) in &features.hand_written {
            check_feature_name(feature)?;
            let what = format!("features.hand_written.{feature}");
            let names = graph.known(names, &what, stale);
            roots.entry(feature.clone()).or_default().extend(names);
        }
        let always = graph.reach(graph.known(&features.always, "features.always", stale));

        let mut reached: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        for (feature, roots) in roots {
            for name in graph.reach(roots) {
                reached.entry(name).or_default().insert(feature.clone());
            }
        }
        let gates: BTreeMap<String, Gate> = graph
            .nodes()
            .map(|name| {
                let gate = if always.contains(name) {
                    Gate::Always
                } else {
                    Gate::Any(reached.remove(name).unwrap_or_default())
                };
                (name.to_owned(), gate)
            })
            .collect();
        for def in &api.types {
            if gates.get(&def.name) == Some(&Gate::Any(BTreeSet::new())) {
                warnings.push(Warning {
                    path: def.source.clone(),
                    message: format!(
                        "no operation and no hand-written code reaches `{}`: no feature compiles it",
                        def.name
                    ),
                });
            }
        }
        Ok(Some(Self { gates, tags }))
    }

    /// The gate of a generated or hand-written type.
    pub fn of(&self, name: &str) -> Option<&Gate> {
        self.gates.get(name)
    }

    /// The tag features, for `Cargo.toml`.
    pub fn table(&self) -> FeatureTable {
        FeatureTable {
            tags: self.tags.values().cloned().collect(),
        }
    }
}

/// The feature of an operation group: its accessor, without `r#`.
pub fn feature_name(group: &Group) -> String {
    group.accessor.trim_start_matches("r#").to_owned()
}

/// The name a type reference mentions, generated or hand-written.
fn type_name(ty: &TypeRef) -> Option<&str> {
    ty.named().or_else(|| ty.external())
}

/// One feature per group; a group whose feature is named like a hand-written
/// feature shares it.
fn tag_features(
    operations: &[Operation],
    features: &Features,
) -> Result<BTreeMap<String, TagFeature>, Error> {
    let mut tags = BTreeMap::new();
    for op in operations {
        let name = feature_name(&op.group);
        if tags.contains_key(&name) {
            continue;
        }
        if RESERVED.contains(&name.as_str()) {
            return Err(Error::invalid(
                &format!("tag `{}`", op.group.tag),
                format!("its feature would be `{name}`, a name Cargo or the SDK reserves"),
            ));
        }
        let feature = TagFeature {
            hand_written: features.hand_written.contains_key(&name),
            name: name.clone(),
            tag: op.group.tag.clone(),
            accessor: op.group.accessor.clone(),
        };
        tags.insert(name, feature);
    }
    Ok(tags)
}

/// A hand-written feature's name must be one Cargo accepts and not reserved.
fn check_feature_name(name: &str) -> Result<(), Error> {
    let valid = name.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'));
    if !valid || RESERVED.contains(&name) {
        return Err(Error::invalid(
            OVERRIDES,
            format!(
                "`features.hand_written` names the feature `{name}`, which is not a name it can use"
            ),
        ));
    }
    Ok(())
}

/// What each type makes reachable.
struct Graph<'a> {
    /// Type name → the names it mentions and, for a generated type, the other
    /// types of its module.
    edges: BTreeMap<&'a str, BTreeSet<&'a str>>,
}

impl<'a> Graph<'a> {
    fn new(api: &'a Api, overrides: &'a Overrides, stale: &mut Vec<StaleEntry>) -> Self {
        let mut modules: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for def in &api.types {
            modules.entry(&def.module).or_default().push(&def.name);
        }
        let mut edges: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for def in &api.types {
            let out = edges.entry(&def.name).or_default();
            out.extend(def.kind.type_refs().into_iter().filter_map(type_name));
            out.extend(&modules[def.module.as_str()]);
        }
        let mentioned = api.types.iter().flat_map(|def| def.kind.type_refs());
        let mentioned = mentioned.chain(api.operations.iter().flat_map(Operation::type_refs));
        for name in mentioned.filter_map(TypeRef::external) {
            edges.entry(name).or_default();
        }
        for (schema, external) in &overrides.external {
            let name = external.type_name.as_str();
            let out = edges.entry(name).or_default();
            for used in &external.uses {
                if api.types.iter().any(|def| &def.name == used) {
                    out.insert(used);
                } else {
                    stale.push(StaleEntry::overrides(
                        format!("external.{schema}.uses: {used}"),
                        StaleReason::TargetGone,
                        format!(
                            "no generated type is called `{used}` (the hand-written `{name}` uses it)"
                        ),
                    ));
                }
            }
        }
        Self { edges }
    }

    /// Every type name.
    fn nodes(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.edges.keys().copied()
    }

    /// `names` as nodes; a name that is no type (any more) goes to `stale`, as an
    /// entry of the section `what`.
    fn known(&self, names: &'a [String], what: &str, stale: &mut Vec<StaleEntry>) -> Vec<&'a str> {
        let mut nodes = Vec::new();
        for name in names {
            match self.edges.get_key_value(name.as_str()) {
                Some((node, _)) => nodes.push(*node),
                None => stale.push(StaleEntry::overrides(
                    format!("{what}: {name}"),
                    StaleReason::TargetGone,
                    format!("neither a generated nor a hand-written type is called `{name}`"),
                )),
            }
        }
        nodes
    }

    /// The types reachable from `roots`, the roots included.
    fn reach(&self, roots: impl IntoIterator<Item = &'a str>) -> BTreeSet<&'a str> {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<&str> = roots.into_iter().collect();
        while let Some(name) = todo.pop() {
            if seen.insert(name) {
                todo.extend(self.edges.get(name).into_iter().flatten());
            }
        }
        seen
    }
}

impl FeatureTable {
    /// The generated part of the `[features]` table, markers included: the
    /// umbrella [`ALL_TAGS`] and one empty feature per tag, except the tags
    /// whose feature is hand-written (it is declared by hand, outside the markers).
    pub fn toml(&self) -> String {
        let mut out = vec![
            BEGIN_MARKER.to_owned(),
            "# (`cargo xtask generate` writes it from the spec's tags: do not edit it by hand)."
                .to_owned(),
            "## Every tag's operations and the models they use.".to_owned(),
        ];
        out.push(format!("{ALL_TAGS} = ["));
        out.extend(self.tags.iter().map(|tag| format!("    {:?},", tag.name)));
        out.push("]".to_owned());
        for tag in &self.tags {
            let (name, tag_name, accessor) = (&tag.name, &tag.tag, &tag.accessor);
            if tag.hand_written {
                out.push(format!(
                    "# `{name}` (tag `{tag_name}`, `client.{accessor}()`): the hand-written feature of that name."
                ));
            } else {
                out.push(format!(
                    "## Operations tagged `{tag_name}` (`client.{accessor}()`) and the models they use."
                ));
                out.push(format!("{} = []", tag.name));
            }
        }
        out.push(END_MARKER.to_owned());
        out.join("\n")
    }

    /// `manifest` (a `Cargo.toml`) with the lines from [`BEGIN_MARKER`] to
    /// [`END_MARKER`] replaced by [`Self::toml`].
    pub fn splice(&self, manifest: &str, path: &str) -> Result<String, Error> {
        let lines: Vec<&str> = manifest.lines().collect();
        let find = |marker: &str| lines.iter().position(|line| line.trim_end() == marker);
        let (Some(begin), Some(end)) = (find(BEGIN_MARKER), find(END_MARKER)) else {
            return Err(Error::invalid(
                path,
                format!(
                    "the `[features]` table needs the lines `{BEGIN_MARKER}` and `{END_MARKER}`, where the tag features go"
                ),
            ));
        };
        if end < begin {
            return Err(Error::invalid(
                path,
                format!("`{END_MARKER}` comes before `{BEGIN_MARKER}`"),
            ));
        }
        let mut out: Vec<String> = lines[..begin].iter().map(|l| (*l).to_owned()).collect();
        out.push(self.toml());
        out.extend(lines[end + 1..].iter().map(|l| (*l).to_owned()));
        let mut out = out.join("\n");
        if manifest.ends_with('\n') {
            out.push('\n');
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two tags: `Pets` (a path and a query parameter, a response, an error
    /// response) and `Stores` (a body whose fields hold a map, a union and a
    /// hand-written type); `address` is shared, `orphan` reached by nothing.
    const SPEC: &str = r##"
openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /pets/{id}:
    get:
      operationId: getPet
      tags: [Pets]
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {name: kind, in: query, schema: {$ref: "#/components/schemas/kind"}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/pet"}}}}
        "404": {description: no, content: {application/json: {schema: {$ref: "#/components/schemas/problem"}}}}
  /stores:
    post:
      operationId: createStore
      tags: [Stores]
      requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/store"}}}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/store"}}}}
components:
  schemas:
    kind: {type: string, enum: [cat, dog]}
    pet:
      type: object
      properties:
        toys: {type: array, items: {$ref: "#/components/schemas/toy"}}
        home: {$ref: "#/components/schemas/address"}
    toy: {type: object, properties: {name: {type: string}}}
    address: {type: object, properties: {street: {type: string}}}
    store:
      type: object
      properties:
        address: {$ref: "#/components/schemas/address"}
        staff: {type: object, additionalProperties: {$ref: "#/components/schemas/clerk"}}
        payment: {oneOf: [{$ref: "#/components/schemas/card"}, {$ref: "#/components/schemas/cash"}]}
        note: {$ref: "#/components/schemas/note"}
    clerk: {type: object, properties: {badge: {type: integer}}}
    card: {type: object, required: [last4], properties: {last4: {type: string}}}
    cash: {type: object, required: [store], properties: {store: {type: string}}}
    note: {type: object, properties: {text: {type: string}}}
    problem: {type: object, properties: {detail: {$ref: "#/components/schemas/detail"}}}
    detail: {type: object, properties: {code: {type: string}}}
    orphan: {type: object, properties: {x: {type: string}}}
    bell: {type: object, properties: {loud: {type: boolean}}}
"##;

    /// `note` is hand-written and uses `Bell`; `alerts` is a hand-written feature.
    const OVERRIDES: &str = r#"
external:
  note: {type: Note, uses: [Bell]}
features:
  always: [Problem]
  hand_written:
    alerts: [Clerk]
"#;

    fn compute(overrides: &str) -> Result<(Gates, Vec<Warning>), Error> {
        let overrides = Overrides::parse(overrides)?;
        let (api, _) = crate::api(SPEC, "[]", &overrides)?;
        let mut warnings = Vec::new();
        let gates = Gates::compute(&api, &overrides, &mut warnings, &mut Vec::new())?;
        Ok((gates.expect("a features section"), warnings))
    }

    fn gates() -> Gates {
        compute(OVERRIDES).unwrap().0
    }

    fn any(features: &[&str]) -> Gate {
        Gate::Any(features.iter().map(|f| (*f).to_owned()).collect())
    }

    #[test]
    fn a_type_is_gated_by_the_tags_that_reach_it() {
        let gates = gates();
        // Parameters, responses, list items.
        assert_eq!(gates.of("Kind"), Some(&any(&["pets"])));
        assert_eq!(gates.of("Pet"), Some(&any(&["pets"])));
        assert_eq!(gates.of("Toy"), Some(&any(&["pets"])));
        // Bodies, map values, union variants.
        assert_eq!(gates.of("Store"), Some(&any(&["stores"])));
        assert_eq!(gates.of("StorePayment"), Some(&any(&["stores"])));
        assert_eq!(gates.of("Card"), Some(&any(&["stores"])));
        assert_eq!(gates.of("Cash"), Some(&any(&["stores"])));
        // Shared.
        assert_eq!(gates.of("Address"), Some(&any(&["pets", "stores"])));
    }

    #[test]
    fn hand_written_roots_and_uses_are_followed() {
        let gates = gates();
        assert_eq!(gates.of("Clerk"), Some(&any(&["alerts", "stores"])));
        assert_eq!(gates.of("Note"), Some(&any(&["stores"])));
        assert_eq!(gates.of("Bell"), Some(&any(&["stores"])));
    }

    #[test]
    fn always_roots_and_what_they_reach_are_not_gated() {
        let gates = gates();
        assert_eq!(gates.of("Problem"), Some(&Gate::Always));
        assert_eq!(gates.of("Detail"), Some(&Gate::Always));
    }

    #[test]
    fn a_type_nothing_reaches_is_never_compiled_with_a_warning() {
        let (gates, warnings) = compute(OVERRIDES).unwrap();
        assert_eq!(gates.of("Orphan"), Some(&any(&[])));
        let paths: Vec<&str> = warnings.iter().map(|w| w.path.as_str()).collect();
        assert_eq!(paths, ["#/components/schemas/orphan"]);
    }

    #[test]
    fn the_types_of_a_module_share_a_gate() {
        let overrides = Overrides::parse(OVERRIDES).unwrap();
        let (mut api, _) = crate::api(SPEC, "[]", &overrides).unwrap();
        // As if `orphan` were an inline type of `toy`'s schema.
        let orphan = api.types.iter_mut().find(|d| d.name == "Orphan").unwrap();
        orphan.module = "toy".to_owned();
        let gates = Gates::compute(&api, &overrides, &mut Vec::new(), &mut Vec::new())
            .unwrap()
            .unwrap();
        assert_eq!(gates.of("Orphan"), Some(&any(&["pets"])));
    }

    #[test]
    fn no_features_section_gates_nothing() {
        let overrides = Overrides::parse("names: {}").unwrap();
        let (api, _) = crate::api(SPEC, "[]", &overrides).unwrap();
        assert_eq!(
            Gates::compute(&api, &overrides, &mut Vec::new(), &mut Vec::new()).unwrap(),
            None
        );
    }

    #[test]
    fn a_hand_written_feature_named_like_a_tag_is_shared() {
        let (gates, _) = compute("features: {hand_written: {stores: [Orphan]}}").unwrap();
        assert_eq!(gates.of("Orphan"), Some(&any(&["stores"])));
        let table = gates.table();
        let stores = table.tags.iter().find(|t| t.name == "stores").unwrap();
        assert!(stores.hand_written);
        assert!(!table.toml().contains("\nstores = []"));
        assert!(table.toml().contains("    \"stores\",\n"));
    }

    #[test]
    fn roots_and_uses_naming_no_type_are_stale() {
        let stale = |overrides: &str| {
            let overrides = Overrides::parse(overrides).unwrap();
            let (api, _) = crate::api(SPEC, "[]", &overrides).unwrap();
            let mut stale = Vec::new();
            Gates::compute(&api, &overrides, &mut Vec::new(), &mut stale).unwrap();
            stale.iter().map(ToString::to_string).collect::<Vec<_>>()
        };
        assert_eq!(
            stale(
                "external: {note: {type: Note, uses: [Bell, Nope]}}\nfeatures: {always: [Gone], hand_written: {alerts: [Pet, Lost]}}"
            ),
            [
                "spec/overrides.yaml: `external.note.uses: Nope`: target gone (no generated type is called `Nope` (the hand-written `Note` uses it))",
                "spec/overrides.yaml: `features.hand_written.alerts: Lost`: target gone (neither a generated nor a hand-written type is called `Lost`)",
                "spec/overrides.yaml: `features.always: Gone`: target gone (neither a generated nor a hand-written type is called `Gone`)",
            ]
        );
    }

    #[test]
    fn bad_override_data_is_an_error_naming_it() {
        let error = |overrides: &str| compute(overrides).unwrap_err().to_string();
        for name in ["default", "all-tags", "-x", "a b", ""] {
            let message = error(&format!("features: {{hand_written: {{{name:?}: []}}}}"));
            assert!(
                message.contains("not a name it can use"),
                "{name}: {message}"
            );
        }
        assert!(error("features: {sometimes: []}").contains("unknown field `sometimes`"));
    }

    #[test]
    fn a_tag_named_like_a_reserved_feature_is_an_error() {
        let spec = SPEC.replace("tags: [Pets]", "tags: [Default]");
        let overrides = Overrides::parse(OVERRIDES).unwrap();
        let (api, _) = crate::api(&spec, "[]", &overrides).unwrap();
        let error = Gates::compute(&api, &overrides, &mut Vec::new(), &mut Vec::new()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "tag `Default`: its feature would be `default`, a name Cargo or the SDK reserves"
        );
    }

    #[test]
    fn the_table_is_spliced_between_the_markers() {
        let table = gates().table();
        let names: Vec<&str> = table.tags.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["pets", "stores"]);
        let manifest =
            format!("[features]\na = []\n{BEGIN_MARKER}\nold = []\n{END_MARKER}\nb = []\n");
        let spliced = table.splice(&manifest, "Cargo.toml").unwrap();
        assert_eq!(
            spliced,
            format!("[features]\na = []\n{}\nb = []\n", table.toml())
        );
        assert_eq!(table.splice(&spliced, "Cargo.toml").unwrap(), spliced);
        assert!(table.toml().contains(
            "## Operations tagged `Pets` (`client.pets()`) and the models they use.\npets = []"
        ));
        let missing = table.splice("[features]\n", "Cargo.toml").unwrap_err();
        assert!(
            missing
                .to_string()
                .starts_with("Cargo.toml: the `[features]` table needs")
        );
        let reversed = format!("{END_MARKER}\n{BEGIN_MARKER}\n");
        assert!(table.splice(&reversed, "Cargo.toml").is_err());
    }
}
