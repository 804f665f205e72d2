public import ParityDiagnostics

extension Diagnostic.Code {
    /// A field the schema does not know.
    public static let schemaUnknownField: Self = "schema.unknown-field"
    /// A document with more problems than are listed (`DecodingRun.maxDiagnostics`).
    public static let schemaMoreProblems: Self = "schema.more-problems"
    /// A value of the wrong type (an integer expected, a string found).
    public static let schemaTypeMismatch: Self = "schema.type-mismatch"
    /// A required field is absent.
    public static let schemaMissingField: Self = "schema.missing-field"
    /// `yes`, `no`, `on`, `off`, `y` or `n` where a boolean is expected.
    public static let schemaYAML11Boolean: Self = "schema.yaml11-boolean"
    /// A value of the right type outside what the field allows (an unknown tier, a port of 70000).
    public static let schemaInvalidValue: Self = "schema.invalid-value"
    /// Two items of a named list share a name.
    public static let schemaDuplicateName: Self = "schema.duplicate-name"
    /// The same value twice in a set.
    public static let schemaDuplicateItem: Self = "schema.duplicate-item"
    /// An apiVersion Parity does not read.
    public static let schemaUnknownAPIVersion: Self = "schema.unknown-api-version"
    /// A kind Parity does not know, or one that does not belong where it was found.
    public static let schemaUnknownKind: Self = "schema.unknown-kind"
    /// A name that refers to nothing declared (a dependency on an unknown service).
    public static let modelUnknownReference: Self = "model.unknown-reference"
    /// The same field or named item defined in two files of one environment.
    public static let modelConflict: Self = "model.conflict"
    /// Environments that extend each other in a circle.
    public static let modelExtendsCycle: Self = "model.extends-cycle"
    /// Two environments with the same name.
    public static let modelDuplicateEnvironment: Self = "model.duplicate-environment"
    /// A name that is no environment of the repository.
    public static let modelUnknownEnvironment: Self = "model.unknown-environment"
}
