/// Calls, and the macros that look like calls (`has`, `all`, `exists`, `map`, ...).
extension Parser {
    func globalCall(_ name: String, args: [Expr], at: CELSourceLocation) throws(CELError) -> Expr {
        if name == "has" {
            guard args.count == 1, case .select(let operand, let field, _) = args[0].kind else {
                throw CELError(
                    .parse, "invalid argument to has(): expected a field selection such as has(x.field)",
                    at: args.first?.location ?? at)
            }
            return try make(.select(operand: operand, field: field, testOnly: true), at: args[0].location)
        }
        return try make(.call(function: name, target: nil, args: args), at: at)
    }

    func receiverCall(_ name: String, target: Expr, args: [Expr], at: CELSourceLocation) throws(CELError) -> Expr {
        guard let form = Self.macroForm(name, argumentCount: args.count) else {
            return try make(.call(function: name, target: target, args: args), at: at)
        }
        var names: [String] = []
        for arg in args.prefix(form.variables) {
            guard case .identifier(let variable) = arg.kind else {
                throw CELError(
                    .parse,
                    "the first argument\(form.variables == 2 ? "s" : "") of \(name)() must be simple variable names",
                    at: arg.location)
            }
            names.append(variable)
        }
        let rest = Array(args.dropFirst(form.variables))
        let comprehension = Comprehension(
            macro: form.macro,
            range: target,
            variable: names[0],
            variable2: names.count > 1 ? names[1] : nil,
            filter: rest.count == 2 ? rest[0] : nil,
            body: rest[rest.count - 1]
        )
        return try make(.comprehension(comprehension), at: at)
    }

    /// The macro a receiver call names, and how many leading arguments are variables.
    static func macroForm(_ name: String, argumentCount: Int) -> (macro: Comprehension.Macro, variables: Int)? {
        switch (name, argumentCount) {
        case ("all", 2): return (.all, 1)
        case ("all", 3): return (.all, 2)
        case ("exists", 2): return (.exists, 1)
        case ("exists", 3): return (.exists, 2)
        case ("exists_one", 2), ("existsOne", 2): return (.existsOne, 1)
        case ("exists_one", 3), ("existsOne", 3): return (.existsOne, 2)
        case ("map", 2), ("map", 3): return (.map, 1)
        case ("filter", 2): return (.filter, 1)
        case ("transformList", 3), ("transformList", 4): return (.transformList, 2)
        case ("transformMap", 3), ("transformMap", 4): return (.transformMap, 2)
        case ("transformMapEntry", 3), ("transformMapEntry", 4): return (.transformMapEntry, 2)
        default: return nil
        }
    }
}
