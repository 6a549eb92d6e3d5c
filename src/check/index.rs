//! Lookup tables over the loaded content: which ids exist, and where each was defined.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde_saphyr::Spanned;

use crate::load::{Content, InstitutionDir};
use crate::raw;
use crate::source::{Offset, Span};

/// Where something with an id was defined, and its display name.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Def<'a, T> {
    pub(crate) span: Span,
    pub(crate) name: &'a str,
    pub(crate) value: &'a T,
}

pub(crate) type Table<'a, T> = BTreeMap<&'a str, Def<'a, T>>;

pub(crate) struct InstIndex<'a> {
    pub(crate) dir: &'a InstitutionDir,
    pub(crate) span: Span,
    pub(crate) departments: Table<'a, raw::Department>,
    pub(crate) posts: Table<'a, raw::Post>,
    pub(crate) people: Table<'a, raw::Person>,
}

pub(crate) struct Index<'a> {
    pub(crate) categories: Table<'a, raw::Category>,
    pub(crate) institutions: BTreeMap<&'a str, InstIndex<'a>>,
}

/// A span for a `Spanned` value of file `file`.
pub(crate) fn at<T>(file: usize, s: &Spanned<T>) -> Span {
    Span::from_yaml(file, &s.referenced, Offset::default())
}

impl<'a> Index<'a> {
    /// Builds the tables, keeping the first definition of an id; `on_duplicate` hears about the rest.
    pub(crate) fn build(content: &'a Content, mut on_duplicate: impl FnMut(&str, &str, Span, Span)) -> Self {
        let mut categories = Table::new();
        for c in &content.categories {
            let def = Def { span: Span::file_start(c.file), name: &c.value.name.value, value: &*c.value };
            insert(&mut categories, &c.id, def, "category", &mut on_duplicate);
        }
        // Each institution's tables are its own: built on every core (at 100,000 employees this
        // was a quarter of a preview's check), duplicates reported in content order.
        let built: Vec<(InstIndex, Vec<Duplicate>)> = content.institutions.par_iter().map(inst_index).collect();
        let mut institutions = BTreeMap::new();
        for (inst, duplicates) in built {
            for (kind, id, again, first) in duplicates {
                on_duplicate(kind, id, again, first);
            }
            institutions.insert(inst.dir.id.as_str(), inst);
        }
        Index { categories, institutions }
    }
}

/// An id defined again: its kind, the id, where again, where first.
type Duplicate<'a> = (&'static str, &'a str, Span, Span);

/// One institution's tables, and the ids its folder defines twice.
fn inst_index(dir: &InstitutionDir) -> (InstIndex<'_>, Vec<Duplicate<'_>>) {
    let file = dir.institution.as_ref().map(|i| i.file).or(dir.first_file).unwrap_or(0);
    let mut inst = InstIndex {
        dir,
        span: Span::file_start(file),
        departments: Table::new(),
        posts: Table::new(),
        people: Table::new(),
    };
    let mut duplicates = Vec::new();
    let mut on_duplicate = |kind, id, again, first| duplicates.push((kind, id, again, first));
    for list in &dir.departments {
        for d in list.value.iter() {
            let def = Def { span: at(list.file, &d.id), name: &d.name, value: d };
            insert(&mut inst.departments, &d.id.value, def, "department", &mut on_duplicate);
        }
    }
    for p in &dir.posts {
        let def = Def { span: Span::file_start(p.file), name: &p.value.name.value, value: &*p.value };
        insert(&mut inst.posts, &p.id, def, "post", &mut on_duplicate);
    }
    for list in &dir.people {
        for p in list.value.iter() {
            let def = Def { span: at(list.file, &p.id), name: &p.name, value: p };
            insert(&mut inst.people, &p.id.value, def, "person", &mut on_duplicate);
        }
    }
    (inst, duplicates)
}

fn insert<'a, T>(
    table: &mut Table<'a, T>,
    id: &'a str,
    def: Def<'a, T>,
    kind: &'static str,
    on_duplicate: &mut impl FnMut(&'static str, &'a str, Span, Span),
) {
    match table.get(id) {
        Some(first) => on_duplicate(kind, id, def.span, first.span),
        None => {
            table.insert(id, def);
        }
    }
}
