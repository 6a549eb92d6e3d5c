//! Offline Chinese full-text search: pagefind indexes built in-process from the rendered
//! pages. Pagefind segments Chinese words (its `extended` feature) and ships the browser side
//! (pagefind.js, its UI and a wasm file), so the site needs nothing from the internet.
//! Which pages are indexed is the theme's choice: those with `data-pagefind-body`.
//!
//! A big site is indexed in parts of whole institutions, side by side, and the search page
//! merges them (pagefind's multi-site search, `mergeIndex`). Pagefind's in-memory index grows
//! faster than its pages (1,500 pages: 0.9 s; 16,000 pages: 15 s and 3 GB) and takes its pages
//! one at a time; parts keep time and memory linear and use every core. Which pages go into
//! which part depends only on the content, so the bytes do not depend on the machine.

use std::ops::Range;

use pagefind::api::PagefindIndex;

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
    let first = part.is_first();
    // Pagefind's API is async; a runtime of the calling thread is enough to drive it.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| Error::internal(t!("search-runtime", error = e.to_string())))?;
    runtime.block_on(async {
        let mut index = PagefindIndex::new(None).map_err(err)?;
        for (path, html) in unindexed_left_out(pages) {
            let html = prepared(html);
            index.add_html_file(None, Some(path), html).await.map_err(err)?;
        }
        let files = index.get_files().await.map_err(err)?;
        Ok(files
            .into_iter()
            .filter_map(|f| {
                let name = f.filename.to_string_lossy().replace('\\', "/");
                (!unused(&name, first)).then(|| (format!("{}{name}", part.bundle), f.contents))
            })
            .collect())
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

/// The page as pagefind should read it:
///
/// - without its `data-pagefind-ignore="all"` blocks, which pagefind leaves out of the index but
///   still walks element by element (a person's page repeats the cards of their posts there:
///   most of its markup). They are found in the text (`cut`); where that is not plain, lol_html,
///   pagefind's own parser, cuts them; a page it cannot rewrite is indexed as it is;
/// - with every block ending in an ideographic space (`spaced`).
fn prepared(html: String) -> String {
    if !html.contains(IGNORED) {
        return spaced(&html);
    }
    match cut(&html).or_else(|| parsed_cut(&html)) {
        Some(cut) => spaced(&cut),
        None => spaced(&html),
    }
}

/// The page without its `IGNORED` elements, as lol_html (pagefind's own parser) removes them;
/// None when it cannot rewrite the page.
fn parsed_cut(html: &str) -> Option<String> {
    let cut = lol_html::element!("[data-pagefind-ignore=all]", |el| {
        el.remove();
        Ok(())
    });
    lol_html::rewrite_str(html, lol_html::RewriteStrSettings::new().append_element_content_handler(cut)).ok()
}

/// The mark of a block pagefind leaves out, as the default theme writes it.
const IGNORED: &str = "data-pagefind-ignore=\"all\"";

/// The page without the elements that carry `IGNORED`, found in the text rather than by
/// parsing the page (lol_html took 7 % of a site build at 10,000 employees, for pages whose
/// text is escaped, so that `<` starts a tag): a marked element is the tag the mark stands in,
/// and it ends where as many elements of its name have closed as have opened. None when that is
/// not plain: the mark outside a tag, an element that closes itself or never closes, a comment
/// or a script inside it.
fn cut(html: &str) -> Option<String> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(IGNORED) {
        let open = rest[..at].rfind('<')?;
        let name_len = rest[open + 1..].bytes().take_while(u8::is_ascii_alphanumeric).count();
        let name = rest.as_bytes().get(open + 1..open + 1 + name_len)?;
        if name.is_empty() || rest[open..at].contains('>') || !rest[..at].ends_with(' ') {
            return None;
        }
        let inside = at + rest[at..].find('>')? + 1;
        if rest[..inside].ends_with("/>") {
            return None;
        }
        // Whether `tag` (after its `<` or `</`) starts an element of the same name.
        let same = |tag: &[u8]| {
            tag.get(..name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name))
                && tag.get(name.len()).is_some_and(|b| matches!(b, b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r'))
        };
        let (mut depth, mut pos) = (1usize, inside);
        let end = loop {
            let lt = pos + rest[pos..].find('<')?;
            let tag = &rest.as_bytes()[lt + 1..];
            if tag.starts_with(b"!--") || tag.get(..6).is_some_and(|t| t.eq_ignore_ascii_case(b"script")) {
                return None;
            }
            match tag.strip_prefix(b"/") {
                Some(closing) if same(closing) => {
                    depth -= 1;
                    if depth == 0 {
                        break lt + rest[lt..].find('>')? + 1;
                    }
                }
                None if same(tag) => depth += 1,
                _ => {}
            }
            pos = lt + 1;
        };
        out.push_str(&rest[..open]);
        rest = &rest[end..];
    }
    out.push_str(rest);
    Some(out)
}

/// Pagefind ends a block whose last character is a letter with ". ", so that excerpts read as
/// sentences; Chinese text ends in a letter more often than not (a heading, a name, a table
/// cell), and excerpts read "台账. 连云港市". A block that ends in a space gets none, and the
/// spaces become one. The end tags are found in the text rather than by parsing it again (a
/// tenth of the site's time at 10,000 employees): the pages' text is escaped, so `</` starts
/// a tag.
fn spaced(html: &str) -> String {
    /// The elements pagefind ends with a full stop (its `SENTENCE_SELECTORS`).
    const BLOCKS: [&str; 13] = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "td", "div", "ul", "li", "article", "section"];
    let mut out = String::with_capacity(html.len() + html.len() / 32);
    let mut rest = html;
    while let Some(at) = rest.find("</") {
        let (before, tag) = rest.split_at(at);
        out.push_str(before);
        let name = tag.as_bytes()[2..].iter().take(8).position(|&b| b == b'>').map(|end| &tag[2..2 + end]);
        if name.is_some_and(|n| BLOCKS.iter().any(|b| b.eq_ignore_ascii_case(n))) {
            out.push('\u{3000}');
        }
        out.push_str("</");
        rest = &tag[2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{cut, parsed_cut, prepared, unindexed_left_out};

    #[test]
    fn cuts_in_the_text_what_the_parser_cuts() {
        let pages = [
            r#"<main><h1>甲</h1><div data-pagefind-ignore="all"><div><h2>乙</h2><DIV class="x">丙</Div></div><p>丁</p></div><p>戊</p></main>"#,
            r#"<p>甲</p><section data-pagefind-ignore="all"><section>乙</section></section><div data-pagefind-ignore="all">丙</div>己"#,
            r#"<ul><li data-pagefind-ignore="all">甲<ul><li>乙</li></ul></li><li>丙</li></ul><divx>丁</divx>"#,
            r#"<div class="a" data-pagefind-ignore="all" id="b"><br/><divider>甲</divider></div>乙"#,
        ];
        for page in pages {
            assert_eq!(cut(page), parsed_cut(page), "{page}");
        }
        // What is not plain is left to the parser.
        for page in [
            r#"<div data-pagefind-ignore="all"><!-- </div> --></div>"#,
            r#"<div data-pagefind-ignore="all"><script>let a = "</div>";</script></div>"#,
            r#"<img data-pagefind-ignore="all"/>甲"#,
            r#"<div data-pagefind-ignore="all">不闭合"#,
            r#"<p>data-pagefind-ignore="all"</p>"#,
        ] {
            assert_eq!(cut(page), None, "{page}");
        }
    }

    #[test]
    fn cuts_excluded_blocks_and_ends_blocks_with_a_space() {
        let page = concat!(
            r#"<html lang="zh-CN"><body><main data-pagefind-body><h1>阿拉坦</h1>"#,
            r#"<div data-pagefind-ignore="all"><div><h2 id="c">护理部主任</h2></div><p>职责</p></div>"#,
            r#"<p data-pagefind-ignore>不索引但保留</p><p>所任<b>岗位</b></p></main></body></html>"#
        );
        assert_eq!(
            prepared(page.to_string()),
            concat!(
                r#"<html lang="zh-CN"><body><main data-pagefind-body><h1>阿拉坦　</h1>"#,
                r#"<p data-pagefind-ignore>不索引但保留　</p><p>所任<b>岗位</b>　</p></main></body></html>"#
            )
        );
    }

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

    #[test]
    fn keeps_inline_text_as_it_is() {
        let page = r#"<main data-pagefind-body><span>护理部</span> <a href="x.html">链接</a></main>"#.to_string();
        assert_eq!(prepared(page.clone()), page);
        // An end tag cut short at the end of the page is left as it is.
        assert_eq!(prepared("<p>甲</p".to_string()), "<p>甲</p");
        assert_eq!(prepared("<P>甲</P><td>乙</td >".to_string()), "<P>甲　</P><td>乙</td >");
    }
}
