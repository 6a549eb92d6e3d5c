# run: the command line (sign, import, changes, verify, init, synth, build), the preview (serve),
# the git history, edits of the content, and errors that stop a command.

## Errors (src/error.rs)

# An I/O error. $key names the action for the Chinese catalog (read, write, create-folder...,
# other); English says $action as the code wrote it.
error-io = { $key ->
   *[other] cannot { $action } { $path }: { $reason }
    }
# What the system said of an I/O error: English keeps the system's words ($os); $kind lets the
# Chinese catalog say the common kinds in Chinese.
error-os = { $kind ->
   *[other] { $os }
    }

## The command line (src/cli/mod.rs)

cli-lint-not-configurable = lint `{ $name }` reports broken input and cannot be re-levelled
# $hint: did-you-mean, or nothing.
cli-unknown-lint = unknown lint `{ $name }` { $hint }
cli-no-institution = no institution with id `{ $id }` { $hint }
cli-build-stopped = build stopped: fix the errors above; { $out } was left as it was
cli-build-failed = { $error }; { $out } was left as it was
cli-built = built { $institutions } institutions, { $posts } posts into { $out } in { $ms } ms
cli-synth-done = generated { $institutions } institutions, { $departments } departments, { $posts } posts, { $people } people, { $campaigns } campaigns ({ $files } files) into { $dir } in { $ms } ms
cli-init-done = created { $dir }; next: safeduty check { $dir }
cli-bad-as-of = --as-of `{ $date }` is not a valid date; write it as YYYY-MM-DD, e.g. 2017-06-30
cli-no-content-folder = content folder `{ $dir }` does not exist; run this in the folder that has `content/`, name the folder, or create one with `safeduty init { $dir }`
cli-wrote = wrote { $path }

## safeduty sign (src/cli/sign.rs)

sign-options-with-sheet = --date, --person and --scan go with one code; a sheet gives each row's date in its 签订日期 column
sign-nothing-new = nothing new to record
# $kind: letter or card. Dates as 2023年1月5日.
sign-recorded = { $kind ->
    [letter] recorded letter { $code }: { $shown } on { $date }
   *[card] recorded risk notice card { $code }: { $shown } on { $date }
    }
sign-would-record = { $kind ->
    [letter] would record letter { $code }: { $shown } on { $date }
   *[card] would record risk notice card { $code }: { $shown } on { $date }
    }
# $old: the date of the signature of an older text that this record replaces.
sign-recorded-replacing = { $kind ->
    [letter] recorded letter { $code }: { $shown } on { $date }, in place of the signature of { $old } (an older text)
   *[card] recorded risk notice card { $code }: { $shown } on { $date }, in place of the signature of { $old } (an older text)
    }
sign-would-record-replacing = { $kind ->
    [letter] would record letter { $code }: { $shown } on { $date }, in place of the signature of { $old } (an older text)
   *[card] would record risk notice card { $code }: { $shown } on { $date }, in place of the signature of { $old } (an older text)
    }
sign-dry-run = (--dry-run: nothing was written)
# $findings: the check's report, ending with a line break.
sign-not-checked = { $findings }the records did not check, so signing.yaml was left as it was
sign-not-code-or-sheet = `{ $what }` is neither a verification code (8 letters or digits, like 7QK2-M9XD) nor a sheet (.xlsx, .csv)
sign-no-date = say when it was signed: --date YYYY-MM-DD
sign-bad-date = --date `{ $date }` is not a date; write it as YYYY-MM-DD, e.g. 2023-01-05
sign-recorded-already = { $code }: { $shown } is recorded already (signed { $date })
sign-no-such-code = no current letter or risk notice card has the code { $code }; if it was printed from an older text, `safeduty verify { $code }` says which, and the current one has to be printed and signed
sign-not-signed-kind = { $code } is the code of “{ $title }”, which is not signed: only letters (安全生产责任书) and risk notice cards (岗位安全风险告知卡) are recorded
# One holder of a post in a list of them.
sign-holder = { $name } ({ $id })
sign-holders-separator = {", "}
sign-not-holder = `{ $person }` does not hold the post { $post }; its holders: { $holders }
sign-which-holder = the post { $post } has { $count } holders, who each sign its risk notice card: say whose signature this is with --person (id or name): { $holders }
sign-scan-not-file = --scan { $path } is not a file
sign-scan-exists = { $path } exists already and is another file: move it away, or name the scan inside the institution's folder
sign-no-column = { $sheet } has no column headed { $column }
sign-row-bad-date = row { $row }: { $column } `{ $date }` is not a date (write 2023-01-05)
sign-row-bad-code = row { $row }: `{ $code }` is not a verification code
sign-row-not-letter = row { $row }: { $code } is not a letter's code
sign-row-no-letter = row { $row }: no current letter has the code { $code } (a duty changed since the sheet was made?)
# $problems: one line per row.
sign-sheet-refused = { $problems }{ $sheet }: nothing was recorded; correct these rows, or export the sheet again (safeduty build --only data)
sign-rows-already = { $count } rows are recorded already

## safeduty import (src/cli/import.rs)

import-summary = { $name }: { $joins } join, { $leaves } leave, { $changes } change, { $unchanged } unchanged
# Lines of the plan, after two spaces; $posts: the post names joined by 、.
import-join = join   { $name } ({ $id }): { $posts }
import-leave = leave  { $name } ({ $id }): { $posts }
import-change-posts = change { $name } ({ $id }): { $was } → { $now }
import-change-details = change { $name } ({ $id }): { $posts } (title or 工号)
import-not-written = nothing was written; to write { $path }, run this again with --write
# $out: the plan printed so far; $findings: the check's report; both end with a line break.
import-not-checked = { $out }{ $findings }with the roster imported, the content has the errors above (people who leave may still be named elsewhere: give their duties and records to others first), so { $path } was left as it was
import-no-header = { $roster } has no header row with 姓名, 科室 and 岗位
import-missing-columns = { $roster }: the header row needs the columns 姓名, 科室 and 岗位
import-row-no-department = row { $row } ({ $name }): 科室 `{ $department }` is not a department of { $institution } { $hint }
import-row-no-post = row { $row } ({ $name }): 岗位 `{ $post }` is not a post of { $department } (its posts: { $posts }); add the post first (posts/<id>.yaml), or write its name as the post file does
import-no-posts = none
import-refused = { $problems }{ $roster }: nothing was imported; departments and posts are not guessed
import-same-number = { $roster }: rows { $first } and { $second } have the same 工号 { $number }

## The content's git history (src/history)

# A version of the content; $date is YYYY-MM-DD in English, 2024年3月1日 in Chinese.
history-version = commit { $short } of { $date } “{ $summary }”
history-version-uncommitted = uncommitted changes in the content folder
history-cannot-read = cannot read the history of { $dir }
history-content-had-errors = the content had { $errors } error(s)
history-version-unreadable = the content at { $version } cannot be read: { $error }
history-site-no-commit = the content's git repository has no commit yet: no revision history on the site
history-site-shallow = the content's repository is a shallow clone: its revision history starts at the clone's depth
history-site-not-in-git = { $dir } is not in a git repository: the site has no revision history (keep the content in git to get one)
history-site-failed = { $error }; the site has no revision history
history-bad-revision = cannot read revision `{ $spec }`
history-revision-too-old = revision `{ $spec }` goes past the oldest commit in the repository
history-repo-no-commit = the repository has no commit yet
history-ambiguous = commit id `{ $id }` is ambiguous; give more digits
history-no-revision = no commit, branch or tag `{ $spec }` in the content's repository (commit ids are looked up on the first-parent line from HEAD)

## safeduty changes and verify (src/cli/history.rs)

# $report: the check's report, ending with a line break.
cli-content-has-errors = { $report }the content in { $dir } has errors; fix them first (safeduty check { $dir })
changes-no-commit-yet = the git repository of { $dir } has no commit yet
changes-not-in-git = { $dir } is not in a git repository, so it has no history to compare with
changes-bad-date = `{ $date }` is not a valid date (YYYY-MM-DD)
changes-no-commit-before = no commit on or before { $date } in the content's history
# $version: history-version or history-version-uncommitted.
changes-since = since { $version }:
changes-none = no post's duties changed; nothing to print or sign again
changes-summary = { $posts } post(s) changed: print { $cards } card(s) and have { $letters } letter(s) signed again
# $kind: created, removed or changed.
changes-post = { $institution_name } { $post_name } ({ $institution }/{ $post }): { $kind ->
        [created] new post
        [removed] post removed
       *[changed] duties changed
    }
changes-sign-again = print and sign again: { $title } [{ $code }] { $file }
# The kinds of documents that carry a verification code.
verify-kind = { $kind ->
        [card] duty card
        [letter] responsibility letter
        [report] phase report
        [notice] rectification notice
        [bulletin] monthly hazard bulletin
        [risk-card] risk notice card
        [ledger] yearly hazard ledger
        [form] inspection form
        [display] public display
        [network] responsibility network diagram
       *[register] signing register
    }
verify-not-a-code = `{ $code }` is not a verification code: codes have 8 letters or digits, like 7QK2-M9XD
verify-found = { $code }: { $kind } “{ $title }”, { $file }
verify-version-since = version: { $version } (the text is unchanged since)
verify-version-uncommitted = version: not yet committed (the content folder as it is now)
verify-version-no-git = version: the content folder as it is now (not in git, so no history)
verify-current = current: yes, this is the text in force
verify-not-found-no-git = { $code }: no current card or letter has this code, and the content is not in git, so older versions cannot be searched
verify-found-old = { $code }: { $kind } “{ $title }”
verify-version-old = version: { $version } (the text of that version)
verify-outdated = current: no, outdated; the current text has code { $code } ({ $file }): print it and sign again
verify-gone = current: no, this document no longer exists in the content
verify-post-removed = changed since: the post was removed
verify-duties-changed = duties changed since:
verify-other-text-changed = the post's duties are unchanged; other text of the document changed (names, parties or the template)
verify-not-found = { $code }: no card or letter has this code, now or in any committed version of the content

## Edits of the content (src/amend.rs)

amend-flow-list = `{ $key }:` is written on one line; write its entries as a list, one `- ` per line
amend-not-utf8 = { $path } is not UTF-8: `safeduty check` says how to save it
amend-not-plain-file = { $path } is not a plain file (a link, or a folder): edit it by hand

## The preview (src/serve)

serve-cannot-listen = cannot listen on port { $port }: { $reason }
serve-cannot-watch-files = cannot watch files: { $error }
serve-cannot-watch = cannot watch { $dir }: { $error }
serve-no-index-threads = search index not made: no threads for it ({ $error })
serve-serving = serving { $dir } on http://{ $addr }/ (Ctrl-C to stop)
# After `error: `.
serve-cannot-serve = cannot serve: { $reason }
# $scope: some (the pages of $institutions institutions) or all; $read: walked (the whole
# tree), written (the files written only) or reused (and other institutions kept).
serve-rebuilt = rebuilt { $scope ->
        [some] the pages of { $institutions } institution(s) and the site's own pages
       *[all] every page
    } in { $ms } ms: { $changed } file(s) changed{ $read ->
        [written] {" "}(read the written files only)
        [reused] {" "}(read the written files only; other institutions as resolved before)
       *[walked] {""}
    }
# After the errors.
serve-build-failed = build failed after { $ms } ms; still serving the last good build
serve-index-stale = search index of an older version set aside: the content changed meanwhile
# Followed by the error on the next lines.
serve-index-failed = search index not updated:
serve-index-updated = search index updated in { $ms } ms ({ $indexed } of { $parts } parts indexed)
# Followed by the error on the next lines.
serve-pdfs-failed = the PDFs of { $owner } were not drawn:
serve-pdfs-drawn = drew the { $count } PDFs of { $owner } in { $ms } ms
serve-watch-failed = file watching: { $error }; rebuilding everything
# Answers of the preview's web server to a browser.
serve-http-failed = the preview failed to answer
serve-http-not-local = the preview answers only requests for 127.0.0.1, localhost or [::1]

## Building (src/pipeline.rs), new content trees (src/init, src/synth), errors (src/error.rs)

# An error led by what was being done.
error-context = { $what }: { $message }
pipeline-no-pdfs = PDFs were not made: { $error }
# $name: the part being made (site, cards, letters, data...).
pipeline-renderer = { $name } renderer
init-not-empty = { $dir } exists and is not empty; name a new folder
synth-no-institutions = --institutions must be at least 1
synth-too-few-employees = { $institutions } institutions need at least { $least } employees ({ $each } each); got { $employees }
synth-does-not-check = the generated content does not pass check:
    { $report }
