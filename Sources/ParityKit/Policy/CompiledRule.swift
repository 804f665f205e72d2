import ParityCEL
public import ParityDiagnostics

/// A rule with its expressions parsed and type-checked against the environment schema:
/// a misspelt field is a diagnostic at the policy's line, not a silently false rule.
public struct CompiledRule: Sendable {
    public let rule: PolicyRule
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
        let environment = CELType.object(CELBinding.typeName(schema))
        switch rule.target {
        case .pair:
            declarations.declare(variable: "reference", environment)
            declarations.declare(variable: "mirror", environment)
        case .environment:
            declarations.declare(variable: "self", environment)
            declarations.declare(variable: "env", environment)
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
            declarations.declare(variable: "env", environment)
        }
        var diagnostics: [Diagnostic] = []
        func program(_ expression: PolicyRule.Expression, role: String, mustBeBoolean: Bool) -> CELProgram? {
            do {
                let program = try CEL.compile(expression.source, declarations: declarations)
                if mustBeBoolean, let type = program.resultType, type != .bool, type != .dyn {
                    diagnostics.append(.error(.policyTypeError, "the \(role) of rule '\(rule.id)' must be a boolean, found \(type)", at: expression.location))
                    return nil
                }
                return program
            } catch {
                let place = error.location.flatMap { locator.locate(line: $0.line, column: $0.column, in: expression.location) } ?? expression.location
                diagnostics.append(.error(Diagnostic.Code(error.code.rawValue), "in the \(role) of rule '\(rule.id)': \(error.message)", at: place))
                return nil
            }
        }
        let when = rule.when.flatMap { program($0, role: "'when' filter", mustBeBoolean: true) }
        let assert = program(rule.assert, role: "assertion", mustBeBoolean: true)
        let message = MessageTemplate.compile(rule.message, rule: rule.id, declarations: declarations, locator: locator, diagnostics: &diagnostics)
        guard diagnostics.isEmpty, let assert, let message, rule.when == nil || when != nil else {
            return .failure(DiagnosticList(diagnostics))
        }
        return .success(CompiledRule(rule: rule, when: when, assert: assert, message: message, subjectPath: Self.subjectPath(rule.assert.source)))
    }

    /// The first `self.a.b` chain of an expression: the field a finding is most likely about.
    static func subjectPath(_ source: String) -> [String] {
        guard let range = source.range(of: "self.") else { return [] }
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
