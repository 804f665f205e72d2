public import ParityDiagnostics

/// The first-parent history of a repository, oldest first, with each commit's changed files:
/// one `git log --raw`, from which every commit's tree follows without one `ls-tree` each.
public struct GitLog: Sendable {
    public var git: GitCommand

    public init(git: GitCommand) {
        self.git = git
    }

    /// The path of the folder git runs in from the top of its repository (`examples/x/`, or "").
    public func prefix() throws(DiagnosticList) -> String {
        let inside = try? git.text(["rev-parse", "--is-inside-work-tree"])
        guard inside == "true" else {
            throw DiagnosticList([
                .error(
                    .historyGitFailed,
                    "'\(git.folder)' is not in a git repository; parity history reads the history of the environment repository",
                    at: nil)
            ])
        }
        return try git.text(["rev-parse", "--show-prefix"])
    }

    /// The full id of `revision`, as a commit.
    public func resolve(_ revision: String) throws(DiagnosticList) -> String {
        do {
            return try git.text(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"])
        } catch {
            throw DiagnosticList([
                .error(
                    .historyGitFailed, "no commit '\(revision)' in this repository; name a commit, branch or tag",
                    at: nil)
            ])
        }
    }

    /// The files of `commit` (paths from the top of the repository) and their blobs.
    public func tree(_ commit: String) throws(DiagnosticList) -> [String: String] {
        var files: [String: String] = [:]
        // `<mode> <type> <id>\t<path>`, NUL-terminated.
        for entry in try git.run(["ls-tree", "-r", "-z", "--full-tree", commit]).split(separator: 0) {
            guard let tab = entry.firstIndex(of: 0x09) else { continue }
            let words = entry[..<tab].split(separator: 0x20)
            guard words.count == 3, words[0].elementsEqual("100644".utf8) || words[0].elementsEqual("100755".utf8)
            else { continue }
            files[String(decoding: entry[(tab + 1)...], as: UTF8.self)] = String(decoding: words[2], as: UTF8.self)
        }
        return files
    }

    /// The commits after `since` (or all of them) up to HEAD, oldest first, following first
    /// parents, each with the files it changed relative to its first parent.
    public func changes(after since: String?) throws(DiagnosticList) -> [GitChange] {
        let range = since.map { "\($0)..HEAD" } ?? "HEAD"
        let output = try git.run([
            "log", "--first-parent", "--reverse", "--raw", "--no-abbrev", "--no-renames", "--diff-merges=first-parent",
            "-z",
            "--format=%x1e%H%x1f%an%x1f%aI%x1f%s", range, "--",
        ])
        return Self.parse(output)
    }

    /// Parses `git log --raw -z` output in the format `changes` asks for.
    static func parse(_ output: [UInt8]) -> [GitChange] {
        var result: [GitChange] = []
        for record in output.split(separator: 0x1E) {
            // The header ends at the first NUL (or line break before the raw part); then
            // `:<modes> <old> <new> <status>` NUL `<path>` NUL pairs.
            var fields = record.split(separator: 0, omittingEmptySubsequences: false).makeIterator()
            guard let header = fields.next() else { continue }
            let headerText = String(decoding: header, as: UTF8.self).trimmingTrailingNewlines
            let parts = headerText.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 4 else { continue }
            let commit = GitCommit(
                id: parts[0], author: parts[1], date: parts[2], subject: parts[3...].joined(separator: " "))
            var changes: [(path: String, blob: String?)] = []
            while let raw = fields.next() {
                let text = String(decoding: raw, as: UTF8.self).trimmingLeadingNewlines
                guard text.hasPrefix(":"), let path = fields.next() else { continue }
                let words = text.dropFirst().split(separator: " ")
                guard words.count >= 5 else { continue }
                let newMode = words[1], newBlob = String(words[3])
                let regular = newMode == "100644" || newMode == "100755"
                changes.append((String(decoding: path, as: UTF8.self), regular ? newBlob : nil))
            }
            result.append(GitChange(commit: commit, changes: changes))
        }
        return result
    }
}

extension String {
    fileprivate var trimmingTrailingNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    fileprivate var trimmingLeadingNewlines: String {
        String(drop { $0 == "\n" })
    }
}

extension GitLog {
    /// One commit's id, author, date and subject.
    public func commit(_ id: String) throws(DiagnosticList) -> GitCommit {
        let output = try git.run(["log", "-1", "-z", "--no-walk", "--format=%x1e%H%x1f%an%x1f%aI%x1f%s", id, "--"])
        guard let commit = Self.parse(output).first?.commit else {
            throw DiagnosticList([.error(.historyGitFailed, "git log printed no commit for '\(id)'", at: nil)])
        }
        return commit
    }

    /// The commit that last wrote 1-based `line` of `file` (a path from the folder git runs in) at `revision`.
    public func blame(file: String, line: Int, at revision: String) throws(DiagnosticList) -> String {
        let output = try git.text(["blame", "--porcelain", "-L", "\(line),\(line)", revision, "--", file])
        guard let id = output.split(separator: " ").first, id.count == 40 else {
            throw DiagnosticList([.error(.historyGitFailed, "git blame gave no commit for \(file):\(line)", at: nil)])
        }
        return String(id)
    }
}
