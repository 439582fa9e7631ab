//! The product record and the rules every product must follow.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::field::FieldError;
use super::reason::Reason;

pub const MAX_CODE_LEN: usize = 32;
pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_PRICE_CENTS: i64 = 1_000_000_000_000;
pub const MAX_QUANTITY: i64 = 1_000_000_000;

/// A product of the catalog. Money is in integer cents, never a float.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    pub code: String,
    pub name: String,
    pub price_cents: i64,
    pub quantity: i64,
    /// Protocol 1.1: 1 when added, +1 with every committed update. It
    /// belongs to the server; 0 means "not known" (a product made here, or
    /// read from a 1.0 server) and is not sent.
    #[serde(default, skip_serializing_if = "is_unknown")]
    pub version: i64,
}

fn is_unknown(version: &i64) -> bool {
    *version == 0
}

impl Product {
    /// Checks a product given as JSON and returns it normalized (name trimmed,
    /// quantity defaulted to 0).
    pub fn from_json(value: Value) -> Result<Product, FieldError> {
        let Value::Object(mut fields) = value else {
            return Err(FieldError::new("product", Reason::NotAnObject));
        };
        let code = take_string(&mut fields, "code")?;
        validate_code(&code).map_err(|reason| FieldError::new("code", reason))?;
        let name = check_name(&take_string(&mut fields, "name")?)
            .map_err(|reason| FieldError::new("name", reason))?;
        let price_cents = take_integer(&mut fields, "price_cents", MAX_PRICE_CENTS)?
            .ok_or_else(|| FieldError::new("price_cents", Reason::Required))?;
        let quantity = take_integer(&mut fields, "quantity", MAX_QUANTITY)?.unwrap_or(0);
        // The version belongs to the server: a product read from it can be
        // sent back as it is, and the version it carries is ignored.
        fields.remove("version");
        if let Some(unknown) = fields.keys().next() {
            return Err(FieldError::new(unknown, Reason::UnknownField));
        }
        Ok(Product { code, name, price_cents, quantity, version: 0 })
    }

    /// Checks a product built in Rust (the client and the GUI form use this
    /// before sending, so users see the same rules the server applies).
    pub fn validate(&self) -> Result<Product, FieldError> {
        let json = serde_json::to_value(self).expect("a product serializes");
        Product::from_json(json)
    }
}

/// `1` to `32` characters from `A-Z a-z 0-9 . _ -`.
pub fn validate_code(code: &str) -> Result<(), Reason> {
    if code.is_empty() {
        return Err(Reason::Empty);
    }
    if code.len() > MAX_CODE_LEN {
        return Err(Reason::TooLong { max: MAX_CODE_LEN });
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-');
    if let Some(bad) = code.chars().find(|&c| !allowed(c)) {
        return Err(Reason::character_not_allowed(bad));
    }
    Ok(())
}

/// Trims, then `1` to `200` code points, no control characters.
pub fn check_name(raw: &str) -> Result<String, Reason> {
    let name = raw.trim();
    let chars = name.chars().count();
    if chars == 0 {
        return Err(Reason::Empty);
    }
    if chars > MAX_NAME_CHARS {
        return Err(Reason::TooLongHas { max: MAX_NAME_CHARS, has: chars });
    }
    check_shown_text(name)?;
    Ok(name.to_owned())
}

/// The rules every name shown to other people follows (a product's `name`,
/// `hello`'s `client`): no control characters, no bidirectional controls
/// that would reorder the text around it, and something visible.
pub fn check_shown_text(text: &str) -> Result<(), Reason> {
    if text.chars().any(char::is_control) {
        return Err(Reason::ControlCharacters);
    }
    if text.chars().any(is_bidi_control) {
        return Err(Reason::BidiControls);
    }
    if text.chars().all(is_invisible) {
        return Err(Reason::NothingVisible);
    }
    Ok(())
}

/// U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that draw nothing: white space, zero-width spaces, joiners
/// and marks, fillers, variation selectors and tags.
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

fn take_string(fields: &mut Map<String, Value>, key: &str) -> Result<String, FieldError> {
    match fields.remove(key) {
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(FieldError::new(key, Reason::NotAString)),
        None => Err(FieldError::new(key, Reason::Required)),
    }
}

fn take_integer(fields: &mut Map<String, Value>, key: &str, max: i64) -> Result<Option<i64>, FieldError> {
    let Some(value) = fields.remove(key) else {
        return Ok(None);
    };
    let range = || Reason::IntegerRange { min: 0, max };
    let Value::Number(number) = value else {
        return Err(FieldError::new(key, range()));
    };
    match number.as_i64() {
        Some(n) if (0..=max).contains(&n) => Ok(Some(n)),
        _ => Err(FieldError::new(key, range())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn field_of(value: Value) -> String {
        Product::from_json(value).unwrap_err().field
    }

    /// A valid product is normalized: name trimmed, quantity defaulted.
    #[test]
    fn normalizes_valid_product() {
        let p = Product::from_json(json!({"code":"CAN-001","name":"  Caneta  ","price_cents":250})).unwrap();
        assert_eq!(p.name, "Caneta");
        assert_eq!(p.quantity, 0);
    }

    /// Each broken rule names the field that broke it.
    #[test]
    fn each_rule_names_its_field() {
        let base = || json!({"code":"A","name":"n","price_cents":1,"quantity":1});
        let with = |key: &str, value: Value| {
            let mut v = base();
            v[key] = value;
            v
        };
        assert_eq!(field_of(with("code", json!(""))), "code");
        assert_eq!(field_of(with("code", json!("a b"))), "code");
        assert_eq!(field_of(with("code", json!("x".repeat(33)))), "code");
        assert_eq!(field_of(with("code", json!(7))), "code");
        assert_eq!(field_of(with("name", json!("   "))), "name");
        assert_eq!(field_of(with("name", json!("ç".repeat(201)))), "name");
        assert_eq!(field_of(with("name", json!("a\u{7}b"))), "name");
        assert_eq!(field_of(with("price_cents", json!(-1))), "price_cents");
        assert_eq!(field_of(with("price_cents", json!(2.5))), "price_cents");
        assert_eq!(field_of(with("price_cents", json!(MAX_PRICE_CENTS + 1))), "price_cents");
        assert_eq!(field_of(with("quantity", json!("3"))), "quantity");
        assert_eq!(field_of(with("colour", json!("red"))), "colour");
        assert_eq!(field_of(json!("CAN-001")), "product");
        let mut missing = base();
        missing.as_object_mut().unwrap().remove("price_cents");
        assert_eq!(field_of(missing), "price_cents");
    }

    /// Names that would spoof what others see (bidi overrides, nothing visible) are refused.
    #[test]
    fn spoofing_names_are_refused() {
        let reason = |name: &str| check_name(name).err();
        assert_eq!(reason("Caneta \u{202E}azul"), Some(Reason::BidiControls));
        assert_eq!(reason("a\u{2067}b"), Some(Reason::BidiControls));
        assert_eq!(reason("\u{200B}"), Some(Reason::NothingVisible));
        assert_eq!(reason("\u{200B}\u{200D}\u{FEFF} \u{2060}"), Some(Reason::NothingVisible));
        assert_eq!(reason("Café ☕"), None);
        assert_eq!(reason("a\u{200D}b"), None, "joiners inside visible text are fine (emoji)");
    }

    /// Limits are inclusive and counted in code points.
    #[test]
    fn limits_are_inclusive_and_in_code_points() {
        let p = json!({"code":"x".repeat(32),"name":"ã".repeat(200),
                       "price_cents":MAX_PRICE_CENTS,"quantity":MAX_QUANTITY});
        assert!(Product::from_json(p).is_ok());
    }
}
