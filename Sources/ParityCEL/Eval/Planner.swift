/// Turns a parsed `Expr` into evaluator nodes, resolving variables to slots and functions
/// to their bodies once, so that evaluation does no name lookups beyond bound variables.
struct Planner {
    private var scopes: [(name: String, slot: Int)] = []
    private(set) var slotCount = 0
    /// The variables the expression reads (roots of dotted names, and the dotted names themselves).
    private(set) var references: Set<String> = []

    mutating func plan(_ expr: Expr) throws(CELError) -> Node {
        let at = expr.location
        switch expr.kind {
        case .literal(let value):
            return ConstantNode(value, at)
        case .identifier(let name):
            if let slot = slot(name) { return SlotNode(slot, at) }
            references.insert(name)
            return VariableNode(root: name, path: [], testOnly: false, at)
        case .select(let operand, let field, let testOnly):
            if let (root, path) = qualifiedName(operand), slot(root) == nil {
                var name = root
                references.insert(name)
                for (field, _) in path + [(field, at)] {
                    name += "." + field
                    references.insert(name)
                }
                return VariableNode(
                    root: root, path: path + [(field, at)], testOnly: testOnly, operandLocation(operand))
            }
            return SelectNode(try plan(operand), field: field, testOnly: testOnly, at)
        case .list(let items):
            var nodes: [Node] = []
            for item in items { nodes.append(try plan(item)) }
            return ListNode(nodes, at)
        case .map(let entries):
            var nodes: [(key: Node, value: Node)] = []
            for entry in entries { nodes.append((try plan(entry.key), try plan(entry.value))) }
            return MapNode(nodes, at)
        case .comprehension(let c):
            let range = try plan(c.range)
            let base = scopes.count
            scopes.append((c.variable, base))
            if let second = c.variable2 { scopes.append((second, base + 1)) }
            slotCount = max(slotCount, scopes.count)
            defer { scopes.removeLast(c.variable2 == nil ? 1 : 2) }
            let filter = try c.filter.map { (f: Expr) throws(CELError) -> Node in try plan(f) }
            let body = try plan(c.body)
            return ComprehensionNode(c.macro, range: range, slot: base, slot2: c.variable2 == nil ? nil : base + 1,
                                     filter: filter, body: body, at)
        case .call(let name, let target, let args):
            return try planCall(name, target: target, args: args, at)
        }
    }

    private func slot(_ name: String) -> Int? {
        scopes.last { $0.name == name }?.slot
    }

    /// `a.b.c` as root `a` and path `b`, `c`, when the operand is a chain of plain selections.
    private func qualifiedName(_ expr: Expr) -> (String, [(String, CELSourceLocation)])? {
        switch expr.kind {
        case .identifier(let name): return (name, [])
        case .select(let operand, let field, false):
            guard let (root, path) = qualifiedName(operand) else { return nil }
            return (root, path + [(field, expr.location)])
        default: return nil
        }
    }

    private func operandLocation(_ expr: Expr) -> CELSourceLocation {
        if case .select(let operand, _, _) = expr.kind { return operandLocation(operand) }
        return expr.location
    }

    private mutating func planCall(_ name: String, target: Expr?, args: [Expr], _ at: CELSourceLocation)
        throws(CELError) -> Node
    {
        var all: [Expr] = []
        if let target { all.append(target) }
        all += args
        var nodes: [Node] = []
        for arg in all { nodes.append(try plan(arg)) }
        switch (name, nodes.count) {
        case ("_&&_", 2): return LogicNode(and: true, nodes[0], nodes[1], at)
        case ("_||_", 2): return LogicNode(and: false, nodes[0], nodes[1], at)
        case ("_?_:_", 3): return ConditionalNode(nodes[0], nodes[1], nodes[2], at)
        case ("matches", 2):
            var constant: Regex? = nil
            if case .literal(.string(let pattern)) = all[1].kind {
                // A constant pattern compiles once; an invalid one is a compile error.
                do { constant = try Regex(pattern) } catch { throw error.located(at: all[1].location) }
            }
            return MatchNode(text: nodes[0], pattern: nodes[1], constant: constant, at)
        default: break
        }
        guard let function = Builtins.function(name, arity: nodes.count) else {
            let message =
                Builtins.exists(name)
                ? "no overload of '\(Builtins.displayName(name))' takes \(nodes.count) argument\(nodes.count == 1 ? "" : "s")"
                : "unknown function '\(name)'"
            return ErrorNode(
                CELError(Builtins.exists(name) ? .noSuchOverload : .unknownFunction, message), args: nodes, at)
        }
        switch function.body {
        case .unary(let body): return UnaryCallNode(body, allocates: function.allocates, nodes[0], at)
        case .binary(let body): return BinaryCallNode(body, allocates: function.allocates, nodes[0], nodes[1], at)
        case .nary(let body): return NaryCallNode(body, allocates: function.allocates, nodes, at)
        }
    }
}
