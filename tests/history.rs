//! Duties under version control: small git repositories in temporary folders, built and
//! queried with `build`, `changes` and `verify`. The repositories are made with the `git`
//! binary (tests only); safeduty itself reads them with gix.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use serde_json::Value;

/// Runs git in `dir` with a fixed identity and no user or system configuration.
fn git(dir: &Path, args: &[&str], date: &str) {
    let stamp = format!("{date}T09:00:00+08:00");
    let out = Command::new("git")
        .args(["-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false"])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "安全办")
        .env("GIT_AUTHOR_EMAIL", "office@example.org")
        .env("GIT_COMMITTER_NAME", "安全办")
        .env("GIT_COMMITTER_EMAIL", "office@example.org")
        .env("GIT_AUTHOR_DATE", &stamp)
        .env("GIT_COMMITTER_DATE", &stamp)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
}

fn commit(dir: &Path, date: &str, message: &str) {
    git(dir, &["add", "-A"], date);
    git(dir, &["commit", "-q", "-m", message], date);
}

fn head(dir: &Path) -> String {
    let out = Command::new("git").args(["rev-parse", "HEAD"]).current_dir(dir).output().unwrap();
    text(&out.stdout).trim().to_string()
}

fn write(dir: &Path, rel: &str, body: &str) {
    std::fs::write(dir.join("content").join(rel), body).unwrap();
}

fn build(dir: &Path) -> String {
    let out = run(&["build", "--only", "site", "--out", "output"], dir);
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stderr)
}

fn page(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join("output/site").join(rel)).unwrap()
}

/// The verification code the site shows for the nurse's letter.
fn letter_code(dir: &Path) -> String {
    let html = page(dir, "institutions/clinic/posts/nurse.html");
    let at = html.find("安全生产责任书：护士　赵敏").expect("letter listed");
    html[at..].split("校验码 ").nth(1).unwrap()[..9].to_string()
}

const NURSE_V2: &str = "name: 护士\ndepartment: nursing\ncategory: employee\nreports_to: director\nscope: 本岗位护理区域的安全\nduties:\n  add:\n    - 正确使用、存放医用氧气瓶；\n    - 每月检查一次灭火器。\n";

/// The minimal fixture in a repository with six commits:
///
/// 1. 2023-01-05 the first text;
/// 2. 2023-02-01 the nurse's duties change;
/// 3. 2023-03-01 a file outside content/;
/// 4. 2023-04-01 a person's title (no duty changes);
/// 5. 2023-05-01 a broken file;
/// 6. 2023-05-02 fixed, and the director loses an item.
///
/// Returns the folder and the nurse letter's code after commit 1.
fn repository() -> (tempfile::TempDir, String) {
    let dir = fixture("minimal");
    let d = dir.path();
    std::fs::write(d.join(".gitignore"), "output/\n").unwrap();
    git(d, &["init", "-q"], "2023-01-05");
    commit(d, "2023-01-05", "初版安全生产职责");
    build(d);
    let first_code = letter_code(d);
    write(d, "institutions/clinic/posts/nurse.yaml", NURSE_V2);
    commit(d, "2023-02-01", "护士职责：新增灭火器检查");
    std::fs::write(d.join("README.txt"), "说明").unwrap();
    commit(d, "2023-03-01", "添加说明文件");
    let people = std::fs::read_to_string(d.join("content/institutions/clinic/people.yaml")).unwrap();
    write(d, "institutions/clinic/people.yaml", &people.replace("  name: 王丽\n", "  name: 王丽\n  title: 主任医师\n"));
    commit(d, "2023-04-01", "补充人员职称");
    let director = std::fs::read_to_string(d.join("content/institutions/clinic/posts/director.yaml")).unwrap();
    write(d, "institutions/clinic/posts/director.yaml", "name: [院长\n");
    commit(d, "2023-05-01", "误提交的损坏文件");
    write(
        d,
        "institutions/clinic/posts/director.yaml",
        &format!("{director}duties:\n  remove: [组织制定本单位安全生产规章制度和操作规程]\n"),
    );
    commit(d, "2023-05-02", "院长职责：删除第二条");
    (dir, first_code)
}

#[test]
fn post_pages_show_their_revision_history_and_the_date_in_force() {
    let (dir, _) = repository();
    let d = dir.path();
    let stderr = build(d);
    assert!(!stderr.contains("note:"), "{stderr}");
    let nurse = page(d, "institutions/clinic/posts/nurse.html");
    assert!(nurse.contains("<h2>修订记录</h2>"), "{nurse}");
    // A commit's date is when the text changed in git, not a date in force (施行日期): the
    // content states that (see the next test).
    assert!(nurse.contains("现行职责文本于 <strong>2023年2月1日</strong> 修改，内容未注明施行日期"), "{nurse}");
    assert!(nurse.contains("<summary>提交记录</summary>") && nurse.contains("护士职责：新增灭火器检查</details>"));
    assert!(nurse.contains("<span class=\"diff-tag\">新增第4条</span> <ins>每月检查一次灭火器。</ins>"), "{nurse}");
    // The reworded item: the inserted characters are marked.
    assert!(nurse.contains("修改第3条</span> 正确使用<ins>、存放</ins>医用氧气瓶；"), "{nurse}");
    assert!(nurse.contains("初版安全生产职责") && nurse.contains("新设岗位"));
    assert!(!nurse.contains("补充人员职称"), "a commit without duty changes is not a revision");
    let director = page(d, "institutions/clinic/posts/director.html");
    assert!(director.contains("现行职责文本于 <strong>2023年5月2日</strong> 修改"), "{director}");
    assert!(
        director.contains("删除原第2条</span> <del>组织制定本单位安全生产规章制度和操作规程；</del>"),
        "{director}"
    );
}

/// The content states when a text applies and why it changed (修订说明): on the institution, the
/// category or the post. The latest date is the date in force; a version in git that states
/// one is headed by it, its commit a detail.
#[test]
fn stated_revisions_give_the_date_in_force_and_head_their_version() {
    let (dir, _) = repository();
    let d = dir.path();
    let nurse = NURSE_V2.replace("scope:", "revisions:\n  - date: 2023-06-01\n    note: 新增消防通道检查\nscope:")
        + "    - 每周检查一次消防通道。\n";
    write(d, "institutions/clinic/posts/nurse.yaml", &nurse);
    let institution = std::fs::read_to_string(d.join("content/institutions/clinic/institution.yaml")).unwrap();
    write(
        d,
        "institutions/clinic/institution.yaml",
        &format!("{institution}revisions:\n  - date: 2023-01-02\n    note: 制定本院全员安全生产责任制\n"),
    );
    commit(d, "2023-05-20", "nurse: fire exits");
    build(d);
    let page = page(d, "institutions/clinic/posts/nurse.html");
    assert!(page.contains("现行职责文本自 <strong>2023年6月1日</strong> 起施行。"), "{page}");
    let stated = page.find("<h3>修订说明</h3>").expect("the stated revisions");
    let (first, second) = (page.find("新增消防通道检查").unwrap(), page.find("制定本院全员安全生产责任制").unwrap());
    assert!(stated < first && first < second, "newest first: {page}");
    assert!(page.contains("（本单位）") && page.contains("（本岗位）"), "{page}");
    // The version that added the note is headed by it; its commit message is a detail.
    let version = page.find("<h3>逐条变更</h3>").unwrap();
    let headed = &page[version..];
    assert!(
        headed.contains(
            "<div class=\"revision\"><time datetime=\"2023-06-01\">2023年6月1日</time>起施行：新增消防通道检查"
        ),
        "{page}"
    );
    assert!(headed.contains("2023年5月20日</time>：nurse: fire exits</details>"), "{page}");
    assert!(crate::page(d, "changes.html").contains("起施行：新增消防通道检查"));

    // Without git the stated revisions are the record.
    std::fs::remove_dir_all(d.join(".git")).unwrap();
    build(d);
    let page = crate::page(d, "institutions/clinic/posts/nurse.html");
    assert!(page.contains("现行职责文本自 <strong>2023年6月1日</strong> 起施行。"), "{page}");
    assert!(
        page.contains("<h3>修订说明</h3>") && !page.contains("逐条变更") && !page.contains("changes.html"),
        "{page}"
    );
    // Other posts of the institution show the institution's revision.
    assert!(crate::page(d, "institutions/clinic/posts/director.html").contains("制定本院全员安全生产责任制"));
}

#[test]
fn the_changelog_lists_changes_by_date_and_institution() {
    let (dir, _) = repository();
    let d = dir.path();
    build(d);
    let home = page(d, "index.html");
    assert!(home.contains("href=\"changes.html\""), "{home}");
    let log = page(d, "changes.html");
    let dates: Vec<usize> = ["2023-05-02", "2023-02-01", "2023-01-05"].iter().map(|x| log.find(x).unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] < w[1]), "newest first");
    assert!(log.contains("<h3><a href=\"institutions/clinic/index.html\">测试卫生院</a></h3>"), "{log}");
    assert!(log.contains("误提交的损坏文件") && log.contains("未计入修订记录"), "the broken commit is a note: {log}");
    assert!(!log.contains("添加说明文件"), "commits outside content/ are not read");
    assert!(!log.contains("补充人员职称"));
    // Same repository, same bytes.
    build(d);
    assert_eq!(log, page(d, "changes.html"));
}

#[test]
fn uncommitted_changes_are_shown_as_not_yet_committed() {
    let (dir, _) = repository();
    let d = dir.path();
    write(d, "institutions/clinic/posts/nurse.yaml", &NURSE_V2.replace("每月检查一次灭火器。", "每周检查一次灭火器。"));
    build(d);
    let nurse = page(d, "institutions/clinic/posts/nurse.html");
    assert!(nurse.contains("现行职责文本有<strong>尚未提交</strong>的修改"), "{nurse}");
    assert!(nurse.contains("每<del>月</del><ins>周</ins>检查一次灭火器。"), "{nurse}");
    assert!(page(d, "changes.html").contains("尚未提交"));

    // `changes` compares with HEAD by default: the nurse's card and letter are to sign again.
    let out = run(&["changes"], d);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("1 post(s) changed: print 1 card(s) and have 1 letter(s) signed again"), "{stdout}");
    assert!(stdout.contains("~ 4. 每月检查一次灭火器。") && stdout.contains("→ 4. 每周检查一次灭火器。"), "{stdout}");
    assert!(stdout.contains("pdf/clinic/letters/nurse--zhao-min.pdf"), "{stdout}");
}

#[test]
fn changes_since_a_date_or_a_revision() {
    let (dir, _) = repository();
    let d = dir.path();
    let out = run(&["changes", "--since", "2023-01-31", "--format", "json"], d);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["since"]["date"], "2023-01-05");
    assert_eq!(json["since"]["summary"], "初版安全生产职责");
    let posts = json["posts"].as_array().unwrap();
    let ids: Vec<&str> = posts.iter().map(|p| p["post"].as_str().unwrap()).collect();
    assert_eq!(ids, ["director", "nurse"]);
    let nurse = &posts[1];
    assert_eq!(nurse["kind"], "changed");
    let kinds: Vec<&str> = nurse["items"].as_array().unwrap().iter().map(|i| i["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["reworded", "added"]);
    assert_eq!(nurse["letters"][0]["id"], "nurse--zhao-min");
    assert_eq!(nurse["cards"][0]["file"], "pdf/clinic/cards/nurse.pdf");
    assert_eq!(posts[0]["letters"].as_array().unwrap().len(), 0, "the principal signs no letter as 乙方");

    // HEAD~1 is the broken commit: a clear error, exit 1.
    let out = run(&["changes", "--since", "HEAD~1"], d);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("cannot be read"), "{}", text(&out.stderr));
    // HEAD~2 (people only) by abbreviated id: only the director changed since.
    let out = run(&["changes", "--since", "HEAD~2"], d);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("补充人员职称") && stdout.contains("1 post(s) changed"), "{stdout}");
    let out = run(&["changes", "--since", &head(d)[..8]], d);
    assert!(text(&out.stdout).contains("no post's duties changed"), "{}", text(&out.stdout));

    for (bad, says) in [
        ("no-such-branch", "no commit, branch or tag `no-such-branch`"),
        ("2023-02-30", "not a valid date"),
        ("2022-12-31", "no commit on or before 2022-12-31"),
        ("HEAD~9", "goes past the oldest commit"),
    ] {
        let out = run(&["changes", "--since", bad], d);
        assert_eq!(out.status.code(), Some(1), "{bad}");
        assert!(text(&out.stderr).contains(says), "{bad}: {}", text(&out.stderr));
    }
}

#[test]
fn verify_tells_current_outdated_and_unknown_codes() {
    let (dir, first_code) = repository();
    let d = dir.path();
    build(d);
    let current = letter_code(d);
    assert_ne!(current, first_code);

    // Lower case and without the dash, as someone might type it.
    let typed = current.replace('-', "").to_lowercase();
    let out = run(&["verify", &typed], d);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("responsibility letter “测试卫生院　赵敏安全生产责任书”"), "{stdout}");
    assert!(stdout.contains("of 2023-02-01 “护士职责：新增灭火器检查”"), "{stdout}");
    assert!(stdout.contains("current: yes"), "{stdout}");

    let out = run(&["verify", &first_code], d);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("of 2023-01-05 “初版安全生产职责”"), "{stdout}");
    assert!(stdout.contains(&format!("current: no, outdated; the current text has code {current}")), "{stdout}");
    assert!(stdout.contains("+ 4. 每月检查一次灭火器。"), "{stdout}");

    let out = run(&["verify", "0000-0000"], d);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("no card or letter has this code"), "{}", text(&out.stdout));
    let out = run(&["verify", "hello"], d);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("is not a verification code"));
}

#[test]
fn content_outside_git_builds_without_history() {
    let dir = fixture("minimal");
    let d = dir.path();
    let out = run(&["build", "--only", "site", "--out", "output", "--deny-warnings"], d);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("note: content is not in a git repository"), "{}", text(&out.stderr));
    assert!(!d.join("output/site/changes.html").exists());
    assert!(!page(d, "institutions/clinic/posts/nurse.html").contains("修订记录"));
    assert!(!page(d, "index.html").contains("changes.html"));
    let out = run(&["changes"], d);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("not in a git repository"));
}

#[test]
fn a_shallow_clone_has_history_up_to_its_depth() {
    let (dir, first_code) = repository();
    let clone = dir.path().join("clone");
    let url = format!("file://{}", dir.path().display());
    git(dir.path(), &["clone", "-q", "--depth", "1", &url, clone.to_str().unwrap()], "2023-06-01");
    let stderr = build(&clone);
    assert!(stderr.contains("shallow clone"), "{stderr}");
    let log = page(&clone, "changes.html");
    assert!(log.contains("浅克隆"), "{log}");
    assert!(!log.contains("护士职责：新增灭火器检查"), "older commits are not in the clone");
    let nurse = page(&clone, "institutions/clinic/posts/nurse.html");
    assert!(nurse.contains("现行职责文本于 <strong>2023年5月2日（或更早）</strong>"), "{nurse}");
    // The first text's code is in no version the clone has.
    assert_eq!(run(&["verify", &first_code], &clone).status.code(), Some(1));
}

#[test]
fn a_content_folder_that_is_itself_the_repository() {
    let dir = fixture("minimal");
    let content = dir.path().join("content");
    git(&content, &["init", "-q"], "2024-03-01");
    commit(&content, "2024-03-01", "建立职责内容仓库");
    let stderr = build(dir.path());
    assert!(!stderr.contains("note:"), "{stderr}");
    let nurse = page(dir.path(), "institutions/clinic/posts/nurse.html");
    assert!(nurse.contains("现行职责文本于 <strong>2024年3月1日</strong> 修改"), "{nurse}");
    // A card's code is found as well as a letter's.
    let at = nurse.find("岗位安全生产责任清单（PDF）").unwrap();
    let code = nurse[at..].split("校验码 ").nth(1).unwrap()[..9].to_string();
    let out = run(&["verify", &code], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("duty card") && stdout.contains("of 2024-03-01 “建立职责内容仓库”"), "{stdout}");
}

/// The body of a page served by `safeduty serve`, once `pred` holds (10 s at most).
fn served(port: u16, path: &str, pred: impl Fn(&str) -> bool) -> String {
    use std::io::{Read, Write};
    let started = std::time::Instant::now();
    loop {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream.set_read_timeout(Some(std::time::Duration::from_secs(30))).unwrap();
        write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
        let mut body = String::new();
        stream.read_to_string(&mut body).unwrap();
        if pred(&body) {
            return body;
        }
        assert!(started.elapsed().as_secs() < 10, "timed out waiting on {path}: {body}");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn the_preview_shows_the_history_and_uncommitted_edits() {
    let (dir, _) = repository();
    let d = dir.path();
    let server = serve("content", d);
    let path = "/institutions/clinic/posts/nurse.html";
    served(server.port, path, |b| b.contains("现行职责文本于 <strong>2023年2月1日</strong> 修改"));
    write(d, "institutions/clinic/posts/nurse.yaml", &NURSE_V2.replace("每月", "每周"));
    served(server.port, path, |b| b.contains("现行职责文本有<strong>尚未提交</strong>的修改"));
    served(server.port, "/changes.html", |b| b.contains("尚未提交"));
}

#[test]
fn content_given_as_files_resolves_like_content_on_disk() {
    let root = repo().join("content");
    let files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(&root)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(&root).unwrap();
            let rel: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            (rel.join("/"), std::fs::read(e.path()).unwrap())
        })
        .collect();
    let disk = safeduty::checked::check(&root, |_| {});
    let mut report = safeduty::diagnostic::Report::default();
    let content = safeduty::load::load_files(&root, files, &mut report);
    let given = safeduty::checked::check_loaded(content, report, |_| {});
    let json = |m: Option<safeduty::model::Model>| serde_json::to_string(&m.expect("the example is clean")).unwrap();
    assert_eq!(json(disk.model), json(given.model));
}
