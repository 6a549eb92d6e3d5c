//! Where every output lives, both ways: the path of a thing, and the thing a path names. No
//! other module spells an output path.
//!
//! Paths are below the site root unless they say otherwise; the output root holds `site/`
//! (what a web server publishes) and `data/`. Pages end in `.html`, so that the site also works
//! from a file share (file://), where folders have no index page.

use crate::model::Model;
use crate::render::theme::Theme;

/// A file below the site root, as a path below the output root.
pub(crate) fn in_site(path: &str) -> String {
    format!("site/{path}")
}

/// A path below the output root as a path below the site root, if it is in the site.
pub(crate) fn below_site(path: &str) -> Option<&str> {
    path.strip_prefix("site/")
}

/// A data export, as a path below the output root.
pub(crate) fn data(name: &str) -> String {
    format!("data/{name}")
}

/// An institution's workbook (.xlsx), as a path below the output root.
pub(crate) fn workbook(institution: &str) -> String {
    data(&format!("workbooks/{institution}.xlsx"))
}

pub(crate) const HOME: &str = "index.html";
pub(crate) const SEARCH: &str = "search.html";
pub(crate) const NOT_FOUND: &str = "404.html";
pub(crate) const CHANGELOG: &str = "changes.html";
pub(crate) const SITEMAP: &str = "sitemap.xml";
/// The site's lists of the institutions' rosters and displays (with several institutions).
pub(crate) const PEOPLE: &str = "people.html";
pub(crate) const DISPLAYS: &str = "displays.html";

/// The search index (pagefind's bundle): its first part, the others in `parts/<n>/`.
pub(crate) const SEARCH_BUNDLE: &str = "pagefind";

/// A file of the search index's first part (the search page loads its UI from there).
pub(crate) fn search_file(name: &str) -> String {
    format!("{SEARCH_BUNDLE}/{name}")
}

/// The folder of a part of the search index: the first part's, or the `n`th's (from 2).
pub(crate) fn search_part(n: usize) -> String {
    if n <= 1 { format!("{SEARCH_BUNDLE}/") } else { format!("{SEARCH_BUNDLE}/parts/{n}/") }
}

/// Whether a path is a file of the search index.
pub(crate) fn is_search_index(path: &str) -> bool {
    path.strip_prefix(SEARCH_BUNDLE).is_some_and(|rest| rest.starts_with('/'))
}

/// A file of the theme's `static/` folder.
pub(crate) fn asset(path: &str) -> String {
    format!("static/{path}")
}

pub(crate) fn institution(i: &str) -> String {
    format!("institutions/{i}/index.html")
}
/// An institution's roster (人员名册).
pub(crate) fn roster(i: &str) -> String {
    format!("institutions/{i}/people.html")
}
pub(crate) fn display(i: &str) -> String {
    format!("institutions/{i}/display.html")
}
/// The hazard ledger (隐患排查治理台账).
pub(crate) fn hazards(i: &str) -> String {
    format!("institutions/{i}/hazards.html")
}
/// A year of the hazard ledger: the hazards found that year, and its inspections.
pub(crate) fn hazards_year(i: &str, year: i16) -> String {
    format!("institutions/{i}/hazards/{year}.html")
}
/// A hazard's row, on the page of the year it was found.
pub(crate) fn hazard(i: &str, year: i16, id: &str) -> String {
    format!("{}#hazard-{id}", hazards_year(i, year))
}
/// A monthly bulletin of the hazard ledger (月度通报); `month` is `2022-12`.
pub(crate) fn bulletin(i: &str, month: &str) -> String {
    format!("institutions/{i}/bulletins/{month}.html")
}
/// The risk register (安全风险分级管控清单).
pub(crate) fn risks(i: &str) -> String {
    format!("institutions/{i}/risks.html")
}
pub(crate) fn department(i: &str, d: &str) -> String {
    format!("institutions/{i}/departments/{d}.html")
}
pub(crate) fn post(i: &str, p: &str) -> String {
    format!("institutions/{i}/posts/{p}.html")
}
/// The prefix of a page's links to the site root: `../` for each folder of its path.
pub(crate) fn root_of(page: &str) -> String {
    "../".repeat(page.matches('/').count())
}
pub(crate) fn person(i: &str, p: &str) -> String {
    format!("institutions/{i}/people/{p}.html")
}
pub(crate) fn page(slug: &str) -> String {
    format!("pages/{slug}.html")
}
/// A role category's page (its duties and the posts that hold them).
pub(crate) fn category(c: &str) -> String {
    format!("categories/{c}.html")
}
pub(crate) fn campaigns() -> String {
    "campaigns/index.html".to_string()
}
pub(crate) fn campaign(c: &str) -> String {
    format!("campaigns/{c}/index.html")
}
pub(crate) fn phase(c: &str, p: &str) -> String {
    format!("campaigns/{c}/{p}.html")
}
pub(crate) fn matrix(c: &str) -> String {
    format!("campaigns/{c}/matrix.html")
}
/// An evidence file, at its path below the campaign's folder, under `files/`: no file
/// name can then take the place of a page (`index.html`).
pub(crate) fn evidence(c: &str, file: &str) -> String {
    format!("campaigns/{c}/files/{file}")
}
/// A phase report (PDF).
pub(crate) fn report(c: &str, p: &str) -> String {
    format!("pdf/campaigns/{c}/{p}.pdf")
}

/// Whether the site has a page or file at `path` (below the site root): the functions above
/// read backwards, for links that content writes by hand.
pub(crate) fn exists(model: &Model, theme: &Theme, path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').collect();
    let stem = |f: &str, ext: &str| f.strip_suffix(ext).map(str::to_string);
    let html = |f: &str| stem(f, ".html");
    let inst = |i: &str| model.institution(i);
    let campaign = |c: &str| model.campaigns.iter().find(|x| x.id == c);
    match parts.as_slice() {
        ["index.html" | "search.html" | "404.html" | "changes.html"] => true,
        ["people.html" | "displays.html"] => model.institutions.len() > 1,
        ["static", rest @ ..] => theme.assets.contains_key(&rest.join("/")),
        ["pages", ..] => model.pages.iter().any(|p| page(&p.slug) == path),
        ["categories", f] => html(f).is_some_and(|c| model.category(&c).is_some()),
        ["institutions", i, "index.html" | "display.html" | "people.html"] => inst(i).is_some(),
        ["institutions", i, "hazards.html"] => {
            inst(i).is_some_and(|x| !x.hazards.is_empty() || !x.checklist.is_empty())
        }
        ["institutions", i, "hazards", f] => inst(i).is_some_and(|x| {
            html(f).is_some_and(|y| {
                x.hazards
                    .iter()
                    .map(|h| h.found.year().to_string())
                    .chain(x.inspections.iter().map(|i| i.date.year().to_string()))
                    .any(|h| h == y)
            })
        }),
        ["institutions", i, "bulletins", f] => inst(i).is_some_and(|x| {
            html(f).is_some_and(|m| crate::progress::bulletin_months(model, x).iter().any(|y| y.key() == m))
        }),
        ["institutions", i, "risks.html"] => inst(i).is_some_and(|x| x.lists_risks()),
        ["institutions", i, "departments", f] => {
            inst(i).is_some_and(|x| html(f).is_some_and(|d| x.departments.iter().any(|y| y.id == d)))
        }
        ["institutions", i, "posts", f] => {
            inst(i).is_some_and(|x| html(f).is_some_and(|p| x.posts.iter().any(|y| y.id == p)))
        }
        ["institutions", i, "people", f] => {
            inst(i).is_some_and(|x| html(f).is_some_and(|p| x.people.iter().any(|y| y.id == p)))
        }
        ["campaigns", "index.html"] => !model.campaigns.is_empty(),
        ["campaigns", c, "index.html" | "matrix.html"] => campaign(c).is_some(),
        ["campaigns", c, "files", rest @ ..] => campaign(c).is_some_and(|x| {
            let file = rest.join("/");
            x.records.iter().flat_map(|r| &r.evidence).any(|e| e.file.as_deref() == Some(file.as_str()))
        }),
        ["campaigns", c, f] => campaign(c).is_some_and(|x| html(f).is_some_and(|p| x.phases.iter().any(|y| y.id == p))),
        ["pdf", "campaigns", c, f] => {
            campaign(c).is_some_and(|x| stem(f, ".pdf").is_some_and(|p| x.phases.iter().any(|y| y.id == p)))
        }
        ["pdf", i, "cards.pdf" | "letters.pdf" | "display.pdf"] => inst(i).is_some(),
        ["pdf", i, "network.pdf"] => inst(i).is_some_and(|x| x.principal.is_some()),
        ["pdf", i, "displays", f] => inst(i).is_some_and(|x| {
            stem(f, ".pdf").is_some_and(|d| {
                x.departments.iter().any(|y| y.id == d && (!y.posts.is_empty() || !y.duties.is_empty()))
            })
        }),
        ["pdf", i, "risk-cards.pdf"] => inst(i).is_some_and(|x| x.lists_risks()),
        ["pdf", i, "risk-cards", f] => inst(i)
            .is_some_and(|x| stem(f, ".pdf").is_some_and(|p| x.posts.iter().any(|y| y.id == p && !y.risks.is_empty()))),
        ["pdf", i, "cards", f] => {
            inst(i).is_some_and(|x| stem(f, ".pdf").is_some_and(|p| x.posts.iter().any(|y| y.id == p)))
        }
        ["pdf", i, "notices", f] => {
            inst(i).is_some_and(|x| stem(f, ".pdf").is_some_and(|h| x.hazards.iter().any(|y| y.id == h)))
        }
        ["pdf", i, "bulletins", f] => inst(i).is_some_and(|x| {
            stem(f, ".pdf").is_some_and(|m| crate::progress::bulletin_months(model, x).iter().any(|y| y.key() == m))
        }),
        ["pdf", i, "registers.pdf"] => inst(i).is_some_and(|x| !x.letters.is_empty()),
        ["pdf", i, "registers", f] => inst(i).is_some_and(|x| {
            stem(f, ".pdf")
                .is_some_and(|d| x.letters.iter().any(|l| x.post(&l.party_b.post).is_some_and(|p| p.department == d)))
        }),
        ["pdf", i, "letters", f] => {
            inst(i).is_some_and(|x| stem(f, ".pdf").is_some_and(|l| x.letters.iter().any(|y| y.id == l)))
        }
        _ => false,
    }
}

/// A duty card (PDF).
pub(crate) fn card(institution: &str, post: &str) -> String {
    format!("pdf/{institution}/cards/{post}.pdf")
}

/// A responsibility letter (PDF).
pub(crate) fn letter(institution: &str, letter: &str) -> String {
    format!("pdf/{institution}/letters/{letter}.pdf")
}

/// A rectification notice of the hazard ledger (PDF).
pub(crate) fn notice(institution: &str, hazard: &str) -> String {
    format!("pdf/{institution}/notices/{hazard}.pdf")
}

/// A post's risk notice card (PDF).
pub(crate) fn risk_card(institution: &str, post: &str) -> String {
    format!("pdf/{institution}/risk-cards/{post}.pdf")
}

/// A monthly bulletin of the hazard ledger (PDF); `month` is `2022-12`.
pub(crate) fn bulletin_pdf(institution: &str, month: &str) -> String {
    format!("pdf/{institution}/bulletins/{month}.pdf")
}

/// A year of the hazard ledger, printed (PDF).
pub(crate) fn ledger(institution: &str, year: i16) -> String {
    format!("pdf/{institution}/ledgers/hazards-{year}.pdf")
}

/// A department's blank inspection record form (PDF).
pub(crate) fn form(institution: &str, department: &str) -> String {
    format!("pdf/{institution}/forms/{department}.pdf")
}

/// A department's register of its letters (签订台账, PDF).
pub(crate) fn register(institution: &str, department: &str) -> String {
    format!("pdf/{institution}/registers/{department}.pdf")
}

/// The printed public display (公示) of the whole institution.
pub(crate) fn display_pdf(institution: &str) -> String {
    format!("pdf/{institution}/display.pdf")
}

/// A department's printed public display, for its own noticeboard.
pub(crate) fn department_display(institution: &str, department: &str) -> String {
    format!("pdf/{institution}/displays/{department}.pdf")
}

/// The responsibility network diagram (安全生产责任体系图).
pub(crate) fn network(institution: &str) -> String {
    format!("pdf/{institution}/network.pdf")
}

/// The names of an institution's combined files (`combined`): one per kind that is combined.
pub(crate) const COMBINED: [&str; 4] = ["cards", "letters", "risk-cards", "registers"];

/// An institution's cards or letters in one file (`name`: one of `COMBINED`).
pub(crate) fn combined(institution: &str, name: &str) -> String {
    format!("pdf/{institution}/{name}.pdf")
}

/// Whether `path` is one of the documents that `combined(institution, name)` holds.
pub(crate) fn is_combined_in(path: &str, institution: &str, name: &str) -> bool {
    path.strip_prefix("pdf/")
        .and_then(|p| p.strip_prefix(institution))
        .and_then(|p| p.strip_prefix('/'))
        .and_then(|p| p.strip_prefix(name))
        .is_some_and(|p| p.starts_with('/'))
}

/// A department's cards or letters in one file.
pub(crate) fn department_combined(institution: &str, department: &str, name: &str) -> String {
    format!("pdf/{institution}/departments/{department}-{name}.pdf")
}

/// Where a file of an institution's folder is published (the scan of a signed letter, the
/// evidence of a rectified hazard); `scan` is its path in the institution's folder.
pub(crate) fn scan(institution: &str, scan: &str) -> String {
    format!("pdf/{institution}/scans/{scan}")
}

/// What a printed document's path names: the institution whose files hold it, or the
/// campaign whose phase report it is.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Printed<'a> {
    Institution(&'a str),
    Campaign(&'a str),
}

/// The owner of a path below `pdf/`, if it is one.
pub(crate) fn printed(path: &str) -> Option<Printed<'_>> {
    let mut parts = path.strip_prefix("pdf/")?.split('/');
    match (parts.next()?, parts.next()) {
        ("campaigns", Some(c)) => Some(Printed::Campaign(c)),
        (institution, Some(_)) => Some(Printed::Institution(institution)),
        _ => None,
    }
}

/// The institution whose pages lie below `path` (`institutions/<id>/…`), if any.
pub(crate) fn institution_of(path: &str) -> Option<&str> {
    path.strip_prefix("institutions/")?.split_once('/').map(|(id, _)| id)
}
