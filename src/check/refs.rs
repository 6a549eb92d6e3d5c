//! Every reference must name something that exists; dates must exist; duty edits must fit.

use serde_saphyr::Spanned;

use super::ids::{is_safe_id, safe_spelling};
use super::index::{Index, InstIndex, Table, at};
use crate::date::{self, Date};
use crate::diagnostic::{Diagnostic, Report, did_you_mean, noun, plural};
use crate::fence::Refusal;
use crate::i18n::Value;
use crate::lints;
use crate::load::Content;
use crate::source::Span;
use crate::{m, t};

/// The settings, the categories and the pages (each institution's references: `institution`).
pub(super) fn whole(content: &Content, index: &Index, report: &mut Report) {
    config(content, report);
    for c in &content.categories {
        if c.value.duties.value.is_empty() {
            report.push(
                Diagnostic::new(
                    "empty-duties",
                    at(c.file, &c.value.duties),
                    m!("refs-category-without-duties", id = c.id.as_str()),
                    t!("refs-empty-list"),
                )
                .with_help(t!("refs-category-without-duties-help")),
            );
        }
    }
    for page in &content.pages {
        if let Some(date) = &page.meta.date {
            check_date(page_span(page, date), &date.value, report);
        }
        if let Some(inst) = page.meta.institution.as_ref().filter(|i| !institution_broken(index, &i.value)) {
            institution_ref(report, page_span(page, inst), &inst.value, index);
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
                m!("refs-search-part-pages", value = n.value.to_string()),
                t!("refs-search-part-pages-label"),
            )
            .with_help(t!("refs-search-part-pages-help")),
        );
    }
    for (name, level) in &config.value.lints {
        let span = at(config.file, level);
        match lints::find(name) {
            None => report.push(
                Diagnostic::new("unknown-lint", span, m!("refs-unknown-lint", name), t!("refs-unknown-lint-label"))
                    .with_help_opt(did_you_mean(name, lints::LINTS.iter().filter(|l| l.configurable).map(|l| l.code))),
            ),
            Some(lint) if !lint.configurable => report.push(
                Diagnostic::new(
                    "unknown-lint",
                    span,
                    m!("refs-lint-not-configurable", name),
                    t!("refs-lint-not-configurable-label"),
                )
                .with_help(t!("refs-lint-not-configurable-help")),
            ),
            Some(_) => {}
        }
    }
}

pub(super) fn institution(content: &Content, index: &Index, inst: &InstIndex, report: &mut Report) {
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
                m!("refs-no-institution-file", id = inst.dir.id.as_str()),
                t!("refs-no-institution-file-label"),
            )
            .with_help(t!("refs-no-institution-file-help", id = inst.dir.id.as_str())),
        );
        return;
    };
    let (f, i) = (loaded.file, &loaded.value);
    if let Some(parent) = i.parent.as_ref().filter(|p| !institution_broken(index, &p.value)) {
        institution_ref(report, at(f, parent), &parent.value, index);
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
                // Looked up first: a province has 40,000 posts.
                let known = index.categories.get(c.value.as_str());
                let cands = index.categories.iter().map(|(id, d)| (*id, d.name));
                if known.is_none() && !reference(report, "category", at(f, c), &c.value, cands) {
                    // What the post would inherit is unknown: its duty edits cannot be judged.
                    continue;
                }
                known
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
                    m!("refs-not-holder", person = person.value.as_str(), post = post.value.as_str()),
                    t!("refs-not-holder-label"),
                )
                .with_label(at(f, post), t!("refs-not-holder-post"))
                .with_help(t!("refs-not-holder-help")),
            );
        }
    };
    for pair in &s.pairs {
        if pair.party_a.value == pair.party_b.value {
            report.push(
                Diagnostic::new(
                    "invalid-pair",
                    at(f, &pair.party_b),
                    m!("refs-paired-with-itself", post = pair.party_b.value.as_str()),
                    t!("refs-paired-with-itself-label"),
                )
                .with_label(at(f, &pair.party_a), t!("refs-party-a"))
                .with_help(t!("refs-paired-with-itself-help")),
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
    // Letters signed, and risk notice cards confirmed.
    for (records, letters) in [(&s.signed, true), (&s.confirmed, false)] {
        let mut seen: std::collections::BTreeMap<(&str, &str), Span> = std::collections::BTreeMap::new();
        for rec in records {
            if post_ok(&rec.post, report) {
                holder(&rec.post, &rec.person, report);
            }
            check_date(at(f, &rec.date), &rec.date.value, report);
            if !is_code(&rec.code.value) {
                let help = match letters {
                    true => t!("refs-invalid-code-help-letter"),
                    false => t!("refs-invalid-code-help-card"),
                };
                report.push(
                    Diagnostic::new(
                        "invalid-code",
                        at(f, &rec.code),
                        m!("refs-invalid-code", code = rec.code.value.as_str()),
                        t!("refs-invalid-code-label"),
                    )
                    .with_help(help),
                );
            }
            if let Some(scan) = &rec.scan {
                let base = format!("institutions/{}", inst.dir.id);
                let help = t!("refs-scan-missing-help", id = inst.dir.id.as_str());
                let missing = ("missing-file", help);
                named_file(content, (&base, &scan.value), at(f, scan), NamedFile::Scan, missing, report);
            }
            let key = (rec.post.value.as_str(), rec.person.value.as_str());
            match seen.get(&key) {
                Some(first) => {
                    let id = crate::model::Letter::id_for(key.0, key.1);
                    let (message, help) = match letters {
                        true => (m!("refs-letter-recorded-twice", id), t!("refs-letter-recorded-twice-help")),
                        false => (m!("refs-card-recorded-twice", id), t!("refs-card-recorded-twice-help")),
                    };
                    report.push(
                        Diagnostic::new("duplicate-id", at(f, &rec.post), message, t!("refs-again-here"))
                            .with_label(*first, t!("refs-first-recorded"))
                            .with_help(help),
                    );
                }
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

/// `reference` to an entry of `table`, looked up first: scanning the table for each of its
/// references made the check of a province quadratic.
pub(super) fn table_ref<T>(report: &mut Report, kind: &str, span: Span, id: &str, table: &Table<T>) -> bool {
    table.contains_key(id) || reference(report, kind, span, id, table.iter().map(|(id, d)| (*id, d.name)))
}

/// `reference` to an institution, looked up first (a province has thousands).
pub(super) fn institution_ref(report: &mut Report, span: Span, id: &str, index: &Index) -> bool {
    index.institutions.contains_key(id)
        || reference(report, "institution", span, id, index.institutions.iter().map(|(id, i)| (*id, name_of(i))))
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
    let by_name =
        candidates.clone().find(|(_, name)| *name == id).map(|(c, _)| t!("refs-name-for-id", id, kind = noun(kind), c));
    let help = by_name.or_else(|| did_you_mean(id, candidates.clone().map(|(c, _)| c))).unwrap_or_else(|| {
        let ids: Vec<&str> = candidates.map(|(c, _)| c).take(12).collect();
        if ids.is_empty() {
            t!("refs-none-yet", kinds = plural(kind))
        } else {
            t!("refs-known", kinds = plural(kind), ids = ids.join(", "))
        }
    });
    report.push(
        Diagnostic::new(
            "missing-reference",
            span,
            m!("refs-missing", kind = Value::noun(kind), id),
            t!("refs-missing-label", kind = noun(kind)),
        )
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

/// A message about the thing with the id it is given, chosen before it is needed.
pub(super) type AboutId = fn(&str) -> String;

/// Two dates the wrong way round.
pub(super) fn order(code: &'static str, span: Span, message: String, other: Span) -> Diagnostic {
    Diagnostic::new(code, span, message, t!("refs-this-date"))
        .with_label(other, t!("refs-compared-date"))
        .with_help(t!("refs-order-help"))
}

/// An id of a list (a campaign's phases, a ledger's hazards) that must be safe and unique;
/// `help` says where it must be unique ("<kind> ids must be unique in …"), asked for only when
/// it is.
pub(super) fn unique<'a>(
    seen: &mut std::collections::BTreeMap<&'a str, Span>,
    id: &'a Spanned<String>,
    file: usize,
    kind: &str,
    help: impl FnOnce() -> String,
    report: &mut Report,
) {
    let span = at(file, id);
    if !is_safe_id(&id.value) {
        report.push(super::ids::unsafe_id(kind, &id.value, span, false));
    }
    if let Some(first) = seen.get(id.value.as_str()) {
        report.push(
            Diagnostic::new(
                "duplicate-id",
                span,
                m!("check-duplicate-id", kind = Value::noun(kind), id = id.value.as_str()),
                t!("check-duplicate-id-label"),
            )
            .with_label(*first, t!("check-duplicate-id-first"))
            .with_help(help()),
        );
    } else {
        seen.insert(&id.value, span);
    }
}

pub(super) fn check_date(span: Span, text: &str, report: &mut Report) {
    match Date::parse(text) {
        Ok(_) => {}
        Err(date::Invalid::NotADate) => report.push(
            Diagnostic::new("invalid-date", span, m!("refs-not-a-date", text), t!("refs-not-a-date-label"))
                .with_help(t!("refs-not-a-date-help")),
        ),
        Err(date::Invalid::OutOfRange) => report.push(
            Diagnostic::new("invalid-date", span, m!("refs-implausible-date", text), t!("refs-implausible-date-label"))
                .with_help(t!("refs-implausible-date-help", start = *date::YEARS.start(), end = *date::YEARS.end())),
        ),
    }
}

/// What a file the content names is: it names it in messages.
#[derive(Debug, Clone, Copy)]
pub(super) enum NamedFile {
    /// The scan of a signed letter or card.
    Scan,
    /// An evidence file of a campaign's record or of a hazard.
    Evidence,
}

/// A file the content names (a scan, an evidence file) must be a file inside the content
/// folder (see `fence`). `base` is the folder it is named relative to; `what` names it in
/// messages; `missing` is the code and help for a file that is not there.
pub(super) fn named_file(
    content: &Content,
    (base, rel): (&str, &str),
    span: Span,
    what: NamedFile,
    missing: (&'static str, String),
    report: &mut Report,
) {
    // Content from a commit has no files beside it.
    let Some(fence) = &content.fence else { return };
    let Err(refusal) = fence.resolve(base, rel) else { return };
    let d = match refusal {
        Refusal::Missing => {
            let message = match what {
                NamedFile::Scan => m!("refs-no-scan", path = rel),
                NamedFile::Evidence => m!("refs-no-evidence", path = rel),
            };
            Diagnostic::new(missing.0, span, message, t!("refs-no-such-file")).with_help(missing.1)
        }
        other => {
            // The fence says what is wrong with the path after its name: "is a link to …".
            let message = match what {
                NamedFile::Scan => m!("refs-scan-refused", path = rel, reason = other.reason()),
                NamedFile::Evidence => m!("refs-evidence-refused", path = rel, reason = other.reason()),
            };
            Diagnostic::new(other.code(), span, message, t!("refs-not-read")).with_help(other.help())
        }
    };
    report.push(d);
}
