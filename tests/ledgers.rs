//! The ledger on paper: the yearly hazard ledger and the departments' blank inspection record
//! forms, on A4 turned, read back from the PDFs with poppler's tools.

mod common;

use common::*;

fn poppler(args: &[&str], pdf: &std::path::Path) -> String {
    let out = std::process::Command::new(args[0]).args(&args[1..]).arg(pdf).arg("-").output().unwrap();
    text(&out.stdout)
}

/// The example's hospital documents of the ledger, or None where PDFs cannot be made here.
fn printed() -> Option<tempfile::TempDir> {
    if std::process::Command::new("pdftotext").arg("-v").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "pdftotext is missing (apt-get install poppler-utils)");
        return None;
    }
    let dir = example();
    let out = run(&["build", "content", "--out", "out"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    if !dir.path().join("out/site/pdf/wsq-hospital/ledgers").is_dir() {
        assert!(std::env::var_os("CI").is_none(), "no PDFs made: is fonts-noto-cjk installed?");
        return None;
    }
    Some(dir)
}

#[test]
fn the_yearly_ledger_is_a_ruled_table_on_a4_turned_with_its_header_on_every_page() {
    let Some(dir) = printed() else { return };
    let pdf = dir.path().join("out/site/pdf/wsq-hospital/ledgers/hazards-2022.pdf");
    let info = std::process::Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = text(&info.stdout);
    assert!(info.contains("841.89 x 595.276 pts (A4)"), "A4 turned: {info}");
    let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    assert!(pages >= 2, "{info}");
    for page in 1..=pages {
        let p = page.to_string();
        let t: String = poppler(&["pdftotext", "-f", &p, "-l", &p], &pdf).split_whitespace().collect();
        assert_eq!(t.matches("部位及隐患情况").count(), 1, "the header on page {page}: {t}");
    }
    let t: String = poppler(&["pdftotext"], &pdf).split_whitespace().collect();
    for want in [
        "乌审旗人民医院2022年度事故隐患排查治理台账",
        "统计截至2023年1月10日：本年度排查出事故隐患12项（其中重大事故隐患1项），已整改9项，尚未整改3项（其中逾期2项）",
        "2022-008",
        "重大",
        "液氧储罐区",
        "逾期未整改",
        "已验收",
    ] {
        assert!(t.contains(want), "{want} not in {t}");
    }
    // Nothing outside the type area (20 mm + 257 mm across, 20 mm + 165 mm down) but the
    // footer under it: no cell's text runs past its column off the page.
    let mm = 72.0 / 25.4;
    let bbox = poppler(&["pdftotext", "-bbox"], &pdf);
    let mut words = 0;
    for line in bbox.lines().filter(|l| l.trim_start().starts_with("<word")) {
        let attr = |name: &str| -> f64 {
            line.split(&format!("{name}=\"")).nth(1).and_then(|r| r.split('"').next()).unwrap().parse().unwrap()
        };
        let word = line.rsplit_once("\">").map_or("", |(_, w)| w.trim_end_matches("</word>"));
        let footer = word.starts_with('—') || word == "校验码" || attr("yMin") > (20.0 + 165.0) * mm;
        assert!(attr("xMin") >= 20.0 * mm - 1.0 && attr("xMax") <= (20.0 + 257.0) * mm + 1.0, "{line}");
        assert!(footer || attr("yMax") <= (20.0 + 165.0) * mm + 1.0, "{line}");
        assert!(attr("yMax") <= 210.0 * mm, "{line}");
        words += 1;
    }
    assert!(words > 200, "{words} words");
    // Its verification code names it.
    let code = t.split("校验码").nth(1).map(|c| c.chars().take(9).collect::<String>()).unwrap();
    let verified = run(&["verify", &code, "content"], dir.path());
    assert!(text(&verified.stdout).contains("yearly hazard ledger"), "{}", text(&verified.stdout));
}

#[test]
fn each_department_that_inspects_has_a_blank_form_of_its_checklist_items() {
    let Some(dir) = printed() else { return };
    let forms = dir.path().join("out/site/pdf/wsq-hospital/forms");
    let mut names: Vec<String> =
        std::fs::read_dir(&forms).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert!(names.contains(&"power-room.pdf".to_string()) && names.contains(&"safety.pdf".to_string()), "{names:?}");
    let pdf = forms.join("power-room.pdf");
    let info = std::process::Command::new("pdfinfo").arg(&pdf).output().unwrap();
    assert!(text(&info.stdout).contains("841.89 x 595.276 pts (A4)"));
    let t: String = poppler(&["pdftotext"], &pdf).split_whitespace().collect();
    for want in [
        "乌审旗人民医院配电室隐患排查记录表",
        "排查日期：",
        "配电室周巡视",
        "《电力安全工作规程》",
        "每周",
        "电工",
        "□正常□异常",
    ] {
        assert!(t.contains(want), "{want} not in {t}");
    }
    // Items of other departments are not on it.
    assert!(!t.contains("液氧"), "{t}");
    // The ledger page links every form and each year's printed ledger.
    let page = std::fs::read_to_string(dir.path().join("out/site/institutions/wsq-hospital/hazards.html")).unwrap();
    for name in &names {
        assert!(page.contains(&format!("pdf/wsq-hospital/forms/{name}")), "{name}");
    }
    assert!(page.contains("pdf/wsq-hospital/ledgers/hazards-2022.pdf"));
    // A rectified hazard's evidence is published, byte for byte, and its row links it.
    let year =
        std::fs::read_to_string(dir.path().join("out/site/institutions/wsq-hospital/hazards/2022.html")).unwrap();
    assert!(year.contains(r#"<a href="../../../pdf/wsq-hospital/scans/evidence/2022-001.png">整改佐证</a>"#));
    let published = std::fs::read(dir.path().join("out/site/pdf/wsq-hospital/scans/evidence/2022-001.png")).unwrap();
    let kept = std::fs::read(dir.path().join("content/institutions/wsq-hospital/evidence/2022-001.png")).unwrap();
    assert_eq!(published, kept);
}
