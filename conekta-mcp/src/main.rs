//! `conekta-mcp`: the Conekta MCP server's command line.

use conekta_mcp::{Options, Server, Transport};
use std::process::ExitCode;

const USAGE: &str = "\
conekta-mcp: the Conekta payments API as MCP tools

USAGE: conekta-mcp [OPTIONS]

OPTIONS:
  --transport stdio|http   How to talk to the MCP client (default: stdio)
  --listen ADDR            Where the HTTP transport listens (default: 127.0.0.1:8080), at /mcp
  --capability FILE        A Naftiko capability: exactly the operations it consumes, under its names
  --tags TAG,TAG           Only operations with these tags (e.g. orders,customers)
  --read-only              Only GET operations
  --base-url URL           Where requests go (default: $CONEKTA_BASE_URL, the capability's baseUri,
                           or https://api.conekta.io)
  --list-tools             Print the selected tools' names and exit
  -h, --help               This help
  -V, --version            The version

The API key is read from CONEKTA_API_KEY (or the variable the capability binds); over HTTP each
session may send its own `Authorization: Bearer key_...` header instead.
";

/// What the command line asks for.
enum Command {
    Run(Options),
    List(Options),
    Print(String),
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Command, String> {
    let mut options = Options::default();
    let mut list = false;
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "--transport" => {
                options.transport = match value("--transport")?.as_str() {
                    "stdio" => Transport::Stdio,
                    "http" => Transport::Http,
                    other => return Err(format!("unknown transport `{other}` (stdio or http)")),
                }
            }
            "--listen" => {
                let text = value("--listen")?;
                options.listen = text.parse().map_err(|_| {
                    format!("--listen: `{text}` is not an address such as 127.0.0.1:8080")
                })?;
            }
            "--capability" => options.capability = Some(value("--capability")?.into()),
            "--tags" => options.tags.extend(
                value("--tags")?
                    .split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_owned),
            ),
            "--read-only" => options.read_only = true,
            "--base-url" => options.base_url = Some(value("--base-url")?),
            "--list-tools" => list = true,
            "-h" | "--help" => return Ok(Command::Print(USAGE.to_owned())),
            "-V" | "--version" => {
                return Ok(Command::Print(format!(
                    "conekta-mcp {} (Conekta API {})\n",
                    env!("CARGO_PKG_VERSION"),
                    conekta_sdk::API_VERSION
                )));
            }
            other => return Err(format!("unknown argument `{other}`; see --help")),
        }
    }
    Ok(if list {
        Command::List(options)
    } else {
        Command::Run(options)
    })
}

#[tokio::main]
async fn main() -> ExitCode {
    let options = match parse(std::env::args().skip(1)) {
        Ok(Command::Print(text)) => {
            print!("{text}");
            return ExitCode::SUCCESS;
        }
        Ok(Command::Run(options)) => (options, false),
        Ok(Command::List(options)) => (options, true),
        Err(message) => {
            eprintln!("conekta-mcp: {message}");
            return ExitCode::from(2);
        }
    };
    let (options, list) = options;
    match run(options, list).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("conekta-mcp: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn run(options: Options, list: bool) -> Result<(), conekta_mcp::StartError> {
    let server = Server::new(&options, |var| std::env::var(var).ok())?;
    if list {
        for (tool, operation) in server.tools().iter().zip(server.operations()) {
            println!("{}\t{operation}", tool.name);
        }
        return Ok(());
    }
    eprintln!("conekta-mcp: {} tools", server.tools().len());
    match options.transport {
        Transport::Stdio => server.serve_stdio().await,
        Transport::Http => {
            server
                .serve_http(options.listen, |addr| {
                    eprintln!(
                        "conekta-mcp: listening on http://{addr}{}",
                        conekta_mcp::HTTP_PATH
                    );
                })
                .await
        }
    }
}
