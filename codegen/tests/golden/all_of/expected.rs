// Golden output of the generator for the case `all_of` (tests/golden/all_of/spec.yaml):
// every file it writes, in one. Rewrite with UPDATE_GOLDEN=1, never by hand.

// ---- the models (compiled by golden-compile/tests/golden_compile.rs) ----


mod base {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `base`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Base {
    pub id: String,
    /// Free text in the base.
    pub status: Option<String>,
    pub meta: Option<BaseMeta>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    Base via slots, extra: serde_json::Map<String, serde_json::Value>;
    "id" => id: required value (String),
    "status" => status: optional value (String),
    "meta" => meta: optional value (BaseMeta),
}
/// From schema `base/properties/meta`; build one with [`BaseMeta::builder`].
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct BaseMeta {
    pub source: Option<String>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`BaseMeta`] field by field: see [`BaseMeta::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct BaseMetaBuilder {
    source: Option<String>,
    problems: crate::__private::Problems,
}
impl BaseMetaBuilder {
    /// Sets [`BaseMeta::source`].
    pub fn source(mut self, value: impl Into<String>) -> Self {
        self.source = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<BaseMeta, crate::BuildError> {
        self.problems.check(&[])?;
        Ok(BaseMeta {
            source: self.source,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(BaseMeta, BaseMetaBuilder);
crate::__private::struct_serde! {
    BaseMeta via Self, extra: serde_json::Map<String, serde_json::Value>;
    "source" => source: optional value,
}
}

pub use base::*;

mod customer {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::BaseMeta;
/// A base with a name; `status` becomes an enum.
///
/// From schema `customer`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Customer {
    pub id: String,
    pub status: Option<CustomerStatus>,
    pub meta: Option<BaseMeta>,
    pub name: String,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    Customer via slots, extra: serde_json::Map<String, serde_json::Value>;
    "id" => id: required value (String),
    "status" => status: optional value (CustomerStatus),
    "meta" => meta: optional value (BaseMeta),
    "name" => name: required value (String),
}
crate::__private::open_enum! {
    #[doc = " From schema `customer/allOf/1/properties/status`."] pub enum CustomerStatus
    { Active => "active", Inactive => "inactive", }
}
}

pub use customer::*;

mod vip_customer {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::{BaseMeta, CustomerStatus};
/// From schema `vip_customer`; build one with [`VipCustomer::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct VipCustomer {
    pub id: String,
    pub status: Option<CustomerStatus>,
    pub meta: Option<BaseMeta>,
    pub name: String,
    pub tier: i32,
    pub perks: Option<Vec<String>>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`VipCustomer`] field by field: see [`VipCustomer::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct VipCustomerBuilder {
    id: Option<String>,
    status: Option<CustomerStatus>,
    meta: Option<BaseMeta>,
    name: Option<String>,
    tier: Option<i32>,
    perks: Option<Vec<String>>,
    problems: crate::__private::Problems,
}
impl VipCustomerBuilder {
    /// Sets [`VipCustomer::id`].
    pub fn id(mut self, value: impl Into<String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets [`VipCustomer::status`].
    pub fn status(mut self, value: impl crate::IntoModel<CustomerStatus>) -> Self {
        self.status = self.problems.one(value, "status");
        self
    }
    /// Sets [`VipCustomer::meta`].
    pub fn meta(mut self, value: impl crate::IntoModel<BaseMeta>) -> Self {
        self.meta = self.problems.one(value, "meta");
        self
    }
    /// Sets [`VipCustomer::name`].
    pub fn name(mut self, value: impl Into<String>) -> Self {
        self.name = Some(value.into());
        self
    }
    /// Sets [`VipCustomer::tier`].
    pub fn tier(mut self, value: impl Into<i32>) -> Self {
        self.tier = Some(value.into());
        self
    }
    /// Sets [`VipCustomer::perks`].
    pub fn perks(mut self, value: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.perks = Some(value.into_iter().map(Into::into).collect());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<VipCustomer, crate::BuildError> {
        self.problems
            .check(
                &[
                    ("id", self.id.is_none()),
                    ("name", self.name.is_none()),
                    ("tier", self.tier.is_none()),
                ],
            )?;
        Ok(VipCustomer {
            id: crate::__private::required(self.id, "id")?,
            status: self.status,
            meta: self.meta,
            name: crate::__private::required(self.name, "name")?,
            tier: crate::__private::required(self.tier, "tier")?,
            perks: self.perks,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(VipCustomer, VipCustomerBuilder);
crate::__private::struct_serde! {
    VipCustomer via VipCustomerBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "id" => id: required value,
    "status" => status: optional value,
    "meta" => meta: optional value,
    "name" => name: required value,
    "tier" => tier: required value,
    "perks" => perks: optional list,
}
}

pub use vip_customer::*;

// ---- conekta-sdk/src/generated/mod.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_mod_rs {
/// The API's data types: one per schema of the spec, and one per inline object or enum.
#[allow(deprecated)]
pub mod models;
/// The API's operations, grouped by tag: `client.customers().get_customer_by_id(id)`.
pub mod operations;
/// Version of all_of this code was generated from.
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
    /// `GET /customers/{id}` (operation `getCustomer`).
    ///
    /// The answer: [`VipCustomer`](crate::models::VipCustomer).
    #[doc(alias = "getCustomer")]
    pub fn get_customer(&self, id: impl Into<String>) -> Request<'a, GetCustomer> {
        Request::new(self.client, GetCustomer { id: id.into() })
    }
    /// `POST /sent` (operation `sendVipCustomer`).
    ///
    /// The answer: [`VipCustomer`](crate::models::VipCustomer).
    #[doc(alias = "sendVipCustomer")]
    pub fn send_vip_customer(
        &self,
        body: impl IntoModel<models::VipCustomer>,
    ) -> Request<'a, SendVipCustomer> {
        let body = body.try_into().map_err(Into::into);
        Request::new(self.client, SendVipCustomer { body })
    }
}
/// The operation `getCustomer` (`GET /customers/{id}`): what a call of it takes. Start one with [`General::get_customer`]. The answer: [`VipCustomer`](crate::models::VipCustomer).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone, Default)]
pub struct GetCustomer {
    id: String,
}
impl crate::Operation for GetCustomer {
    type Response = models::VipCustomer;
    const INFO: &Info = &Info::new("getCustomer", Method::GET, "/customers/{id}");
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[&self.id])?;
        Ok(())
    }
}
/// The operation `sendVipCustomer` (`POST /sent`): what a call of it takes. Start one with [`General::send_vip_customer`]. The answer: [`VipCustomer`](crate::models::VipCustomer).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone)]
pub struct SendVipCustomer {
    body: Result<models::VipCustomer, crate::BuildError>,
}
impl crate::Operation for SendVipCustomer {
    type Response = models::VipCustomer;
    const INFO: &Info = &Info::new("sendVipCustomer", Method::POST, "/sent");
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
