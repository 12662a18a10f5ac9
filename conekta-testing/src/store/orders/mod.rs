//! Orders, their charges and refunds: `/orders`, `/charges`, and the payers
//! the fake simulates (cash at OXXO, SPEI transfers, recurrent cash).
//!
//! A card charge is settled when its order is created (paid, or declined by
//! the test card); a cash or SPEI charge waits, `pending_payment`, until the
//! payer pays ([`Store::pay`]).
//!
//! The types and their rendering are here; creating orders is in `create`,
//! what happens to them afterwards in `payments`, the sample orders of the
//! event fixtures in `samples`.

mod create;
mod payments;
mod samples;

use conekta_sdk::EventType;
use conekta_sdk::models::{Currency, PaymentStatus};
use serde_json::{Map, Value, json};

use super::customers::SANDBOX_BARCODE_URL;
use super::{Customer, ListParams, Store, nested_list, now, page};
use crate::server::failure::ApiFailure;
use crate::tokens::{Decline, Outcome, TestCard};

pub(crate) use samples::SampleMethod;

/// How long a cash reference or a CLABE stays payable when the request does
/// not say: Conekta's documented default for cash (30 days), also used for
/// SPEI (whose default is not public).
const DEFAULT_EXPIRY_SECONDS: i64 = 30 * 24 * 60 * 60;

/// An order.
#[derive(Debug, Clone)]
pub(crate) struct Order {
    pub(crate) id: String,
    created_at: i64,
    updated_at: i64,
    currency: Currency,
    pub(crate) amount: i64,
    amount_refunded: i64,
    payment_status: Option<PaymentStatus>,
    customer_info: Value,
    line_items: Vec<Value>,
    shipping_lines: Vec<Value>,
    tax_lines: Vec<Value>,
    discount_lines: Vec<Value>,
    shipping_contact: Option<Value>,
    fiscal_entity: Option<Value>,
    metadata: Map<String, Value>,
    processing_mode: Option<Value>,
    pub(crate) charges: Vec<Charge>,
}

/// A charge of an order.
#[derive(Debug, Clone)]
pub(crate) struct Charge {
    pub(crate) id: String,
    created_at: i64,
    amount: i64,
    currency: Currency,
    status: PaymentStatus,
    paid_at: Option<i64>,
    customer_id: Option<String>,
    order_id: String,
    reference_id: Option<String>,
    failure: Option<Decline>,
    monthly_installments: Option<i8>,
    pub(crate) method: ChargeMethod,
    refunds: Vec<Refund>,
}

/// How a charge is paid.
#[derive(Debug, Clone)]
pub(crate) enum ChargeMethod {
    /// A test card (by token, saved source or number).
    Card {
        card: &'static TestCard,
        name: String,
        exp_month: String,
        exp_year: String,
        auth_code: Option<String>,
    },
    /// Cash at OXXO, by reference.
    Oxxo {
        reference: String,
        expires_at: i64,
        auth_code: Option<i64>,
    },
    /// A payment at a store with a customer's recurrent cash reference.
    RecurrentCash { reference: String, auth_code: i64 },
    /// A SPEI transfer to a CLABE.
    Spei {
        clabe: String,
        expires_at: i64,
        tracking_code: Option<String>,
    },
}

/// A refund of a charge.
#[derive(Debug, Clone)]
struct Refund {
    id: String,
    amount: i64,
    created_at: i64,
    reason: String,
    auth_code: Option<String>,
}

/// Who pays a charge that waits for its payer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Payer {
    /// Cash at OXXO, with the charge's reference.
    Cash,
    /// A SPEI transfer to the charge's CLABE.
    Spei,
}

impl Payer {
    fn name(self) -> &'static str {
        match self {
            Self::Cash => "OXXO cash",
            Self::Spei => "SPEI",
        }
    }
}

impl ChargeMethod {
    fn to_json(&self) -> Value {
        match self {
            Self::Card {
                card,
                name,
                exp_month,
                exp_year,
                auth_code,
            } => json!({
                "object": "card_payment",
                "type": "credit",
                "name": name,
                "exp_month": exp_month,
                "exp_year": exp_year,
                "auth_code": auth_code,
                "last4": card.last4(),
                "brand": card.brand,
                "issuer": card.issuer,
                "account_type": "Credit",
                "country": "MX",
                "fraud_indicators": [],
            }),
            Self::Oxxo {
                reference,
                expires_at,
                auth_code,
            } => json!({
                "object": "cash_payment",
                "type": "oxxo",
                "service_name": "OxxoPay",
                "store_name": "OXXO",
                "reference": reference,
                "barcode_url": SANDBOX_BARCODE_URL,
                "expires_at": expires_at,
                "auth_code": auth_code,
                "cashier_id": null,
                "store": null,
            }),
            Self::RecurrentCash {
                reference,
                auth_code,
            } => json!({
                "object": "cash_payment",
                "type": "cash",
                "service_name": "Cash",
                "reference": reference,
                "barcode": reference,
                "barcode_url": SANDBOX_BARCODE_URL,
                "expires_at": 0,
                "auth_code": auth_code,
                "store": null,
            }),
            Self::Spei {
                clabe,
                expires_at,
                tracking_code,
            } => json!({
                "object": "bank_transfer_payment",
                "type": "spei",
                "bank": "STP",
                "clabe": clabe,
                "receiving_account_number": clabe,
                "receiving_account_bank": "STP",
                "receiving_account_holder_name": null,
                "receiving_account_tax_id": null,
                "issuing_account_bank": tracking_code.as_ref().map(|_| "BBVA MEXICO"),
                "issuing_account_number": null,
                "issuing_account_holder_name": null,
                "issuing_account_tax_id": null,
                "reference_number": null,
                "tracking_code": tracking_code,
                "executed_at": null,
                "expires_at": expires_at,
                "payment_attempts": [],
                "description": null,
            }),
        }
    }
}

impl Charge {
    /// The charge as Conekta renders it (in an order's `charges`, in
    /// `charge.*` events and in `GET /charges`).
    pub(crate) fn to_json(&self) -> Value {
        let refunds: Vec<Value> = self
            .refunds
            .iter()
            .map(|refund| {
                json!({
                    "id": refund.id,
                    "object": "refund",
                    // Conekta lists refunds with negative amounts.
                    "amount": -refund.amount,
                    "created_at": refund.created_at,
                    "auth_code": refund.auth_code,
                    "reason": refund.reason,
                })
            })
            .collect();
        json!({
            "id": self.id,
            "object": "charge",
            "livemode": false,
            "created_at": self.created_at,
            "currency": self.currency,
            "amount": self.amount,
            "status": self.status,
            "description": "Payment from order",
            "paid_at": self.paid_at,
            "failure_code": self.failure.map(Decline::failure_code),
            "failure_message": self.failure.map(Decline::message_es),
            "monthly_installments": self.monthly_installments,
            "device_fingerprint": null,
            "reference_id": self.reference_id,
            "customer_id": self.customer_id,
            "order_id": self.order_id,
            "payment_method": self.method.to_json(),
            "refunds": if refunds.is_empty() { Value::Null } else { nested_list(refunds) },
        })
    }

    fn refunded(&self) -> i64 {
        self.refunds.iter().map(|refund| refund.amount).sum()
    }
}

impl Order {
    /// The order as `GET /orders/{id}` answers it.
    pub(crate) fn to_json(&self) -> Value {
        let optional_list = |lines: &[Value]| {
            if lines.is_empty() {
                Value::Null
            } else {
                nested_list(lines.to_vec())
            }
        };
        let refundable = self.charges.iter().any(|charge| {
            matches!(charge.method, ChargeMethod::Card { .. }) && is_refundable(charge)
        });
        json!({
            "id": self.id,
            "object": "order",
            "livemode": false,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "currency": self.currency,
            "amount": self.amount,
            "amount_refunded": self.amount_refunded,
            "payment_status": self.payment_status,
            "customer_info": self.customer_info,
            "line_items": optional_list(&self.line_items),
            "shipping_lines": optional_list(&self.shipping_lines),
            "tax_lines": optional_list(&self.tax_lines),
            "discount_lines": optional_list(&self.discount_lines),
            "shipping_contact": self.shipping_contact,
            "fiscal_entity": self.fiscal_entity,
            "metadata": self.metadata,
            "processing_mode": self.processing_mode,
            "is_refundable": refundable,
            "charges": nested_list(self.charges.iter().map(Charge::to_json).collect()),
        })
    }

    /// The order's status from its charges'.
    fn settle_status(&mut self) {
        let statuses: Vec<&PaymentStatus> =
            self.charges.iter().map(|charge| &charge.status).collect();
        self.payment_status = if statuses.is_empty() {
            None
        } else if statuses.contains(&&PaymentStatus::Declined) {
            Some(PaymentStatus::Declined)
        } else if statuses.iter().all(|s| **s == PaymentStatus::Paid) {
            Some(PaymentStatus::Paid)
        } else {
            Some(PaymentStatus::PendingPayment)
        };
        self.updated_at = now();
    }
}

fn is_refundable(charge: &Charge) -> bool {
    matches!(
        charge.status,
        PaymentStatus::Paid | PaymentStatus::PartiallyRefunded
    )
}

/// A random 6-digit authorisation code.
fn auth_code() -> String {
    format!("{:06}", fastrand::u32(..1_000_000))
}

/// An order's `customer_info` for a stored customer.
fn customer_info_of(customer: &Customer) -> Value {
    json!({
        "name": customer.name,
        "email": customer.email,
        "phone": customer.phone,
        "corporate": false,
        "customer_id": customer.id,
        "object": "customer_info",
    })
}

impl Store {
    /// Stores a new order and settles its card charges, emitting each step's
    /// event: `order.created`, `charge.created` for each charge, then
    /// `charge.paid` or `charge.declined` for card charges, and
    /// `order.paid`, `order.declined` or `order.pending_payment`. Returns the
    /// order and the decline of a declined card.
    pub(crate) fn place(&mut self, mut order: Order) -> (Value, Option<Decline>) {
        order.payment_status = (!order.charges.is_empty()).then_some(PaymentStatus::PendingPayment);
        self.emit(EventType::OrderCreated, order.to_json());
        for charge in &order.charges {
            self.emit(EventType::ChargeCreated, charge.to_json());
        }
        let mut decline = None;
        let mut settled = Vec::new();
        for charge in &mut order.charges {
            let ChargeMethod::Card {
                card, auth_code, ..
            } = &mut charge.method
            else {
                continue;
            };
            match card.outcome {
                Outcome::Paid => {
                    *auth_code = Some(self::auth_code());
                    charge.status = PaymentStatus::Paid;
                    charge.paid_at = Some(now());
                    settled.push((EventType::ChargePaid, charge.to_json()));
                }
                Outcome::Declined(reason) => {
                    charge.status = PaymentStatus::Declined;
                    charge.failure = Some(reason);
                    decline = Some(reason);
                    settled.push((EventType::ChargeDeclined, charge.to_json()));
                }
            }
        }
        for (kind, charge) in settled {
            self.emit(kind, charge);
        }
        order.settle_status();
        let json = order.to_json();
        let kind = match order.payment_status {
            Some(PaymentStatus::Paid) => Some(EventType::OrderPaid),
            Some(PaymentStatus::Declined) => Some(EventType::OrderDeclined),
            Some(PaymentStatus::PendingPayment) => Some(EventType::OrderPendingPayment),
            _ => None,
        };
        self.orders.push(order);
        if let Some(kind) = kind {
            self.emit(kind, json.clone());
        }
        (json, decline)
    }

    /// `GET /orders` (filter: `payment_status`).
    pub(crate) fn list_orders(
        &self,
        params: &ListParams,
        payment_status: Option<&str>,
    ) -> Result<Value, ApiFailure> {
        let items: Vec<&Order> = self
            .orders
            .iter()
            .rev()
            .filter(|order| {
                payment_status.is_none_or(|wanted| {
                    order
                        .payment_status
                        .as_ref()
                        .is_some_and(|s| s.as_str() == wanted)
                })
            })
            .collect();
        page(
            &items,
            params,
            &self.base_url,
            "/orders",
            |o| &o.id,
            Order::to_json,
        )
    }

    /// `GET /charges`.
    pub(crate) fn list_charges(&self, params: &ListParams) -> Result<Value, ApiFailure> {
        let items: Vec<&Charge> = self
            .orders
            .iter()
            .rev()
            .flat_map(|order| order.charges.iter().rev())
            .collect();
        page(
            &items,
            params,
            &self.base_url,
            "/charges",
            |c| &c.id,
            Charge::to_json,
        )
    }

    /// The order `id`.
    fn order_mut(&mut self, id: &str) -> Result<&mut Order, ApiFailure> {
        self.orders
            .iter_mut()
            .find(|order| order.id == id)
            .ok_or_else(|| ApiFailure::not_found("Order", id))
    }

    /// `GET /orders/{id}`.
    pub(crate) fn order(&mut self, id: &str) -> Result<Value, ApiFailure> {
        Ok(self.order_mut(id)?.to_json())
    }
}
