# check: findings about the content (src/check). Codes, ids, paths and YAML keys are the same
# in both languages.

## mod.rs: ids, and what the run skipped

check-duplicate-id = duplicate { $kind } id `{ $id }`
check-duplicate-id-label = defined again here
check-duplicate-id-first = first defined here
check-duplicate-id-help-content = ids must be unique among the { $kinds } of the content; rename one of them
check-duplicate-id-help-institution = ids must be unique among the { $kinds } of an institution; rename one of them
check-broken-files = { $count } file(s) could not be read; the cycle and staffing checks run once they are fixed
check-reserved-campaigns = institution id `campaigns` is the name of the folder of campaign reports (pdf/campaigns/)
check-reserved-label = reserved
check-reserved-campaigns-help = rename the institution's folder
# Between the items of a list in a sentence: `a`, `b`.
check-list-separator = {", "}

## ids.rs

-ids-rule = ids may use lower-case ASCII letters a-z, digits 0-9, `-` and `_`, must start with a letter or digit, and may not contain `--` (it joins post and person in letter names)
ids-unsafe = { $kind } id `{ $id }` cannot be used in file names and URLs: { $why }
ids-unsafe-label = unsafe id
ids-why-too-long = it is longer than { $max } characters
ids-why-device = Windows keeps this name for a device, so the content could not be checked out there
ids-why-upper-case = it contains upper-case letters
ids-why-space = it contains a space
ids-why-separator = it contains a path separator or `..`
ids-why-double-dash = it contains `--`
ids-why-empty = it is empty
ids-why-non-ascii = it contains non-ASCII characters
ids-why-other = it contains characters that are not allowed
ids-help = { -ids-rule }
ids-help-example = { -ids-rule }, e.g. `{ $suggestion }`
ids-help-file = { -ids-rule }; the id comes from the file or folder name, so rename it
ids-help-file-example = { -ids-rule }; the id comes from the file or folder name, so rename it, e.g. `{ $suggestion }`

## graph.rs

graph-cycle = { $kinds } form a cycle: { $chain }
graph-cycle-label = `{ $key }` of `{ $id }` starts the cycle
graph-cycle-link = `{ $key }` of `{ $id }`
graph-cycle-help = { $kind } cannot be above itself; change one `{ $key }` in the cycle

## levels.rs

levels-supervisor-not-leader = post `{ $post }` supervises departments but is not a leadership post
levels-supervisor-not-leader-label = 分管 is a leader's
levels-supervisor-not-leader-help = only a post of a leadership category (领导班子成员) supervises departments; give the post such a category or move `supervises:` to the leader's post
levels-no-business-duties = leadership post `{ $post }` has no business duties (一岗双责)
levels-this-post = this post
levels-no-business-duties-help = list what the leader runs under `business_duties:`: a leader answers for safety in the business they lead
levels-duplicate-supervisor = department `{ $department }` is supervised by both `{ $other }` and `{ $post }`
levels-again-here = again here
levels-first-supervised = first supervised here
levels-duplicate-supervisor-help = one leader supervises a department (分管); remove it from one list
levels-unsupervised = no leader supervises department `{ $department }`: its head signs with the principal
levels-unsupervised-label = no 分管领导
levels-heads-sign-with-supervisor = heads sign with their supervising leader
levels-unsupervised-help = add `{ $department }` to the `supervises:` of the leader who is in charge of it

## refs.rs: references, dates, files

refs-category-without-duties = category `{ $id }` has no duties
refs-empty-list = empty list
refs-category-without-duties-help = list the category's duties, one `- ` line each
refs-search-part-pages = `search_part_pages: { $value }` is too small
refs-search-part-pages-label = fewer than 100 pages
refs-search-part-pages-help = each part is loaded separately by the search page; use 100 or more (default 2000)
refs-unknown-lint = unknown lint `{ $name }`
refs-unknown-lint-label = level of an unknown lint
refs-lint-not-configurable = `{ $name }` reports broken input and cannot be re-levelled
refs-lint-not-configurable-label = not configurable
refs-lint-not-configurable-help = only the rule lints can be set to allow, warn or deny; see `safeduty check --help`
refs-no-institution-file = institution folder `{ $id }` has no institution.yaml
refs-no-institution-file-label = this file belongs to an institution that is not described
refs-no-institution-file-help = add institutions/{ $id }/institution.yaml (see `safeduty init` for an example)
refs-not-holder = `{ $person }` does not hold post `{ $post }`
refs-not-holder-label = not a holder of that post
refs-not-holder-post = the post
refs-not-holder-help = name a person whose `posts:` in people.yaml include this post
refs-paired-with-itself = post `{ $post }` is paired with itself
refs-paired-with-itself-label = the same post as 甲方
refs-party-a = 甲方
refs-paired-with-itself-help = a letter has two parties: 甲方 is the post of the level above (often the head of the department)
refs-invalid-code = `{ $code }` is not a verification code
refs-invalid-code-label = not a code
refs-invalid-code-help-letter = copy the code printed at the foot of the signed letter: 4 characters, a dash, 4 characters (e.g. 7QK2-M9XD)
refs-invalid-code-help-card = copy the code printed at the foot of the signed risk notice card: 4 characters, a dash, 4 characters (e.g. 7QK2-M9XD)
refs-scan-missing-help = scans are files inside institutions/{ $id }/, named relative to it
refs-letter-recorded-twice = letter `{ $id }` is recorded twice
refs-letter-recorded-twice-help = keep one record per letter: the latest signing
refs-card-recorded-twice = risk notice card `{ $id }` is recorded twice
refs-card-recorded-twice-help = keep one record per risk notice card: the latest signing
refs-again-here = again here
refs-first-recorded = first recorded here
refs-name-for-id = `{ $id }` is the name of { $kind } `{ $c }`; references use ids: write `{ $c }`
refs-none-yet = there are no { $kinds } here yet
refs-known = known { $kinds }: { $ids }
refs-missing = no { $kind } with id `{ $id }`
refs-missing-label = unknown { $kind }
refs-this-date = this date
refs-compared-date = compared with this date
refs-order-help = check the dates (YYYY-MM-DD): the later one must not come first
refs-not-a-date = `{ $text }` is not a valid date
refs-not-a-date-label = not a date
refs-not-a-date-help = write dates as YYYY-MM-DD, e.g. 2022-09-13, and make sure the day exists
refs-implausible-date = `{ $text }` is not a plausible date
refs-implausible-date-label = year out of range
refs-implausible-date-help = dates of record lie between the years { $start } and { $end }
refs-no-scan = no scan at `{ $path }`
refs-no-evidence = no evidence file at `{ $path }`
refs-no-such-file = no such file
# $reason says what is wrong with the path, after it: "is a link to `…`, outside the content folder".
refs-scan-refused = scan `{ $path }` { $reason }
refs-evidence-refused = evidence file `{ $path }` { $reason }
refs-not-read = not read

## duties.rs

duties-empty-item = a duty item without text
duties-empty-item-label = empty item
duties-empty-item-help = write the duty, or delete the line
duties-rewords-without-category = post `{ $id }` rewords a category item but has no category
duties-removes-without-category = post `{ $id }` removes a category item but has no category
duties-no-category = no category
duties-no-category-help = add `category: …` to the post, or list its duties under `add:`
duties-item-by-number = item { $n } is named by its number, which moves when the category changes
duties-item-by-number-label = today item { $n } of { $name } is “{ $text }”
duties-item-by-number-help = name it by its text: `{ $text }`
duties-item-by-number-none = items are named by their text, not their number
duties-item-by-number-none-label = { $name } has items 1 to { $count }
duties-item-text-help = write the beginning of the item's text, as the category file has it
duties-empty-reference = an empty item reference
duties-empty-reference-label = empty
duties-no-match = no item of { $name } begins with “{ $wanted }”
duties-no-match-label = no such item
duties-no-match-close = the category has changed or the text is misspelt: did you mean item { $n } `{ $text }`?
duties-no-match-help = write the beginning of one of the { $count } items of { $name }, as the category file has it
duties-ambiguous = { $count } items of { $name } begin with this text
duties-ambiguous-label = more than one item
duties-ambiguous-help = write more of the text, to name one of: { $items }
# An item in the list of duties-ambiguous-help, and what separates two of them.
duties-item = { $n } `{ $text }`
duties-item-separator = {"; "}
duties-reworded-twice = item { $n } is reworded twice
duties-first-reworded = first reworded here
duties-reworded-twice-help = keep one `replace` entry for the item, with the wording that applies
duties-removed-twice = item { $n } is removed twice
duties-first-removed = first removed here
duties-removed-twice-help = list each item to remove once
duties-again-here = again here
duties-reworded-and-removed = item { $n } is both reworded and removed
duties-removed-here = removed here
duties-reworded-here = reworded here
duties-reworded-and-removed-help = keep one: `replace` to reword the item, or `remove` to drop it
duties-none-left = post `{ $id }` ends up with no duties
duties-none-left-help = a post must keep at least one duty; remove fewer items or add the post's own
duties-none = post `{ $id }` has no duties
duties-this-post = this post
duties-none-help = give the post a `category:` (its duties are inherited) or list its own under `duties: add:`

## rules.rs: the seed documents' rules

rules-missing-principal = { $name } has no principal
rules-missing-principal-label = no `principal:`
rules-missing-principal-help = add `principal: <post id>` naming the post of the 主要负责人 (第一责任人)
rules-no-leadership-group = { $name } has no safety leadership group (安全生产领导小组)
rules-no-leadership-group-label = no `leadership_group:`
rules-no-leadership-group-help = add `leadership_group:` with `chair:` (the principal's post) and `members:`
rules-chair-not-principal = the safety leadership group must be chaired by the principal
rules-chair-not-principal-label = chair is `{ $chair }`
rules-the-principal = the principal is `{ $principal }`
rules-chair-not-principal-help = set `chair: { $principal }`
rules-staffing-large = { $name } has { $employees } employees (more than { $threshold }) but neither a safety management body nor a full-time safety officer
rules-staffing-large-label = needs a body or a full-time officer
rules-employees = { $employees } employees
rules-staffing-large-help = add `safety_management: body: <department id>` or an officer with `type: full-time`
rules-staffing-small = { $name } has no safety officer
rules-staffing-small-label = needs a full- or part-time officer
rules-staffing-small-help = add `safety_management: officers: [{"{"}post: <post id>, type: part-time{"}"}]`
rules-safety-engineer = { $name } produces or stores hazardous goods but has no registered safety engineer
rules-safety-engineer-label = hazardous goods: true
rules-safety-engineer-help = add `safety_engineers: [{"{"}person: <person id>, certificate: …{"}"}]`
rules-unknown-placeholder = `{ $name }` in { $key } is not a placeholder: it would print as written on every { $key ->
        [card_numbers] card
       *[other] letter
    }
rules-unknown-placeholder-label = unknown placeholder
rules-unknown-placeholder-help = use `{"{"}year{"}"}` for the year and `{"{"}number{"}"}` for the { $key ->
        [card_numbers] card's number, e.g. 旗医清〔{"{"}year{"}"}〕{"{"}number{"}"}号
       *[other] letter's number, e.g. 乌人医发〔{"{"}year{"}"}〕{"{"}number{"}"}号
    }
rules-doc-number-without-number = { $key } has no `{"{"}number{"}"}`: every { $key ->
        [card_numbers] card
       *[other] letter
    } would get the same number
rules-doc-number-without-number-label = no `{"{"}number{"}"}`
rules-doc-number-without-number-help = add `{"{"}number{"}"}` where the { $key ->
        [card_numbers] card's number goes, e.g. 旗医清〔{"{"}year{"}"}〕{"{"}number{"}"}号
       *[other] letter's number goes, e.g. 乌人医发〔{"{"}year{"}"}〕{"{"}number{"}"}号
    }
rules-display-ends-before-start = the display (`display`) ends before it starts
rules-no-doc-number = letters are numbered as documents, but the institution has no `doc_number`
rules-no-doc-number-label = needs `doc_number`
rules-no-doc-number-help = add `doc_number: <style>`, e.g. 乌人医发〔{"{"}year{"}"}〕{"{"}number{"}"}号, or number letters as `register`
rules-staff-coverage = { $listed } people listed for { $employees } employees: the other { $others } have no post and no duties on record
rules-staff-coverage-help = list every employee in people.yaml with their posts (全员), or correct `employees:`
rules-post-without-scope = post `{ $post }` has no scope (责任范围)
rules-this-post = this post
rules-post-without-scope-help = add `scope: …` saying what the post answers for
rules-post-without-assessment = post `{ $post }` has no assessment criteria (考核标准)
rules-post-without-assessment-help = add `assessment:` to the post, or defaults to its category
rules-post-without-rewards = post `{ $post }` has no rewards and penalties (奖惩办法)
rules-post-without-rewards-help = add `rewards_penalties:` to the post, or defaults to its category
rules-post-without-holder = nobody holds post `{ $post }`
rules-post-without-holder-label = vacant post
rules-post-without-holder-help = add the post id to someone's `posts:` in people.yaml
rules-person-without-post = { $name } (`{ $id }`) holds no post
rules-empty-list = empty list
rules-person-without-post-help = every employee holds at least one post; list its id here

## risks.rs: graded risk control

risks-missing = post `{ $post }` lists no risks, but its category { $category } requires them (`risks_required`)
risks-post-without-risks = post `{ $post }` lists no risks, though its institution grades risks
risks-missing-label = no `risks:`
risks-missing-help = list the post's risks (岗位安全风险清单) under `risks:`; see docs/content.md, "Risks"
# $written and $grade are grades as the pages name them (重大风险); $key as the content writes it.
risks-grade = `{ $hazard }` is graded { $written } here, but its score { $score } makes it { $grade } by the institution's standard
risks-grade-label = not the computed grade
risks-grade-help = write `grade: { $key }`, or correct the factors; the grades begin at { $major } (重大), { $significant } (较大) and { $general } (一般)
# $needed and $level are levels as the pages name them: 单位, 科室, 岗位.
risks-owner = { $grade } `{ $hazard }` is controlled at the { $needed } level by the standard, but `{ $owner }` is a { $level } post
risks-owner-label = owner below the control level
risks-owner-help-institution = write `owner:` with the principal's or a leader's post
risks-owner-help-department = write `owner:` with the post of the department's head
risks-not-in-category = `{ $risk }` is not a risk of the post's category
risks-not-in-category-label = no such risk
risks-not-in-category-help-no-category = only a risk inherited from the post's `category:` can be removed
risks-not-in-category-help-none = the category lists no risks: remove this line
risks-not-in-category-help = the category's risks are: { $risks }
risks-thresholds = risk grades begin at { $major } (major), { $significant } (significant) and { $general } (general): not in descending order
risks-thresholds-label = thresholds
risks-thresholds-help = each grade begins at a lower score than the one above it, all above 0, e.g. 20, 15, 9 for a 5 × 5 matrix
# $factor: likelihood, severity or exposure.
risks-off-scale = the { $factor } of `{ $hazard }` is not on the scale of the institution's method
risks-off-scale-label = not on the scale
risks-scale-matrix-help = a risk matrix scores likelihood and severity from 1 to 5 (whole numbers) and has no exposure; for L × E × C write `risk_standard: {"{"}method: lec{"}"}` in institution.yaml
risks-scale-lec-help = LEC scores likelihood (L) 0.1, 0.2, 0.5, 1, 3, 6 or 10; exposure (E) 0.5, 1, 2, 3, 6 or 10; severity (C) 1, 3, 7, 15, 40 or 100
# $aspects: the missing ones of risks-aspect-*, joined by check-list-separator.
risks-controls = { $grade } `{ $hazard }` has no { $aspects } measures
risks-aspect-organisation = organisation (组织)
risks-aspect-rules = rules (制度)
risks-aspect-technical = technical (技术)
risks-aspect-emergency = emergency (应急)
risks-controls-label = controls missing
risks-controls-help = a { $grade } risk is controlled at the { $level } level in all four aspects: list each under `controls:`

## records.rs: ledgers (台账) and inspections

records-checklist-unique-help = checklist item ids must be unique in an institution's checklist: inspections name them
records-hazard-unique-help = hazard ids (the ledger numbers) must be unique in an institution; renumber one
records-evidence-missing-help = evidence files are inside institutions/{ $id }/, named relative to it
records-deadline-before-found = hazard `{ $id }`: the deadline is before the hazard was found
records-rectified-before-found = hazard `{ $id }`: rectified before it was found
records-reported-before-found = hazard `{ $id }`: reported before it was found
records-verified-before-rectified = hazard `{ $id }`: verified before it was rectified
records-verified-not-rectified = hazard `{ $id }` is verified but not rectified
records-verified-here = verified here
records-verified-not-rectified-help = add `rectified: YYYY-MM-DD`, the day it was put right (and `rectified_by:` if not the owner)
records-verified-by-rectifier = hazard `{ $id }` is verified by `{ $by }`, who rectified it
records-verified-by-rectifier-label = verified by the rectifier
records-rectified-by = rectified by
records-verified-by-rectifier-help = a rectification is accepted (验收) by someone else: the department head or the safety office
records-verified-by-nobody = hazard `{ $id }` is verified, but not said by whom
records-verified-by-nobody-label = verified by nobody named
records-verified-by-nobody-help = add `verified_by: <person id>`: the acceptance (验收) names who checked it on site
# $key: plan or reported.
records-major-without-key = major hazard `{ $id }` has no `{ $key }`
records-major-label = a major hazard (重大事故隐患)
records-major-plan-help = add `plan:`: a remediation plan (治理方案: 目标任务、经费物资、机构人员、时限要求、安全措施)
records-major-reported-help = add `reported:`: the day it was reported to the authority (`reported: YYYY-MM-DD`)
# $frequency as the pages name it: 每月, 每季度…
records-inspection-missed = checklist item `{ $item }` ({ $frequency }) has no inspection recorded from { $start } to { $end }
records-inspection-missed-last = checklist item `{ $item }` ({ $frequency }) has no inspection recorded from { $start } to { $end }; the last was on { $last }
records-inspection-missed-label = inspected this often
records-inspection-missed-help = record it in records/inspections.yaml (`- {"{"}date: YYYY-MM-DD, item: { $item }, by: <person id>{"}"}`); an item that is new gets `since: YYYY-MM-DD`
records-overdue = hazard `{ $id }` is overdue: not rectified { $days } day(s) after its deadline, on { $as_of }
records-major-overdue = major hazard `{ $id }` is overdue: not rectified { $days } day(s) after its deadline, on { $as_of }
records-overdue-label = deadline passed
records-overdue-help = record `rectified: YYYY-MM-DD` when it is put right; if the deadline was extended, write the new one and say why in `note:`

## sources.rs: major hazard sources (重大危险源)

sources-unique-help = major hazard source ids must be unique in an institution
sources-quantity-not-positive = the quantity of `{ $id }` must be more than 0 tonnes
sources-threshold-not-positive = the threshold of `{ $id }` must be more than 0 tonnes
sources-not-a-quantity = not a quantity
sources-not-a-quantity-help = write tonnes as a number, e.g. `11.4`; thresholds are in GB 18218, 表1 and 表2
sources-not-major = `{ $id }` is graded, but the unit { $unit } is no major hazard source: its sum of quantity / threshold is { $sum }, under 1
sources-not-major-label = a grade of a major hazard source
sources-not-major-help = delete `grade:`; or check the quantities and thresholds (each substance of a unit is a row with the same `unit`)
sources-unfiled-grade = the unit { $unit } is a major hazard source (sum of quantity / threshold { $sum }) with no `grade`
sources-unfiled-filed = the unit { $unit } is a major hazard source (sum of quantity / threshold { $sum }) with no `filed`
sources-unfiled-grade-filed = the unit { $unit } is a major hazard source (sum of quantity / threshold { $sum }) with no `grade` or `filed`
sources-unfiled-label = a major hazard source (重大危险源)
sources-unfiled-help = a major hazard source is graded (`grade: one` to `four`, from GB 18218's R) and filed with the authority (`filed: YYYY-MM-DD`, 备案)
sources-filed-before-identified = major hazard source `{ $id }`: filed before it was identified
sources-assessed-before-identified = major hazard source `{ $id }`: assessed before it was identified
sources-assessment-old = the safety assessment of `{ $id }` ({ $assessed }) is three years old on { $as_of }
sources-no-assessment = major hazard source `{ $id }` has no safety assessment
sources-assessment-label = assessed
sources-assessment-help = a major hazard source is assessed at least every three years (安全评估): record the last one in `assessed: YYYY-MM-DD`

## signed.rs: signing records against the letters made

signed-confirmed-without-card = confirmation record for `{ $post }` names no risk notice card: the post lists no risks
signed-confirmed-without-card-label = no risk notice card
signed-confirmed-without-card-help = remove the record, or list the post's risks under `risks:` in its post file
signed-principal-without-letter = signing record for `{ $id }` names no letter: the principal signs letters as 甲方 only
signed-without-letter = signing record for `{ $id }` names no letter: no letter is made for this post and person (a vacant pair, or one removed under `exclude:`)
signed-without-letter-label = no such letter
signed-without-letter-help = remove the record, or add the letter under `pairs:` (see the institution's page for its letters)
signed-risks-unconfirmed = the risks of post `{ $post }` are not confirmed by { $people } (岗位安全风险确认)
signed-risks-unconfirmed-label = a post that lists risks
signed-risks-unconfirmed-help = print the post's risk notice card (岗位风险告知卡), have each holder sign it, and record it in signing.yaml under `confirmed:` (post, person, date, and the code printed on the card)

## campaigns.rs: campaigns (专项行动)

campaigns-unique-help = { $kind } ids must be unique in a campaign; rename one of them
campaigns-no-campaign-file = campaign folder `{ $id }` has no campaign.yaml
campaigns-no-campaign-file-label = this file belongs to a campaign that is not described
campaigns-no-campaign-file-help = add campaigns/{ $id }/campaign.yaml (see docs/content.md, "Campaigns")
campaigns-ends-before-start = the campaign ends before it starts
campaigns-participant-twice = participant `{ $participant }` is listed twice
campaigns-participant-twice-label = again
campaigns-participant-twice-help = list each participating unit once
campaigns-no-phases = the campaign has no phases
campaigns-empty-list = empty list
campaigns-no-phases-help = list the campaign's phases (id, name, start, end and tasks), e.g. 全面启动, 强化落实, 巩固提升
campaigns-reserved-phase = phase id `{ $page }` is the name of the campaign's own page { $page }.html
campaigns-reserved-phase-help = give the phase another id, e.g. `phase-1`
campaigns-phase-ends-before-start = the phase ends before it starts
campaigns-phase-outside = phase `{ $phase }` runs outside the campaign ({ $start } to { $end })
campaigns-outside-label = outside the campaign
campaigns-phase-outside-help = move the phase's dates inside the campaign's `start` and `end`, or widen the campaign
campaigns-phase-overlap = phase `{ $phase }` starts on { $start }, before the previous phase ends ({ $previous })
campaigns-phase-overlap-label = overlaps the previous phase
campaigns-previous-phase-ends = previous phase ends here
campaigns-phase-overlap-help = list phases in date order; each starts after the one before ends
campaigns-task-without-owner = task `{ $task }` has no owner
campaigns-this-task = this task
campaigns-task-without-owner-help = add `department: <id>` or `person: <id>` (or both)
campaigns-deadline-outside-phase = task `{ $task }` is due on { $deadline }, outside its phase `{ $phase }` ({ $start } to { $end })
campaigns-deadline-outside-phase-label = outside the phase
campaigns-deadline-outside-phase-help = set a deadline inside the phase, move the task to the phase it belongs to, or leave `deadline` out (the phase's end)
campaigns-progress-outside = progress record dated { $day }, outside the campaign ({ $start } to { $end })
campaigns-assessment-outside = checklist assessment dated { $day }, outside the campaign ({ $start } to { $end })
campaigns-issue-outside = issue dated { $day }, outside the campaign ({ $start } to { $end })
campaigns-record-outside-help = check the date; records belong to the campaign's period
# $status as the pages name it: 已完成, 已验收.
campaigns-done-without-evidence = task `{ $task }` is marked { $status } without evidence
campaigns-done-without-evidence-label = no evidence recorded
campaigns-done-without-evidence-help = add `evidence:` with a `title:` (and a `file:` or `url:` where there is one) to this record
campaigns-issue-deadline-before-found = the issue's deadline is before it was found
campaigns-issue-closed-before-found = the issue's closing date is before it was found
campaigns-issue-verified-before-found = the issue's verification date is before it was found
campaigns-issue-not-closed = issue `{ $issue }` is verified but not closed
campaigns-verified-here = verified here
campaigns-issue-not-closed-help = add `closed: YYYY-MM-DD`, the day the problem was rectified
campaigns-issue-verified-before-closed = the issue is verified before it was closed
# $key: a key of an issue (found, problem, measure, department, deadline…).
campaigns-issue-without-key = issue `{ $issue }` has no `{ $key }`
campaigns-this-issue = this issue
campaigns-issue-without-key-help = write `{ $key }:`, or name the hazard of a ledger it is (`hazard: <institution>/<ledger number>`)
campaigns-issue-key-in-ledger = issue `{ $issue }` names hazard `{ $hazard }`, whose `{ $key }` the ledger holds
campaigns-issue-key-in-ledger-label = also in the ledger
campaigns-ledger-hazard = the ledger's hazard
campaigns-issue-key-in-ledger-help = remove `{ $key }:` here: the ledger is the one record of it
campaigns-evidence-missing-help = put the file in { $folder }/ or correct the path (relative to the campaign's folder, with `/`)
campaigns-not-a-url = `{ $url }` is not a web address
campaigns-not-a-url-label = not http:// or https://
campaigns-not-a-url-help = use `url:` for http(s) links and `file:` for files in the campaign's folder
