# 检查：关于内容的发现（src/check）。代码、id、路径和 YAML 键名两种语言相同。

## mod.rs：id，以及本次跳过的检查

check-duplicate-id = { $kind } id `{ $id }` 重复
check-duplicate-id-label = 此处再次定义
check-duplicate-id-first = 首次定义于此
check-duplicate-id-help-content = 全部内容中{ $kinds }的 id 不能重复；请将其中一个改名
check-duplicate-id-help-institution = 同一单位内{ $kinds }的 id 不能重复；请将其中一个改名
check-broken-files = 有 { $count } 个文件无法读取；修正后才会进行循环引用和人员配备的检查
check-reserved-campaigns = 单位 id `campaigns` 与专项行动报告所在的文件夹（pdf/campaigns/）同名
check-reserved-label = 保留名称
check-reserved-campaigns-help = 请将该单位的文件夹改名
check-list-separator = 、

## ids.rs

-ids-rule = id 只能使用小写英文字母 a-z、数字 0-9、`-` 和 `_`，须以字母或数字开头，且不能含有 `--`（责任书文件名用它连接岗位和人员）
ids-unsafe = { $kind } id `{ $id }` 不能用于文件名和网址：{ $why }
ids-unsafe-label = 不可用的 id
ids-why-too-long = 长度超过 { $max } 个字符
ids-why-device = Windows 把这个名称保留给设备使用，内容在 Windows 上将无法检出
ids-why-upper-case = 含有大写字母
ids-why-space = 含有空格
ids-why-separator = 含有路径分隔符或 `..`
ids-why-double-dash = 含有 `--`
ids-why-empty = 为空
ids-why-non-ascii = 含有非 ASCII 字符（如汉字）
ids-why-other = 含有不允许使用的字符
ids-help = { -ids-rule }
ids-help-example = { -ids-rule }，例如 `{ $suggestion }`
ids-help-file = { -ids-rule }；该 id 取自文件名或文件夹名，请将文件或文件夹改名
ids-help-file-example = { -ids-rule }；该 id 取自文件名或文件夹名，请将文件或文件夹改名，例如 `{ $suggestion }`

## graph.rs

graph-cycle = { $kinds }之间形成循环：{ $chain }
graph-cycle-label = 循环从 `{ $id }` 的 `{ $key }` 开始
graph-cycle-link = `{ $id }` 的 `{ $key }`
graph-cycle-help = { $kind }不能成为自己的上级；请修改循环中的某一个 `{ $key }`

## levels.rs

levels-supervisor-not-leader = 岗位 `{ $post }` 分管科室，但不是领导岗位
levels-supervisor-not-leader-label = 分管是领导的职责
levels-supervisor-not-leader-help = 只有领导班子成员类别的岗位才能分管科室；请给该岗位设置这样的岗位类别，或把 `supervises:` 移到分管领导的岗位上
levels-no-business-duties = 领导岗位 `{ $post }` 没有业务职责（一岗双责）
levels-this-post = 该岗位
levels-no-business-duties-help = 请在 `business_duties:` 下列出该领导负责的业务：领导对其负责的业务范围内的安全生产负责
levels-duplicate-supervisor = 科室 `{ $department }` 同时由 `{ $other }` 和 `{ $post }` 分管
levels-again-here = 此处再次出现
levels-first-supervised = 已在此分管
levels-duplicate-supervisor-help = 一个科室只由一名领导分管；请从其中一个列表中删除
levels-unsupervised = 没有领导分管科室 `{ $department }`：其负责人将与主要负责人签订责任书
levels-unsupervised-label = 无分管领导
levels-heads-sign-with-supervisor = 科室负责人与其分管领导签订责任书
levels-unsupervised-help = 请把 `{ $department }` 加入分管该科室的领导的 `supervises:`

## refs.rs：引用、日期、文件

refs-category-without-duties = 岗位类别 `{ $id }` 没有职责
refs-empty-list = 空列表
refs-category-without-duties-help = 请列出该岗位类别的职责，每条一行，以 `- ` 开头
refs-search-part-pages = `search_part_pages: { $value }` 过小
refs-search-part-pages-label = 少于 100 页
refs-search-part-pages-help = 检索页面会分别加载每一部分；请设为 100 或更大（默认 2000）
refs-unknown-lint = 未知的检查项 `{ $name }`
refs-unknown-lint-label = 为未知检查项设置的级别
refs-lint-not-configurable = `{ $name }` 报告的是有误的输入，不能调整级别
refs-lint-not-configurable-label = 不可调整
refs-lint-not-configurable-help = 只有规则类检查项可以设为 allow、warn 或 deny；参见 `safeduty check --help`
refs-no-institution-file = 单位文件夹 `{ $id }` 中没有 institution.yaml
refs-no-institution-file-label = 此文件所属的单位尚未描述
refs-no-institution-file-help = 请添加 institutions/{ $id }/institution.yaml（示例见 `safeduty init`）
refs-not-holder = `{ $person }` 未担任岗位 `{ $post }`
refs-not-holder-label = 不是该岗位的在岗人员
refs-not-holder-post = 该岗位
refs-not-holder-help = 请填写在 people.yaml 中 `posts:` 含有此岗位的人员
refs-paired-with-itself = 岗位 `{ $post }` 与自身配对
refs-paired-with-itself-label = 与甲方是同一岗位
refs-party-a = 甲方
refs-paired-with-itself-help = 责任书有甲乙两方：甲方是上一级的岗位（通常是科室负责人）
refs-invalid-code = `{ $code }` 不是验证码
refs-invalid-code-label = 不是验证码
refs-invalid-code-help-letter = 请照抄已签责任书页脚印的验证码：4 个字符、一个短横线、4 个字符（如 7QK2-M9XD）
refs-invalid-code-help-card = 请照抄已签岗位风险告知卡页脚印的验证码：4 个字符、一个短横线、4 个字符（如 7QK2-M9XD）
refs-scan-missing-help = 扫描件须是 institutions/{ $id }/ 内的文件，路径相对于该文件夹填写
refs-letter-recorded-twice = 责任书 `{ $id }` 记录了两次
refs-letter-recorded-twice-help = 每份责任书只保留一条记录：最近一次签订
refs-card-recorded-twice = 岗位风险告知卡 `{ $id }` 记录了两次
refs-card-recorded-twice-help = 每份岗位风险告知卡只保留一条记录：最近一次签字确认
refs-again-here = 此处再次出现
refs-first-recorded = 首次记录于此
refs-name-for-id = `{ $id }` 是{ $kind } `{ $c }` 的名称；引用须使用 id：请写 `{ $c }`
refs-none-yet = 此处还没有任何{ $kinds }
refs-known = 已有的{ $kinds }：{ $ids }
refs-missing = 没有 id 为 `{ $id }` 的{ $kind }
refs-missing-label = 未知的{ $kind }
refs-this-date = 此日期
refs-compared-date = 与此日期比较
refs-order-help = 请核对日期（YYYY-MM-DD）：应在后的日期不能早于应在前的日期
refs-not-a-date = `{ $text }` 不是有效的日期
refs-not-a-date-label = 不是日期
refs-not-a-date-help = 日期请写成 YYYY-MM-DD，如 2022-09-13，并确认该日确实存在
refs-implausible-date = `{ $text }` 不是合理的日期
refs-implausible-date-label = 年份超出范围
refs-implausible-date-help = 记录的日期应在 { $start } 年至 { $end } 年之间
refs-no-scan = 找不到扫描件 `{ $path }`
refs-no-evidence = 找不到佐证材料文件 `{ $path }`
refs-no-such-file = 没有此文件
refs-scan-refused = 扫描件 `{ $path }` { $reason }
refs-evidence-refused = 佐证材料文件 `{ $path }` { $reason }
refs-not-read = 未读取

## duties.rs

duties-empty-item = 职责条目没有内容
duties-empty-item-label = 空条目
duties-empty-item-help = 请填写职责内容，或删除这一行
duties-rewords-without-category = 岗位 `{ $id }` 改写了岗位类别中的条目，但没有设置岗位类别
duties-removes-without-category = 岗位 `{ $id }` 删除了岗位类别中的条目，但没有设置岗位类别
duties-no-category = 无岗位类别
duties-no-category-help = 请给岗位加上 `category: …`，或在 `add:` 下列出其职责
duties-item-by-number = 第 { $n } 条是按序号引用的，岗位类别变动时序号会随之改变
duties-item-by-number-label = 目前岗位类别“{ $name }”的第 { $n } 条是“{ $text }”
duties-item-by-number-help = 请按条目内容引用：`{ $text }`
duties-item-by-number-none = 条目须按内容引用，不能按序号引用
duties-item-by-number-none-label = 岗位类别“{ $name }”共有第 1 至第 { $count } 条
duties-item-text-help = 请照岗位类别文件写出该条目开头的文字
duties-empty-reference = 条目引用为空
duties-empty-reference-label = 空
duties-no-match = 岗位类别“{ $name }”中没有以“{ $wanted }”开头的条目
duties-no-match-label = 没有此条目
duties-no-match-close = 岗位类别已变动或文字有误：是否应为第 { $n } 条 `{ $text }`？
duties-no-match-help = 请照岗位类别文件，写出岗位类别“{ $name }”{ $count } 个条目中某一条开头的文字
duties-ambiguous = 岗位类别“{ $name }”中有 { $count } 个条目以这段文字开头
duties-ambiguous-label = 不止一条
duties-ambiguous-help = 请多写几个字，以指明其中一条：{ $items }
duties-item = 第 { $n } 条 `{ $text }`
duties-item-separator = ；
duties-reworded-twice = 第 { $n } 条改写了两次
duties-first-reworded = 首次改写于此
duties-reworded-twice-help = 该条目只保留一个 `replace`，写明适用的表述
duties-removed-twice = 第 { $n } 条删除了两次
duties-first-removed = 首次删除于此
duties-removed-twice-help = 每个要删除的条目只列一次
duties-again-here = 此处再次出现
duties-reworded-and-removed = 第 { $n } 条既被改写又被删除
duties-removed-here = 在此删除
duties-reworded-here = 在此改写
duties-reworded-and-removed-help = 只保留一种：用 `replace` 改写该条目，或用 `remove` 删除该条目
duties-none-left = 岗位 `{ $id }` 最终没有任何职责
duties-none-left-help = 岗位至少要保留一条职责；请少删几条，或添加本岗位自己的职责
duties-none = 岗位 `{ $id }` 没有职责
duties-this-post = 该岗位
duties-none-help = 请给岗位设置 `category:`（继承岗位类别的职责），或在 `duties: add:` 下列出本岗位自己的职责

## rules.rs：文件规定的要求

rules-missing-principal = { $name }没有设置主要负责人
rules-missing-principal-label = 缺少 `principal:`
rules-missing-principal-help = 请添加 `principal: <post id>`，填写主要负责人（第一责任人）的岗位
rules-no-leadership-group = { $name }没有成立安全生产领导小组
rules-no-leadership-group-label = 缺少 `leadership_group:`
rules-no-leadership-group-help = 请添加 `leadership_group:`，写明 `chair:`（主要负责人的岗位）和 `members:`
rules-chair-not-principal = 安全生产领导小组组长须由主要负责人担任
rules-chair-not-principal-label = 组长为 `{ $chair }`
rules-the-principal = 主要负责人为 `{ $principal }`
rules-chair-not-principal-help = 请设为 `chair: { $principal }`
rules-staffing-large = { $name }有从业人员 { $employees } 人（超过 { $threshold } 人），但既未设置安全生产管理机构，也未配备专职安全生产管理人员
rules-staffing-large-label = 须设置管理机构或配备专职人员
rules-employees = 从业人员 { $employees } 人
rules-staffing-large-help = 请添加 `safety_management: body: <department id>`，或添加一名 `type: full-time` 的安全生产管理人员
rules-staffing-small = { $name }没有配备安全生产管理人员
rules-staffing-small-label = 须配备专职或兼职人员
rules-staffing-small-help = 请添加 `safety_management: officers: [{"{"}post: <post id>, type: part-time{"}"}]`
rules-safety-engineer = { $name }生产或储存危险物品，但没有注册安全工程师
rules-safety-engineer-label = 生产或储存危险物品
rules-safety-engineer-help = 请添加 `safety_engineers: [{"{"}person: <person id>, certificate: …{"}"}]`
rules-unknown-placeholder = { $key } 中的 `{ $name }` 不是占位符：它会原样印在每份{ $key ->
        [card_numbers] 责任清单
       *[other] 责任书
    }上
rules-unknown-placeholder-label = 未知的占位符
rules-unknown-placeholder-help = 年份用 `{"{"}year{"}"}`，序号用 `{"{"}number{"}"}`，如 { $key ->
        [card_numbers] 旗医清〔{"{"}year{"}"}〕{"{"}number{"}"}号
       *[other] 乌人医发〔{"{"}year{"}"}〕{"{"}number{"}"}号
    }
rules-doc-number-without-number = { $key } 中没有 `{"{"}number{"}"}`：每份{ $key ->
        [card_numbers] 责任清单
       *[other] 责任书
    }都会得到相同的编号
rules-doc-number-without-number-label = 缺少 `{"{"}number{"}"}`
rules-doc-number-without-number-help = 请在序号的位置加上 `{"{"}number{"}"}`，如 { $key ->
        [card_numbers] 旗医清〔{"{"}year{"}"}〕{"{"}number{"}"}号
       *[other] 乌人医发〔{"{"}year{"}"}〕{"{"}number{"}"}号
    }
rules-display-ends-before-start = 公示期（`display`）的结束日期早于开始日期
rules-no-doc-number = 责任书按发文字号编号，但该单位没有设置 `doc_number`
rules-no-doc-number-label = 需要 `doc_number`
rules-no-doc-number-help = 请添加 `doc_number: <style>`，如 乌人医发〔{"{"}year{"}"}〕{"{"}number{"}"}号；或改为按签订台账编号（`register`）
rules-staff-coverage = 从业人员 { $employees } 人，只列出了 { $listed } 人：其余 { $others } 人没有登记岗位和职责
rules-staff-coverage-help = 请在 people.yaml 中列出每一名从业人员及其岗位（全员），或更正 `employees:`
rules-post-without-scope = 岗位 `{ $post }` 没有责任范围
rules-this-post = 该岗位
rules-post-without-scope-help = 请添加 `scope: …`，写明该岗位负责的范围
rules-post-without-assessment = 岗位 `{ $post }` 没有考核标准
rules-post-without-assessment-help = 请给岗位添加 `assessment:`，或在其岗位类别中设置
rules-post-without-rewards = 岗位 `{ $post }` 没有奖惩办法
rules-post-without-rewards-help = 请给岗位添加 `rewards_penalties:`，或在其岗位类别中设置
rules-post-without-holder = 岗位 `{ $post }` 无人在岗
rules-post-without-holder-label = 空缺岗位
rules-post-without-holder-help = 请把该岗位 id 加入 people.yaml 中某人的 `posts:`
rules-person-without-post = { $name }（`{ $id }`）没有担任任何岗位
rules-empty-list = 空列表
rules-person-without-post-help = 每名从业人员至少担任一个岗位；请在此列出岗位 id

## risks.rs：安全风险分级管控

risks-missing = 岗位 `{ $post }` 没有列出风险，但其岗位类别“{ $category }”要求列出（`risks_required`）
risks-post-without-risks = 岗位 `{ $post }` 没有列出风险，而所在单位实行风险分级管控
risks-missing-label = 缺少 `risks:`
risks-missing-help = 请在 `risks:` 下列出岗位的风险（岗位安全风险清单）；参见 docs/content.md 的“Risks”一节
risks-grade = `{ $hazard }` 在此定为{ $written }，但按本单位的标准，其分值 { $score } 应为{ $grade }
risks-grade-label = 与计算所得的等级不符
risks-grade-help = 请写 `grade: { $key }`，或更正各项因子；重大、较大、一般风险的起点分值分别为 { $major }、{ $significant }、{ $general }
risks-owner = 按标准，{ $grade } `{ $hazard }` 应由{ $needed }级管控，但 `{ $owner }` 是{ $level }级的岗位
risks-owner-label = 管控岗位低于管控层级
risks-owner-help-institution = 请在 `owner:` 中填写主要负责人或领导班子成员的岗位
risks-owner-help-department = 请在 `owner:` 中填写科室负责人的岗位
risks-not-in-category = `{ $risk }` 不是该岗位所属岗位类别的风险
risks-not-in-category-label = 没有此风险
risks-not-in-category-help-no-category = 只能删除从岗位的 `category:` 继承的风险
risks-not-in-category-help-none = 该岗位类别没有列出风险：请删除这一行
risks-not-in-category-help = 该岗位类别的风险有：{ $risks }
risks-thresholds = 风险等级的起点分值为 { $major }（重大）、{ $significant }（较大）、{ $general }（一般）：不是从高到低排列
risks-thresholds-label = 分级阈值
risks-thresholds-help = 每一等级的起点分值须低于上一等级，且都大于 0，如 5 × 5 风险矩阵取 20、15、9
risks-off-scale = `{ $hazard }` 的{ $factor ->
        [likelihood] 可能性
        [severity] 严重性
       *[exposure] 暴露频率
    }不在本单位评价方法的分值范围内
risks-off-scale-label = 不在分值范围内
risks-scale-matrix-help = 风险矩阵法的可能性和严重性取 1 至 5 的整数，没有暴露频率；如采用 L × E × C，请在 institution.yaml 中写 `risk_standard: {"{"}method: lec{"}"}`
risks-scale-lec-help = LEC 法中，事故发生的可能性（L）取 0.1、0.2、0.5、1、3、6 或 10；暴露于危险环境的频繁程度（E）取 0.5、1、2、3、6 或 10；后果严重程度（C）取 1、3、7、15、40 或 100
risks-controls = { $grade } `{ $hazard }` 缺少{ $aspects }方面的管控措施
risks-aspect-organisation = 组织
risks-aspect-rules = 制度
risks-aspect-technical = 技术
risks-aspect-emergency = 应急
risks-controls-label = 缺少管控措施
risks-controls-help = { $grade }须由{ $level }级从组织、制度、技术、应急四个方面管控：请在 `controls:` 下逐项列出

## records.rs：台账与排查

records-checklist-unique-help = 同一单位的隐患排查清单内，排查项目 id 不能重复：排查记录要引用它们
records-hazard-unique-help = 同一单位内隐患 id（台账编号）不能重复；请将其中一个重新编号
records-evidence-missing-help = 佐证材料须是 institutions/{ $id }/ 内的文件，路径相对于该文件夹填写
records-deadline-before-found = 隐患 `{ $id }`：整改期限早于发现日期
records-rectified-before-found = 隐患 `{ $id }`：整改日期早于发现日期
records-reported-before-found = 隐患 `{ $id }`：上报日期早于发现日期
records-verified-before-rectified = 隐患 `{ $id }`：验收日期早于整改日期
records-verified-not-rectified = 隐患 `{ $id }` 已验收，但没有整改记录
records-verified-here = 在此验收
records-verified-not-rectified-help = 请添加 `rectified: YYYY-MM-DD`，即整改完成的日期（整改人不是责任人的，另加 `rectified_by:`）
records-verified-by-rectifier = 隐患 `{ $id }` 由整改人 `{ $by }` 自己验收
records-verified-by-rectifier-label = 整改人自行验收
records-rectified-by = 整改人
records-verified-by-rectifier-help = 整改须由他人验收：科室负责人或安全管理部门
records-verified-by-nobody = 隐患 `{ $id }` 已验收，但没有写明验收人
records-verified-by-nobody-label = 未写明验收人
records-verified-by-nobody-help = 请添加 `verified_by: <person id>`：验收须写明到现场核查的人员
records-major-without-key = 重大事故隐患 `{ $id }` 缺少 `{ $key }`
records-major-label = 重大事故隐患
records-major-plan-help = 请添加 `plan:`：治理方案（目标任务、经费物资、机构人员、时限要求、安全措施）
records-major-reported-help = 请添加 `reported:`：向主管部门报告的日期（`reported: YYYY-MM-DD`）
records-inspection-missed = 排查项目 `{ $item }`（{ $frequency }）在 { $start } 至 { $end } 期间没有排查记录
records-inspection-missed-last = 排查项目 `{ $item }`（{ $frequency }）在 { $start } 至 { $end } 期间没有排查记录；最近一次排查在 { $last }
records-inspection-missed-label = 排查频次
records-inspection-missed-help = 请在 records/inspections.yaml 中记录（`- {"{"}date: YYYY-MM-DD, item: { $item }, by: <person id>{"}"}`）；新增的排查项目请加 `since: YYYY-MM-DD`
records-overdue = 隐患 `{ $id }` 已逾期：截至 { $as_of }，已超过整改期限 { $days } 天仍未整改
records-major-overdue = 重大事故隐患 `{ $id }` 已逾期：截至 { $as_of }，已超过整改期限 { $days } 天仍未整改
records-overdue-label = 已过整改期限
records-overdue-help = 整改完成后请记录 `rectified: YYYY-MM-DD`；整改期限如已延长，请填写新的期限，并在 `note:` 中说明原因

## sources.rs：重大危险源

sources-unique-help = 同一单位内重大危险源 id 不能重复
sources-quantity-not-positive = `{ $id }` 的数量须大于 0 吨
sources-threshold-not-positive = `{ $id }` 的临界量须大于 0 吨
sources-not-a-quantity = 不是有效的数量
sources-not-a-quantity-help = 请以吨为单位填写数字，如 `11.4`；临界量见 GB 18218 表1 和表2
sources-not-major = `{ $id }` 填写了等级，但单元“{ $unit }”不构成重大危险源：其各物质的数量与临界量比值之和为 { $sum }，小于 1
sources-not-major-label = 重大危险源的分级
sources-not-major-help = 请删除 `grade:`；或核对数量和临界量（同一单元的每种物质各占一行，`unit` 相同）
sources-unfiled-grade = 单元“{ $unit }”构成重大危险源（数量与临界量比值之和 { $sum }），但缺少 `grade`
sources-unfiled-filed = 单元“{ $unit }”构成重大危险源（数量与临界量比值之和 { $sum }），但缺少 `filed`
sources-unfiled-grade-filed = 单元“{ $unit }”构成重大危险源（数量与临界量比值之和 { $sum }），但缺少 `grade` 和 `filed`
sources-unfiled-label = 重大危险源
sources-unfiled-help = 重大危险源须分级（`grade: one` 至 `four`，按 GB 18218 的 R 值确定），并向主管部门备案（`filed: YYYY-MM-DD`）
sources-filed-before-identified = 重大危险源 `{ $id }`：备案日期早于辨识日期
sources-assessed-before-identified = 重大危险源 `{ $id }`：安全评估日期早于辨识日期
sources-assessment-old = 截至 { $as_of }，`{ $id }` 的安全评估（{ $assessed }）已满三年
sources-no-assessment = 重大危险源 `{ $id }` 没有安全评估
sources-assessment-label = 安全评估
sources-assessment-help = 重大危险源至少每三年进行一次安全评估：请在 `assessed: YYYY-MM-DD` 中记录最近一次评估的日期

## signed.rs：签订记录与生成的责任书

signed-confirmed-without-card = 岗位 `{ $post }` 的确认记录没有对应的岗位风险告知卡：该岗位没有列出风险
signed-confirmed-without-card-label = 没有岗位风险告知卡
signed-confirmed-without-card-help = 请删除这条记录，或在岗位文件的 `risks:` 下列出该岗位的风险
signed-principal-without-letter = 签订记录 `{ $id }` 没有对应的责任书：主要负责人只作为甲方签订责任书
signed-without-letter = 签订记录 `{ $id }` 没有对应的责任书：不会为该岗位和人员生成责任书（岗位与人员没有配对，或已在 `exclude:` 中排除）
signed-without-letter-label = 没有此责任书
signed-without-letter-help = 请删除这条记录，或在 `pairs:` 下添加该责任书（单位页面列有其全部责任书）
signed-risks-unconfirmed = 岗位 `{ $post }` 的风险尚未经 { $people } 签字确认（岗位安全风险确认）
signed-risks-unconfirmed-label = 列有风险的岗位
signed-risks-unconfirmed-help = 请打印该岗位的岗位风险告知卡，由每名在岗人员签字，并记入 signing.yaml 的 `confirmed:`（岗位、人员、日期，以及卡上印的验证码）

## campaigns.rs：专项行动

campaigns-unique-help = 同一专项行动内{ $kind } id 不能重复；请将其中一个改名
campaigns-no-campaign-file = 专项行动文件夹 `{ $id }` 中没有 campaign.yaml
campaigns-no-campaign-file-label = 此文件所属的专项行动尚未描述
campaigns-no-campaign-file-help = 请添加 campaigns/{ $id }/campaign.yaml（参见 docs/content.md 的“Campaigns”一节）
campaigns-ends-before-start = 专项行动的结束日期早于开始日期
campaigns-participant-twice = 参与单位 `{ $participant }` 列出了两次
campaigns-participant-twice-label = 重复
campaigns-participant-twice-help = 每个参与单位只列一次
campaigns-no-phases = 专项行动没有划分阶段
campaigns-empty-list = 空列表
campaigns-no-phases-help = 请列出专项行动的各个阶段（id、name、start、end 和 tasks），如 全面启动、强化落实、巩固提升
campaigns-reserved-phase = 阶段 id `{ $page }` 与专项行动自身的页面 { $page }.html 同名
campaigns-reserved-phase-help = 请给该阶段另取一个 id，如 `phase-1`
campaigns-phase-ends-before-start = 该阶段的结束日期早于开始日期
campaigns-phase-outside = 阶段 `{ $phase }` 超出了专项行动的期限（{ $start } 至 { $end }）
campaigns-outside-label = 超出专项行动期限
campaigns-phase-outside-help = 请把阶段日期调整到专项行动的 `start` 和 `end` 之内，或放宽专项行动的期限
campaigns-phase-overlap = 阶段 `{ $phase }` 于 { $start } 开始，早于上一阶段的结束日期（{ $previous }）
campaigns-phase-overlap-label = 与上一阶段重叠
campaigns-previous-phase-ends = 上一阶段在此结束
campaigns-phase-overlap-help = 请按日期顺序列出各阶段；每一阶段须在上一阶段结束后开始
campaigns-task-without-owner = 任务 `{ $task }` 没有责任科室或责任人
campaigns-this-task = 该任务
campaigns-task-without-owner-help = 请添加 `department: <id>` 或 `person: <id>`（也可两者都写）
campaigns-deadline-outside-phase = 任务 `{ $task }` 的完成期限为 { $deadline }，超出了所属阶段 `{ $phase }`（{ $start } 至 { $end }）
campaigns-deadline-outside-phase-label = 超出阶段期限
campaigns-deadline-outside-phase-help = 请把期限设在阶段之内，或把任务移到它所属的阶段，或删去 `deadline`（以阶段结束日为期限）
campaigns-progress-outside = 进展记录的日期为 { $day }，超出了专项行动的期限（{ $start } 至 { $end }）
campaigns-assessment-outside = 清单评估的日期为 { $day }，超出了专项行动的期限（{ $start } 至 { $end }）
campaigns-issue-outside = 问题的发现日期为 { $day }，超出了专项行动的期限（{ $start } 至 { $end }）
campaigns-record-outside-help = 请核对日期：记录应在专项行动期限之内
campaigns-done-without-evidence = 任务 `{ $task }` 标记为{ $status }，但没有佐证材料
campaigns-done-without-evidence-label = 未记录佐证材料
campaigns-done-without-evidence-help = 请在这条记录中添加 `evidence:`，写明 `title:`（有文件或网址的，再加 `file:` 或 `url:`）
campaigns-issue-deadline-before-found = 问题的整改期限早于发现日期
campaigns-issue-closed-before-found = 问题的整改完成日期早于发现日期
campaigns-issue-verified-before-found = 问题的验收日期早于发现日期
campaigns-issue-not-closed = 问题 `{ $issue }` 已验收，但没有整改完成日期
campaigns-verified-here = 在此验收
campaigns-issue-not-closed-help = 请添加 `closed: YYYY-MM-DD`，即问题整改完成的日期
campaigns-issue-verified-before-closed = 问题的验收日期早于整改完成日期
campaigns-issue-without-key = 问题 `{ $issue }` 缺少 `{ $key }`
campaigns-this-issue = 该问题
campaigns-issue-without-key-help = 请填写 `{ $key }:`，或写明它对应的隐患台账条目（`hazard: <institution>/<ledger number>`）
campaigns-issue-key-in-ledger = 问题 `{ $issue }` 对应隐患 `{ $hazard }`，其 `{ $key }` 已记在隐患台账中
campaigns-issue-key-in-ledger-label = 隐患台账中已有
campaigns-ledger-hazard = 台账中的隐患
campaigns-issue-key-in-ledger-help = 请删除此处的 `{ $key }:`：以隐患台账为唯一记录
campaigns-evidence-missing-help = 请把文件放入 { $folder }/，或更正路径（相对于专项行动文件夹，用 `/` 分隔）
campaigns-not-a-url = `{ $url }` 不是网址
campaigns-not-a-url-label = 不是以 http:// 或 https:// 开头
campaigns-not-a-url-help = http(s) 链接请用 `url:`，专项行动文件夹中的文件请用 `file:`
