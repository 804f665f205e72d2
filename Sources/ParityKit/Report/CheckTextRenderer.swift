/// `parity check` for people: each pair's diff, the policy findings by environment, and a
/// verdict line a newcomer can read at a glance.
public struct CheckTextRenderer: Sendable {
    public var style: TextStyle

    public init(style: TextStyle) {
        self.style = style
    }

    public func render(_ result: CheckReport) -> String {
        var out = style.bold("parity check") + ": \(result.environments.count) environment\(plural(result.environments.count)), "
            + "\(result.pairs.count) pair\(plural(result.pairs.count)), \(result.ruleCount) polic\(result.ruleCount == 1 ? "y rule" : "y rules")\n"
        let diff = DiffTextRenderer(style: style)
        for report in result.pairs {
            out += "\n" + diff.render(report)
        }
        out += findings(result.findings)
        out += "\n" + verdict(result) + "\n"
        return out
    }

    private func findings(_ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "\n" + style.bold("policy findings") + "  none\n" }
        let active = findings.filter(\.isActive)
        var out = "\n" + style.bold("policy findings") + "  " + style.dim("\(active.count) active, \(findings.count - active.count) waived or baselined") + "\n"
        let environments = findings.map(\.environment).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for environment in environments {
            out += "\n  " + style.bold(environment) + "\n"
            // Each finding's sort key built once, not once per comparison.
            let mine = findings.filter { $0.environment == environment }
                .map { (finding: $0, key: ($0.isActive ? 0 : 1, -rank($0.severity), $0.ruleID, $0.item.description)) }
                .sorted { $0.key < $1.key }
            for (finding, _) in mine {
                let item = finding.item.components.isEmpty ? "" : "  \(finding.item)"
                if finding.isActive {
                    let mark = finding.severity == .error ? style.red("x") : finding.severity == .warning ? style.yellow("!") : "i"
                    out += "    \(mark) \(finding.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(style.bold(finding.ruleID))\(item)\n"
                    out += "        \(finding.location.map { "\($0): " } ?? "")\(finding.message)\n"
                    if let waiver = finding.expiredWaiver { out += "        " + style.yellow(waiver.expiredText) + "\n" }
                } else {
                    let why: String
                    switch finding.status {
                    case .waived(let waiver): why = "waived until \(waiver.expires) by \(waiver.owner)\(waiver.ticket.map { " (\($0))" } ?? ""): \(waiver.reason)"
                    case .baselined: why = "in the baseline"
                    case .active: why = ""
                    }
                    out += style.dim("    ~ \(finding.ruleID)\(item)\n        \(why)\n")
                }
            }
        }
        return out
    }

    private func rank(_ severity: Finding.Severity) -> Int {
        Finding.Severity.allCases.firstIndex(of: severity) ?? 0
    }

    func verdict(_ result: CheckReport) -> String {
        let scores = result.pairs.map { "\($0.reference) -> \($0.mirror) \($0.score.percentText)" }.joined(separator: ", ")
        let scoreText = scores.isEmpty ? "" : " (parity: \(scores))"
        switch result.verdict {
        case .invalid:
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            return style.red(style.bold(Verdict.invalid.word)) + ": \(errors) input error\(plural(errors)) (above); fix them and run again"
        case .go:
            return style.green(style.bold(Verdict.go.word)) + ": no gaps or findings at or above fail-on \(result.failOn.rawValue)\(scoreText)"
        case .noGo:
            return style.red(style.bold(Verdict.noGo.word)) + ": " + result.gate.reasons.map(\.text).joined(separator: "; ") + scoreText
        }
    }

    private func plural(_ count: Int) -> String { count == 1 ? "" : "s" }
}
