//! `site/`: the static intranet site. Every page is a Tera template of the theme fed a view
//! struct; links are relative, so the site works under any sub-path and from file://.

pub(crate) mod campaigns;
mod categories;
mod history;
pub(crate) mod links;
mod page;
mod people;
mod records;
pub(crate) mod search;
pub(crate) mod views;

use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use super::context::{Files, Finding, Part, RenderContext, Renderer, Selection};
use super::markdown;
use crate::date::Date;
use crate::error::{Error, Kind, Result};
use crate::model::Model;
use crate::render::documents::{Document, Documents};
use crate::render::kept::SearchCache;
use crate::render::paths;
pub(crate) use crate::render::theme::escape;
use crate::render::theme::template_error;
use crate::t;
pub(crate) use categories::shown_of as categories_shown_of;
use page::Site;
use views::{InstView, Link};

pub(crate) struct SiteRenderer;

#[derive(Serialize)]
struct PageView {
    title: String,
    date: Option<Date>,
    doc_number: Option<String>,
    institution: Option<Link>,
    html: String,
    /// Its sections, listed at the top of a long page.
    toc: Vec<markdown::TocEntry>,
}

/// What a part of the site leaves once its pages are written and indexed.
struct PartDone {
    paths: Vec<String>,
    links: links::Links,
}

/// Every institution's documents, with the phase reports it issues, by institution id.
type DocsOf<'a> = std::collections::HashMap<&'a str, Vec<&'a Document>>;

fn docs_of<'a>(model: &'a Model, documents: &'a Documents) -> DocsOf<'a> {
    let own =
        model.institutions.iter().enumerate().map(|(k, inst)| (inst.id.as_str(), documents.of(k).iter().collect()));
    let mut map: DocsOf = own.collect();
    for d in documents.reports() {
        map.entry(d.institution.as_str()).or_default().push(d);
    }
    map
}

impl Renderer for SiteRenderer {
    fn name(&self) -> &'static str {
        "site"
    }

    fn wanted(&self, selection: &Selection) -> bool {
        selection.wants(Part::Site)
    }

    fn render(&self, ctx: &RenderContext) -> Result<()> {
        let model = ctx.model;
        let parts = search::parts(model);
        let docs = docs_of(model, ctx.documents);
        let summaries = campaigns::summaries(model);
        if let Some(scope) = ctx.pages_of {
            // The preview after an edit in a few institutions: their pages and the pages of no
            // institution, side by side. No link check (the other pages are not here to link
            // to) and no index: the full pass does both.
            let edited = model.institutions.iter().filter(|inst| scope.contains(&inst.id)).collect::<Vec<_>>();
            let timed = |what: &str, f: &dyn Fn() -> Result<()>| {
                let started = std::time::Instant::now();
                let done = f();
                ctx.lap(what, started.elapsed());
                done
            };
            let (own, theirs) = rayon::join(
                || timed("site: pages of no institution", &|| own_pages(&Site::new(ctx), &docs, &summaries, &parts)),
                || {
                    timed("site: the edited institutions' pages", &|| {
                        edited.par_iter().try_for_each(|inst| {
                            institution(&Site::new(ctx), &InstView::new(model, inst, &docs), &summaries)
                        })
                    })
                },
            );
            return own.and(theirs);
        }
        // First the pages of no institution; they go into the first part of the index.
        let site = Site::new(ctx);
        own_pages(&site, &docs, &summaries, &parts)?;
        let unattached = std::sync::Mutex::new(Some(site.written.take()));
        // Then the parts, side by side: each renders its institutions (on every core too), then
        // indexes its pages and lets go of them, so memory follows a part, not the site.
        let done: Vec<PartDone> = parts
            .par_iter()
            .enumerate()
            .map(|(k, part)| {
                let own = match k {
                    0 => crate::lock(&unattached).take().unwrap_or_default(),
                    _ => Vec::new(),
                };
                render_part(ctx, part, own, &docs, &summaries)
            })
            .collect::<Result<_>>()?;
        let mut paths = Vec::new();
        let mut links = links::Links::default();
        for part in done {
            paths.extend(part.paths);
            links.extend(part.links);
        }
        sitemap(&site, model, &paths)?;
        check_links(&site, &paths, &links)
    }
}

/// The pages of no institution: home, campaigns, Markdown pages, 404, search, changelog; and
/// the theme's assets and the scans of signed letters.
fn own_pages(
    site: &Site,
    docs: &DocsOf,
    summaries: &[campaigns::CampaignSummary],
    parts: &[search::Part],
) -> Result<()> {
    let (ctx, model) = (site.ctx, site.ctx.model);
    home(site, model, docs, summaries)?;
    scans(ctx)?;
    campaigns::pages(site, model, summaries)?;
    // Side by side: a province's category pages list some 40,000 posts. The preview renders
    // them again only after an edit that changed what they show.
    let categories: Vec<Vec<(String, String)>> = (if ctx.categories { categories::pages(model) } else { Vec::new() })
        .into_par_iter()
        .map(|(path, title, view)| {
            let local = Site::new(ctx);
            local.page("category.html", &path, &title, &[], view)?;
            Ok(local.written.into_inner())
        })
        .collect::<Result<_>>()?;
    site.written.borrow_mut().extend(categories.into_iter().flatten());
    for page in &model.pages {
        let institution = page.institution.as_deref().and_then(|i| model.institution(i));
        let rendered = markdown::to_html(&page.markdown, model.site.allow_html);
        let view = PageView {
            title: page.title.clone(),
            date: page.date,
            doc_number: page.doc_number.clone(),
            institution: institution.map(|i| Link::new(i.name.clone(), paths::institution(&i.id))),
            html: rendered.html,
            toc: rendered.toc,
        };
        site.page("page.html", &paths::page(&page.slug), &page.title, &[], view)?;
    }
    // A web server shows the 404 page at the missing page's address, at any depth: its
    // links can only be right if they are absolute, so use the base URL when there is one.
    let root_404 = model.site.base_url.as_deref().map(|b| format!("{}/", b.trim_end_matches('/'))).unwrap_or_default();
    /// Pages whose template needs nothing of its own.
    #[derive(Serialize)]
    struct Nothing {}
    site.page_at(&root_404, "404.html", paths::NOT_FOUND, "页面未找到", &[], Nothing {})?;
    #[derive(Serialize)]
    struct SearchPage<'a> {
        /// The search index's parts, which the page loads one after the other.
        bundles: Vec<&'a str>,
    }
    let bundles = parts.iter().map(|p| p.bundle.as_str()).collect();
    site.page("search.html", paths::SEARCH, "全文检索", &[], SearchPage { bundles })?;
    // With several institutions, the masthead's 人员 and 公示 lead to lists of them.
    if model.institutions.len() > 1 {
        site.page("directory.html", paths::PEOPLE, "人员名册", &[], people::directory(model, false))?;
        site.page("directory.html", paths::DISPLAYS, "全员安全生产责任制公示", &[], people::directory(model, true))?;
    }
    if let Some(h) = ctx.history {
        site.page("changes.html", paths::CHANGELOG, "变更记录", &[], history::changelog(h, model))?;
    }
    for (path, bytes) in &site.theme.assets {
        ctx.write(&paths::in_site(&paths::asset(path)), bytes)?;
    }
    Ok(())
}

/// Renders a part's institutions after `pages` (the pages of no institution, for the first
/// part), notes their links, and indexes them.
fn render_part(
    ctx: &RenderContext,
    part: &search::Part,
    mut pages: Vec<(String, String)>,
    docs: &DocsOf,
    summaries: &[campaigns::CampaignSummary],
) -> Result<PartDone> {
    let model = ctx.model;
    let rendered: Vec<Vec<(String, String)>> = model.institutions[part.institutions.clone()]
        .par_iter()
        .map(|inst| {
            let local = Site::new(ctx);
            institution(&local, &InstView::new(model, inst, docs), summaries)?;
            Ok(local.written.into_inner())
        })
        .collect::<Result<_>>()?;
    pages.extend(rendered.into_iter().flatten());
    // Side by side, and joined in page order: a target keeps the first page that links it.
    let links = pages
        .par_iter()
        .fold(links::Links::default, |mut links, (path, html)| {
            links.add(path, html);
            links
        })
        .reduce(links::Links::default, |mut first, later| {
            first.extend(later);
            first
        });
    let paths = pages.iter().map(|(p, _)| p.clone()).collect();
    if ctx.search {
        // In path order, as the preview indexes the pages it serves: the same bytes.
        pages.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let bundle = search::index(part, pages)?;
        if part.is_first() {
            check_ui_files(&bundle)?;
        }
        bundle.par_iter().try_for_each(|(path, bytes)| ctx.write(&paths::in_site(path), bytes))?;
    }
    Ok(PartDone { paths, links })
}

/// The search index of pages rendered before (the preview's, as it serves them: path below the
/// site root → bytes), as `build` makes it: the files of every part, below the site root. A
/// part none of whose pages changed since the last call is taken from `kept`.
pub(crate) fn index_rendered(model: &Model, files: &Files, kept: &SearchCache) -> Result<Files> {
    let parts = search::parts(model);
    let part_of: std::collections::HashMap<&str, usize> = parts
        .iter()
        .enumerate()
        .flat_map(|(k, part)| model.institutions[part.institutions.clone()].iter().map(move |i| (i.id.as_str(), k)))
        .collect();
    let mut pages: Vec<Vec<(&str, &[u8])>> = vec![Vec::new(); parts.len()];
    for (path, bytes) in files {
        if !path.ends_with(".html") || paths::is_search_index(path) {
            continue;
        }
        // An institution's pages lie below its folder; the pages of no institution go first.
        let k = match paths::institution_of(path) {
            Some(id) => part_of.get(id).copied(),
            None => Some(0),
        };
        if let Some(k) = k {
            pages[k].push((path, bytes));
        }
    }
    let bundles: Vec<Arc<search::Bundle>> = parts
        .par_iter()
        .zip(pages)
        .map(|(part, pages)| {
            let mut key: Vec<&[u8]> = vec![part.bundle.as_bytes()];
            key.extend(pages.iter().flat_map(|(path, html)| [path.as_bytes(), *html]));
            let bundle = kept.get_or_make(crate::render::kept::pages_key(&key), || {
                let owned =
                    pages.iter().map(|(p, html)| (p.to_string(), String::from_utf8_lossy(html).into_owned())).collect();
                search::index(part, owned).map(Arc::new)
            })?;
            if part.is_first() {
                check_ui_files(&bundle)?;
            }
            Ok(bundle)
        })
        .collect::<Result<_>>()?;
    kept.sweep();
    Ok(bundles.iter().flat_map(|b| b.iter()).map(|(path, bytes)| (path.clone(), Arc::new(bytes.clone()))).collect())
}

/// The first part carries the search UI that pages link to.
fn check_ui_files(bundle: &search::Bundle) -> Result<()> {
    for ui in search::UI_FILES {
        let path = paths::search_file(ui);
        if !bundle.iter().any(|(p, _)| *p == path) {
            return Err(Error::internal(t!("site-search-missing", path)));
        }
    }
    Ok(())
}

fn check_links(site: &Site, pages: &[String], links: &links::Links) -> Result<()> {
    let mut files: std::collections::BTreeSet<String> = pages.iter().cloned().collect();
    files.extend(site.theme.assets.keys().map(|p| paths::asset(p)));
    // Only what this build printed: a page never links a PDF that was not made.
    files.extend(site.ctx.documents.iter().filter(|d| d.printed).map(|d| d.file.clone()));
    files.extend(published(site.ctx).into_iter().map(|(institution, file)| paths::scan(institution, file)));
    // An institution's combined files, from its own documents (looking through every
    // institution's, for each, grew with the square of the content).
    let combined = |k: usize, i: &str, name: &str| {
        let printed = site.ctx.documents.of(k).iter().any(|d| d.printed && paths::is_combined_in(&d.file, i, name));
        printed.then(|| paths::combined(i, name))
    };
    let institutions = site.ctx.model.institutions.iter().enumerate();
    files.extend(institutions.flat_map(|(k, i)| paths::COMBINED.map(|name| combined(k, &i.id, name))).flatten());
    files.extend(site.extra.borrow().iter().cloned());
    // The search UI, which the index writes (or, in the preview's first pass, will write).
    files.extend(search::UI_FILES.iter().map(|f| paths::search_file(f)));
    let problems: Vec<String> = links.broken(&files).iter().map(|(page, link)| format!("  {page}: {link}")).collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::theme(t!("site-broken-links", count = problems.len(), links = problems.join("\n"))))
    }
}

/// The files of institutions' folders the site publishes, as (institution, path in its folder):
/// the scans of signed letters and the evidence of rectified hazards.
fn published<'a>(ctx: &'a RenderContext) -> std::collections::BTreeSet<(&'a str, &'a str)> {
    let letters = ctx.documents.iter().filter_map(|d| Some((d.institution.as_str(), d.scan.as_deref()?)));
    let hazards = ctx
        .model
        .institutions
        .iter()
        .flat_map(|i| i.hazards.iter().filter_map(move |h| Some((i.id.as_str(), h.evidence.as_deref()?))));
    letters.chain(hazards).collect()
}

/// Publishes the scans of signed letters next to the letters, and the evidence of hazards.
fn scans(ctx: &RenderContext) -> Result<()> {
    for (institution, file) in published(ctx) {
        let base = format!("institutions/{institution}");
        let bytes =
            ctx.fence.read(&base, file).map_err(|r| Error::new(Kind::Io, r.message(&format!("{base}/{file}"))))?;
        ctx.write(&paths::in_site(&paths::scan(institution, file)), &bytes)?;
    }
    Ok(())
}

fn home(site: &Site, model: &Model, docs: &DocsOf, campaigns: &[campaigns::CampaignSummary]) -> Result<()> {
    #[derive(Serialize)]
    struct Home<'a> {
        institutions: Vec<views::InstitutionSummary>,
        pages: Vec<Link>,
        totals: [usize; 4],
        findings: &'a [Finding],
        campaigns: &'a [campaigns::CampaignSummary],
        /// The changelog page, when the content is in git.
        changelog: Option<&'static str>,
    }
    let institutions: Vec<_> =
        model.institutions.iter().map(|inst| InstView::new(model, inst, docs).summary()).collect();
    let totals = [
        institutions.len(),
        institutions.iter().map(|i| i.posts).sum(),
        institutions.iter().map(|i| i.people).sum(),
        institutions.iter().map(|i| i.duties).sum(),
    ];
    let pages = model.pages.iter().map(|p| Link::new(p.title.clone(), paths::page(&p.slug))).collect();
    let findings = site.ctx.findings;
    let changelog = site.ctx.history.map(|_| paths::CHANGELOG);
    let home = Home { institutions, pages, totals, findings, campaigns, changelog };
    site.page("index.html", paths::HOME, &model.site.title, &[], home)
}

fn institution(site: &Site, v: &InstView, summaries: &[campaigns::CampaignSummary]) -> Result<()> {
    let inst = v.inst;
    let crumbs = [v.link()];
    let findings: Vec<_> =
        site.ctx.findings.iter().filter(|f| f.institution.as_deref() == Some(inst.id.as_str())).collect();
    // The campaigns it issues or takes part in.
    let campaigns: Vec<_> = summaries
        .iter()
        .zip(&v.model.campaigns)
        .filter(|(_, c)| c.institution == inst.id || c.participants.iter().any(|u| u.institution == inst.id))
        .map(|(s, _)| s)
        .collect();
    #[derive(Serialize)]
    struct InstitutionPage<'a> {
        institution: views::InstitutionView,
        findings: Vec<&'a Finding>,
        campaigns: Vec<&'a campaigns::CampaignSummary>,
        hazards: Option<records::HazardSummary>,
        /// The risk register's address, when the institution lists risks.
        risks: Option<String>,
        /// A commission's members, with their ledgers' counts.
        member_hazards: Vec<records::MemberHazards>,
    }
    let view = InstitutionPage {
        institution: v.view(),
        findings,
        campaigns,
        hazards: records::summary(v.model, inst),
        risks: inst.lists_risks().then(|| paths::risks(&inst.id)),
        member_hazards: records::members(v.model, inst),
    };
    site.page("institution.html", &paths::institution(&inst.id), &inst.name, &[], view)?;
    #[derive(Serialize)]
    struct Display<'a> {
        institution: Link,
        /// The safety committee or leadership group, with its duties.
        group: Option<views::Group>,
        sections: Vec<views::DisplaySection<'a>>,
        /// The printed display and the network diagram, when this build prints them.
        printed: Vec<views::DocLink>,
    }
    use crate::render::document::Kind as Printed;
    let printed =
        [(Printed::Display, "打印版公示（PDF，含公示期和落款）"), (Printed::Network, "安全生产责任体系图（PDF）")]
            .into_iter()
            .filter_map(|(kind, title)| {
                let d = v.documents.iter().find(|d| d.kind == kind && d.department.is_empty() && d.printed)?;
                Some(views::DocLink::of(d, title))
            })
            .collect();
    let title = format!("{}全员安全生产责任制公示", inst.name);
    site.page(
        "display.html",
        &paths::display(&inst.id),
        &title,
        &crumbs,
        Display { institution: v.link(), group: v.group(), sections: v.display(), printed },
    )?;
    if let Some(register) = records::risk_register(v) {
        let title = format!("{}安全风险分级管控清单", inst.name);
        site.page("risks.html", &paths::risks(&inst.id), &title, &crumbs, register)?;
    }
    if let Some((ledger, years)) = records::ledger(v) {
        let title = format!("{}隐患排查治理台账", inst.name);
        site.page("hazards.html", &paths::hazards(&inst.id), &title, &crumbs, ledger)?;
        let crumbs = [v.link(), Link::new("隐患排查治理台账", paths::hazards(&inst.id))];
        for year in years {
            let title = format!("{}{}年隐患排查治理台账", inst.name, year.year);
            site.page("hazards-year.html", &paths::hazards_year(&inst.id, year.year), &title, &crumbs, year)?;
        }
        bulletins(site, v)?;
    }
    #[derive(Serialize)]
    struct DepartmentPage {
        #[serde(flatten)]
        department: views::DepartmentView,
        /// Its hazards still open on the day.
        hazards: Vec<records::HazardRow>,
        ledger: String,
    }
    for d in &inst.departments {
        let page = DepartmentPage {
            department: v.department(d),
            hazards: records::open_in(v, &d.id),
            ledger: paths::hazards(&inst.id),
        };
        site.page("department.html", &paths::department(&inst.id, &d.id), &d.name, &crumbs, page)?;
    }
    for p in &inst.posts {
        let dept = inst.department(&p.department).map(|d| v.department_link(d));
        let crumbs: Vec<Link> = crumbs.iter().cloned().chain(dept).collect();
        let history = history::post_view(site.ctx.history, &inst.id, p);
        #[derive(Serialize)]
        struct PostPage<'a> {
            card: views::Card<'a>,
            history: Option<history::PostHistoryView>,
            /// Open hazards its holders are to put right.
            hazards: Vec<records::HazardRow>,
        }
        let page = PostPage { card: v.card(p), history, hazards: records::open_for(v, p) };
        site.page("post.html", &paths::post(&inst.id, &p.id), &p.name, &crumbs, page)?;
    }
    let title = format!("{}人员名册", inst.name);
    site.page("roster.html", &paths::roster(&inst.id), &title, &crumbs, people::roster(v))?;
    // Each held post's card once, for all its holders' pages (which lie at the same depth).
    let root = paths::root_of(&paths::person(&inst.id, "-"));
    let mut cards = std::collections::HashMap::new();
    for p in &inst.posts {
        let Some(first) = p.holders.first() else { continue };
        #[derive(Serialize)]
        struct CardPart<'a> {
            c: views::Card<'a>,
            root: &'a str,
        }
        let shown_on = paths::person(&inst.id, first);
        let html = site.fragment("partials/card.html", &shown_on, CardPart { c: v.card(p), root: &root })?;
        cards.insert(p.id.as_str(), std::sync::Arc::<str>::from(html));
    }
    for person in &inst.people {
        let view = v.person(person, |post| cards.get(post).cloned());
        site.page("person.html", &paths::person(&inst.id, &person.id), &person.name, &crumbs, view)?;
    }
    Ok(())
}

/// The monthly bulletins of an institution's ledger: each as the PDF prints it, with links.
fn bulletins(site: &Site, v: &InstView) -> Result<()> {
    #[derive(Serialize)]
    struct BulletinPage<'a> {
        /// The institution's page (the bulletin names the institution as text).
        home: Link,
        ledger: String,
        pdf: Option<views::DocLink>,
        #[serde(flatten)]
        bulletin: crate::render::bulletins::Bulletin<'a>,
    }
    let inst = v.inst;
    let crumbs = [v.link(), Link::new("隐患排查治理台账", paths::hazards(&inst.id))];
    for month in crate::progress::bulletin_months(v.model, inst) {
        let pdf = paths::bulletin_pdf(&inst.id, &month.key());
        let page = BulletinPage {
            home: v.link(),
            ledger: paths::hazards(&inst.id),
            pdf: v.documents.iter().find(|d| d.file == pdf).map(|d| views::DocLink::of(d, "打印版（PDF）")),
            bulletin: crate::render::bulletins::bulletin(inst, month),
        };
        let title = format!("{}{}事故隐患排查治理情况通报", inst.name, month.label());
        site.page("bulletin.html", &paths::bulletin(&inst.id, &month.key()), &title, &crumbs, page)?;
    }
    Ok(())
}

/// What a commission's page shows of a member's hazard ledger (its counts on the day), for the
/// preview to tell whether an edit of the member changes the commission's page.
pub(crate) fn ledger_face(model: &Model, inst: &crate::model::Institution) -> String {
    format!("{:?}", records::summary(model, inst).map(|s| (s.url, s.tally)))
}

/// `sitemap.xml`, when the site's address is known: the protocol wants full URLs.
fn sitemap(site: &Site, model: &Model, written: &[String]) -> Result<()> {
    #[derive(Serialize)]
    struct Sitemap<'a> {
        /// The site's address, ending in `/`.
        base: String,
        pages: Vec<&'a String>,
    }
    let Some(base) = model.site.base_url.as_deref() else { return Ok(()) };
    let base = if base.ends_with('/') { base.to_string() } else { format!("{base}/") };
    let mut pages: Vec<&String> = written.iter().filter(|p| *p != paths::NOT_FOUND && *p != paths::SEARCH).collect();
    pages.sort();
    let context = Context::from_serialize(Sitemap { base, pages }).map_err(|e| Error::internal(e.to_string()))?;
    let xml = site.theme.tera.render("sitemap.xml", &context).map_err(|e| Error::theme(template_error(&e)))?;
    site.ctx.write(&paths::in_site(paths::SITEMAP), xml.as_bytes()).map(|_| ())
}
