public import ParityDiagnostics
public import ParityYAML

/// A kind of Parity file (`kind: Environment`): the schema its documents decode with, and
/// any checks beyond the schema.
///
/// The place to plug in a kind: give it a schema and `lint`, `schema` and decoding pick it up.
public struct FileKind: Sendable {
    /// The value of `kind:` (`Environment`).
    public var name: String
    /// What such a file is, in a sentence.
    public var summary: String
    /// The document's schema; nil while only `apiVersion` and `kind` are checked.
    public var schema: ObjectSchema?
    /// Checks beyond the schema (compiling a policy's CEL, say), run on a decoded document
    /// that has no schema errors.
    public var validate: (@Sendable (Value, Node, SourceStore?) -> [Diagnostic])?

    public init(
        _ name: String, _ summary: String, schema: ObjectSchema?,
        validate: (@Sendable (Value, Node, SourceStore?) -> [Diagnostic])? = nil
    ) {
        self.name = name
        self.summary = summary
        self.schema = schema
        self.validate = validate
    }

    /// One environment's topology.
    public static let environment = FileKind(
        "Environment", "One environment's topology.", schema: EnvironmentSchema.root)
    /// The repository's settings: pairs, allowed variances, waivers and the gate.
    public static let paritySpec = FileKind(
        "ParitySpec",
        "Where environments and policies live, which environment mirrors which, allowed variances, waivers and the gate.",
        schema: SpecSchema.spec,
        validate: { value, root, _ in
            ParitySpec.from(value, file: root.location.file, locator: ExpressionLocator(document: root)).1
        })
    /// Guardrail rules.
    public static let policy = FileKind(
        "Policy", "Guardrail rules written in CEL.", schema: PolicySchema.root,
        validate: { value, root, _ in PolicyLoader().compile(value, locator: ExpressionLocator(document: root)).1 })
    /// Tests of policy rules.
    public static let policyTest = FileKind(
        "PolicyTest", "Cases that pin what each policy rule says about a small environment.",
        schema: PolicyTestSchema.root,
        validate: { _, root, _ in
            PolicyTestCase.decode(root, file: root.location.file).1.filter { $0.code == .policyTestInvalid }
        })

    /// A migration's phases and their go / no-go / pause criteria.
    public static let migrationPlan = FileKind(
        "MigrationPlan",
        "A migration's phases, each with entry, success and pause criteria over metrics and data reconciliation.",
        schema: PlanSchema.root,
        validate: { value, root, _ in
            MigrationPlan.from(value, file: root.location.file, locator: ExpressionLocator(document: root)).1
        })

    /// Every kind Parity reads, in the order help and the JSON Schema list them.
    public static let all: [FileKind] = [environment, paritySpec, policy, policyTest, migrationPlan]

    /// The apiVersions Parity reads.
    public static let apiVersions = [EnvironmentSchema.apiVersion]

    /// The kind called `name`.
    public static func named(_ name: String) -> FileKind? {
        all.first { $0.name == name }
    }
}
