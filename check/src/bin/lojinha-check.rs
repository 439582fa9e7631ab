//! `lojinha-check HOST:PORT`: runs the ordered checks against a server and
//! prints the report (text, or JSON with `--json`). Exit code 0 only when
//! every chosen check passed; 1 when one failed; 2 for a bad command line.

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use lojinha_check::checks::Check;
use lojinha_check::{Settings, choose, run, text};
use lojinha_words::Language;

/// Checks a server that claims to speak Lojinha's protocol (JSON-RPC 2.0,
/// one message per line, over TCP) and says, step by step, what it does
/// right and where it breaks the protocol, with a hint for each failure.
///
/// The checks follow the lesson's steps: connect (v1), welcome (v2),
/// JSON-RPC lines, product.add and product.list (v3/v4), a product larger
/// than one read() and two clients at once (v5), product.get and error 1001
/// (the exercise), the protocol's errors, quit, pipelined requests, and
/// notifications. A check whose prerequisite failed is "not reached".
///
/// The checker adds a few products whose codes start with CHK to the
/// server's catalog. It never waits more than the timeout for any answer.
///
/// Examples:
///   lojinha-check 127.0.0.1:5050
///   lojinha-check --lang pt --only welcome,add 192.168.0.12:6000
///   lojinha-check --json 127.0.0.1:5050 > report.json
#[derive(Parser, Debug)]
#[command(name = "lojinha-check", version, verbatim_doc_comment)]
struct Args {
    /// The server to check, HOST:PORT (for example 127.0.0.1:5050).
    #[arg(required_unless_present = "list")]
    address: Option<String>,

    /// Print the checks' names, in the order they run, and exit.
    #[arg(long)]
    list: bool,

    /// Print a machine-readable JSON report instead of text.
    #[arg(long)]
    json: bool,

    /// Run only these checks (comma-separated names; see --list).
    #[arg(long, value_delimiter = ',')]
    only: Vec<String>,

    /// Leave out these checks (comma-separated names; see --list).
    #[arg(long, value_delimiter = ',')]
    skip: Vec<String>,

    /// The language of titles and hints: pt, en or es (default: the system's).
    #[arg(long)]
    lang: Option<String>,

    /// Seconds to wait for a connection and for each answer.
    #[arg(long, default_value_t = 2.0)]
    timeout: f64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let Some(address) = args.address.clone().filter(|_| !args.list) else {
        Check::ALL.iter().for_each(|c| println!("{}", c.name()));
        return ExitCode::SUCCESS;
    };
    let chosen = match choose(&args.only, &args.skip) {
        Ok(chosen) => chosen,
        Err(name) => return bad_usage(&format!("no check named {name:?} (lojinha-check --list names them)")),
    };
    if !(args.timeout > 0.0 && args.timeout <= 600.0) {
        return bad_usage("--timeout must be between 0 and 600 seconds");
    }
    let language = args.lang.as_deref().map_or_else(Language::system, Language::from_locale);
    let settings = Settings { address, timeout: Duration::from_secs_f64(args.timeout) };
    let report = if args.json {
        run_json(&settings, &chosen, language)
    } else {
        run_text(&settings, &chosen, language)
    };
    if report.passed { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// Prints each check as it ends, then the summary.
fn run_text(settings: &Settings, chosen: &[Check], language: Language) -> lojinha_check::Report {
    let mut out = std::io::stdout().lock();
    out.write_all(text::header(&settings.address, language).as_bytes()).ok();
    let mut number = 0;
    let report = run(settings, chosen, language, |check| {
        number += 1;
        out.write_all(text::check_text(number, check, language).as_bytes()).ok();
        out.flush().ok();
    });
    out.write_all(text::summary(&report, language).as_bytes()).ok();
    report
}

fn run_json(settings: &Settings, chosen: &[Check], language: Language) -> lojinha_check::Report {
    let report = run(settings, chosen, language, |_| {});
    let json = serde_json::to_string_pretty(&report).expect("a report is always JSON");
    println!("{json}");
    report
}

fn bad_usage(message: &str) -> ExitCode {
    eprintln!("lojinha-check: {message}");
    ExitCode::from(2)
}
