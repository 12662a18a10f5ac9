//! `cargo xtask fuzz [--cases N] [cargo test args]`: the property tests with
//! many more cases than the 256 per property that `cargo test` runs.

use crate::upstream::{self, Manifest};
use std::path::Path;
use std::process::Command;

/// Cases per property when `--cases` is not given.
pub const DEFAULT_CASES: u32 = 10_000;

/// The property-test targets: `(package, test)`.
const TARGETS: &[(&str, &str)] = &[
    ("conekta-sdk", "properties_webhooks"),
    ("conekta-sdk", "properties_pagination"),
    ("conekta-tests", "properties_models"),
];

/// Reads `--cases N` from the front of `args`; the rest goes to `cargo test`.
pub fn parse_args(args: &[String]) -> Result<(u32, &[String]), String> {
    match args {
        [flag, value, rest @ ..] if flag == "--cases" => {
            let cases = value
                .parse::<u32>()
                .ok()
                .filter(|&n| n > 0)
                .ok_or_else(|| format!("--cases wants a positive number, not `{value}`"))?;
            Ok((cases, rest))
        }
        [flag] if flag == "--cases" => Err("--cases wants a number".to_owned()),
        rest => Ok((DEFAULT_CASES, rest)),
    }
}

/// Fetches the Mockoon fixtures (the model properties mutate their bodies) and
/// runs every property-test target with `PROPTEST_CASES=cases`.
pub fn run(root: &Path, cases: u32, extra: &[String]) -> Result<(), String> {
    let manifest = Manifest::load(root)?;
    upstream::ensure(root, &manifest.mocks)?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut command = Command::new(cargo);
    command.current_dir(root).arg("test");
    for (package, test) in TARGETS {
        command.args(["-p", package, "--test", test]);
    }
    eprintln!("property tests with {cases} cases each");
    crate::process::run(
        command.args(extra).env("PROPTEST_CASES", cases.to_string()),
        "the property tests",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn reads_the_case_count() {
        let given = args(&["--cases", "500", "--release"]);
        assert_eq!(parse_args(&given), Ok((500, &given[2..])));
        let none = args(&[]);
        assert_eq!(parse_args(&none), Ok((DEFAULT_CASES, &none[..])));
        assert!(parse_args(&args(&["--cases", "0"])).is_err());
        assert!(parse_args(&args(&["--cases", "many"])).is_err());
        assert!(parse_args(&args(&["--cases"])).is_err());
    }
}
