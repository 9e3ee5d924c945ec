//! The floor of the reference service (issue 17): a bare axum handler that reads a PUT's body into
//! the same model with `serde_json` alone and answers it, with no validation, no store, no request
//! id, no log line. `scripts/service-vs-bare.sh` runs it beside the service, alternated, under wrk.
//!
//! ```text
//! cargo run --release -p validate-benches --example bare_service -- 127.0.0.1:18182
//! ```

use std::net::SocketAddr;

use axum::Router;
use axum::body::Bytes;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::put;
use customer_insights::model::RelationshipResourceFormat;

/// The same route as the service's, with axum's own router.
const ROUTE: &str = "/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.CustomerInsights/hubs/{hub}/relationships/{name}";

async fn put_relationship(body: Bytes) -> Response {
    match serde_json::from_slice::<RelationshipResourceFormat>(&body) {
        Ok(model) => {
            let mut response = (StatusCode::OK, serde_json::to_vec(&model).unwrap_or_default()).into_response();
            let json = HeaderValue::from_static("application/json; charset=utf-8");
            response.headers_mut().insert(header::CONTENT_TYPE, json);
            response
        }
        Err(error) => (StatusCode::BAD_REQUEST, error.to_string()).into_response(),
    }
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let addr: SocketAddr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:18182".to_owned())
        .parse()
        .map_err(|error| std::io::Error::new(std::io::ErrorKind::InvalidInput, error))?;
    let listener = tokio::net::TcpListener::bind(addr).await?;
    axum::serve(listener, Router::new().route(ROUTE, put(put_relationship))).await
}
