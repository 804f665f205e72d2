import ParityKit

/// `--today YYYY-MM-DD`: the run's date for dated rules and waiver expiry, so that a CI run
/// and its tests are reproducible.
enum RunDateOption {
    static let spec = OptionSpec.value(
        "today", "YYYY-MM-DD",
        help: "the run's date, for dated rules and waiver expiry (default: PARITY_TODAY, else the clock's UTC day)")

    /// The date `--today` or `PARITY_TODAY` fixes, else the clock's; a malformed one is wrong usage.
    static func date(_ arguments: ParsedArguments, _ context: CommandContext, command: String) throws -> RunDate {
        if let text = arguments.value("today") {
            guard let date = RunDate(day: text) else {
                throw UsageError("--today takes a date written YYYY-MM-DD, found '\(text)'", commandPath: command)
            }
            return date
        }
        if let text = context.environment["PARITY_TODAY"], RunDate(day: text) == nil {
            throw UsageError(
                "PARITY_TODAY is '\(text)', not a date written YYYY-MM-DD; fix it or unset it", commandPath: command)
        }
        return RunDate.current(environment: context.environment)
    }
}
