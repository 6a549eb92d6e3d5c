//! YAML → typed values, with parser errors turned into diagnostics that say what to do.

use serde::de::DeserializeOwned;
use serde_saphyr::Error;

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::source::{FileId, Offset, Span};

/// Parses one YAML document; on failure returns the diagnostic that explains it, and with an
/// unknown key every other unknown key of the file too (a user fixes them in one go).
/// `what` names the kind of file for messages ("post file", "institution file").
pub(crate) fn parse<T: DeserializeOwned>(
    text: &str,
    file: FileId,
    offset: Offset,
    what: &str,
) -> Result<T, Vec<Diagnostic>> {
    let first = match serde_saphyr::from_str::<T>(text) {
        Ok(value) => return Ok(value),
        Err(e) => to_diagnostic(&e, text, file, offset, what),
    };
    let mut found = vec![first];
    // serde stops at the first unknown key: take that key's entry out (as spaces, so that every
    // position stays) and parse again, as long as the next error is another unknown key.
    let mut blanked = text.as_bytes().to_vec();
    while found.len() < 50 {
        let last = found.last().expect("one at least");
        if last.code != "unknown-key" {
            break;
        }
        blank_entry(&mut blanked, last.primary.span.start - offset.bytes);
        let Ok(again) = std::str::from_utf8(&blanked) else { break };
        let next = match serde_saphyr::from_str::<T>(again) {
            Ok(_) => break,
            Err(e) => to_diagnostic(&e, again, file, offset, what),
        };
        if next.code != "unknown-key" || found.iter().any(|d| d.primary.span == next.primary.span) {
            break;
        }
        found.push(next);
    }
    Err(found)
}

/// Replaces the mapping entry whose key starts at `key` (the key's line from there, and the
/// lines below it indented deeper) with spaces, keeping line breaks.
fn blank_entry(text: &mut [u8], key: usize) {
    let line_start = text[..key.min(text.len())].iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let column = key - line_start;
    let mut at = key;
    let mut first = true;
    while at < text.len() {
        let end = text[at..].iter().position(|b| *b == b'\n').map_or(text.len(), |i| at + i);
        if !first {
            let line = &text[at..end];
            let indent = line.iter().take_while(|b| **b == b' ').count();
            let blank = line.iter().all(|b| b.is_ascii_whitespace()) || line.get(indent) == Some(&b'#');
            if !blank && indent <= column {
                break;
            }
        }
        for b in &mut text[at..end] {
            if *b != b'\r' {
                *b = b' ';
            }
        }
        first = false;
        at = end + 1;
    }
}

fn to_diagnostic(err: &Error, text: &str, file: FileId, offset: Offset, what: &str) -> Diagnostic {
    let mut span = match err.location() {
        Some(loc) => {
            let mut span = Span::from_yaml(file, &loc, offset);
            if loc.span().byte_offset().is_none() {
                // Some parser errors carry only line and column: find the bytes ourselves.
                let start = byte_at(text, loc.line(), loc.column()) + offset.bytes;
                span.start = start;
                span.end = start;
            }
            span
        }
        None => Span::file_start(file),
    };
    let inner = err.without_snippet();
    if matches!(inner, Error::SerdeMissingField { .. }) && span.column == 1 {
        // The parser points at the mapping's last key; when that mapping is the whole
        // document, the file itself is the clearer place.
        span = Span { line: 1 + offset.lines, column: 1, start: offset.bytes, end: offset.bytes, file };
    }
    if let Some(tab) = text.find('\t').filter(|_| inner.to_string().contains("tab")) {
        // The parser reports where the scalar began; the tab itself is what needs fixing.
        let line = text[..tab].matches('\n').count() as u32 + 1;
        let column = text[..tab].rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
        let start = tab + offset.bytes;
        let span = Span { file, line: line + offset.lines, column, start, end: start + 1 };
        return Diagnostic::new("yaml-syntax", span, "YAML syntax error: tab character used for indentation", "tab")
            .with_help("YAML indents with spaces, not tabs: replace the tab with spaces");
    }
    match inner {
        Error::SerdeUnknownField { field, expected, .. } => {
            let mut help = did_you_mean(field, expected.iter().copied()).map(|h| h + " ").unwrap_or_default();
            help.push_str(&format!("the keys of {} are: {}", crate::diagnostic::a(what), expected.join(", ")));
            Diagnostic::new("unknown-key", span, format!("unknown key `{field}` in {what}"), "unknown key")
                .with_help(help)
        }
        Error::SerdeMissingField { field, .. } => Diagnostic::new(
            "missing-key",
            span,
            format!("missing key `{field}` in {what}"),
            format!("this mapping has no `{field}`"),
        )
        .with_help(format!("add a line `{field}: …` here")),
        Error::SerdeUnknownVariant { variant, expected, .. } => {
            let mut help = did_you_mean(variant, expected.iter().copied()).map(|h| h + " ").unwrap_or_default();
            help.push_str(&format!("allowed values: {}", expected.join(", ")));
            Diagnostic::new(
                "unknown-value",
                span,
                format!("unknown value `{variant}`"),
                "not one of the allowed values",
            )
            .with_help(help)
        }
        Error::SerdeInvalidType { unexpected, expected, .. }
        | Error::SerdeInvalidValue { unexpected, expected, .. } => Diagnostic::new(
            "wrong-type",
            span,
            format!("wrong type: expected {expected}, found {unexpected}"),
            format!("expected {expected}"),
        ),
        Error::InvalidScalar { ty, .. } => {
            let (wanted, help) = scalar_help(ty);
            let found = text.get(span.start - offset.bytes..span.end - offset.bytes).unwrap_or("").trim();
            Diagnostic::new(
                "wrong-type",
                span,
                format!("wrong type: expected {wanted}, found `{found}`"),
                format!("expected {wanted}"),
            )
            .with_help(help)
        }
        Error::Unexpected { expected, .. } => {
            let wanted = match *expected {
                "mapping start" => "a mapping (`key: value` lines)",
                "sequence start" => "a list (lines starting with `- `)",
                "string scalar" => "text (quote it if it starts with [ { * & ! | > ' \" % @ or `)",
                other => other,
            };
            Diagnostic::new("wrong-type", span, format!("wrong type: expected {wanted}"), format!("expected {wanted}"))
        }
        Error::DuplicateMappingKey { key, .. } => {
            let key = key.as_deref().unwrap_or("?");
            Diagnostic::new(
                "duplicate-key",
                span,
                format!("key `{key}` appears twice in one mapping"),
                "second occurrence",
            )
            .with_help("keep one of the two lines")
        }
        Error::NullIntoString { .. } | Error::InvalidCharNull { .. } => {
            Diagnostic::new("wrong-type", span, "wrong type: expected text, found nothing", "no value after the colon")
                .with_help("write the text after the colon, or delete the line")
        }
        Error::MultipleDocuments { .. } => Diagnostic::new(
            "yaml-syntax",
            span,
            format!("the {what} holds more than one YAML document"),
            "a second document starts here",
        )
        .with_help("a line `---` starts a new document: delete it, and move what follows to the file it belongs in"),
        Error::NonFiniteFloat { .. } => {
            Diagnostic::new("wrong-type", span, "wrong type: expected a number, found infinity or NaN", "not a number")
                .with_help("write a number such as `1.5`")
        }
        Error::Eof { .. } => Diagnostic::new("yaml-syntax", span, format!("the {what} is empty"), "nothing here")
            .with_help("see docs/content.md, \"Content reference\", for what this file holds"),
        other => {
            let msg = strip_location(&other.to_string());
            Diagnostic::new("yaml-syntax", span, format!("YAML syntax error: {msg}"), msg)
                .with_help("check indentation (spaces, not tabs), colons after keys, and closing quotes and brackets")
        }
    }
}

/// Whether a YAML text holds no value: only blank lines, comments and document markers.
pub(crate) fn is_blank(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with('#') || l == "---" || l == "...")
}

fn scalar_help(ty: &str) -> (&'static str, &'static str) {
    match ty {
        "u8" | "u16" | "u32" | "u64" | "usize" => ("a whole number (0 or more)", "write digits only, e.g. `120`"),
        "i8" | "i16" | "i32" | "i64" | "isize" => ("a whole number", "write digits only, e.g. `3` or `-1`"),
        "bool" | "boolean" => ("true or false", "write `true` or `false` (not 是/否, yes/no)"),
        "f32" | "f64" => ("a number", "write a number such as `1.5`"),
        _ => ("a different kind of value", "see docs/content.md, \"Content reference\""),
    }
}

/// Byte offset of a 1-based line and character column in `text`.
fn byte_at(text: &str, line: u64, column: u64) -> usize {
    let line_start: usize =
        text.split_inclusive('\n').take(line.saturating_sub(1) as usize).map(str::len).sum::<usize>().min(text.len());
    let rest = &text[line_start..];
    line_start + rest.char_indices().nth(column.saturating_sub(1) as usize).map_or(rest.len(), |(i, _)| i)
}

/// The parser appends " at line L, column C" to its messages; our diagnostic shows that itself.
fn strip_location(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}
