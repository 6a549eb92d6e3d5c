//! Records kept in a spreadsheet: an .xlsx workbook (written here by a real writer, dates as
//! Excel dates) and a CSV saved from Chinese Windows in GBK build exactly what the same records
//! in YAML build, and a problem in a cell is reported at that cell.

mod common;

use std::collections::BTreeMap;

use common::*;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::Value;

const HOSPITAL: &str = "content/institutions/wsq-hospital/records";
/// The columns of the hazard ledger, in the order a safety office would keep them.
const HAZARD_COLUMNS: &[&str] = &[
    "id",
    "found",
    "source",
    "found_by",
    "department",
    "place",
    "description",
    "grade",
    "measure",
    "owner",
    "deadline",
    "rectified",
    "rectified_by",
    "verified",
    "verified_by",
    "plan",
    "reported",
    "evidence",
    "note",
];
const CHECKLIST_COLUMNS: &[&str] = &["id", "content", "standard", "frequency", "level", "post", "since"];

/// The rows of a YAML records file, every value as text.
fn rows(path: &std::path::Path) -> Vec<BTreeMap<String, String>> {
    serde_saphyr::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A workbook of `rows` under a header of `columns`; dates as Excel dates shown 2022/3/5, as
/// Excel shows them on Chinese Windows.
fn workbook(columns: &[&str], rows: &[BTreeMap<String, String>]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("yyyy/m/d");
    for (c, key) in columns.iter().enumerate() {
        sheet.write_string(0, c as u16, *key).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, key) in columns.iter().enumerate() {
            let Some(value) = row.get(*key) else { continue };
            match ExcelDateTime::parse_from_str(value) {
                Ok(day) if value.len() == 10 => sheet.write_datetime_with_format(r, c as u16, &day, &date),
                _ => sheet.write_string(r, c as u16, value),
            }
            .unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

/// `rows` as a CSV in GBK with Windows line endings, as Excel saves 「CSV（逗号分隔）」 there.
fn gbk_csv(columns: &[&str], rows: &[BTreeMap<String, String>]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    writer.write_record(columns).unwrap();
    for row in rows {
        writer.write_record(columns.iter().map(|k| row.get(*k).map_or("", String::as_str))).unwrap();
    }
    let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    gbk.into_owned()
}

#[test]
fn a_ledger_in_excel_and_a_checklist_in_gbk_build_what_yaml_builds() {
    let dir = example();
    let build = |out: &str| {
        let done = run(&["build", "content", "--only", "site,data", "--out", out], dir.path());
        assert!(done.status.success(), "{}", text(&done.stderr));
        snapshot(&dir.path().join(out))
    };
    let from_yaml = build("from-yaml");

    let records = dir.path().join(HOSPITAL);
    let hazards = rows(&records.join("hazards.yaml"));
    let checklist = rows(&records.join("checklist.yaml"));
    // Every value of the checklist written once, so that its row is known.
    assert!(hazards.len() > 10 && checklist.len() > 10);
    std::fs::remove_file(records.join("hazards.yaml")).unwrap();
    std::fs::remove_file(records.join("checklist.yaml")).unwrap();
    // The ledger split by year into workbooks, one of them open in Excel (its lock file beside it).
    std::fs::create_dir(records.join("hazards")).unwrap();
    let (early, late): (Vec<_>, Vec<_>) = hazards.into_iter().partition(|h| h["id"].as_str() < "2022-007");
    std::fs::write(records.join("hazards/上半年.xlsx"), workbook(HAZARD_COLUMNS, &early)).unwrap();
    std::fs::write(records.join("hazards/下半年.xlsx"), workbook(HAZARD_COLUMNS, &late)).unwrap();
    std::fs::write(records.join("hazards/~$下半年.xlsx"), b"\x0bAdministrator").unwrap();
    std::fs::write(records.join("checklist.csv"), gbk_csv(CHECKLIST_COLUMNS, &checklist)).unwrap();

    let from_sheets = build("from-sheets");
    // Everything is the same but where the pages that list findings say each was made (and so
    // the search index of those pages).
    let pages = ["site/index.html", "site/institutions/wsq-hospital/index.html"].map(std::path::PathBuf::from);
    assert_eq!(from_yaml.len(), from_sheets.len());
    for (path, bytes) in &from_yaml {
        if from_sheets.get(path) != Some(bytes) {
            assert!(pages.contains(path) || path.starts_with("site/pagefind"), "{} differs", path.display());
        }
    }
    let places = |html: &str| {
        html.split("（institutions/").map(|s| s.split_once('）').map_or(s, |(_, r)| r)).collect::<String>()
    };
    for page in &pages {
        let [a, b] = [&from_yaml, &from_sheets].map(|files| String::from_utf8(files[page].clone()).unwrap());
        assert_eq!(places(&a), places(&b), "{}", page.display());
    }
    let home = |files: &BTreeMap<std::path::PathBuf, Vec<u8>>| String::from_utf8(files[&pages[0]].clone()).unwrap();
    let (yaml_home, sheet_home) = (home(&from_yaml), home(&from_sheets));
    // The missed inspection of bq-01 is reported at the checklist's frequency, now a cell of the CSV.
    assert!(yaml_home.contains("wsq-hospital/records/checklist.yaml:55:14"));
    let row = 1 + 1 + checklist.iter().position(|c| c["id"] == "bq-01").unwrap();
    assert!(sheet_home.contains(&format!("wsq-hospital/records/checklist.csv:{row}:")), "{sheet_home}");
    assert!(sheet_home.contains("wsq-hospital/records/hazards/下半年.xlsx:"));
    let places = |html: &str| {
        html.split("（institutions/").map(|s| s.split_once('）').map_or(s, |(_, r)| r)).collect::<String>()
    };
    assert_eq!(places(&yaml_home), places(&sheet_home));
}

#[test]
fn a_problem_in_a_workbook_is_reported_at_its_cell() {
    let dir = example();
    let records = dir.path().join(HOSPITAL);
    let mut hazards = rows(&records.join("hazards.yaml"));
    hazards[3].insert("owner".into(), "zhang-sna".into());
    hazards[5].insert("found".into(), "2022-13-01".into());
    std::fs::remove_file(records.join("hazards.yaml")).unwrap();
    std::fs::write(records.join("hazards.xlsx"), workbook(HAZARD_COLUMNS, &hazards)).unwrap();
    let out = run(&["check", "content", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors: Vec<String> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| format!("{}:{} {} [{}]", d["file"].as_str().unwrap(), d["line"], d["message"], d["label"]))
        .collect();
    let file = "institutions/wsq-hospital/records/hazards.xlsx";
    // Row 1 is the header: the fourth hazard is on row 5, its owner in column J.
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors[0].starts_with(&format!("{file}:5 ")) && errors[0].contains("(cell J5)"), "{errors:#?}");
    assert!(errors[1].starts_with(&format!("{file}:7 ")) && errors[1].contains("`2022-13-01`"), "{errors:#?}");
    assert!(errors[1].contains("(cell B7)"), "{errors:#?}");
}
