//! The in-memory mirror of the catalog, kept sorted by code.
//!
//! The database is the source of truth; this mirror serves every read so
//! `get` and `list` never wait for the disk or for the writer. Only the
//! thread that hands committed groups on (SQLite's writer, PostgreSQL's
//! listener) changes it, and only after the change is committed.

use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;
use std::sync::{Arc, RwLock};

use crate::protocol::calls::Page;
use crate::protocol::product::Product;

/// Products by code, behind a std `RwLock`: reads are short and never do I/O
/// while holding it. A hash index serves `get`; the sorted map serves pages.
/// Both share each product through an `Arc`, so a read copies no strings.
#[derive(Default)]
pub struct CatalogMirror {
    products: RwLock<Index>,
}

#[derive(Default)]
struct Index {
    sorted: BTreeMap<String, Arc<Product>>,
    by_code: HashMap<String, Arc<Product>>,
}

impl CatalogMirror {
    pub fn new(products: impl IntoIterator<Item = Product>) -> Self {
        let mut index = Index::default();
        for product in products {
            index.insert(product);
        }
        CatalogMirror { products: RwLock::new(index) }
    }

    pub fn get(&self, code: &str) -> Option<Arc<Product>> {
        self.read().by_code.get(code).cloned()
    }

    pub fn len(&self) -> usize {
        self.read().sorted.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Products after `after` (exclusive) in byte order, at most `limit`.
    pub fn page(&self, after: Option<&str>, limit: usize) -> Page<Arc<Product>> {
        let index = self.read();
        let start = match after {
            Some(code) => Bound::Excluded(code),
            None => Bound::Unbounded,
        };
        let mut range = index.sorted.range::<str, _>((start, Bound::Unbounded));
        let page: Vec<Arc<Product>> = range.by_ref().take(limit).map(|(_, p)| p.clone()).collect();
        let more = range.next().is_some();
        let next = if more { page.last().map(|p| p.code.clone()) } else { None };
        Page { products: page, next, total: index.sorted.len() }
    }

    pub(crate) fn put(&self, product: Product) {
        self.write().insert(product);
    }

    pub(crate) fn remove(&self, code: &str) {
        let mut index = self.write();
        index.sorted.remove(code);
        index.by_code.remove(code);
    }

    /// Applies a committed outcome (anything but a change is ignored).
    pub(crate) fn apply(&self, outcome: &crate::storage::write::WriteOutcome) {
        use crate::storage::write::WriteOutcome;
        match outcome {
            WriteOutcome::Added(p) | WriteOutcome::Updated(p) => self.put(p.clone()),
            WriteOutcome::Deleted(code) => self.remove(code),
            _ => {}
        }
    }

    /// Replaces every product (a mirror reloaded from the database).
    pub(crate) fn replace_all(&self, products: impl IntoIterator<Item = Product>) {
        let mut index = Index::default();
        for product in products {
            index.insert(product);
        }
        *self.write() = index;
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Index> {
        // A poisoned lock only means a panic elsewhere; the maps themselves are intact.
        self.products.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Index> {
        self.products.write().unwrap_or_else(|e| e.into_inner())
    }
}

impl Index {
    fn insert(&mut self, product: Product) {
        let shared = Arc::new(product);
        self.sorted.insert(shared.code.clone(), shared.clone());
        self.by_code.insert(shared.code.clone(), shared);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn product(code: &str) -> Product {
        Product { code: code.into(), name: "n".into(), price_cents: 1, quantity: 0, version: 1 }
    }

    fn codes(page: &Page<Arc<Product>>) -> Vec<&str> {
        page.products.iter().map(|p| p.code.as_str()).collect()
    }

    /// Pages follow byte order and `next` is null exactly at the end.
    #[test]
    fn pages_in_byte_order_with_exact_next() {
        let catalog = CatalogMirror::new(["b", "B", "a", "A", "c"].map(product));
        let first = catalog.page(None, 2);
        assert_eq!(codes(&first), ["A", "B"]);
        assert_eq!(first.next.as_deref(), Some("B"));
        let second = catalog.page(first.next.as_deref(), 3);
        assert_eq!(codes(&second), ["a", "b", "c"]);
        assert_eq!(second.next, None, "a last page exactly `limit` long has no next");
        assert_eq!(second.total, 5);
        assert_eq!(codes(&catalog.page(Some("zzz"), 3)), Vec::<&str>::new());
    }
}
