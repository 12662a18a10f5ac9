//! How the generated models read JSON: one visitor for every struct, and the
//! JSON path of a failure. Unions are read in [`union_decode`](super::union_decode).
//!
//! serde's derive would buffer every member of a struct with a `flatten`ed
//! `extra` map. Here a struct's members are matched by name as they stream
//! past and only the undeclared ones become [`Value`]s. Nothing here depends
//! on serde_json's reader, so the models decode from any self-describing format.
//!
//! The path of a failure (`data[0].charges.data[1].amount`) is recorded while
//! the error travels up through the visitors, into a thread-local list that
//! [`from_slice`] sets up, so a decode that succeeds pays nothing for it and
//! the path runs through unions, whose forms are read from a [`Value`].

use super::build_error::{BuildError, BuildErrorReason};
use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// One step of a JSON path: a member name or an array index.
enum Segment {
    Key(String),
    Index(usize),
}

thread_local! {
    /// The path of the failure being reported, innermost step first; `None`
    /// when no [`from_slice`] is recording on this thread.
    static PATH: RefCell<Option<Vec<Segment>>> = const { RefCell::new(None) };
}

/// Adds a step to the recorded path, if one is being recorded.
fn record(segment: impl FnOnce() -> Segment) {
    PATH.with(|path| {
        if let Some(path) = path.borrow_mut().as_mut() {
            path.push(segment());
        }
    });
}

/// Adds a member name to the recorded path, if one is being recorded.
fn record_key(key: &str) {
    record(|| Segment::Key(key.to_owned()));
}

/// Adds an array index to the recorded path, if one is being recorded.
fn record_index(index: usize) {
    record(|| Segment::Index(index));
}

/// The recorded path's length, to undo the steps of a failed attempt.
pub(crate) fn recorded_len() -> usize {
    PATH.with(|path| path.borrow().as_ref().map_or(0, Vec::len))
}

/// Drops the steps recorded after `len`.
pub(crate) fn truncate_recorded(len: usize) {
    PATH.with(|path| {
        if let Some(path) = path.borrow_mut().as_mut() {
            path.truncate(len);
        }
    });
}

/// Renders steps (innermost first) as `a.b[0].c`, or `.` for the root.
fn render(segments: &[Segment]) -> String {
    let mut out = String::new();
    for segment in segments.iter().rev() {
        match segment {
            Segment::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Index(index) => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
    if out.is_empty() {
        out.push('.');
    }
    out
}

/// A JSON document, or part of one, did not decode into a model.
///
/// Carries the JSON path of the offending value (e.g.
/// `data[0].payment_sources.data[1].created_at`, `data.object.amount` in a
/// webhook, or `.` for the root) and the underlying `serde_json` error.
#[derive(Debug, thiserror::Error)]
#[error("invalid JSON at `{path}`: {source}")]
pub struct DecodeError {
    path: String,
    #[source]
    pub(crate) source: serde_json::Error,
}

impl DecodeError {
    /// The JSON path of the value that failed to decode (`.` for the root).
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The underlying `serde_json` error (its category, line and column).
    #[must_use]
    pub fn json_error(&self) -> &serde_json::Error {
        &self.source
    }

    pub(crate) fn new(path: &str, source: serde_json::Error) -> Self {
        Self {
            path: path.to_owned(),
            source,
        }
    }
}

/// Decodes a JSON document into `T` as the client decodes its answers: a
/// failure says where, through unions too.
///
/// For bodies the client did not fetch itself: a stored answer, a message
/// from a queue. Webhook bodies have [`Event::from_slice`](crate::Event::from_slice).
///
/// ```
/// let body = br#"{"id": "cus_1", "object": "customer", "created_at": "soon"}"#;
/// let err = conekta_sdk::from_slice::<conekta_sdk::models::CustomerResponse>(body).unwrap_err();
/// assert_eq!(err.path(), "created_at");
/// ```
///
/// # Errors
/// [`DecodeError`] when `bytes` are not UTF-8 JSON or do not fit `T`.
pub fn from_slice<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, DecodeError> {
    // One check of the whole body is cheaper than serde_json's check of every
    // string that reading from bytes makes.
    let Ok(text) = std::str::from_utf8(bytes) else {
        // Invalid UTF-8 is never valid JSON: let serde_json say where.
        let source = serde_json::from_slice::<Value>(bytes)
            .err()
            .unwrap_or_else(|| de::Error::custom("the body is not UTF-8"));
        return Err(DecodeError::new(".", source));
    };
    let outer = PATH.with(|path| path.replace(Some(Vec::new())));
    let result = serde_json::from_str(text);
    let segments = PATH.with(|path| path.replace(outer)).unwrap_or_default();
    result.map_err(|source| DecodeError::new(&render(&segments), source))
}

/// Decodes a JSON value into `T` as [`from_slice`] decodes a document (a
/// failure says where, through unions too), reading the value in place: for
/// JSON already parsed, such as a webhook event's `data.object`.
pub(crate) fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, DecodeError> {
    let outer = PATH.with(|path| path.replace(Some(Vec::new())));
    let result = T::deserialize(value);
    let segments = PATH.with(|path| path.replace(outer)).unwrap_or_default();
    result.map_err(|source| DecodeError::new(&render(&segments), source))
}

/// A member name: borrowed from the input when it has no escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a member name")
            }
            fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(key)))
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(key.to_owned())))
            }
            fn visit_string<E: de::Error>(self, key: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(key)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// Where a struct's undeclared members go: a JSON object, or a map typed by
/// the schema's `additionalProperties`.
pub trait ExtraMembers: Default {
    /// Reads the value of member `key` and keeps it.
    fn read<'de, A: MapAccess<'de>>(&mut self, key: String, map: &mut A) -> Result<(), A::Error>;
    /// Writes every kept member.
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;
}

impl ExtraMembers for Map<String, Value> {
    fn read<'de, A: MapAccess<'de>>(&mut self, key: String, map: &mut A) -> Result<(), A::Error> {
        self.insert(key, map.next_value()?);
        Ok(())
    }
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        self.iter()
            .try_for_each(|(key, value)| map.serialize_entry(key, value))
    }
}

impl<T: DeserializeOwned + Serialize> ExtraMembers for BTreeMap<String, T> {
    fn read<'de, A: MapAccess<'de>>(&mut self, key: String, map: &mut A) -> Result<(), A::Error> {
        self.insert(key, map.next_value()?);
        Ok(())
    }
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        self.iter()
            .try_for_each(|(key, value)| map.serialize_entry(key, value))
    }
}

/// A generated struct's decoding: implemented by its builder, whose optional
/// slots collect the members before [`build`](Self::finish) checks the
/// required ones.
pub trait DecodeFields: Default {
    /// The struct being decoded.
    type Model;
    /// Where undeclared members go.
    type Extra: ExtraMembers;
    /// What a value of the wrong kind is reported to be instead, e.g. `OrderResponse`.
    const NAME: &'static str;
    /// Reads the value of declared member `key` into its slot; `Ok(false)` when
    /// no field has that name (the value is then still unread).
    fn field<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error>;
    /// The struct, or the error naming a required member that was absent or `null`.
    fn finish(self, extra: Self::Extra) -> Result<Self::Model, BuildError>;
}

/// Decodes a generated struct through `B`: its builder, or the struct itself
/// when every member is optional.
pub fn deserialize_struct<'de, B: DecodeFields, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<B::Model, D::Error> {
    deserializer.deserialize_map(StructVisitor::<B>(PhantomData))
}

/// Reads an object's members into `B`, then finishes the struct.
struct StructVisitor<B>(PhantomData<B>);

impl<'de, B: DecodeFields> Visitor<'de> for StructVisitor<B> {
    type Value = B::Model;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object ({})", B::NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<B::Model, A::Error> {
        let mut slots = B::default();
        let mut extra = B::Extra::default();
        while let Some(Key(key)) = map.next_key()? {
            read_member(&mut slots, &mut extra, &key, &mut map)?;
        }
        finish(slots, extra)
    }
}

/// Reads member `key`'s value into its slot, or into the extras when no field
/// has that name; a failure records the key in the path.
fn read_member<'de, B: DecodeFields, A: MapAccess<'de>>(
    slots: &mut B,
    extra: &mut B::Extra,
    key: &str,
    map: &mut A,
) -> Result<(), A::Error> {
    let read = match slots.field(key, map) {
        Ok(true) => Ok(()),
        Ok(false) => extra.read(key.to_owned(), map),
        Err(err) => Err(err),
    };
    read.inspect_err(|_| record_key(key))
}

/// The struct from its slots, or the error naming a required member.
fn finish<B: DecodeFields, E: de::Error>(slots: B, extra: B::Extra) -> Result<B::Model, E> {
    slots.finish(extra).map_err(|err| match err.reason() {
        BuildErrorReason::Missing => E::custom(format_args!("missing field `{}`", err.path())),
        BuildErrorReason::Invalid(_) => E::custom(err),
    })
}

/// Writes a generated struct: its set fields (via `fields`) and then its
/// undeclared members.
pub fn serialize_struct<S: Serializer, X: ExtraMembers>(
    serializer: S,
    extra: &X,
    fields: impl FnOnce(&mut S::SerializeMap) -> Result<(), S::Error>,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(None)?;
    fields(&mut map)?;
    extra.write(&mut map)?;
    map.end()
}

/// Writes member `key` when `value` is set.
pub fn serialize_optional<M: SerializeMap, T: Serialize>(
    map: &mut M,
    key: &'static str,
    value: &Option<T>,
) -> Result<(), M::Error> {
    match value {
        Some(value) => map.serialize_entry(key, value),
        None => Ok(()),
    }
}

/// A list whose failing item is recorded by index; decode a list field as
/// `Option<List<T>>` and keep [`List::into_inner`].
pub struct List<T>(Vec<T>);

impl<T> List<T> {
    /// The decoded items.
    pub fn into_inner(self) -> Vec<T> {
        self.0
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListVisitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for ListVisitor<T> {
            type Value = List<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<List<T>, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
                loop {
                    match seq.next_element() {
                        Ok(Some(item)) => items.push(item),
                        Ok(None) => return Ok(List(items)),
                        Err(err) => {
                            record_index(items.len());
                            return Err(err);
                        }
                    }
                }
            }
        }
        deserializer.deserialize_seq(ListVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_render_like_serde_path_to_error() {
        let segments = [
            Segment::Key("amount".into()),
            Segment::Index(1),
            Segment::Key("data".into()),
            Segment::Key("charges".into()),
            Segment::Index(0),
            Segment::Key("data".into()),
        ];
        assert_eq!(render(&segments), "data[0].charges.data[1].amount");
        assert_eq!(render(&[]), ".");
    }
}
