import Testing
import ParityDiagnostics
@testable import ParityKit

/// The extension point for the ParitySpec and Policy kinds: a schema and a check.
@Suite struct FileKindTests {
    static let rule = ObjectSchema("Rule", "A rule.", fields: [
        FieldSchema("id", .string, "The rule's id.", required: true),
        FieldSchema("assert", .string, "The condition.", required: true),
    ])
    static let policy = FileKind("Policy", "Rules.", schema: ObjectSchema("Policy", "Rules.", fields: [
        FieldSchema("apiVersion", .string, "Version.", required: true),
        FieldSchema("kind", .string, "Kind.", required: true),
        FieldSchema("rules", .list(.object(rule), .named(key: "id")), "The rules."),
    ]), validate: { value, _, _ in
        // Stands in for compiling each rule's CEL.
        (value["rules"]?.list ?? []).filter { $0["assert"]?.string == "nonsense" }.map {
            .error("cel.syntax", "cannot parse the assertion", at: $0["assert"]?.location)
        }
    })

    func check(_ text: String) throws -> [Diagnostic] {
        let scratch = try ScratchFolder()
        let file = try scratch.write("policy.yaml", text)
        return DocumentChecker(kinds: [FileKind.environment, Self.policy]).check(file: file, sources: SourceStore())
    }

    @Test func aKindWithASchemaIsDecodedAndChecked() throws {
        let header = "apiVersion: parity/v1\nkind: Policy\n"
        #expect(try check(header + "rules: [{id: a, assert: 'true'}]\n").isEmpty)
        #expect(try check(header + "rules: [{id: a, assert: nonsense}]\n").map(\.code) == ["cel.syntax"])
        // The kind's own check runs even when the schema found problems, so one round shows all.
        #expect(
            try check(header + "rules: [{id: a, assert: nonsense}, {id: a, asert: x}]\n").map(\.code) == [
                .schemaUnknownField, .schemaDuplicateName, "cel.syntax",
            ])
    }

    @Test func onlyTheGivenKindsAreKnown() throws {
        let diagnostics = try check("apiVersion: parity/v1\nkind: ParitySpec\n")
        #expect(diagnostics.map(\.message) == ["unknown kind 'ParitySpec'; Parity reads Environment or Policy"])
    }

    @Test func theJSONSchemaCoversEveryKindWithASchema() {
        let tree = JSONSchemaGenerator.schema(kinds: [FileKind.environment, Self.policy]).pretty
        #expect(tree.contains("\"#/$defs/Policy\""))
        #expect(tree.contains("\"Rule\": {"))
    }
}
