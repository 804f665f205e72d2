import ParityCEL
import ParityDiagnostics

/// A criterion's `for: services` and `when`: the items of an environment it applies to,
/// chosen by a CEL filter bound as policies bind theirs (`self` the item, `env` the environment).
struct ItemFilter: Sendable {
    let items: PlanItems
    let program: CELProgram?

    /// The path of each collection in an environment.
    static func pattern(_ collection: String) -> ModelPath? {
        PolicyTarget.collections.first { $0.0 == collection }.flatMap { ModelPath(parsing: $0.1) }
    }

    /// Compiles the filter, or returns where and why it cannot be.
    static func compile(_ items: PlanItems, locator: ExpressionLocator) -> Result<ItemFilter, Diagnostic> {
        guard let source = items.when else { return .success(ItemFilter(items: items, program: nil)) }
        let schema = EnvironmentSchema.root
        var declarations = CELBinding.declarations(for: schema)
        declarations.declare(variable: "env", .object(CELBinding.typeName(schema)))
        if let pattern = pattern(items.collection), let type = SchemaType.object(schema).type(at: pattern) {
            declarations.declare(variable: "self", CELBinding.celType(type))
        }
        do throws(CELError) {
            let program = try CEL.compile(source, declarations: declarations)
            if let type = program.resultType, type != .bool, type != .dyn {
                return .failure(
                    .error(
                        .planInvalidCriterion, "the 'when' filter must be true or false, and this one gives \(type)",
                        at: items.whenLocation))
            }
            return .success(ItemFilter(items: items, program: program))
        } catch {
            let place =
                error.location.flatMap { locator.locate(line: $0.line, column: $0.column, in: items.whenLocation) }
                ?? items.whenLocation
            return .failure(
                .error(Diagnostic.Code(error.code.rawValue), "in the 'when' filter: \(error.message)", at: place))
        }
    }

    /// The names of the items of `environment` the filter keeps, in the environment's order.
    func names(in environment: Value) throws(CELError) -> [String] {
        guard let pattern = Self.pattern(items.collection) else { return [] }
        let schema = EnvironmentSchema.root
        let itemType = SchemaType.object(schema).type(at: pattern)
        let env = CELBinding.celValue(environment, type: .object(schema))
        var names: [String] = []
        for (_, item) in environment.values(matching: pattern) {
            guard let name = item.name else { continue }
            if let program {
                let value = try program.evaluate(
                    CELActivation(["env": env, "self": CELBinding.celValue(item, type: itemType)]),
                    budget: CELProgram.defaultBudget)
                guard case .bool(true) = value else { continue }
            }
            names.append(name)
        }
        return names
    }
}
