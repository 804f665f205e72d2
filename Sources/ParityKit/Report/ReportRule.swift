/// A rule as reports describe it: a policy rule, or the gap rule of a section.
public struct ReportRule: Sendable {
    public var id: String
    public var title: String
    public var rationale: String?
    public var fix: String?
    public var level: ReportItem.Level
    public var isSecurity: Bool

    /// GitHub's `security-severity`, a score out of 10 written as a string ("8.0").
    public var securitySeverity: String {
        switch level {
        case .error: "8.0"
        case .warning: "5.0"
        case .note: "2.0"
        }
    }

    /// The rules behind `items`, each once, in the order they first appear.
    public static func rules(for items: [ReportItem], in report: CheckReport) -> [ReportRule] {
        let written = Dictionary(report.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        var rules: [ReportRule] = []
        for item in items where seen.insert(item.ruleID).inserted {
            if item.readiness != nil, let criterion = ReadinessRule.criterion(of: item.ruleID) {
                rules.append(
                    ReportRule(
                        id: item.ruleID, title: "Migration criterion \(criterion) holds",
                        rationale: ReadinessRule.rationale,
                        fix: ReadinessRule.fix, level: item.level, isSecurity: false))
            } else if let section = GapRule.section(of: item.ruleID), item.isGap {
                rules.append(
                    ReportRule(
                        id: item.ruleID, title: GapRule.title(section: section),
                        rationale: GapRule.rationale(section: section),
                        fix: GapRule.fix, level: .error, isSecurity: false))
            } else if let rule = written[item.ruleID] {
                rules.append(ReportRule(rule))
            } else {
                // A finding whose rule is not among the loaded ones: its own title stands in.
                let title = report.findings.first { $0.ruleID == item.ruleID }?.title ?? item.ruleID
                rules.append(
                    ReportRule(
                        id: item.ruleID, title: title, rationale: nil, fix: nil, level: item.level, isSecurity: false))
            }
        }
        return rules
    }

    public init(id: String, title: String, rationale: String?, fix: String?, level: ReportItem.Level, isSecurity: Bool)
    {
        self.id = id
        self.title = title
        self.rationale = rationale
        self.fix = fix
        self.level = level
        self.isSecurity = isSecurity
    }

    public init(_ rule: PolicyRule) {
        self.init(
            id: rule.id, title: rule.title, rationale: rule.rationale, fix: rule.fix,
            level: ReportItem.level(rule.severity),
            isSecurity: rule.isSecurity)
    }
}
