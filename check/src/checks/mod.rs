//! The ordered list of checks, following the lesson's steps (v1 to v5,
//! then the exercise and the protocol's rules), and what each one needs.
//!
//! Each check opens its own connections, so one check's leftovers never
//! confuse the next. A check whose prerequisite failed is not run: its
//! result would only repeat the first failure.

mod basics;
mod catalog;
mod errors;
mod framing;
mod session_end;
mod together;

use crate::context::Context;
use crate::problem::Problem;

/// One check, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Check {
    Connect,
    Welcome,
    JsonLines,
    Add,
    List,
    BigProduct,
    TwoClients,
    Get,
    GetMissing,
    ParseError,
    UnknownMethod,
    BadParams,
    Quit,
    Pipeline,
    Notify,
}

impl Check {
    /// Every check, in order.
    pub const ALL: [Check; 15] = [
        Check::Connect,
        Check::Welcome,
        Check::JsonLines,
        Check::Add,
        Check::List,
        Check::BigProduct,
        Check::TwoClients,
        Check::Get,
        Check::GetMissing,
        Check::ParseError,
        Check::UnknownMethod,
        Check::BadParams,
        Check::Quit,
        Check::Pipeline,
        Check::Notify,
    ];

    /// The name used on the command line and in `--json` reports.
    pub fn name(self) -> &'static str {
        match self {
            Check::Connect => "connect",
            Check::Welcome => "welcome",
            Check::JsonLines => "json-lines",
            Check::Add => "add",
            Check::List => "list",
            Check::BigProduct => "big-product",
            Check::TwoClients => "two-clients",
            Check::Get => "get",
            Check::GetMissing => "get-missing",
            Check::ParseError => "parse-error",
            Check::UnknownMethod => "unknown-method",
            Check::BadParams => "bad-params",
            Check::Quit => "quit",
            Check::Pipeline => "pipeline",
            Check::Notify => "notify",
        }
    }

    pub fn from_name(name: &str) -> Option<Check> {
        Check::ALL.into_iter().find(|check| check.name() == name)
    }

    /// The message id of the check's title (`check-title-<name>`); its
    /// expectation is `check-expect-<name>`.
    pub fn title_id(self) -> String {
        format!("check-title-{}", self.name())
    }

    pub fn expect_id(self) -> String {
        format!("check-expect-{}", self.name())
    }

    /// The checks that must pass (when they run) for this one to be run.
    pub fn needs(self) -> &'static [Check] {
        match self {
            Check::Connect => &[],
            Check::Welcome => &[Check::Connect],
            Check::JsonLines => &[Check::Welcome],
            Check::Add
            | Check::TwoClients
            | Check::GetMissing
            | Check::ParseError
            | Check::UnknownMethod
            | Check::BadParams
            | Check::Quit => &[Check::JsonLines],
            Check::List | Check::BigProduct | Check::Get | Check::Pipeline => &[Check::Add],
            Check::Notify => &[Check::Add, Check::TwoClients],
        }
    }

    /// Runs the check.
    pub fn run(self, context: &Context) -> Result<(), Problem> {
        match self {
            Check::Connect => basics::connect(context),
            Check::Welcome => basics::welcome(context),
            Check::JsonLines => basics::json_lines(context),
            Check::Add => catalog::add(context),
            Check::List => catalog::list(context),
            Check::BigProduct => framing::big_product(context),
            Check::TwoClients => together::two_clients(context),
            Check::Get => catalog::get(context),
            Check::GetMissing => catalog::get_missing(context),
            Check::ParseError => errors::parse_error(context),
            Check::UnknownMethod => errors::unknown_method(context),
            Check::BadParams => errors::bad_params(context),
            Check::Quit => session_end::quit(context),
            Check::Pipeline => framing::pipeline(context),
            Check::Notify => together::notify(context),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Check;
    use lojinha_words::{Language, has_message};

    /// Every check's title and expectation exist in every language.
    #[test]
    fn every_check_has_its_words() {
        for language in Language::ALL {
            for check in Check::ALL {
                assert!(has_message(language, &check.title_id()), "{} {}", check.name(), language.tag());
                assert!(has_message(language, &check.expect_id()), "{} {}", check.name(), language.tag());
            }
        }
    }
}
