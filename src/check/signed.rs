//! Checks that need the resolved model: a signing record must name a letter that the
//! organisation (and signing.yaml's pairs and exclusions) actually produces, and a confirmation
//! a post that lists risks; otherwise it would be ignored without a word. Every holder of a post
//! that lists risks confirms them (岗位安全风险确认).

use super::index::at;
use crate::diagnostic::{Diagnostic, Report};
use crate::load::Content;
use crate::model::{Letter, Model};
use crate::{m, t};

pub(crate) fn check(content: &Content, model: &Model, report: &mut Report) {
    unconfirmed(content, model, report);
    for dir in &content.institutions {
        let (Some(signing), Some(inst)) = (&dir.signing, model.institution(&dir.id)) else { continue };
        for rec in &signing.value.confirmed {
            if inst.post(&rec.post.value).is_none_or(|p| !p.risks.is_empty()) {
                continue;
            }
            report.push(
                Diagnostic::new(
                    "signed-without-letter",
                    at(signing.file, &rec.post),
                    m!("signed-confirmed-without-card", post = rec.post.value.as_str()),
                    t!("signed-confirmed-without-card-label"),
                )
                .with_help(t!("signed-confirmed-without-card-help")),
            );
        }
        for rec in &signing.value.signed {
            let id = Letter::id_for(&rec.post.value, &rec.person.value);
            if inst.letters.iter().any(|l| l.id == id) {
                continue;
            }
            let message = if inst.principal.as_deref() == Some(rec.post.value.as_str()) {
                m!("signed-principal-without-letter", id)
            } else {
                m!("signed-without-letter", id)
            };
            report.push(
                Diagnostic::new(
                    "signed-without-letter",
                    at(signing.file, &rec.post),
                    message,
                    t!("signed-without-letter-label"),
                )
                .with_help(t!("signed-without-letter-help")),
            );
        }
    }
}

/// Holders of a post that lists risks who have not signed its risk notice card.
fn unconfirmed(content: &Content, model: &Model, report: &mut Report) {
    for dir in &content.institutions {
        let Some(inst) = model.institution(&dir.id) else { continue };
        for named in &dir.posts {
            let Some(post) = inst.post(&named.id).filter(|p| !p.risks.is_empty()) else { continue };
            let missing: Vec<&str> =
                post.holders.iter().filter(|h| !post.confirmed.contains_key(*h)).map(String::as_str).collect();
            if missing.is_empty() {
                continue;
            }
            let people: Vec<String> = missing.iter().map(|m| format!("`{m}`")).collect();
            let people = people.join(&t!("check-list-separator"));
            report.push(
                Diagnostic::new(
                    "risks-unconfirmed",
                    at(named.file, &named.value.name),
                    m!("signed-risks-unconfirmed", post = post.id.as_str(), people),
                    t!("signed-risks-unconfirmed-label"),
                )
                .with_help(t!("signed-risks-unconfirmed-help")),
            );
        }
    }
}
