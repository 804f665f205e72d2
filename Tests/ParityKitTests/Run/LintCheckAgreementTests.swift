import Foundation
import Testing
import ParityDiagnostics
@testable import ParityKit

/// `parity lint` (the pre-commit hook) and `parity check` (the gate) judge a repository's
/// folders and pairs in one place, so a spec the gate rejects never passes the hook
/// (issue 17, point 14).
@Suite struct LintCheckAgreementTests {
    static let environment = "apiVersion: parity/v1\nkind: Environment\n"
    static let production = environment + "metadata: {name: production, tier: production, owner: sre}\n"
    static let staging = environment + "metadata: {name: staging, tier: staging, owner: sre}\n"
    static let spec = "apiVersion: parity/v1\nkind: ParitySpec\n"

    /// The repository a case starts from: production and staging, a spec of `specBody`.
    func repository(_ specBody: String?, files: [String: String] = [:]) throws -> ScratchFolder {
        let scratch = try ScratchFolder()
        let defaults = ["environments/production.yaml": Self.production, "environments/staging.yaml": Self.staging]
        for (path, text) in defaults.merging(files, uniquingKeysWith: { $1 }) where !text.isEmpty {
            try scratch.write(path, text)
        }
        if let specBody { try scratch.write("parity.yaml", Self.spec + specBody) }
        return scratch
    }

    func judged(_ scratch: ScratchFolder) -> (lint: [Diagnostic], check: [Diagnostic]) {
        var lint = LintRun.Options()
        lint.root = scratch.path
        var check = CheckRun.Options(today: "2026-06-01")
        check.root = scratch.path
        return (
            LintRun(sources: SourceStore()).run(lint).diagnostics,
            CheckRun(sources: SourceStore()).run(check).diagnostics
        )
    }

    static let rejectedSpecs: [(name: String, spec: String)] = [
        ("a missing environments folder", "environments: nowhere\n"),
        ("an environments folder that is a device", "environments: /dev/zero\n"),
        ("an environments folder that is a file", "environments: parity.yaml\n"),
        ("a missing policies folder", "policies: nowhere\n"),
        ("a policies folder that is a device", "policies: /dev/zero\n"),
        ("a policies folder that is a file", "policies: parity.yaml\n"),
        ("a pair naming an unknown environment", "pairs:\n  - {reference: production, mirror: stagign}\n"),
    ]

    @Test(arguments: rejectedSpecs.indices)
    func whatCheckRejectsLintRejects(_ index: Int) throws {
        let (name, spec) = Self.rejectedSpecs[index]
        let scratch = try repository(spec)
        let (lint, check) = judged(scratch)
        #expect(check.containsError, "check accepts \(name): \(check)")
        #expect(lint.containsError, "lint accepts \(name) (check: \(check.filter { $0.severity == .error }))")
        // The same problem, said the same way.
        let lintErrors = Set(lint.filter { $0.severity == .error }.map(\.code))
        #expect(check.filter { $0.severity == .error }.allSatisfy { lintErrors.contains($0.code) }, "\(name)")
    }

    /// The pre-commit hook lints only the files that changed: `parity lint parity.yaml`.
    @Test(arguments: rejectedSpecs.indices)
    func whatCheckRejectsLintOfTheSpecAloneRejects(_ index: Int) throws {
        let (name, spec) = Self.rejectedSpecs[index]
        let scratch = try repository(spec)
        var options = LintRun.Options(paths: [scratch.path + "/parity.yaml"])
        options.root = scratch.path
        let lint = LintRun(sources: SourceStore()).run(options).diagnostics
        #expect(lint.containsError, "lint parity.yaml accepts \(name): \(lint)")
    }

    @Test func aSoundSpecLintedAloneIsClean() throws {
        let scratch = try repository("pairs:\n  - {reference: production, mirror: staging}\n")
        var options = LintRun.Options(paths: [scratch.path + "/parity.yaml"])
        options.root = scratch.path
        let lint = LintRun(sources: SourceStore()).run(options).diagnostics
        #expect(lint.isEmpty, "\(lint)")
    }

    @Test func anEmptyEnvironmentsFolderIsNothingToCheckForBoth() throws {
        let scratch = try repository(
            "", files: ["environments/production.yaml": "", "environments/staging.yaml": "", "environments/README": "x"])
        let (lint, check) = judged(scratch)
        #expect(check.map(\.code).contains(.checkNothingToCheck))
        #expect(lint.map(\.code).contains(.checkNothingToCheck))
    }

    @Test func severalProductionEnvironmentsWithoutPairsAreAnErrorForBoth() throws {
        let other = Self.environment + "metadata: {name: production-us, tier: production, owner: sre}\n"
        let scratch = try repository("", files: ["environments/production-us.yaml": other])
        let (lint, check) = judged(scratch)
        #expect(check.map(\.code).contains(.specInvalidPair))
        #expect(lint.map(\.code).contains(.specInvalidPair))
    }

    @Test func aFolderWrittenInTheSpecIsBlamedAtItsLine() throws {
        let scratch = try repository("environments: /dev/zero\npolicies: nowhere\n")
        let (lint, _) = judged(scratch)
        let environments = lint.first { $0.code == .checkNothingToCheck }
        #expect(environments?.location?.line == 3, "\(lint)")
        #expect(environments?.message.contains("is not a folder") == true, "\(String(describing: environments))")
        #expect(lint.first { $0.code == .checkNoPolicies }?.location?.line == 4)
    }

    @Test func aSoundRepositoryPassesBoth() throws {
        let scratch = try repository("pairs:\n  - {reference: production, mirror: staging}\n")
        let (lint, check) = judged(scratch)
        #expect(!lint.containsError, "\(lint)")
        #expect(!check.containsError, "\(check)")
    }
}

/// A folder that cannot be listed is said to be unreadable, never taken for an empty one (issue
/// 17, point 17). The disk as it is, but for one folder whose listing fails, as chmod 000 makes
/// it for anyone but root.
@Suite struct UnlistableFolderTests {
    struct UnlistableFolder: FileSystem {
        var folder: String
        let disk = DiskFileSystem()

        func isDirectory(_ path: String) -> Bool { disk.isDirectory(path) }
        func exists(_ path: String) -> Bool { disk.exists(path) }
        func entries(of folder: String) -> [String] { folder == self.folder ? [] : disk.entries(of: folder) }
        func yamlFiles(under folder: String) -> [String] {
            folder == self.folder ? [] : disk.yamlFiles(under: folder)
        }
        func listingProblem(of folder: String) -> String? { folder == self.folder ? "permission denied" : nil }
        func read(_ path: String, limit: Int) throws(DiagnosticList) -> [UInt8] { try disk.read(path, limit: limit) }
    }

    @Test(arguments: [
        ("environments", "cannot read the environments folder"),
        ("policies", "cannot read the policies folder"),
        ("environments/production", "cannot read the environment folder"),
    ])
    func anUnlistableFolderIsUnreadableNotEmpty(_ relative: String, _ message: String) throws {
        let scratch = try ScratchFolder()
        try scratch.write("environments/production/meta.yaml", LintCheckAgreementTests.production)
        try scratch.write("environments/staging.yaml", LintCheckAgreementTests.staging)
        try scratch.write("policies/README.md", "rules go here\n")
        let fileSystem = UnlistableFolder(folder: scratch.path + "/" + relative)
        var options = CheckRun.Options(today: "2026-06-01")
        options.root = scratch.path
        let found = CheckRun(sources: SourceStore(), fileSystem: fileSystem).run(options).diagnostics
        let problem = found.first { $0.message.contains(message) }
        #expect(problem?.severity == .error, "\(found)")
        #expect(problem?.message.hasSuffix(": permission denied") == true, "\(String(describing: problem))")
        #expect(!found.contains { $0.message.contains("no .yaml files") || $0.message.contains("no environments under") })
    }
}
