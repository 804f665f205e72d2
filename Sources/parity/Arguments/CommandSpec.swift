import ParityKit

/// A subcommand: its name, what it does, what it accepts, and what runs it.
struct CommandSpec: Sendable {
    var name: String
    var abstract: String
    var positionals: [PositionalSpec] = []
    var options: [OptionSpec] = []
    var discussion: String = ""
    /// Subcommands, as `parity policy test`; empty for a leaf command.
    var subcommands: [CommandSpec] = []
    /// Builds the run's options, runs it, renders its outcome; the status becomes an exit code
    /// in `ParityCLI.run` alone.
    var run: (@Sendable (ParsedArguments, CommandContext) throws -> RunStatus)?

    /// The usage line: `parity diff REFERENCE MIRROR [--format F]`.
    func usage(path: String) -> String {
        if !subcommands.isEmpty {
            return "\(path) <\(subcommands.map(\.name).joined(separator: "|"))> [ARGS...]"
        }
        var parts = [path]
        parts += positionals.map(\.usage)
        for option in options {
            let text = option.takesValue ? "--\(option.long) \(option.valueName!)" : "--\(option.long)" // takesValue: valueName is set
            parts.append("[\(text)]\(option.repeatable ? "..." : "")")
        }
        return parts.joined(separator: " ")
    }
}
