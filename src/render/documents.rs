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
        Which::All => {
            let by_id = per_institution(model, theme, true, |_| None, |_| ())?.0;
            Ok(finish(model, by_id, super::report::all(model, &theme.tera)?))
        }
        Which::CardsAndLetters => {
            let mut by_id = per_institution(model, theme, true, |_| None, |_| ())?.0;
            let ordered = model.institutions.iter().filter_map(|i| by_id.remove(&i.id));
            Ok(ordered.flat_map(Arc::unwrap_or_clone).collect())
        }
        Which::Codes => Ok(looked(model, theme, |_| ())?.0),
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
            let reused = |inst: &Institution| kept.get(&inst.id).filter(|_| keep(inst));
            let per_institution = per_institution(model, theme, false, reused, |_| ())?.0;
            drop(kept);
            Ok(finish(model, per_institution, super::report::all(model, &theme.tera)?))
        }
    }
}

/// Gives the documents of a pass back to `cache`, institution by institution, for the next
/// pass (`Which::Reusing`); phase reports are made again each time.
pub(crate) fn keep(cache: &Cache, documents: Vec<Document>) {
    // An institution's documents usually come in one run (`finish` orders them so): they are
    // split by runs, not looked up one by one (at 100,000 employees, a lookup and an id per
    // document took longer than making the edited institution's documents); a later run of
    // the same institution is added to its first.
    let mut by_institution: BTreeMap<String, Vec<Document>> = BTreeMap::new();
    let mut run: Vec<Document> = Vec::new();
    let mut flush = |run: &mut Vec<Document>| {
        if let Some(first) = run.first() {
            let kept = by_institution.entry(first.institution.clone()).or_default();
            if kept.is_empty() {
                *kept = std::mem::take(run);
            } else {
                kept.append(run);
            }
        }
    };
    for d in documents.into_iter().filter(|d| d.kind != Kind::Report) {
        if run.last().is_some_and(|last| last.institution != d.institution) {
            flush(&mut run);
        }
        run.push(d);
    }
    flush(&mut run);
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

/// As `make(Which::Codes)`, showing each institution's documents with their texts to `look`
/// (then the phase reports), before the texts are dropped: what `check` learns from the texts
/// (characters, unbreakable runs) costs no second making of them. `look`'s answers come back
/// in model order, the phase reports' last.
pub(crate) fn looked<T: Send>(
    model: &Model,
    theme: &Theme,
    look: impl Fn(&[Document]) -> T + Sync,
) -> Result<(Vec<Document>, Vec<T>)> {
    let (by_id, mut answers) = per_institution(model, theme, false, |_| None, &look)?;
    let reports = super::report::all(model, &theme.tera)?;
    answers.push(look(&reports));
    Ok((finish(model, by_id, reports), answers))
}

/// Documents by institution id.
type ByInstitution = BTreeMap<String, Arc<Vec<Document>>>;

/// Every institution's cards and letters, those `kept` gives taken as they are; each made one
/// is shown to `look` with its texts (answers in model order, none for a kept one).
fn per_institution<'k, T: Send>(
    model: &Model,
    theme: &Theme,
    texts: bool,
    kept: impl Fn(&Institution) -> Option<&'k Arc<Vec<Document>>> + Sync,
    look: impl Fn(&[Document]) -> T + Sync,
) -> Result<(ByInstitution, Vec<T>)> {
    // Institutions are independent: on every core.
    let made: Vec<(String, Arc<Vec<Document>>, Option<T>)> = model
        .institutions
        .par_iter()
        .map(|inst| {
            if let Some(docs) = kept(inst) {
                return Ok((inst.id.clone(), docs.clone(), None));
            }
            let mut docs = institution(model, theme, inst)?;
            let answer = look(&docs);
            if !texts {
                for d in &mut docs {
                    d.blocks = Vec::new();
                }
            }
            Ok((inst.id.clone(), Arc::new(docs), Some(answer)))
        })
        .collect::<Result<_>>()?;
    let mut answers = Vec::with_capacity(made.len());
    let by_id = made
        .into_iter()
        .map(|(id, docs, answer)| {
            answers.extend(answer);
            (id, docs)
        })
        .collect();
    Ok((by_id, answers))
}

/// The documents in model order, then the phase reports.
fn finish(model: &Model, mut by_id: ByInstitution, reports: Vec<Document>) -> Vec<Document> {
    // Sized at once: at 100,000 employees growing it moved 40 MB of documents several times.
    let mut docs = Vec::with_capacity(by_id.values().map(|d| d.len()).sum::<usize>() + reports.len());
    for inst in &model.institutions {
        if let Some(d) = by_id.remove(&inst.id) {
            docs.extend(Arc::unwrap_or_clone(d));
        }
    }
    docs.extend(reports);
    docs
}
