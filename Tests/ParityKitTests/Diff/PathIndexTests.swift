import Testing
@testable import ParityKit

/// The path index answers as a scan of every path does: the paths under a prefix, those a
/// pattern matches, and whether an ancestor is indexed, on random paths (shared prefixes,
/// repeated paths, paths in tree order or not, paths appended after the index was built).
@Suite struct PathIndexTests {
    typealias Generator = PathOrderTests.Generator

    static func randomPath(_ random: inout Generator, steps: Int) -> ModelPath {
        PathOrderTests.randomPath(&random, steps: steps)
    }

    @Test func answersAsAScanOfEveryPath() {
        var random = Generator(state: 11)
        for _ in 0..<200 {
            var indexed = (0..<Int.random(in: 0...30, using: &random)).map { _ in Self.randomPath(&random, steps: 3) }
            // In tree order, as a diff's gaps come, each prefix's positions are one run.
            if Bool.random(using: &random) { indexed.sort() }
            var index = PathIndex(indexed)
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let path = Self.randomPath(&random, steps: 3)
                indexed.append(path)
                index.append(path)
            }
            #expect(index.count == indexed.count)
            for _ in 0..<40 {
                let query = Self.randomPath(&random, steps: 3)
                let concrete = ModelPath(query.components.filter { $0 != .anyItem && $0 != .anyField })
                let under =
                    concrete.components.isEmpty
                    ? [] : indexed.indices.filter { indexed[$0].components.starts(with: concrete.components) }
                #expect(Array(index.positions(under: concrete)) == under, "\(concrete.components)")
                let matching = indexed.indices.filter { indexed[$0].matches(query, prefix: true) }
                #expect(index.positions(matching: query) == matching, "\(query.components)")
                let all = Set(indexed)
                let ancestor =
                    query.components.count > 1
                    && (1..<query.components.count).contains {
                        all.contains(ModelPath(Array(query.components.prefix($0))))
                    }
                #expect(index.containsAncestor(of: query) == ancestor, "\(query.components)")
            }
        }
    }
}
