//! Bytes → text. Content is UTF-8; what Chinese Windows editors save by default (GBK from
//! Notepad or WPS, UTF-16 from some Excel exports) is recognised and named, so that the
//! message says how to save the file again instead of only "not UTF-8".

use crate::diagnostic::Diagnostic;
use crate::source::{FileId, Span};
use crate::t;

/// The file's text; or a diagnostic at the first byte that is not UTF-8, and the text as far as
/// it can be read (decoded from GBK or UTF-16 when it is that), for the diagnostic to quote.
pub(crate) fn decode(bytes: Vec<u8>, file: FileId) -> Result<String, (Diagnostic, String)> {
    let error = match String::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(e) => e,
    };
    let bytes = error.as_bytes();
    let valid = error.utf8_error().valid_up_to();
    let utf16 = match bytes {
        [0xFF, 0xFE, ..] => Some(t!("text-utf16-le")),
        [0xFE, 0xFF, ..] => Some(t!("text-utf16-be")),
        _ => None,
    };
    // GB18030 decodes almost any bytes; call it GBK only when the result reads as Chinese.
    let as_gbk = encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .filter(|text| utf16.is_none() && text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
    let gbk = as_gbk.is_some();
    let shown = match (&utf16, as_gbk) {
        (Some(_), _) => encoding_rs::UTF_16LE.decode(bytes).0.into_owned(),
        (None, Some(text)) => text.into_owned(),
        (None, None) => String::from_utf8_lossy(bytes).into_owned(),
    };
    let shown =
        if bytes.starts_with(&[0xFE, 0xFF]) { encoding_rs::UTF_16BE.decode(bytes).0.into_owned() } else { shown };
    // Where the first bad byte is: the line and column of the text before it.
    let before = std::str::from_utf8(&bytes[..valid]).unwrap_or("");
    let line = before.matches('\n').count() as u32 + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
    let span = Span { file, line, column, start: valid, end: valid };
    let (message, label) = match (&utf16, gbk) {
        (Some(encoding), _) => (t!("text-utf16", encoding = encoding.as_str()), t!("text-utf16-label")),
        (None, true) => (t!("text-gbk"), t!("text-not-utf8-label")),
        (None, false) => (t!("text-not-utf8"), t!("text-not-utf8-label")),
    };
    let span = if utf16.is_some() { Span { line: 1, column: 1, start: 0, end: 0, ..span } } else { span };
    Err((Diagnostic::new("read-error", span, message, label).with_help(t!("text-encoding-help")), shown))
}

/// A control character or bidirectional override in the file, written as it is or as a YAML
/// escape (`"\e[2J"`): names and duties are printed on pages, in PDFs and in terminals, where
/// such a character hides or rewrites text.
pub(crate) fn unprintable(text: &str, file: FileId) -> Option<Diagnostic> {
    let at = |start: usize, what: String| {
        let before = &text[..start];
        let line = before.matches('\n').count() as u32 + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
        let end = start + text[start..].chars().next().map_or(0, char::len_utf8);
        Diagnostic::new("control-character", Span { file, line, column, start, end }, what, t!("text-here"))
            .with_help(t!("text-unprintable-help"))
    };
    if let Some((i, c)) = text.char_indices().find(|(_, c)| crate::diagnostic::is_unprintable(*c)) {
        return Some(at(i, t!("text-unprintable", code = format!("U+{:04X}", c as u32))));
    }
    // A carriage return not followed by a line feed: old Mac line endings, or a stray one.
    // Editors and YAML count it as a line break, other tools do not, so no line number would
    // mean the same to everyone.
    if let Some(i) = text.match_indices('\r').map(|(i, _)| i).find(|i| text.as_bytes().get(i + 1) != Some(&b'\n')) {
        return Some(at(i, t!("text-carriage-return")).with_help(t!("text-carriage-return-help")));
    }
    // Only a double-quoted YAML scalar can make one from an escape, and only with a backslash.
    if !text.contains('\\') {
        return None;
    }
    let value: serde_json::Value = serde_saphyr::from_str(text).ok()?;
    let mut bad = None;
    visit_strings(&value, &mut |s| {
        bad = bad.or_else(|| s.chars().find(|c| crate::diagnostic::is_unprintable(*c)));
    });
    let c = bad?;
    // The escape that made it: the first backslash before a letter of the escapes that can.
    let escape = text
        .match_indices('\\')
        .map(|(i, _)| i)
        .find(|i| text[i + 1..].chars().next().is_some_and(|n| "0abtvfreNxuU".contains(n) && n != 't' && n != 'r'));
    Some(at(escape.unwrap_or(0), t!("text-escape", code = format!("U+{:04X}", c as u32))))
}

fn visit_strings(value: &serde_json::Value, f: &mut impl FnMut(&str)) {
    match value {
        serde_json::Value::String(s) => f(s),
        serde_json::Value::Array(items) => items.iter().for_each(|v| visit_strings(v, f)),
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                f(k);
                visit_strings(v, f);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_encoding_and_the_place() {
        assert_eq!(decode("名称：护士".as_bytes().to_vec(), 0).unwrap(), "名称：护士");
        let (gbk, _, _) = encoding_rs::GBK.encode("name: 护士\nscope: 病区\n");
        let (d, shown) = decode(b"id: a\n".iter().copied().chain(gbk.iter().copied()).collect(), 0).unwrap_err();
        assert!(d.message.contains("GBK"), "{}", d.message);
        assert_eq!(shown, "id: a\nname: 护士\nscope: 病区\n");
        assert_eq!((d.primary.span.line, d.primary.span.column), (2, 7));
        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("名".encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
        let (d, shown) = decode(utf16, 0).unwrap_err();
        assert!(d.message.contains("UTF-16 (little-endian)") && shown == "名");
        let (d, _) = decode(vec![b'a', 0xC3, 0x28], 0).unwrap_err();
        assert!(d.message.contains("not UTF-8") && !d.message.contains("GBK"));
    }

    #[test]
    fn finds_invisible_characters_written_or_escaped() {
        assert!(unprintable("name: 护士\tA\r\n", 0).is_none());
        let d = unprintable("id: a\nname: 王\u{1b}[2J\n", 0).unwrap();
        assert_eq!((d.primary.span.line, d.primary.span.column), (2, 8));
        let d = unprintable("id: a\nname: \"王\\e[2J\"\n", 0).unwrap();
        assert!(d.message.contains("U+001B"));
        assert_eq!((d.primary.span.line, d.primary.span.column), (2, 9));
        assert!(unprintable("path: 'C:\\temp'\nname: \"a\\\"b\"\n", 0).is_none());
        assert!(unprintable("name: \"\\u202Eabc\"\n", 0).is_some());
        let d = unprintable("id: a\r\nas_of: 2023\r01-10\r\n", 0).unwrap();
        assert_eq!((d.primary.span.line, d.primary.span.column), (2, 12));
    }
}
