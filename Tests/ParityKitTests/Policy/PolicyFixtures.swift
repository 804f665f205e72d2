import Testing
import ParityDiagnostics
import ParityYAML
@testable import ParityKit

/// Policies and environments written inline in tests.
enum PolicyFixtures {
    /// The rules of a Policy document, and the problems loading found; the text is registered
    /// with `sources` (when given) so diagnostics point into it.
    static func rules(_ text: String, file: String = "policy.yaml", sources: SourceStore? = nil) throws -> (
        [CompiledRule], [Diagnostic]
    ) {
        sources?.register(file, bytes: Array(text.utf8))
        let root = try YAMLLoader().load(Array(text.utf8), file: file)[0].root
        return PolicyLoader().rules(in: root, locator: ExpressionLocator(document: root))
    }

    /// An engine over the rules of a Policy document that has no problems.
    static func engine(_ text: String) throws -> PolicyEngine {
        PolicyEngine(rules: try rules(text).0, schema: EnvironmentSchema.root)
    }

    /// An environment fragment as a policy subject (required fields not enforced; any other
    /// problem fails the test).
    static func subject(_ yaml: String, name: String = "production", tier: String? = "production") throws
        -> PolicySubject
    {
        let root = try YAMLLoader().load(Array(yaml.utf8), file: "\(name).yaml")[0].root
        let decoded = SchemaDecoder(checksRequiredFields: false).decode(root, as: EnvironmentSchema.root)
        #expect(decoded.diagnostics.isEmpty, "\(decoded.diagnostics)")
        return PolicySubject(name: name, tier: tier, value: decoded.value)
    }
}
