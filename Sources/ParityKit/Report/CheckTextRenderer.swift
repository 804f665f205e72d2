/// `parity check` for people: each pair's diff, the policy findings by environment, and a
/// verdict line a newcomer can read at a glance.
public struct CheckTextRenderer: Sendable {
    public typealias Options = DiffTextRenderer.Options

    public var style: TextStyle
    public var options: Options

    public init(style: TextStyle, options: Options = Options()) {
        self.style = style
        self.options = options
    }

    public func render(_ result: CheckReport) -> String {
        // Nothing was read (a spec, pair or rule asked for that is not there): only the verdict.
        if options.quiet || result.verdict == .invalid && result.environments.isEmpty { return verdict(result) + "\n" }
        // One buffer of bytes for the whole report: a drifted repository's is tens of megabytes.
        // Reserved generously: pages not written are never touched, and growing a buffer of
        // tens of megabytes holds it twice while it is copied.
        let lines = result.pairs.reduce(result.findings.count) { $0 + $1.gaps.count }
        var out = TextBytes(capacity: 256 * lines + (1 << 16))
        out.append(
            style.bold("parity check")
                + ": \(result.environments.count) environment\(plural(result.environments.count)), "
                + "\(result.pairs.count) pair\(plural(result.pairs.count)), \(result.ruleCount) polic\(result.ruleCount == 1 ? "y rule" : "y rules")\n")
        // Each pair, and the findings, written on every core, then one after another.
        let diff = DiffTextRenderer(style: style, options: options)
        let pieces = Parallel.map(result.pairs.count + 1) { piece -> TextBytes in
            guard piece == result.pairs.count else {
                var text = TextBytes(capacity: 256 * result.pairs[piece].gaps.count + (1 << 12))
                text.append(byte: UInt8(ascii: "\n"))
                diff.render(result.pairs[piece], into: &text)
                return text
            }
            var text = TextBytes(capacity: 256 * result.findings.count + (1 << 12))
            findings(
                result.findings.filter { !options.onlyFailing || $0.isActive }, unchecked: result.unchecked,
                ruleCount: result.ruleCount,
                // Each rule's fix folded to one line once, not once per finding.
                fixes: Dictionary(
                    result.rules.compactMap { rule in rule.fix.flatMap(Self.firstLine).map { (rule.id, $0) } }
                ) { first, _ in first }, into: &text)
            return text
        }
        for piece in pieces { out.append(piece) }
        out.append(readiness(result.readiness))
        out.append("\n" + verdict(result) + "\n")
        return out.text
    }

    /// The findings; `fixes` holds each rule's fix in one line.
    private func findings(
        _ findings: [Finding], unchecked: [String], ruleCount: Int, fixes: [String: String], into out: inout TextBytes
    ) {
        let notRun =
            unchecked.isEmpty || ruleCount == 0
            ? "" : style.dim("  (not run on \(unchecked.joined(separator: ", ")): invalid)")
        guard !findings.isEmpty else {
            return out.append(
                "\n" + style.bold("policy findings") + (notRun.isEmpty ? "  none" : "  none where they ran") + notRun + "\n")
        }
        let active = findings.filter(\.isActive)
        out.append(
            "\n" + style.bold("policy findings") + "  "
            + style.dim("\(active.count) active, \(findings.count - active.count) waived or baselined") + notRun + "\n")
        let environments = findings.map(\.environment).reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        for environment in environments {
            out.append("\n  " + style.bold(environment) + "\n")
            // Each finding's sort key built once, not once per comparison.
            let mine = findings.filter { $0.environment == environment }
                .map { (finding: $0, key: ($0.isActive ? 0 : 1, -rank($0.severity), $0.ruleID, $0.item.description)) }
                .sorted { $0.key < $1.key }
            for (finding, _) in mine {
                let item = finding.item.components.isEmpty ? "" : "  \(finding.item)"
                if finding.isActive {
                    let mark =
                        finding.severity == .error
                        ? style.red("x") : finding.severity == .warning ? style.yellow("!") : "i"
                    out.append(
                        "    \(mark) \(finding.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(style.bold(finding.ruleID))\(item)\n")
                    out.append("        \(finding.location.map { "\($0): " } ?? "")\(finding.message)\n")
                    if let fix = fixes[finding.ruleID] {
                        out.append("        " + style.dim("fix: ") + fix + "\n")
                    }
                    if let waiver = finding.expiredWaiver {
                        out.append("        " + style.yellow(waiver.expiredText) + "\n")
                    }
                } else {
                    let why: String
                    switch finding.status {
                    case .waived(let waiver):
                        why =
                            "waived until \(waiver.expires) by \(waiver.owner)\(waiver.ticket.map { " (\($0))" } ?? ""): \(waiver.reason)"
                    case .baselined: why = "in the baseline"
                    case .active: why = ""
                    }
                    out.append(style.dim("    ~ \(finding.ruleID)\(item)\n        \(why)\n"))
                }
            }
        }
    }

    /// A rule's fix in one line: its first sentence or line, whitespace folded.
    static func firstLine(_ text: String) -> String? {
        let folded = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !folded.isEmpty else { return nil }
        guard folded.count > 160, let end = folded.range(of: ". ") else { return folded }
        return String(folded[..<end.lowerBound]) + "."
    }

    /// Each migration phase the gate judges: its verdict, and the criteria holding it back.
    private func readiness(_ reports: [ReadinessReport]) -> String {
        guard !reports.isEmpty else { return "" }
        var out = "\n" + style.bold("migration readiness") + "\n"
        for report in reports {
            let word =
                report.verdict == .go
                ? style.green(report.verdict.word)
                : report.verdict == .pause
                    ? style.yellow(report.verdict.word) : style.red(report.verdict.word)
            out += "\n  \(word)  \(style.bold(report.plan)), phase \(report.phase) (\(report.file))\n"
            for criterion in report.criteria where criterion.effect != .none {
                let mark = criterion.effect == .noGo ? style.red("x") : style.yellow("!")
                let place = criterion.location.map { "\($0): " } ?? ""
                out += "    \(mark) \(place)\(criterion.reason)\n"
                if criterion.effect == .noGo, let rollback = criterion.rollback {
                    out += "        roll back with \(rollback.name)\n"
                }
            }
        }
        return out
    }

    private func rank(_ severity: Finding.Severity) -> Int {
        Finding.Severity.allCases.firstIndex(of: severity) ?? 0
    }

    func verdict(_ result: CheckReport) -> String {
        let scores = result.pairs.map { "\($0.reference) -> \($0.mirror) \($0.score.percentText)" }.joined(
            separator: ", ")
        let scoreText = scores.isEmpty ? "" : " (parity: \(scores))"
        switch result.verdict {
        case .invalid:
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            return style.red(style.bold(Verdict.invalid.word))
                + ": \(errors) input error\(plural(errors)) (above); fix them and run again"
        case .go:
            return style.green(style.bold(Verdict.go.word))
                + ": no gaps or findings at or above fail-on \(result.failOn.rawValue)\(scoreText)"
                + specWarnings(result)
        case .noGo:
            return style.red(style.bold(Verdict.noGo.word)) + ": "
                + result.gate.reasons.map(\.text).joined(separator: "; ") + scoreText
                + specWarnings(result) + nextStep(result)
        }
    }

    /// What to do about failing gaps and findings; a gate failed for other reasons (a
    /// migration phase, the score) says its own.
    private func nextStep(_ result: CheckReport) -> String {
        let fixable = result.gate.reasons.contains { reason in
            switch reason {
            case .failingGaps, .policyErrors: true
            default: false
            }
        }
        return fixable
            ? "; fix each, allow a gap with a reason in parity.yaml, or waive it with an owner and an expiry" : ""
    }

    /// The spec's own warnings (waivers expired, stale or running out), counted where the
    /// verdict is read rather than only printed before the report.
    private func specWarnings(_ result: CheckReport) -> String {
        let count = result.diagnostics.filter { $0.severity == .warning && $0.code.rawValue.hasPrefix("spec.") }.count
        return count == 0 ? "" : "; \(count) spec warning\(plural(count)) (above)"
    }

    private func plural(_ count: Int) -> String { count == 1 ? "" : "s" }
}
