/// An inline SVG line chart of each pair's parity score, commit by commit: a commit whose
/// files were invalid breaks the line and is marked on the axis; every point has a title,
/// and the table beside it carries the same numbers for those who cannot see the chart.
struct ScoreChart {
    var width = 720.0
    var height = 260.0
    private let left = 52.0, right = 16.0, top = 16.0, bottom = 40.0

    /// Line styles told apart without colour: each pair its own dash pattern and marker.
    private static let strokes = ["#0b4fb3", "#7a0f0f", "#0d4a1f", "#5a4100", "#4b2a7a"]
    private static let dashes = ["", "6 3", "2 3", "8 3 2 3", "1 2"]

    func render(_ report: HistoryReport) -> String {
        let points = report.points
        let lowest = points.flatMap { $0.scores.values }.min() ?? 1
        // The axis starts at a round ten below the lowest score, so small drifts show.
        let floor = max(0, (lowest * 10).rounded(.down) / 10 - (lowest == 1 ? 0.1 : 0))
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ index: Int) -> Double {
            points.count < 2 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(points.count - 1)
        }
        func y(_ score: Double) -> Double { top + plotHeight * (1 - (score - floor) / max(0.0001, 1 - floor)) }

        var out =
            "<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\" viewBox=\"0 0 \(number(width)) \(number(height))\" "
            + "width=\"\(number(width))\" height=\"\(number(height))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        out +=
            "<title id=\"chart-title\">Parity score by commit</title>\n<desc id=\"chart-desc\">"
            + HTML.escape(description(report)) + "</desc>\n"
        for step in 0...4 {
            let score = floor + (1 - floor) * Double(step) / 4
            out +=
                "<line x1=\"\(number(left))\" x2=\"\(number(width - right))\" y1=\"\(number(y(score)))\" y2=\"\(number(y(score)))\" stroke=\"#c8ced6\"/>"
            out +=
                "<text x=\"\(number(left - 6))\" y=\"\(number(y(score) + 4))\" text-anchor=\"end\">\(score.percentText)</text>\n"
        }
        for (index, point) in points.enumerated() where !point.isValid {
            out +=
                "<line x1=\"\(number(x(index)))\" x2=\"\(number(x(index)))\" y1=\"\(number(top))\" y2=\"\(number(height - bottom))\" "
                + "stroke=\"#7a0f0f\" stroke-dasharray=\"3 3\"><title>"
                + HTML.escape("\(point.commit.shortID): invalid files") + "</title></line>"
            out +=
                "<text x=\"\(number(x(index)))\" y=\"\(number(height - bottom + 28))\" text-anchor=\"middle\">✕</text>\n"
        }
        for (pairIndex, pair) in report.pairs.enumerated() {
            let stroke = Self.strokes[pairIndex % Self.strokes.count], dash = Self.dashes[pairIndex % Self.dashes.count]
            // One polyline per run of commits that have a score; an invalid commit breaks it.
            var runs: [[(Int, Double)]] = [[]]
            for (index, point) in points.enumerated() {
                if let score = point.scores[pair] {
                    runs[runs.count - 1].append((index, score))
                } else if !(runs.last?.isEmpty ?? true) {
                    runs.append([])
                }
            }
            for run in runs where !run.isEmpty {
                let coordinates = run.map { "\(number(x($0.0))),\(number(y($0.1)))" }.joined(separator: " ")
                out +=
                    "<polyline fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"2\""
                    + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")
                    + " points=\"\(coordinates)\"/>\n"
            }
            // Many commits make a line of dots: smaller dots keep the line readable.
            let radius = points.count > 60 ? "1.5" : "3"
            for (index, point) in points.enumerated() {
                guard let score = point.scores[pair] else { continue }
                out +=
                    "<circle cx=\"\(number(x(index)))\" cy=\"\(number(y(score)))\" r=\"\(radius)\" fill=\"\(stroke)\"><title>"
                    + HTML.escape("\(pair.name) at \(point.commit.shortID) (\(point.commit.day)): \(score.percentText)")
                    + "</title></circle>\n"
            }
        }
        out +=
            "<text x=\"\(number(left))\" y=\"\(number(height - bottom + 16))\">"
            + HTML.escape(points.first?.commit.day ?? "") + "</text>"
        out +=
            "<text x=\"\(number(width - right))\" y=\"\(number(height - bottom + 16))\" text-anchor=\"end\">"
            + HTML.escape(points.last?.commit.day ?? "") + "</text>\n"
        return out + "</svg>\n" + legend(report)
    }

    private func legend(_ report: HistoryReport) -> String {
        var out = "<ul class=\"legend\">\n"
        for (index, pair) in report.pairs.enumerated() {
            let stroke = Self.strokes[index % Self.strokes.count], dash = Self.dashes[index % Self.dashes.count]
            out +=
                "<li><svg width=\"32\" height=\"10\" aria-hidden=\"true\"><line x1=\"0\" x2=\"32\" y1=\"5\" y2=\"5\" stroke=\"\(stroke)\" stroke-width=\"2\""
                + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/></svg> " + HTML.escape(pair.name)
                + "</li>\n"
        }
        if report.points.contains(where: { !$0.isValid }) {
            out += "<li>✕ and a dashed upright line: a commit whose files are invalid</li>\n"
        }
        return out + "</ul>\n"
    }

    private func description(_ report: HistoryReport) -> String {
        report.pairs.map { pair in
            let scores = report.points.compactMap { $0.scores[pair] }
            return
                "\(pair.name): from \(scores.first?.percentText ?? "-") to \(scores.last?.percentText ?? "-") over \(report.points.count) commits"
        }.joined(separator: "; ")
    }

    private func number(_ value: Double) -> String { HTML.coordinate(value) }
}
