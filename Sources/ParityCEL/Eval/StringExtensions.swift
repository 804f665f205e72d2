/// An extension set of string functions beyond standard CEL, as cel-go's `ext.Strings`:
/// `lowerAscii`, `upperAscii`, `trim`, `split`, `join`, `replace`, `indexOf`, `lastIndexOf`.
/// Indexes count Unicode scalars, as `size` does.
enum StringExtensions {
    static let functions: [(String, Int, Function)] = [
        (
            "lowerAscii", 1,
            Function(allocates: true) { (a: CELValue) throws(CELError) -> CELValue in
                .string(mapASCII(try string(a, "lowerAscii"), letters: UInt8(ascii: "A")...UInt8(ascii: "Z"), by: 32))
            }
        ),
        (
            "upperAscii", 1,
            Function(allocates: true) { (a: CELValue) throws(CELError) -> CELValue in
                .string(mapASCII(try string(a, "upperAscii"), letters: UInt8(ascii: "a")...UInt8(ascii: "z"), by: -32))
            }
        ),
        (
            "trim", 1,
            Function(allocates: true) { (a: CELValue) throws(CELError) -> CELValue in
                let scalars = Array(try string(a, "trim").unicodeScalars)
                var start = 0, end = scalars.count
                while start < end, scalars[start].properties.isWhitespace { start += 1 }
                while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
                return .string(String(String.UnicodeScalarView(scalars[start..<end])))
            }
        ),
        (
            "split", 2,
            Function(allocates: true) { (a: CELValue, b: CELValue) throws(CELError) -> CELValue in
                try split(a, b, limit: -1)
            }
        ),
        (
            "split", 3,
            Function(
                allocates: true,
                nary: { (args: [CELValue]) throws(CELError) -> CELValue in
                    guard case .int(let limit) = args[2] else {
                        throw Builtins.noOverload("split", args[0], args[1], args[2])
                    }
                    return try split(args[0], args[1], limit: limit)
                })
        ),
        (
            "join", 1,
            Function(allocates: true) { (a: CELValue) throws(CELError) -> CELValue in
                try join(a, .string(""))
            }
        ),
        ("join", 2, Function(allocates: true, join)),
        (
            "replace", 3,
            Function(
                allocates: true,
                nary: { (args: [CELValue]) throws(CELError) -> CELValue in
                    try replace(args, limit: -1)
                })
        ),
        (
            "replace", 4,
            Function(
                allocates: true,
                nary: { (args: [CELValue]) throws(CELError) -> CELValue in
                    guard case .int(let limit) = args[3] else {
                        throw Builtins.noOverload("replace", args[0], args[1], args[2], args[3])
                    }
                    return try replace(args, limit: limit)
                })
        ),
        (
            "indexOf", 2,
            Function { (a: CELValue, b: CELValue) throws(CELError) -> CELValue in
                try indexOf(a, b, from: .int(0), last: false)
            }
        ),
        (
            "indexOf", 3,
            Function(nary: { (args: [CELValue]) throws(CELError) -> CELValue in
                try indexOf(args[0], args[1], from: args[2], last: false)
            })
        ),
        (
            "lastIndexOf", 2,
            Function { (a: CELValue, b: CELValue) throws(CELError) -> CELValue in
                try indexOf(a, b, from: nil, last: true)
            }
        ),
        (
            "lastIndexOf", 3,
            Function(nary: { (args: [CELValue]) throws(CELError) -> CELValue in
                try indexOf(args[0], args[1], from: args[2], last: true)
            })
        ),
    ]

    private static func string(_ value: CELValue, _ name: String) throws(CELError) -> String {
        guard case .string(let s) = value else { throw Builtins.noOverload(name, value) }
        return s
    }

    /// ASCII case mapping, done on the UTF-8 bytes: every byte of a multi-byte scalar is
    /// 0x80 or above, so only the ASCII letters in `letters` change. Rebuilding the string a
    /// scalar at a time cost far more, in rules that lower every configuration value.
    private static func mapASCII(_ s: String, letters: ClosedRange<UInt8>, by delta: Int) -> String {
        // Most values (names, hosts, levels already in the case asked for) have no letter to
        // change: they are returned as they are, without a copy of their bytes.
        let unchanged = s.utf8.withContiguousStorageIfAvailable { !$0.contains(where: letters.contains) }
        if unchanged ?? !s.utf8.contains(where: letters.contains) { return s }
        var bytes = Array(s.utf8)
        for i in bytes.indices where letters.contains(bytes[i]) { bytes[i] = UInt8(Int(bytes[i]) + delta) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func split(_ a: CELValue, _ b: CELValue, limit: Int64) throws(CELError) -> CELValue {
        guard case .string(var s) = a, case .string(var separator) = b else { throw Builtins.noOverload("split", a, b) }
        if limit == 0 { return .list([]) }
        var parts: [CELValue] = []
        guard !separator.isEmpty else {
            // Into single scalars.
            let scalars = s.unicodeScalars
            for index in scalars.indices {
                if limit > 0, parts.count == limit - 1 {
                    parts.append(.string(String(scalars[index...])))
                    return .list(parts)
                }
                parts.append(.string(String(scalars[index])))
            }
            return .list(parts)
        }
        // Over the UTF-8 bytes in place: a separator of whole scalars matches only on scalar
        // boundaries (no UTF-8 sequence starts inside another), so the parts are those a split
        // by scalars makes, without a copy of either string's scalars.
        s.makeContiguousUTF8()
        separator.makeContiguousUTF8()
        s.utf8.withContiguousStorageIfAvailable { text in
            separator.utf8.withContiguousStorageIfAvailable { sep in
                func part(_ range: Range<Int>) -> CELValue {
                    .string(String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self))
                }
                var start = 0, i = 0
                while i + sep.count <= text.count {
                    if limit > 0, parts.count == limit - 1 { break }
                    if text[i] == sep[0], UnsafeBufferPointer(rebasing: text[i..<(i + sep.count)]).elementsEqual(sep) {
                        parts.append(part(start..<i))
                        i += sep.count
                        start = i
                    } else {
                        i += 1
                    }
                }
                parts.append(part(start..<text.count))
            }
        }
        return .list(parts)
    }

    private static func join(_ a: CELValue, _ b: CELValue) throws(CELError) -> CELValue {
        guard case .list(let items) = a, case .string(let separator) = b else {
            throw Builtins.noOverload("join", a, b)
        }
        var out = ""
        for (i, item) in items.enumerated() {
            guard case .string(let s) = item else {
                throw CELError(
                    .noSuchOverload, "join() expects a list of strings, found an element of type '\(item.typeName)'")
            }
            if i > 0 { out += separator }
            out += s
        }
        return .string(out)
    }

    private static func replace(_ args: [CELValue], limit: Int64) throws(CELError) -> CELValue {
        guard case .string(let s) = args[0], case .string(let old) = args[1], case .string(let new) = args[2] else {
            throw Builtins.noOverload("replace", args[0], args[1], args[2])
        }
        if !old.isEmpty { return .string(replaceBytes(s, old, new, limit: limit)) }
        let scalars = Array(s.unicodeScalars), pattern = Array(old.unicodeScalars)
        var out = String.UnicodeScalarView(), i = 0, count: Int64 = 0
        while i <= scalars.count {
            let canReplace = limit < 0 || count < limit
            if canReplace, i + pattern.count <= scalars.count, scalars[i..<(i + pattern.count)].elementsEqual(pattern) {
                out.append(contentsOf: new.unicodeScalars)
                count += 1
                if pattern.isEmpty {
                    if i < scalars.count { out.append(scalars[i]) }
                    i += 1
                } else {
                    i += pattern.count
                }
            } else {
                if i < scalars.count { out.append(scalars[i]) }
                i += 1
            }
        }
        return .string(String(out))
    }

    /// `replace` of a non-empty pattern, on UTF-8 bytes. UTF-8 is self-synchronising: a
    /// pattern's first byte never matches inside a multi-byte scalar, so byte matches are
    /// exactly the scalar matches, leftmost first, without decoding a scalar at a time.
    private static func replaceBytes(_ s: String, _ old: String, _ new: String, limit: Int64) -> String {
        let source = Array(s.utf8), pattern = Array(old.utf8), replacement = Array(new.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(source.count)
        var i = 0, count: Int64 = 0
        while i < source.count {
            if limit < 0 || count < limit, i + pattern.count <= source.count, source[i] == pattern[0],
               source[i..<(i + pattern.count)].elementsEqual(pattern) {
                out += replacement
                count += 1
                i += pattern.count
            } else {
                out.append(source[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func indexOf(_ a: CELValue, _ b: CELValue, from: CELValue?, last: Bool) throws(CELError) -> CELValue
    {
        let name = last ? "lastIndexOf" : "indexOf"
        guard case .string(let s) = a, case .string(let sub) = b else { throw Builtins.noOverload(name, a, b) }
        let scalars = Array(s.unicodeScalars), needle = Array(sub.unicodeScalars)
        var position: Int? = nil
        if let from {
            guard case .int(let p) = from else { throw Builtins.noOverload(name, a, b, from) }
            guard p >= 0, p <= scalars.count else {
                throw CELError(
                    .indexOutOfRange, "\(name)() position \(p) out of range for a string of size \(scalars.count)")
            }
            position = Int(p)
        }
        func matches(at i: Int) -> Bool {
            i + needle.count <= scalars.count && scalars[i..<(i + needle.count)].elementsEqual(needle)
        }
        if last {
            var i = min(position ?? scalars.count, scalars.count - needle.count)
            while i >= 0 {
                if matches(at: i) { return .int(Int64(i)) }
                i -= 1
            }
        } else {
            var i = position ?? 0
            while i + needle.count <= scalars.count {
                if matches(at: i) { return .int(Int64(i)) }
                i += 1
            }
        }
        return .int(-1)
    }
}
