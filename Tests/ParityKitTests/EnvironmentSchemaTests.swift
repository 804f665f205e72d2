import Testing
@testable import ParityKit

@Suite struct EnvironmentSchemaTests {
    /// Every object type reachable from the Environment, each once.
    static let objects: [ObjectSchema] = {
        var found: [ObjectSchema] = []
        var seen: Set<String> = []
        func visit(_ schema: ObjectSchema) {
            guard seen.insert(schema.name).inserted else { return }
            found.append(schema)
            for field in schema.fields { if let inner = field.type.objectSchema { visit(inner) } }
        }
        visit(EnvironmentSchema.root)
        return found
    }()

    @Test func coversEveryAreaOfTheProduct() {
        let areas = EnvironmentSchema.root.fields.map(\.name)
        #expect(areas == ["apiVersion", "kind", "extends", "metadata", "regions", "services", "datastores", "networks",
                          "access", "featureFlags", "externals", "observability", "rollback"])
        #expect(Self.objects.count >= 25)
    }

    @Test(arguments: objects.map(\.name))
    func everyFieldIsDocumentedInOneLine(_ name: String) throws {
        let schema = try #require(Self.objects.first { $0.name == name })
        #expect(!schema.summary.isEmpty)
        for field in schema.fields {
            #expect(field.summary.hasSuffix("."), "\(name).\(field.name) needs a one-line summary")
            #expect(!field.summary.contains("\n"))
            #expect(field.summary.first?.isUppercase == true, "\(name).\(field.name)")
        }
        #expect(Set(schema.fields.map(\.name)).count == schema.fields.count, "\(name) has a field twice")
    }

    @Test func namedListsAreKeyedByARequiredName() {
        for schema in Self.objects {
            for field in schema.fields {
                guard case .list(let item, .named(let key)) = field.type else { continue }
                let keyField = item.objectSchema?.field(key)
                #expect(key == "name", "\(schema.name).\(field.name)")
                #expect(keyField?.required == true, "\(schema.name).\(field.name)")
                if case .string? = keyField?.type {
                } else {
                    Issue.record("\(schema.name).\(field.name): its key is not a string")
                }
            }
        }
    }

    @Test func everyReferenceTargetsANamedCollection() {
        for schema in Self.objects {
            for field in schema.fields {
                guard let reference = field.references else { continue }
                for target in reference.targets {
                    #expect(
                        Self.collection(at: target) != nil,
                        "\(schema.name).\(field.name) refers to \(target), which is no collection")
                }
            }
        }
    }

    /// The list type at `path` of the Environment, following fields and `[*]`.
    static func collection(at path: ModelPath) -> SchemaType? {
        var type = SchemaType.object(EnvironmentSchema.root)
        for component in path.components {
            switch (component, type) {
            case (.field(let name), .object(let schema)):
                guard let field = schema.field(name) else { return nil }
                type = field.type
            case (.anyItem, .list(let item, _)):
                type = item
            default:
                return nil
            }
        }
        if case .list = type { return type }
        return nil
    }

    @Test func secretsAreMarkedSensitive() {
        #expect(EnvironmentSchema.credential.field("value")?.sensitive == true)
        #expect(EnvironmentSchema.external.field("apiKey")?.sensitive == true)
        #expect(EnvironmentSchema.credential.field("secretRef")?.sensitive == false)
    }

    @Test func nounsReadAsWords() {
        #expect(EnvironmentSchema.featureFlag.noun == "feature flag")
        #expect(EnvironmentSchema.service.noun == "service")
    }
}
