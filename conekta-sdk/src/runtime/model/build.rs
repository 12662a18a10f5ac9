//! What the generated model builders call to turn a setter's argument into a
//! field value: one value, a list, or a JSON object, each failing with a
//! [`BuildError`] that names the field, kept in the builder's [`Problems`].

use super::build_error::BuildError;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};

/// What a setter of a model field of type `T` takes: a `T`, a builder of
/// one (`Product::builder().name("…")`), or what converts into it (a `&str`
/// for an enum, a variant for a union). A builder that fails makes the
/// outer builder fail, naming the field.
pub trait IntoModel<T>: TryInto<T, Error: Into<BuildError>> {}

impl<T, V: TryInto<T, Error: Into<BuildError>>> IntoModel<T> for V {}

/// A builder's problems so far: the values its setters could not use; at
/// [`check`](Self::check), the required fields left unset too.
#[doc(hidden)]
#[derive(Debug, Clone, Default)]
pub struct Problems(Option<BuildError>);

impl Problems {
    /// One value (a model, a builder of one, an enum from a string…).
    pub fn one<T>(&mut self, value: impl IntoModel<T>, field: &str) -> Option<T> {
        self.keep(value.try_into().map_err(|err| err.into().within(field)))
    }

    /// Every item of a list; the error names each failing item's index.
    pub fn many<T, V: IntoModel<T>>(
        &mut self,
        values: impl IntoIterator<Item = V>,
        field: &str,
    ) -> Option<Vec<T>> {
        let mut items = Vec::new();
        let mut failed: Option<BuildError> = None;
        for (index, value) in values.into_iter().enumerate() {
            match value.try_into() {
                Ok(item) => items.push(item),
                Err(err) => {
                    let err = err.into().at(index).within(field);
                    failed = Some(match failed {
                        Some(before) => before.and(err),
                        None => err,
                    });
                }
            }
        }
        self.keep(failed.map_or(Ok(items), Err))
    }

    /// A JSON object (`json!({...})`, a map or pairs).
    pub fn object(
        &mut self,
        value: impl IntoJsonObject,
        field: &str,
    ) -> Option<Map<String, Value>> {
        self.keep(
            value
                .into_json_object()
                .map_err(|reason| BuildError::invalid(field, reason)),
        )
    }

    /// The value, or `None` after keeping the error with the others.
    fn keep<T>(&mut self, result: Result<T, BuildError>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(err) => {
                self.add(err);
                None
            }
        }
    }

    fn add(&mut self, err: BuildError) {
        self.0 = Some(match self.0.take() {
            Some(kept) => kept.and(err),
            None => err,
        });
    }

    /// `Err` naming every problem: the values setters could not use, and each
    /// `(field, unset)` of `required` that is unset (unless its value was one
    /// of those).
    pub fn check(mut self, required: &[(&str, bool)]) -> Result<(), BuildError> {
        for (field, unset) in required {
            let reported = self.0.as_ref().is_some_and(|err| err.concerns(field));
            if *unset && !reported {
                self.add(BuildError::missing(field));
            }
        }
        self.0.map_or(Ok(()), Err)
    }
}

/// A required field's value, or the error that names it.
pub fn required<T>(value: Option<T>, field: &str) -> Result<T, BuildError> {
    value.ok_or_else(|| BuildError::missing(field))
}

/// `builder()` for a generated struct, and `TryFrom` its builder: what makes
/// a builder usable wherever the struct is expected.
#[doc(hidden)]
#[macro_export]
macro_rules! builder {
    ($(#[$attr:meta])* $name:ident, $builder:ident) => {
        $(#[$attr])*
        impl $name {
            #[doc = concat!(
                " A builder: set fields by name, then [`", stringify!($builder), "::build`]; ",
                "or pass the builder itself wherever a `", stringify!($name), "` is expected."
            )]
            #[inline]
            pub fn builder() -> $builder {
                ::std::default::Default::default()
            }
        }

        $(#[$attr])*
        impl ::std::convert::TryFrom<$builder> for $name {
            type Error = $crate::BuildError;

            #[inline]
            fn try_from(builder: $builder) -> ::std::result::Result<Self, Self::Error> {
                builder.build()
            }
        }
    };
}

/// A JSON object for a `metadata`-like field: `serde_json::json!({...})`, a
/// `serde_json::Map`, a `BTreeMap` or `HashMap`, or a list or array of
/// `(key, value)` pairs whose values convert into JSON.
pub trait IntoJsonObject {
    /// The object, or why this value is not one.
    fn into_json_object(self) -> Result<Map<String, Value>, String>;
}

impl IntoJsonObject for Value {
    fn into_json_object(self) -> Result<Map<String, Value>, String> {
        match self {
            Value::Object(map) => Ok(map),
            other => Err(format!("expected a JSON object, got `{other}`")),
        }
    }
}

impl IntoJsonObject for Map<String, Value> {
    fn into_json_object(self) -> Result<Map<String, Value>, String> {
        Ok(self)
    }
}

/// Collects `(key, value)` pairs into an object.
fn pairs<K: Into<String>, V: Into<Value>>(
    pairs: impl IntoIterator<Item = (K, V)>,
) -> Result<Map<String, Value>, String> {
    Ok(pairs
        .into_iter()
        .map(|(key, value)| (key.into(), value.into()))
        .collect())
}

impl<K: Into<String>, V: Into<Value>, const N: usize> IntoJsonObject for [(K, V); N] {
    fn into_json_object(self) -> Result<Map<String, Value>, String> {
        pairs(self)
    }
}

impl<K: Into<String>, V: Into<Value>> IntoJsonObject for Vec<(K, V)> {
    fn into_json_object(self) -> Result<Map<String, Value>, String> {
        pairs(self)
    }
}

impl<K: Into<String>, V: Into<Value>> IntoJsonObject for BTreeMap<K, V> {
    fn into_json_object(self) -> Result<Map<String, Value>, String> {
        pairs(self)
    }
}

impl<K: Into<String>, V: Into<Value>, S> IntoJsonObject for HashMap<K, V, S> {
    fn into_json_object(self) -> Result<Map<String, Value>, String> {
        pairs(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn objects_come_from_json_maps_and_pairs() {
        let expected = json!({ "a": 1, "b": "x" });
        let mut problems = Problems::default();
        for got in [
            problems.object(json!({ "a": 1, "b": "x" }), "metadata"),
            problems.object([("a", json!(1)), ("b", json!("x"))], "metadata"),
            problems.object(
                vec![("a".to_owned(), json!(1)), ("b".to_owned(), json!("x"))],
                "metadata",
            ),
        ] {
            assert_eq!(Value::Object(got.unwrap()), expected);
        }
        assert_eq!(problems.check(&[("id", false)]), Ok(()));
        let mut problems = Problems::default();
        assert_eq!(problems.object(json!([1, 2]), "metadata"), None);
        assert_eq!(problems.object(json!("x"), "other"), None);
        let err = problems
            .check(&[("id", true), ("name", false)])
            .unwrap_err();
        assert_eq!(err.path(), "metadata", "in the order they were met");
        let paths: Vec<String> = err.problems().map(|(path, _)| path).collect();
        assert_eq!(paths, ["metadata", "other", "id"], "every problem is kept");
    }
}
