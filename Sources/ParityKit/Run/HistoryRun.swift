import Foundation
public import ParityDiagnostics

/// `parity history`: every first-parent commit that touched the environment repository,
/// judged as `parity check` would have judged it then, read from git's objects (never
/// checked out, never written), on the commit's day (waivers expire, dated rules fire, as
/// they did then); when each open gap appeared, and which reference change the mirror never
/// followed.
public struct HistoryRun {
    public struct Options: Sendable {
        /// The environment repository's folder (inside a git repository, perhaps not its top).
        public var root = "."
        /// Start at this commit (judged first) instead of the repository's first commit.
        public var since: String?
        /// Only this pair.
        public var pair: HistoryReport.Pair?
        /// The run's date: what "how long open" counts to.
        public var date: RunDate

        public init(date: RunDate) {
            self.date = date
        }
    }

    /// Parses shared by every commit (and by runs over the same repository).
    public let cache: ParseCache

    public init(cache: ParseCache = ParseCache()) {
        self.cache = cache
    }

    public func run(_ options: Options) -> Outcome<HistoryReport> {
        do throws(DiagnosticList) {
            let report = try history(options)
            return Outcome(report: report, diagnostics: [], failing: !report.open.isEmpty)
        } catch {
            return .invalid(error.diagnostics)
        }
    }

    private func history(_ options: Options) throws(DiagnosticList) -> HistoryReport {
        let git = GitCommand(folder: options.root)
        let log = GitLog(git: git)
        let prefix = try log.prefix()
        let since = try options.since.map { revision throws(DiagnosticList) in try log.resolve(revision) }
        var steps = try log.changes(after: since)
        var tree: [String: String] = [:]
        if let since {
            // The starting commit is judged as it stands, then every commit after it.
            let start = try log.tree(since)
            let commit = try log.commit(since)
            steps.insert(GitChange(commit: commit, changes: start.map { ($0.key, $0.value) }), at: 0)
        }
        let reader = try GitObjectReader(git)
        var tracker = GapTracker()
        var folders = RepositoryFolders(prefix: prefix)
        for step in steps {
            var touched = false
            for (path, blob) in step.changes {
                tree[path] = blob
                touched = touched || folders.contains(path)
            }
            guard touched else { continue }
            let files = GitTreeFileSystem(files: tree, prefix: prefix, reader: reader, cache: cache)
            let outcome = CheckRun(sources: SourceStore(), fileSystem: files).run(
                CheckRun.Options(date: RunDate(day: step.commit.day) ?? options.date))
            let errors = outcome.diagnostics.filter { $0.severity == .error }
            guard errors.isEmpty, let report = outcome.report else {
                tracker.invalid(step.commit, errors: errors)
                continue
            }
            folders = RepositoryFolders(prefix: prefix, spec: report.spec)
            tracker.seen(report.pairs)
            let pairs = report.pairs.filter { pair in
                options.pair.map { $0 == HistoryReport.Pair(reference: pair.reference, mirror: pair.mirror) } ?? true
            }
            tracker.judged(step.commit, pairs: pairs)
        }
        if let pair = options.pair, !tracker.pairs.contains(pair) {
            let known = tracker.seenPairs.map(\.name).sorted()
            throw DiagnosticList([
                .error(
                    .historyUnknownPair,
                    "no commit has the pair '\(pair.name)'"
                        + (known.isEmpty ? "" : "; the pairs are \(known.joined(separator: ", "))"), at: nil)
            ])
        }
        let head = steps.last?.commit.id
        let known = Dictionary(steps.map { ($0.commit.id, $0.commit) }, uniquingKeysWith: { first, _ in first })
        let open = tracker.openGaps.map { entry in
            HistoryReport.OpenGap(
                pair: entry.pair, gap: entry.gap, appeared: entry.appeared,
                daysOpen: Self.days(from: entry.appeared.day, to: options.date.day),
                referenceCommit: head.flatMap { referenceCommit(entry.gap, head: $0, log: log, known: known) })
        }
        return HistoryReport(
            points: tracker.points, commitsInRange: steps.count, pairs: tracker.pairs.sorted(), open: open,
            closed: tracker.closed, today: options.date.day)
    }

    /// The commit that last wrote the line holding the reference's value, at `head`.
    private func referenceCommit(_ gap: Gap, head: String, log: GitLog, known: [String: GitCommit]) -> GitCommit? {
        guard gap.reference != nil, let location = gap.referenceLocation, location.line > 0 else { return nil }
        guard let id = try? log.blame(file: location.file, line: location.line, at: head) else { return nil }
        return known[id] ?? (try? log.commit(id))
    }

    static func days(from start: String, to end: String) -> Int {
        guard let from = DateText.epochSeconds(start), let to = DateText.epochSeconds(end) else { return 0 }
        return max(0, Int((to - from) / 86_400))
    }
}

/// The paths (from the top of the git repository) whose change makes a commit worth
/// judging: the spec and the folders it names.
private struct RepositoryFolders {
    var spec: String?
    var folders: [String]

    init(prefix: String, spec: ParitySpec = ParitySpec()) {
        self.spec = GitTreeFileSystem.key("parity.yaml", in: prefix)
        folders = [spec.environmentsFolder, spec.policiesFolder].compactMap { GitTreeFileSystem.key($0, in: prefix) }
    }

    func contains(_ path: String) -> Bool {
        path == spec || folders.contains { $0.isEmpty || path.hasPrefix($0 + "/") }
    }
}

extension Diagnostic.Code {
    /// `--pair` names a pair no commit has.
    public static let historyUnknownPair: Self = "history.unknown-pair"
}
