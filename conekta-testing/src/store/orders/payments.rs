//! What happens to an order after it is created: the simulated payers
//! ([`Store::pay`], recurrent cash), refunds, cancellation, reversal, and the
//! card orders that bill subscriptions.

use conekta_sdk::EventType;
use conekta_sdk::models::{Currency, OrderRefundRequest, PaymentStatus};
use serde_json::{Map, Value, json};

use super::super::customers::unknown_source;
use super::super::{SourceKind, Store, now, reject_undeclared};
use super::{Charge, ChargeMethod, Order, Payer, Refund, customer_info_of, is_refundable};
use crate::error::FakeError;
use crate::server::failure::ApiFailure;
use crate::tokens::Decline;

impl Store {
    /// A card order of one line item for `customer_id`, charged to its card
    /// source `source_id`: how subscriptions bill.
    pub(crate) fn charge_saved_card(
        &mut self,
        customer_id: &str,
        source_id: &str,
        item_name: &str,
        amount: i64,
        currency: Currency,
    ) -> Result<(Value, Option<Decline>), ApiFailure> {
        let customer = self.customer(customer_id)?;
        let info = customer_info_of(customer);
        let (source, _) = customer
            .card_source(Some(source_id))
            .ok_or_else(|| unknown_source("card_id", source_id))?;
        let method = match &source.kind {
            SourceKind::Card {
                card,
                name,
                exp_month,
                exp_year,
            } => ChargeMethod::Card {
                card,
                name: name.clone(),
                exp_month: exp_month.clone(),
                exp_year: exp_year.clone(),
                auth_code: None,
            },
            _ => return Err(unknown_source("card_id", source_id)),
        };
        let id = self.ids().prefixed("ord_");
        let created_at = now();
        let item = json!({
            "id": self.ids().prefixed("line_item_"),
            "object": "line_item",
            "name": item_name,
            "unit_price": amount,
            "quantity": 1,
            "parent_id": id,
        });
        let charge = Charge {
            id: self.ids().hex(),
            created_at,
            amount,
            currency: currency.clone(),
            status: PaymentStatus::PendingPayment,
            paid_at: None,
            customer_id: Some(customer_id.to_owned()),
            order_id: id.clone(),
            reference_id: None,
            failure: None,
            monthly_installments: None,
            method,
            refunds: Vec::new(),
        };
        let order = Order {
            id,
            created_at,
            updated_at: created_at,
            currency,
            amount,
            amount_refunded: 0,
            payment_status: None,
            customer_info: info,
            line_items: vec![item],
            shipping_lines: Vec::new(),
            tax_lines: Vec::new(),
            discount_lines: Vec::new(),
            shipping_contact: None,
            fiscal_entity: None,
            metadata: Map::new(),
            processing_mode: Some(Value::from("recurrent")),
            charges: vec![charge],
        };
        Ok(self.place(order))
    }

    /// `POST /orders/{id}/refunds`: refunds `amount` of the order's paid card
    /// charge; `charge.refunded`, then `order.partially_refunded` or
    /// `order.refunded`.
    pub(crate) fn refund_order(
        &mut self,
        id: &str,
        request: OrderRefundRequest,
    ) -> Result<Value, ApiFailure> {
        reject_undeclared(&request.extra, &[])?;
        if request.expires_at.is_some() {
            return Err(ApiFailure::unsupported("expires_at", "cash refunds"));
        }
        let refund_id = self.ids().hex();
        let order = self.order_mut(id)?;
        let Some(charge) = order
            .charges
            .iter_mut()
            .find(|charge| is_refundable(charge))
        else {
            return Err(ApiFailure::precondition(
                "conekta.errors.precondition_required.order.refund.not_paid",
                "La orden no tiene un cargo pagado que reembolsar.",
                "The order has no paid charge to refund.",
            ));
        };
        let auth_code = match &charge.method {
            ChargeMethod::Card { auth_code, .. } => auth_code.clone(),
            _ => {
                return Err(ApiFailure::unsupported(
                    "id",
                    "refunds of cash and SPEI charges",
                ));
            }
        };
        let remaining = charge.amount - charge.refunded();
        if request.amount <= 0 || request.amount > remaining {
            return Err(ApiFailure::processing(
                "conekta.errors.processing.refund.amount",
                "El monto a reembolsar excede el total del cargo.",
                "The amount to refund exceeds the charge total.",
            ));
        }
        charge.refunds.push(Refund {
            id: refund_id,
            amount: request.amount,
            created_at: now(),
            reason: request.reason.as_str().to_owned(),
            auth_code,
        });
        let fully = charge.refunded() == charge.amount;
        charge.status = if fully {
            PaymentStatus::Refunded
        } else {
            PaymentStatus::PartiallyRefunded
        };
        let charge_json = charge.to_json();
        order.amount_refunded += request.amount;
        let fully = order.amount_refunded >= order.amount;
        order.payment_status = Some(if fully {
            PaymentStatus::Refunded
        } else {
            PaymentStatus::PartiallyRefunded
        });
        order.updated_at = now();
        let json = order.to_json();
        self.emit(EventType::ChargeRefunded, charge_json);
        let kind = if fully {
            EventType::OrderRefunded
        } else {
            EventType::OrderPartiallyRefunded
        };
        self.emit(kind, json.clone());
        Ok(json)
    }

    /// `POST /orders/{id}/cancel`: an order that waits for payment; its
    /// pending charges are canceled; `order.canceled`.
    pub(crate) fn cancel_order(&mut self, id: &str) -> Result<Value, ApiFailure> {
        let order = self.order_mut(id)?;
        if !matches!(
            order.payment_status,
            None | Some(PaymentStatus::PendingPayment)
        ) {
            return Err(ApiFailure::precondition(
                "conekta.errors.precondition_required.order.cannot_be_canceled",
                "Sólo se puede cancelar una orden pendiente de pago.",
                "Only an order pending payment can be canceled.",
            ));
        }
        for charge in &mut order.charges {
            charge.status = PaymentStatus::Canceled;
        }
        order.payment_status = Some(PaymentStatus::Canceled);
        order.updated_at = now();
        let json = order.to_json();
        self.emit(EventType::OrderCanceled, json.clone());
        Ok(json)
    }

    /// The payer pays the order's pending OXXO charge (`Payer::Cash`) or
    /// transfers to its CLABE (`Payer::Spei`): `charge.paid`, then
    /// `order.paid` once every charge is paid.
    pub(crate) fn pay(&mut self, id: &str, payer: Payer) -> Result<Value, FakeError> {
        let order = self
            .orders
            .iter_mut()
            .find(|order| order.id == id)
            .ok_or_else(|| FakeError::UnknownOrder(id.to_owned()))?;
        let not_payable = |reason: String| FakeError::NotPayable {
            order_id: id.to_owned(),
            reason,
        };
        let waiting = |charge: &Charge| {
            charge.status == PaymentStatus::PendingPayment
                && matches!(
                    (payer, &charge.method),
                    (Payer::Cash, ChargeMethod::Oxxo { .. })
                        | (Payer::Spei, ChargeMethod::Spei { .. })
                )
        };
        let Some(charge) = order.charges.iter_mut().find(|charge| waiting(charge)) else {
            return Err(not_payable(format!(
                "it has no {} charge pending payment",
                payer.name()
            )));
        };
        let expires_at = match &mut charge.method {
            ChargeMethod::Oxxo {
                auth_code,
                expires_at,
                ..
            } => {
                *auth_code = Some(i64::from(fastrand::u32(10_000_000..100_000_000)));
                *expires_at
            }
            ChargeMethod::Spei {
                tracking_code,
                expires_at,
                ..
            } => {
                *tracking_code = Some(format!("MBAN{:016}", fastrand::u64(..10_u64.pow(16))));
                *expires_at
            }
            ChargeMethod::Card { .. } | ChargeMethod::RecurrentCash { .. } => {
                return Err(not_payable(format!(
                    "it has no {} charge pending payment",
                    payer.name()
                )));
            }
        };
        if expires_at <= now() {
            return Err(not_payable(format!(
                "its {} reference expired at {expires_at}",
                payer.name()
            )));
        }
        charge.status = PaymentStatus::Paid;
        charge.paid_at = Some(now());
        let charge_json = charge.to_json();
        order.settle_status();
        let json = order.to_json();
        let paid = order.payment_status == Some(PaymentStatus::Paid);
        self.emit(EventType::ChargePaid, charge_json);
        if paid {
            self.emit(EventType::OrderPaid, json.clone());
        }
        Ok(json)
    }

    /// A recurrent cash payment the merchant approved: a paid order with one
    /// cash charge of `amount` for the reference's owner; `charge.paid`.
    pub(crate) fn record_recurrent_payment(
        &mut self,
        reference: &str,
        amount: i64,
        charge_id: String,
    ) -> Result<Value, FakeError> {
        let customer = self
            .cash_reference_owner(reference)
            .ok_or_else(|| FakeError::UnknownReference(reference.to_owned()))?;
        let customer_id = customer.id.clone();
        let info = customer_info_of(customer);
        let id = self.ids().prefixed("ord_");
        let at = now();
        let charge = Charge {
            id: charge_id,
            created_at: at,
            amount,
            currency: Currency::Mxn,
            status: PaymentStatus::Paid,
            paid_at: Some(at),
            customer_id: Some(customer_id),
            order_id: id.clone(),
            reference_id: None,
            failure: None,
            monthly_installments: None,
            method: ChargeMethod::RecurrentCash {
                reference: reference.to_owned(),
                auth_code: i64::from(fastrand::u32(10_000_000..100_000_000)),
            },
            refunds: Vec::new(),
        };
        let charge_json = charge.to_json();
        let order = Order {
            id,
            created_at: at,
            updated_at: at,
            currency: Currency::Mxn,
            amount,
            amount_refunded: 0,
            payment_status: Some(PaymentStatus::Paid),
            customer_info: info,
            line_items: Vec::new(),
            shipping_lines: Vec::new(),
            tax_lines: Vec::new(),
            discount_lines: Vec::new(),
            shipping_contact: None,
            fiscal_entity: None,
            metadata: Map::new(),
            processing_mode: None,
            charges: vec![charge],
        };
        let json = order.to_json();
        self.orders.push(order);
        self.emit(EventType::ChargePaid, charge_json);
        Ok(json)
    }

    /// Reverses the last paid recurrent cash payment of `reference` (the
    /// sandbox's `inbound_payment.reverse`): the charge and its order become
    /// `reversed`; `charge.reversed`, then `order.reversed`.
    pub(crate) fn reverse_recurrent_payment(
        &mut self,
        reference: &str,
    ) -> Result<Value, FakeError> {
        let order = self
            .orders
            .iter_mut()
            .rev()
            .find(|order| {
                order.charges.iter().any(|charge| {
                    charge.status == PaymentStatus::Paid
                        && matches!(&charge.method, ChargeMethod::RecurrentCash { reference: r, .. } if r == reference)
                })
            })
            .ok_or_else(|| FakeError::NothingToReverse(reference.to_owned()))?;
        for charge in &mut order.charges {
            charge.status = PaymentStatus::Reversed;
            charge.paid_at = None;
        }
        order.payment_status = Some(PaymentStatus::Reversed);
        order.updated_at = now();
        let charges: Vec<Value> = order.charges.iter().map(Charge::to_json).collect();
        let json = order.to_json();
        for charge in charges {
            self.emit(EventType::ChargeReversed, charge);
        }
        self.emit(EventType::OrderReversed, json.clone());
        Ok(json)
    }
}
