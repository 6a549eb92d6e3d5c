//! Every internal link of the generated site must point at a generated file; a broken link
//! fails the build (a user's template override can easily break one).
//!
//! Hand-written on purpose: the pages come from our own templates, attributes are quoted, and
//! a full HTML parser would cost more build time than the whole site renderer.

use std::collections::BTreeSet;

/// Finds `href`/`src` values in `html` that are relative links to missing files. `page` is the
/// page's path from the site root; `files` are all files of the site.
pub fn broken(page: &str, html: &str, files: &BTreeSet<String>) -> Vec<String> {
    let dir = page.rsplit_once('/').map_or("", |(d, _)| d);
    attribute_values(html)
        .filter(|v| is_internal(v))
        .filter(|v| {
            let target = v.split(['#', '?']).next().unwrap_or("");
            !target.is_empty() && !files.contains(&resolve(dir, target))
        })
        .map(str::to_string)
        .collect()
}

fn attribute_values(html: &str) -> impl Iterator<Item = &str> {
    ["href=", "src="].into_iter().flat_map(move |attr| {
        html.match_indices(attr).filter_map(move |(at, _)| {
            let rest = &html[at + attr.len()..];
            let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
            let value = &rest[1..];
            value.find(quote).map(|end| &value[..end])
        })
    })
}

fn is_internal(link: &str) -> bool {
    !(link.is_empty()
        || link.starts_with('#')
        || link.starts_with("//")
        || link.starts_with('/')
        || link.contains("://")
        || link.starts_with("mailto:")
        || link.starts_with("tel:")
        || link.starts_with("data:")
        || link.starts_with("javascript:"))
}

/// Joins a relative link to the page's folder, folding `.` and `..`.
fn resolve(dir: &str, link: &str) -> String {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in link.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_only_broken_relative_links() {
        let files: BTreeSet<String> =
            ["index.html", "a/b.html", "static/style.css"].iter().map(|s| s.to_string()).collect();
        let html = r##"<a href="../index.html">x</a><a href='b.html#top'>y</a><link href="../static/style.css">
            <a href="c.html">z</a><a href="https://example.org/">e</a><a href="#x">h</a><img src="../img/none.png">"##;
        assert_eq!(broken("a/page.html", html, &files), vec!["c.html", "../img/none.png"]);
    }
}
