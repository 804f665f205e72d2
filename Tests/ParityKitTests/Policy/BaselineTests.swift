import Foundation
import Testing
import ParityDiagnostics
@testable import ParityKit

/// Adopting the gate: a baseline counts identical findings, reports entries that match
/// nothing any more, refuses a malformed file at its line, and knows no line or absolute path.
@Suite struct BaselineTests {
    func finding(_ rule: String = "access.no-wildcard-actions", item: String = "access.roles[deployer]") -> Finding {
        Finding(
            ruleID: rule, title: "t", severity: .error, message: "m", environment: .environment("staging"),
            item: ModelPath(parsing: item)!, // a valid path
            location: SourceLocation(file: "/abs/environments/staging.yaml", line: 12, column: 3), ruleLocation: nil)
    }

    @Test func identicalFindingsNeedOneEntryEach() {
        let baseline = Baseline.recording(findings: [finding(), finding(), finding("other.rule")], pairs: [])
        #expect(
            baseline.entries.map(\.fingerprint) == [
                "access.no-wildcard-actions|staging|access.roles[deployer]",
                "other.rule|staging|access.roles[deployer]",
            ])
        #expect(baseline.entries.map(\.count) == [2, 1])
        #expect(baseline.itemCount == 3)

        var three = [finding(), finding(), finding()]
        var pairs: [PairReport] = []
        #expect(baseline.apply(to: &three, pairs: &pairs).map(\.code) == [.baselineStaleEntry], "other.rule is gone")
        #expect(three.map(\.isActive) == [false, false, true], "a third identical finding is new")
    }

    @Test func entriesThatMatchNothingAreReportedAndDroppedOnTheNextWrite() throws {
        let folder = try ScratchFolder()
        let file = try folder.write(
            "baseline.json",
            Baseline.recording(findings: [finding(), finding(), finding("gone.rule")], pairs: []).rendered)
        let baseline = try Baseline.load(file, sources: SourceStore())
        var findings = [finding()]
        var pairs: [PairReport] = []
        let warnings = baseline.apply(to: &findings, pairs: &pairs).map(\.description)
        #expect(
            warnings == [
                "\(file):4:5: warning: baseline entry 'access.no-wildcard-actions|staging|access.roles[deployer]' counts 2, and 1 of them are gone; the next --write-baseline drops it [baseline.stale-entry]",
                "\(file):11:5: warning: baseline entry 'gone.rule|staging|access.roles[deployer]' matches nothing any more; the next --write-baseline drops it [baseline.stale-entry]",
            ])
        let next = Baseline.recording(findings: findings, pairs: pairs)
        #expect(
            next.entries.map(\.fingerprint) == ["access.no-wildcard-actions|staging|access.roles[deployer]"],
            "what is still found stays, baselined or not")
        #expect(next.entries.map(\.count) == [1])
    }

    @Test(arguments: [
        (
            "{\"version\": 1, \"entries\": [\n  {\"rule\": \"x\"}\n]}",
            "2:3: error: a baseline entry needs a 'fingerprint'"
        ),
        (
            "{\"version\": 1, \"entries\": [\n  {\"fingerprint\": \"a\",\n   \"count\": 0}]}",
            "3:13: error: 'count' is how many findings share the entry, a whole number from 1; found '0'"
        ),
        (
            "{\"version\": 1, \"entries\": [\n  {\"fingerprint\": \"a\"},\n  {\"fingerprint\": \"a\"}]}",
            "3:3: error: baseline entry 'a' is written twice; keep one, with the sum in 'count'"
        ),
        ("{\"version\": 2,\n \"entries\": []}", "1:13: error: "),
        ("{\"version\": 1,\n \"entries\": {}}", "2:13: error: a baseline needs 'entries', a list"),
        ("[1, 2]", "1:1: error: "),
        ("{\"version\": 1, \"entries\": [\n  {\"fingerprint\": \"a\"\n", "3:1: error: "),
    ])
    func aMalformedBaselineIsInvalidInputAtItsLine(text: String, expected: String) throws {
        let folder = try ScratchFolder()
        let file = try folder.write("baseline.json", text)
        do {
            _ = try Baseline.load(file, sources: SourceStore())
            Issue.record("loaded a malformed baseline")
        } catch {
            #expect(
                error.diagnostics.first.map(\.description)?.hasPrefix("\(file):\(expected)") == true,
                "\(error.diagnostics.map(\.description))")
            #expect(error.diagnostics.containsError)
        }
    }

    /// The sample repository, copied to a scratch folder, every file prefixed with `header`.
    func sample(header: String) throws -> ScratchFolder {
        let folder = try ScratchFolder()
        let root = Golden.repositoryRoot.path
        // Every YAML file of the repository's environments and policies, and its spec.
        let files =
            [root + "/parity.yaml"] + RepositoryLayout.yamlFiles(in: root + "/environments")
            + RepositoryLayout.yamlFiles(in: root + "/policies")
        for file in files {
            try folder.write(
                String(file.dropFirst(root.count + 1)), header + String(contentsOfFile: file, encoding: .utf8))
        }
        return folder
    }

    func check(_ folder: ScratchFolder, baseline: String? = nil) -> (CheckReport, [Diagnostic]) {
        var options = CheckRun.Options(today: "2026-11-25")
        options.root = folder.path
        options.baseline = baseline
        let outcome = CheckRun(sources: SourceStore()).run(options)
        return (outcome.report!, outcome.diagnostics)  // a check always reports
    }

    @Test func identityKnowsNoLineNumberAndNoAbsolutePath() throws {
        let first = try sample(header: "")
        let moved = try sample(header: "# every line moves down by one\n")
        let (report, _) = check(first)
        let (movedReport, _) = check(moved)
        let baseline = Baseline.recording(findings: report.findings, pairs: report.pairs)
        #expect(baseline.itemCount > 20)
        #expect(
            baseline.rendered == Baseline.recording(findings: movedReport.findings, pairs: movedReport.pairs).rendered)
        #expect(
            !baseline.rendered.contains(first.path) && !baseline.rendered.contains("/tmp")
                && !baseline.rendered.contains(".yaml"))

        let file = try moved.write("baseline.json", baseline.rendered)
        let (again, diagnostics) = check(moved, baseline: file)
        #expect(again.gate.passed)
        #expect(again.activeFindings.isEmpty && again.pairs.allSatisfy { $0.failingGaps.isEmpty })
        #expect(!diagnostics.contains { $0.code == .baselineStaleEntry })
        // Written again on top of itself, the baseline keeps what it covered.
        #expect(Baseline.recording(findings: again.findings, pairs: again.pairs).rendered == baseline.rendered)
    }
}
