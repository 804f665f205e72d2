import Testing
import ParityDiagnostics
import ParityYAML
@testable import ParityKit

/// Past 1,000 problems in one document the rest are counted, not built (issue 17, point 6):
/// 80,000 unknown fields cost 80,000 suggestions and messages no one reads.
@Suite struct DiagnosticCapTests {
    func decoded(_ body: String) throws -> [Diagnostic] {
        let text = "apiVersion: parity/v1\nkind: Environment\nmetadata: {name: s, tier: staging, owner: o}\n" + body
        let root = try #require(try YAMLLoader().load(Array(text.utf8), file: "s.yaml").first?.root)
        return SchemaDecoder(checksRequiredFields: false).decode(root, as: EnvironmentSchema.root).diagnostics
    }

    @Test func unknownFieldsPastTheCapAreCountedInOneError() throws {
        let found = try decoded((0..<2_500).map { "unknown\($0): 1\n" }.joined())
        #expect(found.count == DecodingRun.maxDiagnostics + 1)
        let summary = try #require(found.last)
        #expect(summary.code == .schemaMoreProblems)
        #expect(summary.severity == .error)
        #expect(summary.message.hasPrefix("1500 more problems in this document are not listed after the first 1000"))
        #expect(summary.location?.line == 1)
    }

    @Test func warningsPastTheCapStayWarnings() throws {
        let found = try decoded("regions: [" + Array(repeating: "eu-west-1", count: 1_200).joined(separator: ", ") + "]\n")
        #expect(found.last?.code == .schemaMoreProblems)
        #expect(found.last?.severity == .warning)
        #expect(!found.containsError)
    }

    @Test func anErrorPastTheCapKeepsTheDocumentInError() throws {
        let duplicates = "regions: [" + Array(repeating: "eu-west-1", count: 1_100).joined(separator: ", ") + "]\n"
        let found = try decoded(duplicates + "unknownField: 1\n")
        #expect(found.filter { $0.severity == .error }.map(\.code) == [.schemaMoreProblems])
    }
}
