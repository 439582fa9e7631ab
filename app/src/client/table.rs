//! The product table: virtualised rows (only the visible ones are laid out,
//! so 100,000 products scroll smoothly), sortable columns, a filter box and
//! the loading progress. It holds at most [`MAX_ROWS`] products and says
//! when a server sent more (or products that break the rules).

use egui_extras::{Column, TableBuilder};

use super::catalog::{Catalog, MAX_ROWS, SortColumn};
use crate::i18n::{Language, tr, trf};
use lojinha_teach::money::format_cents;

/// What the user did in the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableIntent {
    /// A row was clicked: edit that product.
    Select(String),
    Reload,
}

/// Loading progress: products received and the catalog's size.
pub type Progress = Option<(usize, usize)>;

pub fn show(
    ui: &mut egui::Ui,
    catalog: &mut Catalog,
    filter: &mut String,
    selected: Option<&str>,
    progress: Progress,
    connected: bool,
    lang: Language,
) -> Option<TableIntent> {
    let mut intent = None;
    ui.horizontal(|ui| {
        let label = ui.label(tr(lang, "table-filter"));
        ui.add(
            egui::TextEdit::singleline(filter).hint_text(tr(lang, "table-filter_hint")).desired_width(220.0),
        )
        .labelled_by(label.id);
        if ui.add_enabled(connected, egui::Button::new(tr(lang, "table-reload"))).clicked() {
            intent = Some(TableIntent::Reload);
        }
        catalog.set_filter(filter);
        let shown = catalog.view().len();
        ui.weak(trf(lang, "table-count", &[("shown", &shown), ("total", &catalog.len())]));
    });
    if let Some((loaded, total)) = progress {
        let fraction = if total == 0 { 1.0 } else { loaded as f32 / total as f32 };
        let text = trf(lang, "table-loading", &[("loaded", &loaded), ("total", &total)]);
        ui.add(egui::ProgressBar::new(fraction).text(text).show_percentage());
    }
    turned_away(ui, catalog, lang);
    if let Some(code) = rows(ui, catalog, selected, lang) {
        intent = Some(TableIntent::Select(code));
    }
    intent
}

/// Says what the catalog did not take: rows over the limit, products over the rules.
fn turned_away(ui: &mut egui::Ui, catalog: &Catalog, lang: Language) {
    let color = ui.visuals().warn_fg_color;
    if catalog.over_max() > 0 {
        let n = catalog.over_max();
        ui.colored_label(color, trf(lang, "table-over_max", &[("max", &MAX_ROWS), ("n", &n)]));
    }
    if catalog.malformed() > 0 {
        ui.colored_label(color, trf(lang, "table-malformed", &[("n", &catalog.malformed())]));
    }
}

/// The table itself; returns the code of a clicked row.
fn rows(ui: &mut egui::Ui, catalog: &mut Catalog, selected: Option<&str>, lang: Language) -> Option<String> {
    let mut clicked = None;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let table = TableBuilder::new(ui)
        .id_salt("products")
        .striped(true)
        .sense(egui::Sense::click())
        .auto_shrink([false, false])
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(120.0).at_least(60.0).resizable(true))
        .column(Column::remainder().at_least(120.0).clip(true))
        .column(Column::initial(120.0).at_least(80.0).resizable(true))
        .column(Column::initial(90.0).at_least(60.0));
    let sort = catalog.sort();
    let mut toggled = None;
    let table = table.header(24.0, |mut header| {
        for (column, key) in [
            (SortColumn::Code, "table-code"),
            (SortColumn::Name, "table-name"),
            (SortColumn::Price, "table-price"),
            (SortColumn::Quantity, "table-quantity"),
        ] {
            header.col(|ui| {
                let marker = match sort {
                    Some((c, true)) if c == column => " ^",
                    Some((c, false)) if c == column => " v",
                    _ => "",
                };
                let button =
                    egui::Button::new(egui::RichText::new(format!("{}{marker}", tr(lang, key))).strong())
                        .frame(false);
                if ui.add(button).on_hover_text(tr(lang, "table-sort_hint")).clicked() {
                    toggled = Some(column);
                }
            });
        }
    });
    catalog.view();
    let shown = &*catalog;
    let view = shown.shown();
    table.body(|body| {
        body.rows(row_height, view.len(), |mut row| {
            let product = shown.at(view[row.index()]);
            row.set_selected(selected == Some(product.code.as_str()));
            row.col(|ui| {
                ui.monospace(&product.code);
            });
            row.col(|ui| {
                ui.label(&product.name);
            });
            row.col(|ui| {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(format_cents(product.price_cents))
                });
            });
            row.col(|ui| {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(product.quantity.to_string())
                });
            });
            if row.response().clicked() {
                clicked = Some(product.code.clone());
            }
        });
    });
    if let Some(column) = toggled {
        catalog.toggle_sort(column);
    }
    clicked
}
