//! What a load gives: the content tree parsed, file by file, in the folders that hold the files.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::page::Page;
use super::sheet;
use crate::diagnostic::Report;
use crate::fence::Fence;
use crate::raw;
use crate::source::{FileId, Sources};

/// A value that has a file of its own, its id taken from the file (or folder) name.
#[derive(Debug)]
pub(crate) struct Named<T> {
    pub(crate) id: String,
    pub(crate) file: FileId,
    pub(crate) value: Arc<T>,
}

/// A value parsed from a file (lists of departments or people).
#[derive(Debug)]
pub(crate) struct Loaded<T> {
    pub(crate) file: FileId,
    pub(crate) value: Arc<T>,
}

// Cloned as the preview's cache keeps the last content (values shared), whatever `T` is.
impl<T> Clone for Named<T> {
    fn clone(&self) -> Self {
        Named { id: self.id.clone(), file: self.file, value: self.value.clone() }
    }
}

impl<T> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        Loaded { file: self.file, value: self.value.clone() }
    }
}

/// Everything found under one `institutions/<id>/` folder.
#[derive(Debug, Default, Clone)]
pub(crate) struct InstitutionDir {
    pub(crate) id: String,
    pub(crate) institution: Option<Loaded<raw::Institution>>,
    pub(crate) departments: Vec<Loaded<Vec<raw::Department>>>,
    pub(crate) people: Vec<Loaded<Vec<raw::Person>>>,
    pub(crate) posts: Vec<Named<raw::Post>>,
    pub(crate) signing: Option<Loaded<raw::Signing>>,
    /// The hazard ledger, in one or more files (`records/hazards.yaml`, `records/hazards/*.yaml`).
    pub(crate) hazards: Vec<Loaded<Vec<raw::Hazard>>>,
    /// The inspection checklist and the inspections made by it, in files like the ledger's.
    pub(crate) checklist: Vec<Loaded<Vec<raw::CheckItem>>>,
    pub(crate) inspections: Vec<Loaded<Vec<raw::Inspection>>>,
    /// The identification of major hazard sources (重大危险源).
    pub(crate) major_sources: Vec<Loaded<Vec<raw::MajorSource>>>,
    /// First file seen in the folder: where to point when institution.yaml is missing.
    pub(crate) first_file: Option<FileId>,
    /// Ids of posts whose files could not be parsed: references to them are not dangling.
    pub(crate) broken_posts: Vec<String>,
    /// Kinds ("department", "person") whose list file could not be parsed.
    pub(crate) broken_lists: Vec<&'static str>,
    pub(crate) broken_institution: bool,
}

/// Everything found under one `campaigns/<id>/` folder.
#[derive(Debug, Default, Clone)]
pub(crate) struct CampaignDir {
    pub(crate) id: String,
    pub(crate) campaign: Option<Loaded<raw::Campaign>>,
    pub(crate) progress: Option<Loaded<raw::Progress>>,
    pub(crate) issues: Option<Loaded<Vec<raw::Issue>>>,
    /// First file seen in the folder: where to point when campaign.yaml is missing.
    pub(crate) first_file: Option<FileId>,
    /// Some file of the folder could not be parsed.
    pub(crate) broken: bool,
}

/// The whole content tree, parsed but not yet checked.
#[derive(Debug, Default, Clone)]
pub struct Content {
    pub(crate) sources: Sources,
    pub(crate) config: Option<Loaded<raw::Config>>,
    pub(crate) categories: Vec<Named<raw::Category>>,
    pub(crate) institutions: Vec<InstitutionDir>,
    pub(crate) campaigns: Vec<CampaignDir>,
    pub(crate) pages: Vec<Arc<Page>>,
    /// How many files could not be parsed: checks across files are unreliable then.
    pub(crate) broken_files: usize,
    /// Ids of categories whose files could not be parsed.
    pub(crate) broken_categories: Vec<String>,
    /// Whether the tree was walked (false: the last walk was taken, see `Since::Written`).
    pub(crate) walked: bool,
    /// The files that are spreadsheets: their spans are places in the YAML of their rows until
    /// `relocate` moves them to the cells.
    pub(crate) sheets: BTreeMap<FileId, Arc<sheet::Cells>>,
    /// The boundary of the content folder on disk (None: content from a commit), through which
    /// checks look for the files that the content names (scans, evidence).
    pub(crate) fence: Option<Fence>,
}

impl Content {
    /// Moves every span of a spreadsheet in `report` from the YAML of its rows to the cell it
    /// came from, naming the cell. Called once, when the checks are done.
    pub(crate) fn relocate(&self, report: &mut Report) {
        if !self.sheets.is_empty() {
            sheet::relocate(&self.sheets, report);
        }
    }
}
