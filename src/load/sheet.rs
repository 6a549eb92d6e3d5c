//! Records kept in a spreadsheet: `records/<kind>.csv` or `.xlsx` (also inside `records/<kind>/`),
//! with the keys of the YAML form as the header row and one record per row. Departments keep
//! their ledgers in Excel or WPS, and a CSV saved by Chinese Windows is GBK: it is read as such.
//!
//! A sheet is turned into the YAML list its rows stand for and parsed by the very code that
//! parses a `.yaml` records file, so every check holds for both and none is written twice. The
//! places in that YAML text are then moved back to the cells they came from ([`Cells::relocate`]),
//! so that a diagnostic names the file, the row and the cell (`B5`) the author sees.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Report};
use crate::source::{FileId, Span};
use crate::{m, t};

/// The spreadsheet formats read, by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Csv,
    Xlsx,
    /// A spreadsheet in a format not read (.xls, .et, .ods): named, so that it is not ignored.
    Other,
}

impl Format {
    pub(crate) fn of(extension: &str) -> Option<Self> {
        match extension {
            "csv" => Some(Self::Csv),
            "xlsx" => Some(Self::Xlsx),
            "xls" | "et" | "ods" | "numbers" => Some(Self::Other),
            _ => None,
        }
    }
}

/// A sheet read: what diagnostics quote, the YAML list its rows stand for, and where each part of
/// that YAML came from.
pub(crate) struct Sheet {
    /// The CSV's text (decoded), or the .xlsx sheet's rows as lines: line N is row N.
    pub(crate) shown: String,
    pub(crate) yaml: String,
    pub(crate) cells: Cells,
}

/// For each row of the YAML, the places of its keys (the header cells) and of its values.
#[derive(Debug, Default)]
pub struct Cells {
    rows: Vec<RowMap>,
}

#[derive(Debug)]
struct RowMap {
    /// Where the row's mapping starts in the YAML.
    yaml: usize,
    place: Place,
    parts: Vec<(Range<usize>, Place)>,
}

/// A cell as the author sees it.
#[derive(Debug, Clone)]
struct Place {
    line: u32,
    column: u32,
    shown: Range<usize>,
    /// `B5`; empty for a whole row.
    name: String,
}

impl Cells {
    /// The place in the sheet of a span of its YAML, and the cell's name; with `row`, the
    /// start of the row that holds it (a finding about the row, not a cell).
    pub(crate) fn relocate(&self, span: Span, row: bool) -> (Span, Option<&str>) {
        let i = self.rows.partition_point(|r| r.yaml <= span.start);
        let Some(row_map) = i.checked_sub(1).map(|i| &self.rows[i]) else {
            return (Span::file_start(span.file), None);
        };
        let cell = row_map
            .parts
            .iter()
            .filter(|_| !row)
            .find(|(yaml, _)| yaml.contains(&span.start) || yaml.start == span.start);
        let row = row_map;
        let place = cell.map_or(&row.place, |(_, place)| place);
        let at = Span {
            file: span.file,
            line: place.line,
            column: place.column,
            start: place.shown.start,
            end: place.shown.end,
        };
        (at, cell.map(|(_, p)| p.name.as_str()))
    }
}

/// Moves the spans of the files in `sheets` from the YAML of their rows to the cells, naming the
/// cell in each label, and words what a YAML message says of a mapping for a row.
pub(crate) fn relocate(sheets: &std::collections::BTreeMap<FileId, std::sync::Arc<Cells>>, report: &mut Report) {
    for d in &mut report.diagnostics {
        // A missing key is found at the row's last key; it is the row that lacks a value.
        let whole_row = d.code == "missing-key";
        if sheets.contains_key(&d.primary.span.file)
            && whole_row
            && let Some(key) = d.message.split('`').nth(1)
        {
            if d.primary.message == t!("yaml-missing-key-label", field = key) {
                d.primary.message = t!("sheet-row-lacks", key);
            }
            d.help = Some(t!("sheet-row-lacks-help", key));
        }
        for label in std::iter::once(&mut d.primary).chain(&mut d.secondary) {
            let Some(cells) = sheets.get(&label.span.file) else { continue };
            let (span, cell) = cells.relocate(label.span, whole_row);
            label.span = span;
            if let Some(cell) = cell {
                label.message = match label.message.as_str() {
                    "" => t!("sheet-cell", cell),
                    m => t!("sheet-cell-after", label = m, cell),
                };
            }
        }
    }
}

/// The parsed rows of a sheet before they become YAML: each cell's text and place.
struct Grid {
    shown: String,
    rows: Vec<Vec<Cell>>,
}

struct Cell {
    value: String,
    place: Place,
}

/// What a sheet holds: the keys of its kind of record (the header's allowed cells, see [`keys`]),
/// and what one row is called in messages.
#[derive(Clone, Copy)]
pub(crate) struct Rows {
    pub(crate) keys: &'static [&'static str],
    pub(crate) row: &'static str,
}

/// Reads a sheet. On failure, the diagnostic (placed in the shown text) and the text to quote.
pub(crate) fn read(bytes: &[u8], format: Format, file: FileId, rows: Rows) -> Result<Sheet, (Diagnostic, String)> {
    let grid = match format {
        Format::Csv => csv(bytes, file)?,
        Format::Xlsx => xlsx(bytes, file)?,
        Format::Other => {
            let d = Diagnostic::new("read-error", Span::file_start(file), m!("sheet-format"), "")
                .with_help(t!("sheet-format-help"));
            return Err((d, String::new()));
        }
    };
    to_yaml(grid, file, rows)
}

/// The keys of a record type, as its `Deserialize` derive names them to a deserializer of
/// structs: the columns a sheet of such records may have, with no second list to keep.
pub(crate) fn keys<T: serde::de::DeserializeOwned>() -> &'static [&'static str] {
    use serde::de::{Error, Visitor};
    struct Keys<'a>(&'a mut &'static [&'static str]);
    impl<'de> serde::Deserializer<'de> for Keys<'_> {
        type Error = serde::de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(Self::Error::custom("not a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(Self::Error::custom("only the keys were asked for"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
            unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
        }
    }
    let mut keys: &'static [&'static str] = &[];
    let _ = T::deserialize(Keys(&mut keys));
    keys
}

/// The first header cell that is no key of the record, with the others as further labels.
fn unknown_columns(header: &[Cell], file: FileId, rows: Rows) -> Option<Diagnostic> {
    let span = |p: &Place| Span { file, line: p.line, column: p.column, start: p.shown.start, end: p.shown.end };
    let mut unknown = header.iter().filter(|h| !h.value.is_empty() && !rows.keys.contains(&h.value.as_str()));
    let first = unknown.next()?;
    let hint = crate::diagnostic::did_you_mean(&first.value, rows.keys.iter().copied());
    let keys = t!("sheet-unknown-column-help", what = crate::diagnostic::a(rows.row), keys = rows.keys.join(", "));
    let help = match hint {
        Some(hint) if crate::i18n::lang() == crate::i18n::Lang::Zh => format!("{hint}{keys}"),
        Some(hint) => format!("{hint} {keys}"),
        None => keys,
    };
    let d = Diagnostic::new(
        "unknown-key",
        span(&first.place),
        m!("sheet-unknown-column", column = first.value.as_str(), what = crate::i18n::Value::nouns(rows.row)),
        t!("sheet-unknown-column-label", cell = first.place.name.as_str()),
    );
    Some(
        unknown
            .fold(d, |d, h| d.with_label(span(&h.place), t!("sheet-also-unknown", cell = h.place.name.as_str())))
            .with_help(help),
    )
}

/// Turns the rows under the header into a YAML list of mappings, one key per filled cell: a
/// number as it is, every other value a double-quoted string (read as a YAML file's would be).
fn to_yaml(grid: Grid, file: FileId, kind: Rows) -> Result<Sheet, (Diagnostic, String)> {
    let filled = |row: &&Vec<Cell>| row.iter().any(|c| !c.value.is_empty());
    let mut rows = grid.rows.iter().filter(filled);
    let Some(header) = rows.next() else {
        return Ok(Sheet { shown: grid.shown, yaml: String::new(), cells: Cells::default() });
    };
    if let Some(d) = unknown_columns(header, file, kind) {
        return Err((d, grid.shown));
    }
    let mut yaml = String::new();
    let mut cells = Cells::default();
    for row in rows {
        let start = yaml.len();
        yaml.push_str("-\n");
        let mut parts = Vec::new();
        for (i, cell) in row.iter().enumerate().filter(|(_, c)| !c.value.is_empty()) {
            let Some(key) = header.get(i).filter(|h| !h.value.is_empty()) else {
                let place = &cell.place;
                let span = Span {
                    file,
                    line: place.line,
                    column: place.column,
                    start: place.shown.start,
                    end: place.shown.end,
                };
                let d = Diagnostic::new(
                    "unknown-key",
                    span,
                    m!("sheet-no-header", cell = place.name.as_str()),
                    t!("sheet-no-header-label"),
                )
                .with_help(t!("sheet-no-header-help"));
                return Err((d, grid.shown));
            };
            yaml.push_str("  ");
            let k = quoted(&mut yaml, &key.value);
            yaml.push_str(": ");
            // A number stays a number (quantities); as text it is read as the same digits.
            let v = match is_number(&cell.value) {
                true => {
                    let start = yaml.len();
                    yaml.push_str(&cell.value);
                    start..yaml.len()
                }
                false => quoted(&mut yaml, &cell.value),
            };
            yaml.push('\n');
            parts.push((k, key.place.clone()));
            parts.push((v, cell.place.clone()));
        }
        let first = &row[0].place;
        let place =
            Place { line: first.line, column: 1, shown: first.shown.start..first.shown.start, name: String::new() };
        cells.rows.push(RowMap { yaml: start, place, parts });
    }
    if cells.rows.is_empty() {
        yaml.push_str("[]\n");
    }
    Ok(Sheet { shown: grid.shown, yaml, cells })
}

/// Whether a cell is a decimal number (`12`, `-0.5`), written as a plain YAML scalar.
fn is_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    [whole, fraction].iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Appends `text` as a YAML double-quoted scalar; returns where it stands.
fn quoted(yaml: &mut String, text: &str) -> Range<usize> {
    let start = yaml.len();
    yaml.push('"');
    for c in text.chars() {
        match c {
            '"' => yaml.push_str("\\\""),
            '\\' => yaml.push_str("\\\\"),
            '\n' => yaml.push_str("\\n"),
            '\t' => yaml.push_str("\\t"),
            '\r' => {}
            c => yaml.push(c),
        }
    }
    yaml.push('"');
    start..yaml.len()
}

/// A cell's text as the records read it: trimmed, and a date the way Excel and WPS write one
/// for a Chinese locale (2026/1/5, 2026年1月5日) written `2026-01-05`.
pub(crate) fn value(text: &str) -> String {
    let text = text.trim();
    let parts: Vec<&str> = text.trim_end_matches('日').split(['/', '-', '.', '年', '月']).collect();
    let numbers: Option<Vec<u32>> = parts.iter().map(|p| p.parse().ok().filter(|_| p.len() <= 4)).collect();
    match numbers.as_deref() {
        Some(&[y, m, d])
            if parts[0].len() == 4 && (1..=12).contains(&m) && (1..=31).contains(&d) && parts.len() == 3 =>
        {
            format!("{y:04}-{m:02}-{d:02}")
        }
        _ => text.to_string(),
    }
}

/// `A`, `B`, … `Z`, `AA` for a column index from 0.
fn column_name(mut index: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// A cell holding a character that would hide or rewrite text where it is printed.
fn unprintable(cell: &Cell, file: FileId) -> Option<Diagnostic> {
    let c = cell.value.chars().find(|c| crate::diagnostic::is_unprintable(*c) || *c == '\r')?;
    let p = &cell.place;
    let span = Span { file, line: p.line, column: p.column, start: p.shown.start, end: p.shown.end };
    Some(
        Diagnostic::new(
            "control-character",
            span,
            m!("sheet-unprintable", cell = p.name.as_str(), code = format!("U+{:04X}", c as u32)),
            t!("text-here"),
        )
        .with_help(t!("sheet-unprintable-help")),
    )
}

/// Line starts of a text, to turn byte offsets into lines and columns.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Lines { text, starts }
    }

    fn place(&self, shown: Range<usize>, name: String) -> Place {
        let line = self.starts.partition_point(|s| *s <= shown.start);
        let from = self.starts[line - 1];
        let column = self.text[from..shown.start].chars().count() as u32 + 1;
        Place { line: line as u32, column, shown, name }
    }
}

/// The text of a CSV: UTF-8 (a byte order mark dropped), UTF-16 with its mark, or else GBK
/// (GB18030), which Excel and WPS write on Chinese Windows.
fn decode_csv(bytes: &[u8], file: FileId) -> Result<String, (Diagnostic, String)> {
    if let Some((text, _)) = encoding_rs::Encoding::for_bom(bytes).map(|(enc, _)| enc.decode_with_bom_removal(bytes)) {
        return Ok(text.into_owned());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok(text.into_owned()),
        None => {
            let d = Diagnostic::new("read-error", Span::file_start(file), m!("sheet-csv-encoding"), "")
                .with_help(t!("sheet-csv-encoding-help"));
            Err((d, String::from_utf8_lossy(bytes).into_owned()))
        }
    }
}

fn csv(bytes: &[u8], file: FileId) -> Result<Grid, (Diagnostic, String)> {
    let shown = decode_csv(bytes, file)?;
    let lines = Lines::new(&shown);
    let mut reader = ::csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(shown.as_bytes());
    let mut rows = Vec::new();
    let mut record = ::csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let d = Diagnostic::new(
                    "read-error",
                    Span::file_start(file),
                    m!("sheet-csv-unreadable", error = e.to_string()),
                    "",
                );
                return Err((d, shown));
            }
        }
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let ranges = fields(&shown, start, record.len());
        let mut row = Vec::new();
        for (i, (text, range)) in record.iter().zip(ranges).enumerate() {
            let mut place = lines.place(range, String::new());
            place.name = format!("{}{}", column_name(i), place.line);
            row.push(Cell { value: value(text), place });
        }
        rows.push(row);
    }
    for cell in rows.iter().flatten() {
        if let Some(d) = unprintable(cell, file) {
            return Err((d, shown));
        }
    }
    Ok(Grid { shown, rows })
}

/// Where the `count` fields of the CSV record starting at `start` stand in the text, quotes
/// included: the csv crate gives their values, not their places.
fn fields(text: &str, start: usize, count: usize) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut at = start;
    // The reader skips blank lines, and may give the place of one as the record's.
    while matches!(b.get(at), Some(b'\n' | b'\r')) {
        at += 1;
    }
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        let begin = at;
        if b.get(at) == Some(&b'"') {
            at += 1;
            while let Some(&c) = b.get(at) {
                at += 1;
                if c == b'"' {
                    if b.get(at) != Some(&b'"') {
                        break;
                    }
                    at += 1;
                }
            }
        }
        while b.get(at).is_some_and(|c| !matches!(c, b',' | b'\n' | b'\r')) {
            at += 1;
        }
        out.push(begin..at);
        if b.get(at) == Some(&b',') {
            at += 1;
        }
    }
    out
}

fn xlsx(bytes: &[u8], file: FileId) -> Result<Grid, (Diagnostic, String)> {
    xlsx_sheet(bytes, file, None)
}

/// The cells of a sheet, as text, row by row: for commands that read what the office filled in
/// (`sign --sheet`). From a workbook, the sheet named `name` when it has one, else its first;
/// a CSV in UTF-8, UTF-16 or GBK. Err: what is wrong, and how to save it again.
pub(crate) fn table(bytes: &[u8], format: Format, name: Option<&str>) -> Result<Vec<Vec<String>>, String> {
    let grid = match format {
        Format::Csv => csv(bytes, 0),
        Format::Xlsx => xlsx_sheet(bytes, 0, name),
        Format::Other => return Err(t!("sheet-table-format")),
    };
    let grid =
        grid.map_err(|(d, _)| t!("sheet-table-problem", message = d.message, help = d.help.unwrap_or_default()))?;
    Ok(grid.rows.into_iter().map(|row| row.into_iter().map(|c| c.value).collect()).collect())
}

/// `table` of a file named on the command line, its format from its extension; Err says what
/// is wrong with it, the file named.
pub(crate) fn table_of(path: &std::path::Path, name: Option<&str>) -> Result<Vec<Vec<String>>, String> {
    let bytes = std::fs::read(path)
        .map_err(|e| t!("sheet-table-unreadable", path = path.display().to_string(), why = e.to_string()))?;
    let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    let format = Format::of(&extension).unwrap_or(Format::Other);
    table(&bytes, format, name).map_err(|why| t!("sheet-table-unreadable", path = path.display().to_string(), why))
}

fn xlsx_sheet(bytes: &[u8], file: FileId, name: Option<&str>) -> Result<Grid, (Diagnostic, String)> {
    use calamine::{Data, Reader};
    let unreadable = |e: String| {
        let d = Diagnostic::new("read-error", Span::file_start(file), m!("sheet-xlsx-unreadable", error = e), "")
            .with_help(t!("sheet-xlsx-unreadable-help"));
        (d, String::new())
    };
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| unreadable(e.to_string()))?;
    let named = name.filter(|n| book.sheet_names().iter().any(|s| s == n));
    let range = match named {
        Some(n) => book.worksheet_range(n).map_err(|e| unreadable(e.to_string()))?,
        None => match book.worksheet_range_at(0) {
            Some(range) => range.map_err(|e| unreadable(e.to_string()))?,
            None => return Ok(Grid { shown: String::new(), rows: Vec::new() }),
        },
    };
    let (top, left) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
    // The rows as lines, line N holding row N, cells separated by ` | `.
    let mut shown = "\n".repeat(top);
    let mut rows = Vec::new();
    for (r, cells) in range.rows().enumerate() {
        let line = (top + r + 1) as u32;
        let mut row = Vec::new();
        for (c, data) in cells.iter().enumerate() {
            let name = format!("{}{line}", column_name(left + c));
            let text = match data {
                Data::Empty => String::new(),
                Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
                Data::Float(f) => f.to_string(),
                Data::Int(i) => i.to_string(),
                Data::Bool(b) => b.to_string(),
                Data::DateTime(d) if d.is_datetime() => {
                    let (year, month, day, ..) = d.to_ymd_hms_milli();
                    format!("{year:04}-{month:02}-{day:02}")
                }
                Data::DateTime(d) => d.to_string(),
                Data::Error(e) => {
                    let d = Diagnostic::new(
                        "wrong-type",
                        Span::file_start(file),
                        m!("sheet-excel-error", cell = name.as_str(), error = e.to_string()),
                        "",
                    )
                    .with_help(t!("sheet-excel-error-help"));
                    return Err((d, shown));
                }
            };
            if c > 0 {
                shown.push_str(" | ");
            }
            let start = shown.len();
            shown.push_str(&text.replace(['\n', '\r'], " "));
            let column = shown[shown.rfind('\n').map_or(0, |i| i + 1)..start].chars().count() as u32 + 1;
            let place = Place { line, column, shown: start..shown.len(), name };
            row.push(Cell { value: value(&text), place });
        }
        shown.push('\n');
        rows.push(row);
    }
    for cell in rows.iter().flatten() {
        if let Some(d) = unprintable(cell, file) {
            return Err((d, shown));
        }
    }
    Ok(Grid { shown, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROWS: Rows = Rows { keys: &["id", "found", "description"], row: "hazard" };

    #[test]
    fn keys_are_the_record_types_own() {
        assert_eq!(keys::<crate::raw::Inspection>(), ["date", "item", "by", "hazard", "note"]);
        let (d, _) = read(
            "date,itme,nte\n".as_bytes(),
            Format::Csv,
            0,
            Rows { keys: keys::<crate::raw::Inspection>(), row: "inspection" },
        )
        .map(|_| ())
        .unwrap_err();
        assert_eq!(d.message, "unknown column `itme` in a sheet of inspections");
        assert_eq!((d.primary.span.column, d.secondary.len()), (6, 1));
        assert!(d.help.unwrap().starts_with("did you mean `item`?"));
    }

    #[test]
    fn rows_become_yaml_and_places_go_back_to_cells() {
        let text = "id,found,description\n2026-001,2026/1/5,\"配电室\"\"门\"\"未锁, 已报\"\n\n2026-002,2026年2月3日,灭火器过期\n";
        let sheet = read(text.as_bytes(), Format::Csv, 0, ROWS).unwrap();
        assert_eq!(
            sheet.yaml,
            "-\n  \"id\": \"2026-001\"\n  \"found\": \"2026-01-05\"\n  \"description\": \"配电室\\\"门\\\"未锁, 已报\"\n\
             -\n  \"id\": \"2026-002\"\n  \"found\": \"2026-02-03\"\n  \"description\": \"灭火器过期\"\n"
        );
        let at = |needle: &str, nth: usize| {
            let start = sheet.yaml.match_indices(needle).nth(nth).unwrap().0;
            let (span, name) = sheet.cells.relocate(Span { file: 0, line: 1, column: 1, start, end: start }, false);
            (span.line, span.column, &sheet.shown[span.start..span.end], name.map(str::to_string))
        };
        assert_eq!(at("\"2026-02-03\"", 0), (4, 10, "2026年2月3日", Some("B4".into())));
        assert_eq!(at("\"description\"", 1), (1, 10, "description", Some("C1".into())));
        assert_eq!(at("\"配电室", 0), (2, 19, "\"配电室\"\"门\"\"未锁, 已报\"", Some("C2".into())));
        assert_eq!(at("-\n", 1).0, 4);
    }

    #[test]
    fn gbk_is_read_and_stray_values_are_found() {
        let (gbk, _, _) = encoding_rs::GBK.encode("id,found\n甲,2026-01-05\n");
        assert!(read(&gbk, Format::Csv, 0, ROWS).unwrap().yaml.contains("\"甲\""));
        let (d, _) = read("id\na,b\n".as_bytes(), Format::Csv, 0, ROWS).map(|_| ()).unwrap_err();
        assert!(d.message.contains("cell B2"), "{}", d.message);
        let (d, _) = read("id\n\"a\u{1b}\"\n".as_bytes(), Format::Csv, 0, ROWS).map(|_| ()).unwrap_err();
        assert_eq!((d.code, d.primary.span.line), ("control-character", 2));
        assert_eq!(read("id,found\n".as_bytes(), Format::Csv, 0, ROWS).unwrap().yaml, "[]\n");
        // A number stays one (a quantity); a number-like id is read as the same digits.
        let numbers = read("id,found\n007,11.4\n1.2.3,-2\n".as_bytes(), Format::Csv, 0, ROWS).unwrap().yaml;
        assert!(numbers.contains("\"id\": 007\n  \"found\": 11.4\n"), "{numbers}");
        assert!(numbers.contains("\"id\": \"1.2.3\"\n  \"found\": -2\n"), "{numbers}");
        assert_eq!(column_name(0) + &column_name(25) + &column_name(26) + &column_name(701), "AZAAZZ");
    }
}
