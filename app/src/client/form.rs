//! The add/edit form: four text fields, each with its error right below it,
//! checked with the same rules the server applies (and the server's own
//! `data.field` errors shown by the field they name).

use std::collections::BTreeMap;

use lojinha_server::Product;
use lojinha_server::protocol::Reason;
use lojinha_server::protocol::product::{MAX_PRICE_CENTS, MAX_QUANTITY, check_name, validate_code};
use lojinha_teach::money::{PriceError, cents_to_input, parse_price};

use crate::client::describe::describe_rule;
use crate::i18n::{Language, tr, trf};

use crate::phrase::Phrase;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Code,
    Name,
    Price,
    Quantity,
}

impl Field {
    /// The field a server error names in `data.field`.
    pub fn from_wire(name: &str) -> Option<Field> {
        match name {
            "code" => Some(Field::Code),
            "name" => Some(Field::Name),
            "price_cents" => Some(Field::Price),
            "quantity" => Some(Field::Quantity),
            _ => None,
        }
    }
}

#[derive(Default)]
pub struct FormState {
    /// The code of the product being edited; `None` when adding.
    pub editing: Option<String>,
    pub code: String,
    pub name: String,
    pub price: String,
    pub quantity: String,
    pub errors: BTreeMap<Field, Phrase>,
    /// A request is on its way.
    pub busy: bool,
    /// The last outcome, shown under the buttons.
    pub notice: Option<Result<Phrase, Phrase>>,
}

/// What the user asked of the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormIntent {
    Submit,
    /// Back to an empty "add" form.
    New,
    Delete(String),
}

impl FormState {
    /// Fills the form to edit `product`.
    pub fn edit(&mut self, product: &Product) {
        *self = FormState {
            editing: Some(product.code.clone()),
            code: product.code.clone(),
            name: product.name.clone(),
            price: cents_to_input(product.price_cents),
            quantity: product.quantity.to_string(),
            ..FormState::default()
        };
    }

    /// The product the fields describe, or an error per broken field.
    pub fn validate(&self) -> Result<Product, BTreeMap<Field, Phrase>> {
        let mut errors = BTreeMap::new();
        if let Err(reason) = validate_code(self.code.trim()) {
            errors.insert(Field::Code, code_message(self.code.trim(), reason));
        }
        let name = check_name(&self.name).map_err(|_| name_message(&self.name));
        let price = parse_price(&self.price).map_err(price_message).and_then(|cents| {
            if cents > MAX_PRICE_CENTS { Err(Phrase::key("form-err-price_too_large")) } else { Ok(cents) }
        });
        let quantity = parse_quantity(&self.quantity);
        let name = name.map_err(|e| errors.insert(Field::Name, e)).ok();
        let price = price.map_err(|e| errors.insert(Field::Price, e)).ok();
        let quantity = quantity.map_err(|e| errors.insert(Field::Quantity, e)).ok();
        match (errors.is_empty(), name, price, quantity) {
            (true, Some(name), Some(price_cents), Some(quantity)) => {
                Ok(Product { code: self.code.trim().to_owned(), name, price_cents, quantity, version: 0 })
            }
            _ => Err(errors),
        }
    }

    /// Shows an error the server sent by the field it names (or as a notice).
    pub fn server_error(&mut self, error: &crate::client::network::RequestError) {
        self.busy = false;
        match error.field.as_deref().and_then(Field::from_wire) {
            Some(field) => {
                let reason = error.reason.clone().unwrap_or_else(|| error.message.clone());
                let said =
                    Phrase::new(move |lang| trf(lang, "form-err-server", &[("reason", &reason.say(lang))]));
                self.errors.insert(field, said);
                self.notice = Some(Err(Phrase::key("form-fix_fields")));
            }
            None => self.notice = Some(Err(error.message.clone())),
        }
    }
}

fn code_message(code: &str, reason: Reason) -> Phrase {
    if code.is_empty() { Phrase::key("form-err-required") } else { Phrase::of(reason, describe_rule) }
}

fn name_message(name: &str) -> Phrase {
    Phrase::key(if name.trim().is_empty() { "form-err-required" } else { "form-err-name" })
}

fn price_message(error: PriceError) -> Phrase {
    let key = match error {
        PriceError::Empty => "form-err-required",
        PriceError::NotANumber => "form-err-price",
        PriceError::Negative => "form-err-price_negative",
        PriceError::TooManyDecimals => "form-err-price_decimals",
        PriceError::Ambiguous => "form-err-price_ambiguous",
        PriceError::TooLarge => "form-err-price_too_large",
    };
    Phrase::key(key)
}

fn parse_quantity(text: &str) -> Result<i64, Phrase> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(0);
    }
    match text.parse::<i64>() {
        Ok(n) if (0..=MAX_QUANTITY).contains(&n) => Ok(n),
        _ => Err(Phrase::key("form-err-quantity")),
    }
}

/// Draws the form; returns what the user asked.
pub fn show(ui: &mut egui::Ui, form: &mut FormState, connected: bool, lang: Language) -> Option<FormIntent> {
    let mut intent = None;
    let title = match &form.editing {
        Some(code) => trf(lang, "form-title_edit", &[("code", code)]),
        None => tr(lang, "form-title_add"),
    };
    ui.heading(title);
    egui::Grid::new("product-form").num_columns(2).spacing([8.0, 4.0]).show(ui, |ui| {
        let editing = form.editing.is_some();
        let fields = [
            (Field::Code, "form-code", "form-code_hint", &mut form.code, !editing),
            (Field::Name, "form-name", "form-name_hint", &mut form.name, true),
            (Field::Price, "form-price", "form-price_hint", &mut form.price, true),
            (Field::Quantity, "form-quantity", "form-quantity_hint", &mut form.quantity, true),
        ];
        for (which, label, hint, text, enabled) in fields {
            if field(ui, (&tr(lang, label), &tr(lang, hint)), text, (form.errors.get(&which), enabled), lang)
            {
                // Editing a field clears its error: it is checked again on submit.
                form.errors.remove(&which);
            }
        }
    });
    ui.horizontal(|ui| {
        let label = if form.editing.is_some() { tr(lang, "form-save") } else { tr(lang, "form-add") };
        if ui.add_enabled(connected && !form.busy, egui::Button::new(label)).clicked() {
            intent = Some(FormIntent::Submit);
        }
        if form.editing.is_some() {
            if ui.button(tr(lang, "form-new")).clicked() {
                intent = Some(FormIntent::New);
            }
            if ui.add_enabled(connected, egui::Button::new(tr(lang, "form-delete"))).clicked() {
                intent = form.editing.clone().map(FormIntent::Delete);
            }
        }
        if form.busy {
            ui.spinner();
        }
    });
    match &form.notice {
        Some(Ok(text)) => ui.colored_label(ok_color(ui), text.say(lang)),
        Some(Err(text)) => ui.colored_label(ui.visuals().error_fg_color, text.say(lang)),
        None => ui.label(""),
    };
    intent
}

/// One labelled field with its error below; returns whether the text changed.
fn field(
    ui: &mut egui::Ui,
    (label, hint): (&str, &str),
    text: &mut String,
    (error, enabled): (Option<&Phrase>, bool),
    lang: Language,
) -> bool {
    let label = ui.label(label);
    let changed = ui
        .vertical(|ui| {
            let edit = ui
                .add_enabled(enabled, egui::TextEdit::singleline(text).hint_text(hint).desired_width(220.0))
                .labelled_by(label.id);
            if let Some(error) = error {
                ui.colored_label(ui.visuals().error_fg_color, error.say(lang));
            }
            edit.changed()
        })
        .inner;
    ui.end_row();
    changed
}

pub fn ok_color(ui: &egui::Ui) -> egui::Color32 {
    if ui.visuals().dark_mode {
        egui::Color32::from_rgb(0x4a, 0xde, 0x80)
    } else {
        egui::Color32::from_rgb(0x15, 0x80, 0x3d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each broken rule is reported by its own field; a good form gives a product.
    #[test]
    fn validates_each_field() {
        let mut form = FormState {
            code: "a b".into(),
            name: " ".into(),
            price: "x".into(),
            quantity: "-1".into(),
            ..Default::default()
        };
        let errors = form.validate().unwrap_err();
        assert_eq!(
            errors.keys().copied().collect::<Vec<_>>(),
            [Field::Code, Field::Name, Field::Price, Field::Quantity]
        );
        form.code = "CAN-001".into();
        form.name = " Caneta ".into();
        form.price = "2,50".into();
        form.quantity = "40".into();
        let product = form.validate().unwrap();
        assert_eq!(
            product,
            Product {
                code: "CAN-001".into(),
                name: "Caneta".into(),
                price_cents: 250,
                quantity: 40,
                version: 0
            }
        );
    }

    /// The one price parser's reasons reach the price field: an ambiguous
    /// `2,505` and a negative price are refused, each saying why (checked
    /// in words both languages share, as other tests may switch language).
    #[test]
    fn price_reasons_show_by_the_price_field() {
        let mut form = FormState { code: "A".into(), name: "a".into(), ..Default::default() };
        let price_error = |form: &mut FormState, price: &str| {
            form.price = price.into();
            form.validate()
                .err()
                .and_then(|mut errors| errors.remove(&Field::Price))
                .map(|said| said.say(crate::i18n::Language::En))
        };
        assert!(price_error(&mut form, "2,505").is_some_and(|said| said.contains("2.505,00")));
        assert!(price_error(&mut form, "-1").is_some_and(|said| said.contains("negativ")));
        assert!(price_error(&mut form, "2.505,00").is_none());
    }
}
