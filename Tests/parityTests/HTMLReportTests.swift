import Foundation
import Testing
import ParityTestSupport

/// `--format html` as a user runs it: a golden of the sample's page, and every page (the
/// sample and the examples) loaded in headless Chromium with the network refused.
@Suite struct HTMLReportTests {
    let today = ["PARITY_TODAY": "2026-11-25"]
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let examples = ParityBinary.repositoryRoot.appendingPathComponent("examples")

    @Test func sampleCheckGolden() throws {
        let run = try ParityBinary.run(
            ["check", "--format", "html", "--link-base", "https://github.com/acme/environments/blob/main"],
            environment: today)
        #expect(run.status == 1)
        #expect(run.stderr == "")
        try GoldenFile.check(run.stdout, against: Self.golden.appendingPathComponent("check-sample.html"))
    }

    @Test func sampleDiffGolden() throws {
        let run = try ParityBinary.run(["diff", "production", "staging", "--format", "html"], environment: today)
        #expect(run.status == 1)
        try GoldenFile.check(run.stdout, against: Self.golden.appendingPathComponent("diff-sample.html"))
        // The diff page draws the pair's dependency graph too.
        #expect(run.stdout.contains("<h3 id=\"pair-production-to-staging-graph\">Dependency graph</h3>"))
    }

    @Test func thePageIsSelfContained() throws {
        let page = try ParityBinary.run(["check", "--format", "html"], environment: today).stdout
        for outside in ["<link", "src=", "@import", "url(", "@font-face"] {
            #expect(!page.contains(outside), "the page loads something: \(outside)")
        }
        // Links only where --link-base asks for them.
        #expect(!page.contains("href=\"http"))
        // Secrets are redacted as in every format.
        #expect(page.contains("only in staging (&lt;redacted&gt;)"))
    }

    /// The sample and each example repository, as the folder to run in and the exit status.
    static let pages: [(name: String, folder: URL, status: Int32)] = [
        ("sample", ParityBinary.repositoryRoot, 1),
        ("clean-mirror", examples.appendingPathComponent("clean-mirror"), 0),
        ("leaking-staging", examples.appendingPathComponent("leaking-staging"), 1),
        ("invalid-repo", examples.appendingPathComponent("invalid-repo"), 2),
    ]

    @Test(arguments: pages.map(\.name))
    func pageRendersInChromium(_ name: String) throws {
        guard HeadlessChromium.executable != nil else {
            if HeadlessChromium.mustRun { Issue.record("chromium is not installed; .ci/run installs it") }
            return
        }
        let entry = try #require(Self.pages.first { $0.name == name })
        let run = try ParityBinary.run(["check", "--format", "html"], in: entry.folder, environment: today)
        #expect(run.status == entry.status)
        let folder = try ParityBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("\(name).html")
        try run.stdout.write(to: file, atomically: true, encoding: .utf8)
        let screenshot = folder.appendingPathComponent("\(name).png")
        let page = try HeadlessChromium.load(file, screenshot: screenshot)
        #expect(page.console == [], "console messages: \(page.console)")
        #expect(page.dom.contains("<h2 id=\"verdict\">Verdict</h2>"))
        let size = (try? FileManager.default.attributesOfItem(atPath: screenshot.path)[.size] as? Int) ?? 0
        #expect(size > 10_000, "no screenshot at \(screenshot.path)")
        if entry.status != 2 {
            #expect(page.dom.contains("<h2 id=\"matrix\">Parity matrix</h2>"))
            #expect(page.dom.contains("<caption>Parity score by section"))
        }
        if name == "sample" {
            #expect(page.dom.contains("<h3 id=\"pair-production-to-staging-failing\">Failing gaps (13)</h3>"))
            #expect(page.dom.components(separatedBy: "<details class=\"gap\">").count - 1 == 13)
            #expect(page.dom.contains("datastores[orders-db].version</code> production: 16.4 | staging: 15.8"))
            // The pair's dependency graph is drawn inline, the edges staging lacks among it.
            #expect(page.dom.contains("<h3 id=\"pair-production-to-staging-graph\">Dependency graph</h3>"))
            #expect(page.dom.contains("<svg role=\"img\" aria-labelledby=\"pair-production-to-staging-graph-title"))
            #expect(page.dom.contains("checkout-api → fraud-detector: dependencies (missing in staging)"))
            // The lead's note shows the sample's dashboard.
            try? FileManager.default.removeItem(atPath: "/work/history-screenshot.png")
            try? FileManager.default.copyItem(atPath: screenshot.path, toPath: "/work/history-screenshot.png")
        }
    }
}
