//! Conekta events, one envelope for both ways they arrive: POSTed to your
//! webhook endpoint (decode with [`Event::from_slice`] after verifying the
//! signature, see [`webhooks`](crate::webhooks)) or fetched with
//! `client.events()`. The `type` is an open [`EventType`]; `data.object`
//! decodes into the models through typed accessors ([`EventData::charge`],
//! [`EventData::order`]…).

mod event;
mod event_type;
mod objects;

pub use event::{Event, EventData};
pub use event_type::EventType;
