import Foundation
import Testing

/// Golden files beside the tests: compared whole, re-recorded only when PARITY_RECORD=1.
public enum GoldenFile {
    public static var recording: Bool { ProcessInfo.processInfo.environment["PARITY_RECORD"] == "1" }

    /// Checks `actual` against the golden file at `url`, or writes it when recording.
    public static func check(_ actual: String, against url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if recording {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file at \(url.path); run with PARITY_RECORD=1 to record it", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "differs from \(url.lastPathComponent)", sourceLocation: sourceLocation)
    }
}
