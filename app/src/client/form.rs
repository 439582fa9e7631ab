//! The add/edit form: four text fields, each with its error right below it,
//! checked with the same rules the server applies (and the server's own
//! `data.field` errors shown by the field they name).
//!
//! No lost updates: the form keeps the `version` of the product it read and
//! every save or delete sends it as `expected_version`. When someone else
//! changed the product meanwhile (a `product.updated` notification, or error
//! 1004 on save) the form shows their values beside the user's and lets the
//! user take theirs or overwrite on purpose; when it was deleted elsewhere
//! the form says so instead of pretending it can still be saved.

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

/// What someone else did to the product being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Elsewhere {
    /// It changed: this is it now. `on_delete` when the user was deleting it.
    Changed { current: Product, on_delete: bool },
    /// It was deleted.
    Deleted,
}

#[derive(Default)]
pub struct FormState {
    /// The code of the product being edited; `None` when adding.
    pub editing: Option<String>,
    /// The product as it was read into the form (its `version` is sent as
    /// `expected_version`); `None` when adding.
    pub read: Option<Product>,
    /// Someone else changed or deleted the product being edited.
    pub elsewhere: Option<Elsewhere>,
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
    /// Take the current values of a product someone else changed.
    TakeTheirs,
    /// Save (or delete) over someone else's change, on purpose.
    Overwrite,
    /// Turn the form of a product deleted elsewhere into an "add" form with
    /// the same values.
    AddAgain,
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
            read: Some(product.clone()),
            ..FormState::default()
        };
    }

    /// The version read, to send as `expected_version` (0: not known).
    pub fn version(&self) -> i64 {
        self.read.as_ref().map_or(0, |p| p.version)
    }

    /// Whether the user changed a field since the product was read.
    pub fn changed_by_user(&self) -> bool {
        let Some(read) = &self.read else { return false };
        self.name != read.name
            || self.price != cents_to_input(read.price_cents)
            || self.quantity != read.quantity.to_string()
    }

    /// Someone else changed the product (a `product.updated` notification).
    /// An untouched form takes the new values silently; a form the user
    /// changed (or is saving) keeps them and shows the notice.
    pub fn updated_elsewhere(&mut self, product: &Product) {
        if self.editing.as_deref() != Some(product.code.as_str()) || product.version <= self.version() {
            return;
        }
        if self.changed_by_user() || self.busy || self.elsewhere.is_some() {
            self.elsewhere = Some(Elsewhere::Changed { current: product.clone(), on_delete: false });
        } else {
            self.edit(product);
        }
    }

    /// Someone else deleted `code` (a notification, or 1001 on save).
    pub fn deleted_elsewhere(&mut self, code: &str) {
        if self.editing.as_deref() == Some(code) {
            self.busy = false;
            self.notice = None;
            self.elsewhere = Some(Elsewhere::Deleted);
        }
    }

    /// Takes the current values of a product changed elsewhere.
    pub fn take_theirs(&mut self) {
        if let Some(Elsewhere::Changed { current, .. }) = self.elsewhere.take() {
            self.edit(&current);
            self.notice = Some(Ok(Phrase::keyed("form-took_theirs", &[("code", &current.code)])));
        }
    }

    /// Keeps the user's values but counts from the current version, so the
    /// next save overwrites on purpose; returns whether it was a delete.
    pub fn overwrite(&mut self) -> Option<bool> {
        let Some(Elsewhere::Changed { current, on_delete }) = self.elsewhere.take() else { return None };
        if let Some(read) = &mut self.read {
            read.version = current.version;
        }
        Some(on_delete)
    }

    /// A product deleted elsewhere becomes an "add" form with the same values.
    pub fn add_again(&mut self) {
        self.editing = None;
        self.read = None;
        self.elsewhere = None;
        self.notice = None;
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
                let version = self.version();
                Ok(Product { code: self.code.trim().to_owned(), name, price_cents, quantity, version })
            }
            _ => Err(errors),
        }
    }

    /// Shows an error the server sent by the field it names (or as a
    /// notice); "changed since you read it" and "not found" while editing
    /// say what happened elsewhere. `on_delete` when it answered a delete.
    pub fn server_error(&mut self, error: &crate::client::network::RequestError, on_delete: bool) {
        self.busy = false;
        if let (Some(current), Some(_)) = (&error.changed, &self.editing) {
            self.elsewhere = Some(Elsewhere::Changed { current: current.clone(), on_delete });
            return;
        }
        if let (true, Some(code)) = (error.not_found, self.editing.clone()) {
            return self.deleted_elsewhere(&code);
        }
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
        Some(code) => trf(lang, "form-title_edit", &[("code", &code)]),
        None => tr(lang, "form-title_add"),
    };
    ui.heading(title);
    if let Some(asked) = elsewhere_notice(ui, form, lang) {
        intent = Some(asked);
    }
    let deleted = form.elsewhere == Some(Elsewhere::Deleted);
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
        if ui.add_enabled(connected && !form.busy && !deleted, egui::Button::new(label)).clicked() {
            intent = Some(FormIntent::Submit);
        }
        if form.editing.is_some() {
            if ui.button(tr(lang, "form-new")).clicked() {
                intent = Some(FormIntent::New);
            }
            if ui.add_enabled(connected && !deleted, egui::Button::new(tr(lang, "form-delete"))).clicked() {
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

/// What someone else did to the product being edited, and what the user
/// can do about it.
fn elsewhere_notice(ui: &mut egui::Ui, form: &FormState, lang: Language) -> Option<FormIntent> {
    let code = form.editing.as_deref()?;
    let mut intent = None;
    let warn = ui.visuals().warn_fg_color;
    match form.elsewhere.as_ref()? {
        Elsewhere::Deleted => {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.colored_label(warn, trf(lang, "form-deleted_elsewhere", &[("code", &code)]));
                if ui.button(tr(lang, "form-add_again")).clicked() {
                    intent = Some(FormIntent::AddAgain);
                }
            });
        }
        Elsewhere::Changed { current, on_delete } => {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                let key = if *on_delete { "form-changed_before_delete" } else { "form-changed_elsewhere" };
                ui.colored_label(warn, trf(lang, key, &[("code", &code)]));
                theirs_and_yours(ui, current, form, lang);
                ui.horizontal_wrapped(|ui| {
                    if ui.button(tr(lang, "form-take_theirs")).clicked() {
                        intent = Some(FormIntent::TakeTheirs);
                    }
                    let overwrite =
                        if *on_delete { tr(lang, "form-delete_anyway") } else { tr(lang, "form-overwrite") };
                    if ui.button(overwrite).on_hover_text(tr(lang, "form-overwrite_hint")).clicked() {
                        intent = Some(FormIntent::Overwrite);
                    }
                });
            });
        }
    }
    intent
}

/// The product as it is now on the server, beside the form's values.
fn theirs_and_yours(ui: &mut egui::Ui, current: &Product, form: &FormState, lang: Language) {
    egui::Grid::new("theirs-and-yours").num_columns(3).spacing([12.0, 2.0]).show(ui, |ui| {
        ui.label("");
        ui.strong(tr(lang, "form-theirs"));
        ui.strong(tr(lang, "form-yours"));
        ui.end_row();
        let rows = [
            ("form-name", current.name.clone(), form.name.trim().to_owned()),
            ("form-price", cents_to_input(current.price_cents), form.price.trim().to_owned()),
            ("form-quantity", current.quantity.to_string(), form.quantity.trim().to_owned()),
        ];
        for (label, theirs, yours) in rows {
            ui.label(tr(lang, label));
            let differs = theirs != yours;
            if differs {
                ui.strong(theirs)
            } else {
                ui.label(theirs)
            };
            if differs {
                ui.strong(yours)
            } else {
                ui.label(yours)
            };
            ui.end_row();
        }
    });
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

    fn product(name: &str, version: i64) -> Product {
        Product { code: "CAN-001".into(), name: name.into(), price_cents: 250, quantity: 40, version }
    }

    /// A newer version from elsewhere refreshes an untouched form silently;
    /// a form the user changed keeps the user's values and shows the
    /// notice; an older or same version is ignored.
    #[test]
    fn updates_from_elsewhere_refresh_only_untouched_forms() {
        let mut form = FormState::default();
        form.edit(&product("Caneta", 3));
        form.updated_elsewhere(&product("Old", 3));
        assert_eq!((form.name.as_str(), form.version()), ("Caneta", 3));
        form.updated_elsewhere(&product("Caneta azul", 4));
        assert_eq!((form.name.as_str(), form.version(), form.elsewhere.is_none()), ("Caneta azul", 4, true));
        form.name = "Minha caneta".into();
        form.updated_elsewhere(&product("Caneta verde", 5));
        assert_eq!(form.name, "Minha caneta");
        assert_eq!(form.version(), 4, "still the version read: a save is refused");
        assert!(matches!(&form.elsewhere, Some(Elsewhere::Changed { current, .. }) if current.version == 5));
        assert_eq!(form.overwrite(), Some(false));
        assert_eq!(form.validate().unwrap().version, 5, "overwriting counts from theirs");
    }
}
