//! Installing and running the Mockoon CLI that serves Conekta's mock API.
//!
//! [`ensure_installed`] puts `@mockoon/cli` (pinned to [`MOCKOON_CLI_VERSION`]) under a work
//! directory with npm; [`MockServer::start`] runs it with `node` on a loopback port, waits for
//! `GET /ping` to answer (probed with `ureq`) and kills it again when dropped.
//!
//! The CLI runs as a single `node` process (it does not fork), so killing its PID is enough.

use std::fs::{self, File};
use std::io::{self, Read};
use std::net::{Ipv4Addr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// The `@mockoon/cli` version that is installed.
pub const MOCKOON_CLI_VERSION: &str = "9.9.0";

/// How long [`MockServer::start`] waits for `GET /ping` to answer.
pub const START_TIMEOUT: Duration = Duration::from_secs(60);

/// How many bytes of the server log an error shows.
const LOG_TAIL_BYTES: u64 = 4000;

/// Errors from installing or running the mock server.
#[derive(Debug, thiserror::Error)]
pub enum MockoonError {
    /// A program (npm, node) could not be started, or a file could not be written.
    #[error("{what}: {source}")]
    Io {
        /// What was being done.
        what: String,
        /// The I/O error.
        #[source]
        source: io::Error,
    },
    /// `npm install` failed.
    #[error("`{command}` failed ({status}):\n--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}")]
    Install {
        /// The command line.
        command: String,
        /// How npm exited.
        status: ExitStatus,
        /// npm's standard output.
        stdout: String,
        /// npm's standard error.
        stderr: String,
    },
    /// The CLI package is not where it should be after installing it.
    #[error("the Mockoon CLI is not installed under {0}")]
    NotInstalled(PathBuf),
    /// The server exited before answering `/ping`.
    #[error("mockoon-cli exited ({status}) before answering /ping; log {log}:\n{tail}")]
    Exited {
        /// How it exited.
        status: ExitStatus,
        /// The log file.
        log: PathBuf,
        /// The end of the log.
        tail: String,
    },
    /// `/ping` did not answer in time.
    #[error(
        "mockoon-cli did not answer /ping within {timeout:?} (last error: {last_error}); log {log}:\n{tail}"
    )]
    Timeout {
        /// How long it waited.
        timeout: Duration,
        /// The last probe's failure.
        last_error: String,
        /// The log file.
        log: PathBuf,
        /// The end of the log.
        tail: String,
    },
    /// Something already listens on the port (its `/ping` could be mistaken for ours).
    #[error("port {0} on 127.0.0.1 is already in use")]
    PortInUse(u16),
}

fn io_err(what: impl Into<String>) -> impl FnOnce(io::Error) -> MockoonError {
    let what = what.into();
    move |source| MockoonError::Io { what, source }
}

/// Path of the `mockoon-cli` launcher that npm links under `dir`.
pub fn cli_bin(dir: &Path) -> PathBuf {
    dir.join("node_modules").join(".bin").join("mockoon-cli")
}

/// Installs `@mockoon/cli` under `dir` with npm unless `dir/node_modules/.bin/mockoon-cli` exists.
///
/// Returns whether it installed.
///
/// # Errors
///
/// [`MockoonError::Io`] when npm cannot be run, [`MockoonError::Install`] with npm's output
/// when it fails, [`MockoonError::NotInstalled`] when the launcher is still missing afterwards.
pub fn ensure_installed(dir: &Path) -> Result<bool, MockoonError> {
    if cli_bin(dir).exists() {
        return Ok(false);
    }
    fs::create_dir_all(dir).map_err(io_err(format!("creating {}", dir.display())))?;
    let package = format!("@mockoon/cli@{MOCKOON_CLI_VERSION}");
    let args = [
        "install".as_ref(),
        "--prefix".as_ref(),
        dir.as_os_str(),
        package.as_ref(),
        "--no-audit".as_ref(),
        "--no-fund".as_ref(),
    ];
    let command = format!(
        "npm install --prefix {} {package} --no-audit --no-fund",
        dir.display()
    );
    let output = Command::new("npm")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(io_err(format!("running `{command}`")))?;
    if !output.status.success() {
        return Err(MockoonError::Install {
            command,
            status: output.status,
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        });
    }
    if !cli_bin(dir).exists() {
        return Err(MockoonError::NotInstalled(dir.to_path_buf()));
    }
    Ok(true)
}

/// The JavaScript entry point of the installed CLI: `bin["mockoon-cli"]` of its `package.json`
/// (`bin/run.js` in 9.x), falling back to `bin/run.js`.
///
/// # Errors
///
/// [`MockoonError::NotInstalled`] when that file does not exist.
pub fn cli_entry_point(dir: &Path) -> Result<PathBuf, MockoonError> {
    let package_dir = dir.join("node_modules").join("@mockoon").join("cli");
    let manifest = fs::read_to_string(package_dir.join("package.json")).ok();
    let declared = manifest
        .as_deref()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(text).ok())
        .and_then(|json| match &json["bin"] {
            serde_json::Value::String(s) => Some(s.clone()),
            bin => bin["mockoon-cli"].as_str().map(str::to_owned),
        });
    let entry = package_dir.join(declared.as_deref().unwrap_or("bin/run.js"));
    if entry.is_file() {
        Ok(entry)
    } else {
        Err(MockoonError::NotInstalled(dir.to_path_buf()))
    }
}

/// Asks the OS for a free loopback port (it may be taken again before it is used).
///
/// # Errors
///
/// [`MockoonError::Io`] when no port can be bound.
pub fn free_port() -> Result<u16, MockoonError> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).map_err(io_err("binding port 0"))?;
    let port = listener
        .local_addr()
        .map_err(io_err("reading the bound port"))?;
    Ok(port.port())
}

/// The status of `GET http://127.0.0.1:<port>/ping`, or why there is none.
///
/// Redirects are not followed and error statuses are returned, not turned into errors.
///
/// # Errors
///
/// `ureq`'s message when connecting or reading fails or takes longer than `timeout`.
pub fn ping(port: u16, timeout: Duration) -> Result<u16, String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .into();
    let url = format!("http://127.0.0.1:{port}/ping");
    let response = agent
        .get(&url)
        .call()
        .map_err(|e| format!("GET {url}: {e}"))?;
    Ok(response.status().as_u16())
}

/// A running `mockoon-cli start`, killed when dropped.
#[derive(Debug)]
pub struct MockServer {
    child: Child,
    port: u16,
    log: PathBuf,
    startup: Duration,
}

impl MockServer {
    /// Starts the CLI installed under `dir` (see [`ensure_installed`]) serving `data_file` on
    /// `127.0.0.1:port`, and waits up to [`START_TIMEOUT`] for `GET /ping` to answer 200.
    ///
    /// `port` must be free (see [`free_port`]); `HOME` is `dir/home` (the CLI writes there even with logging off); stdout and stderr go
    /// to `dir/mockoon-<port>.log`.
    ///
    /// # Errors
    ///
    /// [`MockoonError::PortInUse`], [`MockoonError::NotInstalled`], [`MockoonError::Io`] when
    /// node cannot be started, and [`MockoonError::Exited`] or [`MockoonError::Timeout`] with
    /// the end of the log when the server does not come up.
    pub fn start(dir: &Path, data_file: &Path, port: u16) -> Result<MockServer, MockoonError> {
        let entry = cli_entry_point(dir)?;
        if port == 0 || TcpListener::bind((Ipv4Addr::LOCALHOST, port)).is_err() {
            return Err(MockoonError::PortInUse(port));
        }
        let home = dir.join("home");
        fs::create_dir_all(&home).map_err(io_err(format!("creating {}", home.display())))?;
        let log = dir.join(format!("mockoon-{port}.log"));
        let out = File::create(&log).map_err(io_err(format!("creating {}", log.display())))?;
        let err = out
            .try_clone()
            .map_err(io_err("duplicating the log handle"))?;
        let started = Instant::now();
        let child = Command::new("node")
            .arg(&entry)
            .arg("start")
            .arg("--data")
            .arg(data_file)
            .args(["--port", &port.to_string(), "--hostname", "127.0.0.1"])
            .args(["--disable-log-to-file", "--disable-admin-api"])
            .env("HOME", &home)
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .map_err(io_err(format!("starting node {}", entry.display())))?;
        // From here on, Drop kills the child whatever happens.
        let mut server = MockServer {
            child,
            port,
            log,
            startup: Duration::ZERO,
        };
        server.wait_ready(started)?;
        server.startup = started.elapsed();
        Ok(server)
    }

    fn wait_ready(&mut self, started: Instant) -> Result<(), MockoonError> {
        let mut last_error = String::from("no probe yet");
        while started.elapsed() < START_TIMEOUT {
            if let Some(status) = self
                .child
                .try_wait()
                .map_err(io_err("polling mockoon-cli"))?
            {
                return Err(MockoonError::Exited {
                    status,
                    log: self.log.clone(),
                    tail: log_tail(&self.log),
                });
            }
            match ping(self.port, Duration::from_secs(2)) {
                Ok(200) => return Ok(()),
                Ok(status) => last_error = format!("/ping answered {status}"),
                Err(e) => last_error = e,
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err(MockoonError::Timeout {
            timeout: START_TIMEOUT,
            last_error,
            log: self.log.clone(),
            tail: log_tail(&self.log),
        })
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// `http://127.0.0.1:<port>`, without trailing slash.
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The log file with the CLI's stdout and stderr.
    pub fn log_path(&self) -> &Path {
        &self.log
    }

    /// How long it took from spawning until `/ping` answered.
    pub fn startup_time(&self) -> Duration {
        self.startup
    }

    /// Kills the server and waits for it (what `Drop` does), returning how it ended.
    ///
    /// # Errors
    ///
    /// [`MockoonError::Io`] when the process cannot be polled, killed or waited for.
    pub fn stop(mut self) -> Result<ExitStatus, MockoonError> {
        self.kill_and_wait()
    }

    fn kill_and_wait(&mut self) -> Result<ExitStatus, MockoonError> {
        if let Some(status) = self
            .child
            .try_wait()
            .map_err(io_err("polling mockoon-cli"))?
        {
            return Ok(status);
        }
        // Child::kill sends SIGKILL to this PID only; the CLI has no child processes.
        self.child.kill().map_err(io_err("killing mockoon-cli"))?;
        self.child.wait().map_err(io_err("waiting for mockoon-cli"))
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        let _ = self.kill_and_wait();
    }
}

/// The last few kilobytes of a log file, or a note saying why there are none.
fn log_tail(path: &Path) -> String {
    let read = || -> io::Result<String> {
        let mut file = File::open(path)?;
        let len = file.metadata()?.len();
        let start = len.saturating_sub(LOG_TAIL_BYTES);
        io::Seek::seek(&mut file, io::SeekFrom::Start(start))?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    };
    read().unwrap_or_else(|e| format!("<cannot read {}: {e}>", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("mockoon-rs-test-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn ping_reports_the_status() {
        use std::io::Write;
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = std::thread::spawn(move || {
            for status in ["200 OK", "503 Service Unavailable"] {
                let (mut conn, _) = listener.accept().unwrap();
                let mut buf = [0u8; 1024];
                let n = conn.read(&mut buf).unwrap();
                assert!(buf[..n].starts_with(b"GET /ping HTTP/1.1\r\n"));
                write!(
                    conn,
                    "HTTP/1.1 {status}\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                )
                .unwrap();
            }
        });
        assert_eq!(ping(port, Duration::from_secs(5)), Ok(200));
        assert_eq!(ping(port, Duration::from_secs(5)), Ok(503));
        server.join().unwrap();
    }

    #[test]
    fn ping_of_a_closed_port_is_an_error() {
        let port = free_port().unwrap();
        assert!(ping(port, Duration::from_secs(1)).is_err());
    }

    #[test]
    fn entry_point_comes_from_package_json() {
        let dir = scratch("entry");
        assert!(matches!(
            cli_entry_point(&dir),
            Err(MockoonError::NotInstalled(_))
        ));
        let package = dir.join("node_modules/@mockoon/cli");
        fs::create_dir_all(package.join("bin")).unwrap();
        fs::write(package.join("bin/run.js"), "").unwrap();
        assert_eq!(cli_entry_point(&dir).unwrap(), package.join("bin/run.js"));
        fs::write(
            package.join("package.json"),
            r#"{"bin": {"mockoon-cli": "./bin/other.js"}}"#,
        )
        .unwrap();
        assert!(
            cli_entry_point(&dir).is_err(),
            "declared entry point missing"
        );
        fs::write(package.join("bin/other.js"), "").unwrap();
        assert_eq!(
            cli_entry_point(&dir).unwrap(),
            package.join("./bin/other.js")
        );
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn ensure_installed_skips_when_present() {
        let dir = scratch("installed");
        let bin = cli_bin(&dir);
        fs::create_dir_all(bin.parent().unwrap()).unwrap();
        fs::write(&bin, "").unwrap();
        assert!(!ensure_installed(&dir).unwrap());
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn start_reports_an_early_exit_with_the_log() {
        // A fake CLI that prints and exits: start must fail fast with the log tail.
        let dir = scratch("exit");
        let package = dir.join("node_modules/@mockoon/cli/bin");
        fs::create_dir_all(&package).unwrap();
        fs::write(
            package.join("run.js"),
            "console.error('boom: no data'); process.exit(3);",
        )
        .unwrap();
        let port = free_port().unwrap();
        match MockServer::start(&dir, Path::new("/nonexistent.json"), port) {
            Err(MockoonError::Exited { tail, .. }) => {
                assert!(tail.contains("boom: no data"), "{tail}")
            }
            Err(MockoonError::Io { what, .. }) if what.starts_with("starting node") => {
                eprintln!("node is not installed; skipped");
            }
            other => panic!("expected an early exit, got {other:?}"),
        }
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn start_refuses_a_busy_port() {
        let dir = scratch("busy");
        let package = dir.join("node_modules/@mockoon/cli/bin");
        fs::create_dir_all(&package).unwrap();
        fs::write(package.join("run.js"), "").unwrap();
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let result = MockServer::start(&dir, Path::new("/nonexistent.json"), port);
        assert!(matches!(result, Err(MockoonError::PortInUse(p)) if p == port));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn log_tail_of_a_missing_file() {
        assert!(log_tail(Path::new("/nonexistent/log")).starts_with("<cannot read"));
    }
}
