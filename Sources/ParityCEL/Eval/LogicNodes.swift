/// `&&` and `||`, commutative over errors: `false && error` is false, `error || true` is true.
final class LogicNode: Node, @unchecked Sendable {
    let lhs: Node
    let rhs: Node
    /// The value that decides the result on either side: false for `&&`, true for `||`.
    let decisive: Bool

    init(and: Bool, _ lhs: Node, _ rhs: Node, _ location: CELSourceLocation) {
        self.lhs = lhs
        self.rhs = rhs
        self.decisive = !and
        super.init(location)
    }

    override func eval(_ context: EvalContext) throws(CELError) -> CELValue {
        var firstError: CELError?
        do {
            let left = try lhs.eval(context)
            if case .bool(let b) = left {
                if b == decisive { return left }
            } else {
                firstError = noOverload(left)
            }
        } catch {
            if error.code == .costLimit { throw error }
            firstError = error
        }
        let right: CELValue
        do {
            right = try rhs.eval(context)
        } catch {
            if error.code == .costLimit { throw error }
            throw firstError ?? error
        }
        guard case .bool(let b) = right else { throw firstError ?? noOverload(right) }
        if b == decisive { return right }
        if let firstError { throw firstError }
        return right
    }

    private func noOverload(_ value: CELValue) -> CELError {
        CELError(
            .noSuchOverload,
            "no matching overload for '\(decisive ? "||" : "&&")' applied to a value of type '\(value.typeName)'",
            at: location)
    }
}

/// `condition ? a : b`.
final class ConditionalNode: Node, @unchecked Sendable {
    let condition: Node
    let then: Node
    let otherwise: Node

    init(_ condition: Node, _ then: Node, _ otherwise: Node, _ location: CELSourceLocation) {
        self.condition = condition
        self.then = then
        self.otherwise = otherwise
        super.init(location)
    }

    override func eval(_ context: EvalContext) throws(CELError) -> CELValue {
        let value = try condition.eval(context)
        guard case .bool(let b) = value else {
            throw CELError(
                .noSuchOverload, "no matching overload for '?:' with a condition of type '\(value.typeName)'",
                at: location)
        }
        return b ? try then.eval(context) : try otherwise.eval(context)
    }
}
