//! The `customer-insights` binary as a newcomer runs it: it listens, logs one line per refused
//! request (method, path, status, duration) to stderr (every request at `RUST_LOG=debug`), and
//! stops gracefully on SIGTERM.

#![cfg(unix)]

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::Duration;

/// The binary serving on a free port with `args` and info logs: the process, its stderr after the
/// "listening" line, and the address that line gives.
fn start(args: &[&str]) -> (std::process::Child, BufReader<std::process::ChildStderr>, String) {
    start_logging(args, "info")
}

/// [`start`] with the log level `level`.
fn start_logging(args: &[&str], level: &str) -> (std::process::Child, BufReader<std::process::ChildStderr>, String) {
    let mut server = Command::new(env!("CARGO_BIN_EXE_customer-insights"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .args(args)
        .env("RUST_LOG", level)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(server.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let addr = line.split("addr=").nth(1).and_then(|rest| rest.split_whitespace().next()).unwrap().to_owned();
    (server, stderr, addr)
}

/// Sends `request` on a new connection and reads the whole answer.
fn exchange(addr: &str, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    stream.write_all(request).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer
}

const VALID_PUT: &str = "PUT /subscriptions/6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b/resourceGroups/rg/providers/Microsoft.CustomerInsights/hubs/hub1/relationships/rel_1?api-version=2017-04-26 HTTP/1.1\r\nhost: l\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: ";
const VALID_BODY: &str = r#"{"properties":{"displayName":{"en-us":"x"},"profileType":"A","relatedProfileType":"B"}}"#;

#[test]
fn serves_logs_each_request_and_stops_on_sigterm() {
    let (server, mut stderr, addr) = start(&[]);

    // A request that succeeds is logged at `debug`: at `info`, the first line is the 404's.
    let put = format!("{VALID_PUT}{}\r\n\r\n{VALID_BODY}", VALID_BODY.len());
    let answer = exchange(&addr, put.as_bytes());
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");

    let mut stream = TcpStream::connect(&addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    stream.write_all(b"GET /nowhere HTTP/1.1\r\nhost: l\r\nconnection: close\r\n\r\n").unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 404"), "{answer}");

    let mut request_line = String::new();
    stderr.read_line(&mut request_line).unwrap();
    for part in ["request", "method=GET", "path=/nowhere", "status=404", "duration_us="] {
        assert!(request_line.contains(part), "{part} missing from {request_line:?}");
    }

    stops_gracefully_on(server, stderr, "-TERM");
}

/// Sends `signal` to the server, which then exits with a success after logging "stopped".
fn stops_gracefully_on(
    mut server: std::process::Child,
    mut stderr: BufReader<std::process::ChildStderr>,
    signal: &str,
) {
    let sent = Command::new("kill").args([signal, &server.id().to_string()]).status().unwrap();
    assert!(sent.success());
    let status = server.wait().unwrap();
    assert!(status.success(), "{signal}: {status}");
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).unwrap();
    assert!(rest.contains("stopped"), "{signal}: {rest}");
}

#[test]
fn debug_logs_every_request() {
    let (mut server, mut stderr, addr) = start_logging(&[], "debug");
    let put = format!("{VALID_PUT}{}\r\n\r\n{VALID_BODY}", VALID_BODY.len());
    assert!(exchange(&addr, put.as_bytes()).starts_with("HTTP/1.1 200"));
    let logged = (0..50).find_map(|_| {
        let mut line = String::new();
        stderr.read_line(&mut line).ok()?;
        line.contains("status=200").then_some(line)
    });
    let line = logged.expect("a line for the PUT");
    assert!(line.contains("DEBUG") && line.contains("method=PUT"), "{line}");
    server.kill().unwrap();
    server.wait().unwrap();
}

/// The issue-13 case: a client that sent half its headers no longer keeps the process alive after
/// SIGTERM; it exits once the shutdown deadline has passed.
#[test]
fn sigterm_with_a_stalled_client_exits_within_the_deadline() {
    let (mut server, mut stderr, addr) = start(&["--header-timeout-secs", "60", "--shutdown-deadline-secs", "1"]);

    let mut stalled = TcpStream::connect(&addr).unwrap();
    stalled.write_all(b"GET /nowhere HTTP/1.1\r\nhost: l\r\n").unwrap();
    std::thread::sleep(Duration::from_millis(100));
    let terminated = Command::new("kill").args(["-TERM", &server.id().to_string()]).status().unwrap();
    assert!(terminated.success());
    let signalled = std::time::Instant::now();
    let status = loop {
        if let Some(status) = server.try_wait().unwrap() {
            break status;
        }
        if signalled.elapsed() > Duration::from_secs(5) {
            let _ = server.kill();
            panic!("still running 5 s after SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = signalled.elapsed();
    assert!(status.success(), "{status}");
    assert!(took >= Duration::from_millis(900) && took < Duration::from_secs(3), "exited after {took:?}");
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).unwrap();
    assert!(rest.contains("shutdown deadline passed"), "{rest}");
    assert!(rest.contains("stopped"), "{rest}");
}

/// `--additional-info` reaches the binary's answers, and Ctrl-C (SIGINT) stops it as SIGTERM
/// does: gracefully, with a success.
#[test]
fn additional_info_reaches_the_answers_and_sigint_stops_gracefully() {
    let (server, stderr, addr) = start(&["--additional-info"]);
    // `--additional-info` reaches the answers: each detail names its rule.
    let body = r#"{"properties":{"displayName":{"en-us":"x"},"profileType":"","relatedProfileType":"B"}}"#;
    let answer = exchange(&addr, format!("{VALID_PUT}{}\r\n\r\n{body}", body.len()).as_bytes());
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    assert!(answer.contains(r#""additionalInfo":[{"type":"ValidationRule""#), "{answer}");
    stops_gracefully_on(server, stderr, "-INT");
}
