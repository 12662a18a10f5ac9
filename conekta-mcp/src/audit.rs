//! `--audit-log FILE`: one JSON line per tool call, appended: when, who (a token's
//! `id`, a JWT's `sub`, `local`), which tool and operation, the amount and currency
//! when there are some, the target object's id, what happened, and Conekta's
//! `log_id`. Never a key, a token or the arguments.

use serde::Serialize;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;
use std::time::SystemTime;

/// What came of a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Outcome {
    /// Conekta answered, and the answer was decoded.
    Ok,
    /// Conekta answered with an error (or with an answer that could not be decoded).
    ApiError,
    /// The server refused it: not permitted, over the cap, not confirmed, bad
    /// arguments. Nothing was sent.
    Refused,
    /// It failed before it could reach Conekta.
    NotSent,
    /// It failed after it may have reached Conekta (a timeout, a broken connection).
    MaybeSent,
}

/// One line.
#[derive(Debug, Serialize)]
pub(crate) struct Line<'a> {
    /// RFC 3339, UTC.
    pub ts: String,
    /// Who called.
    pub principal: &'a str,
    /// The tool called (a discovery tool, or the operation's own).
    pub tool: &'a str,
    /// The operation id, when the call named one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operation: Option<&'a str>,
    /// In cents, when the arguments say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// When the arguments say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<&'a str>,
    /// The id of the object acted on (the path's, or the created object's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<&'a str>,
    /// What came of it.
    pub outcome: Outcome,
    /// Why it failed (`payments_not_allowed`, `api_error`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<&'a str>,
    /// Conekta's `log_id` of an API error.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log_id: Option<&'a str>,
}

/// The log file, appended to line by line.
pub(crate) struct AuditLog {
    file: Mutex<File>,
}

impl AuditLog {
    /// Opens (or creates) the file for appending.
    pub(crate) fn open(path: &Path) -> Result<Self, String> {
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(|e| format!("cannot open the audit log {}: {e}", path.display()))?;
        Ok(Self {
            file: Mutex::new(file),
        })
    }

    /// Appends one line (a failure to write is reported on standard error, once per
    /// line, and does not fail the call).
    pub(crate) fn write(&self, line: &Line<'_>) {
        let Ok(mut text) = serde_json::to_vec(line) else {
            return;
        };
        text.push(b'\n');
        let mut file = self.file.lock().unwrap_or_else(|e| e.into_inner());
        if let Err(e) = file.write_all(&text) {
            eprintln!("conekta-mcp: cannot write the audit log: {e}");
        }
    }
}

/// Now, in RFC 3339 with milliseconds.
pub(crate) fn now() -> String {
    humantime::format_rfc3339_millis(SystemTime::now()).to_string()
}
