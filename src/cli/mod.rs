//! The `safeduty` command line.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::date::Date;
use crate::error::{Error, Result};
use crate::lints::{self, Level, Levels};

mod history;
mod import;
mod sign;
use crate::pipeline;
use crate::t;

const EXAMPLES: &str = "\
Examples:
  safeduty check                      check the content in ./content
  safeduty check my-hospital --format json
  safeduty build                      build ./content into ./output
  safeduty build content --out /srv/www/safety
  safeduty serve --port 9000          preview with live reload on http://127.0.0.1:9000/
  safeduty init my-hospital           start a new content tree
  safeduty changes --since 2024-01-01 posts whose duties changed, letters to sign again
  safeduty verify 7QK2-M9XD           which version of which document a printed code belongs to
  safeduty sign 7QK2-M9XD --date 2023-01-05   record a letter signed on paper
  safeduty import 花名册.xlsx --institution wsq-hospital   who joins, leaves or moves (--write to write)
  safeduty synth --institutions 100 --employees 10000 /tmp/big
  safeduty check --warn post-without-scope --deny post-without-holder";

#[derive(Parser)]
#[command(name = "safeduty", version, about = "Duty cards, responsibility letters and an intranet site for the all-staff work-safety responsibility system (全员安全生产责任制).", after_help = EXAMPLES)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language of messages: zh (中文) or en [default: SAFEDUTY_LANG, else the system's locale].
    #[arg(long, global = true, value_name = "zh|en")]
    lang: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Check the content and report every problem with file, line and column.
    #[command(
        after_help = "Exit code 0 when there are no errors, 1 otherwise.\n\nExamples:\n  safeduty check\n  safeduty check content --format json\n  safeduty check --deny-warnings\n  safeduty check --allow post-without-holder",
        after_long_help = lints::help()
    )]
    Check {
        /// Content folder.
        #[arg(default_value = "content")]
        dir: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Judge what is overdue (hazards) and missed (inspections) as of this day instead of `as_of` in safeduty.yaml.
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        #[command(flatten)]
        lints: LintArgs,
    },
    /// Check the content and build everything into the output folder.
    #[command(after_help = "The output is replaced only when the build succeeds. With --only or --institution the \
build makes just that, into output/print/ unless --out says otherwise, so the site in output/ stays.

Examples:
  safeduty build
  safeduty build content --out public
  safeduty build --only letters --institution wsq-tuke
  safeduty build --only cards,letters
  safeduty build --as-of 2017-06-30        campaign progress as it stood on that day")]
    Build {
        /// Content folder.
        #[arg(default_value = "content")]
        dir: PathBuf,
        /// Output folder [default: output, or output/print with --only or --institution].
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// Build only these parts (repeatable, or comma-separated).
        #[arg(long, value_enum, value_delimiter = ',')]
        only: Vec<crate::render::Part>,
        /// Print documents only for these institutions (ids; repeatable, or comma-separated).
        #[arg(long, value_delimiter = ',', value_name = "ID")]
        institution: Vec<String>,
        /// Print how long each stage took.
        #[arg(long)]
        timings: bool,
        /// Compute campaign progress as of this day instead of `as_of` in safeduty.yaml.
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        #[command(flatten)]
        lints: LintArgs,
    },
    /// Preview the site on 127.0.0.1, rebuilding and reloading the browser on every change.
    #[command(
        after_help = "Errors in the content are shown on top of the page; the last good build stays visible.\n\nExamples:\n  safeduty serve\n  safeduty serve my-hospital --port 9000"
    )]
    Serve {
        /// Content folder.
        #[arg(default_value = "content")]
        dir: PathBuf,
        /// Port on 127.0.0.1 (0 picks a free one).
        #[arg(long, short, default_value_t = 8000)]
        port: u16,
        /// Compute campaign progress as of this day instead of `as_of` in safeduty.yaml.
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        /// Print how long each stage of each rebuild took
        #[arg(long)]
        timings: bool,
        #[command(flatten)]
        lints: LintArgs,
    },
    /// List the posts whose duties changed since a commit or date, and the documents to sign again.
    #[command(after_help = "Compares the content folder as it is now (committed or not) with its version in git at \
REV (a commit id, branch, tag, HEAD~N) or at the last commit on or before DATE (YYYY-MM-DD). Default: HEAD, \
i.e. the changes not yet committed.

Examples:
  safeduty changes --since 2024-01-01
  safeduty changes content --since v2023 --format json")]
    Changes {
        /// Content folder (in a git repository).
        #[arg(default_value = "content")]
        dir: PathBuf,
        /// Commit, branch, tag or date (YYYY-MM-DD) to compare with.
        #[arg(long, value_name = "REV|DATE")]
        since: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Say which document (card, letter, report or notice), and which version of it, a printed verification code belongs to.
    #[command(after_help = "The code may be written with or without the dash, in any case. Exit code 0 when \
the code is found (current or outdated), 1 when no version of any document has it.

Examples:
  safeduty verify 7QK2-M9XD
  safeduty verify 7qk2m9xd my-hospital")]
    Verify {
        /// The code printed at the foot of the document.
        code: String,
        /// Content folder.
        #[arg(default_value = "content")]
        dir: PathBuf,
    },
    /// Record a letter or risk notice card signed on paper, by the code printed on it, or every row of a filled-in 签订台账.
    #[command(after_help = "Adds the record to the institution's signing.yaml (comments and order kept) and checks \
the content again; a record that does not check is taken back. A code is that of the current text: a paper \
printed from an older one must be printed again. A 签订台账 is the sheet of the workbook in \
output/data/workbooks/ (or a CSV of it) with the 签订日期 column filled in.

Examples:
  safeduty sign 7QK2-M9XD --date 2023-01-05
  safeduty sign 7QK2-M9XD --date 2023-01-05 --scan ~/扫描/李婷.pdf
  safeduty sign XS2Y-YTCY --date 2023-01-05 --person 牛二虎     a risk notice card: whose signature
  safeduty sign 签订台账.xlsx --dry-run                           what the sheet would record")]
    Sign {
        /// The verification code printed at the foot of the signed paper, or a filled-in sheet (.xlsx, .csv).
        code_or_sheet: String,
        /// Content folder.
        #[arg(default_value = "content")]
        dir: PathBuf,
        /// The day it was signed (YYYY-MM-DD).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// For a risk notice card: the holder who signed (id or name), when the post has several.
        #[arg(long, value_name = "ID|NAME")]
        person: Option<String>,
        /// A scan of the signed paper; copied into the institution's scans/ when it is elsewhere.
        #[arg(long, value_name = "FILE")]
        scan: Option<PathBuf>,
        /// Say what would be recorded, and write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Import the roster HR keeps (.xlsx, or CSV in UTF-8 or GBK) into an institution's people.yaml.
    #[command(
        after_help = "The roster's header row names the columns 姓名, 科室 and 岗位 (several posts separated by 、), \
and optionally 工号 and 职称. Departments and posts are found by their names; one that is not there is listed with \
its row and nothing is imported. People are matched to those listed by 工号, else by name; new ones get an id from \
the pinyin of their name (zhang-wei, then zhang-wei2). Without --write it only shows who joins, leaves or changes.

Examples:
  safeduty import 花名册.xlsx --institution wsq-hospital
  safeduty import 花名册.csv content --institution wsq-hospital --write"
    )]
    Import {
        /// The roster: an .xlsx workbook (its first sheet) or a CSV file.
        roster: PathBuf,
        /// Content folder.
        #[arg(default_value = "content")]
        dir: PathBuf,
        /// The institution whose people these are (its id).
        #[arg(long, value_name = "ID")]
        institution: String,
        /// Write people.yaml (otherwise only show what would change).
        #[arg(long)]
        write: bool,
    },
    /// Create a new content tree with the five role categories and a commented example institution.
    #[command(after_help = "Example:\n  safeduty init my-hospital && safeduty check my-hospital")]
    Init {
        /// Folder to create (must not exist, or be empty).
        new_dir: PathBuf,
    },
    /// Generate a realistic content tree of any size (fictitious people), for benchmarks and tests.
    #[command(
        after_help = "The same options give the same bytes. The tree passes `check`.\n\nExample:\n  safeduty synth --institutions 100 --employees 10000 --seed 7 /tmp/province"
    )]
    Synth {
        /// Folder to create (must not exist, or be empty).
        dir: PathBuf,
        /// Number of institutions (a city health commission, then counties of 25).
        #[arg(long, default_value_t = 26)]
        institutions: usize,
        /// Number of employees in all (at least 12 per institution).
        #[arg(long, default_value_t = 2000)]
        employees: usize,
        /// Seed of the random choices.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[derive(Args)]
struct LintArgs {
    /// Report this lint as a warning (repeatable). Lints: see docs/checks.md.
    #[arg(long = "warn", short = 'W', value_name = "LINT")]
    warn: Vec<String>,
    /// Report this lint as an error (repeatable).
    #[arg(long = "deny", short = 'D', value_name = "LINT")]
    deny: Vec<String>,
    /// Do not report this lint (repeatable).
    #[arg(long = "allow", short = 'A', value_name = "LINT")]
    allow: Vec<String>,
    /// Treat every warning as an error.
    #[arg(long)]
    deny_warnings: bool,
}

impl LintArgs {
    /// Checks the names first, so that a typo is an error rather than silently ignored.
    fn validate(&self) -> Result<()> {
        for name in self.warn.iter().chain(&self.deny).chain(&self.allow) {
            match lints::find(name) {
                Some(l) if l.configurable => {}
                Some(_) => {
                    return Err(Error::usage(t!("cli-lint-not-configurable", name = name.as_str())));
                }
                None => {
                    let configurable = lints::LINTS.iter().filter(|l| l.configurable).map(|l| l.code);
                    let hint = crate::diagnostic::did_you_mean(name, configurable).unwrap_or_default();
                    return Err(Error::usage(t!("cli-unknown-lint", name = name.as_str(), hint)));
                }
            }
        }
        Ok(())
    }

    fn apply(&self, levels: &mut Levels) {
        for (names, level) in [(&self.allow, Level::Allow), (&self.warn, Level::Warn), (&self.deny, Level::Deny)] {
            for name in names {
                levels.set(name, level);
            }
        }
        if self.deny_warnings {
            levels.deny_warnings();
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

/// Runs the command line; returns the process exit code.
pub fn main() -> i32 {
    let cli = Cli::parse();
    crate::i18n::set(crate::i18n::Lang::detect(cli.lang.as_deref()));
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("{}: {error}", t!("level-error"));
            1
        }
    }
}

fn color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Check { dir, format, as_of, lints } => {
            lints.validate()?;
            require_dir(&dir)?;
            let as_of = as_of_day(as_of.as_deref())?;
            let (checked, _) = pipeline::check_prepared(&dir, |l| lints.apply(l), as_of, true);
            match format {
                Format::Human => eprint!("{}", checked.report.render_human(&checked.sources, color())),
                Format::Json => print!("{}", checked.report.render_json(&checked.sources)),
            }
            Ok(if checked.report.has_errors() { 1 } else { 0 })
        }
        Command::Build { dir, out, only, institution, timings, as_of, lints } => {
            lints.validate()?;
            let as_of = as_of_day(as_of.as_deref())?;
            require_dir(&dir)?;
            let selection = crate::render::Selection {
                parts: (!only.is_empty()).then(|| only.into_iter().collect()),
                institutions: (!institution.is_empty()).then(|| institution.iter().cloned().collect()),
            };
            let default_out = if selection.is_everything() { "output" } else { "output/print" };
            let out = out.unwrap_or_else(|| PathBuf::from(default_out));
            let started = std::time::Instant::now();
            let (checked, prepared) = pipeline::check_prepared(&dir, |l| lints.apply(l), as_of, selection.wants_pdf());
            if !checked.report.diagnostics.is_empty() {
                eprint!("{}", checked.report.render_human(&checked.sources, color()));
            }
            if timings {
                for lap in &checked.laps {
                    eprintln!("timing: {lap}");
                }
            }
            let Some(model) = checked.model else {
                eprintln!("{}", t!("cli-build-stopped", out = out.display().to_string()));
                return Ok(1);
            };
            let findings = crate::render::Finding::from_report(&checked.report, &checked.sources);
            for id in &institution {
                if model.institution(id).is_none() {
                    let ids = model.institutions.iter().map(|i| i.id.as_str());
                    let hint = crate::diagnostic::did_you_mean(id, ids).unwrap_or_default();
                    return Err(Error::usage(t!("cli-no-institution", id = id.as_str(), hint)));
                }
            }
            let history = if selection.wants(crate::render::Part::Site) {
                let read = std::time::Instant::now();
                let (history, note) = crate::history::for_site(&dir, &model, Default::default());
                if let Some(note) = note {
                    eprintln!("{}: {note}", t!("level-note"));
                }
                if timings {
                    eprintln!("timing: revision history: {:.0} ms", read.elapsed().as_secs_f64() * 1000.0);
                }
                history.map(std::sync::Arc::new)
            } else {
                None
            };
            let options = pipeline::Options {
                selection,
                theme: prepared.as_ref().map(|p| p.theme.clone()),
                fonts: prepared.and_then(|p| p.fonts),
                history,
                progress: std::io::stderr().is_terminal(),
                timings,
                ..Default::default()
            };
            let notes = pipeline::build(&model, &findings, &dir, &out, &options).map_err(|e| {
                Error::new(e.kind, t!("cli-build-failed", error = e.message, out = out.display().to_string()))
            })?;
            for warning in &notes.warnings {
                eprintln!("{}: {warning}", t!("level-warning"));
            }
            for lap in &notes.laps {
                eprintln!("timing: {lap}");
            }
            let posts: usize = model.institutions.iter().map(|i| i.posts.len()).sum();
            let ms = format!("{:.0}", started.elapsed().as_secs_f64() * 1000.0);
            let (institutions, out) = (model.institutions.len(), out.display().to_string());
            eprintln!("{}", t!("cli-built", institutions, posts, out, ms));
            Ok(0)
        }
        Command::Changes { dir, since, format } => {
            require_dir(&dir)?;
            history::changes(&dir, since.as_deref(), matches!(format, Format::Json))
        }
        Command::Verify { code, dir } => {
            require_dir(&dir)?;
            history::verify(&dir, &code)
        }
        Command::Sign { code_or_sheet, dir, date, person, scan, dry_run } => {
            require_dir(&dir)?;
            let request = sign::Request {
                what: &code_or_sheet,
                date: date.as_deref(),
                person: person.as_deref(),
                scan: scan.as_deref(),
                dry_run,
            };
            sign::sign(&dir, &request)
        }
        Command::Import { roster, dir, institution, write } => {
            require_dir(&dir)?;
            import::import(&dir, &roster, &institution, write)
        }
        Command::Serve { dir, port, as_of, timings, lints } => {
            lints.validate()?;
            let as_of = as_of_day(as_of.as_deref())?;
            require_dir(&dir)?;
            let adjust = |l: &mut crate::lints::Levels| lints.apply(l);
            let settings = crate::serve::Settings { dir: &dir, as_of, timings, adjust: &adjust };
            crate::serve::serve(&settings, port)?;
            Ok(0)
        }
        Command::Synth { dir, institutions, employees, seed } => {
            let started = std::time::Instant::now();
            let s = crate::synth::synth(&dir, &crate::synth::Options { institutions, employees, seed })?;
            let ms = format!("{:.0}", started.elapsed().as_secs_f64() * 1000.0);
            let crate::synth::Summary { institutions, departments, posts, people, campaigns, files } = s;
            let dir = dir.display().to_string();
            let message = t!("cli-synth-done", institutions, departments, posts, people, campaigns, files, dir, ms);
            eprintln!("{message}");
            Ok(0)
        }
        Command::Init { new_dir } => {
            crate::init::init(&new_dir)?;
            eprintln!("{}", t!("cli-init-done", dir = new_dir.display().to_string()));
            Ok(0)
        }
    }
}

/// The day of `--as-of`, read as dates in the content are.
fn as_of_day(date: Option<&str>) -> Result<Option<Date>> {
    date.map(|d| Date::parse(d).map_err(|_| Error::usage(t!("cli-bad-as-of", date = d)))).transpose()
}

fn require_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() { Ok(()) } else { Err(Error::usage(t!("cli-no-content-folder", dir = dir.display().to_string()))) }
}
