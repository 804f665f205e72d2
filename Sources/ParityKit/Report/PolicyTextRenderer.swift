/// `parity policy test`, `list` and `explain` for people.
public struct PolicyTextRenderer: Sendable {
    public init() {}

    /// Each failed expectation with both sides, then the counts and the untested rules.
    public func render(_ report: PolicyTestRun.Report) -> String {
        var out = ""
        for outcome in report.outcomes where !outcome.passed {
            let place = outcome.location.map { "\($0): " } ?? ""
            out += "\(place)FAIL \(outcome.testCase): \(outcome.ruleID)\n"
            out += "    expected: \(outcome.expected)\n    got:      \(outcome.got)\n"
        }
        out += "\(report.passed) passed, \(report.failed) failed\n"
        if !report.untested.isEmpty {
            out += "rules without tests: \(report.untested.joined(separator: ", "))\n"
        }
        return out
    }

    /// One line per rule: id, severity, title and where it comes from, in columns.
    public func render(_ catalog: PolicyCatalog) -> String {
        let rules = catalog.listed
        let width = rules.map(\.rule.id.count).max() ?? 0
        let titles = rules.map(\.rule.title.count).max() ?? 0
        return rules.map { listed in
            let id = listed.rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let severity = listed.rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            let title = listed.rule.title.padding(toLength: titles, withPad: " ", startingAt: 0)
            let source = listed.disabledReason.map { "disabled in parity.yaml: \($0)" } ?? listed.source
            return "\(id)  \(severity)  \(title)  \(source)\n"
        }.joined()
    }

    /// A rule's title, severity, scope, source, expressions, rationale and fix.
    public func render(_ listed: PolicyCatalog.Listed) -> String {
        let rule = listed.rule
        var text = "\(rule.id): \(rule.title)\n\n"
        text += "  severity:  \(rule.severity.rawValue)\n"
        let tiers = rule.tiers.map { " in \($0.sorted().joined(separator: ", ")) environments" } ?? ""
        text += "  applies:   \(rule.targetDescription)\(tiers)\n"
        text += "  source:    \(listed.source)\n"
        if listed.origin == .builtIn, let location = rule.location { text += "  defined:   \(location)\n" }
        if let reason = listed.disabledReason { text += "  disabled:  \(reason)\n" }
        if let when = rule.when { text += "  when:      \(when.source)\n" }
        text += "  asserts:   \(rule.assert.source)\n"
        if let rationale = rule.rationale { text += "\nWhy:\n  \(rationale)\n" }
        if let fix = rule.fix { text += "\nFix:\n  \(fix)\n" }
        return text
    }
}

extension PolicyRule {
    /// What the rule applies to, in words.
    public var targetDescription: String {
        switch target {
        case .environment: "each environment"
        case .pair: "each pair of reference and mirror"
        case .items(let path): "each of \(path)"
        }
    }
}
