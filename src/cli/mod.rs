//! The `safeduty` command line.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::date::Date;
use crate::error::{Error, Result};
use crate::lints::{self, Level, Levels};

mod history;
mod import;
mod sign;
use crate::pipeline;
use crate::render::preflight::Pdf;
use crate::t;

#[derive(Parser)]
#[command(name = "safeduty", version, about = t!("help-about"), after_help = t!("help-examples"))]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Command,
    #[arg(help = t!("help-lang"))]
    #[arg(long, global = true, value_name = "zh|en")]
    lang: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    #[command(about = t!("help-check"))]
    #[command(
        after_help = t!("help-check-after"),
        after_long_help = lints::help()
    )]
    Check {
        #[arg(help = t!("help-dir"))]
        #[arg(default_value = "content")]
        dir: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        #[arg(help = t!("help-as-of-check"))]
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        #[command(flatten)]
        lints: LintArgs,
    },
    #[command(about = t!("help-build"))]
    #[command(after_help = t!("help-build-after"))]
    Build {
        #[arg(help = t!("help-dir"))]
        #[arg(default_value = "content")]
        dir: PathBuf,
        #[arg(help = t!("help-out"))]
        #[arg(long, short)]
        out: Option<PathBuf>,
        #[arg(help = t!("help-only"))]
        #[arg(long, value_enum, value_delimiter = ',')]
        only: Vec<crate::render::Part>,
        #[arg(help = t!("help-institutions"))]
        #[arg(long, value_delimiter = ',', value_name = "ID")]
        institution: Vec<String>,
        #[arg(help = t!("help-timings"))]
        #[arg(long)]
        timings: bool,
        #[arg(help = t!("help-as-of"))]
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        #[command(flatten)]
        lints: LintArgs,
    },
    #[command(about = t!("help-serve"))]
    #[command(
        after_help = t!("help-serve-after")
    )]
    Serve {
        #[arg(help = t!("help-dir"))]
        #[arg(default_value = "content")]
        dir: PathBuf,
        #[arg(help = t!("help-port"))]
        #[arg(long, short, default_value_t = 8000)]
        port: u16,
        #[arg(help = t!("help-as-of"))]
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        #[arg(help = t!("help-serve-timings"))]
        #[arg(long)]
        timings: bool,
        #[command(flatten)]
        lints: LintArgs,
    },
    #[command(about = t!("help-changes"))]
    #[command(after_help = t!("help-changes-after"))]
    Changes {
        #[arg(help = t!("help-changes-dir"))]
        #[arg(default_value = "content")]
        dir: PathBuf,
        #[arg(help = t!("help-since"))]
        #[arg(long, value_name = "REV|DATE")]
        since: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    #[command(about = t!("help-verify"))]
    #[command(after_help = t!("help-verify-after"))]
    Verify {
        #[arg(help = t!("help-code"))]
        code: String,
        #[arg(help = t!("help-dir"))]
        #[arg(default_value = "content")]
        dir: PathBuf,
    },
    #[command(about = t!("help-sign"))]
    #[command(after_help = t!("help-sign-after"))]
    Sign {
        #[arg(help = t!("help-code-or-sheet"))]
        code_or_sheet: String,
        #[arg(help = t!("help-dir"))]
        #[arg(default_value = "content")]
        dir: PathBuf,
        #[arg(help = t!("help-date"))]
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        #[arg(help = t!("help-person"))]
        #[arg(long, value_name = "ID|NAME")]
        person: Option<String>,
        #[arg(help = t!("help-scan"))]
        #[arg(long, value_name = "FILE")]
        scan: Option<PathBuf>,
        #[arg(help = t!("help-dry-run"))]
        #[arg(long)]
        dry_run: bool,
    },
    #[command(about = t!("help-import"))]
    #[command(
        after_help = t!("help-import-after")
    )]
    Import {
        #[arg(help = t!("help-roster"))]
        roster: PathBuf,
        #[arg(help = t!("help-dir"))]
        #[arg(default_value = "content")]
        dir: PathBuf,
        #[arg(help = t!("help-institution"))]
        #[arg(long, value_name = "ID")]
        institution: String,
        #[arg(help = t!("help-write"))]
        #[arg(long)]
        write: bool,
    },
    #[command(about = t!("help-init"))]
    #[command(after_help = t!("help-init-after"))]
    Init {
        #[arg(help = t!("help-new-dir"))]
        new_dir: PathBuf,
    },
    #[command(about = t!("help-synth"))]
    #[command(
        after_help = t!("help-synth-after")
    )]
    Synth {
        #[arg(help = t!("help-new-dir"))]
        dir: PathBuf,
        #[arg(help = t!("help-institution-count"))]
        #[arg(long, default_value_t = 26)]
        institutions: usize,
        #[arg(help = t!("help-employees"))]
        #[arg(long, default_value_t = 2000)]
        employees: usize,
        #[arg(help = t!("help-seed"))]
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[derive(Args)]
struct LintArgs {
    #[arg(help = t!("help-warn"))]
    #[arg(long = "warn", short = 'W', value_name = "LINT")]
    warn: Vec<String>,
    #[arg(help = t!("help-deny"))]
    #[arg(long = "deny", short = 'D', value_name = "LINT")]
    deny: Vec<String>,
    #[arg(help = t!("help-allow"))]
    #[arg(long = "allow", short = 'A', value_name = "LINT")]
    allow: Vec<String>,
    #[arg(help = t!("help-deny-warnings"))]
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
    // The language first: the help texts are in it. `--lang` is read again by clap.
    crate::i18n::set(crate::i18n::Lang::detect(lang_option(std::env::args_os()).as_deref()));
    let command = match crate::i18n::lang() {
        crate::i18n::Lang::Zh => chinese(Cli::command(), true),
        crate::i18n::Lang::En => Cli::command(),
    };
    let cli = Cli::from_arg_matches(&command.get_matches()).unwrap_or_else(|e| e.exit());
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("{}: {error}", t!("level-error"));
            1
        }
    }
}

/// The command line with clap's own words in Chinese too: headings, usage, the help and version
/// flags (the help texts are the catalogs', in the chosen language already).
fn chinese(command: clap::Command, root: bool) -> clap::Command {
    use clap::{Arg, ArgAction};
    // Headings are clap `Str`s, which are `&'static` without clap's `string` feature: the few
    // words are leaked, once per process.
    let (commands, arguments, options): (&'static str, &'static str, &'static str) =
        (t!("help-commands").leak(), t!("help-arguments").leak(), t!("help-options").leak());
    let command = command
        .help_template(t!("help-template"))
        .subcommand_help_heading(commands)
        .mut_args(|a| {
            let heading = if a.is_positional() { arguments } else { options };
            // clap's "[default: content]" and "[possible values: …]", in Chinese (flags show neither).
            if !a.get_action().takes_values() {
                return a.help_heading(heading);
            }
            let defaults: Vec<String> =
                a.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
            let values: Vec<String> = a.get_possible_values().iter().map(|v| v.get_name().to_string()).collect();
            let mut help = a.get_help().map(ToString::to_string).unwrap_or_default();
            let mut a = a.help_heading(heading);
            if !values.is_empty() {
                help = format!("{help} {}", t!("help-values", values = values.join("、")));
                a = a.hide_possible_values(true);
            }
            if !defaults.is_empty() {
                help = format!("{help} {}", t!("help-default", value = defaults.join(", ")));
                a = a.hide_default_value(true);
            }
            a.help(help.trim_start().to_string())
        })
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(t!("help-help"))
                .help_heading(options),
        )
        .mut_subcommands(|c| chinese(c, false));
    match root {
        true => command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t!("help-version"))
                .help_heading(options),
        ),
        false => command,
    }
}

/// The value of `--lang` (`--lang zh`, `--lang=zh`) among the arguments, before clap reads them.
fn lang_option(args: impl Iterator<Item = std::ffi::OsString>) -> Option<String> {
    let args: Vec<String> = args.map(|a| a.to_string_lossy().into_owned()).collect();
    args.iter().enumerate().find_map(|(i, a)| match a.strip_prefix("--lang") {
        Some("") => args.get(i + 1).cloned(),
        Some(rest) => rest.strip_prefix('=').map(str::to_string),
        None => None,
    })
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
            let (checked, _) = pipeline::check_prepared(&dir, |l| lints.apply(l), as_of, Pdf::Checked);
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
            let pdf = Pdf::of(&selection);
            let (checked, prepared) = pipeline::check_prepared(&dir, |l| lints.apply(l), as_of, pdf);
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
            let (theme, fonts, documents) = match prepared {
                Some(p) => (Some(p.theme), p.fonts, Some(p.documents)),
                None => (None, None, None),
            };
            let options = pipeline::Options {
                selection,
                theme,
                fonts,
                documents,
                history,
                progress: std::io::stderr().is_terminal(),
                timings,
                ..Default::default()
            };
            let notes = pipeline::build(&model, &findings, &dir, &out, options).map_err(|e| {
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
            crate::drop_aside((model, checked.sources));
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
