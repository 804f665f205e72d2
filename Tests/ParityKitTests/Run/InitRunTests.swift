import Foundation
import Testing
import ParityDiagnostics
@testable import ParityKit

/// `parity init` scaffolds a repository that passes its own gate, and overwrites nothing.
@Suite struct InitRunTests {
    func initialize(_ folder: ScratchFolder) -> Outcome<InitRun.Report> {
        var options = InitRun.Options()
        options.root = folder.path
        return InitRun().run(options)
    }

    @Test func theScaffoldPassesItsOwnLintAndCheck() throws {
        let folder = try ScratchFolder()
        let outcome = initialize(folder)
        #expect(outcome.status == .passed)
        #expect(
            outcome.report?.written == [
                "parity.yaml", "environments/production.yaml", "environments/staging.yaml", ".pre-commit-config.yaml",
            ])
        let sources = SourceStore()
        #expect(Linter(sources: sources).lintRepository(at: folder.path).isEmpty)

        var options = CheckRun.Options(today: "2026-11-25")
        options.root = folder.path
        let check = CheckRun(sources: sources).run(options)
        #expect(check.status == .passed, "\(DiagnosticRenderer(sources: sources).render(check.diagnostics))")
        #expect(check.diagnostics.isEmpty)
        let report = try #require(check.report)
        #expect(report.pairs.map { "\($0.reference) -> \($0.mirror)" } == ["production -> staging"])
        #expect(
            report.ruleCount
                == PolicySet.load(spec: ParitySpec(), root: "/nonexistent", sources: SourceStore()).entries.count,
            "the built-in pack runs")
        // Staging really differs from production, as the allowed variances say it may.
        #expect(report.pairs.first?.gaps.isEmpty == false)
    }

    @Test func theCommentedExamplesAreValidWhenUncommented() throws {
        let folder = try ScratchFolder()
        _ = initialize(folder)
        let spec = try String(contentsOfFile: folder.path + "/parity.yaml", encoding: .utf8)
        // Uncommenting every example (a comment that reads as YAML; prose comments stay) gives
        // a spec lint accepts.
        let example = try NSRegularExpression(
            pattern: #"^( *)# (?=(- )?[A-Za-z]+:( |$)|  +[-A-Za-z])"#, options: [.anchorsMatchLines])
        let uncommented = example.stringByReplacingMatches(
            in: spec, range: NSRange(spec.startIndex..., in: spec), withTemplate: "$1")
        try folder.write("parity.yaml", uncommented)
        #expect(
            uncommented.contains("\nwaivers:\n") && uncommented.contains("\nrules:\n")
                && uncommented.contains("      - path: datastores[*].instanceType"))
        let diagnostics = Linter(sources: SourceStore()).lintRepository(at: folder.path)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
    }

    @Test func itRefusesToOverwriteAndWritesNothing() throws {
        let folder = try ScratchFolder()
        try folder.write("environments/staging.yaml", "mine\n")
        let outcome = initialize(folder)
        #expect(outcome.status == .invalidInput)
        #expect(
            outcome.diagnostics.map(\.description) == [
                "\(folder.path)/environments/staging.yaml: error: '\(folder.path)/environments/staging.yaml' exists; parity init overwrites nothing and wrote no file: move it away, or run parity init in another folder [init.file-exists]"
            ])
        #expect(try String(contentsOfFile: folder.path + "/environments/staging.yaml", encoding: .utf8) == "mine\n")
        for path in ["parity.yaml", "environments/production.yaml", ".pre-commit-config.yaml"] {
            #expect(!FileManager.default.fileExists(atPath: folder.path + "/" + path), "\(path) not written")
        }
    }
}
