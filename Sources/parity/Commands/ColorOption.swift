import ParityKit

/// `--color auto|always|never`, for every command that prints a report or diagnostics.
enum ColorOption {
    static let spec = OptionSpec.choice(
        "color", "WHEN",
        help:
            "colour the output: auto (a terminal, or FORCE_COLOR / CLICOLOR_FORCE; never with NO_COLOR), always, never",
        of: ColorMode.self)

    /// Applies `--color` when given; `auto` is already the context's default.
    static func apply(_ arguments: ParsedArguments, _ context: CommandContext) {
        if let mode = arguments.choice("color", as: ColorMode.self) { context.colour(mode) }
    }
}
