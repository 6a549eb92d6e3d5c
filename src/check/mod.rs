//! Stage 2, check: everything that can be wrong with loaded content, reported all at once.
//!
//! `index` builds the id tables; `refs` follows every reference; `graph` finds cycles;
//! `rules` applies the seed documents' staffing and completeness rules.

mod campaigns;
mod graph;
pub(crate) mod index;
mod refs;
mod rules;
pub(crate) mod signed;

use crate::diagnostic::{Diagnostic, Report};
use crate::fence::Refusal;
use crate::load::Content;
use crate::source::Span;

pub(crate) use index::Index;

/// Runs every check. Cross-file checks are skipped while some file could not be parsed,
/// since a reference into a broken file would look dangling.
pub(crate) fn check<'a>(content: &'a Content, report: &mut Report) -> Index<'a> {
    let index = Index::build(content, |kind, id, again, first| {
        report.push(
            Diagnostic::new("duplicate-id", again, format!("duplicate {kind} id `{id}`"), "defined again here")
                .with_label(first, "first defined here")
                .with_help(format!(
                    "ids must be unique among the {} {}; rename one of them",
                    crate::diagnostic::plural(kind),
                    if kind == "category" { "of the content" } else { "of an institution" }
                )),
        );
    });
    // The checks of single references and those of the whole graph need only the index: they
    // run side by side (at 100,000 employees each takes about 50 ms of a preview's pass), and
    // their findings are reported in this order whatever finishes first.
    let mut whole = Report::default();
    rayon::join(
        || {
            ids(content, &index, report);
            refs::check(content, &index, report);
            campaigns::check(content, &index, report);
        },
        || {
            if content.broken_files == 0 {
                graph::check(&index, &mut whole);
                rules::check(&index, &mut whole);
            }
        },
    );
    report.extend(whole.diagnostics);
    if content.broken_files > 0 {
        report.notes.push(format!(
            "{} file(s) could not be read; the cycle and staffing checks run once they are fixed",
            content.broken_files
        ));
    }
    index
}

/// A file the content names (a scan, an evidence file) must be a file inside the content
/// folder (see `fence`). `base` is the folder it is named relative to; `what` names it in
/// messages ("scan", "evidence file"); `missing` is the code and help for a file that is not there.
pub(super) fn named_file(
    content: &Content,
    (base, rel): (&str, &str),
    span: Span,
    what: &str,
    missing: (&'static str, String),
    report: &mut Report,
) {
    // Content from a commit has no files beside it.
    let Some(fence) = &content.fence else { return };
    let Err(refusal) = fence.resolve(base, rel) else { return };
    let d = match refusal {
        Refusal::Missing => {
            Diagnostic::new(missing.0, span, format!("no {what} at `{rel}`"), "no such file").with_help(missing.1)
        }
        other => Diagnostic::new(other.code(), span, format!("{what} `{rel}` {}", other.reason()), "not read")
            .with_help(other.help()),
    };
    report.push(d);
}

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

pub(super) fn unsafe_id(kind: &str, id: &str, span: Span, from_file_name: bool) -> Diagnostic {
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
pub(super) fn safe_spelling(id: &str) -> String {
    let dashed: String = id
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' })
        .collect();
    dashed.trim_matches('-').to_string()
}

fn ids(content: &Content, index: &Index, report: &mut Report) {
    for (id, def) in &index.categories {
        if !is_safe_id(id) {
            report.push(unsafe_id("category", id, def.span, true));
        }
    }
    for (id, inst) in &index.institutions {
        if !is_safe_id(id) {
            report.push(unsafe_id("institution", id, inst.span, true));
        }
        // An institution's PDFs lie in pdf/<id>/, beside the campaigns' reports in pdf/campaigns/.
        if *id == "campaigns" {
            report.push(
                Diagnostic::new(
                    "reserved-id",
                    inst.span,
                    "institution id `campaigns` is the name of the folder of campaign reports (pdf/campaigns/)",
                    "reserved",
                )
                .with_help("rename the institution's folder"),
            );
        }
        for (id, def) in &inst.departments {
            if !is_safe_id(id) {
                report.push(unsafe_id("department", id, def.span, false));
            }
        }
        for (id, def) in &inst.posts {
            if !is_safe_id(id) {
                report.push(unsafe_id("post", id, def.span, true));
            }
        }
        for (id, def) in &inst.people {
            if !is_safe_id(id) {
                report.push(unsafe_id("person", id, def.span, false));
            }
        }
    }
    for page in &content.pages {
        for part in page.slug.split('/') {
            if !is_safe_id(part) {
                report.push(unsafe_id("page", &page.slug, Span::file_start(page.file), true));
                break;
            }
        }
    }
}
