//! The `struct_serde!` macro: `Serialize` and `Deserialize` for a generated
//! struct, from a table of its members (see [`decode`](super::decode)).

/// Implements `Serialize`, `Deserialize` and the decoding for a generated
/// struct: `Name via Self` when every member is optional (the struct collects
/// its own members), `Name via NameBuilder` for a struct with a builder, and
/// `Name via slots` for one without (answers only), whose members then give
/// their types: `"id" => id: required value (String),`.
///
/// Each member is `"json" => field: presence shape`, where presence is
/// `required` or `optional` and shape is `value` or `list` (a list records
/// the index of an item that fails to decode).
#[doc(hidden)]
#[macro_export]
macro_rules! struct_serde {
    // A struct whose members are all optional collects them itself: no builder, no copy.
    (
        $(#[$attr:meta])*
        $name:ident via Self, $extra:ident: $extra_ty:ty;
        $( $json:literal => $field:ident: $presence:ident $shape:ident, )*
    ) => {
        $crate::__private::struct_serde! {
            @impl [$(#[$attr])*] $name via $name, itself, $extra: $extra_ty;
            $( $json => $field: $presence $shape, )*
        }
    };
    // A struct only answers carry has no builder: private slots, declared
    // here from the members' types, collect its members.
    (
        $(#[$attr:meta])*
        $name:ident via slots, $extra:ident: $extra_ty:ty;
        $( $json:literal => $field:ident: $presence:ident $shape:ident ($ty:ty), )*
    ) => {
        const _: () = {
            /// The members of one object as they are read, before the
            /// required ones are checked.
            #[derive(Default)]
            pub struct Slots {
                $( $field: ::std::option::Option<$ty>, )*
            }

            impl Slots {
                #[inline]
                fn build(self) -> ::std::result::Result<$name, $crate::BuildError> {
                    $(#[$attr])*
                    let value = $name {
                        $( $field: $crate::__private::struct_serde!(@take $presence, self.$field, $json), )*
                        $extra: ::std::default::Default::default(),
                    };
                    ::std::result::Result::Ok(value)
                }
            }

            $crate::__private::struct_serde! {
                @impl [$(#[$attr])*] $name via Slots, built, $extra: $extra_ty;
                $( $json => $field: $presence $shape, )*
            }
        };
    };
    // Otherwise its builder collects them and checks the required ones.
    (
        $(#[$attr:meta])*
        $name:ident via $builder:ident, $extra:ident: $extra_ty:ty;
        $( $json:literal => $field:ident: $presence:ident $shape:ident, )*
    ) => {
        $crate::__private::struct_serde! {
            @impl [$(#[$attr])*] $name via $builder, built, $extra: $extra_ty;
            $( $json => $field: $presence $shape, )*
        }
    };
    (
        @impl [$(#[$attr:meta])*] $name:ident via $decoder:ident, $how:ident, $extra:ident: $extra_ty:ty;
        $( $json:literal => $field:ident: $presence:ident $shape:ident, )*
    ) => {
        $(#[$attr])*
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                $crate::__private::serialize_struct(serializer, &self.$extra, |map| {
                    $( $crate::__private::struct_serde!(@write $presence, map, $json, &self.$field); )*
                    ::std::result::Result::Ok(())
                })
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                $crate::__private::deserialize_struct::<$decoder, D>(deserializer)
            }
        }

        $(#[$attr])*
        impl $crate::__private::DecodeFields for $decoder {
            type Model = $name;
            type Extra = $extra_ty;
            const NAME: &'static str = stringify!($name);

            fn field<'de, A: ::serde::de::MapAccess<'de>>(
                &mut self,
                key: &str,
                map: &mut A,
            ) -> ::std::result::Result<bool, A::Error> {
                match key {
                    $( $json => $crate::__private::struct_serde!(@read $shape, map, self.$field), )*
                    _ => return ::std::result::Result::Ok(false),
                }
                ::std::result::Result::Ok(true)
            }

            #[inline]
            fn finish(self, extra: Self::Extra) -> ::std::result::Result<$name, $crate::BuildError> {
                let mut value = $crate::__private::struct_serde!(@$how self);
                value.$extra = extra;
                ::std::result::Result::Ok(value)
            }
        }
    };
    (@take required, $slot:expr, $json:literal) => { $crate::__private::required($slot, $json)? };
    (@take optional, $slot:expr, $json:literal) => { $slot };
    (@itself $slots:ident) => { $slots };
    (@built $slots:ident) => { $slots.build()? };
    (@write required, $map:ident, $json:literal, $value:expr) => {
        ::serde::ser::SerializeMap::serialize_entry($map, $json, $value)?
    };
    (@write optional, $map:ident, $json:literal, $value:expr) => {
        $crate::__private::serialize_optional($map, $json, $value)?
    };
    (@read value, $map:ident, $slot:expr) => {
        $slot = $map.next_value()?
    };
    (@read list, $map:ident, $slot:expr) => {
        $slot = $map.next_value::<::std::option::Option<$crate::__private::List<_>>>()?
            .map($crate::__private::List::into_inner)
    };
}
