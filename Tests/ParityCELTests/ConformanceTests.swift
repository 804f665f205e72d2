import Testing

/// The CEL specification's conformance cases, each either passing or listed with its reason
/// in Tests/Fixtures/ParityCEL/known-failures.txt (and then required to still fail).
@Suite struct ConformanceTests {
    @Test(
        .enabled(if: Conformance.available, "shared conformance cases not found at \(Conformance.casesFile.path); skipping"),
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
