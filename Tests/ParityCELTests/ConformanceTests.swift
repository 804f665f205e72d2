import Foundation
import Testing

extension Conformance {
    /// The repository root: this file is `<root>/Tests/ParityCELTests/ConformanceTests.swift`.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ParityCELTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // root

    /// `<root>/../shared/conformance/cel`, beside the repository (absent: the tests skip).
    static let folder = repositoryRoot.appendingPathComponent("../shared/conformance/cel").standardized

    /// Known failures, kept outside the test target so SwiftPM does not warn about an
    /// unhandled file: `file/section/name: reason` per line, `#` starts a comment.
    static let knownFailuresFile = repositoryRoot.appendingPathComponent("Tests/Fixtures/ParityCEL/known-failures.txt")
}

/// The CEL specification's conformance cases, each either passing or listed with its reason
/// in Tests/Fixtures/ParityCEL/known-failures.txt (and then required to still fail).
@Suite struct ConformanceTests {
    @Test(
        .enabled(
            if: Conformance.available, "shared conformance cases not found at \(Conformance.casesFile.path); skipping"),
        arguments: Conformance.cases
    )
    func conformance(_ test: ConformanceCase) {
        let failure = test.failure()
        let known = Conformance.knownFailures[test.id]
        switch (failure, known) {
        case (nil, nil): break
        case (let failure?, nil):
            Issue.record("\(test.id): \(test.expr)\n\(failure)")
        case (nil, _?):
            Issue.record("\(test.id) now passes; remove it from Tests/Fixtures/ParityCEL/known-failures.txt")
        case (_?, _?): break
        }
    }

    @Test(.enabled(if: Conformance.available, "shared conformance cases not found; skipping"))
    func everyKnownFailureNamesACase() {
        let ids = Set(Conformance.cases.map(\.id))
        for id in Conformance.knownFailures.keys.sorted() where !ids.contains(id) {
            Issue.record("known-failures.txt lists '\(id)', which is not a conformance case")
        }
        #expect(Conformance.cases.count == 467)
    }
}
