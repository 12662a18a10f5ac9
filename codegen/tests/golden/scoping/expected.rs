// Golden output of the generator for the case `scoping` (tests/golden/scoping/spec.yaml):
// every file it writes, in one. Rewrite with UPDATE_GOLDEN=1, never by hand.
// warning: #/components/schemas/Client: Rust name `Client` is taken or reserved: renamed `ClientModel`
// warning: #/components/schemas/Error: Rust name `Error` is taken or reserved: renamed `ErrorModel`
// warning: #/components/schemas/Option: Rust name `Option` is taken or reserved: renamed `OptionModel`
// warning: #/components/schemas/OtherThingBuilder: `OtherThingBuilder` is the name of a generated builder: renamed `OtherThingBuilderModel`
// warning: #/components/schemas/Result: Rust name `Result` is taken or reserved: renamed `ResultModel`
// warning: #/components/schemas/Vec: Rust name `Vec` is taken or reserved: renamed `VecModel`

// ---- the models (compiled by golden-compile/tests/golden_compile.rs) ----


mod client_model {
crate::__private::open_enum! {
    #[doc = " From schema `Client`."] pub enum ClientModel { Unknown2 => "Unknown", Known
    => "known", }
}
}

pub use client_model::*;

mod error_model {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `Error`.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct ErrorModel {
    pub message: Option<String>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    ErrorModel via Self, extra: serde_json::Map<String, serde_json::Value>;
    "message" => message: optional value,
}
}

pub use error_model::*;

mod option_model {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::{ClientModel, OtherThingBuilderModel, VecModel};
/// From schema `Option`; build one with [`OptionModel::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OptionModel {
    pub build: String,
    pub first_error: Option<String>,
    pub extra: Option<i64>,
    pub type_: Option<String>,
    pub self_: Option<String>,
    pub kind: Option<ClientModel>,
    pub holder: Option<VecModel>,
    pub maker: Option<OtherThingBuilderModel>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra2: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`OptionModel`] field by field: see [`OptionModel::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct OptionModelBuilder {
    build: Option<String>,
    first_error: Option<String>,
    extra: Option<i64>,
    type_: Option<String>,
    self_: Option<String>,
    kind: Option<ClientModel>,
    holder: Option<VecModel>,
    maker: Option<OtherThingBuilderModel>,
    problems: crate::__private::Problems,
}
impl OptionModelBuilder {
    /// Sets [`OptionModel::build`].
    pub fn build_value(mut self, value: impl Into<String>) -> Self {
        self.build = Some(value.into());
        self
    }
    /// Sets [`OptionModel::first_error`].
    pub fn first_error(mut self, value: impl Into<String>) -> Self {
        self.first_error = Some(value.into());
        self
    }
    /// Sets [`OptionModel::extra`].
    pub fn extra(mut self, value: impl Into<i64>) -> Self {
        self.extra = Some(value.into());
        self
    }
    /// Sets [`OptionModel::type_`].
    pub fn type_(mut self, value: impl Into<String>) -> Self {
        self.type_ = Some(value.into());
        self
    }
    /// Sets [`OptionModel::self_`].
    pub fn self_(mut self, value: impl Into<String>) -> Self {
        self.self_ = Some(value.into());
        self
    }
    /// Sets [`OptionModel::kind`].
    pub fn kind(mut self, value: impl crate::IntoModel<ClientModel>) -> Self {
        self.kind = self.problems.one(value, "kind");
        self
    }
    /// Sets [`OptionModel::holder`].
    pub fn holder(mut self, value: impl crate::IntoModel<VecModel>) -> Self {
        self.holder = self.problems.one(value, "holder");
        self
    }
    /// Sets [`OptionModel::maker`].
    pub fn maker(
        mut self,
        value: impl crate::IntoModel<OtherThingBuilderModel>,
    ) -> Self {
        self.maker = self.problems.one(value, "maker");
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<OptionModel, crate::BuildError> {
        self.problems.check(&[("build", self.build.is_none())])?;
        Ok(OptionModel {
            build: crate::__private::required(self.build, "build")?,
            first_error: self.first_error,
            extra: self.extra,
            type_: self.type_,
            self_: self.self_,
            kind: self.kind,
            holder: self.holder,
            maker: self.maker,
            extra2: Default::default(),
        })
    }
}
crate::__private::builder!(OptionModel, OptionModelBuilder);
crate::__private::struct_serde! {
    OptionModel via OptionModelBuilder, extra2: serde_json::Map<String, serde_json::Value>;
    "build" => build: required value,
    "first_error" => first_error: optional value,
    "extra" => extra: optional value,
    "type" => type_: optional value,
    "self" => self_: optional value,
    "kind" => kind: optional value,
    "holder" => holder: optional value,
    "maker" => maker: optional value,
}
}

pub use option_model::*;

mod other_place {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `OtherPlace`; build one with [`OtherPlace::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OtherPlace {
    pub place: i64,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`OtherPlace`] field by field: see [`OtherPlace::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct OtherPlaceBuilder {
    place: Option<i64>,
    problems: crate::__private::Problems,
}
impl OtherPlaceBuilder {
    /// Sets [`OtherPlace::place`].
    pub fn place(mut self, value: impl Into<i64>) -> Self {
        self.place = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<OtherPlace, crate::BuildError> {
        self.problems.check(&[("place", self.place.is_none())])?;
        Ok(OtherPlace {
            place: crate::__private::required(self.place, "place")?,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(OtherPlace, OtherPlaceBuilder);
crate::__private::struct_serde! {
    OtherPlace via OtherPlaceBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "place" => place: required value,
}
}

pub use other_place::*;

mod other_thing {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `OtherThing`; build one with [`OtherThing::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OtherThing {
    pub thing: String,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`OtherThing`] field by field: see [`OtherThing::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct OtherThingBuilder {
    thing: Option<String>,
    problems: crate::__private::Problems,
}
impl OtherThingBuilder {
    /// Sets [`OtherThing::thing`].
    pub fn thing(mut self, value: impl Into<String>) -> Self {
        self.thing = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<OtherThing, crate::BuildError> {
        self.problems.check(&[("thing", self.thing.is_none())])?;
        Ok(OtherThing {
            thing: crate::__private::required(self.thing, "thing")?,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(OtherThing, OtherThingBuilder);
crate::__private::struct_serde! {
    OtherThing via OtherThingBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "thing" => thing: required value,
}
}

pub use other_thing::*;

mod other_thing_builder_model {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::OtherThing;
/// From schema `OtherThingBuilder`; build one with [`OtherThingBuilderModel::builder`].
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct OtherThingBuilderModel {
    pub holder: Option<OtherThing>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`OtherThingBuilderModel`] field by field: see [`OtherThingBuilderModel::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct OtherThingBuilderModelBuilder {
    holder: Option<OtherThing>,
    problems: crate::__private::Problems,
}
impl OtherThingBuilderModelBuilder {
    /// Sets [`OtherThingBuilderModel::holder`].
    pub fn holder(mut self, value: impl crate::IntoModel<OtherThing>) -> Self {
        self.holder = self.problems.one(value, "holder");
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<OtherThingBuilderModel, crate::BuildError> {
        self.problems.check(&[])?;
        Ok(OtherThingBuilderModel {
            holder: self.holder,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(OtherThingBuilderModel, OtherThingBuilderModelBuilder);
crate::__private::struct_serde! {
    OtherThingBuilderModel via Self, extra: serde_json::Map<String, serde_json::Value>;
    "holder" => holder: optional value,
}
}

pub use other_thing_builder_model::*;

mod result_model {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::OptionModel;
/// From schema `Result`.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct ResultModel {
    pub option: Option<OptionModel>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    ResultModel via Self, extra: serde_json::Map<String, serde_json::Value>;
    "option" => option: optional value,
}
}

pub use result_model::*;

mod vec_model {
use super::{OtherPlace, OtherThing};
/// From schema `Vec`.
#[derive(Debug, Clone, PartialEq)]
pub enum VecModel {
    /// The `OtherThing` form.
    Thing(OtherThing),
    /// The `OtherPlace` form.
    Place(OtherPlace),
    /// A value that matches none of the forms above, kept as it was received.
    Other(serde_json::Value),
}
impl serde::Serialize for VecModel {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Thing(value) => serde::Serialize::serialize(value, serializer),
            Self::Place(value) => serde::Serialize::serialize(value, serializer),
            Self::Other(value) => serde::Serialize::serialize(value, serializer),
        }
    }
}
impl<'de> serde::Deserialize<'de> for VecModel {
    /// The first form (in the order above) that the value decodes as.
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        crate::__private::deserialize_union(
            deserializer,
            |value| {
                if let Some(form) = crate::__private::attempt(&value) {
                    return Ok(Self::Thing(form));
                }
                if let Some(form) = crate::__private::attempt(&value) {
                    return Ok(Self::Place(form));
                }
                Ok(Self::Other(value))
            },
        )
    }
}
impl From<OtherThing> for VecModel {
    #[inline]
    fn from(value: OtherThing) -> Self {
        Self::Thing(value)
    }
}
impl TryFrom<super::OtherThingBuilder> for VecModel {
    type Error = crate::BuildError;
    #[inline]
    fn try_from(builder: super::OtherThingBuilder) -> Result<Self, Self::Error> {
        builder.build().map(Self::from)
    }
}
impl From<OtherPlace> for VecModel {
    #[inline]
    fn from(value: OtherPlace) -> Self {
        Self::Place(value)
    }
}
impl TryFrom<super::OtherPlaceBuilder> for VecModel {
    type Error = crate::BuildError;
    #[inline]
    fn try_from(builder: super::OtherPlaceBuilder) -> Result<Self, Self::Error> {
        builder.build().map(Self::from)
    }
}
}

pub use vec_model::*;
pub use crate::Language;

// ---- conekta-sdk/src/generated/mod.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_mod_rs {
/// The API's data types: one per schema of the spec, and one per inline object or enum.
#[allow(deprecated)]
pub mod models;
/// The API's operations, grouped by tag: `client.customers().get_customer_by_id(id)`.
pub mod operations;
/// Version of scoping this code was generated from.
pub const API_VERSION: &str = "1.0.0";
/// The media type sent as `Accept`: it selects the API version.
pub const MEDIA_TYPE: &str = "application/json";
}

// ---- conekta-sdk/src/generated/operations/builder.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_operations_builder_rs {
use super::super::models;
use crate::__private::Call;
use crate::{IntoModel, OperationInfo as Info, Request};
use reqwest::Method;
/// The operations tagged `builder`: get it from the client, then call one.
#[derive(Debug, Clone, Copy)]
pub struct Builder<'a> {
    pub(crate) client: &'a crate::Client,
}
impl<'a> Builder<'a> {
    /// `POST /things/{client}` (operation `send`).
    ///
    /// The answer: [`ResultModel`](crate::models::ResultModel). Optional, on the request: `.body_param(..)`, `.send_param(..)`, `.options_param(..)`, `.language_param(..)` (see [`SendModel`](SendModel)).
    #[doc(alias = "send")]
    pub fn send(
        &self,
        client_param: impl Into<String>,
        body: impl IntoModel<models::OptionModel>,
    ) -> Request<'a, SendModel> {
        let body = body.try_into().map_err(Into::into);
        Request::new(
            self.client,
            SendModel {
                client_param: client_param.into(),
                body,
                ..Default::default()
            },
        )
    }
    /// `GET /things` (operation `clone`).
    ///
    /// The answer: [`ErrorModel`](crate::models::ErrorModel).
    #[doc(alias = "clone")]
    #[inline]
    pub fn clone_op(&self) -> Request<'a, CloneModel> {
        Request::new(self.client, CloneModel::default())
    }
}
/// The operation `send` (`POST /things/{client}`): what a call of it takes. Start one with [`Builder::send`]. The answer: [`ResultModel`](crate::models::ResultModel).
///
/// Optional, set on its [`Request`]:
///
/// - `.body_param(..)`: the parameter `body`.
/// - `.send_param(..)`: the parameter `send`.
/// - `.options_param(..)`: the parameter `options`.
/// - `.language_param(..)`: the parameter `language`.
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone)]
pub struct SendModel {
    client_param: String,
    body_param: Option<String>,
    send_param: Option<i64>,
    options_param: Option<bool>,
    language_param: Option<String>,
    body: Result<models::OptionModel, crate::BuildError>,
}
impl crate::Operation for SendModel {
    type Response = models::ResultModel;
    const INFO: &Info = &Info::new("send", Method::POST, "/things/{client}");
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[&self.client_param])?;
        call.query("body", self.body_param);
        call.query("send", self.send_param);
        call.query("options", self.options_param);
        call.query("language", self.language_param);
        call.json(self.body)?;
        Ok(())
    }
}
impl Request<'_, SendModel> {
    /// Query parameter `body`.
    pub fn body_param(mut self, value: impl Into<String>) -> Self {
        self.params.body_param = Some(value.into());
        self
    }
    /// Query parameter `send`.
    pub fn send_param(mut self, value: impl Into<i64>) -> Self {
        self.params.send_param = Some(value.into());
        self
    }
    /// Query parameter `options`.
    pub fn options_param(mut self, value: bool) -> Self {
        self.params.options_param = Some(value);
        self
    }
    /// Query parameter `language`.
    pub fn language_param(mut self, value: impl Into<String>) -> Self {
        self.params.language_param = Some(value.into());
        self
    }
}
/// The operation `clone` (`GET /things`): what a call of it takes. Start one with [`Builder::clone_op`]. The answer: [`ErrorModel`](crate::models::ErrorModel).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone, Default)]
pub struct CloneModel {}
impl crate::Operation for CloneModel {
    type Response = models::ErrorModel;
    const INFO: &Info = &Info::new("clone", Method::GET, "/things");
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[])?;
        Ok(())
    }
}
}

// ---- conekta-sdk/src/generated/operations/mod.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_operations_mod_rs {
mod builder;
pub use builder::*;
impl crate::Client {
    /// Operations tagged `builder` in the spec.
    #[inline]
    pub fn builder_ops(&self) -> Builder<'_> {
        Builder { client: self }
    }
}
}
