import Foundation
import Testing
@testable import ParityKit

/// Every format reports the same failing items, and identities do not move with lines.
@Suite struct ReportConsistencyTests {
    /// The active items as each format shows them, counted from the rendered text alone.
    static func counts(_ report: CheckReport, root: URL) throws -> [ReportFormat: Int] {
        var counts: [ReportFormat: Int] = [:]
        for format in ReportFormat.allCases {
            let text = ReportFixtures.render(format, report, root: root)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            switch format {
            case .text:
                counts[format] =
                    lines.filter {
                        $0.hasPrefix("  x ") || $0.hasPrefix("    x ") || $0.hasPrefix("    ! ")
                            || $0.hasPrefix("    i ")
                    }.count
            case .json:
                let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
                let pairs = object["pairs"] as? [[String: Any]] ?? []
                let gaps = pairs.flatMap { $0["gaps"] as? [[String: Any]] ?? [] }.filter {
                    $0["status"] as? String == "failing"
                }
                let findings = (object["findings"] as? [[String: Any]] ?? []).filter {
                    ["active", "error"].contains($0["status"] as? String)
                }
                counts[format] = gaps.count + findings.count
            case .sarif:
                let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
                let run = try #require((object["runs"] as? [[String: Any]])?.first)
                counts[format] = (run["results"] as? [Any])?.count
            case .junit:
                // Input errors are cases of their own suite, not items.
                let items = lines.filter { $0.contains("<failure ") || $0.contains("<error ") }.count
                counts[format] = items - report.diagnostics.filter { $0.severity == .error }.count
            case .github:
                let annotations = lines.filter {
                    $0.hasPrefix("::error ") || $0.hasPrefix("::warning ")
                        || ($0.hasPrefix("::notice ") && !$0.contains(" more::"))
                }
                let more =
                    lines.first { $0.hasPrefix("::notice ") && $0.contains(" more::") }
                    .flatMap { $0.split(separator: "::").last?.split(separator: " ").first.flatMap { Int($0) } } ?? 0
                counts[format] = annotations.count + more
            case .gitlab:
                counts[format] = (try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any])?.count
            case .markdown:
                var heading = ""
                var count = 0
                for line in lines {
                    if line.hasPrefix("#") { heading = line }
                    if heading.hasPrefix("#### Failing gaps"), line.hasPrefix("- ") { count += 1 }
                    if heading.hasPrefix("### Policy findings"), line.hasPrefix("| "), !line.hasPrefix("| Severity"),
                        !line.hasPrefix("| ---")
                    {
                        count += 1
                    }
                }
                counts[format] = count
            case .html:
                // Each failing gap and each active finding is one expandable item.
                counts[format] =
                    text.components(separatedBy: "<details class=\"gap\">").count - 1
                    + text.components(separatedBy: "<details class=\"finding\">").count - 1
            }
        }
        return counts
    }

    @Test(arguments: ReportFixtures.repositories.map(\.name))
    func everyFormatCountsTheSameFailingItems(_ name: String) throws {
        let root = try #require(ReportFixtures.repositories.first { $0.name == name }).root
        let report = ReportFixtures.report(at: root)
        let expected = report.pairs.reduce(0) { $0 + $1.failingGaps.count } + report.activeFindings.count
        #expect(ReportItem.items(of: report, base: root.path).count == expected)
        let counts = try Self.counts(report, root: root)
        for format in ReportFormat.allCases {
            #expect(counts[format] == expected, "\(format) shows \(counts[format] ?? -1) items, not \(expected)")
        }
        if name == "sample" { #expect(expected == 23) }
        if name == "leaking-staging" { #expect(expected > 20) }
    }

    @Test func fingerprintsStayWhenEveryLineMovesDown() throws {
        let original = try ReportFixtures.sampleCopy(shiftedBy: 0)
        let shifted = try ReportFixtures.sampleCopy(shiftedBy: 1)
        let before = ReportFixtures.report(at: original.url)
        let after = ReportFixtures.report(at: shifted.url)
        let itemsBefore = ReportItem.items(of: before, base: original.path)
        let itemsAfter = ReportItem.items(of: after, base: shifted.path)
        #expect(itemsBefore.count == 23)
        #expect(itemsBefore.map(\.fingerprint) == itemsAfter.map(\.fingerprint))
        // The lines did move.
        #expect(zip(itemsBefore, itemsAfter).allSatisfy { ($0.location?.line ?? 0) + 1 == ($1.location?.line ?? 0) })
        // As each format writes them, from two different folders.
        for format in [ReportFormat.sarif, .gitlab] {
            let a = try Self.fingerprints(ReportFixtures.render(format, before, root: original.url), format)
            let b = try Self.fingerprints(ReportFixtures.render(format, after, root: shifted.url), format)
            #expect(a.count == 23 && Set(a).count == 23, "\(format) fingerprints are not unique")
            #expect(a == b, "\(format) fingerprints moved with the lines")
        }
    }

    static func fingerprints(_ text: String, _ format: ReportFormat) throws -> [String] {
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8))
        switch format {
        case .sarif:
            let run = try #require(((json as? [String: Any])?["runs"] as? [[String: Any]])?.first)
            return (run["results"] as? [[String: Any]] ?? []).compactMap {
                ($0["partialFingerprints"] as? [String: String])?[SARIFRenderer.fingerprintKey]
            }
        default:
            return (json as? [[String: Any]] ?? []).compactMap { $0["fingerprint"] as? String }
        }
    }

    @Test func identicalItemsKeepApartByOrder() throws {
        var report = ReportFixtures.report(at: Golden.repositoryRoot)
        let copy = try #require(report.findings.first)
        report.findings.append(copy)
        let items = ReportItem.items(of: report, base: Golden.repositoryRoot.path)
        #expect(Set(items.map(\.identity)).count == items.count)
        #expect(items.last?.identity == copy.fingerprint.description + "#2")
    }
}
