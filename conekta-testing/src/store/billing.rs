//! Plans and subscriptions: `/plans` and a customer's subscriptions
//! (`/customers/{id}/subscription`, `/customers/{customer_id}/subscriptions`).
//!
//! Subscribing bills the plan at once to the customer's card (an order, as
//! Conekta bills each cycle): `subscription.created`, then
//! `subscription.paid` or, for a declined card, `subscription.payment_failed`
//! and the status `past_due`. A trial (`trial_end`, or the plan's
//! `trial_period_days`) bills nothing now. Later cycles are not billed: the
//! fake does not let time pass.

use conekta_sdk::EventType;
use conekta_sdk::models::{
    Currency, PlanRequest, SubscriptionRequest, SubscriptionStatus, UpdatePlan,
    UpdatesASubscription,
};
use serde_json::{Value, json};

use super::{ListParams, Store, now, page, reject_undeclared};
use crate::server::failure::ApiFailure;

const DAY: i64 = 24 * 60 * 60;

/// A plan.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    id: String,
    created_at: i64,
    name: String,
    amount: i64,
    currency: Currency,
    interval: String,
    frequency: i64,
    expiry_count: Option<i64>,
    trial_period_days: Option<i64>,
    max_retries: Option<i64>,
    retry_delay_hours: Option<i64>,
}

impl Plan {
    fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "object": "plan",
            "livemode": false,
            "created_at": self.created_at,
            "name": self.name,
            "amount": self.amount,
            "currency": self.currency,
            "interval": self.interval,
            "frequency": self.frequency,
            "expiry_count": self.expiry_count,
            "trial_period_days": self.trial_period_days,
            "max_retries": self.max_retries,
            "retry_delay_hours": self.retry_delay_hours,
        })
    }

    /// The length of one billing cycle, in seconds.
    fn cycle(&self) -> i64 {
        let days = match self.interval.as_str() {
            "week" => 7,
            "half_month" => 15,
            "year" => 365,
            _ => 30,
        };
        days * DAY * self.frequency.max(1)
    }
}

/// A subscription of a customer to a plan.
#[derive(Debug, Clone)]
pub(crate) struct Subscription {
    id: String,
    created_at: i64,
    plan_id: String,
    customer_id: String,
    card_id: String,
    status: SubscriptionStatus,
    subscription_start: i64,
    billing_cycle_start: Option<i64>,
    billing_cycle_end: Option<i64>,
    trial_start: Option<i64>,
    trial_end: Option<i64>,
    paused_at: Option<i64>,
    canceled_at: Option<i64>,
    last_billing_cycle_order_id: Option<String>,
    charge_id: Option<String>,
}

impl Subscription {
    /// The subscription as Conekta answers it.
    pub(crate) fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "object": "subscription",
            "created_at": self.created_at,
            "status": self.status,
            "plan_id": self.plan_id,
            "customer_id": self.customer_id,
            "card_id": self.card_id,
            "subscription_start": self.subscription_start,
            "billing_cycle_start": self.billing_cycle_start,
            "billing_cycle_end": self.billing_cycle_end,
            "trial_start": self.trial_start,
            "trial_end": self.trial_end,
            "paused_at": self.paused_at,
            "canceled_at": self.canceled_at,
            "last_billing_cycle_order_id": self.last_billing_cycle_order_id,
            "charge_id": self.charge_id,
        })
    }
}

/// A change of a subscription's status.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Transition {
    Cancel,
    Pause,
    Resume,
}

impl Store {
    /// `GET /plans`.
    pub(crate) fn list_plans(&self, params: &ListParams) -> Result<Value, ApiFailure> {
        let items: Vec<&Plan> = self.plans.iter().rev().collect();
        page(
            &items,
            params,
            &self.base_url,
            "/plans",
            |p| &p.id,
            Plan::to_json,
        )
    }

    /// `POST /plans`.
    pub(crate) fn create_plan(&mut self, request: PlanRequest) -> Result<Value, ApiFailure> {
        reject_undeclared(&request.extra, &[])?;
        if request.amount <= 0 || request.frequency <= 0 {
            let param = if request.amount <= 0 {
                "amount"
            } else {
                "frequency"
            };
            return Err(ApiFailure::invalid(
                param,
                &format!("conekta.errors.parameter_validation.{param}.number_is_not_greater_than"),
                &format!("\"{param}\" no es mayor a 0."),
                &format!("\"{param}\" is not greater than 0."),
            ));
        }
        let id = match request.id {
            Some(id) if self.plans.iter().any(|plan| plan.id == id) => {
                return Err(ApiFailure::invalid(
                    "id",
                    "conekta.errors.parameter_validation.plan.id.already_exists",
                    &format!("Ya existe un plan con el id \"{id}\"."),
                    &format!("A plan with the id \"{id}\" already exists."),
                ));
            }
            Some(id) => id,
            None => self.ids().prefixed("plan_"),
        };
        let plan = Plan {
            id,
            created_at: now(),
            name: request.name,
            amount: request.amount,
            currency: request.currency.unwrap_or(Currency::Mxn),
            interval: request.interval.as_str().to_owned(),
            frequency: request.frequency,
            expiry_count: request.expiry_count,
            trial_period_days: request.trial_period_days,
            max_retries: request.max_retries,
            retry_delay_hours: request.retry_delay_hours,
        };
        let json = plan.to_json();
        self.plans.push(plan);
        self.emit(EventType::PlanCreated, json.clone());
        Ok(json)
    }

    fn plan_mut(&mut self, id: &str) -> Result<&mut Plan, ApiFailure> {
        self.plans
            .iter_mut()
            .find(|plan| plan.id == id)
            .ok_or_else(|| ApiFailure::not_found("Plan", id))
    }

    /// `GET /plans/{id}`.
    pub(crate) fn plan(&mut self, id: &str) -> Result<Value, ApiFailure> {
        Ok(self.plan_mut(id)?.to_json())
    }

    /// `PUT /plans/{id}`.
    pub(crate) fn update_plan(
        &mut self,
        id: &str,
        request: UpdatePlan,
    ) -> Result<Value, ApiFailure> {
        reject_undeclared(&request.extra, &[])?;
        let plan = self.plan_mut(id)?;
        if let Some(name) = request.name {
            plan.name = name;
        }
        if let Some(amount) = request.amount {
            plan.amount = amount;
        }
        if let Some(currency) = request.currency {
            plan.currency = currency;
        }
        if request.expiry_count.is_some() {
            plan.expiry_count = request.expiry_count;
        }
        let json = plan.to_json();
        self.emit(EventType::PlanUpdated, json.clone());
        Ok(json)
    }

    /// `DELETE /plans/{id}`.
    pub(crate) fn delete_plan(&mut self, id: &str) -> Result<Value, ApiFailure> {
        let position = self
            .plans
            .iter()
            .position(|plan| plan.id == id)
            .ok_or_else(|| ApiFailure::not_found("Plan", id))?;
        let mut json = self.plans.remove(position).to_json();
        json["deleted"] = Value::Bool(true);
        self.emit(EventType::PlanDeleted, json.clone());
        Ok(json)
    }

    /// `GET /customers/{customer_id}/subscriptions`.
    pub(crate) fn list_subscriptions(
        &self,
        customer_id: &str,
        params: &ListParams,
    ) -> Result<Value, ApiFailure> {
        let customer = self.customer(customer_id)?;
        let items: Vec<&Subscription> = customer.subscriptions.iter().rev().collect();
        page(
            &items,
            params,
            &self.base_url,
            &format!("/customers/{customer_id}/subscriptions"),
            |s| &s.id,
            Subscription::to_json,
        )
    }

    /// Subscribes the customer to `request.plan_id`, billing the first cycle
    /// now unless it starts with a trial.
    pub(crate) fn subscribe(
        &mut self,
        customer_id: &str,
        request: SubscriptionRequest,
    ) -> Result<Value, ApiFailure> {
        reject_undeclared(&request.extra, &[])?;
        let plan = self.plan_mut(&request.plan_id)?.clone();
        let customer = self.customer(customer_id)?;
        let card_id = match customer.card_source(request.card_id.as_deref()) {
            Some((source, _)) => source.id.clone(),
            None => {
                return Err(ApiFailure::invalid(
                    "card_id",
                    "conekta.errors.parameter_validation.subscription.card_id",
                    "El cliente no tiene esa tarjeta.",
                    "The customer has no such card.",
                ));
            }
        };
        let started = now();
        let trial_end = request
            .trial_end
            .map(i64::from)
            .or_else(|| {
                plan.trial_period_days
                    .filter(|days| *days > 0)
                    .map(|days| started + days * DAY)
            })
            .filter(|end| *end > started);
        let mut subscription = Subscription {
            id: self.ids().prefixed("sub_"),
            created_at: started,
            plan_id: plan.id.clone(),
            customer_id: customer_id.to_owned(),
            card_id,
            status: SubscriptionStatus::InTrial,
            subscription_start: started,
            billing_cycle_start: None,
            billing_cycle_end: trial_end,
            trial_start: trial_end.map(|_| started),
            trial_end,
            paused_at: None,
            canceled_at: None,
            last_billing_cycle_order_id: None,
            charge_id: None,
        };
        let payment = if trial_end.is_some() {
            None
        } else {
            Some(self.bill(&mut subscription, &plan)?)
        };
        let json = subscription.to_json();
        self.customer_mut(customer_id)?
            .subscriptions
            .push(subscription);
        self.emit(EventType::SubscriptionCreated, json.clone());
        match payment {
            Some(true) => self.emit(EventType::SubscriptionPaid, json.clone()),
            Some(false) => self.emit(EventType::SubscriptionPaymentFailed, json.clone()),
            None => {}
        }
        Ok(json)
    }

    /// Bills one cycle of `plan` to the subscription's card; whether it was paid.
    fn bill(&mut self, subscription: &mut Subscription, plan: &Plan) -> Result<bool, ApiFailure> {
        let (order, decline) = self.charge_saved_card(
            &subscription.customer_id,
            &subscription.card_id,
            &plan.name,
            plan.amount,
            plan.currency.clone(),
        )?;
        let start = now();
        subscription.last_billing_cycle_order_id = order["id"].as_str().map(str::to_owned);
        subscription.charge_id = order["charges"]["data"][0]["id"]
            .as_str()
            .map(str::to_owned);
        subscription.billing_cycle_start = Some(start);
        subscription.billing_cycle_end = Some(start + plan.cycle());
        subscription.status = if decline.is_some() {
            SubscriptionStatus::PastDue
        } else {
            SubscriptionStatus::Active
        };
        Ok(decline.is_none())
    }

    /// The subscription `id` of the customer, or its latest when `id` is
    /// `None` (the singular `/customers/{id}/subscription` routes).
    fn subscription_mut(
        &mut self,
        customer_id: &str,
        id: Option<&str>,
    ) -> Result<&mut Subscription, ApiFailure> {
        let customer = self.customer_mut(customer_id)?;
        let found = match id {
            Some(id) => customer.subscriptions.iter_mut().find(|s| s.id == id),
            None => customer.subscriptions.last_mut(),
        };
        found.ok_or_else(|| ApiFailure::not_found("Subscription", id.unwrap_or(customer_id)))
    }

    /// `GET` a subscription.
    pub(crate) fn subscription(
        &mut self,
        customer_id: &str,
        id: Option<&str>,
    ) -> Result<Value, ApiFailure> {
        Ok(self.subscription_mut(customer_id, id)?.to_json())
    }

    /// `PUT` a subscription: its plan or card; `subscription.updated`.
    pub(crate) fn update_subscription(
        &mut self,
        customer_id: &str,
        id: Option<&str>,
        request: UpdatesASubscription,
    ) -> Result<Value, ApiFailure> {
        reject_undeclared(&request.extra, &[])?;
        if let Some(plan_id) = &request.plan_id {
            self.plan_mut(plan_id)?;
        }
        if let Some(card_id) = &request.card_id {
            if self
                .customer(customer_id)?
                .card_source(Some(card_id))
                .is_none()
            {
                return Err(super::customers::unknown_source("card_id", card_id));
            }
        }
        let subscription = self.subscription_mut(customer_id, id)?;
        if let Some(plan_id) = request.plan_id {
            subscription.plan_id = plan_id;
        }
        if let Some(card_id) = request.card_id {
            subscription.card_id = card_id;
        }
        if let Some(trial_end) = request.trial_end {
            subscription.trial_end = Some(trial_end.into());
        }
        let json = subscription.to_json();
        self.emit(EventType::SubscriptionUpdated, json.clone());
        Ok(json)
    }

    /// Cancels, pauses or resumes a subscription, with its event.
    pub(crate) fn transition_subscription(
        &mut self,
        customer_id: &str,
        id: Option<&str>,
        transition: Transition,
    ) -> Result<Value, ApiFailure> {
        let subscription = self.subscription_mut(customer_id, id)?;
        let at = now();
        let (allowed, kind) = match transition {
            Transition::Cancel => (
                subscription.status != SubscriptionStatus::Canceled,
                EventType::SubscriptionCanceled,
            ),
            Transition::Pause => (
                matches!(
                    subscription.status,
                    SubscriptionStatus::Active | SubscriptionStatus::InTrial
                ),
                EventType::SubscriptionPaused,
            ),
            Transition::Resume => (
                subscription.status == SubscriptionStatus::Paused,
                EventType::SubscriptionResumed,
            ),
        };
        if !allowed {
            return Err(ApiFailure::precondition(
                "conekta.errors.precondition_required.subscription.status",
                &format!("La suscripción está en estado \"{}\".", subscription.status),
                &format!("The subscription's status is \"{}\".", subscription.status),
            ));
        }
        match transition {
            Transition::Cancel => {
                subscription.status = SubscriptionStatus::Canceled;
                subscription.canceled_at = Some(at);
            }
            Transition::Pause => {
                subscription.status = SubscriptionStatus::Paused;
                subscription.paused_at = Some(at);
            }
            Transition::Resume => {
                subscription.status = SubscriptionStatus::Active;
                subscription.paused_at = None;
            }
        }
        let json = subscription.to_json();
        self.emit(kind, json.clone());
        Ok(json)
    }

    /// `POST …/subscriptions/{id}/retry`: bills a `past_due` subscription again.
    pub(crate) fn retry_subscription(
        &mut self,
        customer_id: &str,
        id: &str,
    ) -> Result<Value, ApiFailure> {
        let mut subscription = self.subscription_mut(customer_id, Some(id))?.clone();
        if subscription.status != SubscriptionStatus::PastDue {
            return Err(ApiFailure::precondition(
                "conekta.errors.precondition_required.subscription.status",
                &format!("La suscripción está en estado \"{}\".", subscription.status),
                &format!("The subscription's status is \"{}\".", subscription.status),
            ));
        }
        let plan = self.plan_mut(&subscription.plan_id)?.clone();
        let paid = self.bill(&mut subscription, &plan)?;
        let json = subscription.to_json();
        *self.subscription_mut(customer_id, Some(id))? = subscription;
        let kind = if paid {
            EventType::SubscriptionPaid
        } else {
            EventType::SubscriptionPaymentFailed
        };
        self.emit(kind, json.clone());
        Ok(json)
    }

    /// `GET …/events` of a subscription: the events about it, newest first.
    pub(crate) fn subscription_events(
        &mut self,
        customer_id: &str,
        id: Option<&str>,
        params: &ListParams,
    ) -> Result<Value, ApiFailure> {
        let subscription_id = self.subscription_mut(customer_id, id)?.id.clone();
        let items: Vec<&super::StoredEvent> = self
            .events
            .iter()
            .rev()
            .filter(|event| event.is_about(&subscription_id))
            .collect();
        let path = match id {
            Some(id) => format!("/customers/{customer_id}/subscriptions/{id}/events"),
            None => format!("/customers/{customer_id}/subscription/events"),
        };
        page(
            &items,
            params,
            &self.base_url,
            &path,
            |e| &e.id,
            super::StoredEvent::to_json,
        )
    }
}
