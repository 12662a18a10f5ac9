//! Handling each event once: Conekta delivers an event again until it gets a
//! 2xx answer, and a signed delivery can be replayed (the signature carries no
//! timestamp), so a receiver keys its work on the event id.

use std::collections::{HashSet, VecDeque};
use std::convert::Infallible;
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};

use super::Event;

/// The ids of the events a receiver has handled: implement it over your own
/// store (a table with the event id as its primary key, a Redis set…), or use
/// [`RecentEvents`] in memory. [`handle_once`] uses it.
///
/// An id is recorded only once its event was handled: a delivery whose
/// handling failed is handled again when Conekta retries it. Two deliveries
/// of one event that arrive at the same moment may both be handled, so keep
/// the handler itself idempotent (marking an order paid twice does no harm).
pub trait HandledEvents {
    /// Why the store could not answer.
    type Error;

    /// Whether the event `id` was handled already.
    fn is_handled(&self, id: &str) -> impl Future<Output = Result<bool, Self::Error>> + Send;

    /// Records that the event `id` was handled.
    fn mark_handled(&self, id: &str) -> impl Future<Output = Result<(), Self::Error>> + Send;
}

/// The last `capacity` handled event ids, in memory: for one process, or as a
/// first filter in front of a shared store. The oldest id is forgotten first.
///
/// ```
/// use conekta_sdk::webhooks::RecentEvents;
///
/// let handled = RecentEvents::new(10_000);
/// assert!(handled.insert("evt_1"));
/// assert!(!handled.insert("evt_1"), "a repeated delivery");
/// ```
#[derive(Debug, Clone)]
pub struct RecentEvents {
    capacity: usize,
    ids: Arc<Mutex<Ids>>,
}

/// The ids, as a set and in the order they came.
#[derive(Debug, Default)]
struct Ids {
    set: HashSet<Arc<str>>,
    order: VecDeque<Arc<str>>,
}

impl RecentEvents {
    /// Remembers up to `capacity` ids (at least one).
    #[must_use]
    pub fn new(capacity: usize) -> Self {
        Self {
            capacity: capacity.max(1),
            ids: Arc::default(),
        }
    }

    /// Whether `id` is among the remembered ids.
    #[must_use]
    pub fn contains(&self, id: &str) -> bool {
        self.lock().set.contains(id)
    }

    /// Remembers `id`: `true` if it was new, `false` if it was remembered already.
    pub fn insert(&self, id: &str) -> bool {
        let mut ids = self.lock();
        if ids.set.contains(id) {
            return false;
        }
        if ids.order.len() >= self.capacity {
            if let Some(oldest) = ids.order.pop_front() {
                ids.set.remove(&oldest);
            }
        }
        let id: Arc<str> = Arc::from(id);
        ids.set.insert(Arc::clone(&id));
        ids.order.push_back(id);
        true
    }

    /// How many ids are remembered.
    #[must_use]
    pub fn len(&self) -> usize {
        self.lock().order.len()
    }

    /// Whether no id is remembered.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The ids; a panic elsewhere while they were held leaves them usable.
    fn lock(&self) -> std::sync::MutexGuard<'_, Ids> {
        self.ids.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl HandledEvents for RecentEvents {
    type Error = Infallible;

    async fn is_handled(&self, id: &str) -> Result<bool, Infallible> {
        Ok(self.contains(id))
    }

    async fn mark_handled(&self, id: &str) -> Result<(), Infallible> {
        self.insert(id);
        Ok(())
    }
}

/// What [`handle_once`] did with a delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery<T> {
    /// The first delivery of the event: the handler ran and answered this.
    Handled(T),
    /// The event was handled before: the handler did not run. Answer 2xx.
    Repeated,
}

/// Why [`handle_once`] failed: answer with a non-2xx status, so that Conekta
/// delivers the event again.
#[derive(Debug, thiserror::Error)]
pub enum HandleOnceError<H, S> {
    /// The handler failed; the event is not recorded as handled.
    #[error("the event handler failed: {0}")]
    Handler(H),
    /// The store of handled events failed (before the handler ran, or after it
    /// succeeded: then the event will be handled again when Conekta retries).
    #[error("the store of handled events failed: {0}")]
    Store(S),
}

/// Runs `handler` on `event` unless its id is recorded in `handled`, and
/// records the id once the handler succeeded.
///
/// ```
/// use conekta_sdk::webhooks::{handle_once, Delivery, Event, RecentEvents};
///
/// # async fn demo(event: Event) {
/// let handled = RecentEvents::new(10_000);
/// let status = match handle_once(&handled, &event, |event| async move {
///     // mark the order paid, send the goods…
///     Ok::<_, std::io::Error>(())
/// })
/// .await
/// {
///     Ok(Delivery::Handled(()) | Delivery::Repeated) => 200,
///     Err(_) => 500, // Conekta delivers it again
/// };
/// # }
/// ```
///
/// # Errors
/// [`HandleOnceError::Handler`] when the handler fails (the id is not
/// recorded), [`HandleOnceError::Store`] when `handled` does.
pub async fn handle_once<'e, S, F, Fut, T, E>(
    handled: &S,
    event: &'e Event,
    handler: F,
) -> Result<Delivery<T>, HandleOnceError<E, S::Error>>
where
    S: HandledEvents,
    F: FnOnce(&'e Event) -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    if handled
        .is_handled(&event.id)
        .await
        .map_err(HandleOnceError::Store)?
    {
        return Ok(Delivery::Repeated);
    }
    let answer = handler(event).await.map_err(HandleOnceError::Handler)?;
    handled
        .mark_handled(&event.id)
        .await
        .map_err(HandleOnceError::Store)?;
    Ok(Delivery::Handled(answer))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_id_is_forgotten_first() {
        let recent = RecentEvents::new(2);
        assert!(recent.insert("a") && recent.insert("b"));
        assert!(!recent.insert("a"));
        assert!(recent.insert("c"), "a third id");
        assert_eq!(recent.len(), 2);
        assert!(!recent.contains("a") && recent.contains("b") && recent.contains("c"));
        assert!(RecentEvents::new(0).insert("x"), "capacity 0 keeps one");
    }
}
