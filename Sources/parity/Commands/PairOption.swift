import ParityKit

/// `--pair REF:MIRROR`, as `check` and `history` take it.
enum PairOption {
    static let spec = OptionSpec.value("pair", "REF:MIRROR", help: "only this pair (production:staging)")

    /// The pair named, if any; anything but `REFERENCE:MIRROR` is wrong usage.
    static func parse(_ arguments: ParsedArguments, command: String) throws -> HistoryReport.Pair? {
        guard let text = arguments.value("pair") else { return nil }
        guard let pair = HistoryReport.Pair(text: text) else {
            throw UsageError("--pair takes REFERENCE:MIRROR (production:staging), not '\(text)'", commandPath: command)
        }
        return pair
    }
}
