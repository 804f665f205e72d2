import Foundation
import Testing

/// Golden files beside the tests: compared whole, re-recorded only when PARITY_RECORD=1.
public enum GoldenFile {
    public static var recording: Bool { ProcessInfo.processInfo.environment["PARITY_RECORD"] == "1" }

    /// Checks `actual` against the golden file at `url`, or writes it when recording.
    public static func check(_ actual: String, against url: URL, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        if recording {
            // A recording run is never green: what was written has not been checked yet.
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record(
                "recorded \(url.lastPathComponent); run again without PARITY_RECORD to check it",
                sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "no golden file at \(url.path); run with PARITY_RECORD=1 to record it", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "differs from \(url.lastPathComponent)", sourceLocation: sourceLocation)
    }
}
