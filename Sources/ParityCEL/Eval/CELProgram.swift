/// A compiled expression: parse once, evaluate many times with different bindings.
public struct CELProgram: Sendable {
    /// The default cost budget of one evaluation.
    public static let defaultBudget = 1_000_000

    /// The expression's text.
    public let source: String
    /// The parsed expression.
    public let expr: Expr
    /// The checked result type, when the program was compiled with declarations.
    public let resultType: CELType?
    /// The variable names the expression may read, so a host can bind only those; a dotted
    /// reference `a.b.c` lists `a`, `a.b` and `a.b.c`, as any of them may be the variable.
    public let referencedVariables: Set<String>
    private let root: Node
    private let slotCount: Int

    init(source: String, expr: Expr, resultType: CELType?) throws(CELError) {
        self.source = source
        self.expr = expr
        self.resultType = resultType
        var planner = Planner()
        root = try planner.plan(expr)
        slotCount = planner.slotCount
        referencedVariables = planner.references
    }

    /// Evaluates with eager bindings; `budget` bounds the work (iterations, calls, sizes built).
    public func evaluate(_ bindings: [String: CELValue] = [:], budget: Int = defaultBudget) throws(CELError) -> CELValue
    {
        try evaluate(CELActivation(bindings), budget: budget)
    }

    /// Evaluates with an activation, which may resolve variables lazily.
    public func evaluate(_ activation: CELActivation, budget: Int = defaultBudget) throws(CELError) -> CELValue {
        let context = EvalContext(activation: activation, slotCount: slotCount, budget: budget)
        return try root.eval(context)
    }
}
