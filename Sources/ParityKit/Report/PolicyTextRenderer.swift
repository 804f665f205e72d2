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

    /// One line per rule: id, severity and title, in columns.
    public func render(_ catalog: PolicyCatalog) -> String {
        let rules = catalog.rules.map(\.rule)
        let width = rules.map(\.id.count).max() ?? 0
        return rules.map { rule in
            let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let severity = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            return "\(id)  \(severity)  \(rule.title)\n"
        }.joined()
    }

    /// A rule's title, severity, scope, expressions, rationale and fix.
    public func render(_ rule: PolicyRule) -> String {
        var text = "\(rule.id): \(rule.title)\n\n"
        text += "  severity:  \(rule.severity.rawValue)\n"
        let tiers = rule.tiers.map { " in \($0.sorted().joined(separator: ", ")) environments" } ?? ""
        text += "  applies:   \(rule.targetDescription)\(tiers)\n"
        if let location = rule.location { text += "  defined:   \(location)\n" }
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
