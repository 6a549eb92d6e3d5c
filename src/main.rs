fn main() {
    std::process::exit(safeduty::cli::main());
}
