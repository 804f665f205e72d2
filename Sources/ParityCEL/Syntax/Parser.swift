/// A recursive-descent parser for the CEL grammar, with bounded recursion.
///
/// Every walk of the tree (checker, planner, evaluator) recurses once per level, so the parser
/// refuses nesting deeper than `maxDepth` and trees taller than `maxHeight` with a
/// `cel.depth-limit` diagnostic instead of letting a later stage overflow the stack.
struct Parser {
    /// Nesting of parentheses, brackets, braces, calls and unary operators (cel-go's limit).
    static let maxDepth = 250
    /// Height of the syntax tree, which also bounds long chains such as `a + a + ... + a`.
    static let maxHeight = 500

    static let reserved: Set<String> = [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "in",
        "let", "loop", "package", "namespace", "return", "var", "void", "while",
    ]

    var lexer: Lexer
    var token: Token
    var depth = 0

    init(_ source: String) throws(CELError) {
        lexer = Lexer(source)
        token = Token(kind: .end, location: .start)
        token = try lexer.next()
    }

    /// Parses a whole expression.
    static func parse(_ source: String) throws(CELError) -> Expr {
        var parser = try Parser(source)
        let expr = try parser.parseExpr()
        guard case .end = parser.token.kind else {
            throw parser.unexpected("an operator or the end of the expression")
        }
        return expr
    }

    mutating func bump() throws(CELError) {
        token = try lexer.next()
    }

    func unexpected(_ expected: String) -> CELError {
        CELError(.parse, "unexpected \(token.display); expected \(expected)", at: token.location)
    }

    func isPunct(_ punct: Token.Punct) -> Bool {
        if case .punct(let p) = token.kind { return p == punct }
        return false
    }

    mutating func expect(_ punct: Token.Punct) throws(CELError) {
        guard isPunct(punct) else { throw unexpected("'\(punct.rawValue)'") }
        try bump()
    }

    func make(_ kind: Expr.Kind, at location: CELSourceLocation) throws(CELError) -> Expr {
        let expr = Expr(kind, at: location)
        if expr.height > Self.maxHeight {
            throw CELError(.depthLimit, "expression is nested more than \(Self.maxHeight) levels deep", at: location)
        }
        return expr
    }

    func call(_ name: String, _ args: [Expr], at location: CELSourceLocation) throws(CELError) -> Expr {
        try make(.call(function: name, target: nil, args: args), at: location)
    }

    mutating func enter() throws(CELError) {
        depth += 1
        if depth > Self.maxDepth {
            throw CELError(.depthLimit, "expression is nested more than \(Self.maxDepth) levels deep", at: token.location)
        }
    }

    mutating func parseExpr() throws(CELError) -> Expr {
        try enter()
        defer { depth -= 1 }
        let condition = try parseLogical(or: true)
        guard isPunct(.question) else { return condition }
        let at = token.location
        try bump()
        let then = try parseLogical(or: true)
        try expect(.colon)
        let otherwise = try parseExpr()
        return try call("_?_:_", [condition, then, otherwise], at: at)
    }

    /// `a || b || c` (or `&&`), built as a balanced tree so long chains stay shallow.
    mutating func parseLogical(or: Bool) throws(CELError) -> Expr {
        let op: Token.Punct = or ? .or : .and
        var operands = [or ? try parseLogical(or: false) : try parseRelation()]
        var locations: [CELSourceLocation] = []
        while isPunct(op) {
            locations.append(token.location)
            try bump()
            operands.append(or ? try parseLogical(or: false) : try parseRelation())
        }
        return try balance(or ? "_||_" : "_&&_", operands[...], locations[...])
    }

    private func balance(_ name: String, _ operands: ArraySlice<Expr>, _ locations: ArraySlice<CELSourceLocation>) throws(CELError) -> Expr {
        if operands.count == 1, let only = operands.first { return only }
        let mid = operands.startIndex + operands.count / 2
        let left = try balance(name, operands[..<mid], locations[locations.startIndex..<(mid - 1)])
        let right = try balance(name, operands[mid...], locations[mid...])
        return try call(name, [left, right], at: locations[mid - 1])
    }

    mutating func parseRelation() throws(CELError) -> Expr {
        var left = try parseAddition()
        while true {
            let name: String
            switch token.kind {
            case .punct(.lt): name = "_<_"
            case .punct(.le): name = "_<=_"
            case .punct(.gt): name = "_>_"
            case .punct(.ge): name = "_>=_"
            case .punct(.eq): name = "_==_"
            case .punct(.ne): name = "_!=_"
            case .identifier("in"): name = "@in"
            default: return left
            }
            let at = token.location
            try bump()
            left = try call(name, [left, try parseAddition()], at: at)
        }
    }

    mutating func parseAddition() throws(CELError) -> Expr {
        var left = try parseMultiplication()
        while true {
            let name: String
            switch token.kind {
            case .punct(.plus): name = "_+_"
            case .punct(.minus): name = "_-_"
            default: return left
            }
            let at = token.location
            try bump()
            left = try call(name, [left, try parseMultiplication()], at: at)
        }
    }

    mutating func parseMultiplication() throws(CELError) -> Expr {
        var left = try parseUnary()
        while true {
            let name: String
            switch token.kind {
            case .punct(.star): name = "_*_"
            case .punct(.slash): name = "_/_"
            case .punct(.percent): name = "_%_"
            default: return left
            }
            let at = token.location
            try bump()
            left = try call(name, [left, try parseUnary()], at: at)
        }
    }

    mutating func parseUnary() throws(CELError) -> Expr {
        var ops: [(name: String, at: CELSourceLocation)] = []
        while isPunct(.not) || isPunct(.minus) {
            ops.append((isPunct(.not) ? "!_" : "-_", token.location))
            if ops.count > Self.maxDepth {
                throw CELError(.depthLimit, "more than \(Self.maxDepth) unary operators in a row", at: token.location)
            }
            try bump()
        }
        var operand: Expr
        if let last = ops.last, last.name == "-_", let negative = negativeLiteral() {
            // `-5` is one literal, so that -9223372036854775808 can be written.
            ops.removeLast()
            try bump()
            operand = try parseMemberSuffixes(try make(.literal(negative), at: last.at))
        } else {
            operand = try parseMember()
        }
        for op in ops.reversed() {
            operand = try call(op.name, [operand], at: op.at)
        }
        return operand
    }

    private func negativeLiteral() -> CELValue? {
        switch token.kind {
        case .int(let value): return .int(-value)
        case .intMinMagnitude: return .int(.min)
        case .double(let value): return .double(-value)
        default: return nil
        }
    }

    mutating func parseMember() throws(CELError) -> Expr {
        try parseMemberSuffixes(try parsePrimary())
    }

    mutating func parseMemberSuffixes(_ primary: Expr) throws(CELError) -> Expr {
        var expr = primary
        while true {
            if isPunct(.dot) {
                let at = token.location
                try bump()
                let name: String
                switch token.kind {
                case .identifier(let ident): name = ident
                case .quotedIdentifier(let ident): name = ident
                default: throw unexpected("a field or function name after '.'")
                }
                let isQuoted: Bool
                if case .quotedIdentifier = token.kind { isQuoted = true } else { isQuoted = false }
                let nameAt = token.location
                try bump()
                if isPunct(.lparen), !isQuoted {
                    let args = try parseArguments()
                    expr = try receiverCall(name, target: expr, args: args, at: nameAt)
                } else {
                    expr = try make(.select(operand: expr, field: name, testOnly: false), at: at)
                }
            } else if isPunct(.lbracket) {
                let at = token.location
                try bump()
                let index = try parseExpr()
                try expect(.rbracket)
                expr = try call("_[_]", [expr, index], at: at)
            } else {
                return expr
            }
        }
    }

    /// `(a, b, c)`, the current token being `(`.
    mutating func parseArguments() throws(CELError) -> [Expr] {
        try expect(.lparen)
        var args: [Expr] = []
        while !isPunct(.rparen) {
            args.append(try parseExpr())
            guard isPunct(.comma) else { break }
            try bump()
        }
        try expect(.rparen)
        return args
    }

    mutating func parsePrimary() throws(CELError) -> Expr {
        let at = token.location
        switch token.kind {
        case .int(let value):
            try bump()
            return try make(.literal(.int(value)), at: at)
        case .intMinMagnitude:
            throw CELError(.parse, "integer literal out of range", at: at)
        case .uint(let value):
            try bump()
            return try make(.literal(.uint(value)), at: at)
        case .double(let value):
            try bump()
            return try make(.literal(.double(value)), at: at)
        case .string(let value):
            try bump()
            return try make(.literal(.string(value)), at: at)
        case .bytes(let value):
            try bump()
            return try make(.literal(.bytes(value)), at: at)
        case .identifier(let name):
            return try parseIdentifier(name, at: at)
        case .punct(.dot):
            // A leading dot names the root scope; there are no containers here, so it changes nothing.
            try bump()
            guard case .identifier(let name) = token.kind else { throw unexpected("an identifier after '.'") }
            return try parseIdentifier(name, at: at)
        case .punct(.lparen):
            try bump()
            let inner = try parseExpr()
            try expect(.rparen)
            return inner
        case .punct(.lbracket):
            return try parseList()
        case .punct(.lbrace):
            return try parseMap()
        default:
            throw unexpected("an expression")
        }
    }

    private mutating func parseIdentifier(_ name: String, at: CELSourceLocation) throws(CELError) -> Expr {
        switch name {
        case "true", "false":
            try bump()
            return try make(.literal(.bool(name == "true")), at: at)
        case "null":
            try bump()
            return try make(.literal(.null), at: at)
        default:
            break
        }
        if Self.reserved.contains(name) {
            throw CELError(.parse, "'\(name)' is a reserved word and cannot be used as an identifier", at: at)
        }
        try bump()
        if isPunct(.lparen) {
            let args = try parseArguments()
            return try globalCall(name, args: args, at: at)
        }
        if isPunct(.lbrace) {
            throw CELError(.parse, "message construction ('\(name){...}') is not supported", at: token.location)
        }
        return try make(.identifier(name), at: at)
    }

    private mutating func parseList() throws(CELError) -> Expr {
        let at = token.location
        try enter()
        defer { depth -= 1 }
        try bump()
        var items: [Expr] = []
        while !isPunct(.rbracket) {
            items.append(try parseExpr())
            guard isPunct(.comma) else { break }
            try bump()
        }
        try expect(.rbracket)
        return try make(.list(items), at: at)
    }

    private mutating func parseMap() throws(CELError) -> Expr {
        let at = token.location
        try enter()
        defer { depth -= 1 }
        try bump()
        var entries: [(key: Expr, value: Expr)] = []
        while !isPunct(.rbrace) {
            let key = try parseExpr()
            try expect(.colon)
            let value = try parseExpr()
            entries.append((key, value))
            guard isPunct(.comma) else { break }
            try bump()
        }
        try expect(.rbrace)
        return try make(.map(entries), at: at)
    }
}
