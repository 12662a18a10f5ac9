//! [`BuildError`]: why a model builder could not make its value.

use std::fmt;

/// A model builder was missing a required field or was given a value it
/// cannot use; nothing was sent.
///
/// The path names the field from the outermost builder down, e.g.
/// `line_items[0].unit_price`. Builders passed to an operation (for instance
/// `client.orders().create_order(OrderRequest::builder()…)`) report this as
/// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when the request is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildError {
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

impl BuildError {
    /// The required field `field` was not set.
    pub fn missing(field: &str) -> Self {
        Self {
            path: vec![Segment::Field(field.to_owned())],
            reason: BuildErrorReason::Missing,
        }
    }

    /// The value of `field` cannot be used, for `reason`.
    pub fn invalid(field: &str, reason: impl Into<String>) -> Self {
        Self {
            path: vec![Segment::Field(field.to_owned())],
            reason: BuildErrorReason::Invalid(reason.into()),
        }
    }

    /// The same error, seen from the builder that holds `field`.
    #[must_use]
    pub fn within(mut self, field: &str) -> Self {
        self.path.insert(0, Segment::Field(field.to_owned()));
        self
    }

    /// The same error, seen from the list that holds it at `index`.
    #[must_use]
    pub fn at(mut self, index: usize) -> Self {
        self.path.insert(0, Segment::Index(index));
        self
    }

    /// The field's path from the outermost builder, e.g. `line_items[0].unit_price`.
    pub fn path(&self) -> String {
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

    /// What is wrong.
    pub fn reason(&self) -> &BuildErrorReason {
        &self.reason
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.reason {
            BuildErrorReason::Missing => write!(f, "`{}` is required but was not set", self.path()),
            BuildErrorReason::Invalid(reason) => write!(f, "`{}`: {reason}", self.path()),
        }
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
}
