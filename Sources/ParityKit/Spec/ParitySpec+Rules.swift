public import ParityDiagnostics

extension ParitySpec {
    /// A policy rule `parity.yaml` turns off, and why.
    public struct DisabledRule: Sendable {
        public var id: String
        public var reason: String
        /// Where the id is written.
        public var location: SourceLocation?
    }

    /// Reads `builtin:` and `rules: {disable: [...]}` from a decoded spec.
    mutating func readRules(_ value: Value, diagnostics: inout [Diagnostic]) {
        if let builtin = value["builtin"], let enabled = builtin.bool {
            builtinPack = enabled
            builtinLocation = builtin.location
        }
        var seen: [String: SourceLocation?] = [:]
        for entry in value["rules"]?["disable"]?.list ?? [] {
            guard let id = entry["id"], let text = id.string, let reason = entry["reason"]?.string else { continue }
            if reason.allSatisfy(\.isWhitespace) {
                diagnostics.append(
                    .error(
                        .specInvalidRules, "disabling '\(text)' needs a reason; say why the rule does not apply here",
                        at: entry["reason"]?.location))
                continue
            }
            if let first = seen.updateValue(id.location, forKey: text) {
                diagnostics.append(
                    .warning(
                        .specInvalidRules, "rule '\(text)' is disabled twice; keep one", at: id.location,
                        notes: [.init("first disabled here", at: first)]))
                continue
            }
            disabledRules.append(DisabledRule(id: text, reason: reason, location: id.location))
        }
    }
}

extension Diagnostic.Code {
    /// A `rules:` entry of parity.yaml that cannot be used.
    public static let specInvalidRules: Self = "spec.invalid-rules"
}
