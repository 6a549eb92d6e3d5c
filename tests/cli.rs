//! The `safeduty` command as a user runs it: init, check, build, lint levels, determinism.

mod common;

use common::*;
use serde_json::Value;

#[test]
fn init_makes_a_tree_that_checks_clean_and_builds() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["init", "site"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let checked = run(&["check", "site", "--format", "json"], dir.path());
    assert!(checked.status.success(), "{}", text(&checked.stderr));
    // The one finding is the reminder to list everyone employed (全员): the example lists four.
    let report: Value = serde_json::from_slice(&checked.stdout).unwrap();
    let codes: Vec<&str> =
        report["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["staff-coverage"]);
    let built = run(&["build", "site", "--out", "out"], dir.path());
    assert!(built.status.success(), "{}", text(&built.stderr));
    let model: Value = serde_json::from_slice(&std::fs::read(dir.path().join("out/data/model.json")).unwrap()).unwrap();
    assert_eq!(model["categories"].as_array().unwrap().len(), 5);
    // The nurse's own duties sit before the category's catch-all last item.
    let nurse = &model["institutions"][0]["posts"].as_array().unwrap().iter().find(|p| p["id"] == "nurse").unwrap();
    let duties = nurse["duties"].as_array().unwrap();
    assert_eq!(duties.len(), 12);
    assert_eq!(duties[9]["origin"]["kind"], "post");
    assert_eq!(duties[11]["text"], "法律、法规、规章规定的其他安全生产职责。");
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("site")).unwrap();
    std::fs::write(dir.path().join("site/notes.txt"), "keep me").unwrap();
    let out = run(&["init", "site"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("is not empty"));
    assert_eq!(std::fs::read_to_string(dir.path().join("site/notes.txt")).unwrap(), "keep me");
}

#[test]
fn a_missing_content_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["check"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("content folder `content` does not exist"), "{}", text(&out.stderr));
}

#[test]
fn the_same_content_builds_the_same_bytes() {
    let dir = fixture("minimal");
    assert!(run(&["build", "content", "--out", "a"], dir.path()).status.success());
    assert!(run(&["build", "content", "--out", "b"], dir.path()).status.success());
    let (a, b) = (snapshot(&dir.path().join("a")), snapshot(&dir.path().join("b")));
    assert!(!a.is_empty());
    assert_eq!(a, b);
}

#[test]
fn a_successful_build_replaces_the_whole_output_and_leaves_no_temporary_folder() {
    let dir = fixture("minimal");
    assert!(run(&["build"], dir.path()).status.success());
    std::fs::write(dir.path().join("output/stale.html"), "old").unwrap();
    let out = run(&["build"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!dir.path().join("output/stale.html").exists());
    assert!(dir.path().join("output/data/model.json").exists());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn the_csv_export_opens_in_excel_as_utf8() {
    let dir = fixture("minimal");
    assert!(run(&["build"], dir.path()).status.success());
    let csv = std::fs::read(dir.path().join("output/data/duties.csv")).unwrap();
    assert!(csv.starts_with(b"\xEF\xBB\xBF"), "UTF-8 byte order mark");
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(&rows.headers().unwrap()[8], "安全生产职责");
    let records: Vec<csv::StringRecord> = rows.records().map(|r| r.unwrap()).collect();
    // director: 3 category items; nurse: 3 category items + 1 own.
    assert_eq!(records.len(), 7);
    let own = records.iter().find(|r| &r[9] == "本岗位").unwrap();
    assert_eq!(&own[8], "正确使用医用氧气瓶；");
    assert_eq!(&own[7], "3", "own duty numbered before the catch-all");
}

fn vacancy() -> tempfile::TempDir {
    let dir = fixture("minimal");
    // A third post that nobody holds: a warning by default.
    std::fs::write(
        dir.path().join("content/institutions/clinic/posts/cleaner.yaml"),
        "name: 保洁员\ndepartment: nursing\ncategory: employee\nscope: 病区保洁\n",
    )
    .unwrap();
    dir
}

#[test]
fn warnings_do_not_fail_but_can_be_denied() {
    let dir = vacancy();
    let out = run(&["check", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["errors"], 0);
    assert_eq!(report["warnings"], 1);
    assert_eq!(report["diagnostics"][0]["code"], "post-without-holder");
    assert_eq!(report["diagnostics"][0]["severity"], "warning");

    assert_eq!(run(&["check", "--deny-warnings"], dir.path()).status.code(), Some(1));
    assert_eq!(run(&["check", "--deny", "post-without-holder"], dir.path()).status.code(), Some(1));
    let allowed = run(&["check", "--allow", "post-without-holder"], dir.path());
    assert_eq!(allowed.status.code(), Some(0));
    assert!(text(&allowed.stderr).contains("no problems found"));
    // A failed build keeps nothing half-written.
    assert_eq!(run(&["build", "--deny-warnings"], dir.path()).status.code(), Some(1));
    assert!(!dir.path().join("output").exists());
}

#[test]
fn the_content_config_sets_lint_levels() {
    let dir = fixture("minimal");
    let post = dir.path().join("content/institutions/clinic/posts/nurse.yaml");
    std::fs::write(&post, "name: 护士\ndepartment: nursing\ncategory: employee\n").unwrap();
    assert_eq!(run(&["check"], dir.path()).status.code(), Some(1));
    std::fs::write(dir.path().join("content/safeduty.yaml"), "title: 测试\nlints:\n  post-without-scope: warn\n")
        .unwrap();
    let out = run(&["check"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("warning[post-without-scope]"));
}

#[test]
fn broken_input_cannot_be_allowed() {
    let dir = fixture("minimal");
    let out = run(&["check", "--allow", "missing-reference"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("cannot be re-levelled"));
    let out = run(&["check", "--warn", "post-without-holdr"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("did you mean `post-without-holder`?"));
}

#[test]
fn help_shows_examples() {
    let out = run(&["--help"], std::path::Path::new("."));
    let help = text(&out.stdout);
    for word in ["check", "build", "init", "Examples:"] {
        assert!(help.contains(word), "{help}");
    }
}

/// The help speaks the language of messages too, clap's own headings included.
#[test]
fn help_in_chinese() {
    let out = run(&["--lang", "zh", "--help"], std::path::Path::new("."));
    let help = text(&out.stdout);
    for words in ["用法：safeduty", "命令:", "检查内容，报告每个问题所在的文件、行和列", "显示帮助", "示例："]
    {
        assert!(help.contains(words), "{help}");
    }
    let out = run(&["sign", "--lang=zh", "-h"], std::path::Path::new("."));
    let help = text(&out.stdout);
    for words in ["参数:", "选项:", "签订日期（YYYY-MM-DD）", "--dry-run", "内容目录 [默认：content]"]
    {
        assert!(help.contains(words), "{help}");
    }
    assert!(!help.contains("Options:") && !help.contains("Print help") && !help.contains("[default"), "{help}");
}

/// A scan that links to a file outside the content folder is refused by `check` and `build`,
/// and the file's bytes reach neither the messages nor the output.
#[test]
fn a_link_out_of_the_content_is_never_followed() {
    let dir = fixture("minimal");
    let root = dir.path();
    assert!(run(&["build"], root).status.success());
    let before = snapshot(&root.join("output"));
    std::fs::write(root.join("secret.txt"), "TOP-SECRET-71c2").unwrap();
    let clinic = root.join("content/institutions/clinic");
    std::fs::create_dir_all(clinic.join("scans")).unwrap();
    std::os::unix::fs::symlink(root.join("secret.txt"), clinic.join("scans/nurse.pdf")).unwrap();
    std::os::unix::fs::symlink("/etc", clinic.join("etc")).unwrap();
    std::fs::write(
        clinic.join("signing.yaml"),
        "signed:\n  - post: nurse\n    person: zhao-min\n    date: 2023-01-15\n    code: 7QK2-M9XD\n    scan: scans/nurse.pdf\n",
    )
    .unwrap();
    for args in [&["check"][..], &["build"]] {
        let out = run(args, root);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("institutions/clinic/scans/nurse.pdf:1:1"), "{stderr}");
        assert!(stderr.contains("institutions/clinic/etc:1:1"), "{stderr}");
        assert!(!stderr.contains("TOP-SECRET"));
    }
    assert_eq!(snapshot(&root.join("output")), before, "the previous output is intact");
}

/// `--out` never names a folder the build does not own: the content, a folder holding it, the
/// current folder, a file, or a folder a build did not make. Nothing of theirs is touched.
#[test]
fn the_output_never_replaces_what_the_build_does_not_own() {
    let dir = fixture("minimal");
    let root = dir.path();
    std::fs::write(root.join("notes.txt"), "keep me").unwrap();
    std::fs::create_dir(root.join("photos")).unwrap();
    std::fs::write(root.join("photos/a.jpg"), "jpeg").unwrap();
    let content = snapshot(&root.join("content"));
    for (out, why) in [
        ("content", "overlaps the content folder"),
        ("content/output", "overlaps the content folder"),
        (".", "overlaps the content folder"),
        ("notes.txt", "it is a file"),
        ("photos", "was not made by safeduty"),
    ] {
        let built = run(&["build", "content", "--out", out], root);
        let stderr = text(&built.stderr);
        assert_eq!(built.status.code(), Some(1), "--out {out}: {stderr}");
        assert!(stderr.contains(why), "--out {out}: {stderr}");
    }
    // The current folder, from inside the folder it would replace.
    let sub = root.join("work");
    std::fs::create_dir(&sub).unwrap();
    let built = run(&["build", "../content", "--out", "."], &sub);
    assert!(text(&built.stderr).contains("the current folder"), "{}", text(&built.stderr));
    assert_eq!(snapshot(&root.join("content")), content, "the content is intact");
    assert_eq!(std::fs::read_to_string(root.join("notes.txt")).unwrap(), "keep me");
    assert!(root.join("photos/a.jpg").exists());
    let names: Vec<String> =
        std::fs::read_dir(root).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(!names.iter().any(|n| n.ends_with(".building")), "{names:?}");
    // A build's own output is marked, and replaced by the next build.
    assert!(run(&["build", "content", "--out", "site-out"], root).status.success());
    assert!(root.join("site-out/.safeduty-output").is_file());
    assert!(run(&["build", "content", "--out", "site-out"], root).status.success());
}

/// A link inside the content folder means its target, as if copied there: a second institution
/// that is a link to the first builds as two. Extensions count in any case; a front matter
/// fence may carry trailing spaces.
#[test]
fn links_inside_the_content_and_upper_case_extensions_are_read() {
    let dir = fixture("minimal");
    let content = dir.path().join("content");
    std::os::unix::fs::symlink("clinic", content.join("institutions/clinic-copy")).unwrap();
    let posts = content.join("institutions/clinic/posts");
    std::fs::rename(posts.join("nurse.yaml"), posts.join("nurse.YAML")).unwrap();
    std::fs::write(content.join("pages/about.md"), "---  \ntitle: 关于本站\n---\n\n正文。\n").unwrap();
    let out = run(&["build", "content", "--only", "site", "--out", "output"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let site = dir.path().join("output/site");
    assert!(site.join("institutions/clinic-copy/posts/nurse.html").is_file());
    assert!(site.join("institutions/clinic/posts/nurse.html").is_file());
    assert!(site.join("pages/about.html").is_file());
}

/// Without a font for the PDFs the site is built, the missing PDFs are a warning (an error
/// under --deny-warnings), and no page links a PDF that was not made.
#[test]
fn without_fonts_the_missing_pdfs_are_a_lint_and_never_linked() {
    let dir = fixture("minimal");
    let style = std::fs::read_to_string(repo().join("themes/default/pdf/style.yaml")).unwrap();
    let theme = dir.path().join("content/theme/pdf");
    std::fs::create_dir_all(&theme).unwrap();
    std::fs::write(
        theme.join("style.yaml"),
        style.replace("Noto Serif CJK SC", "No Such Font").replace("Noto Sans CJK SC", "No Such Font"),
    )
    .unwrap();
    let strict = run(&["build", "--deny-warnings"], dir.path());
    assert_eq!(strict.status.code(), Some(1), "{}", text(&strict.stderr));
    assert!(text(&strict.stderr).contains("error[pdf-not-made]"), "{}", text(&strict.stderr));
    assert!(text(&strict.stderr).contains("theme/pdf/style.yaml:"), "{}", text(&strict.stderr));
    assert!(!dir.path().join("output").exists());

    let built = run(&["build"], dir.path());
    assert!(built.status.success(), "{}", text(&built.stderr));
    assert!(text(&built.stderr).contains("warning[pdf-not-made]"), "{}", text(&built.stderr));
    let files = snapshot(&dir.path().join("output/site"));
    assert!(!files.keys().any(|p| p.extension().is_some_and(|e| e == "pdf")));
    for (path, bytes) in &files {
        let html = String::from_utf8_lossy(bytes);
        assert!(!html.contains(".pdf\""), "{} links a PDF that was not made", path.display());
    }
}

/// Runs the binary as a user whose locale is `lang` (`LANG`), with no SAFEDUTY_LANG and no
/// other locale variable that would take precedence.
fn run_in_locale(args: &[&str], cwd: &std::path::Path, lang: &str) -> std::process::Output {
    std::process::Command::new(BIN)
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env_remove("SAFEDUTY_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LC_CTYPE")
        .env("LANG", lang)
        .output()
        .unwrap()
}

/// The places (`--> file:line:column`) and the `level[code]` heads of a human report.
fn places_and_codes(report: &str) -> (Vec<String>, Vec<String>) {
    let places = report.lines().filter_map(|l| l.trim_start().strip_prefix("--> ")).map(str::to_string).collect();
    let codes = report
        .lines()
        .filter_map(|l| Some(l.split_once('[')?.1.split_once("]:")?.0.to_string()))
        .filter(|c| !c.contains(' '))
        .collect();
    (places, codes)
}

/// The numbers of the summary line (the last), errors then warnings.
fn counts(report: &str) -> Vec<String> {
    let last = report.lines().last().unwrap_or_default();
    last.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty()).map(str::to_string).collect()
}

#[test]
fn messages_are_in_chinese_under_a_chinese_locale_or_with_lang_zh() {
    let dir = example();
    let post = dir.path().join("content/institutions/wsq-tuke/posts/dean.yaml");
    let yaml = std::fs::read_to_string(&post).unwrap();
    std::fs::write(&post, format!("{yaml}scpoe: 全院\n")).unwrap();

    let english = run(&["check"], dir.path());
    assert_eq!(english.status.code(), Some(1));
    let en = text(&english.stderr);
    assert!(en.contains("error[unknown-key]: ") && en.contains(" error(s), "), "{en}");

    let chinese = run_in_locale(&["check"], dir.path(), "zh_CN.UTF-8");
    assert_eq!(chinese.status.code(), Some(1));
    let zh = text(&chinese.stderr);
    assert!(zh.contains("错误[unknown-key]: ") && zh.contains(" 个错误，") && zh.contains(" 个警告"), "{zh}");
    assert!(zh.contains("警告["), "warnings are called 警告: {zh}");
    assert!(!zh.contains("error(s)") && !zh.contains("error["), "{zh}");
    // The same findings at the same places, with the same codes and counts.
    assert_eq!(places_and_codes(&zh), places_and_codes(&en));
    assert!(places_and_codes(&zh).0.iter().any(|p| p.starts_with("institutions/wsq-tuke/posts/dean.yaml:")));
    assert_eq!(counts(&zh), counts(&en));

    // --lang decides, whatever the locale.
    let asked = run_in_locale(&["--lang", "zh", "check"], dir.path(), "C");
    assert_eq!(text(&asked.stderr), zh);
    let asked = run_in_locale(&["check", "--lang", "en"], dir.path(), "zh_CN.UTF-8");
    assert_eq!(text(&asked.stderr), en);
}

#[test]
fn usage_errors_are_in_chinese_too() {
    let dir = example();
    let out = run_in_locale(&["verify", "7QK2-M9XU"], dir.path(), "zh_CN.UTF-8");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "错误: `7QK2-M9XU` 不是校验码：校验码由 8 位字母或数字组成，如 7QK2-M9XD\n");
    let out = run_in_locale(&["--lang", "zh", "sign", "7QK2-M9XD", "--date", "2023-02-30"], dir.path(), "C");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "错误: --date `2023-02-30` 不是有效的日期；请写成 YYYY-MM-DD，例如 2023-01-05\n");
    let out = run_in_locale(&["--lang", "en", "sign", "7QK2-M9XD", "--date", "2023-02-30"], dir.path(), "zh_CN.UTF-8");
    assert_eq!(
        text(&out.stderr),
        "error: --date `2023-02-30` is not a date; write it as YYYY-MM-DD, e.g. 2023-01-05\n"
    );
    let out = run_in_locale(&["check", "elsewhere"], dir.path(), "zh_CN.UTF-8");
    assert!(text(&out.stderr).starts_with("错误: 内容文件夹 `elsewhere` 不存在；"), "{}", text(&out.stderr));
}
