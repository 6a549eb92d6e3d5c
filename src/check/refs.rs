//! Every reference must name something that exists; dates must exist; duty edits must fit.

use serde_saphyr::Spanned;

use super::ids::{is_safe_id, safe_spelling};
use super::index::{Index, InstIndex, Table, at};
use crate::date::{self, Date};
use crate::diagnostic::{Diagnostic, Report, did_you_mean};
use crate::fence::Refusal;
use crate::lints;
use crate::load::Content;
use crate::source::Span;

pub(crate) fn check(content: &Content, index: &Index, report: &mut Report) {
    config(content, report);
    for c in &content.categories {
        if c.value.duties.value.is_empty() {
            report.push(
                Diagnostic::new(
                    "empty-duties",
                    at(c.file, &c.value.duties),
                    format!("category `{}` has no duties", c.id),
                    "empty list",
                )
                .with_help("list the category's duties, one `- ` line each"),
            );
        }
    }
    for inst in index.institutions.values() {
        institution(content, index, inst, report);
    }
    for page in &content.pages {
        if let Some(date) = &page.meta.date {
            check_date(page_span(page, date), &date.value, report);
        }
        if let Some(inst) = page.meta.institution.as_ref().filter(|i| !institution_broken(index, &i.value)) {
            let candidates = index.institutions.iter().map(|(id, i)| (*id, name_of(i)));
            reference(report, "institution", page_span(page, inst), &inst.value, candidates);
        }
    }
}

fn page_span<T>(page: &crate::load::Page, s: &Spanned<T>) -> Span {
    Span::from_yaml(page.file, &s.referenced, page.meta_offset)
}

pub(super) fn institution_broken(index: &Index, id: &str) -> bool {
    index.institutions.get(id).is_some_and(|i| i.dir.broken_institution)
}

pub(super) fn name_of<'a>(inst: &InstIndex<'a>) -> &'a str {
    inst.dir.institution.as_ref().map_or("", |i| i.value.name.value.as_str())
}

fn config(content: &Content, report: &mut Report) {
    let Some(config) = &content.config else { return };
    if let Some(as_of) = &config.value.as_of {
        check_date(at(config.file, as_of), &as_of.value, report);
    }
    if let Some(n) = config.value.search_part_pages.as_ref().filter(|n| n.value < 100) {
        report.push(
            Diagnostic::new(
                "invalid-setting",
                at(config.file, n),
                format!("`search_part_pages: {}` is too small", n.value),
                "fewer than 100 pages",
            )
            .with_help("each part is loaded separately by the search page; use 100 or more (default 2000)"),
        );
    }
    for (name, level) in &config.value.lints {
        let span = at(config.file, level);
        match lints::find(name) {
            None => report.push(
                Diagnostic::new("unknown-lint", span, format!("unknown lint `{name}`"), "level of an unknown lint")
                    .with_help_opt(did_you_mean(name, lints::LINTS.iter().filter(|l| l.configurable).map(|l| l.code))),
            ),
            Some(lint) if !lint.configurable => report.push(
                Diagnostic::new(
                    "unknown-lint",
                    span,
                    format!("`{name}` reports broken input and cannot be re-levelled"),
                    "not configurable",
                )
                .with_help("only the rule lints can be set to allow, warn or deny; see `safeduty check --help`"),
            ),
            Some(_) => {}
        }
    }
}

fn institution(content: &Content, index: &Index, inst: &InstIndex, report: &mut Report) {
    // A reference into a file that could not be parsed is not reported: that file's own error is.
    let dir = inst.dir;
    let posts = |s: Span, id: &str, report: &mut Report| {
        dir.broken_posts.iter().any(|b| b == id) || table_ref(report, "post", s, id, &inst.posts)
    };
    let depts = |s: Span, id: &str, report: &mut Report| {
        dir.broken_lists.contains(&"department") || table_ref(report, "department", s, id, &inst.departments)
    };
    let people = |s: Span, id: &str, report: &mut Report| {
        dir.broken_lists.contains(&"person") || table_ref(report, "person", s, id, &inst.people)
    };
    if let Some(signing) = &dir.signing {
        signing_file(content, inst, signing.file, &signing.value, report);
    }

    let Some(loaded) = &inst.dir.institution else {
        // A broken institution.yaml is reported as broken, not as missing.
        if inst.dir.broken_institution {
            return;
        }
        report.push(
            Diagnostic::new(
                "missing-file",
                inst.span,
                format!("institution folder `{}` has no institution.yaml", inst.dir.id),
                "this file belongs to an institution that is not described",
            )
            .with_help(format!(
                "add institutions/{}/institution.yaml (see `safeduty init` for an example)",
                inst.dir.id
            )),
        );
        return;
    };
    let (f, i) = (loaded.file, &loaded.value);
    if let Some(parent) = i.parent.as_ref().filter(|p| !institution_broken(index, &p.value)) {
        let candidates = index.institutions.iter().map(|(id, i)| (*id, name_of(i)));
        reference(report, "institution", at(f, parent), &parent.value, candidates);
    }
    if let Some(p) = &i.principal {
        posts(at(f, p), &p.value, report);
    }
    if let Some(group) = &i.leadership_group {
        let g = &group.value;
        for p in std::iter::once(&g.chair).chain(&g.deputy_chairs).chain(&g.members) {
            posts(at(f, p), &p.value, report);
        }
        if let Some(office) = &g.office {
            depts(at(f, office), &office.value, report);
        }
        if let Some(date) = &g.established {
            check_date(at(f, date), &date.value, report);
        }
    }
    if let Some(sm) = &i.safety_management {
        if let Some(body) = &sm.value.body {
            depts(at(f, body), &body.value, report);
        }
        for o in &sm.value.officers {
            posts(at(f, &o.post), &o.post.value, report);
        }
    }
    for e in &i.safety_engineers {
        people(at(f, &e.person), &e.person.value, report);
    }
    for list in &inst.dir.departments {
        for d in list.value.iter() {
            if let Some(parent) = &d.parent {
                depts(at(list.file, parent), &parent.value, report);
            }
            if let Some(head) = &d.head
                && !dir.broken_posts.contains(&head.value)
                && !inst.posts.contains_key(head.value.as_str())
            {
                // Suggest among the department's own posts: a near id elsewhere is another job.
                let own = inst.posts.iter().filter(|(_, p)| p.value.department.value == d.id.value);
                let own = own.map(|(id, p)| (*id, p.name));
                reference(report, "post", at(list.file, head), &head.value, own);
            }
        }
    }
    for list in &inst.dir.people {
        for p in list.value.iter() {
            for post in &p.posts.value {
                posts(at(list.file, post), &post.value, report);
            }
        }
    }
    for post in &inst.dir.posts {
        let (f, p) = (post.file, &post.value);
        depts(at(f, &p.department), &p.department.value, report);
        if let Some(r) = &p.reports_to {
            posts(at(f, r), &r.value, report);
        }
        if p.category.as_ref().is_some_and(|c| content.broken_categories.contains(&c.value)) {
            continue;
        }
        let category = match &p.category {
            None => None,
            Some(c) => {
                let cands = index.categories.iter().map(|(id, d)| (*id, d.name));
                match reference(report, "category", at(f, c), &c.value, cands) {
                    true => index.categories.get(c.value.as_str()),
                    // What the post would inherit is unknown: its duty edits cannot be judged.
                    false => continue,
                }
            }
        };
        super::duties::edits(f, &post.id, p, category.map(|c| c.value), report);
    }
}

/// Pairs, exclusions and signing records name posts and their holders; records carry a real
/// date, a code as printed on letters, and an existing scan.
fn signing_file(content: &Content, inst: &InstIndex, f: usize, s: &crate::raw::Signing, report: &mut Report) {
    // References into a file that could not be parsed are not reported: its own error is.
    let dir = inst.dir;
    let post_ok = |p: &Spanned<String>, report: &mut Report| {
        !dir.broken_posts.contains(&p.value) && table_ref(report, "post", at(f, p), &p.value, &inst.posts)
    };
    let holder = |post: &Spanned<String>, person: &Spanned<String>, report: &mut Report| {
        if dir.broken_lists.contains(&"person")
            || !table_ref(report, "person", at(f, person), &person.value, &inst.people)
        {
            return;
        }
        let holds = inst
            .people
            .get(person.value.as_str())
            .is_some_and(|d| d.value.posts.value.iter().any(|p| p.value == post.value));
        if !holds {
            report.push(
                Diagnostic::new(
                    "not-holder",
                    at(f, person),
                    format!("`{}` does not hold post `{}`", person.value, post.value),
                    "not a holder of that post",
                )
                .with_label(at(f, post), "the post")
                .with_help("name a person whose `posts:` in people.yaml include this post"),
            );
        }
    };
    for pair in &s.pairs {
        if pair.party_a.value == pair.party_b.value {
            report.push(
                Diagnostic::new(
                    "invalid-pair",
                    at(f, &pair.party_b),
                    format!("post `{}` is paired with itself", pair.party_b.value),
                    "the same post as 甲方",
                )
                .with_label(at(f, &pair.party_a), "甲方")
                .with_help(
                    "a letter has two parties: 甲方 is the post of the level above (often the head of the department)",
                ),
            );
        }
        post_ok(&pair.party_a, report);
        if post_ok(&pair.party_b, report)
            && let Some(person) = &pair.person
        {
            holder(&pair.party_b, person, report);
        }
    }
    for ex in &s.exclude {
        if post_ok(&ex.post, report)
            && let Some(person) = &ex.person
        {
            holder(&ex.post, person, report);
        }
    }
    for (records, what) in [(&s.signed, "letter"), (&s.confirmed, "risk notice card")] {
        let mut seen: std::collections::BTreeMap<(&str, &str), Span> = std::collections::BTreeMap::new();
        for rec in records {
            if post_ok(&rec.post, report) {
                holder(&rec.post, &rec.person, report);
            }
            check_date(at(f, &rec.date), &rec.date.value, report);
            if !is_code(&rec.code.value) {
                report.push(
                    Diagnostic::new("invalid-code", at(f, &rec.code), format!("`{}` is not a verification code", rec.code.value), "not a code")
                        .with_help(format!("copy the code printed at the foot of the signed {what}: 4 characters, a dash, 4 characters (e.g. 7QK2-M9XD)")),
                );
            }
            if let Some(scan) = &rec.scan {
                let base = format!("institutions/{}", inst.dir.id);
                let help = format!("scans are files inside institutions/{}/, named relative to it", inst.dir.id);
                let missing = ("missing-file", help);
                named_file(content, (&base, &scan.value), at(f, scan), "scan", missing, report);
            }
            let key = (rec.post.value.as_str(), rec.person.value.as_str());
            match seen.get(&key) {
                Some(first) => report.push(
                    Diagnostic::new(
                        "duplicate-id",
                        at(f, &rec.post),
                        format!("{what} `{}` is recorded twice", crate::model::Letter::id_for(key.0, key.1)),
                        "again here",
                    )
                    .with_label(*first, "first recorded here")
                    .with_help(format!("keep one record per {what}: the latest signing")),
                ),
                None => {
                    seen.insert(key, at(f, &rec.post));
                }
            }
        }
    }
}

/// Codes as printed: 4 + 4 characters of Crockford's base32 (no I, L, O, U).
fn is_code(code: &str) -> bool {
    let ok = |s: &str| {
        s.len() == 4 && s.chars().all(|c| c.is_ascii_digit() || (c.is_ascii_uppercase() && !"ILOU".contains(c)))
    };
    code.split_once('-').is_some_and(|(a, b)| ok(a) && ok(b))
}

pub(super) fn table_ref<T>(report: &mut Report, kind: &str, span: Span, id: &str, table: &Table<T>) -> bool {
    reference(report, kind, span, id, table.iter().map(|(id, d)| (*id, d.name)))
}

/// Reports a dangling reference with the best suggestion: a near id, or the id of the thing
/// whose display name was written instead of its id.
pub(super) fn reference<'a>(
    report: &mut Report,
    kind: &str,
    span: Span,
    id: &str,
    candidates: impl Iterator<Item = (&'a str, &'a str)> + Clone,
) -> bool {
    if candidates.clone().any(|(c, _)| c == id) {
        return true;
    }
    // `department: nursing` for a department defined as `Nursing`: the id's own error says to
    // rename it, after which this reference is right.
    // (Ids of participants join two ids with `/`.)
    let safe = |c: &str| c.split('/').all(is_safe_id);
    if candidates.clone().any(|(c, _)| !safe(c) && safe_spelling(c) == id) {
        return true;
    }
    let candidates = candidates.filter(|(c, _)| safe(c));
    let by_name = candidates
        .clone()
        .find(|(_, name)| *name == id)
        .map(|(c, _)| format!("`{id}` is the name of {kind} `{c}`; references use ids: write `{c}`"));
    let help = by_name.or_else(|| did_you_mean(id, candidates.clone().map(|(c, _)| c))).unwrap_or_else(|| {
        let ids: Vec<&str> = candidates.map(|(c, _)| c).take(12).collect();
        if ids.is_empty() {
            format!("there are no {} here yet", crate::diagnostic::plural(kind))
        } else {
            format!("known {}: {}", crate::diagnostic::plural(kind), ids.join(", "))
        }
    });
    report.push(
        Diagnostic::new("missing-reference", span, format!("no {kind} with id `{id}`"), format!("unknown {kind}"))
            .with_help(help),
    );
    false
}

/// Every date of the content is checked here; resolve reads only dates that passed.
/// A date as written, checked; None when it is not a valid date (already reported). Valid dates
/// (YYYY-MM-DD) compare as their texts do.
pub(super) fn date<'a>(file: usize, d: &'a Spanned<String>, report: &mut Report) -> Option<&'a str> {
    let before = report.diagnostics.len();
    check_date(at(file, d), &d.value, report);
    (report.diagnostics.len() == before).then_some(d.value.as_str())
}

/// Two dates the wrong way round.
pub(super) fn order(code: &'static str, span: Span, message: &str, other: Span) -> Diagnostic {
    Diagnostic::new(code, span, message.to_string(), "this date")
        .with_label(other, "compared with this date")
        .with_help("check the dates (YYYY-MM-DD): the later one must not come first")
}

/// An id of a list (a campaign's phases, a ledger's hazards) that must be safe and unique;
/// `rule` ends the help: "<kind> ids must be unique in …".
pub(super) fn unique<'a>(
    seen: &mut std::collections::BTreeMap<&'a str, Span>,
    id: &'a Spanned<String>,
    file: usize,
    kind: &str,
    rule: &str,
    report: &mut Report,
) {
    let span = at(file, id);
    if !is_safe_id(&id.value) {
        report.push(super::ids::unsafe_id(kind, &id.value, span, false));
    }
    if let Some(first) = seen.get(id.value.as_str()) {
        report.push(
            Diagnostic::new("duplicate-id", span, format!("duplicate {kind} id `{}`", id.value), "defined again here")
                .with_label(*first, "first defined here")
                .with_help(format!("{kind} {rule}")),
        );
    } else {
        seen.insert(&id.value, span);
    }
}

pub(super) fn check_date(span: Span, text: &str, report: &mut Report) {
    match Date::parse(text) {
        Ok(_) => {}
        Err(date::Invalid::NotADate) => report.push(
            Diagnostic::new("invalid-date", span, format!("`{text}` is not a valid date"), "not a date")
                .with_help("write dates as YYYY-MM-DD, e.g. 2022-09-13, and make sure the day exists"),
        ),
        Err(date::Invalid::OutOfRange) => report.push(
            Diagnostic::new("invalid-date", span, format!("`{text}` is not a plausible date"), "year out of range")
                .with_help(format!(
                    "dates of record lie between the years {} and {}",
                    date::YEARS.start(),
                    date::YEARS.end()
                )),
        ),
    }
}

/// A file the content names (a scan, an evidence file) must be a file inside the content
/// folder (see `fence`). `base` is the folder it is named relative to; `what` names it in
/// messages ("scan", "evidence file"); `missing` is the code and help for a file that is not there.
pub(super) fn named_file(
    content: &Content,
    (base, rel): (&str, &str),
    span: Span,
    what: &str,
    missing: (&'static str, String),
    report: &mut Report,
) {
    // Content from a commit has no files beside it.
    let Some(fence) = &content.fence else { return };
    let Err(refusal) = fence.resolve(base, rel) else { return };
    let d = match refusal {
        Refusal::Missing => {
            Diagnostic::new(missing.0, span, format!("no {what} at `{rel}`"), "no such file").with_help(missing.1)
        }
        other => Diagnostic::new(other.code(), span, format!("{what} `{rel}` {}", other.reason()), "not read")
            .with_help(other.help()),
    };
    report.push(d);
}
