import Foundation
import Testing
import ParityDiagnostics
import ParityYAML
@testable import ParityKit

/// The decoder that reads environment files from libyaml's events takes a file only where
/// the tree path (`YAMLLoader`, `DocumentHeader`, `SchemaDecoder`) has nothing to say, and then
/// decodes the values the tree does, place for place; anywhere else it gives up.
@Suite struct EventDecoderTests {
    /// The tree path's values for `bytes`, as `EnvironmentLoader` reads them; nil where it reports anything.
    static func treeValues(_ bytes: [UInt8], limits: LoaderLimits = .default) -> [Value]? {
        EnvironmentLoader.parsedByTree(bytes, file: "test.yaml", limits: limits).valuesWithoutProblems
    }

    static func eventValues(_ bytes: [UInt8], limits: LoaderLimits = .default) -> [Value]? {
        EventDecoder.environments(in: bytes, file: "test.yaml", limits: limits)
    }

    /// Where the two values differ (content, place, or the order of fields), or nil.
    static func difference(_ a: Value, _ b: Value, at path: String = "") -> String? {
        guard a.location == b.location else {
            return "\(path): at \(String(describing: a.location)) and \(String(describing: b.location))"
        }
        switch (a.content, b.content) {
        case (.null, .null): return nil
        case let (.bool(x), .bool(y)): return x == y ? nil : "\(path): \(x) and \(y)"
        case let (.int(x), .int(y)): return x == y ? nil : "\(path): \(x) and \(y)"
        case let (.double(x), .double(y)): return x == y || (x.isNaN && y.isNaN) ? nil : "\(path): \(x) and \(y)"
        case let (.string(x), .string(y)): return x == y ? nil : "\(path): '\(x)' and '\(y)'"
        case let (.list(x), .list(y)):
            guard x.count == y.count else { return "\(path): \(x.count) items and \(y.count)" }
            for (index, (p, q)) in zip(x, y).enumerated() {
                if let found = difference(p, q, at: "\(path)[\(index)]") { return found }
            }
            return nil
        case let (.object(x), .object(y)):
            guard x.names == y.names else { return "\(path): fields \(x.names) and \(y.names)" }
            for ((name, p), (_, q)) in zip(x, y) {
                if let found = difference(p, q, at: "\(path).\(name)") { return found }
            }
            return nil
        default: return "\(path): \(a.content) and \(b.content)"
        }
    }

    /// The property every input must have: the decoder gives up, or agrees with a tree that has nothing to say.
    static func agrees(_ bytes: [UInt8], limits: LoaderLimits = .default, _ comment: Comment? = nil) -> Bool {
        guard let events = eventValues(bytes, limits: limits) else { return true }
        guard let tree = treeValues(bytes, limits: limits) else {
            Issue.record("the event decoder took what the tree reports: \(comment?.description ?? "")")
            return false
        }
        guard events.count == tree.count else {
            Issue.record("\(events.count) documents and \(tree.count): \(comment?.description ?? "")")
            return false
        }
        for (a, b) in zip(events, tree) {
            if let found = difference(a, b) {
                Issue.record("\(found): \(comment?.description ?? "")")
                return false
            }
        }
        return true
    }

    static let header = "apiVersion: parity/v1\nkind: Environment\nmetadata: {name: test, tier: staging, owner: qa}\n"

    /// Files the decoder must take (and agree on): anchors and aliases of every shape, quoting,
    /// block scalars, flow and block style, extension fields, several documents.
    static let taken: [String] = [
        header,
        header + "regions: [eu-west-1, 'us-east-1', \"ap-south-1\"]\n",
        header
            + """
            x-health: &health {path: /healthz, port: 8443, interval: 10s, timeout: 2s}
            services:
              - name: api
                image: registry.example.com/api:1.4.2
                replicas: 3
                healthCheck: *health
                config: &config
                  LOG_LEVEL: info
                  "quoted key": 'single'
                  block: |
                    line one
                    line two
                  folded: >-
                    folded
                    text
              - name: web
                image: registry.example.com/web:2.0.0
                replicas: 2
                healthCheck: *health
                config: *config
                dependencies: [api]

            """,
        // An anchor defined again: each alias reads the one before it; an alias inside an anchored node.
        header
            + """
            services:
              - name: &n first
                image: &i img:1
                replicas: 1
              - name: second
                image: *i
                replicas: 2
                config: &c {A: *n, B: x}
              - name: &n third
                image: *i
                replicas: 3
                config: {C: *n}
              - name: fourth
                image: *i
                replicas: 4
                config: *c

            """,
        header + "---\n" + header.replacingOccurrences(of: "name: test", with: "name: test2"),
        header + "# a comment\nregions:\n  - eu-west-1 # another\n",
    ]

    @Test(arguments: taken.indices)
    func takesPlainFiles(_ index: Int) {
        let bytes = Array(Self.taken[index].utf8)
        #expect(Self.eventValues(bytes) != nil, "\(Self.taken[index])")
        #expect(Self.treeValues(bytes) != nil)
        #expect(Self.agrees(bytes, "\(Self.taken[index])"))
    }

    /// Files the tree has something to say about: the decoder gives up on each.
    static let leftToTheTree: [String] = [
        header + "regions: [eu-west-1]\nregions: [us-east-1]\n",
        // Found by the decoder fuzz target: extension fields are skipped, but their keys still repeat.
        header + "x-a:\n  - 1\nx-a:\n  - 2\n",
        header + "services:\n  - name: api\n    image: a:1\n    replicas: 1\n    config: {1: a, 0x1: b}\n",
        header + "services:\n  - name: api\n    image: a:1\n    replicas: 1\n    config: {.nan: a, .NaN: b}\n",
        header + "servicez: []\n",
        header + "services: {}\n",
        header + "services:\n  - name: api\n    image: a:1\n    replicas: many\n",
        header + "services:\n  - name: api\n    image: a:1\n    replicas: 1\n  - name: api\n    image: b:1\n    replicas: 1\n",
        header + "regions: [eu-west-1, eu-west-1]\n",
        header + "regions: [eu-west-1\n",
        header + "services:\n  - name: api\n    image: *nowhere\n",
        "apiVersion: parity/v2\nkind: Environment\nmetadata: {name: test, tier: staging, owner: qa}\n",
        "apiVersion: parity/v1\nkind: ParitySpec\n",
        "[1, 2]\n",
        header + "? [a, b]\n: c\n",
        header + "~: x\n",
    ]

    /// What the tree reads without a word but the decoder leaves to it, being rare and
    /// subtle: a merge key, a tag, a key that replaces another of the same text.
    static let rare: [String] = [
        header + "x-base: &base {replicas: 1}\nservices:\n  - <<: *base\n    name: api\n    image: a:1\n",
        header + "services:\n  - name: api\n    image: !!str a:1\n    replicas: 1\n",
        header + "services:\n  - name: api\n    image: a:1\n    replicas: 1\n    config: {1: a, '1': b}\n",
    ]

    @Test(arguments: leftToTheTree.map { ($0, false) } + rare.map { ($0, true) })
    func givesUpWhereTheTreeHasSomethingToSayAndOnTheRare(_ text: String, treeTakesIt: Bool) {
        let bytes = Array(text.utf8)
        #expect(Self.eventValues(bytes) == nil, "\(text)")
        #expect((Self.treeValues(bytes) != nil) == treeTakesIt, "\(text)")
    }

    /// The tree's limits hold: at each, the decoder gives up as the tree reports.
    @Test func givesUpAtTheTreesLimits() {
        let text = Array(Self.taken[2].utf8)
        for limits in [
            LoaderLimits(maxNodes: 20), LoaderLimits(maxDepth: 2), LoaderLimits(maxAliasExpansion: 4),
            LoaderLimits(maxAliasBytes: 10), LoaderLimits(maxScalarBytes: 8), LoaderLimits(maxFileBytes: 100),
        ] {
            #expect(Self.treeValues(text, limits: limits) == nil, "\(limits)")
            #expect(Self.eventValues(text, limits: limits) == nil, "\(limits)")
        }
    }

    /// Every environment file of the repository (the sample, the examples, the test fixtures),
    /// and each made wrong in many small ways: wherever the decoder takes one, the tree agrees.
    @Test func agreesWithTheTreeOnTheRepositoryAndOnDamagedCopies() throws {
        let root = Golden.repositoryRoot
        var files: [URL] = []
        for folder in ["environments", "examples", "Tests/ParityKitTests/Fixtures"] {
            let walker = FileManager.default.enumerator(
                at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                if url.pathExtension == "yaml" { files.append(url) }
            }
        }
        var taken = 0
        var random = PathOrderTests.Generator(state: 7)
        for file in files {
            let bytes = try Array(Data(contentsOf: file))
            if Self.eventValues(bytes) != nil { taken += 1 }
            #expect(Self.agrees(bytes, "\(file.path)"))
            // Damage: a line dropped, repeated, or cut short; a character changed.
            let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
            guard lines.count > 1 else { continue }
            for _ in 0..<12 {
                var damaged = lines
                let line = Int.random(in: 0..<lines.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: damaged.remove(at: line)
                case 1: damaged.insert(lines[line], at: line)
                case 2: damaged[line] = Array(lines[line].prefix(Int.random(in: 0...lines[line].count, using: &random)))
                default:
                    guard !lines[line].isEmpty else { continue }
                    let column = Int.random(in: 0..<lines[line].count, using: &random)
                    damaged[line][column] = Array(" :-[]{}&*!'\"#x1".utf8).randomElement(using: &random)!
                }
                let text = Array(damaged.joined(separator: [UInt8(ascii: "\n")]))
                #expect(Self.agrees(text, "\(file.path), damaged: \(String(decoding: text, as: UTF8.self))"))
            }
        }
        // The bundled sample's environments are all plain: the decoder must take them.
        let sample = root.appendingPathComponent("environments")
        for name in ["staging.yaml", "preview.yaml", "production/services.yaml", "production/access.yaml"] {
            let bytes = try Array(Data(contentsOf: sample.appendingPathComponent(name)))
            #expect(Self.eventValues(bytes) != nil, "\(name)")
        }
        #expect(taken > 10)
    }
}
