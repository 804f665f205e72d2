import ParityCEL
public import ParityDiagnostics

/// A rule with its expressions parsed and type-checked against the environment schema:
/// a misspelt field is a diagnostic at the policy's line, not a silently false rule.
public struct CompiledRule: Sendable {
    public let rule: PolicyRule
    /// The rule's variables, in order, evaluated once per environment or pair.
    let variables: [(name: String, program: CELProgram)]
    let when: CELProgram?
    let assert: CELProgram
    let message: MessageTemplate
    /// The fields the assertion reads from `self` (for pair rules `mirror`), directly or through
    /// the variables it reads, in the order it reads them: where a finding points.
    let subjectPaths: [[String]]

    /// Compiles `rule`, or returns every problem found in its expressions.
    public static func compile(_ rule: PolicyRule, schema: ObjectSchema, locator: ExpressionLocator) -> Result<
        CompiledRule, DiagnosticList
    > {
        var rule = rule
        // `for: access.roles` means each role, as `for: access.roles[*]` says.
        if case .items(let path) = rule.target, case .list? = rule.target.itemType(in: schema) {
            rule.target = .items(path.appending(.anyItem))
        }
        var declarations = CELBinding.declarations(for: schema)
        // The run's date and the spec's schedule, the same for every rule of a run.
        RunDate.declare(in: &declarations)
        Schedule.declare(in: &declarations)
        let environment = CELType.object(CELBinding.typeName(schema))
        var diagnostics: [Diagnostic] = []
        func compile(_ expression: PolicyRule.Expression, role: String, in declarations: CELDeclarations) -> CELProgram?
        {
            do {
                return try CEL.compile(expression.source, declarations: declarations)
            } catch {
                let place =
                    error.location.flatMap { locator.locate(line: $0.line, column: $0.column, in: expression.location) }
                    ?? expression.location
                diagnostics.append(
                    .error(
                        Diagnostic.Code(error.code.rawValue), "in the \(role) of rule '\(rule.id)': \(error.message)",
                        at: place))
                return nil
            }
        }
        // Variables see the environment (or the pair), never the item.
        switch rule.target {
        case .pair:
            declarations.declare(variable: "reference", environment)
            declarations.declare(variable: "mirror", environment)
        case .environment, .items:
            declarations.declare(variable: "env", environment)
        }
        // Each variable sees the ones before it, as `variables.NAME`.
        var variables: [(name: String, program: CELProgram)] = []
        var variableTypes: [String: CELType] = [:]
        let typeName = "parity.variables.\(rule.id)"
        for variable in rule.variables {
            if !variableTypes.isEmpty {
                declarations.declare(objectType: typeName, fields: variableTypes)
                declarations.declare(variable: "variables", .object(typeName))
            }
            guard let program = compile(variable.expression, role: "variable '\(variable.name)'", in: declarations)
            else { continue }
            variables.append((variable.name, program))
            variableTypes[variable.name] = program.resultType ?? .dyn
        }
        if !variableTypes.isEmpty {
            declarations.declare(objectType: typeName, fields: variableTypes)
            declarations.declare(variable: "variables", .object(typeName))
        }
        switch rule.target {
        case .pair:
            break
        case .environment:
            declarations.declare(variable: "self", environment)
        case .items:
            guard let itemType = rule.target.itemType(in: schema), case .items = rule.target else {
                let words = PolicyTarget.collections.map(\.0) + ["environment", "pair"]
                let written: String = if case .items(let path) = rule.target { path.description } else { "" }
                return .failure(
                    DiagnosticList([
                        .error(
                            .policyUnknownTarget,
                            "'\(written)' names nothing in an environment\(Suggestion.didYouMean(written, in: words)) (collections: \(words.joined(separator: ", ")))",
                            at: rule.targetLocation ?? rule.location)
                    ]))
            }
            declarations.declare(variable: "self", CELBinding.celType(itemType))
        }
        func program(_ expression: PolicyRule.Expression, role: String, mustBeBoolean: Bool) -> CELProgram? {
            guard let program = compile(expression, role: role, in: declarations) else { return nil }
            if mustBeBoolean, let type = program.resultType, type != .bool, type != .dyn {
                diagnostics.append(
                    .error(
                        .policyTypeError, "the \(role) of rule '\(rule.id)' must be a boolean, found \(type)",
                        at: expression.location))
                return nil
            }
            return program
        }
        let when = rule.when.flatMap { program($0, role: "'when' filter", mustBeBoolean: true) }
        let assert = program(rule.assert, role: "assertion", mustBeBoolean: true)
        let message = MessageTemplate.compile(
            rule.message, rule: rule.id, declarations: declarations, locator: locator, diagnostics: &diagnostics)
        guard diagnostics.isEmpty, let assert, let message, rule.when == nil || when != nil else {
            return .failure(DiagnosticList(diagnostics))
        }
        let paths = Self.subjectPaths(assert.expr, of: rule.target == .pair ? "mirror" : "self", variables: variables)
        return .success(
            CompiledRule(
                rule: rule, variables: variables, when: when, assert: assert, message: message, subjectPaths: paths))
    }

    /// The fields `expr` reads from `subject`, from its syntax tree: first those it reads
    /// itself, then those of the variables it reads (`variables.shared` reads
    /// `mirror.access.credentials`); lists a comprehension iterates after the values compared,
    /// and chains only tested for presence (`!has(self.value)`) last.
    static func subjectPaths(_ expr: Expr, of subject: String, variables: [(name: String, program: CELProgram)])
        -> [[String]]
    {
        var read: [Expr.Selection] = []
        var pending = [expr]
        var visited = Set<String>()
        while !pending.isEmpty {
            let next = pending.removeFirst()
            read += next.selections(from: subject)
            for used in next.selections(from: "variables") {
                guard let name = used.path.first, visited.insert(name).inserted,
                      let variable = variables.first(where: { $0.name == name }) else { continue }
                pending.append(variable.program.expr)
            }
        }
        var seen = Set<[String]>()
        let reads = read.filter { !$0.testOnly }
        // A presence test guarding a read (`has(self.encryption) && self.encryption.inTransit`)
        // is no place of its own: when the field read is missing, the finding is the item's.
        let tests = read.filter { test in test.testOnly && !reads.contains { $0.path.starts(with: test.path) } }
        let ordered = reads.filter { !$0.iterated } + reads.filter(\.iterated) + tests
        return ordered.map(\.path).filter { seen.insert($0).inserted }
    }
}
