import Foundation

/// A git repository a test writes commit by commit, with a fixed author and fixed dates, so
/// commit ids (and every report quoting them) are the same on every run.
final class ScriptedRepository {
    let folder: ScratchFolder
    var path: String { folder.path }

    init() throws {
        folder = try ScratchFolder()
        try git(["init", "-q", "-b", "main"])
    }

    /// Writes `files` (nil deletes one) and commits them as `author` on `day` (`YYYY-MM-DD`).
    func commit(_ message: String, day: String, author: String = "Alice Example", files: [String: String?]) throws {
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            if let text {
                try folder.write(name, text)
            } else {
                try FileManager.default.removeItem(atPath: folder.url.appendingPathComponent(name).path)
            }
        }
        try git(["add", "-A"])
        let date = "\(day)T12:00:00+00:00"
        try git(
            ["commit", "-q", "--allow-empty", "-m", message],
            environment: [
                "GIT_AUTHOR_NAME": author,
                "GIT_AUTHOR_EMAIL": "\(author.split(separator: " ")[0].lowercased())@example.com",
                "GIT_AUTHOR_DATE": date,
                "GIT_COMMITTER_NAME": "Parity Tests", "GIT_COMMITTER_EMAIL": "tests@example.com",
                "GIT_COMMITTER_DATE": date,
            ])
    }

    /// Runs git in the repository, with no user or system configuration.
    @discardableResult
    func git(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = folder.url
        var env = ProcessInfo.processInfo.environment
        env["GIT_CONFIG_GLOBAL"] = "/dev/null"
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSError(
                domain: "git", code: Int(process.terminationStatus),
                userInfo: [NSLocalizedDescriptionKey: "git \(arguments.joined(separator: " ")) failed"])
        }
        return String(decoding: data, as: UTF8.self)
    }
}
