//! [`BuildError`]: why a model builder could not make its value.

use std::fmt;

/// A model builder was missing required fields or was given values it
/// cannot use; nothing was sent.
///
/// It names every problem, each by its path from the outermost builder down,
/// e.g. `line_items[0].unit_price`. Builders passed to an operation (for
/// instance `client.orders().create_order(OrderRequest::builder()…)`) report
/// this as [`Error::InvalidRequest`](crate::Error::InvalidRequest) when the
/// request is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildError {
    /// At least one.
    problems: Vec<Problem>,
}

/// One field that is missing or has a value that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Problem {
    path: Vec<Segment>,
    reason: BuildErrorReason,
}

/// One step of a [`BuildError`]'s path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Field(String),
    Index(usize),
}

/// What is wrong with the value a [`BuildError`] points at.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BuildErrorReason {
    /// A required field was never set.
    Missing,
    /// The value given cannot be used (e.g. `metadata` that is not a JSON object).
    Invalid(String),
}

impl Problem {
    fn path(&self) -> String {
        let mut out = String::new();
        for segment in &self.path {
            match segment {
                Segment::Field(name) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(name);
                }
                Segment::Index(index) => out.push_str(&format!("[{index}]")),
            }
        }
        out
    }
}

impl BuildError {
    fn one(field: &str, reason: BuildErrorReason) -> Self {
        Self {
            problems: vec![Problem {
                path: vec![Segment::Field(field.to_owned())],
                reason,
            }],
        }
    }

    /// The required field `field` was not set.
    pub fn missing(field: &str) -> Self {
        Self::one(field, BuildErrorReason::Missing)
    }

    /// The value of `field` cannot be used, for `reason`.
    pub fn invalid(field: &str, reason: impl Into<String>) -> Self {
        Self::one(field, BuildErrorReason::Invalid(reason.into()))
    }

    /// The same problems, seen from the builder that holds `field`.
    #[must_use]
    pub fn within(mut self, field: &str) -> Self {
        for problem in &mut self.problems {
            problem.path.insert(0, Segment::Field(field.to_owned()));
        }
        self
    }

    /// The same problems, seen from the list that holds them at `index`.
    #[must_use]
    pub fn at(mut self, index: usize) -> Self {
        for problem in &mut self.problems {
            problem.path.insert(0, Segment::Index(index));
        }
        self
    }

    /// Whether a problem lies in `field` (or in what it holds).
    pub(crate) fn concerns(&self, field: &str) -> bool {
        self.problems
            .iter()
            .any(|p| matches!(p.path.first(), Some(Segment::Field(name)) if name == field))
    }

    /// These problems and `other`'s, in that order.
    #[must_use]
    pub(crate) fn and(mut self, other: Self) -> Self {
        self.problems.extend(other.problems);
        self
    }

    /// The first problem's path from the outermost builder, e.g.
    /// `line_items[0].unit_price`; [`problems`](Self::problems) has them all.
    pub fn path(&self) -> String {
        self.problems[0].path()
    }

    /// What is wrong with the first problem's field.
    pub fn reason(&self) -> &BuildErrorReason {
        &self.problems[0].reason
    }

    /// Every problem: each field's path and what is wrong with it, in the
    /// order of the builders' fields.
    pub fn problems(&self) -> impl Iterator<Item = (String, &BuildErrorReason)> {
        self.problems.iter().map(|p| (p.path(), &p.reason))
    }

    /// The paths of every required field that was not set.
    pub fn missing_fields(&self) -> Vec<String> {
        self.problems
            .iter()
            .filter(|p| p.reason == BuildErrorReason::Missing)
            .map(Problem::path)
            .collect()
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let missing = self.missing_fields();
        let mut parts = Vec::new();
        match missing.as_slice() {
            [] => {}
            [one] => parts.push(format!("`{one}` is required but was not set")),
            many => parts.push(format!(
                "required but not set: {}",
                many.iter()
                    .map(|path| format!("`{path}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
        for problem in &self.problems {
            if let BuildErrorReason::Invalid(reason) = &problem.reason {
                parts.push(format!("`{}`: {reason}", problem.path()));
            }
        }
        f.write_str(&parts.join("; "))
    }
}

impl std::error::Error for BuildError {}

/// Lets a builder setter take a value that converts infallibly (`From`).
impl From<std::convert::Infallible> for BuildError {
    fn from(never: std::convert::Infallible) -> Self {
        match never {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_from_the_outermost_builder() {
        let err = BuildError::missing("unit_price").at(2).within("line_items");
        assert_eq!(err.path(), "line_items[2].unit_price");
        assert_eq!(
            err.to_string(),
            "`line_items[2].unit_price` is required but was not set"
        );
        let err = BuildError::invalid("metadata", "expected a JSON object").within("order");
        assert_eq!(err.to_string(), "`order.metadata`: expected a JSON object");
    }

    #[test]
    fn every_problem_is_named() {
        let err = BuildError::missing("currency")
            .and(BuildError::missing("unit_price").at(0).within("line_items"))
            .and(BuildError::invalid("metadata", "expected a JSON object"));
        assert_eq!(err.path(), "currency");
        assert_eq!(
            err.missing_fields(),
            ["currency", "line_items[0].unit_price"]
        );
        assert_eq!(
            err.to_string(),
            "required but not set: `currency`, `line_items[0].unit_price`; \
             `metadata`: expected a JSON object"
        );
        assert_eq!(err.problems().count(), 3);
    }
}
