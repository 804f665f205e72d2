import ParityDiagnostics
@testable import ParityKit
import ParityTestSupport
import Testing

@Suite struct EnvironmentDiffTests {
    func gaps(_ report: PairReport) -> [String] {
        report.gaps.map { "\($0.kind.rawValue) \($0.path)" }
    }

    @Test func identicalEnvironmentsHaveNoGaps() throws {
        let report = try DiffFixtures.report(DiffFixtures.production, DiffFixtures.production)
        #expect(report.gaps.isEmpty)
        #expect(report.score == 1)
    }

    @Test func everyKindOfGapAtItsPath() throws {
        let report = try DiffFixtures.report()
        #expect(gaps(report) == [
            "missing regions[ap-south-1]",
            "missing regions[us-east-1]",
            "changed services[checkout].config.LOG_LEVEL",
            "changed services[checkout].dbPassword",
            "extra services[checkout].ports[{\"port\":80,\"protocol\":\"http\"}]",
            "missing services[checkout].regions[us-east-1]",
            "changed services[checkout].replicas",
            "changed services[checkout].version",
            "extra services[debug-proxy]",
            "missing services[search]",
            "changed externals[payments].endpoint",
            "changed externals[payments].mode",
        ])
    }

    @Test func aMissingItemIsOneGapNotOnePerField() throws {
        let report = try DiffFixtures.report()
        let search = report.gaps.filter { $0.path.description.hasPrefix("services[search]") }
        #expect(search.count == 1)
        #expect(search.first?.referenceLocation == SourceLocation(file: "production.yaml", line: 11, column: 5))
        // Where the mirror should hold it: its services list.
        #expect(search.first?.mirrorLocation == SourceLocation(file: "staging.yaml", line: 4, column: 3))
    }

    @Test func gapsCarryBothLocations() throws {
        let report = try DiffFixtures.report()
        let version = try #require(report.gaps.first { $0.path == DiffFixtures.path("services[checkout].version") })
        #expect(version.referenceLocation == SourceLocation(file: "production.yaml", line: 5, column: 14))
        #expect(version.mirrorLocation == SourceLocation(file: "staging.yaml", line: 5, column: 14))
        #expect(version.referenceText == "2.4.1")
        #expect(version.mirrorText == "2.3.0")
    }

    @Test func secretsAreRedactedOnBothSides() throws {
        let report = try DiffFixtures.report()
        let secret = try #require(report.gaps.first { $0.path.description.hasSuffix("dbPassword") })
        #expect(secret.referenceText == "<redacted>")
        #expect(secret.mirrorText == "<redacted>")
        let text = DiffTextRenderer(style: TextStyle(enabled: false)).render(report)
        let json = DiffJSONRenderer().render(report)
        for output in [text, json] {
            #expect(!output.contains("hunter2"))
        }
        // A secret inside a whole missing item is redacted too.
        let missing = try DiffFixtures.report(DiffFixtures.production, "services: []\n")
        #expect(!DiffJSONRenderer().render(missing).contains("hunter2"))
    }

    @Test func swappingSidesSwapsMissingAndExtra() throws {
        let forward = try DiffFixtures.report(DiffFixtures.production, DiffFixtures.staging)
        let backward = try DiffFixtures.report(DiffFixtures.staging, DiffFixtures.production)
        let swap: [Gap.Kind: Gap.Kind] = [.missing: .extra, .extra: .missing, .changed: .changed]
        let expected = Set(forward.gaps.map { "\(swap[$0.kind]!.rawValue) \($0.path)" }) // every kind here is in the table
        #expect(Set(gaps(backward)) == expected)
    }

    /// A random single-field change yields exactly one gap, at that field's path.
    @Test(arguments: 0..<25)
    func singleFieldChangeYieldsOneGap(seed: Int) throws {
        var generator = SplitMix(seed: UInt64(seed))
        let fields = ["version", "replicas"]
        let services = ["checkout", "search"]
        let service = services[Int(generator.next() % 2)], field = fields[Int(generator.next() % 2)]
        let newValue = field == "version" ? "\"9.\(generator.next() % 100).0\"" : "\(100 + generator.next() % 100)"
        var lines = DiffFixtures.production.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var inService = false
        for index in lines.indices {
            if lines[index].contains("- name: ") { inService = lines[index].hasSuffix(service) }
            if inService, lines[index].trimmingPrefixSpaces.hasPrefix("\(field):") {
                lines[index] = String(lines[index].prefix { $0 == " " }) + "\(field): \(newValue)"
                break
            }
        }
        let report = try DiffFixtures.report(DiffFixtures.production, lines.joined(separator: "\n"))
        #expect(gaps(report) == ["changed services[\(service)].\(field)"])
    }

    @Test func fieldsOutsideTheSchemaAreComparedAfterTheSchemasOwn() {
        // Decoding drops unknown fields, but a value built in code may hold them: the walk
        // then goes by name, schema fields first, then the reference's, then the mirror's.
        func service(_ pairs: [(String, String)]) -> Value {
            Value(.object(Fields(pairs.map { ($0.0, Value(.string($0.1), at: nil)) })), at: nil)
        }
        func environment(_ service: Value) -> Value {
            Value(.object(Fields([("services", Value(.list([service]), at: nil))])), at: nil)
        }
        let reference = environment(service([("zzz", "x"), ("version", "1"), ("name", "a")]))
        let mirror = environment(service([("yyy", "q"), ("name", "a"), ("zzz", "y"), ("version", "2")]))
        let result = EnvironmentDiff(schema: EnvironmentSchema.root).compare(reference: reference, mirror: mirror)
        #expect(
            result.gaps.map { "\($0.kind.rawValue) \($0.path)" } == [
                "changed services[a].version", "changed services[a].zzz", "extra services[a].yyy",
            ])
        #expect(result.attributes == ["services": 4])
    }

    @Test func gapsSortStepByStep() throws {
        let report = try DiffFixtures.report(
            "services: [{name: db, version: '1'}, {name: db2, version: '1'}]\n",
            "services: [{name: db, version: '2'}, {name: db2, version: '2'}]\n")
        #expect(gaps(report) == ["changed services[db].version", "changed services[db2].version"])
    }

    /// Sets of any sizes, with repeats on either side, against the plain answer: each
    /// reference item whose value the mirror lacks is missing (a repeat once for each
    /// time), then each mirror item the reference lacks is extra, in their order.
    @Test(arguments: 0..<40)
    func setsAgainstThePlainAnswer(seed: Int) throws {
        var random = PathOrderTests.Generator(state: UInt64(seed) &+ 17)
        let words = ["a", "b", "c", "d", "e", "f", "g", "h"]
        func side() -> [String] {
            let count = Int.random(in: 0...(seed % 4 == 0 ? 200 : 6), using: &random)
            return (0..<count).map { _ in words[Int.random(in: 0..<(seed % 3 == 0 ? 3 : 8), using: &random)] }
        }
        let reference = side(), mirror = side()
        func yaml(_ regions: [String]) -> String { "regions: [\(regions.joined(separator: ", "))]\n" }
        let raw = DiffFixtures.diff.compare(
            reference: try DiffFixtures.value(yaml(reference)), mirror: try DiffFixtures.value(yaml(mirror)))
        let expected =
            reference.filter { !mirror.contains($0) }.map { "missing regions[\($0)]" }
            + mirror.filter { !reference.contains($0) }.map { "extra regions[\($0)]" }
        #expect(raw.gaps.map { "\($0.kind.rawValue) \($0.path)" } == expected)
        let counted = reference.count + mirror.filter { !reference.contains($0) }.count
        #expect(raw.attributes["regions"] == (counted > 0 ? counted : nil))
    }

    @Test func scorePerSectionCountsComparedAttributes() throws {
        let report = try DiffFixtures.report()
        let regions = try #require(report.sections.first { $0.section == "regions" })
        #expect(regions.attributes == 3)
        #expect(regions.failing == 2)
        #expect(report.score < 1)
    }
}

extension String {
    var trimmingPrefixSpaces: Substring { drop { $0 == " " } }
}
