// Golden output of the generator for the case `domain` (tests/golden/domain/spec.yaml):
// every file it writes, in one. Rewrite with UPDATE_GOLDEN=1, never by hand.

// ---- the models (compiled by golden-compile/tests/golden_compile.rs) ----


mod card_payment {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `card_payment`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CardPayment {
    pub object: String,
    pub last4: Option<String>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    CardPayment via slots, extra: serde_json::Map<String, serde_json::Value>;
    "object" => object: required value (String),
    "last4" => last4: optional value (String),
}
}

pub use card_payment::*;

mod cash_payment {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `cash_payment`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CashPayment {
    pub object: String,
    pub reference: String,
    pub expires_at: Option<crate::Timestamp>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    CashPayment via slots, extra: serde_json::Map<String, serde_json::Value>;
    "object" => object: required value (String),
    "reference" => reference: required value (String),
    "expires_at" => expires_at: optional value (crate::Timestamp),
}
}

pub use cash_payment::*;

mod charge {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::{CashPayment, ChargeMethod, Refund, RefundList};
/// From schema `charge`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Charge {
    pub id: String,
    pub method: Option<ChargeMethod>,
    pub refunds: Option<ChargeRefunds>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    Charge via slots, extra: serde_json::Map<String, serde_json::Value>;
    "id" => id: required value (String),
    "method" => method: optional value (ChargeMethod),
    "refunds" => refunds: optional value (ChargeRefunds),
}
impl Charge {
    /// The cash payment.
    #[must_use]
    pub fn cash(&self) -> Option<&CashPayment> {
        self.method
            .as_ref()
            .and_then(|value| match value {
                ChargeMethod::CashPayment(value) => Some(value),
                _ => None,
            })
    }
    /// The cash reference.
    #[must_use]
    pub fn reference(&self) -> Option<&str> {
        self.method
            .as_ref()
            .and_then(|value| match value {
                ChargeMethod::CashPayment(value) => Some(value),
                _ => None,
            })
            .map(|value| &value.reference)
            .map(String::as_str)
    }
    /// When the cash reference expires.
    #[must_use]
    pub fn expires_at(&self) -> Option<crate::Timestamp> {
        self.method
            .as_ref()
            .and_then(|value| match value {
                ChargeMethod::CashPayment(value) => Some(value),
                _ => None,
            })
            .and_then(|value| value.expires_at.as_ref())
            .copied()
    }
    /// The refunds, from either form.
    #[must_use]
    pub fn refunds(&self) -> &[Refund] {
        let items: &[Refund] = self
            .refunds
            .as_ref()
            .and_then(|value| match value {
                ChargeRefunds::RefundList(value) => Some(value),
                _ => None,
            })
            .and_then(|value| value.data.as_ref())
            .map(Vec::as_slice)
            .unwrap_or_default();
        if !items.is_empty() {
            return items;
        }
        let items: &[Refund] = self
            .refunds
            .as_ref()
            .and_then(|value| match value {
                ChargeRefunds::Variant1(value) => Some(value),
                _ => None,
            })
            .map(Vec::as_slice)
            .unwrap_or_default();
        items
    }
}
/// From schema `charge/properties/refunds`.
#[derive(Debug, Clone, PartialEq)]
pub enum ChargeRefunds {
    /// The `RefundList` form.
    RefundList(RefundList),
    /// The `Refund` form.
    Variant1(Vec<Refund>),
    /// A value that matches none of the forms above, kept as it was received.
    Other(serde_json::Value),
}
impl serde::Serialize for ChargeRefunds {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::RefundList(value) => serde::Serialize::serialize(value, serializer),
            Self::Variant1(value) => serde::Serialize::serialize(value, serializer),
            Self::Other(value) => serde::Serialize::serialize(value, serializer),
        }
    }
}
impl<'de> serde::Deserialize<'de> for ChargeRefunds {
    /// The first form (in the order above) that the value decodes as.
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        crate::__private::deserialize_union(
            deserializer,
            |value| {
                if let Some(form) = crate::__private::attempt(&value) {
                    return Ok(Self::RefundList(form));
                }
                if let Some(form) = crate::__private::attempt(&value) {
                    return Ok(Self::Variant1(form));
                }
                Ok(Self::Other(value))
            },
        )
    }
}
impl From<RefundList> for ChargeRefunds {
    #[inline]
    fn from(value: RefundList) -> Self {
        Self::RefundList(value)
    }
}
impl From<Vec<Refund>> for ChargeRefunds {
    #[inline]
    fn from(value: Vec<Refund>) -> Self {
        Self::Variant1(value)
    }
}
}

pub use charge::*;

mod charge_method {
use super::{CardPayment, CashPayment};
crate::__private::tagged_union! {
    #[doc = " From schema `charge_method`."] pub enum ChargeMethod : "object" {
    CardPayment(CardPayment) => "card_payment", CashPayment(CashPayment) =>
    "cash_payment", }
}
impl From<CardPayment> for ChargeMethod {
    #[inline]
    fn from(value: CardPayment) -> Self {
        Self::CardPayment(value)
    }
}
impl From<CashPayment> for ChargeMethod {
    #[inline]
    fn from(value: CashPayment) -> Self {
        Self::CashPayment(value)
    }
}
impl ChargeMethod {
    /// The card payment.
    #[must_use]
    pub fn card(&self) -> Option<&CardPayment> {
        match self {
            ChargeMethod::CardPayment(value) => Some(value),
            _ => None,
        }
    }
}
}

pub use charge_method::*;

mod charges {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::Charge;
/// From schema `charges`.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Charges {
    pub data: Option<Vec<Charge>>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    Charges via Self, extra: serde_json::Map<String, serde_json::Value>;
    "data" => data: optional list,
}
}

pub use charges::*;

mod currency {
crate::__private::open_enum! {
    #[doc = " A currency."] #[doc = ""] #[doc = " Values: the spec's descriptions."]
    #[doc = ""] #[doc = " From `value_sets.Currency` in `spec/overrides.yaml`."] pub enum
    Currency { #[doc = " Mexican peso."] Mxn => "MXN", Usd => "USD", }
}
}

pub use currency::*;

mod interval {
crate::__private::open_enum! {
    #[doc = " How often."] #[doc = ""] #[doc =
    " Values: the request's enum, and the answer's example."] #[doc = ""] #[doc =
    " From schema `plan_request/properties/interval`."] pub enum Interval { #[doc =
    " Weekly."] Week => "week", #[doc = " Monthly."] Month => "month", #[doc =
    " Yearly."] Year => "year", }
}
}

pub use interval::*;

mod method_type {
crate::__private::open_enum! {
    #[doc = " How to pay."] #[doc = ""] #[doc = " Values: the example."] #[doc = ""]
    #[doc = " From `value_sets.MethodType` in `spec/overrides.yaml`."] pub enum
    MethodType { #[doc = " A card."] Card => "card", #[doc = " Cash."] Cash => "cash", }
}
}

pub use method_type::*;

mod order {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::{Charge, Charges, Currency, Interval, Status};
/// From schema `order`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Order {
    pub id: String,
    pub created_at: crate::Timestamp,
    pub currency: Option<Currency>,
    /// Example: `"paid"`.
    pub status: Option<Status>,
    pub tags: Option<Vec<Status>>,
    pub charges: Option<Charges>,
    /// Example: `"month"`.
    pub interval: Option<Interval>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    Order via slots, extra: serde_json::Map<String, serde_json::Value>;
    "id" => id: required value (String),
    "created_at" => created_at: required value (crate::Timestamp),
    "currency" => currency: optional value (Currency),
    "status" => status: optional value (Status),
    "tags" => tags: optional list (Vec<Status>),
    "charges" => charges: optional value (Charges),
    "interval" => interval: optional value (Interval),
}
impl Order {
    /// The charges.
    #[must_use]
    pub fn charges(&self) -> &[Charge] {
        self.charges
            .as_ref()
            .and_then(|value| value.data.as_ref())
            .map(Vec::as_slice)
            .unwrap_or_default()
    }
}
}

pub use order::*;

mod order_request {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::{Currency, PaymentMethodRequest};
/// From schema `order_request`; build one with [`OrderRequest::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OrderRequest {
    /// ISO 4217
    pub currency: Currency,
    pub payment_method: PaymentMethodRequest,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`OrderRequest`] field by field: see [`OrderRequest::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct OrderRequestBuilder {
    currency: Option<Currency>,
    payment_method: Option<PaymentMethodRequest>,
    problems: crate::__private::Problems,
}
impl OrderRequestBuilder {
    /// Sets [`OrderRequest::currency`].
    pub fn currency(mut self, value: impl crate::IntoModel<Currency>) -> Self {
        self.currency = self.problems.one(value, "currency");
        self
    }
    /// Sets [`OrderRequest::payment_method`].
    pub fn payment_method(
        mut self,
        value: impl crate::IntoModel<PaymentMethodRequest>,
    ) -> Self {
        self.payment_method = self.problems.one(value, "payment_method");
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<OrderRequest, crate::BuildError> {
        self.problems
            .check(
                &[
                    ("currency", self.currency.is_none()),
                    ("payment_method", self.payment_method.is_none()),
                ],
            )?;
        Ok(OrderRequest {
            currency: crate::__private::required(self.currency, "currency")?,
            payment_method: crate::__private::required(
                self.payment_method,
                "payment_method",
            )?,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(OrderRequest, OrderRequestBuilder);
crate::__private::struct_serde! {
    OrderRequest via OrderRequestBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "currency" => currency: required value,
    "payment_method" => payment_method: required value,
}
}

pub use order_request::*;

mod payment_method_request {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::MethodType;
/// From schema `payment_method_request`; build one with [`PaymentMethodRequest::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PaymentMethodRequest {
    /// Example: `"card"`.
    pub type_: MethodType,
    pub token_id: Option<String>,
    pub expires_at: Option<crate::Timestamp>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`PaymentMethodRequest`] field by field: see [`PaymentMethodRequest::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct PaymentMethodRequestBuilder {
    type_: Option<MethodType>,
    token_id: Option<String>,
    expires_at: Option<crate::Timestamp>,
    problems: crate::__private::Problems,
}
impl PaymentMethodRequestBuilder {
    /// Sets [`PaymentMethodRequest::type_`].
    pub fn type_(mut self, value: impl crate::IntoModel<MethodType>) -> Self {
        self.type_ = self.problems.one(value, "type");
        self
    }
    /// Sets [`PaymentMethodRequest::token_id`].
    pub fn token_id(mut self, value: impl Into<String>) -> Self {
        self.token_id = Some(value.into());
        self
    }
    /// Sets [`PaymentMethodRequest::expires_at`].
    pub fn expires_at(mut self, value: impl Into<crate::Timestamp>) -> Self {
        self.expires_at = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<PaymentMethodRequest, crate::BuildError> {
        self.problems.check(&[("type", self.type_.is_none())])?;
        Ok(PaymentMethodRequest {
            type_: crate::__private::required(self.type_, "type")?,
            token_id: self.token_id,
            expires_at: self.expires_at,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(PaymentMethodRequest, PaymentMethodRequestBuilder);
impl PaymentMethodRequest {
    /// A card payment.
    ///
    /// With a token.
    pub fn card(token_id: impl Into<String>) -> PaymentMethodRequestBuilder {
        Self::builder().type_(MethodType::Card).token_id(token_id)
    }
    /// A cash payment.
    pub fn cash() -> PaymentMethodRequestBuilder {
        Self::builder().type_(MethodType::Cash)
    }
}
crate::__private::struct_serde! {
    PaymentMethodRequest via PaymentMethodRequestBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "type" => type_: required value,
    "token_id" => token_id: optional value,
    "expires_at" => expires_at: optional value,
}
}

pub use payment_method_request::*;

mod plan_request {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::Interval;
/// From schema `plan_request`; build one with [`PlanRequest::builder`].
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct PlanRequest {
    pub interval: Option<Interval>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`PlanRequest`] field by field: see [`PlanRequest::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct PlanRequestBuilder {
    interval: Option<Interval>,
    problems: crate::__private::Problems,
}
impl PlanRequestBuilder {
    /// Sets [`PlanRequest::interval`].
    pub fn interval(mut self, value: impl crate::IntoModel<Interval>) -> Self {
        self.interval = self.problems.one(value, "interval");
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<PlanRequest, crate::BuildError> {
        self.problems.check(&[])?;
        Ok(PlanRequest {
            interval: self.interval,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(PlanRequest, PlanRequestBuilder);
crate::__private::struct_serde! {
    PlanRequest via Self, extra: serde_json::Map<String, serde_json::Value>;
    "interval" => interval: optional value,
}
}

pub use plan_request::*;

mod refund {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `refund`.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Refund {
    pub amount: Option<i64>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    Refund via Self, extra: serde_json::Map<String, serde_json::Value>;
    "amount" => amount: optional value,
}
}

pub use refund::*;

mod refund_list {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::Refund;
/// From schema `refund_list`.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct RefundList {
    pub data: Option<Vec<Refund>>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    RefundList via Self, extra: serde_json::Map<String, serde_json::Value>;
    "data" => data: optional list,
}
}

pub use refund_list::*;

mod status {
crate::__private::open_enum! {
    #[doc = " An order's status."] #[doc = ""] #[doc = " Values: the example."] #[doc =
    ""] #[doc = " From `value_sets.Status` in `spec/overrides.yaml`."] pub enum Status {
    #[doc = " Paid."] Paid => "paid", #[doc = " Not paid yet."] PendingPayment =>
    "pending_payment", }
}
}

pub use status::*;

// ---- conekta-sdk/src/generated/mod.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_mod_rs {
/// The API's data types: one per schema of the spec, and one per inline object or enum.
#[allow(deprecated)]
pub mod models;
/// The API's operations, grouped by tag: `client.customers().get_customer_by_id(id)`.
pub mod operations;
/// Version of domain this code was generated from.
pub const API_VERSION: &str = "1.0.0";
/// The media type sent as `Accept`: it selects the API version.
pub const MEDIA_TYPE: &str = "application/vnd.example+json";
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
    /// `POST /orders` (operation `createOrder`).
    ///
    /// The answer: [`Order`](crate::models::Order).
    #[doc(alias = "createOrder")]
    pub fn create_order(
        &self,
        body: impl IntoModel<models::OrderRequest>,
    ) -> Request<'a, CreateOrder> {
        let body = body.try_into().map_err(Into::into);
        Request::new(self.client, CreateOrder { body })
    }
    /// `POST /plans` (operation `createPlan`).
    ///
    /// The answer: [`Order`](crate::models::Order).
    #[doc(alias = "createPlan")]
    pub fn create_plan(
        &self,
        body: impl IntoModel<models::PlanRequest>,
    ) -> Request<'a, CreatePlan> {
        let body = body.try_into().map_err(Into::into);
        Request::new(self.client, CreatePlan { body })
    }
}
/// The operation `createOrder` (`POST /orders`): what a call of it takes. Start one with [`General::create_order`]. The answer: [`Order`](crate::models::Order).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone)]
pub struct CreateOrder {
    body: Result<models::OrderRequest, crate::BuildError>,
}
impl crate::Operation for CreateOrder {
    type Response = models::Order;
    const INFO: &Info = &Info::new("createOrder", Method::POST, "/orders");
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[])?;
        call.json(self.body)?;
        Ok(())
    }
}
/// The operation `createPlan` (`POST /plans`): what a call of it takes. Start one with [`General::create_plan`]. The answer: [`Order`](crate::models::Order).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone)]
pub struct CreatePlan {
    body: Result<models::PlanRequest, crate::BuildError>,
}
impl crate::Operation for CreatePlan {
    type Response = models::Order;
    const INFO: &Info = &Info::new("createPlan", Method::POST, "/plans");
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
