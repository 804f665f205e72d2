/// Unary operators, member access, calls, literals, lists and maps.
extension Parser {
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

    func negativeLiteral() -> CELValue? {
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

    mutating func parseIdentifier(_ name: String, at: CELSourceLocation) throws(CELError) -> Expr {
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

    mutating func parseList() throws(CELError) -> Expr {
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

    mutating func parseMap() throws(CELError) -> Expr {
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
