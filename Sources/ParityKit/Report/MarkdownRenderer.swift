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
        var lines: [String] = []
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
            lines += self.pair(pair, items: items.filter { $0.pair == index })
        }
        lines += findings(report, items: items.filter(\.isFinding))
        lines += readiness(report, items: items.filter { $0.readiness != nil })
        if !report.diagnostics.isEmpty {
            let errors = report.diagnostics.filter { $0.severity == .error }.count
            lines += [
                "",
                "### Input problems (\(errors) error\(errors == 1 ? "" : "s"), \(report.diagnostics.count - errors) other)",
                "",
            ]
            lines += report.diagnostics.map { diagnostic in
                let place =
                    diagnostic.location.map { Self.code(ReportItem.relative($0, to: base).description) + ": " } ?? ""
                return
                    "- \(diagnostic.severity.rawValue): \(place)\(Self.text(diagnostic.message)) [\(Self.code(diagnostic.code.rawValue))]"
            }
        }
        return cut(lines)
    }

    private func pair(_ pair: PairReport, items: [ReportItem]) -> [String] {
        var lines = [
            "", "### \(Self.text("\(pair.reference) -> \(pair.mirror)")): parity \(pair.score.percentText)", "",
            "| Section | Score | Failing | Allowed |", "| --- | ---: | ---: | ---: |",
        ]
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
            lines += ["", "#### Failing gaps (\(items.count))", ""]
            for item in items {
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
                lines.append(line)
            }
        }
        let accepted = pair.gaps.filter { !$0.isFailing }
        if !accepted.isEmpty {
            lines += [
                "",
                "<details><summary>\(Self.count(accepted.count, "allowed, waived or baselined difference"))</summary>",
                "",
                "| Path | Status | Reason |", "| --- | --- | --- |",
            ]
            for gap in accepted {
                let (status, reason): (String, String) =
                    switch gap.status {
                    case .allowed(let variance): ("allowed (\(variance.rule.name))", variance.reason)
                    case .waived(let waiver):
                        ("waived until \(waiver.expires)", "\(waiver.reason) (owner: \(waiver.owner))")
                    case .baselined: ("baselined", "in the baseline")
                    case .failing: ("failing", "")
                    }
                lines.append(Self.row([Self.code(gap.path.description), status, reason]))
            }
            lines += ["", "</details>"]
        }
        return lines
    }

    /// Each migration phase the gate judges: its verdict, and the criteria that hold it back.
    private func readiness(_ report: CheckReport, items: [ReportItem]) -> [String] {
        guard !report.readiness.isEmpty else { return [] }
        var lines = ["", "### Migration readiness", ""]
        for (index, phase) in report.readiness.enumerated() {
            lines.append("- **\(phase.verdict.word)**: \(Self.text(phase.plan)), phase \(Self.text(phase.phase))")
            for item in items where item.readiness == index {
                lines.append("  - \(Self.code(item.ruleID)): \(Self.text(item.message))")
            }
        }
        return lines
    }

    private func findings(_ report: CheckReport, items: [ReportItem]) -> [String] {
        var lines = ["", "### Policy findings (\(items.count) active)", ""]
        if !items.isEmpty {
            lines += [
                "| Severity | Rule | Where | Item | Message | Location |", "| --- | --- | --- | --- | --- | --- |",
            ]
            for item in items {
                let severity =
                    item.isEvaluationError ? "error (evaluation)" : report.findings[item.index].severity.rawValue
                lines.append(
                    Self.row([
                        severity, Self.code(item.ruleID), item.subject, item.path.isEmpty ? "" : Self.code(item.path),
                        item.message, item.location.map { Self.code($0.description) } ?? "",
                    ]))
            }
        } else {
            lines.append("None.")
        }
        let inactive = report.findings.filter { !$0.isActive }
        if !inactive.isEmpty {
            lines += [
                "", "<details><summary>\(Self.count(inactive.count, "waived or baselined finding"))</summary>", "",
                "| Rule | Where | Item | Why |", "| --- | --- | --- | --- |",
            ]
            for finding in inactive {
                let why: String =
                    switch finding.status {
                    case .waived(let waiver): "waived until \(waiver.expires) by \(waiver.owner): \(waiver.reason)"
                    case .baselined: "in the baseline"
                    case .active: ""
                    }
                lines.append(
                    Self.row([Self.code(finding.ruleID), finding.environment, Self.code(finding.item.description), why])
                )
            }
            lines += ["", "</details>"]
        }
        return lines
    }

    /// The lines joined, cut before the line that would pass the limit; open `<details>`
    /// are closed, and a last line says what was left out.
    private func cut(_ lines: [String]) -> String {
        let whole = lines.joined(separator: "\n") + "\n"
        // No more characters than UTF-8 bytes: most reports are told apart without counting characters.
        guard whole.utf8.count >= limit, whole.count >= limit else { return whole }
        // Room for the closing tags and the line about the cut.
        let budget = limit - 400
        var out = ""
        var length = 0
        var open = 0
        var kept = 0
        for line in lines {
            let count = line.count + 1
            guard length + count <= budget else { break }
            out += line + "\n"
            length += count
            kept += 1
            if line.hasPrefix("<details>") { open += 1 }
            if line == "</details>" { open -= 1 }
        }
        for _ in 0..<max(open, 0) { out += "\n</details>\n" }
        let left = lines.count - kept
        let characters = whole.count - length
        out +=
            "\n*Cut here: \(left) more line\(left == 1 ? "" : "s") (about \(characters) characters) left out to stay under \(limit) characters; "
            + "run `parity check` or see the SARIF or JSON report for everything.*\n"
        return out
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
