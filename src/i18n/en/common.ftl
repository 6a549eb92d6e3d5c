# Messages every part of safeduty uses: the summary of a check, the names of severities,
# suggestions, and the names of the kinds of things in the content.

summary-clean = no problems found
summary-counts = { $errors } error(s), { $warnings } warning(s)
level-error = error
level-warning = warning
level-help = help
level-note = note
did-you-mean = did you mean `{ $name }`?

# The kinds of things findings speak of; diagnostic::noun turns "institution file" into the
# id noun-institution-file. English builds plurals and articles from these by rule.
noun-campaign = campaign
noun-campaign-file = campaign file
noun-category = category
noun-category-file = category file
noun-checklist-item = checklist item
noun-department = department
noun-goal-item = goal item
noun-hazard = hazard
noun-inspection = inspection
noun-institution = institution
noun-institution-file = institution file
noun-issue = issue
noun-major-hazard-source = major hazard source
noun-page = page
noun-page-front-matter = page front matter
noun-participant = participant
noun-pdf-style = PDF style (pdf/style.yaml)
noun-person = person
noun-phase = phase
noun-post = post
noun-post-file = post file
noun-progress-file = progress file
noun-risk = risk
noun-signing-file = signing file
noun-site-config = site config (safeduty.yaml)
noun-task = task
