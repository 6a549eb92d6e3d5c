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
    // Each health commission runs a campaign among the institutions it supervises.
    let campaigns = a.keys().filter(|p| p.ends_with("campaign.yaml")).count();
    assert!(campaigns >= 1, "a campaign per commission");
    assert!(a.keys().any(|p| p.ends_with("progress.yaml")));

    let out = run(&["check", "a"], tmp.path());
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "check failed:\n{stderr}");
    assert!(!stderr.contains("warning"), "check warned:\n{stderr}");

    // And it builds: the campaign pages among the rest.
    let out = run(&["build", "a", "--out", "out", "--only", "site,data"], tmp.path());
    assert!(out.status.success(), "build failed:\n{}", text(&out.stderr));
    let site = tmp.path().join("out/site/campaigns");
    assert!(std::fs::read_dir(&site).unwrap().count() >= 2, "campaign index and at least one campaign");
}

#[test]
fn too_few_employees_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(&["synth", "--institutions", "10", "--employees", "50", "x"], tmp.path());
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("at least 120 employees"), "{}", text(&out.stderr));
}
