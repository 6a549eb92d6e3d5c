//! Runs the end-to-end browser tests (tests/e2e/*.test.mjs, node's test runner with
//! playwright-core and Debian's Chromium) against `safeduty serve` on the example content.
//! Screenshots land in target/screenshots/.
//!
//! Needs `chromium`, `fonts-noto-cjk` and `npm ci --prefix tests/e2e` (all done by .ci/run). Without them the
//! test says so and passes, except under CI, where it fails.

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
    if !repo().join("tests/e2e/node_modules/playwright-core").exists() {
        return Some("playwright-core not installed (npm ci --prefix tests/e2e)".into());
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
    let out = Command::new("node")
        .args(["--test", "--test-reporter=spec", file])
        .current_dir(repo().join("tests/e2e"))
        .env("SAFEDUTY_URL", &url)
        .env("SAFEDUTY_CONTENT", content)
        .env("SCREENSHOTS", shots)
        .output()
        .expect("node runs");
    drop(server);
    let report = format!("{}{}", text(&out.stdout), text(&out.stderr));
    println!("{report}");
    assert!(out.status.success(), "browser test {file} failed:\n{report}");
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
