import Testing
import ParityDiagnostics
import ParityYAML
@testable import ParityKit

/// Errors inside CEL written in YAML point into the expression, wherever its scalar's text
/// starts: the parser says so for quoted and block scalars, nothing re-reads the line.
@Suite struct ExpressionLocationTests {
    @Test func quotedAndBlockPredicatesInTheSpecPointAtTheError() throws {
        let scratch = try ScratchFolder()
        let file = try scratch.write("parity.yaml", """
            apiVersion: parity/v1
            kind: ParitySpec
            pairs:
              - reference: a
                mirror: b
                allow:
                  - path: services[*].replicas
                    reason: r
                    cel: "mirror <= reference + nope"
                  - path: services[*].image
                    reason: r
                    cel: |
                      mirror.startsWith(
                        nope)

            """)
        let (_, diagnostics) = SpecLoader.load(nil, root: scratch.path, sources: SourceStore())
        let places = diagnostics.compactMap(\.location)
        #expect(places == [
            SourceLocation(file: file, line: 9, column: 37),
            SourceLocation(file: file, line: 14, column: 13),
        ], "\(diagnostics)")
    }

    @Test func aBlockScalarsIndentComesFromTheParser() throws {
        let root = try #require(try ParityYAMLLoading.root("a: |\n\n    x\n    y\nb: 'q'\n"))
        let block = try #require(root["a"])
        #expect(block.scalar?.contentIndent == 4)
        #expect(block.scalar?.contentStart(at: block.location) == SourceLocation(file: "t.yaml", line: 2, column: 5))
        let quoted = try #require(root["b"])
        #expect(quoted.scalar?.contentStart(at: quoted.location) == SourceLocation(file: "t.yaml", line: 5, column: 5))
    }
}

/// One YAML document, loaded for a test.
enum ParityYAMLLoading {
    static func root(_ text: String) throws -> Node? {
        try YAMLLoader().load(Array(text.utf8), file: "t.yaml").first?.root
    }
}
