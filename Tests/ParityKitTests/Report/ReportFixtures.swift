import Foundation
import ParityDiagnostics
@testable import ParityKit

/// Check reports of real repositories, run in-process: the sample at the repository root and
/// the example repositories, each rendered with paths relative to its own root.
enum ReportFixtures {
    static let today = "2026-11-25"

    /// The repositories every format is pinned on, by golden name.
    static let repositories: [(name: String, root: URL)] = [
        ("sample", Golden.repositoryRoot),
        ("clean-mirror", Golden.repositoryRoot.appendingPathComponent("examples/clean-mirror")),
        ("leaking-staging", Golden.repositoryRoot.appendingPathComponent("examples/leaking-staging")),
        ("invalid-repo", Golden.repositoryRoot.appendingPathComponent("examples/invalid-repo")),
    ]

    static func report(at root: URL) -> CheckReport {
        var options = CheckRun.Options(today: today)
        options.root = root.path
        options.graphs = true  // as the command line asks when a report is HTML
        if FileManager.default.fileExists(atPath: root.appendingPathComponent("parity.yaml").path) {
            options.config = root.appendingPathComponent("parity.yaml").path
        }
        // A report is what every run returns; only a broken spec leaves none.
        return CheckRun(sources: SourceStore()).run(options).report!
    }

    /// `format` rendered for the repository at `root`, with no machine's folders in it.
    static func render(_ format: ReportFormat, at root: URL) -> String {
        render(format, report(at: root), root: root)
    }

    static func render(_ format: ReportFormat, _ report: CheckReport, root: URL) -> String {
        format.render(report, ReportFormat.Options(base: root.path)).replacingOccurrences(of: root.path + "/", with: "")
    }

    /// A copy of the sample's files in a fresh folder, each line of each file moved down by
    /// `shift` lines (blank lines above: the same documents).
    static func sampleCopy(shiftedBy shift: Int) throws -> ScratchFolder {
        let folder = try ScratchFolder()
        let root = Golden.repositoryRoot
        var files = ["parity.yaml"]
        for directory in ["environments", "policies"] {
            let walker = FileManager.default.enumerator(atPath: root.appendingPathComponent(directory).path)
            files += (walker?.compactMap { $0 as? String } ?? []).filter { $0.hasSuffix(".yaml") }.map {
                "\(directory)/\($0)"
            }
        }
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            try folder.write(file, String(repeating: "\n", count: shift) + text)
        }
        return folder
    }
}
