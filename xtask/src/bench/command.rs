//! Running the commands the benchmark times or reads: a command with its
//! output captured or streamed (the cargo and target directory are
//! [`crate::process`]'s).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
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
    finished(output, started.elapsed(), what)
}

/// How often [`run_measured`] reads the command's peak resident set.
const SAMPLE_EVERY: Duration = Duration::from_millis(2);

/// Runs `command` like [`run_captured`], reading its peak resident set (`VmHWM`
/// of `/proc/<pid>/status`, a high-water mark) every [`SAMPLE_EVERY`] while it
/// runs; returns the wall time and the last peak read, in KiB (`None` without
/// Linux's `/proc`). The peak misses at most what the process adds in its last
/// [`SAMPLE_EVERY`].
pub(super) fn run_measured(
    command: &mut Command,
    what: &str,
) -> Result<(Duration, Option<u64>), String> {
    let started = Instant::now();
    let child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {what}: {e}"))?;
    let status_file = format!("/proc/{}/status", child.id());
    let done = AtomicBool::new(false);
    let (output, peak) = std::thread::scope(|scope| {
        let sampler = scope.spawn(|| {
            let mut peak = None;
            while !done.load(Ordering::Relaxed) {
                peak = high_water_mark(Path::new(&status_file)).or(peak);
                std::thread::sleep(SAMPLE_EVERY);
            }
            peak
        });
        let output = child.wait_with_output();
        done.store(true, Ordering::Relaxed);
        (output, sampler.join().unwrap_or_default())
    });
    let output = output.map_err(|e| format!("cannot wait for {what}: {e}"))?;
    let took = finished(output, started.elapsed(), what)?;
    Ok((took, peak))
}

/// `VmHWM` of a `/proc/<pid>/status` file, in KiB; `None` once the process is gone.
fn high_water_mark(status_file: &Path) -> Option<u64> {
    let text = std::fs::read_to_string(status_file).ok()?;
    let line = text.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// `took`, or an error naming `what` with the end of its output.
fn finished(output: Output, took: Duration, what: &str) -> Result<Duration, String> {
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
