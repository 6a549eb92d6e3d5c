//! Every level of the responsibility system (层层签订, guidance 二(一)–(三)) in the example
//! content, read back from the printed letters with pdftotext: each letter names both parties,
//! what each binds, and who signs for each. And the stable references of duty edits: a category
//! that gains an item keeps every post's removals and rewordings on the items they named.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use serde_json::Value;

/// The example, built once for every test of this file, into `out/`.
fn built() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    let dir = DIR.get_or_init(|| {
        let dir = example();
        let out = run(&["build", "content", "--out", "out"], dir.path());
        assert!(out.status.success(), "{}", text(&out.stderr));
        dir
    });
    dir.path().join("out").leak()
}

/// The text of a letter of the hospital, its white space removed (pdftotext breaks lines).
fn letter(name: &str) -> Option<String> {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "pdftotext is missing (apt-get install poppler-utils)");
        eprintln!("skipped: pdftotext not found");
        return None;
    }
    let dir = built().join("site/pdf/wsq-hospital/letters");
    if !dir.is_dir() {
        assert!(std::env::var_os("CI").is_none(), "no PDFs made: is fonts-noto-cjk installed?");
        eprintln!("skipped: no CJK font, no PDFs");
        return None;
    }
    let out = Command::new("pdftotext").arg(dir.join(format!("{name}.pdf"))).arg("-").output().unwrap();
    assert!(out.status.success(), "{name}: {}", text(&out.stderr));
    Some(text(&out.stdout).split_whitespace().collect())
}

fn has_all(text: &str, expected: &[&str]) {
    for e in expected {
        assert!(text.contains(e), "{e} not in:\n{text}");
    }
}

/// The signature block: what each side stamps (a seal only where a unit signs) and signs, as
/// (seals, signers) in any order (pdftotext reads a row with an empty cell out of order).
fn signatures(text: &str) -> (Vec<&str>, Vec<&str>) {
    let block = &text[text.rfind("甲方乙方").expect("a signature block")..];
    let seals =
        ["单位（盖章）：", "科室（盖章）："].into_iter().flat_map(|s| std::iter::repeat_n(s, block.matches(s).count()));
    let signers = ["负责人（签字）：", "责任人（签字）："]
        .into_iter()
        .flat_map(|s| std::iter::repeat_n(s, block.matches(s).count()));
    (seals.collect(), signers.collect())
}

#[test]
fn the_commission_signs_a_target_letter_with_a_member_principal() {
    let Some(t) = letter("president--yang-zhiqiang") else { return };
    has_all(
        &t,
        &[
            "安全生产目标责任书",
            "甲方：乌审旗卫生健康委员会负责人：主任高振华",
            "乙方：乌审旗人民医院负责人：院长杨志强",
            // The institution binds its safety committee's duties beside its principal's.
            "（一）乌审旗人民医院安全生产委员会职责1．",
            "（二）院长安全生产职责1．",
        ],
    );
    assert_eq!(
        signatures(&t),
        (vec!["单位（盖章）：", "单位（盖章）："], vec!["负责人（签字）：", "负责人（签字）："]),
        "{t}"
    );
}

#[test]
fn the_principal_signs_for_the_institution_with_a_leader() {
    let Some(t) = letter("vp-medical--chen-lixin") else { return };
    has_all(&t, &["甲方：乌审旗人民医院负责人：院长杨志强", "乙方：陈立新岗位：院领导副院长（分管医疗）"]);
    // The leader signs for their post: no seal on 乙方's side.
    assert_eq!(signatures(&t), (vec!["单位（盖章）："], vec!["负责人（签字）：", "责任人（签字）："]), "{t}");
    assert!(!t.contains("（分管医疗））"), "no brackets in brackets: {t}");
}

#[test]
fn the_supervising_leader_signs_with_a_department_head_for_the_department() {
    // The hospital has department heads sign with the leader who supervises the department.
    let Some(t) = letter("surgery-director--xing-zhiyuan") else { return };
    has_all(
        &t,
        &[
            "甲方：乌审旗人民医院负责人：副院长（分管医疗）陈立新",
            "乙方：外科负责人：外科主任邢志远",
            // The department's own duties, then the head's (科室负责人, not a front-line worker's).
            "（一）外科安全生产职责1．负责外科门诊",
            "（二）外科主任安全生产职责1．是本科室（部门）安全生产第一责任人",
            "依据乌卫健发〔2022〕124号第二条（二）",
        ],
    );
    assert!(!t.contains("交接班"), "a department head gets no front-line duties: {t}");
    assert_eq!(
        signatures(&t),
        (vec!["单位（盖章）：", "科室（盖章）："], vec!["负责人（签字）：", "负责人（签字）："]),
        "{t}"
    );
}

#[test]
fn a_department_head_signs_with_the_head_of_a_unit_under_it() {
    let Some(t) = letter("surgery-head-nurse--xue-jing") else { return };
    has_all(&t, &["甲方：外科负责人：外科主任邢志远", "乙方：外科病区负责人：外科护士长薛静"]);
    assert_eq!(
        signatures(&t),
        (vec!["科室（盖章）：", "科室（盖章）："], vec!["负责人（签字）：", "负责人（签字）："]),
        "{t}"
    );
}

#[test]
fn a_unit_head_signs_with_the_people_of_the_unit() {
    let Some(t) = letter("surgery-nurse--han-xue") else { return };
    has_all(&t, &["甲方：外科病区负责人：外科护士长薛静", "乙方：韩雪岗位：外科病区外科护士", "编号：2023-"]);
    assert_eq!(signatures(&t), (vec!["科室（盖章）："], vec!["负责人（签字）：", "责任人（签字）："]), "{t}");
}

#[test]
fn the_site_names_both_parties_of_every_letter() {
    let out = built();
    let page = std::fs::read_to_string(out.join("site/institutions/wsq-hospital/people/han-xue.html")).unwrap();
    assert!(page.contains("甲方：外科病区　外科护士长　薛静；乙方：韩雪　外科病区　外科护士"), "{page}");
    let model: Value = serde_json::from_slice(&std::fs::read(out.join("data/model.json")).unwrap()).unwrap();
    let hospital = model["institutions"].as_array().unwrap().iter().find(|i| i["id"] == "wsq-hospital").unwrap();
    let levels: std::collections::BTreeSet<&str> =
        hospital["letters"].as_array().unwrap().iter().map(|l| l["level"].as_str().unwrap()).collect();
    assert_eq!(levels, ["commission", "department", "leadership", "post", "sub-unit"].into_iter().collect());
}

/// The duties of every post, by institution and post id, from `model.json`.
fn duties(model: &Value) -> std::collections::BTreeMap<(String, String), (String, Vec<String>)> {
    let mut out = std::collections::BTreeMap::new();
    for inst in model["institutions"].as_array().unwrap() {
        for post in inst["posts"].as_array().unwrap() {
            let texts = post["duties"].as_array().unwrap().iter().map(|d| d["text"].as_str().unwrap().to_string());
            let key = (inst["id"].as_str().unwrap().to_string(), post["id"].as_str().unwrap().to_string());
            out.insert(key, (post["category"].as_str().unwrap_or("").to_string(), texts.collect()));
        }
    }
    out
}

#[test]
fn an_item_inserted_at_the_top_of_a_category_moves_no_post_edit() {
    let dir = example();
    let model = |dir: &Path| -> Value {
        let out = run(&["build", "content", "--only", "data"], dir);
        assert!(out.status.success(), "{}", text(&out.stderr));
        serde_json::from_slice(&std::fs::read(dir.join("output/print/data/model.json")).unwrap()).unwrap()
    };
    let before = duties(&model(dir.path()));
    let category = dir.path().join("content/categories/employee.yaml");
    let new = "严格执行本单位安全生产责任制，履行本岗位安全生产职责；";
    let yaml =
        std::fs::read_to_string(&category).unwrap().replacen("duties:\n", &format!("duties:\n  - \"{new}\"\n"), 1);
    std::fs::write(&category, yaml).unwrap();
    let after = duties(&model(dir.path()));
    assert_eq!(before.keys().collect::<Vec<_>>(), after.keys().collect::<Vec<_>>());
    let mut edited = 0;
    for (key, (category, old)) in &before {
        let (_, new_list) = &after[key];
        if category == "employee" {
            // The new item first, then exactly what the post had: removals and rewordings
            // still name the items they named (特种作业人员须持证上岗 is still the one removed).
            assert_eq!(new_list[0], new, "{key:?}");
            assert_eq!(&new_list[1..], &old[..], "{key:?}");
            edited += 1;
        } else {
            assert_eq!(new_list, old, "{key:?}");
        }
    }
    assert!(edited > 20, "{edited} posts of the category");
}

#[test]
fn no_letter_ends_with_a_page_of_signatures_alone() {
    let Some(_) = letter("president--yang-zhiqiang") else { return };
    let dir = built().join("site/pdf/wsq-hospital/letters");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let pdf = entry.unwrap().path();
        let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
        let pages: String = text(&info.stdout).lines().find(|l| l.starts_with("Pages:")).unwrap()[6..].trim().into();
        let last = Command::new("pdftotext").args(["-f", &pages, "-l", &pages]).arg(&pdf).arg("-").output().unwrap();
        let last: String = text(&last.stdout).split_whitespace().collect();
        assert!(!last.starts_with("甲方乙方"), "{}: the last page holds the signatures alone", pdf.display());
        checked += 1;
    }
    assert!(checked > 40, "{checked} letters");
}
