public import ParityDiagnostics

/// An environment with its files composed and its `extends` chain applied.
public struct ResolvedEnvironment: Sendable {
    /// The environment's name; its path when it has none.
    public var name: String
    public var path: String
    /// The model. Every value remembers where it was written, through `extends` too.
    public var value: Value
    /// Every problem found in this environment and in resolving it.
    public var diagnostics: [Diagnostic]
    /// The environment's name followed by those it extends, nearest first.
    public var lineage: [String]

    public init(name: String, path: String, value: Value, diagnostics: [Diagnostic], lineage: [String]) {
        self.name = name
        self.path = path
        self.value = value
        self.diagnostics = diagnostics
        self.lineage = lineage
    }
}
