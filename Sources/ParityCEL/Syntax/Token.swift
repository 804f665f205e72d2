/// One lexical token of a CEL expression.
struct Token: Sendable {
    enum Kind: Equatable, Sendable {
        case identifier(String)
        /// A backquoted field name, allowed only after `.`.
        case quotedIdentifier(String)
        case int(Int64)
        /// An integer literal of magnitude 2^63, valid only after unary minus.
        case intMinMagnitude
        case uint(UInt64)
        case double(Double)
        case string(String)
        case bytes([UInt8])
        case punct(Punct)
        case end
    }

    enum Punct: String, Sendable {
        case lparen = "(", rparen = ")", lbracket = "[", rbracket = "]", lbrace = "{", rbrace = "}"
        case dot = ".", comma = ",", colon = ":", question = "?", not = "!"
        case minus = "-", plus = "+", star = "*", slash = "/", percent = "%"
        case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
        case and = "&&", or = "||", assign = "="
    }

    var kind: Kind
    var location: CELSourceLocation

    /// How the token reads in a message.
    var display: String {
        switch kind {
        case .identifier(let name): return "'\(name)'"
        case .quotedIdentifier(let name): return "'`\(name)`'"
        case .int(let value): return "'\(value)'"
        case .intMinMagnitude: return "'9223372036854775808'"
        case .uint(let value): return "'\(value)u'"
        case .double(let value): return "'\(value)'"
        case .string: return "string literal"
        case .bytes: return "bytes literal"
        case .punct(let punct): return "'\(punct.rawValue)'"
        case .end: return "end of expression"
        }
    }
}
