//! Every diagnostic code, what it means, and how severe it is unless the content's
//! `safeduty.yaml` (`lints:`) or the command line says otherwise.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Level {
    /// Not reported.
    Allow,
    /// Reported; does not fail `check` or `build`.
    Warn,
    /// Reported; fails `check` and `build`.
    Deny,
}

pub(crate) struct Lint {
    pub(crate) code: &'static str,
    pub(crate) default: Level,
    /// Whether users may lower it. Broken input (syntax, unknown keys, dangling references)
    /// can never be allowed: nothing sound can be built from it.
    pub(crate) configurable: bool,
    pub(crate) summary: &'static str,
}

const fn hard(code: &'static str, summary: &'static str) -> Lint {
    Lint { code, default: Level::Deny, configurable: false, summary }
}

const fn rule(code: &'static str, default: Level, summary: &'static str) -> Lint {
    Lint { code, default, configurable: true, summary }
}

pub(crate) const LINTS: &[Lint] = &[
    hard("yaml-syntax", "the file is not valid YAML"),
    hard("unknown-key", "a key that safeduty does not know (often a typo)"),
    hard("wrong-type", "a value of the wrong type, e.g. text where a number is expected"),
    hard("missing-key", "a required key is absent"),
    hard("unknown-value", "a value outside the allowed set, e.g. an unknown institution kind"),
    hard("duplicate-key", "the same key twice in one mapping"),
    hard("unknown-file", "a YAML file in a place where safeduty does not expect one"),
    hard("read-error", "a file that cannot be read, or is not UTF-8 text"),
    hard("outside-content", "a link or path that leads out of the content folder, or to a hidden file"),
    hard("broken-link", "a symbolic link whose target does not exist, or that leads back to its own folder"),
    hard("special-file", "a FIFO, socket or device in the content folder"),
    hard("control-character", "an invisible control character or direction override in a text"),
    hard("missing-file", "an institution folder without institution.yaml"),
    hard("front-matter", "a Markdown page without valid front matter"),
    hard("duplicate-id", "two things of the same kind with one id"),
    hard("unsafe-id", "an id that cannot be used in file names and URLs"),
    hard("reserved-id", "an id that is the name of a page safeduty makes, e.g. a phase `index`"),
    hard("empty-file", "a content file with nothing in it (often a save that failed)"),
    hard("empty-list", "a list that must hold items is empty, e.g. a campaign's phases"),
    hard("no-institutions", "a content folder without any institution (often the wrong folder)"),
    hard("missing-reference", "a reference to a post, person, department, category or institution that does not exist"),
    hard("cycle", "a department that is its own ancestor, or posts that report to each other in a circle"),
    hard("invalid-setting", "a site setting in `safeduty.yaml` with a value it cannot take"),
    hard("invalid-date", "a date that does not exist or is not written YYYY-MM-DD"),
    hard("empty-duties", "a duty list with no items"),
    hard("empty-duty", "a duty item without text (it would print as a bare number)"),
    hard(
        "invalid-doc-number",
        "a document number style with an unknown placeholder or no `{number}`, or none where letters need one",
    ),
    hard("unknown-item", "a reworded or removed duty item that no item of the category begins with, or several do"),
    hard("item-by-number", "a duty item named by its number, which moves when the category changes"),
    hard("invalid-style", "a PDF style (the theme's pdf/style.yaml) that cannot print: sizes, type area, fonts"),
    hard("theme-error", "a theme template that does not compile or cannot render"),
    hard("broken-page-link", "a link in a Markdown page to a page or file that the site does not have"),
    hard("missing-glyph", "a character that no font of the PDF style has: it would print as an empty box"),
    rule("pdf-not-made", Level::Warn, "PDFs cannot be made: no font of the PDF style is installed"),
    rule(
        "unbreakable-run",
        Level::Warn,
        "text with no place to break (a URL, a long number) wider than a printed line: it is cut at the margin",
    ),
    hard("unknown-lint", "a lint name in `lints:` that does not exist"),
    hard("invalid-pair", "a signing pair whose two parties are the same post"),
    hard("duplicate-item", "a duty item reworded or removed twice, or both"),
    hard("not-holder", "a signing record or pair naming a person who does not hold the post"),
    hard("invalid-code", "a verification code that is not written like 7QK2-M9XD"),
    hard("invalid-period", "a period that ends before it starts, or dates of a campaign out of order"),
    hard("phase-order", "campaign phases out of order, overlapping, or outside the campaign"),
    hard("deadline-outside-phase", "a campaign task due outside its phase"),
    hard("record-outside-campaign", "a progress record or issue dated outside its campaign"),
    hard("missing-evidence", "an evidence file that does not exist"),
    rule("missing-principal", Level::Deny, "an institution without a principal (主要负责人)"),
    rule("leadership-group", Level::Deny, "no safety leadership group, or one not chaired by the principal"),
    rule("safety-staffing", Level::Deny, "no safety management body or officers as the staff count requires"),
    rule("safety-engineer", Level::Deny, "hazardous goods without a registered safety engineer"),
    rule("post-without-scope", Level::Deny, "a post without a scope (责任范围)"),
    rule("post-without-assessment", Level::Deny, "a post without assessment criteria (考核标准)"),
    rule("post-without-rewards", Level::Warn, "a post without rewards and penalties (奖惩办法)"),
    rule("person-without-post", Level::Deny, "a person who holds no post"),
    rule("post-without-holder", Level::Warn, "a post that nobody holds (a vacancy)"),
    hard("supervisor-not-leader", "`supervises:` on a post that is not a leadership post"),
    hard("duplicate-supervisor", "a department supervised (分管) by two leaders"),
    rule(
        "unsupervised-department",
        Level::Warn,
        "heads sign with their supervising leader, but no leader supervises this department",
    ),
    rule("leader-without-business-duties", Level::Warn, "a leadership post without business duties (一岗双责)"),
    rule("staff-coverage", Level::Warn, "fewer people listed than the institution employs (全员)"),
    rule("signed-without-letter", Level::Warn, "a signing record that names no letter (it would be ignored)"),
    rule("done-without-evidence", Level::Warn, "a campaign task marked done or verified with no evidence recorded"),
    rule(
        "major-hazard-unplanned",
        Level::Deny,
        "a major hazard (重大事故隐患) without a remediation plan or report date",
    ),
    rule("verified-by-rectifier", Level::Warn, "a hazard verified by who rectified it, or by nobody named"),
    hard("invalid-risk-standard", "risk grade thresholds that are not in descending order above 0"),
    hard("invalid-risk-score", "a risk factor that is not on the scale of the institution's method (matrix 1–5, LEC)"),
    hard("risk-grade", "a risk's written grade that is not the grade its score makes by the institution's standard"),
    rule(
        "risk-controls",
        Level::Deny,
        "a major or significant risk without measures in all four aspects (组织、制度、技术、应急)",
    ),
    rule(
        "risk-owner",
        Level::Deny,
        "a major or significant risk controlled by a post below the level the standard sets",
    ),
    hard("missing-risks", "a post without risks whose category has `risks_required: true`"),
    rule(
        "risks-unconfirmed",
        Level::Warn,
        "a holder of a post that lists risks who has not signed its risk notice card (岗位安全风险确认)",
    ),
    rule(
        "post-without-risks",
        Level::Warn,
        "a post without risks in an institution that grades risks (`risk_standard`)",
    ),
    rule("hazard-overdue", Level::Warn, "a hazard not rectified by its deadline on the date of record"),
    rule("major-hazard-overdue", Level::Deny, "a major hazard not rectified by its deadline on the date of record"),
    rule(
        "major-source-unfiled",
        Level::Warn,
        "a unit that is a major hazard source (重大危险源) with no grade or no filing with the authority",
    ),
    rule(
        "major-source-assessment-due",
        Level::Warn,
        "a major hazard source with no safety assessment in the three years before the date of record",
    ),
    rule("not-a-major-source", Level::Deny, "a grade written for a unit that is no major hazard source"),
    rule(
        "inspection-missed",
        Level::Warn,
        "a checklist item with no inspection recorded in its last window (month, quarter…) before the date of record",
    ),
];

/// The lints a user may re-level, with what each reports: `check --help` lists them.
pub(crate) fn help() -> String {
    let mut out = String::from(
        "Exit code 0 when there are no errors, 1 otherwise.\n\nLints (--warn, --deny, --allow, or `lints:` in safeduty.yaml):\n",
    );
    for lint in LINTS.iter().filter(|l| l.configurable) {
        let level = match lint.default {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        };
        out.push_str(&format!("  {:<24} {level:<5} {}\n", lint.code, lint.summary));
    }
    out.push_str("\nEvery code, and what to do about it: docs/checks.md");
    out
}

pub(crate) fn find(code: &str) -> Option<&'static Lint> {
    LINTS.iter().find(|l| l.code == code)
}

/// The levels in force for one run: defaults, then the content's config, then the command line.
#[derive(Debug, Clone, Default)]
pub struct Levels {
    overrides: BTreeMap<&'static str, Level>,
}

impl Levels {
    /// Sets a lint's level; broken-input codes stay errors whatever is asked.
    pub(crate) fn set(&mut self, code: &str, level: Level) -> bool {
        match find(code) {
            Some(lint) if lint.configurable => {
                self.overrides.insert(lint.code, level);
                true
            }
            _ => false,
        }
    }

    /// Turns every warning into an error (`--deny-warnings`).
    pub(crate) fn deny_warnings(&mut self) {
        for lint in LINTS.iter().filter(|l| l.configurable) {
            if self.level(lint.code) == Level::Warn {
                self.overrides.insert(lint.code, Level::Deny);
            }
        }
    }

    pub(crate) fn level(&self, code: &str) -> Level {
        if let Some(level) = self.overrides.get(code) {
            return *level;
        }
        find(code).map_or(Level::Deny, |l| l.default)
    }
}

#[cfg(test)]
mod tests {
    /// Every code a diagnostic can carry is in the table, and explained in docs/checks.md.
    #[test]
    fn every_code_is_documented() {
        let docs = include_str!("../docs/checks.md");
        let missing: Vec<&str> =
            super::LINTS.iter().map(|l| l.code).filter(|c| !docs.contains(&format!("`{c}`"))).collect();
        assert!(missing.is_empty(), "not in docs/checks.md: {missing:?}");
        let mut codes: Vec<&str> = super::LINTS.iter().map(|l| l.code).collect();
        codes.sort_unstable();
        let before = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), before, "a code twice in the table");
    }
}
