/// One problem found in the input: what, where, how bad, and the other places involved.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Hashable, Sendable, Comparable, CaseIterable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// A secondary message pointing at another place (the first of two duplicate keys, say).
    public struct Note: Hashable, Sendable {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    public var code: Code
    public var message: String
    public var location: SourceLocation?
    public var notes: [Note]

    public init(
        _ severity: Severity = .error,
        _ code: Code,
        _ message: String,
        at location: SourceLocation?,
        notes: [Note] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// Shorthand for an error diagnostic.
    public static func error(_ code: Code, _ message: String, at location: SourceLocation?, notes: [Note] = [])
        -> Diagnostic
    {
        Diagnostic(.error, code, message, at: location, notes: notes)
    }

    /// Shorthand for a warning diagnostic.
    public static func warning(_ code: Code, _ message: String, at location: SourceLocation?, notes: [Note] = [])
        -> Diagnostic
    {
        Diagnostic(.warning, code, message, at: location, notes: notes)
    }

    /// The one-line form, `PATH:LINE:COL: error: MESSAGE [CODE]`, without source excerpt.
    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(severity.rawValue): \(message) [\(code)]"
    }
}

extension Diagnostic {
    /// A stable identifier for a kind of diagnostic, readable as words (`yaml.duplicate-key`).
    ///
    /// A struct with static members rather than an enum, so each stage adds its own codes
    /// without breaking anyone's exhaustive switch. Codes double as SARIF rule ids.
    public struct Code: RawRepresentable, Hashable, Sendable, Comparable, ExpressibleByStringLiteral,
        CustomStringConvertible
    {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }
        public static func < (a: Code, b: Code) -> Bool { a.rawValue < b.rawValue }
    }
}

/// Any number of diagnostics thrown together, so one run reports every problem it found.
public struct DiagnosticList: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

extension Sequence where Element == Diagnostic {
    /// Whether any of these is an error.
    public var containsError: Bool { contains { $0.severity == .error } }

    /// Sorted by place, then by message; diagnostics without a place come last.
    public func sortedByLocation() -> [Diagnostic] {
        sorted { a, b in
            switch (a.location, b.location) {
            case let (l?, r?): return l != r ? l < r : a.message < b.message
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return a.message < b.message
            }
        }
    }
}
