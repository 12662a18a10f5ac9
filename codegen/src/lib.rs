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
//!
//! Patches and overrides that no longer apply to the spec (a newer one) are
//! skipped and reported ([`StaleEntry`]); [`Output::strict`] turns them into an error.
//! [`spec_diff`] compares two lowered specs: the API changelog for the crate's users.

mod emit;
mod error;
pub mod evidence;
pub mod features;
pub mod ir;
mod lower;
mod naming;
mod normalize;
pub mod overrides;
pub mod patch;
pub mod spec_diff;
pub mod stale;

pub use emit::{MCP_DIR, SDK_DIR, TESTS_DIR};
pub use error::{Error, Warning};
pub use features::FeatureTable;
pub use overrides::{External, Features, Mcp, Money, Overrides};
pub use stale::{StaleEntry, StaleReason};

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
    /// Patches and override entries that no longer apply to the spec, skipped.
    pub stale: Vec<StaleEntry>,
}

impl Output {
    /// The output, or [`Error::Stale`] naming every patch and override entry
    /// that no longer applies: what CI requires of the pinned spec.
    pub fn strict(self) -> Result<Self, Error> {
        if self.stale.is_empty() {
            Ok(self)
        } else {
            Err(Error::Stale(self.stale))
        }
    }
}

/// A spec lowered with its patches and the override table.
#[derive(Debug)]
pub struct Lowered {
    /// The types and operations the SDK is generated from.
    pub api: ir::Api,
    /// What a reviewer should know (renamed types, untyped values…).
    pub warnings: Vec<Warning>,
    /// Patches and override entries that no longer apply to the spec, skipped.
    pub stale: Vec<StaleEntry>,
}

/// Reads the spec (YAML or JSON), applies the patches (a YAML list, see [`patch`]),
/// inlines references to reusable parameters, bodies and responses, rewrites
/// OpenAPI 3.1 schema forms to their 3.0 equivalents and parses the result as
/// OpenAPI; also returns the patches that no longer apply.
pub fn parse(spec: &str, patches: &str) -> Result<(openapiv3::OpenAPI, Vec<StaleEntry>), Error> {
    let (doc, stale) = prepare(spec, patches)?;
    match serde_json::from_value(doc) {
        Ok(parsed) => Ok((parsed, stale)),
        Err(plain) => {
            // Again, tracking where: tracking slows every parse, so only a failed one pays.
            let (doc, _) = prepare(spec, patches)?;
            let path = serde_path_to_error::deserialize::<_, openapiv3::OpenAPI>(doc)
                .err()
                .map(|err| err.path().to_string())
                .unwrap_or_default();
            Err(Error::OpenApi {
                path,
                source: plain,
            })
        }
    }
}

/// The spec as JSON, patched and normalized (see [`parse`]), and the patches
/// that no longer apply.
fn prepare(spec: &str, patches: &str) -> Result<(serde_json::Value, Vec<StaleEntry>), Error> {
    let mut doc: serde_json::Value = serde_yaml::from_str(spec).map_err(|source| Error::Yaml {
        what: "the spec",
        source,
    })?;
    let stale = patch::apply(&mut doc, &patch::parse(patches)?)?;
    normalize::inline_component_refs(&mut doc)?;
    normalize::downgrade(&mut doc)?;
    Ok((doc, stale))
}

/// Lowers a spec, its patches and the override table (see [`Overrides`]) into
/// the types and operations the SDK is generated from, skipping (and
/// reporting) the patches and override entries that no longer apply.
pub fn lower(spec: &str, patches: &str, overrides: &Overrides) -> Result<Lowered, Error> {
    let (parsed, mut stale) = parse(spec, patches)?;
    let (api, warnings) = lower::lower(&parsed, overrides, &mut stale)?;
    Ok(Lowered {
        api,
        warnings,
        stale,
    })
}

/// Lowers a spec, its patches and the override table (YAML, see
/// [`Overrides`]) into the types and operations the SDK is generated from,
/// with the warnings a reviewer should see. Strict: a patch or override entry
/// that no longer applies is an [`Error::Stale`] (see [`lower`] to go on without them).
pub fn api(
    spec: &str,
    patches: &str,
    overrides: &Overrides,
) -> Result<(ir::Api, Vec<Warning>), Error> {
    let lowered = lower(spec, patches, overrides)?;
    if !lowered.stale.is_empty() {
        return Err(Error::Stale(lowered.stale));
    }
    Ok((lowered.api, lowered.warnings))
}

/// Generates the SDK's sources from a spec, its patches and the override table
/// (YAML, see [`Overrides`]). Patches and override entries that no longer
/// apply are skipped and listed in [`Output::stale`]; [`Output::strict`]
/// makes them an error.
pub fn generate(spec: &str, patches: &str, overrides: &str) -> Result<Output, Error> {
    let overrides = Overrides::parse(overrides)?;
    let Lowered {
        api,
        mut warnings,
        mut stale,
    } = lower(spec, patches, &overrides)?;
    let gates = features::Gates::compute(&api, &overrides, &mut warnings, &mut stale)?;
    warnings.sort();
    let files = emit::emit(&api, gates.as_ref(), overrides.mcp.as_ref())?;
    Ok(Output {
        files,
        warnings,
        api,
        features: gates.as_ref().map(features::Gates::table),
        stale,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_spec_that_is_not_openapi_is_an_error_naming_where() {
        let spec = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n      responses: 5\n";
        let message = super::parse(spec, "[]").unwrap_err().to_string();
        assert_eq!(
            message,
            "the spec is not an OpenAPI 3 document: at paths: invalid type: integer `5`, expected struct Responses"
        );
    }
}
