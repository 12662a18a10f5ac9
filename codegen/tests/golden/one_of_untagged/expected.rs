// Golden output of the generator for the case `one_of_untagged` (tests/golden/one_of_untagged/spec.yaml):
// every file it writes, in one. Rewrite with UPDATE_GOLDEN=1, never by hand.

// ---- the models (compiled by golden-compile/tests/golden_compile.rs) ----


mod contact {
use super::{EmailContact, FullContact, LabelledEmailContact, PhoneContact};
/// From schema `contact`.
#[derive(Debug, Clone, PartialEq)]
pub enum Contact {
    /// The `FullContact` form.
    FullContact(FullContact),
    /// The `PhoneContact` form.
    PhoneContact(PhoneContact),
    /// The `LabelledEmailContact` form.
    LabelledEmailContact(LabelledEmailContact),
    /// The `EmailContact` form.
    EmailContact(EmailContact),
    /// The `Variant0` form.
    Variant0(String),
    /// A value that matches none of the forms above, kept as it was received.
    Other(serde_json::Value),
}
impl serde::Serialize for Contact {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::FullContact(value) => serde::Serialize::serialize(value, serializer),
            Self::PhoneContact(value) => serde::Serialize::serialize(value, serializer),
            Self::LabelledEmailContact(value) => {
                serde::Serialize::serialize(value, serializer)
            }
            Self::EmailContact(value) => serde::Serialize::serialize(value, serializer),
            Self::Variant0(value) => serde::Serialize::serialize(value, serializer),
            Self::Other(value) => serde::Serialize::serialize(value, serializer),
        }
    }
}
impl<'de> serde::Deserialize<'de> for Contact {
    /// The first form (in the order above) that the value decodes as.
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        crate::__private::deserialize_union(
            deserializer,
            |value| {
                if let Some(form) = crate::__private::attempt(&value) {
                    return Ok(Self::FullContact(form));
                }
                if let Some(form) = crate::__private::attempt(&value) {
                    return Ok(Self::PhoneContact(form));
                }
                if let Some(form) = crate::__private::attempt(&value) {
                    return Ok(Self::LabelledEmailContact(form));
                }
                if let Some(form) = crate::__private::attempt(&value) {
                    return Ok(Self::EmailContact(form));
                }
                if let Some(form) = crate::__private::attempt(&value) {
                    return Ok(Self::Variant0(form));
                }
                Ok(Self::Other(value))
            },
        )
    }
}
impl From<FullContact> for Contact {
    #[inline]
    fn from(value: FullContact) -> Self {
        Self::FullContact(value)
    }
}
impl From<PhoneContact> for Contact {
    #[inline]
    fn from(value: PhoneContact) -> Self {
        Self::PhoneContact(value)
    }
}
impl From<LabelledEmailContact> for Contact {
    #[inline]
    fn from(value: LabelledEmailContact) -> Self {
        Self::LabelledEmailContact(value)
    }
}
impl From<EmailContact> for Contact {
    #[inline]
    fn from(value: EmailContact) -> Self {
        Self::EmailContact(value)
    }
}
impl From<String> for Contact {
    #[inline]
    fn from(value: String) -> Self {
        Self::Variant0(value)
    }
}
}

pub use contact::*;

mod email_contact {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `email_contact`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct EmailContact {
    pub email: String,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    EmailContact via slots, extra: serde_json::Map<String, serde_json::Value>;
    "email" => email: required value (String),
}
}

pub use email_contact::*;

mod full_contact {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `full_contact`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct FullContact {
    pub email: String,
    pub phone: String,
    pub name: String,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    FullContact via slots, extra: serde_json::Map<String, serde_json::Value>;
    "email" => email: required value (String),
    "phone" => phone: required value (String),
    "name" => name: required value (String),
}
}

pub use full_contact::*;

mod labelled_email_contact {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `labelled_email_contact`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct LabelledEmailContact {
    pub email: String,
    pub label: Option<String>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    LabelledEmailContact via slots, extra: serde_json::Map<String, serde_json::Value>;
    "email" => email: required value (String),
    "label" => label: optional value (String),
}
}

pub use labelled_email_contact::*;

mod phone_contact {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `phone_contact`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PhoneContact {
    pub email: String,
    pub phone: String,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    PhoneContact via slots, extra: serde_json::Map<String, serde_json::Value>;
    "email" => email: required value (String),
    "phone" => phone: required value (String),
}
}

pub use phone_contact::*;

// ---- conekta-sdk/src/generated/mod.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_mod_rs {
/// The API's data types: one per schema of the spec, and one per inline object or enum.
#[allow(deprecated)]
pub mod models;
/// The API's operations, grouped by tag: `client.customers().get_customer_by_id(id)`.
pub mod operations;
/// Version of one_of_untagged this code was generated from.
pub const API_VERSION: &str = "1.0.0";
/// The media type sent as `Accept`: it selects the API version.
pub const MEDIA_TYPE: &str = "application/json";
}

// ---- conekta-sdk/src/generated/operations/general.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_operations_general_rs {
use super::super::models;
use crate::__private::Call;
use crate::{OperationInfo as Info, Request};
use reqwest::Method;
/// The operations tagged `General`: get it from the client, then call one.
#[derive(Debug, Clone, Copy)]
pub struct General<'a> {
    pub(crate) client: &'a crate::Client,
}
impl<'a> General<'a> {
    /// `GET /contacts/{id}` (operation `getContact`).
    ///
    /// The answer: [`Contact`](crate::models::Contact).
    #[doc(alias = "getContact")]
    pub fn get_contact(&self, id: impl Into<String>) -> Request<'a, GetContact> {
        Request::new(self.client, GetContact { id: id.into() })
    }
}
/// The operation `getContact` (`GET /contacts/{id}`): what a call of it takes. Start one with [`General::get_contact`]. The answer: [`Contact`](crate::models::Contact).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone, Default)]
pub struct GetContact {
    id: String,
}
impl crate::Operation for GetContact {
    type Response = models::Contact;
    const INFO: &Info = &Info::new("getContact", Method::GET, "/contacts/{id}");
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[&self.id])?;
        Ok(())
    }
}
}

// ---- conekta-sdk/src/generated/operations/mod.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_operations_mod_rs {
mod general;
pub use general::*;
impl crate::Client {
    /// Operations tagged `General` in the spec.
    #[inline]
    pub fn general(&self) -> General<'_> {
        General { client: self }
    }
}
}
