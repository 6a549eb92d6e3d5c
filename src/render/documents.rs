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

use super::document::Lists;
pub(crate) use super::document::{Block, Document, Documents, Kind, Status};

/// The kinds of document a build makes. Every kind, unless it has no use for some: pages link
/// the posted sheets (registers, displays, the network diagram) only when they are printed and
/// show none of their codes, so a build of the site alone makes none (at 10,000 employees
/// their texts were 3.5 % of such a build); a build of printed documents alone, without the
/// site or the data export, makes only the kinds it prints (a sixth of a build of letters
/// alone went to the cards' and sheets' texts). What is printed is the same either way.
pub(crate) type Makes<'a> = &'a (dyn Fn(Kind) -> bool + Sync);

/// Every kind (`Makes`).
pub(crate) const ALL: Makes<'static> = &|_| true;

/// Every printed document of one institution of the kinds `makes` takes, with its text: its
/// posts' duty cards and risk notice cards, its letters, its ledger's rectification notices,
/// monthly bulletins and yearly ledgers, and its departments' inspection forms; and the posted
/// sheets: its signing registers, its displays for the wall and its network diagram.
pub(crate) fn institution(model: &Model, theme: &Theme, inst: &Institution, makes: Makes) -> Result<Vec<Document>> {
    // Registers list the letters.
    let letters = makes(Kind::Letter) || makes(Kind::Register);
    let mut docs = super::cards::institution(model, theme, inst, makes(Kind::Card), letters)?;
    if makes(Kind::Register) {
        let registers = super::registers::institution(&theme.tera, inst, &docs)?;
        docs.extend(registers);
    }
    if makes(Kind::RiskCard) {
        docs.extend(super::risk_cards::institution(&theme.tera, inst)?);
    }
    if makes(Kind::Notice) {
        docs.extend(super::notices::institution(model, &theme.tera, inst)?);
    }
    if makes(Kind::Bulletin) {
        docs.extend(super::bulletins::institution(model, &theme.tera, inst)?);
    }
    if makes(Kind::Ledger) || makes(Kind::Form) {
        docs.extend(super::ledgers::institution(model, &theme.tera, inst)?);
    }
    if makes(Kind::Display) || makes(Kind::Network) {
        docs.extend(super::displays::institution(model, &theme.tera, inst)?);
    }
    docs.retain(|d| makes(d.kind));
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
    /// institution (`institution`). Phase reports keep theirs. (`looked` can keep them.)
    Codes,
    /// The documents of these institutions of the kinds `Makes` takes, with their texts, then
    /// their phase reports: all that a build of their documents alone needs (the preview's
    /// PDFs; `build --institution` without the site or the data export takes the check's).
    Of(&'a BTreeSet<String>, Makes<'a>),
    /// As `Codes`, for the preview: after an edit inside the folders of `reuse.edited`, the
    /// other institutions' documents are the ones `reuse.cache` kept from the previous pass
    /// (nothing they are made of changed). They are moved, not copied: the caller gives them
    /// back when its pass is done (`keep`).
    Reusing(Reuse<'a>),
}

/// The documents of the model that `which` asks for, institution by institution in model
/// order, then the phase reports.
pub(crate) fn make(model: &Model, theme: &Theme, which: Which) -> Result<Documents> {
    let reports = || super::report::all(model, &theme.tera);
    match which {
        Which::All => {
            let institutions = per_institution(model, theme, true, ALL, |_| None, |_| ())?.0;
            Ok(Documents::new(institutions, reports()?))
        }
        Which::CardsAndLetters => {
            let institutions = per_institution(model, theme, true, ALL, |_| None, |_| ())?.0;
            Ok(Documents::new(institutions, Vec::new()))
        }
        Which::Codes => Ok(looked(model, theme, false, ALL, |_| ())?.0),
        Which::Of(ids, makes) => {
            let institutions = model
                .institutions
                .par_iter()
                .map(|inst| match ids.contains(&inst.id) {
                    true => Ok(Arc::new(institution(model, theme, inst, makes)?)),
                    false => Ok(Arc::new(Vec::new())),
                })
                .collect::<Result<_>>()?;
            let reports = match makes(Kind::Report) {
                true => reports()?.into_iter().filter(|d| ids.contains(&d.institution)).collect(),
                false => Vec::new(),
            };
            Ok(Documents::new(institutions, reports))
        }
        Which::Reusing(reuse) => {
            let kept =
                reuse.edited.map(|_| std::mem::take(&mut *lock(&reuse.cache.by_institution))).unwrap_or_default();
            let keep = |inst: &Institution| reuse.edited.is_some_and(|ids| !ids.contains(&inst.id));
            let reused = |inst: &Institution| kept.get(&inst.id).filter(|_| keep(inst));
            let institutions = per_institution(model, theme, false, ALL, reused, |_| ())?.0;
            // The lists taken are held by `institutions` alone from here: changing them copies nothing.
            drop(kept);
            Ok(Documents::new(institutions, reports()?))
        }
    }
}

/// Gives the documents of a pass of `model` back to `cache`, institution by institution, for
/// the next pass (`Which::Reusing`); phase reports are made again each time.
pub(crate) fn keep(cache: &Cache, model: &Model, documents: Documents) {
    let ids = model.institutions.iter().map(|inst| inst.id.clone());
    *lock(&cache.by_institution) = ids.zip(documents.into_institutions()).collect();
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

/// Up to this many people, a build that prints keeps the texts of every card and letter it
/// made for their codes, for the PDF renderer: about 15 MB per thousand people, where making
/// them again was a tenth of a county's build and 4 % of a city's (`Which::Codes`).
const KEEP_TEXTS: usize = 10_000;

/// As `make(Which::Codes)`, showing each institution's documents with their texts to `look`
/// (then the phase reports), before the texts are dropped (with `texts`, for a build that
/// prints, they are kept up to `KEEP_TEXTS`): what `check` learns from the texts (characters,
/// unbreakable runs) costs no second making of them. `look`'s answers come back in model
/// order, the phase reports' last. Only the kinds `makes` takes are made.
pub(crate) fn looked<T: Send>(
    model: &Model,
    theme: &Theme,
    texts: bool,
    makes: Makes,
    look: impl Fn(&[Document]) -> T + Sync,
) -> Result<(Documents, Vec<T>)> {
    let texts = texts && model.institutions.iter().map(|inst| inst.people.len()).sum::<usize>() <= KEEP_TEXTS;
    let (institutions, mut answers) = per_institution(model, theme, texts, makes, |_| None, &look)?;
    let reports = match makes(Kind::Report) {
        true => super::report::all(model, &theme.tera)?,
        false => Vec::new(),
    };
    answers.push(look(&reports));
    Ok((Documents::new(institutions, reports), answers))
}

/// Every institution's documents, in model order, those `kept` gives taken as they are; each
/// made one is shown to `look` with its texts (answers in model order, none for a kept one).
fn per_institution<'k, T: Send>(
    model: &Model,
    theme: &Theme,
    texts: bool,
    makes: Makes,
    kept: impl Fn(&Institution) -> Option<&'k Arc<Vec<Document>>> + Sync,
    look: impl Fn(&[Document]) -> T + Sync,
) -> Result<(Lists, Vec<T>)> {
    // Institutions are independent: on every core.
    let made: Vec<(Arc<Vec<Document>>, Option<T>)> = model
        .institutions
        .par_iter()
        .map(|inst| {
            if let Some(docs) = kept(inst) {
                return Ok((docs.clone(), None));
            }
            let mut docs = institution(model, theme, inst, makes)?;
            let answer = look(&docs);
            if !texts {
                for d in &mut docs {
                    d.blocks = Vec::new();
                }
            }
            Ok((Arc::new(docs), Some(answer)))
        })
        .collect::<Result<_>>()?;
    let (docs, answers): (Vec<_>, Vec<_>) = made.into_iter().unzip();
    Ok((docs, answers.into_iter().flatten().collect()))
}
