//! Checks that need the resolved model: a signing record must name a letter that the
//! organisation (and signing.yaml's pairs and exclusions) actually produces; otherwise it would
//! be ignored without a word.

use super::index::at;
use crate::diagnostic::{Diagnostic, Report};
use crate::load::Content;
use crate::model::{Letter, Model};

pub(crate) fn check(content: &Content, model: &Model, report: &mut Report) {
    for dir in &content.institutions {
        let (Some(signing), Some(inst)) = (&dir.signing, model.institution(&dir.id)) else { continue };
        for rec in &signing.value.signed {
            let id = Letter::id_for(&rec.post.value, &rec.person.value);
            if inst.letters.iter().any(|l| l.id == id) {
                continue;
            }
            let why = if inst.principal.as_deref() == Some(rec.post.value.as_str()) {
                "the principal signs letters as 甲方 only"
            } else {
                "no letter is made for this post and person (a vacant pair, or one removed under `exclude:`)"
            };
            report.push(
                Diagnostic::new(
                    "signed-without-letter",
                    at(signing.file, &rec.post),
                    format!("signing record for `{}` names no letter: {why}", id),
                    "no such letter",
                )
                .with_help(
                    "remove the record, or add the letter under `pairs:` (see the institution's page for its letters)",
                ),
            );
        }
    }
}
