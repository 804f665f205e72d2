/// A macro over a list, map or host object: `all`, `exists`, `exists_one`, `map`, `filter`,
/// `transformList`, `transformMap`. Each iteration costs one unit of the budget.
final class ComprehensionNode: Node, @unchecked Sendable {
    let macro: Comprehension.Macro
    let range: Node
    let slot: Int
    /// The slot of the second variable, in the two-variable forms.
    let slot2: Int?
    let filter: Node?
    let body: Node

    init(_ macro: Comprehension.Macro, range: Node, slot: Int, slot2: Int?, filter: Node?, body: Node, _ location: CELSourceLocation) {
        self.macro = macro
        self.range = range
        self.slot = slot
        self.slot2 = slot2
        self.filter = filter
        self.body = body
        super.init(location)
    }

    override func eval(_ context: EvalContext) throws(CELError) -> CELValue {
        let rangeValue = try range.eval(context)
        let pairs: [(CELValue, CELValue)]
        switch rangeValue {
        case .list(let items):
            pairs = slot2 == nil ? items.map { ($0, $0) } : items.enumerated().map { (.int(Int64($0.offset)), $0.element) }
        case .map(let map):
            pairs = Array(zip(map.keys, slot2 == nil ? map.keys : map.values))
        case .object(let object):
            pairs = object.celFieldNames.map { name in (.string(name), slot2 == nil ? .string(name) : (object.celField(name) ?? .null)) }
        default:
            throw CELError(.noSuchOverload, "\(macro.rawValue)() cannot iterate over a value of type '\(rangeValue.typeName)'", at: location)
        }
        switch macro {
        case .all, .exists: return try quantify(pairs, context, decisive: macro == .exists)
        case .existsOne:
            var count = 0
            for pair in pairs {
                try bind(pair, context)
                if try predicate(body, context) { count += 1 }
            }
            return .bool(count == 1)
        case .map, .filter, .transformList:
            var out: [CELValue] = []
            for pair in pairs {
                try bind(pair, context)
                if macro == .filter {
                    if try predicate(body, context) { out.append(pair.0) }
                    continue
                }
                if let filter, !(try predicate(filter, context)) { continue }
                out.append(try body.eval(context))
            }
            return .list(out)
        case .transformMap:
            var out = CELMap()
            for pair in pairs {
                try bind(pair, context)
                if let filter, !(try predicate(filter, context)) { continue }
                let value = try body.eval(context)
                do {
                    try out.insert(pair.0, value)
                } catch {
                    throw error.located(at: location)
                }
            }
            return .map(out)
        }
    }

    @inline(__always)
    private func bind(_ pair: (CELValue, CELValue), _ context: EvalContext) throws(CELError) {
        try context.charge(1)
        context.slots[slot] = pair.0
        if let slot2 { context.slots[slot2] = pair.1 }
    }

    private func predicate(_ node: Node, _ context: EvalContext) throws(CELError) -> Bool {
        let value = try node.eval(context)
        guard case .bool(let b) = value else {
            throw CELError(.noSuchOverload, "\(macro.rawValue)() expects a bool condition, found a value of type '\(value.typeName)'", at: node.location)
        }
        return b
    }

    /// `all` (decisive false) and `exists` (decisive true), with errors absorbed like `&&`/`||`.
    private func quantify(_ pairs: [(CELValue, CELValue)], _ context: EvalContext, decisive: Bool) throws(CELError) -> CELValue {
        var firstError: CELError?
        for pair in pairs {
            try bind(pair, context)
            do {
                if try predicate(body, context) == decisive { return .bool(decisive) }
            } catch where error.code != .costLimit {
                if firstError == nil { firstError = error }
            }
        }
        if let firstError { throw firstError }
        return .bool(!decisive)
    }
}
