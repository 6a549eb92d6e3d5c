# load：读取内容文件（YAML、页面、表格、文件编码）。

## YAML（src/load/yaml.rs）
yaml-tab = YAML 语法错误：用制表符（Tab）缩进
yaml-tab-label = 制表符
yaml-tab-help = YAML 只能用空格缩进，不能用制表符：把这个制表符换成空格
yaml-full-width-colon = YAML 语法错误：键 `{ $key }` 后面是全角冒号 `：`，YAML 要求用半角冒号 `:`，并在冒号后加一个空格
yaml-full-width-colon-label = 全角冒号
yaml-full-width-colon-help = 把 `：` 改为半角冒号 `:` 加一个空格，即 `{ $fixed }`（切换到英文输入法输入冒号）
yaml-unknown-key = { $what }中有未知的键 `{ $field }`
yaml-unknown-key-label = 未知的键
yaml-unknown-key-help = { $what }可用的键有：{ $keys }
yaml-missing-key = { $what }缺少键 `{ $field }`
yaml-missing-key-label = 这里没有 `{ $field }`
yaml-missing-key-help = 在这里加一行 `{ $field }: …`
yaml-unknown-value = 未知的取值 `{ $value }`
yaml-unknown-value-label = 不是允许的取值
yaml-unknown-value-help = 允许的取值：{ $values }
yaml-wrong-type = 类型不对：这里应为{ $expected }，实际是{ $found }
yaml-wrong-scalar = 类型不对：这里应为{ $expected }，实际是 `{ $found }`
yaml-wrong-kind = 类型不对：这里应为{ $expected }
yaml-wrong-type-label = 应为{ $expected }
yaml-want-mapping = 映射（若干 `键: 值` 行）
yaml-want-list = 列表（以 `- ` 开头的行）
yaml-want-text = 文字（以 [ {"{"} * & ! | > ' " % @ 或 ` 开头时要加引号）
yaml-want-count = 非负整数（0 或更大）
yaml-want-count-help = 只写数字，如 `120`
yaml-want-integer = 整数
yaml-want-integer-help = 只写数字，如 `3` 或 `-1`
yaml-want-bool = `true` 或 `false`
yaml-want-bool-help = 写 `true` 或 `false`（不要写“是/否”或 yes/no）
yaml-want-number = 数字
yaml-want-other = 另一种取值
yaml-want-other-help = 见 docs/content.md 的“Content reference”一节
yaml-want-variant = 允许的取值之一
yaml-want-item = 岗位类别某条职责开头的文字
yaml-want-date = 日期，格式为 `YYYY-MM-DD`
yaml-found-text = 文字 { $value }
yaml-found-integer = 整数 { $value }
yaml-found-number = 小数 { $value }
yaml-found-bool = 布尔值 { $value }
yaml-found-list = 列表（以 `- ` 开头的行）
yaml-found-mapping = 若干 `键: 值` 行
yaml-found-nothing = 空值
yaml-duplicate-key = 键 `{ $key }` 在同一层级中出现了两次
yaml-duplicate-key-label = 第二次出现
yaml-duplicate-key-help = 两行只保留一行
yaml-no-value = 类型不对：这里应为文字，但没有填写
yaml-no-value-label = 冒号后没有值
yaml-no-value-help = 在冒号后写上文字，或删除这一行
yaml-documents = { $what }中有不止一个 YAML 文档
yaml-documents-label = 第二个文档从这里开始
yaml-documents-help = 单独一行 `---` 表示开始一个新文档：删除这一行，并把其后的内容移到它应在的文件中
yaml-not-finite = 类型不对：这里应为数字，实际是无穷大或 NaN
yaml-not-finite-label = 不是数字
yaml-not-finite-help = 写一个数字，如 `1.5`
yaml-empty = { $what }是空的
yaml-empty-label = 这里没有内容
yaml-empty-help = 这个文件应写什么，见 docs/content.md 的“Content reference”一节
yaml-syntax = YAML 语法错误：{ $message }
yaml-syntax-help = 检查缩进（用空格，不用制表符）、键后面的冒号（半角 `:` 加空格），以及引号和括号是否成对
yaml-parser-simple-key = 这一行既不是 `键: 值`，也不是列表项（键后面是否缺少冒号？）
yaml-parser-expected-key = 这里应是一个键：检查这一行和上一行的缩进
yaml-parser-mapping-values = 这里不能出现 `键: 值`：检查缩进，或给含有 `: ` 的值加引号
yaml-parser-unclosed-quote = 引号没有闭合
yaml-parser-end-of-stream = 文件在一个值的中间结束了：有引号或括号没有闭合
yaml-parser-indentation = 缩进不对

## 文件编码与不可见字符（src/load/text.rs）
text-utf16 = 文件是按 { $encoding } 编码保存的，不是 UTF-8
text-utf16-le = UTF-16（小端）
text-utf16-be = UTF-16（大端）
text-utf16-label = 字节顺序标记（BOM）
text-gbk = 文件是按 GBK（GB18030）编码保存的，不是 UTF-8；WPS、记事本等中文 Windows 编辑器默认用这种编码保存
text-not-utf8 = 文件不是 UTF-8 编码的文本
text-not-utf8-label = 从这里开始不是 UTF-8 编码
text-encoding-help = 请把文件另存为 UTF-8 编码：在 WPS 或记事本中选“文件 → 另存为”，“编码”选 UTF-8；在 VS Code 中点状态栏上的编码名称，选“通过编码保存”→ UTF-8；也可以运行 `iconv -f GB18030 -t UTF-8 FILE > NEW`
text-here = 在这里
text-unprintable = 文件中有不可见字符 { $code }
text-unprintable-help = 请删除它：名称和正文只能含可打印的字符（制表符和换行可以）
text-carriage-return = 文件中有一个不在行尾的回车符（CR）
text-carriage-return-help = 用 Windows（CRLF）或 Unix（LF）换行方式重新保存文件，例如在 VS Code 中点状态栏里的 CRLF/LF
text-escape = 这里的 YAML 转义序列会生成不可见字符 { $code }

## 页面（src/load/page.rs）
page-no-front-matter = 页面开头缺少前置元数据（两行 `---` 之间的 `title:` 等设置）
page-no-front-matter-label = 第一行应为 `---`
page-no-front-matter-help = 页面应这样开头：
    ---
    title: 页面标题
    ---
    然后是 Markdown 正文
page-front-matter-open = 前置元数据没有结束（缺少第二行 `---`）
page-front-matter-open-label = 从这里开始
page-front-matter-open-help = 在前置元数据的最后一个键之后加一行 `---`

## 文件位置（src/load/layout.rs、src/load/mod.rs）
layout-empty = 文件是空的
layout-empty-label = 这里没有内容
layout-empty-help = 保存成空文件会丢失原有内容：请从 git 恢复（`git checkout -- FILE`）或删除该文件；有意为空的列表请写 `[]`
layout-unknown-file-case = safeduty 无法识别这个 YAML 文件：文件名和文件夹名应为小写
layout-unknown-file-case-help = 将它重命名为 `{ $lower }`
layout-unknown-file = safeduty 无法识别这个 YAML 文件
layout-unknown-file-label = 不在内容目录结构之中
layout-unknown-file-help = YAML 文件只能放在这些位置：safeduty.yaml、categories/<id>.yaml、institutions/<id>/institution.yaml、institutions/<id>/departments.yaml、institutions/<id>/people.yaml、institutions/<id>/signing.yaml、institutions/<id>/posts/<id>.yaml、institutions/<id>/records/<kind>.yaml（或 records/<kind>/*.yaml，<kind> 为 hazards、checklist、inspections 或 major-sources；也可以是 .csv 或 .xlsx），campaigns/<id>/campaign.yaml、campaigns/<id>/progress.yaml 或 campaigns/<id>/issues.yaml
load-no-institutions = 内容文件夹 `{ $folder }` 中没有任何单位
load-no-institutions-help = 每个单位是一个文件夹 institutions/<id>/，其中有 institution.yaml；请确认这是内容文件夹，或用 `safeduty init` 新建一个
load-cannot-read = 无法读取：{ $error }

## 表格（src/load/sheet.rs）
sheet-row-lacks = 这一行没有 `{ $key }`
sheet-row-lacks-help = 在这一行、表头为 `{ $key }` 的那一列填上内容（没有这一列就加上这一列）
sheet-cell = 单元格 { $cell }
sheet-cell-after = { $label }（单元格 { $cell }）
sheet-format = 记录只能从 .xlsx 工作簿和 CSV 文件读取，不支持这种格式
sheet-format-help = 用 Excel 或 WPS 打开，另存为「Excel 工作簿 (*.xlsx)」（文件 → 另存为）
sheet-unknown-column = { $what }表格中有未知的列 `{ $column }`
sheet-unknown-column-label = 未知的键（单元格 { $cell }）
sheet-unknown-column-help = 第一行是{ $what }的各个键，可用的有：{ $keys }
sheet-also-unknown = 同样未知（单元格 { $cell }）
sheet-no-header = 单元格 { $cell } 所在的列没有表头，却填了内容
sheet-no-header-label = 这个值上方没有键
sheet-no-header-help = 在这一列的第一行写上它对应的键（如 `deadline`），或清空这一列
sheet-unprintable = 单元格 { $cell } 中有不可见字符 { $code }
sheet-unprintable-help = 请删除它：名称和正文只能含可打印的字符
sheet-csv-encoding = 这个 CSV 文件既不是 UTF-8 编码，也不是 GBK 编码
sheet-csv-encoding-help = 用 Excel 或 WPS 重新另存为「CSV UTF-8（逗号分隔）」，或另存为 .xlsx
sheet-csv-unreadable = 无法读取这个 CSV 文件：{ $error }
sheet-table-format = 它不是 .xlsx 工作簿，也不是 CSV 文件
sheet-table-problem = { $message }；{ $help }
sheet-table-unreadable = 无法读取 { $path }：{ $why }
sheet-xlsx-unreadable = 无法读取这个 .xlsx 工作簿：{ $error }
sheet-xlsx-unreadable-help = 用 Excel 或 WPS 打开，重新另存为 .xlsx 工作簿（Excel 2007 或更高版本的格式）
sheet-excel-error = 单元格 { $cell } 中是 Excel 错误值 { $error }
sheet-excel-error-help = 改正公式，或直接填写数值
