//! Lowers paths and operations: parameters, bodies, responses and pagination.

use super::node::{self, Node};
use super::schema::SchemaLowerer;
use crate::ir::{
    Body, BodyEncoding, Docs, Group, Operation, Pagination, Param, ParamRole, TypeDef, TypeKind,
    TypeRef,
};
use crate::naming::{self, Scope};
use crate::stale::{OVERRIDES, StaleEntry, StaleReason};
use crate::{Error, Warning};
use openapiv3::{OpenAPI, Parameter, ParameterSchemaOrContent, ReferenceOr};
use std::collections::{BTreeMap, BTreeSet};

/// Header that selects the response language; defaults to the client's setting.
const LANGUAGE_HEADER: &str = "Accept-Language";
/// Header that acts on behalf of a child company; defaults to the client's setting.
const CHILD_COMPANY_HEADER: &str = "X-Child-Company-Id";
/// The runtime's type for the language header.
const LANGUAGE_TYPE: &str = "Language";
/// The group of operations the spec gives no tag.
const UNTAGGED_GROUP: &str = "General";
/// The query parameter that carries the pagination cursor.
const CURSOR_PARAM: &str = "next";

/// Lowers every operation, in spec order, and the media types their successes use.
pub fn lower_operations<'a>(
    spec: &'a OpenAPI,
    schemas: &mut SchemaLowerer<'a>,
    names: &BTreeMap<String, String>,
    stale: &mut Vec<StaleEntry>,
) -> Result<(Vec<Operation>, Vec<String>), Error> {
    let mut operations = Vec::new();
    let mut media_types = Vec::new();
    for (path, item) in &spec.paths.paths {
        let ReferenceOr::Item(item) = item else {
            return Err(Error::unsupported(path, "a `$ref` path item"));
        };
        if !item.parameters.is_empty() {
            return Err(Error::unsupported(path, "path-level parameters"));
        }
        for (method, op) in item.iter() {
            let pointer = format!("#/paths/{}/{method}", node::escape(path));
            let lowered = lower_one(schemas, path, method, op, &pointer, &mut media_types)?;
            operations.push(lowered);
        }
    }
    rename(&mut operations, names, stale)?;
    scope_names(&mut operations);
    for op in &mut operations {
        op.pagination = pagination(op, schemas);
    }
    Ok((operations, media_types))
}

/// Gives the operations of `names` (`operationId` → method name) their method
/// names. A name for an operation the spec does not have (any more) is stale,
/// and so is one the `operationId` gives anyway; a name that is not snake_case
/// is an error.
fn rename(
    operations: &mut [Operation],
    names: &BTreeMap<String, String>,
    stale: &mut Vec<StaleEntry>,
) -> Result<(), Error> {
    for (id, name) in names {
        if naming::snake(name) != *name {
            return Err(Error::invalid(
                OVERRIDES,
                format!("`operation_names.{id}`: `{name}` is not a snake_case method name"),
            ));
        }
        let entry = format!("operation_names.{id}");
        let Some(op) = operations.iter_mut().find(|op| &op.id == id) else {
            stale.push(StaleEntry::overrides(
                entry,
                StaleReason::TargetGone,
                format!("the spec has no operation `{id}`"),
            ));
            continue;
        };
        if op.method_name == *name {
            stale.push(StaleEntry::overrides(
                entry,
                StaleReason::NoLongerNeeded,
                format!("the operationId gives `{name}` itself"),
            ));
            continue;
        }
        op.method_name = name.clone();
    }
    Ok(())
}

/// Methods of the client that a group accessor must not take.
const CLIENT_MEMBERS: &[&str] = &[
    "new",
    "builder",
    "base_url",
    "payment_test",
    "execute",
    "send",
    "clone",
    "fmt",
];
/// Members of a group struct that an operation method must not take.
const GROUP_MEMBERS: &[&str] = &["client", "clone", "fmt"];
/// Members of `Request` (conekta-sdk/src/runtime/http/request.rs and pagination.rs),
/// and the `body` setter, that a parameter's setter must not take.
const BUILDER_MEMBERS: &[&str] = &[
    "client",
    "params",
    "body",
    "options",
    "new",
    "send",
    "into_call",
    "operation_info",
    "attempt_timeout",
    "retry_policy",
    "header",
    "into_stream",
    "collect_max",
    "into_future",
    "clone",
    "fmt",
    LANGUAGE_SETTER,
    CHILD_COMPANY_SETTER,
];
/// The setters of the per-request options, named like the client builder's.
const LANGUAGE_SETTER: &str = "language";
const CHILD_COMPANY_SETTER: &str = "child_company_id";

/// Makes every name the spec gives unique where it is emitted, and clear of
/// the members the generator emits itself: group accessors on the client,
/// group and builder types, methods on a group, and parameters on a builder
/// (a clash gets a suffix: a query parameter `send` becomes `send_param`).
fn scope_names(operations: &mut [Operation]) {
    let mut accessors = Scope::with_reserved(CLIENT_MEMBERS);
    let mut types = Scope::default();
    let mut groups: BTreeMap<String, (String, String)> = BTreeMap::new();
    for op in operations.iter_mut() {
        let (accessor, type_name) = groups.entry(op.group.module.clone()).or_insert_with(|| {
            (
                accessors.claim_suffixed(op.group.accessor.clone(), "ops"),
                types.claim(naming::type_name(op.group.type_name.clone())),
            )
        });
        op.group.accessor = accessor.clone();
        op.group.type_name = type_name.clone();
    }
    let mut methods: BTreeMap<String, Scope> = BTreeMap::new();
    for op in operations.iter_mut() {
        op.builder_name = types.claim(naming::type_name(op.builder_name.clone()));
        let group = methods
            .entry(op.group.module.clone())
            .or_insert_with(|| Scope::with_reserved(GROUP_MEMBERS));
        op.method_name = group.claim_suffixed(op.method_name.clone(), "op");
        let mut members = Scope::with_reserved(BUILDER_MEMBERS);
        let params = op
            .path_params
            .iter_mut()
            .chain(op.query_params.iter_mut())
            .chain(op.header_params.iter_mut());
        for param in params {
            param.rust_name = match param.role {
                ParamRole::Language => LANGUAGE_SETTER.to_owned(),
                ParamRole::ChildCompany => CHILD_COMPANY_SETTER.to_owned(),
                ParamRole::Plain => members.claim_suffixed(param.rust_name.clone(), "param"),
            };
        }
    }
}

/// Renames the operation types and group types that a model type is called
/// like (`models::*` and `operations::*` are glob-imported together): the
/// operation gets `Op`, the group `Ops` appended, with a warning.
pub fn clear_model_names(
    types: &[TypeDef],
    operations: &mut [Operation],
    warnings: &mut Vec<Warning>,
) {
    let taken: BTreeSet<String> = types.iter().map(|def| def.name.clone()).collect();
    let ours = operations
        .iter()
        .flat_map(|op| [op.builder_name.clone(), op.group.type_name.clone()]);
    let reserved: Vec<String> = taken.iter().cloned().chain(ours).collect();
    let mut scope = Scope::with_reserved(&reserved.iter().map(String::as_str).collect::<Vec<_>>());
    let mut groups: BTreeMap<String, String> = BTreeMap::new();
    for op in operations.iter_mut() {
        if taken.contains(op.group.type_name.as_str()) {
            let renamed = groups
                .entry(op.group.type_name.clone())
                .or_insert_with(|| {
                    let name = scope.claim(format!("{}Ops", op.group.type_name));
                    warnings.push(Warning {
                        path: format!("tag `{}`", op.group.tag),
                        message: format!(
                            "a model is called `{}`: the group type is `{name}`",
                            op.group.type_name
                        ),
                    });
                    name
                })
                .clone();
            op.group.type_name = renamed;
        }
        if taken.contains(op.builder_name.as_str()) {
            let name = scope.claim(format!("{}Op", op.builder_name));
            warnings.push(Warning {
                path: format!("operation `{}`", op.id),
                message: format!(
                    "a model is called `{}`: the operation type is `{name}`",
                    op.builder_name
                ),
            });
            op.builder_name = name;
        }
    }
}

fn lower_one<'a>(
    schemas: &mut SchemaLowerer<'a>,
    path: &str,
    method: &str,
    op: &'a openapiv3::Operation,
    pointer: &str,
    media_types: &mut Vec<String>,
) -> Result<Operation, Error> {
    let id = op
        .operation_id
        .clone()
        .ok_or_else(|| Error::invalid(pointer, "an operation without an operationId"))?;
    let tag = op
        .tags
        .first()
        .cloned()
        .unwrap_or_else(|| UNTAGGED_GROUP.to_owned());
    let group_type = naming::camel(&tag);
    let group = Group {
        accessor: naming::snake(&tag),
        module: naming::snake(&tag).trim_start_matches("r#").to_owned(),
        type_name: group_type,
        tag,
    };
    let builder_name = naming::camel(&id);
    let module = "parameters";
    let mut lowered = Operation {
        method_name: naming::snake(&id),
        builder_name: builder_name.clone(),
        http_method: method.to_ascii_uppercase(),
        path: path.to_owned(),
        group,
        docs: Docs {
            title: op.summary.clone(),
            description: op.description.clone(),
            example: None,
        },
        deprecated: op.deprecated,
        path_params: Vec::new(),
        query_params: Vec::new(),
        header_params: Vec::new(),
        body: None,
        success_status: 0,
        response: TypeRef::Value,
        error_responses: Vec::new(),
        pagination: None,
        id,
    };
    for (i, param) in op.parameters.iter().enumerate() {
        let ppath = format!("{pointer}/parameters/{i}");
        let ReferenceOr::Item(param) = param else {
            return Err(Error::unsupported(&ppath, "a `$ref` parameter"));
        };
        let data = param.parameter_data_ref();
        let ParameterSchemaOrContent::Schema(schema) = &data.format else {
            return Err(Error::unsupported(&ppath, "a parameter with `content`"));
        };
        let role = match data.name.as_str() {
            LANGUAGE_HEADER => ParamRole::Language,
            CHILD_COMPANY_HEADER => ParamRole::ChildCompany,
            _ => ParamRole::Plain,
        };
        // The language is the runtime's own type, whatever values the spec lists.
        let ty = if role == ParamRole::Language {
            TypeRef::External(LANGUAGE_TYPE.to_owned())
        } else {
            schemas.type_ref(
                Node::plain(schema),
                &format!("{ppath}/schema"),
                &naming::camel(&data.name),
                module,
            )?
        };
        if !matches!(
            ty,
            TypeRef::String
                | TypeRef::I32
                | TypeRef::I64
                | TypeRef::I8
                | TypeRef::Bool
                | TypeRef::F64
                | TypeRef::Named(_)
                | TypeRef::External(_)
        ) {
            return Err(Error::unsupported(
                &ppath,
                "a parameter that is not a scalar or enum",
            ));
        }
        let lowered_param = Param {
            rust_name: naming::snake(&data.name),
            name: data.name.clone(),
            ty,
            required: data.required,
            docs: Docs {
                title: None,
                description: data.description.clone(),
                example: None,
            },
            role,
        };
        match param {
            Parameter::Path { .. } => lowered.path_params.push(lowered_param),
            Parameter::Query { .. } => lowered.query_params.push(lowered_param),
            Parameter::Header { .. } if role == ParamRole::Plain => {
                return Err(Error::unsupported(
                    &ppath,
                    format!(
                        "the header parameter `{}` (only {LANGUAGE_HEADER} and {CHILD_COMPANY_HEADER} are)",
                        data.name
                    ),
                ));
            }
            Parameter::Header { .. } => lowered.header_params.push(lowered_param),
            Parameter::Cookie { .. } => {
                return Err(Error::unsupported(&ppath, "a cookie parameter"));
            }
        }
    }
    order_path_params(&mut lowered, pointer)?;
    if let Some(body) = &op.request_body {
        let bpath = format!("{pointer}/requestBody");
        let ReferenceOr::Item(body) = body else {
            return Err(Error::unsupported(&bpath, "a `$ref` request body"));
        };
        let Some((media_type, media, encoding)) = [
            ("application/json", BodyEncoding::Json),
            ("multipart/form-data", BodyEncoding::Multipart),
        ]
        .into_iter()
        .find_map(|(name, encoding)| Some((name, body.content.get(name)?, encoding))) else {
            return Err(Error::unsupported(
                &bpath,
                "a request body that is neither application/json nor multipart/form-data",
            ));
        };
        let Some(schema) = &media.schema else {
            return Err(Error::unsupported(
                &bpath,
                "a request body without a schema",
            ));
        };
        let ty = schemas.type_ref(
            Node::plain(schema),
            &format!("{bpath}/content/{}/schema", node::escape(media_type)),
            &format!("{}Body", naming::camel(&lowered.id)),
            "request_bodies",
        )?;
        lowered.body = Some(Body {
            ty,
            required: body.required,
            encoding,
        });
    }
    for (status, response) in &op.responses.responses {
        let openapiv3::StatusCode::Code(code) = status else {
            return Err(Error::unsupported(pointer, "a status-code range"));
        };
        let rpath = format!("{pointer}/responses/{code}");
        let ReferenceOr::Item(response) = response else {
            return Err(Error::unsupported(&rpath, "a `$ref` response"));
        };
        let Some((media_type, media)) = response.content.first() else {
            continue;
        };
        let Some(schema) = &media.schema else {
            return Err(Error::unsupported(&rpath, "a response without a schema"));
        };
        let ty = schemas.type_ref(
            Node::plain(schema),
            &format!("{rpath}/content/{}/schema", node::escape(media_type)),
            &format!("{}Response{code}", naming::camel(&lowered.id)),
            "responses",
        )?;
        if (200..300).contains(code) {
            if lowered.success_status != 0 {
                return Err(Error::unsupported(
                    pointer,
                    "two success responses with bodies",
                ));
            }
            lowered.success_status = *code;
            lowered.response = ty;
            if !media_types.contains(media_type) {
                media_types.push(media_type.clone());
            }
        } else {
            lowered.error_responses.push((*code, ty));
        }
    }
    if lowered.success_status == 0 {
        return Err(Error::unsupported(
            pointer,
            "an operation without a success body",
        ));
    }
    Ok(lowered)
}

/// Puts path parameters in the order they appear in the template and checks
/// that the template and the parameters agree.
fn order_path_params(op: &mut Operation, pointer: &str) -> Result<(), Error> {
    let mut ordered = Vec::new();
    for segment in op.path.split('{').skip(1) {
        let Some((name, _)) = segment.split_once('}') else {
            return Err(Error::invalid(pointer, "an unclosed `{` in the path"));
        };
        let Some(index) = op.path_params.iter().position(|p| p.name == name) else {
            return Err(Error::invalid(
                pointer,
                format!("no parameter for `{{{name}}}`"),
            ));
        };
        let param = op.path_params.remove(index);
        if param.ty != TypeRef::String {
            return Err(Error::unsupported(
                pointer,
                "a path parameter that is not a string",
            ));
        }
        ordered.push(param);
    }
    if let Some(extra) = op.path_params.first() {
        return Err(Error::invalid(
            pointer,
            format!("`{}` is not in the path", extra.name),
        ));
    }
    op.path_params = ordered;
    Ok(())
}

/// A list operation takes the `next` cursor and answers with `data`,
/// `has_more` and `next_page_url`.
fn pagination(op: &Operation, schemas: &SchemaLowerer<'_>) -> Option<Pagination> {
    let cursor = op.query_params.iter().find(|p| p.name == CURSOR_PARAM)?;
    let TypeKind::Struct { fields, .. } = &schemas.get(op.response.named()?)?.kind else {
        return None;
    };
    let field = |name: &str| fields.iter().find(|f| f.json_name == name);
    let data = field("data")?;
    let has_more = field("has_more")?;
    let next_url = field("next_page_url")?;
    let TypeRef::Array(item) = &data.ty else {
        return None;
    };
    (has_more.ty == TypeRef::Bool && next_url.ty == TypeRef::String).then(|| Pagination {
        item: (**item).clone(),
        data_field: data.rust_name.clone(),
        has_more_field: has_more.rust_name.clone(),
        next_url_field: next_url.rust_name.clone(),
        data_optional: !data.required,
        has_more_optional: !has_more.required,
        next_url_optional: !next_url.required,
        cursor_param: cursor.rust_name.clone(),
    })
}
