// Golden output of the generator for the case `keywords` (tests/golden/keywords/spec.yaml):
// every file it writes, in one. Rewrite with UPDATE_GOLDEN=1, never by hand.

// ---- the models (compiled by golden-compile/tests/golden_compile.rs) ----


mod thing {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `thing`; build one with [`Thing::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Thing {
    pub type_: String,
    pub self_: String,
    pub match_: Option<bool>,
    pub async_: Option<i32>,
    pub _3ds: Option<bool>,
    pub created_at_gte: Option<i64>,
    pub filter_name: Option<String>,
    pub filter_name2: Option<String>,
    pub extra: Option<String>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra2: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`Thing`] field by field: see [`Thing::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct ThingBuilder {
    type_: Option<String>,
    self_: Option<String>,
    match_: Option<bool>,
    async_: Option<i32>,
    _3ds: Option<bool>,
    created_at_gte: Option<i64>,
    filter_name: Option<String>,
    filter_name2: Option<String>,
    extra: Option<String>,
    problems: crate::__private::Problems,
}
impl ThingBuilder {
    /// Sets [`Thing::type_`].
    pub fn type_(mut self, value: impl Into<String>) -> Self {
        self.type_ = Some(value.into());
        self
    }
    /// Sets [`Thing::self_`].
    pub fn self_(mut self, value: impl Into<String>) -> Self {
        self.self_ = Some(value.into());
        self
    }
    /// Sets [`Thing::match_`].
    pub fn match_(mut self, value: impl Into<bool>) -> Self {
        self.match_ = Some(value.into());
        self
    }
    /// Sets [`Thing::async_`].
    pub fn async_(mut self, value: impl Into<i32>) -> Self {
        self.async_ = Some(value.into());
        self
    }
    /// Sets [`Thing::_3ds`].
    pub fn _3ds(mut self, value: impl Into<bool>) -> Self {
        self._3ds = Some(value.into());
        self
    }
    /// Sets [`Thing::created_at_gte`].
    pub fn created_at_gte(mut self, value: impl Into<i64>) -> Self {
        self.created_at_gte = Some(value.into());
        self
    }
    /// Sets [`Thing::filter_name`].
    pub fn filter_name(mut self, value: impl Into<String>) -> Self {
        self.filter_name = Some(value.into());
        self
    }
    /// Sets [`Thing::filter_name2`].
    pub fn filter_name2(mut self, value: impl Into<String>) -> Self {
        self.filter_name2 = Some(value.into());
        self
    }
    /// Sets [`Thing::extra`].
    pub fn extra(mut self, value: impl Into<String>) -> Self {
        self.extra = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<Thing, crate::BuildError> {
        self.problems
            .check(&[("type", self.type_.is_none()), ("self", self.self_.is_none())])?;
        Ok(Thing {
            type_: crate::__private::required(self.type_, "type")?,
            self_: crate::__private::required(self.self_, "self")?,
            match_: self.match_,
            async_: self.async_,
            _3ds: self._3ds,
            created_at_gte: self.created_at_gte,
            filter_name: self.filter_name,
            filter_name2: self.filter_name2,
            extra: self.extra,
            extra2: Default::default(),
        })
    }
}
crate::__private::builder!(Thing, ThingBuilder);
crate::__private::struct_serde! {
    Thing via ThingBuilder, extra2: serde_json::Map<String, serde_json::Value>;
    "type" => type_: required value,
    "self" => self_: required value,
    "match" => match_: optional value,
    "async" => async_: optional value,
    "3ds" => _3ds: optional value,
    "created_at.gte" => created_at_gte: optional value,
    "filterName" => filter_name: optional value,
    "filter_name" => filter_name2: optional value,
    "extra" => extra: optional value,
}
}

pub use thing::*;

// ---- conekta-sdk/src/generated/mod.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_mod_rs {
/// The API's data types: one per schema of the spec, and one per inline object or enum.
#[allow(deprecated)]
pub mod models;
/// The API's operations, grouped by tag: `client.customers().get_customer_by_id(id)`.
pub mod operations;
/// Version of keywords this code was generated from.
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
    /// `GET /things` (operation `listThings`).
    ///
    /// The answer: [`Thing`](crate::models::Thing). Optional, on the request: `.created_at_gte(..)`, `.type_(..)` (see [`ListThings`](ListThings)).
    #[doc(alias = "listThings")]
    #[inline]
    pub fn list_things(&self) -> Request<'a, ListThings> {
        Request::new(self.client, ListThings::default())
    }
    /// `POST /sent` (operation `sendThing`).
    ///
    /// The answer: [`Thing`](crate::models::Thing).
    #[doc(alias = "sendThing")]
    pub fn send_thing(
        &self,
        body: impl IntoModel<models::Thing>,
    ) -> Request<'a, SendThing> {
        let body = body.try_into().map_err(Into::into);
        Request::new(self.client, SendThing { body })
    }
}
/// The operation `listThings` (`GET /things`): what a call of it takes. Start one with [`General::list_things`]. The answer: [`Thing`](crate::models::Thing).
///
/// Optional, set on its [`Request`]:
///
/// - `.created_at_gte(..)`: the parameter `created_at.gte`.
/// - `.type_(..)`: the parameter `type`.
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone, Default)]
pub struct ListThings {
    created_at_gte: Option<i64>,
    type_: Option<String>,
}
impl crate::Operation for ListThings {
    type Response = models::Thing;
    const INFO: &Info = &Info::new("listThings", Method::GET, "/things");
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[])?;
        call.query("created_at.gte", self.created_at_gte);
        call.query("type", self.type_);
        Ok(())
    }
}
impl Request<'_, ListThings> {
    /// Query parameter `created_at.gte`.
    pub fn created_at_gte(mut self, value: impl Into<i64>) -> Self {
        self.params.created_at_gte = Some(value.into());
        self
    }
    /// Query parameter `type`.
    pub fn type_(mut self, value: impl Into<String>) -> Self {
        self.params.type_ = Some(value.into());
        self
    }
}
/// The operation `sendThing` (`POST /sent`): what a call of it takes. Start one with [`General::send_thing`]. The answer: [`Thing`](crate::models::Thing).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone)]
pub struct SendThing {
    body: Result<models::Thing, crate::BuildError>,
}
impl crate::Operation for SendThing {
    type Response = models::Thing;
    const INFO: &Info = &Info::new("sendThing", Method::POST, "/sent");
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
