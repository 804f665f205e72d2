import Testing
import ParityDiagnostics
@testable import ParityKit

@Suite struct DiffRenderingTests {
    static func sampleReport() throws -> PairReport {
        try DiffFixtures.report(
            variances: [
                Variance(
                    path: DiffFixtures.path("services[*].replicas"), rule: .fewer(minimum: 1, ratio: nil),
                    reason: "staging runs a minimal footprint"),
                Variance(path: DiffFixtures.path("regions"), rule: .subset, reason: "staging runs in one region"),
                Variance(
                    path: DiffFixtures.path("externals[payments].endpoint"), rule: .differ,
                    reason: "staging must never call the live gateway"),
            ],
            waivers: [
                Waiver(
                    .gap(DiffFixtures.path("services[search]")), reason: "search moves to staging next sprint",
                    owner: "team-search", ticket: "OPS-12", expires: "2026-12-31", location: nil)
            ])
    }

    @Test func textReportGolden() throws {
        try Golden.check(
            DiffTextRenderer(style: TextStyle(enabled: false)).render(Self.sampleReport()),
            against: Golden.testsFolder.appendingPathComponent("Golden/diff/sample.txt"))
    }

    @Test func jsonReportGolden() throws {
        try Golden.check(
            DiffJSONRenderer().render(Self.sampleReport()),
            against: Golden.testsFolder.appendingPathComponent("Golden/diff/sample.json"))
    }

    @Test func colourOnlyWhenEnabled() throws {
        let report = try Self.sampleReport()
        #expect(!DiffTextRenderer(style: TextStyle(enabled: false)).render(report).contains("\u{1B}["))
        #expect(DiffTextRenderer(style: TextStyle(enabled: true)).render(report).contains("\u{1B}[2m"))
    }

    @Test func cleanPairSaysSo() throws {
        let report = try DiffFixtures.report(DiffFixtures.production, DiffFixtures.production)
        #expect(
            DiffTextRenderer(style: TextStyle(enabled: false)).render(report)
                == "parity diff production -> staging\n\nno parity gaps; 0 allowed, 0 waived; parity score 100%\n")
    }

    @Test func manyDifferencesAllowedForOneReasonReadAsOneLine() throws {
        let services = (1...4).map { "  - {name: s\($0), replicas: \($0 + 4)}" }.joined(separator: "\n")
        let smaller = (1...4).map { "  - {name: s\($0), replicas: 1}" }.joined(separator: "\n")
        let report = try DiffFixtures.report(
            "services:\n\(services)\n", "services:\n\(smaller)\n",
            variances: [
                Variance(
                    path: DiffFixtures.path("services[*].replicas"), rule: .fewer(minimum: 1, ratio: nil),
                    reason: "smaller")
            ])
        #expect(
            DiffTextRenderer(style: TextStyle(enabled: false)).render(report) == """
                parity diff production -> staging

                services  100% (8 of 8 match or vary as allowed)
                  ~ services[*].replicas  4 differences, allowed (fewer): smaller
                      e.g. services[s1].replicas  production: 5 | staging: 1

                no parity gaps; 4 allowed, 0 waived; parity score 100%

                """)
    }
}
