import Testing
@testable import ParityKit

/// The path order by bytes and the schema answers kept per shape of path must give what their
/// straightforward forms give: `sortKey` texts compared, the schema walked for every path.
/// Compared on random paths whose names share prefixes, differ in composition only (é written
/// as one scalar or two), hold the keys' separator, and whose positions are short, long and negative.
@Suite struct PathOrderTests {
    static let names = ["db", "db2", "a", "", "b", "\u{E9}", "e\u{301}", "x\u{1}y", "\u{0}", "*", "10", "db.x", "Z"]
    static let positions = [0, 7, 10, 9_999_999_999, 10_000_000_000, 123_456_789_012, -3]

    /// A deterministic generator, so a failure can be replayed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    static func randomPath(_ random: inout Generator, steps: Int = 4) -> ModelPath {
        ModelPath(
            (0..<Int.random(in: 0...steps, using: &random)).map { _ in
                switch Int.random(in: 0..<6, using: &random) {
                case 0, 1: .field(names.randomElement(using: &random)!)  // non-empty literal: cannot fail
                case 2, 3: .item(names.randomElement(using: &random)!)
                case 4: .index(positions.randomElement(using: &random)!)
                default: Bool.random(using: &random) ? .anyItem : .anyField
                }
            })
    }

    @Test func ordersAsTheSortKeysDo() {
        var random = Generator(state: 16)
        for _ in 0..<20_000 {
            let a = Self.randomPath(&random), b = Self.randomPath(&random)
            let expected = a.sortKey < b.sortKey ? -1 : (b.sortKey < a.sortKey ? 1 : 0)
            let order = PathOrder([a, b]).compare(0, 1)
            #expect(order.signum() == expected, "\(a.components) against \(b.components)")
        }
    }

    @Test func aPathSortsBeforeItsDescendantsAndLongerNames() {
        let path = { (text: String) in ModelPath(parsing: text)! }  // literal paths: cannot fail
        let compare = { (a: String, b: String) in PathOrder([path(a), path(b)]).compare(0, 1) }
        #expect(compare("services[db]", "services[db].version") < 0)
        #expect(compare("services[db].version", "services[db2]") < 0)
        #expect(compare("regions[2]", "regions[10]") < 0)
        #expect(compare("services[db]", "services[db]") == 0)
    }

    @Test func schemaAnswersAreTheSchemasForEveryPath() {
        let schema = EnvironmentSchema.root
        let paths = [
            "services[a].replicas", "services[b].replicas", "services[a].config.PASSWORD", "services[b].config.X",
            "services[a].ports[0].port", "services[b].ports[8443/grpc].port", "datastores[a].encryption.keyRef",
            "access.credentials[a].value", "access.credentials[b].value", "services[a].config[KEY]",
            "services[a].labels[team]", "regions[0]", "regions[eu]", "services[*].resources",
        ].map { ModelPath(parsing: $0)! }  // literal paths: cannot fail
        var random = Generator(state: 7)
        var answers = SchemaAnswers(schema)
        for _ in 0..<2_000 {
            let path = paths.randomElement(using: &random)!  // a non-empty list: cannot fail
            let (secret, type) = answers.answers(at: path)
            #expect(secret == (schema.field(at: path)?.sensitive ?? false), "\(path)")
            let expected = SchemaType.object(schema).type(at: path)
            #expect(String(describing: type) == String(describing: expected), "\(path)")
            #expect(type?.objectSchema === expected?.objectSchema, "\(path)")
        }
    }
}
