//! The three Fluent files agree: each parses, has the same messages, and
//! every message uses the same placeholders in every language.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser;
use lojinha_words::{Language, source};

/// Message id → the names of the placeholders it uses.
fn placeholders(language: Language) -> BTreeMap<String, BTreeSet<String>> {
    let resource = parser::parse(source(language))
        .unwrap_or_else(|(_, errors)| panic!("{}.ftl does not parse: {errors:?}", language.tag()));
    let mut messages = BTreeMap::new();
    for entry in resource.body {
        match entry {
            Entry::Message(message) => {
                let mut names = BTreeSet::new();
                let value = message.value.as_ref();
                assert!(value.is_some(), "{} in {} has no value", message.id.name, language.tag());
                value.into_iter().for_each(|pattern| collect_pattern(pattern, &mut names));
                let id = message.id.name.to_owned();
                assert!(messages.insert(id.clone(), names).is_none(), "{id} twice in {}", language.tag());
            }
            Entry::Junk { content } => panic!("{}.ftl has junk: {content}", language.tag()),
            _ => {}
        }
    }
    messages
}

fn collect_pattern(pattern: &Pattern<&str>, names: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            collect_expression(expression, names);
        }
    }
}

fn collect_expression(expression: &Expression<&str>, names: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            collect_inline(selector, names);
            variants.iter().for_each(|variant| collect_pattern(&variant.value, names));
        }
        Expression::Inline(inline) => collect_inline(inline, names),
    }
}

fn collect_inline(inline: &InlineExpression<&str>, names: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            names.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => collect_expression(expression, names),
        _ => {}
    }
}

/// Every file parses with no errors, and every language has exactly English's messages.
#[test]
fn every_message_exists_in_every_language() {
    let english = placeholders(Language::En);
    assert!(english.len() > 400, "only {} messages", english.len());
    for language in Language::ALL {
        let other = placeholders(language);
        let missing: Vec<_> = english.keys().filter(|id| !other.contains_key(*id)).collect();
        let extra: Vec<_> = other.keys().filter(|id| !english.contains_key(*id)).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", language.tag());
        assert!(extra.is_empty(), "{} has ids English lacks: {extra:?}", language.tag());
    }
}

/// A translation uses the same `$names` as English: none forgotten, none invented.
#[test]
fn every_message_has_the_same_placeholders() {
    let english = placeholders(Language::En);
    for language in Language::ALL {
        for (id, names) in placeholders(language) {
            assert_eq!(Some(&names), english.get(&id), "{id} in {}", language.tag());
        }
    }
}

/// Each bundle knows each id, and formats it without Unicode isolation marks.
#[test]
fn bundles_format_every_message_without_isolation_marks() {
    for language in Language::ALL {
        for id in lojinha_words::message_ids(language) {
            assert!(lojinha_words::has_message(language, &id));
        }
        let text = lojinha_words::trf(language, "client-connecting", &[("addr", &"127.0.0.1:5050")]);
        assert!(text.contains("127.0.0.1:5050"), "{text}");
        assert!(!text.contains(['\u{2068}', '\u{2069}']), "{text:?}");
    }
}

/// Counters agree with their number in every language, with the language's digits.
#[test]
fn plurals_follow_the_number() {
    use lojinha_words::trf;
    assert_eq!(trf(Language::En, "log-count", &[("n", &1)]), "1 step");
    assert_eq!(trf(Language::En, "log-count", &[("n", &2)]), "2 steps");
    assert_eq!(trf(Language::PtBr, "log-count", &[("n", &1)]), "1 passo");
    assert_eq!(trf(Language::PtBr, "log-count", &[("n", &0)]), "0 passos");
    assert_eq!(trf(Language::PtBr, "export-button", &[("n", &1)]), "Exportar 1 produto");
    assert_eq!(trf(Language::PtBr, "export-button", &[("n", &2500)]), "Exportar 2.500 produtos");
    assert_eq!(trf(Language::Es, "export-button", &[("n", &1)]), "Exportar 1 producto");
    assert_eq!(trf(Language::En, "export-button", &[("n", &1_000_000)]), "Export 1,000,000 products");
    assert_eq!(
        trf(Language::Es, "export-written", &[("n", &3), ("path", &"a.csv")]),
        "Se escribieron 3 productos en a.csv"
    );
}

/// Text arguments are shown as given (a port is not a number to group).
#[test]
fn text_arguments_are_not_reformatted() {
    let text = lojinha_words::trf(Language::PtBr, "server-running", &[("addr", &"127.0.0.1:5050")]);
    assert!(text.ends_with(" 127.0.0.1:5050"), "{text}");
    let port = lojinha_words::trf(Language::PtBr, "sessions-ago", &[("time", &"5050")]);
    assert!(port.contains("5050") && !port.contains("5.050"), "{port}");
    let decimal =
        lojinha_words::trf(Language::PtBr, "threads-total", &[("seconds", &lojinha_words::Decimal(6.5, 2))]);
    assert_eq!(decimal, "total 6,50 s");
}

/// Multiline lesson texts keep their paragraphs; literal braces survive.
#[test]
fn lesson_texts_keep_paragraphs_and_braces() {
    let text = lojinha_words::tr(Language::En, "lesson-v4_commands-explanation");
    assert_eq!(text.matches("\n\n").count(), 2, "{text}");
    assert!(text.contains("{\"bye\":true}"), "{text}");
    assert!(!text.starts_with(' ') && !text.ends_with('\n'));
}
