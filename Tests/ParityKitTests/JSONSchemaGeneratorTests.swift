import Foundation
import Testing
@testable import ParityKit

@Suite struct JSONSchemaGeneratorTests {
    static func generated() throws -> [String: Any] {
        let text = JSONSchemaGenerator.schema().pretty
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func isDraft2020WithTheHeaderOfEveryFile() throws {
        let schema = try Self.generated()
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["required"] as? [String] == ["apiVersion", "kind"])
        let kind = (schema["properties"] as? [String: Any])?["kind"] as? [String: Any]
        #expect(kind?["enum"] as? [String] == ["Environment", "ParitySpec", "Policy", "PolicyTest", "MigrationPlan"])
    }

    @Test func everyObjectIsClosedAndEveryPropertyDescribed() throws {
        let definitions = try #require(try Self.generated()["$defs"] as? [String: [String: Any]])
        // Every object of every kind is defined once: the environment's, the spec's, the policy's.
        let environmentObjects = Set(EnvironmentSchemaTests.objects.map(\.name))
        #expect(environmentObjects.isSubset(of: Set(definitions.keys)))
        #expect(
            definitions.keys.contains("ParitySpec") && definitions.keys.contains("Rule")
                && definitions.keys.contains("PolicyTestCase"))
        for (name, definition) in definitions {
            #expect(definition["additionalProperties"] as? Bool == false, "\(name)")
            let properties = try #require(definition["properties"] as? [String: [String: Any]])
            for (field, property) in properties {
                #expect((property["description"] as? String)?.isEmpty == false, "\(name).\(field)")
            }
        }
    }

    @Test func everyReferenceResolves() throws {
        let schema = try Self.generated()
        let definitions = try #require(schema["$defs"] as? [String: Any])
        var references: [String] = []
        func collect(_ node: Any) {
            if let object = node as? [String: Any] {
                if let reference = object["$ref"] as? String { references.append(reference) }
                object.values.forEach(collect)
            } else if let array = node as? [Any] {
                array.forEach(collect)
            }
        }
        collect(schema)
        #expect(!references.isEmpty)
        for reference in references {
            #expect(
                reference.hasPrefix("#/$defs/") && definitions[String(reference.dropFirst(8))] != nil, "\(reference)")
        }
    }

    /// Pieces of an environment may come from another file or a parent, so only an item's
    /// name is required of it; values written whole (a port, a permission) need every field.
    @Test func requiresWhatEveryFileMustWrite() throws {
        let definitions = try #require(try Self.generated()["$defs"] as? [String: [String: Any]])
        #expect(definitions["Environment"]?["required"] as? [String] == ["apiVersion", "kind"])
        #expect(definitions["Service"]?["required"] as? [String] == ["name"])
        #expect(definitions["Port"]?["required"] as? [String] == ["port"])
        #expect(definitions["Permission"]?["required"] as? [String] == ["actions", "resources"])
        #expect(definitions["Metadata"]?["required"] == nil)
    }

    @Test func typesCarryTheirConstraints() throws {
        let definitions = try #require(try Self.generated()["$defs"] as? [String: [String: Any]])
        let port = try #require((definitions["Port"]?["properties"] as? [String: [String: Any]])?["port"])
        #expect(port["type"] as? String == "integer")
        #expect(port["minimum"] as? Int == 1)
        #expect(port["maximum"] as? Int == 65535)
        let credential = try #require(definitions["Credential"]?["properties"] as? [String: [String: Any]])
        #expect(credential["value"]?["writeOnly"] as? Bool == true)
        #expect(credential["rotation"]?["pattern"] as? String == JSONSchemaGenerator.durationPattern)
        let version = try #require((definitions["Service"]?["properties"] as? [String: [String: Any]])?["version"])
        #expect(version["type"] as? [String] == ["string", "number"])
    }
}
