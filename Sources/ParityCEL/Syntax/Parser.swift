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
            throw CELError(
                .depthLimit, "expression is nested more than \(Self.maxDepth) levels deep", at: token.location)
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

    private func balance(_ name: String, _ operands: ArraySlice<Expr>, _ locations: ArraySlice<CELSourceLocation>)
        throws(CELError) -> Expr
    {
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
}
