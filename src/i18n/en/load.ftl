# load: reading the content's files (YAML, pages, spreadsheets, encodings).

## YAML (src/load/yaml.rs)
yaml-tab = YAML syntax error: tab character used for indentation
yaml-tab-label = tab
yaml-tab-help = YAML indents with spaces, not tabs: replace the tab with spaces
yaml-full-width-colon = YAML syntax error: the key `{ $key }` ends with a full-width colon `：`; YAML needs the ASCII colon `:` followed by a space
yaml-full-width-colon-label = full-width colon
yaml-full-width-colon-help = replace `：` with `:` and a space: `{ $fixed }`
yaml-unknown-key = unknown key `{ $field }` in { $what }
yaml-unknown-key-label = unknown key
yaml-unknown-key-help = the keys of { $what } are: { $keys }
yaml-missing-key = missing key `{ $field }` in { $what }
yaml-missing-key-label = this mapping has no `{ $field }`
yaml-missing-key-help = add a line `{ $field }: …` here
yaml-unknown-value = unknown value `{ $value }`
yaml-unknown-value-label = not one of the allowed values
yaml-unknown-value-help = allowed values: { $values }
yaml-wrong-type = wrong type: expected { $expected }, found { $found }
yaml-wrong-scalar = wrong type: expected { $expected }, found `{ $found }`
yaml-wrong-kind = wrong type: expected { $expected }
yaml-wrong-type-label = expected { $expected }
yaml-want-mapping = a mapping (`key: value` lines)
yaml-want-list = a list (lines starting with `- `)
yaml-want-text = text (quote it if it starts with [ {"{"} * & ! | > ' " % @ or `)
yaml-want-count = a whole number (0 or more)
yaml-want-count-help = write digits only, e.g. `120`
yaml-want-integer = a whole number
yaml-want-integer-help = write digits only, e.g. `3` or `-1`
yaml-want-bool = true or false
yaml-want-bool-help = write `true` or `false` (not 是/否, yes/no)
yaml-want-number = a number
yaml-want-other = a different kind of value
yaml-want-other-help = see docs/content.md, "Content reference"
yaml-want-variant = one of the allowed values
yaml-want-item = the beginning of a category item's text
yaml-want-date = a date written YYYY-MM-DD
yaml-found-text = string { $value }
yaml-found-integer = integer { $value }
yaml-found-number = floating point { $value }
yaml-found-bool = boolean { $value }
yaml-found-list = sequence
yaml-found-mapping = map
yaml-found-nothing = nothing
yaml-duplicate-key = key `{ $key }` appears twice in one mapping
yaml-duplicate-key-label = second occurrence
yaml-duplicate-key-help = keep one of the two lines
yaml-no-value = wrong type: expected text, found nothing
yaml-no-value-label = no value after the colon
yaml-no-value-help = write the text after the colon, or delete the line
yaml-documents = the { $what } holds more than one YAML document
yaml-documents-label = a second document starts here
yaml-documents-help = a line `---` starts a new document: delete it, and move what follows to the file it belongs in
yaml-not-finite = wrong type: expected a number, found infinity or NaN
yaml-not-finite-label = not a number
yaml-not-finite-help = write a number such as `1.5`
yaml-empty = the { $what } is empty
yaml-empty-label = nothing here
yaml-empty-help = see docs/content.md, "Content reference", for what this file holds
yaml-syntax = YAML syntax error: { $message }
yaml-syntax-help = check indentation (spaces, not tabs), colons after keys, and closing quotes and brackets
yaml-parser-simple-key = a line that is neither `key: value` nor a list item (is the colon after the key missing?)
yaml-parser-expected-key = a key was expected here: check the indentation of this line and the one above
yaml-parser-mapping-values = a `key: value` where none can be: check the indentation, or quote a value that holds `: `
yaml-parser-unclosed-quote = a quote that is not closed
yaml-parser-end-of-stream = the file ends in the middle of a value: a quote or bracket is not closed
yaml-parser-indentation = wrong indentation

## Encodings and invisible characters (src/load/text.rs)
text-utf16 = the file is saved as { $encoding }, not UTF-8
text-utf16-le = UTF-16 (little-endian)
text-utf16-be = UTF-16 (big-endian)
text-utf16-label = byte order mark
text-gbk = the file is saved in GBK (GB18030), the default of Chinese Windows editors, not UTF-8
text-not-utf8 = the file is not UTF-8 text
text-not-utf8-label = first byte that is not UTF-8
text-encoding-help = save it as UTF-8: in WPS or Notepad 文件 → 另存为 → 编码 选 UTF-8; in VS Code click the encoding in the status bar → Save with Encoding → UTF-8; or run `iconv -f GB18030 -t UTF-8 FILE > NEW`
text-here = here
text-unprintable = the file holds the invisible character { $code }
text-unprintable-help = delete it: names and texts hold printable characters only (a tab or a line break is fine)
text-carriage-return = the file has a carriage return that does not end a line
text-carriage-return-help = save the file with Windows (CRLF) or Unix (LF) line endings, e.g. in VS Code: click CRLF/LF in the status bar
text-escape = a YAML escape here makes the invisible character { $code }

## Pages (src/load/page.rs)
page-no-front-matter = page has no front matter
page-no-front-matter-label = expected `---` on the first line
page-no-front-matter-help = start the page with
    ---
    title: 页面标题
    ---
    and then the Markdown text
page-front-matter-open = front matter is not closed
page-front-matter-open-label = opened here
page-front-matter-open-help = add a line `---` after the last front-matter key

## Where files sit (src/load/layout.rs, src/load/mod.rs)
layout-empty = the file is empty
layout-empty-label = nothing here
layout-empty-help = a file saved empty loses what it held: restore it from git (`git checkout -- FILE`) or delete it; write `[]` for a list that is empty on purpose
layout-unknown-file-case = safeduty does not know what this YAML file is: file and folder names are lower-case
layout-unknown-file-case-help = rename it to `{ $lower }`
layout-unknown-file = safeduty does not know what this YAML file is
layout-unknown-file-label = not part of the content layout
layout-unknown-file-help = YAML files belong in: safeduty.yaml, categories/<id>.yaml, institutions/<id>/institution.yaml, institutions/<id>/departments.yaml, institutions/<id>/people.yaml, institutions/<id>/signing.yaml, institutions/<id>/posts/<id>.yaml, institutions/<id>/records/<kind>.yaml (or records/<kind>/*.yaml, where <kind> is hazards, checklist, inspections or major-sources; also .csv or .xlsx), campaigns/<id>/campaign.yaml, campaigns/<id>/progress.yaml or campaigns/<id>/issues.yaml
load-no-institutions = the content folder `{ $folder }` has no institutions
load-no-institutions-help = an institution is a folder institutions/<id>/ with an institution.yaml; check that this is the content folder, or start one with `safeduty init`
load-cannot-read = cannot read: { $error }

## Spreadsheets (src/load/sheet.rs)
sheet-row-lacks = this row has no `{ $key }`
sheet-row-lacks-help = fill in the row's cell in the column headed `{ $key }` (add the column if there is none)
sheet-cell = cell { $cell }
sheet-cell-after = { $label } (cell { $cell })
sheet-format = records are read from .xlsx workbooks and CSV files, not from this format
sheet-format-help = open it in Excel or WPS and save it as 「Excel 工作簿 (*.xlsx)」 (文件 → 另存为)
sheet-unknown-column = unknown column `{ $column }` in a sheet of { $what }
sheet-unknown-column-label = unknown key (cell { $cell })
sheet-unknown-column-help = the first row names the keys of { $what }; they are: { $keys }
sheet-also-unknown = also unknown (cell { $cell })
sheet-no-header = cell { $cell } holds a value in a column without a header
sheet-no-header-label = no key above this value
sheet-no-header-help = write the key this column holds (e.g. `deadline`) in its first row, or empty the column
sheet-unprintable = cell { $cell } holds the invisible character { $code }
sheet-unprintable-help = delete it: names and texts hold printable characters only
sheet-csv-encoding = the CSV file is neither UTF-8 nor GBK text
sheet-csv-encoding-help = save it again from Excel or WPS as 「CSV UTF-8（逗号分隔）」, or as .xlsx
sheet-csv-unreadable = cannot read the CSV: { $error }
sheet-table-format = it is not an .xlsx workbook or a CSV file
sheet-table-problem = { $message }; { $help }
sheet-table-unreadable = cannot read { $path }: { $why }
sheet-xlsx-unreadable = cannot read the .xlsx workbook: { $error }
sheet-xlsx-unreadable-help = open it in Excel or WPS and save it again as an .xlsx workbook (Excel 2007 or later)
sheet-excel-error = cell { $cell } holds the Excel error { $error }
sheet-excel-error-help = correct the formula, or write the value itself
