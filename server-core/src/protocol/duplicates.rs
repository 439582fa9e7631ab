//! Finding a key written twice in a JSON object, and counting values.
//!
//! `serde_json` keeps the last of two equal keys without a word, so a filter
//! that reads the first `"method"` would see another call than the one the
//! server runs. The protocol makes such a request invalid instead. This walk
//! reads the line once more without building anything (keys are compared
//! in place, most of them borrowed from the line) and says whether a request
//! (a message, or one entry of a batch) holds a repeated key anywhere inside.
//!
//! The same walk counts the request's JSON values. A line within the frame
//! limit can still hold half a million tiny values (`[0,0,0,…]`), and a tree
//! of them costs many times the line; past [`MAX_VALUES`] the request is
//! refused before any tree is built.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// Most JSON values (scalars, arrays, objects) one request may hold; a full
/// `product.add` holds eleven.
pub const MAX_VALUES: usize = 4096;

/// Scalars hold no objects: every visitor counts them and answers `$value`.
macro_rules! forward_scalars {
    ($value:expr) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            self.count()?;
            Ok($value)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            self.count()?;
            Ok($value)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            self.count()?;
            Ok($value)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            self.count()?;
            Ok($value)
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            self.count()?;
            Ok($value)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            self.count()?;
            Ok($value)
        }
    };
}

/// Why a line could not be scanned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScanError {
    /// Not JSON: the normal parse says where.
    NotJson,
    /// More than [`MAX_VALUES`] values.
    TooManyValues,
}

/// The values seen so far, shared by every visitor of one walk.
#[derive(Clone, Copy)]
struct Counter<'c> {
    seen: &'c Cell<usize>,
    max: usize,
}

impl Counter<'_> {
    fn count<E: de::Error>(self) -> Result<(), E> {
        let seen = self.seen.get() + 1;
        self.seen.set(seen);
        if seen > self.max { Err(E::custom("too many values")) } else { Ok(()) }
    }
}

/// What one request object repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Repeated {
    /// Some key, at any depth.
    pub any: bool,
    /// `id` itself, at the top of the request: no id can be trusted.
    pub id: bool,
}

/// Walks one request (a message, or one entry of a batch) looking for
/// repeated keys, counting values.
pub fn find(request: &[u8]) -> Result<Repeated, ScanError> {
    let seen = Cell::new(0);
    let mut deserializer = serde_json::Deserializer::from_slice(request);
    let walk = Walk { counter: Counter { seen: &seen, max: MAX_VALUES }, top: true };
    let found = deserializer.deserialize_any(walk);
    let found = found.and_then(|found| deserializer.end().map(|()| found));
    match found {
        Ok(found) => Ok(found),
        Err(_) if seen.get() > MAX_VALUES => Err(ScanError::TooManyValues),
        Err(_) => Err(ScanError::NotJson),
    }
}

/// Checks that a whole line is JSON nested no deeper than the parser allows
/// (splitting a batch into raw entries does not look inside them).
pub fn check_nesting(line: &[u8]) -> Result<(), serde_json::Error> {
    let seen = Cell::new(0);
    let mut deserializer = serde_json::Deserializer::from_slice(line);
    deserializer.deserialize_any(Walk { counter: Counter { seen: &seen, max: usize::MAX }, top: true })?;
    deserializer.end()
}

/// A value being walked: what it repeats, counting what it holds. `top` is
/// the request itself, whose `id` key matters.
#[derive(Clone, Copy)]
struct Walk<'c> {
    counter: Counter<'c>,
    top: bool,
}

impl Walk<'_> {
    fn count<E: de::Error>(&self) -> Result<(), E> {
        self.counter.count()
    }

    /// A value inside this one.
    fn inner(self) -> Self {
        Walk { top: false, ..self }
    }
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = Repeated;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Repeated, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = Repeated;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Repeated, A::Error> {
        self.count()?;
        let mut repeated = Repeated::default();
        while let Some(inner) = seq.next_element_seed(self.inner())? {
            repeated.any |= inner.any;
        }
        Ok(repeated)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Repeated, A::Error> {
        self.count()?;
        // Objects in requests are small: a list beats a hash set here.
        let mut keys: Vec<Key<'de>> = Vec::new();
        let mut repeated = Repeated::default();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            if keys.contains(&key) {
                repeated.any = true;
                repeated.id |= self.top && key.as_str() == "id";
            }
            keys.push(key);
            repeated.any |= map.next_value_seed(self.inner())?.any;
        }
        Ok(repeated)
    }

    forward_scalars!(Repeated::default());
}

/// A key as written: borrowed from the line unless it has escapes.
enum Key<'a> {
    Borrowed(&'a str),
    Owned(String),
}

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key::Borrowed(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key::Owned(v.to_owned()))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

impl Key<'_> {
    fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(s) => s,
            Key::Owned(s) => s,
        }
    }
}

impl PartialEq for Key<'_> {
    fn eq(&self, other: &Key<'_>) -> bool {
        self.as_str() == other.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A repeated key is found at any depth; only the top level's `id` counts as the id.
    #[test]
    fn finds_repeated_keys_anywhere() {
        let find = |s: &str| find(s.as_bytes()).ok();
        let none = Repeated::default();
        let some = Repeated { any: true, id: false };
        let id = Repeated { any: true, id: true };
        assert_eq!(find(r#"{"a":1,"b":2}"#), Some(none));
        assert_eq!(find(r#"{"method":"a","method":"b"}"#), Some(some));
        assert_eq!(find(r#"{"id":1,"id":2}"#), Some(id));
        assert_eq!(find(r#"{"p":{"x":[{"k":1,"k":2}]}}"#), Some(some));
        assert_eq!(find(r#"{"p":{"id":1,"id":2}}"#), Some(some), "only the top id counts");
        assert_eq!(find(r#"{"a":{"k":1},"b":{"k":2}}"#), Some(none));
        assert_eq!(find(r#"[{"a":1},{"a":1,"a":2}]"#), Some(some));
        assert_eq!(find(r#"{"\u0061":1,"a":2}"#), Some(some), "escapes name the same key");
        assert_eq!(find("{not json"), None);
        assert_eq!(find("42"), Some(none));
    }

    /// Requests with more values than the budget are refused before any tree is built.
    #[test]
    fn counts_values_up_to_the_budget() {
        let within = format!("[{}]", vec!["0"; MAX_VALUES - 1].join(","));
        assert_eq!(find(within.as_bytes()), Ok(Repeated::default()));
        let over = format!("{{\"p\":[{}]}}", vec!["0"; MAX_VALUES].join(","));
        assert_eq!(find(over.as_bytes()), Err(ScanError::TooManyValues));
        assert_eq!(find(b"[1,"), Err(ScanError::NotJson));
    }

    /// Nesting past the parser's limit is found in a whole line, however long.
    #[test]
    fn nesting_is_checked() {
        assert!(check_nesting(b"[[1],[2,[3]]]").is_ok());
        let deep = format!("[{}{}]", "[".repeat(500), "]".repeat(500));
        assert!(check_nesting(deep.as_bytes()).is_err());
    }
}
