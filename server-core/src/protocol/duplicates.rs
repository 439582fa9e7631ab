//! Finding a key written twice in a JSON object.
//!
//! `serde_json` keeps the last of two equal keys without a word, so a filter
//! that reads the first `"method"` would see another call than the one the
//! server runs. The protocol makes such a request invalid instead. This walk
//! reads the line once more without building anything (keys are compared
//! in place, most of them borrowed from the line) and says which message, or
//! which entries of a batch, hold a repeated key anywhere inside.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// Scalars hold no objects: every visitor answers them with `$value`.
macro_rules! forward_scalars {
    ($value:expr) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok($value)
        }
    };
}

/// Where a line repeats a key. Lines that are not JSON give `None` from
/// [`find`]: the normal parse reports those.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Duplicates {
    /// No object in the line repeats a key.
    None,
    /// The line is one object that repeats a key somewhere inside it.
    Whole(Repeated),
    /// The line is an array; these entries (by index) repeat a key inside.
    Entries(Vec<(usize, Repeated)>),
}

/// What one request object repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Repeated {
    /// Some key, at any depth.
    pub any: bool,
    /// `id` itself, at the top of the request: no id can be trusted.
    pub id: bool,
}

/// Walks `line` (one JSON value) looking for repeated keys.
pub fn find(line: &[u8]) -> Option<Duplicates> {
    let mut deserializer = serde_json::Deserializer::from_slice(line);
    let found = deserializer.deserialize_any(TopLevel).ok()?;
    deserializer.end().ok()?;
    Some(found)
}

/// The top of the line: an array is a batch, so each entry is judged alone.
struct TopLevel;

impl<'de> Visitor<'de> for TopLevel {
    type Value = Duplicates;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Duplicates, A::Error> {
        let mut entries = Vec::new();
        let mut index = 0;
        while let Some(repeated) = seq.next_element_seed(Entry)? {
            if repeated.any {
                entries.push((index, repeated));
            }
            index += 1;
        }
        Ok(if entries.is_empty() { Duplicates::None } else { Duplicates::Entries(entries) })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Duplicates, A::Error> {
        let repeated = Entry.visit_map(map)?;
        Ok(if repeated.any { Duplicates::Whole(repeated) } else { Duplicates::None })
    }

    forward_scalars!(Duplicates::None);
}

/// One request (a message, or an entry of a batch): also says whether `id`
/// itself is repeated.
#[derive(Clone, Copy)]
struct Entry;

impl<'de> DeserializeSeed<'de> for Entry {
    type Value = Repeated;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Repeated, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Entry {
    type Value = Repeated;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Repeated, A::Error> {
        Ok(Repeated { any: Walk.visit_seq(seq)?, id: false })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Repeated, A::Error> {
        let mut keys: Vec<Key<'de>> = Vec::new();
        let mut repeated = Repeated::default();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            if keys.contains(&key) {
                repeated.any = true;
                repeated.id |= key.as_str() == "id";
            }
            keys.push(key);
            repeated.any |= map.next_value_seed(Walk)?;
        }
        Ok(repeated)
    }

    forward_scalars!(Repeated::default());
}

/// Any value inside: true when some object in it repeats a key.
#[derive(Clone, Copy)]
struct Walk;

impl<'de> DeserializeSeed<'de> for Walk {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        let mut repeated = false;
        while let Some(inner) = seq.next_element_seed(Walk)? {
            repeated |= inner;
        }
        Ok(repeated)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        // Objects in requests are small: a list beats a hash set here.
        let mut keys: Vec<Key<'de>> = Vec::new();
        let mut repeated = false;
        while let Some(key) = map.next_key::<Key<'de>>()? {
            repeated |= keys.contains(&key);
            keys.push(key);
            repeated |= map.next_value_seed(Walk)?;
        }
        Ok(repeated)
    }

    forward_scalars!(false);
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

    /// A repeated key is found at any depth, in a single message or per batch entry.
    #[test]
    fn finds_repeated_keys_anywhere() {
        let find = |s: &str| find(s.as_bytes());
        assert_eq!(find(r#"{"a":1,"b":2}"#), Some(Duplicates::None));
        let some = Repeated { any: true, id: false };
        let id = Repeated { any: true, id: true };
        assert_eq!(find(r#"{"method":"a","method":"b"}"#), Some(Duplicates::Whole(some)));
        assert_eq!(find(r#"{"id":1,"id":2}"#), Some(Duplicates::Whole(id)));
        assert_eq!(find(r#"{"p":{"x":[{"k":1,"k":2}]}}"#), Some(Duplicates::Whole(some)));
        assert_eq!(find(r#"{"p":{"id":1,"id":2}}"#), Some(Duplicates::Whole(some)), "only the top id counts");
        assert_eq!(find(r#"{"a":{"k":1},"b":{"k":2}}"#), Some(Duplicates::None));
        let batch = r#"[{"a":1},{"a":1,"a":2},3,{"b":{"c":1,"c":1}}]"#;
        assert_eq!(find(batch), Some(Duplicates::Entries(vec![(1, some), (3, some)])));
        assert_eq!(find(r#"{"\u0061":1,"a":2}"#), Some(Duplicates::Whole(some)), "escapes name the same key");
        assert_eq!(find("{not json"), None);
        assert_eq!(find("42"), Some(Duplicates::None));
    }
}
