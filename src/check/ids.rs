//! Ids: they become folder names, file names and URL segments, so what they may hold is
//! checked once, here.

use crate::diagnostic::Diagnostic;
use crate::source::Span;

/// Characters allowed in ids: they become folder names, file names and URL segments.
pub(crate) const ID_RULE: &str = "ids may use lower-case ASCII letters a-z, digits 0-9, `-` and `_`, must start with a letter or digit, and may not contain `--` (it joins post and person in letter names)";

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
        "it is longer than 64 characters"
    } else if windows_device(id) {
        "Windows keeps this name for a device, so the content could not be checked out there"
    } else if id.chars().any(|c| c.is_ascii_uppercase()) {
        "it contains upper-case letters"
    } else if id.contains(' ') {
        "it contains a space"
    } else if id.contains('/') || id.contains('\\') || id.contains("..") {
        "it contains a path separator or `..`"
    } else if id.contains("--") {
        "it contains `--`"
    } else if id.is_empty() {
        "it is empty"
    } else if !id.is_ascii() {
        "it contains non-ASCII characters"
    } else {
        "it contains characters that are not allowed"
    };
    let suggestion = safe_spelling(id);
    let mut help = ID_RULE.to_string();
    if from_file_name {
        help.push_str("; the id comes from the file or folder name, so rename it");
    }
    if !suggestion.is_empty() && is_safe_id(&suggestion) && suggestion != id && id.len() <= MAX_ID {
        help.push_str(&format!(", e.g. `{suggestion}`"));
    }
    Diagnostic::new(
        "unsafe-id",
        span,
        format!("{kind} id `{id}` cannot be used in file names and URLs: {why}"),
        "unsafe id",
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
