//! The sample catalog from `assets/sample-catalog.json`, built into the binary
//! so `--seed-sample` works wherever the server runs.

use crate::protocol::Product;

const SAMPLE_JSON: &str = include_str!("../../assets/sample-catalog.json");

/// The sample products, checked against the product rules.
pub fn sample_products() -> Vec<Product> {
    let products: Vec<Product> =
        serde_json::from_str(SAMPLE_JSON).expect("the bundled sample catalog is valid JSON");
    products.into_iter().map(|p| p.validate().expect("the bundled sample products are valid")).collect()
}

#[cfg(test)]
mod tests {
    /// The bundled sample has a few dozen valid products with unique codes.
    #[test]
    fn sample_is_valid_and_unique() {
        let products = super::sample_products();
        assert!(products.len() >= 30);
        let mut codes: Vec<_> = products.iter().map(|p| &p.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), products.len());
    }
}
