//! Project tasks. Run as `cargo xtask <task>`:
//!
//! - `generate [--check]`: regenerate the SDK from the pinned spec (or only check it is up to date,
//!   and that every patch and override entry applies);
//! - `spec-diff OLD.yml NEW.yml [-o FILE]`: the API changelog between two specs (Markdown);
//! - `fetch-spec`, `fetch-mocks`: copy or download the pinned upstream files into `spec/`;
//! - `pin-spec FILE --url URL`: move the pin to another spec (copy it to `spec/`, write its
//!   URL and sha256 into `spec/upstream.toml`);
//! - `test`: run every test, with Conekta's Mockoon fixtures served locally;
//! - `fuzz [--cases N]`: run the property tests with many cases (default 10,000 per property);
//! - `bench [--against REF] [--rounds N] [--features LIST]... [--only gen|decode|cpu|build|mcp|first-build]...`:
//!   generation time, decode throughput, client CPU per call, cold build time, conekta-mcp
//!   under load and a merchant's first build against openapi-generator's crate, as ratios;
//! - `features`: print the SDK's tag features, one a line;
//! - `check-features`: check the SDK alone with each tag's feature, with `webhooks`, and with all;
//! - `package-check`: pack `conekta-sdk` as crates.io would have it and run its tests unpacked;
//! - `msrv`: check each crate's `rust-version` against its locked dependencies'.

mod bench;
mod features;
mod fuzz;
mod generate;
mod mockoon;
mod msrv;
mod package;
mod process;
mod spec_diff;
mod test;
mod upstream;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <generate [--check] | spec-diff OLD.yml NEW.yml [-o FILE] \
                     | fetch-spec | fetch-mocks | pin-spec FILE --url URL \
                     | test [cargo test args] | fuzz [--cases N] [cargo test args] \
                     | bench [--against REF] [--rounds N] [--features LIST]... \
                     [--only gen|decode|cpu|build|mcp|first-build]... \
                     | features | check-features | package-check | msrv>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    let result =
        match args
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            ["generate"] => generate::run(&root, false),
            ["generate", "--check"] => generate::run(&root, true),
            ["spec-diff", ..] => spec_diff::parse_args(&args[1..])
                .map_err(|e| format!("{e}\n{USAGE}"))
                .and_then(|options| spec_diff::run(&root, &options)),
            ["fetch-spec"] => upstream::Manifest::load(&root)
                .and_then(|m| upstream::fetch(&root, &m.spec).map(drop)),
            ["fetch-mocks"] => upstream::Manifest::load(&root)
                .and_then(|m| upstream::fetch(&root, &m.mocks).map(drop)),
            ["pin-spec", file, "--url", url] => {
                upstream::pin_spec(&root, std::path::Path::new(file), url)
            }
            ["test", extra @ ..] => {
                let extra: Vec<String> = extra.iter().map(|s| (*s).to_owned()).collect();
                test::run(&root, &extra)
            }
            ["fuzz", ..] => fuzz::parse_args(&args[1..])
                .and_then(|(cases, extra)| fuzz::run(&root, cases, extra)),
            ["bench", ..] => bench::parse_args(&args[1..])
                .map_err(|e| format!("{e}\n{USAGE}"))
                .and_then(|options| bench::run(&root, &options)),
            ["features"] => features::tags(&root).map(|tags| {
                for tag in tags {
                    println!("{tag}");
                }
            }),
            ["check-features"] => features::check(&root),
            ["package-check"] => package::run(&root),
            ["msrv"] => msrv::check(&root),
            _ => Err(USAGE.to_owned()),
        };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace's root directory (the parent of xtask's).
pub(crate) fn workspace_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map(PathBuf::from)
        .unwrap_or(manifest_dir)
}
