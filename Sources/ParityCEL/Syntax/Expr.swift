/// A node of a parsed CEL expression.
public final class Expr: Sendable {
    /// What the node is.
    public enum Kind: Sendable {
        case literal(CELValue)
        case identifier(String)
        /// `operand.field`; `testOnly` is the `has(operand.field)` macro.
        case select(operand: Expr, field: String, testOnly: Bool)
        /// A function call, with `target` for receiver calls (`s.startsWith(x)`).
        /// Operators are calls too, named like `_+_`, `_[_]`, `!_`, `_?_:_`, `_&&_`.
        case call(function: String, target: Expr?, args: [Expr])
        case list([Expr])
        case map([(key: Expr, value: Expr)])
        case comprehension(Comprehension)
    }

    /// What the node is, with its children.
    public let kind: Kind
    /// Where the node starts (for calls and operators, where the operator or name is).
    public let location: CELSourceLocation
    /// Height of the tree below this node, which bounds the recursion of every walk over it.
    let height: Int

    init(_ kind: Kind, at location: CELSourceLocation) {
        self.kind = kind
        self.location = location
        var below = 0
        switch kind {
        case .literal, .identifier: below = 0
        case .select(let operand, _, _): below = operand.height
        case .call(_, let target, let args): below = max(target?.height ?? 0, args.map(\.height).max() ?? 0)
        case .list(let items): below = items.map(\.height).max() ?? 0
        case .map(let entries): below = entries.map { max($0.key.height, $0.value.height) }.max() ?? 0
        case .comprehension(let c):
            below = max(c.range.height, c.body.height, c.filter?.height ?? 0)
        }
        height = below + 1
    }
}

/// A macro over a list or map (`all`, `exists`, `map`, ...), kept as one node.
public struct Comprehension: Sendable {
    /// Which macro.
    public enum Macro: String, Sendable {
        case all, exists, existsOne, map, filter, transformList, transformMap, transformMapEntry
    }

    /// Which macro.
    public var macro: Macro
    /// The list, map or object iterated over.
    public var range: Expr
    /// The first variable: the element (one-variable forms), or index/key (two-variable forms).
    public var variable: String
    /// The second variable of the two-variable forms: the element or map value.
    public var variable2: String?
    /// The filter of `map(x, filter, transform)` and the transform macros.
    public var filter: Expr?
    /// The predicate or transform.
    public var body: Expr
}
