/// Splits a CEL expression into tokens, tracking line, column and offsets.
struct Lexer {
    let scalars: [Unicode.Scalar]
    private(set) var index = 0
    private var line = 1
    private var column = 1
    private var utf8Offset = 0

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    var location: CELSourceLocation {
        CELSourceLocation(line: line, column: column, offset: index, utf8Offset: utf8Offset)
    }

    func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let at = index + ahead
        return at < scalars.count ? scalars[at] : nil
    }

    mutating func advance() {
        guard index < scalars.count else { return }
        let scalar = scalars[index]
        index += 1
        utf8Offset += UTF8.width(scalar)
        if scalar == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }

    func error(_ message: String, at location: CELSourceLocation) -> CELError {
        CELError(.parse, message, at: location)
    }

    /// The next token, skipping whitespace and `//` comments.
    mutating func next() throws(CELError) -> Token {
        skipTrivia()
        let start = location
        guard let c = peek() else { return Token(kind: .end, location: start) }
        if c.isIdentifierStart {
            if let prefixed = try lexPrefixedString(start) { return prefixed }
            var name = ""
            while let s = peek(), s.isIdentifierPart {
                name.unicodeScalars.append(s)
                advance()
            }
            return Token(kind: .identifier(name), location: start)
        }
        if c.isDigit || (c == "." && peek(1)?.isDigit == true) {
            return Token(kind: try lexNumber(start), location: start)
        }
        if c == "\"" || c == "'" {
            let text = try lexQuoted(raw: false, bytes: false, start: start)
            return Token(kind: .string(text.string), location: start)
        }
        if c == "`" {
            advance()
            var name = ""
            while let s = peek(), s != "`" {
                if s == "\n" { break }
                name.unicodeScalars.append(s)
                advance()
            }
            guard peek() == "`" else { throw error("unterminated quoted identifier", at: start) }
            advance()
            guard !name.isEmpty,
                name.unicodeScalars.allSatisfy({ $0.isIdentifierPart || "/-. ~".unicodeScalars.contains($0) })
            else { throw error("invalid quoted identifier '`\(name)`'", at: start) }
            return Token(kind: .quotedIdentifier(name), location: start)
        }
        return Token(kind: .punct(try lexPunct(c, start)), location: start)
    }

    private mutating func skipTrivia() {
        while let c = peek() {
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" {
                advance()
            } else if c == "/", peek(1) == "/" {
                while let s = peek(), s != "\n" { advance() }
            } else {
                return
            }
        }
    }

    private mutating func lexPunct(_ c: Unicode.Scalar, _ start: CELSourceLocation) throws(CELError) -> Token.Punct {
        let two = peek(1).map { String(c) + String($0) }
        if let two, let punct = Token.Punct(rawValue: two), two.count == 2 {
            advance()
            advance()
            return punct
        }
        if c == "&" || c == "|" {
            throw error("unexpected character '\(c)'; did you mean '\(c)\(c)'?", at: start)
        }
        if let punct = Token.Punct(rawValue: String(c)), punct != .assign {
            advance()
            return punct
        }
        if c == "=" { throw error("unexpected character '='; did you mean '=='?", at: start) }
        throw error("unexpected character '\(c.escaped(asASCII: true))'", at: start)
    }

    /// A string or bytes literal starting with an `r`, `b`, `rb` or `br` prefix, if there is one.
    private mutating func lexPrefixedString(_ start: CELSourceLocation) throws(CELError) -> Token? {
        var raw = false, bytes = false, length = 0
        while length < 2, let s = peek(length) {
            if (s == "r" || s == "R") && !raw {
                raw = true
            } else if (s == "b" || s == "B") && !bytes {
                bytes = true
            } else {
                break
            }
            length += 1
        }
        guard length > 0, let quote = peek(length), quote == "\"" || quote == "'" else { return nil }
        for _ in 0..<length { advance() }
        let text = try lexQuoted(raw: raw, bytes: bytes, start: start)
        return Token(kind: bytes ? .bytes(text.bytes) : .string(text.string), location: start)
    }
}

extension Unicode.Scalar {
    var isDigit: Bool { ("0"..."9").contains(self) }
    var isHexDigit: Bool { isDigit || ("a"..."f").contains(self) || ("A"..."F").contains(self) }
    var isIdentifierStart: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) || self == "_" }
    var isIdentifierPart: Bool { isIdentifierStart || isDigit }
    var hexValue: Int? {
        switch self {
        case "0"..."9": return Int(value) - 48
        case "a"..."f": return Int(value) - 87
        case "A"..."F": return Int(value) - 55
        default: return nil
        }
    }
}
