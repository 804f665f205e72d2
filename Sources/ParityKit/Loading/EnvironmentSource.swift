public import ParityDiagnostics

/// An environment as written, one file or a folder of files, decoded and combined but with
/// its `extends` not yet resolved.
public struct EnvironmentSource: Sendable {
    /// The file or folder, as found or given.
    public var path: String
    /// The YAML files read, in order.
    public var files: [String]
    /// The documents combined; nil when no Environment document could be read.
    public var declared: Value?
    /// Problems found reading, decoding and combining the files.
    public var diagnostics: [Diagnostic]

    public init(path: String, files: [String], declared: Value?, diagnostics: [Diagnostic]) {
        self.path = path
        self.files = files
        self.declared = declared
        self.diagnostics = diagnostics
    }

    /// The environment's own `metadata.name`.
    public var name: String? { declared?["metadata"]?["name"]?.string }

    /// The name of the environment this one extends, and where that was written.
    public var extends: Value? { declared?["extends"] }
}
