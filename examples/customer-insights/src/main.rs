//! `customer-insights`: the reference Relationship service (`serve`, the default), `check` and
//! `schema`.

use std::io::{IsTerminal as _, Read as _};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use customer_insights::service::Limits;
use customer_insights::store::MemoryStore;
use customer_insights::{check, locales, schema, server, service};

/// The Customer Insights "Create or Update Relationship" reference service.
#[derive(Parser)]
#[command(name = "customer-insights", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    serve: ServeArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Serve PUT and GET of relationships over HTTP, in memory (the default).
    Serve(ServeArgs),
    /// Validate a request body; prints `valid` (exit 0) or the ARM payload (exit 1), the bytes a
    /// `PUT` of it to a new name answers.
    Check {
        /// The body's file; `-` or nothing reads standard input.
        file: Option<PathBuf>,
        /// The language of the messages, as a request's `Accept-Language` would choose it: `en`,
        /// `de` or `ja`.
        #[arg(long, default_value = "en", value_name = "TAG", value_parser = language_tag)]
        lang: String,
        /// Each detail carries `additionalInfo` (the rule and its parameters), as under
        /// `serve --additional-info`.
        #[arg(long)]
        additional_info: bool,
    },
    /// Print the body's schema, every rule of the model included: its Swagger 2.0 definitions
    /// (`{"definitions": {…}}`, as the official description of the resource is written), or
    /// JSON Schema 2020-12.
    Schema {
        /// The schema's dialect.
        #[arg(long, value_enum, default_value_t = Dialect::Swagger2)]
        dialect: Dialect,
    },
}

/// The dialects `schema` writes.
#[derive(Clone, Copy, clap::ValueEnum)]
enum Dialect {
    /// Swagger 2.0 (`OpenAPI` 2.0) definitions, the dialect of Azure's API descriptions.
    #[value(name = "swagger2")]
    Swagger2,
    /// JSON Schema 2020-12, as schemars writes it.
    #[value(name = "2020-12")]
    JsonSchema2020,
}

/// The language the service answers `tag` in, as `Accept-Language: <tag>` chooses it (`de-DE` and
/// `DE` are `de`); a tag that would get English without naming it is refused, with the tags the
/// service speaks.
fn language_tag(tag: &str) -> Result<String, String> {
    let languages = locales::languages();
    let chosen = languages.negotiate(Some(tag)).tag();
    let asked_english = tag.split('-').next().is_some_and(|primary| primary.eq_ignore_ascii_case("en"));
    if chosen == "en" && !asked_english {
        return Err(format!("unknown language; the service speaks {}", languages.tags().join(", ")));
    }
    Ok(chosen.to_owned())
}

/// The largest value of a timeout flag, a day: `server::Config::MAX_TIMEOUT`.
const MAX_TIMEOUT_SECS: u64 = server::Config::MAX_TIMEOUT.as_secs();

#[derive(Args, Clone)]
struct ServeArgs {
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// The largest request body accepted; larger ones get 413.
    #[arg(long, default_value_t = 1_048_576)]
    max_body_bytes: usize,
    // Every timeout is at most a day (`MAX_TIMEOUT_SECS`): hyper adds the header timeout to the
    // current instant, and `u64::MAX` seconds made that panic in every connection's task.
    /// Seconds a request's head (request line and headers) may take to arrive; a partial head
    /// then gets 408 and its connection is closed, as is an idle keep-alive connection.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=MAX_TIMEOUT_SECS))]
    header_timeout_secs: u64,
    /// Seconds a request's body may take to arrive once the service starts reading it; a slower
    /// one gets 408.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=MAX_TIMEOUT_SECS))]
    body_timeout_secs: u64,
    /// Seconds an answer's write may make no progress (the client not reading) before the
    /// connection is closed; a client that reads at all, however slowly, lets writes progress
    /// many times in 10 s.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=MAX_TIMEOUT_SECS))]
    write_timeout_secs: u64,
    /// Seconds the requests in flight have after Ctrl-C or SIGTERM; then the connections left are
    /// dropped and the process exits.
    // 0 stays allowed, as before the cap: it means drop every connection at once.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(0..=MAX_TIMEOUT_SECS))]
    shutdown_deadline_secs: u64,
    /// Each detail of a 400 carries `additionalInfo`: the rule it broke and its parameters, for
    /// clients that word messages themselves.
    #[arg(long)]
    additional_info: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { file, lang, additional_info }) => run_check(file, &lang, additional_info),
        Some(Command::Schema { dialect }) => run_schema(dialect),
        Some(Command::Serve(args)) => run_serve(&args),
        None => run_serve(&cli.serve),
    }
}

fn run_check(file: Option<PathBuf>, tag: &str, additional_info: bool) -> ExitCode {
    let languages = locales::languages().with_additional_info(additional_info);
    // `--lang` was checked against these languages already.
    let Some(language) = languages.get(tag) else {
        eprintln!("customer-insights: unknown language {tag}");
        return ExitCode::from(2);
    };
    let body = match read_input(file.as_ref()) {
        Ok(body) => body,
        Err(error) => {
            let name = file.map_or_else(|| "standard input".to_owned(), |file| file.display().to_string());
            eprintln!("customer-insights: cannot read {name}: {error}");
            return ExitCode::from(2);
        }
    };
    let checked = check::check_in(&body, &language);
    println!("{}", checked.output);
    if checked.valid { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

fn run_schema(dialect: Dialect) -> ExitCode {
    let schema = match dialect {
        Dialect::Swagger2 => schema::swagger2(),
        Dialect::JsonSchema2020 => schema::json_schema(),
    };
    // A `Value` of strings, numbers and maps: writing it cannot fail.
    println!("{}", serde_json::to_string_pretty(&schema).unwrap_or_default());
    ExitCode::SUCCESS
}

fn read_input(file: Option<&PathBuf>) -> std::io::Result<Vec<u8>> {
    match file {
        Some(path) if path.as_os_str() != "-" => std::fs::read(path),
        _ => {
            let mut body = Vec::new();
            std::io::stdin().read_to_end(&mut body)?;
            Ok(body)
        }
    }
}

fn run_serve(args: &ServeArgs) -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("customer-insights: cannot start the runtime: {error}");
            return ExitCode::from(2);
        }
    };
    match runtime.block_on(serve(args.clone())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("customer-insights: {error}");
            ExitCode::from(2)
        }
    }
}

impl ServeArgs {
    /// The service's limits and the server's configuration these flags ask for.
    fn settings(&self) -> (Limits, server::Config) {
        let limits = Limits {
            max_body_bytes: self.max_body_bytes,
            body_timeout: Duration::from_secs(self.body_timeout_secs),
            ..Limits::default()
        };
        let config = server::Config {
            header_timeout: Duration::from_secs(self.header_timeout_secs),
            write_timeout: Duration::from_secs(self.write_timeout_secs),
            shutdown_deadline: Duration::from_secs(self.shutdown_deadline_secs),
            ..server::Config::default()
        };
        (limits, config)
    }
}

async fn serve(args: ServeArgs) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(args.addr).await?;
    let (limits, config) = args.settings();
    let languages = locales::languages().with_additional_info(args.additional_info);
    let app = service::router_with_languages(Arc::new(MemoryStore::default()), limits, languages);
    tracing::info!(
        addr = %listener.local_addr()?,
        max_body_bytes = args.max_body_bytes,
        header_timeout_secs = args.header_timeout_secs,
        body_timeout_secs = args.body_timeout_secs,
        write_timeout_secs = args.write_timeout_secs,
        shutdown_deadline_secs = args.shutdown_deadline_secs,
        additional_info = args.additional_info,
        "listening"
    );
    server::serve(listener, app, config, shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

/// Ctrl-C or SIGTERM: the server then stops accepting and finishes the requests in flight,
/// within its shutdown deadline.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use clap::Parser as _;

    use super::{Cli, Command, Limits, ServeArgs, server};

    fn serve_args(flags: &[&str]) -> ServeArgs {
        let cli = Cli::try_parse_from([&["customer-insights", "serve"], flags].concat()).unwrap();
        match cli.command {
            Some(Command::Serve(args)) => args,
            _ => panic!("not serve"),
        }
    }

    /// The README's defaults ("The two commands", "Limits and robustness"): the flags left out are
    /// the library's defaults, and those are the documented values.
    #[test]
    fn the_flags_left_out_are_the_documented_defaults() {
        let args = serve_args(&[]);
        assert_eq!(args.addr.to_string(), "127.0.0.1:8080");
        assert!(!args.additional_info);
        let (limits, config) = args.settings();
        assert_eq!(limits, Limits::default());
        assert_eq!(config, server::Config::default());
        assert_eq!((limits.max_body_bytes, limits.body_timeout), (1 << 20, Duration::from_secs(30)));
        let seconds = |secs| Duration::from_secs(secs);
        assert_eq!(
            (config.header_timeout, config.write_timeout, config.shutdown_deadline, config.max_head_bytes),
            (seconds(10), seconds(10), seconds(10), 128 * 1024)
        );
    }

    #[test]
    fn each_flag_reaches_its_setting() {
        let args = serve_args(&[
            "--max-body-bytes",
            "100",
            "--header-timeout-secs",
            "2",
            "--body-timeout-secs",
            "3",
            "--write-timeout-secs",
            "4",
            "--shutdown-deadline-secs",
            "5",
            "--additional-info",
        ]);
        assert!(args.additional_info);
        let (limits, config) = args.settings();
        assert_eq!(Limits { max_body_bytes: 100, body_timeout: Duration::from_secs(3), ..Limits::default() }, limits);
        let expected = server::Config {
            header_timeout: Duration::from_secs(2),
            write_timeout: Duration::from_secs(4),
            shutdown_deadline: Duration::from_secs(5),
            ..server::Config::default()
        };
        assert_eq!(config, expected);
    }
}
