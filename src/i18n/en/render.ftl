# render: making the site and the PDFs, the theme, the output folder (src/render, src/write.rs),
# and the content folder's boundary (src/fence.rs).

## The content boundary (src/fence.rs)
fence-refused = `{ $name }` { $reason }
fence-outside = is a link to `{ $target }`, outside the content folder
fence-hidden = is a link to `{ $target }`, a hidden file that is not content
fence-dangling = is a link to `{ $target }`, which does not exist
fence-loop = is a link that leads back to a folder containing it
fence-special = is a { $kind ->
        [fifo] FIFO (named pipe)
        [socket] socket
        [device] device
       *[special] special file
    }, not a file
fence-climbs = leaves its folder (an absolute path, or `..`)
fence-missing = does not exist
fence-io = cannot be read: { $error }
fence-not-a-file = it is a { $kind ->
        [fifo] FIFO (named pipe)
        [socket] socket
        [device] device
        [folder] folder
       *[special] special file
    }, not a file
fence-outside-help = a build reads only inside the content folder: copy the file into it instead of linking to it
fence-link-help = remove the link, or point it at a file inside the content folder
fence-special-help = remove it: the content folder holds only files and folders
fence-climbs-help = write the path relative to its folder, with `/` and without `..`
fence-missing-help = check the spelling, and that the file is committed
fence-io-help = check the file's permissions

## What check learns by preparing a build (src/render/preflight.rs)
preflight-templates-compiled = the theme's own site templates were compiled, not rendered: `build` names a template that fails to render
preflight-no-pdf = PDFs cannot be made: { $reason }
preflight-no-pdf-label = these fonts
preflight-no-pdf-help = install Debian's fonts-noto-cjk, put a font file in the theme's pdf/fonts/ folder, or name an installed font here
preflight-glyphs-unchecked = the characters of printed documents were not checked: no font to check them against
preflight-template-syntax = the theme's template `{ $template }` does not compile
preflight-template-error = the theme's template `{ $template }`: { $error }
preflight-template-help = a template can also extend the built-in one and replace a block: {"{"}% extends "default/post.html" %{"}"}
preflight-here = here
preflight-unbreakable = "{ $text }" ({ $count } characters, in { $file }) has no place to break and is wider than a printed line: it is cut where it reaches the margin
preflight-unbreakable-label = this text
preflight-unbreakable-help = put spaces or punctuation in it where it may break, or shorten it (a long address can go on a page of the site and be named here)
preflight-missing-glyph = the character { $char } ({ $code }) is not in the font { $font }: it would print as an empty box
preflight-missing-glyph-help = name a font that has it in the theme's pdf/style.yaml (fonts), or put one in the theme's pdf/fonts/ folder
preflight-broken-link = the link `{ $link }` leads to `{ $path }`, which the site does not have
preflight-broken-link-label = this link
preflight-broken-link-help = links are relative to the page's place on the site (pages/…): e.g. `../institutions/<id>/index.html`, `other-page.html`, `../index.html`

## The PDF style (src/render/pdf/style.rs)
style-invalid = theme pdf/style.yaml: { $problems }
style-separator = ;{" "}
style-here = here
style-unprintable = `{ $key }: { $value }` cannot be printed
style-unprintable-help = write a number of { $unit ->
        [points] points
       *[millimetres] millimetres
    } from 0 to { $max }
style-range = `{ $key }: { $value }` is out of range
style-range-help = write a whole number from { $least } to 80
style-too-tall = the type area runs off the foot of the page
style-too-tall-help = margin.top + type_area.height must not exceed page.height
style-too-wide = the type area runs off the side of the page
style-too-wide-help = margin.left + type_area.width must not exceed page.width
style-lines-overlap = lines would overlap: the type area is too low for so many lines of this size
style-lines-overlap-help = use fewer lines, a taller type area, or a smaller sizes.body
style-chars-overlap = characters would overlap: the type area is too narrow for so many characters of this size
style-chars-overlap-help = use fewer characters per line, a wider type area, or a smaller sizes.body
style-no-font = `fonts.{ $key }` names no font
style-no-font-help = name at least one font family

## The theme (src/render/theme.rs)
theme-folder-outside = theme folder `{ $folder }` leaves the content folder; name a folder inside it, e.g. `theme`
theme-refused = { $name } { $reason }; { $help }
theme-template-not-utf8 = { $name }: template is not UTF-8
theme-not-utf8 = { $name }: not UTF-8 text
theme-template-error = theme template error: { $error }

## Printing (src/render/pdf)
pdf-glyph-line = { $char } ({ $code }) in { $place }: not in the font { $font }
pdf-glyphs = { $count } character(s) cannot be printed:
    { $lines }
    help: name a font that has them in the theme's pdf/style.yaml (fonts), or put one in the theme's pdf/fonts/ folder
pdf-in-templates = the theme's pdf templates
pdf-in-person = the name of { $name } ({ $file })
pdf-in-post = post { $name } ({ $file })
pdf-in-institution = { $name } ({ $file })
pdf-in-doc-number = the doc_number of { $name } ({ $file })
font-not-opentype = font { $spec }: cannot be read as OpenType
font-none = no font for { $role } text: none of { $families } is installed. Install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk), put a font file in the theme's pdf/fonts/ folder, or name an installed font under `fonts.{ $role }` in the theme's pdf/style.yaml
font-problem = font { $name }: { $problem }
font-unreadable = cannot be read
font-no-subset = cannot be subset: { $error }
font-subset-unreadable = its subset cannot be read

## Building: output paths, the output folder, the site (src/render/context.rs, src/write.rs, src/render/site)
context-same-path = two outputs of this build have the same path `{ $path }`; rename one of the ids that make it
write-refused = refusing to write the output to `{ $out }`: { $why }; { $help }
write-name-it = name a folder of its own, e.g. `--out output`
write-not-a-folder-name = it is not a folder name
write-overlaps-content = it overlaps the content folder `{ $folder }`
write-current-folder = it is or contains the current folder
write-work-tree = it is or contains the git work tree `{ $folder }`
write-home = it is or contains the home folder
write-symlink = it is a symbolic link
write-symlink-help = name the folder it points to with --out
write-file = it is a file
write-not-ours = the folder exists and was not made by safeduty (it has no { $marker } file)
write-not-ours-help = name another folder, or empty or remove this one yourself if nothing in it is needed
write-in-the-way = `{ $path }` is in the way of the build and was not made by safeduty; move it elsewhere
write-nul = a path with a NUL character
site-broken-links = { $count } broken internal link(s) (page: link, the first page for each); check the theme's templates:
    { $links }
site-search-missing = search index: pagefind wrote no { $path }
search-error = search index: { $error }
search-runtime = search index: cannot start its runtime: { $error }
cards-no-post = letter { $letter }: no post
document-template = template { $name }: { $error }
workbook-error = workbook of { $institution }: { $error }
page-template = template { $template } for { $path }: { $error }
pdf-deflate = pdf: deflate failed: { $error }
pdf-no-text = no text for { $file }
pdf-no-characters = the characters { $file } prints were not noted
