//! Shared test helpers: fixture trees in temporary folders, and running the real binary.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_safeduty");

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies `src` into `dst` (created).
pub fn copy_tree(src: &Path, dst: &Path) {
    for entry in walkdir::WalkDir::new(src) {
        let entry = entry.unwrap();
        let target = dst.join(entry.path().strip_prefix(src).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A temporary folder holding a copy of a fixture under `tests/fixtures/`.
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("tests/fixtures").join(name), &dir.path().join("content"));
    dir
}

/// A temporary folder holding a copy of the example content (`content/`) under `content/`.
pub fn example() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("content"), &dir.path().join("content"));
    dir
}

pub fn run(args: &[&str], cwd: &Path) -> Output {
    // Messages in English whatever the machine's locale: the tests read them.
    Command::new(BIN).args(args).current_dir(cwd).env("NO_COLOR", "1").env("SAFEDUTY_LANG", "en").output().unwrap()
}

/// Every file under `dir` with its bytes: to compare whole output trees.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).unwrap().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// HTML without its tags: the text a reader sees.
pub fn visible(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

pub fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

/// A running `safeduty serve`, stopped when dropped.
pub struct Server {
    child: std::process::Child,
    pub port: u16,
    /// What the server printed after its address line.
    pub log: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Server {
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `safeduty serve CONTENT --port 0` in `cwd` and waits for its address.
pub fn serve(content: &str, cwd: &Path) -> Server {
    use std::io::BufRead;
    let mut child = Command::new(BIN)
        .args(["serve", content, "--port", "0"])
        .current_dir(cwd)
        .env("SAFEDUTY_LANG", "en")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
    let port = loop {
        let line = lines.next().expect("serve printed its address").unwrap();
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            break rest.split('/').next().unwrap().parse().unwrap();
        }
    };
    // The search index follows the pages; tests want the whole preview.
    for line in lines.by_ref() {
        if line.unwrap_or_default().starts_with("search index updated") {
            break;
        }
    }
    // Keep draining stderr so the server never blocks on a full pipe.
    let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = log.clone();
    std::thread::spawn(move || lines.for_each(|l| sink.lock().unwrap().push(l.unwrap_or_default())));
    Server { child, port, log }
}
