// Golden output of the generator for the case `enums` (tests/golden/enums/spec.yaml):
// every file it writes, in one. Rewrite with UPDATE_GOLDEN=1, never by hand.

// ---- the models (compiled by golden-compile/tests/golden_compile.rs) ----


mod brand {
crate::__private::open_enum! {
    #[doc = " From schema `brand`."] pub enum Brand { Visa => "visa", Mastercard =>
    "mastercard", AmericanExpress => "american_express", }
}
}

pub use brand::*;

mod card {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::Brand;
/// From schema `card`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Card {
    pub brand: Brand,
    pub status: Option<CardStatus>,
    pub authentication: Option<CardAuthentication>,
    pub kind: Option<CardKind>,
    pub tags: Option<Vec<CardTagsItem>>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    Card via slots, extra: serde_json::Map<String, serde_json::Value>;
    "brand" => brand: required value (Brand),
    "status" => status: optional value (CardStatus),
    "authentication" => authentication: optional value (CardAuthentication),
    "kind" => kind: optional value (CardKind),
    "tags" => tags: optional list (Vec<CardTagsItem>),
}
crate::__private::open_enum! {
    #[doc = " From schema `card/properties/authentication`."] pub enum CardAuthentication
    { V3ds => "3ds", V3ds2 => "3ds2", None => "none", }
}
crate::__private::open_enum! {
    #[doc = " From schema `card/properties/kind`."] pub enum CardKind { CreditCard =>
    "credit-card", CreditCard2 => "credit_card", CreditCard3 => "CreditCard", Unknown2 =>
    "unknown", Self_ => "self", }
}
crate::__private::open_enum! {
    #[doc = " From schema `card/properties/status`."] pub enum CardStatus { Active =>
    "active", Inactive => "inactive", Empty => "", }
}
crate::__private::open_enum! {
    #[doc = " From schema `card/properties/tags/items`."] pub enum CardTagsItem { Vip =>
    "vip", Blocked => "blocked", }
}
}

pub use card::*;

mod parameters {
crate::__private::open_enum! {
    #[doc = " From the inline schema at `#/paths/~1cards/get/parameters/0/schema`."] pub
    enum Status { Active => "active", Inactive => "inactive", }
}
crate::__private::open_enum! {
    #[doc =
    " From the inline schema at `#/paths/~1cards~1{id}~1events/get/parameters/1/schema`."]
    pub enum Status2 { Sent => "sent", Failed => "failed", }
}
}

pub use parameters::*;

// ---- conekta-sdk/src/generated/mod.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_mod_rs {
/// The API's data types: one per schema of the spec, and one per inline object or enum.
#[allow(deprecated)]
pub mod models;
/// The API's operations, grouped by tag: `client.customers().get_customer_by_id(id)`.
pub mod operations;
/// Version of enums this code was generated from.
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
    /// `GET /cards` (operation `listCards`).
    ///
    /// The answer: [`Card`](crate::models::Card). Optional, on the request: `.status(..)` (see [`ListCards`](ListCards)).
    #[doc(alias = "listCards")]
    #[inline]
    pub fn list_cards(&self) -> Request<'a, ListCards> {
        Request::new(self.client, ListCards::default())
    }
    /// `GET /cards/{id}` (operation `getCard`).
    ///
    /// The answer: [`Card`](crate::models::Card). Optional, on the request: `.status(..)` (see [`GetCard`](GetCard)).
    #[doc(alias = "getCard")]
    pub fn get_card(&self, id: impl Into<String>) -> Request<'a, GetCard> {
        Request::new(
            self.client,
            GetCard {
                id: id.into(),
                ..Default::default()
            },
        )
    }
    /// `GET /cards/{id}/events` (operation `getCardEvents`).
    ///
    /// The answer: [`Card`](crate::models::Card). Optional, on the request: `.status(..)` (see [`GetCardEvents`](GetCardEvents)).
    #[doc(alias = "getCardEvents")]
    pub fn get_card_events(&self, id: impl Into<String>) -> Request<'a, GetCardEvents> {
        Request::new(
            self.client,
            GetCardEvents {
                id: id.into(),
                ..Default::default()
            },
        )
    }
}
/// The operation `listCards` (`GET /cards`): what a call of it takes. Start one with [`General::list_cards`]. The answer: [`Card`](crate::models::Card).
///
/// Optional, set on its [`Request`]:
///
/// - `.status(..)`: the parameter `status`.
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone, Default)]
pub struct ListCards {
    status: Option<models::Status>,
}
impl crate::Operation for ListCards {
    type Response = models::Card;
    const INFO: &Info = &Info::new("listCards", Method::GET, "/cards");
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[])?;
        call.query("status", self.status);
        Ok(())
    }
}
impl Request<'_, ListCards> {
    /// Query parameter `status`.
    pub fn status(mut self, value: impl Into<models::Status>) -> Self {
        self.params.status = Some(value.into());
        self
    }
}
/// The operation `getCard` (`GET /cards/{id}`): what a call of it takes. Start one with [`General::get_card`]. The answer: [`Card`](crate::models::Card).
///
/// Optional, set on its [`Request`]:
///
/// - `.status(..)`: the parameter `status`.
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone, Default)]
pub struct GetCard {
    id: String,
    status: Option<models::Status>,
}
impl crate::Operation for GetCard {
    type Response = models::Card;
    const INFO: &Info = &Info::new("getCard", Method::GET, "/cards/{id}");
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[&self.id])?;
        call.query("status", self.status);
        Ok(())
    }
}
impl Request<'_, GetCard> {
    /// Query parameter `status`.
    pub fn status(mut self, value: impl Into<models::Status>) -> Self {
        self.params.status = Some(value.into());
        self
    }
}
/// The operation `getCardEvents` (`GET /cards/{id}/events`): what a call of it takes. Start one with [`General::get_card_events`]. The answer: [`Card`](crate::models::Card).
///
/// Optional, set on its [`Request`]:
///
/// - `.status(..)`: the parameter `status`.
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone, Default)]
pub struct GetCardEvents {
    id: String,
    status: Option<models::Status2>,
}
impl crate::Operation for GetCardEvents {
    type Response = models::Card;
    const INFO: &Info = &Info::new("getCardEvents", Method::GET, "/cards/{id}/events");
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[&self.id])?;
        call.query("status", self.status);
        Ok(())
    }
}
impl Request<'_, GetCardEvents> {
    /// Query parameter `status`.
    pub fn status(mut self, value: impl Into<models::Status2>) -> Self {
        self.params.status = Some(value.into());
        self
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
