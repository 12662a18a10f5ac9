//! What can go wrong while generating, each naming where in the spec.

/// A generation failure.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The spec or the patches are not valid YAML.
    #[error("{what} is not valid YAML: {source}")]
    Yaml {
        /// Which document.
        what: &'static str,
        /// The parser's error.
        source: serde_yaml::Error,
    },
    /// The (patched) spec does not have the shape of an OpenAPI 3 document.
    #[error("the spec is not an OpenAPI 3 document: at {path}: {source}")]
    OpenApi {
        /// Where, as the parser's path (`components.schemas.x.properties`).
        path: String,
        /// What the parser expected there.
        source: serde_json::Error,
    },
    /// A patch could not be applied.
    #[error("patch {index} at {path} ({reason}): {problem}")]
    Patch {
        /// Position of the patch in the patch file, from 0.
        index: usize,
        /// The JSON pointer it targets.
        path: String,
        /// The patch's stated reason.
        reason: String,
        /// What went wrong.
        problem: String,
    },
    /// The spec uses a construct the generator does not support.
    #[error("{path}: {what} is not supported")]
    Unsupported {
        /// JSON pointer into the spec.
        path: String,
        /// The construct.
        what: String,
    },
    /// The spec is inconsistent (a dangling `$ref`, a path parameter missing from its template…).
    #[error("{path}: {problem}")]
    Invalid {
        /// JSON pointer into the spec.
        path: String,
        /// What is wrong.
        problem: String,
    },
    /// Entries of the patch file or the override table no longer apply (in
    /// strict mode, see [`crate::Output::strict`]).
    #[error("{} entr{} no longer appl{} to the spec (drop or fix each):\n  {}",
        .0.len(),
        if .0.len() == 1 { "y" } else { "ies" },
        if .0.len() == 1 { "ies" } else { "y" },
        .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n  "))]
    Stale(Vec<crate::StaleEntry>),
    /// Emitted code failed to parse: a generator bug.
    #[error("the generated code for {file} does not parse (a generator bug): {source}")]
    Syntax {
        /// The file being emitted.
        file: String,
        /// The parser's error.
        source: syn::Error,
    },
}

impl Error {
    /// An [`Error::Unsupported`] at `path`.
    pub fn unsupported(path: &str, what: impl Into<String>) -> Self {
        Error::Unsupported {
            path: path.to_owned(),
            what: what.into(),
        }
    }

    /// An [`Error::Invalid`] at `path`.
    pub fn invalid(path: &str, problem: impl Into<String>) -> Self {
        Error::Invalid {
            path: path.to_owned(),
            problem: problem.into(),
        }
    }
}

/// Something the generator did that a reviewer should know about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Warning {
    /// JSON pointer into the spec.
    pub path: String,
    /// What happened.
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}
