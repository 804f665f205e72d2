import Testing
@testable import ParityDiagnostics

/// Regions end where the YAML value that starts at the location ends, on its line.
@Suite struct SourceRegionTests {
    static func region(_ line: String, at column: Int) -> SourceRegion? {
        let sources = SourceStore()
        sources.register("f.yaml", bytes: Array("first: 1\n\(line)\nlast: 2\n".utf8))
        return sources.region(at: SourceLocation(file: "f.yaml", line: 2, column: column))
    }

    @Test(arguments: [
        ("version: 16.4", 10, 14),
        ("version: 16.4  # the newest", 10, 14),
        ("- {name: a, value: \"x, y\"}", 20, 26),
        ("- {name: a, mode: live}", 19, 23),
        ("permissions: [{actions: [\"*\"]}, {b: 1}]", 15, 31),
        ("key: 'it''s'", 6, 13),
        ("- name: checkout-api", 3, 21),
    ])
    func endsWhereTheValueEnds(_ line: String, _ column: Int, _ end: Int) throws {
        let region = try #require(Self.region(line, at: column))
        #expect(region == SourceRegion(startLine: 2, startColumn: column, endLine: 2, endColumn: end), "\(line)")
    }

    @Test func unknownFilesAndWholeFilesFallBack() {
        let sources = SourceStore()
        #expect(
            sources.region(at: SourceLocation(file: "none.yaml", line: 3, column: 4))
                == SourceRegion(startLine: 3, startColumn: 4, endLine: 3, endColumn: 5))
        #expect(sources.region(at: .file("none.yaml")) == nil)
    }
}
