import Foundation
import Testing

/// `parity history` as a user runs it: usage and input errors with their exit statuses, and
/// the repository's own history read without touching the working tree.
@Suite struct HistoryCommandTests {
    @Test func aPairWithoutAColonIsAUsageError() throws {
        let run = try ParityBinary.run(["history", "--pair", "production"])
        #expect(run.status == 64)
        #expect(
            run.stderr.hasPrefix(
                "parity history: error: --pair takes REFERENCE:MIRROR (production:staging), not 'production'\n"))
    }

    @Test func aFolderOutsideGitIsInvalidInput() throws {
        let folder = try ParityBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ParityBinary.run(
            ["history"], in: folder, environment: ["GIT_CEILING_DIRECTORIES": folder.deletingLastPathComponent().path])
        #expect(run.status == 2)
        #expect(
            run.stderr.contains(
                "is not in a git repository; parity history reads the history of the environment repository [history.git-failed]"
            ))
        #expect(run.stdout == "")
    }

    @Test func anUnknownRevisionIsInvalidInput() throws {
        let run = try ParityBinary.run(["history", "--since", "no-such-revision-anywhere"])
        guard FileManager.default.fileExists(atPath: ParityBinary.repositoryRoot.appendingPathComponent(".git").path)
        else { return }
        #expect(run.status == 2)
        #expect(
            run.stderr.contains(
                "no commit 'no-such-revision-anywhere' in this repository; name a commit, branch or tag"))
    }

    @Test func everyFormatOfTheRepositorysOwnHistory() throws {
        guard FileManager.default.fileExists(atPath: ParityBinary.repositoryRoot.appendingPathComponent(".git").path)
        else { return }
        let text = try ParityBinary.run(["history"])
        #expect([0, 1].contains(text.status))
        #expect(text.stdout.hasPrefix("parity history: "))
        #expect(text.stdout.contains("parity score by commit"))
        let json = try ParityBinary.run(["history", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["version"] as? Int == 1)
        let html = try ParityBinary.run(["history", "--format", "html", "--pair", "production:staging"])
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(html.stdout.contains("<svg role=\"img\""))
    }
}
