//! The products a client window knows, kept in step with the server through
//! pages and notifications, and the sorted, filtered view the table shows.
//!
//! The catalog trusts no server: it holds at most [`MAX_ROWS`] products, and
//! only products within the protocol's rules (code and name lengths); what
//! it turns away is counted, and the table says so.

use std::collections::HashMap;

use lojinha_server::Product;
use lojinha_server::protocol::product::{MAX_CODE_LEN, MAX_NAME_CHARS};

/// Most products a client window's table holds (about 60 MB at the
/// protocol's longest names); a server that sends more is told apart.
pub const MAX_ROWS: usize = 200_000;

/// The column the table is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortColumn {
    Code,
    Name,
    Price,
    Quantity,
}

#[derive(Default)]
pub struct Catalog {
    products: Vec<Product>,
    /// code → position in `products`.
    index: HashMap<String, usize>,
    /// Positions in `products`, filtered and sorted, as the table shows them.
    view: Vec<usize>,
    sort: Option<(SortColumn, bool)>,
    filter: String,
    dirty: bool,
    /// New products turned away because the table was full.
    over_max: usize,
    /// Products turned away because they break the protocol's rules.
    malformed: usize,
}

impl Catalog {
    pub fn clear(&mut self) {
        self.products.clear();
        self.index.clear();
        self.over_max = 0;
        self.malformed = 0;
        self.dirty = true;
    }

    /// Adds or replaces the product with this code. A product that breaks
    /// the rules, or a new one when [`MAX_ROWS`] are held, is counted instead.
    pub fn upsert(&mut self, product: Product) {
        if !within_rules(&product) {
            self.malformed += 1;
            return;
        }
        match self.index.get(&product.code) {
            Some(&i) => self.products[i] = product,
            None if self.products.len() >= MAX_ROWS => {
                self.over_max += 1;
                return;
            }
            None => {
                self.index.insert(product.code.clone(), self.products.len());
                self.products.push(product);
            }
        }
        self.dirty = true;
    }

    pub fn remove(&mut self, code: &str) {
        let Some(i) = self.index.remove(code) else { return };
        self.products.swap_remove(i);
        if let Some(moved) = self.products.get(i) {
            self.index.insert(moved.code.clone(), i);
        }
        self.dirty = true;
    }

    /// Products turned away because the table was full.
    pub fn over_max(&self) -> usize {
        self.over_max
    }

    /// Records that a load stopped at the row limit with `more` products left.
    pub fn note_over_max(&mut self, more: usize) {
        self.over_max += more;
    }

    /// Records `n` products turned away before they reached the table.
    pub fn note_malformed(&mut self, n: usize) {
        self.malformed += n;
    }

    /// Products turned away because they break the protocol's rules.
    pub fn malformed(&self) -> usize {
        self.malformed
    }

    pub fn get(&self, code: &str) -> Option<&Product> {
        self.index.get(code).map(|&i| &self.products[i])
    }

    pub fn len(&self) -> usize {
        self.products.len()
    }

    pub fn is_empty(&self) -> bool {
        self.products.is_empty()
    }

    pub fn sort(&self) -> Option<(SortColumn, bool)> {
        self.sort
    }

    /// Sorts by `column`; a second click on the same column reverses the order.
    pub fn toggle_sort(&mut self, column: SortColumn) {
        self.sort = match self.sort {
            Some((current, ascending)) if current == column => Some((column, !ascending)),
            _ => Some((column, true)),
        };
        self.dirty = true;
    }

    pub fn set_filter(&mut self, filter: &str) {
        if self.filter != filter {
            self.filter = filter.to_owned();
            self.dirty = true;
        }
    }

    /// The products as shown: filtered and sorted (recomputed only after a change).
    pub fn view(&mut self) -> &[usize] {
        if self.dirty {
            self.rebuild_view();
        }
        &self.view
    }

    /// The view as last computed by [`Catalog::view`].
    pub fn shown(&self) -> &[usize] {
        &self.view
    }

    pub fn at(&self, position: usize) -> &Product {
        &self.products[position]
    }

    /// The shown products, in order (for export).
    pub fn shown_products(&mut self) -> Vec<Product> {
        self.view();
        self.view.iter().map(|&i| self.products[i].clone()).collect()
    }

    fn rebuild_view(&mut self) {
        let needle = self.filter.trim().to_lowercase();
        let products = &self.products;
        self.view =
            (0..products.len()).filter(|&i| needle.is_empty() || matches(&products[i], &needle)).collect();
        let (column, ascending) = self.sort.unwrap_or((SortColumn::Code, true));
        self.view.sort_by(|&a, &b| {
            let (a, b) = (&products[a], &products[b]);
            let order = match column {
                SortColumn::Code => a.code.cmp(&b.code),
                SortColumn::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
                SortColumn::Price => a.price_cents.cmp(&b.price_cents),
                SortColumn::Quantity => a.quantity.cmp(&b.quantity),
            };
            let order = order.then_with(|| a.code.cmp(&b.code));
            if ascending { order } else { order.reverse() }
        });
        self.dirty = false;
    }
}

/// The protocol's size rules, checked cheaply (the server checks the rest).
/// Whether a product from a server keeps to the protocol's sizes (anything
/// bigger is counted, never held).
pub fn within_rules(product: &Product) -> bool {
    product.code.len() <= MAX_CODE_LEN && product.name.chars().count() <= MAX_NAME_CHARS
}

fn matches(product: &Product, needle: &str) -> bool {
    product.code.to_lowercase().contains(needle) || product.name.to_lowercase().contains(needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn product(code: &str, name: &str, price_cents: i64) -> Product {
        Product { code: code.into(), name: name.into(), price_cents, quantity: 1, version: 0 }
    }

    /// Upserts, removals, filtering and sorting keep the view consistent.
    #[test]
    fn view_follows_changes_filter_and_sort() {
        let mut catalog = Catalog::default();
        catalog.upsert(product("B", "Borracha", 300));
        catalog.upsert(product("A", "Apontador", 500));
        catalog.upsert(product("C", "Caneta", 100));
        let codes = |c: &mut Catalog| c.shown_products().into_iter().map(|p| p.code).collect::<Vec<_>>();
        assert_eq!(codes(&mut catalog), ["A", "B", "C"]);
        catalog.toggle_sort(SortColumn::Price);
        assert_eq!(codes(&mut catalog), ["C", "B", "A"]);
        catalog.toggle_sort(SortColumn::Price);
        assert_eq!(codes(&mut catalog), ["A", "B", "C"]);
        catalog.remove("A");
        catalog.upsert(product("B", "Borracha branca", 300));
        catalog.set_filter("bor");
        assert_eq!(codes(&mut catalog), ["B"]);
        assert_eq!(catalog.get("B").unwrap().name, "Borracha branca");
        assert_eq!(catalog.get("C").unwrap().name, "Caneta");
    }

    /// The table holds at most MAX_ROWS products and counts the rest, and
    /// products over the protocol's size rules are counted, not held.
    #[test]
    fn holds_at_most_max_rows_and_counts_the_rest() {
        let mut catalog = Catalog::default();
        for i in 0..MAX_ROWS + 5 {
            catalog.upsert(product(&format!("P{i}"), "x", 1));
        }
        assert_eq!(catalog.len(), MAX_ROWS);
        assert_eq!(catalog.over_max(), 5);
        catalog.upsert(product("P0", "replaced", 2));
        assert_eq!(catalog.get("P0").unwrap().name, "replaced", "a known product is still updated");
        catalog.upsert(product("LONG", &"n".repeat(MAX_NAME_CHARS + 1), 1));
        catalog.upsert(product(&"C".repeat(MAX_CODE_LEN + 1), "x", 1));
        assert_eq!(catalog.malformed(), 2);
        catalog.clear();
        assert_eq!((catalog.len(), catalog.over_max(), catalog.malformed()), (0, 0, 0));
    }
}
