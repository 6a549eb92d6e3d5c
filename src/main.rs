// The build allocates and frees many small strings and vectors on every core (templates,
// search indexing, PDF objects): mimalloc does that markedly faster than glibc's malloc.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(safeduty::cli::main());
}
