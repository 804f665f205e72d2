/// `--color auto|always|never`: whether output is coloured, by the one rule every command
/// follows.
public enum ColorMode: String, Sendable, CaseIterable {
    case auto, always, never

    /// Whether to colour a stream: `always` and `never` as said; `auto` colours a terminal
    /// (not `TERM=dumb`), or anything when `FORCE_COLOR` or `CLICOLOR_FORCE` asks (CI logs
    /// render colour), and never while `NO_COLOR` is set.
    public func enabled(terminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let value = environment["NO_COLOR"], !value.isEmpty { return false }
            if Self.asks(environment["FORCE_COLOR"]) || Self.asks(environment["CLICOLOR_FORCE"]) { return true }
            return terminal && environment["TERM"] != "dumb"
        }
    }

    /// A forcing variable asks for colour when set to anything but empty, `0` or `false`.
    private static func asks(_ value: String?) -> Bool {
        guard let value else { return false }
        return !["", "0", "false"].contains(value.lowercased())
    }
}
