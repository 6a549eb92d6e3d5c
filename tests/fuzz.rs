//! An in-process fuzzer for loading and checking: content trees from the corpus, mutated the
//! ways YAML written by hand and saved by office editors goes wrong, fed through `load`,
//! `check`, `resolve` and the diagnostic renderers. It fails on a panic, on a run slower than
//! `SLOW`, and on a diagnostic whose place lies outside its file. A failing input is written
//! below `target/fuzz-failures/`, as a content tree that `safeduty check` reads.
//!
//! `cargo test --test fuzz` runs a short smoke (`SAFEDUTY_FUZZ_SECONDS`, default 30). The long
//! run, with its figures in the issue notes:
//!
//! ```text
//! SAFEDUTY_FUZZ_EXECS=10000000 cargo test --release --test fuzz -- --nocapture
//! ```
//!
//! `SAFEDUTY_FUZZ_SEED` changes the random choices (the same seed and count give the same
//! inputs). Seeds of the corpus: the test fixtures, and the trees in `tests/fuzz/corpus/`, where
//! inputs that once failed are kept.
//!
//! No coverage feedback (cargo-fuzz and AFL need a nightly compiler or their own toolchain):
//! the mutations know YAML instead (see `mutate` and `tests/fuzz/dictionary.txt`).

mod common;

use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use safeduty::diagnostic::Report;

/// A content tree: path below the root → bytes.
type Tree = BTreeMap<String, Vec<u8>>;

/// One run longer than this is a failure (the content is a few files).
const SLOW: Duration = Duration::from_secs(5);

#[test]
fn loading_and_checking_never_panic_on_mutated_content() {
    let seconds: u64 = env("SAFEDUTY_FUZZ_SECONDS").unwrap_or(30);
    let execs: Option<u64> = env("SAFEDUTY_FUZZ_EXECS");
    let seed: u64 = env("SAFEDUTY_FUZZ_SEED").unwrap_or(1);
    let corpus = corpus();
    let dictionary = dictionary();
    assert!(corpus.len() >= 2 && dictionary.len() > 50);

    // Every seed is clean as it is: a mutant's findings are the mutation's.
    for (name, tree) in &corpus {
        let report = run(tree).unwrap_or_else(|e| panic!("corpus tree {name}: {e}"));
        assert!(!report.has_errors() || name.starts_with("regression-"), "corpus tree {name} has errors");
    }

    let codes = std::sync::Mutex::new(BTreeMap::<String, u64>::new());
    let done = AtomicU64::new(0);
    let clean = AtomicU64::new(0);
    let stop = AtomicBool::new(false);
    let failures = std::sync::Mutex::new(Vec::<String>::new());
    let started = Instant::now();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|scope| {
        for t in 0..threads {
            let (corpus, dictionary, done, clean, stop, failures, codes) =
                (&corpus, &dictionary, &done, &clean, &stop, &failures, &codes);
            scope.spawn(move || {
                let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(t as u64 + 1));
                while !stop.load(Ordering::Relaxed) {
                    let n = done.fetch_add(1, Ordering::Relaxed);
                    if execs.map_or(started.elapsed().as_secs() >= seconds, |e| n >= e) {
                        break;
                    }
                    // Mostly the fixtures; the kept regressions one time in ten.
                    let fixtures = corpus.iter().take_while(|(n, _)| !n.starts_with("regression-")).count();
                    let pick = if fixtures < corpus.len() && rng.below(10) == 0 {
                        fixtures + rng.below(corpus.len() - fixtures)
                    } else {
                        rng.below(fixtures)
                    };
                    let (_, seed_tree) = &corpus[pick];
                    let mut tree = seed_tree.clone();
                    for _ in 0..1 + rng.below(3) {
                        mutate(&mut tree, dictionary, &mut rng);
                    }
                    let began = Instant::now();
                    match run(&tree) {
                        Ok(report) => {
                            clean.fetch_add(u64::from(!report.has_errors()), Ordering::Relaxed);
                            // Which checks the mutants reach (one in 64, to keep the lock cold).
                            if n % 64 == 0 {
                                let mut codes = codes.lock().unwrap();
                                for d in &report.diagnostics {
                                    *codes.entry(d.code.to_string()).or_default() += 1;
                                }
                            }
                            if began.elapsed() > SLOW {
                                failures.lock().unwrap().push(keep(&tree, &format!("slow: {:?}", began.elapsed())));
                            }
                        }
                        Err(why) => {
                            failures.lock().unwrap().push(keep(&tree, &why));
                            if failures.lock().unwrap().len() >= 10 {
                                stop.store(true, Ordering::Relaxed);
                            }
                        }
                    }
                    if t == 0 && n > 0 && n % 1_000_000 == 0 {
                        eprintln!("fuzz: {n} runs in {:.0} s", started.elapsed().as_secs_f64());
                    }
                }
            });
        }
    });
    let total = done.load(Ordering::Relaxed).min(execs.unwrap_or(u64::MAX));
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "fuzz: {total} runs in {secs:.1} s ({:.0}/s, {threads} threads, seed {seed}); {} mutants checked clean",
        total as f64 / secs,
        clean.load(Ordering::Relaxed)
    );
    let mut codes: Vec<(String, u64)> = codes.into_inner().unwrap().into_iter().collect();
    codes.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let codes: Vec<String> = codes.iter().map(|(c, n)| format!("{c} {n}")).collect();
    eprintln!("fuzz: diagnostics seen (a sample of one run in 64): {}", codes.join(", "));
    let failures = failures.into_inner().unwrap();
    assert!(failures.is_empty(), "{} failing input(s):\n{}", failures.len(), failures.join("\n"));
}

/// Loads and checks a tree as `safeduty check` does, and renders its report both ways.
fn run(tree: &Tree) -> Result<Report, String> {
    let files: Vec<(String, Vec<u8>)> = tree.iter().map(|(p, b)| (p.clone(), b.clone())).collect();
    let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
        let mut report = Report::default();
        let content = safeduty::load::load_files(Path::new("content"), files, &mut report);
        let checked = safeduty::checked::check_loaded(content, report, |_| {});
        let human = checked.report.render_human(&checked.sources, false);
        let json = checked.report.render_json(&checked.sources);
        (checked, human, json)
    }));
    let (checked, human, json) = outcome.map_err(|e| {
        let message = e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()));
        format!("panic: {}", message.unwrap_or_default())
    })?;
    if checked.report.has_errors() == checked.model.is_some() {
        return Err("a model was made although there are errors, or none although there are none".into());
    }
    if human.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r')) {
        return Err("the human report prints a control character".into());
    }
    serde_json::from_str::<serde_json::Value>(&json).map_err(|e| format!("the JSON report does not parse: {e}"))?;
    for d in &checked.report.diagnostics {
        for span in std::iter::once(&d.primary.span).chain(d.secondary.iter().map(|l| &l.span)) {
            let text = &checked.sources.get(span.file).text;
            if span.start > text.len()
                || span.end > text.len()
                || span.start > span.end
                || span.line == 0
                || span.column == 0
            {
                return Err(format!(
                    "[{}] {}: span {span:?} outside its file of {} bytes",
                    d.code,
                    d.message,
                    text.len()
                ));
            }
            let lines = text.matches('\n').count() as u32 + 1;
            if !text.is_empty() && span.line > lines {
                return Err(format!("[{}] {}: line {} of a file of {lines} lines", d.code, d.message, span.line));
            }
        }
    }
    Ok(checked.report)
}

/// Writes a failing tree below target/fuzz-failures/ and says where.
fn keep(tree: &Tree, why: &str) -> String {
    let key = tree.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, (p, b)| {
        p.bytes().chain(b.iter().copied()).fold(h, |h, byte| (h ^ byte as u64).wrapping_mul(0x100_0000_01b3))
    });
    let dir = common::repo().join(format!("target/fuzz-failures/{key:016x}"));
    for (path, bytes) in tree {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    std::fs::write(dir.join("WHY.txt"), why).unwrap();
    format!("{why}\n  input: {}", dir.display())
}

/// The seed trees: the fixtures, and what `tests/fuzz/corpus/` keeps.
fn corpus() -> Vec<(String, Tree)> {
    let mut trees = Vec::new();
    for fixture in ["minimal", "campaign"] {
        trees.push((fixture.to_string(), read_tree(&common::repo().join("tests/fixtures").join(fixture))));
    }
    let kept = common::repo().join("tests/fuzz/corpus");
    let mut names: Vec<PathBuf> =
        std::fs::read_dir(&kept).map_or(Vec::new(), |d| d.map(|e| e.unwrap().path()).collect());
    names.sort();
    for dir in names.into_iter().filter(|d| d.is_dir()) {
        trees.push((dir.file_name().unwrap().to_string_lossy().into_owned(), read_tree(&dir)));
    }
    trees
}

fn read_tree(root: &Path) -> Tree {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Tokens that matter to YAML and to the schema, one a line (`\n`, `\t` and `\xHH` written as
/// escapes).
fn dictionary() -> Vec<Vec<u8>> {
    let text = std::fs::read_to_string(common::repo().join("tests/fuzz/dictionary.txt")).unwrap();
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with("##"))
        .map(|l| {
            let mut out = Vec::new();
            let mut bytes = l.bytes().peekable();
            while let Some(b) = bytes.next() {
                match (b, bytes.peek()) {
                    (b'\\', Some(b'n')) => {
                        bytes.next();
                        out.push(b'\n');
                    }
                    (b'\\', Some(b't')) => {
                        bytes.next();
                        out.push(b'\t');
                    }
                    (b'\\', Some(b'x')) => {
                        bytes.next();
                        let hex: String = bytes.by_ref().take(2).map(char::from).collect();
                        out.push(u8::from_str_radix(&hex, 16).unwrap());
                    }
                    (b, _) => out.push(b),
                }
            }
            out
        })
        .collect()
}

/// One change to the tree, of the kinds that real edits make.
fn mutate(tree: &mut Tree, dictionary: &[Vec<u8>], rng: &mut Rng) {
    let paths: Vec<String> = tree.keys().cloned().collect();
    let path = &paths[rng.below(paths.len())];
    let choice = rng.below(20);
    // Changes to the tree itself.
    match choice {
        0 => {
            // A file moved where another kind of file belongs, or a new one.
            let places = [
                "institutions/clinic/posts/extra.yaml",
                "institutions/clinic/people.yaml",
                "institutions/other/institution.yaml",
                "institutions/clinic/signing.yaml",
                "categories/new.yaml",
                "campaigns/drill/issues.yaml",
                "campaigns/drill/progress.yaml",
                "campaigns/new/campaign.yaml",
                "safeduty.yaml",
                "pages/x/y.md",
                "institutions/clinic/Institution.YAML",
                "stray.yaml",
            ];
            let bytes = tree[path].clone();
            tree.insert(places[rng.below(places.len())].to_string(), bytes);
            return;
        }
        1 if tree.len() > 1 => {
            tree.remove(path);
            return;
        }
        _ => {}
    }
    let bytes = tree.get_mut(path).unwrap();
    let at = rng.below(bytes.len() + 1);
    let line_start = bytes[..at].iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let token = &dictionary[rng.below(dictionary.len())];
    match choice {
        2..=5 => {
            bytes.splice(at..at, token.iter().copied());
        }
        6 | 7 => {
            // A value replaced: the rest of the line after a colon.
            let end = bytes[at..].iter().position(|b| *b == b'\n').map_or(bytes.len(), |i| at + i);
            let colon = bytes[line_start..end].iter().position(|b| *b == b':').map(|i| line_start + i + 1);
            let from = colon.unwrap_or(at).min(end);
            let mut value = vec![b' '];
            value.extend_from_slice(token);
            bytes.splice(from..end, value);
        }
        8 => {
            // Indentation changed.
            let extra: &[u8] = [&b"  "[..], b" ", b"\t", b"    "][rng.below(4)];
            if rng.below(2) == 0 {
                bytes.splice(line_start..line_start, extra.iter().copied());
            } else if bytes.get(line_start) == Some(&b' ') {
                bytes.remove(line_start);
            }
        }
        9 => {
            // A line duplicated, or dropped.
            let end = bytes[at..].iter().position(|b| *b == b'\n').map_or(bytes.len(), |i| at + i + 1);
            let line: Vec<u8> = bytes[line_start..end].to_vec();
            if rng.below(2) == 0 {
                bytes.splice(end..end, line);
            } else {
                bytes.drain(line_start..end);
            }
        }
        10 => {
            // Truncated, as by a save that did not finish.
            bytes.truncate(at);
        }
        11 => {
            // Bytes of another encoding: GBK, UTF-16, a byte order mark, a stray byte.
            let (gbk, _, _) = encoding_rs::GBK.encode("护士长");
            let junk: Vec<Vec<u8>> =
                vec![gbk.to_vec(), vec![0xFF, 0xFE, b'a', 0], vec![0xEF, 0xBB, 0xBF], vec![0xC3], vec![0]];
            let j = &junk[rng.below(junk.len())];
            bytes.splice(at..at, j.iter().copied());
        }
        12 => {
            if let Some(b) = bytes.get_mut(at) {
                *b ^= 1 << rng.below(8);
            }
        }
        13 => {
            let end = (at + rng.below(40)).min(bytes.len());
            bytes.drain(at..end);
        }
        14 => {
            // Spliced with a piece of another file.
            let other = &paths[rng.below(paths.len())];
            let other = tree.get(other).cloned().unwrap_or_default();
            let bytes = tree.get_mut(path).unwrap();
            let from = rng.below(other.len() + 1);
            let to = (from + rng.below(200)).min(other.len());
            let at = at.min(bytes.len());
            bytes.splice(at..at, other[from..to].iter().copied());
        }
        15 => {
            // A number written as something else, or a huge one.
            let numbers: [&[u8]; 6] =
                [b"-1", b"99999999999999999999", b"0", b".nan", b"1e309", b"\xe4\xb8\x89\xe5\x8d\x81"];
            bytes.splice(at..at, numbers[rng.below(numbers.len())].iter().copied());
        }
        _ => {
            // Two dictionary tokens at a line start.
            let second = &dictionary[rng.below(dictionary.len())];
            let mut both = token.clone();
            both.extend_from_slice(second);
            bytes.splice(line_start..line_start, both);
        }
    }
}

/// SplitMix64: reproducible choices from a seed; a generator this small needs no crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

fn env<T: std::str::FromStr>(name: &str) -> Option<T> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}
