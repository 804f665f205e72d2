/// `parity ready --format markdown`: a pull-request comment, the verdict first, then a table
/// of the criteria and each one's evidence in a collapsed section.
public struct ReadyMarkdownRenderer: Sendable {
    public init() {}

    public func render(_ report: ReadinessReport) -> String {
        let icon = ["go": "✅", "no-go": "❌", "pause": "⏸️", "invalid": "⚠️"][report.verdict.rawValue] ?? ""
        var out = "## \(icon) \(report.verdict.word): \(cell(report.plan)), phase \(cell(report.phase))\n\n"
        out += "\(report.rehearsal) against \(report.baseline) at \(report.timeText).\n\n"
        if report.verdict == .pause {
            out += "The phase holds (exit status 1): nothing calls for a rollback, but it cannot go on yet.\n\n"
        }
        if !report.rollbacks.isEmpty {
            out += "**Roll back with:**\n\n" + report.rollbacks.map { "- \(cell($0.line))\n" }.joined() + "\n"
        }
        out += "| | Criterion | Role | Result |\n|---|---|---|---|\n"
        for result in report.criteria {
            let mark = ["none": "✅", "pause": "⏸️", "no-go": "❌"][result.effect.rawValue] ?? ""
            let summary = result.status == .passed ? "holds" : result.reason
            out += "| \(mark) | `\(cell(result.title))` | \(result.role.rawValue) | \(cell(summary)) |\n"
        }
        for result in report.criteria {
            out += "\n<details><summary>\(html(result.title)): \(result.mark)</summary>\n\n"
            for (label, text) in result.evidence { out += "- **\(label)**: \(cell(text))\n" }
            out += "\n</details>\n"
        }
        return out
    }

    /// Text safe inside a table cell.
    private func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    private func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
