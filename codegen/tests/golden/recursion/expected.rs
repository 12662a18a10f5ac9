// Golden output of the generator for the case `recursion` (tests/golden/recursion/spec.yaml):
// every file it writes, in one. Rewrite with UPDATE_GOLDEN=1, never by hand.

// ---- the models (compiled by golden-compile/tests/golden_compile.rs) ----


mod department {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::Employee;
/// From schema `department`.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Department {
    pub head: Option<Box<Employee>>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    Department via Self, extra: serde_json::Map<String, serde_json::Value>;
    "head" => head: optional value,
}
}

pub use department::*;

mod employee {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::Department;
/// From schema `employee`.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Employee {
    pub name: Option<String>,
    pub department: Option<Box<Department>>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
crate::__private::struct_serde! {
    Employee via Self, extra: serde_json::Map<String, serde_json::Value>;
    "name" => name: optional value,
    "department" => department: optional value,
}
}

pub use employee::*;

mod list_item {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
/// From schema `list_item`; build one with [`ListItem::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ListItem {
    pub value: i64,
    pub next: Option<Box<ListItem>>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`ListItem`] field by field: see [`ListItem::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct ListItemBuilder {
    value: Option<i64>,
    next: Option<Box<ListItem>>,
    problems: crate::__private::Problems,
}
impl ListItemBuilder {
    /// Sets [`ListItem::value`].
    pub fn value(mut self, value: impl Into<i64>) -> Self {
        self.value = Some(value.into());
        self
    }
    /// Sets [`ListItem::next`].
    pub fn next(mut self, value: impl crate::IntoModel<ListItem>) -> Self {
        self.next = self.problems.one(value, "next").map(Box::new);
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<ListItem, crate::BuildError> {
        self.problems.check(&[("value", self.value.is_none())])?;
        Ok(ListItem {
            value: crate::__private::required(self.value, "value")?,
            next: self.next,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(ListItem, ListItemBuilder);
crate::__private::struct_serde! {
    ListItem via ListItemBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "value" => value: required value,
    "next" => next: optional value,
}
}

pub use list_item::*;

mod node {
#![allow(missing_docs, reason = "fields the spec does not describe have no docs")]
use super::ListItem;
/// From schema `node`; build one with [`Node::builder`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Node {
    pub name: String,
    pub children: Option<Vec<Node>>,
    pub by_name: Option<std::collections::BTreeMap<String, Node>>,
    pub head: Option<ListItem>,
    /// Properties the spec does not declare, kept as they were received.
    pub extra: serde_json::Map<String, serde_json::Value>,
}
/// Builds a [`Node`] field by field: see [`Node::builder`].
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until it is built or passed on"]
pub struct NodeBuilder {
    name: Option<String>,
    children: Option<Vec<Node>>,
    by_name: Option<std::collections::BTreeMap<String, Node>>,
    head: Option<ListItem>,
    problems: crate::__private::Problems,
}
impl NodeBuilder {
    /// Sets [`Node::name`].
    pub fn name(mut self, value: impl Into<String>) -> Self {
        self.name = Some(value.into());
        self
    }
    /// Sets [`Node::children`].
    pub fn children(
        mut self,
        value: impl IntoIterator<Item = impl crate::IntoModel<Node>>,
    ) -> Self {
        self.children = self.problems.many(value, "children");
        self
    }
    /// Sets [`Node::by_name`].
    pub fn by_name(
        mut self,
        value: impl Into<std::collections::BTreeMap<String, Node>>,
    ) -> Self {
        self.by_name = Some(value.into());
        self
    }
    /// Sets [`Node::head`].
    pub fn head(mut self, value: impl crate::IntoModel<ListItem>) -> Self {
        self.head = self.problems.one(value, "head");
        self
    }
    /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
    #[inline]
    pub fn build(self) -> Result<Node, crate::BuildError> {
        self.problems.check(&[("name", self.name.is_none())])?;
        Ok(Node {
            name: crate::__private::required(self.name, "name")?,
            children: self.children,
            by_name: self.by_name,
            head: self.head,
            extra: Default::default(),
        })
    }
}
crate::__private::builder!(Node, NodeBuilder);
crate::__private::struct_serde! {
    Node via NodeBuilder, extra: serde_json::Map<String, serde_json::Value>;
    "name" => name: required value,
    "children" => children: optional list,
    "by_name" => by_name: optional value,
    "head" => head: optional value,
}
}

pub use node::*;

// ---- conekta-sdk/src/generated/mod.rs ----
#[cfg(any())]
mod conekta_sdk_src_generated_mod_rs {
/// The API's data types: one per schema of the spec, and one per inline object or enum.
#[allow(deprecated)]
pub mod models;
/// The API's operations, grouped by tag: `client.customers().get_customer_by_id(id)`.
pub mod operations;
/// Version of recursion this code was generated from.
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
    /// `GET /nodes/{id}` (operation `getNode`).
    ///
    /// The answer: [`Node`](crate::models::Node).
    #[doc(alias = "getNode")]
    pub fn get_node(&self, id: impl Into<String>) -> Request<'a, GetNode> {
        Request::new(self.client, GetNode { id: id.into() })
    }
    /// `POST /sent` (operation `sendNode`).
    ///
    /// The answer: [`Node`](crate::models::Node).
    #[doc(alias = "sendNode")]
    pub fn send_node(
        &self,
        body: impl IntoModel<models::Node>,
    ) -> Request<'a, SendNode> {
        let body = body.try_into().map_err(Into::into);
        Request::new(self.client, SendNode { body })
    }
}
/// The operation `getNode` (`GET /nodes/{id}`): what a call of it takes. Start one with [`General::get_node`]. The answer: [`Node`](crate::models::Node).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone, Default)]
pub struct GetNode {
    id: String,
}
impl crate::Operation for GetNode {
    type Response = models::Node;
    const INFO: &Info = &Info::new("getNode", Method::GET, "/nodes/{id}");
    #[inline]
    fn write(self, call: &mut Call) -> Result<(), crate::Error> {
        call.path(&[&self.id])?;
        Ok(())
    }
}
/// The operation `sendNode` (`POST /sent`): what a call of it takes. Start one with [`General::send_node`]. The answer: [`Node`](crate::models::Node).
///
/// Every call also takes `.language(..)`, `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.
#[derive(Debug, Clone)]
pub struct SendNode {
    body: Result<models::Node, crate::BuildError>,
}
impl crate::Operation for SendNode {
    type Response = models::Node;
    const INFO: &Info = &Info::new("sendNode", Method::POST, "/sent");
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
