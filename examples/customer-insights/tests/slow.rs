//! Slow and stalled clients over a real socket, with the server's timeouts set short: a partial
//! head gets 408 and is closed after the header timeout, an idle connection is closed, a stalled
//! body gets the app's 408, a client that never reads its answers is cut after the write timeout,
//! and a shutdown returns within its deadline whatever the clients do, while a request in flight
//! may still finish.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use customer_insights::server::{self, Config};
use customer_insights::service::{Limits, router_with};
use customer_insights::store::MemoryStore;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

const VALID: &str = include_str!("../corpus/full-valid.json");
const PATH: &str = "/subscriptions/6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b/resourceGroups/rg/providers/Microsoft.CustomerInsights/hubs/hub1/relationships/rel_1?api-version=2017-04-26";

/// Every wait in these tests is bounded by this, so a regression fails instead of hanging.
const CAP: Duration = Duration::from_secs(5);

/// A server under test: its address, the trigger of its shutdown and its serve future's task.
struct Running {
    addr: SocketAddr,
    stop: oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
}

async fn start(header_timeout: Duration, body_timeout: Duration, shutdown_deadline: Duration) -> Running {
    start_with(Config { header_timeout, shutdown_deadline, ..Config::default() }, body_timeout).await
}

async fn start_with(config: Config, body_timeout: Duration) -> Running {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = router_with(Arc::new(MemoryStore::default()), Limits { body_timeout, ..Limits::default() });
    let (stop, stopped) = oneshot::channel();
    let task = tokio::spawn(server::serve(listener, app, config, async {
        let _ = stopped.await;
    }));
    Running { addr, stop, task }
}

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

/// Reads until the server closes the connection; what was read and when it closed.
async fn read_until_closed(stream: &mut TcpStream) -> (String, Instant) {
    let mut answer = Vec::new();
    // A reset after the answer counts as closed: what was read is kept.
    let _ = tokio::time::timeout(CAP, stream.read_to_end(&mut answer)).await.expect("the server closes the connection");
    (String::from_utf8_lossy(&answer).into_owned(), Instant::now())
}

fn put_head(length: usize) -> String {
    format!("PUT {PATH} HTTP/1.1\r\nhost: l\r\ncontent-type: application/json\r\ncontent-length: {length}\r\n\r\n")
}

#[tokio::test]
async fn half_a_head_gets_408_and_is_closed_after_the_header_timeout() {
    let server = start(ms(300), CAP, CAP).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    let sent = Instant::now();
    // A head that asks for German: the 408 of a head that never finished stays English, without
    // `Content-Language` (the README, "Messages in the caller's language").
    stream.write_all(format!("GET {PATH} HTTP/1.1\r\nhost: l\r\naccept-language: de\r\n").as_bytes()).await.unwrap();
    let (answer, closed) = read_until_closed(&mut stream).await;
    let waited = closed - sent;
    assert!(waited >= ms(250) && waited < ms(2000), "closed after {waited:?}");
    assert!(answer.starts_with("HTTP/1.1 408 Request Timeout\r\n"), "{answer}");
    assert!(answer.contains("\r\nx-ms-error-code: RequestTimeout\r\n"), "{answer}");
    assert!(answer.contains("\r\nx-ms-request-id: "), "{answer}");
    assert!(answer.contains("\r\nconnection: close\r\n"), "{answer}");
    assert!(!answer.to_ascii_lowercase().contains("content-language"), "{answer}");
    assert!(
        answer.ends_with(
            r#"{"error":{"code":"RequestTimeout","message":"The request headers did not arrive in time."}}"#
        ),
        "{answer}"
    );
}

#[tokio::test]
async fn a_head_sent_a_byte_at_a_time_is_cut_at_the_header_timeout() {
    let server = start(ms(400), CAP, CAP).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    let started = Instant::now();
    let head = format!("GET {PATH} HTTP/1.1\r\nhost: l\r\n\r\n");
    // The timeout is for the whole head, not between bytes: trickling does not extend it.
    for byte in head.as_bytes().iter().take(20) {
        if stream.write_all(&[*byte]).await.is_err() {
            break;
        }
        tokio::time::sleep(ms(50)).await;
    }
    let (answer, closed) = read_until_closed(&mut stream).await;
    let waited = closed - started;
    assert!(waited >= ms(350) && waited < ms(2000), "closed after {waited:?}");
    assert!(answer.starts_with("HTTP/1.1 408 "), "{answer}");
}

#[tokio::test]
async fn an_idle_connection_is_closed_without_an_answer() {
    let server = start(ms(300), CAP, CAP).await;
    // Nothing sent at all.
    let mut silent = TcpStream::connect(server.addr).await.unwrap();
    // One request answered, then idle on keep-alive: the header timeout runs again for the next.
    let mut kept = TcpStream::connect(server.addr).await.unwrap();
    kept.write_all(format!("GET {PATH} HTTP/1.1\r\nhost: l\r\n\r\n").as_bytes()).await.unwrap();
    let opened = Instant::now();
    let ((silent_answer, silent_closed), (kept_answer, kept_closed)) =
        tokio::join!(read_until_closed(&mut silent), read_until_closed(&mut kept));
    assert_eq!(silent_answer, "");
    assert!(silent_closed - opened >= ms(250) && silent_closed - opened < ms(2000));
    // The 404 of the GET, and nothing after it: no 408 on a connection with no request pending.
    assert!(kept_answer.starts_with("HTTP/1.1 404 Not Found\r\n"), "{kept_answer}");
    assert_eq!(kept_answer.matches("HTTP/1.1").count(), 1, "{kept_answer}");
    assert!(kept_closed - opened >= ms(250) && kept_closed - opened < ms(2000));
}

#[tokio::test]
async fn two_of_ten_body_bytes_get_the_apps_408_after_the_body_timeout() {
    let server = start(CAP, ms(300), CAP).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream.write_all(put_head(10).as_bytes()).await.unwrap();
    stream.write_all(b"{}").await.unwrap();
    let sent = Instant::now();
    let (answer, closed) = read_until_closed(&mut stream).await;
    let waited = closed - sent;
    assert!(waited >= ms(250) && waited < ms(2000), "closed after {waited:?}");
    assert!(answer.starts_with("HTTP/1.1 408 Request Timeout\r\n"), "{answer}");
    assert!(answer.contains("\r\nx-ms-error-code: RequestTimeout\r\n"), "{answer}");
    assert!(answer.contains("\r\nx-ms-request-id: "), "{answer}");
    assert!(answer.ends_with(r#""message":"The request body did not arrive in time."}}"#), "{answer}");
}

/// A valid body of about 950 KB (under the 1 MiB limit): 1 000 fields with long property ids.
fn large_body() -> String {
    let id = "p".repeat(890);
    let fields: Vec<String> = (0..1000)
        .map(|i| format!(r#"{{"fieldName":"F{i:04}","fieldType":"Edm.String","propertyId":"{id}"}}"#))
        .collect();
    format!(
        r#"{{"properties":{{"cardinality":"OneToMany","displayName":{{"en-us":"Large"}},"profileType":"Contact","relatedProfileType":"Account","fields":[{}]}}}}"#,
        fields.join(",")
    )
}

#[tokio::test]
async fn a_client_that_never_reads_its_answers_is_cut_after_the_write_timeout() {
    // The header timeout is far beyond the test: only the write timeout can end the connection.
    let config = Config { header_timeout: CAP * 6, write_timeout: ms(300), ..Config::default() };
    let server = start_with(config, CAP).await;
    let body = large_body();
    assert!(body.len() > 900_000 && body.len() < 1 << 20, "{}", body.len());
    let mut put = TcpStream::connect(server.addr).await.unwrap();
    let head = put_head(body.len()).replace("\r\n\r\n", "\r\nconnection: close\r\n\r\n");
    put.write_all(format!("{head}{body}").as_bytes()).await.unwrap();
    let (answer, _) = read_until_closed(&mut put).await;
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{}", &answer[..answer.len().min(500)]);

    // 20 GETs of it at once (about 19 MB of answers), and nothing read: the server's writes stall
    // once the sockets' buffers are full.
    let mut stalled = TcpStream::connect(server.addr).await.unwrap();
    let gets = format!("GET {PATH} HTTP/1.1\r\nhost: l\r\n\r\n").repeat(20);
    stalled.write_all(gets.as_bytes()).await.unwrap();
    // The buffers fill in milliseconds, then 300 ms without progress: closed well before this.
    tokio::time::sleep(ms(1000)).await;

    // Reading now gets what was buffered, then the end of the connection at once (EOF, or a reset
    // from the server's unsent data), not 19 MB followed by a keep-alive wait.
    let reading = Instant::now();
    let mut received = Vec::new();
    let read = tokio::time::timeout(ms(1000), stalled.read_to_end(&mut received))
        .await
        .expect("the server closed the connection after the write timeout");
    let took = reading.elapsed();
    assert!(
        read.is_ok()
            || matches!(
                read.as_ref().map_err(std::io::Error::kind),
                Err(std::io::ErrorKind::ConnectionReset | std::io::ErrorKind::ConnectionAborted)
            ),
        "{read:?}"
    );
    assert!(received.starts_with(b"HTTP/1.1 200 OK\r\n"));
    assert!(received.len() < 19 * body.len(), "read {} bytes: the server wrote every answer", received.len());
    assert!(took < ms(1000), "the end came after {took:?}");
}

/// The README: the write timeout measures time without progress, not the time a connection's
/// answers take, so a client that reads steadily is served however long the whole takes.
///
/// Linux wakes a blocked writer once about half its send buffer has drained (up to 4 MiB on
/// loopback), so a stall lasts as long as the reader takes to drain that: 256 KiB every 15 ms
/// (about 17 MB/s) keeps each stall near 120 ms, a fifth of the 600 ms timeout, while the 19 MB
/// take more than the timeout in all. (A reader at a third of that speed is cut: 50 ms pauses
/// were, at 300 ms.) It does not tell a per-answer deadline from a per-stall one: one answer of
/// 950 KB drains faster than either.
#[tokio::test]
async fn a_steady_reader_is_served_past_the_write_timeout() {
    let timeout = ms(600);
    let config = Config { header_timeout: CAP * 6, write_timeout: timeout, ..Config::default() };
    let server = start_with(config, CAP).await;
    let body = large_body();
    let mut put = TcpStream::connect(server.addr).await.unwrap();
    let head = put_head(body.len()).replace("\r\n\r\n", "\r\nconnection: close\r\n\r\n");
    put.write_all(format!("{head}{body}").as_bytes()).await.unwrap();
    let (answer, _) = read_until_closed(&mut put).await;
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"));

    // 20 answers of about 950 KB, more than the sockets' buffers hold, so the server's writes stall.
    let mut steady = TcpStream::connect(server.addr).await.unwrap();
    let get = format!("GET {PATH} HTTP/1.1\r\nhost: l\r\n\r\n");
    let last = format!("GET {PATH} HTTP/1.1\r\nhost: l\r\nconnection: close\r\n\r\n");
    steady.write_all((get.repeat(19) + &last).as_bytes()).await.unwrap();
    let started = Instant::now();
    let (mut received, mut chunk) = (Vec::new(), vec![0; 256 * 1024]);
    loop {
        let read = tokio::time::timeout(CAP, steady.read(&mut chunk)).await.expect("an answer stalled").unwrap();
        if read == 0 {
            break;
        }
        received.extend_from_slice(&chunk[..read]);
        tokio::time::sleep(ms(15)).await;
    }
    let answers = received.windows(17).filter(|window| window == b"HTTP/1.1 200 OK\r\n").count();
    assert_eq!(answers, 20, "every answer arrived whole ({} bytes)", received.len());
    assert!(received.len() > 19 * body.len(), "{} bytes", received.len());
    // What makes this a test of the timer: the whole took longer than the timeout.
    assert!(started.elapsed() > timeout, "read in {:?}", started.elapsed());
}

#[tokio::test]
async fn timeouts_too_long_for_an_instant_are_capped_not_a_panic() {
    // hyper adds the header timeout to `Instant::now()`: unclamped, every connection's task panics
    // and the client gets nothing.
    let config = Config { header_timeout: Duration::MAX, write_timeout: Duration::MAX, ..Config::default() };
    let server = start_with(config, CAP).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream.write_all(format!("GET {PATH} HTTP/1.1\r\nhost: l\r\nconnection: close\r\n\r\n").as_bytes()).await.unwrap();
    let (answer, _) = read_until_closed(&mut stream).await;
    assert!(answer.starts_with("HTTP/1.1 404 Not Found\r\n"), "{answer}");
    assert_eq!(
        Config { shutdown_deadline: Duration::MAX, ..config }.clamped(),
        Config {
            header_timeout: Config::MAX_TIMEOUT,
            write_timeout: Config::MAX_TIMEOUT,
            shutdown_deadline: Config::MAX_TIMEOUT,
            ..Config::default()
        }
    );
}

#[tokio::test]
async fn shutdown_returns_within_the_deadline_whatever_stalled_clients_do() {
    // Timeouts far beyond the deadline: only the deadline can end these connections in time.
    let server = start(CAP * 6, CAP * 6, ms(300)).await;
    let mut half_head = TcpStream::connect(server.addr).await.unwrap();
    half_head.write_all(format!("GET {PATH} HTTP/1.1\r\nhost: l\r\n").as_bytes()).await.unwrap();
    let mut half_body = TcpStream::connect(server.addr).await.unwrap();
    half_body.write_all(put_head(10).as_bytes()).await.unwrap();
    half_body.write_all(b"{}").await.unwrap();
    let mut silent = TcpStream::connect(server.addr).await.unwrap();
    // Let the server accept all three and start reading them.
    tokio::time::sleep(ms(100)).await;

    let stopped = Instant::now();
    server.stop.send(()).unwrap();
    let outcome = tokio::time::timeout(CAP, server.task).await.expect("serve returns").unwrap();
    let took = stopped.elapsed();
    assert!(outcome.is_ok(), "{outcome:?}");
    assert!(took >= ms(250) && took < ms(1500), "serve returned after {took:?}");
    // The listener is closed, and every stalled connection is dropped with it.
    assert!(TcpStream::connect(server.addr).await.is_err(), "a connection was accepted after the shutdown");
    for stream in [&mut half_head, &mut half_body, &mut silent] {
        let (_, closed) = read_until_closed(stream).await;
        assert!(closed - stopped < ms(1500));
    }
}

#[tokio::test]
async fn shutdown_lets_a_request_in_flight_finish_and_closes_idle_connections() {
    let server = start(CAP, CAP, CAP).await;
    // A keep-alive connection that has been answered and is idle.
    let mut idle = TcpStream::connect(server.addr).await.unwrap();
    idle.write_all(format!("GET {PATH} HTTP/1.1\r\nhost: l\r\n\r\n").as_bytes()).await.unwrap();
    let mut first = [0; 12];
    tokio::time::timeout(CAP, idle.read_exact(&mut first)).await.unwrap().unwrap();
    assert_eq!(&first, b"HTTP/1.1 404");
    // A PUT whose body is half sent.
    let mut in_flight = TcpStream::connect(server.addr).await.unwrap();
    in_flight.write_all(put_head(VALID.len()).as_bytes()).await.unwrap();
    let (start, rest) = VALID.as_bytes().split_at(VALID.len() / 2);
    in_flight.write_all(start).await.unwrap();
    tokio::time::sleep(ms(100)).await;

    let stopped = Instant::now();
    server.stop.send(()).unwrap();
    // The idle connection is closed at once; the server keeps serving the PUT.
    let (_, idle_closed) = read_until_closed(&mut idle).await;
    assert!(idle_closed - stopped < ms(1000));
    tokio::time::sleep(ms(100)).await;
    assert!(!server.task.is_finished());
    in_flight.write_all(rest).await.unwrap();
    let (answer, _) = read_until_closed(&mut in_flight).await;
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
    assert!(answer.contains("\r\nx-ms-request-id: "), "{answer}");
    // Keep-alive is off once the shutdown has begun: the answer says so and the server returns.
    assert!(answer.contains("\r\nconnection: close\r\n"), "{answer}");
    let outcome = tokio::time::timeout(CAP, server.task).await.expect("serve returns").unwrap();
    assert!(outcome.is_ok(), "{outcome:?}");
    assert!(stopped.elapsed() < ms(2000), "serve returned after {:?}", stopped.elapsed());
}
