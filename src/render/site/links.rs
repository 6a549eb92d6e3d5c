//! Every internal link of the generated site must point at a generated file; a broken link
//! fails the build (a user's template override can easily break one).
//!
//! Hand-written on purpose: the pages come from our own templates, attributes are quoted, and
//! a full HTML parser would cost more build time than the whole site renderer.

use std::collections::{BTreeSet, HashMap};

/// The internal links of the pages seen so far: each distinct target once, with the first page
/// (in page order) that links it and the link as written. A province's site has a hundred
/// thousand pages; keeping targets rather than pages keeps this small.
#[derive(Default)]
pub(crate) struct Links {
    targets: HashMap<String, (String, String)>,
}

impl Links {
    /// Records the relative links of `html`, the page at `page` (its path from the site root).
    pub(crate) fn add(&mut self, page: &str, html: &str) {
        let dir = page.rsplit_once('/').map_or("", |(d, _)| d);
        // A page links mostly targets seen before (its masthead, its institution's pages):
        // resolved into one buffer, and kept only when new.
        let (mut parts, mut target) = (Vec::new(), String::new());
        for link in attribute_values(html).filter(|v| is_internal(v)) {
            let path = link.split(['#', '?']).next().unwrap_or("");
            if path.is_empty() {
                continue;
            }
            resolve_into(dir, path, &mut parts, &mut target);
            if !self.targets.contains_key(&target) {
                self.targets.insert(target.clone(), (page.to_string(), link.to_string()));
            }
        }
    }

    /// Adds another page set's links; for a target both link, the first set's page is kept.
    pub(crate) fn extend(&mut self, later: Links) {
        for (target, first) in later.targets {
            self.targets.entry(target).or_insert(first);
        }
    }

    /// The links to missing files, as (page, link as written), in the order of their targets;
    /// `files` are all files of the site.
    pub(crate) fn broken(&self, files: &BTreeSet<String>) -> Vec<(&str, &str)> {
        let mut broken: Vec<_> = self.targets.iter().filter(|(target, _)| !files.contains(*target)).collect();
        broken.sort_unstable_by_key(|(target, _)| *target);
        broken.into_iter().map(|(_, (page, link))| (page.as_str(), link.as_str())).collect()
    }
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

pub(crate) fn is_internal(link: &str) -> bool {
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
pub(crate) fn resolve(dir: &str, link: &str) -> String {
    let mut target = String::new();
    resolve_into(dir, link, &mut Vec::new(), &mut target);
    target
}

/// `resolve` into `target`, with `parts` as room for the path's parts.
fn resolve_into<'a>(dir: &'a str, link: &'a str, parts: &mut Vec<&'a str>, target: &mut String) {
    parts.clear();
    parts.extend(dir.split('/').filter(|p| !p.is_empty()));
    for part in link.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    target.clear();
    for (k, part) in parts.iter().enumerate() {
        if k > 0 {
            target.push('/');
        }
        target.push_str(part);
    }
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
        let mut links = Links::default();
        links.add("a/page.html", html);
        links.add("index.html", r#"<a href="a/c.html">again</a>"#);
        assert_eq!(links.broken(&files), vec![("a/page.html", "c.html"), ("a/page.html", "../img/none.png")]);
    }
}
