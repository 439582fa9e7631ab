//! The import over the network: products are added with up to
//! [`IMPORT_IN_FLIGHT`] `product.add` requests on the wire at once, progress
//! is reported to the window, and each product the server refuses is
//! counted (the first few with their error) while the import goes on.

use std::collections::VecDeque;

use lojinha_server::client::Reply;
use lojinha_server::{Client, Product};
use serde_json::Value;

use super::Worker;
use super::event::NetEvent;
use crate::client::describe::{describe, describe_rpc};
use crate::client::import_box::Refusals;
use crate::phrase::Phrase;

impl Worker {
    /// Adds the products pipelined: up to [`IMPORT_IN_FLIGHT`] `product.add`
    /// requests are on the wire before the first answer is read. A product
    /// the server refuses is reported with its error code and the import goes on.
    pub(super) fn import(&mut self, products: Vec<Product>) {
        self.take_arrived();
        let total = products.len();
        let mut report = ImportTally::default();
        let mut pending: VecDeque<(Value, String)> = VecDeque::new();
        let mut queue = products.into_iter();
        loop {
            let Some(client) = self.client.as_mut() else {
                report.not_connected(pending.into_iter().map(|(_, code)| code).chain(queue.map(|p| p.code)));
                break;
            };
            let result = pump(client, &mut queue, &mut pending, &mut report);
            if report.answered % 25 == 0 || report.answered == total {
                self.send(NetEvent::ImportProgress { done: report.answered, total });
            }
            match result {
                Ok(true) => continue,
                Ok(false) => break,
                Err(reason) => self.lost(reason),
            }
        }
        self.send(NetEvent::ImportDone { added: report.added, refused: report.refused });
    }
}

/// Requests of an import on the wire at once.
const IMPORT_IN_FLIGHT: usize = 32;

#[derive(Default)]
struct ImportTally {
    answered: usize,
    added: usize,
    refused: Refusals,
}

impl ImportTally {
    fn not_connected(&mut self, codes: impl Iterator<Item = String>) {
        let reason = Phrase::key("client-not_connected");
        for code in codes {
            self.refused.push(code, || reason.clone());
        }
    }
}

/// Tops up the requests in flight, then reads one answer. `Ok(false)` when
/// every product is answered; `Err` when the connection broke.
fn pump(
    client: &mut Client,
    queue: &mut impl Iterator<Item = Product>,
    pending: &mut VecDeque<(Value, String)>,
    tally: &mut ImportTally,
) -> Result<bool, Phrase> {
    while pending.len() < IMPORT_IN_FLIGHT {
        let Some(product) = queue.next() else { break };
        match client.send_request("product.add", serde_json::json!({ "product": product })) {
            Ok(id) => pending.push_back((id, product.code)),
            Err(e) => return Err(Phrase::of(e, describe)),
        }
    }
    if pending.is_empty() {
        return Ok(false);
    }
    let responses = match client.recv_reply() {
        Ok(Reply::Single(response)) => vec![response],
        Ok(Reply::Batch(responses)) => responses,
        Ok(Reply::Garbage(_)) => return Ok(true),
        Err(e) => return Err(Phrase::of(e, describe)),
    };
    for response in responses {
        let Some(at) = pending.iter().position(|(id, _)| *id == response.id) else { continue };
        let (_, code) = pending.remove(at).unwrap_or_default();
        tally.answered += 1;
        match response.result {
            Ok(_) => tally.added += 1,
            Err(e) => tally
                .refused
                .push(code, || Phrase::of(e, |e, lang| format!("{}: {}", e.code, describe_rpc(e, lang)))),
        }
    }
    Ok(true)
}
