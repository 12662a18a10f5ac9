// Golden output of the generator for the case `one_of_untagged` (tests/golden/one_of_untagged/spec.yaml):
// every file it writes, in one. Rewrite with UPDATE_GOLDEN=1, never by hand.

// ---- the models (compiled by tests/golden_compile.rs) ----


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
impl TryFrom<super::FullContactBuilder> for Contact {
    type Error = crate::BuildError;
    #[inline]
    fn try_from(builder: super::FullContactBuilder) -> Result<Self, Self::Error> {
        builder.build().map(Self::from)
    }
}
impl From<PhoneContact> for Contact {
    #[inline]
    fn from(value: PhoneContact) -> Self {
        Self::PhoneContact(value)
    }
}
impl TryFrom<super::PhoneContactBuilder> for Contact {
    type Error = crate::BuildError;
    #[inline]
    fn try_from(builder: super::PhoneContactBuilder) -> Result<Self, Self::Error> {
        builder.build().map(Self::from)
    }
}
impl From<LabelledEmailContact> for Contact {
    #[inline]
    fn from(value: LabelledEmailContact) -> Self {
        Self::LabelledEmailContact(value)
    }
}
impl TryFrom<super::LabelledEmailContactBuilder> for Contact {
    type Error = crate::BuildError;
    #[inline]
    fn try_from(
        builder: super::LabelledEmailContactBuilder,
    ) -> Result<Self, Self::Error> {
        builder.build().map(Self::from)
    }
}
impl From<EmailContact> for Contact {
    #[inline]
    fn from(value: EmailContact) -> Self {
        Self::EmailContact(value)
    }
}
impl TryFrom<super::EmailContactBuilder> for Contact {
    type Error = crate::BuildError;
    #[inline]
    fn try_from(builder: super::EmailContactBuilder) -> Result<Self, Self::Error> {
        builder.build().map(Self::from)
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
/// From schema `email_contact`; build one with [`EmailContact::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct EmailContact {
    pub email: String,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`EmailContact`] field by field: see [`EmailContact::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct EmailContactBuilder {
    email: Option<String>,
    problems: crate::__private::Problems,
}
impl EmailContactBuilder {
    /// Sets [`EmailContact::email`].
    pub fn email(mut self, value: impl Into<String>) -> Self {
        self.email = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<EmailContact, crate::BuildError> {
        self.problems.check(&[("email", self.email.is_none())])?;
        Ok(EmailContact {
            email: crate::__private::required(self.email, "email")?,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(EmailContact, EmailContactBuilder);
crate::__private::struct_serde! {
    EmailContact via EmailContactBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "email" => email: required value,
}
}

pub use email_contact::*;

mod full_contact {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `full_contact`; build one with [`FullContact::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct FullContact {
    pub email: String,
    pub phone: String,
    pub name: String,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`FullContact`] field by field: see [`FullContact::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct FullContactBuilder {
    email: Option<String>,
    phone: Option<String>,
    name: Option<String>,
    problems: crate::__private::Problems,
}
impl FullContactBuilder {
    /// Sets [`FullContact::email`].
    pub fn email(mut self, value: impl Into<String>) -> Self {
        self.email = Some(value.into());
        self
    }
    /// Sets [`FullContact::phone`].
    pub fn phone(mut self, value: impl Into<String>) -> Self {
        self.phone = Some(value.into());
        self
    }
    /// Sets [`FullContact::name`].
    pub fn name(mut self, value: impl Into<String>) -> Self {
        self.name = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<FullContact, crate::BuildError> {
        self.problems
            .check(
                &[
                    ("email", self.email.is_none()),
                    ("phone", self.phone.is_none()),
                    ("name", self.name.is_none()),
                ],
            )?;
        Ok(FullContact {
            email: crate::__private::required(self.email, "email")?,
            phone: crate::__private::required(self.phone, "phone")?,
            name: crate::__private::required(self.name, "name")?,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(FullContact, FullContactBuilder);
crate::__private::struct_serde! {
    FullContact via FullContactBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "email" => email: required value,
    "phone" => phone: required value,
    "name" => name: required value,
}
}

pub use full_contact::*;

mod labelled_email_contact {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `labelled_email_contact`; build one with [`LabelledEmailContact::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct LabelledEmailContact {
    pub email: String,
    pub label: Option<String>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`LabelledEmailContact`] field by field: see [`LabelledEmailContact::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct LabelledEmailContactBuilder {
    email: Option<String>,
    label: Option<String>,
    problems: crate::__private::Problems,
}
impl LabelledEmailContactBuilder {
    /// Sets [`LabelledEmailContact::email`].
    pub fn email(mut self, value: impl Into<String>) -> Self {
        self.email = Some(value.into());
        self
    }
    /// Sets [`LabelledEmailContact::label`].
    pub fn label(mut self, value: impl Into<String>) -> Self {
        self.label = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<LabelledEmailContact, crate::BuildError> {
        self.problems.check(&[("email", self.email.is_none())])?;
        Ok(LabelledEmailContact {
            email: crate::__private::required(self.email, "email")?,
            label: self.label,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(LabelledEmailContact, LabelledEmailContactBuilder);
crate::__private::struct_serde! {
    LabelledEmailContact via LabelledEmailContactBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "email" => email: required value,
    "label" => label: optional value,
}
}

pub use labelled_email_contact::*;

mod phone_contact {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `phone_contact`; build one with [`PhoneContact::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PhoneContact {
    pub email: String,
    pub phone: String,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`PhoneContact`] field by field: see [`PhoneContact::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct PhoneContactBuilder {
    email: Option<String>,
    phone: Option<String>,
    problems: crate::__private::Problems,
}
impl PhoneContactBuilder {
    /// Sets [`PhoneContact::email`].
    pub fn email(mut self, value: impl Into<String>) -> Self {
        self.email = Some(value.into());
        self
    }
    /// Sets [`PhoneContact::phone`].
    pub fn phone(mut self, value: impl Into<String>) -> Self {
        self.phone = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<PhoneContact, crate::BuildError> {
        self.problems
            .check(&[("email", self.email.is_none()), ("phone", self.phone.is_none())])?;
        Ok(PhoneContact {
            email: crate::__private::required(self.email, "email")?,
            phone: crate::__private::required(self.phone, "phone")?,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(PhoneContact, PhoneContactBuilder);
crate::__private::struct_serde! {
    PhoneContact via PhoneContactBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "email" => email: required value,
    "phone" => phone: required value,
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
