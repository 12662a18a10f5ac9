//! The client the SDK builds with its default TLS makes a real TLS connection:
//! an HTTPS server on 127.0.0.1 with a certificate of a test CA is refused
//! while the platform's trust store does not know the CA, and answers once
//! `SSL_CERT_FILE` names it (the platform verifier reads the system store as
//! OpenSSL does, `SSL_CERT_FILE` included).

use std::path::PathBuf;
use std::sync::Arc;

use conekta_sdk::Client;
use rustls::pki_types::pem::PemObject as _;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpListener;

const KEY: &str = "key_tls_test";
const CUSTOMER: &str = r#"{"id":"cus_tls","object":"customer","livemode":false,"created_at":1700000000,"name":"TLS","email":"tls@example.com","corporate":false,"custom_reference":""}"#;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tls")
        .join(name)
}

/// Serves HTTPS with the fixture certificate; answers every request with
/// `CUSTOMER`, then closes the connection.
async fn https_server() -> u16 {
    let certs = CertificateDer::pem_file_iter(fixture("server.pem"))
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    let key = PrivateKeyDer::from_pem_file(fixture("server.key")).unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        loop {
            let Ok((tcp, _)) = listener.accept().await else {
                return;
            };
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                // A refused handshake (the client does not trust us) is the
                // second test's point, not a failure of the server.
                let Ok(mut tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let mut request = Vec::new();
                let mut buf = [0u8; 4096];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match tls.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => request.extend_from_slice(&buf[..n]),
                    }
                }
                let answer = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
                     content-length: {}\r\nconnection: close\r\n\r\n{CUSTOMER}",
                    CUSTOMER.len()
                );
                let _ = tls.write_all(answer.as_bytes()).await;
                let _ = tls.shutdown().await;
            });
        }
    });
    port
}

/// The error and its sources, on one line.
fn chain(err: &conekta_sdk::Error) -> String {
    std::iter::successors(Some(err as &dyn std::error::Error), |e| e.source())
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(": ")
}

/// Calls the server at `port` through a client with the SDK's default TLS.
async fn get_customer(
    port: u16,
) -> Result<conekta_sdk::models::CustomerResponse, conekta_sdk::Error> {
    let client = Client::builder(KEY)
        .base_url(format!("https://localhost:{port}"))
        .build()
        .expect("a client for an https URL");
    client
        .customers()
        .get_customer_by_id("cus_tls")
        .send()
        .await
}

/// Set in the child process: the port of the parent's server.
const PORT_VAR: &str = "CONEKTA_TLS_TEST_PORT";

/// With `harness = false`: the environment of a process cannot be changed
/// safely once threads run, so the trusted call runs in a child process of
/// this binary, started with `SSL_CERT_FILE` naming the test CA.
fn main() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    if let Ok(port) = std::env::var(PORT_VAR) {
        let customer = runtime
            .block_on(get_customer(port.parse().unwrap()))
            .unwrap_or_else(|err| panic!("the platform store trusts the test CA: {}", chain(&err)));
        assert_eq!(customer.id, "cus_tls");
        return;
    }
    let port = runtime.block_on(https_server());

    // The system store knows nothing of the test CA: refused.
    let err = runtime
        .block_on(get_customer(port))
        .expect_err("a certificate of an unknown CA is refused");
    let refused = chain(&err);
    assert!(refused.to_lowercase().contains("certificate"), "{refused}");
    println!("test default_tls_refuses_an_unknown_ca ... ok");

    let child = std::process::Command::new(std::env::current_exe().unwrap())
        .env(PORT_VAR, port.to_string())
        .env("SSL_CERT_FILE", fixture("ca.pem"))
        .env_remove("SSL_CERT_DIR")
        .status()
        .unwrap();
    assert!(child.success(), "the trusted call failed: {child}");
    println!("test default_tls_trusts_the_platform_store ... ok");
}
