//! Fixtures from Conekta's Mockoon environment (`mocks/conekta_api.json`).
//!
//! The environment is the mock server that Conekta's own SDKs test against. This module
//!
//! * loads it ([`load_environment`], [`parse_environment`]),
//! * maps its routes (`customers/:id`, no leading slash, optional `endpointPrefix`) to the
//!   operations of the `OpenAPI` spec (`/customers/{id}`) by normalising parameter names
//!   ([`Route::matches`], [`match_routes`]),
//! * renders the Handlebars templates inside response bodies the way Mockoon would
//!   ([`Template`], [`RenderContext`]), with deterministic sample values, and
//! * iterates over every JSON body with the operation it belongs to ([`fixture_bodies`]).
//!
//! # Template semantics
//!
//! Only what the Conekta environment uses is implemented, following
//! `@mockoon/commons-server` 9.9.0 (`templating-helpers/request-helpers.js`):
//!
//! * `{{urlParam 'name'}}`: the route parameter, HTML-escaped like any plain Handlebars value;
//!   empty when the parameter is unknown.
//! * `{{body 'a.b.0.c' default stringify}}`: the value at an `object-path` path in the JSON
//!   request body (dots separate keys, `\.` escapes a dot, numbers index arrays). Objects, arrays
//!   and `null` are written as JSON, other values as JavaScript's `String(value)` (so a string is
//!   written *without* quotes). A missing value gives `default`, itself `''` when not given: a bare
//!   `{{body 'metadata'}}` with no `metadata` in the request renders nothing, which is how a
//!   fixture can render invalid JSON. `{{body}}` / `{{body ''}}` writes the raw request body.
//! * `{{faker 'string.uuid'}}`: the fixed [`SAMPLE_UUID`]. Other faker methods are reported as
//!   [`TemplateError::UnsupportedFaker`] rather than guessed.
//! * A bare name that is no helper (`{{randomProduct}}`) is a lookup in Mockoon's empty template
//!   context and renders nothing, as in Handlebars; an unknown helper *with* arguments is
//!   Handlebars' "Missing helper" error ([`TemplateError::MissingHelper`]).
//! * `{{{…}}}` and `{{&…}}` are unescaped, `{{!…}}` / `{{!--…--}}` are comments and
//!   `\{{` is a literal `{{`. Block helpers (`{{#if}}`, `{{#each}}`…), partials, sub-expressions,
//!   hash arguments and whitespace control are not used by the environment and are rejected
//!   with [`TemplateError::Unsupported`].

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

/// The fixed value that `{{faker 'string.uuid'}}` renders to.
pub const SAMPLE_UUID: &str = "4f1c6a52-9b0e-4d8a-8f3e-2c7d5b1a9e60";

/// The value given to a route parameter (`:id`) that neither the caller nor a response rule sets.
pub const SAMPLE_PARAM: &str = "sample_id_2tVyWPnCPWbrV37mW";

/// Errors while loading a Mockoon environment.
#[derive(Debug, thiserror::Error)]
pub enum FixtureError {
    /// The file could not be read.
    #[error("cannot read Mockoon environment {path}: {source}")]
    Read {
        /// The file that was read.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not JSON or does not have the shape of a Mockoon environment.
    #[error("{origin} is not a valid Mockoon environment: {source}")]
    Parse {
        /// The file name, or `<string>` for [`parse_environment`].
        origin: String,
        /// The decoding error, with its line and column.
        #[source]
        source: serde_json::Error,
    },
}

/// A Mockoon environment: the subset of its JSON that fixtures need.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Environment {
    /// The environment's name.
    #[serde(default)]
    pub name: String,
    /// A prefix put before every route's endpoint (often empty).
    #[serde(default, deserialize_with = "null_as_default")]
    pub endpoint_prefix: String,
    /// The port the environment was saved with.
    #[serde(default)]
    pub port: Option<u16>,
    /// The routes, in the order Mockoon tries them.
    #[serde(default)]
    pub routes: Vec<Route>,
}

/// One route: a method, an endpoint and its possible responses.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Route {
    /// Mockoon's identifier of the route.
    #[serde(default)]
    pub uuid: String,
    /// Free text shown in Mockoon's UI.
    #[serde(default, deserialize_with = "null_as_default")]
    pub documentation: String,
    /// The HTTP method in lower case as Mockoon stores it (`get`, `post`, …, or `all`).
    pub method: String,
    /// The endpoint, without leading slash, with Express parameters (`customers/:id`).
    pub endpoint: String,
    /// The responses, in the order Mockoon evaluates their rules.
    #[serde(default)]
    pub responses: Vec<RouteResponse>,
}

/// One response of a route.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RouteResponse {
    /// Mockoon's identifier of the response.
    #[serde(default)]
    pub uuid: String,
    /// The HTTP status code (a number, or a string in old environments).
    #[serde(deserialize_with = "status_code")]
    pub status_code: u16,
    /// The label shown in Mockoon's UI (often empty).
    #[serde(default, deserialize_with = "null_as_default")]
    pub label: String,
    /// The body: text that may contain Handlebars templates.
    #[serde(default, deserialize_with = "null_as_default")]
    pub body: String,
    /// `INLINE` for a body written in the environment; `FILE` and `DATABUCKET` bodies live elsewhere.
    #[serde(default, deserialize_with = "null_as_default")]
    pub body_type: String,
    /// The response headers, in order, possibly with empty keys or values.
    #[serde(default)]
    pub headers: Vec<Header>,
    /// The rules that select this response.
    #[serde(default)]
    pub rules: Vec<Rule>,
    /// How the rules combine: `OR` (Mockoon's default) or `AND`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub rules_operator: String,
    /// When true the body is sent as is, without templating.
    #[serde(default)]
    pub disable_templating: bool,
    /// Whether this is the route's default response.
    #[serde(default)]
    pub default: bool,
}

/// A response header.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Header {
    /// The header name, possibly empty.
    #[serde(default, deserialize_with = "null_as_default")]
    pub key: String,
    /// The header value, possibly empty.
    #[serde(default, deserialize_with = "null_as_default")]
    pub value: String,
}

/// A rule that selects a response from the request.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Rule {
    /// What is inspected: `body`, `query`, `header`, `params`, `cookie`, …
    #[serde(default, deserialize_with = "null_as_default")]
    pub target: String,
    /// The path or name inside the target (`customer_info.customer_id`, `id`, `Accept-Language`).
    #[serde(default, deserialize_with = "null_as_default")]
    pub modifier: String,
    /// The expected value, always a string.
    #[serde(default, deserialize_with = "null_as_default")]
    pub value: String,
    /// Whether the rule is negated.
    #[serde(default)]
    pub invert: bool,
    /// `equals`, `regex`, `null`, `empty_array`, …
    #[serde(default, deserialize_with = "null_as_default")]
    pub operator: String,
}

fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

fn status_code<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u16, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Code {
        Number(u64),
        Text(String),
    }
    let code = match Code::deserialize(deserializer)? {
        Code::Number(n) => u16::try_from(n).ok(),
        Code::Text(s) => s.trim().parse::<u16>().ok(),
    };
    code.filter(|c| (100..=999).contains(c))
        .ok_or_else(|| serde::de::Error::custom("statusCode is not an HTTP status code"))
}

/// Reads and decodes a Mockoon environment file.
///
/// # Errors
///
/// [`FixtureError::Read`] when the file cannot be read, [`FixtureError::Parse`] when it is not
/// JSON in the shape of a Mockoon environment.
pub fn load_environment(path: impl AsRef<Path>) -> Result<Environment, FixtureError> {
    let path = path.as_ref();
    let text = std::fs::read_to_string(path).map_err(|source| FixtureError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|source| FixtureError::Parse {
        origin: path.display().to_string(),
        source,
    })
}

/// Decodes a Mockoon environment from its JSON text.
///
/// # Errors
///
/// [`FixtureError::Parse`] when the text is not a Mockoon environment.
pub fn parse_environment(json: &str) -> Result<Environment, FixtureError> {
    serde_json::from_str(json).map_err(|source| FixtureError::Parse {
        origin: "<string>".to_owned(),
        source,
    })
}

/// Normalises a path template so that Mockoon endpoints and spec paths compare equal.
///
/// Leading, trailing and repeated slashes are dropped, and every parameter segment, Express
/// style (`:id`) or `OpenAPI` style (`{customer_id}`), becomes `{}`:
/// `customers/:id` and `/customers/{customer_id}` both give `/customers/{}`.
pub fn normalize_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 1);
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        out.push('/');
        let is_param = segment.starts_with(':')
            || (segment.len() >= 2 && segment.starts_with('{') && segment.ends_with('}'));
        out.push_str(if is_param { "{}" } else { segment });
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

impl Route {
    /// The full path of the route with the environment's prefix, e.g. `/customers/:id`.
    pub fn full_path(&self, endpoint_prefix: &str) -> String {
        let joined = format!("{endpoint_prefix}/{}", self.endpoint);
        let segments: Vec<&str> = joined.split('/').filter(|s| !s.is_empty()).collect();
        format!("/{}", segments.join("/"))
    }

    /// The names of the route's Express parameters, in order (`["id", "line_item_id"]`).
    pub fn param_names(&self) -> Vec<&str> {
        self.endpoint
            .split('/')
            .filter_map(|s| s.strip_prefix(':'))
            .map(|s| s.trim_end_matches('?'))
            .filter(|s| !s.is_empty())
            .collect()
    }

    /// Index of the response Mockoon sends when no rule is fulfilled: the one flagged
    /// `default`, else the first.
    pub fn default_response_index(&self) -> Option<usize> {
        match self.responses.iter().position(|r| r.default) {
            Some(index) => Some(index),
            None if self.responses.is_empty() => None,
            None => Some(0),
        }
    }

    /// Whether Mockoon can ever send `self.responses[index]`: a response is chosen by its first
    /// fulfilled rule set, and a response without rules is only sent as the default one.
    pub fn can_send(&self, index: usize) -> bool {
        self.responses
            .get(index)
            .is_some_and(|r| !r.rules.is_empty() || self.default_response_index() == Some(index))
    }

    /// Whether this route serves the spec operation `method` `spec_path` (`/customers/{id}`).
    ///
    /// Methods compare case-insensitively (Mockoon's `all` matches any method); paths compare
    /// after [`normalize_path`], so parameter names do not matter.
    pub fn matches(&self, endpoint_prefix: &str, method: &str, spec_path: &str) -> bool {
        (self.method.eq_ignore_ascii_case(method) || self.method.eq_ignore_ascii_case("all"))
            && normalize_path(&self.full_path(endpoint_prefix)) == normalize_path(spec_path)
    }
}

impl RouteResponse {
    /// The `Content-Type` Mockoon sends: the last non-empty one among the response's headers.
    pub fn content_type(&self) -> Option<&str> {
        self.headers
            .iter()
            .rev()
            .find(|h| h.key.eq_ignore_ascii_case("content-type") && !h.value.is_empty())
            .map(|h| h.value.as_str())
    }

    /// Whether the body is written inline in the environment and is not blank.
    pub fn has_inline_body(&self) -> bool {
        (self.body_type.is_empty() || self.body_type.eq_ignore_ascii_case("INLINE"))
            && !self.body.trim().is_empty()
    }
}

/// The result of [`match_routes`].
#[derive(Debug, Clone)]
pub struct RouteMatches<'a> {
    /// The environment the routes come from.
    pub env: &'a Environment,
    /// `(operation index, route)` for every route that serves an operation, in route order.
    pub matched: Vec<(usize, &'a Route)>,
    /// Routes that serve no operation of the spec (e.g. `GET /ping`).
    pub unmatched_routes: Vec<&'a Route>,
    /// Indices of operations that no route serves.
    pub unrouted_operations: Vec<usize>,
    /// Routes that an earlier route with the same method and path hides: Mockoon never
    /// reaches them.
    pub shadowed_routes: Vec<&'a Route>,
}

impl RouteMatches<'_> {
    /// Whether `route` is hidden by an earlier route with the same method and path.
    pub fn is_shadowed(&self, route: &Route) -> bool {
        self.shadowed_routes.iter().any(|r| std::ptr::eq(*r, route))
    }
}

/// Maps every route of `env` to the first operation in `ops` (`(method, path template)`) it serves.
pub fn match_routes<'a>(env: &'a Environment, ops: &[(&str, &str)]) -> RouteMatches<'a> {
    let mut matched = Vec::new();
    let mut unmatched_routes = Vec::new();
    let mut routed = vec![false; ops.len()];
    for route in &env.routes {
        let found = ops
            .iter()
            .position(|(method, path)| route.matches(&env.endpoint_prefix, method, path));
        match found {
            Some(index) => {
                routed[index] = true;
                matched.push((index, route));
            }
            None => unmatched_routes.push(route),
        }
    }
    let shadowed_routes = env
        .routes
        .iter()
        .zip(shadowed_flags(env))
        .filter(|(_, hidden)| *hidden)
        .map(|(route, _)| route)
        .collect();
    let unrouted_operations = routed
        .iter()
        .enumerate()
        .filter(|(_, r)| !**r)
        .map(|(i, _)| i)
        .collect();
    RouteMatches {
        env,
        matched,
        unmatched_routes,
        unrouted_operations,
        shadowed_routes,
    }
}

/// For each route, whether an earlier route with the same method and path hides it.
fn shadowed_flags(env: &Environment) -> Vec<bool> {
    let keys: Vec<String> = env
        .routes
        .iter()
        .map(|r| normalize_path(&r.full_path(&env.endpoint_prefix)))
        .collect();
    env.routes
        .iter()
        .enumerate()
        .map(|(i, route)| {
            env.routes[..i].iter().zip(&keys).any(|(earlier, key)| {
                (earlier.method.eq_ignore_ascii_case(&route.method)
                    || earlier.method.eq_ignore_ascii_case("all"))
                    && *key == keys[i]
            })
        })
        .collect()
}

/// Errors while parsing or rendering a template.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    /// A `{{` without its closing braces.
    #[error("unclosed mustache starting at byte {offset}")]
    Unclosed {
        /// Byte offset of the opening braces.
        offset: usize,
    },
    /// Handlebars syntax this renderer does not implement (blocks, partials, …).
    #[error("unsupported Handlebars syntax at byte {offset}: {snippet}")]
    Unsupported {
        /// Byte offset of the opening braces.
        offset: usize,
        /// The mustache, shortened.
        snippet: String,
    },
    /// A mustache whose content cannot be read.
    #[error("bad expression at byte {offset} ({reason}): {snippet}")]
    BadExpression {
        /// Byte offset of the opening braces.
        offset: usize,
        /// The mustache, shortened.
        snippet: String,
        /// What is wrong.
        reason: &'static str,
    },
    /// An unknown helper called with arguments (Handlebars' "Missing helper").
    #[error("missing helper `{name}` at byte {offset}")]
    MissingHelper {
        /// Byte offset of the opening braces.
        offset: usize,
        /// The helper's name.
        name: String,
    },
    /// A faker method with no fixed sample.
    #[error("faker method `{method}` at byte {offset} has no fixed sample")]
    UnsupportedFaker {
        /// Byte offset of the opening braces.
        offset: usize,
        /// The faker method, e.g. `person.firstName`.
        method: String,
    },
    /// A `body` path in `JSONPath` syntax (`$.a`), which this renderer does not evaluate.
    #[error("JSONPath `{path}` at byte {offset} is not supported")]
    UnsupportedJsonPath {
        /// Byte offset of the opening braces.
        offset: usize,
        /// The path.
        path: String,
    },
}

/// A literal or path argument of a helper.
#[derive(Debug, Clone, PartialEq)]
enum Param {
    /// A string, number, boolean or `null` literal.
    Literal(Value),
    /// `undefined`, or a path: paths look up Mockoon's empty context and are undefined too.
    Undefined,
}

#[derive(Debug, Clone, PartialEq)]
enum Part {
    Text(String),
    Expr {
        offset: usize,
        escaped: bool,
        name: String,
        params: Vec<Param>,
    },
}

/// A parsed Handlebars template (the subset described in the [module docs](self)).
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    parts: Vec<Part>,
}

fn snippet(text: &str) -> String {
    const MAX: usize = 60;
    match text.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

impl Template {
    /// Parses a template.
    ///
    /// # Errors
    ///
    /// Unclosed mustaches, malformed expressions and syntax outside the supported subset
    /// (see the [module docs](self)).
    pub fn parse(source: &str) -> Result<Self, TemplateError> {
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut rest = 0;
        while let Some(found) = source[rest..].find("{{") {
            let open = rest + found;
            // `\{{` is a literal mustache: drop the backslash, keep the braces as text.
            if source[..open].ends_with('\\') && !source[..open].ends_with("\\\\") {
                text.push_str(&source[rest..open - 1]);
                let close = source[open..]
                    .find("}}")
                    .map(|i| open + i + 2)
                    .unwrap_or(source.len());
                text.push_str(&source[open..close]);
                rest = close;
                continue;
            }
            text.push_str(&source[rest..open]);
            let after = &source[open + 2..];
            let (inner, len, escaped) = if let Some(body) = after.strip_prefix("!--") {
                let end = body
                    .find("--}}")
                    .ok_or(TemplateError::Unclosed { offset: open })?;
                rest = open + 2 + 3 + end + 4;
                continue;
            } else if after.starts_with('!') {
                let end = after
                    .find("}}")
                    .ok_or(TemplateError::Unclosed { offset: open })?;
                rest = open + 2 + end + 2;
                continue;
            } else if let Some(body) = after.strip_prefix('{') {
                let end = body
                    .find("}}}")
                    .ok_or(TemplateError::Unclosed { offset: open })?;
                (&body[..end], 3 + end + 3, false)
            } else {
                let end = after
                    .find("}}")
                    .ok_or(TemplateError::Unclosed { offset: open })?;
                match after[..end].strip_prefix('&') {
                    Some(body) => (body, 2 + end + 2, false),
                    None => (&after[..end], 2 + end + 2, true),
                }
            };
            let whole = &source[open..open + len];
            if inner.starts_with(['#', '/', '^', '>', '~', '*'])
                || inner.ends_with('~')
                || inner.trim() == "else"
            {
                return Err(TemplateError::Unsupported {
                    offset: open,
                    snippet: snippet(whole),
                });
            }
            let (name, params) = parse_expression(inner, open, whole)?;
            if !text.is_empty() {
                parts.push(Part::Text(std::mem::take(&mut text)));
            }
            parts.push(Part::Expr {
                offset: open,
                escaped,
                name,
                params,
            });
            rest = open + len;
        }
        text.push_str(&source[rest..]);
        if !text.is_empty() {
            parts.push(Part::Text(text));
        }
        Ok(Template { parts })
    }

    /// The names of the helpers (or bare lookups) the template uses, in order of appearance.
    pub fn helpers(&self) -> Vec<&str> {
        self.parts
            .iter()
            .filter_map(|p| match p {
                Part::Expr { name, .. } => Some(name.as_str()),
                Part::Text(_) => None,
            })
            .collect()
    }

    /// Whether the template contains at least one mustache.
    pub fn is_templated(&self) -> bool {
        self.parts.iter().any(|p| matches!(p, Part::Expr { .. }))
    }

    /// Renders the template for one request.
    ///
    /// # Errors
    ///
    /// Unknown helpers called with arguments, faker methods without a fixed sample and
    /// `JSONPath` `body` paths.
    pub fn render(&self, ctx: &RenderContext) -> Result<String, TemplateError> {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(text) => out.push_str(text),
                Part::Expr {
                    offset,
                    escaped,
                    name,
                    params,
                } => {
                    let value = call_helper(ctx, *offset, name, params)?;
                    match value {
                        Output::Safe(s) => out.push_str(&s),
                        Output::Plain(s) if *escaped => html_escape_into(&s, &mut out),
                        Output::Plain(s) => out.push_str(&s),
                    }
                }
            }
        }
        Ok(out)
    }
}

fn parse_expression(
    inner: &str,
    offset: usize,
    whole: &str,
) -> Result<(String, Vec<Param>), TemplateError> {
    let bad = |reason| TemplateError::BadExpression {
        offset,
        snippet: snippet(whole),
        reason,
    };
    let mut tokens: Vec<(bool, String)> = Vec::new(); // (quoted, text)
    let mut chars = inner.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        if c == '(' || c == ')' {
            return Err(TemplateError::Unsupported {
                offset,
                snippet: snippet(whole),
            });
        }
        if c == '\'' || c == '"' {
            chars.next();
            let mut literal = String::new();
            let mut closed = false;
            while let Some((_, d)) = chars.next() {
                if d == '\\' && chars.peek().map(|&(_, e)| e) == Some(c) {
                    literal.push(c);
                    chars.next();
                } else if d == c {
                    closed = true;
                    break;
                } else {
                    literal.push(d);
                }
            }
            if !closed {
                return Err(bad("unterminated string literal"));
            }
            tokens.push((true, literal));
            continue;
        }
        let mut end = inner.len();
        while let Some(&(i, d)) = chars.peek() {
            if d.is_whitespace() {
                end = i;
                break;
            }
            if d == '(' || d == ')' || d == '\'' || d == '"' {
                return Err(bad("unexpected character inside a token"));
            }
            chars.next();
        }
        let token = &inner[start..end];
        if token.contains('=') {
            return Err(TemplateError::Unsupported {
                offset,
                snippet: snippet(whole),
            });
        }
        tokens.push((false, token.to_owned()));
    }
    let mut tokens = tokens.into_iter();
    let name = match tokens.next() {
        Some((false, name)) if !is_literal_word(&name) => name,
        Some(_) => return Err(bad("expected a helper name or path")),
        None => return Err(bad("empty mustache")),
    };
    let params = tokens
        .map(|(quoted, text)| {
            if quoted {
                return Param::Literal(Value::String(text));
            }
            match text.as_str() {
                "true" => Param::Literal(Value::Bool(true)),
                "false" => Param::Literal(Value::Bool(false)),
                "null" => Param::Literal(Value::Null),
                "undefined" => Param::Undefined,
                _ => match parse_number(&text) {
                    Some(n) => Param::Literal(Value::Number(n)),
                    None => Param::Undefined,
                },
            }
        })
        .collect();
    Ok((name, params))
}

fn is_literal_word(token: &str) -> bool {
    matches!(token, "true" | "false" | "null" | "undefined") || parse_number(token).is_some()
}

/// Handlebars number literals: `-?[0-9]+(\.[0-9]+)?`.
fn parse_number(token: &str) -> Option<serde_json::Number> {
    let digits = token.strip_prefix('-').unwrap_or(token);
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int) || frac.is_some_and(|f| !all_digits(f)) {
        return None;
    }
    if frac.is_none()
        && let Ok(i) = token.parse::<i64>()
    {
        return Some(i.into());
    }
    token
        .parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
}

enum Output {
    /// A Handlebars `SafeString`: written as is.
    Safe(String),
    /// A plain value: HTML-escaped inside `{{ }}`.
    Plain(String),
}

fn call_helper(
    ctx: &RenderContext,
    offset: usize,
    name: &str,
    params: &[Param],
) -> Result<Output, TemplateError> {
    match name {
        "urlParam" => {
            let key = params.first().map(param_to_js_string).unwrap_or_default();
            Ok(Output::Plain(
                ctx.url_params.get(&key).cloned().unwrap_or_default(),
            ))
        }
        "body" => body_helper(ctx, offset, params),
        "faker" => {
            let method = params.first().map(param_to_js_string).unwrap_or_default();
            match method.as_str() {
                "string.uuid" | "datatype.uuid" => Ok(Output::Plain(SAMPLE_UUID.to_owned())),
                _ => Err(TemplateError::UnsupportedFaker { offset, method }),
            }
        }
        _ if params.is_empty() => Ok(Output::Plain(String::new())),
        _ => Err(TemplateError::MissingHelper {
            offset,
            name: name.to_owned(),
        }),
    }
}

fn body_helper(
    ctx: &RenderContext,
    offset: usize,
    params: &[Param],
) -> Result<Output, TemplateError> {
    let path = params.first().map(param_to_js_string).unwrap_or_default();
    let default = match params.get(1) {
        Some(Param::Literal(v)) => v.clone(),
        Some(Param::Undefined) | None => Value::String(String::new()),
    };
    let stringify = match params.get(2) {
        Some(Param::Literal(v)) => js_truthy(v),
        Some(Param::Undefined) | None => false,
    };
    if path.is_empty() {
        return Ok(Output::Safe(ctx.raw_body()));
    }
    if path.starts_with('$') {
        return Err(TemplateError::UnsupportedJsonPath { offset, path });
    }
    let value = match ctx.body.as_ref().filter(|b| js_truthy(b)) {
        Some(body @ (Value::Object(_) | Value::Array(_))) => {
            lookup_path(body, &path).unwrap_or(default)
        }
        // Mockoon's getValueFromPath returns a scalar body itself, whatever the path.
        Some(scalar) => scalar.clone(),
        None => default,
    };
    let text = if stringify || matches!(value, Value::Object(_) | Value::Array(_) | Value::Null) {
        value.to_string()
    } else {
        js_string(&value)
    };
    Ok(Output::Safe(text))
}

/// `object-path`'s `get`: dot-separated keys (`\.` escapes a dot); numbers index arrays.
fn lookup_path(root: &Value, path: &str) -> Option<Value> {
    let mut current = root;
    for segment in split_path(path) {
        current = match current {
            Value::Object(map) => map.get(&segment)?,
            Value::Array(items) if segment == "length" => {
                return Some(Value::from(items.len()));
            }
            Value::Array(items) => items.get(array_index(&segment)?)?,
            _ => return None,
        };
    }
    Some(current.clone())
}

fn split_path(path: &str) -> Vec<String> {
    const MARK: &str = "\u{0}";
    path.replace("\\.", MARK)
        .split('.')
        .map(|s| s.replace(MARK, "."))
        .collect()
}

/// A canonical array index (`0`, `12`, not `012` or `+1`).
fn array_index(segment: &str) -> Option<usize> {
    let index: usize = segment.parse().ok()?;
    (index.to_string() == segment).then_some(index)
}

fn param_to_js_string(param: &Param) -> String {
    match param {
        Param::Literal(v) => js_string(v),
        Param::Undefined => String::new(),
    }
}

/// JavaScript's `String(value)` for JSON values.
fn js_string(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => js_number(n),
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .map(|v| match v {
                Value::Null => String::new(),
                other => js_string(other),
            })
            .collect::<Vec<_>>()
            .join(","),
        Value::Object(_) => "[object Object]".to_owned(),
    }
}

fn js_number(n: &serde_json::Number) -> String {
    if n.is_i64() || n.is_u64() {
        return n.to_string();
    }
    match n.as_f64() {
        Some(f) if f.fract() == 0.0 && f.abs() < 1e21 => format!("{f:.0}"),
        Some(f) => f.to_string(),
        None => n.to_string(),
    }
}

fn js_truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0 && !f.is_nan()),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

/// Handlebars' `escapeExpression`.
fn html_escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            '`' => out.push_str("&#x60;"),
            '=' => out.push_str("&#x3D;"),
            _ => out.push(c),
        }
    }
}

/// The request a template is rendered for: route parameters, query, headers and JSON body.
///
/// [`RenderContext::sample`] is a generic sample request whose body holds a value for every
/// request field that Conekta's fixtures echo; [`RenderContext::for_response`] then adds what
/// the response's rules require, so that the rendered body is the one Mockoon would send to a
/// request that selects that response.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RenderContext {
    /// Route parameters by name (`id` → `ord_123`).
    pub url_params: BTreeMap<String, String>,
    /// Query parameters by name.
    pub query: BTreeMap<String, String>,
    /// Request headers by name.
    pub headers: BTreeMap<String, String>,
    /// The parsed JSON body, `None` when the request has none.
    pub body: Option<Value>,
    /// The value of route parameters that are not in `url_params` when
    /// [`for_response`](Self::for_response) fills them in.
    pub default_param: String,
}

impl RenderContext {
    /// A request with no body, no query and no header; route parameters default to [`SAMPLE_PARAM`].
    pub fn empty() -> Self {
        RenderContext {
            default_param: SAMPLE_PARAM.to_owned(),
            ..Self::default()
        }
    }

    /// A generic sample request: [`RenderContext::empty`] with [`sample_request_body`] as body.
    pub fn sample() -> Self {
        Self::empty().with_body(sample_request_body())
    }

    /// This context with `body` as the JSON request body.
    pub fn with_body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }

    /// This context with the route parameter `name` set to `value`.
    pub fn with_param(mut self, name: &str, value: &str) -> Self {
        self.url_params.insert(name.to_owned(), value.to_owned());
        self
    }

    /// The raw request body as Mockoon sees it (`{{body}}`): the JSON text, or empty.
    pub fn raw_body(&self) -> String {
        self.body.as_ref().map(Value::to_string).unwrap_or_default()
    }

    /// This context adapted to a route's response: every route parameter gets a value, then the
    /// response's `equals` rules on `params`, `query`, `header` and `body`, and its "`body` path
    /// is not null" rules, are applied (all of
    /// them for `AND`, the first one that can be applied for `OR`), so that a request built from
    /// the result selects that response. Rule values that read as JSON numbers or booleans are
    /// put in the body with that type (Mockoon compares `String(value)`, so they still match).
    pub fn for_response(&self, route: &Route, response: &RouteResponse) -> RenderContext {
        let mut ctx = self.clone();
        for name in route.param_names() {
            if !ctx.url_params.contains_key(name) {
                ctx.url_params
                    .insert(name.to_owned(), self.default_param.clone());
            }
        }
        let all = response.rules_operator.eq_ignore_ascii_case("AND");
        for rule in &response.rules {
            if ctx.apply_rule(rule) && !all {
                break;
            }
        }
        ctx
    }

    fn apply_rule(&mut self, rule: &Rule) -> bool {
        if rule.modifier.is_empty() {
            return false;
        }
        // "must not be null" (null, absent or ''): make sure the body has something there.
        if rule.invert && rule.operator == "null" && rule.target == "body" {
            let path = split_path(&rule.modifier);
            let present = self
                .body
                .as_ref()
                .and_then(|b| lookup_path(b, &rule.modifier))
                .is_some_and(|v| !v.is_null() && v != "");
            if present {
                return true;
            }
            let mut body = self
                .body
                .clone()
                .unwrap_or_else(|| Value::Object(Map::new()));
            // Mockoon counts `''` as null too.
            let value = match rule.value.as_str() {
                "" => "sample",
                value => value,
            };
            if !set_path(&mut body, &path, Value::String(value.to_owned())) {
                return false;
            }
            self.body = Some(body);
            return true;
        }
        if rule.invert || rule.operator != "equals" {
            return false;
        }
        let (name, value) = (rule.modifier.clone(), rule.value.clone());
        let map = match rule.target.as_str() {
            "params" => &mut self.url_params,
            "query" => &mut self.query,
            "header" => &mut self.headers,
            "body" => {
                let typed = match serde_json::from_str::<Value>(&value) {
                    Ok(v @ (Value::Number(_) | Value::Bool(_))) => v,
                    _ => Value::String(value),
                };
                let mut body = self
                    .body
                    .clone()
                    .unwrap_or_else(|| Value::Object(Map::new()));
                if !set_path(&mut body, &split_path(&name), typed) {
                    return false;
                }
                self.body = Some(body);
                return true;
            }
            _ => return false,
        };
        map.insert(name, value);
        true
    }
}

/// Sets `value` at `path`, creating objects (or arrays for numeric segments) on the way.
/// Returns false, changing nothing, when an existing value is in the way.
fn set_path(root: &mut Value, path: &[String], value: Value) -> bool {
    let Some((first, rest)) = path.split_first() else {
        *root = value;
        return true;
    };
    if !fits(root, path) {
        return false;
    }
    let fresh = |next: Option<&String>| match next.and_then(|s| array_index(s)) {
        Some(_) => Value::Array(Vec::new()),
        None => Value::Object(Map::new()),
    };
    let child = match root {
        Value::Object(map) => map
            .entry(first.clone())
            .or_insert_with(|| fresh(rest.first())),
        Value::Array(items) => {
            let Some(index) = array_index(first) else {
                return false;
            };
            if items.len() <= index {
                items.resize(index + 1, Value::Null);
            }
            if items[index].is_null() {
                items[index] = fresh(rest.first());
            }
            &mut items[index]
        }
        _ => return false,
    };
    set_path(child, rest, value)
}

/// Whether `set_path(root, path, _)` can succeed without replacing an existing scalar.
fn fits(root: &Value, path: &[String]) -> bool {
    let Some((first, rest)) = path.split_first() else {
        return true;
    };
    match root {
        Value::Object(map) => match map.get(first) {
            Some(child) if !rest.is_empty() => fits(child, rest),
            _ => true,
        },
        Value::Array(items) => match array_index(first) {
            Some(index) => match items.get(index) {
                Some(Value::Null) | None => true,
                Some(child) => rest.is_empty() || fits(child, rest),
            },
            None => false,
        },
        _ => false,
    }
}

/// A sample request body with a deterministic value for every request field that the Conekta
/// fixtures echo with `{{body …}}`: a superset of the fields of the order, checkout, charge and
/// discount-line requests, with the types the spec gives those fields.
pub fn sample_request_body() -> Value {
    serde_json::json!({
        "name": "Sample payment link",
        "type": "PaymentLink",
        "code": "SAMPLE10",
        "amount": 1500,
        "currency": "MXN",
        "expires_at": 1_767_225_600,
        "allowed_payment_methods": ["cash", "card", "bank_transfer"],
        "return_url": "https://example.com/return",
        "reference_id": "ref_sample_001",
        "metadata": { "sample": "true" },
        "customer_info": { "customer_id": "cus_sample_2tKZmA749BLsMRg" },
        "shipping_contact": { "metadata": { "sample": "true" } },
        "fiscal_entity": {
            "phone": "+525555555555",
            "email": "sample@example.com",
            "metadata": { "sample": "true" }
        },
        "checkout": {
            "expires_at": 1_767_225_600,
            "allowed_payment_methods": ["cash", "card", "bank_transfer"],
            "redirection_time": 5,
            "on_demand_enabled": true
        },
        "charges": [
            { "payment_method": { "type": "cash", "expires_at": 1_767_225_600 } }
        ]
    })
}

/// Why a fixture body is not JSON.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BodyError {
    /// The template could not be rendered.
    #[error("template: {0}")]
    Template(#[from] TemplateError),
    /// The rendered text is not JSON.
    #[error("not JSON after rendering: {message} at line {line} column {column}, near `{excerpt}`")]
    Json {
        /// `serde_json`'s message.
        message: String,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// The text of that line, trimmed and shortened.
        excerpt: String,
        /// The whole rendered text.
        rendered: String,
    },
}

/// Renders a response's body for `ctx.for_response(route, response)` and parses it as JSON.
///
/// Bodies with `disableTemplating` are parsed as they are.
///
/// # Errors
///
/// [`BodyError::Template`] when the template cannot be rendered, [`BodyError::Json`] when the
/// rendered text is not JSON.
pub fn render_response(
    route: &Route,
    response: &RouteResponse,
    ctx: &RenderContext,
) -> Result<Value, BodyError> {
    let rendered = if response.disable_templating {
        response.body.clone()
    } else {
        Template::parse(&response.body)?.render(&ctx.for_response(route, response))?
    };
    serde_json::from_str(&rendered).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        let excerpt = rendered
            .lines()
            .nth(line.saturating_sub(1))
            .map(|l| snippet(l.trim()))
            .unwrap_or_default();
        let message = e.to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_owned();
        BodyError::Json {
            message,
            line,
            column,
            excerpt,
            rendered,
        }
    })
}

/// One inline body of a route, rendered.
#[derive(Debug, Clone)]
pub struct RenderedBody<'a> {
    /// The route.
    pub route: &'a Route,
    /// The response whose body this is.
    pub response: &'a RouteResponse,
    /// The JSON value, or why there is none.
    pub body: Result<Value, BodyError>,
    /// Whether Mockoon can send this response at all (see [`FixtureBody::reachable`]).
    pub reachable: bool,
}

/// Every non-blank inline body of every route, rendered with `ctx` (see [`render_response`]).
pub fn rendered_bodies<'a>(
    env: &'a Environment,
    ctx: &'a RenderContext,
) -> impl Iterator<Item = RenderedBody<'a>> + 'a {
    env.routes
        .iter()
        .zip(shadowed_flags(env))
        .flat_map(move |(route, shadowed)| {
            route
                .responses
                .iter()
                .enumerate()
                .filter(|(_, r)| r.has_inline_body())
                .map(move |(index, response)| RenderedBody {
                    route,
                    response,
                    body: render_response(route, response, ctx),
                    reachable: !shadowed && route.can_send(index),
                })
        })
}

/// A rendered body of a route that serves a spec operation.
#[derive(Debug, Clone)]
pub struct FixtureBody<'a> {
    /// Index of the operation in the list given to [`match_routes`].
    pub op_index: usize,
    /// The HTTP status code of the response.
    pub status_code: u16,
    /// The JSON value, or why there is none.
    pub body: Result<Value, BodyError>,
    /// The response's label (often empty).
    pub label: &'a str,
    /// The route.
    pub route: &'a Route,
    /// The response.
    pub response: &'a RouteResponse,
    /// Whether Mockoon can send this response at all: the route is not shadowed by an earlier
    /// one and the response has rules or is the default (see [`Route::can_send`]).
    pub reachable: bool,
}

impl fmt::Display for FixtureBody<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} /{} {}",
            self.route.method.to_uppercase(),
            self.route.endpoint,
            self.status_code
        )?;
        if !self.label.is_empty() {
            write!(f, " \"{}\"", self.label)?;
        }
        Ok(())
    }
}

/// Every non-blank inline body of the matched routes, with its operation, rendered with `ctx`.
pub fn fixture_bodies<'a>(
    matches: &'a RouteMatches<'a>,
    ctx: &'a RenderContext,
) -> impl Iterator<Item = FixtureBody<'a>> + 'a {
    matches.matched.iter().flat_map(move |&(op_index, route)| {
        let shadowed = matches.is_shadowed(route);
        route
            .responses
            .iter()
            .enumerate()
            .filter(|(_, r)| r.has_inline_body())
            .map(move |(index, response)| FixtureBody {
                op_index,
                status_code: response.status_code,
                body: render_response(route, response, ctx),
                label: &response.label,
                route,
                response,
                reachable: !shadowed && route.can_send(index),
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const ENV: &str = r#"{
        "name": "t", "endpointPrefix": "", "port": 3000,
        "routes": [
            {"method": "get", "endpoint": "customers/:id", "responses": [
                {"statusCode": 200, "label": "ok", "body": "{\"id\": \"{{urlParam 'id'}}\"}",
                 "headers": [{"key": "Content-Type", "value": "application/json"}],
                 "rules": [{"target": "params", "modifier": "id", "value": "cus_1", "invert": false, "operator": "equals"}],
                 "rulesOperator": "OR", "disableTemplating": false, "default": true},
                {"statusCode": "401", "body": "", "rules": []},
                {"statusCode": 500, "body": "{\"metadata\": {{body 'metadata'}}}"}
            ]},
            {"method": "post", "endpoint": "orders/:id/charges", "responses": [
                {"statusCode": 200, "body": "{\"amount\": {{body 'amount'}}}",
                 "rules": [{"target": "body", "modifier": "amount", "value": "99", "invert": false, "operator": "equals"}]}
            ]},
            {"method": "get", "endpoint": "ping", "responses": [{"statusCode": 200, "body": "{}"}]}
        ]
    }"#;

    const OPS: &[(&str, &str)] = &[
        ("get", "/customers/{customer_id}"),
        ("post", "/orders/{id}/charges"),
        ("delete", "/customers/{id}"),
    ];

    fn render(source: &str, ctx: &RenderContext) -> Result<String, TemplateError> {
        Template::parse(source)?.render(ctx)
    }

    #[test]
    fn parses_environment_and_status_codes() {
        let env = parse_environment(ENV).unwrap();
        assert_eq!(env.routes.len(), 3);
        assert_eq!(env.routes[0].responses[1].status_code, 401);
        assert_eq!(
            env.routes[0].responses[0].content_type(),
            Some("application/json")
        );
        assert_eq!(env.routes[0].responses[2].rules_operator, "");
    }

    #[test]
    fn rejects_bad_environments() {
        assert!(matches!(
            parse_environment("{\"routes\": 3}"),
            Err(FixtureError::Parse { .. })
        ));
        let bad_status =
            r#"{"routes":[{"method":"get","endpoint":"a","responses":[{"statusCode":70000}]}]}"#;
        assert!(parse_environment(bad_status).is_err());
        assert!(matches!(
            load_environment("/nonexistent/conekta_api.json"),
            Err(FixtureError::Read { .. })
        ));
    }

    #[test]
    fn normalizes_paths() {
        assert_eq!(normalize_path("customers/:id"), "/customers/{}");
        assert_eq!(normalize_path("/customers/{customer_id}/"), "/customers/{}");
        assert_eq!(normalize_path(""), "/");
        assert_eq!(normalize_path("//a//{b}"), "/a/{}");
    }

    #[test]
    fn matches_routes_to_operations() {
        let env = parse_environment(ENV).unwrap();
        let m = match_routes(&env, OPS);
        let pairs: Vec<(usize, &str)> = m
            .matched
            .iter()
            .map(|(i, r)| (*i, r.endpoint.as_str()))
            .collect();
        assert_eq!(pairs, [(0, "customers/:id"), (1, "orders/:id/charges")]);
        assert_eq!(m.unmatched_routes.len(), 1);
        assert_eq!(m.unmatched_routes[0].endpoint, "ping");
        assert_eq!(m.unrouted_operations, [2]);
    }

    #[test]
    fn endpoint_prefix_and_method_case() {
        let mut env = parse_environment(ENV).unwrap();
        env.endpoint_prefix = "/v2/".to_owned();
        let route = &env.routes[0];
        assert_eq!(route.full_path(&env.endpoint_prefix), "/v2/customers/:id");
        assert!(route.matches(&env.endpoint_prefix, "GET", "/v2/customers/{x}"));
        assert!(!route.matches(&env.endpoint_prefix, "GET", "/customers/{x}"));
        assert_eq!(route.param_names(), ["id"]);
    }

    #[test]
    fn url_param_is_escaped() {
        let ctx = RenderContext::empty().with_param("id", "a&\"b");
        assert_eq!(
            render("x{{urlParam 'id'}}y", &ctx).unwrap(),
            "xa&amp;&quot;by"
        );
        assert_eq!(render("{{{urlParam 'id'}}}", &ctx).unwrap(), "a&\"b");
        assert_eq!(render("{{& urlParam 'id'}}", &ctx).unwrap(), "a&\"b");
        assert_eq!(render("[{{urlParam 'nope'}}]", &ctx).unwrap(), "[]");
    }

    #[test]
    fn body_helper_follows_mockoon() {
        let ctx = RenderContext::empty().with_body(json!({
            "s": "a\"b", "n": 12, "f": 2.0, "t": true, "z": null,
            "o": {"k": [1, 2]}, "a": [{"x": "y"}], "d.e": 5
        }));
        let r = |t: &str| render(t, &ctx).unwrap();
        assert_eq!(r("{{body 's'}}"), "a\"b");
        assert_eq!(r("{{body 's' '' true}}"), "\"a\\\"b\"");
        assert_eq!(r("{{body 'n'}}"), "12");
        assert_eq!(r("{{body 'f'}}"), "2");
        assert_eq!(r("{{body 't'}}"), "true");
        assert_eq!(r("{{body 'z'}}"), "null");
        assert_eq!(r("{{body 'o'}}"), "{\"k\":[1,2]}");
        assert_eq!(r("{{body 'o.k.1'}}"), "2");
        assert_eq!(r("{{body 'o.k.length'}}"), "2");
        assert_eq!(r("{{body 'a.0.x'}}"), "y");
        assert_eq!(r("{{body 'a.00.x'}}"), "");
        assert_eq!(r("{{body 'd\\.e'}}"), "5");
        assert_eq!(r("{{body 'missing' 10}}"), "10");
        assert_eq!(r("{{body 'missing'}}"), "");
        assert_eq!(r("{{body \"missing\" 'dflt'}}"), "dflt");
        assert!(r("{{body}}").starts_with('{'));
        assert!(matches!(
            render("{{body '$.s'}}", &ctx),
            Err(TemplateError::UnsupportedJsonPath { .. })
        ));
    }

    #[test]
    fn body_helper_without_body_uses_default() {
        let ctx = RenderContext::empty();
        assert_eq!(render("{{body 'a' 7 }}", &ctx).unwrap(), "7");
        assert_eq!(render("{{body 'a'}}", &ctx).unwrap(), "");
        assert_eq!(render("{{body 'a' '' true}}", &ctx).unwrap(), "\"\"");
        assert_eq!(render("{{body}}", &ctx).unwrap(), "");
        let scalar = RenderContext::empty().with_body(json!(5));
        assert_eq!(render("{{body 'a'}}", &scalar).unwrap(), "5");
    }

    #[test]
    fn faker_and_missing_helpers() {
        let ctx = RenderContext::empty();
        assert_eq!(
            render("{{faker 'string.uuid'}}", &ctx).unwrap(),
            SAMPLE_UUID
        );
        assert!(matches!(
            render("{{faker 'person.firstName'}}", &ctx),
            Err(TemplateError::UnsupportedFaker { .. })
        ));
        assert_eq!(render("\"{{randomProduct}}\"", &ctx).unwrap(), "\"\"");
        assert_eq!(
            render("{{nope 'x'}}", &ctx),
            Err(TemplateError::MissingHelper {
                offset: 0,
                name: "nope".to_owned()
            })
        );
    }

    #[test]
    fn comments_escapes_and_text() {
        let ctx = RenderContext::empty();
        assert_eq!(render("a{{! c }}b{{!-- }} --}}c", &ctx).unwrap(), "abc");
        assert_eq!(render("\\{{body 'x'}}", &ctx).unwrap(), "{{body 'x'}}");
        assert_eq!(
            render("plain ünïcode }}", &ctx).unwrap(),
            "plain ünïcode }}"
        );
        let t = Template::parse("{{urlParam 'id'}} {{body 'a'}} {{x}}").unwrap();
        assert_eq!(t.helpers(), ["urlParam", "body", "x"]);
        assert!(t.is_templated());
        assert!(!Template::parse("{}").unwrap().is_templated());
    }

    #[test]
    fn unsupported_and_malformed_templates_are_errors() {
        for source in [
            "{{#if a}}x{{/if}}",
            "{{> partial}}",
            "{{body (x)}}",
            "{{body a=1}}",
            "{{~body 'a'}}",
        ] {
            assert!(
                matches!(
                    Template::parse(source),
                    Err(TemplateError::Unsupported { .. })
                ),
                "{source}"
            );
        }
        for source in [
            "{{",
            "{{{body 'a'}}",
            "{{!-- x }}",
            "{{body 'a}}",
            "{{}}",
            "{{ 'a' }}",
        ] {
            assert!(Template::parse(source).is_err(), "{source}");
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        let pieces = [
            "{{", "}}", "{", "}", "'", "\"", "\\", "!", "--", "é", " ", "body", "#", "&", "0", ".",
        ];
        let ctx = RenderContext::sample();
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let source = format!("{a}{b}{c}{a}");
                    if let Ok(t) = Template::parse(&source) {
                        let _ = t.render(&ctx);
                    }
                }
            }
        }
    }

    #[test]
    fn for_response_applies_rules() {
        let env = parse_environment(ENV).unwrap();
        let route = &env.routes[0];
        let ctx = RenderContext::empty().for_response(route, &route.responses[0]);
        assert_eq!(ctx.url_params["id"], "cus_1");
        let ctx = RenderContext::empty().for_response(route, &route.responses[2]);
        assert_eq!(ctx.url_params["id"], SAMPLE_PARAM);

        let rule = |target: &str, modifier: &str, value: &str| Rule {
            target: target.to_owned(),
            modifier: modifier.to_owned(),
            value: value.to_owned(),
            invert: false,
            operator: "equals".to_owned(),
        };
        let mut response = route.responses[0].clone();
        response.rules = vec![
            rule("body", "charges.payment_method.type", "cash"),
            rule("body", "charges.0.payment_method.type", "card"),
            rule("header", "Accept-Language", "es"),
        ];
        let base = RenderContext::sample();
        let or = base.for_response(route, &response);
        assert_eq!(
            or.body.as_ref().unwrap()["charges"][0]["payment_method"]["type"],
            "card"
        );
        assert!(or.headers.is_empty());
        response.rules_operator = "AND".to_owned();
        let and = base.for_response(route, &response);
        assert_eq!(and.headers["Accept-Language"], "es");

        response.rules = vec![rule("body", "a.1.b", "true"), rule("body", "n", "42")];
        let ctx = RenderContext::empty().for_response(route, &response);
        assert_eq!(ctx.body, Some(json!({"a": [null, {"b": true}], "n": 42})));
    }

    #[test]
    fn fixture_bodies_render_and_report_errors() {
        let env = parse_environment(ENV).unwrap();
        let m = match_routes(&env, OPS);
        let empty = RenderContext::empty();
        let bodies: Vec<FixtureBody<'_>> = fixture_bodies(&m, &empty).collect();
        assert_eq!(bodies.len(), 3, "the blank 401 body is skipped");
        assert_eq!(bodies[0].op_index, 0);
        assert_eq!(bodies[0].body, Ok(json!({"id": "cus_1"})));
        assert_eq!(bodies[0].to_string(), "GET /customers/:id 200 \"ok\"");
        match &bodies[1].body {
            Err(BodyError::Json {
                line,
                excerpt,
                rendered,
                ..
            }) => {
                assert_eq!(*line, 1);
                assert_eq!(rendered, "{\"metadata\": }");
                assert_eq!(excerpt, rendered);
            }
            other => panic!("expected a JSON error, got {other:?}"),
        }
        assert_eq!(bodies[2].op_index, 1);
        assert_eq!(bodies[2].body, Ok(json!({"amount": 99})));

        let sample = RenderContext::sample();
        let all: Vec<RenderedBody<'_>> = rendered_bodies(&env, &sample).collect();
        assert_eq!(all.len(), 4);
        assert!(all.iter().all(|b| b.body.is_ok()));
    }

    #[test]
    fn reachability_and_shadowing() {
        let mut env = parse_environment(ENV).unwrap();
        let route = &env.routes[0];
        assert_eq!(route.default_response_index(), Some(0));
        assert!(route.can_send(0));
        assert!(!route.can_send(1), "no rules and not the default");
        assert!(!route.can_send(9));
        let mut twin = env.routes[1].clone();
        twin.method = "POST".to_owned();
        twin.endpoint = "/orders/:order_id/charges/".to_owned();
        env.routes.push(twin);
        let m = match_routes(&env, OPS);
        assert_eq!(m.shadowed_routes.len(), 1);
        assert!(m.is_shadowed(&env.routes[3]));
        assert!(!m.is_shadowed(&env.routes[1]));
        let ctx = RenderContext::empty();
        let reach: Vec<bool> = fixture_bodies(&m, &ctx).map(|b| b.reachable).collect();
        assert_eq!(reach, [true, false, true, false]);
        let reach: Vec<bool> = rendered_bodies(&env, &ctx).map(|b| b.reachable).collect();
        assert_eq!(reach, [true, false, true, true, false]);
    }

    #[test]
    fn not_null_rules_fill_missing_fields() {
        let env = parse_environment(ENV).unwrap();
        let route = &env.routes[0];
        let mut response = route.responses[0].clone();
        response.rules = vec![Rule {
            target: "body".to_owned(),
            modifier: "checkout".to_owned(),
            value: "cash".to_owned(),
            invert: true,
            operator: "null".to_owned(),
        }];
        let ctx = RenderContext::empty().for_response(route, &response);
        assert_eq!(ctx.body, Some(json!({"checkout": "cash"})));
        let sample = RenderContext::sample();
        let ctx = sample.for_response(route, &response);
        assert_eq!(ctx.body, sample.body, "an existing value is kept");
    }

    #[test]
    fn disable_templating_keeps_the_body() {
        let env = parse_environment(ENV).unwrap();
        let route = &env.routes[0];
        let mut response = route.responses[0].clone();
        response.body = "{\"a\": \"{{x}}\"}".to_owned();
        response.disable_templating = true;
        assert_eq!(
            render_response(route, &response, &RenderContext::empty()),
            Ok(json!({"a": "{{x}}"}))
        );
    }
}
