import ParityDiagnostics

/// Follows failing gaps from commit to commit: when each appeared, when it closed. A commit
/// that could not be judged leaves every gap as it was.
struct GapTracker {
    struct Entry {
        var pair: HistoryReport.Pair
        var gap: Gap
        var appeared: GitCommit
    }

    private(set) var points: [HistoryReport.Point] = []
    private(set) var closed: [HistoryReport.ClosedGap] = []
    /// The pairs of judged commits, and every pair seen.
    private(set) var pairs: Set<HistoryReport.Pair> = []
    private(set) var seenPairs: Set<HistoryReport.Pair> = []
    private var open: [String: Entry] = [:]
    /// The open gaps in the order of the last commit's reports.
    private var order: [String] = []

    /// Remembers the pairs a judged commit has, whether or not they are followed.
    mutating func seen(_ reports: [PairReport]) {
        for report in reports {
            seenPairs.insert(HistoryReport.Pair(reference: report.reference, mirror: report.mirror))
        }
    }

    mutating func invalid(_ commit: GitCommit, errors: [Diagnostic]) {
        points.append(HistoryReport.Point(commit: commit, errors: errors, scores: [:], failing: [:]))
    }

    mutating func judged(_ commit: GitCommit, pairs reports: [PairReport]) {
        var now: [String: Entry] = [:]
        var nowOrder: [String] = []
        var scores: [HistoryReport.Pair: Double] = [:]
        var failing: [HistoryReport.Pair: Int] = [:]
        for report in reports {
            let pair = HistoryReport.Pair(reference: report.reference, mirror: report.mirror)
            pairs.insert(pair)
            scores[pair] = report.score
            failing[pair] = report.gaps.count(where: \.isFailing)
            for gap in report.gaps where gap.isFailing {
                let key = pair.name + "\u{0}" + gap.path.description
                guard now[key] == nil else { continue }
                now[key] = Entry(pair: pair, gap: gap, appeared: open[key]?.appeared ?? commit)
                nowOrder.append(key)
            }
        }
        for key in order where now[key] == nil {
            guard let entry = open[key] else { continue }
            closed.append(
                HistoryReport.ClosedGap(
                    pair: entry.pair, path: entry.gap.path, kind: entry.gap.kind, appeared: entry.appeared,
                    closed: commit))
        }
        open = now
        order = nowOrder
        points.append(HistoryReport.Point(commit: commit, errors: [], scores: scores, failing: failing))
    }

    /// The gaps failing at the last commit judged.
    var openGaps: [Entry] { order.compactMap { open[$0] } }
}
