import Foundation
import Testing
import ParityDiagnostics
@testable import ParityKit

/// The first day's mistakes, planted one at a time in a copy of the bundled sample: each
/// ends in one located, helpful message, and nothing else reads as stale, clean or broken.
@Suite struct SampleMistakesTests {
    struct Mistake: CustomStringConvertible, Sendable {
        var file: String
        var find: String
        var replace: String
        /// What the one message says, and where (`file:line`).
        var says: String
        var at: String
        /// Whether the mistake leaves something unchecked that a note must name.
        var leavesOut = true
        var description: String { "\(file): \(find) -> \(replace)" }
    }

    static let mistakes: [Mistake] = [
        Mistake(
            file: "environments/staging.yaml", find: "    replicas: 2\n", replace: "    replcias: 2\n",
            says: "unknown field 'replcias' in services[storefront-web]; did you mean 'replicas'?",
            at: "environments/staging.yaml:20"),
        Mistake(
            file: "parity.yaml", find: "    mirror: staging\n", replace: "    mirror: staging-eu\n",
            says: "no environment or file named 'staging-eu'; did you mean 'staging'?", at: "parity.yaml:10",
            leavesOut: false),
        Mistake(
            file: "parity.yaml", find: "reason: staging runs in one region",
            replace: "reson: staging runs in one region",
            says: "unknown field 'reson' in pairs[0].allow[0]; did you mean 'reason'?", at: "parity.yaml:16"),
        Mistake(
            file: "parity.yaml", find: "path: networks[*].segments[*].cidr",
            replace: "path: networks[*.segments[*].cidr",
            says: "the '[' at column 9 is never closed", at: "parity.yaml:64"),
        Mistake(
            file: "environments/production/services.yaml", find: "apiVersion: parity/v1\n",
            replace: "apiVersion: parity/v1\nx-defaults: &defaults {owner: team}\n", says: "", at: ""),
    ]

    /// A copy of the sample repository with `mistake` planted.
    static func sample(with mistake: Mistake) throws -> ScratchFolder {
        let scratch = try ScratchFolder()
        for entry in ["environments", "policies", "parity.yaml"] {
            try FileManager.default.copyItem(
                at: Golden.repositoryRoot.appendingPathComponent(entry), to: scratch.url.appendingPathComponent(entry))
        }
        let url = scratch.url.appendingPathComponent(mistake.file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let range = try #require(text.range(of: mistake.find), "the sample has '\(mistake.find)'")
        try text.replacingCharacters(in: range, with: mistake.replace).write(to: url, atomically: true, encoding: .utf8)
        return scratch
    }

    @Test(arguments: mistakes)
    func eachMistakeIsOneLocatedMessage(_ mistake: Mistake) throws {
        let scratch = try Self.sample(with: mistake)
        var options = CheckRun.Options(today: "2026-11-25")
        options.root = scratch.path
        let check = CheckRun(sources: SourceStore()).run(options)
        var lintOptions = LintRun.Options()
        lintOptions.root = scratch.path
        let lint = LintRun(sources: SourceStore()).run(lintOptions)
        for (command, diagnostics) in [("check", check.diagnostics), ("lint", lint.diagnostics)] {
            let problems = diagnostics.filter { $0.severity != .note }
            guard !mistake.says.isEmpty else {
                #expect(problems.isEmpty, "\(command): \(problems)")
                continue
            }
            #expect(problems.count == 1, "\(command): \(problems.map(\.description))")
            let problem = try #require(problems.first)
            #expect(problem.message.contains(mistake.says), "\(command): \(problem)")
            #expect(
                problem.location.map { "\($0.file):\($0.line)".hasSuffix(mistake.at) } == true, "\(command): \(problem)"
            )
        }
        // What was left out is said, and nothing that was not looked at reads as clean.
        if !mistake.says.isEmpty, let report = check.report {
            #expect(
                check.diagnostics.contains { $0.code == .checkNotChecked } == mistake.leavesOut, "\(check.diagnostics)")
            #expect(
                !CheckTextRenderer(style: TextStyle(enabled: false)).render(report).contains("policy findings  none\n"))
        }
    }

    @Test func lintWarnsOfAPathNamingNoItemWithTheClosestOne() throws {
        let mistake = Mistake(
            file: "parity.yaml", find: "  - gap: featureFlags[recommendations-v2]",
            replace: "  - gap: featureFlags[recomendations-v2]",
            says: "", at: "")
        let scratch = try Self.sample(with: mistake)
        var options = LintRun.Options()
        options.root = scratch.path
        let diagnostics = LintRun(sources: SourceStore()).run(options).diagnostics
        #expect(
            diagnostics.map(\.description) == [
                scratch.path
                    + "/parity.yaml:115:5: warning: 'featureFlags[recomendations-v2]' names an item that neither environment of production -> staging has;"
                    + " did you mean 'featureFlags[recommendations-v2]'? [spec.unknown-item]"
            ])
    }

    @Test func lintWarnsOfAWaiverNamingNoRule() throws {
        let mistake = Mistake(
            file: "parity.yaml", find: "waivers:\n",
            replace: """
                waivers:
                  - {rule: access.no-wildcard-actons, target: 'access.roles[x]', reason: r, owner: o, expires: 2026-12-20}

                """, says: "", at: "")
        let scratch = try Self.sample(with: mistake)
        var options = LintRun.Options()
        options.root = scratch.path
        let diagnostics = LintRun(sources: SourceStore()).run(options).diagnostics
        #expect(
            diagnostics.map(\.message) == [
                "waiver names rule 'access.no-wildcard-actons', which no policy has; did you mean 'access.no-wildcard-actions'?"
            ])
    }
}
