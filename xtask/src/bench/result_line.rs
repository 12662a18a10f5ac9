//! The `result <kind> key=value …` lines that the decode and throughput benches print
//! for this task to read.

/// A `result <kind> key=value …` line printed by a bench.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ResultLine {
    /// The `key=value` fields, in order.
    fields: Vec<(String, String)>,
}

impl ResultLine {
    /// The `result <kind>` lines among `lines`.
    pub(super) fn find(lines: &[String], kind: &str) -> Vec<Self> {
        lines
            .iter()
            .filter_map(|line| {
                let mut words = line.split_whitespace();
                (words.next() == Some("result") && words.next() == Some(kind)).then(|| Self {
                    fields: words
                        .filter_map(|w| w.split_once('='))
                        .map(|(k, v)| (k.to_owned(), v.to_owned()))
                        .collect(),
                })
            })
            .collect()
    }

    /// The value of `key`.
    pub(super) fn get(&self, key: &str) -> Result<&str, String> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .ok_or_else(|| format!("a bench result line has no `{key}`"))
    }

    /// The value of `key` as a number.
    pub(super) fn number(&self, key: &str) -> Result<f64, String> {
        let value = self.get(key)?;
        value
            .parse()
            .map_err(|_| format!("a bench result line has `{key}={value}`, not a number"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_result_lines() {
        let lines = [
            "  round 1: result decode x=1",
            "result decode body=orders bytes=105400 typed_mbps=350.5 ratio=1.2",
            "result cpu sdk_us=40.1",
        ]
        .map(String::from);
        let found = ResultLine::find(&lines, "decode");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].get("body"), Ok("orders"));
        assert_eq!(found[0].number("typed_mbps"), Ok(350.5));
        assert!(found[0].get("value_mbps").is_err());
        assert!(found[0].number("body").is_err());
        assert_eq!(
            ResultLine::find(&lines, "cpu")[0].number("sdk_us"),
            Ok(40.1)
        );
    }
}
