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
    /// The fields the assertion reads from `self` (`encryption.atRest`), to locate findings.
    let subjectPath: [String]

    /// Compiles `rule`, or returns every problem found in its expressions.
    public static func compile(_ rule: PolicyRule, schema: ObjectSchema, locator: ExpressionLocator) -> Result<CompiledRule, DiagnosticList> {
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
        func compile(_ expression: PolicyRule.Expression, role: String, in declarations: CELDeclarations) -> CELProgram? {
            do {
                return try CEL.compile(expression.source, declarations: declarations)
            } catch {
                let place = error.location.flatMap { locator.locate(line: $0.line, column: $0.column, in: expression.location) } ?? expression.location
                diagnostics.append(.error(Diagnostic.Code(error.code.rawValue), "in the \(role) of rule '\(rule.id)': \(error.message)", at: place))
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
            guard let program = compile(variable.expression, role: "variable '\(variable.name)'", in: declarations) else { continue }
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
                return .failure(DiagnosticList([.error(
                    .policyUnknownTarget,
                    "'\(written)' names nothing in an environment\(Suggestion.didYouMean(written, in: words)) (collections: \(words.joined(separator: ", ")))",
                    at: rule.targetLocation ?? rule.location)]))
            }
            declarations.declare(variable: "self", CELBinding.celType(itemType))
        }
        func program(_ expression: PolicyRule.Expression, role: String, mustBeBoolean: Bool) -> CELProgram? {
            guard let program = compile(expression, role: role, in: declarations) else { return nil }
            if mustBeBoolean, let type = program.resultType, type != .bool, type != .dyn {
                diagnostics.append(.error(.policyTypeError, "the \(role) of rule '\(rule.id)' must be a boolean, found \(type)", at: expression.location))
                return nil
            }
            return program
        }
        let when = rule.when.flatMap { program($0, role: "'when' filter", mustBeBoolean: true) }
        let assert = program(rule.assert, role: "assertion", mustBeBoolean: true)
        let message = MessageTemplate.compile(rule.message, rule: rule.id, declarations: declarations, locator: locator, diagnostics: &diagnostics)
        guard diagnostics.isEmpty, let assert, let message, rule.when == nil || when != nil else {
            return .failure(DiagnosticList(diagnostics))
        }
        return .success(CompiledRule(rule: rule, variables: variables, when: when, assert: assert, message: message, subjectPath: Self.subjectPath(rule.assert.source, of: rule.target == .pair ? "mirror." : "self.")))
    }

    /// The first `self.a.b` (for pair rules `mirror.a.b`) chain of an expression: the field
    /// a finding is most likely about.
    static func subjectPath(_ source: String, of subject: String = "self.") -> [String] {
        guard let range = source.range(of: subject) else { return [] }
        var path: [String] = []
        var current = ""
        for character in source[range.upperBound...] {
            if character.isLetter || character.isNumber || character == "_" {
                current.append(character)
            } else if character == "." && !current.isEmpty {
                path.append(current)
                current = ""
            } else {
                break
            }
        }
        if !current.isEmpty { path.append(current) }
        // A trailing call (`self.name.startsWith`) is not a field; the value check drops it.
        return path
    }
}
