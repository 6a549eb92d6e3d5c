//! Risk notice cards (岗位安全风险告知卡) on the example content: one per post that lists risks,
//! a signature line for each holder, and the holders' confirmations (岗位安全风险确认) held
//! against the card's code, so that a reworded risk asks for the card to be signed again.

mod common;

use common::*;

fn post_page(dir: &std::path::Path, post: &str) -> String {
    let page = dir.join(format!("out/site/institutions/wsq-hospital/posts/{post}.html"));
    std::fs::read_to_string(page).unwrap()
}

/// The text of the confirmations on a post's page, tags removed.
fn confirmations(page: &str) -> String {
    let at = page.find("岗位安全风险确认：").expect("the post's confirmations");
    visible(&page[at..at + page[at..].find("</li>").unwrap()])
}

#[test]
fn each_post_with_risks_has_a_card_its_holders_sign() {
    let dir = example();
    let out = run(&["build", "content", "--out", "out"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    // Confirmed for the current text, or for an older one.
    let nurse = confirmations(&post_page(dir.path(), "surgery-nurse"));
    assert_eq!(nurse, "岗位安全风险确认：韩雪 已确认 2023年1月9日；刘玉琴 需重新确认（2022年12月20日 确认的是旧版本）");
    let electrician = confirmations(&post_page(dir.path(), "electrician"));
    assert_eq!(electrician, "岗位安全风险确认：牛二虎 已确认 2023年1月5日；侯军 已确认 2023年1月5日");
    // A post without risks has no card.
    assert!(!post_page(dir.path(), "president").contains("岗位安全风险告知卡"));

    // The printed card: every risk with its controls, and one signature line per holder.
    let pdf = dir.path().join("out/site/pdf/wsq-hospital/risk-cards/electrician.pdf");
    if std::process::Command::new("pdftotext").arg("-v").output().is_ok() && pdf.is_file() {
        let t = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
        let t: String = text(&t.stdout).split_whitespace().collect();
        for want in [
            "岗位安全风险告知卡",
            "岗位：电工",
            "高低压配电柜带电部位（较大风险，橙色）",
            "可能导致：触电、电弧灼伤。",
            "4．应急措施：配电室配备绝缘救援钩和急救箱",
            "个体防护用品：绝缘手套、绝缘鞋、护目镜。",
            "牛二虎（签字）：",
            "侯军（签字）：",
            "校验码XS2Y-YTCY",
        ] {
            assert!(t.contains(want), "{want} not in {t}");
        }
        // A card is one sheet, to post: every card of the example is one A4 page.
        let cards = dir.path().join("out/site/pdf/wsq-hospital/risk-cards");
        for card in std::fs::read_dir(cards).unwrap().map(|e| e.unwrap().path()) {
            let info = std::process::Command::new("pdfinfo").arg(&card).output().unwrap();
            let info = text(&info.stdout);
            assert!(info.contains("Pages:           1\n") && info.contains("595.276 x 841.89 pts (A4)"), "{info}");
        }
    } else {
        assert!(
            std::env::var_os("CI").is_none(),
            "no risk card printed: are poppler-utils and fonts-noto-cjk installed?"
        );
    }

    // Reword a risk: the card's code changes, and both electricians must sign again.
    let post = dir.path().join("content/institutions/wsq-hospital/posts/electrician.yaml");
    let yaml = std::fs::read_to_string(&post).unwrap().replace("触电、电弧灼伤", "触电、电弧灼伤、火灾");
    std::fs::write(&post, yaml).unwrap();
    let out = run(&["build", "content", "--out", "out", "--only", "site"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let electrician = confirmations(&post_page(dir.path(), "electrician"));
    assert_eq!(
        electrician,
        "岗位安全风险确认：牛二虎 需重新确认（2023年1月5日 确认的是旧版本）；侯军 需重新确认（2023年1月5日 确认的是旧版本）"
    );
}

#[test]
fn a_category_publishes_a_baseline_that_posts_inherit_replace_or_remove() {
    let dir = fixture("minimal");
    let content = dir.path().join("content");
    let append = |file: &str, text: &str| {
        let path = content.join(file);
        let old = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, old + text).unwrap();
    };
    // The category's baseline: three risks for every post of the category.
    append(
        "categories/employee.yaml",
        "risks:\n  - area: environment\n    hazard: 火灾\n    consequence: 烧伤\n    likelihood: 2\n    severity: 4\n\
         \x20 - area: equipment\n    hazard: 医用氧气瓶\n    consequence: 爆炸\n    likelihood: 2\n    severity: 3\n\
         \x20 - area: operation\n    hazard: 锐器\n    consequence: 刺伤感染\n    likelihood: 3\n    severity: 2\n",
    );
    // The nurse scores one higher for its ward (same hazard: replaced) and has no sharps.
    append(
        "institutions/clinic/posts/nurse.yaml",
        "risks:\n  - area: equipment\n    hazard: 医用氧气瓶\n    consequence: 爆炸、火灾\n    likelihood: 3\n    severity: 3\n\
         remove_risks: [锐器]\n",
    );
    let out = run(&["build", "content", "--out", "out", "--only", "site"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let page = std::fs::read_to_string(dir.path().join("out/site/institutions/clinic/posts/nurse.html")).unwrap();
    let risks = &page[page.find("岗位安全风险（2 项）").expect("two risks on the card")..];
    assert!(risks.contains("火灾") && risks.contains("爆炸、火灾") && risks.contains("3×3=9"), "{risks}");
    assert!(!risks.contains("刺伤感染") && !risks.contains("2×3=6"), "removed and replaced: {risks}");
}

/// `check --format json` for a day: (code, line, message) of the findings of major hazard sources.
fn source_findings(dir: &std::path::Path, day: &str) -> Vec<(String, u64, String)> {
    let out = run(&["check", "content", "--format", "json", "--as-of", day], dir);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"].as_str().unwrap().contains("source"))
        .map(|d| {
            (d["code"].as_str().unwrap().into(), d["line"].as_u64().unwrap(), d["message"].as_str().unwrap().into())
        })
        .collect()
}

#[test]
fn a_unit_over_its_threshold_is_a_major_hazard_source_graded_filed_and_assessed() {
    let dir = example();
    let file = dir.path().join("content/institutions/wsq-hospital/records/major-sources.yaml");
    // The example's units are under their thresholds: identified, nothing to report.
    assert_eq!(source_findings(dir.path(), "2023-01-10"), []);
    // A second tank brings the oxygen unit to a sum of 1.06: a major hazard source, once.
    let yaml = std::fs::read_to_string(&file).unwrap();
    let tank = "- id: zd-04\n  unit: 液氧储罐区\n  department: oxygen-station\n  owner: jia-baoping\n  substance: 液氧\n  quantity: 200\n  threshold: 200\n  identified: 2022-03-15\n";
    std::fs::write(&file, format!("{yaml}{tank}")).unwrap();
    let found = source_findings(dir.path(), "2023-01-10");
    let codes: Vec<(&str, u64)> = found.iter().map(|(c, l, _)| (c.as_str(), *l)).collect();
    assert_eq!(codes, [("major-source-assessment-due", 4), ("major-source-unfiled", 5)], "at the unit's first row");
    assert!(found[1].2.contains("sum of quantity / threshold 1.06) with no `grade` or `filed`"), "{found:#?}");
    assert!(found[0].2.contains("has no safety assessment"), "{found:#?}");
    // Graded, filed, and assessed in June 2019: due again in June 2022.
    let first = "  identified: 2022-03-15\n- id: zd-02";
    let yaml = std::fs::read_to_string(&file).unwrap().replacen(
        first,
        "  identified: 2022-03-15\n  grade: four\n  filed: 2022-04-01\n  assessed: 2022-04-01\n- id: zd-02",
        1,
    );
    std::fs::write(
        &file,
        yaml.replace("assessed: 2022-04-01", "assessed: 2019-06-01")
            .replace("identified: 2022-03-15\n  grade", "identified: 2019-05-15\n  grade"),
    )
    .unwrap();
    assert_eq!(source_findings(dir.path(), "2022-05-31"), []);
    let found = source_findings(dir.path(), "2022-06-01");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].2.contains("(2019-06-01) is three years old on 2022-06-01"), "{found:#?}");
    // The register says what the unit is.
    let out = run(&["build", "content", "--out", "out", "--only", "site", "--as-of", "2022-05-31"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let page = std::fs::read_to_string(dir.path().join("out/site/institutions/wsq-hospital/risks.html")).unwrap();
    assert!(page.contains("构成重大危险源（四级）") && page.contains("1.06"), "{page}");
    assert!(page.contains("未构成重大危险源"), "the laboratory's cabinet");
}
