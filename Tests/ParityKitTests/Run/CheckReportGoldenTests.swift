import Foundation
import Testing
import ParityDiagnostics
@testable import ParityKit

/// The whole `parity check` report of the bundled sample, text and JSON, compared whole.
@Suite struct CheckReportGoldenTests {
    static let root = Golden.repositoryRoot.path

    /// The sample's check, with today fixed so waiver expiry cannot move it.
    static func sample() throws -> CheckReport {
        var options = CheckRun.Options(today: "2026-11-25")
        options.root = root
        return try #require(CheckRun(sources: SourceStore()).run(options).report)
    }

    /// Paths as a user at the repository root reads them, whatever folder the tests run in.
    static func relative(_ text: String) -> String {
        text.replacingOccurrences(of: root + "/", with: "")
    }

    @Test func sampleCheckText() throws {
        let text = CheckTextRenderer(style: TextStyle(enabled: false)).render(try Self.sample())
        try Golden.check(
            Self.relative(text), against: Golden.testsFolder.appendingPathComponent("Golden/check/sample.txt"))
    }

    @Test func sampleCheckJSON() throws {
        let json = CheckJSONRenderer().render(try Self.sample())
        try Golden.check(
            Self.relative(json), against: Golden.testsFolder.appendingPathComponent("Golden/check/sample.json"))
    }
}
