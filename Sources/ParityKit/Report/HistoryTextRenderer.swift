/// `parity history` for people: the open gaps with when they appeared and the reference
/// change behind each, the gaps that closed, and each pair's score commit by commit.
public struct HistoryTextRenderer: Sendable {
    public var style: TextStyle

    public init(style: TextStyle) {
        self.style = style
    }

    public func render(_ report: HistoryReport) -> String {
        let invalid = report.points.filter { !$0.isValid }.count
        var out =
            style.bold("parity history")
            + ": \(report.points.count) of \(report.commitsInRange) commit\(plural(report.commitsInRange)) touched the environment repository"
        out += invalid == 0 ? "" : " (\(invalid) with invalid files)"
        out += report.pairs.isEmpty ? "" : "; pairs: " + report.pairs.map(\.name).joined(separator: ", ")
        out += "\n"
        guard !report.points.isEmpty else {
            return out + "\nno commit touched parity.yaml, the environments or the policies\n"
        }
        out += openGaps(report) + closedGaps(report) + scores(report)
        return out
    }

    private func openGaps(_ report: HistoryReport) -> String {
        var out =
            "\n" + style.bold("open gaps") + "  "
            + style.dim("\(report.open.count) failing at \(report.head?.shortID ?? "")") + "\n"
        for pair in report.pairs {
            let gaps = report.open.filter { $0.pair == pair }
            guard !gaps.isEmpty else { continue }
            out += "\n  " + style.bold(pair.name) + "\n"
            for open in gaps {
                out +=
                    "    " + style.red("x") + " " + style.bold(open.gap.path.description) + "  "
                    + GapSummary.text(open.gap, pair: pair) + "\n"
                out +=
                    "        open \(open.daysOpen) day\(plural(open.daysOpen)), since \(Self.commit(open.appeared))\n"
                if let reference = open.referenceCommit, reference == open.appeared {
                    out += "        a change to \(pair.reference) that \(pair.mirror) never followed\n"
                } else if let reference = open.referenceCommit {
                    out +=
                        "        \(pair.reference)'s value, which \(pair.mirror) no longer follows, from \(Self.commit(reference))\n"
                }
            }
        }
        return out
    }

    /// Closed gaps under the commit that closed them.
    private func closedGaps(_ report: HistoryReport) -> String {
        guard !report.closed.isEmpty else { return "\n" + style.bold("closed gaps") + "  none\n" }
        var out = "\n" + style.bold("closed gaps") + "  " + style.dim("\(report.closed.count)") + "\n"
        var closing: GitCommit?
        for closed in report.closed {
            if closed.closed != closing {
                closing = closed.closed
                out += "\n  closed by \(Self.commit(closed.closed))\n"
            }
            let days = HistoryRun.days(from: closed.appeared.day, to: closed.closed.day)
            out +=
                style.dim("    ~ ") + "\(closed.pair.name)  \(closed.path)  "
                + style.dim(
                    "\(closed.kind.rawValue), open since \(closed.appeared.shortID), \(days) day\(plural(days))") + "\n"
        }
        return out
    }

    /// One row per commit judged: the commit, its day, each pair's score, and its subject;
    /// under a commit whose files are invalid, its first error.
    private func scores(_ report: HistoryReport) -> String {
        let headers = ["commit", "date"] + report.pairs.map(\.name)
        let rows = report.points.map { point in
            [point.commit.shortID, point.commit.day]
                + report.pairs.map { pair in
                    guard point.isValid else { return "invalid" }
                    return point.scores[pair].map { "\($0.percentText) (\(point.failing[pair] ?? 0))" } ?? "-"
                }
        }
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            "  "
                + cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(
                    separator: "  ")
        }
        var out = "\n" + style.bold("parity score by commit") + "  " + style.dim("(failing gaps in brackets)") + "\n\n"
        out += style.dim(line(headers) + "  subject") + "\n"
        let indent = String(repeating: " ", count: 4 + widths.reduce(0, +) + 2 * widths.count)
        for (point, row) in zip(report.points, rows) {
            out += line(row) + "  " + Self.short(point.commit.subject) + "\n"
            if let first = point.errors.first {
                let more = point.errors.count > 1 ? " (and \(point.errors.count - 1) more)" : ""
                out +=
                    indent + style.red("invalid: ")
                    + "\(first.location.map { "\($0): " } ?? "")\(first.message)\(more)\n"
            }
        }
        return out
    }

    /// `a1b2c3d (2026-01-05, Alice): subject`, a long subject cut short.
    static func commit(_ commit: GitCommit) -> String {
        "\(commit.shortID) (\(commit.day), \(commit.author)): \(short(commit.subject))"
    }

    static func short(_ subject: String) -> String {
        subject.count > 72 ? String(subject.prefix(71)) + "…" : subject
    }

    private func plural(_ count: Int) -> String { count == 1 ? "" : "s" }
}
