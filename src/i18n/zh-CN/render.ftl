# render：生成网站和 PDF、主题、输出文件夹（src/render、src/write.rs），以及内容文件夹的边界（src/fence.rs）。

## 内容文件夹的边界（src/fence.rs）
fence-refused = `{ $name }` { $reason }
fence-outside = 是指向 `{ $target }` 的链接，目标在内容文件夹之外
fence-hidden = 是指向 `{ $target }` 的链接，那是隐藏文件，不属于内容
fence-dangling = 是指向 `{ $target }` 的链接，但目标不存在
fence-loop = 是一个链接，它又指回包含它的文件夹（循环链接）
fence-special = 是{ $kind ->
        [fifo] 命名管道（FIFO）
        [socket] 套接字
        [device] 设备文件
       *[special] 特殊文件
    }，不是普通文件
fence-climbs = 超出了所在文件夹（是绝对路径或含有 `..`）
fence-missing = 不存在
fence-io = 无法读取：{ $error }
fence-not-a-file = 它是{ $kind ->
        [fifo] 命名管道（FIFO）
        [socket] 套接字
        [device] 设备文件
        [folder] 文件夹
       *[special] 特殊文件
    }，不是普通文件
fence-outside-help = 生成时只读取内容文件夹之内的文件：请把文件复制进来，不要用链接
fence-link-help = 删除这个链接，或让它指向内容文件夹中的某个文件
fence-special-help = 请删除它：内容文件夹中只能有普通文件和文件夹
fence-climbs-help = 路径要相对于所在文件夹来写，用 `/` 分隔，不能含 `..`
fence-missing-help = 检查拼写，并确认该文件已提交到 git
fence-io-help = 检查该文件的访问权限

## 检查时预先准备生成（src/render/preflight.rs）
preflight-templates-compiled = 主题自带的网站模板只做了编译，没有试渲染：若某个模板渲染失败，`build` 会指出是哪个模板
preflight-no-pdf = 无法生成 PDF：{ $reason }
preflight-no-pdf-label = 这些字体
preflight-no-pdf-help = 安装 Debian 的 fonts-noto-cjk 字体包，或把字体文件放进主题的 pdf/fonts/ 文件夹，或在这里写一个已安装的字体
preflight-glyphs-unchecked = 没有检查打印文件中的字符：没有可供对照的字体
preflight-template-syntax = 主题模板 `{ $template }` 编译不通过
preflight-template-error = 主题模板 `{ $template }` 出错：{ $error }
preflight-template-help = 模板也可以继承内置模板，只替换其中一个块：{"{"}% extends "default/post.html" %{"}"}
preflight-here = 在这里
preflight-unbreakable = “{ $text }”（{ $count } 个字符，在 { $file } 中）中间没有可以换行的地方，又比打印的一行宽：超出页边距的部分会被截掉
preflight-unbreakable-label = 这段文字
preflight-unbreakable-help = 在可以断开的地方加上空格或标点，或者缩短它（很长的地址可以放到网站的一个页面上，在这里只写页面名称）
preflight-missing-glyph = 字体 { $font } 中没有字符 { $char }（{ $code }）：打印出来会是一个空方框
preflight-missing-glyph-help = 在主题的 pdf/style.yaml（fonts）中写一个含有该字符的字体，或把这样的字体放进主题的 pdf/fonts/ 文件夹
preflight-broken-link = 链接 `{ $link }` 指向 `{ $path }`，网站中没有这个页面
preflight-broken-link-label = 这个链接
preflight-broken-link-help = 链接是相对于该页面在网站中的位置（pages/…）来写的，例如 `../institutions/<id>/index.html`、`other-page.html`、`../index.html`

## PDF 样式（src/render/pdf/style.rs）
style-invalid = 主题的 pdf/style.yaml：{ $problems }
style-separator = ；
style-here = 在这里
style-unprintable = `{ $key }: { $value }` 无法打印
style-unprintable-help = 写一个 0 到 { $max } 之间的数，单位为{ $unit ->
        [points] 磅
       *[millimetres] 毫米
    }
style-range = `{ $key }: { $value }` 超出了范围
style-range-help = 写一个 { $least } 到 80 之间的整数
style-too-tall = 版心超出了页面下边
style-too-tall-help = margin.top + type_area.height 不能大于 page.height
style-too-wide = 版心超出了页面右边
style-too-wide-help = margin.left + type_area.width 不能大于 page.width
style-lines-overlap = 行会重叠：按这个字号，版心的高度放不下这么多行
style-lines-overlap-help = 减少行数、加大版心高度，或减小 sizes.body
style-chars-overlap = 字会重叠：按这个字号，版心的宽度放不下这么多字
style-chars-overlap-help = 减少每行字数、加大版心宽度，或减小 sizes.body
style-no-font = `fonts.{ $key }` 没有写任何字体
style-no-font-help = 至少写一个字体名称

## 主题（src/render/theme.rs）
theme-folder-outside = 主题文件夹 `{ $folder }` 超出了内容文件夹；请写内容文件夹之内的一个文件夹，如 `theme`
theme-refused = { $name } { $reason }；{ $help }
theme-template-not-utf8 = { $name }：模板不是 UTF-8 编码
theme-not-utf8 = { $name }：不是 UTF-8 编码的文本
theme-template-error = 主题模板错误：{ $error }

## 打印（src/render/pdf）
pdf-glyph-line = { $char }（{ $code }），在{ $place }中：字体 { $font } 中没有这个字符
pdf-glyphs = 有 { $count } 个字符无法打印：
    { $lines }
    提示：在主题的 pdf/style.yaml（fonts）中写一个含有这些字符的字体，或把这样的字体放进主题的 pdf/fonts/ 文件夹
pdf-in-templates = 主题的 PDF 模板
pdf-in-person = 人员 { $name } 的姓名（{ $file }）
pdf-in-post = 岗位 { $name }（{ $file }）
pdf-in-institution = 单位名称 { $name }（{ $file }）
pdf-in-doc-number = { $name } 的 doc_number（{ $file }）
font-not-opentype = 字体 { $spec }：无法作为 OpenType 字体读取
font-none = 没有可用于{ $role ->
        [body] 正文
        [heading] 小标题
       *[title] 大标题
    }的字体：所列字体 { $families } 均未安装。请安装 Debian 的 fonts-noto-cjk（apt-get install fonts-noto-cjk），或把字体文件放进主题的 pdf/fonts/ 文件夹，或在主题的 pdf/style.yaml 中 `fonts.{ $role }` 下写一个已安装的字体
font-problem = 字体 { $name }：{ $problem }
font-unreadable = 无法读取
font-no-subset = 无法提取子集：{ $error }
font-subset-unreadable = 提取出的子集无法读取

## 生成：输出路径、输出文件夹、网站（src/render/context.rs、src/write.rs、src/render/site）
context-same-path = 本次生成的两个输出文件路径相同：`{ $path }`；请把生成它们的 id 之一改名
write-refused = 拒绝把输出写到 `{ $out }`：{ $why }；{ $help }
write-name-it = 请另指定一个专用的文件夹，如 `--out output`
write-not-a-folder-name = 它不是一个文件夹名
write-overlaps-content = 它与内容文件夹 `{ $folder }` 重叠
write-current-folder = 它就是当前文件夹，或包含当前文件夹
write-work-tree = 它就是 git 工作区 `{ $folder }`，或包含该工作区
write-home = 它就是用户主文件夹，或包含主文件夹
write-symlink = 它是一个符号链接
write-symlink-help = 用 --out 直接指定它所指向的文件夹
write-file = 它是一个文件
write-not-ours = 该文件夹已存在，且不是 safeduty 生成的（其中没有 { $marker } 文件）
write-not-ours-help = 请另指定一个文件夹，或在确认其中内容都不需要后，自行清空或删除这个文件夹
write-in-the-way = `{ $path }` 妨碍了生成，且不是 safeduty 生成的；请把它移到别处
write-nul = 路径中含有 NUL 字符
site-broken-links = 有 { $count } 个失效的站内链接（页面: 链接，每个链接只列出第一个页面）；请检查主题的模板：
    { $links }
site-search-missing = 检索索引：pagefind 没有生成 { $path }
search-error = 检索索引：{ $error }
search-runtime = 检索索引：无法启动其运行环境：{ $error }
cards-no-post = 责任书 { $letter }：找不到岗位
document-template = 模板 { $name }：{ $error }
workbook-error = { $institution } 的工作簿：{ $error }
page-template = 模板 { $template }（用于 { $path }）：{ $error }
pdf-deflate = PDF：压缩失败：{ $error }
pdf-no-text = { $file } 没有文字内容
pdf-no-characters = 未记录 { $file } 所印的字符
