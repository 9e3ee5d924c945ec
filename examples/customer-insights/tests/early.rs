//! Answers given before the body is read, over a real socket: the client writes its whole (large)
//! body and then reads the answer, never a broken pipe or a reset connection.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use customer_insights::service::router;
use customer_insights::store::MemoryStore;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};

const GOOD: &str = "/subscriptions/6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b/resourceGroups/rg/providers/Microsoft.CustomerInsights/hubs/hub1/relationships/rel_1?api-version=2017-04-26";

async fn start() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = router(Arc::new(MemoryStore::default()), 1 << 20);
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

/// Writes the head and the whole body (every write must succeed), then reads the whole answer.
async fn exchange(addr: SocketAddr, method: &str, path: &str, content_type: &str, body: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nhost: localhost\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(body).await.expect("the server reads the whole body before it answers");
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(30), stream.read_to_end(&mut answer)).await.unwrap().unwrap();
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_early_answer_is_read_after_a_large_body() {
    let addr = start().await;
    // Under the 64 MiB drain bound and over the 1 MiB body limit: the client is still writing when
    // the answer is ready.
    let body = vec![b' '; 4 * 1024 * 1024];
    let cases = [
        ("PUT", "/nowhere", "application/json", "404 Not Found", "NotFound"),
        ("DELETE", GOOD, "application/json", "405 Method Not Allowed", "MethodNotAllowed"),
        ("PUT", &GOOD.replace("hub1", "1") as &str, "application/json", "400 Bad Request", "InvalidResourceName"),
        ("PUT", &GOOD.replace("2017-04-26", "1"), "application/json", "400 Bad Request", "InvalidApiVersionParameter"),
        ("PUT", GOOD, "text/plain", "415 Unsupported Media Type", "UnsupportedMediaType"),
        ("PUT", GOOD, "application/json", "413 Payload Too Large", "RequestBodyTooLarge"),
        ("GET", GOOD, "application/json", "404 Not Found", "ResourceNotFound"),
        (
            "PUT",
            &format!("{GOOD}&pad={}", "x".repeat(9000)),
            "application/json",
            "414 URI Too Long",
            "RequestUriTooLong",
        ),
        // Headers over 32 KiB: a padding header after the content type.
        (
            "PUT",
            GOOD,
            &format!("application/json\r\nx-padding: {}", "y".repeat(33 * 1024)),
            "431 Request Header Fields Too Large",
            "RequestHeaderFieldsTooLarge",
        ),
    ];
    // A mixed hostile run: every case at once, twice over, each on its own connection.
    let mut runs = tokio::task::JoinSet::new();
    for (method, path, content_type, status, code) in cases.iter().chain(&cases) {
        let (method, path, content_type, status, code) =
            (method.to_string(), path.to_string(), content_type.to_string(), status.to_string(), code.to_string());
        let body = body.clone();
        runs.spawn(async move {
            let answer = exchange(addr, &method, &path, &content_type, &body).await;
            assert!(
                answer.starts_with(&format!("HTTP/1.1 {status}\r\n")),
                "{method} {path}: {}",
                &answer[..answer.len().min(200)]
            );
            assert!(answer.contains(&format!("x-ms-error-code: {code}\r\n")), "{answer}");
            assert!(answer.contains("x-ms-request-id: "), "{answer}");
            assert!(answer.ends_with("}}"), "the whole ARM payload is read: {answer}");
        });
    }
    while let Some(run) = runs.join_next().await {
        run.unwrap();
    }
}

/// Past 64 MiB a body is no longer read and dropped: the connection is closed, so a client that
/// goes on writing gets an error instead of holding the connection.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_past_the_drain_bound_is_cut() {
    let addr = start().await;
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let length = 96 << 20;
    let head = format!(
        "PUT /nowhere HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: {length}\r\nconnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let chunk = vec![b' '; 1 << 20];
    let mut written = 0;
    let ended = loop {
        let write = tokio::time::timeout(Duration::from_secs(10), stream.write_all(&chunk)).await;
        match write.expect("the server stopped reading but kept the connection") {
            Ok(()) => written += chunk.len(),
            Err(error) => break error.kind(),
        }
        assert!(written < length, "the whole {length} bytes were taken");
    };
    // Closed, not left open: the client's write fails.
    assert!(
        matches!(ended, std::io::ErrorKind::BrokenPipe | std::io::ErrorKind::ConnectionReset),
        "{ended:?} after {written} bytes"
    );
    // After the bound, within what the sockets' buffers hold besides.
    assert!((64 << 20..80 << 20).contains(&written), "cut after {written} bytes");
}
