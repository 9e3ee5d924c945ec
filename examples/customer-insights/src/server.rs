//! The HTTP/1.1 server under the router: an accept loop over a `TcpListener`, hyper per
//! connection, a header read timeout, and a graceful shutdown with a deadline.
//!
//! `axum::serve` sets no timer, so hyper's header read timeout never fires under it: a client
//! that sent half its headers held its connection (and, after SIGTERM, the process) for as long
//! as it liked. Here:
//! - a request's head (request line and headers) must arrive within [`Config::header_timeout`]
//!   of the connection being ready for it; hyper also applies this to an idle keep-alive
//!   connection. A client that sent part of a head then gets an ARM 408 `RequestTimeout` and the
//!   connection is closed; a connection that sent nothing is closed without an answer (an
//!   unsolicited 408 could be read as the answer to a request the client sends at that moment);
//! - the body's own timeout is the app's (`service::Limits::body_timeout`): it answers 408;
//! - an answer's writes must make progress within [`Config::write_timeout`], or the connection
//!   is closed. hyper starts the header timer only once the previous answer is flushed, so
//!   without this a client that pipelines requests and never reads its answers held its
//!   connection, and the answers buffered for it, forever;
//! - on shutdown the listener is closed, each connection finishes the request it is serving and
//!   closes, and whatever is left when [`Config::shutdown_deadline`] has passed is dropped.
//!
//! What hyper still answers itself, before the app sees a request (a malformed request line,
//! a URL over 65 534 bytes, more than 100 headers, …), is listed in the README's
//! "Limits and robustness".

use std::convert::Infallible;
use std::future::{Future, poll_fn};
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::http::{Request, StatusCode};
use axum::response::Response;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::io::AsyncWriteExt as _;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinSet;
use tokio::time::{Instant, Sleep};
use validate_core::ErrorResponse;

use crate::service::REQUEST_ID;

/// How the server treats connections: timeouts and the largest request head it buffers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Config {
    /// How long a request's head (request line and headers) may take to arrive, from the moment
    /// the connection is ready for it (accepted, or done with the previous request). A partial
    /// head is answered 408 and the connection closed; an idle keep-alive connection is closed.
    pub header_timeout: Duration,
    /// How long a write of an answer may wait for the client to read (the socket's buffers
    /// full) before the connection is closed. The timer restarts whenever a write progresses,
    /// so a slow reader is served; only one that stopped reading is cut.
    pub write_timeout: Duration,
    /// How long, after the shutdown signal, requests in flight have to finish before their
    /// connections are dropped and [`serve`] returns.
    pub shutdown_deadline: Duration,
    /// The most bytes hyper buffers while reading a request's head (at least 8 192, hyper's
    /// minimum). Heads larger than this get hyper's own bare 431; it is set well above the app's
    /// URL and header limits so that the app, not hyper, answers those with ARM payloads.
    pub max_head_bytes: usize,
}

impl Default for Config {
    /// 10 s for a request's head, 10 s without write progress, 10 s for the requests in flight
    /// after the shutdown signal, 128 KiB of head.
    ///
    /// A real client sends its head in one packet, milliseconds after the previous answer or the
    /// connection: 10 s is hundreds of round trips on a poor link, and frees a stalled or idle
    /// connection quickly (clients' pools reopen a closed idle connection). A write progresses
    /// when the kernel has room for it again, once about half the socket's send buffer has
    /// drained (Linux): a reader that drains that within 10 s (about 200 KB/s on a 4 MiB buffer,
    /// much less on the smaller one a slow link keeps) is served; one that lets no write progress
    /// for 10 s has all but stopped reading. 10 s of shutdown is
    /// thousands of times this service's p99 and a 1 MiB body at 1 Mbit/s, and ends well within
    /// the 30 s an orchestrator usually waits before SIGKILL. 128 KiB is four times the app's
    /// header limit plus the longest URL hyper accepts: hostile heads cost at most that per
    /// connection.
    fn default() -> Self {
        Config {
            header_timeout: Duration::from_secs(10),
            write_timeout: Duration::from_secs(10),
            shutdown_deadline: Duration::from_secs(10),
            max_head_bytes: 128 * 1024,
        }
    }
}

impl Config {
    /// The longest any timeout may be; longer ones are taken as this. hyper adds the header
    /// timeout to `Instant::now()`, which panics on overflow (`u64::MAX` seconds did, in every
    /// connection's task); a day is far beyond any useful timeout and far from any overflow.
    pub const MAX_TIMEOUT: Duration = Duration::from_hours(24);

    /// This configuration with every timeout at most [`Config::MAX_TIMEOUT`]: the fields are
    /// public, so [`serve`] cannot count on its callers (the CLI caps its flags too).
    #[must_use]
    pub fn clamped(self) -> Self {
        Config {
            header_timeout: self.header_timeout.min(Self::MAX_TIMEOUT),
            write_timeout: self.write_timeout.min(Self::MAX_TIMEOUT),
            shutdown_deadline: self.shutdown_deadline.min(Self::MAX_TIMEOUT),
            max_head_bytes: self.max_head_bytes,
        }
    }
}

/// hyper refuses a smaller buffer (it panics).
const MIN_HEAD_BYTES: usize = 8192;

/// How long the 408 for a stalled head may take to be written: it fits in the socket's send
/// buffer, so only a client that stopped reading as well as sending waits for this.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(1);

/// Serves `app` over `listener` until `shutdown` completes, then stops accepting, lets the
/// requests in flight finish and returns, within [`Config::shutdown_deadline`] whatever the
/// clients do. Timeouts over [`Config::MAX_TIMEOUT`] are taken as that.
///
/// Errors accepting a connection are logged, not returned: a client that resets its connection
/// before it is accepted, or a process out of file descriptors for a moment (the loop waits a
/// second then), is no reason to stop serving the others.
///
/// ```no_run
/// use std::sync::Arc;
/// use customer_insights::{server, service, store::MemoryStore};
///
/// # async fn run() -> std::io::Result<()> {
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
/// let app = service::router_with(Arc::new(MemoryStore::default()), service::Limits::default());
/// let ctrl_c = async {
///     let _ = tokio::signal::ctrl_c().await;
/// };
/// server::serve(listener, app, server::Config::default(), ctrl_c).await
/// # }
/// ```
pub async fn serve(
    listener: TcpListener,
    app: Router,
    config: Config,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()> {
    let config = config.clamped();
    let mut connections = JoinSet::new();
    // Each connection watches this; sending on it (or dropping it) starts their graceful shutdown.
    let (stop, stopping) = watch::channel(());
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    connections.spawn(serve_connection(stream, app.clone(), config, stopping.clone()));
                }
                Err(error) if is_connection_error(&error) => {}
                Err(error) => {
                    tracing::error!(%error, "cannot accept a connection");
                    tokio::select! {
                        () = &mut shutdown => break,
                        () = tokio::time::sleep(Duration::from_secs(1)) => {}
                    }
                }
            },
            // Finished connections are reaped as they go, so the set holds only live ones.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    // New connections are refused from here on.
    drop(listener);
    let _ = stop.send(());
    tracing::info!(connections = connections.len(), "shutting down");
    let finished =
        tokio::time::timeout(config.shutdown_deadline, async { while connections.join_next().await.is_some() {} })
            .await;
    if finished.is_err() {
        tracing::warn!(
            connections = connections.len(),
            deadline_ms = u64::try_from(config.shutdown_deadline.as_millis()).unwrap_or(u64::MAX),
            "shutdown deadline passed; dropping the connections left"
        );
        // Aborting a task drops its connection, which closes the socket.
        connections.shutdown().await;
    }
    Ok(())
}

/// Errors that concern one connection that went away before it was accepted, not the listener.
fn is_connection_error(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionRefused | io::ErrorKind::ConnectionAborted | io::ErrorKind::ConnectionReset
    )
}

/// The router's future as hyper polls it. Boxed because the connection is polled with
/// `poll_without_shutdown`, which needs it `Unpin`, so that the socket can be taken back after a
/// header timeout to answer 408.
type ServiceFuture = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

/// The router as hyper calls it.
fn hyper_service(
    app: Router,
) -> impl hyper::service::Service<Request<Incoming>, Response = Response, Error = Infallible, Future = ServiceFuture> + Unpin
{
    let service = TowerToHyperService::new(app);
    hyper::service::service_fn(move |request: Request<Incoming>| -> ServiceFuture {
        Box::pin(hyper::service::Service::call(&service, request))
    })
}

async fn serve_connection(stream: TcpStream, app: Router, config: Config, mut stopping: watch::Receiver<()>) {
    let mut connection = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(config.header_timeout)
        .max_buf_size(config.max_head_bytes.max(MIN_HEAD_BYTES))
        .serve_connection(WriteTimeout::new(TokioIo::new(stream), config.write_timeout), hyper_service(app));
    let mut stopped = false;
    let result = loop {
        tokio::select! {
            result = poll_fn(|cx| connection.poll_without_shutdown(cx)) => break result,
            // Either a stop or the server gone: finish the request in flight, take no more.
            _ = stopping.changed(), if !stopped => {
                stopped = true;
                Pin::new(&mut connection).graceful_shutdown();
            }
        }
    };
    let parts = connection.into_parts();
    let mut stream = parts.io.into_inner().into_inner();
    match result {
        // A partial head timed out: the client is owed an answer. Nothing read means an idle
        // connection, closed without one.
        Err(error) if error.is_timeout() && !parts.read_buf.is_empty() => {
            tracing::info!(status = 408, received_bytes = parts.read_buf.len(), "request head timed out");
            let answer = header_timeout_answer();
            let _ = tokio::time::timeout(ANSWER_TIMEOUT, async {
                stream.write_all(&answer).await?;
                stream.shutdown().await
            })
            .await;
        }
        Err(error) if is_write_timeout(&error) => {
            tracing::info!(%error, "the client did not read its answers in time; connection closed");
        }
        Err(error) => tracing::debug!(%error, "connection ended with an error"),
        Ok(()) => {
            // hyper leaves the socket open under `poll_without_shutdown`; close it as it would.
            let _ = tokio::time::timeout(ANSWER_TIMEOUT, stream.shutdown()).await;
        }
    }
}

/// The ARM 408 for a request whose head did not arrive in time, with its own request id, as the
/// router's answers have.
///
/// Always in English, without `Content-Language`: the head is partial, so there is no
/// `Accept-Language` to negotiate by (a header read half-way may hold a cut tag), and the answer is
/// written before any request exists for the router's languages to apply to.
fn header_timeout_answer() -> Vec<u8> {
    let status = StatusCode::REQUEST_TIMEOUT;
    let payload = ErrorResponse::new("RequestTimeout", "The request headers did not arrive in time.");
    // A payload of two plain strings always serializes.
    let body = serde_json::to_vec(&payload).unwrap_or_default();
    let head = format!(
        "HTTP/1.1 {} {}\r\ncontent-type: application/json; charset=utf-8\r\nx-ms-error-code: RequestTimeout\r\n{REQUEST_ID}: {}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        status.as_u16(),
        status.canonical_reason().unwrap_or("Request Timeout"),
        uuid::Uuid::new_v4(),
        body.len(),
    );
    let mut answer = head.into_bytes();
    answer.extend_from_slice(&body);
    answer
}

/// Whether hyper gave up on a connection because [`WriteTimeout`] timed a write out.
fn is_write_timeout(error: &hyper::Error) -> bool {
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        if cause.downcast_ref::<io::Error>().is_some_and(|cause| cause.kind() == io::ErrorKind::TimedOut) {
            return true;
        }
        source = cause.source();
    }
    false
}

/// A connection's IO whose writes fail with [`io::ErrorKind::TimedOut`] once they have made no
/// progress for `timeout`: hyper then ends the connection. hyper has no write timeout, and its
/// header timer starts only after the previous answer is flushed, so nothing else frees a
/// connection whose client sends requests but never reads the answers.
///
/// The timer is armed when a write or flush returns `Pending` (the socket's buffers are full)
/// and disarmed when one completes, so it measures the time without progress, not the time an
/// answer takes: a slow reader is served whatever the size of the answer.
struct WriteTimeout<T> {
    inner: T,
    timeout: Duration,
    /// Boxed so that this type is `Unpin` (hyper's `poll_without_shutdown` needs it); one
    /// allocation per connection, reset rather than recreated.
    sleep: Pin<Box<Sleep>>,
    /// Whether `sleep` is counting down a stalled write.
    armed: bool,
}

impl<T> WriteTimeout<T> {
    fn new(inner: T, timeout: Duration) -> Self {
        // Not polled until armed, so its deadline here does not matter.
        WriteTimeout { inner, timeout, sleep: Box::pin(tokio::time::sleep(timeout)), armed: false }
    }

    fn into_inner(self) -> T {
        self.inner
    }

    /// What a write or flush that returned `poll` answers: its result if it completed (the
    /// timer then stops), `Pending` while the stall is shorter than the timeout, and
    /// `TimedOut` once it is not. Polling the sleep registers the waker, so the connection is
    /// woken at the deadline even if the socket never becomes writable.
    fn watch<R>(&mut self, cx: &mut Context<'_>, poll: Poll<io::Result<R>>) -> Poll<io::Result<R>> {
        if poll.is_ready() {
            self.armed = false;
            return poll;
        }
        if !self.armed {
            self.armed = true;
            self.sleep.as_mut().reset(Instant::now() + self.timeout);
        }
        match self.sleep.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                format!("no write progress for {} ms", self.timeout.as_millis()),
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<T: hyper::rt::Read + Unpin> hyper::rt::Read for WriteTimeout<T> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: hyper::rt::ReadBufCursor<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_read(cx, buf)
    }
}

impl<T: hyper::rt::Write + Unpin> hyper::rt::Write for WriteTimeout<T> {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.inner).poll_write(cx, buf);
        this.watch(cx, poll)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.inner).poll_write_vectored(cx, bufs);
        this.watch(cx, poll)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.inner).poll_flush(cx);
        this.watch(cx, poll)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        // Not timed here: the callers of a shutdown bound it themselves (`ANSWER_TIMEOUT`).
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}
