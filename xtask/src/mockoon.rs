//! Installing and running the Mockoon CLI that serves Conekta's mock API.
//!
//! [`ensure_installed`] puts `@mockoon/cli` (pinned to [`MOCKOON_CLI_VERSION`]) under a work
//! directory with npm; [`MockServer::start`] runs it with `node` on a loopback port, waits for
//! `GET /ping` to answer and kills it again when dropped. [`http_request`] is a minimal HTTP/1.1
//! client over [`std::net::TcpStream`] used for the readiness probe and for smoke checks.
//!
//! The CLI runs as a single `node` process (it does not fork), so killing its PID is enough.

use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
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
    /// A response that is not HTTP/1.x.
    #[error("malformed HTTP response: {0}")]
    Http(String),
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

/// A response read by [`http_request`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// The headers in order, names as sent.
    pub headers: Vec<(String, String)>,
    /// The body (de-chunked when the server used chunked encoding).
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// The first header called `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Sends one HTTP/1.1 request with `Connection: close` to `127.0.0.1:port` and reads the answer.
///
/// `headers` are added as given; a `body` gets a `Content-Length`.
///
/// # Errors
///
/// [`MockoonError::Io`] when connecting, writing or reading fails or times out,
/// [`MockoonError::Http`] when the answer is not HTTP/1.x.
pub fn http_request(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&[u8]>,
    timeout: Duration,
) -> Result<HttpResponse, MockoonError> {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let what = format!("{method} http://{addr}{path}");
    let mut stream = TcpStream::connect_timeout(&addr, timeout).map_err(io_err(&what))?;
    stream
        .set_read_timeout(Some(timeout))
        .and_then(|()| stream.set_write_timeout(Some(timeout)))
        .map_err(io_err(&what))?;
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (name, value) in headers {
        let _ = write!(request, "{name}: {value}\r\n");
    }
    if let Some(body) = body {
        let _ = write!(request, "Content-Length: {}\r\n", body.len());
    }
    request.push_str("\r\n");
    let mut bytes = request.into_bytes();
    bytes.extend_from_slice(body.unwrap_or_default());
    stream.write_all(&bytes).map_err(io_err(&what))?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).map_err(io_err(&what))?;
    parse_response(&raw)
}

fn parse_response(raw: &[u8]) -> Result<HttpResponse, MockoonError> {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| MockoonError::Http("no end of headers".to_owned()))?;
    let head = String::from_utf8_lossy(&raw[..split]);
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status = status_line
        .strip_prefix("HTTP/1.")
        .and_then(|rest| rest.get(2..5))
        .and_then(|code| code.parse::<u16>().ok())
        .ok_or_else(|| MockoonError::Http(format!("bad status line {status_line:?}")))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let mut response = HttpResponse {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    };
    let chunked = response
        .header("transfer-encoding")
        .is_some_and(|v| v.eq_ignore_ascii_case("chunked"));
    if chunked {
        response.body = dechunk(&response.body)?;
    }
    Ok(response)
}

fn dechunk(mut data: &[u8]) -> Result<Vec<u8>, MockoonError> {
    let bad = || MockoonError::Http("bad chunked body".to_owned());
    let mut out = Vec::new();
    loop {
        let line_end = data.windows(2).position(|w| w == b"\r\n").ok_or_else(bad)?;
        let size_text = String::from_utf8_lossy(&data[..line_end]);
        let size_text = size_text.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|_| bad())?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Ok(out);
        }
        let chunk = data.get(..size).ok_or_else(bad)?;
        out.extend_from_slice(chunk);
        data = data.get(size + 2..).ok_or_else(bad)?;
    }
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
            match http_request(self.port, "GET", "/ping", &[], None, Duration::from_secs(2)) {
                Ok(r) if r.status == 200 => return Ok(()),
                Ok(r) => last_error = format!("/ping answered {}", r.status),
                Err(e) => last_error = e.to_string(),
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
    fn parses_responses() {
        let raw = b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html; charset=utf-8\r\nX: a:b\r\n\r\n<p>x</p>";
        let r = parse_response(raw).unwrap();
        assert_eq!(r.status, 404);
        assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
        assert_eq!(r.header("x"), Some("a:b"));
        assert_eq!(r.body, b"<p>x</p>");
    }

    #[test]
    fn dechunks_bodies() {
        let raw = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\n\r\n";
        assert_eq!(parse_response(raw).unwrap().body, b"Wikipedia");
        let bad = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n";
        assert!(parse_response(bad).is_err());
        assert!(
            parse_response(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n9\r\nab")
                .is_err()
        );
    }

    #[test]
    fn rejects_garbage() {
        assert!(parse_response(b"").is_err());
        assert!(parse_response(b"SSH-2.0\r\n\r\n").is_err());
        assert!(parse_response(b"HTTP/1.1 2x0 OK\r\n\r\n").is_err());
    }

    #[test]
    fn talks_to_a_local_server() {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = std::thread::spawn(move || {
            let (mut conn, _) = listener.accept().unwrap();
            let mut buf = [0u8; 1024];
            let n = conn.read(&mut buf).unwrap();
            let request = String::from_utf8_lossy(&buf[..n]).into_owned();
            conn.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
                .unwrap();
            request
        });
        let r = http_request(
            port,
            "POST",
            "/ping",
            &[("Accept-Language", "es")],
            Some(b"{}"),
            Duration::from_secs(5),
        )
        .unwrap();
        assert_eq!((r.status, r.body.as_slice()), (200, b"ok".as_slice()));
        let request = server.join().unwrap();
        assert!(request.starts_with("POST /ping HTTP/1.1\r\n"), "{request}");
        assert!(request.contains("Accept-Language: es\r\n"));
        assert!(request.ends_with("Content-Length: 2\r\n\r\n{}"));
    }

    #[test]
    fn refused_connection_is_an_error() {
        let port = free_port().unwrap();
        let r = http_request(port, "GET", "/", &[], None, Duration::from_secs(1));
        assert!(matches!(r, Err(MockoonError::Io { .. })));
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
