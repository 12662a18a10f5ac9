//! Customers and their payment sources: `/customers` and
//! `/customers/{id}/payment_sources`.

use conekta_sdk::EventType;
use conekta_sdk::models::{
    Customer as CustomerRequest, CustomerPaymentMethodsRequest, PaymentSourceType, UpdateCustomer,
};
use serde_json::{Map, Value, json};

use super::billing::Subscription;
use super::{ListParams, Store, nested_list, now, object_of, page, reject_undeclared};
use crate::server::failure::ApiFailure;
use crate::tokens::{self, TestCard};

/// The barcode image of sandbox cash references (Conekta's own sandbox
/// answers point at this one).
pub(crate) const SANDBOX_BARCODE_URL: &str = "https://barcodes.conekta.com/sandbox_reference.png";

/// A customer.
#[derive(Debug, Clone)]
pub(crate) struct Customer {
    pub(crate) id: String,
    created_at: i64,
    pub(crate) name: String,
    pub(crate) email: String,
    pub(crate) phone: String,
    corporate: Option<bool>,
    custom_reference: Option<String>,
    national_id: Option<String>,
    date_of_birth: Option<String>,
    metadata: Option<Map<String, Value>>,
    antifraud_info: Option<Value>,
    pub(crate) sources: Vec<Source>,
    pub(crate) default_source_id: Option<String>,
    shipping_contacts: Vec<Value>,
    fiscal_entities: Vec<Value>,
    default_shipping_contact_id: Option<String>,
    pub(crate) subscriptions: Vec<Subscription>,
}

/// A saved payment source.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub(crate) id: String,
    created_at: i64,
    pub(crate) kind: SourceKind,
}

/// What a payment source is.
#[derive(Debug, Clone)]
pub(crate) enum SourceKind {
    /// A card saved from a test token.
    Card {
        card: &'static TestCard,
        name: String,
        exp_month: String,
        exp_year: String,
    },
    /// A recurrent cash reference (`cash_recurrent`).
    CashRecurrent { reference: String, expires_at: i64 },
    /// A recurrent SPEI CLABE (`spei_recurrent`).
    SpeiRecurrent { clabe: String },
}

impl Source {
    fn to_json(&self, customer_id: &str, default_id: Option<&str>) -> Value {
        let default = default_id == Some(self.id.as_str());
        match &self.kind {
            SourceKind::Card {
                card,
                name,
                exp_month,
                exp_year,
            } => json!({
                "id": self.id,
                "object": "payment_source",
                "type": "card",
                "created_at": self.created_at,
                "last4": card.last4(),
                "bin": card.bin(),
                "card_type": "credit",
                "exp_month": exp_month,
                "exp_year": exp_year,
                "brand": card.brand,
                "issuer": card.issuer,
                "name": name,
                "parent_id": customer_id,
                "default": default,
                "payment_source_status": "active",
                "visible_on_checkout": false,
            }),
            SourceKind::CashRecurrent {
                reference,
                expires_at,
            } => json!({
                "id": self.id,
                "object": "payment_source",
                "type": "cash_recurrent",
                "provider": "Cash",
                "reference": reference,
                "barcode": reference,
                "barcode_url": SANDBOX_BARCODE_URL,
                "expires_at": expires_at,
                "created_at": self.created_at,
                "parent_id": customer_id,
                "default": default,
            }),
            SourceKind::SpeiRecurrent { clabe } => json!({
                "id": self.id,
                "object": "payment_source",
                "type": "spei_recurrent",
                "reference": clabe,
                "bank": "STP",
                "expires_at": null,
                "created_at": self.created_at,
                "parent_id": customer_id,
                "default": default,
            }),
        }
    }
}

impl Customer {
    /// The customer as `GET /customers/{id}` answers it.
    pub(crate) fn to_json(&self) -> Value {
        let default_source = self.default_source_id.as_deref();
        let sources = self
            .sources
            .iter()
            .map(|source| source.to_json(&self.id, default_source))
            .collect();
        let mut json = json!({
            "id": self.id,
            "object": "customer",
            "livemode": false,
            "created_at": self.created_at,
            "name": self.name,
            "email": self.email,
            "phone": self.phone,
            "corporate": self.corporate.unwrap_or(false),
            "custom_reference": self.custom_reference,
            "national_id": self.national_id,
            "date_of_birth": self.date_of_birth,
            "metadata": self.metadata,
            "antifraud_info": self.antifraud_info,
            "default_payment_source_id": self.default_source_id,
            "default_shipping_contact_id": self.default_shipping_contact_id,
            "default_fiscal_entity_id": self.fiscal_entities.first().and_then(|f| f.get("id")).cloned(),
            "payment_sources": nested_list(sources),
            "shipping_contacts": nested_list(self.shipping_contacts.clone()),
            "fiscal_entities": nested_list(self.fiscal_entities.clone()),
        });
        if let (Some(subscription), Some(object)) =
            (self.subscriptions.last(), json.as_object_mut())
        {
            object.insert("subscription".into(), subscription.to_json());
        }
        json
    }

    /// When the recurrent cash `reference` expires (`0`: never).
    pub(crate) fn cash_reference_expiry(&self, reference: &str) -> i64 {
        self.sources
            .iter()
            .find_map(|source| match &source.kind {
                SourceKind::CashRecurrent {
                    reference: r,
                    expires_at,
                } if r == reference => Some(*expires_at),
                _ => None,
            })
            .unwrap_or(0)
    }

    /// The card source `id`, or the default source when `id` is `None`.
    pub(crate) fn card_source(&self, id: Option<&str>) -> Option<(&Source, &'static TestCard)> {
        let id = id.or(self.default_source_id.as_deref())?;
        let source = self.sources.iter().find(|source| source.id == id)?;
        match &source.kind {
            SourceKind::Card { card, .. } => Some((source, *card)),
            _ => None,
        }
    }
}

/// A card's expiry year, two digits: five years from now.
fn expiry_year() -> String {
    const SECONDS_PER_YEAR: i64 = 31_556_952;
    format!("{:02}", (1970 + now() / SECONDS_PER_YEAR + 5) % 100)
}

impl Store {
    /// A new payment source from a request's `payment_sources[index]` (or
    /// the body of `POST /customers/{id}/payment_sources`, `param` "").
    fn new_source(
        &self,
        request: &CustomerPaymentMethodsRequest,
        param: &str,
        holder: &str,
    ) -> Result<Source, ApiFailure> {
        let at = |field: &str| {
            if param.is_empty() {
                field.to_owned()
            } else {
                format!("{param}.{field}")
            }
        };
        let kind = match request {
            CustomerPaymentMethodsRequest::Token(token) => {
                reject_undeclared(&token.extra, &[])?;
                if token.type_ != PaymentSourceType::Card {
                    return Err(ApiFailure::unsupported(
                        &at("type"),
                        &format!("token payment sources of type `{}`", token.type_),
                    ));
                }
                let card = tokens::by_token(&token.token_id)
                    .ok_or_else(|| nonexistent_token(&at("token_id")))?;
                SourceKind::Card {
                    card,
                    name: holder.to_owned(),
                    exp_month: "12".to_owned(),
                    exp_year: expiry_year(),
                }
            }
            CustomerPaymentMethodsRequest::CashOrSpei(cash_or_spei) => {
                reject_undeclared(&cash_or_spei.extra, &[])?;
                match &cash_or_spei.type_ {
                    PaymentSourceType::CashRecurrent | PaymentSourceType::Cash => {
                        SourceKind::CashRecurrent {
                            reference: self.ids().recurrent_cash_reference(),
                            expires_at: cash_or_spei.expires_at.map_or(0, i64::from),
                        }
                    }
                    PaymentSourceType::SpeiRecurrent => SourceKind::SpeiRecurrent {
                        clabe: self.ids().clabe(),
                    },
                    other => {
                        return Err(ApiFailure::unsupported(
                            &at("type"),
                            &format!("payment sources of type `{other}`"),
                        ));
                    }
                }
            }
            _ => {
                return Err(ApiFailure::request_shape(
                    &at("type"),
                    "not a card token, cash or SPEI payment source",
                ));
            }
        };
        let prefix = match kind {
            SourceKind::Card { .. } => "src_",
            _ => "off_ref_",
        };
        Ok(Source {
            id: self.ids().prefixed(prefix),
            created_at: now(),
            kind,
        })
    }

    /// `GET /customers`.
    pub(crate) fn list_customers(&self, params: &ListParams) -> Result<Value, ApiFailure> {
        let items: Vec<&Customer> = self.customers.iter().rev().collect();
        page(
            &items,
            params,
            &self.base_url,
            "/customers",
            |c| &c.id,
            Customer::to_json,
        )
    }

    /// `POST /customers`.
    pub(crate) fn create_customer(
        &mut self,
        request: CustomerRequest,
    ) -> Result<Value, ApiFailure> {
        reject_undeclared(&request.extra, &[])?;
        if request.subscription.is_some() || request.plan_id.is_some() {
            return Err(ApiFailure::unsupported(
                "subscription",
                "subscribing a customer on creation (create the subscription afterwards)",
            ));
        }
        let id = self.ids().prefixed("cus_");
        let sources = request
            .payment_sources
            .iter()
            .flatten()
            .enumerate()
            .map(|(index, source)| {
                self.new_source(source, &format!("payment_sources[{index}]"), &request.name)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let default_source_id = match request.default_payment_source_id {
            Some(wanted) if !sources.iter().any(|s| s.id == wanted) => {
                return Err(unknown_source("default_payment_source_id", &wanted));
            }
            Some(wanted) => Some(wanted),
            None => sources.first().map(|source| source.id.clone()),
        };
        let shipping_contacts: Vec<Value> = request
            .shipping_contacts
            .iter()
            .flatten()
            .map(|contact| self.child_object(contact, "ship_cont_", "shipping_contact", &id))
            .collect();
        let fiscal_entities: Vec<Value> = request
            .fiscal_entities
            .iter()
            .flatten()
            .map(|entity| self.child_object(entity, "fis_ent_", "fiscal_entity", &id))
            .collect();
        let customer = Customer {
            id,
            created_at: now(),
            name: request.name,
            email: request.email,
            phone: request.phone,
            corporate: request.corporate,
            custom_reference: request.custom_reference,
            national_id: request.national_id,
            date_of_birth: request.date_of_birth,
            metadata: request.metadata,
            antifraud_info: request.antifraud_info.map(|info| object_of(&info, &[])),
            sources,
            default_source_id,
            default_shipping_contact_id: shipping_contacts
                .first()
                .and_then(|c| c["id"].as_str())
                .map(str::to_owned),
            shipping_contacts,
            fiscal_entities,
            subscriptions: Vec::new(),
        };
        let json = customer.to_json();
        self.customers.push(customer);
        self.emit(EventType::CustomerCreated, json.clone());
        Ok(json)
    }

    /// A request's shipping contact or fiscal entity as a child object of
    /// `parent_id`, with its own id.
    fn child_object<T: serde::Serialize>(
        &self,
        part: &T,
        prefix: &str,
        object: &str,
        parent_id: &str,
    ) -> Value {
        object_of(
            part,
            &[
                ("id", Value::from(self.ids().prefixed(prefix))),
                ("object", Value::from(object)),
                ("created_at", Value::from(now())),
                ("parent_id", Value::from(parent_id)),
            ],
        )
    }

    /// The customer `id`.
    pub(crate) fn customer(&self, id: &str) -> Result<&Customer, ApiFailure> {
        self.customers
            .iter()
            .find(|customer| customer.id == id)
            .ok_or_else(|| ApiFailure::not_found("Customer", id))
    }

    /// The customer `id`, to change.
    pub(crate) fn customer_mut(&mut self, id: &str) -> Result<&mut Customer, ApiFailure> {
        self.customers
            .iter_mut()
            .find(|customer| customer.id == id)
            .ok_or_else(|| ApiFailure::not_found("Customer", id))
    }

    /// `PUT /customers/{id}`: the customer's own fields.
    pub(crate) fn update_customer(
        &mut self,
        id: &str,
        request: UpdateCustomer,
    ) -> Result<Value, ApiFailure> {
        reject_undeclared(&request.extra, &[])?;
        for (given, param) in [
            (request.payment_sources.is_some(), "payment_sources"),
            (request.shipping_contacts.is_some(), "shipping_contacts"),
            (request.fiscal_entities.is_some(), "fiscal_entities"),
            (
                request.subscription.is_some() || request.plan_id.is_some(),
                "subscription",
            ),
        ] {
            if given {
                return Err(ApiFailure::unsupported(
                    param,
                    &format!(
                        "changing `{param}` with PUT /customers/{{id}} (use its own endpoints)"
                    ),
                ));
            }
        }
        let customer = self.customer_mut(id)?;
        if let Some(wanted) = &request.default_payment_source_id {
            if !customer.sources.iter().any(|s| &s.id == wanted) {
                return Err(unknown_source("default_payment_source_id", wanted));
            }
        }
        if let Some(wanted) = &request.default_shipping_contact_id {
            if !customer
                .shipping_contacts
                .iter()
                .any(|c| c["id"].as_str() == Some(wanted.as_str()))
            {
                return Err(ApiFailure::invalid(
                    "default_shipping_contact_id",
                    "conekta.errors.parameter_validation.default_shipping_contact_id",
                    "El contacto de envío no pertenece al cliente.",
                    "The shipping contact does not belong to the customer.",
                ));
            }
        }
        let set = |slot: &mut Option<String>, value: Option<String>| {
            if value.is_some() {
                *slot = value;
            }
        };
        set(
            &mut customer.default_source_id,
            request.default_payment_source_id,
        );
        set(
            &mut customer.default_shipping_contact_id,
            request.default_shipping_contact_id,
        );
        set(&mut customer.custom_reference, request.custom_reference);
        set(&mut customer.national_id, request.national_id);
        set(&mut customer.date_of_birth, request.date_of_birth);
        if let Some(name) = request.name {
            customer.name = name;
        }
        if let Some(email) = request.email {
            customer.email = email;
        }
        if let Some(phone) = request.phone {
            customer.phone = phone;
        }
        if request.corporate.is_some() {
            customer.corporate = request.corporate;
        }
        if request.metadata.is_some() {
            customer.metadata = request.metadata;
        }
        if let Some(info) = request.antifraud_info {
            customer.antifraud_info = Some(object_of(&info, &[]));
        }
        let json = customer.to_json();
        self.emit(EventType::CustomerUpdated, json.clone());
        Ok(json)
    }

    /// `DELETE /customers/{id}`.
    pub(crate) fn delete_customer(&mut self, id: &str) -> Result<Value, ApiFailure> {
        let position = self
            .customers
            .iter()
            .position(|customer| customer.id == id)
            .ok_or_else(|| ApiFailure::not_found("Customer", id))?;
        let json = self.customers.remove(position).to_json();
        self.emit(EventType::CustomerDeleted, json.clone());
        Ok(json)
    }

    /// `GET /customers/{id}/payment_sources`.
    pub(crate) fn list_sources(&self, id: &str, params: &ListParams) -> Result<Value, ApiFailure> {
        let customer = self.customer(id)?;
        let items: Vec<&Source> = customer.sources.iter().rev().collect();
        let default = customer.default_source_id.as_deref();
        page(
            &items,
            params,
            &self.base_url,
            &format!("/customers/{id}/payment_sources"),
            |s| &s.id,
            |s| s.to_json(id, default),
        )
    }

    /// `POST /customers/{id}/payment_sources`.
    pub(crate) fn create_source(
        &mut self,
        id: &str,
        request: &CustomerPaymentMethodsRequest,
    ) -> Result<Value, ApiFailure> {
        let holder = self.customer(id)?.name.clone();
        let source = self.new_source(request, "", &holder)?;
        let customer = self.customer_mut(id)?;
        if customer.default_source_id.is_none() {
            customer.default_source_id = Some(source.id.clone());
        }
        let json = source.to_json(id, customer.default_source_id.as_deref());
        customer.sources.push(source);
        Ok(json)
    }

    /// `DELETE /customers/{id}/payment_sources/{source_id}`.
    pub(crate) fn delete_source(&mut self, id: &str, source_id: &str) -> Result<Value, ApiFailure> {
        let customer = self.customer_mut(id)?;
        let position = customer
            .sources
            .iter()
            .position(|source| source.id == source_id)
            .ok_or_else(|| ApiFailure::not_found("PaymentSource", source_id))?;
        let source = customer.sources.remove(position);
        let json = source.to_json(id, customer.default_source_id.as_deref());
        if customer.default_source_id.as_deref() == Some(source_id) {
            customer.default_source_id = customer.sources.first().map(|s| s.id.clone());
        }
        Ok(json)
    }

    /// The customer who owns the recurrent cash `reference`.
    pub(crate) fn cash_reference_owner(&self, reference: &str) -> Option<&Customer> {
        self.customers.iter().find(|customer| {
            customer.sources.iter().any(|source| {
                matches!(&source.kind, SourceKind::CashRecurrent { reference: r, .. } if r == reference)
            })
        })
    }
}

/// 422: a token the fake does not know, as Conekta answers an unknown token.
pub(crate) fn nonexistent_token(param: &str) -> ApiFailure {
    ApiFailure::invalid(
        param,
        "conekta.errors.parameter_validation.payment_method.token_id.nonexistent_token",
        "El token no existe.",
        "The token does not exist.",
    )
}

/// 422: `param` names a payment source the customer does not have.
pub(crate) fn unknown_source(param: &str, id: &str) -> ApiFailure {
    ApiFailure::invalid(
        param,
        "conekta.errors.parameter_validation.payment_source.nonexistent",
        &format!("La fuente de pago \"{id}\" no pertenece al cliente."),
        &format!("The payment source \"{id}\" does not belong to the customer."),
    )
}
