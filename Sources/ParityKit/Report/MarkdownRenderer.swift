/// `parity check --format markdown`: a pull-request comment or a job summary. The verdict
/// first; a table per pair (section, score, failing, allowed); the failing gaps with both
/// locations; the policy findings as a table; allowed and waived items folded in `<details>`.
/// Always under `limit` characters: a longer report is cut at a line, with a line saying how
/// much was left out and how to see it.
public struct MarkdownRenderer: Sendable {
    /// GitHub takes comments of up to 65,536 characters; this leaves room for a heading.
    public static let limit = 60_000

    public var base: String
    public var limit: Int

    public init(base: String, limit: Int = MarkdownRenderer.limit) {
        self.base = base
        self.limit = limit
    }

    public func render(_ report: CheckReport) -> String {
        let items = ReportItem.items(of: report, base: base)
        var lines = Lines(limit: limit)
        // The terminal's verdict points up at stderr; here the errors are listed below.
        let verdict = CheckTextRenderer(style: TextStyle(enabled: false)).verdict(report)
            .replacingOccurrences(of: " (above)", with: " (listed below)")
        let word = report.verdict.word
        lines.append("## Parity check: \(word)")
        lines.append("")
        lines.append("**\(word)**" + Self.text(String(verdict.dropFirst(word.count))))
        lines.append("")
        lines.append(
            "\(Self.count(report.environments.count, "environment")), \(Self.count(report.pairs.count, "pair")), "
                + Self.count(report.rules.count, "policy rule"))
        for (index, pair) in report.pairs.enumerated() {
            self.pair(pair, items: items.filter { $0.pair == index }, into: &lines)
        }
        findings(report, items: items.filter(\.isFinding), into: &lines)
        readiness(report, items: items.filter { $0.readiness != nil }, into: &lines)
        if !report.diagnostics.isEmpty {
            let errors = report.diagnostics.filter { $0.severity == .error }.count
            lines.append("")
            lines.append(
                "### Input problems (\(errors) error\(errors == 1 ? "" : "s"), \(report.diagnostics.count - errors) other)")
            lines.append("")
            for diagnostic in report.diagnostics {
                lines.append(
                    "- \(diagnostic.severity.rawValue): "
                        + (diagnostic.location.map { Self.code(ReportItem.relative($0, to: base).description) + ": " } ?? "")
                        + "\(Self.text(diagnostic.message)) [\(Self.code(diagnostic.code.rawValue))]")
            }
        }
        return lines.text
    }

    private func pair(_ pair: PairReport, items: [ReportItem], into lines: inout Lines) {
        for line in [
            "", "### \(Self.text("\(pair.reference) -> \(pair.mirror)")): parity \(pair.score.percentText)", "",
            "| Section | Score | Failing | Allowed |", "| --- | ---: | ---: | ---: |",
        ] { lines.append(line) }
        // Allowed gaps counted per section in one pass, not by filtering every gap per section.
        var allowedIn: [String: Int] = [:]
        for gap in pair.gaps {
            if case .allowed = gap.status { allowedIn[gap.section, default: 0] += 1 }
        }
        for section in pair.sections {
            let allowed = allowedIn[section.section] ?? 0
            lines.append(Self.row([section.section, section.score.percentText, "\(section.failing)", "\(allowed)"]))
        }
        if !items.isEmpty {
            for line in ["", "#### Failing gaps (\(items.count))", ""] { lines.append(line) }
            for item in items { lines.append(failingLine(item, pair)) }
        }
        let accepted = pair.gaps.count { !$0.isFailing }
        guard accepted > 0 else { return }
        for line in [
            "", "<details><summary>\(Self.count(accepted, "allowed, waived or baselined difference"))</summary>", "",
            "| Path | Status | Reason |", "| --- | --- | --- |",
        ] { lines.append(line) }
        for gap in pair.gaps where !gap.isFailing { lines.append(acceptedRow(gap)) }
        lines.append("")
        lines.append("</details>")
    }

    /// A failing gap, with both its places.
    private func failingLine(_ item: ReportItem, _ pair: PairReport) -> String {
        var line = "- " + Self.text(item.message)
        if let explanation = item.explanation { line += "; " + Self.text(explanation) }
        var places: [String] = []
        if let location = item.location {
            places.append("\(Self.text(pair.mirror)): \(Self.code(location.description))")
        }
        if let related = item.related {
            places.append("\(Self.text(pair.reference)): \(Self.code(related.location.description))")
        }
        if !places.isEmpty { line += "<br>" + places.joined(separator: " · ") }
        return line
    }

    /// An allowed, waived or baselined gap as a table row.
    private func acceptedRow(_ gap: Gap) -> String {
        let (status, reason): (String, String) =
            switch gap.status {
            case .allowed(let variance): ("allowed (\(variance.rule.name))", variance.reason)
            case .waived(let waiver): ("waived until \(waiver.expires)", "\(waiver.reason) (owner: \(waiver.owner))")
            case .baselined: ("baselined", "in the baseline")
            case .failing: ("failing", "")
            }
        return Self.row([Self.code(gap.path.description), status, reason])
    }

    /// Each migration phase the gate judges: its verdict, and the criteria that hold it back.
    private func readiness(_ report: CheckReport, items: [ReportItem], into lines: inout Lines) {
        guard !report.readiness.isEmpty else { return }
        for line in ["", "### Migration readiness", ""] { lines.append(line) }
        for (index, phase) in report.readiness.enumerated() {
            lines.append("- **\(phase.verdict.word)**: \(Self.text(phase.plan)), phase \(Self.text(phase.phase))")
            for item in items where item.readiness == index {
                lines.append("  - \(Self.code(item.ruleID)): \(Self.text(item.message))")
            }
        }
    }

    private func findings(_ report: CheckReport, items: [ReportItem], into lines: inout Lines) {
        for line in ["", "### Policy findings (\(items.count) active)", ""] { lines.append(line) }
        if !items.isEmpty {
            lines.append("| Severity | Rule | Where | Item | Message | Location |")
            lines.append("| --- | --- | --- | --- | --- | --- |")
            for item in items {
                lines.append(
                    Self.row([
                        item.isEvaluationError ? "error (evaluation)" : report.findings[item.index].severity.rawValue,
                        Self.code(item.ruleID), item.subject, item.path.isEmpty ? "" : Self.code(item.path),
                        item.message, item.location.map { Self.code($0.description) } ?? "",
                    ]))
            }
        } else {
            lines.append("None.")
        }
        let inactive = report.findings.count { !$0.isActive }
        guard inactive > 0 else { return }
        for line in [
            "", "<details><summary>\(Self.count(inactive, "waived or baselined finding"))</summary>", "",
            "| Rule | Where | Item | Why |", "| --- | --- | --- | --- |",
        ] { lines.append(line) }
        for finding in report.findings where !finding.isActive {
            lines.append(inactiveRow(finding))
        }
        lines.append("")
        lines.append("</details>")
    }

    /// A waived or baselined finding as a table row.
    private func inactiveRow(_ finding: Finding) -> String {
        let why: String =
            switch finding.status {
            case .waived(let waiver): "waived until \(waiver.expires) by \(waiver.owner): \(waiver.reason)"
            case .baselined: "in the baseline"
            case .active: ""
            }
        return Self.row([Self.code(finding.ruleID), finding.environment, Self.code(finding.item.description), why])
    }

    /// The report's lines, kept while they fit under the limit. Past it, lines are only
    /// counted, never built: a drifted repository has a hundred thousand allowed gaps for a
    /// report that shows a few hundred lines.
    struct Lines {
        let limit: Int
        /// Room left for the closing tags and the line about the cut.
        var budget: Int { limit - 400 }
        private var lines: [String] = []
        /// Characters of `lines`, a line break after each.
        private var length = 0
        /// How many of `lines` fit in `budget`: what a cut report keeps.
        private var fitting = 0
        /// Whether `lines` passed the limit; past it, lines are counted in `unbuilt`.
        private var full = false
        private var unbuilt = 0

        init(limit: Int) {
            self.limit = limit
        }

        mutating func append(_ line: @autoclosure () -> String) {
            guard !full else { return unbuilt += 1 }
            let text = line()
            let count = text.count + 1
            if fitting == lines.count, length + count <= budget { fitting += 1 }
            lines.append(text)
            length += count
            full = length >= limit
        }

        /// The lines; cut before the line that would pass the budget when they pass the limit,
        /// open `<details>` closed and a last line saying what was left out.
        var text: String {
            guard full else { return lines.joined(separator: "\n") + "\n" }
            let kept = lines[..<fitting]
            var out = kept.joined(separator: "\n") + "\n"
            let open = kept.count { $0.hasPrefix("<details>") } - kept.count { $0 == "</details>" }
            for _ in 0..<max(open, 0) { out += "\n</details>\n" }
            let left = lines.count - fitting + unbuilt
            out +=
                "\n*Cut here: \(left) more line\(left == 1 ? "" : "s") left out to stay under \(limit) characters; "
                + "run `parity check` or see the SARIF or JSON report for everything.*\n"
            return out
        }
    }

    /// Free text: HTML-significant characters as entities, one line.
    static func text(_ value: String) -> String {
        value.oneLine.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// A table row of `cells`.
    static func row(_ cells: [String]) -> String {
        "| " + cells.map(cell).joined(separator: " | ") + " |"
    }

    /// `3 pairs`, `1 pair`.
    static func count(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    /// Text in a table cell: a `|` would end the cell.
    static func cell(_ value: String) -> String {
        let text = value.hasPrefix("`") ? value : Self.text(value)
        return text.replacingOccurrences(of: "|", with: "\\|")
    }

    /// A code span that holds any text: fenced by more backticks than it contains in a row.
    static func code(_ value: String) -> String {
        let value = value.oneLine
        var longest = 0
        var run = 0
        for character in value {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = value.hasPrefix("`") || value.hasSuffix("`") ? " " : ""
        return fence + pad + value + pad + fence
    }
}
