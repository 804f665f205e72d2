/// Parity's exit statuses, the same for every command.
public enum ExitStatus {
    /// Success, and nothing at or above `--fail-on`.
    public static let success: Int32 = 0
    /// Findings (gaps or policy violations) at or above `--fail-on`.
    public static let findings: Int32 = 1
    /// Invalid input: YAML, schema, policy or CEL errors, unreadable files.
    public static let invalidInput: Int32 = 2
    /// Wrong usage of the command line.
    public static let usage: Int32 = 64
}
