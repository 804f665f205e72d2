import Foundation
import Testing
import ParityDiagnostics
@testable import ParityKit
import ParityTestSupport

@Suite struct HistoryRunTests {
    static let golden = Golden.testsFolder.appendingPathComponent("Golden/history")

    static func run(_ repository: ScriptedRepository, since: String? = nil, pair: HistoryReport.Pair? = nil) -> Outcome<
        HistoryReport
    > {
        var options = HistoryRun.Options(date: RunDate(day: "2026-03-15")!)
        options.root = repository.path
        options.since = since
        options.pair = pair
        return HistoryRun().run(options)
    }

    @Test func driftEventsAreFoundCommitByCommit() throws {
        let repository = try HistoryFixture.make()
        let outcome = Self.run(repository)
        let report = try #require(outcome.report)
        #expect(outcome.status == .findings)
        // Seven commits, the README-only one not judged.
        #expect(report.commitsInRange == 7)
        #expect(
            report.points.map(\.commit.subject) == [
                "Environments: production and staging", "Staging: tracing off to save cost",
                "Production: orders-db to postgres 16.4",
                "Staging: tidy (broken)", "Staging: repair the file; tracing back on", "Staging: new-checkout at 50%",
            ])
        #expect(report.points.map(\.isValid) == [true, true, true, false, true, true])
        #expect(
            report.points[3].errors.first?.location
                == SourceLocation(file: "environments/staging.yaml", line: 6, column: 1))

        let open = Dictionary(uniqueKeysWithValues: report.open.map { ($0.gap.path.description, $0) })
        #expect(open.keys.sorted() == ["datastores[orders-db].version", "featureFlags[new-checkout].rollout"])
        let version = try #require(open["datastores[orders-db].version"])
        #expect(version.appeared.subject == "Production: orders-db to postgres 16.4")
        #expect(version.daysOpen == 41)
        // The production change that staging never followed.
        #expect(version.referenceCommit?.subject == "Production: orders-db to postgres 16.4")
        #expect(version.referenceCommit?.author == "Carol Dba")
        let rollout = try #require(open["featureFlags[new-checkout].rollout"])
        // The mirror moved: production's value dates from the first commit.
        #expect(rollout.appeared.subject == "Staging: new-checkout at 50%")
        #expect(rollout.referenceCommit?.subject == "Environments: production and staging")

        // Fixed: tracing, open from the second commit until the repair (the invalid commit in
        // between neither closes nor reopens it).
        #expect(report.closed.map(\.path.description) == ["observability.tracing.enabled"])
        #expect(report.closed.first?.appeared.subject == "Staging: tracing off to save cost")
        #expect(report.closed.first?.closed.subject == "Staging: repair the file; tracing back on")

        let pair = HistoryReport.Pair(reference: "production", mirror: "staging")
        #expect(report.points.map { $0.scores[pair] != nil } == [true, true, true, false, true, true])
        #expect(report.points[0].scores[pair] == 1)
        #expect(report.points[2].failing[pair] == 2)
    }

    @Test func goldens() throws {
        let repository = try HistoryFixture.make()
        let report = try #require(Self.run(repository).report)
        try Golden.check(
            HistoryTextRenderer(style: TextStyle(enabled: false)).render(report),
            against: Self.golden.appendingPathComponent("drift.txt"))
        try Golden.check(
            HistoryJSONRenderer().render(report), against: Self.golden.appendingPathComponent("drift.json"))
        try Golden.check(
            HistoryHTMLRenderer(linkBase: "https://git.example.com/envs/blob/main").render(report),
            against: Self.golden.appendingPathComponent("drift.html"))
    }

    @Test func sinceStartsAtThatCommit() throws {
        let repository = try HistoryFixture.make()
        let start = try repository.git(["rev-list", "--skip=3", "-n", "1", "HEAD"]).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let report = try #require(Self.run(repository, since: start).report)
        #expect(report.points.first?.commit.subject == "Production: orders-db to postgres 16.4")
        #expect(report.points.count == 4)
        #expect(
            report.open.first { $0.gap.path.description == "datastores[orders-db].version" }?.appeared.subject
                == "Production: orders-db to postgres 16.4")
    }

    @Test func anUnknownRevisionOrPairIsInvalidInput() throws {
        let repository = try HistoryFixture.make()
        let unknown = Self.run(repository, since: "no-such-branch")
        #expect(unknown.status == .invalidInput)
        #expect(
            unknown.diagnostics.map(\.message) == [
                "no commit 'no-such-branch' in this repository; name a commit, branch or tag"
            ])
        let pair = Self.run(repository, pair: HistoryReport.Pair(reference: "production", mirror: "stagign"))
        #expect(pair.status == .invalidInput)
        #expect(
            pair.diagnostics.first?.message
                == "no commit has the pair 'production -> stagign'; the pairs are production -> staging")
    }

    @Test func aFolderOutsideGitIsInvalidInput() throws {
        let folder = try ScratchFolder()
        var options = HistoryRun.Options(date: RunDate(day: "2026-03-15")!)
        options.root = folder.path
        let outcome = HistoryRun().run(options)
        #expect(outcome.status == .invalidInput)
        #expect(outcome.diagnostics.first?.code == .historyGitFailed)
    }

    @Test func historyNeverWritesToTheRepository() throws {
        let repository = try HistoryFixture.make()
        let before = try Self.snapshot(repository.path)
        _ = Self.run(repository)
        #expect(try Self.snapshot(repository.path) == before)
    }

    /// Every file of the repository, `.git` included, with its size and modification time.
    static func snapshot(_ folder: String) throws -> [String] {
        let manager = FileManager.default
        return try (manager.subpathsOfDirectory(atPath: folder)).sorted().map { path in
            let attributes = try manager.attributesOfItem(atPath: folder + "/" + path)
            return "\(path) \(attributes[.size] ?? "") \(attributes[.modificationDate] ?? "")"
        }
    }

    @Test func fileParsesAreReusedAcrossCommits() throws {
        let repository = try HistoryFixture.make()
        let cache = ParseCache()
        var options = HistoryRun.Options(date: RunDate(day: "2026-03-15")!)
        options.root = repository.path
        _ = HistoryRun(cache: cache).run(options)
        // Six commits judged, the spec and two environment files each: the spec never changes,
        // production changes once, staging four times, and the repair brings back the first
        // commit's staging file (one blob).
        #expect(cache.misses == 7)
        #expect(cache.hits == 11)
    }
}

@Suite struct HistoryPageTests {
    @Test func historyPageRendersInChromium() throws {
        guard HeadlessChromium.executable != nil else {
            if HeadlessChromium.mustRun { Issue.record("chromium is not installed; .ci/run installs it") }
            return
        }
        let repository = try HistoryFixture.make()
        let report = try #require(HistoryRunTests.run(repository).report)
        let folder = try ScratchFolder()
        let page = try folder.write("history.html", HistoryHTMLRenderer().render(report))
        let loaded = try HeadlessChromium.load(
            URL(fileURLWithPath: page), screenshot: folder.url.appendingPathComponent("history.png"), height: 1800)
        #expect(loaded.console == [])
        #expect(loaded.dom.contains("<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\""))
        // One line per pair, broken by the invalid commit into two runs.
        #expect(loaded.dom.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(loaded.dom.contains("<strong>invalid files</strong>"))
    }
}
