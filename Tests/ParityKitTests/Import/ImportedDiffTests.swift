import Foundation
import Testing
import ParityDiagnostics
@testable import ParityKit

/// An imported production against a staging edited by hand from the same import: the diff
/// shows the edits as gaps, and the dependencies staging dropped as missing edges.
@Suite struct ImportedDiffTests {
    /// `text` without the lines that contain any of `fragments`.
    static func dropping(_ fragments: [String], from text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            !fragments.contains { line.contains($0) }
        }.joined(separator: "\n")
    }

    /// `text` without the list item that starts with `start`, up to the next item at its indentation.
    static func droppingItem(_ start: String, from text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.firstIndex(where: { $0.hasPrefix(start) }) else { return text }
        let indent = start.prefix { $0 == " " } + "- "
        let end = lines[(first + 1)...].firstIndex { $0.hasPrefix(indent) || !$0.hasPrefix(" ") } ?? lines.count
        lines.removeSubrange(first..<end)
        return lines.joined(separator: "\n")
    }

    @Test func aHandEditedStagingShowsItsGapsAndMissingEdges() throws {
        let path = ImportTests.cases[0].path
        let production = try #require(ImportTests.run(.kubernetes, [path]) { $0.name = "production" }.report?.text)
        var staging = try #require(
            ImportTests.run(.kubernetes, [path]) {
                $0.name = "staging"; $0.tier = "staging"
            }.report?.text)
        // Staging drops the ad service from the frontend, leaves out the email service
        // (and so checkout's call to it), and runs a newer Redis.
        staging = Self.dropping(
            [#"- "adservice""#, #"adservice: "env"#, #"- "emailservice""#, #"emailservice: "env"#], from: staging)
        staging = Self.droppingItem(#"  - name: "emailservice""#, from: staging)
        staging = staging.replacingOccurrences(of: #"version: "alpine""#, with: #"version: "7.2""#)

        let scratch = try ScratchFolder()
        try scratch.write("environments/production.yaml", production)
        try scratch.write("environments/staging.yaml", staging)
        var options = DiffRun.Options(reference: "production", mirror: "staging", today: "2026-11-25")
        options.root = scratch.path
        let outcome = DiffRun(sources: SourceStore()).run(options)
        let report = try #require(outcome.report, "\(outcome.diagnostics)")
        #expect(!outcome.diagnostics.containsError, "\(outcome.diagnostics)")
        #expect(outcome.status == .findings)

        let gaps = report.gaps.map { "\($0.kind.rawValue) \($0.path)" }
        #expect(
            gaps == [
                "missing-edge services[checkoutservice].dependencies[emailservice]",
                "missing services[emailservice]",
                "missing-edge services[frontend].dependencies[adservice]",
                "changed datastores[redis-cart].version",
            ], "\(gaps)")
        let frontend = try #require(
            report.gaps.first { $0.path.description == "services[frontend].dependencies[adservice]" })
        #expect(frontend.missingEdges.map(\.identity.description) == ["frontend -> adservice (dependencies)"])
        #expect(
            frontend.missingEdges.first?.evidence == "env AD_SERVICE_ADDR=adservice:9555",
            "the reference's edge was inferred")
        let text = DiffTextRenderer(style: TextStyle(enabled: false)).render(report)
        #expect(
            text.contains("x services[frontend].dependencies[adservice]  edge frontend -> adservice missing in staging")
        )

        // The graph of the pair draws the same missing edges.
        guard
            case .pair(let pair)? = GraphTests.outcome(
                .pair(reference: "production", mirror: "staging"), root: scratch.path
            ).report
        else {
            Issue.record("no pair graph")
            return
        }
        let missing = pair.missingEdges.filter { $0.field == "dependencies" }.map(\.identity.description)
        #expect(missing == ["checkoutservice -> emailservice (dependencies)", "frontend -> adservice (dependencies)"])
    }
}
