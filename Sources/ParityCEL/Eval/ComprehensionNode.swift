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

    init(
        _ macro: Comprehension.Macro, range: Node, slot: Int, slot2: Int?, filter: Node?, body: Node,
        _ location: CELSourceLocation
    ) {
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
        let pairs: Pairs
        switch rangeValue {
        case .list(let items): pairs = .list(items, indexed: slot2 != nil)
        case .map(let map): pairs = .map(map)
        case .object(let object): pairs = .object(object, object.celFieldNames)
        default:
            throw CELError(
                .noSuchOverload, "\(macro.rawValue)() cannot iterate over a value of type '\(rangeValue.typeName)'",
                at: location)
        }
        switch macro {
        case .all, .exists: return try quantify(pairs, context, decisive: macro == .exists)
        case .existsOne:
            var count = 0
            for i in 0..<pairs.count {
                try bind(pairs, i, context)
                if try predicate(body, context) { count += 1 }
            }
            return .bool(count == 1)
        case .map, .filter, .transformList:
            var out: [CELValue] = []
            for i in 0..<pairs.count {
                try bind(pairs, i, context)
                if macro == .filter {
                    if try predicate(body, context) { out.append(pairs.first(i)) }
                    continue
                }
                if let filter, !(try predicate(filter, context)) { continue }
                let value = try body.eval(context)
                try context.chargeNested([value])
                out.append(value)
            }
            return .list(out)
        case .transformMap:
            var out = CELMap()
            for i in 0..<pairs.count {
                try bind(pairs, i, context)
                if let filter, !(try predicate(filter, context)) { continue }
                let value = try body.eval(context)
                try context.chargeNested([value])
                do {
                    try out.insert(pairs.first(i), value)
                } catch {
                    throw error.located(at: location)
                }
            }
            return .map(out)
        case .transformMapEntry:
            // Each iteration yields a map of entries to add: the way to key a list by one of
            // its values, so later `in` tests are look-ups rather than scans.
            var out = CELMap()
            for i in 0..<pairs.count {
                try bind(pairs, i, context)
                if let filter, !(try predicate(filter, context)) { continue }
                let value = try body.eval(context)
                guard case .map(let entries) = value else {
                    throw CELError(
                        .noSuchOverload,
                        "transformMapEntry() expects a map of entries to add, found a value of type '\(value.typeName)'",
                        at: location)
                }
                try context.chargeNested([value])
                for (key, entry) in entries.entries {
                    do {
                        try out.insert(key, entry)
                    } catch {
                        throw error.located(at: location)
                    }
                }
            }
            return .map(out)
        }
    }

    /// The values of the iteration variables, read by index without building them up front.
    enum Pairs {
        case list([CELValue], indexed: Bool)
        case map(CELMap)
        case object(any CELObject, [String])

        var count: Int {
            switch self {
            case .list(let items, _): return items.count
            case .map(let map): return map.count
            case .object(_, let names): return names.count
            }
        }

        /// The first variable: element, index, key or field name.
        func first(_ i: Int) -> CELValue {
            switch self {
            case .list(let items, let indexed): return indexed ? .int(Int64(i)) : items[i]
            case .map(let map): return map.keys[i]
            case .object(_, let names): return .string(names[i])
            }
        }

        /// The second variable of the two-variable forms: element, value or field value.
        func second(_ i: Int) -> CELValue {
            switch self {
            case .list(let items, _): return items[i]
            case .map(let map): return map.values[i]
            case .object(let object, let names): return object.celField(names[i]) ?? .null
            }
        }
    }

    @inline(__always)
    private func bind(_ pairs: Pairs, _ i: Int, _ context: EvalContext) throws(CELError) {
        try context.charge(1)
        context.slots[slot] = pairs.first(i)
        if let slot2 { context.slots[slot2] = pairs.second(i) }
    }

    private func predicate(_ node: Node, _ context: EvalContext) throws(CELError) -> Bool {
        let value = try node.eval(context)
        guard case .bool(let b) = value else {
            throw CELError(
                .noSuchOverload,
                "\(macro.rawValue)() expects a bool condition, found a value of type '\(value.typeName)'",
                at: node.location)
        }
        return b
    }

    /// `all` (decisive false) and `exists` (decisive true), with errors absorbed like `&&`/`||`.
    private func quantify(_ pairs: Pairs, _ context: EvalContext, decisive: Bool) throws(CELError) -> CELValue {
        var firstError: CELError?
        for i in 0..<pairs.count {
            try bind(pairs, i, context)
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
