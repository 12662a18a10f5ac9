// Golden output of the generator for the case `maps` (tests/golden/maps/spec.yaml):
// every file it writes, in one. Rewrite with UPDATE_GOLDEN=1, never by hand.

// ---- the models (compiled by golden-compile/tests/golden_compile.rs) ----


mod holder {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::Labels;
/// From schema `holder`; build one with [`Holder::builder`].
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Holder {
    pub any_map: Option<serde_json::Map<String, serde_json::Value>>,
    pub bare_object: Option<serde_json::Map<String, serde_json::Value>>,
    pub closed_object: Option<serde_json::Map<String, serde_json::Value>>,
    pub counts: Option<std::collections::BTreeMap<String, i64>>,
    pub labels_by_key: Option<std::collections::BTreeMap<String, Labels>>,
    pub points: Option<std::collections::BTreeMap<String, HolderPointsValue>>,
    pub free: Option<serde_json::Map<String, serde_json::Value>>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`Holder`] field by field: see [`Holder::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct HolderBuilder {
    any_map: Option<serde_json::Map<String, serde_json::Value>>,
    bare_object: Option<serde_json::Map<String, serde_json::Value>>,
    closed_object: Option<serde_json::Map<String, serde_json::Value>>,
    counts: Option<std::collections::BTreeMap<String, i64>>,
    labels_by_key: Option<std::collections::BTreeMap<String, Labels>>,
    points: Option<std::collections::BTreeMap<String, HolderPointsValue>>,
    free: Option<serde_json::Map<String, serde_json::Value>>,
    problems: crate::__private::Problems,
}
impl HolderBuilder {
    /// Sets [`Holder::any_map`].
    pub fn any_map(mut self, value: impl crate::IntoJsonObject) -> Self {
        self.any_map = self.problems.object(value, "any_map");
        self
    }
    /// Sets [`Holder::bare_object`].
    pub fn bare_object(mut self, value: impl crate::IntoJsonObject) -> Self {
        self.bare_object = self.problems.object(value, "bare_object");
        self
    }
    /// Sets [`Holder::closed_object`].
    pub fn closed_object(mut self, value: impl crate::IntoJsonObject) -> Self {
        self.closed_object = self.problems.object(value, "closed_object");
        self
    }
    /// Sets [`Holder::counts`].
    pub fn counts(
        mut self,
        value: impl Into<std::collections::BTreeMap<String, i64>>,
    ) -> Self {
        self.counts = Some(value.into());
        self
    }
    /// Sets [`Holder::labels_by_key`].
    pub fn labels_by_key(
        mut self,
        value: impl Into<std::collections::BTreeMap<String, Labels>>,
    ) -> Self {
        self.labels_by_key = Some(value.into());
        self
    }
    /// Sets [`Holder::points`].
    pub fn points(
        mut self,
        value: impl Into<std::collections::BTreeMap<String, HolderPointsValue>>,
    ) -> Self {
        self.points = Some(value.into());
        self
    }
    /// Sets [`Holder::free`].
    pub fn free(mut self, value: impl crate::IntoJsonObject) -> Self {
        self.free = self.problems.object(value, "free");
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<Holder, crate::BuildError> {
        self.problems.check(&[])?;
        Ok(Holder {
            any_map: self.any_map,
            bare_object: self.bare_object,
            closed_object: self.closed_object,
            counts: self.counts,
            labels_by_key: self.labels_by_key,
            points: self.points,
            free: self.free,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(Holder, HolderBuilder);
crate::__private::struct_serde! {
    Holder via Self, extra: serde_json::Map<String, serde_json::Value>;
    "any_map" => any_map: optional value,
    "bare_object" => bare_object: optional value,
    "closed_object" => closed_object: optional value,
    "counts" => counts: optional value,
    "labels_by_key" => labels_by_key: optional value,
    "points" => points: optional value,
    "free" => free: optional value,
}
/// From schema `holder/properties/points/additionalProperties`; build one with [`HolderPointsValue::builder`].
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct HolderPointsValue {
    pub x: Option<f64>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`HolderPointsValue`] field by field: see [`HolderPointsValue::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct HolderPointsValueBuilder {
    x: Option<f64>,
    problems: crate::__private::Problems,
}
impl HolderPointsValueBuilder {
    /// Sets [`HolderPointsValue::x`].
    pub fn x(mut self, value: impl Into<f64>) -> Self {
        self.x = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<HolderPointsValue, crate::BuildError> {
        self.problems.check(&[])?;
        Ok(HolderPointsValue {
            x: self.x,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(HolderPointsValue, HolderPointsValueBuilder);
crate::__private::struct_serde! {
    HolderPointsValue via Self, extra: serde_json::Map<String, serde_json::Value>;
    "x" => x: optional value,
}
}

pub use holder::*;

mod labels {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// Declared properties plus string-valued extras.
///
/// From schema `labels`; build one with [`Labels::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Labels {
    pub name: String,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: std::collections::BTreeMap<String, String>,
}
/// Builds a [`Labels`] field by field: see [`Labels::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct LabelsBuilder {
    name: Option<String>,
    problems: crate::__private::Problems,
}
impl LabelsBuilder {
    /// Sets [`Labels::name`].
    pub fn name(mut self, value: impl Into<String>) -> Self {
        self.name = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<Labels, crate::BuildError> {
        self.problems.check(&[("name", self.name.is_none())])?;
        Ok(Labels {
            name: crate::__private::required(self.name, "name")?,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(Labels, LabelsBuilder);
crate::__private::struct_serde! {
    Labels via LabelsBuilder, extra: std::collections::BTreeMap<String, String>;
    "name" => name: required value,
}
}

pub use labels::*;

// ---- conekta-sdk/src/generated/mod.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_mod_rs {
/// The API's data types: one per schema of the spec, and one per inline object or enum.
#[allow(deprecated)]
pub mod models;
/// The API's operations, grouped by tag: `client.customers().get_customer_by_id(id)`.
pub mod operations;
/// Version of maps this code was generated from.
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
    /// `GET /holders/{id}` (operation `getHolder`).
    ///
    /// The answer: [`Holder`](crate::models::Holder).
    #[doc(alias = "getHolder")]
    pub fn get_holder(&self, id: impl Into<String>) -> Request<'a, GetHolder> {
        Request::new(self.client, GetHolder { id: id.into() })
    }
    /// `POST /sent` (operation `sendHolder`).
    ///
    /// The answer: [`Holder`](crate::models::Holder).
    #[doc(alias = "sendHolder")]
    pub fn send_holder(
        &self,
        body: impl IntoModel<models::Holder>,
    ) -> Request<'a, SendHolder> {
        let body = body.try_into().map_err(Into::into);
        Request::new(self.client, SendHolder { body })
    }
}
/// The operation `getHolder` (`GET /holders/{id}`): what a call of it takes. Start one with [`General::get_holder`]. The answer: [`Holder`](crate::models::Holder).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone, Default)]
pub struct GetHolder {
    id: String,
}
impl crate::Operation for GetHolder {
    type Response = models::Holder;
    const INFO: &Info = &Info::new("getHolder", Method::GET, "/holders/{id}");
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[&self.id])?;
        Ok(())
    }
}
/// The operation `sendHolder` (`POST /sent`): what a call of it takes. Start one with [`General::send_holder`]. The answer: [`Holder`](crate::models::Holder).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone)]
pub struct SendHolder {
    body: Result<models::Holder, crate::BuildError>,
}
impl crate::Operation for SendHolder {
    type Response = models::Holder;
    const INFO: &Info = &Info::new("sendHolder", Method::POST, "/sent");
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
