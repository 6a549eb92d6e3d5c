//! Records (台账) on the example content: the hospital's hazard ledger as it stood on two days.
//! What is open and overdue is computed for the date of record (`as_of`, `--as-of`), never
//! written: moving the day moves the warnings of `check`, the ledger page and the counts a
//! commission sees for its members.

mod common;

use common::*;
use serde_json::Value;

/// `check --format json` of the example for a day: the diagnostics of one code, as
/// (hazard number named in the message, line).
fn findings(day: &str, code: &str) -> (Option<i32>, Vec<String>) {
    let dir = example();
    let out = run(&["check", "content", "--format", "json", "--as-of", day], dir.path());
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| format!("{}:{}", d["file"].as_str().unwrap(), d["message"].as_str().unwrap()))
        .collect();
    (out.status.code(), found)
}

#[test]
fn overdue_moves_with_the_date_of_record() {
    // Before the deadlines of 2022-12-20 and 2022-12-31 nothing is overdue.
    let (code, overdue) = findings("2022-12-15", "hazard-overdue");
    assert_eq!((code, overdue.len()), (Some(0), 0), "{overdue:#?}");
    // On the content's date of record two of the hospital's and one of the emergency centre's are.
    let (code, overdue) = findings("2023-01-10", "hazard-overdue");
    assert_eq!(code, Some(0), "overdue is a warning");
    assert_eq!(overdue.len(), 3, "{overdue:#?}");
    assert!(overdue.iter().any(|m| m.contains("wsq-hospital") && m.contains("`2022-012`") && m.contains("21 day(s)")));
    assert!(overdue.iter().any(|m| m.contains("lyg-120") && m.contains("`2022-03`")));
    // The major hazard is due 2023-03-31: a day later it fails the check.
    let (code, major) = findings("2023-03-31", "major-hazard-overdue");
    assert_eq!((code, major.len()), (Some(0), 0), "{major:#?}");
    let (code, major) = findings("2023-04-01", "major-hazard-overdue");
    assert_eq!(code, Some(1), "an overdue major hazard is an error");
    assert!(major[0].contains("major hazard `2022-008` is overdue"), "{major:#?}");
}

/// The example built for a day; the page at `path` below the site.
fn page(day: &str, path: &str) -> String {
    let dir = example();
    let out = run(&["build", "content", "--out", "out", "--as-of", day], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    std::fs::read_to_string(dir.path().join("out/site").join(path)).unwrap()
}

/// The text of the stat whose label is `label` on a page (`<li><strong>N</strong> label</li>`).
fn stat(html: &str, label: &str) -> Option<u32> {
    let at = html.find(label)?;
    let before = &html[..at];
    let open = before.rfind("<strong>")? + "<strong>".len();
    before[open..].split("</strong>").next()?.trim().parse().ok()
}

#[test]
fn the_ledger_page_and_the_commission_counts_follow_the_day() {
    let ledger = "institutions/wsq-hospital/hazards.html";
    let early = page("2022-06-05", ledger);
    let late = page("2023-01-10", ledger);
    // Found up to the day; open; overdue.
    assert_eq!(stat(&early, "项已排查出"), Some(5), "hazards found by 2022-06-05");
    assert_eq!(stat(&late, "项已排查出"), Some(13));
    assert_eq!(stat(&early, "项逾期未整改"), Some(1), "the pharmacy's, due 2022-05-31");
    assert_eq!(stat(&late, "项逾期未整改"), Some(2));
    assert_eq!(stat(&late, "项整改中"), Some(4));
    // Put right on 2022-06-10, after its deadline: then shown as late, no longer overdue, on the
    // page of its year.
    let after = page("2022-06-30", ledger);
    assert_eq!(stat(&after, "项逾期未整改"), Some(0));
    let year = page("2022-06-30", "institutions/wsq-hospital/hazards/2022.html");
    assert!(year.contains("逾期完成"), "rectified after its deadline");
    assert_eq!(stat(&year, "项排查出"), Some(6), "the year's page counts the year's hazards up to the day");
    // The open ones are listed first, the major hazard at the top, with its plan.
    let open = &late[late.find("未整改的隐患").unwrap()..late.find("各科室情况").unwrap()];
    assert!(open.find("2022-008").unwrap() < open.find("2022-012").unwrap());
    assert!(open.contains("治理方案") && open.contains("逾期 21 天"));
    // The commission sees each member's counts, with a link to the ledger.
    let commission = page("2023-01-10", "institutions/wsq-wjw/index.html");
    let row = commission.split("<tr>").find(|r| r.contains("乌审旗人民医院")).unwrap();
    assert!(row.contains("institutions/wsq-hospital/hazards.html"), "{row}");
    let cells: Vec<&str> = row.split("class=\"num\">").skip(1).map(|c| c.split('<').next().unwrap()).collect();
    assert_eq!(cells, ["13", "4", "", "1", "8"], "found, open, overdue (flagged), major, verified: {row}");
    assert!(row.contains("<span class=\"flag\">2</span>"), "{row}");
}

#[test]
fn each_hazard_has_a_rectification_notice_that_verify_finds() {
    if std::process::Command::new("pdftotext").arg("-v").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "pdftotext is missing (apt-get install poppler-utils)");
        eprintln!("skipped: pdftotext not found");
        return;
    }
    let dir = example();
    let out = run(&["build", "content", "--out", "out"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let notices = dir.path().join("out/site/pdf/wsq-hospital/notices");
    if !notices.is_dir() {
        assert!(std::env::var_os("CI").is_none(), "no PDFs made: is fonts-noto-cjk installed?");
        return;
    }
    assert_eq!(std::fs::read_dir(&notices).unwrap().count(), 13, "one per hazard found by the date of record");
    let pdf = notices.join("2022-011.pdf");
    let info = std::process::Command::new("pdfinfo").arg(&pdf).output().unwrap();
    assert!(text(&info.stdout).lines().any(|l| l.starts_with("Pages:") && l.ends_with(" 1")), "one page");
    let t = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    let t: String = text(&t.stdout).split_whitespace().collect();
    for want in [
        "事故隐患整改通知单",
        "隐患编号2022-011",
        "责任科室：急诊科",
        "整改责任人：屈斌",
        "2022年11月23日检查（李娜）发现急诊科抢救室存在以下事故隐患",
        "请于2022年12月31日前整改完毕",
        "验收人（签字）：",
    ] {
        assert!(t.contains(want), "{want} not in {t}");
    }
    // The code printed on it is the one the ledger shows, and `verify` names the notice.
    let code = t.split("校验码").nth(1).map(|c| c.chars().take(9).collect::<String>()).unwrap();
    let ledger = std::fs::read_to_string(dir.path().join("out/site/institutions/wsq-hospital/hazards.html")).unwrap();
    assert!(ledger.contains(&code), "{code} on the ledger page");
    let verified = run(&["verify", &code, "content"], dir.path());
    assert!(text(&verified.stdout).contains("rectification notice"), "{}", text(&verified.stdout));
    assert!(text(&verified.stdout).contains("notices/2022-011.pdf"), "{}", text(&verified.stdout));
}

#[test]
fn inspections_missed_move_with_the_day_and_cards_show_what_a_post_inspects() {
    // In mid-December every item was inspected in its last window (November, or Q3).
    let (code, missed) = findings("2022-12-15", "inspection-missed");
    assert_eq!((code, missed.len()), (Some(0), 0), "{missed:#?}");
    // On the date of record the internal medicine ward's December self-check is missing.
    let (_, missed) = findings("2023-01-10", "inspection-missed");
    assert_eq!(missed.len(), 1, "{missed:#?}");
    assert!(missed[0].contains("`bq-01` (每月)") && missed[0].contains("2022-12-01 to 2022-12-31"), "{missed:#?}");
    // The ledger page shows the checklist as kept: the missed item flagged; the year's page lists
    // the inspections, one that found a hazard linked to its row.
    let ledger = page("2023-01-10", "institutions/wsq-hospital/hazards.html");
    assert_eq!(stat(&ledger, "项排查未按期开展"), Some(1));
    let row = ledger.split("<tr").find(|r| r.contains("id=\"check-bq-01\"")).unwrap();
    assert!(row.contains("漏查：2022年12月1日至2022年12月31日"), "{row}");
    let row = ledger.split("<tr").find(|r| r.contains("id=\"check-gl-01\"")).unwrap();
    assert!(row.contains("按期排查") && !row.contains("漏查"), "{row}");
    let year = page("2023-01-10", "institutions/wsq-hospital/hazards/2022.html");
    assert!(year.contains("hazards/2022.html#hazard-2022-012\">发现隐患 2022-012</a>"), "linked to its row");
    // The electrician's card lists what the post inspects and how often, linking to the record.
    let card = page("2023-01-10", "institutions/wsq-hospital/posts/electrician.html");
    let section = &card[card.find("隐患排查（2 项）").expect("the card's inspections")..];
    assert!(section.contains("配电室周巡视") && section.contains("每周，岗位级"), "{section}");
    assert!(section.contains("hazards.html#check-pd-01"), "{section}");
}

#[test]
fn each_month_has_a_bulletin_for_all_staff() {
    // Every month that ended by the date of record, newest first on the ledger page.
    let ledger = page("2023-01-10", "institutions/wsq-hospital/hazards.html");
    let list = &ledger[ledger.find("月度通报：").expect("the bulletins listed")..];
    let list = &list[..list.find("</p>").unwrap()];
    assert!(list.find("2022年12月").unwrap() < list.find("2022年1月").unwrap(), "{list}");
    assert!(!list.contains("2023年1月"), "January 2023 has not ended: {list}");
    // December's figures, taken on 2022-12-31.
    let december = page("2023-01-10", "institutions/wsq-hospital/bulletins/2022-12.html");
    for (label, n) in
        [("项新发现", 1), ("项整改完成", 1), ("项月末未整改", 3), ("项逾期未整改", 1), ("项排查未按期开展", 1)]
    {
        assert_eq!(stat(&december, label), Some(n), "{label}");
    }
    assert!(
        december.contains("逾期 11 天") && december.contains("hazards/2022.html#hazard-2022-012"),
        "the boiler room's overdue hazard"
    );
}

#[test]
fn the_printed_bulletin_says_what_the_page_says() {
    if std::process::Command::new("pdftotext").arg("-v").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "pdftotext is missing (apt-get install poppler-utils)");
        return;
    }
    let dir = example();
    let out =
        run(&["build", "content", "--out", "out", "--only", "reports", "--institution", "wsq-hospital"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let pdf = dir.path().join("out/site/pdf/wsq-hospital/bulletins/2022-12.pdf");
    if !pdf.is_file() {
        assert!(std::env::var_os("CI").is_none(), "no PDFs made: is fonts-noto-cjk installed?");
        return;
    }
    let t = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    let t: String = text(&t.stdout).split_whitespace().collect();
    for want in [
        "乌审旗人民医院2022年12月事故隐患排查治理情况通报",
        "统计期间：2022年12月1日至2022年12月31日",
        "新发现事故隐患1项，整改完成1项",
        "尚未整改的事故隐患3项，其中逾期未整改1项",
        "编号2022-012",
        "已逾期11天",
        "锅炉房：本月发现1项，整改完成0项；月末尚未整改1项，其中逾期1项",
        "乌审旗人民医院安全生产管理科2022年12月31日",
    ] {
        assert!(t.contains(want), "{want} not in {t}");
    }
    let code = t.split("校验码").nth(1).map(|c| c.chars().take(9).collect::<String>()).unwrap();
    let verified = run(&["verify", &code, "content"], dir.path());
    assert!(text(&verified.stdout).contains("monthly hazard bulletin"), "{}", text(&verified.stdout));
    // The closing (落款) as GB/T 9704 sets it: the date four characters from the right edge of
    // the type area (28 mm + 156 mm, 28 characters to the line), the issuer centred over it.
    let bbox =
        std::process::Command::new("pdftotext").args(["-bbox", "-f", "2", "-l", "2"]).arg(&pdf).arg("-").output();
    let bbox = text(&bbox.unwrap().stdout);
    let word = |w: &str| -> (f64, f64) {
        let line = bbox.lines().rfind(|l| l.ends_with(&format!(">{w}</word>"))).unwrap_or_else(|| panic!("{w}"));
        let attr = |name: &str| -> f64 {
            line.split(&format!("{name}=\"")).nth(1).and_then(|r| r.split('"').next()).unwrap().parse().unwrap()
        };
        (attr("xMin"), attr("xMax"))
    };
    let mm = 72.0 / 25.4;
    let char_width = 156.0 * mm / 28.0;
    let (d0, d1) = word("2022年12月31日");
    assert!((d1 - ((28.0 + 156.0) * mm - 4.0 * char_width)).abs() < 1.0, "the date ends at {d1}");
    let (i0, i1) = word("乌审旗人民医院安全生产管理科");
    assert!(((i0 + i1) / 2.0 - (d0 + d1) / 2.0).abs() < 1.0, "the issuer is centred over the date");
}

#[test]
fn a_campaign_issue_names_a_hazard_of_a_ledger_instead_of_copying_it() {
    let overview = page("2023-01-10", "campaigns/wsq-2022-rollout/index.html");
    let row = overview.split("<tr").find(|r| r.contains("id=\"issue-hospital-liquid-oxygen\"")).expect("the issue");
    // What was found, the measure and the deadline are the ledger's, with a link to its row.
    assert!(row.contains("乌审旗人民医院供氧站：") && row.contains("液氧储罐"), "{row}");
    assert!(row.contains("hazards/2022.html#hazard-2022-008\">隐患台账 2022-008</a>"), "{row}");
    assert!(row.contains("2023年3月31日"), "the ledger's deadline: {row}");
}

#[test]
fn a_post_page_lists_the_open_hazards_its_holders_are_to_put_right() {
    let card = page("2023-01-10", "institutions/wsq-hospital/posts/boiler-operator.html");
    let section = &card[card.find("本岗位人员负责整改的隐患（1 项）").expect("the boiler room's hazard")..];
    assert!(section.contains("hazards/2022.html#hazard-2022-012") && section.contains("逾期 21 天"), "{section}");
    // Found on 2022-12-06: a week earlier the post has nothing open.
    let early = page("2022-12-01", "institutions/wsq-hospital/posts/boiler-operator.html");
    assert!(!early.contains("本岗位人员负责整改的隐患"), "not yet found on 2022-12-01");
}
