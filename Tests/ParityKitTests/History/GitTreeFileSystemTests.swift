import Foundation
import Testing
import ParityDiagnostics
@testable import ParityKit

/// The git-tree file system answers as the disk would for the same files, so a check read
/// from a commit is the check of that commit checked out.
@Suite struct GitTreeFileSystemTests {
    static func tree(_ repository: ScriptedRepository, prefix: String = "") throws -> GitTreeFileSystem {
        let git = GitCommand(folder: repository.path)
        let files = try GitLog(git: git).tree("HEAD")
        return GitTreeFileSystem(files: files, prefix: prefix, reader: try GitObjectReader(git), cache: ParseCache())
    }

    @Test func foldersEntriesAndFilesAsOnDisk() throws {
        let repository = try ScriptedRepository()
        try repository.commit(
            "files", day: "2026-01-01",
            files: [
                "envs/b.yaml": "b: 1\n", "envs/a.yml": "a: 1\n", "envs/.hidden.yaml": "h: 1\n",
                "envs/nested/c.yaml": "c: 1\n", "top.yaml": "t: 1\n",
            ])
        let files = try Self.tree(repository)
        let disk = DiskFileSystem()
        for path in ["envs", "./envs", "envs/", "envs/nested", "top.yaml", "missing", ".", ""] {
            let onDisk = path.isEmpty ? repository.path : repository.path + "/" + path
            #expect(files.isDirectory(path) == disk.isDirectory(onDisk), "isDirectory \(path)")
            #expect(files.exists(path) == disk.exists(onDisk), "exists \(path)")
            #expect(files.entries(of: path) == disk.entries(of: onDisk), "entries \(path)")
        }
        #expect(files.yamlFiles(under: "envs") == ["envs/a.yml", "envs/b.yaml", "envs/nested/c.yaml"])
        #expect(
            disk.yamlFiles(under: repository.path + "/envs").map { String($0.dropFirst(repository.path.count + 1)) }
                == files.yamlFiles(under: "envs"))
        #expect(try files.read("envs/b.yaml", limit: 100) == Array("b: 1\n".utf8))
    }

    @Test func pathsResolveFromTheEnvironmentRepositorysFolder() throws {
        let repository = try ScriptedRepository()
        try repository.commit(
            "files", day: "2026-01-01", files: ["repo/environments/a.yaml": "a: 1\n", "policies/p.yaml": "p: 1\n"])
        let files = try Self.tree(repository, prefix: "repo/")
        #expect(files.entries(of: "environments") == ["a.yaml"])
        // A spec may name a folder beside the repository's (`policies: ../policies`).
        #expect(files.yamlFiles(under: "../policies") == ["../policies/p.yaml"])
        #expect(!files.exists("../../outside"))
        #expect(!files.exists("/etc/passwd"))
    }

    @Test func aMissingOrLargeFileIsADiagnostic() throws {
        let repository = try ScriptedRepository()
        try repository.commit("files", day: "2026-01-01", files: ["a.yaml": String(repeating: "x", count: 200) + "\n"])
        let files = try Self.tree(repository)
        #expect(throws: DiagnosticList.self) { try files.read("b.yaml", limit: 1_000) }
        do {
            _ = try files.read("b.yaml", limit: 1_000)
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "b.yaml: error: cannot read 'b.yaml': no such file in this commit [io.unreadable]"
                ])
        }
        do {
            _ = try files.read("a.yaml", limit: 100)
        } catch {
            #expect(error.diagnostics.first?.code == .yamlLimit)
        }
    }

    /// The sample repository committed, then checked from the commit and from the disk.
    @Test func checkFromACommitEqualsCheckFromDisk() throws {
        let repository = try ScriptedRepository()
        let root = Golden.repositoryRoot
        var files: [String: String?] = [
            "parity.yaml": try String(contentsOf: root.appendingPathComponent("parity.yaml"), encoding: .utf8)
        ]
        for folder in ["environments", "policies"] {
            for file in DiskFileSystem().yamlFiles(under: root.appendingPathComponent(folder).path) {
                files[folder + "/" + String(file.dropFirst(root.appendingPathComponent(folder).path.count + 1))] =
                    try String(contentsOfFile: file, encoding: .utf8)
            }
        }
        try repository.commit("the sample", day: "2026-01-01", files: files)

        var options = CheckRun.Options(date: RunDate(day: "2026-11-25")!)
        options.root = "."
        let fromGit = CheckRun(sources: SourceStore(), fileSystem: try Self.tree(repository, prefix: "")).run(options)
        // On disk the paths carry the folder; read from the commit they are relative to it.
        options.root = repository.path
        let fromDisk = CheckRun(sources: SourceStore()).run(options)
        let render = { (outcome: Outcome<CheckReport>) in
            CheckTextRenderer(style: TextStyle(enabled: false)).render(try #require(outcome.report))
        }
        #expect(try render(fromGit) == render(fromDisk).replacingOccurrences(of: repository.path + "/", with: ""))
        #expect(fromGit.status == fromDisk.status)
        #expect(fromGit.diagnostics.count == fromDisk.diagnostics.count)
        #expect(fromGit.report?.pairs.first?.failingGaps.count == 13)
    }
}
