public import ParityDiagnostics
public import ParityYAML

/// Checks a file of any kind on its own: YAML, then each document's header, schema and
/// the kind's own checks. Environments that span files or extend others go through
/// `Workspace` instead.
public struct DocumentChecker: Sendable {
    /// Bounds on every file read.
    public var limits: LoaderLimits
    /// The kinds a document may have (every kind Parity reads, unless a test says otherwise).
    public var kinds: [FileKind]

    public init(limits: LoaderLimits = .default, kinds: [FileKind] = FileKind.all) {
        self.limits = limits
        self.kinds = kinds
    }

    /// Every problem of the file at `path`, registering its text (secrets hidden) with `sources`.
    public func check(file path: String, sources: SourceStore) -> [Diagnostic] {
        let bytes: [UInt8]
        do {
            bytes = try YAMLLoader.read(path, limit: limits.maxFileBytes)
        } catch {
            return error.diagnostics
        }
        return check(bytes, file: path, sources: sources)
    }

    /// Every problem of `bytes`, read from `file`, registering the text (secrets hidden) with `sources`.
    public func check(_ bytes: [UInt8], file: String, sources: SourceStore) -> [Diagnostic] {
        sources.maskingSecrets()
        let documents: [YAMLDocument]
        do {
            documents = try YAMLLoader(limits: limits, strictTags: true).load(bytes, file: file)
        } catch {
            sources.register(file, bytes: bytes)
            return error.diagnostics
        }
        var diagnostics: [Diagnostic] = []
        // Registered whole, for the kinds' own checks to quote (a policy's CEL); the store
        // hides secrets when a line is printed.
        sources.register(file, bytes: bytes)
        for document in documents {
            diagnostics += check(document.root, sources: sources, bytes: bytes).diagnostics
        }
        return diagnostics
    }

    /// Every problem of one document, and the nodes of its secrets.
    func check(_ root: Node, sources: SourceStore? = nil, bytes: [UInt8]? = nil) -> (
        diagnostics: [Diagnostic], secrets: [Node]
    ) {
        let (kind, diagnostics) = DocumentHeader.kind(of: root, among: kinds)
        guard let kind, let schema = kind.schema else { return (diagnostics, []) }
        var decoder = SchemaDecoder()
        if let bytes { decoder.secretRegions = { EnvironmentSchema.secretRegions(in: bytes) } }
        let decoded = decoder.decode(root, as: schema)
        // The kind's own checks run even when the schema found problems (they skip what did not
        // decode), so one round of fixes sees every problem, not one layer at a time.
        return (
            diagnostics + decoded.diagnostics + (kind.validate?(decoded.value, root, sources) ?? []), decoded.secrets
        )
    }
}
