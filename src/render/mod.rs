//! Stage 4, render: each output is a [`Renderer`] fed the same resolved model, writing into
//! its own folder of the (temporary) output directory.

pub(crate) mod bulletins;
mod cards;
pub(crate) mod context;
mod data;
pub(crate) mod deflate;
mod displays;
pub(crate) mod document;
pub(crate) mod documents;
pub(crate) mod kept;
mod ledgers;
pub(crate) mod markdown;
mod notices;
pub(crate) mod paths;
pub(crate) mod pdf;
pub(crate) mod preflight;
mod registers;
mod report;
pub(crate) mod risk_cards;
pub(crate) mod site;
pub(crate) mod theme;
pub(crate) mod workbook;

pub(crate) use context::{Files, Finding, Part, RenderContext, Renderer, Selection, Sink};
pub(crate) use data::DataRenderer;
pub(crate) use pdf::PdfRenderer;
pub(crate) use site::SiteRenderer;

/// The renderers of a full build, in order.
pub(crate) fn all() -> Vec<Box<dyn Renderer>> {
    vec![Box::new(DataRenderer), Box::new(PdfRenderer), Box::new(SiteRenderer)]
}
