//! The override table (`spec/overrides.yaml`): hand-written SDK types that stand
//! for schemas, and the names of types merged from several schemas.

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
