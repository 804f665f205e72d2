/// `parity ready` for people: each criterion with its evidence, then a verdict line that
/// says what to do (roll back with which procedure, or hold).
public struct ReadyTextRenderer: Sendable {
    public var style: TextStyle

    public init(style: TextStyle) {
        self.style = style
    }

    public func render(_ report: ReadinessReport) -> String {
        var out =
            style.bold("parity ready")
            + ": plan \(report.plan), phase \(report.phase): \(report.rehearsal) against \(report.baseline) at \(report.timeText)\n"
        for role in Criterion.Role.allCases {
            let mine = report.criteria.filter { $0.role == role }
            guard !mine.isEmpty else { continue }
            out += "\n" + style.bold("\(role.rawValue) criteria") + "\n"
            for result in mine {
                out +=
                    "\n  \(colour(result)(result.mark.padding(toLength: 8, withPad: " ", startingAt: 0))) \(style.bold(result.title))\n"
                let width = (result.evidence.map(\.label.count).max() ?? 0) + 2
                for (label, text) in result.evidence {
                    out +=
                        "           \(style.dim(label.padding(toLength: width, withPad: " ", startingAt: 0)))\(text)\n"
                }
            }
        }
        return out + "\n" + verdict(report) + "\n"
    }

    private func colour(_ result: CriterionResult) -> (String) -> String {
        switch result.effect {
        case .none: style.green
        case .pause: style.yellow
        case .noGo: style.red
        }
    }

    private func verdict(_ report: ReadinessReport) -> String {
        let counts = "\(report.criteria.filter { $0.effect == .none }.count) of \(report.criteria.count) criteria hold"
        switch report.verdict {
        case .go:
            return style.green(style.bold("GO")) + ": phase \(report.phase) may proceed; \(counts)"
        case .noGo:
            var out = style.red(style.bold("NO-GO")) + ": phase \(report.phase) failed; \(counts)\n"
            for reason in report.reasons { out += "  - \(reason)\n" }
            out +=
                report.rollbacks.isEmpty
                ? "  no rollback named"
                : "  roll back with:\n" + report.rollbacks.map { "    \($0.line)" }.joined(separator: "\n")
            return out
        case .pause:
            var out =
                style.yellow(style.bold("PAUSE"))
                + ": hold phase \(report.phase) (exit status 1): nothing failed that calls for a rollback, but it cannot go on yet; \(counts)\n"
            for reason in report.reasons { out += "  - \(reason)\n" }
            return String(out.dropLast())
        case .invalid:
            let errors = report.diagnostics.filter { $0.severity == .error }.count
            return style.red(style.bold("INVALID"))
                + ": \(errors) input error\(errors == 1 ? "" : "s") (above); nothing was judged on them"
        }
    }
}
