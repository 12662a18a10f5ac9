// Golden output of the generator for the case `one_of_discriminator` (tests/golden/one_of_discriminator/spec.yaml):
// every file it writes, in one. Rewrite with UPDATE_GOLDEN=1, never by hand.

// ---- the models (compiled by golden-compile/tests/golden_compile.rs) ----


mod card {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `card`; build one with [`Card::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Card {
    pub type_: String,
    pub last4: String,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`Card`] field by field: see [`Card::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct CardBuilder {
    type_: Option<String>,
    last4: Option<String>,
    problems: crate::__private::Problems,
}
impl CardBuilder {
    /// Sets [`Card::type_`].
    pub fn type_(mut self, value: impl Into<String>) -> Self {
        self.type_ = Some(value.into());
        self
    }
    /// Sets [`Card::last4`].
    pub fn last4(mut self, value: impl Into<String>) -> Self {
        self.last4 = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<Card, crate::BuildError> {
        self.problems
            .check(&[("type", self.type_.is_none()), ("last4", self.last4.is_none())])?;
        Ok(Card {
            type_: crate::__private::required(self.type_, "type")?,
            last4: crate::__private::required(self.last4, "last4")?,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(Card, CardBuilder);
crate::__private::struct_serde! {
    Card via CardBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "type" => type_: required value,
    "last4" => last4: required value,
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
    pub reference: String,
    pub expires_at: Option<i64>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`Cash`] field by field: see [`Cash::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct CashBuilder {
    type_: Option<String>,
    reference: Option<String>,
    expires_at: Option<i64>,
    problems: crate::__private::Problems,
}
impl CashBuilder {
    /// Sets [`Cash::type_`].
    pub fn type_(mut self, value: impl Into<String>) -> Self {
        self.type_ = Some(value.into());
        self
    }
    /// Sets [`Cash::reference`].
    pub fn reference(mut self, value: impl Into<String>) -> Self {
        self.reference = Some(value.into());
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
        self.problems
            .check(
                &[
                    ("type", self.type_.is_none()),
                    ("reference", self.reference.is_none()),
                ],
            )?;
        Ok(Cash {
            type_: crate::__private::required(self.type_, "type")?,
            reference: crate::__private::required(self.reference, "reference")?,
            expires_at: self.expires_at,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(Cash, CashBuilder);
crate::__private::struct_serde! {
    Cash via CashBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "type" => type_: required value,
    "reference" => reference: required value,
    "expires_at" => expires_at: optional value,
}
}

pub use cash::*;

mod payment_method {
use super::{Card, Cash, Spei};
crate::__private::tagged_union! {
    #[doc = " From schema `payment_method`."] pub enum PaymentMethod : "type" {
    CardPayment(Card) => "card_payment", CashRecurrent(Cash) => "cash_recurrent",
    Spei(Spei) => "spei", }
}
impl From<Card> for PaymentMethod {
    #[inline]
    fn from(value: Card) -> Self {
        Self::CardPayment(value)
    }
}
impl TryFrom<super::CardBuilder> for PaymentMethod {
    type Error = crate::BuildError;
    #[inline]
    fn try_from(builder: super::CardBuilder) -> Result<Self, Self::Error> {
        builder.build().map(Self::from)
    }
}
impl From<Cash> for PaymentMethod {
    #[inline]
    fn from(value: Cash) -> Self {
        Self::CashRecurrent(value)
    }
}
impl TryFrom<super::CashBuilder> for PaymentMethod {
    type Error = crate::BuildError;
    #[inline]
    fn try_from(builder: super::CashBuilder) -> Result<Self, Self::Error> {
        builder.build().map(Self::from)
    }
}
impl From<Spei> for PaymentMethod {
    #[inline]
    fn from(value: Spei) -> Self {
        Self::Spei(value)
    }
}
impl TryFrom<super::SpeiBuilder> for PaymentMethod {
    type Error = crate::BuildError;
    #[inline]
    fn try_from(builder: super::SpeiBuilder) -> Result<Self, Self::Error> {
        builder.build().map(Self::from)
    }
}
}

pub use payment_method::*;

mod spei {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `spei`; build one with [`Spei::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Spei {
    pub type_: String,
    pub clabe: String,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`Spei`] field by field: see [`Spei::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct SpeiBuilder {
    type_: Option<String>,
    clabe: Option<String>,
    problems: crate::__private::Problems,
}
impl SpeiBuilder {
    /// Sets [`Spei::type_`].
    pub fn type_(mut self, value: impl Into<String>) -> Self {
        self.type_ = Some(value.into());
        self
    }
    /// Sets [`Spei::clabe`].
    pub fn clabe(mut self, value: impl Into<String>) -> Self {
        self.clabe = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<Spei, crate::BuildError> {
        self.problems
            .check(&[("type", self.type_.is_none()), ("clabe", self.clabe.is_none())])?;
        Ok(Spei {
            type_: crate::__private::required(self.type_, "type")?,
            clabe: crate::__private::required(self.clabe, "clabe")?,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(Spei, SpeiBuilder);
crate::__private::struct_serde! {
    Spei via SpeiBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "type" => type_: required value,
    "clabe" => clabe: required value,
}
}

pub use spei::*;

// ---- conekta-sdk/src/generated/mod.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_mod_rs {
/// The API's data types: one per schema of the spec, and one per inline object or enum.
#[allow(deprecated)]
pub mod models;
/// The API's operations, grouped by tag: `client.customers().get_customer_by_id(id)`.
pub mod operations;
/// Version of one_of_discriminator this code was generated from.
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
    /// `GET /payment_methods/{id}` (operation `getPaymentMethod`).
    ///
    /// The answer: [`PaymentMethod`](crate::models::PaymentMethod).
    #[doc(alias = "getPaymentMethod")]
    pub fn get_payment_method(
        &self,
        id: impl Into<String>,
    ) -> Request<'a, GetPaymentMethod> {
        Request::new(self.client, GetPaymentMethod { id: id.into() })
    }
    /// `POST /sent` (operation `sendPaymentMethod`).
    ///
    /// The answer: [`PaymentMethod`](crate::models::PaymentMethod).
    #[doc(alias = "sendPaymentMethod")]
    pub fn send_payment_method(
        &self,
        body: impl IntoModel<models::PaymentMethod>,
    ) -> Request<'a, SendPaymentMethod> {
        let body = body.try_into().map_err(Into::into);
        Request::new(self.client, SendPaymentMethod { body })
    }
}
/// The operation `getPaymentMethod` (`GET /payment_methods/{id}`): what a call of it takes. Start one with [`General::get_payment_method`]. The answer: [`PaymentMethod`](crate::models::PaymentMethod).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone, Default)]
pub struct GetPaymentMethod {
    id: String,
}
impl crate::Operation for GetPaymentMethod {
    type Response = models::PaymentMethod;
    const INFO: &Info = &Info::new(
        "getPaymentMethod",
        Method::GET,
        "/payment_methods/{id}",
    );
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[&self.id])?;
        Ok(())
    }
}
/// The operation `sendPaymentMethod` (`POST /sent`): what a call of it takes. Start one with [`General::send_payment_method`]. The answer: [`PaymentMethod`](crate::models::PaymentMethod).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone)]
pub struct SendPaymentMethod {
    body: Result<models::PaymentMethod, crate::BuildError>,
}
impl crate::Operation for SendPaymentMethod {
    type Response = models::PaymentMethod;
    const INFO: &Info = &Info::new("sendPaymentMethod", Method::POST, "/sent");
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
