// Golden output of the generator for the case `multipart` (tests/golden/multipart/spec.yaml):
// every file it writes, in one. Rewrite with UPDATE_GOLDEN=1, never by hand.

// ---- the models (compiled by golden-compile/tests/golden_compile.rs) ----


mod pet_photos {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `pet_photos`.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct PetPhotos {
    pub count: Option<i64>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    PetPhotos via Self, extra: serde_json::Map<String, serde_json::Value>;
    "count" => count: optional value,
}
}

pub use pet_photos::*;

mod pet_photos_request {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `pet_photos_request`; build one with [`PetPhotosRequest::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PetPhotosRequest {
    /// The photo from the front.
    pub front: crate::FilePart,
    pub more: Option<Vec<crate::FilePart>>,
    pub caption: Option<String>,
    pub rating: Option<i64>,
    pub taken_at: Option<i64>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`PetPhotosRequest`] field by field: see [`PetPhotosRequest::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct PetPhotosRequestBuilder {
    front: Option<crate::FilePart>,
    more: Option<Vec<crate::FilePart>>,
    caption: Option<String>,
    rating: Option<i64>,
    taken_at: Option<i64>,
    problems: crate::__private::Problems,
}
impl PetPhotosRequestBuilder {
    /// Sets [`PetPhotosRequest::front`].
    pub fn front(mut self, value: impl crate::IntoModel<crate::FilePart>) -> Self {
        self.front = self.problems.one(value, "front");
        self
    }
    /// Sets [`PetPhotosRequest::more`].
    pub fn more(
        mut self,
        value: impl IntoIterator<Item = impl crate::IntoModel<crate::FilePart>>,
    ) -> Self {
        self.more = self.problems.many(value, "more");
        self
    }
    /// Sets [`PetPhotosRequest::caption`].
    pub fn caption(mut self, value: impl Into<String>) -> Self {
        self.caption = Some(value.into());
        self
    }
    /// Sets [`PetPhotosRequest::rating`].
    pub fn rating(mut self, value: impl Into<i64>) -> Self {
        self.rating = Some(value.into());
        self
    }
    /// Sets [`PetPhotosRequest::taken_at`].
    pub fn taken_at(mut self, value: impl Into<i64>) -> Self {
        self.taken_at = Some(value.into());
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<PetPhotosRequest, crate::BuildError> {
        self.problems.check(&[("front", self.front.is_none())])?;
        Ok(PetPhotosRequest {
            front: crate::__private::required(self.front, "front")?,
            more: self.more,
            caption: self.caption,
            rating: self.rating,
            taken_at: self.taken_at,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(PetPhotosRequest, PetPhotosRequestBuilder);
crate::__private::struct_serde! {
    PetPhotosRequest via PetPhotosRequestBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "front" => front: required value,
    "more" => more: optional list,
    "caption" => caption: optional value,
    "rating" => rating: optional value,
    "taken_at" => taken_at: optional value,
}
}

pub use pet_photos_request::*;

mod request_bodies {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From the inline schema at `#/paths/~1pets~1{pet_id}~1card/put/requestBody/content/multipart~1form-data/schema`; build one with [`ReplacePetCardBody::builder`].
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct ReplacePetCardBody {
    pub card: Option<crate::FilePart>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`ReplacePetCardBody`] field by field: see [`ReplacePetCardBody::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct ReplacePetCardBodyBuilder {
    card: Option<crate::FilePart>,
    problems: crate::__private::Problems,
}
impl ReplacePetCardBodyBuilder {
    /// Sets [`ReplacePetCardBody::card`].
    pub fn card(mut self, value: impl crate::IntoModel<crate::FilePart>) -> Self {
        self.card = self.problems.one(value, "card");
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<ReplacePetCardBody, crate::BuildError> {
        self.problems.check(&[])?;
        Ok(ReplacePetCardBody {
            card: self.card,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(ReplacePetCardBody, ReplacePetCardBodyBuilder);
crate::__private::struct_serde! {
    ReplacePetCardBody via Self, extra: serde_json::Map<String, serde_json::Value>;
    "card" => card: optional value,
}
}

pub use request_bodies::*;
pub use crate::FilePart;

// ---- conekta-sdk/src/generated/mod.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_mod_rs {
/// The API's data types: one per schema of the spec, and one per inline object or enum.
#[allow(deprecated)]
pub mod models;
/// The API's operations, grouped by tag: `client.customers().get_customer_by_id(id)`.
pub mod operations;
/// Version of multipart this code was generated from.
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
    /// `POST /pets/{pet_id}/photos` (operation `uploadPetPhotos`).
    ///
    /// The answer: [`PetPhotos`](crate::models::PetPhotos).
    #[doc(alias = "uploadPetPhotos")]
    pub fn upload_pet_photos(
        &self,
        pet_id: impl Into<String>,
        body: impl IntoModel<models::PetPhotosRequest>,
    ) -> Request<'a, UploadPetPhotos> {
        let body = body.try_into().map_err(Into::into);
        Request::new(
            self.client,
            UploadPetPhotos {
                pet_id: pet_id.into(),
                body,
            },
        )
    }
    /// `PUT /pets/{pet_id}/card` (operation `replacePetCard`).
    ///
    /// The answer: [`PetPhotos`](crate::models::PetPhotos). Optional, on the request: `.body(..)` (see [`ReplacePetCard`](ReplacePetCard)).
    #[doc(alias = "replacePetCard")]
    pub fn replace_pet_card(
        &self,
        pet_id: impl Into<String>,
    ) -> Request<'a, ReplacePetCard> {
        Request::new(
            self.client,
            ReplacePetCard {
                pet_id: pet_id.into(),
                ..Default::default()
            },
        )
    }
}
/// The operation `uploadPetPhotos` (`POST /pets/{pet_id}/photos`): what a call of it takes. Start one with [`General::upload_pet_photos`]. The answer: [`PetPhotos`](crate::models::PetPhotos).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone)]
pub struct UploadPetPhotos {
    pet_id: String,
    body: Result<models::PetPhotosRequest, crate::BuildError>,
}
impl crate::Operation for UploadPetPhotos {
    type Response = models::PetPhotos;
    const INFO: &Info = &Info::new(
        "uploadPetPhotos",
        Method::POST,
        "/pets/{pet_id}/photos",
    );
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[&self.pet_id])?;
        call.multipart(
            self.body,
            |body, form| {
                form.file("front", Some(body.front));
                form.files("more", body.more);
                form.value("caption", body.caption);
                form.value("rating", body.rating);
                form.value("taken_at", body.taken_at);
                form.values(body.extra);
            },
        )?;
        Ok(())
    }
}
/// The operation `replacePetCard` (`PUT /pets/{pet_id}/card`): what a call of it takes. Start one with [`General::replace_pet_card`]. The answer: [`PetPhotos`](crate::models::PetPhotos).
///
/// Optional, set on its [`Request`]:
///
/// - `.body(..)`: the request body.
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone, Default)]
pub struct ReplacePetCard {
    pet_id: String,
    body: Option<Result<models::ReplacePetCardBody, crate::BuildError>>,
}
impl crate::Operation for ReplacePetCard {
    type Response = models::PetPhotos;
    const INFO: &Info = &Info::new("replacePetCard", Method::PUT, "/pets/{pet_id}/card");
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[&self.pet_id])?;
        if let Some(body) = self.body {
            call.multipart(
                body,
                |body, form| {
                    form.file("card", body.card);
                    form.values(body.extra);
                },
            )?;
        }
        Ok(())
    }
}
impl Request<'_, ReplacePetCard> {
    /// The request body: a value, or a builder of one.
    pub fn body(mut self, body: impl IntoModel<models::ReplacePetCardBody>) -> Self {
        self.params.body = Some(body.try_into().map_err(Into::into));
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
