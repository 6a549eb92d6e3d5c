//! Tiered signing (层层签订): derived pairs, the content's own pairs and exclusions, and
//! signing records against the current text of each letter.

mod common;

use common::*;
use serde_json::Value;

fn model(dir: &std::path::Path) -> Value {
    let out = run(&["build"], dir);
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice(&std::fs::read(dir.join("output/data/model.json")).unwrap()).unwrap()
}

fn site(dir: &std::path::Path, page: &str) -> String {
    std::fs::read_to_string(dir.join("output/site").join(page)).unwrap()
}

/// The verification code the site shows for a letter, found by its title (the PDF link is there
/// only when a font was found).
fn code_of(html: &str, letter: &str) -> String {
    let at = html.find(letter).unwrap_or_else(|| panic!("{letter} not listed"));
    html[at..].split("校验码 ").nth(1).unwrap()[..9].to_string()
}

#[test]
fn letters_are_derived_from_the_organisation() {
    let dir = fixture("minimal");
    let model = model(dir.path());
    let letters = model["institutions"][0]["letters"].as_array().unwrap();
    // The principal signs nobody's letter with himself; the nurse heads nursing, so she signs
    // with the principal.
    assert_eq!(letters.len(), 1);
    assert_eq!(letters[0]["id"], "nurse--zhao-min");
    assert_eq!(letters[0]["party_a"]["post"], "director");
    assert_eq!(letters[0]["party_a"]["person"], "wang-li");
}

#[test]
fn a_signed_letter_turns_outdated_when_its_duties_change() {
    let dir = fixture("minimal");
    model(dir.path());
    let letter = "安全生产责任书：护士　赵敏";
    let code = code_of(&site(dir.path(), "institutions/clinic/people/zhao-min.html"), letter);
    let inst = dir.path().join("content/institutions/clinic");
    std::fs::create_dir_all(inst.join("scans")).unwrap();
    std::fs::write(inst.join("scans/zhao-min-2023.pdf"), b"%PDF-1.4 scan").unwrap();
    std::fs::write(
        inst.join("signing.yaml"),
        format!("signed:\n  - post: nurse\n    person: zhao-min\n    date: 2023-01-15\n    code: {code}\n    scan: scans/zhao-min-2023.pdf\n"),
    )
    .unwrap();
    model(dir.path());
    let page = site(dir.path(), "institutions/clinic/index.html");
    assert!(page.contains("<strong>1</strong> 份已签订"), "{page}");
    assert!(site(dir.path(), "institutions/clinic/people/zhao-min.html").contains("已签订 2023年1月15日"));
    assert!(dir.path().join("output/site/pdf/clinic/scans/scans/zhao-min-2023.pdf").is_file());
    assert!(site(dir.path(), "index.html").contains("1/1"));

    // The duty text changes: the paper signed in January no longer matches.
    let post = inst.join("posts/nurse.yaml");
    let text = std::fs::read_to_string(&post).unwrap().replace("正确使用医用氧气瓶；", "每班检查氧气瓶压力；");
    std::fs::write(&post, text).unwrap();
    model(dir.path());
    let page = site(dir.path(), "institutions/clinic/index.html");
    assert!(page.contains("<strong>1</strong> 份需重新签订"), "{page}");
    assert!(page.contains("需重新签订（2023年1月15日 签订的是旧版本）"), "{page}");
    assert_ne!(code_of(&site(dir.path(), "institutions/clinic/people/zhao-min.html"), letter), code);
}

#[test]
fn the_content_adds_and_removes_pairs() {
    let dir = fixture("minimal");
    std::fs::write(
        dir.path().join("content/institutions/clinic/signing.yaml"),
        "exclude:\n  - post: nurse\npairs:\n  - party_a: nurse\n    party_b: director\n",
    )
    .unwrap();
    let model = model(dir.path());
    let letters = model["institutions"][0]["letters"].as_array().unwrap();
    assert_eq!(letters.len(), 1, "{letters:#?}");
    assert_eq!(letters[0]["id"], "director--wang-li");
    assert_eq!(letters[0]["party_a"]["post"], "nurse");
    assert_eq!(letters[0]["party_a"]["person"], "zhao-min");
}

#[test]
fn documents_json_lists_every_document_with_its_code_and_status() {
    let dir = fixture("minimal");
    model(dir.path());
    let docs: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("output/data/documents.json")).unwrap()).unwrap();
    let docs = docs.as_array().unwrap();
    assert_eq!(docs.iter().filter(|d| d["kind"] == "card").count(), 2);
    let letter = docs.iter().find(|d| d["kind"] == "letter").unwrap();
    assert_eq!(letter["file"], "pdf/clinic/letters/nurse--zhao-min.pdf");
    assert_eq!(letter["status"]["state"], "unsigned");
    let code = letter["code"].as_str().unwrap();
    assert_eq!(
        code,
        code_of(&site(dir.path(), "institutions/clinic/people/zhao-min.html"), "安全生产责任书：护士　赵敏")
    );
}

#[test]
fn when_the_department_head_post_is_vacant_the_level_above_signs() {
    let dir = fixture("minimal");
    let inst = dir.path().join("content/institutions/clinic");
    std::fs::write(
        inst.join("posts/aide.yaml"),
        "name: 护理员\ndepartment: nursing\ncategory: employee\nscope: 病区生活护理\n",
    )
    .unwrap();
    let people = "- id: wang-li\n  name: 王丽\n  posts: [director]\n- id: zhao-min\n  name: 赵敏\n  posts: [nurse]\n- id: sun-yu\n  name: 孙宇\n  posts: [aide]\n";
    std::fs::write(inst.join("people.yaml"), people).unwrap();
    let signer = |model: &Value| {
        let letters = model["institutions"][0]["letters"].as_array().unwrap().clone();
        letters.iter().find(|l| l["id"] == "aide--sun-yu").unwrap()["party_a"]["post"].clone()
    };
    assert_eq!(signer(&model(dir.path())), "nurse", "the head of nursing signs");
    // Nobody holds the head's post any more: the principal signs.
    std::fs::write(inst.join("people.yaml"), people.replace("posts: [nurse]", "posts: [aide]")).unwrap();
    assert_eq!(signer(&model(dir.path())), "director");
}

#[test]
fn a_signing_record_for_a_letter_that_is_not_made_is_reported() {
    let dir = fixture("minimal");
    let inst = dir.path().join("content/institutions/clinic");
    // The principal signs as 甲方 only; an excluded letter is not made either.
    std::fs::write(
        inst.join("signing.yaml"),
        "exclude:\n  - post: nurse\nsigned:\n  - post: director\n    person: wang-li\n    date: 2023-01-15\n    code: 7QK2-M9XD\n  - post: nurse\n    person: zhao-min\n    date: 2023-01-15\n    code: 7QK2-M9XD\n",
    )
    .unwrap();
    let out = run(&["check", "content", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(0), "a warning by default");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<(String, u64, u64, String)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "signed-without-letter")
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap().to_string();
            (s("file"), d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap(), s("message"))
        })
        .collect();
    assert_eq!(found.len(), 2, "{report:#}");
    assert_eq!((found[0].0.as_str(), found[0].1, found[0].2), ("institutions/clinic/signing.yaml", 4, 11));
    assert!(found[0].3.contains("the principal signs letters as 甲方 only"));
    assert_eq!((found[1].1, found[1].2), (8, 11));
    assert!(found[1].3.contains("`exclude:`"));
    let denied = run(&["build", "content", "--deny", "signed-without-letter"], dir.path());
    assert_eq!(denied.status.code(), Some(1));
}
