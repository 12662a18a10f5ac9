//! `conekta-fake`: the fake Conekta as a process, for tools in any language.
//!
//! ```text
//! conekta-fake [--port PORT] [--api-key KEY]
//! ```
//!
//! Serves on `127.0.0.1:PORT` (default 3000) until interrupted, and prints
//! the base URL and the key. Besides Conekta's API it serves the simulated
//! payers: `POST /_fake/orders/{id}/pay_cash`, `POST /_fake/orders/{id}/pay_spei`
//! and `POST /_fake/cash_recurrent/{reference}/pay` with `{"amount": …}`.

use std::process::ExitCode;

use conekta_testing::{DEFAULT_API_KEY, FakeConekta};

const USAGE: &str = "usage: conekta-fake [--port PORT] [--api-key KEY]

Serves a fake, stateful Conekta API on 127.0.0.1 (for tests only).
  --port PORT     the port to listen on (default 3000; 0 picks a free one)
  --api-key KEY   the one API key it accepts (default key_conekta_testing_fake)";

/// The command line.
struct Options {
    port: u16,
    api_key: String,
}

/// Reads the options, or says what is wrong.
fn options(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        port: 3000,
        api_key: DEFAULT_API_KEY.to_owned(),
    };
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--port" => {
                let port = value("--port")?;
                options.port = port
                    .parse()
                    .map_err(|_| format!("--port: `{port}` is not a port number"))?;
            }
            "--api-key" => options.api_key = value("--api-key")?,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(options)
}

fn main() -> ExitCode {
    let options = match options(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(problem) => {
            if !problem.is_empty() {
                eprintln!("conekta-fake: {problem}");
            }
            eprintln!("{USAGE}");
            return if problem.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            };
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("conekta-fake: cannot start the runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async {
        let fake = match FakeConekta::builder()
            .port(options.port)
            .api_key(options.api_key)
            .start()
            .await
        {
            Ok(fake) => fake,
            Err(err) => {
                eprintln!("conekta-fake: {err}");
                return ExitCode::FAILURE;
            }
        };
        println!(
            "conekta-fake serving {} (API key {})",
            fake.base_url(),
            fake.api_key()
        );
        // Serves until the process is interrupted.
        std::future::pending::<()>().await;
        drop(fake);
        ExitCode::SUCCESS
    })
}
