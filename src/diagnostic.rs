//! Findings about the content: what is wrong, where, and how to fix it.
//!
//! Every stage reports [`Diagnostic`]s instead of failing on the first problem, so that one
//! `safeduty check` lists everything. Human output is rendered the way cargo and rustc do
//! (annotate-snippets); `--format json` gives the same facts to CI tools.

use std::borrow::Cow;

use annotate_snippets::{AnnotationKind, Group, Level as SnippetLevel, Origin, Renderer, Snippet};
use rayon::prelude::*;
use serde::Serialize;

use crate::i18n::Message;
use crate::lints::Level;
use crate::source::{Sources, Span};
use crate::t;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone)]
pub struct Label {
    pub span: Span,
    pub(crate) message: String,
}

#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Stable kebab-case name, e.g. `unknown-key`; lints can be re-levelled by it.
    pub code: &'static str,
    pub(crate) severity: Severity,
    pub message: String,
    /// The message's id and arguments, when it came from the catalogs (`m!`): the site says it
    /// again in Chinese, whatever the user's language.
    pub(crate) said: Option<Message>,
    pub primary: Label,
    /// Other places that explain the finding ("first defined here").
    pub secondary: Vec<Label>,
    pub(crate) help: Option<String>,
}

/// A diagnostic's message: a text, or a message of the catalogs kept to be said again.
pub(crate) struct Text(String, Option<Message>);

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text(text, None)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text(text.to_string(), None)
    }
}

impl From<Message> for Text {
    fn from(m: Message) -> Self {
        Text(m.text(), Some(m))
    }
}

impl Diagnostic {
    /// A finding at `span`; its severity comes from the lint table (see [`crate::lints`]).
    pub(crate) fn new(code: &'static str, span: Span, message: impl Into<Text>, label: impl Into<String>) -> Self {
        let Text(message, said) = message.into();
        Diagnostic {
            code,
            severity: Severity::Error,
            message,
            said,
            primary: Label { span, message: label.into() },
            secondary: Vec::new(),
            help: None,
        }
    }

    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub(crate) fn with_help_opt(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    pub(crate) fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.secondary.push(Label { span, message: message.into() });
        self
    }
}

/// All findings of one run, with the severity each one ends up with.
#[derive(Debug, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    /// Remarks about the run itself, e.g. checks that were skipped.
    pub(crate) notes: Vec<String>,
}

impl Report {
    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    /// Runs `each` on every item on every core, each into a report of its own, and adds their
    /// diagnostics in the items' order: the same findings in the same order on any number of
    /// cores.
    pub(crate) fn side_by_side<T: Sync>(&mut self, items: &[T], each: impl Fn(&T, &mut Report) + Sync) {
        let found: Vec<Vec<Diagnostic>> = items
            .par_iter()
            .map(|item| {
                let mut found = Report::default();
                each(item, &mut found);
                found.diagnostics
            })
            .collect();
        self.extend(found.into_iter().flatten());
    }

    pub(crate) fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.diagnostics.extend(ds);
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }

    pub(crate) fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }

    /// Applies the configured lint levels (dropping allowed findings) and sorts by place, so
    /// that the output is the same on every run.
    pub(crate) fn finish(&mut self, level_of: impl Fn(&'static str) -> Level) {
        self.diagnostics.retain_mut(|d| match level_of(d.code) {
            Level::Allow => false,
            Level::Warn => {
                d.severity = Severity::Warning;
                true
            }
            Level::Deny => {
                d.severity = Severity::Error;
                true
            }
        });
        self.diagnostics.sort_by(|a, b| {
            (a.primary.span.file, a.primary.span.start, a.code, &a.message).cmp(&(
                b.primary.span.file,
                b.primary.span.start,
                b.code,
                &b.message,
            ))
        });
        self.diagnostics.dedup_by(|a, b| a.primary.span == b.primary.span && a.message == b.message);
    }

    /// cargo-style text, with colour when `color` is set.
    pub fn render_human(&self, sources: &Sources, color: bool) -> String {
        let renderer = if color { Renderer::styled() } else { Renderer::plain() };
        let mut out = String::new();
        for d in &self.diagnostics {
            out.push_str(&renderer.render(&render_one(d, sources)));
            out.push_str("\n\n");
        }
        for note in &self.notes {
            out.push_str(&format!("{}: {}\n", t!("level-note"), printable(note)));
        }
        let (errors, warnings) = (self.count(Severity::Error), self.count(Severity::Warning));
        out.push_str(&match (errors, warnings) {
            (0, 0) => t!("summary-clean"),
            (errors, warnings) => t!("summary-counts", errors, warnings),
        });
        out.push('\n');
        out
    }

    pub fn render_json(&self, sources: &Sources) -> String {
        let items: Vec<JsonDiagnostic> = self
            .diagnostics
            .iter()
            .map(|d| JsonDiagnostic {
                code: d.code,
                severity: d.severity,
                message: &d.message,
                file: &sources.get(d.primary.span.file).name,
                line: d.primary.span.line,
                column: d.primary.span.column,
                label: &d.primary.message,
                help: d.help.as_deref(),
                related: d
                    .secondary
                    .iter()
                    .map(|l| JsonLabel {
                        file: &sources.get(l.span.file).name,
                        line: l.span.line,
                        column: l.span.column,
                        label: &l.message,
                    })
                    .collect(),
            })
            .collect();
        let doc = JsonReport {
            errors: self.count(Severity::Error),
            warnings: self.count(Severity::Warning),
            notes: &self.notes,
            diagnostics: items,
        };
        serde_json::to_string_pretty(&doc).expect("diagnostics serialise") + "\n"
    }
}

fn render_one<'a>(d: &'a Diagnostic, sources: &'a Sources) -> Vec<Group<'a>> {
    let level = match d.severity {
        Severity::Error => named(SnippetLevel::ERROR, t!("level-error")),
        Severity::Warning => named(SnippetLevel::WARNING, t!("level-warning")),
    };
    let mut labels: Vec<(&Label, bool)> = vec![(&d.primary, true)];
    labels.extend(d.secondary.iter().map(|l| (l, false)));
    // One snippet per file, primary file first; annotations keep their own spans.
    let mut files: Vec<usize> = Vec::new();
    for (l, _) in &labels {
        if !files.contains(&l.span.file) {
            files.push(l.span.file);
        }
    }
    let mut group = Group::with_title(level.primary_title(printable(&d.message)).id(d.code));
    for file in files {
        let src = sources.get(file);
        if src.text.is_empty() {
            // A file that was not read (a link out of the content, a FIFO): its place only.
            let span = d.primary.span;
            group = group
                .element(Origin::path(printable(&src.name)).line(span.line as usize).char_column(span.column as usize));
            continue;
        }
        let mut snippet = Snippet::source(shown(&src.text)).path(printable(&src.name));
        for (l, primary) in labels.iter().filter(|(l, _)| l.span.file == file) {
            let kind = if *primary { AnnotationKind::Primary } else { AnnotationKind::Context };
            let (start, end) = clamp(l.span.start, l.span.end, &src.text);
            snippet = snippet.annotation(kind.span(start..end).label(printable(&l.message)));
        }
        group = group.element(snippet);
    }
    let mut groups = vec![group];
    if let Some(help) = &d.help {
        groups.push(Group::with_title(named(SnippetLevel::HELP, t!("level-help")).secondary_title(printable(help))));
    }
    groups
}

/// A severity named in the chosen language ("error", "错误"); English keeps the renderer's own
/// names.
fn named(level: SnippetLevel<'static>, name: String) -> SnippetLevel<'static> {
    match crate::i18n::lang() {
        crate::i18n::Lang::En => level,
        crate::i18n::Lang::Zh => level.with_name(name),
    }
}

/// Whether printing `c` to a terminal could do something other than show a character: control
/// characters (an escape sequence can clear the screen or retitle the window) and the
/// bidirectional overrides that make text read differently from its bytes ("Trojan Source").
pub(crate) fn is_unprintable(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A message with its unprintable characters written as escapes (`\u{1b}`).
fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unprintable) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars().map(|c| if is_unprintable(c) { c.escape_unicode().to_string() } else { c.to_string() }).collect(),
    )
}

/// Source text to quote, its unprintable characters (and carriage returns that do not end a
/// line, which send a terminal's cursor back over the line) replaced by as many `?` as they
/// take bytes, so that every span still points at the same place.
fn shown(text: &str) -> Cow<'_, str> {
    let lone_cr = |i: usize| text.as_bytes()[i] == b'\r' && text.as_bytes().get(i + 1) != Some(&b'\n');
    if !text.chars().any(is_unprintable) && !text.match_indices('\r').any(|(i, _)| lone_cr(i)) {
        return Cow::Borrowed(text);
    }
    let hidden = |(i, c): (usize, char)| {
        if is_unprintable(c) || (c == '\r' && lone_cr(i)) { "?".repeat(c.len_utf8()) } else { c.to_string() }
    };
    Cow::Owned(text.char_indices().map(hidden).collect())
}

/// Keeps a span inside the text and on character boundaries, so a stale or odd span can never
/// make the renderer panic.
fn clamp(start: usize, end: usize, text: &str) -> (usize, usize) {
    let mut s = start.min(text.len());
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = end.clamp(s, text.len());
    while !text.is_char_boundary(e) {
        e += 1;
    }
    (s, e)
}

#[derive(Serialize)]
struct JsonReport<'a> {
    errors: usize,
    warnings: usize,
    notes: &'a [String],
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'a str,
    severity: Severity,
    message: &'a str,
    file: &'a str,
    line: u32,
    column: u32,
    label: &'a str,
    help: Option<&'a str>,
    related: Vec<JsonLabel<'a>>,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    file: &'a str,
    line: u32,
    column: u32,
    label: &'a str,
}

/// "did you mean `x`?" for a misspelt name, from the names that would have been valid: only for
/// a slip of the keyboard (one edit in a short name, a few in a long one). A name a few letters
/// off is often another thing altogether (`dept-head` is not `deputy-head`), and a wrong
/// suggestion is worse than the list of names that the caller shows instead.
pub(crate) fn did_you_mean<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let limit = (wrong.chars().count() / 6).max(1);
    let best = candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(wrong, c), -strsim::jaro_winkler(wrong, c), c))
        .filter(|(edits, _, _)| *edits <= limit)
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then_with(|| a.2.cmp(b.2)))?;
    Some(t!("did-you-mean", name = best.2))
}

/// A kind of thing named in messages ("institution file"), in the chosen language: the
/// catalogs' `noun-institution-file`, or the kind itself where they have none.
pub(crate) fn noun(kind: &str) -> String {
    crate::i18n::noun_in(crate::i18n::lang(), kind)
}

/// The plural of a kind of thing named in messages ("category" → "categories"; Chinese nouns
/// have none).
pub(crate) fn plural(kind: &str) -> String {
    crate::i18n::plural_in(crate::i18n::lang(), kind)
}

/// A noun with its indefinite article ("an institution file"; none in Chinese).
pub(crate) fn a(kind: &str) -> String {
    let noun = noun(kind);
    if crate::i18n::lang() == crate::i18n::Lang::Zh {
        return noun;
    }
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    format!("{article} {noun}")
}
