/// Number and quoted-literal lexing, with CEL's escapes.
extension Lexer {
    /// The decoded text of a quoted literal, as bytes (for `b"..."`) or a string.
    struct QuotedText {
        var bytes: [UInt8] = []
        var string: String { String(decoding: bytes, as: UTF8.self) }

        mutating func append(_ scalar: Unicode.Scalar) {
            bytes.append(contentsOf: String(scalar).utf8)
        }
    }

    mutating func lexNumber(_ start: CELSourceLocation) throws(CELError) -> Token.Kind {
        var text = ""
        if peek() == "0", peek(1) == "x" || peek(1) == "X" {
            advance()
            advance()
            while let s = peek(), s.isHexDigit {
                text.unicodeScalars.append(s)
                advance()
            }
            guard !text.isEmpty else { throw error("invalid hexadecimal literal", at: start) }
            return try integerSuffix(text, radix: 16, start)
        }
        var isDouble = false
        while let s = peek(), s.isDigit {
            text.unicodeScalars.append(s)
            advance()
        }
        if peek() == ".", peek(1)?.isDigit == true {
            isDouble = true
            text.append(".")
            advance()
            while let s = peek(), s.isDigit {
                text.unicodeScalars.append(s)
                advance()
            }
        }
        if peek() == "e" || peek() == "E" {
            var ahead = 1
            if peek(1) == "+" || peek(1) == "-" { ahead = 2 }
            if peek(ahead)?.isDigit == true {
                isDouble = true
                text.append("e")
                for _ in 1..<ahead {
                    advance()
                    text.unicodeScalars.append(scalars[index])
                }
                advance()
                while let s = peek(), s.isDigit {
                    text.unicodeScalars.append(s)
                    advance()
                }
            }
        }
        if isDouble {
            guard let value = Double(text) else { throw error("invalid floating point literal", at: start) }
            return .double(value)
        }
        return try integerSuffix(text, radix: 10, start)
    }

    private mutating func integerSuffix(_ text: String, radix: Int, _ start: CELSourceLocation) throws(CELError)
        -> Token.Kind
    {
        if peek() == "u" || peek() == "U" {
            advance()
            guard let value = UInt64(text, radix: radix) else {
                throw error("unsigned integer literal out of range", at: start)
            }
            return .uint(value)
        }
        if let value = Int64(text, radix: radix) { return .int(value) }
        if UInt64(text, radix: radix) == UInt64(Int64.max) + 1 { return .intMinMagnitude }
        throw error("integer literal out of range", at: start)
    }

    /// Lexes a quoted literal whose opening quote is the current scalar.
    mutating func lexQuoted(raw: Bool, bytes: Bool, start: CELSourceLocation) throws(CELError) -> QuotedText {
        guard let quote = peek() else { throw error("unterminated string literal", at: start) }
        let triple = peek(1) == quote && peek(2) == quote
        for _ in 0..<(triple ? 3 : 1) { advance() }
        var text = QuotedText()
        while true {
            guard let c = peek() else { throw error("unterminated string literal", at: start) }
            if c == quote {
                if !triple {
                    advance()
                    return text
                }
                if peek(1) == quote && peek(2) == quote {
                    advance()
                    advance()
                    advance()
                    return text
                }
            }
            if !triple, c == "\n" || c == "\r" {
                throw error("unterminated string literal (use a triple-quoted string for several lines)", at: start)
            }
            if c == "\\", !raw {
                try lexEscape(into: &text, bytes: bytes)
                continue
            }
            text.append(c)
            advance()
        }
    }

    private mutating func lexEscape(into text: inout QuotedText, bytes: Bool) throws(CELError) {
        let at = location
        advance()
        guard let c = peek() else { throw error("unterminated string literal", at: at) }
        advance()
        switch c {
        case "\\", "?", "\"", "'", "`": text.append(c)
        case "a": text.append("\u{07}")
        case "b": text.append("\u{08}")
        case "f": text.append("\u{0C}")
        case "n": text.append("\n")
        case "r": text.append("\r")
        case "t": text.append("\t")
        case "v": text.append("\u{0B}")
        case "x", "X":
            let value = try hexDigits(2, at)
            if bytes { text.bytes.append(UInt8(value)) } else { text.append(Unicode.Scalar(UInt8(value))) }
        case "u", "U":
            if bytes { throw error("unicode escapes are not allowed in bytes literals", at: at) }
            let value = try hexDigits(c == "u" ? 4 : 8, at)
            guard let scalar = Unicode.Scalar(value) else {
                throw error("invalid unicode code point in escape sequence", at: at)
            }
            text.append(scalar)
        case "0"..."3":
            var value = Int(c.value) - 48
            for _ in 0..<2 {
                guard let d = peek(), ("0"..."7").contains(d) else {
                    throw error("invalid octal escape sequence (three octal digits expected)", at: at)
                }
                value = value * 8 + Int(d.value) - 48
                advance()
            }
            if bytes { text.bytes.append(UInt8(value)) } else { text.append(Unicode.Scalar(UInt8(value))) }
        default:
            throw error("invalid escape sequence '\\\(c.escaped(asASCII: true))'", at: at)
        }
    }

    private mutating func hexDigits(_ count: Int, _ at: CELSourceLocation) throws(CELError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let d = peek()?.hexValue else {
                throw error("invalid escape sequence (\(count) hexadecimal digits expected)", at: at)
            }
            value = value * 16 + UInt32(d)
            advance()
        }
        return value
    }
}
