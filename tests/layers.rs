//! The code's layout as ARCHITECTURE.md describes it: imports run down, so no file and no
//! top-level module imports another that imports it back, and no file grows past about 600
//! lines. Read from the source: each `crate::…`, `super::…` and child-module path a file names
//! is an arrow to the file of the module it names (`mod x;` declarations are not arrows).

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A file of `src/` by its module path (`render::site::views`), with its text.
fn modules() -> BTreeMap<String, String> {
    let src = common::repo().join("src");
    walkdir::WalkDir::new(&src)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| {
            let rel = e.path().strip_prefix(&src).unwrap().with_extension("");
            let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
            if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
                parts.pop();
            }
            (parts.join("::"), std::fs::read_to_string(e.path()).unwrap())
        })
        .filter(|(m, _)| m != "main")
        .collect()
}

/// The code of a file without comments, string literals and its `#[cfg(test)]` module.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    let mut out = String::new();
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or("");
        let mut in_string = false;
        let mut prev = ' ';
        for c in line.chars() {
            if c == '"' && prev != '\\' {
                in_string = !in_string;
            } else if !in_string {
                out.push(c);
            }
            prev = c;
        }
        out.push('\n');
    }
    out
}

/// `use a::{b, c::{d, e}}` written out: `a::b a::c::d a::c::e`.
fn expand(code: &str) -> String {
    let Some(open) = code.find("::{") else { return code.to_string() };
    let start = code[..open].rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).map_or(0, |i| i + 1);
    let prefix = &code[start..open];
    let mut depth = 0;
    let mut end = open + 2;
    let mut items = Vec::new();
    let mut item_start = open + 3;
    for (i, c) in code[open + 2..].char_indices().map(|(i, c)| (i + open + 2, c)) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    items.push(&code[item_start..i]);
                    end = i + 1;
                    break;
                }
            }
            ',' if depth == 1 => {
                items.push(&code[item_start..i]);
                item_start = i + 1;
            }
            _ => {}
        }
    }
    let written: Vec<String> = items
        .iter()
        .map(|item| item.trim())
        .filter(|item| !item.is_empty())
        .map(|item| if item == "self" { prefix.to_string() } else { format!("{prefix}::{item}") })
        .collect();
    expand(&format!("{}{} {}", &code[..start], written.join(" "), &code[end..]))
}

/// The modules a file names: `crate::a::b`, `super::c`, and `d::e` for a child `mod d;`.
fn arrows(module: &str, text: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let code = expand(&code(text));
    let here: Vec<&str> = if module.is_empty() { vec![] } else { module.split("::").collect() };
    let children: BTreeSet<String> = code
        .lines()
        .filter_map(|l| l.trim().trim_start_matches("pub(crate) ").trim_start_matches("pub ").strip_prefix("mod "))
        .map(|l| l.trim_end_matches(';').trim().to_string())
        .collect();
    let mut out = BTreeSet::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts_word = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_' || chars[i - 1] == ':');
        if !starts_word {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_' || chars[j] == ':') {
            j += 1;
        }
        let path: String = chars[i..j].iter().collect();
        i = j.max(i + 1);
        let parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
        if parts.len() < 2 {
            continue;
        }
        let mut base: Vec<String> = match parts[0] {
            "crate" => vec![],
            "super" => here[..here.len().saturating_sub(1)].iter().map(|s| s.to_string()).collect(),
            child if children.contains(child) => {
                let mut base: Vec<String> = here.iter().map(|s| s.to_string()).collect();
                base.push(child.to_string());
                base
            }
            _ => continue,
        };
        let mut rest = &parts[1..];
        while let Some(("super", tail)) = rest.split_first().map(|(a, t)| (*a, t)) {
            base.pop();
            rest = tail;
        }
        if parts[0] != "crate" && parts[0] != "super" {
            rest = &parts[1..];
        }
        // The longest prefix that is a module with a file of its own.
        let mut best = None;
        let mut path = base.clone();
        if known.contains(&path.join("::")) {
            best = Some(path.join("::"));
        }
        for part in rest {
            path.push(part.to_string());
            if known.contains(&path.join("::")) {
                best = Some(path.join("::"));
            }
        }
        if let Some(target) = best.filter(|t| t != module && !t.is_empty()) {
            out.insert(target);
        }
    }
    out
}

/// A cycle in `graph`, if there is one (as the nodes along it).
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(n.to_string(), 1);
        stack.push(n.to_string());
        for m in graph.get(n).into_iter().flatten() {
            match state.get(m.as_str()) {
                Some(1) => {
                    let from = stack.iter().position(|s| s == m).unwrap();
                    let mut c = stack[from..].to_vec();
                    c.push(m.clone());
                    return Some(c);
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(m, graph, state, stack) {
                        return Some(c);
                    }
                }
            }
        }
        stack.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in graph.keys() {
        if !state.contains_key(n.as_str())
            && let Some(c) = visit(n, graph, &mut state, &mut Vec::new())
        {
            return Some(c);
        }
    }
    None
}

fn graphs() -> (BTreeMap<String, BTreeSet<String>>, BTreeMap<String, BTreeSet<String>>) {
    let modules = modules();
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    let files: BTreeMap<String, BTreeSet<String>> =
        modules.iter().map(|(m, text)| (m.clone(), arrows(m, text, &known))).collect();
    let top = |m: &str| m.split("::").next().unwrap_or("").to_string();
    let mut folders: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, to) in &files {
        for t in to.iter().filter(|t| top(t) != top(from)) {
            folders.entry(top(from)).or_default().insert(top(t));
        }
    }
    (files, folders)
}

#[test]
fn imports_run_down_between_files_and_between_modules() {
    let (files, folders) = graphs();
    // The reading works: arrows the layout depends on are seen.
    for (from, to) in [("pipeline", "checked"), ("render::cards", "render::paths"), ("checked", "load")] {
        assert!(files[from].contains(to), "{from} -> {to} not seen: {:?}", files[from]);
    }
    assert!(!files["history"].contains("pipeline"));
    if let Some(c) = cycle(&files) {
        panic!("files import each other in a circle: {}", c.join(" -> "));
    }
    if let Some(c) = cycle(&folders) {
        panic!("modules import each other in a circle: {}", c.join(" -> "));
    }
}

#[test]
fn a_circle_is_seen() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    graph.insert("a".into(), ["b".into()].into());
    graph.insert("b".into(), ["c".into()].into());
    assert_eq!(cycle(&graph), None);
    graph.insert("c".into(), ["a".into()].into());
    assert_eq!(cycle(&graph), Some(vec!["a".into(), "b".into(), "c".into(), "a".into()]));
    let known: BTreeSet<String> = ["x", "x::y", "z"].iter().map(|s| s.to_string()).collect();
    let text = "mod y;\nuse crate::z::Thing;\nfn f() { y::g(); super::h(); }\n// crate::q::r\n";
    assert_eq!(arrows("x", text, &known), ["x::y".to_string(), "z".to_string()].into());
    assert_eq!(arrows("z", "use crate::{x::{self, y::A}, q};\n", &known), ["x".to_string(), "x::y".to_string()].into());
}

#[test]
fn no_file_is_much_over_600_lines() {
    let src = common::repo().join("src");
    let long: Vec<String> = walkdir::WalkDir::new(&src)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .filter_map(|e| {
            let lines = std::fs::read_to_string(e.path()).unwrap().lines().count();
            (lines > 650)
                .then(|| format!("{} ({lines} lines)", e.path().strip_prefix(Path::new(&src)).unwrap().display()))
        })
        .collect();
    assert!(long.is_empty(), "split these: {long:?}");
}
