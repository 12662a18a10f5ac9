//! [`FakeConekta`]: the fake, started in-process on `127.0.0.1`.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use conekta_sdk::models::OrderResponse;
use conekta_sdk::{Client, ClientBuilder};
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::delivery::{self, Job};
use crate::error::FakeError;
use crate::recurrent::RecurrentCashOutcome;
use crate::references::Ids;
use crate::server;
use crate::store::{Payer, Store};

/// The API key a fake accepts unless [`FakeConektaBuilder::api_key`] says
/// otherwise.
pub const DEFAULT_API_KEY: &str = "key_conekta_testing_fake";

/// What the server, the delivery worker and the handle share.
#[derive(Debug)]
pub(crate) struct Shared {
    store: Mutex<Store>,
    /// The one key the fake accepts.
    pub(crate) api_key: String,
    /// Deliveries and the synchronous recurrent cash questions.
    pub(crate) http: reqwest::Client,
    /// `log_id`s of error answers.
    pub(crate) log_ids: Ids,
    jobs: UnboundedSender<Job>,
}

impl Shared {
    /// The store, locked. A panic while it was locked cannot leave it
    /// half-changed in a way that matters to a test double, so a poisoned
    /// lock is taken over rather than turned into a panic.
    pub(crate) fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits until every event emitted so far has been POSTed.
    pub(crate) async fn flush(&self) -> Result<(), FakeError> {
        let (done, finished) = oneshot::channel();
        self.jobs
            .send(Job::Flush(done))
            .map_err(|_| FakeError::DeliveryStopped)?;
        finished.await.map_err(|_| FakeError::DeliveryStopped)
    }

    /// A simulated payer pays an order's pending cash or SPEI charge; returns
    /// the order once its events have been delivered.
    pub(crate) async fn pay(&self, order_id: &str, payer: Payer) -> Result<Value, FakeError> {
        let order = self.store().pay(order_id, payer)?;
        self.flush().await?;
        Ok(order)
    }
}

/// A local, stateful Conekta for tests: an HTTP server on `127.0.0.1` that
/// answers the API as Conekta's test mode does, keeps what the client
/// creates, and POSTs signed events to the webhooks registered with it.
///
/// ```
/// use conekta_sdk::models::{ChargeRequest, Currency, CustomerInfo, OrderRequest, PaymentMethodGeneralRequest, PaymentStatus, Product};
/// use conekta_testing::{FakeConekta, tokens};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let fake = FakeConekta::start().await?;
/// let order = OrderRequest::builder()
///     .currency(Currency::Mxn)
///     .customer_info(CustomerInfo::builder().name("Ana").email("ana@example.com").phone("+5215555555555"))
///     .line_items([Product::builder().name("Galletas").quantity(1).unit_price(35_000)])
///     .charges([ChargeRequest::builder().payment_method(PaymentMethodGeneralRequest::card(tokens::VISA))]);
/// let order = fake.client().orders().create_order(order).await?;
/// assert_eq!(order.payment_status, Some(PaymentStatus::Paid));
/// # Ok(()) }
/// ```
///
/// Dropping it stops the server and the webhook deliveries.
#[derive(Debug)]
pub struct FakeConekta {
    shared: Arc<Shared>,
    base_url: String,
    client: Client,
    tasks: [JoinHandle<()>; 2],
}

/// Options of a [`FakeConekta`]: [`FakeConekta::builder`].
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `start` is called"]
pub struct FakeConektaBuilder {
    api_key: String,
    port: u16,
}

impl FakeConektaBuilder {
    /// The one API key the fake accepts (default [`DEFAULT_API_KEY`]); any
    /// other gets Conekta's 401.
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = key.into();
        self
    }

    /// The port to listen on, on `127.0.0.1` (default `0`: a free port
    /// chosen by the system).
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// Starts the fake on the current Tokio runtime.
    ///
    /// # Errors
    /// [`FakeError::Bind`] if the port is taken, [`FakeError::Client`] if
    /// the HTTP clients cannot be built.
    pub async fn start(self) -> Result<FakeConekta, FakeError> {
        let address = SocketAddr::from((Ipv4Addr::LOCALHOST, self.port));
        let listener = TcpListener::bind(address)
            .await
            .map_err(|source| FakeError::Bind { address, source })?;
        let local = listener
            .local_addr()
            .map_err(|source| FakeError::Bind { address, source })?;
        let base_url = format!("http://{local}");
        let client = Client::builder(&self.api_key)
            .base_url(&base_url)
            .build()
            .map_err(|err| FakeError::Client(err.to_string()))?;
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|err| FakeError::Client(err.to_string()))?;
        let (jobs, queue) = unbounded_channel();
        let shared = Arc::new(Shared {
            store: Mutex::new(Store::new(base_url.clone(), jobs.clone())),
            api_key: self.api_key,
            http,
            log_ids: Ids::default(),
            jobs,
        });
        let tasks = [
            tokio::spawn(server::serve(listener, Arc::clone(&shared))),
            tokio::spawn(delivery::run(Arc::clone(&shared), queue)),
        ];
        Ok(FakeConekta {
            shared,
            base_url,
            client,
            tasks,
        })
    }
}

impl FakeConekta {
    /// Starts a fake on `127.0.0.1` on a free port, accepting
    /// [`DEFAULT_API_KEY`].
    ///
    /// # Errors
    /// As [`FakeConektaBuilder::start`].
    pub async fn start() -> Result<Self, FakeError> {
        Self::builder().start().await
    }

    /// Options before starting: the API key, the port.
    pub fn builder() -> FakeConektaBuilder {
        FakeConektaBuilder {
            api_key: DEFAULT_API_KEY.to_owned(),
            port: 0,
        }
    }

    /// A client pointed at the fake, with its key.
    #[must_use]
    pub fn client(&self) -> Client {
        self.client.clone()
    }

    /// A client builder pointed at the fake, with its key, for options of
    /// your own (`.language(..)`, `.hook(..)`…).
    pub fn client_builder(&self) -> ClientBuilder {
        Client::builder(&self.shared.api_key).base_url(&self.base_url)
    }

    /// The fake's base URL, `http://127.0.0.1:<port>`.
    #[must_use]
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The one API key the fake accepts.
    #[must_use]
    pub fn api_key(&self) -> &str {
        &self.shared.api_key
    }

    /// A payer pays the order's pending OXXO cash charge at the store:
    /// `charge.paid` and `order.paid` are emitted and POSTed to the webhooks
    /// before this returns the paid order.
    ///
    /// # Errors
    /// [`FakeError::UnknownOrder`]; [`FakeError::NotPayable`] when no cash
    /// charge of the order waits for payment or its reference expired.
    pub async fn pay_cash(&self, order_id: &str) -> Result<OrderResponse, FakeError> {
        let order = self.shared.pay(order_id, Payer::Cash).await?;
        decode(&order)
    }

    /// A payer transfers to the order's pending SPEI CLABE: as
    /// [`pay_cash`](Self::pay_cash).
    ///
    /// # Errors
    /// As [`pay_cash`](Self::pay_cash), for a SPEI charge.
    pub async fn pay_spei(&self, order_id: &str) -> Result<OrderResponse, FakeError> {
        let order = self.shared.pay(order_id, Payer::Spei).await?;
        decode(&order)
    }

    /// A payer pays `amount` centavos at a store with a customer's recurrent
    /// cash `reference`, as Conekta's recurrent cash guide describes: the
    /// fake asks the merchant's webhook (`inbound_payment.lookup`, then
    /// `inbound_payment.payment_attempt`, each answered within two seconds)
    /// and, when both accept, makes a paid order and charge and sends
    /// `charge.paid`.
    ///
    /// The questions go to the active webhook marked `synchronous` (Conekta's
    /// "Usar para Pago en Efectivo Recurrente"), else to the first active
    /// webhook.
    ///
    /// # Errors
    /// [`FakeError::UnknownReference`], [`FakeError::NoRecurrentCashWebhook`];
    /// a refusal is not an error but a [`RecurrentCashOutcome`].
    pub async fn pay_cash_recurrent(
        &self,
        reference: &str,
        amount: i64,
    ) -> Result<RecurrentCashOutcome, FakeError> {
        crate::recurrent::pay(&self.shared, reference, amount).await
    }

    /// Waits until every event emitted so far has been POSTed to the
    /// webhooks subscribed to it. Events of API calls are delivered in the
    /// background, in order; the simulated payers wait by themselves.
    ///
    /// # Errors
    /// [`FakeError::DeliveryStopped`] if the runtime is shutting down.
    pub async fn wait_for_webhooks(&self) -> Result<(), FakeError> {
        self.shared.flush().await
    }
}

impl Drop for FakeConekta {
    fn drop(&mut self) {
        for task in &self.tasks {
            task.abort();
        }
    }
}

/// The fake's rendering of an object, decoded as the client decodes it.
pub(crate) fn decode<T: serde::de::DeserializeOwned>(json: &Value) -> Result<T, FakeError> {
    Ok(conekta_sdk::from_slice(json.to_string().as_bytes())?)
}
