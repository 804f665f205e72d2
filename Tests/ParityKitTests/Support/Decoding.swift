import ParityTestSupport
import ParityDiagnostics
import ParityYAML
@testable import ParityKit

/// Decodes marked YAML text with a schema, as a test input.
enum Decoding {
    static func decode(
        _ marked: MarkedText, as schema: ObjectSchema = EnvironmentSchema.root, requireFields: Bool = true
    ) throws -> SchemaDecoder.Result {
        let documents = try YAMLLoader().load(marked.bytes, file: "test.yaml")
        return SchemaDecoder(checksRequiredFields: requireFields).decode(documents[0].root, as: schema)
    }

    /// A minimal, valid environment with `body` after its header.
    static func environment(_ body: String, name: String = "test") -> String {
        "apiVersion: parity/v1\nkind: Environment\nmetadata: {name: \(name), tier: test, owner: qa}\n" + body
    }
}
