# run：命令行（sign、import、changes、verify、init、synth、build）、预览（serve）、git 历史、
# 对内容的修改，以及中止命令的错误。

## 错误（src/error.rs）

error-io = { $key ->
    [read] 无法读取 { $path }：{ $reason }
    [write] 无法写入 { $path }：{ $reason }
    [create] 无法创建 { $path }：{ $reason }
    [create-folder] 无法创建文件夹 { $path }：{ $reason }
    [remove] 无法删除 { $path }：{ $reason }
    [rename] 无法重命名 { $path }：{ $reason }
    [copy] 无法复制 { $path }：{ $reason }
    [open] 无法打开 { $path }：{ $reason }
    [find] 无法确定 { $path } 的位置：{ $reason }
    [look-at] 无法读取 { $path } 的信息：{ $reason }
    [move-aside] 无法将 { $path } 暂时移开：{ $reason }
    [move-into-place] 无法将新生成的内容放到 { $path }：{ $reason }
    [restore] 无法恢复 { $path }：{ $reason }
    [replace] 无法替换 { $path }：{ $reason }
    [swap-in] 无法用新生成的内容替换 { $path }：{ $reason }
    [read-font] 无法读取字体文件 { $path }：{ $reason }
    [read-scan] 无法读取扫描件 { $path }：{ $reason }
    [open-content] 无法打开内容文件夹 { $path }：{ $reason }
   *[other] 无法处理 { $path }（{ $action }）：{ $reason }
    }
error-os = { $kind ->
    [not-found] 文件或文件夹不存在
    [permission-denied] 没有权限
    [already-exists] 已存在
    [is-a-directory] 这是文件夹，不是文件
    [not-a-directory] 路径中有一项不是文件夹
    [directory-not-empty] 文件夹不是空的
    [storage-full] 磁盘空间不足
    [quota-exceeded] 超出磁盘配额
    [read-only-filesystem] 文件系统只读
    [invalid-data] 数据无效（{ $os }）
    [invalid-filename] 文件名无效
    [file-too-large] 文件过大
    [resource-busy] 文件正被其他程序占用
    [crosses-devices] 不能跨磁盘移动
    [too-many-links] 链接过多
    [unexpected-eof] 文件不完整（读到意外的结尾）
    [timed-out] 操作超时
    [out-of-memory] 内存不足
    [addr-in-use] 端口已被占用
    [addr-not-available] 地址不可用
    [unsupported] 系统不支持此操作
   *[other] { $os }
    }

## 命令行（src/cli/mod.rs）

cli-lint-not-configurable = 检查项 `{ $name }` 针对的是有误的输入，不能调整其级别
cli-unknown-lint = 没有名为 `{ $name }` 的检查项 { $hint }
cli-no-institution = 没有 id 为 `{ $id }` 的单位 { $hint }
cli-build-stopped = 构建已停止：请先改正上面的错误；{ $out } 未作改动
cli-build-failed = { $error }；{ $out } 未作改动
cli-built = 已构建 { $institutions } 个单位、{ $posts } 个岗位，输出到 { $out }，用时 { $ms } 毫秒
cli-synth-done = 已生成 { $institutions } 个单位、{ $departments } 个科室、{ $posts } 个岗位、{ $people } 名人员、{ $campaigns } 个专项行动（共 { $files } 个文件），输出到 { $dir }，用时 { $ms } 毫秒
cli-init-done = 已创建 { $dir }；下一步：safeduty check { $dir }
cli-bad-as-of = --as-of `{ $date }` 不是有效的日期；请写成 YYYY-MM-DD，例如 2017-06-30
cli-no-content-folder = 内容文件夹 `{ $dir }` 不存在；请在含有 `content/` 的文件夹中运行，或指明内容文件夹，或用 `safeduty init { $dir }` 新建一个
cli-wrote = 已写入 { $path }

## safeduty sign（src/cli/sign.rs）

sign-options-with-sheet = --date、--person 和 --scan 只能与单个校验码一起使用；签订台账每一行的日期取自该行的“签订日期”列
sign-nothing-new = 没有需要新登记的签字
sign-recorded = { $kind ->
    [letter] 已登记责任书 { $code }：{ $shown }，{ $date }签订
   *[card] 已登记岗位安全风险告知卡 { $code }：{ $shown }，{ $date }确认
    }
sign-would-record = { $kind ->
    [letter] 将登记责任书 { $code }：{ $shown }，{ $date }签订
   *[card] 将登记岗位安全风险告知卡 { $code }：{ $shown }，{ $date }确认
    }
sign-recorded-replacing = { $kind ->
    [letter] 已登记责任书 { $code }：{ $shown }，{ $date }签订，取代{ $old }对旧版文本的签字
   *[card] 已登记岗位安全风险告知卡 { $code }：{ $shown }，{ $date }确认，取代{ $old }对旧版文本的确认
    }
sign-would-record-replacing = { $kind ->
    [letter] 将登记责任书 { $code }：{ $shown }，{ $date }签订，取代{ $old }对旧版文本的签字
   *[card] 将登记岗位安全风险告知卡 { $code }：{ $shown }，{ $date }确认，取代{ $old }对旧版文本的确认
    }
sign-dry-run = （--dry-run：未写入任何文件）
sign-not-checked = { $findings }登记后的内容未通过检查，signing.yaml 未作改动
sign-not-code-or-sheet = `{ $what }` 既不是校验码（8 位字母或数字，如 7QK2-M9XD），也不是签订台账（.xlsx、.csv）
sign-no-date = 请写明签订日期：--date YYYY-MM-DD
sign-bad-date = --date `{ $date }` 不是有效的日期；请写成 YYYY-MM-DD，例如 2023-01-05
sign-recorded-already = { $code }：{ $shown } 已登记（{ $date }签字）
sign-no-such-code = 没有校验码为 { $code } 的现行责任书或岗位安全风险告知卡；如果纸面文件是按旧版文本打印的，可用 `safeduty verify { $code }` 查出是哪一版，须打印现行文本重新签字
sign-not-signed-kind = { $code } 是“{ $title }”的校验码，该文件不需签字登记：只登记安全生产责任书和岗位安全风险告知卡
sign-holder = { $name }（{ $id }）
sign-holders-separator = 、
sign-not-holder = `{ $person }` 不在岗位“{ $post }”上；该岗位的在岗人员：{ $holders }
sign-which-holder = 岗位“{ $post }”有 { $count } 名在岗人员，每人各自在岗位安全风险告知卡上签字：请用 --person（id 或姓名）指明是谁的签字：{ $holders }
sign-scan-not-file = --scan { $path } 不是文件
sign-scan-exists = { $path } 已存在，且是另一个文件：请将其移走，或指定单位文件夹内的扫描件
sign-no-column = { $sheet } 中没有标题为“{ $column }”的列
sign-row-bad-date = 第 { $row } 行：{ $column } `{ $date }` 不是有效的日期（应写成 2023-01-05）
sign-row-bad-code = 第 { $row } 行：`{ $code }` 不是校验码
sign-row-not-letter = 第 { $row } 行：{ $code } 不是责任书的校验码
sign-row-no-letter = 第 { $row } 行：没有校验码为 { $code } 的现行责任书（导出台账后岗位职责有改动？）
sign-sheet-refused = { $problems }{ $sheet }：未登记任何记录；请改正以上各行，或重新导出台账（safeduty build --only data）
sign-rows-already = 有 { $count } 行已登记过

## safeduty import（src/cli/import.rs）

import-summary = { $name }：新增 { $joins } 人，离开 { $leaves } 人，变动 { $changes } 人，不变 { $unchanged } 人
import-join = 新增  { $name }（{ $id }）：{ $posts }
import-leave = 离开  { $name }（{ $id }）：{ $posts }
import-change-posts = 变动  { $name }（{ $id }）：{ $was } → { $now }
import-change-details = 变动  { $name }（{ $id }）：{ $posts }（职称或工号有变动）
import-not-written = 未写入任何文件；要写入 { $path }，请加上 --write 再运行一次
import-not-checked = { $out }{ $findings }导入花名册后，内容有上面的错误（离开的人员可能仍在别处被引用：请先把他们的职责和记录交给其他人），因此 { $path } 未作改动
import-no-header = { $roster } 中没有含“姓名”“科室”“岗位”的标题行
import-missing-columns = { $roster }：标题行须有“姓名”“科室”“岗位”三列
import-row-no-department = 第 { $row } 行（{ $name }）：科室 `{ $department }` 不是{ $institution }的科室 { $hint }
import-row-no-post = 第 { $row } 行（{ $name }）：岗位 `{ $post }` 不是{ $department }的岗位（该科室的岗位：{ $posts }）；请先添加该岗位（posts/<id>.yaml），或按岗位文件中的名称填写
import-no-posts = 无
import-refused = { $problems }{ $roster }：未导入任何人员；科室和岗位须与内容中的名称一致，不作猜测
import-same-number = { $roster }：第 { $first } 行和第 { $second } 行的工号同为 { $number }

## 内容的 git 历史（src/history）

history-version = { $date }的提交 { $short }“{ $summary }”
history-version-uncommitted = 内容文件夹中尚未提交的修改
history-cannot-read = 无法读取 { $dir } 的修订历史
history-content-had-errors = 该版本的内容有 { $errors } 个错误
history-version-unreadable = 无法读取{ $version }的内容：{ $error }
history-site-no-commit = 内容所在的 git 仓库还没有任何提交：网站上没有修订记录
history-site-shallow = 内容所在的仓库是浅克隆（shallow clone）：网站上的修订记录从克隆的深度处开始
history-site-not-in-git = { $dir } 不在 git 仓库中：网站上没有修订记录（将内容放在 git 仓库中即可生成）
history-site-failed = { $error }；网站上没有修订记录
history-bad-revision = 无法识别版本 `{ $spec }`
history-revision-too-old = 版本 `{ $spec }` 超出了仓库中最早的提交
history-repo-no-commit = 仓库还没有任何提交
history-ambiguous = 提交 id `{ $id }` 有多个匹配；请多写几位
history-no-revision = 内容所在的仓库中没有名为 `{ $spec }` 的提交、分支或标签（提交 id 只在从 HEAD 起的第一父提交链上查找）

## safeduty changes 和 verify（src/cli/history.rs）

cli-content-has-errors = { $report }{ $dir } 中的内容有错误；请先改正（safeduty check { $dir }）
changes-no-commit-yet = { $dir } 所在的 git 仓库还没有任何提交
changes-not-in-git = { $dir } 不在 git 仓库中，没有可供比较的历史
changes-bad-date = `{ $date }` 不是有效的日期（YYYY-MM-DD）
changes-no-commit-before = 内容的历史中没有 { $date } 当天或之前的提交
changes-since = 自{ $version }以来：
changes-none = 没有岗位的职责发生变化；无需重新打印或签订
changes-summary = { $posts } 个岗位有变化：须重新打印 { $cards } 份岗位安全生产责任清单，重新签订 { $letters } 份责任书
changes-post = { $institution_name } { $post_name }（{ $institution }/{ $post }）：{ $kind ->
        [created] 新增岗位
        [removed] 岗位已删除
       *[changed] 职责有变化
    }
changes-sign-again = 须重新打印并签字：{ $title } [{ $code }] { $file }
verify-kind = { $kind ->
        [card] 岗位安全生产责任清单
        [letter] 安全生产责任书
        [report] 阶段性小结
        [notice] 事故隐患整改通知单
        [bulletin] 月度事故隐患排查治理情况通报
        [risk-card] 岗位安全风险告知卡
        [ledger] 年度事故隐患排查治理台账
        [form] 隐患排查记录表
        [display] 全员安全生产责任制公示
        [network] 安全生产责任体系图
       *[register] 安全生产责任书签订台账
    }
verify-not-a-code = `{ $code }` 不是校验码：校验码由 8 位字母或数字组成，如 7QK2-M9XD
verify-found = { $code }：{ $kind }“{ $title }”，{ $file }
verify-version-since = 版本：{ $version }（此后文本未变）
verify-version-uncommitted = 版本：尚未提交（内容文件夹的当前状态）
verify-version-no-git = 版本：内容文件夹的当前状态（不在 git 仓库中，没有历史）
verify-current = 是否现行：是，这是现行有效的文本
verify-not-found-no-git = { $code }：现行的清单和责任书都不使用这个校验码，且内容不在 git 仓库中，无法查找旧版本
verify-found-old = { $code }：{ $kind }“{ $title }”
verify-version-old = 版本：{ $version }（该版本的文本）
verify-outdated = 是否现行：否，已过时；现行文本的校验码为 { $code }（{ $file }）：请打印现行文本并重新签字
verify-gone = 是否现行：否，内容中已没有这份文件
verify-post-removed = 此后的变化：该岗位已删除
verify-duties-changed = 此后职责的变化：
verify-other-text-changed = 该岗位的职责未变；文件的其他文字有变化（姓名、签订双方或模板）
verify-not-found = { $code }：现在和内容的所有已提交版本中，都没有文件使用这个校验码

## 对内容的修改（src/amend.rs）

amend-flow-list = `{ $key }:` 写在了一行里；请把它的各项写成列表，每行一个 `- `
amend-not-utf8 = { $path } 不是 UTF-8 编码：`safeduty check` 会说明如何保存
amend-not-plain-file = { $path } 不是普通文件（是链接或文件夹）：请手工编辑

## 预览（src/serve）

serve-cannot-listen = 无法监听端口 { $port }：{ $reason }
serve-cannot-watch-files = 无法监视文件的变化：{ $error }
serve-cannot-watch = 无法监视 { $dir } 的变化：{ $error }
serve-no-index-threads = 未生成搜索索引：无法为其创建线程（{ $error }）
serve-serving = 正在预览 { $dir }：http://{ $addr }/（按 Ctrl-C 停止）
serve-cannot-serve = 无法提供预览：{ $reason }
serve-rebuilt = 已重新生成{ $scope ->
        [some] {" "}{ $institutions } 个单位的页面和网站本身的页面
       *[all] 全部页面
    }，用时 { $ms } 毫秒：{ $changed } 个文件有变化{ $read ->
        [written] （只读取了修改过的文件）
        [reused] （只读取了修改过的文件；其他单位沿用上次的解析结果）
       *[walked] {""}
    }
serve-build-failed = 构建失败，用时 { $ms } 毫秒；仍在提供上一次成功构建的结果
serve-index-stale = 已放弃旧版本的搜索索引：内容在此期间又有改动
serve-index-failed = 搜索索引未更新：
serve-index-updated = 搜索索引已更新，用时 { $ms } 毫秒（共 { $parts } 部分，重新索引 { $indexed } 部分）
serve-pdfs-failed = 未能生成 { $owner } 的 PDF：
serve-pdfs-drawn = 已生成 { $owner } 的 { $count } 个 PDF，用时 { $ms } 毫秒
serve-watch-failed = 文件监视出错：{ $error }；将全部重新生成
serve-http-failed = 预览未能响应
serve-http-not-local = 预览只响应发往 127.0.0.1、localhost 或 [::1] 的请求

## 构建（src/pipeline.rs）、新建内容（src/init、src/synth）、错误（src/error.rs）

error-context = { $what }：{ $message }
pipeline-no-pdfs = 未生成 PDF：{ $error }
pipeline-renderer = 生成 { $name } 时出错
init-not-empty = { $dir } 已存在且不是空文件夹；请指定一个新文件夹
synth-no-institutions = --institutions 至少为 1
synth-too-few-employees = { $institutions } 个单位至少需要 { $least } 名从业人员（每个单位 { $each } 名）；实际为 { $employees } 名
synth-does-not-check = 生成的内容未通过检查：
    { $report }
