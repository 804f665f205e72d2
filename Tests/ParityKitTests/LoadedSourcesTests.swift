import Foundation
import Testing
import ParityDiagnostics
@testable import ParityKit

/// An environment file decoded with nothing to say is not kept in memory beside its model:
/// the store reads it again to quote a line, and quotes nothing of a file changed since.
@Suite struct LoadedSourcesTests {
    static let environment = """
        apiVersion: parity/v1
        kind: Environment
        metadata:
          name: production
          tier: production
        services:
          - name: checkout-api
            replicas: 3

        """

    @Test func aDecodedFileIsReadAgainToQuoteALine() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("production.yaml", Self.environment)
        let sources = SourceStore()
        let loaded = EnvironmentLoader().load([file], sources: sources)
        #expect(loaded.first?.diagnostics.isEmpty == true)
        #expect(sources.files == [file])
        // Changed on disk after the load: had the bytes been kept, the old line would be quoted.
        try folder.write("production.yaml", Self.environment.replacingOccurrences(of: "replicas: 3", with: "replicas: 4"))
        #expect(sources.line(8, of: file) == nil)
    }

    @Test func anUnchangedFileIsQuoted() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("production.yaml", Self.environment)
        let sources = SourceStore()
        _ = EnvironmentLoader().load([file], sources: sources)
        let rendered = DiagnosticRenderer(sources: sources).render(
            .warning("x.y", "look here", at: SourceLocation(file: file, line: 8, column: 5)))
        #expect(rendered.contains("    replicas: 3\n"))
    }

    @Test func aFileWithProblemsKeepsItsBytes() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("production.yaml", Self.environment + "    replicas: 4\n")
        let sources = SourceStore()
        let loaded = EnvironmentLoader().load([file], sources: sources)
        #expect(loaded.first?.diagnostics.isEmpty == false)
        try folder.write("production.yaml", "changed\n")
        // The tree path reported the repeated key, and its bytes are what the report quotes.
        #expect(sources.line(9, of: file) == "    replicas: 4")
    }
}
