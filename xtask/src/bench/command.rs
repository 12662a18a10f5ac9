//! Running the commands the benchmark times or reads: a command with its
//! output captured or streamed (the cargo and target directory are
//! [`crate::process`]'s).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How many lines of a failed command's output an error shows.
const ERROR_TAIL_LINES: usize = 30;

/// Runs `command` with its output captured; returns its wall time, or an error
/// naming `what` with the end of its output.
pub(super) fn run_captured(command: &mut Command, what: &str) -> Result<Duration, String> {
    let started = Instant::now();
    let output = command
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {what}: {e}"))?;
    let took = started.elapsed();
    if output.status.success() {
        return Ok(took);
    }
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let lines: Vec<&str> = text.lines().collect();
    let tail = &lines[lines.len().saturating_sub(ERROR_TAIL_LINES)..];
    Err(format!(
        "{what} failed ({}):\n    {}",
        output.status,
        tail.join("\n    ")
    ))
}

/// Runs `command`, printing its standard output as it comes (its standard error
/// goes straight through); returns the lines it printed.
pub(super) fn run_streaming(command: &mut Command, what: &str) -> Result<Vec<String>, String> {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {what}: {e}"))?;
    let mut lines = Vec::new();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines() {
            let line = line.map_err(|e| format!("cannot read the output of {what}: {e}"))?;
            println!("{line}");
            lines.push(line);
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("cannot wait for {what}: {e}"))?;
    if status.success() {
        Ok(lines)
    } else {
        Err(format!("{what} failed ({status})"))
    }
}
