//! The conekta-mcp binary serving streamable HTTP, shared by the HTTP test files.

use std::process::Stdio;
use std::sync::{Arc, Mutex};
use tokio::io::AsyncBufReadExt;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_conekta-mcp");

/// The binary serving HTTP on a free port of 127.0.0.1; killed when dropped. The
/// environment's key, base URL and confirmation secret are removed: a test passes
/// what it means in `env`.
pub struct HttpServer {
    child: tokio::process::Child,
    /// The MCP endpoint, `http://127.0.0.1:PORT/mcp`.
    pub url: String,
    log: Arc<Mutex<String>>,
}

impl HttpServer {
    /// Starts the binary with `--transport http` and `args`, and waits until it listens.
    pub async fn start(args: &[&str], env: &[(&str, &str)]) -> Self {
        let mut child = tokio::process::Command::new(BIN)
            .args(["--transport", "http", "--listen", "127.0.0.1:0"])
            .args(args)
            .env_remove("CONEKTA_API_KEY")
            .env_remove("CONEKTA_BASE_URL")
            .env_remove("CONEKTA_MCP_SECRET")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("the binary starts");
        let mut lines = tokio::io::BufReader::new(child.stderr.take().expect("stderr")).lines();
        let log = Arc::new(Mutex::new(String::new()));
        let url = loop {
            let line = lines
                .next_line()
                .await
                .expect("stderr is readable")
                .unwrap_or_else(|| panic!("the server exited: {}", log.lock().unwrap()));
            log.lock().unwrap().push_str(&format!("{line}\n"));
            if let Some(url) = line.split("listening on ").nth(1) {
                break url.trim().to_owned();
            }
        };
        let rest = log.clone();
        tokio::spawn(async move {
            while let Ok(Some(line)) = lines.next_line().await {
                rest.lock().unwrap().push_str(&format!("{line}\n"));
            }
        });
        Self { child, url, log }
    }

    /// The server's origin, without the `/mcp` path.
    #[allow(dead_code)] // used by one of the test files that include this module
    pub fn base(&self) -> &str {
        self.url.trim_end_matches("/mcp")
    }

    /// Kills the server and returns what it wrote to stderr.
    pub async fn stop(mut self) -> String {
        let _ = self.child.kill().await;
        self.log.lock().unwrap().clone()
    }
}
