//! Offline Chinese full-text search: pagefind indexes built in-process from the rendered
//! pages. The index files are written here in pagefind 1.6.0's format (`html`, `words`,
//! `bundle`), as pagefind's own indexer writes them but in about half its CPU; a part with a
//! page this writer is not sure to read as pagefind does is indexed by pagefind's API. Pagefind
//! ships the browser side (pagefind.js, its UI and a wasm file), so the site needs nothing from
//! the internet.
//! Which pages are indexed is the theme's choice: those with `data-pagefind-body`.
//!
//! A big site is indexed in parts of whole institutions, side by side, and the search page
//! merges them (pagefind's multi-site search, `mergeIndex`). Pagefind's in-memory index grows
//! faster than its pages (1,500 pages: 0.9 s; 16,000 pages: 15 s and 3 GB) and takes its pages
//! one at a time; parts keep time and memory linear and use every core. Which pages go into
//! which part depends only on the content, so the bytes do not depend on the machine.

mod bundle;
mod chars;
mod html;
mod prepare;
mod words;

use std::ops::Range;
use std::sync::OnceLock;

use pagefind::api::PagefindIndex;
use rayon::prelude::*;

use crate::render::paths;
use crate::t;

use crate::error::{Error, Result};
use crate::model::{Institution, Model};

/// Where the first part's bundle goes, below the site root; the search page loads it.
pub(crate) const BUNDLE: &str = crate::render::paths::SEARCH_BUNDLE;

/// The bundle's files that pages link to.
pub(crate) const UI_FILES: &[&str] = &["pagefind-ui.js", "pagefind-ui.css"];

/// One part of the index: a run of institutions (in model order) and, in the first part, the
/// pages that belong to no institution.
pub(crate) struct Part {
    pub(crate) institutions: Range<usize>,
    /// The bundle's folder below the site root, ending in `/`.
    pub(crate) bundle: String,
}

impl Part {
    /// The first part holds the pages of no institution and the search UI.
    pub(crate) fn is_first(&self) -> bool {
        self.bundle.trim_end_matches('/') == BUNDLE
    }
}

/// Pages from which a site's index comes in two parts at least. Pagefind takes a part's pages
/// one at a time, so a county's single part kept one core busy and the other idle: 1,540 pages
/// in two parts built the site in 1.9 s instead of 2.5 s, in 150 MB instead of 180 MB. A
/// smaller site stays one part: one bundle for the search page to load.
const TWO_PARTS_FROM: usize = 1000;

/// Splits the institutions, in model order, into as few parts as keep each at about
/// `model.site.search_part_pages` pages at most (two at least from `TWO_PARTS_FROM` pages), of
/// about equal size: an institution goes to the part where its middle page falls. An institution
/// is never split (it is the unit a reader searches most).
pub(crate) fn parts(model: &Model) -> Vec<Part> {
    let total: usize = model.institutions.iter().map(|i| indexed_pages(i)).sum();
    let mut count = total.div_ceil(model.site.search_part_pages).max(1);
    if total >= TWO_PARTS_FROM {
        count = count.max(2);
    }
    let mut parts: Vec<Part> = Vec::new();
    let (mut before, mut last) = (0, None);
    for (i, inst) in model.institutions.iter().enumerate() {
        let own = indexed_pages(inst);
        let k = (before + own / 2) * count / total;
        before += own;
        match parts.last_mut() {
            Some(part) if last == Some(k) => part.institutions.end = i + 1,
            _ => {
                let bundle = paths::search_part(parts.len() + 1);
                parts.push(Part { institutions: i..i + 1, bundle });
                last = Some(k);
            }
        }
    }
    if parts.is_empty() {
        parts.push(Part { institutions: 0..0, bundle: paths::search_part(1) });
    }
    parts
}

/// The pages of an institution the default theme indexes (its page, departments, posts, people).
fn indexed_pages(inst: &Institution) -> usize {
    1 + inst.departments.len() + inst.posts.len() + inst.people.len()
}

/// Files of the pagefind bundle that the default theme does not use; parts after the first
/// need no UI at all (the first part's UI loads them).
fn unused(name: &str, first: bool) -> bool {
    name.starts_with("pagefind-component-ui")
        || name.starts_with("pagefind-modular-ui")
        || (!first && name.starts_with("pagefind-ui"))
}

/// Pagefind reports `anyhow` errors; only their text is kept.
fn err(e: impl std::fmt::Display) -> Error {
    Error::internal(t!("search-error", error = e.to_string()))
}

/// The bundle's files: (path from the site root, bytes).
pub(crate) type Bundle = Vec<(String, Vec<u8>)>;

/// Indexes one part's pages (path from the site root, HTML), in the order given, into the
/// bundle at `part.bundle`. Result URLs stay relative to the site root, where the search page
/// is, so results work under any sub-path.
pub(crate) fn index(part: &Part, pages: Vec<(String, String)>) -> Result<Bundle> {
    index_as(part, pages, prepare::prepared)
}

/// `index`, each page as `prepare` makes it. The index files are written here (`html`, `words`,
/// `bundle`: about half the CPU of pagefind's own indexer) when every page of the part is plain
/// enough for that; else pagefind indexes the whole part. The browser files come from pagefind.
fn index_as(part: &Part, pages: Vec<(String, String)>, prepare: fn(String) -> String) -> Result<Bundle> {
    let first = part.is_first();
    // Each page on its own (the part's own order kept): the last part to finish then still
    // uses every core.
    let pages: Vec<(String, String)> =
        unindexed_left_out(pages).into_par_iter().map(|(path, html)| (path, prepare(html))).collect();
    let files = match own_index(&pages) {
        Some(mut files) => {
            files.extend(browser_files()?.iter().cloned());
            files
        }
        None => pagefind_index(pages)?,
    };
    Ok(files
        .into_iter()
        .filter(|(name, _)| !unused(name, first))
        .map(|(name, bytes)| (format!("{}{name}", part.bundle), bytes))
        .collect())
}

/// The language of the pages the own writer takes: the theme's, whose browser files (no
/// stemmer, no language wasm) `browser_files` makes.
const LANGUAGE: &str = "zh-cn";

/// The part's index files (path in the bundle, bytes) in pagefind 1.6.0's format; None when
/// some page is not plain enough to be read exactly as pagefind reads it.
fn own_index(pages: &[(String, String)]) -> Option<Vec<(String, Vec<u8>)>> {
    if pages.is_empty() {
        return None;
    }
    let read: Vec<words::PageWords> = pages
        .par_iter()
        .map(|(path, html)| words::page_words(path.clone(), html::read(html)?).filter(|p| p.language == LANGUAGE))
        .collect::<Option<_>>()?;
    bundle::files(read, LANGUAGE)
}

/// Whether a bundle file is part of the index (as opposed to pagefind's browser files).
fn is_index_file(name: &str) -> bool {
    name == "pagefind-entry.json"
        || [".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter"].iter().any(|e| name.ends_with(e))
}

/// Pagefind's browser files (its scripts, UI, wasm), the same for every index: made once per
/// process, from an index of one small page.
fn browser_files() -> Result<&'static Bundle> {
    static FILES: OnceLock<std::result::Result<Bundle, String>> = OnceLock::new();
    let made = FILES.get_or_init(|| {
        let page = r#"<html lang="zh-CN"><body><p>页</p></body></html>"#.to_string();
        let files = pagefind_index(vec![("page.html".into(), page)]).map_err(|e| e.to_string())?;
        Ok(files.into_iter().filter(|(name, _)| !is_index_file(name)).collect())
    });
    made.as_ref().map_err(err)
}

/// The bundle as pagefind's API makes it: (path in the bundle, bytes).
fn pagefind_index(pages: Vec<(String, String)>) -> Result<Bundle> {
    // Pagefind's API is async; a runtime of the calling thread is enough to drive it.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| Error::internal(t!("search-runtime", error = e.to_string())))?;
    runtime.block_on(async {
        let mut index = PagefindIndex::new(None).map_err(err)?;
        for (path, html) in pages {
            index.add_html_file(None, Some(path), html).await.map_err(err)?;
        }
        let files = index.get_files().await.map_err(err)?;
        Ok(files.into_iter().map(|f| (f.filename.to_string_lossy().replace('\\', "/"), f.contents)).collect())
    })
}

/// The pages pagefind would index. When some page has a `data-pagefind-body` element, pagefind
/// indexes only such pages, but it reads and segments every page it is given and drops the
/// others at the end; the public display (公示, every duty of an institution on one page) is
/// one of those. So they are left out before. A page counts as marked when its markup holds
/// the attribute's name anywhere, in any case: one that only mentions it in its text is kept,
/// and pagefind decides.
fn unindexed_left_out(pages: Vec<(String, String)>) -> Vec<(String, String)> {
    const BODY: &str = "data-pagefind-body";
    let marked = |html: &str| {
        html.contains(BODY) || html.as_bytes().windows(BODY.len()).any(|w| w.eq_ignore_ascii_case(BODY.as_bytes()))
    };
    let marks: Vec<bool> = pages.iter().map(|(_, html)| marked(html)).collect();
    if !marks.contains(&true) {
        return pages;
    }
    pages.into_iter().zip(marks).filter_map(|(page, marked)| marked.then_some(page)).collect()
}

#[cfg(test)]
mod tests {
    use super::{
        Part, browser_files, html, index_as, is_index_file, own_index, pagefind_index, prepare, unindexed_left_out,
        words,
    };
    use crate::render::paths;

    #[test]
    fn leaves_out_unmarked_pages_only_when_some_page_is_marked() {
        let page = |path: &str, html: &str| (path.to_string(), html.to_string());
        let marked = page("post.html", r#"<html><body><main data-pagefind-body>岗位</main></body></html>"#);
        let shouting = page("old.html", r#"<html><body><main DATA-PAGEFIND-BODY>旧页</main></body></html>"#);
        let display = page("display.html", r#"<html><body><main>公示</main></body></html>"#);
        let kept = unindexed_left_out(vec![marked.clone(), display.clone(), shouting.clone()]);
        assert_eq!(kept, vec![marked, shouting]);
        // A theme that marks no page has every page indexed.
        assert_eq!(unindexed_left_out(vec![display.clone()]), vec![display]);
    }

    /// Whether `pages` give the same index trimmed as untrimmed; and how many bytes pagefind
    /// reads of them each way.
    fn same_index(pages: Vec<(String, String)>) -> (bool, usize, usize) {
        let part = Part { institutions: 0..0, bundle: paths::search_part(1) };
        let bytes = |prepare: fn(String) -> String| pages.iter().map(|(_, html)| prepare(html.clone()).len()).sum();
        // Files in order of name: pagefind lists a page's filter files in no fixed order.
        let index = |prepare: fn(String) -> String| {
            let mut files = index_as(&part, pages.clone(), prepare).unwrap();
            files.sort();
            files
        };
        let (trimmed, untrimmed) = (index(prepare::prepared), index(prepare::untrimmed));
        (trimmed == untrimmed, bytes(prepare::prepared), bytes(prepare::untrimmed))
    }

    /// Pages of the default theme's shape (`plain`), and pages that tell whether trimming or
    /// the own writer reads them as pagefind does: (pages, how many are plain).
    fn tricky_pages() -> (Vec<String>, usize) {
        let head = r#"<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>页 · 站</title><link rel="stylesheet" href="s.css"></head>"#;
        let chrome = r##"<a class="skip" href="#main">跳到正文</a><header><div><a href="i.html">站名</a><nav><a href="p.html">人员</a></nav><form action="s.html"><input type="search" name="q"></form></div></header><br><nav class="crumbs"><ol><li><a href="i.html">首页</a></li></ol></nav>"##;
        let main = r#"<main id="main" data-pagefind-body><h1 data-pagefind-filter="类型:岗位">护士长</h1><p>所在<b>科室</b></p><ol><li data-pagefind-ignore><span>类别职责</span></li><li id="duty-2">本岗位职责</li><li data-pagefind-ignore="index">修订前</li></ol><section data-pagefind-ignore><h3>奖惩</h3><ol><li>表扬</li></ol></section></main>"#;
        let footer = r#"<footer><div><p>页脚</p></div></footer>"#;
        let page = |body: &str| format!("{head}<body class=\"c\">{body}</body></html>");
        let plain = [
            page(&format!("{chrome}\n{main}\n{footer}\n")),
            page(&format!("{chrome}{main}尾随文字{footer}")),
            page(&format!("{chrome}{main}<br>{footer}<br>")),
            page(&format!(
                "{}{}",
                chrome.to_uppercase().replace("#MAIN", "#main"),
                main.replace("<main", "<MAIN").replace("</main>", "</MAIN>")
            )),
        ];
        let telling = [
            // What pagefind takes from outside the body or from an ignored block.
            page(&format!(
                "<header><h1>页头标题</h1></header>{}",
                main.replace("<h1", "<h2").replace("</h1>", "</h2>")
            )),
            page(&format!("<div id=\"top\">顶</div>{main}")),
            page(&format!("{main}<footer><span data-pagefind-meta=\"作者:甲\">甲</span><img src=\"a.png\"></footer>")),
            page(&format!("{main}<div><img src=\"b.png\" alt=\"图\"></div>")),
            page(&main.replace("<span>类别职责</span>", "<span id=\"dup\">类别职责</span>")),
            page(&main.replace("<span>类别职责</span>", "<span class=\"a\"\n  ID = \"dup\">类别职责</span>")),
            page(&format!("<div id>顶</div>{main}")),
            page(&main.replace("<span>类别职责</span>", "<h1>忽略块里的标题</h1>")),
            page(&main.replace("<span>类别职责</span>", "<span data-pagefind-filter=\"部门\">护理部</span>")),
            // Not plain: two bodies, a comment, an element that never closes.
            page(&format!("{chrome}{main}<aside data-pagefind-body>侧栏</aside>")),
            page(&format!("<!-- 注释 -->{chrome}{main}{footer}")),
            page(&format!("<header><div>{main}")),
            // No title but the page's own.
            page(&format!("{chrome}<main data-pagefind-body><p>无标题</p></main>{footer}")),
        ];
        (plain.iter().chain(&telling).cloned().collect(), plain.len())
    }

    /// What is trimmed leaves the index as it was, byte for byte, also where pagefind would have
    /// taken something from the chrome or from an ignored block (a title, an anchor, a filter,
    /// an image, text after the body), in which case that element stays.
    #[test]
    fn trimming_never_changes_the_index() {
        let (pages, plain) = tricky_pages();
        for (k, html) in pages.iter().enumerate() {
            let (same, trimmed, untrimmed) = same_index(vec![(format!("p{k}.html"), html.clone())]);
            assert!(same, "page {k} indexed differently once trimmed:\n{html}");
            if k < plain {
                assert!(trimmed * 2 < untrimmed, "page {k}: {trimmed} bytes of {untrimmed}");
            }
        }
    }

    /// The example site's pages: (path from the site root, HTML).
    fn example_pages() -> Vec<(String, String)> {
        let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let model = crate::checked::check(&content, |_| {}).model.expect("the example content checks clean");
        let options = crate::pipeline::Options {
            selection: crate::render::Selection {
                parts: Some([crate::render::Part::Site].into_iter().collect()),
                institutions: None,
            },
            search: false,
            ..Default::default()
        };
        let (files, _) = crate::pipeline::build_in_memory(&model, &[], &content, options).unwrap();
        let pages: Vec<(String, String)> = files
            .iter()
            .filter_map(|(path, bytes)| {
                let page =
                    path.strip_prefix("site/")?.strip_suffix(".html").map(|_| path["site/".len()..].to_string())?;
                Some((page, String::from_utf8(bytes.to_vec()).unwrap()))
            })
            .collect();
        pages
    }

    /// The example site's index, trimmed and untrimmed: the same bytes, from far fewer.
    #[test]
    fn the_example_sites_index_is_the_same_trimmed() {
        let pages = example_pages();
        assert!(pages.len() > 100, "{} pages", pages.len());
        let (same, trimmed, untrimmed) = same_index(pages);
        assert!(same, "the example site's index changed once trimmed");
        assert!(trimmed * 10 < untrimmed * 8, "pagefind reads {trimmed} bytes of {untrimmed}");
    }

    /// A bundle's files in order of name, the index files unzipped.
    fn unzipped(files: Vec<(String, Vec<u8>)>) -> Vec<(String, Vec<u8>)> {
        use std::io::Read;
        let mut files: Vec<(String, Vec<u8>)> = files
            .into_iter()
            .map(|(name, bytes)| {
                if name.contains(".pf_") {
                    let mut out = Vec::new();
                    flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut out).unwrap();
                    (name, out)
                } else {
                    (name, bytes)
                }
            })
            .collect();
        files.sort();
        files
    }

    type Files = Vec<(String, Vec<u8>)>;

    /// The own writer's bundle of the pages as `index` prepares them, and pagefind's: None
    /// when the own writer leaves them to pagefind.
    fn both(pages: Vec<(String, String)>) -> Option<(Files, Files)> {
        let pages: Vec<(String, String)> =
            unindexed_left_out(pages).into_iter().map(|(path, html)| (path, prepare::prepared(html))).collect();
        let mut own = own_index(&pages)?;
        own.extend(browser_files().unwrap().iter().cloned());
        Some((unzipped(own), unzipped(pagefind_index(pages).unwrap())))
    }

    /// Asserts two bundles are the same, naming the first file that differs.
    fn assert_same(own: &[(String, Vec<u8>)], theirs: &[(String, Vec<u8>)], what: &str) {
        let names = |files: &[(String, Vec<u8>)]| files.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        let (mine, pagefinds) = (names(own), names(theirs));
        let only = |a: &[String], b: &[String]| a.iter().filter(|n| !b.contains(n)).cloned().collect::<Vec<_>>();
        assert!(
            mine == pagefinds,
            "{what}: file names differ; only mine: {:?}; only pagefind's: {:?}",
            only(&mine, &pagefinds),
            only(&pagefinds, &mine)
        );
        for ((name, mine), (_, pagefinds)) in own.iter().zip(theirs) {
            assert!(
                mine == pagefinds,
                "{what}: {name} differs:\n{}\n{}",
                String::from_utf8_lossy(&mine[..mine.len().min(600)]),
                String::from_utf8_lossy(&pagefinds[..pagefinds.len().min(600)])
            );
        }
    }

    /// The whole example site written by the own writer and by pagefind: the same files, byte
    /// for byte once unzipped. This is what fails when pagefind's format changes.
    #[test]
    fn the_own_writer_writes_what_pagefind_writes_for_the_example_site() {
        let pages = example_pages();
        // The first page the own writer leaves to pagefind, to say which in the failure.
        let refused = pages.iter().find(|(path, html)| {
            let html = prepare::prepared(html.clone());
            html::read(&html).and_then(|r| words::page_words(path.clone(), r)).is_none()
        });
        let (own, theirs) = both(pages.clone()).unwrap_or_else(|| panic!("left to pagefind: {refused:?}"));
        assert!(own.iter().filter(|(n, _)| is_index_file(n)).count() > 100, "{} files", own.len());
        assert_same(&own, &theirs, "the example site");
    }

    /// The tricky pages, one by one: the same files as pagefind's, or left to pagefind. The
    /// pages of the theme's shape are never left to it.
    #[test]
    fn the_own_writer_writes_what_pagefind_writes_for_tricky_pages() {
        let (pages, plain) = tricky_pages();
        let mut refused = Vec::new();
        for (k, html) in pages.into_iter().enumerate() {
            match both(vec![(format!("p{k}.html"), html)]) {
                Some((own, theirs)) => assert_same(&own, &theirs, &format!("page {k}")),
                None => refused.push(k),
            }
        }
        assert!(refused.iter().all(|&k| k >= plain), "plain pages left to pagefind: {refused:?}");
        // Left to pagefind: two pages with an image (pagefind may take the page's image from
        // it), an attribute written `ID = "dup"` and an element that never closes. Two bodies
        // and a comment are read as pagefind reads them.
        assert_eq!(refused, [6, 7, 9, 15], "pages left to pagefind");
    }

    /// Pages found by differential fuzzing (mutants of the example's pages indexed both ways):
    /// each is indexed as pagefind indexes it, by the own writer or by pagefind, and none makes
    /// the build panic.
    #[test]
    fn pages_found_by_fuzzing_are_indexed_as_pagefind_indexes_them() {
        let pages = [
            // A tag name pagefind takes whole, with what follows its letters.
            r#"<html lang="zh-CN"><body><main><h1;>医</h1></main></body></html>"#,
            r#"<html lang="zh-CN"><body><main>‹article。="" id>副</article></main></body></html>"#,
            // No page with a word: pagefind writes no meta file.
            r#"<html lang="zh-CN"><body></body></html>"#,
            r#"<html lang="zh-CN"><body><p></p></body></html>"#,
            r#"<html lang="zh-CN"><body><main data-pagefind-body></main></body></html>"#,
            // `<body` without its own `>` before the indexed element (the trimming sliced backwards).
            r#"<body <main data-pagefind-body></main>"#,
            r#"<body x <main data-pagefind-body>甲</main></body>"#,
        ];
        for (k, html) in pages.iter().enumerate() {
            let page = vec![(format!("f{k}.html"), html.to_string())];
            if let Some((own, theirs)) = both(page.clone()) {
                assert_same(&own, &theirs, &format!("fuzzed page {k}"));
            }
            let part = Part { institutions: 0..0, bundle: paths::search_part(1) };
            assert!(index_as(&part, page, prepare::prepared).is_ok(), "fuzzed page {k}");
        }
    }

    /// A page the own reader refuses (a mark of pagefind's the theme never writes) sends the
    /// whole part to pagefind: the bundle is pagefind's own.
    #[test]
    fn a_page_the_reader_refuses_goes_to_pagefind() {
        let plain =
            r#"<html lang="zh-CN"><body><main data-pagefind-body><h1>护士长</h1><p>职责</p></main></body></html>"#;
        let odd = r#"<html lang="zh-CN"><body><main data-pagefind-body data-pagefind-sort="date:2024"><p>甲</p></main></body></html>"#;
        let pages = vec![("a.html".to_string(), plain.to_string()), ("b.html".to_string(), odd.to_string())];
        assert!(own_index(&pages[..1]).is_some());
        assert!(own_index(&pages).is_none());
        let part = Part { institutions: 0..0, bundle: paths::search_part(1) };
        let mut indexed = index_as(&part, pages.clone(), prepare::prepared).unwrap();
        indexed.sort();
        let prepared = pages.into_iter().map(|(p, h)| (p, prepare::prepared(h))).collect();
        let mut theirs: Files = pagefind_index(prepared)
            .unwrap()
            .into_iter()
            .filter(|(n, _)| !super::unused(n, true))
            .map(|(n, b)| (format!("{}{n}", part.bundle), b))
            .collect();
        theirs.sort();
        // Pagefind's own compression level too: the bytes as pagefind writes them.
        assert_eq!(indexed.len(), theirs.len());
        assert!(indexed.iter().zip(&theirs).all(|(a, b)| a == b), "the fallback is pagefind's bundle");
    }
}
