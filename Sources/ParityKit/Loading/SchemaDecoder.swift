public import ParityDiagnostics
public import ParityYAML

/// Turns YAML nodes into model values as a schema describes them, reporting every problem
/// at its place rather than stopping at the first.
///
/// Any kind of document decodes through it: `SchemaDecoder().decode(root, as: MySchema.root)`.
public struct SchemaDecoder: Sendable {
    /// Whether absent required fields are reported. Off for fragments of an environment,
    /// which are only complete once composed; the loader checks the composed value instead.
    public var checksRequiredFields: Bool
    /// Where the file's secrets are written (`EnvironmentSchema.secretRegions`), asked once,
    /// and only if a key of no known field is met: one inside them is not named in its message.
    public var secretRegions: (@Sendable () -> [SourceRegion])?

    public init(checksRequiredFields: Bool = true, secretRegions: (@Sendable () -> [SourceRegion])? = nil) {
        self.checksRequiredFields = checksRequiredFields
        self.secretRegions = secretRegions
    }

    /// What decoding produced: the value, and every diagnostic found on the way.
    public struct Result: Sendable {
        /// The decoded value. Unknown fields are left out; a value of the wrong type is kept
        /// as written, so later checks do not report it again as missing.
        public var value: Value
        /// Every problem found, in document order.
        public var diagnostics: [Diagnostic]
        /// The nodes of sensitive fields: their source text must never be shown.
        public var secrets: [Node]
    }

    /// Decodes a document's root `node` as an object of `schema`.
    public func decode(_ node: Node, as schema: ObjectSchema) -> Result {
        decode(node, as: .object(schema))
    }

    /// Decodes `node` as a value of `type`.
    public func decode(_ node: Node, as type: SchemaType) -> Result {
        var run = DecodingRun()
        run.secretRegions = secretRegions
        let value = run.value(node, type, label: DecodingRun.Label())
        var diagnostics = run.diagnostics
        if run.unlisted.count > 0 {
            diagnostics.append(
                Diagnostic(
                    run.unlisted.severity, .schemaMoreProblems,
                    "\(run.unlisted.count) more problems in this document are not listed after the first "
                        + "\(DecodingRun.maxDiagnostics); fix these and run again to see them",
                    at: node.location))
        }
        if checksRequiredFields, let schema = type.objectSchema, case .object = type {
            diagnostics += RequiredFields.check(value, schema: schema)
        }
        return Result(value: value, diagnostics: diagnostics, secrets: run.secrets)
    }
}
