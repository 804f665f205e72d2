/// Escapes (`\d`, `\x{..}`, `\p{L}`) and bracketed character classes.
extension RegexParser {
    mutating func parseEscape(_ flags: Flags) throws(CELError) -> RegexNode {
        guard let c = next() else { throw error("trailing backslash") }
        switch c {
        case "A": return .assertion(.beginText)
        case "z": return .assertion(.endText)
        case "b": return .assertion(.wordBoundary)
        case "B": return .assertion(.notWordBoundary)
        case "1"..."9": throw error("backreferences (\\\(c)) are not supported")
        case "Z": throw error("\\Z is not supported; use \\z or $")
        case "Q":
            // \Q...\E: everything in between is literal.
            var items: [RegexNode] = []
            while let s = peek() {
                if s == "\\", peek(1) == "E" {
                    index += 2
                    break
                }
                items.append(.literal(s, foldCase: flags.caseInsensitive))
                index += 1
            }
            return .concat(items)
        default:
            if let ranges = try classEscape(c) {
                return .charClass(CharClass(ranges: ranges, negated: false, foldCase: flags.caseInsensitive))
            }
            return .literal(try literalEscape(c), foldCase: flags.caseInsensitive)
        }
    }

    /// `\d \w \s \p{..}` and their negations, as ranges; nil for other escapes.
    mutating func classEscape(_ c: Unicode.Scalar) throws(CELError) -> [ClosedRange<UInt32>]? {
        switch c {
        case "d": return CharClass.digit
        case "D": return CharClass.complement(CharClass.digit)
        case "w": return CharClass.word
        case "W": return CharClass.complement(CharClass.word)
        case "s": return CharClass.space
        case "S": return CharClass.complement(CharClass.space)
        case "p", "P":
            var name = ""
            if peek() == "{" {
                index += 1
                while let s = next(), s != "}" { name.unicodeScalars.append(s) }
            } else if let s = next() {
                name = String(s)
            }
            var negated = c == "P"
            if name.hasPrefix("^") {
                negated.toggle()
                name.removeFirst()
            }
            guard let ranges = UnicodeClasses.ranges(name) else { throw error("unknown unicode class \\\(c){\(name)}") }
            return negated ? CharClass.complement(ranges) : ranges
        default: return nil
        }
    }

    mutating func literalEscape(_ c: Unicode.Scalar) throws(CELError) -> Unicode.Scalar {
        switch c {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "f": return "\u{0C}"
        case "v": return "\u{0B}"
        case "a": return "\u{07}"
        case "0": return "\0"
        case "x":
            var value: UInt32 = 0
            if peek() == "{" {
                index += 1
                while let s = next(), s != "}" {
                    guard let d = s.hexValue else { throw error("invalid \\x{...} escape") }
                    value = value * 16 + UInt32(d)
                    if value > 0x10FFFF { throw error("invalid \\x{...} escape") }
                }
            } else {
                for _ in 0..<2 {
                    guard let d = next()?.hexValue else { throw error("invalid \\x escape") }
                    value = value * 16 + UInt32(d)
                }
            }
            guard let scalar = Unicode.Scalar(value) else { throw error("invalid \\x escape") }
            return scalar
        default:
            if c.value < 128, !c.isIdentifierPart { return c }  // escaped punctuation
            throw error("invalid escape sequence '\\\(c)'")
        }
    }

    mutating func parseClass(_ flags: Flags) throws(CELError) -> CharClass {
        var negated = false
        if peek() == "^" {
            negated = true
            index += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while true {
            guard let c = next() else { throw error("missing ']'") }
            if c == "]", !first { break }
            first = false
            if c == "[", peek() == ":" {
                var name = ""
                index += 1
                var negatedPosix = false
                if peek() == "^" { negatedPosix = true; index += 1 }
                while let s = next(), s != ":" { name.unicodeScalars.append(s) }
                guard next() == "]", let posix = CharClass.posix[name] else {
                    throw error("invalid posix class [:\(name):]")
                }
                ranges += negatedPosix ? CharClass.complement(posix) : posix
                continue
            }
            var low: Unicode.Scalar = c
            if c == "\\" {
                guard let e = next() else { throw error("missing ']'") }
                if let perl = try classEscape(e) {
                    ranges += perl
                    continue
                }
                low = e == "b" ? "\u{08}" : try literalEscape(e)
            }
            var high = low
            if peek() == "-", let after = peek(1), after != "]" {
                index += 1
                guard var h = next() else { throw error("missing ']'") }
                if h == "\\" {
                    guard let e = next() else { throw error("missing ']'") }
                    h = try literalEscape(e)
                }
                high = h
                guard high.value >= low.value else { throw error("invalid character class range \(low)-\(high)") }
            }
            ranges.append(low.value...high.value)
        }
        return CharClass(ranges: CharClass.normalized(ranges), negated: negated, foldCase: flags.caseInsensitive)
    }
}
