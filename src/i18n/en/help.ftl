# The command line's help (--help): every command, argument and option.

help-about = Duty cards, responsibility letters and an intranet site for the all-staff work-safety responsibility system (全员安全生产责任制).
help-examples =
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
      safeduty check --warn post-without-scope --deny post-without-holder
help-lang = Language of messages: zh (中文) or en [default: SAFEDUTY_LANG, else the system's locale]
help-dir = Content folder
help-as-of-check = Judge what is overdue (hazards) and missed (inspections) as of this day instead of `as_of` in safeduty.yaml
help-as-of = Compute campaign progress as of this day instead of `as_of` in safeduty.yaml
help-timings = Print how long each stage took
help-warn = Report this lint as a warning (repeatable). Lints: see docs/checks.md
help-deny = Report this lint as an error (repeatable)
help-allow = Do not report this lint (repeatable)
help-deny-warnings = Treat every warning as an error

help-check = Check the content and report every problem with file, line and column
help-check-after =
    Exit code 0 when there are no errors, 1 otherwise.

    Examples:
      safeduty check
      safeduty check content --format json
      safeduty check --deny-warnings
      safeduty check --allow post-without-holder

help-build = Check the content and build everything into the output folder
help-build-after =
    The output is replaced only when the build succeeds. With --only or --institution the build makes just that, into output/print/ unless --out says otherwise, so the site in output/ stays.

    Examples:
      safeduty build
      safeduty build content --out public
      safeduty build --only letters --institution wsq-tuke
      safeduty build --only cards,letters
      safeduty build --as-of 2017-06-30        campaign progress as it stood on that day
help-out = Output folder [default: output, or output/print with --only or --institution]
help-only = Build only these parts (repeatable, or comma-separated)
help-institutions = Print documents only for these institutions (ids; repeatable, or comma-separated)

help-serve = Preview the site on 127.0.0.1, rebuilding and reloading the browser on every change
help-serve-after =
    Errors in the content are shown on top of the page; the last good build stays visible.

    Examples:
      safeduty serve
      safeduty serve my-hospital --port 9000
help-port = Port on 127.0.0.1 (0 picks a free one)
help-serve-timings = Print how long each stage of each rebuild took

help-changes = List the posts whose duties changed since a commit or date, and the documents to sign again
help-changes-after =
    Compares the content folder as it is now (committed or not) with its version in git at REV (a commit id, branch, tag, HEAD~N) or at the last commit on or before DATE (YYYY-MM-DD). Default: HEAD, i.e. the changes not yet committed.

    Examples:
      safeduty changes --since 2024-01-01
      safeduty changes content --since v2023 --format json
help-changes-dir = Content folder (in a git repository)
help-since = Commit, branch, tag or date (YYYY-MM-DD) to compare with

help-verify = Say which document (card, letter, report or notice), and which version of it, a printed verification code belongs to
help-verify-after =
    The code may be written with or without the dash, in any case. Exit code 0 when the code is found (current or outdated), 1 when no version of any document has it.

    Examples:
      safeduty verify 7QK2-M9XD
      safeduty verify 7qk2m9xd my-hospital
help-code = The code printed at the foot of the document

help-sign = Record a letter or risk notice card signed on paper, by the code printed on it, or every row of a filled-in 签订台账
help-sign-after =
    Adds the record to the institution's signing.yaml (comments and order kept) and checks the content again; a record that does not check is taken back. A code is that of the current text: a paper printed from an older one must be printed again. A 签订台账 is the sheet of the workbook in output/data/workbooks/ (or a CSV of it) with the 签订日期 column filled in.

    Examples:
      safeduty sign 7QK2-M9XD --date 2023-01-05
      safeduty sign 7QK2-M9XD --date 2023-01-05 --scan ~/扫描/李婷.pdf
      safeduty sign XS2Y-YTCY --date 2023-01-05 --person 牛二虎     a risk notice card: whose signature
      safeduty sign 签订台账.xlsx --dry-run                           what the sheet would record
help-code-or-sheet = The verification code printed at the foot of the signed paper, or a filled-in sheet (.xlsx, .csv)
help-date = The day it was signed (YYYY-MM-DD)
help-person = For a risk notice card: the holder who signed (id or name), when the post has several
help-scan = A scan of the signed paper; copied into the institution's scans/ when it is elsewhere
help-dry-run = Say what would be recorded, and write nothing

help-import = Import the roster HR keeps (.xlsx, or CSV in UTF-8 or GBK) into an institution's people.yaml
help-import-after =
    The roster's header row names the columns 姓名, 科室 and 岗位 (several posts separated by 、), and optionally 工号 and 职称. Departments and posts are found by their names; one that is not there is listed with its row and nothing is imported. People are matched to those listed by 工号, else by name; new ones get an id from the pinyin of their name (zhang-wei, then zhang-wei2). Without --write it only shows who joins, leaves or changes.

    Examples:
      safeduty import 花名册.xlsx --institution wsq-hospital
      safeduty import 花名册.csv content --institution wsq-hospital --write
help-roster = The roster: an .xlsx workbook (its first sheet) or a CSV file
help-institution = The institution whose people these are (its id)
help-write = Write people.yaml (otherwise only show what would change)

help-init = Create a new content tree with the five role categories and a commented example institution
help-init-after =
    Example:
      safeduty init my-hospital && safeduty check my-hospital
help-new-dir = Folder to create (must not exist, or be empty)

help-synth = Generate a realistic content tree of any size (fictitious people), for benchmarks and tests
help-synth-after =
    The same options give the same bytes. The tree passes `check`.

    Example:
      safeduty synth --institutions 100 --employees 10000 --seed 7 /tmp/province
help-institution-count = Number of institutions (a city health commission, then counties of 25)
help-employees = Number of employees in all (at least 12 per institution)
help-seed = Seed of the random choices

# clap's own words (Chinese only: English keeps clap's).
help-template =
    {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
    Usage: {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-commands = Commands
help-arguments = Arguments
help-options = Options
help-help = Print help
help-version = Print version
help-default = [default: { $value }]
help-values = [possible values: { $values }]
