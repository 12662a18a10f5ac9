// Golden output of the generator for the case `collisions` (tests/golden/collisions/spec.yaml):
// every file it writes, in one. Rewrite with UPDATE_GOLDEN=1, never by hand.
// warning: #/components/schemas/CompanyDocumentResponse: `company_document_response` has the Rust name and shape of `CompanyDocumentResponse`: one type `CompanyDocumentResponse`, from `CompanyDocumentResponse`
// warning: #/components/schemas/CustomerInfo: Rust name `CustomerInfo` is taken or reserved: renamed `CustomerInfo2`
// warning: #/components/schemas/customer_info: `OrderCustomer2` has the shape of `CustomerInfo`: one type `CustomerInfo`

// ---- the models (compiled by golden-compile/tests/golden_compile.rs) ----


mod company_document_response {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `CompanyDocumentResponse`; build one with [`CompanyDocumentResponse::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CompanyDocumentResponse {
    pub id: String,
    pub url: Option<String>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`CompanyDocumentResponse`] field by field: see [`CompanyDocumentResponse::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct CompanyDocumentResponseBuilder {
    id: Option<String>,
    url: Option<String>,
    problems: crate::__private::Problems,
}
impl CompanyDocumentResponseBuilder {
    /// Sets [`CompanyDocumentResponse::id`].
    pub fn id(mut self, value: impl Into<String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets [`CompanyDocumentResponse::url`].
    pub fn url(mut self, value: impl Into<String>) -> Self {
        self.url = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<CompanyDocumentResponse, crate::BuildError> {
        self.problems.check(&[("id", self.id.is_none())])?;
        Ok(CompanyDocumentResponse {
            id: crate::__private::required(self.id, "id")?,
            url: self.url,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(CompanyDocumentResponse, CompanyDocumentResponseBuilder);
crate::__private::struct_serde! {
    CompanyDocumentResponse via CompanyDocumentResponseBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "id" => id: required value,
    "url" => url: optional value,
}
}

pub use company_document_response::*;

mod customer_info {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `customer_info`, schema `order/properties/customer`; build one with [`CustomerInfo::builder`].
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct CustomerInfo {
    pub name: Option<String>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`CustomerInfo`] field by field: see [`CustomerInfo::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct CustomerInfoBuilder {
    name: Option<String>,
    problems: crate::__private::Problems,
}
impl CustomerInfoBuilder {
    /// Sets [`CustomerInfo::name`].
    pub fn name(mut self, value: impl Into<String>) -> Self {
        self.name = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<CustomerInfo, crate::BuildError> {
        self.problems.check(&[])?;
        Ok(CustomerInfo {
            name: self.name,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(CustomerInfo, CustomerInfoBuilder);
crate::__private::struct_serde! {
    CustomerInfo via Self, extra: serde_json::Map<String, serde_json::Value>;
    "name" => name: optional value,
}
}

pub use customer_info::*;

mod customer_info2 {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `CustomerInfo`; build one with [`CustomerInfo2::builder`].
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct CustomerInfo2 {
    pub email: Option<String>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`CustomerInfo2`] field by field: see [`CustomerInfo2::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct CustomerInfo2Builder {
    email: Option<String>,
    problems: crate::__private::Problems,
}
impl CustomerInfo2Builder {
    /// Sets [`CustomerInfo2::email`].
    pub fn email(mut self, value: impl Into<String>) -> Self {
        self.email = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<CustomerInfo2, crate::BuildError> {
        self.problems.check(&[])?;
        Ok(CustomerInfo2 {
            email: self.email,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(CustomerInfo2, CustomerInfo2Builder);
crate::__private::struct_serde! {
    CustomerInfo2 via Self, extra: serde_json::Map<String, serde_json::Value>;
    "email" => email: optional value,
}
}

pub use customer_info2::*;

mod order {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::{CompanyDocumentResponse, CustomerInfo, CustomerInfo2, OrderCustomer};
/// From schema `order`; build one with [`Order::builder`].
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Order {
    pub document: Option<CompanyDocumentResponse>,
    pub document_alt: Option<CompanyDocumentResponse>,
    pub info: Option<CustomerInfo>,
    pub info_alt: Option<CustomerInfo2>,
    pub customer: Option<CustomerInfo>,
    pub customer_ref: Option<OrderCustomer>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`Order`] field by field: see [`Order::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct OrderBuilder {
    document: Option<CompanyDocumentResponse>,
    document_alt: Option<CompanyDocumentResponse>,
    info: Option<CustomerInfo>,
    info_alt: Option<CustomerInfo2>,
    customer: Option<CustomerInfo>,
    customer_ref: Option<OrderCustomer>,
    problems: crate::__private::Problems,
}
impl OrderBuilder {
    /// Sets [`Order::document`].
    pub fn document(
        mut self,
        value: impl crate::IntoModel<CompanyDocumentResponse>,
    ) -> Self {
        self.document = self.problems.one(value, "document");
        self
    }
    /// Sets [`Order::document_alt`].
    pub fn document_alt(
        mut self,
        value: impl crate::IntoModel<CompanyDocumentResponse>,
    ) -> Self {
        self.document_alt = self.problems.one(value, "document_alt");
        self
    }
    /// Sets [`Order::info`].
    pub fn info(mut self, value: impl crate::IntoModel<CustomerInfo>) -> Self {
        self.info = self.problems.one(value, "info");
        self
    }
    /// Sets [`Order::info_alt`].
    pub fn info_alt(mut self, value: impl crate::IntoModel<CustomerInfo2>) -> Self {
        self.info_alt = self.problems.one(value, "info_alt");
        self
    }
    /// Sets [`Order::customer`].
    pub fn customer(mut self, value: impl crate::IntoModel<CustomerInfo>) -> Self {
        self.customer = self.problems.one(value, "customer");
        self
    }
    /// Sets [`Order::customer_ref`].
    pub fn customer_ref(mut self, value: impl crate::IntoModel<OrderCustomer>) -> Self {
        self.customer_ref = self.problems.one(value, "customer_ref");
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<Order, crate::BuildError> {
        self.problems.check(&[])?;
        Ok(Order {
            document: self.document,
            document_alt: self.document_alt,
            info: self.info,
            info_alt: self.info_alt,
            customer: self.customer,
            customer_ref: self.customer_ref,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(Order, OrderBuilder);
crate::__private::struct_serde! {
    Order via Self, extra: serde_json::Map<String, serde_json::Value>;
    "document" => document: optional value,
    "document_alt" => document_alt: optional value,
    "info" => info: optional value,
    "info_alt" => info_alt: optional value,
    "customer" => customer: optional value,
    "customer_ref" => customer_ref: optional value,
}
}

pub use order::*;

mod order_customer {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `order_customer`; build one with [`OrderCustomer::builder`].
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct OrderCustomer {
    pub id: Option<String>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`OrderCustomer`] field by field: see [`OrderCustomer::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct OrderCustomerBuilder {
    id: Option<String>,
    problems: crate::__private::Problems,
}
impl OrderCustomerBuilder {
    /// Sets [`OrderCustomer::id`].
    pub fn id(mut self, value: impl Into<String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<OrderCustomer, crate::BuildError> {
        self.problems.check(&[])?;
        Ok(OrderCustomer {
            id: self.id,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(OrderCustomer, OrderCustomerBuilder);
crate::__private::struct_serde! {
    OrderCustomer via Self, extra: serde_json::Map<String, serde_json::Value>;
    "id" => id: optional value,
}
}

pub use order_customer::*;

// ---- conekta-sdk/src/generated/mod.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_mod_rs {
/// The API's data types: one per schema of the spec, and one per inline object or enum.
#[allow(deprecated)]
pub mod models;
/// The API's operations, grouped by tag: `client.customers().get_customer_by_id(id)`.
pub mod operations;
/// Version of collisions this code was generated from.
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
    /// `GET /orders/{id}` (operation `getOrder`).
    ///
    /// The answer: [`Order`](crate::models::Order).
    #[doc(alias = "getOrder")]
    pub fn get_order(&self, id: impl Into<String>) -> Request<'a, GetOrder> {
        Request::new(self.client, GetOrder { id: id.into() })
    }
    /// `POST /sent` (operation `sendOrder`).
    ///
    /// The answer: [`Order`](crate::models::Order).
    #[doc(alias = "sendOrder")]
    pub fn send_order(
        &self,
        body: impl IntoModel<models::Order>,
    ) -> Request<'a, SendOrder> {
        let body = body.try_into().map_err(Into::into);
        Request::new(self.client, SendOrder { body })
    }
}
/// The operation `getOrder` (`GET /orders/{id}`): what a call of it takes. Start one with [`General::get_order`]. The answer: [`Order`](crate::models::Order).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone, Default)]
pub struct GetOrder {
    id: String,
}
impl crate::Operation for GetOrder {
    type Response = models::Order;
    const INFO: &Info = &Info::new("getOrder", Method::GET, "/orders/{id}");
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[&self.id])?;
        Ok(())
    }
}
/// The operation `sendOrder` (`POST /sent`): what a call of it takes. Start one with [`General::send_order`]. The answer: [`Order`](crate::models::Order).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone)]
pub struct SendOrder {
    body: Result<models::Order, crate::BuildError>,
}
impl crate::Operation for SendOrder {
    type Response = models::Order;
    const INFO: &Info = &Info::new("sendOrder", Method::POST, "/sent");
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
