//! Decoding unions: told apart by a member (a tag) in one pass, or without
//! one by trying each form in turn (see [`decode`](super::decode)).

use super::decode::{
    DecodeFields, Decoded, Key, finish, read_member, read_members, record_key, recorded_len,
    truncate_recorded,
};
use super::nested::{Return, Sink};
use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

/// A union told apart by a member (its tag), as `tagged_union!` defines it.
pub trait TaggedUnion: Sized {
    /// The tag's member name, e.g. `type`.
    const PROPERTY: &'static str;
    /// The tags of the variants.
    const TAGS: &'static [&'static str];
    /// Decodes the variant that `tag` (one of [`TAGS`](Self::TAGS)) names, from
    /// the members read so far (`seen`, the tag among them) and the rest of `map`.
    /// The variant goes into `sink`.
    fn variant<'de, A: MapAccess<'de>, S: Sink<Self>>(
        tag: &str,
        seen: Vec<(Cow<'de, str>, Value)>,
        map: &mut A,
        sink: S,
    ) -> Result<S::Done, A::Error>;
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
    deserializer.deserialize_any(TaggedVisitor::<U, _>(Return, PhantomData))
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

/// Reads a tagged union `U` into `S`.
pub(crate) struct TaggedVisitor<U, S>(pub(crate) S, pub(crate) PhantomData<U>);

impl<'de, U: TaggedUnion, S: Sink<U>> Visitor<'de> for TaggedVisitor<U, S> {
    type Value = S::Done;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object with a `{}` member", U::PROPERTY)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<S::Done, A::Error> {
        let mut seen: Vec<(Cow<'de, str>, Value)> = Vec::new();
        while let Some(Key(key)) = map.next_key()? {
            let value: Value = match map.next_value() {
                Ok(value) => value,
                Err(err) => {
                    record_key(&key);
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
                return U::variant(tag, seen, &mut map, self.0);
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
        Ok(self.0.put(U::unknown(Value::Object(object))))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<S::Done, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(self.0.put(U::unknown(Value::Array(items))))
    }
    fn visit_str<E: de::Error>(self, value: &str) -> Result<S::Done, E> {
        Ok(self.0.put(U::unknown(Value::from(value))))
    }
    fn visit_bool<E: de::Error>(self, value: bool) -> Result<S::Done, E> {
        Ok(self.0.put(U::unknown(Value::from(value))))
    }
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<S::Done, E> {
        Ok(self.0.put(U::unknown(Value::from(value))))
    }
    fn visit_u64<E: de::Error>(self, value: u64) -> Result<S::Done, E> {
        Ok(self.0.put(U::unknown(Value::from(value))))
    }
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<S::Done, E> {
        Ok(self.0.put(U::unknown(Value::from(value))))
    }
    fn visit_unit<E: de::Error>(self) -> Result<S::Done, E> {
        Ok(self.0.put(U::unknown(Value::Null)))
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
