//! Campaigns: progress as of a date in the generated pages, the checks on campaign files
//! (each with file, line and column), and the phase reports.

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;

const CAMPAIGN: &str = "campaigns/drill/campaign.yaml";
const PROGRESS: &str = "campaigns/drill/progress.yaml";
const ISSUES: &str = "campaigns/drill/issues.yaml";

/// Builds the `campaign` fixture as of `day` (site and data only: fast) and returns the
/// folder holding `output/`.
fn build_as_of(day: &str) -> tempfile::TempDir {
    let dir = fixture("campaign");
    let out = run(&["build", "content", "--out", "output", "--only", "site,data", "--as-of", day], dir.path());
    assert!(out.status.success(), "build --as-of {day}: {}", text(&out.stderr));
    dir
}

fn page(dir: &Path, path: &str) -> String {
    std::fs::read_to_string(dir.join("output/site").join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The HTML of one element, from its opening tag with `marker` to the next `</article>` or `</tr>`.
fn element<'a>(html: &'a str, marker: &str, end: &str) -> &'a str {
    let start = html.find(marker).unwrap_or_else(|| panic!("no {marker}"));
    let rest = &html[start..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

#[test]
fn before_a_deadline_a_task_is_pending_and_after_it_overdue() {
    let dir = build_as_of("2023-02-25");
    let overview = page(dir.path(), "campaigns/drill/index.html");
    assert!(overview.contains("逾期未完成的任务（1 项）"), "the register task is overdue on 02-25");
    assert!(overview.contains("#task-register"));
    assert!(overview.contains("进度截至 2023年2月25日"));
    // The timeline is an SVG drawn at build time with a marker for the day.
    assert!(overview.contains("<svg viewBox=\"0 0 960"));
    assert!(overview.contains("class=\"tl-today\""));
    assert!(overview.contains("截至 2023年2月25日"));
    let launch = page(dir.path(), "campaigns/drill/launch.html");
    let register = element(&launch, "id=\"task-register\"", "</article>");
    assert!(launch.contains("class=\"task is-overdue\" id=\"task-register\""));
    assert!(register.contains("逾期未完成"));
    let plan = element(&launch, "id=\"task-plan\"", "</article>");
    assert!(plan.contains("已完成") && !plan.contains("逾期"), "plan was done on time: {plan}");
    // The issue is open but not yet due (deadline 02-28).
    let issue = element(&launch, "id=\"issue-expired-extinguisher\"", "</tr>");
    assert!(issue.contains("整改中") && !issue.contains("逾期"), "{issue}");
}

#[test]
fn done_after_the_deadline_is_done_late_and_an_open_issue_past_due_is_overdue() {
    let dir = build_as_of("2023-03-05");
    let launch = page(dir.path(), "campaigns/drill/launch.html");
    let register = element(&launch, "id=\"task-register\"", "</article>");
    assert!(register.contains("已完成") && register.contains("逾期完成"), "{register}");
    assert!(register.contains("2023-03-02 完成"));
    assert!(!launch.contains("class=\"task is-overdue\""));
    assert!(launch.contains("<tr id=\"issue-expired-extinguisher\" class=\"is-overdue\">"));
    // Evidence: a published file and an outside link.
    assert!(launch.contains("href=\"../../campaigns/drill/files/evidence/plan.txt\""));
    assert!(dir.path().join("output/site/campaigns/drill/files/evidence/plan.txt").is_file());
    assert!(launch.contains("href=\"https://oa.example.org/doc/42\""));
    let overview = page(dir.path(), "campaigns/drill/index.html");
    assert!(!overview.contains("逾期未完成的任务"));
}

#[test]
fn before_the_campaign_nothing_is_started_and_after_it_the_day_marker_is_gone() {
    let dir = build_as_of("2022-12-01");
    let overview = page(dir.path(), "campaigns/drill/index.html");
    assert!(overview.contains("<strong>0/3</strong> 项任务完成"));
    assert!(overview.contains("<strong>0</strong> 项逾期未完成"));
    assert!(!overview.contains("class=\"tl-today\""), "the day lies before the campaign");
    assert!(page(dir.path(), "campaigns/index.html").contains("未开始"));

    let dir = build_as_of("2024-01-01");
    let overview = page(dir.path(), "campaigns/drill/index.html");
    assert!(!overview.contains("class=\"tl-today\""), "the day lies after the campaign");
    // The drill task had no deadline of its own: due at its phase's end, now overdue.
    assert!(overview.contains("逾期未完成的任务（1 项）") && overview.contains("#task-night-drill"));
    let drill = page(dir.path(), "campaigns/drill/drill.html");
    assert!(drill.contains("2023年12月31日 <span class=\"muted\">（阶段结束）</span>"));
}

#[test]
fn the_matrix_shows_each_unit_on_each_goal_item() {
    let dir = build_as_of("2023-04-01");
    let matrix = page(dir.path(), "campaigns/drill/matrix.html");
    let nursing = element(&matrix, "departments/nursing.html", "</tr>");
    assert!(nursing.contains("class=\"cell done\" title=\"2023年3月31日 检查\">已完成"), "{nursing}");
    assert!(nursing.contains("class=\"cell in-progress\""));
    assert!(nursing.contains("1/2"));
    let leadership = element(&matrix, "departments/leadership.html", "</tr>");
    assert!(leadership.contains("未评估"));
    // Before the assessment nobody is assessed.
    let early = build_as_of("2023-03-30");
    assert!(!page(early.path(), "campaigns/drill/matrix.html").contains("已完成"));
}

#[test]
fn home_and_masthead_link_the_campaigns_and_reports_exist_for_begun_phases() {
    let dir = build_as_of("2023-02-25");
    let home = page(dir.path(), "index.html");
    assert!(home.contains("href=\"campaigns/index.html\""));
    assert!(home.contains("href=\"campaigns/drill/index.html\">应急演练专项行动</a>"));
    let docs: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("output/data/documents.json")).unwrap()).unwrap();
    let reports: Vec<&str> = docs
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["kind"] == "report")
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(reports, ["pdf/campaigns/drill/launch.pdf"], "the drill phase has not begun");
    let model: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("output/data/model.json")).unwrap()).unwrap();
    assert_eq!(model["campaigns"][0]["phases"][1]["tasks"][0]["deadline"], "2023-12-31");
}

/// A finished phase's report is frozen at the phase's end: a later date of record does not
/// change its text (nor its code).
#[test]
fn a_finished_phase_report_does_not_change_later() {
    let code = |day: &str| {
        let dir = build_as_of(day);
        let docs: Value =
            serde_json::from_slice(&std::fs::read(dir.path().join("output/data/documents.json")).unwrap()).unwrap();
        let launch = docs.as_array().unwrap().iter().find(|d| d["file"] == "pdf/campaigns/drill/launch.pdf").cloned();
        launch.map(|d| d["code"].as_str().unwrap().to_string())
    };
    let (running, ended, later) = (code("2023-03-01"), code("2023-04-15"), code("2023-11-30"));
    assert!(running.is_some());
    assert_ne!(running, ended, "the record of 03-02 comes in before the phase ends");
    assert_eq!(ended, later);
}

#[test]
fn the_phase_report_is_a_real_pdf_with_the_records() {
    let tools = ["pdftotext", "qpdf"].iter().all(|t| std::process::Command::new(t).arg("-v").output().is_ok());
    let dir = fixture("campaign");
    let out = run(&["build", "content", "--out", "output", "--only", "reports", "--as-of", "2023-03-05"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let pdf = dir.path().join("output/site/pdf/campaigns/drill/launch.pdf");
    if !pdf.exists() {
        assert!(std::env::var_os("CI").is_none(), "CI has fonts: the report must be printed");
        eprintln!("skipped: no CJK font installed ({})", text(&out.stderr));
        return;
    }
    if !tools {
        assert!(std::env::var_os("CI").is_none(), "CI has poppler-utils and qpdf");
        return;
    }
    let check = std::process::Command::new("qpdf").arg("--check").arg(&pdf).output().unwrap();
    assert!(check.status.success(), "{}", text(&check.stdout));
    let txt = std::process::Command::new("pdftotext").args(["-layout"]).arg(&pdf).arg("-").output().unwrap();
    let body: String = text(&txt.stdout).split_whitespace().collect();
    for expected in
        ["测试卫生院应急演练专项行动启动阶段小结", "统计截至：2023年3月5日", "逾期完成", "护理组灭火器过期", "演练阶段"]
    {
        assert!(body.contains(expected), "report lacks {expected}: {body}");
    }
}

#[test]
fn done_without_evidence_is_a_warning_that_can_be_denied() {
    let dir = fixture("campaign");
    let progress = dir.path().join("content").join(PROGRESS);
    let yaml = std::fs::read_to_string(&progress).unwrap();
    let bare = yaml.replace("    evidence:\n      - title: 应急演练方案\n        file: evidence/plan.txt\n", "");
    assert_ne!(yaml, bare);
    std::fs::write(&progress, bare).unwrap();
    let checked = run(&["check", "content", "--format", "json"], dir.path());
    assert_eq!(checked.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&checked.stdout).unwrap();
    let d = &report["diagnostics"][0];
    assert_eq!((d["code"].as_str(), d["severity"].as_str()), (Some("done-without-evidence"), Some("warning")));
    assert_eq!((d["file"].as_str(), d["line"].as_u64(), d["column"].as_u64()), (Some(PROGRESS), Some(4), Some(13)));
    let denied = run(&["check", "content", "--deny-warnings"], dir.path());
    assert_eq!(denied.status.code(), Some(1));
}

#[test]
fn a_bad_as_of_date_is_refused() {
    let dir = fixture("campaign");
    let out = run(&["build", "content", "--as-of", "2023-02-30"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("--as-of `2023-02-30` is not a valid date"));
}

struct Case {
    name: &'static str,
    file: &'static str,
    /// Replace the first `from` with `to` in `file`.
    from: &'static str,
    to: &'static str,
    code: &'static str,
    line: u64,
    column: u64,
    message: &'static str,
    help: Option<&'static str>,
}

const CASES: &[Case] = &[
    Case {
        name: "deadline after its phase",
        file: CAMPAIGN,
        from: "deadline: 2023-02-20",
        to: "deadline: 2023-04-20",
        code: "deadline-outside-phase",
        line: 34,
        column: 19,
        message: "task `register` is due on 2023-04-20, outside its phase `launch` (2023-01-01 to 2023-03-31)",
        help: Some("leave `deadline` out"),
    },
    Case {
        name: "overlapping phases",
        file: CAMPAIGN,
        from: "start: 2023-04-01",
        to: "start: 2023-03-15",
        code: "phase-order",
        line: 37,
        column: 12,
        message: "phase `drill` starts on 2023-03-15, before the previous phase ends (2023-03-31)",
        help: Some("date order"),
    },
    Case {
        name: "phase beyond the campaign",
        file: CAMPAIGN,
        from: "end: 2023-12-31\n    tasks",
        to: "end: 2024-01-31\n    tasks",
        code: "phase-order",
        line: 38,
        column: 10,
        message: "phase `drill` runs outside the campaign (2023-01-01 to 2023-12-31)",
        help: None,
    },
    Case {
        name: "campaign ends before it starts",
        file: CAMPAIGN,
        from: "end: 2023-12-31\ngoal",
        to: "end: 2022-12-31\ngoal",
        code: "invalid-period",
        line: 5,
        column: 6,
        message: "the campaign ends before it starts",
        help: None,
    },
    Case {
        name: "owner department misspelt",
        file: CAMPAIGN,
        from: "department: nursing",
        to: "department: nursng",
        code: "missing-reference",
        line: 42,
        column: 21,
        message: "no department with id `nursng`",
        help: Some("did you mean `nursing`?"),
    },
    Case {
        name: "owner person given by name",
        file: CAMPAIGN,
        from: "person: zhao-min\n        deadline",
        to: "person: 赵敏\n        deadline",
        code: "missing-reference",
        line: 33,
        column: 17,
        message: "no person with id `赵敏`",
        help: Some("write `zhao-min`"),
    },
    Case {
        name: "participant of an unknown institution",
        file: CAMPAIGN,
        from: "  - clinic/leadership",
        to: "  - clnic/leadership",
        code: "missing-reference",
        line: 8,
        column: 5,
        message: "no institution with id `clnic`",
        help: Some("did you mean `clinic`?"),
    },
    Case {
        name: "date that does not exist",
        file: CAMPAIGN,
        from: "start: 2023-01-01\nend",
        to: "start: 2023-02-29\nend",
        code: "invalid-date",
        line: 4,
        column: 8,
        message: "`2023-02-29` is not a valid date",
        help: Some("YYYY-MM-DD"),
    },
    Case {
        name: "misspelt key in a task",
        file: CAMPAIGN,
        from: "deliverable: 演练方案",
        to: "deliverables: 演练方案",
        code: "unknown-key",
        line: 30,
        column: 9,
        message: "unknown key `deliverables`",
        help: Some("did you mean `deliverable`?"),
    },
    Case {
        name: "task id used in two phases",
        file: CAMPAIGN,
        from: "id: night-drill",
        to: "id: plan",
        code: "duplicate-id",
        line: 40,
        column: 13,
        message: "duplicate task id `plan`",
        help: Some("unique in a campaign"),
    },
    Case {
        name: "record before the campaign",
        file: PROGRESS,
        from: "date: 2023-01-20",
        to: "date: 2022-12-20",
        code: "record-outside-campaign",
        line: 3,
        column: 11,
        message: "progress record dated 2022-12-20, outside the campaign (2023-01-01 to 2023-12-31)",
        help: None,
    },
    Case {
        name: "record of an unknown task",
        file: PROGRESS,
        from: "task: register",
        to: "task: registr",
        code: "missing-reference",
        line: 8,
        column: 11,
        message: "no task with id `registr`",
        help: Some("did you mean `register`?"),
    },
    Case {
        name: "unknown status",
        file: PROGRESS,
        from: "status: done\n    note",
        to: "status: finished\n    note",
        code: "unknown-value",
        line: 10,
        column: 13,
        message: "unknown value `finished`",
        help: Some("not-started, in-progress, done, verified"),
    },
    Case {
        name: "evidence file missing",
        file: PROGRESS,
        from: "file: evidence/plan.txt",
        to: "file: evidence/plan.pdf",
        code: "missing-evidence",
        line: 7,
        column: 15,
        message: "no evidence file at `evidence/plan.pdf`",
        help: Some("relative to the campaign's folder"),
    },
    Case {
        name: "evidence outside the campaign folder",
        file: PROGRESS,
        from: "file: evidence/plan.txt",
        to: "file: ../../safeduty.yaml",
        code: "outside-content",
        line: 7,
        column: 15,
        message: "evidence file `../../safeduty.yaml` leaves its folder",
        help: None,
    },
    Case {
        name: "checklist unit that does not take part",
        file: PROGRESS,
        from: "unit: clinic/nursing",
        to: "unit: clinic/nursin",
        code: "missing-reference",
        line: 16,
        column: 11,
        message: "no participant with id `clinic/nursin`",
        help: Some("did you mean `clinic/nursing`?"),
    },
    Case {
        name: "checklist goal item misspelt",
        file: PROGRESS,
        from: "{training: done,",
        to: "{trainng: done,",
        code: "missing-reference",
        line: 18,
        column: 22,
        message: "no goal item with id `trainng`",
        help: Some("did you mean `training`?"),
    },
    Case {
        name: "issue closed before it was found",
        file: ISSUES,
        from: "deadline: 2023-02-28",
        to: "deadline: 2023-02-28\n  closed: 2023-01-15",
        code: "invalid-period",
        line: 9,
        column: 11,
        message: "the issue's closing date is before it was found",
        help: None,
    },
    Case {
        name: "phase id that is the campaign's overview page",
        file: CAMPAIGN,
        from: "  - id: launch",
        to: "  - id: index",
        code: "reserved-id",
        line: 21,
        column: 9,
        message: "phase id `index` is the name of the campaign's own page index.html",
        help: None,
    },
    Case {
        name: "phase id that is the matrix page",
        file: CAMPAIGN,
        from: "  - id: launch",
        to: "  - id: matrix",
        code: "reserved-id",
        line: 21,
        column: 9,
        message: "phase id `matrix`",
        help: None,
    },
    Case {
        name: "issue without a measure",
        file: ISSUES,
        from: "  measure: 更换灭火器。\n",
        to: "",
        code: "missing-key",
        line: 1,
        column: 7,
        message: "issue `expired-extinguisher` has no `measure`",
        help: Some("`hazard: <institution>/<ledger number>`"),
    },
    Case {
        name: "issue that names a hazard and copies what the ledger holds",
        file: ISSUES,
        from: "  item: emergency\n",
        to: "  item: emergency\n  hazard: clinic/2023-001\n",
        code: "duplicate-key",
        line: 4,
        column: 10,
        message: "issue `expired-extinguisher` names hazard `clinic/2023-001`, whose `found` the ledger holds",
        help: Some("remove `found:`"),
    },
    Case {
        name: "issue that names a hazard not in the ledger",
        file: ISSUES,
        from: "  found: 2023-02-01\n  problem: 护理组灭火器过期。\n  measure: 更换灭火器。\n  department: nursing\n  person: zhao-min\n  deadline: 2023-02-28\n",
        to: "  hazard: clinic/2023-01\n",
        code: "missing-reference",
        line: 3,
        column: 11,
        message: "no hazard with id `2023-01`",
        help: None,
    },
];

#[test]
fn every_bad_campaign_input_is_reported_precisely_and_keeps_the_output() {
    let mut failures = Vec::new();
    for case in CASES {
        let dir = fixture("campaign");
        let root = dir.path();
        let built = run(&["build", "content", "--out", "output", "--only", "site,data"], root);
        assert!(built.status.success(), "{}: the fixture must build: {}", case.name, text(&built.stderr));
        let before = snapshot(&root.join("output"));
        let path = root.join("content").join(case.file);
        let yaml = std::fs::read_to_string(&path).unwrap();
        assert!(yaml.contains(case.from), "{}: {} lacks {:?}", case.name, case.file, case.from);
        std::fs::write(&path, yaml.replacen(case.from, case.to, 1)).unwrap();

        let checked = run(&["check", "content", "--format", "json"], root);
        let report: Value = serde_json::from_slice(&checked.stdout).unwrap();
        let diagnostics = report["diagnostics"].as_array().unwrap();
        let Some(d) = diagnostics.iter().find(|d| d["code"] == case.code) else {
            failures.push(format!("{}: no `{}` in {report:#}", case.name, case.code));
            continue;
        };
        let mut problems = Vec::new();
        if d["file"] != case.file || d["line"] != case.line || d["column"] != case.column {
            problems.push(format!(
                "at {}:{}:{}, expected {}:{}:{}",
                d["file"], d["line"], d["column"], case.file, case.line, case.column
            ));
        }
        if !d["message"].as_str().unwrap().contains(case.message) {
            problems.push(format!("message {} lacks {:?}", d["message"], case.message));
        }
        if let Some(help) = case.help
            && !d["help"].as_str().unwrap_or("").contains(help)
        {
            problems.push(format!("help {} lacks {help:?}", d["help"]));
        }
        if checked.status.code() != Some(1) {
            problems.push(format!("check exit code {:?}", checked.status.code()));
        }
        let failed = run(&["build", "content", "--out", "output", "--only", "site,data"], root);
        if failed.status.code() != Some(1) || text(&failed.stderr).contains("panicked") {
            problems.push(format!("build: {:?} {}", failed.status.code(), text(&failed.stderr)));
        }
        if snapshot(&root.join("output")) != before {
            problems.push("output/ changed after a failed build".into());
        }
        if !problems.is_empty() {
            failures.push(format!("{}: {}", case.name, problems.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

/// A campaign with no phases is an error, not an empty page.
#[test]
fn a_campaign_without_phases_is_an_error() {
    let dir = fixture("campaign");
    let path = dir.path().join("content").join(CAMPAIGN);
    let yaml = std::fs::read_to_string(&path).unwrap();
    let head = &yaml[..yaml.find("phases:").unwrap()];
    std::fs::write(&path, format!("{head}phases: []\n")).unwrap();
    let out = run(&["check", "content", "--format", "json"], dir.path());
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = report["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "empty-list").cloned();
    let found = found.unwrap_or_else(|| panic!("{report:#}"));
    assert_eq!(
        (found["file"].as_str(), found["message"].as_str()),
        (Some(CAMPAIGN), Some("the campaign has no phases"))
    );
    assert_eq!(out.status.code(), Some(1));
}

/// Evidence files are published below `files/`: one named like a page cannot replace it, and
/// one that links out of the content folder is refused.
#[test]
fn evidence_never_replaces_a_page_or_leaves_the_content() {
    let dir = fixture("campaign");
    let folder = dir.path().join("content/campaigns/drill");
    std::fs::write(folder.join("index.html"), "<script>alert(1)</script>").unwrap();
    let progress = folder.join("progress.yaml");
    let yaml = std::fs::read_to_string(&progress).unwrap();
    std::fs::write(&progress, yaml.replacen("file: evidence/plan.txt", "file: index.html", 1)).unwrap();
    let built = run(&["build", "content", "--out", "output", "--only", "site"], dir.path());
    assert!(built.status.success(), "{}", text(&built.stderr));
    let overview = std::fs::read_to_string(dir.path().join("output/site/campaigns/drill/index.html")).unwrap();
    assert!(!overview.contains("alert(1)") && overview.contains("应急演练专项行动"));
    assert!(dir.path().join("output/site/campaigns/drill/files/index.html").is_file());

    std::fs::write(dir.path().join("secret.txt"), "TOP-SECRET").unwrap();
    std::fs::remove_file(folder.join("index.html")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("secret.txt"), folder.join("index.html")).unwrap();
    let out = run(&["check", "content", "--format", "json"], dir.path());
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> =
        report["diagnostics"].as_array().unwrap().iter().filter_map(|d| d["code"].as_str()).collect();
    assert!(codes.contains(&"outside-content"), "{report:#}");
    assert!(!text(&out.stdout).contains("TOP-SECRET"));
    assert_eq!(out.status.code(), Some(1));
}
