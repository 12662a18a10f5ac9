// Golden output of the generator for the case `regressions` (tests/golden/regressions/spec.yaml):
// every file it writes, in one. Rewrite with UPDATE_GOLDEN=1, never by hand.
// warning: #/components/schemas/color: the enum value `red` is listed twice: one variant

// ---- the models (compiled by golden-compile/tests/golden_compile.rs) ----


mod base {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `base`.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Base {
    pub meta: Option<BaseMeta>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    Base via Self, extra: serde_json::Map<String, serde_json::Value>;
    "meta" => meta: optional value,
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

mod card {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `card`; build one with [`Card::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Card {
    pub object: String,
    pub last4: Option<String>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`Card`] field by field: see [`Card::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct CardBuilder {
    object: Option<String>,
    last4: Option<String>,
    problems: crate::__private::Problems,
}
impl CardBuilder {
    /// Sets [`Card::object`].
    pub fn object(mut self, value: impl Into<String>) -> Self {
        self.object = Some(value.into());
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
        self.problems.check(&[("object", self.object.is_none())])?;
        Ok(Card {
            object: crate::__private::required(self.object, "object")?,
            last4: self.last4,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(Card, CardBuilder);
crate::__private::struct_serde! {
    Card via CardBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "object" => object: required value,
    "last4" => last4: optional value,
}
}

pub use card::*;

mod color {
crate::__private::open_enum! {
    #[doc = " From schema `color`."] pub enum Color { Red => "red", Blue => "blue", }
}
}

pub use color::*;

mod derived {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::BaseMeta;
/// From schema `derived`; build one with [`Derived::builder`].
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Derived {
    pub meta: Option<BaseMeta>,
    pub extra_info: Option<String>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`Derived`] field by field: see [`Derived::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct DerivedBuilder {
    meta: Option<BaseMeta>,
    extra_info: Option<String>,
    problems: crate::__private::Problems,
}
impl DerivedBuilder {
    /// Sets [`Derived::meta`].
    pub fn meta(mut self, value: impl crate::IntoModel<BaseMeta>) -> Self {
        self.meta = self.problems.one(value, "meta");
        self
    }
    /// Sets [`Derived::extra_info`].
    pub fn extra_info(mut self, value: impl Into<String>) -> Self {
        self.extra_info = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<Derived, crate::BuildError> {
        self.problems.check(&[])?;
        Ok(Derived {
            meta: self.meta,
            extra_info: self.extra_info,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(Derived, DerivedBuilder);
crate::__private::struct_serde! {
    Derived via Self, extra: serde_json::Map<String, serde_json::Value>;
    "meta" => meta: optional value,
    "extra_info" => extra_info: optional value,
}
}

pub use derived::*;

mod match_ {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::{Derived, Payment, Pick};
/// From schema `match`; build one with [`Match::builder`].
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Match {
    pub pick: Option<Pick>,
    pub derived: Option<Derived>,
    pub payment: Option<Payment>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`Match`] field by field: see [`Match::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct MatchBuilder {
    pick: Option<Pick>,
    derived: Option<Derived>,
    payment: Option<Payment>,
    problems: crate::__private::Problems,
}
impl MatchBuilder {
    /// Sets [`Match::pick`].
    pub fn pick(mut self, value: impl crate::IntoModel<Pick>) -> Self {
        self.pick = self.problems.one(value, "pick");
        self
    }
    /// Sets [`Match::derived`].
    pub fn derived(mut self, value: impl crate::IntoModel<Derived>) -> Self {
        self.derived = self.problems.one(value, "derived");
        self
    }
    /// Sets [`Match::payment`].
    pub fn payment(mut self, value: impl crate::IntoModel<Payment>) -> Self {
        self.payment = self.problems.one(value, "payment");
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<Match, crate::BuildError> {
        self.problems.check(&[])?;
        Ok(Match {
            pick: self.pick,
            derived: self.derived,
            payment: self.payment,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(Match, MatchBuilder);
crate::__private::struct_serde! {
    Match via Self, extra: serde_json::Map<String, serde_json::Value>;
    "pick" => pick: optional value,
    "derived" => derived: optional value,
    "payment" => payment: optional value,
}
}

pub use match_::*;

mod payment {
use super::Card;
crate::__private::tagged_union! {
    #[doc = " From schema `payment`."] pub enum Payment : "object" { CardPayment(Card) =>
    "card_payment", }
}
impl From<Card> for Payment {
    #[inline]
    fn from(value: Card) -> Self {
        Self::CardPayment(value)
    }
}
impl TryFrom<super::CardBuilder> for Payment {
    type Error = crate::BuildError;
    #[inline]
    fn try_from(builder: super::CardBuilder) -> Result<Self, Self::Error> {
        builder.build().map(Self::from)
    }
}
}

pub use payment::*;

mod pick {
use super::{Color, Shade};
/// From schema `pick`.
#[derive(Debug, Clone, PartialEq)]
pub enum Pick {
    /// The `Shade` form.
    Shade(Shade),
    /// The `Color` form.
    Color(Color),
    /// A value that matches none of the forms above, kept as it was received.
    Other(serde_json::Value),
}
impl serde::Serialize for Pick {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Shade(value) => serde::Serialize::serialize(value, serializer),
            Self::Color(value) => serde::Serialize::serialize(value, serializer),
            Self::Other(value) => serde::Serialize::serialize(value, serializer),
        }
    }
}
impl<'de> serde::Deserialize<'de> for Pick {
    /// The first form (in the order above) that the value decodes as.
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        crate::__private::deserialize_union(
            deserializer,
            |value| {
                if let Some(form) = crate::__private::attempt(&value) {
                    return Ok(Self::Shade(form));
                }
                if let Some(form) = crate::__private::attempt(&value) {
                    return Ok(Self::Color(form));
                }
                Ok(Self::Other(value))
            },
        )
    }
}
impl From<Shade> for Pick {
    #[inline]
    fn from(value: Shade) -> Self {
        Self::Shade(value)
    }
}
impl TryFrom<super::ShadeBuilder> for Pick {
    type Error = crate::BuildError;
    #[inline]
    fn try_from(builder: super::ShadeBuilder) -> Result<Self, Self::Error> {
        builder.build().map(Self::from)
    }
}
impl From<Color> for Pick {
    #[inline]
    fn from(value: Color) -> Self {
        Self::Color(value)
    }
}
}

pub use pick::*;

mod shade {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `shade`; build one with [`Shade::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Shade {
    pub hex: String,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`Shade`] field by field: see [`Shade::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct ShadeBuilder {
    hex: Option<String>,
    problems: crate::__private::Problems,
}
impl ShadeBuilder {
    /// Sets [`Shade::hex`].
    pub fn hex(mut self, value: impl Into<String>) -> Self {
        self.hex = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<Shade, crate::BuildError> {
        self.problems.check(&[("hex", self.hex.is_none())])?;
        Ok(Shade {
            hex: crate::__private::required(self.hex, "hex")?,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(Shade, ShadeBuilder);
crate::__private::struct_serde! {
    Shade via ShadeBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "hex" => hex: required value,
}
}

pub use shade::*;

// ---- conekta-sdk/src/generated/mod.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_mod_rs {
/// The API's data types: one per schema of the spec, and one per inline object or enum.
#[allow(deprecated)]
pub mod models;
/// The API's operations, grouped by tag: `client.customers().get_customer_by_id(id)`.
pub mod operations;
/// Version of regressions this code was generated from.
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
    /// `POST /sent` (operation `sendMatch`).
    ///
    /// The answer: [`Match`](crate::models::Match).
    #[doc(alias = "sendMatch")]
    pub fn send_match(
        &self,
        body: impl IntoModel<models::Match>,
    ) -> Request<'a, SendMatch> {
        let body = body.try_into().map_err(Into::into);
        Request::new(self.client, SendMatch { body })
    }
}
/// The operation `sendMatch` (`POST /sent`): what a call of it takes. Start one with [`General::send_match`]. The answer: [`Match`](crate::models::Match).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone)]
pub struct SendMatch {
    body: Result<models::Match, crate::BuildError>,
}
impl crate::Operation for SendMatch {
    type Response = models::Match;
    const INFO: &Info = &Info::new("sendMatch", Method::POST, "/sent");
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
mod type_;
pub use general::*;
pub use type_::*;
impl crate::Client {
    /// Operations tagged `General` in the spec.
    #[inline]
    pub fn general(&self) -> General<'_> {
        General { client: self }
    }
    /// Operations tagged `type` in the spec.
    #[inline]
    pub fn type_(&self) -> Type<'_> {
        Type { client: self }
    }
}
}

// ---- conekta-sdk/src/generated/operations/type_.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_operations_type__rs {
use super::super::models;
use crate::__private::Call;
use crate::{OperationInfo as Info, Request};
use reqwest::Method;
/// The operations tagged `type`: get it from the client, then call one.
#[derive(Debug, Clone, Copy)]
pub struct Type<'a> {
    pub(crate) client: &'a crate::Client,
}
impl<'a> Type<'a> {
    /// `GET /match` (operation `getMatch`).
    ///
    /// The answer: [`Match`](crate::models::Match).
    #[doc(alias = "getMatch")]
    #[inline]
    pub fn get_match(&self) -> Request<'a, GetMatch> {
        Request::new(self.client, GetMatch::default())
    }
}
/// The operation `getMatch` (`GET /match`): what a call of it takes. Start one with [`Type::get_match`]. The answer: [`Match`](crate::models::Match).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone, Default)]
pub struct GetMatch {}
impl crate::Operation for GetMatch {
    type Response = models::Match;
    const INFO: &Info = &Info::new("getMatch", Method::GET, "/match");
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[])?;
        Ok(())
    }
}
}
