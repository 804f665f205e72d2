/// Parses RE2 syntax into a `RegexNode`; backtracking-only features are clear errors.
struct RegexParser {
    struct Flags {
        var caseInsensitive = false
        var multiLine = false
        var dotAll = false
    }

    static let maxNesting = 200
    static let maxRepeat = 1000

    private let pattern: String
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var depth = 0

    init(_ pattern: String) {
        self.pattern = pattern
        self.scalars = Array(pattern.unicodeScalars)
    }

    static func parse(_ pattern: String) throws(CELError) -> RegexNode {
        var parser = RegexParser(pattern)
        var flags = Flags()
        let node = try parser.parseAlternation(&flags)
        if parser.index < parser.scalars.count {
            throw parser.error("unexpected ')'")
        }
        return node
    }

    private func error(_ message: String) -> CELError {
        CELError(.regex, "invalid regular expression '\(pattern)': \(message)")
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        index + ahead < scalars.count ? scalars[index + ahead] : nil
    }

    private mutating func next() -> Unicode.Scalar? {
        guard index < scalars.count else { return nil }
        defer { index += 1 }
        return scalars[index]
    }

    private mutating func parseAlternation(_ flags: inout Flags) throws(CELError) -> RegexNode {
        var branches = [try parseConcat(&flags)]
        while peek() == "|" {
            index += 1
            branches.append(try parseConcat(&flags))
        }
        return branches.count == 1 ? branches[0] : .alternate(branches)
    }

    private mutating func parseConcat(_ flags: inout Flags) throws(CELError) -> RegexNode {
        var items: [RegexNode] = []
        while let c = peek(), c != "|", c != ")" {
            guard var atom = try parseAtom(&flags) else { continue }
            var quantified = false
            while let q = peek(), q == "*" || q == "+" || q == "?" || (q == "{" && isRepeatSpec()) {
                if quantified { throw error("bad repetition operator '\(q)'") }
                if case .empty = atom { throw error("missing argument to repetition operator '\(q)'") }
                atom = try parseQuantifier(atom)
                quantified = true
                if peek() == "?" { index += 1 }  // lazy: same match/no-match answer
                if peek() == "+" { throw error("possessive repetition is not supported") }
            }
            items.append(atom)
        }
        return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .concat(items))
    }

    /// Whether `{` starts a valid `{n}`, `{n,}` or `{n,m}`; otherwise it is a literal, as in RE2.
    private func isRepeatSpec() -> Bool {
        var i = index + 1, digits = 0
        while i < scalars.count, scalars[i].isDigit { i += 1; digits += 1 }
        guard digits > 0, i < scalars.count else { return false }
        if scalars[i] == "}" { return true }
        guard scalars[i] == "," else { return false }
        i += 1
        while i < scalars.count, scalars[i].isDigit { i += 1 }
        return i < scalars.count && scalars[i] == "}"
    }

    private mutating func parseQuantifier(_ atom: RegexNode) throws(CELError) -> RegexNode {
        switch next() {
        case "*": return .repeat(atom, min: 0, max: nil)
        case "+": return .repeat(atom, min: 1, max: nil)
        case "?": return .repeat(atom, min: 0, max: 1)
        default:
            var min = 0, max: Int? = nil
            while let d = peek(), d.isDigit { min = Swift.min(min * 10 + Int(d.value - 48), 100_000); index += 1 }
            if peek() == "," {
                index += 1
                if let d = peek(), d.isDigit {
                    var m = 0
                    while let d = peek(), d.isDigit { m = Swift.min(m * 10 + Int(d.value - 48), 100_000); index += 1 }
                    max = m
                }
            } else {
                max = min
            }
            index += 1  // "}"
            if min > Self.maxRepeat || (max ?? 0) > Self.maxRepeat {
                throw error("repetition count above \(Self.maxRepeat)")
            }
            if let max, max < min { throw error("invalid repetition range {\(min),\(max)}") }
            return .repeat(atom, min: min, max: max)
        }
    }

    /// One atom, or nil for a flag group such as `(?i)` that only changes flags.
    private mutating func parseAtom(_ flags: inout Flags) throws(CELError) -> RegexNode? {
        guard let c = next() else { return .empty }
        switch c {
        case "(": return try parseGroup(&flags)
        case "[": return .charClass(try parseClass(flags))
        case ".": return .any(matchesNewline: flags.dotAll)
        case "^": return .assertion(flags.multiLine ? .beginLine : .beginText)
        case "$": return .assertion(flags.multiLine ? .endLine : .endText)
        case "\\": return try parseEscape(flags)
        case "*", "+", "?": throw error("missing argument to repetition operator '\(c)'")
        default: return .literal(c, foldCase: flags.caseInsensitive)
        }
    }

    private mutating func parseGroup(_ flags: inout Flags) throws(CELError) -> RegexNode? {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxNesting { throw error("nesting deeper than \(Self.maxNesting)") }
        var inner = flags
        if peek() == "?" {
            index += 1
            switch peek() {
            case "=", "!": throw error("lookahead (?\(peek() ?? "=")...) is not supported (RE2 syntax has no lookaround)")
            case "<" where peek(1) == "=" || peek(1) == "!":
                throw error("lookbehind is not supported (RE2 syntax has no lookaround)")
            case "P", "<":
                if peek() == "P" { index += 1 }
                guard peek() == "<" else { throw error("invalid named group") }
                while let s = next(), s != ">" {}
            default:
                // Flags: (?i) (?-i) (?i:...) and combinations of i, m, s, U.
                var negate = false, sawFlag = false
                while let f = next() {
                    switch f {
                    case "i": inner.caseInsensitive = !negate
                    case "m": inner.multiLine = !negate
                    case "s": inner.dotAll = !negate
                    case "U": break
                    case "-":
                        if negate { throw error("invalid flag group") }
                        negate = true
                        continue
                    case ")":
                        guard sawFlag else { throw error("missing flags in group") }
                        flags = inner
                        return nil
                    case ":":
                        let node = try parseAlternation(&inner)
                        guard next() == ")" else { throw error("missing ')'") }
                        return node
                    default: throw error("unsupported group flag '\(f)'")
                    }
                    sawFlag = true
                }
                throw error("missing ')'")
            }
        }
        let node = try parseAlternation(&inner)
        guard next() == ")" else { throw error("missing ')'") }
        return node
    }

    private mutating func parseEscape(_ flags: Flags) throws(CELError) -> RegexNode {
        guard let c = next() else { throw error("trailing backslash") }
        switch c {
        case "A": return .assertion(.beginText)
        case "z": return .assertion(.endText)
        case "b": return .assertion(.wordBoundary)
        case "B": return .assertion(.notWordBoundary)
        case "1"..."9": throw error("backreferences (\\\(c)) are not supported")
        case "Z": throw error("\\Z is not supported; use \\z or $")
        default:
            if let ranges = try classEscape(c) {
                return .charClass(CharClass(ranges: ranges, negated: false, foldCase: flags.caseInsensitive))
            }
            return .literal(try literalEscape(c), foldCase: flags.caseInsensitive)
        }
    }

    /// `\d \w \s \p{..}` and their negations, as ranges; nil for other escapes.
    private mutating func classEscape(_ c: Unicode.Scalar) throws(CELError) -> [ClosedRange<UInt32>]? {
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

    private mutating func literalEscape(_ c: Unicode.Scalar) throws(CELError) -> Unicode.Scalar {
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

    private mutating func parseClass(_ flags: Flags) throws(CELError) -> CharClass {
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
                guard next() == "]", let posix = CharClass.posix[name] else { throw error("invalid posix class [:\(name):]") }
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
