//! Runs the end-to-end browser tests (tests/e2e/*.test.mjs, node's test runner with
//! playwright-core, axe-core and Debian's Chromium) against `safeduty serve` on the example content,
//! and once against the built site served by Debian's nginx under a sub-path, as docs/output.md
//! says to publish it. Screenshots land in target/screenshots/ (each page type at both sizes in
//! target/screenshots/pages/).
//!
//! Needs `chromium`, `fonts-noto-cjk`, `nginx` and `npm ci --prefix tests/e2e` (all done by .ci/run).
//! Without them the test says so and passes, except under CI, where it fails.

mod common;

use std::process::Command;

use common::*;

fn missing_tools() -> Option<String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !std::path::Path::new(&chromium).exists() {
        return Some(format!("{chromium} not found (apt-get install chromium)"));
    }
    if !std::path::Path::new("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc").exists() {
        return Some(
            "Noto CJK fonts not installed (apt-get install fonts-noto-cjk): the PDFs it opens need them".into(),
        );
    }
    for module in ["playwright-core", "axe-core"] {
        if !repo().join("tests/e2e/node_modules").join(module).exists() {
            return Some(format!("{module} not installed (npm ci --prefix tests/e2e)"));
        }
    }
    None
}

/// Whether the browser test can run; outside CI it is skipped (with the reason) when not.
fn tools_ready() -> bool {
    match missing_tools() {
        None => true,
        Some(why) => {
            assert!(std::env::var_os("CI").is_none(), "browser test cannot run in CI: {why}");
            eprintln!("skipped: {why}");
            false
        }
    }
}

/// Runs one test file of tests/e2e against `safeduty serve` on `content`.
fn run_node(file: &str, content: &std::path::Path, shots: &std::path::Path) {
    let server = serve(content.to_str().unwrap(), &repo());
    let url = format!("http://127.0.0.1:{}/", server.port);
    run_files(&[file], &url, content, shots);
    drop(server);
}

/// Runs test files of tests/e2e, one after the other, against the site at `url`.
fn run_files(files: &[&str], url: &str, content: &std::path::Path, shots: &std::path::Path) {
    let out = Command::new("node")
        .args(["--test", "--test-concurrency=1", "--test-reporter=spec"])
        .args(files)
        .current_dir(repo().join("tests/e2e"))
        .env("SAFEDUTY_URL", url)
        .env("SAFEDUTY_CONTENT", content)
        .env("SCREENSHOTS", shots)
        .output()
        .expect("node runs");
    let report = format!("{}{}", text(&out.stdout), text(&out.stderr));
    println!("{report}");
    assert!(out.status.success(), "browser test {files:?} failed:\n{report}");
}

#[test]
fn the_site_works_in_a_real_browser() {
    if !tools_ready() {
        return;
    }
    let shots = repo().join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    run_node("site.test.mjs", &repo().join("content"), &shots);
    for shot in ["home.png", "card.png", "search.png"] {
        assert!(shots.join(shot).metadata().is_ok_and(|m| m.len() > 10_000), "{shot}");
    }
}

/// The page types every reader opens.
const PAGE_TYPES: &[&str] = &[
    "home",
    "institution",
    "signing",
    "department",
    "card",
    "person",
    "roster",
    "rosters",
    "displays",
    "display",
    "campaigns",
    "campaign",
    "phase",
    "matrix",
    "risks",
    "hazards",
    "hazards-year",
    "bulletin",
    "page",
    "search",
    "404",
    "changes",
];

/// Every page type at a desktop's size and a phone's, each checked by axe-core.
#[test]
fn every_page_type_reads_on_a_phone_and_passes_axe() {
    if !tools_ready() {
        return;
    }
    let shots = repo().join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    run_node("pages.test.mjs", &repo().join("content"), &shots);
    for name in PAGE_TYPES {
        for shot in [format!("{name}.png"), format!("{name}-phone.png")] {
            let file = shots.join("pages").join(&shot);
            assert!(file.metadata().is_ok_and(|m| m.len() > 5_000), "{}", file.display());
        }
    }
}

/// A running nginx (Debian's) serving a built site, stopped when dropped.
struct Nginx {
    child: std::process::Child,
    port: u16,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn nginx_binary() -> std::path::PathBuf {
    std::env::var_os("NGINX").map_or_else(|| "/usr/sbin/nginx".into(), Into::into)
}

/// The server block of docs/output.md, "Publishing on nginx", as published: only its port and
/// the site's folder changed.
fn published_server_block(port: u16, site: &std::path::Path) -> String {
    let doc = std::fs::read_to_string(repo().join("docs/output.md")).unwrap();
    let section = doc.split("## Publishing on nginx").nth(1).expect("docs/output.md has its nginx section");
    let block = section.split("```nginx\n").nth(1).and_then(|b| b.split("```").next()).expect("an nginx block");
    let (listen, alias) = ("listen 80;", "alias /srv/safeduty/site/;");
    assert!(block.contains(listen) && block.contains(alias), "the documented block changed:\n{block}");
    block.replace(listen, &format!("listen 127.0.0.1:{port};")).replace(alias, &format!("alias {}/;", site.display()))
}

/// Starts nginx in the foreground with its own configuration in `dir` (pid, logs and temporary
/// files there too) serving `site` as docs/output.md says, on `port`.
fn start_nginx(dir: &std::path::Path, site: &std::path::Path, port: u16) -> Nginx {
    let d = dir.display();
    // One process, no workers: workers would drop to `nobody`, who may not read the test's
    // temporary folders (0700, made by root in CI). What is served does not depend on it.
    let conf = format!(
        "daemon off;\nmaster_process off;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\n\
         events {{ worker_connections 64; }}\n\
         http {{\n\
         include /etc/nginx/mime.types;\ndefault_type application/octet-stream;\naccess_log {d}/access.log;\n\
         client_body_temp_path {d}/body;\nproxy_temp_path {d}/proxy;\nfastcgi_temp_path {d}/fastcgi;\n\
         uwsgi_temp_path {d}/uwsgi;\nscgi_temp_path {d}/scgi;\n\
         {}\n}}\n",
        published_server_block(port, site)
    );
    let file = dir.join("nginx.conf");
    std::fs::write(&file, conf).unwrap();
    let mut child = Command::new(nginx_binary())
        .arg("-p")
        .arg(dir)
        .arg("-c")
        .arg(&file)
        .arg("-e")
        .arg(dir.join("error.log"))
        .stderr(std::fs::File::create(dir.join("stderr.log")).unwrap())
        .spawn()
        .expect("nginx starts");
    for _ in 0..100 {
        if let Some(status) = child.try_wait().unwrap() {
            let log = std::fs::read_to_string(dir.join("error.log")).unwrap_or_default();
            panic!("nginx stopped ({status}):\n{log}");
        }
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Nginx { child, port };
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("nginx does not answer on port {port}");
}

/// The site as the intranet gets it: built with `safeduty build` (its `base_url` under
/// `/safety/`, as docs/output.md says), served by nginx with the documented configuration. The
/// site test, every page type and what only a real server shows (the sub-path, the 404 page at
/// any depth, PDFs as downloads, every link) run against it.
#[test]
fn the_site_published_on_nginx_under_a_sub_path_works() {
    if !tools_ready() {
        return;
    }
    if !nginx_binary().exists() {
        let why = format!("{} not found (apt-get install nginx)", nginx_binary().display());
        assert!(std::env::var_os("CI").is_none(), "browser test cannot run in CI: {why}");
        eprintln!("skipped: {why}");
        return;
    }
    let dir = example();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}/safety/");
    let config = dir.path().join("content/safeduty.yaml");
    let yaml = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{yaml}\nbase_url: {url}\n")).unwrap();
    let out = run(&["build", "content", "--out", "output"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let server = start_nginx(dir.path(), &dir.path().join("output/site"), port);
    let shots = dir.path().join("shots");
    std::fs::create_dir_all(&shots).unwrap();
    let files = ["nginx.test.mjs", "site.test.mjs", "pages.test.mjs"];
    run_files(&files, &format!("http://127.0.0.1:{}/safety/", server.port), &dir.path().join("content"), &shots);
    drop(server);
}

/// The example with its search index in parts of 100 pages (four parts): the search page
/// merges them.
#[test]
fn search_in_parts_works_in_a_real_browser() {
    if !tools_ready() {
        return;
    }
    let dir = example();
    let content = dir.path().join("content");
    let config = content.join("safeduty.yaml");
    let mut yaml = std::fs::read_to_string(&config).unwrap();
    yaml.push_str("search_part_pages: 100\n");
    std::fs::write(&config, yaml).unwrap();
    run_node("parts.test.mjs", &content, dir.path());
}

/// The preview's live reload, on a copy of the example that the test edits: edits are swapped
/// into the open page, errors shown on top of it, a changed style sheet reloads it.
#[test]
fn live_reload_works_in_a_real_browser() {
    if !tools_ready() {
        return;
    }
    let dir = example();
    run_node("reload.test.mjs", &dir.path().join("content"), dir.path());
}
