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

