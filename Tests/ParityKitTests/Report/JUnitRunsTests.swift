import Testing
@testable import ParityKit

/// A suite's cases are written in runs on every core and joined: any size of run reads as
/// the whole suite written at once.
@Suite struct JUnitRunsTests {
    @Test func casesWrittenInRunsReadAsWrittenInOne() {
        let report = ReportFixtures.report(at: Golden.repositoryRoot)
        var whole = JUnitRenderer(base: Golden.repositoryRoot.path)
        whole.casesPerRun = 1_000_000
        let expected = whole.render(report)
        #expect(expected.components(separatedBy: "<testcase ").count > 50, "enough cases to make many runs")
        for size in [1, 2, 7, 1024] {
            var runs = JUnitRenderer(base: Golden.repositoryRoot.path)
            runs.casesPerRun = size
            #expect(runs.render(report) == expected, "runs of \(size)")
        }
    }
}
