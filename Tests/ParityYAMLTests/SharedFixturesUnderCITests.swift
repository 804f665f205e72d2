import Foundation
import Testing

/// Under CI the shared conformance data is provided: its absence fails the run instead of
/// skipping the suite that needs it.
@Suite struct SharedFixturesUnderCITests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CI"] == "true", "not under CI"))
    func yamlTestSuiteIsPresentUnderCI() {
        #expect(SharedFixtures.yamlSuiteAvailable, "CI provides ../shared/conformance/yaml-test-suite; it is missing")
    }
}
