//! Writing a page of the site: a theme template fed its view and what every page shows.

use serde::Serialize;
use tera::Context;

use super::views::Link;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::render::context::RenderContext;
use crate::render::kept::ViewKey;
use crate::render::paths;
use crate::render::theme::{Theme, template_error};
use crate::t;

/// Settings every page shows.
#[derive(Serialize, Clone, Copy)]
pub(super) struct SiteView<'a> {
    title: &'a str,
    subtitle: Option<&'a str>,
    footer: Option<&'a str>,
    as_of: Option<Date>,
    /// Whether there are campaigns (the masthead links them).
    campaigns: bool,
}

pub(super) struct Site<'a> {
    pub(super) ctx: &'a RenderContext<'a>,
    pub(super) theme: &'a Theme,
    pub(super) site: SiteView<'a>,
    /// The pages written by this unit of work, with their HTML, in order: they go to the
    /// search index and the link check, then are dropped.
    pub(super) written: std::cell::RefCell<Vec<(String, String)>>,
    /// Other files written (evidence): pages may link them.
    pub(super) extra: std::cell::RefCell<Vec<String>>,
    /// The masthead's menu, the same on every page.
    menu: super::people::Menu,
}

impl<'a> Site<'a> {
    pub(super) fn new(ctx: &'a RenderContext<'a>) -> Self {
        let model = ctx.model;
        Site {
            ctx,
            theme: ctx.theme,
            site: SiteView {
                title: &model.site.title,
                subtitle: model.site.subtitle.as_deref(),
                footer: model.site.footer.as_deref(),
                as_of: model.site.as_of,
                campaigns: !model.campaigns.is_empty(),
            },
            written: Default::default(),
            extra: Default::default(),
            menu: super::people::Menu::of(model),
        }
    }

    /// Renders `template` alone: a part that several pages show the same (no site settings,
    /// crumbs or path in its context); `path` is the first page that shows it, for messages.
    pub(super) fn fragment(&self, template: &str, path: &str, data: impl Serialize) -> Result<String> {
        let context = Context::from_serialize(data).map_err(|e| Error::theme(template_error(&e)))?;
        let html = self.theme.tera.render(template, &context);
        html.map_err(|e| Error::theme(t!("page-template", template, path, error = template_error(&e))))
    }

    /// Renders `template` to `site/<path>`. `crumbs` lead from home to the page's parent.
    pub(super) fn page(
        &self,
        template: &str,
        path: &str,
        title: &str,
        crumbs: &[Link],
        data: impl Serialize,
    ) -> Result<()> {
        self.page_at(&paths::root_of(path), template, path, title, crumbs, data)
    }

    /// Like `page`, with an explicit prefix for links to the site root.
    pub(super) fn page_at(
        &self,
        root: &str,
        template: &str,
        path: &str,
        title: &str,
        crumbs: &[Link],
        data: impl Serialize,
    ) -> Result<()> {
        let frame = Frame { site: self.site, menu: &self.menu, root, title, crumbs, path };
        if self.unchanged(template, &frame, &data)? {
            return Ok(());
        }
        let mut context = Context::from_serialize(data).map_err(|e| Error::theme(template_error(&e)))?;
        context.extend(Context::from_serialize(&frame).map_err(|e| Error::theme(template_error(&e)))?);
        let html = self
            .theme
            .tera
            .render(template, &context)
            .map_err(|e| Error::theme(t!("page-template", template, path, error = template_error(&e))))?;
        self.ctx.write(&paths::in_site(path), html.as_bytes())?;
        self.written.borrow_mut().push((path.to_string(), html));
        Ok(())
    }

    /// Whether this page of no institution, in a pass of the preview after an edit inside some
    /// institutions, would be made from what the last pass made it from (its page is served
    /// already). The page's key is noted either way.
    fn unchanged(&self, template: &str, frame: &Frame, data: &impl Serialize) -> Result<bool> {
        let path = frame.path;
        let Some(keys) = self.ctx.page_keys.filter(|_| paths::institution_of(path).is_none()) else {
            return Ok(false);
        };
        let mut key = ViewKey::new();
        let added = key.add(&template).and_then(|_| key.add(frame)).and_then(|_| key.add(data));
        added.map_err(|e| Error::theme(t!("page-template", template, path, error = e.to_string())))?;
        Ok(keys.same_as_last(path, key.key()) && self.ctx.pages_of.is_some())
    }
}

/// What every page's template is given beside its own view.
#[derive(Serialize)]
struct Frame<'a> {
    site: SiteView<'a>,
    menu: &'a super::people::Menu,
    /// The prefix of links to the site root.
    root: &'a str,
    title: &'a str,
    crumbs: &'a [Link],
    path: &'a str,
}
