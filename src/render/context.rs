//! What every renderer is given and how it writes: the selection of parts, the warnings to
//! show, the sink its files go to, and the context of one build.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use super::document::{Documents, Kind};
use super::pdf::fonts::FontSet;
use super::pdf::style::Style;
use super::theme::Theme;
use crate::error::{Error, Result};
use crate::i18n::Audience;
use crate::lock;
use crate::model::Model;
use crate::t;

/// A warning from `check` that did not stop the build: the site shows it where it belongs.
#[derive(Debug, Clone, serde::Serialize)]
pub(crate) struct Finding {
    /// The institution whose files it is about, if any.
    pub(crate) institution: Option<String>,
    pub(crate) code: &'static str,
    pub(crate) message: String,
    /// file:line:column, for the author who fixes it.
    pub(crate) place: String,
}

impl Finding {
    /// The warnings of a report, each placed with the institution its file belongs to.
    pub(crate) fn from_report(report: &crate::diagnostic::Report, sources: &crate::source::Sources) -> Vec<Finding> {
        report
            .diagnostics
            .iter()
            .filter(|d| d.severity == crate::diagnostic::Severity::Warning)
            .map(|d| {
                let span = d.primary.span;
                let file = &sources.get(span.file).name;
                Finding {
                    institution: file
                        .strip_prefix("institutions/")
                        .and_then(|r| r.split('/').next())
                        .map(str::to_string),
                    code: d.code,
                    // The site speaks Chinese whatever the user's language.
                    message: d.said.as_ref().map_or_else(|| d.message.clone(), |m| m.say(Audience::Page)),
                    place: format!("{file}:{}:{}", span.line, span.column),
                }
            })
            .collect()
    }
}

/// What a build makes: everything by default; `build --only … --institution …` narrows it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Selection {
    /// None: all parts.
    pub(crate) parts: Option<std::collections::BTreeSet<Part>>,
    /// None: every institution (applies to printed documents).
    pub(crate) institutions: Option<std::collections::BTreeSet<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub(crate) enum Part {
    /// The intranet site (output/site/).
    Site,
    /// model.json and duties.csv (output/data/).
    Data,
    /// Duty cards, risk notice cards, the printed public display and the network diagram (PDF).
    Cards,
    /// Responsibility letters (PDF).
    Letters,
    /// Campaign phase reports, and the monthly bulletins and yearly ledgers of the hazard ledgers (PDF).
    Reports,
    /// Rectification notices of the hazard ledgers, and blank inspection forms (PDF).
    Notices,
}

impl Part {
    /// The parts that are printed documents: the preview draws all of an institution's, so that
    /// its font subsets hold the same characters as a full build's.
    pub(crate) const PRINTED: [Part; 4] = [Part::Cards, Part::Letters, Part::Reports, Part::Notices];

    /// The part that prints a kind of document.
    pub(crate) fn of(kind: Kind) -> Part {
        match kind {
            Kind::Card | Kind::RiskCard | Kind::Display | Kind::Network => Part::Cards,
            Kind::Register => Part::Letters,
            Kind::Letter => Part::Letters,
            Kind::Report | Kind::Bulletin | Kind::Ledger => Part::Reports,
            Kind::Notice | Kind::Form => Part::Notices,
        }
    }
}

impl Selection {
    pub(crate) fn wants(&self, part: Part) -> bool {
        self.parts.as_ref().is_none_or(|p| p.contains(&part))
    }

    /// Whether documents of `kind` are printed in this build (for some institution).
    pub(crate) fn prints_kind(&self, kind: Kind) -> bool {
        self.wants(Part::of(kind))
    }

    /// Whether a document of `kind` for `institution` is printed in this build.
    pub(crate) fn prints(&self, kind: Kind, institution: &str) -> bool {
        self.prints_kind(kind) && self.institutions.as_ref().is_none_or(|i| i.contains(institution))
    }

    /// Whether any printed document is wanted.
    pub(crate) fn wants_pdf(&self) -> bool {
        Part::PRINTED.into_iter().any(|p| self.wants(p))
    }

    /// The institutions whose documents this build needs; None: every institution's, because
    /// the site or the data export lists them all.
    pub(crate) fn documents_of(&self) -> Option<&std::collections::BTreeSet<String>> {
        self.institutions.as_ref().filter(|_| !self.wants(Part::Site) && !self.wants(Part::Data))
    }

    pub(crate) fn is_everything(&self) -> bool {
        self.parts.is_none() && self.institutions.is_none()
    }
}

/// Rendered files: path below the output root → bytes, shared so that the preview serves them
/// without copying.
pub(crate) type Files = BTreeMap<String, Arc<Vec<u8>>>;

/// Where rendered files go: a folder on disk (`build`) or memory (`serve`).
pub(crate) enum Sink {
    /// The root of the output being built (a temporary folder until the build succeeds), and
    /// the paths written and folders made so far.
    Dir(PathBuf, Mutex<Written>),
    Memory(Mutex<Files>),
}

/// What a folder sink has written: files (below the root, with `/`) and the folders made for them.
#[derive(Default)]
pub(crate) struct Written {
    files: std::collections::HashSet<String>,
    /// A site has some 35,000 files in a few thousand folders: each folder is made (or found)
    /// once, not looked up again for every file.
    folders: std::collections::HashSet<String>,
}

impl Sink {
    /// Makes the folder of `rel` below `out`, once.
    fn make_folder(out: &std::path::Path, rel: &str, written: &Mutex<Written>) -> Result<()> {
        let Some((folder, _)) = rel.rsplit_once('/') else { return Ok(()) };
        if lock(written).folders.contains(folder) {
            return Ok(());
        }
        let path = out.join(folder);
        std::fs::create_dir_all(&path).map_err(|e| Error::io("create folder", &path, e))?;
        lock(written).folders.insert(folder.to_string());
        Ok(())
    }

    pub(crate) fn dir(root: &std::path::Path) -> Self {
        Sink::Dir(root.to_path_buf(), Mutex::new(Written::default()))
    }

    pub(crate) fn memory() -> Self {
        Sink::Memory(Mutex::new(BTreeMap::new()))
    }

    /// The files written to a memory sink.
    pub(crate) fn into_files(self) -> Files {
        match self {
            Sink::Memory(files) => files.into_inner().unwrap_or_else(|e| e.into_inner()),
            Sink::Dir(..) => Files::new(),
        }
    }

    /// Every output path has one writer: a second write of a path (two things that map to one
    /// file) fails the build instead of silently replacing the first.
    fn claim(&self, rel: &str) -> Result<()> {
        match self {
            Sink::Dir(_, written) if !lock(written).files.insert(rel.to_string()) => Err(twice(rel)),
            _ => Ok(()),
        }
    }

    /// Keeps a file in a memory sink (see `claim`).
    fn keep(files: &Mutex<Files>, rel: &str, bytes: Arc<Vec<u8>>) -> Result<()> {
        match lock(files).insert(rel.to_string(), bytes) {
            Some(_) => Err(twice(rel)),
            None => Ok(()),
        }
    }
}

fn twice(rel: &str) -> Error {
    Error::internal(t!("context-same-path", path = rel))
}

pub(crate) struct RenderContext<'a> {
    pub(crate) model: &'a Model,
    pub(crate) sink: &'a Sink,
    /// The content folder, through which scans and evidence files are read.
    pub(crate) fence: &'a crate::fence::Fence,
    pub(crate) findings: &'a [Finding],
    /// The theme, loaded once per build.
    pub(crate) theme: &'a Theme,
    /// Every card and letter, computed once: the PDF renderer prints them (those marked printed),
    /// the site links them and shows their codes and signing status.
    pub(crate) documents: &'a Documents,
    /// The fonts of printed documents, found once per build; None when none is installed.
    pub(crate) fonts: Option<&'a FontSet>,
    /// The theme's `pdf/style.yaml`, parsed once per build.
    pub(crate) pdf_style: &'a Style,
    /// Build the site's search index.
    pub(crate) search: bool,
    /// Show a progress bar for long runs (a terminal is watching).
    pub(crate) progress: bool,
    /// The content's revision history (None: not in git, or not asked for).
    pub(crate) history: Option<&'a crate::history::History>,
    /// Where renderers note how long their own stages took, for `--timings` (None: not asked).
    pub(crate) laps: Option<&'a std::sync::Mutex<Vec<crate::notes::Lap>>>,
    /// Render only these institutions' pages and the pages of no institution (the preview's
    /// quick pass; see `pipeline::Options::pages_of`).
    pub(crate) pages_of: Option<&'a std::collections::BTreeSet<String>>,
    /// Render the role category pages (false only in such a pass of the preview, after an
    /// edit that left what they show as it was).
    pub(crate) categories: bool,
    /// The preview's keys of its pages of no institution: with `pages_of`, such a page made from
    /// what the last pass made it from is not made again.
    pub(crate) page_keys: Option<&'a crate::render::kept::PageKeys>,
}

impl RenderContext<'_> {
    /// Notes that a stage of a renderer took `took` (shown by `--timings`).
    pub(crate) fn lap(&self, what: &str, took: std::time::Duration) {
        if let Some(laps) = self.laps {
            lock(laps).push(crate::notes::Lap { what: what.to_string(), took });
        }
    }

    /// Writes a file below the output root by streaming into it (big files need not be held
    /// in memory as a whole).
    pub(crate) fn write_with(
        &self,
        rel: &str,
        fill: &mut dyn FnMut(&mut dyn std::io::Write) -> Result<()>,
    ) -> Result<()> {
        self.sink.claim(rel)?;
        match self.sink {
            Sink::Dir(out, written) => {
                Sink::make_folder(out, rel, written)?;
                let path = out.join(rel);
                let file = std::fs::File::create(&path).map_err(|e| Error::io("write", &path, e))?;
                let mut writer = std::io::BufWriter::with_capacity(1 << 20, file);
                fill(&mut writer)?;
                std::io::Write::flush(&mut writer).map_err(|e| Error::io("write", &path, e))
            }
            Sink::Memory(files) => {
                let mut bytes = Vec::new();
                fill(&mut bytes)?;
                Sink::keep(files, rel, Arc::new(bytes))
            }
        }
    }

    /// Writes a file below the output root (`rel` uses `/`), creating folders as needed.
    pub(crate) fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        self.sink.claim(rel)?;
        match self.sink {
            Sink::Dir(..) => self.write_to_disk(rel, bytes),
            Sink::Memory(files) => Sink::keep(files, rel, Arc::new(bytes.to_vec())),
        }
    }

    /// Like `write`, for bytes made as shared ones (PDFs): the memory sink keeps them without a copy.
    pub(crate) fn write_shared(&self, rel: &str, bytes: Arc<Vec<u8>>) -> Result<()> {
        self.sink.claim(rel)?;
        match self.sink {
            Sink::Dir(..) => self.write_to_disk(rel, &bytes),
            Sink::Memory(files) => Sink::keep(files, rel, bytes),
        }
    }

    fn write_to_disk(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        let Sink::Dir(out, written) = self.sink else { unreachable!("called for a folder sink only") };
        Sink::make_folder(out, rel, written)?;
        let path = out.join(rel);
        std::fs::write(&path, bytes).map_err(|e| Error::io("write", &path, e))
    }
}

pub(crate) trait Renderer: Send + Sync {
    fn name(&self) -> &'static str;
    /// Whether this build asks for this renderer's output.
    fn wanted(&self, selection: &Selection) -> bool;
    fn render(&self, ctx: &RenderContext) -> Result<()>;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A second write of one path fails, on disk and in memory, instead of replacing the first.
    #[test]
    fn a_path_is_written_once() {
        let dir = tempfile::tempdir().unwrap();
        for sink in [Sink::dir(dir.path()), Sink::memory()] {
            let claim = |rel: &str| sink.claim(rel);
            assert!(claim("site/index.html").is_ok());
            assert!(matches!(&sink, Sink::Memory(_)) || claim("site/index.html").is_err());
            if let Sink::Memory(files) = &sink {
                assert!(Sink::keep(files, "a", Arc::new(vec![1])).is_ok());
                let again = Sink::keep(files, "a", Arc::new(vec![2])).unwrap_err();
                assert!(again.to_string().contains("same path `a`"));
            }
        }
    }
}
