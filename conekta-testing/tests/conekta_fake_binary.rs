//! The `conekta-fake` binary, driven as another tool would drive it: started
//! as a process, called over HTTP with the key as curl's `-u key:` sends it,
//! and the simulated payer reached through `/_fake/…`.

use std::io::{BufRead as _, BufReader};
use std::process::{Child, Command, Stdio};

use conekta_sdk::models::{
    ChargeRequest, Currency, CustomerInfo, OrderRequest, PaymentMethodGeneralRequest,
    PaymentStatus, Product,
};

/// The binary as a child process, killed (by its own handle) when dropped.
struct Fake {
    child: Child,
    base_url: String,
}

impl Drop for Fake {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `conekta-fake --port 0 --api-key KEY` and reads the URL it prints.
fn start(api_key: &str) -> Fake {
    let mut child = Command::new(env!("CARGO_BIN_EXE_conekta-fake"))
        .args(["--port", "0", "--api-key", api_key])
        .stdout(Stdio::piped())
        .spawn()
        .expect("conekta-fake starts");
    let stdout = child.stdout.take().expect("its stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("it prints its URL");
    let base_url = line
        .split_whitespace()
        .find(|word| word.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no URL in {line:?}"))
        .to_owned();
    Fake { child, base_url }
}

#[tokio::test]
async fn conekta_fake_serves_the_api_and_the_payers() -> Result<(), Box<dyn std::error::Error>> {
    let fake = start("key_from_the_command_line");
    let client = conekta_sdk::Client::builder("key_from_the_command_line")
        .base_url(fake.base_url.clone())
        .build()?;
    let order = OrderRequest::builder()
        .currency(Currency::Mxn)
        .customer_info(
            CustomerInfo::builder()
                .name("Ana")
                .email("ana@example.com")
                .phone("+5215555555555"),
        )
        .line_items([Product::builder()
            .name("Galletas")
            .quantity(2)
            .unit_price(10_000)])
        .charges([ChargeRequest::builder().payment_method(PaymentMethodGeneralRequest::spei())]);
    let order = client.orders().create_order(order).await?;
    assert_eq!(order.payment_status, Some(PaymentStatus::PendingPayment));

    // What `curl -u key_from_the_command_line: -X POST …/pay_spei` does.
    let http = reqwest::Client::new();
    let paid = http
        .post(format!(
            "{}/_fake/orders/{}/pay_spei",
            fake.base_url, order.id
        ))
        .basic_auth("key_from_the_command_line", Some(""))
        .send()
        .await?;
    assert_eq!(paid.status(), 200);
    let refused = http
        .post(format!(
            "{}/_fake/orders/{}/pay_spei",
            fake.base_url, order.id
        ))
        .basic_auth("another_key", Some(""))
        .send()
        .await?;
    assert_eq!(refused.status(), 401);

    let order = client.orders().get_order_by_id(order.id.clone()).await?;
    assert_eq!(order.payment_status, Some(PaymentStatus::Paid));
    Ok(())
}

#[test]
fn conekta_fake_explains_its_arguments() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_conekta-fake"))
            .args(args)
            .output()
            .expect("conekta-fake runs")
    };
    let help = run(&["--help"]);
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stderr).contains("--port PORT"));
    let wrong = run(&["--port", "eighty"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("`eighty` is not a port number"));
}
