//! `safeduty synth`: the same seed gives the same bytes, and the tree passes `check` cleanly.

mod common;

use common::{run, snapshot, text};

#[test]
fn same_seed_same_bytes_and_the_tree_checks_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let args = |dir: &'static str, seed: &'static str| {
        ["synth", "--institutions", "7", "--employees", "400", "--seed", seed, dir]
    };
    for (dir, seed) in [("a", "3"), ("b", "3"), ("c", "4")] {
        let out = run(&args(dir, seed), tmp.path());
        assert!(out.status.success(), "synth failed: {}", text(&out.stderr));
    }
    let a = snapshot(&tmp.path().join("a"));
    assert_eq!(a, snapshot(&tmp.path().join("b")), "same seed, different bytes");
    assert_ne!(a, snapshot(&tmp.path().join("c")), "another seed gives another tree");
    let people: usize =
        a.iter().filter(|(p, _)| p.ends_with("people.yaml")).map(|(_, b)| text(b).matches("- id: ").count()).sum();
    assert_eq!(people, 400, "every employee asked for is generated");

    let out = run(&["check", "a"], tmp.path());
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "check failed:\n{stderr}");
    assert!(!stderr.contains("warning"), "check warned:\n{stderr}");
}

#[test]
fn too_few_employees_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(&["synth", "--institutions", "10", "--employees", "50", "x"], tmp.path());
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("at least 120 employees"), "{}", text(&out.stderr));
}
