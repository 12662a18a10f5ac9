//! How the generated models read JSON: one visitor for every struct, tagged
//! unions in one pass, and the JSON path of a failure.
//!
//! serde's derive would buffer every member of a struct with a `flatten`ed
//! `extra` map, and decode unions through `serde_json::Value`. Here a struct's
//! members are matched by name as they stream past and only the undeclared ones
//! become [`Value`]s. A tagged union is read in one pass too: the few members
//! before its tag are kept as [`Value`]s and handed, with the rest of the
//! object, to the builder of the variant the tag names. A union without a tag
//! is read once into a [`Value`] and its forms are tried on that, in order.
//! Nothing here depends on serde_json's reader, so the models decode from any
//! self-describing format.
//!
//! The path of a failure (`data[0].charges.data[1].amount`) is recorded while
//! the error travels up through the visitors, into a thread-local list that
//! [`from_slice`] sets up, so a decode that succeeds pays nothing for it and
//! the path runs through unions, whose members are read again from [`Value`]s.

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

/// The recorded path's length, to undo the steps of a failed attempt.
fn recorded_len() -> usize {
    PATH.with(|path| path.borrow().as_ref().map_or(0, Vec::len))
}

fn truncate_recorded(len: usize) {
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

/// Decodes a generated struct through its builder `B`.
pub fn deserialize_struct<'de, B: DecodeFields, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<B::Model, D::Error> {
    deserializer.deserialize_map(StructVisitor::<B>(PhantomData))
}

struct StructVisitor<B>(PhantomData<B>);

impl<'de, B: DecodeFields> Visitor<'de> for StructVisitor<B> {
    type Value = B::Model;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object ({})", B::NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<B::Model, A::Error> {
        let mut slots = B::default();
        let mut extra = B::Extra::default();
        read_members(&mut slots, &mut extra, &mut map)?;
        finish(slots, extra)
    }
}

/// Reads the rest of an object's members into a struct's slots and extras.
fn read_members<'de, B: DecodeFields, A: MapAccess<'de>>(
    slots: &mut B,
    extra: &mut B::Extra,
    map: &mut A,
) -> Result<(), A::Error> {
    while let Some(Key(key)) = map.next_key()? {
        read_member(slots, extra, &key, map)?;
    }
    Ok(())
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
    read.inspect_err(|_| record(|| Segment::Key(key.to_owned())))
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
                            let index = items.len();
                            record(|| Segment::Index(index));
                            return Err(err);
                        }
                    }
                }
            }
        }
        deserializer.deserialize_seq(ListVisitor(PhantomData))
    }
}

/// A generated struct's builder, which collects its members while it decodes.
pub trait Decoded: Sized {
    /// The builder, as [`DecodeFields`].
    type Fields: DecodeFields<Model = Self>;
}

/// A union told apart by a member (its tag), as `tagged_union!` defines it.
pub trait TaggedUnion: Sized {
    /// The tag's member name, e.g. `type`.
    const PROPERTY: &'static str;
    /// The tags of the variants.
    const TAGS: &'static [&'static str];
    /// Decodes the variant that `tag` (one of [`TAGS`](Self::TAGS)) names, from
    /// the members read so far (`seen`, the tag among them) and the rest of `map`.
    fn variant<'de, A: MapAccess<'de>>(
        tag: &str,
        seen: Vec<(Cow<'de, str>, Value)>,
        map: &mut A,
    ) -> Result<Self, A::Error>;
    /// The value of a tag no variant has, or of no tag, as it was received.
    fn unknown(value: Value) -> Self;
}

/// Decodes a union told apart by a member, in one pass: the members before
/// the tag are kept and handed to the variant's builder with the rest of the
/// object; a value with an unknown tag, no tag or that is not an object
/// becomes the unknown variant.
pub fn deserialize_tagged<'de, U: TaggedUnion, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<U, D::Error> {
    deserializer.deserialize_any(TaggedVisitor::<U>(PhantomData))
}

/// Decodes variant `T` of a tagged union from the members read so far and
/// the rest of the object (for [`TaggedUnion::variant`]).
pub fn tagged_variant<'de, T: Decoded, A: MapAccess<'de>>(
    seen: Vec<(Cow<'de, str>, Value)>,
    map: &mut A,
) -> Result<T, A::Error> {
    let mut slots = T::Fields::default();
    let mut extra = <T::Fields as DecodeFields>::Extra::default();
    for (key, value) in seen {
        read_member(&mut slots, &mut extra, &key, &mut Replay(Some(value)))
            .map_err(de::Error::custom)?;
    }
    read_members(&mut slots, &mut extra, map)?;
    finish(slots, extra)
}

struct TaggedVisitor<U>(PhantomData<U>);

impl<'de, U: TaggedUnion> Visitor<'de> for TaggedVisitor<U> {
    type Value = U;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object with a `{}` member", U::PROPERTY)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<U, A::Error> {
        let mut seen: Vec<(Cow<'de, str>, Value)> = Vec::new();
        while let Some(Key(key)) = map.next_key()? {
            let value: Value = match map.next_value() {
                Ok(value) => value,
                Err(err) => {
                    record(|| Segment::Key(key.into_owned()));
                    return Err(err);
                }
            };
            if key != U::PROPERTY {
                seen.push((key, value));
                continue;
            }
            // A tag that is not a string is no known tag either.
            let tag = value
                .as_str()
                .and_then(|tag| U::TAGS.iter().find(|known| **known == tag));
            seen.push((key, value));
            if let Some(tag) = tag {
                return U::variant(tag, seen, &mut map);
            }
            break;
        }
        let mut object: Map<String, Value> = seen
            .into_iter()
            .map(|(key, value)| (key.into_owned(), value))
            .collect();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value()?;
            object.insert(key, value);
        }
        Ok(U::unknown(Value::Object(object)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<U, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(U::unknown(Value::Array(items)))
    }
    fn visit_str<E: de::Error>(self, value: &str) -> Result<U, E> {
        Ok(U::unknown(Value::from(value)))
    }
    fn visit_bool<E: de::Error>(self, value: bool) -> Result<U, E> {
        Ok(U::unknown(Value::from(value)))
    }
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<U, E> {
        Ok(U::unknown(Value::from(value)))
    }
    fn visit_u64<E: de::Error>(self, value: u64) -> Result<U, E> {
        Ok(U::unknown(Value::from(value)))
    }
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<U, E> {
        Ok(U::unknown(Value::from(value)))
    }
    fn visit_unit<E: de::Error>(self) -> Result<U, E> {
        Ok(U::unknown(Value::Null))
    }
}

/// One member's value, read again from the [`Value`] it was kept as.
struct Replay(Option<Value>);

impl<'de> MapAccess<'de> for Replay {
    type Error = serde_json::Error;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        _: K,
    ) -> Result<Option<K::Value>, serde_json::Error> {
        Ok(None)
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, serde_json::Error> {
        let value = self
            .0
            .take()
            .ok_or_else(|| de::Error::custom("a member's value was read twice"))?;
        seed.deserialize(value)
    }
}

/// Decodes a union without a discriminator: the first of `attempts` that
/// decodes, or `other` with the value as received. A failed attempt leaves no
/// trace in the recorded path.
pub fn deserialize_untagged<'de, U, D: Deserializer<'de>>(
    deserializer: D,
    attempts: &[fn(&Value) -> Option<U>],
    other: impl FnOnce(Value) -> U,
) -> Result<U, D::Error> {
    let value = Value::deserialize(deserializer)?;
    let mark = recorded_len();
    for attempt in attempts {
        if let Some(decoded) = attempt(&value) {
            return Ok(decoded);
        }
        truncate_recorded(mark);
    }
    Ok(other(value))
}

/// One attempt of [`deserialize_untagged`]: `T`, if the value decodes as one.
pub fn attempt<T: DeserializeOwned>(value: &Value) -> Option<T> {
    T::deserialize(value).ok()
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
