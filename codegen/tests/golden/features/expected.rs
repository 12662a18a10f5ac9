// Golden output of the generator for the case `features` (tests/golden/features/spec.yaml):
// every file it writes, in one. Rewrite with UPDATE_GOLDEN=1, never by hand.
// Cargo features:
// # @generated begin: one feature per tag of the spec
// # (`cargo xtask generate` writes it from the spec's tags: do not edit it by hand).
// ## Every tag's operations and the models they use.
// all-tags = [
//    "pets",
//    "stores",
// ]
// ## Operations tagged `Pets` (`client.pets()`) and the models they use.
// pets = []
// ## Operations tagged `Stores` (`client.stores()`) and the models they use.
// stores = []
// # @generated end

// ---- the models (compiled by golden-compile/tests/golden_compile.rs) ----


mod detail {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `detail`.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Detail {
    pub code: Option<String>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    Detail via Self, extra: serde_json::Map<String, serde_json::Value>;
    "code" => code: optional value,
}
}

pub use detail::*;

mod problem {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::Detail;
/// From schema `problem`.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Problem {
    pub message: Option<String>,
    pub details: Option<Vec<Detail>>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    Problem via Self, extra: serde_json::Map<String, serde_json::Value>;
    "message" => message: optional value,
    "details" => details: optional list,
}
}

pub use problem::*;
#[cfg(feature = "pets")]
mod pet {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::{Address, Toy};
/// From schema `pet`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Pet {
    pub name: String,
    pub toys: Option<Vec<Toy>>,
    pub home: Option<Address>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    Pet via slots, extra: serde_json::Map<String, serde_json::Value>;
    "name" => name: required value (String),
    "toys" => toys: optional list (Vec<Toy>),
    "home" => home: optional value (Address),
}
}
#[cfg(feature = "pets")]
pub use pet::*;
#[cfg(feature = "pets")]
mod toy {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `toy`.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Toy {
    pub squeaks: Option<bool>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    Toy via Self, extra: serde_json::Map<String, serde_json::Value>;
    "squeaks" => squeaks: optional value,
}
}
#[cfg(feature = "pets")]
pub use toy::*;
#[cfg(any(feature = "pets", feature = "stores"))]
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
#[cfg(any(feature = "pets", feature = "stores"))]
pub use address::*;
#[cfg(feature = "stores")]
mod card {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `card`; build one with [`Card::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Card {
    pub last4: String,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`Card`] field by field: see [`Card::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct CardBuilder {
    last4: Option<String>,
    problems: crate::__private::Problems,
}
impl CardBuilder {
    /// Sets [`Card::last4`].
    pub fn last4(mut self, value: impl Into<String>) -> Self {
        self.last4 = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<Card, crate::BuildError> {
        self.problems.check(&[("last4", self.last4.is_none())])?;
        Ok(Card {
            last4: crate::__private::required(self.last4, "last4")?,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(Card, CardBuilder);
crate::__private::struct_serde! {
    Card via CardBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "last4" => last4: required value,
}
}
#[cfg(feature = "stores")]
pub use card::*;
#[cfg(feature = "stores")]
mod cash {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `cash`; build one with [`Cash::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Cash {
    pub reference: String,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`Cash`] field by field: see [`Cash::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct CashBuilder {
    reference: Option<String>,
    problems: crate::__private::Problems,
}
impl CashBuilder {
    /// Sets [`Cash::reference`].
    pub fn reference(mut self, value: impl Into<String>) -> Self {
        self.reference = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<Cash, crate::BuildError> {
        self.problems.check(&[("reference", self.reference.is_none())])?;
        Ok(Cash {
            reference: crate::__private::required(self.reference, "reference")?,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(Cash, CashBuilder);
crate::__private::struct_serde! {
    Cash via CashBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "reference" => reference: required value,
}
}
#[cfg(feature = "stores")]
pub use cash::*;
#[cfg(feature = "stores")]
mod store {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::{Address, Card, Cash};
/// From schema `store`; build one with [`Store::builder`].
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Store {
    pub address: Option<Address>,
    pub payment: Option<StorePayment>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`Store`] field by field: see [`Store::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct StoreBuilder {
    address: Option<Address>,
    payment: Option<StorePayment>,
    problems: crate::__private::Problems,
}
impl StoreBuilder {
    /// Sets [`Store::address`].
    pub fn address(mut self, value: impl crate::IntoModel<Address>) -> Self {
        self.address = self.problems.one(value, "address");
        self
    }
    /// Sets [`Store::payment`].
    pub fn payment(mut self, value: impl crate::IntoModel<StorePayment>) -> Self {
        self.payment = self.problems.one(value, "payment");
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<Store, crate::BuildError> {
        self.problems.check(&[])?;
        Ok(Store {
            address: self.address,
            payment: self.payment,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(Store, StoreBuilder);
crate::__private::struct_serde! {
    Store via Self, extra: serde_json::Map<String, serde_json::Value>;
    "address" => address: optional value,
    "payment" => payment: optional value,
}
/// From schema `store/properties/payment`.
#[derive(Debug, Clone, PartialEq)]
pub enum StorePayment {
    /// The `Card` form.
    Card(Card),
    /// The `Cash` form.
    Cash(Cash),
    /// A value that matches none of the forms above, kept as it was received.
    Other(serde_json::Value),
}
impl serde::Serialize for StorePayment {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Card(value) => serde::Serialize::serialize(value, serializer),
            Self::Cash(value) => serde::Serialize::serialize(value, serializer),
            Self::Other(value) => serde::Serialize::serialize(value, serializer),
        }
    }
}
impl<'de> serde::Deserialize<'de> for StorePayment {
    /// The first form (in the order above) that the value decodes as.
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        crate::__private::deserialize_union(
            deserializer,
            |value| {
                if let Some(form) = crate::__private::attempt(&value) {
                    return Ok(Self::Card(form));
                }
                if let Some(form) = crate::__private::attempt(&value) {
                    return Ok(Self::Cash(form));
                }
                Ok(Self::Other(value))
            },
        )
    }
}
impl From<Card> for StorePayment {
    #[inline]
    fn from(value: Card) -> Self {
        Self::Card(value)
    }
}
impl TryFrom<super::CardBuilder> for StorePayment {
    type Error = crate::BuildError;
    #[inline]
    fn try_from(builder: super::CardBuilder) -> Result<Self, Self::Error> {
        builder.build().map(Self::from)
    }
}
impl From<Cash> for StorePayment {
    #[inline]
    fn from(value: Cash) -> Self {
        Self::Cash(value)
    }
}
impl TryFrom<super::CashBuilder> for StorePayment {
    type Error = crate::BuildError;
    #[inline]
    fn try_from(builder: super::CashBuilder) -> Result<Self, Self::Error> {
        builder.build().map(Self::from)
    }
}
}
#[cfg(feature = "stores")]
pub use store::*;

// ---- conekta-sdk/src/generated/mod.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_mod_rs {
/// The API's data types: one per schema of the spec, and one per inline object or enum.
#[allow(deprecated)]
pub mod models;
/// The API's operations, grouped by tag: `client.customers().get_customer_by_id(id)`.
pub mod operations;
/// Version of features this code was generated from.
pub const API_VERSION: &str = "1.0.0";
/// The media type sent as `Accept`: it selects the API version.
pub const MEDIA_TYPE: &str = "application/json";
}

// ---- conekta-sdk/src/generated/operations/mod.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_operations_mod_rs {
#[cfg(feature = "pets")]
mod pets;
#[cfg(feature = "stores")]
mod stores;
#[cfg(feature = "pets")]
pub use pets::*;
#[cfg(feature = "stores")]
pub use stores::*;
impl crate::Client {
    /// Operations tagged `Pets` in the spec. Needs the feature `pets`.
    #[cfg(feature = "pets")]
    #[inline]
    pub fn pets(&self) -> Pets<'_> {
        Pets { client: self }
    }
    /// Operations tagged `Stores` in the spec. Needs the feature `stores`.
    #[cfg(feature = "stores")]
    #[inline]
    pub fn stores(&self) -> Stores<'_> {
        Stores { client: self }
    }
}
}

// ---- conekta-sdk/src/generated/operations/pets.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_operations_pets_rs {
use super::super::models;
use crate::__private::Call;
use crate::{OperationInfo as Info, Request};
use reqwest::Method;
/// The operations tagged `Pets`: get it from the client, then call one.
#[derive(Debug, Clone, Copy)]
pub struct Pets<'a> {
    pub(crate) client: &'a crate::Client,
}
impl<'a> Pets<'a> {
    /// `GET /pets/{id}` (operation `getPet`).
    ///
    /// The answer: [`Pet`](crate::models::Pet).
    #[doc(alias = "getPet")]
    pub fn get_pet(&self, id: impl Into<String>) -> Request<'a, GetPet> {
        Request::new(self.client, GetPet { id: id.into() })
    }
}
/// The operation `getPet` (`GET /pets/{id}`): what a call of it takes. Start one with [`Pets::get_pet`]. The answer: [`Pet`](crate::models::Pet).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone, Default)]
pub struct GetPet {
    id: String,
}
impl crate::Operation for GetPet {
    type Response = models::Pet;
    const INFO: &Info = &Info::new("getPet", Method::GET, "/pets/{id}");
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[&self.id])?;
        Ok(())
    }
}
}

// ---- conekta-sdk/src/generated/operations/stores.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_operations_stores_rs {
use super::super::models;
use crate::__private::Call;
use crate::{IntoModel, OperationInfo as Info, Request};
use reqwest::Method;
/// The operations tagged `Stores`: get it from the client, then call one.
#[derive(Debug, Clone, Copy)]
pub struct Stores<'a> {
    pub(crate) client: &'a crate::Client,
}
impl<'a> Stores<'a> {
    /// `POST /stores` (operation `createStore`).
    ///
    /// The answer: [`Store`](crate::models::Store).
    #[doc(alias = "createStore")]
    pub fn create_store(
        &self,
        body: impl IntoModel<models::Store>,
    ) -> Request<'a, CreateStore> {
        let body = body.try_into().map_err(Into::into);
        Request::new(self.client, CreateStore { body })
    }
}
/// The operation `createStore` (`POST /stores`): what a call of it takes. Start one with [`Stores::create_store`]. The answer: [`Store`](crate::models::Store).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone)]
pub struct CreateStore {
    body: Result<models::Store, crate::BuildError>,
}
impl crate::Operation for CreateStore {
    type Response = models::Store;
    const INFO: &Info = &Info::new("createStore", Method::POST, "/stores");
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[])?;
        call.json(self.body)?;
        Ok(())
    }
}
}
