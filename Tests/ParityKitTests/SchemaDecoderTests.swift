import Testing
import ParityTestSupport
import ParityDiagnostics
import ParityYAML
@testable import ParityKit

@Suite struct SchemaDecoderTests {
    @Test func stringFieldsKeepTheSourceText() throws {
        let marked = MarkedText(
            Decoding.environment(
                "services:\n  - {name: api, image: api, version: 1.10}\n  - {name: web, image: web, version: 2.0}\n"))
        let result = try Decoding.decode(marked)
        #expect(result.diagnostics.isEmpty)
        let versions = result.value["services"]?.list?.compactMap { $0["version"]?.string }
        #expect(versions == ["1.10", "2.0"])
    }

    @Test func numbersAndBooleansAreTyped() throws {
        let result = try Decoding.decode(
            MarkedText(
                Decoding.environment(
                    "services:\n  - {name: api, image: api, replicas: 3, ports: [{port: 443, tls: true}]}\nobservability:\n  tracing: {enabled: false, sampleRate: 1}\n"
                )))
        #expect(result.diagnostics.isEmpty)
        let service = result.value["services"]?.list?.first
        #expect(service?["replicas"]?.int == 3)
        #expect(service?["ports"]?.list?.first?["tls"]?.bool == true)
        #expect(result.value["observability"]?["tracing"]?["sampleRate"]?.double == 1.0)
        #expect(result.value["observability"]?["tracing"]?["enabled"]?.bool == false)
    }

    @Test func everyProblemIsReportedAtOnceAtItsPlace() throws {
        let marked = MarkedText(
            Decoding.environment(
                """
                services:
                  - name: api
                    image: api
                    ⟨a⟩replcias: 3
                    ports: [{port: ⟨b⟩big, tls: ⟨c⟩no}]
                  - ⟨d⟩name: ⟨e⟩api
                """))
        let result = try Decoding.decode(marked, requireFields: false)
        #expect(
            result.diagnostics.map(\.code) == [
                .schemaUnknownField, .schemaTypeMismatch, .schemaYAML11Boolean, .schemaDuplicateName,
            ])
        #expect(result.diagnostics.map(\.location) == ["a", "b", "c", "e"].map { marked.location($0) })
        #expect(
            result.diagnostics.last?.notes.first?.location
                == MarkedText(Decoding.environment("services:\n  - name: ⟨x⟩api")).location("x"))
    }

    @Test func aMisspeltFieldIsOneDiagnosticNotTwo() throws {
        // The decoder recovers as if the suggested name had been written, so the required
        // field it stands for is not also reported missing.
        let result = try Decoding.decode(MarkedText(Decoding.environment("services:\n  - {name: api, imag: api}\n")))
        #expect(result.diagnostics.map(\.code) == [.schemaUnknownField])
        #expect(result.diagnostics.first?.message == "unknown field 'imag' in services[api]; did you mean 'image'?")
    }

    @Test(arguments: ["yes", "Yes", "YES", "y", "on", "On"])
    func yaml11TrueSpellingsSayWhatToWrite(_ word: String) throws {
        let result = try Decoding.decode(
            MarkedText(Decoding.environment("featureFlags: [{name: f, enabled: \(word)}]\n")))
        #expect(
            result.diagnostics.map(\.message) == ["expected a boolean, found '\(word)' (YAML 1.1 spelling); write true"]
        )
    }

    @Test(arguments: ["no", "No", "NO", "n", "off", "OFF"])
    func yaml11FalseSpellingsSayWhatToWrite(_ word: String) throws {
        let result = try Decoding.decode(
            MarkedText(Decoding.environment("featureFlags: [{name: f, enabled: \(word)}]\n")))
        #expect(
            result.diagnostics.map(\.message) == [
                "expected a boolean, found '\(word)' (YAML 1.1 spelling); write false"
            ])
    }

    @Test func quotedYAML11WordsAreOrdinaryMismatches() throws {
        let result = try Decoding.decode(
            MarkedText(Decoding.environment("featureFlags: [{name: f, enabled: 'yes'}]\n")))
        #expect(result.diagnostics.map(\.code) == [.schemaTypeMismatch])
    }

    @Test func requiredFieldsAreCheckedOnlyWhenAsked() throws {
        let marked = MarkedText("apiVersion: parity/v1\nkind: Environment\nservices: [⟨s⟩{name: api}]\n")
        let checked = try Decoding.decode(marked)
        #expect(
            checked.diagnostics.map(\.message) == [
                "missing required field 'metadata' in this environment; add who and what this environment is",
                "missing required field 'image' in services[api]; add the container image to run, with its registry",
            ])
        #expect(checked.diagnostics.last?.location == marked.location("s"))
        #expect(try Decoding.decode(marked, requireFields: false).diagnostics.isEmpty)
    }

    @Test func anotherKindDecodesWithItsOwnSchema() throws {
        let rule = ObjectSchema(
            "Rule", "A rule.",
            fields: [
                FieldSchema("id", .string, "The rule's id.", required: true),
                FieldSchema("severity", .enumeration(["error", "warning"]), "How bad."),
            ])
        let schema = ObjectSchema(
            "Policy", "Rules.",
            fields: [
                FieldSchema("apiVersion", .string, "Version.", required: true),
                FieldSchema("kind", .string, "Kind.", required: true),
                FieldSchema("rules", .list(.object(rule), .named(key: "id")), "The rules."),
            ])
        let marked = MarkedText(
            "apiVersion: parity/v1\nkind: Policy\nrules:\n  - {id: a, severity: ⟨s⟩eror}\n  - {id: ⟨d⟩a}\n")
        let result = try Decoding.decode(marked, as: schema)
        #expect(result.diagnostics.map(\.code) == [.schemaInvalidValue, .schemaDuplicateName])
        #expect(
            result.diagnostics.first?.message
                == "expected one of error, warning for 'severity', found 'eror'; did you mean 'error'?")
        #expect(result.diagnostics.map(\.location) == [marked.location("s"), marked.location("d")])
    }

    @Test func mapsKeepTheirKeys() throws {
        let result = try Decoding.decode(
            MarkedText(
                Decoding.environment(
                    "regions: [eu-west-1]\nfeatureFlags:\n  - name: f\n    enabled: true\n    overrides: {eu-west-1: {rollout: 5}}\n"
                )))
        #expect(result.diagnostics.isEmpty)
        #expect(result.value["featureFlags"]?.list?.first?["overrides"]?["eu-west-1"]?["rollout"]?.int == 5)
    }

    /// Short sets compare pairs, long ones hash; both find the same duplicates.
    @Test(arguments: [3, 40])
    func duplicatesInASetAreWarnedAbout(_ size: Int) throws {
        let ports = (1...size).map { "\($0)" } + ["2", "2"]
        let line = "  - {name: n, cidr: 10.0.0.0/8, rules: [{name: r, direction: ingress, from: internet, to: internet, ports: [\(ports.joined(separator: ", "))]}]}"
        let marked = MarkedText(Decoding.environment("networks:\n\(line)\n"))
        let result = try Decoding.decode(marked)
        #expect(result.diagnostics.map(\.code) == [.schemaDuplicateItem, .schemaDuplicateItem])
        #expect(result.diagnostics.map(\.severity) == [.warning, .warning])
        // Each repeat points at the first place the value is listed, however many repeats follow.
        let firstTwo = line.distance(from: line.startIndex, to: line.range(of: "[1, 2")!.lowerBound) + 5
        #expect(result.diagnostics.map { $0.notes.first?.location?.column } == [firstTwo, firstTwo])
        #expect(result.value.value(at: ModelPath(parsing: "networks[n].rules[r].ports")!)?.list?.count == size)
    }
}
