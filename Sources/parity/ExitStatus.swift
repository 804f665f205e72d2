/// Parity's exit statuses, the same for every command; only `ParityCLI` uses them.
enum ExitStatus {
    /// Success, and nothing at or above `--fail-on`.
    static let success: Int32 = 0
    /// Findings (gaps or policy violations) at or above `--fail-on`.
    static let findings: Int32 = 1
    /// Invalid input: YAML, schema, policy or CEL errors, unreadable files.
    static let invalidInput: Int32 = 2
    /// Wrong usage of the command line.
    static let usage: Int32 = 64
}
