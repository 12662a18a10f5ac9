//! The HTTP transport's sessions (protocols before 2026-07-28, whose clients open one
//! with `initialize`), bounded in number and idle time.
//!
//! A session holds only what it needs between requests (about 200 bytes and its
//! id, whatever the tool set: the tools, schemas and catalogue are shared by every
//! request):
//! - its id (32 hexadecimal digits) and its principal's name: a session is used only
//!   by the principal that opened it;
//! - whether its client can ask the user (elicitation), from `initialize`;
//! - when it was last used, and how many of its requests are running;
//! - while a money-moving call waits for the user, the sender of that one answer.
//!
//! Requests are served as stateless ones: no task, channel or buffer lives for a
//! session between requests. Requests of protocol 2026-07-28 never make one.

use aws_lc_rs::rand::{SecureRandom, SystemRandom};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;
use tokio::sync::oneshot;

use crate::options::SessionLimits;

/// One open session.
pub(crate) struct Session {
    /// Its principal's name.
    principal: Box<str>,
    /// Whether its client can ask the user (a form elicitation).
    pub(crate) can_ask: bool,
    /// Milliseconds since the table's start when it was last used.
    last_used: AtomicU64,
    /// Requests of it that are running.
    busy: AtomicUsize,
    /// The answer a money-moving call waits for: the id of the server's
    /// `elicitation/create` request (once sent) and where its answer goes.
    waiting: Mutex<Option<(Option<Value>, oneshot::Sender<Value>)>>,
}

impl Session {
    /// Starts waiting for the client's answer to a request the server is about to
    /// send on a call's own stream (one at a time per session); [`Session::expect_id`]
    /// names it once sent. The answer is the client's `result` or `error` member.
    pub(crate) fn expect(&self) -> oneshot::Receiver<Value> {
        let (sender, receiver) = oneshot::channel();
        *self.waiting.lock().unwrap_or_else(|e| e.into_inner()) = Some((None, sender));
        receiver
    }

    /// The id of the request whose answer is expected.
    pub(crate) fn expect_id(&self, id: Value) {
        if let Some((expected, _)) = self
            .waiting
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_mut()
        {
            *expected = Some(id);
        }
    }

    /// Stops waiting (the answer came, or not in time).
    pub(crate) fn stop_expecting(&self) {
        self.waiting
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
    }

    /// Hands the client's answer to the call waiting for it; whether one was (its id
    /// matches, or is not known yet because the answer overtook the send).
    pub(crate) fn deliver(&self, id: &Value, answer: Value) -> bool {
        let mut waiting = self.waiting.lock().unwrap_or_else(|e| e.into_inner());
        match waiting.take() {
            Some((expected, sender)) if expected.as_ref().is_none_or(|e| e == id) => {
                sender.send(answer).is_ok()
            }
            other => {
                *waiting = other;
                false
            }
        }
    }
}

/// Marks a session busy while one of its requests runs (until its answer is sent).
pub(crate) struct Busy(Arc<Session>);

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.busy.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Why a session cannot be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Full {
    /// The principal has its most sessions, all busy (429).
    Principal,
    /// The server has its most sessions (503).
    Server,
}

/// Every open session.
pub(crate) struct Sessions {
    limits: SessionLimits,
    start: Instant,
    random: SystemRandom,
    table: Mutex<Table>,
}

#[derive(Default)]
struct Table {
    by_id: HashMap<Box<str>, Arc<Session>>,
    per_principal: HashMap<Box<str>, usize>,
}

impl Table {
    fn remove(&mut self, id: &str) -> Option<Arc<Session>> {
        let session = self.by_id.remove(id)?;
        if let Some(count) = self.per_principal.get_mut(&session.principal) {
            *count -= 1;
            if *count == 0 {
                self.per_principal.remove(&session.principal);
            }
        }
        Some(session)
    }
}

impl Sessions {
    /// An empty table with these bounds.
    pub(crate) fn new(limits: SessionLimits) -> Self {
        Self {
            limits,
            start: Instant::now(),
            random: SystemRandom::new(),
            table: Mutex::new(Table::default()),
        }
    }

    fn now(&self) -> u64 {
        u64::try_from(self.start.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn idle_for(&self, session: &Session, now: u64) -> Option<u64> {
        (session.busy.load(Ordering::Acquire) == 0)
            .then(|| now.saturating_sub(session.last_used.load(Ordering::Acquire)))
    }

    /// Opens a session for a principal and returns its id. Expired sessions go
    /// first; past the principal's bound its least recently used idle session goes
    /// (none idle: [`Full::Principal`]); past the total, [`Full::Server`].
    pub(crate) fn open(&self, principal: &str, can_ask: bool) -> Result<String, Full> {
        let mut bytes = [0u8; 16];
        self.random.fill(&mut bytes).map_err(|_| Full::Server)?;
        let id: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        let now = self.now();
        let mut table = self.table.lock().unwrap_or_else(|e| e.into_inner());
        if table.by_id.len() >= self.limits.total {
            self.sweep(&mut table, now);
        }
        if table.per_principal.get(principal).copied().unwrap_or(0) >= self.limits.per_principal {
            let oldest = table
                .by_id
                .iter()
                .filter(|(_, s)| &*s.principal == principal)
                .filter_map(|(id, s)| Some((self.idle_for(s, now)?, id.clone())))
                .max_by_key(|(idle, _)| *idle)
                .map(|(_, id)| id)
                .ok_or(Full::Principal)?;
            table.remove(&oldest);
        }
        if table.by_id.len() >= self.limits.total {
            return Err(Full::Server);
        }
        let session = Arc::new(Session {
            principal: principal.into(),
            can_ask,
            last_used: AtomicU64::new(now),
            busy: AtomicUsize::new(0),
            waiting: Mutex::new(None),
        });
        table.by_id.insert(id.as_str().into(), session);
        *table.per_principal.entry(principal.into()).or_insert(0) += 1;
        Ok(id)
    }

    /// Removes the sessions idle longer than the bound.
    fn sweep(&self, table: &mut Table, now: u64) {
        let idle = u64::try_from(self.limits.idle.as_millis()).unwrap_or(u64::MAX);
        let expired: Vec<Box<str>> = table
            .by_id
            .iter()
            .filter(|(_, s)| self.idle_for(s, now).is_some_and(|i| i >= idle))
            .map(|(id, _)| id.clone())
            .collect();
        for id in expired {
            table.remove(&id);
        }
    }

    /// Removes the expired sessions (run now and then).
    pub(crate) fn expire(&self) {
        let now = self.now();
        let mut table = self.table.lock().unwrap_or_else(|e| e.into_inner());
        self.sweep(&mut table, now);
    }

    /// The principal's session `id`, marked busy, if it is open and not expired.
    pub(crate) fn enter(&self, id: &str, principal: &str) -> Option<(Arc<Session>, Busy)> {
        let now = self.now();
        let idle = u64::try_from(self.limits.idle.as_millis()).unwrap_or(u64::MAX);
        let mut table = self.table.lock().unwrap_or_else(|e| e.into_inner());
        let session = table.by_id.get(id)?.clone();
        if &*session.principal != principal {
            return None;
        }
        if self.idle_for(&session, now).is_some_and(|i| i >= idle) {
            table.remove(id);
            return None;
        }
        session.last_used.store(now, Ordering::Release);
        session.busy.fetch_add(1, Ordering::AcqRel);
        drop(table);
        Some((session.clone(), Busy(session)))
    }

    /// Closes the principal's session `id`; whether it was open.
    pub(crate) fn close(&self, id: &str, principal: &str) -> bool {
        let mut table = self.table.lock().unwrap_or_else(|e| e.into_inner());
        match table.by_id.get(id) {
            Some(session) if &*session.principal == principal => table.remove(id).is_some(),
            _ => false,
        }
    }

    /// How many sessions are open.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.table
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .by_id
            .len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn limits(total: usize, per_principal: usize, idle: Duration) -> SessionLimits {
        SessionLimits {
            total,
            per_principal,
            idle,
        }
    }

    #[test]
    fn a_principal_past_its_bound_loses_its_oldest_idle_session() {
        let sessions = Sessions::new(limits(100, 2, Duration::from_secs(60)));
        let a = sessions.open("bot", false).unwrap();
        std::thread::sleep(Duration::from_millis(2));
        let b = sessions.open("bot", false).unwrap();
        let c = sessions.open("bot", false).unwrap();
        assert_eq!(sessions.len(), 2);
        assert!(sessions.enter(&a, "bot").is_none(), "the oldest went");
        let (_, busy_b) = sessions.enter(&b, "bot").unwrap();
        let (_, busy_c) = sessions.enter(&c, "bot").unwrap();
        assert_eq!(
            sessions.open("bot", false),
            Err(Full::Principal),
            "all busy"
        );
        drop((busy_b, busy_c));
        assert!(sessions.open("bot", false).is_ok());
        assert!(sessions.enter(&c, "eve").is_none(), "another principal's");
    }

    #[test]
    fn the_server_past_its_bound_refuses_and_idle_sessions_expire() {
        let sessions = Sessions::new(limits(2, 10, Duration::from_millis(20)));
        let a = sessions.open("a", true).unwrap();
        sessions.open("b", true).unwrap();
        assert_eq!(sessions.open("c", true), Err(Full::Server));
        std::thread::sleep(Duration::from_millis(30));
        assert!(sessions.enter(&a, "a").is_none(), "expired");
        assert!(sessions.open("c", true).is_ok(), "expired ones went");
        assert!(sessions.close(&sessions.open("d", false).unwrap(), "d"));
    }

    #[tokio::test]
    async fn an_answer_reaches_the_call_that_waits_for_it() {
        let sessions = Sessions::new(limits(2, 2, Duration::from_secs(60)));
        let id = sessions.open("a", true).unwrap();
        let (session, _busy) = sessions.enter(&id, "a").unwrap();
        assert!(!session.deliver(&Value::from(7), Value::from("nobody waits")));
        let answer = session.expect();
        session.expect_id(Value::from(7));
        assert!(!session.deliver(&Value::from(8), Value::from("another request's")));
        assert!(session.deliver(&Value::from(7), Value::from("yes")));
        assert_eq!(answer.await.unwrap(), Value::from("yes"));
        // An answer that overtakes the send is kept too.
        let answer = session.expect();
        assert!(session.deliver(&Value::from(9), Value::from("early")));
        assert_eq!(answer.await.unwrap(), Value::from("early"));
    }
}
