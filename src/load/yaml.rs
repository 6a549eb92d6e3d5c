//! YAML → typed values, with parser errors turned into diagnostics that say what to do.

use serde::de::DeserializeOwned;
use serde_saphyr::Error;

use crate::diagnostic::{Diagnostic, a, did_you_mean, noun};
use crate::i18n::Lang;
use crate::source::{FileId, Offset, Span};
use crate::{m, t};

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
        return Diagnostic::new("yaml-syntax", span, m!("yaml-tab"), t!("yaml-tab-label"))
            .with_help(t!("yaml-tab-help"));
    }
    // A key typed with a full-width colon is read as text: a syntax error or a value of the
    // wrong kind, on its line or next to it.
    let misread = !matches!(
        inner,
        Error::SerdeUnknownField { .. }
            | Error::SerdeMissingField { .. }
            | Error::SerdeUnknownVariant { .. }
            | Error::DuplicateMappingKey { .. }
            | Error::NullIntoString { .. }
            | Error::InvalidCharNull { .. }
            | Error::MultipleDocuments { .. }
            | Error::NonFiniteFloat { .. }
            | Error::Eof { .. }
    );
    if misread && let Some(d) = full_width_colon(text, file, offset, span.line.saturating_sub(offset.lines)) {
        return d;
    }
    let what_noun = noun(what);
    match inner {
        Error::SerdeUnknownField { field, expected, .. } => {
            let help = hinted(
                did_you_mean(field, expected.iter().copied()),
                t!("yaml-unknown-key-help", what = a(what), keys = expected.join(", ")),
            );
            Diagnostic::new(
                "unknown-key",
                span,
                m!("yaml-unknown-key", field = field.as_str(), what = what_noun),
                t!("yaml-unknown-key-label"),
            )
            .with_help(help)
        }
        Error::SerdeMissingField { field, .. } => Diagnostic::new(
            "missing-key",
            span,
            m!("yaml-missing-key", field = *field, what = what_noun),
            t!("yaml-missing-key-label", field = *field),
        )
        .with_help(t!("yaml-missing-key-help", field = *field)),
        Error::SerdeUnknownVariant { variant, expected, .. } => {
            let help = hinted(
                did_you_mean(variant, expected.iter().copied()),
                t!("yaml-unknown-value-help", values = expected.join(", ")),
            );
            Diagnostic::new(
                "unknown-value",
                span,
                m!("yaml-unknown-value", value = variant.as_str()),
                t!("yaml-unknown-value-label"),
            )
            .with_help(help)
        }
        Error::SerdeInvalidType { unexpected, expected, .. }
        | Error::SerdeInvalidValue { unexpected, expected, .. } => {
            let (expected, unexpected) = (expected_words(expected), found_words(unexpected));
            Diagnostic::new(
                "wrong-type",
                span,
                m!("yaml-wrong-type", expected = expected.as_str(), found = unexpected),
                t!("yaml-wrong-type-label", expected),
            )
        }
        Error::InvalidScalar { ty, .. } => {
            let (wanted, help) = scalar_help(ty);
            let found = text.get(span.start - offset.bytes..span.end - offset.bytes).unwrap_or("").trim();
            Diagnostic::new(
                "wrong-type",
                span,
                m!("yaml-wrong-scalar", expected = wanted.as_str(), found),
                t!("yaml-wrong-type-label", expected = wanted),
            )
            .with_help(help)
        }
        Error::Unexpected { expected, .. } => {
            let wanted = match *expected {
                "mapping start" => t!("yaml-want-mapping"),
                "sequence start" => t!("yaml-want-list"),
                "string scalar" => t!("yaml-want-text"),
                other => other.to_string(),
            };
            Diagnostic::new(
                "wrong-type",
                span,
                m!("yaml-wrong-kind", expected = wanted.as_str()),
                t!("yaml-wrong-type-label", expected = wanted),
            )
        }
        Error::DuplicateMappingKey { key, .. } => {
            let key = key.as_deref().unwrap_or("?");
            Diagnostic::new("duplicate-key", span, m!("yaml-duplicate-key", key), t!("yaml-duplicate-key-label"))
                .with_help(t!("yaml-duplicate-key-help"))
        }
        Error::NullIntoString { .. } | Error::InvalidCharNull { .. } => {
            Diagnostic::new("wrong-type", span, m!("yaml-no-value"), t!("yaml-no-value-label"))
                .with_help(t!("yaml-no-value-help"))
        }
        Error::MultipleDocuments { .. } => {
            Diagnostic::new("yaml-syntax", span, m!("yaml-documents", what = what_noun), t!("yaml-documents-label"))
                .with_help(t!("yaml-documents-help"))
        }
        Error::NonFiniteFloat { .. } => {
            Diagnostic::new("wrong-type", span, m!("yaml-not-finite"), t!("yaml-not-finite-label"))
                .with_help(t!("yaml-not-finite-help"))
        }
        Error::Eof { .. } => {
            Diagnostic::new("yaml-syntax", span, m!("yaml-empty", what = what_noun), t!("yaml-empty-label"))
                .with_help(t!("yaml-empty-help"))
        }
        other => {
            let msg = parser_words(&strip_location(&other.to_string()));
            Diagnostic::new("yaml-syntax", span, m!("yaml-syntax", message = msg.as_str()), msg)
                .with_help(t!("yaml-syntax-help"))
        }
    }
}

/// A suggestion ("did you mean `scope`?") put before the rest of a help line.
fn hinted(hint: Option<String>, rest: String) -> String {
    match hint {
        Some(hint) if crate::i18n::lang() == Lang::Zh => format!("{hint}{rest}"),
        Some(hint) => format!("{hint} {rest}"),
        None => rest,
    }
}

/// A key typed with the full-width colon of a Chinese keyboard (`name：护士`): the line at
/// `line` (1-based, in `text`) or next to it, when it reads `key：` with a key of letters.
fn full_width_colon(text: &str, file: FileId, offset: Offset, line: u32) -> Option<Diagnostic> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let starts: Vec<usize> = lines.iter().scan(0, |at, l| Some(std::mem::replace(at, *at + l.len()))).collect();
    let here = (line as usize).max(1) - 1;
    let (n, key, colon) = [here, here + 1, here.wrapping_sub(1)].into_iter().find_map(|n| {
        let l = lines.get(n)?;
        let mut at = l.len() - l.trim_start().len();
        if let Some(item) = l[at..].strip_prefix("- ") {
            at += 2 + item.len() - item.trim_start().len();
        }
        let colon = at + l[at..].find('：')?;
        let key = l[at..colon].trim_end();
        let is_key = !key.is_empty()
            && key.len() <= 40
            && key.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
        is_key.then_some((n, key, colon))
    })?;
    let line_text = lines[n];
    let column = line_text[..colon].chars().count() as u32 + 1;
    let start = starts[n] + colon + offset.bytes;
    let span = Span { file, line: n as u32 + 1 + offset.lines, column, start, end: start + '：'.len_utf8() };
    let value = line_text[colon + '：'.len_utf8()..].trim();
    let fixed = if value.is_empty() { format!("{key}:") } else { format!("{key}: {value}") };
    Some(
        Diagnostic::new("yaml-syntax", span, m!("yaml-full-width-colon", key), t!("yaml-full-width-colon-label"))
            .with_help(t!("yaml-full-width-colon-help", fixed)),
    )
}

/// Whether a YAML text holds no value: only blank lines, comments and document markers.
pub(crate) fn is_blank(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with('#') || l == "---" || l == "...")
}

fn scalar_help(ty: &str) -> (String, String) {
    match ty {
        "u8" | "u16" | "u32" | "u64" | "usize" => (t!("yaml-want-count"), t!("yaml-want-count-help")),
        "i8" | "i16" | "i32" | "i64" | "isize" => (t!("yaml-want-integer"), t!("yaml-want-integer-help")),
        "bool" | "boolean" => (t!("yaml-want-bool"), t!("yaml-want-bool-help")),
        "f32" | "f64" => (t!("yaml-want-number"), t!("yaml-not-finite-help")),
        _ => (t!("yaml-want-other"), t!("yaml-want-other-help")),
    }
}

/// What serde says a value should be ("a string", "u32", "struct Post"), in the chosen
/// language.
fn expected_words(expected: &str) -> String {
    if crate::i18n::lang() == Lang::En {
        return expected.to_string();
    }
    match expected {
        "a string" | "a borrowed string" | "a character" | "string" => t!("yaml-want-text"),
        "a sequence" | "sequence" => t!("yaml-want-list"),
        "a map" | "map" => t!("yaml-want-mapping"),
        e if e.starts_with("struct ") => t!("yaml-want-mapping"),
        e if e.starts_with("enum ") || e == "variant identifier" => t!("yaml-want-variant"),
        "u8" | "u16" | "u32" | "u64" | "usize" => t!("yaml-want-count"),
        "i8" | "i16" | "i32" | "i64" | "isize" | "an integer" | "integer" => t!("yaml-want-integer"),
        "a boolean" | "bool" | "boolean" => t!("yaml-want-bool"),
        "f32" | "f64" | "a float" | "a number" => t!("yaml-want-number"),
        "the beginning of a category item's text" => t!("yaml-want-item"),
        e if e.starts_with("a date") || e.contains("YYYY-MM-DD") => t!("yaml-want-date"),
        other => other.to_string(),
    }
}

/// What serde says a value is ("string \"x\"", "integer `5`", "sequence"), in the chosen
/// language; the value itself stays as written.
fn found_words(found: &str) -> String {
    if crate::i18n::lang() == Lang::En {
        return found.to_string();
    }
    let with = |prefix: &str| found.strip_prefix(prefix).map(str::to_string);
    if let Some(v) = with("string ") {
        return t!("yaml-found-text", value = v);
    }
    if let Some(v) = with("integer ") {
        return t!("yaml-found-integer", value = v);
    }
    if let Some(v) = with("floating point ") {
        return t!("yaml-found-number", value = v);
    }
    if let Some(v) = with("boolean ") {
        return t!("yaml-found-bool", value = v);
    }
    if let Some(v) = with("character ") {
        return t!("yaml-found-text", value = v);
    }
    match found {
        "sequence" => t!("yaml-found-list"),
        "map" => t!("yaml-found-mapping"),
        "unit value" | "null" | "Option value" => t!("yaml-found-nothing"),
        other => other.to_string(),
    }
}

/// The YAML parser's own words for the commonest mistakes, in the chosen language; others
/// stay as the parser says them.
fn parser_words(message: &str) -> String {
    if crate::i18n::lang() == Lang::En {
        return message.to_string();
    }
    let words = |id: &str| message.contains(id);
    if words("simple key expected") {
        t!("yaml-parser-simple-key")
    } else if words("did not find expected key") {
        t!("yaml-parser-expected-key")
    } else if words("mapping values are not allowed") {
        t!("yaml-parser-mapping-values")
    } else if words("quoted scalar") || words("unclosed quote") {
        t!("yaml-parser-unclosed-quote")
    } else if words("end of stream") || words("unexpected end") {
        t!("yaml-parser-end-of-stream")
    } else if words("indentation") {
        t!("yaml-parser-indentation")
    } else {
        message.to_string()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Post {
        name: String,
        scope: Option<String>,
        duties: Option<Vec<String>>,
    }

    /// A key typed with the full-width colon of a Chinese keyboard is named at the colon,
    /// wherever it is; a full-width colon inside a text is left alone.
    #[test]
    fn a_full_width_colon_after_a_key_is_named_at_the_colon() {
        for (text, line, column) in [
            ("name: 护士\nscope：病区\n", 2, 6),
            ("name：护士\n", 1, 5),
            ("name: 护士\nduties:\n  - 一\nscope： 病区\n", 4, 6),
        ] {
            let errors = parse::<Post>(text, 0, Offset::default(), "post file").unwrap_err();
            let d = &errors[0];
            assert_eq!(d.code, "yaml-syntax", "{text:?}: {}", d.message);
            assert!(d.message.contains("full-width colon"), "{text:?}: {}", d.message);
            assert_eq!((d.primary.span.line, d.primary.span.column), (line, column), "{text:?}");
        }
        assert!(
            parse::<Post>("name: 护士\nduties:\n  - 第一条：做好检查\n", 0, Offset::default(), "post file").is_ok()
        );
    }
}
