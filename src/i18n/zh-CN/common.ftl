# 各部分共用的提示：检查的汇总、严重程度的名称、建议，以及内容中各类事物的名称。

summary-clean = 未发现问题
summary-counts = { $errors } 个错误，{ $warnings } 个警告
level-error = 错误
level-warning = 警告
level-help = 提示
level-note = 说明
did-you-mean = 是否应为 `{ $name }`？

noun-campaign = 专项行动
noun-campaign-file = 专项行动文件
noun-category = 岗位类别
noun-category-file = 岗位类别文件
noun-checklist-item = 排查项目
noun-department = 科室
noun-goal-item = 目标事项
noun-hazard = 隐患
noun-inspection = 排查记录
noun-institution = 单位
noun-institution-file = 单位文件
noun-issue = 问题
noun-major-hazard-source = 重大危险源
noun-page = 页面
noun-page-front-matter = 页面的前置元数据
noun-participant = 参与单位
noun-pdf-style = PDF 样式（pdf/style.yaml）
noun-person = 人员
noun-phase = 阶段
noun-post = 岗位
noun-post-file = 岗位文件
noun-progress-file = 进展文件
noun-risk = 风险
noun-signing-file = 签订文件
noun-site-config = 站点配置（safeduty.yaml）
noun-task = 任务
