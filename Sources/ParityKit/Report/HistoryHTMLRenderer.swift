/// `parity history --format html`: the open gaps with when they appeared and the reference
/// change behind each, the score over time as an SVG chart and a table, the closed gaps.
public struct HistoryHTMLRenderer: Sendable {
    public var links: SourceLinks

    public init(linkBase: String? = nil) {
        links = SourceLinks(base: linkBase)
    }

    public func render(_ report: HistoryReport) -> String {
        let invalid = report.points.filter { !$0.isValid }.count
        var main = "<section aria-labelledby=\"summary\" class=\"verdict\">\n<h2 id=\"summary\">Summary</h2>\n"
        main += "<p class=\"word\">\(report.open.count) open gap\(report.open.count == 1 ? "" : "s")</p>\n"
        main +=
            "<p>\(report.points.count) of \(report.commitsInRange) commit\(report.commitsInRange == 1 ? "" : "s") touched the environment repository"
            + (invalid == 0 ? "" : "; \(invalid) had invalid files")
            + (report.head.map { "; the last is " + commit($0) } ?? "") + ".</p>\n</section>\n"
        main += "<section aria-labelledby=\"open\">\n<h2 id=\"open\">Open gaps (\(report.open.count))</h2>\n"
        if report.open.isEmpty { main += "<p>No gap fails at the last commit.</p>\n" }
        for pair in report.pairs {
            let gaps = report.open.filter { $0.pair == pair }
            guard !gaps.isEmpty else { continue }
            main += "<h3>" + HTML.escape(pair.reference + " → " + pair.mirror) + "</h3>\n" + openTable(gaps, pair)
        }
        main += "</section>\n"
        main += "<section aria-labelledby=\"scores\">\n<h2 id=\"scores\">Parity score over time</h2>\n"
        if !report.points.isEmpty { main += ScoreChart().render(report) }
        main += scoreTable(report) + "</section>\n"
        main += closed(report)
        let contents = [
            ("summary", "Summary"), ("open", "Open gaps"), ("scores", "Score over time"), ("closed", "Closed gaps"),
        ]
        return HTMLPage(title: "Parity history", contents: contents, main: main).render()
    }

    private func openTable(_ gaps: [HistoryReport.OpenGap], _ pair: HistoryReport.Pair) -> String {
        var out =
            "<table><caption>Gaps failing today, when each appeared, and the reference change never mirrored</caption>\n<thead><tr>"
            + "<th scope=\"col\">Gap</th><th scope=\"col\">Appeared</th><th scope=\"col\">Open</th><th scope=\"col\">"
            + HTML.escape(pair.reference) + "'s value from</th></tr></thead>\n<tbody>\n"
        for open in gaps {
            out +=
                "<tr><th scope=\"row\"><code>" + HTML.escape(open.gap.path.description) + "</code><br>"
                + HTML.escape(GapSummary.text(open.gap, pair: pair))
                + (open.gap.referenceLocation.map { "<br>" + links.html($0) } ?? "") + "</th><td>"
                + commit(open.appeared) + "</td><td>"
                + "\(open.daysOpen) day\(open.daysOpen == 1 ? "" : "s")</td><td>"
                + (open.referenceCommit.map(commit)
                    ?? "<span class=\"muted\">no value in \(HTML.escape(pair.reference))</span>") + "</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    private func scoreTable(_ report: HistoryReport) -> String {
        var out =
            "<table><caption>Each commit judged, with each pair's score (failing gaps in brackets)</caption>\n<thead><tr>"
            + "<th scope=\"col\">Commit</th>"
            + report.pairs.map { "<th scope=\"col\">" + HTML.escape($0.name) + "</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        for point in report.points {
            out += "<tr><th scope=\"row\">" + commit(point.commit) + "</th>"
            if point.isValid {
                for pair in report.pairs {
                    guard let score = point.scores[pair] else {
                        out += "<td class=\"score\">–<small>no pair</small></td>"; continue
                    }
                    out +=
                        "<td class=\"score \(HTML.band(score))\">\(score.percentText)<small>(\(point.failing[pair] ?? 0))</small></td>"
                }
            } else {
                let errors = point.errors.prefix(3).map {
                    ($0.location.map { links.html($0) + ": " } ?? "") + HTML.escape($0.message)
                }
                let more = point.errors.count > 3 ? "<br>and \(point.errors.count - 3) more" : ""
                out +=
                    "<td colspan=\"\(max(1, report.pairs.count))\"><strong>invalid files</strong>: "
                    + errors.joined(separator: "<br>") + more + "</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    private func closed(_ report: HistoryReport) -> String {
        var out = "<section aria-labelledby=\"closed\">\n<h2 id=\"closed\">Closed gaps (\(report.closed.count))</h2>\n"
        guard !report.closed.isEmpty else { return out + "<p>No gap closed in this range.</p>\n</section>\n" }
        out +=
            "<table><caption>Gaps that failed for a while and then stopped</caption>\n<thead><tr><th scope=\"col\">Gap</th>"
            + "<th scope=\"col\">Appeared</th><th scope=\"col\">Closed</th></tr></thead>\n<tbody>\n"
        for gap in report.closed {
            out +=
                "<tr><th scope=\"row\">" + HTML.escape(gap.pair.name) + " <code>" + HTML.escape(gap.path.description)
                + "</code> "
                + gap.kind.rawValue + "</th><td>" + commit(gap.appeared) + "</td><td>" + commit(gap.closed)
                + "</td></tr>\n"
        }
        return out + "</tbody></table>\n</section>\n"
    }

    private func commit(_ commit: GitCommit) -> String {
        "<code>\(HTML.escape(commit.shortID))</code> " + HTML.escape(commit.day) + ", " + HTML.escape(commit.author)
            + ": " + HTML.escape(commit.subject)
    }
}
