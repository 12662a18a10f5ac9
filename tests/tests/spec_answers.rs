//! Random answers that follow the spec decode and round-trip.
//!
//! For every operation's success answer, random JSON values are built from the
//! spec's own types and required-ness (the spec as patched, without the
//! override table's `required`): every member the spec requires is present,
//! and so is every identity member the SDK may rely on (`IDENTITY`); every
//! other member is present, `null` or absent at random. The SDK must decode
//! each one: a member it makes required that such an answer leaves out is a
//! payment it would fail to read.
//!
//! 40 answers per operation by default; `SPEC_ANSWERS=N` sets another number.

use conekta_codegen::ir::{Api, TypeDef, TypeKind, TypeRef};
use conekta_tests::operations::decode_response;
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use serde_json::{Map, Value, json};
use std::collections::HashMap;

/// Members present in every random answer where a type declares them: what
/// identifies an object and its money (`id`, `object`, its times, `livemode`,
/// the amount, currency and status, a charge's payment method and its kind,
/// a card's brand and last four digits). The override table's `required`
/// may list these and nothing else.
const IDENTITY: [&str; 12] = [
    "id",
    "object",
    "created_at",
    "updated_at",
    "livemode",
    "amount",
    "currency",
    "status",
    "payment_method",
    "type",
    "brand",
    "last4",
];

/// How deep optional members nest before only required ones are written.
const MAX_DEPTH: usize = 6;

/// Builds random values of the spec's types.
struct Answers<'a> {
    types: HashMap<&'a str, &'a TypeDef>,
    api: &'a Api,
    rng: ChaCha8Rng,
}

impl<'a> Answers<'a> {
    fn new(api: &'a Api, seed: u64) -> Self {
        Self {
            types: api
                .types
                .iter()
                .map(|def| (def.name.as_str(), def))
                .collect(),
            api,
            rng: ChaCha8Rng::seed_from_u64(seed),
        }
    }

    /// `true` once in `n`.
    fn one_in(&mut self, n: u32) -> bool {
        self.rng.next_u32() % n == 0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.rng.next_u32() as usize) % n.max(1)
    }

    fn value(&mut self, ty: &TypeRef, depth: usize) -> Value {
        match ty {
            TypeRef::String => json!(format!("s{}", self.rng.next_u32() % 1000)),
            TypeRef::Bool => json!(self.one_in(2)),
            TypeRef::I8 => json!(self.below(100)),
            TypeRef::I32 | TypeRef::I64 => json!(self.below(1_000_000)),
            TypeRef::F64 => json!(self.below(1000) as f64 + 0.5),
            TypeRef::Timestamp => json!(1_700_000_000 + self.below(100_000)),
            TypeRef::Value => json!({"key": "value"}),
            TypeRef::Object => json!({}),
            TypeRef::External(name) => self.api.external_samples[name].clone(),
            TypeRef::Array(item) => {
                let len = if depth >= MAX_DEPTH { 0 } else { self.below(3) };
                Value::Array((0..len).map(|_| self.value(item, depth + 1)).collect())
            }
            TypeRef::Map(item) => {
                let len = if depth >= MAX_DEPTH { 0 } else { self.below(3) };
                Value::Object(
                    (0..len)
                        .map(|i| (format!("k{i}"), self.value(item, depth + 1)))
                        .collect(),
                )
            }
            TypeRef::Boxed(inner) => self.value(inner, depth),
            TypeRef::Named(name) => self.named(name, depth),
        }
    }

    fn named(&mut self, name: &str, depth: usize) -> Value {
        let def = self.types[name];
        match &def.kind {
            TypeKind::Struct { fields, .. } => {
                let mut object = Map::new();
                for field in fields {
                    let always = field.required || IDENTITY.contains(&field.json_name.as_str());
                    if always {
                        object.insert(field.json_name.clone(), self.value(&field.ty, depth + 1));
                    } else if depth < MAX_DEPTH && self.one_in(2) {
                        let value = if self.one_in(6) {
                            Value::Null
                        } else {
                            self.value(&field.ty, depth + 1)
                        };
                        object.insert(field.json_name.clone(), value);
                    }
                }
                Value::Object(object)
            }
            TypeKind::Enum { variants } => {
                let index = self.below(variants.len());
                json!(variants[index].value)
            }
            TypeKind::Tagged { property, variants } => {
                let variant = &variants[self.below(variants.len())];
                let mut value = self.value(&variant.ty, depth);
                if let (Some(object), Some(tag)) = (value.as_object_mut(), &variant.tag) {
                    object.insert(property.clone(), json!(tag));
                }
                value
            }
            TypeKind::Untagged { variants } => {
                let variant = &variants[self.below(variants.len())];
                self.value(&variant.ty, depth)
            }
            TypeKind::Alias(target) => self.value(target, depth),
        }
    }
}

/// The spec as patched and lowered, with the override table but without its
/// `required` section: the spec's own required-ness.
fn spec_api() -> Api {
    let (_, mut overrides) = conekta_tests::lowered_spec();
    overrides.required = None;
    let spec_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    let read = |name: &str| std::fs::read_to_string(spec_dir.join(name)).expect(name);
    conekta_codegen::api(
        &read("conekta-api-openapi.yml"),
        &read("patches.yaml"),
        &overrides,
    )
    .expect("the spec lowers")
    .0
}

#[test]
fn random_spec_answers_decode_and_round_trip() {
    let api = spec_api();
    let per_operation: u64 = std::env::var("SPEC_ANSWERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(40);
    let mut answers = 0;
    let mut failures = Vec::new();
    for (index, op) in api.operations.iter().enumerate() {
        for seed in 0..per_operation {
            let mut random = Answers::new(&api, (index as u64) << 32 | seed);
            let body = random.value(&op.response, 0).to_string();
            let Some(decoded) = decode_response(&op.id, op.success_status, body.as_bytes()) else {
                continue;
            };
            answers += 1;
            if let Err(failure) = decoded {
                failures.push(format!("{} (seed {seed}): {failure}\n  {body}", op.id));
            }
        }
    }
    assert!(answers > 3_000, "only {answers} answers built");
    assert!(
        failures.is_empty(),
        "{} of {answers} random spec answers failed; the first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(8)].join("\n")
    );
}
