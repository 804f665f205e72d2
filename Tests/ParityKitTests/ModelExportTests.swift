import Testing
import ParityTestSupport
import ParityYAML
@testable import ParityKit

@Suite struct ModelExportTests {
    @Test func fieldsFollowTheSchemaAndSecretsAreRedacted() throws {
        let marked = MarkedText(
            Decoding.environment(
                """
                access:
                  credentials:
                    - {value: hunter2, name: db, kind: password}
                services:
                  - {image: api, name: api, config: {Z: "1", A: "2"}}
                """))
        let result = try Decoding.decode(marked)
        #expect(result.diagnostics.isEmpty)
        let text = ModelExport.json(result.value, as: .object(EnvironmentSchema.root)).pretty
        #expect(!text.contains("hunter2"))
        #expect(
            text == """
                {
                  "apiVersion": "parity/v1",
                  "kind": "Environment",
                  "metadata": {
                    "name": "test",
                    "tier": "test",
                    "owner": "qa"
                  },
                  "services": [
                    {
                      "name": "api",
                      "image": "api",
                      "config": {
                        "A": "2",
                        "Z": "1"
                      }
                    }
                  ],
                  "access": {
                    "credentials": [
                      {
                        "name": "db",
                        "kind": "password",
                        "value": "<redacted>"
                      }
                    ]
                  }
                }

                """)
    }

    @Test func emptyCollectionsAndNumbers() {
        let tree = JSONValue.object([
            ("a", .array([])), ("b", .object([])), ("c", .double(0.5)), ("d", .double(.nan)), ("e", .null),
        ])
        #expect(tree.pretty == "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": 0.5,\n  \"d\": null,\n  \"e\": null\n}\n")
    }
}
