// Golden output of the generator for the case `mcp_tools` (tests/golden/mcp_tools/spec.yaml):
// every file it writes, in one. Rewrite with UPDATE_GOLDEN=1, never by hand.

// ---- the models (compiled by golden-compile/tests/golden_compile.rs) ----


mod card {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `card`; build one with [`Card::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Card {
    pub type_: String,
    pub token_id: String,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`Card`] field by field: see [`Card::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct CardBuilder {
    type_: Option<String>,
    token_id: Option<String>,
    problems: crate::__private::Problems,
}
impl CardBuilder {
    /// Sets [`Card::type_`].
    pub fn type_(mut self, value: impl Into<String>) -> Self {
        self.type_ = Some(value.into());
        self
    }
    /// Sets [`Card::token_id`].
    pub fn token_id(mut self, value: impl Into<String>) -> Self {
        self.token_id = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<Card, crate::BuildError> {
        self.problems
            .check(
                &[("type", self.type_.is_none()), ("token_id", self.token_id.is_none())],
            )?;
        Ok(Card {
            type_: crate::__private::required(self.type_, "type")?,
            token_id: crate::__private::required(self.token_id, "token_id")?,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(Card, CardBuilder);
crate::__private::struct_serde! {
    Card via CardBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "type" => type_: required value,
    "token_id" => token_id: required value,
}
}

pub use card::*;

mod cash {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `cash`; build one with [`Cash::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Cash {
    pub type_: String,
    pub expires_at: Option<i64>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`Cash`] field by field: see [`Cash::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct CashBuilder {
    type_: Option<String>,
    expires_at: Option<i64>,
    problems: crate::__private::Problems,
}
impl CashBuilder {
    /// Sets [`Cash::type_`].
    pub fn type_(mut self, value: impl Into<String>) -> Self {
        self.type_ = Some(value.into());
        self
    }
    /// Sets [`Cash::expires_at`].
    pub fn expires_at(mut self, value: impl Into<i64>) -> Self {
        self.expires_at = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<Cash, crate::BuildError> {
        self.problems.check(&[("type", self.type_.is_none())])?;
        Ok(Cash {
            type_: crate::__private::required(self.type_, "type")?,
            expires_at: self.expires_at,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(Cash, CashBuilder);
crate::__private::struct_serde! {
    Cash via CashBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "type" => type_: required value,
    "expires_at" => expires_at: optional value,
}
}

pub use cash::*;

mod contact {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `contact`.
#[derive(Debug, Clone, PartialEq)]
pub enum Contact {
    /// The `ContactVariant0` form.
    Variant0(ContactVariant0),
    /// The `ContactVariant1` form.
    Variant1(ContactVariant1),
    /// A value that matches none of the forms above, kept as it was received.
    Other(serde_json::Value),
}
impl serde::Serialize for Contact {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Variant0(value) => serde::Serialize::serialize(value, serializer),
            Self::Variant1(value) => serde::Serialize::serialize(value, serializer),
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
                    return Ok(Self::Variant0(form));
                }
                if let Some(form) = crate::__private::attempt(&value) {
                    return Ok(Self::Variant1(form));
                }
                Ok(Self::Other(value))
            },
        )
    }
}
impl From<ContactVariant0> for Contact {
    #[inline]
    fn from(value: ContactVariant0) -> Self {
        Self::Variant0(value)
    }
}
impl TryFrom<super::ContactVariant0Builder> for Contact {
    type Error = crate::BuildError;
    #[inline]
    fn try_from(builder: super::ContactVariant0Builder) -> Result<Self, Self::Error> {
        builder.build().map(Self::from)
    }
}
impl From<ContactVariant1> for Contact {
    #[inline]
    fn from(value: ContactVariant1) -> Self {
        Self::Variant1(value)
    }
}
impl TryFrom<super::ContactVariant1Builder> for Contact {
    type Error = crate::BuildError;
    #[inline]
    fn try_from(builder: super::ContactVariant1Builder) -> Result<Self, Self::Error> {
        builder.build().map(Self::from)
    }
}
/// From schema `contact/oneOf/0`; build one with [`ContactVariant0::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ContactVariant0 {
    pub phone: String,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`ContactVariant0`] field by field: see [`ContactVariant0::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct ContactVariant0Builder {
    phone: Option<String>,
    problems: crate::__private::Problems,
}
impl ContactVariant0Builder {
    /// Sets [`ContactVariant0::phone`].
    pub fn phone(mut self, value: impl Into<String>) -> Self {
        self.phone = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<ContactVariant0, crate::BuildError> {
        self.problems.check(&[("phone", self.phone.is_none())])?;
        Ok(ContactVariant0 {
            phone: crate::__private::required(self.phone, "phone")?,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(ContactVariant0, ContactVariant0Builder);
crate::__private::struct_serde! {
    ContactVariant0 via ContactVariant0Builder, extra: serde_json::Map<String, serde_json::Value>;
    "phone" => phone: required value,
}
/// From schema `contact/oneOf/1`; build one with [`ContactVariant1::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ContactVariant1 {
    pub email: String,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`ContactVariant1`] field by field: see [`ContactVariant1::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct ContactVariant1Builder {
    email: Option<String>,
    problems: crate::__private::Problems,
}
impl ContactVariant1Builder {
    /// Sets [`ContactVariant1::email`].
    pub fn email(mut self, value: impl Into<String>) -> Self {
        self.email = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<ContactVariant1, crate::BuildError> {
        self.problems.check(&[("email", self.email.is_none())])?;
        Ok(ContactVariant1 {
            email: crate::__private::required(self.email, "email")?,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(ContactVariant1, ContactVariant1Builder);
crate::__private::struct_serde! {
    ContactVariant1 via ContactVariant1Builder, extra: serde_json::Map<String, serde_json::Value>;
    "email" => email: required value,
}
}

pub use contact::*;

mod customer {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::{Contact, PaymentSource};
/// A customer.
///
/// From schema `customer`; build one with [`Customer::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Customer {
    /// Example: `"Ana"`.
    pub name: String,
    pub email: String,
    #[deprecated]
    pub plan_id: Option<String>,
    pub metadata: Option<std::collections::BTreeMap<String, String>>,
    pub payment_sources: Option<Vec<PaymentSource>>,
    pub contact: Option<Contact>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`Customer`] field by field: see [`Customer::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct CustomerBuilder {
    name: Option<String>,
    email: Option<String>,
    plan_id: Option<String>,
    metadata: Option<std::collections::BTreeMap<String, String>>,
    payment_sources: Option<Vec<PaymentSource>>,
    contact: Option<Contact>,
    problems: crate::__private::Problems,
}
#[allow(deprecated)]
impl CustomerBuilder {
    /// Sets [`Customer::name`].
    pub fn name(mut self, value: impl Into<String>) -> Self {
        self.name = Some(value.into());
        self
    }
    /// Sets [`Customer::email`].
    pub fn email(mut self, value: impl Into<String>) -> Self {
        self.email = Some(value.into());
        self
    }
    /// Sets [`Customer::plan_id`].
    #[deprecated]
    pub fn plan_id(mut self, value: impl Into<String>) -> Self {
        self.plan_id = Some(value.into());
        self
    }
    /// Sets [`Customer::metadata`].
    pub fn metadata(
        mut self,
        value: impl Into<std::collections::BTreeMap<String, String>>,
    ) -> Self {
        self.metadata = Some(value.into());
        self
    }
    /// Sets [`Customer::payment_sources`].
    pub fn payment_sources(
        mut self,
        value: impl IntoIterator<Item = impl crate::IntoModel<PaymentSource>>,
    ) -> Self {
        self.payment_sources = self.problems.many(value, "payment_sources");
        self
    }
    /// Sets [`Customer::contact`].
    pub fn contact(mut self, value: impl crate::IntoModel<Contact>) -> Self {
        self.contact = self.problems.one(value, "contact");
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<Customer, crate::BuildError> {
        self.problems
            .check(&[("name", self.name.is_none()), ("email", self.email.is_none())])?;
        Ok(Customer {
            name: crate::__private::required(self.name, "name")?,
            email: crate::__private::required(self.email, "email")?,
            plan_id: self.plan_id,
            metadata: self.metadata,
            payment_sources: self.payment_sources,
            contact: self.contact,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(#[allow(deprecated)] Customer, CustomerBuilder);
crate::__private::struct_serde! {
    #[allow(deprecated)]
    Customer via CustomerBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "name" => name: required value,
    "email" => email: required value,
    "plan_id" => plan_id: optional value,
    "metadata" => metadata: optional value,
    "payment_sources" => payment_sources: optional list,
    "contact" => contact: optional value,
}
}

pub use customer::*;

mod customer_list {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::Customer;
/// From schema `customer_list`.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct CustomerList {
    pub has_more: Option<bool>,
    pub next_page_url: Option<String>,
    pub data: Option<Vec<Customer>>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    CustomerList via Self, extra: serde_json::Map<String, serde_json::Value>;
    "has_more" => has_more: optional value,
    "next_page_url" => next_page_url: optional value,
    "data" => data: optional list,
}
}

pub use customer_list::*;

mod order {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `order`; build one with [`Order::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Order {
    pub id: Option<String>,
    pub currency: OrderCurrency,
    /// The total
    pub amount: Option<i64>,
    pub created_at: Option<i64>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`Order`] field by field: see [`Order::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct OrderBuilder {
    id: Option<String>,
    currency: Option<OrderCurrency>,
    amount: Option<i64>,
    created_at: Option<i64>,
    problems: crate::__private::Problems,
}
impl OrderBuilder {
    /// Sets [`Order::id`].
    pub fn id(mut self, value: impl Into<String>) -> Self {
        self.id = Some(value.into());
        self
    }
    /// Sets [`Order::currency`].
    pub fn currency(mut self, value: impl crate::IntoModel<OrderCurrency>) -> Self {
        self.currency = self.problems.one(value, "currency");
        self
    }
    /// Sets [`Order::amount`].
    pub fn amount(mut self, value: impl Into<i64>) -> Self {
        self.amount = Some(value.into());
        self
    }
    /// Sets [`Order::created_at`].
    pub fn created_at(mut self, value: impl Into<i64>) -> Self {
        self.created_at = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<Order, crate::BuildError> {
        self.problems.check(&[("currency", self.currency.is_none())])?;
        Ok(Order {
            id: self.id,
            currency: crate::__private::required(self.currency, "currency")?,
            amount: self.amount,
            created_at: self.created_at,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(Order, OrderBuilder);
crate::__private::struct_serde! {
    Order via OrderBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "id" => id: optional value,
    "currency" => currency: required value,
    "amount" => amount: optional value,
    "created_at" => created_at: optional value,
}
crate::__private::open_enum! {
    #[doc = " From schema `order/properties/currency`."] pub enum OrderCurrency { Mxn =>
    "MXN", Usd => "USD", }
}
}

pub use order::*;

mod payment_source {
use super::{Card, Cash};
crate::__private::tagged_union! {
    #[doc = " From schema `payment_source`."] pub enum PaymentSource : "type" {
    Card(Card) => "card", CashRecurrent(Cash) => "cash_recurrent", }
}
impl From<Card> for PaymentSource {
    #[inline]
    fn from(value: Card) -> Self {
        Self::Card(value)
    }
}
impl TryFrom<super::CardBuilder> for PaymentSource {
    type Error = crate::BuildError;
    #[inline]
    fn try_from(builder: super::CardBuilder) -> Result<Self, Self::Error> {
        builder.build().map(Self::from)
    }
}
impl From<Cash> for PaymentSource {
    #[inline]
    fn from(value: Cash) -> Self {
        Self::CashRecurrent(value)
    }
}
impl TryFrom<super::CashBuilder> for PaymentSource {
    type Error = crate::BuildError;
    #[inline]
    fn try_from(builder: super::CashBuilder) -> Result<Self, Self::Error> {
        builder.build().map(Self::from)
    }
}
}

pub use payment_source::*;

mod request_bodies {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From the inline schema at `#/paths/~1orders~1{id}~1cancel/post/requestBody/content/application~1json/schema`; build one with [`CancelOrderBody::builder`].
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct CancelOrderBody {
    pub reason: Option<CancelOrderBodyReason>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`CancelOrderBody`] field by field: see [`CancelOrderBody::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct CancelOrderBodyBuilder {
    reason: Option<CancelOrderBodyReason>,
    problems: crate::__private::Problems,
}
impl CancelOrderBodyBuilder {
    /// Sets [`CancelOrderBody::reason`].
    pub fn reason(
        mut self,
        value: impl crate::IntoModel<CancelOrderBodyReason>,
    ) -> Self {
        self.reason = self.problems.one(value, "reason");
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<CancelOrderBody, crate::BuildError> {
        self.problems.check(&[])?;
        Ok(CancelOrderBody {
            reason: self.reason,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(CancelOrderBody, CancelOrderBodyBuilder);
crate::__private::struct_serde! {
    CancelOrderBody via Self, extra: serde_json::Map<String, serde_json::Value>;
    "reason" => reason: optional value,
}
crate::__private::open_enum! {
    #[doc =
    " From the inline schema at `#/paths/~1orders~1{id}~1cancel/post/requestBody/content/application~1json/schema/properties/reason`."]
    pub enum CancelOrderBodyReason { Fraud => "fraud", Duplicate => "duplicate", }
}
/// From the inline schema at `#/paths/~1orders~1{id}~1refunds/post/requestBody/content/application~1json/schema`; build one with [`OrderRefundBody::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OrderRefundBody {
    pub amount: i64,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`OrderRefundBody`] field by field: see [`OrderRefundBody::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct OrderRefundBodyBuilder {
    amount: Option<i64>,
    problems: crate::__private::Problems,
}
impl OrderRefundBodyBuilder {
    /// Sets [`OrderRefundBody::amount`].
    pub fn amount(mut self, value: impl Into<i64>) -> Self {
        self.amount = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<OrderRefundBody, crate::BuildError> {
        self.problems.check(&[("amount", self.amount.is_none())])?;
        Ok(OrderRefundBody {
            amount: crate::__private::required(self.amount, "amount")?,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(OrderRefundBody, OrderRefundBodyBuilder);
crate::__private::struct_serde! {
    OrderRefundBody via OrderRefundBodyBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "amount" => amount: required value,
}
}

pub use request_bodies::*;

mod responses {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From the inline schema at `#/paths/~1orders~1{id}~1cancel/post/responses/200/content/application~1json/schema`.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct CancelOrderResponse200 {
    pub id: Option<String>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    CancelOrderResponse200 via Self, extra: serde_json::Map<String, serde_json::Value>;
    "id" => id: optional value,
}
}

pub use responses::*;
pub use crate::Language;

// ---- conekta-mcp/src/generated/mod.rs ----
#[cfg(any())]
mod conekta_mcp_src_generated_mod_rs {
use crate::call::{Arguments, CallError, Handler, HandlerFuture, decode, encode};
use conekta_sdk::Client;
use conekta_sdk::models;
/// The tools' metadata and input schemas (see `conekta-codegen`'s MCP emitter).
pub(crate) const TOOLS_JSON: &str = include_str!("tools.json");
/// Every operation's handler, by operation id, in spec order.
pub(crate) static HANDLERS: &[(&str, Handler)] = &[
    ("getCustomers", get_customers as Handler),
    ("createCustomer", create_customer as Handler),
    ("updateCustomer", update_customer as Handler),
    ("deleteCustomerById", delete_customer_by_id as Handler),
    ("createOrder", create_order as Handler),
    ("orderRefund", order_refund as Handler),
    ("CancelOrder", cancel_order as Handler),
];
/// The arguments of the `get_customers` tool.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct GetCustomersArgs {
    /// Parameter `limit`.
    #[serde(rename = "limit", default)]
    limit: Option<i32>,
    /// Parameter `search`.
    #[serde(rename = "search", default)]
    search: Option<String>,
    /// Parameter `next`.
    #[serde(rename = "next", default)]
    next: Option<String>,
}
/// Calls `GET /customers` (operation `getCustomers`).
fn get_customers(
    client: &Client,
    arguments: Arguments,
) -> Result<HandlerFuture<'_>, CallError> {
    let args: GetCustomersArgs = decode(arguments)?;
    let request = client.customers().get_customers();
    let request = match args.limit {
        Some(value) => request.limit(value),
        None => request,
    };
    let request = match args.search {
        Some(value) => request.search(value),
        None => request,
    };
    let request = match args.next {
        Some(value) => request.next(value),
        None => request,
    };
    Ok(Box::pin(encode(request.send().with_body())))
}
/// The arguments of the `create_customer` tool.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CreateCustomerArgs {
    /// The request body.
    #[serde(rename = "body")]
    body: models::Customer,
}
/// Calls `POST /customers` (operation `createCustomer`).
fn create_customer(
    client: &Client,
    arguments: Arguments,
) -> Result<HandlerFuture<'_>, CallError> {
    let args: CreateCustomerArgs = decode(arguments)?;
    let request = client.customers().create_customer(args.body);
    Ok(Box::pin(encode(request.send().with_body())))
}
/// The arguments of the `update_customer` tool.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct UpdateCustomerArgs {
    /// Path parameter `id`.
    #[serde(rename = "id")]
    id: String,
    /// The request body.
    #[serde(rename = "body")]
    body: models::Customer,
}
/// Calls `PUT /customers/{id}` (operation `updateCustomer`).
fn update_customer(
    client: &Client,
    arguments: Arguments,
) -> Result<HandlerFuture<'_>, CallError> {
    let args: UpdateCustomerArgs = decode(arguments)?;
    let request = client.customers().update_customer(args.id, args.body);
    Ok(Box::pin(encode(request.send().with_body())))
}
/// The arguments of the `delete_customer_by_id` tool.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DeleteCustomerByIdArgs {
    /// Path parameter `id`.
    #[serde(rename = "id")]
    id: String,
}
/// Calls `DELETE /customers/{id}` (operation `deleteCustomerById`).
fn delete_customer_by_id(
    client: &Client,
    arguments: Arguments,
) -> Result<HandlerFuture<'_>, CallError> {
    let args: DeleteCustomerByIdArgs = decode(arguments)?;
    let request = client.customers().delete_customer_by_id(args.id);
    Ok(Box::pin(encode(request.send().with_body())))
}
/// The arguments of the `create_order` tool.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CreateOrderArgs {
    /// The request body.
    #[serde(rename = "body")]
    body: models::Order,
}
/// Calls `POST /orders` (operation `createOrder`).
fn create_order(
    client: &Client,
    arguments: Arguments,
) -> Result<HandlerFuture<'_>, CallError> {
    let args: CreateOrderArgs = decode(arguments)?;
    let request = client.orders().create_order(args.body);
    Ok(Box::pin(encode(request.send().with_body())))
}
/// The arguments of the `order_refund` tool.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct OrderRefundArgs {
    /// Path parameter `id`.
    #[serde(rename = "id")]
    id: String,
    /// The request body.
    #[serde(rename = "body")]
    body: models::OrderRefundBody,
}
/// Calls `POST /orders/{id}/refunds` (operation `orderRefund`).
fn order_refund(
    client: &Client,
    arguments: Arguments,
) -> Result<HandlerFuture<'_>, CallError> {
    let args: OrderRefundArgs = decode(arguments)?;
    let request = client.orders().order_refund(args.id, args.body);
    Ok(Box::pin(encode(request.send().with_body())))
}
/// The arguments of the `cancel_order` tool.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CancelOrderArgs {
    /// Path parameter `id`.
    #[serde(rename = "id")]
    id: String,
    /// The request body.
    #[serde(rename = "body", default)]
    body: Option<models::CancelOrderBody>,
}
/// Calls `POST /orders/{id}/cancel` (operation `CancelOrder`).
fn cancel_order(
    client: &Client,
    arguments: Arguments,
) -> Result<HandlerFuture<'_>, CallError> {
    let args: CancelOrderArgs = decode(arguments)?;
    let request = client.orders().cancel_order(args.id);
    let request = match args.body {
        Some(body) => request.body(body),
        None => request,
    };
    Ok(Box::pin(encode(request.send().with_body())))
}
}

// ---- conekta-mcp/src/generated/tools.json ----
#[cfg(any())]
mod conekta_mcp_src_generated_tools_json {
const TEXT: &str = r##"{
  "@generated": "@generated by conekta-codegen: do not edit by hand.",
  "api_version": "1.0.0",
  "defs": {
    "CancelOrderBody": {
      "type": "object",
      "properties": {
        "reason": {
          "$ref": "#/$defs/CancelOrderBodyReason"
        }
      }
    },
    "CancelOrderBodyReason": {
      "type": "string",
      "enum": [
        "fraud",
        "duplicate"
      ]
    },
    "Card": {
      "type": "object",
      "properties": {
        "type": {
          "type": "string"
        },
        "token_id": {
          "type": "string"
        }
      },
      "required": [
        "type",
        "token_id"
      ]
    },
    "Cash": {
      "type": "object",
      "properties": {
        "type": {
          "type": "string"
        },
        "expires_at": {
          "type": "integer",
          "format": "int64"
        }
      },
      "required": [
        "type"
      ]
    },
    "Contact": {
      "anyOf": [
        {
          "$ref": "#/$defs/ContactVariant0"
        },
        {
          "$ref": "#/$defs/ContactVariant1"
        }
      ]
    },
    "ContactVariant0": {
      "type": "object",
      "properties": {
        "phone": {
          "type": "string"
        }
      },
      "required": [
        "phone"
      ]
    },
    "ContactVariant1": {
      "type": "object",
      "properties": {
        "email": {
          "type": "string"
        }
      },
      "required": [
        "email"
      ]
    },
    "Customer": {
      "type": "object",
      "properties": {
        "name": {
          "type": "string",
          "examples": [
            "Ana"
          ]
        },
        "email": {
          "type": "string",
          "format": "email"
        },
        "plan_id": {
          "type": "string",
          "deprecated": true
        },
        "metadata": {
          "type": "object",
          "additionalProperties": {
            "type": "string"
          }
        },
        "payment_sources": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/PaymentSource"
          }
        },
        "contact": {
          "$ref": "#/$defs/Contact"
        }
      },
      "required": [
        "name",
        "email"
      ],
      "description": "A customer."
    },
    "Order": {
      "type": "object",
      "properties": {
        "id": {
          "type": "string"
        },
        "currency": {
          "$ref": "#/$defs/OrderCurrency"
        },
        "amount": {
          "type": "integer",
          "format": "int64",
          "description": "The total (In cents: `35000` is 350.00.)"
        },
        "created_at": {
          "type": "integer",
          "format": "int64"
        }
      },
      "required": [
        "currency"
      ]
    },
    "OrderCurrency": {
      "type": "string",
      "enum": [
        "MXN",
        "USD"
      ]
    },
    "OrderRefundBody": {
      "type": "object",
      "properties": {
        "amount": {
          "type": "integer",
          "format": "int64",
          "description": "In cents: `35000` is 350.00."
        }
      },
      "required": [
        "amount"
      ]
    },
    "PaymentSource": {
      "type": "object",
      "oneOf": [
        {
          "$ref": "#/$defs/Card",
          "properties": {
            "type": {
              "const": "card"
            }
          },
          "required": [
            "type"
          ]
        },
        {
          "$ref": "#/$defs/Cash",
          "properties": {
            "type": {
              "const": "cash_recurrent"
            }
          },
          "required": [
            "type"
          ]
        }
      ]
    }
  },
  "output_defs": {
    "Card": {
      "type": "object",
      "properties": {
        "type": {
          "type": "string"
        },
        "token_id": {
          "type": "string"
        }
      },
      "required": [
        "type",
        "token_id"
      ]
    },
    "Cash": {
      "type": "object",
      "properties": {
        "type": {
          "type": "string"
        },
        "expires_at": {
          "type": "integer"
        }
      },
      "required": [
        "type"
      ]
    },
    "Contact": {
      "anyOf": [
        {
          "$ref": "#/$defs/ContactVariant0"
        },
        {
          "$ref": "#/$defs/ContactVariant1"
        },
        {}
      ]
    },
    "ContactVariant0": {
      "type": "object",
      "properties": {
        "phone": {
          "type": "string"
        }
      },
      "required": [
        "phone"
      ]
    },
    "ContactVariant1": {
      "type": "object",
      "properties": {
        "email": {
          "type": "string"
        }
      },
      "required": [
        "email"
      ]
    },
    "Customer": {
      "type": "object",
      "properties": {
        "name": {
          "type": "string"
        },
        "email": {
          "type": "string"
        },
        "plan_id": {
          "type": "string"
        },
        "metadata": {
          "type": "object",
          "additionalProperties": {
            "type": "string"
          }
        },
        "payment_sources": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/PaymentSource"
          }
        },
        "contact": {
          "$ref": "#/$defs/Contact"
        }
      },
      "required": [
        "name",
        "email"
      ]
    },
    "OrderCurrency": {
      "anyOf": [
        {
          "enum": [
            "MXN",
            "USD"
          ]
        },
        {
          "type": "string"
        }
      ]
    },
    "PaymentSource": {
      "type": "object",
      "anyOf": [
        {
          "$ref": "#/$defs/Card",
          "properties": {
            "type": {
              "const": "card"
            }
          },
          "required": [
            "type"
          ]
        },
        {
          "$ref": "#/$defs/Cash",
          "properties": {
            "type": {
              "const": "cash_recurrent"
            }
          },
          "required": [
            "type"
          ]
        },
        {
          "type": "object"
        }
      ]
    }
  },
  "tools": [
    {
      "operation": "getCustomers",
      "name": "get_customers",
      "tag": "Customers",
      "method": "GET",
      "path": "/customers",
      "title": "List customers",
      "summary": "List customers",
      "description": "List customers\n\nNext: while the answer's `has_more` is true, call again with `next` set to the `next` cursor of its `next_page_url` (the last item's `id`) for the next page. Use `fields` to keep only the members you need of each item.\n\n`GET /customers` (operation `getCustomers`).",
      "movesMoney": false,
      "annotations": {
        "readOnlyHint": true,
        "destructiveHint": false,
        "idempotentHint": true
      },
      "inputSchema": {
        "type": "object",
        "properties": {
          "limit": {
            "type": "integer",
            "format": "int32",
            "description": "How many to return"
          },
          "search": {
            "type": "string"
          },
          "next": {
            "type": "string"
          },
          "fields": {
            "type": "array",
            "items": {
              "type": "string",
              "enum": [
                "contact",
                "email",
                "metadata",
                "name",
                "payment_sources",
                "plan_id"
              ]
            },
            "uniqueItems": true,
            "description": "Keep only these members of each item of `data` (the members every item always has are kept too); the rest of the answer is unchanged. Leave it out to get whole items."
          }
        },
        "additionalProperties": false
      },
      "defs": [],
      "outputSchema": {
        "type": "object",
        "properties": {
          "has_more": {
            "type": "boolean"
          },
          "next_page_url": {
            "type": "string"
          },
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/Customer"
            }
          }
        }
      },
      "outputDefs": [
        "Card",
        "Cash",
        "Contact",
        "ContactVariant0",
        "ContactVariant1",
        "Customer",
        "PaymentSource"
      ],
      "page": {
        "list": "data",
        "members": [
          "contact",
          "email",
          "metadata",
          "name",
          "payment_sources",
          "plan_id"
        ],
        "always": [
          "email",
          "name"
        ]
      }
    },
    {
      "operation": "createCustomer",
      "name": "create_customer",
      "tag": "Customers",
      "method": "POST",
      "path": "/customers",
      "title": "Create a customer",
      "summary": "Create a customer",
      "description": "Create a customer\n\n`POST /customers` (operation `createCustomer`).",
      "movesMoney": false,
      "annotations": {
        "readOnlyHint": false,
        "destructiveHint": false,
        "idempotentHint": false
      },
      "inputSchema": {
        "type": "object",
        "properties": {
          "body": {
            "$ref": "#/$defs/Customer",
            "description": "The request body."
          }
        },
        "required": [
          "body"
        ],
        "additionalProperties": false
      },
      "defs": [
        "Card",
        "Cash",
        "Contact",
        "ContactVariant0",
        "ContactVariant1",
        "Customer",
        "PaymentSource"
      ],
      "outputSchema": {
        "type": "object",
        "properties": {
          "name": {
            "type": "string"
          },
          "email": {
            "type": "string"
          },
          "plan_id": {
            "type": "string"
          },
          "metadata": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          },
          "payment_sources": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/PaymentSource"
            }
          },
          "contact": {
            "$ref": "#/$defs/Contact"
          }
        },
        "required": [
          "name",
          "email"
        ]
      },
      "outputDefs": [
        "Card",
        "Cash",
        "Contact",
        "ContactVariant0",
        "ContactVariant1",
        "PaymentSource"
      ]
    },
    {
      "operation": "updateCustomer",
      "name": "update_customer",
      "tag": "Customers",
      "method": "PUT",
      "path": "/customers/{id}",
      "summary": "`PUT /customers/{id}`",
      "description": "First: `id` is the `id` of an item of `get_customers` or of the answer of `create_customer`.\n\n`PUT /customers/{id}` (operation `updateCustomer`).",
      "movesMoney": false,
      "annotations": {
        "readOnlyHint": false,
        "destructiveHint": false,
        "idempotentHint": true
      },
      "inputSchema": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "minLength": 1,
            "description": "The customer"
          },
          "body": {
            "$ref": "#/$defs/Customer",
            "description": "The request body."
          }
        },
        "required": [
          "id",
          "body"
        ],
        "additionalProperties": false
      },
      "defs": [
        "Card",
        "Cash",
        "Contact",
        "ContactVariant0",
        "ContactVariant1",
        "Customer",
        "PaymentSource"
      ],
      "outputSchema": {
        "type": "object",
        "properties": {
          "name": {
            "type": "string"
          },
          "email": {
            "type": "string"
          },
          "plan_id": {
            "type": "string"
          },
          "metadata": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          },
          "payment_sources": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/PaymentSource"
            }
          },
          "contact": {
            "$ref": "#/$defs/Contact"
          }
        },
        "required": [
          "name",
          "email"
        ]
      },
      "outputDefs": [
        "Card",
        "Cash",
        "Contact",
        "ContactVariant0",
        "ContactVariant1",
        "PaymentSource"
      ]
    },
    {
      "operation": "deleteCustomerById",
      "name": "delete_customer_by_id",
      "tag": "Customers",
      "method": "DELETE",
      "path": "/customers/{id}",
      "summary": "Deletes a customer and its payment sources.",
      "description": "Deletes a customer and its payment sources.\n\nFirst: `id` is the `id` of an item of `get_customers` or of the answer of `create_customer`.\n\n`DELETE /customers/{id}` (operation `deleteCustomerById`).",
      "movesMoney": false,
      "annotations": {
        "readOnlyHint": false,
        "destructiveHint": true,
        "idempotentHint": true
      },
      "inputSchema": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "minLength": 1
          }
        },
        "required": [
          "id"
        ],
        "additionalProperties": false
      },
      "defs": [],
      "outputSchema": {
        "type": "object",
        "properties": {
          "name": {
            "type": "string"
          },
          "email": {
            "type": "string"
          },
          "plan_id": {
            "type": "string"
          },
          "metadata": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          },
          "payment_sources": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/PaymentSource"
            }
          },
          "contact": {
            "$ref": "#/$defs/Contact"
          }
        },
        "required": [
          "name",
          "email"
        ]
      },
      "outputDefs": [
        "Card",
        "Cash",
        "Contact",
        "ContactVariant0",
        "ContactVariant1",
        "PaymentSource"
      ]
    },
    {
      "operation": "createOrder",
      "name": "create_order",
      "tag": "Orders",
      "method": "POST",
      "path": "/orders",
      "title": "Create order",
      "summary": "Create order",
      "description": "Create order\n\nMOVES MONEY: the server asks the user to confirm each call (MCP elicitation) and refuses it when the client cannot ask, unless payments are allowed (`--allow-payments`, or a token that allows them, up to its `max_amount`).\n\nUnits: amounts are integers in cents of the currency (`35000` is 350.00).\n\n`POST /orders` (operation `createOrder`).",
      "movesMoney": true,
      "money": {
        "why": "creating an order charges it.",
        "amount": [
          "body.amount"
        ],
        "currency": "body.currency"
      },
      "annotations": {
        "readOnlyHint": false,
        "destructiveHint": true,
        "idempotentHint": false
      },
      "inputSchema": {
        "type": "object",
        "properties": {
          "body": {
            "$ref": "#/$defs/Order",
            "description": "The request body."
          }
        },
        "required": [
          "body"
        ],
        "additionalProperties": false
      },
      "defs": [
        "Order",
        "OrderCurrency"
      ],
      "outputSchema": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "currency": {
            "$ref": "#/$defs/OrderCurrency"
          },
          "amount": {
            "type": "integer"
          },
          "created_at": {
            "type": "integer"
          }
        },
        "required": [
          "currency"
        ]
      },
      "outputDefs": [
        "OrderCurrency"
      ]
    },
    {
      "operation": "orderRefund",
      "name": "order_refund",
      "tag": "Orders",
      "method": "POST",
      "path": "/orders/{id}/refunds",
      "summary": "`POST /orders/{id}/refunds`",
      "description": "MOVES MONEY: the server asks the user to confirm each call (MCP elicitation) and refuses it when the client cannot ask, unless payments are allowed (`--allow-payments`, or a token that allows them, up to its `max_amount`).\n\nUnits: amounts are integers in cents of the currency (`35000` is 350.00).\n\n`POST /orders/{id}/refunds` (operation `orderRefund`).",
      "movesMoney": true,
      "money": {
        "why": "refunds an order.",
        "amount": [
          "body.amount"
        ]
      },
      "annotations": {
        "readOnlyHint": false,
        "destructiveHint": true,
        "idempotentHint": false
      },
      "inputSchema": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "minLength": 1
          },
          "body": {
            "$ref": "#/$defs/OrderRefundBody",
            "description": "The request body."
          }
        },
        "required": [
          "id",
          "body"
        ],
        "additionalProperties": false
      },
      "defs": [
        "OrderRefundBody"
      ],
      "outputSchema": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "currency": {
            "$ref": "#/$defs/OrderCurrency"
          },
          "amount": {
            "type": "integer"
          },
          "created_at": {
            "type": "integer"
          }
        },
        "required": [
          "currency"
        ]
      },
      "outputDefs": [
        "OrderCurrency"
      ]
    },
    {
      "operation": "CancelOrder",
      "name": "cancel_order",
      "tag": "Orders",
      "method": "POST",
      "path": "/orders/{id}/cancel",
      "summary": "`POST /orders/{id}/cancel`",
      "description": "`POST /orders/{id}/cancel` (operation `CancelOrder`).",
      "movesMoney": false,
      "annotations": {
        "readOnlyHint": false,
        "destructiveHint": true,
        "idempotentHint": false
      },
      "inputSchema": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "minLength": 1
          },
          "body": {
            "$ref": "#/$defs/CancelOrderBody",
            "description": "The request body."
          }
        },
        "required": [
          "id"
        ],
        "additionalProperties": false
      },
      "defs": [
        "CancelOrderBody",
        "CancelOrderBodyReason"
      ],
      "outputSchema": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          }
        }
      },
      "outputDefs": []
    }
  ]
}
"##;
}

// ---- conekta-sdk/src/generated/mod.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_mod_rs {
/// The API's data types: one per schema of the spec, and one per inline object or enum.
#[allow(deprecated)]
pub mod models;
/// The API's operations, grouped by tag: `client.customers().get_customer_by_id(id)`.
pub mod operations;
/// Version of mcp_tools this code was generated from.
pub const API_VERSION: &str = "1.0.0";
/// The media type sent as `Accept`: it selects the API version.
pub const MEDIA_TYPE: &str = "application/json";
}

// ---- conekta-sdk/src/generated/operations/customers.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_operations_customers_rs {
use super::super::models;
use crate::__private::Call;
use crate::{IntoModel, OperationInfo as Info, Request};
use reqwest::Method;
/// The operations tagged `Customers`: get it from the client, then call one.
#[derive(Debug, Clone, Copy)]
pub struct Customers<'a> {
    pub(crate) client: &'a crate::Client,
}
impl<'a> Customers<'a> {
    /// List customers. `GET /customers` (operation `getCustomers`).
    ///
    /// The answer: [`CustomerList`](crate::models::CustomerList). Optional, on the request: `.limit(..)`, `.search(..)`, `.next(..)` (see [`GetCustomers`](GetCustomers)). `.into_stream()` walks every page.
    #[doc(alias = "getCustomers")]
    #[inline]
    pub fn get_customers(&self) -> Request<'a, GetCustomers> {
        Request::new(self.client, GetCustomers::default())
    }
    /// Create a customer. `POST /customers` (operation `createCustomer`).
    ///
    /// The answer: [`Customer`](crate::models::Customer).
    #[doc(alias = "createCustomer")]
    pub fn create_customer(
        &self,
        body: impl IntoModel<models::Customer>,
    ) -> Request<'a, CreateCustomer> {
        let body = body.try_into().map_err(Into::into);
        Request::new(self.client, CreateCustomer { body })
    }
    /// `PUT /customers/{id}` (operation `updateCustomer`).
    ///
    /// The answer: [`Customer`](crate::models::Customer).
    #[doc(alias = "updateCustomer")]
    pub fn update_customer(
        &self,
        id: impl Into<String>,
        body: impl IntoModel<models::Customer>,
    ) -> Request<'a, UpdateCustomer> {
        let body = body.try_into().map_err(Into::into);
        Request::new(
            self.client,
            UpdateCustomer {
                id: id.into(),
                body,
            },
        )
    }
    /// `DELETE /customers/{id}` (operation `deleteCustomerById`).
    ///
    /// The answer: [`Customer`](crate::models::Customer).
    #[doc(alias = "deleteCustomerById")]
    pub fn delete_customer_by_id(
        &self,
        id: impl Into<String>,
    ) -> Request<'a, DeleteCustomerById> {
        Request::new(
            self.client,
            DeleteCustomerById {
                id: id.into(),
            },
        )
    }
}
/// The operation `getCustomers` (`GET /customers`): what a call of it takes. Start one with [`Customers::get_customers`]. The answer: [`CustomerList`](crate::models::CustomerList).
///
/// Optional, set on its [`Request`]:
///
/// - `.limit(..)`: How many to return.
/// - `.search(..)`: the parameter `search`.
/// - `.next(..)`: the parameter `next`.
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone, Default)]
pub struct GetCustomers {
    limit: Option<i32>,
    search: Option<String>,
    next: Option<String>,
}
impl crate::Operation for GetCustomers {
    type Response = models::CustomerList;
    const INFO: &Info = &Info::new("getCustomers", Method::GET, "/customers");
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[])?;
        call.query("limit", self.limit);
        call.query("search", self.search);
        call.query("next", self.next);
        Ok(())
    }
}
impl Request<'_, GetCustomers> {
    /// How many to return
    ///
    /// Query parameter `limit`.
    pub fn limit(mut self, value: impl Into<i32>) -> Self {
        self.params.limit = Some(value.into());
        self
    }
    /// Query parameter `search`.
    pub fn search(mut self, value: impl Into<String>) -> Self {
        self.params.search = Some(value.into());
        self
    }
    /// Query parameter `next`.
    pub fn next(mut self, value: impl Into<String>) -> Self {
        self.params.next = Some(value.into());
        self
    }
}
impl crate::Paginated for GetCustomers {
    type Item = models::Customer;
    #[inline]
    fn cursor(&self) -> Option<&str> {
        self.next.as_deref()
    }
    #[inline]
    fn set_cursor(&mut self, cursor: String) {
        self.next = Some(cursor);
    }
    #[inline]
    fn page(page: Self::Response) -> crate::__private::Page<Self::Item> {
        crate::__private::Page {
            items: page.data.unwrap_or_default(),
            has_more: page.has_more.unwrap_or(false),
            next_page_url: page.next_page_url,
        }
    }
}
/// The operation `createCustomer` (`POST /customers`): what a call of it takes. Start one with [`Customers::create_customer`]. The answer: [`Customer`](crate::models::Customer).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone)]
pub struct CreateCustomer {
    body: Result<models::Customer, crate::BuildError>,
}
impl crate::Operation for CreateCustomer {
    type Response = models::Customer;
    const INFO: &Info = &Info::new("createCustomer", Method::POST, "/customers");
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[])?;
        call.json(self.body)?;
        Ok(())
    }
}
/// The operation `updateCustomer` (`PUT /customers/{id}`): what a call of it takes. Start one with [`Customers::update_customer`]. The answer: [`Customer`](crate::models::Customer).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone)]
pub struct UpdateCustomer {
    id: String,
    body: Result<models::Customer, crate::BuildError>,
}
impl crate::Operation for UpdateCustomer {
    type Response = models::Customer;
    const INFO: &Info = &Info::new("updateCustomer", Method::PUT, "/customers/{id}");
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[&self.id])?;
        call.json(self.body)?;
        Ok(())
    }
}
/// The operation `deleteCustomerById` (`DELETE /customers/{id}`): what a call of it takes. Start one with [`Customers::delete_customer_by_id`]. The answer: [`Customer`](crate::models::Customer).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone, Default)]
pub struct DeleteCustomerById {
    id: String,
}
impl crate::Operation for DeleteCustomerById {
    type Response = models::Customer;
    const INFO: &Info = &Info::new(
        "deleteCustomerById",
        Method::DELETE,
        "/customers/{id}",
    );
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
mod customers;
mod orders;
pub use customers::*;
pub use orders::*;
impl crate::Client {
    /// Operations tagged `Customers` in the spec.
    #[inline]
    pub fn customers(&self) -> Customers<'_> {
        Customers { client: self }
    }
    /// Operations tagged `Orders` in the spec.
    #[inline]
    pub fn orders(&self) -> Orders<'_> {
        Orders { client: self }
    }
}
}

// ---- conekta-sdk/src/generated/operations/orders.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_operations_orders_rs {
use super::super::models;
use crate::__private::Call;
use crate::{IntoModel, OperationInfo as Info, Request};
use reqwest::Method;
/// The operations tagged `Orders`: get it from the client, then call one.
#[derive(Debug, Clone, Copy)]
pub struct Orders<'a> {
    pub(crate) client: &'a crate::Client,
}
impl<'a> Orders<'a> {
    /// Create order. `POST /orders` (operation `createOrder`).
    ///
    /// The answer: [`Order`](crate::models::Order).
    #[doc(alias = "createOrder")]
    pub fn create_order(
        &self,
        body: impl IntoModel<models::Order>,
    ) -> Request<'a, CreateOrder> {
        let body = body.try_into().map_err(Into::into);
        Request::new(self.client, CreateOrder { body })
    }
    /// `POST /orders/{id}/refunds` (operation `orderRefund`).
    ///
    /// The answer: [`Order`](crate::models::Order).
    #[doc(alias = "orderRefund")]
    pub fn order_refund(
        &self,
        id: impl Into<String>,
        body: impl IntoModel<models::OrderRefundBody>,
    ) -> Request<'a, OrderRefund> {
        let body = body.try_into().map_err(Into::into);
        Request::new(self.client, OrderRefund { id: id.into(), body })
    }
    /// `POST /orders/{id}/cancel` (operation `CancelOrder`).
    ///
    /// The answer: [`CancelOrderResponse200`](crate::models::CancelOrderResponse200). Optional, on the request: `.body(..)` (see [`CancelOrder`](CancelOrder)).
    #[doc(alias = "CancelOrder")]
    pub fn cancel_order(&self, id: impl Into<String>) -> Request<'a, CancelOrder> {
        Request::new(
            self.client,
            CancelOrder {
                id: id.into(),
                ..Default::default()
            },
        )
    }
}
/// The operation `createOrder` (`POST /orders`): what a call of it takes. Start one with [`Orders::create_order`]. The answer: [`Order`](crate::models::Order).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone)]
pub struct CreateOrder {
    body: Result<models::Order, crate::BuildError>,
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
/// The operation `orderRefund` (`POST /orders/{id}/refunds`): what a call of it takes. Start one with [`Orders::order_refund`]. The answer: [`Order`](crate::models::Order).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone)]
pub struct OrderRefund {
    id: String,
    body: Result<models::OrderRefundBody, crate::BuildError>,
}
impl crate::Operation for OrderRefund {
    type Response = models::Order;
    const INFO: &Info = &Info::new("orderRefund", Method::POST, "/orders/{id}/refunds");
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[&self.id])?;
        call.json(self.body)?;
        Ok(())
    }
}
/// The operation `CancelOrder` (`POST /orders/{id}/cancel`): what a call of it takes. Start one with [`Orders::cancel_order`]. The answer: [`CancelOrderResponse200`](crate::models::CancelOrderResponse200).
///
/// Optional, set on its [`Request`]:
///
/// - `.body(..)`: the request body.
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone, Default)]
pub struct CancelOrder {
    id: String,
    body: Option<Result<models::CancelOrderBody, crate::BuildError>>,
}
impl crate::Operation for CancelOrder {
    type Response = models::CancelOrderResponse200;
    const INFO: &Info = &Info::new("CancelOrder", Method::POST, "/orders/{id}/cancel");
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[&self.id])?;
        if let Some(body) = self.body {
            call.json(body)?;
        }
        Ok(())
    }
}
impl Request<'_, CancelOrder> {
    /// The request body: a value, or a builder of one.
    pub fn body(mut self, body: impl IntoModel<models::CancelOrderBody>) -> Self {
        self.params.body = Some(body.try_into().map_err(Into::into));
        self
    }
}
}

// ---- tests/src/generated/operations.rs ----
#[cfg(any())]
mod tests_src_generated_operations_rs {
//! Every operation of the spec, and the model each of its responses decodes into.
use conekta_sdk::models;
/// One operation of the spec, with the shape of its sample request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operation {
    /// The `operationId`.
    pub id: &'static str,
    /// Upper-case HTTP method.
    pub method: &'static str,
    /// Path template.
    pub path: &'static str,
    /// The status of its success response.
    pub success_status: u16,
    /// The path the sample request goes to (path parameters percent-encoded).
    pub sample_path: &'static str,
    /// The query the sample request carries (names as in the spec, decoded values).
    pub sample_query: &'static [(&'static str, &'static str)],
    /// The JSON body the sample request sends.
    pub sample_body: Option<&'static str>,
    /// A success body that decodes into the response model.
    pub sample_response: &'static str,
    /// Whether it takes `Accept-Language` (the sample sets `en`).
    pub sets_language: bool,
    /// Whether it takes `X-Child-Company-Id` (the sample sets `child_1`).
    pub sets_child_company: bool,
}
/// Sends the sample request of `operation_id` through the SDK; `None` for an unknown id.
#[allow(deprecated)]
pub async fn call_with_samples(
    client: &conekta_sdk::Client,
    operation_id: &str,
) -> Option<Result<(), conekta_sdk::Error>> {
    Some(
        match operation_id {
            "getCustomers" => {
                client
                    .customers()
                    .get_customers()
                    .limit(7_i32)
                    .search("q value/é&x=1")
                    .next("q value/é&x=1")
                    .language("en")
                    .send()
                    .await
                    .map(drop)
            }
            "createCustomer" => {
                client
                    .customers()
                    .create_customer(
                        serde_json::from_str::<
                            models::Customer,
                        >("{\"name\":\"sample\",\"email\":\"sample\"}")
                            .expect("the sample body decodes"),
                    )
                    .send()
                    .await
                    .map(drop)
            }
            "updateCustomer" => {
                client
                    .customers()
                    .update_customer(
                        "id 1/é?",
                        serde_json::from_str::<
                            models::Customer,
                        >("{\"name\":\"sample\",\"email\":\"sample\"}")
                            .expect("the sample body decodes"),
                    )
                    .send()
                    .await
                    .map(drop)
            }
            "deleteCustomerById" => {
                client
                    .customers()
                    .delete_customer_by_id("id 1/é?")
                    .send()
                    .await
                    .map(drop)
            }
            "createOrder" => {
                client
                    .orders()
                    .create_order(
                        serde_json::from_str::<models::Order>("{\"currency\":\"MXN\"}")
                            .expect("the sample body decodes"),
                    )
                    .send()
                    .await
                    .map(drop)
            }
            "orderRefund" => {
                client
                    .orders()
                    .order_refund(
                        "id 1/é?",
                        serde_json::from_str::<models::OrderRefundBody>("{\"amount\":1}")
                            .expect("the sample body decodes"),
                    )
                    .send()
                    .await
                    .map(drop)
            }
            "CancelOrder" => {
                client
                    .orders()
                    .cancel_order("id 1/é?")
                    .body(
                        serde_json::from_str::<models::CancelOrderBody>("{}")
                            .expect("the sample body decodes"),
                    )
                    .send()
                    .await
                    .map(drop)
            }
            _ => return None,
        },
    )
}
/// Every operation, in spec order.
pub const OPERATIONS: &[Operation] = &[
    Operation {
        id: "getCustomers",
        method: "GET",
        path: "/customers",
        success_status: 200u16,
        sample_path: "/customers",
        sample_query: &[
            ("limit", "7"),
            ("search", "q value/é&x=1"),
            ("next", "q value/é&x=1"),
        ],
        sample_body: None,
        sample_response: "{}",
        sets_language: true,
        sets_child_company: false,
    },
    Operation {
        id: "createCustomer",
        method: "POST",
        path: "/customers",
        success_status: 200u16,
        sample_path: "/customers",
        sample_query: &[],
        sample_body: Some("{\"name\":\"sample\",\"email\":\"sample\"}"),
        sample_response: "{\"name\":\"sample\",\"email\":\"sample\"}",
        sets_language: false,
        sets_child_company: false,
    },
    Operation {
        id: "updateCustomer",
        method: "PUT",
        path: "/customers/{id}",
        success_status: 200u16,
        sample_path: "/customers/id%201%2F%C3%A9%3F",
        sample_query: &[],
        sample_body: Some("{\"name\":\"sample\",\"email\":\"sample\"}"),
        sample_response: "{\"name\":\"sample\",\"email\":\"sample\"}",
        sets_language: false,
        sets_child_company: false,
    },
    Operation {
        id: "deleteCustomerById",
        method: "DELETE",
        path: "/customers/{id}",
        success_status: 200u16,
        sample_path: "/customers/id%201%2F%C3%A9%3F",
        sample_query: &[],
        sample_body: None,
        sample_response: "{\"name\":\"sample\",\"email\":\"sample\"}",
        sets_language: false,
        sets_child_company: false,
    },
    Operation {
        id: "createOrder",
        method: "POST",
        path: "/orders",
        success_status: 200u16,
        sample_path: "/orders",
        sample_query: &[],
        sample_body: Some("{\"currency\":\"MXN\"}"),
        sample_response: "{\"currency\":\"MXN\"}",
        sets_language: false,
        sets_child_company: false,
    },
    Operation {
        id: "orderRefund",
        method: "POST",
        path: "/orders/{id}/refunds",
        success_status: 200u16,
        sample_path: "/orders/id%201%2F%C3%A9%3F/refunds",
        sample_query: &[],
        sample_body: Some("{\"amount\":1}"),
        sample_response: "{\"currency\":\"MXN\"}",
        sets_language: false,
        sets_child_company: false,
    },
    Operation {
        id: "CancelOrder",
        method: "POST",
        path: "/orders/{id}/cancel",
        success_status: 200u16,
        sample_path: "/orders/id%201%2F%C3%A9%3F/cancel",
        sample_query: &[],
        sample_body: Some("{}"),
        sample_response: "{}",
        sets_language: false,
        sets_child_company: false,
    },
];
/// Decodes a body into one model and serialises it again.
pub type Decoder = fn(&[u8]) -> Result<serde_json::Value, crate::DecodeFailure>;
/// Every named model of the spec, by Rust name, with its [`Decoder`].
#[allow(deprecated)]
pub const MODELS: &[(&str, Decoder)] = &[
    ("CancelOrderBody", crate::round_trip::<models::CancelOrderBody>),
    ("CancelOrderBodyReason", crate::round_trip::<models::CancelOrderBodyReason>),
    ("CancelOrderResponse200", crate::round_trip::<models::CancelOrderResponse200>),
    ("Card", crate::round_trip::<models::Card>),
    ("Cash", crate::round_trip::<models::Cash>),
    ("Contact", crate::round_trip::<models::Contact>),
    ("ContactVariant0", crate::round_trip::<models::ContactVariant0>),
    ("ContactVariant1", crate::round_trip::<models::ContactVariant1>),
    ("Customer", crate::round_trip::<models::Customer>),
    ("CustomerList", crate::round_trip::<models::CustomerList>),
    ("Order", crate::round_trip::<models::Order>),
    ("OrderCurrency", crate::round_trip::<models::OrderCurrency>),
    ("OrderRefundBody", crate::round_trip::<models::OrderRefundBody>),
    ("PaymentSource", crate::round_trip::<models::PaymentSource>),
];
/// Decodes `body` as the response of `operation_id` with `status` and
/// serialises it again; `None` when the spec declares no body for that status.
pub fn decode_response(
    operation_id: &str,
    status: u16,
    body: &[u8],
) -> Option<Result<serde_json::Value, crate::DecodeFailure>> {
    match (operation_id, status) {
        ("getCustomers", 200u16) => Some(crate::round_trip::<models::CustomerList>(body)),
        ("createCustomer", 200u16) => Some(crate::round_trip::<models::Customer>(body)),
        ("updateCustomer", 200u16) => Some(crate::round_trip::<models::Customer>(body)),
        ("deleteCustomerById", 200u16) => {
            Some(crate::round_trip::<models::Customer>(body))
        }
        ("createOrder", 200u16) => Some(crate::round_trip::<models::Order>(body)),
        ("orderRefund", 200u16) => Some(crate::round_trip::<models::Order>(body)),
        ("CancelOrder", 200u16) => {
            Some(crate::round_trip::<models::CancelOrderResponse200>(body))
        }
        _ => None,
    }
}
}
