//! Rust names for spec names: heck's case conversions, keyword escaping and
//! deterministic collision resolution.

use heck::{ToSnakeCase, ToUpperCamelCase};
use std::collections::BTreeSet;

/// Keywords that names must not be: they get a trailing underscore (`type_`),
/// as typify and progenitor write them, rather than a raw identifier
/// (`r#type`, which rustdoc shows as `fn type`).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// Keywords that cannot even be raw identifiers; they get a trailing underscore too.
const RESERVED: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Type names that generated code, or code using the SDK, needs to see
/// unshadowed: the prelude's and the SDK's own at its crate root.
const RESERVED_TYPES: &[&str] = &[
    // The prelude (types, traits and variants).
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "String",
    "Vec",
    "Box",
    "ToString",
    "ToOwned",
    "Clone",
    "Copy",
    "Default",
    "Send",
    "Sync",
    "Sized",
    "Unpin",
    "Drop",
    "Fn",
    "FnMut",
    "FnOnce",
    "Iterator",
    "IntoIterator",
    "Extend",
    "From",
    "Into",
    "TryFrom",
    "TryInto",
    "AsRef",
    "AsMut",
    "Eq",
    "PartialEq",
    "Ord",
    "PartialOrd",
    "DoubleEndedIterator",
    "ExactSizeIterator",
    "FromIterator",
    // The SDK's crate root.
    "Client",
    "ClientBuilder",
    "Error",
    "ApiError",
    "ApiKey",
    "BuildError",
    "BuildErrorReason",
    "Event",
    "EventData",
    "EventType",
    "IntoJsonObject",
    "Language",
    "OperationInfo",
    "RequestOptions",
    "RetryPolicy",
    "Timestamp",
    "TransportError",
];

/// A type name that shadows none of [`RESERVED_TYPES`]: `Error` becomes `ErrorModel`.
pub fn type_name(name: String) -> String {
    if RESERVED_TYPES.contains(&name.as_str()) {
        format!("{name}Model")
    } else {
        name
    }
}

/// Replaces every character that cannot appear in an identifier with `_`,
/// so that heck sees word boundaries (`created_at.gte` → `created_at_gte`).
fn sanitize(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// `snake_case` name for a field, parameter or method, escaped if it is a keyword.
pub fn snake(name: &str) -> String {
    let mut out = sanitize(name).to_snake_case();
    if out.is_empty() {
        out.push_str("value");
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    escape(out)
}

/// `UpperCamelCase` name for a type or variant.
pub fn camel(name: &str) -> String {
    let mut out = sanitize(name).to_upper_camel_case();
    if out.is_empty() {
        out.push_str("Empty");
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'V');
    }
    escape(out)
}

fn escape(name: String) -> String {
    if RESERVED.contains(&name.as_str()) || KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

/// Hands out names unique within one scope (a struct's fields, an enum's
/// variants, a module's types), appending `2`, `3`, … to later duplicates.
#[derive(Debug, Default)]
pub struct Scope {
    taken: BTreeSet<String>,
}

impl Scope {
    /// A scope in which `reserved` names are already taken.
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Self {
            taken: reserved.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    /// Claims `name`, or else `name_suffix`, or else the first free numbered name.
    pub fn claim_suffixed(&mut self, name: String, suffix: &str) -> String {
        if self.taken.contains(&name) {
            let with_suffix = format!("{}_{suffix}", name.trim_start_matches("r#"));
            return self.claim(with_suffix);
        }
        self.claim(name)
    }

    /// Claims `name`, or the first free `name2`, `name3`, …
    pub fn claim(&mut self, name: String) -> String {
        if self.taken.insert(name.clone()) {
            return name;
        }
        let base = name.trim_start_matches("r#");
        let mut n = 2;
        loop {
            let candidate = format!("{base}{n}");
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_and_escapes() {
        assert_eq!(snake("type"), "type_");
        assert_eq!(snake("self"), "self_");
        assert_eq!(snake("created_at.gte"), "created_at_gte");
        assert_eq!(
            snake("last_payment_info.status"),
            "last_payment_info_status"
        );
        assert_eq!(snake("X-Child-Company-Id"), "x_child_company_id");
        assert_eq!(snake("3ds"), "_3ds");
        assert_eq!(
            camel("company_document_response"),
            "CompanyDocumentResponse"
        );
        assert_eq!(camel("CompanyDocumentResponse"), "CompanyDocumentResponse");
        assert_eq!(camel("3ds"), "V3ds");
        assert_eq!(camel(""), "Empty");
        assert_eq!(camel("Self"), "Self_");
    }

    #[test]
    fn scope_suffixes_duplicates() {
        let mut scope = Scope::default();
        assert_eq!(scope.claim("a".into()), "a");
        assert_eq!(scope.claim("a".into()), "a2");
        assert_eq!(scope.claim("a".into()), "a3");
        assert_eq!(scope.claim("type_".into()), "type_");
        assert_eq!(scope.claim("type_".into()), "type_2");
        let mut members = Scope::with_reserved(&["send"]);
        assert_eq!(members.claim_suffixed("send".into(), "param"), "send_param");
        assert_eq!(
            members.claim_suffixed("send".into(), "param"),
            "send_param2"
        );
    }
}
