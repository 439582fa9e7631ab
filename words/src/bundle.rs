//! The Fluent bundles, one per language, parsed once, and the lookups.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::language::Language;
use crate::number;

type Bundle = FluentBundle<FluentResource>;

/// A value given to a message's placeholder: text as it is, numbers as
/// numbers (they pick plural forms and are written in the language's style).
pub trait ToArg {
    fn to_arg(&self) -> FluentValue<'_>;
}

impl ToArg for str {
    fn to_arg(&self) -> FluentValue<'_> {
        FluentValue::String(Cow::Borrowed(self))
    }
}

impl ToArg for String {
    fn to_arg(&self) -> FluentValue<'_> {
        FluentValue::String(Cow::Borrowed(self))
    }
}

impl ToArg for Cow<'_, str> {
    fn to_arg(&self) -> FluentValue<'_> {
        FluentValue::String(Cow::Borrowed(self))
    }
}

impl<T: ToArg + ?Sized> ToArg for &T {
    fn to_arg(&self) -> FluentValue<'_> {
        (**self).to_arg()
    }
}

macro_rules! whole_numbers {
    ($($t:ty),*) => {$(
        impl ToArg for $t {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn to_arg(&self) -> FluentValue<'_> {
                FluentValue::Number(FluentNumber::new(*self as f64, FluentNumberOptions::default()))
            }
        }
    )*};
}

whole_numbers!(i32, i64, u16, u32, u64, usize);

/// A number shown with exactly this many decimals (`Decimal(6.5, 2)` is
/// `6.50` in English, `6,50` in Portuguese and Spanish).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decimal(pub f64, pub usize);

impl ToArg for Decimal {
    fn to_arg(&self) -> FluentValue<'_> {
        let options = FluentNumberOptions {
            minimum_fraction_digits: Some(self.1),
            maximum_fraction_digits: Some(self.1),
            ..FluentNumberOptions::default()
        };
        FluentValue::Number(FluentNumber::new(self.0, options))
    }
}

/// The message `id` in `language`. A missing id gives the id itself, so a
/// forgotten entry shows rather than breaks (a test checks every id the
/// code uses).
pub fn tr(language: Language, id: &str) -> String {
    trf(language, id, &[])
}

/// The message `id` in `language` with its placeholders (`{ $name }`) filled.
pub fn trf(language: Language, id: &str, args: &[(&str, &dyn ToArg)]) -> String {
    let bundle = bundle(language);
    let Some(pattern) = bundle.get_message(id).and_then(|message| message.value()) else {
        return id.to_owned();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.to_arg());
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    debug_assert!(errors.is_empty(), "message {id} in {}: {errors:?}", language.tag());
    text.into_owned()
}

/// Whether `language` has a message `id`.
pub fn has_message(language: Language, id: &str) -> bool {
    bundle(language).has_message(id)
}

/// Every message id of `language`'s file, in file order.
pub fn message_ids(language: Language) -> Vec<String> {
    use fluent_bundle::FluentResource;
    let resource =
        FluentResource::try_new(crate::files::source(language).to_owned()).unwrap_or_else(|(r, _)| r);
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

fn bundle(language: Language) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let index = Language::ALL.iter().position(|l| *l == language).unwrap_or(0);
    BUNDLES[index].get_or_init(|| build(language))
}

/// Parses `language`'s file. The files are part of the program and a test
/// parses each one, so an error here is a bug of the build, reported loudly
/// in debug builds; release builds keep every message that did parse.
fn build(language: Language) -> Bundle {
    let resource = match FluentResource::try_new(crate::files::source(language).to_owned()) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            debug_assert!(errors.is_empty(), "{}.ftl does not parse: {errors:?}", language.tag());
            resource
        }
    };
    let tag = language.tag().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![tag]);
    // egui would draw Unicode isolation marks around each placeholder.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match language {
        Language::En => |value, _| format_number(Language::En, value),
        Language::PtBr => |value, _| format_number(Language::PtBr, value),
        Language::Es => |value, _| format_number(Language::Es, value),
    }));
    if let Err(errors) = bundle.add_resource(resource) {
        debug_assert!(errors.is_empty(), "{}.ftl: {errors:?}", language.tag());
    }
    bundle
}

/// Numbers in the language's style; other values as Fluent writes them.
fn format_number(language: Language, value: &FluentValue) -> Option<String> {
    let FluentValue::Number(n) = value else { return None };
    let options = &n.options;
    let min = options.minimum_fraction_digits.unwrap_or(0);
    let max = options.maximum_fraction_digits.unwrap_or(if n.value.fract() == 0.0 { 0 } else { 3 });
    let text = number::format_parts(language, n.value, min, max, options.use_grouping);
    Some(text)
}
