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
    /// What `now` and `today` are.
    public var date: RunDate
    /// What `schedule` is.
    public var schedule: Schedule
    /// The fields identifying unnamed items, so a finding on one reads `ports[8443/grpc]`.
    public var identities = ItemIdentities()

    public init(
        rules: [CompiledRule], schema: ObjectSchema, date: RunDate = .current(), schedule: Schedule = Schedule()
    ) {
        self.rules = rules
        self.schema = schema
        self.date = date
        self.schedule = schedule
    }

    public func evaluate(environments: [PolicySubject], pairs: [(reference: PolicySubject, mirror: PolicySubject)])
        -> [Finding]
    {
        var checked: [String: Int] = [:]
        return evaluate(environments: environments, pairs: pairs, checked: &checked)
    }

    /// Evaluates, counting per rule id the items the rule applied to (its `when` held), so
    /// policy tests can tell a rule that passed from one that never applied.
    public func evaluate(
        environments: [PolicySubject], pairs: [(reference: PolicySubject, mirror: PolicySubject)],
        checked: inout [String: Int]
    ) -> [Finding] {
        let subjects = Subjects(environments: environments, pairs: pairs, engine: self)
        var findings: [Finding] = []
        for index in rules.indices { findings += evaluate(rule: index, on: subjects, checked: &checked) }
        return findings
    }

    /// The environments and pairs the rules run over, with what every rule shares about them
    /// measured once: rules can then be evaluated one by one, on any core, in any order.
    public struct Subjects: Sendable {
        let environments: [PolicySubject]
        let pairs: [(reference: PolicySubject, mirror: PolicySubject)]
        /// Each environment's size, for the budget of rules over a whole environment or pair.
        let sizes: [String: Int]
        /// `now`, `today` and `schedule`.
        let run: [String: CELValue]
        /// Each environment as CEL sees it, bound once for every rule: a list an expression
        /// reads (`env.services`) is converted once, not once per rule.
        let bound: [String: CELValue]
        /// Per item pattern the rules name, each environment's items with their paths and
        /// their CEL values, found once for every rule over that collection.
        let items: [ItemsKey: [(path: ModelPath, value: Value, bound: CELValue)]]

        struct ItemsKey: Hashable {
            var pattern: ModelPath
            var environment: String
        }

        public init(
            environments: [PolicySubject], pairs: [(reference: PolicySubject, mirror: PolicySubject)],
            engine: PolicyEngine
        ) {
            self.environments = environments
            self.pairs = pairs
            run = engine.date.bindings.merging(["schedule": engine.schedule.celValue]) { first, _ in first }
            // Each environment once (the first subject of a name counts), though it is also a
            // side of the pairs; each on any core: measuring and finding items walk the tree.
            var seen = Set<String>()
            let distinct = (environments + pairs.flatMap { [$0.reference, $0.mirror] }).filter {
                seen.insert($0.name).inserted
            }
            let listed = Set(environments.map(\.name))
            let patterns = engine.rules.compactMap { compiled -> (ModelPath, SchemaType?)? in
                guard case .items(let pattern) = compiled.rule.target else { return nil }
                return (pattern, compiled.rule.target.itemType(in: engine.schema))
            }
            let environmentType = SchemaType.object(engine.schema)
            let measured = Parallel.map(distinct.count) { index in
                let subject = distinct[index]
                var items: [ModelPath: [(path: ModelPath, value: Value, bound: CELValue)]] = [:]
                // Items are found only for the environments rules over items run on.
                for (pattern, itemType) in patterns where listed.contains(subject.name) && items[pattern] == nil {
                    items[pattern] = engine.boundItems(of: subject.value, matching: pattern, type: itemType)
                }
                return (
                    size: subject.value.size, bound: CELBinding.celValue(subject.value, type: environmentType),
                    items: items
                )
            }
            var sizes: [String: Int] = [:], bound: [String: CELValue] = [:]
            var items: [ItemsKey: [(path: ModelPath, value: Value, bound: CELValue)]] = [:]
            for (subject, result) in zip(distinct, measured) {
                sizes[subject.name] = result.size
                bound[subject.name] = result.bound
                for (pattern, found) in result.items {
                    items[ItemsKey(pattern: pattern, environment: subject.name)] = found
                }
            }
            self.sizes = sizes
            self.bound = bound
            self.items = items
        }

        /// Rules over a whole environment or pair may grow with its size; their cost budget
        /// grows with it, linearly, so a large repository is judged and a runaway still stops.
        func budget(_ names: String...) -> Int {
            max(CELProgram.defaultBudget, 100 * names.reduce(0) { $0 + (sizes[$1] ?? 0) })
        }
    }

    /// The findings of rule `index` (a position in `rules`) over `subjects`.
    public func evaluate(rule index: Int, on subjects: Subjects) -> [Finding] {
        var checked: [String: Int] = [:]
        return evaluate(rule: index, on: subjects, checked: &checked)
    }

    private func evaluate(rule index: Int, on subjects: Subjects, checked: inout [String: Int]) -> [Finding] {
        var findings: [Finding] = []
        // The items the rule applied to, counted here and added to `checked` once.
        var applied = 0
        defer { if applied > 0 { checked[rules[index].rule.id, default: 0] += applied } }
        let environmentType = SchemaType.object(schema)
        let compiled = rules[index]
        let rule = compiled.rule
        // The rule's variables, once per environment or pair; nil (and a finding) when
        // they cannot be evaluated, so the rule is not judged on a half-built scope.
        func scope(_ bindings: [String: CELValue], environment: Finding.Scope, value: Value, budget: Int)
            -> [String: CELValue]?
        {
            let bindings = bindings.merging(subjects.run) { first, _ in first }
            guard !compiled.variables.isEmpty else { return bindings }
            var values = CELMap()
            for variable in compiled.variables {
                do throws(CELError) {
                    let visible = bindings.merging(["variables": .map(values)]) { first, _ in first }
                    try values.insert(
                        .string(variable.name), variable.program.evaluate(CELActivation(visible), budget: budget))
                } catch {
                    var failed = Finding(
                        ruleID: rule.id, title: rule.title, severity: rule.severity,
                        message:
                            "rule '\(rule.id)' could not compute variables.\(variable.name) for \(environment): \(error.message)",
                        environment: environment, item: .root, location: value.location, ruleLocation: rule.location
                    )
                    failed.isEvaluationError = true
                    findings.append(failed)
                    return nil
                }
            }
            return bindings.merging(["variables": .map(values)]) { first, _ in first }
        }
        switch rule.target {
        case .pair:
            for pair in subjects.pairs where rule.applies(toTier: pair.mirror.tier) {
                let name = Finding.Scope.pair(reference: pair.reference.name, mirror: pair.mirror.name)
                let limit = subjects.budget(pair.reference.name, pair.mirror.name)
                guard
                    let bindings = scope(
                        [
                            "reference": subjects.bound[pair.reference.name]
                                ?? CELBinding.celValue(pair.reference.value, type: environmentType),
                            "mirror": subjects.bound[pair.mirror.name]
                                ?? CELBinding.celValue(pair.mirror.value, type: environmentType),
                        ], environment: name, value: pair.mirror.value, budget: limit)
                else { continue }
                check(
                    compiled, CELActivation(bindings), environment: name, item: .root, value: pair.mirror.value,
                    budget: limit, into: &findings, applied: &applied)
            }
        case .environment:
            for environment in subjects.environments where rule.applies(toTier: environment.tier) {
                let bound =
                    subjects.bound[environment.name] ?? CELBinding.celValue(environment.value, type: environmentType)
                let limit = subjects.budget(environment.name)
                guard
                    var bindings = scope(
                        ["env": bound], environment: .environment(environment.name), value: environment.value,
                        budget: limit)
                else { continue }
                bindings["self"] = bound
                check(
                    compiled, CELActivation(bindings), environment: .environment(environment.name), item: .root,
                    value: environment.value,
                    budget: limit, into: &findings, applied: &applied)
            }
        case .items(let pattern):
            let itemType = rule.target.itemType(in: schema)
            for environment in subjects.environments where rule.applies(toTier: environment.tier) {
                let bound =
                    subjects.bound[environment.name] ?? CELBinding.celValue(environment.value, type: environmentType)
                guard
                    let bindings = scope(
                        ["env": bound], environment: .environment(environment.name), value: environment.value,
                        budget: subjects.budget(environment.name))
                else { continue }
                let items =
                    subjects.items[Subjects.ItemsKey(pattern: pattern, environment: environment.name)]
                    ?? boundItems(of: environment.value, matching: pattern, type: itemType)
                // The environment's variables once; each item only binds `self` over them.
                let shared = CELActivation(bindings)
                for (path, item, boundItem) in items {
                    check(
                        compiled, shared.binding("self", to: boundItem), environment: .environment(environment.name),
                        item: path, value: item,
                        budget: CELProgram.defaultBudget, into: &findings, applied: &applied)
                }
            }
        }
        return findings
    }

    /// The items of `environment` that `pattern` names, with their paths and as CEL sees them.
    func boundItems(of environment: Value, matching pattern: ModelPath, type itemType: SchemaType?) -> [(
        path: ModelPath, value: Value, bound: CELValue
    )] {
        environment.values(matching: pattern, identities: identities, root: .object(schema)).map {
            ($0.path, $0.value, CELBinding.celValue($0.value, type: itemType))
        }
    }

    private func check(
        _ compiled: CompiledRule, _ activation: CELActivation, environment: Finding.Scope, item: ModelPath,
        value: Value,
        budget: Int, into findings: inout [Finding], applied: inout Int
    ) {
        let rule = compiled.rule
        func finding(_ message: String) -> Finding {
            var finding = Finding(
                ruleID: rule.id, title: rule.title, severity: rule.severity, message: message, environment: environment,
                item: item, location: locate(compiled, in: value), ruleLocation: rule.location)
            if case .index? = item.components.last {
                finding.identity = ModelPath(item.components.dropLast() + [.item(value.identity)])
            }
            return finding
        }
        do throws(CELError) {
            if let when = compiled.when {
                guard case .bool(let applies) = try when.evaluate(activation, budget: budget) else {
                    throw CELError(.typeMismatch, "the 'when' filter is not a boolean")
                }
                guard applies else { return }
            }
            applied += 1
            let result = try compiled.assert.evaluate(activation, budget: budget)
            guard case .bool(let holds) = result else {
                throw CELError(.typeMismatch, "the assertion gave \(result.celLiteral), not a boolean")
            }
            if !holds { findings.append(finding(compiled.message.render(activation))) }
        } catch {
            var failed = finding(
                "rule '\(rule.id)' could not be evaluated for \(item.components.isEmpty ? environment.description : item.description): \(error.message)"
            )
            failed.isEvaluationError = true
            findings.append(failed)
        }
    }

    /// Where the field the assertion reads is written: the first of its paths present in the
    /// item (a trailing call such as `self.name.startsWith` is not a field and is not found),
    /// else the item itself.
    private func locate(_ compiled: CompiledRule, in value: Value) -> SourceLocation? {
        for path in compiled.subjectPaths {
            var current: Value? = value
            for name in path { current = current?[name] }
            if let current, let location = current.location { return location }
        }
        return value.location
    }
}
