//! Ids: they become folder names, file names and URL segments, so what they may hold is
//! checked once, here.

use crate::diagnostic::Diagnostic;
use crate::source::Span;
use crate::{m, t};

pub(crate) fn is_safe_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && id.len() <= MAX_ID
        && !id.contains("--")
        && !windows_device(id)
}

/// The longest id: ids become file names, and a letter's file name joins two of them.
const MAX_ID: usize = 64;

/// Names Windows keeps for devices: a content repository with a file or folder so named cannot
/// be checked out there.
fn windows_device(id: &str) -> bool {
    matches!(id, "con" | "prn" | "aux" | "nul")
        || ["com", "lpt"].iter().any(|p| {
            id.strip_prefix(p).is_some_and(|n| n.len() == 1 && n != "0" && n.chars().all(|c| c.is_ascii_digit()))
        })
}

pub(crate) fn unsafe_id(kind: &str, id: &str, span: Span, from_file_name: bool) -> Diagnostic {
    let why = if id.len() > MAX_ID {
        t!("ids-why-too-long", max = MAX_ID)
    } else if windows_device(id) {
        t!("ids-why-device")
    } else if id.chars().any(|c| c.is_ascii_uppercase()) {
        t!("ids-why-upper-case")
    } else if id.contains(' ') {
        t!("ids-why-space")
    } else if id.contains('/') || id.contains('\\') || id.contains("..") {
        t!("ids-why-separator")
    } else if id.contains("--") {
        t!("ids-why-double-dash")
    } else if id.is_empty() {
        t!("ids-why-empty")
    } else if !id.is_ascii() {
        t!("ids-why-non-ascii")
    } else {
        t!("ids-why-other")
    };
    // The rule of ids (the term `-ids-rule` of the catalogs), then how to fix this one.
    let suggestion = safe_spelling(id);
    let example = !suggestion.is_empty() && is_safe_id(&suggestion) && suggestion != id && id.len() <= MAX_ID;
    let help = match (from_file_name, example) {
        (false, false) => t!("ids-help"),
        (false, true) => t!("ids-help-example", suggestion),
        (true, false) => t!("ids-help-file"),
        (true, true) => t!("ids-help-file-example", suggestion),
    };
    Diagnostic::new(
        "unsafe-id",
        span,
        m!("ids-unsafe", kind = crate::i18n::Value::noun(kind), id, why),
        t!("ids-unsafe-label"),
    )
    .with_help(help)
}

/// What an unsafe id would be in allowed characters: `Head Nurse` → `head-nurse`.
pub(crate) fn safe_spelling(id: &str) -> String {
    let dashed: String = id
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' })
        .collect();
    dashed.trim_matches('-').to_string()
}
