//! `conekta-mcp`: the Conekta MCP server's command line.

use conekta_mcp::{OAuthOptions, Options, Server, ToolMode, Transport};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
conekta-mcp: the Conekta payments API as MCP tools

USAGE:
  conekta-mcp [OPTIONS]                          Serve MCP (stdio by default)
  conekta-mcp call NAME --args JSON [OPTIONS]    Call one operation and print its answer as JSON
  conekta-mcp skill --capability FILE --out DIR  Write an Agent Skill (SKILL.md) for a capability

OPTIONS:
  --transport stdio|http   How to talk to the MCP client (default: stdio)
  --listen ADDR            Where the HTTP transport listens (default: 127.0.0.1:8080), at /mcp
  --allow-origin ORIGIN    A browser origin the HTTP transport accepts (repeatable, e.g.
                           http://localhost:5173); any other Origin gets 403
  --all-tools              Every operation as a tool (default: four discovery tools that
                           search, describe, call reads and call writes)
  --capability FILE        A Naftiko capability: exactly the operations it consumes, under its names
  --strict                 Stop when a capability names an operation the API lacks (default:
                           skip it with a warning)
  --tags TAG,TAG           Only operations with these tags (e.g. orders,customers)
  --read-only              Only GET operations
  --allow-payments         Run operations that move money (orders, charges, captures, refunds,
                           payouts, billing subscriptions) without asking the user
  --max-amount CENTS       Refuse a money-moving call above this amount (or whose amount the
                           arguments do not say)
  --base-url URL           Where requests go (default: $CONEKTA_BASE_URL, the capability's baseUri,
                           or https://api.conekta.io)
  --list-tools             Print the selected tools' names and exit

HOSTING (HTTP):
  --tokens FILE            Scoped bearer tokens (TOML: id, sha256, conekta_key_env, read_only,
                           operations, tags, capability, allow_payments, max_amount); a Conekta
                           key sent by a client is then never used
  --oauth-issuer URL       OAuth 2.1 resource server: JWT access tokens of this issuer...
  --oauth-audience AUD     ...for this audience...
  --jwks FILE|URL          ...signed by these keys; scopes conekta:read, conekta:write,
                           conekta:payments
  --oauth-key-env VAR      The variable with the Conekta key OAuth principals use
                           (default: CONEKTA_API_KEY)
  --audit-log FILE         Append one JSON line per tool call (never a key or a token)
  --public-url URL         The endpoint's public URL behind a proxy (metadata; its host is allowed)
  --max-sessions N         Open sessions in all (default 10000; past it 503)
  --max-sessions-per-principal N
                           Open sessions per principal (default 64; past it the oldest idle
                           one goes, or 429)
  --session-idle-secs N    Close a session unused this long (default 1800)
  --max-body-bytes N       The largest request body (default 1048576; past it 413)
  Set CONEKTA_MCP_SECRET (32 bytes or more) on every instance so that any of them can finish
  a confirmation another one asked for.
  --args JSON              (call) The operation's arguments, a JSON object (default: {})
  --out DIR                (skill) Where to write the skill
  -h, --help               This help
  -V, --version            The version

The API key is read from CONEKTA_API_KEY (or the variable the capability binds); over HTTP
without --tokens or OAuth, a client may send its own `Authorization: Bearer key_...` instead.
";

/// What the command line asks for.
enum Command {
    Run(Options),
    List(Options),
    Call {
        options: Options,
        name: String,
        arguments: String,
    },
    Skill {
        options: Options,
        out: PathBuf,
    },
    Print(String),
}

/// The OAuth flags, gathered before they are checked together.
#[derive(Default)]
struct OAuthFlags {
    issuer: Option<String>,
    audience: Option<String>,
    jwks: Option<String>,
    key_env: Option<String>,
}

impl OAuthFlags {
    fn options(self) -> Result<Option<OAuthOptions>, String> {
        match (self.issuer, self.audience, self.jwks) {
            (None, None, None) if self.key_env.is_none() => Ok(None),
            (Some(issuer), Some(audience), Some(jwks)) => Ok(Some(OAuthOptions {
                issuer,
                audience,
                jwks,
                key_env: self.key_env,
            })),
            _ => {
                Err("OAuth mode needs --oauth-issuer, --oauth-audience and --jwks together".into())
            }
        }
    }
}

fn number<T: std::str::FromStr>(flag: &str, text: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("{flag}: `{text}` is not a number"))
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Command, String> {
    let mut options = Options::default();
    let mut oauth = OAuthFlags::default();
    let mut all_tools = false;
    let mut capability = None;
    let mut tags = Vec::new();
    let mut read_only = false;
    let mut list = false;
    let mut positional = Vec::new();
    let mut arguments = None;
    let mut out = None;
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
            "--allow-origin" => options.allowed_origins.push(value("--allow-origin")?),
            "--all-tools" => all_tools = true,
            "--capability" => capability = Some(PathBuf::from(value("--capability")?)),
            "--strict" => options.strict = true,
            "--tags" => tags.extend(
                value("--tags")?
                    .split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_owned),
            ),
            "--read-only" => read_only = true,
            "--allow-payments" => options.allow_payments = true,
            "--max-amount" => {
                options.max_amount = Some(number("--max-amount", &value("--max-amount")?)?)
            }
            "--tokens" => options.tokens = Some(value("--tokens")?.into()),
            "--oauth-issuer" => oauth.issuer = Some(value("--oauth-issuer")?),
            "--oauth-audience" => oauth.audience = Some(value("--oauth-audience")?),
            "--jwks" => oauth.jwks = Some(value("--jwks")?),
            "--oauth-key-env" => oauth.key_env = Some(value("--oauth-key-env")?),
            "--audit-log" => options.audit_log = Some(value("--audit-log")?.into()),
            "--public-url" => options.public_url = Some(value("--public-url")?),
            "--max-sessions" => {
                options.sessions.total = number("--max-sessions", &value("--max-sessions")?)?
            }
            "--max-sessions-per-principal" => {
                options.sessions.per_principal = number(
                    "--max-sessions-per-principal",
                    &value("--max-sessions-per-principal")?,
                )?
            }
            "--session-idle-secs" => {
                options.sessions.idle = std::time::Duration::from_secs(number(
                    "--session-idle-secs",
                    &value("--session-idle-secs")?,
                )?)
            }
            "--max-body-bytes" => {
                options.max_body_bytes = number("--max-body-bytes", &value("--max-body-bytes")?)?
            }
            "--base-url" => options.base_url = Some(value("--base-url")?),
            "--list-tools" => list = true,
            "--args" => arguments = Some(value("--args")?),
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "-h" | "--help" => return Ok(Command::Print(USAGE.to_owned())),
            "-V" | "--version" => {
                return Ok(Command::Print(format!(
                    "conekta-mcp {} (Conekta API {})\n",
                    env!("CARGO_PKG_VERSION"),
                    conekta_sdk::API_VERSION
                )));
            }
            other if !other.starts_with('-') => positional.push(arg),
            other => return Err(format!("unknown argument `{other}`; see --help")),
        }
    }
    options.oauth = oauth.options()?;
    let mut positional = positional.into_iter();
    let command = positional.next();
    // `call` names the static tools (snake_case operation ids, or a capability's).
    let all_tools = all_tools || command.as_deref() == Some("call");
    options.tools = ToolMode::from_flags(all_tools, capability, tags, read_only);
    match command.as_deref() {
        None => Ok(if list {
            Command::List(options)
        } else {
            Command::Run(options)
        }),
        Some("call") => {
            let name = positional
                .next()
                .ok_or("call needs the operation's name: conekta-mcp call NAME --args JSON")?;
            Ok(Command::Call {
                options,
                name,
                arguments: arguments.unwrap_or_else(|| "{}".to_owned()),
            })
        }
        Some("skill") => {
            if options.tools.capability().is_none() {
                return Err("skill needs --capability FILE".into());
            }
            let out = out.ok_or("skill needs --out DIR")?;
            Ok(Command::Skill { options, out })
        }
        Some(other) => Err(format!("unknown command `{other}`; see --help")),
    }
}

fn warn(message: String) {
    eprintln!("conekta-mcp: warning: {message}");
}

#[tokio::main]
async fn main() -> ExitCode {
    let command = match parse(std::env::args().skip(1)) {
        Ok(Command::Print(text)) => {
            print!("{text}");
            return ExitCode::SUCCESS;
        }
        Ok(command) => command,
        Err(message) => {
            eprintln!("conekta-mcp: {message}");
            return ExitCode::from(2);
        }
    };
    match run(command).await {
        Ok(code) => code,
        Err(err) => {
            eprintln!("conekta-mcp: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command) -> Result<ExitCode, conekta_mcp::StartError> {
    let env = |var: &str| std::env::var(var).ok();
    match command {
        Command::Print(_) => Ok(ExitCode::SUCCESS),
        Command::List(options) => {
            let server = Server::new(&options, env, &mut warn)?;
            for (name, operation) in server.operations() {
                println!("{name}\t{operation}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Call {
            options,
            name,
            arguments,
        } => {
            let arguments: serde_json::Value = serde_json::from_str(&arguments)
                .map_err(|e| conekta_mcp::StartError::from(format!("--args is not JSON: {e}")))?;
            let server = Server::new(&options, env, &mut warn)?;
            let (result, failed) = server.call_once(&name, arguments).await;
            println!("{result}");
            Ok(if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Skill { options, out } => {
            let capability = options.tools.capability().cloned().unwrap_or_default();
            let path = conekta_mcp::write_skill(&capability, &out, &mut warn)?;
            eprintln!("conekta-mcp: wrote {}", path.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Run(options) => {
            let server = Server::new(&options, env, &mut warn)?;
            let mode = if options.tools == ToolMode::Discovery {
                format!(
                    "discovery mode: 4 tools over {} operations (--all-tools for one tool each)",
                    server.operations().count()
                )
            } else {
                format!("{} tools", server.tools().len())
            };
            eprintln!("conekta-mcp: {mode}");
            match options.transport {
                Transport::Stdio => server.serve_stdio().await?,
                Transport::Http => {
                    server
                        .serve_http(options.listen, |addr| {
                            eprintln!(
                                "conekta-mcp: listening on http://{addr}{}",
                                conekta_mcp::HTTP_PATH
                            );
                        })
                        .await?
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
