//! The conekta-rs code generator: Conekta's OpenAPI spec in, Rust source out.
//!
//! The pipeline has no I/O: the caller reads the spec and the patch file and
//! writes the returned files.
//!
//! 1. [`patch`]: documented corrections are applied to the spec as JSON.
//! 2. `lower`: the patched spec (parsed by `openapiv3`) becomes an [`ir::Api`]
//!    of named types and operations; aliases are resolved, identical types merged
//!    and the [`Overrides`] applied, so that each concept has one type.
//! 3. [`features`]: when the override table asks for it, each type gets the
//!    Cargo features that compile it: those of the tags whose operations reach it.
//! 4. `emit`: the IR becomes token streams (`quote`), pretty-printed by `prettyplease`.

mod emit;
mod error;
pub mod evidence;
pub mod features;
pub mod ir;
mod lower;
mod naming;
pub mod overrides;
pub mod patch;

pub use emit::{MCP_DIR, SDK_DIR, TESTS_DIR};
pub use error::{Error, Warning};
pub use features::FeatureTable;
pub use overrides::{External, Features, Mcp, Money, Overrides};

/// One generated file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path relative to the workspace root, with `/` separators.
    pub path: String,
    /// The file's contents.
    pub contents: String,
}

/// The result of a generation.
#[derive(Debug)]
pub struct Output {
    /// Every generated file, sorted by path.
    pub files: Vec<GeneratedFile>,
    /// What a reviewer should know (renamed types, untyped values…).
    pub warnings: Vec<Warning>,
    /// The lowered API, for reporting.
    pub api: ir::Api,
    /// The tag features for the SDK's `Cargo.toml`, when the override table
    /// has a `features` section.
    pub features: Option<FeatureTable>,
}

/// Reads the spec (YAML or JSON), applies the patches (a YAML list, see [`patch`]) and
/// parses the result as OpenAPI.
pub fn parse(spec: &str, patches: &str) -> Result<openapiv3::OpenAPI, Error> {
    let mut doc: serde_json::Value = serde_yaml::from_str(spec).map_err(|source| Error::Yaml {
        what: "the spec",
        source,
    })?;
    patch::apply(&mut doc, &patch::parse(patches)?)?;
    serde_json::from_value(doc).map_err(Error::OpenApi)
}

/// Lowers a spec, its patches and the override table (YAML, see
/// [`Overrides`]) into the types and operations the SDK is generated from,
/// with the warnings a reviewer should see.
pub fn api(
    spec: &str,
    patches: &str,
    overrides: &Overrides,
) -> Result<(ir::Api, Vec<Warning>), Error> {
    lower::lower(&parse(spec, patches)?, overrides)
}

/// Generates the SDK's sources from a spec, its patches and the override table
/// (YAML, see [`Overrides`]).
pub fn generate(spec: &str, patches: &str, overrides: &str) -> Result<Output, Error> {
    let overrides = Overrides::parse(overrides)?;
    let (api, mut warnings) = api(spec, patches, &overrides)?;
    let gates = features::Gates::compute(&api, &overrides, &mut warnings)?;
    warnings.sort();
    let files = emit::emit(&api, gates.as_ref(), overrides.mcp.as_ref())?;
    Ok(Output {
        files,
        warnings,
        api,
        features: gates.as_ref().map(features::Gates::table),
    })
}
