//! The safety office's own work in Excel: the workbook each institution gets in `data/` (read
//! back by a spreadsheet reader), and signatures recorded by the code printed on the paper or by
//! a filled-in 签订台账 (.xlsx or a GBK CSV), with `signing.yaml`'s comments kept.

mod common;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader};
use common::*;
use serde_json::Value;

/// Builds the data export of the content in `dir` into `dir/out`.
fn export(dir: &Path) {
    let out = run(&["build", "content", "--out", "out", "--only", "data"], dir);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

fn documents(dir: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(dir.join("out/data/documents.json")).unwrap();
    serde_json::from_str::<Value>(&text).unwrap().as_array().unwrap().clone()
}

fn open(path: &Path) -> calamine::Xlsx<std::io::BufReader<std::fs::File>> {
    calamine::open_workbook(path).unwrap()
}

/// A sheet's cells as text (dates as YYYY-MM-DD).
fn cells(path: &Path, sheet: &str) -> Vec<Vec<String>> {
    let range = open(path).worksheet_range(sheet).unwrap();
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|c| match c {
                    Data::DateTime(d) => {
                        let (y, m, d, ..) = d.to_ymd_hms_milli();
                        format!("{y:04}-{m:02}-{d:02}")
                    }
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

fn column(rows: &[Vec<String>], name: &str) -> usize {
    rows[0].iter().position(|c| c == name).unwrap_or_else(|| panic!("no column {name} in {:?}", rows[0]))
}

/// The letters of an institution in documents.json.
fn letters<'a>(docs: &'a [Value], institution: &str) -> Vec<&'a Value> {
    docs.iter().filter(|d| d["kind"] == "letter" && d["institution"] == institution).collect()
}

#[test]
fn each_institution_gets_a_workbook_of_its_lists_with_chinese_headers_frozen_and_filtered() {
    let dir = example();
    export(dir.path());
    let book = dir.path().join("out/data/workbooks/wsq-hospital.xlsx");
    assert_eq!(
        open(&book).sheet_names(),
        ["岗位职责清单", "人员名册", "签订台账", "风险清单", "隐患排查清单", "排查记录", "隐患台账"]
    );

    // 岗位职责清单: the rows of duties.csv for this institution, same texts.
    let duties = cells(&book, "岗位职责清单");
    assert_eq!(duties[0][..6], ["科室", "岗位", "岗位类别", "在岗人员", "序号", "安全生产职责"]);
    let csv = std::fs::read_to_string(dir.path().join("out/data/duties.csv")).unwrap();
    let csv_texts: Vec<&str> = csv.lines().filter(|l| l.contains(",wsq-hospital,")).collect();
    assert_eq!(duties.len() - 1, csv_texts.len());
    let text = column(&duties, "安全生产职责");
    assert!(duties[1..].iter().all(|r| csv.contains(&r[text])), "every duty is the CSV's");

    // 人员名册: everyone in people.yaml, once.
    let people: Vec<BTreeMap<String, Value>> = serde_saphyr::from_str(
        &std::fs::read_to_string(dir.path().join("content/institutions/wsq-hospital/people.yaml")).unwrap(),
    )
    .unwrap();
    let roster = cells(&book, "人员名册");
    assert_eq!(roster[0], ["姓名", "科室", "岗位", "职称", "工号", "人员编号"]);
    let mut ids: Vec<&str> = roster[1..].iter().map(|r| r[5].as_str()).collect();
    ids.sort();
    let mut expected: Vec<&str> = people.iter().map(|p| p["id"].as_str().unwrap()).collect();
    expected.sort();
    assert_eq!(ids, expected);

    // 签订台账: every letter, with its code, number and state as documents.json has them.
    let docs = documents(dir.path());
    for inst in ["wsq-hospital", "wsq-tuke"] {
        let book = dir.path().join(format!("out/data/workbooks/{inst}.xlsx"));
        let sheet = cells(&book, "签订台账");
        let (code, state, date) = (column(&sheet, "验证码"), column(&sheet, "状态"), column(&sheet, "签订日期"));
        let letters = letters(&docs, inst);
        assert_eq!(sheet.len() - 1, letters.len(), "{inst}");
        for (row, letter) in sheet[1..].iter().zip(&letters) {
            assert_eq!(row[code], letter["code"].as_str().unwrap());
            let status = &letter["status"];
            let (expected_state, expected_date) = match status["state"].as_str() {
                Some("signed") => ("已签订", status["date"].as_str().unwrap()),
                Some("outdated") => ("需重新签订", ""),
                _ => ("未签订", ""),
            };
            assert_eq!((row[state].as_str(), row[date].as_str()), (expected_state, expected_date), "{inst} {row:?}");
        }
    }
    let tuke = cells(&dir.path().join("out/data/workbooks/wsq-tuke.xlsx"), "签订台账");
    assert!(tuke.iter().any(|r| r.contains(&"需重新签订".to_string())), "the example has a letter to sign again");

    // 排查记录: every inspection of the hospital's records, dates as dates.
    let inspections = cells(&book, "排查记录");
    let recorded: Vec<BTreeMap<String, Value>> = serde_saphyr::from_str(
        &std::fs::read_to_string(dir.path().join("content/institutions/wsq-hospital/records/inspections.yaml"))
            .unwrap(),
    )
    .unwrap();
    assert_eq!(inspections.len() - 1, recorded.len());
    assert!(inspections[1..].iter().all(|r| r[0].len() == 10 && (r[4] == "未见异常" || r[4].starts_with("发现隐患"))));

    // 隐患台账: every hazard, dates as dates.
    let hazards = cells(&book, "隐患台账");
    let found = column(&hazards, "发现日期");
    assert_eq!(hazards[1][0], "2022-001");
    assert_eq!(hazards[1][found], "2022-01-12");

    // Every sheet: the header row frozen, a filter on it, printed A4 turned with the header
    // repeated. These are in the sheets' XML, which no reader exposes.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&book).unwrap()).unwrap();
    for n in 1..=7 {
        let mut xml = String::new();
        zip.by_name(&format!("xl/worksheets/sheet{n}.xml")).unwrap().read_to_string(&mut xml).unwrap();
        assert!(xml.contains(r#"ySplit="1""#) && xml.contains(r#"state="frozen""#), "sheet {n}: {xml:.400}");
        assert!(xml.contains("<autoFilter"), "sheet {n}");
        assert!(xml.contains(r#"orientation="landscape""#) && xml.contains(r#"paperSize="9""#), "sheet {n}");
    }

    // Same content, same bytes.
    let again = tempfile::tempdir().unwrap();
    copy_tree(&dir.path().join("content"), &again.path().join("content"));
    std::thread::sleep(std::time::Duration::from_millis(1100));
    export(again.path());
    for inst in ["wsq-hospital", "lyg-120"] {
        let path = format!("out/data/workbooks/{inst}.xlsx");
        assert!(std::fs::read(dir.path().join(&path)).unwrap() == std::fs::read(again.path().join(&path)).unwrap());
    }
}

const TUKE: &str = "content/institutions/wsq-tuke/signing.yaml";
const HOSPITAL: &str = "content/institutions/wsq-hospital/signing.yaml";

/// The first letter of an institution that is not signed.
fn unsigned(docs: &[Value], institution: &str) -> Value {
    letters(docs, institution).into_iter().find(|d| d["status"]["state"] == "unsigned").unwrap().clone()
}

#[test]
fn a_letter_is_signed_by_its_code_and_signing_yaml_keeps_its_comments() {
    let dir = example();
    let root = dir.path();
    export(root);
    let docs = documents(root);
    let letter = unsigned(&docs, "wsq-tuke");
    let code = letter["code"].as_str().unwrap();
    let before = std::fs::read_to_string(root.join(TUKE)).unwrap();

    // A dry run says what it would record and writes nothing.
    let all = snapshot(&root.join("content"));
    let out = run(&["sign", &code.to_lowercase().replace('-', ""), "--date", "2023年1月12日", "--dry-run"], root);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("would record letter"), "{}", text(&out.stderr));
    assert!(snapshot(&root.join("content")) == all);

    let out = run(&["sign", code, "--date", "2023-01-12"], root);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("2023年1月12日"), "{}", text(&out.stderr));
    let after = std::fs::read_to_string(root.join(TUKE)).unwrap();
    let (post, person) = (letter["post"].as_str().unwrap(), letter["person"].as_str().unwrap());
    assert_eq!(after, format!("{before}  - {{post: {post}, person: {person}, date: 2023-01-12, code: {code}}}\n"));

    // The build sees it signed; signing again changes nothing.
    export(root);
    let now = documents(root);
    let signed = now.iter().find(|d| d["code"] == code).unwrap();
    assert_eq!(signed["status"]["state"], "signed");
    assert_eq!(signed["status"]["date"], "2023-01-12");
    let out = run(&["sign", code, "--date", "2023-01-13"], root);
    assert!(out.status.success());
    assert!(text(&out.stderr).contains("recorded already"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(root.join(TUKE)).unwrap(), after);

    // A scan kept elsewhere is copied into the institution's scans/ and named in the record.
    let hospital = unsigned(&docs, "wsq-hospital");
    let scan = root.join("扫描 0112.pdf");
    std::fs::write(&scan, b"%PDF-1.7 scan").unwrap();
    let code = hospital["code"].as_str().unwrap();
    let out = run(&["sign", code, "--date", "2023-01-12", "--scan", scan.to_str().unwrap()], root);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let file = format!("scans/{}--{}.pdf", hospital["post"].as_str().unwrap(), hospital["person"].as_str().unwrap());
    assert_eq!(std::fs::read(root.join("content/institutions/wsq-hospital").join(&file)).unwrap(), b"%PDF-1.7 scan");
    let text_now = std::fs::read_to_string(root.join(HOSPITAL)).unwrap();
    assert!(text_now.contains("# 岗位安全风险确认"), "the file's comments are kept");
    assert!(
        text_now.ends_with(&format!(
            "\nsigned:\n  - {{post: {}, person: {}, date: 2023-01-12, code: {code}, scan: {file}}}\n",
            hospital["post"].as_str().unwrap(),
            hospital["person"].as_str().unwrap()
        )),
        "{text_now}"
    );
    let out = run(&["check", "content"], root);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn a_risk_notice_card_names_its_signer_and_what_cannot_be_signed_is_refused() {
    let dir = example();
    let root = dir.path();
    export(root);
    let docs = documents(root);
    // The surgery nurses' card: 韩雪 confirmed this text, 刘玉琴 an older one.
    let card = docs.iter().find(|d| d["kind"] == "riskcard" && d["post"] == "surgery-nurse").unwrap();
    let code = card["code"].as_str().unwrap();
    let all = snapshot(&root.join("content"));

    let refused: &[(&[&str], &str)] = &[
        // Two holders sign the card: whose signature is it?
        (&["sign", code, "--date", "2023-01-12"], "has 2 holders"),
        (&["sign", code, "--date", "2023-01-12", "--person", "张三"], "does not hold the post"),
        (
            &["sign", "ZZZZ-ZZZZ", "--date", "2023-01-12"],
            "no current letter or risk notice card has the code ZZZZ-ZZZZ",
        ),
        (&["sign", "安全生产责任书", "--date", "2023-01-12"], "is neither a verification code"),
        (&["sign", code], "--date YYYY-MM-DD"),
        (&["sign", code, "--date", "2023-02-30", "--person", "刘玉琴"], "is not a date"),
        (&["sign", code, "--date", "2023-01-12", "--person", "刘玉琴", "--scan", "nothing.pdf"], "nothing.pdf"),
        (&["sign", "台账.xls"], "is neither a verification code"),
        (&["sign", "台账.xlsx"], "台账.xlsx"),
    ];
    let duty_card = docs.iter().find(|d| d["kind"] == "card").unwrap()["code"].as_str().unwrap().to_string();
    let duty = ["sign", duty_card.as_str(), "--date", "2023-01-12"];
    for (args, says) in refused.iter().copied().chain([(&duty[..], "which is not signed")]) {
        let out = run(args, root);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(text(&out.stderr).contains(says), "{args:?}: {}", text(&out.stderr));
        assert!(!text(&out.stderr).contains("panicked"));
        assert!(snapshot(&root.join("content")) == all, "{args:?} changed the content");
    }

    // Named by name, the holder's confirmation of this text takes the place of the one of the
    // older text (one record per card and holder); the other holder's is there already.
    let before = std::fs::read_to_string(root.join(HOSPITAL)).unwrap();
    let out = run(&["sign", code, "--date", "2023-01-12", "--person", "刘玉琴"], root);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("in place of the signature of 2022年12月20日"), "{}", text(&out.stderr));
    let old = "  - {post: surgery-nurse, person: liu-yuqin, date: 2022-12-20, code: 4HWD-K2PA}\n";
    let new = format!("  - {{post: surgery-nurse, person: liu-yuqin, date: 2023-01-12, code: {code}}}\n");
    assert!(before.contains(old));
    assert_eq!(std::fs::read_to_string(root.join(HOSPITAL)).unwrap(), before.replace(old, &new));
    let out = run(&["sign", code, "--date", "2023-01-12", "--person", "han-xue"], root);
    assert!(text(&out.stderr).contains("recorded already"), "{}", text(&out.stderr));
    let out = run(&["check", "content"], root);
    assert!(!text(&out.stderr).contains("surgery-nurse"), "no confirmation is outdated: {}", text(&out.stderr));
}

/// A copy of the exported 签订台账 with `dates` written into its 签订日期 column: as Excel date
/// cells or as text, the way an office fills it in.
fn filled(rows: &[Vec<String>], dates: &BTreeMap<usize, (bool, &str)>) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("签订台账").unwrap();
    let date_at = column(rows, "签订日期");
    let format = rust_xlsxwriter::Format::new().set_num_format("yyyy/m/d");
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c16) = (r as u32, c as u16);
            match dates.get(&(r as usize)) {
                Some((true, day)) if c == date_at => {
                    let day = rust_xlsxwriter::ExcelDateTime::parse_from_str(day).unwrap();
                    sheet.write_datetime_with_format(r, c16, &day, &format).unwrap();
                }
                Some((false, day)) if c == date_at => {
                    sheet.write_string(r, c16, *day).unwrap();
                }
                _ if cell.is_empty() => continue,
                _ => {
                    sheet.write_string(r, c16, cell).unwrap();
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_filled_in_signing_sheet_records_every_dated_row_from_xlsx_and_gbk_csv() {
    let dir = example();
    let root = dir.path();
    export(root);
    let sheet = cells(&root.join("out/data/workbooks/wsq-hospital.xlsx"), "签订台账");
    let code = column(&sheet, "验证码");
    // Rows 1 and 3: a date cell, and a date typed as text.
    let dates = BTreeMap::from([(1, (true, "2023-01-16")), (3, (false, "2023/1/17"))]);
    std::fs::write(root.join("签订台账.xlsx"), filled(&sheet, &dates)).unwrap();

    let all = snapshot(&root.join("content"));
    let out = run(&["sign", "签订台账.xlsx", "--dry-run"], root);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr).matches("would record letter").count(), 2, "{}", text(&out.stderr));
    assert!(snapshot(&root.join("content")) == all);

    // A row that cannot be read stops the whole sheet, with its row number.
    let bad = BTreeMap::from([(1, (true, "2023-01-16")), (2, (false, "一月十六"))]);
    std::fs::write(root.join("bad.xlsx"), filled(&sheet, &bad)).unwrap();
    let out = run(&["sign", "bad.xlsx"], root);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("row 3: 签订日期 `一月十六` is not a date"), "{}", text(&out.stderr));
    assert!(snapshot(&root.join("content")) == all);

    let out = run(&["sign", "签订台账.xlsx"], root);
    assert!(out.status.success(), "{}", text(&out.stderr));
    export(root);
    let docs = documents(root);
    for (row, day) in [(1, "2023-01-16"), (3, "2023-01-17")] {
        let doc = docs.iter().find(|d| d["code"] == sheet[row][code].as_str()).unwrap();
        assert_eq!((doc["status"]["state"].as_str(), doc["status"]["date"].as_str()), (Some("signed"), Some(day)));
    }
    // Read again, the same sheet records nothing more.
    let out = run(&["sign", "签订台账.xlsx"], root);
    assert!(text(&out.stderr).contains("2 rows are recorded already"), "{}", text(&out.stderr));

    // The same sheet saved as CSV by Excel on Chinese Windows: GBK.
    let cdc = cells(&root.join("out/data/workbooks/wsq-cdc.xlsx"), "签订台账");
    let date_at = column(&cdc, "签订日期");
    let mut csv = String::new();
    for (r, row) in cdc.iter().enumerate() {
        let mut row = row.clone();
        if r == 2 {
            row[date_at] = "2023年1月18日".into();
        }
        csv.push_str(&row.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(","));
        csv.push_str("\r\n");
    }
    let (gbk, _, lossy) = encoding_rs::GBK.encode(&csv);
    assert!(!lossy);
    std::fs::write(root.join("签订台账.csv"), &gbk).unwrap();
    let out = run(&["sign", "签订台账.csv"], root);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("recorded letter"), "{}", text(&out.stderr));
    export(root);
    let doc = documents(root).into_iter().find(|d| d["code"] == cdc[2][column(&cdc, "验证码")].as_str()).unwrap();
    assert_eq!(doc["status"]["date"], "2023-01-18");
}

/// A roster as HR keeps it: 工号, 姓名, 科室, 岗位, 职称 (written by a real .xlsx writer).
fn roster(rows: &[[&str; 5]]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, title) in ["工号", "姓名", "科室", "岗位", "职称"].iter().enumerate() {
        sheet.write_string(0, c as u16, *title).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate().filter(|(_, c)| !c.is_empty()) {
            sheet.write_string(r as u32 + 1, c as u16, *cell).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

/// The exported 人员名册 of an institution as roster rows (no 工号).
fn exported_roster(dir: &Path, institution: &str) -> Vec<[String; 5]> {
    let sheet = cells(&dir.join(format!("out/data/workbooks/{institution}.xlsx")), "人员名册");
    sheet[1..].iter().map(|r| [String::new(), r[0].clone(), r[1].clone(), r[2].clone(), r[3].clone()]).collect()
}

#[test]
fn a_roster_from_hr_is_imported_with_pinyin_ids_and_nothing_is_written_without_write() {
    let dir = example();
    let root = dir.path();
    export(root);
    let people = "content/institutions/wsq-hospital/people.yaml";
    let before = std::fs::read_to_string(root.join(people)).unwrap();
    let mut rows = exported_roster(root, "wsq-hospital");
    let listed = rows.len();

    // The roster as exported is the people as listed.
    let write_roster = |rows: &[[String; 5]], name: &str| {
        let refs: Vec<[&str; 5]> = rows.iter().map(|r| [&*r[0], &*r[1], &*r[2], &*r[3], &*r[4]]).collect();
        std::fs::write(root.join(name), roster(&refs)).unwrap();
    };
    write_roster(&rows, "花名册.xlsx");
    let out = run(&["import", "花名册.xlsx", "--institution", "wsq-hospital"], root);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains(&format!("0 join, 0 leave, 0 change, {listed} unchanged")),
        "{}",
        text(&out.stderr)
    );

    // Two new 张伟 and a 吕: ids from pinyin, homonyms told apart; shown, not written.
    let new =
        |n: &str, name: &str, dept: &str, post: &str| [n.into(), name.into(), dept.into(), post.into(), String::new()];
    rows.push(new("0456", "张伟", "内科", "内科护士"));
    rows.push(new("0457", "张伟", "外科", "外科护士"));
    rows.push(new("0458", "吕小红", "保卫科", "消防控制室值班员"));
    write_roster(&rows, "花名册.xlsx");
    let all = snapshot(&root.join("content"));
    let out = run(&["import", "花名册.xlsx", "--institution", "wsq-hospital"], root);
    let said = text(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("3 join, 0 leave, 0 change"), "{said}");
    for line in
        ["join   张伟 (zhang-wei): 内科护士", "join   张伟 (zhang-wei2): 外科护士", "join   吕小红 (lv-xiaohong)"]
    {
        assert!(said.contains(line), "{line}: {said}");
    }
    assert!(said.contains("nothing was written"), "{said}");
    assert!(snapshot(&root.join("content")) == all, "without --write nothing changes");

    // Written: the file as it was (its comments), then the three, and the content checks.
    let out = run(&["import", "花名册.xlsx", "--institution", "wsq-hospital", "--write"], root);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let after = std::fs::read_to_string(root.join(people)).unwrap();
    assert!(after.starts_with(&before), "the listed people and their comments are kept");
    assert_eq!(
        &after[before.len()..],
        "- id: zhang-wei\n  name: 张伟\n  number: \"0456\"\n  posts: [im-nurse]\n\
         - id: zhang-wei2\n  name: 张伟\n  number: \"0457\"\n  posts: [surgery-nurse]\n\
         - id: lv-xiaohong\n  name: 吕小红\n  number: \"0458\"\n  posts: [fire-control-operator]\n"
    );
    assert!(run(&["check", "content"], root).status.success());
    export(root);
    let sheet = cells(&root.join("out/data/workbooks/wsq-hospital.xlsx"), "人员名册");
    assert!(sheet.iter().any(|r| r[0] == "张伟" && r[4] == "0457" && r[5] == "zhang-wei2"), "{sheet:?}");
    // Imported again, it is all unchanged.
    let out = run(&["import", "花名册.xlsx", "--institution", "wsq-hospital"], root);
    assert!(text(&out.stderr).contains(&format!("0 join, 0 leave, 0 change, {} unchanged", listed + 3)));

    // Someone who leaves but still owns records: the check says so, and the file stays.
    let without: Vec<[String; 5]> = rows.iter().filter(|r| r[1] != "李娜").cloned().collect();
    write_roster(&without, "花名册.xlsx");
    let all = snapshot(&root.join("content"));
    let out = run(&["import", "花名册.xlsx", "--institution", "wsq-hospital", "--write"], root);
    let said = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains("leave  李娜 (li-na)") && said.contains("li-na") && said.contains("left as it was"),
        "{said}"
    );
    assert!(snapshot(&root.join("content")) == all);
}

#[test]
fn a_gbk_roster_with_unknown_departments_and_posts_lists_them_and_imports_nothing() {
    let dir = example();
    let root = dir.path();
    let csv =
        "姓名,科室,岗位,工号\r\n张伟,内科,内科护士,1\r\n王芳,放射科,放射技师,2\r\n赵强,内科,心内科护士,3\r\n,,,\r\n";
    let (gbk, _, lossy) = encoding_rs::GBK.encode(csv);
    assert!(!lossy);
    std::fs::write(root.join("花名册.csv"), &gbk).unwrap();
    let all = snapshot(&root.join("content"));
    let out = run(&["import", "花名册.csv", "--institution", "wsq-hospital", "--write"], root);
    let said = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("row 3 (王芳): 科室 `放射科` is not a department of 乌审旗人民医院"), "{said}");
    assert!(said.contains("row 4 (赵强): 岗位 `心内科护士` is not a post of 内科"), "{said}");
    assert!(said.contains("nothing was imported"), "{said}");
    assert!(snapshot(&root.join("content")) == all);

    for (args, says) in [
        (&["import", "花名册.csv", "--institution", "wsq-hospita"][..], "did you mean"),
        (&["import", "missing.xlsx", "--institution", "wsq-hospital"][..], "missing.xlsx"),
        (&["import", "花名册.csv"][..], "--institution"),
    ] {
        let out = run(args, root);
        assert_eq!(out.status.code(), Some(if args.len() == 2 { 2 } else { 1 }), "{args:?}");
        assert!(text(&out.stderr).contains(says), "{args:?}: {}", text(&out.stderr));
    }
    std::fs::write(root.join("bad.csv"), "名字,部门\r\n张伟,内科\r\n").unwrap();
    let out = run(&["import", "bad.csv", "--institution", "wsq-hospital"], root);
    assert!(text(&out.stderr).contains("no header row with 姓名"), "{}", text(&out.stderr));
    assert!(snapshot(&root.join("content")) == all);
}

#[test]
fn pages_have_a_menu_rosters_chinese_dates_and_chinese_download_names() {
    let dir = example();
    let out = run(&["build", "content", "--out", "out"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let site = dir.path().join("out/site");
    let read = |p: &str| std::fs::read_to_string(site.join(p)).unwrap();

    // The masthead: 单位, 人员, 公示, 专项行动, 检索; with five institutions, 人员 and 公示 list them.
    let home = read("index.html");
    let menu = home.split("class=\"topnav\"").nth(1).unwrap().split("</nav>").next().unwrap();
    let items: Vec<&str> = menu.split("</a>").filter_map(|a| a.rsplit('>').next()).filter(|t| !t.is_empty()).collect();
    assert_eq!(items, ["单位", "人员", "公示", "专项行动", "检索"], "{menu}");
    for link in ["people.html", "displays.html", "campaigns/index.html", "search.html"] {
        assert!(menu.contains(&format!("href=\"{link}\"")), "{link}: {menu}");
    }
    let people = read("people.html");
    assert_eq!(people.matches("人员名册</a>").count(), 5, "{people}");
    assert!(people.contains("institutions/wsq-hospital/people.html"));
    assert!(read("displays.html").contains("institutions/lyg-120/display.html"));

    // An institution's roster: everyone, by department, with where their letters stand.
    let roster = visible(&read("institutions/wsq-tuke/people.html"));
    assert!(roster.contains("呼和") && roster.contains("需重新签订"), "{roster}");
    assert!(roster.contains("贺丽") && roster.contains("已签订"));
    assert!(roster.contains("王栋") && roster.contains("未签订 1 份"), "{roster}");

    // The check's findings, in Chinese on the pages although the build spoke English (this
    // test runs it with SAFEDUTY_LANG=en, as on a server whose locale is English).
    assert!(String::from_utf8_lossy(&out.stderr).contains("is overdue: not rectified 10 day(s)"));
    let home = visible(&read("index.html"));
    assert!(home.contains("隐患 2022-011 已逾期：截至 2023年1月10日，已超过整改期限 10 天仍未整改"), "{home}");
    assert!(home.contains("在 2022年12月1日 至 2022年12月31日 期间没有排查记录"), "{home}");
    assert!(!home.contains("is overdue") && !home.contains("inspection recorded"), "{home}");
    let hospital = visible(&read("institutions/wsq-hospital/index.html"));
    assert!(hospital.contains("已超过整改期限 21 天仍未整改"), "{hospital}");

    // Dates as a Chinese office writes them, on every kind of page that shows one.
    for page in [
        "index.html",
        "institutions/wsq-tuke/index.html",
        "institutions/wsq-tuke/posts/public-health-doctor.html",
        "institutions/wsq-hospital/hazards.html",
        "institutions/wsq-hospital/hazards/2022.html",
        "institutions/wsq-hospital/bulletins/2022-12.html",
        "campaigns/wsq-2022-rollout/index.html",
        "campaigns/lyg-120-2016/matrix.html",
    ] {
        let text = visible(&read(page));
        let iso = text.as_bytes().windows(10).find(|w| {
            w.iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() })
        });
        assert!(iso.is_none(), "{page} shows {:?}", iso.map(String::from_utf8_lossy));
    }
    assert!(visible(&read("institutions/wsq-tuke/posts/public-health-doctor.html")).contains("已签订 2023年1月9日"));

    // PDFs are saved under Chinese names, their addresses stay ids.
    let post = read("institutions/wsq-tuke/posts/public-health-doctor.html");
    assert!(
        post.contains("letters/public-health-doctor--gao-yu.pdf\" download=\"公共卫生医师-高宇-安全生产责任书.pdf\""),
        "{post}"
    );
    assert!(post.contains("download=\"公共卫生医师-岗位安全生产责任清单.pdf\""));
    let dept = read("institutions/wsq-tuke/departments/public-health.html");
    assert!(dept.contains("registers/public-health.pdf\" download=\""), "{dept}");
}
