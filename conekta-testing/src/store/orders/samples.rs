//! The sample orders of the event fixtures ([`crate::fixtures`]): rendered
//! by the same code as the fake's own orders.

use conekta_sdk::models::{Currency, PaymentStatus};
use serde_json::{Map, json};

use super::super::now;
use super::{Charge, ChargeMethod, DEFAULT_EXPIRY_SECONDS, Order, Refund, auth_code};
use crate::references::Ids;
use crate::tokens::{self, Decline};

/// The payment method of a sample order ([`Order::sample`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SampleMethod {
    /// Visa 4242.
    Card,
    /// Cash at OXXO.
    Oxxo,
    /// A SPEI transfer.
    Spei,
}

impl Order {
    /// A one-item MXN order of `amount` for a sample customer, with one
    /// charge paid with `method` and in `status` (`paid`, `pending_payment`,
    /// `declined` or `refunded`): the objects of the event fixtures.
    pub(crate) fn sample(
        ids: &Ids,
        amount: i64,
        method: SampleMethod,
        status: PaymentStatus,
    ) -> Self {
        let id = ids.prefixed("ord_");
        let at = now();
        let paid = matches!(status, PaymentStatus::Paid | PaymentStatus::Refunded);
        let method = match method {
            SampleMethod::Card => ChargeMethod::Card {
                card: tokens::by_token(if status == PaymentStatus::Declined {
                    tokens::DECLINED
                } else {
                    tokens::VISA
                })
                .unwrap_or(&tokens::CARDS[0]),
                name: "Ana López".to_owned(),
                exp_month: "12".to_owned(),
                exp_year: "30".to_owned(),
                auth_code: paid.then(auth_code),
            },
            SampleMethod::Oxxo => ChargeMethod::Oxxo {
                reference: ids.oxxo_reference(),
                expires_at: at + DEFAULT_EXPIRY_SECONDS,
                auth_code: paid.then(|| i64::from(fastrand::u32(10_000_000..100_000_000))),
            },
            SampleMethod::Spei => ChargeMethod::Spei {
                clabe: ids.clabe(),
                expires_at: at + DEFAULT_EXPIRY_SECONDS,
                tracking_code: paid.then(|| format!("MBAN{:016}", fastrand::u64(..10_u64.pow(16)))),
            },
        };
        let refunds = if status == PaymentStatus::Refunded {
            vec![Refund {
                id: ids.hex(),
                amount,
                created_at: at,
                reason: "requested_by_client".to_owned(),
                auth_code: None,
            }]
        } else {
            Vec::new()
        };
        let charge = Charge {
            id: ids.hex(),
            created_at: at,
            amount,
            currency: Currency::Mxn,
            status: status.clone(),
            paid_at: paid.then_some(at),
            customer_id: None,
            order_id: id.clone(),
            reference_id: None,
            failure: (status == PaymentStatus::Declined).then_some(Decline::CardDeclined),
            monthly_installments: None,
            method,
            refunds,
        };
        Self {
            line_items: vec![json!({
                "id": ids.prefixed("line_item_"),
                "object": "line_item",
                "name": "Caja de galletas",
                "unit_price": amount,
                "quantity": 1,
                "parent_id": id,
            })],
            id,
            created_at: at,
            updated_at: at,
            currency: Currency::Mxn,
            amount,
            amount_refunded: if status == PaymentStatus::Refunded {
                amount
            } else {
                0
            },
            payment_status: Some(status),
            customer_info: json!({
                "name": "Ana López",
                "email": "ana@example.com",
                "phone": "+5215555555555",
                "corporate": false,
                "customer_id": null,
                "object": "customer_info",
            }),
            shipping_lines: Vec::new(),
            tax_lines: Vec::new(),
            discount_lines: Vec::new(),
            shipping_contact: None,
            fiscal_entity: None,
            metadata: Map::new(),
            processing_mode: None,
            charges: vec![charge],
        }
    }
}
