/// Infers the type of an expression against declarations, reporting the first error found:
/// undeclared references, unknown fields (with a suggestion), calls with no matching overload.
/// `dyn` passes everywhere, so partially declared data still checks.
struct Checker {
    let declarations: CELDeclarations
    private var scopes: [(name: String, type: CELType)] = []

    init(_ declarations: CELDeclarations) { self.declarations = declarations }

    mutating func check(_ expr: Expr) throws(CELError) -> CELType {
        try type(of: expr)
    }

    private mutating func type(of expr: Expr) throws(CELError) -> CELType {
        let at = expr.location
        switch expr.kind {
        case .literal(let value):
            return value.type
        case .identifier(let name):
            if let local = scopes.last(where: { $0.name == name }) { return local.type }
            if let declared = declarations.variables[name] { return declared }
            if let denoted = CELType.denotable[name] { return .type(denoted) }
            throw CELError(
                .undeclaredReference,
                "undeclared reference to '\(name)'\(Suggest.didYouMean(name, in: candidateNames))", at: at)
        case .select(let operand, let field, let testOnly):
            if let resolved = try qualified(expr) { return resolved }
            let fieldType = try self.field(field, of: try type(of: operand), at: at)
            return testOnly ? .bool : fieldType
        case .list(let items):
            var element: CELType? = nil
            for item in items { element = Self.join(element, try type(of: item)) }
            return .list(element ?? .dyn)
        case .map(let entries):
            var key: CELType? = nil, value: CELType? = nil
            for entry in entries {
                let k = try type(of: entry.key)
                switch k {
                case .int, .uint, .bool, .string, .dyn, .typeParameter: break
                default:
                    throw CELError(.invalidKey, "unsupported map key type '\(k)'", at: entry.key.location)
                }
                key = Self.join(key, k)
                value = Self.join(value, try type(of: entry.value))
            }
            return .map(key ?? .dyn, value ?? .dyn)
        case .comprehension(let c):
            return try comprehension(c, at: at)
        case .call(let name, let target, let args):
            var types: [CELType] = []
            if let target { types.append(try type(of: target)) }
            for arg in args { types.append(try type(of: arg)) }
            return try call(name, types, at: at)
        }
    }

    private var candidateNames: [String] {
        scopes.map(\.name) + Array(declarations.variables.keys)
    }

    /// A dotted name (`a.b.c`) whose longest declared prefix is a variable; nil when it is not one.
    private mutating func qualified(_ expr: Expr) throws(CELError) -> CELType? {
        var path: [(String, CELSourceLocation)] = []
        var node = expr
        while case .select(let operand, let field, let testOnly) = node.kind {
            if testOnly, node !== expr { return nil }
            path.insert((field, node.location), at: 0)
            node = operand
        }
        guard case .identifier(let root) = node.kind, !scopes.contains(where: { $0.name == root }) else { return nil }
        var testOnly = false
        if case .select(_, _, true) = expr.kind { testOnly = true }
        for used in stride(from: path.count, to: 0, by: -1) {
            let name = ([root] + path.prefix(used).map(\.0)).joined(separator: ".")
            guard var current = declarations.variables[name] else { continue }
            for (field, location) in path.dropFirst(used) { current = try self.field(field, of: current, at: location) }
            return testOnly ? .bool : current
        }
        let fullName = ([root] + path.map(\.0)).joined(separator: ".")
        if !testOnly, let denoted = CELType.denotable[fullName] { return .type(denoted) }
        return nil
    }

    private func field(_ name: String, of type: CELType, at: CELSourceLocation) throws(CELError) -> CELType {
        switch type {
        case .dyn, .typeParameter: return .dyn
        case .map(_, let value): return value
        case .object(let typeName):
            guard let fields = declarations.objectTypes[typeName] else { return .dyn }
            guard let fieldType = fields[name] else {
                throw CELError(
                    .noSuchField, "no such field '\(name)' on \(typeName)\(Suggest.didYouMean(name, in: fields.keys))",
                    at: at)
            }
            return fieldType
        default:
            throw CELError(.noSuchField, "cannot select field '\(name)' from a value of type '\(type)'", at: at)
        }
    }

    private mutating func comprehension(_ c: Comprehension, at: CELSourceLocation) throws(CELError) -> CELType {
        let range = try type(of: c.range)
        let first: CELType, second: CELType
        switch range {
        case .list(let element): (first, second) = (c.variable2 == nil ? element : .int, element)
        case .map(let key, let value): (first, second) = (key, value)
        case .object: (first, second) = (.string, .dyn)
        case .dyn, .typeParameter: (first, second) = (.dyn, .dyn)
        default:
            throw CELError(
                .noSuchOverload, "\(c.macro.rawValue)() cannot iterate over a value of type '\(range)'",
                at: c.range.location)
        }
        scopes.append((c.variable, first))
        if let second2 = c.variable2 { scopes.append((second2, second)) }
        defer { scopes.removeLast(c.variable2 == nil ? 1 : 2) }
        if let filter = c.filter { try expectBool(try type(of: filter), c.macro.rawValue, at: filter.location) }
        let body = try type(of: c.body)
        switch c.macro {
        case .all, .exists, .existsOne, .filter:
            try expectBool(body, c.macro.rawValue, at: c.body.location)
            return c.macro == .filter ? .list(first) : .bool
        case .map, .transformList: return .list(body)
        case .transformMap: return .map(first, body)
        case .transformMapEntry:
            switch body {
            case .map, .dyn, .typeParameter: return body == .dyn ? .map(.dyn, .dyn) : body
            default:
                throw CELError(
                    .typeMismatch, "transformMapEntry() expects a map of entries to add, found '\(body)'",
                    at: c.body.location)
            }
        }
    }

    private func expectBool(_ type: CELType, _ what: String, at: CELSourceLocation) throws(CELError) {
        switch type {
        case .bool, .dyn, .typeParameter: return
        default:
            throw CELError(.typeMismatch, "\(what)() expects a bool condition, found '\(type)'", at: at)
        }
    }

    private func call(_ name: String, _ args: [CELType], at: CELSourceLocation) throws(CELError) -> CELType {
        switch name {
        case "_&&_", "_||_", "!_":
            for arg in args where arg != .bool && arg != .dyn {
                throw noOverload(name, args, at)
            }
            return .bool
        case "_?_:_":
            guard args[0] == .bool || args[0] == .dyn else { throw noOverload(name, args, at) }
            return Self.join(args[1], args[2])
        case "_==_", "_!=_":
            // Runtime equality is defined for any two values, but comparing an int with a
            // string is always false and almost always a mistake, so the checker refuses it.
            guard Self.equatable(args[0], args[1]) else { throw noOverload(name, args, at) }
            return .bool
        case "@in":
            switch args[1] {
            case .list(let element), .map(let element, _):
                guard Self.equatable(args[0], element) else { throw noOverload(name, args, at) }
                return .bool
            case .object:
                guard Self.equatable(args[0], .string) else { throw noOverload(name, args, at) }
                return .bool
            default:
                break
            }
        default:
            break
        }
        guard let signatures = Signatures.table[name] else {
            throw CELError(
                .unknownFunction,
                "unknown function '\(name)'\(Suggest.didYouMean(name, in: Signatures.table.keys.filter { !$0.contains("_") && !$0.hasPrefix("@") }))",
                at: at)
        }
        var result: CELType? = nil
        for signature in signatures where signature.params.count == args.count {
            var bindings: [String: CELType] = [:]
            guard zip(signature.params, args).allSatisfy({ Self.unify($0, $1, &bindings) }) else { continue }
            let resolved = Self.substitute(signature.result, bindings)
            if result == nil {
                result = resolved
            } else if result != resolved {
                result = .dyn
            }
        }
        guard let result else { throw noOverload(name, args, at) }
        return result
    }

    private func noOverload(_ name: String, _ args: [CELType], _ at: CELSourceLocation) -> CELError {
        CELError(
            .noSuchOverload,
            "no matching overload for '\(Builtins.displayName(name))' applied to (\(args.map(\.description).joined(separator: ", ")))"
                + Self.overloadFix(name, args), at: at)
    }

    /// What to write instead of a call no overload takes: a conversion when text meets a
    /// number or numbers of two kinds meet, else the forms the function takes.
    static func overloadFix(_ name: String, _ args: [CELType]) -> String {
        let numbers: Set<CELType> = [.int, .uint, .double]
        if args.count == 2, args.contains(.string), args.contains(where: numbers.contains) {
            return "; convert one side first: int(x) or double(x) for a number, string(x) for text"
        }
        if args.count == 2, args.allSatisfy(numbers.contains) {
            return "; CEL does not mix int, uint and double: convert one side with int(x), uint(x) or double(x)"
        }
        // Generic forms (`(A, list(B))`) say nothing a reader can act on.
        let forms = (Signatures.table[name] ?? []).filter { form in
            form.params.count == args.count && !form.params.contains { $0.description.contains(where: \.isUppercase) }
        }
        guard !forms.isEmpty else { return "" }
        let shown = forms.prefix(4).map { "(" + $0.params.map(\.description).joined(separator: ", ") + ")" }
        return "; it takes \(shown.joined(separator: ", "))\(forms.count > 4 ? ", ..." : "")"
    }

    /// Whether values of the two types can ever be equal: the same type, numbers of any kind,
    /// `null` against anything, or `dyn` on either side.
    static func equatable(_ a: CELType, _ b: CELType) -> Bool {
        let numbers: Set<CELType> = [.int, .uint, .double]
        switch (a, b) {
        case (.dyn, _), (_, .dyn), (.typeParameter, _), (_, .typeParameter), (.null, _), (_, .null): return true
        case (.list(let x), .list(let y)): return equatable(x, y)
        case (.map(let k1, let v1), .map(let k2, let v2)): return equatable(k1, k2) && equatable(v1, v2)
        case (.type, .type): return true
        default: return a == b || (numbers.contains(a) && numbers.contains(b))
        }
    }

    /// Whether `arg` fits `param`, binding type parameters; `dyn` fits anything both ways.
    static func unify(_ param: CELType, _ arg: CELType, _ bindings: inout [String: CELType]) -> Bool {
        switch (param, arg) {
        case (.dyn, _), (_, .dyn): return true
        case (.typeParameter(let name), _):
            if let bound = bindings[name] {
                if bound == .dyn { bindings[name] = arg }
                return bound == .dyn || bound == arg || Self.isLoose(bound, arg)
            }
            bindings[name] = arg
            return true
        case (.list(let p), .list(let a)): return unify(p, a, &bindings)
        case (.map(let pk, let pv), .map(let ak, let av)): return unify(pk, ak, &bindings) && unify(pv, av, &bindings)
        case (.map, .object): return true
        case (.type(let p), .type(let a)): return unify(p, a, &bindings)
        default: return param == arg
        }
    }

    private static func isLoose(_ a: CELType, _ b: CELType) -> Bool {
        var scratch: [String: CELType] = [:]
        return unify(a, b, &scratch)
    }

    static func substitute(_ type: CELType, _ bindings: [String: CELType]) -> CELType {
        switch type {
        case .typeParameter(let name): return bindings[name] ?? .dyn
        case .list(let e): return .list(substitute(e, bindings))
        case .map(let k, let v): return .map(substitute(k, bindings), substitute(v, bindings))
        case .type(let t): return .type(substitute(t, bindings))
        default: return type
        }
    }

    /// The common type of two branches or elements; different types join as `dyn`.
    static func join(_ a: CELType?, _ b: CELType) -> CELType {
        guard let a else { return b }
        return a == b ? a : .dyn
    }
}
