//! Reading a member that is a generated struct or tagged union where it lives.
//!
//! serde hands a decoded value back by value through every layer of the
//! reader (the visitor, the reader's `deserialize_map`, `Option`'s visitor,
//! the seed, `?`), and the compiler keeps most of those moves: a charge is
//! 1.3 KB and an order 2.6 KB, so decoding one 4 KB order copied 45 KB. Here
//! a struct whose members are all optional is filled in its parent's slot
//! (or in its list's next element); a struct with a builder, or a union's
//! variant, is moved once, into the slot, when it is complete. The same
//! order now copies 25 KB, most of it the top-level value being returned.

use super::decode::{DecodeFields, Decoded, StructVisitor, read_members, record_index};
use super::union_decode::{TaggedUnion, TaggedVisitor};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// A generated struct or tagged union as a member of a struct: how it is read
/// into an `Option` slot or appended to a list.
pub trait Nested: Sized {
    /// Reads a value that may be `null` into `slot` (`None` for `null`).
    fn read_into<'de, D: Deserializer<'de>>(
        deserializer: D,
        slot: &mut Option<Self>,
    ) -> Result<(), D::Error>;
    /// Reads one object and appends it to `items`; `items` is as it was on failure.
    fn push_into<'de, D: Deserializer<'de>>(
        deserializer: D,
        items: &mut Vec<Self>,
    ) -> Result<(), D::Error>;
}

/// Implements [`Nested`] for `$name` with the runtime's `$read` and `$push`
/// (`read_in_place`/`push_in_place`, `read_built`/`push_built` or
/// `read_tagged`/`push_tagged`).
#[doc(hidden)]
#[macro_export]
macro_rules! nested_impl {
    ($(#[$attr:meta])* $name:ident: $read:ident, $push:ident) => {
        $(#[$attr])*
        impl $crate::__private::Nested for $name {
            #[inline]
            fn read_into<'de, D: ::serde::Deserializer<'de>>(
                deserializer: D,
                slot: &mut ::std::option::Option<Self>,
            ) -> ::std::result::Result<(), D::Error> {
                $crate::__private::$read(deserializer, slot)
            }
            #[inline]
            fn push_into<'de, D: ::serde::Deserializer<'de>>(
                deserializer: D,
                items: &mut ::std::vec::Vec<Self>,
            ) -> ::std::result::Result<(), D::Error> {
                $crate::__private::$push(deserializer, items)
            }
        }
    };
}

/// A struct that collects its own members (every member optional), so it can
/// be decoded in place.
pub trait FillsItself: DecodeFields<Model = Self> {
    /// Keeps the undeclared members read alongside the declared ones.
    fn keep_extra(&mut self, extra: Self::Extra);
}

/// Decodes a struct that fills itself, in the place it is returned from.
#[inline]
pub fn deserialize_in_place<'de, T: FillsItself, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    let mut value = T::default();
    deserializer.deserialize_map(Fill(&mut value))?;
    Ok(value)
}

/// [`Nested::read_into`] for a struct that fills itself: in the slot.
#[inline]
pub fn read_in_place<'de, T: FillsItself, D: Deserializer<'de>>(
    deserializer: D,
    slot: &mut Option<T>,
) -> Result<(), D::Error> {
    deserializer.deserialize_option(OrNull::<T, InPlace>(slot, PhantomData))
}

/// [`Nested::push_into`] for a struct that fills itself: in the list's next element.
#[inline]
pub fn push_in_place<'de, T: FillsItself, D: Deserializer<'de>>(
    deserializer: D,
    items: &mut Vec<T>,
) -> Result<(), D::Error> {
    reserve_one(items);
    items.push(T::default());
    let last = items.len() - 1;
    let read = deserializer.deserialize_map(Fill(&mut items[last]));
    if read.is_err() {
        items.truncate(last);
    }
    read
}

/// [`Nested::read_into`] for a struct with a builder: built, then moved into the slot.
#[inline]
pub fn read_built<'de, T: Decoded, D: Deserializer<'de>>(
    deserializer: D,
    slot: &mut Option<T>,
) -> Result<(), D::Error> {
    deserializer.deserialize_option(OrNull::<T, Built>(slot, PhantomData))
}

/// [`Nested::push_into`] for a struct with a builder: built, then moved into the list.
#[inline]
pub fn push_built<'de, T: Decoded, D: Deserializer<'de>>(
    deserializer: D,
    items: &mut Vec<T>,
) -> Result<(), D::Error> {
    deserializer.deserialize_map(StructVisitor::<T::Fields, _>(items, PhantomData))
}

/// Makes room for one more item, growing 1, 2, 4, …: serde_json gives no
/// length, and `Vec`'s first growth to four items of a large struct is an
/// allocation big enough to make glibc sort its free lists.
fn reserve_one<T>(items: &mut Vec<T>) {
    if items.len() == items.capacity() {
        items.reserve_exact(items.len().max(1));
    }
}

/// Reads a member's value, a struct or `null`, into `slot`.
#[inline]
pub fn read_member_into<'de, T: Nested, A: MapAccess<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
) -> Result<(), A::Error> {
    map.next_value_seed(Slot(slot))
}

/// Reads a member's value, a list of structs or `null`, into `slot`; a
/// failing item is recorded by index in the path.
#[inline]
pub fn read_list_into<'de, T: Nested, A: MapAccess<'de>>(
    map: &mut A,
    slot: &mut Option<Vec<T>>,
) -> Result<(), A::Error> {
    map.next_value_seed(ListSlot(slot))
}

/// A member's value read into an `Option` slot.
struct Slot<'a, T>(&'a mut Option<T>);

impl<'de, T: Nested> DeserializeSeed<'de> for Slot<'_, T> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        T::read_into(deserializer, self.0)
    }
}

/// A member's list value read into an `Option<Vec>` slot.
struct ListSlot<'a, T>(&'a mut Option<Vec<T>>);

impl<'de, T: Nested> DeserializeSeed<'de> for ListSlot<'_, T> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_option(OrNull::<Vec<T>, Items>(self.0, PhantomData))
    }
}

/// How the value of a slot that is not `null` is read.
trait ReadSome<T> {
    fn read<'de, D: Deserializer<'de>>(
        deserializer: D,
        slot: &mut Option<T>,
    ) -> Result<(), D::Error>;
}

/// A struct that fills itself, in the slot.
struct InPlace;

impl<T: FillsItself> ReadSome<T> for InPlace {
    #[inline]
    fn read<'de, D: Deserializer<'de>>(
        deserializer: D,
        slot: &mut Option<T>,
    ) -> Result<(), D::Error> {
        deserializer.deserialize_map(Fill(slot.insert(T::default())))
    }
}

/// A struct built by its builder, moved into the slot.
struct Built;

impl<T: Decoded> ReadSome<T> for Built {
    #[inline]
    fn read<'de, D: Deserializer<'de>>(
        deserializer: D,
        slot: &mut Option<T>,
    ) -> Result<(), D::Error> {
        deserializer.deserialize_map(StructVisitor::<T::Fields, _>(slot, PhantomData))
    }
}

/// A list, each item appended in place.
struct Items;

impl<T: Nested> ReadSome<Vec<T>> for Items {
    #[inline]
    fn read<'de, D: Deserializer<'de>>(
        deserializer: D,
        slot: &mut Option<Vec<T>>,
    ) -> Result<(), D::Error> {
        deserializer.deserialize_seq(Append(slot.insert(Vec::new())))
    }
}

/// Where a decoded value goes: a slot, the end of a list, or back to the caller.
pub trait Sink<T> {
    /// What [`put`](Self::put) gives back.
    type Done;
    /// Hands the value over.
    fn put(self, value: T) -> Self::Done;
}

impl<T> Sink<T> for &mut Option<T> {
    type Done = ();
    #[inline]
    fn put(self, value: T) {
        *self = Some(value);
    }
}

impl<T> Sink<T> for &mut Vec<T> {
    type Done = ();
    #[inline]
    fn put(self, value: T) {
        reserve_one(self);
        self.push(value);
    }
}

/// The value is returned to the caller.
pub struct Return;

impl<T> Sink<T> for Return {
    type Done = T;
    #[inline]
    fn put(self, value: T) -> T {
        value
    }
}

/// [`Nested::read_into`] for a tagged union: the variant is moved once, into the slot.
#[inline]
pub fn read_tagged<'de, U: TaggedUnion, D: Deserializer<'de>>(
    deserializer: D,
    slot: &mut Option<U>,
) -> Result<(), D::Error> {
    deserializer.deserialize_option(OrNull::<U, Tagged>(slot, PhantomData))
}

/// [`Nested::push_into`] for a tagged union: the variant is moved once, into the list.
#[inline]
pub fn push_tagged<'de, U: TaggedUnion, D: Deserializer<'de>>(
    deserializer: D,
    items: &mut Vec<U>,
) -> Result<(), D::Error> {
    deserializer.deserialize_any(TaggedVisitor::<U, _>(items, PhantomData))
}

/// A tagged union, in the slot.
struct Tagged;

impl<U: TaggedUnion> ReadSome<U> for Tagged {
    #[inline]
    fn read<'de, D: Deserializer<'de>>(
        deserializer: D,
        slot: &mut Option<U>,
    ) -> Result<(), D::Error> {
        deserializer.deserialize_any(TaggedVisitor::<U, _>(slot, PhantomData))
    }
}

/// `null` clears the slot; anything else is read by `R`.
struct OrNull<'a, T, R>(&'a mut Option<T>, PhantomData<R>);

impl<'de, T, R: ReadSome<T>> Visitor<'de> for OrNull<'_, T, R> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value or null")
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        *self.0 = None;
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        *self.0 = None;
        Ok(())
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        R::read(deserializer, self.0)
    }
}

/// The members of an object, read into a struct that fills itself.
struct Fill<'a, T>(&'a mut T);

impl<'de, T: FillsItself> Visitor<'de> for Fill<'_, T> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object ({})", T::NAME)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut extra = T::Extra::default();
        read_members(self.0, &mut extra, &mut map)?;
        self.0.keep_extra(extra);
        Ok(())
    }
}

/// The items of a list, each appended to it.
struct Append<'a, T>(&'a mut Vec<T>);

impl<'de, T: Nested> Visitor<'de> for Append<'_, T> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        loop {
            let index = self.0.len();
            match seq.next_element_seed(Item(&mut *self.0)) {
                Ok(Some(())) => {}
                Ok(None) => return Ok(()),
                Err(err) => {
                    record_index(index);
                    return Err(err);
                }
            }
        }
    }
}

/// One item, appended to its list.
struct Item<'a, T>(&'a mut Vec<T>);

impl<'de, T: Nested> DeserializeSeed<'de> for Item<'_, T> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        T::push_into(deserializer, self.0)
    }
}
