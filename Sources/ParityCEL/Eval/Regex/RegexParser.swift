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
    let scalars: [Unicode.Scalar]
    var index = 0
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

    func error(_ message: String) -> CELError {
        CELError(.regex, "invalid regular expression '\(pattern)': \(message)")
    }

    func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        index + ahead < scalars.count ? scalars[index + ahead] : nil
    }

    mutating func next() -> Unicode.Scalar? {
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
            case "=", "!":
                throw error("lookahead (?\(peek() ?? "=")...) is not supported (RE2 syntax has no lookaround)")
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
}
