//! Checks that need the resolved model: a signing record must name a letter that the
//! organisation (and signing.yaml's pairs and exclusions) actually produces, and a confirmation
//! a post that lists risks; otherwise it would be ignored without a word. Every holder of a post
//! that lists risks confirms them (岗位安全风险确认).

use super::index::at;
use crate::diagnostic::{Diagnostic, Report};
use crate::load::Content;
use crate::model::{Letter, Model};

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
                    format!(
                        "confirmation record for `{}` names no risk notice card: the post lists no risks",
                        rec.post.value
                    ),
                    "no risk notice card",
                )
                .with_help("remove the record, or list the post's risks under `risks:` in its post file"),
            );
        }
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
            report.push(
                Diagnostic::new(
                    "risks-unconfirmed",
                    at(named.file, &named.value.name),
                    format!(
                        "the risks of post `{}` are not confirmed by {} (岗位安全风险确认)",
                        post.id,
                        missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ")
                    ),
                    "a post that lists risks",
                )
                .with_help(
                    "print the post's risk notice card (岗位风险告知卡), have each holder sign it, and record it in \
                     signing.yaml under `confirmed:` (post, person, date, and the code printed on the card)",
                ),
            );
        }
    }
}
