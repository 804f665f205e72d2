import Foundation
import Testing

/// Under CI the shared conformance data is provided: its absence fails the run instead of
/// skipping the suite that needs it.
@Suite struct SharedConformanceUnderCITests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CI"] == "true", "not under CI"))
    func celConformanceCasesArePresentUnderCI() {
        #expect(Conformance.available, "CI provides \(Conformance.casesFile.path); it is missing")
    }
}
