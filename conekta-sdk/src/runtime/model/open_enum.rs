//! The `open_enum!` macro: string enums that keep values they do not know.
//!
//! Conekta adds event types and decline codes without notice, so every such
//! enum here has an `Unknown(String)` variant that keeps the wire string
//! verbatim, and (de)serialises through that string.
//!
//! This is the one open-enum mechanism of the crate: the generated models'
//! enums and the hand-written ones ([`EventType`](crate::EventType),
//! [`Language`](crate::Language), decline codes) are all written as one table
//! each through this macro, so they share one surface.

/// Defines a public open string enum.
///
/// Generates the enum (with `Unknown(String)`), `KNOWN`, `as_str`,
/// `Display`, `FromStr` (never fails), `From<&str>`, `From<String>`,
/// `Serialize` and `Deserialize`.
#[doc(hidden)]
#[macro_export]
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $wire:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[$vmeta])* #[doc = concat!("\n\nWire value: `", $wire, "`.")] $variant, )+
            /// A value this version of the SDK does not know, kept verbatim.
            ///
            /// Build values with `From`/`FromStr` rather than with this variant
            /// directly, so that known strings map to their named variant.
            Unknown(::std::string::String),
        }

        impl $name {
            /// Every named (known) variant, in declaration order.
            pub const KNOWN: &'static [Self] = &[ $( Self::$variant, )+ ];

            /// The string Conekta uses on the wire for this value.
            #[must_use]
            #[inline]
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )+
                    Self::Unknown(other) => other,
                }
            }

            /// The named variant for a wire string, if there is one.
            #[inline]
            fn known(wire: &str) -> ::std::option::Option<Self> {
                match wire {
                    $( $wire => ::std::option::Option::Some(Self::$variant), )+
                    _ => ::std::option::Option::None,
                }
            }
        }

        impl ::std::fmt::Display for $name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            #[inline]
            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from(s))
            }
        }

        impl ::std::convert::From<&str> for $name {
            #[inline]
            fn from(wire: &str) -> Self {
                Self::known(wire).unwrap_or_else(|| Self::Unknown(wire.to_owned()))
            }
        }

        impl ::std::convert::From<::std::string::String> for $name {
            #[inline]
            fn from(wire: ::std::string::String) -> Self {
                Self::known(&wire).unwrap_or(Self::Unknown(wire))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                struct WireVisitor;

                impl ::serde::de::Visitor<'_> for WireVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!("a string (", stringify!($name), ")"))
                    }

                    fn visit_str<E: ::serde::de::Error>(
                        self,
                        wire: &str,
                    ) -> ::std::result::Result<$name, E> {
                        ::std::result::Result::Ok($name::from(wire))
                    }

                    fn visit_string<E: ::serde::de::Error>(
                        self,
                        wire: ::std::string::String,
                    ) -> ::std::result::Result<$name, E> {
                        ::std::result::Result::Ok($name::from(wire))
                    }
                }

                deserializer.deserialize_str(WireVisitor)
            }
        }
    };
}
