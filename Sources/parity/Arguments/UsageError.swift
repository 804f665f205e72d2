/// A command line that does not fit the command: printed with the usage line, exit 64.
struct UsageError: Error, Sendable {
    var message: String
    /// The command path whose usage applies (`parity diff`).
    var commandPath: String
    var usage: String?

    init(_ message: String, commandPath: String, usage: String? = nil) {
        self.message = message
        self.commandPath = commandPath
        self.usage = usage
    }
}
