//! The `tagged_union!` macro: the crate's one mechanism for unions told apart
//! by a discriminator property, keeping members with an unknown tag.
//!
//! Conekta adds payment-method and payment-source types without notice (the API
//! already sends `oxxo_recurrent`, which the spec does not list), so a value
//! whose tag no variant claims decodes to `Unknown` with its JSON kept, and is
//! written back unchanged.

/// Defines a public union tagged by `$property`.
///
/// Generates the enum (with `Unknown(serde_json::Value)`), `tag()`,
/// `Serialize` (each variant written with its tag) and `Deserialize`.
#[doc(hidden)]
#[macro_export]
macro_rules! tagged_union {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident : $property:literal {
            $( $(#[$vmeta:meta])* $variant:ident($ty:ty) => $tag:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        $vis enum $name {
            $(
                $(#[$vmeta])*
                #[doc = concat!("`", $property, "` is `", $tag, "`.")]
                $variant($ty),
            )+
            #[doc = concat!("A `", $property, "` this version of the SDK does not know: the value as it was received.")]
            Unknown(::serde_json::Value),
        }

        impl $name {
            /// The discriminator value: the variant's tag, or what an unknown value carries.
            pub fn tag(&self) -> ::std::option::Option<&str> {
                match self {
                    $( Self::$variant(_) => ::std::option::Option::Some($tag), )+
                    Self::Unknown(value) => value.get($property).and_then(::serde_json::Value::as_str),
                }
            }
        }

        impl ::serde::Serialize for $name {
            /// Writes the variant with its tag, whatever its own tag field says.
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                let (mut value, tag) = match self {
                    $(
                        Self::$variant(value) => (
                            ::serde_json::to_value(value).map_err(::serde::ser::Error::custom)?,
                            $tag,
                        ),
                    )+
                    Self::Unknown(value) => return ::serde::Serialize::serialize(value, serializer),
                };
                if let ::std::option::Option::Some(fields) = value.as_object_mut() {
                    fields.insert($property.to_owned(), ::serde_json::Value::from(tag));
                }
                ::serde::Serialize::serialize(&value, serializer)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            /// The variant the tag names; a value with another tag, no tag,
            /// or that is not an object is kept in `Unknown`.
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                $crate::__private::deserialize_union(deserializer, |value| {
                    match value.get($property).and_then(::serde_json::Value::as_str) {
                        $( ::std::option::Option::Some($tag) => $crate::__private::variant(value).map(Self::$variant), )+
                        _ => ::std::result::Result::Ok(Self::Unknown(value)),
                    }
                })
            }
        }
    };
}
