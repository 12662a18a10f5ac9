//! The override table (`spec/overrides.yaml`): hand-written SDK types that stand
//! for schemas, the names of types merged from several schemas, the types
//! hand-written code needs under each Cargo feature, and the domain the spec
//! leaves loose: value sets, timestamps, fields the API always sends, short
//! reads and constructors (applied by the lowering's domain pass, `lower/domain.rs`).

use crate::Error;
use indexmap::IndexMap;
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
    /// Value sets: strings the spec leaves open that Conekta enumerates, each
    /// an open enum (by name) used wherever its `fields` match.
    #[serde(default)]
    pub value_sets: IndexMap<String, ValueSet>,
    /// Integer fields that hold a Unix time, typed `crate::Timestamp`.
    #[serde(default)]
    pub timestamps: Option<Timestamps>,
    /// Response fields the API always sends, made required.
    #[serde(default)]
    pub required: Option<Required>,
    /// Method names of operations, by `operationId`: the name on the
    /// operation's group (`client.orders().capture_order(..)`), verb first,
    /// where the snake-cased `operationId` puts a noun first.
    #[serde(default)]
    pub operation_names: BTreeMap<String, String>,
    /// Short reads of nested values: type → method name → what it reads.
    #[serde(default)]
    pub accessors: BTreeMap<String, IndexMap<String, Accessor>>,
    /// Builders with some fields already set: type → function name → what it sets.
    #[serde(default)]
    pub constructors: BTreeMap<String, IndexMap<String, Constructor>>,
    /// What the MCP server's tools need that the spec cannot say: which
    /// operations move money and where their amount is, and descriptions
    /// written for a model (see [`Mcp`]).
    #[serde(default)]
    pub mcp: Option<Mcp>,
}

/// The MCP section of the table (see [`Overrides::mcp`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mcp {
    /// Operation id → how it moves money. Only these operations are guarded
    /// (asked to confirm, capped by a principal's `max_amount`); an operation
    /// that looks money-moving by its method and path but is not listed stops
    /// the generation.
    #[serde(default)]
    pub money: IndexMap<String, Money>,
    /// Operation id → what it does, for a model, where the spec's text is
    /// only a title.
    #[serde(default)]
    pub descriptions: BTreeMap<String, String>,
}

/// How an operation moves money (see [`Mcp::money`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Money {
    /// Why a call can move money, for reviewers.
    pub why: String,
    /// Where the amount (in cents) is in the tool's arguments: terms added up.
    /// A term is a path of JSON names from an argument (`body.amount`), where
    /// `name[]` takes every item of a list, optionally `* member` to multiply
    /// each by a sibling integer (`body.line_items[].unit_price * quantity`).
    /// Empty when the arguments do not say (the amount is then unknown).
    #[serde(default)]
    pub amount: Vec<String>,
    /// Terms subtracted from the amount (discounts), written like [`Money::amount`]'s.
    #[serde(default)]
    pub minus: Vec<String>,
    /// Where the currency is in the arguments (`body.currency`), if they say.
    #[serde(default)]
    pub currency: Option<String>,
}

/// Where an override applies: `Type.field` (the generated type's name, the
/// field's JSON name), or `*.field` for that field of every type that has one
/// of the right kind.
pub type FieldPattern = String;

/// A set of string values Conekta enumerates (see [`Overrides::value_sets`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueSet {
    /// What a value is, for the enum's docs.
    pub doc: String,
    /// Where the values come from (the spec's text, the fixtures, Conekta's
    /// docs), for the enum's docs.
    pub source: String,
    /// The known values, each with what it means (may be empty), in order.
    pub values: IndexMap<String, String>,
    /// The string fields (or lists of strings) typed by this set.
    pub fields: Vec<FieldPattern>,
}

/// Integer fields holding a Unix time (see [`Overrides::timestamps`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timestamps {
    /// Why these fields are times.
    pub reason: String,
    /// The fields; a `*.field` pattern types the integer fields of that name only.
    pub fields: Vec<FieldPattern>,
}

/// Response fields made required (see [`Overrides::required`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Required {
    /// The rule they were chosen by, and the evidence.
    pub reason: String,
    /// Published payloads beyond Conekta's mock that the evidence test walks
    /// too (files of `tests/fixtures/published/`), grouped by where they come from.
    #[serde(default)]
    pub evidence: Vec<EvidenceSource>,
    /// Type name → JSON names of the fields that are always sent.
    pub fields: BTreeMap<String, Vec<String>>,
}

/// Payloads from one published source (see [`Required::evidence`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceSource {
    /// Where they were published: a URL, or a repository, path and commit.
    pub source: String,
    /// Their file names in `tests/fixtures/published/`.
    pub files: Vec<String>,
}

/// A method that reads a nested value in one call (see [`Overrides::accessors`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accessor {
    /// The method's docs.
    pub doc: String,
    /// The steps from the type to the value, separated by `.`: field JSON
    /// names, and for a union the tag (or variant name) of the variant to take.
    pub path: String,
}

/// A function that returns a builder with some fields already set (see
/// [`Overrides::constructors`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Constructor {
    /// The function's docs.
    pub doc: String,
    /// Fields (JSON names) the function takes as arguments, in order.
    #[serde(default)]
    pub args: Vec<String>,
    /// Fields (JSON names) set to fixed values: strings (an enum's wire
    /// value), integers or booleans.
    #[serde(default)]
    pub set: IndexMap<String, serde_json::Value>,
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
