/// A planned expression node: the evaluator's form of an `Expr`, with names and
/// functions resolved once at compile time.
class Node: @unchecked Sendable {
    // Nodes are immutable after planning; @unchecked because subclasses hold closures and
    // other nodes, all set once in their initialisers.
    let location: CELSourceLocation

    init(_ location: CELSourceLocation) { self.location = location }

    func eval(_ context: EvalContext) throws(CELError) -> CELValue {
        preconditionFailure("Node.eval is abstract")
    }
}

final class ConstantNode: Node, @unchecked Sendable {
    let value: CELValue
    init(_ value: CELValue, _ location: CELSourceLocation) {
        self.value = value
        super.init(location)
    }
    override func eval(_ context: EvalContext) throws(CELError) -> CELValue { value }
}

/// A comprehension variable, read from its slot.
final class SlotNode: Node, @unchecked Sendable {
    let slot: Int
    init(_ slot: Int, _ location: CELSourceLocation) {
        self.slot = slot
        super.init(location)
    }
    override func eval(_ context: EvalContext) throws(CELError) -> CELValue { context.slots[slot] }
}

/// A variable, or a dotted name such as `a.b.c` that may be one variable or a variable and fields.
final class VariableNode: Node, @unchecked Sendable {
    let root: String
    /// Fields selected after the root, with the location of each `.`.
    let path: [(field: String, location: CELSourceLocation)]
    /// Whether the last selection is `has()`.
    let testOnly: Bool

    init(root: String, path: [(String, CELSourceLocation)], testOnly: Bool, _ location: CELSourceLocation) {
        self.root = root
        self.path = path.map { (field: $0.0, location: $0.1) }
        self.testOnly = testOnly
        super.init(location)
    }

    override func eval(_ context: EvalContext) throws(CELError) -> CELValue {
        // Read in place, not copied out: this runs for every variable an expression reads.
        if context.activation.hasQualifiedNames, !path.isEmpty {
            // The longest dotted prefix bound as a variable wins (`a.b.c` before `a.b` before `a`).
            var name = root + "." + path.map(\.field).joined(separator: ".")
            for used in stride(from: path.count, to: 0, by: -1) {
                if let value = context.activation.value(name) { return try select(value, from: used, context) }
                name = String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)])
            }
        }
        if let value = context.activation.value(root) { return try select(value, from: 0, context) }
        let fullName = ([root] + path.map(\.field)).joined(separator: ".")
        if !testOnly, let type = CELType.denotable[fullName] { return .type(type) }
        throw CELError(.undeclaredReference, "undeclared reference to '\(fullName)'", at: location)
    }

    private func select(_ value: CELValue, from start: Int, _ context: EvalContext) throws(CELError) -> CELValue {
        var value = value
        for i in start..<path.count {
            let step = path[i]
            do {
                if i == path.count - 1, testOnly { return try Select.has(value, step.field) }
                value = try Select.field(value, step.field)
            } catch {
                throw error.located(at: step.location)
            }
        }
        return value
    }
}

/// `operand.field`, or `has(operand.field)`.
final class SelectNode: Node, @unchecked Sendable {
    let operand: Node
    let field: String
    let testOnly: Bool

    init(_ operand: Node, field: String, testOnly: Bool, _ location: CELSourceLocation) {
        self.operand = operand
        self.field = field
        self.testOnly = testOnly
        super.init(location)
    }

    override func eval(_ context: EvalContext) throws(CELError) -> CELValue {
        let value = try operand.eval(context)
        do {
            return testOnly ? try Select.has(value, field) : try Select.field(value, field)
        } catch {
            throw error.located(at: location)
        }
    }
}

/// Field selection and presence tests on maps and host objects.
enum Select {
    static func field(_ value: CELValue, _ field: String) throws(CELError) -> CELValue {
        switch value {
        case .map(let map):
            guard let found = map[field] else { throw CELError(.noSuchKey, "no such key: '\(field)'") }
            return found
        case .object(let object):
            guard let found = object.celField(field) else {
                throw CELError(.noSuchField, "no such field '\(field)' on \(object.celTypeName)")
            }
            return found
        default:
            throw CELError(.noSuchOverload, "cannot select field '\(field)' from a value of type '\(value.typeName)'")
        }
    }

    static func has(_ value: CELValue, _ field: String) throws(CELError) -> CELValue {
        switch value {
        case .map(let map): return .bool(map[field] != nil)
        case .object(let object): return .bool(object.celHasField(field))
        default:
            throw CELError(.noSuchOverload, "has() cannot test field '\(field)' of a value of type '\(value.typeName)'")
        }
    }
}

final class ListNode: Node, @unchecked Sendable {
    let items: [Node]
    init(_ items: [Node], _ location: CELSourceLocation) {
        self.items = items
        super.init(location)
    }
    override func eval(_ context: EvalContext) throws(CELError) -> CELValue {
        try context.charge(1 + items.count)
        var values: [CELValue] = []
        values.reserveCapacity(items.count)
        for item in items { values.append(try item.eval(context)) }
        try context.chargeNested(values)
        return .list(values)
    }
}

final class MapNode: Node, @unchecked Sendable {
    let entries: [(key: Node, value: Node)]
    init(_ entries: [(key: Node, value: Node)], _ location: CELSourceLocation) {
        self.entries = entries
        super.init(location)
    }
    override func eval(_ context: EvalContext) throws(CELError) -> CELValue {
        try context.charge(1 + entries.count)
        var map = CELMap()
        for entry in entries {
            let key = try entry.key.eval(context)
            let value = try entry.value.eval(context)
            do {
                try map.insert(key, value)
            } catch {
                throw error.located(at: entry.key.location)
            }
        }
        try context.chargeNested(Array(map.values))
        return .map(map)
    }
}
