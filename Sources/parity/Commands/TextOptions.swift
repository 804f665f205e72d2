import ParityKit

/// `--only-failing` and `--quiet`, for the text reports of `check` and `diff`.
enum TextOptions {
    static let specs: [OptionSpec] = [
        .flag("only-failing", help: "in text, hide allowed, waived and baselined lines"),
        .flag("quiet", short: "q", help: "in text, print the verdict and its counts only"),
    ]

    static func parse(_ arguments: ParsedArguments) -> DiffTextRenderer.Options {
        DiffTextRenderer.Options(onlyFailing: arguments.flag("only-failing"), quiet: arguments.flag("quiet"))
    }
}
