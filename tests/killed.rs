//! Builds killed at any moment (SIGKILL: no cleanup runs) leave an output folder that exists
//! and is whole: the previous build's or the new one's, byte for byte, never a mix and never
//! nothing; and the next build succeeds and cleans up after the killed one.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::*;

#[test]
fn a_killed_build_leaves_a_whole_output_and_the_next_build_succeeds() {
    let dir = fixture("minimal");
    let root = dir.path();
    let nurse = root.join("content/institutions/clinic/posts/nurse.yaml");
    let (a, b) = {
        let yaml = std::fs::read_to_string(&nurse).unwrap();
        (yaml.clone(), yaml.replace("正确使用医用氧气瓶；", "正确使用并定期检查医用氧气瓶；"))
    };
    // The two outputs a build may leave: of content A and of content B.
    let build_into = |content: &str, out: &str| {
        std::fs::write(&nurse, content).unwrap();
        let started = Instant::now();
        let built = run(&["build", "content", "--out", out], root);
        assert!(built.status.success(), "{}", text(&built.stderr));
        (snapshot(&root.join(out)), started.elapsed())
    };
    let (output_a, took) = build_into(&a, "ref-a");
    let (output_b, _) = build_into(&b, "ref-b");
    assert_ne!(output_a, output_b);
    build_into(&a, "output");

    // Kill moments spread over a whole build, from at once to well past its end (denser early,
    // where most of the work is), with some jitter.
    let rounds = 16;
    let mut seen = [0; 2];
    for round in 0..rounds {
        let (content, before) = if round % 2 == 0 { (&b, &output_a) } else { (&a, &output_b) };
        std::fs::write(&nurse, content).unwrap();
        let mut child = std::process::Command::new(BIN)
            .args(["build", "content", "--out", "output"])
            .current_dir(root)
            .env("NO_COLOR", "1")
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let jitter = (round * 7919 % 13) as u32;
        let share = round as f64 / rounds as f64;
        let delay = took.mul_f64(3.0 * share * share) + Duration::from_millis(jitter as u64);
        std::thread::sleep(delay);
        // SAFETY: kill(2) on our own child's pid.
        unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
        let _ = child.wait();
        let left = snapshot(&root.join("output"));
        let after = if content == &a { &output_a } else { &output_b };
        assert!(
            &left == before || &left == after,
            "round {round}: killed after {delay:?}, the output is neither the old nor the new build ({} files)",
            left.len()
        );
        seen[usize::from(&left == after)] += 1;
        // The next build succeeds, and leaves nothing of the killed one behind.
        let built = run(&["build", "content", "--out", "output"], root);
        assert!(built.status.success(), "round {round}: {}", text(&built.stderr));
        assert_eq!(&snapshot(&root.join("output")), after, "round {round}");
        assert_eq!(leftovers(root), Vec::<String>::new(), "round {round}");
    }
    // Some kills came before the swap and some after it.
    eprintln!("killed before the swap: {}, after: {}", seen[0], seen[1]);
    assert!(seen[0] > 0 && seen[1] > 0, "{seen:?}: the kill moments missed a side of the swap");
}

fn leftovers(root: &Path) -> Vec<String> {
    std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".building") || n.ends_with(".old"))
        .collect()
}
