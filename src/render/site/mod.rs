//! `site/`: the static intranet site. Every page is a Tera template of the theme fed a view
//! struct; links are relative, so the site works under any sub-path and from file://.

pub(crate) mod campaigns;
mod links;
mod search;
pub mod views;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use super::{RenderContext, Renderer, markdown};
use crate::error::{Error, Result};
use crate::model::Model;
pub use crate::render::theme::escape;
use crate::render::theme::{Theme, template_error};
use views::{InstView, Link, url};

pub struct SiteRenderer;

/// Settings every page shows.
#[derive(Serialize, Clone, Copy)]
struct SiteView<'a> {
    title: &'a str,
    subtitle: Option<&'a str>,
    footer: Option<&'a str>,
    as_of: Option<&'a str>,
    /// Whether there are campaigns (the masthead links them).
    campaigns: bool,
}

#[derive(Serialize)]
struct PageView {
    title: String,
    date: Option<String>,
    doc_number: Option<String>,
    institution: Option<Link>,
    html: String,
}

struct Site<'a> {
    ctx: &'a RenderContext<'a>,
    theme: &'a Theme,
    site: SiteView<'a>,
    /// Every page written, with its HTML: for the sitemap and the link check.
    written: std::cell::RefCell<Vec<(String, String)>>,
    /// The search index being built as pages are written (None when not wanted).
    indexer: Option<search::Indexer>,
    /// Other files written (evidence): pages may link them.
    extra: std::cell::RefCell<Vec<String>>,
}

impl Site<'_> {
    /// Renders `template` to `site/<path>`. `crumbs` lead from home to the page's parent.
    fn page(&self, template: &str, path: &str, title: &str, crumbs: &[Link], data: impl Serialize) -> Result<()> {
        self.page_at(&"../".repeat(path.matches('/').count()), template, path, title, crumbs, data)
    }

    /// Like `page`, with an explicit prefix for links to the site root.
    fn page_at(
        &self,
        root: &str,
        template: &str,
        path: &str,
        title: &str,
        crumbs: &[Link],
        data: impl Serialize,
    ) -> Result<()> {
        let mut context = Context::from_serialize(data).map_err(|e| Error::new(template_error(&e)))?;
        context.insert("site", &self.site);
        context.insert("root", root);
        context.insert("title", title);
        context.insert("crumbs", crumbs);
        context.insert("path", path);
        let html = self
            .theme
            .tera
            .render(template, &context)
            .map_err(|e| Error::new(format!("template {template} for {path}: {}", template_error(&e))))?;
        self.ctx.write(&format!("site/{path}"), html.as_bytes())?;
        if let Some(indexer) = &self.indexer {
            indexer.add(path, &html);
        }
        self.written.borrow_mut().push((path.to_string(), html));
        Ok(())
    }
}

impl Renderer for SiteRenderer {
    fn name(&self) -> &'static str {
        "site"
    }

    fn wanted(&self, selection: &crate::render::Selection) -> bool {
        selection.wants(crate::render::Part::Site)
    }

    fn render(&self, ctx: &RenderContext) -> Result<()> {
        let model = ctx.model;
        let mut site = Site {
            ctx,
            theme: ctx.theme,
            site: SiteView {
                title: &model.site.title,
                subtitle: model.site.subtitle.as_deref(),
                footer: model.site.footer.as_deref(),
                as_of: model.site.as_of.as_deref(),
                campaigns: !model.campaigns.is_empty(),
            },
            written: Default::default(),
            indexer: ctx.search.then(search::Indexer::start),
            extra: Default::default(),
        };
        let summaries = campaigns::summaries(model);
        home(&site, model, &summaries)?;
        scans(ctx)?;
        // Institutions are independent: render them on every core, each into its own list of
        // pages, joined in institution order so that the search index gets the same order.
        let per_institution: Vec<Vec<(String, String)>> = model
            .institutions
            .par_iter()
            .map(|inst| {
                let local = Site {
                    ctx,
                    theme: ctx.theme,
                    site: site.site,
                    written: Default::default(),
                    indexer: None,
                    extra: Default::default(),
                };
                let documents = ctx.documents.iter().filter(|d| d.institution == inst.id).collect();
                institution(&local, &InstView { model, inst, documents }, &summaries)?;
                Ok(local.written.into_inner())
            })
            .collect::<Result<_>>()?;
        for (path, html) in per_institution.into_iter().flatten() {
            if let Some(indexer) = &site.indexer {
                indexer.add(&path, &html);
            }
            site.written.borrow_mut().push((path, html));
        }
        campaigns::pages(&site, model, &summaries)?;
        for page in &model.pages {
            let institution = page.institution.as_deref().and_then(|i| model.institution(i));
            let view = PageView {
                title: page.title.clone(),
                date: page.date.clone(),
                doc_number: page.doc_number.clone(),
                institution: institution.map(|i| Link::new(i.name.clone(), url::institution(&i.id))),
                html: markdown::to_html(&page.markdown, model.site.allow_html),
            };
            site.page("page.html", &url::page(&page.slug), &page.title, &[], view)?;
        }
        // A web server shows the 404 page at the missing page's address, at any depth: its
        // links can only be right if they are absolute, so use the base URL when there is one.
        let root_404 =
            model.site.base_url.as_deref().map(|b| format!("{}/", b.trim_end_matches('/'))).unwrap_or_default();
        site.page_at(&root_404, "404.html", "404.html", "页面未找到", &[], serde_json::json!({}))?;
        site.page("search.html", "search.html", "全文检索", &[], serde_json::json!({}))?;
        if let Some(history) = ctx.history {
            site.page("changes.html", crate::history::views::CHANGELOG, "变更记录", &[], history.changelog(model))?;
        }
        for (path, bytes) in &site.theme.assets {
            ctx.write(&format!("site/static/{path}"), bytes)?;
        }
        sitemap(&site, model)?;
        // The index is finished after all renderers (see `Finish`); pages may link its UI files,
        // which the finisher makes sure it wrote.
        if let Some(indexer) = site.indexer.take() {
            ctx.defer(Box::new(move || {
                let bundle = indexer.finish()?;
                for ui in search::UI_FILES {
                    let path = format!("{}/{ui}", search::BUNDLE);
                    if !bundle.iter().any(|(p, _)| *p == path) {
                        return Err(Error::new(format!("search index: pagefind wrote no {path}")));
                    }
                }
                Ok(bundle.into_iter().map(|(p, b)| (format!("site/{p}"), b)).collect())
            }));
        }
        let expected = search::UI_FILES.iter().map(|f| format!("{}/{f}", search::BUNDLE));
        check_links(&site, expected)
    }
}

fn check_links(site: &Site, other_files: impl Iterator<Item = String>) -> Result<()> {
    let written = site.written.borrow();
    let mut files: std::collections::BTreeSet<String> = written.iter().map(|(p, _)| p.clone()).collect();
    files.extend(site.theme.assets.keys().map(|p| format!("static/{p}")));
    files.extend(site.ctx.documents.iter().map(|d| d.file.clone()));
    files.extend(site.ctx.documents.iter().filter_map(|d| Some(views::scan_url(&d.institution, d.scan.as_deref()?))));
    files.extend(
        site.ctx
            .model
            .institutions
            .iter()
            .flat_map(|i| [format!("pdf/{}/cards.pdf", i.id), format!("pdf/{}/letters.pdf", i.id)]),
    );
    files.extend(site.extra.borrow().iter().cloned());
    files.extend(other_files);
    let mut problems = Vec::new();
    for (page, html) in written.iter() {
        for link in links::broken(page, html, &files) {
            problems.push(format!("  {page}: {link}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::new(format!(
            "{} broken internal link(s) (page: link); check the theme's templates:\n{}",
            problems.len(),
            problems.join("\n")
        )))
    }
}

/// Publishes the scans of signed letters next to the letters.
fn scans(ctx: &RenderContext) -> Result<()> {
    for d in ctx.documents {
        if let Some(scan) = &d.scan {
            let path = ctx.content_root.join("institutions").join(&d.institution).join(scan);
            let bytes = std::fs::read(&path).map_err(|e| Error::io("read scan", &path, e))?;
            ctx.write(&format!("site/{}", views::scan_url(&d.institution, scan)), &bytes)?;
        }
    }
    Ok(())
}

fn home(site: &Site, model: &Model, campaigns: &[campaigns::CampaignSummary]) -> Result<()> {
    #[derive(Serialize)]
    struct Home<'a> {
        institutions: Vec<views::InstitutionSummary>,
        pages: Vec<Link>,
        totals: [usize; 4],
        findings: &'a [crate::render::Finding],
        campaigns: &'a [campaigns::CampaignSummary],
        /// The changelog page, when the content is in git.
        changelog: Option<&'static str>,
    }
    let institutions: Vec<_> = model
        .institutions
        .iter()
        .map(|inst| {
            let documents = site.ctx.documents.iter().filter(|d| d.institution == inst.id).collect();
            InstView { model, inst, documents }.summary()
        })
        .collect();
    let totals = [
        institutions.len(),
        institutions.iter().map(|i| i.posts).sum(),
        institutions.iter().map(|i| i.people).sum(),
        institutions.iter().map(|i| i.duties).sum(),
    ];
    let pages = model.pages.iter().map(|p| Link::new(p.title.clone(), url::page(&p.slug))).collect();
    let findings = site.ctx.findings;
    let changelog = site.ctx.history.map(|_| crate::history::views::CHANGELOG);
    let home = Home { institutions, pages, totals, findings, campaigns, changelog };
    site.page("index.html", "index.html", &model.site.title, &[], home)
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
    let view = serde_json::json!({ "institution": v.view(), "findings": findings, "campaigns": campaigns });
    site.page("institution.html", &url::institution(&inst.id), &inst.name, &[], view)?;
    #[derive(Serialize)]
    struct Display {
        institution: Link,
        sections: Vec<views::DisplaySection>,
    }
    let title = format!("{}全员安全生产责任制公示", inst.name);
    site.page(
        "display.html",
        &url::display(&inst.id),
        &title,
        &crumbs,
        Display { institution: v.link(), sections: v.display() },
    )?;
    for d in &inst.departments {
        site.page("department.html", &url::department(&inst.id, &d.id), &d.name, &crumbs, v.department(d))?;
    }
    for p in &inst.posts {
        let dept = inst.department(&p.department).map(|d| v.department_link(d));
        let crumbs: Vec<Link> = crumbs.iter().cloned().chain(dept).collect();
        let history = site.ctx.history.and_then(|h| h.post_view(&inst.id, &p.id));
        let card = serde_json::json!({ "card": v.card(p), "history": history });
        site.page("post.html", &url::post(&inst.id, &p.id), &p.name, &crumbs, card)?;
    }
    for person in &inst.people {
        site.page("person.html", &url::person(&inst.id, &person.id), &person.name, &crumbs, v.person(person))?;
    }
    Ok(())
}

/// `sitemap.xml`, when the site's address is known: the protocol wants full URLs.
fn sitemap(site: &Site, model: &Model) -> Result<()> {
    let Some(base) = model.site.base_url.as_deref() else { return Ok(()) };
    let base = if base.ends_with('/') { base.to_string() } else { format!("{base}/") };
    let mut pages: Vec<String> = site
        .written
        .borrow()
        .iter()
        .map(|(p, _)| p.clone())
        .filter(|p| p != "404.html" && p != "search.html")
        .collect();
    pages.sort();
    let mut context = Context::new();
    context.insert("base", &base);
    context.insert("pages", &pages);
    let xml = site.theme.tera.render("sitemap.xml", &context).map_err(|e| Error::new(template_error(&e)))?;
    site.ctx.write("site/sitemap.xml", xml.as_bytes()).map(|_| ())
}
