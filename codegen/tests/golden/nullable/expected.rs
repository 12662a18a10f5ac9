// Golden output of the generator for the case `nullable` (tests/golden/nullable/spec.yaml):
// every file it writes, in one. Rewrite with UPDATE_GOLDEN=1, never by hand.

// ---- the models (compiled by golden-compile/tests/golden_compile.rs) ----


mod address {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `address`; build one with [`Address::builder`].
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Address {
    pub street: Option<String>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`Address`] field by field: see [`Address::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct AddressBuilder {
    street: Option<String>,
    problems: crate::__private::Problems,
}
impl AddressBuilder {
    /// Sets [`Address::street`].
    pub fn street(mut self, value: impl Into<String>) -> Self {
        self.street = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<Address, crate::BuildError> {
        self.problems.check(&[])?;
        Ok(Address {
            street: self.street,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(Address, AddressBuilder);
crate::__private::struct_serde! {
    Address via Self, extra: serde_json::Map<String, serde_json::Value>;
    "street" => street: optional value,
}
}

pub use address::*;

mod profile {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::Address;
/// From schema `profile`; build one with [`Profile::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Profile {
    pub id: String,
    /// Required but nullable.
    pub nickname: Option<String>,
    /// Optional, not nullable.
    pub bio: Option<String>,
    /// Optional and nullable.
    pub middle_name: Option<String>,
    /// Required, nullable, through an allOf wrapper.
    pub address: Option<Address>,
    pub billing: Address,
    /// Optional, nullable, through an allOf wrapper.
    pub shipping: Option<Address>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`Profile`] field by field: see [`Profile::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct ProfileBuilder {
    id: Option<String>,
    nickname: Option<String>,
    bio: Option<String>,
    middle_name: Option<String>,
    address: Option<Address>,
    billing: Option<Address>,
    shipping: Option<Address>,
    problems: crate::__private::Problems,
}
impl ProfileBuilder {
    /// Sets [`Profile::id`].
    pub fn id(mut self, value: impl Into<String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets [`Profile::nickname`].
    pub fn nickname(mut self, value: impl Into<String>) -> Self {
        self.nickname = Some(value.into());
        self
    }
    /// Sets [`Profile::bio`].
    pub fn bio(mut self, value: impl Into<String>) -> Self {
        self.bio = Some(value.into());
        self
    }
    /// Sets [`Profile::middle_name`].
    pub fn middle_name(mut self, value: impl Into<String>) -> Self {
        self.middle_name = Some(value.into());
        self
    }
    /// Sets [`Profile::address`].
    pub fn address(mut self, value: impl crate::IntoModel<Address>) -> Self {
        self.address = self.problems.one(value, "address");
        self
    }
    /// Sets [`Profile::billing`].
    pub fn billing(mut self, value: impl crate::IntoModel<Address>) -> Self {
        self.billing = self.problems.one(value, "billing");
        self
    }
    /// Sets [`Profile::shipping`].
    pub fn shipping(mut self, value: impl crate::IntoModel<Address>) -> Self {
        self.shipping = self.problems.one(value, "shipping");
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<Profile, crate::BuildError> {
        self.problems
            .check(&[("id", self.id.is_none()), ("billing", self.billing.is_none())])?;
        Ok(Profile {
            id: crate::__private::required(self.id, "id")?,
            nickname: self.nickname,
            bio: self.bio,
            middle_name: self.middle_name,
            address: self.address,
            billing: crate::__private::required(self.billing, "billing")?,
            shipping: self.shipping,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(Profile, ProfileBuilder);
crate::__private::struct_serde! {
    Profile via ProfileBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "id" => id: required value,
    "nickname" => nickname: optional value,
    "bio" => bio: optional value,
    "middle_name" => middle_name: optional value,
    "address" => address: optional value,
    "billing" => billing: required value,
    "shipping" => shipping: optional value,
}
}

pub use profile::*;

// ---- conekta-sdk/src/generated/mod.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_mod_rs {
/// The API's data types: one per schema of the spec, and one per inline object or enum.
#[allow(deprecated)]
pub mod models;
/// The API's operations, grouped by tag: `client.customers().get_customer_by_id(id)`.
pub mod operations;
/// Version of nullable this code was generated from.
pub const API_VERSION: &str = "1.0.0";
/// The media type sent as `Accept`: it selects the API version.
pub const MEDIA_TYPE: &str = "application/json";
}

// ---- conekta-sdk/src/generated/operations/general.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_operations_general_rs {
use super::super::models;
use crate::__private::Call;
use crate::{IntoModel, OperationInfo as Info, Request};
use reqwest::Method;
/// The operations tagged `General`: get it from the client, then call one.
#[derive(Debug, Clone, Copy)]
pub struct General<'a> {
    pub(crate) client: &'a crate::Client,
}
impl<'a> General<'a> {
    /// `GET /profiles/{id}` (operation `getProfile`).
    ///
    /// The answer: [`Profile`](crate::models::Profile).
    #[doc(alias = "getProfile")]
    pub fn get_profile(&self, id: impl Into<String>) -> Request<'a, GetProfile> {
        Request::new(self.client, GetProfile { id: id.into() })
    }
    /// `POST /sent` (operation `sendProfile`).
    ///
    /// The answer: [`Profile`](crate::models::Profile).
    #[doc(alias = "sendProfile")]
    pub fn send_profile(
        &self,
        body: impl IntoModel<models::Profile>,
    ) -> Request<'a, SendProfile> {
        let body = body.try_into().map_err(Into::into);
        Request::new(self.client, SendProfile { body })
    }
}
/// The operation `getProfile` (`GET /profiles/{id}`): what a call of it takes. Start one with [`General::get_profile`]. The answer: [`Profile`](crate::models::Profile).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone, Default)]
pub struct GetProfile {
    id: String,
}
impl crate::Operation for GetProfile {
    type Response = models::Profile;
    const INFO: &Info = &Info::new("getProfile", Method::GET, "/profiles/{id}");
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[&self.id])?;
        Ok(())
    }
}
/// The operation `sendProfile` (`POST /sent`): what a call of it takes. Start one with [`General::send_profile`]. The answer: [`Profile`](crate::models::Profile).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone)]
pub struct SendProfile {
    body: Result<models::Profile, crate::BuildError>,
}
impl crate::Operation for SendProfile {
    type Response = models::Profile;
    const INFO: &Info = &Info::new("sendProfile", Method::POST, "/sent");
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[])?;
        call.json(self.body)?;
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
