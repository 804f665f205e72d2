public import ParityDiagnostics

/// One rule of a `Policy` file, as written.
public struct PolicyRule: Sendable {
    /// A CEL expression and where its text starts in the policy file.
    public struct Expression: Sendable {
        public var source: String
        public var location: SourceLocation?
    }

    public var id: String
    public var title: String
    public var severity: Finding.Severity
    public var target: PolicyTarget
    /// Where `for` is written.
    public var targetLocation: SourceLocation?
    /// Tiers the rule applies to; nil for every tier.
    public var tiers: Set<String>?
    /// Values computed once per environment or pair, read as `variables.NAME`.
    public var variables: [(name: String, expression: Expression)] = []
    public var when: Expression?
    public var assert: Expression
    public var message: Expression
    public var rationale: String?
    public var fix: String?
    /// Labels for reports (`security`), as written.
    public var tags: [String] = []
    /// The policy the rule belongs to.
    public var policy: String
    public var location: SourceLocation?

    /// The rules a decoded `Policy` value holds, and the problems the schema cannot see.
    public static func rules(from value: Value) -> ([PolicyRule], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let policy = value["metadata"]?["name"]?.string ?? "policy"
        var rules: [PolicyRule] = []
        for rule in value["rules"]?.list ?? [] {
            guard let id = rule["id"]?.string, let title = rule["title"]?.string,
                let severityText = rule["severity"]?.string, let severity = Finding.Severity(rawValue: severityText),
                let forValue = rule["for"], let forText = forValue.string,
                let assert = rule["assert"], let assertText = assert.string,
                let message = rule["message"], let messageText = message.string
            else { continue }
            guard let target = PolicyTarget(forText) else {
                let words = PolicyTarget.collections.map(\.0) + ["environment", "pair"]
                diagnostics.append(
                    .error(
                        .policyUnknownTarget,
                        "'\(forText)' is neither a collection nor a path\(Suggestion.didYouMean(forText, in: words)) (collections: \(words.joined(separator: ", ")))",
                        at: forValue.location))
                continue
            }
            let variables = (rule["variables"]?.list ?? []).compactMap {
                variable -> (name: String, expression: Expression)? in
                guard let name = variable["name"]?.string, let expression = variable["expression"] else { return nil }
                return (name, Expression(source: expression.string ?? "", location: expression.location))
            }
            rules.append(
                PolicyRule(
                    id: id, title: title, severity: severity, target: target, targetLocation: forValue.location,
                    tiers: rule["tiers"]?.list.map { Set($0.compactMap(\.string)) }, variables: variables,
                    when: rule["when"].flatMap { value in
                        value.string.map { Expression(source: $0, location: value.location) }
                    },
                    assert: Expression(source: assertText, location: assert.location),
                    message: Expression(source: messageText, location: message.location),
                    rationale: rule["rationale"]?.string, fix: rule["fix"]?.string,
                    tags: rule["tags"]?.list?.compactMap(\.string) ?? [], policy: policy, location: rule.location))
        }
        return (rules, diagnostics)
    }

    /// Whether the rule guards security (tagged `security`).
    public var isSecurity: Bool { tags.contains("security") }

    /// Whether the rule applies to an environment of `tier`.
    public func applies(toTier tier: String?) -> Bool {
        guard let tiers else { return true }
        return tier.map(tiers.contains) ?? false
    }
}

extension Diagnostic.Code {
    public static let policyUnknownTarget: Self = "policy.unknown-target"
    public static let policyTypeError: Self = "policy.type-error"
    public static let policyDuplicateRule: Self = "policy.duplicate-rule"
    public static let policyEvaluationError: Self = "policy.evaluation-error"
    /// A rule id no policy has.
    public static let policyUnknownRule: Self = "policy.unknown-rule"
}
