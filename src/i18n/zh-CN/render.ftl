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
fence-missing-help = 检查拼写，并确认该文件已提交
fence-io-help = 检查该文件的访问权限

