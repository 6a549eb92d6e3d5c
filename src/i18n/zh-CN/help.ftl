# 命令行帮助（--help）：每个命令、参数和选项。

help-about = 全员安全生产责任制的岗位责任清单、安全生产责任书和内网网站。
help-examples =
    示例：
      safeduty check                      检查 ./content 中的内容
      safeduty check 我的单位 --format json
      safeduty build                      把 ./content 生成到 ./output
      safeduty build content --out /srv/www/safety
      safeduty serve --port 9000          在 http://127.0.0.1:9000/ 本机预览，修改后自动刷新
      safeduty init 我的单位              新建内容目录
      safeduty changes --since 2024-01-01 职责有变动的岗位，须重新签订的责任书
      safeduty verify 7QK2-M9XD           纸质文件上的校验码对应哪份文件的哪个版本
      safeduty sign 7QK2-M9XD --date 2023-01-05   登记已在纸上签订的责任书
      safeduty import 花名册.xlsx --institution wsq-hospital   人员新增、离开、变动（加 --write 写入）
      safeduty synth --institutions 100 --employees 10000 /tmp/big
      safeduty check --warn post-without-scope --deny post-without-holder
help-lang = 提示信息的语言：zh（中文）或 en（英文）[默认：环境变量 SAFEDUTY_LANG，否则按系统语言]
help-dir = 内容目录
help-as-of-check = 按这一天判断逾期（隐患）和漏查（排查），代替 safeduty.yaml 中的 `as_of`
help-as-of = 按这一天计算专项行动进度，代替 safeduty.yaml 中的 `as_of`
help-timings = 显示各阶段用时
help-warn = 把这一检查项作为警告报告（可重复）。检查项见 docs/checks.md
help-deny = 把这一检查项作为错误报告（可重复）
help-allow = 不报告这一检查项（可重复）
help-deny-warnings = 把所有警告都作为错误

help-check = 检查内容，报告每个问题所在的文件、行和列
help-check-after =
    没有错误时退出码为 0，否则为 1。

    示例：
      safeduty check
      safeduty check content --format json
      safeduty check --deny-warnings
      safeduty check --allow post-without-holder

help-build = 检查内容，并把全部产品生成到输出目录
help-build-after =
    只有生成成功时才替换输出目录。使用 --only 或 --institution 时只生成所选部分，默认输出到 output/print/（可用 --out 指定），output/ 中的网站保持不变。

    示例：
      safeduty build
      safeduty build content --out public
      safeduty build --only letters --institution wsq-tuke
      safeduty build --only cards,letters
      safeduty build --as-of 2017-06-30        按该日计算专项行动进度
help-out = 输出目录 [默认：output；使用 --only 或 --institution 时为 output/print]
help-only = 只生成这些部分（可重复，或用逗号分隔）
help-institutions = 只为这些单位打印文件（单位 id；可重复，或用逗号分隔）

help-serve = 在 127.0.0.1 本机预览网站，每次修改后重新生成并刷新浏览器
help-serve-after =
    内容中的错误显示在页面顶部，仍显示最后一次成功生成的页面。

    示例：
      safeduty serve
      safeduty serve 我的单位 --port 9000
help-port = 127.0.0.1 上的端口（0 表示任选一个空闲端口）
help-serve-timings = 显示每次重新生成时各阶段的用时

help-changes = 列出自某次提交或某日以来职责有变动的岗位，以及须重新签订的文件
help-changes-after =
    把内容目录的当前状态（无论是否已提交）与 git 中 REV（提交编号、分支、标签、HEAD~N）或 DATE（YYYY-MM-DD）当天或之前最后一次提交的版本比较。默认为 HEAD，即尚未提交的修改。

    示例：
      safeduty changes --since 2024-01-01
      safeduty changes content --since v2023 --format json
help-changes-dir = 内容目录（须在 git 仓库中）
help-since = 用来比较的提交、分支、标签或日期（YYYY-MM-DD）

help-verify = 查询纸质文件上的校验码属于哪份文件（责任清单、责任书、小结或通知单）的哪个版本
help-verify-after =
    校验码可带或不带短横线，大小写均可。找到校验码（现行或已过时）时退出码为 0，任何文件的任何版本都没有这个校验码时为 1。

    示例：
      safeduty verify 7QK2-M9XD
      safeduty verify 7qk2m9xd 我的单位
help-code = 印在文件页脚的校验码

help-sign = 按纸质文件上印的校验码登记已签订的责任书或风险告知卡，或登记填好的签订台账的每一行
help-sign-after =
    把签订记录加入单位的 signing.yaml（保留注释和顺序），然后重新检查内容；检查不通过的记录会撤回。校验码须是现行文本的：按旧版本打印的纸质文件须重新打印。签订台账是 output/data/workbooks/ 中工作簿的那张表（或其 CSV），填好“签订日期”一列。

    示例：
      safeduty sign 7QK2-M9XD --date 2023-01-05
      safeduty sign 7QK2-M9XD --date 2023-01-05 --scan ~/扫描/李婷.pdf
      safeduty sign XS2Y-YTCY --date 2023-01-05 --person 牛二虎     风险告知卡：谁的签字
      safeduty sign 签订台账.xlsx --dry-run                           只显示这张台账将登记什么
help-code-or-sheet = 签字文件页脚印的校验码，或填好的台账（.xlsx、.csv）
help-date = 签订日期（YYYY-MM-DD）
help-person = 风险告知卡：岗位有多名在岗人员时，签字的人（id 或姓名）
help-scan = 签字文件的扫描件；不在单位的 scans/ 中时复制进去
help-dry-run = 只显示将登记什么，不写入任何文件

help-import = 把人事部门的花名册（.xlsx，或 UTF-8、GBK 编码的 CSV）导入单位的 people.yaml
help-import-after =
    花名册的标题行须有“姓名”“科室”“岗位”三列（多个岗位用“、”分隔），“工号”“职称”两列可选。科室和岗位按名称查找；找不到的连同行号列出，这时不导入任何人。人员先按工号、再按姓名与已有人员对应；新人员的 id 取姓名的拼音（zhang-wei，重名时 zhang-wei2）。不加 --write 时只显示新增、离开和变动的人员。

    示例：
      safeduty import 花名册.xlsx --institution wsq-hospital
      safeduty import 花名册.csv content --institution wsq-hospital --write
help-roster = 花名册：.xlsx 工作簿（取第一张表）或 CSV 文件
help-institution = 这些人员所在的单位（单位 id）
help-write = 写入 people.yaml（否则只显示将有的变化）

help-init = 新建内容目录：五类岗位职责和一个带注释的示例单位
help-init-after =
    示例：
      safeduty init 我的单位 && safeduty check 我的单位
help-new-dir = 要新建的目录（须不存在或为空）

help-synth = 生成任意规模的逼真内容目录（人员为虚构），供基准测试和测试使用
help-synth-after =
    同样的选项生成同样的字节。生成的内容能通过 `check`。

    示例：
      safeduty synth --institutions 100 --employees 10000 --seed 7 /tmp/province
help-institution-count = 单位数（一个市卫生健康委员会，其余按每县 25 个）
help-employees = 从业人员总数（每个单位至少 12 人）
help-seed = 随机选择的种子

# clap's own words (Chinese only: English keeps clap's).
help-template =
    {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
    用法：{"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-commands = 命令
help-arguments = 参数
help-options = 选项
help-help = 显示帮助
help-version = 显示版本号
help-default = [默认：{ $value }]
help-values = [可选：{ $values }]
