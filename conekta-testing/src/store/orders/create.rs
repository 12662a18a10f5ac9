//! `POST /orders`: an order request checked as Conekta checks it (the
//! amounts add up, the tokens and saved cards exist) and resolved into an
//! [`Order`] whose card charges are then settled by [`Store::place`].

use conekta_sdk::models::{
    ChargeRequest, ChargeRequestPaymentMethod, OrderCustomerInfo, OrderRequest,
    PaymentMethodGeneralRequest, PaymentMethodType, PaymentStatus,
};
use serde_json::{Value, json};

use super::super::customers::{nonexistent_token, unknown_source};
use super::super::{SourceKind, Store, now, object_of, reject_undeclared};
use super::{Charge, ChargeMethod, DEFAULT_EXPIRY_SECONDS, Order, customer_info_of};
use crate::server::failure::ApiFailure;
use crate::tokens::{self, TestCard};

/// The smallest card charge Conekta accepts, in centavos (MXN 3.00).
const CARD_MINIMUM: i64 = 300;

/// What a charge request resolves to before anything is stored.
struct ChargeDraft {
    amount: i64,
    reference_id: Option<String>,
    monthly_installments: Option<i8>,
    method: ChargeMethod,
}

/// 422 `param` is required.
fn missing(param: &str) -> ApiFailure {
    ApiFailure::invalid(
        param,
        &format!("conekta.errors.parameter_validation.{param}.missing"),
        &format!("El parámetro \"{param}\" es requerido."),
        &format!("The parameter \"{param}\" is required."),
    )
}

impl Store {
    /// The card a charge's card payment method stands for.
    fn card_method(
        &self,
        general: &PaymentMethodGeneralRequest,
        customer_id: Option<&str>,
        param: &str,
    ) -> Result<ChargeMethod, ApiFailure> {
        let holder = |card: &'static TestCard,
                      name: String,
                      exp_month: String,
                      exp_year: String| ChargeMethod::Card {
            card,
            name,
            exp_month,
            exp_year,
            auth_code: None,
        };
        if let Some(token) = &general.token_id {
            let card = tokens::by_token(token)
                .ok_or_else(|| nonexistent_token("payment_method.token_id"))?;
            let name = customer_id
                .and_then(|id| self.customer(id).ok())
                .map_or_else(String::new, |customer| customer.name.clone());
            return Ok(holder(card, name, "12".to_owned(), "30".to_owned()));
        }
        let wanted = general.payment_source_id.as_deref();
        if wanted.is_none() && general.type_ != PaymentMethodType::Default {
            return Err(missing("payment_method.token_id"));
        }
        let Some(customer_id) = customer_id else {
            return Err(ApiFailure::invalid(
                "customer_info.customer_id",
                "conekta.errors.parameter_validation.customer_info.customer_id.missing",
                "Para pagar con una fuente de pago guardada la orden necesita el cliente.",
                "Paying with a saved payment source needs the order's customer_info.customer_id.",
            ));
        };
        let customer = self.customer(customer_id)?;
        let (source, card) = customer.card_source(wanted).ok_or_else(|| {
            unknown_source(
                &format!("{param}.payment_source_id"),
                wanted.unwrap_or("default"),
            )
        })?;
        let (name, exp_month, exp_year) = match &source.kind {
            SourceKind::Card {
                name,
                exp_month,
                exp_year,
                ..
            } => (name.clone(), exp_month.clone(), exp_year.clone()),
            _ => Default::default(),
        };
        Ok(holder(card, name, exp_month, exp_year))
    }

    /// A charge request, checked and resolved.
    fn charge_draft(
        &self,
        request: &ChargeRequest,
        index: usize,
        single_amount: Option<i64>,
        customer_id: Option<&str>,
    ) -> Result<ChargeDraft, ApiFailure> {
        let param = format!("charges[{index}]");
        reject_undeclared(&request.extra, &[])?;
        let amount = request
            .amount
            .or(single_amount)
            .ok_or_else(|| missing(&format!("{param}.amount")))?;
        let method_param = format!("{param}.payment_method");
        let expiry = |expires_at: Option<conekta_sdk::Timestamp>| {
            let expires_at = expires_at.map_or(now() + DEFAULT_EXPIRY_SECONDS, i64::from);
            if expires_at <= now() {
                Err(ApiFailure::invalid(
                    "payment_method.expires_at",
                    "conekta.errors.parameter_validation.payment_method.expires_at.invalid",
                    "La fecha de expiración debe ser futura.",
                    "The expiration date must be in the future.",
                ))
            } else {
                Ok(expires_at)
            }
        };
        let (method, monthly_installments) = match &request.payment_method {
            ChargeRequestPaymentMethod::Card(card) => {
                reject_undeclared(&card.extra, &[])?;
                let test_card = tokens::by_number(&card.number).ok_or_else(|| {
                    ApiFailure::invalid(
                        &format!("{method_param}.number"),
                        "conekta.errors.parameter_validation.card.number",
                        "Alguno de los datos de la tarjeta es inválido. Revisa la información y vuelve a intentarlo.",
                        "Some of the card information is invalid. Please review the information and try again.",
                    )
                })?;
                let method = ChargeMethod::Card {
                    card: test_card,
                    name: card.name.clone(),
                    exp_month: card.exp_month.clone(),
                    exp_year: card.exp_year.clone(),
                    auth_code: None,
                };
                (method, None)
            }
            ChargeRequestPaymentMethod::General(general) => {
                reject_undeclared(&general.extra, &[])?;
                match &general.type_ {
                    PaymentMethodType::Card | PaymentMethodType::Default => (
                        self.card_method(general, customer_id, &method_param)?,
                        general.monthly_installments,
                    ),
                    PaymentMethodType::Cash => {
                        let method = ChargeMethod::Oxxo {
                            reference: self.ids().oxxo_reference(),
                            expires_at: expiry(general.expires_at)?,
                            auth_code: None,
                        };
                        (method, None)
                    }
                    PaymentMethodType::Spei => {
                        let method = ChargeMethod::Spei {
                            clabe: self.ids().clabe(),
                            expires_at: expiry(general.expires_at)?,
                            tracking_code: None,
                        };
                        (method, None)
                    }
                    other => {
                        return Err(ApiFailure::unsupported(
                            &format!("{method_param}.type"),
                            &format!("payment methods of type `{other}`"),
                        ));
                    }
                }
            }
            _ => {
                return Err(ApiFailure::unsupported(
                    &method_param,
                    "buy-now-pay-later and pay-by-bank payment methods",
                ));
            }
        };
        if monthly_installments.is_some() && !matches!(method, ChargeMethod::Card { .. }) {
            return Err(ApiFailure::invalid(
                "payment_method.monthly_installments",
                "conekta.errors.parameter_validation.payment_method.monthly_installments",
                "Los meses sin intereses son sólo para tarjetas.",
                "Monthly installments are for card payments only.",
            ));
        }
        Ok(ChargeDraft {
            amount,
            reference_id: request.reference_id.clone(),
            monthly_installments,
            method,
        })
    }

    /// The `customer_info` of an order, and the id of the customer it names.
    fn customer_info(
        &self,
        info: &OrderCustomerInfo,
    ) -> Result<(Value, Option<String>), ApiFailure> {
        match info {
            OrderCustomerInfo::CustomerInfo(info) => {
                reject_undeclared(&info.extra, &[])?;
                let json = json!({
                    "name": info.name,
                    "email": info.email,
                    "phone": info.phone,
                    "corporate": info.corporate.unwrap_or(false),
                    "customer_id": null,
                    "object": "customer_info",
                });
                Ok((json, None))
            }
            OrderCustomerInfo::CustomerInfoCustomerId(by_id) => {
                reject_undeclared(&by_id.extra, &[])?;
                let customer = self.customer(&by_id.customer_id)?;
                Ok((customer_info_of(customer), Some(customer.id.clone())))
            }
            _ => Err(ApiFailure::request_shape(
                "customer_info",
                "neither customer details nor a customer_id",
            )),
        }
    }

    /// An order's lines (products, shipping, taxes, discounts) as sent, each
    /// with an id, its `object` and the order as `parent_id`.
    fn lines<T: serde::Serialize>(
        &self,
        parts: Option<&Vec<T>>,
        prefix: &str,
        object: &str,
        order_id: &str,
    ) -> Vec<Value> {
        parts
            .into_iter()
            .flatten()
            .map(|part| {
                object_of(
                    part,
                    &[
                        ("id", Value::from(self.ids().prefixed(prefix))),
                        ("object", Value::from(object)),
                        ("parent_id", Value::from(order_id)),
                    ],
                )
            })
            .collect()
    }

    /// `POST /orders`.
    pub(crate) fn create_order(&mut self, request: OrderRequest) -> Result<Value, ApiFailure> {
        reject_undeclared(&request.extra, &[])?;
        if request.checkout.is_some() {
            return Err(ApiFailure::unsupported(
                "checkout",
                "checkouts (payment links)",
            ));
        }
        if request.pre_authorize == Some(true) {
            return Err(ApiFailure::unsupported(
                "pre_authorize",
                "pre-authorized orders",
            ));
        }
        if request.three_ds_mode.is_some() {
            return Err(ApiFailure::unsupported("three_ds_mode", "3-D Secure"));
        }
        if request.line_items.is_empty() {
            return Err(ApiFailure::invalid(
                "line_items",
                "conekta.errors.parameter_validation.line_items.empty",
                "La orden debe tener al menos un producto.",
                "The order must have at least one product.",
            ));
        }
        let mut amount = 0_i64;
        for (index, item) in request.line_items.iter().enumerate() {
            if item.quantity <= 0 || item.unit_price < 0 {
                let field = if item.quantity <= 0 {
                    "quantity"
                } else {
                    "unit_price"
                };
                let param = format!("line_items[{index}].{field}");
                return Err(ApiFailure::invalid(
                    &param,
                    &format!("conekta.errors.parameter_validation.line_items.{field}.invalid"),
                    &format!("\"{param}\" no es válido."),
                    &format!("\"{param}\" is invalid."),
                ));
            }
            amount += i64::from(item.unit_price) * i64::from(item.quantity);
        }
        amount += request
            .shipping_lines
            .iter()
            .flatten()
            .map(|line| line.amount)
            .sum::<i64>();
        amount += request
            .tax_lines
            .iter()
            .flatten()
            .map(|line| line.amount)
            .sum::<i64>();
        amount -= request
            .discount_lines
            .iter()
            .flatten()
            .map(|line| line.amount)
            .sum::<i64>();

        let (customer_info, customer_id) = self.customer_info(&request.customer_info)?;
        let charges = request.charges.as_deref().unwrap_or_default();
        let single_amount = (charges.len() == 1).then_some(amount);
        let drafts = charges
            .iter()
            .enumerate()
            .map(|(index, charge)| {
                self.charge_draft(charge, index, single_amount, customer_id.as_deref())
            })
            .collect::<Result<Vec<_>, _>>()?;
        if !drafts.is_empty() && drafts.iter().map(|draft| draft.amount).sum::<i64>() != amount {
            return Err(ApiFailure::invalid(
                "amount",
                "conekta.errors.parameter_validation.combo.order.amount.invalid_charges_amount",
                "The order amount does not match with the sum of charges amounts.",
                "The order amount does not match with the sum of charges amounts.",
            ));
        }
        if drafts.iter().any(|draft| {
            matches!(draft.method, ChargeMethod::Card { .. }) && draft.amount < CARD_MINIMUM
        }) {
            return Err(ApiFailure::invalid(
                "amount",
                "conekta.errors.parameter_validation.combo.order.currency_type.card.minimum",
                "The amount has to be at least 3.00 MXN.",
                "The amount has to be at least 3.00 MXN.",
            ));
        }

        let id = self.ids().prefixed("ord_");
        let line_items = self.lines(Some(&request.line_items), "line_item_", "line_item", &id);
        let shipping_lines = self.lines(
            request.shipping_lines.as_ref(),
            "ship_lin_",
            "shipping_line",
            &id,
        );
        let tax_lines = self.lines(request.tax_lines.as_ref(), "tax_lin_", "tax_line", &id);
        let discount_lines = self.lines(
            request.discount_lines.as_ref(),
            "dis_lin_",
            "discount_line",
            &id,
        );
        let created_at = now();
        let shipping_contact = request.shipping_contact.as_ref().map(|contact| {
            object_of(
                contact,
                &[
                    ("id", Value::from(self.ids().prefixed("ship_cont_"))),
                    ("object", Value::from("shipping_contact")),
                    ("created_at", Value::from(created_at)),
                ],
            )
        });
        let fiscal_entity = request.fiscal_entity.as_ref().map(|entity| {
            object_of(
                entity,
                &[
                    ("id", Value::from(self.ids().prefixed("fis_ent_"))),
                    ("object", Value::from("fiscal_entity")),
                    ("created_at", Value::from(created_at)),
                ],
            )
        });
        let charges = drafts
            .into_iter()
            .map(|draft| Charge {
                id: self.ids().hex(),
                created_at,
                amount: draft.amount,
                currency: request.currency.clone(),
                status: PaymentStatus::PendingPayment,
                paid_at: None,
                customer_id: customer_id.clone(),
                order_id: id.clone(),
                reference_id: draft.reference_id,
                failure: None,
                monthly_installments: draft.monthly_installments,
                method: draft.method,
                refunds: Vec::new(),
            })
            .collect();
        let order = Order {
            id,
            created_at,
            updated_at: created_at,
            currency: request.currency,
            amount,
            amount_refunded: 0,
            payment_status: None,
            customer_info,
            line_items,
            shipping_lines,
            tax_lines,
            discount_lines,
            shipping_contact,
            fiscal_entity,
            metadata: request.metadata.unwrap_or_default(),
            processing_mode: request
                .processing_mode
                .map(|mode| Value::from(mode.as_str())),
            charges,
        };
        let (json, decline) = self.place(order);
        match decline {
            Some(decline) => Err(ApiFailure::declined(decline, json)),
            None => Ok(json),
        }
    }
}
