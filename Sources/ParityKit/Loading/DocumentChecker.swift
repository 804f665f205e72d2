public import ParityDiagnostics
import ParityYAML

/// Checks a file of any kind on its own: YAML, then each document's header, schema and
/// the kind's own checks. Environments that span files or extend others go through
/// `Workspace` instead.
public struct DocumentChecker: Sendable {
    /// Bounds on every file read.
    public var limits: LoaderLimits

    public init(limits: LoaderLimits = .default) {
        self.limits = limits
    }

    /// Every problem of the file at `path`, registering its text with `sources`.
    public func check(file path: String, sources: SourceStore) -> [Diagnostic] {
        let documents: [YAMLDocument]
        do {
            documents = try YAMLLoader(limits: limits, strictTags: true).loadFile(path, sources: sources)
        } catch {
            return error.diagnostics
        }
        return documents.flatMap { check($0.root) }
    }

    /// Every problem of one document.
    public func check(_ root: Node) -> [Diagnostic] {
        let (kind, diagnostics) = DocumentHeader.kind(of: root)
        guard let kind, let schema = kind.schema else { return diagnostics }
        let decoded = SchemaDecoder().decode(root, as: schema)
        guard !decoded.diagnostics.containsError else { return diagnostics + decoded.diagnostics }
        return diagnostics + decoded.diagnostics + (kind.validate?(decoded.value) ?? [])
    }
}
