//! The printed documents of a build, computed once and shared by the renderers: the PDF
//! renderer typesets them, the site links to them and shows their verification codes. Cards and
//! letters institution by institution (`cards`), then the campaigns' phase reports (`report`).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rayon::prelude::*;

use super::theme::Theme;
use crate::error::Result;
use crate::lock;
use crate::model::{Institution, Model};

pub(crate) use super::document::{Block, Document, Kind, Status};

/// Every printed document of one institution, with its text: its posts' duty cards and risk
/// notice cards, its letters, its ledger's rectification notices, monthly bulletins and yearly
/// ledgers, and its departments' inspection forms.
pub(crate) fn institution(model: &Model, theme: &Theme, inst: &Institution) -> Result<Vec<Document>> {
    let mut docs = super::cards::institution(model, theme, inst)?;
    let registers = super::registers::institution(&theme.tera, inst, &docs)?;
    docs.extend(registers);
    docs.extend(super::risk_cards::institution(&theme.tera, inst)?);
    docs.extend(super::notices::institution(model, &theme.tera, inst)?);
    docs.extend(super::bulletins::institution(model, &theme.tera, inst)?);
    docs.extend(super::ledgers::institution(model, &theme.tera, inst)?);
    docs.extend(super::displays::institution(model, &theme.tera, inst)?);
    Ok(docs)
}

/// Which documents a build makes, and with what.
#[derive(Clone, Copy)]
pub(crate) enum Which<'a> {
    /// Every card and letter with its text, then every phase report.
    All,
    /// Every card and letter with its text, no phase report (what `changes` lists to sign again).
    CardsAndLetters,
    /// Every document, but cards and letters keep only their codes and facts, not their texts:
    /// a province's texts are a gigabyte, and the PDF renderer makes them again institution by
    /// institution (`institution`). Phase reports keep theirs.
    Codes,
    /// The cards and letters of these institutions, with their texts, then their phase
    /// reports: all that a build of their documents alone needs (`build --institution` without
    /// the site or the data export, the preview's PDFs).
    Of(&'a BTreeSet<String>),
    /// As `Codes`, for the preview: after an edit inside the folders of `reuse.edited`, the
    /// other institutions' documents are the ones `reuse.cache` kept from the previous pass
    /// (nothing they are made of changed). They are moved, not copied: the caller gives them
    /// back when its pass is done (`keep`).
    Reusing(Reuse<'a>),
}

/// The documents of the model that `which` asks for, institution by institution in model
/// order, then the phase reports.
pub(crate) fn make(model: &Model, theme: &Theme, which: Which) -> Result<Vec<Document>> {
    match which {
        Which::All => finish(model, theme, per_institution(model, theme, true, |_| None)?),
        Which::CardsAndLetters => {
            let mut by_id = per_institution(model, theme, true, |_| None)?;
            let ordered = model.institutions.iter().filter_map(|i| by_id.remove(&i.id));
            Ok(ordered.flat_map(Arc::unwrap_or_clone).collect())
        }
        Which::Codes => finish(model, theme, per_institution(model, theme, false, |_| None)?),
        Which::Of(ids) => {
            let mut docs = Vec::new();
            for inst in model.institutions.iter().filter(|i| ids.contains(&i.id)) {
                docs.extend(institution(model, theme, inst)?);
            }
            let reports = super::report::all(model, &theme.tera)?;
            docs.extend(reports.into_iter().filter(|d| ids.contains(&d.institution)));
            Ok(docs)
        }
        Which::Reusing(reuse) => {
            let kept =
                reuse.edited.map(|_| std::mem::take(&mut *lock(&reuse.cache.by_institution))).unwrap_or_default();
            let keep = |inst: &Institution| reuse.edited.is_some_and(|ids| !ids.contains(&inst.id));
            let per_institution =
                per_institution(model, theme, false, |inst| kept.get(&inst.id).filter(|_| keep(inst)))?;
            drop(kept);
            finish(model, theme, per_institution)
        }
    }
}

/// Gives the documents of a pass back to `cache`, institution by institution, for the next
/// pass (`Which::Reusing`); phase reports are made again each time.
pub(crate) fn keep(cache: &Cache, documents: Vec<Document>) {
    let mut by_institution: BTreeMap<String, Vec<Document>> = BTreeMap::new();
    for d in documents.into_iter().filter(|d| d.kind != Kind::Report) {
        by_institution.entry(d.institution.clone()).or_default().push(d);
    }
    *lock(&cache.by_institution) = by_institution.into_iter().map(|(id, docs)| (id, Arc::new(docs))).collect();
}

/// Documents kept between the preview's pages passes (codes and facts, no texts), by institution.
#[derive(Default)]
pub(crate) struct Cache {
    by_institution: std::sync::Mutex<BTreeMap<String, Arc<Vec<Document>>>>,
}

/// What `Which::Reusing` may take from a previous pass.
#[derive(Clone, Copy)]
pub(crate) struct Reuse<'a> {
    pub(crate) cache: &'a Cache,
    /// The institutions whose folders changed since the pass that filled the cache; None: the
    /// change may lie anywhere (settings, categories, the theme), and everything is made again.
    pub(crate) edited: Option<&'a BTreeSet<String>>,
}

/// Every institution's cards and letters, those `kept` gives taken as they are.
fn per_institution<'k>(
    model: &Model,
    theme: &Theme,
    texts: bool,
    kept: impl Fn(&Institution) -> Option<&'k Arc<Vec<Document>>> + Sync,
) -> Result<BTreeMap<String, Arc<Vec<Document>>>> {
    // Institutions are independent: on every core.
    model
        .institutions
        .par_iter()
        .map(|inst| {
            if let Some(docs) = kept(inst) {
                return Ok((inst.id.clone(), docs.clone()));
            }
            let mut docs = institution(model, theme, inst)?;
            if !texts {
                for d in &mut docs {
                    d.blocks = Vec::new();
                }
            }
            Ok((inst.id.clone(), Arc::new(docs)))
        })
        .collect()
}

/// The documents in model order, then every phase report.
fn finish(model: &Model, theme: &Theme, mut by_id: BTreeMap<String, Arc<Vec<Document>>>) -> Result<Vec<Document>> {
    // Sized at once: at 100,000 employees growing it moved 40 MB of documents several times.
    let reports = model.campaigns.iter().map(|c| c.phases.len()).sum::<usize>();
    let mut docs = Vec::with_capacity(by_id.values().map(|d| d.len()).sum::<usize>() + reports);
    for inst in &model.institutions {
        if let Some(d) = by_id.remove(&inst.id) {
            docs.extend(Arc::unwrap_or_clone(d));
        }
    }
    docs.extend(super::report::all(model, &theme.tera)?);
    Ok(docs)
}
