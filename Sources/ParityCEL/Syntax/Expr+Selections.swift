/// The fields an expression selects from a variable, read from its syntax tree.
extension Expr {
    /// A chain of field selections from a variable: `self.encryption.inTransit` is
    /// `["encryption", "inTransit"]` from `self`.
    public struct Selection: Sendable, Hashable {
        /// The fields, outermost first.
        public var path: [String]
        /// Whether the chain is only tested for presence (`has(self.encryption.atRest)`).
        public var testOnly: Bool
        /// Whether the chain is what a comprehension iterates (`self.reverts.all(...)`), not a value compared.
        public var iterated = false
    }

    /// Every longest chain of selections from the variable `root`, in the order the source
    /// reads them; a comprehension variable of the same name hides `root` inside its body.
    public func selections(from root: String) -> [Selection] {
        var found: [Selection] = []
        collect(from: root, into: &found)
        return found
    }

    private func collect(from root: String, into found: inout [Selection]) {
        switch kind {
        case .literal, .identifier:
            return
        case .select(let operand, _, _):
            var path: [String] = []
            var node: Expr = self
            var testOnly = false
            while case .select(let inner, let field, let test) = node.kind {
                path.insert(field, at: 0)
                if node === self { testOnly = test }
                node = inner
            }
            if case .identifier(let name) = node.kind, name == root {
                found.append(Selection(path: path, testOnly: testOnly))
            } else {
                operand.collect(from: root, into: &found)
            }
        case .call(_, let target, let args):
            target?.collect(from: root, into: &found)
            for arg in args { arg.collect(from: root, into: &found) }
        case .list(let items):
            for item in items { item.collect(from: root, into: &found) }
        case .map(let entries):
            for entry in entries {
                entry.key.collect(from: root, into: &found)
                entry.value.collect(from: root, into: &found)
            }
        case .comprehension(let c):
            let before = found.count
            c.range.collect(from: root, into: &found)
            if case .select = c.range.kind, found.count == before + 1 { found[before].iterated = true }
            guard c.variable != root, c.variable2 != root else { return }
            c.filter?.collect(from: root, into: &found)
            c.body.collect(from: root, into: &found)
        }
    }
}
