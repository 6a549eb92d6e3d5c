//! What `benches/hot_paths.rs` times, reached from outside the crate: the hot paths themselves
//! stay `pub(crate)`. Not an API.

use std::path::Path;

use crate::model::Model;
use crate::pipeline::{self, Options};
use crate::render::theme::Theme;
use crate::render::{Part, Selection, documents, pdf::linebreak};

/// The first post's duties as one paragraph.
pub fn duties(model: &Model) -> String {
    model.institutions[0].posts[0].duties.iter().map(|d| d.text.as_str()).collect()
}

/// Chinese line breaking of `text`, 28 characters of 16 pt a line: how many lines.
pub fn fill(text: &str) -> usize {
    linebreak::fill(text, |_| 16.0, 0.0, 26.0 * 16.0, 28.0 * 16.0).len()
}

/// The built-in theme, loaded once outside the timed loop.
pub struct BuiltIn(Theme);

pub fn theme() -> BuiltIn {
    BuiltIn(Theme::load(None).expect("built-in theme"))
}

/// Every card's and letter's text from the theme's templates, and its code.
pub fn documents(model: &Model, theme: &BuiltIn) -> usize {
    documents::make(model, &theme.0, documents::Which::All).expect("documents").len()
}

/// Every page of the site (no search index), or one institution's letters and their combined
/// files, into memory: how many files.
pub fn build(model: &Model, content: &Path, letters_of: Option<&str>) -> usize {
    let part = if letters_of.is_some() { Part::Letters } else { Part::Site };
    let options = Options {
        selection: Selection {
            parts: Some([part].into_iter().collect()),
            institutions: letters_of.map(|i| [i.to_string()].into_iter().collect()),
        },
        search: false,
        ..Default::default()
    };
    pipeline::build_in_memory(model, &[], content, options).expect("builds").0.len()
}
