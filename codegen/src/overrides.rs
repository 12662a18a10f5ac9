//! The override table (`spec/overrides.yaml`): hand-written SDK types that stand
//! for schemas, the names of types merged from several schemas, and the types
//! hand-written code needs under each Cargo feature.

use crate::Error;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Choices the spec cannot express, applied after lowering.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    /// Component schema name → the hand-written type at the SDK's crate root that
    /// is used wherever the schema is (e.g. `event_response: {type: Event}`). The
    /// schema gets no generated type.
    #[serde(default)]
    pub external: BTreeMap<String, External>,
    /// Generated type name → the name to give it instead; for types shared by
    /// several schemas, whose default name is the shortest of theirs.
    #[serde(default)]
    pub names: BTreeMap<String, String>,
    /// One Cargo feature per tag, and what hand-written code needs (see
    /// [`Features`]); without this section nothing is gated.
    #[serde(default)]
    pub features: Option<Features>,
}

/// The roots of the feature gating that are not operations: the types that
/// hand-written code names. Each is a generated type's name (after
/// [`Overrides::names`]) or a hand-written type's ([`External::type_name`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Features {
    /// Types the runtime needs whatever the features (e.g. the decoded error
    /// body of `Error::Api`): they and what they use are never gated.
    #[serde(default)]
    pub always: Vec<String>,
    /// Hand-written features (declared by hand in the SDK's `Cargo.toml`) →
    /// the types their code uses. A tag whose feature has the same name shares
    /// the feature.
    #[serde(default)]
    pub hand_written: BTreeMap<String, Vec<String>>,
}

/// A hand-written type that stands for a schema.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct External {
    /// Its name at the SDK's crate root.
    #[serde(rename = "type")]
    pub type_name: String,
    /// A minimal JSON value of it, for the generated request-shape tests
    /// (default `{}`): the hand-written type may require what the schema does not.
    #[serde(default)]
    pub sample: Option<serde_json::Value>,
    /// The generated types its hand-written code uses: whatever feature
    /// compiles it compiles them (see [`Features`]).
    #[serde(default)]
    pub uses: Vec<String>,
}

impl Overrides {
    /// Parses the YAML table; an empty document is an empty table.
    pub fn parse(yaml: &str) -> Result<Self, Error> {
        if yaml.trim().is_empty() {
            return Ok(Self::default());
        }
        serde_yaml::from_str::<Option<Self>>(yaml)
            .map(Option::unwrap_or_default)
            .map_err(|source| Error::Yaml {
                what: "the override table",
                source,
            })
    }
}
