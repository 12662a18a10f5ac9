//! Typed Rust client for the [Conekta](https://conekta.com) payments API.

mod generated;

pub use generated::{API_VERSION, MEDIA_TYPE};
pub use generated::models;
