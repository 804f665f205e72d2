/// A function body: how many arguments it takes (the receiver counts as the first) and its code.
struct Function: Sendable {
    typealias Unary = @Sendable (CELValue) throws(CELError) -> CELValue
    typealias Binary = @Sendable (CELValue, CELValue) throws(CELError) -> CELValue
    typealias Nary = @Sendable ([CELValue]) throws(CELError) -> CELValue

    enum Body: Sendable {
        case unary(Unary)
        case binary(Binary)
        case nary(Nary)
    }

    let body: Body
    /// Whether the result may be large and newly built, so its size is charged to the budget.
    let allocates: Bool

    init(allocates: Bool = false, _ body: @escaping Unary) {
        self.body = .unary(body)
        self.allocates = allocates
    }

    init(allocates: Bool = false, _ body: @escaping Binary) {
        self.body = .binary(body)
        self.allocates = allocates
    }

    init(allocates: Bool = false, nary body: @escaping Nary) {
        self.body = .nary(body)
        self.allocates = allocates
    }
}

/// Charges the size of a newly built value.
@inline(__always)
func chargeSize(_ value: CELValue, _ context: EvalContext) throws(CELError) {
    switch value {
    case .string(let s): try context.charge(s.utf8.count)
    case .bytes(let b): try context.charge(b.count)
    case .list(let l): try context.charge(l.count)
    case .map(let m): try context.charge(m.count)
    default: break
    }
}

final class UnaryCallNode: Node, @unchecked Sendable {
    let function: Function.Unary
    let allocates: Bool
    let arg: Node

    init(_ function: @escaping Function.Unary, allocates: Bool, _ arg: Node, _ location: CELSourceLocation) {
        self.function = function
        self.allocates = allocates
        self.arg = arg
        super.init(location)
    }

    override func eval(_ context: EvalContext) throws(CELError) -> CELValue {
        let a = try arg.eval(context)
        try context.charge(1)
        do {
            let result = try function(a)
            if allocates { try chargeSize(result, context) }
            return result
        } catch {
            throw error.located(at: location)
        }
    }
}

final class BinaryCallNode: Node, @unchecked Sendable {
    let function: Function.Binary
    let allocates: Bool
    let lhs: Node
    let rhs: Node

    init(
        _ function: @escaping Function.Binary, allocates: Bool, _ lhs: Node, _ rhs: Node, _ location: CELSourceLocation
    ) {
        self.function = function
        self.allocates = allocates
        self.lhs = lhs
        self.rhs = rhs
        super.init(location)
    }

    override func eval(_ context: EvalContext) throws(CELError) -> CELValue {
        let a = try lhs.eval(context)
        let b = try rhs.eval(context)
        try context.charge(1)
        do {
            let result = try function(a, b)
            if allocates { try chargeSize(result, context) }
            return result
        } catch {
            throw error.located(at: location)
        }
    }
}

final class NaryCallNode: Node, @unchecked Sendable {
    let function: Function.Nary
    let allocates: Bool
    let args: [Node]

    init(_ function: @escaping Function.Nary, allocates: Bool, _ args: [Node], _ location: CELSourceLocation) {
        self.function = function
        self.allocates = allocates
        self.args = args
        super.init(location)
    }

    override func eval(_ context: EvalContext) throws(CELError) -> CELValue {
        var values: [CELValue] = []
        values.reserveCapacity(args.count)
        for arg in args { values.append(try arg.eval(context)) }
        try context.charge(1 + values.count)
        do {
            let result = try function(values)
            if allocates { try chargeSize(result, context) }
            return result
        } catch {
            throw error.located(at: location)
        }
    }
}

/// A call to a function that does not exist: an error only if evaluated, as
/// `f_unknown(1) || true` must still be true.
final class ErrorNode: Node, @unchecked Sendable {
    let error: CELError
    let args: [Node]

    init(_ error: CELError, args: [Node], _ location: CELSourceLocation) {
        self.error = error.located(at: location)
        self.args = args
        super.init(location)
    }

    override func eval(_ context: EvalContext) throws(CELError) -> CELValue {
        for arg in args { _ = try arg.eval(context) }
        throw error
    }
}
