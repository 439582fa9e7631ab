//! `product.list` paging: byte order, `after` exclusive, `limit`, `total`,
//! and `next` null exactly when nothing follows the page.

use lojinha_test_support::{product, success};
use lojinha_tests::{TestServer, on_each_backend};
use serde_json::{Value, json};

fn codes(page: &Value) -> Vec<String> {
    let products = page["products"].as_array().unwrap_or_else(|| panic!("a page: {page}"));
    products.iter().map(|p| p["code"].as_str().expect("a code").to_owned()).collect()
}

on_each_backend! {
    /// Products come sorted by code in byte order (uppercase before lowercase,
    /// digits before letters, `-` `.` before digits, `_` between).
    fn list_sorts_by_code_in_byte_order(catalog: Catalog) {
        let server = TestServer::start_on(&catalog);
        let (mut conn, _) = server.connect_welcomed();
        let given = ["b", "B", "a", "A", "_", "9", "0", "-", ".", "a.b", "a-b", "a_b", "aa", "Z"];
        for (i, code) in given.iter().enumerate() {
            conn.call_ok(i, "product.add", json!({"product": product(code, "p", 1, 1)}));
        }
        let mut expected: Vec<String> = given.iter().map(|c| c.to_string()).collect();
        expected.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
        let page = conn.call_ok("all", "product.list", json!({}));
        assert_eq!(codes(&page), expected);
        assert_eq!((page["next"].clone(), page["total"].clone()), (Value::Null, json!(given.len())));
    }
}

on_each_backend! {
    /// Paging with `next` visits every product once; the last page, exactly
    /// `limit` long, has `next: null`; `total` is the catalog size on every page.
    fn pages_chain_and_the_last_full_page_has_no_next(catalog: Catalog) {
        let server = TestServer::start_on(&catalog);
        let (mut conn, _) = server.connect_welcomed();
        for i in 0..9 {
            conn.call_ok(i, "product.add", json!({"product": product(&format!("P{i}"), "p", 1, 1)}));
        }
        let mut after = Value::Null;
        let mut pages = Vec::new();
        loop {
            let page = conn.call_ok("page", "product.list", json!({"after": after, "limit": 3}));
            assert_eq!(page["total"], 9);
            pages.push(codes(&page));
            if page["next"].is_null() {
                break;
            }
            assert_eq!(
                page["next"],
                json!(pages.last().and_then(|p| p.last())),
                "next is the last code of the page"
            );
            after = page["next"].clone();
        }
        assert_eq!(pages, [["P0", "P1", "P2"], ["P3", "P4", "P5"], ["P6", "P7", "P8"]]);
    }
}

on_each_backend! {
    /// A page shorter than `limit` ends the list; one product short of a full
    /// page still has a `next` when something follows.
    fn next_is_null_exactly_at_the_end(catalog: Catalog) {
        let server = TestServer::start_on(&catalog);
        let (mut conn, _) = server.connect_welcomed();
        for code in ["A", "B", "C", "D"] {
            conn.call_ok(code, "product.add", json!({"product": product(code, "p", 1, 1)}));
        }
        let page = |conn: &mut lojinha_test_support::Conn, params: Value| conn.call_ok(1, "product.list", params);
        let first = page(&mut conn, json!({"limit": 3}));
        assert_eq!(
            (codes(&first), first["next"].clone()),
            (vec!["A".into(), "B".into(), "C".into()], json!("C"))
        );
        let rest = page(&mut conn, json!({"after": "C", "limit": 3}));
        assert_eq!((codes(&rest), rest["next"].clone()), (vec!["D".to_string()], Value::Null));
        let whole = page(&mut conn, json!({"limit": 4}));
        assert_eq!((codes(&whole).len(), whole["next"].clone()), (4, Value::Null));
        let past = page(&mut conn, json!({"after": "D"}));
        assert_eq!(past, json!({"products": [], "next": null, "total": 4}));
    }
}

on_each_backend! {
    /// `after` need not be an existing code: the page starts at the first code above it.
    fn after_is_exclusive_and_need_not_exist(catalog: Catalog) {
        let server = TestServer::start_on(&catalog);
        let (mut conn, _) = server.connect_welcomed();
        for code in ["A1", "A3", "B1"] {
            conn.call_ok(code, "product.add", json!({"product": product(code, "p", 1, 1)}));
        }
        assert_eq!(codes(&conn.call_ok(1, "product.list", json!({"after": "A1"}))), ["A3", "B1"]);
        assert_eq!(codes(&conn.call_ok(2, "product.list", json!({"after": "A2"}))), ["A3", "B1"]);
        assert_eq!(codes(&conn.call_ok(3, "product.list", json!({"after": ""}))), ["A1", "A3", "B1"]);
    }
}

on_each_backend! {
    /// An empty catalog lists as an empty page with `next: null` and `total: 0`.
    fn empty_catalog_lists_empty(catalog: Catalog) {
        let server = TestServer::start_on(&catalog);
        let (mut conn, _) = server.connect_welcomed();
        let expected = success(1, json!({"products": [], "next": null, "total": 0}));
        assert_eq!(conn.call(1, "product.list", json!({})), expected);
    }
}

on_each_backend! {
    /// The library's `list_all` pages through a catalog bigger than a page.
    fn client_list_all_pages_through_everything(catalog: Catalog) {
        let server = TestServer::start_on(&catalog);
        let mut client = server.client();
        let calls: Vec<(&str, Value)> = (0..25)
            .map(|i| ("product.add", json!({"product": product(&format!("L{i:02}"), "l", 1, 1)})))
            .collect();
        client.pipeline(&calls).expect("adds");
        let mut progress = Vec::new();
        let all = client.list_all(10, |loaded, total| progress.push((loaded, total))).expect("list_all");
        assert_eq!(all.len(), 25);
        assert_eq!(progress, [(10, 25), (20, 25), (25, 25)]);
    }
}

on_each_backend! {
    /// Without `limit` a page holds at most 1,000 products.
    fn default_page_is_1000(catalog: Catalog) {
        let server = TestServer::start_on(&catalog);
        let products =
            (0..1001).map(|i| lojinha_test_support::typed_product(&format!("D{i:04}"), "d", 1, 1)).collect();
        assert_eq!(server.handle().seed(products).added, 1001);
        let (mut conn, _) = server.connect_welcomed();
        let first = conn.call_ok(1, "product.list", json!({}));
        assert_eq!(
            (codes(&first).len(), first["next"].clone(), first["total"].clone()),
            (1000, json!("D0999"), json!(1001))
        );
        let rest = conn.call_ok(2, "product.list", json!({"after": "D0999"}));
        assert_eq!((codes(&rest), rest["next"].clone()), (vec!["D1000".to_string()], Value::Null));
    }
}
