import Foundation
import Testing
import ParityTestSupport

/// Golden files beside the tests: compared whole, re-recorded only when PARITY_RECORD=1.
enum Golden {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let repositoryRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

    static var recording: Bool { GoldenFile.recording }

    /// Checks `actual` against the golden file at `url`, or writes it when recording.
    static func check(_ actual: String, against url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try GoldenFile.check(actual, against: url, sourceLocation: sourceLocation)
    }

    /// The names in `folder` that are test cases: YAML files and folders, not golden files.
    static func cases(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasSuffix(".golden") && !$0.hasPrefix(".") }.sorted()
    }
}
