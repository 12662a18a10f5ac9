//! Conekta events, one envelope for both ways they arrive: POSTed to your
//! webhook endpoint (decode with [`Event::from_slice`] after verifying the
//! signature, see [`webhooks`](crate::webhooks)) or fetched with
//! `client.events()`. The `type` is an open [`EventType`]; `data.object`
//! decodes into the models through typed accessors ([`EventData::charge`],
//! [`EventData::order`]…); when one cannot be built, its [`ObjectError`]
//! keeps the object whole, so that no event is dropped.

mod event;
mod event_type;
mod object_error;
mod objects;

pub use event::{Event, EventData};
pub use event_type::EventType;
pub use object_error::ObjectError;
