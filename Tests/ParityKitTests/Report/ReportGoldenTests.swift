import Foundation
import Testing
@testable import ParityKit

/// Every report format on the sample and on the example repositories, compared whole with
/// the golden files in `Golden/report` (re-recorded with PARITY_RECORD=1).
@Suite struct ReportGoldenTests {
    static let folder = Golden.testsFolder.appendingPathComponent("Golden/report")

    static var cases: [(String, ReportFormat)] {
        ReportFixtures.repositories.flatMap { repository in ReportFormat.allCases.map { (repository.name, $0) } }
    }

    static let extensions: [ReportFormat: String] = [
        .text: "txt", .json: "json", .sarif: "sarif", .junit: "xml", .github: "github.txt", .gitlab: "gitlab.json",
        .markdown: "md", .html: "html",
    ]

    @Test(arguments: cases)
    func rendersAsRecorded(_ repository: String, _ format: ReportFormat) throws {
        let root = try #require(ReportFixtures.repositories.first { $0.name == repository }).root
        let text = ReportFixtures.render(format, at: root)
        let name = "\(repository).\(try #require(Self.extensions[format], "no golden extension for \(format)"))"
        try Golden.check(text, against: Self.folder.appendingPathComponent(name))
    }

    @Test func everyFormatHasAGoldenExtension() {
        #expect(ReportFormat.allCases.allSatisfy { Self.extensions[$0] != nil })
    }
}
