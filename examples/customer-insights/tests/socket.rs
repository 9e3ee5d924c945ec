//! The service over a real socket, served by `server::serve`: a PUT and a GET, an 8 MiB body
//! answered with 413 (not a reset connection), a short bounded load (thousands of mixed requests
//! on concurrent keep-alive connections, every answer checked), and what hyper answers itself,
//! before the app sees a request (pinned so that a hyper upgrade that changes it is noticed).

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use customer_insights::server::{self, Config};
use customer_insights::service::router;
use customer_insights::store::MemoryStore;
use tokio::io::{AsyncBufReadExt as _, AsyncReadExt as _, AsyncWriteExt as _, BufReader};
use tokio::net::{TcpListener, TcpStream};

const VALID: &str = include_str!("../corpus/full-valid.json");
const PATH: &str = "/subscriptions/6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b/resourceGroups/rg/providers/Microsoft.CustomerInsights/hubs/hub1/relationships/rel_1?api-version=2017-04-26";

async fn start(max_body_bytes: usize) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = router(Arc::new(MemoryStore::default()), max_body_bytes);
    tokio::spawn(server::serve(listener, app, Config::default(), std::future::pending()));
    addr
}

/// Sends one HTTP/1.1 request and reads the whole answer (the server closes after it).
async fn exchange(addr: SocketAddr, head: &str, body: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(body).await.unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(30), stream.read_to_end(&mut answer)).await.unwrap().unwrap();
    String::from_utf8_lossy(&answer).into_owned()
}

fn put_head(length: usize) -> String {
    format!(
        "PUT {PATH} HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: {length}\r\nconnection: close\r\n\r\n"
    )
}

#[tokio::test]
async fn put_then_get_over_a_socket() {
    let addr = start(1 << 20).await;
    let answer = exchange(addr, &put_head(VALID.len()), VALID.as_bytes()).await;
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
    assert!(answer.contains("x-ms-request-id: "));
    let answer =
        exchange(addr, &format!("GET {PATH} HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n"), b"").await;
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
    assert!(answer.contains(r#""profileType":"Contact""#));
}

#[tokio::test]
async fn an_eight_mebibyte_body_gets_413_not_a_reset() {
    let addr = start(1 << 20).await;
    let body = vec![b' '; 8 * 1024 * 1024];
    let answer = exchange(addr, &put_head(body.len()), &body).await;
    assert!(answer.starts_with("HTTP/1.1 413 Payload Too Large\r\n"), "{}", &answer[..answer.len().min(300)]);
    assert!(answer.contains("x-ms-error-code: RequestBodyTooLarge"));
    assert!(answer.ends_with(r#""message":"The request body is larger than this service accepts."}}"#), "{answer}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_concurrent_requests_all_get_answers() {
    let addr = start(1 << 20).await;
    let tasks: Vec<_> = (0..200)
        .map(|i| {
            tokio::spawn(async move {
                let body = if i % 2 == 0 { VALID.to_owned() } else { r#"{"properties":{}}"#.to_owned() };
                exchange(addr, &put_head(body.len()), body.as_bytes()).await
            })
        })
        .collect();
    let (mut ok, mut bad) = (0, 0);
    for task in tasks {
        let answer = task.await.unwrap();
        if answer.starts_with("HTTP/1.1 200") {
            ok += 1;
        } else if answer.starts_with("HTTP/1.1 400") {
            bad += 1;
        } else {
            panic!("unexpected answer: {answer}");
        }
    }
    assert_eq!((ok, bad), (100, 100));
}

/// One answer read from a keep-alive connection: the status and the body.
async fn read_answer(reader: &mut BufReader<TcpStream>) -> (u16, String) {
    let mut status_line = String::new();
    reader.read_line(&mut status_line).await.unwrap();
    let status = status_line.split(' ').nth(1).and_then(|code| code.parse().ok()).unwrap_or(0);
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).await.unwrap();
        if line == "\r\n" || line.is_empty() {
            break;
        }
        if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = value.trim().parse().unwrap();
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).await.unwrap();
    (status, String::from_utf8(body).unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thousands_of_mixed_requests_on_keep_alive_connections() {
    const CONNECTIONS: usize = 64;
    const PER_CONNECTION: usize = 50;
    let addr = start(1 << 20).await;
    let invalid = include_str!("../corpus/broken-several.json");
    let seed = exchange(addr, &put_head(VALID.len()), VALID.as_bytes()).await;
    assert!(seed.starts_with("HTTP/1.1 200"), "{seed}");
    let tasks: Vec<_> = (0..CONNECTIONS)
        .map(|connection| {
            tokio::spawn(async move {
                let mut reader = BufReader::new(TcpStream::connect(addr).await.unwrap());
                let mut statuses = [0usize; 3];
                for i in 0..PER_CONNECTION {
                    let kind = (connection + i) % 3;
                    let path = PATH.replace("rel_1", &format!("rel_{}", connection % 8));
                    let request = match kind {
                        0 => format!("PUT {path} HTTP/1.1\r\nhost: l\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{VALID}", VALID.len()),
                        1 => format!("PUT {path} HTTP/1.1\r\nhost: l\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{invalid}", invalid.len()),
                        _ => format!("GET {PATH} HTTP/1.1\r\nhost: l\r\n\r\n"),
                    };
                    reader.get_mut().write_all(request.as_bytes()).await.unwrap();
                    let (status, body) = read_answer(&mut reader).await;
                    match kind {
                        0 | 2 => assert!(status == 200 && body.contains(r#""profileType":"Contact""#), "{status} {body}"),
                        _ => assert!(status == 400 && body.contains("6 errors were found"), "{status} {body}"),
                    }
                    statuses[kind] += 1;
                }
                statuses
            })
        })
        .collect();
    let mut total = [0usize; 3];
    for task in tasks {
        let statuses = tokio::time::timeout(Duration::from_mins(1), task).await.unwrap().unwrap();
        for (sum, count) in total.iter_mut().zip(statuses) {
            *sum += count;
        }
    }
    assert_eq!(total.iter().sum::<usize>(), CONNECTIONS * PER_CONNECTION);
}

/// An answer hyper gives itself: the status line, no body, no request id, and the connection
/// closed.
fn assert_bare(answer: &str, status_line: &str) {
    assert!(answer.starts_with(status_line), "{answer}");
    assert!(answer.contains("\r\ncontent-length: 0\r\n"), "{answer}");
    assert!(answer.contains("\r\nconnection: close\r\n"), "{answer}");
    assert!(!answer.contains("x-ms-request-id"), "{answer}");
    assert!(answer.ends_with("\r\n\r\n"), "{answer}");
}

/// An answer of the app: ARM, with its code and a request id.
fn assert_arm(answer: &str, status_line: &str, code: &str) {
    assert!(answer.starts_with(status_line), "{answer}");
    assert!(answer.contains(&format!("\r\nx-ms-error-code: {code}\r\n")), "{answer}");
    assert!(answer.contains("\r\nx-ms-request-id: "), "{answer}");
    assert!(answer.contains(&format!(r#"{{"error":{{"code":"{code}""#)), "{answer}");
}

/// The README's list of what hyper still answers itself ("Limits and robustness").
#[tokio::test]
async fn what_hyper_answers_itself_and_what_it_leaves_to_the_app() {
    let addr = start(1 << 20).await;
    let get = |extra: &str| format!("GET {PATH} HTTP/1.1\r\nhost: l\r\nconnection: close\r\n{extra}\r\n");
    let bad_request = "HTTP/1.1 400 Bad Request\r\n";
    for head in [
        "GARBAGE\r\n\r\n".to_owned(),
        "GET /\r\n\r\n".to_owned(),
        format!("GET {PATH} HTTP/9.9\r\nhost: l\r\n\r\n"),
        "GET /a b HTTP/1.1\r\nhost: l\r\n\r\n".to_owned(),
        get("no colon\r\n"),
        get("a b: c\r\n"),
        get("a: b\r\n  folded\r\n"),
        get("content-length: 2\r\ncontent-length: 3\r\n"),
        get("content-length: 2, 2\r\n"),
        get("content-length: -1\r\n"),
        get("content-length: abc\r\n"),
        get("transfer-encoding: gzip\r\n"),
        // A control byte in the target; a bad character in the method.
        "GET /a\u{1}b HTTP/1.1\r\nhost: l\r\n\r\n".to_owned(),
        "G(T / HTTP/1.1\r\nhost: l\r\n\r\n".to_owned(),
        // A NUL in a header value.
        get("a: b\u{0}c\r\n"),
    ] {
        assert_bare(&exchange(addr, &head, b"").await, bad_request);
    }
    // A request target over 65 534 bytes is hyper's; under it, the app's (8 KiB by default).
    let long =
        |length: usize| format!("GET /{} HTTP/1.1\r\nhost: l\r\nconnection: close\r\n\r\n", "a".repeat(length - 1));
    assert_bare(&exchange(addr, &long(65_535), b"").await, "HTTP/1.1 414 URI Too Long\r\n");
    let answer = exchange(addr, &long(65_534), b"").await;
    assert_arm(&answer, "HTTP/1.1 414 URI Too Long\r\n", "RequestUriTooLong");
    // More than 100 header fields is hyper's; large headers within its 128 KiB buffer, the app's.
    let fields = (0..100).map(|i| format!("x-{i}: v\r\n")).collect::<Vec<_>>().concat();
    assert_bare(&exchange(addr, &get(&fields), b"").await, "HTTP/1.1 431 Request Header Fields Too Large\r\n");
    let answer = exchange(addr, &get(&format!("x-big: {}\r\n", "a".repeat(100_000))), b"").await;
    assert_arm(&answer, "HTTP/1.1 431 Request Header Fields Too Large\r\n", "RequestHeaderFieldsTooLarge");
    // An HTTP/2 preface on this HTTP/1.1 server: closed without an answer.
    assert_eq!(exchange(addr, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", b"").await, "");
}

/// The README's list of what the app answers itself over a socket ("Limits and robustness"):
/// unusual framing read as RFC 9112 says, a broken chunk, a method or a target no route takes.
/// Each is an answer of the app: a request id, and an ARM payload where it is an error.
#[tokio::test]
async fn what_the_app_answers_itself_over_a_socket() {
    let addr = start(1 << 20).await;
    let put = |framing: &str| {
        format!(
            "PUT {PATH} HTTP/1.1\r\nhost: l\r\ncontent-type: application/json\r\nconnection: close\r\n{framing}\r\n"
        )
    };
    let ok = "HTTP/1.1 200 OK\r\n";
    let length = VALID.len();
    // Two equal `Content-Length`s are taken as one.
    let answer =
        exchange(addr, &put(&format!("content-length: {length}\r\ncontent-length: {length}\r\n")), VALID.as_bytes())
            .await;
    assert_served(&answer, ok);
    // `Content-Length` with chunked: the chunks win (RFC 9112), the length is ignored.
    let chunked = format!("{length:x}\r\n{VALID}\r\n0\r\n\r\n");
    let framing = "content-length: 5\r\ntransfer-encoding: chunked\r\n";
    assert_served(&exchange(addr, &put(framing), chunked.as_bytes()).await, ok);
    // A malformed chunk: the body cannot be read to its end.
    let answer = exchange(addr, &put("transfer-encoding: chunked\r\n"), b"zz\r\nab\r\n0\r\n\r\n").await;
    assert_arm(&answer, "HTTP/1.1 400 Bad Request\r\n", "InvalidRequestContent");
    assert!(answer.contains("The request body could not be read to its end."), "{answer}");
    // Bare LF line endings; empty lines before the request line; HTTP/1.0; no `Host`: a GET of a
    // relationship that is not there.
    let not_found = "HTTP/1.1 404 Not Found\r\n";
    let missing = PATH.replace("rel_1", "rel_none");
    let bare_lf = format!("GET {missing} HTTP/1.1\nhost: l\nconnection: close\n\n");
    assert_arm(&exchange(addr, &bare_lf, b"").await, not_found, "ResourceNotFound");
    let blank_first = format!("\r\n\r\nGET {missing} HTTP/1.1\r\nhost: l\r\nconnection: close\r\n\r\n");
    assert_arm(&exchange(addr, &blank_first, b"").await, not_found, "ResourceNotFound");
    let old = format!("GET {missing} HTTP/1.0\r\nhost: l\r\n\r\n");
    assert_arm(&exchange(addr, &old, b"").await, "HTTP/1.0 404 Not Found\r\n", "ResourceNotFound");
    let hostless = format!("GET {missing} HTTP/1.1\r\nconnection: close\r\n\r\n");
    assert_arm(&exchange(addr, &hostless, b"").await, not_found, "ResourceNotFound");
    // `CONNECT` matches no route; nor does a target with a non-ASCII byte, which hyper passes on.
    let connect = "CONNECT example.com:443 HTTP/1.1\r\nhost: example.com:443\r\nconnection: close\r\n\r\n";
    assert_arm(&exchange(addr, connect, b"").await, not_found, "NotFound");
    let non_ascii = "GET /\u{e9} HTTP/1.1\r\nhost: l\r\nconnection: close\r\n\r\n";
    assert_arm(&exchange(addr, non_ascii, b"").await, not_found, "NotFound");
}

/// A success of the app: its status and a request id.
fn assert_served(answer: &str, status_line: &str) {
    assert!(answer.starts_with(status_line), "{answer}");
    assert!(answer.contains("\r\nx-ms-request-id: "), "{answer}");
}
