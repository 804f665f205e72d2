public import ParityDiagnostics

/// One document of a YAML stream.
public struct YAMLDocument: Sendable {
    public let root: Node
    /// Where the document starts.
    public let location: SourceLocation

    public init(root: Node, location: SourceLocation) {
        self.root = root
        self.location = location
    }
}
