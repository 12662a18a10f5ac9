//! Mutations of real bodies for the property tests: flipped, inserted and
//! removed bytes, truncation, and JSON values copied over or replaced by
//! values of other types. Shared by the property tests of `conekta-sdk` and
//! of the `conekta-tests` crate (which includes this file by path).

use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;

/// One change to a body.
#[derive(Debug, Clone)]
pub enum Mutation {
    /// XOR one byte with a non-zero mask.
    FlipByte(Index, u8),
    /// Insert a byte.
    InsertByte(Index, u8),
    /// Remove a byte.
    RemoveByte(Index),
    /// Cut the body at a point.
    Truncate(Index),
    /// Copy one JSON value over another (a number where a string was, an object where a list was…).
    CopyValue(Index, Index),
    /// Replace one JSON value with an odd one.
    ReplaceValue(Index, Odd),
}

/// Values that decoders tend to trip on.
#[derive(Debug, Clone, Copy)]
pub enum Odd {
    /// `null`.
    Null,
    /// `""`.
    EmptyString,
    /// `[]`.
    EmptyArray,
    /// `{}`.
    EmptyObject,
    /// `-1`.
    MinusOne,
    /// `18446744073709551615` (`u64::MAX`).
    HugeInteger,
    /// `-1e308`.
    HugeFloat,
    /// `true`.
    True,
    /// A string with a NUL, a lone-surrogate escape's replacement and non-ASCII text.
    StrangeString,
    /// Arrays nested deeper than `serde_json`'s recursion limit.
    DeepNesting,
}

impl Odd {
    fn value(self) -> Value {
        match self {
            Odd::Null => Value::Null,
            Odd::EmptyString => Value::String(String::new()),
            Odd::EmptyArray => Value::Array(Vec::new()),
            Odd::EmptyObject => Value::Object(serde_json::Map::new()),
            Odd::MinusOne => Value::from(-1),
            Odd::HugeInteger => Value::from(u64::MAX),
            Odd::HugeFloat => Value::from(-1e308),
            Odd::True => Value::Bool(true),
            Odd::StrangeString => Value::String("\0\u{fffd}ñ💳".to_owned()),
            Odd::DeepNesting => {
                let mut value = Value::Null;
                for _ in 0..200 {
                    value = Value::Array(vec![value]);
                }
                value
            }
        }
    }
}

fn odd() -> impl Strategy<Value = Odd> {
    prop_oneof![
        Just(Odd::Null),
        Just(Odd::EmptyString),
        Just(Odd::EmptyArray),
        Just(Odd::EmptyObject),
        Just(Odd::MinusOne),
        Just(Odd::HugeInteger),
        Just(Odd::HugeFloat),
        Just(Odd::True),
        Just(Odd::StrangeString),
        Just(Odd::DeepNesting),
    ]
}

/// Any one mutation; JSON-level ones are more likely, since they get past the parser.
pub fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        2 => (any::<Index>(), 1..=255u8).prop_map(|(at, mask)| Mutation::FlipByte(at, mask)),
        1 => (any::<Index>(), any::<u8>()).prop_map(|(at, byte)| Mutation::InsertByte(at, byte)),
        1 => any::<Index>().prop_map(Mutation::RemoveByte),
        1 => any::<Index>().prop_map(Mutation::Truncate),
        4 => (any::<Index>(), any::<Index>()).prop_map(|(to, from)| Mutation::CopyValue(to, from)),
        4 => (any::<Index>(), odd()).prop_map(|(at, odd)| Mutation::ReplaceValue(at, odd)),
    ]
}

/// One to four mutations.
pub fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    prop::collection::vec(mutation(), 1..=4)
}

/// `body` with `mutations` applied in order. A JSON mutation of a body that is
/// no longer JSON leaves it as it is.
pub fn apply(body: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = body.to_vec();
    for mutation in mutations {
        match mutation {
            Mutation::FlipByte(at, mask) if !bytes.is_empty() => {
                let i = at.index(bytes.len());
                bytes[i] ^= mask;
            }
            Mutation::InsertByte(at, byte) => {
                let i = at.index(bytes.len() + 1);
                bytes.insert(i, *byte);
            }
            Mutation::RemoveByte(at) if !bytes.is_empty() => {
                bytes.remove(at.index(bytes.len()));
            }
            Mutation::Truncate(at) => bytes.truncate(at.index(bytes.len() + 1)),
            Mutation::CopyValue(to, from) => {
                bytes = edit_json(&bytes, |root, pointers| {
                    let from = &pointers[from.index(pointers.len())];
                    let value = root.pointer(from).cloned().unwrap_or(Value::Null);
                    let to = &pointers[to.index(pointers.len())];
                    set(root, to, value);
                });
            }
            Mutation::ReplaceValue(at, odd) => {
                bytes = edit_json(&bytes, |root, pointers| {
                    let at = &pointers[at.index(pointers.len())];
                    set(root, at, odd.value());
                });
            }
            Mutation::FlipByte(..) | Mutation::RemoveByte(_) => {}
        }
    }
    bytes
}

/// Parses `bytes`, lets `edit` change the value (given the JSON pointer of
/// every value in it, children before parents) and writes it back.
fn edit_json(bytes: &[u8], edit: impl FnOnce(&mut Value, &[String])) -> Vec<u8> {
    let Ok(mut root) = serde_json::from_slice::<Value>(bytes) else {
        return bytes.to_vec();
    };
    let mut pointers = Vec::new();
    collect_pointers(&root, String::new(), &mut pointers);
    edit(&mut root, &pointers);
    serde_json::to_vec(&root).expect("a JSON value serialises")
}

fn collect_pointers(value: &Value, here: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let key = key.replace('~', "~0").replace('/', "~1");
                collect_pointers(child, format!("{here}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                collect_pointers(child, format!("{here}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(here);
}

fn set(root: &mut Value, pointer: &str, value: Value) {
    if let Some(slot) = root.pointer_mut(pointer) {
        *slot = value;
    }
}
