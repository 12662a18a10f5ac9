//! The intermediate representation between the spec and the emitted Rust:
//! named types and operations, with every name already a valid Rust name.

/// Everything the emitters need, lowered from one spec.
#[derive(Debug, Clone, PartialEq)]
pub struct Api {
    /// `info.title` of the spec.
    pub title: String,
    /// `info.version` of the spec, e.g. `2.2.0`.
    pub version: String,
    /// The vendor media type the operations answer with (sent as `Accept`).
    pub media_type: Option<String>,
    /// Named types, in a deterministic order.
    pub types: Vec<TypeDef>,
    /// Operations, in spec order.
    pub operations: Vec<Operation>,
    /// Sample JSON values of hand-written types, by name (see [`crate::Overrides`]).
    pub external_samples: std::collections::BTreeMap<String, serde_json::Value>,
}

impl Api {
    /// The types a request can carry (see [`sent_types`]): they have builders;
    /// the types only answers carry decode without one.
    pub fn sent_types(&self) -> std::collections::BTreeSet<&str> {
        sent_types(&self.types, &self.operations)
    }

    /// Every hand-written SDK type the types and operations refer to.
    pub fn external_types(&self) -> std::collections::BTreeSet<&str> {
        let from_types = self.types.iter().flat_map(|def| def.kind.type_refs());
        let from_operations = self.operations.iter().flat_map(Operation::type_refs);
        from_types
            .chain(from_operations)
            .filter_map(TypeRef::external)
            .collect()
    }
}

/// Documentation taken from a schema or operation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Docs {
    /// Title or summary (first paragraph).
    pub title: Option<String>,
    /// Description (further paragraphs).
    pub description: Option<String>,
    /// A short example value, as JSON.
    pub example: Option<String>,
}

impl Docs {
    /// Joined, non-empty paragraphs.
    pub fn paragraphs(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for text in [&self.title, &self.description].into_iter().flatten() {
            let text = text.trim();
            if !text.is_empty() && !out.contains(&text) {
                out.push(text);
            }
        }
        out
    }
}

/// One named Rust type.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeDef {
    /// The Rust name (`UpperCamelCase`).
    pub name: String,
    /// The module (file) it is emitted into: the snake name of its component schema.
    pub module: String,
    /// Where it comes from in the spec, as a JSON pointer.
    pub source: String,
    /// Other places in the spec with the same shape, merged into this type.
    pub also: Vec<String>,
    /// Its documentation.
    pub docs: Docs,
    /// Marked `deprecated` in the spec.
    pub deprecated: bool,
    /// Its shape.
    pub kind: TypeKind,
    /// Methods that read a nested value in one call (structs only).
    pub accessors: Vec<Accessor>,
    /// Functions that return a builder with some fields set (structs only).
    pub constructors: Vec<Constructor>,
}

/// A method of a struct that reads a nested value (`order.charges()`).
#[derive(Debug, Clone, PartialEq)]
pub struct Accessor {
    /// The method's name.
    pub name: String,
    /// Its docs.
    pub docs: String,
    /// How to get from the struct to the value.
    pub steps: Vec<Step>,
    /// Other ways to the same value, tried in order when `steps` finds none
    /// (a list read from either form of a union).
    pub alternatives: Vec<Vec<Step>>,
    /// The type of the value read (without `Option`).
    pub ty: TypeRef,
}

/// One step of an [`Accessor`].
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// A field of a struct.
    Field {
        /// The field's Rust name.
        rust_name: String,
        /// Whether it is required (else an `Option`).
        required: bool,
        /// Whether its value is boxed.
        boxed: bool,
    },
    /// A variant of a union: the value when the union is that variant.
    Variant {
        /// The union's type name.
        union: String,
        /// The variant's Rust name.
        variant: String,
        /// Whether its value is boxed.
        boxed: bool,
    },
}

/// A function of a struct that returns its builder with some fields set
/// (`PaymentMethodGeneralRequest::card(token_id)`).
#[derive(Debug, Clone, PartialEq)]
pub struct Constructor {
    /// The function's name.
    pub name: String,
    /// Its docs.
    pub docs: String,
    /// The fields (Rust names) it takes as arguments, in order.
    pub args: Vec<String>,
    /// The fields (Rust names) it sets, with their values.
    pub set: Vec<(String, Preset)>,
}

/// A value a [`Constructor`] sets.
#[derive(Debug, Clone, PartialEq)]
pub enum Preset {
    /// A variant of an open enum: (enum, variant).
    Variant(String, String),
    /// A string.
    String(String),
    /// An integer.
    Integer(i64),
    /// A boolean.
    Bool(bool),
}

/// The shape of a named type.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeKind {
    /// An object with known fields; unknown fields are kept in `extra`.
    Struct {
        /// Declared properties, in spec order.
        fields: Vec<Field>,
        /// Value type of `additionalProperties`, kept in the catch-all map.
        additional: Option<TypeRef>,
        /// Rust name of the catch-all field.
        extra_field: String,
    },
    /// An open string enum.
    Enum {
        /// Known values.
        variants: Vec<EnumVariant>,
    },
    /// A oneOf with a discriminator: tagged by `property` using the mapping keys.
    Tagged {
        /// The discriminator's `propertyName`.
        property: String,
        /// One variant a mapping key.
        variants: Vec<UnionVariant>,
    },
    /// A oneOf without a discriminator, tried most specific first.
    Untagged {
        /// The variants, most specific first.
        variants: Vec<UnionVariant>,
    },
    /// Another name for a type (maps, arrays, or a schema that is a `$ref`).
    Alias(TypeRef),
}

impl TypeKind {
    /// Every type reference the type holds directly (fields, the catch-all
    /// map's values, union variants, an alias's target).
    pub fn type_refs(&self) -> Vec<&TypeRef> {
        match self {
            TypeKind::Struct {
                fields, additional, ..
            } => fields.iter().map(|f| &f.ty).chain(additional).collect(),
            TypeKind::Tagged { variants, .. } | TypeKind::Untagged { variants } => {
                variants.iter().map(|v| &v.ty).collect()
            }
            TypeKind::Alias(ty) => vec![ty],
            TypeKind::Enum { .. } => Vec::new(),
        }
    }

    /// [`Self::type_refs`], to rewrite them.
    pub fn type_refs_mut(&mut self) -> Vec<&mut TypeRef> {
        match self {
            TypeKind::Struct {
                fields, additional, ..
            } => fields
                .iter_mut()
                .map(|f| &mut f.ty)
                .chain(additional.iter_mut())
                .collect(),
            TypeKind::Tagged { variants, .. } | TypeKind::Untagged { variants } => {
                variants.iter_mut().map(|v| &mut v.ty).collect()
            }
            TypeKind::Alias(ty) => vec![ty],
            TypeKind::Enum { .. } => Vec::new(),
        }
    }
}

/// One field of a struct.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The JSON property name.
    pub json_name: String,
    /// The Rust field name.
    pub rust_name: String,
    /// The value type (without the `Option` for optional fields).
    pub ty: TypeRef,
    /// Required and not nullable: no `Option`.
    pub required: bool,
    /// Its documentation.
    pub docs: Docs,
    /// Marked `deprecated` in the spec.
    pub deprecated: bool,
    /// The `format` of an inline string schema (`email`, `uri`…), for schema emitters.
    pub format: Option<String>,
}

/// One known value of an open enum.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumVariant {
    /// The Rust variant name.
    pub rust_name: String,
    /// The string on the wire.
    pub value: String,
    /// What the value means, when the override table says.
    pub docs: Option<String>,
}

/// One variant of a union.
#[derive(Debug, Clone, PartialEq)]
pub struct UnionVariant {
    /// The Rust variant name.
    pub rust_name: String,
    /// The discriminator value (tagged unions only).
    pub tag: Option<String>,
    /// The payload type.
    pub ty: TypeRef,
}

/// A reference to a type.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TypeRef {
    /// `String`.
    String,
    /// `bool`.
    Bool,
    /// `i8`.
    I8,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `f64`.
    F64,
    /// A Unix time in seconds on the wire, `crate::Timestamp` in Rust.
    Timestamp,
    /// Any JSON value.
    Value,
    /// A JSON object with any values.
    Object,
    /// A named type.
    Named(String),
    /// A hand-written type of the SDK, at its crate root (`crate::Event`), that
    /// stands for a schema (see [`crate::Overrides::external`]).
    External(String),
    /// `Vec<T>`.
    Array(Box<TypeRef>),
    /// A string-keyed map.
    Map(Box<TypeRef>),
    /// `Box<T>`, where `T` would otherwise be infinitely sized.
    Boxed(Box<TypeRef>),
}

/// The Rust type, as a user of the SDK reads it (`Vec<String>`, `Timestamp`,
/// `OrderResponse`), without the `Option` of an optional field.
impl std::fmt::Display for TypeRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TypeRef::String => f.write_str("String"),
            TypeRef::Bool => f.write_str("bool"),
            TypeRef::I8 => f.write_str("i8"),
            TypeRef::I32 => f.write_str("i32"),
            TypeRef::I64 => f.write_str("i64"),
            TypeRef::F64 => f.write_str("f64"),
            TypeRef::Timestamp => f.write_str("Timestamp"),
            TypeRef::Value => f.write_str("serde_json::Value"),
            TypeRef::Object => f.write_str("serde_json::Map<String, Value>"),
            TypeRef::Named(name) | TypeRef::External(name) => f.write_str(name),
            TypeRef::Array(item) => write!(f, "Vec<{item}>"),
            TypeRef::Map(value) => write!(f, "BTreeMap<String, {value}>"),
            TypeRef::Boxed(inner) => write!(f, "Box<{inner}>"),
        }
    }
}

impl TypeRef {
    /// The hand-written SDK type this reference mentions.
    pub fn external(&self) -> Option<&str> {
        match self {
            TypeRef::External(name) => Some(name),
            TypeRef::Array(inner) | TypeRef::Map(inner) | TypeRef::Boxed(inner) => inner.external(),
            _ => None,
        }
    }

    /// The named types this reference mentions.
    pub fn named(&self) -> Option<&str> {
        match self {
            TypeRef::Named(name) => Some(name),
            TypeRef::Array(inner) | TypeRef::Map(inner) | TypeRef::Boxed(inner) => inner.named(),
            _ => None,
        }
    }
}

/// One HTTP operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    /// The spec's `operationId`.
    pub id: String,
    /// Rust method name (`snake_case` of the operationId).
    pub method_name: String,
    /// Rust name of the request builder.
    pub builder_name: String,
    /// Upper-case HTTP method.
    pub http_method: String,
    /// Path template, e.g. `/customers/{id}`.
    pub path: String,
    /// The group (tag) it belongs to.
    pub group: Group,
    /// Summary and description.
    pub docs: Docs,
    /// Marked `deprecated` in the spec.
    pub deprecated: bool,
    /// Path parameters, in template order.
    pub path_params: Vec<Param>,
    /// Query parameters.
    pub query_params: Vec<Param>,
    /// Header parameters.
    pub header_params: Vec<Param>,
    /// The JSON request body.
    pub body: Option<Body>,
    /// Success status code.
    pub success_status: u16,
    /// Success response type.
    pub response: TypeRef,
    /// Error statuses the spec declares, with their types.
    pub error_responses: Vec<(u16, TypeRef)>,
    /// Set when the operation is a cursor-paginated list.
    pub pagination: Option<Pagination>,
}

impl Operation {
    /// Every type reference the operation holds: parameters, body, responses, page items.
    pub fn type_refs(&self) -> Vec<&TypeRef> {
        let mut refs: Vec<&TypeRef> = self
            .path_params
            .iter()
            .chain(&self.query_params)
            .chain(&self.header_params)
            .map(|p| &p.ty)
            .collect();
        refs.extend(self.body.as_ref().map(|b| &b.ty));
        refs.push(&self.response);
        refs.extend(self.error_responses.iter().map(|(_, ty)| ty));
        refs.extend(self.pagination.as_ref().map(|p| &p.item));
        refs
    }

    /// [`Self::type_refs`], to rewrite them.
    pub fn type_refs_mut(&mut self) -> Vec<&mut TypeRef> {
        let mut refs: Vec<&mut TypeRef> = self
            .path_params
            .iter_mut()
            .chain(self.query_params.iter_mut())
            .chain(self.header_params.iter_mut())
            .map(|p| &mut p.ty)
            .collect();
        refs.extend(self.body.as_mut().map(|b| &mut b.ty));
        refs.push(&mut self.response);
        refs.extend(self.error_responses.iter_mut().map(|(_, ty)| ty));
        refs.extend(self.pagination.as_mut().map(|p| &mut p.item));
        refs
    }
}

/// The group of operations an operation belongs to (one per tag).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Group {
    /// The tag as written in the spec.
    pub tag: String,
    /// The accessor on the client (`snake_case`).
    pub accessor: String,
    /// The group struct and module name.
    pub type_name: String,
    /// The module name.
    pub module: String,
}

/// A request parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// The wire name.
    pub name: String,
    /// The Rust name.
    pub rust_name: String,
    /// Its type.
    pub ty: TypeRef,
    /// Whether it must be given.
    pub required: bool,
    /// Its documentation.
    pub docs: Docs,
    /// What the runtime does with it.
    pub role: ParamRole,
}

/// How the runtime treats a parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamRole {
    /// An ordinary parameter.
    Plain,
    /// `Accept-Language`: defaults to the client's language.
    Language,
    /// `X-Child-Company-Id`: defaults to the client's child company.
    ChildCompany,
}

/// A request body.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    /// Its type.
    pub ty: TypeRef,
    /// Whether the spec requires it.
    pub required: bool,
    /// How it is sent.
    pub encoding: BodyEncoding,
}

/// How a request body is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyEncoding {
    /// `application/json`.
    Json,
    /// `multipart/form-data`: one part per member of the body (an object),
    /// files ([`FILE_PART`]) as file parts.
    Multipart,
}

/// The hand-written SDK type of a file to upload (`type: string, format: binary`).
pub const FILE_PART: &str = "FilePart";

/// How a list operation pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Pagination {
    /// The item type of `data`.
    pub item: TypeRef,
    /// Rust name of the `data` field.
    pub data_field: String,
    /// Rust name of the `has_more` field.
    pub has_more_field: String,
    /// Rust name of the `next_page_url` field.
    pub next_url_field: String,
    /// Whether `data` is optional in the response type.
    pub data_optional: bool,
    /// Whether `has_more` is optional in the response type.
    pub has_more_optional: bool,
    /// Whether `next_page_url` is optional in the response type.
    pub next_url_optional: bool,
    /// Rust name of the `next` cursor parameter.
    pub cursor_param: String,
}

/// Every type a request can carry: the types of parameters and bodies, and
/// everything they reach.
pub fn sent_types<'a>(
    types: &'a [TypeDef],
    operations: &'a [Operation],
) -> std::collections::BTreeSet<&'a str> {
    let index: std::collections::BTreeMap<&str, &TypeDef> =
        types.iter().map(|d| (d.name.as_str(), d)).collect();
    let mut todo: Vec<&str> = operations
        .iter()
        .flat_map(|op| {
            op.path_params
                .iter()
                .chain(&op.query_params)
                .chain(&op.header_params)
                .map(|p| &p.ty)
                .chain(op.body.as_ref().map(|b| &b.ty))
        })
        .filter_map(TypeRef::named)
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    while let Some(name) = todo.pop() {
        if seen.insert(name) {
            if let Some(def) = index.get(name) {
                todo.extend(def.kind.type_refs().into_iter().filter_map(TypeRef::named));
            }
        }
    }
    seen
}
