import ParityCEL
import ParityDiagnostics

/// An environment as policies see it.
public struct PolicySubject: Sendable {
    public var name: String
    public var tier: String?
    public var value: Value

    public init(name: String, tier: String?, value: Value) {
        self.name = name
        self.tier = tier
        self.value = value
    }
}

/// Runs compiled rules over environments and pairs. An error evaluating one item becomes a
/// finding for that item; it never stops the run or hides the other items' findings.
public struct PolicyEngine: Sendable {
    public let rules: [CompiledRule]
    public let schema: ObjectSchema

    public init(rules: [CompiledRule], schema: ObjectSchema) {
        self.rules = rules
        self.schema = schema
    }

    public func evaluate(environments: [PolicySubject], pairs: [(reference: PolicySubject, mirror: PolicySubject)]) -> [Finding] {
        var checked: [String: Int] = [:]
        return evaluate(environments: environments, pairs: pairs, checked: &checked)
    }

    /// Evaluates, counting per rule id the items the rule applied to (its `when` held), so
    /// policy tests can tell a rule that passed from one that never applied.
    public func evaluate(environments: [PolicySubject], pairs: [(reference: PolicySubject, mirror: PolicySubject)], checked: inout [String: Int]) -> [Finding] {
        var findings: [Finding] = []
        // Rules over a whole environment or pair may grow with its size; their cost budget
        // grows with it, linearly, so a large repository is judged and a runaway still stops.
        let sizes = Dictionary((environments + pairs.flatMap { [$0.reference, $0.mirror] }).map { ($0.name, $0.value.size) }, uniquingKeysWith: { first, _ in first })
        func budget(_ names: String...) -> Int { max(CELProgram.defaultBudget, 100 * names.reduce(0) { $0 + (sizes[$1] ?? 0) }) }
        let environmentType = SchemaType.object(schema)
        for compiled in rules {
            let rule = compiled.rule
            switch rule.target {
            case .pair:
                for pair in pairs where rule.applies(toTier: pair.mirror.tier) {
                    let activation = CELActivation([
                        "reference": CELBinding.celValue(pair.reference.value, type: environmentType),
                        "mirror": CELBinding.celValue(pair.mirror.value, type: environmentType),
                    ])
                    check(compiled, activation, environment: "\(pair.reference.name) -> \(pair.mirror.name)", item: .root, value: pair.mirror.value,
                          budget: budget(pair.reference.name, pair.mirror.name), into: &findings, checked: &checked)
                }
            case .environment:
                for environment in environments where rule.applies(toTier: environment.tier) {
                    let bound = CELBinding.celValue(environment.value, type: environmentType)
                    check(compiled, CELActivation(["self": bound, "env": bound]), environment: environment.name, item: .root, value: environment.value,
                          budget: budget(environment.name), into: &findings, checked: &checked)
                }
            case .items(let pattern):
                let itemType = rule.target.itemType(in: schema)
                for environment in environments where rule.applies(toTier: environment.tier) {
                    let bound = CELBinding.celValue(environment.value, type: environmentType)
                    for (path, item) in environment.value.values(matching: pattern) {
                        let activation = CELActivation(["self": CELBinding.celValue(item, type: itemType), "env": bound])
                        check(compiled, activation, environment: environment.name, item: path, value: item,
                              budget: CELProgram.defaultBudget, into: &findings, checked: &checked)
                    }
                }
            }
        }
        return findings
    }

    private func check(_ compiled: CompiledRule, _ activation: CELActivation, environment: String, item: ModelPath, value: Value,
                       budget: Int, into findings: inout [Finding], checked: inout [String: Int]) {
        let rule = compiled.rule
        func finding(_ message: String) -> Finding {
            Finding(ruleID: rule.id, title: rule.title, severity: rule.severity, message: message, environment: environment,
                    item: item, location: locate(compiled, in: value), ruleLocation: rule.location)
        }
        do throws(CELError) {
            if let when = compiled.when {
                guard case .bool(let applies) = try when.evaluate(activation, budget: budget) else {
                    throw CELError(.typeMismatch, "the 'when' filter is not a boolean")
                }
                guard applies else { return }
            }
            checked[rule.id, default: 0] += 1
            let result = try compiled.assert.evaluate(activation, budget: budget)
            guard case .bool(let holds) = result else {
                throw CELError(.typeMismatch, "the assertion gave \(result.celLiteral), not a boolean")
            }
            if !holds { findings.append(finding(compiled.message.render(activation))) }
        } catch {
            var failed = finding("rule '\(rule.id)' could not be evaluated for \(item.components.isEmpty ? environment : item.description): \(error.message)")
            failed.isEvaluationError = true
            findings.append(failed)
        }
    }

    /// The item's place, or that of the field the assertion reads, where it is written.
    private func locate(_ compiled: CompiledRule, in value: Value) -> SourceLocation? {
        var current = value
        var location = value.location
        for name in compiled.subjectPath {
            guard let next = current[name] else { break }
            current = next
            if let here = next.location { location = here }
        }
        return location
    }
}
