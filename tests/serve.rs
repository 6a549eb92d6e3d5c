//! `safeduty serve` as a browser sees it: pages over HTTP, rebuild on save, errors in the page.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::*;

fn start(dir: &std::path::Path) -> Server {
    serve("content", dir)
}

/// A plain HTTP/1.0 GET: (status, body).
fn get(port: u16, path: &str) -> (u16, String) {
    let (status, body) = get_bytes(port, path);
    (status, String::from_utf8_lossy(&body).into_owned())
}

fn get_bytes(port: u16, path: &str) -> (u16, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let head_end = response.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&response[..head_end]).into_owned();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, response[head_end + 4..].to_vec())
}

/// Polls `path` until `pred` holds; returns how long it took.
fn wait_for(port: u16, path: &str, pred: impl Fn(&str) -> bool) -> Duration {
    let started = Instant::now();
    loop {
        let (_, body) = get(port, path);
        if pred(&body) {
            return started.elapsed();
        }
        assert!(started.elapsed() < Duration::from_secs(10), "timed out waiting on {path}: {body}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn serve_rebuilds_on_save_and_shows_errors_in_the_page() {
    let dir = fixture("minimal");
    let server = start(dir.path());
    let port = server.port;

    let (status, home) = get(port, "/");
    assert_eq!(status, 200);
    assert!(home.contains("测试卫生院"));
    assert!(home.contains("/__safeduty/livereload.js"), "live reload injected");
    let (status, css) = get(port, "/static/style.css");
    assert_eq!(status, 200);
    assert!(css.contains("--accent"));
    // Percent-encoded paths (browsers encode Chinese file names) are decoded.
    assert_eq!(get(port, "/static/%73tyle.css").0, 200);
    let (status, missing) = get(port, "/nowhere.html");
    assert_eq!(status, 404);
    assert!(missing.contains("页面未找到"));

    // An edit shows up quickly.
    let post = dir.path().join("content/institutions/clinic/posts/nurse.yaml");
    let text = std::fs::read_to_string(&post).unwrap();
    std::fs::write(&post, text.replace("正确使用医用氧气瓶；", "每班检查氧气瓶压力；")).unwrap();
    let took = wait_for(port, "/institutions/clinic/posts/nurse.html", |b| b.contains("每班检查氧气瓶压力"));
    assert!(took < Duration::from_secs(3), "edit visible after {took:?}");

    // A mistake: the last good page stays, with the error on top.
    std::fs::write(&post, text.replace("scope:", "scpoe:")).unwrap();
    wait_for(port, "/institutions/clinic/posts/nurse.html", |b| b.contains("safeduty-error"));
    let (status, page) = get(port, "/institutions/clinic/posts/nurse.html");
    assert_eq!(status, 200);
    assert!(page.contains("unknown key `scpoe`") && page.contains("每班检查氧气瓶压力"), "{page}");

    // Fixed: the overlay goes away.
    std::fs::write(&post, &text).unwrap();
    wait_for(port, "/institutions/clinic/posts/nurse.html", |b| {
        !b.contains("safeduty-error") && b.contains("正确使用医用氧气瓶")
    });
}

#[test]
fn the_change_endpoint_answers_at_once_and_counts_rebuilds() {
    let dir = fixture("minimal");
    let server = start(dir.path());
    let port = server.port;
    // (version, the version at which a file other than a page last changed)
    let versions = || -> (u64, u64) {
        let json: serde_json::Value = serde_json::from_str(&get(port, "/__safeduty/changes").1).unwrap();
        (json["version"].as_u64().unwrap(), json["assets"].as_u64().unwrap())
    };
    let started = std::time::Instant::now();
    let (status, _) = get(port, "/__safeduty/changes");
    assert_eq!(status, 200);
    assert!(started.elapsed() < Duration::from_millis(500), "answered at once");
    let (before, assets) = versions();
    std::fs::write(dir.path().join("content/pages/about.md"), "---\ntitle: 关于\n---\n\n新内容。\n").unwrap();
    wait_for(port, "/pages/about.html", |b| b.contains("新内容"));
    // Only pages changed: a browser may swap the new page in.
    assert_eq!(versions(), (before + 1, assets));
    // A style sheet changed: browsers must reload.
    std::fs::create_dir_all(dir.path().join("content/theme/static")).unwrap();
    std::fs::write(dir.path().join("content/theme/static/style.css"), "body { color: #123; }\n").unwrap();
    wait_for(port, "/static/style.css", |b| b.contains("#123"));
    // (Creating the file and writing it may come as two rebuilds.)
    let (version, assets) = versions();
    assert!(version >= before + 2 && assets == version, "{version} {assets}");
    // And the pages say so, for the live-reload script.
    assert!(get(port, "/").1.contains(&format!("data-version=\"{version}\" data-assets=\"{version}\"")));
}

#[test]
fn reading_files_does_not_trigger_rebuilds() {
    let dir = fixture("minimal");
    let server = start(dir.path());
    // Serving pages, and the rebuild itself, read files; neither may count as a change.
    for _ in 0..3 {
        assert_eq!(get(server.port, "/").0, 200);
        std::fs::read_to_string(dir.path().join("content/pages/about.md")).unwrap();
    }
    std::thread::sleep(Duration::from_millis(600));
    let rebuilds = server.log.lock().unwrap().iter().filter(|l| l.starts_with("rebuilt")).count();
    assert_eq!(rebuilds, 0, "{:?}", server.log.lock().unwrap());
}

/// How many times the server drew an institution's PDFs so far.
fn draws(server: &Server) -> usize {
    server.log.lock().unwrap().iter().filter(|l| l.starts_with("drew the ")).count()
}

/// Waits until the server's log shows `n` drawings (it is read on a thread of its own).
fn wait_for_draws(server: &Server, n: usize) {
    let started = Instant::now();
    while draws(server) < n {
        assert!(started.elapsed() < Duration::from_secs(10), "{:?}", server.log.lock().unwrap());
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Without a CJK font the pages do not link PDFs (and CI has one).
fn no_fonts(page: &str, pdf: &str) -> bool {
    let missing = !page.contains(pdf);
    assert!(!missing || std::env::var_os("CI").is_none(), "CI has fonts: PDFs must be linked");
    missing
}

/// The preview draws an institution's PDFs when a browser first asks for one of them (it does
/// not hold a province's PDFs), keeps them until the content changes, and serves the bytes
/// `build` writes, before and after an edit.
#[test]
fn the_preview_draws_pdfs_when_asked_for_and_again_after_an_edit() {
    let dir = fixture("minimal");
    let server = start(dir.path());
    let card = "/pdf/clinic/cards/nurse.pdf";
    if no_fonts(&get(server.port, "/institutions/clinic/posts/nurse.html").1, "cards/nurse.pdf") {
        return eprintln!("skipped: no CJK font installed, no PDFs");
    }
    let (status, served) = get_bytes(server.port, card);
    let built = |name: &str| {
        let out = dir.path().join(name);
        let run = run(&["build", "content", "--out", out.to_str().unwrap()], dir.path());
        assert!(run.status.success(), "{}", text(&run.stderr));
        snapshot(&out.join("site/pdf"))
    };
    let before = built("out-before");
    assert_eq!((status, &served), (200, &before[std::path::Path::new("clinic/cards/nurse.pdf")]));
    wait_for_draws(&server, 1);
    // Every file of the institution came with it; none is drawn again.
    for (path, bytes) in &before {
        assert_eq!(&get_bytes(server.port, &format!("/pdf/{}", path.display())).1, bytes, "{}", path.display());
    }
    assert_eq!(draws(&server), 1);
    assert_eq!(get(server.port, "/pdf/clinic/cards/nobody.pdf").0, 404);

    let post = dir.path().join("content/institutions/clinic/posts/nurse.yaml");
    let yaml = std::fs::read_to_string(&post).unwrap();
    std::fs::write(&post, yaml.replacen("scope: ", "scope: 含夜班，", 1)).unwrap();
    wait_for(server.port, "/institutions/clinic/posts/nurse.html", |b| b.contains("含夜班"));
    let after = built("out-after");
    let (status, served) = get_bytes(server.port, card);
    assert_eq!((status, &served), (200, &after[std::path::Path::new("clinic/cards/nurse.pdf")]));
    assert_ne!(served, before[std::path::Path::new("clinic/cards/nurse.pdf")]);
    wait_for_draws(&server, 2);
    std::thread::sleep(Duration::from_millis(100));
    assert_eq!(draws(&server), 2, "{:?}", server.log.lock().unwrap());
}

/// The scan of a signed letter, published below `pdf/` by the pages pass, is served as it is
/// (nothing is drawn for it) and goes when its signing record does.
#[test]
fn the_preview_serves_scans_of_signed_letters_without_drawing() {
    let dir = fixture("minimal");
    let server = start(dir.path());
    let person = get(server.port, "/institutions/clinic/people/zhao-min.html").1;
    let letter = person.find("安全生产责任书：护士　赵敏").expect("the letter is listed");
    let code = person[letter..].split("校验码 ").nth(1).unwrap()[..9].to_string();
    let inst = dir.path().join("content/institutions/clinic");
    std::fs::create_dir_all(inst.join("scans")).unwrap();
    std::fs::write(inst.join("scans/zhao-min-2023.pdf"), b"%PDF-1.4 scan").unwrap();
    let record = format!("  - post: nurse\n    person: zhao-min\n    date: 2023-01-15\n    code: {code}\n");
    std::fs::write(inst.join("signing.yaml"), format!("signed:\n{record}    scan: scans/zhao-min-2023.pdf\n")).unwrap();
    wait_for(server.port, "/institutions/clinic/people/zhao-min.html", |b| b.contains("已签订 2023年1月15日"));
    let scan = "/pdf/clinic/scans/scans/zhao-min-2023.pdf";
    assert_eq!(get(server.port, scan), (200, "%PDF-1.4 scan".to_string()));
    assert_eq!(draws(&server), 0, "{:?}", server.log.lock().unwrap());
    // The record stays, without its scan: an edit inside the institution, whose pass renders
    // that institution's pages only.
    let seen = server.log.lock().unwrap().len();
    std::fs::write(inst.join("signing.yaml"), format!("signed:\n{record}")).unwrap();
    log_line(&server, seen, "rebuilt the pages of 1 institution(s)");
    wait_for(server.port, scan, |b| b.contains("页面未找到"));
}

/// A campaign's phase reports are drawn with the documents of the institution that issues it.
#[test]
fn the_preview_draws_a_phase_report_with_its_issuers_documents() {
    let dir = example();
    let server = start(dir.path());
    let (status, home) = get(server.port, "/campaigns/lyg-120-2016/index.html");
    assert_eq!(status, 200);
    let report = home.split("href=\"").filter_map(|h| h.split('"').next()).find(|h| h.contains("pdf/campaigns/"));
    if no_fonts(&home, "pdf/campaigns/") {
        return eprintln!("skipped: no CJK font installed, no PDFs");
    }
    let report = report.expect("the campaign page links a phase report").trim_start_matches("../").to_string();
    let (status, served) = get_bytes(server.port, &format!("/{report}"));
    assert_eq!(status, 200);
    let out = dir.path().join("out");
    let run = run(
        &["build", "content", "--out", out.to_str().unwrap(), "--only", "reports,cards,letters,notices"],
        dir.path(),
    );
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert_eq!(served, std::fs::read(out.join("site").join(&report)).unwrap());
    let (line, _) = log_line(&server, 0, "drew the ");
    assert!(line.contains(" of lyg-120 in "), "{line}");
}

/// The first post file (by name) of an institution of the content under `dir`.
fn first_post(dir: &std::path::Path, institution: &str) -> std::path::PathBuf {
    let posts = dir.join("content/institutions").join(institution).join("posts");
    std::fs::read_dir(posts).unwrap().map(|e| e.unwrap().path()).min().unwrap()
}

/// Waits for a line of the server's log that contains `what`, after `skip` lines; returns it
/// and the number of lines seen.
fn log_line(server: &Server, skip: usize, what: &str) -> (String, usize) {
    let started = Instant::now();
    loop {
        {
            let log = server.log.lock().unwrap();
            if let Some((n, l)) = log.iter().enumerate().skip(skip).find(|(_, l)| l.contains(what)) {
                return (l.clone(), n + 1);
            }
        }
        assert!(started.elapsed() < Duration::from_secs(60), "no `{what}`: {:?}", server.log.lock().unwrap());
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// An edit inside one institution's folder renders that institution's pages and the pages of
/// no institution only, and keeps every other page; renaming the institution (which other
/// pages show) renders everything.
#[test]
fn an_edit_in_one_institution_renders_its_pages_only() {
    let dir = example();
    let server = start(dir.path());
    let port = server.port;
    // The first build, both passes, is done before the server says where it listens.
    let seen = 0;
    // A page without the live-reload script (which carries the build's version).
    let page_of = |path: &str| {
        let (status, body) = get(port, path);
        assert_eq!(status, 200, "{path}");
        body.split("<script src=\"/__safeduty/livereload.js\"").next().unwrap().to_string()
    };
    let other = page_of("/institutions/lyg-120/index.html");

    let tuke = dir.path().join("content/institutions/wsq-tuke");
    let post = first_post(dir.path(), "wsq-tuke");
    let yaml = std::fs::read_to_string(&post).unwrap();
    std::fs::write(&post, yaml.replacen("scope: ", "scope: 含夜班，", 1)).unwrap();
    let (line, seen) = log_line(&server, seen, "rebuilt");
    assert!(line.contains("the pages of 1 institution(s) and the site's own pages"), "{line}");
    let page = format!("/institutions/wsq-tuke/posts/{}.html", post.file_stem().unwrap().to_string_lossy());
    assert!(page_of(&page).contains("含夜班"), "the edited post's page is new");
    assert_eq!(page_of("/institutions/lyg-120/index.html"), other, "another institution's page is kept");
    assert!(page_of("/").contains("乌审旗图克镇卫生院"), "the home page is rendered again");
    page_of("/search.html");

    // The role category pages list the posts by name: renaming one renders them again (they are
    // kept after an edit that leaves what they show as it was, as the scope edit above).
    let yaml = std::fs::read_to_string(&post).unwrap();
    let category = yaml.lines().find_map(|l| l.strip_prefix("category: ")).unwrap().trim().to_string();
    let name = yaml.lines().find_map(|l| l.strip_prefix("name: ")).unwrap().trim().to_string();
    std::fs::write(&post, yaml.replacen(&format!("name: {name}"), &format!("name: {name}（兼）"), 1)).unwrap();
    let (line, seen) = log_line(&server, seen, "rebuilt");
    assert!(line.contains("the pages of 1 institution(s) and the site's own pages"), "{line}");
    assert!(
        page_of(&format!("/categories/{category}.html")).contains(&format!("{name}（兼）")),
        "renamed on its category's page"
    );

    // The name shows on other pages (the home, the parent's list of members): everything again.
    let inst = tuke.join("institution.yaml");
    let yaml = std::fs::read_to_string(&inst).unwrap();
    std::fs::write(&inst, yaml.replacen("name: 乌审旗图克镇卫生院", "name: 乌审旗图克镇中心卫生院", 1)).unwrap();
    let (line, _) = log_line(&server, seen, "rebuilt");
    assert!(line.contains("rebuilt every page"), "{line}");
    assert!(page_of("/institutions/wsq-wjw/index.html").contains("乌审旗图克镇中心卫生院"));
}

/// The example content with its search index in parts of 100 pages (four parts).
fn example_in_parts() -> tempfile::TempDir {
    let dir = example();
    let settings = dir.path().join("content/safeduty.yaml");
    let yaml = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, format!("{yaml}\nsearch_part_pages: 100\n")).unwrap();
    dir
}

/// The search index is built in parts of whole institutions; after an edit in one institution
/// only its part is indexed again.
#[test]
fn an_edit_in_one_institution_indexes_its_part_of_the_search_only() {
    let dir = example_in_parts();
    let server = start(dir.path());
    // Each part's entry file names the hashes of its index files.
    let entries = || -> Vec<String> {
        (1..)
            .map(|n| match n {
                1 => "/pagefind/pagefind-entry.json".to_string(),
                _ => format!("/pagefind/parts/{n}/pagefind-entry.json"),
            })
            .map(|path| get(server.port, &path))
            .take_while(|(status, _)| *status == 200)
            .map(|(_, body)| body)
            .collect()
    };
    let before = entries();
    assert!(before.len() >= 4, "{} parts", before.len());
    let post = first_post(dir.path(), "wsq-tuke");
    let yaml = std::fs::read_to_string(&post).unwrap();
    std::fs::write(&post, yaml.replacen("scope: ", "scope: 夜间巡查，", 1)).unwrap();
    let (line, _) = log_line(&server, 0, "search index updated");
    assert!(line.contains(&format!("1 of {} parts indexed", before.len())), "{line}");
    let after = entries();
    let changed = before.iter().zip(&after).filter(|(b, a)| b != a).count();
    assert_eq!((changed, after.len()), (1, before.len()), "exactly one part's index changed");
}

/// The preview indexes the pages it serves, keeping the parts whose pages did not change: after
/// an edit its search index is, file for file, the one `build` writes.
#[test]
fn the_preview_serves_the_search_index_build_writes() {
    let dir = example_in_parts();
    let server = start(dir.path());
    let post = first_post(dir.path(), "wsq-tuke");
    let yaml = std::fs::read_to_string(&post).unwrap();
    std::fs::write(&post, yaml.replacen("scope: ", "scope: 夜间巡查，", 1)).unwrap();
    let (line, _) = log_line(&server, 0, "search index updated");
    assert!(line.contains("(1 of "), "{line}");
    let out = dir.path().join("built");
    let built = run(&["build", "content", "--out", out.to_str().unwrap()], dir.path());
    assert!(built.status.success(), "{}", text(&built.stderr));
    let index = snapshot(&out.join("site/pagefind"));
    assert!(index.len() > 20, "{} files", index.len());
    for (path, bytes) in &index {
        let url = format!("/pagefind/{}", path.display());
        let (status, served) = get_bytes(server.port, &url);
        assert_eq!(status, 200, "{url}");
        assert!(served == *bytes, "{url} differs from the built file");
    }
}

/// Edits in place in one institution, then in another: the second pass takes the first
/// institution as the first pass resolved it, and the PDFs drawn afterwards are still those
/// `build` writes from the content as it now is, for both institutions.
#[test]
fn edits_in_two_institutions_one_after_the_other_both_show() {
    let dir = example();
    let server = start(dir.path());
    let posts = [first_post(dir.path(), "wsq-tuke"), first_post(dir.path(), "lyg-120")];
    let pages: Vec<String> = posts
        .iter()
        .map(|p| {
            let inst = p.parent().unwrap().parent().unwrap().file_name().unwrap().to_string_lossy().into_owned();
            format!("/institutions/{inst}/posts/{}.html", p.file_stem().unwrap().to_string_lossy())
        })
        .collect();
    for (post, (page, mark)) in posts.iter().zip(pages.iter().zip(["夜间巡查，", "出车前检查，"])) {
        let yaml = std::fs::read_to_string(post).unwrap();
        // Written in place, not replaced: the pass reads this file alone.
        std::fs::OpenOptions::new()
            .write(true)
            .open(post)
            .unwrap()
            .write_all(yaml.replacen("scope: ", &format!("scope: {mark}"), 1).as_bytes())
            .unwrap();
        wait_for(server.port, page, |b| b.contains(mark));
    }
    assert!(get(server.port, &pages[0]).1.contains("夜间巡查，"), "the first edit stays");
    if std::fs::canonicalize(dir.path()).unwrap() == dir.path() {
        log_line(&server, 0, "other institutions as resolved before");
    }
    if no_fonts(&get(server.port, &pages[0]).1, "cards/") {
        return eprintln!("skipped: no CJK font installed, no PDFs");
    }
    let out = dir.path().join("built");
    let built = run(&["build", "content", "--out", out.to_str().unwrap()], dir.path());
    assert!(built.status.success(), "{}", text(&built.stderr));
    for post in &posts {
        let inst = post.parent().unwrap().parent().unwrap().file_name().unwrap().to_string_lossy().into_owned();
        let card = format!("{inst}/cards/{}.pdf", post.file_stem().unwrap().to_string_lossy());
        let (status, served) = get_bytes(server.port, &format!("/pdf/{card}"));
        assert_eq!(status, 200, "{card}");
        assert!(served == std::fs::read(out.join("site/pdf").join(&card)).unwrap(), "{card} differs from build's");
    }
}

/// A mistake in one institution, then an edit in another while the mistake stands (that pass
/// fails too): once the mistake is fixed, the other edit shows as well (the pass after a failed
/// one renders every page).
#[test]
fn after_a_failed_rebuild_every_edit_since_the_last_good_one_shows() {
    let dir = example();
    let server = start(dir.path());
    let port = server.port;
    let (good, bad) = (first_post(dir.path(), "wsq-tuke"), first_post(dir.path(), "wsq-cdc"));
    let (good_yaml, bad_yaml) = (std::fs::read_to_string(&good).unwrap(), std::fs::read_to_string(&bad).unwrap());
    std::fs::write(&bad, bad_yaml.replacen("scope:", "scpoe:", 1)).unwrap();
    let (_, seen) = log_line(&server, 0, "build failed");
    std::fs::write(&good, good_yaml.replacen("scope: ", "scope: 含夜班，", 1)).unwrap();
    let (_, seen) = log_line(&server, seen, "build failed");

    std::fs::write(&bad, &bad_yaml).unwrap();
    let (line, _) = log_line(&server, seen, "rebuilt");
    assert!(line.contains("rebuilt every page"), "{line}");
    let page = format!("/institutions/wsq-tuke/posts/{}.html", good.file_stem().unwrap().to_string_lossy());
    assert!(get(port, &page).1.contains("含夜班"), "the good edit made during the failure shows");
}

/// The row of the home page's table of institutions that names `name`.
fn home_row(port: u16, name: &str) -> String {
    let home = get(port, "/").1;
    let link = format!(">{name}</a></td>");
    let row = home.split("<tr").find(|row| row.contains(&link));
    row.unwrap_or_else(|| panic!("{name} is in the home page's table")).split("</tr>").next().unwrap().to_string()
}

/// The preview keeps the documents of the institutions an edit left alone: after a signing
/// record is removed in one institution, the home page counts one letter fewer signed there
/// and the same as before everywhere else.
#[test]
fn an_edit_in_one_institution_renews_its_documents_and_keeps_the_others() {
    let dir = example();
    let server = start(dir.path());
    let port = server.port;
    let (tuke, other) = (home_row(port, "乌审旗图克镇卫生院"), home_row(port, "连云港市急救中心"));
    assert!(tuke.contains("12/17"), "{tuke}");

    let signing = dir.path().join("content/institutions/wsq-tuke/signing.yaml");
    let yaml = std::fs::read_to_string(&signing).unwrap();
    let first = yaml.find("  - post:").unwrap();
    let second = first + 1 + yaml[first + 1..].find("  - post:").unwrap();
    std::fs::write(&signing, format!("{}{}", &yaml[..first], &yaml[second..])).unwrap();
    let (line, seen) = log_line(&server, 0, "rebuilt");
    assert!(line.contains("the pages of 1 institution(s)"), "{line}");
    assert!(home_row(port, "乌审旗图克镇卫生院").contains("11/17"), "{}", home_row(port, "乌审旗图克镇卫生院"));
    assert_eq!(home_row(port, "连云港市急救中心"), other, "the other institutions' documents are kept");

    // Back as it was: the home page is made again from what it was first made from (a page of
    // no institution is kept only when it would be made from what the last pass made it from).
    std::fs::write(&signing, &yaml).unwrap();
    let (line, _) = log_line(&server, seen, "rebuilt");
    assert!(line.contains("the pages of 1 institution(s)"), "{line}");
    assert_eq!(home_row(port, "乌审旗图克镇卫生院"), tuke);
}

/// A post file created, written in place, then removed: each shows (a write in place reads
/// that file only; a created or removed file makes the pass walk the tree again).
#[test]
fn a_new_post_file_shows_then_goes() {
    let dir = fixture("minimal");
    let server = start(dir.path());
    let posts = dir.path().join("content/institutions/clinic/posts");
    let yaml = std::fs::read_to_string(posts.join("nurse.yaml")).unwrap();
    let new = posts.join("night-nurse.yaml");
    std::fs::write(&new, yaml.replacen("name: 护士", "name: 夜班护士", 1)).unwrap();
    let page = "/institutions/clinic/posts/night-nurse.html";
    wait_for(server.port, page, |b| b.contains("夜班护士"));
    std::fs::write(&new, yaml.replacen("name: 护士", "name: 夜班值守护士", 1)).unwrap();
    wait_for(server.port, page, |b| b.contains("夜班值守护士"));
    // Written in place: the pass read that file only (when the file system names paths as the
    // watcher does; a symlinked temporary folder would make it walk, which is right too).
    if std::fs::canonicalize(dir.path()).unwrap() == dir.path() {
        log_line(&server, 0, "(read the written files only");
    }
    std::fs::remove_file(&new).unwrap();
    wait_for(server.port, page, |b| b.contains("页面未找到"));
}

/// The preview answers only requests for this machine's names (a page elsewhere that points its
/// own host name at 127.0.0.1 reads nothing), many idle connections cost no thread each and
/// do not keep others out, and an idle connection is closed.
#[test]
fn the_preview_answers_only_this_machine_and_closes_idle_connections() {
    let dir = fixture("minimal");
    let server = start(dir.path());
    let port = server.port;
    let request = |host: &str| {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        write!(stream, "GET / HTTP/1.0\r\nHost: {host}\r\n\r\n").unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response
    };
    assert!(request(&format!("127.0.0.1:{port}")).starts_with("HTTP/1.0 200"));
    assert!(request(&format!("localhost:{port}")).starts_with("HTTP/1.0 200"));
    let rebound = request(&format!("attacker.example:{port}"));
    assert!(rebound.starts_with("HTTP/1.0 403") && !rebound.contains("测试卫生院"), "{rebound}");

    let threads = || std::fs::read_dir(format!("/proc/{}/task", server.pid())).unwrap().count();
    let before = threads();
    let idle: Vec<TcpStream> = (0..300).map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap()).collect();
    std::thread::sleep(Duration::from_millis(500));
    assert!(threads() <= before + 2, "{} threads for 300 idle connections (before: {before})", threads());
    let started = Instant::now();
    assert_eq!(get(port, "/").0, 200);
    assert!(started.elapsed() < Duration::from_secs(2), "a request waited behind idle connections");
    // Closed by the server after a few seconds of silence: reading gives end of file.
    let mut first = &idle[0];
    first.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    let mut buf = [0u8; 16];
    assert_eq!(first.read(&mut buf).unwrap_or(0), 0);
    assert!(started.elapsed() < Duration::from_secs(12));
    // A kept-alive connection that goes quiet after a request is closed too.
    let mut kept = TcpStream::connect(("127.0.0.1", port)).unwrap();
    kept.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    write!(kept, "GET /static/style.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
    let quiet = Instant::now();
    let mut all = Vec::new();
    let _ = kept.read_to_end(&mut all);
    assert!(String::from_utf8_lossy(&all).starts_with("HTTP/1.1 200"));
    assert!(quiet.elapsed() < Duration::from_secs(12), "kept open {:?}", quiet.elapsed());
}

/// A member's letter with its health commission names the commission's principal: an edit in
/// the commission's folder shows on the member's pages too.
#[test]
fn an_edit_in_a_commission_shows_in_its_members_letters() {
    let dir = example();
    let server = start(dir.path());
    let page = "/institutions/wsq-hospital/people/yang-zhiqiang.html";
    wait_for(server.port, page, |b| b.contains("乌审旗卫生健康委员会　主任　高振华"));
    let people = dir.path().join("content/institutions/wsq-wjw/people.yaml");
    let yaml = std::fs::read_to_string(&people).unwrap();
    // Written in place: the pass reads this file alone and keeps the institutions not edited.
    std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(&people)
        .unwrap()
        .write_all(yaml.replacen("name: 高振华", "name: 高振中", 1).as_bytes())
        .unwrap();
    wait_for(server.port, page, |b| b.contains("乌审旗卫生健康委员会　主任　高振中"));
}

/// An edit of a hazard ledger shows on the ledger, and in the counts its commission's page
/// shows for the member (a page of another institution).
#[test]
fn an_edited_hazard_shows_on_the_ledger_and_on_the_commissions_page() {
    let dir = example();
    let server = start(dir.path());
    let ledger = "/institutions/wsq-hospital/hazards.html";
    let commission = "/institutions/wsq-wjw/index.html";
    let overdue = |b: &str, n: &str| b.contains(&format!("<strong>{n}</strong> 项逾期未整改"));
    wait_for(server.port, ledger, |b| overdue(b, "2"));
    let row = |b: &str| b.split("<tr>").find(|r| r.contains("乌审旗人民医院")).unwrap_or("").to_string();
    wait_for(server.port, commission, |b| row(b).contains("<span class=\"flag\">2</span>"));
    let file = dir.path().join("content/institutions/wsq-hospital/records/hazards.yaml");
    let yaml = std::fs::read_to_string(&file).unwrap();
    // 2022-011 (due 2022-12-31) is put right on 2023-01-08.
    let edited = yaml.replacen("  deadline: 2022-12-31\n", "  deadline: 2022-12-31\n  rectified: 2023-01-08\n", 1);
    assert_ne!(edited, yaml);
    std::fs::OpenOptions::new().write(true).truncate(true).open(&file).unwrap().write_all(edited.as_bytes()).unwrap();
    wait_for(server.port, ledger, |b| overdue(b, "1"));
    // Its row on the page of its year: rectified after its deadline.
    let year = "/institutions/wsq-hospital/hazards/2022.html";
    wait_for(server.port, year, |b| b.split("id=\"hazard-2022-011\"").nth(1).is_some_and(|r| r.contains("逾期完成")));
    wait_for(server.port, commission, |b| row(b).contains("<span class=\"flag\">1</span>"));
}

/// After an edit inside one institution's folder only its checks run again: the home page
/// still lists the other institutions' findings, and the edited institution's findings follow
/// the edit (here one overdue hazard put right, then a post edited that has none).
#[test]
fn an_edit_in_one_institution_checks_it_again_and_keeps_the_others_findings() {
    let dir = example();
    let server = start(dir.path());
    let port = server.port;
    let found = |b: &str, n: usize| b.contains(&format!("检查发现（{n} 条）"));
    let has = |b: &str, what: &str| b.split("<section class=\"findings\">").nth(1).is_some_and(|f| f.contains(what));
    wait_for(port, "/", |b| found(b, 4) && has(b, "2022-011") && has(b, "2022-03"));

    let post = first_post(dir.path(), "wsq-tuke");
    let yaml = std::fs::read_to_string(&post).unwrap();
    std::fs::write(&post, yaml.replacen("scope: ", "scope: 含夜班，", 1)).unwrap();
    let (line, seen) = log_line(&server, 0, "rebuilt");
    assert!(line.contains("other institutions as resolved before"), "{line}");
    let home = get(port, "/").1;
    assert!(found(&home, 4) && has(&home, "2022-011") && has(&home, "2022-03"), "the others' findings are kept");

    let file = dir.path().join("content/institutions/wsq-hospital/records/hazards.yaml");
    let yaml = std::fs::read_to_string(&file).unwrap();
    let edited = yaml.replacen("  deadline: 2022-12-31\n", "  deadline: 2022-12-31\n  rectified: 2023-01-08\n", 1);
    assert_ne!(edited, yaml);
    std::fs::OpenOptions::new().write(true).truncate(true).open(&file).unwrap().write_all(edited.as_bytes()).unwrap();
    let (line, _) = log_line(&server, seen, "rebuilt");
    assert!(line.contains("other institutions as resolved before"), "{line}");
    let home = get(port, "/").1;
    assert!(found(&home, 3), "the edited institution's finding is gone: {home}");
    assert!(!has(&home, "2022-011") && has(&home, "2022-012") && has(&home, "2022-03"));
}
