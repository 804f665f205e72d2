/// A compiled RE2-syntax regular expression, matched by a Pike VM in time linear in the input.
///
/// Only whether a match exists is computed, so greedy and lazy repetition behave alike and
/// no capture positions are tracked. `matches` is an unanchored search, as in CEL.
struct Regex: Sendable {
    enum Inst: Sendable {
        case scalar(UInt32)
        case scalarFold(UInt32, UInt32)
        case charClass(CharClass)
        case any
        case anyNotNewline
        case split(Int, Int)
        case jump(Int)
        case assertion(RegexAssertion)
        case match
    }

    static let maxInstructions = 50_000

    let program: [Inst]
    /// Whether every match must start at offset 0 (the pattern begins with `^` or `\A`).
    let anchoredStart: Bool
    /// UTF-8 of the literal scalars every match starts with, checked before running the VM.
    let literalPrefix: [UInt8]
    /// Whether the pattern is nothing but the prefix (and `^`), so the prefix decides alone.
    let isLiteral: Bool
    /// UTF-8 of literal text every match holds (`RequiredLiteral`), looked for before the VM runs.
    let required: [UInt8]

    init(_ pattern: String) throws(CELError) {
        let node = try RegexParser.parse(pattern)
        var compiler = RegexCompiler(pattern: pattern)
        try compiler.emit(node)
        compiler.program.append(.match)
        program = compiler.program
        if case .assertion(.beginText) = program.first { anchoredStart = true } else { anchoredStart = false }
        var prefix = String.UnicodeScalarView()
        var pc = anchoredStart ? 1 : 0
        while pc < program.count, case .scalar(let value) = program[pc], let scalar = Unicode.Scalar(value) {
            prefix.append(scalar)
            pc += 1
        }
        literalPrefix = Array(String(prefix).utf8)
        if case .match = program[pc] { isLiteral = true } else { isLiteral = false }
        required = Array(String(String.UnicodeScalarView(RequiredLiteral.of(node))).utf8)
    }

    /// Whether the pattern matches anywhere in `text`.
    func matches(_ text: String) -> Bool {
        RequiredLiteral.occurs(required, in: text) && search(text)
    }

    /// `matches`, without first looking for the text every match holds.
    func search(_ text: String) -> Bool {
        if anchoredStart, !text.utf8.starts(with: literalPrefix) { return false }
        if isLiteral {
            return anchoredStart || ByteSearch.find(literalPrefix, in: Array(text.utf8)) != nil
        }
        let input = Array(text.unicodeScalars)
        var current = SparseSet(capacity: program.count)
        var next = SparseSet(capacity: program.count)
        var stack: [Int] = []
        for position in 0...input.count {
            if position == 0 || !anchoredStart {
                if add(0, at: position, input, to: &current, &stack) { return true }
            }
            if current.isEmpty {
                if anchoredStart { return false }
                continue
            }
            guard position < input.count else { break }
            let scalar = input[position]
            for pc in current.dense {
                let advance: Bool
                switch program[pc] {
                case .scalar(let v): advance = scalar.value == v
                case .scalarFold(let a, let b): advance = scalar.value == a || scalar.value == b
                case .charClass(let c): advance = c.contains(scalar)
                case .any: advance = true
                case .anyNotNewline: advance = scalar != "\n"
                default: advance = false
                }
                if advance, add(pc + 1, at: position + 1, input, to: &next, &stack) { return true }
            }
            swap(&current, &next)
            next.removeAll()
        }
        return false
    }

    /// Adds the thread at `pc` and every thread reachable without consuming input;
    /// true when one of them is a match.
    private func add(
        _ pc: Int, at position: Int, _ input: [Unicode.Scalar], to set: inout SparseSet, _ stack: inout [Int]
    ) -> Bool {
        stack.append(pc)
        while let pc = stack.popLast() {
            if set.contains(pc) { continue }
            set.insert(pc)
            switch program[pc] {
            case .match:
                stack.removeAll()
                return true
            case .jump(let target): stack.append(target)
            case .split(let a, let b):
                stack.append(b)
                stack.append(a)
            case .assertion(let kind):
                if holds(kind, at: position, input) { stack.append(pc + 1) }
            default: break
            }
        }
        return false
    }

    private func holds(_ kind: RegexAssertion, at position: Int, _ input: [Unicode.Scalar]) -> Bool {
        switch kind {
        case .beginText: return position == 0
        case .endText: return position == input.count
        case .beginLine: return position == 0 || input[position - 1] == "\n"
        case .endLine: return position == input.count || input[position] == "\n"
        case .wordBoundary, .notWordBoundary:
            let before = position > 0 && Self.isWord(input[position - 1])
            let after = position < input.count && Self.isWord(input[position])
            return (before != after) == (kind == .wordBoundary)
        }
    }

    private static func isWord(_ s: Unicode.Scalar) -> Bool { s.isIdentifierPart }
}

/// A set of small integers with O(1) insert, membership and clear, iterated in insertion order.
struct SparseSet {
    private(set) var dense: [Int] = []
    private var sparse: [Int]

    init(capacity: Int) {
        sparse = Array(repeating: 0, count: capacity)
        dense.reserveCapacity(capacity)
    }

    var isEmpty: Bool { dense.isEmpty }

    func contains(_ value: Int) -> Bool {
        let i = sparse[value]
        return i < dense.count && dense[i] == value
    }

    mutating func insert(_ value: Int) {
        sparse[value] = dense.count
        dense.append(value)
    }

    mutating func removeAll() { dense.removeAll(keepingCapacity: true) }
}
